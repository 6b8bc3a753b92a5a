//! What a portal request knows about its user: the principal of the session cookie, the form
//! token, a message carried over a redirect, and whether cookies must be `Secure`.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use rand::RngCore;
use web_support::Principal;

use crate::i18n::Catalogues;
use crate::settings::{PortalSettings, SecureCookies};

use crate::api::Refusal;

/// The session cookie MOSIP's clients use.
pub const SESSION_COOKIE: &str = "Authorization";
/// The double-submit form token.
pub const CSRF_COOKIE: &str = "pms_csrf";
/// The form field that repeats it.
pub const CSRF_FIELD: &str = "_csrf";
/// A message shown once on the next page.
const FLASH_COOKIE: &str = "pms_flash";
/// A secret shown once on the next page (a new API key), after a post/redirect/get.
const ONCE_COOKIE: &str = "pms_once";

/// The portal's settings, prepared at start.
pub struct PortalConfig {
    pub enabled: bool,
    pub secure: SecureCookies,
    locales_dir: Option<PathBuf>,
    catalogues: OnceLock<Arc<Catalogues>>,
}

impl PortalConfig {
    pub fn new(settings: &PortalSettings) -> Self {
        if settings.misp_url.as_deref().is_some_and(|u| !u.trim().is_empty()) {
            tracing::info!("portal.misp_url is no longer needed: the MISP pages call the MISP operations directly");
        }
        PortalConfig {
            enabled: settings.enabled,
            secure: settings.secure_cookies,
            locales_dir: settings.locales_dir.clone(),
            catalogues: OnceLock::new(),
        }
    }

    /// The message catalogues, built on the first portal request rather than at start (they
    /// hold about a megabyte); without `portal.locales_dir`, the built-in ones, shared.
    pub fn catalogues(&self) -> Arc<Catalogues> {
        let build = || match &self.locales_dir {
            None => crate::i18n::built_in(),
            Some(dir) => Arc::new(Catalogues::with_dir(Some(dir))),
        };
        self.catalogues.get_or_init(build).clone()
    }
}

/// A message for the next page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flash {
    Success(String),
    Error(String),
}

impl Flash {
    /// What an operation did, or why it was refused.
    pub fn of(outcome: Result<impl Into<String>, Refusal>) -> Flash {
        match outcome {
            Ok(done) => Flash::Success(done.into()),
            Err(r) => Flash::Error(r.flat()),
        }
    }

    fn encode(&self) -> String {
        let (kind, text) = match self {
            Flash::Success(t) => ('s', t),
            Flash::Error(t) => ('e', t),
        };
        format!("{kind}{}", hex::encode(text.as_bytes()))
    }

    fn decode(value: &str) -> Option<Flash> {
        let mut chars = value.chars();
        let kind = chars.next()?;
        let text = String::from_utf8(hex::decode(chars.as_str()).ok()?).ok()?;
        match kind {
            's' => Some(Flash::Success(text)),
            'e' => Some(Flash::Error(text)),
            _ => None,
        }
    }
}

/// The request's view of the session.
pub struct Ctx {
    pub user: Option<Principal>,
    pub csrf: String,
    new_csrf: bool,
    pub flash: Option<Flash>,
    flash_read: bool,
    /// A session cookie was there but no longer verifies (expired, or signed with another key).
    pub session_ended: bool,
    pub secure: bool,
    pub path: String,
    /// A GET: the browser may load the page again without asking.
    pub reloadable: bool,
    /// A fresh session token (and its lifetime) when the session is past half its life.
    renewed: Option<(String, i64)>,
    /// The user's notifications since it last looked (counted by [`crate::bell`]).
    pub unseen: Option<crate::bell::Unseen>,
}

