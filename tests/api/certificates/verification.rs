//! The public verification page: valid, revoked (with the date), unknown or malformed (a
//! plain 404, never a 5xx), only what the paper shows, and rate-limited per address.

use super::*;

/// Issues Adi's certificate; returns its stored row.
async fn adis_certificate(app: &TestApp, adi: i64) -> issued_documents::Model {
    configure(app).await;
    let rina = app.signed_in("rina@uji.id").await;
    let adi = adi.to_string();
    let response = app
        .call(
            &rina,
            "/api/certificates/issue",
            &[("enrollment_id", &adi), ("kind", "certificate")],
        )
        .await;
    assert_eq!(response.status(), 200);
    stored(app).await.remove(0)
}

fn printed(code: &str) -> String {
    siap_jepang::certificates::model::VerificationCode::parse(code)
        .unwrap()
        .printed()
}

#[tokio::test]
async fn anyone_can_check_a_code_and_sees_only_what_the_paper_shows() {
    let Papers { app, adi, .. } = papers().await;
    let document = adis_certificate(&app, adi).await;
    let anonymous = app.client();
    let page = app
        .get(&anonymous, &format!("/verifikasi/{}", printed(&document.code)))
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Dokumen ini sah"), "{html}");
    assert!(html.contains("Adi Nugroho") && html.contains(&document.number) && html.contains("JP-SERT-01"));
    assert!(html.contains("8 dari 360 JP"));
    assert!(html.contains("noindex"));
    // Nothing the paper does not show: no NIK, no phone, no birth date.
    let record = siap_jepang::entities::trainees::Entity::find_by_id(document.trainee_id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!html.contains(&record.nik) && !html.contains(&record.nik[..6]));
    assert!(!html.contains("0812"));
    // Typed from paper: lower case, without dashes, O for 0 and I for 1 all find it.
    let typed = document.code.to_lowercase().replace('0', "o").replace('1', "i");
    let answer = app
        .get_api(&anonymous, &format!("/api/certificates/verify?code={typed}"))
        .await;
    assert_eq!(answer.status(), 200);
    let json: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(json["number"], document.number);
    assert_eq!(json["revoked_on"], serde_json::Value::Null);
    assert!(json.get("nik").is_none() && json.get("birth_date").is_none());
}

#[tokio::test]
async fn a_revoked_document_says_so_with_the_date() {
    let Papers { app, adi, .. } = papers().await;
    let document = adis_certificate(&app, adi).await;
    let rina = app.signed_in("rina@uji.id").await;
    let id = document.id.to_string();
    app.call(
        &rina,
        "/api/certificates/revoke",
        &[("document_id", &id), ("reason", "Diterbitkan keliru")],
    )
    .await;
    let html = app
        .get(&app.client(), &format!("/verifikasi/{}", printed(&document.code)))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("sudah dicabut"), "{html}");
    let today = wib::date_long(wib::today(app.state.clock.now()), siap_jepang::kernel::Locale::Id);
    assert!(html.contains(&today), "the day it was revoked: {today}");
    assert!(!html.contains("Diterbitkan keliru"), "the reason stays inside");
}

#[tokio::test]
async fn unknown_and_malformed_codes_are_a_plain_not_found() {
    let Papers { app, .. } = papers().await;
    let anonymous = app.client();
    for code in [
        "0000-0000-0000-0000-0000",
        "ABCD",
        "%27%3B%20drop%20table%20issued_documents--",
        "%F0%9F%98%80",
        &"Z".repeat(500),
    ] {
        let response = app.get(&anonymous, &format!("/verifikasi/{code}")).await;
        assert_eq!(response.status(), 404, "{code}");
        assert!(response.text().await.unwrap().contains("Dokumen tidak ditemukan"));
        let response = app
            .get_api(&anonymous, &format!("/api/certificates/verify?code={code}"))
            .await;
        assert_eq!(response.status(), 404, "{code}");
    }
    let response = app.get_api(&anonymous, "/api/certificates/verify").await;
    assert_eq!(response.status(), 400, "a missing code is a bad request");
}

#[tokio::test]
async fn checks_are_limited_per_address() {
    let Papers { app, adi, .. } = papers_with(|config| config.verify_requests_per_minute = 3).await;
    let document = adis_certificate(&app, adi).await;
    let anonymous = app.client();
    let path = format!("/verifikasi/{}", printed(&document.code));
    for _ in 0..3 {
        assert_eq!(app.get(&anonymous, &path).await.status(), 200);
    }
    let held = app.get(&anonymous, &path).await;
    assert_eq!(held.status(), 429);
    assert!(held.text().await.unwrap().contains("Terlalu banyak pemeriksaan"));
    assert_eq!(
        app.get(&anonymous, "/verifikasi/0000-0000-0000-0000-0000")
            .await
            .status(),
        429,
        "guessing too"
    );
    // A minute later the address may check again.
    app.advance(Duration::seconds(61));
    assert_eq!(app.get(&anonymous, &path).await.status(), 200);
}
