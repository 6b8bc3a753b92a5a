//! P4 `GET /partners/{id}`, P5/P6 `PUT /partners[/v2]/{id}`, P7 contacts, P8 policy group.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::partner::{
    ContactForm, UpdateForm, check_contact, check_group_change, check_new_contact, check_update, status_label,
    usable_group,
};
use persistence::repo::{partner as repo, partner_policy};
use serde::{Deserialize, Serialize};
use web_support::{ApiError, Db, Principal, RequestEnvelope, time};

use super::{Failure, Family, PartnerConfig, echoed, invalid, new_id, plain, retrieved};
use crate::roles;

/// `RetrievePartnerDetailsResponse`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PartnerDetails {
    #[serde(rename = "partnerID")]
    partner_id: String,
    status: &'static str,
    organization_name: String,
    contact_number: Option<String>,
    email_id: Option<String>,
    address: Option<String>,
    partner_type: String,
    policy_group: Option<String>,
    is_active: bool,
}

/// P4: a partner (self or admin).
pub async fn get(principal: Principal, db: web::Data<Db>, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_READ)?;
    let partner_id = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let op = db.op(&principal).call(AuditEvent::GetPartner, Some(&partner_id));
    let details = db
        .audited_read(op, move |conn, trail| {
            let p = repo::find(conn, &partner_id)?
                .ok_or_else(|| Failure::from(PartnerError::PartnerMissing).audited(Family::Read, Some(&partner_id)))?;
            let policy_group = match &p.policy_group_id {
                None => None,
                Some(g) => Some(
                    partner_policy::group_by_id(conn, g)?
                        .ok_or_else(|| {
                            Failure::from(PartnerError::PolicyGroupMissing).audited(Family::Read, Some(&partner_id))
                        })?
                        .name,
                ),
            };
            trail.push(AuditEvent::GetPartnerSuccess, Some(&partner_id));
            Ok(PartnerDetails {
                partner_id: p.id,
                status: status_label(p.is_active),
                organization_name: p.name,
                contact_number: p.contact_no,
                email_id: p.email_id,
                address: p.address,
                partner_type: p.partner_type_code,
                policy_group,
                is_active: p.is_active,
            })
        })
        .await?;
    Ok(retrieved(details))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateBody {
    address: Option<String>,
    contact_number: Option<String>,
    logo_url: Option<String>,
    additional_info: Option<serde_json::Value>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PartnerResponse {
    partner_id: String,
    status: String,
}

/// P5: address and contact number (logo and additional information stay as they are).
pub async fn update_v1(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<UpdateBody>>,
) -> Result<HttpResponse, ApiError> {
    update(principal, db, cfg, path.into_inner(), body.into_inner(), false).await
}

/// P6: also logo and additional information, when the request carries them.
pub async fn update_v2(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<UpdateBody>>,
) -> Result<HttpResponse, ApiError> {
    update(principal, db, cfg, path.into_inner(), body.into_inner(), true).await
}

async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    partner_id: String,
    envelope: RequestEnvelope<UpdateBody>,
    v2: bool,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_SELF)?;
    principal.require_self_or_admin(&partner_id)?;
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let form = UpdateForm {
        address: body.address,
        contact_number: body.contact_number,
        logo_url: if v2 { body.logo_url } else { None },
        additional_info: if v2 { body.additional_info.filter(|v| !v.is_null()) } else { None },
    };
    let op = db
        .op(&principal)
        .call(AuditEvent::UpsertContact, Some(&partner_id))
        .on_failure(AuditEvent::InvalidEmailOnUpdate, Some(&partner_id));
    let user = principal.user_id.clone();
    let answer = db
        .audited(op, move |conn, trail| {
            let update = form.validate().map_err(invalid)?;
            let fail = |e: Failure| e.audited(Family::Update, Some(&partner_id));
            check_update(&update, &cfg.rules).map_err(|e| fail(e.into()))?;
            let p = repo::find(conn, &partner_id)?.ok_or_else(|| fail(PartnerError::PartnerMissing.into()))?;
            repo::update_details(conn, &partner_id, &update, &user, time::now())?;
            trail.push(AuditEvent::ContactUpserted, Some(&partner_id));
            Ok(PartnerResponse { partner_id: p.id, status: p.approval_status })
        })
        .await?;
    Ok(echoed(answer, id, version))
}

/// `AddContactRequestDto` (`is_Active` is literal).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactBody {
    address: Option<String>,
    contact_number: Option<String>,
    email_id: Option<String>,
    #[serde(rename = "is_Active")]
    is_active: Option<bool>,
}

/// P7: adds a contact, or updates the partner's contact with that e-mail.
pub async fn contact(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<ContactBody>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_SELF)?;
    let partner_id = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let form = ContactForm {
        address: body.address,
        contact_number: body.contact_number,
        email_id: body.email_id,
        is_active: body.is_active,
    };
    let op = db
        .op(&principal)
        .call(AuditEvent::UpsertContact, Some(&partner_id))
        .on_failure(AuditEvent::InvalidEmailOnUpdate, Some(&partner_id));
    let user = principal.user_id.clone();
    let message = db
        .audited(op, move |conn, trail| {
            let contact = form.validate().map_err(invalid)?;
            let fail = |e: Failure| e.audited(Family::Update, Some(&partner_id));
            check_contact(&contact, &cfg.rules).map_err(|e| fail(e.into()))?;
            let now = time::now();
            let message = match repo::find_contact(conn, &partner_id, &contact.email_id)? {
                Some(existing) => {
                    repo::update_contact(conn, &existing.id, &contact, &user, now)?;
                    "Contacts details updated successfully."
                }
                None => {
                    let active = repo::find(conn, &partner_id)?.map(|p| p.is_active);
                    check_new_contact(active).map_err(|e| fail(e.into()))?;
                    match repo::insert_contact(conn, &new_id(), &partner_id, &contact, &user, now) {
                        Ok(_) => {}
                        Err(e) if persistence::is_unique_violation(&e) => {
                            return Err(ApiError::invalid_field(
                                "request.contactNumber",
                                "is already used by another contact of this partner",
                            ));
                        }
                        Err(e) => return Err(e.into()),
                    }
                    "Contacts details added successfully."
                }
            };
            trail.push(AuditEvent::ContactUpserted, Some(&partner_id));
            Ok(message)
        })
        .await?;
    Ok(echoed(message, id, version))
}

/// P8: moves a partner that is not active yet to another policy group.
pub async fn policy_group(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::POLICY_GROUP_MAPPING)?;
    let (partner_id, group_name) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let op = db
        .op(&principal)
        .call(AuditEvent::CreatePolicyMapping, Some(&partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&partner_id));
    let user = principal.user_id.clone();
    db.audited(op, move |conn, trail| {
        let fail = |e: Failure| e.audited(Family::Mapping, Some(&partner_id));
        let p = repo::find(conn, &partner_id)?.ok_or_else(|| fail(PartnerError::PartnerMissing.into()))?;
        let partner_type = repo::find_type(conn, &p.partner_type_code)?;
        check_group_change(p.is_active, partner_type.as_ref()).map_err(|e| fail(e.into()))?;
        let group = usable_group(partner_policy::group_by_name(conn, &group_name)?).map_err(|e| fail(e.into()))?;
        if repo::set_policy_group(conn, &partner_id, &group.id, &user, time::now())? == 0 {
            // activated meanwhile
            return Err(fail(PartnerError::GroupChangeForActivePartner.into()));
        }
        trail.push(AuditEvent::PolicyMappingCreated, Some(&partner_id));
        Ok(())
    })
    .await?;
    Ok(plain("Success"))
}
