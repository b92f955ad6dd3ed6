//! The certificates area's texts (Indonesian, English) and its notices.

use serde::{Deserialize, Serialize};

use super::paper::DocumentKind;
use crate::kernel::i18n::{fill, texts};
use crate::kernel::{Locale, Text};
use crate::platform::flash::AreaNotice;

texts! {
    pub struct T {
        NavMine => "Sertifikat saya", "My certificates";
        LinkMine => "Sertifikat kelulusan dan surat keterangan Anda, untuk diunduh.", "Your certificates and enrollment letters, to download.";
        NavSettings => "Pengaturan dokumen", "Document settings";
        LinkSettings => "Penanda tangan, pola nomor surat, dan logo tiap lokasi.", "Each site's signatory, letter numbering and logo.";
        CohortLink => "Sertifikat dan surat", "Certificates and letters";

        KindCertificate => "Sertifikat", "Certificate";
        KindLetter => "Surat keterangan", "Enrollment letter";

        CohortTitle => "Sertifikat dan surat · {cohort}", "Certificates and letters · {cohort}";
        CohortIntro => "Sertifikat terbit untuk peserta yang sudah selesai; surat keterangan untuk peserta aktif. Setiap dokumen bernomor dan bisa diperiksa siapa saja lewat kode QR-nya.", "Certificates are issued to trainees who completed the course, enrollment letters to active ones. Every document is numbered and anyone can check it through its QR code.";
        MissingSettings => "Sebelum menerbitkan, admin perlu melengkapi pengaturan dokumen lokasi {site}:", "Before issuing, an admin must complete the document settings of {site}:";
        IssueAll => "Terbitkan sertifikat untuk {n} peserta yang selesai", "Issue certificates to {n} trainees who completed";
        IssueAllHint => "Semua bernomor dalam satu langkah: terbit semua atau tidak sama sekali.", "All are numbered in one step: all are issued, or none.";
        Issuing => "Sedang menerbitkan sertifikat… Jangan tutup halaman ini.", "Issuing certificates… Keep this page open.";
        IssuingOne => "Sedang menerbitkan…", "Issuing…";
        NothingToCertify => "Semua peserta yang selesai sudah punya sertifikat.", "Every trainee who completed has a certificate.";
        PrintAll => "Unduh {n} sertifikat untuk dicetak (PDF)", "Download {n} certificates for printing (PDF)";
        InEnglish => "versi bahasa Inggris", "English version";
        Name => "Nama", "Name";
        Status => "Status", "Status";
        Documents => "Dokumen", "Documents";
        NoMembers => "Belum ada peserta aktif atau selesai di angkatan ini.", "No active or completed trainees in this cohort yet.";
        NoDocuments => "Belum ada dokumen.", "No documents yet.";
        IssueCertificate => "Terbitkan sertifikat", "Issue certificate";
        IssueLetter => "Terbitkan surat keterangan", "Issue enrollment letter";
        Download => "Unduh PDF", "Download PDF";
        DownloadOf => "Unduh PDF {number}", "Download PDF {number}";
        Revoke => "Cabut", "Revoke";
        Reissue => "Terbitkan ulang", "Reissue";
        ChangeDocument => "Cabut atau terbitkan ulang", "Revoke or reissue";
        Reason => "Alasan", "Reason";
        ReasonHint => "Misalnya: nama salah ketik, diganti sesuai KTP.", "For example: name misspelt, corrected as on the KTP.";
        RevokedOn => "Dicabut {date}: {reason}", "Revoked {date}: {reason}";
        ReplacedBy => "Diganti dengan {number}", "Replaced by {number}";
        Current => "Berlaku", "Valid";
        IssuedOn => "Terbit", "Issued";
        Code => "Kode verifikasi", "Verification code";
        VerifyPage => "Halaman verifikasi", "Verification page";

        MineTitle => "Sertifikat dan surat saya", "My certificates and letters";
        MineIntro => "Unduh dokumen Anda di sini. Penerima dapat memeriksa keasliannya dengan memindai kode QR atau membuka alamat verifikasi yang tercetak.", "Download your documents here. Whoever receives one can check it by scanning its QR code or opening the verification address printed on it.";
        MineNone => "Belum ada sertifikat atau surat keterangan. Koordinator menerbitkannya saat Anda aktif atau sudah selesai.", "No certificate or letter yet. Your coordinator issues them while you are active or once you have completed.";

        VerifyTitle => "Verifikasi dokumen", "Document verification";
        Valid => "Dokumen ini sah.", "This document is valid.";
        ValidHint => "Cocokkan data di bawah dengan yang tercetak di kertas.", "Compare the details below with those printed on the paper.";
        RevokedTitle => "Dokumen ini sudah dicabut.", "This document has been revoked.";
        RevokedText => "Dicabut pada {date}. Dokumen ini tidak berlaku lagi.", "Revoked on {date}. It is no longer valid.";
        UnknownTitle => "Dokumen tidak ditemukan", "Document not found";
        UnknownText => "Tidak ada dokumen dengan kode ini. Periksa kembali kode yang tercetak di kertas.", "No document has this code. Check the code printed on the paper.";
        TooMany => "Terlalu banyak pemeriksaan dari alamat Anda. Coba lagi dalam satu menit.", "Too many checks from your address. Try again in a minute.";
        Kind => "Jenis", "Kind";
        Number => "Nomor", "Number";
        Programme => "Program", "Programme";
        Cohort => "Angkatan", "Cohort";
        Site => "Diterbitkan oleh", "Issued by";
        Period => "Periode", "Period";
        Hours => "Jam pelajaran", "Lesson hours";
        HoursOf => "{a} dari {b} JP", "{a} of {b} JP";

        SettingsTitle => "Pengaturan dokumen", "Document settings";
        SettingsIntro => "Setiap lokasi menerbitkan dengan penanda tangan dan nomor suratnya sendiri. Nomor urut dimulai dari 1 setiap tahun dan tidak pernah dipakai ulang.", "Each site issues with its own signatory and letter numbers. Sequence numbers start at 1 each year and are never reused.";
        SignatoryName => "Nama penanda tangan", "Signatory's name";
        SignatoryPosition => "Jabatan penanda tangan", "Signatory's position";
        CertificatePattern => "Pola nomor sertifikat", "Certificate numbering pattern";
        LetterPattern => "Pola nomor surat keterangan", "Enrollment letter numbering pattern";
        PatternHint => "Bagian: {seq} nomor urut, {site} kode lokasi, {month_roman} bulan (XII), {month} bulan (12), {year} tahun. {seq}, {site} dan {year} wajib.", "Parts: {seq} sequence, {site} site code, {month_roman} month (XII), {month} month (12), {year} year. {seq}, {site} and {year} are required.";
        Example => "Nomor pertama tahun ini: {number}", "First number this year: {number}";
        SaveSettings => "Simpan pengaturan {site}", "Save settings of {site}";
        Logo => "Logo (PNG, JPEG, atau SVG, maks. 512 KB)", "Logo (PNG, JPEG or SVG, at most 512 KB)";
        UploadLogo => "Unggah logo", "Upload logo";
        RemoveLogo => "Hapus logo", "Remove logo";
        HasLogo => "Logo terpasang.", "A logo is set.";
        NoLogo => "Belum ada logo.", "No logo yet.";
        LogoNeedsSettings => "Simpan penanda tangan dulu, lalu unggah logo.", "Save the signatory first, then upload the logo.";

        NoticeIssued => "{kind} {number} untuk {name} sudah terbit.", "{kind} {number} for {name} was issued.";
        NoticeIssuedMany => "{n} sertifikat sudah terbit: {first} sampai {last}.", "{n} certificates were issued: {first} to {last}.";
        NoticeRevoked => "Dokumen sudah dicabut.", "The document was revoked.";
        NoticeReissued => "{number} terbit menggantikan dokumen yang dicabut.", "{number} was issued in place of the revoked document.";
        NoticeSettingsSaved => "Pengaturan dokumen {site} tersimpan.", "The document settings of {site} were saved.";
        NoticeLogoSaved => "Logo {site} tersimpan.", "The logo of {site} was saved.";
        NoticeLogoRemoved => "Logo {site} dihapus.", "The logo of {site} was removed.";
    }
}

