//! The trainee registry: records, enrollment and roster imports.

mod enrollment;
mod imports;
mod records;
