//! The first administrator: a local account with the roles `PARTNER_ADMIN` and `POLICYMANAGER`,
//! made from the command line, who then logs in like any local account.

use app_core::{AppError, Store};
use partner_domain::onboarding::{PasswordPolicy, check_user_id, hash_secret, login_key, roles};
use persistence::repo;
use persistence::repo::account::AccountRow;

/// Creates the administrator `user` with `password` (which must meet `passwords`); answers the
/// roles granted. Refused when the user name is not acceptable or already taken.
pub fn create_admin(
    store: &Store,
    passwords: &PasswordPolicy,
    user: &str,
    password: &str,
    email: Option<&str>,
) -> Result<Vec<String>, AppError> {
    check_user_id(user).map_err(|why| AppError::refused("PMS_COR_001", why))?;
    passwords.check(password, user, email)?;
    let granted: Vec<String> = roles::ADMIN_ROLES.iter().map(|r| (*r).to_owned()).collect();
    let taken = || AppError::refused("PMS_PRT_051", format!("a local account named {user:?} already exists"));
    store.write(|tx| {
        let row = AccountRow {
            user_id: user.to_owned(),
            login_key: login_key(user),
            password_hash: hash_secret(password, tx.rng())?,
            roles: roles::join(&granted),
            email_id: email.map(str::to_owned),
            partner_id: None,
            is_active: true,
            last_login_dtimes: None,
            cr_by: "partner-service admin create".into(),
            cr_dtimes: tx.now,
            upd_by: None,
            upd_dtimes: None,
            is_deleted: false,
            del_dtimes: None,
        };
        if repo::account::login_taken(tx.conn, &row.login_key)? {
            return Err(taken());
        }
        match repo::account::insert(tx.conn, &row) {
            Ok(_) => Ok(()),
            Err(e) if persistence::is_unique_violation(&e) => Err(taken()),
            Err(e) => Err(e.into()),
        }
    })?;
    Ok(granted)
}
