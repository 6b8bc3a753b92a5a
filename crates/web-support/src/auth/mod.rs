//! Who is calling: a JWT from `Authorization: Bearer …` or the MOSIP `Authorization` cookie,
//! verified with an HS256 secret or the RS256 keys of a JWKS (Keycloak).

mod jwt;
mod principal;
pub mod sealed_secret;
mod secret;
mod verified;

pub use jwt::{Claims, JwtVerifier, RealmAccess, TokenSpec, mint_hs256, mint_hs256_with};
pub use principal::Principal;
pub use secret::{SecretOrigin, resolve_hs256_secret, resolve_sealed};
