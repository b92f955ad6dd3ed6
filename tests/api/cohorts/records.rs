//! Cohorts and the catalogue over HTTP: creating and editing cohorts with every rule
//! checked, and nothing written when a rule is broken.

use crate::support::*;
use sea_orm::{EntityTrait, PaginatorTrait};
use siap_jepang::entities::cohorts;
use siap_jepang::kernel::Role;

async fn cohort_count(app: &TestApp) -> u64 {
    cohorts::Entity::find().count(&app.state.db).await.unwrap()
}

fn cohort_form<'a>(
    ids: &'a (String, String, String),
    code: &'a str,
    capacity: &'a str,
    dates: (&'a str, &'a str),
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("course_id", &ids.1),
        ("programme_id", &ids.0),
        ("site_id", &ids.2),
        ("capacity", capacity),
        ("starts_on", dates.0),
        ("ends_on", dates.1),
    ]
}

#[tokio::test]
async fn a_coordinator_creates_a_cohort_at_their_site_and_it_is_audited() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let room = app.room("BBPLK-SRG", "Lab Bahasa A", 40).await;
    let (programme, course) = reference_ids(&app).await;
    let ids = (
        programme.to_string(),
        course.to_string(),
        app.site("BBPLK-SRG").to_string(),
    );
    let coordinator = app.signed_in("rina@uji.id").await;
    let room = room.to_string();
    let sensei = sensei.to_string();
    let mut form = cohort_form(&ids, "jp-ssw-2027-01", "24", ("2027-01-04", "30/06/2027"));
    form.extend([
        ("room_id", room.as_str()),
        ("instructor_ids[0]", sensei.as_str()),
        ("status", "open"),
    ]);
    let response = app.post_form(&coordinator, "/api/cohorts/create", &form).await;
    assert_eq!(response.status(), 303);
    let location = location(&response);
    assert!(location.starts_with("/angkatan/"), "{location}");
    let html = app.get(&coordinator, &location).await.text().await.unwrap();
    assert!(html.contains("JP-SSW-2027-01"));
    assert!(html.contains("Angkatan JP-SSW-2027-01 dibuat."));
    assert!(html.contains("Lab Bahasa A (40)"));
    assert!(html.contains("04/01/2027 – 30/06/2027"));
    let audit: serde_json::Value = app
        .get_api(&coordinator, "/api/audit/list?filter[action]=cohort_create")
        .await
        .json()
        .await
        .unwrap();
    assert!(audit["entries"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("JP-SSW-2027-01"));
}

