//! The trainee registry over HTTP: registering with the NIK's rules, one record per NIK,
//! accounts linked or created, site scope, searching without the NIK in an address, a
//! trainee's own contact details, and exports read back.

use crate::support::trainees::{dewi, pairs, register, with, DEWI_NIK};
use crate::support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use siap_jepang::entities::{audit_log, trainees, users};
use siap_jepang::kernel::Role;

async fn record_count(app: &TestApp) -> u64 {
    trainees::Entity::find().count(&app.state.db).await.unwrap()
}

#[tokio::test]
async fn a_coordinator_registers_a_trainee_with_an_account_and_sees_the_whole_nik_only_on_the_record() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let form = with(&dewi(app.site("BBPLK-SRG")), &[("create_account", "on")]);
    let response = app
        .post_form(&coordinator, "/api/trainees/save", &pairs(&form))
        .await;
    assert_eq!(response.status(), 303);
    let to = location(&response);
    assert!(to.starts_with("/peserta/"), "{to}");
    let html = app.get(&coordinator, &to).await.text().await.unwrap();
    assert!(html.contains("Dewi Lestari"), "the name is tidied");
    assert!(html.contains(DEWI_NIK), "the whole NIK on the record");
    assert!(html.contains("Kota Serang"));
    // The account's activation code is shown once, on this page.
    let code: String = html
        .split("issued-code")
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split('<').next())
        .unwrap_or_default()
        .to_owned();
    assert!(code.len() >= 12, "an activation code is shown: {code}");
    let again = app.get(&coordinator, &to).await.text().await.unwrap();
    assert!(!again.contains("issued-code"), "…and only once");

    let record = trainees::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.full_name, "Dewi Lestari");
    assert_eq!(record.sex, "F");
    assert_eq!(record.phone.as_deref(), Some("+6281211112026"));
    let account = users::Entity::find_by_id(record.user_id.expect("an account is linked"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.role, "trainee");
    assert_eq!(account.nik.as_deref(), Some(DEWI_NIK));

    // Lists show the NIK masked, never whole.
    let list = app.get(&coordinator, "/peserta").await.text().await.unwrap();
    assert!(list.contains("Dewi Lestari"));
    assert!(list.contains("3673********0002"), "masked in the list");
    assert!(!list.contains(DEWI_NIK));

    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("trainee_create"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn a_nik_that_disagrees_with_the_birth_date_and_sex_is_refused_with_both_reasons() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let form = with(
        &dewi(app.site("BBPLK-SRG")),
        &[
            ("birth_date", "08/07/1999"),
            ("sex", "L"),
            ("create_account", "on"),
        ],
    );
    let (status, error) = error_of(app.call(&coordinator, "/api/trainees/save", &pairs(&form)).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![
            ("birth_date".to_owned(), "NikBirthDateMismatch".to_owned()),
            ("sex".to_owned(), "NikSexMismatch".to_owned()),
        ]
    );
    assert_eq!(record_count(&app).await, 0, "nothing written");
    assert_eq!(
        users::Entity::find().count(&app.state.db).await.unwrap(),
        1,
        "no account created either"
    );

    // Without JavaScript: back to the form with the reasons in Indonesian and the values kept.
    let response = app
        .post_form_from(&coordinator, "/peserta/baru", "/api/trainees/save", &pairs(&form))
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/peserta/baru");
    let html = app.get(&coordinator, "/peserta/baru").await.text().await.unwrap();
    assert!(html.contains("07/08/1999"), "the NIK's date is named: {html}");
    assert!(html.contains("08/07/1999"), "the typed date is kept");

    // A malformed NIK says what is wrong with it.
    let short = with(&dewi(app.site("BBPLK-SRG")), &[("nik", "367305470899")]);
    let (status, error) = error_of(app.call(&coordinator, "/api/trainees/save", &pairs(&short)).await).await;
    assert_eq!(status, 422);
    assert_eq!(field_problems(&error)[0].0, "nik");
}

#[tokio::test]
async fn a_nik_is_registered_once_and_an_existing_trainee_account_is_linked() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    // Dewi already has an account (created before the registry) under her phone number.
    let account = app.user(Role::Trainee, "0812-1111-2026", &["BBPLK-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    // The list offers to complete her record, prefilled from the account.
    let list = app.get(&coordinator, "/peserta").await.text().await.unwrap();
    let complete = format!("/peserta/baru?akun={account}");
    assert!(
        list.contains(&complete),
        "the account without a record is listed: {list}"
    );
    let prefilled = app.get(&coordinator, &complete).await.text().await.unwrap();
    assert!(prefilled.contains("0812-1111-2026"), "her phone is prefilled");
    let form = dewi(app.site("BBPLK-SRG"));
    let id = register(&app, &coordinator, &form).await;
    let list = app.get(&coordinator, "/peserta").await.text().await.unwrap();
    assert!(!list.contains(&complete), "completed: no longer offered");
    let record = trainees::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.user_id, Some(account), "linked, not duplicated");
    assert_eq!(users::Entity::find().count(&app.state.db).await.unwrap(), 2);

    let (status, error) = error_of(app.call(&coordinator, "/api/trainees/save", &pairs(&form)).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("nik".to_owned(), "AlreadyRegistered".to_owned())]
    );
    // Typed with spaces and dots, it is still the same NIK.
    let spaced = with(&form, &[("nik", "3673 0547 0899 0002")]);
    let (status, _) = error_of(
        app.call(&coordinator, "/api/trainees/save", &pairs(&spaced))
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(record_count(&app).await, 1);
}

#[tokio::test]
async fn coordinators_reach_only_their_sites_records() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "upt@uji.id", &["UPT-SRG"]).await;
    let rina = app.signed_in("rina@uji.id").await;
    let other = app.signed_in("upt@uji.id").await;
    let id = register(&app, &rina, &dewi(app.site("BBPLK-SRG"))).await;

    let (status, error) = error_of(
        app.get_api(&other, &format!("/api/trainees/get?trainee_id={id}"))
            .await,
    )
    .await;
    assert_eq!((status, variant(&error).as_str()), (404, "NotFound"));
    let page = app.get(&other, &format!("/peserta/{id}")).await;
    assert_eq!(page.status(), 404);
    let mut update = dewi(app.site("UPT-SRG"));
    update.push(("trainee_id", id.to_string()));
    let (status, _) = error_of(app.call(&other, "/api/trainees/save", &pairs(&update)).await).await;
    assert_eq!(status, 404);
    // Registering at a site that is not theirs is refused as a choice they do not have.
    let elsewhere = with(
        &dewi(app.site("BBPLK-SRG")),
        &[
            ("nik", "3673050101900001"),
            ("birth_date", "01/01/1990"),
            ("sex", "L"),
        ],
    );
    let (status, error) = error_of(app.call(&other, "/api/trainees/save", &pairs(&elsewhere)).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("site_id".to_owned(), "InvalidChoice".to_owned())]
    );
    let list = app.get(&other, "/peserta").await.text().await.unwrap();
    assert!(!list.contains("Dewi Lestari"));
    let unchanged = trainees::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.site_id, app.site("BBPLK-SRG"));
}

