use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

/// Why a NIK was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NikProblem {
    /// Not exactly 16 digits.
    WrongLength,
    NotDigits,
    UnknownProvince,
    /// Regency (kabupaten/kota) or district (kecamatan) code is 00.
    InvalidRegion,
    /// Positions 7–12 are not a real date (women: day + 40).
    InvalidBirthDate,
    /// The last four digits are 0000.
    InvalidSerial,
}

/// Sex as encoded in the NIK (women: birth day + 40).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    Female,
    Male,
}

impl Sex {
    /// `F` or `M`, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "F",
            Sex::Male => "M",
        }
    }

    /// Sex as people write it: `L`/`P` (laki-laki, perempuan), `M`/`F`, or the words, in
    /// Indonesian or English, any case.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_lowercase().as_str() {
            "p" | "f" | "perempuan" | "wanita" | "female" | "w" => Some(Sex::Female),
            "l" | "m" | "laki-laki" | "laki laki" | "lakilaki" | "pria" | "male" => Some(Sex::Male),
            _ => None,
        }
    }
}

/// A Nomor Induk Kependudukan: `PP KK CC DDMMYY SSSS`.
///
/// Parsing checks the structure (province, region, birth date, serial); the NIK then
/// tells the birth date and sex, so a later mismatch with entered data can be flagged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Nik(String);

/// Province codes of Kemendagri (including the 2022 Papua provinces).
const PROVINCES: &[(u8, &str)] = &[
    (11, "Aceh"),
    (12, "Sumatera Utara"),
    (13, "Sumatera Barat"),
    (14, "Riau"),
    (15, "Jambi"),
    (16, "Sumatera Selatan"),
    (17, "Bengkulu"),
    (18, "Lampung"),
    (19, "Kepulauan Bangka Belitung"),
    (21, "Kepulauan Riau"),
    (31, "DKI Jakarta"),
    (32, "Jawa Barat"),
    (33, "Jawa Tengah"),
    (34, "DI Yogyakarta"),
    (35, "Jawa Timur"),
    (36, "Banten"),
    (51, "Bali"),
    (52, "Nusa Tenggara Barat"),
    (53, "Nusa Tenggara Timur"),
    (61, "Kalimantan Barat"),
    (62, "Kalimantan Tengah"),
    (63, "Kalimantan Selatan"),
    (64, "Kalimantan Timur"),
    (65, "Kalimantan Utara"),
    (71, "Sulawesi Utara"),
    (72, "Sulawesi Tengah"),
    (73, "Sulawesi Selatan"),
    (74, "Sulawesi Tenggara"),
    (75, "Gorontalo"),
    (76, "Sulawesi Barat"),
    (81, "Maluku"),
    (82, "Maluku Utara"),
    (91, "Papua"),
    (92, "Papua Barat"),
    (93, "Papua Selatan"),
    (94, "Papua Tengah"),
    (95, "Papua Pegunungan"),
    (96, "Papua Barat Daya"),
];

/// Banten's kabupaten/kota codes (Kemendagri).
pub const BANTEN_REGENCIES: &[(&str, &str)] = &[
    ("3601", "Kab. Pandeglang"),
    ("3602", "Kab. Lebak"),
    ("3603", "Kab. Tangerang"),
    ("3604", "Kab. Serang"),
    ("3671", "Kota Tangerang"),
    ("3672", "Kota Cilegon"),
    ("3673", "Kota Serang"),
    ("3674", "Kota Tangerang Selatan"),
];

impl Nik {
    pub const BANTEN: u8 = 36;

    /// Parses a NIK; spaces and dots people type between groups are ignored.
    ///
    /// `today` decides the century of the two-digit birth year (a birth year after
    /// today's is taken as the previous century).
    ///
    /// # Errors
    /// The first structural problem found.
    pub fn parse(input: &str, today: Date) -> Result<Self, NikProblem> {
        let compact: String = input.chars().filter(|c| !matches!(c, ' ' | '.' | '-')).collect();
        if !compact.chars().all(|c| c.is_ascii_digit()) {
            return Err(NikProblem::NotDigits);
        }
        if compact.len() != 16 {
            return Err(NikProblem::WrongLength);
        }
        let nik = Self(compact);
        if province_name(nik.province_code()).is_none() {
            return Err(NikProblem::UnknownProvince);
        }
        if &nik.0[2..4] == "00" || &nik.0[4..6] == "00" {
            return Err(NikProblem::InvalidRegion);
        }
        if &nik.0[12..16] == "0000" {
            return Err(NikProblem::InvalidSerial);
        }
        nik.decode_birth(today).ok_or(NikProblem::InvalidBirthDate)?;
        Ok(nik)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The NIK as lists show it: region and serial only, `3673********0001`.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }

    fn digits(&self, range: std::ops::Range<usize>) -> u8 {
        self.0[range].parse().unwrap_or(0)
    }

    pub fn province_code(&self) -> u8 {
        self.digits(0..2)
    }

    /// The 4-digit kabupaten/kota code, e.g. `3673` for Kota Serang.
    pub fn regency_code(&self) -> &str {
        &self.0[0..4]
    }

