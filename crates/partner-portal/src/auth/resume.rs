//! A post whose session ended keeps what was typed: the login page carries the posted fields
//! (hidden, and listed), and after the login a page offers to send them again, with one click.
//! Passwords and the form token are never carried. File uploads cannot be carried (the browser
//! must choose the file again).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};

use crate::ctx::{CSRF_FIELD, Ctx};
use crate::forms::Form;
use crate::i18n::t;
use crate::view::{self, Field};

/// The prefix of a carried field in the login form.
pub const CARRIED: &str = "resume.";

fn carried(name: &str) -> bool {
    name != CSRF_FIELD && !name.to_ascii_lowercase().contains("password")
}

/// What was typed, as a list the user can read.
fn typed(fields: &[(String, String)]) -> Markup {
    html! {
        @if !fields.is_empty() {
            details.typed open {
                summary { (t!("resume-what-you-typed-kept")) }
                dl.facts { @for (k, v) in fields { dt { (k) } dd { (v) } } }
            }
        }
    }
}

/// The login page answering a post whose session ended (401), the posted fields carried.
pub fn resume_login(req: &HttpRequest, body: &web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(req);
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    let fields: Vec<(String, String)> = pairs.into_iter().filter(|(k, _)| carried(k)).collect();
    let next = crate::view::portal_page_or_home(req.path()).to_owned();
    let body = html! {
        div.alert.info role="status" #session-ended {
            (t!("resume-your-session-has-ended-log"))
        }
        form.card method="post" action="/portal/login" {
            (view::csrf(&ctx))
            input type="hidden" name="next" value=(next);
            @for (k, v) in &fields { input type="hidden" name=(format!("{CARRIED}{k}")) value=(v); }
            (Field::new("userName", &t!("login-user-name"), ctx.user.as_ref().map_or("", |u| u.user_id.as_str())).required().autocomplete("username").render(None))
            (Field::new("password", &t!("login-password"), "").kind("password").required().autocomplete("current-password").render(None))
            button type="submit" { (t!("nav-log-in")) }
        }
        (typed(&fields))
    };
    let mut res = view::page(ctx, &t!("resume-log-in-again"), body);
    *res.status_mut() = StatusCode::UNAUTHORIZED;
    res
}

/// After a login that carried a form: the page that sends it again (`None`: nothing carried).
pub fn resend_page(ctx: &Ctx, form: &Form, next: &str) -> Option<Markup> {
    let fields = form.with_prefix(CARRIED);
    if fields.is_empty() || next == "/portal/" {
        return None;
    }
    Some(html! {
        div.alert.success role="status" { (t!("resume-you-are-logged-in-again")) }
        form.card method="post" action=(next) #resend {
            (view::csrf(ctx))
            @for (k, v) in &fields { input type="hidden" name=(k) value=(v); }
            (typed(&fields))
            button type="submit" { (t!("resume-send-again")) }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_the_login_the_kept_form_is_sent_again_without_its_token() {
        let ctx = Ctx::new(&actix_web::test::TestRequest::default().to_http_request());
        let form = Form::from_pairs(vec![
            ("resume.name".into(), "g <1>".into()),
            ("resume.desc".into(), "kept".into()),
            ("userName".into(), "admin".into()),
        ]);
        let page = resend_page(&ctx, &form, "/portal/admin/policy-groups").map(|m| m.into_string()).unwrap_or_default();
        assert!(page.contains("action=\"/portal/admin/policy-groups\""), "{page}");
        assert!(page.contains("name=\"name\" value=\"g &lt;1&gt;\"") && page.contains("name=\"desc\" value=\"kept\""));
        assert!(!page.contains("userName"));
        assert!(resend_page(&ctx, &Form::default(), "/portal/keys").is_none(), "nothing carried: a plain redirect");
        assert!(!carried("_csrf") && !carried("password") && carried("name"));
    }
}
