//! The article index: built once per article version, then queried for every claim.
//!
//! It holds the header (date, headline), paragraphs and sentences, the normalized view
//! with its map back to original offsets, and a word index over the normalized view that
//! makes quote and name look-ups proportional to the rarest word's occurrences rather than
//! to the article's length.

mod align;
pub mod attribution;
mod by_position;
mod load;
mod mentions;
mod normalize;
mod search;
mod segment;

pub(crate) use by_position::NamesByPosition;
pub use load::{load, load_resolved, validate, ArticleError, Limits};
pub(crate) use mentions::{is_title_abbreviation, TIME_NOUNS};
pub use mentions::{Candidate, CandidateKind};
pub use normalize::{normalize_str, Normalized};
pub use search::{split_elisions, MatchLevel, PartMatch, Places, QuoteSearch};

use crate::text::{narrow, LineIndex, Span};
use hashbrown::hash_table::{Entry, HashTable};
use rustc_hash::FxHashMap;
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// A sentence of the article's body, in 12 bytes (was 24): its span's offsets and its
/// paragraph's index as `u32`s (an 8 MB article has about 100,000 sentences, kept while
/// it is open), read through [`Sentence::span`] and [`Sentence::paragraph`]. Offsets past
/// `u32::MAX` saturate (a debug build stops): articles are far smaller (the configured
/// `max_article_bytes`, 16 MiB by default, bounds them).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    start: u32,
    end: u32,
    para: u32,
}

const _: () = assert!(std::mem::size_of::<Sentence>() == 12);

impl Sentence {
    pub fn new(span: Span, paragraph: usize) -> Sentence {
        Sentence {
            start: narrow(span.start),
            end: narrow(span.end),
            para: narrow(paragraph),
        }
    }

    /// The sentence's span in the article's text.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The index of its paragraph.
    pub fn paragraph(&self) -> usize {
        self.para as usize
    }
}

/// Prints as the span and paragraph it stands for.
impl std::fmt::Debug for Sentence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sentence")
            .field("span", &self.span())
            .field("paragraph", &self.paragraph())
            .finish()
    }
}

/// A word of the normalized view: a run of letters and digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
}

/// [`Article::mentions`] by name and person rule, shared with [`Article::merged_mentions`].
type MentionCache = FxHashMap<(String, bool), std::sync::Arc<[Span]>>;

#[derive(Debug)]
pub struct Article {
    pub text: String,
    /// `YYYY-MM-DD` from a first line `date YYYY-MM-DD <headline>`, with its span.
    pub date: Option<(String, Span)>,
    pub headline: Option<Span>,
    /// The whole first line when it is a header (date line or headline).
    pub header_line: Option<Span>,
    /// Body paragraphs, trimmed, in order (the header line is not one).
    pub paragraphs: Vec<Span>,
    /// Sentences and the line index, built on first use: quote anchoring needs
    /// neither, so a batch of look-ups against many articles does not pay for them.
    sentences: OnceLock<Vec<Sentence>>,
    lines: OnceLock<LineIndex>,
    pub(crate) norm: Normalized,
    pub(crate) tokens: Vec<Token>,
    /// Word hash -> word number; the token indices of word `n` are
    /// `word_postings[word_offsets[n]..word_offsets[n + 1]]`, ascending. Keyed by hash, not
    /// by string, so building the index allocates no keys; every use verifies the text it
    /// finds, so a collision costs a wasted comparison, never a wrong answer. One flat
    /// list of postings, not one vector per word: no allocation per distinct word.
    words: WordTable,
    word_offsets: Vec<u32>,
    word_postings: Vec<u32>,
    /// The index of pairs of adjacent words, built on first use: only a quote whose
    /// rarest word is common in the article needs it (see [`PairIndex`]).
    pair_index: OnceLock<PairIndex>,
    /// The shapes of the distinct words, built on first use: only the near-miss search
    /// of a quote with words the article lacks asks (see [`WordShapes`]).
    word_shapes: OnceLock<WordShapes>,
    /// Acronyms defined in parentheses: `(acronym, expansion)`, both normalized; found
    /// on first use ([`Article::acronyms`]): quote anchoring never asks for them.
    acronyms: OnceLock<Vec<(String, String)>>,
    candidates: OnceLock<Vec<Candidate>>,
    /// The candidates' mentions in article order, built on first use after them: see
    /// [`Article::names_by_position`].
    names_by_position: OnceLock<Option<NamesByPosition>>,
    /// Set by the first caller of [`Article::begin_candidates`]: one background
    /// computation of the names per article version, however many requests wait for it.
    candidates_begun: std::sync::atomic::AtomicBool,
    attributions: OnceLock<attribution::Attributions>,
    mention_cache: std::sync::Mutex<MentionCache>,
    /// [`Article::merged_mentions`] by names and person rule.
    merged_cache: std::sync::Mutex<FxHashMap<String, std::sync::Arc<[Span]>>>,
    /// Did-you-mean names for sources the article does not mention, by source.
    name_suggestions: std::sync::Mutex<FxHashMap<String, Option<String>>>,
}

