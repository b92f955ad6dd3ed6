//! Marks counted in the database for views over many trainees: a fixed number of grouped
//! queries however many marks there are. The held sessions they count over are the
//! schedule's (`schedule::db::held_sessions_sql`).

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};
use time::OffsetDateTime;

use crate::attendance::model::AttendanceStatus;
use crate::schedule::db::{held_sessions_sql, utc};

/// Runs `sql` (which starts from the `held` sessions of `cohort_ids`, ended by `now`) with
/// `now` bound, and reads each row with `read`.
async fn over_held_sessions<T>(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    now: OffsetDateTime,
    sql: &str,
    read: impl Fn(&sea_orm::QueryResult) -> Result<T, DbErr>,
) -> Result<Vec<T>, DbErr> {
    if cohort_ids.is_empty() {
        return Ok(Vec::new());
    }
    let backend = conn.get_database_backend();
    let now_param = if backend == DbBackend::Postgres { "$1" } else { "?" };
    let sql = format!(
        "WITH held AS ({}) {sql}",
        held_sessions_sql(cohort_ids, now_param)
    );
    let rows = conn
        .query_all_raw(Statement::from_sql_and_values(backend, sql, [utc(now).into()]))
        .await?;
    rows.iter().map(read).collect()
}

/// Marks of held sessions of `cohort_ids` (ended by `now`, not cancelled), counted per
/// (trainee, cohort, status): one grouped query however many marks there are.
pub async fn mark_counts(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    now: OffsetDateTime,
) -> Result<Vec<(i64, i64, String, i64)>, DbErr> {
    over_held_sessions(
        conn,
        cohort_ids,
        now,
        "SELECT m.trainee_id, h.cohort_id, m.status, COUNT(m.id) AS n
         FROM attendance_marks m JOIN held h ON h.id = m.session_id
         GROUP BY m.trainee_id, h.cohort_id, m.status",
        |row| {
            Ok((
                row.try_get_by_index::<i64>(0)?,
                row.try_get_by_index::<i64>(1)?,
                row.try_get_by_index::<String>(2)?,
                row.try_get_by_index::<i64>(3)?,
            ))
        },
    )
    .await
}

/// Each (trainee, cohort) of `cohort_ids` whose latest marks on held sessions (ended by
/// `now`, not cancelled) are absences: how many there have been since the last class the
/// trainee came to (present or late). Excused and unmarked sessions neither count nor break
/// the run. Pairs without such absences are left out. One grouped query.
pub async fn absence_streaks(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    now: OffsetDateTime,
) -> Result<Vec<(i64, i64, i64)>, DbErr> {
    let (present, late, absent) = (
        AttendanceStatus::Present.as_str(),
        AttendanceStatus::Late.as_str(),
        AttendanceStatus::Absent.as_str(),
    );
    // Instants compare as instants on PostgreSQL and as their UTC text on SQLite (stored
    // in one sortable form); two sessions of a cohort never start at the same instant.
    let sql = format!(
        ", came AS (
             SELECT m.trainee_id, h.cohort_id, MAX(h.starts_at) AS last_at
             FROM attendance_marks m JOIN held h ON h.id = m.session_id
             WHERE m.status IN ('{present}', '{late}')
             GROUP BY m.trainee_id, h.cohort_id
         )
         SELECT m.trainee_id, h.cohort_id, COUNT(*) AS streak
         FROM attendance_marks m
         JOIN held h ON h.id = m.session_id
         LEFT JOIN came c ON c.trainee_id = m.trainee_id AND c.cohort_id = h.cohort_id
         WHERE m.status = '{absent}' AND (c.last_at IS NULL OR h.starts_at > c.last_at)
         GROUP BY m.trainee_id, h.cohort_id"
    );
    over_held_sessions(conn, cohort_ids, now, &sql, |row| {
        Ok((
            row.try_get_by_index::<i64>(0)?,
            row.try_get_by_index::<i64>(1)?,
            row.try_get_by_index::<i64>(2)?,
        ))
    })
    .await
}
