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
use crate::text::{on_word_boundaries, Span};
use std::cmp::Reverse;

/// How well the claim fits a place: the words it was copied from weigh most, then who
/// the article credits there, then the cue, then whether the source is named in the
/// place's paragraph.
const CREDITED: u8 = 4;
const CUE: u8 = 2;
const NAMED_NEAR: u8 = 1;
/// The place's sentences name the source (unless it is unnamed) and hold the cue word
/// for word: the words the claim was copied from. Outweighs the rest together, which
/// the analysis may miss (`Union endorses Clinton` in a headline, where the lede's
/// `endorsed` is credited).
const COPIED_FROM: u8 = 8;

/// The index in `places` (the spans of the places that hold a quote of `claim` equally
/// well, in article order) of the one where the claim fits best; among equals, one on
/// word boundaries (`it`, not the `it` of `admitted`), then the nearest to the cue as
/// written (`… doing it, Sanders is against it`), then the first. `extra`: the
/// configured reporting verbs (`cueVerbs`). The places from `in_body` on are the
/// headline's: they win only by fitting better than every place before them.
pub(crate) fn best_place(
    article: &Article,
    model: &Annotation,
    extra: &[Vec<String>],
    claim: &Claim,
    places: &[Span],
    in_body: usize,
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
    let cue_text = claim
        .cue
        .as_ref()
        .map(|c| c.value.text.trim())
        .filter(|c| !c.is_empty());
    let fit = |span: Span| -> (u8, bool, Reverse<usize>) {
        let att = covering_claim(article, extra, claim, span);
        let mut score = 0;
        // How far the place is from the cue as written in its sentences.
        let mut gap = usize::MAX;
        if let (Some(cue_text), Some(around)) = (cue_text, sentences_around(article, span)) {
            gap = word_places(around.slice(&article.text), cue_text)
                .map(|at| {
                    let cue = Span::new(around.start + at, around.start + at + cue_text.len());
                    span.start.saturating_sub(cue.end) + cue.start.saturating_sub(span.end)
                })
                .min()
                .unwrap_or(usize::MAX);
            // An unnamed source has no name to look for: the cue alone tells.
            let named = mentions
                .as_deref()
                .is_none_or(|mentions| named_within(around, mentions));
            if named && gap != usize::MAX {
                score += COPIED_FROM;
            }
        }
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
        (score, on_word_boundaries(&article.text, span), Reverse(gap))
    };
    let mut best = (fit(places[0]), 0);
    for (i, span) in places.iter().enumerate().skip(1) {
        let fits = fit(*span);
        // The headline's places win by fitting better, not by the tie-breaks.
        let better = if i < in_body {
            fits > best.0
        } else {
            fits.0 > best.0 .0
        };
        if better {
            best = (fits, i);
        }
    }
    best.1
}

/// The sentences `span` overlaps, as one span; the headline for a place in it (the
/// article's sentences are the body's).
fn sentences_around(article: &Article, span: Span) -> Option<Span> {
    if article.in_header(span.start) {
        return article.headline;
    }
    let range = article.sentences_in(span);
    let sentences = article.sentences();
    let first = sentences.get(range.start)?;
    let last = sentences.get(range.end.checked_sub(1)?)?;
    Some(first.span().cover(last.span()))
}

/// Whether the sentences `span` overlaps hold every word of `wanted` (stems of the
/// claim's cue words).
fn sentences_hold(article: &Article, span: Span, wanted: &[String], extra: &[Vec<String>]) -> bool {
    let Some(around) = sentences_around(article, span) else {
        return false;
    };
    let text = around.slice(&article.text);
    let have: Vec<String> = cue::words(text).map(|w| cue::stem(w, extra)).collect();
    wanted.iter().all(|w| have.contains(w))
}

