//! Where a trainee lives: one of Banten's kabupaten/kota by its Kemendagri code, or a
//! named one elsewhere.

use serde::{Deserialize, Serialize};

use crate::kernel::identity::{Nik, BANTEN_REGENCIES};
use crate::kernel::input::parse_text;
use crate::kernel::Problem;

/// The kabupaten/kota of an address: one of Banten's (by Kemendagri code) or a named one
/// elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regency {
    pub code: Option<String>,
    pub name: String,
}

impl Regency {
    /// A Banten regency by its code.
    pub fn banten(code: &str) -> Option<Self> {
        BANTEN_REGENCIES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(c, name)| Self {
                code: Some((*c).to_owned()),
                name: (*name).to_owned(),
            })
    }

    /// A Banten regency as people write it: `3673`, `Kota Serang`, `Kab. Serang`,
    /// `Kabupaten Serang`, `kota serang` (any case, extra spaces).
    pub fn find_banten(input: &str) -> Option<Self> {
        let key = regency_key(input);
        if key.is_empty() {
            return None;
        }
        BANTEN_REGENCIES
            .iter()
            .find(|(code, name)| *code == key || regency_key(name) == key)
            .and_then(|(code, _)| Self::banten(code))
    }
}

/// Banten's kabupaten/kota as (code, name), for select lists.
pub fn regency_choices() -> Vec<(String, String)> {
    BANTEN_REGENCIES
        .iter()
        .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
        .collect()
}

/// `kab. serang` / `Kabupaten  Serang` → `kab serang`; `Kota Serang` → `kota serang`.
fn regency_key(input: &str) -> String {
    let words: Vec<String> = input
        .to_lowercase()
        .replace(['.', ','], " ")
        .split_whitespace()
        .map(|w| {
            if w == "kabupaten" {
                "kab".to_owned()
            } else {
                w.to_owned()
            }
        })
        .collect();
    words.join(" ")
}

/// Where an address is: a Banten code, or a name outside Banten; empty takes the NIK's
/// regency when that is in Banten.
///
/// # Errors
/// [`Problem::UnknownDistrict`] or [`Problem::Required`].
pub fn parse_regency(code: &str, other: &str, nik: Option<&Nik>) -> Result<Regency, Problem> {
    match code.trim() {
        "" if other.trim().is_empty() => nik
            .and_then(|nik| Regency::banten(nik.regency_code()))
            .ok_or(Problem::Required),
        "" | "other" => {
            if let Some(found) = Regency::find_banten(other) {
                return Ok(found);
            }
            let name = parse_text(other, 80, false)?.unwrap_or_default();
            // A Banten NIK with a name that is not a Banten regency is likely a typo.
            Ok(Regency { code: None, name })
        }
        code => Regency::banten(code).ok_or(Problem::UnknownDistrict),
    }
}
