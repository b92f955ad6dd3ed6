//! Cohorts and the catalogue.

mod records;
