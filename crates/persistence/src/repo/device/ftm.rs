//! FTM chips (`ftp_chip_detail`).

use device_domain::detail::normalised;
use device_domain::{FtmChip, FtmChipId, ProviderId};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::repo::partner::in_order;
use crate::schema::ftp_chip_detail as ftp;
use crate::schema::partner;

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

/// Switches an approved, active chip off (compare-and-set: 0 when it no longer is).
pub fn deactivate(conn: &mut DbConnection, id: &FtmChipId, by: &str, now: chrono::NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        ftp::table
            .find(id.as_str())
            .filter(ftp::approval_status.eq("approved"))
            .filter(ftp::is_active.eq(true))
            .filter(ftp::is_deleted.eq(false)),
    )
    .set((ftp::is_active.eq(false), ftp::upd_by.eq(by), ftp::upd_dtimes.eq(now)))
    .execute(conn)
}

/// A chip of one of a user's FTM providers, with its provider's approval status and activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedChip {
    pub chip: FtmChip,
    pub partner_status: String,
    pub partner_active: bool,
}

/// The chips of the `FTM_Provider` partners whose user is `user_id`, by partner, then oldest
/// first.
pub fn chips_of_user(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<OwnedChip>> {
    let partners: Vec<(String, String, bool)> = partner::table
        .filter(partner::user_id.eq(user_id))
        .filter(partner::partner_type_code.eq("FTM_Provider"))
        .filter(partner::is_deleted.eq(false))
        .select((partner::id, partner::approval_status, partner::is_active))
        .load(conn)?;
    let ids: Vec<&str> = partners.iter().map(|(id, ..)| id.as_str()).collect();
    let rows: Vec<FtmChipRow> = ftp::table
        .filter(ftp::foundational_trust_provider_id.eq_any(&ids))
        .filter(ftp::is_deleted.eq(false))
        .order((ftp::foundational_trust_provider_id.asc(), ftp::cr_dtimes.asc(), ftp::id.asc()))
        .select(FtmChipRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let (_, status, active) = partners.iter().find(|(id, ..)| *id == row.foundational_trust_provider_id)?;
            Some(OwnedChip { partner_status: status.clone(), partner_active: *active, chip: FtmChip::from(row) })
        })
        .collect())
}
