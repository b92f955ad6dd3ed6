//! What people type into forms, parsed once: whole numbers in a range, dates as
//! Indonesians write them, ids chosen from select lists, single-line texts.

use time::Date;

use super::error::Problem;

/// A whole number in `min..=max`, as typed.
///
/// # Errors
/// [`Problem::Required`], [`Problem::InvalidNumber`] or [`Problem::OutOfRange`].
pub fn parse_number(input: &str, min: i64, max: i64) -> Result<i64, Problem> {
    let input = input.trim();
    if input.is_empty() {
        return Err(Problem::Required);
    }
    let value: i64 = input.parse().map_err(|_| Problem::InvalidNumber)?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Problem::OutOfRange { min, max })
    }
}

/// The id chosen in a select list: `None` for the empty choice.
///
/// # Errors
/// [`Problem::InvalidChoice`] for anything that is not an id.
pub fn parse_choice(input: &str) -> Result<Option<i64>, Problem> {
    match input.trim() {
        "" => Ok(None),
        value => value.parse().map(Some).map_err(|_| Problem::InvalidChoice),
    }
}

/// A date as typed (see [`super::wib::parse_date`]).
///
/// # Errors
/// [`Problem::Required`] or [`Problem::InvalidDate`].
pub fn parse_date(input: &str) -> Result<Date, Problem> {
    if input.trim().is_empty() {
        return Err(Problem::Required);
    }
    super::wib::parse_date(input).ok_or(Problem::InvalidDate)
}

/// A single-line text (runs of white space, line breaks included, become one space) of
/// at most `max` graphemes, so an accented letter or an emoji counts as one, as a person
/// counts it.
///
/// # Errors
/// [`Problem::Required`] (unless `optional`) or [`Problem::TooLong`].
pub fn parse_text(input: &str, max: u32, optional: bool) -> Result<Option<String>, Problem> {
    let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return if optional {
            Ok(None)
        } else {
            Err(Problem::Required)
        };
    }
    if unicode_segmentation::UnicodeSegmentation::graphemes(text.as_str(), true).count() > max as usize {
        return Err(Problem::TooLong { max });
    }
    Ok(Some(text))
}

/// A checkbox as posted: ticked when its value is present, not empty and not `false`.
pub fn ticked(input: &str) -> bool {
    !input.is_empty() && input != "false"
}

/// Values picked with a form's checkboxes (ids, dates), however the query-string codec
/// hands them over: `name[0]=5&name[1]=7` arrives as a map by position (in a flattened
/// input struct, as text), the server-function client sends a list. For
/// `#[serde(default, deserialize_with = "…")]`.
///
/// # Errors
/// An entry that does not parse as `T`.
pub fn list_from_form<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr,
{
    use serde::de::Error;
    use serde::Deserialize;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Items {
        List(Vec<Given>),
        ByPosition(std::collections::BTreeMap<String, Given>),
        One(Given),
    }
    let items = match Items::deserialize(deserializer)? {
        Items::List(items) => items,
        Items::ByPosition(items) => items.into_values().collect(),
        Items::One(item) => vec![item],
    };
    items
        .into_iter()
        .map(|item| {
            item.text()
                .trim()
                .parse()
                .map_err(|_| D::Error::custom("not a value of this list"))
        })
        .collect()
}

/// A number or text as any codec hands it over (query strings send text, JSON numbers).
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Given {
    Number(i64),
    Text(String),
}

impl Given {
    fn text(self) -> String {
        match self {
            Given::Number(number) => number.to_string(),
            Given::Text(text) => text,
        }
    }
}

/// A filter's number, read leniently: empty or unreadable counts as not given (an address
/// typed by hand never fails a list). For `#[serde(default, deserialize_with = "…")]`.
///
/// # Errors
/// Only when the value is neither a number nor a text.
pub fn optional_number<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr,
{
    use serde::Deserialize;
    let given = Option::<Given>::deserialize(deserializer)?;
    Ok(given.and_then(|given| given.text().trim().parse().ok()))
}

/// A filter's text: trimmed, at most 100 characters, empty counts as not given. For
/// `#[serde(default, deserialize_with = "…")]`.
///
/// # Errors
/// Only when the value is neither a number nor a text.
pub fn optional_text<'de, D>(deserializer: D) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    let given = Option::<Given>::deserialize(deserializer)?;
    Ok(given
        .map(|given| given.text().trim().chars().take(100).collect::<String>())
        .filter(|text| !text.is_empty()))
}

/// The content type of a JPEG, PNG or WebP picture, told by its first bytes (never by a
/// file name); `None` for anything else.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_parse_or_say_why_not() {
        assert_eq!(parse_number(" 24 ", 1, 200), Ok(24));
        assert_eq!(parse_number("", 1, 200), Err(Problem::Required));
        assert_eq!(parse_number("2x", 1, 200), Err(Problem::InvalidNumber));
        assert_eq!(
            parse_number("0", 1, 200),
            Err(Problem::OutOfRange { min: 1, max: 200 })
        );
        assert_eq!(parse_choice(""), Ok(None));
        assert_eq!(parse_choice("7"), Ok(Some(7)));
        assert_eq!(parse_choice("tujuh"), Err(Problem::InvalidChoice));
        assert_eq!(parse_date(" "), Err(Problem::Required));
        assert_eq!(parse_date("31/02/2026"), Err(Problem::InvalidDate));
        assert_eq!(parse_text("  a   b ", 5, false), Ok(Some("a b".into())));
        assert_eq!(parse_text(" ", 5, true), Ok(None));
        assert_eq!(parse_text("abcdef", 5, true), Err(Problem::TooLong { max: 5 }));
        // "é" written as e and a combining accent is one grapheme of two characters.
        assert_eq!(
            parse_text("Andre\u{301}", 5, false),
            Ok(Some("Andre\u{301}".into()))
        );
        assert_eq!(parse_text("a\nb", 5, false), Ok(Some("a b".into())));
        assert!(ticked("on") && ticked("true"));
        assert!(!ticked("") && !ticked("false"));
    }

    #[test]
    fn checked_ids_arrive_as_a_list_or_by_position() {
        #[derive(serde::Deserialize)]
        struct Picked {
            #[serde(default, deserialize_with = "list_from_form")]
            ids: Vec<i64>,
        }
        let from = |json: &str| serde_json::from_str::<Picked>(json).map(|p| p.ids).ok();
        assert_eq!(from(r#"{"ids": [3, 5]}"#), Some(vec![3, 5]));
        assert_eq!(from(r#"{"ids": {"0": "3", "1": " 5"}}"#), Some(vec![3, 5]));
        assert_eq!(from(r#"{"ids": "7"}"#), Some(vec![7]));
        assert_eq!(from("{}"), Some(vec![]));
        assert_eq!(from(r#"{"ids": {"0": "x"}}"#), None);
    }
}
