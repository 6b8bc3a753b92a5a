//! Delivers the event outbox to MOSIP's WebSub hub. Every service over the store may run a
//! dispatcher: claims keep replicas from sending one topic at the same time, so each event goes
//! out at least once, in `seq` order per topic.

mod dispatcher;
mod hub;
pub mod settings;
mod share;
#[cfg(feature = "testing")]
#[expect(clippy::panic, reason = "test support fails the test loudly")]
pub mod testing;
mod token;

pub use dispatcher::{Dispatcher, Round};
pub use hub::{Hub, PublishError};
pub use settings::EventsSettings;
pub use share::{ChainShare, SERVED_PATH};
pub use token::TokenSource;
pub use websub_events::Topic;

/// Starts the dispatcher of `[events]` for `topics`, or logs once that events stay in the outbox.
pub fn start(
    pool: persistence::DbPool,
    settings: &EventsSettings,
    topics: &[Topic],
    public_url: &str,
) -> anyhow::Result<()> {
    match Dispatcher::new(pool, settings, topics, public_url)? {
        Some(dispatcher) => {
            dispatcher.spawn()?;
            tracing::info!(
                hub = settings.hub_url.as_deref().unwrap_or_default(),
                "publishing events to the WebSub hub"
            );
        }
        None => tracing::info!("events.hub_url is not set: events are kept in the outbox and not sent"),
    }
    Ok(())
}
