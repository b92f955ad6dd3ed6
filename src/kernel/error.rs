//! The one error type every server function returns.
//!
//! User mistakes (bad input, wrong password, missing permission) are kept apart from
//! unexpected failures: the former carry a precise, translatable reason; the latter carry
//! only a reference the user can quote while the log keeps the detail.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::wib;

/// Why one form field was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooLong {
        max: u32,
    },
    InvalidEmail,
    InvalidPhone,
    InvalidNik(super::identity::NikProblem),
    InvalidLogin,
    PasswordTooShort {
        min: u32,
    },
    PasswordTooLong {
        max: u32,
    },
    PasswordTooCommon,
    PasswordContainsPersonalData,
    PasswordMismatch,
    InvalidChoice,
    /// Another account already uses this value.
    Taken,
    InvalidCode,
    /// The current password typed to confirm a change was wrong.
    WrongPassword,
    /// A trainee belongs to exactly one home site.
    ExactlyOneSite,
    /// Staff roles sign in with e-mail; the account has none.
    RoleNeedsEmail,
    /// Trainees sign in with phone or NIK and need a home site; the account lacks them.
    RoleNeedsPhone,
    /// Not a calendar date (as typed, `DD/MM/YYYY` or `YYYY-MM-DD`).
    InvalidDate,
    /// Not a time of day (`08.00`, `08:00`).
    InvalidTime,
    /// Not a whole number.
    InvalidNumber,
    /// A number outside `min..=max`.
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// An end (date or time) not after its start.
    EndBeforeStart,
    /// The room holds fewer people than the cohort.
    RoomTooSmall {
        capacity: u32,
    },
    /// A date outside the cohort's first and last day.
    OutsideCohortDates {
        #[serde(with = "wib::iso_date_format")]
        from: Date,
        #[serde(with = "wib::iso_date_format")]
        to: Date,
    },
    /// The date is a holiday or cuti bersama.
    OnHoliday {
        name: String,
    },
    /// The time overlaps another session of the same instructor, room or cohort.
    ScheduleConflict {
        cohort: String,
        /// When the other session is.
        #[serde(with = "wib::rfc3339_format")]
        starts_at: OffsetDateTime,
        #[serde(with = "wib::rfc3339_format")]
        ends_at: OffsetDateTime,
        clashes: Vec<Clash>,
    },
    /// The weekdays and dates given yield no session at all.
    NoSessions,
    /// The lesson-hour target cannot be covered before the cohort ends.
    HoursUnreachable {
        reachable: u32,
        target: u32,
    },
    /// This status cannot follow the current one.
    InvalidTransition,
    /// The birth date entered is not the one the NIK encodes (the NIK's date).
    NikBirthDateMismatch {
        #[serde(with = "wib::iso_date_format")]
        nik_date: Date,
    },
    /// The sex entered is not the one the NIK encodes.
    NikSexMismatch {
        nik_sex: super::identity::Sex,
    },
    /// Fewer seats than are already taken.
    BelowSeatsTaken {
        taken: u32,
    },
    /// Every seat is taken.
    CohortFull {
        capacity: u32,
    },
    /// Already accepted or active in a cohort whose dates overlap.
    OverlappingEnrollment {
        cohort: String,
    },
    /// Already has an enrollment in this cohort.
    AlreadyEnrolled,
    /// A trainee with this NIK is already registered.
    AlreadyRegistered,
    /// Not shaped like a number of another government system (SIAPkerja, SISKOP2MI).
    InvalidRegistryNumber,
    /// Another trainee record already holds this number of another government system.
    RegistryNumberTaken,
    /// Two keys of this integration are live already (the most, for rotation): revoke one.
    KeysLive,
    /// The date is already a holiday (or already a day off of this site).
    AlreadyDayOff,
    /// The same NIK appears earlier in the file, in the row given.
    DuplicateInFile {
        row: u32,
    },
    /// Not a Banten kabupaten/kota (outside Banten, a name is needed).
    UnknownDistrict,
    /// Not L/P or M/F.
    InvalidSex,
    /// An uploaded file with nothing in it.
    EmptyFile,
    /// An uploaded file that is not CSV text (an .xlsx renamed, a picture…).
    NotCsv,
    /// An uploaded file over the limit.
    FileTooLarge {
        max_kib: u32,
    },
    /// More rows than one import takes.
    TooManyRows {
        max: u32,
    },
    /// No column header recognised; these are needed.
    NoHeader,
    /// The session was cancelled.
    SessionCancelled,
    /// The session has not started yet.
    SessionNotStarted {
        #[serde(with = "wib::rfc3339_format")]
        starts_at: OffsetDateTime,
    },
    /// Past the instructors' editing window: only coordinators may change it, with a reason.
    EditWindowClosed {
        days: u32,
    },
    /// Not enrolled in the cohort on the session's date.
    NotEnrolledOnDate,
    /// A check-in code that is wrong or no longer shown.
    CodeExpired,
    /// Already checked in to this session.
    AlreadyCheckedIn,
    /// This device already checked in another trainee to this session.
    DeviceUsed,
    /// Self check-in is not open for any of the person's sessions now.
    CheckInClosed,
    /// Excuses are asked for coming sessions only.
    SessionPast,
    /// An attachment that is not a JPEG, PNG or WebP picture.
    NotAnImage,
    /// An excuse was already asked for this session.
    AlreadyRequested,
    /// A date that cannot be after today (a test taken, a document issued).
    DateInFuture,
    /// A document that expires before it was issued.
    ExpiryBeforeIssue,
    /// A scan that is not a JPEG, PNG, WebP picture or a PDF.
    NotAScan,
    /// A certificate for an enrollment not completed.
    NotCompleted,
    /// An enrollment letter for one not active.
    NotActive,
    /// The site has no signatory set (named before anything is issued).
    NoSignatory,
    /// The site has no numbering pattern for this kind of document.
    NoNumberPattern,
    /// A numbering pattern without a part it needs (`{seq}`, `{year}`, `{site}`).
    PatternNeeds {
        part: String,
    },
    /// A numbering pattern naming a part that does not exist.
    UnknownPlaceholder {
        name: String,
    },
    /// Both kinds of document numbered alike at one site.
    SamePattern,
    /// A logo that is not a PNG, JPEG or SVG picture (told by its bytes).
    NotALogo,
    /// A current certificate exists already: reissue it instead.
    AlreadyIssued,
    /// The document was revoked already.
    AlreadyRevoked,
    /// The site's pattern wrote a number given before (the patterns changed since).
    NumberTaken,
}

