//! URI checks: a logo is an absolute http(s) URL; a redirect URI is absolute (any scheme, as
//! eSignet lets apps use their own) and has no fragment (RFC 6749 §3.1.2).

/// An absolute `http` or `https` URL with a host, without spaces.
pub fn is_absolute_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(host_present) && !has_space_or_control(text)
}

/// An absolute URI (`scheme:` then something; with `//`, a host), without a fragment or spaces.
pub fn is_redirect_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else { return false };
    let scheme_ok = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let rest_ok = match rest.strip_prefix("//") {
        Some(authority) => host_present(authority),
        None => !rest.is_empty(),
    };
    scheme_ok && rest_ok && !text.contains('#') && !has_space_or_control(text)
}

/// The authority part (before `/`, `?` or `#`) names a host.
fn host_present(after_slashes: &str) -> bool {
    let authority = after_slashes.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    !host.is_empty() || authority.starts_with('[')
}

fn has_space_or_control(text: &str) -> bool {
    text.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logo_uris_are_absolute_http_urls() {
        assert!(is_absolute_url("https://example.org/logo.png"));
        assert!(is_absolute_url("HTTP://example.org:8080"));
        for bad in ["example.org/logo.png", "/logo.png", "https://", "https:///x", "ftp://x/y", "https://a b/c"] {
            assert!(!is_absolute_url(bad), "{bad}");
        }
    }

    #[test]
    fn redirect_uris_are_absolute_without_fragments() {
        for good in
            ["https://rp.example.org/cb", "http://localhost:3000/cb?x=1", "io.mosip.app:/callback", "myapp://cb"]
        {
            assert!(is_redirect_uri(good), "{good}");
        }
        for bad in [
            "/cb",
            "rp.example.org/cb",
            "https://rp.example.org/cb#frag",
            "https:///cb",
            "1ab://x",
            "https://a b",
            "x:",
        ] {
            assert!(!is_redirect_uri(bad), "{bad}");
        }
    }
}
