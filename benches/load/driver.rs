//! The load driver's engine: signs in as many users, replays a mix of their requests for
//! a while, and measures a bare axum handler serving the same bytes on the same machine.
//! Used by `benches/load/main.rs` (the command) and by the integration tests (errors are
//! counted, never hidden).

use reqwest::{header, Client, StatusCode};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a request does, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    TraineeSchedule,
    TraineeAttendance,
    InstructorToday,
    RollCallSave,
    CoordinatorRoster,
    ReadinessDashboard,
    ReadinessExport,
    /// A reference, not traffic: the sign-in page to someone not signed in, i.e. the same
    /// middleware, router and page rendering with no session and no SQL. Measured alone
    /// only (no share of the mixed traffic), so the ratio of the framework's floor stands
    /// next to the pages' own.
    AnonymousSignIn,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::TraineeSchedule,
        Kind::TraineeAttendance,
        Kind::InstructorToday,
        Kind::RollCallSave,
        Kind::CoordinatorRoster,
        Kind::ReadinessDashboard,
        Kind::ReadinessExport,
        Kind::AnonymousSignIn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::TraineeSchedule => "trainee GET /jadwal",
            Kind::TraineeAttendance => "trainee GET /kehadiran",
            Kind::InstructorToday => "instructor GET /kehadiran",
            Kind::RollCallSave => "instructor POST roll call (save)",
            Kind::CoordinatorRoster => "coordinator GET /angkatan/{id}",
            Kind::ReadinessDashboard => "coordinator GET /kesiapan",
            Kind::ReadinessExport => "coordinator GET /kesiapan/ekspor (CSV)",
            Kind::AnonymousSignIn => "reference: anonymous GET /masuk (no session, no SQL)",
        }
    }

    /// The name `--only` knows it by.
    pub fn short(self) -> &'static str {
        match self {
            Kind::TraineeSchedule => "jadwal",
            Kind::TraineeAttendance => "kehadiran",
            Kind::InstructorToday => "instructor",
            Kind::RollCallSave => "save",
            Kind::CoordinatorRoster => "roster",
            Kind::ReadinessDashboard => "dashboard",
            Kind::ReadinessExport => "export",
            Kind::AnonymousSignIn => "floor",
        }
    }

    /// A reference measurement rather than a user's traffic (no share of the mix).
    pub fn is_reference(self) -> bool {
        self.weight() == 0
    }

    /// Share of the mixed traffic, out of 100.
    fn weight(self) -> usize {
        match self {
            Kind::TraineeSchedule => 35,
            Kind::TraineeAttendance => 15,
            Kind::InstructorToday => 10,
            Kind::RollCallSave => 15,
            Kind::CoordinatorRoster => 12,
            Kind::ReadinessDashboard => 10,
            Kind::ReadinessExport => 3,
            Kind::AnonymousSignIn => 0,
        }
    }
}

/// A signed-in user: the cookie to send, and what they work on.
#[derive(Debug, Clone)]
pub struct Persona {
    pub cookie: String,
    /// Instructors: the session whose roll call they save and its trainees; coordinators:
    /// a cohort of their site.
    pub session: Option<(i64, Vec<i64>)>,
    pub cohort: Option<i64>,
}

/// The users of one role.
#[derive(Debug, Default, Clone)]
pub struct Cast {
    pub trainees: Vec<Persona>,
    pub instructors: Vec<Persona>,
    pub coordinators: Vec<Persona>,
    /// `Accept-Encoding` sent with every request (none: uncompressed answers).
    pub accept_encoding: Option<String>,
}

/// One request ready to send.
pub struct Request {
    pub kind: Kind,
    pub post: Option<String>,
    pub path: String,
    pub cookie: String,
    pub accept_encoding: Option<String>,
}

impl Cast {
    fn people(&self, kind: Kind) -> &[Persona] {
        match kind {
            Kind::TraineeSchedule | Kind::TraineeAttendance | Kind::AnonymousSignIn => &self.trainees,
            Kind::InstructorToday | Kind::RollCallSave => &self.instructors,
            _ => &self.coordinators,
        }
    }

