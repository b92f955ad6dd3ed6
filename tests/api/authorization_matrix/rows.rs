//! The rows of the authorization matrix: who may call each server function and open each
//! page, with well-formed arguments for the calls.

use super::Ids;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Anonymous,
    Trainee,
    Instructor,
    Coordinator,
    Admin,
}

pub const EVERYONE: [Who; 5] = [
    Who::Anonymous,
    Who::Trainee,
    Who::Instructor,
    Who::Coordinator,
    Who::Admin,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Everyone,
    SignedIn,
    /// Coordinators and admins (user administration, audit log).
    Administrators,
    AdminOnly,
    /// Instructors, coordinators and admins.
    Staff,
    /// Trainees only (their own record).
    TraineeOnly,
    /// A staged import: coordinators and admins pass the role gate, but only its uploader
    /// (the coordinator here) sees it; the admin is told 404, as for any id out of scope.
    Uploader,
}

impl Access {
    pub fn allows(self, who: Who) -> bool {
        match self {
            Access::Everyone => true,
            Access::SignedIn => who != Who::Anonymous,
            Access::Administrators => matches!(who, Who::Coordinator | Who::Admin),
            Access::AdminOnly => who == Who::Admin,
            Access::Staff => matches!(who, Who::Instructor | Who::Coordinator | Who::Admin),
            Access::TraineeOnly => who == Who::Trainee,
            Access::Uploader => matches!(who, Who::Coordinator | Who::Admin),
        }
    }
}

/// A server function path, who may call it, and a form or query with well-formed arguments.
pub type ServerFunctionRow = (&'static str, Access, Vec<(&'static str, String)>);

