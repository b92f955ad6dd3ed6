//! The audit area's address, spelled once (see [`super::pages::AuditRoutes`]).

/// The log (`?action=&outcome=&person=&from=&to=&before=`).
pub const LOG: &str = "/audit";
