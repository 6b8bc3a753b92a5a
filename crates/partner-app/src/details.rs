//! P4 a partner's details, P5/P6 update them, P7 contacts, P8 move to another policy group.

use app_core::{Actor, AppError, AuditPlan, Store};
use audit_events::AuditEvent;
use partner_domain::partner::{
    ContactForm, UpdateForm, check_contact, check_group_change, check_new_contact, check_update, status_label,
    usable_group,
};
use partner_domain::{PartnerError, PartnerId};
use persistence::repo::partner::ContactRow;
use persistence::repo::{partner as repo, partner_policy};
use policy_domain::PolicyGroupId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::PartnerConfig;
use crate::dto::{ApiVersion, PartnerResponse};
use crate::failure::{Family, invalid, mapping_plan, refuser};

/// `RetrievePartnerDetailsResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = RetrievePartnerDetailsResponse)]
pub struct PartnerDetails {
    #[serde(rename = "partnerID")]
    #[schema(example = "Tech-123")]
    pub partner_id: String,
    /// `active` or `De-active`.
    #[schema(example = "active")]
    pub status: &'static str,
    #[schema(example = "Techno")]
    pub organization_name: String,
    #[schema(example = "8553967572")]
    pub contact_number: Option<String>,
    #[schema(example = "mosip@gmail.com")]
    pub email_id: Option<String>,
    #[schema(example = "Bangalore")]
    pub address: Option<String>,
    #[schema(example = "Auth_Partner")]
    pub partner_type: String,
    /// The policy group's name.
    #[schema(example = "mosip policy group")]
    pub policy_group: Option<String>,
    pub is_active: bool,
}

/// P4: a partner, active or not.
pub fn get(store: &Store, actor: &Actor, partner_id: &str) -> Result<PartnerDetails, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPartner, Some(partner_id));
    store.audited_read(plan, |tx| {
        let fail = refuser(Family::Read, Some(partner_id));
        let p = repo::find(tx.conn, &PartnerId::from(partner_id))?.ok_or_else(|| fail(PartnerError::PartnerMissing))?;
        let policy_group = match &p.policy_group_id {
            None => None,
            Some(g) => Some(
                partner_policy::group_by_id(tx.conn, &PolicyGroupId::from(g))?
                    .ok_or_else(|| fail(PartnerError::PolicyGroupMissing))?
                    .name,
            ),
        };
        tx.trail.push(AuditEvent::GetPartnerSuccess, Some(partner_id));
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
}

/// `PartnerUpdateRequest`; v2 adds `logoUrl` and `additionalInfo`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerUpdateRequest)]
pub struct UpdateBody {
    #[schema(required = true, max_length = 2000, example = "Bangalore")]
    pub address: Option<String>,
    /// At most `partner.mobile_number_max_length` characters (16 by default).
    #[schema(required = true, max_length = 16, example = "8553967572")]
    pub contact_number: Option<String>,
    /// `/partners/v2/{partnerId}` only; absent or `null` keeps the stored logo.
    #[schema(max_length = 256, example = "https://example.org/logo.png")]
    pub logo_url: Option<String>,
    /// `/partners/v2/{partnerId}` only: any JSON value; absent or `null` keeps the stored one.
    pub additional_info: Option<serde_json::Value>,
}

/// P5/P6: address and contact number, and (v2) logo and additional information when given.
pub fn update(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    partner_id: &str,
    req: UpdateBody,
    version: ApiVersion,
) -> Result<PartnerResponse, AppError> {
    let v2 = version == ApiVersion::V2;
    let form = UpdateForm {
        address: req.address,
        contact_number: req.contact_number,
        logo_url: if v2 { req.logo_url } else { None },
        additional_info: if v2 { req.additional_info.filter(|v| !v.is_null()) } else { None },
    };
    let plan = update_plan(store, actor, partner_id);
    store.audited(plan, |tx| {
        let update = form.validate().map_err(invalid)?;
        let fail = refuser(Family::Update, Some(partner_id));
        check_update(&update, &cfg.rules).map_err(&fail)?;
        let owner = PartnerId::from(partner_id);
        let p = repo::find(tx.conn, &owner)?.ok_or_else(|| fail(PartnerError::PartnerMissing))?;
        repo::update_details(tx.conn, &owner, &update, &actor.user_id, tx.now)?;
        tx.trail.push(AuditEvent::ContactUpserted, Some(partner_id));
        Ok(PartnerResponse { partner_id: p.id, status: p.approval_status })
    })
}

/// `AddContactRequestDto` (`is_Active` is literal).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = AddContactRequestDto)]
pub struct ContactBody {
    #[schema(required = true, max_length = 2000, example = "Bangalore")]
    pub address: Option<String>,
    /// Unique among the partner's contacts; at most `partner.mobile_number_max_length` characters.
    #[schema(required = true, example = "9903255448")]
    pub contact_number: Option<String>,
    /// The contact's key: a contact with this e-mail is updated, else one is added.
    #[schema(required = true, max_length = 254, example = "print@email.com")]
    pub email_id: Option<String>,
    #[serde(rename = "is_Active")]
    #[schema(required = true, example = true)]
    pub is_active: Option<bool>,
}

/// P7: updates the partner's contact with that e-mail, or adds one to the (active) partner.
/// Answers what was done, in words.
pub fn contact(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    partner_id: &str,
    req: ContactBody,
) -> Result<&'static str, AppError> {
    let form = ContactForm {
        address: req.address,
        contact_number: req.contact_number,
        email_id: req.email_id,
        is_active: req.is_active,
    };
    let plan = update_plan(store, actor, partner_id);
    store.audited(plan, |tx| {
        let contact = form.validate().map_err(invalid)?;
        let fail = refuser(Family::Update, Some(partner_id));
        check_contact(&contact, &cfg.rules).map_err(&fail)?;
        let owner = PartnerId::from(partner_id);
        let message = match repo::find_contact(tx.conn, &owner, &contact.email_id)? {
            Some(existing) => {
                repo::update_contact(tx.conn, &existing.id, &contact, &actor.user_id, tx.now)?;
                "Contacts details updated successfully."
            }
            None => {
                let active = repo::find(tx.conn, &owner)?.map(|p| p.is_active);
                check_new_contact(active).map_err(&fail)?;
                let id = tx.new_id();
                match repo::insert_contact(tx.conn, &id, &owner, &contact, &actor.user_id, tx.now) {
                    Ok(_) => {}
                    Err(e) if persistence::is_unique_violation(&e) => {
                        return Err(AppError::invalid_field(
                            "request.contactNumber",
                            "is already used by another contact of this partner",
                        ));
                    }
                    Err(e) => return Err(e.into()),
                }
                "Contacts details added successfully."
            }
        };
        tx.trail.push(AuditEvent::ContactUpserted, Some(partner_id));
        Ok(message)
    })
}

