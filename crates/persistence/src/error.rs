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
    #[error(transparent)]
    Query(#[from] DieselError),
}

impl PersistenceError {
    /// True when a unique or primary-key constraint refused the write.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, PersistenceError::Query(e) if is_unique_violation(e))
    }
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
