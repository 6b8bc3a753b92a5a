//! Passwords: the policy a new password must meet, and argon2id hashing (PHC strings) for
//! passwords and OTPs alike. The salt comes from the caller's CSPRNG.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::{CryptoRng, Rng};

use super::error::OnboardingError;

/// What a new password must meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordPolicy {
    /// Least number of characters.
    pub min_length: usize,
    /// Most number of characters (argon2 takes any length; this bounds the work per request).
    pub max_length: usize,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy { min_length: 10, max_length: 128 }
    }
}

/// Passwords too common to accept whatever their length.
const COMMON: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "passw0rd",
    "1234567890",
    "12345678910",
    "123456789012",
    "0123456789",
    "qwertyuiop",
    "qwerty123456",
    "iloveyou123",
    "letmein123",
    "welcome123",
    "administrator",
    "changeme123",
    "abcdefghij",
    "abc1234567",
    "mosip12345",
    "partner123",
];

impl PasswordPolicy {
    /// Checks `password` for the account `user_id` with `email`; the reason names the first rule broken.
    pub fn check(&self, password: &str, user_id: &str, email: Option<&str>) -> Result<(), OnboardingError> {
        self.first_rule_broken(password, user_id, email).map_or(Ok(()), |weak| Err(OnboardingError::WeakPassword(weak)))
    }

    fn first_rule_broken(&self, password: &str, user_id: &str, email: Option<&str>) -> Option<WeakPassword> {
        if password.trim().is_empty() {
            return Some(WeakPassword::Empty);
        }
        let len = password.chars().count();
        if len < self.min_length {
            return Some(WeakPassword::TooShort { min: self.min_length });
        }
        if len > self.max_length {
            return Some(WeakPassword::TooLong { max: self.max_length });
        }
        if password.chars().any(char::is_control) {
            return Some(WeakPassword::ControlCharacters);
        }
        let lower = password.to_lowercase();
        let mut names = vec![user_id.to_lowercase()];
        if let Some(email) = email {
            let email = email.to_lowercase();
            if let Some((local, _)) = email.split_once('@') {
                names.push(local.to_owned());
            }
            names.push(email);
        }
        if names.iter().any(|n| !n.is_empty() && (lower == *n || (n.len() >= 4 && lower.contains(n.as_str())))) {
            return Some(WeakPassword::ContainsName);
        }
        let mut distinct: Vec<char> = lower.chars().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 4 || COMMON.contains(&lower.as_str()) || is_sequence(&lower) {
            return Some(WeakPassword::TooEasy);
        }
        None
    }
}

/// The first password rule a new password breaks (`PMS_ONB_010`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WeakPassword {
    #[error("the password must not be empty")]
    Empty,
    #[error("use at least {min} characters")]
    TooShort { min: usize },
    #[error("use at most {max} characters")]
    TooLong { max: usize },
    #[error("control characters are not allowed")]
    ControlCharacters,
    #[error("the password must not contain the user name or e-mail")]
    ContainsName,
    #[error("the password is too easy to guess")]
    TooEasy,
}

impl WeakPassword {
    /// The rule's name, for a client that words the refusal itself.
    pub fn rule(self) -> &'static str {
        match self {
            WeakPassword::Empty => "empty",
            WeakPassword::TooShort { .. } => "short",
            WeakPassword::TooLong { .. } => "long",
            WeakPassword::ControlCharacters => "control",
            WeakPassword::ContainsName => "name",
            WeakPassword::TooEasy => "easy",
        }
    }

    /// The length the rule asks for, if it is about length.
    pub fn length(self) -> Option<usize> {
        match self {
            WeakPassword::TooShort { min } => Some(min),
            WeakPassword::TooLong { max } => Some(max),
            _ => None,
        }
    }
}

/// `abcdefghij`, `9876543210`: every character one step from the previous.
fn is_sequence(s: &str) -> bool {
    let codes: Vec<i64> = s.chars().map(|c| i64::from(u32::from(c))).collect();
    codes.len() > 2 && {
        let step = codes[1] - codes[0];
        step.abs() == 1 && codes.windows(2).all(|w| w[1] - w[0] == step)
    }
}

/// Argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane).
fn argon2() -> Result<Argon2<'static>, OnboardingError> {
    let params = Params::new(19 * 1024, 2, 1, None).map_err(|e| OnboardingError::Hashing(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// The argon2id PHC string of `secret` with a 16-byte salt drawn from `rng`.
pub fn hash_secret<R: Rng + CryptoRng + ?Sized>(secret: &str, rng: &mut R) -> Result<String, OnboardingError> {
    let mut salt = [0u8; 16];
    rng.fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| OnboardingError::Hashing(e.to_string()))?;
    argon2()?
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| OnboardingError::Hashing(e.to_string()))
}

/// Whether `secret` matches the PHC string `phc` (a malformed `phc` matches nothing).
pub fn verify_secret(secret: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else { return false };
    argon2().is_ok_and(|a| a.verify_password(secret.as_bytes(), &parsed).is_ok())
}

/// A PHC string that matches no password, to spend the same time on unknown users as on known ones.
pub const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3Cc3Ls4IG3X4X7Ud2Ruy/wBXDz9lSwYwLpWI0Ue9RDs";

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    fn check(pw: &str) -> Result<(), OnboardingError> {
        PasswordPolicy::default().check(pw, "acme-auth", Some("ops@acme.example"))
    }

    fn reason(pw: &str) -> String {
        match check(pw) {
            Err(OnboardingError::WeakPassword(why)) => why.to_string(),
            other => panic!("{pw:?}: expected a weak password, got {other:?}"),
        }
    }

    #[test]
    fn sane_passwords_pass() {
        for pw in ["correct horse battery", "Tr0ub4dor&3xyz", "ünïcödé-pässwörd", "7fJ#k2LmQ9"] {
            assert_eq!(check(pw), Ok(()), "{pw:?}");
        }
    }

    #[test]
    fn empty_and_short_passwords_fail() {
        assert_eq!(reason(""), "the password must not be empty");
        assert_eq!(reason("          "), "the password must not be empty");
        assert_eq!(reason("Abc#12345"), "use at least 10 characters");
        assert_eq!(check("Abc#123456"), Ok(()), "exactly the minimum");
        let p = PasswordPolicy { min_length: 16, ..PasswordPolicy::default() };
        assert!(p.check("Abc#123456", "u", None).is_err());
        assert_eq!(reason(&"xY3#".repeat(33)), "use at most 128 characters");
    }

    #[test]
    fn guessable_passwords_fail() {
        for pw in ["aaaaaaaaaaaa", "abababababab", "Password123", "abcdefghijk", "9876543210", "qwertyuiop"] {
            assert_eq!(reason(pw), "the password is too easy to guess", "{pw:?}");
        }
        assert_eq!(reason("ACME-AUTH-2024!"), "the password must not contain the user name or e-mail");
        assert_eq!(reason("ops@acme.example"), "the password must not contain the user name or e-mail");
        assert_eq!(reason("xx-Acme-Auth-xx"), "the password must not contain the user name or e-mail");
        assert_eq!(check("my-ops-secret-1"), Ok(()), "a 3-letter local part is too short to count");
        assert_eq!(reason("tab\there-pass"), "control characters are not allowed");
    }

    #[test]
    fn hashes_are_salted_argon2id_and_verify() {
        let mut rng = StdRng::seed_from_u64(1);
        let a = hash_secret("correct horse battery", &mut rng).unwrap_or_else(|e| panic!("{e}"));
        let b = hash_secret("correct horse battery", &mut rng).unwrap_or_else(|e| panic!("{e}"));
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "a fresh salt every time");
        assert!(verify_secret("correct horse battery", &a));
        assert!(verify_secret("correct horse battery", &b));
        assert!(!verify_secret("correct horse batterY", &a));
        assert!(!verify_secret("correct horse battery", "not a hash"));
        assert!(!verify_secret("", DUMMY_HASH));
        assert!(PasswordHash::new(DUMMY_HASH).is_ok(), "the dummy hash parses, so it costs a real verification");
    }
}
