use serde::{Deserialize, Serialize};

use crate::kernel::error::Problem;
use std::fmt;

/// An Indonesian mobile number in E.164 form (`+628…`), the number people use on WhatsApp.
///
/// People write `0812-3456-7890`, `+62 812 3456 7890`, `62812…` or `812…`; all become
/// `+6281234567890`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// # Errors
    /// [`Problem::InvalidPhone`] unless the input is an Indonesian mobile number (8 followed by
    /// 8–11 digits after the country code or the trunk 0).
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = input.trim();
        let has_plus = trimmed.starts_with('+');
        let mut digits = String::with_capacity(trimmed.len());
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => {}
                ' ' | '-' | '.' | '(' | ')' => {}
                _ => return Err(Problem::InvalidPhone),
            }
        }
        let national = if let Some(rest) = digits.strip_prefix("62") {
            rest
        } else if has_plus {
            return Err(Problem::InvalidPhone);
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest
        } else {
            digits.as_str()
        };
        let national = national.strip_prefix('0').map_or(national, |_| "");
        if national.starts_with('8') && (9..=12).contains(&national.len()) {
            Ok(Self(format!("+62{national}")))
        } else {
            Err(Problem::InvalidPhone)
        }
    }

    /// The E.164 form, `+628…`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A WhatsApp click-to-chat link, optionally with a prefilled message.
    pub fn whatsapp_link(&self, message: Option<&str>) -> String {
        let number = self.0.trim_start_matches('+');
        match message {
            Some(text) => format!("https://wa.me/{number}?text={}", percent_encode(text)),
            None => format!("https://wa.me/{number}"),
        }
    }

    /// The national spelling people recognise: `0812-3456-7890`.
    pub fn display_national(&self) -> String {
        let national = format!("0{}", &self.0[3..]);
        let (a, rest) = national.split_at(4);
        let split = rest.len().div_ceil(2);
        let (b, c) = rest.split_at(split.min(4));
        format!("{a}-{b}-{c}")
    }
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::PhoneNumber;

    #[test]
    fn every_common_spelling_becomes_e164() {
        for input in [
            "081234567890",
            "0812-3456-7890",
            "+62 812 3456 7890",
            "62 812 3456 7890",
            "6281234567890",
            "(0812) 3456.7890",
            "81234567890",
        ] {
            assert_eq!(
                PhoneNumber::parse(input).unwrap().as_str(),
                "+6281234567890",
                "{input:?}"
            );
        }
    }

    #[test]
    fn landlines_foreign_and_malformed_numbers_are_refused() {
        for bad in [
            "",
            "0254-123456",
            "+81 90 1234 5678",
            "0812",
            "08123456789012345",
            "0812-3456-789a",
            "+62 0812 3456 7890x",
            "++6281234567890",
        ] {
            assert!(PhoneNumber::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn whatsapp_links_use_the_number_without_plus_and_encode_the_message() {
        let phone = PhoneNumber::parse("0812 3456 7890").unwrap();
        assert_eq!(phone.whatsapp_link(None), "https://wa.me/6281234567890");
        assert_eq!(
            phone.whatsapp_link(Some("Kode: AB-12")),
            "https://wa.me/6281234567890?text=Kode%3A%20AB-12"
        );
    }

    #[test]
    fn national_display_groups_digits() {
        let phone = PhoneNumber::parse("+6281234567890").unwrap();
        assert_eq!(phone.display_national(), "0812-3456-7890");
    }
}
