//! Static assets embedded in the binary, served under content-hashed names
//! (`/assets/app.3f2a9c1d.css`) so they can be cached for a year and still change with each release.

use std::sync::LazyLock;

use axum::{
    extract::Path,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};

use super::{error::AppError, response::Verbatim};

pub struct Asset {
    /// Logical name, e.g. `app.css`.
    pub name: &'static str,
    /// Hashed name, e.g. `app.3f2a9c1d.css`: the URL is `/assets/{hashed}`.
    pub hashed: String,
    pub content_type: &'static str,
    pub body: &'static [u8],
}

const SOURCES: &[(&str, &str, &[u8])] = &[
    ("app.css", "text/css; charset=utf-8", include_bytes!("../../assets/app.css")),
    ("icon.svg", "image/svg+xml", include_bytes!("../../assets/icon.svg")),
    ("near-me.js", "text/javascript; charset=utf-8", include_bytes!("../../assets/near-me.js")),
    ("diagnostic.js", "text/javascript; charset=utf-8", include_bytes!("../../assets/diagnostic.js")),
];

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(name, content_type, body)| {
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
            Asset { name, hashed: format!("{stem}.{:08x}.{ext}", fnv1a(body) as u32), content_type, body }
        })
        .collect()
});

/// FNV-1a: a stable content hash, enough for cache busting.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The URL of an embedded asset by its logical name (`app.css` → `/assets/app.1a2b3c4d.css`).
pub fn url(name: &str) -> String {
    ASSETS.iter().find(|asset| asset.name == name).map(|asset| format!("/assets/{}", asset.hashed)).unwrap_or_default()
}

/// `GET /assets/{file}`: only the current hashed names exist.
pub async fn serve(Path(file): Path<String>) -> Result<Response, AppError> {
    let asset = ASSETS.iter().find(|asset| asset.hashed == file).ok_or(AppError::NotFound)?;
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type)), (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"))],
        Verbatim,
        asset.body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_change_with_content() {
        assert_ne!(fnv1a(b"a{}"), fnv1a(b"a{ }"));
        let css = url("app.css");
        assert!(css.starts_with("/assets/app.") && css.ends_with(".css"), "{css}");
        assert_eq!(url("missing.js"), "");
    }
}
