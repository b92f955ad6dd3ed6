//! What a phone may keep for reading without a connection, decided in one place for the
//! server (which marks the answers the service worker may store) and the pages (which
//! carry the "offline — last updated" banner the worker reveals).
//!
//! Only a trainee's own pages are kept: never staff pages, exports, scans or anything of
//! another person. The worker (`src/server/sw.js`, served at `/sw.js`) stores an
//! answer only when the server marks it with [`KEEP_HEADER`], and forgets everything when
//! the person of an answer ([`PERSON_HEADER`]) changes: phones are shared.

use crate::kernel::{Actor, Role};

/// The trainee's own pages, read on the way to class.
pub const OWN_PAGES: [&str; 4] = ["/jadwal", "/kesiapan-saya", "/kehadiran", "/izin"];

/// Set (to `1`) on an answer the worker may keep for offline reading.
pub const KEEP_HEADER: &str = "x-siap-offline";

/// Who an HTML answer was rendered for: a tag of the account (`u` and its id: only ever
/// sent to that person's own browser), or `anon`.
pub const PERSON_HEADER: &str = "x-siap-person";

/// The release an HTML answer comes from: a worker of an older release stops serving its
/// cached static files (their addresses do not change between releases) and updates.
pub const RELEASE_HEADER: &str = "x-siap-release";

/// The id of the banner the worker reveals on a kept copy.
pub const BANNER_ID: &str = "offline-banner";

/// Whether the answer to `path` (no query) for `actor` may be kept on the phone.
pub fn may_keep(actor: Option<&Actor>, path: &str, query: &str) -> bool {
    actor.is_some_and(|actor| actor.role == Role::Trainee) && query.is_empty() && OWN_PAGES.contains(&path)
}

/// The tag [`PERSON_HEADER`] carries for `actor`.
pub fn person_tag(actor: Option<&Actor>) -> String {
    actor.map_or_else(|| "anon".to_owned(), |actor| format!("u{}", actor.user_id.get()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trainees_own_pages_without_a_query_are_kept() {
        let trainee = Actor::new(7, Role::Trainee, &[1]);
        let instructor = Actor::new(8, Role::Instructor, &[1]);
        assert!(may_keep(Some(&trainee), "/jadwal", ""));
        assert!(may_keep(Some(&trainee), "/izin", ""));
        assert!(!may_keep(Some(&trainee), "/jadwal", "minggu=2"));
        assert!(!may_keep(Some(&trainee), "/akun", ""));
        assert!(!may_keep(Some(&trainee), "/jadwal/cetak", ""));
        assert!(!may_keep(Some(&instructor), "/jadwal", ""));
        assert!(!may_keep(None, "/jadwal", ""));
        assert_eq!(person_tag(None), "anon");
        assert_ne!(person_tag(Some(&trainee)), "anon");
    }
}
