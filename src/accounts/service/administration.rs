//! User administration: the user list and detail, deactivation, role changes.

use serde_json::json;

use super::*;
use crate::accounts::authz;
use crate::accounts::db;
use crate::accounts::dto::{
    AccountStatus, SiteOption, UserDetail, UserFilter, UserFormOptions, UserList, UserSummary,
};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::users;
use crate::kernel::identity::{Nik, PhoneNumber};
use crate::kernel::{wib, AccountId, Actor, FieldError, Problem, Role};
use crate::platform::context::Client;
use crate::platform::state::Env;

pub(super) async fn load_target(env: Env<'_>, actor: &Actor, user_id: AccountId) -> Result<users::Model> {
    let user = db::find_user(env.db, user_id)
        .await?
        .ok_or(AccountsError::NotFound)?;
    // Accounts outside the actor's reach look the same as missing ones.
    if !authz::can_view_account(actor, &db::scope_of(&user)) {
        return Err(AccountsError::NotFound);
    }
    Ok(user)
}

/// Deactivates (`active = false`) or reactivates an account. Deactivation ends its
/// sessions and withdraws its codes.
///
/// # Errors
/// `NotFound` outside the actor's scope, `Forbidden` when they may not manage it.
pub async fn set_active(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    user_id: AccountId,
    active: bool,
) -> Result<String> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let user = load_target(env, actor, user_id).await?;
    if !authz::can_manage_account(actor, &db::scope_of(&user)) {
        return Err(AccountsError::Forbidden);
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::set_active(&txn, AccountId(user.id), active, now).await?;
    if !active {
        db::delete_sessions_of_user(&txn, AccountId(user.id), None).await?;
        db::withdraw_codes(&txn, AccountId(user.id)).await?;
    }
    let action = if active {
        AuditAction::UserReactivate
    } else {
        AuditAction::UserDeactivate
    };
    record(&txn, now, change_event(action, actor.user_id, &user, client)).await?;
    txn.commit().await?;
    Ok(user.display_name)
}

/// Changes an account's role (admins only). The account's sessions end so the new
/// permissions apply from the next sign-in. Staff roles need an e-mail to sign in with;
/// a trainee needs a phone or NIK and a home site.
///
/// # Errors
/// `Forbidden`, `NotFound`, `Invalid` when the account lacks what the role needs.
pub async fn change_role(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    user_id: AccountId,
    role_input: &str,
) -> Result<(String, Role)> {
    let user = load_target(env, actor, user_id).await?;
    if !authz::can_change_role(actor, &db::scope_of(&user)) {
        return Err(AccountsError::Forbidden);
    }
    let role = Role::parse(role_input)
        .map_err(|problem| AccountsError::Invalid(vec![FieldError::new("role", problem)]))?;
    let old_role = Role::parse(&user.role).unwrap_or(Role::Trainee);
    if role == old_role {
        return Ok((user.display_name, role));
    }
    if role.is_staff() && user.email.is_none() {
        return Err(AccountsError::Invalid(vec![FieldError::new(
            "role",
            Problem::RoleNeedsEmail,
        )]));
    }
    let site_ids = db::site_ids_of(env.db, AccountId(user.id)).await?;
    let home_site = user.home_site_id.or_else(|| site_ids.first().copied());
    if role == Role::Trainee && ((user.phone.is_none() && user.nik.is_none()) || home_site.is_none()) {
        return Err(AccountsError::Invalid(vec![FieldError::new(
            "role",
            Problem::RoleNeedsPhone,
        )]));
    }
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::set_role(
        &txn,
        AccountId(user.id),
        role,
        if role == Role::Trainee { home_site } else { None },
        now,
    )
    .await?;
    match (old_role, role) {
        (Role::Trainee, _) => {
            db::replace_user_sites(
                &txn,
                AccountId(user.id),
                &home_site.into_iter().collect::<Vec<_>>(),
            )
            .await?
        }
        (_, Role::Trainee) => db::replace_user_sites(&txn, AccountId(user.id), &[]).await?,
        _ => {}
    }
    db::delete_sessions_of_user(&txn, AccountId(user.id), None).await?;
    record(
        &txn,
        now,
        AuditEvent::new(AuditAction::UserRoleChange, Outcome::Success)
            .actor(actor.user_id)
            .subject(AccountId(user.id))
            .site(home_site)
            .ip(client.ip.clone())
            .detail(json!({ "from": old_role.as_str(), "to": role.as_str() })),
    )
    .await?;
    txn.commit().await?;
    Ok((user.display_name, role))
}

pub(super) fn site_options(sites: Vec<crate::entities::sites::Model>) -> Vec<SiteOption> {
    sites
        .into_iter()
        .map(|s| SiteOption {
            id: s.id,
            code: s.code,
            name: s.name,
        })
        .collect()
}

