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

/// Where `text` has the marker, among the occurrences that start in `within`.
pub(super) fn find_markers(text: &str, within: std::ops::Range<usize>) -> Vec<usize> {
    let from = within.start.min(text.len());
    let to = within.end.clamp(from, text.len());
    memchr::memmem::find_iter(&text.as_bytes()[from..to], MARKER.as_bytes())
        .map(|at| from + at)
        .collect()
}

/// Brings `markers` (those of the text before the edit) up to date after bytes `range` of
/// the text were replaced by `inserted` bytes (`text` is the new text): those before the
/// edit stay, those after it move, and only the edited stretch is searched again.
pub(super) fn edit_markers(markers: &mut Vec<usize>, text: &str, range: Span, inserted: usize) {
    let len = MARKER.len();
    let delta = inserted as isize - range.len() as isize;
    // Untouched: ending at or before the edit, or starting at or after its end.
    let before = markers.partition_point(|&m| m + len <= range.start);
    let after = markers.partition_point(|&m| m < range.end);
    // The occurrences that overlap the new bytes (or, for a deletion, straddle the
    // point of it), found in the new text.
    let fresh: Vec<usize> = find_markers(
        text,
        range.start.saturating_sub(len - 1)..range.start + inserted + len - 1,
    )
    .into_iter()
    .filter(|&m| m < range.start + inserted && m + len > range.start)
    .collect();
    for m in &mut markers[after..] {
        *m = crate::text::shift_index(*m, delta);
    }
    markers.splice(before..after, fresh);
}

pub(super) fn collect(parsed: &Parsed) -> (Vec<Suppression>, Vec<Diagnostic>) {
    let text = &parsed.text;
    let lines = &parsed.tree.lines;
    let mut out = Vec::new();
    let mut bad = Vec::new();
    // A suppression is a comment whose text starts with the marker: look at the lines the
    // markers are on, instead of visiting every line of the file (a big file has hundreds
    // of thousands of lines and, usually, no suppression).
    let candidates = parsed
        .markers
        .iter()
        .copied()
        .filter_map(|at| parsed.tree.line_at(at).map(|i| (i, at)))
        .filter(|&(i, at)| {
            let line = &lines[i];
            line.kind() == LineKind::Comment && line.value().is_some_and(|v| v.start == at)
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
            .position(|l| l.kind() != LineKind::Comment)
            .map(|k| i + 1 + k)
        else {
            continue;
        };
        let range = match lines[target].kind() {
            LineKind::BlockHeader => parsed
                .tree
                .blocks
                .binary_search_by_key(&target, |b| b.line())
                .ok()
                .map(|k| &parsed.tree.blocks[k])
                .map(|b| {
                    Span::new(
                        lines[target].content().start,
                        lines[b.end_line() - 1].full().end,
                    )
                }),
            LineKind::Field => {
                let end = lines[target + 1..]
                    .iter()
                    .position(|l| l.kind() != LineKind::Continuation)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_the_markers_those_of_the_whole_text() {
        let mut p = Parsed::new(
            "article: a.txt\n\n# claimls: ignore C021\nclaim one\n  source: A\n  # claimls:\n  cue: said\n",
        );
        assert_eq!(p.markers.len(), 2);
        // Edits that make, break, join and move markers, with plain ones between.
        let pieces = [
            "claimls:",
            "claim",
            "ls:",
            ":",
            "",
            "x\n",
            "claimls:claimls:",
        ];
        let mut seed = 7u64;
        for round in 0..400 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = p.text.len();
            let a = (seed >> 33) as usize % (len + 1);
            let b = (a + (seed >> 13) as usize % 12).min(len);
            let inserted = pieces[(seed >> 5) as usize % pieces.len()];
            if p.text.is_char_boundary(a) && p.text.is_char_boundary(b) {
                assert!(p.edit(Span::new(a, b), inserted));
            }
            assert_eq!(
                p.markers,
                find_markers(&p.text, 0..p.text.len()),
                "round {round}: {:?}",
                p.text
            );
        }
    }
}
