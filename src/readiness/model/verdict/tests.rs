//! The verdict's boundaries for each track.
use super::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 29);

fn jft(score: u16) -> OfficialResult {
    OfficialResult {
        kind: ResultKind::JftBasic,
        level: None,
        score: Some(score),
        passed: score >= 200,
        taken_on: date!(2026 - 10 - 01),
    }
}

fn jlpt(level: JlptLevel, passed: bool) -> OfficialResult {
    OfficialResult {
        kind: ResultKind::Jlpt,
        level: Some(level),
        score: None,
        passed,
        taken_on: date!(2026 - 07 - 05),
    }
}

fn passed(kind: ResultKind) -> OfficialResult {
    OfficialResult {
        kind,
        level: None,
        score: None,
        passed: true,
        taken_on: date!(2026 - 09 - 01),
    }
}

fn verified(kind: DocumentKind, issued_on: Option<Date>, expires_on: Option<Date>) -> DocumentFacts {
    DocumentFacts {
        kind,
        status: DocumentStatus::Verified,
        issued_on,
        expires_on,
    }
}

/// An SSW manufacturing trainee with everything in order.
fn ready_ssw() -> TraineeFacts {
    let mut documents: Vec<DocumentFacts> = [
        DocumentKind::Ktp,
        DocumentKind::Kk,
        DocumentKind::Permission,
        DocumentKind::Ijazah,
        DocumentKind::Bpjs,
        DocumentKind::EPmi,
    ]
    .into_iter()
    .map(|kind| verified(kind, None, None))
    .collect();
    documents.push(verified(
        DocumentKind::Skck,
        Some(date!(2026 - 06 - 01)),
        Some(date!(2027 - 06 - 01)),
    ));
    documents.push(verified(DocumentKind::Mcu, Some(date!(2026 - 10 - 01)), None));
    documents.push(verified(
        DocumentKind::Passport,
        Some(date!(2025 - 01 - 10)),
        Some(date!(2030 - 01 - 10)),
    ));
    TraineeFacts {
        in_training: false,
        results: vec![jft(200), passed(ResultKind::SswSkills)],
        attendance: Some(AttendanceFacts {
            rate: Some(800),
            best: Some(800),
            threshold: 80,
        }),
        documents,
    }
}

fn ssw() -> Vec<Requirement> {
    default_requirements("SSW-MANUF", "ssw")
}

fn keys(assessment: &Assessment) -> Vec<String> {
    assessment.blockers().map(|f| f.blocker.key()).collect()
}

#[test]
fn a_trainee_with_everything_in_order_is_ready_even_exactly_at_the_boundaries() {
    let assessment = assess(&ssw(), &ready_ssw(), TODAY);
    assert_eq!(assessment.verdict, Verdict::Ready, "{:?}", keys(&assessment));
    assert_eq!(assessment.checks.len(), ssw().len());
}

#[test]
fn a_jft_score_of_199_blocks_and_names_the_score() {
    let mut facts = ready_ssw();
    facts.results[0] = jft(199);
    let assessment = assess(&ssw(), &facts, TODAY);
    assert_eq!(assessment.verdict, Verdict::NotReady);
    assert_eq!(
        assessment.blockers().next().unwrap().blocker,
        Blocker::Language {
            jlpt: Some(JlptLevel::N4),
            jft_min: Some(200),
            best_jft: Some(199),
            best_jlpt: None,
        }
    );
    // JLPT N3 (harder than N4) is enough instead; N5 and a failed N4 are not.
    facts.results.push(jlpt(JlptLevel::N5, true));
    facts.results.push(jlpt(JlptLevel::N4, false));
    assert_eq!(keys(&assess(&ssw(), &facts, TODAY)), ["language"]);
    facts.results.push(jlpt(JlptLevel::N3, true));
    assert_eq!(assess(&ssw(), &facts, TODAY).verdict, Verdict::Ready);
}

#[test]
fn attendance_exactly_at_the_threshold_passes_and_one_tenth_below_blocks() {
    let mut facts = ready_ssw();
    facts.attendance = Some(AttendanceFacts {
        rate: Some(799),
        best: Some(799),
        threshold: 80,
    });
    let assessment = assess(&ssw(), &facts, TODAY);
    assert_eq!(
        assessment.blockers().next().unwrap().blocker,
        Blocker::AttendanceBelow {
            rate: 799,
            threshold: 80
        }
    );
    assert_eq!(assessment.verdict, Verdict::NotReady);
}

