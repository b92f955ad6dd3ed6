//! Who the benchmark dataset is made of: the training sites of a national rollout, and
//! trainees with valid, unique NIKs and phone numbers, deterministic from their index.

use std::collections::HashSet;
use time::{Date, Duration, Month};

use super::super::trainees::{Lcg, FIRST_MEN, FIRST_WOMEN, LAST, STREETS};
use crate::kernel::identity::Nik;

/// (code, name, kind, city, NIK province) of the sites a national rollout adds to the four
/// the migrations create.
pub const NATIONAL_SITES: &[(&str, &str, &str, &str, u8)] = &[
    ("UPT-MDN", "UPT BP2MI Medan", "upt", "Kota Medan", 12),
    ("UPT-BNA", "UPT BP2MI Banda Aceh", "upt", "Kota Banda Aceh", 11),
    ("UPT-PDG", "UPT BP2MI Padang", "upt", "Kota Padang", 13),
    ("UPT-PKU", "UPT BP2MI Pekanbaru", "upt", "Kota Pekanbaru", 14),
    ("UPT-JMB", "UPT BP2MI Jambi", "upt", "Kota Jambi", 15),
    ("UPT-PLM", "UPT BP2MI Palembang", "upt", "Kota Palembang", 16),
    ("UPT-BKL", "UPT BP2MI Bengkulu", "upt", "Kota Bengkulu", 17),
    ("UPT-LPG", "UPT BP2MI Lampung", "upt", "Kota Bandar Lampung", 18),
    (
        "UPT-PGK",
        "UPT BP2MI Pangkalpinang",
        "upt",
        "Kota Pangkalpinang",
        19,
    ),
    (
        "UPT-TPI",
        "UPT BP2MI Tanjungpinang",
        "upt",
        "Kota Tanjungpinang",
        21,
    ),
    ("UPT-JKT", "UPT BP2MI Jakarta", "upt", "Kota Jakarta Timur", 31),
    ("BBPLK-BKS", "BBPLK Bekasi", "bbplk", "Kab. Bekasi", 32),
    ("UPT-BDG", "UPT BP2MI Bandung", "upt", "Kota Bandung", 32),
    ("LPK-CRB", "LPK Nihongo Cirebon", "lpk", "Kota Cirebon", 32),
    ("LPK-IDM", "LPK Sakura Indramayu", "lpk", "Kab. Indramayu", 32),
    ("BBPLK-SMG", "BBPLK Semarang", "bbplk", "Kota Semarang", 33),
    ("UPT-SMG", "UPT BP2MI Semarang", "upt", "Kota Semarang", 33),
    ("LPK-CLP", "LPK Fuji Cilacap", "lpk", "Kab. Cilacap", 33),
    ("LPK-KBM", "LPK Hikari Kebumen", "lpk", "Kab. Kebumen", 33),
    ("UPT-YGY", "UPT BP2MI Yogyakarta", "upt", "Kota Yogyakarta", 34),
    ("UPT-SBY", "UPT BP2MI Surabaya", "upt", "Kota Surabaya", 35),
    ("LPK-MLG", "LPK Midori Malang", "lpk", "Kab. Malang", 35),
    ("LPK-BLT", "LPK Kaze Blitar", "lpk", "Kab. Blitar", 35),
    ("LPK-TLA", "LPK Sora Tulungagung", "lpk", "Kab. Tulungagung", 35),
    ("LPK-PNR", "LPK Yume Ponorogo", "lpk", "Kab. Ponorogo", 35),
    ("UPT-DPS", "UPT BP2MI Denpasar", "upt", "Kota Denpasar", 51),
    ("UPT-MTR", "UPT BP2MI Mataram", "upt", "Kota Mataram", 52),
    ("LPK-LTM", "LPK Umi Lombok Timur", "lpk", "Kab. Lombok Timur", 52),
    ("UPT-KPG", "UPT BP2MI Kupang", "upt", "Kota Kupang", 53),
    ("UPT-PTK", "UPT BP2MI Pontianak", "upt", "Kota Pontianak", 61),
    (
        "UPT-PLK",
        "UPT BP2MI Palangka Raya",
        "upt",
        "Kota Palangka Raya",
        62,
    ),
    ("UPT-BJM", "UPT BP2MI Banjarmasin", "upt", "Kota Banjarmasin", 63),
    ("UPT-SMD", "UPT BP2MI Samarinda", "upt", "Kota Samarinda", 64),
    ("UPT-NNK", "UPT BP2MI Nunukan", "upt", "Kab. Nunukan", 65),
    ("UPT-MND", "UPT BP2MI Manado", "upt", "Kota Manado", 71),
    ("UPT-PAL", "UPT BP2MI Palu", "upt", "Kota Palu", 72),
    ("UPT-MKS", "UPT BP2MI Makassar", "upt", "Kota Makassar", 73),
    ("UPT-KDI", "UPT BP2MI Kendari", "upt", "Kota Kendari", 74),
    ("UPT-GTO", "UPT BP2MI Gorontalo", "upt", "Kota Gorontalo", 75),
    ("UPT-AMB", "UPT BP2MI Ambon", "upt", "Kota Ambon", 81),
    ("UPT-TTE", "UPT BP2MI Ternate", "upt", "Kota Ternate", 82),
    ("UPT-JPR", "UPT BP2MI Jayapura", "upt", "Kota Jayapura", 91),
    ("BBPLK-MDN", "BBPLK Medan", "bbplk", "Kota Medan", 12),
    ("BBPLK-SBY", "BBPLK Surabaya", "bbplk", "Kota Surabaya", 35),
    ("LPK-SKB", "LPK Tsubasa Sukabumi", "lpk", "Kab. Sukabumi", 32),
    ("LPK-GRT", "LPK Hoshi Garut", "lpk", "Kab. Garut", 32),
];

