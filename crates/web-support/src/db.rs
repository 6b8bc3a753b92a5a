//! The one bridge from async handlers to the application layer: an operation runs on actix's
//! blocking pool, where it takes a pooled connection itself, so no connection is held across an
//! `.await` (except by an array answer sent as it is read, [`Db::stream_array`]); its failure
//! becomes the answer through `From<AppError> for ApiError`.

use app_core::{AppError, Store};
use persistence::DbPool;
use serde::Serialize;

use crate::error::ApiError;
use crate::handler::{Answer, Envelope, Reply};
use crate::json_array::{ArrayAnswer, JsonArray, Streams};

/// The store, as handlers use it.
#[derive(Clone)]
pub struct Db {
    store: Store,
    /// Writers of arrays may wait for their clients on half of the pool's connections at most, so
    /// clients that read slowly cannot take every connection from the other requests.
    streams: Streams,
}

impl Db {
    pub fn new(store: Store) -> Self {
        let pool = store.pool();
        let streams = Streams::new(pool.max_size() as usize / 2, pool.connection_timeout());
        Db { store, streams }
    }

    /// The application layer's store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn pool(&self) -> &DbPool {
        self.store.pool()
    }

    /// Runs an application-layer operation on actix's blocking pool.
    pub async fn call<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
    {
        let store = self.store.clone();
        Ok(actix_web::web::block(move || f(&store)).await??)
    }

    /// Runs an operation that writes a JSON array on actix's blocking pool, sending the array as
    /// it is written ([`crate::json_array`]); the operation holds its connection until the client
    /// has taken all but the last few pieces, or gives up on a client that stops reading. At most
    /// half of the pool's connections wait for clients at once; a writer that must wait and finds
    /// no turn within the pool's checkout timeout gives up, and its answer is cut.
    pub async fn stream_array<F>(&self, write: F) -> Result<ArrayAnswer, ApiError>
    where
        F: FnOnce(&Store, &mut JsonArray) -> Result<(), AppError> + Send + 'static,
    {
        crate::json_array::stream(self.store.clone(), Default::default(), self.streams.clone(), write).await
    }

    /// A MOSIP write in one call: opens the envelope (`PMS_COR_001` without `request`), runs the
    /// operation on its request as [`Db::call`] does, and answers with the request's `id` and
    /// `version` echoed.
    pub async fn echo<R, T, F>(&self, body: Envelope<R>, f: F) -> Answer<T>
    where
        R: Send + 'static,
        T: Serialize + Send + 'static,
        F: FnOnce(&Store, R) -> Result<T, AppError> + Send + 'static,
    {
        let (request, echo) = body.open()?;
        let answer = self.call(move |store| f(store, request)).await?;
        Ok(Reply::echo(answer, echo))
    }

    /// True when the database answers a trivial query (health checks).
    pub async fn ping(&self) -> Result<(), ApiError> {
        let pool = self.pool().clone();
        Ok(actix_web::web::block(move || pool.ping()).await??)
    }
}
