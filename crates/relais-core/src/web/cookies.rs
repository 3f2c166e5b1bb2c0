//! Reading the cookies a request carries.

use axum::http::{HeaderMap, header};

/// The value of one cookie (quotes around it removed), when the request carries it.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim_matches('"'))
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn cookies_are_found_in_one_or_several_headers() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; lang=nl; b=2"));
        headers.append(header::COOKIE, HeaderValue::from_static("relais_csrf=\"x\""));
        assert_eq!(cookie(&headers, "lang"), Some("nl"));
        assert_eq!(cookie(&headers, "relais_csrf"), Some("x"));
        assert_eq!(cookie(&headers, "c"), None);
    }
}
