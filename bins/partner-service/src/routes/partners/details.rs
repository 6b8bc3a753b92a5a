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
use utoipa::ToSchema;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, time};

use super::{Failure, Family, PartnerConfig, PartnerResponse, echoed, invalid, new_id, plain, retrieved};
use crate::roles;

/// `RetrievePartnerDetailsResponse`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = RetrievePartnerDetailsResponse)]
struct PartnerDetails {
    #[serde(rename = "partnerID")]
    #[schema(example = "Tech-123")]
    partner_id: String,
    /// `active` or `De-active`.
    #[schema(example = "active")]
    status: &'static str,
    #[schema(example = "Techno")]
    organization_name: String,
    #[schema(example = "8553967572")]
    contact_number: Option<String>,
    #[schema(example = "mosip@gmail.com")]
    email_id: Option<String>,
    #[schema(example = "Bangalore")]
    address: Option<String>,
    #[schema(example = "Auth_Partner")]
    partner_type: String,
    /// The policy group's name.
    #[schema(example = "mosip policy group")]
    policy_group: Option<String>,
    is_active: bool,
}

/// P4: a partner (self or admin).
#[utoipa::path(
    get,
    path = "/partners/{partnerId}",
    operation_id = "retrievePartnerDetails",
    tag = "Partners",
    summary = "P4: a partner's details",
    description = "Active or not. Roles: `PARTNER`, `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, \
`PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, `ABIS_PARTNER`, \
`MANUAL_ADJUDICATION`, `MISP_PARTNER`, `RESIDENT`, `SDK_PARTNER`; without `PARTNER_ADMIN`, the \
caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_005` no such partner; `PMS_PRT_002` the partner's policy group is gone.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    responses((status = 200, description = "The partner (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<PartnerDetails>))
)]
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

/// `PartnerUpdateRequest`; v2 adds `logoUrl` and `additionalInfo`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerUpdateRequest)]
pub struct UpdateBody {
    #[schema(required = true, max_length = 2000, example = "Bangalore")]
    address: Option<String>,
    /// At most `partner.mobile_number_max_length` characters (16 by default).
    #[schema(required = true, max_length = 16, example = "8553967572")]
    contact_number: Option<String>,
    /// `/partners/v2/{partnerId}` only; absent or `null` keeps the stored logo.
    #[schema(max_length = 256, example = "https://example.org/logo.png")]
    logo_url: Option<String>,
    /// `/partners/v2/{partnerId}` only: any JSON value; absent or `null` keeps the stored one.
    additional_info: Option<serde_json::Value>,
}

