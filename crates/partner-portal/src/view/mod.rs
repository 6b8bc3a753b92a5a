//! The one look of the portal: the page frame, navigation and messages; the form controls that
//! put every field's errors next to it are in [`controls`].

mod confirm;
mod controls;
mod dates;
mod json;
mod list_form;
mod menu;
mod table;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};
use partner_app::roles;

pub use confirm::{Confirm, confirm_body, reason, with_reason};
pub use controls::{
    Field, badge, button_form, copy_button, csrf, master_word, pager, pager_of, pretty, q, select, status_word,
    textarea,
};
pub use dates::{expiry, expiry_words, when, when_text, zone_label};
pub use json::highlighted;
pub use list_form::ListForm;
pub use table::{Columns, Headers, ListQuery, SortKey, filter_form, labelled_filter_form, search_box, sort_header};

use crate::api::Refusal;
use crate::ctx::{Ctx, Flash};
use crate::i18n::{choice, current, t};

/// Roles that see the partner-admin pages.
pub const ADMIN_ROLES: &[&str] = roles::PARTNER_MANAGER;
/// Roles that see the policy-manager pages.
pub const POLICY_ROLES: &[&str] = roles::POLICY_ADMIN;

pub fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header(("Location", to)).finish()
}

/// `to` when it is a page of the portal, else the portal's home: where a log-in or a change of
/// language may send the browser on to, never another site.
pub fn portal_page_or_home(to: &str) -> &str {
    let in_portal = to == "/portal" || to.starts_with("/portal/") || to.starts_with("/portal?");
    if in_portal && !to.contains("//") && !to.contains('\\') { to } else { "/portal/" }
}

/// A full page with status 200.
pub fn page(ctx: Ctx, title: &str, body: Markup) -> HttpResponse {
    page_with(ctx, StatusCode::OK, title, None, body)
}

/// A full page showing `refusal` above `body` (status: the refusal's when it is an error status).
pub fn page_refused(ctx: Ctx, title: &str, refusal: &Refusal, body: Markup) -> HttpResponse {
    let status = if refusal.status.is_success() { StatusCode::UNPROCESSABLE_ENTITY } else { refusal.status };
    page_with(ctx, status, title, Some(refusal), body)
}

/// A page whose refusal is already shown inline (next to the form it concerns): the status is
/// the refusal's, the banner is not repeated.
pub fn page_inline(ctx: Ctx, title: &str, refusal: &Refusal, body: Markup) -> HttpResponse {
    let status = if refusal.status.is_success() { StatusCode::UNPROCESSABLE_ENTITY } else { refusal.status };
    page_with(ctx, status, title, None, body)
}

/// A page some of whose reads failed, each shown where its data would be: the status is the
/// failure's when it is an error status (a store failure answers 500 or 503, not a page that
/// looks complete), 200 otherwise.
pub fn page_partial(ctx: Ctx, title: &str, failed: Option<&Refusal>, body: Markup) -> HttpResponse {
    let status = failed.map_or(StatusCode::OK, |r| if r.status.is_success() { StatusCode::OK } else { r.status });
    page_with(ctx, status, title, None, body)
}

/// A page with a form: the form's refusal shown inline (as [`page_inline`]), or else the reads
/// that failed (as [`page_partial`]).
pub fn form_page(
    ctx: Ctx,
    title: &str,
    refusal: Option<&Refusal>,
    failed: Option<&Refusal>,
    body: Markup,
) -> HttpResponse {
    match refusal {
        Some(r) => page_inline(ctx, title, r, body),
        None => page_partial(ctx, title, failed, body),
    }
}

/// [`page_refused`] when there is a refusal, [`page`] otherwise.
pub fn page_or_refused(ctx: Ctx, title: &str, refusal: Option<&Refusal>, body: Markup) -> HttpResponse {
    match refusal {
        Some(r) => page_refused(ctx, title, r, body),
        None => page(ctx, title, body),
    }
}