pub fn server_function_rows(ids: Ids) -> Vec<ServerFunctionRow> {
    let target = ids.target.to_string();
    let cohort = ids.cohort.to_string();
    let session = ids.session.to_string();
    let record = ids.record.to_string();
    let enrollment = ids.enrollment.to_string();
    let import = ids.import.to_string();
    let account = ids.account.to_string();
    let login_session = ids.login_session.to_string();
    let excuse = ids.excuse.to_string();
    let result = ids.result.to_string();
    let assessment = ids.assessment.to_string();
    let closure = ids.closure.to_string();
    vec![
        (
            "/api/accounts/sign-in",
            Access::Everyone,
            vec![
                ("login", "nobody@uji.id".into()),
                ("password", "bukan sandi siapa pun".into()),
            ],
        ),
        ("/api/accounts/sign-out", Access::Everyone, vec![]),
        (
            "/api/accounts/activate",
            Access::Everyone,
            vec![
                ("code", "ABCD-EFGH-JKMN".into()),
                ("password", "x".into()),
                ("password_confirm", "x".into()),
            ],
        ),
        (
            "/api/accounts/change-password",
            Access::SignedIn,
            vec![
                ("current_password", "bukan sandi lama".into()),
                ("password", "y".into()),
                ("password_confirm", "y".into()),
            ],
        ),
        ("/api/accounts/end-other-sessions", Access::SignedIn, vec![]),
        (
            "/api/accounts/end-session",
            Access::SignedIn,
            vec![("session_id", login_session)],
        ),
        ("/api/accounts/me", Access::SignedIn, vec![]),
        (
            "/api/users/list",
            Access::Administrators,
            vec![("filter[q]", "uji".into())],
        ),
        (
            "/api/users/get",
            Access::Administrators,
            vec![("user_id", target.clone())],
        ),
        ("/api/users/form-options", Access::Administrators, vec![]),
        (
            "/api/users/create",
            Access::Administrators,
            vec![("role", "trainee".into()), ("display_name", "".into())],
        ),
        (
            "/api/users/issue-code",
            Access::Administrators,
            vec![("user_id", target.clone())],
        ),
        (
            "/api/users/deactivate",
            Access::Administrators,
            vec![("user_id", account.clone())],
        ),
        (
            "/api/users/reactivate",
            Access::Administrators,
            vec![("user_id", account)],
        ),
        (
            "/api/users/change-role",
            Access::AdminOnly,
            vec![("user_id", target), ("role", "trainee".into())],
        ),
        (
            "/api/audit/list",
            Access::Administrators,
            vec![("filter[action]", "sign_in".into())],
        ),
        ("/api/integrations/keys", Access::AdminOnly, vec![]),
        (
            "/api/integrations/create-key",
            Access::AdminOnly,
            vec![("name", "".into()), ("scopes[0]", "cohorts:read".into())],
        ),
        (
            "/api/integrations/revoke-key",
            Access::AdminOnly,
            vec![("key_id", ids.key.to_string())],
        ),
        (
            "/api/prefs/language",
            Access::Everyone,
            vec![("lang", "id".into())],
        ),
        ("/api/cohorts/catalogue", Access::Staff, vec![]),
        (
            "/api/cohorts/add-room",
            Access::Administrators,
            vec![("name", "".into()), ("capacity", "x".into())],
        ),
        (
            "/api/cohorts/add-programme",
            Access::AdminOnly,
            vec![
                ("code", "".into()),
                ("name", "".into()),
                ("track", "ssw".into()),
                ("language_target", "n4".into()),
            ],
        ),
        (
            "/api/cohorts/add-course",
            Access::AdminOnly,
            vec![
                ("code", "".into()),
                ("name", "".into()),
                ("level", "n4".into()),
                ("total_hours", "0".into()),
                ("units", "".into()),
            ],
        ),
        (
            "/api/cohorts/list",
            Access::Staff,
            vec![("filter[q]", "uji".into())],
        ),
        (
            "/api/cohorts/get",
            Access::SignedIn,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/cohorts/form",
            Access::Administrators,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/cohorts/create",
            Access::Administrators,
            vec![
                ("code", "".into()),
                ("capacity", "".into()),
                ("starts_on", "".into()),
                ("ends_on", "".into()),
            ],
        ),
        (
            "/api/cohorts/update",
            Access::Administrators,
            vec![
                ("cohort_id", cohort.clone()),
                ("code", "".into()),
                ("capacity", "".into()),
                ("starts_on", "".into()),
                ("ends_on", "".into()),
            ],
        ),
        ("/api/schedule/mine", Access::SignedIn, vec![]),
        (
            "/api/schedule/cohort",
            Access::SignedIn,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/schedule/generation",
            Access::Administrators,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/schedule/generate",
            Access::Administrators,
            vec![
                ("cohort_id", cohort.clone()),
                ("start_time", "".into()),
                ("end_time", "".into()),
                ("from", "".into()),
            ],
        ),
        (
            "/api/schedule/session",
            Access::SignedIn,
            vec![("session_id", session.clone())],
        ),
        (
            "/api/schedule/move",
            Access::Administrators,
            vec![
                ("session_id", session.clone()),
                ("date", "".into()),
                ("start_time", "".into()),
                ("end_time", "".into()),
                ("reason", "".into()),
            ],
        ),
        (
            "/api/schedule/cancel",
            Access::Administrators,
            vec![("session_id", session.clone()), ("reason", "".into())],
        ),
        (
            "/api/schedule/calendar",
            Access::Staff,
            vec![
                ("filter[view]", "month".into()),
                // The month of the world's site day off (2027-03-03).
                ("filter[date]", "2027-03-01".into()),
                ("filter[site]", ids.site.to_string()),
                ("filter[cohort]", cohort.clone()),
            ],
        ),
        (
            "/api/schedule/print",
            Access::SignedIn,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/schedule/holidays",
            Access::SignedIn,
            vec![("year", "2026".into())],
        ),
        (
            "/api/schedule/save-holiday",
            Access::AdminOnly,
            vec![
                ("date", "".into()),
                ("name", "".into()),
                ("kind", "national".into()),
            ],
        ),
        (
            "/api/schedule/delete-holiday",
            Access::AdminOnly,
            vec![("holiday_id", "999999".into())],
        ),
        (
            "/api/schedule/save-closure",
            Access::Administrators,
            vec![
                ("site_id", ids.site.to_string()),
                ("date", "".into()),
                ("name", "".into()),
            ],
        ),
        (
            "/api/schedule/delete-closure",
            Access::Administrators,
            vec![("closure_id", closure)],
        ),
        ("/api/schedule/feed-reset", Access::SignedIn, vec![]),
        ("/api/schedule/feed-revoke", Access::SignedIn, vec![]),
        // The notice of schedule changes is the trainees'; staff make the changes.
        ("/api/schedule/changes", Access::TraineeOnly, vec![]),
        (
            "/api/schedule/changes-seen",
            Access::TraineeOnly,
            vec![("seen_up_to", "2027-01-01T00:00:00Z".into())],
        ),
        (
            "/api/trainees/search",
            Access::Administrators,
            vec![("q", "budi".into())],
        ),
        (
            "/api/trainees/list",
            Access::Administrators,
            vec![("page", "1".into())],
        ),
        (
            "/api/trainees/get",
            Access::Administrators,
            vec![("trainee_id", record.clone())],
        ),
        (
            "/api/trainees/form",
            Access::Administrators,
            vec![("trainee_id", record.clone())],
        ),
        (
            "/api/trainees/save",
            Access::Administrators,
            vec![("nik", "".into()), ("full_name", "".into())],
        ),
        (
            "/api/trainees/save",
            Access::Administrators,
            vec![
                ("trainee_id", record),
                ("nik", "".into()),
                ("full_name", "".into()),
            ],
        ),
        (
            "/api/trainees/enroll",
            Access::Administrators,
            vec![("cohort_id", cohort.clone()), ("nik", "".into())],
        ),
        (
            "/api/trainees/change-status",
            Access::Administrators,
            vec![("enrollment_id", enrollment.clone()), ("status", "".into())],
        ),
        (
            "/api/trainees/roster",
            Access::Staff,
            vec![("cohort_id", cohort.clone())],
        ),
        ("/api/trainees/import-form", Access::Administrators, vec![]),
        (
            "/api/trainees/import-review",
            Access::Uploader,
            vec![("import_id", import.clone())],
        ),
        (
            "/api/trainees/import-confirm",
            Access::Uploader,
            vec![("import_id", import)],
        ),
        ("/api/trainees/profile", Access::TraineeOnly, vec![]),
        ("/api/attendance/overview", Access::Staff, vec![]),
        ("/api/attendance/mine", Access::TraineeOnly, vec![]),
        (
            "/api/attendance/roll-call",
            Access::Staff,
            vec![("session_id", session.clone())],
        ),
        // Whom to tell of a moved session: those who may move it.
        (
            "/api/attendance/change-notice",
            Access::Administrators,
            vec![("session_id", session.clone())],
        ),
        (
            "/api/attendance/save",
            Access::Staff,
            vec![("session_id", session.clone()), ("status[1]", "hadir".into())],
        ),
        (
            "/api/attendance/open-check-in",
            Access::Staff,
            vec![("session_id", session.clone())],
        ),
        (
            "/api/attendance/check-in-code",
            Access::Staff,
            vec![("session_id", session.clone())],
        ),
        (
            "/api/attendance/check-in",
            Access::TraineeOnly,
            vec![("code", "123456".into())],
        ),
        ("/api/attendance/excuses", Access::TraineeOnly, vec![]),
        (
            "/api/attendance/withdraw-excuse",
            Access::TraineeOnly,
            vec![("excuse_id", excuse.clone())],
        ),
        ("/api/attendance/review", Access::Administrators, vec![]),
        (
            "/api/attendance/decide",
            Access::Administrators,
            vec![("excuse_id", excuse), ("decision", "approve".into())],
        ),
        (
            "/api/attendance/cohort",
            Access::Staff,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/attendance/save-policy",
            Access::Administrators,
            vec![("cohort_id", cohort.clone()), ("late_weight", "".into())],
        ),
        (
            "/api/trainees/save-contact",
            Access::TraineeOnly,
            vec![("phone", "".into())],
        ),
        (
            "/api/readiness/dashboard",
            Access::Administrators,
            vec![("site_id", ids.site.to_string()), ("cohort_id", cohort.clone())],
        ),
        (
            "/api/readiness/trainee",
            Access::Administrators,
            vec![("trainee_id", ids.record.to_string())],
        ),
        ("/api/readiness/mine", Access::TraineeOnly, vec![]),
        (
            "/api/readiness/record-result",
            Access::Administrators,
            vec![("trainee_id", ids.record.to_string()), ("kind", "".into())],
        ),
        (
            "/api/readiness/delete-result",
            Access::Administrators,
            vec![("result_id", result)],
        ),
        (
            "/api/readiness/submit-document",
            Access::TraineeOnly,
            vec![("kind", "".into())],
        ),
        (
            "/api/readiness/review-document",
            Access::Administrators,
            vec![("trainee_id", ids.record.to_string()), ("kind", "".into())],
        ),
        (
            "/api/readiness/progress",
            Access::Staff,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/readiness/create-assessment",
            Access::Staff,
            vec![("cohort_id", cohort.clone()), ("kind", "".into())],
        ),
        (
            "/api/readiness/save-scores",
            Access::Staff,
            vec![("assessment_id", assessment)],
        ),
        (
            "/api/readiness/save-lessons",
            Access::Staff,
            vec![("cohort_id", cohort.clone())],
        ),
        ("/api/readiness/rules", Access::Staff, vec![]),
        (
            "/api/certificates/cohort",
            Access::Administrators,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/certificates/issue",
            Access::Administrators,
            vec![("enrollment_id", enrollment.clone()), ("kind", "".into())],
        ),
        (
            "/api/certificates/issue-cohort",
            Access::Administrators,
            vec![("cohort_id", cohort.clone())],
        ),
        (
            "/api/certificates/reissue",
            Access::Administrators,
            vec![("document_id", ids.paper.to_string()), ("reason", "".into())],
        ),
        (
            "/api/certificates/revoke",
            Access::Administrators,
            vec![("document_id", ids.paper.to_string()), ("reason", "".into())],
        ),
        ("/api/certificates/mine", Access::TraineeOnly, vec![]),
        (
            "/api/certificates/verify",
            Access::Everyone,
            vec![("code", "0000-0000-0000-0000-0000".into())],
        ),
        ("/api/certificates/settings", Access::AdminOnly, vec![]),
        (
            "/api/certificates/save-settings",
            Access::AdminOnly,
            vec![("site_id", ids.site.to_string())],
        ),
        (
            "/api/certificates/remove-logo",
            Access::AdminOnly,
            vec![("site_id", ids.site.to_string())],
        ),
        (
            "/api/readiness/save-rules",
            Access::AdminOnly,
            vec![("programme_id", "999999".into())],
        ),
    ]
}

