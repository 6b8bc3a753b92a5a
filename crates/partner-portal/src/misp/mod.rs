//! MISP pages over `misp_app`, on the store misp-license-service shares: admins approve, reject,
//! activate and deactivate MISPs and switch their licence keys (MOSIP 1.1's operations, in
//! [`misps`]); a MISP partner sees, generates and downloads its licence key (MOSIP 1.2's, in
//! [`licence`]). The rules are `[misp]`'s (`misp_app::MispConfig`, registered by the service).

mod confirm;
mod licence;
mod misps;

pub use confirm::confirm as confirm_misp;
pub use licence::{download_licence, generate_licence, licence};
pub use misps::{misp_action, misps, waiting};
