//! Dates and times as people in Banten read them: WIB (Asia/Jakarta, UTC+7, no daylight
//! saving), "Senin, 6 September 2021", "06/09/2021", 24-hour "08.00".
//! Every date or time shown in the UI goes through this module.

use time::{macros::offset, Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

use super::i18n::Locale;

pub const WIB: UtcOffset = offset!(+7);

/// The instant as a WIB wall-clock time.
pub fn to_wib(instant: OffsetDateTime) -> OffsetDateTime {
    instant.to_offset(WIB)
}

/// Today's date in WIB.
pub fn today(now: OffsetDateTime) -> Date {
    to_wib(now).date()
}

/// The UTC instant at which a WIB calendar day starts.
pub fn start_of_day(date: Date) -> OffsetDateTime {
    PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_offset(WIB)
}

fn weekday_name(day: Weekday, locale: Locale) -> &'static str {
    match (locale, day) {
        (Locale::Id, Weekday::Monday) => "Senin",
        (Locale::Id, Weekday::Tuesday) => "Selasa",
        (Locale::Id, Weekday::Wednesday) => "Rabu",
        (Locale::Id, Weekday::Thursday) => "Kamis",
        (Locale::Id, Weekday::Friday) => "Jumat",
        (Locale::Id, Weekday::Saturday) => "Sabtu",
        (Locale::Id, Weekday::Sunday) => "Minggu",
        (Locale::En, Weekday::Monday) => "Monday",
        (Locale::En, Weekday::Tuesday) => "Tuesday",
        (Locale::En, Weekday::Wednesday) => "Wednesday",
        (Locale::En, Weekday::Thursday) => "Thursday",
        (Locale::En, Weekday::Friday) => "Friday",
        (Locale::En, Weekday::Saturday) => "Saturday",
        (Locale::En, Weekday::Sunday) => "Sunday",
    }
}

fn month_name(month: Month, locale: Locale) -> &'static str {
    match (locale, month) {
        (Locale::Id, Month::January) => "Januari",
        (Locale::Id, Month::February) => "Februari",
        (Locale::Id, Month::March) => "Maret",
        (Locale::Id, Month::April) => "April",
        (Locale::Id, Month::May) => "Mei",
        (Locale::Id, Month::June) => "Juni",
        (Locale::Id, Month::July) => "Juli",
        (Locale::Id, Month::August) => "Agustus",
        (Locale::Id, Month::September) => "September",
        (Locale::Id, Month::October) => "Oktober",
        (Locale::Id, Month::November) => "November",
        (Locale::Id, Month::December) => "Desember",
        (Locale::En, Month::January) => "January",
        (Locale::En, Month::February) => "February",
        (Locale::En, Month::March) => "March",
        (Locale::En, Month::April) => "April",
        (Locale::En, Month::May) => "May",
        (Locale::En, Month::June) => "June",
        (Locale::En, Month::July) => "July",
        (Locale::En, Month::August) => "August",
        (Locale::En, Month::September) => "September",
        (Locale::En, Month::October) => "October",
        (Locale::En, Month::November) => "November",
        (Locale::En, Month::December) => "December",
    }
}

/// "Senin, 6 September 2021" / "Monday, 6 September 2021".
pub fn date_long(date: Date, locale: Locale) -> String {
    format!(
        "{}, {} {} {}",
        weekday_name(date.weekday(), locale),
        date.day(),
        month_name(date.month(), locale),
        date.year()
    )
}

/// "06/09/2021" (day first in both languages, as on Indonesian documents).
pub fn date_short(date: Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), u8::from(date.month()), date.year())
}

/// "08.00" in Indonesian, "08:00" in English.
pub fn time_of_day(time: Time, locale: Locale) -> String {
    let separator = match locale {
        Locale::Id => '.',
        Locale::En => ':',
    };
    format!("{:02}{separator}{:02}", time.hour(), time.minute())
}

