//! Server functions for readiness. Each one: authenticate, authorise, call one use case,
//! answer (data) or reply (form post → redirect with a flash). Scan uploads and
//! downloads and the export are plain handlers in `files.rs`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use std::collections::HashMap;

use super::dto::{CohortProgress, Dashboard, DashboardFilter, Rules, TraineeReadiness};
use crate::kernel::{AppError, TraineeId};

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
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api", endpoint = "readiness/record-result")]
pub async fn record_result(
    trainee_id: TraineeId,
    kind: String,
    level: Option<String>,
    score: Option<String>,
    passed: Option<String>,
    taken_on: Option<String>,
    certificate_no: Option<String>,
    field: Option<String>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = service::ResultInput {
        kind,
        level: level.unwrap_or_default(),
        score: score.unwrap_or_default(),
        passed: passed.is_some_and(|p| !p.is_empty() && p != "false"),
        taken_on: taken_on.unwrap_or_default(),
        certificate_no: certificate_no.unwrap_or_default(),
        field: field.unwrap_or_default(),
    };
    let result = async {
        let actor = ctx.authorize(authz::can_open_dashboard)?;
        service::record_result(ctx.env(), ctx.client(), actor, trainee_id, &input).await
    }
    .await;
    ctx.reply(
        result,
        |name| Success::to(paths::trainee(trainee_id)).notice(Notice::ResultSaved(name.clone())),
        Failure::form(form_id::<RecordResult>())
            .keep("kind", &input.kind)
            .keep("level", &input.level)
            .keep("score", &input.score)
            .keep("taken_on", &input.taken_on)
            .keep("certificate_no", &input.certificate_no)
            .keep("field", &input.field),
    )
    .map(|_| ())
}

#[server(prefix = "/api", endpoint = "readiness/delete-result")]
pub async fn delete_result(result_id: i64) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let result = async {
        let actor = ctx.authorize(authz::can_open_dashboard)?;
        service::delete_result(ctx.env(), ctx.client(), actor, result_id).await
    }
    .await;
    ctx.reply(
        result,
        |trainee| Success::to(paths::trainee(TraineeId(*trainee))).notice(Notice::ResultDeleted),
        Failure::form(form_id::<DeleteResult>()),
    )
    .map(|_| ())
}

/// A trainee hands in one of their documents (it then waits for review).
#[server(prefix = "/api", endpoint = "readiness/submit-document")]
pub async fn submit_document(
    kind: String,
    number: Option<String>,
    issued_on: Option<String>,
    expires_on: Option<String>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = service::DocumentInput {
        kind,
        number: number.unwrap_or_default(),
        issued_on: issued_on.unwrap_or_default(),
        expires_on: expires_on.unwrap_or_default(),
        ..Default::default()
    };
    let result = async {
        let actor = ctx.authorize(authz::is_trainee)?;
        service::submit_document(ctx.env(), ctx.client(), actor, &input).await
    }
    .await;
    ctx.reply(
        result,
        |kind| Success::to(paths::MINE).notice(Notice::DocumentSaved(*kind)),
        document_failure(&input),
    )
    .map(|_| ())
}

