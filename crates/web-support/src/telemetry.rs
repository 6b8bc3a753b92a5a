//! Logging: an env filter (`RUST_LOG` wins over `log.filter`), text or JSON lines.

use tracing_subscriber::EnvFilter;

use crate::settings::LogSettings;

pub fn init(settings: &LogSettings) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.filter));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let done = if settings.json {
        builder.json().with_current_span(true).with_span_list(false).try_init()
    } else {
        builder.try_init()
    };
    // a second init (tests start several apps) keeps the first subscriber
    drop(done);
}
