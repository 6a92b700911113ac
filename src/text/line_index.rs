//! Byte offset <-> (line, column) conversion, computed once per text version.
//!
//! Columns can be counted in UTF-8 bytes, UTF-16 code units (the LSP default) or Unicode
//! scalar values (what people and the CLI count). Positions past the end of a line or of
//! the text are clamped, never a panic: editors send them while the user is typing.

use super::{floor_char_boundary, narrow, shift_index, Span};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    /// Unicode scalar values ("characters").
    Chars,
}

/// A zero-based line and a zero-based column in some [`Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    /// Byte offset where each line starts; `line_starts[0] == 0`. As `u32`s, as the
    /// offsets of the syntax tree: an index for every version of a big annotation and
    /// for its article, and no text the server or the CLI reads reaches 4 GiB.
    line_starts: Vec<u32>,
    /// Byte offset where each line's content ends (before its line break).
    line_ends: Vec<u32>,
    /// Bytes of the text that are not ASCII: none, and every encoding counts bytes. A count,
    /// not a flag, so that [`LineIndex::patch`] can keep it from the edit alone.
    non_ascii: usize,
    /// For columns far into long lines of non-ASCII text (articles are often written one
    /// paragraph per line): UTF-16 units and characters before every `STRIDE`-th byte.
    /// Made on first need.
    prefix: OnceLock<Vec<[usize; 2]>>,
}

/// Bytes between two entries of [`LineIndex::prefix`].
const STRIDE: usize = 512;

impl PartialEq for LineIndex {
    fn eq(&self, other: &Self) -> bool {
        // `prefix` is a cache of the text, not part of the index's value.
        (&self.line_starts, &self.line_ends, self.non_ascii)
            == (&other.line_starts, &other.line_ends, other.non_ascii)
    }
}

impl Eq for LineIndex {}

/// UTF-16 units and characters in `bytes` (any byte range of valid UTF-8): every
/// character has one leading byte, and the 4-byte ones (emoji) are two UTF-16 units.
/// Bytes of `bytes` that are not ASCII.
pub fn non_ascii(bytes: &[u8]) -> usize {
    bytes.iter().map(|b| usize::from(*b >= 0x80)).sum()
}

