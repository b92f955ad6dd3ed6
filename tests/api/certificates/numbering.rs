//! Numbering under load: two coordinators issue at once, on either database, and the
//! site's numbers come out with no duplicate and no gap.

use super::*;

/// Who calls which server function with which form.
type Call<'a> = (&'a reqwest::Client, &'a str, Vec<(&'a str, &'a str)>);

#[tokio::test]
async fn two_coordinators_issuing_at_once_leave_no_duplicate_and_no_gap() {
    let Papers { app, cohort, .. } = papers().await;
    configure(&app).await;
    app.user(Role::Coordinator, "sari@uji.id", &["BBPLK-SRG"]).await;
    // A second cohort at the site with six who completed, and five more in the first.
    let today = wib::today(app.state.clock.now());
    let mut members = Vec::new();
    for n in 0..11 {
        members.push(
            app.user_named(
                Role::Trainee,
                &format!("0813-0000-{n:04}"),
                &format!("Peserta {n:02}"),
                &["BBPLK-SRG"],
            )
            .await,
        );
    }
    let second = app
        .cohort(
            "JP-SERT-02",
            "BBPLK-SRG",
            (
                &wib::iso_date(today - Duration::days(90)),
                &wib::iso_date(today - Duration::days(1)),
            ),
            &[],
            &members[..6],
        )
        .await;
    let mut completed = Vec::new();
    for user in &members[..6] {
        completed.push(app.record_and_enrollment(*user, second).await.1);
    }
    let mut letters = Vec::new();
    for user in &members[6..] {
        letters.push(app.enroll_active(cohort, *user).await);
    }
    complete(&app, &completed).await;

    let rina = app.signed_in("rina@uji.id").await;
    let sari = app.signed_in("sari@uji.id").await;
    let (first, second) = (cohort.to_string(), second.to_string());
    let letter_ids: Vec<String> = letters.iter().map(i64::to_string).collect();
    let mut calls: Vec<Call> = vec![
        (
            &rina,
            "/api/certificates/issue-cohort",
            vec![("cohort_id", first.as_str())],
        ),
        (
            &sari,
            "/api/certificates/issue-cohort",
            vec![("cohort_id", second.as_str())],
        ),
    ];
    for (n, id) in letter_ids.iter().enumerate() {
        let who = if n % 2 == 0 { &rina } else { &sari };
        calls.push((
            who,
            "/api/certificates/issue",
            vec![("enrollment_id", id.as_str()), ("kind", "letter")],
        ));
    }
    let answers = join_all(calls.iter().map(|(who, path, form)| app.call(who, path, form))).await;
    for answer in answers {
        assert_eq!(answer.status(), 200, "{}", answer.text().await.unwrap());
    }
    let documents = stored(&app).await;
    for (kind, expected) in [("certificate", 2 + 6), ("letter", letters.len())] {
        let mut seqs: Vec<i32> = documents
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.seq)
            .collect();
        seqs.sort_unstable();
        assert_eq!(
            seqs,
            (1..=i32::try_from(expected).unwrap()).collect::<Vec<_>>(),
            "{kind}"
        );
    }
    let mut numbers: Vec<&str> = documents.iter().map(|d| d.number.as_str()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), documents.len(), "no number twice");
}

#[tokio::test]
async fn an_issue_that_fails_inside_its_transaction_gives_its_number_back() {
    let Papers { app, adi, bayu, .. } = papers().await;
    configure(&app).await;
    let rina = app.signed_in("rina@uji.id").await;
    let adi = adi.to_string();
    app.call(
        &rina,
        "/api/certificates/issue",
        &[("enrollment_id", &adi), ("kind", "certificate")],
    )
    .await;
    // A number written by hand where the next one would go: Bayu's issue takes seq 2,
    // writes "002/…", meets it, and the whole transaction rolls back.
    let first = stored(&app).await.remove(0);
    let squatter = issued_documents::Entity::insert(issued_documents::ActiveModel {
        number: Set(number(&app, "SJ", 2)),
        code: Set("SQUATTER".into()),
        seq: Set(99),
        revoked_at: Set(Some(app.state.clock.now())),
        revoke_reason: Set(Some("uji".into())),
        id: sea_orm::ActiveValue::NotSet,
        ..issued_documents::ActiveModel::from(first)
    })
    .exec_with_returning(&app.state.db)
    .await
    .unwrap();
    let bayu = bayu.to_string();
    let (status, error) = error_of(
        app.call(
            &rina,
            "/api/certificates/issue",
            &[("enrollment_id", &bayu), ("kind", "certificate")],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, field_problems(&error)),
        (422, vec![("kind".to_owned(), "NumberTaken".to_owned())])
    );
    issued_documents::Entity::delete_by_id(squatter.id)
        .exec(&app.state.db)
        .await
        .unwrap();
    let response = app
        .call(
            &rina,
            "/api/certificates/issue",
            &[("enrollment_id", &bayu), ("kind", "certificate")],
        )
        .await;
    assert_eq!(response.status(), 200);
    let seqs: Vec<i32> = stored(&app).await.iter().map(|d| d.seq).collect();
    assert_eq!(seqs, vec![1, 2], "the rolled-back number 2 was given again");
}