#[tokio::test]
async fn a_search_by_nik_goes_through_a_token_so_the_nik_never_enters_an_address() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "lain@uji.id", &["BBPLK-SRG"]).await;
    let rina = app.signed_in("rina@uji.id").await;
    register(&app, &rina, &dewi(app.site("BBPLK-SRG"))).await;
    let other = with(
        &dewi(app.site("BBPLK-SRG")),
        &[
            ("nik", "3673050101900001"),
            ("full_name", "Budi Santoso"),
            ("birth_date", "01/01/1990"),
            ("sex", "L"),
            ("phone", "0813-2222-3333"),
        ],
    );
    register(&app, &rina, &other).await;

    let response = app
        .post_form(&rina, "/api/trainees/search", &[("q", DEWI_NIK)])
        .await;
    assert_eq!(response.status(), 303);
    let to = location(&response);
    assert!(to.starts_with("/peserta?cari="), "{to}");
    assert!(!to.contains(DEWI_NIK) && !to.contains("0547"), "{to}");
    let html = app.get(&rina, &to).await.text().await.unwrap();
    assert!(html.contains("Dewi Lestari"));
    assert!(!html.contains("Budi Santoso"), "only the match");

    // By name, any case, extra spaces.
    let response = app
        .post_form(&rina, "/api/trainees/search", &[("q", "  budi ")])
        .await;
    let html = app.get(&rina, &location(&response)).await.text().await.unwrap();
    assert!(html.contains("Budi Santoso") && !html.contains("Dewi Lestari"));

    // Someone else's token is not theirs to use: the unfiltered list, not Rina's search.
    let colleague = app.signed_in("lain@uji.id").await;
    let html = app.get(&colleague, &to).await.text().await.unwrap();
    assert!(html.contains("Budi Santoso"), "the token is ignored");
}

