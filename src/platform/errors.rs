//! Unexpected failures: logged with full detail and a short reference, answered with the
//! reference only.

use rand::{distributions::Alphanumeric, Rng};

use crate::kernel::AppError;

/// Logs `error` with `context` and returns an `Internal` error carrying only a reference
/// the user can quote to support.
pub fn internal(context: &str, error: &dyn std::fmt::Display) -> AppError {
    let reference: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(8)
        .map(char::from)
        .collect::<String>()
        .to_uppercase();
    tracing::error!(reference = %reference, context, error = %error, "internal error");
    AppError::Internal { reference }
}

/// A database failure in a use case is never the client's fault: logged with a reference.
impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> Self {
        internal("database", &error)
    }
}

/// A row the actor may not reach (or that does not exist: the two are answered alike, so
/// existence does not leak): `NotFound`, logged at INFO with who asked for what.
pub fn out_of_reach(
    actor: &crate::kernel::Actor,
    what: &'static str,
    id: impl std::fmt::Display,
) -> AppError {
    tracing::info!(
        actor = actor.user_id.get(),
        role = actor.role.as_str(),
        what,
        %id,
        "not found or out of reach"
    );
    AppError::NotFound
}
