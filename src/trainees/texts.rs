//! The trainees area's texts (Indonesian, English) and its notices.

use serde::{Deserialize, Serialize};

use super::model::enrollment::EnrollmentStatus;
use super::model::{Education, Source};
use crate::kernel::i18n::texts;
use crate::kernel::identity::Sex;
use crate::kernel::Text;
use crate::platform::flash::AreaNotice;

texts! {
    pub struct T {
        NavTrainees => "Peserta", "Trainees";
        LinkTraineesDesc => "Data peserta, pendaftaran ke angkatan, impor dari Excel, ekspor.", "Trainee records, enrollment in cohorts, import from Excel, export.";
        NavProfile => "Data saya", "My details";
        LinkProfileDesc => "Data diri dan kontak Anda; perbaiki nomor HP dan alamat.", "Your record and contact details; correct your phone and address.";

        TraineesTitle => "Peserta", "Trainees";
        NewTrainee => "Daftarkan peserta", "Register a trainee";
        ImportTrainees => "Impor dari Excel/CSV", "Import from Excel/CSV";
        ExportCsv => "Ekspor CSV", "Export CSV";
        ExportXlsx => "Ekspor Excel (.xlsx)", "Export Excel (.xlsx)";
        ExportEnrollmentsCsv => "Ekspor pendaftaran (CSV)", "Export enrollments (CSV)";
        ExportEnrollmentsXlsx => "Ekspor pendaftaran (.xlsx)", "Export enrollments (.xlsx)";
        SearchLabel => "Nama, NIK, atau nomor HP", "Name, NIK or phone";
        FilterCohort => "Angkatan", "Cohort";
        FilterStatus => "Status pendaftaran", "Enrollment status";
        FilterRegency => "Kabupaten/kota", "Regency";
        OutsideBantenChoice => "Luar Banten", "Outside Banten";
        TraineesCount => "{n} peserta", "{n} trainees";
        NoTrainees => "Tidak ada peserta yang cocok.", "No matching trainees.";
        NotEnrolled => "Belum terdaftar di angkatan", "Not in a cohort yet";
        NoAccount => "Belum punya akun", "No account yet";
        UnlinkedTitle => "Akun peserta tanpa data peserta ({n})", "Trainee accounts without a record ({n})";
        UnlinkedHint => "Akun ini dibuat sebelum ada data peserta. Lengkapi datanya (NIK, tanggal lahir, alamat) agar bisa didaftarkan ke angkatan.", "These accounts were made before their trainee record. Complete the record (NIK, birth date, address) so they can be enrolled.";
        OutsideBanten => "Luar Banten", "Outside Banten";

        FieldNik => "NIK", "NIK";
        FieldNikHint => "16 digit sesuai e-KTP. Tanggal lahir dan jenis kelamin harus sama dengan yang tercantum di NIK.", "16 digits, as on the e-KTP. Birth date and sex must match what the NIK encodes.";
        FieldFullName => "Nama lengkap sesuai KTP", "Full name as on the KTP";
        FieldBirthPlace => "Tempat lahir", "Place of birth";
        FieldBirthDate => "Tanggal lahir", "Date of birth";
        FieldSex => "Jenis kelamin", "Sex";
        SexFemale => "Perempuan", "Female";
        SexMale => "Laki-laki", "Male";
        FieldAddress => "Alamat", "Address";
        FieldRegency => "Kabupaten/kota", "Regency (kabupaten/kota)";
        FieldRegencyHint => "Kosongkan untuk memakai kabupaten/kota dari NIK.", "Leave empty to use the regency of the NIK.";
        FromNik => "— sesuai NIK —", "— as in the NIK —";
        OtherRegency => "Luar Banten (tulis di bawah)", "Outside Banten (write below)";
        FieldRegencyOther => "Kabupaten/kota di luar Banten", "Regency outside Banten";
        FieldPhone => "Nomor HP (WhatsApp)", "Phone (WhatsApp)";
        FieldEmail => "E-mail", "E-mail";
        FieldEducation => "Pendidikan terakhir", "Education";
        FieldProgramme => "Program / sektor tujuan", "Target programme / sector";
        FieldGuardianName => "Nama wali / kontak darurat", "Guardian / emergency contact";
        FieldGuardianRelation => "Hubungan", "Relationship";
        FieldGuardianPhone => "Nomor HP wali", "Guardian's phone";
        FieldSource => "Tahu program dari", "Heard of the programme from";
        FieldIdPmi => "ID PMI (akun SIAPkerja)", "ID PMI (SIAPkerja account)";
        FieldIdPmiHint => "Dari akun SIAPkerja Kemnaker, seperti tertulis: 4–40 huruf, angka, -, / atau .", "From the person's Kemnaker SIAPkerja account, as written: 4–40 letters, digits, -, / or .";
        FieldSiskop2mi => "Nomor registrasi SISKOP2MI", "SISKOP2MI registration number";
        FieldSiskop2miHint => "Dari pendaftaran di SISKOP2MI (BP3MI), seperti tertulis: 4–40 huruf, angka, -, / atau .", "From the SISKOP2MI registration (BP3MI), as written: 4–40 letters, digits, -, / or .";
        FieldNotes => "Catatan", "Notes";
        FieldSite => "Lokasi", "Site";
        FieldCreateAccount => "Buat juga akun masuk dengan kode aktivasi", "Also create a sign-in account with an activation code";
        FieldCreateAccountHint => "Perlu nomor HP. Kode aktivasi ditampilkan sekali setelah disimpan.", "Needs a phone number. The activation code is shown once after saving.";
        Choose => "— pilih —", "— choose —";
        NoneChosen => "— belum ada —", "— none —";
        SaveTrainee => "Simpan data peserta", "Save the trainee";
        NewTraineeTitle => "Daftarkan peserta", "Register a trainee";
        EditTraineeTitle => "Ubah data {name}", "Edit {name}";
        BackToTrainees => "Kembali ke daftar peserta", "Back to trainees";

        EduUnspecified => "Belum diisi", "Not given";
        EduSd => "SD / MI", "Primary school";
        EduSmp => "SMP / MTs", "Junior high school";
        EduSma => "SMA / SMK / MA", "Senior high school";
        EduDiploma => "Diploma (D1–D4)", "Diploma (D1–D4)";
        EduSarjana => "Sarjana (S1+)", "Bachelor or higher";
        SrcKawanPmi => "Kawan PMI", "Kawan PMI";
        SrcSosialisasi => "Sosialisasi", "Outreach session";
        SrcWalkIn => "Datang langsung", "Walk-in";
        SrcDinas => "Dinas tenaga kerja", "Manpower office";
        SrcLpk => "LPK", "Training institute (LPK)";
        SrcSocialMedia => "Media sosial", "Social media";
        SrcReferral => "Teman / keluarga", "Friends / family";
        SrcOther => "Lainnya", "Other";

        StApplied => "Mendaftar", "Applied";
        StAccepted => "Diterima", "Accepted";
        StWaitlisted => "Daftar tunggu", "Waitlisted";
        StRejected => "Ditolak", "Rejected";
        StActive => "Aktif", "Active";
        StCompleted => "Lulus / selesai", "Completed";
        StWithdrawn => "Mengundurkan diri", "Withdrawn";
        StTransferred => "Pindah angkatan", "Transferred";
        DoAccepted => "Terima", "Accept";
        DoWaitlisted => "Masukkan daftar tunggu", "Waitlist";
        DoRejected => "Tolak", "Reject";
        DoActive => "Mulai aktif", "Start";
        DoCompleted => "Selesai", "Complete";
        DoWithdrawn => "Mengundurkan diri", "Withdraw";
        DoTransferred => "Pindahkan", "Transfer";

        ProfileTitle => "Data diri", "Personal details";
        ContactTitle => "Kontak dan alamat", "Contact and address";
        GuardianTitle => "Wali / kontak darurat", "Guardian / emergency contact";
        RegistryNumbersTitle => "Nomor di sistem pemerintah", "Numbers in government systems";
        EnrollmentsTitle => "Angkatan", "Cohorts";
        HistoryTitle => "Riwayat", "History";
        NoEnrollments => "Belum terdaftar di angkatan mana pun.", "Not enrolled in any cohort.";
        Joined => "Mulai", "Joined";
        Left => "Keluar", "Left";
        By => "oleh", "by";
        EnrollTitle => "Daftarkan ke angkatan", "Enroll in a cohort";
        EnrollButton => "Daftarkan", "Enroll";
        EditTrainee => "Ubah data", "Edit";
        AccountTitle => "Akun", "Account";
        AccountActive => "Aktif", "Active";
        AccountPending => "Menunggu aktivasi", "Awaiting activation";
        AccountDeactivated => "Nonaktif", "Deactivated";
        OpenAccount => "Buka akun", "Open the account";
        CreateAccount => "Buat akun dengan kode aktivasi", "Create an account with an activation code";
        NikOutsideBanten => "NIK dari luar Banten ({province}).", "NIK from outside Banten ({province}).";

        RosterTitle => "Peserta {code}", "Trainees of {code}";
        RosterLink => "Daftar peserta", "Trainees";
        SeatsSummary => "{taken} dari {capacity} kursi terisi.", "{taken} of {capacity} seats taken.";
        WaitlistPosition => "Urutan tunggu {n}", "Waitlist position {n}";
        RosterEmpty => "Belum ada pendaftar.", "No applications yet.";
        AddToCohort => "Tambah pendaftar", "Add an applicant";
        AddToCohortHint => "Ketik NIK peserta yang sudah terdaftar.", "Type the NIK of a registered trainee.";
        FieldReason => "Alasan", "Reason";
        FieldReasonHint => "Wajib untuk ditolak, mengundurkan diri, dan pindah angkatan.", "Required to reject, withdraw and transfer.";
        FieldDate => "Tanggal", "Date";
        FieldDateHint => "Tanggal mulai aktif atau keluar (bawaan hari ini).", "The day the person starts or leaves (default today).";
        FieldTarget => "Pindah ke angkatan", "Transfer to";
        ChangeStatus => "Ubah status", "Change status";
        ApplyChange => "Simpan", "Save";
        BackToCohort => "Kembali ke angkatan", "Back to the cohort";

        ImportTitle => "Impor peserta dari Excel / CSV", "Import trainees from Excel / CSV";
        ImportIntro => "Simpan lembar Excel atau Google Sheets sebagai CSV (koma atau titik koma), lalu unggah. Judul kolom dikenali dalam bahasa Indonesia atau Inggris (NIK, Nama, Tempat Lahir, Tanggal Lahir, L/P, Alamat, Kab/Kota, No HP, …); kolom lain diabaikan. Setiap baris diperiksa dulu; belum ada yang disimpan sebelum Anda mengonfirmasi.", "Save the Excel or Google Sheets sheet as CSV (comma or semicolon) and upload it. Column headers are recognised in Indonesian or English (NIK, Name, Place of birth, Date of birth, Sex, Address, Regency, Phone, …); other columns are ignored. Every row is checked first; nothing is saved until you confirm.";
        FieldFile => "Berkas CSV", "CSV file";
        FieldFileHint => "Maksimal {n} KB, hingga 20.000 baris.", "At most {n} KB, up to 20,000 rows.";
        FieldImportCohort => "Sekaligus daftarkan ke angkatan", "Also enroll in cohort";
        CheckFile => "Periksa berkas", "Check the file";
        ReviewTitle => "Hasil pemeriksaan {file}", "Check of {file}";
        ReviewCounts => "{rows} baris: {accepted} siap diimpor, {refused} ditolak.", "{rows} rows: {accepted} ready to import, {refused} refused.";
        RefusedRows => "Baris yang ditolak", "Refused rows";
        Row => "Baris", "Row";
        Reason => "Alasan", "Reason";
        ReadyRows => "Contoh baris yang siap", "Some rows ready to import";
        ConfirmImport => "Impor {n} peserta", "Import {n} trainees";
        ConfirmHint => "Semua baris yang siap disimpan sekaligus; baris yang ditolak dilewati. Untuk berkas besar proses ini butuh beberapa detik.", "All ready rows are saved at once; refused rows are skipped. Large files take a few seconds.";
        Importing => "Mengimpor… mohon tunggu.", "Importing… please wait.";
        NothingToImport => "Tidak ada baris yang bisa diimpor. Perbaiki berkasnya lalu unggah lagi.", "No row can be imported. Fix the file and upload it again.";
        ImportedResult => "{n} peserta diimpor.", "{n} trainees imported.";
        UploadAnother => "Unggah berkas lain", "Upload another file";
        MoreRefused => "… dan {n} baris lain.", "… and {n} more rows.";

        MyDetailsTitle => "Data saya", "My details";
        MyDetailsIntro => "NIK dan data KTP hanya bisa diubah koordinator. Perbaiki sendiri kontak dan alamat Anda di sini.", "Your NIK and KTP data can only be changed by your coordinator. Correct your contact details and address here.";
        SaveContact => "Simpan kontak", "Save contact details";
        NoRecord => "Data peserta Anda belum dibuat. Hubungi koordinator.", "Your trainee record has not been created yet. Please contact your coordinator.";

        NoticeTraineeSaved => "Data {name} disimpan.", "{name}'s record was saved.";
        NoticeEnrolled => "Pendaftaran ke {cohort} dicatat.", "Enrollment in {cohort} recorded.";
        NoticeStatusChanged => "{name}: {status}.", "{name}: {status}.";
        NoticeSeatOffered => "Kursi yang kosong diberikan kepada {name} dari daftar tunggu.", "The free seat went to {name} from the waitlist.";
        NoticeContactSaved => "Kontak Anda disimpan.", "Your contact details were saved.";
    }
}

