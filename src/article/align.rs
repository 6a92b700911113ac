//! Bit-parallel edit distance (Myers 1999, in Hyyrö's block form) over characters, with
//! the two passes a traceback of the best place needs:
//!
//! - [`Pattern::ends`]: for every end position in a text, the smallest edit distance of the
//!   pattern to a substring ending there (the start is free: semi-global search);
//! - [`Pattern::starts_before`]: for a fixed end, the edit distance of the pattern to every
//!   substring ending there (the reversed pattern run backwards, its start anchored).
//!
//! Each pass costs one step per text character and 64 pattern characters. Patterns of up
//! to 256 characters (nearly every quote) keep their state in one machine word, one
//! 128-bit integer or a pair of them, so a step is a few whole-word operations; longer
//! ones go block by block. The distance counts character substitutions, insertions and
//! deletions.

/// One character of a text the passes read: a byte of an all-ASCII text (read in place,
/// no decoding), or a decoded character.
pub(crate) trait Unit: Copy {
    fn char(self) -> char;
    /// Whether the character is a letter or a digit.
    fn word(self) -> bool;
    /// The row of masks of this character in the pattern (row 0: no match).
    fn row(self, pattern: &Pattern) -> usize;
}

impl Unit for char {
    #[inline(always)]
    fn char(self) -> char {
        self
    }

    #[inline(always)]
    fn word(self) -> bool {
        self.is_alphanumeric()
    }

    #[inline(always)]
    fn row(self, pattern: &Pattern) -> usize {
        pattern.row_of(self)
    }
}

impl Unit for u8 {
    #[inline(always)]
    fn char(self) -> char {
        char::from(self)
    }

    #[inline(always)]
    fn word(self) -> bool {
        self.is_ascii_alphanumeric()
    }

    /// (A byte of 128 or more, never passed, matches no character.)
    #[inline(always)]
    fn row(self, pattern: &Pattern) -> usize {
        usize::from(pattern.slots[usize::from(self)])
    }
}

/// A pattern compiled for bit-parallel search, forwards or reversed.
pub(crate) struct Pattern {
    len: usize,
    blocks: usize,
    /// Masks a row: `blocks`, rounded up to 4 from 3 (see [`Word`]).
    stride: usize,
    /// The row of match masks of each byte value: ASCII characters of the pattern have
    /// their own, every other byte the zero row 0. Indexed by a byte without a test.
    slots: [u8; 256],
    /// Rows of `stride` masks each: row 0 is all zero, then one per distinct character.
    rows: Vec<u64>,
    /// The rows of the pattern's characters that are not ASCII.
    other: Vec<(char, usize)>,
}

impl Pattern {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn new(chars: &[char]) -> Pattern {
        Pattern::build(chars, false).0
    }

    /// The pattern of `chars` and the pattern of `chars` reversed, built together: they
    /// share the numbering of the characters, so each character's row is found once, and
    /// the reversed masks are set directly (reversing the bits of every row is a long
    /// sequence of operations on x86).
    pub fn with_reversed(chars: &[char]) -> (Pattern, Pattern) {
        let (forward, backward) = Pattern::build(chars, true);
        (forward, backward.expect("asked for"))
    }

    fn build(chars: &[char], reversed: bool) -> (Pattern, Option<Pattern>) {
        let len = chars.len();
        let blocks = len.div_ceil(64).max(1);
        let stride = if blocks == 3 { 4 } else { blocks };
        let mut slots = [0u8; 256];
        // Row 0, and one row a distinct character (at most one a character): numbered
        // first, so that the rows are allocated (zeroed) at once rather than grown row
        // by row.
        let mut other: Vec<(char, usize)> = Vec::new();
        let mut count = 1usize;
        for &c in chars {
            if c.is_ascii() {
                // At most 128 ASCII rows after the zero row: a byte holds the number.
                let slot = &mut slots[c as usize];
                if *slot == 0 {
                    *slot = count as u8;
                    count += 1;
                }
            } else if !other.iter().any(|(o, _)| *o == c) {
                other.push((c, count));
                count += 1;
            }
        }
        let mut rows = vec![0u64; count * stride];
        let mut back = if reversed {
            vec![0u64; count * stride]
        } else {
            Vec::new()
        };
        let mut pattern = Pattern {
            len,
            blocks,
            stride,
            slots,
            rows: Vec::new(),
            other,
        };
        for (i, &c) in chars.iter().enumerate() {
            let row = pattern.row_of(c) * stride;
            rows[row + i / 64] |= 1u64 << (i % 64);
            if reversed {
                let j = len - 1 - i;
                back[row + j / 64] |= 1u64 << (j % 64);
            }
        }
        pattern.rows = rows;
        let backward = reversed.then(|| Pattern {
            len,
            blocks,
            stride,
            slots: pattern.slots,
            rows: back,
            other: pattern.other.clone(),
        });
        (pattern, backward)
    }