impl Article {
    pub fn new(text: impl Into<String>) -> Article {
        let text = text.into();
        let (date, headline, header_line) = segment::header(&text);
        let body_start = header_line.map_or(0, |h| h.end);
        let paragraphs = segment::paragraphs(&text, body_start);
        let norm = Normalized::new(&text);
        // Room was made for a word every five bytes: kept for the article's lifetime.
        let tokens = crate::text::sized_exactly(tokenize(&norm.text));
        let (words, word_offsets, word_postings) = word_index(
            tokens.len(),
            tokens
                .iter()
                .map(|t| word_hash(&norm.text[t.start as usize..t.end as usize])),
        );
        Article {
            text,
            date,
            headline,
            header_line,
            paragraphs,
            sentences: OnceLock::new(),
            lines: OnceLock::new(),
            norm,
            tokens,
            words,
            word_offsets,
            word_postings,
            pair_index: OnceLock::new(),
            word_shapes: OnceLock::new(),
            acronyms: OnceLock::new(),
            candidates: OnceLock::new(),
            names_by_position: OnceLock::new(),
            candidates_begun: Default::default(),
            attributions: OnceLock::new(),
            mention_cache: Default::default(),
            merged_cache: Default::default(),
            name_suggestions: Default::default(),
        }
    }

    /// Acronyms defined in parentheses: `(acronym, expansion)`, both normalized
    /// (computed on first use).
    pub(crate) fn acronyms(&self) -> &[(String, String)] {
        self.acronyms.get_or_init(|| mentions::acronyms(self))
    }

    /// The body's sentences, in order (computed on first use).
    pub fn sentences(&self) -> &[Sentence] {
        self.sentences
            .get_or_init(|| segment::sentences(&self.text, &self.paragraphs))
    }