/// A file route (as registered), its method, the address or form to send, and who may.
pub struct FileRow {
    pub route: &'static str,
    pub method: &'static str,
    pub path: String,
    pub access: Access,
    /// The fields of a multipart form (POST routes).
    pub form: Vec<(&'static str, String)>,
}

pub fn file_rows(ids: Ids) -> Vec<FileRow> {
    let get = |route: &'static str, path: String, access: Access| FileRow {
        route,
        method: "GET",
        path,
        access,
        form: Vec::new(),
    };
    let post = |route: &'static str, access: Access, form: Vec<(&'static str, String)>| FileRow {
        route,
        method: "POST",
        path: route.to_owned(),
        access,
        form,
    };
    let Ids {
        cohort,
        session,
        record,
        excuse,
        document,
        site,
        ..
    } = ids;
    vec![
        get("/healthz", "/healthz".into(), Access::Everyone),
        // The service worker: the same script for everyone, no data in it.
        get("/sw.js", "/sw.js".into(), Access::Everyone),
        // A capability address: whoever holds the secret reads it (see the object matrix).
        get(
            "/ical/{file}",
            "/ical/tidak-ada-alamat-ini.ics".into(),
            Access::Everyone,
        ),
        get(
            "/angkatan/{id}/jadwal.ics",
            format!("/angkatan/{cohort}/jadwal.ics"),
            Access::SignedIn,
        ),
        post(
            "/peserta/unggah",
            Access::Administrators,
            vec![("site_id", site.to_string()), ("cohort_id", cohort.to_string())],
        ),
        get(
            "/peserta/ekspor",
            "/peserta/ekspor?format=csv".into(),
            Access::Administrators,
        ),
        get(
            "/angkatan/{id}/peserta/ekspor",
            format!("/angkatan/{cohort}/peserta/ekspor?format=csv"),
            Access::Staff,
        ),
        post(
            "/izin/ajukan",
            Access::TraineeOnly,
            vec![
                ("session_id", session.to_string()),
                ("kind", "izin".into()),
                ("reason", "Keperluan keluarga".into()),
            ],
        ),
        get(
            "/izin/{id}/surat",
            format!("/izin/{excuse}/surat"),
            Access::SignedIn,
        ),
        get(
            "/angkatan/{id}/kehadiran/ekspor",
            format!("/angkatan/{cohort}/kehadiran/ekspor?format=csv"),
            Access::Staff,
        ),
        post(
            "/kesiapan/pindaian",
            Access::SignedIn,
            vec![("trainee_id", record.to_string()), ("kind", "paspor".into())],
        ),
        get(
            "/kesiapan/dokumen/{id}/pindaian",
            format!("/kesiapan/dokumen/{document}/pindaian"),
            Access::SignedIn,
        ),
        get(
            "/kesiapan/ekspor",
            "/kesiapan/ekspor?format=csv".into(),
            Access::Administrators,
        ),
        // A certificate or letter: its site's staff and the trainee (the object matrix).
        get(
            "/sertifikat/{id}/pdf",
            format!("/sertifikat/{}/pdf", ids.paper),
            Access::SignedIn,
        ),
        get(
            "/angkatan/{id}/sertifikat/cetak",
            format!("/angkatan/{cohort}/sertifikat/cetak"),
            Access::Administrators,
        ),
        post(
            "/pengaturan-dokumen/logo",
            Access::AdminOnly,
            vec![("site_id", site.to_string())],
        ),
    ]
}

