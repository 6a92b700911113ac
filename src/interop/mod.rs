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
use crate::check::{mentions_of, Parsed};
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

/// Writes `items` separated by `,` and a line break, as the JSON documents list them.
fn write_joined<'a>(
    items: impl Iterator<Item = &'a str>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.write_all(b",\n")?;
        }
        out.write_all(item.as_bytes())?;
    }
    Ok(())
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
/// `diagnostics` are the file's findings as `check` reported them (sorted by position).
pub fn resolve(
    file: &str,
    article_file: &str,
    parsed: &Parsed,
    article: Result<&Article, String>,
    diagnostics: &[Diagnostic],
) -> Resolved {
    let model = &parsed.model;
    let file_pos = Offsets::new(&parsed.text);
    let finding = |d: &Diagnostic| {
        let at = file_pos.line_col(d.span.start);
        Finding {
            code: d.code.as_str(),
            name: d.code.name(),
            severity: d.severity.as_str(),
            message: d.message.clone(),
            line: at.line,
            column: at.column,
        }
    };
    let article_pos = article.as_ref().ok().map(|a| Offsets::new(&a.text));
    let value =
        |f: Option<&crate::model::Field>| f.map(|f| f.value.text.clone()).filter(|t| !t.is_empty());

    let mut findings = Vec::new();
    let mut claims = Vec::with_capacity(model.claims.len());
    let mut d = 0;
    for claim in &model.claims {
        let mut own = Vec::new();
        while d < diagnostics.len() && diagnostics[d].span.start < claim.span.start {
            findings.push(finding(&diagnostics[d]));
            d += 1;
        }
        while d < diagnostics.len() && diagnostics[d].span.start <= claim.span.end {
            own.push(finding(&diagnostics[d]));
            d += 1;
        }
        let resolved = match (&article, &article_pos) {
            (Ok(a), Some(pos)) => resolve_claim(parsed, claim, a, pos),
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
        id: claim.id.clone(),
        line: claim.line + 1,
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
            text: q.value.text.clone(),
            line: q.line + 1,
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

fn resolve_claim(
    parsed: &Parsed,
    claim: &Claim,
    article: &Article,
    pos: &Offsets<'_>,
) -> ResolvedClaim {
    let mut quotes = Vec::new();
    for q in claim.quotes.iter().filter(|q| !q.value.is_empty()) {
        let text = &q.value.text;
        let quote = match article.find_quote(text) {
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
                    text: text.clone(),
                    line: q.line + 1,
                    resolved: true,
                    level: parts.iter().map(|p| p.level).max().unwrap_or(Level::Exact),
                    occurrences,
                    parts,
                }
            }
            QuoteSearch::NotFound { .. } => Quote {
                text: text.clone(),
                line: q.line + 1,
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
        let found = anchor.and_then(|a| cue_span(article, text, a, &spans));
        Mention {
            name: text.clone(),
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

/// Where the cue stands in the article near the quote: the whole cue if the article has
/// it, else its first reporting verb (or first content word).
fn cue_span(article: &Article, cue: &str, anchor: Span, inside: &[Span]) -> Option<Span> {
    // The cue as written (`said:`, a bare colon) first, so a tie goes to it, then as a
    // phrase (case, quotes and spaces normalized).
    let mut candidates = literal(article, cue);
    candidates.extend(article.find_phrase(cue));
    if let Some(s) = nearest(article, &candidates, anchor, inside) {
        return Some(s);
    }
    let words = crate::check::cue::content_words(cue);
    let verb = words
        .iter()
        .find(|w| crate::check::cue::is_reporting_verb(w, &[]))
        .or(words.first())?;
    nearest(article, &article.find_phrase(verb), anchor, inside)
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