/// One generated trainee.
pub struct Person {
    pub nik: String,
    pub full_name: String,
    pub sex: &'static str,
    pub birth_date: Date,
    pub phone: String,
    pub address: String,
    pub education: &'static str,
    pub guardian: String,
}

/// Hands out people whose NIK and phone number nobody in the database has yet.
pub struct People {
    next: u64,
    generator: Lcg,
    taken_niks: HashSet<String>,
    taken_phones: HashSet<String>,
    today: Date,
}

impl People {
    pub fn new(today: Date, taken_niks: HashSet<String>, taken_phones: HashSet<String>) -> Self {
        Self {
            next: 0,
            generator: Lcg(2031),
            taken_niks,
            taken_phones,
            today,
        }
    }

    /// The next person, from the province `province` (Kemendagri code).
    pub fn next(&mut self, province: u8) -> Person {
        loop {
            let index = self.next;
            self.next += 1;
            let woman = self.generator.next(100) < 55;
            let first = if woman {
                FIRST_WOMEN[self.generator.next(FIRST_WOMEN.len())]
            } else {
                FIRST_MEN[self.generator.next(FIRST_MEN.len())]
            };
            let last = LAST[self.generator.next(LAST.len())];
            let year = self.today.year() - 19 - self.generator.next(14) as i32;
            let month = Month::try_from(1 + self.generator.next(12) as u8).unwrap_or(Month::January);
            let day = 1 + self.generator.next(28) as u8;
            let birth_date =
                Date::from_calendar_date(year, month, day).unwrap_or(self.today - Duration::days(8000));
            // (regency, district, serial) is a bijection of the index: unique by construction.
            let regency = 1 + index % 20;
            let district = 1 + (index / 20) % 30;
            let serial = 1 + index / 600;
            let nik = format!(
                "{province:02}{regency:02}{district:02}{:02}{:02}{:02}{serial:04}",
                birth_date.day() + if woman { 40 } else { 0 },
                u8::from(birth_date.month()),
                birth_date.year().rem_euclid(100),
            );
            let phone = format!("+62813{:08}", 10_000_000 + index);
            if self.taken_niks.contains(&nik) || self.taken_phones.contains(&phone) {
                continue;
            }
            debug_assert!(Nik::parse(&nik, self.today).is_ok(), "{nik}");
            return Person {
                nik,
                full_name: format!("{first} {last}"),
                sex: if woman { "F" } else { "M" },
                birth_date,
                phone,
                address: format!(
                    "{} No. {}, RT 0{}/RW 0{}",
                    STREETS[self.generator.next(STREETS.len())],
                    1 + self.generator.next(120),
                    1 + self.generator.next(9),
                    1 + self.generator.next(9)
                ),
                education: ["sma", "sma", "sma", "smp", "diploma", "sarjana"][self.generator.next(6)],
                guardian: format!(
                    "{} {}",
                    FIRST_MEN[self.generator.next(FIRST_MEN.len())],
                    LAST[self.generator.next(LAST.len())]
                ),
            };
        }
    }

    /// A number in `0..below`, from the same deterministic generator.
    pub fn roll(&mut self, below: usize) -> usize {
        self.generator.next(below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_niks_are_valid_and_unique() {
        let today = Date::from_calendar_date(2026, Month::November, 29).unwrap();
        let mut people = People::new(today, HashSet::new(), HashSet::new());
        let mut seen = HashSet::new();
        for n in 0..20_000 {
            let province = [36, 12, 91][n % 3];
            let person = people.next(province);
            let nik = Nik::parse(&person.nik, today).expect("valid NIK");
            assert_eq!(nik.birth_date(today), Some(person.birth_date));
            assert_eq!(
                nik.sex() == crate::kernel::identity::Sex::Female,
                person.sex == "F"
            );
            assert!(seen.insert(person.nik), "NIK repeated");
        }
    }

    #[test]
    fn taken_niks_and_phones_are_skipped() {
        let today = Date::from_calendar_date(2026, Month::November, 29).unwrap();
        let first = People::new(today, HashSet::new(), HashSet::new()).next(36);
        let mut people = People::new(today, HashSet::from([first.nik.clone()]), HashSet::new());
        let second = people.next(36);
        assert_ne!(second.nik, first.nik);
        assert_ne!(second.phone, first.phone);
    }
}
