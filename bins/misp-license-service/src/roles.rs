//! Who may do what on MISPs and licence keys.

pub const PARTNER_ADMIN: &str = "PARTNER_ADMIN";
