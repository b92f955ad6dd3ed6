//! The trainee record and its rules: NIK agreement with birth date and sex, the Banten
//! kabupaten/kota list, phone and e-mail normalised. Pure types and functions, no I/O.

mod contact;
pub mod enrollment;
#[cfg(feature = "ssr")]
pub mod import;
mod numbers;
mod regency;

use serde::{Deserialize, Serialize};
use time::Date;
use unicode_segmentation::UnicodeSegmentation;

pub use contact::{validate_contact, ContactInput, ValidContact};
pub use numbers::{read_number, validate_numbers, RegistryNumbers};
pub use regency::{parse_regency, regency_choices, Regency};

use crate::kernel::codes::code_enum;
use crate::kernel::identity::{EmailAddress, Nik, PhoneNumber, RegistryNumber, Sex};
use crate::kernel::input::{parse_choice, parse_date, parse_text};
use crate::kernel::{wib, FieldError, Problem};

code_enum! {
    /// Highest education finished.
    Education {
        Unspecified => "unspecified",
        Sd => "sd",
        Smp => "smp",
        /// SMA, SMK or MA.
        Sma => "sma",
        /// D1 to D4.
        Diploma => "diploma",
        /// S1 or higher.
        Sarjana => "sarjana",
    }
}

code_enum! {
    /// How the person heard of the programme.
    Source {
        KawanPmi => "kawan_pmi",
        Sosialisasi => "sosialisasi",
        WalkIn => "walk_in",
        Dinas => "dinas",
        Lpk => "lpk",
        SocialMedia => "social_media",
        Referral => "referral",
        Other => "other",
    }
}

/// A trainee as typed into the form (or read from a row of an import).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TraineeInput {
    pub nik: String,
    pub full_name: String,
    pub birth_place: String,
    pub birth_date: String,
    pub sex: String,
    pub address: String,
    /// A Banten code, `other`, or empty (then the NIK's regency, when in Banten).
    pub regency_code: String,
    /// The kabupaten/kota outside Banten.
    pub regency_other: String,
    pub phone: String,
    pub email: String,
    pub education: String,
    pub programme_id: String,
    pub guardian_name: String,
    pub guardian_relation: String,
    pub guardian_phone: String,
    pub source: String,
    pub notes: String,
    pub site_id: String,
    /// The ID PMI of the person's SIAPkerja account (empty: not known). Not sent at all
    /// (an older form, a client that does not know the field): the stored number stays.
    pub id_pmi: Option<String>,
    /// The SISKOP2MI registration number, as `id_pmi`.
    pub siskop2mi_no: Option<String>,
}

/// What the rules need to know about the choices.
#[derive(Debug, Clone, Default)]
pub struct TraineeChoices {
    /// Sites the actor registers trainees at.
    pub site_ids: Vec<i64>,
    pub programme_ids: Vec<i64>,
}

/// A trainee that satisfies every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTrainee {
    pub nik: Nik,
    pub full_name: String,
    pub birth_place: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub address: String,
    pub regency: Regency,
    pub phone: Option<PhoneNumber>,
    pub email: Option<EmailAddress>,
    pub education: Education,
    pub programme_id: Option<i64>,
    pub guardian_name: Option<String>,
    pub guardian_relation: Option<String>,
    pub guardian_phone: Option<PhoneNumber>,
    pub source: Source,
    pub notes: Option<String>,
    pub site_id: i64,
    /// `None`: not sent, the stored number stays; `Some(None)`: cleared.
    pub id_pmi: Option<Option<RegistryNumber>>,
    pub siskop2mi_no: Option<Option<RegistryNumber>>,
}

impl ValidTrainee {
    /// The numbers of other government systems as sent (`None`: not sent).
    pub fn numbers(&self) -> RegistryNumbers {
        RegistryNumbers {
            id_pmi: self.id_pmi.clone(),
            siskop2mi_no: self.siskop2mi_no.clone(),
        }
    }

    /// Whether the NIK says the person is from outside Banten (accepted, but flagged).
    pub fn outside_banten(&self) -> bool {
        !self.nik.is_from_banten()
    }
}

/// A name as it should read: names typed all in capitals (as on the KTP) or all in lower
/// case become `Title Case`; a name already mixed is left as its owner wrote it.
pub fn tidy_name(name: &str) -> String {
    let has_upper = name.chars().any(char::is_uppercase);
    let has_lower = name.chars().any(char::is_lowercase);
    if has_upper && has_lower {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, ' ' | '-' | '.' | '(' | '/');
    }
    out
}

