//! The searchable tables: MOSIP's field names → columns, and the SQL for each.

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};

use super::{Entity, FilterValue, Kind, Resolved, SearchError, Typed};
use crate::connection::{Backend, DbConnection, MultiBackend};
use crate::repo::{Paging, count_up_to};

diesel::define_sql_function!(fn lower(x: Nullable<Text>) -> Nullable<Text>);

/// Adds the condition of a resolved criterion on `$col` (of kind `$kind`) to the boxed query;
/// `$at`: the store's backend and the column's table and name, for SQLite's trigram indexes.
macro_rules! apply {
    (Text, $q:expr, $col:expr, $t:expr, $at:expr) => {
        match $t {
            Typed::Like(p) => match crate::repo::like::indexed_like($at.0, $at.1, $at.2, p) {
                Some(indexed) => $q.filter(indexed),
                None => $q.filter(lower($col.nullable()).like(p.clone()).escape('\\')),
            },
            Typed::TextEq(v) => $q.filter(lower($col.nullable()).eq(v.clone())),
            Typed::TextIn(vs) => $q.filter($col.nullable().eq_any(vs.clone())),
            Typed::TextBetween(a, b) => $q.filter($col.nullable().between(a.clone(), b.clone())),
            _ => $q,
        }
    };
    (Bool, $q:expr, $col:expr, $t:expr, $at:expr) => {
        match $t {
            Typed::BoolEq(b) => $q.filter($col.nullable().eq(*b)),
            Typed::BoolIn(vs) => $q.filter($col.nullable().eq_any(vs.clone())),
            _ => $q,
        }
    };
    (Time, $q:expr, $col:expr, $t:expr, $at:expr) => {
        match $t {
            Typed::TimeBetween(a, b) => $q.filter($col.nullable().between(*a, *b)),
            Typed::TimeIn(vs) => $q.filter($col.nullable().eq_any(vs.clone())),
            _ => $q,
        }
    };
}

/// Lists the values of a text column `$col` with the entity's code column `$code`.
macro_rules! values {
    (Text, $conn:expr, $q:expr, $code:expr, $col:expr, $unique:expr, $limit:expr) => {{
        let q = $q.select(($code.nullable(), $col.nullable())).order_by($col.asc()).limit($limit);
        let rows: Vec<(Option<String>, Option<String>)> =
            if $unique { q.distinct().load($conn)? } else { q.load($conn)? };
        Ok(rows
            .into_iter()
            .filter_map(|(code, value)| value.map(|value| FilterValue { code: code.unwrap_or_default(), value }))
            .collect())
    }};
    ($other:ident, $conn:expr, $q:expr, $code:expr, $col:expr, $unique:expr, $limit:expr) => {{
        let _ = (&$q, $unique, $limit);
        Ok(Vec::new())
    }};
}