#[tokio::test]
async fn a_trainee_sees_their_record_and_corrects_only_their_contact_details() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Trainee, "0812-1111-2026", &["BBPLK-SRG"]).await;
    let rina = app.signed_in("rina@uji.id").await;
    let id = register(&app, &rina, &dewi(app.site("BBPLK-SRG"))).await;
    let dewi_client = app.signed_in("0812-1111-2026").await;

    let html = app.get(&dewi_client, "/profil").await.text().await.unwrap();
    assert!(html.contains("Dewi Lestari"));
    assert!(html.contains("3673********0002"), "her own NIK, masked");
    let response = app
        .post_form(
            &dewi_client,
            "/api/trainees/save-contact",
            &[
                ("phone", "0857 1234 5678"),
                ("address", "Jl. Raya Cilegon 9"),
                ("regency_code", "3672"),
                ("guardian_name", "Siti Aminah"),
                ("guardian_relation", "Ibu"),
                ("guardian_phone", "0812-9999-0000"),
                // Not hers to change: ignored.
                ("nik", "3673050101900001"),
                ("full_name", "Orang Lain"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/profil");
    let record = trainees::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.phone.as_deref(), Some("+6285712345678"));
    assert_eq!(record.regency_name, "Kota Cilegon");
    assert_eq!(record.guardian_name.as_deref(), Some("Siti Aminah"));
    assert_eq!(record.nik, DEWI_NIK);
    assert_eq!(record.full_name, "Dewi Lestari");

    let (status, error) = error_of(
        app.call(&dewi_client, "/api/trainees/save-contact", &[("phone", "12ab")])
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(field_problems(&error)[0].0, "phone");
    let kept = trainees::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        kept.phone.as_deref(),
        Some("+6285712345678"),
        "nothing half-written"
    );
}

#[tokio::test]
async fn the_registry_exports_as_csv_and_xlsx_within_the_coordinators_sites() {
    use calamine::Reader;
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "upt@uji.id", &["UPT-SRG"]).await;
    app.user(Role::Trainee, "0812-0000-0001", &["BBPLK-SRG"]).await;
    let rina = app.signed_in("rina@uji.id").await;
    register(&app, &rina, &dewi(app.site("BBPLK-SRG"))).await;

    let response = app.get(&rina, "/peserta/ekspor?format=csv").await;
    assert_eq!(response.status(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(disposition.contains(".csv"), "{disposition}");
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert!(header.iter().any(|h| h == "NIK"), "{header:?}");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].iter().any(|cell| cell == DEWI_NIK));
    assert!(rows[0].iter().any(|cell| cell == "Dewi Lestari"));

    let response = app.get(&rina, "/peserta/ekspor?format=xlsx").await;
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sheet.height(), 2, "a header and one trainee");
    assert!(sheet
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .any(|cell| *cell == "Dewi Lestari"));

    let upt = app.signed_in("upt@uji.id").await;
    let bytes = app
        .get(&upt, "/peserta/ekspor?format=csv")
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(
        csv::Reader::from_reader(&bytes[3..]).records().count(),
        0,
        "not their site"
    );
    let bad = app.get(&rina, "/peserta/ekspor?format=pdf").await;
    assert_eq!(bad.status(), 400);
    let trainee = app.signed_in("0812-0000-0001").await;
    assert_eq!(
        app.get(&trainee, "/peserta/ekspor?format=csv").await.status(),
        403
    );
    let anonymous = app.get(&app.client(), "/peserta/ekspor?format=csv").await;
    assert_eq!(anonymous.status(), 303);
    assert!(location(&anonymous).starts_with("/masuk?next="));
    let exports = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("trainee_export"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(exports, 3, "every export is audited");
}

