//! What an area offers for the navigation and the start page, the links and sections
//! higher areas add to a record's page, and the pager under lists.

use crate::kernel::{Actor, CohortId, SessionId, Text};

/// A link to one of an area's pages, with what it is for (shown on the start page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavLink {
    pub href: &'static str,
    pub label: Text,
    pub description: Option<Text>,
}

impl NavLink {
    pub const fn new(href: &'static str, label: Text) -> Self {
        Self {
            href,
            label,
            description: None,
        }
    }

    pub const fn described(mut self, description: Text) -> Self {
        self.description = Some(description);
        self
    }
}

/// A page of one record that a higher area adds to the record's own page: a cohort's
/// roster, attendance and scores on the cohort page, a session's roll call on the session
/// page. The area that renders the record cannot name higher areas, so the app composes
/// the links and provides them ([`CohortLinks`], [`SessionLinks`]).
#[derive(Debug, Clone, Copy)]
pub struct RecordLink<Id: 'static> {
    pub label: Text,
    /// The page's address for the record's id.
    pub href: fn(Id) -> String,
    /// Whom the link is shown to (the page's own rule), so nobody is sent to a 403.
    pub shown_to: fn(&Actor) -> bool,
}

/// A [`RecordLink`] every staff member on the record's page may follow.
pub fn any_staff(_: &Actor) -> bool {
    true
}

/// The links the cohort page shows its staff, in order.
#[derive(Debug, Clone, Default)]
pub struct CohortLinks(pub &'static [RecordLink<CohortId>]);

/// The links the session page shows its staff, in order.
#[derive(Debug, Clone, Default)]
pub struct SessionLinks(pub &'static [RecordLink<SessionId>]);

/// What higher areas show on the page of a moved or cancelled session to those who may
/// change it: the attendance area's trainees to tell, with WhatsApp links. Each renders
/// the part for the session's id; the app composes and provides them, as [`SessionLinks`].
#[derive(Clone, Default)]
pub struct SessionChangePanels(pub &'static [fn(SessionId) -> leptos::prelude::AnyView]);

/// "Previous · Page 2 of 5 · Next" under a paged list; `link(n)` is the address of page n.
#[leptos::component]
pub fn Pager(page: u64, pages: u64, link: impl Fn(u64) -> String + 'static) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let locale = crate::platform::page::use_page().locale;
    let t = move |key: Text| key.get(locale);
    let previous = (page > 1).then(|| link(page - 1));
    let next = (page < pages).then(|| link(page + 1));
    let position = crate::kernel::i18n::fill(
        t(super::texts::Ui::PageOf),
        &[("page", &page.to_string()), ("pages", &pages.to_string())],
    );
    view! {
        <nav class="pagination" aria-label=t(super::texts::Ui::Pagination)>
            {previous.map(|href| view! { <a href=href rel="prev">{t(super::texts::Ui::Previous)}</a> })}
            <span>{position}</span>
            {next.map(|href| view! { <a href=href rel="next">{t(super::texts::Ui::Next)}</a> })}
        </nav>
    }
}
