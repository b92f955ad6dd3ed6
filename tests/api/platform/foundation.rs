use crate::support::*;
use reqwest::header;

#[tokio::test]
async fn healthz_answers_ok_after_pinging_the_database() {
    let app = TestApp::spawn().await;
    let response = app.client().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
}

#[tokio::test]
async fn the_landing_page_is_server_rendered_in_indonesian_with_a_sign_in_link() {
    let app = TestApp::spawn().await;
    let response = app.get(&app.client(), "/").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="id">"#));
    assert!(html.contains("Siap bekerja di Jepang"));
    assert!(html.contains(r#"href="/masuk""#));
    assert!(html.contains("JFT-Basic A2"));
}

#[tokio::test]
async fn switching_the_language_to_english_sticks_for_later_pages() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let response = app
        .post_form(
            &client,
            "/api/prefs/language",
            &[("lang", "en"), ("back", "/masuk")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/masuk");
    let html = app.get(&client, "/masuk").await.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("Staff sign in with e-mail"));
    assert!(html.contains("Language changed."));
    // The notice is shown once.
    let again = app.get(&client, "/masuk").await.text().await.unwrap();
    assert!(!again.contains("Language changed."));
}

#[tokio::test]
async fn an_unknown_language_is_refused_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (status, error) = error_of(app.call(&client, "/api/prefs/language", &[("lang", "xx")]).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("lang".to_owned(), "InvalidChoice".to_owned())]
    );
    let html = app.get(&client, "/").await.text().await.unwrap();
    assert!(html.contains(r#"<html lang="id">"#));
}

#[tokio::test]
async fn an_unknown_page_gets_the_app_404_page_with_status_404() {
    let app = TestApp::spawn().await;
    let response = app.get(&app.client(), "/tidak-ada").await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("Halaman tidak ditemukan"));
    assert!(
        html.contains(r#"class="site-header""#),
        "the 404 page keeps the app's frame"
    );
}

#[tokio::test]
async fn an_oversized_request_body_is_refused_with_413() {
    let app = TestApp::spawn_with(|config| config.max_body_bytes = 16 * 1024).await;
    let big = "x".repeat(64 * 1024);
    let response = app.attempt_sign_in(&big, "x").await;
    assert_eq!(response.status(), 413);
    let text = response.text().await.unwrap();
    assert!(text.contains("Data yang dikirim terlalu besar."), "{text}");
    assert!(text.contains("What was sent is too large."));
}

#[tokio::test]
async fn pages_carry_security_headers_and_scripts_carry_the_csp_nonce() {
    let app = TestApp::spawn().await;
    let response = app.get(&app.client(), "/masuk").await;
    let headers = response.headers().clone();
    let csp = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::REFERRER_POLICY], "same-origin");
    assert!(headers.contains_key("x-request-id"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_owned();
    let html = response.text().await.unwrap();
    let scripts = html.matches("<script").count();
    assert!(scripts >= 1);
    assert_eq!(
        html.matches(&format!(r#"nonce="{nonce}""#)).count(),
        scripts,
        "every script has this response's nonce"
    );
}

#[tokio::test]
async fn responses_are_compressed_as_the_browser_asks_and_decode_to_the_same_page() {
    let app = TestApp::spawn().await;
    let fetch = |path: &'static str, accept: Option<&'static str>| {
        let request = app.client().get(app.url(path));
        let request = match accept {
            Some(accept) => request.header(header::ACCEPT_ENCODING, accept),
            None => request,
        };
        async move { request.send().await.unwrap() }
    };
    // The sign-in page is the same apart from the CSP nonce of each response.
    let nonce_of = |response: &reqwest::Response| {
        let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        let start = csp.find("'nonce-").unwrap() + "'nonce-".len();
        csp[start..].split('\'').next().unwrap().to_owned()
    };
    let plain = fetch("/masuk", None).await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(plain.headers()[header::VARY], "accept-encoding");
    let plain_nonce = nonce_of(&plain);
    let plain = plain.text().await.unwrap().replace(&plain_nonce, "N");
    let same = |html: String, nonce: &str| assert_eq!(html.replace(nonce, "N"), plain);

    // What Chromium sends: gzip, made fast (brotli is for the precompressed assets).
    for _ in 0..3 {
        let response = fetch("/masuk", Some("gzip, deflate, br, zstd")).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
        let nonce = nonce_of(&response);
        let bytes = response.bytes().await.unwrap();
        assert!(
            bytes.len() < plain.len() / 2,
            "{} of {}",
            bytes.len(),
            plain.len()
        );
        let mut html = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut html).unwrap();
        same(html, &nonce);
    }
    // A client that refuses gzip gets the page as it is.
    let response = fetch("/masuk", Some("br, gzip;q=0")).await;
    assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
    // A small answer is not worth it.
    let response = fetch("/robots.txt", Some("gzip")).await;
    assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
}

#[tokio::test]
async fn every_migration_rolls_back_and_forward_again() {
    use migration::{Migrator, MigratorTrait};
    let app = TestApp::spawn().await;
    let db = &app.state.db;
    let applied = Migrator::get_migration_with_status(db).await.unwrap().len() as u32;
    Migrator::down(db, Some(applied))
        .await
        .expect("every down() works");
    assert_eq!(
        Migrator::get_pending_migrations(db).await.unwrap().len() as u32,
        applied
    );
    Migrator::up(db, None).await.expect("and up again");
    assert!(Migrator::get_pending_migrations(db).await.unwrap().is_empty());
    assert_eq!(app.sites.len(), 4);
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_on_and_a_small_page_cache() {
    use sea_orm::{ConnectionTrait, Statement};
    if backend() != "sqlite" {
        return;
    }
    let app = TestApp::spawn().await;
    let db = &app.state.db;
    let pragma = |name: &str| {
        let sql = format!("PRAGMA {name}");
        async move {
            db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .unwrap()
        }
    };
    let journal: String = pragma("journal_mode").await.try_get_by_index(0).unwrap();
    assert_eq!(journal, "wal");
    let foreign_keys: i64 = pragma("foreign_keys").await.try_get_by_index(0).unwrap();
    assert_eq!(foreign_keys, 1);
    // Eight connections, each with its own cache: 512 KiB each keeps RSS within target.
    let cache: i64 = pragma("cache_size").await.try_get_by_index(0).unwrap();
    assert_eq!(cache, -512);
}
