//! Roster imports over HTTP: files as Excel and Google Sheets write them, every row checked
//! before anything is written, a review, one confirmation, and files that are refused
//! with a reason.

use crate::support::trainees::EXCEL_ROSTER;
use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use siap_jepang::entities::{enrollments, trainees};
use siap_jepang::kernel::Role;

async fn record_count(app: &TestApp) -> u64 {
    trainees::Entity::find().count(&app.state.db).await.unwrap()
}

/// The review of a staged import, as its uploader sees it.
async fn review_of(app: &TestApp, client: &reqwest::Client, id: i64) -> serde_json::Value {
    app.get_api(client, &format!("/api/trainees/import-review?import_id={id}"))
        .await
        .json()
        .await
        .unwrap()
}

async fn staff() -> (TestApp, reqwest::Client, i64) {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let cohort = app
        .cohort("JP-UJI-01", "BBPLK-SRG", ("2026-01-05", "2027-06-30"), &[], &[])
        .await;
    let coordinator = app.signed_in("rina@uji.id").await;
    (app, coordinator, cohort)
}

#[tokio::test]
async fn an_excel_roster_is_reviewed_row_by_row_then_imported_exactly_once() {
    let (app, coordinator, cohort) = staff().await;
    let id = app
        .upload_roster(&coordinator, "BBPLK-SRG", Some(cohort), EXCEL_ROSTER)
        .await
        .expect("staged for review");
    assert_eq!(record_count(&app).await, 0, "nothing written before confirmation");

    let review = review_of(&app, &coordinator, id).await;
    assert_eq!(review["rows"], 4);
    assert_eq!(review["accepted"], 2);
    let refused: Vec<(u64, String)> = review["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), variant(&r["problems"][0]["problem"])))
        .collect();
    // The sheet's own row numbers: the header is row 1.
    assert_eq!(
        refused,
        vec![(4, "DuplicateInFile".into()), (5, "InvalidNik".into())]
    );
    assert_eq!(
        review["refused"][0]["problems"][0]["problem"]["DuplicateInFile"]["row"],
        2
    );
    assert!(
        !review.to_string().contains("3673050101900001"),
        "refused NIKs are masked in the review"
    );
    let page = app
        .get(&coordinator, &format!("/peserta/impor/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("NIK sama dengan baris 2 di berkas ini."),
        "reasons in Indonesian"
    );

    let response = app
        .post_form_from(
            &coordinator,
            &format!("/peserta/impor/{id}"),
            "/api/trainees/import-confirm",
            &[("import_id", &id.to_string())],
        )
        .await;
    assert_eq!(response.status(), 303);
    let html = app
        .get(&coordinator, &location(&response))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("2 peserta diimpor."), "{html}");
    assert_eq!(record_count(&app).await, 2);
    let dewi = trainees::Entity::find()
        .filter(trainees::Column::Nik.eq("3673054708990042"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("Dewi imported");
    assert_eq!(dewi.full_name, "Dewi Lestari", "names tidied to title case");
    assert_eq!(
        dewi.address, "Kp. Baru RT 01/RW 02",
        "the quoted line break is inside one field"
    );
    assert_eq!(
        (dewi.regency_code.as_deref(), dewi.regency_name.as_str()),
        (Some("3604"), "Kab. Serang")
    );
    assert_eq!(dewi.sex, "F", "taken from the column, agreeing with the NIK");
    let budi = trainees::Entity::find()
        .filter(trainees::Column::Nik.eq("3673050101900001"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(budi.address, "Jl. Merdeka; No. 5");
    let applied = enrollments::Entity::find()
        .filter(enrollments::Column::CohortId.eq(cohort))
        .filter(enrollments::Column::Status.eq("applied"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(applied, 2, "applied to the chosen cohort");

    let (status, body) = error_of(
        app.call(
            &coordinator,
            "/api/trainees/import-confirm",
            &[("import_id", &id.to_string())],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "a second confirmation is refused: {body}");
    assert_eq!(record_count(&app).await, 2);

    // The same file again: everyone is already registered.
    let again = app
        .upload_roster(&coordinator, "BBPLK-SRG", None, EXCEL_ROSTER)
        .await
        .expect("staged");
    let review = review_of(&app, &coordinator, again).await;
    assert_eq!(review["accepted"], 0);
    assert_eq!(
        variant(&review["refused"][0]["problems"][0]["problem"]),
        "AlreadyRegistered"
    );
}

#[tokio::test]
async fn a_google_sheets_roster_with_commas_and_english_headers_is_read_too() {
    let (app, coordinator, _) = staff().await;
    let csv = "Full name,ID number,Date of birth,Gender,Phone\n\
               \"Santoso, Budi\",3673050101900001,1990-01-01,M,+62 812 1111 0001\n";
    let id = app
        .upload_roster(&coordinator, "BBPLK-SRG", None, csv)
        .await
        .expect("staged");
    let review = review_of(&app, &coordinator, id).await;
    assert_eq!(
        (review["rows"].as_u64(), review["accepted"].as_u64()),
        (Some(1), Some(1)),
        "{review}"
    );
}

#[tokio::test]
async fn files_that_are_not_rosters_are_refused_with_the_reason_and_nothing_staged() {
    let app = TestApp::spawn_with(|config| config.max_body_bytes = 200 * 1024).await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let mut big = String::from("NIK;Nama\n");
    while big.len() < 190 * 1024 {
        big.push_str("3673050101900001;Budi Santoso dengan nama yang panjang sekali\n");
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("kosong.csv", Vec::new(), "Berkas kosong."),
        (
            "roster.xlsx",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00binary".to_vec(),
            "Berkas ini bukan CSV.",
        ),
        (
            "tanpa-judul.csv",
            b"3673050101900001;Budi Santoso\n".to_vec(),
            "Baris judul tidak dikenali.",
        ),
        ("besar.csv", big.into_bytes(), "Berkas terlalu besar"),
    ];
    for (name, bytes, message) in cases {
        let response = app
            .upload_file(&coordinator, "BBPLK-SRG", None, name, bytes)
            .await;
        assert_eq!(response.status(), 303, "{name}");
        assert_eq!(location(&response), "/peserta/impor", "{name}: back to the form");
        let html = app
            .get(&coordinator, "/peserta/impor")
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains(message), "{name}: {message}");
    }
    use siap_jepang::entities::trainee_imports;
    assert_eq!(
        trainee_imports::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0,
        "nothing staged"
    );
    // A broken multipart body is the client's mistake: 400, not 500.
    let response = coordinator
        .post(app.url("/peserta/unggah"))
        .header("origin", &app.base)
        .header("content-type", "multipart/form-data; boundary=xyz")
        .body("--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nunterminated")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn an_upload_is_its_uploaders_own() {
    let (app, coordinator, _) = staff().await;
    app.user(Role::Coordinator, "lain@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    app.user(Role::Trainee, "0812-0000-0001", &["BBPLK-SRG"]).await;
    let id = app
        .upload_roster(&coordinator, "BBPLK-SRG", None, EXCEL_ROSTER)
        .await
        .expect("staged");
    for login in ["lain@uji.id", "admin@uji.id"] {
        let other = app.signed_in(login).await;
        let (status, _) = error_of(
            app.call(
                &other,
                "/api/trainees/import-confirm",
                &[("import_id", &id.to_string())],
            )
            .await,
        )
        .await;
        assert_eq!(status, 404, "{login}");
    }
    assert_eq!(record_count(&app).await, 0);
    let trainee = app.signed_in("0812-0000-0001").await;
    let response = app
        .upload_file(&trainee, "BBPLK-SRG", None, "r.csv", b"NIK;Nama\n".to_vec())
        .await;
    assert_eq!(response.status(), 303);
    let html = app.get(&trainee, "/peserta/impor").await;
    assert_eq!(html.status(), 403);
    let anonymous = app
        .upload_file(&app.client(), "BBPLK-SRG", None, "r.csv", b"NIK;Nama\n".to_vec())
        .await;
    assert!(location(&anonymous).starts_with("/masuk?next="));
    // Someone else's site is not a choice.
    let upt = app
        .upload_roster(&coordinator, "UPT-SRG", None, EXCEL_ROSTER)
        .await;
    assert!(upt.is_err());
}
