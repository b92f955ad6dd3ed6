//! The numbers other government systems give a person (the ID PMI of their SIAPkerja
//! account, their SISKOP2MI registration number): each belongs to one person, set on the
//! record's form by its coordinators or by a partner system (`registry:write`).

use sea_orm::{ActiveValue::Unchanged, Set};
use serde_json::json;

use super::registry::audit_event;
use super::visible_trainee;
use crate::audit::db::record;
use crate::audit::model::AuditAction;
use crate::entities::trainees;
use crate::kernel::identity::RegistryNumber;
use crate::kernel::{Actor, AppError, FieldError, Problem, TraineeId};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::trainees::authz;
use crate::trainees::db;
use crate::trainees::dto::RegistryNumbersInput;
use crate::trainees::model::{validate_numbers, RegistryNumbers};

fn sent(number: Option<&Option<RegistryNumber>>) -> Option<&str> {
    number.and_then(Option::as_ref).map(RegistryNumber::as_str)
}

/// Refuses the numbers that another record already holds (each belongs to one person);
/// `this` is the record being saved.
pub(super) async fn numbers_free(
    env: Env<'_>,
    numbers: &RegistryNumbers,
    this: Option<TraineeId>,
) -> Result<(), AppError> {
    let holders = db::holders_of_numbers(
        env.db,
        sent(numbers.id_pmi.as_ref()),
        sent(numbers.siskop2mi_no.as_ref()),
    )
    .await?;
    let taken: Vec<FieldError> = [("id_pmi", holders.0), ("siskop2mi_no", holders.1)]
        .into_iter()
        .filter(|(_, holder)| holder.is_some_and(|holder| Some(holder) != this))
        .map(|(field, _)| FieldError::new(field, Problem::RegistryNumberTaken))
        .collect();
    if taken.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(taken))
    }
}

/// What a unique index refused a save for, after the checks before it passed (another save
/// took the NIK or a number in between): the number's field when one is now taken, else
/// the NIK.
pub(super) async fn refused_as_duplicate(
    env: Env<'_>,
    numbers: &RegistryNumbers,
    this: Option<TraineeId>,
) -> AppError {
    match numbers_free(env, numbers, this).await {
        Err(taken) => taken,
        Ok(()) => AppError::invalid("nik", Problem::AlreadyRegistered),
    }
}

/// Sets or clears a record's numbers (its site's coordinators and admins, or a partner
/// system's key acting for them), leaving what was not sent; audited in the same
/// transaction. Returns the record as saved.
///
/// # Errors
/// `NotFound` out of reach, `Forbidden`, `Invalid` (a malformed number, or one another
/// record holds: nothing written).
pub async fn set_registry_numbers(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    id: TraineeId,
    input: &RegistryNumbersInput,
) -> Result<trainees::Model, AppError> {
    let existing = visible_trainee(env, actor, id).await?;
    if !authz::can_register_at(actor, existing.site_id) {
        return Err(AppError::Forbidden);
    }
    let numbers = validate_numbers(input.id_pmi.as_deref(), input.siskop2mi_no.as_deref())
        .map_err(AppError::Invalid)?;
    if numbers.id_pmi.is_none() && numbers.siskop2mi_no.is_none() {
        // Nothing sent: nothing changes, nothing to record.
        return Ok(existing);
    }
    numbers_free(env, &numbers, Some(id)).await?;
    let now = env.clock.now();
    let mut model = trainees::ActiveModel {
        id: Unchanged(id.get()),
        updated_at: Set(now),
        ..Default::default()
    };
    let stored = |n: &Option<RegistryNumber>| n.as_ref().map(|n| n.as_str().to_owned());
    if let Some(number) = &numbers.id_pmi {
        model.id_pmi = Set(stored(number));
    }
    if let Some(number) = &numbers.siskop2mi_no {
        model.siskop2mi_no = Set(stored(number));
    }
    let txn = env.begin().await?;
    match db::update_trainee_model(&txn, model).await {
        Ok(()) => {}
        Err(e) if crate::cohorts::db::is_unique_violation(&e) => {
            drop(txn);
            return Err(refused_as_duplicate(env, &numbers, Some(id)).await);
        }
        Err(e) => return Err(e.into()),
    }
    let updated = db::trainee(&txn, id).await?.ok_or(AppError::NotFound)?;
    let changed: Vec<&str> = [
        ("id_pmi", numbers.id_pmi.is_some()),
        ("siskop2mi_no", numbers.siskop2mi_no.is_some()),
    ]
    .into_iter()
    .filter_map(|(field, sent)| sent.then_some(field))
    .collect();
    record(
        &txn,
        now,
        audit_event(AuditAction::TraineeUpdate, actor, client, &updated).detail(json!({ "fields": changed })),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}