#[cfg(feature = "ssr")]
fn document_failure(input: &super::service::DocumentInput) -> Failure {
    Failure::form(document_form_of(&input.kind))
        .keep("number", &input.number)
        .keep("issued_on", &input.issued_on)
        .keep("expires_on", &input.expires_on)
        .keep("decision", &input.decision)
        .keep("reason", &input.reason)
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
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api", endpoint = "readiness/review-document")]
pub async fn review_document(
    trainee_id: TraineeId,
    kind: String,
    number: Option<String>,
    issued_on: Option<String>,
    expires_on: Option<String>,
    decision: Option<String>,
    reason: Option<String>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = service::DocumentInput {
        kind,
        number: number.unwrap_or_default(),
        issued_on: issued_on.unwrap_or_default(),
        expires_on: expires_on.unwrap_or_default(),
        decision: decision.unwrap_or_default(),
        reason: reason.unwrap_or_default(),
    };
    let result = async {
        let actor = ctx.authorize(authz::can_open_dashboard)?;
        service::review_document(ctx.env(), ctx.client(), actor, trainee_id, &input).await
    }
    .await;
    ctx.reply(
        result,
        |kind| Success::to(paths::trainee(trainee_id)).notice(Notice::DocumentSaved(*kind)),
        document_failure(&input),
    )
    .map(|_| ())
}

/// A cohort's lessons and scores.
#[server(prefix = "/api", endpoint = "readiness/progress", input = GetUrl)]
pub async fn get_cohort_progress(cohort_id: i64) -> Result<CohortProgress, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::is_staff, async |actor| {
        service::cohort_progress(ctx.env(), actor, cohort_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "readiness/create-assessment")]
pub async fn create_assessment(
    cohort_id: i64,
    kind: String,
    title: Option<String>,
    held_on: Option<String>,
    max_score: Option<String>,
    pass_score: Option<String>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = service::NewAssessment {
        kind,
        title: title.unwrap_or_default(),
        held_on: held_on.unwrap_or_default(),
        max_score: max_score.unwrap_or_default(),
        pass_score: pass_score.unwrap_or_default(),
    };
    let result = async {
        let actor = ctx.authorize(authz::is_staff)?;
        service::create_assessment(ctx.env(), ctx.client(), actor, cohort_id, &input).await
    }
    .await;
    ctx.reply(
        result,
        |(id, title)| {
            Success::to(paths::assessment(cohort_id, *id)).notice(Notice::AssessmentCreated(title.clone()))
        },
        Failure::form(form_id::<CreateAssessment>())
            .keep("kind", &input.kind)
            .keep("title", &input.title)
            .keep("held_on", &input.held_on)
            .keep("max_score", &input.max_score)
            .keep("pass_score", &input.pass_score),
    )
    .map(|_| ())
}

/// Scores of one assessment for the whole cohort: `score[TRAINEE_ID]` (empty clears).
#[server(prefix = "/api", endpoint = "readiness/save-scores")]
pub async fn save_scores(assessment_id: i64, score: Option<HashMap<String, String>>) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let typed = score.unwrap_or_default();
    let result = async {
        let actor = ctx.authorize(authz::is_staff)?;
        let entries = keyed(&typed, "score")?;
        service::save_scores(ctx.env(), ctx.client(), actor, assessment_id, &entries).await
    }
    .await;
    let mut failure = Failure::form(form_id::<SaveScores>());
    for (key, value) in &typed {
        failure = failure.keep(&format!("score[{key}]"), value);
    }
    ctx.reply(
        result,
        |(cohort, saved)| {
            Success::to(paths::assessment(*cohort, assessment_id)).notice(Notice::ScoresSaved(*saved))
        },
        failure,
    )
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
pub async fn save_lessons(cohort_id: i64, unit: Option<HashMap<String, String>>) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let typed = unit.unwrap_or_default();
    let result = async {
        let actor = ctx.authorize(authz::is_staff)?;
        let entries = keyed(&typed, "unit")?;
        service::save_taught(ctx.env(), ctx.client(), actor, cohort_id, &entries).await
    }
    .await;
    ctx.reply(
        result,
        |()| Success::to(paths::progress(cohort_id)).notice(Notice::LessonsSaved),
        Failure::form(form_id::<SaveLessons>()),
    )
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

/// An admin replaces a programme's requirements (see `service::RulesInput`).
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api", endpoint = "readiness/save-rules")]
pub async fn save_rules(
    programme_id: i64,
    jlpt: Option<String>,
    jft: Option<String>,
    passed: Option<HashMap<String, String>>,
    attendance: Option<String>,
    doc: Option<HashMap<String, String>>,
    max_age: Option<HashMap<String, String>>,
    min_valid: Option<HashMap<String, String>>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = service::RulesInput {
        jlpt: jlpt.unwrap_or_default(),
        jft: jft.unwrap_or_default(),
        passed: passed.unwrap_or_default(),
        attendance: attendance.is_some(),
        documents: doc.unwrap_or_default(),
        max_age: max_age.unwrap_or_default(),
        min_valid: min_valid.unwrap_or_default(),
    };
    let result = async {
        let actor = ctx.authorize(authz::can_edit_rules)?;
        service::save_rules(ctx.env(), ctx.client(), actor, programme_id, &input).await
    }
    .await;
    ctx.reply(
        result,
        |programme| Success::to(paths::RULES).notice(Notice::RulesSaved(programme.clone())),
        Failure::form(form_id::<SaveRules>()).keep("programme_id", &programme_id.to_string()),
    )
    .map(|_| ())
}
