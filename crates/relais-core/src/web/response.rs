//! Markers carried by responses through the shell middleware.

use axum::response::{IntoResponseParts, ResponseParts};

/// A response whose body is final: the shell never replaces it with an HTML error page
/// (assets, `/readyz`, `/metrics`, API answers).
#[derive(Debug, Clone, Copy)]
pub struct Verbatim;

impl IntoResponseParts for Verbatim {
    type Error = std::convert::Infallible;

    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        res.extensions_mut().insert(Verbatim);
        Ok(res)
    }
}
