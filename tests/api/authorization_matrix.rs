//! For every registered server function and every page route, each role (and anonymous)
//! is either allowed or denied, proven with real requests. The lists of server functions
//! and routes come from the application itself: a new one without a row here fails.

use crate::helpers::*;
use siap_jepang::kernel::Role;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    Trainee,
    Instructor,
    Coordinator,
    Admin,
}

const EVERYONE: [Who; 5] = [
    Who::Anonymous,
    Who::Trainee,
    Who::Instructor,
    Who::Coordinator,
    Who::Admin,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Everyone,
    SignedIn,
    /// Coordinators and admins (user administration, audit log).
    Administrators,
    AdminOnly,
    /// Instructors, coordinators and admins.
    Staff,
}

impl Access {
    fn allows(self, who: Who) -> bool {
        match self {
            Access::Everyone => true,
            Access::SignedIn => who != Who::Anonymous,
            Access::Administrators => matches!(who, Who::Coordinator | Who::Admin),
            Access::AdminOnly => who == Who::Admin,
            Access::Staff => matches!(who, Who::Instructor | Who::Coordinator | Who::Admin),
        }
    }
}

struct Fixture {
    app: TestApp,
    /// A trainee at the coordinator's site, the target of user-administration calls.
    target: i64,
    /// A cohort at the coordinator's site, taught by the instructor, with the trainee.
    cohort: i64,
    /// One of its sessions.
    session: i64,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let trainee = app.user(Role::Trainee, "0812-0000-0001", &["BBPLK-SRG"]).await;
    let instructor = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let target = app.user(Role::Trainee, "0812-0000-0009", &["BBPLK-SRG"]).await;
    let cohort = app
        .cohort(
            "JP-UJI-01",
            "BBPLK-SRG",
            ("2026-01-05", "2027-12-31"),
            &[instructor],
            &[trainee],
        )
        .await;
    let session = app
        .session(
            cohort,
            "2027-02-01T01:00:00Z",
            "2027-02-01T05:00:00Z",
            Some(instructor),
            None,
        )
        .await;
    Fixture {
        app,
        target,
        cohort,
        session,
    }
}

impl Fixture {
    async fn client(&self, who: Who) -> reqwest::Client {
        match who {
            Who::Anonymous => self.app.client(),
            Who::Trainee => self.app.signed_in("0812-0000-0001").await,
            Who::Instructor => self.app.signed_in("sensei@uji.id").await,
            Who::Coordinator => self.app.signed_in("rina@uji.id").await,
            Who::Admin => self.app.signed_in("admin@uji.id").await,
        }
    }
}

/// A server function path, who may call it, and a form or query with well-formed arguments.
type ServerFunctionRow = (&'static str, Access, Vec<(&'static str, String)>);

