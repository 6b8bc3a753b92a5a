//! M1 activate or deactivate a partner, M2/M3 the partner lists other services read.

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::partner::{Activation, status_label};
use partner_domain::{PartnerError, PartnerId};
use persistence::repo::partner as repo;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::PartnerConfig;
use crate::collected::collected;
use crate::dto::{ApiVersion, Message, StatusBody};
use crate::events;
use crate::failure::{Family, refused, refuser};

/// M1: switches a partner on (it needs an uploaded certificate) or off; deactivating a MISP
/// partner also switches off its licence keys. Idempotent; the approval status does not change.
pub fn activation(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    partner_id: &str,
    req: StatusBody,
) -> Result<Message, AppError> {
    let status = req.status.filter(|s| !s.trim().is_empty());
    let plan = store
        .plan(actor)
        .call(AuditEvent::RegisterPartner, Some(partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(partner_id));
    store.audited(plan, |tx| {
        let status = status.ok_or_else(|| AppError::invalid_field("status", "value is empty or null"))?;
        let fail = refuser(Family::Mapping, Some(partner_id));
        let owner = PartnerId::from(partner_id);
        let p = repo::find(tx.conn, &owner)?.ok_or_else(|| fail(PartnerError::PartnerIdMissing))?;
        let change = Activation::parse(&status).map_err(&fail)?;
        if let Some(to) = change.apply(p.is_active, p.certificate_alias.is_some()).map_err(&fail)? {
            // 0 rows: a concurrent switch got there first, with the same outcome (and its events)
            let switched = repo::set_active(tx.conn, &owner, !to, to, &actor.user_id, tx.now)? == 1;
            if !to && p.partner_type_code.eq_ignore_ascii_case(&cfg.misp_partner_type) {
                events::switch_off_licenses(tx, &owner, &actor.user_id)?;
            }
            if switched {
                events::publish_partner(tx, &owner)?;
                crate::mail::notices::partner_status(tx, partner_id, to)?;
            }
        }
        tx.trail.push(AuditEvent::RegisterPartnerSuccess, Some(partner_id));
        Ok(Message { message: change.message() })
    })
}

/// The query of the partner lists.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// A partner type code, matched exactly (e.g. `Auth_Partner`); absent or blank: every type.
    #[param(example = "Auth_Partner")]
    pub partner_type: Option<String>,
}

/// `RetrievePartnersDetails` (v1) and `PartnerDetailsDto` (v2: adds `logoUrl` and
/// `additionalInfo`).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = RetrievePartnersDetails)]
pub struct ListedPartner {
    #[serde(rename = "partnerID")]
    #[schema(example = "Tech-123")]
    pub partner_id: String,
    /// `active` or `De-active`.
    #[schema(example = "active")]
    pub status: &'static str,
    #[schema(example = "Techno")]
    pub organization_name: String,
    pub contact_number: Option<String>,
    pub email_id: Option<String>,
    pub address: Option<String>,
    #[schema(example = "Auth_Partner")]
    pub partner_type: String,
    /// `/partners/v2` only (absent from `/partners`): the logo's URL, or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub logo_url: Option<Option<String>>,
    /// `/partners/v2` only (absent from `/partners`): the stored JSON, or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Value)]
    pub additional_info: Option<Option<serde_json::Value>>,
}

/// `RetrievePartnerDetailsResponse` of the partner lists.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = RetrievePartnersResponse)]
pub struct Partners {
    pub partners: Vec<ListedPartner>,
}

/// M2/M3: every partner, or those of one type (exact code). A caller without the admin role
/// sees its own partner only.
pub fn list(store: &Store, actor: &Actor, query: ListQuery, version: ApiVersion) -> Result<Partners, AppError> {
    let partners = collected(|each| each_listed_partner(store, actor, query, version, each))?;
    Ok(Partners { partners })
}

/// M2/M3 partner by partner, in answer order, as [`list`] lists them.
pub fn each_listed_partner(
    store: &Store,
    actor: &Actor,
    query: ListQuery,
    version: ApiVersion,
    mut each: impl FnMut(ListedPartner) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let v2 = version == ApiVersion::V2;
    let partner_type = query.partner_type.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    let own = (!actor.is_admin).then_some(actor.user_id.as_str());
    let plan = store.plan(actor).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::PartnerMissing, None);
    store.audited_read(plan, |tx| {
        let mut any = false;
        repo::each_partner(tx.conn, partner_type.as_deref(), |p| {
            if own.is_some_and(|me| p.id != me) {
                return Ok(());
            }
            any = true;
            each(listed(p, v2)?)
        })?;
        if !any {
            return Err(refused(Family::Read, PartnerError::NoPartners, None));
        }
        tx.trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok(())
    })
}

/// A partner as the lists show it (`additionalInfo` and `logoUrl` in `/partners/v2` only).
fn listed(p: repo::PartnerRow, v2: bool) -> Result<ListedPartner, AppError> {
    let additional_info = match (v2, &p.addl_info) {
        (false, _) => None,
        (true, None) => Some(None),
        (true, Some(text)) => Some(Some(
            serde_json::from_str(text)
                .map_err(|_| refused(Family::Read, PartnerError::StoredJsonInvalid, Some(&p.id)))?,
        )),
    };
    Ok(ListedPartner {
        partner_id: p.id,
        status: status_label(p.is_active),
        organization_name: p.name,
        contact_number: p.contact_no,
        email_id: p.email_id,
        address: p.address,
        partner_type: p.partner_type_code,
        logo_url: v2.then_some(p.logo_url),
        additional_info,
    })
}

/// The partner types' codes (the portal's filter).
pub fn partner_type_codes(store: &Store) -> Result<Vec<String>, AppError> {
    store.read(|tx| Ok(repo::partner_types(tx.conn)?.into_iter().map(|t| t.code).collect()))
}

#[cfg(test)]
mod tests;
