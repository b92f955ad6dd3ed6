//! The attendance area's texts (Indonesian, English) and its notices.

use serde::{Deserialize, Serialize};

use super::model::excuse::{ExcuseKind, ExcuseStatus};
use super::model::rates::Warning;
use super::model::{AttendanceStatus, MarkSource};
use crate::kernel::i18n::{fill, texts};
use crate::kernel::{Locale, Text};
use crate::platform::flash::AreaNotice;

texts! {
    pub struct T {
        NavAttendance => "Kehadiran", "Attendance";
        CohortAttendanceLink => "Rekap kehadiran", "Attendance";
        RollCallLink => "Absen / kehadiran sesi ini", "Roll call of this session";
        LinkAttendanceStaff => "Absen kelas hari ini, sesi yang belum diabsen, peserta yang perlu perhatian.", "Take today's roll calls, sessions left unmarked, trainees who need attention.";
        LinkAttendanceTrainee => "Kehadiran Anda per sesi, persentase, presensi mandiri, dan izin.", "Your attendance per session, your rate, self check-in and excuses.";
        NavExcuses => "Izin & sakit", "Excuses";

        StPresent => "Hadir", "Present";
        StLate => "Terlambat", "Late";
        StPermitted => "Izin", "Excused (izin)";
        StSick => "Sakit", "Sick";
        StAbsent => "Alpa", "Absent";
        SrcRollCall => "absen pengajar", "roll call";
        SrcCheckIn => "presensi mandiri", "self check-in";
        SrcExcuse => "izin disetujui", "approved excuse";
        SrcAuto => "otomatis (tidak diabsen)", "automatic (left unmarked)";

        HomeTitle => "Kehadiran", "Attendance";
        TodayTitle => "Kelas hari ini", "Today's classes";
        NoClassesToday => "Tidak ada kelas hari ini.", "No classes today.";
        TakeRollCall => "Absen", "Take roll call";
        EditRollCall => "Ubah absen", "Edit roll call";
        RollCallTaken => "Sudah diabsen", "Roll call taken";
        UnmarkedTitle => "Belum diabsen", "Not yet marked";
        UnmarkedHint => "Sesi yang sudah lewat tetapi absennya belum disimpan.", "Past sessions whose roll call was not saved.";
        NoUnmarked => "Semua sesi yang sudah lewat sudah diabsen.", "Every past session has its roll call.";
        AtRiskTitle => "Perlu perhatian", "Needs attention";
        AtRiskHint => "Peserta dengan kehadiran di bawah batas angkatan, yang tidak bisa lagi mencapainya, atau yang alpa berturut-turut.", "Trainees below their cohort's threshold, who can no longer reach it, or absent several times in a row.";
        NoAtRisk => "Tidak ada peserta yang perlu perhatian.", "Nobody needs attention.";
        Call => "Telepon", "Call";
        WhatsApp => "WhatsApp", "WhatsApp";
        PendingExcuses => "{n} pengajuan izin menunggu keputusan", "{n} excuse requests awaiting a decision";
        CohortGrids => "Rekap kehadiran per angkatan", "Attendance by cohort";

        TellTitle => "Kabari peserta", "Tell the trainees";
        TellMoved => "Sesi ini dipindah. Kirim pesan WhatsApp ke setiap peserta (pesannya sudah terisi), atau tempel pesan di bawah ke grup WhatsApp angkatan.", "This session was moved. Send each trainee a WhatsApp message (it is filled in), or paste the message below into the cohort's WhatsApp group.";
        TellCancelled => "Sesi ini dibatalkan. Kirim pesan WhatsApp ke setiap peserta (pesannya sudah terisi), atau tempel pesan di bawah ke grup WhatsApp angkatan.", "This session was cancelled. Send each trainee a WhatsApp message (it is filled in), or paste the message below into the cohort's WhatsApp group.";
        TellNobody => "Belum ada peserta yang diterima atau aktif di angkatan ini.", "Nobody is accepted or active in this cohort yet.";
        NoPhone => "tanpa nomor HP", "no phone number";
        GroupMessage => "Pesan untuk grup WhatsApp angkatan", "Message for the cohort's WhatsApp group";
        GroupMessageHint => "Dalam bahasa Indonesia, siap ditempel.", "In Indonesian, ready to paste.";
        CopyMessage => "Salin pesan", "Copy the message";
        Copied => "Tersalin", "Copied";

        RollCallTitle => "Absen {cohort}", "Roll call {cohort}";
        RollCallIntro => "Semua peserta awalnya Hadir. Ubah yang tidak hadir, lalu simpan sekali.", "Everyone starts as present. Change the exceptions, then save once.";
        RollCallEmpty => "Tidak ada peserta yang terdaftar aktif pada tanggal sesi ini.", "Nobody was enrolled and active on this session's date.";
        SaveRollCall => "Simpan absen ({n} peserta)", "Save roll call ({n} trainees)";
        Remark => "Catatan", "Remark";
        RemarkFor => "Catatan untuk {name}", "Remark for {name}";
        ChangeReason => "Alasan perubahan", "Reason for the change";
        ChangeReasonHint => "Wajib: sudah lewat masa ubah pengajar.", "Required: past the instructors' editing window.";
        TakenBy => "Diabsen oleh {name}, {when}.", "Taken by {name}, {when}.";
        TakenAutomatically => "Ditandai otomatis, {when}: peserta yang tidak diabsen menjadi Alpa.", "Marked automatically, {when}: trainees left unmarked became absent.";
        NotTaken => "Belum diabsen.", "Not taken yet.";
        CheckedInAt => "presensi mandiri {time}", "checked in {time}";
        ExcuseApproved => "Izin disetujui: {reason}", "Excuse approved: {reason}";
        ExcusePending => "Mengajukan izin: {reason}", "Excuse requested: {reason}";
        History => "Riwayat", "History";
        ChangedBy => "oleh {name}", "by {name}";
        Automatic => "sistem", "system";
        BackToSession => "Kembali ke sesi", "Back to the session";
        PrintRegister => "Cetak daftar hadir", "Print the register";
        Summary => "Hadir {present} · Terlambat {late} · Izin {permitted} · Sakit {sick} · Alpa {absent}", "Present {present} · Late {late} · Izin {permitted} · Sick {sick} · Absent {absent}";

        SelfCheckIn => "Presensi mandiri", "Self check-in";
        OpenCheckIn => "Tampilkan kode presensi", "Show the check-in code";
        CheckInHint => "Peserta mengetik kode (atau memindai QR) di ponselnya sendiri. Kode berganti tiap 30 detik dan hanya berlaku selama sesi.", "Trainees type the code (or scan the QR code) on their own phone. The code changes every 30 seconds and works only during the session.";
        CheckInTitle => "Kode presensi {cohort}", "Check-in code {cohort}";
        CodeChangesIn => "Berganti dalam {n} detik.", "Changes in {n} seconds.";
        CheckInAddress => "Atau buka {url} dan ketik kodenya.", "Or open {url} and type the code.";
        CheckedInCount => "{n} dari {total} peserta sudah presensi", "{n} of {total} trainees checked in";
        QrLabel => "Kode QR untuk presensi", "QR code for check-in";
        BackToRollCall => "Kembali ke absen", "Back to the roll call";

        CheckInFormTitle => "Presensi", "Check in";
        CheckInFormIntro => "Ketik kode 6 angka yang ditampilkan pengajar.", "Type the 6-digit code your instructor shows.";
        CodeLabel => "Kode presensi", "Check-in code";
        CheckInButton => "Kirim presensi", "Check in";

        MyTitle => "Kehadiran saya", "My attendance";
        MyRate => "Kehadiran {rate}", "Attendance {rate}";
        MyBest => "Paling tinggi yang masih bisa dicapai: {rate}.", "The best still reachable: {rate}.";
        NoRateYet => "Belum ada sesi yang dihitung.", "No session counted yet.";
        ThresholdMeaning => "Syarat siap ditempatkan: kehadiran minimal {n} % di angkatan ini.", "To be ready for placement: at least {n}% attendance in this cohort.";
        OnTrack => "Anda memenuhi syarat kehadiran. Pertahankan!", "You meet the attendance requirement. Keep it up!";
        BelowThresholdTrainee => "Kehadiran Anda di bawah syarat. Hadiri semua sesi berikutnya agar tetap bisa memenuhi syarat.", "Your attendance is below the requirement. Attend every coming session to still meet it.";
        CannotReachTrainee => "Kehadiran minimal tidak bisa lagi tercapai di angkatan ini. Bicarakan dengan koordinator Anda.", "The minimum can no longer be reached in this cohort. Talk to your coordinator.";
        Counts => "Hadir {present}, terlambat {late}, izin {permitted}, sakit {sick}, alpa {absent}; {remaining} sesi lagi.", "Present {present}, late {late}, izin {permitted}, sick {sick}, absent {absent}; {remaining} sessions to come.";
        NotMarkedYet => "belum diabsen", "not marked yet";
        Coming => "akan datang", "to come";
        NoCohorts => "Anda belum aktif di angkatan mana pun.", "You are not active in any cohort yet.";
        CheckInNow => "Kelas {cohort} sedang berlangsung: presensi sekarang.", "{cohort} is in class now: check in.";

        ExcusesTitle => "Izin dan sakit", "Excuses";
        ExcusesIntro => "Ajukan izin atau sakit sebelum sesi dimulai. Koordinator memutuskan; izin yang disetujui tercatat di absen.", "Ask for an excuse before the session starts. Your coordinator decides; an approved excuse goes into the roll call.";
        RequestTitle => "Ajukan izin", "Ask for an excuse";
        FieldSession => "Sesi", "Session";
        ChooseSession => "— pilih sesi —", "— choose a session —";
        FieldKind => "Jenis", "Kind";
        KindPermitted => "Izin (keperluan keluarga, urusan resmi, …)", "Izin (family matters, official business, …)";
        KindSick => "Sakit", "Sick";
        FieldReason => "Alasan", "Reason";
        FieldNote => "Foto surat dokter (untuk sakit, tidak wajib)", "Photo of the doctor's note (for sickness, optional)";
        FieldNoteHint => "JPEG, PNG, atau WebP; maksimal {n} KB.", "JPEG, PNG or WebP; at most {n} KB.";
        SendRequest => "Kirim pengajuan", "Send the request";
        NoComingSessions => "Tidak ada sesi mendatang yang bisa diajukan izin.", "No coming session to ask an excuse for.";
        MyRequests => "Pengajuan saya", "My requests";
        NoRequests => "Belum ada pengajuan.", "No requests yet.";
        Withdraw => "Batalkan pengajuan", "Withdraw";
        ReStPending => "Menunggu keputusan", "Awaiting a decision";
        ReStApproved => "Disetujui", "Approved";
        ReStDeclined => "Ditolak", "Declined";
        ReStWithdrawn => "Dibatalkan", "Withdrawn";
        ViewNote => "Lihat surat dokter", "View the doctor's note";
        ReviewTitle => "Pengajuan izin", "Excuse requests";
        ReviewPending => "Menunggu keputusan", "Awaiting a decision";
        ReviewDecided => "Sudah diputuskan", "Decided";
        NoPending => "Tidak ada pengajuan yang menunggu.", "No request is waiting.";
        DecisionNote => "Catatan keputusan (tidak wajib)", "Note on the decision (optional)";
        Approve => "Setujui", "Approve";
        Decline => "Tolak", "Decline";

        GridTitle => "Kehadiran {cohort}", "Attendance of {cohort}";
        GridIntro => "H hadir · T terlambat · I izin · S sakit · A alpa · – di luar masa terdaftar · kosong belum diabsen.", "H present · T late · I izin · S sick · A absent · – outside the enrollment · blank not marked.";
        AllMonths => "Semua bulan", "All months";
        Month => "Bulan", "Month";
        Show => "Tampilkan", "Show";
        Trainee => "Peserta", "Trainee";
        Rate => "Kehadiran", "Attendance";
        Best => "Maks.", "Best";
        NoSessionsYet => "Belum ada sesi.", "No sessions yet.";
        ChartTitle => "Kehadiran per sesi", "Attendance per session";
        ChartLabel => "Grafik kehadiran angkatan per sesi, dari {from} sampai {to}: terendah {min}, tertinggi {max}.", "Chart of the cohort's attendance per session, {from} to {to}: lowest {min}, highest {max}.";
        ExportSessionsCsv => "Ekspor per sesi (CSV)", "Export per session (CSV)";
        ExportSummaryCsv => "Ekspor ringkasan (CSV)", "Export summary (CSV)";
        ExportXlsx => "Ekspor Excel (.xlsx)", "Export Excel (.xlsx)";
        PrintMonth => "Cetak daftar hadir bulan ini", "Print this month's register";
        PolicyTitle => "Aturan kehadiran", "Attendance rules";
        FieldLateWeight => "Terlambat dihitung (%)", "Late counts as (%)";
        FieldLateWeightHint => "Bobot terlambat dibanding hadir penuh (0–100).", "Weight of a late arrival compared to full attendance (0–100).";
        FieldLateAfter => "Terlambat setelah (menit)", "Late after (minutes)";
        FieldLateAfterHint => "Presensi mandiri lewat dari menit ini sejak mulai dicatat Terlambat.", "Self check-in later than this after the start counts as late.";
        FieldAutoAbsent => "Tandai Alpa otomatis setelah (jam)", "Mark absent automatically after (hours)";
        FieldAutoAbsentHint => "Kosongkan untuk mematikan. Peserta yang tidak diabsen menjadi Alpa sekian jam setelah sesi selesai.", "Leave empty to turn off. Trainees left unmarked become absent this many hours after the session ends.";
        FieldEditDays => "Pengajar bisa mengubah absen selama (hari)", "Instructors may edit a roll call for (days)";
        FieldStreak => "Peringatan setelah alpa berturut-turut", "Warn after absences in a row";
        SavePolicy => "Simpan aturan", "Save the rules";

        RegisterTitle => "Daftar hadir", "Attendance register";
        MonthRegisterTitle => "Daftar hadir {cohort} — {month}", "Attendance register {cohort} — {month}";
        No => "No.", "No.";
        Status => "Keterangan", "Status";
        Signature => "Tanda tangan", "Signature";
        InstructorSignature => "Pengajar", "Instructor";
        Print => "Cetak", "Print";

        WarnBelow => "di bawah batas", "below the threshold";
        WarnCannotReach => "tidak bisa lagi mencapai batas", "can no longer reach the threshold";
        WarnStreak => "alpa {n}× berturut-turut", "absent {n} times in a row";

        NoticeRollCallSaved => "Absen {cohort} disimpan ({n} peserta).", "Roll call of {cohort} saved ({n} trainees).";
        NoticeCheckedIn => "Presensi tercatat: {status} di {cohort}.", "Checked in: {status} in {cohort}.";
        NoticeExcuseSent => "Pengajuan izin terkirim. Koordinator akan memutuskan.", "Excuse request sent. Your coordinator will decide.";
        NoticeExcuseWithdrawn => "Pengajuan izin dibatalkan.", "Excuse request withdrawn.";
        NoticeExcuseDecided => "Keputusan untuk {name} disimpan.", "Decision for {name} saved.";
        NoticePolicySaved => "Aturan kehadiran {cohort} disimpan.", "Attendance rules of {cohort} saved.";
    }
}

