use crate::support::*;
use siap_jepang::kernel::Role;
use time::Duration;

async fn attempt(app: &TestApp, login: &str, password: &str) -> (u16, String) {
    let (status, error) = error_of(app.attempt_sign_in(login, password).await).await;
    (status, variant(&error))
}

#[tokio::test]
async fn five_failures_lock_the_account_for_fifteen_minutes_even_for_the_right_password() {
    let app = TestApp::spawn().await;
    app.user(Role::Trainee, "0812-1212-3434", &["UPT-SRG"]).await;
    for _ in 0..5 {
        assert_eq!(
            attempt(&app, "0812-1212-3434", "tebakan yang salah").await,
            (401, "InvalidCredentials".into())
        );
    }
    let (status, kind) = attempt(&app, "0812-1212-3434", PASSWORD).await;
    assert_eq!((status, kind.as_str()), (429, "Throttled"));
    // Other spellings of the same login are the same account.
    assert_eq!(attempt(&app, "+6281212123434", PASSWORD).await.0, 429);
    app.advance(Duration::minutes(16));
    assert_eq!(attempt(&app, "0812-1212-3434", PASSWORD).await.0, 200);
}

#[tokio::test]
async fn the_lockout_message_says_how_long_to_wait() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    for _ in 0..5 {
        attempt(&app, "admin@uji.id", "tebakan yang salah").await;
    }
    let response = app.attempt_sign_in("admin@uji.id", PASSWORD).await;
    assert_eq!(response.headers()["retry-after"], "900");
    let (_, error) = error_of(response).await;
    assert_eq!(
        error,
        serde_json::json!({ "Throttled": { "retry_after_minutes": 15 } })
    );
    let client = app.client();
    app.post_form(
        &client,
        "/api/accounts/sign-in",
        &[("login", "admin@uji.id"), ("password", PASSWORD), ("next", "")],
    )
    .await;
    let html = app.get(&client, "/masuk").await.text().await.unwrap();
    assert!(html.contains("Terlalu banyak percobaan gagal. Coba lagi dalam 15 menit."));
}

#[tokio::test]
async fn many_failures_from_one_address_lock_that_address() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    for i in 0..30 {
        attempt(&app, &format!("orang{i}@uji.id"), "tebakan yang salah").await;
    }
    assert_eq!(attempt(&app, "admin@uji.id", PASSWORD).await.0, 429);
}

#[tokio::test]
async fn failures_spread_over_more_than_the_window_do_not_lock() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    for _ in 0..4 {
        attempt(&app, "admin@uji.id", "tebakan yang salah").await;
    }
    app.advance(Duration::minutes(16));
    for _ in 0..4 {
        attempt(&app, "admin@uji.id", "tebakan yang salah").await;
    }
    assert_eq!(attempt(&app, "admin@uji.id", PASSWORD).await.0, 200);
}

#[tokio::test]
async fn every_refused_attempt_is_audited() {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    use siap_jepang::entities::audit_log;
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    for _ in 0..7 {
        attempt(&app, "admin@uji.id", "tebakan yang salah").await;
    }
    let count = |outcome: &'static str| {
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("sign_in"))
            .filter(audit_log::Column::Outcome.eq(outcome))
            .count(&app.state.db)
    };
    assert_eq!(count("failure").await.unwrap(), 5);
    assert_eq!(count("refused").await.unwrap(), 2);
}