pub fn status_text(status: EnrollmentStatus) -> Text {
    match status {
        EnrollmentStatus::Applied => T::StApplied,
        EnrollmentStatus::Accepted => T::StAccepted,
        EnrollmentStatus::Waitlisted => T::StWaitlisted,
        EnrollmentStatus::Rejected => T::StRejected,
        EnrollmentStatus::Active => T::StActive,
        EnrollmentStatus::Completed => T::StCompleted,
        EnrollmentStatus::Withdrawn => T::StWithdrawn,
        EnrollmentStatus::Transferred => T::StTransferred,
    }
}

/// The button that moves someone to `status`.
pub fn action_text(status: EnrollmentStatus) -> Text {
    match status {
        EnrollmentStatus::Applied => T::StApplied,
        EnrollmentStatus::Accepted => T::DoAccepted,
        EnrollmentStatus::Waitlisted => T::DoWaitlisted,
        EnrollmentStatus::Rejected => T::DoRejected,
        EnrollmentStatus::Active => T::DoActive,
        EnrollmentStatus::Completed => T::DoCompleted,
        EnrollmentStatus::Withdrawn => T::DoWithdrawn,
        EnrollmentStatus::Transferred => T::DoTransferred,
    }
}

pub fn education_text(education: Education) -> Text {
    match education {
        Education::Unspecified => T::EduUnspecified,
        Education::Sd => T::EduSd,
        Education::Smp => T::EduSmp,
        Education::Sma => T::EduSma,
        Education::Diploma => T::EduDiploma,
        Education::Sarjana => T::EduSarjana,
    }
}

