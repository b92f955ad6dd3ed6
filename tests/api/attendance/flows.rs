//! Attendance beyond the roll call: excuses asked and decided, the automatic absences of
//! unmarked sessions (idempotent, one claim per session), rates over each trainee's
//! enrollment with warnings, the pages, and exports read back.

use crate::support::attendance::{
    class, grid_and_overview, held_days_ago, marks, named, rfc3339, roll_form, save, Class,
};
use crate::support::*;
use reqwest::multipart;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use siap_jepang::attendance::model::Policy;
use siap_jepang::entities::{attendance_marks, enrollments, excuses, roll_calls};
use siap_jepang::kernel::Role;
use time::Duration;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

async fn ask(
    app: &TestApp,
    client: &reqwest::Client,
    session: i64,
    kind: &str,
    reason: &str,
    note: Option<(&str, &[u8])>,
) -> reqwest::Response {
    let mut form = multipart::Form::new()
        .text("session_id", session.to_string())
        .text("kind", kind.to_owned())
        .text("reason", reason.to_owned());
    if let Some((name, bytes)) = note {
        form = form.part(
            "note",
            multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned()),
        );
    }
    client
        .post(app.url("/izin/ajukan"))
        .header("origin", &app.base)
        .header("accept", "text/html")
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_excuse_asked_in_advance_and_approved_prefills_the_roll_call() {
    let Class {
        app,
        records,
        coming_session,
        now_session,
        ..
    } = class().await;
    app.user(Role::Coordinator, "upt@uji.id", &["UPT-SRG"]).await;
    let adi = app.signed_in("0812-0000-0001").await;
    let response = ask(
        &app,
        &adi,
        coming_session,
        "sakit",
        "Demam tinggi",
        Some(("surat.png", PNG)),
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/izin");
    let html = app.get(&adi, "/izin").await.text().await.unwrap();
    assert!(html.contains("Pengajuan izin terkirim."), "{html}");
    assert!(html.contains("Menunggu keputusan"));

    // Refusals, each with its reason and nothing stored.
    let again = ask(&app, &adi, coming_session, "izin", "Lagi", None).await;
    assert_eq!(location(&again), "/izin");
    let html = app.get(&adi, "/izin").await.text().await.unwrap();
    assert!(html.contains("Sudah ada pengajuan untuk sesi ini."), "{html}");
    ask(&app, &adi, now_session, "izin", "Terlambat bangun", None).await;
    let html = app.get(&adi, "/izin").await.text().await.unwrap();
    assert!(html.contains("izin hanya untuk sesi yang akan datang"), "{html}");
    let bayu = app.signed_in("0812-0000-0002").await;
    ask(
        &app,
        &bayu,
        coming_session,
        "sakit",
        "Flu",
        Some(("surat.pdf", b"%PDF-1.7")),
    )
    .await;
    let html = app.get(&bayu, "/izin").await.text().await.unwrap();
    assert!(html.contains("Lampiran harus foto"), "{html}");
    assert_eq!(excuses::Entity::find().count(&app.state.db).await.unwrap(), 1);

    // The photo: its trainee and the site's coordinators, nobody else.
    let request = excuses::Entity::find().one(&app.state.db).await.unwrap().unwrap();
    assert!(request.has_note);
    let photo = app.get(&adi, &format!("/izin/{}/surat", request.id)).await;
    assert_eq!(photo.status(), 200);
    assert_eq!(photo.headers()["content-type"], "image/png");
    assert_eq!(
        app.get(&bayu, &format!("/izin/{}/surat", request.id))
            .await
            .status(),
        404
    );

    // Another site's coordinator cannot decide it; this site's approves.
    let upt = app.signed_in("upt@uji.id").await;
    let id = request.id.to_string();
    let decide = [("excuse_id", id.as_str()), ("decision", "approve")];
    assert_eq!(
        error_of(app.call(&upt, "/api/attendance/decide", &decide).await)
            .await
            .0,
        404
    );
    let rina = app.signed_in("rina@uji.id").await;
    let review: serde_json::Value = app
        .get_api(&rina, "/api/attendance/review")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(review["pending"].as_array().unwrap().len(), 1);
    assert_eq!(
        error_of(app.call(&rina, "/api/attendance/decide", &decide).await)
            .await
            .0,
        200
    );
    assert_eq!(
        error_of(app.call(&rina, "/api/attendance/decide", &decide).await)
            .await
            .0,
        422,
        "decided once"
    );

    // The day comes: the roll call starts Adi as sakit, and saving records where it came from.
    app.advance(Duration::days(1));
    let sensei = app.signed_in("sensei@uji.id").await;
    let roll: serde_json::Value = app
        .get_api(
            &sensei,
            &format!("/api/attendance/roll-call?session_id={coming_session}"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(roll["lines"][0]["status"], "Sick");
    assert_eq!(roll["lines"][0]["excuse"]["status"], "Approved");
    let form = roll_form(
        coming_session,
        &[
            (records[0], "sakit", ""),
            (records[1], "hadir", ""),
            (records[2], "hadir", ""),
        ],
    );
    assert_eq!(save(&app, &sensei, &form).await.0, 200);
    let adi_mark = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SessionId.eq(coming_session))
        .filter(attendance_marks::Column::TraineeId.eq(records[0]))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (adi_mark.status.as_str(), adi_mark.source.as_str()),
        ("sakit", "excuse")
    );
}

#[tokio::test]
async fn unmarked_sessions_become_absences_once_even_when_the_job_runs_twice_at_the_same_time() {
    let Class {
        app,
        records,
        cohort,
        past_session,
        ..
    } = class().await;
    app.set_policy(
        cohort,
        Policy {
            auto_absent_hours: Some(2),
            ..Default::default()
        },
    )
    .await;
    // Adi checked in himself yesterday; nobody took the roll call.
    attendance_marks::Entity::insert(attendance_marks::ActiveModel {
        session_id: Set(past_session),
        trainee_id: Set(records[0]),
        status: Set("hadir".into()),
        source: Set("check_in".into()),
        created_at: Set(app.state.clock.now()),
        updated_at: Set(app.state.clock.now()),
        ..Default::default()
    })
    .exec_without_returning(&app.state.db)
    .await
    .unwrap();
    let rina = app.signed_in("rina@uji.id").await;
    let overview: serde_json::Value = app
        .get_api(&rina, "/api/attendance/overview")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview["unmarked"].as_array().unwrap().len(), 1, "{overview}");

    let env = app.env(&app.state.db);
    let (first, second) = tokio::join!(
        siap_jepang::attendance::service::auto_mark(env),
        siap_jepang::attendance::service::auto_mark(env)
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    assert_eq!(
        first.0 + second.0,
        1,
        "one run claims the session: {first:?} {second:?}"
    );
    assert_eq!(first.1 + second.1, 2, "Bayu and Citra");
    assert_eq!(
        siap_jepang::attendance::service::auto_mark(env).await.unwrap(),
        (0, 0),
        "running again changes nothing"
    );
    assert_eq!(
        marks(&app, past_session).await,
        vec![
            (records[0], "hadir".into(), None),
            (records[1], "alpa".into(), None),
            (records[2], "alpa".into(), None),
        ]
    );
    let call = roll_calls::Entity::find_by_id(past_session)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(call.automatic);
    let overview: serde_json::Value = app
        .get_api(&rina, "/api/attendance/overview")
        .await
        .json()
        .await
        .unwrap();
    assert!(overview["unmarked"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn rates_count_only_the_sessions_inside_each_enrollment_and_flag_who_needs_attention() {
    let Class {
        app,
        records,
        cohort,
        past_session,
        ..
    } = class().await;
    let now = app.state.clock.now();
    // Four more past sessions; Citra joined only two days ago (a transfer, say).
    let mut past = vec![past_session];
    past.extend(held_days_ago(&app, cohort, [4, 3, 2]).await);
    let citra = enrollments::Entity::find()
        .filter(enrollments::Column::TraineeId.eq(records[2]))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    enrollments::Entity::update(enrollments::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(citra.id),
        // The day of the session two days ago (its start, three hours before now's clock time).
        joined_on: Set(Some(siap_jepang::kernel::wib::today(
            now - Duration::days(2) - Duration::hours(3),
        ))),
        ..Default::default()
    })
    .exec(&app.state.db)
    .await
    .unwrap();
    let rina = app.signed_in("rina@uji.id").await;
    for (i, session) in past.iter().enumerate() {
        // Adi always present; Bayu absent every time; Citra present when in class.
        let form = roll_form(
            *session,
            &[
                (records[0], "hadir", ""),
                (records[1], if i == 0 { "sakit" } else { "alpa" }, ""),
            ],
        );
        let mut form = form;
        if i == 0 || i == 3 {
            form.push((format!("status[{}]", records[2]), "hadir".into()));
        }
        let (status, body) = save(&app, &rina, &form).await;
        assert_eq!(status, 200, "{body}");
    }
    // The day before she joined she was not in class: a mark for her there is refused.
    let mut form = roll_form(past[2], &[(records[2], "hadir", "")]);
    form.push(("reason".into(), "Koreksi daftar hadir".into()));
    let (status, body) = save(&app, &rina, &form).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&body),
        vec![(format!("status[{}]", records[2]), "NotEnrolledOnDate".into())]
    );
    let (grid, overview) = grid_and_overview(&app, &rina, cohort).await;
    let row = |name: &str| named(&grid["rows"], name);
    assert_eq!(row("Adi")["rates"]["rate"], 1000);
    assert_eq!(
        row("Bayu")["rates"]["rate"],
        0,
        "sakit is excused, the three alpa count"
    );
    assert_eq!(row("Bayu")["rates"]["sick"], 1);
    assert_eq!(row("Bayu")["rates"]["streak"], 3);
    assert!(row("Bayu")["warnings"].to_string().contains("Streak"));
    assert_eq!(
        row("Citra")["rates"]["present"],
        2,
        "only the sessions since she joined"
    );
    assert_eq!(row("Citra")["cells"][0], "Outside");
    assert_eq!(row("Citra")["rates"]["rate"], 1000);
    assert!(!grid["chart"].as_array().unwrap().is_empty());

    let at_risk: Vec<&str> = overview["at_risk"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(at_risk, vec!["Bayu"]);

    // Bayu sees his own rate and what it means.
    let bayu = app.signed_in("0812-0000-0002").await;
    let html = app.get(&bayu, "/kehadiran").await.text().await.unwrap();
    assert!(html.contains("Kehadiran 0 %"), "{html}");
    assert!(html.contains("alpa 3× berturut-turut"));
    // The grid page, the monthly register and the session register render for staff.
    let html = app
        .get(&rina, &format!("/angkatan/{cohort}/kehadiran"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Bayu") && html.contains("<svg"), "grid and chart");
    let month = &grid["months"][0].as_str().unwrap().to_owned();
    let html = app
        .get(
            &rina,
            &format!("/angkatan/{cohort}/kehadiran/cetak?bulan={month}"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Tanda tangan") && html.contains("Adi"));
    let html = app
        .get(&rina, &format!("/sesi/{past_session}/daftar-hadir"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Sakit") && html.contains("Tanda tangan"));
    let bad_month = app
        .get_api(
            &rina,
            &format!("/api/attendance/cohort?cohort_id={cohort}&month=2026-13"),
        )
        .await;
    assert_eq!(bad_month.status(), 422);

    // Exports read back: per session with Indonesian names, the summary, a workbook.
    let csv = app
        .get(&rina, &format!("/angkatan/{cohort}/kehadiran/ekspor?format=csv"))
        .await
        .bytes()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| &r[1] == "Bayu" && &r[6] == "Alpa"));
    assert!(rows.iter().any(|r| &r[1] == "Bayu" && &r[6] == "Sakit"));
    assert_eq!(
        rows.iter().filter(|r| &r[1] == "Citra").count(),
        2,
        "only inside her enrollment"
    );
    let summary = app
        .get(
            &rina,
            &format!("/angkatan/{cohort}/kehadiran/ekspor?format=csv&isi=ringkasan"),
        )
        .await
        .bytes()
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&summary);
    assert!(text.contains("Kehadiran") && text.contains("Bayu"));
    let xlsx = app
        .get(&rina, &format!("/angkatan/{cohort}/kehadiran/ekspor?format=xlsx"))
        .await
        .bytes()
        .await
        .unwrap()
        .to_vec();
    use calamine::Reader;
    let workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    assert_eq!(workbook.sheet_names(), vec!["Per sesi", "Ringkasan"]);
    let trainee = app.signed_in("0812-0000-0001").await;
    assert_eq!(
        app.get(
            &trainee,
            &format!("/angkatan/{cohort}/kehadiran/ekspor?format=csv")
        )
        .await
        .status(),
        403
    );
}

#[tokio::test]
async fn a_cohorts_rules_are_set_by_its_coordinators_within_bounds() {
    let Class { app, cohort, .. } = class().await;
    let sensei = app.signed_in("sensei@uji.id").await;
    let rina = app.signed_in("rina@uji.id").await;
    let cohort_s = cohort.to_string();
    let form = |late: &'static str| {
        vec![
            ("cohort_id", cohort_s.clone()),
            ("late_weight", late.to_owned()),
            ("late_after_minutes", "10".to_owned()),
            ("auto_absent_hours", "24".to_owned()),
            ("edit_days", "5".to_owned()),
            ("absence_streak", "3".to_owned()),
        ]
    };
    let pairs =
        |form: &[(&'static str, String)]| form.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let call = |client: &reqwest::Client, form: Vec<(&'static str, String)>| {
        let app = &app;
        let client = client.clone();
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            error_of(app.call(&client, "/api/attendance/save-policy", &form).await).await
        }
    };
    assert_eq!(call(&sensei, pairs(&form("60"))).await.0, 403);
    let (status, body) = call(&rina, pairs(&form("150"))).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&body),
        vec![("late_weight".into(), "OutOfRange".into())]
    );
    assert_eq!(call(&rina, pairs(&form("60"))).await.0, 200);
    let grid: serde_json::Value = app
        .get_api(&rina, &format!("/api/attendance/cohort?cohort_id={cohort}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(grid["policy"]["late_weight"], "60");
    assert_eq!(grid["policy"]["auto_absent_hours"], "24");
}

#[tokio::test]
async fn todays_classes_include_one_that_started_just_after_midnight_wib() {
    // Stored in UTC (as the schedule stores them), 00:01 WIB is the evening before in UTC:
    // the day's bounds must be compared in UTC too, or SQLite compares text of two offsets.
    let Class { app, cohort, .. } = class().await;
    let today = siap_jepang::kernel::wib::today(app.state.clock.now());
    let start = siap_jepang::kernel::wib::start_of_day(today) + Duration::minutes(1);
    let utc = |at: time::OffsetDateTime| rfc3339(at.to_offset(time::UtcOffset::UTC));
    let early = app
        .session(
            cohort,
            &utc(start),
            &utc(start + Duration::minutes(30)),
            None,
            None,
        )
        .await;
    let rina = app.signed_in("rina@uji.id").await;
    let overview: serde_json::Value = app
        .get_api(&rina, "/api/attendance/overview")
        .await
        .json()
        .await
        .unwrap();
    let today_ids: Vec<i64> = overview["today"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["session"]["id"].as_i64().unwrap())
        .collect();
    assert!(today_ids.contains(&early), "{overview}");
}
