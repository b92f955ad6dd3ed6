//! The readiness verdict: a track's requirements (data), a trainee's facts, and for each
//! requirement either "met" or the blocker that names what is missing. A pure function,
//! computed on every view, never stored.
//!
//! Each blocker is either *pending* (underway: the trainee is still in training, a document
//! awaits verification, the attendance threshold is still reachable) or not. No blocker:
//! **Siap**; only pending ones: **Dalam proses**; any other: **Belum**.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use super::{DocumentFacts, DocumentKind, DocumentStatus, JlptLevel, OfficialResult, ResultKind, Verdict};

/// One requirement of a track, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Requirement {
    /// Any one of: a passed JLPT at `jlpt` or harder; a JFT-Basic score of `jft_min` or more.
    Language {
        jlpt: Option<JlptLevel>,
        jft_min: Option<u16>,
    },
    /// A passed skills test (sector skills, caregiving Japanese, caregiving skills).
    Passed(ResultKind),
    /// An attendance rate at the cohort's threshold or above.
    Attendance,
    /// A verified document that is valid today (and `min_valid_days` more) and was issued
    /// no more than `max_age_days` ago.
    Document {
        kind: DocumentKind,
        max_age_days: Option<u16>,
        min_valid_days: Option<u16>,
    },
}

/// The funnel's stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Language,
    Skills,
    Attendance,
    Documents,
}

impl Requirement {
    pub fn stage(&self) -> Stage {
        match self {
            Self::Language { .. } => Stage::Language,
            Self::Passed(_) => Stage::Skills,
            Self::Attendance => Stage::Attendance,
            Self::Document { .. } => Stage::Documents,
        }
    }
}

/// A trainee's attendance in their current cohort, in tenths of a percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceFacts {
    pub rate: Option<u32>,
    pub best: Option<u32>,
    /// The cohort's threshold, in percent.
    pub threshold: u8,
}

/// What the verdict is computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeFacts {
    /// Active in a cohort that is still running: language, skills and documents are
    /// expected to come.
    pub in_training: bool,
    pub results: Vec<OfficialResult>,
    pub attendance: Option<AttendanceFacts>,
    pub documents: Vec<DocumentFacts>,
}

/// What stands between a trainee and placement, with the figures to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Blocker {
    /// No language result that is enough; the best ones so far.
    Language {
        jlpt: Option<JlptLevel>,
        jft_min: Option<u16>,
        best_jft: Option<u16>,
        best_jlpt: Option<JlptLevel>,
    },
    NotPassed(ResultKind),
    /// No counted session yet.
    NoAttendance,
    /// Rate and threshold in tenths of a percent / percent.
    AttendanceBelow {
        rate: u32,
        threshold: u8,
    },
    DocumentMissing(DocumentKind),
    DocumentUnverified(DocumentKind),
    DocumentRejected(DocumentKind),
    /// Verified, but a validity rule needs dates nobody recorded.
    DocumentUndated(DocumentKind),
    /// No longer valid since `on` (its expiry, or its issue date plus the maximum age).
    DocumentExpired {
        kind: DocumentKind,
        on: Date,
    },
    /// Valid until `on`, but must be valid until `needed`.
    DocumentExpiresSoon {
        kind: DocumentKind,
        on: Date,
        needed: Date,
    },
}

impl Blocker {
    /// The key dashboards filter by: `language`, `skills:<kind>`, `attendance`,
    /// `document:<kind>`.
    pub fn key(&self) -> String {
        match self {
            Self::Language { .. } => "language".to_owned(),
            Self::NotPassed(kind) => format!("skills:{}", kind.as_str()),
            Self::NoAttendance | Self::AttendanceBelow { .. } => "attendance".to_owned(),
            Self::DocumentMissing(kind)
            | Self::DocumentUnverified(kind)
            | Self::DocumentRejected(kind)
            | Self::DocumentUndated(kind)
            | Self::DocumentExpired { kind, .. }
            | Self::DocumentExpiresSoon { kind, .. } => format!("document:{}", kind.as_str()),
        }
    }
}

