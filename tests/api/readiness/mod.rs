//! Readiness: results and documents, who may see them, and the dashboard from memory.

mod access;
mod memory;
mod records;
