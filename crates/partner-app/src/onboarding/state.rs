//! Self-service onboarding as a deployment configured it: the switch, the rules, and the
//! adapters (mail out, token signing). Built once at start; the API routes and the portal share it.

use std::sync::Arc;

use super::login::TokenIssuer;
use super::{Notifier, OnboardingConfig};

/// Everything the onboarding operations need besides the store.
pub struct Onboarding {
    /// Sign-up and local login are served (`[onboarding] enabled`).
    pub enabled: bool,
    pub rules: OnboardingConfig,
    /// Sends the OTP e-mails.
    pub notifier: Arc<dyn Notifier>,
    /// Signs the tokens of local logins; `None` when only JWKS tokens are accepted, and local
    /// login is then unavailable.
    pub token_issuer: Option<Arc<dyn TokenIssuer>>,
}

impl Onboarding {
    /// The token issuer of local logins, if there is one.
    pub fn issuer(&self) -> Option<&dyn TokenIssuer> {
        self.token_issuer.as_deref()
    }
}
