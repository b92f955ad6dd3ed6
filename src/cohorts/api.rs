//! Server functions for cohorts and the catalogue. Each one: authenticate, authorise,
//! call one use case, answer (data) or reply (form post → redirect with a flash).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::dto::{Catalogue, CohortDetail, CohortFilter, CohortForm, CohortList};
use crate::kernel::AppError;

#[cfg(feature = "ssr")]
use super::texts::Notice;
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};

#[server(prefix = "/api", endpoint = "cohorts/catalogue", input = GetUrl)]
pub async fn get_catalogue() -> Result<Catalogue, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let result =
        async { service::catalogue(ctx.env(), ctx.authorize(authz::can_view_catalogue)?).await }.await;
    ctx.answer(result)
}

#[server(prefix = "/api", endpoint = "cohorts/add-room")]
pub async fn add_room(site_id: Option<String>, name: String, capacity: String) -> Result<String, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let result = async {
        let actor = ctx.authorize(authz::can_plan_cohorts)?;
        let site_id = crate::kernel::input::parse_choice(site_id.as_deref().unwrap_or_default())
            .map_err(|problem| AppError::invalid("site_id", problem))?;
        service::add_room(ctx.env(), ctx.client(), actor, site_id, &name, &capacity).await
    }
    .await;
    ctx.reply(
        result,
        |name| Success::to("/program#ruang").notice(Notice::Added(name.clone())),
        Failure::form("add-room")
            .keep("site_id", site_id.as_deref().unwrap_or_default())
            .keep("name", &name)
            .keep("capacity", &capacity),
    )
}

#[server(prefix = "/api", endpoint = "cohorts/add-programme")]
pub async fn add_programme(
    code: String,
    name: String,
    track: String,
    sector: Option<String>,
    language_target: String,
) -> Result<String, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = service::NewProgramme {
        code,
        name,
        track,
        sector: sector.unwrap_or_default(),
        language_target,
    };
    let result = async {
        let actor = ctx.authorize(authz::can_edit_catalogue)?;
        service::add_programme(ctx.env(), ctx.client(), actor, &input).await
    }
    .await;
    ctx.reply(
        result,
        |name| Success::to("/program#program").notice(Notice::Added(name.clone())),
        Failure::form("add-programme")
            .keep("code", &input.code)
            .keep("name", &input.name)
            .keep("track", &input.track)
            .keep("sector", &input.sector)
            .keep("language_target", &input.language_target),
    )
}

#[server(prefix = "/api", endpoint = "cohorts/add-course")]
pub async fn add_course(
    code: String,
    name: String,
    level: String,
    total_hours: String,
    textbook: Option<String>,
    units: String,
) -> Result<String, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = service::NewCourse {
        code,
        name,
        level,
        total_hours,
        textbook: textbook.unwrap_or_default(),
        units,
    };
    let result = async {
        let actor = ctx.authorize(authz::can_edit_catalogue)?;
        service::add_course(ctx.env(), ctx.client(), actor, &input).await
    }
    .await;
    ctx.reply(
        result,
        |name| Success::to("/program#kursus").notice(Notice::Added(name.clone())),
        Failure::form("add-course")
            .keep("code", &input.code)
            .keep("name", &input.name)
            .keep("level", &input.level)
            .keep("total_hours", &input.total_hours)
            .keep("textbook", &input.textbook)
            .keep("units", &input.units),
    )
}

#[server(prefix = "/api", endpoint = "cohorts/list", input = GetUrl)]
pub async fn list_cohorts(filter: CohortFilter) -> Result<CohortList, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let result =
        async { service::list_cohorts(ctx.env(), ctx.authorize(authz::can_list_cohorts)?, &filter).await }
            .await;
    ctx.answer(result)
}

#[server(prefix = "/api", endpoint = "cohorts/get", input = GetUrl)]
pub async fn get_cohort(cohort_id: i64) -> Result<CohortDetail, AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    let result = async { service::cohort_detail(ctx.env(), ctx.actor()?, cohort_id).await }.await;
    ctx.answer(result)
}

