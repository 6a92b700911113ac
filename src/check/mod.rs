//! The checks: a parsed annotation and its article in, diagnostics out.
//!
//! Checks that look at one claim (its quotes, source, cue, intermediaries, stance) run per
//! claim and are cached: a claim whose text, whose context (declared actors, publishers,
//! configuration) and whose article are unchanged reuses its earlier findings, moved to
//! where the claim now stands. Checks across claims (ids, relations, unused actors,
//! duplicate anchors) always run, so they must stay linear and allocation-light: on a
//! 5,000-claim file they are most of what a keystroke costs.

mod attribution;
pub mod credit;
pub mod cue;
mod file;
pub mod fix;
pub mod place;
mod quotes;
mod suppress;

use crate::article::{Article, ArticleError, QuoteSearch};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{self, Annotation, Claim};
use crate::syntax::{self, SyntaxTree};
use crate::text::{shift_index, sorted_range, Span};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use attribution::mentions_of;
pub(crate) use attribution::shared_mentions;
pub use quotes::word_diff;

/// One version of an annotation file, parsed and modelled.
#[derive(Debug)]
pub struct Parsed {
    pub text: String,
    pub tree: SyntaxTree,
    pub model: Annotation,
    /// Syntax and structure findings (C001-C004, C045).
    pub structural: Vec<Diagnostic>,
    /// The structural findings that belong to one line or block, sorted by position:
    /// kept apart so that [`Parsed::edit`] can splice them (file-wide ones are found again).
    local: Vec<Diagnostic>,
    /// The claims by the names they credit, for hovers: made on the first hover of this
    /// version (an edit drops it).
    pub(crate) claims_by_name: std::sync::OnceLock<crate::ide::ClaimsByName>,
    /// Where the text has the suppression marker (`claimls:`), kept up to date by edits so
    /// that a re-check does not search the whole text for it.
    markers: Vec<usize>,
    /// Per claim of the model, in order: a hash of its text and length ([`content_key`]),
    /// kept up to date by edits, so that a re-check reads one contiguous list instead of
    /// reaching into each of 50,000 claims for its keys.
    content_keys: Vec<u64>,
}

impl Parsed {
    pub fn new(text: impl Into<String>) -> Parsed {
        let text = text.into();
        let tree = syntax::parse(&text);
        let (model, local, global) = model::build_parts(&text, &tree);
        Parsed {
            structural: model::merge_structural(&local, &global),
            tree,
            local,
            claims_by_name: std::sync::OnceLock::new(),
            markers: suppress::find_markers(&text, 0..text.len()),
            content_keys: model.claims.iter().map(content_key).collect(),
            model,
            text,
        }
    }

    /// Replaces bytes `range` of the text with `inserted`, re-parsing only the blocks the
    /// edit touches (see [`SyntaxTree::reparse_region`]) and moving everything after
    /// them: the result equals `Parsed::new` of the new text. An edit before the first
    /// block's header re-parses the file from its start up to the next block header.
    /// Returns `false`, changing nothing, when `range` is not a span of char boundaries
    /// of the text.
    pub fn edit(&mut self, range: Span, inserted: &str) -> bool {
        let text = &self.text;
        if range.start > range.end
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return false;
        }
        let Some(region) = self.tree.reparse_region(range) else {
            return false;
        };
        self.text.replace_range(range.start..range.end, inserted);
        suppress::edit_markers(&mut self.markers, &self.text, range, inserted.len());
        let reparsed = self.tree.reparse(&self.text, region, range, inserted.len());
        // The claims the update replaces (those whose header line is among the re-parsed
        // lines); the claims after them keep their text and so their content keys.
        let replaced = sorted_range(
            &self.model.claims,
            |c| c.line(),
            reparsed.first_line,
            reparsed.old_end_line,
        );
        let old_count = self.model.claims.len();
        let global = self
            .model
            .update(&self.text, &self.tree, &reparsed, &mut self.local);
        let made = replaced.start..replaced.end + self.model.claims.len() - old_count;
        let fresh: Vec<u64> = self.model.claims[made].iter().map(content_key).collect();
        self.content_keys.splice(replaced, fresh);
        debug_assert_eq!(self.content_keys.len(), self.model.claims.len());
        self.structural = model::merge_structural(&self.local, &global);
        self.claims_by_name = std::sync::OnceLock::new();
        true
    }

    /// Where the article of this annotation is: the `article:` field relative to the
    /// annotation's folder, else `NAME.txt` beside `NAME.claims`.
    pub fn article_path(&self, claims_path: &Path) -> PathBuf {
        let dir = claims_path.parent().unwrap_or(Path::new(""));
        match self
            .model
            .header
            .article
            .as_ref()
            .map(|f| f.value.text.trim())
            .filter(|s| !s.is_empty())
        {
            Some(name) => dir.join(name),
            None => claims_path.with_extension("txt"),
        }
    }
}

