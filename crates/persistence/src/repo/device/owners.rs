//! The partners a user owns (`partner.user_id`), as MOSIP 1.2.2's device operations look them up
//! (`findByUserId`): a user may act for several partners.

use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::schema::partner;

/// A partner of the calling user.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct UserPartner {
    pub id: String,
    pub name: String,
    pub partner_type_code: String,
    pub is_active: bool,
}

/// The undeleted partners whose user is `user_id`.
pub fn partners_of_user(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<UserPartner>> {
    partner::table
        .filter(partner::user_id.eq(user_id))
        .filter(partner::is_deleted.eq(false))
        .order(partner::id.asc())
        .select((partner::id, partner::name, partner::partner_type_code, partner::is_active))
        .load(conn)
}
