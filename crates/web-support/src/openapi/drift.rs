//! Holds a service's route table against its OpenAPI document: every route documented, every
//! documented operation routed, each path parameter declared, operation ids unique.

use std::collections::{BTreeMap, BTreeSet};

use utoipa::openapi::path::ParameterIn;
use utoipa::openapi::{OpenApi, RefOr};

use super::document::operations;
use super::registrar::{Route, RouteTable};

/// The operations of `doc`, as routes.
pub fn documented(doc: &OpenApi) -> Vec<Route> {
    let mut routes = Vec::new();
    for (path, item) in &doc.paths.paths {
        for (method, _) in operations(item) {
            routes.push(Route { method: method.to_owned(), path: path.clone() });
        }
    }
    routes
}

/// Everything that keeps a document from describing its service.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Drift {
    /// Routes without an operation in the document.
    pub undocumented: BTreeSet<Route>,
    /// Operations no route serves.
    pub unrouted: BTreeSet<Route>,
    /// Paths registered as more than one resource.
    pub repeated_paths: Vec<String>,
    /// Operations whose path parameters differ from the `{name}`s of their path.
    pub parameter_mismatches: Vec<String>,
    /// Operations without an id, and ids used more than once.
    pub operation_id_problems: Vec<String>,
}

/// Compares `table` with `doc`.
pub fn compare(table: &RouteTable, doc: &OpenApi) -> Drift {
    let routed: BTreeSet<Route> = table.routes.iter().cloned().collect();
    let documented: BTreeSet<Route> = documented(doc).into_iter().collect();
    let mut ids: BTreeMap<String, Vec<Route>> = BTreeMap::new();
    let mut parameter_mismatches = Vec::new();
    let mut operation_id_problems = Vec::new();
    for (path, item) in &doc.paths.paths {
        let in_template: BTreeSet<String> = template_parameters(path);
        for (method, operation) in operations(item) {
            let route = Route { method: method.to_owned(), path: path.clone() };
            let declared: BTreeSet<String> = operation
                .parameters
                .iter()
                .flatten()
                .filter_map(|p| match p {
                    RefOr::T(p) if p.parameter_in == ParameterIn::Path => Some(p.name.clone()),
                    _ => None,
                })
                .collect();
            if declared != in_template {
                parameter_mismatches
                    .push(format!("{route}: path has {in_template:?}, operation declares {declared:?}"));
            }
            match &operation.operation_id {
                Some(id) => ids.entry(id.clone()).or_default().push(route),
                None => operation_id_problems.push(format!("{route}: no operation id")),
            }
        }
    }
    for (id, routes) in ids {
        if routes.len() > 1 {
            let list: Vec<String> = routes.iter().map(ToString::to_string).collect();
            operation_id_problems.push(format!("operation id {id} used by {}", list.join(", ")));
        }
    }
    Drift {
        undocumented: routed.difference(&documented).cloned().collect(),
        unrouted: documented.difference(&routed).cloned().collect(),
        repeated_paths: table.repeated_paths(),
        parameter_mismatches,
        operation_id_problems,
    }
}

