use diesel::migration::MigrationSource;
use diesel::pg::PgConnection;
use diesel::{Connection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::PersistenceError;
use crate::connection::{DbConnection, DbUrl, establish};

const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");
const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");

/// Arbitrary key of the PostgreSQL advisory lock that keeps two migrators from racing.
const PG_MIGRATION_LOCK: i64 = 0x0050_4d53_5f4d_4947;

/// Applies every pending migration; returns the versions applied. Safe to run from two
/// processes at once: SQLite migrates under an exclusive lock, PostgreSQL under an advisory lock.
pub fn run_pending(url: &DbUrl, busy_timeout_ms: u32) -> Result<Vec<String>, PersistenceError> {
    url.prepare()?;
    match establish(url, busy_timeout_ms)? {
        DbConnection::Sqlite(mut c) => c.exclusive_transaction(|c| apply(c, SQLITE)),
        DbConnection::Postgres(mut c) => with_pg_lock(&mut c, |c| apply(c, POSTGRES)),
    }
}

/// Reverts every applied migration (tests and `down` checks).
pub fn revert_all(url: &DbUrl, busy_timeout_ms: u32) -> Result<Vec<String>, PersistenceError> {
    match establish(url, busy_timeout_ms)? {
        DbConnection::Sqlite(mut c) => c.exclusive_transaction(|c| revert(c, SQLITE)),
        DbConnection::Postgres(mut c) => with_pg_lock(&mut c, |c| revert(c, POSTGRES)),
    }
}

/// Versions of the migrations this build carries (both backends carry the same ones).
pub fn known_versions() -> Result<Vec<String>, PersistenceError> {
    let list = MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE)
        .map_err(|e| PersistenceError::Migration(e.to_string()))?;
    Ok(list.iter().map(|m| m.name().version().to_string()).collect())
}

/// Versions still to apply.
pub fn pending(url: &DbUrl, busy_timeout_ms: u32) -> Result<Vec<String>, PersistenceError> {
    match establish(url, busy_timeout_ms)? {
        DbConnection::Sqlite(mut c) => pending_in(&mut c, SQLITE),
        DbConnection::Postgres(mut c) => pending_in(&mut c, POSTGRES),
    }
}

fn pending_in<C>(conn: &mut C, source: EmbeddedMigrations) -> Result<Vec<String>, PersistenceError>
where
    C: MigrationHarness<C::Backend> + Connection,
    EmbeddedMigrations: MigrationSource<C::Backend>,
{
    let list = conn.pending_migrations(source).map_err(|e| PersistenceError::Migration(e.to_string()))?;
    Ok(list.iter().map(|m| m.name().version().to_string()).collect())
}

fn apply<C>(conn: &mut C, source: EmbeddedMigrations) -> Result<Vec<String>, PersistenceError>
where
    C: MigrationHarness<C::Backend> + Connection,
{
    conn.run_pending_migrations(source)
        .map(|v| v.iter().map(ToString::to_string).collect())
        .map_err(|e| PersistenceError::Migration(e.to_string()))
}

fn revert<C>(conn: &mut C, source: EmbeddedMigrations) -> Result<Vec<String>, PersistenceError>
where
    C: MigrationHarness<C::Backend> + Connection,
{
    conn.revert_all_migrations(source)
        .map(|v| v.iter().map(ToString::to_string).collect())
        .map_err(|e| PersistenceError::Migration(e.to_string()))
}

fn with_pg_lock<T>(
    conn: &mut PgConnection,
    f: impl FnOnce(&mut PgConnection) -> Result<T, PersistenceError>,
) -> Result<T, PersistenceError> {
    diesel::sql_query(format!("SELECT pg_advisory_lock({PG_MIGRATION_LOCK})")).execute(conn)?;
    let out = f(conn);
    diesel::sql_query(format!("SELECT pg_advisory_unlock({PG_MIGRATION_LOCK})")).execute(conn)?;
    out
}
