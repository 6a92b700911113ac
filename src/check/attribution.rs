//! C020-C023 and C042: is the attribution (source, cue, intermediaries, stance) supported
//! by the article around the quote.

use super::credit;
use super::cue;
use super::Context;
use crate::article::attribution::Attribution;
use crate::article::Article;
use crate::diagnostic::{Code, Diagnostic, Target};
use crate::model::{Annotation, Claim, UNNAMED};
use crate::text::{Lowercased, Span};
use std::sync::Arc;

pub(super) fn check(
    ctx: &Context<'_>,
    claim: &Claim,
    anchor: Option<Span>,
    out: &mut Vec<Diagnostic>,
) {
    let att =
        anchor.and_then(|a| credit::covering_claim(ctx.article, &ctx.config.cue_verbs, claim, a));
    source(ctx, claim, anchor, att, out);
    credit::source_typo(ctx, claim, out);
    if let Some(anchor) = anchor {
        cue_near(ctx, claim, anchor, att, out);
    }
    via(ctx, claim, out);
    credit::via(ctx, claim, att, out);
}

/// Every mention of `name` in the article: through its declared actor's names and aliases
/// (and surname, for a person) when it is declared, else the literal name.
pub fn mentions_of(model: &Annotation, article: &Article, name: &str) -> Vec<Span> {
    shared_mentions(model, article, name).to_vec()
}

/// [`mentions_of`], shared with the article's cache (sorted by start).
pub(crate) fn shared_mentions(model: &Annotation, article: &Article, name: &str) -> Arc<[Span]> {
    match model.actor(name) {
        Some(actor) => {
            let person = if actor.is_person() {
                Some(true)
            } else if actor.kind.is_none() {
                None
            } else {
                Some(false)
            };
            let names: Vec<&str> = actor.names().collect();
            article.merged_mentions(&names, person)
        }
        None => article.merged_mentions(&[name], None),
    }
}

/// Words after which a reporting verb's form is a noun or an adjective.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "these", "those", "this", "that", "its", "their", "his", "her", "our",
    "such", "of", "new", "recent",
];

/// Pronouns that carry an attribution on from an earlier paragraph ("he said").
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "it"];

/// Whether a paragraph attributes its words by a pronoun ("he said", "she added",
/// "said he") or opens with a quotation mark, so that the speaker named in an earlier
/// paragraph is still the one speaking.
fn continues_attribution(paragraph: &str, extra: &[Vec<String>]) -> bool {
    if paragraph.starts_with(['"', '\u{201c}', '\u{ab}']) {
        return true;
    }
    let words: Vec<&str> = paragraph
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let pronoun = |w: &str| PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w));
        if !pronoun(w) {
            return false;
        }
        // "he said", "he also said", "he later added"; "said he".
        let after = words[i + 1..]
            .iter()
            .take(2)
            .any(|v| cue::is_reporting_verb(v, extra));
        let before = i > 0 && cue::is_reporting_verb(words[i - 1], extra);
        after || before
    })
}

/// How many paragraphs back a pronoun chain may reach to its named speaker.
const MAX_PRONOUN_CHAIN: usize = 6;

