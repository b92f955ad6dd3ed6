//! The rules of documents: how a letter number is written from a site's pattern, the
//! verification code, which enrollments may have which document, what a logo may be, and
//! the settings an admin types. Pure types and functions, no I/O; every rule is
//! unit-tested here.

use serde::{Deserialize, Serialize};
use time::Date;

pub use super::paper::DocumentKind;
use crate::kernel::input::parse_text;
use crate::kernel::{AppError, FieldError, Problem};
use crate::trainees::model::enrollment::EnrollmentStatus;

/// The longest letter number stored.
const NUMBER_MAX: usize = 120;

/// The parts a numbering pattern may name.
const PLACEHOLDERS: [&str; 5] = ["seq", "site", "month_roman", "month", "year"];

/// A site's way of writing letter numbers, such as `{seq}/SJ/{site}/{month_roman}/{year}`:
/// the sequence (three digits at least), the site's code, the month in roman numerals or
/// as two digits, the year. It names `{seq}`, `{site}` and `{year}`, so numbers never
/// repeat across sites or years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberPattern(String);

impl NumberPattern {
    /// # Errors
    /// `Required`, `TooLong`, `UnknownPlaceholder` for a `{…}` that is not one of the
    /// parts, `PatternNeeds` when `{seq}`, `{site}` or `{year}` is missing.
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let text = input.trim();
        if text.is_empty() {
            return Err(Problem::Required);
        }
        if text.chars().count() > 80 {
            return Err(Problem::TooLong { max: 80 });
        }
        let mut rest = text;
        let mut named = Vec::new();
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                return Err(Problem::UnknownPlaceholder {
                    name: after.chars().take(20).collect::<String>(),
                });
            };
            let name = &after[..close];
            if !PLACEHOLDERS.contains(&name) {
                return Err(Problem::UnknownPlaceholder {
                    name: format!("{{{name}}}"),
                });
            }
            named.push(name);
            rest = &after[close + 1..];
        }
        if rest.contains('}') {
            return Err(Problem::UnknownPlaceholder { name: "}".into() });
        }
        for needed in ["seq", "site", "year"] {
            if !named.contains(&needed) {
                return Err(Problem::PatternNeeds {
                    part: format!("{{{needed}}}"),
                });
            }
        }
        let pattern = Self(text.to_owned());
        // The longest number it can write (a six-digit sequence, a 32-character site code,
        // VIII) must fit the stored number.
        let longest = pattern.number(999_999, &"X".repeat(32), time::macros::date!(2026 - 08 - 01));
        if longest.chars().count() > NUMBER_MAX {
            return Err(Problem::TooLong { max: 80 });
        }
        Ok(pattern)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number of the `seq`th document of the year of `on` at the site coded `site`.
    pub fn number(&self, seq: u32, site: &str, on: Date) -> String {
        self.0
            .replace("{seq}", &format!("{seq:03}"))
            .replace("{site}", site)
            .replace("{month_roman}", roman(u8::from(on.month())))
            .replace("{month}", &format!("{:02}", u8::from(on.month())))
            .replace("{year}", &on.year().to_string())
    }
}

/// A month (1–12) in roman numerals, as Indonesian letter numbers write it.
pub fn roman(month: u8) -> &'static str {
    const ROMAN: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    ROMAN[usize::from(month.clamp(1, 12) - 1)]
}

/// Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is not
/// mistaken.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A document's verification code: 20 characters of base 32, 100 random bits, so it
/// cannot be guessed; printed in groups of four (`7KQ2-…`). Stored without the dashes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VerificationCode(String);

impl VerificationCode {
    pub const LENGTH: usize = 20;

    /// The code of 100 random bits (the low 100 of `bits`).
    pub fn from_bits(bits: u128) -> Self {
        let code = (0..Self::LENGTH)
            .map(|i| char::from(ALPHABET[((bits >> (5 * i)) & 31) as usize]))
            .collect();
        Self(code)
    }

