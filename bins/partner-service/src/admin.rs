//! `partner-service admin create`: the first administrator, a local account with the roles
//! `PARTNER_ADMIN` and `POLICYMANAGER`, who logs in at `POST /v1/partnermanager/auth/login`.

use partner_app::onboarding::admin_account::create_admin;

use crate::settings::Settings;

/// Creates the administrator `user` with `password` on the configured store (migrating an
/// embedded SQLite store first, as the services do). Fails if the user name is taken.
pub fn create(settings: &Settings, user: &str, password: &str, email: Option<&str>) -> anyhow::Result<Vec<String>> {
    let store = web_support::cli::store(settings, "partner-service admin create")?;
    create_admin(&store, &settings.service.onboarding.password_policy()?, user, password, email).map_err(|e| {
        match e.detail {
            Some(detail) => anyhow::anyhow!("storing the account: {detail}"),
            None => anyhow::anyhow!("{}", e.message()),
        }
    })
}
