//! What people see of the schedule: a trainee's week with changes marked, the iCalendar
//! downloads and personal feeds, and nobody reaching another site's schedule.

use crate::support::schedule::{at, plan};
use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use siap_jepang::entities::class_sessions;
use siap_jepang::kernel::{wib, Role};
use time::Duration;

#[tokio::test]
async fn trainees_see_their_week_with_changes_marked_plainly() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app
        .user_named(Role::Instructor, "sensei@uji.id", "Sensei Rina", &["BBPLK-SRG"])
        .await;
    let trainee = app.user(Role::Trainee, "0812-1000-0001", &["BBPLK-SRG"]).await;
    let today = wib::today(app.state.clock.now());
    let iso = |date: time::Date| wib::iso_date(date);
    let cohort = app
        .cohort(
            "JP-KINI-01",
            "BBPLK-SRG",
            (&iso(today - Duration::days(30)), &iso(today + Duration::days(60))),
            &[sensei],
            &[trainee],
        )
        .await;
    let room = app.room("BBPLK-SRG", "Lab Bahasa A", 40).await;
    app.session(cohort, &at(today, 8), &at(today, 12), Some(sensei), Some(room))
        .await;
    let later = app
        .session(
            cohort,
            &at(today + Duration::days(14), 8),
            &at(today + Duration::days(14), 12),
            Some(sensei),
            Some(room),
        )
        .await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let cancelled = app
        .call(
            &coordinator,
            "/api/schedule/cancel",
            &[("session_id", &later.to_string()), ("reason", "Libur daerah")],
        )
        .await;
    assert_eq!(cancelled.status(), 200);

    let client = app.signed_in("0812-1000-0001").await;
    let mine: serde_json::Value = app
        .get_api(&client, "/api/schedule/mine")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["today_sessions"].as_array().unwrap().len(), 1);
    let first = &mine["today_sessions"][0];
    assert_eq!(first["room"], "Lab Bahasa A");
    assert_eq!(first["instructor"], "Sensei Rina");
    let upcoming = mine["upcoming"].as_array().unwrap();
    let later_view = upcoming
        .iter()
        .chain(mine["this_week"].as_array().unwrap())
        .find(|s| s["id"] == later)
        .unwrap();
    assert_eq!(later_view["status"], "Cancelled");
    assert_eq!(later_view["flagged"], true);

    let html = app.get(&client, "/jadwal").await.text().await.unwrap();
    assert!(html.contains("JP-KINI-01"));
    assert!(html.contains("08.00–12.00"));
    assert!(html.contains("Dibatalkan"));
    assert!(html.contains("Libur daerah"));
    assert!(html.contains("Lab Bahasa A"));

    // A trainee's start page after signing in is their schedule.
    let fresh = app.client();
    let response = app
        .post_form(
            &fresh,
            "/api/accounts/sign-in",
            &[("login", "0812-1000-0001"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(location(&response), "/");
    let home = app.get(&fresh, "/").await;
    assert_eq!(
        (home.status().as_u16(), location(&home)),
        (302, "/jadwal".to_owned())
    );
}

#[tokio::test]
async fn my_schedule_takes_the_same_number_of_queries_for_any_number_of_sessions() {
    use std::sync::atomic::Ordering;
    let app = TestApp::spawn().await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let trainee = app.user(Role::Trainee, "0812-1000-0001", &["BBPLK-SRG"]).await;
    let today = wib::today(app.state.clock.now());
    let cohort = app
        .cohort(
            "JP-Q-01",
            "BBPLK-SRG",
            (&wib::iso_date(today), &wib::iso_date(today + Duration::days(40))),
            &[sensei],
            &[trainee],
        )
        .await;
    let actor = siap_jepang::kernel::Actor::new(trainee, Role::Trainee, &[]);
    let (db, queries) = app.counting_db();
    let env = app.env(&db);
    let count = |expected: usize| {
        let queries = queries.clone();
        let actor = actor.clone();
        async move {
            queries.store(0, Ordering::SeqCst);
            let mine = siap_jepang::schedule::service::my_schedule(env, &actor, "https://siap.test")
                .await
                .unwrap();
            assert_eq!(
                mine.today_sessions.len() + mine.this_week.len() + mine.upcoming.len(),
                expected
            );
            queries.load(Ordering::SeqCst)
        }
    };
    let at = |day: i64, hour: u8| at(today + Duration::days(day), hour);
    let room = app.room("BBPLK-SRG", "Ruang 1", 30).await;
    app.session(cohort, &at(1, 8), &at(1, 10), Some(sensei), Some(room))
        .await;
    let few = count(1).await;
    for day in 2..=20 {
        app.session(cohort, &at(day, 8), &at(day, 10), Some(sensei), Some(room))
            .await;
    }
    let many = count(20).await;
    assert_eq!(few, many, "no query per session");
    assert!(many <= 7, "{many} queries for my schedule");
}

#[tokio::test]
async fn a_cohort_schedule_downloads_as_icalendar_in_the_jakarta_zone() {
    let plan = plan().await;
    let app = &plan.app;
    app.session(
        plan.cohort,
        "2027-03-01T01:00:00Z",
        "2027-03-01T05:00:00Z",
        Some(plan.sensei),
        None,
    )
    .await;
    let cancelled = app
        .session(
            plan.cohort,
            "2027-03-05T01:00:00Z",
            "2027-03-05T05:00:00Z",
            Some(plan.sensei),
            None,
        )
        .await;
    let coordinator = app.signed_in("rina@uji.id").await;
    app.call(
        &coordinator,
        "/api/schedule/cancel",
        &[("session_id", &cancelled.to_string()), ("reason", "Banjir")],
    )
    .await;
    let response = app
        .get(&coordinator, &format!("/angkatan/{}/jadwal.ics", plan.cohort))
        .await;
    assert_eq!(response.status(), 200);
    assert!(set_cookie(&response).is_empty());
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "text/calendar; charset=utf-8"
    );
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("jadwal-jp-ssw-2027-03.ics"));
    let text = response.text().await.unwrap();
    use icalendar::Component;
    let calendar: icalendar::Calendar = text.parse().expect("the download parses as iCalendar");
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 2);
    assert!(text.contains("DTSTART;TZID=Asia/Jakarta:20270301T080000"));
    assert_eq!(events[1].get_status(), Some(icalendar::EventStatus::Cancelled));
    assert!(events[1].get_description().unwrap().contains("Banjir"));

    let anonymous = app
        .get(&app.client(), &format!("/angkatan/{}/jadwal.ics", plan.cohort))
        .await;
    // Every file route sends the anonymous to sign in the same way (`SignedIn`).
    assert_eq!(anonymous.status(), 303);
    assert!(location(&anonymous).starts_with("/masuk?next="));
}

