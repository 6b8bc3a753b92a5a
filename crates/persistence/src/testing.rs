//! Fresh databases for tests: a temporary SQLite file, or a new database on the PostgreSQL
//! named by `PMS_TEST_PG_URL` (dropped again when the value goes out of scope); rows tests insert
//! directly ([`fixtures`]).

pub mod fixtures;

use diesel::pg::PgConnection;
use diesel::{Connection, RunQueryDsl};

use crate::connection::Backend;

/// A database that exists for one test.
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl TestDb {
    /// A new, empty SQLite file in a temporary directory.
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let url = format!("sqlite://{}", dir.path().join("pms.sqlite3").display());
        TestDb { url, backend: Backend::Sqlite, _dir: Some(dir), pg: None }
    }

    /// A new, empty PostgreSQL database, or `None` when `PMS_TEST_PG_URL` is not set
    /// (unless `PMS_REQUIRE_PG` is set, then the absence is a failure).
    pub fn postgres() -> Option<TestDb> {
        let Ok(admin) = std::env::var("PMS_TEST_PG_URL") else {
            assert!(std::env::var_os("PMS_REQUIRE_PG").is_none(), "PMS_REQUIRE_PG is set but PMS_TEST_PG_URL is not");
            eprintln!("PMS_TEST_PG_URL not set: PostgreSQL variant skipped");
            return None;
        };
        let prefix = std::env::var("PMS_TEST_PG_PREFIX").unwrap_or_else(|_| "pms_test".into());
        let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::establish(&admin).unwrap_or_else(|e| panic!("connect {admin}: {e}"));
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .unwrap_or_else(|e| panic!("create database: {e}"));
        let url = with_database(&admin, &name);
        Some(TestDb { url, backend: Backend::Postgres, _dir: None, pg: Some((admin, name)) })
    }

    /// The database of `backend` (PostgreSQL may be unavailable, see [`TestDb::postgres`]).
    pub fn of(backend: Backend) -> Option<TestDb> {
        match backend {
            Backend::Sqlite => Some(TestDb::sqlite()),
            Backend::Postgres => TestDb::postgres(),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.pg
            && let Ok(mut conn) = PgConnection::establish(admin)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn);
        }
    }
}

/// `admin` with its database name replaced by `name` (`postgres://u@h:5432/postgres` →
/// `postgres://u@h:5432/<name>`).
fn with_database(admin: &str, name: &str) -> String {
    let scheme_end = admin.find("://").map_or(0, |i| i + 3);
    let host_end = admin[scheme_end..].find('/').map_or(admin.len(), |i| scheme_end + i);
    format!("{}/{name}", &admin[..host_end])
}

/// Generates one test per backend from a function taking a [`TestDb`]:
/// `both_backends!(my_check);` gives `my_check::sqlite` and `my_check::postgres`, each calling
/// `my_check(db)` with a fresh database of its backend (the PostgreSQL one only when
/// `PMS_TEST_PG_URL` is set). `both_backends!(with spawn; my_check)` calls `my_check(spawn(db))`,
/// e.g. with a service started over `db`.
#[macro_export]
macro_rules! both_backends {
    (with $spawn:path; $($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name($spawn($crate::testing::TestDb::sqlite()));
                }
                #[test]
                fn postgres() {
                    if let Some(db) = $crate::testing::TestDb::postgres() {
                        super::$name($spawn(db));
                    }
                }
            }
        )+
    };
    ($($name:ident),+ $(,)?) => {
        $crate::both_backends!(with ::std::convert::identity; $($name),+);
    };
}
