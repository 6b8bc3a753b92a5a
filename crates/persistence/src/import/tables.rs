//! The tables an import loads, each written once: its primary key and how each of its columns is
//! read from the file. `importers!` makes of this list the load order ([`TABLES`]), the columns
//! each file may have, and the insert of one row.

use diesel::prelude::*;

use super::ImportError;
use super::row::Row;
use crate::connection::DbConnection;
use crate::schema;

const IMPORT_USER: &str = "mosip-import";

/// `audit { column: reader(args), … }` then, per table in load order,
/// `table [primary key columns] { column: reader(args), … }`: a column is read with
/// `Row::reader(column name, args…)`, the key columns with `Row::text`, and the audit columns come
/// with every table. A reader's arguments may name the key and audit columns read before.
macro_rules! importers {
    (
        audit $audit:tt
        $($table:ident [$($key:ident),+] { $($col:ident : $read:ident $(($($arg:expr),*))?),* $(,)? })*
    ) => {
        /// The tables in the order they are loaded (referenced tables first).
        pub const TABLES: &[&str] = &[$(stringify!($table)),*];

        /// The columns a table file may have.
        pub(super) fn known_columns(table: &str) -> Vec<&'static str> {
            let own: &[&str] = match table {
                $(stringify!($table) => &[$(stringify!($key),)+ $(stringify!($col)),*],)*
                _ => &[],
            };
            own.iter().chain(importers!(@names $audit)).copied().collect()
        }

        /// Inserts one row unless its primary key exists; `Ok(false)` when skipped.
        pub(super) fn import_row(conn: &mut DbConnection, table: &str, r: &Row<'_>) -> Result<bool, ImportError> {
            importers!(@read r, $audit);
            match table {
                $(stringify!($table) => {
                    use schema::$table::dsl as t;
                    $(let $key = r.text(stringify!($key))?;)+
                    if t::$table.find(importers!(@key $($key),+)).count().get_result::<i64>(conn)? > 0 {
                        return Ok(false);
                    }
                    let own = ($(t::$key.eq(&$key),)+ $(t::$col.eq(r.$read(stringify!($col) $($(, $arg)*)?)?),)*);
                    diesel::insert_into(t::$table)
                        .values((own, importers!(@values t, $audit)))
                        .execute(conn)
                        .map_err(|e| r.refused(e))?;
                })*
                other => return Err(r.bad(format!("no importer for table {other}"))),
            }
            Ok(true)
        }
    };
    (@names { $($col:ident : $read:ident $(($($arg:expr),*))?),* $(,)? }) => {
        &[$(stringify!($col)),*]
    };
    (@read $r:ident, { $($col:ident : $read:ident $(($($arg:expr),*))?),* $(,)? }) => {
        $(let $col = $r.$read(stringify!($col) $($(, $arg)*)?)?;)*
    };
    (@values $t:ident, { $($col:ident : $read:ident $(($($arg:expr),*))?),* $(,)? }) => {
        ($($t::$col.eq(&$col),)*)
    };
    (@key $key:ident) => { &$key };
    (@key $($key:ident),+) => { ($(&$key),+) };
}

importers! {
    audit {
        cr_by: text_or(IMPORT_USER),
        cr_dtimes: ts_or_now,
        upd_by: opt_text,
        upd_dtimes: opt_ts,
        is_deleted: bool_or(false),
        del_dtimes: opt_ts,
    }
    partner_type [code] {
        partner_description: text_or(&code),
        is_policy_required: bool,
        is_active: bool_or(true),
    }
    policy_group [id] {
        name: text,
        descr: text_or(""),
        user_id: text_or(&cr_by),
        is_active: bool_or(true),
    }
    auth_policy [id] {
        policy_file_id: json_required,
        policy_group_id: text,
        name: text,
        descr: text_or(""),
        policy_type: text,
        version: text_or("1"),
        policy_schema: opt_text,
        valid_from_date: ts_or_now,
        valid_to_date: ts,
        is_active: bool,
    }
    partner [id] {
        policy_group_id: opt_text,
        name: text,
        address: opt_text,
        contact_no: opt_text,
        email_id: opt_text,
        certificate_alias: opt_text,
        user_id: text_or(&id),
        partner_type_code: text,
        approval_status: text,
        is_active: bool,
        lang_code: opt_text,
        logo_url: opt_text,
        addl_info: json,
    }
    partner_contact [id] {
        partner_id: text,
        contact_no: opt_text,
        email_id: opt_text,
        address: opt_text,
        is_active: bool_or(true),
    }
    partner_policy_request [id] {
        part_id: text,
        policy_id: text,
        request_datetimes: ts_or_now,
        request_detail: text_or(""),
        status_code: text,
    }
    partner_policy [policy_api_key] {
        part_id: text,
        policy_id: text,
        valid_from_datetime: ts_or_now,
        valid_to_datetime: opt_ts,
        is_active: bool,
        // MOSIP's 1.2 migration filled missing labels with the key itself.
        label: text_or(&policy_api_key),
    }
    partner_policy_bioextract [id] {
        part_id: text,
        policy_id: text,
        attribute_name: text,
        extractor_provider: text,
        extractor_provider_version: opt_text,
        biometric_modality: text,
        biometric_sub_types: opt_text,
    }
    partner_policy_credential_type [part_id, policy_id, credential_type] {
        is_active: bool_or(true),
    }
    // ---- device providers (000009_devices)
    reg_device_type [code] {
        name: text_or(&code),
        descr: opt_text,
        is_active: bool_or(true),
    }
    reg_device_sub_type [code, dtyp_code] {
        id: joined(&dtyp_code, &code),
        name: text_or(&code),
        descr: opt_text,
        is_active: bool_or(true),
    }
    device_detail [id] {
        dprovider_id: text,
        dtype_code: text,
        dstype_code: text,
        make: text,
        model: text,
        partner_org_name: opt_text,
        approval_status: text,
        is_active: bool,
    }
    secure_biometric_interface [id] {
        sw_binary_hash: text_or(""),
        sw_version: text,
        sw_cr_dtimes: opt_ts,
        sw_expiry_dtimes: opt_ts,
        approval_status: text,
        is_active: bool,
        provider_id: opt_text,
        partner_org_name: opt_text,
    }
}
