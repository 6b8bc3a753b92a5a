use diesel::Connection;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::result::Error as DieselError;

use crate::connection::DbConnection;

/// Runs `f` in one transaction: committed when it returns `Ok`, rolled back otherwise.
///
/// On SQLite the transaction starts with `BEGIN IMMEDIATE`, so it takes the write lock (waiting
/// up to the busy timeout) before it reads; a deferred transaction that reads and then writes
/// can fail at once when another writer committed in between.
pub fn transaction<T, E>(conn: &mut DbConnection, f: impl FnOnce(&mut DbConnection) -> Result<T, E>) -> Result<T, E>
where
    E: From<DieselError>,
{
    match conn {
        DbConnection::Postgres(_) => conn.transaction(f),
        DbConnection::Sqlite(inner) => {
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
            match f(conn) {
                Ok(value) => {
                    <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
                    Ok(value)
                }
                Err(e) => {
                    <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)?;
                    Err(e)
                }
            }
        }
    }
}
