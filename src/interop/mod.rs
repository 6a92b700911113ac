//! Getting annotations out of claimls and existing corpora in (`claimls export`,
//! `claimls import`).
//!
//! [`resolve`] turns a checked annotation and its article into [`Resolved`]: every claim
//! with each quote part's article span (bytes, code points, line/column), the match
//! level, the article mentions of its source, intermediaries and cue, and its findings.
//! The exporters ([`json`], [`w3c`], [`brat`], [`csv`]) render that as strings; the
//! importers ([`import_brat`], [`import_w3c`]) read other formats and return `.claims`
//! text. Nothing here writes files or knows about terminals.

pub mod brat;
pub mod csv;
pub mod import_brat;
pub mod import_w3c;
pub mod json;
pub mod w3c;

use crate::article::{Article, MatchLevel, QuoteSearch};
use crate::check::{mentions_of, Parsed, QuoteMatches};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Claim, UNNAMED};
use crate::text::{Encoding, LineIndex, Span};
use serde::Serialize;

/// Byte offset -> code-point offset and line/column for one text, built once.
pub struct Offsets<'a> {
    text: &'a str,
    lines: LineIndex,
    /// Code points before the start of each line.
    line_chars: Vec<usize>,
}

impl<'a> Offsets<'a> {
    pub fn new(text: &'a str) -> Self {
        let lines = LineIndex::new(text);
        let mut line_chars = Vec::with_capacity(lines.line_count());
        let mut chars = 0;
        let mut at = 0;
        for line in 0..lines.line_count() {
            let start = lines.line_span(line).start;
            chars += count_chars(&text.as_bytes()[at..start]);
            at = start;
            line_chars.push(chars);
        }
        Offsets {
            text,
            lines,
            line_chars,
        }
    }

    /// Code points before byte `offset`.
    pub fn char_offset(&self, offset: usize) -> usize {
        let line = self.lines.line_of(offset);
        let start = self.lines.line_span(line).start;
        self.line_chars.get(line).copied().unwrap_or(0)
            + count_chars(&self.text.as_bytes()[start..offset.min(self.text.len())])
    }

    /// One-based line and one-based column in code points.
    pub fn line_col(&self, offset: usize) -> LineColumn {
        let p = self.lines.position(self.text, offset, Encoding::Chars);
        LineColumn {
            line: p.line as usize + 1,
            column: p.col as usize + 1,
        }
    }

