//! E1 register, E3 update details, E7 list, E8 by id, E9 by name prefix.

use app_core::{Actor, AppError, Store, Tx};
use audit_events::AuditEvent;
use misp_domain::{Details, DetailsInput, Misp, MispError, MispId};
use persistence::repo::{misp as misps, misp_license as keys};

use crate::config::{MispConfig, at_store_precision};
use crate::dto::{MispWithLicenses, RegisterRequest, Registered, UpdateRequest, Updated};

/// A MISP name that is taken, recorded as `event`.
fn name_taken(name: &str, event: AuditEvent, misp_id: Option<&str>) -> AppError {
    AppError::from(MispError::NameTaken(name.to_owned())).audit(event, misp_id)
}

/// A unique-name violation on write (a concurrent request won) reads as the name taken.
fn lost_race(e: persistence::QueryError, name: &str, event: AuditEvent, misp_id: Option<&str>) -> AppError {
    if persistence::is_unique_violation(&e) { name_taken(name, event, misp_id) } else { e.into() }
}

/// E1: registers a MISP owned by the caller, `Inprogress` and active, without a key.
pub fn register(store: &Store, actor: &Actor, cfg: &MispConfig, req: RegisterRequest) -> Result<Registered, AppError> {
    let plan = store.plan(actor).call(AuditEvent::RegisterMisp, None);
    let misp = store.audited(plan, |tx| {
        let input = DetailsInput {
            name: req.organization_name.as_deref(),
            contact_no: req.contact_number.as_deref(),
            email_id: req.email_id.as_deref(),
            address: req.address.as_deref(),
        };
        let details = Details::parse(&input, "organizationName").map_err(|e| match e {
            MispError::InvalidEmail => AppError::from(e).audit(AuditEvent::MispInvalidEmailOnCreate, None),
            e => e.into(),
        })?;
        if misps::name_taken(tx.conn, &details.name, None)? {
            return Err(name_taken(&details.name, AuditEvent::MispNameTakenOnCreate, None));
        }
        tx.trail.push(AuditEvent::GenerateMispId, None);
        let now = at_store_precision(tx.now);
        let id = misps::next_id(tx.conn, cfg.first_id, now)?.ok_or(MispError::IdInsert)?;
        let misp = Misp::register(id.to_string(), details, &actor.user_id, now);
        misps::insert(tx.conn, &misp).map_err(|e| lost_race(e, &misp.name, AuditEvent::MispNameTakenOnCreate, None))?;
        tx.trail.push(AuditEvent::MispDetailsCreated, None);
        tx.trail.push(AuditEvent::MispCreated, Some(&misp.id));
        tx.trail.push(AuditEvent::RegisterMispSuccess, None);
        Ok(misp)
    })?;
    Ok(Registered { misp_id: misp.id.clone(), misp_status: misp.active_label() })
}

/// E3: replaces the details of the caller's MISP (admins: any MISP).
pub fn update(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    misp_id: &str,
    req: UpdateRequest,
) -> Result<Updated, AppError> {
    let plan = store.plan(actor).call(AuditEvent::UpdateMisp, None);
    let misp = store.audited(plan, |tx| {
        let input = DetailsInput {
            name: req.name.as_deref(),
            contact_no: req.contact_number.as_deref(),
            email_id: req.email_id.as_deref(),
            address: req.address.as_deref(),
        };
        let details = Details::parse(&input, "name").map_err(|e| match e {
            MispError::InvalidEmail => AppError::from(e).audit(AuditEvent::MispInvalidEmailOnUpdate, Some(misp_id)),
            e => e.into(),
        })?;
        let id = MispId::from(misp_id);
        let misp = misps::find(tx.conn, &id)?.ok_or_else(|| MispError::MispNotFound(misp_id.to_owned()))?;
        cfg.roles.require_owner_or_admin(actor, &misp.user_id)?;
        if misps::name_taken(tx.conn, &details.name, Some(&id))? {
            return Err(name_taken(&details.name, AuditEvent::MispNameTakenOnUpdate, Some(misp_id)));
        }
        misps::update_details(tx.conn, &id, &details, &actor.user_id, at_store_precision(tx.now))
            .map_err(|e| lost_race(e, &details.name, AuditEvent::MispNameTakenOnUpdate, Some(misp_id)))?;
        tx.trail.push(AuditEvent::MispUpdated, Some(misp_id));
        tx.trail.push(AuditEvent::UpdateMispSuccess, None);
        Ok(Misp {
            name: details.name,
            contact_no: Some(details.contact_no),
            email_id: Some(details.email_id),
            address: Some(details.address),
            ..misp
        })
    })?;
    Ok(Updated::from(&misp))
}

/// E7: every MISP with its keys (a MISP user: its own); none is `PMS_MSP_409`.
pub fn list(store: &Store, actor: &Actor, cfg: &MispConfig) -> Result<Vec<MispWithLicenses>, AppError> {
    let owner = cfg.roles.scope(actor);
    store.read(|tx| {
        let found = misps::list(tx.conn, owner)?;
        with_keys(tx, found)
    })
}

/// E8: one MISP with its keys.
pub fn by_id(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    misp_id: &str,
) -> Result<Option<MispWithLicenses>, AppError> {
    store.read(|tx| {
        let misp =
            misps::find(tx.conn, &MispId::from(misp_id))?.ok_or_else(|| MispError::MispNotFound(misp_id.to_owned()))?;
        cfg.roles.require_owner_or_admin(actor, &misp.user_id)?;
        let keys = keys::of_holder(tx.conn, &MispId::from(&misp.id))?;
        Ok(MispWithLicenses::group(std::slice::from_ref(&misp), &keys).pop())
    })
}

/// E9: the MISPs whose name starts with `prefix` (exactly, case-sensitively; a MISP user: among
/// its own); none is `PMS_MSP_409`.
pub fn by_name(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    prefix: &str,
) -> Result<Vec<MispWithLicenses>, AppError> {
    let owner = cfg.roles.scope(actor);
    store.read(|tx| {
        let found = misps::by_name_prefix(tx.conn, prefix, owner)?;
        with_keys(tx, found)
    })
}

fn with_keys(tx: &mut Tx<'_>, found: Vec<Misp>) -> Result<Vec<MispWithLicenses>, AppError> {
    if found.is_empty() {
        return Err(MispError::NoMisps.into());
    }
    let ids: Vec<MispId> = found.iter().map(|m| MispId::from(&m.id)).collect();
    let keys = keys::of_holders(tx.conn, &ids)?;
    Ok(MispWithLicenses::group(&found, &keys))
}
