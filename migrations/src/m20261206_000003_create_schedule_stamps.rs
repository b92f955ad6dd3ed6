//! A stamp per cohort that changes whenever anything its schedule shows changes: a session
//! added, moved, cancelled, taken back, reassigned or removed, or the cohort's code, a
//! room's, an instructor's or a course unit's name. Kept by triggers in the transaction of
//! the write, whichever path (a page, the command line, a restore) made it, so a schedule
//! held in memory is known to be current by reading the stamps of the cohorts it shows,
//! in the same statement that finds those cohorts; on every instance at once.
//!
//! A cohort's stamp starts at a random value, so a cohort id used again (a restored
//! database) never meets the stamp of the cohort it replaced.

use sea_orm_migration::prelude::*;

use crate::helpers::{any_changed, create_stamps, drop_stamps, first_stamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns of a session its views show; an update touching none of them (the row lock
/// a roll call takes on PostgreSQL) leaves the stamp alone.
const SHOWN: [&str; 9] = [
    "cohort_id",
    "starts_at",
    "ends_at",
    "room_id",
    "instructor_id",
    "unit_id",
    "status",
    "change_reason",
    "original_starts_at",
];

/// The cohort `cohort` (an expression) has new sessions: its stamp moves on, or starts.
fn stamp_started(cohort: &str, backend: sea_orm::DbBackend) -> String {
    format!(
        "INSERT INTO schedule_stamps (cohort_id, stamp) VALUES ({cohort}, {first})
         ON CONFLICT (cohort_id) DO UPDATE SET stamp = schedule_stamps.stamp + 1;",
        first = first_stamp(backend)
    )
}

/// The cohorts `cohorts` (a subquery of ids) show something changed: their stamps move on.
fn stamps_moved(cohorts: &str) -> String {
    format!("UPDATE schedule_stamps SET stamp = stamp + 1 WHERE cohort_id IN ({cohorts});")
}

/// What a change of a name shows on: (table, column, the cohorts affected by row NEW).
const NAMES: [(&str, &str, &str); 4] = [
    ("cohorts", "code", "SELECT NEW.id"),
    (
        "rooms",
        "name",
        "SELECT s.cohort_id FROM class_sessions s WHERE s.room_id = NEW.id",
    ),
    (
        "users",
        "display_name",
        "SELECT s.cohort_id FROM class_sessions s WHERE s.instructor_id = NEW.id",
    ),
    (
        "course_units",
        "title",
        // A rare edit; the sessions' units are not indexed, so this reads them all.
        "SELECT s.cohort_id FROM class_sessions s WHERE s.unit_id = NEW.id",
    ),
];

fn sqlite_triggers() -> Vec<String> {
    let backend = sea_orm::DbBackend::Sqlite;
    let mut triggers = vec![
        format!(
            "CREATE TRIGGER tr_schedule_stamps_session_insert AFTER INSERT ON class_sessions
             BEGIN {} END",
            stamp_started("NEW.cohort_id", backend)
        ),
        format!(
            "CREATE TRIGGER tr_schedule_stamps_session_update AFTER UPDATE ON class_sessions
             WHEN {}
             BEGIN {} {} END",
            any_changed(&SHOWN, backend),
            stamps_moved("OLD.cohort_id"),
            stamp_started("NEW.cohort_id", backend)
        ),
        format!(
            "CREATE TRIGGER tr_schedule_stamps_session_delete AFTER DELETE ON class_sessions
             BEGIN {} END",
            stamps_moved("OLD.cohort_id")
        ),
    ];
    for (table, column, cohorts) in NAMES {
        triggers.push(format!(
            "CREATE TRIGGER tr_schedule_stamps_{table}_name AFTER UPDATE OF {column} ON {table}
             WHEN OLD.{column} IS NOT NEW.{column}
             BEGIN {} END",
            stamps_moved(cohorts)
        ));
    }
    triggers
}

fn postgres_triggers() -> Vec<String> {
    let backend = sea_orm::DbBackend::Postgres;
    let mut triggers = vec![
        format!(
            "CREATE FUNCTION schedule_stamps_on_session() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP = 'DELETE' THEN {moved_old}
               ELSIF TG_OP = 'INSERT' THEN {started}
               ELSIF {changed} THEN {moved_old} {started}
               END IF;
               RETURN NULL;
             END $$",
            moved_old = stamps_moved("OLD.cohort_id"),
            started = stamp_started("NEW.cohort_id", backend),
            changed = any_changed(&SHOWN, backend),
        ),
        "CREATE TRIGGER tr_schedule_stamps_session
         AFTER INSERT OR UPDATE OR DELETE ON class_sessions
         FOR EACH ROW EXECUTE FUNCTION schedule_stamps_on_session()"
            .to_owned(),
    ];
    for (table, column, cohorts) in NAMES {
        triggers.push(format!(
            "CREATE FUNCTION schedule_stamps_on_{table}_name() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN {} RETURN NULL; END $$",
            stamps_moved(cohorts)
        ));
        triggers.push(format!(
            "CREATE TRIGGER tr_schedule_stamps_{table}_name AFTER UPDATE OF {column} ON {table}
             FOR EACH ROW WHEN (OLD.{column} IS DISTINCT FROM NEW.{column})
             EXECUTE FUNCTION schedule_stamps_on_{table}_name()"
        ));
    }
    triggers
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let triggers = match backend {
            sea_orm::DbBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        create_stamps(
            manager,
            "schedule_stamps",
            &format!(
                "SELECT DISTINCT cohort_id, {} FROM class_sessions",
                first_stamp(backend)
            ),
            triggers,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut drops = Vec::new();
        match manager.get_database_backend() {
            sea_orm::DbBackend::Postgres => {
                drops.push("DROP TRIGGER IF EXISTS tr_schedule_stamps_session ON class_sessions".to_owned());
                drops.push("DROP FUNCTION IF EXISTS schedule_stamps_on_session()".to_owned());
                for (table, _, _) in NAMES {
                    drops.push(format!(
                        "DROP TRIGGER IF EXISTS tr_schedule_stamps_{table}_name ON {table}"
                    ));
                    drops.push(format!(
                        "DROP FUNCTION IF EXISTS schedule_stamps_on_{table}_name()"
                    ));
                }
            }
            _ => {
                for event in ["insert", "update", "delete"] {
                    drops.push(format!(
                        "DROP TRIGGER IF EXISTS tr_schedule_stamps_session_{event}"
                    ));
                }
                for (table, _, _) in NAMES {
                    drops.push(format!("DROP TRIGGER IF EXISTS tr_schedule_stamps_{table}_name"));
                }
            }
        }
        drop_stamps(manager, "schedule_stamps", drops).await
    }
}
