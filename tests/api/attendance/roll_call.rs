//! Attendance over HTTP: the roll call saved whole (and again), refusals that save nothing,
//! the instructors' editing window, concurrent saves, and self check-in with the rotating
//! code from one device per trainee.

use crate::support::attendance::{class, marks, rfc3339, roll_form, save, Class};
use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use siap_jepang::entities::{attendance_changes, roll_calls};
use siap_jepang::kernel::Role;
use time::Duration;

async fn changes(app: &TestApp) -> u64 {
    attendance_changes::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_instructor_takes_a_roll_call_with_everyone_present_but_the_exceptions_and_can_save_again() {
    let Class {
        app,
        records,
        now_session,
        ..
    } = class().await;
    let sensei = app.signed_in("sensei@uji.id").await;
    let roll: serde_json::Value = app
        .get_api(
            &sensei,
            &format!("/api/attendance/roll-call?session_id={now_session}"),
        )
        .await
        .json()
        .await
        .unwrap();
    let lines = roll["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 3);
    assert!(
        lines
            .iter()
            .all(|l| l["status"] == "Present" && l["saved"] == false),
        "{roll}"
    );
    assert_eq!(lines[0]["name"], "Adi", "by name");

    let form = roll_form(
        now_session,
        &[
            (records[0], "hadir", ""),
            (records[1], "alpa", ""),
            (records[2], "terlambat", "Macet di tol"),
        ],
    );
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let response = app
        .post_form_from(
            &sensei,
            &format!("/sesi/{now_session}/absen"),
            "/api/attendance/save",
            &pairs,
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), format!("/sesi/{now_session}/absen"));
    let html = app.get(&sensei, &location(&response)).await.text().await.unwrap();
    assert!(html.contains("Absen JP-ABS-01 disimpan (3 peserta)."), "{html}");
    assert_eq!(
        marks(&app, now_session).await,
        vec![
            (records[0], "hadir".into(), None),
            (records[1], "alpa".into(), None),
            (records[2], "terlambat".into(), Some("Macet di tol".into())),
        ]
    );
    let taken = roll_calls::Entity::find_by_id(now_session)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!taken.automatic);
    assert_eq!(changes(&app).await, 3);

    // Bayu sends word he is ill: saving again changes one mark, and its history says so.
    let form = roll_form(
        now_session,
        &[
            (records[0], "hadir", ""),
            (records[1], "sakit", "Surat menyusul"),
            (records[2], "terlambat", "Macet di tol"),
        ],
    );
    assert_eq!(save(&app, &sensei, &form).await.0, 200);
    assert_eq!(
        marks(&app, now_session).await.len(),
        3,
        "one mark per trainee per session"
    );
    assert_eq!(changes(&app).await, 4, "only the changed line adds history");
    let roll: serde_json::Value = app
        .get_api(
            &sensei,
            &format!("/api/attendance/roll-call?session_id={now_session}"),
        )
        .await
        .json()
        .await
        .unwrap();
    let bayu = &roll["lines"][1];
    assert_eq!(bayu["status"], "Sick");
    assert_eq!(bayu["history"].as_array().unwrap().len(), 2);
    assert_eq!(bayu["history"][1]["from"], "Absent");
    assert_eq!(bayu["history"][1]["by"], "Uji instructor");
    let audit = siap_jepang::entities::audit_log::Entity::find()
        .filter(siap_jepang::entities::audit_log::Column::Action.eq("attendance_save"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audit, 2);
}

#[tokio::test]
async fn a_roll_call_that_cannot_be_taken_is_refused_whole() {
    let Class {
        app,
        records,
        now_session,
        coming_session,
        ..
    } = class().await;
    let sensei = app.signed_in("sensei@uji.id").await;
    let future = roll_form(coming_session, &[(records[0], "hadir", "")]);
    let (status, body) = save(&app, &sensei, &future).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&body),
        vec![("roll_call".into(), "SessionNotStarted".into())]
    );

    // One line for someone not in the class, one bad status, one remark too long: all named.
    let mut bad = roll_form(
        now_session,
        &[
            (records[0], "hadir", ""),
            (records[1], "bolos", ""),
            (records[2], "hadir", &"x".repeat(201)),
        ],
    );
    bad.push(("status[999999]".into(), "hadir".into()));
    let (status, body) = save(&app, &sensei, &bad).await;
    assert_eq!(status, 422);
    let mut problems = field_problems(&body);
    problems.sort();
    assert_eq!(
        problems,
        vec![
            (format!("remark[{}]", records[2]), "TooLong".into()),
            (format!("status[{}]", records[1]), "InvalidChoice".into()),
            ("status[999999]".into(), "NotEnrolledOnDate".into()),
        ]
    );
    assert!(marks(&app, now_session).await.is_empty(), "nothing partial saved");
    assert!(roll_calls::Entity::find_by_id(now_session)
        .one(&app.state.db)
        .await
        .unwrap()
        .is_none());

    // Another cohort's instructor, a trainee: no.
    let stranger = app.signed_in("lain@uji.id").await;
    let ok = roll_form(now_session, &[(records[0], "hadir", "")]);
    assert_eq!(save(&app, &stranger, &ok).await.0, 404);
    let trainee = app.signed_in("0812-0000-0001").await;
    assert_eq!(save(&app, &trainee, &ok).await.0, 403);
    let page = app.get(&stranger, &format!("/sesi/{now_session}/absen")).await;
    assert_eq!(page.status(), 404);

    // A cancelled session takes no roll call.
    let rina = app.signed_in("rina@uji.id").await;
    let (status, _) = error_of(
        app.call(
            &rina,
            "/api/schedule/cancel",
            &[
                ("session_id", &now_session.to_string()),
                ("reason", "Listrik padam"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = save(&app, &rina, &ok).await;
    assert_eq!(
        (status, field_problems(&body)),
        (422, vec![("roll_call".into(), "SessionCancelled".into())])
    );
}

#[tokio::test]
async fn instructors_change_a_roll_call_for_three_days_then_coordinators_with_a_reason() {
    let Class {
        app, records, cohort, ..
    } = class().await;
    let now = app.state.clock.now();
    let old = app
        .session(
            cohort,
            &rfc3339(now - Duration::days(5)),
            &rfc3339(now - Duration::days(5) + Duration::hours(2)),
            None,
            None,
        )
        .await;
    let sensei = app.signed_in("sensei@uji.id").await;
    let form = roll_form(
        old,
        &[
            (records[0], "hadir", ""),
            (records[1], "alpa", ""),
            (records[2], "hadir", ""),
        ],
    );
    let (status, body) = save(&app, &sensei, &form).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&body),
        vec![("roll_call".into(), "EditWindowClosed".into())]
    );

    let rina = app.signed_in("rina@uji.id").await;
    assert_eq!(
        save(&app, &rina, &form).await.0,
        200,
        "a first late roll call needs no reason"
    );
    let change = roll_form(
        old,
        &[
            (records[0], "hadir", ""),
            (records[1], "izin", ""),
            (records[2], "hadir", ""),
        ],
    );
    let (status, body) = save(&app, &rina, &change).await;
    assert_eq!(status, 422);
    assert_eq!(field_problems(&body), vec![("reason".into(), "Required".into())]);
    let mut with_reason = change.clone();
    with_reason.push((
        "reason".into(),
        "Surat izin dari kelurahan baru diserahkan".into(),
    ));
    assert_eq!(save(&app, &rina, &with_reason).await.0, 200);
    let last = attendance_changes::Entity::find()
        .filter(attendance_changes::Column::ToStatus.eq("izin"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        last.reason.as_deref(),
        Some("Surat izin dari kelurahan baru diserahkan")
    );
    assert_eq!(last.from_status.as_deref(), Some("alpa"));

    // A cohort whose own rules give its instructors seven days: the save reads them.
    let week = siap_jepang::attendance::model::Policy {
        edit_days: 7,
        ..Default::default()
    };
    app.set_policy(cohort, week).await;
    assert_eq!(save(&app, &sensei, &form).await.0, 200);
    assert_eq!(marks(&app, old).await[1].1, "alpa");
}

#[tokio::test]
async fn two_instructors_saving_one_roll_call_at_once_leave_one_consistent_result() {
    let Class {
        app,
        records,
        now_session,
        cohort,
        ..
    } = class().await;
    // A second instructor teaches the cohort too.
    let second = app.user(Role::Instructor, "kedua@uji.id", &["BBPLK-SRG"]).await;
    {
        use sea_orm::Set;
        siap_jepang::entities::cohort_instructors::Entity::insert(
            siap_jepang::entities::cohort_instructors::ActiveModel {
                cohort_id: Set(cohort),
                user_id: Set(second),
            },
        )
        .exec_without_returning(&app.state.db)
        .await
        .unwrap();
    }
    let (a, b) = (
        app.signed_in("sensei@uji.id").await,
        app.signed_in("kedua@uji.id").await,
    );
    for round in 0..3 {
        let present = roll_form(
            now_session,
            &records.iter().map(|r| (*r, "hadir", "")).collect::<Vec<_>>(),
        );
        let absent = roll_form(
            now_session,
            &records.iter().map(|r| (*r, "alpa", "")).collect::<Vec<_>>(),
        );
        let (first, second) = tokio::join!(save(&app, &a, &present), save(&app, &b, &absent));
        assert_eq!(
            (first.0, second.0),
            (200, 200),
            "round {round}: {first:?} {second:?}"
        );
        let statuses: Vec<String> = marks(&app, now_session).await.into_iter().map(|m| m.1).collect();
        assert_eq!(statuses.len(), 3);
        assert!(
            statuses.iter().all(|s| s == &statuses[0]),
            "round {round}: one save wins whole, never a mix: {statuses:?}"
        );
    }
}

/// The code on the instructor's screen now.
pub async fn shown_code(app: &TestApp, client: &reqwest::Client, session: i64) -> String {
    let display: serde_json::Value = app
        .get_api(
            client,
            &format!("/api/attendance/check-in-code?session_id={session}"),
        )
        .await
        .json()
        .await
        .unwrap();
    display["code"].as_str().unwrap().to_owned()
}

async fn check_in(app: &TestApp, client: &reqwest::Client, code: &str) -> (u16, serde_json::Value) {
    error_of(
        app.call(client, "/api/attendance/check-in", &[("code", code)])
            .await,
    )
    .await
}

#[tokio::test]
async fn trainees_check_in_with_the_rotating_code_from_their_own_phone() {
    let Class {
        app,
        records,
        now_session,
        cohort,
        ..
    } = class().await;
    let sensei = app.signed_in("sensei@uji.id").await;
    let adi = app.signed_in("0812-0000-0001").await;
    // Not open yet.
    assert_eq!(
        field_problems(&check_in(&app, &adi, "123456").await.1),
        vec![("code".into(), "CheckInClosed".into())]
    );
    let (status, _) = error_of(
        app.call(
            &sensei,
            "/api/attendance/open-check-in",
            &[("session_id", &now_session.to_string())],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    let code = shown_code(&app, &sensei, now_session).await;
    assert_eq!(code.len(), 6);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(
        field_problems(&check_in(&app, &adi, wrong).await.1),
        vec![("code".into(), "CodeExpired".into())]
    );
    let (status, body) = check_in(&app, &adi, &code).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        marks(&app, now_session).await,
        vec![(records[0], "hadir".into(), None)],
        "ten minutes after the start is on time"
    );
    assert_eq!(
        field_problems(&check_in(&app, &adi, &code).await.1),
        vec![("code".into(), "AlreadyCheckedIn".into())]
    );

    // Bayu borrows Adi's phone: the same device cannot check in a second trainee.
    app.call(
        &adi,
        "/api/accounts/sign-in",
        &[("login", "0812-0000-0002"), ("password", PASSWORD)],
    )
    .await;
    let (_, body) = check_in(&app, &adi, &code).await;
    assert_eq!(field_problems(&body), vec![("code".into(), "DeviceUsed".into())]);
    assert_eq!(marks(&app, now_session).await.len(), 1, "Bayu is not marked");

    // A minute later the code has changed twice: the old one no longer works; Citra, with
    // a policy of late after 5 minutes, is late.
    app.set_policy(
        cohort,
        siap_jepang::attendance::model::Policy {
            late_after_minutes: 5,
            ..Default::default()
        },
    )
    .await;
    app.advance(Duration::seconds(65));
    let citra = app.signed_in("0812-0000-0003").await;
    assert_eq!(
        field_problems(&check_in(&app, &citra, &code).await.1),
        vec![("code".into(), "CodeExpired".into())]
    );
    let fresh = shown_code(&app, &sensei, now_session).await;
    assert_eq!(check_in(&app, &citra, &fresh).await.0, 200);
    let all = marks(&app, now_session).await;
    assert_eq!(all[1], (records[2], "terlambat".into(), None));

    // The roll call shows who checked in; the instructor's screen lists them.
    let roll: serde_json::Value = app
        .get_api(
            &sensei,
            &format!("/api/attendance/roll-call?session_id={now_session}"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(roll["lines"][0]["checked_in_at"].is_string());
    assert_eq!(roll["lines"][0]["source"], "CheckIn");
    let html = app
        .get(&sensei, &format!("/sesi/{now_session}/kode"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("2 dari 3 peserta sudah presensi"), "{html}");
    assert!(
        html.contains("http-equiv=\"refresh\""),
        "the screen refreshes itself without JavaScript"
    );
    assert!(html.contains("<svg"), "with the QR code");
}
