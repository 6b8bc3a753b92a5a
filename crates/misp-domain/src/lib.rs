//! Domain rules (pure: no I/O).
