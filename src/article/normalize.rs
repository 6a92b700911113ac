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
    // A chunk at a time: the output grows by the chunk, then each byte kept is written to
    // its place (the stretch keeps every byte it reads), and what was not kept is cut.
    while k < bytes.len() {
        let chunk = &bytes[k..bytes.len().min(k + 256)];
        let base = out.len();
        out.resize(base + chunk.len(), 0);
        let mut kept = chunk.len();
        for (j, (&b, slot)) in chunk.iter().zip(&mut out[base..]).enumerate() {
            let folded = ASCII_FOLD[usize::from(b)];
            if folded | space == space {
                kept = j;
                break;
            }
            space = if folded == b' ' { b' ' } else { 0 };
            *slot = folded;
        }
        out.truncate(base + kept);
        k += kept;
        if kept < chunk.len() {
            break;
        }
    }
    *in_space = space != 0;
    k
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