    /// Line starts of the article file (computed on first use).
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Index of the body paragraph holding original offset `offset`, or the nearest one before.
    pub fn paragraph_of(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.start <= offset);
        i.checked_sub(1)
    }

    /// Index of the sentence holding original offset `offset`, or the nearest one before.
    pub fn sentence_of(&self, offset: usize) -> Option<usize> {
        let i = self
            .sentences()
            .partition_point(|s| s.span().start <= offset);
        i.checked_sub(1)
    }

    /// Sentences overlapping `span`, as an index range.
    pub fn sentences_in(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.sentence_of(span.start).unwrap_or(0);
        let last = self
            .sentence_of(span.end.saturating_sub(1).max(span.start))
            .unwrap_or(first);
        first..(last + 1).min(self.sentences().len()).max(first)
    }

    pub fn in_header(&self, offset: usize) -> bool {
        self.header_line.is_some_and(|h| offset < h.end)
    }

    /// The paragraph (or headline) holding original offset `offset`.
    pub(crate) fn text_block(&self, offset: usize) -> Option<Span> {
        if self.in_header(offset) {
            return self.headline;
        }
        self.paragraph_of(offset).map(|p| self.paragraphs[p])
    }

    /// Whether `span` is article text a quote or a name can match: inside one body
    /// paragraph, or inside the headline (never the `date YYYY-MM-DD` prefix, never across
    /// a paragraph break).
    pub fn is_text_span(&self, span: Span) -> bool {
        let last = span.end.saturating_sub(1).max(span.start);
        if self.in_header(span.start) {
            return self
                .headline
                .is_some_and(|h| h.start <= span.start && span.end <= h.end);
        }
        match self.paragraph_of(span.start) {
            Some(p) => self.paragraphs[p].contains_span(Span::new(span.start, last)),
            None => false,
        }
    }

    /// 1-based line number of `offset` in the article file.
    pub fn line_number(&self, offset: usize) -> usize {
        self.lines().line_of(offset) + 1
    }

    pub(crate) fn token_text(&self, i: usize) -> &str {
        let t = self.tokens[i];
        &self.norm.text[t.start as usize..t.end as usize]
    }

    /// Where (the normalized byte offset of the first word) the words `first` `second`
    /// occur side by side (and some other pairs, when keys collide), ascending.
    pub(crate) fn pair_postings(
        &self,
        first: &str,
        second: &str,
    ) -> impl ExactSizeIterator<Item = u32> + '_ {
        self.pair_postings_of_hashes(word_hash(first), word_hash(second))
    }

    /// [`Article::pair_postings`] of two words given by their [`word_hash`]es.
    pub(crate) fn pair_postings_of_hashes(
        &self,
        first: u64,
        second: u64,
    ) -> impl ExactSizeIterator<Item = u32> + '_ {
        self.pair_run(first, second).iter().map(|&e| e as u32)
    }

    /// The entries of [`PairIndex::pairs`] for two words given by their [`word_hash`]es:
    /// the low 32 bits of each are the normalized byte offset of the first word.
    pub(crate) fn pair_run(&self, first: u64, second: u64) -> &[u64] {
        let (key, run) = self.pair_bucket(first, second);
        let lo = run.partition_point(|&e| e >> 32 < key);
        let hi = lo + run[lo..].partition_point(|&e| e >> 32 == key);
        &run[lo..hi]
    }

    /// The key of two words given by their [`word_hash`]es, and the entries of
    /// [`PairIndex::pairs`] of its bucket: those of that key (see
    /// [`Article::pair_run`]), and of the few other keys that share its top bits. Its
    /// length is a bound of the pair's occurrences known from the directory alone (one
    /// read, where finding the run's ends in a big article reads at random places).
    pub(crate) fn pair_bucket(&self, first: u64, second: u64) -> (u64, &[u64]) {
        let index = self.pair_index.get_or_init(|| {
            let hashes: Vec<u64> = (0..self.tokens.len())
                .map(|i| word_hash(self.token_text(i)))
                .collect();
            word_pairs(&hashes, &self.tokens)
        });
        let key = pair_key(first, second);
        let bucket = (key >> (32 - index.bits)) as usize;
        let (a, b) = match (index.dir.get(bucket), index.dir.get(bucket + 1)) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, 0),
        };
        (key, &index.pairs[a..b])
    }

    /// How many entries [`Article::pair_postings`] gives.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn pair_count(&self, first: &str, second: &str) -> usize {
        self.pair_postings(first, second).len()
    }

    pub(crate) fn postings(&self, word: &str) -> &[u32] {
        self.postings_of_hash(word_hash(word))
    }

    /// [`Article::postings`] of a word given as its UTF-8 bytes.
    pub(crate) fn postings_of_bytes(&self, word: &[u8]) -> &[u32] {
        self.postings_of_hash(word_hash_bytes(word))
    }

    /// The shapes of the article's distinct words (computed on first use).
    pub(crate) fn word_shapes(&self) -> &WordShapes {
        self.word_shapes.get_or_init(|| {
            // Each distinct word by its first occurrence, read as bytes.
            let bytes = self.norm.text.as_bytes();
            let firsts = &self.word_offsets[..self.word_offsets.len().saturating_sub(1)];
            WordShapes::of(firsts.iter().map(|&at| {
                let t = self.tokens[self.word_postings[at as usize] as usize];
                &bytes[t.start as usize..t.end as usize]
            }))
        })
    }

    fn postings_of_hash(&self, hash: u64) -> &[u32] {
        match self.words.get(hash) {
            Some(n) => {
                let n = n as usize;
                &self.word_postings
                    [self.word_offsets[n] as usize..self.word_offsets[n + 1] as usize]
            }
            None => &[],
        }
    }

    /// Names the article mentions (people, organizations, outlets, descriptors), computed
    /// on first use: only completion needs them.
    pub fn candidates(&self) -> &[Candidate] {
        self.candidates.get_or_init(|| mentions::candidates(self))
    }

    /// The names of [`Article::candidates`], in its order, that a "did you mean" can offer:
    /// each one `keep` accepts is there (others may be too). Unless the candidates are
    /// computed already, only the mentions of names near what `keep` accepts are looked
    /// for, not every name's.
    pub fn candidate_names_where(&self, keep: impl Fn(&str) -> bool) -> Vec<String> {
        match self.candidates_if_ready() {
            Some(all) => all
                .iter()
                .filter(|c| keep(&c.name))
                .map(|c| c.name.clone())
                .collect(),
            None => mentions::candidate_names_where(self, keep),
        }
    }

    /// The names, if [`Article::candidates`] has computed them already: never waits, so a
    /// request with a time budget can answer without them (see `completionBudgetMs`).
    pub fn candidates_if_ready(&self) -> Option<&[Candidate]> {
        self.candidates.get().map(Vec::as_slice)
    }

    /// Every mention of [`Article::candidates`] by position, built on first use once they
    /// are computed (`None` before, and for an index that does not fit: see
    /// [`NamesByPosition`]): eight bytes a mention.
    pub(crate) fn names_by_position(&self) -> Option<&NamesByPosition> {
        let candidates = self.candidates_if_ready()?;
        self.names_by_position
            .get_or_init(|| NamesByPosition::new(candidates))
            .as_ref()
    }

    /// True for the first caller only: that caller computes [`Article::candidates`] (on
    /// a thread of its own); later callers wait for [`Article::candidates_if_ready`].
    pub fn begin_candidates(&self) -> bool {
        !self
            .candidates_begun
            .swap(true, std::sync::atomic::Ordering::AcqRel)
    }

    /// The candidate name suggested for `name`, computed by `find` on first use and kept
    /// with this article version (every claim with the same unknown source asks again,
    /// and `find` compares the name with every candidate).
    pub(crate) fn suggested_name(
        &self,
        name: &str,
        find: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        let lock = || {
            self.name_suggestions
                .lock()
                .unwrap_or_else(|e| e.into_inner())
        };
        if let Some(hit) = lock().get(name) {
            return hit.clone();
        }
        let found = find();
        let mut memo = lock();
        if memo.len() < 10_000 {
            memo.insert(name.to_string(), found.clone());
        }
        found
    }

    /// Who the article says said what ([`attribution::analyze`]), computed on first use
    /// and kept for this article version.
    pub fn attributions(&self) -> &attribution::Attributions {
        self.attributions.get_or_init(|| attribution::analyze(self))
    }

    /// Sets the attributions by hand, so that tests of their consumers do not depend on
    /// what the analysis finds. Has no effect once they were computed.
    #[cfg(test)]
    pub(crate) fn with_attributions(self, items: Vec<attribution::Attribution>) -> Article {
        let _ = self.attributions.set(attribution::Attributions::new(items));
        self
    }
}

