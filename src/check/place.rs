//! Where a quote the article holds in several places is anchored: at the place where the
//! claim fits, not blindly at the first. A short quote (`the decision`, `it`, a name)
//! often occurs earlier than the statement it was copied from; anchored there, the claim
//! is checked against the wrong sentence, the statement it records shows as unannotated
//! (C050), and two claims quoting the same words look like duplicates (C044).
//!
//! The check, hover, go to definition and completion all place a quote through
//! [`quote_parts`], so they agree on where it is.

use super::attribution::shared_mentions;
use super::credit::{covering_claim, cue_agrees_in, names_speaker};
use super::cue;
use crate::article::{Article, PartMatch, QuoteSearch};
use crate::model::{Annotation, Claim, UNNAMED};
use crate::text::Span;

/// How well the claim fits a place: who the article credits there weighs most, then the
/// cue, then whether the source is named in the place's paragraph.
const CREDITED: u8 = 4;
const CUE: u8 = 2;
const NAMED_NEAR: u8 = 1;

/// The index in `places` (the spans of the places that hold a quote of `claim` equally
/// well, in article order) of the one where the claim fits best; the first among equals.
/// `extra`: the configured reporting verbs (`cueVerbs`).
pub(crate) fn best_place(
    article: &Article,
    model: &Annotation,
    extra: &[Vec<String>],
    claim: &Claim,
    places: &[Span],
) -> usize {
    if places.len() < 2 {
        return 0;
    }
    let source = claim
        .source_name()
        .map(str::trim)
        .filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case(UNNAMED));
    let mentions = source.map(|name| shared_mentions(model, article, name));
    let wanted: Vec<String> = claim
        .cue
        .as_ref()
        .map(|c| {
            cue::content_words(&c.value.text)
                .iter()
                .map(|w| cue::stem(w, extra))
                .collect()
        })
        .unwrap_or_default();
    let fit = |span: Span| -> u8 {
        let att = covering_claim(article, extra, claim, span);
        let mut score = 0;
        if let (Some(att), Some(name), Some(mentions)) = (att, source, mentions.as_deref()) {
            if names_speaker(model, article, name, mentions, att) {
                score += CREDITED;
            }
        }
        if !wanted.is_empty()
            && (att.is_some_and(|a| cue_agrees_in(article, extra, claim, a))
                || sentences_hold(article, span, &wanted, extra))
        {
            score += CUE;
        }
        if mentions
            .as_deref()
            .is_some_and(|m| named_in_paragraph(article, span, m))
        {
            score += NAMED_NEAR;
        }
        score
    };
    let mut best = (fit(places[0]), 0);
    for (i, span) in places.iter().enumerate().skip(1) {
        let score = fit(*span);
        if score > best.0 {
            best = (score, i);
        }
    }
    best.1
}

/// Whether the sentences `span` overlaps hold every word of `wanted` (stems of the
/// claim's cue words).
fn sentences_hold(article: &Article, span: Span, wanted: &[String], extra: &[Vec<String>]) -> bool {
    let range = article.sentences_in(span);
    let sentences = article.sentences();
    let (Some(a), Some(b)) = (
        sentences.get(range.start),
        range.end.checked_sub(1).and_then(|e| sentences.get(e)),
    ) else {
        return false;
    };
    let text = a.span().cover(b.span()).slice(&article.text);
    let have: Vec<String> = cue::words(text).map(|w| cue::stem(w, extra)).collect();
    wanted.iter().all(|w| have.contains(w))
}

/// Whether one of `mentions` (sorted by start) lies in the paragraph of `span`.
fn named_in_paragraph(article: &Article, span: Span, mentions: &[Span]) -> bool {
    let Some(paragraph) = article.text_block(span.start) else {
        return false;
    };
    let i = mentions.partition_point(|m| m.end <= paragraph.start);
    mentions
        .get(i)
        .is_some_and(|m| m.start < paragraph.end && paragraph.start < m.end)
}

