//! The readiness area's texts (Indonesian, English), blockers and requirements in words,
//! and its notices.

use serde::{Deserialize, Serialize};

use super::model::verdict::{Blocker, Requirement};
use super::model::{AssessmentKind, DocumentKind, DocumentStatus, ResultKind, Verdict};
use crate::kernel::i18n::{fill, texts};
use crate::kernel::{wib, Locale, Text};
use crate::platform::flash::AreaNotice;

texts! {
    pub struct T {
        NavReadiness => "Kesiapan", "Readiness";
        NavMine => "Kesiapan saya", "My readiness";
        ScoresLink => "Nilai dan materi", "Scores and lessons";
        LinkReadinessStaff => "Siapa yang siap ditempatkan, dan apa yang masih menghambat.", "Who is ready for placement, and what still blocks the rest.";
        LinkReadinessTrainee => "Apa yang sudah lengkap dan apa yang masih perlu Anda siapkan.", "What is done and what you still need to do.";

        VerdictReady => "Siap", "Ready";
        VerdictInProgress => "Dalam proses", "In progress";
        VerdictNotReady => "Belum", "Not ready";

        DocKtp => "e-KTP", "e-KTP (identity card)";
        DocKk => "Kartu Keluarga", "Family card (KK)";
        DocPermission => "Surat izin keluarga", "Family permission letter";
        DocSkck => "SKCK", "SKCK (police certificate)";
        DocMcu => "Medical check-up (MCU)", "Medical check-up (MCU)";
        DocIjazah => "Ijazah", "Education certificate (ijazah)";
        DocCompetency => "Sertifikat kompetensi", "Competency certificate";
        DocAk1 => "Kartu AK1", "Job-seeker card (AK1)";
        DocBpjs => "BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan";
        DocPassport => "Paspor", "Passport";
        DocEPmi => "E-PMI (SISKOP2MI)", "E-PMI (SISKOP2MI)";
        DocContract => "Perjanjian kerja", "Employment contract";
        DocCoe => "COE", "COE (Certificate of Eligibility)";
        DocVisa => "Visa", "Visa";
        DocOpp => "OPP (orientasi pra pemberangkatan)", "Pre-departure orientation (OPP)";

        DocMissing => "Belum ada", "Missing";
        DocSubmitted => "Diserahkan, menunggu diperiksa", "Submitted, awaiting review";
        DocVerified => "Terverifikasi", "Verified";
        DocRejected => "Ditolak", "Rejected";

        ResJlpt => "JLPT", "JLPT";
        ResJft => "JFT-Basic", "JFT-Basic";
        ResSsw => "Ujian keterampilan SSW", "SSW skills test";
        ResCareJapanese => "Ujian bahasa Jepang perawat lansia", "Nursing care Japanese test";
        ResCareSkills => "Ujian keterampilan perawat lansia", "Nursing care skills test";

        AsQuiz => "Kuis", "Quiz";
        AsMid => "Ujian tengah", "Mid-test";
        AsFinal => "Ujian akhir", "Final test";
        AsSpeaking => "Ujian lisan", "Speaking test";
        AsMockJft => "Simulasi JFT-Basic", "Mock JFT-Basic";

        BlLanguageBoth => "JFT-Basic minimal {score} atau JLPT {level} belum tercapai", "No JFT-Basic of {score} or more, nor JLPT {level}";
        BlLanguageJlpt => "JLPT {level} belum lulus", "JLPT {level} not passed";
        BlLanguageJft => "JFT-Basic minimal {score} belum tercapai", "No JFT-Basic of {score} or more";
        BlBestJft => "JFT-Basic {best} < {score}", "JFT-Basic {best} < {score}";
        BlBestJlpt => "baru lulus JLPT {best}", "passed only JLPT {best}";
        BlNotPassed => "{test} belum lulus", "{test} not passed";
        BlNoAttendance => "Kehadiran belum tercatat", "No attendance recorded yet";
        BlAttendance => "Kehadiran {rate} < {threshold} %", "Attendance {rate} < {threshold}%";
        BlDocMissing => "{doc} belum ada", "{doc} missing";
        BlDocUnverified => "{doc} menunggu diperiksa", "{doc} awaiting review";
        BlDocRejected => "{doc} ditolak", "{doc} rejected";
        BlDocUndated => "{doc} tanpa tanggal terbit/berlaku", "{doc} without issue or expiry date";
        BlDocExpired => "{doc} kedaluwarsa {date}", "{doc} expired on {date}";
        BlDocExpiresSoon => "{doc} berlaku sampai {date}, perlu sampai {needed}", "{doc} valid until {date}, needed until {needed}";

        RqLanguageBoth => "Bahasa: JFT-Basic ≥ {score} atau JLPT {level}", "Language: JFT-Basic ≥ {score} or JLPT {level}";
        RqLanguageJlpt => "Bahasa: JLPT {level}", "Language: JLPT {level}";
        RqLanguageJft => "Bahasa: JFT-Basic ≥ {score}", "Language: JFT-Basic ≥ {score}";
        RqPassed => "Lulus {test}", "Passed {test}";
        RqAttendance => "Kehadiran ≥ batas angkatan", "Attendance ≥ the cohort's threshold";
        RqDocument => "{doc} terverifikasi", "{doc} verified";
        RqMaxAge => "tidak lebih dari {n} hari sejak terbit", "no older than {n} days";
        RqMinValid => "masih berlaku {n} hari lagi", "valid {n} more days";
        RqValidToday => "masih berlaku", "still valid";

        StageEnrolled => "Terdaftar", "Enrolled";
        StageLanguage => "Lulus bahasa", "Language passed";
        StageSkills => "Lulus keterampilan", "Skills passed";
        StageDocuments => "Dokumen lengkap", "Documents complete";
        StageReady => "Siap", "Ready";

        DashboardTitle => "Kesiapan penempatan", "Placement readiness";
        DashboardIntro => "Dihitung ulang setiap kali dibuka, dari nilai, kehadiran, dan dokumen hari ini ({today}).", "Computed afresh on every visit from today's scores, attendance and documents ({today}).";
        Funnel => "Tahapan", "Funnel";
        FunnelChart => "Jumlah peserta per tahap", "Trainees per stage";
        Filters => "Saring", "Filter";
        Site => "Lokasi", "Site";
        Cohort => "Angkatan", "Cohort";
        AllSites => "Semua lokasi", "All sites";
        AllCohorts => "Semua angkatan", "All cohorts";
        Verdict => "Status", "Verdict";
        AnyVerdict => "Semua status", "Any verdict";
        Blocker => "Hambatan", "Blocker";
        AnyBlocker => "Semua hambatan", "Any blocker";
        Expiring => "Dokumen habis berlaku", "Document expiring";
        NoExpiring => "—", "—";
        WithinDays => "dalam (hari)", "within (days)";
        Apply => "Terapkan", "Apply";
        Reset => "Hapus saringan", "Clear filters";
        Trainee => "Peserta", "Trainee";
        Programme => "Program", "Programme";
        Blockers => "Yang masih kurang", "What is missing";
        ValidUntil => "Berlaku sampai", "Valid until";
        NoneMissing => "Tidak ada", "Nothing";
        NoRows => "Tidak ada peserta yang cocok.", "No trainee matches.";
        CountOf => "{n} peserta", "{n} trainees";
        ExportCsv => "Unduh CSV", "Download CSV";
        ExportXlsx => "Unduh XLSX", "Download XLSX";
        Rules => "Syarat per program", "Requirements per programme";
        Pending => "sedang berjalan", "underway";

        DetailTitle => "Kesiapan {name}", "Readiness of {name}";
        MineTitle => "Kesiapan saya", "My readiness";
        MineIntro => "Daftar ini menunjukkan apa yang sudah lengkap untuk penempatan ke Jepang dan apa yang masih perlu Anda siapkan.", "This list shows what is complete for placement in Japan and what you still need to prepare.";
        NotEnrolled => "Belum terdaftar di angkatan mana pun.", "Not enrolled in any cohort yet.";
        Checklist => "Daftar periksa", "Checklist";
        Done => "Sudah", "Done";
        ToDo => "Belum", "To do";
        Documents => "Dokumen", "Documents";
        Document => "Dokumen", "Document";
        Status => "Status", "Status";
        Number => "Nomor", "Number";
        IssuedOn => "Tanggal terbit", "Issued on";
        ExpiresOn => "Berlaku sampai", "Expires on";
        Scan => "Pindaian", "Scan";
        ViewScan => "Lihat pindaian", "View scan";
        UploadScan => "Unggah pindaian (foto atau PDF, maks. 1,5 MB)", "Upload a scan (photo or PDF, max. 1.5 MB)";
        Upload => "Unggah", "Upload";
        SaveDocument => "Simpan", "Save";
        SubmitDocument => "Serahkan", "Submit";
        Decision => "Keputusan", "Decision";
        Verify => "Verifikasi", "Verify";
        Reject => "Tolak", "Reject";
        Reason => "Alasan (wajib bila ditolak)", "Reason (required to reject)";
        RejectedBecause => "Ditolak: {reason}", "Rejected: {reason}";
        DecidedBy => "oleh {name}, {when}", "by {name}, {when}";
        Required => "wajib", "required";
        Optional => "tambahan", "additional";
        Results => "Hasil ujian resmi", "Official results";
        NoResults => "Belum ada hasil ujian.", "No results yet.";
        AddResult => "Catat hasil ujian", "Record a result";
        Test => "Ujian", "Test";
        Level => "Level (JLPT)", "Level (JLPT)";
        Score => "Skor", "Score";
        ScoreHint => "JFT-Basic: 10–250, lulus 200.", "JFT-Basic: 10–250, pass 200.";
        Passed => "Lulus", "Passed";
        Failed => "Tidak lulus", "Not passed";
        TakenOn => "Tanggal ujian", "Test date";
        CertificateNo => "Nomor sertifikat", "Certificate number";
        Field => "Bidang (SSW)", "Field (SSW)";
        SaveResult => "Simpan hasil", "Save result";
        DeleteResult => "Hapus", "Delete";
        DeleteResultQ => "Hapus hasil ujian ini?", "Delete this result?";
        Attendance => "Kehadiran", "Attendance";
        Scores => "Nilai di kelas", "Class scores";
        NoScores => "Belum ada nilai.", "No scores yet.";
        Contact => "Hubungi", "Contact";

        ProgressTitle => "Nilai dan materi {cohort}", "Scores and lessons {cohort}";
        Lessons => "Materi yang diajarkan", "Units taught";
        LessonsProgress => "{n} dari {total} unit sudah diajarkan", "{n} of {total} units taught";
        Planned => "Rencana", "Planned";
        Taught => "Diajarkan", "Taught";
        NotRecorded => "— belum dicatat —", "— not recorded —";
        SaveLessons => "Simpan materi", "Save units taught";
        NoLessons => "Belum ada sesi yang sudah berlangsung.", "No session has taken place yet.";
        Assessments => "Penilaian", "Assessments";
        NoAssessments => "Belum ada penilaian.", "No assessments yet.";
        NewAssessment => "Penilaian baru", "New assessment";
        Kind => "Jenis", "Kind";
        Title => "Judul", "Title";
        HeldOn => "Tanggal", "Date";
        MaxScore => "Nilai maksimum", "Maximum score";
        PassScore => "Batas lulus", "Pass mark";
        MockJftHint => "Simulasi JFT-Basic selalu 10–250, lulus 200.", "A mock JFT-Basic is always 10–250, pass 200.";
        CreateAssessment => "Buat penilaian", "Create assessment";
        EnterScores => "Isi nilai", "Enter scores";
        ScoreFor => "Nilai {name}", "Score of {name}";
        SaveScores => "Simpan nilai", "Save scores";
        Average => "Rata-rata", "Average";
        ScoresOf => "Nilai {title}", "Scores of {title}";

        RulesTitle => "Syarat kesiapan per program", "Readiness requirements per programme";
        RulesIntro => "Syarat ini menentukan status setiap peserta. Hanya admin yang dapat mengubahnya.", "These requirements decide every trainee's verdict. Only admins can change them.";
        DefaultRules => "bawaan", "built-in";
        EditRules => "Ubah syarat", "Edit requirements";
        LanguageJlpt => "JLPT minimal", "JLPT at least";
        LanguageJft => "atau JFT-Basic minimal", "or JFT-Basic at least";
        NoLanguage => "tidak disyaratkan", "not required";
        RequireTest => "Wajib lulus", "Must pass";
        RequireAttendance => "Kehadiran ≥ batas angkatan", "Attendance ≥ the cohort's threshold";
        RequireDocument => "Wajib", "Required";
        MaxAgeDays => "Maks. umur (hari)", "Max. age (days)";
        MinValidDays => "Berlaku min. (hari)", "Valid at least (days)";
        SaveRules => "Simpan syarat {programme}", "Save requirements of {programme}";

        NoticeResultSaved => "Hasil ujian {name} disimpan.", "Result of {name} saved.";
        NoticeResultDeleted => "Hasil ujian dihapus.", "Result deleted.";
        NoticeDocumentSaved => "{doc} disimpan.", "{doc} saved.";
        NoticeScanSaved => "Pindaian {doc} disimpan.", "Scan of {doc} saved.";
        NoticeAssessmentCreated => "Penilaian {title} dibuat. Isi nilainya di bawah.", "Assessment {title} created. Enter its scores below.";
        NoticeScoresSaved => "{n} nilai disimpan.", "{n} scores saved.";
        NoticeLessonsSaved => "Materi yang diajarkan disimpan.", "Units taught saved.";
        NoticeRulesSaved => "Syarat {programme} disimpan.", "Requirements of {programme} saved.";
    }
}

