//! Accounts: login identifiers, the password policy and activation codes.
//! Pure types and rules, no I/O. (`Role` is a core type: every area decides by it.)

use serde::{Deserialize, Serialize};
use std::fmt;
use unicode_segmentation::UnicodeSegmentation;

use crate::kernel::error::{FieldError, Problem};
use crate::kernel::identity::{EmailAddress, PhoneNumber};

/// What someone typed in the "login" field, recognised as one of the three identifiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginId {
    Email(EmailAddress),
    Phone(PhoneNumber),
    /// 16 digits; structure is checked when an account is created, not at sign-in,
    /// so sign-in never reveals which NIKs are well-formed.
    Nik(String),
}

impl LoginId {
    /// # Errors
    /// [`Problem::InvalidLogin`] when the input is neither an e-mail address, a mobile number
    /// nor 16 digits.
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = input.trim();
        if trimmed.contains('@') {
            return EmailAddress::parse(trimmed)
                .map(LoginId::Email)
                .map_err(|_| Problem::InvalidLogin);
        }
        let digits: String = trimmed
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        if digits.len() == 16 && digits.chars().all(|c| c.is_ascii_digit()) {
            return Ok(LoginId::Nik(digits));
        }
        PhoneNumber::parse(trimmed)
            .map(LoginId::Phone)
            .map_err(|_| Problem::InvalidLogin)
    }

    /// The canonical spelling used for throttling and the audit trail.
    pub fn canonical(&self) -> String {
        match self {
            LoginId::Email(email) => email.as_str().to_owned(),
            LoginId::Phone(phone) => phone.as_str().to_owned(),
            LoginId::Nik(nik) => nik.clone(),
        }
    }
}

/// A password that passed the policy. Deliberately not `Serialize` and not `Debug`-printed.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_GRAPHEMES: usize = 10;
    pub const MAX_GRAPHEMES: usize = 128;

    /// Applies the policy (NIST SP 800-63B): length only, no composition rules, refuse the
    /// most common passwords and ones built from the person's own identifiers.
    ///
    /// `personal` are the account's login identifiers and name, compared case-insensitively.
    ///
    /// # Errors
    /// The field errors for `password` / `password_confirm`.
    pub fn parse(password: &str, confirmation: &str, personal: &[&str]) -> Result<Self, Vec<FieldError>> {
        let length = password.graphemes(true).count();
        let problem = if password.trim().is_empty() {
            Some(Problem::Required)
        } else if length < Self::MIN_GRAPHEMES {
            Some(Problem::PasswordTooShort {
                min: Self::MIN_GRAPHEMES as u32,
            })
        } else if length > Self::MAX_GRAPHEMES {
            Some(Problem::PasswordTooLong {
                max: Self::MAX_GRAPHEMES as u32,
            })
        } else if is_common(password) {
            Some(Problem::PasswordTooCommon)
        } else if contains_personal(password, personal) {
            Some(Problem::PasswordContainsPersonalData)
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(vec![FieldError::new("password", problem)]);
        }
        if password != confirmation {
            return Err(vec![FieldError::new(
                "password_confirm",
                Problem::PasswordMismatch,
            )]);
        }
        Ok(Self(password.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Passwords of 10+ characters that appear at the top of breach corpora, plus local ones
/// (Indonesian words, the programme's own names). Compared case-insensitively.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

fn is_common(password: &str) -> bool {
    let lowered = password.to_lowercase();
    let squeezed: String = lowered.chars().filter(|c| !c.is_whitespace()).collect();
    if squeezed.chars().collect::<std::collections::HashSet<_>>().len() <= 2 {
        return true;
    }
    if is_sequence(&squeezed) {
        return true;
    }
    // "Password123", "bismillah!!", "siapjepang2026": a common word plus digits or symbols.
    let base = squeezed.trim_end_matches(|c: char| !c.is_alphabetic());
    let base = base.trim_start_matches(|c: char| !c.is_alphabetic());
    COMMON_PASSWORDS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .any(|common| common == lowered || common == squeezed || (!base.is_empty() && common == base))
}

/// `1234567890`, `abcdefghij`, `9876543210` and their repetitions.
fn is_sequence(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.len() < 2 || !s.is_ascii() {
        return false;
    }
    let up = bytes
        .windows(2)
        .all(|w| w[1] == w[0] + 1 || (w[0] == b'9' && w[1] == b'0'));
    let down = bytes
        .windows(2)
        .all(|w| w[0] == w[1] + 1 || (w[0] == b'0' && w[1] == b'9'));
    up || down
}

fn contains_personal(password: &str, personal: &[&str]) -> bool {
    let lowered = password.to_lowercase();
    personal
        .iter()
        .flat_map(|value| {
            let value = value.to_lowercase();
            let mut parts: Vec<String> = value
                .split(|c: char| c.is_whitespace() || c == '@' || c == '.')
                .filter(|part| part.chars().count() >= 5)
                .map(str::to_owned)
                .collect();
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            if digits.len() >= 8 {
                parts.push(digits[digits.len() - 8..].to_owned());
            }
            parts
        })
        .any(|part| lowered.contains(&part))
}

/// Why an activation or reset code was issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodePurpose {
    /// First password for a new account.
    Activation,
    /// A coordinator or admin reset a forgotten password.
    Reset,
}

impl CodePurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            CodePurpose::Activation => "activation",
            CodePurpose::Reset => "reset",
        }
    }

    /// # Errors
    /// [`Problem::InvalidChoice`] for unknown purposes.
    pub fn parse(input: &str) -> Result<Self, Problem> {
        match input {
            "activation" => Ok(CodePurpose::Activation),
            "reset" => Ok(CodePurpose::Reset),
            _ => Err(Problem::InvalidChoice),
        }
    }
}

