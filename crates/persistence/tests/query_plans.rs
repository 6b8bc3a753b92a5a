//! The lookups and first pages of a large store read an index, in the shapes the repositories
//! query: a partner's keys, the newest-first lists, and on PostgreSQL the case-insensitive
//! substring searches of partners, MISPs and API keys (trigram indexes). PostgreSQL is asked
//! with sequential scans discouraged, so that the plan shows whether an index *can* serve the
//! query on a small test store (and, for the trigram indexes, over a few thousand rows).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use diesel::prelude::*;
use diesel::sql_types::Text;
use persistence::testing::TestDb;
use persistence::{DbConnection, DbPool, PoolOptions, both_backends};

#[derive(QueryableByName)]
struct SqlitePlanLine {
    #[diesel(sql_type = Text)]
    detail: String,
}

#[derive(QueryableByName)]
struct PgPlanLine {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    line: String,
}

fn plan(conn: &mut DbConnection, sql: &str) -> String {
    match conn {
        DbConnection::Sqlite(c) => {
            let lines: Vec<SqlitePlanLine> = diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}")).load(c).unwrap();
            lines.into_iter().map(|l| l.detail).collect::<Vec<_>>().join("\n")
        }
        DbConnection::Postgres(c) => {
            diesel::sql_query("SET enable_seqscan = off").execute(c).unwrap();
            let lines: Vec<PgPlanLine> = diesel::sql_query(format!("EXPLAIN {sql}")).load(c).unwrap();
            lines.into_iter().map(|l| l.line).collect::<Vec<_>>().join("\n")
        }
    }
}

fn assert_uses(conn: &mut DbConnection, sql: &str, index: &str) {
    let plan = plan(conn, sql);
    assert!(plan.contains(index), "{sql}\nshould use {index}, plan:\n{plan}");
}

