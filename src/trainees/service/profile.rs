//! A trainee's own record: they read it and correct their contact details and address
//! (never their NIK or KTP data).

use sea_orm::Set;

use super::national;
use super::registry::{audit_event, detail_of};
use crate::audit::db::record;
use crate::audit::model::AuditAction;
use crate::entities::trainees;
use crate::kernel::{wib, Actor, AppError};
use crate::platform::context::Client;
use crate::platform::state::Env;
use crate::trainees::authz;
use crate::trainees::db;
use crate::trainees::dto::Profile;
use crate::trainees::model::{validate_contact, ContactInput};

/// A trainee's own record, with the contact details they may correct.
///
/// # Errors
/// `Forbidden` for staff; `NotFound` when no record is linked to the account yet.
pub async fn my_profile(env: Env<'_>, actor: &Actor) -> Result<Profile, AppError> {
    if !authz::can_edit_own_contact(actor) {
        return Err(AppError::Forbidden);
    }
    let trainee = db::trainee_of_user(env.db, actor.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let contact = ContactInput {
        phone: national(trainee.phone.as_deref()).unwrap_or_default(),
        email: trainee.email.clone().unwrap_or_default(),
        address: trainee.address.clone(),
        regency_code: trainee.regency_code.clone().unwrap_or_else(|| "other".to_owned()),
        regency_other: if trainee.regency_code.is_none() {
            trainee.regency_name.clone()
        } else {
            String::new()
        },
        guardian_name: trainee.guardian_name.clone().unwrap_or_default(),
        guardian_relation: trainee.guardian_relation.clone().unwrap_or_default(),
        guardian_phone: national(trainee.guardian_phone.as_deref()).unwrap_or_default(),
    };
    Ok(Profile {
        detail: detail_of(env, actor, trainee).await?,
        contact,
    })
}

/// A trainee corrects their own contact details (never their NIK or KTP data).
///
/// # Errors
/// `Forbidden`, `NotFound`, `Invalid`.
pub async fn save_contact(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &ContactInput,
) -> Result<(), AppError> {
    if !authz::can_edit_own_contact(actor) {
        return Err(AppError::Forbidden);
    }
    let trainee = db::trainee_of_user(env.db, actor.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let nik = crate::kernel::identity::Nik::parse(&trainee.nik, wib::today(env.clock.now())).ok();
    let valid = validate_contact(input, nik.as_ref()).map_err(AppError::Invalid)?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::update_trainee_model(
        &txn,
        trainees::ActiveModel {
            id: sea_orm::ActiveValue::Unchanged(trainee.id),
            phone: Set(valid.phone.as_ref().map(|p| p.as_str().to_owned())),
            email: Set(valid.email.as_ref().map(|e| e.as_str().to_owned())),
            address: Set(valid.address.clone()),
            regency_code: Set(valid.regency.code.clone()),
            regency_name: Set(valid.regency.name.clone()),
            guardian_name: Set(valid.guardian_name.clone()),
            guardian_relation: Set(valid.guardian_relation.clone()),
            guardian_phone: Set(valid.guardian_phone.as_ref().map(|p| p.as_str().to_owned())),
            updated_at: Set(now),
            ..Default::default()
        },
    )
    .await?;
    record(
        &txn,
        now,
        audit_event(AuditAction::ContactUpdate, actor, client, &trainee),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
