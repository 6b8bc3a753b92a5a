//! The migrations are compiled in (`embed_migrations!`); a migration added or changed must
//! rebuild this crate, which cargo does not know on its own.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