/// A blocker and whether it is underway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub blocker: Blocker,
    pub pending: bool,
}

/// One requirement and, unless it is met, what blocks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub requirement: Requirement,
    pub finding: Option<Finding>,
}

/// The verdict and every requirement's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub verdict: Verdict,
    pub checks: Vec<Check>,
}

impl Assessment {
    pub fn blockers(&self) -> impl Iterator<Item = &Finding> {
        self.checks.iter().filter_map(|c| c.finding.as_ref())
    }

    /// Every requirement of `stage` met (true when the track has none).
    pub fn stage_met(&self, stage: Stage) -> bool {
        self.checks
            .iter()
            .filter(|c| c.requirement.stage() == stage)
            .all(|c| c.finding.is_none())
    }
}

/// The last day a verified document is valid under `max_age_days`: the earlier of its
/// expiry and its issue date plus the age; `None` when neither applies.
pub fn valid_until(document: &DocumentFacts, max_age_days: Option<u16>) -> Option<Date> {
    let by_age = max_age_days
        .zip(document.issued_on)
        .map(|(days, issued)| issued + Duration::days(i64::from(days)));
    match (document.expires_on, by_age) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn document_finding(
    facts: &TraineeFacts,
    kind: DocumentKind,
    max_age_days: Option<u16>,
    min_valid_days: Option<u16>,
    today: Date,
) -> Option<Finding> {
    let found = |blocker, pending| Some(Finding { blocker, pending });
    let Some(document) = facts.documents.iter().find(|d| d.kind == kind) else {
        return found(Blocker::DocumentMissing(kind), facts.in_training);
    };
    match document.status {
        DocumentStatus::Missing => found(Blocker::DocumentMissing(kind), facts.in_training),
        DocumentStatus::Submitted => found(Blocker::DocumentUnverified(kind), true),
        DocumentStatus::Rejected => found(Blocker::DocumentRejected(kind), false),
        DocumentStatus::Verified => {
            let ruled = max_age_days.is_some() || min_valid_days.is_some();
            let Some(until) = valid_until(document, max_age_days) else {
                return if ruled {
                    found(Blocker::DocumentUndated(kind), false)
                } else {
                    None
                };
            };
            let needed = today + Duration::days(i64::from(min_valid_days.unwrap_or(0)));
            if until < today {
                found(Blocker::DocumentExpired { kind, on: until }, false)
            } else if until < needed {
                found(
                    Blocker::DocumentExpiresSoon {
                        kind,
                        on: until,
                        needed,
                    },
                    false,
                )
            } else {
                None
            }
        }
    }
}

fn language_finding(facts: &TraineeFacts, jlpt: Option<JlptLevel>, jft_min: Option<u16>) -> Option<Finding> {
    let best_jlpt = facts
        .results
        .iter()
        .filter(|r| r.kind == ResultKind::Jlpt && r.passed)
        .filter_map(|r| r.level)
        .fold(None::<JlptLevel>, |best, level| match best {
            Some(b) if b.reaches(level) => Some(b),
            _ => Some(level),
        });
    let best_jft = facts
        .results
        .iter()
        .filter(|r| r.kind == ResultKind::JftBasic)
        .filter_map(|r| r.score)
        .max();
    let met = jlpt
        .zip(best_jlpt)
        .is_some_and(|(needed, best)| best.reaches(needed))
        || jft_min.zip(best_jft).is_some_and(|(needed, best)| best >= needed);
    (!met).then_some(Finding {
        blocker: Blocker::Language {
            jlpt,
            jft_min,
            best_jft,
            best_jlpt,
        },
        pending: facts.in_training,
    })
}

fn attendance_finding(facts: &TraineeFacts) -> Option<Finding> {
    let Some(attendance) = facts.attendance else {
        return Some(Finding {
            blocker: Blocker::NoAttendance,
            pending: facts.in_training,
        });
    };
    let needed = u32::from(attendance.threshold) * 10;
    match attendance.rate {
        None => Some(Finding {
            blocker: Blocker::NoAttendance,
            pending: facts.in_training,
        }),
        Some(rate) if rate >= needed => None,
        Some(rate) => Some(Finding {
            blocker: Blocker::AttendanceBelow {
                rate,
                threshold: attendance.threshold,
            },
            pending: facts.in_training && attendance.best.is_some_and(|best| best >= needed),
        }),
    }
}

/// The verdict of `facts` under `requirements` on `today`.
pub fn assess(requirements: &[Requirement], facts: &TraineeFacts, today: Date) -> Assessment {
    let checks: Vec<Check> = requirements
        .iter()
        .map(|requirement| Check {
            requirement: *requirement,
            finding: match *requirement {
                Requirement::Language { jlpt, jft_min } => language_finding(facts, jlpt, jft_min),
                Requirement::Passed(kind) => (!facts.results.iter().any(|r| r.kind == kind && r.passed))
                    .then_some(Finding {
                        blocker: Blocker::NotPassed(kind),
                        pending: facts.in_training,
                    }),
                Requirement::Attendance => attendance_finding(facts),
                Requirement::Document {
                    kind,
                    max_age_days,
                    min_valid_days,
                } => document_finding(facts, kind, max_age_days, min_valid_days, today),
            },
        })
        .collect();
    let findings: Vec<&Finding> = checks.iter().filter_map(|c| c.finding.as_ref()).collect();
    let verdict = if findings.is_empty() {
        Verdict::Ready
    } else if findings.iter().all(|f| f.pending) {
        Verdict::InProgress
    } else {
        Verdict::NotReady
    };
    Assessment { verdict, checks }
}

/// The requirements every installation starts with, per programme code (DOMAIN.md):
/// SSW needs JFT-Basic ≥ 200 or JLPT N4 and the sector skills test (caregiving also the
/// two caregiving tests); TITP and EPA need N4; all need the attendance threshold and the
/// identity, permission, police, medical (≤ 90 days old), education, BPJS and passport
/// (valid ≥ 180 more days) documents, plus the E-PMI registration; EPA also the AK1.
pub fn default_requirements(programme_code: &str, track: &str) -> Vec<Requirement> {
    let mut set = Vec::new();
    match track {
        "ssw" => {
            set.push(Requirement::Language {
                jlpt: Some(JlptLevel::N4),
                jft_min: Some(super::JFT_PASS),
            });
            set.push(Requirement::Passed(ResultKind::SswSkills));
            if programme_code.contains("KAIGO") {
                set.push(Requirement::Passed(ResultKind::CareJapanese));
                set.push(Requirement::Passed(ResultKind::CareSkills));
            }
        }
        _ => set.push(Requirement::Language {
            jlpt: Some(JlptLevel::N4),
            jft_min: None,
        }),
    }
    set.push(Requirement::Attendance);
    let document = |kind, max_age_days, min_valid_days| Requirement::Document {
        kind,
        max_age_days,
        min_valid_days,
    };
    set.extend([
        document(DocumentKind::Ktp, None, None),
        document(DocumentKind::Kk, None, None),
        document(DocumentKind::Permission, None, None),
        document(DocumentKind::Skck, None, Some(0)),
        document(DocumentKind::Mcu, Some(90), None),
        document(DocumentKind::Ijazah, None, None),
        document(DocumentKind::Bpjs, None, None),
        document(DocumentKind::Passport, None, Some(180)),
        document(DocumentKind::EPmi, None, None),
    ]);
    if track == "epa" {
        set.push(document(DocumentKind::Ak1, None, None));
    }
    set
}

#[cfg(test)]
mod tests;
