//! The readiness dashboard from memory: what it reads of a cohort's people (enrollments,
//! names, results, documents, kept attendance counts) is held until any of it changes, by
//! any path (here: statements straight to the database), and every view agrees with the
//! trainee's own record, which is read from the database each time.

use crate::support::attendance::rfc3339;
use crate::support::readiness::{readiness, Readiness};
use crate::support::*;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use siap_jepang::entities::{
    attendance_marks, attendance_policies, cohorts, enrollments, official_results, trainee_documents,
    trainees,
};
use siap_jepang::kernel::{Actor, Role};
use siap_jepang::readiness::dto::{Dashboard, ReadinessRow};
use siap_jepang::readiness::model::verdict::Blocker;
use std::sync::atomic::Ordering;
use time::Duration;

fn admin() -> Actor {
    Actor::new(1, Role::Admin, &[])
}

/// The dashboard of every site and the statements it took.
async fn dashboard(app: &TestApp) -> (Dashboard, usize) {
    let (db, queries) = app.counting_db();
    let dashboard = siap_jepang::readiness::service::dashboard(app.env(&db), &admin(), Default::default())
        .await
        .expect("the dashboard");
    (dashboard, queries.load(Ordering::SeqCst))
}

/// The dashboard's row of `record`, checked against the record's own readiness (read from
/// the database, not from memory).
async fn row_of(app: &TestApp, record: i64) -> Option<ReadinessRow> {
    let (dashboard, _) = dashboard(app).await;
    let row = dashboard
        .rows
        .into_iter()
        .find(|r| r.trainee_id == siap_jepang::kernel::TraineeId(record))?;
    let own = siap_jepang::readiness::service::trainee_readiness(
        app.env(&app.state.db),
        &admin(),
        siap_jepang::kernel::TraineeId(record),
    )
    .await
    .expect("the record's readiness");
    assert_eq!(row.verdict, own.verdict, "the dashboard agrees with the record");
    let blockers: Vec<_> = own.checks.into_iter().filter_map(|c| c.finding).collect();
    assert_eq!(row.blockers, blockers, "the dashboard agrees with the record");
    assert_eq!(row.name, own.name);
    Some(row)
}

#[tokio::test]
async fn a_cohorts_people_are_read_once_and_again_only_when_something_the_dashboard_reads_changes() {
    let Readiness { app, cohort, record } = readiness().await;
    let app = &app;
    let db = &app.state.db;

    let (first, filled) = dashboard(app).await;
    assert_eq!(first.total, 1);
    let (_, held) = dashboard(app).await;
    assert!(
        held < filled,
        "held in memory: {held} statements, {filled} to fill"
    );
    let before = row_of(app, record).await.expect("Adi is on the dashboard");

    // A change the dashboard does not read leaves the memory alone.
    let the_record = || async {
        trainees::Entity::find_by_id(record)
            .one(db)
            .await
            .unwrap()
            .expect("Adi's record")
            .into_active_model()
    };
    let mut moved = the_record().await;
    moved.address = Set("Jl. Baru 2, Serang".into());
    moved.update(db).await.unwrap();
    let (_, statements) = dashboard(app).await;
    assert_eq!(statements, held, "still held");

    let mut renamed = the_record().await;
    renamed.full_name = Set("Adi Saputra".into());
    renamed.update(db).await.unwrap();
    let row = row_of(app, record).await.unwrap();
    assert_eq!(row.name, "Adi Saputra", "a new name is seen");

    let today = siap_jepang::kernel::wib::today(app.state.clock.now());
    official_results::Entity::insert(official_results::ActiveModel {
        trainee_id: Set(record),
        kind: Set("jft_basic".into()),
        score: Set(Some(230)),
        passed: Set(true),
        taken_on: Set(today - Duration::days(3)),
        recorded_at: Set(app.state.clock.now()),
        ..Default::default()
    })
    .exec(db)
    .await
    .unwrap();
    let with_result = row_of(app, record).await.unwrap();
    assert_ne!(with_result.blockers, before.blockers, "a result is seen");

    trainee_documents::Entity::insert(trainee_documents::ActiveModel {
        trainee_id: Set(record),
        kind: Set("paspor".into()),
        status: Set("verified".into()),
        number: Set(Some("C1234567".into())),
        issued_on: Set(Some(today - Duration::days(100))),
        expires_on: Set(Some(today + Duration::days(1500))),
        has_scan: Set(false),
        updated_at: Set(app.state.clock.now()),
        ..Default::default()
    })
    .exec(db)
    .await
    .unwrap();
    let with_passport = row_of(app, record).await.unwrap();
    assert_ne!(with_passport.blockers, with_result.blockers, "a document is seen");

    // The kept counts move with the mark (a trigger), the stamp with the counts.
    let mark = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::TraineeId.eq(record))
        .one(db)
        .await
        .unwrap()
        .expect("Adi's mark");
    let mut absent = mark.into_active_model();
    absent.status = Set("alpa".into());
    absent.update(db).await.unwrap();
    let absent_row = row_of(app, record).await.unwrap();
    assert_ne!(
        absent_row.blockers, with_passport.blockers,
        "a changed mark is seen"
    );

    let enrollment = enrollments::Entity::find()
        .filter(enrollments::Column::TraineeId.eq(record))
        .filter(enrollments::Column::CohortId.eq(cohort))
        .one(db)
        .await
        .unwrap()
        .expect("Adi's enrollment");
    let mut withdrawn = enrollment.into_active_model();
    withdrawn.status = Set("withdrawn".into());
    withdrawn.update(db).await.unwrap();
    let (after, _) = dashboard(app).await;
    assert_eq!(after.total, 0, "a trainee who left the cohort is gone");
}

