//! The core every other layer stands on: the error type of server functions, identity
//! values (NIK, phone, e-mail), dates and times in WIB, the i18n machinery with the texts
//! every layer shares, who is asking (`Actor`, `Role`), what they reach (`scope`), and the
//! ids of accounts and trainee records as their own types (`ids`).
//!
//! Compiled for the server and the browser alike; no I/O, and no dependency on any other
//! module of the crate.

pub mod actor;
pub mod codes;
pub mod error;
pub mod i18n;
pub mod identity;
pub mod ids;
pub mod input;
pub mod scope;
pub mod wib;

pub use actor::{Actor, Role};
pub use error::{AppError, Clash, FieldError, Problem};
pub use i18n::{Locale, Text};
pub use ids::{AccountId, CohortId, EnrollmentId, KeyId, SessionId, TraineeId};
pub use scope::{CohortTies, PersonTies, Reach};
