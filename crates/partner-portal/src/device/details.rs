//! `/portal/devices`: a device provider's device details (make, model, type, sub-type, status)
//! and a new one, its type and sub-type chosen among the store's active sub-types
//! (`device_app::details`).

use actix_web::{HttpRequest, HttpResponse, web};
use device_app::dto::{DeviceDetailItem, DeviceDetailRequest};
use device_app::{details as ops, roles};
use maud::html;
use web_support::Principal;

use super::{DETAILS, Listing, status_text, sub_type_choices};
use crate::api;
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::i18n::t;
use crate::session::{or_answer, posted, with_roles};
use crate::view::{self, Field, ListForm, ListQuery, badge};

const BASE: &str = "/portal/devices";
fn listing() -> Listing {
    Listing {
        id: "devices",
        title: t!("approvals-device-details"),
        head: vec![
            ("make", t!("devices-make")),
            ("model", t!("devices-model")),
            ("type", t!("partners-type")),
            ("subtype", t!("devices-sub-type")),
            ("status", t!("home-status")),
        ],
        columns: &[
            ("make", "make"),
            ("model", "model"),
            ("type", "deviceTypeCode"),
            ("subtype", "deviceSubTypeCode"),
            ("status", "approvalStatus"),
        ],
        search: ("make", t!("devices-search-label")),
        none: t!("devices-no-device-details-yet"),
        base: BASE,
    }
}

pub async fn devices(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(with_roles(&req, roles::DEVICE_PROVIDERS));
    render(&req, ctx, &me, ListForm::visit(query.into_inner())).await
}

async fn render(req: &HttpRequest, ctx: Ctx, me: &Principal, page: ListForm) -> HttpResponse {
    let (query, form, r) = (&page.query, &page.form, page.refusal.as_ref());
    let listing = listing();
    let list = listing.page(req, me, DETAILS, query).await;
    let types = if me.is_admin { Ok(Vec::new()) } else { sub_type_choices(req, me).await };
    let chosen = format!("{}/{}", form.get("deviceTypeCode"), form.get("deviceSubTypeCode"));
    let body = html! {
        (listing.render(&list, query, |d: &DeviceDetailItem| html! { tr data-device=(d.id) {
            td { (d.make) br; small.muted { code { (d.id) } } }
            td { (d.model) }
            td { (view::master_word("device-type", &d.device_type_code, &d.device_type_code)) }
            td { (d.device_sub_type_code) }
            td.status { (badge(&status_text(&d.approval_status, d.active))) }
        } }))
        @if !me.is_admin {
            section.card {
                h2 { (t!("devices-new-device")) }
                p.muted { (t!("devices-a-make-and-model-of")) }
                @match &types {
                    Err(e) => (view::errors(e)),
                    Ok(t) if t.is_empty() => p.muted { (t!("devices-there-are-no-device-types")) },
                    Ok(t) => {
                        @if let Some(r) = r { (view::errors(r)) }
                        form method="post" action=(BASE) {
                            (view::csrf(&ctx))
                            (view::select("deviceSubTypeCode", &t!("devices-type-and-sub-type"), t, &chosen, r))
                            (Field::new("make", &t!("devices-make"), form.get("make")).required().render(r))
                            (Field::new("model", &t!("devices-model"), form.get("model")).required().render(r))
                            button type="submit" { (t!("devices-add-the-device")) }
                        }
                    },
                }
            }
        }
    };
    let failed = list.as_ref().err().or(types.as_ref().err());
    view::form_page(ctx, &t!("nav-devices"), r, failed, body)
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
        Ok(_) => ctx.redirect_with(BASE, Flash::Success(t!("devices-the-device-is-added-it"))),
        Err(r) => render(&req, ctx, &me, ListForm::refused(form, r)).await,
    }
}
