//! Finding a quote in the article: exact, then normalized, then approximate.
//!
//! Exact and normalized matches are found through the word index: a rare interior word of
//! the quote, or else a rare pair of adjacent words, gives the candidate positions, each
//! verified by one comparison; the later parts of an elided quote are looked for by reading
//! the paragraph they must be in. A quote
//! with no such match is looked for approximately: quote words vote for alignments
//! (diagonals), and only the best few windows are scored with a semi-global edit distance,
//! so the cost stays proportional to the quote, not to the article.

use super::align::{Pattern, Unit};
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

/// The places of the article that hold a quote as well as the anchor [`Article::find_quote`]
/// gives it, for placing it where its claim fits ([`Article::find_quote_places`]).
#[derive(Debug, Default)]
pub struct Places {
    /// Every place of the body that C013 counts, in article order, when there are several
    /// (else none).
    pub body: Vec<Vec<PartMatch>>,
    /// The headline's places, when the body holds the quote too. A headline usually
    /// repeats the lede, so they are not occurrences; but a claim of the headline's own
    /// statement (`Union endorses Clinton`, quoting `Clinton`) belongs there.
    pub headline: Vec<Vec<PartMatch>>,
    /// Whether the caller reads them (a plain [`Article::find_quote`] does not).
    wanted: bool,
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
/// The quote's words vote for alignments rarest first until their occurrences add up to
/// this; the rarest word votes however common it is, so a quote of only common words is
/// still looked for.
const MAX_VOTING_POSTINGS: usize = 4000;
/// At most this many alignments are scored for one quote.
const MAX_WINDOWS: usize = 8;
/// A paragraph up to this size (bytes) is scored whole when a later part of an elided quote
/// is looked for in it.
const MAX_BLOCK_SCAN: usize = 16 * 1024;
/// At most this many of a quote's words unknown to the article look for words one edit
/// away.
const MAX_NEIGHBOUR_WORDS: usize = 6;
/// A quote's exact look-up stops looking for a rarer pair of words once one has at most
/// this many occurrences: verifying them costs less than looking further.
const ENOUGH_PAIR_POSTINGS: usize = 4;
/// How many pairs of a quote [`Article::normalized_hits`] looks up at once.
const PAIRS_AT_ONCE: usize = 4;
/// A quote's exact look-up verifies the occurrences of its rarest interior word when
/// they are at most this many (or it has no interior pair); past that it anchors on a
/// rare pair of words.
const RARE_WORD_POSTINGS: usize = 8;
/// In an article of at least this many words, a quote's exact look-up goes straight to
/// its pairs of words, in quote order, without reading its words' counts first: there
/// the word index is far bigger than the processor's caches, each count is a read at a
/// random place, and few words are rare enough to anchor on anyway.
const PAIRS_FIRST_TOKENS: usize = 1 << 17;
/// The first part of an elided quote is common when each of its interior words occurs
/// more often than this.
const ENOUGH_WORD_POSTINGS: usize = 64;
/// At most this many first-part positions are tried when chaining elided parts.
const MAX_CHAIN_STARTS: usize = 64;
/// A common first part of an elided quote is looked for only in the paragraphs of its
/// rarest later part when they are at most this many.
const MAX_RARE_PARAGRAPHS: usize = 32;

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
    // Jump from one possible marker to the next instead of testing every position: the
    // bytes `.`, `[`, `(` and the first byte of `…` (which also starts other characters).
    let next = |from: usize| {
        let rest = &quote.as_bytes()[from..];
        match (
            memchr::memchr3(b'.', b'[', b'(', rest),
            memchr::memchr(0xe2, rest),
        ) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    };
    while let Some(found) = next(i) {
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

/// A quote part prepared once for every look-up of it: normalized, and cut into words.
struct Needle {
    text: String,
    toks: Vec<Token>,
}

impl Needle {
    fn new(part: &str) -> Needle {
        let text = normalize_str(part);
        let toks = tokenize(&text);
        Needle { text, toks }
    }

    fn word(&self, t: &Token) -> &str {
        &self.text[t.start as usize..t.end as usize]
    }
}

impl Article {
    /// Looks `quote` up. Parts separated by elisions must appear in order within one
    /// paragraph.
    pub fn find_quote(&self, quote: &str) -> QuoteSearch {
        self.locate_quote(quote, &mut Places::default())
    }

    /// [`Article::find_quote`], with the other places of the article that hold `quote` as
    /// well as the anchor it gives ([`Places`]). For placing a quote the article holds in
    /// several places where its claim fits best, with one search.
    pub fn find_quote_places(&self, quote: &str) -> (QuoteSearch, Places) {
        let mut places = Places {
            wanted: true,
            ..Places::default()
        };
        let search = self.locate_quote(quote, &mut places);
        (search, places)
    }

    /// [`Article::find_quote`], with each place that matches as well as the anchor pushed
    /// onto `places`.
    fn locate_quote(&self, quote: &str, places: &mut Places) -> QuoteSearch {
        let whole = 0..self.norm.text.len();
        let mut parts = split_elisions(quote);
        let trimmed = quote.trim();
        let lead = quote.len() - quote.trim_start().len();
        let one_part = vec![Span::new(lead, lead + trimmed.len())];
        // An ellipsis the article itself prints is copied text, not an elision: a quote
        // that occurs whole, ellipsis included, is one part.
        if parts.len() > 1 && !self.normalized_hits(trimmed, whole.clone()).is_empty() {
            parts = one_part.clone();
        }
        let elided = parts.len() > 1;
        let found = self.find_parts(quote, parts, places);
        // The article's own ellipsis, copied with a slip near it: read as elided, a part
        // may be too short to place; read as text, the whole quote is a near miss.
        if elided && matches!(found, QuoteSearch::NotFound { .. }) {
            if let whole_quote @ QuoteSearch::Found { .. } =
                self.find_parts(quote, one_part, places)
            {
                return whole_quote;
            }
        }
        found
    }

    /// [`Article::find_quote`] for the quote cut into `parts` (one, or the pieces
    /// between elision markers).
    fn find_parts(&self, quote: &str, parts: Vec<Span>, places: &mut Places) -> QuoteSearch {
        let whole = 0..self.norm.text.len();
        let Some(first) = parts.first() else {
            return QuoteSearch::NotFound {
                failed_part: 0,
                closest: None,
            };
        };
        let first_text = first.slice(quote);
        let first_needle = Needle::new(first_text);
        // The later parts' rarest hits, looked up at most once (see below).
        let mut later: Option<Option<Vec<(usize, usize)>>> = None;
        // A common first part ("there was no evidence that ...") may occur thousands of
        // times in a long article, and every occurrence costs a comparison at a random
        // place of it: its starts are then looked for only in the paragraphs that hold the
        // rarest later part, which are the only ones the filter below keeps.
        if parts.len() > 1 && self.is_common(&first_needle) {
            let rarest = later.insert(self.rarest_later_hits(quote, &parts));
            if let Some(starts) =
                self.starts_in_paragraphs_of(rarest, *first, first_text, &first_needle)
            {
                return self.chains_of(quote, &parts, starts, places);
            }
        }
        let mut starts: Vec<PartMatch> = self
            .hits_of(&first_needle, whole.clone())
            .into_iter()
            .map(|(s, e)| self.part_match(*first, first_text, s, e))
            .collect();
        // A headline usually repeats the lede: count header matches only when the body has
        // none. They stay places a claim may fit better (see [`Places::headline`]).
        let mut header_starts = Vec::new();
        if starts.iter().any(|m| !self.in_header(m.article.start)) {
            if places.wanted {
                header_starts = starts
                    .iter()
                    .filter(|m| self.in_header(m.article.start))
                    .cloned()
                    .collect();
            }
            starts.retain(|m| !self.in_header(m.article.start));
        }
        if starts.is_empty() {
            match self.near_miss_of(&first_needle, whole.clone(), false) {
                Some((s, e, d)) if self.accept(&first_needle, s, e, d) => {
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
            let rarest = later.get_or_insert_with(|| self.rarest_later_hits(quote, &parts));
            if let Some(hits) = rarest {
                let paragraphs: Vec<Option<usize>> = hits
                    .iter()
                    .map(|&(s, _)| self.paragraph_of(self.norm.original(s)))
                    .collect();
                starts.retain(|m| paragraphs.contains(&self.paragraph_of(m.article.start)));
            }
        }
        let found = self.chains_of(quote, &parts, starts, places);
        if let (false, Some(level)) = (header_starts.is_empty(), found.level()) {
            for start in header_starts.into_iter().take(MAX_CHAIN_STARTS) {
                if let Ok(chain) = self.chain(quote, &parts, start) {
                    if chain.iter().all(|p| p.level <= level) {
                        places.headline.push(chain);
                    }
                }
            }
        }
        found
    }

    /// The hits of the later part (after the first) with the fewest hits, among those
    /// with any.
    fn rarest_later_hits(&self, quote: &str, parts: &[Span]) -> Option<Vec<(usize, usize)>> {
        let whole = 0..self.norm.text.len();
        parts[1..]
            .iter()
            .map(|p| self.normalized_hits(p.slice(quote), whole.clone()))
            .filter(|hits| !hits.is_empty())
            .min_by_key(Vec::len)
    }

    /// Whether the rarest interior word of a needle of three words or more occurs more
    /// often than [`ENOUGH_WORD_POSTINGS`] (a look-up in the word table per word, no
    /// reading of the article).
    fn is_common(&self, needle: &Needle) -> bool {
        let toks = &needle.toks;
        toks.len() >= 3
            && toks[1..toks.len() - 1]
                .iter()
                .all(|t| self.postings(needle.word(t)).len() > ENOUGH_WORD_POSTINGS)
    }

    /// The first part's matches that [`Article::find_parts`] keeps when `rarest` (the
    /// rarest later part's hits) narrows them, found by reading only the paragraphs of
    /// those hits: the same matches, in the same order. `None` when that shortcut does not
    /// apply (no later part found, one found in the header, too many paragraphs, or no
    /// match of the first part in them): the caller then looks the first part up in the
    /// whole article.
    ///
    /// Why the same: a needle of three words or more matches wherever its normalized
    /// text occurs (see [`Article::scan_hits`]). Every match found here is in a body
    /// paragraph, so the header's matches are dropped by the caller too; and when the
    /// caller keeps a single match, it is the one found here.
    fn starts_in_paragraphs_of(
        &self,
        rarest: &Option<Vec<(usize, usize)>>,
        first: Span,
        first_text: &str,
        needle: &Needle,
    ) -> Option<Vec<PartMatch>> {
        if needle.toks.len() < 3 {
            return None;
        }
        let mut paragraphs = Vec::new();
        for &(s, _) in rarest.as_ref()? {
            paragraphs.push(self.paragraph_of(self.norm.original(s))?);
        }
        paragraphs.sort_unstable();
        paragraphs.dedup();
        if paragraphs.len() > MAX_RARE_PARAGRAPHS {
            return None;
        }
        let mut starts = Vec::new();
        for p in paragraphs {
            let from = self.norm.from_original(self.paragraphs[p].start);
            // Up to the next paragraph: a match inside paragraph `p` ends before it.
            let to = self
                .paragraphs
                .get(p + 1)
                .map_or(self.norm.text.len(), |next| {
                    self.norm.from_original(next.start)
                });
            for (s, e) in self.scan_hits(needle, from..to.max(from)) {
                if self.paragraph_of(self.norm.original(s)) == Some(p) {
                    starts.push(self.part_match(first, first_text, s, e));
                }
            }
        }
        (!starts.is_empty()).then_some(starts)
    }

    /// Chains the later parts to each of the first part's `starts` and picks the result.
    fn chains_of(
        &self,
        quote: &str,
        parts: &[Span],
        starts: Vec<PartMatch>,
        places: &mut Places,
    ) -> QuoteSearch {
        let whole = 0..self.norm.text.len();
        let mut chains = Vec::new();
        let mut failed_part = None;
        for start in starts.into_iter().take(MAX_CHAIN_STARTS) {
            match self.chain(quote, parts, start) {
                Ok(chain) => chains.push(chain),
                Err(i) => {
                    failed_part.get_or_insert(i);
                }
            }
        }
        // Prefer the best-matching chain, then the earliest. Only places that match as well
        // as it count as occurrences: a quote copied exactly once is not made ambiguous by
        // a variant that differs in case or punctuation.
        let level = |c: &Vec<PartMatch>| c.iter().map(|p| p.level).max();
        let best_level = chains.iter().map(level).min().flatten();
        let occurrences = chains.iter().filter(|c| level(c) == best_level).count();
        if occurrences > 1 {
            places
                .body
                .extend(chains.iter().filter(|c| level(c) == best_level).cloned());
        }
        match chains.into_iter().find(|c| level(c) == best_level) {
            Some(parts) => QuoteSearch::Found { parts, occurrences },
            None => {
                // The closest text for the part that failed, looked for once.
                let i = failed_part.unwrap_or(0);
                let text = parts.get(i).map_or("", |p| p.slice(quote));
                let closest = self
                    .near_miss(text, whole, false)
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
            let needle = Needle::new(text);
            let range = from..limit.max(from);
            // Within one paragraph (as a rule a short one) its text is read; a long range
            // goes through the index. The same first hit either way.
            let hits = if range.len() <= MAX_BLOCK_SCAN {
                self.scan_hits(&needle, range.clone())
            } else {
                self.hits_of(&needle, range.clone())
            };
            if let Some(&(s, e)) = hits.first() {
                out.push(self.part_match(*part, text, s, e));
                continue;
            }
            match self.near_miss_of(&needle, range, true) {
                Some((s, e, d)) if self.accept(&needle, s, e, d) => out.push(PartMatch {
                    quote: *part,
                    article: self.norm.original_span(s, e),
                    level: MatchLevel::NearMiss { distance: d },
                }),
                _ => return Err(i),
            }
        }
        Ok(out)
    }

    /// Whether a near miss at normalized `start..end` with `distance` edits is close enough
    /// to be the quoted text: at most a fifth of the characters differ (at least one); or
    /// the words agree but for a dropped, added or replaced word (one per four words, at
    /// least two changes allowed); or a short quote differs in at most a third of its
    /// characters at a place holding one of its words that is rare in the article.
    fn accept(&self, needle: &Needle, start: usize, end: usize, distance: u32) -> bool {
        let chars = needle.text.chars().count();
        if distance as usize <= (chars / 5).max(1) {
            return true;
        }
        let found = &self.norm.text[start..end];
        let words = |t: &str| -> Vec<String> {
            tokenize(t)
                .iter()
                .map(|k| t[k.start as usize..k.end as usize].to_string())
                .collect()
        };
        let q: Vec<String> = needle
            .toks
            .iter()
            .map(|t| needle.word(t).to_string())
            .collect();
        let a = words(found);
        let q_ref: Vec<&str> = q.iter().map(String::as_str).collect();
        let a_ref: Vec<&str> = a.iter().map(String::as_str).collect();
        let common = common_words(&q_ref, &a_ref);
        let changes = q.len() + a.len() - 2 * common;
        if q.len() >= 3 && common * 3 >= q.len() * 2 && changes <= (q.len() / 4).max(2) {
            return true;
        }
        chars <= 60
            && distance as usize <= chars / 3
            && q.iter()
                .any(|w| w.chars().count() >= 4 && a.contains(w) && self.postings(w).len() <= 2)
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
        self.hits_of(&Needle::new(part), range)
    }

    /// [`Article::normalized_hits`] of a prepared part.
    fn hits_of(&self, needle: &Needle, range: std::ops::Range<usize>) -> Vec<(usize, usize)> {
        self.hits_anchored(needle, range, self.tokens.len() >= PAIRS_FIRST_TOKENS)
    }

    /// [`Article::hits_of`], going straight to the pairs of words when `pairs_first`
    /// (the same hits either way).
    fn hits_anchored(
        &self,
        needle: &Needle,
        range: std::ops::Range<usize>,
        pairs_first: bool,
    ) -> Vec<(usize, usize)> {
        let (toks, needle) = (&needle.toks, needle.text.as_str());
        if needle.is_empty() || range.end <= range.start {
            return Vec::new();
        }
        let hay = &self.norm.text;
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
        if toks.len() >= 4 && pairs_first {
            // In quote order: no word's count is read to order them.
            let order: Vec<usize> = (1..toks.len() - 2).collect();
            return self.pair_hits(needle, toks, &word, &order, &range);
        }
        // Anchor on the rarest interior word when it is rare (a few comparisons at most),
        // else on a rare pair of adjacent interior words: a word's occurrences grow with
        // the article, a pair's far less. In a big article every position compared and
        // every look-up is a read at a random place, likely a cache miss, so the pair
        // index gives each pair's positions as byte offsets (no read of the token list),
        // and the pairs are looked up rarest-looking first. Every position is verified
        // in full below, so any anchor gives the same hits.
        let mut counts = Vec::with_capacity(toks.len());
        let mut rarest: Option<(usize, &[u32])> = None;
        for k in 1..toks.len() - 1 {
            let list = self.postings(word(k));
            counts.push(list.len());
            if rarest.is_none_or(|(_, r)| list.len() < r.len()) {
                rarest = Some((k, list));
                if list.len() <= RARE_WORD_POSTINGS {
                    break;
                }
            }
        }
        let (k, list) = rarest.expect("at least three tokens");
        if list.len() <= RARE_WORD_POSTINGS || toks.len() < 4 {
            let offset = toks[k].start as usize;
            let starts: Vec<usize> = list
                .iter()
                .filter_map(|&p| (self.tokens[p as usize].start as usize).checked_sub(offset))
                .collect();
            self.verify_all(needle, &starts, &range, &mut hits);
            return hits;
        }
        // Pair `k` (words `k` and `k + 1`, both interior) occurs at most as often as the
        // rarer of its words.
        let mut order: Vec<usize> = (1..toks.len() - 2).collect();
        order.sort_by_key(|&k| counts[k - 1].min(counts[k]));
        self.pair_hits(needle, toks, &word, &order, &range)
    }

    /// The hits of a quote of at least four words, anchored on the rarest of its interior
    /// pairs of words (pair `k`: words `k` and `k + 1`), looked up in `order` until one
    /// is rare enough.
    fn pair_hits<'n>(
        &self,
        needle: &str,
        toks: &[Token],
        word: &impl Fn(usize) -> &'n str,
        order: &[usize],
        range: &std::ops::Range<usize>,
    ) -> Vec<(usize, usize)> {
        let mut hits = Vec::new();
        // Each pair's bucket bounds its occurrences: the rarest-looking buckets are read
        // whole and filtered by key (sequential reads), no binary search at random places.
        let mut best: Option<(usize, u64, &[u64])> = None;
        let mut second: Option<(usize, u64, &[u64])> = None;
        // The buckets of a few pairs are found at once: in a big article each is a read
        // of the directory at a random place, and reads that do not wait for each other
        // overlap. Those found beyond the pair that ends the search are not used.
        'pairs: for group in order.chunks(PAIRS_AT_ONCE) {
            let mut found = [(0, 0, &[][..]); PAIRS_AT_ONCE];
            for (slot, &k) in found.iter_mut().zip(group) {
                let (key, bucket) =
                    self.pair_bucket(super::word_hash(word(k)), super::word_hash(word(k + 1)));
                *slot = (k, key, bucket);
            }
            for &(k, key, bucket) in &found[..group.len()] {
                if best.is_none_or(|(_, _, b)| bucket.len() < b.len()) {
                    second = best;
                    best = Some((k, key, bucket));
                    if bucket.len() <= ENOUGH_PAIR_POSTINGS {
                        break 'pairs;
                    }
                } else if second.is_none_or(|(_, _, b)| bucket.len() < b.len()) {
                    second = Some((k, key, bucket));
                }
            }
        }
        let (k, key, bucket) = best.expect("at least four tokens");
        let offset = toks[k].start as usize;
        let mut starts: Vec<usize> = Vec::new();
        match second {
            // A common phrase: its occurrences are many even for the rarest pair. A hit
            // also holds the second rarest pair at the same distance, so the two sorted
            // runs are walked side by side first (sequential reads), and only the
            // positions in both are compared.
            Some((k2, key2, other)) if bucket.len() > ENOUGH_PAIR_POSTINGS => {
                // The second pair may come before the first in the quote.
                let shift = i64::from(toks[k2].start) - i64::from(toks[k].start);
                let mut others = run_starts(key2, other).peekable();
                for p in run_starts(key, bucket) {
                    let want = p + shift;
                    while others.next_if(|&o| o < want).is_some() {}
                    if others.peek() == Some(&want) {
                        starts.extend((p as usize).checked_sub(offset));
                    }
                }
            }
            _ => starts
                .extend(run_starts(key, bucket).filter_map(|p| (p as usize).checked_sub(offset))),
        }
        self.verify_all(needle, &starts, range, &mut hits);
        hits
    }

    /// [`Article::verify`] of each of `starts`. In a big article each start is a read at
    /// a random place, likely a cache miss: a first pass reads the first and last byte
    /// at every start, reads that do not wait for each other (nor for a comparison), and
    /// only the starts where both match are compared in full, from the cache.
    fn verify_all(
        &self,
        needle: &str,
        starts: &[usize],
        range: &std::ops::Range<usize>,
        hits: &mut Vec<(usize, usize)>,
    ) {
        let (hay, bytes) = (self.norm.text.as_bytes(), needle.as_bytes());
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return;
        };
        let ends_match =
            |s: usize| hay.get(s) == Some(&first) && hay.get(s + bytes.len() - 1) == Some(&last);
        let matching: Vec<usize> = starts.iter().copied().filter(|&s| ends_match(s)).collect();
        for s in matching {
            self.verify(needle, s, range, hits);
        }
    }

    /// Pushes `(s, s + needle.len())` to `hits` when the needle's text is there, within
    /// `range`, and it is article text a quote can match.
    #[inline]
    fn verify(
        &self,
        needle: &str,
        s: usize,
        range: &std::ops::Range<usize>,
        hits: &mut Vec<(usize, usize)>,
    ) {
        let hay = self.norm.text.as_bytes();
        let e = s + needle.len();
        if s < range.start || e > range.end || e > hay.len() {
            return;
        }
        if hay[s..e] == *needle.as_bytes() && self.is_text_span(self.norm.original_span(s, e)) {
            hits.push((s, e));
        }
    }

    /// [`Article::hits_of`] found by reading the text of `range` rather than through the
    /// word index: for a short range (a paragraph) the index's postings, which grow with
    /// the article, cost more than the range's bytes. The same hits in the same order: a
    /// needle of three words or more matches wherever its normalized text occurs (its
    /// interior words are whole words there too, so the anchor's postings hold each such
    /// place), overlapping occurrences included; a shorter needle is scanned by
    /// [`Article::hits_of`] itself.
    fn scan_hits(&self, needle: &Needle, range: std::ops::Range<usize>) -> Vec<(usize, usize)> {
        if needle.toks.len() < 3 {
            return self.hits_of(needle, range);
        }
        let text = needle.text.as_bytes();
        let hay = self.norm.text.as_bytes();
        let end = range.end.min(hay.len());
        let mut hits = Vec::new();
        if text.is_empty() || end <= range.start {
            return hits;
        }
        let window = &hay[range.start..end];
        let finder = memchr::memmem::Finder::new(text);
        let mut at = 0;
        while let Some(i) = finder.find(&window[at..]) {
            let s = range.start + at + i;
            let e = s + text.len();
            if self.is_text_span(self.norm.original_span(s, e)) {
                hits.push((s, e));
            }
            at += i + 1;
        }
        hits
    }

    /// The best approximate place of `part` within `range` of the normalized view:
    /// `(start, end, edit distance)`. The place starts and ends on word boundaries (never
    /// inside a word), so the article's text there can replace the part as it is.
    ///
    /// A range of one paragraph (`within_block`) is scored whole. Otherwise the quote's
    /// words vote for alignments through the word index, rarest words first and within a
    /// budget of postings (the rarest word always votes, however common), rare words
    /// weighing more; the best few alignments are scored.
    pub(crate) fn near_miss(
        &self,
        part: &str,
        range: std::ops::Range<usize>,
        within_block: bool,
    ) -> Option<(usize, usize, u32)> {
        self.near_miss_of(&Needle::new(part), range, within_block)
    }

    /// [`Article::near_miss`] of a prepared part.
    fn near_miss_of(
        &self,
        prepared: &Needle,
        range: std::ops::Range<usize>,
        within_block: bool,
    ) -> Option<(usize, usize, u32)> {
        let needle = prepared.text.as_str();
        let mut chars: Vec<char> = Vec::with_capacity(needle.len());
        chars.extend(needle.chars());
        let range = range.start..range.end.min(self.norm.text.len());
        if chars.is_empty() || chars.len() > MAX_APPROX_CHARS || range.end <= range.start {
            return None;
        }
        let (forward, backward) = Pattern::with_reversed(&chars);
        let mut scratch = Scratch::default();
        if within_block && range.end - range.start <= MAX_BLOCK_SCAN {
            return self.score_window(
                &chars,
                &forward,
                &backward,
                range.start,
                range.end,
                None,
                &mut scratch,
            );
        }
        let toks = &prepared.toks;
        let word = |t: &Token| &needle[t.start as usize..t.end as usize];
        // (the word's offset in the quote, the article tokens that vote for it)
        let mut lists: Vec<(u32, &[u32])> = toks
            .iter()
            .map(|t| (t.start, self.postings(word(t))))
            .filter(|(_, l)| !l.is_empty())
            .collect();
        // Few of the quote's words are in the article (typos in most of them): its unknown
        // words vote through the article words one edit away from them.
        if lists.len() < 2.max(toks.len().div_ceil(2)) {
            let unknown = toks
                .iter()
                .filter(|t| word(t).chars().count() >= 4 && self.postings(word(t)).is_empty());
            for t in unknown.take(MAX_NEIGHBOUR_WORDS) {
                let shapes = self.word_shapes();
                let mut seen: Vec<*const u32> = Vec::new();
                one_edit_away(word(t), |variant| {
                    // Most edits are no article word, told by their shape without hashing
                    // them.
                    if !shapes.may_hold(variant) {
                        return;
                    }
                    let list = self.postings_of_bytes(variant);
                    // The same word can be reached by two edits: it votes once.
                    if !list.is_empty() && !seen.contains(&list.as_ptr()) {
                        seen.push(list.as_ptr());
                        lists.push((t.start, list));
                    }
                });
            }
        }
        // Rarest first; equal lengths keep their order (what a stable sort gives), without
        // the stable sort's buffer.
        let mut order: Vec<(usize, usize)> = lists
            .iter()
            .enumerate()
            .map(|(i, (_, l))| (l.len(), i))
            .collect();
        order.sort_unstable();
        let lists: Vec<(u32, &[u32])> = order.iter().map(|&(_, i)| lists[i]).collect();
        let total = self.tokens.len().max(2) as f32;
        // Bucket of 16 diagonals -> (weight, an article word that voted for it).
        // Sized for the postings that may vote (at most one bucket each): no rehashing
        // while votes come in.
        let voting = lists
            .iter()
            .enumerate()
            .scan(0usize, |spent, (i, (_, l))| {
                (i == 0 || *spent + l.len() <= MAX_VOTING_POSTINGS).then(|| {
                    *spent += l.len();
                    l.len()
                })
            })
            .sum::<usize>();
        // Diagonals of a place in `range` fall in these buckets: when they are few for the
        // postings voting (an article of ordinary size), the votes go to a plain array of
        // them, else to a map.
        let first_bucket = (range.start as i64 - needle.len() as i64).div_euclid(16);
        let bucket_count = (range.end as i64).div_euclid(16) - first_bucket + 1;
        let mut votes = if bucket_count as usize <= 4 * voting.max(1024) {
            Votes::Dense {
                first: first_bucket,
                weights: vec![0.0; bucket_count as usize],
                voters: vec![0; bucket_count as usize],
            }
        } else {
            Votes::Sparse(FxHashMap::with_capacity_and_hasher(
                voting,
                Default::default(),
            ))
        };
        let mut spent = 0;
        let mut starts: Vec<u32> = Vec::new();
        for (i, (t, list)) in lists.iter().enumerate() {
            if i > 0 && spent + list.len() > MAX_VOTING_POSTINGS {
                break;
            }
            spent += list.len();
            let weight = 0.5 + (total / list.len() as f32).ln().max(0.0);
            // The words' places first, in a pass of reads that do not wait for each other
            // (in a big article each is likely a cache miss), then the votes.
            starts.clear();
            starts.extend(list.iter().map(|&p| self.tokens[p as usize].start));
            for &at in &starts {
                let at = at as usize;
                let diag = at as i64 - *t as i64;
                if diag + (needle.len() as i64) < range.start as i64 || diag > range.end as i64 {
                    continue;
                }
                votes.add(diag.div_euclid(16), weight, at);
            }
        }
        // Alignments with less than half the best one's votes are not tried: only the
        // others are listed.
        let mut buckets = votes.into_strong_buckets();
        let order = |a: &(i64, (f32, usize)), b: &(i64, (f32, usize))| {
            b.1 .0.total_cmp(&a.1 .0).then(a.0.cmp(&b.0))
        };
        let slack = (needle.len() / 4 + 16) as i64;
        // Short patterns are cheap to score: more of their alignments are tried. Only those
        // few are selected, then ordered (unstable is enough: no two buckets compare equal).
        let windows = if chars.len() <= 64 {
            4 * MAX_WINDOWS
        } else {
            MAX_WINDOWS
        };
        if buckets.len() > windows {
            buckets.select_nth_unstable_by(windows, order);
            buckets.truncate(windows);
        }
        buckets.sort_unstable_by(order);
        // Each window with the rank of its alignment's votes (0: the most voted).
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (rank, &(bucket, (_, voter))) in buckets.iter().enumerate() {
            let lo = (bucket * 16 - slack).max(range.start as i64) as usize;
            let hi =
                ((bucket * 16 + 16 + needle.len() as i64 + slack).max(0) as usize).min(range.end);
            // A quote never spans a paragraph break: score only within the block of text
            // that holds a word that voted for the alignment.
            let (lo, hi) = match self.text_block(self.norm.original(voter)) {
                Some(block) => (
                    lo.max(self.norm.from_original(block.start)),
                    hi.min(self.norm.from_original(block.end)),
                ),
                None => (lo, hi),
            };
            let lo = crate::text::floor_char_boundary(&self.norm.text, lo);
            let hi = crate::text::floor_char_boundary(&self.norm.text, hi);
            if hi > lo {
                spans.push((lo, hi, rank));
            }
        }
        // Overlapping windows (neighbouring alignments) are scored once, as one, with the
        // best rank among them.
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
        for (lo, hi, rank) in spans {
            match merged.last_mut() {
                Some(last) if lo < last.1 => {
                    last.1 = last.1.max(hi);
                    last.2 = last.2.min(rank);
                }
                _ => merged.push((lo, hi, rank)),
            }
        }
        // The place found is the one with the fewest edits, the first in the text among
        // equals. The windows are scored most voted first (usually the place looked for):
        // its distance then bounds the others, which end as soon as they cannot beat it,
        // most before their first pass (see `QGrams`).
        let mut order: Vec<(usize, usize)> =
            merged.iter().enumerate().map(|(at, w)| (w.2, at)).collect();
        order.sort_unstable();
        let mut grams = QGrams::default();
        // (start, end, distance, the window's place in the text's order)
        let mut best: Option<(usize, usize, u32, usize)> = None;
        for (_, at) in order {
            let (lo, hi, _) = merged[at];
            // Only a place with fewer edits than the best so far can replace it, or as
            // many when its window comes first in the text.
            let bound = best.map(|b| if at < b.3 { b.2 + 1 } else { b.2 });
            if let Some(bound) = bound {
                if grams.rule_out(needle.as_bytes(), &self.norm.text.as_bytes()[lo..hi], bound) {
                    continue;
                }
            }
            if let Some(found) =
                self.score_window(&chars, &forward, &backward, lo, hi, bound, &mut scratch)
            {
                if best.is_none_or(|b| found.2 < b.2 || (found.2 == b.2 && at < b.3)) {
                    best = Some((found.0, found.1, found.2, at));
                }
            }
        }
        let (start, end, distance, _) = best?;
        Some(self.extend_to_edge_words(needle, toks, &backward, start, end, distance))
    }

    /// Word-level correction of a character alignment's edges. Leaving a word out near a
    /// quote's edge costs as many character edits as dropping the quote's first (or last)
    /// word, so a character alignment often cuts that word off. When the article has the
    /// quote's first (last) word at most two words before (after) the place found, within
    /// the same paragraph, the place is extended to it, with its attached punctuation when
    /// the quote has it, and the distance recomputed.
    fn extend_to_edge_words(
        &self,
        needle: &str,
        toks: &[Token],
        backward: &Pattern,
        start: usize,
        end: usize,
        distance: u32,
    ) -> (usize, usize, u32) {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return (start, end, distance);
        };
        let q = |t: &Token| &needle[t.start as usize..t.end as usize];
        let hay = &self.norm.text;
        let (mut s, mut e) = (start, end);
        // The first article word inside the place, and the last.
        let i = self.tokens.partition_point(|t| (t.start as usize) < start);
        let k = self.tokens.partition_point(|t| (t.end as usize) <= end);
        if i < self.tokens.len() && self.token_text(i) != q(first) {
            let lead = &needle[..first.start as usize];
            for back in 1..=3.min(i) {
                let t = self.tokens[i - back];
                if self.token_text(i - back) == q(first) {
                    let ws = t.start as usize;
                    s = if hay[..ws].ends_with(lead) {
                        ws - lead.len()
                    } else {
                        ws
                    };
                    break;
                }
            }
        }
        if k > 0 && self.token_text(k - 1) != q(last) {
            let tail = &needle[last.end as usize..];
            for ahead in 0..3 {
                let Some(t) = self.tokens.get(k + ahead) else {
                    break;
                };
                if self.token_text(k + ahead) == q(last) {
                    let we = t.end as usize;
                    e = if hay[we..].starts_with(tail) {
                        we + tail.len()
                    } else {
                        we
                    };
                    break;
                }
            }
        }
        if (s, e) == (start, end)
            || e <= s
            || !self.is_text_span(self.norm.original_span(s.min(start), e.max(end)))
        {
            return (start, end, distance);
        }
        let chars: Vec<char> = hay[s..e].chars().collect();
        let mut costs = Vec::new();
        backward.starts_before(&chars, chars.len(), &mut costs);
        (s, e, costs[chars.len()])
    }

    /// The best word-aligned place of the pattern in `norm.text[lo..hi]`: the end with the
    /// least distance among the ends that do not cut a word, then, by the anchored
    /// backward pass from that end, the start with the least distance among the starts
    /// that do not cut a word. With a `bound`, a window that cannot hold a place with
    /// fewer edits than `bound` gives `None` as soon as that is known.
    #[allow(clippy::too_many_arguments)]
    fn score_window(
        &self,
        pattern: &[char],
        forward: &Pattern,
        backward: &Pattern,
        lo: usize,
        hi: usize,
        bound: Option<u32>,
        scratch: &mut Scratch,
    ) -> Option<(usize, usize, u32)> {
        let hay = &self.norm.text;
        let bytes = hay.as_bytes();
        let passes = Passes {
            pattern,
            forward,
            backward,
            bound,
        };
        // A window of ASCII text with two ASCII characters on each side (most windows of
        // an English article) is read in place, byte by byte: no decoding, no offsets.
        if lo >= 2 && hi + 2 <= bytes.len() && bytes[lo - 2..hi + 2].is_ascii() {
            return passes.best(&bytes[lo - 2..hi + 2], |i| lo + i, &mut scratch.costs);
        }
        scratch.chars.reserve(hi - lo + 4);
        scratch.offsets.reserve(hi - lo + 1);
        // The window's characters with two on each side (`\0` past the text's ends, which
        // no test below takes for part of a word), so the word-boundary tests read one slice.
        scratch.chars.clear();
        scratch.offsets.clear();
        let mut before = hay[..lo].chars().rev();
        let (b1, b2) = (before.next(), before.next());
        scratch.chars.push(b2.unwrap_or('\0'));
        scratch.chars.push(b1.unwrap_or('\0'));
        for (i, c) in hay[lo..hi].char_indices() {
            scratch.chars.push(c);
            scratch.offsets.push(lo + i);
        }
        scratch.offsets.push(hi);
        let mut after = hay[hi..].chars();
        scratch.chars.push(after.next().unwrap_or('\0'));
        scratch.chars.push(after.next().unwrap_or('\0'));
        let offsets = &scratch.offsets;
        passes.best(&scratch.chars, |i| offsets[i], &mut scratch.costs)
    }
}

/// The two passes of [`Article::score_window`] over one window.
struct Passes<'a> {
    pattern: &'a [char],
    forward: &'a Pattern,
    backward: &'a Pattern,
    bound: Option<u32>,
}

