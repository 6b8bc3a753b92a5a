//! MISPs (`misp`), their ids (`tspid_seq`), and who holds licence keys: a MISP, or a partner of
//! type `MISP_Partner` (read only here; the partner tables belong to the partner repositories).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use misp_domain::{Details, Holder, HolderKind, Misp, MispId, RegistrationStatus};
use partner_domain::PartnerId;
use policy_domain::PolicyId;

use crate::connection::DbConnection;
use crate::error::is_unique_violation;
use crate::repo::{first_row, load_as};
use crate::schema::{auth_policy, misp, partner, partner_policy_request, tspid_seq};

/// How often a lost race for a MISP id (or a licence key) is retried before giving up.
pub const MAX_ATTEMPTS: usize = 16;

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable)]
    #[diesel(table_name = misp)]
    pub struct MispRow {
        pub id: String,
        pub name: String,
        pub address: Option<String>,
        pub contact_no: Option<String>,
        pub email_id: Option<String>,
        pub user_id: String,
        pub status_code: String,
        pub is_active: bool,
    }
}

impl From<MispRow> for Misp {
    fn from(r: MispRow) -> Self {
        with_audit!(Misp {
            id: r.id,
            name: r.name,
            address: r.address,
            contact_no: r.contact_no,
            email_id: r.email_id,
            user_id: r.user_id,
            status: RegistrationStatus::from_stored(&r.status_code),
            is_active: r.is_active,
        } taken from r)
    }
}

impl From<&Misp> for MispRow {
    fn from(m: &Misp) -> Self {
        with_audit!(MispRow {
            id: m.id.clone(),
            name: m.name.clone(),
            address: m.address.clone(),
            contact_no: m.contact_no.clone(),
            email_id: m.email_id.clone(),
            user_id: m.user_id.clone(),
            status_code: m.status.as_str().to_owned(),
            is_active: m.is_active,
        } copied from m)
    }
}

/// Runs `f` in a savepoint, so that a failed statement (a lost uniqueness race) leaves the
/// surrounding transaction usable on PostgreSQL.
pub(crate) fn in_savepoint<T>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> QueryResult<T>,
) -> QueryResult<T> {
    conn.transaction(f)
}

/// Takes a transaction-scoped lock on the key holder `id`, so that concurrent requests issuing or
/// rotating its keys run one after the other. PostgreSQL: an advisory lock; SQLite: the write
/// transaction (`BEGIN IMMEDIATE`) already serialises writers.
pub fn lock_holder(conn: &mut DbConnection, id: &MispId) -> QueryResult<()> {
    if let DbConnection::Postgres(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('misp:' || $1))")
            .bind::<diesel::sql_types::Text, _>(id.as_str())
            .execute(pg)?;
    }
    Ok(())
}

