use std::collections::BTreeMap;
use std::path::PathBuf;

use strum::{EnumCount, IntoEnumIterator};

use super::*;

fn catalogue_entries() -> Vec<(String, String, String)> {
    AuditEvent::iter()
        .filter(|e| e.is_from_seed())
        .map(|e| {
            let d = e.def();
            (d.id.to_owned(), d.event_type.to_string(), d.name.to_owned())
        })
        .collect()
}

#[test]
fn catalogue_has_80_seed_entries_and_78_ids() {
    assert_eq!(AuditEvent::COUNT, 80 + crate::EXTRA_EVENTS.len());
    let mut ids: Vec<_> = AuditEvent::iter().filter(|e| e.is_from_seed()).map(AuditEvent::id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 78);
}

#[test]
fn extra_events_are_documented_and_take_no_seed_id() {
    let docs = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/audit.md"))
        .unwrap_or_default();
    let seed_ids: Vec<_> = AuditEvent::iter().filter(|e| e.is_from_seed()).map(AuditEvent::id).collect();
    for extra in crate::EXTRA_EVENTS {
        assert!(!seed_ids.contains(&extra.id()), "{} reuses a seed id", extra.id());
        assert!(docs.contains(extra.id()), "{} is not listed in docs/audit.md", extra.id());
    }
}

#[test]
fn only_the_two_documented_ids_are_shared() {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for e in AuditEvent::iter() {
        *seen.entry(e.id()).or_default() += 1;
    }
    let shared: Vec<_> = seen.into_iter().filter(|(_, n)| *n > 1).map(|(id, _)| id).collect();
    assert_eq!(shared, ["PMS_MSP_104", "PMS_PRT_416"]);
}

#[test]
fn ids_match_their_module() {
    for e in AuditEvent::iter() {
        let id = e.id();
        let module = e.module().id();
        assert!(id.starts_with(module), "{id} in {:?}", e.module());
        let number = &id[module.len() + 1..];
        assert!(number.len() == 3 && number.chars().all(|c| c.is_ascii_digit()), "{id}");
    }
}

#[test]
fn placeholders_render_from_the_reference_id() {
    let text = AuditEvent::MispCreated.describe(Some("101"));
    assert!(text.contains("MISP id - 101 in"), "{text}");
    assert!(!text.contains('{'));
    let text = AuditEvent::PartnerKeyCreated.describe(None);
    assert!(text.contains(NO_ID), "{text}");
}

#[test]
fn records_carry_reference_ids_and_errors() {
    let ctx = AuditContext {
        session_user_id: "u1".into(),
        session_user_name: "user one".into(),
        host_name: "h".into(),
        host_ip: "127.0.0.1".into(),
        application_id: "10002".into(),
        application_name: "Partner management portal".into(),
        request_id: None,
    };
    let now = chrono::DateTime::from_timestamp(0, 0).map(|d| d.naive_utc()).unwrap_or_default();
    let rec = AuditRecord::new(AuditEvent::UpdatePolicyFailure, &ctx, Some("pol-1"), now)
        .with_error("PMS_POL_055", "Published policy cannot be updated.");
    assert_eq!(rec.event_id, "PMS_PRT_483");
    assert_eq!(rec.id, "pol-1");
    assert_eq!(rec.id_type, "Policy ID");
    assert_eq!(rec.module_id, "PMS_PRT");
    assert_eq!(rec.error_code.as_deref(), Some("PMS_POL_055"));
    assert!(rec.description.ends_with("[PMS_POL_055: Published policy cannot be updated.]"));
    let none = AuditRecord::new(AuditEvent::RegisterMisp, &ctx, None, now);
    assert_eq!((none.id.as_str(), none.id_type.as_str()), (NO_ID, NO_ID_TYPE));
    assert_eq!(none.module_name, "MISP Management Service");
}

/// Finds the seed catalogue: `PMS_SHARED_DIR`, else `../shared` above the workspace.
fn seed_file() -> Option<PathBuf> {
    let base = std::env::var_os("PMS_SHARED_DIR").map(PathBuf::from).or_else(|| {
        let ws = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        Some(ws.join("../shared"))
    })?;
    let file = base.join("seed/pms-audit-events.txt");
    file.is_file().then_some(file)
}

/// Reads `(id, type, name)` triples from the seed: one value per line for most entries, and one
/// markdown-like table flattened onto a single line for the policy failure events.
fn parse_seed(text: &str) -> Vec<(String, String, String)> {
    let is_id = |s: &str| {
        (s.starts_with("PMS_PRT_") || s.starts_with("PMS_MSP_"))
            && s.len() == 11
            && s[8..].chars().all(|c| c.is_ascii_digit())
    };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if is_id(line) {
            if let (Some(kind), Some(name)) = (lines.get(i + 1), lines.get(i + 2)) {
                out.push(((*line).to_owned(), (*kind).to_owned(), (*name).to_owned()));
            }
        } else if line.contains(" | ") {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            for (j, cell) in cells.iter().enumerate() {
                let id = cell.rsplit(' ').next().unwrap_or(cell);
                if is_id(id)
                    && let (Some(kind), Some(name)) = (cells.get(j + 1), cells.get(j + 2))
                {
                    out.push((id.to_owned(), (*kind).to_owned(), (*name).to_owned()));
                }
            }
        }
    }
    out
}

#[test]
fn catalogue_holds_every_seed_entry_with_its_type_and_name() {
    let Some(file) = seed_file() else {
        // The seed lives outside the repository; CI points PMS_SHARED_DIR at it.
        assert!(std::env::var_os("PMS_REQUIRE_SHARED").is_none(), "seed file not found");
        eprintln!("seed catalogue not found; set PMS_SHARED_DIR to check against it");
        return;
    };
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut seed = parse_seed(&text);
    let mut ours = catalogue_entries();
    seed.sort();
    ours.sort();
    assert_eq!(seed.len(), 80, "seed parse found {} entries", seed.len());
    assert_eq!(seed, ours);
}
