//! Issuing, reading the PDF back, reissuing and revoking, and the refusals.

use super::*;
use crate::support::pdf::{page_count, qr_codes_of, text_of};

#[tokio::test]
async fn a_missing_signatory_or_pattern_is_named_before_anything_is_issued() {
    let Papers { app, adi, cohort, .. } = papers().await;
    let rina = app.signed_in("rina@uji.id").await;
    let adi = adi.to_string();
    let (status, error) = error_of(issue_one(&app, &rina, &adi, "certificate").await).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("kind".to_owned(), "NoSignatory".to_owned())]
    );
    let cohort = cohort.to_string();
    let (status, error) = error_of(
        app.call(&rina, "/api/certificates/issue-cohort", &[("cohort_id", &cohort)])
            .await,
    )
    .await;
    assert_eq!(status, 422, "{error}");
    assert!(stored(&app).await.is_empty(), "nothing is issued");

    // The page names what is missing, in the reader's language.
    let page = app
        .get(&rina, &format!("/angkatan/{cohort}/sertifikat"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("belum punya penanda tangan"), "{page}");
    assert!(page.contains("belum punya pola nomor"));
}

#[tokio::test]
async fn a_cohorts_certificates_are_numbered_at_once_and_the_pdf_reads_back() {
    let Papers {
        app,
        cohort,
        adi,
        bayu,
        citra,
    } = papers().await;
    configure(&app).await;
    let rina = app.signed_in("rina@uji.id").await;
    let id = cohort.to_string();
    let response = app
        .call(&rina, "/api/certificates/issue-cohort", &[("cohort_id", &id)])
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<u32>().await.unwrap(), 2, "the two who completed");
    let documents = stored(&app).await;
    assert_eq!(documents.len(), 2);
    // Numbered in name order: Adi, then Bayu.
    assert_eq!(documents[0].enrollment_id, adi);
    assert_eq!(documents[0].number, number(&app, "SJ", 1));
    assert_eq!(documents[1].enrollment_id, bayu);
    assert_eq!(documents[1].number, number(&app, "SJ", 2));
    assert!(documents
        .iter()
        .all(|d| d.kind == "certificate" && d.revoked_at.is_none()));
    assert!(
        !documents.iter().any(|d| d.enrollment_id == citra),
        "Citra is still active"
    );
    assert_eq!(documents[0].code.len(), 20);

    // Again: nobody left to certify, nothing numbered.
    let (status, error) = error_of(
        app.call(&rina, "/api/certificates/issue-cohort", &[("cohort_id", &id)])
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("cohort_id".to_owned(), "AlreadyIssued".to_owned())]
    );
    assert_eq!(stored(&app).await.len(), 2);

    // Adi downloads their own certificate from their page: the name, the number, the
    // hours (2 × 3 hours = 8 JP of the course's 360) and the QR code's address.
    let adi_client = app.signed_in("0812-0000-0001").await;
    let mine = app
        .get(&adi_client, "/sertifikat-saya")
        .await
        .text()
        .await
        .unwrap();
    assert!(mine.contains(&documents[0].number), "{mine}");
    assert!(!mine.contains(&documents[1].number), "only their own");
    let response = app
        .get(&adi_client, &format!("/sertifikat/{}/pdf", documents[0].id))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("sertifikat-"));
    let pdf = response.bytes().await.unwrap();
    let text = text_of(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Adi Nugroho"), "{flat}");
    assert!(flat.contains(&documents[0].number), "{flat}");
    assert!(flat.contains("8 dari 360 JP"), "{flat}");
    assert!(flat.contains("Ir. Hendra Kusuma, M.M."), "{flat}");
    let printed = siap_jepang::certificates::model::VerificationCode::parse(&documents[0].code)
        .unwrap()
        .printed();
    assert_eq!(
        qr_codes_of(&pdf),
        vec![app.url(&format!("/verifikasi/{printed}"))]
    );

    // In English on request.
    let english = app
        .get(
            &adi_client,
            &format!("/sertifikat/{}/pdf?lang=en", documents[0].id),
        )
        .await
        .bytes()
        .await
        .unwrap();
    let english = text_of(&english).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(english.contains("8 of 360"), "{english}");

    // The print file: both certificates, one page each, Bayu's hours his own.
    let print = app
        .get(&rina, &format!("/angkatan/{cohort}/sertifikat/cetak"))
        .await;
    assert_eq!(print.status(), 200);
    let print = print.bytes().await.unwrap();
    assert_eq!(page_count(&print), 2);
    let all = text_of(&print).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        all.contains("Bayu Saputra") && all.contains("4 dari 360 JP"),
        "{all}"
    );
    assert_eq!(qr_codes_of(&print).len(), 2);
}

