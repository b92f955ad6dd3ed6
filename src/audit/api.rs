//! Server functions for the audit log.

use leptos::prelude::*;

use super::model::{AuditFilter, AuditPage};
use crate::kernel::AppError;

#[cfg(feature = "ssr")]
use crate::platform::context::Ctx;

/// One page of the audit log within the reader's scope (coordinators: their sites).
#[server(prefix = "/api", endpoint = "audit/list", input = leptos::server_fn::codec::GetUrl)]
pub async fn list_audit(filter: AuditFilter) -> Result<AuditPage, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_read_audit, async |actor| {
        service::list(ctx.env(), actor, &filter).await
    })
    .await
}
