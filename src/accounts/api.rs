//! Server functions for accounts. Each one authorises, runs one use case and answers (data)
//! or replies (form post → redirect with a flash) in one step; signing in and out and
//! activation, which set the session cookie without a signed-in actor, reply themselves.
//! Passwords never come back in a flash.

use leptos::prelude::*;

use super::dto::{IssuedCode, MyAccount, NewAccountInput, UserDetail, UserFilter, UserFormOptions, UserList};
use crate::kernel::{AccountId, AppError};

#[cfg(feature = "ssr")]
use super::{paths, texts::Notice};
#[cfg(feature = "ssr")]
use crate::kernel::actor::signed_in;
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};
#[cfg(feature = "ssr")]
use crate::platform::response::form_id;

/// Signs in with e-mail, phone or NIK. On success the browser gets a fresh session cookie
/// (a new id at every sign-in) and goes to `next` (a local path) or the start page.
#[server(prefix = "/api", endpoint = "accounts/sign-in")]
pub async fn sign_in(login: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    let result = async {
        let session = service::sign_in(ctx.env(), ctx.client(), &login, &password).await?;
        ctx.set_session_cookie(&session.token, session.max_age);
        Ok(())
    }
    .await;
    let to = next.filter(|n| !n.is_empty()).unwrap_or_else(|| "/".into());
    ctx.reply(
        result,
        |()| Success::to(to).notice(Notice::SignedIn),
        Failure::form(form_id::<SignIn>()).keep("login", &login),
    )
}

#[server(prefix = "/api", endpoint = "accounts/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    let result = async {
        // Signing out without a session is already done.
        if let Ok(actor) = ctx.actor() {
            service::sign_out(ctx.env(), ctx.client(), actor).await?;
        }
        ctx.clear_session_cookie();
        ctx.clear_site_data();
        Ok(())
    }
    .await;
    ctx.reply(
        result,
        |()| Success::to("/").notice(Notice::SignedOut),
        Failure::form(form_id::<SignOut>()),
    )
}

/// Sets the first (or a reset) password with a one-time code, then signs in.
#[server(prefix = "/api", endpoint = "accounts/activate")]
pub async fn activate(code: String, password: String, password_confirm: String) -> Result<(), AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    let result = async {
        let session = service::activate(ctx.env(), ctx.client(), &code, &password, &password_confirm).await?;
        ctx.set_session_cookie(&session.token, session.max_age);
        Ok(())
    }
    .await;
    ctx.reply(
        result,
        |()| Success::to(paths::ACCOUNT).notice(Notice::Activated),
        Failure::form(form_id::<Activate>()).keep("code", &code),
    )
}

#[server(prefix = "/api", endpoint = "accounts/change-password")]
pub async fn change_password(
    current_password: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    ctx.submit(
        signed_in,
        async |actor| {
            let session = service::change_password(
                ctx.env(),
                ctx.client(),
                actor,
                &current_password,
                &password,
                &password_confirm,
            )
            .await?;
            ctx.set_session_cookie(&session.token, session.max_age);
            Ok(())
        },
        |()| Success::to(paths::ACCOUNT).notice(Notice::PasswordChanged),
        // Nothing typed comes back: every field is a password.
        Failure::form(form_id::<ChangePassword>()),
    )
    .await
}

#[server(prefix = "/api", endpoint = "accounts/end-other-sessions")]
pub async fn end_other_sessions() -> Result<u64, AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    ctx.submit(
        signed_in,
        async |actor| Ok(service::end_other_sessions(ctx.env(), ctx.client(), actor).await?),
        |ended| Success::to(paths::ACCOUNT).notice(Notice::OtherSessionsEnded(*ended)),
        Failure::form(form_id::<EndOtherSessions>()),
    )
    .await
}

#[server(prefix = "/api", endpoint = "accounts/end-session")]
pub async fn end_session(session_id: i64) -> Result<(), AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    ctx.submit(
        signed_in,
        async |actor| {
            service::end_session(ctx.env(), ctx.client(), actor, session_id).await?;
            if actor.session_id == session_id {
                ctx.clear_session_cookie();
            }
            Ok(())
        },
        |()| Success::to(paths::ACCOUNT).notice(Notice::SessionEnded),
        Failure::form(form_id::<EndSession>()),
    )
    .await
}