fn lookups_and_first_pages_read_an_index(db: TestDb) {
    let pool = DbPool::open(&db.url, &PoolOptions { migrate_postgres: true, ..PoolOptions::default() }).unwrap();
    let mut conn = pool.get().unwrap();
    let conn = &mut *conn;
    assert_uses(
        conn,
        "SELECT count(*) FROM partner_policy WHERE part_id = 'bp-1' AND label = 'l-1'",
        "idx_ppol_partner_label",
    );
    assert_uses(conn, "SELECT policy_api_key FROM partner_policy WHERE part_id = 'bp-1'", "idx_ppol_partner_label");
    for (table, index, key) in [
        ("partner_policy", "idx_ppol_created", "policy_api_key"),
        ("partner", "idx_partner_created", "id"),
        ("partner_policy_request", "idx_ppr_created", "id"),
    ] {
        assert_uses(conn, &format!("SELECT * FROM {table} ORDER BY cr_dtimes DESC LIMIT 10"), index);
        // the lists' whole order, the key breaking ties, is read from the index: no sort
        let newest = format!("SELECT * FROM {table} ORDER BY cr_dtimes DESC, {key} ASC LIMIT 10");
        assert_uses(conn, &newest, index);
        let plan = plan(conn, &newest);
        assert!(!plan.contains("TEMP B-TREE") && !plan.contains("Sort"), "{newest} sorts:\n{plan}");
    }
    // the licence-key search's order by creation time, the key breaking ties
    let licences = "SELECT * FROM misp_license ORDER BY cr_dtimes ASC, license_key ASC LIMIT 10";
    assert_uses(conn, licences, "idx_mlic_created");
    let plan = plan(conn, licences);
    assert!(!plan.contains("TEMP B-TREE") && !plan.contains("Sort"), "{licences} sorts:\n{plan}");
    if let DbConnection::Postgres(c) = conn {
        // enough rows, analysed, that a full scan of another index costs more than the trigram one
        diesel::sql_query(
            "INSERT INTO partner (id, name, user_id, partner_type_code, approval_status, is_active, cr_by, cr_dtimes) \
             SELECT 'bp-' || i, 'Bench Org ' || i, 'bp-' || i, 'Auth_Partner', 'approved', TRUE, 'test', now() \
             FROM generate_series(1, 5000) AS g(i)",
        )
        .execute(c)
        .unwrap();
        diesel::sql_query(
            "INSERT INTO misp (id, name, user_id, status_code, is_active, cr_by, cr_dtimes) \
             SELECT i::text, 'Bench MISP ' || i, 'misp-' || i, 'approved', TRUE, 'test', now() \
             FROM generate_series(1, 5000) AS g(i)",
        )
        .execute(c)
        .unwrap();
        diesel::sql_query(
            "INSERT INTO policy_group (id, name, descr, user_id, is_active, cr_by, cr_dtimes) \
             VALUES ('g', 'group', 'group', 'test', TRUE, 'test', now())",
        )
        .execute(c)
        .unwrap();
        diesel::sql_query(
            "INSERT INTO auth_policy (id, policy_group_id, name, descr, policy_file_id, policy_type, version, \
             valid_from_date, valid_to_date, is_active, cr_by, cr_dtimes) \
             VALUES ('p', 'g', 'policy', 'policy', '{}', 'Auth', '1.0', now(), now(), TRUE, 'test', now())",
        )
        .execute(c)
        .unwrap();
        diesel::sql_query(
            "INSERT INTO partner_policy (policy_api_key, part_id, policy_id, valid_from_datetime, is_active, label, \
             cr_by, cr_dtimes) \
             SELECT 'key-' || i, 'bp-' || (i % 5000 + 1), 'p', now(), TRUE, 'label-' || i, 'test', now() \
             FROM generate_series(1, 20000) AS g(i)",
        )
        .execute(c)
        .unwrap();
        diesel::sql_query("VACUUM ANALYZE partner, misp, partner_policy").execute(c).unwrap();
        let like = |table: &str, column: &str| {
            format!("SELECT count(*) FROM {table} WHERE lower({table}.{column}) LIKE '%org 42%' ESCAPE '\\'")
        };
        assert_uses(conn, &like("partner", "name"), "idx_partner_name_trgm");
        assert_uses(conn, &like("partner", "id"), "idx_partner_id_trgm");
        assert_uses(conn, &like("misp", "name"), "idx_misp_name_trgm");
        assert_uses(conn, &like("misp", "id"), "idx_misp_id_trgm");
        assert_uses(conn, &like("partner_policy", "part_id"), "idx_ppol_part_trgm");
        assert_uses(conn, &like("partner_policy", "label"), "idx_ppol_label_trgm");
    }
}

both_backends!(lookups_and_first_pages_read_an_index);

/// The first page of ten, counted up to 10,000 rows.
const FIRST_PAGE: persistence::repo::Paging =
    persistence::repo::Paging { offset: 0, limit: 10, count_limit: Some(10_000) };

/// The statements `run` sends, as SQLite plans them (binds left as parameters).
fn plans_sent(conn: &mut DbConnection, run: impl FnOnce(&mut DbConnection)) -> Vec<String> {
    use diesel::connection::{Instrumentation, InstrumentationEvent};
    use std::sync::{Arc, Mutex};

    struct Seen(Arc<Mutex<Vec<String>>>);
    impl Instrumentation for Seen {
        fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
            if let InstrumentationEvent::StartQuery { query, .. } = event {
                self.0.lock().unwrap().push(query.to_string());
            }
        }
    }

    let seen = Arc::new(Mutex::new(Vec::new()));
    conn.set_instrumentation(Seen(seen.clone()));
    run(conn);
    let sent = seen.lock().unwrap().clone();
    sent.iter().map(|sql| plan(conn, sql.split(" -- binds:").next().unwrap_or(sql))).collect()
}

