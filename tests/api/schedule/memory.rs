//! "My schedule" from memory: a cohort's coming weeks are read once for all its trainees
//! and instructors and held until anything they show changes, on this instance or
//! another, by any path (a page, the command line, a statement straight to the database).

use crate::support::*;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use siap_jepang::entities::{class_sessions, cohorts, course_units, rooms, users};
use siap_jepang::kernel::{wib, Actor, Role};
use siap_jepang::schedule::dto::{MySchedule, SessionView};
use std::sync::atomic::Ordering;
use time::Duration;

/// `hour`:00 WIB `days` from today.
fn at(app: &TestApp, days: i64, hour: u8) -> String {
    crate::support::schedule::at(wib::today(app.state.clock.now()) + Duration::days(days), hour)
}

struct Class {
    app: TestApp,
    cohort: i64,
    trainee: i64,
    sensei: i64,
    room: i64,
    sessions: Vec<i64>,
}

/// A running cohort at BBPLK Serang with an instructor, a trainee and a session on each of
/// the next five days in one room.
async fn class() -> Class {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app
        .user_named(Role::Instructor, "sensei@uji.id", "Sensei Rina", &["BBPLK-SRG"])
        .await;
    let trainee = app.user(Role::Trainee, "0812-1000-0001", &["BBPLK-SRG"]).await;
    let today = wib::today(app.state.clock.now());
    let cohort = app
        .cohort(
            "JP-INGAT-01",
            "BBPLK-SRG",
            (
                &wib::iso_date(today - Duration::days(30)),
                &wib::iso_date(today + Duration::days(60)),
            ),
            &[sensei],
            &[trainee],
        )
        .await;
    let room = app.room("BBPLK-SRG", "Lab Bahasa A", 40).await;
    let mut sessions = Vec::new();
    for day in 1..=5 {
        sessions.push(
            app.session(
                cohort,
                &at(&app, day, 8),
                &at(&app, day, 10),
                Some(sensei),
                Some(room),
            )
            .await,
        );
    }
    Class {
        app,
        cohort,
        trainee,
        sensei,
        room,
        sessions,
    }
}

/// The sessions of a schedule, in order.
fn all(schedule: &MySchedule) -> Vec<&SessionView> {
    schedule
        .today_sessions
        .iter()
        .chain(&schedule.this_week)
        .chain(&schedule.upcoming)
        .collect()
}

/// `actor`'s schedule and the statements it took.
async fn mine(app: &TestApp, actor: &Actor) -> (MySchedule, usize) {
    let (db, queries) = app.counting_db();
    let schedule = siap_jepang::schedule::service::my_schedule(app.env(&db), actor, "https://siap.test")
        .await
        .expect("my schedule");
    (schedule, queries.load(Ordering::SeqCst))
}

