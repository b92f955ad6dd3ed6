//! The class schedule: planning it, what people see of it, and "my schedule" from memory.

mod memory;
mod plan;
mod views;
