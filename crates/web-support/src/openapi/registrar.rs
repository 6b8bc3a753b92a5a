//! The only way the services register API routes: [`Registrar`] adds each route to actix and
//! records it as (method, full path template), so a test can hold a service's route table
//! against its OpenAPI document ([`super::drift`]).
//!
//! Routes match in registration order, as actix matches them: register literal segments before
//! variable ones (`/policies/group/all` before `/policies/group/{policygroupId}`). Every resource
//! answers the methods it does not serve with 405 `PMS_COR_405` in MOSIP's envelope and an
//! `Allow` header naming the methods it serves (the body can be changed per scope with
//! [`Registrar::other_methods`]).

use std::cell::RefCell;
use std::rc::Rc;

use actix_web::http::Method;
use actix_web::http::header::{ALLOW, HeaderValue};
use actix_web::{FromRequest, Handler, HttpResponse, Responder, ResponseError, web};

use crate::envelope::Flavor;
use crate::error::ApiError;

/// One registered operation: `GET /v1/policymanager/policies/{policyId}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Route {
    /// Upper case, e.g. `GET`.
    pub method: String,
    /// The full path template with actix's (and OpenAPI's) `{name}` segments.
    pub path: String,
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// What a registration recorded: every route, and how many resources each path got (more than
/// one resource per path is a mistake: the first one answers every method, the second is dead).
#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    pub routes: Vec<Route>,
    pub resources: Vec<String>,
}

impl RouteTable {
    /// Paths registered as more than one resource.
    pub fn repeated_paths(&self) -> Vec<String> {
        let mut seen = std::collections::BTreeSet::new();
        let mut repeated = std::collections::BTreeSet::new();
        for path in &self.resources {
            if !seen.insert(path) {
                repeated.insert(path.clone());
            }
        }
        repeated.into_iter().collect()
    }
}

/// The answer to a method a resource does not serve (before its `Allow` header is added).
type Fallback = Rc<dyn Fn() -> HttpResponse>;

/// Registers routes into an actix `ServiceConfig` under a path prefix, recording each one.
pub struct Registrar<'c> {
    cfg: &'c mut web::ServiceConfig,
    prefix: String,
    table: Rc<RefCell<RouteTable>>,
    fallback: Fallback,
}

impl<'c> Registrar<'c> {
    /// A registrar at the root of `cfg` (an app, or a scope configured elsewhere).
    pub fn new(cfg: &'c mut web::ServiceConfig) -> Self {
        Registrar {
            cfg,
            prefix: String::new(),
            table: Rc::default(),
            fallback: Rc::new(|| ApiError::method_not_allowed().error_response()),
        }
    }

    /// What was registered so far (through this registrar and every scope under it).
    pub fn table(&self) -> RouteTable {
        self.table.borrow().clone()
    }

    /// Application data for the current scope (or the app, at the root).
    pub fn app_data<U: 'static>(&mut self, data: U) -> &mut Self {
        self.cfg.app_data(data);
        self
    }

    /// The answer to methods a resource does not serve (its `Allow` header is added), for
    /// resources registered after this call in this scope and the scopes under it.
    pub fn other_methods(&mut self, answer: impl Fn() -> HttpResponse + 'static) -> &mut Self {
        self.fallback = Rc::new(answer);
        self
    }

    /// An actix scope at `prefix` (relative to this registrar's); `build` registers its routes.
    pub fn scope(&mut self, prefix: &str, build: impl FnOnce(&mut Registrar<'_>)) -> &mut Self {
        let full = format!("{}{prefix}", self.prefix);
        let (table, fallback) = (self.table.clone(), self.fallback.clone());
        let scope = web::scope(prefix).configure(|cfg| {
            build(&mut Registrar { cfg, prefix: full, table, fallback });
        });
        self.cfg.service(scope);
        self
    }

    /// Like [`Registrar::scope`], for a scope whose answers carry no `metadata` key (MOSIP's policy
    /// manager): [`Reply`](crate::Reply) reads the scope's [`Flavor`], and its errors — of
    /// extractors, handlers and the 405 fallback — are rendered without it.
    pub fn scope_without_metadata(&mut self, prefix: &str, build: impl FnOnce(&mut Registrar<'_>)) -> &mut Self {
        let full = format!("{}{prefix}", self.prefix);
        let table = self.table.clone();
        let fallback: Fallback =
            Rc::new(|| ApiError::method_not_allowed().flavor(Flavor::WithoutMetadata).error_response());
        let scope = web::scope(prefix)
            .app_data(Flavor::WithoutMetadata)
            .wrap(actix_web::middleware::from_fn(crate::handler::strip_metadata))
            .configure(|cfg| build(&mut Registrar { cfg, prefix: full, table, fallback }));
        self.cfg.service(scope);
        self
    }

    /// Runs `register` on this registrar (to split a scope's routes over modules).
    pub fn configure(&mut self, register: impl FnOnce(&mut Registrar<'_>)) -> &mut Self {
        register(self);
        self
    }

    /// A resource at `path` (relative to the current scope) serving the methods `methods` adds.
    pub fn resource(&mut self, path: &str, methods: impl FnOnce(Methods) -> Methods) -> &mut Self {
        let full = format!("{}{path}", self.prefix);
        let built = methods(Methods { resource: web::resource(path), methods: Vec::new() });
        let allow = built.methods.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
        let fallback = self.fallback.clone();
        let resource = built.resource.default_service(web::to(move || {
            let mut answer = fallback();
            if let Ok(value) = HeaderValue::from_str(&allow) {
                answer.headers_mut().insert(ALLOW, value);
            }
            std::future::ready(answer)
        }));
        {
            let mut table = self.table.borrow_mut();
            table.resources.push(full.clone());
            for method in built.methods {
                table.routes.push(Route { method: method.as_str().to_owned(), path: full.clone() });
            }
        }
        self.cfg.service(resource);
        self
    }

    /// A resource serving GET only.
    pub fn get<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource(path, |m| m.get(handler))
    }

    /// A resource serving POST only.
    pub fn post<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource(path, |m| m.post(handler))
    }
}

