//! The i18n machinery: every text of the interface exists in Bahasa Indonesia (the
//! default) and English.
//!
//! Components never hold literals: they ask for a [`Text`]. Each layer and each area keeps
//! its own table, declared with [`texts!`], which makes a missing translation a compile
//! error. This module's own table, [`Common`], holds what every layer shares: the app's
//! name, role names, and the messages for errors and refused fields. Texts with `{…}`
//! placeholders are filled by [`fill`].

use serde::{Deserialize, Serialize};

use super::actor::Role;
use super::error::{AppError, Clash, Problem};
use super::identity::NikProblem;
use super::wib;

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

/// One text of the interface in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    id: &'static str,
    en: &'static str,
}

impl Text {
    /// Used by [`texts!`]; a table entry always has both languages.
    pub const fn new(id: &'static str, en: &'static str) -> Self {
        Self { id, en }
    }

    pub const fn get(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Id => self.id,
            Locale::En => self.en,
        }
    }
}

/// Declares a table of texts: `texts! { pub struct T { Key => "indonesia", "english"; … } }`
/// gives `T::Key`, a [`Text`]. Leaving out either language does not compile.
macro_rules! texts {
    ($vis:vis struct $table:ident { $($key:ident => $id:literal, $en:literal;)* }) => {
        /// A table of interface texts (Indonesian, English).
        $vis struct $table;

        #[allow(non_upper_case_globals)]
        impl $table {
            $(pub const $key: $crate::kernel::i18n::Text = $crate::kernel::i18n::Text::new($id, $en);)*
        }
    };
}
pub(crate) use texts;

