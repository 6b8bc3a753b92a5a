//! Serving a document: the JSON at `{base}/v3/api-docs` (where MOSIP's springdoc serves it) and
//! Swagger UI at `{base}/swagger-ui/`, compiled into the binary (no network at run time).

use actix_web::{HttpResponse, web};
use utoipa::openapi::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

/// Where the document of a service whose scope is `base` is served.
pub fn docs_path(base: &str) -> String {
    format!("{base}/v3/api-docs")
}

/// Where Swagger UI of a service whose scope is `base` is served.
pub fn ui_path(base: &str) -> String {
    format!("{base}/swagger-ui/")
}

/// Serves `doc` and Swagger UI under each of `bases`. Register it before the service's scopes,
/// since a scope answers every path under its prefix.
pub fn configure(cfg: &mut web::ServiceConfig, doc: &OpenApi, bases: &[&str]) {
    for base in bases {
        let ui = ui_path(base);
        let redirect_to = ui.clone();
        cfg.route(
            &format!("{base}/swagger-ui"),
            web::get().to(move || {
                let to = redirect_to.clone();
                async move { HttpResponse::PermanentRedirect().insert_header(("Location", to)).finish() }
            }),
        );
        cfg.service(SwaggerUi::new(format!("{ui}{{_:.*}}")).url(docs_path(base), doc.clone()));
    }
}
