//! Writers against a server running as its own process, for the crash and backup tests:
//! roll calls saved, trainees registered and rosters imported the way the app's pages send
//! them, what was acknowledged kept in a ledger, and the database read back afterwards.

use crate::support::{backend, cookie_pair, TestApp};
use reqwest::header;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use siap_jepang::entities::{class_sessions, cohorts, trainees};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const STATUSES: [&str; 5] = ["hadir", "terlambat", "izin", "sakit", "alpa"];
pub const COORDINATOR: (&str, &str) = ("koordinator@siapjepang.id", "bunga-sakura-mekar");

/// What the writers sent and what was acknowledged.
#[derive(Default, Clone)]
pub struct Ledger {
    /// Per session: the last save acknowledged, and the last one sent.
    pub acked: HashMap<i64, u64>,
    pub sent: HashMap<i64, u64>,
    /// NIKs of trainees whose registration was acknowledged.
    pub registered: Vec<String>,
    pub acknowledged: usize,
    /// Roster imports: the NIKs of each acknowledged one, and of the one in flight.
    pub imported: Vec<Vec<String>>,
    pub importing: Option<Vec<String>>,
    /// Set to end the writers of a server that keeps running.
    pub stop: bool,
}

/// A server-function call as the app's own pages send it.
pub async fn post(
    client: &reqwest::Client,
    base: &str,
    cookie: &str,
    path: &str,
    form: &[(impl serde::Serialize, impl serde::Serialize)],
) -> reqwest::Result<reqwest::Response> {
    client
        .post(format!("{base}{path}"))
        .header(header::ORIGIN, base)
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, cookie)
        .form(form)
        .send()
        .await
}

pub fn status_for(k: u64, position: usize) -> &'static str {
    STATUSES[(position + k as usize) % STATUSES.len()]
}

pub async fn save_loop(
    base: String,
    cookie: String,
    session: i64,
    people: Vec<i64>,
    ledger: Arc<Mutex<Ledger>>,
) {
    let client = reqwest::Client::new();
    loop {
        let k = {
            let mut ledger = ledger.lock().unwrap();
            if ledger.stop {
                return;
            }
            let k = ledger.sent.get(&session).copied().unwrap_or(0) + 1;
            ledger.sent.insert(session, k);
            k
        };
        let mut form = vec![
            ("session_id".to_owned(), session.to_string()),
            ("reason".to_owned(), format!("Koreksi {k}")),
        ];
        for (position, trainee) in people.iter().enumerate() {
            form.push((format!("status[{trainee}]"), status_for(k, position).to_owned()));
        }
        let response = post(&client, &base, &cookie, "/api/attendance/save", &form).await;
        match response {
            Ok(r) if r.status() == 200 => {
                let mut ledger = ledger.lock().unwrap();
                ledger.acked.insert(session, k);
                ledger.acknowledged += 1;
            }
            Ok(r) => panic!(
                "a save was refused: {} {}",
                r.status(),
                r.text().await.unwrap_or_default()
            ),
            Err(_) => return, // the server is gone
        }
    }
}

pub async fn register_loop(base: String, cookie: String, site: i64, from: u32, ledger: Arc<Mutex<Ledger>>) {
    let client = reqwest::Client::new();
    for n in from.. {
        if ledger.lock().unwrap().stop {
            return;
        }
        // Men from Kota Serang born in 1999: (day, month, serial) differs for every n.
        let (day, month, serial) = (1 + n % 28, 1 + (n / 28) % 12, 5000 + n / 336);
        let nik = format!("367305{day:02}{month:02}99{serial:04}");
        let form = [
            ("nik", nik.clone()),
            ("full_name", format!("Peserta Uji {n}")),
            ("birth_place", "Serang".into()),
            ("birth_date", format!("{day:02}/{month:02}/1999")),
            ("sex", "L".into()),
            ("address", "Jl. Veteran No. 2".into()),
            ("regency_code", "3673".into()),
            ("education", "sma".into()),
            ("source", "walk_in".into()),
            ("site_id", site.to_string()),
        ];
        let response = post(&client, &base, &cookie, "/api/trainees/save", &form).await;
        match response {
            Ok(r) if r.status() == 200 => {
                let mut ledger = ledger.lock().unwrap();
                ledger.registered.push(nik);
                ledger.acknowledged += 1;
            }
            Ok(r) => panic!(
                "a registration was refused: {} {}",
                r.status(),
                r.text().await.unwrap_or_default()
            ),
            Err(_) => return,
        }
    }
}