pub fn verdict_text(verdict: Verdict) -> Text {
    match verdict {
        Verdict::Ready => T::VerdictReady,
        Verdict::InProgress => T::VerdictInProgress,
        Verdict::NotReady => T::VerdictNotReady,
    }
}

pub fn document_text(kind: DocumentKind) -> Text {
    match kind {
        DocumentKind::Ktp => T::DocKtp,
        DocumentKind::Kk => T::DocKk,
        DocumentKind::Permission => T::DocPermission,
        DocumentKind::Skck => T::DocSkck,
        DocumentKind::Mcu => T::DocMcu,
        DocumentKind::Ijazah => T::DocIjazah,
        DocumentKind::Competency => T::DocCompetency,
        DocumentKind::Ak1 => T::DocAk1,
        DocumentKind::Bpjs => T::DocBpjs,
        DocumentKind::Passport => T::DocPassport,
        DocumentKind::EPmi => T::DocEPmi,
        DocumentKind::Contract => T::DocContract,
        DocumentKind::Coe => T::DocCoe,
        DocumentKind::Visa => T::DocVisa,
        DocumentKind::Opp => T::DocOpp,
    }
}

pub fn document_status_text(status: DocumentStatus) -> Text {
    match status {
        DocumentStatus::Missing => T::DocMissing,
        DocumentStatus::Submitted => T::DocSubmitted,
        DocumentStatus::Verified => T::DocVerified,
        DocumentStatus::Rejected => T::DocRejected,
    }
}

