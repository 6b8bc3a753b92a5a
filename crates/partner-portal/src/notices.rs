//! `/portal/notifications`: the user's notifications in words (certificate and API-key expiry,
//! the weekly summary), newest first, each dismissable; opening the page records that the user
//! has seen them (the bell in the menu counts those newer than that).

use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use partner_app::notifications::{self, DismissNotificationRequest, NotificationDto, NotificationsSeenRequest};

use crate::api;
use crate::bell::{active, parse};
use crate::ctx::Flash;
use crate::i18n::t;
use crate::partner::PageQuery;
use crate::session::{or_answer, posted, signed_in};
use crate::view;

const PAGE: i64 = 20;
/// `PMS_CERTIFICATE_ERROR_002`: the user owns no partner, so it has no notifications.
const NO_PARTNER: &str = "PMS_CERTIFICATE_ERROR_002";

/// One notification in plain words.
fn describe(n: &NotificationDto, now: chrono::NaiveDateTime) -> Markup {
    let d = &n.notification_details;
    let expiry = |raw: Option<&str>| -> String {
        match raw.and_then(|r| parse(r).or_else(|| app_core::time::parse_mosip(r))) {
            Some(t) => format!("{} ({})", view::when(t), view::expiry_words(t, now)),
            None => raw.unwrap_or("").to_owned(),
        }
    };
    html! {
        @for c in d.certificate_details.iter().flatten() {
            @let subject = c.issued_to.clone().unwrap_or_default();
            @let when = expiry(c.expiry_date_time.as_deref());
            p {
                @match n.notification_type.as_str() {
                    notifications::ROOT_CERT_EXPIRY => (t!("notices-root-ca-expires", subject = subject, when = when)),
                    notifications::INTERMEDIATE_CERT_EXPIRY => (t!("notices-intermediate-ca-expires", subject = subject, when = when)),
                    _ => (t!("notices-certificate-expires", subject = subject, when = when)),
                }
                @if let Some(p) = &c.partner_id { " " (t!("notices-of-partner", partner = p.clone())) }
                @if let Some(dm) = &c.partner_domain { " " (t!("notices-domain", domain = dm.clone())) }
            }
        }
        @for k in d.api_key_details.iter().flatten() {
            p { (t!("notices-api-key-expires",
                key = k.api_key_name.clone().unwrap_or_default(),
                policy = k.policy_name.clone().unwrap_or_default(),
                when = expiry(k.expiry_date_time.as_deref()))) }
        }
        @if n.notification_type == notifications::WEEKLY_SUMMARY {
            p { (t!("notices-weekly-summary", count = d.certificate_details.as_ref().map_or(0, Vec::len))) }
        }
    }
}

pub async fn page(req: HttpRequest, query: web::Query<PageQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    let page = query.page.unwrap_or(0).max(0);
    let list = match active(&req, &me, page, PAGE).await {
        Err(r) if r.errors.iter().any(|e| e.error_code == NO_PARTNER) => Ok((Vec::new(), 0)),
        other => other,
    };
    let now = api::now(&req).await;
    if list.is_ok() {
        // the bell counts what is newer than this; without consent MOSIP stores nothing
        let (me, at) = (me.clone(), now.format("%Y-%m-%dT%H:%M:%S%.3f").to_string());
        let request = NotificationsSeenRequest { notifications_seen_dtimes: Some(at) };
        let _ =
            api::call(&req, move |store| notifications::save_seen_timestamp(store, &me, &me.user_id, request)).await;
    }
    let body = html! {
        section.card #notifications {
            @match &list {
                Ok((items, _)) if items.is_empty() => p.muted { (t!("notices-none")) },
                Ok((items, _)) => ul.notices {
                    @for n in items {
                        li data-notification=(n.notification_id) {
                            (describe(n, now))
                            small.muted { (t!("notices-partner", partner = n.notification_partner_id.clone())) " · " (view::when_text(&n.created_date_time)) }
                            (view::button_form(&ctx, &format!("/portal/notifications/{}/dismiss", view::q(&n.notification_id)), &[], &t!("notices-dismiss"), "small secondary"))
                        }
                    }
                },
                Err(r) => (view::errors(r)),
            }
            @if let Ok((_, total)) = &list { (view::pager("/portal/notifications", page, PAGE, *total)) }
        }
    };
    view::page_partial(ctx, &t!("nav-notifications"), list.as_ref().err(), body)
}

pub async fn dismiss(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, _) = or_answer!(posted(&req, signed_in(&req), &body));
    let id = path.into_inner();
    let request = DismissNotificationRequest { notification_status: Some("DISMISSED".into()) };
    let result = api::call(&req, move |store| notifications::dismiss(store, &me, &id, request)).await;
    ctx.redirect_with("/portal/notifications", Flash::of(result.map(|_| t!("notices-dismissed"))))
}
