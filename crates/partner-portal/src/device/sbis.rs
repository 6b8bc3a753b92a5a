//! `/portal/sbis`: a device provider's secure biometric interfaces (version, hashes, validity,
//! status), a new one, and a device added to an approved SBI (`device_app::sbis`).

use actix_web::{HttpRequest, HttpResponse, web};
use device_app::dto::{MappingRequest, SbiCreateRequest, SbiItem};
use device_app::{DeviceConfig, roles, sbis as ops};
use device_domain::status::APPROVED;
use maud::html;
use web_support::Principal;

use super::{DETAILS, Listing, SBIS, day, status_text, with_status};
use crate::api;
use crate::ctx::{Ctx, Flash};
use crate::i18n::t;
use crate::lookups::{Order, search_page};
use crate::session::{or_answer, posted, with_roles};
use crate::view::{self, Field, ListForm, ListQuery, badge};

const BASE: &str = "/portal/sbis";
fn listing() -> Listing {
    Listing {
        id: "sbis",
        title: t!("approvals-secure-biometric-interfaces"),
        head: vec![
            ("version", t!("sbis-version")),
            ("", t!("sbis-binary-hash")),
            ("created", t!("sbis-created")),
            ("expires", t!("sbis-expires")),
            ("status", t!("home-status")),
        ],
        columns: &[
            ("version", "swVersion"),
            ("created", "swCreateDateTime"),
            ("expires", "swExpiryDateTime"),
            ("status", "approvalStatus"),
        ],
        search: ("swVersion", t!("sbis-search-label")),
        none: t!("sbis-no-secure-biometric-interfaces-yet"),
        base: BASE,
    }
}

/// A date input's value as MOSIP's timestamp (midnight UTC); other text goes through as typed.
fn instant(value: &str) -> Option<String> {
    let v = value.trim();
    match v.len() {
        0 => None,
        10 => Some(format!("{v}T00:00:00.000Z")),
        _ => Some(v.to_owned()),
    }
}

pub async fn sbis(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(with_roles(&req, roles::DEVICE_PROVIDERS));
    render(&req, ctx, &me, ListForm::visit(query.into_inner())).await
}

async fn render(req: &HttpRequest, ctx: Ctx, me: &Principal, page: ListForm) -> HttpResponse {
    let (query, form, r) = (&page.query, &page.form, page.refusal.as_ref());
    let listing = listing();
    let list = listing.page(req, me, SBIS, query).await;
    let approved_sbis = search_page(req, me, SBIS, with_status(APPROVED), Order::newest(0)).await;
    let approved_devices = search_page(req, me, DETAILS, with_status(APPROVED), Order::newest(0)).await;
    let body = html! {
        (listing.render(&list, query, |s: &SbiItem| html! { tr data-sbi=(s.id) {
            td { (s.sw_version) br; small.muted { code { (s.id) } } }
            td { code { (s.sw_binary_hash) } }
            td { (day(s.sw_create_date_time.as_deref())) }
            td { (day(s.sw_expiry_date_time.as_deref())) }
            td.status { (badge(&status_text(&s.approval_status, s.is_active))) }
        } }))
        @if !me.is_admin {
            section.card {
                h2 { (t!("sbis-new-secure-biometric-interface")) }
                p.muted { (t!("sbis-it-waits-for-a-partner")) }
                @if let Some(r) = r { (view::errors(r)) }
                form method="post" action=(BASE) {
                    (view::csrf(&ctx))
                    (Field::new("swVersion", &t!("sbis-software-version"), form.get("swVersion")).required().render(r))
                    (Field::new("swBinaryHash", &t!("sbis-software-binary-hash"), form.get("swBinaryHash")).required().render(r))
                    (Field::new("swCreateDateTime", &t!("sbis-created-on"), form.get("swCreateDateTime")).kind("date").required().hint(&t!("sbis-today-or-earlier")).render(r))
                    (Field::new("swExpiryDateTime", &t!("sbis-expires-on"), form.get("swExpiryDateTime")).kind("date").required().hint(&t!("sbis-after-today")).render(r))
                    button type="submit" { (t!("sbis-add-the-sbi")) }
                }
            }
            section.card #map {
                h2 { (t!("sbis-add-a-device-to-an")) }
                p.muted { (t!("sbis-both-must-be-approved-the")) }
                @match (&approved_sbis, &approved_devices) {
                    (Err(e), _) | (_, Err(e)) => (view::errors(e)),
                    (Ok(s), Ok(d)) if s.items().is_empty() || d.items().is_empty() => p.muted { (t!("sbis-you-need-an-approved-sbi")) },
                    (Ok(s), Ok(d)) => {
                        @let sbi_choices: Vec<(String, String)> = s.items().iter().map(|s| (s.id.clone(), t!("sbis-choice", version = s.sw_version.clone(), expires = day(s.sw_expiry_date_time.as_deref()).to_owned()))).collect();
                        @let device_choices: Vec<(String, String)> = d.items().iter().map(|d| (d.id.clone(), format!("{} {} ({} – {})", d.make, d.model, d.device_type_code, d.device_sub_type_code))).collect();
                        form method="post" action=(format!("{BASE}/devices")) {
                            (view::csrf(&ctx))
                            (view::select("sbiId", &t!("sbis-sbi"), &sbi_choices, form.get("sbiId"), None))
                            (view::select("deviceDetailId", &t!("sbis-device"), &device_choices, form.get("deviceDetailId"), None))
                            button type="submit" { (t!("devices-add-the-device")) }
                        }
                    },
                }
            }
        }
    };
    let failed = list.as_ref().err().or(approved_sbis.as_ref().err()).or(approved_devices.as_ref().err());
    view::form_page(ctx, &t!("approvals-secure-biometric-interfaces"), r, failed, body)
}

pub async fn create(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, with_roles(&req, roles::DEVICE_PROVIDERS), &body));
    let request = SbiCreateRequest {
        sw_binary_hash: Some(form.get("swBinaryHash").trim().to_owned()),
        sw_version: Some(form.get("swVersion").trim().to_owned()),
        sw_create_date_time: instant(form.get("swCreateDateTime")),
        sw_expiry_date_time: instant(form.get("swExpiryDateTime")),
        provider_id: Some(me.user_id.clone()),
    };
    let actor = me.clone();
    let result = api::call_with(&req, move |store, cfg: &DeviceConfig| ops::create(store, &actor, cfg, request)).await;
    match result {
        Ok(_) => ctx.redirect_with(BASE, Flash::Success(t!("sbis-the-sbi-is-added-it"))),
        Err(r) => render(&req, ctx, &me, ListForm::refused(form, r)).await,
    }
}

/// `PUT /securebiometricinterface/devicedetails/map`.
pub async fn map_device(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, with_roles(&req, roles::DEVICE_PROVIDERS), &body));
    let request = MappingRequest { device_detail_id: form.opt("deviceDetailId"), sbi_id: form.opt("sbiId") };
    let result = api::call(&req, move |store| ops::map(store, &me, request)).await;
    let done = result.map(|answer| match answer.as_str() {
        "Success" => t!("sbis-the-device-is-added-to"),
        other => other.to_owned(),
    });
    ctx.redirect_with(BASE, Flash::of(done))
}

#[cfg(test)]
mod tests {
    use super::instant;

    #[test]
    fn a_date_input_is_midnight_utc() {
        assert_eq!(instant("2026-12-06").as_deref(), Some("2026-12-06T00:00:00.000Z"));
        assert_eq!(instant(" "), None);
        assert_eq!(instant("2026-12-06T10:00:00Z").as_deref(), Some("2026-12-06T10:00:00Z"));
    }
}
