//! The readiness dashboard from memory: what it reads of a cohort's people (enrollments,
//! names, results, documents, kept attendance counts) is held until any of it changes, by
//! any path (here: statements straight to the database), and every view agrees with the
//! trainee's own record, which is read from the database each time.

use crate::helpers::*;
use crate::readiness::{readiness, Readiness};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use siap_jepang::entities::{attendance_marks, enrollments, official_results, trainee_documents, trainees};
use siap_jepang::kernel::{Actor, Role};
use siap_jepang::readiness::dto::{Dashboard, ReadinessRow};
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
    let row = dashboard.rows.into_iter().find(|r| r.trainee_id == record)?;
    let own = siap_jepang::readiness::service::trainee_readiness(app.env(&app.state.db), &admin(), record)
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
