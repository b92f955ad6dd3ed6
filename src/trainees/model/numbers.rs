//! The numbers other government systems give a person (the ID PMI of their SIAPkerja
//! account, their SISKOP2MI registration number), as typed on the record's form or sent by
//! a partner system.

use crate::kernel::identity::RegistryNumber;
use crate::kernel::{FieldError, Problem};

/// The numbers as sent: `None` leaves one as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistryNumbers {
    pub id_pmi: Option<Option<RegistryNumber>>,
    pub siskop2mi_no: Option<Option<RegistryNumber>>,
}

/// One number as typed or sent: `None` when not sent, `Some(None)` when blank (cleared).
///
/// # Errors
/// [`Problem::InvalidRegistryNumber`] when it is not such a number.
pub fn read_number(value: Option<&str>) -> Result<Option<Option<RegistryNumber>>, Problem> {
    match value.map(str::trim) {
        None => Ok(None),
        Some("") => Ok(Some(None)),
        Some(value) => RegistryNumber::parse(value).map(|number| Some(Some(number))),
    }
}

/// Both numbers, or every refused field.
///
/// # Errors
/// The fields that are not such numbers.
pub fn validate_numbers(
    id_pmi: Option<&str>,
    siskop2mi_no: Option<&str>,
) -> Result<RegistryNumbers, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut read = |name: &str, value: Option<&str>| {
        read_number(value)
            .map_err(|problem| errors.push(FieldError::new(name, problem)))
            .ok()
            .flatten()
    };
    let numbers = RegistryNumbers {
        id_pmi: read("id_pmi", id_pmi),
        siskop2mi_no: read("siskop2mi_no", siskop2mi_no),
    };
    if errors.is_empty() {
        Ok(numbers)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_number_clears_and_a_missing_one_stays() {
        let numbers = validate_numbers(Some(" "), None).unwrap();
        assert_eq!(numbers.id_pmi, Some(None));
        assert_eq!(numbers.siskop2mi_no, None);
        let set = validate_numbers(Some("pmi-3604-1"), Some("SK2/36.9")).unwrap();
        assert_eq!(set.id_pmi.unwrap().unwrap().as_str(), "PMI-3604-1");
        let refused = validate_numbers(Some("x"), Some("nomor")).unwrap_err();
        let fields: Vec<&str> = refused.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["id_pmi", "siskop2mi_no"]);
    }
}
