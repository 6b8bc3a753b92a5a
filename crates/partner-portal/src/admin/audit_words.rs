//! The audit log in plain words: an event told by what the service did ("Get policy group
//! success") rather than MOSIP's event name (which says "Create Policy Group" for a read), and
//! which events are reads, so that the log can leave them out.

use audit_events::AuditEvent;
use strum::IntoEnumIterator;

/// The events of reads: their names start with these words.
const READ_WORDS: &[&str] = &["Get", "Fetch", "Search", "Retrieve", "Download", "View", "List"];

fn name(e: AuditEvent) -> &'static str {
    e.into()
}

fn is_read(e: AuditEvent) -> bool {
    let n = name(e);
    READ_WORDS.iter().any(|w| n.strip_prefix(w).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase())))
}

/// The ids of the events that record reads (an id shared with another kind of event is kept).
pub fn read_event_ids() -> Vec<String> {
    let writes: Vec<&str> = AuditEvent::iter().filter(|e| !is_read(*e)).map(|e| e.def().id).collect();
    let mut ids: Vec<String> = AuditEvent::iter()
        .filter(|e| is_read(*e) && !writes.contains(&e.def().id))
        .map(|e| e.def().id.to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// "GetPolicyGroupSuccess" → "Get policy group success".
fn words(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// An event in the user's language when the portal's catalogue words it (`event-<Event>`, e.g.
/// `event-GetPolicyGroupSuccess`), else its name in plain English words.
fn event_words(e: AuditEvent) -> String {
    crate::i18n::tr_opt(&format!("event-{}", name(e)), None).unwrap_or_else(|| words(name(e)))
}

/// What an event id records, in plain words (both meanings of an id that has two); the id
/// itself when the catalogue does not know it.
pub fn plain(event_id: &str) -> String {
    let found: Vec<String> = AuditEvent::iter().filter(|e| e.def().id == event_id).map(event_words).collect();
    if found.is_empty() { event_id.to_owned() } else { found.join(" / ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_told_in_words_and_reads_are_known() {
        assert_eq!(plain(AuditEvent::GetPolicyGroupSuccess.def().id), "Get policy group success");
        assert_eq!(plain("NOPE_1"), "NOPE_1");
        let reads = read_event_ids();
        assert!(reads.contains(&AuditEvent::GetPolicyGroupSuccess.def().id.to_owned()));
        assert!(!reads.contains(&AuditEvent::RegisterPartner.def().id.to_owned()));
    }

    #[actix_web::test]
    async fn events_are_told_in_the_users_language() {
        use crate::i18n::{Locale, built_in, scope};
        let id = AuditEvent::GetPolicyGroupSuccess.def().id;
        let french = scope(Locale::new(built_in(), "fr", 0), async move { plain(id) }).await;
        assert_eq!(french, "Lecture d’un groupe de politiques réussie");
        let arabic = scope(Locale::new(built_in(), "ar", 0), async move { plain(id) }).await;
        assert_eq!(arabic, "نجاح قراءة مجموعة سياسات");
    }
}
