//! Server functions for trainees and enrollment. Each one takes its input (a form's fields
//! flattened into one struct where there are several), and in one step authorises, runs one
//! use case and answers (data) or replies (form post → redirect with a flash). File uploads
//! and downloads are plain handlers in `files.rs`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::dto::{
    ImportForm, ImportReview, ListAddress, Profile, Roster, StatusChange, TraineeDetail, TraineeFilter,
    TraineeForm, TraineeList,
};
use super::model::{ContactInput, TraineeInput};
use crate::kernel::{AccountId, AppError, CohortId, EnrollmentId, TraineeId};

#[cfg(feature = "ssr")]
use super::{paths, texts::Notice};
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};
#[cfg(feature = "ssr")]
use crate::platform::response::form_id;

/// Saves the list's filters under a token and goes to the list (no NIK in the address).
#[server(prefix = "/api", endpoint = "trainees/search")]
pub async fn search_trainees(#[server(flatten)] filter: TraineeFilter) -> Result<String, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_use_registry,
        async |actor| service::save_search(ctx.env(), actor, &filter).await,
        |token| Success::to(paths::search(token)),
        Failure::form(form_id::<SearchTrainees>()),
    )
    .await
}

#[server(prefix = "/api", endpoint = "trainees/list", input = GetUrl)]
pub async fn list_trainees(#[server(flatten)] address: ListAddress) -> Result<TraineeList, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_use_registry, async |actor| {
        service::list_trainees(ctx.env(), actor, address.token.as_deref(), address.page).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "trainees/get", input = GetUrl)]
pub async fn get_trainee(trainee_id: TraineeId) -> Result<TraineeDetail, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_use_registry, async |actor| {
        service::trainee_detail(ctx.env(), actor, trainee_id).await
    })
    .await
}

/// The new-trainee form (optionally completing an existing trainee account) or an edit form.
#[server(prefix = "/api", endpoint = "trainees/form", input = GetUrl)]
pub async fn get_trainee_form(
    trainee_id: Option<TraineeId>,
    account_id: Option<AccountId>,
) -> Result<TraineeForm, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_use_registry, async |actor| {
        service::trainee_form(ctx.env(), actor, trainee_id, account_id).await
    })
    .await
}

/// Registers a trainee (no `trainee_id`; with `create_account`, also their account, whose
/// activation code is shown once on the next page) or corrects one (`trainee_id`).
#[server(prefix = "/api", endpoint = "trainees/save")]
pub async fn save_trainee(
    trainee_id: Option<TraineeId>,
    #[server(flatten)] trainee: TraineeInput,
    create_account: Option<String>,
) -> Result<TraineeId, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let wants_account = create_account.is_some_and(|v| !v.is_empty());
    ctx.submit(
        authz::can_use_registry,
        async |actor| match trainee_id {
            None => service::create_trainee(ctx.env(), ctx.client(), actor, &trainee, wants_account).await,
            Some(id) => service::update_trainee(ctx.env(), ctx.client(), actor, id, &trainee)
                .await
                .map(|name| (id, name, None)),
        },
        |(id, name, issued)| {
            let to = Success::to(paths::trainee(*id));
            match issued {
                Some(issued) => to.notice(crate::accounts::texts::Notice::AccountCreated(issued.clone())),
                None => to.notice(Notice::TraineeSaved(name.clone())),
            }
        },
        Failure::of::<SaveTrainee>(&trainee),
    )
    .await
    .map(|(id, ..)| id)
}

/// Applies a trainee (by id, or by NIK typed on the roster) to a cohort.
#[server(prefix = "/api", endpoint = "trainees/enroll")]
pub async fn enroll(
    cohort_id: CohortId,
    trainee_id: Option<TraineeId>,
    #[server(default)] nik: String,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let back = ctx.referer_path();
    ctx.submit(
        authz::can_use_registry,
        async |actor| {
            service::enroll(
                ctx.env(),
                ctx.client(),
                actor,
                cohort_id,
                trainee_id,
                Some(nik.as_str()),
            )
            .await
        },
        |(_, code)| Success::to(back).notice(Notice::Enrolled(code.clone())),
        Failure::form(form_id::<Enroll>()).keep("nik", &nik),
    )
    .await
    .map(|_| ())
}

/// Moves an enrollment through the lifecycle (accept, waitlist, start, withdraw, transfer…).
#[server(prefix = "/api", endpoint = "trainees/change-status")]
pub async fn change_status(
    enrollment_id: EnrollmentId,
    #[server(flatten)] change: StatusChange,
) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let back = ctx.referer_path();
    ctx.submit(
        authz::can_use_registry,
        async |actor| service::change_status(ctx.env(), ctx.client(), actor, enrollment_id, &change).await,
        |(name, status, offered)| match offered {
            Some(other) => Success::to(back).notice(Notice::SeatOffered(other.clone())),
            None => Success::to(back).notice(Notice::StatusChanged {
                name: name.clone(),
                status: *status,
            }),
        },
        // The roster shows the refusal on the row it was made on.
        Failure::of::<ChangeStatus>(&change).keep("enrollment_id", &enrollment_id.to_string()),
    )
    .await
    .map(|_| ())
}

#[server(prefix = "/api", endpoint = "trainees/roster", input = GetUrl)]
pub async fn get_roster(cohort_id: CohortId) -> Result<Roster, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_view_rosters, async |actor| {
        service::roster(ctx.env(), actor, cohort_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "trainees/import-form", input = GetUrl)]
pub async fn get_import_form() -> Result<ImportForm, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_use_registry, async |actor| {
        service::import_form(ctx.env(), actor).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "trainees/import-review", input = GetUrl)]
pub async fn get_import_review(import_id: i64) -> Result<ImportReview, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_use_registry, async |actor| {
        service::review_import(ctx.env(), actor, import_id).await
    })
    .await
}

/// Imports every accepted row of a reviewed upload, in one transaction.
#[server(prefix = "/api", endpoint = "trainees/import-confirm")]
pub async fn confirm_import(import_id: i64) -> Result<u32, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_use_registry,
        async |actor| service::confirm_import(ctx.env(), ctx.client(), actor, import_id).await,
        // The result page states how many were imported, on every visit.
        |_| Success::to(paths::import(import_id)),
        Failure::form(form_id::<ConfirmImport>()),
    )
    .await
}

/// A trainee's own record and the contact details they may correct.
#[server(prefix = "/api", endpoint = "trainees/profile", input = GetUrl)]
pub async fn get_profile() -> Result<Profile, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_edit_own_contact, async |actor| {
        service::my_profile(ctx.env(), actor).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "trainees/save-contact")]
pub async fn save_contact(#[server(flatten)] contact: ContactInput) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_edit_own_contact,
        async |actor| service::save_contact(ctx.env(), ctx.client(), actor, &contact).await,
        |()| Success::to(paths::PROFILE).notice(Notice::ContactSaved),
        Failure::of::<SaveContact>(&contact),
    )
    .await
}
