//! Spawns the real application on 127.0.0.1:0 with a fresh, migrated database per test:
//! a temporary SQLite file, or (with `TEST_DATABASE=postgres`) a new PostgreSQL database
//! created from `TEST_POSTGRES_URL` and dropped afterwards. Every test file takes this
//! with `use crate::support::*`; each area's shared fixtures are in the submodules.

pub mod attendance;
pub mod pdf;
pub mod readiness;
pub mod schedule;
pub mod trainees;
pub mod writers;

use reqwest::{header, redirect::Policy, Client, Response};
use sea_orm::{ConnectionTrait, Database};
use serde_json::Value;
use siap_jepang::accounts::model::{LoginId, NewPassword};
use siap_jepang::accounts::password;
use siap_jepang::accounts::service::{provision_account, NewAccountInput};
use siap_jepang::audit::model::AuditAction;
use siap_jepang::kernel::Role;
use siap_jepang::platform::{
    clock::Clock,
    config::Config,
    state::{AppState, Shared},
};
use siap_jepang::server;
use std::collections::HashMap;
use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};
use time::Duration;

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
pub const PASSWORD: &str = "kereta pagi ke osaka";

pub fn backend() -> &'static str {
    match std::env::var("TEST_DATABASE").as_deref() {
        Ok("postgres") => "postgres",
        _ => "sqlite",
    }
}

/// A PostgreSQL database that is dropped (connections forced closed) when the test ends.
struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let admin = Database::connect(&admin_url).await.ok()?;
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                    .await
                    .ok()
            })
        })
        .join();
    }
}

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    /// Statements the server's connection has run (see [`TestApp::queries_of`]).
    pub queries: Arc<AtomicUsize>,
    pub sites: HashMap<String, i64>,
    _sqlite_dir: Option<tempfile::TempDir>,
    _pg: Option<PgDatabase>,
}

/// Serves the app on a free local port in the background: its address and state.
async fn serve(
    mut config: Config,
    db: sea_orm::DatabaseConnection,
    clock: Clock,
) -> (std::net::SocketAddr, AppState) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    config.site_addr = addr;
    let state = AppState::new(Shared {
        leptos_options: server::leptos_options(&config),
        db,
        config: Arc::new(config),
        clock,
        writes: Default::default(),
        ports: server::ports(),
        memo: Default::default(),
        limits: Default::default(),
    });
    let serving = state.clone();
    tokio::spawn(async move {
        let _ = server::serve(listener, serving, std::future::pending()).await;
    });
    (addr, state)
}

/// Site code → id.
async fn site_ids(db: &sea_orm::DatabaseConnection) -> HashMap<String, i64> {
    siap_jepang::accounts::db::all_sites(db)
        .await
        .expect("sites")
        .into_iter()
        .map(|s| (s.code, s.id))
        .collect()
}

fn unique_name() -> String {
    format!("siap_test_{}_{}", std::process::id(), uuid_like())
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{}_{}", COUNTER.fetch_add(1, Ordering::Relaxed), nanos)
}

