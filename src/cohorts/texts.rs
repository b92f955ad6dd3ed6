//! The cohorts area's texts (Indonesian, English) and its notices.

use serde::{Deserialize, Serialize};

use super::model::{CohortStatus, CourseLevel, LanguageTarget, Track};
use crate::kernel::i18n::texts;
use crate::kernel::Text;
use crate::platform::flash::AreaNotice;

texts! {
    pub struct T {
        NavCohorts => "Angkatan", "Cohorts";
        LinkCohortsDesc => "Rencanakan angkatan, pengajar, ruang, dan jadwalnya.", "Plan cohorts, their instructors, rooms and schedule.";
        LinkCohortsTeachingDesc => "Angkatan yang Anda ajar dan jadwalnya.", "The cohorts you teach and their schedule.";
        NavCatalogue => "Program & kursus", "Programmes & courses";
        LinkCatalogueDesc => "Jalur penempatan, kurikulum kursus dengan babnya, dan ruang kelas.", "Placement tracks, course curricula with their units, and classrooms.";

        CatalogueTitle => "Program, kursus, dan ruang", "Programmes, courses and rooms";
        ProgrammesTitle => "Program (jalur penempatan)", "Programmes (placement tracks)";
        CoursesTitle => "Kursus", "Courses";
        RoomsTitle => "Ruang kelas", "Classrooms";
        ColumnCode => "Kode", "Code";
        ColumnName => "Nama", "Name";
        ColumnTrack => "Jalur", "Track";
        ColumnSector => "Bidang SSW", "SSW field";
        ColumnTarget => "Target bahasa", "Language target";
        ColumnLevel => "Level", "Level";
        ColumnHours => "Jam pelajaran", "Lesson hours";
        ColumnTextbook => "Buku ajar", "Textbook";
        ColumnUnits => "Bab", "Units";
        ColumnCapacity => "Kapasitas", "Capacity";
        UnitsCount => "{n} bab", "{n} units";
        HoursValue => "{n} JP", "{n} JP";
        NoRooms => "Belum ada ruang kelas.", "No classrooms yet.";
        AddProgramme => "Tambah program", "Add a programme";
        AddCourse => "Tambah kursus", "Add a course";
        AddRoom => "Tambah ruang", "Add a room";
        FieldCode => "Kode", "Code";
        FieldName => "Nama", "Name";
        FieldTrack => "Jalur", "Track";
        FieldSector => "Bidang SSW", "SSW field";
        FieldSectorHint => "Hanya untuk SSW, misalnya Perawatan lansia (kaigo).", "SSW only, e.g. Nursing care (kaigo).";
        FieldTarget => "Target bahasa", "Language target";
        FieldLevel => "Level", "Level";
        FieldTotalHours => "Total jam pelajaran (JP)", "Total lesson hours (JP)";
        FieldTotalHoursHint => "1 JP = 45 menit. Contoh: 360.", "1 JP = 45 minutes. For example: 360.";
        FieldTextbook => "Buku ajar", "Textbook";
        FieldUnits => "Bab, berurutan", "Units, in order";
        FieldUnitsHint => "Satu bab per baris, misalnya Minna no Nihongo bab 1.", "One unit per line, e.g. Minna no Nihongo lesson 1.";
        FieldRoomName => "Nama ruang", "Room name";
        FieldCapacity => "Kapasitas (orang)", "Capacity (people)";
        SaveButton => "Simpan", "Save";

        TrackSsw => "SSW (Tokutei Ginou)", "SSW (Tokutei Ginou)";
        TrackTitp => "TITP / IM Japan (magang)", "TITP / IM Japan (internship)";
        TrackEpa => "EPA (G-to-G)", "EPA (G-to-G)";
        TargetJftA2OrN4 => "JFT-Basic A2 (≥ 200) atau JLPT N4", "JFT-Basic A2 (≥ 200) or JLPT N4";
        TargetN5 => "JLPT N5", "JLPT N5";
        TargetN4 => "JLPT N4", "JLPT N4";
        TargetN3 => "JLPT N3", "JLPT N3";
        LevelJftA2 => "JFT-Basic A2", "JFT-Basic A2";

        StatusPlanned => "Direncanakan", "Planned";
        StatusOpen => "Pendaftaran dibuka", "Open for enrolment";
        StatusRunning => "Berjalan", "Running";
        StatusCompleted => "Selesai", "Completed";
        StatusCancelled => "Dibatalkan", "Cancelled";

        CohortsTitle => "Angkatan", "Cohorts";
        NewCohort => "Buat angkatan baru", "New cohort";
        SearchCode => "Kode angkatan", "Cohort code";
        FilterStatus => "Status", "Status";
        FilterProgramme => "Program", "Programme";
        CohortsCount => "{n} angkatan", "{n} cohorts";
        NoCohorts => "Tidak ada angkatan yang cocok.", "No matching cohorts.";
        ColumnCohort => "Angkatan", "Cohort";
        ColumnCourse => "Kursus", "Course";
        ColumnProgramme => "Program", "Programme";
        ColumnSite => "Lokasi", "Site";
        ColumnPeriod => "Periode", "Period";
        ColumnStatus => "Status", "Status";
        ColumnMembers => "Peserta", "Trainees";
        ColumnInstructors => "Pengajar", "Instructors";
        MembersOf => "{n} dari {cap}", "{n} of {cap}";

        NewCohortTitle => "Buat angkatan baru", "New cohort";
        EditCohortTitle => "Ubah angkatan {code}", "Edit cohort {code}";
        FieldCohortCode => "Kode angkatan", "Cohort code";
        FieldCohortCodeHint => "Huruf, angka, dan tanda hubung. Contoh: JP-SSW-2026-03.", "Letters, digits and dashes. For example: JP-SSW-2026-03.";
        FieldCourse => "Kursus", "Course";
        FieldProgramme => "Program", "Programme";
        FieldSite => "Lokasi", "Site";
        FieldRoom => "Ruang kelas", "Classroom";
        FieldRoomHint => "Kapasitas ruang harus cukup untuk angkatan.", "The room must hold the whole cohort.";
        NoRoom => "— belum ditentukan —", "— not decided yet —";
        Choose => "— pilih —", "— choose —";
        FieldCohortCapacity => "Kapasitas (peserta)", "Capacity (trainees)";
        FieldStartsOn => "Tanggal mulai", "First day";
        FieldEndsOn => "Tanggal selesai", "Last day";
        FieldThreshold => "Batas minimal kehadiran (%)", "Minimum attendance (%)";
        FieldThresholdHint => "Bawaan 80 %.", "Default 80 %.";
        FieldStatus => "Status", "Status";
        FieldInstructors => "Pengajar", "Instructors";
        FieldInstructorsHint => "Hanya pengajar di lokasi angkatan ini.", "Only instructors at this cohort's site.";
        NoInstructors => "Belum ada akun pengajar di lokasi Anda.", "No instructor accounts at your sites yet.";
        CreateCohort => "Buat angkatan", "Create cohort";
        SaveCohort => "Simpan perubahan", "Save changes";
        BackToCohorts => "Kembali ke daftar angkatan", "Back to cohorts";

        NoticeCohortCreated => "Angkatan {code} dibuat.", "Cohort {code} was created.";
        NoticeCohortUpdated => "Perubahan angkatan {code} disimpan.", "Changes to cohort {code} were saved.";
        NoticeAdded => "{name} ditambahkan.", "{name} was added.";
    }
}

