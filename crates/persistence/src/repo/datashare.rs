//! The `datashare` table: content served without a token at an unguessable id, for a limited
//! time and number of reads (the certificate chains of `CA_CERTIFICATE_UPLOADED`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::schema::datashare;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = datashare)]
pub struct SharedItem {
    pub id: String,
    pub content: String,
    pub content_type: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub reads_left: i32,
}

pub fn insert(conn: &mut DbConnection, item: &SharedItem) -> QueryResult<usize> {
    diesel::insert_into(datashare::table).values(item).execute(conn)
}

/// The item `id` if it has not expired at `now` and has reads left; counts this read. Run it in
/// a write transaction.
pub fn take(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> QueryResult<Option<SharedItem>> {
    let live = first_row::<SharedItem, _>(
        conn,
        datashare::table.find(id).filter(datashare::expires_at.gt(now)).filter(datashare::reads_left.gt(0)),
    )?;
    if live.is_some() {
        diesel::update(datashare::table.find(id))
            .set(datashare::reads_left.eq(datashare::reads_left - 1))
            .execute(conn)?;
    }
    Ok(live)
}

/// Deletes the items that expired or ran out of reads before `now`.
pub fn purge(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(datashare::table.filter(datashare::expires_at.le(now).or(datashare::reads_left.le(0)))).execute(conn)
}