/// The article as the checks see it: indexed, or why it could not be read.
#[derive(Clone, Copy, Debug)]
pub enum ArticleRef<'a> {
    Loaded(&'a Arc<Article>),
    Failed(&'a ArticleError),
}

impl<'a> ArticleRef<'a> {
    pub fn article(self) -> Option<&'a Arc<Article>> {
        match self {
            ArticleRef::Loaded(a) => Some(a),
            ArticleRef::Failed(_) => None,
        }
    }
}

/// What checking one claim found, with spans relative to the claim's start so that the
/// entry stays valid when lines above the claim are edited.
#[derive(Clone, Debug, Default)]
pub(crate) struct ClaimResult {
    pub diagnostics: Vec<Diagnostic>,
    /// Article spans the claim's quotes are anchored to.
    pub anchors: Vec<Anchor>,
    /// What the search found for each non-empty `quote:` field (by index), for
    /// [`QuoteMatches`], when [`Context::keep_quotes`]; never kept in the cache.
    pub quotes: Vec<(usize, QuoteSearch)>,
    /// Declared actors the claim names as source or intermediary (indices into
    /// `Annotation::actors`, valid while the context fingerprint is the same), so that
    /// finding unused actors needs no pass over every claim's names.
    pub actors: Vec<usize>,
}

/// A claim's results as the cache keeps them for every claim of an open document (50,000
/// in a big file): [`ClaimResult`] without the quote searches (never kept) and in
/// allocations of their length, 40 bytes a claim rather than 96.
#[derive(Debug, Default)]
struct Kept {
    /// `None` when the claim has no findings, as nearly every claim of a finished file:
    /// one pointer rather than a slice's two words (see [`Kept::diagnostics`]).
    findings: Option<Box<Box<[Diagnostic]>>>,
    anchors: Box<[Anchor]>,
    actors: Box<[usize]>,
}

const _: () = assert!(std::mem::size_of::<Kept>() == 40);
const _: () = assert!(std::mem::size_of::<(u64, Kept)>() == 48);

impl Kept {
    fn new(diagnostics: Vec<Diagnostic>, anchors: Vec<Anchor>, actors: Vec<usize>) -> Kept {
        Kept {
            findings: (!diagnostics.is_empty()).then(|| Box::new(diagnostics.into_boxed_slice())),
            anchors: anchors.into_boxed_slice(),
            actors: actors.into_boxed_slice(),
        }
    }

    /// The claim's findings, their spans relative to the claim's start.
    fn diagnostics(&self) -> &[Diagnostic] {
        self.findings.as_deref().map_or(&[], |d| d)
    }
}

/// An article span a claim's quote is anchored to. The cache keeps every claim's (50,000
/// in a big file) and the last run's list of them all, so the span is two `u32`s (the
/// article's own index holds articles below 4 GiB) and the quote's index shares a third
/// with the near-miss flag: 12 bytes rather than 32.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    start: u32,
    end: u32,
    /// Which of the claim's `quote:` fields it anchors, in the low 31 bits; the top bit
    /// is set for a near miss.
    quote: u32,
}

const _: () = assert!(std::mem::size_of::<Anchor>() == 12);
const _: () = assert!(std::mem::size_of::<(u32, Anchor)>() == 16);

const NEAR_MISS: u32 = 1 << 31;