/// P5: address and contact number (logo and additional information stay as they are).
#[utoipa::path(
    put,
    path = "/partners/{partnerId}",
    operation_id = "updatePartnerDetails",
    tag = "Partners",
    summary = "P5: update a partner's address and contact number",
    description = "Name, e-mail, type and policy group do not change here; `logoUrl` and \
`additionalInfo` are ignored (use `/partners/v2/{partnerId}`). Roles: `PARTNER`, `AUTH_PARTNER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `ABIS_PARTNER`, `MANUAL_ADJUDICATION`, `MISP_PARTNER`; without `PARTNER_ADMIN`, \
the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `address` / `contactNumber` missing, blank \
or too long (each failing field listed); `PMS_PRT_013` `contactNumber` longer than \
`partner.mobile_number_max_length`; `PMS_PRT_005` no such partner.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<UpdateBody>,
        example = json!({"id": "mosip.partnermanagement.partners.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"address": "Bangalore", "contactNumber": "8553967572"}})
    ),
    responses((status = 200, description = "The partner and its approval status (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<PartnerResponse>))
)]
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
#[utoipa::path(
    put,
    path = "/partners/v2/{partnerId}",
    operation_id = "updatePartnerDetailsV2",
    tag = "Partners",
    summary = "P6: update a partner's address, contact number, logo and additional information",
    description = "As P5, and `logoUrl` and `additionalInfo` when the request carries them. (Not \
in MOSIP's published OpenAPI document; MOSIP 1.2 serves it.) Roles: as P5; without \
`PARTNER_ADMIN`, the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `address` / `contactNumber` missing, blank \
or too long, or `logoUrl` over 256 characters (each failing field listed); `PMS_PRT_013` \
`contactNumber` longer than `partner.mobile_number_max_length`; `PMS_PRT_005` no such partner.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<UpdateBody>,
        example = json!({"id": "mosip.partnermanagement.partners.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"address": "Bangalore", "contactNumber": "8553967572",
                "logoUrl": "https://example.org/logo.png", "additionalInfo": {"website": "https://example.org"}}})
    ),
    responses((status = 200, description = "The partner and its approval status (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<PartnerResponse>))
)]
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
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = AddContactRequestDto)]
pub struct ContactBody {
    #[schema(required = true, max_length = 2000, example = "Bangalore")]
    address: Option<String>,
    /// Unique among the partner's contacts; at most `partner.mobile_number_max_length` characters.
    #[schema(required = true, example = "9903255448")]
    contact_number: Option<String>,
    /// The contact's key: a contact with this e-mail is updated, else one is added.
    #[schema(required = true, max_length = 254, example = "print@email.com")]
    email_id: Option<String>,
    #[serde(rename = "is_Active")]
    #[schema(required = true, example = true)]
    is_active: Option<bool>,
}

/// P7: adds a contact, or updates the partner's contact with that e-mail.
#[utoipa::path(
    post,
    path = "/partners/{partnerId}/contact/add",
    operation_id = "addContact",
    tag = "Partners",
    summary = "P7: add or update a partner's contact",
    description = "Keyed by `emailId`: an existing contact of the partner is updated (\
`Contacts details updated successfully.`), else a contact is added to the partner, which must be \
active (`Contacts details added successfully.`). Roles: `PARTNER`, `AUTH_PARTNER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `ABIS_PARTNER`, `MANUAL_ADJUDICATION`, `MISP_PARTNER`; without `PARTNER_ADMIN`, \
the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, a field missing, blank or too long (each \
failing field listed), or `contactNumber` used by another contact of the partner; `PMS_PRT_012` \
invalid `emailId`; `PMS_PRT_013` `contactNumber` too long; `PMS_PRT_005` no such partner; \
`PMS_PMP_016` the partner is not active.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<ContactBody>,
        example = json!({"id": "mosip.partnermanagement.partners.contact.add", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"address": "Bangalore", "contactNumber": "9903255448", "emailId": "print@email.com",
                "is_Active": true}})
    ),
    responses((status = 200, description = "What was done, in words (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": "mosip.partnermanagement.partners.contact.add",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Contacts details added successfully.", "errors": []})))
)]
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
#[utoipa::path(
    put,
    path = "/partners/{partnerId}/policygroup/{policygroupName}",
    operation_id = "updatePartnerPolicyGroup",
    tag = "Partners",
    summary = "P8: move a partner to another policy group",
    description = "Only while the partner is not active, and only for partner types that need a \
policy. (MOSIP's partner-manager document names this operation `updatePolicyGroup`, which this \
service's document gives the policy manager's PL2.) No body. Roles: `PARTNER`, `PMS_USER`, \
`AUTH_PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`; without \
`PARTNER_ADMIN`, the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_005` no such partner; `PMS_PRT_050` the partner is active; \
`PMS_PRT_010` the partner's type is gone; `PMS_PRT_048` the partner's type needs no policy group; \
`PMS_PRT_002` no such policy group; `PMS_PMP_023` the policy group is not active.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("policygroupName" = String, Path, description = "The new policy group's name", example = "mosip policy group"),
    ),
    responses((status = 200, description = "`Success`, or the errors", body = ResponseEnvelope<String>,
        example = json!({"id": null, "version": null, "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Success", "errors": []})))
)]
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
