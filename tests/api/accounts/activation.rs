use crate::support::*;
use siap_jepang::kernel::Role;
use time::Duration;

/// A coordinator creates a trainee through the API; returns (coordinator client, user id, code).
async fn trainee_with_code(app: &TestApp) -> (reqwest::Client, i64, String) {
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let site = app.site("BBPLK-SRG").to_string();
    let response = app
        .call(
            &coordinator,
            "/api/users/create",
            &[
                ("role", "trainee"),
                ("display_name", "Siti Nurjanah"),
                ("phone", "0857-1234-5678"),
                ("nik", "3672034211000003"),
                ("sites[0]", &site),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let issued: serde_json::Value = response.json().await.unwrap();
    assert_eq!(issued["purpose"], "Activation");
    let link = issued["whatsapp_link"].as_str().unwrap();
    assert!(link.starts_with("https://wa.me/6285712345678?text="));
    let code = issued["code"].as_str().unwrap().to_owned();
    assert!(link.contains(&code), "the WhatsApp message carries the code");
    (coordinator, issued["user_id"].as_i64().unwrap(), code)
}

async fn activate(
    app: &TestApp,
    client: &reqwest::Client,
    code: &str,
    password: &str,
) -> (u16, serde_json::Value) {
    error_of(
        app.call(
            client,
            "/api/accounts/activate",
            &[
                ("code", code),
                ("password", password),
                ("password_confirm", password),
            ],
        )
        .await,
    )
    .await
}

#[tokio::test]
async fn a_new_trainee_sets_a_password_with_the_code_and_is_signed_in() {
    let app = TestApp::spawn().await;
    let (_, _, code) = trainee_with_code(&app).await;
    let trainee = app.client();
    let typed = code.to_lowercase().replace('-', " ");
    let (status, _) = activate(&app, &trainee, &typed, "nasi uduk pagi hari").await;
    assert_eq!(status, 200);
    let me: serde_json::Value = app
        .get_api(&trainee, "/api/accounts/me")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["display_name"], "Siti Nurjanah");
    let again = app
        .attempt_sign_in("3672034211000003", "nasi uduk pagi hari")
        .await;
    assert_eq!(again.status(), 200);
}

#[tokio::test]
async fn a_code_works_only_once() {
    let app = TestApp::spawn().await;
    let (_, _, code) = trainee_with_code(&app).await;
    assert_eq!(
        activate(&app, &app.client(), &code, "nasi uduk pagi hari")
            .await
            .0,
        200
    );
    let (status, error) = activate(&app, &app.client(), &code, "sate bandeng serang").await;
    assert_eq!((status, variant(&error)), (422, "CodeInvalid".to_owned()));
    let old = app.attempt_sign_in("0857-1234-5678", "nasi uduk pagi hari").await;
    assert_eq!(old.status(), 200, "the second attempt changed nothing");
}

#[tokio::test]
async fn a_code_expires_after_seven_days() {
    let app = TestApp::spawn().await;
    let (_, _, code) = trainee_with_code(&app).await;
    app.advance(Duration::days(7) + Duration::minutes(1));
    let (status, error) = activate(&app, &app.client(), &code, "nasi uduk pagi hari").await;
    assert_eq!((status, variant(&error)), (422, "CodeInvalid".to_owned()));
}

#[tokio::test]
async fn a_weak_password_is_refused_and_the_code_stays_usable() {
    let app = TestApp::spawn().await;
    let (_, _, code) = trainee_with_code(&app).await;
    let (status, error) = activate(&app, &app.client(), &code, "pendek").await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("password".to_owned(), "PasswordTooShort".to_owned())]
    );
    let (status, error) = activate(&app, &app.client(), &code, "Siti Nurjanah 2026").await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("password".to_owned(), "PasswordContainsPersonalData".to_owned())]
    );
    let mismatch = error_of(
        app.call(
            &app.client(),
            "/api/accounts/activate",
            &[
                ("code", &code),
                ("password", "nasi uduk pagi hari"),
                ("password_confirm", "nasi uduk sore"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(
        field_problems(&mismatch.1),
        vec![("password_confirm".to_owned(), "PasswordMismatch".to_owned())]
    );
    assert_eq!(
        activate(&app, &app.client(), &code, "nasi uduk pagi hari")
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn a_new_code_replaces_the_old_one() {
    let app = TestApp::spawn().await;
    let (coordinator, user_id, first) = trainee_with_code(&app).await;
    let response = app
        .call(
            &coordinator,
            "/api/users/issue-code",
            &[("user_id", &user_id.to_string())],
        )
        .await;
    let second: serde_json::Value = response.json().await.unwrap();
    assert_eq!(second["purpose"], "Activation");
    assert_eq!(
        variant(
            &activate(&app, &app.client(), &first, "nasi uduk pagi hari")
                .await
                .1
        ),
        "CodeInvalid"
    );
    assert_eq!(
        activate(
            &app,
            &app.client(),
            second["code"].as_str().unwrap(),
            "nasi uduk pagi hari"
        )
        .await
        .0,
        200
    );
}

#[tokio::test]
async fn a_reset_code_ends_the_sessions_and_sets_a_new_password() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["UPT-SRG"]).await;
    let trainee_id = app.user(Role::Trainee, "0812-3030-4040", &["UPT-SRG"]).await;
    let trainee = app.signed_in("0812-3030-4040").await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let issued: serde_json::Value = app
        .call(
            &coordinator,
            "/api/users/issue-code",
            &[("user_id", &trainee_id.to_string())],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(issued["purpose"], "Reset");
    assert_eq!(
        app.get_api(&trainee, "/api/accounts/me").await.status(),
        401,
        "sessions ended at once"
    );
    assert_eq!(
        activate(
            &app,
            &app.client(),
            issued["code"].as_str().unwrap(),
            "bakso malang enak"
        )
        .await
        .0,
        200
    );
    let signed = app.attempt_sign_in("0812-3030-4040", "bakso malang enak").await;
    assert_eq!(signed.status(), 200);
}

#[tokio::test]
async fn guessing_codes_from_one_address_is_throttled() {
    let app = TestApp::spawn().await;
    let (_, _, code) = trainee_with_code(&app).await;
    for _ in 0..5 {
        activate(&app, &app.client(), "ABCD-EFGH-JKMN", "nasi uduk pagi hari").await;
    }
    let (status, error) = activate(&app, &app.client(), &code, "nasi uduk pagi hari").await;
    assert_eq!((status, variant(&error)), (429, "Throttled".to_owned()));
}

#[tokio::test]
async fn activation_without_javascript_keeps_the_code_and_shows_the_reason() {
    let app = TestApp::spawn().await;
    let (_, _, code) = trainee_with_code(&app).await;
    let client = app.client();
    let response = app
        .post_form(
            &client,
            "/api/accounts/activate",
            &[
                ("code", &code),
                ("password", "1234567890"),
                ("password_confirm", "1234567890"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let html = app.get(&client, "/aktivasi").await.text().await.unwrap();
    assert!(html.contains("Kata sandi ini terlalu umum"));
    assert!(html.contains(&format!(r#"value="{code}""#)));
    assert!(html.contains(r#"aria-invalid="true""#));
}
