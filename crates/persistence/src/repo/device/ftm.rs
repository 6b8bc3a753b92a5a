//! FTM chips (`ftp_chip_detail`).

use device_domain::detail::normalised;
use device_domain::{FtmChip, FtmChipId, ProviderId};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::repo::partner::in_order;
use crate::schema::ftp_chip_detail as ftp;

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
    #[diesel(table_name = ftp, treat_none_as_null = true)]
    pub struct FtmChipRow {
        pub id: String,
        pub foundational_trust_provider_id: String,
        pub make: String,
        pub model: String,
        pub certificate_alias: Option<String>,
        pub partner_org_name: Option<String>,
        pub approval_status: String,
        pub is_active: bool,
    }
}

impl From<FtmChipRow> for FtmChip {
    fn from(r: FtmChipRow) -> Self {
        with_audit!(FtmChip {
            id: FtmChipId::from(r.id),
            provider_id: ProviderId::from(r.foundational_trust_provider_id),
            make: r.make,
            model: r.model,
            certificate_alias: r.certificate_alias,
            partner_org_name: r.partner_org_name,
            approval_status: r.approval_status,
            is_active: r.is_active,
        } taken from r)
    }
}

impl From<&FtmChip> for FtmChipRow {
    fn from(c: &FtmChip) -> Self {
        with_audit!(FtmChipRow {
            id: c.id.to_string(),
            foundational_trust_provider_id: c.provider_id.to_string(),
            make: c.make.clone(),
            model: c.model.clone(),
            certificate_alias: c.certificate_alias.clone(),
            partner_org_name: c.partner_org_name.clone(),
            approval_status: c.approval_status.clone(),
            is_active: c.is_active,
        } copied from c)
    }
}

pub fn insert(conn: &mut DbConnection, c: &FtmChip) -> QueryResult<usize> {
    diesel::insert_into(ftp::table).values(FtmChipRow::from(c)).execute(conn)
}

pub fn update(conn: &mut DbConnection, c: &FtmChip) -> QueryResult<usize> {
    diesel::update(ftp::table.find(c.id.as_str())).set(FtmChipRow::from(c)).execute(conn)
}

pub fn find(conn: &mut DbConnection, id: &FtmChipId) -> QueryResult<Option<FtmChip>> {
    Ok(first_row::<FtmChipRow, _>(conn, ftp::table.find(id.as_str()).filter(ftp::is_deleted.eq(false)))?
        .map(FtmChip::from))
}

/// The provider's chip of this make and model (compared as MOSIP's `trimAndReplace`), if any.
pub fn find_like(
    conn: &mut DbConnection,
    provider: &ProviderId,
    make: &str,
    model: &str,
) -> QueryResult<Option<FtmChipId>> {
    let rows: Vec<(String, String, String)> = ftp::table
        .filter(ftp::foundational_trust_provider_id.eq(provider.as_str()))
        .filter(ftp::is_deleted.eq(false))
        .select((ftp::id, ftp::make, ftp::model))
        .load(conn)?;
    let (make, model) = (normalised(make), normalised(model));
    Ok(rows
        .into_iter()
        .find(|(_, m, o)| normalised(m) == make && normalised(o) == model)
        .map(|(id, ..)| FtmChipId::from(id)))
}

/// The chips of `ids`, in that order (a search's page).
pub fn in_order_of(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<FtmChip>> {
    let rows: Vec<FtmChipRow> = ftp::table.filter(ftp::id.eq_any(ids)).select(FtmChipRow::as_select()).load(conn)?;
    Ok(in_order(ids, rows, |r| &r.id).into_iter().map(FtmChip::from).collect())
}
