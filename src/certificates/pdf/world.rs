//! The small Typst world the documents are compiled in: the three sources (the dispatcher
//! and the two templates), the paper data as `/data.json`, the site's logo as `/logo`, and
//! the fonts bundled in `typst-assets`. Nothing is read from the disk or the network.

use std::fmt::Write as _;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

/// Every paper in order: imports the templates, reads the data, one page element per paper.
/// Fixed text: the data never enters a source, it is read with `json()`.
const MAIN: &str = r#"#import "/certificate.typ": certificate
#import "/letter.typ": letter

#let data = json("/data.json")
#let logo = if data.logo == none { none } else {
  let raw = read("/logo", encoding: none)
  (..args) => image(raw, format: data.logo, ..args)
}

#set document(title: data.title, author: data.author)
#for paper in data.papers {
  if paper.kind == "certificate" {
    certificate(paper, data.lang, logo)
  } else {
    letter(paper, data.lang, logo)
  }
}
"#;

const MAIN_PATH: &str = "/main.typ";
const CERTIFICATE_PATH: &str = "/certificate.typ";
const LETTER_PATH: &str = "/letter.typ";
const DATA_PATH: &str = "/data.json";
const LOGO_PATH: &str = "/logo";

/// The standard library, built once.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// The bundled fonts (Libertinus Serif, New Computer Modern, DejaVu Sans Mono), parsed once
/// for the life of the process.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// The three sources, parsed once: Typst's own caches then reuse their layout too.
static SOURCES: LazyLock<Option<[Source; 3]>> = LazyLock::new(|| {
    let source = |path: &str, text: &str| Some(Source::new(file_id(path)?, text.to_owned()));
    Some([
        source(MAIN_PATH, MAIN)?,
        source(CERTIFICATE_PATH, include_str!("../templates/certificate.typ"))?,
        source(LETTER_PATH, include_str!("../templates/letter.typ"))?,
    ])
});

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One compilation's inputs.
pub(super) struct PaperWorld {
    sources: &'static [Source; 3],
    data: Bytes,
    logo: Option<Bytes>,
}

impl PaperWorld {
    /// `None` only if the fixed sources could not be set up (a path Typst refuses).
    pub(super) fn new(data: Vec<u8>, logo: Option<Vec<u8>>) -> Option<Self> {
        Some(Self {
            sources: SOURCES.as_ref()?,
            data: Bytes::new(data),
            logo: logo.map(Bytes::new),
        })
    }

    /// Typst's diagnostics as text a person can act on: `/letter.typ:12:5: error: …`.
    pub(super) fn describe(&self, diagnostics: &[SourceDiagnostic]) -> String {
        let mut text = String::new();
        for diagnostic in diagnostics {
            if !text.is_empty() {
                text.push('\n');
            }
            let severity = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            if let Some(place) = self.place(diagnostic) {
                let _ = write!(text, "{place}: ");
            }
            let _ = write!(text, "{severity}: {}", diagnostic.message);
            for hint in &diagnostic.hints {
                let _ = write!(text, "\n  hint: {}", hint.v);
            }
        }
        text
    }

    fn place(&self, diagnostic: &SourceDiagnostic) -> Option<String> {
        let id = diagnostic.span.id()?;
        let path = id.vpath().get_with_slash().to_owned();
        let start = self.range(diagnostic.span).map(|range| range.start);
        let line_column = start.and_then(|start| {
            let source = self.source(id).ok()?;
            source.lines().byte_to_line_column(start)
        });
        Some(match line_column {
            Some((line, column)) => format!("{path}:{}:{}", line + 1, column + 1),
            None => path,
        })
    }
}

impl World for PaperWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.sources[0].id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .iter()
            .find(|source| source.id() == id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(source) = self.sources.iter().find(|source| source.id() == id) {
            return Ok(Bytes::from_string(source.text().to_owned()));
        }
        if id.root() != &VirtualRoot::Project {
            return Err(not_found(id));
        }
        match id.vpath().get_with_slash() {
            DATA_PATH => Ok(self.data.clone()),
            LOGO_PATH => self.logo.clone().ok_or_else(|| not_found(id)),
            _ => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    /// The documents print the dates they are given; the templates never ask for today.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}