impl Passes<'_> {
    /// `ext`: the window's characters with two more on each side; `offset(i)`: the
    /// normalized offset of the window's character `i` (`i` up to the window's length).
    fn best<U: Unit>(
        &self,
        ext: &[U],
        offset: impl Fn(usize) -> usize,
        costs: &mut Vec<u32>,
    ) -> Option<(usize, usize, u32)> {
        let chars = &ext[2..ext.len() - 2];
        let least = self.forward.ends(chars, costs);
        // On a tie, the longer place when the quote ends (starts) with punctuation, so the
        // punctuation it copied stays; else the shorter.
        let punct = |c: Option<&char>| c.is_some_and(|c| !c.is_alphanumeric());
        let (long_end, long_start) = (punct(self.pattern.last()), punct(self.pattern.first()));
        // The end: the least distance at an end that neither follows a space nor cuts a
        // word; among equals the first (the last when `long_end`). Looked for distance by
        // distance, least first, so that only the ends with that distance are tested.
        // A place ending anywhere here has at least the least of these distances.
        let ends = &costs[1..];
        if ends.is_empty() || self.bound.is_some_and(|b| least >= b) {
            return None;
        }
        let can_end = |i: usize| chars[i].char() != ' ' && !cuts_word(ext, i + 3);
        let (i, end_distance) = least_at(ends, least, long_end, can_end)?;
        if self.bound.is_some_and(|b| end_distance >= b) {
            return None;
        }
        let end = i + 1;
        // The start: by the anchored backward pass from the end, the least distance at a
        // start that is neither a space nor inside a word; among equals the nearest to the
        // end (the farthest when `long_start`). A place `k` characters long is at least
        // `k - m` edits from the `m`-character pattern, so no place longer than `m` + the
        // best distance can be as good: the pass reads only that far back, and reads
        // further only when the best start it found says it must.
        let m = self.pattern.len();
        let can_start = |k: usize| {
            let s = end - k;
            chars[s].char() != ' ' && !cuts_word(ext, s + 2)
        };
        let mut reach = end.min(m + end_distance as usize + 4);
        let (k, d) = loop {
            let least = self.backward.starts_within(chars, end, reach, costs);
            let starts = &costs[1..];
            let found = (!starts.is_empty())
                .then(|| least_at(starts, least, long_start, |i| can_start(i + 1)))
                .flatten()
                .map(|(i, d)| (i + 1, d));
            match found {
                Some((k, d)) if reach >= end.min(m + d as usize) => break (k, d),
                Some((_, d)) => reach = end.min(m + d as usize),
                None if reach < end => reach = end,
                None => return None,
            }
        };
        let start = end - k;
        Some((offset(start), offset(end), d))
    }
}

