//! The one codec between a query string and the typed filter it carries, used alike by
//! pages (reading their filters), links (paging, "older", the next week), and the file
//! routes (exports with the same filters). It is `serde_urlencoded`, with the rules a
//! person's address bar needs:
//! - the first of a repeated name counts (`?q=a&q=b` reads `a`);
//! - a value that is empty or only spaces counts as not given;
//! - names the filter does not know are ignored.
//!
//! Writing leaves out what is not set, so `link("/angkatan", &CohortFilter::default())`
//! is plain `/angkatan`. Fields that must read leniently (a number typed by hand) use
//! [`crate::kernel::input::optional_number`] and [`crate::kernel::input::optional_text`].

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::kernel::input::optional_text;

/// An export's address: the file `format` (`csv` or `xlsx`) next to its list's filter,
/// so the file holds what the page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportQuery<T> {
    #[serde(deserialize_with = "optional_text")]
    pub format: Option<String>,
    #[serde(flatten)]
    pub filter: T,
}

/// The filter of an export that has none (a whole cohort's roster).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoFilter {}

impl<T: Serialize> ExportQuery<T> {
    /// The address of `path` exporting `filter` as `format`.
    pub fn link(path: &str, format: &str, filter: T) -> String {
        link(
            path,
            &Self {
                format: Some(format.to_owned()),
                filter,
            },
        )
    }
}

/// The pairs of a query string, decoded, in order (repeats kept).
pub fn pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query).unwrap_or_default()
}

/// The first value of `name`, decoded (empty values included).
pub fn param(query: &str, name: &str) -> Option<String> {
    pairs(query)
        .into_iter()
        .find_map(|(key, value)| (key == name).then_some(value))
}

/// Every value of a repeated `name` (`?day=1&day=4`), decoded.
pub fn params(query: &str, name: &str) -> Vec<String> {
    pairs(query)
        .into_iter()
        .filter_map(|(key, value)| (key == name).then_some(value))
        .collect()
}

/// The filter a query string carries; what cannot be read counts as not given, so an
/// address typed by hand never fails a page.
pub fn read<T: DeserializeOwned + Default>(query: &str) -> T {
    let mut kept: Vec<(String, String)> = Vec::new();
    for (key, value) in pairs(query) {
        if !value.trim().is_empty() && !kept.iter().any(|(seen, _)| *seen == key) {
            kept.push((key, value));
        }
    }
    serde_urlencoded::to_string(&kept)
        .ok()
        .and_then(|cleaned| serde_urlencoded::from_str(&cleaned).ok())
        .unwrap_or_default()
}

/// The query string of `value` (without `?`): unset fields left out.
pub fn write<T: Serialize>(value: &T) -> String {
    serde_urlencoded::to_string(value).unwrap_or_default()
}

/// `path` with `value` as its query string (`path` alone when nothing is set).
pub fn link<T: Serialize>(path: &str, value: &T) -> String {
    match write(value) {
        query if query.is_empty() => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

/// One value encoded for a query string (`Dewi Léstari/1` → `Dewi+L%C3%A9stari%2F1`).
pub fn encode(value: &str) -> String {
    write(&[("", value)]).split_off(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(default)]
    struct Sample {
        q: Option<String>,
        #[serde(deserialize_with = "crate::kernel::input::optional_number")]
        site: Option<i64>,
        page: Option<u64>,
    }

    #[test]
    fn a_filter_reads_what_its_link_wrote() {
        let filter = Sample {
            q: Some("Dewi Léstari & co".into()),
            site: Some(3),
            page: Some(2),
        };
        let link = link("/angkatan", &filter);
        assert_eq!(link, "/angkatan?q=Dewi+L%C3%A9stari+%26+co&site=3&page=2");
        let query = link.split_once('?').map(|(_, q)| q).unwrap_or_default();
        assert_eq!(read::<Sample>(query), filter);
        assert_eq!(super::link("/angkatan", &Sample::default()), "/angkatan");
    }

    #[test]
    fn empty_repeated_unknown_and_unreadable_values_count_as_not_given() {
        let filter: Sample = read("q=+&site=abc&page=4&page=9&other=1");
        assert_eq!(
            filter,
            Sample {
                q: None,
                site: None,
                page: Some(4)
            }
        );
        assert_eq!(read::<Sample>("%ZZ&&="), Sample::default());
    }

    #[test]
    fn an_export_carries_its_format_next_to_the_filter() {
        let filter = Sample {
            site: Some(2),
            ..Sample::default()
        };
        let link = ExportQuery::link("/x/ekspor", "xlsx", &filter);
        assert_eq!(link, "/x/ekspor?format=xlsx&site=2");
        let read: ExportQuery<Sample> = read("site=2&format=xlsx");
        assert_eq!(read.format.as_deref(), Some("xlsx"));
        assert_eq!(read.filter, filter);
    }

    #[test]
    fn single_values_decode_and_encode() {
        let query = "q=Dewi+L%C3%A9stari&role=trainee&empty=&x=%ZZ&day=1&day=4";
        assert_eq!(param(query, "q").as_deref(), Some("Dewi Léstari"));
        assert_eq!(param(query, "empty").as_deref(), Some(""));
        assert_eq!(param(query, "x").as_deref(), Some("%ZZ"));
        assert_eq!(param(query, "missing"), None);
        assert_eq!(params(query, "day"), ["1", "4"]);
        assert_eq!(encode("Dewi Léstari/1"), "Dewi+L%C3%A9stari%2F1");
    }
}
