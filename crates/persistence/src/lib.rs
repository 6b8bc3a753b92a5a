#![doc = include_str!("../README.md")]

pub mod connection;
pub mod error;
pub mod import;
mod liveness;
pub mod migrate;
mod pool;
pub mod repo;
pub mod schema;
pub mod search;
mod tx;

#[cfg(feature = "testing")]
#[expect(clippy::panic, reason = "test support fails the test loudly")]
pub mod testing;

pub use connection::{Backend, DbConnection, DbUrl};
pub use error::{PersistenceError, is_busy, is_store_unavailable, is_unique_violation};
pub use pool::{DbPool, PoolOptions, PooledDb};
pub use tx::transaction;

/// Diesel's error type, for callers that match on it.
pub use diesel::result::Error as QueryError;