    /// A code as typed or scanned: case, dashes and spaces do not matter, and the letters
    /// people confuse with digits read as those digits (I, L → 1; O → 0).
    pub fn parse(input: &str) -> Option<Self> {
        let mut code = String::with_capacity(Self::LENGTH);
        for c in input.chars() {
            match c.to_ascii_uppercase() {
                '-' | ' ' => {}
                'I' | 'L' => code.push('1'),
                'O' => code.push('0'),
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => code.push(c),
                _ => return None,
            }
            if code.len() > Self::LENGTH {
                return None;
            }
        }
        (code.len() == Self::LENGTH).then_some(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// In groups of four, as printed: `7KQ2-M9XD-…`.
    pub fn printed(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

/// Whether an enrollment in `status` may have a document of `kind`: a certificate once the
/// course is completed, a letter while the trainee is active.
///
/// # Errors
/// `NotCompleted` or `NotActive`.
pub fn may_issue(kind: DocumentKind, status: EnrollmentStatus) -> Result<(), Problem> {
    match (kind, status) {
        (DocumentKind::Certificate, EnrollmentStatus::Completed) => Ok(()),
        (DocumentKind::Certificate, _) => Err(Problem::NotCompleted),
        (DocumentKind::Letter, EnrollmentStatus::Active) => Ok(()),
        (DocumentKind::Letter, _) => Err(Problem::NotActive),
    }
}

/// The largest logo accepted.
pub const LOGO_MAX_KIB: u32 = 512;

/// The content type of a logo, told by its bytes (never its name): PNG, JPEG, or an SVG
/// document (an XML text whose root is `<svg`).
///
/// # Errors
/// `FileTooLarge` past [`LOGO_MAX_KIB`], `NotALogo` for anything else.
pub fn logo_type(bytes: &[u8]) -> Result<&'static str, Problem> {
    if bytes.len() > LOGO_MAX_KIB as usize * 1024 {
        return Err(Problem::FileTooLarge {
            max_kib: LOGO_MAX_KIB,
        });
    }
    match bytes {
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Ok("image/png"),
        [0xFF, 0xD8, 0xFF, ..] => Ok("image/jpeg"),
        _ if is_svg(bytes) => Ok("image/svg+xml"),
        _ => Err(Problem::NotALogo),
    }
}

/// An SVG document: UTF-8 text that, past an optional XML declaration, comments and a
/// doctype, opens with the `<svg` element.
fn is_svg(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            let Some(end) = after.find("?>") else { return false };
            rest = after[end + 2..].trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else {
                return false;
            };
            rest = after[end + 3..].trim_start();
        } else if let Some(after) = rest.strip_prefix("<!DOCTYPE") {
            let Some(end) = after.find('>') else { return false };
            rest = after[end + 1..].trim_start();
        } else {
            return rest
                .strip_prefix("<svg")
                .and_then(|after| after.chars().next())
                .is_some_and(|next| next.is_whitespace() || next == '>' || next == '/');
        }
    }
}

/// Why a document is revoked: said in a sentence, kept in its history and shown.
///
/// # Errors
/// `Required` or `TooLong` (300).
pub fn revoke_reason(input: &str) -> Result<String, Problem> {
    parse_text(input, 300, false)?.ok_or(Problem::Required)
}

/// A site's document settings as an admin typed them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsInput {
    #[serde(default)]
    pub site_id: String,
    #[serde(default)]
    pub signatory_name: String,
    #[serde(default)]
    pub signatory_position: String,
    #[serde(default)]
    pub certificate_pattern: String,
    #[serde(default)]
    pub letter_pattern: String,
}

/// A site's document settings, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub site_id: i64,
    pub signatory_name: String,
    pub signatory_position: String,
    pub certificate_pattern: Option<NumberPattern>,
    pub letter_pattern: Option<NumberPattern>,
}

impl TryFrom<&SettingsInput> for Settings {
    type Error = AppError;