pub fn status_text(status: AttendanceStatus) -> Text {
    match status {
        AttendanceStatus::Present => T::StPresent,
        AttendanceStatus::Late => T::StLate,
        AttendanceStatus::Permitted => T::StPermitted,
        AttendanceStatus::Sick => T::StSick,
        AttendanceStatus::Absent => T::StAbsent,
    }
}

pub fn source_text(source: MarkSource) -> Text {
    match source {
        MarkSource::RollCall => T::SrcRollCall,
        MarkSource::CheckIn => T::SrcCheckIn,
        MarkSource::Excuse => T::SrcExcuse,
        MarkSource::Automatic => T::SrcAuto,
    }
}

pub fn kind_text(kind: ExcuseKind) -> Text {
    match kind {
        ExcuseKind::Permitted => T::StPermitted,
        ExcuseKind::Sick => T::StSick,
    }
}

pub fn excuse_status_text(status: ExcuseStatus) -> Text {
    match status {
        ExcuseStatus::Pending => T::ReStPending,
        ExcuseStatus::Approved => T::ReStApproved,
        ExcuseStatus::Declined => T::ReStDeclined,
        ExcuseStatus::Withdrawn => T::ReStWithdrawn,
    }
}

pub fn warning_text(warning: Warning, locale: Locale) -> String {
    match warning {
        Warning::BelowThreshold => T::WarnBelow.get(locale).to_owned(),
        Warning::CannotReach => T::WarnCannotReach.get(locale).to_owned(),
        Warning::Streak(n) => fill(T::WarnStreak.get(locale), &[("n", &n.to_string())]),
    }
}

/// What the attendance area confirms once after a successful form post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    RollCallSaved {
        cohort: String,
        count: u32,
    },
    CheckedIn {
        cohort: String,
        status: AttendanceStatus,
    },
    ExcuseSent,
    ExcuseWithdrawn,
    ExcuseDecided(String),
    PolicySaved(String),
}

impl AreaNotice for Notice {
    const AREA: &'static str = "attendance";
}