impl Ctx {
    pub fn new(req: &HttpRequest) -> Self {
        let session = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()).filter(|v| !v.trim().is_empty());
        let user = Principal::from_request(req, &mut Payload::None).into_inner().ok();
        let existing = req.cookie(CSRF_COOKIE).map(|c| c.value().to_owned()).filter(|v| valid_token(v));
        let (csrf, new_csrf) = match existing {
            Some(v) => (v, false),
            None => (fresh_token(), true),
        };
        let flash_cookie = req.cookie(FLASH_COOKIE);
        let flash = flash_cookie.as_ref().and_then(|c| Flash::decode(c.value()));
        let secure = match req.app_data::<web::Data<PortalConfig>>().map(|c| c.secure) {
            Some(SecureCookies::Always) => true,
            Some(SecureCookies::Never) => false,
            Some(SecureCookies::Auto) | None => req.connection_info().scheme() == "https",
        };
        let renewed = user
            .as_ref()
            .filter(|_| req.path() != "/portal/logout")
            .and_then(|_| crate::renew::renewed(req, chrono::Utc::now().timestamp()));
        let unseen = actix_web::HttpMessage::extensions(req).get::<crate::bell::Unseen>().copied();
        Ctx {
            unseen,
            renewed,
            session_ended: session.is_some() && user.is_none(),
            user,
            csrf,
            new_csrf,
            flash,
            flash_read: flash_cookie.is_some(),
            secure,
            path: req.path().to_owned(),
            reloadable: req.method() == actix_web::http::Method::GET,
        }
    }

    /// Whether the posted form repeats this browser's form token.
    pub fn csrf_ok(&self, posted: Option<&str>) -> bool {
        !self.new_csrf && posted.is_some_and(|p| constant_time_eq(p.as_bytes(), self.csrf.as_bytes()))
    }

    fn cookie<'c>(&self, name: &'c str, value: String, path: &'c str) -> Cookie<'c> {
        Cookie::build(name, value).path(path).http_only(true).secure(self.secure).same_site(SameSite::Strict).finish()
    }

    /// The session cookie for `token`, valid `ttl_secs`.
    pub fn session_cookie(&self, token: String, ttl_secs: i64) -> Cookie<'static> {
        let mut c = self.cookie(SESSION_COOKIE, token, "/");
        c.set_max_age(actix_web::cookie::time::Duration::seconds(ttl_secs));
        c
    }

    /// A cookie that removes the session.
    pub fn end_session(&self) -> Cookie<'static> {
        let mut c = self.cookie(SESSION_COOKIE, String::new(), "/");
        c.make_removal();
        c
    }

    /// An `HttpOnly`, `SameSite=Strict` cookie `name` for `path`, kept `secs` seconds.
    pub fn scoped_cookie(&self, name: &'static str, value: String, path: &'static str, secs: i64) -> Cookie<'static> {
        let mut c = self.cookie(name, value, path);
        c.set_max_age(actix_web::cookie::time::Duration::seconds(secs));
        c
    }

    /// A cookie carrying `secret` to the next view of `path` only (one minute, `HttpOnly`,
    /// `SameSite=Strict`), for [`Ctx::take_once`].
    pub fn once_cookie(&self, path: &'static str, secret: &str) -> Cookie<'static> {
        let mut c = self.cookie(ONCE_COOKIE, hex::encode(secret.as_bytes()), path);
        c.set_max_age(actix_web::cookie::time::Duration::seconds(60));
        c
    }

    /// The secret [`Ctx::once_cookie`] carried to this view of `path`, and the cookie that
    /// removes it (so a reload no longer shows it).
    pub fn take_once(&self, req: &HttpRequest, path: &'static str) -> Option<(String, Cookie<'static>)> {
        let value = req.cookie(ONCE_COOKIE)?;
        let secret = String::from_utf8(hex::decode(value.value()).ok()?).ok()?;
        let mut removal = self.cookie(ONCE_COOKIE, String::new(), path);
        removal.make_removal();
        Some((secret, removal))
    }

    /// Adds the cookies this request owes the browser to `res`.
    pub fn finish(&self, mut res: HttpResponse) -> HttpResponse {
        if self.new_csrf {
            let _ = res.add_cookie(&self.cookie(CSRF_COOKIE, self.csrf.clone(), "/portal"));
        }
        if self.flash_read {
            let mut c = self.cookie(FLASH_COOKIE, String::new(), "/portal");
            c.make_removal();
            let _ = res.add_cookie(&c);
        }
        if self.session_ended {
            let _ = res.add_cookie(&self.end_session());
        }
        self.renew(&mut res);
        res
    }

    /// Adds the renewed session cookie, when the session was renewed, to `res`.
    fn renew(&self, res: &mut HttpResponse) {
        if let Some((token, ttl)) = &self.renewed {
            let _ = res.add_cookie(&self.session_cookie(token.clone(), *ttl));
        }
    }

    /// A 303 to `to` that shows `flash` there.
    pub fn redirect_with(&self, to: &str, flash: Flash) -> HttpResponse {
        let mut res = crate::view::redirect(to);
        let mut c = self.cookie(FLASH_COOKIE, flash.encode(), "/portal");
        c.set_max_age(actix_web::cookie::time::Duration::seconds(120));
        let _ = res.add_cookie(&c);
        if self.new_csrf {
            let _ = res.add_cookie(&self.cookie(CSRF_COOKIE, self.csrf.clone(), "/portal"));
        }
        self.renew(&mut res);
        res
    }
}

