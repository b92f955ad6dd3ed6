//! Enrollment over HTTP: the lifecycle's moves, seats that never exceed capacity (also
//! under concurrent acceptance), the waitlist taking a freed seat, overlapping cohorts,
//! transfers, and who may do what to whose enrollment.

use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use siap_jepang::entities::{enrollment_events, enrollments};
use siap_jepang::kernel::Role;

const RUNNING: (&str, &str) = ("2026-01-05", "2027-06-30");

struct Setup {
    app: TestApp,
    coordinator: reqwest::Client,
    cohort: i64,
}

async fn setup(capacity: i32) -> Setup {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let cohort = app.cohort("JP-UJI-01", "BBPLK-SRG", RUNNING, &[], &[]).await;
    app.set_capacity(cohort, capacity).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    Setup {
        app,
        coordinator,
        cohort,
    }
}

/// Applies trainee `record` to `cohort` as `client`: the enrollment's id.
async fn apply(app: &TestApp, client: &reqwest::Client, cohort: i64, record: i64) -> i64 {
    let (cohort_s, record_s) = (cohort.to_string(), record.to_string());
    let (status, body) = error_of(
        app.call(
            client,
            "/api/trainees/enroll",
            &[("cohort_id", &cohort_s), ("trainee_id", &record_s)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    enrollments::Entity::find()
        .filter(enrollments::Column::TraineeId.eq(record))
        .filter(enrollments::Column::CohortId.eq(cohort))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("enrollment")
        .id
}

/// Moves an enrollment: the status code and the JSON answer.
async fn move_to(
    app: &TestApp,
    client: &reqwest::Client,
    enrollment: i64,
    status: &str,
    extra: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let id = enrollment.to_string();
    let mut form = vec![("enrollment_id", id.as_str()), ("status", status)];
    form.extend_from_slice(extra);
    error_of(app.call(client, "/api/trainees/change-status", &form).await).await
}

fn problem(body: &serde_json::Value) -> (String, String) {
    field_problems(body).into_iter().next().unwrap_or_default()
}

#[tokio::test]
async fn an_enrollment_moves_only_along_the_lifecycle_and_every_move_is_recorded() {
    let Setup {
        app,
        coordinator,
        cohort,
    } = setup(10).await;
    let record = app.trainee_record("BBPLK-SRG", "Budi Santoso", 1).await;
    let id = apply(&app, &coordinator, cohort, record).await;
    assert_eq!(app.enrollment_status(id).await, "applied");

    let (status, body) = move_to(&app, &coordinator, id, "active", &[]).await;
    assert_eq!(status, 422, "accept first");
    assert_eq!(problem(&body), ("status".into(), "InvalidTransition".into()));
    let (status, body) = move_to(&app, &coordinator, id, "ditolak", &[]).await;
    assert_eq!(
        (status, problem(&body).0.as_str()),
        (422, "status"),
        "an unknown status"
    );

    assert_eq!(move_to(&app, &coordinator, id, "accepted", &[]).await.0, 200);
    assert_eq!(app.seats(cohort).await, (1, 1));
    assert_eq!(move_to(&app, &coordinator, id, "active", &[]).await.0, 200);
    let (status, body) = move_to(&app, &coordinator, id, "withdrawn", &[]).await;
    assert_eq!(status, 422);
    assert_eq!(
        problem(&body),
        ("reason".into(), "Required".into()),
        "leaving says why"
    );
    let (status, _) = move_to(
        &app,
        &coordinator,
        id,
        "withdrawn",
        &[("reason", "Berangkat lewat LPK lain")],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(app.enrollment_status(id).await, "withdrawn");
    assert_eq!(app.seats(cohort).await, (0, 0), "the seat is freed");
    assert_eq!(
        move_to(&app, &coordinator, id, "active", &[]).await.0,
        422,
        "final"
    );

    let events = enrollment_events::Entity::find()
        .filter(enrollment_events::Column::EnrollmentId.eq(id))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(events, 4, "applied, accepted, active, withdrawn");
    let cohort_s = cohort.to_string();
    let record_s = record.to_string();
    let (status, body) = error_of(
        app.call(
            &coordinator,
            "/api/trainees/enroll",
            &[("cohort_id", &cohort_s), ("trainee_id", &record_s)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem(&body), ("cohort_id".into(), "AlreadyEnrolled".into()));

    // The roster page shows the history with the reason.
    let html = app
        .get(&coordinator, &format!("/angkatan/{cohort}/peserta"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Budi Santoso"));
    let detail = app
        .get(&coordinator, &format!("/peserta/{record}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(detail.contains("Berangkat lewat LPK lain"));
}

#[tokio::test]
async fn a_full_cohort_refuses_acceptance_and_a_freed_seat_goes_to_the_longest_waiting() {
    let Setup {
        app,
        coordinator,
        cohort,
    } = setup(2).await;
    let mut ids = Vec::new();
    for (n, name) in ["Adi", "Bayu", "Citra", "Dian"].iter().enumerate() {
        let record = app.trainee_record("BBPLK-SRG", name, n as u32 + 1).await;
        ids.push(apply(&app, &coordinator, cohort, record).await);
    }
    assert_eq!(move_to(&app, &coordinator, ids[0], "accepted", &[]).await.0, 200);
    assert_eq!(move_to(&app, &coordinator, ids[1], "accepted", &[]).await.0, 200);
    let (status, body) = move_to(&app, &coordinator, ids[2], "accepted", &[]).await;
    assert_eq!(status, 422);
    assert_eq!(problem(&body), ("status".into(), "CohortFull".into()));
    // Dian waits first, then Citra.
    assert_eq!(
        move_to(&app, &coordinator, ids[3], "waitlisted", &[]).await.0,
        200
    );
    app.advance(time::Duration::minutes(5));
    assert_eq!(
        move_to(&app, &coordinator, ids[2], "waitlisted", &[]).await.0,
        200
    );

    let (status, _) = move_to(&app, &coordinator, ids[0], "withdrawn", &[("reason", "Sakit")]).await;
    assert_eq!(status, 200);
    assert_eq!(
        app.enrollment_status(ids[3]).await,
        "accepted",
        "Dian waited longest"
    );
    assert_eq!(app.enrollment_status(ids[2]).await, "waitlisted");
    assert_eq!(app.seats(cohort).await, (2, 2));

    // Lowering the capacity below the seats taken is refused, with the count named.
    let (programme, course) = reference_ids(&app).await;
    let (programme, course, site) = (
        programme.to_string(),
        course.to_string(),
        app.site("BBPLK-SRG").to_string(),
    );
    let cohort_s = cohort.to_string();
    let form = [
        ("cohort_id", cohort_s.as_str()),
        ("code", "JP-UJI-01"),
        ("course_id", &course),
        ("programme_id", &programme),
        ("site_id", &site),
        ("capacity", "1"),
        ("starts_on", RUNNING.0),
        ("ends_on", RUNNING.1),
        ("status", "running"),
    ];
    let (status, body) = error_of(app.call(&coordinator, "/api/cohorts/update", &form).await).await;
    assert_eq!(status, 422);
    assert_eq!(problem(&body), ("capacity".into(), "BelowSeatsTaken".into()));
    assert_eq!(app.seats(cohort).await, (2, 2));
}

#[tokio::test]
async fn concurrent_acceptances_never_overfill_a_cohort() {
    let Setup {
        app,
        coordinator,
        cohort,
    } = setup(3).await;
    let mut ids = Vec::new();
    for n in 1..=10u32 {
        let record = app.trainee_record("BBPLK-SRG", &format!("Peserta {n}"), n).await;
        ids.push(apply(&app, &coordinator, cohort, record).await);
    }
    let attempts = ids
        .iter()
        .map(|id| move_to(&app, &coordinator, *id, "accepted", &[]));
    let outcomes = join_all(attempts).await;
    let accepted = outcomes.iter().filter(|(status, _)| *status == 200).count();
    let full = outcomes
        .iter()
        .filter(|(status, body)| *status == 422 && problem(body).1 == "CohortFull")
        .count();
    assert_eq!(
        (accepted, full),
        (3, 7),
        "exactly the capacity, the rest told it is full: {outcomes:?}"
    );
    assert_eq!(app.seats(cohort).await, (3, 3));
}

#[tokio::test]
async fn a_person_is_committed_to_one_cohort_at_a_time_and_transfers_move_the_seat() {
    let Setup {
        app,
        coordinator,
        cohort,
    } = setup(5).await;
    let overlapping = app
        .cohort("JP-UJI-02", "BBPLK-SRG", ("2027-01-04", "2027-09-30"), &[], &[])
        .await;
    let record = app.trainee_record("BBPLK-SRG", "Eka Putri", 7).await;
    let first = apply(&app, &coordinator, cohort, record).await;
    assert_eq!(move_to(&app, &coordinator, first, "accepted", &[]).await.0, 200);
    assert_eq!(move_to(&app, &coordinator, first, "active", &[]).await.0, 200);
    let second = apply(&app, &coordinator, overlapping, record).await;
    let (status, body) = move_to(&app, &coordinator, second, "accepted", &[]).await;
    assert_eq!(status, 422);
    assert_eq!(problem(&body), ("status".into(), "OverlappingEnrollment".into()));
    assert_eq!(app.seats(overlapping).await, (0, 0), "nothing half-written");

    // A transfer to a cohort she is not yet in: out of one, active in the other.
    let target = app
        .cohort("JP-UJI-03", "BBPLK-SRG", ("2026-03-02", "2027-08-31"), &[], &[])
        .await;
    let target_s = target.to_string();
    let (status, body) = move_to(
        &app,
        &coordinator,
        first,
        "transferred",
        &[("reason", "Pindah ke kelas sore"), ("target_cohort", &target_s)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(app.enrollment_status(first).await, "transferred");
    assert_eq!(app.seats(cohort).await, (0, 0));
    assert_eq!(app.seats(target).await, (1, 1));
    let moved = enrollments::Entity::find_by_id(first)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let opened = moved.transferred_to.expect("linked to the new enrollment");
    assert_eq!(app.enrollment_status(opened).await, "active");
}

#[tokio::test]
async fn enrollments_are_changed_only_by_their_sites_coordinators_and_seen_by_their_instructors() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "upt@uji.id", &["UPT-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Instructor, "lain@uji.id", &["BBPLK-SRG"]).await;
    let cohort = app
        .cohort("JP-UJI-01", "BBPLK-SRG", RUNNING, &[sensei], &[])
        .await;
    let rina = app.signed_in("rina@uji.id").await;
    let record = app.trainee_record("BBPLK-SRG", "Fajar", 3).await;
    let id = apply(&app, &rina, cohort, record).await;

    let upt = app.signed_in("upt@uji.id").await;
    let (status, body) = move_to(&app, &upt, id, "accepted", &[]).await;
    assert_eq!((status, variant(&body).as_str()), (404, "NotFound"));
    let cohort_s = cohort.to_string();
    let record_s = record.to_string();
    let (status, _) = error_of(
        app.call(
            &upt,
            "/api/trainees/enroll",
            &[("cohort_id", &cohort_s), ("trainee_id", &record_s)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(app.enrollment_status(id).await, "applied");

    let sensei_client = app.signed_in("sensei@uji.id").await;
    let roster = app
        .get_api(
            &sensei_client,
            &format!("/api/trainees/roster?cohort_id={cohort}"),
        )
        .await;
    assert_eq!(roster.status(), 200);
    let (status, _) = move_to(&app, &sensei_client, id, "accepted", &[]).await;
    assert_eq!(status, 403, "instructors see, coordinators decide");
    let stranger = app.signed_in("lain@uji.id").await;
    let (status, _) = error_of(
        app.get_api(&stranger, &format!("/api/trainees/roster?cohort_id={cohort}"))
            .await,
    )
    .await;
    assert_eq!(status, 404, "not their cohort");
    // The roster export is the roster's: its instructor yes, another no.
    let export = app
        .get(
            &sensei_client,
            &format!("/angkatan/{cohort}/peserta/ekspor?format=csv"),
        )
        .await;
    assert_eq!(export.status(), 200);
    let export = app
        .get(
            &stranger,
            &format!("/angkatan/{cohort}/peserta/ekspor?format=csv"),
        )
        .await;
    assert_eq!(export.status(), 404);
}
