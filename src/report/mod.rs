//! `claimls report`: a checked annotation as a self-contained static HTML page (the
//! article with every claim's quote highlighted in its source's colour, the findings where
//! they apply, the attribution graph and a summary), and an index page for several.
//!
//! Data in, strings out: the parsed annotation, its article, the findings and coverage of
//! a check. No terminal or protocol types; writing the files is the caller's business.
//! The page needs no network (a Content-Security-Policy forbids every fetch) and reads
//! without JavaScript: highlights link to their claims with plain fragment links and the
//! claim details show on hover and focus through CSS; the small inline script only
//! cross-highlights the article and the list.

pub mod colour;
mod graph;
mod html;

use crate::article::{Article, MatchLevel, QuoteSearch};
use crate::check::{Coverage, Parsed, QuoteMatches};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::model::{fold_name, Claim, UNNAMED};
use crate::text::Span;
use rustc_hash::FxHashMap;

/// One checked annotation, as the report sees it.
pub struct Page<'a> {
    /// The annotation's name as shown (its path relative to what was reported).
    pub name: &'a str,
    /// The article's name as shown.
    pub article_name: &'a str,
    pub parsed: &'a Parsed,
    /// `None` when the article could not be read (the findings say why).
    pub article: Option<&'a Article>,
    pub diagnostics: &'a [Diagnostic],
    pub coverage: Option<&'a Coverage>,
    /// Where the check found each quote ([`crate::check::ClaimCache::keeping_quotes`]):
    /// given, the page does not search the article again (a quote it lacks is searched).
    pub quotes: Option<&'a QuoteMatches>,
}

/// The figures of the summary strip, also shown on the index page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub claims: usize,
    pub actors: usize,
    /// Claims with at least one quote part highlighted in the article.
    pub highlighted: usize,
    /// Findings by severity: error, warning, info, hint.
    pub findings: [usize; 4],
    /// `(annotated, total)` attributions of the article.
    pub coverage: Option<(usize, usize)>,
}

/// One page of an index.
pub struct IndexEntry {
    /// Relative link to the page.
    pub href: String,
    pub name: String,
    pub summary: Summary,
}

/// The page of one annotation, with its summary.
pub fn page(page: &Page<'_>) -> (String, Summary) {
    let view = View::new(page);
    let summary = view.summary();
    (html::page(&view, &summary), summary)
}

/// An index page linking `entries`.
pub fn index(title: &str, entries: &[IndexEntry]) -> String {
    html::index(title, entries)
}

/// A relative path as a URL path: every byte but unreserved characters and `/`
/// percent-encoded, so that `#`, `?`, spaces and non-ASCII names link correctly.
pub fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_into(&mut out, text);
    out
}

pub(crate) fn escape_into(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            // Controls other than tab and line breaks are not allowed in HTML text.
            0..=8 | 11 | 12 | 14..=31 | 127 => "\u{fffd}",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// Whose colour a claim is drawn in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Who {
    Declared(usize),
    Undeclared(String),
    Unnamed,
}

/// One located part of a quote.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part {
    pub span: Span,
    pub level: MatchLevel,
}

pub(crate) struct QuoteView {
    pub text: String,
    /// Empty when the quote is not in the article.
    pub parts: Vec<Part>,
}

pub(crate) struct ClaimView<'a> {
    pub claim: &'a Claim,
    /// Palette slot; `None` draws it in the "unknown source" grey.
    pub colour: Option<usize>,
    /// The source is not a declared actor (and not `unnamed`).
    pub undeclared: bool,
    pub quotes: Vec<QuoteView>,
    /// Indices into the page's diagnostics that lie in this claim's block.
    pub findings: Vec<usize>,
}

/// The located parts of a quote (none when it is not in the article).
fn parts_of(search: &QuoteSearch) -> Vec<Part> {
    match search {
        QuoteSearch::Found { parts, .. } => parts
            .iter()
            .map(|p| Part {
                span: p.article,
                level: p.level,
            })
            .collect(),
        QuoteSearch::NotFound { .. } => Vec::new(),
    }
}

