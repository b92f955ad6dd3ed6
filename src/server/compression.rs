//! Compression of what the server renders, chosen per response.
//!
//! Every browser asks for `gzip, deflate, br` (Chromium also `zstd`). A streaming encoder
//! made for each response sets up its whole state (brotli's tables, zlib's window and hash
//! chains: hundreds of KiB) for every 5 KB page; with glibc's mmap threshold fixed at
//! 256 KiB (see `server::cli`) each of those is a fresh mapping, zeroed page by page, and
//! costs more than rendering the page. Our pages, server-function answers and exports are
//! whole in memory before they are sent, so they are compressed whole, in one call, with
//! gzip at level 2 by a deflate state each thread keeps and resets, which costs a fraction
//! of rendering the page. Brotli's fast levels either compress worse than that (quality
//! 0–1) or take several times as long (2–4), so it is kept
//! for the static assets, which have maximum-quality `.br` and `.gz` siblings from the
//! build (`scripts/precompress.mjs`) that the file handler sends as they are. What is
//! larger than [`WHOLE`] or is not text goes out unchanged. See BENCHMARKS.md,
//! "Compression as browsers ask for it".

use axum::{
    body::{Body, Bytes},
    http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode},
    middleware::Next,
    response::Response,
};
use flate2::{Compress, Compression, Crc, FlushCompress, Status};
use http_body_util::BodyExt;
use std::cell::RefCell;

/// Bodies up to this size are compressed whole; larger ones (a big export) are sent as
/// they come, uncompressed.
pub const WHOLE: usize = 4 * 1024 * 1024;
/// Below this, compression saves less than a TCP packet and costs a call.
const SMALLEST: usize = 1024;
/// Above this, compressing moves to the blocking pool instead of a request thread.
const BLOCKING_FROM: usize = 256 * 1024;
/// gzip's level for everything rendered.
pub const GZIP_LEVEL: u32 = 2;

thread_local! {
    /// Each thread's deflate state (raw deflate; the gzip header and trailer are written
    /// around it), reset before every use instead of set up again.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::new(GZIP_LEVEL), false));
}

/// Whether `Accept-Encoding` allows gzip: named with `q` above 0, or `*` when gzip is not
/// named.
#[must_use]
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    let (mut gzip, mut any) = (None, None);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let accepted = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .map(|q| q.trim().parse::<f32>().is_ok_and(|q| q > 0.0))
                .next()
                .unwrap_or(true);
            if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                gzip = Some(accepted);
            } else if name == "*" {
                any = Some(accepted);
            }
        }
    }
    gzip.or(any) == Some(true)
}

/// `body` as a gzip member, compressed whole by this thread's deflate state.
///
/// # Errors
/// The encoder's errors (none are expected writing to memory).
pub fn gzip(body: &[u8]) -> std::io::Result<Vec<u8>> {
    DEFLATE.with(|state| {
        let mut state = state.borrow_mut();
        state.reset();
        let mut out = Vec::with_capacity(body.len() / 3 + 64);
        // Header: magic, deflate, no flags, no time, no extra flags, unknown OS.
        out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
        loop {
            let read = usize::try_from(state.total_in()).unwrap_or(usize::MAX);
            if out.capacity() - out.len() < 1024 {
                out.reserve(out.len().max(4096));
            }
            let status = state
                .compress_vec(&body[read.min(body.len())..], &mut out, FlushCompress::Finish)
                .map_err(std::io::Error::other)?;
            if status == Status::StreamEnd {
                break;
            }
        }
        let mut crc = Crc::new();
        crc.update(body);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        // ISIZE: the length modulo 2^32, as RFC 1952 says.
        out.extend_from_slice(&((body.len() & 0xffff_ffff) as u32).to_le_bytes());
        Ok(out)
    })
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
    let gzip_accepted = accepts_gzip(request.headers());
    let method = request.method().clone();
    let mut response = next.run(request).await;
    if !compressible(&method, &response) {
        return response;
    }
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    if !gzip_accepted {
        return response;
    }
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
        tokio::task::spawn_blocking(move || gzip(&whole))
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)))
    } else {
        gzip(&bytes)
    };
    match compressed {
        Ok(compressed) if compressed.len() < bytes.len() => {
            parts
                .headers
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
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
    fn gzip_follows_accept_encoding() {
        assert!(accepts_gzip(&accept("gzip, deflate, br, zstd")));
        assert!(accepts_gzip(&accept("br;q=1.0, gzip;q=0.5")));
        assert!(accepts_gzip(&accept("*")));
        assert!(!accepts_gzip(&accept("gzip;q=0, *;q=1")));
        assert!(!accepts_gzip(&accept("br")));
        assert!(!accepts_gzip(&accept("identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn a_reused_state_writes_gzip_that_decodes_to_the_original_every_time() {
        let page = "<p>Jadwal kelas minggu ini</p>".repeat(300);
        let other = "<li>Sesi 3: 08.00–12.00</li>".repeat(50);
        for body in [
            page.as_bytes(),
            other.as_bytes(),
            page.as_bytes(),
            b"x".as_slice(),
        ] {
            let gz = gzip(body).unwrap();
            let mut back = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back).unwrap();
            assert_eq!(back, body);
        }
        assert!(gzip(page.as_bytes()).unwrap().len() < page.len() / 10);
    }
}
