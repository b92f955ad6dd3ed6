//! Who may see a trainee's readiness: scans only for the trainee and their site's
//! coordinators (also when an id is guessed), another site's coordinator and another
//! cohort's instructor are told "not found" and nothing is written.

use crate::support::readiness::{post, readiness, upload, Readiness, PNG};
use sea_orm::{EntityTrait, PaginatorTrait};
use siap_jepang::entities::{official_results, trainee_documents};

#[tokio::test]
async fn scans_are_reachable_only_by_the_trainee_and_their_sites_coordinators() {
    let Readiness { app, record, .. } = readiness().await;
    let adi = app.signed_in("0812-0000-0001").await;
    let response = upload(&app, &adi, None, "paspor", PNG.to_vec()).await;
    assert_eq!(response.status(), 303);
    let document = trainee_documents::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (document.trainee_id, document.status.as_str(), document.has_scan),
        (record, "submitted", true)
    );
    let path = format!("/kesiapan/dokumen/{}/pindaian", document.id);
    let seen = app.get(&adi, &path).await;
    assert_eq!(seen.status(), 200);
    assert_eq!(seen.headers()["content-type"], "image/png");
    assert_eq!(seen.headers()["cache-control"], "private, no-store");
    assert_eq!(
        app.get(&app.signed_in("rina@uji.id").await, &path).await.status(),
        200
    );
    for other in ["tono@uji.id", "sensei@uji.id", "0812-0000-0002"] {
        let client = app.signed_in(other).await;
        assert_eq!(app.get(&client, &path).await.status(), 404, "{other}");
        // …nor by guessing the next id.
        let next = format!("/kesiapan/dokumen/{}/pindaian", document.id + 1);
        assert_eq!(app.get(&client, &next).await.status(), 404, "{other}");
    }
    assert_eq!(app.get(&app.client(), &path).await.status(), 303);
    // Another site's coordinator cannot upload for Adi either.
    let tono = app.signed_in("tono@uji.id").await;
    assert_eq!(
        upload(&app, &tono, Some(record), "kk", PNG.to_vec())
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn another_sites_coordinator_and_another_cohorts_instructor_learn_nothing() {
    let Readiness { app, record, cohort } = readiness().await;
    let tono = app.signed_in("tono@uji.id").await;
    let id = record.to_string();
    let response = app
        .get_api(&tono, &format!("/api/readiness/trainee?trainee_id={record}"))
        .await;
    assert_eq!(response.status(), 404);
    let (status, _) = post(
        &app,
        &tono,
        "/api/readiness/record-result",
        &[
            ("trainee_id", &id),
            ("kind", "jlpt"),
            ("level", "N4"),
            ("passed", "on"),
            ("taken_on", "2026-07-05"),
        ],
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = post(
        &app,
        &tono,
        "/api/readiness/review-document",
        &[("trainee_id", &id), ("kind", "ktp"), ("decision", "verified")],
    )
    .await;
    assert_eq!(status, 404);
    let dashboard: serde_json::Value = app
        .get_api(&tono, "/api/readiness/dashboard")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(dashboard["total"], 0);
    let site = app.site("BBPLK-SRG");
    let response = app
        .get_api(&tono, &format!("/api/readiness/dashboard?site_id={site}"))
        .await;
    assert_eq!(response.status(), 404);
    let lain = app.signed_in("lain@uji.id").await;
    let response = app
        .get_api(&lain, &format!("/api/readiness/progress?cohort_id={cohort}"))
        .await;
    assert_eq!(response.status(), 404);
    let cohort = cohort.to_string();
    let (status, _) = post(
        &app,
        &lain,
        "/api/readiness/create-assessment",
        &[
            ("cohort_id", &cohort),
            ("kind", "quiz"),
            ("title", "Kuis 1"),
            ("held_on", "2026-11-01"),
        ],
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(
        official_results::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
}
