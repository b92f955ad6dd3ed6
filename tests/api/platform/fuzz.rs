//! Fuzzing every parser people's input reaches: NIK, phone, e-mail and login, roster CSV
//! files (headers and rows, through the same checks as an import), dates, times, numbers
//! and texts as typed, the schedule pattern (and the generation it drives), readiness
//! results, documents, scores and scans, roll-call remarks, excuses and attendance rules.
//!
//! Inputs are random bytes, random Unicode (control characters, NUL, right-to-left
//! marks, combining marks, emoji), and mutations and splices of valid samples. A target
//! fails on a panic, on a parse that does not round-trip, or on a call that hangs.
//! `make test` runs a smoke run; the full run (8 targets × 1,250,000 = 10 million
//! executions) is `FUZZ_ITERATIONS=1250000 cargo test --release --features ssr --test api
//! platform::fuzz -- --nocapture` (figures in BENCHMARKS.md).

use siap_jepang::kernel::identity::{EmailAddress, Nik, PhoneNumber};
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};
use time::{Date, Month};

/// A call slower than this is a hang (the parsers take microseconds).
const HANG: Duration = Duration::from_secs(5);

fn iterations() -> usize {
    std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000)
}

fn today() -> Date {
    Date::from_calendar_date(2026, Month::November, 29).unwrap()
}

/// xorshift64*: fast, deterministic per target.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    const ODD: &'static [&'static str] = &[
        "\u{0}",
        "\u{1b}",
        "\u{202e}",
        "\u{200b}",
        "\u{feff}",
        "\u{301}",
        "😀",
        "👩🏽‍💻",
        "ß",
        "İ",
        "\r\n",
        "\t",
        "\"",
        ";",
        ",",
        "'",
        "\\",
        "%",
        "_",
        "/",
        "..",
        "-",
        "+",
        ".",
        ":",
        "0",
        "9",
        "٣",
        "１",
        " ",
        "e",
        "E",
        "+62",
        "08",
    ];

    /// One input: bytes that may or may not be UTF-8.
    fn input(&mut self, seeds: &[&[u8]]) -> Vec<u8> {
        match self.below(6) {
            0 => (0..self.below(48)).map(|_| self.next() as u8).collect(),
            1 => {
                let mut s = String::new();
                for _ in 0..self.below(24) {
                    s.push_str(Self::ODD[self.below(Self::ODD.len())]);
                }
                s.into_bytes()
            }
            2 => {
                let seed = seeds[self.below(seeds.len())];
                seed.repeat(1 + self.below(400))
            }
            _ => {
                let mut bytes = seeds[self.below(seeds.len())].to_vec();
                for _ in 0..1 + self.below(6) {
                    let at = self.below(bytes.len() + 1);
                    match self.below(6) {
                        0 if !bytes.is_empty() => {
                            let end = (at + 1 + self.below(8)).min(bytes.len());
                            bytes.drain(at.min(end)..end);
                        }
                        1 => bytes.insert(at, self.next() as u8),
                        2 => {
                            let odd = Self::ODD[self.below(Self::ODD.len())].as_bytes();
                            bytes.splice(at..at, odd.iter().copied());
                        }
                        3 if !bytes.is_empty() => {
                            let i = at.min(bytes.len() - 1);
                            bytes[i] ^= 1 << self.below(8);
                        }
                        4 => {
                            let other = seeds[self.below(seeds.len())];
                            let from = self.below(other.len() + 1);
                            bytes.splice(at..at, other[from..].iter().copied());
                        }
                        _ if !bytes.is_empty() => {
                            let i = at.min(bytes.len() - 1);
                            bytes[i] = b"0123456789/-. "[self.below(14)];
                        }
                        _ => {}
                    }
                }
                bytes
            }
        }
    }

    fn text(&mut self, seeds: &[&str]) -> String {
        let seeds: Vec<&[u8]> = seeds.iter().map(|s| s.as_bytes()).collect();
        String::from_utf8_lossy(&self.input(&seeds)).into_owned()
    }
}

