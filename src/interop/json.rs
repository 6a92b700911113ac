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

/// The document for `annotations`: compact, one line per annotation (the output is
/// large; `jq .` shows it indented), with a final line break.
pub fn render(annotations: &[Resolved]) -> String {
    assemble(&annotations.iter().map(render_item).collect::<Vec<_>>())
}

/// One annotation as it stands in the document (one line), so that a caller can render
/// annotations in parallel and [`assemble`] them.
pub fn render_item(annotation: &Resolved) -> String {
    serde_json::to_string(annotation).unwrap_or_default()
}

/// The document around items made by [`render_item`].
pub fn assemble(items: &[String]) -> String {
    let mut out = Vec::new();
    let _ = write_document(items, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the document around items made by [`render_item`] straight to `out`: a large
/// export is never joined into a second and a third copy of itself in memory first.
pub fn write_document(items: &[String], out: &mut impl std::io::Write) -> std::io::Result<()> {
    if items.is_empty() {
        let doc = Document {
            claimls_export: VERSION,
            annotations: &[],
        };
        serde_json::to_writer(&mut *out, &doc)?;
        return out.write_all(b"\n");
    }
    writeln!(out, "{{\"claimls_export\":{VERSION},\"annotations\":[")?;
    super::write_joined(items.iter().map(String::as_str), out)?;
    out.write_all(b"\n]}\n")
}