/// An offset or index as a `u32`, saturating (a debug build stops).
fn narrow(n: usize, max: u32) -> u32 {
    debug_assert!(n <= max as usize, "{n} beyond {max}");
    u32::try_from(n).unwrap_or(max).min(max)
}

impl Anchor {
    /// `exact` is false for a near miss: it points at where the quote should be, not
    /// where it is. `quote` is the index of the claim's `quote:` field.
    pub(crate) fn new(span: Span, exact: bool, quote: usize) -> Anchor {
        let flag = if exact { 0 } else { NEAR_MISS };
        Anchor {
            start: narrow(span.start, u32::MAX),
            end: narrow(span.end, u32::MAX),
            quote: narrow(quote, NEAR_MISS - 1) | flag,
        }
    }

    pub(crate) fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// False for a near miss.
    pub(crate) fn exact(self) -> bool {
        self.quote & NEAR_MISS == 0
    }

    /// Which of the claim's `quote:` fields it anchors.
    pub(crate) fn quote(self) -> usize {
        (self.quote & !NEAR_MISS) as usize
    }
}

/// Prints as the span, flag and index it stands for.
impl std::fmt::Debug for Anchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Anchor")
            .field("span", &self.span())
            .field("exact", &self.exact())
            .field("quote", &self.quote())
            .finish()
    }
}

/// Where a check found each claim's quotes in the article (every part, its match level,
/// and how many places hold the whole quote), so that the export and the report render
/// them without searching the article again. Kept by a one-shot run that asks for it
/// ([`ClaimCache::keeping_quotes`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteMatches {
    /// By claim index: `(quote field index, search)` for each non-empty quote, in order.
    by_claim: Vec<Vec<(usize, QuoteSearch)>>,
}

impl QuoteMatches {
    /// What the check found for quote field `quote` of claim `claim`; `None` when that
    /// quote was not searched (an empty quote, a claim past those checked).
    pub fn get(&self, claim: usize, quote: usize) -> Option<&QuoteSearch> {
        let found = self.by_claim.get(claim)?;
        found
            .binary_search_by_key(&quote, |(i, _)| *i)
            .ok()
            .map(|i| &found[i].1)
    }

    /// How many claims it covers.
    pub fn claims(&self) -> usize {
        self.by_claim.len()
    }
    /// Matches made by hand, for tests of what renders them.
    #[cfg(test)]
    pub(crate) fn from_claims(by_claim: Vec<Vec<(usize, QuoteSearch)>>) -> Self {
        QuoteMatches { by_claim }
    }
}

/// The anchors of a run with the duplicate quotes found among them. Each anchor with its
/// claim's index in 32 bits: 16 bytes an anchor (a big file has tens of thousands).
type DuplicateMemo = (Vec<(u32, Anchor)>, Vec<file::DuplicatePair>);

/// A claim's index as [`DuplicateMemo`] keeps it (saturating; an annotation below 4 GiB
/// has fewer claims).
fn claim_index(i: usize) -> u32 {
    narrow(i, u32::MAX)
}

