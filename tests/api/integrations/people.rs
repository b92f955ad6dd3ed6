//! Trainees through the API: records, enrollments, attendance, sessions and readiness for
//! a key within its sites (another site's row is missing, as one that does not exist);
//! whole NIKs and contacts only with `pii:read`, each such read audited with the key's
//! name; and a trainee's government numbers set by a partner, shown on the trainee's page.

use super::api::{call, key};
use crate::support::readiness::readiness;
use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use siap_jepang::entities::{audit_log, trainees};

async fn read(app: &TestApp, key: &str, path: &str) -> (u16, Value) {
    error_of(call(app, Some(key), path).await).await
}

async fn audited(app: &TestApp, action: &str) -> Vec<Value> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| {
            assert_eq!(row.actor_user_id, None, "a key is no account");
            serde_json::from_str(row.detail.as_deref().unwrap_or("{}")).unwrap()
        })
        .collect()
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            item["full_name"]
                .as_str()
                .or(item["name"].as_str())
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn a_key_reads_its_sites_trainees_with_their_enrollments_attendance_sessions_and_readiness() {
    let fixture = readiness().await;
    let app = &fixture.app;
    let (cohort, record) = (fixture.cohort, fixture.record);
    let elsewhere = app.trainee_record("UPT-SRG", "Orang Lain", 7).await;
    let scopes = [
        "trainees:read",
        "attendance:read",
        "readiness:read",
        "cohorts:read",
    ];
    let key = key(app, &scopes, &["BBPLK-SRG"]).await;

    // Records: its site's only, NIK masked and no personal data without `pii:read`.
    let (status, page) = read(app, &key, "/api/v1/trainees").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(names(&page), ["Adi"]);
    let adi = &page["items"][0];
    assert_eq!(adi["id"], record);
    assert_eq!(adi["site"], "BBPLK-SRG");
    assert!(adi["nik"].as_str().unwrap().contains('*'), "{adi}");
    assert_eq!(adi["personal"], Value::Null);
    let (_, enrolled) = read(app, &key, &format!("/api/v1/trainees?cohort={cohort}")).await;
    assert_eq!(names(&enrolled), ["Adi"]);
    let (_, theirs) = read(app, &key, "/api/v1/trainees?site=UPT-SRG").await;
    assert_eq!(names(&theirs), Vec::<String>::new());
    let (_, later) = read(
        app,
        &key,
        "/api/v1/trainees?updated_since=2999-01-01T00:00:00%2B07:00",
    )
    .await;
    assert_eq!(names(&later), Vec::<String>::new());
    // An instant the database cannot hold is a refused date, not a failure.
    let (status, refused) = read(
        app,
        &key,
        "/api/v1/trainees?updated_since=9999-12-31T23:59:59-01:00",
    )
    .await;
    assert_eq!(
        (status, refused["errors"][0]["code"].as_str()),
        (422, Some("InvalidDate"))
    );
    let (status, refused) = read(app, &key, "/api/v1/trainees?cohort=satu").await;
    assert_eq!(
        (status, refused["errors"][0]["field"].as_str()),
        (422, Some("cohort"))
    );

    // Another site's record is missing, exactly as one that does not exist.
    let (status, other) = read(app, &key, &format!("/api/v1/trainees/{elsewhere}")).await;
    let (_, missing) = read(app, &key, "/api/v1/trainees/987654").await;
    assert_eq!(status, 404);
    assert_eq!(other, missing);
    for path in ["enrollments", "attendance", "readiness"] {
        let (status, _) = read(app, &key, &format!("/api/v1/trainees/{elsewhere}/{path}")).await;
        assert_eq!(status, 404, "{path}");
    }

    // Enrollments with their history.
    let (status, enrollments) = read(app, &key, &format!("/api/v1/trainees/{record}/enrollments")).await;
    assert_eq!(status, 200, "{enrollments}");
    let first = &enrollments["items"][0];
    assert_eq!(first["cohort"], "JP-SIAP-01");
    assert_eq!(first["cohort_id"], cohort);
    assert_eq!(first["status"], "active");

    // Attendance: one session held, attended.
    for path in [
        format!("/api/v1/cohorts/{cohort}/attendance"),
        format!("/api/v1/trainees/{record}/attendance"),
    ] {
        let (status, attendance) = read(app, &key, &path).await;
        assert_eq!(status, 200, "{attendance}");
        let standing = &attendance["items"][0];
        assert_eq!(standing["trainee_id"], record, "{path}");
        assert_eq!(standing["present"], 1);
        assert_eq!(standing["rate"], 100.0);
        assert_eq!(standing["threshold"], 80);
        assert_eq!(standing["meets_threshold"], true);
    }

    // Sessions in a range of days.
    let today = siap_jepang::kernel::wib::iso_date(siap_jepang::kernel::wib::today(app.state.clock.now()));
    let (status, all) = read(app, &key, &format!("/api/v1/cohorts/{cohort}/sessions")).await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all["items"].as_array().unwrap().len(), 1);
    assert_eq!(all["items"][0]["status"], "scheduled");
    assert!(all["items"][0]["starts_at"].as_str().unwrap().ends_with("+07:00"));
    let (_, coming) = read(
        app,
        &key,
        &format!("/api/v1/cohorts/{cohort}/sessions?from={today}"),
    )
    .await;
    assert_eq!(coming["items"].as_array().unwrap().len(), 0);
    let (status, refused) = read(
        app,
        &key,
        &format!("/api/v1/cohorts/{cohort}/sessions?from=7-12-2026"),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(refused["errors"][0]["field"], "from");
    assert_eq!(refused["errors"][0]["code"], "InvalidDate");

    // Readiness of the trainee, and of the site.
    let (status, verdict) = read(app, &key, &format!("/api/v1/trainees/{record}/readiness")).await;
    assert_eq!(status, 200, "{verdict}");
    assert_eq!(verdict["cohort"], "JP-SIAP-01");
    assert_ne!(verdict["verdict"], "siap");
    assert!(!verdict["blockers"].as_array().unwrap().is_empty(), "{verdict}");
    let serang = app.site("BBPLK-SRG");
    let (status, site) = read(app, &key, &format!("/api/v1/sites/{serang}/readiness")).await;
    assert_eq!(status, 200, "{site}");
    assert_eq!(names(&site), ["Adi"]);
    assert_eq!(site["items"][0]["verdict"], verdict["verdict"]);
    let (_, ready) = read(
        app,
        &key,
        &format!("/api/v1/sites/{serang}/readiness?verdict=siap"),
    )
    .await;
    assert_eq!(names(&ready), Vec::<String>::new());
    let (status, _) = read(
        app,
        &key,
        &format!("/api/v1/sites/{serang}/readiness?verdict=ready"),
    )
    .await;
    assert_eq!(status, 422);
    let upt = app.site("UPT-SRG");
    let (status, other) = read(app, &key, &format!("/api/v1/sites/{upt}/readiness")).await;
    let (_, missing) = read(app, &key, "/api/v1/sites/987654/readiness").await;
    assert_eq!(status, 404);
    assert_eq!(other, missing);

    // A step in the enrollment's history, taken on the pages, is read with its reason.
    let coordinator = app.signed_in("rina@uji.id").await;
    let enrollment = first["id"].as_i64().unwrap().to_string();
    let form = [
        ("enrollment_id", enrollment.as_str()),
        ("status", "withdrawn"),
        ("reason", "Pindah ke LPK lain"),
        ("date", today.as_str()),
    ];
    let (status, answer) = error_of(app.call(&coordinator, "/api/trainees/change-status", &form).await).await;
    assert_eq!(status, 200, "{answer}");
    let (_, enrollments) = read(app, &key, &format!("/api/v1/trainees/{record}/enrollments")).await;
    let step = &enrollments["items"][0]["history"][0];
    assert_eq!(
        (&step["from"], &step["to"], &step["reason"]),
        (
            &json!("active"),
            &json!("withdrawn"),
            &json!("Pindah ke LPK lain")
        ),
        "{enrollments}"
    );
    assert!(step["at"].as_str().unwrap().ends_with("+07:00"));
    assert_eq!(enrollments["items"][0]["left_on"], today);

    assert!(
        audited(app, "personal_data_read").await.is_empty(),
        "nothing personal was read"
    );
}

