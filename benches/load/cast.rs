//! Who the load driver plays: users of a scale-seeded database, and their sign-ins.

use super::driver::{self, Cast, Persona};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use siap_jepang::entities::{class_sessions, cohorts, enrollments, trainees, user_sites, users};
use siap_jepang::schedule::db::utc;
use std::collections::HashMap;

/// (login, work) of the users to sign in as.
pub struct Wanted {
    pub trainees: Vec<String>,
    pub instructors: Vec<(String, i64, Vec<i64>)>,
    pub coordinators: Vec<(String, i64)>,
}

/// Up to `trainee_count` trainees of running cohorts (spread over the sites), up to
/// `instructor_count` instructors, each with a session they may still mark, and up to
/// `coordinator_count` coordinators, each with the biggest running cohort of their sites.
pub async fn wanted(
    db: &DatabaseConnection,
    trainee_count: u64,
    instructor_count: u64,
    coordinator_count: u64,
) -> Result<Wanted, sea_orm::DbErr> {
    let now = time::OffsetDateTime::now_utc();
    let running: Vec<cohorts::Model> = cohorts::Entity::find()
        .filter(cohorts::Column::Status.eq("running"))
        .all(db)
        .await?;
    let running_ids: Vec<i64> = running.iter().map(|c| c.id).collect();
    let mut class: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut in_class = Vec::new();
    for chunk in running_ids.chunks(5_000) {
        for (cohort, trainee) in enrollments::Entity::find()
            .select_only()
            .columns([enrollments::Column::CohortId, enrollments::Column::TraineeId])
            .filter(enrollments::Column::CohortId.is_in(chunk.to_vec()))
            .filter(enrollments::Column::Status.eq("active"))
            .into_tuple::<(i64, i64)>()
            .all(db)
            .await?
        {
            class.entry(cohort).or_default().push(trainee);
            in_class.push(trainee);
        }
    }
    // Trainees of running cohorts, spread over the sites.
    in_class.sort_by_key(|id| (id * 7_919) % 100_003);
    in_class.truncate(trainee_count as usize);
    let trainee_users: Vec<i64> = trainees::Entity::find()
        .select_only()
        .column(trainees::Column::UserId)
        .filter(trainees::Column::Id.is_in(in_class))
        .into_tuple::<Option<i64>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    let trainee_logins = users::Entity::find()
        .filter(users::Column::Id.is_in(trainee_users))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|u| u.phone)
        .collect();
    // The latest session each running cohort held within the instructors' editing window
    // (three days), biggest classes first.
    let mut latest: HashMap<i64, class_sessions::Model> = HashMap::new();
    for chunk in running_ids.chunks(5_000) {
        for session in class_sessions::Entity::find()
            .filter(class_sessions::Column::CohortId.is_in(chunk.to_vec()))
            .filter(class_sessions::Column::EndsAt.lte(utc(now)))
            .filter(class_sessions::Column::EndsAt.gt(utc(now - time::Duration::days(3))))
            .filter(class_sessions::Column::Status.eq("scheduled"))
            .order_by_asc(class_sessions::Column::StartsAt)
            .all(db)
            .await?
        {
            latest.insert(session.cohort_id, session);
        }
    }
    let mut sessions: Vec<class_sessions::Model> = latest.into_values().collect();
    sessions.sort_by_key(|s| {
        (
            std::cmp::Reverse(class.get(&s.cohort_id).map_or(0, Vec::len)),
            s.id,
        )
    });
    let mut instructors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for session in sessions {
        let Some(instructor) = session.instructor_id else {
            continue;
        };
        if !seen.insert(instructor) || instructors.len() as u64 >= instructor_count {
            continue;
        }
        if let Some(email) = users::Entity::find_by_id(instructor)
            .one(db)
            .await?
            .and_then(|u| u.email)
        {
            instructors.push((
                email,
                session.id,
                class.get(&session.cohort_id).cloned().unwrap_or_default(),
            ));
        }
    }
    // Coordinators, each with the biggest running cohort of their site.
    let mut coordinators = Vec::new();
    for user in users::Entity::find()
        .filter(users::Column::Role.eq("coordinator"))
        .filter(users::Column::PasswordHash.is_not_null())
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?
    {
        if coordinators.len() as u64 >= coordinator_count {
            break;
        }
        let sites: Vec<i64> = user_sites::Entity::find()
            .filter(user_sites::Column::UserId.eq(user.id))
            .all(db)
            .await?
            .iter()
            .map(|s| s.site_id)
            .collect();
        let cohort = running
            .iter()
            .filter(|c| sites.contains(&c.site_id))
            .max_by_key(|c| class.get(&c.id).map_or(0, Vec::len));
        if let (Some(email), Some(cohort)) = (user.email, cohort) {
            coordinators.push((email, cohort.id));
        }
    }
    Ok(Wanted {
        trainees: trainee_logins,
        instructors,
        coordinators,
    })
}

/// Signs every wanted user in: the cast the driver plays.
pub async fn sign_in_all(base: &str, password: &str, wanted: Wanted) -> Result<Cast, String> {
    let client = driver::client();
    let mut cast = Cast::default();
    // Argon2 makes sign-in slow on purpose: a few at a time.
    let sign = |login: String| {
        let client = client.clone();
        let base = base.to_owned();
        let password = password.to_owned();
        async move { driver::sign_in(&client, &base, &login, &password).await }
    };
    for chunk in wanted.trainees.chunks(4) {
        let cookies = futures_join(chunk.iter().cloned().map(&sign).collect()).await;
        for cookie in cookies {
            cast.trainees.push(Persona {
                cookie: cookie?,
                session: None,
                cohort: None,
            });
        }
    }
    for (login, session, trainees) in wanted.instructors {
        cast.instructors.push(Persona {
            cookie: sign(login).await?,
            session: Some((session, trainees)),
            cohort: None,
        });
    }
    for (login, cohort) in wanted.coordinators {
        cast.coordinators.push(Persona {
            cookie: sign(login).await?,
            session: None,
            cohort: Some(cohort),
        });
    }
    Ok(cast)
}

async fn futures_join<F: std::future::Future<Output = T> + Send + 'static, T: Send + 'static>(
    futures: Vec<F>,
) -> Vec<T> {
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.expect("task"));
    }
    out
}