fn server_function_rows(target: i64, cohort: i64, session: i64) -> Vec<ServerFunctionRow> {
    let target = target.to_string();
    let cohort = cohort.to_string();
    let session = session.to_string();
    vec![
        (
            "/api/accounts/sign-in",
            Access::Everyone,
            vec![
                ("login", "nobody@uji.id".into()),
                ("password", "bukan sandi siapa pun".into()),
            ],
        ),
        ("/api/accounts/sign-out", Access::Everyone, vec![]),
        (
            "/api/accounts/activate",
            Access::Everyone,
            vec![
                ("code", "ABCD-EFGH-JKMN".into()),
                ("password", "x".into()),
                ("password_confirm", "x".into()),
            ],
        ),
        (
            "/api/accounts/change-password",
            Access::SignedIn,
            vec![
                ("current_password", "bukan sandi lama".into()),
                ("password", "y".into()),
                ("password_confirm", "y".into()),
            ],
        ),
        ("/api/accounts/end-other-sessions", Access::SignedIn, vec![]),
        (
            "/api/accounts/end-session",
            Access::SignedIn,
            vec![("session_id", "999999".into())],
        ),
        ("/api/accounts/me", Access::SignedIn, vec![]),
        (
            "/api/users/list",
            Access::Administrators,
            vec![("filter[q]", "uji".into())],
        ),
        (
            "/api/users/get",
            Access::Administrators,
            vec![("user_id", target.clone())],
        ),
        ("/api/users/form-options", Access::Administrators, vec![]),
        (
            "/api/users/create",
            Access::Administrators,
            vec![("role", "trainee".into()), ("display_name", "".into())],
        ),
        (
            "/api/users/issue-code",
            Access::Administrators,
            vec![("user_id", target.clone())],
        ),
        (
            "/api/users/deactivate",
            Access::Administrators,
            vec![("user_id", "999999".into())],
        ),
        (
            "/api/users/reactivate",
            Access::Administrators,
            vec![("user_id", "999999".into())],
        ),
        (
            "/api/users/change-role",
            Access::AdminOnly,
            vec![("user_id", target), ("role", "trainee".into())],
        ),
        (
            "/api/audit/list",
            Access::Administrators,
            vec![("filter[action]", "sign_in".into())],
        ),
        (
            "/api/prefs/language",
            Access::Everyone,
            vec![("lang", "id".into())],
        ),
        ("/api/cohorts/catalogue", Access::Staff, vec![]),
        (
            "/api/cohorts/add-room",
            Access::Administrators,
            vec![("name", "".into()), ("capacity", "x".into())],
        ),
        (
            "/api/cohorts/add-programme",
            Access::AdminOnly,
            vec![
                ("code", "".into()),
                ("name", "".into()),
                ("track", "ssw".into()),
                ("language_target", "n4".into()),
            ],
        ),
        (
            "/api/cohorts/add-course",
            Access::AdminOnly,
            vec![
                ("code", "".into()),
                ("name", "".into()),
                ("level", "n4".into()),
                ("total_hours", "0".into()),
                ("units", "".into()),
            ],
        ),
        (
            "/api/cohorts/list",
            Access::Staff,
            vec![("filter[q]", "uji".into())],
        ),
        (
            "/api/cohorts/get",
            Access::SignedIn,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/cohorts/form",
            Access::Administrators,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/cohorts/create",
            Access::Administrators,
            vec![
                ("code", "".into()),
                ("capacity", "".into()),
                ("starts_on", "".into()),
                ("ends_on", "".into()),
            ],
        ),
        (
            "/api/cohorts/update",
            Access::Administrators,
            vec![
                ("cohort_id", cohort.clone()),
                ("code", "".into()),
                ("capacity", "".into()),
                ("starts_on", "".into()),
                ("ends_on", "".into()),
            ],
        ),
        ("/api/schedule/mine", Access::SignedIn, vec![]),
        (
            "/api/schedule/cohort",
            Access::SignedIn,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/schedule/generation",
            Access::Administrators,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/schedule/generate",
            Access::Administrators,
            vec![
                ("cohort_id", cohort.clone()),
                ("start_time", "".into()),
                ("end_time", "".into()),
                ("from", "".into()),
            ],
        ),
        (
            "/api/schedule/session",
            Access::SignedIn,
            vec![("session_id", session.clone())],
        ),
        (
            "/api/schedule/move",
            Access::Administrators,
            vec![
                ("session_id", session.clone()),
                ("date", "".into()),
                ("start_time", "".into()),
                ("end_time", "".into()),
                ("reason", "".into()),
            ],
        ),
        (
            "/api/schedule/cancel",
            Access::Administrators,
            vec![("session_id", session), ("reason", "".into())],
        ),
        (
            "/api/schedule/calendar",
            Access::Staff,
            vec![("filter[view]", "week".into())],
        ),
        (
            "/api/schedule/print",
            Access::SignedIn,
            vec![("cohort_id", cohort)],
        ),
        (
            "/api/schedule/holidays",
            Access::SignedIn,
            vec![("year", "2026".into())],
        ),
        (
            "/api/schedule/save-holiday",
            Access::Administrators,
            vec![
                ("date", "".into()),
                ("name", "".into()),
                ("kind", "national".into()),
            ],
        ),
        (
            "/api/schedule/delete-holiday",
            Access::Administrators,
            vec![("holiday_id", "999999".into())],
        ),
        ("/api/schedule/feed-reset", Access::SignedIn, vec![]),
        ("/api/schedule/feed-revoke", Access::SignedIn, vec![]),
    ]
}