pub fn track_text(track: Track) -> Text {
    match track {
        Track::Ssw => T::TrackSsw,
        Track::Titp => T::TrackTitp,
        Track::Epa => T::TrackEpa,
    }
}

pub fn target_text(target: LanguageTarget) -> Text {
    match target {
        LanguageTarget::JftA2OrN4 => T::TargetJftA2OrN4,
        LanguageTarget::N5 => T::TargetN5,
        LanguageTarget::N4 => T::TargetN4,
        LanguageTarget::N3 => T::TargetN3,
    }
}

pub fn level_text(level: CourseLevel) -> Text {
    match level {
        CourseLevel::N5 => T::TargetN5,
        CourseLevel::N4 => T::TargetN4,
        CourseLevel::N3 => T::TargetN3,
        CourseLevel::JftA2 => T::LevelJftA2,
    }
}

pub fn status_text(status: CohortStatus) -> Text {
    match status {
        CohortStatus::Planned => T::StatusPlanned,
        CohortStatus::Open => T::StatusOpen,
        CohortStatus::Running => T::StatusRunning,
        CohortStatus::Completed => T::StatusCompleted,
        CohortStatus::Cancelled => T::StatusCancelled,
    }
}

/// What the cohorts area confirms once after a successful form post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    CohortCreated(String),
    CohortUpdated(String),
    /// A programme, course or room, by name.
    Added(String),
}

impl AreaNotice for Notice {
    const AREA: &'static str = "cohorts";
}
