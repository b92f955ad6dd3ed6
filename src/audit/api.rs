//! Server functions for the audit log.

use leptos::prelude::*;

use super::model::{AuditFilter, AuditPage};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::server::context::Ctx;

/// One page of the audit log within the reader's scope (coordinators: their sites).
#[server(prefix = "/api", endpoint = "audit/list", input = leptos::server_fn::codec::GetUrl)]
pub async fn list_audit(filter: AuditFilter) -> Result<AuditPage, AppError> {
    use crate::accounts::authz;
    let ctx = Ctx::current()?;
    let result = async {
        let scope = authz::audit_scope(ctx.actor()?).ok_or(AppError::Forbidden)?;
        super::db::list(&ctx.state.db, &scope, &filter)
            .await
            .map_err(|e| crate::server::errors::internal("audit list", &e))
    }
    .await;
    ctx.answer(result)
}