/// Per-claim results kept between runs (one cache per open document).
#[derive(Debug, Default)]
pub struct ClaimCache {
    article: Option<Arc<Article>>,
    /// The results of the last run, in file order with their keys. A run matches its
    /// claims to these from both ends (an edit changes one stretch of the file, and a
    /// sequential pass over 50,000 claims costs far less than as many hash look-ups),
    /// and looks only the claims in between up in `spare`.
    ordered: Vec<(u64, Kept)>,
    /// The keys of `ordered`, in one list (what a run compares with its claims' keys).
    keys: Vec<u64>,
    /// A list of keys to reuse as the next run's, so that it is not allocated again.
    spare_keys: Vec<u64>,
    /// Results not in the last run's order (claims edited away, moved or removed), kept
    /// for an undo or a move; bounded by the file's claim count.
    spare: rustc_hash::FxHashMap<u64, Kept>,
    suggestions: file::IdSuggestions,
    /// C040 and C041 of the last run, by claim index (reused while ids and relations stay).
    refs: file::RefFindings,
    /// The anchors of the last run and the duplicate quotes among them.
    duplicates: Option<DuplicateMemo>,
    /// The indices of the last run's claims whose results hold findings, in order, kept
    /// with `ordered`.
    with_findings: Vec<usize>,
    /// How many of the last run's claims name each declared actor (by index), kept with
    /// `ordered`: an edit adds and takes away only the uses of the claims it replaces.
    uses: Vec<u32>,
    /// The coverage of the last run (article, attributions, unannotated ones), valid
    /// while the anchors equal those kept in `duplicates`.
    coverage: Option<(Arc<Article>, usize, Vec<usize>)>,
    /// C050's drafted texts of the last run.
    unannotated: credit::UnannotatedMemo,
    /// How many findings the last run gathered (before suppressions and sorting), to size
    /// the next run's list.
    last_found: usize,
    /// A one-shot run (the CLI) keeps nothing: hashing and storing would be pure cost.
    disabled: bool,
    /// A one-shot run that hands the quote searches on ([`ClaimCache::last_quotes`]).
    keep_quotes: bool,
    /// How many claims the last run took from the cache and how many it checked.
    pub last_hits: usize,
    pub last_misses: usize,
    /// The article's attributions and which of them no claim records (C050), as of the
    /// last run with a loaded article.
    pub last_coverage: Option<Coverage>,
    /// Where the last run found each claim's quotes, when the cache was made with
    /// [`ClaimCache::keeping_quotes`] and the article was read.
    pub last_quotes: Option<QuoteMatches>,
}

/// How many of the article's attributions the claims record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub total: usize,
    /// Indices into the article's [`crate::article::attribution::Attributions::items`].
    pub unannotated: Vec<usize>,
}

impl Coverage {
    pub fn annotated(&self) -> usize {
        self.total - self.unannotated.len()
    }
}

impl ClaimCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// A cache that stores nothing, for files checked once.
    pub fn disabled() -> Self {
        ClaimCache {
            disabled: true,
            ..Self::default()
        }
    }

    /// A cache that stores nothing but hands on the quote searches of each run in
    /// [`ClaimCache::last_quotes`] (the export and the report render them).
    pub fn keeping_quotes() -> Self {
        ClaimCache {
            disabled: true,
            keep_quotes: true,
            ..Self::default()
        }
    }

    fn prepare(&mut self, article: Option<&Arc<Article>>) {
        let same = match (&self.article, article) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.ordered.clear();
            self.keys.clear();
            self.spare.clear();
            self.article = article.cloned();
        }
        self.last_hits = 0;
        self.last_misses = 0;
        self.last_coverage = None;
        self.last_quotes = None;
    }
}

/// Everything a claim check may look at besides the claim.
pub(crate) struct Context<'a> {
    /// The annotation's text, for fixes that keep its layout.
    pub text: &'a str,
    pub model: &'a Annotation,
    pub article: &'a Article,
    pub config: &'a Config,
    /// Hand each quote's search on in [`ClaimResult::quotes`] (else it is dropped).
    pub keep_quotes: bool,
    /// [`shared_mentions`] of each name asked about in this check, by the name as written:
    /// the source checks ask two or three times per claim, and each answer folded the
    /// name, looked the actor up and built the article cache's key again.
    pub mentions: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Arc<[Span]>>>,
    /// [`credit::source_typo`]'s answer for each undeclared `source:` name: (the declared
    /// name it is a typo of, whose name that is). A name is compared with every declared
    /// name, and the claims that use one undeclared name are often many.
    pub source_typos: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Option<credit::TypoOf>>>,
}

impl Context<'_> {
    /// [`shared_mentions`] of `name` for this check's annotation and article, asked once.
    pub(crate) fn mentions_of(&self, name: &str) -> Arc<[Span]> {
        if let Some(hit) = self.mentions.borrow().get(name) {
            return hit.clone();
        }
        let found = shared_mentions(self.model, self.article, name);
        self.mentions
            .borrow_mut()
            .insert(name.into(), found.clone());
        found
    }
}

