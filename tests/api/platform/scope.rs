//! Who reaches which rows, where the scope model decides more than a single 404: the
//! findings that started it (an instructor's roster export, an account of another site
//! linked on registering, excuses decided by the trainee's home site, an instructor taken
//! off a cohort who kept its sessions, national holidays changed by any coordinator), each
//! shown fixed.

use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use siap_jepang::entities::{audit_log, class_sessions, excuses, trainees};
use siap_jepang::kernel::{Actor, Role};
use siap_jepang::platform::context::Client as RequestClient;

async fn last_audit(app: &TestApp, action: &str) -> audit_log::Model {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .order_by_desc(audit_log::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("an audit entry {action}"))
}

/// The ids of the sessions anywhere in a schedule answer (objects with a `cohort_id`).
fn session_ids(value: &serde_json::Value) -> Vec<i64> {
    match value {
        serde_json::Value::Array(items) => items.iter().flat_map(session_ids).collect(),
        serde_json::Value::Object(fields) => {
            let own = fields
                .get("cohort_id")
                .and(fields.get("id"))
                .and_then(serde_json::Value::as_i64);
            own.into_iter()
                .chain(fields.values().flat_map(session_ids))
                .collect()
        }
        _ => Vec::new(),
    }
}

#[tokio::test]
async fn an_instructors_roster_export_shows_no_more_than_the_roster_page_and_is_audited_at_the_cohorts_site()
{
    let app = TestApp::spawn().await;
    // Teaching at two sites, the first of them not the cohort's.
    let sensei = app
        .user(Role::Instructor, "sensei@uji.id", &["UPT-SRG", "BBPLK-SRG"])
        .await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let trainee = app.user(Role::Trainee, "0812-3434-5656", &["BBPLK-SRG"]).await;
    let cohort = app
        .cohort(
            "JP-EKS-01",
            "BBPLK-SRG",
            ("2026-01-05", "2027-12-31"),
            &[sensei],
            &[trainee],
        )
        .await;
    let (record, _) = app.record_and_enrollment(trainee, cohort).await;
    let nik = trainees::Entity::find_by_id(record)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .nik;
    let instructor = app.signed_in("sensei@uji.id").await;
    let csv = app
        .get(
            &instructor,
            &format!("/angkatan/{cohort}/peserta/ekspor?format=csv"),
        )
        .await
        .text()
        .await
        .unwrap();
    let masked = format!("{}********{}", &nik[..4], &nik[12..]);
    assert!(!csv.contains(&nik), "no whole NIK for an instructor: {csv}");
    assert!(csv.contains(&masked), "the NIK masked as on the roster: {csv}");
    assert!(
        csv.contains("0812-3434-5656"),
        "the instructor reaches the trainee by phone"
    );
    let entry = last_audit(&app, "trainee_export").await;
    assert_eq!(
        entry.site_id,
        Some(app.site("BBPLK-SRG")),
        "the cohort's site, not the instructor's first"
    );
    let roster: serde_json::Value = app
        .get_api(&instructor, &format!("/api/trainees/roster?cohort_id={cohort}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        roster["entries"][0]["nik"],
        masked.as_str(),
        "the page the export came from"
    );
    // The coordinator of the record's site reads the whole NIK, on the roster and its export.
    let coordinator = app.signed_in("rina@uji.id").await;
    let roster: serde_json::Value = app
        .get_api(&coordinator, &format!("/api/trainees/roster?cohort_id={cohort}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(roster["entries"][0]["nik"], nik.as_str());
    let csv = app
        .get(
            &coordinator,
            &format!("/angkatan/{cohort}/peserta/ekspor?format=csv"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains(&nik),
        "the record's coordinator reads the whole NIK: {csv}"
    );
}

#[tokio::test]
async fn registering_a_trainee_never_links_an_account_of_another_site() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "tangerang@uji.id", &["POS-TNG"])
        .await;
    app.user(Role::Coordinator, "upt@uji.id", &["UPT-SRG"]).await;
    // A UPT Serang trainee's account, waiting for its record.
    let account = app.user(Role::Trainee, "0812-1111-2026", &["UPT-SRG"]).await;
    let tangerang = app.signed_in("tangerang@uji.id").await;
    let form = crate::support::trainees::dewi(app.site("POS-TNG"));
    let at_tangerang = crate::support::trainees::register(&app, &tangerang, &form).await;
    let record = trainees::Entity::find_by_id(at_tangerang)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.user_id, None, "the other site's account stays as it is");
    let detail: serde_json::Value = app
        .get_api(
            &tangerang,
            &format!("/api/trainees/get?trainee_id={at_tangerang}"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        detail["account"],
        serde_json::Value::Null,
        "nothing said about it"
    );

    // The same person registered at UPT Serang (another NIK: one record per NIK) is linked
    // to the account of their own site.
    let upt = app.signed_in("upt@uji.id").await;
    let mut form = crate::support::trainees::dewi(app.site("UPT-SRG"));
    for (key, value) in form.iter_mut() {
        if *key == "nik" {
            *value = "3673054708990003".into();
        }
    }
    let at_upt = crate::support::trainees::register(&app, &upt, &form).await;
    let record = trainees::Entity::find_by_id(at_upt)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.user_id, Some(account), "linked at the account's own site");
}

#[tokio::test]
async fn registering_links_the_account_with_the_records_nik_before_one_with_only_its_phone() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "upt@uji.id", &["UPT-SRG"]).await;
    // A shared phone's account (made first) and the person's own account by NIK.
    let shared = app.user(Role::Trainee, "0812-1111-2026", &["UPT-SRG"]).await;
    let own = app
        .user(Role::Trainee, crate::support::trainees::DEWI_NIK, &["UPT-SRG"])
        .await;
    let upt = app.signed_in("upt@uji.id").await;
    let form = crate::support::trainees::dewi(app.site("UPT-SRG"));
    let id = crate::support::trainees::register(&app, &upt, &form).await;
    let record = trainees::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.user_id,
        Some(own),
        "not the shared phone's account {shared}"
    );
}