/// The byte offsets of the first words of the pair `key` among the entries of its
/// bucket (see [`Article::pair_bucket`]), ascending.
fn run_starts(key: u64, bucket: &[u64]) -> impl Iterator<Item = i64> + '_ {
    bucket
        .iter()
        .filter(move |&&e| e >> 32 == key)
        .map(|&e| i64::from(e as u32))
}

/// The index and value of the least of `values` at an index `ok` accepts; among equals the
/// first, or the last when `last`. Looked for value by value, least first (`least`: the
/// least of all `values`, which the caller knows), so that `ok` is asked only about
/// indices holding the value looked for.
fn least_at(
    values: &[u32],
    least: u32,
    last: bool,
    ok: impl Fn(usize) -> bool,
) -> Option<(usize, u32)> {
    let mut least = least;
    loop {
        let mut at = (0..values.len()).filter(|&i| values[i] == least);
        let found = if last {
            at.rev().find(|&i| ok(i))
        } else {
            at.find(|&i| ok(i))
        };
        if let Some(i) = found {
            return Some((i, least));
        }
        let floor = least + 1;
        least = values.iter().filter(|&&d| d >= floor).min().copied()?;
    }
}

/// Calls `visit` with each word one edit away from `word` (as UTF-8 bytes): a letter or
/// digit left out, added, changed, or two neighbours swapped (a word may come more than
/// once).
fn one_edit_away(word: &str, mut visit: impl FnMut(&[u8])) {
    const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if word.is_ascii() {
        // The same variants in the same order, edited in place as bytes.
        let w = word.as_bytes();
        let n = w.len();
        let mut buf: Vec<u8> = Vec::with_capacity(n + 1);
        let mut emit = |v: &[u8]| visit(v);
        for i in 0..n {
            buf.clear();
            buf.extend_from_slice(&w[..i]);
            buf.extend_from_slice(&w[i + 1..]);
            emit(&buf);
            buf.clear();
            buf.extend_from_slice(w);
            if i + 1 < n {
                buf.swap(i, i + 1);
                emit(&buf);
                buf.swap(i, i + 1);
            }
            for c in ALPHABET.bytes().filter(|c| *c != w[i]) {
                buf[i] = c;
                emit(&buf);
            }
        }
        for i in 0..=n {
            buf.clear();
            buf.extend_from_slice(&w[..i]);
            buf.push(0);
            buf.extend_from_slice(&w[i..]);
            for c in ALPHABET.bytes() {
                buf[i] = c;
                emit(&buf);
            }
        }
        return;
    }
    let chars: Vec<char> = word.chars().collect();
    let mut buf = String::with_capacity(word.len() + 4);
    let mut emit = |v: &[char], buf: &mut String| {
        buf.clear();
        buf.extend(v.iter());
        visit(buf.as_bytes());
    };
    let mut v = chars.clone();
    for i in 0..chars.len() {
        v.remove(i);
        emit(&v, &mut buf);
        v.insert(i, chars[i]);
        if i + 1 < chars.len() {
            v.swap(i, i + 1);
            emit(&v, &mut buf);
            v.swap(i, i + 1);
        }
        for c in ALPHABET.chars().filter(|c| *c != chars[i]) {
            v[i] = c;
            emit(&v, &mut buf);
        }
        v[i] = chars[i];
    }
    for i in 0..=chars.len() {
        for c in ALPHABET.chars() {
            v.insert(i, c);
            emit(&v, &mut buf);
            v.remove(i);
        }
    }
}