fn word_hash(word: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// [`word_hash`] of a word given as its UTF-8 bytes (what hashing a `str` feeds the
/// hasher: its bytes, then `0xff`), so edited variants of a word need no UTF-8 check.
fn word_hash_bytes(word: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(word);
    h.write_u8(0xff);
    h.finish()
}

/// The 32-bit key of two adjacent words (by their [`word_hash`]es). Keys may collide: a
/// look-up verifies the text it finds.
pub(crate) fn pair_key(first: u64, second: u64) -> u64 {
    (first.rotate_left(23) ^ second).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32
}

/// Two sets of bits over an article's distinct words: a bit for each (length, first two
/// bytes) and one for each (length, last two bytes), placed by a hash of the three in 16
/// bits. A word whose two bits are not both set is no article word (a few whose bits are
/// set are not either: bits are shared). The near-miss search tests the edits of a quote
/// word the article lacks (about 70 a letter) here before it hashes them and looks them
/// up in the word table: about one edit in eight passes.
#[derive(Debug)]
pub(crate) struct WordShapes {
    heads: Vec<u64>,
    tails: Vec<u64>,
}

impl WordShapes {
    const WORDS: usize = (1 << 16) / 64;

    fn of<'a>(words: impl Iterator<Item = &'a [u8]>) -> WordShapes {
        let mut shapes = WordShapes {
            heads: vec![0; Self::WORDS],
            tails: vec![0; Self::WORDS],
        };
        for w in words {
            let n = w.len();
            if n >= 2 {
                let (h, t) = (Self::bit(n, w[0], w[1]), Self::bit(n, w[n - 2], w[n - 1]));
                shapes.heads[h / 64] |= 1 << (h % 64);
                shapes.tails[t / 64] |= 1 << (t % 64);
            }
        }
        shapes
    }

    #[inline]
    fn bit(len: usize, a: u8, b: u8) -> usize {
        let x = (len.min(255) as u32) << 16 | u32::from(a) << 8 | u32::from(b);
        (x.wrapping_mul(0x9e37_79b1) >> 16) as usize
    }

    /// False when `word` (UTF-8 bytes) is surely not one of the article's words.
    #[inline]
    pub(crate) fn may_hold(&self, word: &[u8]) -> bool {
        let n = word.len();
        if n < 2 {
            return true;
        }
        let (h, t) = (
            Self::bit(n, word[0], word[1]),
            Self::bit(n, word[n - 2], word[n - 1]),
        );
        self.heads[h / 64] >> (h % 64) & 1 != 0 && self.tails[t / 64] >> (t % 64) & 1 != 0
    }
}

/// Word hash -> word number. The keys are word hashes already, so hashbrown's raw
/// `HashTable` stores only a `u32` per word and is given each hash as it is, without hashing
/// it again (a general map would hash the hash and store it beside the number).
#[derive(Debug, Default)]
struct WordTable {
    /// Word numbers, found by their hash.
    table: HashTable<u32>,
    /// The hash of each word, by number.
    hashes: Vec<u64>,
}

impl WordTable {
    fn with_capacity(words: usize) -> WordTable {
        WordTable {
            table: HashTable::with_capacity(words),
            hashes: Vec::with_capacity(words),
        }
    }

