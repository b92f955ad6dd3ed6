//! Where trainees stand in attendance, as other systems read it (the partner API): each
//! enrollment's rates against its cohort's threshold, for a cohort or for a trainee, from
//! marks counted in the database.

use super::attendance_cohort;
use super::summary::rates_by_enrollment;
use crate::attendance::dto::Standing;
use crate::entities::cohorts;
use crate::kernel::{Actor, AppError, CohortId, TraineeId};
use crate::platform::state::Env;

fn threshold(cohort: &cohorts::Model) -> u32 {
    u32::try_from(cohort.attendance_threshold).unwrap_or(80)
}

/// Every attendee of a cohort (those who joined it), by name.
///
/// # Errors
/// `NotFound` for a cohort out of reach (or whose attendance the actor may not see).
pub async fn cohort_standing(
    env: Env<'_>,
    actor: &Actor,
    cohort_id: CohortId,
) -> Result<Vec<Standing>, AppError> {
    let (cohort, _) = attendance_cohort(env, actor, cohort_id).await?;
    let rates = rates_by_enrollment(env, &[cohort.id]).await?;
    let ids: Vec<i64> = rates.keys().map(|(trainee, _)| *trainee).collect();
    let people = crate::trainees::db::trainees_by_ids(env.db, &ids).await?;
    let mut rows: Vec<Standing> = rates
        .into_iter()
        .filter_map(|((trainee, _), rates)| {
            let person = people.get(&trainee)?;
            Some(Standing {
                trainee_id: TraineeId(trainee),
                name: person.full_name.clone(),
                cohort_id: CohortId(cohort.id),
                cohort: cohort.code.clone(),
                threshold: threshold(&cohort),
                rates,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name).then(a.trainee_id.cmp(&b.trainee_id)));
    Ok(rows)
}

/// A trainee's attendance in each cohort they joined whose attendance the actor may see,
/// oldest enrollment first.
///
/// # Errors
/// `NotFound` for a record out of reach.
pub async fn trainee_standing(
    env: Env<'_>,
    actor: &Actor,
    trainee_id: TraineeId,
) -> Result<Vec<Standing>, AppError> {
    let trainee = crate::trainees::service::visible_trainee(env, actor, trainee_id).await?;
    let enrollments = crate::trainees::db::enrollments_of(env.db, &[trainee.id]).await?;
    let mut cohorts = Vec::new();
    for enrollment in &enrollments {
        // What happens in a cohort belongs to its site: one out of reach is left out.
        match attendance_cohort(env, actor, CohortId(enrollment.cohort_id)).await {
            Ok((cohort, _)) if !cohorts.iter().any(|c: &cohorts::Model| c.id == cohort.id) => {
                cohorts.push(cohort);
            }
            Ok(_) | Err(AppError::NotFound) => {}
            Err(error) => return Err(error),
        }
    }
    let ids: Vec<i64> = cohorts.iter().map(|c| c.id).collect();
    let mut rates = rates_by_enrollment(env, &ids).await?;
    Ok(cohorts
        .iter()
        .filter_map(|cohort| {
            let rates = rates.remove(&(trainee.id, cohort.id))?;
            Some(Standing {
                trainee_id: TraineeId(trainee.id),
                name: trainee.full_name.clone(),
                cohort_id: CohortId(cohort.id),
                cohort: cohort.code.clone(),
                threshold: threshold(cohort),
                rates,
            })
        })
        .collect())
}