pub fn source_text(source: Source) -> Text {
    match source {
        Source::KawanPmi => T::SrcKawanPmi,
        Source::Sosialisasi => T::SrcSosialisasi,
        Source::WalkIn => T::SrcWalkIn,
        Source::Dinas => T::SrcDinas,
        Source::Lpk => T::SrcLpk,
        Source::SocialMedia => T::SrcSocialMedia,
        Source::Referral => T::SrcReferral,
        Source::Other => T::SrcOther,
    }
}

pub fn sex_text(sex: Sex) -> Text {
    match sex {
        Sex::Female => T::SexFemale,
        Sex::Male => T::SexMale,
    }
}

/// The label of a record field, for the import report.
pub fn field_text(field: &str) -> Text {
    match field {
        "nik" => T::FieldNik,
        "full_name" => T::FieldFullName,
        "birth_place" => T::FieldBirthPlace,
        "birth_date" => T::FieldBirthDate,
        "sex" => T::FieldSex,
        "address" => T::FieldAddress,
        "regency_code" | "regency_other" => T::FieldRegency,
        "phone" => T::FieldPhone,
        "email" => T::FieldEmail,
        "education" => T::FieldEducation,
        "programme_id" => T::FieldProgramme,
        "guardian_name" => T::FieldGuardianName,
        "guardian_relation" => T::FieldGuardianRelation,
        "guardian_phone" => T::FieldGuardianPhone,
        "source" => T::FieldSource,
        "notes" => T::FieldNotes,
        "id_pmi" => T::FieldIdPmi,
        "siskop2mi_no" => T::FieldSiskop2mi,
        _ => T::Reason,
    }
}

/// What the trainees area confirms once after a successful form post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    TraineeSaved(String),
    Enrolled(String),
    StatusChanged {
        name: String,
        status: EnrollmentStatus,
    },
    /// A freed seat went to this person on the waitlist.
    SeatOffered(String),
    ContactSaved,
}

impl AreaNotice for Notice {
    const AREA: &'static str = "trainees";
}