pub async fn test_config(database_url: String) -> Config {
    let mut config = Config::from_lookup(|key| match key {
        "DATABASE_URL" => Some(database_url.clone()),
        "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".into()),
        _ => None,
    })
    .expect("test configuration is valid");
    config.throttle.slowdown_step = std::time::Duration::ZERO;
    config.site_root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public");
    config
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let (database_url, sqlite_dir, pg) = fresh_database().await;
        let mut config = test_config(database_url).await;
        adjust(&mut config);
        let mut db = server::database::connect(&config)
            .await
            .expect("test database connects");
        server::database::migrate_up(&db, &config)
            .await
            .expect("migrations apply");
        let queries = Arc::new(AtomicUsize::new(0));
        let counter = queries.clone();
        let trace = std::env::var_os("TRACE_SQL").is_some();
        db.set_metric_callback(move |info| {
            counter.fetch_add(1, Ordering::SeqCst);
            if trace {
                TRACE
                    .lock()
                    .unwrap()
                    .push((info.elapsed, info.statement.sql.clone()));
            }
        });
        let (addr, state) = serve(config, db, Clock::system()).await;
        let sites = site_ids(&state.db).await;
        TestApp {
            base: format!("http://{addr}"),
            queries,
            state,
            sites,
            _sqlite_dir: sqlite_dir,
            _pg: pg,
        }
    }

    /// The app on a new, empty database into which `backup` was restored (then migrated),
    /// with the restore's report.
    pub async fn spawn_restored(
        backup: &std::path::Path,
    ) -> Result<(TestApp, server::backup::Restored), server::backup::RestoreError> {
        let (database_url, sqlite_dir, pg) = fresh_database().await;
        let config = test_config(database_url).await;
        let db = server::database::connect(&config)
            .await
            .expect("empty database connects");
        let restored = server::backup::restore(&db, &config, backup).await?;
        server::database::migrate_up(&db, &config)
            .await
            .expect("migrations apply after a restore");
        let (addr, state) = serve(config, db, Clock::system()).await;
        let sites = site_ids(&state.db).await;
        let app = TestApp {
            base: format!("http://{addr}"),
            queries: Arc::new(AtomicUsize::new(0)),
            state,
            sites,
            _sqlite_dir: sqlite_dir,
            _pg: pg,
        };
        Ok((app, restored))
    }

    /// A second instance of the app on the same database: its own connection pool, its
    /// own listener, nothing shared in memory. Drop it before `self`.
    pub async fn second_instance(&self) -> TestApp {
        let config = (*self.state.config).clone();
        let db = server::database::connect(&config)
            .await
            .expect("second instance connects");
        let (addr, state) = serve(config, db, self.state.clock.clone()).await;
        TestApp {
            base: format!("http://{addr}"),
            queries: Arc::new(AtomicUsize::new(0)),
            state,
            sites: self.sites.clone(),
            _sqlite_dir: None,
            _pg: None,
        }
    }

    /// How many statements the server runs to answer a GET of `path` from `client`
    /// (its status must be 200).
    pub async fn queries_of(&self, client: &Client, path: &str) -> usize {
        self.queries.store(0, Ordering::SeqCst);
        let response = self.get(client, path).await;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        assert_eq!(status, 200, "GET {path}: {}", &body[..body.len().min(300)]);
        self.queries.load(Ordering::SeqCst)
    }

    pub fn site(&self, code: &str) -> i64 {
        self.sites[code]
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A connection to the test database that counts its statements, for asserting that a
    /// list takes a fixed number of queries however long it is.
    pub fn counting_db(&self) -> (sea_orm::DatabaseConnection, Arc<AtomicUsize>) {
        let mut db = self.state.db.clone();
        let queries = Arc::new(AtomicUsize::new(0));
        let counter = queries.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        (db, queries)
    }

    /// The use cases' environment over `db`.
    pub fn env<'a>(&'a self, db: &'a sea_orm::DatabaseConnection) -> siap_jepang::platform::state::Env<'a> {
        siap_jepang::platform::state::Env {
            db,
            clock: &self.state.clock,
            config: &self.state.config,
            writes: &self.state.writes,
            ports: self.state.ports,
            memo: &self.state.memo,
            limits: &self.state.limits,
        }
    }

    /// A browser-like client with its own cookie jar that does not follow redirects.
    pub fn client(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .expect("client")
    }

    pub fn advance(&self, by: Duration) {
        self.state.clock.advance(by);
    }

    /// Creates an active account with [`PASSWORD`] directly in the database.
    pub async fn user(&self, role: Role, login: &str, sites: &[&str]) -> i64 {
        self.user_named(role, login, &format!("Uji {}", role.as_str()), sites)
            .await
    }

    pub async fn user_named(&self, role: Role, login: &str, name: &str, sites: &[&str]) -> i64 {
        let login = LoginId::parse(login).expect("a valid test login");
        let sites = sites.iter().map(|code| self.site(code)).collect();
        let input = NewAccountInput::with_login(role, name, &login, sites);
        let checked = NewPassword::parse(PASSWORD, PASSWORD, &[]).expect("test password passes the policy");
        let hash = password::hash(&checked).await.expect("hash");
        provision_account(
            &self.state.db,
            self.state.clock.now(),
            &input,
            Some(&hash),
            AuditAction::CliUserCreate,
        )
        .await
        .expect("test account created")
    }

    /// POSTs a form the way a browser without JavaScript does (same origin, Accept HTML).
    pub async fn post_form(&self, client: &Client, path: &str, form: &[(&str, &str)]) -> Response {
        self.post_form_from(client, "/", path, form).await
    }

    /// POSTs a form from the page `from` (where a refusal sends the browser back to).
    pub async fn post_form_from(
        &self,
        client: &Client,
        from: &str,
        path: &str,
        form: &[(&str, &str)],
    ) -> Response {
        client
            .post(self.url(path))
            .header(header::ORIGIN, &self.base)
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::REFERER, self.url(from))
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// POSTs to a server function the way its JavaScript client does (JSON answers).
    pub async fn call(&self, client: &Client, path: &str, form: &[(&str, &str)]) -> Response {
        client
            .post(self.url(path))
            .header(header::ORIGIN, &self.base)
            .header(header::ACCEPT, "application/json")
            .form(form)
            .send()
            .await
            .expect("request")
    }

    pub async fn get(&self, client: &Client, path: &str) -> Response {
        client
            .get(self.url(path))
            .header(header::ACCEPT, "text/html")
            .send()
            .await
            .expect("request")
    }

    pub async fn get_api(&self, client: &Client, path: &str) -> Response {
        client
            .get(self.url(path))
            .header(header::ACCEPT, "application/json")
            .send()
            .await
            .expect("request")
    }

    /// A JSON sign-in attempt from a fresh client (no cookies).
    pub async fn attempt_sign_in(&self, login: &str, password: &str) -> Response {
        self.call(
            &self.client(),
            "/api/accounts/sign-in",
            &[("login", login), ("password", password)],
        )
        .await
    }

    /// A client signed in as `login` (via the JSON sign-in).
    pub async fn signed_in(&self, login: &str) -> Client {
        let client = self.client();
        let response = self
            .call(
                &client,
                "/api/accounts/sign-in",
                &[("login", login), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(
            response.status(),
            200,
            "sign-in of {login} failed: {}",
            response.text().await.unwrap_or_default()
        );
        client
    }
}

async fn fresh_database() -> (String, Option<tempfile::TempDir>, Option<PgDatabase>) {
    if backend() == "postgres" {
        let admin_url =
            std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned());
        let name = unique_name();
        let admin = Database::connect(&admin_url)
            .await
            .expect("PostgreSQL reachable for tests");
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create test database");
        let (prefix, _) = admin_url.rsplit_once('/').expect("postgres URL has a database");
        let url = format!("{prefix}/{name}");
        (url, None, Some(PgDatabase { admin_url, name }))
    } else {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
        (url, Some(dir), None)
    }
}

/// The server-function error in a JSON answer, e.g. `"InvalidCredentials"` or
/// `{"Invalid": [...]}`.
pub async fn error_of(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let body = response.text().await.unwrap_or_default();
    (status, serde_json::from_str(&body).unwrap_or(Value::String(body)))
}

/// The name of the error variant ("InvalidCredentials", "Invalid", …).
pub fn variant(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Object(map) => map.keys().next().cloned().unwrap_or_default(),
        other => other.to_string(),
    }
}