    /// The row of masks of `c` (row 0, all zero, for a character the pattern lacks).
    #[inline]
    fn row_of(&self, c: char) -> usize {
        if c.is_ascii() {
            usize::from(self.slots[c as usize])
        } else {
            self.other
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(0, |&(_, row)| row)
        }
    }

    /// Gives `visit(j, distance at j)` for text positions `j = 0, 1, ...` until it
    /// returns false (the rest of the text is then not read). With `ANCHORED`, the
    /// alignment must start at text position 0 (global in the text's prefix); otherwise it
    /// may start anywhere. A constant, so that the unanchored pass (every window of a
    /// near-miss search) carries no operations for a carry into the top row.
    #[inline(always)]
    fn run_while<U: Unit, const ANCHORED: bool>(
        &self,
        text: impl Iterator<Item = U>,
        visit: impl FnMut(usize, u32) -> bool,
    ) {
        if self.len == 0 {
            return;
        }
        match self.blocks {
            1 => self.run_word::<u64, U, ANCHORED>(text, visit),
            2 => self.run_word::<u128, U, ANCHORED>(text, visit),
            3 | 4 => self.run_word::<Wide, U, ANCHORED>(text, visit),
            _ => self.run_blocks(text, ANCHORED, visit),
        }
    }

    /// [`Pattern::run_while`] with the whole state in one [`Word`].
    #[inline(always)]
    fn run_word<W: Word, U: Unit, const ANCHORED: bool>(
        &self,
        text: impl Iterator<Item = U>,
        mut visit: impl FnMut(usize, u32) -> bool,
    ) {
        let mut score = self.len as u32;
        if !visit(0, score) {
            return;
        }
        // Row 0 is D[0][j]: 0 everywhere when the start is free, j when anchored.
        let hin = i32::from(ANCHORED);
        let last = W::bit(self.len - 1);
        let (mut pv, mut mv) = (W::ONES, W::ZERO);
        for (j, c) in text.enumerate() {
            let eq = W::load(&self.rows, c.row(self));
            score = score.wrapping_add_signed(W::step(&mut pv, &mut mv, eq, hin, last));
            if !visit(j + 1, score) {
                return;
            }
        }
    }

    /// [`Pattern::run_while`] block by block, for patterns of more than 256 characters.
    fn run_blocks<U: Unit>(
        &self,
        text: impl Iterator<Item = U>,
        anchored: bool,
        mut visit: impl FnMut(usize, u32) -> bool,
    ) {
        let mut score = self.len as u32;
        if !visit(0, score) {
            return;
        }
        let hin0 = i32::from(anchored);
        let last_bit = 1u64 << ((self.len - 1) % 64);
        let blocks = self.blocks;
        let mut pv = vec![!0u64; blocks];
        let mut mv = vec![0u64; blocks];
        for (j, c) in text.enumerate() {
            let at = c.row(self) * self.stride;
            let eq = &self.rows[at..at + blocks];
            let mut carry = hin0;
            for b in 0..blocks - 1 {
                // A block's step is a 64-bit word's: the carry leaves its top row.
                carry = u64::step(&mut pv[b], &mut mv[b], eq[b], carry, 1u64 << 63);
            }
            let b = blocks - 1;
            carry = u64::step(&mut pv[b], &mut mv[b], eq[b], carry, last_bit);
            score = score.wrapping_add_signed(carry);
            if !visit(j + 1, score) {
                return;
            }
        }
    }

    /// `out[j]`: the least distance of the pattern to a substring of `text` ending at
    /// character `j` (`j` in `0..=text.len()`; empty for an empty pattern). Gives the
    /// least of `out[1..]` (`u32::MAX` when there is none).
    pub fn ends<U: Unit>(&self, text: &[U], out: &mut Vec<u32>) -> u32 {
        if self.len == 0 {
            out.clear();
            return u32::MAX;
        }
        if self.blocks > 4 {
            out.clear();
            out.reserve(text.len() + 1);
            let mut least = u32::MAX;
            self.run_blocks(text.iter().copied(), false, |j, d| {
                out.push(d);
                if j > 0 {
                    least = least.min(d);
                }
                true
            });
            return least;
        }
        // Every window of a near-miss search: the distances written into their slots,
        // not pushed one by one (the vector's length is then not stored at every step).
        set_len(out, text.len() + 1);
        out[0] = self.len as u32;
        let slots = &mut out[1..];
        match self.blocks {
            1 => self.ends_word::<u64, U>(text, slots),
            2 => self.ends_word::<u128, U>(text, slots),
            _ => self.ends_word::<Wide, U>(text, slots),
        }
    }