/// The search for a quote of `claim`, its parts placed where the claim fits best when the
/// article holds the quote in several places ([`best_place`]), with the index of that
/// place among them (0: the first, where [`Article::find_quote`] anchors it).
pub(crate) fn place_quote(
    article: &Article,
    model: &Annotation,
    extra: &[Vec<String>],
    claim: &Claim,
    quote: &str,
) -> (QuoteSearch, usize) {
    let (search, mut places) = article.find_quote_places(quote);
    match search {
        QuoteSearch::Found { occurrences, .. } if occurrences > 1 => {
            let spans: Vec<Span> = places.iter().filter_map(|p| cover(p)).collect();
            if spans.len() != places.len() || spans.len() < 2 {
                return (search, 0);
            }
            // An elided quote (`which … a rate of at least 150 percent`) placed from an
            // earlier `which` of the paragraph holds the placing from a later one: the
            // tightest reading is the one meant.
            let tight: Vec<usize> = (0..spans.len())
                .filter(|&i| {
                    !spans
                        .iter()
                        .enumerate()
                        .any(|(j, s)| j != i && *s != spans[i] && spans[i].contains_span(*s))
                })
                .collect();
            if tight.is_empty() {
                return (search, 0);
            }
            let tight_spans: Vec<Span> = tight.iter().map(|&i| spans[i]).collect();
            let best = tight[best_place(article, model, extra, claim, &tight_spans)];
            let parts = places.swap_remove(best);
            (QuoteSearch::Found { parts, occurrences }, best)
        }
        other => (other, 0),
    }
}

fn cover(parts: &[PartMatch]) -> Option<Span> {
    Some(parts.first()?.article.cover(parts.last()?.article))
}

/// Where each part (between elisions) of a claim's first (non-empty) quote that the
/// article holds stands in the article, in order, placed as the check places it
/// ([`place_quote`]). What lies between two parts (`"…," said Ann Dole, "…"`) is not
/// quoted: it may hold the speaker.
pub fn quote_parts(
    article: &Article,
    model: &Annotation,
    extra: &[Vec<String>],
    claim: &Claim,
) -> Option<Vec<Span>> {
    claim
        .quotes
        .iter()
        .filter(|q| !q.value.is_empty())
        .find_map(
            |q| match place_quote(article, model, extra, claim, &q.value.text).0 {
                QuoteSearch::Found { parts, .. } if !parts.is_empty() => {
                    Some(parts.iter().map(|p| p.article).collect())
                }
                _ => None,
            },
        )
}

