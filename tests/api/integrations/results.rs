//! Official results from a test centre through the API: recorded once per idempotency key,
//! counted in readiness like a coordinator's, audited with the key's name; bad bodies
//! refused field by field; and each key's requests per minute, across instances.

use super::api::{call, key};
use crate::support::readiness::readiness;
use crate::support::*;
use reqwest::header;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};
use siap_jepang::entities::{audit_log, official_results};

fn day(app: &TestApp, offset: i64) -> String {
    let today = siap_jepang::kernel::wib::today(app.state.clock.now());
    siap_jepang::kernel::wib::iso_date(today + time::Duration::days(offset))
}

async fn post(
    app: &TestApp,
    key: &str,
    trainee: i64,
    idempotency: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    let mut request = app
        .client()
        .post(app.url(&format!("/api/v1/trainees/{trainee}/results")))
        .bearer_auth(key)
        .json(body);
    if let Some(idempotency) = idempotency {
        request = request.header("Idempotency-Key", idempotency);
    }
    request.send().await.expect("request")
}

async fn results_of(app: &TestApp, trainee: i64) -> Vec<official_results::Model> {
    official_results::Entity::find()
        .filter(official_results::Column::TraineeId.eq(trainee))
        .all(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_jft_basic_result_from_a_test_centre_is_recorded_once_and_counts_in_readiness() {
    let fixture = readiness().await;
    let app = &fixture.app;
    let key = key(app, &["results:write", "readiness:read"], &["BBPLK-SRG"]).await;
    let path = format!("/api/v1/cohorts/{}/readiness", fixture.cohort);
    let (_, before) = (
        0,
        call(app, Some(&key), &path).await.json::<Value>().await.unwrap(),
    );
    let blocked_on_language = |board: &Value| {
        board["items"][0]["blockers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["requirement"] == "language")
    };
    assert!(blocked_on_language(&before));

    let body = json!({"kind": "jft_basic", "score": 215, "taken_on": day(app, -10), "certificate_no": "JFT-2026-0042137"});
    let first = post(app, &key, fixture.record, Some("hasil-adi-1"), &body).await;
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let answer: Value = first.json().await.unwrap();
    assert_eq!(answer["trainee_id"], fixture.record);
    assert_eq!(answer["passed"], true);

    // The same request again with the same key: the first answer, nothing written.
    let again = post(app, &key, fixture.record, Some("hasil-adi-1"), &body).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.unwrap(), answer);
    let stored = results_of(app, fixture.record).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].score, Some(215));
    assert_eq!(stored[0].certificate_no.as_deref(), Some("JFT-2026-0042137"));
    assert_eq!(stored[0].recorded_by, None, "a key is no account");
    // The same key for another request is a mistake, named.
    let other = json!({"kind": "jft_basic", "score": 190, "taken_on": day(app, -3)});
    let (status, refused) =
        error_of(post(app, &key, fixture.record, Some("hasil-adi-1"), &other).await).await;
    assert_eq!(status, 409);
    assert_eq!(refused["errors"][0]["code"], "IdempotencyKeyReused");
    assert_eq!(results_of(app, fixture.record).await.len(), 1);

    // It counts in readiness as a coordinator's entry does.
    let after: Value = call(app, Some(&key), &path).await.json().await.unwrap();
    assert!(!blocked_on_language(&after), "{after}");
    app.user(
        siap_jepang::kernel::Role::Coordinator,
        "koordinator@uji.id",
        &["BBPLK-SRG"],
    )
    .await;
    let coordinator = app.signed_in("koordinator@uji.id").await;
    let page = app
        .get(&coordinator, &format!("/kesiapan/peserta/{}", fixture.record))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("JFT-2026-0042137"), "the trainee's page shows it");

    // Audited with the key's name, no account.
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("result_record"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0].actor_user_id, None);
    let detail: Value = serde_json::from_str(audited[0].detail.as_deref().unwrap()).unwrap();
    assert!(
        detail["key"].as_str().unwrap().starts_with("Mitra uji"),
        "{detail}"
    );
    assert_eq!(detail["kind"], "jft_basic");

    // Without an idempotency key every request writes.
    let jlpt = json!({"kind": "jlpt", "level": "N4", "passed": true, "taken_on": day(app, -40), "certificate_no": null});
    assert_eq!(post(app, &key, fixture.record, None, &jlpt).await.status(), 201);
    assert_eq!(results_of(app, fixture.record).await.len(), 2);
}