/// Sex as typed.
///
/// # Errors
/// [`Problem::Required`] or [`Problem::InvalidSex`].
pub fn parse_sex(input: &str) -> Result<Sex, Problem> {
    if input.trim().is_empty() {
        return Err(Problem::Required);
    }
    Sex::parse(input).ok_or(Problem::InvalidSex)
}

/// Checks a trainee against every rule at once, so the form shows every problem.
/// `birth_date` and `sex`, when left empty, are taken from the NIK (imports).
///
/// # Errors
/// The refused fields.
pub fn validate_trainee(
    input: &TraineeInput,
    choices: &TraineeChoices,
    today: Date,
    lenient_dates: bool,
) -> Result<ValidTrainee, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut field = |name: &str, problem: Problem| errors.push(FieldError::new(name, problem));
    let nik = match input.nik.trim() {
        "" => {
            field("nik", Problem::Required);
            None
        }
        value => Nik::parse(value, today)
            .map_err(|problem| field("nik", Problem::InvalidNik(problem)))
            .ok(),
    };
    let full_name = parse_text(&input.full_name, 120, false)
        .map_err(|p| field("full_name", p))
        .ok()
        .flatten()
        .map(|name| tidy_name(&name));
    let birth_place = parse_text(&input.birth_place, 60, true)
        .map_err(|p| field("birth_place", p))
        .ok()
        .map(|place| tidy_name(&place.unwrap_or_default()));
    let nik_date = nik.as_ref().and_then(|nik| nik.birth_date(today));
    let birth_date = if input.birth_date.trim().is_empty() && lenient_dates {
        nik_date
    } else {
        match (parse_date(&input.birth_date), nik_date) {
            (Ok(date), Some(nik_date)) if nik_date != date => {
                // Excel in an English locale writes month first: accept it when that
                // reading is the NIK's date.
                match swapped(&input.birth_date).filter(|alt| lenient_dates && *alt == nik_date) {
                    Some(alt) => Some(alt),
                    None => {
                        field("birth_date", Problem::NikBirthDateMismatch { nik_date });
                        None
                    }
                }
            }
            (Ok(date), _) => Some(date),
            (Err(problem), _) => {
                field("birth_date", problem);
                None
            }
        }
    };
    let sex = if input.sex.trim().is_empty() && lenient_dates {
        nik.as_ref().map(Nik::sex)
    } else {
        match parse_sex(&input.sex) {
            Ok(sex) if nik.as_ref().is_some_and(|nik| nik.sex() != sex) => {
                let nik_sex = nik.as_ref().map_or(sex, Nik::sex);
                field("sex", Problem::NikSexMismatch { nik_sex });
                None
            }
            Ok(sex) => Some(sex),
            Err(problem) => {
                field("sex", problem);
                None
            }
        }
    };
    let address = parse_text(&input.address, 300, true)
        .map_err(|p| field("address", p))
        .ok()
        .map(Option::unwrap_or_default);
    let regency = match parse_regency(&input.regency_code, &input.regency_other, nik.as_ref()) {
        Ok(regency)
            if regency.code.is_none()
                && nik.as_ref().is_some_and(Nik::is_from_banten)
                && input.regency_code.trim() != "other" =>
        {
            field("regency_code", Problem::UnknownDistrict);
            None
        }
        Ok(regency) => Some(regency),
        // Left empty, the regency comes from the NIK; a refused NIK already says why not.
        Err(Problem::Required) if nik.is_none() && input.regency_code.trim().is_empty() => None,
        Err(problem) => {
            let name = if input.regency_code.trim() == "other" {
                "regency_other"
            } else {
                "regency_code"
            };
            field(name, problem);
            None
        }
    };
    let phone = match input.phone.trim() {
        "" => None,
        value => PhoneNumber::parse(value).map_err(|p| field("phone", p)).ok(),
    };
    let email = match input.email.trim() {
        "" => None,
        value => EmailAddress::parse(value).map_err(|p| field("email", p)).ok(),
    };
    let education = if input.education.trim().is_empty() {
        Some(Education::Unspecified)
    } else {
        Education::parse(&input.education)
            .map_err(|p| field("education", p))
            .ok()
    };
    let programme_id = match parse_choice(&input.programme_id) {
        Ok(Some(id)) if !choices.programme_ids.contains(&id) => {
            field("programme_id", Problem::InvalidChoice);
            None
        }
        Ok(id) => Some(id),
        Err(problem) => {
            field("programme_id", problem);
            None
        }
    };
    let guardian_name = parse_text(&input.guardian_name, 120, true)
        .map_err(|p| field("guardian_name", p))
        .ok();
    let guardian_relation = parse_text(&input.guardian_relation, 40, true)
        .map_err(|p| field("guardian_relation", p))
        .ok();
    let guardian_phone = match input.guardian_phone.trim() {
        "" => Some(None),
        value => PhoneNumber::parse(value)
            .map_err(|p| field("guardian_phone", p))
            .ok()
            .map(Some),
    };
    let source = if input.source.trim().is_empty() {
        Some(Source::Other)
    } else {
        Source::parse(&input.source).map_err(|p| field("source", p)).ok()
    };
    let notes = match input.notes.trim() {
        "" => Some(None),
        value if value.graphemes(true).count() > 1000 => {
            field("notes", Problem::TooLong { max: 1000 });
            None
        }
        value => Some(Some(value.to_owned())),
    };
    let site_id = match parse_choice(&input.site_id) {
        Ok(Some(id)) if choices.site_ids.contains(&id) => Some(id),
        Ok(None) => {
            field("site_id", Problem::Required);
            None
        }
        _ => {
            field("site_id", Problem::InvalidChoice);
            None
        }
    };
    let mut registry_number =
        |name: &str, value: Option<&str>| read_number(value).map_err(|p| field(name, p)).ok();
    let id_pmi = registry_number("id_pmi", input.id_pmi.as_deref());
    let siskop2mi_no = registry_number("siskop2mi_no", input.siskop2mi_no.as_deref());
    match (
        nik,
        full_name,
        birth_place,
        birth_date,
        sex,
        address,
        regency,
        education,
        programme_id,
        (guardian_name, guardian_relation, guardian_phone),
        source,
        notes,
        site_id,
        (id_pmi, siskop2mi_no),
    ) {
        (
            Some(nik),
            Some(full_name),
            Some(birth_place),
            Some(birth_date),
            Some(sex),
            Some(address),
            Some(regency),
            Some(education),
            Some(programme_id),
            (Some(guardian_name), Some(guardian_relation), Some(guardian_phone)),
            Some(source),
            Some(notes),
            Some(site_id),
            (Some(id_pmi), Some(siskop2mi_no)),
        ) if errors.is_empty() => Ok(ValidTrainee {
            nik,
            full_name,
            birth_place,
            birth_date,
            sex,
            address,
            regency,
            phone,
            email,
            education,
            programme_id,
            guardian_name,
            guardian_relation,
            guardian_phone,
            source,
            notes,
            site_id,
            id_pmi,
            siskop2mi_no,
        }),
        _ => Err(errors),
    }
}