/// Where `text` holds `words` as written (letter case aside), on word boundaries: the
/// byte offsets in `text`.
fn word_places<'t>(text: &'t str, words: &str) -> impl Iterator<Item = usize> + 't {
    let (mut hay, mut needle) = (text.to_lowercase(), words.to_lowercase());
    if hay.len() != text.len() || needle.len() != words.len() {
        // Lowercasing changed a length (rare letters): compare as written.
        (hay, needle) = (text.to_string(), words.to_string());
    }
    let at: Vec<usize> = if needle.is_empty() {
        Vec::new()
    } else {
        hay.match_indices(needle.as_str())
            .map(|(at, _)| at)
            .filter(|&at| on_word_boundaries(&hay, Span::new(at, at + needle.len())))
            .collect()
    };
    at.into_iter()
}

/// Whether one of `mentions` (sorted by start) overlaps `within`.
fn named_within(within: Span, mentions: &[Span]) -> bool {
    let i = mentions.partition_point(|m| m.end <= within.start);
    mentions
        .get(i)
        .is_some_and(|m| m.start < within.end && within.start < m.end)
}

/// Whether one of `mentions` (sorted by start) lies in the paragraph of `span`.
fn named_in_paragraph(article: &Article, span: Span, mentions: &[Span]) -> bool {
    article
        .text_block(span.start)
        .is_some_and(|paragraph| named_within(paragraph, mentions))
}

/// Which of the places that hold a quote it is anchored to ([`place_quote`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placed {
    /// Occurrence `n` (from 0) of the body's: the first, where [`Article::find_quote`]
    /// anchors it, unless the claim fits a later one better.
    Body(usize),
    /// The headline, where the claim fits better than anywhere in the body.
    Headline,
}

