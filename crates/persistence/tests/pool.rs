#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

//! The pool hands out PostgreSQL connections without a round trip while they answer, and
//! replaces one the server dropped (`liveness`).

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use persistence::testing::TestDb;
use persistence::{DbConnection, DbPool, PersistenceError, PoolOptions};

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = Integer)]
    pid: i32,
}

#[derive(QueryableByName)]
struct LastStatement {
    #[diesel(sql_type = Text)]
    query: String,
}

fn one_connection(db: &TestDb) -> DbPool {
    let opts = PoolOptions { max_size: 1, migrate_postgres: true, ..PoolOptions::default() };
    DbPool::open(&db.url, &opts).unwrap()
}

fn pid(conn: &mut DbConnection) -> i32 {
    diesel::sql_query("SELECT pg_backend_pid() AS pid").get_result::<Pid>(conn).unwrap().pid
}

/// The last statement the server saw from backend `pid`, asked on a connection of its own.
fn last_statement_of(db: &TestDb, pid: i32) -> String {
    let mut other = PgConnection::establish(&db.url).unwrap();
    diesel::sql_query("SELECT query FROM pg_stat_activity WHERE pid = $1")
        .bind::<Integer, _>(pid)
        .get_result::<LastStatement>(&mut other)
        .unwrap()
        .query
}

/// Named under `postgres` so that CI's PostgreSQL pass (`cargo test -- postgres`) runs them.
mod postgres {
    use super::*;

    #[test]
    fn a_connection_that_just_answered_is_handed_out_without_a_round_trip() {
        let Some(db) = TestDb::postgres() else { return };
        let pool = one_connection(&db);
        let mut conn = pool.get().unwrap();
        let pid = pid(&mut conn);
        drop(conn);
        let _again = pool.get().unwrap();
        assert_eq!(last_statement_of(&db, pid), "SELECT pg_backend_pid() AS pid", "no SELECT 1 on checkout");
    }

    #[test]
    fn a_connection_the_server_dropped_is_replaced_on_its_next_checkout() {
        let Some(db) = TestDb::postgres() else { return };
        let pool = one_connection(&db);
        let mut conn = pool.get().unwrap();
        let first = pid(&mut conn);
        let mut other = PgConnection::establish(&db.url).unwrap();
        diesel::sql_query("SELECT pg_terminate_backend($1)").bind::<Integer, _>(first).execute(&mut other).unwrap();
        let lost = diesel::sql_query("SELECT 1").execute(&mut conn).unwrap_err();
        assert!(persistence::is_store_unavailable(&lost), "{lost}");
        drop(conn);
        let mut conn = pool.get().unwrap();
        let second = pid(&mut conn);
        assert_ne!(first, second, "a new connection took the dropped one's place");
    }

    #[test]
    fn a_database_that_lacks_migrations_is_refused_until_migrated() {
        let Some(db) = TestDb::postgres() else { return };
        let opts = PoolOptions { max_size: 1, migrate_postgres: false, ..PoolOptions::default() };
        match DbPool::open(&db.url, &opts) {
            Err(PersistenceError::SchemaBehind(pending)) => {
                assert_eq!(pending, persistence::migrate::known_versions().unwrap(), "every migration is named");
            }
            other => panic!("expected the schema to be reported behind, got {:?}", other.map(|_| ())),
        }
        let url = persistence::DbUrl::parse(&db.url).unwrap();
        persistence::migrate::run_pending(&url, 1_000).unwrap();
        assert!(DbPool::open(&db.url, &opts).is_ok(), "a migrated database opens without migrating");
    }
}
