//! Device details (`device_detail`).

use device_domain::detail::normalised;
use device_domain::{DeviceDetail, DeviceDetailId, ProviderId};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::repo::partner::in_order;
use crate::schema::device_detail as dd;

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
    #[diesel(table_name = dd, treat_none_as_null = true)]
    pub struct DeviceDetailRow {
        pub id: String,
        pub dprovider_id: String,
        pub dtype_code: String,
        pub dstype_code: String,
        pub make: String,
        pub model: String,
        pub partner_org_name: Option<String>,
        pub approval_status: String,
        pub is_active: bool,
    }
}

impl From<DeviceDetailRow> for DeviceDetail {
    fn from(r: DeviceDetailRow) -> Self {
        with_audit!(DeviceDetail {
            id: DeviceDetailId::from(r.id),
            provider_id: ProviderId::from(r.dprovider_id),
            type_code: r.dtype_code,
            sub_type_code: r.dstype_code,
            make: r.make,
            model: r.model,
            partner_org_name: r.partner_org_name,
            approval_status: r.approval_status,
            is_active: r.is_active,
        } taken from r)
    }
}

impl From<&DeviceDetail> for DeviceDetailRow {
    fn from(d: &DeviceDetail) -> Self {
        with_audit!(DeviceDetailRow {
            id: d.id.to_string(),
            dprovider_id: d.provider_id.to_string(),
            dtype_code: d.type_code.clone(),
            dstype_code: d.sub_type_code.clone(),
            make: d.make.clone(),
            model: d.model.clone(),
            partner_org_name: d.partner_org_name.clone(),
            approval_status: d.approval_status.clone(),
            is_active: d.is_active,
        } copied from d)
    }
}

pub fn insert(conn: &mut DbConnection, d: &DeviceDetail) -> QueryResult<usize> {
    diesel::insert_into(dd::table).values(DeviceDetailRow::from(d)).execute(conn)
}

pub fn update(conn: &mut DbConnection, d: &DeviceDetail) -> QueryResult<usize> {
    diesel::update(dd::table.find(d.id.as_str())).set(DeviceDetailRow::from(d)).execute(conn)
}

/// The detail `id`, unless deleted.
pub fn find(conn: &mut DbConnection, id: &DeviceDetailId) -> QueryResult<Option<DeviceDetail>> {
    let q = dd::table.find(id.as_str()).filter(dd::is_deleted.eq(false));
    Ok(first_row::<DeviceDetailRow, _>(conn, q)?.map(DeviceDetail::from))
}

/// Any row with the id, deleted or not (ids are never reused).
pub fn id_taken(conn: &mut DbConnection, id: &DeviceDetailId) -> QueryResult<bool> {
    Ok(dd::table.find(id.as_str()).count().get_result::<i64>(conn)? > 0)
}

/// Whether the provider has a detail of this make, model, type and sub-type (make and model
/// compared without surrounding or repeated blanks, as MOSIP's `trimAndReplace`).
pub fn exists_like(conn: &mut DbConnection, d: &DeviceDetail) -> QueryResult<bool> {
    let rows: Vec<(String, String)> = dd::table
        .filter(dd::dprovider_id.eq(d.provider_id.as_str()))
        .filter(dd::dtype_code.eq(&d.type_code))
        .filter(dd::dstype_code.eq(&d.sub_type_code))
        .filter(dd::is_deleted.eq(false))
        .select((dd::make, dd::model))
        .load(conn)?;
    let (make, model) = (normalised(&d.make), normalised(&d.model));
    Ok(rows.iter().any(|(m, o)| normalised(m) == make && normalised(o) == model))
}

/// Details by id, in the order of `ids`.
pub fn in_order_of(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<DeviceDetail>> {
    let rows: Vec<DeviceDetailRow> =
        dd::table.filter(dd::id.eq_any(ids)).select(DeviceDetailRow::as_select()).load(conn)?;
    Ok(in_order(ids, rows, |r| &r.id).into_iter().map(DeviceDetail::from).collect())
}

// ---- MOSIP 1.2.2: the devices of an SBI

/// The devices mapped to SBI `sbi_id` (by any provider), oldest mapping first.
pub fn mapped_to_sbi(conn: &mut DbConnection, sbi_id: &str) -> QueryResult<Vec<DeviceDetail>> {
    use crate::schema::device_detail_sbi as map;
    let rows: Vec<DeviceDetailRow> = dd::table
        .inner_join(map::table.on(map::device_detail_id.eq(dd::id)))
        .filter(map::sbi_id.eq(sbi_id))
        .order((map::cr_dtimes.asc(), dd::id.asc()))
        .select(DeviceDetailRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(DeviceDetail::from).collect())
}

/// The devices of `provider` mapped by `provider` to SBI `sbi_id` (MOSIP's
/// `findByDeviceProviderIdAndSbiId`, then each device of that provider), oldest mapping first.
pub fn of_provider_on_sbi(conn: &mut DbConnection, provider: &str, sbi_id: &str) -> QueryResult<Vec<DeviceDetail>> {
    use crate::schema::device_detail_sbi as map;
    let rows: Vec<DeviceDetailRow> = dd::table
        .inner_join(map::table.on(map::device_detail_id.eq(dd::id)))
        .filter(map::sbi_id.eq(sbi_id))
        .filter(map::dprovider_id.eq(provider))
        .filter(dd::dprovider_id.eq(provider))
        .order((map::cr_dtimes.asc(), dd::id.asc()))
        .select(DeviceDetailRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(DeviceDetail::from).collect())
}
