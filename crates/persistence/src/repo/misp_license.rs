//! Licence keys (`misp_license`) of MISPs and MISP partners. `license_key` is unique on its own
//! (`uk_mlic_key`), which is also the index the validation path looks keys up with.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use misp_domain::{License, LicenseKey, Misp, MispId};

use crate::connection::DbConnection;
use crate::error::is_unique_violation;
use crate::repo::misp::{MAX_ATTEMPTS, MispRow, in_savepoint};
use crate::repo::{first_row, load_as};
use crate::schema::{misp, misp_license};

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable)]
    #[diesel(table_name = misp_license)]
    pub struct LicenseRow {
        pub misp_id: String,
        pub license_key: String,
        pub policy_id: Option<String>,
        pub valid_from_date: NaiveDateTime,
        pub valid_to_date: NaiveDateTime,
        pub is_active: bool,
        pub suspended: bool,
    }
}

impl From<LicenseRow> for License {
    fn from(r: LicenseRow) -> Self {
        with_audit!(License {
            misp_id: r.misp_id,
            key: r.license_key,
            policy_id: r.policy_id,
            valid_from: r.valid_from_date,
            valid_to: r.valid_to_date,
            is_active: r.is_active,
            suspended: r.suspended,
        } taken from r)
    }
}

impl From<&License> for LicenseRow {
    fn from(l: &License) -> Self {
        with_audit!(LicenseRow {
            misp_id: l.misp_id.clone(),
            license_key: l.key.clone(),
            policy_id: l.policy_id.clone(),
            valid_from_date: l.valid_from,
            valid_to_date: l.valid_to,
            is_active: l.is_active,
            suspended: l.suspended,
        } copied from l)
    }
}

/// Inserts the key `make` builds; when its key value is taken already (the unique constraint
/// says so), builds another one, up to [`MAX_ATTEMPTS`] times. `Ok(None)`: every attempt collided.
pub fn insert_new(conn: &mut DbConnection, mut make: impl FnMut() -> License) -> QueryResult<Option<License>> {
    for _ in 0..MAX_ATTEMPTS {
        let license = make();
        let row = LicenseRow::from(&license);
        match in_savepoint(conn, |c| diesel::insert_into(misp_license::table).values(&row).execute(c)) {
            Ok(_) => return Ok(Some(license)),
            Err(e) if is_unique_violation(&e) => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

/// The key and, when it belongs to a MOSIP 1.1 MISP, that MISP: one indexed lookup.
pub fn find_with_misp(conn: &mut DbConnection, key: &LicenseKey) -> QueryResult<Option<(License, Option<Misp>)>> {
    let row: Option<(LicenseRow, Option<MispRow>)> = misp_license::table
        .left_join(misp::table)
        .filter(misp_license::license_key.eq(key.as_str()))
        .select((LicenseRow::as_select(), Option::<MispRow>::as_select()))
        .first(conn)
        .optional()?;
    Ok(row.map(|(l, m)| (License::from(l), m.map(Misp::from))))
}

pub fn find_by_key(conn: &mut DbConnection, key: &LicenseKey) -> QueryResult<Option<License>> {
    first_row::<LicenseRow, _>(conn, misp_license::table.filter(misp_license::license_key.eq(key.as_str())))
        .map(|r| r.map(License::from))
}

/// The key `key` of `misp_id`, if that pair exists.
pub fn find_of(conn: &mut DbConnection, misp_id: &MispId, key: &LicenseKey) -> QueryResult<Option<License>> {
    first_row::<LicenseRow, _>(conn, misp_license::table.find((misp_id.as_str(), key.as_str())))
        .map(|r| r.map(License::from))
}

/// The keys of `misp_id`, oldest first.
pub fn of_holder(conn: &mut DbConnection, misp_id: &MispId) -> QueryResult<Vec<License>> {
    all(conn, Some(misp_id))
}

/// The keys of every holder in `ids`, oldest first.
pub fn of_holders(conn: &mut DbConnection, ids: &[MispId]) -> QueryResult<Vec<License>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    load_as::<LicenseRow, _, _>(
        conn,
        misp_license::table
            .filter(misp_license::misp_id.eq_any(ids.iter().map(|i| i.as_str())))
            .order((misp_license::cr_dtimes.asc(), misp_license::license_key.asc())),
    )
}

/// Every key (or those of the holder `only`), oldest first.
pub fn all(conn: &mut DbConnection, only: Option<&MispId>) -> QueryResult<Vec<License>> {
    let mut q = misp_license::table.into_boxed();
    if let Some(id) = only {
        q = q.filter(misp_license::misp_id.eq(id.as_str()));
    }
    load_as::<LicenseRow, _, _>(conn, q.order((misp_license::cr_dtimes.asc(), misp_license::license_key.asc())))
}

/// The keys whose values are in `keys` (any order).
pub fn by_keys(conn: &mut DbConnection, keys: &[LicenseKey]) -> QueryResult<Vec<License>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    load_as::<LicenseRow, _, _>(
        conn,
        misp_license::table.filter(misp_license::license_key.eq_any(keys.iter().map(|k| k.as_str()))),
    )
}

pub fn any_of(conn: &mut DbConnection, misp_id: &MispId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        misp_license::table.filter(misp_license::misp_id.eq(misp_id.as_str())).select(misp_license::license_key),
    ))
    .get_result(conn)
}

/// Sets one key's state; returns the rows changed.
pub fn set_state(
    conn: &mut DbConnection,
    misp_id: &MispId,
    key: &LicenseKey,
    active: bool,
    suspended: bool,
    user: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(misp_license::table.find((misp_id.as_str(), key.as_str())))
        .set((
            misp_license::is_active.eq(active),
            misp_license::suspended.eq(suspended),
            misp_license::upd_by.eq(Some(user)),
            misp_license::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
}

/// Switches every key of `misp_id` off for good (a rejection); returns the rows changed.
pub fn retire_all(conn: &mut DbConnection, misp_id: &MispId, user: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(misp_license::table.filter(misp_license::misp_id.eq(misp_id.as_str())))
        .set((
            misp_license::is_active.eq(false),
            misp_license::suspended.eq(false),
            misp_license::upd_by.eq(Some(user)),
            misp_license::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
}