#[tokio::test]
async fn bad_results_are_refused_field_by_field_and_nothing_is_written() {
    let fixture = readiness().await;
    let app = &fixture.app;
    let key = key(app, &["results:write"], &["BBPLK-SRG"]).await;
    let (past, future) = (day(app, -5), day(app, 5));
    let cases = vec![
        (
            json!({"kind": "jft_basic", "score": 9, "taken_on": past}),
            422,
            vec![("score", "OutOfRange")],
        ),
        (
            json!({"kind": "jft_basic", "score": 251, "taken_on": past}),
            422,
            vec![("score", "OutOfRange")],
        ),
        (
            json!({"kind": "jft_basic", "score": "215", "taken_on": past}),
            422,
            vec![("score", "WrongType")],
        ),
        (
            json!({"kind": "jft_basic", "score": 215.5, "taken_on": past}),
            422,
            vec![("score", "WrongType")],
        ),
        (
            json!({"kind": "jft_basic", "taken_on": past}),
            422,
            vec![("score", "Required")],
        ),
        (
            json!({"kind": "jlpt", "level": "N4", "passed": true, "taken_on": "2026-13-01"}),
            422,
            vec![("taken_on", "InvalidDate")],
        ),
        (
            json!({"kind": "jlpt", "level": "N4", "passed": true, "taken_on": "5 Juli 2026"}),
            422,
            vec![("taken_on", "InvalidDate")],
        ),
        (
            json!({"kind": "jlpt", "level": "N6", "passed": true, "taken_on": past}),
            422,
            vec![("level", "InvalidChoice")],
        ),
        (
            json!({"kind": "jlpt", "level": " N4", "passed": true, "taken_on": past}),
            422,
            vec![("level", "InvalidChoice")],
        ),
        (
            json!({"kind": "jlpt", "level": "N4", "passed": true, "taken_on": future}),
            422,
            vec![("taken_on", "DateInFuture")],
        ),
        (
            json!({"kind": "jlpt", "level": "N4", "passed": "ya", "taken_on": past}),
            422,
            vec![("passed", "WrongType")],
        ),
        (
            json!({"kind": "jlpt", "level": null, "passed": true, "taken_on": past}),
            422,
            vec![("level", "WrongType")],
        ),
        (
            json!({"kind": "jlpt", "level": "N4", "passed": true, "taken_on": past, "certificate_no": "e\u{301}".repeat(31)}),
            422,
            vec![("certificate_no", "TooLong")],
        ),
        (
            json!({"kind": "jlpt", "level": "N4", "taken_on": past, "score": 200}),
            422,
            vec![("passed", "Required"), ("score", "UnknownField")],
        ),
        (
            json!({"kind": "ssw_skills", "passed": true, "taken_on": past, "nik": "3673050101900001"}),
            422,
            vec![("nik", "UnknownField")],
        ),
        (
            json!({"kind": "ssw_skills", "passed": true, "taken_on": past, "certificate_no": "x".repeat(61)}),
            422,
            vec![("certificate_no", "TooLong")],
        ),
        (
            json!({"kind": "toefl", "taken_on": past}),
            422,
            vec![("kind", "InvalidChoice")],
        ),
        (
            json!({"kind": 3, "taken_on": past}),
            422,
            vec![("kind", "WrongType")],
        ),
        (json!({"taken_on": past}), 422, vec![("kind", "Required")]),
        (json!([1, 2]), 400, vec![("body", "NotJson")]),
    ];
    for (body, expected_status, expected) in cases {
        let response = post(app, &key, fixture.record, None, &body).await;
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/problem+json",
            "{body}"
        );
        let (status, problem) = error_of(response).await;
        assert_eq!(status, expected_status, "{body}: {problem}");
        let mut fields: Vec<(String, String)> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["field"].as_str().unwrap().to_owned(),
                    e["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        fields.sort();
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, c)| (f.to_owned(), c.to_owned()))
            .collect();
        assert_eq!(fields, expected, "{body}");
    }
    let url = app.url(&format!("/api/v1/trainees/{}/results", fixture.record));
    let raw = app
        .client()
        .post(&url)
        .bearer_auth(&key)
        .body("kind=jft_basic")
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 400);
    let huge = json!({"kind": "ssw_skills", "passed": true, "taken_on": past, "field": "x".repeat(20_000)});
    let (status, _) = error_of(post(app, &key, fixture.record, None, &huge).await).await;
    assert_eq!(status, 413);
    let (status, problem) = error_of(
        app.client()
            .post(&url)
            .bearer_auth(&key)
            .header("Idempotency-Key", "dua kata")
            .json(&json!({"kind": "jft_basic", "score": 215, "taken_on": past}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["code"].as_str()),
        (400, Some("InvalidIdempotencyKey"))
    );
    assert_eq!(
        official_results::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );

    // A trainee out of the key's sites is as missing as one that does not exist.
    let good = json!({"kind": "jft_basic", "score": 215, "taken_on": past});
    let elsewhere = super::api::key(app, &["results:write"], &["UPT-SRG"]).await;
    let (status, theirs) = error_of(post(app, &elsewhere, fixture.record, None, &good).await).await;
    let (_, nothing) = error_of(post(app, &elsewhere, 999_999, None, &good).await).await;
    assert_eq!(status, 404);
    assert_eq!(theirs, nothing);
    let reader = super::api::key(app, &["readiness:read"], &[]).await;
    assert_eq!(
        post(app, &reader, fixture.record, None, &good).await.status(),
        403
    );
    assert_eq!(
        official_results::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn a_key_past_its_requests_per_minute_waits_and_every_instance_counts_them() {
    let app = TestApp::spawn_with(|config| config.api_requests_per_minute = 3).await;
    let key = key(&app, &["cohorts:read"], &[]).await;
    let other = app.second_instance().await;
    assert_eq!(call(&app, Some(&key), "/api/v1/sites").await.status(), 200);
    assert_eq!(call(&other, Some(&key), "/api/v1/sites").await.status(), 200);
    assert_eq!(call(&app, Some(&key), "/api/v1/sites").await.status(), 200);
    let refused = call(&other, Some(&key), "/api/v1/sites").await;
    assert_eq!(refused.status(), 429);
    let wait: u64 = refused.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let problem: Value = refused.json().await.unwrap();
    assert!(
        problem["title"]
            .as_str()
            .unwrap()
            .contains("Terlalu banyak permintaan"),
        "{problem}"
    );
    // Another key has its own minute.
    let second = super::api::key(&app, &["cohorts:read"], &[]).await;
    assert_eq!(call(&app, Some(&second), "/api/v1/sites").await.status(), 200);
    app.advance(time::Duration::seconds(61));
    assert_eq!(call(&app, Some(&key), "/api/v1/sites").await.status(), 200);
    drop(other);
}
