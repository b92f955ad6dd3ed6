//! Closed sets of values stored by name: `code_enum! { Name { Variant => "stored_name", … } }`
//! gives an enum with `ALL`, `as_str` and `parse` (unknown names are
//! [`Problem::InvalidChoice`](crate::kernel::Problem::InvalidChoice)).

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The name stored in the database and sent by forms.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            /// # Errors
            /// [`Problem::InvalidChoice`] for anything else.
            pub fn parse(input: &str) -> Result<Self, $crate::kernel::Problem> {
                match input.trim() {
                    $($code => Ok($name::$variant),)*
                    _ => Err($crate::kernel::Problem::InvalidChoice),
                }
            }
        }
    };
}
pub(crate) use code_enum;

#[cfg(test)]
mod tests {
    code_enum! {
        /// A sample.
        Colour {
            Red => "red",
            Green => "green",
        }
    }

    #[test]
    fn values_round_trip_through_their_stored_names() {
        for colour in Colour::ALL {
            assert_eq!(Colour::parse(colour.as_str()), Ok(*colour));
        }
        assert_eq!(Colour::parse(" red "), Ok(Colour::Red));
        assert_eq!(Colour::parse("blue"), Err(crate::kernel::Problem::InvalidChoice));
    }
}
