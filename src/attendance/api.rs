//! Server functions for attendance. Each one: authenticate, authorise, call one use case,
//! answer (data) or reply (form post → redirect with a flash). The excuse form (it carries
//! a photo), the photo itself and the exports are plain handlers in `files.rs`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use std::collections::HashMap;

use super::dto::{
    CheckInDisplay, CohortAttendance, ExcuseReview, MyAttendance, MyExcuses, Overview, RollCall,
};
use crate::kernel::AppError;

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

#[server(prefix = "/api", endpoint = "attendance/roll-call", input = GetUrl)]
pub async fn get_roll_call(session_id: i64) -> Result<RollCall, AppError> {
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
    session_id: i64,
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
pub async fn open_check_in(session_id: i64) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let result = async {
        service::open_check_in(
            ctx.env(),
            ctx.client(),
            ctx.authorize(authz::can_take_roll_calls)?,
            session_id,
        )
        .await
    }
    .await;
    ctx.reply(
        result,
        |()| Success::to(paths::check_in_code(session_id)),
        Failure::form(form_id::<OpenCheckIn>()),
    )
}

#[server(prefix = "/api", endpoint = "attendance/check-in-code", input = GetUrl)]
pub async fn get_check_in_code(session_id: i64) -> Result<CheckInDisplay, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_take_roll_calls, async |actor| {
        service::check_in_display(ctx.env(), actor, session_id, &ctx.origin()).await
    })
    .await
}

/// A trainee checks in with the code shown in class.
#[server(prefix = "/api", endpoint = "attendance/check-in")]
pub async fn check_in(code: Option<String>) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let code = code.unwrap_or_default();
    let result = async {
        let actor = ctx.authorize(authz::is_trainee)?;
        let device = ctx.device_id();
        service::check_in(ctx.env(), ctx.client(), actor, &code, &device).await
    }
    .await;
    ctx.reply(
        result,
        |(cohort, status)| {
            Success::to(paths::HOME).notice(Notice::CheckedIn {
                cohort: cohort.clone(),
                status: *status,
            })
        },
        Failure::form(form_id::<CheckIn>()).keep("code", &code),
    )
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
    let result = async {
        service::withdraw_excuse(
            ctx.env(),
            ctx.client(),
            ctx.authorize(authz::is_trainee)?,
            excuse_id,
        )
        .await
    }
    .await;
    ctx.reply(
        result,
        |()| Success::to(paths::EXCUSES).notice(Notice::ExcuseWithdrawn),
        Failure::form(form_id::<WithdrawExcuse>()),
    )
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
pub async fn decide_excuse(excuse_id: i64, decision: String, note: Option<String>) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let note = note.unwrap_or_default();
    let result = async {
        let actor = ctx.authorize(authz::can_review_excuses)?;
        let approve = match decision.as_str() {
            "approve" => true,
            "decline" => false,
            _ => {
                return Err(AppError::invalid(
                    "decision",
                    crate::kernel::Problem::InvalidChoice,
                ))
            }
        };
        service::decide_excuse(ctx.env(), ctx.client(), actor, excuse_id, approve, &note).await
    }
    .await;
    ctx.reply(
        result,
        |name| Success::to(paths::EXCUSE_REVIEW).notice(Notice::ExcuseDecided(name.clone())),
        Failure::form(form_id::<DecideExcuse>())
            .keep("excuse_id", &excuse_id.to_string())
            .keep("note", &note),
    )
    .map(|_| ())
}

/// A cohort's attendance grid (`month` as `YYYY-MM`, or all).
#[server(prefix = "/api", endpoint = "attendance/cohort", input = GetUrl)]
pub async fn get_cohort_attendance(
    cohort_id: i64,
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
    cohort_id: i64,
    late_weight: Option<String>,
    late_after_minutes: Option<String>,
    auto_absent_hours: Option<String>,
    edit_days: Option<String>,
    absence_streak: Option<String>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = super::model::PolicyInput {
        late_weight: late_weight.unwrap_or_default(),
        late_after_minutes: late_after_minutes.unwrap_or_default(),
        auto_absent_hours: auto_absent_hours.unwrap_or_default(),
        edit_days: edit_days.unwrap_or_default(),
        absence_streak: absence_streak.unwrap_or_default(),
    };
    let result = async {
        service::save_policy(
            ctx.env(),
            ctx.client(),
            ctx.authorize(authz::can_set_policies)?,
            cohort_id,
            &input,
        )
        .await
    }
    .await;
    ctx.reply(
        result,
        |code| Success::to(paths::cohort(cohort_id)).notice(Notice::PolicySaved(code.clone())),
        Failure::form(form_id::<SavePolicy>())
            .keep("late_weight", &input.late_weight)
            .keep("late_after_minutes", &input.late_after_minutes)
            .keep("auto_absent_hours", &input.auto_absent_hours)
            .keep("edit_days", &input.edit_days)
            .keep("absence_streak", &input.absence_streak),
    )
    .map(|_| ())
}
