use crate::kernel::input::{optional_number, optional_text};
use serde::{Deserialize, Serialize};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    SignIn,
    SignOut,
    Activate,
    PasswordChange,
    SessionEnd,
    SessionsEndOthers,
    UserCreate,
    UserDeactivate,
    UserReactivate,
    UserRoleChange,
    CodeIssue,
    DemoSeed,
    CliUserCreate,
    CohortCreate,
    CohortUpdate,
    CatalogueAdd,
    SessionsGenerate,
    SessionMove,
    SessionCancel,
    HolidaySave,
    HolidayDelete,
    ClosureSave,
    ClosureDelete,
    CalendarFeedChange,
    TraineeCreate,
    TraineeUpdate,
    TraineeImport,
    EnrollmentChange,
    ContactUpdate,
    TraineeExport,
    AttendanceSave,
    AttendanceCheckIn,
    AttendanceAuto,
    AttendancePolicy,
    AttendanceExport,
    ExcuseRequest,
    ExcuseDecide,
    ResultRecord,
    ResultDelete,
    PaperIssue,
    PaperRevoke,
    PaperSettings,
    DocumentUpdate,
    DocumentReview,
    AssessmentCreate,
    ScoresSave,
    UnitsTaught,
    RequirementsSave,
    ReadinessExport,
    IntegrationKeyCreate,
    IntegrationKeyRevoke,
    /// A partner system read people's personal data (whole NIKs, contacts) through the API.
    PersonalDataRead,
}

impl AuditAction {
    pub const ALL: [AuditAction; 52] = [
        AuditAction::SignIn,
        AuditAction::SignOut,
        AuditAction::Activate,
        AuditAction::PasswordChange,
        AuditAction::SessionEnd,
        AuditAction::SessionsEndOthers,
        AuditAction::UserCreate,
        AuditAction::UserDeactivate,
        AuditAction::UserReactivate,
        AuditAction::UserRoleChange,
        AuditAction::CodeIssue,
        AuditAction::DemoSeed,
        AuditAction::CliUserCreate,
        AuditAction::CohortCreate,
        AuditAction::CohortUpdate,
        AuditAction::CatalogueAdd,
        AuditAction::SessionsGenerate,
        AuditAction::SessionMove,
        AuditAction::SessionCancel,
        AuditAction::HolidaySave,
        AuditAction::HolidayDelete,
        AuditAction::ClosureSave,
        AuditAction::ClosureDelete,
        AuditAction::CalendarFeedChange,
        AuditAction::TraineeCreate,
        AuditAction::TraineeUpdate,
        AuditAction::TraineeImport,
        AuditAction::EnrollmentChange,
        AuditAction::ContactUpdate,
        AuditAction::TraineeExport,
        AuditAction::AttendanceSave,
        AuditAction::AttendanceCheckIn,
        AuditAction::AttendanceAuto,
        AuditAction::AttendancePolicy,
        AuditAction::AttendanceExport,
        AuditAction::ExcuseRequest,
        AuditAction::ExcuseDecide,
        AuditAction::ResultRecord,
        AuditAction::ResultDelete,
        AuditAction::PaperIssue,
        AuditAction::PaperRevoke,
        AuditAction::PaperSettings,
        AuditAction::DocumentUpdate,
        AuditAction::DocumentReview,
        AuditAction::AssessmentCreate,
        AuditAction::ScoresSave,
        AuditAction::UnitsTaught,
        AuditAction::RequirementsSave,
        AuditAction::ReadinessExport,
        AuditAction::IntegrationKeyCreate,
        AuditAction::IntegrationKeyRevoke,
        AuditAction::PersonalDataRead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign_in",
            AuditAction::SignOut => "sign_out",
            AuditAction::Activate => "activate",
            AuditAction::PasswordChange => "password_change",
            AuditAction::SessionEnd => "session_end",
            AuditAction::SessionsEndOthers => "sessions_end_others",
            AuditAction::UserCreate => "user_create",
            AuditAction::UserDeactivate => "user_deactivate",
            AuditAction::UserReactivate => "user_reactivate",
            AuditAction::UserRoleChange => "user_role_change",
            AuditAction::CodeIssue => "code_issue",
            AuditAction::DemoSeed => "demo_seed",
            AuditAction::CliUserCreate => "cli_user_create",
            AuditAction::CohortCreate => "cohort_create",
            AuditAction::CohortUpdate => "cohort_update",
            AuditAction::CatalogueAdd => "catalogue_add",
            AuditAction::SessionsGenerate => "sessions_generate",
            AuditAction::SessionMove => "session_move",
            AuditAction::SessionCancel => "session_cancel",
            AuditAction::HolidaySave => "holiday_save",
            AuditAction::HolidayDelete => "holiday_delete",
            AuditAction::ClosureSave => "closure_save",
            AuditAction::ClosureDelete => "closure_delete",
            AuditAction::CalendarFeedChange => "calendar_feed_change",
            AuditAction::TraineeCreate => "trainee_create",
            AuditAction::TraineeUpdate => "trainee_update",
            AuditAction::TraineeImport => "trainee_import",
            AuditAction::EnrollmentChange => "enrollment_change",
            AuditAction::ContactUpdate => "contact_update",
            AuditAction::TraineeExport => "trainee_export",
            AuditAction::AttendanceSave => "attendance_save",
            AuditAction::AttendanceCheckIn => "attendance_check_in",
            AuditAction::AttendanceAuto => "attendance_auto",
            AuditAction::AttendancePolicy => "attendance_policy",
            AuditAction::AttendanceExport => "attendance_export",
            AuditAction::ExcuseRequest => "excuse_request",
            AuditAction::ExcuseDecide => "excuse_decide",
            AuditAction::ResultRecord => "result_record",
            AuditAction::ResultDelete => "result_delete",
            AuditAction::PaperIssue => "paper_issue",
            AuditAction::PaperRevoke => "paper_revoke",
            AuditAction::PaperSettings => "paper_settings",
            AuditAction::DocumentUpdate => "document_update",
            AuditAction::DocumentReview => "document_review",
            AuditAction::AssessmentCreate => "assessment_create",
            AuditAction::ScoresSave => "scores_save",
            AuditAction::UnitsTaught => "units_taught",
            AuditAction::RequirementsSave => "requirements_save",
            AuditAction::ReadinessExport => "readiness_export",
            AuditAction::IntegrationKeyCreate => "integration_key_create",
            AuditAction::IntegrationKeyRevoke => "integration_key_revoke",
            AuditAction::PersonalDataRead => "personal_data_read",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == input)
    }
}

