//! Counting failed local logins and refusing locked ones, audited (see [`super::login::login`]).

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::onboarding::{Attempts, LoginThrottle, OnboardingError, Subject};
use persistence::DbConnection;
use persistence::repo::login_attempt;

/// The subjects a login attempt counts against: its account and, when known, its client address.
pub(crate) struct Subjects {
    pub account: String,
    pub address: Option<String>,
}

impl Subjects {
    pub fn of(login_key: &str, client: Option<&str>) -> Self {
        Subjects { account: format!("account:{login_key}"), address: client.map(|c| format!("address:{c}")) }
    }

    fn each(&self) -> impl Iterator<Item = (&str, Subject)> {
        std::iter::once((self.account.as_str(), Subject::Account))
            .chain(self.address.as_deref().map(|a| (a, Subject::Address)))
    }

    /// What the store holds of each subject.
    pub fn attempts(&self, conn: &mut DbConnection) -> Result<Vec<Attempts>, AppError> {
        let names: Vec<&str> = self.each().map(|(s, _)| s).collect();
        let rows = login_attempt::find(conn, &names)?;
        Ok(rows
            .into_iter()
            .map(|(_, failures, locked_until)| Attempts {
                failures: u32::try_from(failures).unwrap_or(0),
                locked_until,
            })
            .collect())
    }
}

/// Counts a failed login of `user` against `subjects`, locks those past their limit, audits it,
/// and answers `PMS_ONB_011` (or what kept the failure from being counted).
pub(crate) fn refuse(
    store: &Store,
    throttle: &LoginThrottle,
    actor: &Actor,
    user: &str,
    subjects: &Subjects,
) -> AppError {
    let refused = AppError::from(OnboardingError::BadCredentials);
    let counted = store.audited(store.plan(actor), |tx| {
        let mut locked = false;
        for (subject, kind) in subjects.each() {
            let failures = login_attempt::count_failure(tx.conn, subject, tx.now)?;
            if let Some(until) = throttle.lock_after(kind, u32::try_from(failures).unwrap_or(0), tx.now) {
                login_attempt::lock(tx.conn, subject, until)?;
                locked = true;
            }
        }
        tx.trail.push_failure(AuditEvent::LoginRefused, Some(user), refused.code(), refused.message());
        if locked {
            let lock = OnboardingError::LoginLocked(0);
            tx.trail.push_failure(AuditEvent::LoginLocked, Some(user), lock.code(), &lock.to_string());
        }
        Ok(())
    });
    tracing::info!(user = %user, "local login refused");
    counted.err().unwrap_or(refused)
}

/// Audits a login refused while its account or address is locked, and answers `locked`.
pub(crate) fn refuse_locked(store: &Store, actor: &Actor, user: &str, locked: OnboardingError) -> AppError {
    let error = AppError::from(locked);
    let plan = store.plan(actor).on_failure(AuditEvent::LoginLocked, Some(user));
    let recorded = store.audited::<()>(plan, |_| Err(error.clone()));
    tracing::info!(user = %user, "local login refused: locked");
    recorded.err().unwrap_or(error)
}
