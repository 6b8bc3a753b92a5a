//! Key holders' ids and licence keys. MISP ids are decimal numbers, strictly increasing, never
//! handed out twice. The store keeps one `tspid_seq` row per id issued; its primary key refuses a
//! number twice, so a caller that loses a race reads the maximum again and takes the next one.

domain_ids::string_id! {
    /// A key holder (`misp_license.misp_id`): a MISP (`misp.id`) or a MISP partner.
    pub struct MispId;
}

domain_ids::string_id! {
    /// A licence key (`misp_license.license_key`).
    pub struct LicenseKey;
}

/// Longest id starting length accepted (`10^(L-1)` must fit the `INTEGER` column).
pub const ID_LENGTH_MAX: u32 = 9;

/// The first id for `length` digits: `10^(length-1)` (MOSIP's default length 3 gives 100).
pub fn first_id(length: u32) -> Result<i32, String> {
    if !(1..=ID_LENGTH_MAX).contains(&length) {
        return Err(format!("MISP id length must be between 1 and {ID_LENGTH_MAX}, not {length}"));
    }
    Ok(10_i32.pow(length - 1))
}

/// The id after the largest one issued so far (`None`: none yet), or `None` when the column is full.
pub fn next_id(max_issued: Option<i32>, first: i32) -> Option<i32> {
    match max_issued {
        None => Some(first),
        Some(m) if m < first => Some(first),
        Some(m) => m.checked_add(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_start_at_ten_to_the_length_minus_one() {
        assert_eq!(first_id(3), Ok(100));
        assert_eq!(first_id(1), Ok(1));
        assert_eq!(first_id(9), Ok(100_000_000));
        assert!(first_id(0).is_err());
        assert!(first_id(10).is_err());
    }

    #[test]
    fn ids_increase_past_their_starting_length() {
        assert_eq!(next_id(None, 100), Some(100));
        assert_eq!(next_id(Some(100), 100), Some(101));
        assert_eq!(next_id(Some(999), 100), Some(1000));
        assert_eq!(next_id(Some(5), 100), Some(100));
        assert_eq!(next_id(Some(i32::MAX), 100), None);
    }
}
