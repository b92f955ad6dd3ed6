//! The audit area's texts (Indonesian, English).

use super::model::{AuditAction, Outcome};
use crate::kernel::i18n::texts;
use crate::kernel::Text;

texts! {
    pub struct T {
        NavAudit => "Log audit", "Audit log";
        LinkAuditDesc => "Lihat siapa melakukan apa, kapan, dan dari mana.", "See who did what, when, and from where.";
        AuditTitle => "Log audit", "Audit log";
        FilterAction => "Aksi", "Action";
        FilterOutcome => "Hasil", "Outcome";
        FilterPerson => "Orang atau login", "Person or login";
        FilterFrom => "Dari tanggal", "From";
        FilterTo => "Sampai tanggal", "To";
        ColumnTime => "Waktu (WIB)", "Time (WIB)";
        ColumnActor => "Pelaku", "By";
        ColumnSubject => "Akun", "Account";
        ColumnDetail => "Rincian", "Detail";
        NoEntries => "Tidak ada entri yang cocok.", "No matching entries.";
        OlderEntries => "Entri lebih lama", "Older entries";
        NewestEntries => "Ke entri terbaru", "Back to newest";
        ActSignIn => "Masuk", "Sign-in";
        ActSignOut => "Keluar", "Sign-out";
        ActActivate => "Aktivasi", "Activation";
        ActPasswordChange => "Ganti kata sandi", "Password change";
        ActSessionEnd => "Mengeluarkan perangkat", "Device signed out";
        ActSessionsEndOthers => "Mengeluarkan perangkat lain", "Other devices signed out";
        ActUserCreate => "Buat akun", "Account created";
        ActUserDeactivate => "Nonaktifkan akun", "Account deactivated";
        ActUserReactivate => "Aktifkan kembali akun", "Account reactivated";
        ActUserRoleChange => "Ubah peran", "Role changed";
        ActCodeIssue => "Terbitkan kode", "Code issued";
        ActDemoSeed => "Data demo", "Demo data";
        ActCliUserCreate => "Buat akun (baris perintah)", "Account created (command line)";
        ActCohortCreate => "Buat angkatan", "Cohort created";
        ActCohortUpdate => "Ubah angkatan", "Cohort changed";
        ActCatalogueAdd => "Tambah program/kursus/ruang", "Programme, course or room added";
        ActSessionsGenerate => "Buat jadwal sesi", "Sessions generated";
        ActSessionMove => "Pindah sesi", "Session moved";
        ActSessionCancel => "Batalkan sesi", "Session cancelled";
        ActHolidaySave => "Simpan hari libur", "Holiday saved";
        ActHolidayDelete => "Hapus hari libur", "Holiday deleted";
        ActClosureSave => "Tambah hari libur lokasi", "Site day off added";
        ActClosureDelete => "Hapus hari libur lokasi", "Site day off deleted";
        ActCalendarFeedChange => "Ubah tautan kalender", "Calendar link changed";
        ActTraineeCreate => "Daftarkan peserta", "Trainee registered";
        ActTraineeUpdate => "Ubah data peserta", "Trainee record changed";
        ActTraineeImport => "Impor peserta", "Trainees imported";
        ActEnrollmentChange => "Ubah pendaftaran", "Enrollment changed";
        ActContactUpdate => "Ubah kontak sendiri", "Own contact details changed";
        ActTraineeExport => "Ekspor data peserta", "Trainee data exported";
        ActAttendanceSave => "Absen disimpan", "Roll call saved";
        ActAttendanceCheckIn => "Presensi mandiri", "Self check-in";
        ActAttendanceAuto => "Alpa otomatis (tidak diabsen)", "Automatic absences (left unmarked)";
        ActAttendancePolicy => "Aturan kehadiran diubah", "Attendance rules changed";
        ActAttendanceExport => "Ekspor kehadiran", "Attendance exported";
        ActExcuseRequest => "Pengajuan izin", "Excuse requested";
        ActExcuseDecide => "Keputusan izin", "Excuse decided";
        ActResultRecord => "Hasil ujian dicatat", "Result recorded";
        ActResultDelete => "Hasil ujian dihapus", "Result deleted";
        ActPaperIssue => "Sertifikat/surat diterbitkan", "Certificate or letter issued";
        ActPaperRevoke => "Sertifikat/surat dicabut", "Certificate or letter revoked";
        ActPaperSettings => "Pengaturan dokumen diubah", "Document settings changed";
        ActDocumentUpdate => "Dokumen diperbarui", "Document updated";
        ActDocumentReview => "Dokumen diperiksa", "Document reviewed";
        ActAssessmentCreate => "Penilaian dibuat", "Assessment created";
        ActScoresSave => "Nilai disimpan", "Scores saved";
        ActUnitsTaught => "Materi diajarkan dicatat", "Units taught recorded";
        ActRequirementsSave => "Syarat kesiapan diubah", "Readiness rules changed";
        ActReadinessExport => "Ekspor kesiapan", "Readiness exported";
        ActIntegrationKeyCreate => "Buat kunci integrasi", "Integration key created";
        ActIntegrationKeyRevoke => "Cabut kunci integrasi", "Integration key revoked";
        ActPersonalDataRead => "Data pribadi dibaca lewat API", "Personal data read through the API";
        OutSuccess => "Berhasil", "Success";
        OutFailure => "Gagal", "Failed";
        OutRefused => "Ditolak", "Refused";
    }
}