/// How it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Success,
    /// Wrong password, invalid code…
    Failure,
    /// Refused before trying: throttled, or not permitted.
    Refused,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Success, Outcome::Failure, Outcome::Refused];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Refused => "refused",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == input)
    }
}

/// Filters of the audit-log page; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    #[serde(deserialize_with = "optional_text")]
    pub action: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub outcome: Option<String>,
    /// Matches the actor's or subject's name, e-mail or phone, or the attempted login.
    #[serde(deserialize_with = "optional_text")]
    pub person: Option<String>,
    /// WIB calendar dates, `YYYY-MM-DD`, inclusive.
    #[serde(deserialize_with = "optional_text")]
    pub from: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub to: Option<String>,
    /// Show entries older than this id (keyset pagination, newest first).
    #[serde(deserialize_with = "optional_number")]
    pub before: Option<i64>,
}

/// One line of the audit log as shown to people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub id: i64,
    /// Pages format it in WIB.
    #[serde(with = "crate::kernel::wib::rfc3339_format")]
    pub occurred_at: time::OffsetDateTime,
    pub action: String,
    pub outcome: String,
    pub actor: Option<String>,
    pub subject: Option<String>,
    pub site: Option<String>,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntryView>,
    /// Pass as `before` to see the next (older) page.
    pub next_before: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_and_outcomes_round_trip_through_their_stored_names() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
        }
        for outcome in Outcome::ALL {
            assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
        }
        assert_eq!(AuditAction::parse("drop_table"), None);
    }
}