/// The partner's contacts (the portal's profile page; MOSIP has no such read). The partner's
/// own, or an admin.
pub fn contacts(store: &Store, actor: &Actor, partner_id: &str) -> Result<Vec<ContactRow>, AppError> {
    if !actor.is_self_or_admin(partner_id) {
        return Err(AppError::forbidden());
    }
    store.read(|tx| Ok(repo::contacts_of(tx.conn, &PartnerId::from(partner_id))?))
}

/// P8: moves a partner that is not active yet, of a type that needs a policy, to another
/// (active) policy group. Answers `Success`.
pub fn policy_group(
    store: &Store,
    actor: &Actor,
    partner_id: &str,
    group_name: &str,
) -> Result<&'static str, AppError> {
    let plan = mapping_plan(store, actor, partner_id);
    store.audited(plan, |tx| {
        let fail = refuser(Family::Mapping, Some(partner_id));
        let owner = PartnerId::from(partner_id);
        let p = repo::find(tx.conn, &owner)?.ok_or_else(|| fail(PartnerError::PartnerMissing))?;
        let partner_type = repo::find_type(tx.conn, &p.partner_type_code)?;
        check_group_change(p.is_active, partner_type.as_ref()).map_err(&fail)?;
        let group = usable_group(partner_policy::group_by_name(tx.conn, group_name)?).map_err(&fail)?;
        if repo::set_policy_group(tx.conn, &owner, &PolicyGroupId::from(&group.id), &actor.user_id, tx.now)? == 0 {
            // activated meanwhile
            return Err(fail(PartnerError::GroupChangeForActivePartner));
        }
        tx.trail.push(AuditEvent::PolicyMappingCreated, Some(partner_id));
        Ok("Success")
    })
}

/// The audit records of P6 and P7, which update the partner `partner_id` or its contacts.
fn update_plan(store: &Store, actor: &Actor, partner_id: &str) -> AuditPlan {
    store
        .plan(actor)
        .call(AuditEvent::UpsertContact, Some(partner_id))
        .on_failure(AuditEvent::InvalidEmailOnUpdate, Some(partner_id))
}

#[cfg(test)]
mod tests;
