//! A committed copy of each service's OpenAPI document (`docs/openapi/<service>.json`), so that a
//! change of the API shows in review as a change of that file. `PMS_BLESS_OPENAPI=1` rewrites it.

use std::path::Path;

use serde_json::Value;

/// Compares `doc` with the JSON at `path`; with `PMS_BLESS_OPENAPI=1` writes `doc` there instead.
/// Returns a description of the first difference, if any.
pub fn check_openapi(doc: &Value, path: &Path) -> Result<(), String> {
    let rendered = serde_json::to_string_pretty(doc).map_err(|e| e.to_string())? + "\n";
    if std::env::var("PMS_BLESS_OPENAPI").is_ok_and(|v| v == "1") {
        return std::fs::write(path, rendered).map_err(|e| format!("writing {}: {e}", path.display()));
    }
    let committed = std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    if committed == rendered {
        return Ok(());
    }
    let line = committed.lines().zip(rendered.lines()).position(|(a, b)| a != b);
    let line = line.unwrap_or_else(|| committed.lines().count().min(rendered.lines().count()));
    Err(format!(
        "{} differs from the document from line {}: {:?} (generated: {:?}); if the API change is \
         intended, re-run with PMS_BLESS_OPENAPI=1 and review the diff",
        path.display(),
        line + 1,
        committed.lines().nth(line).unwrap_or("<end>"),
        rendered.lines().nth(line).unwrap_or("<end>"),
    ))
}