    /// Every field's problem at once. A pattern may be left empty (that kind is not
    /// issued at the site); the two may not be the same.
    fn try_from(input: &SettingsInput) -> Result<Self, AppError> {
        let mut errors = Vec::new();
        let mut field = |name: &str, result: Result<Option<String>, Problem>, required: bool| match result {
            Ok(Some(value)) => Some(value),
            Ok(None) if required => {
                errors.push(FieldError::new(name, Problem::Required));
                None
            }
            Ok(None) => None,
            Err(problem) => {
                errors.push(FieldError::new(name, problem));
                None
            }
        };
        let site_id = field(
            "site_id",
            Ok(Some(input.site_id.trim().to_owned()).filter(|s| !s.is_empty())),
            true,
        )
        .and_then(|id| id.parse::<i64>().ok());
        let signatory_name = field(
            "signatory_name",
            parse_text(&input.signatory_name, 120, true),
            true,
        );
        let signatory_position = field(
            "signatory_position",
            parse_text(&input.signatory_position, 160, true),
            true,
        );
        let pattern = |text: &str| {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                NumberPattern::parse(text).map(Some)
            }
        };
        let certificate_pattern = pattern(&input.certificate_pattern);
        let letter_pattern = pattern(&input.letter_pattern);
        let certificate_pattern = match certificate_pattern {
            Ok(value) => value,
            Err(problem) => {
                errors.push(FieldError::new("certificate_pattern", problem));
                None
            }
        };
        let letter_pattern = match letter_pattern {
            Ok(value) => value,
            Err(problem) => {
                errors.push(FieldError::new("letter_pattern", problem));
                None
            }
        };
        if certificate_pattern.is_some() && certificate_pattern == letter_pattern {
            errors.push(FieldError::new("letter_pattern", Problem::SamePattern));
        }
        match (site_id, signatory_name, signatory_position) {
            (Some(site_id), Some(signatory_name), Some(signatory_position)) if errors.is_empty() => {
                Ok(Self {
                    site_id,
                    signatory_name,
                    signatory_position,
                    certificate_pattern,
                    letter_pattern,
                })
            }
            _ if errors.is_empty() => Err(AppError::invalid("site_id", Problem::InvalidChoice)),
            _ => Err(AppError::Invalid(errors)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_pattern_writes_the_number_with_the_site_month_and_year() {
        let pattern = NumberPattern::parse(" {seq}/SJ/{site}/{month_roman}/{year} ").unwrap();
        assert_eq!(
            pattern.number(7, "SRG", date!(2026 - 12 - 07)),
            "007/SJ/SRG/XII/2026"
        );
        assert_eq!(
            pattern.number(1234, "TNG", date!(2027 - 04 - 01)),
            "1234/SJ/TNG/IV/2027"
        );
        let plain = NumberPattern::parse("SK-{site}-{year}{month}-{seq}").unwrap();
        assert_eq!(
            plain.number(12, "SRG", date!(2027 - 01 - 31)),
            "SK-SRG-202701-012"
        );
    }

    #[test]
    fn a_pattern_without_its_parts_or_with_unknown_ones_is_refused() {
        assert_eq!(NumberPattern::parse(" "), Err(Problem::Required));
        assert_eq!(
            NumberPattern::parse("{site}/{year}"),
            Err(Problem::PatternNeeds { part: "{seq}".into() })
        );
        assert_eq!(
            NumberPattern::parse("{seq}/{site}"),
            Err(Problem::PatternNeeds {
                part: "{year}".into()
            })
        );
        assert_eq!(
            NumberPattern::parse("{seq}/{year}"),
            Err(Problem::PatternNeeds {
                part: "{site}".into()
            })
        );
        assert_eq!(
            NumberPattern::parse("{seq}/{bulan}/{site}/{year}"),
            Err(Problem::UnknownPlaceholder {
                name: "{bulan}".into()
            })
        );
        assert!(matches!(
            NumberPattern::parse("{seq}/{site}/{year"),
            Err(Problem::UnknownPlaceholder { .. })
        ));
        assert!(matches!(
            NumberPattern::parse("{seq}/{site}/{year}}"),
            Err(Problem::UnknownPlaceholder { .. })
        ));
        assert_eq!(
            NumberPattern::parse(&format!("{{seq}}{{site}}{{year}}{}", "x".repeat(80))),
            Err(Problem::TooLong { max: 80 })
        );
        assert_eq!(
            NumberPattern::parse("{seq}/{site}/{site}/{site}/{site}/{year}"),
            Err(Problem::TooLong { max: 80 }),
            "written out it would not fit"
        );
    }

    #[test]
    fn months_are_written_in_roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(12), "XII");
    }