/// The votes of a quote's words: bucket of 16 diagonals -> (weight, the article offset of
/// the first word that voted for it).
enum Votes {
    /// Every bucket from `first` on. A bucket voted for has a weight of at least 0.5 (see
    /// `near_miss_of`); the others 0. No list of the buckets voted for is kept: a vote
    /// then has no branch on whether its bucket is new (taken half the time, and
    /// mispredicted as often), and the buckets voted for are found by a scan of the
    /// weights at the end, a few hundred in an article of ordinary size.
    Dense {
        first: i64,
        weights: Vec<f32>,
        /// One more than the offset of the first word that voted for the bucket; 0 for a
        /// bucket not voted for (both start zeroed: no filling of the array).
        voters: Vec<u32>,
    },
    Sparse(FxHashMap<i64, (f32, usize)>),
}

impl Votes {
    #[inline]
    fn add(&mut self, bucket: i64, weight: f32, at: usize) {
        match self {
            Votes::Dense {
                first,
                weights,
                voters,
            } => {
                let i = (bucket - *first) as usize;
                // The first voter stays (a select, not a branch).
                let voter = &mut voters[i];
                *voter = if *voter == 0 { at as u32 + 1 } else { *voter };
                weights[i] += weight;
            }
            Votes::Sparse(map) => map.entry(bucket).or_insert((0.0, at)).0 += weight,
        }
    }

