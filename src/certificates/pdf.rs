//! Certificates and letters as PDF, drawn by Typst as a library from the two templates in
//! `templates/` (plain Typst an admin can edit; the labels of both languages are inside).
//!
//! The papers reach Typst only as JSON (`/data.json`, read with `json()`), never spliced into
//! markup, so a name holding `#`, `*`, `_`, `$` or `[` prints as written. Dates are worded
//! here (`wib::date_plain`) for the locale; every other value goes as it is. Fonts come from
//! `typst-assets`, inside the binary. Rendering is pure and synchronous: call it from
//! `tokio::task::spawn_blocking`.

mod world;

use serde::Serialize;
use typst_layout::PagedDocument;

use self::world::PaperWorld;
use super::paper::{DocumentKind, FinalResult, OfficialLine, Paper};
use crate::kernel::i18n::Locale;
use crate::kernel::wib;

/// The formats a site's logo may be stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Jpeg,
    Svg,
}

impl LogoFormat {
    /// The format of an uploaded file by its media type (`image/png`, `image/jpeg`,
    /// `image/svg+xml`); `None` for any other.
    pub fn from_mime(mime: &str) -> Option<Self> {
        match mime.trim().to_ascii_lowercase().as_str() {
            "image/png" => Some(Self::Png),
            "image/jpeg" | "image/jpg" => Some(Self::Jpeg),
            "image/svg+xml" => Some(Self::Svg),
            _ => None,
        }
    }

    /// The name Typst's `image(format: …)` knows it by.
    fn typst_name(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Svg => "svg",
        }
    }
}

/// A site's logo, printed at the top of every paper.
#[derive(Debug, Clone, Copy)]
pub struct Logo<'a> {
    pub bytes: &'a [u8],
    pub format: LogoFormat,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("nothing to print: no papers")]
    NoPapers,
    /// The verification address is too long for a QR code.
    #[error("the verification address does not fit a QR code: {0}")]
    Qr(#[from] qrcode::types::QrError),
    #[error("could not serialise the papers: {0}")]
    Data(#[from] serde_json::Error),
    /// The templates did not compile: Typst's diagnostics, with file, line and column.
    #[error("the certificate template failed:\n{0}")]
    Template(String),
    #[error("the PDF could not be written:\n{0}")]
    Export(String),
}

/// One PDF holding every paper in order, each starting on a new A4 page (a combined print
/// file when several): one Typst compilation for all of them. A logo that cannot be drawn
/// is left out (with a warning in the log) rather than failing the papers.
///
/// # Errors
/// [`PdfError::NoPapers`] for an empty slice, [`PdfError::Qr`] for a verification address
/// too long to encode, [`PdfError::Template`] when a template fails, with Typst's
/// diagnostics.
pub fn render(papers: &[Paper], logo: Option<Logo<'_>>, locale: Locale) -> Result<Vec<u8>, PdfError> {
    let (world, document) = match compile(papers, logo, locale) {
        // A logo Typst cannot draw (a damaged file, an SVG it refuses) must not stop every
        // paper of the site: they print without it, and the log says why.
        Err(PdfError::Template(problem)) if logo.is_some() => {
            tracing::warn!(%problem, "the site's logo could not be drawn; printing without it");
            compile(papers, None, locale)?
        }
        compiled => compiled?,
    };
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(title_of(papers)),
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| PdfError::Export(world.describe(&errors)));
    // Typst memoises across compilations; keep what the last few renders used, drop the rest.
    typst::comemo::evict(10);
    pdf
}

