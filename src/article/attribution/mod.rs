//! Attribution analysis: who the article says said what, through whom, with which cue.
//!
//! Computed once per article version (see [`Article::attributions`]), never per keystroke.
//! Everything is a byte span into the article's own text, following PARC's scheme:
//! **content** (the reported words), **cue** (the reporting words), **source** (the
//! speaker as written), plus what a claim needs beyond PARC: the speaker a pronoun or
//! descriptor refers to, the addressee, and the chain of intermediaries.

mod engine;
pub mod lexicon;
mod word;

use super::Article;
use crate::text::{narrow, Span};
pub(crate) use engine::{MONTHS, WEEKDAYS};

/// How the reported words appear in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContentKind {
    /// Words inside quotation marks (possibly split around the cue, or over paragraphs).
    Direct,
    /// Reported speech without quotation marks (`said that …`, `according to X, …`).
    Indirect,
    /// A headline form: `Erdogan: Turkey will …`.
    Headline,
}

/// How firmly the article ties the source to the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// Weak evidence (e.g. a quote with a speaker carried on from an earlier paragraph).
    Low,
    /// The source is a pronoun or descriptor resolved to an earlier mention.
    Medium,
    /// The cue and a named source stand in the content's own sentence.
    High,
}

/// One attributed statement of the article, as it is made: see [`Attribution`] for how
/// it is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// The reported words, in article order: several parts for a quote split around its
    /// cue or running over paragraphs. Never empty; quotation marks are not included.
    pub content: Vec<Span>,
    pub kind: ContentKind,
    /// The reporting words as they stand (`said`, `told`, `according to`, `said in a
    /// statement`).
    pub cue: Option<Span>,
    /// The speaker as written next to the cue (`he`, `the minister`, `Mr Peston`).
    pub source: Option<Span>,
    /// When `source` is a pronoun or descriptor: the earlier mention it refers to.
    pub resolved: Option<Span>,
    /// Who was spoken to (`told CNN`, `in an interview with Sputnik`): never the source.
    pub addressee: Option<Span>,
    /// Intermediaries through which the words reached the article, nearest the source
    /// first (`CNN reported citing a Syrian national` → `[CNN]`). The article's publisher
    /// is not listed: it is in the annotation header.
    pub chain: Vec<Span>,
    pub confidence: Confidence,
}

/// An optional article span in 8 bytes (an `Option<Span>` is 24): two `u32` offsets,
/// `None` as an end before the start. Articles are far below 4 GiB (the configured
/// `max_article_bytes`, 16 MiB by default, bounds them); an offset past `u32::MAX`
/// saturates (a debug build stops on it).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct OptSpan {
    start: u32,
    end: u32,
}

const _: () = assert!(std::mem::size_of::<OptSpan>() == 8);

impl OptSpan {
    const NONE: OptSpan = OptSpan { start: 1, end: 0 };

    fn new(span: Option<Span>) -> OptSpan {
        span.map_or(OptSpan::NONE, |s| OptSpan {
            start: narrow(s.start),
            end: narrow(s.end),
        })
    }

    fn get(self) -> Option<Span> {
        (self.start <= self.end).then(|| Span::new(self.start as usize, self.end as usize))
    }
}

/// One attributed statement of the article (made from its [`Parts`]).
///
/// Kept in 64 bytes (the parts take 152): an article of 8 MB has about 60,000 of them, and
/// the article's analysis keeps them all for as long as the article is open. The four
/// optional spans are two `u32`s each, read through [`Attribution::cue`] and the like; the
/// chain, nearly always empty, is one pointer.
#[derive(Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The reported words, in article order: several parts for a quote split around its
    /// cue or running over paragraphs. Never empty; quotation marks are not included.
    pub content: Box<[Span]>,
    cue: OptSpan,
    source: OptSpan,
    resolved: OptSpan,
    addressee: OptSpan,
    /// `None` when empty: no allocation, and 8 bytes.
    chain: Option<Box<Box<[Span]>>>,
    pub kind: ContentKind,
    pub confidence: Confidence,
}

const _: () = assert!(std::mem::size_of::<Attribution>() == 64);

impl From<Parts> for Attribution {
    fn from(p: Parts) -> Attribution {
        let mut a = Attribution {
            content: p.content.into_boxed_slice(),
            cue: OptSpan::new(p.cue),
            source: OptSpan::new(p.source),
            resolved: OptSpan::new(p.resolved),
            addressee: OptSpan::new(p.addressee),
            chain: None,
            kind: p.kind,
            confidence: p.confidence,
        };
        a.set_chain(p.chain);
        a
    }
}

impl From<&Attribution> for Parts {
    fn from(a: &Attribution) -> Parts {
        Parts {
            content: a.content.to_vec(),
            kind: a.kind,
            cue: a.cue(),
            source: a.source(),
            resolved: a.resolved(),
            addressee: a.addressee(),
            chain: a.chain().to_vec(),
            confidence: a.confidence,
        }
    }
}

/// Prints as the [`Parts`] it was made of.
impl std::fmt::Debug for Attribution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Parts::from(self).fmt(f)
    }
}

impl Attribution {
    /// How many bytes of `span` lie in the content.
    pub fn overlap(&self, span: Span) -> usize {
        self.content
            .iter()
            .map(|c| c.end.min(span.end).saturating_sub(c.start.max(span.start)))
            .sum()
    }

    /// How many bytes of `span` lie between two parts of the content (`"…," said Ann
    /// Dole, a lawyer. "…"`): words of the statement that a quote elided across the parts
    /// skips, not words it quotes.
    pub fn between_parts(&self, span: Span) -> usize {
        self.content
            .windows(2)
            .map(|w| {
                w[1].start
                    .min(span.end)
                    .saturating_sub(w[0].end.max(span.start))
            })
            .sum()
    }