    /// The buckets with at least half the votes of the best one, in no particular order.
    fn into_strong_buckets(self) -> Vec<(i64, (f32, usize))> {
        match self {
            Votes::Dense {
                first,
                weights,
                voters,
            } => {
                // The greatest weight, once all votes are in (not kept up to date as they
                // come: that chained every vote to the one before).
                // The weights are positive or zero: their bits order as they do, and the
                // greatest of integers is taken eight at a time.
                let top = f32::from_bits(weights.iter().map(|w| w.to_bits()).max().unwrap_or(0));
                // (A bucket not voted for, weight 0, is below half of any vote.)
                let half = (top / 2.0).max(f32::MIN_POSITIVE).to_bits();
                // Sixteen buckets at a time: few hold a strong one.
                let mut strong = Vec::new();
                for (c, chunk) in weights.chunks(16).enumerate() {
                    // (Compared as signed integers, which SSE2 compares eight at a time:
                    // the sign bit of a weight is clear.)
                    let any = chunk
                        .iter()
                        .fold(false, |any, w| any | (w.to_bits() as i32 >= half as i32));
                    if !any {
                        continue;
                    }
                    for (k, &w) in chunk.iter().enumerate() {
                        if w.to_bits() >= half {
                            let i = 16 * c + k;
                            strong.push((first + i as i64, (w, voters[i] as usize - 1)));
                        }
                    }
                }
                strong
            }
            Votes::Sparse(map) => {
                let top = map.values().map(|v| v.0).fold(0.0f32, f32::max);
                map.into_iter().filter(|b| b.1 .0 >= top / 2.0).collect()
            }
        }
    }
}

