//! The phone's side of the app: the compact header, the service worker and what it may
//! keep (only a trainee's own pages, forgotten at sign-out).

use crate::support::*;
use reqwest::header;
use siap_jepang::kernel::Role;

#[tokio::test]
async fn the_service_worker_is_served_from_the_root_and_always_revalidated() {
    let app = TestApp::spawn().await;
    let response = app.client().get(app.url("/sw.js")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache");
    assert!(response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let source = response.text().await.unwrap();
    assert!(source.contains("const STATIC_CACHE = 'sj-static-' + RELEASE;"));
    assert!(source.contains("['/jadwal', '/kesiapan-saya', '/kehadiran', '/izin']"));
    assert!(!source.contains("__"), "every blank of the worker is filled");
    // Pages name the release the worker was made for: a worker of another one stops
    // serving its cached static files.
    let page = app.get(&app.client(), "/masuk").await;
    let release = page.headers()["x-siap-release"].to_str().unwrap().to_owned();
    assert!(source.contains(&format!("const RELEASE = '{release}';")));
}

#[tokio::test]
async fn only_a_trainees_own_pages_are_marked_keepable_with_the_offline_banner() {
    let app = TestApp::spawn().await;
    let trainee_id = app.user(Role::Trainee, "0812-3434-5656", &["UPT-SRG"]).await;
    app.user(Role::Instructor, "guru.offline@uji.id", &["UPT-SRG"])
        .await;
    let trainee = app.signed_in("0812-3434-5656").await;

    let response = app.get(&trainee, "/jadwal").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-siap-offline"], "1");
    assert_eq!(
        response.headers()["x-siap-person"],
        format!("u{trainee_id}").as_str()
    );
    let html = response.text().await.unwrap();
    let banner = html
        .split(r#"<p id="offline-banner""#)
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .expect("the banner is on the page");
    assert!(
        banner.contains("hidden"),
        "hidden until the worker shows a kept copy"
    );
    assert!(banner.contains("Offline — terakhir diperbarui "));
    // The compact header: the current page beside the brand, marked in the menu.
    assert!(html.contains(r#"<details class="nav-menu">"#));
    assert!(html.contains(r#"<span class="header-current">Jadwal"#));
    assert!(html.contains(r#"<a href="/jadwal" aria-current="page">"#));
    assert!(html.contains(r#"data-person="u"#));

    for path in ["/akun", "/jadwal?minggu=1"] {
        let response = app.get(&trainee, path).await;
        assert!(
            response.headers().get("x-siap-offline").is_none(),
            "{path} is not kept"
        );
        assert!(
            !response.text().await.unwrap().contains("offline-banner"),
            "{path}"
        );
    }
    let instructor = app.signed_in("guru.offline@uji.id").await;
    let response = app.get(&instructor, "/jadwal").await;
    assert!(
        response.headers().get("x-siap-offline").is_none(),
        "staff pages are never kept"
    );
    assert!(!response.text().await.unwrap().contains("offline-banner"));

    let response = app.get(&app.client(), "/masuk").await;
    assert_eq!(response.headers()["x-siap-person"], "anon");
    assert!(response.headers().get("x-siap-offline").is_none());

    // A page with a one-time message is not kept (the message would show on every offline
    // view); the next visit is.
    let signed_in = app.client();
    let response = app
        .post_form(
            &signed_in,
            "/api/accounts/sign-in",
            &[("login", "0812-3434-5656"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app.get(&signed_in, "/jadwal").await;
    assert!(
        response.headers().get("x-siap-offline").is_none(),
        "kept with its flash"
    );
    let response = app.get(&signed_in, "/jadwal").await;
    assert_eq!(response.headers()["x-siap-offline"], "1");
}

#[tokio::test]
async fn signing_out_asks_the_browser_to_forget_what_it_kept() {
    let app = TestApp::spawn().await;
    app.user(Role::Trainee, "0812-3434-7878", &["UPT-SRG"]).await;
    let trainee = app.signed_in("0812-3434-7878").await;
    let response = app.post_form(&trainee, "/api/accounts/sign-out", &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["clear-site-data"], r#""cache", "storage""#);
    let response = app.get(&trainee, "/").await;
    assert_eq!(response.headers()["x-siap-person"], "anon");
}
