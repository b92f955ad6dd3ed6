//! Compression of what the server renders, chosen per response.
//!
//! Every browser asks for `gzip, deflate, br` (Chromium also `zstd`). A generic streaming
//! encoder sets up its state for the largest input (brotli's default window is 4 MiB) for
//! every 5 KB page, which costs more than rendering it. Our pages, server-function answers
//! and exports are whole in memory before they are sent, so they are compressed whole, in
//! one call, with a window sized to the body and a fast level; what is larger than
//! [`WHOLE`] or is not text goes out as it came. Static assets are not compressed here:
//! they have maximum-quality `.br` and `.gz` siblings from the build
//! (`scripts/precompress.mjs`) which the file handler sends, marked with their encoding.

use axum::{
    body::{Body, Bytes},
    http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode},
    middleware::Next,
    response::Response,
};
use http_body_util::BodyExt;
use std::io::Write;

/// Bodies up to this size are compressed whole; larger ones (a big export) are sent as
/// they come, uncompressed.
pub const WHOLE: usize = 4 * 1024 * 1024;
/// Below this, compression saves less than a TCP packet and costs a call.
const SMALLEST: usize = 1024;
/// Above this, compressing moves to the blocking pool instead of a request thread.
const BLOCKING_FROM: usize = 256 * 1024;

/// Brotli's quality for dynamic responses: see BENCHMARKS.md ("Compression as browsers
/// ask for it") for the levels measured.
pub const BROTLI_QUALITY: i32 = 4;
/// gzip's level, for clients without brotli.
pub const GZIP_LEVEL: u32 = 1;

/// A coding the client accepts, in our order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    fn name(self) -> &'static str {
        match self {
            Self::Brotli => "br",
            Self::Gzip => "gzip",
        }
    }

    /// What `Accept-Encoding` allows: brotli if accepted, else gzip, else nothing. A
    /// coding with `q=0` is refused; `*` stands for gzip when gzip is not named.
    #[must_use]
    pub fn chosen(headers: &HeaderMap) -> Option<Self> {
        let (mut brotli, mut gzip, mut any) = (None, None, None);
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim();
                let accepted = parts
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .map(|q| q.trim().parse::<f32>().map_or(false, |q| q > 0.0))
                    .next()
                    .unwrap_or(true);
                if name.eq_ignore_ascii_case("br") {
                    brotli = Some(accepted);
                } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                    gzip = Some(accepted);
                } else if name == "*" {
                    any = Some(accepted);
                }
            }
        }
        if brotli == Some(true) {
            Some(Self::Brotli)
        } else if gzip.or(any) == Some(true) {
            Some(Self::Gzip)
        } else {
            None
        }
    }

    /// `body` compressed whole.
    ///
    /// # Errors
    /// The encoder's I/O errors (none happen writing to memory).
    pub fn compress(self, body: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(body.len() / 3 + 64);
        match self {
            Self::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: BROTLI_QUALITY,
                    lgwin: window_bits(body.len()),
                    size_hint: body.len(),
                    ..Default::default()
                };
                brotli::BrotliCompress(&mut &body[..], &mut out, &params)?;
            }
            Self::Gzip => {
                let mut encoder = flate2::write::GzEncoder::new(out, flate2::Compression::new(GZIP_LEVEL));
                encoder.write_all(body)?;
                out = encoder.finish()?;
            }
        }
        Ok(out)
    }
}

/// The smallest brotli window (10–22 bits) that holds `len` bytes: a small page needs no
/// 4 MiB ring buffer.
fn window_bits(len: usize) -> i32 {
    let bits = usize::BITS - len.max(1).leading_zeros();
    i32::try_from(bits).unwrap_or(22).clamp(10, 22)
}

/// Text worth compressing: pages, JSON, CSV, iCalendar, SVG, scripts and styles.
fn is_text(headers: &HeaderMap) -> bool {
    let Some(kind) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let kind = kind.split(';').next().unwrap_or_default().trim();
    kind.starts_with("text/")
        || matches!(
            kind,
            "application/json"
                | "application/javascript"
                | "application/xml"
                | "image/svg+xml"
                | "application/manifest+json"
                | "application/problem+json"
        )
}

/// Whether a response may be compressed at all (whatever the client accepts).
fn compressible(method: &Method, response: &Response) -> bool {
    let headers = response.headers();
    method != Method::HEAD
        && !matches!(
            response.status(),
            StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED | StatusCode::PARTIAL_CONTENT
        )
        && !response.status().is_informational()
        && !headers.contains_key(header::CONTENT_ENCODING)
        && !headers.contains_key(header::CONTENT_RANGE)
        && !headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-transform"))
        && is_text(headers)
        && headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok())
            .is_none_or(|n| (SMALLEST..=WHOLE).contains(&n))
}

