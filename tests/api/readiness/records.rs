//! Readiness over HTTP: a coordinator records results and verifies documents until a
//! trainee is "Siap"; bad input stores nothing; scans are reachable only by the trainee
//! and their site's coordinators; instructors enter a cohort's scores at once; admins
//! change a track's rules; the dashboard's query count does not grow with trainees.

use crate::support::readiness::{post, readiness, upload, Readiness};
use crate::support::*;
use sea_orm::{EntityTrait, PaginatorTrait};
use siap_jepang::entities::{assessment_scores, official_results, trainee_documents};
use siap_jepang::kernel::Role;
use time::Duration;

async fn verdict_of(app: &TestApp, client: &reqwest::Client, record: i64) -> serde_json::Value {
    let response = app
        .get_api(client, &format!("/api/readiness/trainee?trainee_id={record}"))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn blockers(readiness: &serde_json::Value) -> Vec<String> {
    readiness["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["finding"].is_null())
        .map(|c| c["finding"]["blocker"].to_string())
        .collect()
}

async fn review(
    app: &TestApp,
    client: &reqwest::Client,
    record: i64,
    kind: &str,
    dates: (&str, &str),
) -> u16 {
    let record = record.to_string();
    post(
        app,
        client,
        "/api/readiness/review-document",
        &[
            ("trainee_id", &record),
            ("kind", kind),
            ("number", "X-1"),
            ("issued_on", dates.0),
            ("expires_on", dates.1),
            ("decision", "verified"),
        ],
    )
    .await
    .0
}

#[tokio::test]
async fn a_coordinator_verifies_documents_and_records_results_until_the_trainee_is_ready() {
    let Readiness { app, record, .. } = readiness().await;
    let rina = app.signed_in("rina@uji.id").await;
    let today = siap_jepang::kernel::wib::today(app.state.clock.now());
    let iso = |days: i64| siap_jepang::kernel::wib::iso_date(today + Duration::days(days));
    let start = verdict_of(&app, &rina, record).await;
    assert_eq!(
        start["verdict"], "InProgress",
        "in training, nothing yet: all underway"
    );
    assert!(blockers(&start).iter().any(|b| b.contains("Language")));

    let id = record.to_string();
    for (kind, extra) in [
        ("jft_basic", ("score", "200")),
        ("ssw_skills", ("passed", "on")),
        ("care_japanese", ("passed", "on")),
        ("care_skills", ("passed", "on")),
    ] {
        let (status, body) = post(
            &app,
            &rina,
            "/api/readiness/record-result",
            &[
                ("trainee_id", &id),
                ("kind", kind),
                extra,
                ("taken_on", &iso(-10)),
            ],
        )
        .await;
        assert_eq!(status, 200, "{kind}: {body}");
    }
    for kind in ["ktp", "kk", "izin_keluarga", "ijazah", "bpjs_tk", "e_pmi"] {
        assert_eq!(review(&app, &rina, record, kind, ("", "")).await, 200, "{kind}");
    }
    assert_eq!(
        review(&app, &rina, record, "skck", (&iso(-30), &iso(200))).await,
        200
    );
    assert_eq!(
        review(&app, &rina, record, "paspor", (&iso(-300), &iso(180))).await,
        200
    );
    // An MCU of 91 days ago is too old; one of 90 days ago is still good.
    assert_eq!(review(&app, &rina, record, "mcu", (&iso(-91), "")).await, 200);
    let almost = verdict_of(&app, &rina, record).await;
    assert_eq!(blockers(&almost).len(), 1, "{almost}");
    assert!(blockers(&almost)[0].contains("DocumentExpired"), "{almost}");
    assert_eq!(almost["verdict"], "NotReady");
    assert_eq!(review(&app, &rina, record, "mcu", (&iso(-90), "")).await, 200);
    let ready = verdict_of(&app, &rina, record).await;
    assert_eq!(ready["verdict"], "Ready", "{ready}");

    let dashboard: serde_json::Value = app
        .get_api(&rina, "/api/readiness/dashboard")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(dashboard["funnel"]["enrolled"], 1);
    assert_eq!(dashboard["funnel"]["ready"], 1);
    assert_eq!(dashboard["rows"][0]["verdict"], "Ready");

    // The export says it in Indonesian; the passport runs out within 200 days.
    let csv = app
        .get(&rina, "/kesiapan/ekspor?format=csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("Adi") && csv.contains("Siap") && csv.contains("SSW"),
        "{csv}"
    );
    let expiring: serde_json::Value = app
        .get_api(&rina, "/api/readiness/dashboard?expiring=paspor&within_days=200")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(expiring["total"], 1);
    let not_yet: serde_json::Value = app
        .get_api(&rina, "/api/readiness/dashboard?expiring=paspor&within_days=30")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(not_yet["total"], 0);
}

#[tokio::test]
async fn bad_input_is_refused_with_its_reason_and_stores_nothing() {
    let Readiness { app, record, .. } = readiness().await;
    let rina = app.signed_in("rina@uji.id").await;
    let id = record.to_string();
    let refused = [
        (
            vec![
                ("kind", "jft_basic"),
                ("score", "251"),
                ("taken_on", "2026-01-10"),
            ],
            "score",
        ),
        (
            vec![("kind", "jlpt"), ("level", "N6"), ("taken_on", "2026-01-10")],
            "level",
        ),
        (vec![("kind", "toefl"), ("taken_on", "2026-01-10")], "kind"),
        (
            vec![("kind", "jlpt"), ("level", "N4"), ("taken_on", "2999-01-10")],
            "taken_on",
        ),
    ];
    for (form, field) in refused {
        let mut form = form;
        form.push(("trainee_id", &id));
        let (status, body) = post(&app, &rina, "/api/readiness/record-result", &form).await;
        assert_eq!(status, 422, "{body}");
        assert!(
            field_problems(&body).iter().any(|(f, _)| f == field),
            "{field}: {body}"
        );
    }
    let (status, body) = post(
        &app,
        &rina,
        "/api/readiness/review-document",
        &[
            ("trainee_id", &id),
            ("kind", "paspor"),
            ("issued_on", "2026-05-01"),
            ("expires_on", "2026-04-30"),
            ("decision", "rejected"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<String> = field_problems(&body).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["expires_on", "reason"], "{body}");
    assert_eq!(
        official_results::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        trainee_documents::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );

    // Scans: not a photo or PDF, or too big: back to the page, nothing stored.
    let adi = app.signed_in("0812-0000-0001").await;
    for bytes in [b"<svg onload=alert(1)>".to_vec(), vec![b'%'; 1536 * 1024 + 10]] {
        let response = upload(&app, &adi, None, "mcu", bytes).await;
        assert_eq!(response.status(), 303);
        assert_eq!(location(&response), "/kesiapan-saya");
    }
    assert_eq!(
        trainee_documents::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn instructors_enter_a_whole_cohorts_scores_at_once_and_a_bad_one_refuses_the_lot() {
    let Readiness { app, record, cohort } = readiness().await;
    let sensei = app.signed_in("sensei@uji.id").await;
    let cohort_id = cohort.to_string();
    let (status, body) = post(
        &app,
        &sensei,
        "/api/readiness/create-assessment",
        &[
            ("cohort_id", &cohort_id),
            ("kind", "mock_jft"),
            ("title", "Simulasi 1"),
            ("held_on", "2026-11-20"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let progress: serde_json::Value = app
        .get_api(&sensei, &format!("/api/readiness/progress?cohort_id={cohort}"))
        .await
        .json()
        .await
        .unwrap();
    let assessment = &progress["assessments"][0];
    assert_eq!(
        (
            assessment["max_score"].as_u64(),
            assessment["pass_score"].as_u64()
        ),
        (Some(250), Some(200))
    );
    let assessment_id = assessment["id"].to_string();
    let field = format!("score[{record}]");
    let (status, body) = post(
        &app,
        &sensei,
        "/api/readiness/save-scores",
        &[("assessment_id", &assessment_id), (&field, "260")],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(field_problems(&body)[0].0, field);
    assert_eq!(
        assessment_scores::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
    let (status, _) = post(
        &app,
        &sensei,
        "/api/readiness/save-scores",
        &[
            ("assessment_id", &assessment_id),
            (&field, "185"),
            ("score[999999]", ""),
        ],
    )
    .await;
    assert_eq!(status, 422, "a trainee not in the cohort refuses the lot");
    let (status, body) = post(
        &app,
        &sensei,
        "/api/readiness/save-scores",
        &[("assessment_id", &assessment_id), (&field, "185")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let progress: serde_json::Value = app
        .get_api(&sensei, &format!("/api/readiness/progress?cohort_id={cohort}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(progress["rows"][0]["scores"][0], 185);
    // The trainee sees it in their own readiness.
    let adi = app.signed_in("0812-0000-0001").await;
    let mine: serde_json::Value = app
        .get_api(&adi, "/api/readiness/mine")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["scores"][0]["score"], 185);
}

#[tokio::test]
async fn an_admin_changes_a_tracks_rules_and_the_verdicts_follow() {
    let Readiness { app, record, .. } = readiness().await;
    let admin = app.signed_in("admin@uji.id").await;
    let rules: serde_json::Value = app
        .get_api(&admin, "/api/readiness/rules")
        .await
        .json()
        .await
        .unwrap();
    let kaigo = rules["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "SSW-KAIGO")
        .unwrap();
    assert_eq!(kaigo["defaults"], true);
    let programme = kaigo["programme_id"].to_string();
    let (status, body) = post(
        &app,
        &admin,
        "/api/readiness/save-rules",
        &[("programme_id", &programme), ("jft", "300")],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    // Only JLPT N3 and the KTP now.
    let (status, body) = post(
        &app,
        &admin,
        "/api/readiness/save-rules",
        &[("programme_id", &programme), ("jlpt", "N3"), ("doc[ktp]", "on")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let rina = app.signed_in("rina@uji.id").await;
    let readiness = verdict_of(&app, &rina, record).await;
    assert_eq!(readiness["checks"].as_array().unwrap().len(), 2, "{readiness}");
    let (status, _) = post(
        &app,
        &rina,
        "/api/readiness/save-rules",
        &[("programme_id", &programme)],
    )
    .await;
    assert_eq!(
        status, 403,
        "coordinators read the rules, only admins change them"
    );
}

#[tokio::test]
async fn the_dashboard_takes_the_same_number_of_queries_for_2_or_20_trainees() {
    let Readiness { app, cohort, .. } = readiness().await;
    let few = dashboard_queries(&app).await;
    for n in 0..18 {
        let user = app
            .user_named(
                Role::Trainee,
                &format!("0813-0000-{n:04}"),
                &format!("P{n}"),
                &["BBPLK-SRG"],
            )
            .await;
        app.enroll_active(cohort, user).await;
    }
    let many = dashboard_queries(&app).await;
    assert_eq!(
        few, many,
        "the dashboard's queries must not grow with its trainees"
    );
}

async fn dashboard_queries(app: &TestApp) -> usize {
    let admin = siap_jepang::kernel::Actor::new(1, Role::Admin, &[]);
    let (db, queries) = app.counting_db();
    // The first may fill what the schedule holds in memory; the second is counted.
    for _ in 0..2 {
        queries.store(0, std::sync::atomic::Ordering::SeqCst);
        siap_jepang::readiness::service::dashboard(app.env(&db), &admin, Default::default())
            .await
            .unwrap();
    }
    queries.load(std::sync::atomic::Ordering::SeqCst)
}
