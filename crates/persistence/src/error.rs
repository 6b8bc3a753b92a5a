use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// Everything the store can fail with.
#[derive(Debug, thiserror::Error)]
pub enum PersistenceError {
    #[error("unsupported database URL {0:?}: use sqlite://<path> or postgres://<user>@<host>/<db>")]
    UnsupportedUrl(String),
    #[error("cannot prepare the SQLite file: {0}")]
    SqliteFile(#[from] std::io::Error),
    #[error("cannot connect to the database: {0}")]
    Connect(#[from] diesel::ConnectionError),
    #[error("no database connection became free in time")]
    PoolTimeout,
    #[error("connection pool: {0}")]
    Pool(String),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error(
        "the database lacks {} migration(s) of this build ({}): run the service's `migrate` command first, \
         or set database.migrate_on_start = true",
        .0.len(),
        .0.join(", ")
    )]
    SchemaBehind(Vec<String>),
    #[error(transparent)]
    Query(#[from] DieselError),
}

impl PersistenceError {
    /// True when a unique or primary-key constraint refused the write.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, PersistenceError::Query(e) if is_unique_violation(e))
    }

    /// True when the store cannot serve anyone right now (no free connection in time, the
    /// connection lost, the SQLite file read-only or its disk full): worth retrying later, not
    /// a fault of the request or of this code.
    pub fn is_unavailable(&self) -> bool {
        match self {
            PersistenceError::PoolTimeout | PersistenceError::Connect(_) => true,
            PersistenceError::Query(e) => is_store_unavailable(e),
            _ => false,
        }
    }
}

/// True when a statement failed because the store is out of reach or cannot take writes: the
/// PostgreSQL connection was lost (server gone, network cut), or SQLite reports its file
/// read-only or its disk full. The reliability suite's outage checks inject these.
pub fn is_store_unavailable(e: &DieselError) -> bool {
    match e {
        e if is_connection_lost(e) => true,
        DieselError::DatabaseError(_, info) => {
            let m = info.message();
            m.contains("database or disk is full") || m.contains("readonly database") || m.contains("disk I/O error")
        }
        _ => false,
    }
}

/// True when the PostgreSQL server closed the connection or could not be sent the statement.
pub fn is_connection_lost(e: &DieselError) -> bool {
    matches!(
        e,
        DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand, _)
    )
}

/// True when a unique or primary-key constraint refused the write.
pub fn is_unique_violation(e: &DieselError) -> bool {
    matches!(e, DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _))
}

/// True when SQLite refused a statement because another writer holds the lock.
pub fn is_busy(e: &DieselError) -> bool {
    matches!(e, DieselError::DatabaseError(_, info) if info.message().contains("database is locked"))
}

impl From<diesel::r2d2::PoolError> for PersistenceError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        PersistenceError::Pool(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db_error(kind: DatabaseErrorKind, message: &str) -> DieselError {
        DieselError::DatabaseError(kind, Box::new(message.to_owned()))
    }

    #[test]
    fn a_lost_connection_a_full_disk_and_a_read_only_file_are_unavailable() {
        assert!(is_store_unavailable(&db_error(DatabaseErrorKind::ClosedConnection, "server closed the connection")));
        assert!(is_store_unavailable(&db_error(DatabaseErrorKind::UnableToSendCommand, "no connection to the server")));
        assert!(is_store_unavailable(&db_error(DatabaseErrorKind::Unknown, "database or disk is full")));
        assert!(is_store_unavailable(&db_error(DatabaseErrorKind::Unknown, "attempt to write a readonly database")));
        assert!(PersistenceError::PoolTimeout.is_unavailable());
    }

    #[test]
    fn a_constraint_or_a_bad_statement_is_not_unavailable() {
        assert!(!is_store_unavailable(&db_error(DatabaseErrorKind::UniqueViolation, "duplicate key")));
        assert!(!is_store_unavailable(&db_error(DatabaseErrorKind::Unknown, "no such column: x")));
        assert!(!PersistenceError::Query(DieselError::NotFound).is_unavailable());
    }
}
