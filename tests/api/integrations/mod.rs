//! Integration keys: made on `/integrasi` or at the command line, shown once, stored
//! hashed, two live per integration, revoked at once, audited; and the partner API they open.

mod api;
mod keys;
mod people;
mod results;
