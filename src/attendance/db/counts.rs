//! Marks counted in the database for views over many trainees: a fixed number of grouped
//! queries however many marks there are.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter, QuerySelect, Statement,
};
use time::OffsetDateTime;

use crate::attendance::model::AttendanceStatus;
use crate::entities::{attendance_marks, class_sessions};
use crate::platform::query::join_on;
use crate::schedule::db::utc;

/// Marks of held sessions of `cohort_ids` (ended by `now`, not cancelled), counted per
/// (trainee, cohort, status): one grouped query however many marks there are.
pub async fn mark_counts(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    now: OffsetDateTime,
) -> Result<Vec<(i64, i64, String, i64)>, DbErr> {
    use sea_orm::JoinType;
    let session = join_on(attendance_marks::Column::SessionId, class_sessions::Column::Id);
    attendance_marks::Entity::find()
        .select_only()
        .column(attendance_marks::Column::TraineeId)
        .column(class_sessions::Column::CohortId)
        .column(attendance_marks::Column::Status)
        .column_as(attendance_marks::Column::Id.count(), "n")
        .join(JoinType::InnerJoin, session)
        .filter(class_sessions::Column::CohortId.is_in(cohort_ids.to_vec()))
        .filter(class_sessions::Column::Status.ne("cancelled"))
        .filter(class_sessions::Column::EndsAt.lte(utc(now)))
        .group_by(attendance_marks::Column::TraineeId)
        .group_by(class_sessions::Column::CohortId)
        .group_by(attendance_marks::Column::Status)
        .into_tuple()
        .all(conn)
        .await
}

/// The sessions of `cohort_ids` that are not cancelled, as (cohort, start, end): what
/// counting held and coming sessions per enrollment needs, without the whole rows.
pub async fn session_spans(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<(i64, OffsetDateTime, OffsetDateTime)>, DbErr> {
    class_sessions::Entity::find()
        .select_only()
        .columns([
            class_sessions::Column::CohortId,
            class_sessions::Column::StartsAt,
            class_sessions::Column::EndsAt,
        ])
        .filter(class_sessions::Column::CohortId.is_in(cohort_ids.to_vec()))
        .filter(class_sessions::Column::Status.ne("cancelled"))
        .into_tuple()
        .all(conn)
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
    if cohort_ids.is_empty() {
        return Ok(Vec::new());
    }
    let backend = conn.get_database_backend();
    let ids: Vec<String> = cohort_ids.iter().map(i64::to_string).collect();
    let now_param = if backend == DbBackend::Postgres { "$1" } else { "?" };
    let (present, late, absent) = (
        AttendanceStatus::Present.as_str(),
        AttendanceStatus::Late.as_str(),
        AttendanceStatus::Absent.as_str(),
    );
    // Instants compare as instants on PostgreSQL and as their UTC text on SQLite (stored
    // in one sortable form); two sessions of a cohort never start at the same instant.
    let sql = format!(
        "WITH held AS (
             SELECT id, cohort_id, starts_at FROM class_sessions
             WHERE cohort_id IN ({ids}) AND status <> 'cancelled' AND ends_at <= {now_param}
         ), came AS (
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
         GROUP BY m.trainee_id, h.cohort_id",
        ids = ids.join(", "),
    );
    let rows = conn
        .query_all_raw(Statement::from_sql_and_values(backend, sql, [utc(now).into()]))
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
