//! Attendance counted as it is written: per (trainee, cohort), how many marks of each
//! status the cohort's sessions that were not cancelled hold. Kept by triggers in the
//! transaction of whatever writes a mark (a roll call, a check-in, the automatic absence
//! job, an excuse decision) or cancels a session or takes a cancellation back, so no path
//! can forget it; views over many trainees read these rows instead of counting marks.
//! `siap-jepang check counters` recounts them from the marks.

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{fk, index};
use crate::m20261129_000001_create_cohorts::Cohorts;
use crate::m20261129_000004_create_trainees::Trainees;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The counted statuses, as stored, and their columns.
const COLUMNS: [(&str, &str); 5] = [
    ("hadir", "present"),
    ("terlambat", "late"),
    ("izin", "permitted"),
    ("sakit", "sick"),
    ("alpa", "absent"),
];

/// `each(status, column)` for every counted status, joined by commas in column order.
fn joined(each: impl Fn(&str, &str) -> String) -> String {
    COLUMNS
        .iter()
        .map(|(status, col)| each(status, col))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `CASE WHEN {row}.status = 'hadir' THEN 1 ELSE 0 END, …` in column order.
fn flags(row: &str) -> String {
    joined(|status, _| format!("CASE WHEN {row}.status = '{status}' THEN 1 ELSE 0 END"))
}

/// `present = attendance_counts.present + excluded.present, …`
fn upsert_sets() -> String {
    joined(|_, col| format!("{col} = attendance_counts.{col} + excluded.{col}"))
}

fn column_list() -> String {
    joined(|_, col| col.to_owned())
}

/// Adds (`sign` = "+") or takes away ("-") the mark `row` (NEW or OLD) when its session
/// counts (exists, not cancelled). Adding creates the row; taking away only updates it.
fn mark_sql(row: &str, sign: &str) -> String {
    if sign == "+" {
        format!(
            "INSERT INTO attendance_counts (trainee_id, cohort_id, {cols})
             SELECT {row}.trainee_id, s.cohort_id, {flags}
             FROM class_sessions s WHERE s.id = {row}.session_id AND s.status <> 'cancelled'
             ON CONFLICT (trainee_id, cohort_id) DO UPDATE SET {sets};",
            cols = column_list(),
            flags = flags(row),
            sets = upsert_sets(),
        )
    } else {
        let sets = joined(|status, col| {
            format!("{col} = {col} - CASE WHEN {row}.status = '{status}' THEN 1 ELSE 0 END")
        });
        format!(
            "UPDATE attendance_counts SET {sets}
             WHERE trainee_id = {row}.trainee_id
               AND cohort_id = (SELECT s.cohort_id FROM class_sessions s
                                WHERE s.id = {row}.session_id AND s.status <> 'cancelled');"
        )
    }
}

/// Adds (`sign` "+") or takes away ("-") every mark of the session `row` (a session whose
/// cancellation is made or taken back).
fn session_sql(row: &str, sign: &str) -> String {
    let sums =
        joined(|status, col| format!("SUM(CASE WHEN m.status = '{status}' THEN 1 ELSE 0 END) AS {col}"));
    if sign == "+" {
        format!(
            "INSERT INTO attendance_counts (trainee_id, cohort_id, {cols})
             SELECT m.trainee_id, {row}.cohort_id, {picked}
             FROM (SELECT trainee_id, {sums} FROM attendance_marks m
                   WHERE m.session_id = {row}.id GROUP BY trainee_id) m
             WHERE true
             ON CONFLICT (trainee_id, cohort_id) DO UPDATE SET {sets};",
            cols = column_list(),
            picked = joined(|_, col| format!("m.{col}")),
            sets = upsert_sets(),
        )
    } else {
        let sets = joined(|status, col| {
            format!(
                "{col} = {col} - (SELECT COUNT(*) FROM attendance_marks m
                   WHERE m.session_id = {row}.id AND m.trainee_id = attendance_counts.trainee_id
                     AND m.status = '{status}')"
            )
        });
        format!(
            "UPDATE attendance_counts SET {sets}
             WHERE cohort_id = {row}.cohort_id
               AND trainee_id IN (SELECT m.trainee_id FROM attendance_marks m WHERE m.session_id = {row}.id);"
        )
    }
}

/// Everything counted again from the marks (the migration's backfill).
pub fn recount_sql() -> String {
    let sums = joined(|status, _| format!("SUM(CASE WHEN m.status = '{status}' THEN 1 ELSE 0 END)"));
    format!(
        "INSERT INTO attendance_counts (trainee_id, cohort_id, {cols})
         SELECT m.trainee_id, s.cohort_id, {sums}
         FROM attendance_marks m JOIN class_sessions s ON s.id = m.session_id
         WHERE s.status <> 'cancelled'
         GROUP BY m.trainee_id, s.cohort_id",
        cols = column_list()
    )
}