    /// [`Pattern::ends`] with the whole state in one [`Word`]: `out[j]` for the end after
    /// `text[j]`; gives the least of them.
    #[inline(always)]
    fn ends_word<W: Word, U: Unit>(&self, text: &[U], out: &mut [u32]) -> u32 {
        let mut score = self.len as u32;
        let mut least = u32::MAX;
        let last = W::bit(self.len - 1);
        let (mut pv, mut mv) = (W::ONES, W::ZERO);
        for (slot, &c) in out.iter_mut().zip(text) {
            let eq = W::load(&self.rows, c.row(self));
            score = score.wrapping_add_signed(W::step(&mut pv, &mut mv, eq, 0, last));
            *slot = score;
            least = least.min(score);
        }
        least
    }

    /// For a pattern built from the reversed characters: `out[k]` is the distance of the
    /// (unreversed) pattern to `text[end - k..end]`.
    pub fn starts_before<U: Unit>(&self, text: &[U], end: usize, out: &mut Vec<u32>) {
        out.clear();
        out.reserve(end + 1);
        self.run_while::<U, true>(text[..end].iter().rev().copied(), |_, d| {
            out.push(d);
            true
        });
    }

    /// [`Pattern::starts_before`] for `k` up to `reach` only (`out[k]` for `k` in
    /// `0..=reach.min(end)`; longer substrings are not scored). Gives the least of
    /// `out[1..]` (`u32::MAX` when there is none).
    pub fn starts_within<U: Unit>(
        &self,
        text: &[U],
        end: usize,
        reach: usize,
        out: &mut Vec<u32>,
    ) -> u32 {
        if self.len == 0 {
            out.clear();
            return u32::MAX;
        }
        let steps = reach.min(end);
        if self.blocks > 4 {
            out.clear();
            out.reserve(steps + 1);
            let mut least = u32::MAX;
            self.starts_before_while(text, end, |k, d| {
                out.push(d);
                if k > 0 {
                    least = least.min(d);
                }
                k < reach
            });
            return least;
        }
        // The distances written into their slots, as in [`Pattern::ends`].
        set_len(out, steps + 1);
        out[0] = self.len as u32;
        let (slots, text) = (&mut out[1..], &text[end - steps..end]);
        match self.blocks {
            1 => self.starts_word::<u64, U>(text, slots),
            2 => self.starts_word::<u128, U>(text, slots),
            _ => self.starts_word::<Wide, U>(text, slots),
        }
    }

    /// [`Pattern::starts_within`] with the whole state in one [`Word`]: `out[k - 1]` for
    /// the last `k` characters of `text` (read from its end); gives the least of them.
    #[inline(always)]
    fn starts_word<W: Word, U: Unit>(&self, text: &[U], out: &mut [u32]) -> u32 {
        let mut score = self.len as u32;
        let mut least = u32::MAX;
        let last = W::bit(self.len - 1);
        let (mut pv, mut mv) = (W::ONES, W::ZERO);
        for (slot, &c) in out.iter_mut().zip(text.iter().rev()) {
            let eq = W::load(&self.rows, c.row(self));
            score = score.wrapping_add_signed(W::step(&mut pv, &mut mv, eq, 1, last));
            *slot = score;
            least = least.min(score);
        }
        least
    }

    /// [`Pattern::starts_before`] one `k` at a time: `visit(k, distance)` until it returns
    /// false (longer substrings are then not scored).
    pub fn starts_before_while<U: Unit>(
        &self,
        text: &[U],
        end: usize,
        visit: impl FnMut(usize, u32) -> bool,
    ) {
        self.run_while::<U, true>(text[..end].iter().rev().copied(), visit);
    }
}

/// `out` made `len` long for a pass that writes every slot: cut when it is longer, grown
/// with zeros only past its length. A vector reused from window to window (its slots
/// holding an earlier pass's distances until this pass writes them) is then not filled
/// with zeros before every pass.
fn set_len(out: &mut Vec<u32>, len: usize) {
    if out.len() >= len {
        out.truncate(len);
    } else {
        out.resize(len, 0);
    }
}

