//! The class schedule over HTTP: generation with its preview, holidays and conflicts;
//! moving and cancelling; holidays as data; concurrent bookings. What people see of it is
//! in `views`.

use crate::support::schedule::plan;
use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use siap_jepang::entities::class_sessions;
use siap_jepang::kernel::{wib, Role};

fn pattern_query(cohort: i64, sensei: i64, until: &str) -> String {
    format!(
        "/api/schedule/generation?cohort_id={cohort}&pattern[weekdays][0]=1&pattern[weekdays][1]=5\
         &pattern[start_time]=08.00&pattern[end_time]=12:00&pattern[every_weeks]=1&pattern[from]=2027-03-01\
         &pattern[until]=date&pattern[until_date]={until}&pattern[target_hours]=&instructor_id={sensei}"
    )
}

async fn sessions_of(app: &TestApp, cohort: i64) -> Vec<class_sessions::Model> {
    class_sessions::Entity::find()
        .filter(class_sessions::Column::CohortId.eq(cohort))
        .all(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_preview_shows_every_date_the_holidays_skipped_and_the_conflicts_before_anything_is_written() {
    let plan = plan().await;
    let app = &plan.app;
    let coordinator = app.signed_in("rina@uji.id").await;
    let page: serde_json::Value = app
        .get_api(
            &coordinator,
            &pattern_query(plan.cohort, plan.sensei, "2027-03-31"),
        )
        .await
        .json()
        .await
        .unwrap();
    let preview = &page["preview"]["Ok"];
    let dates: Vec<&str> = preview["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        vec![
            "2027-03-01",
            "2027-03-05",
            "2027-03-08",
            "2027-03-12",
            "2027-03-15",
            "2027-03-19",
            "2027-03-22",
            "2027-03-29"
        ]
    );
    assert_eq!(
        preview["skipped"],
        serde_json::json!([["2027-03-26", "Wafat Yesus Kristus"]])
    );
    assert_eq!(
        preview["rows"][0]["starts_at"], "2027-03-01T01:00:00Z",
        "08.00 WIB"
    );
    let conflict = &preview["rows"][2]["conflicts"][0]["ScheduleConflict"];
    assert_eq!(conflict["cohort"], "JP-LAIN-01");
    assert_eq!(conflict["clashes"], serde_json::json!(["Instructor"]));
    assert!(preview["rows"][3]["conflicts"].as_array().unwrap().is_empty());
    assert!(
        sessions_of(app, plan.cohort).await.is_empty(),
        "a preview writes nothing"
    );

    // The same preview as a page, without JavaScript.
    let html = app
        .get(
            &coordinator,
            &format!(
                "/angkatan/{}/jadwalkan?weekdays=1&weekdays=5&start_time=08%3A00&end_time=12%3A00&every_weeks=1\
                 &from=2027-03-01&until=date&until_date=2027-03-31&target_hours=&instructor_id={}",
                plan.cohort, plan.sensei
            ),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Pratinjau: 8 sesi"), "{html}");
    assert!(html.contains("Wafat Yesus Kristus"));
    assert!(html.contains("Bentrok dengan JP-LAIN-01, Senin, 8 Maret 2027, 09.00–10.00 WIB (pengajar sama)."));
}

#[tokio::test]
async fn confirming_writes_every_session_at_once_unless_a_clash_was_not_skipped() {
    let plan = plan().await;
    let app = &plan.app;
    let coordinator = app.signed_in("rina@uji.id").await;
    let cohort = plan.cohort.to_string();
    let sensei = plan.sensei.to_string();
    let mut form = vec![
        ("cohort_id", cohort.as_str()),
        ("weekdays[0]", "1"),
        ("weekdays[1]", "5"),
        ("start_time", "08:00"),
        ("end_time", "12:00"),
        ("every_weeks", "1"),
        ("from", "2027-03-01"),
        ("until", "date"),
        ("until_date", "2027-03-31"),
        ("instructor_id", sensei.as_str()),
    ];
    let (status, error) = error_of(app.call(&coordinator, "/api/schedule/generate", &form).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("skip".to_owned(), "ScheduleConflict".to_owned())]
    );
    assert!(
        sessions_of(app, plan.cohort).await.is_empty(),
        "nothing half-written"
    );

    form.push(("skip[2]", "2027-03-08"));
    let response = app.call(&coordinator, "/api/schedule/generate", &form).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<u64>().await.unwrap(), 7);
    let written = sessions_of(app, plan.cohort).await;
    assert_eq!(written.len(), 7);
    assert!(written
        .iter()
        .all(|s| s.instructor_id == Some(plan.sensei) && s.status == "scheduled"));
    assert!(
        written.iter().all(|s| s.unit_id.is_some()),
        "each session has its planned lesson"
    );

    // Generating the same pattern again clashes with the cohort's own sessions.
    let (_, error) = error_of(app.call(&coordinator, "/api/schedule/generate", &form).await).await;
    assert_eq!(variant(&error), "Invalid");
    assert_eq!(sessions_of(app, plan.cohort).await.len(), 7);
}

