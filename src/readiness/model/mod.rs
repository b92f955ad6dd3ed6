//! Readiness as pure rules: the official results, the placement documents and their
//! statuses, a track's requirements as data, and the verdict with every blocker named
//! ([`verdict`]). No I/O.

pub mod verdict;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::kernel::codes::code_enum;
use crate::kernel::input::parse_number;
use crate::kernel::{FieldError, Problem};

code_enum! {
    /// JLPT levels, N5 the easiest.
    JlptLevel {
        N5 => "N5",
        N4 => "N4",
        N3 => "N3",
        N2 => "N2",
        N1 => "N1",
    }
}

impl JlptLevel {
    fn rank(self) -> u8 {
        match self {
            Self::N5 => 5,
            Self::N4 => 4,
            Self::N3 => 3,
            Self::N2 => 2,
            Self::N1 => 1,
        }
    }

    /// Whether this level is `other` or harder (N3 reaches N4).
    pub fn reaches(self, other: Self) -> bool {
        self.rank() <= other.rank()
    }
}

/// JFT-Basic: one CBT level (A2) scored 10–250; 200 passes.
pub const JFT_MIN: u16 = 10;
pub const JFT_MAX: u16 = 250;
pub const JFT_PASS: u16 = 200;

code_enum! {
    /// An official result a trainee brings: a language test or a skills test.
    ResultKind {
        Jlpt => "jlpt",
        JftBasic => "jft_basic",
        /// The SSW sector skills test of the trainee's field.
        SswSkills => "ssw_skills",
        /// Nursing Care Japanese Language Evaluation Test.
        CareJapanese => "care_japanese",
        /// Nursing Care Skills Test.
        CareSkills => "care_skills",
    }
}

code_enum! {
    /// The documents a CPMI needs before placement (DOMAIN.md), in checklist order.
    DocumentKind {
        Ktp => "ktp",
        Kk => "kk",
        /// Permission from spouse / parent / guardian, acknowledged by the village head.
        Permission => "izin_keluarga",
        Skck => "skck",
        /// Medical check-up including psychology.
        Mcu => "mcu",
        Ijazah => "ijazah",
        Competency => "sertifikat_kompetensi",
        /// Kartu Pencari Kerja (G-to-G).
        Ak1 => "ak1",
        Bpjs => "bpjs_tk",
        Passport => "paspor",
        /// SISKOP2MI registration / E-PMI.
        EPmi => "e_pmi",
        Contract => "kontrak",
        Coe => "coe",
        Visa => "visa",
        /// Pre-departure orientation (Orientasi Pra Pemberangkatan) done.
        Opp => "opp",
    }
}

code_enum! {
    /// Where a document stands. `Missing` is what a trainee without a row has.
    DocumentStatus {
        Missing => "missing",
        Submitted => "submitted",
        Verified => "verified",
        Rejected => "rejected",
    }
}

code_enum! {
    /// A cohort's own assessments.
    AssessmentKind {
        Quiz => "quiz",
        MidTest => "mid",
        Final => "final",
        Speaking => "speaking",
        /// A mock JFT-Basic on the real scale (10–250, pass 200).
        MockJft => "mock_jft",
    }
}

code_enum! {
    /// The verdict per trainee.
    Verdict {
        /// Nothing blocks placement.
        Ready => "siap",
        /// Something is missing, but all of it is underway (in training, awaiting
        /// verification).
        InProgress => "dalam_proses",
        /// At least one blocker nobody is working on (expired, rejected, failed, missing
        /// after training).
        NotReady => "belum",
    }
}

/// One official result as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialResult {
    pub kind: ResultKind,
    pub level: Option<JlptLevel>,
    pub score: Option<u16>,
    pub passed: bool,
    pub taken_on: Date,
}

