//! The answers any operation may give (bad body, 401, 403, 500, 503), documented once under
//! `components.responses` and referenced from every operation.

use utoipa::ToSchema;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::{ContentBuilder, Ref, RefOr};

use super::is_public;
use crate::openapi::schema::ErrorResponse;

/// The answers any operation may give, documented once under `components.responses`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Common {
    BadBody,
    Unauthenticated,
    Forbidden,
    Unexpected,
    Busy,
}

impl Common {
    pub(super) const ALL: [Common; 5] =
        [Common::BadBody, Common::Unauthenticated, Common::Forbidden, Common::Unexpected, Common::Busy];

    pub(super) fn name(self) -> &'static str {
        match self {
            Common::BadBody => "MalformedBody",
            Common::Unauthenticated => "Unauthenticated",
            Common::Forbidden => "Forbidden",
            Common::Unexpected => "Unexpected",
            Common::Busy => "Busy",
        }
    }

    fn status(self) -> &'static str {
        match self {
            Common::BadBody => "400",
            Common::Unauthenticated => "401",
            Common::Forbidden => "403",
            Common::Unexpected => "500",
            Common::Busy => "503",
        }
    }

    pub(super) fn response(self) -> Response {
        let description = match self {
            Common::BadBody => {
                "`PMS_COR_001`: the body is not JSON or has the wrong shape (a field of the wrong type), or a query parameter is malformed"
            }
            Common::Unauthenticated => "`KER-ATH-401`: no token, a bad signature, an expired token or an unknown key",
            Common::Forbidden => {
                "`KER-ATH-403`: the caller lacks the operation's roles, or acts on another partner's data"
            }
            Common::Unexpected => "`PMS_COR_003`: an unexpected failure (logged with its cause)",
            Common::Busy => "`PMS_COR_003`: no database connection was free in time; try again",
        };
        let schema = Ref::from_schema_name(ErrorResponse::name());
        ResponseBuilder::new()
            .description(description)
            .content("application/json", ContentBuilder::new().schema(Some(schema)).build())
            .build()
    }
}

pub(super) fn add_common_responses(operation: &mut Operation) {
    let mut wanted = vec![Common::Unexpected, Common::Busy];
    let has_query = operation.parameters.iter().flatten().any(|p| match p {
        RefOr::T(p) => p.parameter_in == ParameterIn::Query,
        RefOr::Ref(_) => false,
    });
    if operation.request_body.is_some() || has_query {
        wanted.push(Common::BadBody);
    }
    if !is_public(operation) {
        wanted.extend([Common::Unauthenticated, Common::Forbidden]);
    }
    for common in wanted {
        operation
            .responses
            .responses
            .entry(common.status().to_owned())
            .or_insert_with(|| RefOr::Ref(Ref::new(format!("#/components/responses/{}", common.name()))));
    }
}