/// What two overlapping sessions share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Clash {
    Instructor,
    Room,
    Cohort,
}

/// A refused field: which one and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: &str, problem: Problem) -> Self {
        Self {
            field: field.to_owned(),
            problem,
        }
    }
}

/// Everything a server function can answer instead of success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No valid session: sign in first.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but this role or scope may not do this.
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// One or more fields were refused; nothing was changed.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Wrong login or password, unknown or deactivated account: deliberately one message.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed attempts from this account or address.
    #[error("too many attempts, retry in {retry_after_minutes} min")]
    Throttled { retry_after_minutes: u32 },
    /// Activation or reset code unknown, already used or expired: deliberately one message.
    #[error("activation code invalid")]
    CodeInvalid,
    /// The request was malformed (missing or unreadable form fields).
    #[error("bad request")]
    BadRequest,
    /// Something failed on our side; `reference` appears in the server log next to the cause.
    #[error("internal error (ref {reference})")]
    Internal { reference: String },
}

impl AppError {
    /// A single-field validation error.
    pub fn invalid(field: &str, problem: Problem) -> Self {
        Self::Invalid(vec![FieldError::new(field, problem)])
    }

    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> u16 {
        match self {
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Invalid(_) => 422,
            Self::InvalidCredentials => 401,
            Self::Throttled { .. } => 429,
            Self::CodeInvalid => 422,
            Self::BadRequest => 400,
            Self::Internal { .. } => 500,
        }
    }

    /// The problem reported for `field`, if any.
    pub fn field_problem(&self, field: &str) -> Option<&Problem> {
        match self {
            Self::Invalid(errors) => errors.iter().find(|e| e.field == field).map(|e| &e.problem),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => Self::BadRequest,
            _ => Self::Internal {
                reference: "transport".to_owned(),
            },
        }
    }
}