/// A count filter on shared q-grams (Ukkonen 1992; Jokinen and Ukkonen 1991): each
/// character edit spoils at most `Q` of the pattern's `m - Q + 1` q-grams, so a text within
/// `k` edits of the pattern holds at least `m - Q + 1 - k·Q` of them (counted with
/// multiplicity: each kept q-gram of the pattern lies at its own place of the text). A
/// window holding fewer holds no place within `k` edits, and its bit-parallel passes need
/// not run. The q-grams are counted by a hash of their bytes: q-grams of the same hash
/// count as one kind, which can only raise the count (the filter rules out less, never
/// wrongly). Only ASCII windows of ASCII patterns are filtered (one character a byte).
#[derive(Default)]
struct QGrams {
    /// The pattern's q-grams by hash: how many of each the window being counted has not
    /// yet matched. Taken on first use from the thread's table (all zero between uses: it
    /// is given back with the pattern's counts taken out), so that no search zeroes one.
    left: Vec<u16>,
    /// The hashes matched in the window being counted, given back after it.
    taken: Vec<u16>,
    /// Whether the pattern is ASCII and long enough (known once `left` is taken).
    usable: bool,
    /// The pattern whose counts are in `left`, to take them out again.
    pattern: Vec<u8>,
}

thread_local! {
    /// The zeroed table of q-gram counts, between two searches of the thread.
    static QGRAM_TABLE: std::cell::Cell<Vec<u16>> = const { std::cell::Cell::new(Vec::new()) };
}

impl Drop for QGrams {
    fn drop(&mut self) {
        if self.left.is_empty() {
            return;
        }
        for gram in self.pattern.windows(Self::Q) {
            self.left[Self::hash(gram)] = 0;
        }
        let table = std::mem::take(&mut self.left);
        // (`try_with`: nothing to give back to a thread that is ending.)
        let _ = QGRAM_TABLE.try_with(|t| t.set(table));
    }
}

impl QGrams {
    const Q: usize = 4;
    const BITS: u32 = 12;

    #[inline(always)]
    fn hash(gram: &[u8]) -> usize {
        let x = u32::from_le_bytes([gram[0], gram[1], gram[2], gram[3]]);
        (x.wrapping_mul(0x9e37_79b1) >> (32 - Self::BITS)) as usize
    }

    /// Whether no substring of `window` is within `bound - 1` edits of `pattern` (for
    /// `bound` 0, always); false when the filter cannot tell.
    fn rule_out(&mut self, pattern: &[u8], window: &[u8], bound: u32) -> bool {
        if self.left.is_empty() {
            self.usable = pattern.len() >= Self::Q && pattern.is_ascii();
            let mut table = QGRAM_TABLE.take();
            table.resize(1 << Self::BITS, 0);
            if self.usable {
                for gram in pattern.windows(Self::Q) {
                    table[Self::hash(gram)] += 1;
                }
                self.pattern.extend_from_slice(pattern);
            }
            self.left = table;
        }
        if bound == 0 {
            return true;
        }
        if !self.usable || window.len() < Self::Q || !window.is_ascii() {
            return false;
        }
        let need = (pattern.len() - Self::Q + 1) as i64 - i64::from(bound - 1) * Self::Q as i64;
        if need <= 0 {
            return false;
        }
        let need = need as usize;
        let grams = window.len() - Self::Q + 1;
        if grams < need {
            return true;
        }
        self.taken.clear();
        let mut ruled_out = true;
        for (i, gram) in window.windows(Self::Q).enumerate() {
            let h = Self::hash(gram);
            if self.left[h] > 0 {
                self.left[h] -= 1;
                self.taken.push(h as u16);
                if self.taken.len() >= need {
                    ruled_out = false;
                    break;
                }
            } else if self.taken.len() + (grams - i - 1) < need {
                break;
            }
        }
        for &h in &self.taken {
            self.left[usize::from(h)] += 1;
        }
        ruled_out
    }
}

/// Reusable buffers of one search.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    offsets: Vec<usize>,
    costs: Vec<u32>,
}

/// Whether the position before `chars[i]` is inside a word: between two letters or
/// digits, around an apostrophe inside a word (`don't`), or around the separator of a
/// number (`1,500`, `3.5`). `chars` holds two characters on each side of every position
/// asked about (`\0` past the text's ends).
#[inline(always)]
fn cuts_word<U: Unit>(chars: &[U], i: usize) -> bool {
    let digit = |c: U| c.char().is_ascii_digit();
    let (prev, cur) = (chars[i - 1], chars[i]);
    if prev.word() && cur.word() {
        return true;
    }
    let inner = |sep: U, left: U, right: U| match sep.char() {
        '\'' => left.word() && right.word(),
        ',' | '.' => digit(left) && digit(right),
        _ => false,
    };
    inner(cur, prev, chars[i + 1]) || inner(prev, chars[i - 2], cur)
}

fn same_words(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return ascii_words(a).eq(ascii_words(b));
    }
    a.split_whitespace().eq(b.split_whitespace())
}

