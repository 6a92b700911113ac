//! Inline suppression: `# claimls: ignore C021, cue-not-near-quote` on the line(s) above a
//! block or a field silences those codes inside it. Without codes, all are silenced.

use super::Parsed;
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::LineKind;
use crate::text::Span;

const MARKER: &str = "claimls:";

pub(super) struct Suppression {
    /// `None`: every code.
    codes: Option<Vec<Code>>,
    range: Span,
}

impl Suppression {
    pub(super) fn covers(&self, d: &Diagnostic) -> bool {
        self.range.start <= d.span.start
            && d.span.start < self.range.end.max(self.range.start + 1)
            && self.codes.as_ref().is_none_or(|c| c.contains(&d.code))
    }
}

pub(super) fn collect(parsed: &Parsed) -> (Vec<Suppression>, Vec<Diagnostic>) {
    let text = &parsed.text;
    let lines = &parsed.tree.lines;
    let mut out = Vec::new();
    let mut bad = Vec::new();
    // A suppression is a comment whose text starts with the marker: find the marker in
    // the text and look at the lines it is on, instead of visiting every line of the file
    // (a big file has hundreds of thousands of lines and, usually, no suppression).
    let candidates = memchr::memmem::find_iter(text.as_bytes(), MARKER.as_bytes())
        .filter_map(|at| parsed.tree.line_at(at).map(|i| (i, at)))
        .filter(|&(i, at)| {
            let line = &lines[i];
            line.kind == LineKind::Comment && line.value().is_some_and(|v| v.start == at)
        });
    for (i, _) in candidates {
        let line = &lines[i];
        let Some(comment) = line.value() else {
            continue;
        };
        let body = comment.slice(text);
        let Some(rest) = body
            .strip_prefix(MARKER)
            .and_then(|r| r.trim_start().strip_prefix("ignore"))
        else {
            continue;
        };
        let mut codes = Vec::new();
        let base = comment.end - rest.len();
        let mut offset = 0;
        for item in rest.split([',', ' ', '\t']) {
            let start = base + offset;
            offset += item.len() + 1;
            if item.is_empty() {
                continue;
            }
            match Code::parse(item) {
                Some(c) => codes.push(c),
                None => bad.push(Diagnostic::new(
                    Code::Syntax,
                    Span::new(start, start + item.len()),
                    format!("unknown code `{item}` in `claimls: ignore`: expected a code like C021 or a name like source-not-near-quote"),
                )),
            }
        }
        // The target: the next line that is not a comment, if no blank line comes first.
        let Some(target) = lines[i + 1..]
            .iter()
            .position(|l| l.kind != LineKind::Comment)
            .map(|k| i + 1 + k)
        else {
            continue;
        };
        let range = match lines[target].kind {
            LineKind::BlockHeader => parsed
                .tree
                .blocks
                .binary_search_by_key(&target, |b| b.line)
                .ok()
                .map(|k| &parsed.tree.blocks[k])
                .map(|b| {
                    Span::new(
                        lines[target].content().start,
                        lines[b.end_line - 1].full().end,
                    )
                }),
            LineKind::Field => {
                let end = lines[target + 1..]
                    .iter()
                    .position(|l| l.kind != LineKind::Continuation)
                    .map_or(lines.len(), |k| target + 1 + k);
                Some(Span::new(
                    lines[target].content().start,
                    lines[end - 1].full().end,
                ))
            }
            _ => None,
        };
        if let Some(range) = range {
            out.push(Suppression {
                codes: if codes.is_empty() && !rest.trim().is_empty() {
                    Some(Vec::new())
                } else {
                    (!codes.is_empty()).then_some(codes)
                },
                range,
            });
        }
    }
    (out, bad)
}