    /// The reporting words as they stand (`said`, `told`, `according to`, `said in a
    /// statement`).
    pub fn cue(&self) -> Option<Span> {
        self.cue.get()
    }

    /// The speaker as written next to the cue (`he`, `the minister`, `Mr Peston`).
    pub fn source(&self) -> Option<Span> {
        self.source.get()
    }

    /// When `source` is a pronoun or descriptor: the earlier mention it refers to.
    pub fn resolved(&self) -> Option<Span> {
        self.resolved.get()
    }

    /// Who was spoken to (`told CNN`, `in an interview with Sputnik`): never the source.
    pub fn addressee(&self) -> Option<Span> {
        self.addressee.get()
    }

    /// Intermediaries through which the words reached the article, nearest the source
    /// first (`CNN reported citing a Syrian national` → `[CNN]`). The article's publisher
    /// is not listed: it is in the annotation header.
    pub fn chain(&self) -> &[Span] {
        self.chain.as_deref().map_or(&[], |c| c)
    }

    /// Replaces the cue.
    pub fn set_cue(&mut self, cue: Option<Span>) {
        self.cue = OptSpan::new(cue);
    }

    /// Replaces the source as written.
    pub fn set_source(&mut self, source: Option<Span>) {
        self.source = OptSpan::new(source);
    }

    /// Replaces the mention the source refers to.
    pub fn set_resolved(&mut self, resolved: Option<Span>) {
        self.resolved = OptSpan::new(resolved);
    }

    /// Replaces the addressee.
    pub fn set_addressee(&mut self, addressee: Option<Span>) {
        self.addressee = OptSpan::new(addressee);
    }

    /// Replaces the chain of intermediaries.
    pub fn set_chain(&mut self, chain: Vec<Span>) {
        self.chain = (!chain.is_empty()).then(|| Box::new(chain.into_boxed_slice()));
    }

    /// From the first content part's start to the last part's end.
    pub fn content_span(&self) -> Span {
        let first = self.content.first().copied().unwrap_or_default();
        let last = self.content.last().copied().unwrap_or(first);
        first.cover(last)
    }

    /// The mention naming the speaker: the resolved one when the source is a pronoun or
    /// descriptor, else the source as written.
    pub fn speaker(&self) -> Option<Span> {
        self.resolved().or(self.source())
    }
}

/// Every attribution of one article, sorted by content start.
#[derive(Clone, Debug, Default)]
pub struct Attributions {
    pub items: Vec<Attribution>,
    /// For each item, its content start and the furthest content end among it and the
    /// items before it (made on first need), so that a look-up by span is two binary
    /// searches and not a scan of every attribution (one per claim made a full check
    /// quadratic on long articles). The starts are copied out of the items: a search
    /// through the items themselves read each probed item's content list, two reads at
    /// random places per step in a long article. `None` when the items are not sorted by
    /// content start: then every item is read.
    reach: std::sync::OnceLock<Option<Reach>>,
}

#[derive(Clone, Debug)]
struct Reach {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Attributions {
    pub fn new(items: Vec<Attribution>) -> Attributions {
        Attributions {
            items,
            reach: std::sync::OnceLock::new(),
        }
    }

    /// The items that may overlap `span`: none outside this range does.
    fn window(&self, span: Span) -> std::ops::Range<usize> {
        let start = |a: &Attribution| a.content.first().map_or(0, |c| c.start);
        let reach = self.reach.get_or_init(|| {
            let sorted = self.items.windows(2).all(|w| start(&w[0]) <= start(&w[1]));
            sorted.then(|| {
                let mut furthest = 0;
                let ends = self
                    .items
                    .iter()
                    .map(|a| {
                        furthest = a.content.iter().map(|c| c.end).fold(furthest, usize::max);
                        furthest
                    })
                    .collect();
                Reach {
                    starts: self.items.iter().map(start).collect(),
                    ends,
                }
            })
        });
        let Some(reach) = reach else {
            return 0..self.items.len();
        };
        // An overlapping part starts before the span's end (so does the item's first
        // part) and ends after the span's start (so the reach up to the item does).
        let end = span.end.max(span.start + 1);
        let hi = reach.starts.partition_point(|&s| s < end);
        let lo = reach.ends.partition_point(|&r| r <= span.start);
        lo.min(hi)..hi
    }

    /// Attributions whose content overlaps `span`, in article order.
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &Attribution> + '_ {
        self.items[self.window(span)].iter().filter(move |a| {
            a.content
                .iter()
                .any(|c| c.start < span.end.max(span.start + 1) && span.start < c.end)
        })
    }

    /// Whether `a` is reported inside another attribution's content (`X said the leader
    /// had asked …`): a nested attribution, which PARC annotates and a first draft may
    /// leave to the annotator.
    pub fn is_nested(&self, a: &Attribution) -> bool {
        let at = a.cue().map_or(a.content_span().start, |c| c.start);
        self.items
            .iter()
            .any(|b| !std::ptr::eq(a, b) && b.content.iter().any(|c| c.start <= at && at < c.end))
    }

    /// The attribution that best explains a quote found at `span`: the one whose content
    /// overlaps it most.
    pub fn covering(&self, span: Span) -> Option<&Attribution> {
        self.overlapping(span)
            .max_by_key(|a| (a.overlap(span), std::cmp::Reverse(a.content_span().start)))
    }
}

/// Finds every attribution of `article`.
pub fn analyze(article: &Article) -> Attributions {
    Attributions::new(engine::run(article))
}

#[cfg(test)]
mod tests;