    /// The `n`-th request of `kind` (users taken in turn).
    pub fn request(&self, kind: Kind, n: usize) -> Option<Request> {
        let people = self.people(kind);
        let person = people.get(n % people.len().max(1))?;
        let (path, post) = match kind {
            Kind::TraineeSchedule => ("/jadwal".to_owned(), None),
            Kind::TraineeAttendance | Kind::InstructorToday => ("/kehadiran".to_owned(), None),
            Kind::RollCallSave => {
                let (session, trainees) = person.session.as_ref()?;
                let mut form = format!("session_id={session}");
                for (i, trainee) in trainees.iter().enumerate() {
                    let status = match (i + n) % 11 {
                        0 => "terlambat",
                        5 => "izin",
                        _ => "hadir",
                    };
                    form.push_str(&format!("&status%5B{trainee}%5D={status}"));
                }
                ("/api/attendance/save".to_owned(), Some(form))
            }
            Kind::CoordinatorRoster => (format!("/angkatan/{}", person.cohort?), None),
            Kind::ReadinessDashboard => ("/kesiapan".to_owned(), None),
            Kind::ReadinessExport => ("/kesiapan/ekspor?format=csv".to_owned(), None),
            Kind::AnonymousSignIn => ("/masuk".to_owned(), None),
        };
        // A reference is measured as someone not signed in.
        let cookie = if kind.is_reference() {
            String::new()
        } else {
            person.cookie.clone()
        };
        Some(Request {
            kind,
            post,
            path,
            cookie,
            accept_encoding: self.accept_encoding.clone(),
        })
    }

    /// The request kinds this cast can make.
    pub fn kinds(&self) -> Vec<Kind> {
        Kind::ALL
            .into_iter()
            .filter(|kind| self.request(*kind, 0).is_some())
            .collect()
    }
}

/// The client every run uses: keep-alive, TCP_NODELAY, no redirects followed, no
/// decompression (compression is asked for only with `--accept-encoding`, and then the
/// ceiling serves the same compressed bytes).
pub fn client() -> Client {
    Client::builder()
        .tcp_nodelay(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(512)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("HTTP client")
}

/// Signs in; returns the cookie header to send afterwards.
///
/// # Errors
/// A message naming the login and what went wrong.
pub async fn sign_in(client: &Client, base: &str, login: &str, password: &str) -> Result<String, String> {
    let response = client
        .post(format!("{base}/api/accounts/sign-in"))
        .header(header::ORIGIN, base)
        .header(header::ACCEPT, "application/json")
        .form(&[("login", login), ("password", password)])
        .send()
        .await
        .map_err(|e| format!("sign-in of {login}: {e}"))?;
    if response.status() != StatusCode::OK {
        return Err(format!("sign-in of {login}: HTTP {}", response.status()));
    }
    let cookies: Vec<String> = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .map(str::to_owned)
        .collect();
    Ok(cookies.join("; "))
}

/// Latencies and failures of one request kind.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub micros: Vec<u32>,
    pub errors: usize,
    pub bytes: usize,
}

impl Tally {
    pub fn quantile(&self, q: f64) -> Duration {
        if self.micros.is_empty() {
            return Duration::ZERO;
        }
        let mut sorted = self.micros.clone();
        sorted.sort_unstable();
        let at = ((sorted.len() - 1) as f64 * q).round() as usize;
        Duration::from_micros(u64::from(sorted[at]))
    }
}

/// What a run measured.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    pub tallies: BTreeMap<Kind, Tally>,
    pub elapsed: Duration,
    /// The first few failures, in words.
    pub samples: Vec<String>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.tallies.values().map(|t| t.errors).sum()
    }
    pub fn requests(&self) -> usize {
        self.tallies.values().map(|t| t.micros.len() + t.errors).sum()
    }
    pub fn per_second(&self, kind: Kind) -> f64 {
        self.tallies.get(&kind).map_or(0.0, |t| {
            t.micros.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
        })
    }
}

