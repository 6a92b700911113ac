//! Incremental re-parse: after an edit, only the blocks it touches are parsed again and
//! everything after them is moved.
//!
//! The parser carries no state across a block header line (`actor …` or `claim …` at
//! column 0 closes whatever block and field came before), so the lines from one block
//! header up to the next give the same nodes whether they are parsed alone or as part of
//! the file. An edit is re-parsed from the last block header before it (or from the
//! file's start, the other fresh state) to the first block header after it; the result is
//! exactly what a full parse of the new text gives (the tests compare the two over random
//! edits).

use super::parser::parse_region;
use super::{BlockNode, FieldNode, SyntaxTree};
use crate::text::{shift_index, sorted_range, Span};

/// What a re-parse replaced: lines `first_line..old_end_line` of the tree before the edit
/// became lines `first_line..new_end_line`, and bytes `old_bytes` became `new_bytes`.
/// Everything after moved by [`Reparsed::byte_delta`] bytes and
/// [`Reparsed::line_delta`] lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reparsed {
    pub first_line: usize,
    pub old_end_line: usize,
    pub new_end_line: usize,
    pub old_bytes: Span,
    pub new_bytes: Span,
}

impl Reparsed {
    pub fn byte_delta(&self) -> isize {
        self.new_bytes.end as isize - self.old_bytes.end as isize
    }

    pub fn line_delta(&self) -> isize {
        self.new_end_line as isize - self.old_end_line as isize
    }
}

/// Lines to re-parse for an edit, in the tree before the edit: `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    first: usize,
    end: usize,
}

impl SyntaxTree {
    /// The lines an edit of bytes `edit` (in the text this tree was parsed from) needs
    /// parsed again: from the last block header whose text ends before the edit (its text
    /// is then unchanged, so it stays a header), or from the start of the file, to the
    /// first block header that starts after the edit (its line start and text are
    /// unchanged). `None` only when `edit` is not a span of the text.
    pub fn reparse_region(&self, edit: Span) -> Option<Region> {
        let total = self.lines.last().map_or(0, |l| l.full().end);
        if edit.start > edit.end || edit.end > total {
            return None;
        }
        let before = self
            .blocks
            .partition_point(|b| self.lines[b.line()].content().end < edit.start);
        // The file's start is a fresh state too: header fields are parsed again then.
        let first = self.blocks[..before].last().map_or(0, |b| b.line());
        let after = self
            .blocks
            .partition_point(|b| self.lines[b.line()].full().start <= edit.end);
        let end = self
            .blocks
            .get(after)
            .map_or(self.lines.len(), |b| b.line());
        Some(Region { first, end })
    }

    /// Brings the tree up to date with `new_text`, which is the old text with bytes
    /// `edit` replaced by `inserted` bytes; `region` comes from
    /// [`SyntaxTree::reparse_region`] for the same edit, before it.
    pub fn reparse(
        &mut self,
        new_text: &str,
        region: Region,
        edit: Span,
        inserted: usize,
    ) -> Reparsed {
        let delta = inserted as isize - edit.len() as isize;
        let start = self.lines[region.first].full().start;
        let old_end = self.lines.get(region.end).map_or_else(
            || self.lines.last().map_or(0, |l| l.full().end),
            |l| l.full().start,
        );
        let new_end = (old_end as isize + delta) as usize;
        let fragment = parse_region(new_text, Span::new(start, new_end), region.first);
        if region.first == 0 {
            // The edit may have added or removed the byte order mark.
            self.bom = fragment.bom;
        }
        let reparsed = Reparsed {
            first_line: region.first,
            old_end_line: region.end,
            new_end_line: region.first + fragment.lines.len(),
            old_bytes: Span::new(start, old_end),
            new_bytes: Span::new(start, new_end),
        };
        let lines = reparsed.line_delta();

        for line in &mut self.lines[region.end..] {
            line.shift(delta);
        }
        self.lines.splice(region.first..region.end, fragment.lines);

        let blocks = sorted_range(&self.blocks, |b| b.line(), region.first, region.end);
        for block in &mut self.blocks[blocks.end..] {
            block.shift(delta, lines);
        }
        self.blocks.splice(blocks, fragment.blocks);

        let header = sorted_range(&self.header, |f| f.line(), region.first, region.end);
        for field in &mut self.header[header.end..] {
            field.shift(delta, lines);
        }
        self.header.splice(header, fragment.header);

        let errors = sorted_range(&self.errors, |e| e.span.start, start, old_end);
        for error in &mut self.errors[errors.end..] {
            error.span = error.span.shift(delta);
        }
        self.errors.splice(errors, fragment.errors);
        reparsed
    }
}

impl FieldNode {
    fn shift(&mut self, by: isize, lines: isize) {
        self.line = super::narrow(shift_index(self.line(), lines));
        self.key.shift(by);
        for piece in self.pieces.iter_mut() {
            *piece = piece.shift(by);
        }
        self.span.shift(by);
    }
}

