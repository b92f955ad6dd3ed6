//! The app shell's texts: navigation, footer, language switch, start page.

use serde::{Deserialize, Serialize};

use crate::kernel::i18n::texts;
use crate::platform::flash::AreaNotice;

texts! {
    pub struct T {
        SkipToContent => "Langsung ke isi", "Skip to content";
        MainNavigation => "Navigasi utama", "Main navigation";
        Menu => "Menu", "Menu";
        OfflineBanner => "Offline — terakhir diperbarui {time}", "Offline — last updated {time}";
        NavHome => "Beranda", "Home";
        SignedInAs => "Masuk sebagai", "Signed in as";
        Language => "Bahasa", "Language";
        LanguageApply => "Ganti bahasa", "Change language";
        FooterOrg => "UPT BP2MI Serang · BBPLK Serang", "UPT BP2MI Serang · BBPLK Serang";
        FooterTime => "Semua waktu dalam WIB (UTC+7).", "All times are WIB (UTC+7).";
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
        NoticeLanguageChanged => "Bahasa diganti.", "Language changed.";
    }
}

/// What the shell itself confirms once after a form post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    LanguageChanged,
}

impl AreaNotice for Notice {
    const AREA: &'static str = "app";
}
