//! The normalized view of a text: what a reader sees as "the same words".
//!
//! Runs of whitespace become one space, curly quotes and apostrophes become straight ones,
//! dashes become `-`, the ellipsis character becomes `...`, letters are lowercased, and
//! invisible characters (soft hyphen, zero-width space/joiners, BOM) disappear. Every byte
//! of the normalized text remembers the byte offset of the original character it came
//! from, so a match found here is reported at its place in the original.

#[derive(Clone, Debug, Default)]
pub struct Normalized {
    pub text: String,
    /// `map[i]` is the original offset of normalized byte `i`; `map[text.len()]` is the
    /// original text's length (or the end of the normalized range).
    map: Vec<u32>,
}

/// What one character becomes in the normalized view.
enum Folded {
    Drop,
    Space,
    Char(char),
    Ellipsis,
    Lower(char),
}

fn fold(c: char) -> Folded {
    match c {
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => Folded::Drop,
        c if c.is_whitespace() => Folded::Space,
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => {
            Folded::Char('\'')
        }
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => {
            Folded::Char('"')
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Folded::Char('-'),
        '\u{2026}' => Folded::Ellipsis,
        c => Folded::Lower(c),
    }
}

/// Receives the normalized characters; the map is built only when it is wanted.
trait Sink {
    fn push(&mut self, c: char, at: u32);
    fn push_ascii(&mut self, b: u8, at: u32);
    /// A run of ASCII bytes that are not white space, from original offset `at` on.
    fn push_run(&mut self, run: &[u8], at: u32);
}

/// The normalized bytes with their map, built before they become a [`Normalized`].
struct Mapped {
    text: Vec<u8>,
    map: Vec<u32>,
}

impl Sink for Mapped {
    #[inline]
    fn push(&mut self, c: char, at: u32) {
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        self.text.extend_from_slice(bytes);
        for _ in 0..bytes.len() {
            self.map.push(at);
        }
    }

    #[inline]
    fn push_ascii(&mut self, b: u8, at: u32) {
        self.text.push(b);
        self.map.push(at);
    }

    #[inline]
    fn push_run(&mut self, run: &[u8], at: u32) {
        self.text
            .extend(run.iter().map(|&b| ASCII_FOLD[usize::from(b)]));
        self.map.extend(at..at + run.len() as u32);
    }
}

impl Sink for Vec<u8> {
    #[inline]
    fn push(&mut self, c: char, _: u32) {
        let mut buf = [0u8; 4];
        self.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    #[inline]
    fn push_ascii(&mut self, b: u8, _: u32) {
        Vec::push(self, b);
    }

    #[inline]
    fn push_run(&mut self, run: &[u8], _: u32) {
        self.extend(run.iter().map(|&b| ASCII_FOLD[usize::from(b)]));
    }
}

/// What each ASCII byte becomes: `0` for white space (a run becomes one space), else the
/// byte itself, lowercased, with a backquote made an apostrophe.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() || c == 0x0b {
            0
        } else if c == b'`' {
            b'\''
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// The normalization loop, shared by the mapped and the plain variant. ASCII, which is
/// most of any English article, takes a byte path with no character decoding.
fn normalize_into<S: Sink>(text: &str, out: &mut S) {
    let bytes = text.as_bytes();
    let mut in_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let at = i as u32;
            i += 1;
            let folded = ASCII_FOLD[b as usize];
            if folded == 0 {
                if !in_space {
                    out.push_ascii(b' ', at);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            // The rest of the run of ASCII bytes that are not white space, at once.
            let mut end = i;
            while end < bytes.len() && bytes[end] < 0x80 && ASCII_FOLD[usize::from(bytes[end])] != 0
            {
                end += 1;
            }
            out.push_run(&bytes[i - 1..end], at);
            i = end;
            continue;
        }
        let c = text[i..].chars().next().expect("char boundary");
        let at = i as u32;
        i += c.len_utf8();
        match fold(c) {
            Folded::Drop => continue,
            Folded::Space => {
                if !in_space {
                    out.push_ascii(b' ', at);
                }
                in_space = true;
                continue;
            }
            Folded::Char(c) => out.push(c, at),
            Folded::Ellipsis => {
                for _ in 0..3 {
                    out.push_ascii(b'.', at);
                }
            }
            Folded::Lower(c) => {
                for lower in c.to_lowercase() {
                    out.push(lower, at);
                }
            }
        }
        in_space = false;
    }
}

impl Normalized {
    pub fn new(text: &str) -> Self {
        let mut out = Mapped {
            text: Vec::with_capacity(text.len()),
            map: Vec::with_capacity(text.len() + 1),
        };
        normalize_into(text, &mut out);
        out.map.push(text.len() as u32);
        Normalized {
            text: String::from_utf8(out.text).expect("whole characters were pushed"),
            map: out.map,
        }
    }

    /// Original offset of normalized offset `i` (clamped).
    pub fn original(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }

    /// Original span of the normalized range `[start, end)`: from the first character's start
    /// to the end of the last character (the start of whatever follows it).
    pub fn original_span(&self, start: usize, end: usize) -> crate::text::Span {
        let s = self.original(start);
        let e = if end == 0 {
            s
        } else {
            // The last normalized byte's character ends where the next distinct original
            // character starts; repeated map entries (an expanded `…`) share one character.
            let last = self.original(end - 1);
            let mut j = end;
            while j < self.map.len() && self.map[j] as usize == last {
                j += 1;
            }
            self.original(j)
        };
        crate::text::Span::new(s, e.max(s))
    }

    /// The first normalized offset whose original offset is `>= original`.
    pub fn from_original(&self, original: usize) -> usize {
        self.map
            .partition_point(|m| (*m as usize) < original)
            .min(self.text.len())
    }
}

/// Normalizes a short string (a quote, a name) and trims it; no offset map is built.
pub fn normalize_str(s: &str) -> String {
    let mut bytes = Vec::with_capacity(s.len());
    normalize_into(s, &mut bytes);
    let out = String::from_utf8(bytes).expect("whole characters were pushed");
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_punctuation_space_and_case() {
        let text = "“Moscow’s  concern” — it said…\u{ad}done";
        let n = Normalized::new(text);
        assert_eq!(n.text, "\"moscow's concern\" - it said...done");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let text = "A  «Ёлка» — Երևան…x";
        let n = Normalized::new(text);
        let at = n.text.find("ёлка").unwrap();
        let span = n.original_span(at, at + "ёлка".len());
        assert_eq!(span.slice(text), "Ёлка");
        let e = n.text.find("...").unwrap();
        assert_eq!(n.original_span(e, e + 3).slice(text), "…");
        let arm = n.text.find("երևան").unwrap();
        assert_eq!(
            n.original_span(arm, arm + "երևան".len()).slice(text),
            "Երևան"
        );
        assert_eq!(
            n.from_original(text.find('x').unwrap()),
            n.text.find('x').unwrap()
        );
        assert_eq!(n.original(n.text.len()), text.len());
    }

    #[test]
    fn plain_and_mapped_variants_agree() {
        for text in [
            "  A\u{2019}b \t\u{2014} C…  ",
            "İx\u{ad}Y",
            "`quoted`",
            "\u{b}v",
        ] {
            assert_eq!(normalize_str(text), Normalized::new(text).text.trim());
        }
    }

    #[test]
    fn expanding_lowercase_keeps_the_map_aligned() {
        let text = "İstanbul";
        let n = Normalized::new(text);
        let span = n.original_span(0, n.text.len());
        assert_eq!(span.slice(text), text);
    }
}
