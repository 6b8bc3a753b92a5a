#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]
//! The case-insensitive filters on a partner's name and id answer the same on both backends,
//! and on SQLite, where they read a trigram index kept by triggers, they follow every insert,
//! rename and delete of a partner.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use persistence::repo::Paging;
use persistence::repo::partner_paged::{PartnerFilter, partner_summaries};
use persistence::schema::partner;
use persistence::search::{Criterion, Entity, Op, SearchQuery, search_ids};
use persistence::testing::TestDb;
use persistence::testing::fixtures::insert_partner;
use persistence::{DbConnection, DbPool, PoolOptions, both_backends};

fn at(secs: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap().naive_utc()
}

fn rename(conn: &mut DbConnection, id: &str, name: &str) {
    diesel::update(partner::table.find(id)).set(partner::name.eq(name)).execute(conn).unwrap();
}

/// The ids of the partner list (`GET /admin-partners`) whose organisation name contains `text`.
fn listed(conn: &mut DbConnection, text: &str) -> Vec<String> {
    listed_by(conn, PartnerFilter { org_name: Some(text.into()), ..PartnerFilter::default() })
}

fn listed_by(conn: &mut DbConnection, filter: PartnerFilter) -> Vec<String> {
    let (rows, total) =
        partner_summaries(conn, &filter, None, Paging { offset: 0, limit: 50, count_limit: Some(10_000) }).unwrap();
    let mut ids: Vec<String> = rows.into_iter().map(|r| r.partner_id).collect();
    assert_eq!(total, ids.len() as i64, "{filter:?}: the count and the page disagree");
    ids.sort();
    ids
}

/// The ids `POST /partners/search` finds with `op` on the name.
fn searched(conn: &mut DbConnection, op: Op) -> Vec<String> {
    let q = SearchQuery { criteria: vec![Criterion::new("name", op)], sort: vec![], page_start: 0, page_fetch: 50 };
    let (mut ids, total) = search_ids(conn, Entity::Partner, &q, None).unwrap();
    assert_eq!(total, ids.len() as i64);
    ids.sort();
    ids
}

/// On SQLite, how many names the trigram index holds; on PostgreSQL, how many partners there are.
fn indexed_names(conn: &mut DbConnection) -> i64 {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let sql = match conn {
        DbConnection::Sqlite(_) => "SELECT count(*) AS n FROM partner_trigram",
        DbConnection::Postgres(_) => "SELECT count(*) AS n FROM partner",
    };
    diesel::sql_query(sql).get_result::<Count>(conn).unwrap().n
}

fn name_filters_follow_every_change_of_a_name(db: TestDb) {
    let pool = DbPool::open(&db.url, &PoolOptions { migrate_postgres: true, ..PoolOptions::default() }).unwrap();
    let mut conn = pool.get().unwrap();
    let c = &mut *conn;
    let seeded = indexed_names(c);
    for (i, (id, name)) in
        [("p-1", "ACME Holdings"), ("p-2", "acme labs"), ("p-3", "Ac_me 100%"), ("p-4", "Zenith Ltd")]
            .iter()
            .enumerate()
    {
        insert_partner(c, id, "Auth_Partner", true, at(i as i64)).unwrap();
        rename(c, id, name);
    }
    assert_eq!(indexed_names(c), seeded + 4, "one indexed name per partner");

    assert_eq!(listed(c, "CME"), ["p-1", "p-2"], "a substring, in any case");
    assert_eq!(listed(c, "me"), ["p-1", "p-2", "p-3"], "two letters: shorter than a trigram");
    assert_eq!(listed(c, "c_me 1"), ["p-3"], "`_` is a letter, not a wildcard");
    assert_eq!(listed(c, "100%"), ["p-3"], "`%` is a letter, not a wildcard");
    let by_id = |text: &str| PartnerFilter { partner_id: Some(text.into()), ..PartnerFilter::default() };
    assert_eq!(listed_by(c, by_id("P-2")), ["p-2"], "the id, in any case");
    assert_eq!(listed_by(c, by_id("p-")), ["p-1", "p-2", "p-3", "p-4"]);
    assert_eq!(searched(c, Op::Contains("*acme*".into())), ["p-1", "p-2"]);
    assert_eq!(searched(c, Op::StartsWith("acme l*".into())), ["p-2"]);
    assert_eq!(searched(c, Op::StartsWith("lab".into())), Vec::<String>::new(), "a prefix, not a substring");

    rename(c, "p-1", "Summit Partners");
    diesel::update(partner::table.find("p-4")).set(partner::id.eq("q-4")).execute(c).unwrap();
    assert_eq!(listed_by(c, by_id("q-4")), ["q-4"], "a new id is found");
    assert_eq!(listed_by(c, by_id("p-4")), Vec::<String>::new(), "the old one is not");
    assert_eq!(listed(c, "acme"), ["p-2"], "the old name no longer matches");
    assert_eq!(listed(c, "summit"), ["p-1"], "the new one does");
    diesel::delete(partner::table.find("p-2")).execute(c).unwrap();
    assert_eq!(listed(c, "acme"), Vec::<String>::new(), "a deleted partner is gone");
    assert_eq!(indexed_names(c), seeded + 3, "one indexed name per partner, after a rename and a delete");
}

both_backends!(name_filters_follow_every_change_of_a_name);
