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
    // Sized for a typical annotation up front: growing the buffer by doubling copied it
    // several times over (a fifth of rendering).
    let mut out = Vec::with_capacity(estimate(annotation));
    if serde_json::to_writer(&mut out, annotation).is_err() {
        return String::new();
    }
    // serde_json writes UTF-8 only.
    String::from_utf8(out).unwrap_or_default()
}

/// About the size of an annotation's JSON: each claim's quotes appear in it twice or three
/// times (as written, per part, and the article's text), with some 600 bytes of keys
/// and offsets around them.
fn estimate(annotation: &Resolved) -> usize {
    let claims: usize = annotation
        .claims
        .iter()
        .map(|c| 640 + 3 * c.quotes.iter().map(|q| q.text.len()).sum::<usize>())
        .sum();
    1024 + claims + 160 * (annotation.findings.len() + annotation.actors.len())
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
    let mut doc = DocumentWriter::default();
    for item in items {
        doc.item(item, out)?;
    }
    doc.finish(out)
}

/// [`write_document`] an item at a time, for items made as they are written.
#[derive(Default)]
pub struct DocumentWriter {
    started: bool,
}

impl DocumentWriter {
    pub fn item(&mut self, item: &str, out: &mut impl std::io::Write) -> std::io::Result<()> {
        if self.started {
            out.write_all(b",\n")?;
        } else {
            writeln!(out, "{{\"claimls_export\":{VERSION},\"annotations\":[")?;
            self.started = true;
        }
        out.write_all(item.as_bytes())
    }

    pub fn finish(self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        if self.started {
            return out.write_all(b"\n]}\n");
        }
        let doc = Document {
            claimls_export: VERSION,
            annotations: &[],
        };
        serde_json::to_writer(&mut *out, &doc)?;
        out.write_all(b"\n")
    }
}
