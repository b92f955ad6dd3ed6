//! Ids of the main records: an account (a `users` row: who signs in), a trainee record
//! (the person in the registry, perhaps without an account), a cohort, a class session and
//! an enrollment. All are whole numbers in the database, and mixing up the first two once
//! leaked a record across sites; as their own types the compiler keeps them apart. They
//! cross into SQL as plain values (`Column::UserId.eq(id)`), and a row's column becomes one
//! with `AccountId(row.user_id)`.

macro_rules! record_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The number stored in the database.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map(Self)
            }
        }

        /// A number read from a row or typed in a test; code passes the typed id along.
        impl From<i64> for $name {
            fn from(id: i64) -> Self {
                Self(id)
            }
        }

        #[cfg(feature = "ssr")]
        impl From<$name> for sea_orm::Value {
            fn from(id: $name) -> Self {
                id.0.into()
            }
        }

        /// An id that may be absent (`Expr::value(Option<…>)`) is a nullable number.
        #[cfg(feature = "ssr")]
        impl sea_orm::sea_query::Nullable for $name {
            fn null() -> sea_orm::Value {
                sea_orm::Value::BigInt(None)
            }
        }

        /// Read from a query's row as the number it is stored as.
        #[cfg(feature = "ssr")]
        impl sea_orm::TryGetable for $name {
            fn try_get_by<I: sea_orm::ColIdx>(
                row: &sea_orm::QueryResult,
                index: I,
            ) -> Result<Self, sea_orm::TryGetError> {
                i64::try_get_by(row, index).map(Self)
            }
        }
    };
}

record_id! {
    /// An account: a `users` row, the one who signs in.
    AccountId
}

record_id! {
    /// A trainee record in the registry (`trainees` row).
    TraineeId
}

record_id! {
    /// A cohort (`cohorts` row): one class of one course at one site.
    CohortId
}

record_id! {
    /// A class session of a cohort (`class_sessions` row); not a sign-in session.
    SessionId
}

record_id! {
    /// A trainee's seat in a cohort (`enrollments` row).
    EnrollmentId
}

record_id! {
    /// A partner system's key to the API (`integration_keys` row).
    KeyId
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_print_as_their_numbers() {
        let id: AccountId = "42".parse().unwrap_or(AccountId(0));
        assert_eq!(id, AccountId(42));
        assert_eq!(id.to_string(), "42");
        assert_eq!(serde_json::to_string(&TraineeId(7)).ok().as_deref(), Some("7"));
        assert_eq!(serde_json::from_str::<TraineeId>("7").ok(), Some(TraineeId(7)));
        assert!("x".parse::<AccountId>().is_err());
    }
}