/// The signed-in person's own account and devices.
#[server(prefix = "/api", endpoint = "accounts/me", input = leptos::server_fn::codec::GetUrl)]
pub async fn get_my_account() -> Result<MyAccount, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_view_own_account, async |actor| {
        Ok(service::my_account(ctx.env(), actor).await?)
    })
    .await
}

#[server(prefix = "/api", endpoint = "users/list", input = leptos::server_fn::codec::GetUrl)]
pub async fn list_users(filter: UserFilter) -> Result<UserList, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_administer_users, async |actor| {
        Ok(service::list_users(ctx.env(), actor, &filter).await?)
    })
    .await
}

#[server(prefix = "/api", endpoint = "users/get", input = leptos::server_fn::codec::GetUrl)]
pub async fn get_user(user_id: AccountId) -> Result<UserDetail, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_administer_users, async |actor| {
        Ok(service::user_detail(ctx.env(), actor, user_id).await?)
    })
    .await
}

#[server(prefix = "/api", endpoint = "users/form-options", input = leptos::server_fn::codec::GetUrl)]
pub async fn get_user_form_options() -> Result<UserFormOptions, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_administer_users, async |actor| {
        Ok(service::form_options(ctx.env(), actor).await?)
    })
    .await
}

/// Creates an account and shows its one-time activation code once.
#[server(prefix = "/api", endpoint = "users/create")]
pub async fn create_user(#[server(flatten)] account: NewAccountInput) -> Result<IssuedCode, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_administer_users,
        async |actor| Ok(service::create_account(ctx.env(), ctx.client(), actor, &account).await?),
        |issued| Success::to(paths::user(issued.user_id)).notice(Notice::AccountCreated(issued.clone())),
        Failure::of::<CreateUser>(&account),
    )
    .await
}

/// A new activation code (account not yet activated) or reset code (forgotten password).
#[server(prefix = "/api", endpoint = "users/issue-code")]
pub async fn issue_code(user_id: AccountId) -> Result<IssuedCode, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_administer_users,
        async |actor| Ok(service::issue_code(ctx.env(), ctx.client(), actor, user_id).await?),
        |issued| Success::to(paths::user(user_id)).notice(Notice::CodeIssued(issued.clone())),
        Failure::form(form_id::<IssueCode>()),
    )
    .await
}

#[server(prefix = "/api", endpoint = "users/deactivate")]
pub async fn deactivate_user(user_id: AccountId) -> Result<String, AppError> {
    set_active(user_id, false).await
}

#[server(prefix = "/api", endpoint = "users/reactivate")]
pub async fn reactivate_user(user_id: AccountId) -> Result<String, AppError> {
    set_active(user_id, true).await
}

/// Shared body of deactivate/reactivate; answers with the account's name.
#[cfg(feature = "ssr")]
async fn set_active(user_id: AccountId, active: bool) -> Result<String, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_administer_users,
        async |actor| Ok(service::set_active(ctx.env(), ctx.client(), actor, user_id, active).await?),
        |name| {
            let notice = if active {
                Notice::Reactivated(name.clone())
            } else {
                Notice::Deactivated(name.clone())
            };
            Success::to(paths::user(user_id)).notice(notice)
        },
        Failure::form(if active {
            form_id::<ReactivateUser>()
        } else {
            form_id::<DeactivateUser>()
        }),
    )
    .await
}

#[server(prefix = "/api", endpoint = "users/change-role")]
pub async fn change_role(user_id: AccountId, role: String) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_administer_users,
        async |actor| Ok(service::change_role(ctx.env(), ctx.client(), actor, user_id, &role).await?),
        |(name, role)| Success::to(paths::user(user_id)).notice(Notice::RoleChanged(name.clone(), *role)),
        Failure::form(form_id::<ChangeRole>()).keep("role", &role),
    )
    .await
    .map(|_| ())
}
