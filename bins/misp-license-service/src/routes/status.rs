//! E2 approve/reject a registration, E5 activate/deactivate a MISP (admins only).

use actix_web::web;
use misp_app::MispConfig;
use misp_app::dto::{Message, StatusRequest, StatusUpdated};
use misp_app::status;
use web_support::{Answer, Db, Envelope, Principal};

/// E2 `PATCH /misps/{mispId}/status`: `approved` issues one new licence key; `rejected` switches
/// every key of the MISP off. Compare-and-set on the status: of concurrent approvals one wins,
/// the others answer `PMS_MSP_404`.
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn decide(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: Envelope<StatusRequest>,
) -> Answer<StatusUpdated> {
    cfg.roles.require_admin(&principal)?;
    db.echo(body, move |store, request| status::decide(store, &principal, &cfg, &path, request)).await
}

/// E5 `PATCH /misps/{mispId}`: switches the MISP on or off. Off suspends its active keys; on
/// resumes exactly the keys a deactivation suspended (and that have not expired since).
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn activate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: Envelope<StatusRequest>,
) -> Answer<Message> {
    cfg.roles.require_admin(&principal)?;
    db.echo(body, move |store, request| status::activate(store, &principal, &path, request)).await
}
