//! A service's OpenAPI document, built from the `#[utoipa::path]` annotations of its handlers:
//! each scope's `#[derive(OpenApi)]` list is mounted under the scope's prefix, then every
//! operation gets the answers every operation can give (bad body, 401, 403, 500, 503) and the
//! security schemes (a bearer JWT, or MOSIP's `Authorization` cookie).

mod common;

use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{Components, InfoBuilder, OpenApi, OpenApiBuilder, RefOr};
use utoipa::{PartialSchema, ToSchema};

use super::schema::ErrorResponse;
use common::{Common, add_common_responses};

/// The security scheme of `Authorization: Bearer <JWT>`.
pub const BEARER: &str = "bearer";
/// The security scheme of MOSIP's `Authorization` cookie (the JWT without `Bearer `).
pub const COOKIE: &str = "cookie";

/// What every document says once about the envelope, authentication and errors.
const ABOUT: &str = "MOSIP's Partner Management Service, wire-compatible with MOSIP's APIs.\n\n\
**Envelope.** Requests are `{id, version, requesttime, metadata, request}` (only `request` is \
required). Answers are `{id, version, responsetime, metadata, response, errors}`: on success \
`response` holds the answer and `errors` is empty; on failure `response` is `null` and `errors` \
lists `{errorCode, message}` items.\n\n\
**Errors.** Business rules and field validation fail with **HTTP 200** and a MOSIP code in \
`errors` (e.g. `PMS_COR_001` \"Invalid request parameter - must not be blank :request.name\"), \
as MOSIP answers; each operation lists its codes. A body that is not JSON or has the wrong shape \
is 400 `PMS_COR_001`; a missing or bad token 401 `KER-ATH-401`; a missing role or another \
partner's data 403 `KER-ATH-403`; an unknown route 404 `PMS_COR_404`; a method the path does \
not serve 405 `PMS_COR_405`; no free database connection, the database out of reach or unable to \
take writes 503 `PMS_COR_003`; anything unexpected 500 `PMS_COR_003`.\n\n\
**Authentication.** A JWT as `Authorization: Bearer <token>` or in the cookie \
`Authorization=<token>`; roles come from `realm_access.roles`, the user id from \
`preferred_username`.";

/// A service's document under construction.
pub struct DocumentBuilder {
    doc: OpenApi,
    conflicts: Vec<String>,
}

impl DocumentBuilder {
    /// An empty document titled `title` at the crate version `version`.
    pub fn new(title: &str, version: &str, summary: &str) -> Self {
        let info = InfoBuilder::new().title(title).version(version).description(Some(format!("{summary}\n\n{ABOUT}")));
        DocumentBuilder { doc: OpenApiBuilder::new().info(info).build(), conflicts: Vec::new() }
    }

    /// Adds every operation of `api` with its path prefixed by `prefix` (a scope's path), and
    /// `api`'s schemas and tags.
    pub fn mount(self, prefix: &str, api: OpenApi) -> Self {
        self.mount_as(prefix, api, "")
    }

    /// As [`Self::mount`], appending `id_suffix` to every operation id: for an API served under
    /// two prefixes, whose operation ids must stay unique.
    pub fn mount_as(mut self, prefix: &str, mut api: OpenApi, id_suffix: &str) -> Self {
        let paths = std::mem::take(&mut api.paths.paths);
        for (path, mut item) in paths {
            for (_, operation) in operations_mut(&mut item) {
                if let Some(id) = &mut operation.operation_id {
                    id.push_str(id_suffix);
                }
            }
            let full = format!("{prefix}{path}");
            match self.doc.paths.paths.get_mut(&full) {
                Some(existing) => existing.merge_operations(item),
                None => {
                    self.doc.paths.paths.insert(full, item);
                }
            }
        }
        self.note_conflicts(&api, prefix);
        self.doc.merge(api);
        self
    }

    /// Schemas of the same name but different content in two mounted APIs (the document keeps
    /// the first one, so the second API would be described wrongly): rename one of the types,
    /// or give it `#[schema(as = …)]`.
    pub fn conflicts(&self) -> &[String] {
        &self.conflicts
    }

    fn note_conflicts(&mut self, api: &OpenApi, prefix: &str) {
        let (Some(ours), Some(theirs)) = (&self.doc.components, &api.components) else { return };
        for (name, schema) in &theirs.schemas {
            if ours.schemas.get(name).is_some_and(|existing| existing != schema) {
                self.conflicts
                    .push(format!("schema {name} (mounted under {prefix:?}) differs from one of the same name"));
            }
        }
    }

    /// The finished document: security schemes (required unless an operation says
    /// `security(())`), and the common answers added to each operation that lacks them.
    pub fn build(mut self) -> OpenApi {
        let components = self.doc.components.get_or_insert_with(Components::default);
        components.add_security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("A JWT: HS256 with the service's secret, or RS256 from the configured JWKS"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            COOKIE,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "Authorization",
                "MOSIP's cookie: the JWT itself",
            ))),
        );
        for (name, schema) in [
            (ErrorResponse::name(), ErrorResponse::schema()),
            (crate::envelope::ErrorItem::name(), crate::envelope::ErrorItem::schema()),
        ] {
            components.schemas.entry(name.into_owned()).or_insert(schema);
        }
        for common in Common::ALL {
            components.responses.insert(common.name().to_owned(), RefOr::T(common.response()));
        }
        self.doc.security = Some(vec![
            SecurityRequirement::new(BEARER, Vec::<String>::new()),
            SecurityRequirement::new(COOKIE, Vec::<String>::new()),
        ]);
        for item in self.doc.paths.paths.values_mut() {
            for (_, operation) in operations_mut(item) {
                add_common_responses(operation);
            }
        }
        self.doc
    }
}

/// The operations of a path item, by upper-case method.
pub fn operations(item: &PathItem) -> Vec<(&'static str, &Operation)> {
    [
        ("GET", &item.get),
        ("PUT", &item.put),
        ("POST", &item.post),
        ("DELETE", &item.delete),
        ("OPTIONS", &item.options),
        ("HEAD", &item.head),
        ("PATCH", &item.patch),
        ("TRACE", &item.trace),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_ref().map(|op| (method, op)))
    .collect()
}

fn operations_mut(item: &mut PathItem) -> Vec<(&'static str, &mut Operation)> {
    [
        ("GET", &mut item.get),
        ("PUT", &mut item.put),
        ("POST", &mut item.post),
        ("DELETE", &mut item.delete),
        ("OPTIONS", &mut item.options),
        ("HEAD", &mut item.head),
        ("PATCH", &mut item.patch),
        ("TRACE", &mut item.trace),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_mut().map(|op| (method, op)))
    .collect()
}

/// Whether an operation needs no token (`security(())` in its annotation).
pub fn is_public(operation: &Operation) -> bool {
    operation.security.as_ref().is_some_and(|s| s.iter().any(|r| *r == SecurityRequirement::default()))
}

#[cfg(test)]
mod tests;
