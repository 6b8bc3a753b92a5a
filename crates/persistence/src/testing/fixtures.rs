//! Rows tests put straight into the store (policy groups and policies are another feature's, so
//! the partner and MISP tests insert them rather than going through the policy manager).
//! Start from [`GroupFixture::new`] / [`PolicyFixture::new`] and change what the test is about;
//! [`insert_partner`] and [`insert_request`] write the partner service's rows.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::schema::{auth_policy, partner, partner_policy_request, policy_group};

/// A `policy_group` row: active, not deleted, owned and created now by `tester`, description `d`.
#[derive(Debug, Clone)]
pub struct GroupFixture {
    pub id: String,
    pub name: String,
    pub descr: String,
    /// `user_id`, the owner.
    pub user: String,
    /// `cr_by`.
    pub by: String,
    pub active: bool,
    pub deleted: bool,
    pub created: NaiveDateTime,
}

impl GroupFixture {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        GroupFixture {
            id: id.into(),
            name: name.into(),
            descr: "d".into(),
            user: "tester".into(),
            by: "tester".into(),
            active: true,
            deleted: false,
            created: Utc::now().naive_utc(),
        }
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<usize> {
        diesel::insert_into(policy_group::table)
            .values((
                policy_group::id.eq(&self.id),
                policy_group::name.eq(&self.name),
                policy_group::descr.eq(&self.descr),
                policy_group::user_id.eq(&self.user),
                policy_group::is_active.eq(self.active),
                policy_group::cr_by.eq(&self.by),
                policy_group::cr_dtimes.eq(self.created),
                policy_group::is_deleted.eq(self.deleted),
            ))
            .execute(conn)
    }
}

/// An `auth_policy` row: an active `Auth` policy, version `1.0`, document `{}`, still a draft (no
/// schema), valid from now for a year, created now by `tester`, description `d`.
#[derive(Debug, Clone)]
pub struct PolicyFixture {
    pub id: String,
    pub group_id: String,
    pub name: String,
    pub descr: String,
    pub document: String,
    pub policy_type: String,
    pub version: String,
    pub schema: Option<String>,
    pub valid_from: NaiveDateTime,
    pub valid_to: NaiveDateTime,
    pub active: bool,
    pub by: String,
    pub created: NaiveDateTime,
}

impl PolicyFixture {
    pub fn new(id: impl Into<String>, group_id: impl Into<String>, name: impl Into<String>) -> Self {
        let now = Utc::now().naive_utc();
        PolicyFixture {
            id: id.into(),
            group_id: group_id.into(),
            name: name.into(),
            descr: "d".into(),
            document: "{}".into(),
            policy_type: "Auth".into(),
            version: "1.0".into(),
            schema: None,
            valid_from: now,
            valid_to: now + Duration::days(365),
            active: true,
            by: "tester".into(),
            created: now,
        }
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<usize> {
        diesel::insert_into(auth_policy::table)
            .values((
                auth_policy::id.eq(&self.id),
                auth_policy::policy_group_id.eq(&self.group_id),
                auth_policy::name.eq(&self.name),
                auth_policy::descr.eq(&self.descr),
                auth_policy::policy_file_id.eq(&self.document),
                auth_policy::policy_type.eq(&self.policy_type),
                auth_policy::version.eq(&self.version),
                auth_policy::policy_schema.eq(&self.schema),
                auth_policy::valid_from_date.eq(self.valid_from),
                auth_policy::valid_to_date.eq(self.valid_to),
                auth_policy::is_active.eq(self.active),
                auth_policy::cr_by.eq(&self.by),
                auth_policy::cr_dtimes.eq(self.created),
                auth_policy::is_deleted.eq(false),
            ))
            .execute(conn)
    }
}

/// A `partner` row as the partner service creates it: named `{id} org`, owned by user `id`,
/// approved, created by `test` at `at`.
pub fn insert_partner(
    conn: &mut DbConnection,
    id: &str,
    partner_type: &str,
    active: bool,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(partner::table)
        .values((
            partner::id.eq(id),
            partner::name.eq(format!("{id} org")),
            partner::user_id.eq(id),
            partner::partner_type_code.eq(partner_type),
            partner::approval_status.eq("Approved"),
            partner::is_active.eq(active),
            partner::cr_by.eq("test"),
            partner::cr_dtimes.eq(at),
            partner::is_deleted.eq(false),
        ))
        .execute(conn)
}

/// A request of `partner` for `policy` in `status` (id `r-{partner}-{policy}`), made at `at`.
pub fn insert_request(
    conn: &mut DbConnection,
    partner: &str,
    policy: &str,
    status: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(partner_policy_request::table)
        .values((
            partner_policy_request::id.eq(format!("r-{partner}-{policy}")),
            partner_policy_request::part_id.eq(partner),
            partner_policy_request::policy_id.eq(policy),
            partner_policy_request::request_datetimes.eq(at),
            partner_policy_request::request_detail.eq("d"),
            partner_policy_request::status_code.eq(status),
            partner_policy_request::cr_by.eq("test"),
            partner_policy_request::cr_dtimes.eq(at),
            partner_policy_request::is_deleted.eq(false),
        ))
        .execute(conn)
}