/// A range of the article drawn specially.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkKind {
    /// Part `part` of quote `quote` of claim `claim`.
    Quote {
        claim: usize,
        quote: usize,
        part: usize,
    },
    /// An attribution of the article that no claim records (index into the article's
    /// attributions).
    Unannotated(usize),
}

pub(crate) struct View<'a> {
    pub page: &'a Page<'a>,
    pub claims: Vec<ClaimView<'a>>,
    /// Source colours: `(label, slot)` in order of first appearance.
    pub legend: Vec<(String, Option<usize>)>,
    pub marks: Vec<Mark>,
    /// `(article offset, diagnostic index)`: findings shown in the article text, at the
    /// end of the article span they point to.
    pub pins: Vec<(usize, usize)>,
    /// Diagnostics in no claim block (header, actors, the file as a whole).
    pub file_findings: Vec<usize>,
    pub graph: graph::Graph,
}

impl<'a> View<'a> {
    fn new(page: &'a Page<'a>) -> View<'a> {
        let model = &page.parsed.model;
        let mut slots: FxHashMap<Who, Option<usize>> = FxHashMap::default();
        let mut legend = Vec::new();
        let mut claims = Vec::with_capacity(model.claims.len());
        let mut marks = Vec::new();
        // Matches of another version of the file are no use.
        let found = page.quotes.filter(|q| q.claims() == model.claims.len());
        for (ci, claim) in model.claims.iter().enumerate() {
            let who = match claim.source_name() {
                None => Who::Unnamed,
                Some(name) if name.trim().eq_ignore_ascii_case(UNNAMED) => Who::Unnamed,
                Some(name) => match model.actor_index(name) {
                    Some(i) => Who::Declared(i),
                    None => Who::Undeclared(fold_name(name)),
                },
            };
            let next = slots.values().filter(|s| s.is_some()).count();
            let colour = *slots.entry(who.clone()).or_insert_with(|| {
                let slot = match &who {
                    Who::Declared(_) => Some(next % colour::PALETTE.len()),
                    _ => None,
                };
                legend.push((
                    match &who {
                        Who::Declared(i) => model.actors[*i].name.clone(),
                        Who::Undeclared(_) => claim.source_name().unwrap_or_default().to_string(),
                        Who::Unnamed => "no named source".to_string(),
                    },
                    slot,
                ));
                slot
            });
            let mut quotes = Vec::with_capacity(claim.quotes.len());
            for (qi, q) in claim.quotes.iter().enumerate() {
                let text = q.value.text.to_string();
                let parts = match (page.article, text.trim().is_empty()) {
                    (Some(article), false) => match found.and_then(|f| f.get(ci, qi)) {
                        Some(search) => parts_of(search),
                        None => parts_of(
                            &crate::check::place::place_quote(article, model, &[], claim, &text).0,
                        ),
                    },
                    _ => Vec::new(),
                };
                for (pi, p) in parts.iter().enumerate() {
                    marks.push(Mark {
                        span: p.span,
                        kind: MarkKind::Quote {
                            claim: ci,
                            quote: qi,
                            part: pi,
                        },
                    });
                }
                quotes.push(QuoteView { text, parts });
            }
            claims.push(ClaimView {
                claim,
                colour,
                undeclared: matches!(who, Who::Undeclared(_)),
                quotes,
                findings: Vec::new(),
            });
        }

        // Findings: into the claim whose block holds them, else file-wide; those that
        // point into the article are pinned there too.
        let mut file_findings = Vec::new();
        let mut pins = Vec::new();
        for (di, d) in page.diagnostics.iter().enumerate() {
            let at = model
                .claims
                .partition_point(|c| c.span().start <= d.span.start)
                .checked_sub(1)
                .filter(|&i| model.claims[i].span().end >= d.span.end.max(d.span.start));
            match at {
                Some(i) => claims[i].findings.push(di),
                None => file_findings.push(di),
            }
            if let Some(article) = page.article {
                if let Some(r) = d.related.iter().find(|r| r.target == Target::Article) {
                    if r.span.end <= article.text.len() {
                        pins.push((r.span.end, di));
                    }
                }
            }
        }
        if let (Some(article), Some(cov)) = (page.article, page.coverage) {
            let items = &article.attributions().items;
            for &i in &cov.unannotated {
                if let Some(att) = items.get(i) {
                    for c in &att.content {
                        marks.push(Mark {
                            span: *c,
                            kind: MarkKind::Unannotated(i),
                        });
                    }
                }
            }
        }
        let len = page.article.map_or(0, |a| a.text.len());
        marks.retain(|m| m.span.start < m.span.end && m.span.end <= len);
        marks.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        pins.sort_unstable();

