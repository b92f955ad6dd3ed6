//! `siap-jepang check …`: what the database keeps derived from other rows, recounted.

use crate::kernel::{CohortId, TraineeId};
use crate::platform::state::AppState;

/// Compares the attendance counts kept per (trainee, cohort) with a recount from the
/// marks and names every difference with its enrollment.
///
/// # Errors
/// A message when any count differs (exit status 1) or the database fails.
pub async fn counters(state: &AppState) -> Result<(), String> {
    let drift = crate::attendance::db::counter_drift(&state.db)
        .await
        .map_err(|e| e.to_string())?;
    if drift.is_empty() {
        println!("Attendance counts: every (trainee, cohort) equals a recount from the marks.");
        return Ok(());
    }
    let columns = ["hadir", "terlambat", "izin", "sakit", "alpa"];
    let describe = |counts: &[i64; 5]| {
        columns
            .iter()
            .zip(counts)
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (trainee_id, cohort_id, kept, recounted) in &drift {
        let enrollment =
            crate::trainees::db::enrollment_of(&state.db, TraineeId(*trainee_id), CohortId(*cohort_id))
                .await
                .map_err(|e| e.to_string())?;
        let which = enrollment.map_or_else(|| "no enrollment".to_owned(), |e| format!("enrollment {}", e.id));
        println!(
            "{which} (trainee {trainee_id}, cohort {cohort_id}): kept {}; recounted {}",
            describe(kept),
            describe(recounted)
        );
    }
    Err(format!(
        "{} attendance counts differ from a recount of the marks",
        drift.len()
    ))
}
