//! No 5xx for a client's mistake: every registered server function (the matrix's rows,
//! which the app's own list keeps complete) is sent missing, extra, mistyped, oversized,
//! non-UTF-8 and truncated arguments, as a form and as JSON. Each answer is a 2xx or a
//! 4xx with a message, never a 5xx.

use super::rows::{server_function_rows, Who};
use super::{fixture, serde_urlencoded_like, server_fn_methods};
use crate::support::*;
use reqwest::header;

/// The bodies and queries tried for one function, named for the report.
fn probes(args: &[(&'static str, String)], get: bool) -> Vec<(String, Vec<(String, String)>)> {
    let well_formed: Vec<(String, String)> = args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
    let mut probes = vec![
        ("no arguments".to_owned(), Vec::new()),
        ("an extra argument".to_owned(), {
            let mut extra = well_formed.clone();
            extra.push(("zzz_tidak_dikenal".into(), "1".into()));
            extra
        }),
    ];
    for (n, (name, _)) in well_formed.iter().enumerate() {
        let mut missing = well_formed.clone();
        missing.remove(n);
        probes.push((format!("without {name}"), missing));
        for (label, value) in [
            ("mistyped", "bukan-angka".to_owned()),
            ("negative", "-99999999999999999999".to_owned()),
            ("oversized", "x".repeat(if get { 6_000 } else { 200_000 })),
            ("control characters", "\u{0}\u{1b}[31m\u{202e}".to_owned()),
        ] {
            let mut changed = well_formed.clone();
            changed[n].1 = value;
            probes.push((format!("{name} {label}"), changed));
        }
    }
    probes
}

async fn check(failures: &mut Vec<String>, what: String, response: reqwest::Response) {
    let status = response.status().as_u16();
    let body = response.bytes().await.unwrap_or_default();
    if status >= 500 {
        failures.push(format!(
            "{what}: {status} {}",
            String::from_utf8_lossy(&body[..body.len().min(200)])
        ));
    } else if status >= 400 && body.is_empty() {
        failures.push(format!("{what}: {status} without a message"));
    }
}

#[tokio::test]
async fn no_server_function_answers_a_malformed_call_with_a_5xx() {
    let fixture = fixture().await;
    let app = &fixture.app;
    let methods = server_fn_methods();
    let mut failures = Vec::new();
    let mut sent = 0;
    for (path, _, args) in server_function_rows(fixture.ids()) {
        // Signed in as someone the function serves, so the arguments are what is tested.
        let client = fixture.client(Who::Admin).await;
        let get = methods[path] == "GET";
        for (label, pairs) in probes(&args, get) {
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let what = format!("{path} {label}");
            let response = if get {
                app.get_api(&client, &format!("{path}?{}", serde_urlencoded_like(&pairs)))
                    .await
            } else {
                app.call(&client, path, &pairs).await
            };
            check(&mut failures, format!("{what} (form)"), response).await;
            if !get {
                let json: serde_json::Map<String, serde_json::Value> = pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String((*v).to_owned())))
                    .collect();
                let response = client
                    .post(app.url(path))
                    .header(header::ORIGIN, &app.base)
                    .header(header::ACCEPT, "application/json")
                    .json(&json)
                    .send()
                    .await
                    .expect("request");
                check(&mut failures, format!("{what} (JSON)"), response).await;
                sent += 1;
            }
            sent += 1;
        }
        // Bytes that are not UTF-8, and bodies cut short.
        let raw: [(&str, &str, &[u8]); 4] = [
            (
                "non-UTF-8 form",
                "application/x-www-form-urlencoded",
                b"login=\xff\xfe\xfd&password=\xc3\x28",
            ),
            (
                "truncated form",
                "application/x-www-form-urlencoded",
                b"session_id=1&status%5B",
            ),
            ("truncated JSON", "application/json", b"{\"session_id\": 1, \"sta"),
            ("non-UTF-8 JSON", "application/json", b"{\"login\": \"\xff\xfe\"}"),
        ];
        for (label, kind, bytes) in raw {
            let response = if get {
                client
                    .get(format!("{}?%ff%fe=%c3%28&{}", app.url(path), "id=%zz"))
                    .header(header::ACCEPT, "application/json")
                    .send()
                    .await
                    .expect("request")
            } else {
                client
                    .post(app.url(path))
                    .header(header::ORIGIN, &app.base)
                    .header(header::ACCEPT, "application/json")
                    .header(header::CONTENT_TYPE, kind)
                    .body(bytes.to_vec())
                    .send()
                    .await
                    .expect("request")
            };
            check(&mut failures, format!("{path} {label}"), response).await;
            sent += 1;
        }
    }
    assert!(sent > 1_000, "only {sent} calls sent");
    assert!(
        failures.is_empty(),
        "{} of {sent} calls failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn a_malformed_call_is_400_with_the_bad_request_error() {
    let fixture = fixture().await;
    let app = &fixture.app;
    let admin = fixture.client(Who::Admin).await;
    for path in ["/api/users/get?user_id=abc", "/api/users/list"] {
        let (status, error) = error_of(app.get_api(&admin, path).await).await;
        assert_eq!((status, variant(&error).as_str()), (400, "BadRequest"), "{path}");
    }
    let response = app
        .client()
        .post(app.url("/api/accounts/sign-in"))
        .header(header::ORIGIN, &app.base)
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(b"login=\xff\xfe&password=\xc3\x28".to_vec())
        .send()
        .await
        .unwrap();
    let (status, error) = error_of(response).await;
    assert_eq!((status, variant(&error).as_str()), (400, "BadRequest"));
}

#[tokio::test]
async fn a_malformed_plain_form_post_goes_back_to_its_page_with_the_message() {
    let fixture = fixture().await;
    let app = &fixture.app;
    let admin = fixture.client(Who::Admin).await;
    let response = app
        .post_form_from(
            &admin,
            "/pengguna",
            "/api/users/deactivate",
            &[("user_id", "bukan-angka")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()[header::LOCATION], "/pengguna");
    let page = app.get(&admin, "/pengguna").await.text().await.unwrap();
    assert!(
        page.contains("Permintaan tidak lengkap"),
        "the message is shown on the page it went back to"
    );
}
