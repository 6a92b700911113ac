//! Finding a quote in the article: exact, then normalized, then approximate.
//!
//! Exact and normalized matches are found through the word index: the rarest interior word
//! of the quote gives the candidate positions, each verified by one comparison. A quote
//! with no such match is looked for approximately: quote words vote for alignments
//! (diagonals), and only the best few windows are scored with a semi-global edit distance,
//! so the cost stays proportional to the quote, not to the article.

use super::normalize::normalize_str;
use super::{tokenize, Article, Token};
use crate::text::Span;
use rustc_hash::FxHashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchLevel {
    Exact,
    /// Equal after normalizing case, quotes, dashes and whitespace.
    Normalized,
    /// Close: `distance` character edits after normalizing.
    NearMiss {
        distance: u32,
    },
}

/// Where one part of a quote (the text between elisions) is in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartMatch {
    /// The part's byte range in the quote text.
    pub quote: Span,
    /// Its place in the article (original offsets).
    pub article: Span,
    pub level: MatchLevel,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteSearch {
    Found {
        parts: Vec<PartMatch>,
        /// How many places in the article hold the whole quote (1 unless ambiguous).
        occurrences: usize,
    },
    NotFound {
        /// Index of the part that could not be placed (0 for a quote without elisions).
        failed_part: usize,
        /// The closest article text to that part, with its edit distance, when any is
        /// reasonably close.
        closest: Option<(Span, u32)>,
    },
}

impl QuoteSearch {
    /// The worst level among the parts.
    pub fn level(&self) -> Option<MatchLevel> {
        match self {
            QuoteSearch::Found { parts, .. } => parts.iter().map(|p| p.level).max(),
            QuoteSearch::NotFound { .. } => None,
        }
    }

    /// The article span from the first part's start to the last part's end.
    pub fn article_span(&self) -> Option<Span> {
        match self {
            QuoteSearch::Found { parts, .. } => {
                Some(parts.first()?.article.cover(parts.last()?.article))
            }
            QuoteSearch::NotFound { .. } => None,
        }
    }
}

/// Quotes longer than this (in characters) are not searched approximately: the edit
/// distance is quadratic, and a near miss in a long quote is reported per part anyway.
const MAX_APPROX_CHARS: usize = 2000;
/// Words that occur more often than this do not vote for alignments (they are stop words).
const MAX_VOTING_POSTINGS: usize = 4000;
/// At most this many first-part positions are tried when chaining elided parts.
const MAX_CHAIN_STARTS: usize = 64;

