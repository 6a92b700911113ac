//! Byte spans and the one place where byte offsets become line/column positions.

mod line_index;

pub use line_index::{Encoding, LineCol, LineIndex};

use serde::Serialize;

/// A byte offset or count of a text as a `u32`, for the compact structures that store
/// them: saturates (and a debug build stops) at 4 GiB, which no text read reaches (files
/// are capped far below it).
pub(crate) fn narrow(n: usize) -> u32 {
    debug_assert!(n <= u32::MAX as usize, "text of 4 GiB or more");
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A half-open byte range `[start, end)` into some text (a `.claims` file or an article).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `offset` lies inside the span or touches its end (a cursor right after a word).
    pub const fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    pub const fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub const fn shift(self, by: isize) -> Span {
        Span::new(shift_index(self.start, by), shift_index(self.end, by))
    }

    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// `v` in an allocation of its length, when it has room to spare: for vectors kept for
/// a document's or an article's lifetime. Not `shrink_to_fit`: mimalloc's `realloc`
/// keeps a block in place, spare room and all, while the new size is at least half of it.
pub fn sized_exactly<T>(mut v: Vec<T>) -> Vec<T> {
    if v.capacity() > v.len() {
        let mut exact = Vec::with_capacity(v.len());
        exact.append(&mut v);
        return exact;
    }
    v
}

/// An offset or a line index moved by `by` (what follows an edit).
pub const fn shift_index(index: usize, by: isize) -> usize {
    (index as isize + by) as usize
}

/// Indices `i..j` of the items of `items`, sorted by `key`, whose key is in `from..to`:
/// the part of a sorted list an edit replaces.
pub fn sorted_range<T>(
    items: &[T],
    key: impl Fn(&T) -> usize,
    from: usize,
    to: usize,
) -> std::ops::Range<usize> {
    let i = items.partition_point(|x| key(x) < from);
    let j = i + items[i..].partition_point(|x| key(x) < to);
    i..j
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// Runs of whitespace (line breaks inside an article paragraph) as one space.
///
/// The same as `s.split_whitespace().collect::<Vec<_>>().join(" ")`, in one pass and one
/// allocation: the checks collapse every claim's quote and the drafts every statement.
pub fn collapse_whitespace(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // The start of the word being read, if any.
    let mut word: Option<usize> = None;
    let end_word = |out: &mut String, word: &mut Option<usize>, at: usize| {
        if let Some(from) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[from..at]);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        // ASCII whitespace is what `char::is_whitespace` says of ASCII: space and
        // tab through carriage return (vertical tab and form feed included).
        let (space, len) = match bytes[i] {
            b if b.is_ascii() => (matches!(b, b' ' | b'\t'..=b'\r'), 1),
            _ => match s[i..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            },
        };
        if space {
            end_word(&mut out, &mut word, i);
        } else if word.is_none() {
            word = Some(i);
        }
        i += len;
    }
    end_word(&mut out, &mut word, bytes.len());
    out
}

/// [`lowercase`] as a method, to stand where `.to_lowercase()` stood.
pub trait Lowercased {
    fn lowercased(&self) -> String;
}

impl Lowercased for str {
    fn lowercased(&self) -> String {
        lowercase(self)
    }
}

/// `s.to_lowercase()`, with every run of ASCII lowercased in bulk.
///
/// The standard method lowercases character by character once it has met a character
/// that is not ASCII (a curly quotation mark early in an article), which made it a visible
/// share of the attribution analysis. The result is the same: characters that are not
/// ASCII go through `char::to_lowercase`, and a text holding a capital sigma (whose
/// lowercase depends on its neighbours) is left to the standard method.
pub fn lowercase(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - i);
        if run > 0 {
            let from = out.len();
            out.push_str(&s[i..i + run]);
            out[from..].make_ascii_lowercase();
            i += run;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c == '\u{3a3}' {
            return s.to_lowercase();
        }
        out.extend(c.to_lowercase());
        i += c.len_utf8();
    }
    out
}

