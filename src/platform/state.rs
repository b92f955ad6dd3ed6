//! The application state every request shares, and the part of it use cases need.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

use super::{clock::Clock, config::Config};

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub clock: Clock,
}

impl AppState {
    pub fn env(&self) -> Env<'_> {
        Env {
            db: &self.db,
            clock: &self.clock,
            config: &self.config,
        }
    }
}

/// What every use case needs from the running application.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub db: &'a DatabaseConnection,
    pub clock: &'a Clock,
    pub config: &'a Config,
}