/// The `(field, problem)` pairs of an `Invalid` error.
pub fn field_problems(value: &Value) -> Vec<(String, String)> {
    value["Invalid"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_owned(),
                        variant(&e["problem"]),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The (first) `Set-Cookie` header of a response, attributes included.
pub fn set_cookie(response: &Response) -> String {
    response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// `name=value` of the cookie a response sets, as a browser sends it back.
pub fn cookie_pair(response: &Response) -> String {
    set_cookie(response)
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned()
}

pub fn location(response: &Response) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The id of a programme or course seeded by the migrations, by code.
pub async fn reference_ids(app: &TestApp) -> (i64, i64) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use siap_jepang::entities::{courses, programmes};
    let programme = programmes::Entity::find()
        .filter(programmes::Column::Code.eq("SSW-KAIGO"))
        .one(&app.state.db)
        .await
        .expect("programmes readable")
        .expect("seeded programme");
    let course = courses::Entity::find()
        .filter(courses::Column::Code.eq("BJ-N4-360"))
        .one(&app.state.db)
        .await
        .expect("courses readable")
        .expect("seeded course");
    (programme.id, course.id)
}

impl TestApp {
    /// A room at `site` holding `capacity` people.
    pub async fn room(&self, site: &str, name: &str, capacity: u32) -> i64 {
        siap_jepang::cohorts::db::insert_room(
            &self.state.db,
            self.site(site),
            name,
            capacity,
            self.state.clock.now(),
        )
        .await
        .expect("room inserted")
        .id
    }

    /// A running cohort at `site` from `starts_on` to `ends_on` (ISO dates) with its
    /// instructors and members, straight into the database.
    pub async fn cohort(
        &self,
        code: &str,
        site: &str,
        dates: (&str, &str),
        instructors: &[i64],
        members: &[i64],
    ) -> i64 {
        use siap_jepang::cohorts::model::{CohortCode, CohortStatus, ValidCohort};
        let (programme_id, course_id) = reference_ids(self).await;
        let valid = ValidCohort {
            code: CohortCode::parse(code).expect("valid code"),
            course_id,
            programme_id,
            site_id: self.site(site),
            room_id: None,
            capacity: 30,
            starts_on: siap_jepang::kernel::wib::parse_iso_date(dates.0).expect("ISO date"),
            ends_on: siap_jepang::kernel::wib::parse_iso_date(dates.1).expect("ISO date"),
            attendance_threshold: 80,
            status: CohortStatus::Running,
            instructor_ids: instructors.to_vec(),
        };
        let cohort = siap_jepang::cohorts::db::insert_cohort(
            &self.state.db,
            &valid,
            self.state.clock.now(),
            siap_jepang::kernel::AccountId(instructors.first().copied().unwrap_or(1)),
        )
        .await
        .expect("cohort inserted");
        for member in members {
            self.enroll_active(cohort.id, *member).await;
        }
        cohort.id
    }

    /// A trainee record for the account `user_id` (a generated valid NIK), active in
    /// `cohort`, straight into the database.
    pub async fn enroll_active(&self, cohort: i64, user_id: i64) -> i64 {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
        use siap_jepang::entities::{trainees, users};
        let user = users::Entity::find_by_id(user_id)
            .one(&self.state.db)
            .await
            .unwrap()
            .expect("user");
        let trainee = match trainees::Entity::find()
            .filter(trainees::Column::UserId.eq(user_id))
            .one(&self.state.db)
            .await
            .unwrap()
        {
            Some(trainee) => trainee,
            None => {
                let now = self.state.clock.now();
                trainees::Entity::insert(trainees::ActiveModel {
                    nik: Set(format!("36730101019{:05}", user_id % 100_000)),
                    user_id: Set(Some(user_id)),
                    site_id: Set(user.home_site_id.unwrap_or_else(|| self.site("BBPLK-SRG"))),
                    full_name: Set(user.display_name.clone()),
                    name_key: Set(user.display_name.to_lowercase().replace(' ', "")),
                    birth_place: Set("Serang".into()),
                    birth_date: Set(time::macros::date!(1990 - 01 - 01)),
                    sex: Set("M".into()),
                    address: Set(String::new()),
                    regency_code: Set(Some("3673".into())),
                    regency_name: Set("Kota Serang".into()),
                    phone: Set(user.phone.clone()),
                    education: Set("sma".into()),
                    source: Set("other".into()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                })
                .exec_with_returning(&self.state.db)
                .await
                .expect("trainee record inserted")
            }
        };
        self.enroll_record(cohort, trainee.id, "active").await
    }

    /// A scheduled session of `cohort` (RFC 3339 instants), straight into the database.
    pub async fn session(
        &self,
        cohort: i64,
        starts_at: &str,
        ends_at: &str,
        instructor: Option<i64>,
        room: Option<i64>,
    ) -> i64 {
        use sea_orm::{EntityTrait, Set};
        use siap_jepang::entities::class_sessions;
        let parse = |value: &str| {
            time::OffsetDateTime::parse(value, &time::format_description::well_known::Rfc3339)
                .expect("RFC 3339")
        };
        class_sessions::Entity::insert(class_sessions::ActiveModel {
            cohort_id: Set(cohort),
            starts_at: Set(parse(starts_at)),
            ends_at: Set(parse(ends_at)),
            room_id: Set(room),
            instructor_id: Set(instructor),
            unit_id: Set(None),
            status: Set("scheduled".into()),
            created_at: Set(self.state.clock.now()),
            ..Default::default()
        })
        .exec_with_returning(&self.state.db)
        .await
        .expect("session inserted")
        .id
    }
}

/// Runs the futures concurrently on this task and returns their outputs in order (no
/// extra dependency).
pub async fn join_all<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut set = Vec::new();
    for future in futures {
        set.push(Box::pin(future));
    }
    let mut outputs: Vec<Option<F::Output>> = set.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, future) in set.iter_mut().enumerate() {
            if outputs[i].is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(output) => outputs[i] = Some(output),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().map(Option::unwrap).collect()
}

/// With `TRACE_SQL` set, every statement's time and text, in order (the benchmarks print
/// them to show where a use case spends its time).
pub static TRACE: std::sync::Mutex<Vec<(std::time::Duration, String)>> = std::sync::Mutex::new(Vec::new());

/// A tiny valid PNG (a doctor's note, a passport scan).
pub const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00,
    0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05,
    0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42,
    0x60, 0x82,
];
