//! New accounts: validating what was typed against the rules of the role, creating them
//! from the user administration (with an activation code) or the command line and seed.

use sea_orm::Set;
use serde_json::json;
use time::OffsetDateTime;
use unicode_segmentation::UnicodeSegmentation;

use super::codes::issue_code_in;
use super::*;
use crate::accounts::authz;
use crate::accounts::db;
use crate::accounts::dto::{IssuedCode, NewAccountInput};
use crate::accounts::model::{CodePurpose, LoginId, NewPassword};
use crate::accounts::password::PasswordHashString;
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::users;
use crate::kernel::identity::{EmailAddress, Nik, PhoneNumber};
use crate::kernel::{wib, AccountId, Actor, FieldError, Problem, Role};
use crate::platform::context::Client;
use crate::platform::state::Env;

impl NewAccountInput {
    /// An account whose one login is `login`, put in the field it belongs to.
    pub fn with_login(role: Role, display_name: &str, login: &LoginId, site_ids: Vec<i64>) -> Self {
        let mut input = Self {
            role: role.as_str().to_owned(),
            display_name: display_name.to_owned(),
            site_ids,
            ..Self::default()
        };
        match login {
            LoginId::Email(email) => input.email = email.to_string(),
            LoginId::Phone(phone) => input.phone = phone.to_string(),
            LoginId::Nik(nik) => input.nik = nik.clone(),
        }
        input
    }
}

/// A new account validated against the rules of its role.
pub(super) struct ValidAccount {
    role: Role,
    display_name: String,
    email: Option<EmailAddress>,
    phone: Option<PhoneNumber>,
    nik: Option<Nik>,
    site_ids: Vec<i64>,
}

impl ValidAccount {
    /// A trainee belongs to their one home site; staff are scoped by `user_sites`.
    fn home_site_id(&self) -> Option<i64> {
        if self.role == Role::Trainee {
            self.site_ids.first().copied()
        } else {
            None
        }
    }

    /// The site an audit entry about this account is filed under.
    fn audit_site(&self) -> Option<i64> {
        self.site_ids.first().copied()
    }
}

/// Inserts a validated account (and a staff member's sites) unless another account uses
/// the same e-mail, phone or NIK; a lost race with a concurrent insert reports the same.
pub(super) async fn insert_account(
    conn: &impl sea_orm::ConnectionTrait,
    now: OffsetDateTime,
    valid: &ValidAccount,
    password: Option<&PasswordHashString>,
    created_by: Option<AccountId>,
) -> Result<users::Model> {
    let email = valid.email.as_ref().map(EmailAddress::as_str);
    let phone = valid.phone.as_ref().map(PhoneNumber::as_str);
    let nik = valid.nik.as_ref().map(Nik::as_str);
    let taken = db::taken_logins(conn, email, phone, nik).await?;
    if !taken.is_empty() {
        return Err(AccountsError::Invalid(
            taken
                .into_iter()
                .map(|field| FieldError::new(field, Problem::Taken))
                .collect(),
        ));
    }
    let inserted = db::insert_user(
        conn,
        users::ActiveModel {
            role: Set(valid.role.as_str().to_owned()),
            display_name: Set(valid.display_name.clone()),
            email: Set(email.map(str::to_owned)),
            phone: Set(phone.map(str::to_owned)),
            nik: Set(nik.map(str::to_owned)),
            password_hash: Set(password.map(|p| p.as_str().to_owned())),
            home_site_id: Set(valid.home_site_id()),
            is_active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            password_changed_at: Set(password.map(|_| now)),
            deactivated_at: Set(None),
            created_by: Set(created_by.map(AccountId::get)),
            ..Default::default()
        },
    )
    .await;
    let user = match inserted {
        Ok(user) => user,
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Err(AccountsError::Invalid(vec![FieldError::new(
                "login",
                Problem::Taken,
            )]));
        }
        Err(e) => return Err(e.into()),
    };
    if valid.role != Role::Trainee {
        db::replace_user_sites(conn, AccountId(user.id), &valid.site_ids).await?;
    }
    Ok(user)
}

