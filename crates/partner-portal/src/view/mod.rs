//! The one look of the portal: the page frame, navigation and messages; the form controls that
//! put every field's errors next to it are in [`controls`].

mod confirm;
mod controls;
mod dates;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};
use partner_app::roles;

pub use confirm::{Confirm, confirm_body, reason, with_reason};
pub use controls::{Field, badge, button_form, csrf, pager, pretty, q, select, textarea};
pub use dates::{expiry, expiry_words, when, when_text};

use crate::api::Refusal;
use crate::ctx::{Ctx, Flash};

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
        StatusCode::FORBIDDEN => "Not allowed",
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::UNAUTHORIZED => "Please log in",
        s if s.is_server_error() => "Something went wrong",
        _ => "Request refused",
    };
    let body = html! {
        p { a href="/portal/" { "Back to the portal home" } }
    };
    page_refused(ctx, title, refusal, body)
}

fn page_with(ctx: Ctx, status: StatusCode, title: &str, refusal: Option<&Refusal>, body: Markup) -> HttpResponse {
    let markup = layout(&ctx, title, refusal, body);
    let res = HttpResponse::build(status).content_type("text/html; charset=utf-8").body(markup.into_string());
    ctx.finish(res)
}

fn layout(ctx: &Ctx, title: &str, refusal: Option<&Refusal>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Partner Management Portal" }
                link rel="stylesheet" href="/portal/static/portal.css";
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    a.brand href="/portal/" { "Partner Management" }
                    (nav(ctx))
                }
                main #main {
                    h1 { (title) }
                    @if ctx.session_ended {
                        div.alert.info role="status" { "Your session has ended. Please log in again." }
                    }
                    @match &ctx.flash {
                        Some(Flash::Success(m)) => div.alert.success role="status" #flash { (m) },
                        Some(Flash::Error(m)) => div.alert.error role="alert" #flash { (m) },
                        None => {},
                    }
                    @if let Some(r) = refusal { (errors(r)) }
                    (body)
                }
                footer { "MOSIP partner management · " (env!("CARGO_PKG_VERSION")) }
            }
        }
    }
}

fn nav(ctx: &Ctx) -> Markup {
    html! {
        nav aria-label="Main" {
            ul {
                @if let Some(user) = &ctx.user {
                    @let admin = user.has_any(ADMIN_ROLES);
                    @let policy = user.has_any(POLICY_ROLES);
                    li { (link(ctx, "/portal/", "Home")) }
                    @if !admin && !policy {
                        li { (link(ctx, "/portal/profile", "Profile")) }
                        li { (link(ctx, "/portal/certificates", "Certificates")) }
                        @if user.has_any(roles::POLICY_MAPPING_REQUEST) {
                            li { (link(ctx, "/portal/policies", "Policies")) }
                            li { (link(ctx, "/portal/keys", "API keys")) }
                        }
                        @if user.has_role("AUTH_PARTNER") {
                            li { (link(ctx, "/portal/oidc-clients", "OIDC clients")) }
                        }
                        @if user.has_any(&["CREDENTIAL_PARTNER", "ONLINE_VERIFICATION_PARTNER"]) {
                            li { (link(ctx, "/portal/extractors", "Extractors")) }
                        }
                        @if user.has_role("MISP_PARTNER") {
                            li { (link(ctx, "/portal/licence", "Licence")) }
                        }
                        @if user.has_role(device_app::roles::DEVICE_PROVIDER) {
                            li { (link(ctx, "/portal/sbis", "SBIs")) }
                            li { (link(ctx, "/portal/devices", "Devices")) }
                        }
                        @if user.has_role(device_app::roles::FTM_PROVIDER) {
                            li { (link(ctx, "/portal/ftm-chips", "FTM chips")) }
                        }
                    }
                    @if admin {
                        li { (link(ctx, "/portal/admin/partners", "Partners")) }
                        li { (link(ctx, "/portal/admin/requests", "Policy requests")) }
                        li { (link(ctx, "/portal/admin/keys", "API keys")) }
                        li { (link(ctx, "/portal/oidc-clients", "OIDC clients")) }
                        li { (link(ctx, "/portal/admin/certificates", "CA certificates")) }
                        li { (link(ctx, "/portal/admin/misps", "MISPs")) }
                    }
                    @if user.has_any(device_app::roles::APPROVERS) {
                        li { (link(ctx, "/portal/admin/devices", "Device approvals")) }
                    }
                    @if policy {
                        li { (link(ctx, "/portal/admin/policy-groups", "Policy groups")) }
                        li { (link(ctx, "/portal/admin/policies", "Policies")) }
                    }
                    @if user.is_admin {
                        li { (link(ctx, "/portal/admin/audit", "Audit")) }
                    }
                    li.bell { (bell(ctx)) }
                    li.user {
                        form method="post" action="/portal/logout" {
                            (csrf(ctx))
                            span.who { (user.user_id) }
                            button.link type="submit" { "Log out" }
                        }
                    }
                } @else {
                    li { (link(ctx, "/portal/login", "Log in")) }
                    li { (link(ctx, "/portal/signup", "Sign up")) }
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
            "Notifications"
            @if let Some(u) = ctx.unseen.filter(|u| u.count > 0) {
                " " span.count aria-label=(format!("{}{} unseen", u.count, if u.more { "+" } else { "" })) { (u.count) @if u.more { "+" } }
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
                p { (crate::api::readable(&e.message)) " " small.code { "(" (e.error_code) ")" } }
            } @else {
                p { "The request was refused:" }
                ul {
                    @for e in &r.errors {
                        li { (crate::api::readable(&e.message)) " " small.code { "(" (e.error_code) ")" } }
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
