//! Device detail ↔ SBI mappings (`device_detail_sbi`).

use device_domain::{DeviceDetailId, ProviderId, SbiDeviceMapping, SbiId};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::schema::device_detail_sbi as map;

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable)]
    #[diesel(table_name = map)]
    pub struct MappingRow {
        pub device_detail_id: String,
        pub sbi_id: String,
        pub dprovider_id: String,
        pub partner_org_name: Option<String>,
        pub is_active: bool,
    }
}

impl From<MappingRow> for SbiDeviceMapping {
    fn from(r: MappingRow) -> Self {
        with_audit!(SbiDeviceMapping {
            device_detail_id: DeviceDetailId::from(r.device_detail_id),
            sbi_id: SbiId::from(r.sbi_id),
            provider_id: ProviderId::from(r.dprovider_id),
            partner_org_name: r.partner_org_name,
            is_active: r.is_active,
        } taken from r)
    }
}

impl From<&SbiDeviceMapping> for MappingRow {
    fn from(m: &SbiDeviceMapping) -> Self {
        with_audit!(MappingRow {
            device_detail_id: m.device_detail_id.to_string(),
            sbi_id: m.sbi_id.to_string(),
            dprovider_id: m.provider_id.to_string(),
            partner_org_name: m.partner_org_name.clone(),
            is_active: m.is_active,
        } copied from m)
    }
}

pub fn find(conn: &mut DbConnection, detail: &DeviceDetailId, sbi: &SbiId) -> QueryResult<Option<SbiDeviceMapping>> {
    Ok(first_row::<MappingRow, _>(conn, map::table.find((detail.as_str(), sbi.as_str())))?.map(SbiDeviceMapping::from))
}

pub fn insert(conn: &mut DbConnection, m: &SbiDeviceMapping) -> QueryResult<usize> {
    diesel::insert_into(map::table).values(MappingRow::from(m)).execute(conn)
}

pub fn delete(conn: &mut DbConnection, detail: &DeviceDetailId, sbi: &SbiId) -> QueryResult<usize> {
    diesel::delete(map::table.find((detail.as_str(), sbi.as_str()))).execute(conn)
}

// ---- MOSIP 1.2.2: mappings made inactive by "add device to SBI", activated by the approval

/// Writes the activity and update stamp of mapping `m`.
pub fn update_active(conn: &mut DbConnection, m: &SbiDeviceMapping) -> QueryResult<usize> {
    diesel::update(map::table.find((m.device_detail_id.as_str(), m.sbi_id.as_str())))
        .set((map::is_active.eq(m.is_active), map::upd_by.eq(&m.upd_by), map::upd_dtimes.eq(m.upd_dtimes)))
        .execute(conn)
}

// ---- the deprecated mapping search: a mapping with its device's and SBI's fields

/// One mapping as the mapping search answers it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct MappedDeviceRow {
    pub id: String,
    pub device_detail_id: String,
    pub sbi_id: String,
    pub provider_id: String,
    pub provider_name: Option<String>,
    pub make: String,
    pub model: String,
    pub type_code: String,
    pub sub_type_code: String,
    pub sw_binary_hash: String,
    pub sw_version: String,
    pub cr_by: String,
    pub cr_dtimes: chrono::NaiveDateTime,
}

/// The mappings of keys `ids` (`<deviceDetailId>/<sbiId>`) with their device and SBI, in the
/// order of `ids`.
pub fn mapped_in_order_of(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<MappedDeviceRow>> {
    use crate::schema::{device_detail as dd, secure_biometric_interface as sbi};
    let rows: Vec<MappedDeviceRow> = map::table
        .inner_join(dd::table.on(dd::id.eq(map::device_detail_id)))
        .inner_join(sbi::table.on(sbi::id.eq(map::sbi_id)))
        .filter(map::id.eq_any(ids))
        .select((
            map::id,
            map::device_detail_id,
            map::sbi_id,
            map::dprovider_id,
            map::partner_org_name,
            dd::make,
            dd::model,
            dd::dtype_code,
            dd::dstype_code,
            sbi::sw_binary_hash,
            sbi::sw_version,
            map::cr_by,
            map::cr_dtimes,
        ))
        .load(conn)?;
    Ok(crate::repo::partner::in_order(ids, rows, |r| &r.id))
}
