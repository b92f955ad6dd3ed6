//! The contact details a trainee corrects on their own record.

use serde::{Deserialize, Serialize};

use super::{parse_regency, Regency};
use crate::kernel::identity::{EmailAddress, Nik, PhoneNumber};
use crate::kernel::input::parse_text;
use crate::kernel::{FieldError, Problem};

/// What a trainee may correct on their own record: how to reach them and their address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactInput {
    pub phone: String,
    pub email: String,
    pub address: String,
    pub regency_code: String,
    pub regency_other: String,
    pub guardian_name: String,
    pub guardian_relation: String,
    pub guardian_phone: String,
}

/// Contact details that satisfy the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub phone: Option<PhoneNumber>,
    pub email: Option<EmailAddress>,
    pub address: String,
    pub regency: Regency,
    pub guardian_name: Option<String>,
    pub guardian_relation: Option<String>,
    pub guardian_phone: Option<PhoneNumber>,
}

/// Checks the contact details a trainee corrects themselves.
///
/// # Errors
/// The refused fields.
pub fn validate_contact(input: &ContactInput, nik: Option<&Nik>) -> Result<ValidContact, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut field = |name: &str, problem: Problem| errors.push(FieldError::new(name, problem));
    let phone = match input.phone.trim() {
        "" => None,
        value => PhoneNumber::parse(value).map_err(|p| field("phone", p)).ok(),
    };
    let email = match input.email.trim() {
        "" => None,
        value => EmailAddress::parse(value).map_err(|p| field("email", p)).ok(),
    };
    let address = parse_text(&input.address, 300, true)
        .map_err(|p| field("address", p))
        .ok()
        .map(Option::unwrap_or_default);
    let regency = parse_regency(&input.regency_code, &input.regency_other, nik)
        .map_err(|p| field("regency_code", p))
        .ok();
    let guardian_name = parse_text(&input.guardian_name, 120, true)
        .map_err(|p| field("guardian_name", p))
        .ok()
        .flatten();
    let guardian_relation = parse_text(&input.guardian_relation, 40, true)
        .map_err(|p| field("guardian_relation", p))
        .ok()
        .flatten();
    let guardian_phone = match input.guardian_phone.trim() {
        "" => None,
        value => PhoneNumber::parse(value)
            .map_err(|p| field("guardian_phone", p))
            .ok(),
    };
    match (address, regency) {
        (Some(address), Some(regency)) if errors.is_empty() => Ok(ValidContact {
            phone,
            email,
            address,
            regency,
            guardian_name,
            guardian_relation,
            guardian_phone,
        }),
        _ => Err(errors),
    }
}