#[tokio::test]
async fn whole_niks_and_contacts_go_only_to_keys_with_pii_read_and_each_such_read_is_audited() {
    let fixture = readiness().await;
    let app = &fixture.app;
    let record = fixture.record;
    let stored = trainees::Entity::find_by_id(record)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let plain = key(app, &["trainees:read"], &[]).await;
    let personal = key(app, &["trainees:read", "pii:read"], &["BBPLK-SRG"]).await;

    let (_, masked) = read(app, &plain, &format!("/api/v1/trainees/{record}")).await;
    assert_ne!(masked["nik"], stored.nik);
    assert_eq!(masked["personal"], Value::Null);
    assert!(audited(app, "personal_data_read").await.is_empty());

    let (status, whole) = read(app, &personal, &format!("/api/v1/trainees/{record}")).await;
    assert_eq!(status, 200, "{whole}");
    assert_eq!(whole["nik"], stored.nik);
    assert_eq!(
        whole["personal"]["birth_date"],
        siap_jepang::kernel::wib::iso_date(stored.birth_date)
    );
    let (_, list) = read(app, &personal, "/api/v1/trainees").await;
    assert_eq!(list["items"][0]["nik"], stored.nik);

    let reads = audited(app, "personal_data_read").await;
    assert_eq!(reads.len(), 2, "one entry per answer: {reads:?}");
    for read in &reads {
        assert!(read["key"].as_str().unwrap().starts_with("Mitra uji"), "{read}");
        assert_eq!(read["trainees"], json!([record]));
    }
    // Not even a 304 leaks it without the scope: the masked answer has another ETag.
    let response = app
        .client()
        .get(app.url(&format!("/api/v1/trainees/{record}")))
        .bearer_auth(&plain)
        .send()
        .await
        .unwrap();
    let tag = response.headers()["etag"].to_str().unwrap().to_owned();
    let again = app
        .client()
        .get(app.url(&format!("/api/v1/trainees/{record}")))
        .bearer_auth(&personal)
        .header("If-None-Match", tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
}

async fn patch(
    app: &TestApp,
    key: &str,
    record: i64,
    idempotency: Option<&str>,
    body: &str,
) -> reqwest::Response {
    let mut request = app
        .client()
        .patch(app.url(&format!("/api/v1/trainees/{record}/identifiers")))
        .bearer_auth(key)
        .header("Content-Type", "application/json")
        .body(body.to_owned());
    if let Some(idempotency) = idempotency {
        request = request.header("Idempotency-Key", idempotency);
    }
    request.send().await.expect("request")
}

async fn numbers(app: &TestApp, record: i64) -> (Option<String>, Option<String>) {
    let row = trainees::Entity::find_by_id(record)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    (row.id_pmi, row.siskop2mi_no)
}

#[tokio::test]
async fn a_partner_sets_a_trainees_government_numbers_and_the_trainee_page_shows_them() {
    let fixture = readiness().await;
    let app = &fixture.app;
    let record = fixture.record;
    let key = key(app, &["registry:write"], &["BBPLK-SRG"]).await;

    let body = r#"{"id_pmi": "pmi-3604-2026-0001", "siskop2mi_no": "SK2-36-2026-000123"}"#;
    let first = patch(app, &key, record, Some("nomor-adi-1"), body).await;
    assert_eq!(first.status(), 200);
    let saved: Value = first.json().await.unwrap();
    assert_eq!(saved["id_pmi"], "PMI-3604-2026-0001", "kept in capitals");
    assert_eq!(saved["siskop2mi_no"], "SK2-36-2026-000123");
    let again = patch(app, &key, record, Some("nomor-adi-1"), body).await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.unwrap(), saved);

    let coordinator = app.signed_in("rina@uji.id").await;
    let page = app
        .get(&coordinator, &format!("/peserta/{record}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("PMI-3604-2026-0001"), "the trainee's page shows it");
    assert!(page.contains("SK2-36-2026-000123"));
    let updates = audited(app, "trainee_update").await;
    assert_eq!(updates.len(), 1, "one write, one entry");
    assert!(updates[0]["key"].as_str().unwrap().starts_with("Mitra uji"));
    assert_eq!(updates[0]["fields"], json!(["id_pmi", "siskop2mi_no"]));

    // `null` clears one; what is left out stays.
    let cleared = patch(app, &key, record, None, r#"{"id_pmi": null}"#).await;
    assert_eq!(cleared.status(), 200);
    assert_eq!(
        numbers(app, record).await,
        (None, Some("SK2-36-2026-000123".into()))
    );

    // A number another record holds, and every malformed body: named, nothing written.
    let other = app.trainee_record("BBPLK-SRG", "Bayu Lain", 8).await;
    let taken = patch(
        app,
        &key,
        other,
        None,
        r#"{"siskop2mi_no": "sk2-36-2026-000123"}"#,
    )
    .await;
    let (status, refused) = error_of(taken).await;
    assert_eq!(status, 422);
    assert_eq!(refused["errors"][0]["field"], "siskop2mi_no");
    assert_eq!(refused["errors"][0]["code"], "RegistryNumberTaken");
    for (body, status, field, code) in [
        (r#"{"id_pmi": 5}"#, 422, "id_pmi", "WrongType"),
        (r#"{"id_pmi": "x"}"#, 422, "id_pmi", "InvalidRegistryNumber"),
        (r#"{"id_pmi": "  "}"#, 422, "id_pmi", "InvalidRegistryNumber"),
        (
            r#"{"id_pmi": "PMI 3604"}"#,
            422,
            "id_pmi",
            "InvalidRegistryNumber",
        ),
        (r#"{"nik": "3673050101900001"}"#, 422, "nik", "UnknownField"),
        ("[1, 2]", 400, "body", "NotJson"),
        ("{", 400, "body", "NotJson"),
    ] {
        let (got, refused) = error_of(patch(app, &key, other, None, body).await).await;
        assert_eq!(got, status, "{body}: {refused}");
        assert_eq!(refused["errors"][0]["field"], field, "{body}");
        assert_eq!(refused["errors"][0]["code"], code, "{body}");
    }
    assert_eq!(numbers(app, other).await, (None, None));
    let upt = app.trainee_record("UPT-SRG", "Orang Lain", 9).await;
    let (status, _) = error_of(patch(app, &key, upt, None, r#"{"id_pmi": "PMI-1"}"#).await).await;
    assert_eq!(status, 404, "another site's record is missing");
    assert_eq!(numbers(app, upt).await, (None, None));
    assert_eq!(audited(app, "trainee_update").await.len(), 2);
}
