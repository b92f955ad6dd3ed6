//! The numbers other government systems gave a trainee (the ID PMI of their SIAPkerja
//! account, their SISKOP2MI registration number): kept in one spelling, shown on the
//! record, refused when malformed or already another person's, nothing written then.

use crate::support::trainees::{dewi, pairs, register, with};
use crate::support::*;
use sea_orm::{EntityTrait, PaginatorTrait};
use siap_jepang::entities::trainees;
use siap_jepang::kernel::Role;

/// Budi Santoso: Kota Serang, a man born 01/01/1990.
fn budi(site: i64) -> Vec<(&'static str, String)> {
    with(
        &dewi(site),
        &[
            ("nik", "3673050101900001"),
            ("full_name", "Budi Santoso"),
            ("birth_date", "01/01/1990"),
            ("sex", "L"),
            ("phone", "0812-1111-0001"),
        ],
    )
}

async fn record(app: &TestApp, id: i64) -> trainees::Model {
    trainees::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the record")
}

#[tokio::test]
async fn the_numbers_of_other_government_systems_are_kept_shown_and_belong_to_one_person() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let site = app.site("BBPLK-SRG");

    // Typed with spaces and in lower case, kept as one spelling.
    let numbers = [
        ("id_pmi", " pmi-3673 0001 "),
        ("siskop2mi_no", "b3p2mi/2026/00123"),
    ];
    let dewi_id = register(&app, &coordinator, &with(&dewi(site), &numbers)).await;
    let saved = record(&app, dewi_id).await;
    assert_eq!(saved.id_pmi.as_deref(), Some("PMI-36730001"));
    assert_eq!(saved.siskop2mi_no.as_deref(), Some("B3P2MI/2026/00123"));
    let page = app
        .get(&coordinator, &format!("/peserta/{dewi_id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("ID PMI (akun SIAPkerja)"), "{page}");
    assert!(page.contains("PMI-36730001") && page.contains("B3P2MI/2026/00123"));
    let form = app
        .get(&coordinator, &format!("/peserta/{dewi_id}/ubah"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains("value=\"PMI-36730001\""),
        "the edit form starts from them"
    );

    // Saving her record again keeps her own numbers: they are not "taken" by herself.
    let again = with(
        &dewi(site),
        &[("trainee_id", &dewi_id.to_string()), numbers[0], numbers[1]],
    );
    let (status, body) = error_of(app.call(&coordinator, "/api/trainees/save", &pairs(&again)).await).await;
    assert_eq!(status, 200, "{body}");

    // A save that does not send the fields at all (an older form, a client that does not
    // know them) leaves the numbers as they are.
    let without = with(&dewi(site), &[("trainee_id", &dewi_id.to_string())]);
    let (status, body) = error_of(
        app.call(&coordinator, "/api/trainees/save", &pairs(&without))
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        record(&app, dewi_id).await.id_pmi.as_deref(),
        Some("PMI-36730001")
    );

    // Malformed, or already Dewi's (in another spelling): refused, field by field.
    for (changes, expected) in [
        (vec![("id_pmi", "12")], vec![("id_pmi", "InvalidRegistryNumber")]),
        (
            vec![("siskop2mi_no", "nomor ✓ 1")],
            vec![("siskop2mi_no", "InvalidRegistryNumber")],
        ),
        (
            vec![("id_pmi", "PMI-3673 0001"), ("siskop2mi_no", "B3P2MI/2026/00123")],
            vec![
                ("id_pmi", "RegistryNumberTaken"),
                ("siskop2mi_no", "RegistryNumberTaken"),
            ],
        ),
    ] {
        let form = with(&budi(site), &changes);
        let (status, error) =
            error_of(app.call(&coordinator, "/api/trainees/save", &pairs(&form)).await).await;
        assert_eq!(status, 422, "{changes:?}: {error}");
        let mut problems = field_problems(&error);
        problems.sort();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(f, p)| ((*f).to_owned(), (*p).to_owned()))
            .collect();
        assert_eq!(problems, expected, "{changes:?}");
    }
    assert_eq!(
        trainees::Entity::find().count(&app.state.db).await.unwrap(),
        1,
        "nothing written"
    );

    // Budi registered with numbers of his own; then corrected to Dewi's number: refused,
    // and his record stays as it was.
    let budi_id = register(
        &app,
        &coordinator,
        &with(&budi(site), &[("id_pmi", "PMI-36730002")]),
    )
    .await;
    let taken = with(
        &budi(site),
        &[("trainee_id", &budi_id.to_string()), ("id_pmi", "pmi-36730001")],
    );
    let (status, error) = error_of(app.call(&coordinator, "/api/trainees/save", &pairs(&taken)).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("id_pmi".to_owned(), "RegistryNumberTaken".to_owned())]
    );
    assert_eq!(
        record(&app, budi_id).await.id_pmi.as_deref(),
        Some("PMI-36730002")
    );

    // Without JavaScript: back to the form with the reason and what was typed.
    let edit = format!("/peserta/{budi_id}/ubah");
    let bad = with(
        &budi(site),
        &[("trainee_id", &budi_id.to_string()), ("id_pmi", "PMI#1")],
    );
    let response = app
        .post_form_from(&coordinator, &edit, "/api/trainees/save", &pairs(&bad))
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), edit);
    let html = app.get(&coordinator, &edit).await.text().await.unwrap();
    assert!(html.contains("Tulis nomornya seperti di cetakan"), "{html}");
    assert!(html.contains("value=\"PMI#1\""), "the typed value is kept");

    // Emptied on the form: cleared.
    let cleared = with(
        &budi(site),
        &[("trainee_id", &budi_id.to_string()), ("id_pmi", "")],
    );
    let (status, body) = error_of(
        app.call(&coordinator, "/api/trainees/save", &pairs(&cleared))
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(record(&app, budi_id).await.id_pmi, None);
}
