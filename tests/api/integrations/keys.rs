use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use siap_jepang::entities::{audit_log, integration_key_sites, integration_keys};
use siap_jepang::kernel::Role;
use siap_jepang::platform::secrets::sha256_hex;

async fn admin(app: &TestApp) -> reqwest::Client {
    app.user_named(Role::Admin, "admin@uji.id", "Dewi Admin", &[])
        .await;
    app.signed_in("admin@uji.id").await
}

async fn make(app: &TestApp, client: &reqwest::Client, form: &[(&str, &str)]) -> reqwest::Response {
    app.call(client, "/api/integrations/create-key", form).await
}

async fn stored(app: &TestApp) -> Vec<integration_keys::Model> {
    integration_keys::Entity::find().all(&app.state.db).await.unwrap()
}

async fn audited(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_admin_makes_a_key_that_is_shown_once_and_stored_only_as_its_hash() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let site = app.site("BBPLK-SRG").to_string();
    let response = make(
        &app,
        &admin,
        &[
            ("name", "  SISKOP2MI   BP3MI Banten "),
            ("scopes[0]", "readiness:read"),
            ("scopes[1]", "cohorts:read"),
            ("sites[0]", &site),
            ("expires_days", "90"),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    let issued: Value = response.json().await.unwrap();
    let key = issued["key"].as_str().unwrap().to_owned();
    let prefix = issued["prefix"].as_str().unwrap().to_owned();
    assert_eq!(issued["name"], "SISKOP2MI BP3MI Banten");
    assert!(
        key.starts_with(&format!("{prefix}_")) && prefix.starts_with("sjk_"),
        "{key}"
    );
    assert_eq!(key.len(), "sjk_".len() + 10 + 1 + 43);

    let rows = stored(&app).await;
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.prefix, prefix);
    assert_eq!(row.secret_hash, sha256_hex(&key));
    assert_eq!(row.scopes, "cohorts:read readiness:read");
    assert_eq!(row.live_slot, Some(1));
    assert_eq!(row.request_count, 0);
    let expires = row.expires_at.unwrap();
    assert_eq!(expires - row.created_at, time::Duration::days(90));
    let sites: Vec<i64> = integration_key_sites::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.site_id)
        .collect();
    assert_eq!(sites, vec![app.site("BBPLK-SRG")]);

    // Nowhere is the key shown again: not in the list, not on the page, not in the log.
    let list = app
        .get_api(&admin, "/api/integrations/keys")
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains(&prefix) && !list.contains(&key));
    let page = app.get(&admin, "/integrasi").await.text().await.unwrap();
    assert!(
        page.contains(&prefix) && page.contains("SISKOP2MI BP3MI Banten"),
        "{page}"
    );
    assert!(!page.contains(&key));
    let created = audited(&app, "integration_key_create").await;
    assert_eq!(created.len(), 1);
    let detail: Value = serde_json::from_str(created[0].detail.as_deref().unwrap()).unwrap();
    assert_eq!(detail["key"], "SISKOP2MI BP3MI Banten");
    assert_eq!(detail["prefix"], prefix.as_str());
    assert!(!created[0].detail.as_deref().unwrap().contains(&key));
    assert!(created[0].actor_user_id.is_some());
}

#[tokio::test]
async fn without_javascript_the_key_appears_once_on_the_page_the_form_leads_to() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let response = app
        .post_form_from(
            &admin,
            "/integrasi",
            "/api/integrations/create-key",
            &[
                ("name", "Pusat ujian JFT Serang"),
                ("scopes[0]", "results:write"),
                ("expires_days", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/integrasi");
    let page = app.get(&admin, "/integrasi").await.text().await.unwrap();
    let row = stored(&app).await.remove(0);
    assert_eq!(row.expires_at, None, "an empty expiry means none");
    let card = page
        .find("data-testid=\"issued-key\"")
        .unwrap_or_else(|| panic!("the key card: {page}"));
    let start = card + page[card..].find('>').unwrap() + 1;
    let key = &page[start..start + page[start..].find('<').unwrap()];
    assert_eq!(sha256_hex(key), row.secret_hash);
    assert!(page.contains("tidak akan ditampilkan lagi"));
    let again = app.get(&admin, "/integrasi").await.text().await.unwrap();
    assert!(!again.contains(key), "shown once only");

    // A refused form comes back with the reasons and what was typed.
    let response = app
        .post_form_from(
            &admin,
            "/integrasi",
            "/api/integrations/create-key",
            &[("name", "Pusat ujian"), ("expires_days", "999")],
        )
        .await;
    assert_eq!(location(&response), "/integrasi");
    let page = app.get(&admin, "/integrasi").await.text().await.unwrap();
    assert!(page.contains("Wajib diisi."), "scopes are required: {page}");
    assert!(page.contains("value=\"Pusat ujian\""));
}

#[tokio::test]
async fn every_bad_field_is_named_at_once_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    type Pairs<'a> = Vec<(&'a str, &'a str)>;
    let cases: Vec<(Pairs, Pairs)> = vec![
        (
            vec![("name", " "), ("expires_days", "abc"), ("sites[0]", "999999")],
            vec![
                ("name", "Required"),
                ("scopes", "Required"),
                ("sites", "InvalidChoice"),
                ("expires_days", "InvalidNumber"),
            ],
        ),
        (
            vec![("name", "P3MI"), ("scopes[0]", "admin:all")],
            vec![("scopes", "InvalidChoice")],
        ),
        (
            vec![
                ("name", "P3MI"),
                ("scopes[0]", "cohorts:read"),
                ("expires_days", "0"),
            ],
            vec![("expires_days", "OutOfRange")],
        ),
        (
            vec![
                ("name", "P3MI"),
                ("scopes[0]", "cohorts:read"),
                ("expires_days", "731"),
            ],
            vec![("expires_days", "OutOfRange")],
        ),
    ];
    for (form, expected) in cases {
        let (status, error) = error_of(make(&app, &admin, &form).await).await;
        assert_eq!(status, 422, "{form:?}");
        let mut problems = field_problems(&error);
        problems.sort();
        let mut expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, p)| (f.to_owned(), p.to_owned()))
            .collect();
        expected.sort();
        assert_eq!(problems, expected, "{form:?}");
    }
    assert!(stored(&app).await.is_empty());
    assert!(audited(&app, "integration_key_create").await.is_empty());
}

