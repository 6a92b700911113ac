//! `--format json`: the resolved annotations as one JSON document (schema:
//! `docs/export-schema.json`).

use super::Resolved;
use serde::Serialize;

/// The version of the document layout; bumped when a field changes meaning.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    claimls_export: u32,
    annotations: &'a [Resolved],
}

/// The document for `annotations`, pretty-printed, with a final line break.
pub fn render(annotations: &[Resolved]) -> String {
    let doc = Document {
        claimls_export: VERSION,
        annotations,
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