/// The words of an ASCII text split at white space as [`str::split_whitespace`] splits
/// it (the ASCII characters with the Unicode White_Space property, vertical tab
/// included), without decoding.
fn ascii_words(s: &str) -> impl Iterator<Item = &[u8]> {
    s.as_bytes()
        .split(|c| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
        .filter(|w| !w.is_empty())
}

/// Close enough to be shown as "the closest text" when not accepted as a near miss.
fn close_enough(part: &str, distance: u32) -> bool {
    distance as usize <= part.chars().count() / 2
}

/// Words two texts share in order (longest common subsequence of their words).
fn common_words(a: &[&str], b: &[&str]) -> usize {
    if a.len() * b.len() > 250_000 {
        return 0;
    }
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::on_word_boundaries;

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
    fn exact_hits_of_a_common_phrase_are_every_occurrence() {
        // Every pair of the quotes below occurs hundreds of times: the look-up walks two
        // pair lists side by side; it must find what a plain text search finds.
        let mut text = String::from("Headline\n\n");
        for i in 0..300 {
            let tail = ["the plan was fine", "the plan was not fine", "it was fine"][i % 3];
            text.push_str(&format!(
                "The minister said that {tail} on day {}.\n\n",
                i % 7
            ));
        }
        let a = Article::new(text.as_str());
        for quote in [
            "minister said that the plan was fine on day",
            "said that the plan was not fine on day 3",
            "The minister said that it was fine",
            "said that the plan was fine on day 9",
        ] {
            let needle = normalize_str(quote);
            let want: Vec<(usize, usize)> =
                memchr::memmem::find_iter(a.norm.text.as_bytes(), needle.as_bytes())
                    .map(|s| (s, s + needle.len()))
                    .filter(|&(s, e)| a.is_text_span(a.norm.original_span(s, e)))
                    .collect();
            let got = a.normalized_hits(quote, 0..a.norm.text.len());
            assert_eq!(got, want, "{quote}");
        }
        assert_eq!(
            a.normalized_hits("said that the plan was fine on day 4", 0..a.norm.text.len())
                .len(),
            14
        );
    }

    /// An article of repeated phrases: common words, common pairs, phrases at paragraph
    /// starts and ends, a repeated phrase inside one paragraph, and one paragraph of
    /// rare words.
    fn repetitive_article() -> Article {
        let mut text =
            String::from("date 2020-01-02 There was no evidence that the plan worked\n\n");
        for i in 0..240 {
            let body = [
                "There was no evidence that the plan worked",
                "the plan was fine, and the plan was fine again",
                "We said that there was no evidence that the minister knew",
                "Ólafur said the plan was «fine» on day",
            ][i % 4];
            text.push_str(&format!(
                "{body} {}. The tide came in and the tide went out.\n\n",
                i % 9
            ));
        }
        text.push_str("Quartz zebra vellum. There was no evidence that the quartz zebra vellum tripled the sanction by 16.7 percent.\n");
        Article::new(text)
    }

    /// Every place the normalized `quote` occurs (overlapping ones too) as article text
    /// within `range`: what an exact look-up must find.
    fn every_occurrence(
        a: &Article,
        quote: &str,
        range: std::ops::Range<usize>,
    ) -> Vec<(usize, usize)> {
        let needle = normalize_str(quote);
        let hay = a.norm.text.as_bytes();
        (range.start..range.end.min(hay.len()))
            .filter(|&s| hay[s..].starts_with(needle.as_bytes()))
            .map(|s| (s, s + needle.len()))
            .filter(|&(_, e)| e <= range.end)
            .filter(|&(s, e)| a.is_text_span(a.norm.original_span(s, e)))
            .collect()
    }

    const REPEATED_QUOTES: [&str; 16] = [
        "the",
        "plan was",
        "the plan was",
        "the plan was fine",
        "There was no evidence that the",
        "was no evidence that the plan worked 3",
        "the plan was fine again 8",
        "the plan was fine, and the plan was fine",
        "plan was fine, and the plan",
        "fine on day 5. The tide came in",
        "tide came in and the tide went",
        "said the plan was «fine» on day",
        "Ólafur said the plan",
        "that the quartz zebra vellum tripled",
        "no evidence that the minister knew 6",
        "evidence that the plan worked 7. The tide",
    ];

    #[test]
    fn exact_hits_are_every_occurrence_whatever_the_anchor() {
        let a = repetitive_article();
        let whole = 0..a.norm.text.len();
        for quote in REPEATED_QUOTES {
            let want = every_occurrence(&a, quote, whole.clone());
            // Overlapping occurrences are all found from three words on; shorter needles
            // are scanned for without overlaps.
            let got = a.normalized_hits(quote, whole.clone());
            if Needle::new(quote).toks.len() >= 3 {
                assert_eq!(got, want, "{quote}");
                // Anchored on pairs without reading word counts, as in a long article.
                let pairs = a.hits_anchored(&Needle::new(quote), whole.clone(), true);
                assert_eq!(pairs, want, "{quote}, pairs first");
            } else {
                assert!(got.iter().all(|h| want.contains(h)), "{quote}");
                assert!(!got.is_empty() || want.is_empty(), "{quote}");
            }
            // Within a range: the same as the whole article's hits inside it.
            let range = a.norm.text.len() / 3..a.norm.text.len() / 2;
            let got = a.normalized_hits(quote, range.clone());
            let inside: Vec<_> = a
                .normalized_hits(quote, whole.clone())
                .into_iter()
                .filter(|&(s, e)| s >= range.start && e <= range.end)
                .collect();
            if Needle::new(quote).toks.len() >= 3 {
                assert_eq!(got, inside, "{quote} in a range");
            }
        }
        assert_eq!(
            a.normalized_hits("the plan was fine, and the plan was fine", whole.clone())
                .len(),
            60
        );
    }

    #[test]
    fn a_paragraph_scan_finds_what_the_index_finds() {
        let a = repetitive_article();
        for quote in REPEATED_QUOTES {
            let needle = Needle::new(quote);
            for p in (0..a.paragraphs.len())
                .step_by(7)
                .chain([a.paragraphs.len() - 1])
            {
                let from = a.norm.from_original(a.paragraphs[p].start);
                let to = a
                    .paragraphs
                    .get(p + 1)
                    .map_or(a.norm.text.len(), |n| a.norm.from_original(n.start));
                // A range from a paragraph's start, and one cut inside it.
                for range in [from..to, from + 1..to.saturating_sub(2).max(from + 1)] {
                    assert_eq!(
                        a.scan_hits(&needle, range.clone()),
                        a.hits_of(&needle, range.clone()),
                        "{quote} in {range:?}"
                    );
                }
            }
        }
    }

    /// What [`Article::find_parts`] kept of the first part's matches before the
    /// shortcut through the later part's paragraphs: every match, the header's dropped
    /// when the body has any, then (more than one left) those in a paragraph of the
    /// rarest later part.
    fn starts_the_long_way(a: &Article, quote: &str, parts: &[Span]) -> Vec<PartMatch> {
        let first = parts[0];
        let text = first.slice(quote);
        let mut starts: Vec<PartMatch> = a
            .hits_of(&Needle::new(text), 0..a.norm.text.len())
            .into_iter()
            .map(|(s, e)| a.part_match(first, text, s, e))
            .collect();
        if starts.iter().any(|m| !a.in_header(m.article.start)) {
            starts.retain(|m| !a.in_header(m.article.start));
        }
        if starts.len() > 1 {
            if let Some(hits) = a.rarest_later_hits(quote, parts) {
                let paragraphs: Vec<Option<usize>> = hits
                    .iter()
                    .map(|&(s, _)| a.paragraph_of(a.norm.original(s)))
                    .collect();
                starts.retain(|m| paragraphs.contains(&a.paragraph_of(m.article.start)));
            }
        }
        starts
    }

    #[test]
    fn a_common_first_part_is_looked_for_only_where_the_rare_part_is() {
        let a = repetitive_article();
        let mut shortcut = 0;
        for quote in [
            "There was no evidence that the ... tripled the sanction by 16.7",
            "There was no evidence that the ... plan worked 4",
            "There was no evidence that the ... the minister knew 6",
            "the plan was fine ... fine again 2",
            "the plan was fine ... the plan was fine again 5",
            "The tide came in ... went out",
            "said the plan ... on day 3",
            "There was no evidence that ... no such words",
            "There was no evidence … the plan worked",
        ] {
            let parts = split_elisions(quote);
            let first = parts[0];
            let needle = Needle::new(first.slice(quote));
            let rarest = a.rarest_later_hits(quote, &parts);
            let want = starts_the_long_way(&a, quote, &parts);
            if let Some(got) =
                a.starts_in_paragraphs_of(&rarest, first, first.slice(quote), &needle)
            {
                assert_eq!(got, want, "{quote}");
                shortcut += 1;
            }
            // And the whole look-up as before: the chains of the same starts.
            assert_eq!(
                a.find_quote(quote),
                match want.is_empty() {
                    true => a.find_quote(quote),
                    false => a.chains_of(quote, &parts, want, &mut Places::default()),
                },
                "{quote}"
            );
        }
        assert!(shortcut >= 5, "the shortcut was taken {shortcut} times");
        let QuoteSearch::Found { parts, occurrences } =
            a.find_quote("There was no evidence that the ... tripled the sanction by 16.7")
        else {
            panic!("not found")
        };
        assert_eq!(occurrences, 1);
        assert_eq!(
            parts[0].article.slice(&a.text),
            "There was no evidence that the"
        );
        assert!(a.paragraph_of(parts[0].article.start) == Some(a.paragraphs.len() - 1));
    }

    #[test]
    fn ascii_words_split_as_split_whitespace_does() {
        // Every ASCII white space character (vertical tab and form feed included), and
        // the separators that are not white space (0x1c to 0x1f), in every position.
        let alphabet = [
            "a", "bc", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1c}", "\u{1f}", "-",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let ours: Vec<&[u8]> = ascii_words(&text).collect();
            let std: Vec<&[u8]> = text.split_whitespace().map(str::as_bytes).collect();
            assert_eq!(ours, std, "{text:?}");
        }
        assert!(same_words("one  two\u{b}three", "one two three"));
        assert!(!same_words("one two\u{1c}three", "one two three"));
    }

    #[test]
    fn the_q_gram_filter_rules_out_only_windows_without_a_close_place() {
        // Random patterns and windows over a few letters (many shared q-grams, the hard
        // case): a window ruled out for a bound holds no place with fewer edits (the least
        // distance of the pattern to any of its substrings, by the bit-parallel pass).
        let mut seed = 0x5851_f42d_4c95_7f2du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet = b"ab c";
        let (mut ruled_out, mut costs) = (0, Vec::new());
        for _ in 0..300 {
            let m = 1 + next(70) as usize;
            let pattern: Vec<u8> = (0..m).map(|_| alphabet[next(4) as usize]).collect();
            let mut grams = QGrams::default();
            for _ in 0..6 {
                let n = next(120) as usize;
                let mut window: Vec<u8> = (0..n).map(|_| alphabet[next(4) as usize]).collect();
                // Now and then the pattern itself, with a few letters changed, inside.
                if n > m && next(2) == 0 {
                    let at = next((n - m) as u64) as usize;
                    window[at..at + m].copy_from_slice(&pattern);
                    for _ in 0..next(4) {
                        window[at + next(m as u64) as usize] = b'd';
                    }
                }
                let chars: Vec<char> = pattern.iter().map(|&b| char::from(b)).collect();
                let least = Pattern::new(&chars).ends(&window, &mut costs).min(m as u32);
                for bound in 0..8 {
                    if grams.rule_out(&pattern, &window, bound) {
                        ruled_out += 1;
                        assert!(least >= bound, "{pattern:?} {window:?} {bound} {least}");
                    }
                }
            }
            drop(grams);
            // The thread's table is all zero again for the next search.
            let table = QGRAM_TABLE.take();
            assert!(table.iter().all(|&c| c == 0));
            QGRAM_TABLE.set(table);
        }
        assert!(ruled_out > 1000, "only {ruled_out} windows ruled out");
    }

    #[test]
    fn split_elisions_variants() {
        let q = "a b ... c d \u{2026} e....f [...] g [\u{2026}] h";
        let parts: Vec<_> = split_elisions(q).into_iter().map(|s| s.slice(q)).collect();
        assert_eq!(parts, ["a b", "c d", "e", "f", "g", "h"]);
    }

    fn near(a: &Article, q: &str) -> Span {
        match a.find_quote(q) {
            QuoteSearch::Found { parts, .. } => {
                assert!(matches!(parts[0].level, MatchLevel::NearMiss { .. }), "{q}");
                parts[0].article
            }
            nf => panic!("{q:?}: {nf:?}"),
        }
    }

    #[test]
    fn a_dropped_word_does_not_start_the_span_mid_word() {
        let text =
            "Headline\n\nViewers mocked the moderators\u{2019} attempted zingers all night long.\n";
        let a = Article::new(text);
        let span = near(&a, "the attempted zingers all night");
        assert_eq!(
            span.slice(text),
            "the moderators\u{2019} attempted zingers all night"
        );
        let span = near(&a, "mocked the attempted zingers");
        assert!(on_word_boundaries(text, span), "{:?}", span.slice(text));
    }

    #[test]
    fn a_typo_at_the_end_does_not_cut_the_last_word() {
        let text = "Headline\n\nHe said: \u{201c}If they ask me, I will then stand down.\u{201d} Nobody did.\n";
        let a = Article::new(text);
        let span = near(&a, "If they ask me, I will then stand donw.");
        assert_eq!(span.slice(text), "If they ask me, I will then stand down.");
        let text2 = "Headline\n\nThe gap was large, but insufficient, majority leaders said.\n";
        let a2 = Article::new(text2);
        let span = near(&a2, "The gap was large, but insufficient, majoriyt");
        assert_eq!(
            span.slice(text2),
            "The gap was large, but insufficient, majority"
        );
    }

    #[test]
    fn a_short_quote_with_three_typos_is_found() {
        let text = "Headline\n\nThe critic praised the film\u{2019}s \u{201c}gifted hands, enhanced imagination.\u{201d} Others agreed.\n";
        let a = Article::new(text);
        let span = near(&a, "\u{201c}gifed oands, enhanced imaginatiwn.\u{201d}");
        assert_eq!(
            span.slice(text),
            "\u{201c}gifted hands, enhanced imagination.\u{201d}"
        );
    }

    #[test]
    fn a_literal_ellipsis_in_the_article_is_an_exact_match() {
        let text = "Headline\n\nShe wrote: \u{201c}We tried \u{2026} and we failed,\u{201d} in her letter.\n";
        let a = Article::new(text);
        match a.find_quote("We tried \u{2026} and we failed,") {
            QuoteSearch::Found { parts, occurrences } => {
                assert_eq!(parts.len(), 1);
                assert_eq!(parts[0].level, MatchLevel::Exact);
                assert_eq!(
                    parts[0].article.slice(text),
                    "We tried \u{2026} and we failed,"
                );
                assert_eq!(occurrences, 1);
            }
            nf => panic!("{nf:?}"),
        }
        // An elision that is not in the article is still an elision.
        let QuoteSearch::Found { parts, .. } = a.find_quote("She wrote ... in her letter") else {
            panic!()
        };
        assert_eq!(parts.len(), 2);
    }

    #[test]
    fn the_articles_own_ellipsis_copied_with_typos_is_a_near_miss() {
        // Read as an elision, "CIq" is too short to place; read as text, the quote is
        // the article's sentence with three characters changed.
        let text = "Headline\n\nThe board wrote to the CIA\u{2026} It only raises doubts about the audit, she said.\n";
        let a = Article::new(text);
        match a.find_quote("CIq\u{2026} Ot only raises doubts abont the audit") {
            QuoteSearch::Found { parts, .. } => {
                assert_eq!(parts.len(), 1);
                assert!(matches!(parts[0].level, MatchLevel::NearMiss { .. }));
                assert_eq!(
                    parts[0].article.slice(text),
                    "CIA\u{2026} It only raises doubts about the audit"
                );
            }
            nf => panic!("{nf:?}"),
        }
    }

    #[test]
    fn a_case_only_variant_does_not_make_an_exact_quote_ambiguous() {
        let text =
            "Headline\n\nThe Plan Is Dead, the banner said.\n\nBut the plan is dead, he said.\n";
        let a = Article::new(text);
        let QuoteSearch::Found { parts, occurrences } = a.find_quote("the plan is dead") else {
            panic!()
        };
        assert_eq!(occurrences, 1);
        assert_eq!(parts[0].level, MatchLevel::Exact);
        assert_eq!(
            parts[0].article.start,
            text.find("the plan is dead").unwrap()
        );
        // Two exact copies are ambiguous; two normalized-only ones too.
        assert_eq!(found("He said they were paid.").2, 2);
        let QuoteSearch::Found { occurrences, .. } = a.find_quote("THE PLAN IS DEAD") else {
            panic!()
        };
        assert_eq!(occurrences, 2);
    }

    #[test]
    fn words_of_thousands_of_occurrences_still_find_a_near_miss() {
        let mut text = String::from("Headline\n\n");
        for _ in 0..5000 {
            text.push_str("Syria ");
        }
        text.push_str("\n\nThe envoy flew to Damascus on Monday.\n");
        let a = Article::new(text.as_str());
        assert!(a.postings("syria").len() > MAX_VOTING_POSTINGS);
        let span = near(&a, "Syria Syria Syrla Syria");
        assert_eq!(span.slice(&text), "Syria Syria Syria Syria");
        let span = near(&a, "Syria Syira Syria Syria Syria");
        assert!(on_word_boundaries(&text, span));
    }

    #[test]
    fn dense_and_sparse_votes_keep_the_same_strong_buckets_and_first_voters() {
        let votes = [
            (3i64, 1.0f32, 40usize),
            (5, 0.5, 70),
            (3, 0.75, 41),
            (9, 2.0, 150),
            (5, 0.5, 71),
            (0, 0.5, 2),
        ];
        let dense = |first: i64, n: usize| Votes::Dense {
            first,
            weights: vec![0.0; n],
            voters: vec![0; n],
        };
        let mut all = vec![
            dense(0, 10),
            dense(-4, 20),
            Votes::Sparse(Default::default()),
        ];
        for v in &mut all {
            for &(bucket, weight, at) in &votes {
                v.add(bucket, weight, at);
            }
        }
        let mut strong: Vec<Vec<(i64, (f32, usize))>> = all
            .into_iter()
            .map(|v| {
                let mut b = v.into_strong_buckets();
                b.sort_by_key(|b| b.0);
                b
            })
            .collect();
        // Bucket 9 (2.0) is the best: 3 (1.75) and 5 (1.0) have half of it, 0 (0.5) not;
        // each keeps its first voter.
        let expected = vec![(3, (1.75, 40)), (5, (1.0, 70)), (9, (2.0, 150))];
        assert_eq!(strong.pop().unwrap(), expected);
        assert_eq!(strong.pop().unwrap(), expected);
        assert_eq!(strong.pop().unwrap(), expected);
        // No vote: no bucket.
        assert!(dense(0, 4).into_strong_buckets().is_empty());
    }

    #[test]
    fn a_near_miss_in_a_long_article_votes_through_the_map() {
        // About 120 KB: more diagonal buckets than the few rare words' votes warrant an
        // array for, so the votes go to the map; the place found is the same.
        let mut text = String::from("Headline\n\n");
        for i in 0..2000 {
            text.push_str(&format!("Paragraph {i} says nothing of note at all.\n\n"));
        }
        text.push_str("The envoy flew to Damascus on Monday to meet the foreign minister.\n");
        let a = Article::new(text.as_str());
        let quote = "envoy flew to Damascus on Mondya to meet";
        let span = near(&a, quote);
        assert_eq!(
            span.slice(&text),
            "envoy flew to Damascus on Monday to meet"
        );
        let short = Article::new(
            "Headline\n\nThe envoy flew to Damascus on Monday to meet the foreign minister.\n",
        );
        assert_eq!(
            near(&short, quote).slice(&short.text),
            span.slice(&text),
            "the array and the map agree"
        );
    }

    /// The property of issue 9: for any article text and any quote taken from it with any
    /// one planted copying mistake, applying the offered fix (the article's text at the
    /// place found) makes the quote match exactly, and the fixed quote starts and ends on
    /// word boundaries.
    #[test]
    fn the_fix_of_any_planted_mistake_matches_exactly_on_word_boundaries() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        let vocab = [
            "the",
            "minister",
            "said",
            "\u{201c}we",
            "will",
            "not",
            "accept",
            "this,\u{201d}",
            "Moscow\u{2019}s",
            "ceasefire",
            "Karabakh",
            "troops",
            "in",
            "2020,",
            "about",
            "don\u{2019}t",
            "1,500",
            "reports",
            "of",
            "militants.",
            "Ερευνα",
            "Шойгу",
            "a",
        ];
        let mut fixes = 0;
        for round in 0..400 {
            let mut text = String::from("Headline of the day\n\n");
            for p in 0..3 {
                for w in 0..(12 + next(25)) {
                    if w > 0 {
                        text.push(if next(15) == 0 { '\n' } else { ' ' });
                    }
                    text.push_str(vocab[next(vocab.len())]);
                }
                text.push_str(if p < 2 { "\n\n" } else { "\n" });
            }
            let a = Article::new(text.as_str());
            let p = &a.paragraphs[next(a.paragraphs.len())];
            let words: Vec<&str> = p.slice(&text).split_whitespace().collect();
            let len = 4 + next(words.len().saturating_sub(4).min(14));
            let at = next(words.len() - len + 1);
            let mut quote: Vec<String> =
                words[at..at + len].iter().map(|w| w.to_string()).collect();
            let kind = round % 6;
            match kind {
                0 | 1 => {
                    for _ in 0..if kind == 0 { 1 } else { 3 } {
                        let w = next(quote.len());
                        let mut chars: Vec<char> = quote[w].chars().collect();
                        let i = next(chars.len());
                        chars[i] = if chars[i] == 'x' { 'q' } else { 'x' };
                        quote[w] = chars.into_iter().collect();
                    }
                }
                2 => {
                    quote.remove(1 + next(len - 2));
                }
                3 => {
                    let i = 1 + next(len - 2);
                    quote[i] = "zebra".into();
                }
                4 => {
                    for w in &mut quote {
                        *w = w
                            .replace(['\u{201c}', '\u{201d}'], "\"")
                            .replace('\u{2019}', "'");
                    }
                }
                _ => {}
            }
            let sep = if kind == 5 { "  " } else { " " };
            let quote = quote.join(sep);
            let search = a.find_quote(&quote);
            let QuoteSearch::Found { parts, .. } = &search else {
                continue; // Not offered a fix: nothing to make worse.
            };
            fixes += 1;
            let mut fixed = quote.clone();
            for part in parts.iter().rev() {
                let replacement: Vec<&str> = part.article.slice(&text).split_whitespace().collect();
                fixed.replace_range(part.quote.start..part.quote.end, &replacement.join(" "));
                assert!(
                    on_word_boundaries(&text, part.article),
                    "{quote:?} -> {:?}",
                    part.article.slice(&text)
                );
            }
            assert_eq!(
                a.find_quote(&fixed).level(),
                Some(MatchLevel::Exact),
                "{quote:?} fixed as {fixed:?} in {text:?}"
            );
        }
        assert!(fixes >= 360, "only {fixes} of 400 quotes found");
    }
}
