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
    /// The map from normalized byte `i` to the original offset of its character (and
    /// from `text.len()` to the original text's length), as runs: see [`Run`]. An
    /// article's map changes its step only at a break of lines, a run of spaces or a
    /// character that is not ASCII, so it takes a few thousand runs, not four bytes per
    /// byte of the article.
    runs: Vec<Run>,
    /// `dir[b]` is the index of the run holding normalized byte `b << DIR_SHIFT`: a
    /// look-up starts there and passes a run or two, instead of a binary search of tens
    /// of thousands of runs (every quote match is mapped back).
    dir: Vec<u32>,
    /// Normalized bytes the map covers: `text.len() + 1`.
    mapped: u32,
}

/// Normalized bytes per entry of [`Normalized::dir`].
const DIR_SHIFT: u32 = 8;

/// Normalized bytes `norm..` (to the next run's `norm`) come from original offsets
/// `orig, orig + 1, ...` when `step` is 1, or all from `orig` (the bytes of one character,
/// or the three dots of an ellipsis) when it is 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    norm: u32,
    orig: u32,
    step: u32,
}

/// Builds the runs of the map one normalized byte at a time.
#[derive(Default)]
struct RunsBuilder {
    runs: Vec<Run>,
    /// Bytes mapped so far (the next byte's normalized offset).
    len: u32,
}

impl RunsBuilder {
    #[inline]
    fn push(&mut self, at: u32) {
        self.extend(at, 1, 0);
    }

    /// `count` normalized bytes from original offsets `at, at + step, ...`.
    #[inline]
    fn extend(&mut self, at: u32, count: u32, step: u32) {
        if count == 0 {
            return;
        }
        let i = self.len;
        self.len += count;
        if let Some(last) = self.runs.last_mut() {
            let k = i - last.norm;
            // Where the last run would put byte `i`: whether the new bytes continue it.
            if last.orig + last.step * k == at && (count == 1 || step == last.step) {
                return;
            }
            // A run of one byte takes whichever step the byte after it gives.
            if k == 1 && (count == 1 || step <= 1) {
                let wanted = at.wrapping_sub(last.orig);
                if wanted <= 1 && (count == 1 || step == wanted) {
                    last.step = wanted;
                    return;
                }
            }
        }
        self.runs.push(Run {
            norm: i,
            orig: at,
            step: if count == 1 { 1 } else { step },
        });
    }
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
    /// The normalized bytes, to which a run of ASCII is appended in place.
    fn bytes(&mut self) -> &mut Vec<u8>;
    /// The last `count` bytes appended come from original offsets `at, at + 1, ...`.
    fn map_run(&mut self, at: u32, count: u32);
}

/// The normalized bytes with their map, built before they become a [`Normalized`].
struct Mapped {
    text: Vec<u8>,
    map: RunsBuilder,
}

impl Sink for Mapped {
    #[inline]
    fn push(&mut self, c: char, at: u32) {
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        self.text.extend_from_slice(bytes);
        self.map.extend(at, bytes.len() as u32, 0);
    }

    #[inline]
    fn push_ascii(&mut self, b: u8, at: u32) {
        self.text.push(b);
        self.map.push(at);
    }

    #[inline]
    fn bytes(&mut self) -> &mut Vec<u8> {
        &mut self.text
    }