/// "06/09/2021 08.00 WIB".
pub fn instant_short(instant: OffsetDateTime, locale: Locale) -> String {
    let local = to_wib(instant);
    format!(
        "{} {} WIB",
        date_short(local.date()),
        time_of_day(local.time(), locale)
    )
}

/// "Senin, 6 September 2021, 08.00 WIB".
pub fn instant_long(instant: OffsetDateTime, locale: Locale) -> String {
    let local = to_wib(instant);
    format!(
        "{}, {} WIB",
        date_long(local.date(), locale),
        time_of_day(local.time(), locale)
    )
}

/// "Senin 08.12, 06.41": when a page was last fetched, in the offline banner.
pub fn stamp(instant: OffsetDateTime, locale: Locale) -> String {
    let local = to_wib(instant);
    format!(
        "{} {:02}.{:02}, {}",
        weekday_name(local.weekday(), locale),
        local.day(),
        u8::from(local.month()),
        time_of_day(local.time(), locale)
    )
}

/// An instant as DTOs carry it: RFC 3339 in UTC.
pub fn rfc3339(instant: OffsetDateTime) -> String {
    instant
        .to_offset(UtcOffset::UTC)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// An instant as the partner API gives it: RFC 3339 with the WIB offset
/// (`2026-12-01T08:15:00+07:00`), the time people at the sites read.
pub fn rfc3339_wib(instant: OffsetDateTime) -> String {
    to_wib(instant)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// An instant carried in a DTO (RFC 3339), if it is one.
pub fn parse_rfc3339(value: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(value, &time::format_description::well_known::Rfc3339).ok()
}

/// "Senin, 30 November 2026, 08.00–12.00 WIB".
pub fn span_long(start: OffsetDateTime, end: OffsetDateTime, locale: Locale) -> String {
    let (start, end) = (to_wib(start), to_wib(end));
    if start.date() == end.date() {
        format!(
            "{}, {}–{} WIB",
            date_long(start.date(), locale),
            time_of_day(start.time(), locale),
            time_of_day(end.time(), locale)
        )
    } else {
        format!("{} – {}", instant_long(start, locale), instant_long(end, locale))
    }
}

/// "08.00–12.00" (WIB wall clock).
pub fn time_span(start: OffsetDateTime, end: OffsetDateTime, locale: Locale) -> String {
    format!(
        "{}–{}",
        time_of_day(to_wib(start).time(), locale),
        time_of_day(to_wib(end).time(), locale)
    )
}

/// The instant at which `time` on `date` happens in WIB.
pub fn at(date: Date, time: Time) -> OffsetDateTime {
    PrimitiveDateTime::new(date, time).assume_offset(WIB)
}

/// A date as typed: `YYYY-MM-DD` (date inputs), or day first as Indonesians write it,
/// `DD/MM/YYYY` or `DD-MM-YYYY`.
pub fn parse_date(value: &str) -> Option<Date> {
    let value = value.trim();
    parse_iso_date(value).or_else(|| {
        let parts: Vec<&str> = value.split(['/', '-', '.']).collect();
        let [day, month, year] = parts.as_slice() else {
            return None;
        };
        if year.len() != 4 {
            return None;
        }
        let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
        Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
    })
}

/// A time of day as typed: `08.00`, `08:00`, `8:00`, `0800` (24-hour).
pub fn parse_time(value: &str) -> Option<Time> {
    let value = value.trim();
    let (hour, minute) = match value.split_once([':', '.']) {
        Some((hour, minute)) => (hour, minute),
        // Four ASCII digits: split in the middle (a byte split of other text could fall
        // inside a character).
        None if value.len() == 4 && value.is_ascii() => value.split_at(2),
        None => return None,
    };
    if hour.is_empty() || hour.len() > 2 || minute.len() != 2 {
        return None;
    }
    Time::from_hms(hour.parse().ok()?, minute.parse().ok()?, 0).ok()
}

/// `YYYY-MM-DD`, as `<input type="date">` wants it.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// `HH:MM`, as `<input type="time">` wants it.
pub fn iso_time(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// The Monday of the week `date` is in.
pub fn monday_of(date: Date) -> Date {
    date - time::Duration::days(i64::from(date.weekday().number_days_from_monday()))
}

/// Weekday name, for headings and choices.
pub fn weekday(day: Weekday, locale: Locale) -> &'static str {
    weekday_name(day, locale)
}

/// "November 2026".
pub fn month_year(date: Date, locale: Locale) -> String {
    format!("{} {}", month_name(date.month(), locale), date.year())
}

/// "30 Nov" style short date with the weekday: "Sen 30/11".
pub fn date_compact(date: Date, locale: Locale) -> String {
    let day: String = weekday_name(date.weekday(), locale).chars().take(3).collect();
    format!("{day} {:02}/{:02}", date.day(), u8::from(date.month()))
}

/// "12 Maret 2027": a date in running text, without the weekday.
pub fn date_plain(date: Date, locale: Locale) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month(), locale),
        date.year()
    )
}