fn source(
    ctx: &Context<'_>,
    claim: &Claim,
    anchor: Option<Span>,
    att: Option<&Attribution>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(field) = &claim.source else { return };
    let name = field.value.text.as_str();
    if name.is_empty() || name.eq_ignore_ascii_case(UNNAMED) {
        return;
    }
    let article = ctx.article;
    let mentions = ctx.mentions_of(name);
    if mentions.is_empty() {
        let declared = ctx.model.actor(name);
        let tried = match declared {
            Some(a) if !a.aliases.is_empty() => format!(
                " (nor its aliases {})",
                a.aliases
                    .iter()
                    .map(|x| format!("`{}`", x.text))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => String::new(),
        };
        let suggestion = article.suggested_name(name, || {
            // Only the names close to `name` can be offered: their mentions are all that
            // is looked for.
            let lower = name.lowercased();
            let near = article.candidate_names_where(|n| similar_name(&lower, n).is_some());
            let names: Vec<&str> = near.iter().map(String::as_str).collect();
            closest_name(name, &names).map(str::to_string)
        });
        let suggestion = suggestion.as_deref();
        let mut message = format!("source `{name}`{tried} is not mentioned in the article");
        match suggestion {
            Some(s) => message.push_str(&format!(": did you mean `{s}`?")),
            None if declared.is_some() => message.push_str(": add the article's wording as an `aka:` alias"),
            None => message.push_str(": use a name the article uses, or declare an actor with an `aka:` alias that the article uses"),
        }
        let mut d = Diagnostic::new(Code::SourceNotInArticle, field.value.span(), message);
        if let Some(s) = suggestion {
            d = d.with_fix(format!("Change to `{s}`"), field.value.span(), s);
        }
        out.push(d);
        return;
    }
    let Some(anchor) = anchor else { return };
    // Where the article says who spoke, that settles it (C024); the proximity test below
    // is for quotes the attribution analysis found no speaker for.
    if credit::source(ctx, claim, anchor, att, out) {
        return;
    }
    // The analysis settled nothing (no statement found there, or one it is unsure of or
    // whose cue is not the claim's): the quote's own sentence may still name its speaker.
    if credit::sentence_credit(ctx, claim, anchor, out) {
        return;
    }
    let Some(para) = article
        .paragraph_of(anchor.start)
        .filter(|_| !article.in_header(anchor.start))
    else {
        return;
    };
    let first = para.saturating_sub(ctx.config.proximity_paragraphs);
    // Mentions are sorted by start: the ones in paragraphs `first..=para` are one run of
    // them, found by a search from where the paragraph's offset falls (a frequent source
    // has thousands of mentions).
    let lo = article.paragraphs[first].start;
    let from = credit::mention_index(&mentions, lo, |m| m.start < lo);
    let near = mentions[from..]
        .iter()
        .take_while(|m| article.paragraph_of(m.start).is_some_and(|p| p <= para))
        .any(|m| !article.in_header(m.start));
    if near {
        return;
    }
    // Mentions before the quote: those before `before`.
    let before = credit::mention_index(&mentions, anchor.start, |m| m.start < anchor.start);
    // A speaker named earlier and then referred to as "he said" in every paragraph up to
    // the quote is still near: that is how news articles carry long statements.
    let named_before = mentions[..before]
        .iter()
        .rev()
        .filter(|m| !article.in_header(m.start))
        .find_map(|m| article.paragraph_of(m.start));
    if let Some(named) = named_before.filter(|p| para - p <= MAX_PRONOUN_CHAIN) {
        let chained = (named + 1..=para).all(|p| {
            continues_attribution(
                article.paragraphs[p].slice(&article.text),
                &ctx.config.cue_verbs,
            )
        });
        if chained {
            return;
        }
    }
    // The nearest mention before the quote, else the first after it.
    let nearest = before.checked_sub(1).map_or(mentions[0], |i| mentions[i]);
    let window = match ctx.config.proximity_paragraphs {
        0 => "the quote's paragraph".to_string(),
        1 => "the quote's paragraph or the one before".to_string(),
        n => format!("the quote's paragraph or the {n} before"),
    };
    out.push(
        Diagnostic::new(
            Code::SourceNotNearQuote,
            field.value.span(),
            format!(
                "source `{name}` is not mentioned in {window}; the nearest mention is on line {}: add the wording used near the quote as an `aka:` alias, or check the attribution",
                article.line_number(nearest.start)
            ),
        )
        .with_related(Target::Article, nearest, format!("`{name}` mentioned here"))
        .with_related(Target::Article, anchor, "the quote"),
    );
}

/// A candidate name close to `name` (a typo in a source), compared case-insensitively.
fn closest_name<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    let lower = name.lowercased();
    names
        .iter()
        .filter_map(|n| Some((similar_name(&lower, n)?, *n)))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

/// The similarity of candidate `n` to a name lowercased as `lower`, when [`closest_name`]
/// can offer it (0.8 or more).
fn similar_name(lower: &str, n: &str) -> Option<f64> {
    // A similarity of 0.8 needs lengths within a fifth of each other: skip the rest
    // before paying for an edit distance.
    if n.len().abs_diff(lower.len()) * 5 > lower.len().max(n.len()) + 4 {
        return None;
    }
    let sim = strsim::normalized_damerau_levenshtein(lower, &n.lowercased());
    (sim >= 0.8 && lower.chars().count() > 2).then_some(sim)
}

/// Where C022 looks for the cue words of a quote anchored at `anchor`: the sentences the
/// quote spans and the sentence before and after, never past its paragraph (the headline
/// for a quote in the headline), except that a paragraph ending in a colon introduces the
/// next one ("Holm made the following remark:" before a quoted paragraph).
fn cue_window(article: &Article, anchor: Span) -> Span {
    if article.in_header(anchor.start) {
        return article.headline.map_or(anchor, |h| h.cover(anchor));
    }
    let range = article.sentences_in(anchor);
    let (first, last) = (
        range.start.saturating_sub(1),
        (range.end + 1).min(article.sentences().len()),
    );
    let window = match (
        article.sentences().get(first),
        article.sentences().get(last.saturating_sub(1)),
    ) {
        (Some(a), Some(b)) if first < last => Span::new(
            a.span().start.min(anchor.start),
            b.span().end.max(anchor.end),
        ),
        _ => anchor,
    };
    let Some(p) = article.paragraph_of(anchor.start) else {
        return window;
    };
    let block = article.paragraphs[p];
    let mut start = block.start;
    if let Some(before) = p.checked_sub(1).map(|q| article.paragraphs[q]) {
        if before.slice(&article.text).trim_end().ends_with(':') {
            let last = article.sentence_of(before.end.saturating_sub(1));
            start = last.map_or(before.start, |i| {
                article.sentences()[i].span().start.max(before.start)
            });
        }
    }
    Span::new(
        window.start.max(start).min(anchor.start),
        window.end.min(block.end).max(anchor.end),
    )
}

/// Marks the `targets` (stemmed cue words) that occur among the words of `text`.
fn mark_cue_words(text: &str, targets: &[String], extra: &[Vec<String>], found: &mut [bool]) {
    // Whether every form of each target starts with its letter: asked once per target,
    // not once per word of the text.
    let share: Vec<bool> = targets
        .iter()
        .map(|t| cue::forms_share_initial(t))
        .collect();
    for w in cue::words(text) {
        // Words only ever turn found: once all are, the rest of the text changes nothing.
        if found.iter().all(|f| *f) {
            return;
        }
        let first = w
            .chars()
            .next()
            .map(|c| c.to_lowercase().next().unwrap_or(c));
        for (k, target) in targets.iter().enumerate() {
            // Most built-in forms of a verb start with the same letter as its stem
            // (say/said, tell/told), so only those words need stemming; for go/went and
            // user-given irregular groups every word is stemmed.
            if !found[k]
                && (!extra.is_empty() || target.starts_with(first.unwrap_or(' ')) || !share[k])
                && cue::stem(w, extra) == *target
            {
                found[k] = true;
            }
        }
    }
}

fn cue_near(
    ctx: &Context<'_>,
    claim: &Claim,
    anchor: Span,
    att: Option<&Attribution>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(field) = &claim.cue else { return };
    let words = cue::content_words(&field.value.text);
    if words.is_empty() {
        return;
    }
    let article = ctx.article;
    let extra = &ctx.config.cue_verbs;
    let targets: Vec<String> = words.iter().map(|w| cue::stem(w, extra)).collect();
    let mut found = vec![false; words.len()];
    // The attribution's own cue first, with the words it joins (`told Sputnik`, `said
    // in an interview with CNN`, `reported citing`).
    if let Some(att) = att {
        let spans = att
            .cue()
            .into_iter()
            .chain(att.addressee())
            .chain(att.source())
            .chain(att.chain().iter().copied());
        let region = spans.reduce(Span::cover);
        if let Some(region) = region.filter(|r| r.len() <= 400) {
            mark_cue_words(region.slice(&article.text), &targets, extra, &mut found);
        }
        if found.iter().all(|f| *f) {
            return;
        }
    }
    // Then the sentences around the quote, never past its paragraph.
    let window = cue_window(article, anchor);
    let window_text = window.slice(&article.text);
    mark_cue_words(window_text, &targets, extra, &mut found);
    let missing: Vec<&str> = words
        .iter()
        .zip(&found)
        .filter(|(_, f)| !**f)
        .map(|(w, _)| *w)
        .collect();
    if missing.is_empty() {
        return;
    }
    // Reporting verbs, not the nouns and adjectives spelled alike ("the reports", "the
    // alleged recruitment"): a word right after a determiner is not a verb.
    let all: Vec<&str> = window_text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut verbs: Vec<&str> = all
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            w.len() > 1
                && !(*i > 0 && DETERMINERS.contains(&all[i - 1].lowercased().as_str()))
                && cue::is_reporting_verb(w, extra)
        })
        .map(|(_, w)| *w)
        .collect();
    verbs.dedup();
    let hint = if verbs.is_empty() {
        String::new()
    } else {
        format!(
            "; reporting words there: {}",
            verbs
                .iter()
                .take(5)
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let own_cue = att.and_then(|a| a.cue());
    let hint = match own_cue {
        Some(c) => format!(
            "{hint}; the article's cue for these words is `{}`",
            crate::text::collapse_whitespace(c.slice(&article.text))
        ),
        None => hint,
    };
    let mut d = Diagnostic::new(
            Code::CueNotNearQuote,
            field.value.span(),
            format!(
                "cue word{} {} not in the quote's sentence(s) nor the sentence before or after in its paragraph{hint}: write the cue as it stands next to the quote",
                if missing.len() == 1 { "" } else { "s" },
                missing.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
            ),
        )
        .with_related(Target::Article, window, "the sentences around the quote");
    if let Some(c) = own_cue {
        d = d.with_related(Target::Article, c, "the cue the article uses");
    }
    out.push(d);
}

fn via(ctx: &Context<'_>, claim: &Claim, out: &mut Vec<Diagnostic>) {
    let publishers = ctx.model.header.publishers();
    for item in claim.via_items() {
        let is_publisher = publishers
            .iter()
            .any(|p| p.text.eq_ignore_ascii_case(&item.text));
        if is_publisher || !ctx.mentions_of(&item.text).is_empty() {
            continue;
        }
        out.push(Diagnostic::new(
            Code::ViaNotInArticle,
            item.span,
            format!(
                "intermediary `{}` is never mentioned in the article: `via` lists only outlets or people the article names (or the header's `publisher:`)",
                item.text
            ),
        ));
    }
}
