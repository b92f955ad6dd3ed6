//! Server functions for readiness. Each one takes its input (a form's fields flattened
//! into one struct where there are several), and in one step authorises, runs one use case
//! and answers (data) or replies (form post → redirect with a flash). Scan uploads and
//! downloads and the export are plain handlers in `files.rs`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use std::collections::HashMap;

use super::dto::{
    CohortProgress, Dashboard, DashboardFilter, DocumentInput, NewAssessment, ResultInput, Rules, RulesInput,
    TraineeReadiness,
};
use crate::kernel::{AppError, CohortId, TraineeId};

#[cfg(feature = "ssr")]
use super::{paths, texts::Notice};
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};
#[cfg(feature = "ssr")]
use crate::platform::response::form_id;

/// The coordinators' dashboard (filters as in the address; empty values mean "any").
#[server(prefix = "/api", endpoint = "readiness/dashboard", input = GetUrl)]
pub async fn get_dashboard(#[server(flatten)] filter: DashboardFilter) -> Result<Dashboard, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_open_dashboard, async |actor| {
        service::dashboard(ctx.env(), actor, filter).await
    })
    .await
}

/// One trainee's readiness, for their site's coordinators.
#[server(prefix = "/api", endpoint = "readiness/trainee", input = GetUrl)]
pub async fn get_trainee_readiness(trainee_id: TraineeId) -> Result<TraineeReadiness, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_open_dashboard, async |actor| {
        service::trainee_readiness(ctx.env(), actor, trainee_id).await
    })
    .await
}

/// "Kesiapan saya".
#[server(prefix = "/api", endpoint = "readiness/mine", input = GetUrl)]
pub async fn get_my_readiness() -> Result<TraineeReadiness, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::is_trainee, async |actor| {
        service::my_readiness(ctx.env(), actor).await
    })
    .await
}

/// A coordinator records an official result (`passed` present when ticked).
#[server(prefix = "/api", endpoint = "readiness/record-result")]
pub async fn record_result(
    trainee_id: TraineeId,
    #[server(flatten)] official: ResultInput,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_open_dashboard,
        async |actor| service::record_result(ctx.env(), ctx.client(), actor, trainee_id, &official).await,
        |recorded| Success::to(paths::trainee(trainee_id)).notice(Notice::ResultSaved(recorded.name.clone())),
        Failure::of::<RecordResult>(&official),
    )
    .await
    .map(|_| ())
}

#[server(prefix = "/api", endpoint = "readiness/delete-result")]
pub async fn delete_result(result_id: i64) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_open_dashboard,
        async |actor| service::delete_result(ctx.env(), ctx.client(), actor, result_id).await,
        |trainee| Success::to(paths::trainee(TraineeId(*trainee))).notice(Notice::ResultDeleted),
        Failure::form(form_id::<DeleteResult>()),
    )
    .await
    .map(|_| ())
}

/// A trainee hands in one of their documents (it then waits for review).
#[server(prefix = "/api", endpoint = "readiness/submit-document")]
pub async fn submit_document(#[server(flatten)] document: DocumentInput) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::is_trainee,
        async |actor| service::submit_document(ctx.env(), ctx.client(), actor, &document).await,
        |kind| Success::to(paths::MINE).notice(Notice::DocumentSaved(*kind)),
        document_failure(&document),
    )
    .await
    .map(|_| ())
}

/// Back to the row of the document as typed (each row is its own form).
#[cfg(feature = "ssr")]
fn document_failure(input: &DocumentInput) -> Failure {
    Failure::form(document_form_of(&input.kind)).keep_all(input)
}

/// The form name of the row of the document `kind` names (`document` when it names none),
/// for the handlers that take a posted kind.
pub fn document_form_of(kind: &str) -> &'static str {
    super::model::DocumentKind::parse(kind).map_or("document", document_form)
}

/// The form name of one document's row (each row is its own form).
pub fn document_form(kind: super::model::DocumentKind) -> &'static str {
    use super::model::DocumentKind as K;
    match kind {
        K::Ktp => "doc-ktp",
        K::Kk => "doc-kk",
        K::Permission => "doc-izin_keluarga",
        K::Skck => "doc-skck",
        K::Mcu => "doc-mcu",
        K::Ijazah => "doc-ijazah",
        K::Competency => "doc-sertifikat_kompetensi",
        K::Ak1 => "doc-ak1",
        K::Bpjs => "doc-bpjs_tk",
        K::Passport => "doc-paspor",
        K::EPmi => "doc-e_pmi",
        K::Contract => "doc-kontrak",
        K::Coe => "doc-coe",
        K::Visa => "doc-visa",
        K::Opp => "doc-opp",
    }
}

