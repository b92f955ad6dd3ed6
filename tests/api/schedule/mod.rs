//! The class schedule: planning it, what people see of it, "my schedule" from memory, and
//! changes told to trainees.

mod changes;
mod memory;
mod plan;
mod views;
