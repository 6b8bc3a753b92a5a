use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use diesel::r2d2::{ManageConnection, Pool, PooledConnection};
use scheduled_thread_pool::{OnPoolDropBehavior, ScheduledThreadPool};

use crate::PersistenceError;
use crate::connection::{Backend, ConnectionManager, DbConnection, DbUrl};
use crate::liveness::Liveness;

/// How to open the store.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    pub max_size: u32,
    pub connection_timeout: Duration,
    pub sqlite_busy_timeout_ms: u32,
    /// Apply pending migrations before the pool opens. Always done for SQLite.
    pub migrate_postgres: bool,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            max_size: 8,
            connection_timeout: Duration::from_secs(5),
            sqlite_busy_timeout_ms: 5_000,
            migrate_postgres: false,
        }
    }
}

/// The connection pool the services share across requests.
#[derive(Clone)]
pub struct DbPool {
    pool: Pool<ConnectionManager>,
    /// Opens the connection that replaces one the server dropped.
    manager: ConnectionManager,
    backend: Backend,
    /// SQLite has one writer at a time: the threads of this process queue here instead of
    /// polling the file lock in SQLite's busy handler (which sleeps in coarse steps).
    write_gate: Option<Arc<Mutex<()>>>,
    /// Set once the service stops: the background threads working on the store end.
    closed: Arc<(Mutex<bool>, Condvar)>,
}

/// Holds this process's turn to write (SQLite); nothing for PostgreSQL.
pub struct WriteTurn<'a>(#[allow(dead_code, reason = "held for its drop")] Option<MutexGuard<'a, ()>>);

pub type PooledDb = PooledConnection<ConnectionManager>;

impl DbPool {
    /// Opens the store at `url`, migrating first (SQLite always; PostgreSQL when asked). A
    /// PostgreSQL database that lacks migrations of this build is refused
    /// ([`PersistenceError::SchemaBehind`]), rather than served until a query meets the old schema.
    pub fn open(url: &str, opts: &PoolOptions) -> Result<Self, PersistenceError> {
        let url = DbUrl::parse(url)?;
        url.prepare()?;
        if url.backend() == Backend::Sqlite || opts.migrate_postgres {
            let applied = crate::migrate::run_pending(&url, opts.sqlite_busy_timeout_ms)?;
            if !applied.is_empty() {
                tracing::info!(versions = ?applied, "applied migrations");
            }
        } else {
            let pending = crate::migrate::pending(&url, opts.sqlite_busy_timeout_ms)?;
            if !pending.is_empty() {
                return Err(PersistenceError::SchemaBehind(pending));
            }
        }
        let backend = url.backend();
        let maintenance = ScheduledThreadPool::builder()
            .num_threads(3)
            .thread_name_pattern("r2d2-worker-{}")
            .on_drop_behavior(OnPoolDropBehavior::DiscardPendingScheduled)
            .build();
        let manager = ConnectionManager::new(url, opts.sqlite_busy_timeout_ms);
        let pool = Pool::builder()
            .thread_pool(Arc::new(maintenance))
            .max_size(opts.max_size)
            .min_idle(Some(1))
            // a file on this machine does not go stale; a server connection may (restart,
            // failover), and `get` checks it when it has not answered lately
            .test_on_check_out(false)
            .connection_timeout(opts.connection_timeout)
            .build(manager.clone())?;
        let write_gate = (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(())));
        Ok(DbPool { pool, manager, backend, write_gate, closed: Arc::default() })
    }

    /// A connection, or [`PersistenceError::PoolTimeout`] when none frees up in time; on
    /// PostgreSQL, one that answered lately or has just been checked (`crate::liveness`).
    pub fn get(&self) -> Result<PooledDb, PersistenceError> {
        let mut conn = self.pool.get().map_err(|_| PersistenceError::PoolTimeout)?;
        if self.backend == Backend::Postgres {
            self.revive(&mut conn)?;
        }
        Ok(conn)
    }

    /// Hands `conn` out as it is if it answered lately; else pings it, and puts a new connection
    /// in its place if the server has dropped it.
    fn revive(&self, conn: &mut PooledDb) -> Result<(), PersistenceError> {
        let liveness = match PooledConnection::extensions(conn).get::<Arc<Liveness>>() {
            Some(liveness) => Arc::clone(liveness),
            None => {
                let liveness = Liveness::watch(conn);
                PooledConnection::extensions_mut(conn).insert(Arc::clone(&liveness));
                liveness
            }
        };
        if liveness.fresh(Instant::now()) || (!liveness.lost() && conn.ping().is_ok()) {
            return Ok(());
        }
        let mut replacement = self.manager.connect().map_err(|e| match e {
            diesel::r2d2::Error::ConnectionError(e) => PersistenceError::Connect(e),
            diesel::r2d2::Error::QueryError(e) => PersistenceError::Query(e),
        })?;
        liveness.watch_again(&mut replacement);
        **conn = replacement;
        tracing::info!("replaced a PostgreSQL connection the server had dropped");
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The most connections the pool opens.
    pub fn max_size(&self) -> u32 {
        self.pool.max_size()
    }

    /// How long a request waits for a connection before it is refused as busy.
    pub fn connection_timeout(&self) -> Duration {
        self.pool.connection_timeout()
    }

    /// Connections open and idle right now.
    pub fn state(&self) -> (u32, u32) {
        let s = self.pool.state();
        (s.connections, s.idle_connections)
    }

    /// Waits for this process's turn to write (SQLite only; PostgreSQL writers never wait here).
    pub fn write_turn(&self) -> WriteTurn<'_> {
        WriteTurn(self.write_gate.as_ref().map(|m| m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)))
    }

    /// Runs `f` in one write transaction on `conn`, in this process's turn to write.
    pub fn transaction_on<T, E>(
        &self,
        conn: &mut DbConnection,
        f: impl FnOnce(&mut DbConnection) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<diesel::result::Error>,
    {
        let _turn = self.write_turn();
        crate::tx::transaction(conn, f)
    }

    /// Runs `f` on a pooled connection in one transaction.
    pub fn transaction<T, E>(&self, f: impl FnOnce(&mut DbConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<PersistenceError> + From<diesel::result::Error>,
    {
        let mut conn = self.get()?;
        self.transaction_on(&mut conn, f)
    }

    /// Tells the background threads of every clone of this pool to end (their
    /// [`DbPool::wait_open`] answers false); requests already holding a connection finish.
    pub fn close(&self) {
        let (flag, wake) = &*self.closed;
        *flag.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = true;
        wake.notify_all();
    }

    /// Waits `pause`, or less if the pool is closed meanwhile; true while the pool is open.
    pub fn wait_open(&self, pause: Duration) -> bool {
        let (flag, wake) = &*self.closed;
        let closed = flag.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (closed, _) = wake
            .wait_timeout_while(closed, pause, |closed| !*closed)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        !*closed
    }

    /// True when the database answers a trivial query.
    pub fn ping(&self) -> Result<(), PersistenceError> {
        Ok(self.get()?.ping()?)
    }
}