/// A coordinator records a document's details and verifies or rejects it.
#[server(prefix = "/api", endpoint = "readiness/review-document")]
pub async fn review_document(
    trainee_id: TraineeId,
    #[server(flatten)] document: DocumentInput,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_open_dashboard,
        async |actor| service::review_document(ctx.env(), ctx.client(), actor, trainee_id, &document).await,
        |kind| Success::to(paths::trainee(trainee_id)).notice(Notice::DocumentSaved(*kind)),
        document_failure(&document),
    )
    .await
    .map(|_| ())
}

/// A cohort's lessons and scores.
#[server(prefix = "/api", endpoint = "readiness/progress", input = GetUrl)]
pub async fn get_cohort_progress(cohort_id: CohortId) -> Result<CohortProgress, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::is_staff, async |actor| {
        service::cohort_progress(ctx.env(), actor, cohort_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "readiness/create-assessment")]
pub async fn create_assessment(
    cohort_id: CohortId,
    #[server(flatten)] assessment: NewAssessment,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::is_staff,
        async |actor| {
            service::create_assessment(ctx.env(), ctx.client(), actor, cohort_id, &assessment).await
        },
        |(id, title)| {
            Success::to(paths::assessment(cohort_id, *id)).notice(Notice::AssessmentCreated(title.clone()))
        },
        Failure::of::<CreateAssessment>(&assessment),
    )
    .await
    .map(|_| ())
}

/// Scores of one assessment for the whole cohort: `score[TRAINEE_ID]` (empty clears).
#[server(prefix = "/api", endpoint = "readiness/save-scores")]
pub async fn save_scores(
    assessment_id: i64,
    #[server(default)] score: HashMap<String, String>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let mut failure = Failure::form(form_id::<SaveScores>());
    for (key, value) in &score {
        failure = failure.keep(&format!("score[{key}]"), value);
    }
    ctx.submit(
        authz::is_staff,
        async |actor| {
            let entries = keyed(&score, "score")?;
            service::save_scores(ctx.env(), ctx.client(), actor, assessment_id, &entries).await
        },
        |(cohort, saved)| {
            Success::to(paths::assessment(CohortId(*cohort), assessment_id))
                .notice(Notice::ScoresSaved(*saved))
        },
        failure,
    )
    .await
    .map(|_| ())
}

/// `name[ID]` form fields as (id, value), sorted; a key that is not an id is refused.
#[cfg(feature = "ssr")]
fn keyed(fields: &HashMap<String, String>, name: &str) -> Result<Vec<(i64, String)>, AppError> {
    let mut entries = Vec::new();
    for (key, value) in fields {
        let id = key
            .parse::<i64>()
            .map_err(|_| AppError::invalid(name, crate::kernel::Problem::InvalidChoice))?;
        entries.push((id, value.clone()));
    }
    entries.sort();
    Ok(entries)
}

/// The unit taught per session: `unit[SESSION_ID]` (empty clears).
#[server(prefix = "/api", endpoint = "readiness/save-lessons")]
pub async fn save_lessons(
    cohort_id: CohortId,
    #[server(default)] unit: HashMap<String, String>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::is_staff,
        async |actor| {
            let entries = keyed(&unit, "unit")?;
            service::save_taught(ctx.env(), ctx.client(), actor, cohort_id, &entries).await
        },
        |()| Success::to(paths::progress(cohort_id)).notice(Notice::LessonsSaved),
        Failure::form(form_id::<SaveLessons>()),
    )
    .await
}

/// Every programme's requirements.
#[server(prefix = "/api", endpoint = "readiness/rules", input = GetUrl)]
pub async fn get_rules() -> Result<Rules, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::is_staff, async |actor| {
        service::rules(ctx.env(), actor).await
    })
    .await
}

/// An admin replaces a programme's requirements (see [`RulesInput`]).
#[server(prefix = "/api", endpoint = "readiness/save-rules")]
pub async fn save_rules(programme_id: i64, #[server(flatten)] rules: RulesInput) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_edit_rules,
        async |actor| service::save_rules(ctx.env(), ctx.client(), actor, programme_id, &rules).await,
        |programme| Success::to(paths::RULES).notice(Notice::RulesSaved(programme.clone())),
        Failure::of::<SaveRules>(&rules).keep("programme_id", &programme_id.to_string()),
    )
    .await
    .map(|_| ())
}
