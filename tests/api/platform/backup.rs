//! Backups: back up, restore into an empty database, and the app serves the same data
//! (every table compared row by row); a backup taken while roll calls, registrations and
//! imports are being written is a consistent snapshot; restores that must not happen are
//! refused with nothing written.

use crate::support::writers::{
    coordinator_cookie, held_sessions, integrity, join_writers, niks_present, register_loop, roster,
    spawn_writers, status_for, Ledger,
};
use crate::support::*;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement};
use siap_jepang::entities::{attendance_marks, trainees};
use siap_jepang::server::backup::{self, RestoreError};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn rows_of(db: &DatabaseConnection, sql: String) -> Vec<String> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|row| {
            row.try_get_by_index::<Option<String>>(0)
                .unwrap()
                .unwrap_or_default()
        })
        .collect()
}

/// Every table of the database, each as its rows rendered to text and sorted.
async fn every_table(db: &DatabaseConnection) -> BTreeMap<String, Vec<String>> {
    let postgres = backend() == "postgres";
    let names = rows_of(
        db,
        if postgres {
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'".into()
        } else {
            "SELECT name FROM sqlite_master WHERE type = 'table'".into()
        },
    )
    .await;
    let mut tables = BTreeMap::new();
    for name in names {
        let select = if postgres {
            format!("SELECT t::text FROM \"{name}\" t")
        } else {
            let columns = rows_of(db, format!("SELECT name FROM pragma_table_info('{name}')")).await;
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            format!("SELECT {row} FROM \"{name}\"")
        };
        let mut rows = rows_of(db, select).await;
        rows.sort();
        tables.insert(name, rows);
    }
    tables
}

/// A session's marks of `people`, in their roll-call order: (trainee, status, updated).
async fn roll_call_in(
    db: &DatabaseConnection,
    session: i64,
    people: &[i64],
) -> Vec<(i64, String, time::OffsetDateTime)> {
    let marks: HashMap<i64, attendance_marks::Model> = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SessionId.eq(session))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.trainee_id, m))
        .collect();
    people
        .iter()
        .filter_map(|t| marks.get(t))
        .map(|m| (m.trainee_id, m.status.clone(), m.updated_at))
        .collect()
}

fn backup_file(dir: &tempfile::TempDir, name: &str) -> std::path::PathBuf {
    dir.path().join(name)
}

async fn demo() -> TestApp {
    let app = TestApp::spawn().await;
    siap_jepang::server::seed::seed_demo(&app.state, false)
        .await
        .expect("demo data");
    app
}

#[tokio::test]
async fn a_restored_backup_holds_every_row_of_every_table_and_serves_the_same_pages() {
    let app = demo().await;
    // A document scan too: binary data must come back byte for byte.
    let cookie = coordinator_cookie(&app.base).await;
    let (cohort, sessions) = held_sessions(&app, 1).await;
    let trainee = roster(&app.base, &cookie, sessions[0]).await[0];
    let coordinator = reqwest::Client::builder()
        .default_headers(reqwest::header::HeaderMap::from_iter([(
            reqwest::header::COOKIE,
            cookie.parse().unwrap(),
        )]))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut scan = crate::support::readiness::PNG.to_vec();
    scan.extend((0..4096).map(|i| (i % 256) as u8));
    let uploaded = crate::support::readiness::upload(&app, &coordinator, Some(trainee), "paspor", scan).await;
    assert_eq!(uploaded.status(), 303);
    let dir = tempfile::tempdir().unwrap();
    let file = backup_file(&dir, "siap.backup");
    backup::backup(&app.state.db, &app.state.config, &file)
        .await
        .expect("backup written");
    let (restored_app, restored) = TestApp::spawn_restored(&file).await.expect("restored");

    let before = every_table(&app.state.db).await;
    let after = every_table(&restored_app.state.db).await;
    assert!(before.len() >= 30, "every table is compared: {:?}", before.keys());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &before {
        assert_eq!(rows.len(), after[table].len(), "rows of {table}");
        assert!(
            rows == &after[table],
            "the rows of {table} differ after the restore"
        );
    }
    // SQLite's own sqlite_sequence is compared above, but not counted as restored.
    let ours = || before.iter().filter(|(name, _)| !name.starts_with("sqlite_"));
    assert_eq!(restored.tables, ours().count());
    assert_eq!(
        restored.rows as usize,
        ours().map(|(_, rows)| rows.len()).sum::<usize>()
    );
    assert!(
        before["attendance_marks"].len() > 100 && !before["document_scans"].is_empty(),
        "the demo data has marks and scans to compare"
    );

    // The same signed-in session (sessions are data too) gets the same exports and scan.
    let client = reqwest::Client::new();
    let document = rows_of(
        &app.state.db,
        format!(
            "SELECT CAST(d.id AS TEXT) FROM trainee_documents d \
             JOIN document_scans s ON s.document_id = d.id WHERE d.trainee_id = {trainee}"
        ),
    )
    .await;
    for path in [
        "/peserta/ekspor?format=csv".to_owned(),
        "/kesiapan/ekspor?format=csv".to_owned(),
        format!("/angkatan/{}/kehadiran/ekspor", cohort.id),
        format!("/angkatan/{}/peserta/ekspor", cohort.id),
        format!("/kesiapan/dokumen/{}/pindaian", document[0]),
    ] {
        let mut bodies = Vec::new();
        for base in [&app.base, &restored_app.base] {
            let response = client
                .get(format!("{base}{path}"))
                .header(reqwest::header::COOKIE, &cookie)
                .header(reqwest::header::ACCEPT, "application/json")
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{path} on {base}");
            bodies.push(response.bytes().await.unwrap());
        }
        assert_eq!(bodies[0], bodies[1], "{path} answers the same after the restore");
    }

    // New rows get new ids: the sequences came back with the data.
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let writer = tokio::spawn(register_loop(
        restored_app.base.clone(),
        cookie.clone(),
        cohort.site_id,
        0,
        ledger.clone(),
    ));
    while ledger.lock().unwrap().registered.len() < 3 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    ledger.lock().unwrap().stop = true;
    writer.await.unwrap();
    assert_eq!(integrity(&restored_app).await, "ok");
}