pub fn result_text(kind: ResultKind) -> Text {
    match kind {
        ResultKind::Jlpt => T::ResJlpt,
        ResultKind::JftBasic => T::ResJft,
        ResultKind::SswSkills => T::ResSsw,
        ResultKind::CareJapanese => T::ResCareJapanese,
        ResultKind::CareSkills => T::ResCareSkills,
    }
}

pub fn assessment_text(kind: AssessmentKind) -> Text {
    match kind {
        AssessmentKind::Quiz => T::AsQuiz,
        AssessmentKind::MidTest => T::AsMid,
        AssessmentKind::Final => T::AsFinal,
        AssessmentKind::Speaking => T::AsSpeaking,
        AssessmentKind::MockJft => T::AsMockJft,
    }
}

fn percent(per_mille: u32, locale: Locale) -> String {
    crate::attendance::model::rates::percent(per_mille, locale)
}

/// A blocker in words, with its figures and dates.
pub fn blocker_text(blocker: &Blocker, locale: Locale) -> String {
    let date = |d: time::Date| wib::date_plain(d, locale);
    let doc = |kind: DocumentKind| document_text(kind).get(locale).to_owned();
    match *blocker {
        Blocker::Language {
            jlpt,
            jft_min,
            best_jft,
            best_jlpt,
        } => {
            let level = jlpt.map(|l| l.as_str()).unwrap_or_default();
            let score = jft_min.map(|s| s.to_string()).unwrap_or_default();
            if let (Some(best), Some(_)) = (best_jft, jft_min) {
                return fill(
                    T::BlBestJft.get(locale),
                    &[("best", &best.to_string()), ("score", &score)],
                );
            }
            let mut text = match (jlpt, jft_min) {
                (Some(_), Some(_)) => fill(
                    T::BlLanguageBoth.get(locale),
                    &[("level", level), ("score", &score)],
                ),
                (Some(_), None) => fill(T::BlLanguageJlpt.get(locale), &[("level", level)]),
                _ => fill(T::BlLanguageJft.get(locale), &[("score", &score)]),
            };
            if let Some(best) = best_jlpt {
                text.push_str(" (");
                text.push_str(&fill(T::BlBestJlpt.get(locale), &[("best", best.as_str())]));
                text.push(')');
            }
            text
        }
        Blocker::NotPassed(kind) => fill(
            T::BlNotPassed.get(locale),
            &[("test", result_text(kind).get(locale))],
        ),
        Blocker::NoAttendance => T::BlNoAttendance.get(locale).to_owned(),
        Blocker::AttendanceBelow { rate, threshold } => fill(
            T::BlAttendance.get(locale),
            &[
                ("rate", &percent(rate, locale)),
                ("threshold", &threshold.to_string()),
            ],
        ),
        Blocker::DocumentMissing(kind) => fill(T::BlDocMissing.get(locale), &[("doc", &doc(kind))]),
        Blocker::DocumentUnverified(kind) => fill(T::BlDocUnverified.get(locale), &[("doc", &doc(kind))]),
        Blocker::DocumentRejected(kind) => fill(T::BlDocRejected.get(locale), &[("doc", &doc(kind))]),
        Blocker::DocumentUndated(kind) => fill(T::BlDocUndated.get(locale), &[("doc", &doc(kind))]),
        Blocker::DocumentExpired { kind, on } => fill(
            T::BlDocExpired.get(locale),
            &[("doc", &doc(kind)), ("date", &date(on))],
        ),
        Blocker::DocumentExpiresSoon { kind, on, needed } => fill(
            T::BlDocExpiresSoon.get(locale),
            &[
                ("doc", &doc(kind)),
                ("date", &date(on)),
                ("needed", &date(needed)),
            ],
        ),
    }
}