/// Parses `YYYY-MM-DD` (the value of an `<input type="date">`).
pub fn parse_iso_date(value: &str) -> Option<Date> {
    Date::parse(
        value.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// How DTOs carry dates and instants, in one place: a field typed `Date` or
/// `OffsetDateTime` names its format with `#[serde(with = "wib::iso_date_format")]` or
/// `#[serde(with = "wib::rfc3339_format")]` (`…_option` for an `Option`), so pages get typed
/// values and the JSON reads `2026-12-01` and `2026-12-01T01:00:00Z`.
macro_rules! serde_format {
    ($name:ident, $option:ident, $type:ty, $write:path, $read:path, $what:literal) => {
        #[doc = concat!("Serde for a DTO's ", $what, ".")]
        pub mod $name {
            use serde::{Deserialize, Deserializer, Serializer};

            /// # Errors
            /// The serializer's.
            pub fn serialize<S: Serializer>(value: &$type, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&$write(*value))
            }

            /// # Errors
            #[doc = concat!("Anything but a ", $what, ".")]
            pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<$type, D::Error> {
                let text = String::deserialize(deserializer)?;
                $read(&text).ok_or_else(|| serde::de::Error::custom(concat!("not a ", $what)))
            }
        }

        #[doc = concat!("Serde for a DTO's optional ", $what, ".")]
        pub mod $option {
            use serde::{Deserialize, Deserializer, Serializer};

            /// # Errors
            /// The serializer's.
            pub fn serialize<S: Serializer>(value: &Option<$type>, serializer: S) -> Result<S::Ok, S::Error> {
                match value {
                    Some(value) => serializer.serialize_some(&$write(*value)),
                    None => serializer.serialize_none(),
                }
            }

            /// # Errors
            #[doc = concat!("Anything but a ", $what, " or nothing.")]
            pub fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Option<$type>, D::Error> {
                match Option::<String>::deserialize(deserializer)? {
                    Some(text) => $read(&text)
                        .map(Some)
                        .ok_or_else(|| serde::de::Error::custom(concat!("not a ", $what))),
                    None => Ok(None),
                }
            }
        }
    };
}

serde_format!(
    iso_date_format,
    iso_date_option,
    time::Date,
    super::iso_date,
    super::parse_iso_date,
    "date (YYYY-MM-DD)"
);
serde_format!(
    rfc3339_format,
    rfc3339_option,
    time::OffsetDateTime,
    super::rfc3339,
    super::parse_rfc3339,
    "RFC 3339 instant"
);

#[cfg(test)]
mod tests {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Carried {
        #[serde(with = "super::iso_date_format")]
        day: time::Date,
        #[serde(with = "super::rfc3339_format")]
        at: time::OffsetDateTime,
        #[serde(with = "super::rfc3339_option")]
        moved: Option<time::OffsetDateTime>,
    }

    #[test]
    fn dtos_carry_iso_dates_and_utc_instants() {
        let carried = Carried {
            day: time::macros::date!(2026 - 12 - 01),
            at: time::macros::datetime!(2026-12-01 08:00 +7),
            moved: None,
        };
        let json = serde_json::to_string(&carried).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"day":"2026-12-01","at":"2026-12-01T01:00:00Z","moved":null}"#
        );
        assert_eq!(serde_json::from_str::<Carried>(&json).ok(), Some(carried));
        assert!(serde_json::from_str::<Carried>(r#"{"day":"1/12","at":"x","moved":null}"#).is_err());
    }

    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn the_offline_stamp_reads_in_wib() {
        // 23.41 UTC on Sunday is 06.41 on Monday in Jakarta.
        let at = datetime!(2026-12-06 23:41 UTC);
        assert_eq!(stamp(at, Locale::Id), "Senin 07.12, 06.41");
        assert_eq!(stamp(at, Locale::En), "Monday 07.12, 06:41");
    }

    #[test]
    fn a_time_with_a_multibyte_character_is_refused_not_a_panic() {
        // Found by fuzzing: "2" and a three-byte character are four bytes.
        assert_eq!(parse_time("2\u{fffd}"), None);
        assert_eq!(parse_time("1é0"), None);
        assert_eq!(parse_time("0830"), Time::from_hms(8, 30, 0).ok());
    }

    #[test]
    fn dates_read_the_indonesian_way() {
        assert_eq!(
            date_long(date!(2021 - 09 - 06), Locale::Id),
            "Senin, 6 September 2021"
        );
        assert_eq!(
            date_long(date!(2021 - 09 - 06), Locale::En),
            "Monday, 6 September 2021"
        );
        assert_eq!(date_short(date!(2021 - 09 - 06)), "06/09/2021");
    }

    #[test]
    fn instants_are_shown_in_wib() {
        let utc = datetime!(2026-11-28 20:54:19 UTC);
        assert_eq!(instant_short(utc, Locale::Id), "29/11/2026 03.54 WIB");
        assert_eq!(instant_short(utc, Locale::En), "29/11/2026 03:54 WIB");
        assert_eq!(
            instant_long(utc, Locale::Id),
            "Minggu, 29 November 2026, 03.54 WIB"
        );
        assert_eq!(today(utc), date!(2026 - 11 - 29));
    }

    #[test]
    fn a_wib_day_starts_at_17_utc_the_day_before() {
        assert_eq!(
            start_of_day(date!(2026 - 11 - 29)),
            datetime!(2026-11-28 17:00 UTC)
        );
    }

    #[test]
    fn dates_and_times_parse_the_way_people_type_them() {
        assert_eq!(parse_date("30/11/2026"), Some(date!(2026 - 11 - 30)));
        assert_eq!(parse_date("2026-11-30"), Some(date!(2026 - 11 - 30)));
        assert_eq!(parse_date("29-02-2028"), Some(date!(2028 - 02 - 29)));
        assert_eq!(parse_date("29/02/2027"), None);
        assert_eq!(parse_date("30/11/26"), None);
        assert_eq!(parse_time("08.00"), Some(time::macros::time!(8:00)));
        assert_eq!(parse_time("8:30"), Some(time::macros::time!(8:30)));
        assert_eq!(parse_time("1330"), Some(time::macros::time!(13:30)));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("8"), None);
        assert_eq!(monday_of(date!(2026 - 12 - 06)), date!(2026 - 11 - 30));
        assert_eq!(monday_of(date!(2026 - 11 - 30)), date!(2026 - 11 - 30));
    }

    #[test]
    fn spans_read_as_one_day_with_two_times() {
        let start = datetime!(2026-11-30 01:00 UTC);
        let end = datetime!(2026-11-30 05:00 UTC);
        assert_eq!(
            span_long(start, end, Locale::Id),
            "Senin, 30 November 2026, 08.00–12.00 WIB"
        );
        assert_eq!(at(date!(2026 - 11 - 30), time::macros::time!(8:00)), start);
    }

    #[test]
    fn iso_dates_from_date_inputs_parse() {
        assert_eq!(parse_iso_date("2026-11-29"), Some(date!(2026 - 11 - 29)));
        assert_eq!(parse_iso_date("29/11/2026"), None);
    }
}
