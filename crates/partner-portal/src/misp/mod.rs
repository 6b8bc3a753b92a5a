//! MISP pages over `misp_app`, on the store misp-license-service shares: admins approve, reject,
//! activate and deactivate MISPs and switch their licence keys (MOSIP 1.1's operations, in
//! [`misps`]); a MISP partner sees, generates and downloads its licence key (MOSIP 1.2's, in
//! [`licence`]). The rules are `[misp]`'s (`misp_app::MispConfig`, registered by the service).

mod licence;
mod misps;

use actix_web::HttpRequest;
use app_core::{AppError, Store};
use misp_app::MispConfig;
use web_support::Db;

pub use licence::{download_licence, generate_licence, licence};
pub use misps::{misp_action, misps};

use crate::api;

/// Runs a MISP operation with the deployment's MISP rules (the caller's roles are the
/// operation's to check, or the page's before it).
async fn run<T, F>(req: &HttpRequest, op: F) -> api::Answer<T>
where
    T: Send + 'static,
    F: FnOnce(&Store, &MispConfig) -> Result<T, AppError> + Send + 'static,
{
    let db = api::data::<Db>(req)?;
    let cfg = api::data::<MispConfig>(req)?;
    Ok(db.call(move |store| op(store, &cfg)).await?)
}
