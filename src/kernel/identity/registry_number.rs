use serde::{Deserialize, Serialize};

use crate::kernel::error::Problem;
use std::fmt;

/// A number another government system gave the person: the ID PMI of their SIAPkerja
/// account (Kemnaker) or their SISKOP2MI registration number (KP2MI). Neither system
/// publishes its format, so the value is kept as written on the print-out, in one
/// canonical spelling so that the unique index finds the same number typed twice: spaces
/// removed, letters in capitals, 4 to 40 of `A–Z`, `0–9`, `-`, `/` and `.`, with at least
/// one digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RegistryNumber(String);

impl RegistryNumber {
    pub const MAX_LEN: usize = 40;

    /// # Errors
    /// [`Problem::InvalidRegistryNumber`] when the input is not such a number.
    pub fn parse(input: &str) -> Result<Self, Problem> {
        // Checked before capitals are made, so that no letter becomes an ASCII one (`ı`, `ſ`).
        let candidate: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let shaped = (4..=Self::MAX_LEN).contains(&candidate.len())
            && candidate
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.'))
            && candidate.chars().any(|c| c.is_ascii_digit());
        let candidate = candidate.to_ascii_uppercase();
        if shaped {
            Ok(Self(candidate))
        } else {
            Err(Problem::InvalidRegistryNumber)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RegistryNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_one_spelling() {
        let parsed = RegistryNumber::parse("  pmi-3604 2026 0001 ").map(|n| n.to_string());
        assert_eq!(parsed.as_deref(), Ok("PMI-360420260001"));
        assert_eq!(
            RegistryNumber::parse("B3P2MI/2026/00123")
                .map(|n| n.to_string())
                .as_deref(),
            Ok("B3P2MI/2026/00123")
        );
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for bad in [
            "",
            "12",
            "ABCDEF",
            "PMI#2026",
            "nomor 12 ✓",
            "pmı-2026",
            "ſ-2026",
            &"1".repeat(41),
        ] {
            assert_eq!(
                RegistryNumber::parse(bad),
                Err(Problem::InvalidRegistryNumber),
                "{bad:?}"
            );
        }
    }
}
