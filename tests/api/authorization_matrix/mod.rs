//! For every registered server function and every page route, each role (and anonymous)
//! is either allowed or denied, proven with real requests. The lists of server functions
//! and routes come from the application itself: a new one without a row here fails.

mod bad_input;
pub mod objects;
mod rows;

use crate::support::*;
use rows::{file_rows, page_rows, server_function_rows, Access, Who, EVERYONE};
use siap_jepang::kernel::Role;
use std::collections::BTreeSet;

struct Fixture {
    app: TestApp,
    /// A trainee at the coordinator's site, the target of user-administration calls.
    target: i64,
    /// A cohort at the coordinator's site, taught by the instructor, with the trainee.
    cohort: i64,
    /// One of its sessions.
    session: i64,
    /// The trainee's record (registry id) and their enrollment in the cohort.
    record: i64,
    enrollment: i64,
    /// A roster the coordinator uploaded and has not confirmed.
    import: i64,
}

/// The ids the rows need. The role matrix sends destructive calls ids that exist nowhere
/// (`account`, `excuse`…); the object-scope matrix sends every row real ids of another
/// site's, cohort's or person's rows.
#[derive(Clone, Copy, Debug)]
pub struct Ids {
    /// An account to look at (a trainee at the coordinator's site).
    pub target: i64,
    pub cohort: i64,
    pub session: i64,
    pub record: i64,
    pub enrollment: i64,
    pub import: i64,
    /// An account to deactivate or reactivate.
    pub account: i64,
    /// A sign-in session to end.
    pub login_session: i64,
    pub excuse: i64,
    pub result: i64,
    pub document: i64,
    pub assessment: i64,
    pub closure: i64,
    pub site: i64,
    /// An integration key (admins only).
    pub key: i64,
    /// An issued certificate or letter (the person's).
    pub paper: i64,
}

impl Ids {
    /// Ids of rows that exist nowhere.
    pub const MISSING: Ids = Ids {
        target: 999_999_001,
        cohort: 999_999_002,
        session: 999_999_003,
        record: 999_999_004,
        enrollment: 999_999_005,
        import: 999_999_006,
        account: 999_999_007,
        login_session: 999_999_008,
        excuse: 999_999_009,
        result: 999_999_010,
        document: 999_999_011,
        assessment: 999_999_012,
        closure: 999_999_013,
        site: 999_999_014,
        key: 999_999_015,
        paper: 999_999_016,
    };
}

const ANY_IDS: Ids = Ids {
    target: 1,
    cohort: 1,
    session: 1,
    record: 1,
    enrollment: 1,
    import: 1,
    account: 1,
    login_session: 1,
    excuse: 1,
    result: 1,
    document: 1,
    assessment: 1,
    closure: 1,
    site: 1,
    key: 1,
    paper: 1,
};

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
    let (record, enrollment) = app.record_and_enrollment(trainee, cohort).await;
    // Self check-in opened for the session (so its code screen exists).
    app.open_check_in(session).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let import = app
        .upload_roster(
            &coordinator,
            "BBPLK-SRG",
            None,
            "nik;nama\n3673010101900001;Budi\n",
        )
        .await
        .expect("roster staged");
    Fixture {
        app,
        target,
        cohort,
        session,
        record,
        enrollment,
        import,
    }
}

impl Fixture {
    fn ids(&self) -> Ids {
        Ids {
            target: self.target,
            cohort: self.cohort,
            session: self.session,
            record: self.record,
            enrollment: self.enrollment,
            import: self.import,
            site: self.app.site("BBPLK-SRG"),
            ..Ids::MISSING
        }
    }

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
#[test]
fn the_matrix_covers_every_registered_server_function() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    let covered: BTreeSet<String> = server_function_rows(ANY_IDS)
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
    let covered: BTreeSet<String> = page_rows(ANY_IDS)
        .into_iter()
        .map(|(route, ..)| route.to_owned())
        .collect();
    assert_eq!(routes, covered, "add a row for every new page");
}