/// A page that is only the error.
pub fn error_page(ctx: Ctx, refusal: &Refusal) -> HttpResponse {
    let title = match refusal.status {
        StatusCode::FORBIDDEN => t!("error-title-forbidden"),
        StatusCode::NOT_FOUND => t!("error-title-not-found"),
        StatusCode::UNAUTHORIZED => t!("error-title-log-in"),
        s if s.is_server_error() => t!("error-title-server"),
        _ => t!("error-title-refused"),
    };
    let body = html! {
        p { a href="/portal/" { (t!("error-back-home")) } }
    };
    page_refused(ctx, &title, refusal, body)
}

fn page_with(ctx: Ctx, status: StatusCode, title: &str, refusal: Option<&Refusal>, body: Markup) -> HttpResponse {
    let markup = layout(&ctx, title, refusal, body);
    let res = HttpResponse::build(status).content_type("text/html; charset=utf-8").body(markup.into_string());
    ctx.finish(res)
}

fn layout(ctx: &Ctx, title: &str, refusal: Option<&Refusal>, body: Markup) -> Markup {
    let locale = current();
    html! {
        (DOCTYPE)
        // times shown in UTC for want of the zone: tz.js loads the page again once it told it
        html lang=(locale.tag) dir=(if locale.right_to_left() { "rtl" } else { "ltr" }) data-zone-reload[ctx.reloadable && locale.times_in_guessed_zone()] {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (t!("page-title", title = title)) }
                link rel="stylesheet" href="/portal/static/portal.css";
                script src="/portal/static/tz.js" defer {}
                script src="/portal/static/copy.js" defer {}
            }
            body {
                a.skip href="#main" { (t!("skip-to-content")) }
                header.top {
                    a.brand href="/portal/" { (t!("brand")) }
                    (menu::nav(ctx))
                }
                main #main {
                    (menu::breadcrumbs(ctx, title))
                    h1 { (title) }
                    @if ctx.session_ended {
                        div.alert.info role="status" { (t!("session-ended")) }
                    }
                    @match &ctx.flash {
                        Some(Flash::Success(m)) => div.alert.success role="status" #flash { (m) },
                        Some(Flash::Error(m)) => div.alert.error role="alert" #flash { (m) },
                        None => {},
                    }
                    @if let Some(r) = refusal { (errors(r)) }
                    (body)
                }
                footer {
                    (choice::picker(ctx))
                    p { (t!("footer", version = env!("CARGO_PKG_VERSION"))) }
                }
            }
        }
    }
}

/// MOSIP's errors, each with its code.
pub fn errors(r: &Refusal) -> Markup {
    html! {
        div.alert.error role="alert" #errors {
            @if r.errors.len() == 1 {
                @let e = &r.errors[0];
                p { (crate::api::readable_error(e)) " " small.code { "(" (e.error_code) ")" } }
            } @else {
                p { (t!("error-refused-list")) }
                ul {
                    @for e in &r.errors {
                        li { (crate::api::readable_error(e)) " " small.code { "(" (e.error_code) ")" } }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_portal_pages_are_sent_on_to() {
        for page in ["/portal/keys", "/portal/", "/portal", "/portal?tab=2"] {
            assert_eq!(portal_page_or_home(page), page);
        }
        for elsewhere in [
            "https://evil.example/",
            "//evil.example/portal/",
            "/portal//evil.example",
            "/portal/\\evil.example",
            "/portalevil",
            "/v1/partnermanager/partners",
            "",
        ] {
            assert_eq!(portal_page_or_home(elsewhere), "/portal/", "{elsewhere}");
        }
    }

    fn ctx() -> Ctx {
        Ctx::new(&actix_web::test::TestRequest::default().to_http_request())
    }

    #[test]
    fn a_page_whose_read_failed_answers_the_failures_status() {
        let body = || html! { p { "body" } };
        assert_eq!(page_partial(ctx(), "T", None, body()).status(), StatusCode::OK);
        let down = Refusal::one(StatusCode::SERVICE_UNAVAILABLE, "PMS_COR_503", "unavailable");
        assert_eq!(page_partial(ctx(), "T", Some(&down), body()).status(), StatusCode::SERVICE_UNAVAILABLE);
        // MOSIP's business refusals are HTTP 200 in the API, and on the page
        let refused = Refusal::one(StatusCode::OK, "PMS-MSD-394", "Error occured while searching");
        assert_eq!(page_partial(ctx(), "T", Some(&refused), body()).status(), StatusCode::OK);
    }
}