/// Issues the next MISP id: the largest issued so far plus one (`first` when none), recorded in
/// `tspid_seq`, whose primary key refuses a number twice. A transaction that loses the race for a
/// number reads the maximum again. `Ok(None)`: the numbers are exhausted or the race was lost
/// [`MAX_ATTEMPTS`] times. On PostgreSQL the issuing transactions first queue on an advisory lock,
/// so that none loses the race over and over under load (the reliability suite saw one lose 16
/// times on a busy machine); SQLite's write transaction serialises them already.
pub fn next_id(conn: &mut DbConnection, first: i32, now: NaiveDateTime) -> QueryResult<Option<i32>> {
    if let DbConnection::Postgres(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('tspid_seq'))").execute(pg)?;
    }
    for _ in 0..MAX_ATTEMPTS {
        let max: Option<i32> = tspid_seq::table.select(diesel::dsl::max(tspid_seq::curr_seq_no)).first(conn)?;
        let Some(id) = misp_domain::ids::next_id(max, first) else { return Ok(None) };
        let inserted = in_savepoint(conn, |c| {
            diesel::insert_into(tspid_seq::table)
                .values((
                    tspid_seq::curr_seq_no.eq(id),
                    tspid_seq::cr_by.eq("SYSTEM"),
                    tspid_seq::cr_dtimes.eq(now),
                    tspid_seq::upd_by.eq(Some("SYSTEM")),
                    tspid_seq::upd_dtimes.eq(max.map(|_| now)),
                ))
                .execute(c)
        });
        match inserted {
            Ok(_) => return Ok(Some(id)),
            Err(e) if is_unique_violation(&e) => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

pub fn insert(conn: &mut DbConnection, m: &Misp) -> QueryResult<()> {
    diesel::insert_into(misp::table).values(MispRow::from(m)).execute(conn).map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &MispId) -> QueryResult<Option<Misp>> {
    first_row::<MispRow, _>(conn, misp::table.find(id.as_str())).map(|r| r.map(Misp::from))
}

/// True when a MISP other than `except` has exactly this name (case-sensitive, as MOSIP).
pub fn name_taken(conn: &mut DbConnection, name: &str, except: Option<&MispId>) -> QueryResult<bool> {
    let others: Vec<String> = misp::table.filter(misp::name.eq(name)).select(misp::id).limit(2).load(conn)?;
    Ok(others.iter().any(|id| except.is_none_or(|e| e != id)))
}

/// Every MISP (or those of `owner`), oldest first.
pub fn list(conn: &mut DbConnection, owner: Option<&str>) -> QueryResult<Vec<Misp>> {
    let mut q = misp::table.into_boxed();
    if let Some(user) = owner {
        q = q.filter(misp::user_id.eq(user));
    }
    load_as::<MispRow, _, _>(conn, q.order((misp::cr_dtimes.asc(), misp::id.asc())))
}

/// The MISPs (of `owner`, if given) whose name starts with `prefix`, exactly and case-sensitively;
/// `%` and `_` in `prefix` are plain characters.
pub fn by_name_prefix(conn: &mut DbConnection, prefix: &str, owner: Option<&str>) -> QueryResult<Vec<Misp>> {
    let escaped: String = prefix
        .chars()
        .flat_map(|c| match c {
            '\\' | '%' | '_' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    let mut q = misp::table.filter(misp::name.like(format!("{escaped}%")).escape('\\')).into_boxed();
    if let Some(user) = owner {
        q = q.filter(misp::user_id.eq(user));
    }
    let rows = q.order((misp::cr_dtimes.asc(), misp::id.asc())).select(MispRow::as_select()).load(conn)?;
    // SQLite's LIKE ignores ASCII case: keep the exact prefix matches only.
    Ok(rows.into_iter().filter(|r| r.name.starts_with(prefix)).map(Misp::from).collect())
}

/// Replaces the MISP's details; returns the rows changed (0: no such MISP).
pub fn update_details(
    conn: &mut DbConnection,
    id: &MispId,
    d: &Details,
    user: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(misp::table.find(id.as_str()))
        .set((
            misp::name.eq(&d.name),
            misp::contact_no.eq(Some(&d.contact_no)),
            misp::email_id.eq(Some(&d.email_id)),
            misp::address.eq(Some(&d.address)),
            misp::upd_by.eq(Some(user)),
            misp::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
}

/// Compare-and-set of the registration status: moves the MISP to `to` unless it already is there
/// (and, for an approval, only while it is active). Returns the rows changed: 0 means a concurrent
/// request got there first.
pub fn set_status(
    conn: &mut DbConnection,
    id: &MispId,
    to: RegistrationStatus,
    user: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let changes = (misp::status_code.eq(to.as_str()), misp::upd_by.eq(Some(user)), misp::upd_dtimes.eq(Some(now)));
    let not_there = misp::table.find(id.as_str()).filter(misp::status_code.ne(to.as_str()));
    if to == RegistrationStatus::Approved {
        diesel::update(not_there.filter(misp::is_active.eq(true))).set(changes).execute(conn)
    } else {
        diesel::update(not_there).set(changes).execute(conn)
    }
}

/// Switches the MISP on or off; returns the rows changed (0: no such MISP).
pub fn set_active(
    conn: &mut DbConnection,
    id: &MispId,
    active: bool,
    user: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(misp::table.find(id.as_str()))
        .set((misp::is_active.eq(active), misp::upd_by.eq(Some(user)), misp::upd_dtimes.eq(Some(now))))
        .execute(conn)
}

/// A partner, as the licence endpoints of MOSIP 1.2 see it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = partner)]
pub struct PartnerInfo {
    pub id: String,
    pub user_id: String,
    pub partner_type_code: String,
    pub approval_status: String,
    pub is_active: bool,
}

impl PartnerInfo {
    pub fn holder(&self) -> Holder {
        Holder {
            id: self.id.clone(),
            user_id: self.user_id.clone(),
            is_active: self.is_active,
            approved: true,
            kind: HolderKind::Partner,
        }
    }
}

pub fn find_partner(conn: &mut DbConnection, id: &PartnerId) -> QueryResult<Option<PartnerInfo>> {
    first_row(conn, partner::table.find(id.as_str()))
}

/// The holder of keys named `id`: the MISP of that id, else the partner of type `partner_type`.
pub fn find_holder(conn: &mut DbConnection, id: &MispId, partner_type: &str) -> QueryResult<Option<Holder>> {
    if let Some(m) = find(conn, id)? {
        return Ok(Some(Holder::from(&m)));
    }
    Ok(find_partner(conn, &PartnerId::from(id.as_str()))?
        .filter(|p| p.partner_type_code.eq_ignore_ascii_case(partner_type))
        .map(|p| p.holder()))
}

/// The partner's policy requests: `(status_code, policy_id)`, oldest first.
pub fn policy_requests(conn: &mut DbConnection, partner_id: &PartnerId) -> QueryResult<Vec<(String, String)>> {
    partner_policy_request::table
        .filter(partner_policy_request::part_id.eq(partner_id.as_str()))
        .order((partner_policy_request::cr_dtimes.asc(), partner_policy_request::id.asc()))
        .select((partner_policy_request::status_code, partner_policy_request::policy_id))
        .load(conn)
}

pub fn policy_exists(conn: &mut DbConnection, policy_id: &PolicyId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(auth_policy::table.find(policy_id.as_str()).select(auth_policy::id)))
        .get_result(conn)
}