/// A requirement in words.
pub fn requirement_text(requirement: &Requirement, locale: Locale) -> String {
    match *requirement {
        Requirement::Language { jlpt, jft_min } => {
            let level = jlpt.map(|l| l.as_str()).unwrap_or_default();
            let score = jft_min.map(|s| s.to_string()).unwrap_or_default();
            match (jlpt, jft_min) {
                (Some(_), Some(_)) => fill(
                    T::RqLanguageBoth.get(locale),
                    &[("level", level), ("score", &score)],
                ),
                (Some(_), None) => fill(T::RqLanguageJlpt.get(locale), &[("level", level)]),
                _ => fill(T::RqLanguageJft.get(locale), &[("score", &score)]),
            }
        }
        Requirement::Passed(kind) => fill(
            T::RqPassed.get(locale),
            &[("test", result_text(kind).get(locale))],
        ),
        Requirement::Attendance => T::RqAttendance.get(locale).to_owned(),
        Requirement::Document {
            kind,
            max_age_days,
            min_valid_days,
        } => {
            let mut text = fill(
                T::RqDocument.get(locale),
                &[("doc", document_text(kind).get(locale))],
            );
            let mut rules = Vec::new();
            if let Some(days) = max_age_days {
                rules.push(fill(T::RqMaxAge.get(locale), &[("n", &days.to_string())]));
            }
            match min_valid_days {
                Some(0) => rules.push(T::RqValidToday.get(locale).to_owned()),
                Some(days) => rules.push(fill(T::RqMinValid.get(locale), &[("n", &days.to_string())])),
                None => {}
            }
            if !rules.is_empty() {
                text.push_str(", ");
                text.push_str(&rules.join(", "));
            }
            text
        }
    }
}