#[tokio::test]
async fn two_keys_of_one_integration_may_be_live_and_a_third_waits_for_one_to_go() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let form = [
        ("name", "SIAPkerja"),
        ("scopes[0]", "trainees:read"),
        ("expires_days", "1"),
    ];
    assert_eq!(make(&app, &admin, &form).await.status(), 200);
    let second = [
        ("name", "SIAPkerja"),
        ("scopes[0]", "trainees:read"),
        ("expires_days", ""),
    ];
    assert_eq!(make(&app, &admin, &second).await.status(), 200);
    let (status, error) = error_of(make(&app, &admin, &second).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("name".to_owned(), "KeysLive".to_owned())]
    );
    // Another integration is not held back.
    assert_eq!(
        make(
            &app,
            &admin,
            &[("name", "SISKOP2MI"), ("scopes[0]", "trainees:read")]
        )
        .await
        .status(),
        200
    );
    // The first key expires: its slot is free again.
    app.advance(time::Duration::days(2));
    let admin = app.signed_in("admin@uji.id").await;
    assert_eq!(make(&app, &admin, &second).await.status(), 200);
    assert_eq!(make(&app, &admin, &second).await.status(), 422);
    // Revoking one frees its slot at once.
    let live = stored(&app)
        .await
        .into_iter()
        .find(|k| k.name == "SIAPkerja" && k.live_slot.is_some())
        .unwrap();
    let response = app
        .call(
            &admin,
            "/api/integrations/revoke-key",
            &[("key_id", &live.id.to_string())],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(make(&app, &admin, &second).await.status(), 200);
    let live_now = integration_keys::Entity::find()
        .filter(integration_keys::Column::Name.eq("SIAPkerja"))
        .filter(integration_keys::Column::LiveSlot.is_not_null())
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(live_now, 2);
}

#[tokio::test]
async fn revoking_is_immediate_audited_once_and_harmless_to_repeat() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    make(
        &app,
        &admin,
        &[("name", "P3MI Maju Jaya"), ("scopes[0]", "readiness:read")],
    )
    .await;
    let key = stored(&app).await.remove(0);
    let id = key.id.to_string();
    for _ in 0..2 {
        let response = app
            .call(&admin, "/api/integrations/revoke-key", &[("key_id", &id)])
            .await;
        assert_eq!(response.status(), 200);
    }
    let key = stored(&app).await.remove(0);
    assert!(key.revoked_at.is_some());
    assert_eq!(key.live_slot, None);
    let revoked = audited(&app, "integration_key_revoke").await;
    assert_eq!(revoked.len(), 1);
    assert!(revoked[0].detail.as_deref().unwrap().contains(&key.prefix));
    let page = app.get(&admin, "/integrasi").await.text().await.unwrap();
    assert!(page.contains("Dicabut"));
    assert!(
        !page.contains(&format!("Cabut kunci {}", key.prefix)),
        "no button for a revoked key"
    );

    let (status, error) = error_of(
        app.call(&admin, "/api/integrations/revoke-key", &[("key_id", "999999")])
            .await,
    )
    .await;
    assert_eq!((status, variant(&error)), (404, "NotFound".to_owned()));
    let (status, _) = error_of(
        app.call(&admin, "/api/integrations/revoke-key", &[("key_id", "x")])
            .await,
    )
    .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_coordinator_may_not_make_list_or_revoke_keys() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    make(&app, &admin, &[("name", "P3MI"), ("scopes[0]", "readiness:read")]).await;
    let id = stored(&app).await.remove(0).id.to_string();
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let (status, _) =
        error_of(make(&app, &coordinator, &[("name", "Mine"), ("scopes[0]", "pii:read")]).await).await;
    assert_eq!(status, 403);
    let (status, _) = error_of(
        app.call(&coordinator, "/api/integrations/revoke-key", &[("key_id", &id)])
            .await,
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(
        app.get_api(&coordinator, "/api/integrations/keys").await.status(),
        403
    );
    assert_eq!(stored(&app).await.len(), 1);
    assert!(stored(&app).await[0].revoked_at.is_none());
    let nav = app.get(&admin, "/").await.text().await.unwrap();
    assert!(nav.contains("href=\"/integrasi\""));
    let nav = app.get(&coordinator, "/").await.text().await.unwrap();
    assert!(!nav.contains("href=\"/integrasi\""));
}