    fn get(&self, hash: u64) -> Option<u32> {
        self.table
            .find(hash, |&n| self.hashes[n as usize] == hash)
            .copied()
    }

    /// The number of the word of `hash`, numbering it next when it is new.
    #[inline]
    fn number(&mut self, hash: u64) -> u32 {
        let hashes = &mut self.hashes;
        match self.table.entry(
            hash,
            |&n| hashes[n as usize] == hash,
            |&n| hashes[n as usize],
        ) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let n = hashes.len() as u32;
                hashes.push(hash);
                e.insert(n);
                n
            }
        }
    }

    /// Gives back the room reserved for words that never came.
    fn shrink_to_fit(&mut self) {
        let hashes = &self.hashes;
        self.table.shrink_to_fit(|&n| hashes[n as usize]);
        self.hashes.shrink_to_fit();
    }
}

/// Room for the distinct words of `count` tokens (the table grows if need be): a third
/// of them, or `16 * sqrt(count)` when that is more (a text of up to 2,304 tokens). The
/// distinct words of a text grow about as the square root of its length: a news article
/// of 300 to 1,700 tokens has 35 to 60% of them distinct, so a third was too little for
/// nearly every article of ordinary size, and the table was built twice (grown once, every
/// word placed again).
fn distinct_words_room(count: usize) -> usize {
    let root = (count as f64).sqrt() as usize;
    (count / 3 + 1).max((16 * root).min(count + 1))
}

/// The word index of [`Article::words`] from the hashes of the `count` tokens: numbers by
/// hash, offsets, postings.
fn word_index(count: usize, hashes: impl Iterator<Item = u64>) -> (WordTable, Vec<u32>, Vec<u32>) {
    let room = distinct_words_room(count);
    let mut words = WordTable::with_capacity(room);
    let mut counts: Vec<u32> = Vec::with_capacity(room);
    let mut numbers: Vec<u32> = Vec::with_capacity(count);
    for h in hashes {
        let n = words.number(h);
        if n as usize == counts.len() {
            counts.push(0);
        }
        counts[n as usize] += 1;
        numbers.push(n);
    }
    // Offsets from the counts; then each token goes to the next free slot of its word,
    // so every word's postings come out ascending.
    let mut offsets = Vec::with_capacity(counts.len() + 1);
    let mut total = 0u32;
    offsets.push(0);
    for c in &counts {
        total += c;
        offsets.push(total);
    }
    let mut next: Vec<u32> = offsets[..counts.len()].to_vec();
    let mut postings = vec![0u32; numbers.len()];
    for (i, &n) in numbers.iter().enumerate() {
        let slot = &mut next[n as usize];
        postings[*slot as usize] = i as u32;
        *slot += 1;
    }
    // An article has far fewer distinct words than a third of its tokens, and the table
    // lives as long as the article.
    words.shrink_to_fit();
    (words, offsets, postings)
}

/// Every pair of adjacent words of an article, for quote look-ups that anchor on their
/// rarest pair of words, whose occurrences (unlike a single word's) stay few as an
/// article grows. See [`pair_key`].
#[derive(Debug)]
struct PairIndex {
    /// `(pair key << 32) | normalized byte offset of the first word`, sorted. The offset,
    /// not the word's index: a look-up compares the text there without first reading
    /// the token list at a random place.
    pairs: Vec<u64>,
    /// `dir[b]` is the index in `pairs` of the first key whose top `bits` bits are `b` or
    /// more: a look-up reads one small bucket, not a binary search of millions of entries
    /// (every quote looks up each of its pairs).
    dir: Vec<u32>,
    bits: u32,
}

/// [`PairIndex::pairs`] sorted, with its bucket directory (about one bucket per entry) and
/// the directory's bits. The entries are placed by bucket first (a counting sort on their
/// top bits), so only the few entries of each bucket are compared.
fn word_pairs(hashes: &[u64], tokens: &[Token]) -> PairIndex {
    let n = hashes.len().saturating_sub(1);
    let bits = (usize::BITS - n.leading_zeros())
        .saturating_sub(1)
        .clamp(1, 24);
    let buckets = 1usize << bits;
    let bucket = |e: u64| (e >> (64 - bits)) as usize;
    let entries = hashes
        .windows(2)
        .enumerate()
        .map(|(i, w)| pair_key(w[0], w[1]) << 32 | u64::from(tokens[i].start));
    // dir[b]: where bucket b starts; dir[buckets] = n.
    let mut dir = vec![0u32; buckets + 1];
    for e in entries.clone() {
        dir[bucket(e) + 1] += 1;
    }
    for b in 0..buckets {
        dir[b + 1] += dir[b];
    }
    let mut next: Vec<u32> = dir[..buckets].to_vec();
    let mut out = vec![0u64; n];
    for e in entries {
        let slot = &mut next[bucket(e)];
        out[*slot as usize] = e;
        *slot += 1;
    }
    for b in 0..buckets {
        let run = &mut out[dir[b] as usize..dir[b + 1] as usize];
        if run.len() > 1 {
            run.sort_unstable();
        }
    }
    PairIndex {
        pairs: out,
        dir,
        bits,
    }
}

