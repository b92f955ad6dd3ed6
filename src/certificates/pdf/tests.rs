use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use time::macros::date;

use super::*;

const NAME: &str = r#"Siti "Nur" #Aisyah_ [*]"#;
const VERIFY_URL: &str = "https://siapjepang.example.id/verifikasi/K7QM-2XPA-9FDE";

fn paper(kind: DocumentKind) -> Paper {
    Paper {
        kind,
        number: "007/SJ/SRG/XII/2026".to_owned(),
        code: "K7QM-2XPA-9FDE".to_owned(),
        verify_url: VERIFY_URL.to_owned(),
        full_name: NAME.to_owned(),
        birth_place: "Serang $x$ <b>".to_owned(),
        birth_date: date!(2001 - 03 - 12),
        programme: "Specified Skilled Worker".to_owned(),
        track: "SSW".to_owned(),
        cohort: "SRG-2026-07".to_owned(),
        course: "Bahasa Jepang N4 (JFT-Basic)".to_owned(),
        starts_on: date!(2026 - 07 - 01),
        ends_on: date!(2026 - 12 - 04),
        hours_attended: 120,
        hours_total: 340,
        attendance_rate: Some(92),
        final_result: Some(FinalResult {
            title: "Ujian akhir N4".to_owned(),
            score: 82,
            max_score: 100,
            passed: true,
        }),
        official_results: vec![
            OfficialLine {
                test: "JFT-Basic".to_owned(),
                result: "215 / 250".to_owned(),
                passed: true,
                taken_on: date!(2027 - 03 - 12),
            },
            OfficialLine {
                test: "JLPT".to_owned(),
                result: "N4".to_owned(),
                passed: false,
                taken_on: date!(2026 - 12 - 06),
            },
        ],
        site_name: "UPT BP2MI Serang".to_owned(),
        site_city: "Serang".to_owned(),
        signatory_name: "Drs. Ahmad Fauzi, M.Si.".to_owned(),
        signatory_position: "Kepala".to_owned(),
        issued_on: date!(2026 - 12 - 07),
    }
}

fn raster_logo(format: image::ImageFormat) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(16, 16, |x, y| image::Rgb([200, (x * 15) as u8, (y * 15) as u8]));
    let mut bytes = Cursor::new(Vec::new());
    picture.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

const SVG_LOGO: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#bc002d"/></svg>"##;

fn page_count(papers: &[Paper], logo: Option<Logo<'_>>, locale: Locale) -> usize {
    let (_, document) = compile(papers, logo, locale).unwrap();
    document.pages().len()
}

#[test]
fn every_kind_renders_in_both_languages_with_every_logo_format() {
    let png = raster_logo(image::ImageFormat::Png);
    let jpeg = raster_logo(image::ImageFormat::Jpeg);
    let logos = [
        None,
        Some(Logo {
            bytes: &png,
            format: LogoFormat::Png,
        }),
        Some(Logo {
            bytes: &jpeg,
            format: LogoFormat::Jpeg,
        }),
        Some(Logo {
            bytes: SVG_LOGO,
            format: LogoFormat::Svg,
        }),
    ];
    for kind in [DocumentKind::Certificate, DocumentKind::Letter] {
        for locale in Locale::ALL {
            for logo in logos {
                let papers = [paper(kind)];
                let pdf = render(&papers, logo, locale).unwrap_or_else(|error| {
                    panic!("{kind:?} {locale:?} {:?}: {error}", logo.map(|l| l.format))
                });
                assert!(pdf.starts_with(b"%PDF-"), "{kind:?} {locale:?}");
                assert_eq!(
                    page_count(&papers, logo, locale),
                    1,
                    "{kind:?} {locale:?} fits one page"
                );
            }
        }
    }
}

#[test]
fn a_long_name_and_many_official_results_still_fit_one_page() {
    for kind in [DocumentKind::Certificate, DocumentKind::Letter] {
        let mut long = paper(kind);
        long.full_name = "Raden Roro Siti Nurhaliza Kusumawardhani Prameswari Wulandari".to_owned();
        long.course =
            "Bahasa Jepang untuk Pekerja Berketerampilan Spesifik, tingkat N4 (JFT-Basic A2)".to_owned();
        long.official_results = (0..4).map(|_| long.official_results[0].clone()).collect();
        for locale in Locale::ALL {
            assert_eq!(
                page_count(&[long.clone()], None, locale),
                1,
                "{kind:?} {locale:?}"
            );
        }
    }
}

#[test]
fn a_combined_print_file_has_one_page_per_paper_in_order() {
    let mut papers = vec![
        paper(DocumentKind::Certificate),
        paper(DocumentKind::Letter),
        paper(DocumentKind::Certificate),
    ];
    papers[1].number = "008/SJ/SRG/XII/2026".to_owned();
    papers[2].number = "009/SJ/SRG/XII/2026".to_owned();
    papers[2].attendance_rate = None;
    papers[2].final_result = None;
    papers[2].official_results.clear();
    assert_eq!(page_count(&papers, None, Locale::Id), 3);

    let pdf = render(&papers, None, Locale::Id).unwrap();
    if let Some(pages) = pdftotext_pages(&pdf) {
        assert_eq!(pages.len(), 3);
        assert!(pages[0].contains("007/SJ/SRG/XII/2026") && pages[0].contains("SERTIFIKAT"));
        assert!(pages[1].contains("008/SJ/SRG/XII/2026") && pages[1].contains("SURAT KETERANGAN"));
        assert!(pages[2].contains("009/SJ/SRG/XII/2026") && pages[2].contains("Kehadiran: —"));
    }
}