#[tokio::test]
async fn targets_that_cannot_be_met_and_patterns_that_yield_nothing_are_refused() {
    let plan = plan().await;
    let app = &plan.app;
    let coordinator = app.signed_in("rina@uji.id").await;
    let cohort = plan.cohort.to_string();
    let base = |until: &'static str| {
        vec![
            ("cohort_id", cohort.clone()),
            ("weekdays[0]", "5".to_owned()),
            ("start_time", "08:00".to_owned()),
            ("end_time", "12:00".to_owned()),
            ("from", "2027-03-26".to_owned()),
            ("until", until.to_owned()),
        ]
    };
    let mut hours = base("hours");
    hours.push(("target_hours", "360".into()));
    let args: Vec<(&str, &str)> = hours.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_, error) = error_of(app.call(&coordinator, "/api/schedule/generate", &args).await).await;
    assert_eq!(
        field_problems(&error),
        vec![("target_hours".to_owned(), "HoursUnreachable".to_owned())]
    );

    let mut holiday_only = base("date");
    holiday_only.push(("until_date", "2027-03-26".into()));
    let args: Vec<(&str, &str)> = holiday_only.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_, error) = error_of(app.call(&coordinator, "/api/schedule/generate", &args).await).await;
    assert_eq!(
        field_problems(&error),
        vec![("weekdays".to_owned(), "NoSessions".to_owned())]
    );

    let mut outside = base("date");
    outside.push(("until_date", "2027-08-01".into()));
    let args: Vec<(&str, &str)> = outside.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_, error) = error_of(app.call(&coordinator, "/api/schedule/generate", &args).await).await;
    assert_eq!(
        field_problems(&error),
        vec![("until_date".to_owned(), "OutsideCohortDates".to_owned())]
    );
    assert!(sessions_of(app, plan.cohort).await.is_empty());
}

#[tokio::test]
async fn a_move_is_checked_against_holidays_conflicts_and_the_cohort_dates() {
    let plan = plan().await;
    let app = &plan.app;
    let session = app
        .session(
            plan.cohort,
            "2027-03-01T01:00:00Z",
            "2027-03-01T05:00:00Z",
            Some(plan.sensei),
            None,
        )
        .await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let id = session.to_string();
    let sensei = plan.sensei.to_string();
    let attempt = |date: &'static str, start: &'static str, reason: &'static str| {
        vec![
            ("session_id", id.clone()),
            ("date", date.to_owned()),
            ("start_time", start.to_owned()),
            ("end_time", "12:00".to_owned()),
            ("instructor_id", sensei.clone()),
            ("reason", reason.to_owned()),
        ]
    };
    let problems = |args: Vec<(&'static str, String)>| {
        let client = coordinator.clone();
        async move {
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let (status, error) = error_of(app.call(&client, "/api/schedule/move", &args).await).await;
            assert_eq!(status, 422, "{error}");
            field_problems(&error)
        }
    };
    assert_eq!(
        problems(attempt("2027-03-09", "08:00", "Ganti hari")).await,
        vec![("date".to_owned(), "OnHoliday".to_owned())]
    );
    assert_eq!(
        problems(attempt("2027-03-08", "08:00", "Ganti hari")).await,
        vec![("date".to_owned(), "ScheduleConflict".to_owned())]
    );
    assert_eq!(
        problems(attempt("2027-07-05", "08:00", "Ganti hari")).await,
        vec![("date".to_owned(), "OutsideCohortDates".to_owned())]
    );
    assert_eq!(
        problems(attempt("2027-03-02", "13:00", " ")).await,
        vec![
            ("end_time".to_owned(), "EndBeforeStart".to_owned()),
            ("reason".to_owned(), "Required".to_owned())
        ]
    );
    let unchanged = class_sessions::Entity::find_by_id(session)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.status, "scheduled");

    // Back-to-back with the other class (10.00 start right after its 09.00–10.00) is fine.
    let args = attempt("2027-03-08", "10:00", "Pengajar ada pelatihan");
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.call(&coordinator, "/api/schedule/move", &args).await.status(),
        200
    );
    let moved = class_sessions::Entity::find_by_id(session)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(moved.status, "moved");
    assert_eq!(moved.change_reason.as_deref(), Some("Pengajar ada pelatihan"));
    assert_eq!(
        moved.original_starts_at.map(|t| t.unix_timestamp()),
        Some(unchanged.starts_at.unix_timestamp())
    );
    assert_eq!(wib::to_wib(moved.starts_at).hour(), 10);
}

