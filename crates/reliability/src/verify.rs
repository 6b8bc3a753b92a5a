//! What a crash must not break, checked on the store against what the clients were told.
//!
//! The join per operation (success records only: `error_code IS NULL`):
//! - registration: partner `rr-*` ⇔ one `PMS_PRT_200` record whose `ref_id` is its id;
//! - approval: request `rq-*` approved ⇔ one `PMS_PRT_221` record whose `ref_id` is the request id;
//! - key generation: per partner, keys labelled `k-*` = `PMS_PRT_222` records naming the partner;
//!   each key ⇔ one `APIKEY_APPROVED` event in the outbox carrying it; one key per label;
//! - MISP: MISP `Rel MISP *` ⇔ one `PMS_MSP_212` record; approved ⇔ exactly one licence key ⇔
//!   one `PMS_MSP_202` record.

use std::collections::{BTreeMap, HashMap, HashSet};

use audit_events::AuditEvent;
use diesel::prelude::*;
use persistence::schema::{audit_log, misp, misp_license, partner, partner_policy, partner_policy_request};

use crate::crash::Acked;
use crate::store::TestStore;

/// Prints the figures and each problem; answers the number of problems.
pub fn check(store: &TestStore, acked: &Acked, label: &str) -> anyhow::Result<usize> {
    let pool = store.pool()?;
    let mut conn = pool.get()?;
    let conn = &mut *conn;
    let mut problems: Vec<String> = Vec::new();
    let records = success_records(conn)?;
    let refs = |e: AuditEvent| -> BTreeMap<String, usize> {
        let id = e.def().id;
        let mut m = BTreeMap::new();
        for (ev, r) in &records {
            if ev == id {
                *m.entry(r.clone()).or_default() += 1;
            }
        }
        m
    };

    // registrations
    let partners: HashSet<String> =
        partner::table.filter(partner::id.like("rr-%")).select(partner::id).load::<String>(conn)?.into_iter().collect();
    let registered = refs(AuditEvent::RegisterPartnerSuccess);
    let registered: BTreeMap<_, _> = registered.into_iter().filter(|(r, _)| r.starts_with("rr-")).collect();
    same_once("partner", &partners, &registered, &mut problems);
    lost("registration", acked.partners.iter(), &partners, &mut problems);

    // approvals
    let approved: HashSet<String> = partner_policy_request::table
        .filter(partner_policy_request::id.like("rq-%"))
        .select((partner_policy_request::id, partner_policy_request::status_code))
        .load::<(String, String)>(conn)?
        .into_iter()
        .filter(|(_, s)| s.eq_ignore_ascii_case("approved"))
        .map(|(id, _)| id)
        .collect();
    let mapping = refs(AuditEvent::PolicyMappingCreated);
    same_once("approved request", &approved, &mapping, &mut problems);
    lost("approval", acked.approvals.iter(), &approved, &mut problems);

    // API keys
    let keys: Vec<(String, String, String, String)> = partner_policy::table
        .filter(partner_policy::label.like("k-%"))
        .select((
            partner_policy::policy_api_key,
            partner_policy::part_id,
            partner_policy::policy_id,
            partner_policy::label,
        ))
        .load(conn)?;
    let mut per_partner: BTreeMap<String, usize> = BTreeMap::new();
    let mut labels: HashMap<(String, String, String), usize> = HashMap::new();
    for (_, p, q, l) in &keys {
        *per_partner.entry(p.clone()).or_default() += 1;
        *labels.entry((p.clone(), q.clone(), l.clone())).or_default() += 1;
    }
    let key_records: BTreeMap<String, usize> =
        refs(AuditEvent::ApiKeyApproved).into_iter().filter(|(r, _)| r.starts_with("rp-")).collect();
    if per_partner != key_records {
        problems
            .push(format!("API keys per partner {per_partner:?} ≠ PMS_PRT_222 records per partner {key_records:?}"));
    }
    let dup_labels = labels.values().filter(|n| **n > 1).count();
    if dup_labels > 0 {
        problems.push(format!("{dup_labels} label(s) with more than one key"));
    }
    let key_set: HashSet<String> = keys.iter().map(|(k, ..)| k.clone()).collect();
    lost("API key", acked.keys.iter().map(|(_, k, _)| k), &key_set, &mut problems);
    let published = crate::outbox_check::outbox_keys(conn, &key_set)?;
    let unpublished = key_set.iter().filter(|k| published.get(*k).copied().unwrap_or(0) != 1).count();
    if unpublished > 0 {
        problems.push(format!("{unpublished} API key(s) without exactly one APIKEY_APPROVED event in the outbox"));
    }
    let events_without_key = crate::outbox_check::outbox_events_without(conn, &key_set)?;
    if events_without_key > 0 {
        problems.push(format!("{events_without_key} APIKEY_APPROVED event(s) for a key that is not stored"));
    }

    // MISPs and licences
    let misps: Vec<(String, String)> =
        misp::table.filter(misp::name.like("Rel MISP %")).select((misp::id, misp::status_code)).load(conn)?;
    let misp_ids: HashSet<String> = misps.iter().map(|(id, _)| id.clone()).collect();
    let created = refs(AuditEvent::MispCreated);
    same_once("MISP", &misp_ids, &created, &mut problems);
    lost("MISP registration", acked.misps.iter(), &misp_ids, &mut problems);
    let approved_misps: HashSet<String> =
        misps.iter().filter(|(_, s)| s.eq_ignore_ascii_case("approved")).map(|(id, _)| id.clone()).collect();
    let licences: Vec<(String, String)> =
        misp_license::table.select((misp_license::misp_id, misp_license::license_key)).load(conn)?;
    let mut per_misp: BTreeMap<String, usize> = BTreeMap::new();
    for (m, _) in &licences {
        *per_misp.entry(m.clone()).or_default() += 1;
    }
    same_once("approved MISP's licence", &approved_misps, &per_misp, &mut problems);
    same_once("approved MISP", &approved_misps, &refs(AuditEvent::MispStatusProcessed), &mut problems);
    let licence_keys: HashSet<String> = licences.iter().map(|(_, k)| k.clone()).collect();
    lost("licence", acked.licences.iter().map(|(_, k)| k), &licence_keys, &mut problems);

    println!(
        "{label}: store holds {} partners, {} approved requests, {} API keys, {} MISPs ({} approved), {} licences, {} success audit records",
        partners.len(),
        approved.len(),
        keys.len(),
        misp_ids.len(),
        approved_misps.len(),
        licences.len(),
        records.len()
    );
    for p in &problems {
        println!("{label}: FAIL {p}");
    }
    if problems.is_empty() {
        println!(
            "{label}: OK every acknowledged change is stored with its audit record; no row without its record, no record without its row; no duplicate key; every key's event is in the outbox"
        );
    }
    Ok(problems.len())
}

