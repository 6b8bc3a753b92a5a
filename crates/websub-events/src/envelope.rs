//! What the hub receives: MOSIP's `EventModel`.

use chrono::NaiveDateTime;
use serde_json::{Value, json};

use crate::{Source, Topic};

/// `{publisher, topic, publishedOn, event: {id, type: {namespace, name}, timestamp, data}}`:
/// `timestamp` is when the change happened, `publishedOn` when it is sent (both UTC; MOSIP, which
/// publishes during the request, sends the same time twice).
pub fn envelope(
    event_id: &str,
    topic: Topic,
    source: Source,
    data: Value,
    happened: NaiveDateTime,
    published: NaiveDateTime,
) -> Value {
    json!({
        "publisher": source.name(),
        "topic": topic.as_ref(),
        "publishedOn": utc(published),
        "event": {
            "id": event_id,
            "type": {"namespace": source.namespace(), "name": source.name()},
            "timestamp": utc(happened),
            "data": data,
        },
    })
}

/// `2026-12-05T10:15:30.123Z`: MOSIP's UTC pattern, used for the envelope's times and the dates
/// inside `data`.
pub fn utc(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}
