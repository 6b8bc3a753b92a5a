//! The e-mails MOSIP sends when a partner or its API key changes (`PARTNER_REGISTRED`,
//! `PARTNER_UPDATED`, `APIKEY_STATUS_UPDATED`), queued in the change's transaction.

use app_core::{AppError, Tx};
use partner_domain::PartnerId;
use partner_domain::partner::NewPartner;
use persistence::repo::partner::{self, PartnerRow};

use super::{Outgoing, queue};

/// Queues `template` to the partner `id` (nothing when it has no e-mail address), with its id
/// and name and `extra` values.
fn to_partner(tx: &mut Tx<'_>, id: &str, template: &'static str, extra: &[(&str, &str)]) -> Result<(), AppError> {
    let Some(p): Option<PartnerRow> = partner::find(tx.conn, &PartnerId::from(id))? else { return Ok(()) };
    let mut vars = vec![("partnerId", p.id.as_str()), ("partnerName", p.name.as_str())];
    vars.extend_from_slice(extra);
    to_address(tx, p.email_id.as_deref(), p.lang_code.as_deref(), template, &vars)
}

/// Queues `template` to `email` (nothing without one) in `lang` with `vars`.
fn to_address(
    tx: &mut Tx<'_>,
    email: Option<&str>,
    lang: Option<&str>,
    template: &'static str,
    vars: &[(&str, &str)],
) -> Result<(), AppError> {
    if let Some(mail) = Outgoing::new(email, template, lang, vars) {
        let now = tx.now;
        queue(tx, mail, now)?;
    }
    Ok(())
}

/// A partner registered (self-service sign-up completed).
pub fn partner_registered(tx: &mut Tx<'_>, partner_id: &str) -> Result<(), AppError> {
    to_partner(tx, partner_id, "partner_registered", &[])
}

/// A partner registered by `POST /partners`, told from the row just written rather than read
/// back.
pub fn new_partner_registered(tx: &mut Tx<'_>, new: &NewPartner) -> Result<(), AppError> {
    let vars = [("partnerId", new.id.as_str()), ("partnerName", new.name.as_str())];
    to_address(tx, Some(&new.email_id), new.lang_code.as_deref(), "partner_registered", &vars)
}

/// A partner switched on (`ACTIVE`) or off (`DEACTIVE`).
pub fn partner_status(tx: &mut Tx<'_>, partner_id: &str, active: bool) -> Result<(), AppError> {
    to_partner(tx, partner_id, "partner_status", &[("status", if active { "ACTIVE" } else { "DEACTIVE" })])
}

/// An API key of the partner switched on or off.
pub fn apikey_status(
    tx: &mut Tx<'_>,
    partner_id: &str,
    label: &str,
    policy_id: &str,
    active: bool,
) -> Result<(), AppError> {
    let status = if active { "ACTIVE" } else { "DEACTIVE" };
    to_partner(tx, partner_id, "apikey_status", &[("apiKeyName", label), ("policyId", policy_id), ("status", status)])
}