/// Runs `target` on generated inputs; returns (executions, slowest call).
fn fuzz(name: &str, seed: u64, mut target: impl FnMut(&mut Gen)) -> (usize, Duration) {
    let mut generator = Gen(seed | 1);
    let mut slowest = Duration::ZERO;
    let n = iterations();
    for i in 0..n {
        let state = generator.0;
        let began = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| target(&mut generator)));
        let took = began.elapsed();
        assert!(
            outcome.is_ok(),
            "{name}: panicked at iteration {i} (generator state {state:#x})"
        );
        assert!(
            took < HANG,
            "{name}: iteration {i} hung for {took:?} (generator state {state:#x})"
        );
        slowest = slowest.max(took);
    }
    println!(
        "fuzz {name:<12} {n} executions, 0 panics, slowest call {:?}",
        slowest
    );
    (n, slowest)
}

#[test]
fn fuzz_identity() {
    let today = today();
    fuzz("nik", 11, |g| {
        let input = g.text(&[
            "3673054708990002",
            "3604011503020001",
            "36 73 05 470899 0002",
            "1101010101010001",
        ]);
        if let Ok(nik) = Nik::parse(&input, today) {
            assert_eq!(nik.as_str().len(), 16);
            assert!(nik.birth_date(today).is_some());
            assert_eq!(Nik::parse(nik.as_str(), today).as_ref(), Ok(&nik));
        }
        let _ = siap_jepang::kernel::identity::mask_nik(&input);
    });
    fuzz("phone", 12, |g| {
        let input = g.text(&[
            "0812-1111-2026",
            "+62 812 1111 2026",
            "6281211112026",
            "(0254) 200 123",
        ]);
        if let Ok(phone) = PhoneNumber::parse(&input) {
            assert_eq!(
                PhoneNumber::parse(phone.as_str()).as_ref(),
                Ok(&phone),
                "{input:?}"
            );
        }
    });
    fuzz("email", 13, |g| {
        let input = g.text(&["dewi@contoh.id", "Rina.Marlina+uji@bp2mi.go.id", "a@b.co"]);
        if let Ok(email) = EmailAddress::parse(&input) {
            assert_eq!(
                EmailAddress::parse(email.as_str()).as_ref(),
                Ok(&email),
                "{input:?}"
            );
        }
        let _ = siap_jepang::accounts::model::LoginId::parse(&input);
    });
}

#[test]
fn fuzz_roster_csv() {
    let programmes = vec![(1, "SSW-KAIGO".to_owned(), "SSW Perawatan".to_owned())];
    let registered: HashSet<String> = HashSet::from(["3673054708990002".to_owned()]);
    let context = siap_jepang::trainees::model::import::ImportContext {
        site_id: 1,
        programmes: &programmes,
        registered: &registered,
        today: today(),
    };
    let seeds: [&[u8]; 3] = [
        "\u{feff}NIK;Nama Lengkap;Tempat Lahir;Tanggal Lahir;Jenis Kelamin;Alamat;No HP\r\n\
         3673054708990002;Dewi Lestari;Serang;07/08/1999;P;\"Jl. Veteran No. 1; RT 01\";0812-1111-2026\r\n\
         3604011503020001;Ahmad Rizki;Serang;15-03-2002;L;Kp. Sukajaya;\r\n"
            .as_bytes(),
        b"nik,nama,tgl lahir,jk\n3601077001010004,Nur Aini,1901-01-30,P\n,,,\n",
        b"NIK\tName\tDOB\tSex\n3673054708990002\t\"Dewi \"\"D\"\" L\"\t1999-08-07\tF\n",
    ];
    fuzz("csv", 14, |g| {
        let bytes = g.input(&seeds);
        if let Ok(sheet) = siap_jepang::trainees::model::import::read_csv(&bytes, 1 << 20) {
            let _ = siap_jepang::trainees::model::import::niks_of(&sheet);
            let results = siap_jepang::trainees::model::import::check_rows(&sheet, &context);
            assert_eq!(results.len(), sheet.rows.len());
        }
    });
}

