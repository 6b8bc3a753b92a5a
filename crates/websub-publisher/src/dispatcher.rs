//! Delivers the outbox: claims the due rows of each topic, sends them in order, records the
//! outcome; a failure holds its topic back (later rows wait) with exponential backoff, and parks
//! the row as failed after the last attempt.

use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDateTime;
use persistence::repo::outbox::{self, OutboxRow};
use persistence::{DbConnection, DbPool, QueryError};
use serde_json::Value;
use strum::IntoEnumIterator;
use websub_events::{CERT_CHAIN, CERT_CHAIN_URL, Source, Topic, envelope};

use crate::hub::{Hub, PublishError};
use crate::settings::EventsSettings;
use crate::share::ChainShare;
use crate::token::TokenSource;

pub struct Dispatcher {
    pool: DbPool,
    hub: Hub,
    share: ChainShare,
    /// The topics this dispatcher sends (a service sends those of its own operations).
    topics: Vec<String>,
    /// Who claims: unique per dispatcher, so replicas never hold each other's rows.
    owner: String,
    settings: EventsSettings,
}

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub delivered: usize,
    pub failed_attempts: usize,
}

type QueryResult<T> = Result<T, QueryError>;

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn secs(n: u64) -> chrono::Duration {
    chrono::Duration::seconds(i64::try_from(n).unwrap_or(i64::MAX / 1_000_000))
}

