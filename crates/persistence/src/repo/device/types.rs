//! Device types (`reg_device_type`) and sub-types (`reg_device_sub_type`): reference data.

use device_domain::{DeviceSubType, DeviceType};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::partner::in_order;
use crate::repo::{first_row, load_as};
use crate::schema::{reg_device_sub_type, reg_device_type};

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable)]
    #[diesel(table_name = reg_device_type)]
    pub struct DeviceTypeRow {
        pub code: String,
        pub name: String,
        pub descr: Option<String>,
        pub is_active: bool,
    }
}

impl From<DeviceTypeRow> for DeviceType {
    fn from(r: DeviceTypeRow) -> Self {
        with_audit!(DeviceType { code: r.code, name: r.name, descr: r.descr, is_active: r.is_active } taken from r)
    }
}

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable)]
    #[diesel(table_name = reg_device_sub_type)]
    pub struct DeviceSubTypeRow {
        pub id: String,
        pub code: String,
        pub dtyp_code: String,
        pub name: String,
        pub descr: Option<String>,
        pub is_active: bool,
    }
}

impl From<DeviceSubTypeRow> for DeviceSubType {
    fn from(r: DeviceSubTypeRow) -> Self {
        with_audit!(DeviceSubType {
            code: r.code,
            type_code: r.dtyp_code,
            name: r.name,
            descr: r.descr,
            is_active: r.is_active,
        } taken from r)
    }
}

/// The active sub-type `code` of the type `type_code` (both exact).
pub fn active_sub_type(conn: &mut DbConnection, code: &str, type_code: &str) -> QueryResult<Option<DeviceSubType>> {
    let q = reg_device_sub_type::table
        .filter(reg_device_sub_type::code.eq(code))
        .filter(reg_device_sub_type::dtyp_code.eq(type_code))
        .filter(reg_device_sub_type::is_active.eq(true))
        .filter(reg_device_sub_type::is_deleted.eq(false));
    Ok(first_row::<DeviceSubTypeRow, _>(conn, q)?.map(DeviceSubType::from))
}

/// Sub-types by their search ids (`<type>/<code>`), in the order of `ids`.
pub fn sub_types_in_order(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<DeviceSubType>> {
    let rows: Vec<DeviceSubTypeRow> = reg_device_sub_type::table
        .filter(reg_device_sub_type::id.eq_any(ids))
        .select(DeviceSubTypeRow::as_select())
        .load(conn)?;
    Ok(in_order(ids, rows, |r| &r.id).into_iter().map(DeviceSubType::from).collect())
}

/// Every device type, by code.
pub fn all_types(conn: &mut DbConnection) -> QueryResult<Vec<DeviceType>> {
    load_as::<DeviceTypeRow, _, _>(conn, reg_device_type::table.order(reg_device_type::code.asc()))
}
