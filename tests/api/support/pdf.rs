//! Reads a PDF back the way a person would: its text (poppler's `pdftotext`), its pages
//! (`pdfinfo`) and the QR codes printed on it (each page rasterised by `pdftoppm`, scanned
//! by `rqrr`). poppler-utils comes with `make setup`.

use std::path::Path;
use std::process::{Command, Output};

/// The text of every page, laid out as printed (`pdftotext -layout`); pages are separated by
/// form feeds (`\u{c}`).
pub fn text_of(pdf: &[u8]) -> String {
    let file = pdf_file(pdf);
    let out = run(Command::new("pdftotext").arg("-layout").arg(file.path()).arg("-"));
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// The number of pages.
pub fn page_count(pdf: &[u8]) -> usize {
    let file = pdf_file(pdf);
    let out = run(Command::new("pdfinfo").arg(file.path()));
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|pages| pages.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo told no page count:\n{info}"))
}

/// What the QR codes on the pages hold, page by page, top to bottom as found.
pub fn qr_codes_of(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let input = dir.path().join("document.pdf");
    std::fs::write(&input, pdf).expect("write the PDF");
    run(Command::new("pdftoppm")
        .args(["-r", "150", "-gray"])
        .arg(&input)
        .arg(dir.path().join("page")));
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read the pages")
        .map(|entry| entry.expect("a page").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "pgm"))
        .collect();
    // page-1.pgm … page-9.pgm, or page-01.pgm … when there are ten or more: same width.
    pages.sort();
    pages.iter().flat_map(|page| scan(page)).collect()
}

fn scan(pgm: &Path) -> Vec<String> {
    let bytes = std::fs::read(pgm).expect("read a page");
    let (width, height, pixels) = greymap(&bytes);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    image
        .detect_grids()
        .iter()
        .filter_map(|grid| grid.decode().ok())
        .map(|(_, text)| text)
        .collect()
}

/// A binary greymap (`P5`, one byte a pixel): its width, height and pixels.
fn greymap(bytes: &[u8]) -> (usize, usize, &[u8]) {
    let mut fields: Vec<&str> = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        match bytes.get(at) {
            Some(byte) if byte.is_ascii_whitespace() => at += 1,
            Some(b'#') => {
                while bytes.get(at).is_some_and(|byte| *byte != b'\n') {
                    at += 1;
                }
            }
            Some(_) => {
                let start = at;
                while bytes.get(at).is_some_and(|byte| !byte.is_ascii_whitespace()) {
                    at += 1;
                }
                fields.push(std::str::from_utf8(&bytes[start..at]).expect("an ASCII header"));
            }
            None => panic!("a greymap header cut short"),
        }
    }
    assert_eq!(fields[0], "P5", "pdftoppm -gray writes binary greymaps");
    assert_eq!(fields[3], "255", "one byte a pixel");
    let width: usize = fields[1].parse().expect("a width");
    let height: usize = fields[2].parse().expect("a height");
    // One whitespace byte ends the header.
    let pixels = &bytes[at + 1..];
    assert_eq!(pixels.len(), width * height, "a whole greymap");
    (width, height, pixels)
}

fn pdf_file(pdf: &[u8]) -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("a temporary file");
    std::fs::write(file.path(), pdf).expect("write the PDF");
    file
}

fn run(command: &mut Command) -> Output {
    let program = command.get_program().to_string_lossy().into_owned();
    let out = command.output().unwrap_or_else(|error| {
        panic!("{program} could not run ({error}): it comes with poppler-utils, run make setup")
    });
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