/// Checks `parsed` against its article and returns every finding, suppressions and
/// configured severities applied, sorted by position.
pub fn check(
    parsed: &Parsed,
    article: ArticleRef<'_>,
    config: &Config,
    cache: &mut ClaimCache,
) -> Vec<Diagnostic> {
    cache.prepare(article.article());
    // Sized up front: on a big file, growing these is a good part of a re-check (the
    // findings as many as the last run's, thousands of C050 on a big article).
    let mut out = Vec::with_capacity(parsed.structural.len() + cache.last_found + 16);
    out.extend_from_slice(&parsed.structural);
    let claims = parsed.model.claims.len();
    // Reserved where it is filled: most edits keep the last run's anchors and leave it
    // empty (a fresh allocation of megabytes each time is not free either).
    let mut anchors: Vec<(u32, Anchor)> = Vec::new();
    let mut used_actors = vec![false; parsed.model.actors.len()];
    let mut live_keys: Vec<u64> = std::mem::take(&mut cache.spare_keys);
    live_keys.clear();
    if !cache.disabled {
        live_keys.reserve(claims);
    }
    // Whether `anchors` was left empty because this run's anchors are those kept in
    // `cache.duplicates`.
    let mut kept_anchors = false;
    match article {
        ArticleRef::Failed(err) => {
            out.push(file::article_unreadable(parsed, err));
            // What does not need the article is still checked.
            for claim in &parsed.model.claims {
                mark(&mut used_actors, &actors_named(&parsed.model, claim));
            }
            out.extend(
                parsed
                    .model
                    .claims
                    .iter()
                    .filter_map(|c| file::stance(c, config)),
            );
        }
        ArticleRef::Loaded(art) => {
            let ctx = Context {
                text: &parsed.text,
                model: &parsed.model,
                article: art,
                config,
                keep_quotes: cache.keep_quotes,
                mentions: Default::default(),
                source_typos: Default::default(),
            };
            let context_key = if cache.disabled {
                0
            } else {
                context_fingerprint(&parsed.model, config)
            };
            if cache.disabled {
                anchors.reserve(claims + claims / 4);
                let mut quotes = Vec::with_capacity(if cache.keep_quotes { claims } else { 0 });
                for (i, claim) in parsed.model.claims.iter().enumerate() {
                    cache.last_misses += 1;
                    let fresh = check_claim(&ctx, claim);
                    out.extend(fresh.diagnostics);
                    anchors.extend(fresh.anchors.into_iter().map(|a| (claim_index(i), a)));
                    mark(&mut used_actors, &fresh.actors);
                    if cache.keep_quotes {
                        quotes.push(fresh.quotes);
                    }
                }
                if cache.keep_quotes {
                    cache.last_quotes = Some(QuoteMatches { by_claim: quotes });
                }
            } else {
                if parsed.content_keys.len() == claims {
                    live_keys.extend(
                        parsed
                            .content_keys
                            .iter()
                            .map(|&k| claim_key(k, context_key)),
                    );
                } else {
                    live_keys.extend(
                        parsed
                            .model
                            .claims
                            .iter()
                            .map(|c| claim_key(content_key(c), context_key)),
                    );
                }
                let mut ordered = std::mem::take(&mut cache.ordered);
                let old_len = ordered.len();
                debug_assert_eq!(cache.keys.len(), old_len);
                let (prefix, suffix) = common_ends(&live_keys, &cache.keys);
                // The claims at the common ends keep their results, their anchors and
                // their actors: what the last run gathered from them is reused, so that
                // an edit reads no other claim's results (on a big file, reading each
                // claim's anchors and actors was most of the check).
                let incremental = prefix + suffix > 0
                    && cache.uses.len() == used_actors.len()
                    && cache.duplicates.is_some();
                let old_middle = prefix..old_len - suffix;
                if !incremental {
                    cache.uses = vec![0; used_actors.len()];
                }
                // The results between the common ends go to `spare`, where the claims
                // between them look theirs up; the ends stay where they are.
                for entry in &mut ordered[old_middle.clone()] {
                    let (key, result) = std::mem::take(entry);
                    if incremental {
                        count_uses(&mut cache.uses, &result.actors, false);
                    }
                    cache.spare.insert(key, result);
                }
                cache.last_hits += prefix + suffix;
                let mut middle = Vec::with_capacity(claims - suffix - prefix);
                for (claim, &key) in parsed.model.claims[prefix..claims - suffix]
                    .iter()
                    .zip(&live_keys[prefix..])
                {
                    let result = match cache.spare.remove(&key) {
                        Some(r) => {
                            cache.last_hits += 1;
                            r
                        }
                        None => {
                            cache.last_misses += 1;
                            let fresh = check_claim(&ctx, claim);
                            Kept::new(
                                fresh
                                    .diagnostics
                                    .into_iter()
                                    .map(|d| d.shifted(-(claim.span().start as isize)))
                                    .collect(),
                                fresh.anchors,
                                fresh.actors,
                            )
                        }
                    };
                    if incremental {
                        count_uses(&mut cache.uses, &result.actors, true);
                    }
                    middle.push((key, result));
                }
                if incremental {
                    // The last run's anchors, by claim index: those of the claims before
                    // the middle as they were, the middle's new, those after renumbered.
                    let old: &[(u32, Anchor)] =
                        cache.duplicates.as_ref().map_or(&[], |(a, _)| a.as_slice());
                    let a = old.partition_point(|(i, _)| (*i as usize) < prefix);
                    let b = old.partition_point(|(i, _)| (*i as usize) < old_middle.end);
                    let mut new_middle = middle.iter().enumerate().flat_map(|(k, (_, result))| {
                        result
                            .anchors
                            .iter()
                            .map(move |x| (claim_index(prefix + k), *x))
                    });
                    // Most edits leave the claim count and the middle's anchors as they
                    // were: then the list is the last run's, and neither copying it (tens
                    // of thousands of anchors on a big file) nor comparing the copy with it
                    // is needed.
                    kept_anchors =
                        claims == old_len && new_middle.clone().eq(old[a..b].iter().copied());
                    if !kept_anchors {
                        anchors.reserve(old.len() + old.len() / 8 + 16);
                        anchors.extend_from_slice(&old[..a]);
                        anchors.extend(&mut new_middle);
                        let moved = claims as isize - old_len as isize;
                        anchors.extend(
                            old[b..]
                                .iter()
                                .map(|(i, x)| (claim_index(shift_index(*i as usize, moved)), *x)),
                        );
                    }
                }
                if middle.len() == old_middle.len() {
                    // One claim edited in place: nothing after it moves.
                    for (slot, entry) in ordered[old_middle].iter_mut().zip(middle) {
                        *slot = entry;
                    }
                } else if ordered.is_empty() {
                    // The first run: the results as made, not copied into a second vector
                    // (both would be held at once, tens of megabytes on a big file).
                    ordered = middle;
                } else {
                    ordered.splice(old_middle, middle);
                }
                if incremental {
                    // The claims with findings: those before the middle as they were, the
                    // middle's found again, those after renumbered (an edit reads the
                    // results of the claims with findings only, not of all of them).
                    let with = &mut cache.with_findings;
                    let lo = with.partition_point(|&i| i < prefix);
                    let hi = with.partition_point(|&i| i < old_len - suffix);
                    let moved = claims as isize - old_len as isize;
                    for i in &mut with[hi..] {
                        *i = shift_index(*i, moved);
                    }
                    let found = (prefix..claims - suffix)
                        .filter(|&i| !ordered[i].1.diagnostics().is_empty());
                    with.splice(lo..hi, found);
                } else {
                    cache.with_findings.clear();
                    anchors.reserve(claims + claims / 4);
                    for (i, (_, result)) in ordered.iter().enumerate() {
                        if !result.diagnostics().is_empty() {
                            cache.with_findings.push(i);
                        }
                        anchors.extend(result.anchors.iter().map(|a| (claim_index(i), *a)));
                        count_uses(&mut cache.uses, &result.actors, true);
                    }
                }
                for &i in &cache.with_findings {
                    let at = parsed.model.claims[i].span().start as isize;
                    let found = ordered[i].1.diagnostics();
                    out.extend(found.iter().map(|d| d.clone().shifted(at)));
                }
                for (used, n) in used_actors.iter_mut().zip(&cache.uses) {
                    *used = *n > 0;
                }
                cache.ordered = ordered;
                // The keys of `ordered`, in one list for the next run's `common_ends`; the
                // last run's list is this run's buffer next time.
                let last = std::mem::replace(&mut cache.keys, live_keys);
                cache.spare_keys = last;
                // Drop old results so an edited file does not grow the cache forever.
                if cache.spare.len() > claims + 64 {
                    cache.spare.clear();
                }
            }
            out.extend(file::date(parsed, art));
            out.extend(credit::unused_aliases(&parsed.model, art));
            // Coverage depends on the anchors and the article alone: most re-checks leave
            // every anchor where it was, and sorting them all again was a good part of an
            // edit on a big file.
            let same_anchors =
                kept_anchors || matches!(&cache.duplicates, Some((old, _)) if *old == anchors);
            let (total, unannotated) = match &cache.coverage {
                Some((a, total, missing)) if same_anchors && Arc::ptr_eq(a, art) => {
                    (*total, missing.clone())
                }
                _ => {
                    let this_run = match &cache.duplicates {
                        Some((old, _)) if kept_anchors => old.as_slice(),
                        _ => anchors.as_slice(),
                    };
                    let spans: Vec<Span> = this_run.iter().map(|(_, a)| a.span()).collect();
                    credit::unannotated(art, &spans)
                }
            };
            if !cache.disabled {
                cache.coverage = Some((art.clone(), total, unannotated.clone()));
            }
            if config
                .severity(crate::diagnostic::Code::UnannotatedAttribution)
                .is_some()
            {
                // The drafted texts depend on the article, the declared actors and
                // configuration (context_key) and the ids the file already uses.
                let mut h = rustc_hash::FxHasher::default();
                (std::ptr::from_ref::<Article>(art) as usize).hash(&mut h);
                context_key.hash(&mut h);
                // Covers the ids (with the relations), kept up to date by edits.
                parsed.model.refs_digest.hash(&mut h);
                let mut fresh = credit::UnannotatedMemo::default();
                let memo = if cache.disabled {
                    &mut fresh
                } else {
                    &mut cache.unannotated
                };
                out.extend(credit::unannotated_diagnostics(
                    &parsed.text,
                    &parsed.model,
                    art,
                    &unannotated,
                    memo,
                    h.finish(),
                ));
            }
            cache.last_coverage = Some(Coverage { total, unannotated });
            // Most re-checks leave every anchor where it was: reuse the pairs then.
            let pairs = match cache.duplicates.take() {
                Some((old, pairs)) if same_anchors => (old, pairs),
                _ => {
                    let pairs = file::duplicate_pairs(&anchors);
                    (anchors, pairs)
                }
            };
            out.extend(file::duplicate_quotes(parsed, &pairs.1));
            if !cache.disabled {
                cache.duplicates = Some(pairs);
            }
        }
    }
    out.extend(file::unused_actors(parsed, &used_actors));
    out.extend(file::ids_and_relations(
        parsed,
        &mut cache.suggestions,
        &mut cache.refs,
        !cache.disabled,
    ));
    cache.last_found = out.len();
    finish(parsed, config, out)
}