/// The methods of one resource.
pub struct Methods {
    resource: actix_web::Resource,
    methods: Vec<Method>,
}

macro_rules! method {
    ($name:ident, $method:ident) => {
        #[doc = concat!("Serves `", stringify!($method), "` with `handler`.")]
        pub fn $name<F, Args>(self, handler: F) -> Self
        where
            F: Handler<Args>,
            Args: FromRequest + 'static,
            F::Output: Responder + 'static,
        {
            self.on(Method::$method, handler)
        }
    };
}

impl Methods {
    method!(get, GET);
    method!(post, POST);
    method!(put, PUT);
    method!(patch, PATCH);
    method!(delete, DELETE);

    /// Serves `method` with `handler`.
    pub fn on<F, Args>(mut self, method: Method, handler: F) -> Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource = self.resource.route(web::method(method.clone()).to(handler));
        self.methods.push(method);
        self
    }
}

/// The route table `register` builds, without serving anything (for tests and tools).
pub fn route_table(register: impl FnOnce(&mut Registrar<'_>)) -> RouteTable {
    let mut table = RouteTable::default();
    let _app = actix_web::App::new().configure(|cfg| {
        let mut registrar = Registrar::new(cfg);
        register(&mut registrar);
        table = registrar.table();
    });
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn ok() -> HttpResponse {
        HttpResponse::Ok().finish()
    }

    #[test]
    fn records_full_paths_and_methods_in_scopes() {
        let table = route_table(|r| {
            r.scope("/v1/x", |r| {
                r.get("/actuator/health", ok).scope("/items", |r| {
                    r.resource("", |m| m.get(ok).post(ok)).resource("/{itemId}", |m| m.put(ok).patch(ok));
                });
            })
            .post("/top", ok);
        });
        let routes: Vec<String> = table.routes.iter().map(ToString::to_string).collect();
        assert_eq!(
            routes,
            [
                "GET /v1/x/actuator/health",
                "GET /v1/x/items",
                "POST /v1/x/items",
                "PUT /v1/x/items/{itemId}",
                "PATCH /v1/x/items/{itemId}",
                "POST /top",
            ]
        );
        assert!(table.repeated_paths().is_empty());
    }

    #[test]
    fn a_path_registered_twice_is_reported() {
        let table = route_table(|r| {
            r.get("/a", ok).post("/a", ok).get("/b", ok);
        });
        assert_eq!(table.repeated_paths(), ["/a"]);
    }

    #[actix_web::test]
    async fn other_methods_answer_405_in_the_envelope_and_routes_serve() {
        use actix_web::test;
        let app = test::init_service(actix_web::App::new().configure(|cfg| {
            Registrar::new(cfg).scope("/s", |r| {
                r.resource("/{id}", |m| m.get(ok));
            });
        }))
        .await;
        let res = test::call_service(&app, test::TestRequest::get().uri("/s/1").to_request()).await;
        assert_eq!(res.status(), 200);
        let res = test::call_service(&app, test::TestRequest::delete().uri("/s/1").to_request()).await;
        assert_eq!(res.status(), 405);
        assert_eq!(res.headers().get("allow").and_then(|v| v.to_str().ok()), Some("GET"));
        let body: serde_json::Value = test::read_body_json(res).await;
        assert_eq!(body["errors"][0]["errorCode"], "PMS_COR_405");
    }

    #[actix_web::test]
    async fn a_scope_may_answer_other_methods_its_own_way() {
        use actix_web::test;
        let app = test::init_service(actix_web::App::new().configure(|cfg| {
            Registrar::new(cfg).scope("/s", |r| {
                r.other_methods(|| HttpResponse::MethodNotAllowed().body("no")).resource("/x", |m| m.get(ok).put(ok));
            });
        }))
        .await;
        let res = test::call_service(&app, test::TestRequest::post().uri("/s/x").to_request()).await;
        assert_eq!(res.status(), 405);
        assert_eq!(res.headers().get("allow").and_then(|v| v.to_str().ok()), Some("GET, PUT"));
        assert_eq!(test::read_body(res).await, "no");
    }
}