#[tokio::test]
async fn an_excuse_belongs_to_the_site_of_the_cohort_whose_session_it_is() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "upt@uji.id", &["UPT-SRG"]).await;
    // A trainee whose record is at UPT Serang, in a BBPLK Serang cohort.
    let adi = app.user(Role::Trainee, "0812-2020-3030", &["UPT-SRG"]).await;
    let cohort = app
        .cohort(
            "JP-IZN-01",
            "BBPLK-SRG",
            ("2026-01-05", "2027-12-31"),
            &[],
            &[adi],
        )
        .await;
    let (record, _) = app.record_and_enrollment(adi, cohort).await;
    let home = trainees::Entity::find_by_id(record)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(home.site_id, app.site("UPT-SRG"));
    let starts = app.state.clock.now() + time::Duration::days(3);
    let session = app
        .session(
            cohort,
            &siap_jepang::kernel::wib::rfc3339(starts),
            &siap_jepang::kernel::wib::rfc3339(starts + time::Duration::hours(4)),
            None,
            None,
        )
        .await;
    let db = app.state.db.clone();
    siap_jepang::attendance::service::request_excuse(
        app.env(&db),
        &RequestClient::default(),
        &Actor::new(adi, Role::Trainee, &[app.site("UPT-SRG")]),
        &siap_jepang::attendance::model::excuse::ExcuseInput {
            session_id: session.to_string(),
            kind: "sakit".into(),
            reason: "Demam tinggi".into(),
        },
        Some(TINY_PNG),
    )
    .await
    .expect("asked");
    let request = excuses::Entity::find().one(&db).await.unwrap().unwrap();
    assert_eq!(
        last_audit(&app, "excuse_request").await.site_id,
        Some(app.site("BBPLK-SRG"))
    );

    // The trainee's home site neither sees nor decides it, nor reads the note.
    let upt = app.signed_in("upt@uji.id").await;
    let review: serde_json::Value = app
        .get_api(&upt, "/api/attendance/review")
        .await
        .json()
        .await
        .unwrap();
    assert!(review["pending"].as_array().unwrap().is_empty());
    let id = request.id.to_string();
    let decide = [("excuse_id", id.as_str()), ("decision", "approve")];
    assert_eq!(
        error_of(app.call(&upt, "/api/attendance/decide", &decide).await)
            .await
            .0,
        404
    );
    assert_eq!(app.get(&upt, &format!("/izin/{id}/surat")).await.status(), 404);

    // The cohort's own coordinator does.
    let rina = app.signed_in("rina@uji.id").await;
    let review: serde_json::Value = app
        .get_api(&rina, "/api/attendance/review")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(review["pending"].as_array().unwrap().len(), 1);
    assert_eq!(app.get(&rina, &format!("/izin/{id}/surat")).await.status(), 200);
    assert_eq!(
        error_of(app.call(&rina, "/api/attendance/decide", &decide).await)
            .await
            .0,
        200
    );
    assert_eq!(
        last_audit(&app, "excuse_decide").await.site_id,
        Some(app.site("BBPLK-SRG"))
    );
    let trainee = app.signed_in("0812-2020-3030").await;
    assert_eq!(
        app.get(&trainee, &format!("/izin/{id}/surat")).await.status(),
        200
    );

    // The person belongs to their record's site: the cohort's coordinator reaches them by
    // phone on the roster but sees the NIK masked and cannot open the record; the record's
    // coordinator sees the whole NIK there and nothing of the other site's cohort.
    let roster: serde_json::Value = app
        .get_api(&rina, &format!("/api/trainees/roster?cohort_id={cohort}"))
        .await
        .json()
        .await
        .unwrap();
    let entry = &roster["entries"][0];
    assert_eq!(entry["phone"], "0812-2020-3030");
    let masked = format!("{}********{}", &home.nik[..4], &home.nik[12..]);
    assert_eq!(entry["nik"], masked.as_str());
    let record_path = format!("/api/trainees/get?trainee_id={record}");
    assert_eq!(error_of(app.get_api(&rina, &record_path).await).await.0, 404);
    let detail: serde_json::Value = app.get_api(&upt, &record_path).await.json().await.unwrap();
    assert_eq!(detail["nik"], home.nik.as_str());
    let roster_path = format!("/api/trainees/roster?cohort_id={cohort}");
    assert_eq!(error_of(app.get_api(&upt, &roster_path).await).await.0, 404);

    // The audit log of the cohort's site has the excuse's entries, but its person search
    // matches a NIK or phone only among the site's own people: no way to learn the whole
    // NIK of someone from another site digit by digit.
    let found = |client: reqwest::Client, person: String| {
        let app = &app;
        async move {
            let page: serde_json::Value = app
                .get_api(&client, &format!("/api/audit/list?filter[person]={person}"))
                .await
                .json()
                .await
                .unwrap();
            page["entries"].as_array().map_or(0, Vec::len)
        }
    };
    let name = home.full_name.replace(' ', "%20");
    assert!(
        found(rina.clone(), name).await > 0,
        "by name: the entries it shows"
    );
    assert_eq!(
        found(rina.clone(), "20203030".to_owned()).await,
        0,
        "not by phone"
    );
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let admin = app.signed_in("admin@uji.id").await;
    assert!(
        found(admin, "20203030".to_owned()).await > 0,
        "an admin finds them by phone"
    );
}