/// The state of a pattern of up to 64 (`u64`), 128 (`u128`) or 256 ([`Wide`]) characters,
/// bit `i` for pattern character `i`.
trait Word: Copy {
    const ONES: Self;
    const ZERO: Self;
    /// The word with bit `i` alone set.
    fn bit(i: usize) -> Self;
    /// Row `row` of a pattern's masks (rows of 1, 2 or 4 masks).
    fn load(rows: &[u64], row: usize) -> Self;
    /// One column step over the whole pattern: `hin` enters the top row (-1, 0 or +1);
    /// gives the difference leaving the row of bit `last` (the pattern's last character).
    fn step(pv: &mut Self, mv: &mut Self, eq: Self, hin: i32, last: Self) -> i32;
}

/// The step of one word, for the integer types.
macro_rules! word_step {
    ($t:ty, $load:expr) => {
        impl Word for $t {
            const ONES: Self = !0;
            const ZERO: Self = 0;

            #[inline(always)]
            fn bit(i: usize) -> Self {
                1 << i
            }

            #[inline(always)]
            fn load(rows: &[u64], row: usize) -> Self {
                $load(rows, row)
            }

            #[inline(always)]
            fn step(pv: &mut Self, mv: &mut Self, eq: Self, hin: i32, last: Self) -> i32 {
                let (neg, pos) = (<$t>::from(hin < 0), <$t>::from(hin > 0));
                let xv = eq | *mv;
                let eq = eq | neg;
                let xh = (((eq & *pv).wrapping_add(*pv)) ^ *pv) | eq;
                let ph = *mv | !(xh | *pv);
                let mh = *pv & xh;
                let hout = i32::from(ph & last != 0) - i32::from(mh & last != 0);
                let ph = (ph << 1) | pos;
                let mh = (mh << 1) | neg;
                *pv = mh | !(xv | ph);
                *mv = ph & xv;
                hout
            }
        }
    };
}
word_step!(u64, |rows: &[u64], row: usize| rows[row]);
word_step!(u128, |rows: &[u64], row: usize| {
    u128::from(rows[2 * row]) | u128::from(rows[2 * row + 1]) << 64
});

/// 256 bits as two 128-bit halves (`.0` the low one), for patterns of 129 to 256
/// characters.
#[derive(Clone, Copy)]
struct Wide(u128, u128);

impl Word for Wide {
    const ONES: Self = Wide(!0, !0);
    const ZERO: Self = Wide(0, 0);

    #[inline(always)]
    fn bit(i: usize) -> Self {
        if i < 128 {
            Wide(1 << i, 0)
        } else {
            Wide(0, 1 << (i - 128))
        }
    }

    #[inline(always)]
    fn load(rows: &[u64], row: usize) -> Self {
        let r = &rows[4 * row..4 * row + 4];
        let half = |a: u64, b: u64| u128::from(a) | u128::from(b) << 64;
        Wide(half(r[0], r[1]), half(r[2], r[3]))
    }