/// `05/08/1999` read month first (8 May → 5 August), for dates Excel wrote US-style.
fn swapped(input: &str) -> Option<Date> {
    let parts: Vec<&str> = input.trim().split(['/', '-', '.']).collect();
    match parts.as_slice() {
        [first, second, year] if year.len() == 4 => wib::parse_date(&format!("{second}/{first}/{year}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn input() -> TraineeInput {
        TraineeInput {
            nik: "3673054708990002".into(),
            full_name: "  Dewi   Lestari ".into(),
            birth_place: "Serang".into(),
            birth_date: "07/08/1999".into(),
            sex: "P".into(),
            address: "Jl. Ahmad Yani No. 1".into(),
            regency_code: "3673".into(),
            phone: "0812-1111-2026".into(),
            education: "sma".into(),
            source: "kawan_pmi".into(),
            site_id: "4".into(),
            ..TraineeInput::default()
        }
    }

    fn choices() -> TraineeChoices {
        TraineeChoices {
            site_ids: vec![4],
            programme_ids: vec![1],
        }
    }

    fn problems(input: &TraineeInput, lenient: bool) -> Vec<(String, Problem)> {
        validate_trainee(input, &choices(), TODAY, lenient)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn a_good_record_is_normalised() {
        let valid = validate_trainee(&input(), &choices(), TODAY, false).unwrap();
        assert_eq!(valid.full_name, "Dewi Lestari");
        assert_eq!(valid.birth_date, date!(1999 - 08 - 07));
        assert_eq!(valid.sex, Sex::Female);
        assert_eq!(valid.regency.name, "Kota Serang");
        assert_eq!(valid.phone.as_ref().unwrap().as_str(), "+6281211112026");
        assert!(!valid.outside_banten());
    }

    #[test]
    fn the_nik_must_agree_with_the_birth_date_and_sex_and_says_which_does_not() {
        let mut wrong = input();
        wrong.birth_date = "08/08/1999".into();
        wrong.sex = "L".into();
        assert_eq!(
            problems(&wrong, false),
            vec![
                (
                    "birth_date".into(),
                    Problem::NikBirthDateMismatch {
                        nik_date: time::macros::date!(1999 - 08 - 07)
                    }
                ),
                ("sex".into(), Problem::NikSexMismatch { nik_sex: Sex::Female }),
            ]
        );
    }

    #[test]
    fn imports_accept_us_style_dates_when_the_nik_confirms_them() {
        let mut us = input();
        us.birth_date = "08/07/1999".into();
        assert!(!problems(&us, false).is_empty(), "the form reads day first only");
        assert!(problems(&us, true).is_empty());
        let mut blank = input();
        blank.birth_date = String::new();
        blank.sex = String::new();
        let valid = validate_trainee(&blank, &choices(), TODAY, true).unwrap();
        assert_eq!(
            (valid.birth_date, valid.sex),
            (date!(1999 - 08 - 07), Sex::Female)
        );
    }

    #[test]
    fn other_provinces_are_accepted_with_a_named_regency() {
        let mut outside = input();
        outside.nik = "3201100606000001".into();
        outside.birth_date = "06/06/2000".into();
        outside.sex = "L".into();
        outside.regency_code = "other".into();
        outside.regency_other = "Kab. Bogor".into();
        let valid = validate_trainee(&outside, &choices(), TODAY, false).unwrap();
        assert!(valid.outside_banten());
        assert_eq!(
            valid.regency,
            Regency {
                code: None,
                name: "Kab. Bogor".into()
            }
        );
        outside.regency_code = "9999".into();
        assert_eq!(
            problems(&outside, false),
            vec![("regency_code".into(), Problem::UnknownDistrict)]
        );
    }

    #[test]
    fn banten_regencies_are_found_however_they_are_written() {
        for written in ["3604", "Kab. Serang", "kabupaten  serang", "KAB SERANG"] {
            assert_eq!(
                Regency::find_banten(written).unwrap().code.as_deref(),
                Some("3604"),
                "{written}"
            );
        }
        assert_eq!(
            Regency::find_banten("Kota Serang").unwrap().code.as_deref(),
            Some("3673")
        );
        assert_eq!(
            Regency::find_banten("Serang"),
            None,
            "ambiguous without Kota/Kab."
        );
        let mut blank = input();
        blank.regency_code = String::new();
        assert_eq!(
            validate_trainee(&blank, &choices(), TODAY, false)
                .unwrap()
                .regency
                .name,
            "Kota Serang"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = TraineeInput {
            nik: "3673".into(),
            phone: "12".into(),
            email: "not-an-email".into(),
            site_id: "9".into(),
            ..TraineeInput::default()
        };
        let fields: Vec<String> = problems(&bad, false).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            vec![
                "nik",
                "full_name",
                "birth_date",
                "sex",
                "phone",
                "email",
                "site_id"
            ]
        );
        assert_eq!(Sex::parse("Perempuan"), Some(Sex::Female));
        assert_eq!(Sex::parse("m"), Some(Sex::Male));
        assert_eq!(parse_sex("X"), Err(Problem::InvalidSex));
    }

    #[test]
    fn names_in_one_case_are_tidied_and_mixed_ones_kept() {
        assert_eq!(tidy_name("DEWI LESTARI"), "Dewi Lestari");
        assert_eq!(tidy_name("budi santoso"), "Budi Santoso");
        assert_eq!(tidy_name("SITI NUR-AINI"), "Siti Nur-Aini");
        assert_eq!(tidy_name("Muhammad bin Abdullah"), "Muhammad bin Abdullah");
        assert_eq!(tidy_name("MA'RUF"), "Ma'ruf");
    }
}
