//! Names of actors: where the article mentions them, and how near a quote.

use crate::article::{Article, QuoteSearch};
use crate::model::Claim;
use crate::text::Span;

/// The article span a claim's first (non-empty) quote is anchored to.
pub(crate) fn quote_anchor(article: &Article, claim: &Claim) -> Option<Span> {
    claim
        .quotes
        .iter()
        .filter(|q| !q.value.is_empty())
        .find_map(|q| match article.find_quote(&q.value.text) {
            found @ QuoteSearch::Found { .. } => found.article_span(),
            QuoteSearch::NotFound { .. } => None,
        })
}

/// How near the nearest of `mentions` is to `anchor`: `(tier, distance in bytes)`, where
/// tier 0 is a mention in the anchor's sentence(s), 1 in its paragraph, 2 elsewhere and
/// 3 no mention at all. Smaller is nearer.
pub(crate) fn nearness(article: &Article, anchor: Span, mentions: &[Span]) -> (u8, usize) {
    let sentences = article.sentences_in(anchor);
    let anchor_in_body = !article.in_header(anchor.start);
    let paragraph = article
        .paragraph_of(anchor.start)
        .filter(|_| anchor_in_body);
    mentions
        .iter()
        // A name inside the quoted words is what was said, not who said it.
        .filter(|m| !anchor.contains_span(**m))
        .map(|m| {
            let in_body = !article.in_header(m.start);
            let tier = if !in_body || !anchor_in_body {
                2
            } else if article
                .sentence_of(m.start)
                .is_some_and(|s| sentences.contains(&s))
            {
                0
            } else if paragraph.is_some() && article.paragraph_of(m.start) == paragraph {
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