    #[inline(always)]
    fn step(pv: &mut Self, mv: &mut Self, eq: Self, hin: i32, last: Self) -> i32 {
        // The operations of `word_step`, the carries of the addition and of the shifts
        // passed from the low half to the high one.
        let (neg, pos) = (u128::from(hin < 0), u128::from(hin > 0));
        let (Wide(pv0, pv1), Wide(mv0, mv1)) = (*pv, *mv);
        let (xv0, xv1) = (eq.0 | mv0, eq.1 | mv1);
        let (eq0, eq1) = (eq.0 | neg, eq.1);
        let (sum0, carry) = (eq0 & pv0).overflowing_add(pv0);
        let sum1 = (eq1 & pv1)
            .wrapping_add(pv1)
            .wrapping_add(u128::from(carry));
        let (xh0, xh1) = ((sum0 ^ pv0) | eq0, (sum1 ^ pv1) | eq1);
        let (ph0, ph1) = (mv0 | !(xh0 | pv0), mv1 | !(xh1 | pv1));
        let (mh0, mh1) = (pv0 & xh0, pv1 & xh1);
        // A pattern of this word has more than 128 characters: its last is in the high half.
        debug_assert_eq!(last.0, 0);
        let hout = i32::from(ph1 & last.1 != 0) - i32::from(mh1 & last.1 != 0);
        let (ph1, ph0) = ((ph1 << 1) | (ph0 >> 127), (ph0 << 1) | pos);
        let (mh1, mh0) = ((mh1 << 1) | (mh0 >> 127), (mh0 << 1) | neg);
        *pv = Wide(mh0 | !(xv0 | ph0), mh1 | !(xv1 | ph1));
        *mv = Wide(ph0 & xv0, ph1 & xv1);
        hout
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook dynamic programme, for comparison.
    fn naive(p: &[char], t: &[char], anchored: bool) -> Vec<u32> {
        let m = p.len();
        let mut col: Vec<u32> = (0..=m as u32).collect();
        let mut out = vec![col[m]];
        for (j, &c) in t.iter().enumerate() {
            let mut prev_diag = col[0];
            col[0] = if anchored { j as u32 + 1 } else { 0 };
            for i in 1..=m {
                let old = col[i];
                col[i] = (prev_diag + u32::from(p[i - 1] != c))
                    .min(col[i - 1] + 1)
                    .min(old + 1);
                prev_diag = old;
            }
            out.push(col[m]);
        }
        out
    }

    #[test]
    fn a_reused_vector_holds_only_this_pass_distances() {
        let p: Vec<char> = "recruited fighters".chars().collect();
        let t: Vec<char> = "the militants were recruted, fighters said"
            .chars()
            .collect();
        let (forward, backward) = Pattern::with_reversed(&p);
        // Longer, shorter and empty vectors of stale values, reused as a search reuses its
        // scratch vector from window to window.
        for stale in [vec![7u32; 100], vec![9u32; 3], Vec::new()] {
            let mut out = stale.clone();
            forward.ends(&t, &mut out);
            assert_eq!(out, naive(&p, &t, false));
            let mut out = stale;
            let end = 27;
            backward.starts_within(&t, end, 12, &mut out);
            let rev: Vec<char> = t[..end].iter().rev().copied().collect();
            let rp: Vec<char> = p.iter().rev().copied().collect();
            assert_eq!(out, naive(&rp, &rev, true)[..=12].to_vec());
        }
    }

    #[test]
    fn agrees_with_the_dynamic_programme() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet = ['a', 'b', 'c', ' ', 'é', 'ж'];
        let mut out = Vec::new();
        for round in 0..300 {
            let m = 1 + next(150) as usize;
            let n = next(200) as usize;
            let p: Vec<char> = (0..m).map(|_| alphabet[next(6) as usize]).collect();
            // Every other text is ASCII, which the passes also read as bytes.
            let letters = if round % 2 == 0 { 4 } else { 6 };
            let t: Vec<char> = (0..n).map(|_| alphabet[next(letters) as usize]).collect();
            Pattern::new(&p).ends(&t, &mut out);
            assert_eq!(out, naive(&p, &t, false), "{m} {n}");
            // An ASCII text read as bytes gives the same distances.
            let bytes: Vec<u8> = t.iter().map(|&c| c as u8).collect();
            let ascii = t.iter().all(char::is_ascii);
            let mut from_bytes = Vec::new();
            if ascii {
                Pattern::new(&p).ends(&bytes, &mut from_bytes);
                assert_eq!(from_bytes, out, "bytes {m} {n}");
            }
            let rev: Vec<char> = p.iter().rev().copied().collect();
            // The reversed pattern built beside the pattern gives the pattern of the
            // reversed characters, and the pattern beside it is the pattern alone.
            let (alone, (same, flipped)) = (Pattern::new(&p), Pattern::with_reversed(&p));
            let built = Pattern::new(&rev);
            let masks = |q: &Pattern, c: char| {
                let at = q.row_of(c) * q.stride;
                q.rows[at..at + q.blocks].to_vec()
            };
            for c in alphabet.iter().copied().chain(['z', 'ü']) {
                assert_eq!(masks(&built, c), masks(&flipped, c), "{c:?} {m}");
                assert_eq!(masks(&alone, c), masks(&same, c), "{c:?} {m}");
            }
            let end = next(n as u64 + 1) as usize;
            Pattern::new(&rev).starts_before(&t, end, &mut out);
            if ascii {
                Pattern::new(&rev).starts_before(&bytes, end, &mut from_bytes);
                assert_eq!(from_bytes, out, "bytes backwards {m} {n}");
            }
            let mut seen = Vec::new();
            let stop = next(end as u64 + 2) as usize;
            Pattern::new(&rev).starts_before_while(&t, end, |k, d| {
                seen.push(d);
                k < stop
            });
            assert_eq!(seen, out[..seen.len()]);
            let mut within = Vec::new();
            let least = Pattern::new(&rev).starts_within(&t, end, stop, &mut within);
            assert_eq!(within, seen, "within {m} {end} {stop}");
            assert_eq!(least, seen[1..].iter().copied().min().unwrap_or(u32::MAX));
            assert_eq!(seen.len(), (stop + 1).min(end + 1));
            let back: Vec<char> = t[..end].iter().rev().copied().collect();
            assert_eq!(out, naive(&rev, &back, true));
            for (k, d) in out.iter().enumerate() {
                let sub = &t[end - k..end];
                assert_eq!(*d, naive(&p, sub, true)[sub.len()]);
            }
        }
    }
}
