//! Closed sets of values stored by name: `code_enum! { Name { Variant => "stored_name", … } }`
//! gives an enum with `ALL`, `as_str` and `parse` (unknown names are
//! [`Problem::InvalidChoice`](crate::kernel::Problem::InvalidChoice)). A stored `String` or
//! `str` compares with a variant directly (`model.status == Name::Variant`), and with the `ssr`
//! feature a variant converts into a SeaORM `Value`, so queries take it as it is
//! (`Column::Status.eq(Name::Variant)`, `.is_in([Name::A, Name::B])`).

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

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.as_str()
            }
        }

        #[cfg(feature = "ssr")]
        impl From<$name> for sea_orm::Value {
            fn from(value: $name) -> Self {
                value.as_str().into()
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
        let (red, green, padded) = (String::from("red"), String::from("green"), String::from(" red "));
        assert!(red == Colour::Red);
        assert!(green != Colour::Red);
        assert!(padded != Colour::Red);
        assert!(*"green" == Colour::Green);
        assert!(*"red" != Colour::Green);
    }
}