#[tokio::test]
async fn a_refused_cohort_form_comes_back_filled_in_as_typed_with_the_reason() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    let (programme, course) = reference_ids(&app).await;
    let ids = (
        programme.to_string(),
        course.to_string(),
        app.site("BBPLK-SRG").to_string(),
    );
    let coordinator = app.signed_in("rina@uji.id").await;
    let sensei = sensei.to_string();
    let mut form = cohort_form(&ids, "JP-KEMBALI-1", "24", ("2027-06-01", "2027-01-01"));
    form.push(("instructor_ids[0]", sensei.as_str()));
    let response = app
        .post_form_from(&coordinator, "/angkatan/baru", "/api/cohorts/create", &form)
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/angkatan/baru");

    // The page names its form after the function it posts to, so the flash the function
    // set finds its fields: every value as typed, the reason beside the end date.
    let html = app
        .get(&coordinator, "/angkatan/baru")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"value="JP-KEMBALI-1""#), "the code comes back");
    assert!(html.contains(r#"value="2027-06-01""#) && html.contains(r#"value="2027-01-01""#));
    let checkbox = html
        .split("<input")
        .find(|input| input.contains(&format!(r#"value="{sensei}""#)) && input.contains("instructor_ids"))
        .expect("the instructor's checkbox");
    assert!(
        checkbox.contains("checked"),
        "the chosen instructor stays chosen: {checkbox}"
    );
    assert!(
        html.contains("cohorts-create-ends_on"),
        "fields are named after the form"
    );
    assert!(
        html.contains("aria-invalid=\"true\""),
        "the refused field is marked"
    );
    assert_eq!(cohort_count(&app).await, 0, "nothing was written");
}

#[tokio::test]
async fn every_broken_rule_is_named_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let small = app.room("BBPLK-SRG", "Ruang Kecil", 10).await.to_string();
    let elsewhere = app.room("UPT-SRG", "Ruang UPT", 40).await.to_string();
    let (programme, course) = reference_ids(&app).await;
    let ids = (
        programme.to_string(),
        course.to_string(),
        app.site("BBPLK-SRG").to_string(),
    );
    let coordinator = app.signed_in("rina@uji.id").await;

    let mut end_before_start = cohort_form(&ids, "JP-X-1", "24", ("2027-06-01", "2027-01-01"));
    end_before_start.push(("room_id", &small));
    let (status, error) = error_of(
        app.call(&coordinator, "/api/cohorts/create", &end_before_start)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![
            ("ends_on".to_owned(), "EndBeforeStart".to_owned()),
            ("room_id".to_owned(), "RoomTooSmall".to_owned())
        ]
    );

    let mut other_site_room = cohort_form(&ids, "JP-X-1", "24", ("2027-01-01", "2027-06-01"));
    other_site_room.push(("room_id", &elsewhere));
    let (_, error) = error_of(
        app.call(&coordinator, "/api/cohorts/create", &other_site_room)
            .await,
    )
    .await;
    assert_eq!(
        field_problems(&error),
        vec![("room_id".to_owned(), "InvalidChoice".to_owned())]
    );

    let other_site = (ids.0.clone(), ids.1.clone(), app.site("UPT-SRG").to_string());
    let form = cohort_form(&other_site, "JP-X-1", "24", ("2027-01-01", "2027-06-01"));
    let (_, error) = error_of(app.call(&coordinator, "/api/cohorts/create", &form).await).await;
    assert_eq!(
        field_problems(&error),
        vec![("site_id".to_owned(), "InvalidChoice".to_owned())]
    );
    assert_eq!(cohort_count(&app).await, 0, "nothing was written");

    // Without JavaScript the form comes back with the reasons and what was typed.
    let response = app
        .post_form(&coordinator, "/api/cohorts/create", &end_before_start)
        .await;
    assert_eq!(response.status(), 303);
    let html = app
        .get(&coordinator, "/angkatan/baru")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Selesai harus setelah mulai."),
        "end before start is explained"
    );
    assert!(
        html.contains("Ruangan hanya muat 10 orang"),
        "the small room is explained"
    );
    assert!(html.contains("value=\"JP-X-1\""), "the code typed is kept");
}

#[tokio::test]
async fn a_cohort_code_is_unique_and_its_dates_cannot_leave_sessions_outside() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let (programme, course) = reference_ids(&app).await;
    let ids = (
        programme.to_string(),
        course.to_string(),
        app.site("BBPLK-SRG").to_string(),
    );
    let existing = app
        .cohort("JP-A-1", "BBPLK-SRG", ("2027-01-04", "2027-06-30"), &[], &[])
        .await;
    app.session(
        existing,
        "2027-03-01T01:00:00Z",
        "2027-03-01T05:00:00Z",
        None,
        None,
    )
    .await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let (_, error) = error_of(
        app.call(
            &coordinator,
            "/api/cohorts/create",
            &cohort_form(&ids, "jp-a-1", "20", ("2027-01-04", "2027-06-30")),
        )
        .await,
    )
    .await;
    assert_eq!(
        field_problems(&error),
        vec![("code".to_owned(), "Taken".to_owned())]
    );

    let id = existing.to_string();
    let mut shrink = cohort_form(&ids, "JP-A-1", "20", ("2027-04-01", "2027-06-30"));
    shrink.push(("cohort_id", &id));
    let (status, error) = error_of(app.call(&coordinator, "/api/cohorts/update", &shrink).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("starts_on".to_owned(), "OutsideCohortDates".to_owned())]
    );

    let mut fine = cohort_form(&ids, "JP-A-1", "20", ("2027-02-01", "2027-06-30"));
    fine.extend([("cohort_id", id.as_str()), ("status", "completed")]);
    assert_eq!(
        app.call(&coordinator, "/api/cohorts/update", &fine)
            .await
            .status(),
        200
    );
    let mut reopen = cohort_form(&ids, "JP-A-1", "20", ("2027-02-01", "2027-06-30"));
    reopen.extend([("cohort_id", id.as_str()), ("status", "running")]);
    let (_, error) = error_of(app.call(&coordinator, "/api/cohorts/update", &reopen).await).await;
    assert_eq!(
        field_problems(&error),
        vec![("status".to_owned(), "InvalidTransition".to_owned())]
    );
}