/// The parts of a quote between elisions (`...` or `…`), trimmed, as spans of `quote`.
pub fn split_elisions(quote: &str) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut push = |s: usize, e: usize| {
        let piece = &quote[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        if !t.is_empty() {
            parts.push(Span::new(s + lead, s + lead + t.len()));
        }
    };
    let mut i = 0;
    // Jump from one possible marker to the next instead of testing every position.
    while let Some(found) = quote[i..].find(['.', '\u{2026}', '[', '(']) {
        i += found;
        let rest = &quote[i..];
        // "[...]" and "[…]" are elisions too; the brackets go with them.
        if let Some(len) = ["[...]", "[\u{2026}]", "(...)", "(\u{2026})"]
            .iter()
            .find(|m| rest.starts_with(**m))
            .map(|m| m.len())
        {
            push(start, i);
            i += len;
            start = i;
        } else if rest.starts_with("...") {
            push(start, i);
            i += rest.len() - rest.trim_start_matches('.').len();
            start = i;
        } else if rest.starts_with('\u{2026}') {
            push(start, i);
            i += '\u{2026}'.len_utf8();
            start = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    push(start, quote.len());
    parts
}

impl Article {
    /// Looks `quote` up. Parts separated by elisions must appear in order within one
    /// paragraph.
    pub fn find_quote(&self, quote: &str) -> QuoteSearch {
        let parts = split_elisions(quote);
        let Some(first) = parts.first() else {
            return QuoteSearch::NotFound {
                failed_part: 0,
                closest: None,
            };
        };
        let whole = 0..self.norm.text.len();
        let first_text = first.slice(quote);
        let mut starts: Vec<PartMatch> = self
            .normalized_hits(first_text, whole.clone())
            .into_iter()
            .map(|(s, e)| self.part_match(*first, first_text, s, e))
            .collect();
        // A headline usually repeats the lede: count header matches only when the body has none.
        if starts.iter().any(|m| !self.in_header(m.article.start)) {
            starts.retain(|m| !self.in_header(m.article.start));
        }
        if starts.is_empty() {
            match self.near_miss(first_text, whole.clone()) {
                Some((s, e, d)) if accept(first_text, d) => {
                    let article = self.norm.original_span(s, e);
                    starts.push(PartMatch {
                        quote: *first,
                        article,
                        level: MatchLevel::NearMiss { distance: d },
                    });
                }
                near => {
                    return QuoteSearch::NotFound {
                        failed_part: 0,
                        closest: near
                            .filter(|n| close_enough(first_text, n.2))
                            .map(|(s, e, d)| (self.norm.original_span(s, e), d)),
                    }
                }
            }
        }
        // A common first part ("the minister said ...") may occur hundreds of times: only
        // paragraphs that also hold the rarest later part can hold the whole quote.
        if parts.len() > 1 && starts.len() > 1 {
            let rarest = parts[1..]
                .iter()
                .map(|p| self.normalized_hits(p.slice(quote), whole.clone()))
                .filter(|hits| !hits.is_empty())
                .min_by_key(Vec::len);
            if let Some(hits) = rarest {
                let paragraphs: Vec<Option<usize>> = hits
                    .iter()
                    .map(|&(s, _)| self.paragraph_of(self.norm.original(s)))
                    .collect();
                starts.retain(|m| paragraphs.contains(&self.paragraph_of(m.article.start)));
            }
        }
        let mut chains = Vec::new();
        let mut failed_part = None;
        for start in starts.into_iter().take(MAX_CHAIN_STARTS) {
            match self.chain(quote, &parts, start) {
                Ok(chain) => chains.push(chain),
                Err(i) => {
                    failed_part.get_or_insert(i);
                }
            }
        }
        let occurrences = chains.len();
        // Prefer the best-matching chain, then the earliest.
        match chains
            .into_iter()
            .min_by_key(|c| c.iter().map(|p| p.level).max())
        {
            Some(parts) => QuoteSearch::Found { parts, occurrences },
            None => {
                // The closest text for the part that failed, looked for once.
                let i = failed_part.unwrap_or(0);
                let text = parts.get(i).map_or("", |p| p.slice(quote));
                let closest = self
                    .near_miss(text, whole)
                    .filter(|n| close_enough(text, n.2))
                    .map(|(s, e, d)| (self.norm.original_span(s, e), d));
                QuoteSearch::NotFound {
                    failed_part: i,
                    closest,
                }
            }
        }
    }

    /// Places the parts after the first, in order, within the first part's paragraph; on
    /// failure, the index of the part that could not be placed.
    fn chain(
        &self,
        quote: &str,
        parts: &[Span],
        first: PartMatch,
    ) -> Result<Vec<PartMatch>, usize> {
        let para_end = self
            .paragraph_of(first.article.start)
            .filter(|_| !self.in_header(first.article.start))
            .map_or_else(
                || self.header_line.map_or(self.text.len(), |h| h.end),
                |p| self.paragraphs[p].end,
            );
        let limit = self.norm.from_original(para_end);
        let mut out = vec![first];
        for (i, part) in parts.iter().enumerate().skip(1) {
            let from = self
                .norm
                .from_original(out.last().expect("non-empty").article.end);
            let text = part.slice(quote);
            let range = from..limit.max(from);
            if let Some(&(s, e)) = self.normalized_hits(text, range.clone()).first() {
                out.push(self.part_match(*part, text, s, e));
                continue;
            }
            match self.near_miss(text, range) {
                Some((s, e, d)) if accept(text, d) => out.push(PartMatch {
                    quote: *part,
                    article: self.norm.original_span(s, e),
                    level: MatchLevel::NearMiss { distance: d },
                }),
                _ => return Err(i),
            }
        }
        Ok(out)
    }

    fn part_match(&self, quote: Span, text: &str, s: usize, e: usize) -> PartMatch {
        let article = self.norm.original_span(s, e);
        // A value cannot hold a line break and an article paragraph may be hard-wrapped, so
        // whitespace runs count as equal for exactness too.
        let level =
            if article.slice(&self.text) == text || same_words(article.slice(&self.text), text) {
                MatchLevel::Exact
            } else {
                MatchLevel::Normalized
            };
        PartMatch {
            quote,
            article,
            level,
        }
    }

    /// Normalized-view ranges within `range` equal to the normalized `part`, in order.
    pub(crate) fn normalized_hits(
        &self,
        part: &str,
        range: std::ops::Range<usize>,
    ) -> Vec<(usize, usize)> {
        let needle = normalize_str(part);
        if needle.is_empty() || range.end <= range.start {
            return Vec::new();
        }
        let hay = &self.norm.text;
        let toks = tokenize(&needle);
        let mut hits = Vec::new();
        if toks.len() < 3 {
            // Too few interior words to anchor on: the first and last may be cut mid-word.
            let window = &hay.as_bytes()[range.start..range.end.min(hay.len())];
            for at in memchr::memmem::find_iter(window, needle.as_bytes()) {
                let (s, e) = (range.start + at, range.start + at + needle.len());
                if self.is_text_span(self.norm.original_span(s, e)) {
                    hits.push((s, e));
                }
            }
            return hits;
        }
        let word = |k: usize| &needle[toks[k].start as usize..toks[k].end as usize];
        // Anchor on the rarest pair of adjacent interior words when there is one (a
        // word's occurrences grow with the article, a pair's far less), else on the one
        // interior word. Either way every position is verified below.
        let (anchor, positions): (usize, Box<dyn Iterator<Item = u32>>) = if toks.len() >= 4 {
            let k = (1..toks.len() - 2)
                .min_by_key(|&k| self.pair_count(word(k), word(k + 1)))
                .expect("at least four tokens");
            (k, Box::new(self.pair_postings(word(k), word(k + 1))))
        } else {
            (1, Box::new(self.postings(word(1)).iter().copied()))
        };
        let offset = toks[anchor].start as usize;
        for p in positions {
            let Some(s) = (self.tokens[p as usize].start as usize).checked_sub(offset) else {
                continue;
            };
            let e = s + needle.len();
            if s < range.start || e > range.end || e > hay.len() {
                continue;
            }
            if hay.as_bytes()[s..e] == *needle.as_bytes()
                && self.is_text_span(self.norm.original_span(s, e))
            {
                hits.push((s, e));
            }
        }
        hits
    }

    /// The best approximate place of `part` within `range` of the normalized view:
    /// `(start, end, edit distance)`.
    pub(crate) fn near_miss(
        &self,
        part: &str,
        range: std::ops::Range<usize>,
    ) -> Option<(usize, usize, u32)> {
        let needle = normalize_str(part);
        let pattern: Vec<char> = needle.chars().collect();
        if pattern.is_empty() || pattern.len() > MAX_APPROX_CHARS || range.end <= range.start {
            return None;
        }
        let toks: Vec<Token> = tokenize(&needle);
        let mut votes: FxHashMap<i64, u32> = FxHashMap::default();
        for t in &toks {
            let list = self.postings(&needle[t.start as usize..t.end as usize]);
            if list.len() > MAX_VOTING_POSTINGS {
                continue;
            }
            for &p in list {
                let diag = self.tokens[p as usize].start as i64 - t.start as i64;
                if diag + (needle.len() as i64) < range.start as i64 || diag > range.end as i64 {
                    continue;
                }
                *votes.entry(diag.div_euclid(16)).or_default() += 1;
            }
        }
        let need = ((toks.len() * 3).div_ceil(10)).max(1) as u32;
        let mut buckets: Vec<(i64, u32)> = votes.into_iter().filter(|(_, v)| *v >= need).collect();
        buckets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let slack = (needle.len() / 4 + 16) as i64;
        let mut best: Option<(usize, usize, u32)> = None;
        let mut scored: Vec<(usize, usize)> = Vec::new();
        for (bucket, _) in buckets.into_iter().take(6) {
            let lo = (bucket * 16 - slack).max(range.start as i64) as usize;
            let hi = ((bucket * 16 + 16 + needle.len() as i64 + slack) as usize)
                .min(range.end)
                .min(self.norm.text.len());
            // A quote never spans a paragraph break: score only within the block of text
            // the alignment falls in.
            // The block around the middle of the alignment: its start may round down into
            // the paragraph before.
            let center = (bucket.max(0) as usize * 16 + needle.len() / 2).min(self.norm.text.len());
            let (lo, hi) = match self.text_block(self.norm.original(center)) {
                Some(block) => (
                    lo.max(self.norm.from_original(block.start)),
                    hi.min(self.norm.from_original(block.end)),
                ),
                None => (lo, hi),
            };
            let lo = crate::text::floor_char_boundary(&self.norm.text, lo);
            let hi = crate::text::floor_char_boundary(&self.norm.text, hi);
            if hi <= lo || scored.iter().any(|&(a, b)| a <= lo && hi <= b) {
                continue;
            }
            scored.push((lo, hi));
            if let Some((d, s, e)) = semi_global(&pattern, &self.norm.text[lo..hi]) {
                if best.is_none_or(|b| d < b.2) {
                    best = Some((lo + s, lo + e, d));
                }
            }
        }
        best
    }
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// A near miss is accepted when at most a fifth of the characters differ (at least one).
fn accept(part: &str, distance: u32) -> bool {
    distance as usize <= (normalize_str(part).chars().count() / 5).max(1)
}

/// Close enough to be shown as "the closest text" when not accepted as a near miss.
fn close_enough(part: &str, distance: u32) -> bool {
    distance as usize <= part.chars().count() / 2
}

/// Semi-global edit distance (Sellers): the substring of `text` closest to `pattern`.
/// Returns `(distance, start byte, end byte)` within `text`.
fn semi_global(pattern: &[char], text: &str) -> Option<(u32, usize, usize)> {
    let m = pattern.len();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |j: usize| chars.get(j).map_or(text.len(), |c| c.0);
    let mut cost: Vec<u32> = (0..=m as u32).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut best: Option<(u32, usize, usize)> = None;
    for (j, &(_, tc)) in chars.iter().enumerate() {
        let mut diag_cost = cost[0];
        let mut diag_start = start[0];
        cost[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let (old_cost, old_start) = (cost[i], start[i]);
            let sub = diag_cost + u32::from(pattern[i - 1] != tc);
            let del = cost[i - 1] + 1;
            let ins = old_cost + 1;
            let (c, s) = if sub <= del && sub <= ins {
                (sub, diag_start)
            } else if del <= ins {
                (del, start[i - 1])
            } else {
                (ins, old_start)
            };
            cost[i] = c;
            start[i] = s;
            diag_cost = old_cost;
            diag_start = old_start;
        }
        if best.is_none_or(|b| cost[m] < b.0) {
            best = Some((cost[m], start[m], j + 1));
        }
    }
    best.map(|(d, s, e)| (d, byte_at(s), byte_at(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = " date 2020-10-02 Mercenaries are recruited, CNN reported\n\nMercenaries are recruited, CNN reported citing a Syrian national.\n\nOn Wednesday, the Russian Foreign Ministry said in a statement that Moscow was concerned over reports about the transfer of militants.\n\nThe names \u{201c}are now being registered and collected.\u{201d} He said they were paid. He said they were paid.\n";

    fn article() -> Article {
        Article::new(TEXT)
    }

    fn found(q: &str) -> (MatchLevel, Vec<&'static str>, usize) {
        match article().find_quote(q) {
            QuoteSearch::Found { parts, occurrences } => (
                parts.iter().map(|p| p.level).max().unwrap(),
                parts.iter().map(|p| p.article.slice(TEXT)).collect(),
                occurrences,
            ),
            nf => panic!("{q:?} not found: {nf:?}"),
        }
    }

    #[test]
    fn exact_prefers_body_over_headline() {
        let (level, spans, occ) = found("Mercenaries are recruited, CNN reported");
        assert_eq!(level, MatchLevel::Exact);
        assert_eq!(occ, 1);
        let a = article();
        let QuoteSearch::Found { parts, .. } = a.find_quote("Mercenaries are recruited") else {
            panic!()
        };
        assert!(!a.in_header(parts[0].article.start));
        assert_eq!(spans, ["Mercenaries are recruited, CNN reported"]);
    }

    #[test]
    fn normalized_quotes_and_case() {
        let (level, spans, _) = found("names \"are now being registered and collected.\"");
        assert_eq!(level, MatchLevel::Normalized);
        assert_eq!(
            spans,
            ["names \u{201c}are now being registered and collected.\u{201d}"]
        );
        assert_eq!(
            found("moscow was  concerned over reports").0,
            MatchLevel::Normalized
        );
    }

    #[test]
    fn elisions_within_one_paragraph() {
        let (level, spans, _) = found("Moscow was concerned ... the transfer of militants");
        assert_eq!(level, MatchLevel::Exact);
        assert_eq!(spans, ["Moscow was concerned", "the transfer of militants"]);
        assert!(matches!(
            article().find_quote("Moscow was concerned … citing a Syrian national"),
            QuoteSearch::NotFound { failed_part: 1, .. }
        ));
    }

    #[test]
    fn near_miss_typo_and_dropped_word() {
        let (level, spans, _) = found("Moscow was concernd over reports about the transfer");
        assert_eq!(level, MatchLevel::NearMiss { distance: 1 });
        assert_eq!(
            spans,
            ["Moscow was concerned over reports about the transfer"]
        );
        let (level, spans, _) = found("Moscow was concerned over about the transfer of militants");
        assert!(matches!(level, MatchLevel::NearMiss { .. }));
        assert_eq!(
            spans,
            ["Moscow was concerned over reports about the transfer of militants"]
        );
    }

    #[test]
    fn not_found_and_ambiguous() {
        assert!(matches!(
            article().find_quote("Aliens have landed in the capital city today"),
            QuoteSearch::NotFound { closest: None, .. }
        ));
        assert_eq!(found("He said they were paid.").2, 2);
        assert!(matches!(
            article().find_quote("  ...  "),
            QuoteSearch::NotFound { .. }
        ));
    }

    #[test]
    fn typo_at_a_paragraph_start_is_a_near_miss() {
        let (level, spans, _) = found("Mercenaries are recruitd, CNN reported citing");
        assert!(matches!(level, MatchLevel::NearMiss { .. }));
        assert_eq!(spans, ["Mercenaries are recruited, CNN reported citing"]);
    }

    #[test]
    fn a_common_first_part_does_not_hide_the_paragraph_that_holds_the_quote() {
        let mut text = String::from("Headline\n\n");
        for i in 0..100 {
            text.push_str(&format!("The minister said that item {i} was fine.\n\n"));
        }
        text.push_str("The minister said that the budget of 2005 was cut.\n");
        let a = Article::new(text.as_str());
        let QuoteSearch::Found { parts, occurrences } =
            a.find_quote("The minister said that ... budget of 2005 was cut")
        else {
            panic!("not found")
        };
        assert_eq!(occurrences, 1);
        assert_eq!(parts[1].article.slice(&text), "budget of 2005 was cut");
    }

    #[test]
    fn split_elisions_variants() {
        let q = "a b ... c d \u{2026} e....f [...] g [\u{2026}] h";
        let parts: Vec<_> = split_elisions(q).into_iter().map(|s| s.slice(q)).collect();
        assert_eq!(parts, ["a b", "c d", "e", "f", "g", "h"]);
    }

    #[test]
    fn semi_global_finds_substring() {
        let p: Vec<char> = "concerned".chars().collect();
        assert_eq!(semi_global(&p, "xx concernd yy"), Some((1, 3, 11)));
    }
}
