//! One-time activation and reset codes, issued by coordinators and admins.

use rand::{rngs::OsRng, Rng};
use sea_orm::Set;
use serde_json::json;
use time::{Duration, OffsetDateTime};

use super::administration::load_target;
use super::*;
use crate::accounts::authz;
use crate::accounts::db;
use crate::accounts::dto::IssuedCode;
use crate::accounts::model::{ActivationCode, CodePurpose};
use crate::accounts::texts::T;
use crate::audit::db::record;
use crate::audit::model::AuditAction;
use crate::entities::{activation_codes, users};
use crate::kernel::i18n::{fill, Locale};
use crate::kernel::identity::PhoneNumber;
use crate::kernel::{AccountId, Actor};
use crate::platform::context::Client;
use crate::platform::state::Env;

pub const CODE_LIFETIME: Duration = Duration::days(7);

pub(super) fn new_code() -> ActivationCode {
    let mut indices = [0u8; ActivationCode::LEN];
    for index in &mut indices {
        *index = OsRng.gen_range(0..ActivationCode::SYMBOLS.len()) as u8;
    }
    ActivationCode::from_indices(&indices)
}

/// The WhatsApp text sent with a code, in Indonesian: the language of the trainees.
pub(super) fn whatsapp_message(code: &ActivationCode, purpose: CodePurpose) -> String {
    let template = match purpose {
        CodePurpose::Activation => T::WhatsAppActivation,
        CodePurpose::Reset => T::WhatsAppReset,
    };
    fill(template.get(Locale::Id), &[("code", &code.grouped())])
}

pub(super) async fn issue_code_in(
    txn: &impl sea_orm::ConnectionTrait,
    now: OffsetDateTime,
    user: &users::Model,
    purpose: CodePurpose,
    issued_by: AccountId,
) -> Result<IssuedCode> {
    db::withdraw_codes(txn, AccountId(user.id)).await?;
    let code = new_code();
    let expires_at = now + CODE_LIFETIME;
    db::insert_code(
        txn,
        activation_codes::ActiveModel {
            user_id: Set(user.id),
            code_hash: Set(sha256_hex(code.compact())),
            purpose: Set(purpose.as_str().to_owned()),
            issued_by: Set(Some(issued_by.get())),
            created_at: Set(now),
            expires_at: Set(expires_at),
            used_at: Set(None),
            ..Default::default()
        },
    )
    .await?;
    let whatsapp_link = user
        .phone
        .as_deref()
        .and_then(|p| PhoneNumber::parse(p).ok())
        .map(|p| p.whatsapp_link(Some(&whatsapp_message(&code, purpose))));
    Ok(IssuedCode {
        user_id: AccountId(user.id),
        display_name: user.display_name.clone(),
        purpose,
        code: code.grouped(),
        expires_at,
        whatsapp_link,
    })
}

/// Issues a new activation code (account never activated) or reset code (forgotten
/// password). A reset ends the account's sessions at once.
///
/// # Errors
/// `NotFound` outside the actor's scope, `Forbidden` when they may see but not manage.
pub async fn issue_code(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    user_id: AccountId,
) -> Result<IssuedCode> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let user = load_target(env, actor, user_id).await?;
    let scope = db::scope_of(&user);
    if !authz::can_manage_account(actor, &scope) || !user.is_active {
        return Err(AccountsError::Forbidden);
    }
    let purpose = if user.password_hash.is_some() {
        CodePurpose::Reset
    } else {
        CodePurpose::Activation
    };
    let now = env.clock.now();
    let txn = env.begin().await?;
    let issued = issue_code_in(&txn, now, &user, purpose, actor.user_id).await?;
    if purpose == CodePurpose::Reset {
        db::delete_sessions_of_user(&txn, AccountId(user.id), None).await?;
    }
    record(
        &txn,
        now,
        change_event(AuditAction::CodeIssue, actor.user_id, &user, client)
            .detail(json!({ "purpose": purpose.as_str() })),
    )
    .await?;
    txn.commit().await?;
    Ok(issued)
}