/// A one-time code people read aloud or send on WhatsApp: 12 characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L, U), grouped `XXXX-XXXX-XXXX`; 60 bits of entropy.
#[derive(Clone, PartialEq, Eq)]
pub struct ActivationCode(String);

impl ActivationCode {
    /// The 30 symbols a code is made of.
    pub const SYMBOLS: &'static [u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
    pub const LEN: usize = 12;

    /// Builds a code from uniformly random symbol indices (each taken modulo 30; the caller
    /// draws them uniformly from `0..30`).
    pub fn from_indices(indices: &[u8; Self::LEN]) -> Self {
        let symbols: String = indices
            .iter()
            .map(|i| Self::SYMBOLS[usize::from(*i) % Self::SYMBOLS.len()] as char)
            .collect();
        Self(symbols)
    }

    /// Accepts what people type back: any case, with or without dashes and spaces.
    ///
    /// # Errors
    /// [`Problem::InvalidCode`] when the input cannot be a code.
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.len() == Self::LEN && compact.bytes().all(|b| Self::SYMBOLS.contains(&b)) {
            Ok(Self(compact))
        } else {
            Err(Problem::InvalidCode)
        }
    }

    /// The compact form that is hashed and stored.
    pub fn compact(&self) -> &str {
        &self.0
    }

    /// `XXXX-XXXX-XXXX` for people.
    pub fn grouped(&self) -> String {
        format!("{}-{}-{}", &self.0[0..4], &self.0[4..8], &self.0[8..12])
    }
}

impl fmt::Debug for ActivationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ActivationCode(***)")
    }
}

