use crate::support::*;
use siap_jepang::kernel::Role;

#[tokio::test]
async fn staff_sign_in_with_email_and_trainees_with_phone_or_nik() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@bp2mi.go.id", &["UPT-SRG"])
        .await;
    app.user(Role::Trainee, "3673054708990002", &["BBPLK-SRG"]).await;
    app.user(Role::Trainee, "0812-1111-2026", &["BBPLK-SRG"]).await;
    for login in [
        "RINA@bp2mi.go.id",
        "3673 0547 0899 0002",
        "+62 812 1111 2026",
        "081211112026",
    ] {
        let client = app.signed_in(login).await;
        let me = app.get_api(&client, "/api/accounts/me").await;
        assert_eq!(me.status(), 200, "{login}");
    }
}

#[tokio::test]
async fn wrong_password_and_unknown_login_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let client = app.client();
    let wrong = error_of(
        app.call(
            &client,
            "/api/accounts/sign-in",
            &[("login", "admin@uji.id"), ("password", "salah sekali ya")],
        )
        .await,
    )
    .await;
    let unknown = error_of(
        app.call(
            &client,
            "/api/accounts/sign-in",
            &[("login", "siapa@uji.id"), ("password", "salah sekali ya")],
        )
        .await,
    )
    .await;
    let malformed = error_of(
        app.call(
            &client,
            "/api/accounts/sign-in",
            &[("login", "bukan login"), ("password", "x")],
        )
        .await,
    )
    .await;
    assert_eq!(wrong, (401, serde_json::json!("InvalidCredentials")));
    assert_eq!(unknown, wrong);
    assert_eq!(malformed, wrong);
}

#[tokio::test]
async fn a_deactivated_or_not_yet_activated_account_cannot_sign_in() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::Admin, "admin@uji.id", &[]).await;
    let _ = admin;
    let trainee = app.user(Role::Trainee, "0812-2222-3333", &["UPT-SRG"]).await;
    let admin_client = app.signed_in("admin@uji.id").await;
    let response = app
        .call(
            &admin_client,
            "/api/users/deactivate",
            &[("user_id", &trainee.to_string())],
        )
        .await;
    assert_eq!(response.status(), 200);
    let (status, error) = error_of(app.attempt_sign_in("0812-2222-3333", PASSWORD).await).await;
    assert_eq!((status, variant(&error)), (401, "InvalidCredentials".to_owned()));
}

#[tokio::test]
async fn sign_in_without_javascript_redirects_and_a_failure_comes_back_with_the_login_kept() {
    let app = TestApp::spawn().await;
    app.user(Role::Trainee, "0812-4444-5555", &["UPT-SRG"]).await;
    let client = app.client();
    let failed = app
        .post_form(
            &client,
            "/api/accounts/sign-in",
            &[
                ("login", "0812-4444-5555"),
                ("password", "bukan ini sandinya"),
                ("next", ""),
            ],
        )
        .await;
    assert_eq!(failed.status(), 303);
    let html = app.get(&client, "/masuk").await.text().await.unwrap();
    assert!(html.contains("Login atau kata sandi salah."));
    assert!(html.contains(r#"value="0812-4444-5555""#), "the login is kept");
    assert!(!html.contains("bukan ini sandinya"), "passwords are never echoed");

    let ok = app
        .post_form(
            &client,
            "/api/accounts/sign-in",
            &[
                ("login", "0812-4444-5555"),
                ("password", PASSWORD),
                ("next", "/akun"),
            ],
        )
        .await;
    assert_eq!(ok.status(), 303);
    assert_eq!(location(&ok), "/akun");
    let account = app.get(&client, "/akun").await;
    assert_eq!(account.status(), 200);
    assert!(account.text().await.unwrap().contains("Anda berhasil masuk."));
}

#[tokio::test]
async fn next_never_redirects_off_site() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let client = app.client();
    let response = app
        .post_form(
            &client,
            "/api/accounts/sign-in",
            &[
                ("login", "admin@uji.id"),
                ("password", PASSWORD),
                ("next", "//evil.example/x"),
            ],
        )
        .await;
    assert_eq!(location(&response), "/");
}

#[tokio::test]
async fn the_session_cookie_is_http_only_same_site_lax_and_secure_when_configured() {
    let app = TestApp::spawn_with(|config| config.secure_cookies = true).await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let response = app.attempt_sign_in("admin@uji.id", PASSWORD).await;
    let cookie = set_cookie(&response);
    assert!(cookie.starts_with("__Host-sj_session="));
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} missing in {cookie}");
    }
}

#[tokio::test]
async fn signing_in_and_failing_are_both_in_the_audit_log_with_the_address() {
    use sea_orm::{EntityTrait, QueryOrder};
    use siap_jepang::entities::audit_log;
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let client = app.client();
    app.call(
        &client,
        "/api/accounts/sign-in",
        &[("login", "admin@uji.id"), ("password", "salah sekali ya")],
    )
    .await;
    app.call(
        &client,
        "/api/accounts/sign-in",
        &[("login", "admin@uji.id"), ("password", PASSWORD)],
    )
    .await;
    let rows = audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap();
    let sign_ins: Vec<_> = rows.iter().filter(|r| r.action == "sign_in").collect();
    assert_eq!(sign_ins.len(), 2);
    assert_eq!(sign_ins[0].outcome, "failure");
    assert!(sign_ins[0].detail.as_deref().unwrap().contains("wrong_password"));
    assert_eq!(sign_ins[1].outcome, "success");
    assert_eq!(sign_ins[1].ip.as_deref(), Some("127.0.0.1"));
}

#[tokio::test]
async fn a_password_hashed_with_older_parameters_is_renewed_at_sign_in_and_keeps_working() {
    use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
    use sea_orm::EntityTrait;
    use siap_jepang::entities::users;

    let app = TestApp::spawn().await;
    let id = app.user(Role::Trainee, "0812-4444-5555", &["UPT-SRG"]).await;
    let params = argon2::Params::new(19 * 1024, 2, 1, Some(32)).unwrap();
    let older = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password(PASSWORD.as_bytes(), &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
    let set_at = app.state.clock.now();
    siap_jepang::accounts::db::set_password_hash(
        &app.state.db,
        siap_jepang::kernel::AccountId(id),
        &older,
        set_at,
    )
    .await
    .unwrap();
    let stored = || async {
        users::Entity::find_by_id(id)
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
    };

    let changed_at = stored().await.password_changed_at;
    assert!(changed_at.is_some());
    app.advance(time::Duration::hours(1));
    let client = app.signed_in("0812-4444-5555").await;
    assert_eq!(app.get_api(&client, "/api/accounts/me").await.status(), 200);
    let after = stored().await;
    let renewed = after.password_hash.clone().unwrap();
    assert!(renewed.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"), "{renewed}");
    assert_eq!(
        after.password_changed_at, changed_at,
        "the password itself did not change"
    );

    // The renewed hash signs in, and is kept as it is.
    let again = app.signed_in("0812-4444-5555").await;
    assert_eq!(app.get_api(&again, "/api/accounts/me").await.status(), 200);
    assert_eq!(stored().await.password_hash, Some(renewed));
}