/// At most `max` characters of `s`, with `…` when cut: for quoting text in messages.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Whether `span` of `text` neither starts nor ends inside a word (a quote copied whole,
/// not the `it` of `admitted`). `span` must lie on character boundaries.
pub fn on_word_boundaries(text: &str, span: Span) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (before, first) = (
        text[..span.start].chars().next_back(),
        text[span.start..].chars().next(),
    );
    let (last, after) = (
        text[..span.end].chars().next_back(),
        text[span.end..].chars().next(),
    );
    let cuts_start = word(before) && word(first);
    let cuts_end = word(last) && word(after);
    !cuts_start && !cuts_end
}

/// The largest character boundary of `text` at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Length in bytes of the line break starting at `bytes[i]`, if any.
/// Line breaks are `\n`, `\r\n` and a lone `\r`, as the LSP specification says; nothing else
/// (U+2028, U+0085, form feed) breaks a line, because editors do not break there.
#[inline]
pub fn line_break_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b'\n') => 1,
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => 2,
        Some(b'\r') => 1,
        _ => 0,
    }
}

/// Byte spans of the lines of `text`: `(content, content_plus_terminator)`.
/// A text that ends with a line break has no empty line after it; an empty text has one line.
pub fn lines(text: &str) -> impl Iterator<Item = (Span, Span)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done || (pos == bytes.len() && pos != 0) {
            return None;
        }
        let start = pos;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let brk = line_break_len(bytes, end);
        done = brk == 0;
        pos = end + brk;
        Some((Span::new(start, end), Span::new(start, pos)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_are_where_a_letter_or_digit_meets_something_else() {
        assert!(on_word_boundaries("(it)", Span::new(1, 3)));
        assert!(on_word_boundaries("it", Span::new(0, 2)));
        assert!(on_word_boundaries("Ёлка, да", Span::new(0, 8)));
        assert!(!on_word_boundaries("admitted", Span::new(3, 5)));
        assert!(!on_word_boundaries("itemized", Span::new(0, 2)));
        assert!(!on_word_boundaries("Ёлка", Span::new(2, 8)));
    }

    #[test]
    fn lowercase_and_collapse_agree_with_the_standard_ways() {
        for s in [
            "",
            "Said",
            "\u{201c}We WILL,\u{201d} Mr Peston SAID.",
            "\u{c9}LYS\u{c9}E and \u{130}stanbul ABC",
            "\u{39f}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{3a5}\u{3a3} SIGMA",
            "caf\u{e9} \u{2019}ll  \t\n two\u{a0}\u{a0}words \u{2003} end ",
            "  \n ",
            "a\u{b}b\u{c}c\u{85}d\u{2028}e\u{3000}f\u{200b}g",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s}");
            assert_eq!(
                collapse_whitespace(s),
                s.split_whitespace().collect::<Vec<_>>().join(" "),
                "{s}"
            );
        }
    }

    fn collect(text: &str) -> Vec<(usize, usize, usize)> {
        lines(text).map(|(c, f)| (c.start, c.end, f.end)).collect()
    }

    #[test]
    fn splits_on_lf_crlf_and_lone_cr_only() {
        assert_eq!(
            collect("a\nb\r\nc\rd"),
            vec![(0, 1, 2), (2, 3, 5), (5, 6, 7), (7, 8, 8)]
        );
        assert_eq!(collect("a\u{2028}b\u{85}c"), vec![(0, 8, 8)]);
        assert_eq!(collect(""), vec![(0, 0, 0)]);
        assert_eq!(collect("x\n"), vec![(0, 1, 2)]);
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert!(s.touches(5) && s.touches(2) && !s.touches(6));
        assert_eq!(s.shift(3), Span::new(5, 8));
        assert_eq!(s.slice("abcdefg"), "cde");
        assert_eq!(Span::new(10, 20).slice("short"), "");
    }
}
