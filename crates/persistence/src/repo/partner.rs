//! Partners, partner types and partner contacts.

mod contacts;
mod registration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerId;
use partner_domain::partner::{NewPartner, PartnerUpdate};
use partner_domain::policy::PartnerTypeInfo;
use policy_domain::PolicyGroupId;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::schema::{misp_license, partner, partner_type};

pub use contacts::{ContactRow, contacts_of, find_contact, insert_contact, update_contact};
pub use registration::{Lookups, register_partner};

diesel::define_sql_function! {
    /// SQL `lower(text)`, on both backends.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

mosip_row! {
    /// A `partner` row.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = partner)]
    pub struct PartnerRow {
        pub id: String,
        pub policy_group_id: Option<String>,
        pub name: String,
        pub address: Option<String>,
        pub contact_no: Option<String>,
        pub email_id: Option<String>,
        pub certificate_alias: Option<String>,
        pub user_id: String,
        pub partner_type_code: String,
        pub approval_status: String,
        pub is_active: bool,
        pub lang_code: Option<String>,
        pub logo_url: Option<String>,
        pub addl_info: Option<String>,
    }
}

impl From<&NewPartner> for PartnerRow {
    fn from(p: &NewPartner) -> Self {
        with_audit!(PartnerRow {
            id: p.id.clone(),
            policy_group_id: p.policy_group_id.clone(),
            name: p.name.clone(),
            address: Some(p.address.clone()),
            contact_no: Some(p.contact_no.clone()),
            email_id: Some(p.email_id.clone()),
            certificate_alias: None,
            user_id: p.user_id.clone(),
            partner_type_code: p.partner_type_code.clone(),
            approval_status: p.approval_status.clone(),
            is_active: p.is_active,
            lang_code: p.lang_code.clone(),
            logo_url: p.logo_url.clone(),
            addl_info: Some(p.addl_info.clone()),
        } created by p.cr_by, at p.cr_dtimes)
    }
}

pub fn find(conn: &mut DbConnection, id: &PartnerId) -> QueryResult<Option<PartnerRow>> {
    first_row(conn, partner::table.find(id.as_str()))
}

/// Partners by id, in the order of `ids` (ids without a row are left out).
pub fn find_many(conn: &mut DbConnection, ids: &[PartnerId]) -> QueryResult<Vec<PartnerRow>> {
    let rows: Vec<PartnerRow> = partner::table
        .filter(partner::id.eq_any(ids.iter().map(|i| i.as_str())))
        .select(PartnerRow::as_select())
        .load(conn)?;
    Ok(in_order(ids, rows, |r| &r.id))
}

/// `rows` arranged in the order of `ids`.
pub fn in_order<I: AsRef<str>, T>(ids: &[I], rows: Vec<T>, key: impl Fn(&T) -> &str) -> Vec<T> {
    let mut slots: Vec<Option<T>> = rows.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(pos) = slots.iter().position(|s| s.as_ref().is_some_and(|r| key(r) == id.as_ref()))
            && let Some(row) = slots[pos].take()
        {
            out.push(row);
        }
    }
    out
}

/// Every partner, or those of one type (exact code), by id.
pub fn list(conn: &mut DbConnection, partner_type: Option<&str>) -> QueryResult<Vec<PartnerRow>> {
    let mut rows = Vec::new();
    each_partner(conn, partner_type, |row| {
        rows.push(row);
        Ok::<_, diesel::result::Error>(())
    })?;
    Ok(rows)
}

/// [`list`] handed to `each` one partner at a time as the database steps through them.
pub fn each_partner<E: From<diesel::result::Error>>(
    conn: &mut DbConnection,
    partner_type: Option<&str>,
    mut each: impl FnMut(PartnerRow) -> Result<(), E>,
) -> Result<(), E> {
    each_row!(
        conn,
        {
            let mut q = partner::table.select(PartnerRow::as_select()).order(partner::id.asc()).into_boxed();
            if let Some(t) = partner_type {
                q = q.filter(partner::partner_type_code.eq(t.to_owned()));
            }
            q
        },
        PartnerRow,
        each
    );
    Ok(())
}

/// A partner with exactly this e-mail exists.
pub fn email_registered(conn: &mut DbConnection, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(partner::table.filter(partner::email_id.eq(email)))).get_result(conn)
}