#[tokio::test]
async fn a_backup_taken_during_writes_is_one_consistent_moment() {
    let app = demo().await;
    let cookie = coordinator_cookie(&app.base).await;
    let (cohort, sessions) = held_sessions(&app, 3).await;
    let mut people = HashMap::new();
    for session in &sessions {
        people.insert(*session, roster(&app.base, &cookie, *session).await);
    }
    // The roll calls as they stand before any save (the demo's own marks, or none).
    let mut before = HashMap::new();
    for session in &sessions {
        before.insert(
            *session,
            roll_call_in(&app.state.db, *session, &people[session]).await,
        );
    }
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let writers = spawn_writers(&app.base, &cookie, &people, cohort.site_id, 0, &ledger);

    let dir = tempfile::tempdir().unwrap();
    let mut snapshots = Vec::new();
    for n in 0..3 {
        tokio::time::sleep(Duration::from_millis(400)).await;
        let (registered, imported) = {
            let ledger = ledger.lock().unwrap();
            (ledger.registered.clone(), ledger.imported.concat())
        };
        let file = backup_file(&dir, &format!("during-{n}.backup"));
        backup::backup(&app.state.db, &app.state.config, &file)
            .await
            .expect("a backup while writes go on");
        snapshots.push((file, registered, imported));
    }
    ledger.lock().unwrap().stop = true;
    join_writers(writers).await;
    assert!(
        ledger.lock().unwrap().acknowledged > 10,
        "writes went on during the backups"
    );

    for (file, registered, imported) in snapshots {
        let (copy, _) = TestApp::spawn_restored(&file).await.expect("restored");
        let db = &copy.state.db;
        assert_eq!(integrity(&copy).await, "ok");
        // What was acknowledged before the backup began is in it.
        let present = niks_present(db, registered.iter().chain(&imported).cloned()).await;
        assert_eq!(
            present.len(),
            registered.len() + imported.len(),
            "{}",
            file.display()
        );
        // Every roll call in it is one whole save: one pattern of statuses, one moment.
        for session in &sessions {
            let marks = roll_call_in(db, *session, &people[session]).await;
            let moments: HashSet<_> = marks.iter().map(|(_, _, at)| *at).collect();
            let one_save = moments.len() == 1
                && (0..5).any(|k| {
                    marks
                        .iter()
                        .enumerate()
                        .all(|(position, (_, status, _))| status == status_for(k, position))
                });
            assert!(
                marks == before[session] || one_save,
                "{}: session {session} holds parts of several saves: {marks:?}",
                file.display()
            );
        }
        // Imports are whole: each import's ten rows or none of them.
        let names: Vec<String> = trainees::Entity::find()
            .filter(trainees::Column::FullName.starts_with("Peserta Impor"))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.full_name)
            .collect();
        let mut per_import: HashMap<u32, usize> = HashMap::new();
        for name in names {
            let n: u32 = name.trim_start_matches("Peserta Impor ").parse().unwrap();
            *per_import.entry(n / 10).or_default() += 1;
        }
        assert!(per_import.values().all(|rows| *rows == 10), "{per_import:?}");
    }
}

#[tokio::test]
async fn a_restore_refuses_a_database_that_holds_data_and_files_that_are_not_backups() {
    let app = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let file = backup_file(&dir, "siap.backup");
    backup::backup(&app.state.db, &app.state.config, &file)
        .await
        .expect("backup written");
    let before = every_table(&app.state.db).await;

    // Into the live database: refused, nothing touched.
    let refused = backup::restore(&app.state.db, &app.state.config, &file).await;
    assert!(matches!(refused, Err(RestoreError::NotEmpty(_))), "{refused:?}");
    assert!(refused.unwrap_err().to_string().contains("empty database"));
    assert_eq!(before, every_table(&app.state.db).await);

    // A second backup to the same name would overwrite the first: refused.
    assert!(backup::backup(&app.state.db, &app.state.config, &file)
        .await
        .is_err());

    // Not a backup, or no file at all: refused by name.
    let junk = backup_file(&dir, "junk.backup");
    std::fs::write(&junk, "NIK;Nama\n3673050101900001;Budi\n").unwrap();
    for (path, expected) in [
        (junk, "is not a Siap Jepang backup"),
        (backup_file(&dir, "none"), "does not exist"),
    ] {
        let refused = TestApp::spawn_restored(&path).await.err().expect("refused");
        assert!(refused.to_string().contains(expected), "{refused}");
    }
}
