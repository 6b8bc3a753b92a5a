//! The one look of the portal: the page frame, navigation and messages; the form controls that
//! put every field's errors next to it are in [`controls`].

mod confirm;
mod controls;
mod dates;
mod json;
mod table;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};
use partner_app::roles;

pub use confirm::{Confirm, confirm_body, reason, with_reason};
pub use controls::{
    Field, badge, button_form, copy_button, csrf, master_word, pager, pretty, q, select, status_word, textarea,
};
pub use dates::{expiry, expiry_words, when, when_text, zone_label};
pub use json::highlighted;
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
                script src="/portal/static/json-editor.js" defer {}
            }
            body {
                a.skip href="#main" { (t!("skip-to-content")) }
                header.top {
                    a.brand href="/portal/" { (t!("brand")) }
                    (nav(ctx))
                }
                main #main {
                    (breadcrumbs(ctx, title))
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

fn nav(ctx: &Ctx) -> Markup {
    html! {
        nav aria-label=(t!("nav-main")) {
            ul {
                @if let Some(user) = &ctx.user {
                    @let admin = user.has_any(ADMIN_ROLES);
                    @let policy = user.has_any(POLICY_ROLES);
                    li { (link(ctx, "/portal/", &t!("nav-home"))) }
                    @if !admin && !policy {
                        li { (link(ctx, "/portal/profile", &t!("nav-profile"))) }
                        li { (link(ctx, "/portal/certificates", &t!("nav-certificates"))) }
                        @if user.has_any(roles::POLICY_MAPPING_REQUEST) {
                            li { (link(ctx, "/portal/policies", &t!("nav-policies"))) }
                            li { (link(ctx, "/portal/keys", &t!("nav-api-keys"))) }
                        }
                        @if user.has_role("AUTH_PARTNER") {
                            li { (link(ctx, "/portal/oidc-clients", &t!("nav-oidc-clients"))) }
                        }
                        @if user.has_any(&["CREDENTIAL_PARTNER", "ONLINE_VERIFICATION_PARTNER"]) {
                            li { (link(ctx, "/portal/extractors", &t!("nav-extractors"))) }
                        }
                        @if user.has_role("MISP_PARTNER") {
                            li { (link(ctx, "/portal/licence", &t!("nav-licence"))) }
                        }
                        @if user.has_role(device_app::roles::DEVICE_PROVIDER) {
                            li { (link(ctx, "/portal/sbis", &t!("nav-sbis"))) }
                            li { (link(ctx, "/portal/devices", &t!("nav-devices"))) }
                        }
                        @if user.has_role(device_app::roles::FTM_PROVIDER) {
                            li { (link(ctx, "/portal/ftm-chips", &t!("nav-ftm-chips"))) }
                        }
                    }
                    @if admin {
                        li { (link(ctx, "/portal/admin/partners", &t!("nav-partners"))) }
                        li { (link(ctx, "/portal/admin/requests", &t!("nav-policy-requests"))) }
                        li { (link(ctx, "/portal/admin/keys", &t!("nav-api-keys"))) }
                        li { (link(ctx, "/portal/oidc-clients", &t!("nav-oidc-clients"))) }
                        li { (link(ctx, "/portal/admin/certificates", &t!("nav-ca-certificates"))) }
                        li { (link(ctx, "/portal/admin/misps", &t!("nav-misps"))) }
                    }
                    @if user.has_any(device_app::roles::APPROVERS) {
                        li { (link(ctx, "/portal/admin/devices", &t!("nav-device-approvals"))) }
                    }
                    @if policy {
                        li { (link(ctx, "/portal/admin/policy-groups", &t!("nav-policy-groups"))) }
                        li { (link(ctx, "/portal/admin/policies", &t!("nav-policies"))) }
                    }
                    @if user.is_admin {
                        li { (link(ctx, "/portal/admin/audit", &t!("nav-audit"))) }
                    }
                    li.bell { (bell(ctx)) }
                    li.user {
                        form method="post" action="/portal/logout" {
                            (csrf(ctx))
                            span.who { (user.user_id) }
                            button.link type="submit" { (t!("nav-log-out")) }
                        }
                    }
                } @else {
                    li { (link(ctx, "/portal/login", &t!("nav-log-in"))) }
                    li { (link(ctx, "/portal/signup", &t!("nav-sign-up"))) }
                }
            }
        }
    }
}

/// The notification bell: a link to the notifications with the count of unseen ones.
fn bell(ctx: &Ctx) -> Markup {
    let href = "/portal/notifications";
    let current = ctx.path == href;
    html! {
        a #bell href=(href) aria-current=[current.then_some("page")] {
            (t!("nav-notifications"))
            @if let Some(u) = ctx.unseen.filter(|u| u.count > 0) {
                @let count = format!("{}{}", u.count, if u.more { "+" } else { "" });
                " " span.count aria-label=(t!("nav-unseen", count = count.clone())) { (count) }
            }
        }
    }
}

/// The sections of the menu, most specific first: a page under one of them has it in its trail.
const SECTIONS: &[(&str, &str)] = &[
    ("/portal/admin/partners", "nav-partners"),
    ("/portal/admin/requests", "nav-policy-requests"),
    ("/portal/admin/keys", "nav-api-keys"),
    ("/portal/admin/certificates", "nav-ca-certificates"),
    ("/portal/admin/misps", "nav-misps"),
    ("/portal/admin/devices", "nav-device-approvals"),
    ("/portal/admin/policy-groups", "nav-policy-groups"),
    ("/portal/admin/policies", "nav-policies"),
    ("/portal/admin/audit", "nav-audit"),
    ("/portal/profile", "nav-profile"),
    ("/portal/certificates", "nav-certificates"),
    ("/portal/policies", "nav-policies"),
    ("/portal/keys", "nav-api-keys"),
    ("/portal/oidc-clients", "nav-oidc-clients"),
    ("/portal/extractors", "nav-extractors"),
    ("/portal/licence", "nav-licence"),
    ("/portal/sbis", "nav-sbis"),
    ("/portal/devices", "nav-devices"),
    ("/portal/ftm-chips", "nav-ftm-chips"),
    ("/portal/notifications", "nav-notifications"),
];

/// Where the page is: Home, its menu section when the page lies below it, then the page itself;
/// nothing on the home page or before login.
fn breadcrumbs(ctx: &Ctx, title: &str) -> Markup {
    let section =
        SECTIONS.iter().find(|(root, _)| ctx.path.strip_prefix(root).is_some_and(|rest| rest.starts_with('/')));
    html! {
        @if ctx.user.is_some() && ctx.path != "/portal/" {
            nav.crumbs aria-label=(t!("nav-breadcrumbs")) {
                ol {
                    li { a href="/portal/" { (t!("nav-home")) } }
                    @if let Some((root, label)) = section { li { a href=(root) { (crate::i18n::tr(label)) } } }
                    li aria-current="page" { (title) }
                }
            }
        }
    }
}

fn link(ctx: &Ctx, href: &str, text: &str) -> Markup {
    let current = ctx.path == href || (href != "/portal/" && ctx.path.starts_with(href));
    html! {
        @if current { a href=(href) aria-current="page" { (text) } } @else { a href=(href) { (text) } }
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
