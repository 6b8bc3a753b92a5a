#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]
//! The search engine against real databases: the seeded partner types and a few policy groups.

use chrono::NaiveDateTime;
use persistence::search::{
    Criterion, Entity, FilterValue, Op, SearchError, SearchQuery, SortKey, filter_values, matching_ids, search_ids,
};
use persistence::testing::TestDb;
use persistence::testing::fixtures::GroupFixture;
use persistence::{DbConnection, DbPool, PoolOptions, both_backends};

fn at(secs: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap().naive_utc()
}

fn group(conn: &mut DbConnection, id: &str, name: &str, active: bool, deleted: bool, created: NaiveDateTime) {
    let group = GroupFixture::new(id, name);
    GroupFixture {
        descr: format!("about {name}"),
        user: "u".into(),
        by: "u".into(),
        active,
        deleted,
        created,
        ..group
    }
    .insert(conn)
    .unwrap();
}

fn setup(db: &TestDb) -> persistence::PooledDb {
    let pool = DbPool::open(&db.url, &PoolOptions { migrate_postgres: true, ..PoolOptions::default() }).unwrap();
    let mut conn = pool.get().unwrap();
    group(&mut conn, "g1", "Auth Group", true, false, at(0));
    group(&mut conn, "g2", "auth-second", false, false, at(10));
    group(&mut conn, "g3", "Data 100%_share", true, false, at(20));
    group(&mut conn, "g4", "Auth deleted", true, true, at(30));
    conn
}

fn query(criteria: Vec<Criterion>, sort: Vec<SortKey>, page_start: i64, page_fetch: i64) -> SearchQuery {
    SearchQuery { criteria, sort, page_start, page_fetch }
}

fn asc(c: &str) -> SortKey {
    SortKey { column: c.into(), desc: false }
}

fn desc(c: &str) -> SortKey {
    SortKey { column: c.into(), desc: true }
}

fn ids(conn: &mut DbConnection, entity: Entity, q: SearchQuery) -> (Vec<String>, i64) {
    search_ids(conn, entity, &q, None).unwrap_or_else(|e| panic!("{e}"))
}

fn text_filters_are_case_insensitive_and_in_is_exact(db: TestDb) {
    let mut conn = setup(&db);
    let c = &mut *conn;
    let contains = query(vec![Criterion::new("NAME", Op::Contains("AUTH".into()))], vec![asc("id")], 0, 10);
    assert_eq!(
        ids(c, Entity::PolicyGroup, contains),
        (vec!["g1".to_owned(), "g2".to_owned()], 2),
        "deleted rows never match"
    );
    let starred = query(vec![Criterion::new("name", Op::Contains("*second*".into()))], vec![], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, starred).0, ["g2"]);
    let starts = query(vec![Criterion::new("name", Op::StartsWith("auth*".into()))], vec![], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, starts).1, 2);
    let equals = query(vec![Criterion::equals("name", "auth group")], vec![], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, equals).0, ["g1"]);
    let exact =
        query(vec![Criterion::new("name", Op::In(vec!["auth group".into(), "auth-second".into()]))], vec![], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, exact).0, ["g2"]);
    let literal = query(vec![Criterion::new("name", Op::Contains("100%_".into()))], vec![], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, literal).0, ["g3"], "% and _ are literal");
    let wildcard = query(vec![Criterion::new("name", Op::Contains("a%h".into()))], vec![], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, wildcard).1, 0);
}

fn booleans_and_times_are_typed(db: TestDb) {
    let mut conn = setup(&db);
    let c = &mut *conn;
    let active = query(vec![Criterion::equals("isActive", "TRUE")], vec![asc("id")], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, active).0, ["g1", "g3"]);
    let window = query(
        vec![Criterion::new(
            "crDtimes",
            Op::Between("2023-11-14T22:13:25.000Z".into(), "2023-11-14T22:13:45.000Z".into()),
        )],
        vec![],
        0,
        10,
    );
    let mut within = ids(c, Entity::PolicyGroup, window).0;
    within.sort();
    assert_eq!(within, ["g2", "g3"]);
    let instant = query(vec![Criterion::equals("crDtimes", "2023-11-14T22:13:30.000Z")], vec![], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, instant).0, ["g2"]);
    let bad =
        search_ids(c, Entity::PolicyGroup, &query(vec![Criterion::equals("isActive", "maybe")], vec![], 0, 10), None);
    assert!(matches!(bad, Err(SearchError::InvalidValue { .. })), "{bad:?}");
    // the 12 partner types the migration seeds: 7 need a policy
    let policy = query(vec![Criterion::equals("isPolicyRequired", "true")], vec![], 0, 100);
    assert_eq!(ids(c, Entity::PartnerType, policy).1, 7);
}

fn sorting_and_paging_happen_in_sql(db: TestDb) {
    let mut conn = setup(&db);
    let c = &mut *conn;
    let page = |start| query(vec![], vec![desc("crDtimes")], start, 2);
    assert_eq!(ids(c, Entity::PolicyGroup, page(0)), (vec!["g3".to_owned(), "g2".to_owned()], 3));
    assert_eq!(ids(c, Entity::PolicyGroup, page(1)), (vec!["g1".to_owned()], 3));
    assert_eq!(ids(c, Entity::PolicyGroup, page(2)), (vec![], 3));
    let two_keys = query(vec![], vec![desc("isActive"), asc("name")], 0, 10);
    assert_eq!(ids(c, Entity::PolicyGroup, two_keys).0, ["g1", "g3", "g2"]);
    let types = query(vec![Criterion::new("code", Op::Contains("partner".into()))], vec![asc("code")], 0, 3);
    let (first, total) = ids(c, Entity::PartnerType, types);
    assert_eq!(first, ["ABIS_Partner", "Auth_Partner", "Credential_Partner"]);
    assert_eq!(total, 9);
}

