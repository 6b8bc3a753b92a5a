// How both services are linked on linux-gnu (included by each service's `build.rs`):
//
// - packed relative relocations (DT_RELR, glibc ≥ 2.36): the loader reads a few kilobytes of
//   relocations instead of megabytes that stay resident;
// - in release builds on x86_64, where rustc links with LLD, the functions that start-up runs
//   placed together, in the order of the package's `link-order.txt` (`just link-order` writes
//   it): the kernel maps a binary's code in blocks around each page it runs, so start-up code
//   scattered over the binary keeps most of it resident. `PMS_LINK_ORDER=off` leaves the
//   linker's own order (needed when linking with another linker).
//
// docs/benchmarks.md ("Idle memory") has the figures.

fn main() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    println!("cargo:rerun-if-env-changed=PMS_LINK_ORDER");
    println!("cargo:rerun-if-changed=link-order.txt");
    if var("CARGO_CFG_TARGET_OS") != "linux" || var("CARGO_CFG_TARGET_ENV") != "gnu" {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    let order = std::path::Path::new(&var("CARGO_MANIFEST_DIR")).join("link-order.txt");
    let wanted =
        var("PROFILE") == "release" && var("CARGO_CFG_TARGET_ARCH") == "x86_64" && var("PMS_LINK_ORDER") != "off";
    if wanted && order.is_file() {
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}", order.display());
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}
