#![doc = include_str!("../README.md")]

mod admin;
mod api;
mod auth;
mod bell;
mod certs;
mod ctx;
mod device;
mod forms;
mod i18n;
mod lookups;
mod misp;
mod notices;
mod partner;
mod policy;
mod renew;
mod session;
mod settings;
mod view;

use actix_web::http::StatusCode;
use actix_web::middleware::DefaultHeaders;
use actix_web::{HttpRequest, HttpResponse, web};

pub use ctx::PortalConfig;
pub use settings::{PortalSettings, SecureCookies};

/// The Content-Security-Policy of every portal response: no inline scripts (the one script, which
/// tells the portal the browser's time zone, is a file of this origin), no frames, styles and
/// images from this origin only, forms posting back here only.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                       form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLESHEET: &str = include_str!("portal.css");
const TIME_ZONE_SCRIPT: &str = include_str!("tz.js");
const COPY_SCRIPT: &str = include_str!("copy.js");
const JSON_EDITOR_SCRIPT: &str = include_str!("json-editor.js");

/// Mounts the portal under `/portal/`. The service registers, as app data, the store (`Db`),
/// the `PortalConfig`, `partner_app::onboarding::Onboarding`, and the configurations of
/// the operations the pages call (`partner_app::PartnerConfig`, `CertificateConfig`,
/// `policy_app::PolicyConfig`, `misp_app::MispConfig`, `device_app::DeviceConfig`).
pub fn configure(cfg: &mut web::ServiceConfig) {
    use web::{get, post};
    let headers = DefaultHeaders::new()
        .add(("Content-Security-Policy", CSP))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "same-origin"))
        .add(("Cache-Control", "no-store"));
    cfg.route("/portal", get().to(|| async { view::redirect("/portal/") })).service(
        web::scope("/portal")
            .wrap(actix_web::middleware::from_fn(bell::count_unseen))
            .wrap(actix_web::middleware::from_fn(i18n::choice::middleware))
            .wrap(headers)
            .app_data(query_config())
            .route("/", get().to(partner::home))
            .route("/static/portal.css", get().to(stylesheet))
            .route("/static/tz.js", get().to(|| script(TIME_ZONE_SCRIPT)))
            .route("/static/copy.js", get().to(|| script(COPY_SCRIPT)))
            .route("/static/json-editor.js", get().to(|| script(JSON_EDITOR_SCRIPT)))
            .route("/language", post().to(i18n::choice::pick))
            .route("/login", get().to(auth::login_page))
            .route("/login", post().to(auth::login))
            .route("/logout", post().to(auth::logout))
            .route("/signup", get().to(auth::signup_page))
            .route("/signup", post().to(auth::signup))
            .route("/signup/verify", get().to(auth::verify_page))
            .route("/signup/verify", post().to(auth::verify))
            .route("/signup/resend", post().to(auth::resend))
            .route("/profile", get().to(partner::profile))
            .route("/profile", post().to(partner::update_profile))
            .route("/profile/contact", post().to(partner::add_contact))
            .route("/notifications", get().to(notices::page))
            .route("/notifications/{id}/dismiss", post().to(notices::dismiss))
            .route("/certificates", get().to(partner::certificates))
            .route("/certificates", post().to(partner::upload_certificate))
            .route("/policies", get().to(partner::policies))
            .route("/policies", post().to(partner::request_policy))
            .route("/keys", get().to(partner::keys))
            .route("/keys", post().to(partner::generate_key))
            .route("/keys/status", get().to(partner::confirm_key_status))
            .route("/keys/status", post().to(partner::key_status))
            .route("/extractors", get().to(partner::extractors))
            .route("/extractors", post().to(partner::save_extractors))
            .route("/oidc-clients", get().to(partner::clients))
            .route("/oidc-clients", post().to(partner::create_client))
            .route("/oidc-clients/{id}", get().to(partner::client))
            .route("/oidc-clients/{id}", post().to(partner::update_client))
            .route("/licence", get().to(misp::licence))
            .route("/licence", post().to(misp::generate_licence))
            .route("/licence/download", get().to(misp::download_licence))
            .route("/sbis", get().to(device::sbis))
            .route("/sbis", post().to(device::create_sbi))
            .route("/sbis/devices", post().to(device::map_device))
            .route("/devices", get().to(device::devices))
            .route("/devices", post().to(device::create_device))
            .route("/ftm-chips", get().to(device::chips))
            .route("/ftm-chips", post().to(device::create_chip))
            .route("/ftm-chips/{id}/certificate", get().to(device::download_certificate))
            .route("/ftm-chips/{id}/certificate", post().to(device::upload_certificate))
            .service(
                web::scope("/admin")
                    .route("/partners", get().to(admin::partners))
                    .route("/partners/{id}", get().to(admin::partner))
                    .route("/partners/{id}/status", get().to(admin::confirm_status))
                    .route("/partners/{id}/status", post().to(admin::partner_status))
                    .route("/requests", get().to(admin::requests))
                    .route("/requests/{id}", get().to(admin::confirm_review))
                    .route("/requests/{id}", post().to(admin::review))
                    .route("/keys", get().to(admin::keys))
                    .route("/keys/status", get().to(admin::confirm_key_status))
                    .route("/keys/status", post().to(admin::key_status))
                    .route("/certificates", get().to(admin::certificates))
                    .route("/certificates", post().to(admin::upload_ca))
                    .route("/audit", get().to(admin::audit))
                    .route("/misps", get().to(misp::misps))
                    .route("/misps/{id}", get().to(misp::confirm_misp))
                    .route("/misps/{id}", post().to(misp::misp_action))
                    .route("/devices", get().to(device::approvals))
                    .route("/devices/{kind}/{id}", get().to(device::confirm_decision))
                    .route("/devices/{kind}/{id}", post().to(device::decide))
                    .route("/policy-groups", get().to(policy::groups))
                    .route("/policy-groups", post().to(policy::create_group))
                    .route("/policy-groups/{id}", get().to(policy::group))
                    .route("/policy-groups/{id}", post().to(policy::update_group))
                    .route("/policies", get().to(policy::policies))
                    .route("/policies/new", get().to(policy::new_policy))
                    .route("/policies/new", post().to(policy::create_policy))
                    .route("/policies/{id}", get().to(policy::policy))
                    .route("/policies/{id}", post().to(policy::update_policy))
                    .route("/policies/{id}/publish", get().to(policy::confirm_publish))
                    .route("/policies/{id}/publish", post().to(policy::publish))
                    .route("/policies/{id}/status", get().to(policy::confirm_status))
                    .route("/policies/{id}/status", post().to(policy::status)),
            )
            .default_service(web::to(not_found)),
    );
}

/// A query string the page cannot read answers MOSIP's `PMS_COR_001` as a page, not as JSON.
fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, req| {
        let refusal = api::Refusal::one(
            StatusCode::BAD_REQUEST,
            web_support::error::INVALID_INPUT,
            format!("Invalid request parameter - query: {err}"),
        );
        let page = view::error_page(ctx::Ctx::new(req), &refusal);
        actix_web::error::InternalError::from_response(err, page).into()
    })
}

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(STYLESHEET)
}

async fn script(source: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(source)
}

async fn not_found(req: HttpRequest) -> HttpResponse {
    let ctx = ctx::Ctx::new(&req);
    let refusal = api::Refusal::one(StatusCode::NOT_FOUND, web_support::error::NOT_FOUND, "No such page");
    view::error_page(ctx, &refusal)
}