pub fn action_text(action: AuditAction) -> Text {
    match action {
        AuditAction::SignIn => T::ActSignIn,
        AuditAction::SignOut => T::ActSignOut,
        AuditAction::Activate => T::ActActivate,
        AuditAction::PasswordChange => T::ActPasswordChange,
        AuditAction::SessionEnd => T::ActSessionEnd,
        AuditAction::SessionsEndOthers => T::ActSessionsEndOthers,
        AuditAction::UserCreate => T::ActUserCreate,
        AuditAction::UserDeactivate => T::ActUserDeactivate,
        AuditAction::UserReactivate => T::ActUserReactivate,
        AuditAction::UserRoleChange => T::ActUserRoleChange,
        AuditAction::CodeIssue => T::ActCodeIssue,
        AuditAction::DemoSeed => T::ActDemoSeed,
        AuditAction::CliUserCreate => T::ActCliUserCreate,
        AuditAction::CohortCreate => T::ActCohortCreate,
        AuditAction::CohortUpdate => T::ActCohortUpdate,
        AuditAction::CatalogueAdd => T::ActCatalogueAdd,
        AuditAction::SessionsGenerate => T::ActSessionsGenerate,
        AuditAction::SessionMove => T::ActSessionMove,
        AuditAction::SessionCancel => T::ActSessionCancel,
        AuditAction::HolidaySave => T::ActHolidaySave,
        AuditAction::HolidayDelete => T::ActHolidayDelete,
        AuditAction::ClosureSave => T::ActClosureSave,
        AuditAction::ClosureDelete => T::ActClosureDelete,
        AuditAction::CalendarFeedChange => T::ActCalendarFeedChange,
        AuditAction::TraineeCreate => T::ActTraineeCreate,
        AuditAction::TraineeUpdate => T::ActTraineeUpdate,
        AuditAction::TraineeImport => T::ActTraineeImport,
        AuditAction::EnrollmentChange => T::ActEnrollmentChange,
        AuditAction::ContactUpdate => T::ActContactUpdate,
        AuditAction::TraineeExport => T::ActTraineeExport,
        AuditAction::AttendanceSave => T::ActAttendanceSave,
        AuditAction::AttendanceCheckIn => T::ActAttendanceCheckIn,
        AuditAction::AttendanceAuto => T::ActAttendanceAuto,
        AuditAction::AttendancePolicy => T::ActAttendancePolicy,
        AuditAction::AttendanceExport => T::ActAttendanceExport,
        AuditAction::ExcuseRequest => T::ActExcuseRequest,
        AuditAction::ExcuseDecide => T::ActExcuseDecide,
        AuditAction::ResultRecord => T::ActResultRecord,
        AuditAction::ResultDelete => T::ActResultDelete,
        AuditAction::PaperIssue => T::ActPaperIssue,
        AuditAction::PaperRevoke => T::ActPaperRevoke,
        AuditAction::PaperSettings => T::ActPaperSettings,
        AuditAction::DocumentUpdate => T::ActDocumentUpdate,
        AuditAction::DocumentReview => T::ActDocumentReview,
        AuditAction::AssessmentCreate => T::ActAssessmentCreate,
        AuditAction::ScoresSave => T::ActScoresSave,
        AuditAction::UnitsTaught => T::ActUnitsTaught,
        AuditAction::RequirementsSave => T::ActRequirementsSave,
        AuditAction::ReadinessExport => T::ActReadinessExport,
        AuditAction::IntegrationKeyCreate => T::ActIntegrationKeyCreate,
        AuditAction::IntegrationKeyRevoke => T::ActIntegrationKeyRevoke,
        AuditAction::PersonalDataRead => T::ActPersonalDataRead,
    }
}

pub fn outcome_text(outcome: Outcome) -> Text {
    match outcome {
        Outcome::Success => T::OutSuccess,
        Outcome::Failure => T::OutFailure,
        Outcome::Refused => T::OutRefused,
    }
}