pub fn kind_text(kind: DocumentKind) -> Text {
    match kind {
        DocumentKind::Certificate => T::KindCertificate,
        DocumentKind::Letter => T::KindLetter,
    }
}

/// The area's confirmations after a form post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    Issued {
        kind: DocumentKind,
        number: String,
        name: String,
    },
    IssuedMany {
        n: u32,
        first: String,
        last: String,
    },
    Revoked,
    Reissued(String),
    SettingsSaved(String),
    LogoSaved(String),
    LogoRemoved(String),
}

impl AreaNotice for Notice {
    const AREA: &'static str = "certificates";
}

/// The notice in words.
pub fn notice_text(notice: Notice, locale: Locale) -> String {
    match notice {
        Notice::Issued { kind, number, name } => fill(
            T::NoticeIssued.get(locale),
            &[
                ("kind", kind_text(kind).get(locale)),
                ("number", &number),
                ("name", &name),
            ],
        ),
        Notice::IssuedMany { n, first, last } => fill(
            T::NoticeIssuedMany.get(locale),
            &[("n", &n.to_string()), ("first", &first), ("last", &last)],
        ),
        Notice::Revoked => T::NoticeRevoked.get(locale).to_owned(),
        Notice::Reissued(number) => fill(T::NoticeReissued.get(locale), &[("number", &number)]),
        Notice::SettingsSaved(site) => fill(T::NoticeSettingsSaved.get(locale), &[("site", &site)]),
        Notice::LogoSaved(site) => fill(T::NoticeLogoSaved.get(locale), &[("site", &site)]),
        Notice::LogoRemoved(site) => fill(T::NoticeLogoRemoved.get(locale), &[("site", &site)]),
    }
}
