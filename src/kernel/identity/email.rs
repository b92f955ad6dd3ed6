use serde::{Deserialize, Serialize};

use crate::kernel::error::Problem;
use std::fmt;

/// A syntactically plausible e-mail address, trimmed and lower-cased.
///
/// Deliverability is not checked (there is no mail infrastructure); the goal is to catch
/// typos and keep one canonical spelling so the unique index works.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX_LEN: usize = 254;

    /// # Errors
    /// [`Problem::InvalidEmail`] when the input is not shaped like `local@domain.tld`.
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let candidate = input.trim().to_lowercase();
        if candidate.is_empty() || candidate.len() > Self::MAX_LEN {
            return Err(Problem::InvalidEmail);
        }
        let (local, domain) = candidate.split_once('@').ok_or(Problem::InvalidEmail)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
        if local_ok && domain_ok {
            Ok(Self(candidate))
        } else {
            Err(Problem::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::EmailAddress;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        let email = EmailAddress::parse("  Siti.Rahma@BP2MI.go.id ").unwrap();
        assert_eq!(email.as_str(), "siti.rahma@bp2mi.go.id");
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "",
            "siti",
            "siti@",
            "@bp2mi.go.id",
            "siti@bp2mi",
            "siti rahma@bp2mi.go.id",
            "siti@@bp2mi.go.id",
            "siti@bp2mi..go.id",
            ".siti@bp2mi.go.id",
            "siti@-bp2mi.go.id",
            "siti@bp2mi.go.i",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