/// Uploads 10-row rosters (women born in 1998, serials from `from`) and confirms each.
pub async fn import_loop(base: String, cookie: String, site: i64, from: u32, ledger: Arc<Mutex<Ledger>>) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for batch in from.. {
        if ledger.lock().unwrap().stop {
            return;
        }
        let mut niks = Vec::new();
        let mut csv = String::from("NIK;Nama Lengkap;Tgl. Lahir;L/P;Kab/Kota;Alamat\r\n");
        for i in 0..10 {
            let n = batch * 10 + i;
            let (day, month, serial) = (1 + n % 28, 1 + (n / 28) % 12, 1000 + n / 336);
            let nik = format!("367305{:02}{month:02}98{serial:04}", day + 40);
            csv.push_str(&format!(
                "{nik};Peserta Impor {n};{day:02}/{month:02}/1998;P;Kota Serang;Jl. Ahmad Yani\r\n"
            ));
            niks.push(nik);
        }
        let form = reqwest::multipart::Form::new()
            .text("site_id", site.to_string())
            .text("cohort_id", "")
            .part(
                "file",
                reqwest::multipart::Part::bytes(csv.into_bytes()).file_name("roster.csv"),
            );
        let upload = client
            .post(format!("{base}/peserta/unggah"))
            .header(header::ORIGIN, &base)
            .header(header::COOKIE, &cookie)
            .multipart(form)
            .send()
            .await;
        let Ok(upload) = upload else { return };
        let to = upload
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let Some(id) = to.strip_prefix("/peserta/impor/") else {
            panic!("an upload was refused: {} {to}", upload.status());
        };
        ledger.lock().unwrap().importing = Some(niks.clone());
        let response = post(
            &client,
            &base,
            &cookie,
            "/api/trainees/import-confirm",
            &[("import_id", id)],
        )
        .await;
        match response {
            Ok(r) if r.status() == 200 => {
                let mut ledger = ledger.lock().unwrap();
                ledger.importing = None;
                ledger.imported.push(niks);
                ledger.acknowledged += 1;
            }
            Ok(r) => panic!(
                "an import was refused: {} {}",
                r.status(),
                r.text().await.unwrap_or_default()
            ),
            Err(_) => return,
        }
    }
}

/// One roll-call writer per session of `people`, a registration writer and an import
/// writer (trainee numbers from `from`), all recording into `ledger`.
pub fn spawn_writers(
    base: &str,
    cookie: &str,
    people: &HashMap<i64, Vec<i64>>,
    site: i64,
    from: u32,
    ledger: &Arc<Mutex<Ledger>>,
) -> Vec<tokio::task::JoinHandle<()>> {
    let mut writers: Vec<_> = people
        .iter()
        .map(|(session, trainees)| {
            tokio::spawn(save_loop(
                base.to_owned(),
                cookie.to_owned(),
                *session,
                trainees.clone(),
                ledger.clone(),
            ))
        })
        .collect();
    writers.push(tokio::spawn(register_loop(
        base.to_owned(),
        cookie.to_owned(),
        site,
        from,
        ledger.clone(),
    )));
    writers.push(tokio::spawn(import_loop(
        base.to_owned(),
        cookie.to_owned(),
        site,
        from / 10,
        ledger.clone(),
    )));
    writers
}

/// Waits for every writer. A writer that failed fails the test with its own message as
/// the last thing printed (not hidden above a backtrace in a long log).
pub async fn join_writers(writers: Vec<tokio::task::JoinHandle<()>>) {
    for writer in writers {
        if let Err(failure) = writer.await {
            let Ok(payload) = failure.try_into_panic() else {
                panic!("a writer was cancelled");
            };
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            eprintln!("a writer failed: {message}");
            std::panic::resume_unwind(payload);
        }
    }
}

/// Which of `niks` are in the registry of `db`.
pub async fn niks_present(
    db: &sea_orm::DatabaseConnection,
    niks: impl IntoIterator<Item = String>,
) -> std::collections::HashSet<String> {
    trainees::Entity::find()
        .filter(trainees::Column::Nik.is_in(niks))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.nik)
        .collect()
}

pub async fn integrity(app: &TestApp) -> String {
    let sql = match backend() {
        "postgres" => "SELECT 'ok'",
        _ => "PRAGMA integrity_check",
    };
    let row = app
        .state
        .db
        .query_one_raw(sea_orm::Statement::from_string(
            app.state.db.get_database_backend(),
            sql,
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<String>(0).unwrap()
}

/// The demo's fullest running cohort and up to `n` of its latest held sessions.
pub async fn held_sessions(app: &TestApp, n: usize) -> (cohorts::Model, Vec<i64>) {
    let db = &app.state.db;
    let cohort = cohorts::Entity::find()
        .filter(cohorts::Column::Status.eq("running"))
        .order_by_desc(cohorts::Column::SeatsTaken)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let sessions: Vec<i64> = class_sessions::Entity::find()
        .filter(class_sessions::Column::CohortId.eq(cohort.id))
        .filter(class_sessions::Column::EndsAt.lte(siap_jepang::schedule::db::utc(app.state.clock.now())))
        .filter(class_sessions::Column::Status.ne("cancelled"))
        .order_by_desc(class_sessions::Column::StartsAt)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .take(n)
        .map(|s| s.id)
        .collect();
    assert!(!sessions.is_empty());
    (cohort, sessions)
}

/// The demo coordinator's session cookie on the server at `base`.
pub async fn coordinator_cookie(base: &str) -> String {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/accounts/sign-in"))
        .header(header::ORIGIN, base)
        .header(header::ACCEPT, "application/json")
        .form(&[("login", COORDINATOR.0), ("password", COORDINATOR.1)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    cookie_pair(&response)
}

/// The trainees on a session's roll call, in its order.
pub async fn roster(base: &str, cookie: &str, session: i64) -> Vec<i64> {
    let call: serde_json::Value = reqwest::Client::new()
        .get(format!("{base}/api/attendance/roll-call?session_id={session}"))
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    call["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["trainee_id"].as_i64().unwrap())
        .collect()
}