pub(super) fn validate_account(
    input: &NewAccountInput,
    known_sites: &[i64],
    today: time::Date,
) -> std::result::Result<ValidAccount, Vec<FieldError>> {
    let mut errors = Vec::new();
    let role = Role::parse(&input.role).map_err(|problem| FieldError::new("role", problem));
    let name = input
        .display_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let name_len = name.graphemes(true).count();
    if name_len == 0 {
        errors.push(FieldError::new("display_name", Problem::Required));
    } else if name_len > 120 {
        errors.push(FieldError::new("display_name", Problem::TooLong { max: 120 }));
    }
    let email = match input.email.trim() {
        "" => None,
        value => EmailAddress::parse(value)
            .map_err(|problem| errors.push(FieldError::new("email", problem)))
            .ok(),
    };
    let phone = match input.phone.trim() {
        "" => None,
        value => PhoneNumber::parse(value)
            .map_err(|problem| errors.push(FieldError::new("phone", problem)))
            .ok(),
    };
    let nik = match input.nik.trim() {
        "" => None,
        value => Nik::parse(value, today)
            .map_err(|problem| errors.push(FieldError::new("nik", Problem::InvalidNik(problem))))
            .ok(),
    };
    let mut site_ids = input.site_ids.clone();
    site_ids.sort_unstable();
    site_ids.dedup();
    if site_ids.iter().any(|id| !known_sites.contains(id)) {
        errors.push(FieldError::new("sites", Problem::InvalidChoice));
    }
    let role = match role {
        Ok(role) => role,
        Err(e) => {
            errors.push(e);
            return Err(errors);
        }
    };
    let email_error = errors.iter().any(|e| e.field == "email");
    let phone_error = errors.iter().any(|e| e.field == "phone");
    let nik_error = errors.iter().any(|e| e.field == "nik");
    match role {
        Role::Trainee => {
            if phone.is_none() && nik.is_none() && !phone_error && !nik_error {
                errors.push(FieldError::new("phone", Problem::Required));
            }
            if site_ids.len() != 1 {
                errors.push(FieldError::new("sites", Problem::ExactlyOneSite));
            }
        }
        Role::Instructor | Role::Coordinator => {
            if email.is_none() && !email_error {
                errors.push(FieldError::new("email", Problem::Required));
            }
            if site_ids.is_empty() {
                errors.push(FieldError::new("sites", Problem::Required));
            }
        }
        Role::Admin => {
            if email.is_none() && !email_error {
                errors.push(FieldError::new("email", Problem::Required));
            }
        }
    }
    if errors.is_empty() {
        Ok(ValidAccount {
            role,
            display_name: name,
            email,
            phone,
            nik,
            site_ids,
        })
    } else {
        Err(errors)
    }
}

/// Creates an account with a one-time activation code, after checking that the actor may
/// create this role at these sites and that no other account uses the same login.
///
/// # Errors
/// `Forbidden`, `Invalid` (field errors, including `Taken`), internal failures.
pub async fn create_account(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &NewAccountInput,
) -> Result<IssuedCode> {
    if !authz::can_administer_users(actor) {
        return Err(AccountsError::Forbidden);
    }
    let txn = env.begin().await?;
    let issued = create_account_in(&txn, env.clock.now(), client, actor, input).await?;
    txn.commit().await?;
    Ok(issued)
}

/// Creates an account with a one-time activation code inside the caller's transaction
/// (another area's use case that also creates an account, such as registering a trainee).
///
/// # Errors
/// `Forbidden`, `Invalid` (field errors, including `Taken`), internal failures.
pub async fn create_account_in(
    conn: &impl sea_orm::ConnectionTrait,
    now: OffsetDateTime,
    client: &Client,
    actor: &Actor,
    input: &NewAccountInput,
) -> Result<IssuedCode> {
    let known_sites: Vec<i64> = db::all_sites(conn).await?.into_iter().map(|s| s.id).collect();
    let valid = validate_account(input, &known_sites, wib::today(now)).map_err(AccountsError::Invalid)?;
    if !authz::can_create_account(actor, valid.role, &valid.site_ids) {
        return Err(if valid.role == Role::Trainee {
            AccountsError::Invalid(vec![FieldError::new("sites", Problem::InvalidChoice)])
        } else {
            AccountsError::Forbidden
        });
    }
    let user = insert_account(conn, now, &valid, None, Some(actor.user_id)).await?;
    let issued = issue_code_in(conn, now, &user, CodePurpose::Activation, actor.user_id).await?;
    record(
        conn,
        now,
        AuditEvent::new(AuditAction::UserCreate, Outcome::Success)
            .actor(actor.user_id)
            .subject(AccountId(user.id))
            .site(valid.audit_site())
            .ip(client.ip.clone())
            .detail(json!({ "role": valid.role.as_str(), "sites": valid.site_ids })),
    )
    .await?;
    Ok(issued)
}

