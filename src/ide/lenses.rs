//! Code lenses ("N claims" on actor declarations) and inlay hints (where a quote sits
//! in the article, a near miss, the speaker the article credits instead).

use super::references::{uses, Subject, UseKind};
use crate::article::Article;
use crate::check::Parsed;
use crate::diagnostic::{Code, Diagnostic};
use crate::text::Span;

/// "N claims" above an actor: how many claims name it as source or intermediary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lens {
    /// The actor's name in its declaration.
    pub span: Span,
    pub title: String,
    /// Index of the actor, whose references the lens opens.
    pub actor: usize,
}

pub fn code_lenses(parsed: &Parsed) -> Vec<Lens> {
    let model = &parsed.model;
    (0..model.actors.len())
        .map(|i| {
            let actor = &model.actors[i];
            // Claims, not mentions: a claim naming the actor as source and via counts once.
            let refs = uses(model, &Subject::Actor(i));
            let claims = model
                .claims
                .iter()
                .filter(|c| {
                    refs.iter()
                        .any(|r| r.kind == UseKind::Use && c.span().contains_span(r.span))
                })
                .count();
            Lens {
                span: actor.name_span,
                title: match claims {
                    1 => "1 claim".to_string(),
                    n => format!("{n} claims"),
                },
                actor: i,
            }
        })
        .collect()
}

/// One inlay hint: text shown at `at` (a byte offset of the annotation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlayHint {
    pub at: usize,
    pub label: String,
    pub tooltip: Option<String>,
}

/// Hints for the claims that overlap `range`: after each quote, `¶N` for the article
/// paragraph it sits in (with `≈` for a near miss, `?` when not found); after `source:`,
/// the speaker the article credits when that is someone else (a C024 finding).
pub fn inlay_hints(
    parsed: &Parsed,
    article: Option<&Article>,
    findings: &[Diagnostic],
    range: Span,
) -> Vec<InlayHint> {
    let mut out = Vec::new();
    for claim in &parsed.model.claims {
        if claim.span().end < range.start || claim.span().start > range.end {
            continue;
        }
        if let Some(a) = article {
            for q in claim.quotes.iter().filter(|q| !q.value.is_empty()) {
                let on = |code: Code| {
                    findings
                        .iter()
                        .any(|d| d.code == code && q.span().contains_span(d.span))
                };
                let mark = if on(Code::QuoteNotFound) {
                    Some("?")
                } else if on(Code::QuoteNearMiss) {
                    Some("≈")
                } else {
                    None
                };
                let paragraph = match crate::check::place::place_quote(
                    a,
                    &parsed.model,
                    &[],
                    claim,
                    &q.value.text,
                )
                .0
                {
                    found @ crate::article::QuoteSearch::Found { .. } => found
                        .article_span()
                        .map(|s| crate::check::credit::paragraph_number(a, s.start)),
                    _ => None,
                };
                let label = match (paragraph, mark) {
                    (Some(p), Some(m)) => format!("{m}¶{p}"),
                    (Some(p), None) => format!("¶{p}"),
                    (None, Some(m)) => m.to_string(),
                    (None, None) => continue,
                };
                let tooltip = match mark {
                    Some("?") => "not found in the article (C010)".to_string(),
                    Some(_) => format!(
                        "differs from the article's text in paragraph {} (C011)",
                        paragraph.unwrap_or(0)
                    ),
                    None => format!("in paragraph {} of the article", paragraph.unwrap_or(0)),
                };
                out.push(InlayHint {
                    at: q.value.span().end,
                    label,
                    tooltip: Some(tooltip),
                });
            }
        }
        if let Some(source) = &claim.source {
            let credited = findings
                .iter()
                .find(|d| d.code == Code::SourceMismatch && source.span().contains_span(d.span))
                .and_then(|d| d.fix.as_ref())
                .and_then(|f| f.edits.first())
                .map(|e| e.replacement.clone());
            if let Some(name) = credited {
                out.push(InlayHint {
                    at: source.value.span().end,
                    label: format!("≠ {name}"),
                    tooltip: Some(format!("the article credits these words to {name} (C024)")),
                });
            }
        }
    }
    out.sort_by_key(|h| h.at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{article, at, parsed, CLAIMS};

    #[test]
    fn lenses_count_claims_per_actor() {
        let p = parsed();
        let lenses = code_lenses(&p);
        let of = |name: &str| {
            lenses
                .iter()
                .find(|l| l.span.slice(&p.text) == name)
                .map(|l| l.title.clone())
                .unwrap()
        };
        assert_eq!(of("Syrian national"), "5 claims");
        assert_eq!(
            of("Sputnik"),
            "4 claims",
            "via, four times; the header's publisher is no claim"
        );
        assert_eq!(of("Emmanuel Macron"), "1 claim");
    }

    #[test]
    fn hints_place_quotes_and_mark_near_misses() {
        let a = article();
        let p = parsed();
        let all = Span::new(0, p.text.len());
        let hints = inlay_hints(&p, Some(&a), &[], all);
        let moscow = at(&p, "  quote: Moscow was concerned", 0);
        let h = hints.iter().find(|h| h.at > moscow).unwrap();
        assert_eq!(h.label, "¶8");
        let text = CLAIMS.replacen("concerned over reports", "concerned ovr reports", 1);
        let p = Parsed::new(text.as_str());
        let near = Diagnostic::new(
            Code::QuoteNearMiss,
            Span::new(moscow + 20, moscow + 30),
            "x",
        );
        let hints = inlay_hints(&p, Some(&a), &[near], all);
        assert_eq!(hints.iter().find(|h| h.at > moscow).unwrap().label, "≈¶8");
        // Only the claims in the range.
        let few = inlay_hints(&p, Some(&a), &[], Span::new(moscow, moscow + 10));
        assert_eq!(few.len(), 1);
    }
}
