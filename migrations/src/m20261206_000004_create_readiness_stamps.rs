//! A stamp per cohort that changes whenever anything the readiness dashboard reads about
//! the people holding a seat in it changes: an enrollment in it added, changed or removed,
//! a trainee's name or NIK, an official result or a document of a trainee enrolled in it,
//! the kept attendance counts of its trainees. Kept by triggers in the transaction of the
//! write, whichever path made it (a page, the command line, a restore), so what the
//! dashboard holds in memory of a cohort is known to be current by reading its stamp; on
//! every instance at once. The verdict itself is never held: it depends on the day, and
//! is worked out from these facts on every view.
//!
//! A cohort's stamp starts at a random value, so a cohort id used again (a restored
//! database) never meets the stamp of the cohort it replaced.

use sea_orm_migration::prelude::*;

use crate::helpers::{any_changed, create_stamps, drop_stamps, first_stamp};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A table whose rows the dashboard reads: the cohorts a row (`OLD` or `NEW`) touches, and
/// the columns whose change matters (`None`: any change).
struct Source {
    table: &'static str,
    cohorts: fn(row: &str) -> String,
    columns: Option<&'static [&'static str]>,
    /// Inserts and deletes matter (not for a trainee's record: a new one holds no seat yet,
    /// and its enrollments go before it).
    inserts: bool,
}

fn own_cohort(row: &str) -> String {
    format!("SELECT {row}.cohort_id")
}

fn cohorts_of_trainee(row: &str) -> String {
    format!("SELECT e.cohort_id FROM enrollments e WHERE e.trainee_id = {row}.trainee_id")
}

fn cohorts_of_record(row: &str) -> String {
    format!("SELECT e.cohort_id FROM enrollments e WHERE e.trainee_id = {row}.id")
}

const SOURCES: [Source; 5] = [
    Source {
        table: "enrollments",
        cohorts: own_cohort,
        columns: None,
        inserts: true,
    },
    Source {
        table: "attendance_counts",
        cohorts: own_cohort,
        columns: None,
        inserts: true,
    },
    Source {
        table: "official_results",
        cohorts: cohorts_of_trainee,
        columns: None,
        inserts: true,
    },
    Source {
        table: "trainee_documents",
        cohorts: cohorts_of_trainee,
        // What the verdict reads of a document (a scan or a note changes none of it).
        columns: Some(&["trainee_id", "kind", "status", "issued_on", "expires_on"]),
        inserts: true,
    },
    Source {
        table: "trainees",
        cohorts: cohorts_of_record,
        // What the dashboard and its export show of a person.
        columns: Some(&["full_name", "name_key", "nik"]),
        inserts: false,
    },
];

/// The cohorts `cohorts` (a subquery of ids) read something changed: their stamps move on.
fn stamps_moved(cohorts: &str) -> String {
    format!("UPDATE readiness_stamps SET stamp = stamp + 1 WHERE cohort_id IN ({cohorts});")
}

/// An update moves the stamps of the cohorts of the row before and after it.
fn update_moves(source: &Source) -> String {
    stamps_moved(&format!(
        "{} UNION {}",
        (source.cohorts)("OLD"),
        (source.cohorts)("NEW")
    ))
}

/// A new cohort (row `NEW`) starts its stamp.
fn cohort_started(backend: sea_orm::DbBackend) -> String {
    format!(
        "INSERT INTO readiness_stamps (cohort_id, stamp) VALUES (NEW.id, {})
         ON CONFLICT (cohort_id) DO UPDATE SET stamp = readiness_stamps.stamp + 1;",
        first_stamp(backend)
    )
}

fn sqlite_triggers() -> Vec<String> {
    let mut triggers = vec![format!(
        "CREATE TRIGGER tr_readiness_stamps_cohort_insert AFTER INSERT ON cohorts
         BEGIN {} END",
        cohort_started(sea_orm::DbBackend::Sqlite)
    )];
    for source in &SOURCES {
        let table = source.table;
        if source.inserts {
            triggers.push(format!(
                "CREATE TRIGGER tr_readiness_stamps_{table}_insert AFTER INSERT ON {table}
                 BEGIN {} END",
                stamps_moved(&(source.cohorts)("NEW"))
            ));
            triggers.push(format!(
                "CREATE TRIGGER tr_readiness_stamps_{table}_delete AFTER DELETE ON {table}
                 BEGIN {} END",
                stamps_moved(&(source.cohorts)("OLD"))
            ));
        }
        let when = source
            .columns
            .map(|columns| format!("WHEN {}", any_changed(columns, sea_orm::DbBackend::Sqlite)))
            .unwrap_or_default();
        triggers.push(format!(
            "CREATE TRIGGER tr_readiness_stamps_{table}_update AFTER UPDATE ON {table}
             {when}
             BEGIN {} END",
            update_moves(source)
        ));
    }
    triggers
}

fn postgres_triggers() -> Vec<String> {
    let mut triggers = vec![
        format!(
            "CREATE FUNCTION readiness_stamps_on_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN {} RETURN NULL; END $$",
            cohort_started(sea_orm::DbBackend::Postgres)
        ),
        "CREATE TRIGGER tr_readiness_stamps_cohort AFTER INSERT ON cohorts
         FOR EACH ROW EXECUTE FUNCTION readiness_stamps_on_cohort()"
            .to_owned(),
    ];
    for source in &SOURCES {
        let table = source.table;
        let changed = source.columns.map_or_else(
            || "TRUE".to_owned(),
            |columns| any_changed(columns, sea_orm::DbBackend::Postgres),
        );
        triggers.push(format!(
            "CREATE FUNCTION readiness_stamps_on_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP = 'DELETE' THEN {deleted}
               ELSIF TG_OP = 'INSERT' THEN {inserted}
               ELSIF {changed} THEN {updated}
               END IF;
               RETURN NULL;
             END $$",
            deleted = stamps_moved(&(source.cohorts)("OLD")),
            inserted = stamps_moved(&(source.cohorts)("NEW")),
            updated = update_moves(source),
        ));
        let events = if source.inserts {
            "INSERT OR UPDATE OR DELETE"
        } else {
            "UPDATE"
        };
        triggers.push(format!(
            "CREATE TRIGGER tr_readiness_stamps_{table} AFTER {events} ON {table}
             FOR EACH ROW EXECUTE FUNCTION readiness_stamps_on_{table}()"
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
            "readiness_stamps",
            &format!("SELECT id, {} FROM cohorts", first_stamp(backend)),
            triggers,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut drops = Vec::new();
        match manager.get_database_backend() {
            sea_orm::DbBackend::Postgres => {
                drops.push("DROP TRIGGER IF EXISTS tr_readiness_stamps_cohort ON cohorts".to_owned());
                drops.push("DROP FUNCTION IF EXISTS readiness_stamps_on_cohort()".to_owned());
                for source in &SOURCES {
                    let table = source.table;
                    drops.push(format!(
                        "DROP TRIGGER IF EXISTS tr_readiness_stamps_{table} ON {table}"
                    ));
                    drops.push(format!("DROP FUNCTION IF EXISTS readiness_stamps_on_{table}()"));
                }
            }
            _ => {
                drops.push("DROP TRIGGER IF EXISTS tr_readiness_stamps_cohort_insert".to_owned());
                for source in &SOURCES {
                    for event in ["insert", "update", "delete"] {
                        drops.push(format!(
                            "DROP TRIGGER IF EXISTS tr_readiness_stamps_{}_{event}",
                            source.table
                        ));
                    }
                }
            }
        }
        drop_stamps(manager, "readiness_stamps", drops).await
    }
}
