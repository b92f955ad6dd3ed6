//! The integrations area's texts (Indonesian, English).

use serde::{Deserialize, Serialize};

use super::dto::IssuedKey;
use super::model::{KeyState, Scope};
use crate::kernel::i18n::texts;
use crate::kernel::Text;
use crate::platform::flash::AreaNotice;

texts! {
    pub struct T {
        NavIntegrations => "Integrasi", "Integrations";
        LinkIntegrationsDesc => "Kunci API untuk sistem mitra: SIAPkerja, SISKOP2MI, pusat ujian, P3MI.", "API keys for partner systems: SIAPkerja, SISKOP2MI, test centres, placement agencies.";
        KeysTitle => "Kunci integrasi", "Integration keys";
        KeysIntro => "Sistem mitra memanggil API Siap Jepang (/api/v1) dengan kunci, bukan kata sandi seseorang. Kunci hanya ditampilkan sekali saat dibuat; yang disimpan hanya sidik (hash)-nya dan awalannya.", "Partner systems call the Siap Jepang API (/api/v1) with a key, never a person's password. A key is shown once, when it is made; only its hash and its prefix are kept.";
        NewKeyTitle => "Buat kunci baru", "Make a new key";
        FieldName => "Nama integrasi", "Integration name";
        FieldNameHint => "Misalnya \"SISKOP2MI BP3MI Banten\". Dua kunci dengan nama yang sama boleh aktif bersamaan, untuk pergantian kunci.", "For example \"SISKOP2MI BP3MI Banten\". Two keys of the same name may be live at once, for rotation.";
        FieldScopes => "Izin", "Scopes";
        FieldScopesHint => "Pilih hanya yang dibutuhkan mitra.", "Choose only what the partner needs.";
        FieldSites => "Terbatas pada lokasi", "Limited to sites";
        FieldSitesHint => "Tanpa centang: semua lokasi.", "None ticked: every site.";
        FieldExpiry => "Berlaku (hari)", "Valid for (days)";
        FieldExpiryHint => "1–730 hari. Kosongkan bila tanpa batas waktu.", "1–730 days. Leave empty for no expiry.";
        CreateKey => "Buat kunci", "Make key";
        KeysListTitle => "Kunci yang ada", "Keys";
        NoKeys => "Belum ada kunci integrasi.", "No integration keys yet.";
        KeysCount => "{n} kunci", "{n} keys";
        AllSites => "Semua lokasi", "Every site";
        CreatedBy => "Dibuat {when} oleh {who}", "Made {when} by {who}";
        CreatedByCli => "Dibuat {when} lewat baris perintah", "Made {when} at the command line";
        ExpiresOn => "Berakhir {when}", "Expires {when}";
        NoExpiry => "Tanpa batas waktu", "No expiry";
        RevokedOn => "Dicabut {when}", "Revoked {when}";
        LastUsed => "Terakhir dipakai {when}", "Last used {when}";
        NeverUsed => "Belum pernah dipakai", "Never used";
        Requests => "{n} permintaan", "{n} requests";
        Revoke => "Cabut kunci {prefix}", "Revoke key {prefix}";
        RevokeConfirm => "Cabut kunci ini? Sistem mitra yang memakainya langsung ditolak.", "Revoke this key? The partner system using it is refused at once.";
        StateLive => "Aktif", "Live";
        StateExpired => "Kedaluwarsa", "Expired";
        StateRevoked => "Dicabut", "Revoked";
        KeyCreatedTitle => "Kunci untuk {name}", "Key for {name}";
        KeyShownOnce => "Salin sekarang dan kirim ke mitra lewat jalur yang aman. Kunci ini tidak akan ditampilkan lagi; bila hilang, buat kunci baru lalu cabut yang lama.", "Copy it now and hand it to the partner over a safe channel. It will not be shown again; if it is lost, make a new key and revoke the old one.";
        KeyExpires => "Berlaku sampai {when}.", "Valid until {when}.";
        KeyNeverExpires => "Berlaku tanpa batas waktu sampai dicabut.", "Valid until revoked.";
        CopyKey => "Salin kunci", "Copy key";
        Copied => "Tersalin", "Copied";
        NoticeRevoked => "Kunci {prefix} ({name}) dicabut. Permintaan dengan kunci ini ditolak mulai sekarang.", "Key {prefix} ({name}) revoked. Requests with it are refused from now on.";
        ApiUnauthenticated => "Kunci API tidak ada, tidak dikenal, kedaluwarsa atau sudah dicabut. Kirim header Authorization: Bearer <kunci>.", "The API key is missing, unknown, expired or revoked. Send the header Authorization: Bearer <key>.";
        ApiMissingScope => "Kunci ini tidak punya izin {scope}.", "This key does not have the scope {scope}.";
        ApiBadCursor => "Kursor tidak dikenali. Pakai tautan next dari jawaban sebelumnya.", "Unknown cursor. Use the next link of the previous answer.";
        ApiUnknownParameter => "Parameter ini tidak dikenal.", "Unknown parameter.";
        ApiRepeatedParameter => "Parameter ini dikirim lebih dari sekali.", "This parameter was sent more than once.";
        ApiBadRequest => "Permintaan tidak dapat dibaca.", "The request could not be read.";
        ApiNoRoute => "Alamat API ini tidak ada. Lihat /api/v1/docs.", "No such API address. See /api/v1/docs.";
        ApiMethodNotAllowed => "Metode ini tidak didukung di alamat ini.", "This method is not supported at this address.";
        ApiNotJson => "Isi permintaan harus satu objek JSON.", "The request body must be one JSON object.";
        ApiWrongType => "Jenis nilai salah untuk kolom ini (lihat dokumen API).", "Wrong type of value for this field (see the API document).";
        ApiUnknownField => "Kolom ini tidak dikenal untuk jenis hasil ini.", "This field is not known for this kind of result.";
        ApiBadIdempotencyKey => "Idempotency-Key harus 1–200 karakter ASCII yang terlihat.", "Idempotency-Key must be 1–200 visible ASCII characters.";
        ApiIdempotencyInProgress => "Permintaan dengan Idempotency-Key ini masih diproses. Coba lagi sebentar lagi.", "A request with this Idempotency-Key is still being answered. Try again shortly.";
        ApiIdempotencyKeyReused => "Idempotency-Key ini sudah dipakai untuk permintaan lain. Pakai kunci baru untuk setiap hasil.", "This Idempotency-Key was used for another request. Use a new one for each result.";
        ApiTooLarge => "Isi permintaan terlalu besar (paling banyak 16 KiB).", "The request body is too large (16 KiB at most).";
        ApiRateLimited => "Terlalu banyak permintaan dengan kunci ini. Coba lagi dalam {n} detik.", "Too many requests with this key. Try again in {n} seconds.";
        ScopeCohortsRead => "cohorts:read — lokasi, program, angkatan dan jadwal sesinya", "cohorts:read — sites, programmes, cohorts and their sessions";
        ScopeTraineesRead => "trainees:read — data peserta (NIK disamarkan), pendaftaran dan riwayatnya", "trainees:read — trainee records (NIK masked), enrollments and their history";
        ScopePiiRead => "pii:read — NIK utuh dan nomor HP (bersama trainees:read)", "pii:read — whole NIKs and phone numbers (with trainees:read)";
        ScopeAttendanceRead => "attendance:read — ringkasan kehadiran", "attendance:read — attendance summaries";
        ScopeReadinessRead => "readiness:read — kesiapan penempatan dan kekurangannya", "readiness:read — placement readiness and what blocks it";
        ScopeRegistryWrite => "registry:write — ID PMI dan nomor SISKOP2MI peserta", "registry:write — a trainee's ID PMI and SISKOP2MI number";
        ScopeResultsWrite => "results:write — hasil resmi dari pusat ujian", "results:write — official results from a test centre";
    }
}

pub fn scope_text(scope: Scope) -> Text {
    match scope {
        Scope::CohortsRead => T::ScopeCohortsRead,
        Scope::TraineesRead => T::ScopeTraineesRead,
        Scope::PiiRead => T::ScopePiiRead,
        Scope::AttendanceRead => T::ScopeAttendanceRead,
        Scope::ReadinessRead => T::ScopeReadinessRead,
        Scope::RegistryWrite => T::ScopeRegistryWrite,
        Scope::ResultsWrite => T::ScopeResultsWrite,
    }
}

pub fn state_text(state: KeyState) -> Text {
    match state {
        KeyState::Live => T::StateLive,
        KeyState::Expired => T::StateExpired,
        KeyState::Revoked => T::StateRevoked,
    }
}

/// What the integrations area confirms once after a successful form post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// Shown with the whole key (exactly once).
    KeyCreated(IssuedKey),
    /// The key's name and prefix.
    KeyRevoked(String, String),
}

impl AreaNotice for Notice {
    const AREA: &'static str = "integrations";
}