/// A result as typed in a form, checked: a JLPT result needs a level, a JFT-Basic one a
/// score in 10–250 (passed means ≥ 200, whatever was ticked), skills tests neither.
///
/// # Errors
/// Every field problem at once.
pub fn parse_result(
    kind: &str,
    level: &str,
    score: &str,
    passed: bool,
    taken_on: &str,
    today: Date,
) -> Result<OfficialResult, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = ResultKind::parse(kind)
        .map_err(|p| errors.push(FieldError::new("kind", p)))
        .ok();
    let taken_on = match crate::kernel::wib::parse_iso_date(taken_on.trim()) {
        Some(date) if date > today => {
            errors.push(FieldError::new("taken_on", Problem::DateInFuture));
            None
        }
        Some(date) => Some(date),
        None => {
            errors.push(FieldError::new("taken_on", Problem::InvalidDate));
            None
        }
    };
    let mut parsed_level = None;
    let mut parsed_score = None;
    match kind {
        Some(ResultKind::Jlpt) => match JlptLevel::parse(level) {
            Ok(l) => parsed_level = Some(l),
            Err(p) => errors.push(FieldError::new("level", p)),
        },
        Some(ResultKind::JftBasic) => match parse_number(score, i64::from(JFT_MIN), i64::from(JFT_MAX)) {
            Ok(s) => parsed_score = u16::try_from(s).ok(),
            Err(p) => errors.push(FieldError::new("score", p)),
        },
        _ => {}
    }
    match (kind, taken_on, errors.is_empty()) {
        (Some(kind), Some(taken_on), true) => Ok(OfficialResult {
            kind,
            level: parsed_level,
            score: parsed_score,
            passed: match kind {
                ResultKind::JftBasic => parsed_score.is_some_and(|s| s >= JFT_PASS),
                _ => passed,
            },
            taken_on,
        }),
        _ => Err(errors),
    }
}

/// A document's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFacts {
    pub kind: DocumentKind,
    pub status: DocumentStatus,
    pub issued_on: Option<Date>,
    pub expires_on: Option<Date>,
}

impl DocumentFacts {
    /// From a stored record's codes and dates; `None` for codes this version does not know.
    pub fn of_record(
        kind: &str,
        status: &str,
        issued_on: Option<Date>,
        expires_on: Option<Date>,
    ) -> Option<Self> {
        Some(Self {
            kind: DocumentKind::parse(kind).ok()?,
            status: DocumentStatus::parse(status).ok()?,
            issued_on,
            expires_on,
        })
    }
}

/// A document's number, issue date and expiry date, each optional.
pub type TypedDetails = (Option<String>, Option<Date>, Option<Date>);

/// A document's details as typed: number (≤ 60 characters), issue and expiry dates
/// (both optional; the expiry not before the issue, the issue not in the future).
///
/// # Errors
/// Every field problem at once.
pub fn parse_document_details(
    number: &str,
    issued_on: &str,
    expires_on: &str,
    today: Date,
) -> Result<TypedDetails, Vec<FieldError>> {
    let mut errors = Vec::new();
    let number = crate::kernel::input::parse_text(number, 60, true)
        .map_err(|p| errors.push(FieldError::new("number", p)))
        .ok()
        .flatten();
    let date = |field: &str, value: &str, errors: &mut Vec<FieldError>| {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        crate::kernel::wib::parse_iso_date(value).or_else(|| {
            errors.push(FieldError::new(field, Problem::InvalidDate));
            None
        })
    };
    let issued = date("issued_on", issued_on, &mut errors);
    let expires = date("expires_on", expires_on, &mut errors);
    if issued.is_some_and(|d| d > today) {
        errors.push(FieldError::new("issued_on", Problem::DateInFuture));
    }
    if let (Some(issued), Some(expires)) = (issued, expires) {
        if expires < issued {
            errors.push(FieldError::new("expires_on", Problem::ExpiryBeforeIssue));
        }
    }
    if errors.is_empty() {
        Ok((number, issued, expires))
    } else {
        Err(errors)
    }
}

/// A score as typed for an assessment with `max` points (a mock JFT-Basic: 10–250).
///
/// # Errors
/// [`Problem::OutOfRange`] and friends.
pub fn parse_score(input: &str, kind: AssessmentKind, max: u16) -> Result<u16, Problem> {
    let min = if kind == AssessmentKind::MockJft {
        JFT_MIN
    } else {
        0
    };
    parse_number(input, i64::from(min), i64::from(max)).map(|s| u16::try_from(s).unwrap_or(max))
}

