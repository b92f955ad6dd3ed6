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
    let result = match ctx.actor() {
        Ok(actor) => match authz::audit_scope(actor) {
            Some(scope) => super::db::list(&ctx.state.db, &scope, &filter)
                .await
                .map_err(|e| crate::server::errors::internal("audit list", &e)),
            None => Err(AppError::Forbidden),
        },
        Err(e) => Err(e),
    };
    ctx.answer(result)
}
