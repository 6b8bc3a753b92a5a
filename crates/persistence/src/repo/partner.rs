//! Partners, partner types and partner contacts.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerError;
use partner_domain::partner::{Contact, NewPartner, PartnerUpdate};
use partner_domain::policy::{PartnerTypeInfo, PolicyGroupInfo};
use partner_domain::registration::{Registrant, RegistrationLookup, RegistrationRequest, RegistrationRules, register};

use crate::connection::DbConnection;
use crate::error::is_unique_violation;
use crate::schema::{misp_license, partner, partner_contact, partner_type};

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
        PartnerRow {
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
            cr_by: p.cr_by.clone(),
            cr_dtimes: p.cr_dtimes,
            upd_by: None,
            upd_dtimes: None,
            is_deleted: false,
            del_dtimes: None,
        }
    }
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<PartnerRow>> {
    partner::table.find(id).select(PartnerRow::as_select()).first(conn).optional()
}

/// Partners by id, in the order of `ids` (ids without a row are left out).
pub fn find_many(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<PartnerRow>> {
    let rows: Vec<PartnerRow> =
        partner::table.filter(partner::id.eq_any(ids)).select(PartnerRow::as_select()).load(conn)?;
    Ok(in_order(ids, rows, |r| &r.id))
}

/// `rows` arranged in the order of `ids`.
pub fn in_order<T>(ids: &[String], rows: Vec<T>, key: impl Fn(&T) -> &String) -> Vec<T> {
    let mut slots: Vec<Option<T>> = rows.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(pos) = slots.iter().position(|s| s.as_ref().is_some_and(|r| key(r) == id))
            && let Some(row) = slots[pos].take()
        {
            out.push(row);
        }
    }
    out
}

/// Every partner, or those of one type (exact code), by id.
pub fn list(conn: &mut DbConnection, partner_type: Option<&str>) -> QueryResult<Vec<PartnerRow>> {
    let mut q = partner::table.select(PartnerRow::as_select()).order(partner::id.asc()).into_boxed();
    if let Some(t) = partner_type {
        q = q.filter(partner::partner_type_code.eq(t.to_owned()));
    }
    q.load(conn)
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

/// What registration asks the store, over one connection.
pub struct Lookups<'a, E> {
    conn: &'a mut DbConnection,
    _error: std::marker::PhantomData<E>,
}

impl<'a, E> Lookups<'a, E> {
    pub fn new(conn: &'a mut DbConnection) -> Self {
        Lookups { conn, _error: std::marker::PhantomData }
    }
}

impl<E> RegistrationLookup for Lookups<'_, E>
where
    E: From<PartnerError> + From<diesel::result::Error>,
{
    type Error = E;

    fn email_registered(&mut self, email: &str) -> Result<bool, E> {
        Ok(email_registered(self.conn, email)?)
    }

    fn partner_exists(&mut self, partner_id: &str) -> Result<bool, E> {
        Ok(diesel::select(diesel::dsl::exists(partner::table.find(partner_id))).get_result(self.conn)?)
    }

    fn partner_types(&mut self) -> Result<Vec<PartnerTypeInfo>, E> {
        Ok(partner_types(self.conn)?
            .into_iter()
            .map(|t| PartnerTypeInfo { code: t.code, is_policy_required: t.is_policy_required })
            .collect())
    }

    fn policy_group_by_name(&mut self, name: &str) -> Result<Option<PolicyGroupInfo>, E> {
        Ok(super::partner_policy::group_by_name(self.conn, name)?)
    }
}

/// Registers a partner: the domain's rules against the store, then the insert, in the caller's
/// transaction. A partner id taken by a concurrent registration is `PMS_PRT_051`.
pub fn register_partner<E>(
    conn: &mut DbConnection,
    req: RegistrationRequest,
    who: Registrant<'_>,
    rules: &RegistrationRules,
    now: NaiveDateTime,
) -> Result<NewPartner, E>
where
    E: From<PartnerError> + From<diesel::result::Error>,
{
    lock(conn, "partner-email", &req.email_id)?;
    let new = register(req, who, rules, &mut Lookups::<E>::new(conn), now)?;
    match diesel::insert_into(partner::table).values(PartnerRow::from(&new)).execute(conn) {
        Ok(_) => Ok(new),
        Err(e) if is_unique_violation(&e) => Err(PartnerError::PartnerIdTaken.into()),
        Err(e) => Err(e.into()),
    }
}