/// Creates an account with a password already set, for the operator's command line and
/// the demo seed (no actor: whoever runs the binary on the server is trusted).
///
/// # Errors
/// `Invalid` (including `Taken`), internal failures.
pub async fn provision_account(
    conn: &impl sea_orm::ConnectionTrait,
    now: OffsetDateTime,
    input: &NewAccountInput,
    password: Option<&PasswordHashString>,
    action: AuditAction,
) -> Result<i64> {
    let known_sites: Vec<i64> = db::all_sites(conn).await?.into_iter().map(|s| s.id).collect();
    let valid = validate_account(input, &known_sites, wib::today(now)).map_err(AccountsError::Invalid)?;
    let user = insert_account(conn, now, &valid, password, None).await?;
    record(
        conn,
        now,
        AuditEvent::new(action, Outcome::Success)
            .subject(AccountId(user.id))
            .site(valid.audit_site())
            .detail(json!({ "role": valid.role.as_str() })),
    )
    .await?;
    Ok(user.id)
}

/// Checks a password typed at the command line against the policy for the account about
/// to be created.
///
/// # Errors
/// The policy's field errors.
pub fn check_password_for(
    input: &NewAccountInput,
    password: &str,
    confirmation: &str,
) -> std::result::Result<NewPassword, Vec<FieldError>> {
    let personal = [
        input.display_name.as_str(),
        input.email.as_str(),
        input.phone.as_str(),
        input.nik.as_str(),
    ];
    NewPassword::parse(password, confirmation, &personal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: time::Date = date!(2026 - 11 - 28);

    fn input(role: &str) -> NewAccountInput {
        NewAccountInput {
            role: role.into(),
            display_name: "  Dewi   Lestari ".into(),
            site_ids: vec![1],
            ..Default::default()
        }
    }

    #[test]
    fn trainees_need_a_phone_or_nik_and_exactly_one_site() {
        let errors = validate_account(&input("trainee"), &[1, 2], TODAY).err().unwrap();
        assert_eq!(errors, vec![FieldError::new("phone", Problem::Required)]);

        let mut two_sites = input("trainee");
        two_sites.phone = "0812 3456 7890".into();
        two_sites.site_ids = vec![1, 2];
        let errors = validate_account(&two_sites, &[1, 2], TODAY).err().unwrap();
        assert_eq!(errors, vec![FieldError::new("sites", Problem::ExactlyOneSite)]);

        let mut ok = input("trainee");
        ok.nik = "3673054708990002".into();
        let valid = validate_account(&ok, &[1], TODAY).unwrap();
        assert_eq!(valid.display_name, "Dewi Lestari");
        assert_eq!(valid.nik.unwrap().as_str(), "3673054708990002");
    }

    #[test]
    fn staff_need_an_email_and_every_field_error_is_reported_at_once() {
        let mut staff = input("coordinator");
        staff.display_name = String::new();
        staff.phone = "12".into();
        staff.site_ids = vec![9];
        let errors = validate_account(&staff, &[1], TODAY).err().unwrap();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["display_name", "phone", "sites", "email"]);
    }

    #[test]
    fn unknown_roles_are_refused() {
        let errors = validate_account(&input("superuser"), &[1], TODAY).err().unwrap();
        assert!(errors.contains(&FieldError::new("role", Problem::InvalidChoice)));
    }

    #[test]
    fn invalid_nik_reports_the_structural_problem() {
        let mut trainee = input("trainee");
        trainee.nik = "3673053208990002".into();
        let errors = validate_account(&trainee, &[1], TODAY).err().unwrap();
        assert_eq!(
            errors,
            vec![FieldError::new(
                "nik",
                Problem::InvalidNik(crate::kernel::identity::NikProblem::InvalidBirthDate)
            )]
        );
    }
}
