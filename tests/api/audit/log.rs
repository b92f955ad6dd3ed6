use crate::support::*;
use siap_jepang::kernel::Role;

#[tokio::test]
async fn coordinators_read_only_the_audit_entries_of_their_sites() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user_named(Role::Trainee, "0812-1000-0001", "Ani Serang", &["BBPLK-SRG"])
        .await;
    app.user_named(Role::Trainee, "0812-1000-0002", "Budi Tangerang", &["POS-TNG"])
        .await;
    app.signed_in("0812-1000-0001").await;
    app.signed_in("0812-1000-0002").await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let page: serde_json::Value = app
        .get_api(&coordinator, "/api/audit/list?filter[action]=sign_in")
        .await
        .json()
        .await
        .unwrap();
    let subjects: Vec<&str> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["subject"].as_str())
        .collect();
    assert_eq!(subjects, vec!["Ani Serang"]);
    let admin = app.signed_in("admin@uji.id").await;
    let page: serde_json::Value = app
        .get_api(&admin, "/api/audit/list?filter[action]=sign_in")
        .await
        .json()
        .await
        .unwrap();
    assert!(page["entries"].as_array().unwrap().len() >= 4);
}

#[tokio::test]
async fn the_audit_log_filters_by_outcome_person_and_wib_date() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    app.attempt_sign_in("tamu@uji.id", "coba coba saja").await;
    let admin = app.signed_in("admin@uji.id").await;
    let failures: serde_json::Value = app
        .get_api(&admin, "/api/audit/list?filter[outcome]=failure")
        .await
        .json()
        .await
        .unwrap();
    let entries = failures["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert!(entries[0]["detail"].as_str().unwrap().contains("tamu@uji.id"));
    let by_person: serde_json::Value = app
        .get_api(&admin, "/api/audit/list?filter[person]=TAMU@uji")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_person["entries"].as_array().unwrap().len(), 1);
    let today = siap_jepang::kernel::wib::today(app.state.clock.now());
    let tomorrow = today.next_day().unwrap();
    let future: serde_json::Value = app
        .get_api(&admin, &format!("/api/audit/list?filter[from]={tomorrow}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(future["entries"].as_array().unwrap().is_empty());
    let html = app
        .get(&admin, "/audit?outcome=failure")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("tamu@uji.id"));
    assert!(html.contains("WIB"));
}

#[tokio::test]
async fn the_audit_log_pages_through_older_entries() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    for i in 0..55 {
        app.call(
            &app.client(),
            "/api/accounts/sign-in",
            &[("login", &format!("x{i}@uji.id")), ("password", "coba coba saja")],
        )
        .await;
        if i % 20 == 19 {
            app.advance(time::Duration::minutes(20));
        }
    }
    let admin = app.signed_in("admin@uji.id").await;
    let first: serde_json::Value = app
        .get_api(&admin, "/api/audit/list?filter[outcome]=failure")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["entries"].as_array().unwrap().len(), 50);
    let before = first["next_before"].as_i64().unwrap();
    let second: serde_json::Value = app
        .get_api(
            &admin,
            &format!("/api/audit/list?filter[outcome]=failure&filter[before]={before}"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(second["entries"].as_array().unwrap().len(), 5);
    assert!(second["next_before"].is_null());
}
