//! Every text the interface shows, in Bahasa Indonesia (the default) and English.
//!
//! Components never hold literals: they ask for a key. The `texts!` table makes a missing
//! translation a compile error. Texts with `{…}` placeholders are filled by [`fill`].

use serde::{Deserialize, Serialize};

use crate::accounts::dto::AccountStatus;
use crate::accounts::model::Role;
use crate::error::{AppError, Problem};
use crate::identity::NikProblem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Id,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Id, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Id => "id",
            Locale::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim() {
            "id" => Some(Locale::Id),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Id => "Bahasa Indonesia",
            Locale::En => "English",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A text of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key,)* }

        impl T {
            pub const fn get(self, locale: Locale) -> &'static str {
                match locale {
                    Locale::Id => match self { $(T::$key => $id,)* },
                    Locale::En => match self { $(T::$key => $en,)* },
                }
            }
        }
    };
}

texts! {
    AppName => "Siap Jepang", "Siap Jepang";
    Tagline => "Pelatihan bahasa Jepang untuk CPMI", "Japanese-language training for CPMI";
    SkipToContent => "Langsung ke isi", "Skip to content";
    MainNavigation => "Navigasi utama", "Main navigation";
    NavHome => "Beranda", "Home";
    NavAccount => "Akun saya", "My account";
    NavUsers => "Pengguna", "Users";
    NavAudit => "Log audit", "Audit log";
    NavSignIn => "Masuk", "Sign in";
    NavSignOut => "Keluar", "Sign out";
    NavActivate => "Aktivasi akun", "Activate account";
    SignedInAs => "Masuk sebagai", "Signed in as";
    Language => "Bahasa", "Language";
    LanguageApply => "Ganti bahasa", "Change language";
    FooterOrg => "UPT BP2MI Serang · BBPLK Serang", "UPT BP2MI Serang · BBPLK Serang";
    FooterTime => "Semua waktu dalam WIB (UTC+7).", "All times are WIB (UTC+7).";

    RoleTrainee => "Peserta (CPMI)", "Trainee (CPMI)";
    RoleInstructor => "Pengajar", "Instructor";
    RoleCoordinator => "Koordinator", "Coordinator";
    RoleAdmin => "Admin", "Admin";

    LandingTitle => "Siap bekerja di Jepang", "Ready to work in Japan";
    LandingIntro => "Siap Jepang adalah aplikasi pelatihan bahasa Jepang UPT BP2MI Serang dan BBPLK Serang untuk calon pekerja migran Indonesia (CPMI) yang akan bekerja di sektor formal di Jepang secara resmi dan sesuai prosedur.", "Siap Jepang is the Japanese-language training app of UPT BP2MI Serang and BBPLK Serang for Indonesian migrant-worker candidates (CPMI) heading to formal jobs in Japan, legally and by procedure.";
    LandingTrainees => "Peserta melihat jadwal kelas dan kehadirannya dari ponsel.", "Trainees check their class schedule and attendance on their phones.";
    LandingInstructors => "Pengajar mencatat kehadiran kelas yang mereka ajar.", "Instructors take attendance in the classes they teach.";
    LandingCoordinators => "Koordinator mengelola angkatan dan menentukan siapa yang siap ditempatkan.", "Coordinators run cohorts and decide who is ready for placement.";
    LandingTracksTitle => "Jalur penempatan dan syarat bahasa", "Placement tracks and their language bar";
    TrackSsw => "SSW / Tokutei Ginou: JFT-Basic A2 (nilai ≥ 200 dari 250) atau JLPT N4, ditambah uji keterampilan sektor.", "SSW / Tokutei Ginou: JFT-Basic A2 (≥ 200 of 250) or JLPT N4, plus the sector skills test.";
    TrackKaigo => "SSW perawat lansia (kaigo): JFT-Basic atau N4, ditambah uji bahasa dan keterampilan perawatan.", "SSW caregiving (kaigo): JFT-Basic or N4, plus the nursing-care language and skills tests.";
    TrackTitp => "TITP / IM Japan (magang): pelatihan kerja 3 sampai 5 tahun; perawat magang perlu N4 saat masuk.", "TITP / IM Japan (internship): 3 to 5 years of training on the job; caregiving interns need N4 at entry.";
    TrackEpa => "EPA perawat / careworker (G-to-G): N5 untuk mendaftar, N4 setelah pelatihan 6 bulan di Indonesia.", "EPA nurse / careworker (G-to-G): N5 to apply, N4 after the 6-month training in Indonesia.";
    LandingSignInCta => "Masuk ke akun Anda", "Sign in to your account";
    LandingActivateCta => "Punya kode aktivasi? Aktifkan akun", "Got an activation code? Activate your account";
    LandingWelcome => "Selamat datang, {name}", "Welcome, {name}";
    LandingYourLinks => "Yang bisa Anda lakukan", "What you can do";
    LinkAccountDesc => "Ganti kata sandi dan kelola perangkat yang masuk ke akun Anda.", "Change your password and manage the devices signed in to your account.";
    LinkUsersDesc => "Buat akun, terbitkan kode aktivasi atau atur ulang, nonaktifkan akun.", "Create accounts, issue activation or reset codes, deactivate accounts.";
    LinkAuditDesc => "Lihat siapa melakukan apa, kapan, dan dari mana.", "See who did what, when, and from where.";

    SignInTitle => "Masuk", "Sign in";
    SignInIntro => "Staf masuk dengan e-mail. Peserta masuk dengan nomor HP atau NIK.", "Staff sign in with e-mail. Trainees sign in with their phone number or NIK.";
    FieldLogin => "E-mail, nomor HP, atau NIK", "E-mail, phone number or NIK";
    FieldLoginHint => "Contoh: 0812-3456-7890", "For example: 0812-3456-7890";
    FieldPassword => "Kata sandi", "Password";
    ShowPassword => "Tampilkan", "Show";
    HidePassword => "Sembunyikan", "Hide";
    SignInButton => "Masuk", "Sign in";
    SignInNoPassword => "Belum punya kata sandi? Minta kode aktivasi kepada koordinator, lalu buka halaman Aktivasi akun.", "No password yet? Ask your coordinator for an activation code, then open Activate account.";
    ForgotPassword => "Lupa kata sandi? Koordinator dapat memberi Anda kode atur ulang.", "Forgot your password? Your coordinator can give you a reset code.";

    ActivateTitle => "Aktivasi akun", "Activate your account";
    ActivateIntro => "Masukkan kode dari koordinator (12 huruf dan angka) lalu buat kata sandi Anda sendiri. Kode yang sama dipakai untuk mengatur ulang kata sandi yang terlupa.", "Enter the code from your coordinator (12 letters and digits) and choose your own password. Reset codes for forgotten passwords work the same way.";
    FieldCode => "Kode aktivasi", "Activation code";
    FieldCodeHint => "Contoh: K7QM-3XTD-9PRA", "For example: K7QM-3XTD-9PRA";
    FieldNewPassword => "Kata sandi baru", "New password";
    FieldNewPasswordHint => "Minimal 10 karakter. Kalimat sandi dianjurkan, misalnya empat kata acak.", "At least 10 characters. A passphrase of a few random words works well.";
    FieldPasswordConfirm => "Ulangi kata sandi baru", "Repeat the new password";
    ActivateButton => "Aktifkan dan masuk", "Activate and sign in";

    AccountTitle => "Akun saya", "My account";
    ProfileTitle => "Profil", "Profile";
    FieldName => "Nama lengkap", "Full name";
    FieldRole => "Peran", "Role";
    FieldEmail => "E-mail", "E-mail";
    FieldPhone => "Nomor HP (WhatsApp)", "Phone number (WhatsApp)";
    FieldNik => "NIK", "NIK";
    FieldSites => "Lokasi", "Sites";
    PasswordChangedAt => "Kata sandi terakhir diganti", "Password last changed";
    Never => "Belum pernah", "Never";
    ChangePasswordTitle => "Ganti kata sandi", "Change password";
    FieldCurrentPassword => "Kata sandi saat ini", "Current password";
    ChangePasswordButton => "Simpan kata sandi baru", "Save new password";
    ChangePasswordNote => "Setelah diganti, semua perangkat lain otomatis keluar.", "After the change, every other device is signed out.";
    SessionsTitle => "Perangkat yang masuk", "Signed-in devices";
    SessionDevice => "Perangkat", "Device";
    SessionSince => "Masuk sejak", "Signed in";
    SessionLastSeen => "Terakhir aktif", "Last active";
    SessionAddress => "Alamat IP", "IP address";
    ThisDevice => "Perangkat ini", "This device";
    EndSession => "Keluarkan", "Sign out";
    EndOtherSessions => "Keluarkan semua perangkat lain", "Sign out all other devices";

    UsersTitle => "Pengguna", "Users";
    UsersNew => "Buat akun baru", "New account";
    SearchLabel => "Nama, e-mail, nomor HP, atau NIK", "Name, e-mail, phone or NIK";
    FilterRole => "Peran", "Role";
    FilterSite => "Lokasi", "Site";
    FilterStatus => "Status", "Status";
    All => "Semua", "All";
    ApplyFilters => "Cari", "Search";
    StatusPending => "Menunggu aktivasi", "Awaiting activation";
    StatusActive => "Aktif", "Active";
    StatusDeactivated => "Nonaktif", "Deactivated";
    UsersCount => "{n} akun", "{n} accounts";
    NoUsers => "Tidak ada akun yang cocok.", "No matching accounts.";
    Previous => "Sebelumnya", "Previous";
    Next => "Berikutnya", "Next";
    PageOf => "Halaman {page} dari {pages}", "Page {page} of {pages}";
    ColumnLogin => "Login", "Login";
    Pagination => "Halaman", "Pages";

    NewUserTitle => "Buat akun baru", "New account";
    NewUserIntro => "Akun baru mendapat kode aktivasi sekali pakai yang berlaku 7 hari. Berikan kode itu kepada orangnya, dicetak atau lewat WhatsApp, agar ia membuat kata sandinya sendiri.", "A new account gets a one-time activation code valid for 7 days. Hand it to the person, printed or by WhatsApp, so they choose their own password.";
    FieldEmailHint => "Wajib untuk staf; dipakai untuk masuk.", "Required for staff; used to sign in.";
    FieldPhoneHint => "Untuk peserta: nomor WhatsApp, misalnya 0812-3456-7890.", "For trainees: their WhatsApp number, e.g. 0812-3456-7890.";
    FieldNikHint => "16 digit sesuai e-KTP.", "16 digits, as on the e-KTP.";
    FieldSitesHint => "Peserta: pilih satu lokasi. Staf: satu atau lebih.", "Trainees: choose one site. Staff: one or more.";
    CreateButton => "Buat akun", "Create account";
    Cancel => "Batal", "Cancel";
    Optional => "(opsional)", "(optional)";

    CreatedAt => "Dibuat", "Created";
    CreatedBy => "Dibuat oleh", "Created by";
    ActiveSessions => "Sesi aktif", "Active sessions";
    PendingCodeUntil => "Kode yang belum dipakai berlaku sampai", "Unused code valid until";
    NikRegion => "Asal menurut NIK", "Origin according to NIK";
    OutsideBanten => "di luar Banten", "outside Banten";
    AccountActions => "Tindakan", "Actions";
    IssueActivationCode => "Terbitkan kode aktivasi baru", "Issue a new activation code";
    IssueResetCode => "Terbitkan kode atur ulang kata sandi", "Issue a password reset code";
    IssueResetNote => "Orang ini langsung keluar dari semua perangkat.", "This person is signed out of every device at once.";
    Deactivate => "Nonaktifkan akun", "Deactivate account";
    DeactivateConfirm => "Nonaktifkan akun ini? Orang ini langsung keluar dari semua perangkat dan tidak bisa masuk lagi.", "Deactivate this account? The person is signed out everywhere and can no longer sign in.";
    Reactivate => "Aktifkan kembali", "Reactivate";
    ChangeRoleTitle => "Ubah peran", "Change role";
    ChangeRoleButton => "Simpan peran", "Save role";
    ChangeRoleNote => "Orang ini akan keluar dari semua perangkat agar hak aksesnya yang baru langsung berlaku.", "The person is signed out everywhere so the new permissions apply at once.";
    BackToUsers => "Kembali ke daftar pengguna", "Back to users";

    CodeFor => "Kode untuk {name}", "Code for {name}";
    AccountCreatedTitle => "Akun dibuat. Kode aktivasi untuk {name}:", "Account created. Activation code for {name}:";
    CodeShownOnce => "Kode ini hanya ditampilkan sekali, berlaku sampai {expires}, dan hanya bisa dipakai satu kali. Berikan langsung kepada yang bersangkutan.", "This code is shown only once, is valid until {expires} and works once. Give it to the person directly.";
    SendWhatsApp => "Kirim lewat WhatsApp", "Send by WhatsApp";
    CopyCode => "Salin kode", "Copy code";
    Copied => "Tersalin", "Copied";
    PrintCode => "Cetak", "Print";
    WhatsAppActivation => "Siap Jepang: kode aktivasi akun Anda {code}. Buka halaman Aktivasi akun di aplikasi Siap Jepang, masukkan kode ini, lalu buat kata sandi Anda. Berlaku 7 hari dan hanya sekali pakai. Jangan bagikan kode ini kepada siapa pun.", "Siap Jepang: your account activation code is {code}. Open Activate account in the Siap Jepang app, enter the code and choose your password. Valid for 7 days, works once. Do not share it with anyone.";
    WhatsAppReset => "Siap Jepang: kode atur ulang kata sandi Anda {code}. Buka halaman Aktivasi akun di aplikasi Siap Jepang, masukkan kode ini, lalu buat kata sandi baru. Berlaku 7 hari dan hanya sekali pakai. Jangan bagikan kode ini kepada siapa pun.", "Siap Jepang: your password reset code is {code}. Open Activate account in the Siap Jepang app, enter the code and choose a new password. Valid for 7 days, works once. Do not share it with anyone.";

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
    OutSuccess => "Berhasil", "Success";
    OutFailure => "Gagal", "Failed";
    OutRefused => "Ditolak", "Refused";

    ErrUnauthenticated => "Silakan masuk terlebih dahulu.", "Please sign in first.";
    ErrForbidden => "Anda tidak punya izin untuk tindakan ini.", "You are not allowed to do this.";
    ErrNotFound => "Data tidak ditemukan.", "Not found.";
    ErrInvalid => "Periksa kembali isian yang ditandai. Belum ada yang disimpan.", "Please check the marked fields. Nothing was saved.";
    ErrInvalidCredentials => "Login atau kata sandi salah.", "Wrong login or password.";
    ErrThrottled => "Terlalu banyak percobaan gagal. Coba lagi dalam {n} menit.", "Too many failed attempts. Try again in {n} minutes.";
    ErrCodeInvalid => "Kode tidak berlaku: salah ketik, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada koordinator.", "This code does not work: mistyped, already used or expired. Ask your coordinator for a new one.";
    ErrBadRequest => "Permintaan tidak lengkap. Muat ulang halaman lalu coba lagi.", "The request was incomplete. Reload the page and try again.";
    ErrInternal => "Terjadi gangguan di server. Coba lagi sebentar lagi. Kode rujukan: {ref}", "Something went wrong on our side. Please try again shortly. Reference: {ref}";

    ProbRequired => "Wajib diisi.", "Required.";
    ProbTooLong => "Maksimal {n} karakter.", "At most {n} characters.";
    ProbInvalidEmail => "Alamat e-mail tidak valid.", "Not a valid e-mail address.";
    ProbInvalidPhone => "Nomor HP tidak valid. Contoh: 0812-3456-7890.", "Not a valid Indonesian mobile number. Example: 0812-3456-7890.";
    ProbNikLength => "NIK harus 16 digit.", "A NIK has 16 digits.";
    ProbNikDigits => "NIK hanya boleh berisi angka.", "A NIK contains digits only.";
    ProbNikProvince => "Kode provinsi pada NIK tidak dikenal.", "The NIK's province code is unknown.";
    ProbNikRegion => "Kode kabupaten/kota atau kecamatan pada NIK tidak valid.", "The NIK's regency or district code is invalid.";
    ProbNikBirthDate => "Tanggal lahir di dalam NIK tidak valid.", "The birth date inside the NIK is invalid.";
    ProbNikSerial => "Nomor urut NIK tidak boleh 0000.", "The NIK's serial number cannot be 0000.";
    ProbInvalidLogin => "Masukkan e-mail, nomor HP, atau NIK.", "Enter an e-mail, phone number or NIK.";
    ProbPasswordTooShort => "Kata sandi minimal {n} karakter.", "Use at least {n} characters.";
    ProbPasswordTooLong => "Kata sandi maksimal {n} karakter.", "Use at most {n} characters.";
    ProbPasswordTooCommon => "Kata sandi ini terlalu umum dan mudah ditebak. Coba gabungan beberapa kata.", "This password is too common and easy to guess. Try a few words together.";
    ProbPasswordPersonal => "Kata sandi tidak boleh memuat nama, e-mail, nomor HP, atau NIK Anda.", "The password must not contain your name, e-mail, phone number or NIK.";
    ProbPasswordMismatch => "Kedua kata sandi tidak sama.", "The two passwords differ.";
    ProbInvalidChoice => "Pilihan tidak valid.", "Not a valid choice.";
    ProbTaken => "Sudah dipakai akun lain.", "Already used by another account.";
    ProbInvalidCode => "Kode tidak valid.", "Not a valid code.";
    ProbWrongPassword => "Kata sandi saat ini salah.", "The current password is wrong.";
    ProbExactlyOneSite => "Pilih tepat satu lokasi untuk peserta.", "Choose exactly one site for a trainee.";
    ProbRoleNeedsEmail => "Akun ini belum punya e-mail, padahal staf masuk dengan e-mail.", "This account has no e-mail, which staff sign in with.";
    ProbRoleNeedsPhone => "Peserta perlu nomor HP atau NIK dan satu lokasi.", "A trainee needs a phone number or NIK and a site.";

    NoticeSignedIn => "Anda berhasil masuk.", "You are signed in.";
    NoticeSignedOut => "Anda sudah keluar.", "You are signed out.";
    NoticeActivated => "Akun aktif. Selamat datang!", "Your account is active. Welcome!";
    NoticePasswordChanged => "Kata sandi diganti. Perangkat lain sudah dikeluarkan.", "Password changed. Other devices were signed out.";
    NoticeOtherSessionsEnded => "{n} perangkat lain dikeluarkan.", "{n} other devices signed out.";
    NoticeSessionEnded => "Perangkat dikeluarkan.", "Device signed out.";
    NoticeLanguageChanged => "Bahasa diganti.", "Language changed.";
    NoticeDeactivated => "Akun {name} dinonaktifkan.", "{name}'s account was deactivated.";
    NoticeReactivated => "Akun {name} aktif kembali.", "{name}'s account is active again.";
    NoticeRoleChanged => "Peran {name} sekarang: {role}.", "{name}'s role is now: {role}.";
    NoticeCodeIssued => "Kode baru diterbitkan; kode sebelumnya tidak berlaku lagi.", "A new code was issued; earlier codes no longer work.";

    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    NotFoundText => "Alamat ini tidak ada. Periksa kembali alamatnya atau kembali ke beranda.", "There is nothing at this address. Check it, or go back to the start page.";
    BackHome => "Kembali ke beranda", "Back to the start page";
    ForbiddenTitle => "Akses ditolak", "Access denied";
    ForbiddenText => "Akun Anda tidak punya izin membuka halaman ini.", "Your account may not open this page.";
    ErrorTitle => "Terjadi kesalahan", "Something went wrong";
    Loading => "Memuat…", "Loading…";
    Yes => "Ya", "Yes";
    No => "Tidak", "No";
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

pub fn role_text(role: Role) -> T {
    match role {
        Role::Trainee => T::RoleTrainee,
        Role::Instructor => T::RoleInstructor,
        Role::Coordinator => T::RoleCoordinator,
        Role::Admin => T::RoleAdmin,
    }
}

pub fn status_text(status: AccountStatus) -> T {
    match status {
        AccountStatus::Pending => T::StatusPending,
        AccountStatus::Active => T::StatusActive,
        AccountStatus::Deactivated => T::StatusDeactivated,
    }
}

/// The message for a refused field.
pub fn problem_text(problem: &Problem, locale: Locale) -> String {
    let n = |key: T, n: u32| fill(key.get(locale), &[("n", &n.to_string())]);
    match problem {
        Problem::Required => T::ProbRequired.get(locale).to_owned(),
        Problem::TooLong { max } => n(T::ProbTooLong, *max),
        Problem::InvalidEmail => T::ProbInvalidEmail.get(locale).to_owned(),
        Problem::InvalidPhone => T::ProbInvalidPhone.get(locale).to_owned(),
        Problem::InvalidNik(nik) => match nik {
            NikProblem::WrongLength => T::ProbNikLength,
            NikProblem::NotDigits => T::ProbNikDigits,
            NikProblem::UnknownProvince => T::ProbNikProvince,
            NikProblem::InvalidRegion => T::ProbNikRegion,
            NikProblem::InvalidBirthDate => T::ProbNikBirthDate,
            NikProblem::InvalidSerial => T::ProbNikSerial,
        }
        .get(locale)
        .to_owned(),
        Problem::InvalidLogin => T::ProbInvalidLogin.get(locale).to_owned(),
        Problem::PasswordTooShort { min } => n(T::ProbPasswordTooShort, *min),
        Problem::PasswordTooLong { max } => n(T::ProbPasswordTooLong, *max),
        Problem::PasswordTooCommon => T::ProbPasswordTooCommon.get(locale).to_owned(),
        Problem::PasswordContainsPersonalData => T::ProbPasswordPersonal.get(locale).to_owned(),
        Problem::PasswordMismatch => T::ProbPasswordMismatch.get(locale).to_owned(),
        Problem::InvalidChoice => T::ProbInvalidChoice.get(locale).to_owned(),
        Problem::Taken => T::ProbTaken.get(locale).to_owned(),
        Problem::InvalidCode => T::ProbInvalidCode.get(locale).to_owned(),
        Problem::WrongPassword => T::ProbWrongPassword.get(locale).to_owned(),
        Problem::ExactlyOneSite => T::ProbExactlyOneSite.get(locale).to_owned(),
        Problem::RoleNeedsEmail => T::ProbRoleNeedsEmail.get(locale).to_owned(),
        Problem::RoleNeedsPhone => T::ProbRoleNeedsPhone.get(locale).to_owned(),
    }
}

/// The message for a whole failed request.
pub fn error_text(error: &AppError, locale: Locale) -> String {
    match error {
        AppError::Unauthenticated => T::ErrUnauthenticated.get(locale).to_owned(),
        AppError::Forbidden => T::ErrForbidden.get(locale).to_owned(),
        AppError::NotFound => T::ErrNotFound.get(locale).to_owned(),
        AppError::Invalid(_) => T::ErrInvalid.get(locale).to_owned(),
        AppError::InvalidCredentials => T::ErrInvalidCredentials.get(locale).to_owned(),
        AppError::Throttled { retry_after_minutes } => fill(
            T::ErrThrottled.get(locale),
            &[("n", &retry_after_minutes.to_string())],
        ),
        AppError::CodeInvalid => T::ErrCodeInvalid.get(locale).to_owned(),
        AppError::BadRequest => T::ErrBadRequest.get(locale).to_owned(),
        AppError::Internal { reference } => fill(T::ErrInternal.get(locale), &[("ref", reference)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(T::LandingWelcome.get(Locale::Id), &[("name", "Dewi")]),
            "Selamat datang, Dewi"
        );
        assert_eq!(
            error_text(
                &AppError::Throttled {
                    retry_after_minutes: 15
                },
                Locale::En
            ),
            "Too many failed attempts. Try again in 15 minutes."
        );
    }

    #[test]
    fn every_problem_has_a_message_in_both_languages() {
        let problems = [
            Problem::Required,
            Problem::TooLong { max: 5 },
            Problem::PasswordTooShort { min: 10 },
            Problem::InvalidNik(NikProblem::InvalidSerial),
            Problem::Taken,
        ];
        for problem in problems {
            for locale in Locale::ALL {
                let text = problem_text(&problem, locale);
                assert!(
                    !text.is_empty() && !text.contains('{'),
                    "{problem:?} {locale:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn internal_errors_show_only_the_reference() {
        let text = error_text(
            &AppError::Internal {
                reference: "AB12CD34".into(),
            },
            Locale::Id,
        );
        assert!(text.ends_with("Kode rujukan: AB12CD34"));
    }
}
