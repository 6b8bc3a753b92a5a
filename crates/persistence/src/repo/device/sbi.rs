//! Secure biometric interfaces (`secure_biometric_interface`).

use device_domain::{ProviderId, Sbi, SbiId};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::partner::in_order;
use crate::repo::{first_row, load_as};
use crate::schema::secure_biometric_interface as sbi;

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
    #[diesel(table_name = sbi, treat_none_as_null = true)]
    pub struct SbiRow {
        pub id: String,
        pub sw_binary_hash: String,
        pub sw_version: String,
        pub sw_cr_dtimes: Option<chrono::NaiveDateTime>,
        pub sw_expiry_dtimes: Option<chrono::NaiveDateTime>,
        pub approval_status: String,
        pub is_active: bool,
        pub provider_id: Option<String>,
        pub partner_org_name: Option<String>,
    }
}

impl From<SbiRow> for Sbi {
    fn from(r: SbiRow) -> Self {
        with_audit!(Sbi {
            id: SbiId::from(r.id),
            binary_hash: r.sw_binary_hash,
            version: r.sw_version,
            created: r.sw_cr_dtimes,
            expiry: r.sw_expiry_dtimes,
            approval_status: r.approval_status,
            is_active: r.is_active,
            provider_id: r.provider_id.map(ProviderId::from),
            partner_org_name: r.partner_org_name,
        } taken from r)
    }
}

impl From<&Sbi> for SbiRow {
    fn from(s: &Sbi) -> Self {
        with_audit!(SbiRow {
            id: s.id.to_string(),
            sw_binary_hash: s.binary_hash.clone(),
            sw_version: s.version.clone(),
            sw_cr_dtimes: s.created,
            sw_expiry_dtimes: s.expiry,
            approval_status: s.approval_status.clone(),
            is_active: s.is_active,
            provider_id: s.provider_id.as_ref().map(ToString::to_string),
            partner_org_name: s.partner_org_name.clone(),
        } copied from s)
    }
}

pub fn insert(conn: &mut DbConnection, s: &Sbi) -> QueryResult<usize> {
    diesel::insert_into(sbi::table).values(SbiRow::from(s)).execute(conn)
}

pub fn update(conn: &mut DbConnection, s: &Sbi) -> QueryResult<usize> {
    diesel::update(sbi::table.find(s.id.as_str())).set(SbiRow::from(s)).execute(conn)
}

/// The SBI `id`, unless deleted.
pub fn find(conn: &mut DbConnection, id: &SbiId) -> QueryResult<Option<Sbi>> {
    let q = sbi::table.find(id.as_str()).filter(sbi::is_deleted.eq(false));
    Ok(first_row::<SbiRow, _>(conn, q)?.map(Sbi::from))
}

/// The provider's SBIs of one version (trimmed, as MOSIP compares).
pub fn of_version(conn: &mut DbConnection, provider: &ProviderId, version: &str) -> QueryResult<Vec<Sbi>> {
    let q = sbi::table.filter(sbi::provider_id.eq(provider.as_str())).filter(sbi::sw_version.eq(version.trim()));
    load_as::<SbiRow, _, _>(conn, q)
}

/// SBIs by id, in the order of `ids`.
pub fn in_order_of(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<Sbi>> {
    let rows: Vec<SbiRow> = sbi::table.filter(sbi::id.eq_any(ids)).select(SbiRow::as_select()).load(conn)?;
    Ok(in_order(ids, rows, |r| &r.id).into_iter().map(Sbi::from).collect())
}