fn errors_name_mosip_codes(db: TestDb) {
    let mut conn = setup(&db);
    let c = &mut *conn;
    let run = |c: &mut DbConnection, q: SearchQuery| search_ids(c, Entity::Partner, &q, None).err().map(|e| e.code());
    assert_eq!(run(c, query(vec![Criterion::equals("nope", "x")], vec![], 0, 10)), Some("PMS-MSD-310"));
    assert_eq!(run(c, query(vec![Criterion::equals("", "x")], vec![], 0, 10)), Some("PMS-MSD-310"));
    assert_eq!(run(c, query(vec![], vec![asc("mo@@del")], 0, 10)), Some("PMS-MSD-357"));
    assert_eq!(run(c, query(vec![], vec![], -1, 10)), Some("PMS-MSD-313"));
    assert_eq!(run(c, query(vec![], vec![], 0, 0)), Some("PMS-MSD-313"));
    assert_eq!(
        run(c, query(vec![Criterion::new("crDtimes", Op::Between("a".into(), "b".into()))], vec![], 0, 1)),
        Some("PMS-MSD-315")
    );
    assert_eq!(run(c, query(vec![], vec![asc("name")], 0, 10)), None);
}

fn filter_values_list_matching_values(db: TestDb) {
    let mut conn = setup(&db);
    let c = &mut *conn;
    let values = |c: &mut DbConnection, col: &str, text: Option<&str>, crit: &[Criterion]| {
        filter_values(c, Entity::PolicyGroup, col, text, crit, true, 100).unwrap_or_else(|e| panic!("{e}"))
    };
    let names = values(c, "name", Some("AUTH"), &[]);
    assert_eq!(
        names,
        [
            FilterValue { code: "Auth Group".into(), value: "Auth Group".into() },
            FilterValue { code: "auth-second".into(), value: "auth-second".into() }
        ]
    );
    let active_only = values(c, "name", None, &[Criterion::equals("isActive", "true")]);
    assert_eq!(active_only.len(), 2);
    assert_eq!(
        values(c, "isActive", None, &[]).iter().map(|v| v.value.as_str()).collect::<Vec<_>>(),
        ["true", "false"]
    );
    let times = filter_values(c, Entity::PolicyGroup, "crDtimes", None, &[], true, 100);
    assert_eq!(times.err().map(|e| e.code()), Some("PMS-MSD-324"));
    let limited = filter_values(c, Entity::PartnerType, "code", Some("_"), &[], false, 3).unwrap();
    assert_eq!(limited.len(), 3);
    assert_eq!(limited[0].code, limited[0].value, "partner types are coded by their code");
}

fn the_total_counts_up_to_the_limit_and_one_past_the_page(db: TestDb) {
    let mut conn = setup(&db);
    let c = &mut *conn;
    let live =
        |start, fetch| query(vec![Criterion::new("name", Op::Contains("a".into()))], vec![asc("id")], start, fetch);
    let counted =
        |c: &mut DbConnection, q: SearchQuery, limit| search_ids(c, Entity::PolicyGroup, &q, limit).unwrap().1;
    assert_eq!(counted(c, live(0, 10), None), 3, "every match without a limit");
    assert_eq!(counted(c, live(0, 10), Some(2)), 3, "a page of ten asks one past it: all three");
    assert_eq!(counted(c, live(0, 1), Some(1)), 2, "a page of one: the limit, then one past the page");
    assert_eq!(counted(c, live(0, 1), Some(100)), 3);
    let (page, total) = search_ids(c, Entity::PolicyGroup, &live(1, 1), Some(1)).unwrap();
    assert_eq!((page, total), (vec!["g2".to_owned()], 3), "the second page of one, and one row after it");
}

fn matching_ids_are_the_searchs_matches_in_key_order_up_to_the_limit(db: TestDb) {
    let mut conn = setup(&db);
    let c = &mut *conn;
    let auth = [Criterion::new("name", Op::Contains("AUTH".into()))];
    let searched = ids(c, Entity::PolicyGroup, query(auth.to_vec(), vec![desc("name")], 0, 10)).0;
    let mut in_key_order = searched.clone();
    in_key_order.sort();
    assert_eq!(matching_ids(c, Entity::PolicyGroup, &auth, 10).unwrap(), in_key_order);
    assert_eq!(matching_ids(c, Entity::PolicyGroup, &auth, 1).unwrap(), in_key_order[..1]);
    assert!(searched.len() > 1, "{searched:?}");
    let unknown = matching_ids(c, Entity::PolicyGroup, &[Criterion::equals("nope", "x")], 10);
    assert_eq!(
        unknown.err().map(|e| e.code()),
        search_ids(c, Entity::PolicyGroup, &query(vec![Criterion::equals("nope", "x")], vec![], 0, 10), None)
            .err()
            .map(|e| e.code())
    );
}

both_backends!(
    matching_ids_are_the_searchs_matches_in_key_order_up_to_the_limit,
    the_total_counts_up_to_the_limit_and_one_past_the_page,
    text_filters_are_case_insensitive_and_in_is_exact,
    booleans_and_times_are_typed,
    sorting_and_paging_happen_in_sql,
    errors_name_mosip_codes,
    filter_values_list_matching_values,
);
