use crate::support::*;
use reqwest::header;
use siap_jepang::kernel::Role;
use time::Duration;

async fn me_status(app: &TestApp, client: &reqwest::Client) -> u16 {
    app.get_api(client, "/api/accounts/me").await.status().as_u16()
}

#[tokio::test]
async fn signing_in_issues_a_new_session_id_whatever_cookie_was_there_before() {
    let app = TestApp::spawn().await;
    app.user(Role::Trainee, "0812-5555-6666", &["UPT-SRG"]).await;
    let planted = "attacker-chosen-session-value";
    let response = app
        .client()
        .post(app.url("/api/accounts/sign-in"))
        .header(header::ORIGIN, &app.base)
        .header(header::COOKIE, format!("sj_session={planted}"))
        .form(&[("login", "0812-5555-6666"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = cookie_pair(&response);
    let token = cookie.trim_start_matches("sj_session=");
    assert_ne!(token, planted);
    assert!(token.len() >= 40, "a long random token");
    // The planted value does not authenticate anyone.
    let probe = app
        .client()
        .get(app.url("/api/accounts/me"))
        .header(header::COOKIE, format!("sj_session={planted}"))
        .send()
        .await
        .unwrap();
    assert_eq!(probe.status(), 401);
}

#[tokio::test]
async fn only_the_hash_of_the_session_token_is_stored() {
    use sea_orm::EntityTrait;
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let response = app.attempt_sign_in("admin@uji.id", PASSWORD).await;
    let token = cookie_pair(&response)
        .trim_start_matches("sj_session=")
        .to_owned();
    let sessions = siap_jepang::entities::sessions::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 1);
    assert_ne!(sessions[0].token_hash, token);
    assert_eq!(sessions[0].token_hash.len(), 64);
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let client = app.signed_in("admin@uji.id").await;
    app.advance(Duration::minutes(119));
    assert_eq!(
        me_status(&app, &client).await,
        200,
        "still within the idle timeout"
    );
    app.advance(Duration::minutes(119));
    assert_eq!(me_status(&app, &client).await, 200, "activity refreshed it");
    app.advance(Duration::minutes(121));
    assert_eq!(
        me_status(&app, &client).await,
        401,
        "idle for longer than 2 hours"
    );
}

#[tokio::test]
async fn an_active_session_still_ends_at_its_absolute_lifetime() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let client = app.signed_in("admin@uji.id").await;
    for _ in 0..11 {
        app.advance(Duration::hours(1));
        assert_eq!(me_status(&app, &client).await, 200);
    }
    app.advance(Duration::hours(1));
    assert_eq!(me_status(&app, &client).await, 401, "12 hours after sign-in");
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let response = app.attempt_sign_in("admin@uji.id", PASSWORD).await;
    let cookie = cookie_pair(&response);
    let with_cookie = |path: &str| {
        app.client()
            .post(app.url(path))
            .header(header::ORIGIN, &app.base)
            .header(header::COOKIE, cookie.clone())
    };
    assert_eq!(
        with_cookie("/api/accounts/sign-out")
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // Replaying the old cookie does not work.
    let replay = app
        .client()
        .get(app.url("/api/accounts/me"))
        .header(header::COOKIE, cookie.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 401);
}

#[tokio::test]
async fn signing_out_other_devices_keeps_only_this_one() {
    let app = TestApp::spawn().await;
    app.user(Role::Trainee, "0812-7777-8888", &["UPT-SRG"]).await;
    let phone = app.signed_in("0812-7777-8888").await;
    let laptop = app.signed_in("0812-7777-8888").await;
    let response = app.call(&phone, "/api/accounts/end-other-sessions", &[]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<u64>().await.unwrap(), 1);
    assert_eq!(me_status(&app, &phone).await, 200);
    assert_eq!(me_status(&app, &laptop).await, 401);
}

#[tokio::test]
async fn one_device_can_be_signed_out_from_the_list_but_not_someone_elses() {
    let app = TestApp::spawn().await;
    app.user(Role::Trainee, "0812-7777-8888", &["UPT-SRG"]).await;
    app.user(Role::Trainee, "0812-9999-0000", &["UPT-SRG"]).await;
    let phone = app.signed_in("0812-7777-8888").await;
    let laptop = app.signed_in("0812-7777-8888").await;
    let other = app.signed_in("0812-9999-0000").await;
    let mine: serde_json::Value = app
        .get_api(&phone, "/api/accounts/me")
        .await
        .json()
        .await
        .unwrap();
    let sessions = mine["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    let laptop_id = sessions.iter().find(|s| s["current"] == false).unwrap()["id"]
        .as_i64()
        .unwrap();
    // Another person cannot end it.
    let (status, error) = error_of(
        app.call(
            &other,
            "/api/accounts/end-session",
            &[("session_id", &laptop_id.to_string())],
        )
        .await,
    )
    .await;
    assert_eq!((status, variant(&error)), (404, "NotFound".to_owned()));
    assert_eq!(me_status(&app, &laptop).await, 200);
    // The owner can.
    assert_eq!(
        app.call(
            &phone,
            "/api/accounts/end-session",
            &[("session_id", &laptop_id.to_string())]
        )
        .await
        .status(),
        200
    );
    assert_eq!(me_status(&app, &laptop).await, 401);
    assert_eq!(me_status(&app, &phone).await, 200);
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session_and_keeps_this_device_signed_in() {
    let app = TestApp::spawn().await;
    app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let phone = app.signed_in("sensei@uji.id").await;
    let laptop = app.signed_in("sensei@uji.id").await;
    let new_password = "sawah hijau di lebak";
    let response = app
        .call(
            &phone,
            "/api/accounts/change-password",
            &[
                ("current_password", PASSWORD),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        me_status(&app, &phone).await,
        200,
        "this device got a fresh session"
    );
    assert_eq!(me_status(&app, &laptop).await, 401);
    let old = app.attempt_sign_in("sensei@uji.id", PASSWORD).await;
    assert_eq!(old.status(), 401);
    let new = app.attempt_sign_in("sensei@uji.id", new_password).await;
    assert_eq!(new.status(), 200);
}

#[tokio::test]
async fn a_wrong_current_password_or_weak_new_one_changes_nothing() {
    let app = TestApp::spawn().await;
    app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let client = app.signed_in("sensei@uji.id").await;
    let (status, error) = error_of(
        app.call(
            &client,
            "/api/accounts/change-password",
            &[
                ("current_password", "bukan sandi lama"),
                ("password", "sawah hijau di lebak"),
                ("password_confirm", "sawah hijau di lebak"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("current_password".to_owned(), "WrongPassword".to_owned())]
    );
    let (_, error) = error_of(
        app.call(
            &client,
            "/api/accounts/change-password",
            &[
                ("current_password", PASSWORD),
                ("password", "password123"),
                ("password_confirm", "password123"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(
        field_problems(&error),
        vec![("password".to_owned(), "PasswordTooCommon".to_owned())]
    );
    assert_eq!(me_status(&app, &client).await, 200);
    let still_old = app.attempt_sign_in("sensei@uji.id", PASSWORD).await;
    assert_eq!(still_old.status(), 200);
}

#[tokio::test]
async fn deactivating_an_account_ends_its_sessions_at_once() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let instructor = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let admin = app.signed_in("admin@uji.id").await;
    let sensei = app.signed_in("sensei@uji.id").await;
    assert_eq!(
        app.call(
            &admin,
            "/api/users/deactivate",
            &[("user_id", &instructor.to_string())]
        )
        .await
        .status(),
        200
    );
    assert_eq!(me_status(&app, &sensei).await, 401);
    assert_eq!(
        app.call(
            &admin,
            "/api/users/reactivate",
            &[("user_id", &instructor.to_string())]
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        me_status(&app, &sensei).await,
        401,
        "reactivation does not revive old sessions"
    );
    app.signed_in("sensei@uji.id").await;
}
