use std::path::{Path, PathBuf};

use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::ManageConnection;
use diesel::sqlite::SqliteConnection;

use crate::PersistenceError;

/// One connection type over both backends; the URL scheme picks the variant at run time.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

/// Which backend a database URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    Postgres(String),
    Sqlite(PathBuf),
}

impl DbUrl {
    /// `sqlite://<path>` (relative paths are relative to the working directory) or
    /// `postgres://…` / `postgresql://…`. Anything else is refused.
    pub fn parse(url: &str) -> Result<Self, PersistenceError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(PersistenceError::UnsupportedUrl(url.to_owned()));
            }
            return Ok(DbUrl::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DbUrl::Postgres(url.to_owned()));
        }
        Err(PersistenceError::UnsupportedUrl(url.to_owned()))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbUrl::Postgres(_) => Backend::Postgres,
            DbUrl::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Creates the SQLite file's directory if needed.
    pub fn prepare(&self) -> Result<(), PersistenceError> {
        if let DbUrl::Sqlite(path) = self
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)?;
        }
        Ok(())
    }

    /// The SQLite file, if this is one.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            DbUrl::Sqlite(p) => Some(p),
            DbUrl::Postgres(_) => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl DbConnection {
    /// A trivial round trip, to tell whether the database answers.
    pub fn ping(&mut self) -> diesel::QueryResult<()> {
        self.batch_execute("SELECT 1")
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbConnection::Postgres(_) => Backend::Postgres,
            DbConnection::Sqlite(_) => Backend::Sqlite,
        }
    }
}

/// Opens a connection of the URL's backend (SQLite gets its pragmas).
pub fn establish(url: &DbUrl, sqlite_busy_timeout_ms: u32) -> Result<DbConnection, PersistenceError> {
    match url {
        DbUrl::Postgres(u) => Ok(DbConnection::Postgres(PgConnection::establish(u)?)),
        DbUrl::Sqlite(path) => {
            let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
            conn.batch_execute(&sqlite_pragmas(sqlite_busy_timeout_ms))?;
            Ok(DbConnection::Sqlite(conn))
        }
    }
}

fn sqlite_pragmas(busy_timeout_ms: u32) -> String {
    format!(
        "PRAGMA busy_timeout = {busy_timeout_ms}; PRAGMA journal_mode = WAL; \
         PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
    )
}

/// r2d2 manager over [`DbConnection`].
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DbUrl,
    busy_timeout_ms: u32,
}

impl ConnectionManager {
    pub fn new(url: DbUrl, busy_timeout_ms: u32) -> Self {
        ConnectionManager { url, busy_timeout_ms }
    }
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        match &self.url {
            DbUrl::Postgres(u) => {
                PgConnection::establish(u).map(DbConnection::Postgres).map_err(diesel::r2d2::Error::ConnectionError)
            }
            DbUrl::Sqlite(path) => {
                let mut c = SqliteConnection::establish(&path.to_string_lossy())
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                c.batch_execute(&sqlite_pragmas(self.busy_timeout_ms)).map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(c))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1").map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::r2d2::R2D2Connection;
        conn.is_broken()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_schemes_pick_the_backend() {
        assert_eq!(DbUrl::parse("sqlite://./data/pms.sqlite3").ok(), Some(DbUrl::Sqlite("./data/pms.sqlite3".into())));
        assert_eq!(DbUrl::parse("sqlite:///tmp/x.db").ok(), Some(DbUrl::Sqlite("/tmp/x.db".into())));
        assert!(matches!(DbUrl::parse("postgres://u@h/db"), Ok(DbUrl::Postgres(_))));
        assert!(matches!(DbUrl::parse("postgresql://u@h/db"), Ok(DbUrl::Postgres(_))));
        for bad in ["mysql://u@h/db", "pms.sqlite3", "sqlite://", "", "http://x"] {
            assert!(matches!(DbUrl::parse(bad), Err(PersistenceError::UnsupportedUrl(_))), "{bad}");
        }
    }
}
