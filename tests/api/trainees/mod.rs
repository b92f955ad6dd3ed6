//! The trainee registry: records, the numbers of other government systems, enrollment and
//! roster imports.

mod enrollment;
mod imports;
mod records;
mod registry_numbers;
