//! Marks counted for views over many trainees: a fixed number of queries however many
//! marks there are. Per (trainee, cohort) the database keeps the counts of each status as
//! marks are written (`attendance_counts`, kept by triggers); the held sessions they count
//! over are the schedule's (`schedule::db::held_sessions_sql`).

use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter, Statement};
use std::collections::HashMap;
use time::OffsetDateTime;

use crate::attendance::model::AttendanceStatus;
use crate::entities::attendance_counts;
use crate::schedule::db::{held_sessions_sql, unheld_sessions_sql, utc, LONGEST_SESSION};

/// The `n`-th bound parameter (from 1) as the backend writes it.
fn param(backend: DbBackend, n: usize) -> String {
    if backend == DbBackend::Postgres {
        format!("${n}")
    } else {
        "?".to_owned()
    }
}

/// Reads a `(trainee_id, cohort_id, status, count)` row.
fn status_count(row: &sea_orm::QueryResult) -> Result<(i64, i64, String, i64), DbErr> {
    Ok((
        row.try_get_by_index::<i64>(0)?,
        row.try_get_by_index::<i64>(1)?,
        row.try_get_by_index::<String>(2)?,
        row.try_get_by_index::<i64>(3)?,
    ))
}

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
    let sql = format!(
        "WITH held AS ({}) {sql}",
        held_sessions_sql(cohort_ids, &param(backend, 1))
    );
    let rows = conn
        .query_all_raw(Statement::from_sql_and_values(backend, sql, [utc(now).into()]))
        .await?;
    rows.iter().map(read).collect()
}

/// A count's statuses in the order of its columns.
const COUNTED: [AttendanceStatus; 5] = [
    AttendanceStatus::Present,
    AttendanceStatus::Late,
    AttendanceStatus::Permitted,
    AttendanceStatus::Sick,
    AttendanceStatus::Absent,
];

/// The column (place in [`COUNTED`]) of a stored status.
fn slot(status: &str) -> Option<usize> {
    COUNTED.iter().position(|s| s.as_str() == status)
}

fn by_status(row: &attendance_counts::Model) -> [i64; 5] {
    [row.present, row.late, row.permitted, row.sick, row.absent].map(i64::from)
}

/// Marks of held sessions of `cohort_ids` (ended by `now`, not cancelled), counted per
/// (trainee, cohort) in the column order of [`attendance_counts`]: the kept counts, less
/// the marks of sessions not ended yet (a roll call taken during class counts once the
/// class is over). Two indexed reads however many marks there are.
///
/// # Errors
/// Database errors.
pub async fn mark_counts(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    now: OffsetDateTime,
) -> Result<HashMap<(i64, i64), [i64; 5]>, DbErr> {
    let kept = kept_counts(conn, cohort_ids).await?;
    let unheld = unheld_by_cohort(conn, cohort_ids, now).await?;
    Ok(kept
        .iter()
        .map(|row| ((row.trainee_id, row.cohort_id), held_of(row, &unheld)))
        .collect())
}

