//! Reading the audit trail (writing happens inside other areas' transactions, through
//! [`super::db::record`]).

use super::authz;
use super::db;
use super::model::{AuditFilter, AuditPage};
use crate::kernel::{Actor, AppError};
use crate::platform::state::Env;

/// One page of the audit log within what `actor` may read.
///
/// # Errors
/// `Forbidden` for those who may not read it; `Internal` on database failures.
pub async fn list(env: Env<'_>, actor: &Actor, filter: &AuditFilter) -> Result<AuditPage, AppError> {
    let scope = authz::audit_scope(actor).ok_or(AppError::Forbidden)?;
    db::list(env.db, env.ports, &scope, filter)
        .await
        .map_err(|e| crate::platform::errors::internal("audit list", &e))
}