fn sqlite_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE TRIGGER tr_attendance_counts_mark_insert AFTER INSERT ON attendance_marks
             BEGIN {} END",
            mark_sql("NEW", "+")
        ),
        format!(
            "CREATE TRIGGER tr_attendance_counts_mark_update
             AFTER UPDATE OF status, session_id, trainee_id ON attendance_marks
             BEGIN {} {} END",
            mark_sql("OLD", "-"),
            mark_sql("NEW", "+")
        ),
        format!(
            "CREATE TRIGGER tr_attendance_counts_mark_delete AFTER DELETE ON attendance_marks
             BEGIN {} END",
            mark_sql("OLD", "-")
        ),
        format!(
            "CREATE TRIGGER tr_attendance_counts_session_cancel AFTER UPDATE OF status ON class_sessions
             WHEN OLD.status <> 'cancelled' AND NEW.status = 'cancelled'
             BEGIN {} END",
            session_sql("OLD", "-")
        ),
        format!(
            "CREATE TRIGGER tr_attendance_counts_session_restore AFTER UPDATE OF status ON class_sessions
             WHEN OLD.status = 'cancelled' AND NEW.status <> 'cancelled'
             BEGIN {} END",
            session_sql("NEW", "+")
        ),
    ]
}

fn postgres_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE FUNCTION attendance_counts_on_mark() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.session_id = NEW.session_id
                  AND OLD.trainee_id = NEW.trainee_id THEN
                 RETURN NULL;
               END IF;
               IF TG_OP IN ('UPDATE', 'DELETE') THEN {minus} END IF;
               IF TG_OP IN ('INSERT', 'UPDATE') THEN {plus} END IF;
               RETURN NULL;
             END $$",
            minus = mark_sql("OLD", "-"),
            plus = mark_sql("NEW", "+"),
        ),
        "CREATE TRIGGER tr_attendance_counts_mark
         AFTER INSERT OR UPDATE OR DELETE ON attendance_marks
         FOR EACH ROW EXECUTE FUNCTION attendance_counts_on_mark()"
            .to_owned(),
        format!(
            "CREATE FUNCTION attendance_counts_on_session() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF OLD.status <> 'cancelled' AND NEW.status = 'cancelled' THEN {minus}
               ELSIF OLD.status = 'cancelled' AND NEW.status <> 'cancelled' THEN {plus}
               END IF;
               RETURN NULL;
             END $$",
            minus = session_sql("OLD", "-"),
            plus = session_sql("NEW", "+"),
        ),
        "CREATE TRIGGER tr_attendance_counts_session
         AFTER UPDATE OF status ON class_sessions
         FOR EACH ROW EXECUTE FUNCTION attendance_counts_on_session()"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(AttendanceCounts::Table)
            .if_not_exists()
            .col(big_integer(AttendanceCounts::TraineeId))
            .col(big_integer(AttendanceCounts::CohortId))
            .primary_key(
                Index::create()
                    .col(AttendanceCounts::TraineeId)
                    .col(AttendanceCounts::CohortId),
            )
            .foreign_key(&mut fk(
                "fk_attendance_counts_trainee",
                (AttendanceCounts::Table, AttendanceCounts::TraineeId),
                (Trainees::Table, Trainees::Id),
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut fk(
                "fk_attendance_counts_cohort",
                (AttendanceCounts::Table, AttendanceCounts::CohortId),
                (Cohorts::Table, Cohorts::Id),
                ForeignKeyAction::Cascade,
            ));
        // Never negative: a count that would go below zero is a bug, refused by the database.
        for column in [
            AttendanceCounts::Present,
            AttendanceCounts::Late,
            AttendanceCounts::Permitted,
            AttendanceCounts::Sick,
            AttendanceCounts::Absent,
        ] {
            table
                .col(integer(column.clone()).default(0))
                .check(Expr::col(column).gte(0));
        }
        manager.create_table(table.to_owned()).await?;
        // Read by cohort (a dashboard's cohorts).
        index(
            manager,
            "ix_attendance_counts_cohort",
            AttendanceCounts::Table,
            vec![AttendanceCounts::CohortId.into_iden()],
            false,
        )
        .await?;
        let conn = manager.get_connection();
        conn.execute_unprepared(&recount_sql()).await?;
        let triggers = match manager.get_database_backend() {
            sea_orm::DbBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for trigger in triggers {
            conn.execute_unprepared(&trigger).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let conn = manager.get_connection();
        let drops: &[&str] = match manager.get_database_backend() {
            sea_orm::DbBackend::Postgres => &[
                "DROP TRIGGER IF EXISTS tr_attendance_counts_mark ON attendance_marks",
                "DROP TRIGGER IF EXISTS tr_attendance_counts_session ON class_sessions",
                "DROP FUNCTION IF EXISTS attendance_counts_on_mark()",
                "DROP FUNCTION IF EXISTS attendance_counts_on_session()",
            ],
            _ => &[
                "DROP TRIGGER IF EXISTS tr_attendance_counts_mark_insert",
                "DROP TRIGGER IF EXISTS tr_attendance_counts_mark_update",
                "DROP TRIGGER IF EXISTS tr_attendance_counts_mark_delete",
                "DROP TRIGGER IF EXISTS tr_attendance_counts_session_cancel",
                "DROP TRIGGER IF EXISTS tr_attendance_counts_session_restore",
            ],
        };
        for drop in drops {
            conn.execute_unprepared(drop).await?;
        }
        manager
            .drop_table(Table::drop().table(AttendanceCounts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone)]
pub enum AttendanceCounts {
    Table,
    TraineeId,
    CohortId,
    Present,
    Late,
    Permitted,
    Sick,
    Absent,
}
