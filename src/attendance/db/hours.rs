//! The sessions each trainee attended (present or late), for the lesson hours printed on
//! certificates and letters.

use sea_orm::{ConnectionTrait, DbErr, Statement};

use crate::attendance::model::AttendanceStatus;
use crate::schedule::db::sessions_not_cancelled_sql;

/// `(trainee, cohort, session)` of every session of `cohort_ids`, not cancelled, marked
/// present or late: one read.
///
/// # Errors
/// Database errors.
pub async fn attended_sessions(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<(i64, i64, i64)>, DbErr> {
    if cohort_ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = cohort_ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "WITH s AS ({}) \
         SELECT m.trainee_id, s.cohort_id, m.session_id \
         FROM attendance_marks m JOIN s ON s.id = m.session_id \
         WHERE s.cohort_id IN ({ids}) AND m.status IN ('{}', '{}')",
        sessions_not_cancelled_sql(),
        AttendanceStatus::Present.as_str(),
        AttendanceStatus::Late.as_str(),
    );
    let rows = conn
        .query_all_raw(Statement::from_string(conn.get_database_backend(), sql))
        .await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get_by_index::<i64>(0)?,
                row.try_get_by_index::<i64>(1)?,
                row.try_get_by_index::<i64>(2)?,
            ))
        })
        .collect()
}