/// `/a/{x}/b/{y}` → `{x, y}`.
fn template_parameters(path: &str) -> BTreeSet<String> {
    path.split('/')
        .filter_map(|segment| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(|name| name.split(':').next().unwrap_or(name).to_owned())
        .collect()
}

impl Drift {
    /// `Ok` when the only undocumented routes are exactly `pending` (routes whose documentation
    /// is still to be written); otherwise a report of every problem, one per line. A pending
    /// route that is documented by now, or no longer routed, is a problem too: take it off the list.
    pub fn check(&self, pending: &[Route]) -> Result<(), String> {
        let pending: BTreeSet<Route> = pending.iter().cloned().collect();
        let mut report = Vec::new();
        for route in self.undocumented.difference(&pending) {
            report.push(format!("routed but not documented: {route}"));
        }
        for route in pending.difference(&self.undocumented) {
            report.push(format!("listed as pending but documented or not routed: {route} (remove it from the list)"));
        }
        for route in &self.unrouted {
            report.push(format!("documented but not routed: {route}"));
        }
        for path in &self.repeated_paths {
            report.push(format!("registered as more than one resource: {path}"));
        }
        report.extend(self.parameter_mismatches.iter().cloned());
        report.extend(self.operation_id_problems.iter().cloned());
        if report.is_empty() { Ok(()) } else { Err(report.join("\n")) }
    }
}

#[cfg(test)]
mod tests {
    use utoipa::OpenApi as _;

    use super::*;
    use crate::openapi::registrar::route_table;

    async fn ok() -> actix_web::HttpResponse {
        actix_web::HttpResponse::Ok().finish()
    }

    /// One item.
    #[utoipa::path(get, path = "/items/{itemId}", operation_id = "getItem",
        params(("itemId" = String, Path)), responses((status = 200)))]
    #[expect(dead_code, reason = "only its annotation is used")]
    fn get_item() {}

    /// Items.
    #[utoipa::path(post, path = "/items", operation_id = "getItem", responses((status = 200)))]
    #[expect(dead_code, reason = "only its annotation is used")]
    fn add_item() {}

    /// A wrong parameter name.
    #[utoipa::path(put, path = "/items/{itemId}", operation_id = "putItem",
        params(("id" = String, Path)), responses((status = 200)))]
    #[expect(dead_code, reason = "only its annotation is used")]
    fn put_item() {}

    #[derive(utoipa::OpenApi)]
    #[openapi(paths(get_item, add_item, put_item))]
    struct Api;

    fn route(method: &str, path: &str) -> Route {
        Route { method: method.into(), path: path.into() }
    }

    #[test]
    fn finds_every_kind_of_drift() {
        let doc = super::super::DocumentBuilder::new("t", "1", "test").mount("/v1", Api::openapi()).build();
        let table = route_table(|r| {
            r.scope("/v1", |r| {
                r.resource("/items/{itemId}", |m| m.get(ok).delete(ok)).get("/other", ok).get("/other", ok);
            });
        });
        let drift = compare(&table, &doc);
        assert_eq!(drift.undocumented, [route("DELETE", "/v1/items/{itemId}"), route("GET", "/v1/other")].into());
        assert_eq!(drift.unrouted, [route("POST", "/v1/items"), route("PUT", "/v1/items/{itemId}")].into());
        assert_eq!(drift.repeated_paths, ["/v1/other"]);
        assert_eq!(drift.parameter_mismatches.len(), 1, "{:?}", drift.parameter_mismatches);
        assert!(drift.parameter_mismatches[0].starts_with("PUT /v1/items/{itemId}"));
        assert_eq!(drift.operation_id_problems.len(), 1);
        assert!(drift.operation_id_problems[0].contains("getItem"));
        let report = drift.check(&[route("GET", "/v1/other"), route("GET", "/v1/gone")]).unwrap_err();
        assert!(report.contains("routed but not documented: DELETE /v1/items/{itemId}"));
        assert!(!report.contains("routed but not documented: GET /v1/other"));
        assert!(report.contains("listed as pending but documented or not routed: GET /v1/gone"));
    }

    #[test]
    fn a_matching_table_passes() {
        #[utoipa::path(get, path = "/x/{id}", operation_id = "x", params(("id" = String, Path)), responses((status = 200)))]
        #[expect(dead_code, reason = "only its annotation is used")]
        fn x() {}
        #[derive(utoipa::OpenApi)]
        #[openapi(paths(x))]
        struct One;
        let doc = super::super::DocumentBuilder::new("t", "1", "test").mount("/p", One::openapi()).build();
        let table = route_table(|r| {
            r.scope("/p", |r| {
                r.get("/x/{id}", ok);
            });
        });
        assert_eq!(compare(&table, &doc).check(&[]), Ok(()));
    }
}