/// SQLite plans the API-key list (`GET /partner-api-keys`) newest first by walking the keys'
/// creation-time index, not the partners, so the first page of a million keys is not sorted; and
/// filtered by the partner's name, from the partners its trigram index names, each one's keys
/// read by their index.
#[test]
fn the_key_list_is_planned_from_the_keys_or_from_the_named_partners_on_sqlite() {
    use persistence::repo::key_paged::{KeyFilter, key_summaries};

    let db = TestDb::sqlite();
    let pool = DbPool::open(&db.url, &PoolOptions::default()).unwrap();
    let mut conn = pool.get().unwrap();
    let mut plans_of = |filter: &KeyFilter| {
        let plans = plans_sent(&mut conn, |c| {
            key_summaries(c, filter, None, FIRST_PAGE).unwrap();
        });
        assert_eq!(plans.len(), 2, "a count and a page: {plans:?}");
        plans
    };
    let page = &plans_of(&KeyFilter::default())[1];
    assert!(page.contains("idx_ppol_created") && !page.contains("TEMP B-TREE"), "{page}");
    let named = KeyFilter { org_name: Some("org 7".into()), ..KeyFilter::default() };
    let by_partner =
        KeyFilter { partner_id: Some("bp-42".into()), api_key_label: Some("label-3".into()), ..named.clone() };
    for plan in plans_of(&named).into_iter().chain(plans_of(&by_partner)) {
        assert!(plan.contains("idx_ppol_partner_label"), "{plan}");
        assert!(!plan.contains("idx_partner_type"), "not every partner of the type: {plan}");
        assert!(plan.contains("partner_trigram VIRTUAL TABLE INDEX 0:L"), "{plan}");
    }
}

/// On SQLite, every filter on a partner's name or id reads their trigram index: the partner and
/// request lists' organisation name and partner id, and the partner search's `contains` and
/// `startswith`.
#[test]
fn partner_name_and_id_filters_read_the_trigram_index_on_sqlite() {
    use persistence::repo::partner_paged::{PartnerFilter, partner_summaries};
    use persistence::repo::request_paged::{RequestFilter, request_summaries};
    use persistence::search::{Criterion, Entity, Op, SearchQuery, search_ids};

    let db = TestDb::sqlite();
    let pool = DbPool::open(&db.url, &PoolOptions::default()).unwrap();
    let mut conn = pool.get().unwrap();
    let org = Some("org 7".to_owned());
    let mut plans = plans_sent(&mut conn, |c| {
        let partners = PartnerFilter { org_name: org.clone(), ..PartnerFilter::default() };
        partner_summaries(c, &partners, None, FIRST_PAGE).unwrap();
        let requests = RequestFilter { org_name: org.clone(), ..RequestFilter::default() };
        request_summaries(c, &requests, None, FIRST_PAGE).unwrap();
        let partners = PartnerFilter { partner_id: Some("bp-7".into()), ..PartnerFilter::default() };
        partner_summaries(c, &partners, None, FIRST_PAGE).unwrap();
        let requests = RequestFilter { partner_id: Some("bp-7".into()), ..RequestFilter::default() };
        request_summaries(c, &requests, None, FIRST_PAGE).unwrap();
    });
    for (column, op) in [
        ("name", Op::Contains("org 7".into())),
        ("name", Op::StartsWith("bench org".into())),
        ("id", Op::Contains("bp-7".into())),
    ] {
        let q = SearchQuery { criteria: vec![Criterion::new(column, op)], sort: vec![], page_start: 0, page_fetch: 10 };
        plans.extend(plans_sent(&mut conn, |c| {
            search_ids(c, Entity::Partner, &q, None).unwrap();
        }));
    }
    assert_eq!(plans.len(), 14, "a count and a page each: {plans:?}");
    for plan in plans {
        assert!(plan.contains("partner_trigram VIRTUAL TABLE INDEX 0:L"), "{plan}");
    }
}