#[test]
fn the_matrix_covers_every_file_route() {
    let registered: BTreeSet<(String, String)> = siap_jepang::server::file_routes()
        .into_iter()
        .map(|route| (route.method.to_owned(), route.path.to_owned()))
        .collect();
    let covered: BTreeSet<(String, String)> = file_rows(ANY_IDS)
        .into_iter()
        .map(|row| (row.method.to_owned(), row.route.to_owned()))
        .collect();
    assert_eq!(registered, covered, "add a row for every new file route");
}

/// A multipart form as a browser without JavaScript sends it (with an empty file).
pub fn multipart_of(fields: &[(&'static str, String)]) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text(*name, value.clone());
    }
    for file in ["file", "note", "scan"] {
        form = form.part(file, reqwest::multipart::Part::bytes(Vec::new()).file_name(""));
    }
    form
}

/// Sends a file row's request from `client`.
pub async fn send_file_row(
    app: &TestApp,
    client: &reqwest::Client,
    row: &rows::FileRow,
) -> reqwest::Response {
    if row.method == "GET" {
        app.get(client, &row.path).await
    } else {
        client
            .post(app.url(&row.path))
            .header(reqwest::header::ORIGIN, &app.base)
            .header(reqwest::header::ACCEPT, "text/html")
            .multipart(multipart_of(&row.form))
            .send()
            .await
            .expect("request")
    }
}

#[tokio::test]
async fn every_file_route_allows_exactly_the_roles_it_should() {
    let fixture = fixture().await;
    let app = &fixture.app;
    let mut failures = Vec::new();
    for who in EVERYONE {
        for row in file_rows(fixture.ids()) {
            let client = fixture.client(who).await;
            let response = send_file_row(app, &client, &row).await;
            let status = response.status().as_u16();
            let target = location(&response);
            // A form posted without JavaScript is refused the way the page shows it: back
            // to the form with the reason.
            let refused_back = status == 303 && objects::flash_error(&response) == "Forbidden";
            let to_sign_in = matches!(status, 302 | 303) && target.starts_with("/masuk?next=");
            let outcome = match (row.access.allows(who), who) {
                (true, _) => (!to_sign_in && !refused_back && !matches!(status, 401 | 403))
                    .then_some(())
                    .ok_or(format!("expected to be let in, got {status} {target}")),
                (false, Who::Anonymous) => to_sign_in
                    .then_some(())
                    .ok_or(format!("expected a redirect to sign-in, got {status} {target}")),
                (false, _) => (status == 403 || refused_back)
                    .then_some(())
                    .ok_or(format!("expected 403, got {status} {target}")),
            };
            if let Err(message) = outcome {
                failures.push(format!("{who:?} {} {}: {message}", row.method, row.path));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "file route access violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_server_function_allows_exactly_the_roles_it_should() {
    let fixture = fixture().await;
    let app = &fixture.app;
    let methods = server_fn_methods();
    let mut failures = Vec::new();
    for who in EVERYONE {
        for (path, access, args) in server_function_rows(fixture.ids()) {
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
        for (route, path, access) in page_rows(fixture.ids()) {
            let response = app.get(&client, &path).await;
            let status = response.status().as_u16();
            let target = location(&response);
            let outcome = match (access.allows(who), who) {
                // A trainee's start page is their schedule.
                (true, Who::Trainee) if path == "/" => (status == 302 && target == "/jadwal")
                    .then_some(())
                    .ok_or(format!("expected a redirect to /jadwal, got {status} {target}")),
                // Someone else's upload is out of the admin's scope: not found.
                (true, Who::Admin) if access == Access::Uploader => (status == 404)
                    .then_some(())
                    .ok_or(format!("expected 404, got {status}")),
                // A code no document has: the public page answers anyone, "not found".
                (true, _) if route == "/verifikasi/{code}" => (status == 404)
                    .then_some(())
                    .ok_or(format!("expected 404, got {status}")),
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

/// The HTTP method of every registered server function, by path.
fn server_fn_methods() -> std::collections::HashMap<String, String> {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method.to_string()))
        .collect()
}

fn serde_urlencoded_like(args: &[(&str, &str)]) -> String {
    args.iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                siap_jepang::platform::query_string::encode(k),
                siap_jepang::platform::query_string::encode(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}