/// Whether each byte is an ASCII letter or digit: one look-up a byte in the loop of
/// [`tokenize`] rather than three range tests.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// A bit per byte of the eight ASCII bytes `x` (first byte lowest): whether it is a
/// letter or a digit. Each byte is tested in place (no carry crosses a byte: all are
/// under 128), then the high bits are gathered into one byte by a multiplication.
#[inline(always)]
fn ascii_word_bits(x: u64) -> u8 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `v` that is `n` or more (`n` from 1 to 128).
    let at_least = |v: u64, n: u8| (v + u64::from(0x80 - n) * ONES) & HIGH;
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    // Letters of either case, lowered: `@`, `[` to `` ` `` and `{` on stay outside.
    let lower = x | (0x20 * ONES);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    // The product's top byte gathers the high bit of byte `k` as its bit `k`.
    (((digit | letter) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// Words of a normalized text: runs of alphanumeric characters.
///
/// Read 64 bytes at a time: a bit per byte says whether it belongs to a letter or digit
/// (every byte of a character the same bit), and the words start and end where that bit
/// changes. No branch per byte, so the end of a word costs no mispredicted jump.
pub(crate) fn tokenize(norm: &str) -> Vec<Token> {
    let bytes = norm.as_bytes();
    let mut out = Vec::with_capacity(norm.len() / 5);
    // Whether the byte before the block is part of a word, and where that word starts.
    let mut inside = false;
    let mut start = 0u32;
    // The bytes of a character begun in the block before, and whether it is a letter or
    // digit.
    let mut spill = (0usize, false);
    for (b, block) in bytes.chunks(64).enumerate() {
        let base = b * 64;
        let mut mask = 0u64;
        if block.is_ascii() {
            // Eight bytes at a time; the last bytes of a short final block one by one.
            let mut eights = block.chunks_exact(8);
            for (e, eight) in eights.by_ref().enumerate() {
                let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                mask |= u64::from(ascii_word_bits(x)) << (8 * e);
            }
            let done = block.len() - eights.remainder().len();
            for (j, &c) in eights.remainder().iter().enumerate() {
                mask |= u64::from(ASCII_WORD[usize::from(c)]) << (done + j);
            }
        } else {
            let mut j = spill.0;
            if spill.1 {
                mask = (1u64 << j) - 1;
            }
            spill = (0, false);
            while j < block.len() {
                let c = block[j];
                if c < 0x80 {
                    mask |= u64::from(ASCII_WORD[usize::from(c)]) << j;
                    j += 1;
                    continue;
                }
                let ch = norm[base + j..].chars().next().expect("char boundary");
                let end = j + ch.len_utf8();
                let word = ch.is_alphanumeric();
                if word {
                    let upto = end.min(64);
                    mask |= (u64::MAX >> (64 - (upto - j))) << j;
                }
                if end > 64 {
                    spill = (end - 64, word);
                }
                j = end;
            }
        }
        let within = if block.len() == 64 {
            u64::MAX
        } else {
            (1u64 << block.len()) - 1
        };
        let mut edges = (mask ^ (mask << 1 | u64::from(inside))) & within;
        while edges != 0 {
            let at = (base + edges.trailing_zeros() as usize) as u32;
            edges &= edges - 1;
            if inside {
                out.push(Token { start, end: at });
            } else {
                start = at;
            }
            inside = !inside;
        }
    }
    if inside {
        out.push(Token {
            start,
            end: norm.len() as u32,
        });
    }
    out
}

/// The words of `norm` one character at a time: what [`tokenize`] gives.
#[cfg(test)]
fn tokenize_by_chars(norm: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in norm.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token {
                    start: s as u32,
                    end: i as u32,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s as u32,
            end: norm.len() as u32,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = " date 2020-10-02 Headline here\n\nFirst paragraph. It has two sentences.\n\nSecond one said Mr. Smith of the U.S. on Monday, for $1,500 per month. Next!\n";

    #[test]
    fn header_paragraphs_sentences() {
        let a = Article::new(SAMPLE);
        assert_eq!(a.date.as_ref().unwrap().0, "2020-10-02");
        assert_eq!(a.headline.unwrap().slice(SAMPLE), "Headline here");
        assert_eq!(a.paragraphs.len(), 2);
        let sentences: Vec<_> = a
            .sentences()
            .iter()
            .map(|s| s.span().slice(SAMPLE))
            .collect();
        assert_eq!(
            sentences,
            [
                "First paragraph.",
                "It has two sentences.",
                "Second one said Mr. Smith of the U.S. on Monday, for $1,500 per month.",
                "Next!"
            ]
        );
        let off = SAMPLE.find("Smith").unwrap();
        assert_eq!(a.paragraph_of(off), Some(1));
        assert_eq!(a.sentence_of(off), Some(2));
        assert_eq!(a.line_number(off), 5);
    }

    #[test]
    fn headline_without_date_and_no_header() {
        let a = Article::new("Just a headline\n\nBody text.");
        assert!(a.date.is_none());
        assert_eq!(a.headline.unwrap().slice(&a.text), "Just a headline");
        assert_eq!(a.paragraphs.len(), 1);
        let b = Article::new("One paragraph\nwrapped over lines.\n\nTwo.");
        assert!(b.header_line.is_none());
        assert_eq!(b.paragraphs.len(), 2);
    }

    #[test]
    fn empty_and_odd_articles_do_not_panic() {
        for text in [
            "",
            "\n\n\n",
            "date",
            "date 2020-13-99",
            "\u{feff}",
            "😀\u{2028}x",
            "a\r\n\r\nb",
        ] {
            let a = Article::new(text);
            let _ = a.candidates();
            let _ = a.find_quote("x y z");
        }
    }

    #[test]
    fn pairs_come_out_sorted_with_their_directory() {
        let text = include_str!("../../examples/000_a935861ad7be96ce.txt");
        for t in [text, "", "one", "one two", "a b a b a b c", SAMPLE] {
            let a = Article::new(t);
            let hashes: Vec<u64> = (0..a.tokens.len())
                .map(|i| word_hash(a.token_text(i)))
                .collect();
            let PairIndex { pairs, dir, bits } = word_pairs(&hashes, &a.tokens);
            let mut want: Vec<u64> = hashes
                .windows(2)
                .enumerate()
                .map(|(i, w)| pair_key(w[0], w[1]) << 32 | u64::from(a.tokens[i].start))
                .collect();
            want.sort_unstable();
            assert_eq!(pairs, want);
            assert_eq!(dir.len(), (1 << bits) + 1);
            for (b, &start) in dir.iter().enumerate() {
                let first = want.partition_point(|&e| ((e >> 32) >> (32 - bits)) < b as u64);
                assert_eq!(start as usize, first, "bucket {b}");
            }
        }
    }

    #[test]
    fn the_pair_index_is_built_only_for_a_quote_of_common_words() {
        let a = Article::new(SAMPLE);
        assert!(a.find_quote("It has two sentences").level().is_some());
        assert!(a
            .find_quote("Second one sayd Mr. Smith of")
            .level()
            .is_some());
        assert!(a.pair_index.get().is_none(), "rare words: no pair index");
        let mut text = String::from("Headline\n\n");
        for _ in 0..100 {
            text.push_str("The tide came in and the tide went out.\n\n");
        }
        let b = Article::new(text.as_str());
        assert_eq!(
            b.normalized_hits("came in and the tide", 0..b.norm.text.len())
                .len(),
            100
        );
        assert!(b.pair_index.get().is_some(), "common words: the pair index");
    }

    #[test]
    fn the_word_table_numbers_every_hash_once_as_it_grows_and_shrinks() {
        let hashes: Vec<u64> = (0..5000u64)
            .map(|i| word_hash(&format!("w{}", i % 1700)))
            .collect();
        let (table, offsets, postings) = word_index(hashes.len(), hashes.iter().copied());
        assert_eq!(table.hashes.len(), 1700);
        assert!(table.table.capacity() >= 1700 && table.table.capacity() <= 4 * 1700);
        for (i, &h) in hashes.iter().enumerate() {
            let n = table.get(h).expect("numbered") as usize;
            let list = &postings[offsets[n] as usize..offsets[n + 1] as usize];
            assert!(list.contains(&(i as u32)));
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!(table.get(word_hash("absent")), None);
        let (empty, _, _) = word_index(0, std::iter::empty());
        assert_eq!(empty.get(word_hash("x")), None);
    }

    #[test]
    fn words_by_blocks_are_the_words_by_characters() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "a".into(),
            " ".into(),
            "one two, three".into(),
            include_str!("../../examples/000_a935861ad7be96ce.txt").to_lowercase(),
        ];
        // Characters of two, three and four bytes, letters or not, across every place of
        // a block's end; words that end, start or run across it.
        for pad in 0..70 {
            for odd in [
                "\u{e9}t\u{e9}",
                "\u{2014}",
                "\u{201c}x",
                "\u{4e2d}\u{6587}",
                "\u{1f600}",
                "x\u{1d400}y",
                "\u{ad}",
            ] {
                let mut t = "w".repeat(pad);
                t.push_str(odd);
                t.push_str(" abc ");
                t.push_str(&"z ".repeat(pad));
                t.push_str(odd);
                texts.push(t.clone());
                texts.push(format!("{t}{}", "q".repeat(64 - pad % 64)));
            }
        }
        for t in &texts {
            assert_eq!(tokenize(t), tokenize_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn the_word_bits_of_eight_bytes_are_the_table_s() {
        // Every ASCII byte at every place of the eight, beside the others.
        for b in 0u8..128 {
            for at in 0..8 {
                for fill in [b' ', b'a', b'Z', b'0', b'@', b'{', 0, 127] {
                    let mut eight = [fill; 8];
                    eight[at] = b;
                    let want = eight.iter().enumerate().fold(0u8, |m, (j, &c)| {
                        m | u8::from(ASCII_WORD[usize::from(c)]) << j
                    });
                    assert_eq!(
                        ascii_word_bits(u64::from_le_bytes(eight)),
                        want,
                        "{eight:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn room_for_distinct_words_covers_short_texts_and_stays_a_third_of_long_ones() {
        assert_eq!(distinct_words_room(0), 1);
        assert_eq!(distinct_words_room(55), 56);
        assert_eq!(distinct_words_room(600), 384);
        assert_eq!(distinct_words_room(1665), 640);
        assert_eq!(distinct_words_room(2304), 769);
        assert_eq!(distinct_words_room(30_000), 10_001);
        // The words are numbered and counted alike whatever the room.
        let text = include_str!("../../examples/000_a935861ad7be96ce.txt");
        let a = Article::new(text);
        let words: std::collections::HashSet<&str> =
            (0..a.tokens.len()).map(|i| a.token_text(i)).collect();
        assert_eq!(a.word_offsets.len(), words.len() + 1);
        for w in words {
            let expected: Vec<u32> = (0..a.tokens.len() as u32)
                .filter(|&i| a.token_text(i as usize) == w)
                .collect();
            assert_eq!(a.postings(w), expected.as_slice(), "{w}");
        }
    }

    #[test]
    fn word_shapes_hold_every_article_word_and_rule_out_most_edits() {
        let text = include_str!("../../examples/000_a935861ad7be96ce.txt");
        let a = Article::new(text);
        let shapes = a.word_shapes();
        for i in 0..a.tokens.len() {
            assert!(
                shapes.may_hold(a.token_text(i).as_bytes()),
                "{}",
                a.token_text(i)
            );
        }
        assert!(shapes.may_hold(b"") && shapes.may_hold(b"x"));
        // Edits of the first or last two letters, words the article lacks: most are ruled
        // out (never a word it has).
        let (mut tried, mut passed) = (0, 0);
        for w in ["mercenaries", "azerbaijan", "conflict", "ministry"] {
            for i in [0, 1, w.len() - 2, w.len() - 1] {
                let mut v = w.as_bytes().to_vec();
                v[i] = b'q';
                tried += 1;
                if shapes.may_hold(&v) {
                    passed += 1;
                    continue;
                }
                assert!(a.postings_of_bytes(&v).is_empty());
            }
        }
        assert!(passed * 2 < tried, "{passed} of {tried}");
    }

    #[test]
    fn word_hashes_of_bytes_and_of_strings_agree() {
        for w in ["", "a", "minister", "don't", "\u{201c}we", "Шойгу", "1,500"] {
            assert_eq!(word_hash_bytes(w.as_bytes()), word_hash(w), "{w}");
        }
        let a = Article::new(SAMPLE);
        assert_eq!(a.postings_of_bytes(b"smith"), a.postings("smith"));
        assert_eq!(a.postings_of_bytes(b"smith").len(), 1);
    }

    #[test]
    fn pair_postings_hold_every_adjacent_pair() {
        let text = include_str!("../../examples/000_a935861ad7be96ce.txt");
        for t in [text, "", "one", "one two", SAMPLE] {
            let a = Article::new(t);
            for i in 0..a.tokens.len().saturating_sub(1) {
                let (x, y) = (a.token_text(i), a.token_text(i + 1));
                let found: Vec<u32> = a.pair_postings(x, y).collect();
                assert!(found.contains(&a.tokens[i].start), "{x} {y}");
                assert!(found.windows(2).all(|w| w[0] < w[1]), "ascending");
                let want = (0..a.tokens.len() - 1)
                    .filter(|&j| a.token_text(j) == x && a.token_text(j + 1) == y)
                    .count();
                assert!(found.len() >= want);
            }
            assert_eq!(a.pair_count("no such", "words here"), 0);
        }
    }
}
