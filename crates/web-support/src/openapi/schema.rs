//! Schema pieces the derives cannot express on their own: a generic field that may be `null`
//! (`#[schema(schema_with = nullable::<T>)]` — utoipa drops the `null` of an `Option<T>` whose
//! `T` is generic), the answer that carries only errors, and JSON values read leniently.

use utoipa::ToSchema;

use crate::envelope::ErrorItem;

pub use app_core::schema::{inner, null, nullable, nullable_list, scalar, scalars, whole_number};

/// The answer of a failed request, whatever its HTTP status: `response` is `null` and `errors`
/// holds at least one `{errorCode, message}`. (Documentation only; `ApiError` renders it.)
#[derive(ToSchema)]
pub struct ErrorResponse {
    #[schema(required = true)]
    pub id: Option<String>,
    #[schema(required = true)]
    pub version: Option<String>,
    #[schema(example = "2024-05-01T10:20:30.123Z")]
    pub responsetime: String,
    /// `null`; absent in the policy manager's answers.
    #[schema(value_type = Option<Object>)]
    pub metadata: Option<()>,
    #[schema(schema_with = null, required = true)]
    pub response: Option<()>,
    #[schema(min_items = 1)]
    pub errors: Vec<ErrorItem>,
}

#[cfg(test)]
mod tests;
