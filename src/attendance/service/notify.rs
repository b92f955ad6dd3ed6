//! Telling a session's trainees it was moved or cancelled: for whoever changed it (may
//! change it), everyone committed to the cohort's dates with a one-tap WhatsApp link
//! carrying the message, and the message for the cohort's group. The change and who may
//! announce it are the schedule's; the people and their phones are the trainees area's,
//! each phone shown as the scope model lets the reader see it.

use crate::attendance::dto::{ChangeNotice, ToTell};
use crate::kernel::identity::PhoneNumber;
use crate::kernel::{Actor, AppError, SessionId, TraineeId};
use crate::platform::state::Env;

/// Whom to tell about the change to session `session_id`, and what; `None` while the
/// session is as planned.
///
/// # Errors
/// `NotFound` when missing or out of reach, `Forbidden` for those who may not change it.
pub async fn change_notice(
    env: Env<'_>,
    actor: &Actor,
    session_id: SessionId,
) -> Result<Option<ChangeNotice>, AppError> {
    let Some(announcement) = crate::schedule::service::change_announcement(env, actor, session_id).await?
    else {
        return Ok(None);
    };
    let change = announcement.change;
    let members = crate::trainees::db::committed_members(env.db, announcement.cohort_id).await?;
    let trainees = members
        .iter()
        .map(|member| {
            let phone = crate::trainees::service::shown_phone(
                actor,
                member,
                Some(&announcement.ties),
                member.phone.as_deref(),
            );
            // A link only to a mobile number the reader may see.
            let whatsapp = phone
                .as_deref()
                .and_then(|shown| PhoneNumber::parse(shown).ok())
                .map(|number| number.whatsapp_link(Some(&change.message(Some(&member.full_name)))));
            ToTell {
                trainee_id: TraineeId(member.id),
                name: member.full_name.clone(),
                phone,
                whatsapp,
            }
        })
        .collect();
    Ok(Some(ChangeNotice {
        group_message: change.message(None),
        change,
        trainees,
    }))
}
