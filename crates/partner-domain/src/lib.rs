//! Domain rules (pure: no I/O).

pub mod onboarding;
