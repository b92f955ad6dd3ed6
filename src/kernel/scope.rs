//! Who reaches which rows: the one scope model every area asks.
//!
//! What an actor may reach follows from their role alone ([`Reach`]): everything for
//! admins, the sites they run for coordinators, the cohorts they teach now for
//! instructors, their own record (and the cohorts it holds a seat in) for trainees. How
//! one row stands to the actor ([`CohortTies`], [`PersonTies`]) is found by the row's
//! owning area; the rules below decide. No area recomputes them.
//!
//! Which site owns a row, applied everywhere:
//! - what happens **in a cohort** belongs to the cohort's site: the cohort, its sessions,
//!   roll calls and marks, excuse requests and their notes, assessments and scores, the
//!   lessons taught;
//! - what belongs to **the person** belongs to the trainee record's site (the home site):
//!   the record, their account, their documents and scans, their official results.
//!
//! A row out of reach is answered as if it did not exist (404), so its existence does not
//! leak.

use super::actor::{Actor, Role};
use super::ids::AccountId;

/// What an actor may reach, by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Admins: every site and everything at it.
    Everything,
    /// Coordinators: the sites they run, with their records and cohorts.
    Sites(Vec<i64>),
    /// Instructors (by account): the cohorts they teach now, and those cohorts' rosters.
    Teaching(AccountId),
    /// Trainees (by account): their own record and the cohorts it holds a seat in.
    Own(AccountId),
}

/// How one cohort stands to the actor asking, as the cohorts area found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CohortTies {
    pub site_id: i64,
    /// The actor is one of its instructors now.
    pub taught: bool,
    /// The actor's record holds a seat in it (accepted, active or completed).
    pub seated: bool,
}

impl CohortTies {
    /// The ties of a cohort at `site_id` that was found within the actor's reach: an
    /// instructor found it because they teach it, a trainee because they hold a seat.
    pub fn within_reach(actor: &Actor, site_id: i64) -> Self {
        Self {
            site_id,
            taught: actor.role == Role::Instructor,
            seated: actor.role == Role::Trainee,
        }
    }
}

/// How one person's record stands to the actor asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonTies {
    /// The record's (home) site.
    pub site_id: i64,
    /// The person's account, if the record is linked to one.
    pub user_id: Option<AccountId>,
}

impl Actor {
    /// What this actor may reach.
    pub fn reach(&self) -> Reach {
        match self.role {
            Role::Admin => Reach::Everything,
            Role::Coordinator => Reach::Sites(self.site_ids.clone()),
            Role::Instructor => Reach::Teaching(self.user_id),
            Role::Trainee => Reach::Own(self.user_id),
        }
    }

    /// The sites whose rows this actor runs, for filtering lists: `None` for every site
    /// (admins), a coordinator's own sites, and no site for instructors and trainees.
    pub fn sites_run(&self) -> Option<&[i64]> {
        match self.role {
            Role::Admin => None,
            Role::Coordinator => Some(&self.site_ids),
            Role::Instructor | Role::Trainee => Some(&[]),
        }
    }

    /// The sites the actor works at or belongs to, for what is shared by everyone at a
    /// site (its rooms, its days off): `None` for every site (admins), the actor's own
    /// sites for everyone else.
    pub fn sites_of_work(&self) -> Option<&[i64]> {
        match self.role {
            Role::Admin => None,
            Role::Coordinator | Role::Instructor | Role::Trainee => Some(&self.site_ids),
        }
    }