fn fresh_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn valid_token(v: &str) -> bool {
    v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_are_built_once_on_first_use_with_the_configured_languages() {
        #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
        let plain = PortalConfig::new(&PortalSettings::default());
        assert!(plain.catalogues.get().is_none(), "nothing built at start");
        assert!(Arc::ptr_eq(&plain.catalogues(), &crate::i18n::built_in()), "the built-in ones, shared");

        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("de")).unwrap();
        std::fs::write(dir.path().join("de/portal.ftl"), "language-name = Deutsch\n").unwrap();
        let settings = PortalSettings { locales_dir: Some(dir.path().to_owned()), ..PortalSettings::default() };
        let extended = PortalConfig::new(&settings);
        let first = extended.catalogues();
        assert!(first.tags().any(|t| t == "de"), "the folder's language is added");
        assert!(Arc::ptr_eq(&first, &extended.catalogues()), "built once");
    }

    #[test]
    fn flash_messages_survive_the_cookie() {
        for f in [Flash::Success("Key <b>made</b>; ünïcode".into()), Flash::Error(String::new())] {
            assert_eq!(Flash::decode(&f.encode()), Some(f));
        }
        assert_eq!(Flash::decode("xzz"), None);
        assert_eq!(Flash::decode(""), None);
    }

    #[test]
    fn form_tokens_are_random_hex_and_compared_whole() {
        let (a, b) = (fresh_token(), fresh_token());
        assert!(valid_token(&a) && valid_token(&b));
        assert_ne!(a, b);
        assert!(constant_time_eq(a.as_bytes(), a.as_bytes()));
        assert!(!constant_time_eq(a.as_bytes(), b.as_bytes()));
        assert!(!constant_time_eq(a.as_bytes(), &a.as_bytes()[..63]));
        assert!(!valid_token("abc"));
    }

    #[test]
    fn a_posted_token_must_match_the_cookie() {
        let req =
            actix_web::test::TestRequest::default().cookie(Cookie::new(CSRF_COOKIE, "a".repeat(64))).to_http_request();
        let ctx = Ctx::new(&req);
        assert!(ctx.csrf_ok(Some(&"a".repeat(64))));
        assert!(!ctx.csrf_ok(Some(&"b".repeat(64))));
        assert!(!ctx.csrf_ok(None));
        // no cookie: a fresh token is minted, and no post can match it yet
        let bare = Ctx::new(&actix_web::test::TestRequest::default().to_http_request());
        assert!(!bare.csrf_ok(Some(&bare.csrf.clone())));
    }
}
