//! `local_account`: users who log in with a password here (self-registered partners and the
//! operators created with `partner-service admin create`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::schema::local_account;

mosip_row! {
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = local_account)]
    pub struct AccountRow {
        pub user_id: String,
        /// The lower-cased user name; unique.
        pub login_key: String,
        /// argon2id PHC string.
        pub password_hash: String,
        /// Realm roles, comma-separated.
        pub roles: String,
        pub email_id: Option<String>,
        pub partner_id: Option<String>,
        pub is_active: bool,
        pub last_login_dtimes: Option<NaiveDateTime>,
    }
}

/// Inserts an account; a taken user name (in any case) is a unique violation.
pub fn insert(conn: &mut DbConnection, row: &AccountRow) -> QueryResult<usize> {
    diesel::insert_into(local_account::table).values(row).execute(conn)
}

/// The account whose lower-cased user name is `login_key`, deleted ones included.
pub fn find_by_login(conn: &mut DbConnection, login_key: &str) -> QueryResult<Option<AccountRow>> {
    first_row(conn, local_account::table.filter(local_account::login_key.eq(login_key)))
}

/// Whether some account has the lower-cased user name `login_key`.
pub fn login_taken(conn: &mut DbConnection, login_key: &str) -> QueryResult<bool> {
    let n: i64 = local_account::table.filter(local_account::login_key.eq(login_key)).count().get_result(conn)?;
    Ok(n > 0)
}

/// Records a successful login.
pub fn touch_login(conn: &mut DbConnection, user_id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(local_account::table.filter(local_account::user_id.eq(user_id)))
        .set(local_account::last_login_dtimes.eq(Some(now)))
        .execute(conn)
}