/// The search for a quote of `claim`, its parts placed where the claim fits best when the
/// article holds the quote in several places ([`best_place`]), with which place that is.
/// The headline's places compete too, but only win by fitting better: a headline usually
/// repeats the lede, and a claim of the lede's statement belongs in the body.
pub(crate) fn place_quote(
    article: &Article,
    model: &Annotation,
    extra: &[Vec<String>],
    claim: &Claim,
    quote: &str,
) -> (QuoteSearch, Placed) {
    let (search, mut places) = article.find_quote_places(quote);
    let QuoteSearch::Found { parts, occurrences } = &search else {
        return (search, Placed::Body(0));
    };
    let occurrences = *occurrences;
    // The body's candidates (their indices among its places, and their spans).
    let (mut body, mut spans) = (Vec::new(), Vec::new());
    if occurrences > 1 {
        let all: Vec<Span> = places.body.iter().filter_map(|p| cover(p)).collect();
        if all.len() == places.body.len() && all.len() >= 2 {
            // An elided quote (`which … a rate of at least 150 percent`) placed from an
            // earlier `which` of the paragraph holds the placing from a later one: the
            // tightest reading is the one meant.
            body = (0..all.len())
                .filter(|&i| {
                    !all.iter()
                        .enumerate()
                        .any(|(j, s)| j != i && *s != all[i] && all[i].contains_span(*s))
                })
                .collect();
            spans = body.iter().map(|&i| all[i]).collect();
        }
    }
    if body.is_empty() {
        // The anchor alone stands for the body.
        let Some(anchor) = cover(parts) else {
            return (search, Placed::Body(0));
        };
        spans.push(anchor);
    }
    let in_body = spans.len();
    let headline: Vec<Span> = places.headline.iter().filter_map(|p| cover(p)).collect();
    if headline.len() == places.headline.len() {
        spans.extend(headline);
    }
    let best = best_place(article, model, extra, claim, &spans, in_body);
    if best >= in_body {
        let parts = places.headline.swap_remove(best - in_body);
        return (QuoteSearch::Found { parts, occurrences }, Placed::Headline);
    }
    match body.get(best) {
        Some(&i) => {
            let parts = places.body.swap_remove(i);
            (QuoteSearch::Found { parts, occurrences }, Placed::Body(i))
        }
        None => (search, Placed::Body(0)),
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

    /// Where the quote of claim `c1` of `body` is anchored in `article`.
    fn anchor_in(article: &Article, body: &str) -> usize {
        let parsed = Parsed::new(claims(body));
        let claim = parsed.model.claim("c1").unwrap();
        quote_anchor(article, &parsed.model, &[], claim)
            .unwrap()
            .start
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
    fn a_claim_of_the_headlines_own_statement_is_anchored_there() {
        let text = "date 2026-01-05 Drivers' union endorses Vale\n\n\
                    The drivers' union endorsed Tom Vale for mayor on Monday.\n\n\
                    Vale thanked the drivers.\n";
        let article = Arc::new(Article::new(text));
        let by = |source: &str, cue: &str| {
            format!("claim c1\n  source: {source}\n  cue: {cue}\n  quote: Vale\n")
        };
        let claim = |cue: &str| by("Drivers' union", cue);
        let at = |body: &str| anchor_in(&article, body);
        let headline = text.find("Vale").unwrap();
        let lede = text.find("Tom Vale").unwrap() + "Tom ".len();
        // The headline names the source and holds the cue as written: its statement.
        assert_eq!(at(&claim("endorses")), headline);
        // The lede's cue, or a cue of neither: the body, as a quote of the headline
        // usually repeats the lede.
        assert_eq!(at(&claim("endorsed")), lede);
        assert_eq!(at(&claim("backs")), lede);
        // The cue as written, but from a source the headline does not name.
        assert_eq!(at(&by("Ana Ruiz", "endorses")), lede);
        // The check tells where it anchored the quote.
        let diags = check(
            &Parsed::new(claims(&claim("endorses"))),
            ArticleRef::Loaded(&article),
            &Config::default(),
            &mut ClaimCache::new(),
        );
        assert!(
            diags.iter().any(|d| d.code == Code::QuoteAmbiguous
                && d.message.contains("anchored to the headline (line 1)")),
            "{diags:#?}"
        );
    }

    #[test]
    fn the_place_that_holds_the_cue_as_written_wins_among_equals() {
        // Both places are Ruiz's, and `says` and `said` are one verb: only the cue as
        // written tells them apart.
        let text = "date 2026-01-05 Fares\n\n\
                    Ana Ruiz says the fare will rise.\n\n\
                    Last year Ana Ruiz said the fare will rise.\n";
        let article = Article::new(text);
        let at = |source: &str, cue: &str| {
            let body = format!(
                "claim c1\n  source: {source}\n  cue: {cue}\n  quote: the fare will rise\n"
            );
            anchor_in(&article, &body)
        };
        let places: Vec<usize> = text.match_indices("the fare").map(|m| m.0).collect();
        assert_eq!(at("Ana Ruiz", "said"), places[1]);
        assert_eq!(at("Ana Ruiz", "says"), places[0]);
        // With no name to look for, the cue alone.
        assert_eq!(at("unnamed", "said"), places[1]);
    }

    #[test]
    fn among_equals_a_whole_word_then_the_nearest_to_the_cue() {
        let at = |text: &str, cue: &str| {
            let body = format!("claim c1\n  source: unnamed\n  cue: {cue}\n  quote: it\n");
            anchor_in(&Article::new(text), &body)
        };
        // The `it` of `itemized` stands right after the cue, but cuts a word.
        let text =
            "date 2026-01-05 Fares\n\nThe council opposes itemized fares and said so of it.\n";
        assert_eq!(at(text, "opposes"), text.rfind("it").unwrap());
        // Two whole words in one sentence: the one by the cue.
        let text = "date 2026-01-05 Fares\n\nThe mayor fought it, but the council backs it.\n";
        assert_eq!(at(text, "backs"), text.rfind("it").unwrap());
        assert_eq!(at(text, "fought"), text.find("it,").unwrap());
    }

    #[test]
    fn words_are_held_as_written_on_word_boundaries() {
        let places = |text: &str, words: &str| word_places(text, words).collect::<Vec<_>>();
        assert_eq!(places("Ana Ruiz SAID so; she said it.", "said"), [9, 22]);
        assert_eq!(places("as she told Sky News", "told Sky News"), [7]);
        assert!(places("Ana Ruiz says so.", "say").is_empty());
        assert!(places("it went unsaid", "said").is_empty());
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
