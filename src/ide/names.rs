//! Names of actors: where the article mentions them, and how near a quote.

use crate::article::{Article, QuoteSearch};
use crate::model::Claim;
use crate::text::Span;

/// The article span a claim's first (non-empty) quote is anchored to.
pub(crate) fn quote_anchor(article: &Article, claim: &Claim) -> Option<Span> {
    let parts = quote_parts(article, claim)?;
    Some(parts.first()?.cover(*parts.last()?))
}

/// Where each part (between elisions) of a claim's first (non-empty) quote stands in the
/// article, in order. What lies between two parts (`"…," said Ann Dole, "…"`) is not
/// quoted: it may hold the speaker.
pub(crate) fn quote_parts(article: &Article, claim: &Claim) -> Option<Vec<Span>> {
    claim
        .quotes
        .iter()
        .filter(|q| !q.value.is_empty())
        .find_map(|q| match article.find_quote(&q.value.text) {
            QuoteSearch::Found { parts, .. } if !parts.is_empty() => {
                Some(parts.iter().map(|p| p.article).collect())
            }
            _ => None,
        })
}

/// How near the nearest of `mentions` is to `anchor`: `(tier, distance in bytes)`, where
/// tier 0 is a mention in the anchor's sentence(s), 1 in its paragraph, 2 elsewhere and
/// 3 no mention at all. Smaller is nearer.
#[cfg(test)]
pub(crate) fn nearness(article: &Article, anchor: Span, mentions: &[Span]) -> (u8, usize) {
    Near::new(article, anchor).of(mentions)
}

/// The anchor's sentences and paragraph, worked out once for ranking many names.
pub(crate) struct Near {
    anchor: Span,
    /// The quoted parts within `anchor`: a mention inside one is what was said.
    parts: Vec<Span>,
    /// From the first to the last sentence the anchor overlaps (empty in the headline).
    sentences: Option<Span>,
    paragraph: Option<Span>,
}

impl Near {
    pub(crate) fn new(article: &Article, anchor: Span) -> Near {
        Near::of_parts(article, &[anchor])
    }

    /// Nearness to a quote in several parts (`parts` in article order, not empty): a
    /// mention between two parts is as near as can be.
    pub(crate) fn of_parts(article: &Article, parts: &[Span]) -> Near {
        let anchor = match (parts.first(), parts.last()) {
            (Some(a), Some(b)) => a.cover(*b),
            _ => Span::default(),
        };
        let in_body = !article.in_header(anchor.start);
        let range = article.sentences_in(anchor);
        let sentences = match (
            article.sentences().get(range.start),
            range
                .end
                .checked_sub(1)
                .and_then(|e| article.sentences().get(e)),
        ) {
            (Some(a), Some(b)) if in_body => Some(a.span.cover(b.span)),
            _ => None,
        };
        let paragraph = article
            .paragraph_of(anchor.start)
            .filter(|_| in_body)
            .map(|p| article.paragraphs[p]);
        Near {
            anchor,
            parts: parts.to_vec(),
            sentences,
            paragraph,
        }
    }

    pub(crate) fn of(&self, mentions: &[Span]) -> (u8, usize) {
        let anchor = self.anchor;
        // Mentions are in article order, and on each side of the anchor the closest one is
        // also in the best tier (sentence, then paragraph): two candidates suffice, found by
        // binary search, however often a name occurs. A name inside the quoted words is
        // what was said, not who said it, and is skipped.
        let before = mentions.partition_point(|m| m.end <= anchor.start);
        let after = mentions.partition_point(|m| m.start < anchor.end);
        let nearest = [
            before.checked_sub(1),
            (after < mentions.len()).then_some(after),
        ];
        let quoted = |m: &Span| self.parts.iter().any(|p| p.contains_span(*m));
        // Between the parts of an elided quote (`"…," said Ann Dole, "…"`).
        let between = mentions[before.min(after)..after]
            .iter()
            .copied()
            .filter(|m| anchor.contains_span(*m));
        nearest
            .into_iter()
            .flatten()
            .map(|i| mentions[i])
            .chain(between)
            .filter(|m| !quoted(m))
            .map(|m| {
                let tier = if self.sentences.is_some_and(|s| s.contains_span(m)) {
                    0
                } else if self.paragraph.is_some_and(|p| p.contains_span(m)) {
                    1
                } else {
                    2
                };
                let distance = if m.end <= anchor.start {
                    anchor.start - m.end
                } else {
                    m.start.saturating_sub(anchor.end)
                };
                (tier, distance)
            })
            .min()
            .unwrap_or((3, usize::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{article, parsed};

    #[test]
    fn same_sentence_beats_paragraph_beats_elsewhere() {
        let a = article();
        let p = parsed();
        let claim = p.model.claim("funding-unknown").unwrap();
        let anchor = quote_anchor(&a, claim).unwrap();
        assert_eq!(
            anchor.slice(&a.text),
            "he did not know who was funding the operation"
        );
        let syrian_man = a.find_phrase("Syrian man");
        assert_eq!(nearness(&a, anchor, &syrian_man).0, 0);
        let cnn = a.find_phrase("CNN");
        assert_eq!(nearness(&a, anchor, &cnn).0, 2);
        assert_eq!(nearness(&a, anchor, &[]), (3, usize::MAX));
    }
}