#[test]
fn fuzz_typed_dates_numbers_and_texts() {
    use siap_jepang::kernel::{input, wib};
    fuzz("dates", 15, |g| {
        let s = g.text(&[
            "2026-11-29",
            "29/11/2026",
            "7-8-1999",
            "08:30",
            "23.59",
            "31.12.2026",
            "1e309",
            "-0",
        ]);
        let _ = wib::parse_date(&s);
        let _ = wib::parse_iso_date(&s);
        let _ = wib::parse_time(&s);
        let _ = input::parse_date(&s);
        if let Ok(n) = input::parse_number(&s, -10, 10) {
            assert!((-10..=10).contains(&n));
        }
        if let Ok(Some(text)) = input::parse_text(&s, 100, true) {
            assert!(text.chars().count() <= 100);
        }
        let _ = input::parse_choice(&s);
        let _ = siap_jepang::trainees::model::parse_sex(&s);
        let _ = siap_jepang::trainees::model::tidy_name(&s);
        let _ = siap_jepang::trainees::model::import::column_of(&s);
    });
}

#[test]
fn fuzz_schedule_patterns() {
    use siap_jepang::schedule::model::generation::{generate, parse_pattern, PatternInput, Window};
    let window = Window {
        first: Date::from_calendar_date(2026, Month::January, 5).unwrap(),
        last: Date::from_calendar_date(2027, Month::December, 31).unwrap(),
    };
    fuzz("schedule", 16, |g| {
        let mut field = |seeds: &[&str]| g.text(seeds);
        let input = PatternInput {
            weekdays: vec![field(&["1", "3", "5", "7"]), field(&["2", "4", "8", "0"])],
            start_time: field(&["08:00", "13:30", "7.45"]),
            end_time: field(&["12:00", "15:00", "24:00"]),
            every_weeks: field(&["1", "2", "0", "99"]),
            from: field(&["2026-01-05", "2026-02-30", "05/01/2026"]),
            until: field(&["date", "hours"]),
            until_date: field(&["2026-06-30", "2030-01-01"]),
            target_hours: field(&["340", "0", "100000"]),
        };
        if let Ok(pattern) = parse_pattern(&input, window) {
            let _ = generate(&pattern, window, &[]);
        }
    });
}

#[test]
fn fuzz_readiness_and_attendance_forms() {
    use siap_jepang::attendance::model::excuse::{note_type, validate_excuse, ExcuseInput};
    use siap_jepang::attendance::model::{parse_remark, validate_policy, PolicyInput};
    use siap_jepang::readiness::model::{
        parse_document_details, parse_result, parse_score, scan_type, AssessmentKind,
    };
    let today = today();
    fuzz("readiness", 17, |g| {
        let _ = parse_result(
            &g.text(&["jlpt", "jft_basic", "ssw_skills"]),
            &g.text(&["N4", "N5", "n3"]),
            &g.text(&["200", "250", "9", "-1"]),
            g.below(2) == 0,
            &g.text(&["2026-11-01", "2027-01-01"]),
            today,
        );
        let _ = parse_document_details(
            &g.text(&["A1234567", ""]),
            &g.text(&["2026-01-01", "2030-01-01"]),
            &g.text(&["2036-01-01", "2020-01-01"]),
            today,
        );
        let _ = parse_score(&g.text(&["85", "100", "250", "x"]), AssessmentKind::Quiz, 100);
        let _ = scan_type(&g.input(&[b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0"]));
    });
    fuzz("attendance", 18, |g| {
        let _ = parse_remark(&g.text(&["Macet", "Hujan deras", ""]));
        let _ = validate_excuse(&ExcuseInput {
            session_id: g.text(&["12", "-1", "abc"]),
            kind: g.text(&["izin", "sakit"]),
            reason: g.text(&["Demam tinggi", ""]),
        });
        let _ = validate_policy(&PolicyInput {
            late_weight: g.text(&["50", "101"]),
            late_after_minutes: g.text(&["15", "240"]),
            auto_absent_hours: g.text(&["", "24"]),
            edit_days: g.text(&["3", "61"]),
            absence_streak: g.text(&["3", "0"]),
        });
        let _ = note_type(&g.input(&[b"%PDF-1.4", b"\xff\xd8\xff"]));
    });
}
