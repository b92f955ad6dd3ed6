//! Server functions for attendance. Each one takes its input (a form's fields flattened
//! into one struct where there are several), and in one step authorises, runs one use case
//! and answers (data) or replies (form post → redirect with a flash); the roll call, whose
//! fields are named per trainee, builds its reply itself. The excuse form (it carries a
//! photo), the photo itself and the exports are plain handlers in `files.rs`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use std::collections::HashMap;

use super::dto::{
    ChangeNotice, CheckInDisplay, CohortAttendance, ExcuseReview, MyAttendance, MyExcuses, Overview, RollCall,
};
use super::model::excuse::DecisionInput;
use super::model::PolicyInput;
use crate::kernel::{AppError, CohortId, SessionId};

#[cfg(feature = "ssr")]
use super::{paths, texts::Notice};
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};
#[cfg(feature = "ssr")]
use crate::platform::response::form_id;

/// The staff's attendance home: today's classes, unmarked sessions, trainees at risk.
#[server(prefix = "/api", endpoint = "attendance/overview", input = GetUrl)]
pub async fn get_overview() -> Result<Overview, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_take_roll_calls, async |actor| {
        service::overview(ctx.env(), actor).await
    })
    .await
}

/// A trainee's own attendance.
#[server(prefix = "/api", endpoint = "attendance/mine", input = GetUrl)]
pub async fn get_my_attendance() -> Result<MyAttendance, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::is_trainee, async |actor| {
        service::my_attendance(ctx.env(), actor).await
    })
    .await
}

/// Whom to tell that a session was moved or cancelled (WhatsApp links with the message),
/// and the message for the cohort's group; `None` while it is as planned. For whoever may
/// change the session, as moving and cancelling it are.
#[server(prefix = "/api", endpoint = "attendance/change-notice", input = GetUrl)]
pub async fn get_change_notice(session_id: SessionId) -> Result<Option<ChangeNotice>, AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    ctx.serve(crate::cohorts::authz::can_plan_cohorts, async |actor| {
        service::change_notice(ctx.env(), actor, session_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "attendance/roll-call", input = GetUrl)]
pub async fn get_roll_call(session_id: SessionId) -> Result<RollCall, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_take_roll_calls, async |actor| {
        service::roll_call(ctx.env(), actor, session_id).await
    })
    .await
}

/// Saves a roll call: `status[TRAINEE_ID]` for everyone on it, `remark[TRAINEE_ID]`
/// where there is one, and the reason for a late change.
#[server(prefix = "/api", endpoint = "attendance/save")]
pub async fn save_roll_call(
    session_id: SessionId,
    status: Option<HashMap<String, String>>,
    remark: Option<HashMap<String, String>>,
    reason: Option<String>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let status = status.unwrap_or_default();
    let remarks = remark.unwrap_or_default();
    let reason = reason.unwrap_or_default();
    let mut entries = Vec::new();
    let mut malformed = Vec::new();
    for (key, value) in &status {
        match key.parse::<i64>() {
            Ok(trainee_id) => entries.push(service::RollCallEntry {
                trainee_id,
                status: value.clone(),
                remark: remarks.get(key).cloned().unwrap_or_default(),
            }),
            Err(_) => malformed.push(crate::kernel::FieldError::new(
                "roll_call",
                crate::kernel::Problem::InvalidChoice,
            )),
        }
    }
    entries.sort_by_key(|e| e.trainee_id);
    let result = async {
        let actor = ctx.authorize(authz::can_take_roll_calls)?;
        if !malformed.is_empty() {
            return Err(AppError::Invalid(malformed));
        }
        service::save_roll_call(ctx.env(), ctx.client(), actor, session_id, &entries, &reason).await
    }
    .await;
    let mut failure = Failure::form(form_id::<SaveRollCall>()).keep("reason", &reason);
    for (key, value) in &status {
        failure = failure.keep(&format!("status[{key}]"), value);
    }
    for (key, value) in &remarks {
        failure = failure.keep(&format!("remark[{key}]"), value);
    }
    ctx.reply(
        result,
        |(cohort, count)| {
            Success::to(paths::roll_call(session_id)).notice(Notice::RollCallSaved {
                cohort: cohort.clone(),
                count: *count,
            })
        },
        failure,
    )
    .map(|_| ())
}

