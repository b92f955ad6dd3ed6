//! Server functions for cohorts and the catalogue. Each one takes its input whole (a form's
//! fields flattened into one struct), and in one step authorises, runs one use case and
//! answers (data) or replies (form post → redirect with a flash).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::dto::{
    Catalogue, CohortDetail, CohortFilter, CohortForm, CohortList, NewCourse, NewProgramme, NewRoom,
};
use super::model::CohortInput;
use crate::kernel::{AppError, CohortId};

#[cfg(feature = "ssr")]
use super::{authz, paths, service, texts::Notice};
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};

#[server(prefix = "/api", endpoint = "cohorts/catalogue", input = GetUrl)]
pub async fn get_catalogue() -> Result<Catalogue, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_view_catalogue, async |actor| {
        service::catalogue(ctx.env(), actor).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "cohorts/add-room")]
pub async fn add_room(#[server(flatten)] room: NewRoom) -> Result<String, AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_plan_cohorts,
        async |actor| service::add_room(ctx.env(), ctx.client(), actor, &room).await,
        |name| Success::to(format!("{}#ruang", paths::CATALOGUE)).notice(Notice::Added(name.clone())),
        Failure::of::<AddRoom>(&room),
    )
    .await
}

#[server(prefix = "/api", endpoint = "cohorts/add-programme")]
pub async fn add_programme(#[server(flatten)] programme: NewProgramme) -> Result<String, AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_edit_catalogue,
        async |actor| service::add_programme(ctx.env(), ctx.client(), actor, &programme).await,
        |name| Success::to(format!("{}#program", paths::CATALOGUE)).notice(Notice::Added(name.clone())),
        Failure::of::<AddProgramme>(&programme),
    )
    .await
}

#[server(prefix = "/api", endpoint = "cohorts/add-course")]
pub async fn add_course(#[server(flatten)] course: NewCourse) -> Result<String, AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_edit_catalogue,
        async |actor| service::add_course(ctx.env(), ctx.client(), actor, &course).await,
        |name| Success::to(format!("{}#kursus", paths::CATALOGUE)).notice(Notice::Added(name.clone())),
        Failure::of::<AddCourse>(&course),
    )
    .await
}

#[server(prefix = "/api", endpoint = "cohorts/list", input = GetUrl)]
pub async fn list_cohorts(filter: CohortFilter) -> Result<CohortList, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_list_cohorts, async |actor| {
        service::list_cohorts(ctx.env(), actor, &filter).await
    })
    .await
}

/// One cohort, for whoever has it within reach (the use case asks the scope model).
#[server(prefix = "/api", endpoint = "cohorts/get", input = GetUrl)]
pub async fn get_cohort(cohort_id: CohortId) -> Result<CohortDetail, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(crate::kernel::actor::signed_in, async |actor| {
        service::cohort_detail(ctx.env(), actor, cohort_id).await
    })
    .await
}

/// The new-cohort form (no id) or the edit form of one cohort.
#[server(prefix = "/api", endpoint = "cohorts/form", input = GetUrl)]
pub async fn get_cohort_form(cohort_id: Option<CohortId>) -> Result<CohortForm, AppError> {
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_plan_cohorts, async |actor| {
        service::cohort_form(ctx.env(), actor, cohort_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "cohorts/create")]
pub async fn create_cohort(#[server(flatten)] cohort: CohortInput) -> Result<i64, AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_plan_cohorts,
        async |actor| service::create_cohort(ctx.env(), ctx.client(), actor, &cohort).await,
        |(id, code)| Success::to(paths::cohort(CohortId(*id))).notice(Notice::CohortCreated(code.clone())),
        Failure::of::<CreateCohort>(&cohort),
    )
    .await
    .map(|(id, _)| id)
}

#[server(prefix = "/api", endpoint = "cohorts/update")]
pub async fn update_cohort(
    cohort_id: CohortId,
    #[server(flatten)] cohort: CohortInput,
) -> Result<(), AppError> {
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_plan_cohorts,
        async |actor| service::update_cohort(ctx.env(), ctx.client(), actor, cohort_id, &cohort).await,
        |code| Success::to(paths::cohort(cohort_id)).notice(Notice::CohortUpdated(code.clone())),
        Failure::of::<UpdateCohort>(&cohort),
    )
    .await
    .map(|_| ())
}