#[tokio::test]
async fn a_site_dashboard_holds_only_what_it_shows_and_a_new_trainee_appears_at_once() {
    let Readiness { app, cohort, .. } = readiness().await;
    let app = &app;
    let (first, _) = dashboard(app).await;
    assert_eq!(first.total, 1);
    let bayu = app
        .user_named(Role::Trainee, "0813-0000-0001", "Bayu Aji", &["BBPLK-SRG"])
        .await;
    app.enroll_active(cohort, bayu).await;
    let (record, _) = app.record_and_enrollment(bayu, cohort).await;
    let (after, _) = dashboard(app).await;
    assert_eq!(after.total, 2, "a new enrollment is seen at once");
    let row = row_of(app, record).await.expect("Bayu is on the dashboard");
    assert_eq!(row.name, "Bayu Aji");
    // The other site's coordinator sees none of it, held or not.
    let tono = Actor::new(2, Role::Coordinator, &[app.site("UPT-SRG")]);
    let other = siap_jepang::readiness::service::dashboard(app.env(&app.state.db), &tono, Default::default())
        .await
        .expect("the other site's dashboard");
    assert_eq!(other.total, 0);
}

/// What depends on the hour and the day is never taken from memory: a session ending (with
/// marks or without), a policy or threshold changed, a document running out as the days
/// pass; every view agrees with the record, read from the database.
#[tokio::test]
async fn verdicts_held_per_cohort_follow_the_hour_the_day_the_policy_and_the_threshold() {
    let Readiness { app, cohort, record } = readiness().await;
    let app = &app;
    let db = &app.state.db;
    let now = app.state.clock.now();
    let today = siap_jepang::kernel::wib::today(now);
    let attendance = |row: &ReadinessRow| {
        row.blockers
            .iter()
            .find(|f| matches!(f.blocker, Blocker::AttendanceBelow { .. }))
            .map(|f| f.blocker)
    };
    let pending = |row: &ReadinessRow| {
        row.blockers
            .iter()
            .any(|f| matches!(f.blocker, Blocker::AttendanceBelow { .. }) && f.pending)
    };

    // A class under way, Adi already marked late: it counts once it is over.
    let started = now - Duration::minutes(30);
    let session = app
        .session(
            cohort,
            &rfc3339(started),
            &rfc3339(started + Duration::hours(2)),
            None,
            None,
        )
        .await;
    attendance_marks::Entity::insert(attendance_marks::ActiveModel {
        session_id: Set(session),
        trainee_id: Set(record),
        status: Set("terlambat".into()),
        source: Set("roll_call".into()),
        marked_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await
    .unwrap();
    let during = row_of(app, record).await.unwrap();
    assert_eq!(attendance(&during), None, "a class under way does not count yet");
    row_of(app, record).await.unwrap();
    app.advance(Duration::hours(2));
    let over = row_of(app, record).await.unwrap();
    assert_eq!(
        attendance(&over),
        Some(Blocker::AttendanceBelow {
            rate: 750,
            threshold: 80
        }),
        "once over it counts (late at half)"
    );

    // The cohort's policy and threshold are read on every view.
    let set_late_weight = |weight: i32| async move {
        match attendance_policies::Entity::find_by_id(cohort)
            .one(db)
            .await
            .unwrap()
        {
            Some(policy) => {
                let mut policy = policy.into_active_model();
                policy.late_weight = Set(weight);
                policy.update(db).await.unwrap();
            }
            None => {
                attendance_policies::ActiveModel {
                    cohort_id: Set(cohort),
                    late_weight: Set(weight),
                    late_after_minutes: Set(15),
                    auto_absent_hours: Set(None),
                    edit_days: Set(3),
                    absence_streak: Set(3),
                    updated_by: Set(None),
                    updated_at: Set(now),
                }
                .insert(db)
                .await
                .unwrap();
            }
        }
    };
    set_late_weight(100).await;
    assert_eq!(
        attendance(&row_of(app, record).await.unwrap()),
        None,
        "late counts whole"
    );
    set_late_weight(20).await;
    assert_eq!(
        attendance(&row_of(app, record).await.unwrap()),
        Some(Blocker::AttendanceBelow {
            rate: 600,
            threshold: 80
        })
    );
    let mut lowered = cohorts::Entity::find_by_id(cohort)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    lowered.attendance_threshold = Set(60);
    let lowered = lowered.update(db).await.unwrap();
    assert_eq!(
        attendance(&row_of(app, record).await.unwrap()),
        None,
        "a lower threshold"
    );

    // At 70 % Adi (60 %) is below, but can still reach it while a class is to come; once
    // it is over with nobody marked, no more (nothing else changed, only the hour).
    let mut raised = lowered.into_active_model();
    raised.attendance_threshold = Set(70);
    raised.update(db).await.unwrap();
    let later = app.state.clock.now() + Duration::hours(1);
    app.session(
        cohort,
        &rfc3339(later),
        &rfc3339(later + Duration::hours(1)),
        None,
        None,
    )
    .await;
    let below = Some(Blocker::AttendanceBelow {
        rate: 600,
        threshold: 70,
    });
    let coming = row_of(app, record).await.unwrap();
    assert_eq!(attendance(&coming), below);
    assert!(pending(&coming), "still reachable: {coming:?}");
    app.advance(Duration::hours(3));
    let missed = row_of(app, record).await.unwrap();
    assert_eq!(attendance(&missed), below);
    assert!(
        !pending(&missed),
        "out of reach once the class is over: {missed:?}"
    );

    // A passport valid for 181 more days is enough today (it must be for 180), not in two days.
    trainee_documents::Entity::insert(trainee_documents::ActiveModel {
        trainee_id: Set(record),
        kind: Set("paspor".into()),
        status: Set("verified".into()),
        number: Set(Some("C7654321".into())),
        issued_on: Set(Some(today - Duration::days(100))),
        expires_on: Set(Some(today + Duration::days(181))),
        has_scan: Set(false),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await
    .unwrap();
    let passport = |row: &ReadinessRow| row.blockers.iter().any(|f| f.blocker.key() == "document:paspor");
    assert!(
        !passport(&row_of(app, record).await.unwrap()),
        "valid long enough today"
    );
    app.advance(Duration::days(2));
    assert!(
        passport(&row_of(app, record).await.unwrap()),
        "not two days later"
    );
}
