//! Reading a roster the way people export it from Excel (Indonesian or English locale) or
//! Google Sheets, and checking every row before anything is written. Server only.
//!
//! Accepted: UTF-8 with or without BOM; comma, semicolon or tab; CRLF or LF; quoted fields
//! with separators and line breaks inside. Headers in Indonesian or English are mapped to
//! the record's fields; other columns are ignored. Row numbers are the sheet's own (the
//! header is row 1).

use std::collections::{HashMap, HashSet};
use time::Date;
use unicode_normalization::UnicodeNormalization;

use super::{validate_trainee, Education, Source, TraineeChoices, TraineeInput, ValidTrainee};
use crate::kernel::codes::code_enum;
use crate::kernel::identity::Nik;
use crate::kernel::{FieldError, Problem};

code_enum! {
    /// Where an uploaded roster is: waiting for its review and confirmation, or written.
    ImportStatus {
        Staged => "staged",
        /// Written once; the file is not kept.
        Imported => "imported",
    }
}

/// At most this many data rows in one import.
pub const MAX_ROWS: usize = 20_000;

/// A field of the trainee record an import column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Nik,
    Name,
    BirthPlace,
    BirthDate,
    Sex,
    Address,
    District,
    Phone,
    Email,
    Education,
    Programme,
    Guardian,
    GuardianRelation,
    GuardianPhone,
    Source,
    Notes,
}

/// Header spellings (lower case, accents and punctuation removed) and the field they mean.
const HEADERS: &[(&str, Column)] = &[
    ("nik", Column::Nik),
    ("noktp", Column::Nik),
    ("nomorktp", Column::Nik),
    ("ektp", Column::Nik),
    ("nomorindukkependudukan", Column::Nik),
    ("idnumber", Column::Nik),
    ("nationalid", Column::Nik),
    ("nama", Column::Name),
    ("namalengkap", Column::Name),
    ("namasesuaiktp", Column::Name),
    ("namapeserta", Column::Name),
    ("name", Column::Name),
    ("fullname", Column::Name),
    ("tempatlahir", Column::BirthPlace),
    ("birthplace", Column::BirthPlace),
    ("placeofbirth", Column::BirthPlace),
    ("tanggallahir", Column::BirthDate),
    ("tgllahir", Column::BirthDate),
    ("tgllhr", Column::BirthDate),
    ("birthdate", Column::BirthDate),
    ("dateofbirth", Column::BirthDate),
    ("dob", Column::BirthDate),
    ("jeniskelamin", Column::Sex),
    ("jk", Column::Sex),
    ("lp", Column::Sex),
    ("kelamin", Column::Sex),
    ("sex", Column::Sex),
    ("gender", Column::Sex),
    ("alamat", Column::Address),
    ("alamatlengkap", Column::Address),
    ("address", Column::Address),
    ("kabupatenkota", Column::District),
    ("kabkota", Column::District),
    ("kabupaten", Column::District),
    ("kota", Column::District),
    ("district", Column::District),
    ("regency", Column::District),
    ("city", Column::District),
    ("nohp", Column::Phone),
    ("nomorhp", Column::Phone),
    ("hp", Column::Phone),
    ("nohpwa", Column::Phone),
    ("nomorwa", Column::Phone),
    ("wa", Column::Phone),
    ("whatsapp", Column::Phone),
    ("telepon", Column::Phone),
    ("notelp", Column::Phone),
    ("phone", Column::Phone),
    ("phonenumber", Column::Phone),
    ("mobile", Column::Phone),
    ("email", Column::Email),
    ("surel", Column::Email),
    ("pendidikan", Column::Education),
    ("pendidikanterakhir", Column::Education),
    ("education", Column::Education),
    ("program", Column::Programme),
    ("programsektor", Column::Programme),
    ("sektor", Column::Programme),
    ("jalur", Column::Programme),
    ("programme", Column::Programme),
    ("track", Column::Programme),
    ("sector", Column::Programme),
    ("namawali", Column::Guardian),
    ("wali", Column::Guardian),
    ("kontakdarurat", Column::Guardian),
    ("guardian", Column::Guardian),
    ("emergencycontact", Column::Guardian),
    ("hubunganwali", Column::GuardianRelation),
    ("hubungan", Column::GuardianRelation),
    ("relationship", Column::GuardianRelation),
    ("relation", Column::GuardianRelation),
    ("hpwali", Column::GuardianPhone),
    ("nohpwali", Column::GuardianPhone),
    ("teleponwali", Column::GuardianPhone),
    ("guardianphone", Column::GuardianPhone),
    ("emergencyphone", Column::GuardianPhone),
    ("sumber", Column::Source),
    ("sumberinformasi", Column::Source),
    ("tahudari", Column::Source),
    ("source", Column::Source),
    ("howheard", Column::Source),
    ("catatan", Column::Notes),
    ("keterangan", Column::Notes),
    ("notes", Column::Notes),
    ("remarks", Column::Notes),
];