#[tokio::test]
async fn an_instructor_taken_off_a_cohort_loses_its_sessions_with_the_change_recorded() {
    let app = TestApp::spawn().await;
    let coordinator_id = app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let leaving = app.user(Role::Instructor, "mantan@uji.id", &["BBPLK-SRG"]).await;
    let now = app.state.clock.now();
    let cohort = app
        .cohort(
            "JP-GNT-01",
            "BBPLK-SRG",
            ("2026-01-05", "2027-12-31"),
            &[sensei, leaving],
            &[],
        )
        .await;
    let at = |days: i64| siap_jepang::kernel::wib::rfc3339(now + time::Duration::days(days));
    let held = app.session(cohort, &at(-2), &at(-1), Some(leaving), None).await;
    let coming = app.session(cohort, &at(2), &at(3), Some(leaving), None).await;
    let unassigned = app.session(cohort, &at(4), &at(5), None, None).await;
    let cancelled = app.session(cohort, &at(6), &at(7), Some(leaving), None).await;
    {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let mut row = class_sessions::Entity::find_by_id(cancelled)
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .into_active_model();
        row.status = Set("cancelled".into());
        row.update(&app.state.db).await.unwrap();
    }

    // Before: the leaving instructor has the coming session in their schedule and feed.
    let mantan = app.signed_in("mantan@uji.id").await;
    let mine: serde_json::Value = app
        .get_api(&mantan, "/api/schedule/mine")
        .await
        .json()
        .await
        .unwrap();
    assert!(mine.to_string().contains("JP-GNT-01"));

    // The coordinator takes them off the cohort.
    let coordinator = app.signed_in("rina@uji.id").await;
    let (programme, course) = reference_ids(&app).await;
    let (programme, course, site, cohort_id, sensei_id) = (
        programme.to_string(),
        course.to_string(),
        app.site("BBPLK-SRG").to_string(),
        cohort.to_string(),
        sensei.to_string(),
    );
    let form = [
        ("cohort_id", cohort_id.as_str()),
        ("code", "JP-GNT-01"),
        ("course_id", &course),
        ("programme_id", &programme),
        ("site_id", &site),
        ("capacity", "30"),
        ("starts_on", "2026-01-05"),
        ("ends_on", "2027-12-31"),
        ("status", "running"),
        ("instructor_ids[0]", &sensei_id),
    ];
    let (status, body) = error_of(app.call(&coordinator, "/api/cohorts/update", &form).await).await;
    assert_eq!(status, 200, "{body}");

    let instructor_of = |id: i64| {
        let db = app.state.db.clone();
        async move {
            class_sessions::Entity::find_by_id(id)
                .one(&db)
                .await
                .unwrap()
                .unwrap()
        }
    };
    let coming_now = instructor_of(coming).await;
    assert_eq!(
        coming_now.instructor_id, None,
        "released, for the coordinator to choose someone"
    );
    assert_eq!(coming_now.changed_by, Some(coordinator_id));
    assert_eq!(
        instructor_of(held).await.instructor_id,
        Some(leaving),
        "who taught a held class stays"
    );
    assert_eq!(instructor_of(unassigned).await.instructor_id, None);
    let untouched = instructor_of(cancelled).await;
    assert_eq!(
        (untouched.instructor_id, untouched.changed_by),
        (Some(leaving), None),
        "a cancelled session keeps its record"
    );
    let entry = last_audit(&app, "cohort_update").await;
    let detail: serde_json::Value = serde_json::from_str(entry.detail.as_deref().unwrap()).unwrap();
    assert_eq!(detail["instructors_removed"], serde_json::json!([leaving]));
    assert_eq!(detail["sessions_released"], 1);
    // The instructor left sees the released session among their classes meanwhile.
    let teacher = app.signed_in("sensei@uji.id").await;
    let theirs: serde_json::Value = app
        .get_api(&teacher, "/api/schedule/mine")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        session_ids(&theirs).contains(&coming),
        "the released session is in the staying instructor's schedule: {theirs}"
    );

    // After: nothing of the cohort in their schedule, calendar, feed or pages.
    let mine: serde_json::Value = app
        .get_api(&mantan, "/api/schedule/mine")
        .await
        .json()
        .await
        .unwrap();
    assert!(!mine.to_string().contains("JP-GNT-01"), "{mine}");
    let week = siap_jepang::kernel::wib::iso_date(siap_jepang::kernel::wib::today(now));
    let calendar = app
        .get_api(
            &mantan,
            &format!("/api/schedule/calendar?filter[view]=month&filter[date]={week}"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(!calendar.contains("JP-GNT-01"), "{calendar}");
    assert_eq!(
        error_of(app.call(&mantan, "/api/schedule/feed-reset", &[]).await)
            .await
            .0,
        200
    );
    let feed = siap_jepang::schedule::db::feed_of(&app.state.db, siap_jepang::kernel::AccountId(leaving))
        .await
        .unwrap()
        .unwrap();
    let ics = app
        .get(&app.client(), &format!("/ical/{}.ics", feed.token))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        ics.contains("BEGIN:VCALENDAR") && !ics.contains("JP-GNT-01"),
        "{ics}"
    );
    assert_eq!(app.get(&mantan, &format!("/sesi/{held}")).await.status(), 404);
    assert_eq!(
        app.get(&mantan, &format!("/sesi/{coming}/absen")).await.status(),
        404
    );
}