pub fn page_rows(ids: Ids) -> Vec<(&'static str, String, Access)> {
    let Ids {
        target,
        cohort,
        session,
        record,
        import,
        ..
    } = ids;
    vec![
        ("/", "/".into(), Access::Everyone),
        ("/masuk", "/masuk".into(), Access::Everyone),
        ("/aktivasi", "/aktivasi".into(), Access::Everyone),
        ("/akun", "/akun".into(), Access::SignedIn),
        ("/pengguna", "/pengguna".into(), Access::Administrators),
        ("/pengguna/baru", "/pengguna/baru".into(), Access::Administrators),
        (
            "/pengguna/{id}",
            format!("/pengguna/{target}"),
            Access::Administrators,
        ),
        ("/audit", "/audit".into(), Access::Administrators),
        ("/integrasi", "/integrasi".into(), Access::AdminOnly),
        ("/program", "/program".into(), Access::Staff),
        ("/angkatan", "/angkatan".into(), Access::Staff),
        ("/angkatan/baru", "/angkatan/baru".into(), Access::Administrators),
        (
            "/angkatan/{id}/ubah",
            format!("/angkatan/{cohort}/ubah"),
            Access::Administrators,
        ),
        ("/angkatan/{id}", format!("/angkatan/{cohort}"), Access::SignedIn),
        (
            "/angkatan/{id}/jadwalkan",
            format!("/angkatan/{cohort}/jadwalkan"),
            Access::Administrators,
        ),
        (
            "/angkatan/{id}/cetak",
            format!("/angkatan/{cohort}/cetak"),
            Access::SignedIn,
        ),
        ("/sesi/{id}", format!("/sesi/{session}"), Access::SignedIn),
        ("/jadwal", "/jadwal".into(), Access::SignedIn),
        ("/kalender", "/kalender".into(), Access::Staff),
        ("/libur", "/libur".into(), Access::SignedIn),
        ("/peserta", "/peserta".into(), Access::Administrators),
        ("/peserta/baru", "/peserta/baru".into(), Access::Administrators),
        ("/peserta/impor", "/peserta/impor".into(), Access::Administrators),
        (
            "/peserta/impor/{id}",
            format!("/peserta/impor/{import}"),
            Access::Uploader,
        ),
        (
            "/peserta/{id}",
            format!("/peserta/{record}"),
            Access::Administrators,
        ),
        (
            "/peserta/{id}/ubah",
            format!("/peserta/{record}/ubah"),
            Access::Administrators,
        ),
        (
            "/angkatan/{id}/peserta",
            format!("/angkatan/{cohort}/peserta"),
            Access::Staff,
        ),
        ("/profil", "/profil".into(), Access::TraineeOnly),
        ("/kehadiran", "/kehadiran".into(), Access::SignedIn),
        ("/hadir", "/hadir".into(), Access::TraineeOnly),
        ("/izin", "/izin".into(), Access::TraineeOnly),
        ("/izin/tinjau", "/izin/tinjau".into(), Access::Administrators),
        (
            "/sesi/{id}/absen",
            format!("/sesi/{session}/absen"),
            Access::Staff,
        ),
        ("/sesi/{id}/kode", format!("/sesi/{session}/kode"), Access::Staff),
        (
            "/sesi/{id}/daftar-hadir",
            format!("/sesi/{session}/daftar-hadir"),
            Access::Staff,
        ),
        (
            "/angkatan/{id}/kehadiran",
            format!("/angkatan/{cohort}/kehadiran"),
            Access::Staff,
        ),
        (
            "/angkatan/{id}/kehadiran/cetak",
            format!("/angkatan/{cohort}/kehadiran/cetak"),
            Access::Staff,
        ),
        ("/kesiapan", "/kesiapan".into(), Access::Administrators),
        ("/kesiapan/aturan", "/kesiapan/aturan".into(), Access::Staff),
        (
            "/kesiapan/peserta/{id}",
            format!("/kesiapan/peserta/{record}"),
            Access::Administrators,
        ),
        ("/kesiapan-saya", "/kesiapan-saya".into(), Access::TraineeOnly),
        (
            "/angkatan/{id}/nilai",
            format!("/angkatan/{cohort}/nilai"),
            Access::Staff,
        ),
        (
            "/angkatan/{id}/sertifikat",
            format!("/angkatan/{cohort}/sertifikat"),
            Access::Administrators,
        ),
        ("/sertifikat-saya", "/sertifikat-saya".into(), Access::TraineeOnly),
        (
            "/pengaturan-dokumen",
            "/pengaturan-dokumen".into(),
            Access::AdminOnly,
        ),
        (
            "/verifikasi/{code}",
            "/verifikasi/0000-0000-0000-0000-0000".into(),
            Access::Everyone,
        ),
    ]
}