#[tokio::test]
async fn the_cohort_list_filters_and_stays_within_reach() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let sensei = app.user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG"]).await;
    app.cohort(
        "JP-BBPLK-1",
        "BBPLK-SRG",
        ("2027-01-04", "2027-06-30"),
        &[sensei],
        &[],
    )
    .await;
    app.cohort("JP-BBPLK-2", "BBPLK-SRG", ("2027-01-04", "2027-06-30"), &[], &[])
        .await;
    app.cohort("JP-UPT-1", "UPT-SRG", ("2027-01-04", "2027-06-30"), &[], &[])
        .await;
    let codes = |list: serde_json::Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let coordinator = app.signed_in("rina@uji.id").await;
    let list = app
        .get_api(&coordinator, "/api/cohorts/list?filter[q]=")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(codes(list), vec!["JP-BBPLK-1", "JP-BBPLK-2"]);
    let list = app
        .get_api(&coordinator, "/api/cohorts/list?filter[q]=bbplk-2")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(codes(list), vec!["JP-BBPLK-2"]);
    let instructor = app.signed_in("sensei@uji.id").await;
    let list = app
        .get_api(&instructor, "/api/cohorts/list?filter[q]=")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        codes(list),
        vec!["JP-BBPLK-1"],
        "instructors see the cohorts they teach"
    );
    let html = app.get(&instructor, "/angkatan").await.text().await.unwrap();
    assert!(html.contains("JP-BBPLK-1") && !html.contains("JP-BBPLK-2"));
}

#[tokio::test]
async fn admins_extend_the_catalogue_and_coordinators_add_rooms_at_their_sites() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let admin = app.signed_in("admin@uji.id").await;
    let response = app
        .call(
            &admin,
            "/api/cohorts/add-course",
            &[
                ("code", "BJ-KAIGO-100"),
                ("name", "Bahasa Jepang Kaigo"),
                ("level", "n4"),
                ("total_hours", "100"),
                ("units", "Salam di panti\nMenolong makan\n"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let catalogue: serde_json::Value = app
        .get_api(&admin, "/api/cohorts/catalogue")
        .await
        .json()
        .await
        .unwrap();
    let course = catalogue["courses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "BJ-KAIGO-100")
        .expect("course listed");
    assert_eq!(
        course["units"],
        serde_json::json!(["Salam di panti", "Menolong makan"])
    );
    let (status, error) = error_of(
        app.call(
            &admin,
            "/api/cohorts/add-programme",
            &[
                ("code", "SSW-X"),
                ("name", "SSW tanpa bidang"),
                ("track", "ssw"),
                ("language_target", "jft_a2_or_n4"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("sector".to_owned(), "Required".to_owned())]
    );

    let coordinator = app.signed_in("rina@uji.id").await;
    let own = app.site("BBPLK-SRG").to_string();
    let other = app.site("UPT-SRG").to_string();
    let ok = app
        .call(
            &coordinator,
            "/api/cohorts/add-room",
            &[("site_id", &own), ("name", "Lab B"), ("capacity", "32")],
        )
        .await;
    assert_eq!(ok.status(), 200);
    let (_, error) = error_of(
        app.call(
            &coordinator,
            "/api/cohorts/add-room",
            &[("site_id", &own), ("name", " Lab  B "), ("capacity", "32")],
        )
        .await,
    )
    .await;
    assert_eq!(
        field_problems(&error),
        vec![("name".to_owned(), "Taken".to_owned())]
    );
    let (_, error) = error_of(
        app.call(
            &coordinator,
            "/api/cohorts/add-room",
            &[("site_id", &other), ("name", "Lab C"), ("capacity", "32")],
        )
        .await,
    )
    .await;
    assert_eq!(
        field_problems(&error),
        vec![("site_id".to_owned(), "InvalidChoice".to_owned())]
    );
}
