//! Who is asking: the signed-in person and their role. Every area's authorization rules
//! are functions of an [`Actor`].

use serde::{Deserialize, Serialize};
use std::fmt;

use super::error::Problem;
use super::ids::AccountId;

/// What a person is in the programme; decides what they may see and do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Role {
    /// A CPMI in training; sees only their own records.
    Trainee,
    /// Teaches and takes attendance in the cohorts they teach.
    Instructor,
    /// UPT BP2MI / BBPLK staff running cohorts at one or more sites.
    Coordinator,
    /// Runs the installation: staff accounts, sites, everything.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Trainee, Role::Instructor, Role::Coordinator, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Trainee => "trainee",
            Role::Instructor => "instructor",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }

    /// # Errors
    /// [`Problem::InvalidChoice`] for anything that is not one of the four role names.
    pub fn parse(input: &str) -> Result<Self, Problem> {
        match input.trim() {
            "trainee" => Ok(Role::Trainee),
            "instructor" => Ok(Role::Instructor),
            "coordinator" => Ok(Role::Coordinator),
            "admin" => Ok(Role::Admin),
            _ => Err(Problem::InvalidChoice),
        }
    }

    /// Staff sign in with e-mail; trainees with phone number or NIK.
    pub fn is_staff(self) -> bool {
        !matches!(self, Role::Trainee)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The signed-in person making a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: AccountId,
    pub role: Role,
    pub display_name: String,
    /// The sites a coordinator runs or an instructor works at; a trainee's home site.
    pub site_ids: Vec<i64>,
    /// The session this request came with.
    pub session_id: i64,
    /// The integration key a partner system calls with (the API), instead of a person.
    #[serde(default)]
    pub integration: Option<Integration>,
}

/// A partner system's key, acting as an [`Actor`] in the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Integration {
    pub key: super::ids::KeyId,
    /// The integration's name, as the audit log shows it.
    pub name: String,
    /// The key may read people's personal data (`pii:read`): whole NIKs, birth dates,
    /// addresses, phone numbers and e-mail addresses. Without it they are masked or left out.
    #[serde(default)]
    pub personal_data: bool,
}

/// The rule of use cases open to anyone signed in, which decide by object scope alone (the
/// cohorts within their reach, their own records): every such use case asks the scope model.
pub fn signed_in(_: &Actor) -> bool {
    true
}

impl Actor {
    /// An actor outside any web session (the command line, tests): no display name.
    pub fn new(user_id: impl Into<AccountId>, role: Role, site_ids: &[i64]) -> Self {
        Self {
            user_id: user_id.into(),
            role,
            display_name: String::new(),
            site_ids: site_ids.to_vec(),
            session_id: 0,
            integration: None,
        }
    }

    /// The person's account; `None` for a partner system's key, which has none.
    pub fn account(&self) -> Option<AccountId> {
        self.integration.is_none().then_some(self.user_id)
    }

    /// Whether personal data may be shown to the actor at all: always to people (their role
    /// and scope decide the rest), to a partner system's key only with `pii:read`.
    pub fn reads_personal_data(&self) -> bool {
        self.integration.as_ref().is_none_or(|key| key.personal_data)
    }

    /// Coordinators and admins: the people who run sites (plan cohorts, keep the registry).
    pub fn runs_sites(&self) -> bool {
        matches!(self.role, Role::Coordinator | Role::Admin)
    }

    /// Runs `site_id`: admins every site, coordinators their own.
    pub fn runs_site(&self, site_id: i64) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Coordinator => self.has_site(Some(site_id)),
            Role::Instructor | Role::Trainee => false,
        }
    }

    /// Whether `site_id` is one of the actor's sites (`None` never is).
    pub fn has_site(&self, site_id: Option<i64>) -> bool {
        site_id.is_some_and(|id| self.site_ids.contains(&id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_run_every_site_and_coordinators_their_own() {
        assert!(Actor::new(1, Role::Admin, &[]).runs_site(7));
        assert!(Actor::new(1, Role::Coordinator, &[7]).runs_site(7));
        assert!(!Actor::new(1, Role::Coordinator, &[7]).runs_site(8));
        assert!(!Actor::new(1, Role::Instructor, &[7]).runs_site(7));
        assert!(!Actor::new(1, Role::Instructor, &[7]).runs_sites());
    }

    #[test]
    fn roles_round_trip_through_their_stored_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert_eq!(Role::parse("superuser"), Err(Problem::InvalidChoice));
        assert!(!Role::Trainee.is_staff());
        assert!(Role::Instructor.is_staff());
    }

    #[test]
    fn an_actor_has_only_its_own_sites() {
        let actor = Actor {
            user_id: AccountId(1),
            role: Role::Coordinator,
            display_name: "x".into(),
            site_ids: vec![3, 4],
            session_id: 1,
            integration: None,
        };
        assert!(actor.has_site(Some(3)));
        assert!(!actor.has_site(Some(5)));
        assert!(!actor.has_site(None));
    }
}