    pub fn province_name(&self) -> Option<&'static str> {
        province_name(self.province_code())
    }

    /// The regency name for Banten codes; other provinces are valid but not named here.
    pub fn regency_name(&self) -> Option<&'static str> {
        BANTEN_REGENCIES
            .iter()
            .find(|(code, _)| *code == self.regency_code())
            .map(|(_, name)| *name)
    }

    /// Trainees from outside Banten are accepted but flagged for the coordinator.
    pub fn is_from_banten(&self) -> bool {
        self.province_code() == Self::BANTEN
    }

    pub fn sex(&self) -> Sex {
        if self.digits(6..8) > 40 {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// The birth date encoded in the NIK (century inferred relative to `today`).
    pub fn birth_date(&self, today: Date) -> Option<Date> {
        self.decode_birth(today)
    }

    fn decode_birth(&self, today: Date) -> Option<Date> {
        let raw_day = self.digits(6..8);
        let day = if raw_day > 40 { raw_day - 40 } else { raw_day };
        let month = Month::try_from(self.digits(8..10)).ok()?;
        let yy = i32::from(self.digits(10..12));
        let this_century = today.year() - today.year().rem_euclid(100);
        let year = if this_century + yy > today.year() {
            this_century - 100 + yy
        } else {
            this_century + yy
        };
        Date::from_calendar_date(year, month, day).ok()
    }

    /// Whether entered data agrees with what the NIK encodes.
    pub fn agrees_with(&self, birth_date: Date, sex: Sex, today: Date) -> bool {
        self.birth_date(today) == Some(birth_date) && self.sex() == sex
    }
}

/// Masks a stored NIK (or anything NIK-like) for lists: the first four and last four
/// characters stay, the rest (the birth date) becomes `*`.
pub fn mask(nik: &str) -> String {
    let chars: Vec<char> = nik.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    let middle = "*".repeat(chars.len() - 8);
    format!(
        "{}{middle}{}",
        chars[..4].iter().collect::<String>(),
        chars[chars.len() - 4..].iter().collect::<String>()
    )
}

fn province_name(code: u8) -> Option<&'static str> {
    PROVINCES.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 28);

    #[test]
    fn a_woman_from_kota_serang_decodes_birth_date_and_sex() {
        let nik = Nik::parse("3673 0547 0899 0002", TODAY).unwrap();
        assert_eq!(nik.as_str(), "3673054708990002");
        assert_eq!(nik.sex(), Sex::Female);
        assert_eq!(nik.birth_date(TODAY), Some(date!(1999 - 08 - 07)));
        assert_eq!(nik.regency_name(), Some("Kota Serang"));
        assert!(nik.is_from_banten());
    }

    #[test]
    fn a_man_born_this_century_keeps_the_day_and_century() {
        let nik = Nik::parse("3604011503020001", TODAY).unwrap();
        assert_eq!(nik.sex(), Sex::Male);
        assert_eq!(nik.birth_date(TODAY), Some(date!(2002 - 03 - 15)));
        assert_eq!(nik.regency_name(), Some("Kab. Serang"));
    }

    #[test]
    fn lists_show_only_region_and_serial() {
        let nik = Nik::parse("3673054708990002", TODAY).unwrap();
        assert_eq!(nik.masked(), "3673********0002");
        assert_eq!(mask("1234"), "****");
    }

    #[test]
    fn leap_days_are_birth_dates_only_in_leap_years() {
        assert_eq!(
            Nik::parse("3673016902000001", TODAY).unwrap().birth_date(TODAY),
            Some(date!(2000 - 02 - 29))
        );
        assert_eq!(
            Nik::parse("3673016902010001", TODAY),
            Err(NikProblem::InvalidBirthDate)
        );
        assert_eq!(Nik::parse("3673012902040001", TODAY).unwrap().sex(), Sex::Male);
    }

    #[test]
    fn other_provinces_are_valid_but_not_banten() {
        let nik = Nik::parse("3201011503020001", TODAY).unwrap();
        assert!(!nik.is_from_banten());
        assert_eq!(nik.province_name(), Some("Jawa Barat"));
        assert_eq!(nik.regency_name(), None);
    }

    #[test]
    fn structural_problems_are_named() {
        let cases = [
            ("367305470899000", NikProblem::WrongLength),
            ("36730547089900021", NikProblem::WrongLength),
            ("36730547089900O2", NikProblem::NotDigits),
            ("9973054708990002", NikProblem::UnknownProvince),
            ("3600054708990002", NikProblem::InvalidRegion),
            ("3673004708990002", NikProblem::InvalidRegion),
            ("3673053208990002", NikProblem::InvalidBirthDate),
            ("3673057208990002", NikProblem::InvalidBirthDate),
            ("3673051513990002", NikProblem::InvalidBirthDate),
            ("3673053002990002", NikProblem::InvalidBirthDate),
            ("3673050708990000", NikProblem::InvalidSerial),
        ];
        for (input, problem) in cases {
            assert_eq!(Nik::parse(input, TODAY), Err(problem), "{input}");
        }
    }

    #[test]
    fn leap_day_is_accepted_only_in_leap_years() {
        assert!(Nik::parse("3673052902000001", TODAY).is_ok());
        assert_eq!(
            Nik::parse("3673052902010001", TODAY),
            Err(NikProblem::InvalidBirthDate)
        );
    }

    #[test]
    fn agreement_with_entered_data_checks_date_and_sex() {
        let nik = Nik::parse("3673054708990002", TODAY).unwrap();
        assert!(nik.agrees_with(date!(1999 - 08 - 07), Sex::Female, TODAY));
        assert!(!nik.agrees_with(date!(1999 - 08 - 07), Sex::Male, TODAY));
        assert!(!nik.agrees_with(date!(1999 - 08 - 08), Sex::Female, TODAY));
    }
}