/// Sends requests from `workers` tasks for `length`, spread over `bases` in turn; a
/// request counts as failed unless it gets a 2xx.
pub async fn run(
    bases: &[String],
    cast: Arc<Cast>,
    kinds: &[Kind],
    workers: usize,
    length: Duration,
) -> Outcome {
    let client = client();
    let plan: Arc<Vec<Kind>> = Arc::new(
        kinds
            .iter()
            .flat_map(|k| std::iter::repeat_n(*k, if kinds.len() == 1 { 1 } else { k.weight() }))
            .collect(),
    );
    let counter = Arc::new(AtomicUsize::new(0));
    let outcome = Arc::new(Mutex::new(Outcome::default()));
    let began = Instant::now();
    let deadline = began + length;
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (client, cast, plan, counter, outcome) = (
            client.clone(),
            cast.clone(),
            plan.clone(),
            counter.clone(),
            outcome.clone(),
        );
        let bases = bases.to_vec();
        tasks.push(tokio::spawn(async move {
            let mut mine: BTreeMap<Kind, Tally> = BTreeMap::new();
            let mut samples = Vec::new();
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let kind = plan[(n * 7919) % plan.len()];
                let Some(request) = cast.request(kind, n / plan.len()) else {
                    continue;
                };
                let base = &bases[n % bases.len()];
                let tally = mine.entry(kind).or_default();
                let began = Instant::now();
                match send(&client, base, &request).await {
                    Ok(bytes) => {
                        tally
                            .micros
                            .push(u32::try_from(began.elapsed().as_micros()).unwrap_or(u32::MAX));
                        tally.bytes = bytes;
                    }
                    Err(error) => {
                        tally.errors += 1;
                        if samples.len() < 3 {
                            samples.push(format!("{} {}{}: {error}", kind.label(), base, request.path));
                        }
                        // A refused connection fails at once: do not spin.
                        tokio::time::sleep(Duration::from_millis(5)).await;
                    }
                }
            }
            let mut all = outcome.lock().expect("tally lock");
            for (kind, tally) in mine {
                let into = all.tallies.entry(kind).or_default();
                into.micros.extend(tally.micros);
                into.errors += tally.errors;
                into.bytes = into.bytes.max(tally.bytes);
            }
            for sample in samples {
                if all.samples.len() < 10 {
                    all.samples.push(sample);
                }
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    let mut result = outcome.lock().expect("tally lock").clone();
    result.elapsed = began.elapsed();
    result
}

/// The HTTP request for `request` on `base`: a GET of a page, or a server-function POST
/// the way its JavaScript client sends it.
fn build(client: &Client, base: &str, request: &Request) -> reqwest::RequestBuilder {
    let url = format!("{base}{}", request.path);
    let builder = match &request.post {
        Some(form) => client
            .post(url)
            .header(header::ORIGIN, base)
            .header(header::ACCEPT, "application/json")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form.clone()),
        None => client.get(url).header(header::ACCEPT, "text/html"),
    };
    let builder = match &request.accept_encoding {
        Some(accepted) => builder.header(header::ACCEPT_ENCODING, accepted),
        None => builder,
    };
    if request.cookie.is_empty() {
        builder
    } else {
        builder.header(header::COOKIE, &request.cookie)
    }
}

async fn send(client: &Client, base: &str, request: &Request) -> Result<usize, String> {
    let response = build(client, base, request)
        .send()
        .await
        .map_err(|e| format!("{e}"))?;
    let status = response.status();
    let body = response.bytes().await.map_err(|e| format!("{e}"))?;
    if status.is_success() {
        Ok(body.len())
    } else {
        Err(format!(
            "HTTP {status}: {}",
            String::from_utf8_lossy(&body[..body.len().min(200)])
        ))
    }
}

/// What the ceiling serves: path → content type and bytes.
pub type Pages = BTreeMap<String, (String, Vec<u8>)>;

/// The bare-axum ceiling: serves `pages` (path → content type and bytes) from memory on
/// 127.0.0.1 with TCP_NODELAY, as the app serves its pages. Returns its base URL.
pub async fn ceiling(pages: Pages) -> String {
    use axum::{body::Body, extract::State, http::Uri, response::Response, Router};
    let pages = Arc::new(pages);
    async fn serve(State(pages): State<Arc<Pages>>, uri: Uri) -> Response {
        let key = uri.path_and_query().map_or("/", |p| p.as_str());
        match pages.get(key).or_else(|| pages.get(uri.path())) {
            Some((kind, bytes)) => Response::builder()
                .header(header::CONTENT_TYPE, kind.as_str())
                .body(Body::from(bytes.clone()))
                .unwrap_or_default(),
            None => Response::builder()
                .status(404)
                .body(Body::empty())
                .unwrap_or_default(),
        }
    }
    let app = Router::new().fallback(serve).with_state(pages);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the ceiling");
    let base = format!("http://{}", listener.local_addr().expect("ceiling address"));
    tokio::spawn(async move {
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let _ = axum::serve(listener, app.into_make_service()).await;
    });
    base
}

/// Fetches what the app answers to `request` (for the ceiling to serve the same bytes).
pub async fn capture(client: &Client, base: &str, request: &Request) -> Result<(String, Vec<u8>), String> {
    let response = build(client, base, request)
        .send()
        .await
        .map_err(|e| format!("{} {}: {e}", request.kind.label(), request.path))?;
    let status = response.status();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("text/html")
        .to_owned();
    let body = response.bytes().await.map_err(|e| e.to_string())?.to_vec();
    if !status.is_success() {
        return Err(format!(
            "{} {}: HTTP {status}",
            request.kind.label(),
            request.path
        ));
    }
    Ok((kind, body))
}
