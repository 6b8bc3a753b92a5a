//! Partners: registration (P1/P2), e-mail check (P3), get (P4), update (P5/P6), contacts (P7),
//! policy-group mapping (P8), admin activation (M1), lists (M2/M3).

mod admin;
mod ownership;
mod registration;
mod updates;

const PARTNERS: &str = "/v1/partnermanager/partners";
