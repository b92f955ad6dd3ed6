//! The schedule area's texts (Indonesian, English) and its notices.

use serde::{Deserialize, Serialize};

use super::model::{HolidayKind, SessionStatus};
use crate::kernel::i18n::texts;
use crate::kernel::{wib, Text};
use crate::platform::flash::AreaNotice;
use time::OffsetDateTime;

texts! {
    pub struct T {
        NavSchedule => "Jadwal saya", "My schedule";
        LinkScheduleDesc => "Kelas hari ini, minggu ini, dan berikutnya: jam, ruang, pengajar, materi.", "Classes today, this week and next: time, room, instructor, lesson.";
        NavCalendar => "Kalender", "Calendar";
        LinkCalendarDesc => "Semua kelas per minggu atau bulan, per lokasi dan angkatan.", "Every class by week or month, per site and cohort.";
        NavHolidays => "Hari libur", "Holidays";
        LinkHolidaysDesc => "Libur nasional dan cuti bersama yang dilewati jadwal kelas.", "National holidays and cuti bersama that classes skip.";

        ScheduleTitle => "Jadwal saya", "My schedule";
        Today => "Hari ini", "Today";
        ThisWeek => "Minggu ini", "This week";
        Upcoming => "Berikutnya", "Coming up";
        NoClassesToday => "Tidak ada kelas hari ini.", "No class today.";
        NoClassesWeek => "Tidak ada kelas lagi minggu ini.", "No more classes this week.";
        NoUpcoming => "Belum ada kelas berikutnya.", "No classes planned yet.";
        NoCohortTrainee => "Anda belum terdaftar di angkatan mana pun. Hubungi koordinator Anda.", "You are not in a cohort yet. Please contact your coordinator.";
        NoCohortStaff => "Belum ada kelas untuk Anda.", "No classes for you yet.";
        Room => "Ruang", "Room";
        Instructor => "Pengajar", "Instructor";
        Lesson => "Materi", "Lesson";
        StatusScheduled => "Terjadwal", "Scheduled";
        StatusMoved => "Dipindah", "Moved";
        StatusCancelled => "Dibatalkan", "Cancelled";
        MovedFrom => "Semula {when}", "Originally {when}";
        Reason => "Alasan", "Reason";

        ChangesTitle => "Perubahan jadwal", "Schedule changes";
        ChangesIntro => "Kelas berikut dipindah atau dibatalkan sejak terakhir Anda membaca pemberitahuan ini.", "These classes were moved or cancelled since you last read this notice.";
        ChangeMoved => "{cohort}: dipindah dari {was} ke {now}.", "{cohort}: moved from {was} to {now}.";
        ChangeCancelled => "{cohort}: {was} dibatalkan.", "{cohort}: {was} is cancelled.";
        ChangeFeed => "Kalender ponsel yang berlangganan {link} sudah memuat perubahan ini.", "A phone calendar subscribed to {link} already shows these changes.";
        ChangeFeedLink => "jadwal Anda", "your schedule";
        ChangesDismiss => "Sudah saya baca", "I have read this";

        FeedTitle => "Jadwal di kalender ponsel", "Schedule in your phone's calendar";
        FeedIntro => "Tambahkan alamat rahasia ini di Google Calendar atau kalender ponsel (\"Tambah kalender dari URL\"). Siapa pun yang tahu alamatnya bisa melihat jadwal Anda; buat alamat baru jika tersebar.", "Add this secret address in Google Calendar or your phone's calendar (\"add calendar from URL\"). Anyone who knows it can see your schedule; make a new one if it spreads.";
        FeedOff => "Langganan kalender belum aktif.", "The calendar subscription is off.";
        FeedUrl => "Alamat kalender (iCalendar)", "Calendar address (iCalendar)";
        FeedCreate => "Buat alamat kalender", "Create a calendar address";
        FeedRegenerate => "Buat alamat baru (yang lama berhenti)", "Make a new address (the old one stops)";
        FeedRevoke => "Matikan langganan", "Turn the subscription off";
        CopyAddress => "Salin alamat", "Copy the address";
        Copied => "Tersalin", "Copied";

        FactCourse => "Kursus", "Course";
        FactProgramme => "Program", "Programme";
        FactTarget => "Target bahasa", "Language target";
        FactSite => "Lokasi", "Site";
        FactRoom => "Ruang", "Room";
        FactPeriod => "Periode", "Period";
        FactCapacity => "Kapasitas", "Capacity";
        FactMembers => "Peserta", "Trainees";
        FactThreshold => "Batas kehadiran", "Attendance threshold";
        FactInstructors => "Pengajar", "Instructors";
        FactStatus => "Status", "Status";
        EditCohort => "Ubah angkatan", "Edit cohort";
        GenerateSessions => "Buat jadwal sesi", "Generate sessions";
        PrintWeek => "Cetak jadwal mingguan", "Print the weekly schedule";
        DownloadIcs => "Unduh jadwal (.ics)", "Download schedule (.ics)";
        SessionsTitle => "Sesi kelas", "Class sessions";
        PlannedHours => "{planned} dari {total} JP terjadwal.", "{planned} of {total} JP scheduled.";
        NoSessions => "Belum ada sesi.", "No sessions yet.";
        PastSessions => "Sesi yang sudah lewat ({n})", "Past sessions ({n})";
        NoneYet => "—", "—";

        GenerateTitle => "Buat jadwal sesi {code}", "Generate sessions for {code}";
        GenerateIntro => "Pilih hari dan jam. Pratinjau menampilkan setiap tanggal, hari libur yang dilewati, dan bentrok sebelum apa pun disimpan.", "Choose days and times. The preview shows every date, the holidays skipped and any conflict before anything is saved.";
        FieldWeekdays => "Hari", "Days";
        FieldStartTime => "Jam mulai (WIB)", "Start time (WIB)";
        FieldEndTime => "Jam selesai (WIB)", "End time (WIB)";
        FieldEveryWeeks => "Setiap berapa minggu", "Every how many weeks";
        FieldEveryWeeksHint => "1 = tiap minggu, 2 = dua minggu sekali.", "1 = every week, 2 = every other week.";
        FieldFrom => "Mulai tanggal", "From";
        FieldUntil => "Sampai", "Until";
        UntilDate => "sampai tanggal terakhir", "until a last date";
        UntilHours => "sampai jam pelajaran tercapai", "until the lesson hours are covered";
        FieldUntilDate => "Tanggal terakhir", "Last date";
        FieldTargetHours => "Target jam pelajaran (JP)", "Lesson-hour target (JP)";
        RemainingHours => "Sisa untuk kursus ini: {n} JP (1 JP = 45 menit).", "Still to plan for this course: {n} JP (1 JP = 45 minutes).";
        FieldInstructor => "Pengajar", "Instructor";
        NoInstructor => "— tanpa pengajar —", "— no instructor —";
        FieldRoom => "Ruang", "Room";
        NoRoom => "— tanpa ruang —", "— no room —";
        PreviewButton => "Lihat pratinjau", "Preview";
        PreviewTitle => "Pratinjau: {n} sesi, {hours} JP", "Preview: {n} sessions, {hours} JP";
        PreviewNothingSaved => "Belum ada yang disimpan. Periksa tanggalnya, lalu simpan.", "Nothing is saved yet. Check the dates, then save.";
        SkippedHolidays => "Dilewati karena hari libur", "Skipped for holidays";
        ConflictsFound => "{n} tanggal bentrok. Tanggal yang dicentang akan dilewati.", "{n} dates clash. Ticked dates will be skipped.";
        SkipDate => "Lewati", "Skip";
        ColumnDate => "Tanggal", "Date";
        ColumnTime => "Jam (WIB)", "Time (WIB)";
        ColumnConflict => "Bentrok", "Conflict";
        ConfirmButton => "Simpan sesi", "Save the sessions";
        NotSchedulable => "Angkatan ini sudah selesai atau dibatalkan; jadwalnya tidak bisa diubah.", "This cohort is completed or cancelled; its schedule cannot change.";

        SessionTitle => "Sesi {cohort}", "Session of {cohort}";
        MoveTitle => "Pindahkan sesi", "Move the session";
        MoveIntro => "Tanggal dan jam baru diperiksa terhadap hari libur dan bentrok.", "The new date and time are checked against holidays and conflicts.";
        FieldDate => "Tanggal", "Date";
        FieldReason => "Alasan", "Reason";
        FieldReasonHint => "Peserta akan melihat alasan ini.", "Trainees will see this reason.";
        MoveButton => "Pindahkan sesi", "Move the session";
        CancelTitle => "Batalkan sesi", "Cancel the session";
        CancelButton => "Batalkan sesi", "Cancel the session";
        CancelConfirm => "Batalkan sesi ini? Peserta akan melihatnya sebagai Dibatalkan.", "Cancel this session? Trainees will see it as cancelled.";
        BackToCohort => "Kembali ke angkatan", "Back to the cohort";
        SessionFinal => "Sesi ini sudah dibatalkan.", "This session has been cancelled.";

        CalendarTitle => "Kalender kelas", "Class calendar";
        ViewWeek => "Minggu", "Week";
        ViewMonth => "Bulan", "Month";
        PreviousPeriod => "Sebelumnya", "Previous";
        NextPeriod => "Berikutnya", "Next";
        TodayLink => "Hari ini", "Today";
        FilterCohort => "Angkatan", "Cohort";
        FilterView => "Tampilan", "View";
        ShowButton => "Tampilkan", "Show";
        WeekOf => "Minggu {from} – {to}", "Week {from} – {to}";

        HolidaysTitle => "Hari libur nasional dan cuti bersama", "National holidays and cuti bersama";
        HolidaysIntro => "Ditetapkan setiap tahun oleh SKB tiga menteri. Jadwal kelas melewati tanggal-tanggal ini. Tanggal yang belum dipastikan ditandai.", "Set every year by a joint ministerial decree. Class schedules skip these dates. Dates not yet confirmed are marked.";
        Year => "Tahun", "Year";
        KindNational => "Libur nasional", "National holiday";
        KindCollective => "Cuti bersama", "Collective leave";
        Unconfirmed => "Belum dipastikan", "Not confirmed";
        AddHoliday => "Tambah hari libur", "Add a holiday";
        SaveHoliday => "Simpan", "Save";
        EditHoliday => "Ubah", "Edit";
        DeleteHoliday => "Hapus", "Delete";
        DeleteHolidayConfirm => "Hapus hari libur ini? Jadwal yang sudah dibuat tidak berubah.", "Delete this holiday? Schedules already made stay as they are.";
        FieldHolidayName => "Nama", "Name";
        FieldKind => "Jenis", "Kind";
        FieldConfirmed => "Sudah dipastikan (sesuai SKB)", "Confirmed (as decreed)";
        NoHolidays => "Belum ada hari libur untuk tahun ini.", "No holidays for this year yet.";
        HolidaysAdminsOnly => "Libur nasional berlaku di semua lokasi dan diubah oleh admin.", "National holidays apply at every site and are changed by admins.";
        ClosuresTitle => "Hari libur lokasi", "Site days off";
        ClosuresIntro => "Hari tutup milik satu lokasi (ulang tahun balai, acara setempat). Jadwal kelas di lokasi itu melewatinya.", "Days a single site is closed (its anniversary, a local event). Classes at that site skip them.";
        NoClosures => "Tidak ada hari libur lokasi tahun ini.", "No site days off this year.";
        AddClosure => "Tambah hari libur lokasi", "Add a site day off";
        FieldSite => "Lokasi", "Site";
        SaveClosure => "Simpan", "Save";
        DeleteClosure => "Hapus", "Delete";
        DeleteClosureConfirm => "Hapus hari libur lokasi ini? Jadwal yang sudah dibuat tidak berubah.", "Delete this site day off? Schedules already made stay as they are.";

        PrintTitle => "Jadwal {code}", "Schedule of {code}";
        PrintButton => "Cetak", "Print";
        NoClass => "Tidak ada kelas", "No class";

        NoticeGenerated => "{n} sesi disimpan untuk {code}.", "{n} sessions saved for {code}.";
        NoticeMoved => "Sesi dipindah ke {when}.", "The session was moved to {when}.";
        NoticeCancelled => "Sesi dibatalkan.", "The session was cancelled.";
        NoticeHolidaySaved => "{name} disimpan.", "{name} was saved.";
        NoticeHolidayDeleted => "Hari libur dihapus.", "The holiday was deleted.";
        NoticeClosureSaved => "{name} disimpan sebagai hari libur lokasi.", "{name} was saved as a site day off.";
        NoticeClosureDeleted => "Hari libur lokasi dihapus.", "The site day off was deleted.";
        NoticeFeedCreated => "Alamat kalender baru dibuat. Alamat sebelumnya tidak berlaku lagi.", "A new calendar address was made. Any earlier one no longer works.";
        NoticeFeedRevoked => "Langganan kalender dimatikan.", "The calendar subscription is off.";
        NoticeChangesSeen => "Pemberitahuan perubahan jadwal ditutup. Perubahan berikutnya akan muncul lagi di sini.", "The notice of schedule changes is closed. Later changes will show here again.";
    }
}

pub fn session_status_text(status: SessionStatus) -> Text {
    match status {
        SessionStatus::Scheduled => T::StatusScheduled,
        SessionStatus::Moved => T::StatusMoved,
        SessionStatus::Cancelled => T::StatusCancelled,
    }
}

pub fn holiday_kind_text(kind: HolidayKind) -> Text {
    match kind {
        HolidayKind::National => T::KindNational,
        HolidayKind::CollectiveLeave => T::KindCollective,
    }
}

/// What the schedule area confirms once after a successful form post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    Generated {
        count: u64,
        code: String,
    },
    /// The new time.
    Moved {
        #[serde(with = "wib::rfc3339_format")]
        starts_at: OffsetDateTime,
        #[serde(with = "wib::rfc3339_format")]
        ends_at: OffsetDateTime,
    },
    Cancelled,
    HolidaySaved(String),
    HolidayDeleted,
    ClosureSaved(String),
    ClosureDeleted,
    FeedCreated,
    FeedRevoked,
    /// The notice of schedule changes was dismissed.
    ChangesSeen,
}

impl AreaNotice for Notice {
    const AREA: &'static str = "schedule";
}