        let mut view = View {
            page,
            claims,
            legend,
            marks,
            pins,
            file_findings,
            graph: graph::Graph::default(),
        };
        view.graph = view.build_graph();
        view
    }

    /// Sources → intermediaries → publisher, with a node for every declared actor.
    fn build_graph(&self) -> graph::Graph {
        let model = &self.page.parsed.model;
        let mut g = graph::Graph::default();
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        let mut source_colour: FxHashMap<usize, Option<usize>> = FxHashMap::default();
        for c in &self.claims {
            if let Some(i) = c
                .claim
                .source_name()
                .and_then(|s| model.actor_index(s))
                .filter(|_| c.colour.is_some())
            {
                source_colour.entry(i).or_insert(c.colour);
            }
        }
        for (i, actor) in model.actors.iter().enumerate() {
            ids.insert(format!("actor {i}"), g.nodes.len());
            g.nodes.push(graph::Node {
                label: actor.name.clone(),
                kind: graph::NodeKind::Actor,
                fill: source_colour
                    .get(&i)
                    .copied()
                    .flatten()
                    .map(|s| colour::PALETTE[s]),
            });
        }
        let mut node = |name: &str, g: &mut graph::Graph| -> usize {
            let key = match model.actor_index(name) {
                Some(i) => format!("actor {i}"),
                None => format!("name {}", fold_name(name)),
            };
            *ids.entry(key).or_insert_with(|| {
                g.nodes.push(graph::Node {
                    label: name.to_string(),
                    kind: graph::NodeKind::Undeclared,
                    fill: None,
                });
                g.nodes.len() - 1
            })
        };
        let publishers = model.header.publishers();
        let publisher = (!publishers.is_empty()).then(|| {
            let label = publishers
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            g.nodes.push(graph::Node {
                label,
                kind: graph::NodeKind::Publisher,
                fill: None,
            });
            g.nodes.len() - 1
        });
        let mut counts: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        let mut order = Vec::new();
        for c in &self.claims {
            let source = c
                .claim
                .source_name()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty());
            let Some(source) = source else { continue };
            let mut chain = vec![node(source, &mut g)];
            for v in c.claim.via_items() {
                chain.push(node(&v.text, &mut g));
            }
            chain.extend(publisher);
            chain.dedup();
            let mut seen = Vec::new();
            for w in chain.windows(2) {
                let e = (w[0], w[1]);
                // One claim counts once per edge, and a chain that comes back to a node
                // draws no loop.
                if e.0 == e.1 || seen.contains(&e) {
                    continue;
                }
                seen.push(e);
                let n = counts.entry(e).or_insert(0);
                if *n == 0 {
                    order.push(e);
                }
                *n += 1;
            }
        }
        // A pair drawn both ways would be a two-node cycle the layout has to break; keep
        // both, the layout reverses one.
        g.edges = order.into_iter().map(|e| (e.0, e.1, counts[&e])).collect();
        g
    }

    fn summary(&self) -> Summary {
        let mut findings = [0; 4];
        for d in self.page.diagnostics {
            findings[match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
                Severity::Hint => 3,
            }] += 1;
        }
        Summary {
            claims: self.claims.len(),
            actors: self.page.parsed.model.actors.len(),
            highlighted: self
                .claims
                .iter()
                .filter(|c| c.quotes.iter().any(|q| !q.parts.is_empty()))
                .count(),
            findings,
            coverage: self.page.coverage.map(|c| (c.annotated(), c.total)),
        }
    }
}

#[cfg(test)]
mod tests;