#[tokio::test]
async fn a_personal_feed_follows_its_owner_and_stops_when_renewed_or_turned_off() {
    let plan = plan().await;
    let app = &plan.app;
    let today = wib::today(app.state.clock.now());
    let _ = today;
    let trainee = app.signed_in("0812-1000-0001").await;
    let feed_url = |mine: serde_json::Value| mine["feed"]["url"].as_str().map(str::to_owned);
    let mine: serde_json::Value = app
        .get_api(&trainee, "/api/schedule/mine")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(feed_url(mine), None);
    assert_eq!(
        app.call(&trainee, "/api/schedule/feed-reset", &[]).await.status(),
        200
    );
    let mine: serde_json::Value = app
        .get_api(&trainee, "/api/schedule/mine")
        .await
        .json()
        .await
        .unwrap();
    let first = feed_url(mine).expect("feed on");
    assert!(first.starts_with(&app.base) && first.ends_with(".ics"), "{first}");
    let anyone = app.client();
    let response = anyone.get(&first).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert!(body.contains("BEGIN:VCALENDAR") && body.contains("X-WR-TIMEZONE:Asia/Jakarta"));

    assert_eq!(
        app.call(&trainee, "/api/schedule/feed-reset", &[]).await.status(),
        200
    );
    assert_eq!(
        anyone.get(&first).send().await.unwrap().status(),
        404,
        "the old address stops"
    );
    let mine: serde_json::Value = app
        .get_api(&trainee, "/api/schedule/mine")
        .await
        .json()
        .await
        .unwrap();
    let second = feed_url(mine).unwrap();
    assert_ne!(first, second);
    assert_eq!(
        app.call(&trainee, "/api/schedule/feed-revoke", &[])
            .await
            .status(),
        200
    );
    assert_eq!(anyone.get(&second).send().await.unwrap().status(), 404);
    assert_eq!(
        anyone
            .get(app.url("/ical/..%2F..%2Fetc.ics"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn nobody_reaches_another_sites_cohorts_or_trainees_schedule() {
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
    app.user(Role::Coordinator, "tangerang@uji.id", &["POS-TNG"])
        .await;
    let outsider_instructor = app.user(Role::Instructor, "guru@uji.id", &["BBPLK-SRG"]).await;
    let outsider_trainee = app.user(Role::Trainee, "0812-1000-0099", &["BBPLK-SRG"]).await;
    app.cohort(
        "JP-LAIN-02",
        "BBPLK-SRG",
        ("2027-01-04", "2027-06-30"),
        &[outsider_instructor],
        &[outsider_trainee],
    )
    .await;
    let cohort = plan.cohort.to_string();
    let session = session.to_string();
    let reads = [
        format!("/api/cohorts/get?cohort_id={cohort}"),
        format!("/api/schedule/cohort?cohort_id={cohort}"),
        format!("/api/schedule/session?session_id={session}"),
        format!("/api/schedule/print?cohort_id={cohort}"),
    ];
    for login in ["tangerang@uji.id", "guru@uji.id", "0812-1000-0099"] {
        let client = app.signed_in(login).await;
        for path in &reads {
            let (status, error) = error_of(app.get_api(&client, path).await).await;
            assert_eq!(
                (status, variant(&error)),
                (404, "NotFound".to_owned()),
                "{login} {path}"
            );
        }
        let download = app.get(&client, &format!("/angkatan/{cohort}/jadwal.ics")).await;
        assert_eq!(download.status(), 404, "{login}");
        let html = app.get(&client, &format!("/angkatan/{cohort}")).await;
        assert_eq!(html.status(), 404, "{login}");
    }
    let other_coordinator = app.signed_in("tangerang@uji.id").await;
    let writes: [(&str, Vec<(&str, &str)>); 5] = [
        (
            "/api/schedule/cancel",
            vec![("session_id", &session), ("reason", "x")],
        ),
        (
            "/api/schedule/move",
            vec![
                ("session_id", &session),
                ("date", "2027-03-02"),
                ("start_time", "08:00"),
                ("end_time", "09:00"),
                ("reason", "x"),
            ],
        ),
        (
            "/api/schedule/generate",
            vec![
                ("cohort_id", &cohort),
                ("start_time", "08:00"),
                ("end_time", "09:00"),
                ("from", "2027-03-02"),
            ],
        ),
        (
            "/api/cohorts/update",
            vec![
                ("cohort_id", &cohort),
                ("code", "X"),
                ("capacity", "1"),
                ("starts_on", "2027-03-01"),
                ("ends_on", "2027-03-02"),
            ],
        ),
        ("/api/cohorts/form", vec![("cohort_id", &cohort)]),
    ];
    for (path, args) in writes {
        let response = if path.ends_with("/form") {
            app.get_api(&other_coordinator, &format!("{path}?cohort_id={cohort}"))
                .await
        } else {
            app.call(&other_coordinator, path, &args).await
        };
        let (status, error) = error_of(response).await;
        assert_eq!((status, variant(&error)), (404, "NotFound".to_owned()), "{path}");
    }
    let untouched = class_sessions::Entity::find()
        .filter(class_sessions::Column::Status.eq("scheduled"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(untouched, 2);
    let _ = plan.other_cohort;
}

#[tokio::test]
async fn session_names_are_found_for_any_number_of_sessions() {
    // More ids than one statement takes: the names come back for every session, whichever
    // part of the list it is in.
    let app = TestApp::spawn().await;
    let sensei = app
        .user_named(Role::Instructor, "sensei@uji.id", "Sensei Rina", &["BBPLK-SRG"])
        .await;
    let today = wib::today(app.state.clock.now());
    let iso = |date: time::Date| wib::iso_date(date);
    let cohort = app
        .cohort(
            "JP-BANYAK-01",
            "BBPLK-SRG",
            (&iso(today), &iso(today + Duration::days(30))),
            &[sensei],
            &[],
        )
        .await;
    let room = app.room("BBPLK-SRG", "Lab Bahasa B", 40).await;
    let at = |hour: u8| at(today, hour);
    let session = app
        .session(cohort, &at(8), &at(10), Some(sensei), Some(room))
        .await;
    let first = app.session(cohort, &at(13), &at(15), None, None).await;
    // Unknown ids around them: the real ones land in the first and the third part.
    let mut ids = vec![first];
    ids.extend((1..=10_000).map(|n| 1_000_000 + n));
    ids.push(session);
    let labels = siap_jepang::schedule::db::session_labels(&app.state.db, &ids)
        .await
        .unwrap();
    assert_eq!(labels.len(), 2);
    let named = &labels[&session];
    assert_eq!(named.cohort, "JP-BANYAK-01");
    assert_eq!(named.room.as_deref(), Some("Lab Bahasa B"));
    assert_eq!(named.instructor.as_deref(), Some("Sensei Rina"));
    let bare = &labels[&first];
    assert_eq!((bare.room.clone(), bare.instructor.clone()), (None, None));
}