/// The sites an actor works with: all for admins, their own for coordinators.
pub(super) async fn sites_for(env: Env<'_>, actor: &Actor) -> Result<Vec<SiteOption>> {
    let sites = match actor.sites_run() {
        None => db::all_sites(env.db).await?,
        Some(run) => db::sites_by_ids(env.db, run).await?,
    };
    Ok(site_options(sites))
}

/// Choices for the "new account" form.
///
/// # Errors
/// `Forbidden` for roles that do not administer users.
pub async fn form_options(env: Env<'_>, actor: &Actor) -> Result<UserFormOptions> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    Ok(UserFormOptions {
        roles: authz::assignable_roles(actor),
        sites: sites_for(env, actor).await?,
    })
}

pub const USERS_PER_PAGE: u64 = 25;

pub(super) fn login_label(user: &users::Model) -> String {
    user.email
        .clone()
        .or_else(|| {
            user.phone
                .as_deref()
                .and_then(|p| PhoneNumber::parse(p).ok())
                .map(|p| p.display_national())
        })
        .or_else(|| user.nik.as_deref().map(crate::kernel::identity::mask_nik))
        .unwrap_or_default()
}

/// One page of the user list within the actor's scope (coordinators: trainees of their
/// sites). Four queries whatever the page size.
///
/// # Errors
/// `Forbidden` for roles that do not administer users.
pub async fn list_users(env: Env<'_>, actor: &Actor, filter: &UserFilter) -> Result<UserList> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let page = filter.page.unwrap_or(1).max(1);
    let status = filter.status.as_deref().and_then(AccountStatus::parse);
    let query = db::UserQuery {
        search: filter.q.as_deref(),
        role: filter.role.as_deref().and_then(|r| Role::parse(r).ok()),
        site_id: filter.site,
        active: match status {
            Some(AccountStatus::Active) => Some(true),
            Some(AccountStatus::Deactivated) => Some(false),
            _ => None,
        },
        pending: status == Some(AccountStatus::Pending),
        trainees_of_sites: actor.sites_run(),
        offset: (page - 1) * USERS_PER_PAGE,
        limit: USERS_PER_PAGE,
    };
    let (rows, total) = db::list_users(env.db, &query).await?;
    let site_names = db::site_names_for(env.db, &rows).await?;
    let items = rows
        .iter()
        .map(|user| UserSummary {
            id: user.id,
            display_name: user.display_name.clone(),
            role: Role::parse(&user.role).unwrap_or(Role::Trainee),
            login: login_label(user),
            site: site_names.get(&user.id).cloned(),
            status: AccountStatus::of(user.is_active, user.password_hash.is_some()),
        })
        .collect();
    Ok(UserList {
        items,
        page,
        pages: total.div_ceil(USERS_PER_PAGE).max(1),
        total,
        sites: sites_for(env, actor).await?,
    })
}

/// One account's details with what the actor may do to it.
///
/// # Errors
/// `NotFound` when it does not exist or is outside the actor's scope.
pub async fn user_detail(env: Env<'_>, actor: &Actor, user_id: AccountId) -> Result<UserDetail> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let user = load_target(env, actor, user_id).await?;
    let scope = db::scope_of(&user);
    let now = env.clock.now();
    let mut site_ids = db::site_ids_of(env.db, AccountId(user.id)).await?;
    site_ids.extend(user.home_site_id);
    let sites = site_options(db::sites_by_ids(env.db, &site_ids).await?);
    let created_by = match user.created_by {
        Some(id) => db::find_user(env.db, AccountId(id))
            .await?
            .map(|u| u.display_name),
        None => None,
    };
    let today = wib::today(now);
    let nik = user.nik.as_deref().and_then(|n| Nik::parse(n, today).ok());
    Ok(UserDetail {
        id: user.id,
        display_name: user.display_name.clone(),
        role: scope.role,
        email: user.email.clone(),
        phone: user
            .phone
            .as_deref()
            .and_then(|p| PhoneNumber::parse(p).ok())
            .map(|p| p.display_national()),
        nik: user.nik.clone(),
        nik_region: nik.as_ref().map(|n| {
            n.regency_name()
                .map(str::to_owned)
                .or_else(|| n.province_name().map(str::to_owned))
                .unwrap_or_default()
        }),
        nik_outside_banten: nik.as_ref().is_some_and(|n| !n.is_from_banten()),
        sites,
        status: AccountStatus::of(user.is_active, user.password_hash.is_some()),
        created_at: user.created_at,
        created_by,
        password_changed_at: user.password_changed_at,
        active_sessions: db::count_live_sessions(env.db, AccountId(user.id), now).await?,
        pending_code_expires_at: db::newest_pending_code(env.db, AccountId(user.id), now)
            .await?
            .map(|c| c.expires_at),
        can_manage: authz::can_manage_account(actor, &scope),
        can_change_role: authz::can_change_role(actor, &scope),
    })
}
