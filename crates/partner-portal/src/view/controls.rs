//! Form controls (every input labelled, its errors beside it), buttons, badges, pagers and
//! URL-encoding.

use maud::{Markup, html};

use crate::api::Refusal;
use crate::ctx::{CSRF_FIELD, Ctx};
use crate::i18n::t;

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
    /// The input's id when the page has two forms with a field of this name.
    pub id: Option<&'a str>,
}

impl<'a> Field<'a> {
    pub fn new(name: &'a str, label: &'a str, value: &'a str) -> Self {
        Field { name, label, value, kind: "text", required: false, hint: None, autocomplete: None, id: None }
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
    /// Another id than `f-<name>` (unique ids when two forms share a field name).
    pub fn id(mut self, id: &'a str) -> Self {
        self.id = Some(id);
        self
    }
    pub fn autocomplete(mut self, a: &'a str) -> Self {
        self.autocomplete = Some(a);
        self
    }

    pub fn render(&self, refusal: Option<&Refusal>) -> Markup {
        let errs = refusal.map(|r| r.for_field(self.name)).unwrap_or_default();
        let id = self.id.map_or_else(|| format!("f-{}", self.name), str::to_owned);
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
                @for e in errs { li { (crate::api::problem_words(e)) } }
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

/// A button that copies the text of the element `source` (an id) to the clipboard; hidden until
/// `/portal/static/copy.js` finds that the browser allows it.
pub fn copy_button(source: &str) -> Markup {
    html! {
        button.small.secondary.copy type="button" data-copy-from=(source) data-copied=(t!("copy-copied")) hidden { (t!("copy-copy")) }
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

/// The one word every page uses for a status, whatever MOSIP calls it ("De-Active", "InActive",
/// "InProgress", "pending_approval", …), and its badge's class.
fn status(text: &str) -> Option<(String, &'static str)> {
    let (word, class) = match text.trim().to_ascii_lowercase().replace(['-', '_', ' '], "").as_str() {
        "active" | "activated" | "true" => (t!("status-active"), "badge ok"),
        "deactive" | "inactive" | "deactivated" | "false" => (t!("status-inactive"), "badge off"),
        "inprogress" | "pending" | "pendingapproval" => (t!("status-pending"), "badge wait"),
        "pendingcertupload" => (t!("status-certificate-needed"), "badge wait"),
        "approved" => (t!("status-approved"), "badge ok"),
        "rejected" => (t!("status-rejected"), "badge off"),
        "published" => (t!("status-published"), "badge ok"),
        "drafted" | "draft" => (t!("status-draft"), "badge wait"),
        "expired" => (t!("status-expired"), "badge off"),
        "dismissed" => (t!("status-dismissed"), "badge wait"),
        _ => return None,
    };
    Some((word, class))
}

/// A status in the portal's words ([`status`]); a status it does not know as MOSIP says it.
pub fn status_word(text: &str) -> String {
    status(text).map_or_else(|| text.to_owned(), |(word, _)| word)
}

/// A code of MOSIP's master data (`kind`: `partner-type`, `policy-type`, `device-type`) in the
/// user's language: the catalogue's `<kind>-<code>`, else `stored` (the store's own text).
pub fn master_word(kind: &str, code: &str, stored: &str) -> String {
    crate::i18n::tr_opt(&format!("{kind}-{code}"), None).unwrap_or_else(|| stored.to_owned())
}

/// A status badge, in the portal's words.
pub fn badge(text: &str) -> Markup {
    let (word, class) = status(text).unwrap_or_else(|| (text.to_owned(), "badge wait"));
    html! { span class=(class) { (word) } }
}

/// Previous / next links for a MOSIP page of results (`page` counts from 0).
pub fn pager(base: &str, page: i64, size: i64, total: i64) -> Markup {
    pager_of(base, "page", page, size, total)
}

/// [`pager`] for a page whose number is the query parameter `param`.
pub fn pager_of(base: &str, param: &str, page: i64, size: i64, total: i64) -> Markup {
    let pages = if total <= 0 { 1 } else { (total + size - 1) / size };
    let sep = if base.contains('?') { '&' } else { '?' };
    html! {
        nav.pager aria-label=(t!("pager-label")) {
            @if page > 0 { a href=(format!("{base}{sep}{param}={}", page - 1)) rel="prev" { (t!("pager-previous")) } }
            span { (t!("pager-position", page = page + 1, pages = pages, total = total)) }
            @if page + 1 < pages { a href=(format!("{base}{sep}{param}={}", page + 1)) rel="next" { (t!("pager-next")) } }
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
    use actix_web::http::StatusCode;

    use super::*;

    #[test]
    fn user_text_is_escaped() {
        let r = Refusal::one(StatusCode::OK, "X", "<script>alert(1)</script>");
        let html = crate::view::errors(&r).into_string();
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"), "{html}");
        let f = Field::new("name", "Name", "\"><img src=x>").render(None).into_string();
        assert!(f.contains("&quot;&gt;&lt;img"), "{f}");
    }

    #[test]
    fn a_field_shows_its_own_errors() {
        let r =
            Refusal::one(StatusCode::OK, "PMS_COR_001", "Invalid request parameter - must not be blank :request.name");
        let html = Field::new("name", "Name", "").render(Some(&r)).into_string();
        assert!(html.contains("must be filled in") && html.contains("aria-invalid=\"true\""), "{html}");
        let other = Field::new("desc", "Description", "").render(Some(&r)).into_string();
        assert!(!other.contains("must be filled in"));
    }

    #[test]
    fn statuses_read_the_same_on_every_page() {
        for (mosip, word) in [
            ("De-Active", "Inactive"),
            ("InActive", "Inactive"),
            ("de-active", "Inactive"),
            ("active", "Active"),
            ("InProgress", "Pending"),
            ("pending_approval", "Pending"),
            ("PUBLISHED", "Published"),
        ] {
            assert_eq!(status_word(mosip), word, "{mosip}");
        }
        assert!(badge("De-Active").into_string().contains("badge off"));
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(q("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    }
}
