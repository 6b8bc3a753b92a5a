//! `POLICY_UPDATED`: what the policy manager's operations publish, and the republication of every
//! published policy.

use app_core::events::policy_data;
use app_core::{AppError, Store, Tx};
use persistence::repo::policy as repo;
use policy_domain::{Policy, Stage};
use websub_events::Event;

/// Publishes `POLICY_UPDATED` with `after` when it differs from `before` in more than its update
/// stamp.
pub(crate) fn publish_if_changed(tx: &mut Tx<'_>, before: &Policy, after: &Policy) {
    let unstamped = |p: &Policy| Policy { upd_by: None, upd_dtimes: None, ..p.clone() };
    if unstamped(before) != unstamped(after) {
        tx.publish(Event::policy_updated(&policy_data(after)));
    }
}

/// Publishes `POLICY_UPDATED` for every published policy, as it stands; answers how many.
pub fn republish(store: &Store) -> Result<usize, AppError> {
    store.write(|tx| {
        let published: Vec<Policy> =
            repo::all_policies(tx.conn)?.into_iter().filter(|p| p.stage() == Stage::Published).collect();
        for policy in &published {
            tx.publish(Event::policy_updated(&policy_data(policy)));
        }
        Ok(published.len())
    })
}

#[cfg(test)]
mod tests;
