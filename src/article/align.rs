//! Bit-parallel edit distance (Myers 1999, in Hyyrö's block form) over characters, with
//! the two passes a traceback of the best place needs:
//!
//! - [`Pattern::ends`]: for every end position in a text, the smallest edit distance of the
//!   pattern to a substring ending there (the start is free: semi-global search);
//! - [`Pattern::starts_before`]: for a fixed end, the edit distance of the pattern to every
//!   substring ending there (the reversed pattern run backwards, its start anchored).
//!
//! Each pass costs one step per text character and 64 pattern characters. The
//! distance counts character substitutions, insertions and deletions.

/// A pattern compiled for bit-parallel search, forwards or reversed.
pub(crate) struct Pattern {
    len: usize,
    blocks: usize,
    /// Match masks of the ASCII characters: `ascii[c * blocks + b]`.
    ascii: Vec<u64>,
    /// Match masks of the other characters of the pattern.
    other: Vec<(char, Vec<u64>)>,
    /// The masks of a character the pattern does not hold.
    zero: Vec<u64>,
}

impl Pattern {
    pub fn new(chars: &[char]) -> Pattern {
        let len = chars.len();
        let blocks = len.div_ceil(64).max(1);
        let mut ascii = vec![0u64; 128 * blocks];
        let mut other: Vec<(char, Vec<u64>)> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let (b, bit) = (i / 64, 1u64 << (i % 64));
            if c.is_ascii() {
                ascii[c as usize * blocks + b] |= bit;
            } else if let Some(slot) = other.iter_mut().find(|(o, _)| *o == c) {
                slot.1[b] |= bit;
            } else {
                let mut masks = vec![0u64; blocks];
                masks[b] |= bit;
                other.push((c, masks));
            }
        }
        Pattern {
            len,
            blocks,
            ascii,
            other,
            zero: vec![0; blocks],
        }
    }

    /// The match masks of `c`, one per block (all zero for a character the pattern lacks).
    #[inline]
    fn masks(&self, c: char) -> &[u64] {
        if c.is_ascii() {
            let at = c as usize * self.blocks;
            &self.ascii[at..at + self.blocks]
        } else {
            self.other
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(&self.zero[..], |(_, m)| m.as_slice())
        }
    }

    /// Runs the pattern over `text`; `out[j]` is the distance at text position `j`
    /// (`0..=text.len()`). With `anchored`, the alignment must start at text position 0
    /// (global in the text's prefix); otherwise it may start anywhere.
    fn run(&self, text: impl ExactSizeIterator<Item = char>, anchored: bool, out: &mut Vec<u32>) {
        out.clear();
        if self.len == 0 {
            return;
        }
        out.reserve(text.len() + 1);
        self.run_while(text, anchored, |_, d| {
            out.push(d);
            true
        });
    }

    /// Like [`Pattern::run`], giving `visit(j, distance at j)` for `j = 0, 1, ...` until
    /// it returns false (the rest of the text is then not read).
    fn run_while(
        &self,
        text: impl Iterator<Item = char>,
        anchored: bool,
        mut visit: impl FnMut(usize, u32) -> bool,
    ) {
        if self.len == 0 {
            return;
        }
        let mut score = self.len as u32;
        if !visit(0, score) {
            return;
        }
        // Row 0 is D[0][j]: 0 everywhere when the start is free, j when anchored.
        let hin0 = i32::from(anchored);
        let last_bit = 1u64 << ((self.len - 1) % 64);
        if self.blocks == 1 {
            // Patterns of up to 64 characters (most quotes): one word of state.
            let (mut pv, mut mv) = (!0u64, 0u64);
            for (j, c) in text.enumerate() {
                let carry = step(&mut pv, &mut mv, self.masks(c)[0], hin0, last_bit);
                score = score.wrapping_add_signed(carry);
                if !visit(j + 1, score) {
                    return;
                }
            }
            return;
        }
        let blocks = self.blocks;
        let mut pv = vec![!0u64; blocks];
        let mut mv = vec![0u64; blocks];
        for (j, c) in text.enumerate() {
            let eq = self.masks(c);
            let mut carry = hin0;
            for b in 0..blocks - 1 {
                carry = step(&mut pv[b], &mut mv[b], eq[b], carry, 1u64 << 63);
            }
            let b = blocks - 1;
            carry = step(&mut pv[b], &mut mv[b], eq[b], carry, last_bit);
            score = score.wrapping_add_signed(carry);
            if !visit(j + 1, score) {
                return;
            }
        }
    }

    /// `out[j]`: the least distance of the pattern to a substring of `text` ending at
    /// character `j`.
    pub fn ends(&self, text: &[char], out: &mut Vec<u32>) {
        self.run(text.iter().copied(), false, out);
    }

    /// For a pattern built from the reversed characters: `out[k]` is the distance of the
    /// (unreversed) pattern to `text[end - k..end]`.
    pub fn starts_before(&self, text: &[char], end: usize, out: &mut Vec<u32>) {
        self.run(text[..end].iter().rev().copied(), true, out);
    }

    /// [`Pattern::starts_before`] one `k` at a time: `visit(k, distance)` until it returns
    /// false (longer substrings are then not scored).
    pub fn starts_before_while(
        &self,
        text: &[char],
        end: usize,
        visit: impl FnMut(usize, u32) -> bool,
    ) {
        self.run_while(text[..end].iter().rev().copied(), true, visit);
    }
}

/// One column step of one 64-row block; `hin` is the horizontal difference entering the
/// block's top row, the result the one leaving its last row.
#[inline(always)]
fn step(pv: &mut u64, mv: &mut u64, eq: u64, hin: i32, high: u64) -> i32 {
    // Branch-free: the carries in and out are -1, 0 or +1.
    let (neg, pos) = (u64::from(hin < 0), u64::from(hin > 0));
    let xv = eq | *mv;
    let eq = eq | neg;
    let xh = (((eq & *pv).wrapping_add(*pv)) ^ *pv) | eq;
    let ph = *mv | !(xh | *pv);
    let mh = *pv & xh;
    let hout = i32::from(ph & high != 0) - i32::from(mh & high != 0);
    let ph = (ph << 1) | pos;
    let mh = (mh << 1) | neg;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    hout
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
        for _ in 0..300 {
            let m = 1 + next(150) as usize;
            let n = next(200) as usize;
            let p: Vec<char> = (0..m).map(|_| alphabet[next(6) as usize]).collect();
            let t: Vec<char> = (0..n).map(|_| alphabet[next(6) as usize]).collect();
            Pattern::new(&p).ends(&t, &mut out);
            assert_eq!(out, naive(&p, &t, false), "{m} {n}");
            let rev: Vec<char> = p.iter().rev().copied().collect();
            let end = next(n as u64 + 1) as usize;
            Pattern::new(&rev).starts_before(&t, end, &mut out);
            let mut seen = Vec::new();
            let stop = next(end as u64 + 2) as usize;
            Pattern::new(&rev).starts_before_while(&t, end, |k, d| {
                seen.push(d);
                k < stop
            });
            assert_eq!(seen, out[..seen.len()]);
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
