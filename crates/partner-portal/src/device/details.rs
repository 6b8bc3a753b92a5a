//! `/portal/devices`: a device provider's device details (make, model, type, sub-type, status)
//! and a new one, its type and sub-type chosen among the store's active sub-types
//! (`device_app::details`).

use actix_web::{HttpRequest, HttpResponse, web};
use device_app::dto::{DeviceDetailItem, DeviceDetailRequest};
use device_app::{details as ops, roles};
use maud::html;
use web_support::Principal;

use super::{DETAILS, Listing, PageQuery, search_page, status_text, sub_type_choices};
use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::session::{or_answer, posted, with_roles};
use crate::view::{self, Field, badge};

const BASE: &str = "/portal/devices";
const LISTING: Listing = Listing {
    id: "devices",
    title: "Device details",
    head: &["Make", "Model", "Type", "Sub-type", "Status"],
    none: "No device details yet.",
    base: BASE,
};

pub async fn devices(req: HttpRequest, query: web::Query<PageQuery>) -> HttpResponse {
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
    let list = search_page(req, me, DETAILS, Vec::new(), page).await;
    let types = if me.is_admin { Ok(Vec::new()) } else { sub_type_choices(req, me).await };
    let r = refusal.as_ref();
    let chosen = format!("{}/{}", form.get("deviceTypeCode"), form.get("deviceSubTypeCode"));
    let body = html! {
        (LISTING.render(&list, page, |d: &DeviceDetailItem| html! { tr data-device=(d.id) {
            td { (d.make) br; small.muted { code { (d.id) } } }
            td { (d.model) }
            td { (d.device_type_code) }
            td { (d.device_sub_type_code) }
            td.status { (badge(&status_text(&d.approval_status, d.active))) }
        } }))
        @if !me.is_admin {
            section.card {
                h2 { "New device" }
                p.muted { "A make and model of a device type; it waits for a partner admin's approval." }
                @match &types {
                    Err(e) => (view::errors(e)),
                    Ok(t) if t.is_empty() => p.muted { "There are no device types in the store yet: ask an administrator to import MOSIP's device types." },
                    Ok(t) => {
                        @if let Some(r) = r { (view::errors(r)) }
                        form method="post" action=(BASE) {
                            (view::csrf(&ctx))
                            (view::select("deviceSubTypeCode", "Type and sub-type", t, &chosen, r))
                            (Field::new("make", "Make", form.get("make")).required().render(r))
                            (Field::new("model", "Model", form.get("model")).required().render(r))
                            button type="submit" { "Add the device" }
                        }
                    },
                }
            }
        }
    };
    let failed = list.as_ref().err().or(types.as_ref().err());
    view::form_page(ctx, "Devices", r, failed, body)
}

pub async fn create(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, posted_form) = or_answer!(posted(&req, with_roles(&req, roles::DEVICE_PROVIDERS), &body));
    // the one select names both codes: `<type>/<sub-type>`
    let (type_code, sub_type) = posted_form.get("deviceSubTypeCode").split_once('/').unwrap_or(("", ""));
    let form = Form::from_pairs(vec![
        ("deviceTypeCode".to_owned(), type_code.to_owned()),
        ("deviceSubTypeCode".to_owned(), sub_type.to_owned()),
        ("make".to_owned(), posted_form.get("make").to_owned()),
        ("model".to_owned(), posted_form.get("model").to_owned()),
    ]);
    let request = DeviceDetailRequest {
        id: None,
        device_provider_id: Some(me.user_id.clone()),
        device_type_code: form.opt("deviceTypeCode"),
        device_sub_type_code: form.opt("deviceSubTypeCode"),
        make: form.opt("make"),
        model: form.opt("model"),
    };
    let actor = me.clone();
    match api::call(&req, move |store| ops::create(store, &actor, request)).await {
        Ok(_) => ctx.redirect_with(BASE, Flash::Success("The device is added; it waits for approval.".into())),
        Err(r) => render(&req, ctx, &me, 0, &form, Some(r)).await,
    }
}