/// A body read whole, or what was read of it and the rest, when it is longer than `limit`.
enum Read {
    Whole(Bytes),
    Longer(Body),
}

async fn read_up_to(body: Body, limit: usize) -> Result<Read, axum::Error> {
    let mut body = body;
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame?;
        let Ok(data) = frame.into_data() else {
            // Trailers: nothing we render has them; such a body goes out unchanged.
            return Ok(Read::Longer(prefixed(chunks, body)));
        };
        total += data.len();
        chunks.push(data);
        if total > limit {
            return Ok(Read::Longer(prefixed(chunks, body)));
        }
    }
    Ok(Read::Whole(match chunks.len() {
        0 => Bytes::new(),
        1 => chunks.pop().unwrap_or_default(),
        _ => {
            let mut whole = Vec::with_capacity(total);
            for chunk in &chunks {
                whole.extend_from_slice(chunk);
            }
            Bytes::from(whole)
        }
    }))
}

/// The chunks already read, then the rest of the body.
fn prefixed(chunks: Vec<Bytes>, rest: Body) -> Body {
    use futures_util::StreamExt as _;
    let first = futures_util::stream::iter(chunks.into_iter().map(Ok::<_, axum::Error>));
    Body::from_stream(first.chain(rest.into_data_stream()))
}

/// Compresses a text response the client accepts, whole, with the coding it prefers;
/// everything else passes unchanged. Every text response says it varies by
/// `Accept-Encoding`.
pub async fn compress(request: Request<Body>, next: Next) -> Response {
    let coding = Coding::chosen(request.headers());
    let method = request.method().clone();
    let mut response = next.run(request).await;
    if !compressible(&method, &response) {
        return response;
    }
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let Some(coding) = coding else {
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let bytes = match read_up_to(body, WHOLE).await {
        Ok(Read::Whole(bytes)) => bytes,
        Ok(Read::Longer(body)) => return Response::from_parts(parts, body),
        Err(error) => {
            // The handler's body failed: the same as without us, an aborted answer.
            tracing::warn!(%error, "a response body failed while being read for compression");
            let failed = futures_util::stream::once(async move { Err::<Bytes, _>(error) });
            return Response::from_parts(parts, Body::from_stream(failed));
        }
    };
    if bytes.len() < SMALLEST {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let compressed = if bytes.len() >= BLOCKING_FROM {
        let whole = bytes.clone();
        tokio::task::spawn_blocking(move || coding.compress(&whole))
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)))
    } else {
        coding.compress(&bytes)
    };
    match compressed {
        Ok(compressed) if compressed.len() < bytes.len() => {
            parts
                .headers
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding.name()));
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(compressed.len()));
            // A strong validator of the identity body would be wrong for these bytes.
            if let Some(etag) = parts.headers.get(header::ETAG).cloned() {
                if !etag.as_bytes().starts_with(b"W/") {
                    let mut weak = b"W/".to_vec();
                    weak.extend_from_slice(etag.as_bytes());
                    if let Ok(weak) = HeaderValue::from_bytes(&weak) {
                        parts.headers.insert(header::ETAG, weak);
                    }
                }
            }
            Response::from_parts(parts, Body::from(compressed))
        }
        Ok(_) => Response::from_parts(parts, Body::from(bytes)),
        Err(error) => {
            tracing::warn!(%error, "compression failed; sent uncompressed");
            Response::from_parts(parts, Body::from(bytes))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn the_coding_follows_accept_encoding() {
        assert_eq!(
            Coding::chosen(&accept("gzip, deflate, br, zstd")),
            Some(Coding::Brotli)
        );
        assert_eq!(Coding::chosen(&accept("gzip, deflate")), Some(Coding::Gzip));
        assert_eq!(Coding::chosen(&accept("br;q=0, gzip;q=0.5")), Some(Coding::Gzip));
        assert_eq!(Coding::chosen(&accept("*")), Some(Coding::Gzip));
        assert_eq!(Coding::chosen(&accept("gzip;q=0, *;q=1")), None);
        assert_eq!(Coding::chosen(&accept("identity")), None);
        assert_eq!(Coding::chosen(&HeaderMap::new()), None);
    }

    #[test]
    fn compressed_bodies_decode_to_the_original() {
        let page = "<p>Jadwal kelas minggu ini</p>".repeat(300);
        let br = Coding::Brotli.compress(page.as_bytes()).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, page.as_bytes());
        let gz = Coding::Gzip.compress(page.as_bytes()).unwrap();
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back).unwrap();
        assert_eq!(back, page.as_bytes());
        assert!(br.len() < page.len() / 10 && gz.len() < page.len() / 10);
    }

    #[test]
    fn the_window_fits_the_body() {
        assert_eq!(window_bits(0), 10);
        assert_eq!(window_bits(5_000), 13);
        assert_eq!(window_bits(100_000), 17);
        assert_eq!(window_bits(50_000_000), 22);
    }
}
