//! Device providers' and FTM providers' tables: device types and sub-types, device details,
//! secure biometric interfaces, their mapping, FTM chips. Rows convert to `device_domain` values;
//! updates write the whole row of a value read in the same transaction.

pub mod detail;
pub mod ftm;
pub mod ftm_paged;
pub mod mapping;
pub mod sbi;
pub mod types;

// MOSIP 1.2.2: SBI and device life cycle, paged lists

/// Keeps the rows of the boxed query `$q` whose nullable text `$col` contains `$value` (an
/// `&Option<String>`; none: no condition), case-insensitively.
macro_rules! contains {
    ($q:ident, $value:expr, $col:expr) => {
        if let Some(v) = $value {
            $q = $q.filter(crate::repo::like::lower($col).like(crate::repo::like::contains(v)).escape('\\'));
        }
    };
}

/// Orders the boxed query `$q` by `$e`, descending when `$desc`.
macro_rules! by {
    ($q:expr, $e:expr, $desc:expr) => {
        if $desc { $q.order($e.desc()) } else { $q.order($e.asc()) }
    };
}

/// Orders the boxed query `$q` over table `$t` by MOSIP's status label: approved (and active),
/// deactivated (approved, inactive), pending_approval, rejected; reversed when `$desc`.
macro_rules! by_status {
    ($q:expr, $t:ident, $desc:expr) => {
        if $desc {
            $q.order(($t::approval_status.desc(), $t::is_active.asc()))
        } else {
            $q.order(($t::approval_status.asc(), $t::is_active.desc()))
        }
    };
}

pub mod detail_paged;
pub mod owners;
pub mod sbi_history;
pub mod sbi_paged;
