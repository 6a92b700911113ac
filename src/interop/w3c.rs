//! `--format w3c`: W3C Web Annotation Data Model (JSON-LD), one `Annotation` per claim,
//! gathered in an `AnnotationPage`.
//!
//! Each resolved quote part is a target on the article with a `TextQuoteSelector` (the
//! exact text and 32 code points of context on either side, as Hypothesis writes them)
//! and a `TextPositionSelector` (code-point offsets). A quote that was not found keeps a
//! `TextQuoteSelector` with its words and no position, and is tagged `unresolved`. The
//! body is a list of `TextualBody` tags `source: …`, `source-mention: …` (how the
//! article names the source, when that differs), `via: …`, `cue: …`, `stance: …`, one
//! describing sentence, and the claim's note as a comment.

use super::{one_line, Resolved, ResolvedClaim};
use crate::model::fold_name;
use serde_json::{json, Value};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Code points of context in `prefix` and `suffix`.
pub const CONTEXT_CHARS: usize = 32;

/// The `id` of a claim's annotation: `urn:claimls:<annotation file stem>:<claim id>`.
pub fn annotation_id(file: &str, claim: &str) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("urn:claimls:{stem}:{claim}")
}

fn tag(purpose: &str, value: String) -> Value {
    json!({"type": "TextualBody", "purpose": purpose, "value": value})
}

fn context_before(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    text[start..at].to_string()
}

fn context_after(text: &str, at: usize) -> String {
    let end = text[at..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| at + i);
    text[at..end].to_string()
}

fn annotation(a: &Resolved, c: &ResolvedClaim) -> Value {
    let mut body = Vec::new();
    if let Some(s) = &c.source {
        body.push(tag("tagging", format!("source: {}", s.name)));
        // How the article names the source, when it differs (an alias).
        if let Some(m) = s
            .article
            .as_ref()
            .filter(|m| fold_name(&m.text) != fold_name(&s.name))
        {
            body.push(tag(
                "tagging",
                format!("source-mention: {}", one_line(&m.text)),
            ));
        }
    }
    for v in &c.via {
        body.push(tag("tagging", format!("via: {}", v.name)));
    }
    if let Some(cue) = &c.cue {
        body.push(tag("tagging", format!("cue: {}", cue.name)));
    }
    if let Some(s) = &c.stance {
        body.push(tag("tagging", format!("stance: {s}")));
    }
    for r in &c.relations {
        body.push(tag("tagging", format!("{}: {}", r.kind, r.target)));
    }
    if c.quotes.iter().any(|q| !q.resolved) {
        body.push(tag("tagging", "unresolved".to_string()));
    }
    let who = c.source.as_ref().map_or("someone", |s| s.name.as_str());
    let how = c.cue.as_ref().map_or("said", |s| s.name.as_str());
    let describing = format!("{who} {how}: \u{201c}{}\u{201d}", one_line(&c.quote_text()));
    body.push(tag("describing", describing));
    if let Some(note) = &c.note {
        body.push(tag("commenting", one_line(note)));
    }

    let text = a.article_text.as_deref().unwrap_or("");
    let mut targets = Vec::new();
    for q in &c.quotes {
        if !q.resolved {
            targets.push(json!({
                "source": a.article_file,
                "selector": {"type": "TextQuoteSelector", "exact": q.text},
            }));
            continue;
        }
        for p in &q.parts {
            let [start, end] = p.article.bytes;
            targets.push(json!({
                "source": a.article_file,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": p.article.text,
                        "prefix": context_before(text, start),
                        "suffix": context_after(text, end),
                    },
                    {"type": "TextPositionSelector", "start": p.article.chars[0], "end": p.article.chars[1]},
                ],
            }));
        }
    }
    json!({
        "@context": CONTEXT,
        "id": annotation_id(&a.file, &c.id),
        "type": "Annotation",
        "motivation": "tagging",
        "body": body,
        "target": targets,
    })
}

/// One `AnnotationPage` holding every claim of every annotation, one compact line per
/// annotation.
pub fn render(annotations: &[Resolved]) -> String {
    assemble(&annotations.iter().map(render_items).collect::<Vec<_>>())
}

/// The annotations of one annotation file as they stand in the page (indented, joined),
/// empty when it has no claims: made in parallel by a caller, then [`assemble`]d.
pub fn render_items(a: &Resolved) -> String {
    a.claims
        .iter()
        .map(|c| serde_json::to_string(&annotation(a, c)).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(",\n")
}

/// The `AnnotationPage` around pieces made by [`render_items`].
pub fn assemble(pieces: &[String]) -> String {
    let mut out = Vec::new();
    let _ = write_page(pieces, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the `AnnotationPage` around pieces made by [`render_items`] straight to `out`.
pub fn write_page(pieces: &[String], out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut page = PageWriter::start(out)?;
    for piece in pieces {
        page.piece(piece, out)?;
    }
    page.finish(out)
}

/// [`write_page`] a piece at a time, for pieces made as they are written.
pub struct PageWriter {
    items: bool,
}

impl PageWriter {
    pub fn start(out: &mut impl std::io::Write) -> std::io::Result<PageWriter> {
        write!(
            out,
            "{{\"@context\":\"{CONTEXT}\",\"type\":\"AnnotationPage\",\"items\":"
        )?;
        Ok(PageWriter { items: false })
    }

    /// One piece of [`render_items`] (nothing for an empty one).
    pub fn piece(&mut self, piece: &str, out: &mut impl std::io::Write) -> std::io::Result<()> {
        if piece.is_empty() {
            return Ok(());
        }
        out.write_all(if self.items { b",\n" } else { b"[\n" })?;
        self.items = true;
        out.write_all(piece.as_bytes())
    }

    pub fn finish(self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        out.write_all(if self.items { b"\n]" } else { b"[]" })?;
        out.write_all(b"}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_32_code_points() {
        let text = format!("{}é{}", "a".repeat(40), "b".repeat(40));
        let at = text.find('é').unwrap();
        let before = context_before(&text, at);
        assert_eq!(before.chars().count(), 32);
        let after = context_after(&text, at);
        assert_eq!(after, format!("é{}", "b".repeat(31)));
        assert_eq!(context_before("ab", 1), "a");
        assert_eq!(context_after("ab", 1), "b");
    }
}