fn page_rows(target: i64, cohort: i64, session: i64) -> Vec<(&'static str, String, Access)> {
    vec![
        ("/", "/".into(), Access::Everyone),
        ("/masuk", "/masuk".into(), Access::Everyone),
        ("/aktivasi", "/aktivasi".into(), Access::Everyone),
        ("/akun", "/akun".into(), Access::SignedIn),
        ("/pengguna", "/pengguna".into(), Access::Administrators),
        ("/pengguna/baru", "/pengguna/baru".into(), Access::Administrators),
        (
            "/pengguna/{id}",
            format!("/pengguna/{target}"),
            Access::Administrators,
        ),
        ("/audit", "/audit".into(), Access::Administrators),
        ("/program", "/program".into(), Access::Staff),
        ("/angkatan", "/angkatan".into(), Access::Staff),
        ("/angkatan/baru", "/angkatan/baru".into(), Access::Administrators),
        (
            "/angkatan/{id}/ubah",
            format!("/angkatan/{cohort}/ubah"),
            Access::Administrators,
        ),
        ("/angkatan/{id}", format!("/angkatan/{cohort}"), Access::SignedIn),
        (
            "/angkatan/{id}/jadwalkan",
            format!("/angkatan/{cohort}/jadwalkan"),
            Access::Administrators,
        ),
        (
            "/angkatan/{id}/cetak",
            format!("/angkatan/{cohort}/cetak"),
            Access::SignedIn,
        ),
        ("/sesi/{id}", format!("/sesi/{session}"), Access::SignedIn),
        ("/jadwal", "/jadwal".into(), Access::SignedIn),
        ("/kalender", "/kalender".into(), Access::Staff),
        ("/libur", "/libur".into(), Access::SignedIn),
    ]
}

#[test]
fn the_matrix_covers_every_registered_server_function() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    let covered: BTreeSet<String> = server_function_rows(1, 1, 1)
        .into_iter()
        .map(|(path, ..)| path.to_owned())
        .collect();
    assert_eq!(registered, covered, "add a row for every new server function");
}

#[test]
fn the_matrix_covers_every_page_route() {
    let routes: BTreeSet<String> = leptos_axum::generate_route_list(siap_jepang::app::App)
        .into_iter()
        .map(|listing| listing.path().to_owned())
        .collect();
    let covered: BTreeSet<String> = page_rows(1, 1, 1)
        .into_iter()
        .map(|(route, ..)| route.to_owned())
        .collect();
    assert_eq!(routes, covered, "add a row for every new page");
}

#[tokio::test]
async fn every_server_function_allows_exactly_the_roles_it_should() {
    let fixture = fixture().await;
    let app = &fixture.app;
    let methods: std::collections::HashMap<String, String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method.to_string()))
        .collect();
    let mut failures = Vec::new();
    for who in EVERYONE {
        for (path, access, args) in server_function_rows(fixture.target, fixture.cohort, fixture.session) {
            // A fresh sign-in per call: some calls (sign-out, ending sessions) end the session.
            let client = fixture.client(who).await;
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = if methods[path] == "GET" {
                let query = serde_urlencoded_like(&args);
                app.get_api(&client, &format!("{path}?{query}")).await
            } else {
                app.call(&client, path, &args).await
            };
            let (status, error) = error_of(response).await;
            let denied = matches!(variant(&error).as_str(), "Unauthenticated" | "Forbidden")
                && matches!(status, 401 | 403);
            let expected_denied = !access.allows(who);
            if denied != expected_denied {
                failures.push(format!(
                    "{who:?} {path}: got {status} {error}, expected {}",
                    if expected_denied { "denied" } else { "allowed" }
                ));
            }
            if expected_denied {
                let expected_status = if who == Who::Anonymous { 401 } else { 403 };
                if status != expected_status {
                    failures.push(format!(
                        "{who:?} {path}: denied with {status}, expected {expected_status}"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorization matrix violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_page_allows_exactly_the_roles_it_should() {
    let fixture = fixture().await;
    let app = &fixture.app;
    let mut failures = Vec::new();
    for who in EVERYONE {
        let client = fixture.client(who).await;
        for (_, path, access) in page_rows(fixture.target, fixture.cohort, fixture.session) {
            let response = app.get(&client, &path).await;
            let status = response.status().as_u16();
            let target = location(&response);
            let outcome = match (access.allows(who), who) {
                // A trainee's start page is their schedule.
                (true, Who::Trainee) if path == "/" => (status == 302 && target == "/jadwal")
                    .then_some(())
                    .ok_or(format!("expected a redirect to /jadwal, got {status} {target}")),
                (true, _) => (status == 200)
                    .then_some(())
                    .ok_or(format!("expected 200, got {status}")),
                (false, Who::Anonymous) => (status == 302 && target.starts_with("/masuk?next="))
                    .then_some(())
                    .ok_or(format!("expected a redirect to sign-in, got {status} {target}")),
                (false, _) => (status == 403)
                    .then_some(())
                    .ok_or(format!("expected 403, got {status}")),
            };
            if let Err(message) = outcome {
                failures.push(format!("{who:?} GET {path}: {message}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "page access violations:\n{}",
        failures.join("\n")
    );
}

fn serde_urlencoded_like(args: &[(&str, &str)]) -> String {
    args.iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                siap_jepang::platform::page::encode(k),
                siap_jepang::platform::page::encode(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}
