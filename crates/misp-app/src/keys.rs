//! E4 validate a licence key, E6 switch a key on or off, E10 download (rotating an expired key).

use app_core::time::jackson;
use app_core::{Actor, AppError, Store, Tx};
use audit_events::AuditEvent;
use misp_domain::license::KEY_MAX;
use misp_domain::{
    Answer, Holder, License, LicenseKey, MispError, MispId, Switch, Verdict, check_key, may_switch_key, plan_download,
    required_field,
};
use persistence::repo::{misp as misps, misp_license as keys};
use websub_events::Event;

use crate::config::{MispConfig, at_store_precision};
use crate::dto::{Download, KeyStatus, KeyStatusRequest, ValidateRequest, Validated};
use crate::metrics::{ValidationOutcome, record_validation};

/// True when `holder` is the caller's (its user, or — a MOSIP 1.2 partner — the caller itself).
fn owns(actor: &Actor, holder: &Holder) -> bool {
    holder.user_id == actor.user_id || holder.id == actor.user_id
}

/// A key insert that ran out of attempts.
pub(crate) fn no_key() -> AppError {
    AppError::internal("licence key generation: every attempt collided")
}

/// E4: the state of a key of `misp_id`, and the verdict behind it (counted by outcome). Only a switched-on, unexpired
/// key of an active, approved MISP is valid. Validators and admins may check any MISP's keys,
/// others only their own MISP's.
pub fn validate(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    misp_id: &str,
    req: ValidateRequest,
) -> Result<(Validated, Verdict), AppError> {
    let privileged = cfg.roles.is_admin(actor) || cfg.roles.is_validator(actor);
    let plan = store.plan(actor).call(AuditEvent::ValidateLicenseKey, None);
    let result = store.audited_read(plan, |tx| {
        let key = required_field("mispLicenseKey", req.misp_license_key.as_deref(), KEY_MAX)?;
        if !privileged {
            let holder = misps::find_holder(tx.conn, &MispId::from(misp_id), &cfg.partner_type)?;
            if !holder.is_some_and(|h| owns(actor, &h)) {
                return Err(AppError::forbidden());
            }
        }
        let (license, misp) = keys::find_with_misp(tx.conn, &LicenseKey::from(&key))?.ok_or_else(|| {
            AppError::from(MispError::KeyNotFound(key.clone())).audit(AuditEvent::LicenseKeyNotFound, None)
        })?;
        let holder = match misp {
            Some(m) => Some(Holder::from(&m)),
            None => misps::find_holder(tx.conn, &MispId::from(&license.misp_id), &cfg.partner_type)?,
        };
        tx.trail.push(AuditEvent::FetchLicenseKeyDetails, Some(&license.misp_id));
        let check = check_key(&license, holder.as_ref(), misp_id, at_store_precision(tx.now))?;
        tx.trail.push(AuditEvent::LicenseKeyState, Some(&license.misp_id));
        tx.trail.push(AuditEvent::ValidateLicenseKeySuccess, None);
        let answer = Validated {
            misp_id: license.misp_id.clone(),
            license_key: license.key.clone(),
            valid_from: jackson(license.valid_from),
            valid_to: jackson(license.valid_to),
            is_active: check.is_active,
            is_valid: check.is_valid,
            message: check.message(&license),
        };
        Ok((answer, check.verdict))
    });
    record_validation(ValidationOutcome::of(result.as_ref().map(|(_, verdict)| *verdict)));
    result
}