/// Opens self check-in and goes to the screen with the code.
#[server(prefix = "/api", endpoint = "attendance/open-check-in")]
pub async fn open_check_in(session_id: SessionId) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_take_roll_calls,
        async |actor| service::open_check_in(ctx.env(), ctx.client(), actor, session_id).await,
        |()| Success::to(paths::check_in_code(session_id)),
        Failure::form(form_id::<OpenCheckIn>()),
    )
    .await
}

#[server(prefix = "/api", endpoint = "attendance/check-in-code", input = GetUrl)]
pub async fn get_check_in_code(session_id: SessionId) -> Result<CheckInDisplay, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_take_roll_calls, async |actor| {
        service::check_in_display(ctx.env(), actor, session_id, &ctx.origin()).await
    })
    .await
}

/// A trainee checks in with the code shown in class.
#[server(prefix = "/api", endpoint = "attendance/check-in")]
pub async fn check_in(#[server(default)] code: String) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::is_trainee,
        async |actor| service::check_in(ctx.env(), ctx.client(), actor, &code, &ctx.device_id()).await,
        |(cohort, status)| {
            Success::to(paths::HOME).notice(Notice::CheckedIn {
                cohort: cohort.clone(),
                status: *status,
            })
        },
        Failure::form(form_id::<CheckIn>()).keep("code", &code),
    )
    .await
    .map(|_| ())
}

/// A trainee's excuses page: coming sessions and their requests.
#[server(prefix = "/api", endpoint = "attendance/excuses", input = GetUrl)]
pub async fn get_my_excuses() -> Result<MyExcuses, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::is_trainee, async |actor| {
        service::my_excuses(ctx.env(), actor, ctx.locale()).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "attendance/withdraw-excuse")]
pub async fn withdraw_excuse(excuse_id: i64) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::is_trainee,
        async |actor| service::withdraw_excuse(ctx.env(), ctx.client(), actor, excuse_id).await,
        |()| Success::to(paths::EXCUSES).notice(Notice::ExcuseWithdrawn),
        Failure::form(form_id::<WithdrawExcuse>()),
    )
    .await
}

#[server(prefix = "/api", endpoint = "attendance/review", input = GetUrl)]
pub async fn get_excuse_review() -> Result<ExcuseReview, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_review_excuses, async |actor| {
        service::review_excuses(ctx.env(), actor).await
    })
    .await
}

/// Approves (`decision=approve`) or declines a request.
#[server(prefix = "/api", endpoint = "attendance/decide")]
pub async fn decide_excuse(
    excuse_id: i64,
    #[server(flatten)] decision: DecisionInput,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_review_excuses,
        async |actor| service::decide_excuse(ctx.env(), ctx.client(), actor, excuse_id, &decision).await,
        |name| Success::to(paths::EXCUSE_REVIEW).notice(Notice::ExcuseDecided(name.clone())),
        // The review list shows the refusal on the request it was made on.
        Failure::of::<DecideExcuse>(&decision).keep("excuse_id", &excuse_id.to_string()),
    )
    .await
    .map(|_| ())
}

/// A cohort's attendance grid (`month` as `YYYY-MM`, or all).
#[server(prefix = "/api", endpoint = "attendance/cohort", input = GetUrl)]
pub async fn get_cohort_attendance(
    cohort_id: CohortId,
    month: Option<String>,
) -> Result<CohortAttendance, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_take_roll_calls, async |actor| {
        service::cohort_attendance(ctx.env(), actor, cohort_id, month.as_deref()).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "attendance/save-policy")]
pub async fn save_policy(
    cohort_id: CohortId,
    #[server(flatten)] policy: PolicyInput,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_set_policies,
        async |actor| service::save_policy(ctx.env(), ctx.client(), actor, cohort_id, &policy).await,
        |code| Success::to(paths::cohort(cohort_id)).notice(Notice::PolicySaved(code.clone())),
        Failure::of::<SavePolicy>(&policy),
    )
    .await
    .map(|_| ())
}