/// Lower case, accents and everything but letters and digits removed: `Tgl. Lahir` →
/// `tgllahir`, `E-mail` → `email`.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header means, if any.
pub fn column_of(header: &str) -> Option<Column> {
    let key = fold(header);
    HEADERS
        .iter()
        .find(|(spelling, _)| *spelling == key)
        .map(|(_, column)| *column)
}

/// A file read into rows, before any row is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// What each column holds (`None`: ignored).
    pub columns: Vec<Option<Column>>,
    pub rows: Vec<SheetRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// The row as the person counts it in their sheet (header = 1).
    pub number: u32,
    pub cells: Vec<String>,
}

impl Sheet {
    fn cell<'a>(&self, row: &'a SheetRow, column: Column) -> &'a str {
        self.columns
            .iter()
            .position(|c| *c == Some(column))
            .and_then(|index| row.cells.get(index))
            .map_or("", |cell| cell.trim())
    }
}

/// The separator of a file: the one of `,` `;` and tab that the header line uses most
/// (outside quotes).
fn separator(text: &str) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        if c == '\n' && !quoted {
            break;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0].1 += 1,
            ';' if !quoted => counts[1].1 += 1,
            '\t' if !quoted => counts[2].1 += 1,
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(sep, _)| *sep)
}

/// Reads a CSV file into a sheet.
///
/// # Errors
/// [`Problem::EmptyFile`], [`Problem::NotCsv`] (binary, not UTF-8, an .xlsx renamed),
/// [`Problem::FileTooLarge`], [`Problem::TooManyRows`] or [`Problem::NoHeader`] (no NIK
/// and name columns).
pub fn read_csv(bytes: &[u8], max_bytes: usize) -> Result<Sheet, Problem> {
    if bytes.len() > max_bytes {
        return Err(Problem::FileTooLarge {
            max_kib: u32::try_from(max_bytes / 1024).unwrap_or(u32::MAX),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::EmptyFile);
    }
    // Zip archives (.xlsx, .ods) and other binary files are not CSV.
    if bytes.starts_with(b"PK\x03\x04") || bytes.contains(&0) {
        return Err(Problem::NotCsv);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Problem::NotCsv)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            Some(Ok(record)) if record.iter().all(|cell| cell.trim().is_empty()) => continue,
            Some(Ok(record)) => break record,
            Some(Err(_)) => return Err(Problem::NotCsv),
            None => return Err(Problem::EmptyFile),
        }
    };
    let columns: Vec<Option<Column>> = header.iter().map(column_of).collect();
    if !columns.contains(&Some(Column::Nik)) || !columns.contains(&Some(Column::Name)) {
        return Err(Problem::NoHeader);
    }
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|_| Problem::NotCsv)?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(Problem::TooManyRows { max: MAX_ROWS as u32 });
        }
        let number = record.position().map_or(0, |p| p.record() + 1);
        rows.push(SheetRow {
            number: u32::try_from(number).unwrap_or(u32::MAX),
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    Ok(Sheet { columns, rows })
}

fn education_of(typed: &str) -> String {
    let key = fold(typed);
    let education = match key.as_str() {
        "" => Education::Unspecified,
        "sd" | "mi" | "sekolahdasar" | "primary" => Education::Sd,
        "smp" | "mts" | "sltp" | "juniorhigh" => Education::Smp,
        "sma" | "smk" | "ma" | "slta" | "seniorhigh" | "highschool" => Education::Sma,
        "d1" | "d2" | "d3" | "d4" | "diploma" => Education::Diploma,
        "s1" | "s2" | "s3" | "sarjana" | "bachelor" | "master" => Education::Sarjana,
        // Unknown spellings are refused by the record's own rule, naming the field.
        _ => return typed.to_owned(),
    };
    education.as_str().to_owned()
}

fn source_of(typed: &str) -> String {
    let key = fold(typed);
    let source = if key.is_empty() {
        Source::Other
    } else if key.contains("kawan") {
        Source::KawanPmi
    } else if key.contains("sosialisasi") || key.contains("outreach") {
        Source::Sosialisasi
    } else if key.contains("walkin") || key.contains("datangsendiri") || key.contains("datanglangsung") {
        Source::WalkIn
    } else if key.contains("dinas") || key.contains("disnaker") {
        Source::Dinas
    } else if key.contains("lpk") {
        Source::Lpk
    } else if [
        "instagram",
        "facebook",
        "tiktok",
        "medsos",
        "mediasosial",
        "socialmedia",
        "youtube",
    ]
    .iter()
    .any(|w| key.contains(w))
    {
        Source::SocialMedia
    } else if ["teman", "keluarga", "saudara", "friend", "family", "referral"]
        .iter()
        .any(|w| key.contains(w))
    {
        Source::Referral
    } else {
        Source::Other
    };
    source.as_str().to_owned()
}

/// What checking rows needs from the database and the request.
pub struct ImportContext<'a> {
    pub site_id: i64,
    /// (id, code, name) of every programme.
    pub programmes: &'a [(i64, String, String)],
    /// NIKs already registered (of those in the file).
    pub registered: &'a HashSet<String>,
    pub today: Date,
}