impl Dispatcher {
    /// The dispatcher of `[events]` for `topics`, or `None` when no hub is configured.
    /// `public_url` is where this service is reached when `events.public_url` is unset.
    pub fn new(
        pool: DbPool,
        settings: &EventsSettings,
        topics: &[Topic],
        public_url: &str,
    ) -> anyhow::Result<Option<Self>> {
        let Some(url) = settings.hub_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        anyhow::ensure!(settings.batch_size > 0, "events.batch_size must be at least 1");
        anyhow::ensure!(settings.max_attempts > 0, "events.max_attempts must be at least 1");
        let token = TokenSource::from_settings(&settings.auth)?;
        let hub = Hub::new(url.to_owned(), token, Duration::from_secs(settings.timeout_secs.max(1)));
        let owner = format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple());
        let share = ChainShare::from_settings(settings, public_url);
        let topics = topics.iter().map(ToString::to_string).collect();
        Ok(Some(Dispatcher { pool, hub, share, topics, owner, settings: settings.clone() }))
    }

    /// Runs `f` in one write transaction.
    fn write<T>(&self, f: impl FnOnce(&mut DbConnection) -> QueryResult<T>) -> anyhow::Result<T> {
        self.pool.transaction(|c| f(c).map_err(anyhow::Error::from)).context("event outbox")
    }

    /// Registers every topic at the hub; refusals (a topic already known) are logged, not fatal.
    pub fn register_topics(&self) {
        for topic in Topic::iter().filter(|t| self.topics.contains(&t.to_string())) {
            match self.hub.register(topic.as_ref()) {
                Ok(status) if (200..300).contains(&status) => {}
                Ok(status) => {
                    tracing::info!(topic = topic.as_ref(), status, "hub did not accept the topic registration")
                }
                Err(e) => {
                    tracing::warn!(topic = topic.as_ref(), error = %format!("{e:#}"), "topic registration failed")
                }
            }
        }
    }

    /// Claims and sends what is due now.
    pub fn round(&self) -> anyhow::Result<Round> {
        let started = now();
        let lease = started + secs(self.settings.claim_secs.max(1));
        let rows =
            self.write(|c| outbox::claim(c, &self.owner, &self.topics, started, lease, self.settings.batch_size))?;
        let mut round = Round::default();
        let mut rest = rows.as_slice();
        while let Some(first) = rest.first() {
            let len = rest.iter().take_while(|r| r.topic == first.topic).count();
            let (topic_rows, after) = rest.split_at(len);
            self.send_in_order(topic_rows, &mut round)?;
            rest = after;
        }
        Ok(round)
    }

    /// Sends one topic's rows in order; the first failure stops the topic until its retry.
    fn send_in_order(&self, rows: &[OutboxRow], round: &mut Round) -> anyhow::Result<()> {
        for (i, row) in rows.iter().enumerate() {
            match self.send(row) {
                Ok(()) => {
                    let at = now();
                    self.write(|c| outbox::delivered(c, row.seq, at))?;
                    metrics::counter!("pms_events_delivered_total", "topic" => row.topic.clone()).increment(1);
                    metrics::histogram!("pms_events_delivery_latency_seconds")
                        .record((at - row.created_at).as_seconds_f64().max(0.0));
                    round.delivered += 1;
                }
                Err(e) => {
                    round.failed_attempts += 1;
                    metrics::counter!("pms_events_failed_attempts_total", "topic" => row.topic.clone()).increment(1);
                    let retry_at = self.retry_at(row.attempts + 1);
                    let waiting: Vec<i64> = rows[i + 1..].iter().map(|r| r.seq).collect();
                    let why = e.to_string();
                    self.write(|c| {
                        outbox::attempt_failed(c, row.seq, &why, retry_at)?;
                        outbox::release(c, &self.owner, &waiting)
                    })?;
                    match retry_at {
                        Some(at) => {
                            tracing::warn!(topic = row.topic, seq = row.seq, retry_at = %at, error = why, "event not delivered")
                        }
                        None => {
                            tracing::error!(topic = row.topic, seq = row.seq, error = why, "event parked as failed")
                        }
                    }
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    fn send(&self, row: &OutboxRow) -> Result<(), PublishError> {
        let unsendable = PublishError::Unreachable;
        let topic: Topic = row.topic.parse().map_err(|_| unsendable(format!("unknown topic {}", row.topic)))?;
        let source: Source = row.source.parse().map_err(|_| unsendable(format!("unknown source {}", row.source)))?;
        let mut data: Value = serde_json::from_str(&row.data).map_err(|e| unsendable(format!("stored data: {e}")))?;
        if let Some(chain) = data.as_object_mut().and_then(|d| d.remove(CERT_CHAIN)) {
            let link = self
                .share
                .share(&self.pool, &self.hub, chain.as_str().unwrap_or_default(), now())
                .map_err(|e| unsendable(format!("sharing the certificate chain: {e:#}")))?;
            data[CERT_CHAIN_URL] = Value::String(link);
        }
        let body = envelope(&row.event_id, topic, source, data, row.created_at, now());
        self.hub.publish(topic.as_ref(), &body)
    }

    /// When attempt `attempts + 1` may run, or `None` when `attempts` was the last.
    fn retry_at(&self, attempts: i32) -> Option<NaiveDateTime> {
        if attempts >= self.settings.max_attempts {
            return None;
        }
        let exp = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(30);
        let max_ms = self.settings.backoff_max_secs.max(1).saturating_mul(1000);
        let wait_ms = self.settings.backoff_initial_ms.max(1).saturating_mul(1 << exp).min(max_ms);
        Some(now() + chrono::Duration::milliseconds(i64::try_from(wait_ms).unwrap_or(i64::MAX)))
    }

    /// Purges delivered rows past retention and publishes the outbox gauges.
    pub fn housekeeping(&self) -> anyhow::Result<()> {
        let before = now()
            - chrono::Duration::hours(i64::try_from(self.settings.retention_hours).unwrap_or(i64::MAX / 3_600_000));
        let purged = self.write(|c| outbox::purge_delivered(c, before))?;
        if purged > 0 {
            tracing::debug!(purged, "delivered events purged");
        }
        let mut conn = self.pool.get().map_err(|e| anyhow::anyhow!("{e}"))?;
        let stats = outbox::stats(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
        metrics::gauge!("pms_events_pending").set(stats.pending as f64);
        metrics::gauge!("pms_events_failed").set(stats.failed as f64);
        let age = stats.oldest_pending.map_or(0.0, |t| (now() - t).as_seconds_f64().max(0.0));
        metrics::gauge!("pms_events_oldest_pending_age_seconds").set(age);
        Ok(())
    }

    /// Runs rounds on a thread of its own until its pool is closed: topics registered first, then
    /// a round whenever the last one sent something or after `poll_interval_ms`.
    pub fn spawn(self) -> std::io::Result<std::thread::JoinHandle<()>> {
        std::thread::Builder::new().name("event-dispatcher".into()).spawn(move || {
            self.register_topics();
            let idle = Duration::from_millis(self.settings.poll_interval_ms.max(10));
            let mut last_housekeeping = std::time::Instant::now() - Duration::from_secs(3600);
            loop {
                let busy = match self.round() {
                    Ok(r) => r.delivered > 0,
                    Err(e) => {
                        tracing::warn!(error = %format!("{e:#}"), "event dispatch round failed");
                        false
                    }
                };
                if last_housekeeping.elapsed() >= Duration::from_secs(10) {
                    if let Err(e) = self.housekeeping() {
                        tracing::warn!(error = %format!("{e:#}"), "event housekeeping failed");
                    }
                    last_housekeeping = std::time::Instant::now();
                }
                if !self.pool.wait_open(if busy { Duration::ZERO } else { idle }) {
                    return;
                }
            }
        })
    }
}
