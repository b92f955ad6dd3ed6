//! Trainee use cases: the registry (create, edit, search, a trainee's own contact
//! details), enrollment through its lifecycle, imports and exports. Each write runs in one
//! transaction and writes its audit entry inside it.

mod enrollment;
mod export;
mod feed;
mod import;
mod numbers;
mod profile;
mod registry;

pub use crate::trainees::dto::StatusChange;
pub use enrollment::{change_status, enroll, roster};
pub use export::{export_enrollments, export_roster, export_trainees, ExportFormat, Exported};
pub use feed::{trainee_enrollments, trainee_facts, trainee_feed};
pub use import::{confirm_import, import_file, import_form, review_import, stage_import, CliImport};
pub use numbers::set_registry_numbers;
pub use profile::{my_profile, save_contact};
pub use registry::{
    create_trainee, list_trainees, save_search, trainee_detail, trainee_form, update_trainee,
};

use crate::cohorts::dto::Choice;
use crate::entities::{sites, trainees};
use crate::kernel::identity::{Nik, PhoneNumber};
use crate::kernel::{wib, AccountId, Actor, AppError, CohortTies, PersonTies, TraineeId};
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::trainees::authz;

/// How a record stands to whoever asks: its site and its person's account.
pub fn ties_of(trainee: &trainees::Model) -> PersonTies {
    PersonTies {
        site_id: trainee.site_id,
        user_id: trainee.user_id.map(AccountId),
    }
}

/// The record with `id` if the actor may see it; records out of reach look missing.
///
/// # Errors
/// `NotFound`.
pub async fn visible_trainee(
    env: Env<'_>,
    actor: &Actor,
    id: TraineeId,
) -> Result<trainees::Model, AppError> {
    match super::db::trainee(env.db, id).await? {
        Some(trainee) if authz::can_view_trainee(actor, &ties_of(&trainee)) => Ok(trainee),
        _ => Err(out_of_reach(actor, "trainee", id)),
    }
}

/// The sites the actor registers trainees at.
pub(crate) async fn registry_sites(env: Env<'_>, actor: &Actor) -> Result<Vec<sites::Model>, AppError> {
    let all = crate::accounts::db::sites(env.db, None).await?;
    Ok(all
        .into_iter()
        .filter(|s| authz::can_register_at(actor, s.id))
        .collect())
}

pub(crate) fn choices(sites: &[sites::Model]) -> Vec<Choice> {
    sites
        .iter()
        .map(|s| Choice {
            id: s.id,
            label: s.name.clone(),
        })
        .collect()
}

/// A stored phone number the way people write it (`0812-3456-7890`).
pub(crate) fn national(phone: Option<&str>) -> Option<String> {
    phone.map(|p| PhoneNumber::parse(p).map_or_else(|_| p.to_owned(), |p| p.display_national()))
}

/// The NIK a reader sees: whole for the record's coordinators and admins, masked for
/// everyone else (the person included). Every page, export and answer shows it through
/// this.
pub fn shown_nik(actor: &Actor, trainee: &trainees::Model) -> String {
    if authz::can_see_whole_nik(actor, &ties_of(trainee)) {
        trainee.nik.clone()
    } else {
        crate::kernel::identity::mask_nik(&trainee.nik)
    }
}

/// A phone number of the person (`phone`, theirs or their guardian's) as the reader may
/// see it: for staff who reach them (through their record, or through `via`, a cohort
/// they are in) and the person; nothing for anyone else.
pub fn shown_phone(
    actor: &Actor,
    trainee: &trainees::Model,
    via: Option<&CohortTies>,
    phone: Option<&str>,
) -> Option<String> {
    if actor.sees_phone(&ties_of(trainee), via) {
        national(phone)
    } else {
        None
    }
}

/// Whether the NIK says the person is from outside Banten.
pub(crate) fn outside_banten(env: Env<'_>, trainee: &trainees::Model) -> (bool, String) {
    match Nik::parse(&trainee.nik, wib::today(env.clock.now())) {
        Ok(nik) => (
            !nik.is_from_banten(),
            nik.province_name().unwrap_or_default().to_owned(),
        ),
        Err(_) => (false, String::new()),
    }
}