#[test]
fn a_document_expiring_today_is_still_valid_and_yesterday_it_is_not() {
    let mut facts = ready_ssw();
    let skck = facts
        .documents
        .iter_mut()
        .find(|d| d.kind == DocumentKind::Skck)
        .unwrap();
    skck.expires_on = Some(TODAY);
    assert_eq!(assess(&ssw(), &facts, TODAY).verdict, Verdict::Ready);
    let skck = facts
        .documents
        .iter_mut()
        .find(|d| d.kind == DocumentKind::Skck)
        .unwrap();
    skck.expires_on = Some(TODAY - Duration::days(1));
    let assessment = assess(&ssw(), &facts, TODAY);
    assert_eq!(
        assessment.blockers().next().unwrap().blocker,
        Blocker::DocumentExpired {
            kind: DocumentKind::Skck,
            on: TODAY - Duration::days(1)
        }
    );
}

#[test]
fn a_medical_check_up_older_than_90_days_has_expired_and_a_passport_must_last_180_days() {
    let mut facts = ready_ssw();
    let mcu = facts
        .documents
        .iter_mut()
        .find(|d| d.kind == DocumentKind::Mcu)
        .unwrap();
    mcu.issued_on = Some(TODAY - Duration::days(90));
    assert_eq!(assess(&ssw(), &facts, TODAY).verdict, Verdict::Ready);
    let mcu = facts
        .documents
        .iter_mut()
        .find(|d| d.kind == DocumentKind::Mcu)
        .unwrap();
    mcu.issued_on = Some(TODAY - Duration::days(91));
    let passport = facts
        .documents
        .iter_mut()
        .find(|d| d.kind == DocumentKind::Passport)
        .unwrap();
    passport.expires_on = Some(TODAY + Duration::days(179));
    let blockers: Vec<Blocker> = assess(&ssw(), &facts, TODAY)
        .blockers()
        .map(|f| f.blocker)
        .collect();
    assert_eq!(
        blockers,
        [
            Blocker::DocumentExpired {
                kind: DocumentKind::Mcu,
                on: TODAY - Duration::days(1)
            },
            Blocker::DocumentExpiresSoon {
                kind: DocumentKind::Passport,
                on: TODAY + Duration::days(179),
                needed: TODAY + Duration::days(180)
            },
        ]
    );
}

#[test]
fn what_is_underway_is_in_progress_and_what_nobody_works_on_is_not_ready() {
    // In training, nothing yet: every blocker is pending.
    let fresh = TraineeFacts {
        in_training: true,
        attendance: Some(AttendanceFacts {
            rate: Some(700),
            best: Some(900),
            threshold: 80,
        }),
        ..TraineeFacts::default()
    };
    let assessment = assess(&ssw(), &fresh, TODAY);
    assert_eq!(assessment.verdict, Verdict::InProgress);
    assert_eq!(assessment.blockers().count(), ssw().len());
    // The threshold out of reach is not underway any more.
    let mut lost = fresh.clone();
    lost.attendance = Some(AttendanceFacts {
        rate: Some(700),
        best: Some(790),
        threshold: 80,
    });
    assert_eq!(assess(&ssw(), &lost, TODAY).verdict, Verdict::NotReady);
    // After training, a document awaiting verification is underway, a missing one is not.
    let mut done = ready_ssw();
    done.documents[0].status = DocumentStatus::Submitted;
    assert_eq!(assess(&ssw(), &done, TODAY).verdict, Verdict::InProgress);
    done.documents.remove(1);
    assert_eq!(assess(&ssw(), &done, TODAY).verdict, Verdict::NotReady);
    let mut rejected = ready_ssw();
    rejected.documents[0].status = DocumentStatus::Rejected;
    assert_eq!(keys(&assess(&ssw(), &rejected, TODAY)), ["document:ktp"]);
}

#[test]
fn each_track_has_its_own_set() {
    let kaigo = default_requirements("SSW-KAIGO", "ssw");
    assert!(kaigo.contains(&Requirement::Passed(ResultKind::CareSkills)));
    let epa = default_requirements("EPA", "epa");
    assert!(epa.contains(&Requirement::Language {
        jlpt: Some(JlptLevel::N4),
        jft_min: None
    }));
    assert!(!epa.contains(&Requirement::Passed(ResultKind::SswSkills)));
    // EPA: a JFT-Basic pass is not enough, N4 is.
    let mut facts = ready_ssw();
    facts.documents.push(verified(DocumentKind::Ak1, None, None));
    facts.results = vec![jft(230)];
    assert_eq!(keys(&assess(&epa, &facts, TODAY)), ["language"]);
    facts.results.push(jlpt(JlptLevel::N4, true));
    assert_eq!(assess(&epa, &facts, TODAY).verdict, Verdict::Ready);
    // The caregiving tests block a caregiver who has only the sector test.
    assert_eq!(
        keys(&assess(&kaigo, &ready_ssw(), TODAY)),
        ["skills:care_japanese", "skills:care_skills"]
    );
}
