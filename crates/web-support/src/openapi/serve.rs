//! Serving a document: the JSON at `{base}/v3/api-docs` (where MOSIP's springdoc serves it) and
//! Swagger UI at `{base}/swagger-ui/`, compiled into the binary (no network at run time).

use std::sync::{Arc, OnceLock};

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, web};
use utoipa::openapi::OpenApi;
use utoipa_swagger_ui::{Config, SwaggerUi};

/// Where the document of a service whose scope is `base` is served.
pub fn docs_path(base: &str) -> String {
    format!("{base}/v3/api-docs")
}

/// Where Swagger UI of a service whose scope is `base` is served.
pub fn ui_path(base: &str) -> String {
    format!("{base}/swagger-ui/")
}

/// A service's document as JSON, built on the first request for it and then shared by every
/// worker: the built document takes megabytes, which an idle service should not hold.
#[derive(Clone)]
pub struct LazyDoc {
    build: fn() -> OpenApi,
    json: Arc<OnceLock<web::Bytes>>,
}

impl LazyDoc {
    pub fn new(build: fn() -> OpenApi) -> Self {
        LazyDoc { build, json: Arc::default() }
    }

    /// The document's JSON (built now if this is the first call).
    pub fn json(&self) -> web::Bytes {
        self.json
            .get_or_init(|| match serde_json::to_vec(&(self.build)()) {
                Ok(json) => json.into(),
                Err(e) => {
                    tracing::error!(error = %e, "the OpenAPI document does not serialise");
                    web::Bytes::from_static(b"{}")
                }
            })
            .clone()
    }
}

/// Serves `doc` and Swagger UI under each of `bases`. Register it before the service's scopes,
/// since a scope answers every path under its prefix.
pub fn configure(cfg: &mut web::ServiceConfig, doc: &LazyDoc, bases: &[&str]) {
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
        let served = doc.clone();
        cfg.route(
            &docs_path(base),
            web::get().to(move || {
                let json = served.json();
                async move { HttpResponse::Ok().content_type(ContentType::json()).body(json) }
            }),
        );
        cfg.service(SwaggerUi::new(format!("{ui}{{_:.*}}")).config(Config::new([docs_path(base)])));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    static BUILT: AtomicUsize = AtomicUsize::new(0);

    fn counted() -> OpenApi {
        BUILT.fetch_add(1, Ordering::SeqCst);
        utoipa::openapi::OpenApiBuilder::new().build()
    }

    #[test]
    fn the_document_is_built_on_first_use_and_once_for_every_clone() {
        let doc = LazyDoc::new(counted);
        let copy = doc.clone();
        assert_eq!(BUILT.load(Ordering::SeqCst), 0);
        let (a, b) = (doc.json(), copy.json());
        assert_eq!(BUILT.load(Ordering::SeqCst), 1);
        assert_eq!(a, b);
        let value: serde_json::Value = serde_json::from_slice(&a).unwrap();
        assert!(value["openapi"].is_string(), "{value}");
    }
}
