use crate::support::*;
use reqwest::header;

#[tokio::test]
async fn a_cross_site_post_is_refused_with_403_and_changes_nothing() {
    let app = TestApp::spawn().await;
    app.user(siap_jepang::kernel::Role::Admin, "admin@uji.id", &[])
        .await;
    let client = app.client();
    let response = client
        .post(app.url("/api/accounts/sign-in"))
        .header(header::ORIGIN, "https://evil.example")
        .form(&[("login", "admin@uji.id"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(
        response.headers().get(header::SET_COOKIE).is_none(),
        "no session was started"
    );
    let text = response.text().await.unwrap();
    assert!(text.contains("Permintaan ditolak"), "{text}");
    assert!(text.contains("Request refused"));
}

#[tokio::test]
async fn a_post_declared_cross_site_by_the_browser_is_refused_even_with_a_matching_origin() {
    let app = TestApp::spawn().await;
    let response = app
        .client()
        .post(app.url("/api/prefs/language"))
        .header(header::ORIGIN, &app.base)
        .header("sec-fetch-site", "cross-site")
        .form(&[("lang", "en")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn a_post_without_origin_or_fetch_metadata_is_refused() {
    let app = TestApp::spawn().await;
    let response = app
        .client()
        .post(app.url("/api/prefs/language"))
        .form(&[("lang", "en")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn a_same_origin_post_passes() {
    let app = TestApp::spawn().await;
    let response = app
        .client()
        .post(app.url("/api/prefs/language"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("lang", "en")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}