/// "Chrome on Android" from a User-Agent header, for the list of signed-in devices.
pub fn describe_user_agent(user_agent: Option<&str>) -> String {
    let Some(ua) = user_agent.filter(|ua| !ua.trim().is_empty()) else {
        return "?".to_owned();
    };
    let browser = if ua.contains("Edg/") {
        Some("Edge")
    } else if ua.contains("OPR/") || ua.contains("Opera") {
        Some("Opera")
    } else if ua.contains("SamsungBrowser/") {
        Some("Samsung Internet")
    } else if ua.contains("Firefox/") {
        Some("Firefox")
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("CriOS/") {
        Some("Chrome")
    } else if ua.contains("Safari/") {
        Some("Safari")
    } else {
        None
    };
    let system = if ua.contains("Android") {
        Some("Android")
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        Some("iOS")
    } else if ua.contains("Windows") {
        Some("Windows")
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        Some("macOS")
    } else if ua.contains("CrOS") {
        Some("ChromeOS")
    } else if ua.contains("Linux") {
        Some("Linux")
    } else {
        None
    };
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} · {s}"),
        (Some(b), None) => b.to_owned(),
        (None, Some(s)) => s.to_owned(),
        (None, None) => ua.chars().take(40).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agents_are_summarised_as_browser_and_system() {
        let android = "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        assert_eq!(describe_user_agent(Some(android)), "Chrome · Android");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
        assert_eq!(describe_user_agent(Some(iphone)), "Safari · iOS");
        assert_eq!(describe_user_agent(Some("curl/8.0")), "curl/8.0");
        assert_eq!(describe_user_agent(None), "?");
    }

    #[test]
    fn login_ids_are_recognised_by_shape() {
        assert_eq!(
            LoginId::parse(" Admin@Siapjepang.id ").unwrap().canonical(),
            "admin@siapjepang.id"
        );
        assert_eq!(
            LoginId::parse("0812-3456-7890").unwrap().canonical(),
            "+6281234567890"
        );
        assert_eq!(
            LoginId::parse("3673 0547 0899 0002").unwrap().canonical(),
            "3673054708990002"
        );
        assert!(LoginId::parse("budi").is_err());
        assert!(LoginId::parse("").is_err());
    }

    #[test]
    fn passwords_are_measured_in_graphemes_not_bytes() {
        // Ten user-perceived characters, far more than ten bytes.
        let ten = "ありがとうございますね";
        assert_eq!(ten.graphemes(true).count(), 11);
        assert!(NewPassword::parse(ten, ten, &[]).is_ok());
        let nine_emoji = "👍🏽👍🏽👍🏽👍🏽🙂🙂🙂🎌🎌";
        assert_eq!(
            NewPassword::parse(nine_emoji, nine_emoji, &[]).unwrap_err()[0].problem,
            Problem::PasswordTooShort { min: 10 }
        );
    }

    #[test]
    fn passphrases_are_welcome_without_composition_rules() {
        let phrase = "kereta pagi ke osaka";
        assert!(NewPassword::parse(phrase, phrase, &["Siti Rahmawati"]).is_ok());
    }

    #[test]
    fn common_sequential_and_repeated_passwords_are_refused() {
        for weak in [
            "1234567890",
            "qwertyuiop",
            "Password123",
            "bismillah123",
            "aaaaaaaaaaaa",
            "ababababab",
            "0987654321",
            "siapjepang2026",
        ] {
            assert_eq!(
                NewPassword::parse(weak, weak, &[]).unwrap_err()[0].problem,
                Problem::PasswordTooCommon,
                "{weak}"
            );
        }
    }

    #[test]
    fn passwords_built_from_own_identifiers_are_refused() {
        let pw = "rahmawati-34567890";
        let errors = NewPassword::parse(pw, pw, &["Siti Rahmawati", "+6281234567890"]).unwrap_err();
        assert_eq!(errors[0].problem, Problem::PasswordContainsPersonalData);
    }

    #[test]
    fn confirmation_must_match() {
        let errors = NewPassword::parse("kereta pagi ke osaka", "kereta pagi ke kobe", &[]).unwrap_err();
        assert_eq!(errors[0].field, "password_confirm");
        assert_eq!(errors[0].problem, Problem::PasswordMismatch);
    }

    #[test]
    fn too_long_and_empty_passwords_are_refused() {
        let long = "x".repeat(60) + &"y".repeat(69);
        assert_eq!(
            NewPassword::parse(&long, &long, &[]).unwrap_err()[0].problem,
            Problem::PasswordTooLong { max: 128 }
        );
        assert_eq!(
            NewPassword::parse("   ", "   ", &[]).unwrap_err()[0].problem,
            Problem::Required
        );
    }

    #[test]
    fn activation_codes_round_trip_through_what_people_type() {
        let code = ActivationCode::from_indices(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 29]);
        let typed = code.grouped().to_lowercase().replace('-', " ");
        assert_eq!(ActivationCode::parse(&typed).unwrap(), code);
        assert_eq!(code.grouped().len(), 14);
        assert!(ActivationCode::parse("ABCD-EFGH-IJK0").is_err());
        assert!(ActivationCode::parse("ABCD").is_err());
    }
}