fn compile(
    papers: &[Paper],
    logo: Option<Logo<'_>>,
    locale: Locale,
) -> Result<(PaperWorld, PagedDocument), PdfError> {
    if papers.is_empty() {
        return Err(PdfError::NoPapers);
    }
    let data = Data {
        lang: locale.code(),
        title: title_of(papers),
        author: papers
            .first()
            .map(|paper| paper.site_name.as_str())
            .unwrap_or_default(),
        logo: logo.map(|logo| logo.format.typst_name()),
        papers: papers
            .iter()
            .map(|paper| PaperData::new(paper, locale))
            .collect::<Result<_, _>>()?,
    };
    let world = PaperWorld::new(serde_json::to_vec(&data)?, logo.map(|logo| logo.bytes.to_vec()))
        .ok_or_else(|| PdfError::Template("the template paths were refused".to_owned()))?;
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| PdfError::Template(world.describe(&errors)))?;
    Ok((world, document))
}

/// "007/SJ/SRG/XII/2026 Siti Aminah" for one paper; the first and last numbers for several.
fn title_of(papers: &[Paper]) -> String {
    match papers {
        [paper] => format!("{} {}", paper.number, paper.full_name),
        [first, .., last] => format!("{} … {}", first.number, last.number),
        [] => String::new(),
    }
}

/// What the templates read as `data`.
#[derive(Serialize)]
struct Data<'a> {
    /// `id` or `en`: which labels the templates print.
    lang: &'static str,
    title: String,
    author: &'a str,
    /// The logo's format when there is one (its bytes are the file `/logo`).
    logo: Option<&'static str>,
    papers: Vec<PaperData<'a>>,
}

/// A [`Paper`] with its dates worded and its QR code drawn.
#[derive(Serialize)]
struct PaperData<'a> {
    kind: &'static str,
    number: &'a str,
    code: &'a str,
    verify_url: &'a str,
    /// The QR code of `verify_url`, as an SVG document.
    qr: String,
    full_name: &'a str,
    birth_place: &'a str,
    birth_date: String,
    programme: &'a str,
    track: &'a str,
    cohort: &'a str,
    course: &'a str,
    starts_on: String,
    ends_on: String,
    hours_attended: u32,
    hours_total: u32,
    attendance_rate: Option<u32>,
    final_result: Option<&'a FinalResult>,
    official_results: Vec<OfficialData<'a>>,
    site_name: &'a str,
    site_city: &'a str,
    signatory_name: &'a str,
    signatory_position: &'a str,
    issued_on: String,
}

#[derive(Serialize)]
struct OfficialData<'a> {
    test: &'a str,
    result: &'a str,
    passed: bool,
    taken_on: String,
}

impl<'a> PaperData<'a> {
    fn new(paper: &'a Paper, locale: Locale) -> Result<Self, PdfError> {
        let date = |date| wib::date_plain(date, locale);
        Ok(Self {
            kind: match paper.kind {
                DocumentKind::Certificate => "certificate",
                DocumentKind::Letter => "letter",
            },
            number: &paper.number,
            code: &paper.code,
            verify_url: &paper.verify_url,
            qr: qr_svg(&paper.verify_url)?,
            full_name: &paper.full_name,
            birth_place: &paper.birth_place,
            birth_date: date(paper.birth_date),
            programme: &paper.programme,
            track: &paper.track,
            cohort: &paper.cohort,
            course: &paper.course,
            starts_on: date(paper.starts_on),
            ends_on: date(paper.ends_on),
            hours_attended: paper.hours_attended,
            hours_total: paper.hours_total,
            attendance_rate: paper.attendance_rate,
            final_result: paper.final_result.as_ref(),
            official_results: paper
                .official_results
                .iter()
                .map(|line: &OfficialLine| OfficialData {
                    test: &line.test,
                    result: &line.result,
                    passed: line.passed,
                    taken_on: date(line.taken_on),
                })
                .collect(),
            site_name: &paper.site_name,
            site_city: &paper.site_city,
            signatory_name: &paper.signatory_name,
            signatory_position: &paper.signatory_position,
            issued_on: date(paper.issued_on),
        })
    }
}

/// The QR code of a verification address: error correction M (a folded or stamped paper
/// still scans), the standard four-module quiet zone, one SVG unit per module (a vector:
/// sharp at any print size).
fn qr_svg(text: &str) -> Result<String, qrcode::types::QrError> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)?;
    Ok(code
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests;