#[tokio::test]
async fn a_letter_needs_an_active_trainee_and_a_certificate_a_completed_one() {
    let Papers { app, adi, citra, .. } = papers().await;
    configure(&app).await;
    let rina = app.signed_in("rina@uji.id").await;
    let issue = |enrollment: i64, kind: &'static str| {
        let enrollment = enrollment.to_string();
        let app = &app;
        let rina = &rina;
        async move {
            error_of(
                app.call(
                    rina,
                    "/api/certificates/issue",
                    &[("enrollment_id", &enrollment), ("kind", kind)],
                )
                .await,
            )
            .await
        }
    };
    let (status, error) = issue(citra, "certificate").await;
    assert_eq!(
        (status, field_problems(&error)),
        (422, vec![("kind".to_owned(), "NotCompleted".to_owned())])
    );
    let (status, error) = issue(adi, "letter").await;
    assert_eq!(
        (status, field_problems(&error)),
        (422, vec![("kind".to_owned(), "NotActive".to_owned())])
    );
    let (status, _) = issue(adi, "diploma").await;
    assert_eq!(status, 422);
    let (status, _) = issue(999_999, "letter").await;
    assert_eq!(status, 404);
    let (status, _) = error_of(
        app.call(&rina, "/api/certificates/issue", &[("kind", "letter")])
            .await,
    )
    .await;
    assert!(
        matches!(status, 400 | 404),
        "a missing id is the client's mistake: {status}"
    );
    assert!(stored(&app).await.is_empty());

    let (status, _) = issue(citra, "letter").await;
    assert_eq!(status, 200);
    let (status, _) = issue(citra, "letter").await;
    assert_eq!(status, 200, "a letter may be asked for again");
    let letters = stored(&app).await;
    assert_eq!(
        letters.iter().map(|d| d.number.clone()).collect::<Vec<_>>(),
        vec![number(&app, "SK", 1), number(&app, "SK", 2)]
    );
    let (status, _) = issue(adi, "certificate").await;
    assert_eq!(status, 200);
    let (status, error) = issue(adi, "certificate").await;
    assert_eq!(
        (status, field_problems(&error)),
        (422, vec![("kind".to_owned(), "AlreadyIssued".to_owned())])
    );
    assert_eq!(
        stored(&app).await.last().unwrap().number,
        number(&app, "SJ", 1),
        "its own numbering"
    );
}

