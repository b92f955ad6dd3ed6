//! What one issued document says, fixed when it is issued: the snapshot its PDF is drawn
//! from (at any later time, the same) and that the public verification page shows a part
//! of. Plain data, no I/O.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::kernel::codes::code_enum;

code_enum! {
    /// The kinds of document issued, each with its own template and numbering.
    DocumentKind {
        /// Sertifikat: the course completed.
        Certificate => "certificate",
        /// Surat keterangan: enrolled now, and how they attend.
        Letter => "letter",
    }
}

/// The final assessment of the cohort, as the trainee scored in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalResult {
    /// The assessment's title ("Ujian akhir N4").
    pub title: String,
    pub score: i32,
    pub max_score: i32,
    pub passed: bool,
}

/// An official result on record (JFT-Basic, JLPT, …), already worded for print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialLine {
    /// The test's name: "JFT-Basic", "JLPT".
    pub test: String,
    /// What was reached: "215 / 250", "N4".
    pub result: String,
    pub passed: bool,
    pub taken_on: Date,
}

/// One document as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    pub kind: DocumentKind,
    /// The letter number, from the site's pattern (`007/SJ/SRG/XII/2026`).
    pub number: String,
    /// The verification code as printed (groups of four, see `model::VerificationCode`).
    pub code: String,
    /// The public verification address the QR code holds.
    pub verify_url: String,
    /// Full name as on the KTP.
    pub full_name: String,
    pub birth_place: String,
    pub birth_date: Date,
    /// The programme's name and its track ("SSW", "TITP", "EPA").
    pub programme: String,
    pub track: String,
    /// The cohort's code and the course's name with its level.
    pub cohort: String,
    pub course: String,
    /// The enrollment's first and last day (for a letter: its first day and the cohort's
    /// planned end).
    pub starts_on: Date,
    pub ends_on: Date,
    /// Lesson hours (JP, 45 minutes) attended inside the enrollment, of the course's total.
    pub hours_attended: u32,
    pub hours_total: u32,
    /// Attendance rate inside the enrollment, in whole percent (none before any session).
    pub attendance_rate: Option<u32>,
    /// The cohort's final assessment, when one was held and scored.
    pub final_result: Option<FinalResult>,
    pub official_results: Vec<OfficialLine>,
    /// The issuing site (the cohort's), its city.
    pub site_name: String,
    pub site_city: String,
    pub signatory_name: String,
    pub signatory_position: String,
    pub issued_on: Date,
}