/// Writes address and number, and logo and additional information when the update carries them.
pub fn update_details(
    conn: &mut DbConnection,
    id: &str,
    update: &PartnerUpdate,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let target = partner::table.find(id);
    let mut n = diesel::update(target)
        .set((
            partner::address.eq(Some(&update.address)),
            partner::contact_no.eq(Some(&update.contact_number)),
            partner::upd_by.eq(Some(by)),
            partner::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)?;
    if let Some(logo) = &update.logo_url {
        n = diesel::update(partner::table.find(id)).set(partner::logo_url.eq(Some(logo))).execute(conn)?;
    }
    if let Some(info) = &update.additional_info {
        n = diesel::update(partner::table.find(id)).set(partner::addl_info.eq(Some(info))).execute(conn)?;
    }
    Ok(n)
}

/// Moves an inactive partner to another policy group (compare-and-set on `is_active = false`).
pub fn set_policy_group(
    conn: &mut DbConnection,
    id: &str,
    group_id: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(partner::table.filter(partner::id.eq(id)).filter(partner::is_active.eq(false)))
        .set((
            partner::policy_group_id.eq(Some(group_id)),
            partner::upd_by.eq(Some(by)),
            partner::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
}

/// Switches `is_active` from `from` to `to` (compare-and-set); 0 when someone else did first.
pub fn set_active(
    conn: &mut DbConnection,
    id: &str,
    from: bool,
    to: bool,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(partner::table.filter(partner::id.eq(id)).filter(partner::is_active.eq(from)))
        .set((partner::is_active.eq(to), partner::upd_by.eq(Some(by)), partner::upd_dtimes.eq(Some(now))))
        .execute(conn)
}

/// Switches off the active licence keys of a MISP partner (its deactivation cascades to them).
pub fn deactivate_misp_licenses(
    conn: &mut DbConnection,
    partner_id: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        misp_license::table.filter(misp_license::misp_id.eq(partner_id)).filter(misp_license::is_active.eq(true)),
    )
    .set((misp_license::is_active.eq(false), misp_license::upd_by.eq(Some(by)), misp_license::upd_dtimes.eq(Some(now))))
    .execute(conn)
}

mosip_row! {
    /// A `partner_contact` row.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = partner_contact)]
    pub struct ContactRow {
        pub id: String,
        pub partner_id: String,
        pub contact_no: Option<String>,
        pub email_id: Option<String>,
        pub address: Option<String>,
        pub is_active: bool,
    }
}

pub fn find_contact(conn: &mut DbConnection, partner_id: &str, email: &str) -> QueryResult<Option<ContactRow>> {
    partner_contact::table
        .filter(partner_contact::partner_id.eq(partner_id))
        .filter(partner_contact::email_id.eq(email))
        .select(ContactRow::as_select())
        .first(conn)
        .optional()
}

pub fn contacts_of(conn: &mut DbConnection, partner_id: &str) -> QueryResult<Vec<ContactRow>> {
    partner_contact::table
        .filter(partner_contact::partner_id.eq(partner_id))
        .order((partner_contact::cr_dtimes.asc(), partner_contact::id.asc()))
        .select(ContactRow::as_select())
        .load(conn)
}

pub fn insert_contact(
    conn: &mut DbConnection,
    id: &str,
    partner_id: &str,
    c: &Contact,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(partner_contact::table)
        .values(ContactRow {
            id: id.to_owned(),
            partner_id: partner_id.to_owned(),
            contact_no: Some(c.contact_number.clone()),
            email_id: Some(c.email_id.clone()),
            address: Some(c.address.clone()),
            is_active: c.is_active,
            cr_by: by.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
            is_deleted: false,
            del_dtimes: None,
        })
        .execute(conn)
}

pub fn update_contact(
    conn: &mut DbConnection,
    id: &str,
    c: &Contact,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(partner_contact::table.find(id))
        .set((
            partner_contact::contact_no.eq(Some(&c.contact_number)),
            partner_contact::address.eq(Some(&c.address)),
            partner_contact::is_active.eq(c.is_active),
            partner_contact::upd_by.eq(Some(by)),
            partner_contact::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
}
