//! The accounts area's texts (Indonesian, English) and its notices.

use serde::{Deserialize, Serialize};

use super::dto::{AccountStatus, IssuedCode};
use crate::kernel::i18n::texts;
use crate::kernel::{Role, Text};
use crate::platform::flash::AreaNotice;

texts! {
    pub struct T {
        NavAccount => "Akun saya", "My account";
        NavUsers => "Pengguna", "Users";
        NavSignIn => "Masuk", "Sign in";
        NavSignOut => "Keluar", "Sign out";
        NavActivate => "Aktivasi akun", "Activate account";
        LinkAccountDesc => "Ganti kata sandi dan kelola perangkat yang masuk ke akun Anda.", "Change your password and manage the devices signed in to your account.";
        LinkUsersDesc => "Buat akun, terbitkan kode aktivasi atau atur ulang, nonaktifkan akun.", "Create accounts, issue activation or reset codes, deactivate accounts.";
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
        ThisDevice => "Perangkat ini", "This device";
        EndSession => "Keluarkan", "Sign out";
        EndOtherSessions => "Keluarkan semua perangkat lain", "Sign out all other devices";
        UsersTitle => "Pengguna", "Users";
        UsersNew => "Buat akun baru", "New account";
        SearchLabel => "Nama, e-mail, nomor HP, atau NIK", "Name, e-mail, phone or NIK";
        FilterRole => "Peran", "Role";
        FilterStatus => "Status", "Status";
        StatusPending => "Menunggu aktivasi", "Awaiting activation";
        StatusActive => "Aktif", "Active";
        StatusDeactivated => "Nonaktif", "Deactivated";
        UsersCount => "{n} akun", "{n} accounts";
        NoUsers => "Tidak ada akun yang cocok.", "No matching accounts.";
        ColumnLogin => "Login", "Login";
        NewUserTitle => "Buat akun baru", "New account";
        NewUserIntro => "Akun baru mendapat kode aktivasi sekali pakai yang berlaku 7 hari. Berikan kode itu kepada orangnya, dicetak atau lewat WhatsApp, agar ia membuat kata sandinya sendiri.", "A new account gets a one-time activation code valid for 7 days. Hand it to the person, printed or by WhatsApp, so they choose their own password.";
        FieldEmailHint => "Wajib untuk staf; dipakai untuk masuk.", "Required for staff; used to sign in.";
        FieldPhoneHint => "Untuk peserta: nomor WhatsApp, misalnya 0812-3456-7890.", "For trainees: their WhatsApp number, e.g. 0812-3456-7890.";
        FieldNikHint => "16 digit sesuai e-KTP.", "16 digits, as on the e-KTP.";
        FieldSitesHint => "Peserta: pilih satu lokasi. Staf: satu atau lebih.", "Trainees: choose one site. Staff: one or more.";
        CreateButton => "Buat akun", "Create account";
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
        NoticeSignedIn => "Anda berhasil masuk.", "You are signed in.";
        NoticeSignedOut => "Anda sudah keluar.", "You are signed out.";
        NoticeActivated => "Akun aktif. Selamat datang!", "Your account is active. Welcome!";
        NoticePasswordChanged => "Kata sandi diganti. Perangkat lain sudah dikeluarkan.", "Password changed. Other devices were signed out.";
        NoticeOtherSessionsEnded => "{n} perangkat lain dikeluarkan.", "{n} other devices signed out.";
        NoticeSessionEnded => "Perangkat dikeluarkan.", "Device signed out.";
        NoticeDeactivated => "Akun {name} dinonaktifkan.", "{name}'s account was deactivated.";
        NoticeReactivated => "Akun {name} aktif kembali.", "{name}'s account is active again.";
        NoticeRoleChanged => "Peran {name} sekarang: {role}.", "{name}'s role is now: {role}.";
        NoticeCodeIssued => "Kode baru diterbitkan; kode sebelumnya tidak berlaku lagi.", "A new code was issued; earlier codes no longer work.";
    }
}

pub fn status_text(status: AccountStatus) -> Text {
    match status {
        AccountStatus::Pending => T::StatusPending,
        AccountStatus::Active => T::StatusActive,
        AccountStatus::Deactivated => T::StatusDeactivated,
    }
}

/// What the accounts area confirms once after a successful form post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    SignedIn,
    SignedOut,
    Activated,
    PasswordChanged,
    OtherSessionsEnded(u64),
    SessionEnded,
    /// Shown with the new account's activation code (exactly once).
    AccountCreated(IssuedCode),
    CodeIssued(IssuedCode),
    Deactivated(String),
    Reactivated(String),
    RoleChanged(String, Role),
}

impl AreaNotice for Notice {
    const AREA: &'static str = "accounts";
}
