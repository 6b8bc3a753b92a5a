//! `/portal/profile`: the partner's details and contacts, and the forms that change them.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::details::{self, ContactBody, UpdateBody};
use partner_app::dto::ApiVersion;
use partner_app::roles;
use web_support::Principal;

use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::i18n::t;
use crate::lookups::details_of;
use crate::session::{or_answer, posted, signed_in};
use crate::view::{self, Field, badge};

/// `?contact=<e-mail>`: the contact the contact form opens with.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ContactQuery {
    contact: Option<String>,
}

pub async fn profile(req: HttpRequest, query: web::Query<ContactQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    render_profile(&req, ctx, &me, &Form::default(), None, (None, query.contact.as_deref())).await
}

async fn render_profile(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    form: &Form,
    profile_refusal: Option<&Refusal>,
    (contact_refusal, editing): (Option<&Refusal>, Option<&str>),
) -> HttpResponse {
    let details = match details_of(req, me, &me.user_id).await {
        Ok(d) => d,
        Err(r) => return view::error_page(ctx, &r),
    };
    let contacts: api::Answer<_> = async {
        let me = me.clone();
        api::call(req, move |store| details::contacts(store, &me, &me.user_id)).await
    }
    .await;
    let address =
        if profile_refusal.is_some() { form.get("address") } else { details.address.as_deref().unwrap_or("") };
    let phone = if profile_refusal.is_some() {
        form.get("contactNumber")
    } else {
        details.contact_number.as_deref().unwrap_or("")
    };
    // the contact being edited (`?contact=`) fills the form with what is stored
    let editing = contacts
        .as_ref()
        .ok()
        .and_then(|all| all.iter().find(|c| editing.is_some() && c.email_id.as_deref() == editing));
    let contact = |name: &str| match (contact_refusal, editing) {
        (Some(_), _) => form.get(name).to_owned(),
        (None, Some(c)) => match name {
            "emailId" => c.email_id.clone(),
            "contactNumber" => c.contact_no.clone(),
            _ => c.address.clone(),
        }
        .unwrap_or_default(),
        (None, None) => String::new(),
    };
    let contact_active = match (contact_refusal, editing) {
        (Some(_), _) => form.checked("isActive"),
        (None, Some(c)) => c.is_active,
        (None, None) => true,
    };
    let body = html! {
        section.card {
            h2 { (t!("partners-organisation")) }
            dl.facts {
                dt { (t!("home-partner-id")) } dd { (details.partner_id) }
                dt { (t!("partners-organisation")) } dd { (details.organization_name) }
                dt { (t!("home-e-mail")) } dd { (details.email_id.as_deref().unwrap_or("—")) }
                dt { (t!("home-partner-type")) } dd { (view::master_word("partner-type", &details.partner_type, &details.partner_type)) }
                dt { (t!("home-status")) } dd { (badge(details.status)) }
            }
            @if let Some(r) = profile_refusal { (view::errors(r)) }
            form method="post" action="/portal/profile" {
                (view::csrf(&ctx))
                (Field::new("address", &t!("partners-address"), address).required().autocomplete("street-address").render(profile_refusal))
                (Field::new("contactNumber", &t!("signup-contact-number"), phone).kind("tel").required().autocomplete("tel").render(profile_refusal))
                button type="submit" { (t!("clients-save")) }
            }
        }
        section.card #contacts {
            h2 { (t!("profile-contacts")) }
            @match &contacts {
                Err(r) => (view::errors(r)),
                Ok(contacts) if contacts.is_empty() => p.muted { (t!("profile-no-further-contacts-yet")) },
                Ok(contacts) => table {
                    thead { tr { th scope="col" { (t!("home-e-mail")) } th scope="col" { (t!("partners-phone")) } th scope="col" { (t!("partners-address")) } th scope="col" { (t!("status-active")) } th scope="col" { span.sr-only { (t!("misp-actions")) } } } }
                    tbody {
                        @for c in contacts {
                            tr {
                                td { (c.email_id.as_deref().unwrap_or("")) }
                                td { (c.contact_no.as_deref().unwrap_or("")) }
                                td { (c.address.as_deref().unwrap_or("")) }
                                td { (badge(if c.is_active { "Active" } else { "Inactive" })) }
                                td { @if let Some(email) = &c.email_id {
                                    a.button.small.secondary href=(format!("/portal/profile?contact={}#contact-form", view::q(email))) { (t!("profile-edit-contact")) span.sr-only { " " (email) } }
                                } }
                            }
                        }
                    }
                },
            }
            h3 { (t!("profile-add-or-update-a-contact")) }
            @if let Some(r) = contact_refusal { (view::errors(r)) }
            form #contact-form method="post" action="/portal/profile/contact" {
                (view::csrf(&ctx))
                (Field::new("emailId", &t!("home-e-mail"), &contact("emailId")).id("c-emailId").kind("email").required().render(contact_refusal))
                (Field::new("contactNumber", &t!("signup-contact-number"), &contact("contactNumber")).id("c-contactNumber").kind("tel").required().render(contact_refusal))
                (Field::new("address", &t!("partners-address"), &contact("address")).id("c-address").required().render(contact_refusal))
                div.field.check {
                    input #c-isActive type="checkbox" name="isActive" checked[contact_active];
                    label for="c-isActive" { (t!("status-active")) }
                }
                button type="submit" { (t!("profile-save-contact")) }
            }
        }
    };
    let status = profile_refusal.or(contact_refusal);
    view::form_page(ctx, &t!("nav-profile"), status, contacts.as_ref().err(), body)
}

pub async fn update_profile(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, signed_in(&req), &body));
    let result: api::Answer<_> = async {
        me.require_any(roles::PARTNER_SELF)?;
        let request = UpdateBody {
            address: Some(form.get("address").to_owned()),
            contact_number: Some(form.get("contactNumber").to_owned()),
            ..UpdateBody::default()
        };
        let me = me.clone();
        api::call_with(&req, move |store, cfg| details::update(store, &me, cfg, &me.user_id, request, ApiVersion::V1))
            .await
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with("/portal/profile", Flash::Success(t!("profile-your-details-are-saved"))),
        Err(r) => render_profile(&req, ctx, &me, &form, Some(&r), (None, None)).await,
    }
}

pub async fn add_contact(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, signed_in(&req), &body));
    let result: api::Answer<_> = async {
        me.require_any(roles::PARTNER_SELF)?;
        let request = ContactBody {
            email_id: Some(form.get("emailId").trim().to_owned()),
            contact_number: Some(form.get("contactNumber").trim().to_owned()),
            address: Some(form.get("address").trim().to_owned()),
            is_active: Some(form.checked("isActive")),
        };
        let me = me.clone();
        api::call_with(&req, move |store, cfg| details::contact(store, &me, cfg, &me.user_id, request)).await
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with("/portal/profile", Flash::Success(t!("profile-the-contact-is-saved"))),
        Err(r) => render_profile(&req, ctx, &me, &form, None, (Some(&r), None)).await,
    }
}