    #[inline]
    fn map_run(&mut self, at: u32, count: u32) {
        self.map.extend(at, count, 1);
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
    fn bytes(&mut self) -> &mut Vec<u8> {
        self
    }

    #[inline]
    fn map_run(&mut self, _: u32, _: u32) {}
}

/// What each byte becomes when it starts a character: `0` for a byte that is not ASCII
/// (the character is decoded), a space for white space and NUL (a run of them becomes one
/// space), else the byte itself, lowercased, with a backquote made an apostrophe.
const ASCII_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() || c == 0x0b || c == 0 {
            b' '
        } else if c == b'`' {
            b'\''
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// Appends the normalized bytes of the ASCII text from `bytes[from]` on, up to the first
/// byte that is not ASCII or white space that follows white space (dropped), and gives
/// where it stopped. No decoding and no map on the way: the bytes kept come one for one
/// from consecutive original offsets.
#[inline]
fn fold_ascii(bytes: &[u8], from: usize, in_space: &mut bool, out: &mut Vec<u8>) -> usize {
    // The last byte kept when it is a space, else 0: a byte stops the stretch when it
    // folds to 0 (not ASCII), or to a space after a space.
    let mut space = if *in_space { b' ' } else { 0 };
    let mut k = from;
    loop {
        // Eight bytes at a time while they need nothing but lowercasing (see
        // [`plain_eight`]), which most of a stretch does.
        while let Some(eight) = bytes.get(k..k + 8) {
            let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            let Some(folded) = plain_eight(x, space != 0) else {
                break;
            };
            out.extend_from_slice(&folded.to_le_bytes());
            space = if x >> 56 == u64::from(b' ') { b' ' } else { 0 };
            k += 8;
        }
        // Then byte by byte up to the next eight, or to the end.
        let stop = bytes.len().min(k + 8);
        if k == stop {
            break;
        }
        for &b in &bytes[k..stop] {
            let folded = ASCII_FOLD[usize::from(b)];
            if folded | space == space {
                *in_space = space != 0;
                return k;
            }
            space = if folded == b' ' { b' ' } else { 0 };
            out.push(folded);
            k += 1;
        }
    }
    *in_space = space != 0;
    k
}

/// Eight bytes (`x`, first byte lowest) lowercased, when that is all their normalization
/// is: all ASCII, no control character (white space other than a space among them), no
/// backquote, and no space after a space (`after_space`: the byte before was one).
/// Otherwise `None`, and they are folded byte by byte.
#[inline(always)]
fn plain_eight(x: u64, after_space: bool) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // The high bit of each byte that is zero (exact, no borrow between bytes).
    let zero = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    // The high bit of each byte of at least `n` (bytes under 128: no carry between them).
    let at_least = |n: u8| (x + u64::from(0x80 - n) * ONES) & HIGH;
    if x & HIGH != 0 || at_least(0x20) != HIGH || zero(x ^ (u64::from(b'`') * ONES)) != 0 {
        return None;
    }
    let spaces = zero(x ^ (u64::from(b' ') * ONES));
    if spaces & (spaces << 8 | u64::from(after_space) << 7) != 0 {
        return None;
    }
    let upper = at_least(b'A') & !at_least(b'Z' + 1);
    Some(x | upper >> 2)
}

/// The normalization loop, shared by the mapped and the plain variant. ASCII, which is
/// most of any English article, takes a byte path with no character decoding.
fn normalize_into<S: Sink>(text: &str, out: &mut S) {
    let bytes = text.as_bytes();
    let mut in_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if in_space && ASCII_FOLD[usize::from(b)] == b' ' {
                // More white space after white space: dropped.
                i += 1;
                continue;
            }
            let end = fold_ascii(bytes, i, &mut in_space, out.bytes());
            out.map_run(i as u32, (end - i) as u32);
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
            map: RunsBuilder::default(),
        };
        normalize_into(text, &mut out);
        out.map.push(text.len() as u32);
        let mut runs = out.map.runs;
        runs.shrink_to_fit();
        let mapped = out.map.len;
        let mut dir = Vec::with_capacity(((mapped >> DIR_SHIFT) + 1) as usize);
        let mut k = 0;
        for b in 0..=mapped.saturating_sub(1) >> DIR_SHIFT {
            while k + 1 < runs.len() && runs[k + 1].norm <= b << DIR_SHIFT {
                k += 1;
            }
            dir.push(k as u32);
        }
        Normalized {
            text: String::from_utf8(out.text).expect("whole characters were pushed"),
            runs,
            dir,
            mapped,
        }
    }

    /// Index of the run holding normalized offset `i` (`i < mapped`).
    fn run_of(&self, i: u32) -> usize {
        let mut k = self.dir[(i >> DIR_SHIFT) as usize] as usize;
        while self.runs.get(k + 1).is_some_and(|r| r.norm <= i) {
            k += 1;
        }
        k
    }

    /// End (exclusive) of run `k`.
    fn run_end(&self, k: usize) -> u32 {
        self.runs.get(k + 1).map_or(self.mapped, |r| r.norm)
    }

    /// The map at `i < mapped`.
    fn at(&self, i: u32) -> u32 {
        let r = self.runs[self.run_of(i)];
        r.orig + r.step * (i - r.norm)
    }

    /// Original offset of normalized offset `i` (clamped).
    pub fn original(&self, i: usize) -> usize {
        if self.mapped == 0 {
            return 0;
        }
        let i = (i as u64).min(u64::from(self.mapped - 1)) as u32;
        self.at(i) as usize
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
            let last = self.original(end - 1) as u32;
            let mut j = end.min(self.mapped as usize) as u32;
            while j < self.mapped {
                let k = self.run_of(j);
                let r = self.runs[k];
                if r.orig + r.step * (j - r.norm) != last {
                    break;
                }
                // A run of one character's bytes is passed whole.
                j = if r.step == 0 { self.run_end(k) } else { j + 1 };
            }
            self.original(j as usize)
        };
        crate::text::Span::new(s, e.max(s))
    }

    /// The first normalized offset whose original offset is `>= original`.
    pub fn from_original(&self, original: usize) -> usize {
        let Ok(original) = u32::try_from(original) else {
            return self.text.len();
        };
        // Runs starting below `original`: the answer is in the last of them, or the start
        // of the run after it (the map never decreases).
        let k = self.runs.partition_point(|r| r.orig < original);
        let found = match k.checked_sub(1) {
            None => 0,
            Some(k) => {
                let r = self.runs[k];
                let end = self.run_end(k);
                if r.step == 1 && r.norm + (original - r.orig) < end {
                    r.norm + (original - r.orig)
                } else {
                    end
                }
            }
        };
        (found as usize).min(self.text.len())
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
    fn eight_bytes_at_a_time_fold_as_one_at_a_time() {
        // Folds what `fold_ascii` folds, one byte at a time through the table.
        fn by_bytes(bytes: &[u8], from: usize, in_space: &mut bool, out: &mut Vec<u8>) -> usize {
            let mut k = from;
            while k < bytes.len() {
                let folded = ASCII_FOLD[usize::from(bytes[k])];
                if folded == 0 || (*in_space && folded == b' ') {
                    break;
                }
                *in_space = folded == b' ';
                out.push(folded);
                k += 1;
            }
            k
        }
        let alphabet: &[&str] = &[
            " ", " ", "\n", "\t", "\r", "\0", "\u{b}", "`", "a", "z", "A", "Z", "@", "[", "0", "!",
            "~", "\u{7f}", "\u{1f}", "\u{e9}", "\u{2019}", "qrstu",
        ];
        // A fixed sequence of pseudo-random texts (a linear congruential generator).
        let mut seed = 7u64;
        for _ in 0..4000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 58) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(alphabet[(seed >> 40) as usize % alphabet.len()]);
            }
            let bytes = text.as_bytes();
            for from in 0..bytes.len().min(3) {
                if !text.is_char_boundary(from) {
                    continue;
                }
                for start_space in [false, true] {
                    let (mut a, mut b) = (start_space, start_space);
                    let (mut out_a, mut out_b) = (Vec::new(), Vec::new());
                    let end_a = fold_ascii(bytes, from, &mut a, &mut out_a);
                    let end_b = by_bytes(bytes, from, &mut b, &mut out_b);
                    assert_eq!(
                        (end_a, a, &out_a),
                        (end_b, b, &out_b),
                        "{text:?} from {from}"
                    );
                }
            }
        }
        for c in 0..128u8 {
            let x = u64::from_le_bytes([b'a', c, b'b', b'c', b'd', b'e', b'f', c]);
            let want =
                [b'a', c, b'b', b'c', b'd', b'e', b'f', c].map(|b| ASCII_FOLD[usize::from(b)]);
            let plain = c >= 0x20 && c != b'`';
            assert_eq!(
                plain_eight(x, false),
                plain.then(|| u64::from_le_bytes(want)),
                "{c}"
            );
        }
        let two = u64::from_le_bytes(*b"ab  cdef");
        assert_eq!(plain_eight(two, false), None);
        let first = u64::from_le_bytes(*b" abcdefg");
        assert_eq!(plain_eight(first, true), None);
        assert_eq!(plain_eight(first, false), Some(first));
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

    /// The map as one entry per normalized byte, as it was kept before the runs.
    struct Dense(Vec<u8>, Vec<u32>);

    impl Sink for Dense {
        fn push(&mut self, c: char, at: u32) {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                self.0.push(b);
                self.1.push(at);
            }
        }
        fn push_ascii(&mut self, b: u8, at: u32) {
            self.0.push(b);
            self.1.push(at);
        }
        fn bytes(&mut self) -> &mut Vec<u8> {
            &mut self.0
        }
        fn map_run(&mut self, at: u32, count: u32) {
            self.1.extend(at..at + count);
        }
    }

    #[test]
    fn the_runs_map_every_offset_as_a_dense_map_does() {
        let texts = [
            String::new(),
            "a".to_string(),
            "Plain words, one space each.".to_string(),
            "Two  spaces\n\nand a break".to_string(),
            "…at the start, in the middle… and at the end…".to_string(),
            "x…y a… …b ……".to_string(),
            "\u{ad}soft\u{200b}zero İstanbul Ёлка «quoted» — dash".to_string(),
            "  lead and trail  ".to_string(),
            // Every kind of ASCII white space (NUL counts as one), runs of them, and
            // ASCII stretches longer than a chunk of the byte path.
            "a\0b\t\t c\r\n\u{b}d\u{c} \0 `e`".to_string(),
            format!("{}  x{}é", "Long stretch. ".repeat(40), "y".repeat(300)),
            "éé é.é\u{2019}s İİ x\u{feff}\u{feff}y".to_string(),
            // Longer than a directory entry, with runs on both sides of its bounds.
            "Word  é… ".repeat(70),
        ];
        for text in &texts {
            let n = Normalized::new(text);
            let mut dense = Dense(Vec::new(), Vec::new());
            normalize_into(text, &mut dense);
            dense.1.push(text.len() as u32);
            let map = dense.1;
            assert_eq!(n.text.as_bytes(), dense.0.as_slice(), "{text:?}");
            for i in 0..map.len() + 2 {
                assert_eq!(
                    n.original(i),
                    map[i.min(map.len() - 1)] as usize,
                    "{text:?} {i}"
                );
            }
            for o in 0..text.len() + 2 {
                let want = map.partition_point(|m| (*m as usize) < o).min(n.text.len());
                assert_eq!(n.from_original(o), want, "{text:?} from {o}");
            }
            for start in 0..map.len() {
                for end in start..map.len() {
                    let s = map[start] as usize;
                    let e = if end == 0 {
                        s
                    } else {
                        let last = map[end - 1];
                        let mut j = end;
                        while j < map.len() && map[j] == last {
                            j += 1;
                        }
                        map[j.min(map.len() - 1)] as usize
                    };
                    assert_eq!(
                        n.original_span(start, end),
                        crate::text::Span::new(s, e.max(s)),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
        // An ASCII article with single spaces is one run.
        assert_eq!(
            Normalized::new("One run of words and single spaces.")
                .runs
                .len(),
            1
        );
    }

    #[test]
    fn expanding_lowercase_keeps_the_map_aligned() {
        let text = "İstanbul";
        let n = Normalized::new(text);
        let span = n.original_span(0, n.text.len());
        assert_eq!(span.slice(text), text);
    }
}
