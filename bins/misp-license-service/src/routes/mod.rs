//! Every route of the service.
//!
//! - MOSIP 1.1's MISP API (E1–E10) twice: under `/partnermanagement/v1/misps/misps`, where
//!   deployed MOSIP answers (context path `/partnermanagement/v1/misps` plus controller mapping
//!   `/misps`), and under `/partnermanagement/v1/misps`, the form its documentation shows. Literal
//!   segments (`…/mispId/{id}`, `…/name/{x}`) are registered before `…/{mispId}/…`, so they win.
//! - MOSIP 1.2's licence API for MISP partners under `/v1/partnermanager/misps`.

mod keys;
mod misps;
mod partner_license;
mod status;

use actix_web::web;
use web_support::health::health;
use web_support::metrics::prometheus;

use crate::config::MispConfig;

pub fn configure(cfg: &mut web::ServiceConfig, misp: web::Data<MispConfig>) {
    cfg.app_data(misp)
        .service(
            web::scope("/partnermanagement/v1/misps")
                .route("/actuator/health", web::get().to(health))
                .route("/actuator/prometheus", web::get().to(prometheus))
                .configure(|c| misp_api(c, "/misps"))
                .configure(|c| misp_api(c, "")),
        )
        .service(web::scope("/v1/partnermanager/misps").configure(partner_license::configure));
}

/// E1–E10 under `prefix` (relative to `/partnermanagement/v1/misps`).
fn misp_api(cfg: &mut web::ServiceConfig, prefix: &str) {
    cfg.service(web::resource(prefix).route(web::post().to(misps::register)).route(web::get().to(misps::list)))
        .service(web::resource(format!("{prefix}/mispId/{{mispId}}")).route(web::get().to(misps::by_id)))
        .service(web::resource(format!("{prefix}/name/{{orgName}}")).route(web::get().to(misps::by_name)))
        .service(web::resource(format!("{prefix}/{{mispId}}/status")).route(web::patch().to(status::decide)))
        .service(
            web::resource(format!("{prefix}/{{mispId}}/licenseKey"))
                .route(web::patch().to(keys::validate))
                .route(web::put().to(keys::switch))
                .route(web::get().to(keys::download)),
        )
        .service(
            web::resource(format!("{prefix}/{{mispId}}"))
                .route(web::put().to(misps::update))
                .route(web::patch().to(status::activate)),
        );
}