#[tokio::test]
async fn national_holidays_are_the_admins_and_a_sites_days_off_its_coordinators() {
    let plan = crate::support::schedule::plan().await;
    let app = &plan.app;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    app.user(Role::Coordinator, "upt@uji.id", &["UPT-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let holiday = [
        ("date", "2027-04-14"),
        ("name", "Libur buatan"),
        ("kind", "national"),
    ];
    let (status, _) = error_of(
        app.call(&coordinator, "/api/schedule/save-holiday", &holiday)
            .await,
    )
    .await;
    assert_eq!(status, 403, "a coordinator changes no national holiday");
    let admin = app.signed_in("admin@uji.id").await;
    let (status, _) = error_of(app.call(&admin, "/api/schedule/save-holiday", &holiday).await).await;
    assert_eq!(status, 200);

    // A day off at BBPLK Serang: its coordinator adds it, audited at the site.
    let site = app.site("BBPLK-SRG").to_string();
    let closure = [
        ("site_id", site.as_str()),
        ("date", "2027-04-16"),
        ("name", "Hari jadi BBPLK"),
    ];
    let (status, body) = error_of(
        app.call(&coordinator, "/api/schedule/save-closure", &closure)
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        last_audit(app, "closure_save").await.site_id,
        Some(app.site("BBPLK-SRG"))
    );
    // Not at another site's.
    let upt = app.site("UPT-SRG").to_string();
    let elsewhere = [
        ("site_id", upt.as_str()),
        ("date", "2027-04-19"),
        ("name", "Bukan milik saya"),
    ];
    let (status, error) = error_of(
        app.call(&coordinator, "/api/schedule/save-closure", &elsewhere)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("site_id".to_owned(), "InvalidChoice".to_owned())]
    );
    // The same day twice is refused.
    let (_, error) = error_of(
        app.call(&coordinator, "/api/schedule/save-closure", &closure)
            .await,
    )
    .await;
    assert_eq!(
        field_problems(&error),
        vec![("date".to_owned(), "AlreadyDayOff".to_owned())]
    );

    // Generation at the site skips both the national holiday and the day off.
    let page: serde_json::Value = app
        .get_api(
            &coordinator,
            &format!(
                "/api/schedule/generation?cohort_id={}&pattern[weekdays][0]=3&pattern[weekdays][1]=5\
                 &pattern[start_time]=08.00&pattern[end_time]=12:00&pattern[every_weeks]=1&pattern[from]=2027-04-12\
                 &pattern[until]=date&pattern[until_date]=2027-04-21&pattern[target_hours]=&instructor_id={}",
                plan.cohort, plan.sensei
            ),
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
    assert_eq!(dates, vec!["2027-04-21"], "{preview}");
    assert_eq!(
        preview["skipped"],
        serde_json::json!([["2027-04-14", "Libur buatan"], ["2027-04-16", "Hari jadi BBPLK"]])
    );
    // A session cannot be moved onto it.
    let session = app
        .session(
            plan.cohort,
            "2027-04-13T01:00:00Z",
            "2027-04-13T05:00:00Z",
            Some(plan.sensei),
            None,
        )
        .await
        .to_string();
    let moved = [
        ("session_id", session.as_str()),
        ("date", "2027-04-16"),
        ("start_time", "08:00"),
        ("end_time", "12:00"),
        ("reason", "Pindah"),
    ];
    let (_, error) = error_of(app.call(&coordinator, "/api/schedule/move", &moved).await).await;
    assert_eq!(
        field_problems(&error),
        vec![("date".to_owned(), "OnHoliday".to_owned())]
    );

    // Everyone at the site sees the day off on /libur; the other site's coordinator can
    // neither see nor remove it.
    let trainee = app.signed_in("0812-1000-0001").await;
    let list: serde_json::Value = app
        .get_api(&trainee, "/api/schedule/holidays?year=2027")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["closures"][0]["name"], "Hari jadi BBPLK");
    assert_eq!(list["closure_sites"], serde_json::json!([]));
    // So does a trainee whose record is at another site, in a cohort at this one.
    let visitor = app.user(Role::Trainee, "0812-7070-8080", &["UPT-SRG"]).await;
    let visited = app
        .cohort(
            "JP-TMU-01",
            "BBPLK-SRG",
            ("2026-01-05", "2027-12-31"),
            &[],
            &[visitor],
        )
        .await;
    app.record_and_enrollment(visitor, visited).await;
    let visitor = app.signed_in("0812-7070-8080").await;
    let list: serde_json::Value = app
        .get_api(&visitor, "/api/schedule/holidays?year=2027")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["closures"][0]["name"], "Hari jadi BBPLK", "{list}");
    let upt_client = app.signed_in("upt@uji.id").await;
    let list: serde_json::Value = app
        .get_api(&upt_client, "/api/schedule/holidays?year=2027")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["closures"], serde_json::json!([]));
    let id = siap_jepang::schedule::db::closure_on(
        &app.state.db,
        app.site("BBPLK-SRG"),
        siap_jepang::kernel::wib::parse_iso_date("2027-04-16").unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
    .id
    .to_string();
    let (status, _) = error_of(
        app.call(
            &upt_client,
            "/api/schedule/delete-closure",
            &[("closure_id", &id)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = error_of(
        app.call(
            &coordinator,
            "/api/schedule/delete-closure",
            &[("closure_id", &id)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        last_audit(app, "closure_delete").await.site_id,
        Some(app.site("BBPLK-SRG"))
    );

    // Without JavaScript: the page offers the form to the site's coordinator only.
    let html = app
        .get(&coordinator, "/libur?tahun=2027")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Tambah hari libur lokasi"), "{html}");
    assert!(
        !html.contains("Tambah hari libur</h2>"),
        "national holidays are the admins'"
    );
    let html = app.get(&trainee, "/libur?tahun=2027").await.text().await.unwrap();
    assert!(!html.contains("Tambah hari libur lokasi"));
}
