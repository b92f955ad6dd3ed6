//! One site's staff and rooms, and one cohort with its schedule, trainees, enrollments,
//! attendance and placement records.

use sea_orm::Set;
use time::{Date, Duration, OffsetDateTime, Time};

use super::{fresh_code, fresh_email, Person, SiteSeed};
use crate::attendance::model::AttendanceStatus;
use crate::cohorts::model::CohortStatus;
use crate::entities::{
    attendance_marks, class_sessions, cohort_instructors, cohorts, enrollment_events, enrollments,
    official_results, roll_calls, rooms, trainee_documents, trainees, user_sites, users,
};
use crate::kernel::identity::Nik;
use crate::kernel::wib;
use crate::readiness::model::DocumentStatus;
use crate::schedule::db::utc;
use crate::schedule::model::generation::assign_units;
use crate::schedule::model::SessionStatus;
use crate::trainees::model::enrollment::EnrollmentStatus;
use crate::trainees::model::import::fold;

const STATUSES: [(AttendanceStatus, usize); 5] = [
    (AttendanceStatus::Present, 85),
    (AttendanceStatus::Late, 6),
    (AttendanceStatus::Permitted, 3),
    (AttendanceStatus::Sick, 3),
    (AttendanceStatus::Absent, 3),
];

impl SiteSeed<'_> {
    fn account(
        &mut self,
        role: &str,
        name: String,
        email: Option<String>,
        phone: Option<String>,
        nik: Option<String>,
    ) -> i64 {
        let id = self.ids.user();
        let home = (role == "trainee").then_some(self.plan.id);
        self.rows.users.push(users::ActiveModel {
            id: Set(id),
            role: Set(role.to_owned()),
            display_name: Set(name),
            email: Set(email),
            phone: Set(phone),
            nik: Set(nik),
            password_hash: Set(Some(self.hash.to_owned())),
            home_site_id: Set(home),
            is_active: Set(true),
            created_at: Set(self.now),
            updated_at: Set(self.now),
            password_changed_at: Set(Some(self.now)),
            deactivated_at: Set(None),
            created_by: Set(None),
        });
        self.rows.user_sites.push(user_sites::ActiveModel {
            user_id: Set(id),
            site_id: Set(self.plan.id),
        });
        id
    }

    /// The site row (when new), two coordinators, one instructor and one room per lane pair.
    pub(super) fn staff_and_rooms(&mut self) {
        if let Some(site) = self.plan.new.clone() {
            self.rows.sites.push(site);
        }
        let code = self.plan.code.to_lowercase();
        for n in 1..=2 {
            let email = fresh_email(
                &mut self.known.emails,
                &format!("koordinator{n}.{code}@skala.siapjepang.id"),
            );
            let id = self.account(
                "coordinator",
                format!("Koordinator {n} {}", self.plan.code),
                Some(email),
                None,
                None,
            );
            self.coordinators.push(id);
        }
        for n in 1..=self.size.rooms_per_site {
            let email = fresh_email(
                &mut self.known.emails,
                &format!("sensei{n}.{code}@skala.siapjepang.id"),
            );
            let id = self.account(
                "instructor",
                format!("Sensei {n} {}", self.plan.code),
                Some(email),
                None,
                None,
            );
            self.instructors.push(id);
            let room = self.ids.room();
            let name = fresh_code(
                &mut self.known.room_names,
                &format!("{}/Ruang Bahasa {n}", self.plan.id),
            );
            self.rows.rooms.push(rooms::ActiveModel {
                id: Set(room),
                site_id: Set(self.plan.id),
                name: Set(name.split_once('/').map_or(name.clone(), |(_, n)| n.to_owned())),
                capacity: Set(40),
                created_at: Set(self.now),
            });
            self.rooms.push(room);
        }
    }

    /// One cohort of `lane` (room `lane / 2`, morning or afternoon) on `days`.
    pub(super) fn cohort(&mut self, lane: usize, index: usize, days: &[Date]) {
        let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
            return;
        };
        let id = self.ids.cohort();
        let programme = &self.known.programmes[index % self.known.programmes.len()];
        let course = &self.known.courses[index % self.known.courses.len()];
        let units = self.known.units.get(&course.id).cloned().unwrap_or_default();
        let (programme_id, course_id) = (programme.id, course.id);
        let code = fresh_code(
            &mut self.known.cohort_codes,
            &format!(
                "JP-{}-{}-{lane:02}",
                self.plan.code,
                wib::iso_date(first)[2..7].replace('-', "")
            ),
        );
        let status = if last < self.today {
            CohortStatus::Completed
        } else if first > self.today {
            CohortStatus::Open
        } else {
            CohortStatus::Running
        };
        let size = self.size.class_size(index);
        let room = self.rooms[(lane / 2) % self.rooms.len()];
        let instructor = self.instructors[(lane / 2) % self.instructors.len()];
        let coordinator = self.coordinators[index % self.coordinators.len()];
        let (start, end) = if lane.is_multiple_of(2) {
            (Time::from_hms(8, 0, 0), Time::from_hms(12, 0, 0))
        } else {
            (Time::from_hms(13, 0, 0), Time::from_hms(17, 0, 0))
        };
        let (start, end) = (start.unwrap_or(Time::MIDNIGHT), end.unwrap_or(Time::MIDNIGHT));
        let created = utc(wib::at(
            first - Duration::days(45),
            Time::from_hms(9, 0, 0).unwrap_or(Time::MIDNIGHT),
        ))
        .min(self.now);

        // Who is in it: a few leave early; the rest complete, attend or are accepted.
        let mut class = Vec::with_capacity(size);
        let mut seats = 0;
        for n in 0..size {
            let person = self.people.next(self.plan.province);
            let withdrawn = status != CohortStatus::Open && n % 20 == 19;
            let left_on = match status {
                _ if withdrawn => Some((first + Duration::days(30)).min(last)),
                CohortStatus::Completed => Some(last),
                _ => None,
            };
            let enrollment_status = match status {
                _ if withdrawn => EnrollmentStatus::Withdrawn,
                CohortStatus::Completed => EnrollmentStatus::Completed,
                CohortStatus::Running => EnrollmentStatus::Active,
                _ => EnrollmentStatus::Accepted,
            };
            if enrollment_status.holds_seat() {
                seats += 1;
            }
            let trainee = self.trainee(&person, created);
            self.enrollment(trainee, id, enrollment_status, first, left_on, created);
            class.push((trainee, left_on, self.people.roll(10) == 0));
            if status == CohortStatus::Completed {
                self.placement_records(trainee, last, n);
            }
        }
        self.rows.cohorts.push(cohorts::ActiveModel {
            id: Set(id),
            code: Set(code),
            course_id: Set(course_id),
            programme_id: Set(programme_id),
            site_id: Set(self.plan.id),
            room_id: Set(Some(room)),
            capacity: Set(i32::try_from(size.max(24)).unwrap_or(i32::MAX)),
            seats_taken: Set(seats),
            starts_on: Set(first),
            ends_on: Set(last),
            status: Set(status.as_str().to_owned()),
            attendance_threshold: Set(80),
            created_at: Set(created),
            updated_at: Set(created),
            created_by: Set(Some(coordinator)),
        });
        self.rows.instructors.push(cohort_instructors::ActiveModel {
            cohort_id: Set(id),
            user_id: Set(instructor),
        });

        // The schedule, and the roll call of every session already held (a running
        // cohort's latest one is still waiting for its instructor).
        let unit_of = assign_units(days.len(), &units, 0);
        let held: Vec<bool> = days
            .iter()
            .map(|day| utc(wib::at(*day, end)) <= self.now)
            .collect();
        let latest_held = held.iter().rposition(|h| *h);
        for (position, day) in days.iter().enumerate() {
            let session = self.ids.session();
            let starts_at = utc(wib::at(*day, start));
            let ends_at = utc(wib::at(*day, end));
            self.rows.sessions.push(class_sessions::ActiveModel {
                id: Set(session),
                cohort_id: Set(id),
                starts_at: Set(starts_at),
                ends_at: Set(ends_at),
                room_id: Set(Some(room)),
                instructor_id: Set(Some(instructor)),
                unit_id: Set(unit_of.get(position).copied().flatten()),
                status: Set(SessionStatus::Scheduled.as_str().to_owned()),
                change_reason: Set(None),
                original_starts_at: Set(None),
                original_ends_at: Set(None),
                changed_at: Set(None),
                changed_by: Set(None),
                created_at: Set(created),
            });
            let waiting = status == CohortStatus::Running && Some(position) == latest_held;
            if !held[position] || waiting {
                continue;
            }
            let marked_at = starts_at + Duration::minutes(5);
            for (trainee, left_on, weak) in &class {
                if left_on.is_some_and(|left| *day > left) {
                    continue;
                }
                let status = self.status(*weak);
                self.rows.marks.push(attendance_marks::ActiveModel {
                    id: Set(self.ids.mark()),
                    session_id: Set(session),
                    trainee_id: Set(*trainee),
                    status: Set(status.as_str().to_owned()),
                    remark: Set((status == AttendanceStatus::Late).then(|| "Macet".to_owned())),
                    source: Set("roll_call".to_owned()),
                    checked_in_at: Set(None),
                    device: Set(None),
                    marked_by: Set(Some(instructor)),
                    created_at: Set(marked_at),
                    updated_at: Set(marked_at),
                });
            }
            self.rows.roll_calls.push(roll_calls::ActiveModel {
                session_id: Set(session),
                taken_by: Set(Some(instructor)),
                automatic: Set(false),
                taken_at: Set(ends_at),
            });
        }
    }

    fn status(&mut self, weak: bool) -> AttendanceStatus {
        let roll = self.people.roll(100);
        if weak && roll < 12 {
            return AttendanceStatus::Absent;
        }
        let mut below = 0;
        for (status, share) in STATUSES {
            below += share;
            if roll < below {
                return status;
            }
        }
        AttendanceStatus::Present
    }

    fn trainee(&mut self, person: &Person, created: OffsetDateTime) -> i64 {
        let user = self.account(
            "trainee",
            person.full_name.clone(),
            None,
            Some(person.phone.clone()),
            Some(person.nik.clone()),
        );
        let id = self.ids.trainee();
        let nik = Nik::parse(&person.nik, self.today).ok();
        let regency_name = nik
            .as_ref()
            .and_then(|n| n.regency_name().or(n.province_name()))
            .unwrap_or("Indonesia");
        self.rows.trainees.push(trainees::ActiveModel {
            id: Set(id),
            nik: Set(person.nik.clone()),
            user_id: Set(Some(user)),
            site_id: Set(self.plan.id),
            full_name: Set(person.full_name.clone()),
            name_key: Set(fold(&person.full_name)),
            birth_place: Set(regency_name
                .trim_start_matches("Kab. ")
                .trim_start_matches("Kota ")
                .to_owned()),
            birth_date: Set(person.birth_date),
            sex: Set(person.sex.to_owned()),
            address: Set(person.address.clone()),
            regency_code: Set(nik
                .as_ref()
                .filter(|n| n.regency_name().is_some())
                .map(|n| n.regency_code().to_owned())),
            regency_name: Set(regency_name.to_owned()),
            phone: Set(Some(person.phone.clone())),
            email: Set(None),
            education: Set(person.education.to_owned()),
            programme_id: Set(None),
            guardian_name: Set(Some(person.guardian.clone())),
            guardian_relation: Set(Some("Ayah".to_owned())),
            guardian_phone: Set(None),
            source: Set("sosialisasi".to_owned()),
            notes: Set(None),
            id_pmi: Set(None),
            siskop2mi_no: Set(None),
            created_at: Set(created),
            updated_at: Set(created),
            created_by: Set(None),
        });
        id
    }

    fn enrollment(
        &mut self,
        trainee: i64,
        cohort: i64,
        status: EnrollmentStatus,
        first: Date,
        left_on: Option<Date>,
        created: OffsetDateTime,
    ) {
        let id = self.ids.enrollment();
        let joined = !matches!(status, EnrollmentStatus::Accepted);
        self.rows.enrollments.push(enrollments::ActiveModel {
            id: Set(id),
            trainee_id: Set(trainee),
            cohort_id: Set(cohort),
            status: Set(status.as_str().to_owned()),
            waitlisted_at: Set(None),
            joined_on: Set(joined.then_some(first)),
            left_on: Set(left_on),
            transferred_to: Set(None),
            created_at: Set(created),
            updated_at: Set(created),
        });
        let start = utc(wib::start_of_day(first)).min(self.now);
        let mut steps = vec![
            (None, EnrollmentStatus::Applied, created),
            (
                Some(EnrollmentStatus::Applied),
                EnrollmentStatus::Accepted,
                created + Duration::days(7),
            ),
        ];
        if joined {
            steps.push((Some(EnrollmentStatus::Accepted), EnrollmentStatus::Active, start));
        }
        if let (Some(left), true) = (
            left_on,
            matches!(status, EnrollmentStatus::Completed | EnrollmentStatus::Withdrawn),
        ) {
            steps.push((
                Some(EnrollmentStatus::Active),
                status,
                utc(wib::start_of_day(left)).min(self.now),
            ));
        }
        for (from, to, at) in steps {
            self.rows.events.push(enrollment_events::ActiveModel {
                id: Set(self.ids.event()),
                enrollment_id: Set(id),
                from_status: Set(from.map(|s| s.as_str().to_owned())),
                to_status: Set(to.as_str().to_owned()),
                reason: Set((to == EnrollmentStatus::Withdrawn)
                    .then(|| "Diterima bekerja di dalam negeri".to_owned())),
                actor_id: Set(None),
                occurred_at: Set(at),
            });
        }
    }

    /// A JLPT result and the first documents of someone who finished the course.
    fn placement_records(&mut self, trainee: i64, last: Date, n: usize) {
        let taken_on = (last + Duration::days(14)).min(self.today);
        let passed = n % 10 < 7;
        self.rows.results.push(official_results::ActiveModel {
            id: Set(self.ids.result()),
            trainee_id: Set(trainee),
            kind: Set("jlpt".to_owned()),
            level: Set(Some("N4".to_owned())),
            score: Set(None),
            passed: Set(passed),
            taken_on: Set(taken_on),
            certificate_no: Set(passed.then(|| format!("JLPT-N4-{trainee:07}"))),
            field: Set(None),
            recorded_by: Set(None),
            recorded_at: Set(self.now),
        });
        let verified_at = utc(wib::start_of_day(taken_on)).min(self.now);
        let coordinator = self.coordinators.first().copied();
        for (kind, expires) in [
            ("ktp", None),
            ("kk", None),
            ("paspor", Some(3650)),
            ("mcu", Some(180)),
        ] {
            let issued = last - Duration::days(30);
            let verified = kind != "mcu" || n.is_multiple_of(3);
            let document_status = if verified {
                DocumentStatus::Verified
            } else {
                DocumentStatus::Submitted
            };
            self.rows.documents.push(trainee_documents::ActiveModel {
                id: Set(self.ids.document()),
                trainee_id: Set(trainee),
                kind: Set(kind.to_owned()),
                status: Set(document_status.as_str().to_owned()),
                number: Set(Some(format!("{}-{trainee:07}", kind.to_uppercase()))),
                issued_on: Set(Some(issued)),
                expires_on: Set(expires.map(|days| issued + Duration::days(days))),
                reason: Set(None),
                has_scan: Set(false),
                verified_by: Set(verified.then_some(coordinator).flatten()),
                verified_at: Set(verified.then_some(verified_at)),
                updated_by: Set(coordinator),
                updated_at: Set(verified_at),
            });
        }
    }
}