#[tokio::test]
async fn a_reissue_revokes_the_old_document_with_its_reason_and_keeps_both() {
    let Papers { app, adi, cohort, .. } = papers().await;
    configure(&app).await;
    let rina = app.signed_in("rina@uji.id").await;
    let adi = adi.to_string();
    issue_one(&app, &rina, &adi, "certificate").await;
    let old = stored(&app).await.remove(0);
    let old_id = old.id.to_string();
    let (status, error) = error_of(
        app.call(
            &rina,
            "/api/certificates/reissue",
            &[("document_id", &old_id), ("reason", " ")],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, field_problems(&error)),
        (422, vec![("reason".to_owned(), "Required".to_owned())])
    );
    assert_eq!(stored(&app).await.len(), 1, "nothing half-written");

    let response = app
        .call(
            &rina,
            "/api/certificates/reissue",
            &[
                ("document_id", &old_id),
                ("reason", "Nama salah ketik, disesuaikan dengan KTP"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let both = stored(&app).await;
    assert_eq!(both.len(), 2);
    let (old, new) = (&both[0], &both[1]);
    assert!(old.revoked_at.is_some());
    assert_eq!(
        old.revoke_reason.as_deref(),
        Some("Nama salah ketik, disesuaikan dengan KTP")
    );
    assert_eq!(old.replaced_by, Some(new.id));
    assert!(new.revoked_at.is_none());
    assert_eq!(
        new.number,
        number(&app, "SJ", 2),
        "a new number, the old one never reused"
    );
    assert_ne!(new.code, old.code);

    // Revoking a revoked one is refused; the cohort page shows the history.
    let (status, error) = error_of(
        app.call(
            &rina,
            "/api/certificates/revoke",
            &[("document_id", &old_id), ("reason", "lagi")],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, field_problems(&error)),
        (422, vec![("reason".to_owned(), "AlreadyRevoked".to_owned())])
    );
    let page = app
        .get(&rina, &format!("/angkatan/{cohort}/sertifikat"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&old.number) && page.contains(&new.number));
    assert!(page.contains("Nama salah ketik"), "{page}");

    // Every issue and revocation is in the audit log.
    use sea_orm::PaginatorTrait;
    let audited = |action: &'static str| {
        siap_jepang::entities::audit_log::Entity::find()
            .filter(siap_jepang::entities::audit_log::Column::Action.eq(action))
            .count(&app.state.db)
    };
    assert_eq!(audited("paper_issue").await.unwrap(), 2);
    assert_eq!(audited("paper_revoke").await.unwrap(), 1);

    let new_id = new.id.to_string();
    let response = app
        .call(
            &rina,
            "/api/certificates/revoke",
            &[("document_id", &new_id), ("reason", "Peserta mengundurkan diri")],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(stored(&app).await.iter().all(|d| d.revoked_at.is_some()));
}

#[tokio::test]
async fn another_sites_coordinator_cannot_issue_revoke_or_download() {
    let Papers {
        app,
        cohort,
        adi,
        citra,
        ..
    } = papers().await;
    configure(&app).await;
    let rina = app.signed_in("rina@uji.id").await;
    let adi = adi.to_string();
    issue_one(&app, &rina, &adi, "certificate").await;
    let document = stored(&app).await.remove(0);
    let tono = app.signed_in("tono@uji.id").await;
    let id = document.id.to_string();
    let citra = citra.to_string();
    let cohort_id = cohort.to_string();
    for (path, form) in [
        (
            "/api/certificates/issue",
            vec![("enrollment_id", citra.as_str()), ("kind", "letter")],
        ),
        (
            "/api/certificates/issue-cohort",
            vec![("cohort_id", cohort_id.as_str())],
        ),
        (
            "/api/certificates/revoke",
            vec![("document_id", id.as_str()), ("reason", "Coba")],
        ),
        (
            "/api/certificates/reissue",
            vec![("document_id", id.as_str()), ("reason", "Coba")],
        ),
    ] {
        let (status, _) = error_of(app.call(&tono, path, &form).await).await;
        assert_eq!(status, 404, "{path}");
    }
    for path in [
        format!("/sertifikat/{id}/pdf"),
        format!("/angkatan/{cohort}/sertifikat/cetak"),
        format!("/angkatan/{cohort}/sertifikat"),
    ] {
        let response = app.get(&tono, &path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(!response.text().await.unwrap().contains("Adi"));
    }
    // Another trainee and the cohort's instructor cannot download Adi's either.
    for login in ["0812-0000-0003", "sensei@uji.id"] {
        let client = app.signed_in(login).await;
        assert_eq!(
            app.get(&client, &format!("/sertifikat/{id}/pdf")).await.status(),
            404,
            "{login}"
        );
    }
    let after = stored(&app).await;
    assert_eq!(after.len(), 1);
    assert!(after[0].revoked_at.is_none());
}

#[tokio::test]
async fn settings_name_every_problem_and_logos_are_told_by_their_bytes() {
    let Papers { app, .. } = papers().await;
    let admin = app.signed_in("admin@uji.id").await;
    let site = app.site("BBPLK-SRG").to_string();
    let (status, error) = error_of(
        app.call(
            &admin,
            "/api/certificates/save-settings",
            &[
                ("site_id", &site),
                ("signatory_name", ""),
                ("signatory_position", "Kepala"),
                ("certificate_pattern", "{seq}/{bulan}/{site}/{year}"),
                ("letter_pattern", "SK/{site}/{year}"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    let problems = field_problems(&error);
    assert!(
        problems.contains(&("signatory_name".to_owned(), "Required".to_owned())),
        "{problems:?}"
    );
    assert!(problems.contains(&("certificate_pattern".to_owned(), "UnknownPlaceholder".to_owned())));
    assert!(problems.contains(&("letter_pattern".to_owned(), "PatternNeeds".to_owned())));
    let rina = app.signed_in("rina@uji.id").await;
    let (status, _) = error_of(
        app.call(&rina, "/api/certificates/save-settings", &[("site_id", &site)])
            .await,
    )
    .await;
    assert_eq!(status, 403);

    configure(&app).await;
    let upload = |name: &'static str, bytes: Vec<u8>| {
        let form = reqwest::multipart::Form::new()
            .text("site_id", site.clone())
            .part("logo", reqwest::multipart::Part::bytes(bytes).file_name(name));
        admin
            .post(app.url("/pengaturan-dokumen/logo"))
            .header(reqwest::header::ORIGIN, app.url(""))
            .header(reqwest::header::ACCEPT, "text/html")
            .multipart(form)
            .send()
    };
    // A PDF named like a picture is refused; a PNG named like text is taken.
    let refused = upload("logo.png", b"%PDF-1.7 not a picture".to_vec())
        .await
        .unwrap();
    assert_eq!(refused.status(), 303);
    assert_eq!(
        crate::authorization_matrix::objects::flash_error(&refused),
        "Invalid"
    );
    let logo_of = || async {
        siap_jepang::entities::document_settings::Entity::find_by_id(app.site("BBPLK-SRG"))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .logo_type
    };
    assert_eq!(logo_of().await, None);
    let taken = upload("logo.txt", TINY_PNG.to_vec()).await.unwrap();
    assert_eq!(taken.status(), 303);
    assert_eq!(logo_of().await.as_deref(), Some("image/png"));

    // Documents are drawn with it.
    let adi = papers_enrollment(&app).await.to_string();
    issue_one(&app, &rina, &adi, "certificate").await;
    let id = stored(&app).await[0].id;
    let pdf = app.get(&rina, &format!("/sertifikat/{id}/pdf")).await;
    assert_eq!(pdf.status(), 200);
}

/// Adi's enrollment (the first completed one).
async fn papers_enrollment(app: &TestApp) -> i64 {
    enrollments::Entity::find()
        .filter(enrollments::Column::Status.eq("completed"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id
}
