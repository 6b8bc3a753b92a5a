//! The confirmation step of a destructive action, without JavaScript: a page saying what is
//! about to happen, an optional reason, and the one button that posts it.

use maud::{Markup, html};

use super::csrf;
use crate::ctx::Ctx;
use crate::forms::Form;
use crate::i18n::t;

/// What a confirmation page asks.
pub struct Confirm<'a> {
    /// What is decided on, in words ("Deactivate partner acme").
    pub question: String,
    /// Where the decision posts, and its hidden fields.
    pub action: &'a str,
    pub fields: &'a [(&'a str, &'a str)],
    /// The button's text, and whether it destroys something.
    pub button: String,
    pub danger: bool,
    /// Where "Cancel" goes back to.
    pub back: &'a str,
}

/// The page body of a confirmation: the question, facts about the subject, an optional reason.
pub fn confirm_body(ctx: &Ctx, c: &Confirm<'_>, facts: Markup) -> Markup {
    html! {
        section.card #confirm {
            p.question { strong { (c.question) } }
            (facts)
            form method="post" action=(c.action) {
                (csrf(ctx))
                @for (name, value) in c.fields { input type="hidden" name=(*name) value=(*value); }
                div.field {
                    label for="f-reason" { (t!("confirm-reason-optional")) }
                    textarea #f-reason name="reason" rows="3" maxlength="512" aria-describedby="f-reason-hint" {}
                    small.hint #f-reason-hint { (t!("confirm-shown-in-the-confirmation-message")) }
                }
                p.actions {
                    button type="submit" class=(if c.danger { "danger" } else { "" }) { (c.button) }
                    " "
                    a.button.secondary href=(c.back) { (t!("approvals-cancel")) }
                }
            }
        }
    }
}

/// The posted reason, trimmed and at most 512 characters (`None` when blank).
pub fn reason(form: &Form) -> Option<String> {
    let r: String = form.get("reason").trim().chars().take(512).collect();
    (!r.is_empty()).then_some(r)
}

/// `message`, with the reason given for it.
pub fn with_reason(message: impl Into<String>, reason: Option<&str>) -> String {
    let message = message.into();
    match reason {
        Some(r) => format!("{message} {}", t!("confirm-reason-given", reason = r)),
        None => message,
    }
}