#[test]
fn nothing_to_print_is_an_error() {
    assert!(matches!(render(&[], None, Locale::Id), Err(PdfError::NoPapers)));
}

#[test]
fn a_logo_typst_cannot_draw_is_left_out_and_the_papers_still_print() {
    let broken = Logo {
        bytes: b"not a picture",
        format: LogoFormat::Png,
    };
    let pdf = render(&[paper(DocumentKind::Letter)], Some(broken), Locale::Id).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let with_logo = render(
        &[paper(DocumentKind::Letter)],
        Some(Logo {
            bytes: SVG_LOGO,
            format: LogoFormat::Svg,
        }),
        Locale::Id,
    )
    .unwrap();
    let without = render(&[paper(DocumentKind::Letter)], None, Locale::Id).unwrap();
    assert_eq!(pdf, without, "the same paper, without the logo");
    assert_ne!(with_logo, without);
}

#[test]
fn a_verification_address_too_long_for_a_qr_code_is_refused() {
    let mut long = paper(DocumentKind::Certificate);
    long.verify_url = format!("https://example.id/{}", "x".repeat(4000));
    assert!(matches!(render(&[long], None, Locale::Id), Err(PdfError::Qr(_))));
}

#[test]
fn logo_formats_are_known_by_their_media_type() {
    assert_eq!(LogoFormat::from_mime("image/png"), Some(LogoFormat::Png));
    assert_eq!(LogoFormat::from_mime("IMAGE/JPEG"), Some(LogoFormat::Jpeg));
    assert_eq!(LogoFormat::from_mime("image/svg+xml"), Some(LogoFormat::Svg));
    assert_eq!(LogoFormat::from_mime("image/gif"), None);
}

/// The real proof: the PDF read back by poppler holds the name, the number and the hours
/// as printed, and its QR code scans to the verification address.
#[test]
fn the_certificate_reads_back_with_its_text_and_a_scannable_qr_code() {
    let png = raster_logo(image::ImageFormat::Png);
    let logo = Logo {
        bytes: &png,
        format: LogoFormat::Png,
    };
    let pdf = render(&[paper(DocumentKind::Certificate)], Some(logo), Locale::Id).unwrap();
    let Some(pages) = pdftotext_pages(&pdf) else {
        eprintln!("pdftotext is missing (run make setup): read-back skipped");
        return;
    };
    let text = pages.concat();
    for expected in [
        NAME,
        "Nomor: 007/SJ/SRG/XII/2026",
        "120 dari 340 JP",
        "Kehadiran: 92 %",
        "K7QM-2XPA-9FDE",
        "Serang $x$ <b>, 12 Maret 2001",
        "Ujian akhir N4: 82/100 (Lulus)",
        "JLPT N4, 6 Desember 2026 (Tidak lulus)",
        "Serang, 7 Desember 2026",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert_eq!(qr_codes(&pdf), vec![VERIFY_URL.to_owned()]);

    let english = render(&[paper(DocumentKind::Letter)], None, Locale::En).unwrap();
    let text = pdftotext_pages(&english).unwrap_or_default().concat();
    for expected in [
        "CERTIFICATE OF ENROLLMENT",
        NAME,
        "12 March 2001",
        "120 of 340 lesson hours (JP) (92 %)",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

fn has(program: &str) -> bool {
    Command::new(program).arg("-v").output().is_ok()
}

/// The text of every page (split at form feeds), or `None` without poppler.
fn pdftotext_pages(pdf: &[u8]) -> Option<Vec<String>> {
    if !has("pdftotext") {
        return None;
    }
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(file.path())
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    // pdftotext -layout keeps runs of spaces from the columns; words of one line stay apart
    // by one space, which is what the assertions look for.
    let pages = text.split('\u{c}').filter(|page| !page.trim().is_empty());
    Some(pages.map(squeeze_spaces).collect())
}

fn squeeze_spaces(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn qr_codes(pdf: &[u8]) -> Vec<String> {
    assert!(has("pdftoppm"), "pdftoppm is missing: run make setup");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-gray"])
        .arg(&input)
        .arg(dir.path().join("page"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "pgm"))
        .collect();
    pages.sort();
    pages.iter().flat_map(|path| decode_qr(path)).collect()
}

fn decode_qr(pgm: &Path) -> Vec<String> {
    let bytes = std::fs::read(pgm).unwrap();
    let (width, height, pixels) = parse_pgm(&bytes);
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    prepared
        .detect_grids()
        .iter()
        .filter_map(|grid| grid.decode().ok())
        .map(|(_, text)| text)
        .collect()
}

/// A binary greymap (P5, one byte a pixel): width, height and the pixels.
fn parse_pgm(bytes: &[u8]) -> (usize, usize, &[u8]) {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if bytes[at] == b'#' {
            while bytes[at] != b'\n' {
                at += 1;
            }
            continue;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..at]).unwrap().to_owned());
    }
    assert_eq!(fields[0], "P5", "not a binary greymap");
    assert_eq!(fields[3], "255", "one byte a pixel");
    let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &bytes[at + 1..];
    assert_eq!(pixels.len(), width * height);
    (width, height, pixels)
}
