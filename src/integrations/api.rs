//! Server functions for the integrations page: thin adapters over [`super::service`].
//! The whole key comes back once, in the notice of the page the form leads to.

use leptos::prelude::*;

use super::dto::{IssuedKey, KeyList, NewKeyInput};
use crate::kernel::{AppError, KeyId};

#[cfg(feature = "ssr")]
use super::{paths, texts::Notice};
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};

/// Every key (never the key itself) and the sites a new one can be limited to.
#[server(prefix = "/api", endpoint = "integrations/keys", input = leptos::server_fn::codec::GetUrl)]
pub async fn list_keys() -> Result<KeyList, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_manage_keys, async |actor| {
        service::list_keys(ctx.env(), service::Operator::Admin(actor, ctx.client())).await
    })
    .await
}

/// Makes a key and shows it once.
#[server(prefix = "/api", endpoint = "integrations/create-key")]
pub async fn create_key(#[server(flatten)] key: NewKeyInput) -> Result<IssuedKey, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_manage_keys,
        async |actor| {
            service::create_key(ctx.env(), service::Operator::Admin(actor, ctx.client()), &key).await
        },
        |issued| Success::to(paths::KEYS).notice(Notice::KeyCreated(issued.clone())),
        Failure::of::<CreateKey>(&key),
    )
    .await
}

/// Revokes a key: requests with it are refused from the next one on.
#[server(prefix = "/api", endpoint = "integrations/revoke-key")]
pub async fn revoke_key(key_id: KeyId) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_manage_keys,
        async |actor| {
            service::revoke_key(ctx.env(), service::Operator::Admin(actor, ctx.client()), key_id).await
        },
        |revoked| {
            Success::to(paths::KEYS).notice(Notice::KeyRevoked(revoked.name.clone(), revoked.prefix.clone()))
        },
        Failure::form(crate::platform::response::form_id::<RevokeKey>()),
    )
    .await
    .map(|_| ())
}