/// The verdict on one row.
#[derive(Debug, Clone)]
pub struct RowResult {
    pub row: u32,
    /// The name as written, for the report.
    pub name: String,
    /// The NIK as written.
    pub nik: String,
    pub outcome: Result<ValidTrainee, Vec<FieldError>>,
}

/// The NIKs a sheet mentions (compacted), to look up which are registered.
pub fn niks_of(sheet: &Sheet) -> Vec<String> {
    sheet
        .rows
        .iter()
        .map(|row| {
            sheet
                .cell(row, Column::Nik)
                .chars()
                .filter(char::is_ascii_digit)
                .collect()
        })
        .filter(|nik: &String| nik.len() == 16)
        .collect()
}

/// Checks every row; duplicates within the file and NIKs already registered are refused.
pub fn check_rows(sheet: &Sheet, context: &ImportContext<'_>) -> Vec<RowResult> {
    let choices = TraineeChoices {
        site_ids: vec![context.site_id],
        programme_ids: context.programmes.iter().map(|(id, ..)| *id).collect(),
    };
    let mut first_row_of: HashMap<String, u32> = HashMap::new();
    sheet
        .rows
        .iter()
        .map(|row| {
            let cell = |column| sheet.cell(row, column).to_owned();
            let nik_text = cell(Column::Nik);
            let nik = Nik::parse(&nik_text, context.today).ok();
            let programme = cell(Column::Programme);
            let programme_id = if programme.is_empty() {
                String::new()
            } else {
                let key = fold(&programme);
                context
                    .programmes
                    .iter()
                    .find(|(_, code, name)| fold(code) == key || fold(name) == key)
                    .map_or_else(|| "unknown".to_owned(), |(id, ..)| id.to_string())
            };
            let district = cell(Column::District);
            let (regency_code, regency_other) = match (district.is_empty(), &nik) {
                // Outside Banten with no district given: the province the NIK names.
                (true, Some(nik)) if !nik.is_from_banten() => (
                    "other".to_owned(),
                    nik.province_name().unwrap_or_default().to_owned(),
                ),
                (true, _) => (String::new(), String::new()),
                (false, Some(nik)) if !nik.is_from_banten() => ("other".to_owned(), district),
                (false, _) => (String::new(), district),
            };
            let input = TraineeInput {
                nik: nik_text.clone(),
                full_name: cell(Column::Name),
                birth_place: cell(Column::BirthPlace),
                birth_date: cell(Column::BirthDate),
                sex: cell(Column::Sex),
                address: cell(Column::Address),
                regency_code,
                regency_other,
                phone: cell(Column::Phone),
                email: cell(Column::Email),
                education: education_of(&cell(Column::Education)),
                programme_id,
                guardian_name: cell(Column::Guardian),
                guardian_relation: cell(Column::GuardianRelation),
                guardian_phone: cell(Column::GuardianPhone),
                source: source_of(&cell(Column::Source)),
                notes: cell(Column::Notes),
                site_id: context.site_id.to_string(),
                ..TraineeInput::default()
            };
            let mut outcome = validate_trainee(&input, &choices, context.today, true);
            if let Ok(valid) = &outcome {
                let nik = valid.nik.as_str().to_owned();
                if let Some(first) = first_row_of.get(&nik) {
                    outcome = Err(vec![FieldError::new(
                        "nik",
                        Problem::DuplicateInFile { row: *first },
                    )]);
                } else {
                    first_row_of.insert(nik.clone(), row.number);
                    if context.registered.contains(&nik) {
                        outcome = Err(vec![FieldError::new("nik", Problem::AlreadyRegistered)]);
                    }
                }
            }
            RowResult {
                row: row.number,
                name: input.full_name,
                nik: nik_text,
                outcome,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn context<'a>(
        registered: &'a HashSet<String>,
        programmes: &'a [(i64, String, String)],
    ) -> ImportContext<'a> {
        ImportContext {
            site_id: 4,
            programmes,
            registered,
            today: TODAY,
        }
    }

    fn check(bytes: &[u8]) -> Vec<RowResult> {
        let sheet = read_csv(bytes, 1 << 20).unwrap();
        let programmes = [(1, "SSW-KAIGO".to_owned(), "SSW Perawat Lansia (Kaigo)".to_owned())];
        let registered: HashSet<String> = ["3604011503020001".to_owned()].into();
        check_rows(&sheet, &context(&registered, &programmes))
    }

    fn refused(results: &[RowResult]) -> Vec<(u32, String, Problem)> {
        results
            .iter()
            .filter_map(|r| r.outcome.as_ref().err().map(|e| (r.row, e)))
            .flat_map(|(row, errors)| {
                errors
                    .iter()
                    .map(move |e| (row, e.field.clone(), e.problem.clone()))
            })
            .collect()
    }

    #[test]
    fn an_indonesian_excel_export_with_bom_semicolons_and_crlf_reads() {
        let file = "\u{feff}No;NIK;Nama Lengkap;Tempat Lahir;Tgl. Lahir;L/P;Alamat;Kab/Kota;No. HP;Program\r\n\
                    1;3673054708990002;Dewi Lestari;Serang;07/08/1999;P;\"Jl. Veteran; RT 01\r\nRW 02\";Kota Serang;0812-1111-2026;SSW-KAIGO\r\n\
                    2;3672034211000003;Siti Nurjanah;Cilegon;2000-11-02;P;;;0857-1234-5678;\r\n";
        let results = check(file.as_bytes());
        assert_eq!(refused(&results), vec![]);
        let first = results[0].outcome.as_ref().unwrap();
        assert_eq!(
            first.address, "Jl. Veteran; RT 01 RW 02",
            "quoted separators and line breaks stay in the cell"
        );
        assert_eq!(first.programme_id, Some(1));
        assert_eq!(results[1].row, 3, "a multi-line cell is still one sheet row");
        assert_eq!(
            results[1].outcome.as_ref().unwrap().regency.name,
            "Kota Cilegon",
            "from the NIK"
        );
    }

    #[test]
    fn an_english_sheet_with_us_dates_and_mf_reads() {
        let file = "Full name,ID number,Date of birth,Sex,Phone,Extra column\n\
                    Dewi Lestari,3673054708990002,8/7/1999,F,+62 812 1111 2026,ignored\n";
        let results = check(file.as_bytes());
        assert_eq!(refused(&results), vec![]);
        assert_eq!(
            results[0].outcome.as_ref().unwrap().birth_date,
            date!(1999 - 08 - 07)
        );
    }

    #[test]
    fn every_bad_row_is_named_with_its_reason() {
        let file = "NIK,Nama,Tanggal Lahir,Jenis Kelamin,No HP,Kabupaten/Kota\n\
                    3673054708990002,Dewi Lestari,07/08/1999,P,0812-1111-2026,Kota Serang\n\
                    3673054708990002,Dewi Lagi,07/08/1999,P,,\n\
                    3604011503020001,Ahmad Rizki,15/03/2002,L,,\n\
                    3673054708990009,,07/08/1999,L,12,Kota Antah\n\
                    12345,Budi,,,,\n";
        let results = check(file.as_bytes());
        assert_eq!(
            refused(&results),
            vec![
                (3, "nik".into(), Problem::DuplicateInFile { row: 2 }),
                (4, "nik".into(), Problem::AlreadyRegistered),
                (5, "full_name".into(), Problem::Required),
                (
                    5,
                    "sex".into(),
                    Problem::NikSexMismatch {
                        nik_sex: crate::kernel::identity::Sex::Female
                    }
                ),
                (5, "regency_code".into(), Problem::UnknownDistrict),
                (5, "phone".into(), Problem::InvalidPhone),
                (
                    6,
                    "nik".into(),
                    Problem::InvalidNik(crate::kernel::identity::NikProblem::WrongLength)
                ),
            ]
        );
    }

    #[test]
    fn files_that_are_not_rosters_are_refused_plainly() {
        assert_eq!(read_csv(b"", 1000), Err(Problem::EmptyFile));
        assert_eq!(read_csv(b"\xEF\xBB\xBF \r\n", 1000), Err(Problem::EmptyFile));
        assert_eq!(read_csv(b"PK\x03\x04\x14\x00binary", 1000), Err(Problem::NotCsv));
        assert_eq!(read_csv(b"Nama,\xff\xfe\n", 1000), Err(Problem::NotCsv));
        assert_eq!(read_csv(b"a,b,c\n1,2,3\n", 1000), Err(Problem::NoHeader));
        assert_eq!(
            read_csv(&[b'x'; 2048], 1024),
            Err(Problem::FileTooLarge { max_kib: 1 })
        );
        assert_eq!(column_of("Tgl. Lahir"), Some(Column::BirthDate));
        assert_eq!(column_of("E-mail"), Some(Column::Email));
        assert_eq!(column_of("Jenis Kelamin (L/P)"), None);
    }
}