/// E6: switches one key of `misp_id` on or off (the caller is an admin). Switching on needs an
/// unexpired key of an active, approved MISP. Answers the state as sent.
pub fn switch(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    misp_id: &str,
    req: KeyStatusRequest,
) -> Result<KeyStatus, AppError> {
    let plan = store.plan(actor).call(AuditEvent::UpdateLicenseKeyStatus, None);
    store.audited(plan, |tx| {
        let key = required_field("mispLicenseKey", req.misp_license_key.as_deref(), KEY_MAX);
        let status = required_field("mispLicenseKeyStatus", req.misp_license_key_status.as_deref(), KEY_MAX);
        let (key, status) = match (key, status) {
            (Ok(k), Ok(s)) => (k, s),
            (Err(MispError::InvalidFields(mut a)), Err(MispError::InvalidFields(b))) => {
                a.extend(b);
                return Err(MispError::InvalidFields(a).into());
            }
            (Err(e), _) | (_, Err(e)) => return Err(e.into()),
        };
        let switch = Switch::parse(Some(&status), MispError::BadKeySwitch)
            .map_err(|e| AppError::from(e).audit(AuditEvent::LicenseKeyStatusInvalid, Some(misp_id)))?;
        let license_key = LicenseKey::from(&key);
        let license = keys::find_by_key(tx.conn, &license_key)?.ok_or_else(|| {
            AppError::from(MispError::KeyNotFound(key.clone())).audit(AuditEvent::LicenseKeyNotFound, None)
        })?;
        if license.misp_id != misp_id {
            return Err(MispError::KeyNotOfMisp { misp_id: misp_id.to_owned(), key }.into());
        }
        let now = at_store_precision(tx.now);
        let holder_id = MispId::from(misp_id);
        let holder = misps::find_holder(tx.conn, &holder_id, &cfg.partner_type)?;
        may_switch_key(&license, holder.as_ref(), switch, now)?;
        keys::set_state(tx.conn, &holder_id, &license_key, switch.is_on(), false, &actor.user_id, now)?;
        if license.is_active != switch.is_on() {
            tx.publish(Event::misp_updated(&key));
        }
        Ok(KeyStatus { misp_license_key_status: status })
    })
}

/// E10: the MISP's current key; when every active key has expired, they are switched off and one
/// new key is issued (a rotation). The MISP's owner or an admin only.
pub fn download(store: &Store, actor: &Actor, cfg: &MispConfig, misp_id: &str) -> Result<Download, AppError> {
    let plan = store.plan(actor);
    let license = store.audited(plan, |tx| {
        let id = MispId::from(misp_id);
        misps::lock_holder(tx.conn, &id)?;
        let misp = misps::find(tx.conn, &id)?.ok_or_else(|| MispError::MispNotFound(misp_id.to_owned()))?;
        cfg.roles.require_owner_or_admin(actor, &misp.user_id)?;
        misp.may_download()?;
        let current = current_key(tx, cfg, &id, None, &actor.user_id, MispError::NoKeys)?;
        if current.changed() {
            tx.trail.push(AuditEvent::UpdateMispLicenseStatus, Some(misp_id));
        }
        Ok(current.license)
    })?;
    Ok(Download::from(&license))
}

/// A holder's current key, and what finding it changed.
pub(crate) struct CurrentKey {
    pub license: License,
    /// Expired active keys were switched off.
    pub retired: bool,
    /// `license` is a new key.
    pub issued: bool,
}

impl CurrentKey {
    pub fn changed(&self) -> bool {
        self.retired || self.issued
    }
}

/// The current key of `holder_id` after retiring its expired active keys, issuing one new key
/// (with `policy_id`) when none is left; `no_keys` when it has no key at all. The caller holds the
/// holder's lock.
pub(crate) fn current_key(
    tx: &mut Tx<'_>,
    cfg: &MispConfig,
    holder_id: &MispId,
    policy_id: Option<String>,
    user: &str,
    no_keys: MispError,
) -> Result<CurrentKey, AppError> {
    let all = keys::of_holder(tx.conn, holder_id)?;
    if all.is_empty() {
        return Err(no_keys.into());
    }
    let now = at_store_precision(tx.now);
    let plan = plan_download(&all, now)?;
    for key in &plan.retire {
        keys::set_state(tx.conn, holder_id, &LicenseKey::from(key), false, false, user, now)?;
    }
    let retired = !plan.retire.is_empty();
    match plan.answer {
        Answer::Current(license) => Ok(CurrentKey { license, retired, issued: false }),
        Answer::IssueNew => {
            let (conn, mut rng) = tx.conn_and_rng();
            let license = keys::insert_new(conn, || cfg.keys.issue(&mut rng, holder_id, policy_id.clone(), user, now))?
                .ok_or_else(no_key)?;
            Ok(CurrentKey { license, retired, issued: true })
        }
    }
}