fn count_units(bytes: &[u8]) -> [usize; 2] {
    let leading = |b: &u8| usize::from(b & 0xC0 != 0x80);
    let chars: usize = bytes.iter().map(leading).sum();
    let wide: usize = bytes.iter().map(|b| usize::from(*b >= 0xF0)).sum();
    [chars + wide, chars]
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        Self::from_lines(text, super::lines(text))
    }

    /// The index from the text's lines (content and full spans, in order, tiling `text`,
    /// as [`super::lines`] gives them and the syntax tree holds them): a parsed text needs
    /// no second scan for line breaks.
    pub fn from_lines(text: &str, lines: impl Iterator<Item = (Span, Span)>) -> Self {
        let capacity = lines.size_hint().0 + 1;
        let mut line_starts = Vec::with_capacity(capacity);
        let mut line_ends = Vec::with_capacity(capacity);
        let mut last = Span::empty(0);
        for (content, full) in lines {
            line_starts.push(narrow(full.start));
            line_ends.push(narrow(content.end));
            last = Span::new(content.end, full.end);
        }
        if line_starts.is_empty() {
            line_starts.push(0);
            line_ends.push(0);
        } else if !last.is_empty() {
            // The text ends with a line break: an empty last line follows it.
            line_starts.push(narrow(last.end));
            line_ends.push(narrow(last.end));
        }
        LineIndex {
            line_starts,
            line_ends,
            non_ascii: non_ascii(text.as_bytes()),
            prefix: OnceLock::new(),
        }
    }

    /// Brings the index of a text up to date after bytes `old` of it were replaced by
    /// `inserted`, which gave `text`; `removed_non_ascii` counts the non-ASCII bytes the
    /// replaced ones held. Only the lines around the edit are scanned again, the lines
    /// after them are moved: the result equals [`LineIndex::new`] of `text` (a keystroke
    /// in a big file must not cost a scan of the whole file).
    pub fn patch(&mut self, text: &str, old: Span, inserted: &str, removed_non_ascii: usize) {
        let delta = inserted.len() as isize - old.len() as isize;
        let old_len = (text.len() as isize - delta) as usize;
        let count = self.line_starts.len();
        // From the line before the edit (a break at its end can join with what the edit
        // puts first: `\r` then `\n`) to two lines after the one the edit ends on, whose
        // break is then untouched.
        let first = self.line_of(old.start.min(old_len)).saturating_sub(1);
        let end_line = self.line_of(old.end.min(old_len)) + 2;
        let base = self.line_starts[first] as usize;
        self.non_ascii = self.non_ascii - removed_non_ascii + non_ascii(inserted.as_bytes());
        self.prefix = OnceLock::new();
        if end_line >= count {
            // The edit is near the end: the lines from `first` on are all made again,
            // with the empty line after a final break.
            self.line_starts.truncate(first);
            self.line_ends.truncate(first);
            let mut last = Span::empty(0);
            for (content, full) in super::lines(&text[base..]) {
                self.line_starts.push(narrow(base + full.start));
                self.line_ends.push(narrow(base + content.end));
                last = Span::new(content.end, full.end);
            }
            if !last.is_empty() {
                self.line_starts.push(narrow(base + last.end));
                self.line_ends.push(narrow(base + last.end));
            }
            return;
        }
        // `end_line` starts after a complete line break in the old text, and the bytes
        // before it are after the edit: the new text has the same break at the moved place.
        let new_end = shift_index(self.line_starts[end_line] as usize, delta);
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        for (content, full) in super::lines(&text[base..new_end]) {
            starts.push(narrow(base + full.start));
            ends.push(narrow(base + content.end));
        }
        for x in &mut self.line_starts[end_line..] {
            *x = narrow(shift_index(*x as usize, delta));
        }
        for x in &mut self.line_ends[end_line..] {
            *x = narrow(shift_index(*x as usize, delta));
        }
        self.line_starts.splice(first..end_line, starts);
        self.line_ends.splice(first..end_line, ends);
    }

    /// UTF-16 units and characters in `text[from..to]`.
    fn units(&self, text: &str, from: usize, to: usize) -> [usize; 2] {
        let bytes = text.as_bytes();
        if to - from <= 2 * STRIDE {
            return count_units(&bytes[from..to]);
        }
        let prefix = self.prefix.get_or_init(|| {
            let mut acc = [0, 0];
            let mut out = vec![acc];
            for chunk in bytes.chunks(STRIDE) {
                let [u, c] = count_units(chunk);
                acc = [acc[0] + u, acc[1] + c];
                out.push(acc);
            }
            out
        });
        let upto = |x: usize| {
            let k = x / STRIDE;
            let [u, c] = count_units(&bytes[k * STRIDE..x]);
            [prefix[k][0] + u, prefix[k][1] + c]
        };
        let (a, b) = (upto(from), upto(to));
        [b[0] - a[0], b[1] - a[1]]
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte span of line `line`'s content (without its break), clamped to the last line.
    pub fn line_span(&self, line: usize) -> super::Span {
        let line = line.min(self.line_starts.len() - 1);
        super::Span::new(
            self.line_starts[line] as usize,
            self.line_ends[line] as usize,
        )
    }

    /// Zero-based line holding byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Position of byte `offset` in `text`. An offset inside a multi-byte character or
    /// inside a CRLF is moved back to the character's start; past the end, to the end.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let end = offset.min(self.line_ends[line] as usize);
        let col = if self.non_ascii == 0 || enc == Encoding::Utf8 {
            end - start
        } else {
            // Counted on bytes, not decoded characters, and from a checkpoint on long
            // lines: every diagnostic's related article spans are converted.
            let [utf16, chars] = self.units(text, start, end);
            match enc {
                Encoding::Utf16 => utf16,
                Encoding::Chars => chars,
                Encoding::Utf8 => unreachable!("handled above"),
            }
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Byte offset of `pos` in `text`. A line past the end gives the end of the text; a
    /// column past the end of its line gives the end of that line; a column inside a
    /// character (half a surrogate pair, a byte inside UTF-8) gives that character's start.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return text.len();
        }
        let start = self.line_starts[line] as usize;
        let end = self.line_ends[line] as usize;
        let want = pos.col as usize;
        if self.non_ascii == 0 || enc == Encoding::Utf8 {
            return floor_char_boundary(text, (start + want).min(end));
        }
        let mut counted = 0;
        for (i, ch) in text[start..end].char_indices() {
            let width = match enc {
                Encoding::Utf16 => ch.len_utf16(),
                _ => 1,
            };
            if counted + width > want {
                return start + i;
            }
            counted += width;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn columns_far_into_long_lines_use_checkpoints_correctly() {
        let line = "Москва said 😀, Երևան replied: بغداد! ".repeat(200);
        let text = format!("title\n{line}\n{line}");
        let idx = LineIndex::new(&text);
        let mut utf16 = 0;
        let second = text.find('\n').unwrap() + 1;
        for (chars, (i, ch)) in text[second..].char_indices().enumerate() {
            let offset = second + i;
            if offset % 7 == 0 || ch == '😀' {
                let p = idx.position(&text, offset, Encoding::Utf16);
                assert_eq!((p.line, p.col as usize), (1, utf16), "at {offset}");
                let p = idx.position(&text, offset, Encoding::Chars);
                assert_eq!((p.line, p.col as usize), (1, chars), "at {offset}");
            }
            if ch == '\n' {
                break;
            }
            utf16 += ch.len_utf16();
        }
        // On the third line, columns restart.
        let third = second + line.len() + 1;
        let p = idx.position(&text, third + "Москва".len(), Encoding::Utf16);
        assert_eq!((p.line, p.col), (2, 6));
        let end = idx.position(&text, text.len(), Encoding::Utf16);
        assert_eq!(end.col as usize, line.encode_utf16().count());
    }

    #[test]
    fn columns_counted_on_bytes_equal_decoded_characters() {
        let text = "a Москва Երևան بغداد 😀 🙂x é\u{2028}z";
        let idx = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let before = &text[..offset];
            let utf16: usize = before.chars().map(char::len_utf16).sum();
            let chars = before.chars().count();
            assert_eq!(
                idx.position(text, offset, Encoding::Utf16).col as usize,
                utf16
            );
            assert_eq!(
                idx.position(text, offset, Encoding::Chars).col as usize,
                chars
            );
        }
    }

    #[test]
    fn line_spans_match_a_naive_split() {
        // `new` is `from_lines` over `text::lines`; compare with an independent split at
        // `\r\n`, `\r` and `\n`, which always ends with a (possibly empty) last line.
        fn naive(text: &str) -> Vec<(usize, usize)> {
            let b = text.as_bytes();
            let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
            while i < b.len() {
                if b[i] == b'\n' || b[i] == b'\r' {
                    out.push((start, i));
                    i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    start = i;
                } else {
                    i += 1;
                }
            }
            out.push((start, b.len()));
            out
        }
        for text in [
            "",
            "x",
            "x\n",
            "\n",
            "a\r\nb\rc\n\n",
            "Москва\r",
            "a\u{2028}b\n😀",
            "\r\n\r\n",
        ] {
            let idx = LineIndex::new(text);
            let spans: Vec<_> = (0..idx.line_count())
                .map(|l| {
                    let s = idx.line_span(l);
                    (s.start, s.end)
                })
                .collect();
            assert_eq!(spans, naive(text), "{text:?}");
        }
    }

    #[test]
    fn a_patched_index_equals_a_fresh_one_over_random_edits() {
        // Edits that make and break CRLF pairs, lone CRs, multi-byte characters and
        // final line breaks, anywhere (also inside a CRLF and at both ends).
        let pieces = [
            "", "a", "\n", "\r", "\r\n", "Ж", "😀", "line\n", "x\r", "\nq", "é\r\nz",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for start_text in ["", "a\nb\r\nc\rd", "Жx\r\n\r\n\ry\n", "\n\n\n"] {
            let mut text = start_text.to_string();
            let mut index = LineIndex::new(&text);
            for step in 0..400 {
                let mut a = next(text.len() + 1);
                let mut b = (a + next(6)).min(text.len());
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                while !text.is_char_boundary(b) {
                    b += 1;
                }
                let inserted = pieces[next(pieces.len())];
                let removed = non_ascii(&text.as_bytes()[a..b]);
                text.replace_range(a..b, inserted);
                index.patch(&text, Span::new(a, b), inserted, removed);
                assert_eq!(index, LineIndex::new(&text), "step {step}: {text:?}");
                if text.len() > 300 {
                    text.clear();
                    index = LineIndex::new(&text);
                }
            }
        }
    }

    #[test]
    fn ascii_and_crlf() {
        let text = "ab\r\ncd\nef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.position(text, 4, Encoding::Utf16), lc(1, 0));
        assert_eq!(
            idx.position(text, 3, Encoding::Utf16),
            lc(0, 2),
            "inside CRLF clamps to line end"
        );
        assert_eq!(idx.offset(text, lc(0, 99), Encoding::Utf16), 2);
        assert_eq!(idx.offset(text, lc(9, 0), Encoding::Utf16), text.len());
        assert_eq!(idx.offset(text, lc(2, 1), Encoding::Utf8), 8);
    }

    #[test]
    fn cyrillic_armenian_arabic_and_emoji() {
        // Москва (Cyrillic, 2 bytes each), Երևան (Armenian, 2 bytes), بغداد (Arabic, 2 bytes),
        // 😀 (4 bytes, 2 UTF-16 units).
        let text = "x Москва\nԵրևան 😀 y\nبغداد";
        let idx = LineIndex::new(text);
        let y = text.find(" y").unwrap() + 1;
        assert_eq!(idx.position(text, y, Encoding::Utf16), lc(1, 9));
        assert_eq!(idx.position(text, y, Encoding::Chars), lc(1, 8));
        assert_eq!(idx.position(text, y, Encoding::Utf8), lc(1, 16));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            for (off, _) in text.char_indices() {
                let p = idx.position(text, off, enc);
                assert_eq!(idx.offset(text, p, enc), off, "{enc:?} round trip at {off}");
            }
        }
        // Half of a surrogate pair lands on the emoji's start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(idx.offset(text, lc(1, 7), Encoding::Utf16), emoji);
        // An offset inside a multi-byte character moves back to its start.
        assert_eq!(idx.position(text, 3, Encoding::Chars), lc(0, 2));
        let arabic_end = text.len();
        assert_eq!(idx.position(text, arabic_end, Encoding::Utf16), lc(2, 5));
    }

    #[test]
    fn lone_cr_breaks_but_unicode_separators_do_not() {
        let text = "a\rb\u{2028}c\u{85}d";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 2);
        let d = text.find('d').unwrap();
        assert_eq!(idx.position(text, d, Encoding::Utf16), lc(1, 4));
    }
}
