//! Identity values people type in: NIK, Indonesian phone numbers, e-mail addresses, and
//! the numbers other government systems give a person.
//! Each is parsed once at the edge into a type that cannot hold an invalid value.

mod email;
mod nik;
mod phone;
mod registry_number;

pub use email::EmailAddress;
pub use nik::{mask as mask_nik, Nik, NikProblem, Sex, BANTEN_REGENCIES};
pub use phone::PhoneNumber;
pub use registry_number::RegistryNumber;
