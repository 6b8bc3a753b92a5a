//! MOSIP's SBI history (`secure_biometric_interface_h`): a copy of the SBI after each create,
//! update, approval or rejection, effective from the change's time (MOSIP's mapping: the history
//! row's creator and creation time are the change's).

use chrono::NaiveDateTime;
use device_domain::Sbi;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::schema::secure_biometric_interface_h as h;

mosip_row! {
    #[derive(Debug, Clone, Insertable)]
    #[diesel(table_name = h)]
    pub struct SbiHistoryRow {
        pub id: String,
        pub eff_dtimes: NaiveDateTime,
        pub sw_binary_hash: String,
        pub sw_version: String,
        pub sw_cr_dtimes: Option<NaiveDateTime>,
        pub sw_expiry_dtimes: Option<NaiveDateTime>,
        pub approval_status: String,
        pub is_active: bool,
        pub provider_id: Option<String>,
        pub partner_org_name: Option<String>,
    }
}

/// Records `s` as it is now. A second change of the same SBI at the same instant replaces the
/// first's copy (the key is the id and the instant).
pub fn record(conn: &mut DbConnection, s: &Sbi) -> QueryResult<usize> {
    let eff = s.upd_dtimes.unwrap_or(s.cr_dtimes);
    let row = SbiHistoryRow {
        id: s.id.to_string(),
        eff_dtimes: eff,
        sw_binary_hash: s.binary_hash.clone(),
        sw_version: s.version.clone(),
        sw_cr_dtimes: s.created,
        sw_expiry_dtimes: s.expiry,
        approval_status: s.approval_status.clone(),
        is_active: s.is_active,
        provider_id: s.provider_id.as_ref().map(ToString::to_string),
        partner_org_name: s.partner_org_name.clone(),
        cr_by: s.upd_by.clone().unwrap_or_else(|| s.cr_by.clone()),
        cr_dtimes: eff,
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    };
    diesel::delete(h::table.find((row.id.as_str(), eff))).execute(conn)?;
    diesel::insert_into(h::table).values(row).execute(conn)
}

/// The history of SBI `id`, oldest first: when, the approval status, whether active, the version.
pub fn of_sbi(conn: &mut DbConnection, id: &str) -> QueryResult<Vec<(NaiveDateTime, String, bool, String)>> {
    h::table
        .filter(h::id.eq(id))
        .order(h::eff_dtimes.asc())
        .select((h::eff_dtimes, h::approval_status, h::is_active, h::sw_version))
        .load(conn)
}