/// The largest document scan accepted, in KiB.
pub const SCAN_MAX_KIB: u32 = 1536;

/// The content type of a document scan (a photo or a PDF), told by its first bytes.
///
/// # Errors
/// [`Problem::FileTooLarge`] or [`Problem::NotAScan`].
pub fn scan_type(bytes: &[u8]) -> Result<&'static str, Problem> {
    if bytes.len() > SCAN_MAX_KIB as usize * 1024 {
        return Err(Problem::FileTooLarge {
            max_kib: SCAN_MAX_KIB,
        });
    }
    if bytes.starts_with(b"%PDF-") {
        return Ok("application/pdf");
    }
    crate::kernel::input::image_type(bytes).ok_or(Problem::NotAScan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    #[test]
    fn levels_reach_the_levels_below_them() {
        assert!(JlptLevel::N4.reaches(JlptLevel::N4));
        assert!(JlptLevel::N3.reaches(JlptLevel::N4));
        assert!(!JlptLevel::N5.reaches(JlptLevel::N4));
        assert_eq!(JlptLevel::parse("N6"), Err(Problem::InvalidChoice));
    }

    #[test]
    fn a_jft_result_passes_at_200_whatever_was_ticked() {
        let at = |score: &str| parse_result("jft_basic", "", score, false, "2026-10-01", TODAY);
        assert!(at("200").unwrap().passed);
        assert!(!at("199").unwrap().passed);
        assert_eq!(at("251").unwrap_err()[0].field, "score");
        assert_eq!(at("9").unwrap_err()[0].field, "score");
        assert_eq!(at("abc").unwrap_err()[0].field, "score");
    }

    #[test]
    fn a_result_needs_a_real_level_and_a_date_not_in_the_future() {
        let errors = parse_result("jlpt", "N6", "", true, "2026-12-01", TODAY).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["taken_on", "level"]);
        let jlpt = parse_result("jlpt", "N4", "", true, "2026-07-05", TODAY).unwrap();
        assert_eq!((jlpt.level, jlpt.passed), (Some(JlptLevel::N4), true));
        assert_eq!(
            parse_result("toefl", "", "", true, "2026-07-05", TODAY).unwrap_err()[0].field,
            "kind"
        );
    }

    #[test]
    fn an_expiry_before_the_issue_date_is_refused() {
        let errors = parse_document_details("A123", "2026-05-01", "2026-04-30", TODAY).unwrap_err();
        assert_eq!(errors[0].problem, Problem::ExpiryBeforeIssue);
        let (number, issued, expires) = parse_document_details(" A123 ", "2026-05-01", "", TODAY).unwrap();
        assert_eq!(
            (number.as_deref(), issued, expires),
            (Some("A123"), Some(date!(2026 - 05 - 01)), None)
        );
        assert_eq!(
            parse_document_details("", "2026-12-01", "", TODAY).unwrap_err()[0].problem,
            Problem::DateInFuture
        );
    }

    #[test]
    fn scans_are_photos_or_pdfs_told_by_their_bytes() {
        assert_eq!(scan_type(b"%PDF-1.7 ..."), Ok("application/pdf"));
        assert_eq!(scan_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Ok("image/jpeg"));
        assert_eq!(scan_type(b"<svg onload=alert(1)>"), Err(Problem::NotAScan));
        assert!(matches!(
            scan_type(&vec![b'%'; SCAN_MAX_KIB as usize * 1024 + 1]),
            Err(Problem::FileTooLarge { .. })
        ));
    }

    #[test]
    fn scores_stay_inside_their_scale() {
        assert_eq!(parse_score("100", AssessmentKind::Quiz, 100), Ok(100));
        assert!(parse_score("101", AssessmentKind::Quiz, 100).is_err());
        assert!(parse_score("5", AssessmentKind::MockJft, 250).is_err());
        assert_eq!(parse_score("0", AssessmentKind::Quiz, 100), Ok(0));
    }
}