    #[test]
    fn codes_carry_100_bits_and_read_back_however_they_are_typed() {
        let code = VerificationCode::from_bits(0x0F_1234_5678_9ABC_DEF0_1234_5678);
        assert_eq!(code.as_str().len(), 20);
        assert_ne!(
            code,
            VerificationCode::from_bits(0x0F_1234_5678_9ABC_DEF0_1234_5679)
        );
        let printed = code.printed();
        assert_eq!(printed.len(), 24);
        assert_eq!(VerificationCode::parse(&printed), Some(code.clone()));
        assert_eq!(
            VerificationCode::parse(&printed.to_lowercase()),
            Some(code.clone())
        );
        assert_eq!(
            VerificationCode::parse("oooo-iiii-llll-0000-1111"),
            VerificationCode::parse("0000-1111-1111-0000-1111")
        );
        assert_eq!(VerificationCode::parse("ABCD"), None);
        assert_eq!(VerificationCode::parse(&"A".repeat(21)), None);
        assert_eq!(VerificationCode::parse("UUUU-AAAA-AAAA-AAAA-AAAA"), None);
        assert_eq!(VerificationCode::parse("ÄAAA-AAAA-AAAA-AAAA-AAAA"), None);
        assert_eq!(VerificationCode::parse("'; drop table--"), None);
    }

    #[test]
    fn certificates_need_a_completed_enrollment_and_letters_an_active_one() {
        use EnrollmentStatus as S;
        assert_eq!(may_issue(DocumentKind::Certificate, S::Completed), Ok(()));
        assert_eq!(
            may_issue(DocumentKind::Certificate, S::Active),
            Err(Problem::NotCompleted)
        );
        assert_eq!(may_issue(DocumentKind::Letter, S::Active), Ok(()));
        assert_eq!(
            may_issue(DocumentKind::Letter, S::Completed),
            Err(Problem::NotActive)
        );
        assert_eq!(
            may_issue(DocumentKind::Letter, S::Withdrawn),
            Err(Problem::NotActive)
        );
    }

    #[test]
    fn logos_are_told_by_their_bytes() {
        assert_eq!(logo_type(b"\x89PNG\r\n\x1a\n...."), Ok("image/png"));
        assert_eq!(logo_type(b"\xFF\xD8\xFF\xE0...."), Ok("image/jpeg"));
        assert_eq!(
            logo_type(
                b"<?xml version=\"1.0\"?>\n<!-- logo -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"
            ),
            Ok("image/svg+xml")
        );
        assert_eq!(logo_type(b"<html><svg></svg></html>"), Err(Problem::NotALogo));
        assert_eq!(logo_type(b"%PDF-1.7"), Err(Problem::NotALogo));
        assert_eq!(logo_type(b"GIF89a"), Err(Problem::NotALogo));
        assert_eq!(
            logo_type(&vec![0x89; 600 * 1024]),
            Err(Problem::FileTooLarge {
                max_kib: LOGO_MAX_KIB
            })
        );
    }

    #[test]
    fn settings_name_every_problem_and_keep_the_two_patterns_apart() {
        let input = SettingsInput {
            site_id: "1".into(),
            signatory_name: "  Dra. Siti   Rahma ".into(),
            signatory_position: "Kepala UPT".into(),
            certificate_pattern: "{seq}/SJ/{site}/{month_roman}/{year}".into(),
            letter_pattern: String::new(),
        };
        let settings = Settings::try_from(&input).unwrap();
        assert_eq!(settings.signatory_name, "Dra. Siti Rahma");
        assert_eq!(settings.letter_pattern, None);
        let same = SettingsInput {
            letter_pattern: input.certificate_pattern.clone(),
            ..input.clone()
        };
        assert_eq!(
            Settings::try_from(&same)
                .unwrap_err()
                .field_problem("letter_pattern"),
            Some(&Problem::SamePattern)
        );
        let empty = Settings::try_from(&SettingsInput {
            site_id: "1".into(),
            certificate_pattern: "{seq}".into(),
            ..SettingsInput::default()
        })
        .unwrap_err();
        assert_eq!(empty.field_problem("signatory_name"), Some(&Problem::Required));
        assert_eq!(
            empty.field_problem("signatory_position"),
            Some(&Problem::Required)
        );
        assert!(matches!(
            empty.field_problem("certificate_pattern"),
            Some(Problem::PatternNeeds { .. })
        ));
    }
}
