//! `partner-service admin create`: the first administrator, a local account with the roles
//! `PARTNER_ADMIN` and `POLICYMANAGER`, who logs in at `POST /v1/partnermanager/auth/login`.

use anyhow::Context;
use partner_domain::onboarding::{PasswordPolicy, check_user_id, hash_secret, login_key, roles};
use persistence::repo::account::AccountRow;
use persistence::{DbPool, repo};
use web_support::Settings;

/// Creates the administrator `user` with `password` on the configured store (migrating an
/// embedded SQLite store first, as the services do). Fails if the user name is taken.
pub fn create(settings: &Settings, user: &str, password: &str, email: Option<&str>) -> anyhow::Result<Vec<String>> {
    check_user_id(user).map_err(anyhow::Error::msg)?;
    let policy = PasswordPolicy { min_length: settings.onboarding.password_min_length, ..PasswordPolicy::default() };
    policy.check(password, user, email).map_err(|e| anyhow::anyhow!("{e}"))?;
    let hash = hash_secret(password, &mut rand::rng()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let granted: Vec<String> = roles::ADMIN_ROLES.iter().map(|r| (*r).to_owned()).collect();
    let url = settings.database_url();
    let pool = DbPool::open(&url, &settings.pool_options()).with_context(|| format!("opening {url}"))?;
    let mut conn = pool.get()?;
    let now = web_support::time::now();
    let row = AccountRow {
        user_id: user.to_owned(),
        login_key: login_key(user),
        password_hash: hash,
        roles: roles::join(&granted),
        email_id: email.map(str::to_owned),
        partner_id: None,
        is_active: true,
        last_login_dtimes: None,
        cr_by: "partner-service admin create".into(),
        cr_dtimes: now,
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    };
    let inserted = persistence::transaction(&mut conn, |c| {
        if repo::account::login_taken(c, &row.login_key)? {
            return Ok(false);
        }
        repo::account::insert(c, &row).map(|_| true)
    });
    match inserted {
        Ok(true) => Ok(granted),
        Ok(false) => anyhow::bail!("a local account named {user:?} already exists"),
        Err(e) if persistence::is_unique_violation(&e) => {
            anyhow::bail!("a local account named {user:?} already exists")
        }
        Err(e) => Err(anyhow::Error::new(e).context("storing the account")),
    }
}