impl BlockNode {
    fn shift(&mut self, by: isize, lines: isize) {
        *self = BlockNode::new(
            self.kind,
            shift_index(self.line(), lines),
            self.name().shift(by),
            self.span().shift(by),
            shift_index(self.end_line(), lines),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    /// Applies the edit both ways and compares; returns whether it was incremental.
    fn same_as_full_parse(old: &str, edit: Span, inserted: &str) -> bool {
        let mut tree = parse(old);
        let mut new = old.to_string();
        new.replace_range(edit.start..edit.end, inserted);
        let full = parse(&new);
        let Some(region) = tree.reparse_region(edit) else {
            return false;
        };
        let r = tree.reparse(&new, region, edit, inserted.len());
        assert_eq!(
            tree.lines, full.lines,
            "lines after {edit:?} {inserted:?} in {old:?}"
        );
        assert_eq!(tree.blocks, full.blocks, "blocks");
        assert_eq!(tree.header, full.header, "header");
        assert_eq!(tree.errors, full.errors, "errors");
        assert_eq!(tree.bom, full.bom, "byte order mark");
        assert_eq!(
            r.new_bytes.end as isize - r.old_bytes.end as isize,
            new.len() as isize - old.len() as isize
        );
        true
    }

    const TEXT: &str = "article: a.txt\n\nactor A\n  aka: B\n\nclaim one\n  source: A\n  quote: x y\n    z\n# c\nclaim two\n  quote: w\nlate: 1\nclaim three\n  source: B\n";

    #[test]
    fn edits_inside_a_block_reparse_only_it() {
        let at = TEXT.find("x y").unwrap();
        assert!(same_as_full_parse(TEXT, Span::empty(at), "more "));
        let tree = parse(TEXT);
        let region = tree.reparse_region(Span::empty(at)).unwrap();
        assert_eq!(
            (region.first, region.end),
            (5, 10),
            "from `claim one` to `claim two`"
        );
    }

    #[test]
    fn edits_that_change_the_block_structure() {
        let cases: &[(&str, &str)] = &[
            ("  quote: w\n", "  quote: w\nclaim new\n  source: C\n"),
            ("claim two\n", ""),
            ("claim two", "claim 2"),
            ("  source: B\n", ""),
            ("late: 1\n", "  late: 1\n"),
            ("    z\n", "z\n"),
            ("\n# c\n", "\r"),
            ("claim three\n  source: B\n", "actor C\n"),
        ];
        for (find, replace) in cases {
            let at = TEXT.find(find).unwrap();
            assert!(
                same_as_full_parse(TEXT, Span::new(at, at + find.len()), replace),
                "{find:?} -> {replace:?} should be incremental"
            );
        }
    }

    #[test]
    fn header_and_first_block_header_edits_reparse_from_the_start() {
        let tree = parse(TEXT);
        let first = TEXT.find("actor A").unwrap();
        // Up to the first block header that starts after the edit.
        for (edit, end) in [
            (Span::empty(3), 2),
            (Span::new(0, 9), 2),
            (Span::empty(first + 3), 5),
        ] {
            let region = tree.reparse_region(edit).unwrap();
            assert_eq!((region.first, region.end), (0, end), "{edit:?}");
        }
        let inside_first_block = tree.reparse_region(Span::new(first + 9, first + 10));
        assert_eq!(inside_first_block.unwrap().first, 2);
        assert!(tree.reparse_region(Span::empty(TEXT.len() + 1)).is_none());
        for (find, replace) in [
            (
                "article: a.txt\n",
                "\u{feff}date: 2020-01-01\narticle: a.txt\n",
            ),
            ("article", "  article"),
            ("actor A", "actr A"),
            ("actor A\n", ""),
        ] {
            let at = TEXT.find(find).unwrap();
            assert!(same_as_full_parse(
                TEXT,
                Span::new(at, at + find.len()),
                replace
            ));
        }
        // A byte order mark typed in, then taken out.
        let with_bom = format!("\u{feff}{TEXT}");
        assert!(same_as_full_parse(TEXT, Span::empty(0), "\u{feff}"));
        assert!(same_as_full_parse(&with_bom, Span::new(0, 3), ""));
    }

    #[test]
    fn line_breaks_at_the_region_edges() {
        // A lone CR that an inserted LF turns into CRLF; a CRLF split in two.
        let text = "claim a\r  quote: x\rclaim b\r\n  quote: y\r\nclaim c\n";
        for (at, ins) in [(8, "\n"), (27, "x"), (26, ""), (19, "\n")] {
            let at = at.min(text.len());
            same_as_full_parse(text, Span::empty(at), ins);
        }
        let b = text.find("claim b").unwrap();
        assert!(same_as_full_parse(text, Span::new(b - 1, b), "\r\n"));
    }

    #[test]
    fn random_edits_match_a_full_parse() {
        let pieces = [
            "claim ",
            "actor ",
            "  ",
            "    ",
            "source: ",
            "quote: ",
            "x",
            "Y",
            "\n",
            "\r\n",
            "\r",
            "# c",
            ":",
            "é",
            "\t",
            "date: 2020-01-01\n",
            "\n\n",
            "",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut text = TEXT.to_string();
        let mut incremental = 0;
        for _ in 0..3000 {
            let mut a = next(text.len() + 1);
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (a + next(12)).min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            let b = b.max(a);
            let inserted: String = (0..next(3)).map(|_| pieces[next(pieces.len())]).collect();
            if same_as_full_parse(&text, Span::new(a, b), &inserted) {
                incremental += 1;
            }
            text.replace_range(a..b, &inserted);
            if text.len() > 4000 || !text.contains("claim ") {
                text = TEXT.to_string();
            }
        }
        assert_eq!(incremental, 3000, "every edit is incremental");
    }
}
