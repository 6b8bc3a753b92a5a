//! Partner contacts (`partner_contact`).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerId;
use partner_domain::partner::Contact;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::schema::partner_contact;

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

pub fn find_contact(conn: &mut DbConnection, partner_id: &PartnerId, email: &str) -> QueryResult<Option<ContactRow>> {
    first_row(
        conn,
        partner_contact::table
            .filter(partner_contact::partner_id.eq(partner_id.as_str()))
            .filter(partner_contact::email_id.eq(email)),
    )
}

pub fn contacts_of(conn: &mut DbConnection, partner_id: &PartnerId) -> QueryResult<Vec<ContactRow>> {
    partner_contact::table
        .filter(partner_contact::partner_id.eq(partner_id.as_str()))
        .order((partner_contact::cr_dtimes.asc(), partner_contact::id.asc()))
        .select(ContactRow::as_select())
        .load(conn)
}

pub fn insert_contact(
    conn: &mut DbConnection,
    id: &str,
    partner_id: &PartnerId,
    c: &Contact,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(partner_contact::table)
        .values(with_audit!(ContactRow {
            id: id.to_owned(),
            partner_id: partner_id.to_string(),
            contact_no: Some(c.contact_number.clone()),
            email_id: Some(c.email_id.clone()),
            address: Some(c.address.clone()),
            is_active: c.is_active,
        } created by by, at now))
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