/// The new-cohort form (no id) or the edit form of one cohort.
#[server(prefix = "/api", endpoint = "cohorts/form", input = GetUrl)]
pub async fn get_cohort_form(cohort_id: Option<i64>) -> Result<CohortForm, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let result =
        async { service::cohort_form(ctx.env(), ctx.authorize(authz::can_plan_cohorts)?, cohort_id).await }
            .await;
    ctx.answer(result)
}

/// A cohort as typed into its form; ids come from select lists.
#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
fn cohort_input(
    code: String,
    course_id: Option<String>,
    programme_id: Option<String>,
    site_id: Option<String>,
    room_id: Option<String>,
    capacity: String,
    starts_on: String,
    ends_on: String,
    attendance_threshold: Option<String>,
    status: Option<String>,
    instructor_ids: Option<Vec<i64>>,
) -> super::model::CohortInput {
    super::model::CohortInput {
        code,
        course_id: course_id.unwrap_or_default(),
        programme_id: programme_id.unwrap_or_default(),
        site_id: site_id.unwrap_or_default(),
        room_id: room_id.unwrap_or_default(),
        capacity,
        starts_on,
        ends_on,
        attendance_threshold: attendance_threshold.unwrap_or_default(),
        status: status.unwrap_or_default(),
        instructor_ids: instructor_ids.unwrap_or_default(),
    }
}

#[cfg(feature = "ssr")]
fn cohort_failure(form: &'static str, input: &super::model::CohortInput) -> Failure {
    Failure::form(form)
        .keep("code", &input.code)
        .keep("course_id", &input.course_id)
        .keep("programme_id", &input.programme_id)
        .keep("site_id", &input.site_id)
        .keep("room_id", &input.room_id)
        .keep("capacity", &input.capacity)
        .keep("starts_on", &input.starts_on)
        .keep("ends_on", &input.ends_on)
        .keep("attendance_threshold", &input.attendance_threshold)
        .keep("status", &input.status)
        .keep(
            "instructor_ids",
            &input
                .instructor_ids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(","),
        )
}

#[server(prefix = "/api", endpoint = "cohorts/create")]
#[allow(clippy::too_many_arguments)]
pub async fn create_cohort(
    code: String,
    course_id: Option<String>,
    programme_id: Option<String>,
    site_id: Option<String>,
    room_id: Option<String>,
    capacity: String,
    starts_on: String,
    ends_on: String,
    attendance_threshold: Option<String>,
    status: Option<String>,
    instructor_ids: Option<Vec<i64>>,
) -> Result<i64, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = cohort_input(
        code,
        course_id,
        programme_id,
        site_id,
        room_id,
        capacity,
        starts_on,
        ends_on,
        attendance_threshold,
        status,
        instructor_ids,
    );
    let result = async {
        let actor = ctx.authorize(authz::can_plan_cohorts)?;
        service::create_cohort(ctx.env(), ctx.client(), actor, &input).await
    }
    .await;
    ctx.reply(
        result,
        |(id, code)| Success::to(format!("/angkatan/{id}")).notice(Notice::CohortCreated(code.clone())),
        cohort_failure("cohort", &input),
    )
    .map(|(id, _)| id)
}

#[server(prefix = "/api", endpoint = "cohorts/update")]
#[allow(clippy::too_many_arguments)]
pub async fn update_cohort(
    cohort_id: i64,
    code: String,
    course_id: Option<String>,
    programme_id: Option<String>,
    site_id: Option<String>,
    room_id: Option<String>,
    capacity: String,
    starts_on: String,
    ends_on: String,
    attendance_threshold: Option<String>,
    status: Option<String>,
    instructor_ids: Option<Vec<i64>>,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let input = cohort_input(
        code,
        course_id,
        programme_id,
        site_id,
        room_id,
        capacity,
        starts_on,
        ends_on,
        attendance_threshold,
        status,
        instructor_ids,
    );
    let result = async {
        let actor = ctx.authorize(authz::can_plan_cohorts)?;
        service::update_cohort(ctx.env(), ctx.client(), actor, cohort_id, &input).await
    }
    .await;
    ctx.reply(
        result,
        |code| Success::to(format!("/angkatan/{cohort_id}")).notice(Notice::CohortUpdated(code.clone())),
        cohort_failure("cohort", &input),
    )
    .map(|_| ())
}