#[tokio::test]
async fn holidays_are_data_that_admins_keep_and_generation_follows() {
    let plan = plan().await;
    let app = &plan.app;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    // National holidays change generation at every site: admins keep them.
    let admin = app.signed_in("admin@uji.id").await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let save = |date: &'static str, name: &'static str| {
        vec![
            ("date", date),
            ("name", name),
            ("kind", "national"),
            ("confirmed", "1"),
        ]
    };
    assert_eq!(
        error_of(
            app.call(
                &coordinator,
                "/api/schedule/save-holiday",
                &save("2027-03-15", "x")
            )
            .await
        )
        .await
        .0,
        403,
        "a coordinator keeps their own sites' days off, not the national holidays"
    );
    assert_eq!(
        app.call(
            &admin,
            "/api/schedule/save-holiday",
            &save("2027-03-15", "Libur daerah Banten")
        )
        .await
        .status(),
        200
    );
    let (_, error) = error_of(
        app.call(&admin, "/api/schedule/save-holiday", &save("2027-03-15", "Lagi"))
            .await,
    )
    .await;
    assert_eq!(
        field_problems(&error),
        vec![("date".to_owned(), "AlreadyDayOff".to_owned())]
    );
    let list: serde_json::Value = app
        .get_api(&coordinator, "/api/schedule/holidays?year=2027")
        .await
        .json()
        .await
        .unwrap();
    let added = list["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["date"] == "2027-03-15")
        .unwrap()
        .clone();
    assert_eq!(added["name"], "Libur daerah Banten");
    let unconfirmed = list["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["date"] == "2027-03-10")
        .unwrap();
    assert_eq!(unconfirmed["confirmed"], false, "estimated dates are marked");

    let page: serde_json::Value = app
        .get_api(
            &coordinator,
            &pattern_query(plan.cohort, plan.sensei, "2027-03-31"),
        )
        .await
        .json()
        .await
        .unwrap();
    let skipped = &page["preview"]["Ok"]["skipped"];
    assert_eq!(
        skipped[0],
        serde_json::json!(["2027-03-15", "Libur daerah Banten"])
    );

    let id = added["id"].to_string();
    assert_eq!(
        app.call(&admin, "/api/schedule/delete-holiday", &[("holiday_id", &id)])
            .await
            .status(),
        200
    );
    let trainee = app.signed_in("0812-1000-0001").await;
    let (status, _) = error_of(
        app.call(&trainee, "/api/schedule/save-holiday", &save("2027-03-16", "x"))
            .await,
    )
    .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn two_coordinators_booking_the_same_instructor_at_once_get_one_booking() {
    let plan = plan().await;
    let app = &plan.app;
    let first = app.signed_in("rina@uji.id").await;
    let second = app.signed_in("rina@uji.id").await;
    let sensei = plan.sensei.to_string();
    let form = |cohort: i64| {
        vec![
            ("cohort_id", cohort.to_string()),
            ("weekdays[0]", "2".to_owned()),
            ("start_time", "08:00".to_owned()),
            ("end_time", "12:00".to_owned()),
            ("from", "2027-03-01".to_owned()),
            ("until", "date".to_owned()),
            ("until_date", "2027-03-31".to_owned()),
            ("instructor_id", sensei.clone()),
        ]
    };
    let (a, b) = (form(plan.cohort), form(plan.other_cohort));
    let a: Vec<(&str, &str)> = a.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let b: Vec<(&str, &str)> = b.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (left, right) = tokio::join!(
        app.call(&first, "/api/schedule/generate", &a),
        app.call(&second, "/api/schedule/generate", &b)
    );
    let mut statuses = vec![left.status().as_u16(), right.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, vec![200, 422], "exactly one booking wins");
    let tuesdays = class_sessions::Entity::find()
        .filter(class_sessions::Column::InstructorId.eq(plan.sensei))
        .count(&app.state.db)
        .await
        .unwrap();
    // 2, 9, 16, 23 and 30 March (Nyepi is a Tuesday too: 9 March 2027 is skipped).
    assert_eq!(tuesdays, 1 + 4, "the earlier session plus one cohort's Tuesdays");
}

#[tokio::test]
async fn a_second_scheduling_transaction_waits_until_the_first_is_done() {
    use sea_orm::TransactionTrait;
    use std::sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    };
    let plan = plan().await;
    let db = plan.app.state.db.clone();
    let first = db.begin().await.unwrap();
    siap_jepang::schedule::db::lock_for_scheduling(&first, plan.cohort.into())
        .await
        .unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let second = {
        let (db, done, cohort) = (db.clone(), done.clone(), plan.other_cohort);
        tokio::spawn(async move {
            let txn = db.begin().await.unwrap();
            siap_jepang::schedule::db::lock_for_scheduling(&txn, cohort.into())
                .await
                .unwrap();
            done.store(true, Ordering::SeqCst);
            txn.commit().await.unwrap();
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert!(
        !done.load(Ordering::SeqCst),
        "the second writer waits for the first"
    );
    first.commit().await.unwrap();
    second.await.unwrap();
    assert!(done.load(Ordering::SeqCst));
}