/// A blocker filter key in words (`document:skck` → "SKCK").
pub fn blocker_key_text(key: &str, locale: Locale) -> String {
    match key.split_once(':') {
        Some(("document", kind)) => DocumentKind::parse(kind)
            .map(|k| document_text(k).get(locale).to_owned())
            .unwrap_or_else(|_| key.to_owned()),
        Some(("skills", kind)) => ResultKind::parse(kind)
            .map(|k| result_text(k).get(locale).to_owned())
            .unwrap_or_else(|_| key.to_owned()),
        _ if key == "language" => T::StageLanguage.get(locale).to_owned(),
        _ if key == "attendance" => T::Attendance.get(locale).to_owned(),
        _ => key.to_owned(),
    }
}

/// What a readiness form post reports back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    ResultSaved(String),
    ResultDeleted,
    DocumentSaved(DocumentKind),
    ScanSaved(DocumentKind),
    AssessmentCreated(String),
    ScoresSaved(u32),
    LessonsSaved,
    RulesSaved(String),
}

impl AreaNotice for Notice {
    const AREA: &'static str = "readiness";
}

/// The notice in words.
pub fn notice_text(notice: Notice, locale: Locale) -> String {
    let doc = |kind: DocumentKind| document_text(kind).get(locale).to_owned();
    match notice {
        Notice::ResultSaved(name) => fill(T::NoticeResultSaved.get(locale), &[("name", &name)]),
        Notice::ResultDeleted => T::NoticeResultDeleted.get(locale).to_owned(),
        Notice::DocumentSaved(kind) => fill(T::NoticeDocumentSaved.get(locale), &[("doc", &doc(kind))]),
        Notice::ScanSaved(kind) => fill(T::NoticeScanSaved.get(locale), &[("doc", &doc(kind))]),
        Notice::AssessmentCreated(title) => {
            fill(T::NoticeAssessmentCreated.get(locale), &[("title", &title)])
        }
        Notice::ScoresSaved(n) => fill(T::NoticeScoresSaved.get(locale), &[("n", &n.to_string())]),
        Notice::LessonsSaved => T::NoticeLessonsSaved.get(locale).to_owned(),
        Notice::RulesSaved(programme) => fill(T::NoticeRulesSaved.get(locale), &[("programme", &programme)]),
    }
}
