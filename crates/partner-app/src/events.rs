//! The events the partner operations publish to ID-Authentication, and [`republish`]: the events
//! that describe the current partners and API keys, written again.

use app_core::events::policy_data;
use app_core::{AppError, Store, Tx};
use chrono::NaiveDateTime;
use misp_domain::MispId;
use partner_domain::PartnerId;
use persistence::DbConnection;
use persistence::repo::api_key::ApiKeyRow;
use persistence::repo::partner::PartnerRow;
use persistence::repo::{certificate, misp_license, partner, policy, republish as repo};
use policy_domain::PolicyId;
use websub_events::{ApiKeyData, Event, MispLicenseData, PartnerData, Source};

/// `partnerData` of a stored partner, with its re-signed certificate when it uploaded one.
pub(crate) fn partner_data(conn: &mut DbConnection, p: &PartnerRow) -> Result<PartnerData, AppError> {
    let certificate = match p.certificate_alias.as_deref().filter(|a| !a.trim().is_empty()) {
        Some(alias) => certificate::partner_certificate(conn, alias)?.map(|row| row.signed_cert_data),
        None => None,
    };
    Ok(PartnerData { partner_id: p.id.clone(), partner_name: p.name.clone(), certificate, active: p.is_active })
}

/// `apiKeyData` of a stored key. Keys made here always end; one without an end date is
/// reported as never ending.
pub(crate) fn key_data(key: &ApiKeyRow) -> ApiKeyData {
    ApiKeyData {
        api_key: key.policy_api_key.clone(),
        commence_on: key.valid_from_datetime,
        expires_on: key.valid_to_datetime.unwrap_or(NaiveDateTime::MAX),
        active: key.is_active,
    }
}

/// `APIKEY_APPROVED` of a stored key and its partner; `None` when its policy is gone.
pub(crate) fn key_approved(
    conn: &mut DbConnection,
    partner: &PartnerData,
    key: &ApiKeyRow,
) -> Result<Option<Event>, AppError> {
    let policy = policy::find_policy(conn, &PolicyId::from(&key.policy_id))?;
    Ok(policy.map(|p| Event::apikey_approved(partner, &policy_data(&p), &key_data(key))))
}

/// `PARTNER_UPDATED` after a partner's activation changed.
pub(crate) fn publish_partner(tx: &mut Tx<'_>, id: &PartnerId) -> Result<(), AppError> {
    if let Some(p) = partner::find(tx.conn, id)? {
        let data = partner_data(tx.conn, &p)?;
        tx.publish(Event::partner_updated(Source::PartnerManagementServiceImpl, &data));
    }
    Ok(())
}

/// Switches off the active licence keys of a MISP partner, with a `MISP_LICENSE_UPDATED` each.
pub(crate) fn switch_off_licenses(tx: &mut Tx<'_>, id: &PartnerId, by: &str) -> Result<(), AppError> {
    let active: Vec<_> =
        misp_license::of_holder(tx.conn, &MispId::from(id.as_str()))?.into_iter().filter(|l| l.is_active).collect();
    partner::deactivate_misp_licenses(tx.conn, id, by, tx.now)?;
    for license in active {
        let data = MispLicenseData {
            misp_id: license.misp_id,
            license_key: license.key,
            commence_on: license.valid_from,
            expires_on: license.valid_to,
            active: false,
        };
        tx.publish(Event::misp_license(false, Source::PartnerManagementServiceImpl, &data, None));
    }
    Ok(())
}

/// How many events [`republish`] wrote, per topic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RepublishCounts {
    /// `PARTNER_UPDATED`: active partners with an uploaded certificate.
    pub partners_updated: usize,
    /// `APIKEY_APPROVED`: active API keys (of a partner and a policy that exist).
    pub api_keys_approved: usize,
}

/// Publishes, in one transaction, `PARTNER_UPDATED` for every active partner with an uploaded
/// certificate and `APIKEY_APPROVED` for every active API key.
pub fn republish(store: &Store) -> Result<RepublishCounts, AppError> {
    store.write(|tx| {
        let mut counts = RepublishCounts::default();
        for p in partner::list(tx.conn, None)? {
            if p.is_active && p.certificate_alias.is_some() {
                let data = partner_data(tx.conn, &p)?;
                tx.publish(Event::partner_updated(Source::PartnerManagementServiceImpl, &data));
                counts.partners_updated += 1;
            }
        }
        for key in repo::active_api_keys(tx.conn)? {
            let Some(p) = partner::find(tx.conn, &PartnerId::from(&key.part_id))? else { continue };
            let data = partner_data(tx.conn, &p)?;
            if let Some(event) = key_approved(tx.conn, &data, &key)? {
                tx.publish(event);
                counts.api_keys_approved += 1;
            }
        }
        Ok(counts)
    })
}

#[cfg(test)]
mod tests;