#[tokio::test]
async fn a_cohorts_weeks_are_read_once_and_again_only_when_something_they_show_changes() {
    let class = class().await;
    let app = &class.app;
    let trainee = Actor::new(class.trainee, Role::Trainee, &[]);
    let sensei = Actor::new(class.sensei, Role::Instructor, &[]);

    let (first, filled) = mine(app, &trainee).await;
    assert_eq!(all(&first).len(), 5);
    let (again, held) = mine(app, &trainee).await;
    assert_eq!(all(&again).len(), 5);
    assert!(
        held < filled,
        "held in memory: {held} statements, {filled} to fill"
    );
    assert_eq!(held, 1, "the cohorts and their stamps, nothing else");
    // Shared by the cohort's instructor: nothing more to read.
    let (taught, statements) = mine(app, &sensei).await;
    assert_eq!(all(&taught).len(), 5);
    assert_eq!(statements, 1);

    // Each change below is written straight to the database, as any path might.
    let db = &app.state.db;
    let session = |id: i64| async move {
        class_sessions::Entity::find_by_id(id)
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .into_active_model()
    };
    let seen = |check: fn(&SessionView) -> bool, what: &'static str| {
        let trainee = trainee.clone();
        async move {
            let (schedule, _) = mine(app, &trainee).await;
            assert!(all(&schedule).iter().any(|s| check(s)), "{what} is seen");
        }
    };

    let mut cancelled = session(class.sessions[0]).await;
    cancelled.status = Set("cancelled".into());
    cancelled.change_reason = Set(Some("Libur daerah".into()));
    cancelled.update(db).await.unwrap();
    seen(
        |s| s.change_reason.as_deref() == Some("Libur daerah"),
        "a cancellation",
    )
    .await;

    let mut moved = session(class.sessions[1]).await;
    let later =
        time::OffsetDateTime::parse(&at(app, 2, 13), &time::format_description::well_known::Rfc3339).unwrap();
    moved.starts_at = Set(later);
    moved.ends_at = Set(later + Duration::hours(2));
    moved.update(db).await.unwrap();
    seen(|s| wib::to_wib(s.starts_at).hour() == 13, "a move (13.00 WIB)").await;

    let mut room = rooms::Entity::find_by_id(class.room)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    room.name = Set("Ruang Fuji".into());
    room.update(db).await.unwrap();
    seen(|s| s.room.as_deref() == Some("Ruang Fuji"), "a room's new name").await;

    let mut instructor = users::Entity::find_by_id(class.sensei)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    instructor.display_name = Set("Sensei Rina Wati".into());
    instructor.update(db).await.unwrap();
    seen(
        |s| s.instructor.as_deref() == Some("Sensei Rina Wati"),
        "an instructor's new name",
    )
    .await;

    let mut cohort = cohorts::Entity::find_by_id(class.cohort)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    cohort.code = Set("JP-INGAT-02".into());
    cohort.update(db).await.unwrap();
    seen(|s| s.cohort == "JP-INGAT-02", "the cohort's new code").await;

    let unit = course_units::Entity::find()
        .one(db)
        .await
        .unwrap()
        .expect("the reference course has units");
    let mut taught = session(class.sessions[2]).await;
    taught.unit_id = Set(Some(unit.id));
    taught.update(db).await.unwrap();
    let (schedule, _) = mine(app, &trainee).await;
    assert!(
        all(&schedule)
            .iter()
            .any(|s| s.unit.as_deref() == Some(unit.title.as_str())),
        "a unit given is seen"
    );
    let mut renamed = unit.into_active_model();
    renamed.title = Set("Bab 1: Salam".into());
    renamed.update(db).await.unwrap();
    seen(
        |s| s.unit.as_deref() == Some("Bab 1: Salam"),
        "a unit's new title",
    )
    .await;

    class_sessions::Entity::delete_by_id(class.sessions[4])
        .exec(db)
        .await
        .unwrap();
    let (schedule, _) = mine(app, &trainee).await;
    assert_eq!(all(&schedule).len(), 4, "a removed session is gone");
    app.session(
        class.cohort,
        &at(app, 6, 8),
        &at(app, 6, 10),
        Some(class.sensei),
        Some(class.room),
    )
    .await;
    let (schedule, _) = mine(app, &trainee).await;
    assert_eq!(all(&schedule).len(), 5, "an added session is there");

    // A change an instructor's or a trainee's view does not show leaves the memory alone.
    let mut locked = session(class.sessions[3]).await;
    locked.changed_at = Set(Some(app.state.clock.now()));
    locked.update(db).await.unwrap();
    let (_, statements) = mine(app, &trainee).await;
    assert_eq!(statements, 1, "still held");

    // The next day the window moves on: what was tomorrow is today.
    app.advance(Duration::days(1));
    let (next_day, _) = mine(app, &trainee).await;
    assert_eq!(next_day.today_sessions.len(), 1, "{next_day:?}");
}

#[tokio::test]
async fn what_a_cohort_holds_in_memory_reaches_only_its_own_people() {
    let class = class().await;
    let app = &class.app;
    let outsider = app.user(Role::Trainee, "0812-1000-0002", &["BBPLK-SRG"]).await;
    let today = wib::today(app.state.clock.now());
    let other = app
        .cohort(
            "JP-LAIN-01",
            "BBPLK-SRG",
            (&wib::iso_date(today), &wib::iso_date(today + Duration::days(60))),
            &[],
            &[outsider],
        )
        .await;
    app.session(other, &at(app, 1, 13), &at(app, 1, 15), None, None)
        .await;
    let (held, _) = mine(app, &Actor::new(class.trainee, Role::Trainee, &[])).await;
    assert!(all(&held).iter().all(|s| s.cohort_id == class.cohort.into()));
    let (theirs, _) = mine(app, &Actor::new(outsider, Role::Trainee, &[])).await;
    assert_eq!(all(&theirs).len(), 1);
    assert!(all(&theirs).iter().all(|s| s.cohort_id == other.into()));

    // An instructor sees, of a cohort they teach, the sessions they teach and those nobody
    // was given yet, not a colleague's.
    let colleague = app.user(Role::Instructor, "guru2@uji.id", &["BBPLK-SRG"]).await;
    siap_jepang::entities::cohort_instructors::Entity::insert(
        siap_jepang::entities::cohort_instructors::ActiveModel {
            cohort_id: Set(class.cohort),
            user_id: Set(colleague),
        },
    )
    .exec_without_returning(&app.state.db)
    .await
    .unwrap();
    app.session(
        class.cohort,
        &at(app, 1, 13),
        &at(app, 1, 15),
        Some(colleague),
        None,
    )
    .await;
    app.session(class.cohort, &at(app, 1, 16), &at(app, 1, 17), None, None)
        .await;
    let (taught, _) = mine(app, &Actor::new(class.sensei, Role::Instructor, &[])).await;
    assert_eq!(all(&taught).len(), 6, "five of theirs and the open one");
    let (trainees, _) = mine(app, &Actor::new(class.trainee, Role::Trainee, &[])).await;
    assert_eq!(
        all(&trainees).len(),
        7,
        "the trainee sees every session of the cohort"
    );
}
