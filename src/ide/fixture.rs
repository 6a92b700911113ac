//! The seed example, shared by the unit tests of this module.

use crate::article::Article;
use crate::check::Parsed;

pub(crate) const ARTICLE: &str = include_str!("../../examples/000_a935861ad7be96ce.txt");
pub(crate) const CLAIMS: &str = include_str!("../../examples/000_a935861ad7be96ce.claims");

pub(crate) fn parsed() -> Parsed {
    Parsed::new(CLAIMS)
}

pub(crate) fn article() -> Article {
    Article::new(ARTICLE)
}

/// Byte offset `k` bytes into the first occurrence of `needle` in the annotation.
pub(crate) fn at(p: &Parsed, needle: &str, k: usize) -> usize {
    p.text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))
        + k
}

/// A deterministic pseudo-random source (xorshift64) for generated test inputs: each call
/// gives a number below its argument.
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}
