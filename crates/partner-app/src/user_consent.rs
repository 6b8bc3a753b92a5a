//! MOSIP 1.2.2's portal consent (`POST`/`GET /users/user-consent`): a user who owns a partner
//! consents once to the data PMS captures; the portal asks whether it did.

use app_core::time::stamp;
use app_core::{Actor, AppError, FailureKind, Store};
use audit_events::AuditEvent;
use persistence::DbConnection;
use persistence::repo::request_paged::partners_of_user;
use persistence::repo::user_consent::{consent_of, record_consent};
use serde::Serialize;
use utoipa::ToSchema;

/// `UserDetailsDto`: the caller's consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserConsentDto {
    pub user_id: String,
    pub consent_given: bool,
    /// When it consented; `null` until it does.
    #[schema(example = "2024-08-01T14:30:00.000+00:00")]
    pub consent_given_date_time: Option<String>,
}

/// `PMS_CERTIFICATE_ERROR_002` unless the user owns a partner.
fn require_partner(conn: &mut DbConnection, user_id: &str) -> Result<(), AppError> {
    if partners_of_user(conn, user_id)?.is_empty() {
        return Err(AppError::refused("PMS_CERTIFICATE_ERROR_002", "User Id does not exists."));
    }
    Ok(())
}

/// Records the caller's consent now (again, if it had consented before), audited
/// `PMS_PRT_192`/`292` (a refusal `PMS_PRT_421`).
/// A first consent that loses the race to insert the user's row to a concurrent one is taken
/// again (it then updates that row); losing twice answers 503.
pub fn save_consent(store: &Store, actor: &Actor) -> Result<UserConsentDto, AppError> {
    match save_once(store, actor) {
        Err(e) if e.kind == FailureKind::Unavailable => save_once(store, actor),
        done => done,
    }
}

fn save_once(store: &Store, actor: &Actor) -> Result<UserConsentDto, AppError> {
    let plan = store.plan(actor).call(AuditEvent::SaveUserConsent, None).on_failure(AuditEvent::PartnerMissing, None);
    store.audited(plan, |tx| {
        require_partner(tx.conn, &actor.user_id)?;
        let id = tx.new_id();
        match record_consent(tx.conn, &id, &actor.user_id, &actor.user_id, tx.now) {
            Err(e) if persistence::is_unique_violation(&e) => {
                return Err(AppError::unavailable("a concurrent first consent inserted the user's row"));
            }
            other => other?,
        }
        tx.trail.push(AuditEvent::SaveUserConsentSuccess, None);
        Ok(UserConsentDto {
            user_id: actor.user_id.clone(),
            consent_given: true,
            consent_given_date_time: Some(stamp(tx.now)),
        })
    })
}

/// Whether the caller consented, and when (a read: not audited, as in MOSIP).
pub fn consent(store: &Store, actor: &Actor) -> Result<UserConsentDto, AppError> {
    store.read(|tx| {
        require_partner(tx.conn, &actor.user_id)?;
        let given = consent_of(tx.conn, &actor.user_id)?;
        Ok(UserConsentDto {
            user_id: actor.user_id.clone(),
            consent_given: given.is_some(),
            consent_given_date_time: given.map(stamp),
        })
    })
}
