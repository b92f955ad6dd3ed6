//! The UI kit: building blocks every area's pages use — form fields with their error
//! messages, access guards, the notice banner, navigation entries, and the few
//! interactive islands. Knows no area; stands on the web platform and the core.

pub mod forms;
pub mod guard;
pub mod islands;
pub mod nav;
pub mod notice;
pub mod texts;