/// [`quote_parts`] as one span, from the first part's start to the last part's end.
pub fn quote_anchor(
    article: &Article,
    model: &Annotation,
    extra: &[Vec<String>],
    claim: &Claim,
) -> Option<Span> {
    let parts = quote_parts(article, model, extra, claim)?;
    Some(parts.first()?.cover(*parts.last()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check, ArticleRef, ClaimCache, Parsed};
    use crate::config::Config;
    use crate::diagnostic::Code;
    use std::sync::Arc;

    const TEXT: &str = "date 2026-01-05 Council approves tram line\n\n\
        The council approved the tram line on Monday, and the decision followed two years of debate.\n\n\
        Mayor Ana Ruiz said the decision was overdue, as Tom Vale looked on.\n\n\
        Opposition leader Tom Vale said the decision would bankrupt the city.\n";

    fn claims(body: &str) -> String {
        format!(
            "article: tram.txt\n\nactor Ana Ruiz\n  kind: person\n\nactor Tom Vale\n  kind: person\n\n{body}"
        )
    }

    /// The article offset where `quote` is anchored for the claim `id`.
    fn anchored(body: &str, id: &str) -> Option<usize> {
        let article = Article::new(TEXT);
        let parsed = Parsed::new(claims(body));
        let claim = parsed.model.claim(id).unwrap();
        quote_anchor(&article, &parsed.model, &[], claim).map(|s| s.start)
    }

    fn nth(needle: &str, n: usize) -> usize {
        TEXT.match_indices(needle).nth(n).unwrap().0
    }

    #[test]
    fn a_short_quote_is_anchored_where_the_article_credits_its_source() {
        // Vale is named beside both later places, and `said` stands by both: only who the
        // article credits tells them apart.
        let body = "claim ruiz\n  source: Ana Ruiz\n  cue: said\n  quote: the decision\n\n\
                    claim vale\n  source: Tom Vale\n  cue: said\n  quote: the decision\n";
        assert_eq!(anchored(body, "ruiz"), Some(nth("the decision", 1)));
        assert_eq!(anchored(body, "vale"), Some(nth("the decision", 2)));
        // The check anchors them there too: not one span twice (C044), each statement
        // annotated (no C050 for them), the ambiguity told with the place chosen.
        let article = Arc::new(Article::new(TEXT));
        let text = claims(body);
        let diags = check(
            &Parsed::new(&text),
            ArticleRef::Loaded(&article),
            &Config::default(),
            &mut ClaimCache::new(),
        );
        let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
        assert!(!codes.contains(&Code::DuplicateQuote), "{diags:#?}");
        assert!(!codes.contains(&Code::SourceMismatch), "{diags:#?}");
        assert!(
            !diags
                .iter()
                .any(|d| d.code == Code::UnannotatedAttribution
                    && d.message.contains("the decision")),
            "{diags:#?}"
        );
        let ambiguous: Vec<&str> = diags
            .iter()
            .filter(|d| d.code == Code::QuoteAmbiguous)
            .map(|d| &*d.message)
            .collect();
        assert_eq!(ambiguous.len(), 2, "{diags:#?}");
        assert!(
            ambiguous[1].contains("anchored to occurrence 3 (line 7)"),
            "{ambiguous:?}"
        );
    }

    #[test]
    fn without_a_source_the_cue_places_the_quote() {
        let text = "date 2026-01-05 Tram line\n\n\
                    Ana Ruiz said the fare would rise.\n\n\
                    Tom Vale warned the fare would rise.\n";
        let article = Article::new(text);
        let at = |body: &str| {
            let parsed = Parsed::new(claims(body));
            let claim = parsed.model.claim("c1").unwrap();
            quote_anchor(&article, &parsed.model, &[], claim)
                .unwrap()
                .start
        };
        let second = text.match_indices("the fare").nth(1).unwrap().0;
        assert_eq!(
            at("claim c1\n  source: unnamed\n  cue: warned\n  quote: the fare would rise\n"),
            second
        );
        // No source and no cue: the first place.
        let first = text.find("the fare").unwrap();
        assert_eq!(
            at("claim c1\n  source: unnamed\n  quote: the fare would rise\n"),
            first
        );
    }

    #[test]
    fn a_name_in_the_paragraph_breaks_a_tie() {
        // No statement covers `two years` anywhere; the place in Vale's paragraph wins
        // over the first only by the name beside it.
        let text = "date 2026-01-05 Tram line\n\n\
                    The debate took two years.\n\n\
                    It was two years, for Tom Vale and his party.\n";
        let article = Article::new(text);
        let parsed = Parsed::new(claims("claim c1\n  source: Tom Vale\n  quote: two years\n"));
        let claim = parsed.model.claim("c1").unwrap();
        assert!(article
            .attributions()
            .covering(Span::new(0, text.len()))
            .is_none());
        let at = quote_anchor(&article, &parsed.model, &[], claim).unwrap();
        assert_eq!(at.start, text.match_indices("two years").nth(1).unwrap().0);
    }

    #[test]
    fn an_elided_quote_takes_its_tightest_reading() {
        let text = "date 2026-01-05 Tram line\n\n\
                    The line, which opens in May, runs to the port, which the mayor said is a rate of growth unseen.\n";
        let article = Article::new(text);
        let parsed = Parsed::new(claims(
            "claim c1\n  source: unnamed\n  quote: which … is a rate of growth unseen\n",
        ));
        let claim = parsed.model.claim("c1").unwrap();
        let parts = quote_parts(&article, &parsed.model, &[], claim).unwrap();
        assert_eq!(
            parts[0].start,
            text.match_indices("which").nth(1).unwrap().0
        );
        assert_eq!(parts[1].slice(text), "is a rate of growth unseen");
    }
}
