//! Whether a pooled PostgreSQL connection needs a round trip before it is handed out.
//!
//! Testing every connection on checkout (`SELECT 1`) costs a round trip per request. Instead each
//! connection carries a [`Liveness`], told by diesel's instrumentation how every statement ended:
//! a connection that answered within [`FRESH_FOR`] and has lost nothing since is handed out as it
//! is; any other is pinged first, and replaced by a new one if the server has dropped it. A
//! server that goes away under load fails at most the next statement of each connection that was
//! fresh at that moment (answered 503, as every request in flight then is); that statement marks
//! the connection, and its next checkout replaces it.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use diesel::Connection;
use diesel::connection::{Instrumentation, InstrumentationEvent};

use crate::connection::DbConnection;
use crate::error::is_connection_lost;

/// How long after its last answer a connection is trusted without a round trip.
pub(crate) const FRESH_FOR: Duration = Duration::from_secs(1);

#[derive(Debug, Default)]
pub(crate) struct Liveness {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    last_answer: Option<Instant>,
    lost: bool,
}

impl Liveness {
    /// A liveness for `conn`, told of its statements from now on.
    pub(crate) fn watch(conn: &mut DbConnection) -> Arc<Liveness> {
        let liveness = Arc::new(Liveness::default());
        liveness.watch_again(conn);
        liveness
    }

    /// Watches `conn`, which replaces the connection watched so far.
    pub(crate) fn watch_again(self: &Arc<Self>, conn: &mut DbConnection) {
        *self.state() = State::default();
        conn.set_instrumentation(Tracker(Arc::clone(self)));
    }

    /// True when the connection answered within [`FRESH_FOR`] before `now` and lost nothing since.
    pub(crate) fn fresh(&self, now: Instant) -> bool {
        let state = self.state();
        !state.lost && state.last_answer.is_some_and(|at| now.saturating_duration_since(at) < FRESH_FOR)
    }

    /// True once a statement found the connection lost: it cannot come back.
    pub(crate) fn lost(&self) -> bool {
        self.state().lost
    }

    fn record(&self, lost: bool) {
        let mut state = self.state();
        if lost {
            state.lost = true;
        } else {
            state.last_answer = Some(Instant::now());
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Tells a [`Liveness`] how each statement of its connection ended: any answer of the server,
/// an error included, shows the connection alive; a lost connection marks it.
struct Tracker(Arc<Liveness>);

impl Instrumentation for Tracker {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::FinishQuery { error, .. } = event {
            self.0.record(error.is_some_and(is_connection_lost));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_is_fresh_only_after_an_answer_and_until_it_is_lost() {
        let liveness = Liveness::default();
        assert!(!liveness.fresh(Instant::now()), "never used: pinged first");
        liveness.record(false);
        assert!(liveness.fresh(Instant::now()));
        assert!(!liveness.fresh(Instant::now() + FRESH_FOR), "idle too long: pinged first");
        liveness.record(true);
        assert!(!liveness.fresh(Instant::now()), "lost: pinged (and replaced) first");
        liveness.record(false);
        assert!(!liveness.fresh(Instant::now()) && liveness.lost(), "a loss is not undone on the same connection");
    }
}
