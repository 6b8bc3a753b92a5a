//! Which partners' rows a partner user sees in the 1.2.2 lists: its own (the partners whose
//! user it is), checked as MOSIP checks them.

use app_core::AppError;
use persistence::DbConnection;
use persistence::repo::request_paged::partners_of_user;

/// The ids of the partners of `user_id` (device and FTM providers left out when
/// `skip_providers`). None is `PMS_CERTIFICATE_ERROR_002`, one without a group
/// `PMS_POLICY_ERROR_005`, one whose group is gone `PMS_POLICY_ERROR_001` (MOSIP's order).
pub(super) fn own_partners(
    conn: &mut DbConnection,
    user_id: &str,
    skip_providers: bool,
) -> Result<Vec<String>, AppError> {
    let owned = partners_of_user(conn, user_id)?;
    if owned.is_empty() {
        return Err(AppError::refused("PMS_CERTIFICATE_ERROR_002", "User Id does not exists."));
    }
    let provider = |t: &str| t == "Device_Provider" || t == "FTM_Provider";
    let mut ids = Vec::with_capacity(owned.len());
    for p in owned.into_iter().filter(|p| !(skip_providers && provider(&p.partner_type))) {
        if p.policy_group_id.as_deref().is_none_or(str::is_empty) {
            return Err(AppError::refused("PMS_POLICY_ERROR_005", "Policy Group Id is empty."));
        }
        if p.policy_group_name.as_deref().is_none_or(str::is_empty) {
            return Err(AppError::refused("PMS_POLICY_ERROR_001", "Policy Group does not exists."));
        }
        ids.push(p.id);
    }
    Ok(ids)
}
