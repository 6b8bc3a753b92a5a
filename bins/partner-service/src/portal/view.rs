//! The one look of the portal: the page frame, navigation, messages, and form controls that put
//! every field's errors next to it.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};

use super::api::Refusal;
use super::ctx::{CSRF_FIELD, Ctx, Flash};
use crate::roles;

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
                        @if user.has_any(&["CREDENTIAL_PARTNER", "ONLINE_VERIFICATION_PARTNER"]) {
                            li { (link(ctx, "/portal/extractors", "Extractors")) }
                        }
                        @if user.has_role("MISP_PARTNER") {
                            li { (link(ctx, "/portal/licence", "Licence")) }
                        }
                    }
                    @if admin {
                        li { (link(ctx, "/portal/admin/partners", "Partners")) }
                        li { (link(ctx, "/portal/admin/requests", "Policy requests")) }
                        li { (link(ctx, "/portal/admin/keys", "API keys")) }
                        li { (link(ctx, "/portal/admin/certificates", "CA certificates")) }
                        li { (link(ctx, "/portal/admin/misps", "MISPs")) }
                    }
                    @if policy {
                        li { (link(ctx, "/portal/admin/policy-groups", "Policy groups")) }
                        li { (link(ctx, "/portal/admin/policies", "Policies")) }
                    }
                    @if user.is_admin {
                        li { (link(ctx, "/portal/admin/audit", "Audit")) }
                    }
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
                p { (e.message) " " span.code { "(" (e.error_code) ")" } }
            } @else {
                p { "The request was refused:" }
                ul {
                    @for e in &r.errors {
                        li { (e.message) " " span.code { "(" (e.error_code) ")" } }
                    }
                }
            }
        }
    }
}

/// The hidden form-token field.
pub fn csrf(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(ctx.csrf); }
}

/// A labelled text input with its errors below it.
pub struct Field<'a> {
    pub name: &'a str,
    pub label: &'a str,
    pub value: &'a str,
    pub kind: &'a str,
    pub required: bool,
    pub hint: Option<&'a str>,
    pub autocomplete: Option<&'a str>,
}

impl<'a> Field<'a> {
    pub fn new(name: &'a str, label: &'a str, value: &'a str) -> Self {
        Field { name, label, value, kind: "text", required: false, hint: None, autocomplete: None }
    }
    pub fn kind(mut self, kind: &'a str) -> Self {
        self.kind = kind;
        self
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = Some(hint);
        self
    }
    pub fn autocomplete(mut self, a: &'a str) -> Self {
        self.autocomplete = Some(a);
        self
    }

    pub fn render(&self, refusal: Option<&Refusal>) -> Markup {
        let errs = refusal.map(|r| r.for_field(self.name)).unwrap_or_default();
        let id = format!("f-{}", self.name);
        let described = describedby(&id, self.hint.is_some(), !errs.is_empty());
        html! {
            div.field.invalid[!errs.is_empty()] {
                label for=(id) { (self.label) @if self.required { span.req aria-hidden="true" { " *" } } }
                input id=(id) name=(self.name) type=(self.kind) value=(self.value) required[self.required]
                    autocomplete=[self.autocomplete] aria-describedby=[described.as_deref()]
                    aria-invalid=[(!errs.is_empty()).then_some("true")];
                @if let Some(h) = self.hint { small.hint id=(format!("{id}-hint")) { (h) } }
                (field_errors(&id, &errs))
            }
        }
    }
}

fn describedby(id: &str, hint: bool, errors: bool) -> Option<String> {
    let mut parts = Vec::new();
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if errors {
        parts.push(format!("{id}-err"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

pub fn field_errors(id: &str, errs: &[&str]) -> Markup {
    html! {
        @if !errs.is_empty() {
            ul.field-errors id=(format!("{id}-err")) {
                @for e in errs { li { (e) } }
            }
        }
    }
}

/// A labelled select; `options` are (value, text).
pub fn select(
    name: &str,
    label: &str,
    options: &[(String, String)],
    chosen: &str,
    refusal: Option<&Refusal>,
) -> Markup {
    let errs = refusal.map(|r| r.for_field(name)).unwrap_or_default();
    let id = format!("f-{name}");
    html! {
        div.field.invalid[!errs.is_empty()] {
            label for=(id) { (label) }
            select id=(id) name=(name) aria-describedby=[(!errs.is_empty()).then(|| format!("{id}-err"))] {
                @for (value, text) in options {
                    option value=(value) selected[value == chosen] { (text) }
                }
            }
            (field_errors(&id, &errs))
        }
    }
}

/// A labelled textarea.
pub fn textarea(name: &str, label: &str, value: &str, rows: u32, refusal: Option<&Refusal>) -> Markup {
    let errs = refusal.map(|r| r.for_field(name)).unwrap_or_default();
    let id = format!("f-{name}");
    html! {
        div.field.invalid[!errs.is_empty()] {
            label for=(id) { (label) }
            textarea id=(id) name=(name) rows=(rows) spellcheck="false"
                aria-describedby=[(!errs.is_empty()).then(|| format!("{id}-err"))] { (value) }
            (field_errors(&id, &errs))
        }
    }
}

/// A one-button form posting `fields` to `action`.
pub fn button_form(ctx: &Ctx, action: &str, fields: &[(&str, &str)], text: &str, class: &str) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf(ctx))
            @for (name, value) in fields { input type="hidden" name=(*name) value=(*value); }
            button type="submit" class=(class) { (text) }
        }
    }
}

/// A status badge.
pub fn badge(text: &str) -> Markup {
    let class = match text.to_ascii_lowercase().as_str() {
        "active" | "approved" | "published" | "true" => "badge ok",
        "de-active" | "inactive" | "rejected" | "false" | "deactivated" => "badge off",
        _ => "badge wait",
    };
    html! { span class=(class) { (text) } }
}

/// Previous / next links for a MOSIP page of results (`page` counts from 0).
pub fn pager(base: &str, page: i64, size: i64, total: i64) -> Markup {
    let pages = if total <= 0 { 1 } else { (total + size - 1) / size };
    let sep = if base.contains('?') { '&' } else { '?' };
    html! {
        nav.pager aria-label="Pages" {
            @if page > 0 { a href=(format!("{base}{sep}page={}", page - 1)) rel="prev" { "← Previous" } }
            span { "Page " (page + 1) " of " (pages) " · " (total) " in all" }
            @if page + 1 < pages { a href=(format!("{base}{sep}page={}", page + 1)) rel="next" { "Next →" } }
        }
    }
}

/// A JSON value as readable text.
pub fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// Percent-encodes a query value.
pub fn q(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_escaped() {
        let r = Refusal::one(StatusCode::OK, "X", "<script>alert(1)</script>");
        let html = errors(&r).into_string();
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"), "{html}");
        let f = Field::new("name", "Name", "\"><img src=x>").render(None).into_string();
        assert!(f.contains("&quot;&gt;&lt;img"), "{f}");
    }

    #[test]
    fn a_field_shows_its_own_errors() {
        let r =
            Refusal::one(StatusCode::OK, "PMS_COR_001", "Invalid request parameter - must not be blank :request.name");
        let html = Field::new("name", "Name", "").render(Some(&r)).into_string();
        assert!(html.contains("must not be blank") && html.contains("aria-invalid=\"true\""), "{html}");
        let other = Field::new("desc", "Description", "").render(Some(&r)).into_string();
        assert!(!other.contains("must not be blank"));
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(q("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    }
}