/// Adds (or takes away) one use of each of `actors` in `uses`.
fn count_uses(uses: &mut [u32], actors: &[usize], add: bool) {
    for &i in actors {
        if let Some(n) = uses.get_mut(i) {
            *n = if add { *n + 1 } else { n.saturating_sub(1) };
        }
    }
}

fn mark(used: &mut [bool], actors: &[usize]) {
    for &i in actors {
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
    }
}

/// The declared actors `claim` names in `source:` and `via:`.
fn actors_named(model: &Annotation, claim: &Claim) -> Vec<usize> {
    let via = claim.via_items();
    claim
        .source_name()
        .into_iter()
        .chain(via.iter().map(|v| v.text.as_str()))
        .filter_map(|name| model.actor_index(name))
        .collect()
}

/// How many other occurrences of an ambiguous quote the attribution checks try.
const MAX_OCCURRENCES_TRIED: usize = 16;

/// Checks one claim against the article (absolute spans).
pub(crate) fn check_claim(ctx: &Context<'_>, claim: &Claim) -> ClaimResult {
    let mut result = ClaimResult {
        actors: actors_named(ctx.model, claim),
        ..ClaimResult::default()
    };
    result.diagnostics.extend(file::stance(claim, ctx.config));
    quotes::check(ctx, claim, &mut result);
    let first = result.anchors.first().copied();
    let mut found = Vec::new();
    attribution::check(ctx, claim, first.map(Anchor::span), &mut found);
    // A quote the article has in several places is checked where its source and cue fit
    // best: the occurrence with the fewest attribution findings.
    let ambiguous = result
        .diagnostics
        .iter()
        .any(|d| d.code == crate::diagnostic::Code::QuoteAmbiguous);
    if let (Some(first), true, false) = (first, ambiguous, found.is_empty()) {
        let text = &claim.quotes[first.quote()].value.text;
        for other in ctx
            .article
            .find_phrase(text)
            .into_iter()
            .filter(|s| *s != first.span())
            .take(MAX_OCCURRENCES_TRIED)
        {
            let mut there = Vec::new();
            attribution::check(ctx, claim, Some(other), &mut there);
            if there.len() < found.len() {
                found = there;
                if found.is_empty() {
                    break;
                }
            }
        }
    }
    result.diagnostics.append(&mut found);
    // Kept for every claim of the file (50,000 in a big one) for as long as the document
    // is open: without the room that pushing one item leaves (four items' worth).
    result.diagnostics.shrink_to_fit();
    result.anchors.shrink_to_fit();
    result.actors.shrink_to_fit();
    result
}