/// The counts the database keeps for the trainees of `cohort_ids` (see [`mark_counts`]).
///
/// # Errors
/// Database errors.
pub async fn kept_counts(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<attendance_counts::Model>, DbErr> {
    if cohort_ids.is_empty() {
        return Ok(Vec::new());
    }
    attendance_counts::Entity::find()
        .filter(attendance_counts::Column::CohortId.is_in(cohort_ids.to_vec()))
        .all(conn)
        .await
}

/// Marks of sessions not ended yet (nor cancelled), per cohort: `(trainee, counts)` by
/// trainee, the counts in the column order of [`attendance_counts`] (present, late,
/// permitted, sick, absent).
pub type Unheld = HashMap<i64, Vec<(i64, [i64; 5])>>;

/// The counts `row` keeps, less the marks of sessions not ended yet (`unheld`): what
/// counts toward a rate now.
pub fn held_of(row: &attendance_counts::Model, unheld: &Unheld) -> [i64; 5] {
    let of_trainee = unheld.get(&row.cohort_id).and_then(|marks| {
        marks
            .binary_search_by_key(&row.trainee_id, |(trainee, _)| *trainee)
            .ok()
            .map(|at| marks[at].1)
    });
    crate::attendance::model::rates::held_counts(by_status(row), of_trainee)
}

/// The marks of the sessions of `cohort_ids` not cancelled and not ended by `now` (see
/// [`Unheld`]): one read.
///
/// # Errors
/// Database errors.
pub async fn unheld_by_cohort(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    now: OffsetDateTime,
) -> Result<Unheld, DbErr> {
    let mut unheld: Unheld = HashMap::new();
    if cohort_ids.is_empty() {
        return Ok(unheld);
    }
    let mut marks = unheld_mark_counts(conn, cohort_ids, now).await?;
    marks.sort_unstable();
    for (trainee_id, cohort_id, status, n) in marks {
        let Some(at) = slot(&status) else { continue };
        let of_cohort = unheld.entry(cohort_id).or_default();
        match of_cohort.last_mut() {
            Some((trainee, count)) if *trainee == trainee_id => count[at] += n,
            _ => {
                let mut count = [0; 5];
                count[at] = n;
                of_cohort.push((trainee_id, count));
            }
        }
    }
    Ok(unheld)
}

/// Marks of the sessions of `cohort_ids` not cancelled and not ended by `now`, per
/// (trainee, cohort, status).
async fn unheld_mark_counts(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
    now: OffsetDateTime,
) -> Result<Vec<(i64, i64, String, i64)>, DbErr> {
    let backend = conn.get_database_backend();
    let sql = format!(
        "WITH unheld AS ({}) \
         SELECT m.trainee_id, u.cohort_id, m.status, COUNT(m.id) AS n \
         FROM attendance_marks m JOIN unheld u ON u.id = m.session_id \
         GROUP BY m.trainee_id, u.cohort_id, m.status",
        unheld_sessions_sql(cohort_ids, &param(backend, 1), &param(backend, 2))
    );
    let rows = conn
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [utc(now).into(), utc(now - LONGEST_SESSION).into()],
        ))
        .await?;
    rows.iter().map(status_count).collect()
}

/// Every difference between the kept counts and a recount from the marks, as (trainee,
/// cohort, kept, recounted) with the five statuses in column order (present, late,
/// permitted, sick, absent); none when they agree. For `siap-jepang check counters`.
///
/// # Errors
/// Database errors.
pub async fn counter_drift(
    conn: &impl ConnectionTrait,
) -> Result<Vec<(i64, i64, [i64; 5], [i64; 5])>, DbErr> {
    let kept: HashMap<(i64, i64), [i64; 5]> = attendance_counts::Entity::find()
        .all(conn)
        .await?
        .iter()
        .map(|row| ((row.trainee_id, row.cohort_id), by_status(row)))
        .collect();
    let backend = conn.get_database_backend();
    let rows = conn
        .query_all_raw(Statement::from_string(
            backend,
            format!(
                "WITH counted AS ({})
                 SELECT m.trainee_id, s.cohort_id, m.status, COUNT(m.id) AS n
                 FROM attendance_marks m JOIN counted s ON s.id = m.session_id
                 GROUP BY m.trainee_id, s.cohort_id, m.status",
                crate::schedule::db::sessions_not_cancelled_sql()
            ),
        ))
        .await?;
    let mut recounted: HashMap<(i64, i64), [i64; 5]> = HashMap::new();
    for row in &rows {
        let (trainee_id, cohort_id, status, n) = status_count(row)?;
        if let Some(at) = slot(&status) {
            recounted.entry((trainee_id, cohort_id)).or_default()[at] += n;
        }
    }
    let mut keys: Vec<(i64, i64)> = kept.keys().chain(recounted.keys()).copied().collect();
    keys.sort_unstable();
    keys.dedup();
    Ok(keys
        .into_iter()
        .filter_map(|key| {
            let (k, r) = (
                kept.get(&key).copied().unwrap_or_default(),
                recounted.get(&key).copied().unwrap_or_default(),
            );
            (k != r).then_some((key.0, key.1, k, r))
        })
        .collect())
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
