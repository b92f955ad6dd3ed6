//! An entry an area offers for the navigation and the start page.

use crate::kernel::Text;

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
