//! Crash safety: the server binary is killed with SIGKILL at random moments while a
//! coordinator saves roll calls (one writer per session), registers trainees and imports
//! rosters. After every restart, each acknowledged write is there, no roll call or import
//! is half-written (a session's marks all come from one save, an import's rows are all
//! there or none), and the database passes its integrity
//! check. `make test` runs 4 kills per database; `CRASH_ROUNDS=25` for a longer run.

use crate::support::writers::{
    coordinator_cookie, held_sessions, integrity, join_writers, niks_present, roster, spawn_writers,
    status_for, Ledger,
};
use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use siap_jepang::entities::{attendance_marks, trainees};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn rounds() -> usize {
    std::env::var("CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
}

struct Server {
    child: Child,
    base: String,
}

// The child is killed and waited for by the round that started it (`Server`).
#[allow(clippy::zombie_processes)]
async fn start(database_url: &str) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_siap-jepang"))
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", concat!(env!("CARGO_MANIFEST_DIR"), "/public"))
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..600 {
        if let Ok(response) = client.get(format!("{base}/healthz")).send().await {
            if response.status() == 200 {
                return Server { child, base };
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
}

#[tokio::test]
async fn acknowledged_writes_survive_kill_9_whole() {
    let app = TestApp::spawn().await;
    siap_jepang::server::seed::seed_demo(&app.state, false)
        .await
        .expect("demo data");
    let database_url = app.state.config.database_url.clone();
    let db = &app.state.db;
    let (cohort, sessions) = held_sessions(&app, 4).await;
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let mut people: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut generator = 0x5eed_u64;
    let mut next_trainee = 0;
    for round in 0..rounds() {
        let mut server = start(&database_url).await;
        let cookie = coordinator_cookie(&server.base).await;
        for session in &sessions {
            if !people.contains_key(session) {
                people.insert(*session, roster(&server.base, &cookie, *session).await);
            }
        }
        let writers = spawn_writers(
            &server.base,
            &cookie,
            &people,
            cohort.site_id,
            next_trainee,
            &ledger,
        );
        next_trainee += 10_000 / rounds() as u32;
        generator = generator.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        tokio::time::sleep(Duration::from_millis(300 + (generator >> 33) % 900)).await;
        server.child.kill().expect("SIGKILL");
        server.child.wait().unwrap();
        join_writers(writers).await;

        // After the crash: integrity, every acknowledged write, no half roll call.
        assert_eq!(integrity(&app).await, "ok", "round {round}");
        let ledger = ledger.lock().unwrap().clone();
        for session in &sessions {
            let marks: HashMap<i64, String> = attendance_marks::Entity::find()
                .filter(attendance_marks::Column::SessionId.eq(*session))
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|m| (m.trainee_id, m.status))
                .collect();
            let acked = ledger.acked.get(session).copied().unwrap_or(0);
            let sent = ledger.sent.get(session).copied().unwrap_or(0);
            // The last acknowledged save, or any sent after it: a save cut off by an
            // earlier kill may have committed without its answer arriving.
            let candidates: Vec<u64> = (acked..=sent.max(acked)).collect();
            let whole = candidates.iter().any(|k| {
                *k > 0
                    && people[session].iter().enumerate().all(|(position, t)| {
                        marks.get(t).map(String::as_str) == Some(status_for(*k, position))
                    })
            });
            assert!(
                whole || acked == 0,
                "round {round}, session {session}: marks {marks:?} are not one whole save (acked {acked}, sent {sent})"
            );
        }
        let present = niks_present(db, ledger.registered.iter().cloned()).await;
        let lost: Vec<&String> = ledger
            .registered
            .iter()
            .filter(|n| !present.contains(*n))
            .collect();
        assert!(
            lost.is_empty(),
            "round {round}: acknowledged registrations lost: {lost:?}"
        );
        for (batch, acknowledged) in ledger
            .imported
            .iter()
            .map(|b| (b, true))
            .chain(ledger.importing.iter().map(|b| (b, false)))
        {
            let present = trainees::Entity::find()
                .filter(trainees::Column::Nik.is_in(batch.clone()))
                .count(db)
                .await
                .unwrap();
            let whole = if acknowledged {
                present == 10
            } else {
                present == 0 || present == 10
            };
            assert!(
                whole,
                "round {round}: an import (acknowledged: {acknowledged}) has {present} of its 10 rows"
            );
        }
    }
    let ledger = ledger.lock().unwrap();
    println!(
        "{}: {} kills survived, {} acknowledged writes, 0 lost, integrity ok",
        backend(),
        rounds(),
        ledger.acknowledged
    );
    assert!(ledger.acknowledged > 0);
}
