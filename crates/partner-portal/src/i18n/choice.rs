//! Which language and time zone a request is rendered in: the picker's cookies, else the
//! browser's `Accept-Language`, else English and UTC.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};

use super::{Catalogues, ENGLISH, Locale, built_in, current, t};
use crate::ctx::{Ctx, Flash, PortalConfig};
use crate::view::{csrf, zone_label};

/// The language the user picked.
pub const LANG_COOKIE: &str = "pms_lang";
/// The user's offset from UTC in minutes, from the picker or from the browser (`/portal/static/tz.js`).
pub const TZ_COOKIE: &str = "pms_tz";
/// How long the picker's choice is kept.
const KEPT_SECS: i64 = 365 * 24 * 3600;
/// The offsets the picker offers, in minutes.
const OFFSETS: &[i32] = &[
    -720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270,
    300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720, 765, 780, 840,
];

/// Renders the rest of the request in the language and time zone it chose.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let locale = locale_of(req.request());
    super::scope(locale, next.call(req)).await
}

fn catalogues_of(req: &HttpRequest) -> std::sync::Arc<Catalogues> {
    req.app_data::<web::Data<PortalConfig>>().map_or_else(built_in, |c| c.catalogues())
}

pub fn locale_of(req: &HttpRequest) -> Locale {
    let catalogues = catalogues_of(req);
    let picked = req.cookie(LANG_COOKIE).and_then(|c| catalogues.get(c.value()).map(|c| c.tag.clone()));
    let tag = picked
        .or_else(|| {
            let header = req.headers().get("Accept-Language")?.to_str().ok()?;
            preferred(header, &catalogues)
        })
        .unwrap_or_else(|| ENGLISH.to_owned());
    match req.cookie(TZ_COOKIE).and_then(|c| offset(c.value())) {
        Some(offset) => Locale::new(catalogues, &tag, offset),
        None => Locale::new(catalogues, &tag, 0).zone_unknown(),
    }
}

/// The best language of an `Accept-Language` header the portal speaks (q-values honoured;
/// `fr-CH` is served by `fr`).
pub fn preferred(header: &str, catalogues: &Catalogues) -> Option<String> {
    let mut ranked: Vec<(&str, f32)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!tag.is_empty() && tag != "*" && q > 0.0).then_some((tag, q))
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked.into_iter().find_map(|(tag, _)| {
        let primary = tag.split('-').next().unwrap_or(tag);
        catalogues.get(tag).or_else(|| catalogues.get(primary)).map(|c| c.tag.clone())
    })
}

/// A UTC offset in minutes, within the ones the world uses.
pub fn offset(value: &str) -> Option<i32> {
    value.trim().parse::<i32>().ok().filter(|m| (-720..=840).contains(m))
}

/// Only a page of the portal itself is a place to go back to.
/// `POST /portal/language`: keeps the picked language and time zone, back to the page.
pub async fn pick(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let form = match crate::forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return ctx.redirect_with("/portal/", Flash::Error(r.flat())),
    };
    let back = crate::view::portal_page_or_home(form.get("back")).to_owned();
    let mut res = crate::view::redirect(&back);
    let catalogues = catalogues_of(&req);
    if let Some(lang) = catalogues.get(form.get("lang")) {
        let _ = res.add_cookie(&kept(&ctx, LANG_COOKIE, lang.tag.clone(), true));
    }
    match offset(form.get("tz")) {
        Some(minutes) => {
            let _ = res.add_cookie(&kept(&ctx, TZ_COOKIE, minutes.to_string(), false));
        }
        None if form.get("tz") == "auto" => {
            let mut removal = kept(&ctx, TZ_COOKIE, String::new(), false);
            removal.make_removal();
            let _ = res.add_cookie(&removal);
        }
        None => {}
    }
    ctx.finish(res)
}

/// A cookie kept a year; the time zone's is readable by the page's script, which sets it only
/// when there is none.
fn kept(ctx: &Ctx, name: &'static str, value: String, http_only: bool) -> Cookie<'static> {
    let mut c = Cookie::build(name, value)
        .path("/portal")
        .http_only(http_only)
        .secure(ctx.secure)
        .same_site(SameSite::Lax)
        .finish();
    c.set_max_age(actix_web::cookie::time::Duration::seconds(KEPT_SECS));
    c
}

/// The language and time-zone picker of every page (a plain form: it works without scripts).
pub fn picker(ctx: &Ctx) -> Markup {
    let locale = current();
    let mut offsets = OFFSETS.to_vec();
    if !offsets.contains(&locale.offset_minutes) {
        offsets.push(locale.offset_minutes);
        offsets.sort_unstable();
    }
    html! {
        form.picker method="post" action="/portal/language" {
            (csrf(ctx))
            input type="hidden" name="back" value=(ctx.path);
            label for="pick-lang" { (t!("picker-language")) }
            select #pick-lang name="lang" {
                @for (tag, name) in locale.languages() {
                    option value=(tag) lang=(tag) selected[tag == locale.tag] { (name) }
                }
            }
            label for="pick-tz" { (t!("picker-time-zone")) }
            select #pick-tz name="tz" {
                @for minutes in offsets {
                    option value=(minutes) selected[minutes == locale.offset_minutes] { (zone_label(minutes)) }
                }
                option value="auto" { (t!("picker-time-zone-auto")) }
            }
            button.small.secondary type="submit" { (t!("picker-apply")) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_ranked_by_quality() {
        let all = Catalogues::built_in();
        assert_eq!(preferred("fr-CH, fr;q=0.9, en;q=0.8", &all).as_deref(), Some("fr"));
        assert_eq!(preferred("de, en;q=0.5, ar;q=0.7", &all).as_deref(), Some("ar"));
        assert_eq!(preferred("en;q=0.2, ar-EG;q=0.9", &all).as_deref(), Some("ar"));
        assert_eq!(preferred("fr;q=0, de", &all), None);
        assert_eq!(preferred("*", &all), None);
        assert_eq!(preferred("", &all), None);
    }

    /// A request asking for French, with the language and time zone cookies `lang` and `tz`.
    fn french_with_cookies(lang: &str, tz: &str) -> HttpRequest {
        actix_web::test::TestRequest::default()
            .insert_header(("Accept-Language", "fr"))
            .cookie(Cookie::new(LANG_COOKIE, lang))
            .cookie(Cookie::new(TZ_COOKIE, tz))
            .to_http_request()
    }

    #[test]
    fn the_cookie_beats_the_header() {
        let l = locale_of(&french_with_cookies("ar", "180"));
        assert_eq!((l.tag.as_str(), l.offset_minutes, l.right_to_left()), ("ar", 180, true));
        let l = locale_of(&french_with_cookies("xx", "9999"));
        assert_eq!((l.tag.as_str(), l.offset_minutes, l.right_to_left()), ("fr", 0, false));
    }
}