fn success_records(conn: &mut persistence::DbConnection) -> anyhow::Result<Vec<(String, String)>> {
    Ok(audit_log::table
        .filter(audit_log::error_code.is_null())
        .select((audit_log::event_id, audit_log::ref_id))
        .load::<(String, String)>(conn)?)
}

/// Every row has exactly one record and every record its row.
fn same_once(what: &str, rows: &HashSet<String>, records: &BTreeMap<String, usize>, problems: &mut Vec<String>) {
    let without_record: Vec<_> = rows.iter().filter(|r| !records.contains_key(*r)).take(5).collect();
    let without_row: Vec<_> = records.keys().filter(|r| !rows.contains(*r)).take(5).collect();
    let twice: Vec<_> = records.iter().filter(|(r, n)| **n > 1 && rows.contains(*r)).map(|(r, _)| r).take(5).collect();
    if !without_record.is_empty() {
        problems.push(format!("{what} without its record/row: {without_record:?}"));
    }
    if !without_row.is_empty() {
        problems.push(format!("record of a {what} that is not stored: {without_row:?}"));
    }
    if !twice.is_empty() {
        problems.push(format!("{what} recorded more than once: {twice:?}"));
    }
}

/// Acknowledged changes missing from the store.
fn lost<'a>(what: &str, acked: impl Iterator<Item = &'a String>, stored: &HashSet<String>, problems: &mut Vec<String>) {
    let missing: Vec<_> = acked.filter(|a| !stored.contains(*a)).collect();
    if !missing.is_empty() {
        problems.push(format!("{} acknowledged {what}(s) not in the store, e.g. {:?}", missing.len(), &missing[..1]));
    }
}
