//! `/portal/sbis`: a device provider's secure biometric interfaces (version, hashes, validity,
//! status), a new one, and a device added to an approved SBI (`device_app::sbis`).

use actix_web::{HttpRequest, HttpResponse, web};
use device_app::dto::{MappingRequest, SbiCreateRequest, SbiItem};
use device_app::{DeviceConfig, roles, sbis as ops};
use device_domain::status::APPROVED;
use maud::html;
use web_support::Principal;

use super::{DETAILS, Listing, PageQuery, SBIS, day, search_page, status_text, with_status};
use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::session::{or_answer, posted, with_roles};
use crate::view::{self, Field, badge};

const BASE: &str = "/portal/sbis";
const LISTING: Listing = Listing {
    id: "sbis",
    title: "Secure biometric interfaces",
    head: &["Version", "Binary hash", "Created", "Expires", "Status"],
    none: "No secure biometric interfaces yet.",
    base: BASE,
};

/// A date input's value as MOSIP's timestamp (midnight UTC); other text goes through as typed.
fn instant(value: &str) -> Option<String> {
    let v = value.trim();
    match v.len() {
        0 => None,
        10 => Some(format!("{v}T00:00:00.000Z")),
        _ => Some(v.to_owned()),
    }
}

pub async fn sbis(req: HttpRequest, query: web::Query<PageQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(with_roles(&req, roles::DEVICE_PROVIDERS));
    render(&req, ctx, &me, query.page(), &Form::default(), None).await
}

async fn render(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    page: i64,
    form: &Form,
    refusal: Option<Refusal>,
) -> HttpResponse {
    let list = search_page(req, me, SBIS, Vec::new(), page).await;
    let approved_sbis = search_page(req, me, SBIS, with_status(APPROVED), 0).await;
    let approved_devices = search_page(req, me, DETAILS, with_status(APPROVED), 0).await;
    let r = refusal.as_ref();
    let body = html! {
        (LISTING.render(&list, page, |s: &SbiItem| html! { tr data-sbi=(s.id) {
            td { (s.sw_version) br; small.muted { code { (s.id) } } }
            td { code { (s.sw_binary_hash) } }
            td { (day(s.sw_create_date_time.as_deref())) }
            td { (day(s.sw_expiry_date_time.as_deref())) }
            td.status { (badge(&status_text(&s.approval_status, s.is_active))) }
        } }))
        @if !me.is_admin {
            section.card {
                h2 { "New secure biometric interface" }
                p.muted { "It waits for a partner admin's approval before devices can be added to it." }
                @if let Some(r) = r { (view::errors(r)) }
                form method="post" action=(BASE) {
                    (view::csrf(&ctx))
                    (Field::new("swVersion", "Software version", form.get("swVersion")).required().render(r))
                    (Field::new("swBinaryHash", "Software binary hash", form.get("swBinaryHash")).required().render(r))
                    (Field::new("swCreateDateTime", "Created on", form.get("swCreateDateTime")).kind("date").required().hint("Today or earlier.").render(r))
                    (Field::new("swExpiryDateTime", "Expires on", form.get("swExpiryDateTime")).kind("date").required().hint("After today.").render(r))
                    button type="submit" { "Add the SBI" }
                }
            }
            section.card #map {
                h2 { "Add a device to an SBI" }
                p.muted { "Both must be approved; the SBI must not have expired." }
                @match (&approved_sbis, &approved_devices) {
                    (Err(e), _) | (_, Err(e)) => (view::errors(e)),
                    (Ok(s), Ok(d)) if s.items().is_empty() || d.items().is_empty() => p.muted { "You need an approved SBI and an approved device first." },
                    (Ok(s), Ok(d)) => {
                        @let sbi_choices: Vec<(String, String)> = s.items().iter().map(|s| (s.id.clone(), format!("{} (expires {})", s.sw_version, day(s.sw_expiry_date_time.as_deref())))).collect();
                        @let device_choices: Vec<(String, String)> = d.items().iter().map(|d| (d.id.clone(), format!("{} {} ({} – {})", d.make, d.model, d.device_type_code, d.device_sub_type_code))).collect();
                        form method="post" action=(format!("{BASE}/devices")) {
                            (view::csrf(&ctx))
                            (view::select("sbiId", "SBI", &sbi_choices, form.get("sbiId"), None))
                            (view::select("deviceDetailId", "Device", &device_choices, form.get("deviceDetailId"), None))
                            button type="submit" { "Add the device" }
                        }
                    },
                }
            }
        }
    };
    let failed = list.as_ref().err().or(approved_sbis.as_ref().err()).or(approved_devices.as_ref().err());
    view::form_page(ctx, "Secure biometric interfaces", r, failed, body)
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
        Ok(_) => ctx.redirect_with(BASE, Flash::Success("The SBI is added; it waits for approval.".into())),
        Err(r) => render(&req, ctx, &me, 0, &form, Some(r)).await,
    }
}

/// `PUT /securebiometricinterface/devicedetails/map`.
pub async fn map_device(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, with_roles(&req, roles::DEVICE_PROVIDERS), &body));
    let request = MappingRequest { device_detail_id: form.opt("deviceDetailId"), sbi_id: form.opt("sbiId") };
    let result = api::call(&req, move |store| ops::map(store, &me, request)).await;
    let done = result.map(|answer| match answer.as_str() {
        "Success" => "The device is added to the SBI.".to_owned(),
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