texts! {
    pub struct Common {
        AppName => "Siap Jepang", "Siap Jepang";
        RoleTrainee => "Peserta (CPMI)", "Trainee (CPMI)";
        RoleInstructor => "Pengajar", "Instructor";
        RoleCoordinator => "Koordinator", "Coordinator";
        RoleAdmin => "Admin", "Admin";
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
        ErrorTitle => "Terjadi kesalahan", "Something went wrong";
        ProbInvalidDate => "Tanggal tidak valid.", "Not a valid date.";
        ProbInvalidTime => "Jam tidak valid. Contoh: 08.00.", "Not a valid time. Example: 08:00.";
        ProbInvalidNumber => "Masukkan angka bulat.", "Enter a whole number.";
        ProbOutOfRange => "Harus antara {min} dan {max}.", "Must be between {min} and {max}.";
        ProbEndBeforeStart => "Selesai harus setelah mulai.", "The end must come after the start.";
        ProbRoomTooSmall => "Ruangan hanya muat {n} orang, kurang dari kapasitas angkatan.", "The room holds only {n} people, fewer than the cohort.";
        ProbOutsideCohortDates => "Di luar masa angkatan ({from} – {to}).", "Outside the cohort's dates ({from} – {to}).";
        ProbOnHoliday => "Tanggal ini hari libur: {name}.", "This date is a holiday: {name}.";
        ProbScheduleConflict => "Bentrok dengan {cohort}, {when} ({what}).", "Clashes with {cohort}, {when} ({what}).";
        ClashInstructor => "pengajar sama", "same instructor";
        ClashRoom => "ruangan sama", "same room";
        ClashCohort => "angkatan sama", "same cohort";
        ProbNoSessions => "Hari dan tanggal ini tidak menghasilkan satu sesi pun.", "These weekdays and dates yield no session.";
        ProbHoursUnreachable => "Target {target} JP tidak tercapai sebelum angkatan selesai: paling banyak {reachable} JP.", "The {target} JP target cannot be reached before the cohort ends: at most {reachable} JP.";
        ProbInvalidTransition => "Status ini tidak bisa dipilih dari status sekarang.", "This status cannot follow the current one.";
        ProbNikBirthDate2 => "Tanggal lahir tidak cocok dengan NIK (menurut NIK: {date}).", "The birth date does not match the NIK (the NIK says {date}).";
        ProbNikSex => "Jenis kelamin tidak cocok dengan NIK (menurut NIK: {sex}).", "The sex does not match the NIK (the NIK says {sex}).";
        SexFemale => "perempuan", "female";
        SexMale => "laki-laki", "male";
        ProbBelowSeatsTaken => "Sudah {n} peserta diterima; kapasitas tidak bisa lebih kecil.", "{n} trainees are already accepted; the capacity cannot be smaller.";
        ProbCohortFull => "Angkatan sudah penuh ({n} kursi). Masukkan ke daftar tunggu.", "The cohort is full ({n} seats). Put the person on the waitlist.";
        ProbOverlappingEnrollment => "Sudah diterima atau aktif di angkatan {cohort} yang waktunya bertumpuk.", "Already accepted or active in {cohort}, whose dates overlap.";
        ProbAlreadyEnrolled => "Sudah terdaftar di angkatan ini.", "Already enrolled in this cohort.";
        ProbAlreadyRegistered => "NIK ini sudah terdaftar.", "This NIK is already registered.";
        ProbInvalidRegistryNumber => "Tulis nomornya seperti di cetakan: 4–40 huruf, angka, -, / atau ., dengan sedikitnya satu angka.", "Write the number as printed: 4–40 letters, digits, -, / or ., with at least one digit.";
        ProbRegistryNumberTaken => "Nomor ini sudah tercatat untuk peserta lain.", "This number is already recorded for another trainee.";
        ProbKeysLive => "Integrasi ini sudah punya dua kunci aktif. Cabut salah satunya dulu.", "This integration already has two live keys. Revoke one of them first.";
        ProbAlreadyDayOff => "Tanggal ini sudah hari libur.", "This date is already a day off.";
        ProbDuplicateInFile => "NIK sama dengan baris {row} di berkas ini.", "Same NIK as row {row} of this file.";
        ProbUnknownDistrict => "Kabupaten/kota tidak dikenal. Pilih dari daftar Banten, atau tulis nama lengkapnya untuk luar Banten.", "Unknown kabupaten/kota. Choose from the Banten list, or write the full name for outside Banten.";
        ProbInvalidSex => "Tulis L atau P (atau M/F).", "Write L or P (or M/F).";
        ProbEmptyFile => "Berkas kosong.", "The file is empty.";
        ProbNotCsv => "Berkas ini bukan CSV. Di Excel pilih Simpan Sebagai → CSV UTF-8.", "This file is not CSV. In Excel choose Save As → CSV UTF-8.";
        ProbFileTooLarge => "Berkas terlalu besar (maksimal {n} KB).", "The file is too large (at most {n} KB).";
        ProbTooManyRows => "Terlalu banyak baris (maksimal {n}).", "Too many rows (at most {n}).";
        ProbNoHeader => "Baris judul tidak dikenali. Kolom NIK dan Nama wajib ada.", "The header row is not recognised. NIK and Name columns are required.";
        ProbSessionCancelled => "Sesi ini dibatalkan.", "This session was cancelled.";
        ProbSessionNotStarted => "Sesi belum dimulai (mulai {when}).", "The session has not started yet (it starts {when}).";
        ProbEditWindowClosed => "Sudah lewat {n} hari sejak sesi; hanya koordinator yang bisa mengubah, dengan alasan.", "More than {n} days since the session: only a coordinator can change it, with a reason.";
        ProbNotEnrolledOnDate => "Tidak terdaftar aktif di angkatan ini pada tanggal sesi.", "Not enrolled and active in this cohort on the session's date.";
        ProbCodeExpired => "Kode salah atau sudah berganti. Ketik kode yang sedang tampil di layar pengajar.", "Wrong or outdated code. Type the code shown on the instructor's screen now.";
        ProbAlreadyCheckedIn => "Anda sudah tercatat di sesi ini.", "You are already marked for this session.";
        ProbDeviceUsed => "Perangkat ini sudah dipakai presensi peserta lain di sesi ini. Pakai ponsel Anda sendiri.", "This device already checked in another trainee to this session. Use your own phone.";
        ProbCheckInClosed => "Presensi mandiri sedang tidak dibuka untuk kelas Anda.", "Self check-in is not open for your class right now.";
        ProbSessionPast => "Sesi ini sudah dimulai atau lewat; izin hanya untuk sesi yang akan datang.", "This session has started or passed: excuses are for coming sessions only.";
        ProbNotAnImage => "Lampiran harus foto (JPEG, PNG, atau WebP).", "The attachment must be a photo (JPEG, PNG or WebP).";
        ProbAlreadyRequested => "Sudah ada pengajuan untuk sesi ini.", "There is already a request for this session.";
        ProbDateInFuture => "Tanggal tidak boleh setelah hari ini.", "The date cannot be after today.";
        ProbExpiryBeforeIssue => "Tanggal berlaku harus setelah tanggal terbit.", "The expiry date must come after the issue date.";
        ProbNotAScan => "Berkas harus foto (JPEG, PNG, WebP) atau PDF.", "The file must be a photo (JPEG, PNG, WebP) or a PDF.";
        ProbNotCompleted => "Keikutsertaan peserta ini belum selesai.", "This trainee's enrollment is not completed.";
        ProbNotActive => "Peserta ini tidak sedang aktif di kohort ini.", "This trainee is not active in this cohort.";
        ProbNoSignatory => "Lokasi ini belum punya penanda tangan. Admin mengaturnya di Pengaturan dokumen.", "This site has no signatory yet. Admins set it in Document settings.";
        ProbNoNumberPattern => "Lokasi ini belum punya pola nomor untuk dokumen ini. Admin mengaturnya di Pengaturan dokumen.", "This site has no numbering pattern for this document. Admins set it in Document settings.";
        ProbPatternNeeds => "Pola nomor harus memuat {part}.", "The numbering pattern must contain {part}.";
        ProbUnknownPlaceholder => "Bagian {name} tidak dikenal. Pakai {seq}, {site}, {month_roman}, {month}, {year}.", "Unknown part {name}. Use {seq}, {site}, {month_roman}, {month}, {year}.";
        ProbSamePattern => "Sertifikat dan surat keterangan perlu pola nomor yang berbeda.", "Certificates and letters need different numbering patterns.";
        ProbNotALogo => "Logo harus gambar PNG, JPEG, atau SVG.", "The logo must be a PNG, JPEG or SVG picture.";
        ProbAlreadyIssued => "Sertifikat untuk keikutsertaan ini sudah terbit. Terbitkan ulang bila perlu koreksi.", "A certificate for this enrollment exists already. Reissue it to correct it.";
        ProbAlreadyRevoked => "Dokumen ini sudah dicabut.", "This document was revoked already.";
        ProbNumberTaken => "Pola nomor lokasi ini menghasilkan nomor yang sudah pernah terbit. Admin perlu mengubahnya di Pengaturan dokumen.", "The site's numbering pattern gives a number issued before. An admin must change it in Document settings.";
        Yes => "Ya", "Yes";
        No => "Tidak", "No";
    }
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

pub fn role_text(role: Role) -> Text {
    match role {
        Role::Trainee => Common::RoleTrainee,
        Role::Instructor => Common::RoleInstructor,
        Role::Coordinator => Common::RoleCoordinator,
        Role::Admin => Common::RoleAdmin,
    }
}

/// What two clashing sessions share, as a short phrase.
pub fn clash_text(clash: Clash) -> Text {
    match clash {
        Clash::Instructor => Common::ClashInstructor,
        Clash::Room => Common::ClashRoom,
        Clash::Cohort => Common::ClashCohort,
    }
}

/// The message for a refused field.
pub fn problem_text(problem: &Problem, locale: Locale) -> String {
    let n = |key: Text, n: u32| fill(key.get(locale), &[("n", &n.to_string())]);
    let text = match problem {
        Problem::TooLong { max } => return n(Common::ProbTooLong, *max),
        Problem::PasswordTooShort { min } => return n(Common::ProbPasswordTooShort, *min),
        Problem::PasswordTooLong { max } => return n(Common::ProbPasswordTooLong, *max),
        Problem::Required => Common::ProbRequired,
        Problem::InvalidEmail => Common::ProbInvalidEmail,
        Problem::InvalidPhone => Common::ProbInvalidPhone,
        Problem::InvalidNik(nik) => match nik {
            NikProblem::WrongLength => Common::ProbNikLength,
            NikProblem::NotDigits => Common::ProbNikDigits,
            NikProblem::UnknownProvince => Common::ProbNikProvince,
            NikProblem::InvalidRegion => Common::ProbNikRegion,
            NikProblem::InvalidBirthDate => Common::ProbNikBirthDate,
            NikProblem::InvalidSerial => Common::ProbNikSerial,
        },
        Problem::InvalidLogin => Common::ProbInvalidLogin,
        Problem::PasswordTooCommon => Common::ProbPasswordTooCommon,
        Problem::PasswordContainsPersonalData => Common::ProbPasswordPersonal,
        Problem::PasswordMismatch => Common::ProbPasswordMismatch,
        Problem::InvalidChoice => Common::ProbInvalidChoice,
        Problem::Taken => Common::ProbTaken,
        Problem::InvalidCode => Common::ProbInvalidCode,
        Problem::WrongPassword => Common::ProbWrongPassword,
        Problem::ExactlyOneSite => Common::ProbExactlyOneSite,
        Problem::RoleNeedsEmail => Common::ProbRoleNeedsEmail,
        Problem::RoleNeedsPhone => Common::ProbRoleNeedsPhone,
        Problem::InvalidDate => Common::ProbInvalidDate,
        Problem::InvalidTime => Common::ProbInvalidTime,
        Problem::InvalidNumber => Common::ProbInvalidNumber,
        Problem::OutOfRange { min, max } => {
            return fill(
                Common::ProbOutOfRange.get(locale),
                &[("min", &min.to_string()), ("max", &max.to_string())],
            )
        }
        Problem::EndBeforeStart => Common::ProbEndBeforeStart,
        Problem::RoomTooSmall { capacity } => return n(Common::ProbRoomTooSmall, *capacity),
        Problem::OutsideCohortDates { from, to } => {
            return fill(
                Common::ProbOutsideCohortDates.get(locale),
                &[("from", &wib::date_short(*from)), ("to", &wib::date_short(*to))],
            );
        }
        Problem::OnHoliday { name } => return fill(Common::ProbOnHoliday.get(locale), &[("name", name)]),
        Problem::ScheduleConflict {
            cohort,
            starts_at,
            ends_at,
            clashes,
        } => {
            let what = clashes
                .iter()
                .map(|clash| clash_text(*clash).get(locale))
                .collect::<Vec<_>>()
                .join(", ");
            let when = wib::span_long(*starts_at, *ends_at, locale);
            return fill(
                Common::ProbScheduleConflict.get(locale),
                &[("cohort", cohort), ("when", &when), ("what", &what)],
            );
        }
        Problem::NoSessions => Common::ProbNoSessions,
        Problem::HoursUnreachable { reachable, target } => {
            return fill(
                Common::ProbHoursUnreachable.get(locale),
                &[
                    ("reachable", &reachable.to_string()),
                    ("target", &target.to_string()),
                ],
            )
        }
        Problem::InvalidTransition => Common::ProbInvalidTransition,
        Problem::NikBirthDateMismatch { nik_date } => {
            let date = wib::date_short(*nik_date);
            return fill(Common::ProbNikBirthDate2.get(locale), &[("date", &date)]);
        }
        Problem::NikSexMismatch { nik_sex } => {
            let sex = match nik_sex {
                super::identity::Sex::Female => Common::SexFemale,
                super::identity::Sex::Male => Common::SexMale,
            };
            return fill(Common::ProbNikSex.get(locale), &[("sex", sex.get(locale))]);
        }
        Problem::BelowSeatsTaken { taken } => return n(Common::ProbBelowSeatsTaken, *taken),
        Problem::CohortFull { capacity } => return n(Common::ProbCohortFull, *capacity),
        Problem::OverlappingEnrollment { cohort } => {
            return fill(
                Common::ProbOverlappingEnrollment.get(locale),
                &[("cohort", cohort)],
            )
        }
        Problem::AlreadyEnrolled => Common::ProbAlreadyEnrolled,
        Problem::AlreadyRegistered => Common::ProbAlreadyRegistered,
        Problem::InvalidRegistryNumber => Common::ProbInvalidRegistryNumber,
        Problem::RegistryNumberTaken => Common::ProbRegistryNumberTaken,
        Problem::KeysLive => Common::ProbKeysLive,
        Problem::AlreadyDayOff => Common::ProbAlreadyDayOff,
        Problem::DuplicateInFile { row } => {
            return fill(
                Common::ProbDuplicateInFile.get(locale),
                &[("row", &row.to_string())],
            )
        }
        Problem::UnknownDistrict => Common::ProbUnknownDistrict,
        Problem::InvalidSex => Common::ProbInvalidSex,
        Problem::EmptyFile => Common::ProbEmptyFile,
        Problem::NotCsv => Common::ProbNotCsv,
        Problem::FileTooLarge { max_kib } => return n(Common::ProbFileTooLarge, *max_kib),
        Problem::TooManyRows { max } => return n(Common::ProbTooManyRows, *max),
        Problem::NoHeader => Common::ProbNoHeader,
        Problem::SessionCancelled => Common::ProbSessionCancelled,
        Problem::SessionNotStarted { starts_at } => {
            let when = wib::instant_short(*starts_at, locale);
            return fill(Common::ProbSessionNotStarted.get(locale), &[("when", &when)]);
        }
        Problem::EditWindowClosed { days } => return n(Common::ProbEditWindowClosed, *days),
        Problem::NotEnrolledOnDate => Common::ProbNotEnrolledOnDate,
        Problem::CodeExpired => Common::ProbCodeExpired,
        Problem::AlreadyCheckedIn => Common::ProbAlreadyCheckedIn,
        Problem::DeviceUsed => Common::ProbDeviceUsed,
        Problem::CheckInClosed => Common::ProbCheckInClosed,
        Problem::SessionPast => Common::ProbSessionPast,
        Problem::NotAnImage => Common::ProbNotAnImage,
        Problem::AlreadyRequested => Common::ProbAlreadyRequested,
        Problem::DateInFuture => Common::ProbDateInFuture,
        Problem::ExpiryBeforeIssue => Common::ProbExpiryBeforeIssue,
        Problem::NotAScan => Common::ProbNotAScan,
        Problem::NotCompleted => Common::ProbNotCompleted,
        Problem::NotActive => Common::ProbNotActive,
        Problem::NoSignatory => Common::ProbNoSignatory,
        Problem::NoNumberPattern => Common::ProbNoNumberPattern,
        Problem::PatternNeeds { part } => {
            return fill(Common::ProbPatternNeeds.get(locale), &[("part", part)])
        }
        Problem::UnknownPlaceholder { name } => {
            return fill(Common::ProbUnknownPlaceholder.get(locale), &[("name", name)])
        }
        Problem::SamePattern => Common::ProbSamePattern,
        Problem::NotALogo => Common::ProbNotALogo,
        Problem::AlreadyIssued => Common::ProbAlreadyIssued,
        Problem::AlreadyRevoked => Common::ProbAlreadyRevoked,
        Problem::NumberTaken => Common::ProbNumberTaken,
    };
    text.get(locale).to_owned()
}

/// The message for a whole failed request.
pub fn error_text(error: &AppError, locale: Locale) -> String {
    let text = match error {
        AppError::Throttled { retry_after_minutes } => {
            return fill(
                Common::ErrThrottled.get(locale),
                &[("n", &retry_after_minutes.to_string())],
            )
        }
        AppError::Internal { reference } => {
            return fill(Common::ErrInternal.get(locale), &[("ref", reference)])
        }
        AppError::Unauthenticated => Common::ErrUnauthenticated,
        AppError::Forbidden => Common::ErrForbidden,
        AppError::NotFound => Common::ErrNotFound,
        AppError::Invalid(_) => Common::ErrInvalid,
        AppError::InvalidCredentials => Common::ErrInvalidCredentials,
        AppError::CodeInvalid => Common::ErrCodeInvalid,
        AppError::BadRequest => Common::ErrBadRequest,
    };
    text.get(locale).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    texts! {
        struct Sample {
            Welcome => "Selamat datang, {name}", "Welcome, {name}";
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(Sample::Welcome.get(Locale::Id), &[("name", "Dewi")]),
            "Selamat datang, Dewi"
        );
        assert_eq!(Sample::Welcome.get(Locale::En), "Welcome, {name}");
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
