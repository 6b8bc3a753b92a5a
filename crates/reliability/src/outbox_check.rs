//! The outbox side of check 1: which `APIKEY_APPROVED` events carry which keys.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use persistence::schema::event_outbox;
use serde_json::Value;

fn apikey_events(conn: &mut persistence::DbConnection) -> anyhow::Result<Vec<Value>> {
    let rows: Vec<String> = event_outbox::table
        .filter(event_outbox::topic.like("%APIKEY_APPROVED%"))
        .select(event_outbox::data)
        .load(conn)?;
    Ok(rows.iter().map(|d| serde_json::from_str(d).unwrap_or(Value::Null)).collect())
}

/// How many `APIKEY_APPROVED` events carry each of `keys`.
pub fn outbox_keys(
    conn: &mut persistence::DbConnection,
    keys: &HashSet<String>,
) -> anyhow::Result<HashMap<String, usize>> {
    let mut found: HashMap<String, usize> = HashMap::new();
    for event in apikey_events(conn)? {
        let mut strings = Vec::new();
        collect_strings(&event, &mut strings);
        for s in strings.into_iter().filter(|s| keys.contains(*s)).collect::<HashSet<_>>() {
            *found.entry(s.to_owned()).or_default() += 1;
        }
    }
    Ok(found)
}

/// `APIKEY_APPROVED` events that carry none of `keys`.
pub fn outbox_events_without(conn: &mut persistence::DbConnection, keys: &HashSet<String>) -> anyhow::Result<usize> {
    Ok(apikey_events(conn)?
        .iter()
        .filter(|e| {
            let mut strings = Vec::new();
            collect_strings(e, &mut strings);
            !strings.iter().any(|s| keys.contains(*s))
        })
        .count())
}

fn collect_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}