/// Serialises the transactions that take the same `key` until they end, for rules the service
/// enforces without a constraint (e-mail unused — MOSIP's own default partners share e-mails —,
/// one open request per partner and policy). PostgreSQL: a transaction-scoped advisory lock;
/// SQLite: nothing to do, its write transactions are serial already.
pub fn lock(conn: &mut DbConnection, scope: &str, key: &str) -> QueryResult<()> {
    if let DbConnection::Postgres(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind::<diesel::sql_types::Text, _>(format!("{scope}:{key}"))
            .execute(pg)?;
    }
    Ok(())
}

mosip_row! {
    /// A `partner_type` row.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
    #[diesel(table_name = partner_type)]
    pub struct PartnerTypeRow {
        pub code: String,
        pub partner_description: String,
        pub is_policy_required: bool,
        pub is_active: bool,
    }
}

pub fn partner_types(conn: &mut DbConnection) -> QueryResult<Vec<PartnerTypeRow>> {
    partner_type::table.select(PartnerTypeRow::as_select()).order(partner_type::code.asc()).load(conn)
}

/// Partner types by code, in the order of `codes`.
pub fn partner_types_by_code(conn: &mut DbConnection, codes: &[String]) -> QueryResult<Vec<PartnerTypeRow>> {
    let rows =
        partner_type::table.filter(partner_type::code.eq_any(codes)).select(PartnerTypeRow::as_select()).load(conn)?;
    Ok(in_order(codes, rows, |r| &r.code))
}

/// The partner type whose code matches `code` case-insensitively.
pub fn find_type(conn: &mut DbConnection, code: &str) -> QueryResult<Option<PartnerTypeInfo>> {
    Ok(partner_types(conn)?
        .into_iter()
        .find(|t| t.code.eq_ignore_ascii_case(code))
        .map(|t| PartnerTypeInfo { code: t.code, is_policy_required: t.is_policy_required }))
}

/// Writes address and number, and logo and additional information when the update carries them.
pub fn update_details(
    conn: &mut DbConnection,
    id: &PartnerId,
    update: &PartnerUpdate,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let target = partner::table.find(id.as_str());
    let mut n = diesel::update(target)
        .set((
            partner::address.eq(Some(&update.address)),
            partner::contact_no.eq(Some(&update.contact_number)),
            partner::upd_by.eq(Some(by)),
            partner::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)?;
    if let Some(logo) = &update.logo_url {
        n = diesel::update(partner::table.find(id.as_str())).set(partner::logo_url.eq(Some(logo))).execute(conn)?;
    }
    if let Some(info) = &update.additional_info {
        n = diesel::update(partner::table.find(id.as_str())).set(partner::addl_info.eq(Some(info))).execute(conn)?;
    }
    Ok(n)
}

/// Moves an inactive partner to another policy group (compare-and-set on `is_active = false`).
pub fn set_policy_group(
    conn: &mut DbConnection,
    id: &PartnerId,
    group_id: &PolicyGroupId,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(partner::table.filter(partner::id.eq(id.as_str())).filter(partner::is_active.eq(false)))
        .set((
            partner::policy_group_id.eq(Some(group_id.as_str())),
            partner::upd_by.eq(Some(by)),
            partner::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
}

/// Switches `is_active` from `from` to `to` (compare-and-set); 0 when someone else did first.
pub fn set_active(
    conn: &mut DbConnection,
    id: &PartnerId,
    from: bool,
    to: bool,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(partner::table.filter(partner::id.eq(id.as_str())).filter(partner::is_active.eq(from)))
        .set((partner::is_active.eq(to), partner::upd_by.eq(Some(by)), partner::upd_dtimes.eq(Some(now))))
        .execute(conn)
}

/// Switches off the active licence keys of a MISP partner (its deactivation cascades to them).
pub fn deactivate_misp_licenses(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        misp_license::table
            .filter(misp_license::misp_id.eq(partner_id.as_str()))
            .filter(misp_license::is_active.eq(true)),
    )
    .set((misp_license::is_active.eq(false), misp_license::upd_by.eq(Some(by)), misp_license::upd_dtimes.eq(Some(now))))
    .execute(conn)
}