    /// Seeing a cohort and its schedule: admins, its site's coordinators, its instructors
    /// and the trainees who hold a seat in it.
    pub fn reaches_cohort(&self, cohort: &CohortTies) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Coordinator => self.has_site(Some(cohort.site_id)),
            Role::Instructor => cohort.taught,
            Role::Trainee => cohort.seated,
        }
    }

    /// Running a cohort (planning, enrollment, decisions on what happens in it): admins
    /// and its site's coordinators.
    pub fn runs_cohort(&self, cohort: &CohortTies) -> bool {
        self.runs_site(cohort.site_id)
    }

    /// Working in a cohort (rosters, roll calls, lessons and scores): its staff, i.e.
    /// those who run it and its instructors.
    pub fn staffs_cohort(&self, cohort: &CohortTies) -> bool {
        self.runs_cohort(cohort) || (self.role == Role::Instructor && cohort.taught)
    }

    /// Seeing a person's record, documents and results: admins, the coordinators of the
    /// record's site, and the person.
    pub fn reaches_person(&self, person: &PersonTies) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Coordinator => self.has_site(Some(person.site_id)),
            Role::Trainee => self.is_person(person),
            Role::Instructor => false,
        }
    }

    /// Changing a person's record, documents and results: admins and the coordinators of
    /// the record's site.
    pub fn runs_person(&self, person: &PersonTies) -> bool {
        self.runs_site(person.site_id)
    }

    /// The actor is the person (a trainee looking at their own record).
    pub fn is_person(&self, person: &PersonTies) -> bool {
        self.role == Role::Trainee && person.user_id == Some(self.user_id)
    }

    /// The whole NIK: only admins and the coordinators of the record's site. Everyone
    /// else, the person included, sees it masked (`3673********0002`), on every page,
    /// export, feed and JSON answer.
    /// A partner system's key sees it only with `pii:read`.
    pub fn sees_whole_nik(&self, person: &PersonTies) -> bool {
        self.runs_person(person) && self.reads_personal_data()
    }

    /// A phone number: staff who can reach the person (those who reach the record, and the
    /// staff of a cohort the person is in, `via`), and the person.
    /// A partner system's key: only with `pii:read`.
    pub fn sees_phone(&self, person: &PersonTies, via: Option<&CohortTies>) -> bool {
        self.reads_personal_data()
            && (self.reaches_person(person) || via.is_some_and(|cohort| self.staffs_cohort(cohort)))
    }

    /// Scans and notes (a passport scan, a doctor's note): the person and the
    /// coordinators who keep the row they belong to: the record's site for the person's
    /// documents, the cohort's site (`kept_in`) for a note on an excuse, which that site
    /// decides.
    pub fn sees_scan(&self, person: &PersonTies, kept_in: Option<&CohortTies>) -> bool {
        self.is_person(person)
            || match kept_in {
                Some(cohort) => self.runs_cohort(cohort),
                None => self.runs_person(person),
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, user_id: i64, sites: &[i64]) -> Actor {
        Actor::new(user_id, role, sites)
    }

    fn cohort(site_id: i64, taught: bool, seated: bool) -> CohortTies {
        CohortTies {
            site_id,
            taught,
            seated,
        }
    }

    const PERSON: PersonTies = PersonTies {
        site_id: 10,
        user_id: Some(AccountId(5)),
    };

    #[test]
    fn each_role_reaches_its_own_part() {
        assert_eq!(actor(Role::Admin, 1, &[]).reach(), Reach::Everything);
        assert_eq!(
            actor(Role::Coordinator, 2, &[10, 11]).reach(),
            Reach::Sites(vec![10, 11])
        );
        assert_eq!(
            actor(Role::Instructor, 3, &[10]).reach(),
            Reach::Teaching(AccountId(3))
        );
        assert_eq!(actor(Role::Trainee, 5, &[10]).reach(), Reach::Own(AccountId(5)));
        assert_eq!(actor(Role::Admin, 1, &[]).sites_run(), None);
        assert_eq!(actor(Role::Coordinator, 2, &[10]).sites_run(), Some(&[10][..]));
        assert_eq!(actor(Role::Instructor, 3, &[10]).sites_run(), Some(&[][..]));
        assert_eq!(actor(Role::Trainee, 5, &[10]).sites_run(), Some(&[][..]));
        assert_eq!(actor(Role::Instructor, 3, &[10]).sites_of_work(), Some(&[10][..]));
        assert_eq!(actor(Role::Admin, 1, &[]).sites_of_work(), None);
    }

    #[test]
    fn a_cohort_is_reached_by_its_site_its_instructors_and_its_seats() {
        let admin = actor(Role::Admin, 1, &[]);
        let coordinator = actor(Role::Coordinator, 2, &[10]);
        let other_site = actor(Role::Coordinator, 2, &[11]);
        let instructor = actor(Role::Instructor, 3, &[10]);
        let trainee = actor(Role::Trainee, 5, &[10]);
        let plain = cohort(10, false, false);
        assert!(admin.reaches_cohort(&plain) && admin.runs_cohort(&plain));
        assert!(coordinator.reaches_cohort(&plain) && coordinator.runs_cohort(&plain));
        assert!(!other_site.reaches_cohort(&plain) && !other_site.staffs_cohort(&plain));
        // Sharing the site is not teaching: an instructor reaches only their cohorts.
        assert!(!instructor.reaches_cohort(&plain) && !instructor.staffs_cohort(&plain));
        assert!(instructor.reaches_cohort(&cohort(10, true, false)));
        assert!(instructor.staffs_cohort(&cohort(10, true, false)));
        assert!(!instructor.runs_cohort(&cohort(10, true, false)));
        assert!(!trainee.reaches_cohort(&plain));
        assert!(trainee.reaches_cohort(&cohort(10, false, true)));
        assert!(!trainee.staffs_cohort(&cohort(10, false, true)));
        // "taught" means nothing for a trainee, "seated" nothing for staff.
        assert!(!trainee.reaches_cohort(&cohort(10, true, false)));
        assert!(!instructor.reaches_cohort(&cohort(10, false, true)));
    }

    #[test]
    fn found_within_reach_gives_the_ties_that_reach_found() {
        let instructor = actor(Role::Instructor, 3, &[10]);
        assert!(instructor.staffs_cohort(&CohortTies::within_reach(&instructor, 10)));
        let trainee = actor(Role::Trainee, 5, &[10]);
        assert!(trainee.reaches_cohort(&CohortTies::within_reach(&trainee, 10)));
        let coordinator = actor(Role::Coordinator, 2, &[11]);
        assert!(!coordinator.reaches_cohort(&CohortTies::within_reach(&coordinator, 10)));
    }

    #[test]
    fn a_person_is_reached_by_their_sites_coordinators_and_themselves() {
        assert!(actor(Role::Admin, 1, &[]).reaches_person(&PERSON));
        assert!(actor(Role::Coordinator, 2, &[10]).reaches_person(&PERSON));
        assert!(!actor(Role::Coordinator, 2, &[11]).reaches_person(&PERSON));
        assert!(!actor(Role::Instructor, 3, &[10]).reaches_person(&PERSON));
        assert!(actor(Role::Trainee, 5, &[10]).reaches_person(&PERSON));
        assert!(!actor(Role::Trainee, 6, &[10]).reaches_person(&PERSON));
        // An account id is not a person: staff with the same id are not the trainee.
        assert!(!actor(Role::Instructor, 5, &[]).is_person(&PERSON));
    }

    #[test]
    fn the_whole_nik_is_for_the_records_coordinators_and_admins_only() {
        assert!(actor(Role::Admin, 1, &[]).sees_whole_nik(&PERSON));
        assert!(actor(Role::Coordinator, 2, &[10]).sees_whole_nik(&PERSON));
        assert!(!actor(Role::Coordinator, 2, &[11]).sees_whole_nik(&PERSON));
        assert!(!actor(Role::Instructor, 3, &[10]).sees_whole_nik(&PERSON));
        assert!(!actor(Role::Trainee, 5, &[10]).sees_whole_nik(&PERSON));
    }

    #[test]
    fn phones_go_to_staff_who_can_reach_the_person() {
        let taught = cohort(11, true, false);
        let elsewhere = cohort(11, false, false);
        let instructor = actor(Role::Instructor, 3, &[11]);
        assert!(instructor.sees_phone(&PERSON, Some(&taught)));
        assert!(!instructor.sees_phone(&PERSON, Some(&elsewhere)));
        assert!(!instructor.sees_phone(&PERSON, None));
        // The coordinator of the cohort's site reaches the person through the cohort.
        assert!(actor(Role::Coordinator, 2, &[11]).sees_phone(&PERSON, Some(&elsewhere)));
        assert!(!actor(Role::Coordinator, 2, &[12]).sees_phone(&PERSON, Some(&elsewhere)));
        assert!(actor(Role::Trainee, 5, &[]).sees_phone(&PERSON, None));
        assert!(!actor(Role::Trainee, 6, &[]).sees_phone(&PERSON, Some(&cohort(11, false, true))));
    }

    #[test]
    fn scans_go_to_the_person_and_the_coordinators_who_keep_them() {
        let deciding = cohort(11, false, false);
        assert!(actor(Role::Trainee, 5, &[]).sees_scan(&PERSON, None));
        assert!(actor(Role::Trainee, 5, &[]).sees_scan(&PERSON, Some(&deciding)));
        assert!(actor(Role::Coordinator, 2, &[10]).sees_scan(&PERSON, None));
        assert!(actor(Role::Coordinator, 2, &[11]).sees_scan(&PERSON, Some(&deciding)));
        assert!(!actor(Role::Coordinator, 2, &[11]).sees_scan(&PERSON, None));
        // A note on an excuse is the deciding site's, not the home site's.
        assert!(!actor(Role::Coordinator, 2, &[10]).sees_scan(&PERSON, Some(&deciding)));
        assert!(!actor(Role::Instructor, 3, &[10]).sees_scan(&PERSON, Some(&cohort(10, true, false))));
        assert!(!actor(Role::Trainee, 6, &[]).sees_scan(&PERSON, None));
    }
}
