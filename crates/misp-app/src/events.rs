//! What the MISP operations publish: MOSIP 1.2's licence events (`MISP_LICENSE_GENERATED`,
//! `MISP_LICENSE_UPDATED`) and MOSIP 1.1's `MISP_UPDATED`; and the republication of every usable
//! MOSIP 1.2 licence.

use std::collections::HashSet;

use app_core::events::policy_data;
use app_core::{AppError, Store, Tx};
use misp_domain::{License, MispId};
use persistence::repo::{misp as misps, misp_license as keys, policy as policies};
use policy_domain::PolicyId;
use websub_events::{Event, MispLicenseData, Source};

use crate::config::at_store_precision;

fn license_data(license: &License) -> MispLicenseData {
    MispLicenseData {
        misp_id: license.misp_id.clone(),
        license_key: license.key.clone(),
        commence_on: license.valid_from,
        expires_on: license.valid_to,
        active: license.is_active,
    }
}

/// Publishes `MISP_LICENSE_GENERATED` (`generated`) or `MISP_LICENSE_UPDATED` for a MOSIP 1.2
/// licence; with `with_policy`, also the approved policy the key carries.
pub(crate) fn publish_license(
    tx: &mut Tx<'_>,
    generated: bool,
    license: &License,
    with_policy: bool,
) -> Result<(), AppError> {
    let policy = match (&license.policy_id, with_policy) {
        (Some(id), true) => policies::find_policy(tx.conn, &PolicyId::from(id))?,
        _ => None,
    };
    let data = policy.as_ref().map(policy_data);
    tx.publish(Event::misp_license(generated, Source::InfraProviderServiceImpl, &license_data(license), data.as_ref()));
    Ok(())
}

/// Publishes `MISP_UPDATED` for every key of `holder_id` switched on or off since `before`.
pub(crate) fn publish_switched(tx: &mut Tx<'_>, holder_id: &MispId, before: &[License]) -> Result<(), AppError> {
    for key in keys::of_holder(tx.conn, holder_id)? {
        if before.iter().any(|old| old.key == key.key && old.is_active != key.is_active) {
            tx.publish(Event::misp_updated(&key.key));
        }
    }
    Ok(())
}

/// Publishes `MISP_LICENSE_GENERATED` for every active, unexpired MOSIP 1.2 licence (one of a
/// MISP partner, not of a MOSIP 1.1 MISP), with its policy; answers how many.
pub fn republish(store: &Store) -> Result<usize, AppError> {
    store.write(|tx| {
        let now = at_store_precision(tx.now);
        let old_misps: HashSet<String> = misps::list(tx.conn, None)?.into_iter().map(|m| m.id).collect();
        let usable: Vec<License> = keys::all(tx.conn, None)?
            .into_iter()
            .filter(|k| k.is_usable_at(now) && !old_misps.contains(&k.misp_id))
            .collect();
        for license in &usable {
            publish_license(tx, true, license, true)?;
        }
        Ok(usable.len())
    })
}
