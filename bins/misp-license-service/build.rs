//! Links the service with packed relative relocations (DT_RELR, glibc ≥ 2.36): the loader reads
//! a few kilobytes of relocations instead of megabytes that stay resident (docs/benchmarks.md).

fn main() {
    let linux_gnu = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    if linux_gnu {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
