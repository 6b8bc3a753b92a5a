//! Counts of answers by operation and outcome, and the slowest answer, for the printed figures.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use crate::client::Outcome;

#[derive(Debug, Default)]
pub struct Tally {
    counts: Mutex<BTreeMap<String, usize>>,
    slowest: Mutex<Duration>,
}

impl Tally {
    pub fn add(&self, what: &str, out: &Outcome) {
        let key = match out {
            Outcome::Ok(_) => format!("{what}: ok"),
            Outcome::Refused(code) => format!("{what}: refused {code}"),
            Outcome::Status(s, code) => format!("{what}: HTTP {s} {code}"),
            Outcome::Transport => format!("{what}: no answer"),
        };
        *self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner).entry(key).or_default() += 1;
    }

    pub fn took(&self, d: Duration) {
        let mut s = self.slowest.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *s = (*s).max(d);
    }

    pub fn slowest(&self) -> Duration {
        *self.slowest.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How many answers matched `pred` (on the key `what: outcome`).
    pub fn count(&self, pred: impl Fn(&str) -> bool) -> usize {
        let counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        counts.iter().filter(|(k, _)| pred(k)).map(|(_, n)| n).sum()
    }

    pub fn count_5xx(&self) -> usize {
        self.count(|k| k.contains("HTTP 5"))
    }

    pub fn summary(&self) -> String {
        let counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        counts.iter().map(|(k, n)| format!("{k} ×{n}")).collect::<Vec<_>>().join("; ")
    }
}
