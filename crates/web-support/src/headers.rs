//! Security headers on every answer of both services (API, OpenAPI, health; the portal sets its
//! own stricter ones first, which are kept): no MIME sniffing, no framing, no referrer, nothing
//! cached (answers carry partner data and tokens), and HSTS when `server.hsts_max_age_secs` is set.

use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};

/// The policy of answers that are data, not pages: nothing may load or frame them.
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";
/// The policy of other answers (Swagger UI's pages run their own scripts): no framing.
pub const PAGE_CSP: &str = "frame-ancestors 'none'";

/// The `Strict-Transport-Security` value for `max_age_secs`, none for 0 (the default: set it
/// when the service, or the ingress in front of it, is reached over HTTPS only).
pub fn hsts(max_age_secs: u64) -> Option<HeaderValue> {
    (max_age_secs > 0).then(|| format!("max-age={max_age_secs}; includeSubDomains")).and_then(|v| v.parse().ok())
}

/// Adds the security headers an answer does not set itself.
pub fn add(headers: &mut HeaderMap, hsts: Option<&HeaderValue>) {
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("text/css") || v.contains("javascript"));
    let csp = if is_html { PAGE_CSP } else { API_CSP };
    let fixed: [(HeaderName, &'static str); 5] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (header::CONTENT_SECURITY_POLICY, csp),
    ];
    for (name, value) in fixed {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    if let Some(v) = hsts {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, v.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_headers_are_added_and_the_answers_own_are_kept() {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'self'"));
        add(&mut h, None);
        assert_eq!(h.get(header::CONTENT_SECURITY_POLICY).map(|v| v.as_bytes()), Some(&b"default-src 'self'"[..]));
        assert_eq!(h.get(header::X_CONTENT_TYPE_OPTIONS).map(|v| v.as_bytes()), Some(&b"nosniff"[..]));
        assert_eq!(h.get(header::CACHE_CONTROL).map(|v| v.as_bytes()), Some(&b"no-store"[..]));
        assert!(!h.contains_key(header::STRICT_TRANSPORT_SECURITY), "no HSTS unless configured");
    }

    #[test]
    fn hsts_only_when_configured_and_pages_keep_their_scripts() {
        assert!(hsts(0).is_none());
        let v = hsts(31_536_000);
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        add(&mut h, v.as_ref());
        let sts = h.get(header::STRICT_TRANSPORT_SECURITY).and_then(|v| v.to_str().ok());
        assert_eq!(sts, Some("max-age=31536000; includeSubDomains"));
        assert_eq!(h.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok()), Some(PAGE_CSP));
    }
}