    pub fn span(&self, span: Span) -> ArticleSpan {
        ArticleSpan {
            text: span.slice(self.text).to_string(),
            bytes: [span.start, span.end],
            chars: [self.char_offset(span.start), self.char_offset(span.end)],
            start: self.line_col(span.start),
            end: self.line_col(span.end),
        }
    }
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

/// Byte offset of code-point offset `chars` in `text` (the end when past it), or `None`
/// when `text` has fewer code points.
pub fn byte_of_char(text: &str, chars: usize) -> Option<usize> {
    if chars == 0 {
        return Some(0);
    }
    let mut seen = 0;
    for (i, _) in text.char_indices() {
        if seen == chars {
            return Some(i);
        }
        seen += 1;
    }
    (seen == chars).then_some(text.len())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// A span of the article in every unit a consumer may count in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleSpan {
    pub text: String,
    /// `[start, end)` in UTF-8 bytes.
    pub bytes: [usize; 2],
    /// `[start, end)` in Unicode code points (what brat and the W3C position selector count).
    pub chars: [usize; 2],
    pub start: LineColumn,
    pub end: LineColumn,
}

/// How well a quote (or a claim: its worst quote) matches the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Exact,
    Normalized,
    NearMiss,
    /// Not in the article: exported, marked, never dropped.
    NotFound,
    /// The article could not be read.
    NoArticle,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Exact => "exact",
            Level::Normalized => "normalized",
            Level::NearMiss => "near-miss",
            Level::NotFound => "not-found",
            Level::NoArticle => "no-article",
        }
    }

    fn of(level: MatchLevel) -> Level {
        match level {
            MatchLevel::Exact => Level::Exact,
            MatchLevel::Normalized => Level::Normalized,
            MatchLevel::NearMiss { .. } => Level::NearMiss,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct QuotePart {
    /// The part as written in the annotation.
    pub quote: String,
    pub level: Level,
    /// Character edits, for a near miss.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<u32>,
    pub article: ArticleSpan,
}

#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    pub text: String,
    /// One-based line of the `quote:` field in the annotation.
    pub line: usize,
    pub resolved: bool,
    pub level: Level,
    /// Places in the article holding the whole quote (0 when unresolved).
    pub occurrences: usize,
    pub parts: Vec<QuotePart>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub message: String,
    /// One-based line and column (code points) in the annotation.
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Mention {
    pub name: String,
    /// The article mention nearest the claim's first quote, if the article mentions it.
    pub article: Option<ArticleSpan>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Relation {
    pub kind: &'static str,
    pub target: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ResolvedClaim {
    pub id: String,
    pub line: usize,
    pub source: Option<Mention>,
    pub via: Vec<Mention>,
    pub cue: Option<Mention>,
    pub stance: Option<String>,
    pub note: Option<String>,
    pub relations: Vec<Relation>,
    pub quotes: Vec<Quote>,
    /// The worst level among the quotes (`not-found` when the claim has none).
    pub level: Level,
    pub findings: Vec<Finding>,
}

impl ResolvedClaim {
    /// Every resolved quote part, in quote order.
    pub fn parts(&self) -> impl Iterator<Item = &QuotePart> {
        self.quotes.iter().flat_map(|q| q.parts.iter())
    }

    /// The quotes joined as one text (`…` between quotes).
    pub fn quote_text(&self) -> String {
        self.quotes
            .iter()
            .map(|q| q.text.as_str())
            .collect::<Vec<_>>()
            .join(" \u{2026} ")
    }

    pub fn via_text(&self) -> String {
        self.via
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Header {
    pub article: Option<String>,
    pub date: Option<String>,
    pub publisher: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ActorOut {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<String>,
    pub role: Option<String>,
    pub note: Option<String>,
    pub line: usize,
}

/// One annotation resolved against its article: what every exporter renders.
#[derive(Clone, Debug, Serialize)]
pub struct Resolved {
    /// The annotation file as named on the command line.
    pub file: String,
    /// The article file name (as the annotation names it, or `NAME.txt`).
    pub article_file: String,
    /// Why the article could not be read, when it could not.
    pub article_error: Option<String>,
    pub header: Header,
    pub actors: Vec<ActorOut>,
    pub claims: Vec<ResolvedClaim>,
    /// Findings outside any claim (header, actors, file-wide).
    pub findings: Vec<Finding>,
    /// Error-severity findings in the whole file.
    pub errors: usize,
    #[serde(skip)]
    pub article_text: Option<String>,
}

/// Resolves `parsed` against `article` (`Err` with the reason when it was unreadable);
/// `diagnostics` are the file's findings as `check` reported them (sorted by position);
/// `quotes` are where that check found each quote ([`crate::check::ClaimCache::keeping_quotes`]):
/// given, the quotes are not searched again (a quote it lacks is searched here).
pub fn resolve(
    file: &str,
    article_file: &str,
    parsed: &Parsed,
    article: Result<&Article, String>,
    diagnostics: &[Diagnostic],
    quotes: Option<&QuoteMatches>,
) -> Resolved {
    let model = &parsed.model;
    // Matches of another version of the file are no use.
    let quotes = quotes.filter(|q| q.claims() == model.claims.len());
    let file_pos = Offsets::new(&parsed.text);
    let finding = |d: &Diagnostic| {
        let at = file_pos.line_col(d.span.start);
        Finding {
            code: d.code.as_str(),
            name: d.code.name(),
            severity: d.severity.as_str(),
            message: d.message.to_string(),
            line: at.line,
            column: at.column,
        }
    };
    let article_pos = article.as_ref().ok().map(|a| Offsets::new(&a.text));
    let value = |f: Option<&crate::model::Field>| {
        f.map(|f| f.value.text.to_string())
            .filter(|t| !t.is_empty())
    };

    let mut findings = Vec::new();
    let mut claims = Vec::with_capacity(model.claims.len());
    let mut cues = CueSpots::default();
    let mut d = 0;
    for (index, claim) in model.claims.iter().enumerate() {
        let mut own = Vec::new();
        while d < diagnostics.len() && diagnostics[d].span.start < claim.span().start {
            findings.push(finding(&diagnostics[d]));
            d += 1;
        }
        while d < diagnostics.len() && diagnostics[d].span.start <= claim.span().end {
            own.push(finding(&diagnostics[d]));
            d += 1;
        }
        let resolved = match (&article, &article_pos) {
            (Ok(a), Some(pos)) => {
                let found = |quote: usize| quotes.and_then(|q| q.get(index, quote));
                resolve_claim(parsed, claim, a, pos, found, &mut cues)
            }
            _ => unresolved_claim(parsed, claim),
        };
        claims.push(ResolvedClaim {
            findings: own,
            stance: value(claim.stance.as_ref()),
            note: value(claim.note.as_deref()),
            ..resolved
        });
    }
    findings.extend(diagnostics[d..].iter().map(finding));

    let header = &model.header;
    Resolved {
        file: file.to_string(),
        article_file: article_file.to_string(),
        article_error: article.as_ref().err().cloned(),
        header: Header {
            article: value(header.article.as_ref()),
            date: value(header.date.as_ref()),
            publisher: header.publishers().into_iter().map(|i| i.text).collect(),
        },
        actors: model
            .actors
            .iter()
            .map(|a| ActorOut {
                name: a.name.clone(),
                aliases: a.aliases.iter().map(|i| i.text.clone()).collect(),
                kind: value(a.kind.as_ref()),
                role: value(a.role.as_ref()),
                note: value(a.note.as_ref()),
                line: a.line + 1,
            })
            .collect(),
        claims,
        findings,
        errors: diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        article_text: article.ok().map(|a| a.text.clone()),
    }
}

fn base_claim(claim: &Claim) -> ResolvedClaim {
    ResolvedClaim {
        id: claim.id.to_string(),
        line: claim.line() + 1,
        source: None,
        via: Vec::new(),
        cue: None,
        stance: None,
        note: None,
        relations: claim
            .relations
            .iter()
            .map(|r| Relation {
                kind: r.kind.field(),
                target: r.target.text.clone(),
            })
            .collect(),
        quotes: Vec::new(),
        level: Level::NotFound,
        findings: Vec::new(),
    }
}

fn unresolved_claim(parsed: &Parsed, claim: &Claim) -> ResolvedClaim {
    let _ = parsed;
    let mention = |name: &str| Mention {
        name: name.to_string(),
        article: None,
    };
    let quotes: Vec<Quote> = claim
        .quotes
        .iter()
        .filter(|q| !q.value.is_empty())
        .map(|q| Quote {
            text: q.value.text.to_string(),
            line: q.line() + 1,
            resolved: false,
            level: Level::NoArticle,
            occurrences: 0,
            parts: Vec::new(),
        })
        .collect();
    ResolvedClaim {
        source: claim.source_name().map(mention),
        via: claim.via_items().iter().map(|i| mention(&i.text)).collect(),
        cue: claim
            .cue
            .as_ref()
            .filter(|c| !c.value.is_empty())
            .map(|c| mention(&c.value.text)),
        level: Level::NoArticle,
        quotes,
        ..base_claim(claim)
    }
}

/// `found(i)`: where the check found quote field `i`, if it says.
fn resolve_claim<'s>(
    parsed: &Parsed,
    claim: &Claim,
    article: &Article,
    pos: &Offsets<'_>,
    found: impl Fn(usize) -> Option<&'s QuoteSearch>,
    cues: &mut CueSpots,
) -> ResolvedClaim {
    let mut quotes = Vec::new();
    for (index, q) in claim
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.value.is_empty())
    {
        let text = &q.value.text;
        let searched;
        let search = match found(index) {
            Some(s) => s,
            None => {
                searched =
                    crate::check::place::place_quote(article, &parsed.model, &[], claim, text).0;
                &searched
            }
        };
        let quote = match search {
            QuoteSearch::Found { parts, occurrences } => {
                let parts: Vec<QuotePart> = parts
                    .iter()
                    .map(|p| QuotePart {
                        quote: p.quote.slice(text).to_string(),
                        level: Level::of(p.level),
                        distance: match p.level {
                            MatchLevel::NearMiss { distance } => Some(distance),
                            _ => None,
                        },
                        article: pos.span(p.article),
                    })
                    .collect();
                Quote {
                    text: text.to_string(),
                    line: q.line() + 1,
                    resolved: true,
                    level: parts.iter().map(|p| p.level).max().unwrap_or(Level::Exact),
                    occurrences: *occurrences,
                    parts,
                }
            }
            QuoteSearch::NotFound { .. } => Quote {
                text: text.to_string(),
                line: q.line() + 1,
                resolved: false,
                level: Level::NotFound,
                occurrences: 0,
                parts: Vec::new(),
            },
        };
        quotes.push(quote);
    }
    let spans: Vec<Span> = quotes
        .iter()
        .flat_map(|q| q.parts.iter())
        .map(|p| Span::new(p.article.bytes[0], p.article.bytes[1]))
        .collect();
    let anchor = spans.first().copied();
    let level = if quotes.is_empty() {
        Level::NotFound
    } else {
        quotes
            .iter()
            .map(|q| q.level)
            .max()
            .unwrap_or(Level::NotFound)
    };
    let named = |name: &str| -> Mention {
        let found = if name.eq_ignore_ascii_case(UNNAMED) {
            None
        } else {
            anchor.and_then(|a| {
                nearest(
                    article,
                    &mentions_of(&parsed.model, article, name),
                    a,
                    &spans,
                )
            })
        };
        Mention {
            name: name.to_string(),
            article: found.map(|s| pos.span(s)),
        }
    };
    let cue = claim.cue.as_ref().filter(|c| !c.value.is_empty()).map(|c| {
        let text = &c.value.text;
        let found = anchor.and_then(|a| {
            let spots = cues.by_cue.entry(text.to_string()).or_default();
            cue_span(article, spots, text, a, &spans)
        });
        Mention {
            name: text.to_string(),
            article: found.map(|s| pos.span(s)),
        }
    });
    ResolvedClaim {
        source: claim.source_name().map(named),
        via: claim.via_items().iter().map(|i| named(&i.text)).collect(),
        cue,
        level,
        quotes,
        ..base_claim(claim)
    }
}

/// Gap in bytes between `span` and `anchor` (0 when they overlap).
fn gap(span: Span, anchor: Span) -> usize {
    if span.end <= anchor.start {
        anchor.start - span.end
    } else {
        span.start.saturating_sub(anchor.end)
    }
}

/// The candidate nearest `anchor`: first those outside the quote parts `inside` but in
/// the anchor's paragraph ("…, the minister said"), then those inside a quote part (a
/// quote that holds its own attribution), then the rest.
fn nearest(article: &Article, candidates: &[Span], anchor: Span, inside: &[Span]) -> Option<Span> {
    let paragraph = article.paragraph_of(anchor.start);
    let rank = |s: &Span| {
        let within = inside.iter().any(|q| q.start < s.end && s.start < q.end);
        match (within, article.paragraph_of(s.start) == paragraph) {
            (false, true) => 0,
            (true, _) => 1,
            (false, false) => 2,
        }
    };
    candidates
        .iter()
        .copied()
        .min_by_key(|s| (rank(s), gap(*s, anchor), s.start))
}

/// Where each cue of one annotation may stand in its article, found once per cue text:
/// most claims share their cue (`said`), and finding a cue as written scans the article.
#[derive(Default)]
struct CueSpots {
    by_cue: rustc_hash::FxHashMap<String, CueCandidates>,
}

#[derive(Default)]
struct CueCandidates {
    /// The cue as written, then as a phrase; `None` until first needed.
    whole: Option<Vec<Span>>,
    /// Its first reporting verb (or first content word) as a phrase (`Some(None)`: it has
    /// no such word); `None` until first needed.
    word: Option<Option<Vec<Span>>>,
}

/// Where the cue stands in the article near the quote: the whole cue if the article has
/// it, else its first reporting verb (or first content word). `spots` holds what earlier
/// claims with the same cue found.
fn cue_span(
    article: &Article,
    spots: &mut CueCandidates,
    cue: &str,
    anchor: Span,
    inside: &[Span],
) -> Option<Span> {
    // The cue as written (`said:`, a bare colon) first, so a tie goes to it, then as a
    // phrase (case, quotes and spaces normalized).
    let whole = spots.whole.get_or_insert_with(|| {
        let mut candidates = literal(article, cue);
        candidates.extend(article.find_phrase(cue));
        candidates
    });
    if let Some(s) = nearest(article, whole, anchor, inside) {
        return Some(s);
    }
    let word = spots.word.get_or_insert_with(|| {
        let words = crate::check::cue::content_words(cue);
        let verb = words
            .iter()
            .find(|w| crate::check::cue::is_reporting_verb(w, &[]))
            .or(words.first())?;
        Some(article.find_phrase(verb))
    });
    nearest(article, word.as_deref()?, anchor, inside)
}

/// Every occurrence of `text` as written in the article (at most a few thousand).
fn literal(article: &Article, text: &str) -> Vec<Span> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    article
        .text
        .match_indices(text)
        .take(4096)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// `text` with every control character but tab and line breaks removed, for formats that
/// are read by other tools.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::{PIER_ARTICLE, PIER_CLAIMS};

    /// The pier annotation checked (keeping the quote searches) and resolved with and
    /// without them.
    fn pier() -> (Resolved, Resolved, QuoteMatches) {
        let (parsed, article, diags, cache) = crate::check::tests::pier_checked_keeping_quotes();
        let quotes = cache.last_quotes.expect("kept");
        let with = resolve(
            "p.claims",
            "pier.txt",
            &parsed,
            Ok(&article),
            &diags,
            Some(&quotes),
        );
        let without = resolve("p.claims", "pier.txt", &parsed, Ok(&article), &diags, None);
        (with, without, quotes)
    }

    #[test]
    fn resolving_with_the_checks_searches_changes_nothing() {
        let (with, without, _) = pier();
        assert_eq!(
            serde_json::to_string(&with).unwrap(),
            serde_json::to_string(&without).unwrap()
        );
        let levels: Vec<Level> = with.claims.iter().map(|c| c.level).collect();
        assert_eq!(
            levels,
            [Level::Exact, Level::Exact, Level::NearMiss, Level::NotFound]
        );
        assert_eq!(with.claims[3].quotes.len(), 2);
        assert_eq!(with.claims[3].quotes[0].parts.len(), 2);
    }

    #[test]
    fn claims_sharing_a_cue_each_get_the_nearest() {
        let (with, _, _) = pier();
        let cue = |i: usize| {
            with.claims[i]
                .cue
                .as_ref()
                .unwrap()
                .article
                .clone()
                .unwrap()
        };
        let said: Vec<usize> = PIER_ARTICLE.match_indices("said").map(|(i, _)| i).collect();
        // `said` on Tuesday, `said` later, `she said`: one per claim, not the first found.
        assert_eq!(cue(0).bytes[0], said[0]);
        assert_eq!(cue(1).bytes[0], said[2]);
        assert_eq!(cue(2).bytes[0], said[3]);
        assert_eq!(cue(2).text, "said");
    }

    #[test]
    fn resolving_takes_the_quotes_where_the_check_found_them() {
        // Searches handed over are used as they are, not made again: here a hand-made
        // one puts the first claim's quote on the article's first words.
        let (_, _, quotes) = pier();
        let mut by_claim: Vec<Vec<(usize, QuoteSearch)>> = (0..quotes.claims())
            .map(|c| {
                (0..3)
                    .filter_map(|q| quotes.get(c, q).map(|s| (q, s.clone())))
                    .collect()
            })
            .collect();
        by_claim[0][0].1 = QuoteSearch::Found {
            parts: vec![crate::article::PartMatch {
                quote: Span::new(0, 7),
                article: Span::new(0, 10),
                level: MatchLevel::Normalized,
            }],
            occurrences: 2,
        };
        let handed = QuoteMatches::from_claims(by_claim);
        let parsed = Parsed::new(PIER_CLAIMS);
        let article = Article::new(PIER_ARTICLE);
        let resolve_with = |matches: &QuoteMatches| {
            resolve(
                "p.claims",
                "pier.txt",
                &parsed,
                Ok(&article),
                &[],
                Some(matches),
            )
        };
        let r = resolve_with(&handed);
        let q = &r.claims[0].quotes[0];
        assert_eq!((q.level, q.occurrences), (Level::Normalized, 2));
        assert_eq!(q.parts[0].article.text, "The harbou");
        assert_eq!(q.parts[0].quote, "We will");
        // Matches of another version of the file (another claim count) are not used.
        let r = resolve_with(&QuoteMatches::from_claims(Vec::new()));
        assert_eq!(r.claims[0].quotes[0].level, Level::Exact);
        assert_eq!(r.claims[0].quotes[0].occurrences, 1);
    }

    #[test]
    fn offsets_count_code_points_and_lines() {
        let text = "héllo\nwörld “x”\n";
        let o = Offsets::new(text);
        let w = text.find("wörld").unwrap();
        assert_eq!(o.char_offset(w), 6);
        assert_eq!(o.line_col(w), LineColumn { line: 2, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(o.char_offset(x), 13);
        assert_eq!(o.line_col(x), LineColumn { line: 2, column: 8 });
        assert_eq!(byte_of_char(text, 13), Some(x));
        assert_eq!(byte_of_char(text, text.chars().count()), Some(text.len()));
        assert_eq!(byte_of_char(text, 999), None);
    }
}
