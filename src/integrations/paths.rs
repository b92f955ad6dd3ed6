//! The integrations area's address, spelled once (see [`super::pages::IntegrationRoutes`]).

/// The integration keys: list, new key, revoke.
pub const KEYS: &str = "/integrasi";
