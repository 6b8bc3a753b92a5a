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

/// A fixed seed (tests only — never in a service): the n-th operation of a store draws from a
/// generator seeded with the seed and n, so a run repeats exactly and operations differ.
#[derive(Debug, Default)]
pub struct SeededEntropy {
    seed: u64,
    calls: std::sync::atomic::AtomicU64,
}

impl SeededEntropy {
    pub fn new(seed: u64) -> Self {
        SeededEntropy { seed, calls: std::sync::atomic::AtomicU64::new(0) }
    }
}

impl Entropy for SeededEntropy {
    fn rng(&self) -> Box<dyn CryptoRng> {
        use rand::SeedableRng;
        let n = self.calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Box::new(rand::rngs::StdRng::seed_from_u64(self.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(n)))
    }
}

/// A random (version 4) UUID drawn from `rng`.
pub fn uuid_from(rng: &mut dyn RngCore) -> String {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid().to_string()
}