#[tokio::test]
async fn the_list_and_the_roster_take_the_same_number_of_queries_for_any_number_of_trainees() {
    use std::sync::atomic::Ordering;
    let app = TestApp::spawn().await;
    let rina = app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let cohort = app
        .cohort("JP-Q-01", "BBPLK-SRG", ("2026-01-05", "2027-06-30"), &[], &[])
        .await;
    let actor = siap_jepang::kernel::Actor::new(rina, Role::Coordinator, &[app.site("BBPLK-SRG")]);
    let (db, queries) = app.counting_db();
    let env = app.env(&db);
    let count = || {
        let queries = queries.clone();
        let actor = actor.clone();
        async move {
            queries.store(0, Ordering::SeqCst);
            let list = siap_jepang::trainees::service::list_trainees(env, &actor, None, None)
                .await
                .unwrap();
            let listed = queries.swap(0, Ordering::SeqCst);
            let roster = siap_jepang::trainees::service::roster(env, &actor, cohort.into())
                .await
                .unwrap();
            (
                list.total,
                roster.entries.len(),
                listed,
                queries.load(Ordering::SeqCst),
            )
        }
    };
    let mut n = 0;
    let mut add = |count: u32| {
        let app = &app;
        let start = n;
        n += count;
        async move {
            for i in start..start + count {
                let record = app
                    .trainee_record("BBPLK-SRG", &format!("Peserta {i}"), i + 1)
                    .await;
                app.enroll_record(cohort, record, if i % 2 == 0 { "active" } else { "applied" })
                    .await;
            }
        }
    };
    add(2).await;
    let (total, entries, few_list, few_roster) = count().await;
    assert_eq!((total, entries), (2, 2));
    add(30).await;
    let (total, entries, many_list, many_roster) = count().await;
    assert_eq!((total, entries), (32, 32));
    assert_eq!(few_list, many_list, "no query per listed trainee");
    assert_eq!(few_roster, many_roster, "no query per roster entry");
    assert!(
        many_list <= 8 && many_roster <= 8,
        "{many_list} / {many_roster} queries"
    );
}

#[tokio::test]
async fn names_are_found_without_their_accents_and_lists_filter_by_cohort_status_and_regency() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let rina = app.signed_in("rina@uji.id").await;
    let cohort = app
        .cohort("JP-Q-01", "BBPLK-SRG", ("2026-01-05", "2027-06-30"), &[], &[])
        .await;
    let rene = register(
        &app,
        &rina,
        &with(
            &dewi(app.site("BBPLK-SRG")),
            &[("full_name", "Renée Ayu"), ("regency_code", "3604")],
        ),
    )
    .await;
    let budi = app.trainee_record("BBPLK-SRG", "Budi Santoso", 5).await;
    app.enroll_record(cohort, budi, "waitlisted").await;
    let search = |form: Vec<(&'static str, String)>| {
        let app = &app;
        let rina = &rina;
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app.post_form(rina, "/api/trainees/search", &pairs).await;
            app.get(rina, &location(&response)).await.text().await.unwrap()
        }
    };
    let html = search(vec![("q", "RENEE".into())]).await;
    assert!(html.contains("Renée Ayu") && !html.contains("Budi Santoso"));
    let html = search(vec![
        ("cohort", cohort.to_string()),
        ("status", "waitlisted".into()),
    ])
    .await;
    assert!(html.contains("Budi Santoso") && !html.contains("Renée Ayu"));
    let html = search(vec![("regency", "3604".into())]).await;
    assert!(html.contains("Renée Ayu") && !html.contains("Budi Santoso"));
    let _ = rene;
}

#[tokio::test]
async fn registrations_at_the_same_moment_all_succeed() {
    // Each registration reads (is the NIK or phone known?) before it writes: on SQLite the
    // transaction takes the write lock first, so concurrent ones wait their turn instead of
    // failing with "database is locked".
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let rina = app.signed_in("rina@uji.id").await;
    let forms: Vec<Vec<(&'static str, String)>> = (1..=8u32)
        .map(|n| {
            with(
                &dewi(app.site("BBPLK-SRG")),
                &[
                    ("nik", &format!("367305010190{n:04}")),
                    ("full_name", &format!("Peserta {n}")),
                    ("birth_date", "01/01/1990"),
                    ("sex", "L"),
                    ("phone", &format!("0813-0000-{n:04}")),
                    ("create_account", "on"),
                ],
            )
        })
        .collect();
    let calls = forms.iter().map(|form| {
        let (app, rina) = (&app, &rina);
        async move { error_of(app.call(rina, "/api/trainees/save", &pairs(form)).await).await }
    });
    let outcomes = join_all(calls).await;
    assert!(outcomes.iter().all(|(status, _)| *status == 200), "{outcomes:?}");
    assert_eq!(record_count(&app).await, 8);
}
