//! Time and randomness, passed into the operations so that tests can fix them.

use chrono::NaiveDateTime;
use rand::{CryptoRng, RngCore};

/// The time operations run at (UTC, no zone).
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> NaiveDateTime;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        chrono::Utc::now().naive_utc()
    }
}

/// A clock that always answers the same instant (tests, replays).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub NaiveDateTime);

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        self.0
    }
}

/// Where an operation's randomness comes from (keys, ids): a cryptographically secure generator.
pub trait Entropy: Send + Sync + 'static {
    fn rng(&self) -> Box<dyn CryptoRng>;
}

/// The thread's CSPRNG (ChaCha, seeded by the operating system).
#[derive(Debug, Clone, Copy, Default)]
pub struct OsEntropy;

impl Entropy for OsEntropy {
    fn rng(&self) -> Box<dyn CryptoRng> {
        Box::new(rand::rng())
    }
}

/// A fixed seed: every operation draws the same sequence (tests only — never in a service).
#[derive(Debug, Clone, Copy)]
pub struct SeededEntropy(pub u64);

impl Entropy for SeededEntropy {
    fn rng(&self) -> Box<dyn CryptoRng> {
        use rand::SeedableRng;
        Box::new(rand::rngs::StdRng::seed_from_u64(self.0))
    }
}

/// A random (version 4) UUID drawn from `rng`.
pub fn uuid_from(rng: &mut dyn RngCore) -> String {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid().to_string()
}
