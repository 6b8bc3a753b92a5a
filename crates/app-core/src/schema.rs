//! Schema pieces the derives cannot express on their own: a generic field that may be `null`
//! (`#[schema(schema_with = nullable::<T>)]` — utoipa drops the `null` of an `Option<T>` whose
//! `T` is generic), and JSON values read leniently.

use utoipa::PartialSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{AnyOfBuilder, ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type};

/// `T` or `null`.
pub fn nullable<T: PartialSchema>() -> RefOr<Schema> {
    AnyOfBuilder::new().item(T::schema()).item(null()).into()
}

/// A list of `T`, or `null`.
pub fn nullable_list<T: PartialSchema>() -> RefOr<Schema> {
    AnyOfBuilder::new().item(ArrayBuilder::new().items(T::schema())).item(null()).into()
}

/// `T` as it is (for a generic `Option<T>` field that the contract requires).
pub fn inner<T: PartialSchema>() -> RefOr<Schema> {
    T::schema()
}

/// Only `null`.
pub fn null() -> Schema {
    ObjectBuilder::new().schema_type(Type::Null).into()
}

/// Any JSON scalar: MOSIP's search values arrive as strings, numbers or booleans.
pub fn scalar() -> Schema {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Number, Type::Boolean, Type::Null]))
        .description(Some("A string, number or boolean; read as text"))
        .into()
}

/// A list of scalars, or `null`.
pub fn scalars() -> Schema {
    ArrayBuilder::new().schema_type(SchemaType::from_iter([Type::Array, Type::Null])).items(RefOr::T(scalar())).into()
}

/// A whole number, also accepted as a string holding one (`search::Int`); other strings, and
/// numbers from ±9e15 on, are a malformed body (400).
pub fn whole_number() -> Schema {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::String]))
        .description(Some("A whole number, or a string holding one"))
        .minimum(Some(-8_999_999_999_999_999.0))
        .maximum(Some(8_999_999_999_999_999.0))
        .pattern(Some(r"^[+-]?[0-9]{1,15}$"))
        .examples([serde_json::json!(0)])
        .into()
}