/// How many keys `keys` and `prev` share at their starts and, after those, at their ends.
fn common_ends(keys: &[u64], prev: &[u64]) -> (usize, usize) {
    let prefix = keys.iter().zip(prev).take_while(|(k, p)| k == p).count();
    let room = keys.len().min(prev.len()) - prefix;
    let suffix = keys
        .iter()
        .rev()
        .zip(prev.iter().rev())
        .take(room)
        .take_while(|(k, p)| k == p)
        .count();
    (prefix, suffix)
}

/// What a claim's cache key takes from the claim: its text's hash (made when it was
/// parsed) and its length. Moving the claim changes neither.
fn content_key(claim: &Claim) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    claim.fingerprint.hash(&mut h);
    claim.span().len().hash(&mut h);
    h.finish()
}

/// A claim's cache key: its [`content_key`] with the context mixed in.
fn claim_key(content: u64, context: u64) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    content.hash(&mut h);
    context.hash(&mut h);
    h.finish()
}

/// What every claim check depends on besides the claim and the article.
fn context_fingerprint(model: &Annotation, config: &Config) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for a in &model.actors {
        a.name.hash(&mut h);
        for alias in &a.aliases {
            alias.text.hash(&mut h);
        }
        a.kind_str().hash(&mut h);
    }
    for p in model.header.publishers() {
        p.text.hash(&mut h);
    }
    config.proximity_paragraphs.hash(&mut h);
    config.cue_verbs.hash(&mut h);
    config.stances.hash(&mut h);
    h.finish()
}

/// Applies suppressions and severities, then sorts.
fn finish(parsed: &Parsed, config: &Config, mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let (suppressions, mut bad) = suppress::collect(parsed);
    diags.append(&mut bad);
    diags.retain_mut(|d| {
        if suppressions.iter().any(|s| s.covers(d)) {
            return false;
        }
        // A configured severity wins; otherwise the check's own choice stays (C024 is a
        // warning when its evidence is a resolved pronoun, an error otherwise).
        match config.rules.get(&d.code) {
            Some(Some(sev)) => {
                d.severity = *sev;
                true
            }
            Some(None) => false,
            None => true,
        }
    });
    diags.sort_by_key(|d| (d.span.start, d.code, d.span.end));
    diags.dedup();
    diags
}

/// Checks text that has no article at hand (an unsaved buffer, a test): only what does
/// not need the article, plus C031 for the given error.
pub fn check_without_article(
    parsed: &Parsed,
    err: &ArticleError,
    config: &Config,
) -> Vec<Diagnostic> {
    check(
        parsed,
        ArticleRef::Failed(err),
        config,
        &mut ClaimCache::new(),
    )
}

#[cfg(test)]
pub(crate) mod tests;