/// One searchable table as a module: its columns by MOSIP name, its search and its filter values.
/// `audited [..]` adds the audit columns every MOSIP table has, under their MOSIP names.
macro_rules! entity {
    ($module:ident, $table:ident, key: $key:ident, code: $code:ident,
     audited [ $( $name:literal => $col:ident : $kind:ident ),+ $(,)? ]) => {
        entity!($module, $table, key: $key, code: $code, [
            $( $name => $col: $kind, )+
            "isDeleted" => is_deleted: Bool,
            "crBy" => cr_by: Text,
            "crDtimes" => cr_dtimes: Time,
            "updBy" => upd_by: Text,
            "updDtimes" => upd_dtimes: Time,
            "delDtimes" => del_dtimes: Time,
        ]);
    };
    ($module:ident, $table:ident, key: $key:ident, code: $code:ident,
     [ $( $name:literal => $col:ident : $kind:ident ),+ $(,)? ]) => {
        pub(in crate::search) mod $module {
            use super::*;
            use crate::schema::$table as tbl;

            pub(in crate::search) const COLUMNS: &[(&str, Kind)] = &[ $( ($name, Kind::$kind) ),+ ];

            fn filtered(criteria: &[Resolved], backend: Backend) -> tbl::BoxedQuery<'static, MultiBackend> {
                let mut q = tbl::table.filter(tbl::is_deleted.eq(false)).into_boxed();
                for c in criteria {
                    q = match c.column {
                        $( $name => apply!($kind, q, tbl::$col, &c.typed, (backend, stringify!($table), stringify!($col))), )+
                        _ => q,
                    };
                }
                q
            }

            pub(in crate::search) fn search(
                conn: &mut DbConnection,
                criteria: &[Resolved],
                sort: &[(&'static str, bool)],
                paging: Paging,
            ) -> QueryResult<(Vec<String>, i64)> {
                let total = count_up_to(filtered(criteria, conn.backend()), paging, conn)?;
                let mut q = filtered(criteria, conn.backend());
                for (name, desc) in sort {
                    q = match *name {
                        $( $name => if *desc { q.then_order_by(tbl::$col.desc()) } else { q.then_order_by(tbl::$col.asc()) }, )+
                        _ => q,
                    };
                }
                let ids = q.then_order_by(tbl::$key.asc()).select(tbl::$key).offset(paging.offset).limit(paging.limit).load::<String>(conn)?;
                Ok((ids, total))
            }

            pub(in crate::search) fn matching_ids(
                conn: &mut DbConnection,
                criteria: &[Resolved],
                limit: i64,
            ) -> QueryResult<Vec<String>> {
                filtered(criteria, conn.backend()).then_order_by(tbl::$key.asc()).select(tbl::$key).limit(limit).load::<String>(conn)
            }

            pub(in crate::search) fn filter_values(
                conn: &mut DbConnection,
                column: &str,
                criteria: &[Resolved],
                unique: bool,
                limit: i64,
            ) -> QueryResult<Vec<FilterValue>> {
                match column {
                    $( $name => values!($kind, conn, filtered(criteria, conn.backend()), tbl::$code, tbl::$col, unique, limit), )+
                    _ => Ok(Vec::new()),
                }
            }
        }
    };
}

entity!(policy_group, policy_group, key: id, code: name, audited [
    "id" => id: Text,
    "name" => name: Text,
    "desc" => descr: Text,
    "userId" => user_id: Text,
    "isActive" => is_active: Bool,
]);

entity!(policy, auth_policy, key: id, code: id, audited [
    "id" => id: Text,
    "name" => name: Text,
    "desc" => descr: Text,
    "descr" => descr: Text,
    "policyType" => policy_type: Text,
    "version" => version: Text,
    "schema" => policy_schema: Text,
    "policies" => policy_file_id: Text,
    "policyGroupId" => policy_group_id: Text,
    "isActive" => is_active: Bool,
    "validFromDate" => valid_from_date: Time,
    "validToDate" => valid_to_date: Time,
]);

entity!(partner, partner, key: id, code: id, audited [
    "id" => id: Text,
    "name" => name: Text,
    "address" => address: Text,
    "contactNo" => contact_no: Text,
    "emailId" => email_id: Text,
    "policyGroupId" => policy_group_id: Text,
    "certificateAlias" => certificate_alias: Text,
    "partnerTypeCode" => partner_type_code: Text,
    "approvalStatus" => approval_status: Text,
    "userId" => user_id: Text,
    "langCode" => lang_code: Text,
    "logoUrl" => logo_url: Text,
    "additionalInfo" => addl_info: Text,
    "isActive" => is_active: Bool,
]);

entity!(partner_type, partner_type, key: code, code: code, audited [
    "code" => code: Text,
    "partnerDescription" => partner_description: Text,
    "isPolicyRequired" => is_policy_required: Bool,
    "isActive" => is_active: Bool,
]);

entity!(policy_request, partner_policy_request, key: id, code: id, audited [
    "id" => id: Text,
    "apikeyRequestId" => id: Text,
    "partnerId" => part_id: Text,
    "policyId" => policy_id: Text,
    "requestDetail" => request_detail: Text,
    "statusCode" => status_code: Text,
    "requestDatetimes" => request_datetimes: Time,
]);

entity!(api_key, partner_policy, key: policy_api_key, code: policy_api_key, audited [
    "policyApiKey" => policy_api_key: Text,
    "partnerId" => part_id: Text,
    "policyId" => policy_id: Text,
    "label" => label: Text,
    "isActive" => is_active: Bool,
    "validFromDatetime" => valid_from_datetime: Time,
    "validToDatetime" => valid_to_datetime: Time,
]);

entity!(misp_license, misp_license, key: license_key, code: license_key, [
    "mispId" => misp_id: Text,
    "licenseKey" => license_key: Text,
    "isActive" => is_active: Bool,
    "isDeleted" => is_deleted: Bool,
    "validFromDate" => valid_from_date: Time,
    "validToDate" => valid_to_date: Time,
    "createdBy" => cr_by: Text,
    "createdDateTime" => cr_dtimes: Time,
    "updatedBy" => upd_by: Text,
    "updatedDateTime" => upd_dtimes: Time,
    "deletedDateTime" => del_dtimes: Time,
    "crBy" => cr_by: Text,
    "crDtimes" => cr_dtimes: Time,
    "updBy" => upd_by: Text,
    "updDtimes" => upd_dtimes: Time,
]);

mod devices;

/// `$item` (a constant or a call) of the entity's module.
macro_rules! per_entity {
    ($entity:expr, $($item:tt)+) => {
        match $entity {
            Entity::PolicyGroup => policy_group::$($item)+,
            Entity::Policy => policy::$($item)+,
            Entity::Partner => partner::$($item)+,
            Entity::PartnerType => partner_type::$($item)+,
            Entity::PolicyRequest => policy_request::$($item)+,
            Entity::ApiKey => api_key::$($item)+,
            Entity::MispLicense => misp_license::$($item)+,
            Entity::DeviceType => devices::device_type::$($item)+,
            Entity::DeviceSubType => devices::device_sub_type::$($item)+,
            Entity::DeviceDetail => devices::device_detail::$($item)+,
            Entity::Sbi => devices::sbi::$($item)+,
            Entity::FtmChip => devices::ftm_chip::$($item)+,
            // the deprecated SBI mapping search
            Entity::SbiMapping => devices::sbi_mapping::$($item)+,
        }
    };
}

pub(super) fn columns(entity: Entity) -> &'static [(&'static str, Kind)] {
    per_entity!(entity, COLUMNS)
}

pub(super) fn search(
    conn: &mut DbConnection,
    entity: Entity,
    criteria: &[Resolved],
    sort: &[(&'static str, bool)],
    paging: Paging,
) -> Result<(Vec<String>, i64), SearchError> {
    Ok(per_entity!(entity, search(conn, criteria, sort, paging))?)
}

pub(super) fn matching_ids(
    conn: &mut DbConnection,
    entity: Entity,
    criteria: &[Resolved],
    limit: i64,
) -> Result<Vec<String>, SearchError> {
    Ok(per_entity!(entity, matching_ids(conn, criteria, limit))?)
}

pub(super) fn filter_values(
    conn: &mut DbConnection,
    entity: Entity,
    column: &str,
    criteria: &[Resolved],
    unique: bool,
    limit: i64,
) -> Result<Vec<FilterValue>, SearchError> {
    Ok(per_entity!(entity, filter_values(conn, column, criteria, unique, limit))?)
}
