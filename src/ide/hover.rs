//! Hover: actor cards, quote evidence, attribution chains, cue sentences, field docs.

use super::docs;
use super::locate::{block_of, head_span, place_at, FieldAt, Owner, Place};
use super::markdown::{clip, code, collapse, escape, excerpt, place, sentence_region};
use super::names::quote_anchor;
use super::Hover;
use crate::article::{split_elisions, Article, MatchLevel, QuoteSearch};
use crate::check::{credit, cue, mentions_of, word_diff, Parsed};
use crate::model::{Annotation, Claim, UNNAMED};
use crate::syntax::BlockKind;
use crate::text::Span;

/// What to show for byte `offset` of the annotation, if anything. `article` is `None` when
/// the article could not be read.
pub fn hover(parsed: &Parsed, article: Option<&Article>, offset: usize) -> Option<Hover> {
    let model = &parsed.model;
    let tree = &parsed.tree;
    match place_at(parsed, offset) {
        Place::ActorHead(i) => {
            let actor = model.actors.get(i)?;
            if actor.name.is_empty() {
                return None;
            }
            let span = head_span(block_of(tree, BlockKind::Actor, i)?);
            Some(Hover {
                markdown: actor_card(parsed, article, &actor.name),
                span,
            })
        }
        Place::ClaimHead(i) => {
            let claim = model.claims.get(i)?;
            let span = head_span(block_of(tree, BlockKind::Claim, i)?);
            Some(Hover {
                markdown: claim_card(model, article, claim),
                span,
            })
        }
        Place::Key(field) => {
            let context = match field.owner {
                Owner::Header => "header",
                Owner::Actor(_) => "actor",
                Owner::Claim(_) => "claim",
            };
            let doc = docs::field(context, field.name)?;
            Some(Hover {
                markdown: format!("**{}** ({context} field)\n\n{doc}", field.name),
                span: field.node.key(),
            })
        }
        Place::Value(field) => value_hover(parsed, article, &field, offset),
        Place::Nothing => None,
    }
}

fn value_hover(
    parsed: &Parsed,
    article: Option<&Article>,
    field: &FieldAt<'_>,
    offset: usize,
) -> Option<Hover> {
    let model = &parsed.model;
    let whole = |markdown: String| {
        Some(Hover {
            markdown,
            span: field.value.span(),
        })
    };
    match (field.owner, field.name) {
        (Owner::Claim(i), "source") => {
            let name = field.value.text.as_str();
            let credit = article
                .zip(model.claims.get(i))
                .and_then(|(a, claim)| credit_line(model, a, claim));
            (!name.is_empty()).then(|| Hover {
                markdown: match credit {
                    Some(line) => format!("{line}\n\n---\n\n{}", actor_card(parsed, article, name)),
                    None => actor_card(parsed, article, name),
                },
                span: field.value.span(),
            })
        }
        (Owner::Claim(_), "via") | (Owner::Header, "publisher") => {
            let item = field.item_at(offset)?;
            Some(Hover {
                markdown: actor_card(parsed, article, &item.text),
                span: item.span,
            })
        }
        (Owner::Actor(i), "aka") => {
            let actor = model.actors.get(i)?;
            let item = field.item_at(offset)?;
            let mut markdown = actor_card(parsed, article, &actor.name);
            if let Some(a) = article {
                let own = a.mentions(&item.text, false);
                markdown.push_str(&format!(
                    "\n\n{} alone: {}",
                    code(&item.text),
                    match own.len() {
                        0 => "not in the article".to_string(),
                        1 => "1 mention".to_string(),
                        n => format!("{n} mentions"),
                    }
                ));
            }
            Some(Hover {
                markdown,
                span: item.span,
            })
        }
        (Owner::Actor(_), "kind") => {
            let value = field.value.text.as_str();
            let meaning = docs::kind(value)?;
            whole(format!("**kind** {}: {meaning}", code(value)))
        }
        (Owner::Claim(i), "quote") => whole(quote_card(
            article,
            model,
            &field.value.text,
            model.claims.get(i)?,
        )),
        (Owner::Claim(i), "cue") => whole(cue_card(
            article,
            model,
            model.claims.get(i)?,
            &field.value.text,
        )),
        (Owner::Claim(_), "stance") => whole(stance_card(&field.value.text)),
        (Owner::Claim(_), "disputes" | "supports" | "responds-to") => {
            let item = field.item_at(offset)?;
            let markdown = match model.claim(&item.text) {
                Some(target) => claim_card(model, article, target),
                None => format!("No claim {} in this file.", code(&item.text)),
            };
            Some(Hover {
                markdown,
                span: item.span,
            })
        }
        (Owner::Header, "article") => whole(article_card(article, &field.value.text)),
        (Owner::Header, "date") => {
            let value = field.value.text.trim();
            let markdown = match article.map(|a| a.date.as_ref()) {
                None => format!("**date** {}", code(value)),
                Some(None) => format!("**date** {}: the article has no date line.", code(value)),
                Some(Some((date, _))) if date == value => {
                    format!("**date** {}: matches the article's date line.", code(value))
                }
                Some(Some((date, _))) => format!(
                    "**date** {}: the article's date line says {}.",
                    code(value),
                    code(date)
                ),
            };
            whole(markdown)
        }
        _ => None,
    }
}

/// The actor card: who `name` is, where the article mentions them, which claims use them.
pub(crate) fn actor_card(parsed: &Parsed, article: Option<&Article>, name: &str) -> String {
    let model = &parsed.model;
    let mut md = String::new();
    if name.eq_ignore_ascii_case(UNNAMED) {
        return format!("### {UNNAMED}\n\nThe article does not name the source of this statement.");
    }
    let declared = model.actor(name);
    match declared {
        Some(actor) => {
            md.push_str(&format!("### {}\n\n", escape(&actor.name)));
            let mut facts = Vec::new();
            if let Some(kind) = actor.kind_str().filter(|k| !k.is_empty()) {
                facts.push(format!("*{}*", escape(kind)));
            }
            if let Some(role) = actor.role.as_ref().filter(|r| !r.value.is_empty()) {
                facts.push(escape(&collapse(&role.value.text)));
            }
            if facts.is_empty() {
                facts.push("*actor*".into());
            }
            md.push_str(&facts.join(" — "));
            if !actor.aliases.is_empty() {
                let aliases: Vec<String> = actor.aliases.iter().map(|a| escape(&a.text)).collect();
                md.push_str(&format!("\n\n**Also called:** {}", aliases.join(", ")));
            }
        }
        None => {
            md.push_str(&format!("### {}\n\n", escape(name)));
            let publisher = model
                .header
                .publishers()
                .iter()
                .any(|p| p.text.eq_ignore_ascii_case(name));
            md.push_str(if publisher {
                "*Publisher of this article* (not declared as an actor)"
            } else {
                "*Not declared as an actor*: matched by this exact name"
            });
        }
    }
    md.push_str("\n\n");
    match article {
        None => md.push_str("*The article is not available.*"),
        Some(a) => {
            let mentions = mentions_of(model, a, name);
            md.push_str(&mentions_summary(a, &mentions));
        }
    }
    let (as_source, as_via) = claims_of(parsed, name);
    if !as_source.is_empty() || !as_via.is_empty() {
        md.push_str("\n\n**Claims in this file:** ");
        let mut parts = Vec::new();
        if !as_source.is_empty() {
            parts.push(format!("{} as source", id_list(&as_source)));
        }
        if !as_via.is_empty() {
            parts.push(format!("{} as intermediary", id_list(&as_via)));
        }
        md.push_str(&parts.join("; "));
    } else if declared.is_some() {
        md.push_str("\n\n**Claims in this file:** none");
    }
    md
}

fn id_list(ids: &[&str]) -> String {
    const MAX: usize = 12;
    let mut shown: Vec<String> = ids.iter().take(MAX).map(|i| code(i)).collect();
    if ids.len() > MAX {
        shown.push(format!("and {} more", ids.len() - MAX));
    }
    shown.join(", ")
}

/// "Mentioned 3 times (paragraphs 3, 4, 5). First, line 7:" and the sentence.
fn mentions_summary(article: &Article, mentions: &[Span]) -> String {
    let Some(first) = mentions.first() else {
        return "**Not mentioned in the article.**".into();
    };
    let in_headline = mentions.iter().any(|m| article.in_header(m.start));
    let mut paragraphs: Vec<usize> = Vec::new();
    for m in mentions.iter().filter(|m| !article.in_header(m.start)) {
        // Mentions are sorted: a paragraph seen is the last one pushed.
        if let Some(p) = article.paragraph_of(m.start).map(|p| p + 1) {
            if paragraphs.last() != Some(&p) {
                paragraphs.push(p);
            }
        }
    }
    let times = match mentions.len() {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    let body = match paragraphs.len() {
        0 => String::new(),
        1 => format!("paragraph {}", paragraphs[0]),
        n if n > 10 => format!("{n} paragraphs"),
        _ => format!(
            "paragraphs {}",
            paragraphs
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let where_ = match (in_headline, body.is_empty()) {
        (true, true) => "the headline".to_string(),
        (true, false) => format!("the headline and {body}"),
        (false, _) => body,
    };
    // Prefer a mention in the body for the example sentence: the headline repeats the lede.
    let shown = mentions
        .iter()
        .find(|m| !article.in_header(m.start))
        .unwrap_or(first);
    let region = sentence_region(article, *shown);
    let bold: Vec<Span> = mentions
        .iter()
        .copied()
        .filter(|m| region.contains_span(*m))
        .collect();
    format!(
        "**Mentioned {times}** in the article ({where_}). First in the body, {}:\n\n> {}",
        place(article, shown.start),
        excerpt(article, region, &bold)
    )
}

/// Ids of the claims whose source is `name`, and of those that have it in `via`, looked
/// up in `parsed`'s [`ClaimsByName`] (made on the first hover of a version).
fn claims_of<'a>(parsed: &'a Parsed, name: &str) -> (Vec<&'a str>, Vec<&'a str>) {
    let model = &parsed.model;
    let index = parsed
        .claims_by_name
        .get_or_init(|| ClaimsByName::new(model));
    // Names compare case-insensitively with whitespace runs collapsed, as actors do.
    let names: Vec<String> = match model.actor(name) {
        Some(actor) => actor.names().map(name_key).collect(),
        None => vec![name_key(name)],
    };
    let ids = |pick: fn(&Credits) -> &Vec<u32>| {
        let mut found: Vec<u32> = names
            .iter()
            .filter_map(|n| index.by_name.get(n.as_str()))
            .flat_map(|lists| pick(lists).iter().copied())
            .collect();
        // Several names of one actor may credit the same claim: each claim once, in
        // file order.
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .filter_map(|i| model.claims.get(i as usize))
            .map(|c| c.id.as_str())
            .collect::<Vec<&str>>()
    };
    (ids(|l| &l.0), ids(|l| &l.1))
}

/// Claims (by index) that name someone as source, and that have them in `via:`.
type Credits = (Vec<u32>, Vec<u32>);

/// The claims of one version of an annotation by the names they give in `source:` and in
/// `via:` (folded as actors' names are: case-insensitive, whitespace runs as one space),
/// so that an actor card lists its claims without a pass over every claim of the file.
#[derive(Debug, Default)]
pub struct ClaimsByName {
    /// Folded name -> (claims with it as source, claims with it in `via:`), as claim
    /// indices in file order.
    by_name: rustc_hash::FxHashMap<String, Credits>,
}

impl ClaimsByName {
    pub fn new(model: &Annotation) -> Self {
        let mut by_name: rustc_hash::FxHashMap<String, Credits> = Default::default();
        for (i, c) in model.claims.iter().enumerate() {
            let i = i as u32;
            if let Some(source) = c.source_name() {
                by_name.entry(name_key(source)).or_default().0.push(i);
            }
            // The items of `via:` as `via_items` gives them, without allocating them.
            if let Some(via) = &c.via {
                for item in via.value.text.split(',').map(str::trim) {
                    if item.is_empty() {
                        continue;
                    }
                    let list = &mut by_name.entry(name_key(item)).or_default().1;
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        ClaimsByName { by_name }
    }
}

/// `s` with whitespace runs collapsed to one space, trimmed and lowercased: the key names
/// compare by (made in one pass when `s` is ASCII).
fn name_key(s: &str) -> String {
    if !s.is_ascii() {
        return collapse(s).to_lowercase();
    }
    let mut key = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    }
    key
}

/// "Syrian national → CNN → UrduPoint News, Sputnik (this article)".
pub(crate) fn chain(model: &Annotation, claim: &Claim) -> String {
    let mut steps = vec![match claim.source_name() {
        Some(s) if s.eq_ignore_ascii_case(UNNAMED) => "unnamed source".to_string(),
        Some(s) => escape(s),
        None => "*no source*".to_string(),
    }];
    steps.extend(claim.via_items().iter().map(|v| escape(&v.text)));
    let publishers: Vec<String> = model
        .header
        .publishers()
        .iter()
        .map(|p| escape(&p.text))
        .collect();
    steps.push(if publishers.is_empty() {
        "this article".to_string()
    } else {
        format!("{} (this article)", publishers.join(", "))
    });
    steps.join(" → ")
}

/// Who the article credits with the claim's (first found) quote, the cue, the chain and the
/// publishers: "The article credits: Syrian national (said, paragraph 4) via CNN, published
/// by UrduPoint News / Sputnik". `None` when no attribution of the article covers the quote.
pub(crate) fn credit_line(model: &Annotation, article: &Article, claim: &Claim) -> Option<String> {
    let anchor = quote_anchor(article, model, claim)?;
    // The statement C024 compares with (the built-in reporting verbs: a hover has no
    // configuration; `cueVerbs` only widens which cue words agree).
    let att = credit::covering_claim(article, &[], claim, anchor)?;
    let name = credit::credited_name(model, article, att)?;
    let mut line = format!("The article credits: {}", escape(&name));
    let at = att.cue().unwrap_or_else(|| att.content_span()).start;
    let para = credit::paragraph_number(article, at);
    let where_ = if para == 0 {
        "headline".to_string()
    } else {
        format!("paragraph {para}")
    };
    match att.cue() {
        Some(c) => line.push_str(&format!(
            " ({}, {where_})",
            escape(&collapse(c.slice(&article.text)))
        )),
        None => line.push_str(&format!(" ({where_})")),
    }
    let via: Vec<String> = att
        .chain()
        .iter()
        .map(|s| {
            credit::actor_at(model, article, *s)
                .map(|a| a.name.clone())
                .unwrap_or_else(|| collapse(s.slice(&article.text)))
        })
        .collect();
    if !via.is_empty() {
        line.push_str(&format!(" via {}", escape(&via.join(", "))));
    }
    let publishers: Vec<String> = model
        .header
        .publishers()
        .into_iter()
        .map(|p| p.text)
        .collect();
    if !publishers.is_empty() {
        line.push_str(&format!(
            ", published by {}",
            escape(&publishers.join(" / "))
        ));
    }
    Some(line)
}

fn claim_card(model: &Annotation, article: Option<&Article>, claim: &Claim) -> String {
    let mut md = format!("**claim** {}\n\n{}", code(&claim.id), chain(model, claim));
    if let Some(line) = article.and_then(|a| credit_line(model, a, claim)) {
        md.push_str(&format!("\n\n{line}"));
    }
    let mut facts = Vec::new();
    if let Some(cue) = claim.cue.as_ref().filter(|c| !c.value.is_empty()) {
        facts.push(format!("cue *{}*", escape(&cue.value.text)));
    }
    if let Some(stance) = claim.stance.as_ref().filter(|s| !s.value.is_empty()) {
        let value = stance.value.text.as_str();
        match docs::stance(value) {
            Some(meaning) => facts.push(format!("stance **{}**: {meaning}", escape(value))),
            None => facts.push(format!("stance **{}**", escape(value))),
        }
    }
    if !facts.is_empty() {
        md.push_str("\n\n");
        md.push_str(&facts.join(" · "));
    }
    match (article, claim.quotes.iter().find(|q| !q.value.is_empty())) {
        (Some(a), Some(_)) => match quote_anchor(a, model, claim) {
            Some(anchor) => {
                let region = sentence_region(a, anchor);
                md.push_str(&format!(
                    "\n\n> {}\n\n*{}*",
                    excerpt(a, region, &[anchor]),
                    place(a, anchor.start)
                ));
            }
            None => md.push_str("\n\n*The quote is not in the article.*"),
        },
        (None, Some(q)) => md.push_str(&format!("\n\n> {}", escape(&clip(&q.value.text, 300)))),
        (_, None) => md.push_str("\n\n*No quote yet.*"),
    }
    if !claim.relations.is_empty() {
        let rels: Vec<String> = claim
            .relations
            .iter()
            .map(|r| format!("{} {}", r.kind.field(), code(&r.target.text)))
            .collect();
        md.push_str(&format!("\n\n{}", rels.join(" · ")));
    }
    md
}

fn level_name(level: MatchLevel) -> String {
    match level {
        MatchLevel::Exact => "exact match".into(),
        MatchLevel::Normalized => {
            "normalized match (letter case, quotation marks, dashes or spaces differ)".into()
        }
        MatchLevel::NearMiss { distance: 1 } => "near miss (1 character differs)".into(),
        MatchLevel::NearMiss { distance } => format!("near miss ({distance} characters differ)"),
    }
}

fn quote_card(article: Option<&Article>, model: &Annotation, quote: &str, claim: &Claim) -> String {
    let Some(a) = article else {
        return format!(
            "**quote** of {}\n\n*The article is not available.*",
            code(&claim.id)
        );
    };
    if quote.trim().is_empty() {
        return "**quote**: empty; copy the statement's words from the article.".into();
    }
    match crate::check::place::place_quote(a, model, &[], claim, quote).0 {
        QuoteSearch::Found { parts, occurrences } => {
            let level = parts
                .iter()
                .map(|p| p.level)
                .max()
                .unwrap_or(MatchLevel::Exact);
            let anchor = parts[0].article.cover(parts[parts.len() - 1].article);
            let mut md = format!(
                "**quote** · {} · {}",
                level_name(level),
                place(a, anchor.start)
            );
            if parts.len() > 1 {
                md.push_str(&format!(" · {} parts", parts.len()));
            }
            for part in &parts {
                if let MatchLevel::NearMiss { .. } = part.level {
                    let theirs = collapse(part.article.slice(&a.text));
                    let changes = word_diff(part.quote.slice(quote), &theirs);
                    let described: Vec<String> = changes
                        .iter()
                        .take(5)
                        .map(|c| match (c.quote.is_empty(), c.article.is_empty()) {
                            (true, _) => format!("missing {}", code(&c.article)),
                            (_, true) => format!("extra {}", code(&c.quote)),
                            _ => format!("{} → {}", code(&c.quote), code(&c.article)),
                        })
                        .collect();
                    if !described.is_empty() {
                        md.push_str(&format!("\n\nDifference: {}", described.join(", ")));
                    }
                }
            }
            if parts.len() > 1 {
                let listed: Vec<String> = parts
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        format!(
                            "{}. {} ({})",
                            i + 1,
                            code(&clip(&collapse(p.article.slice(&a.text)), 60)),
                            place(a, p.article.start)
                        )
                    })
                    .collect();
                md.push_str(&format!("\n\n{}", listed.join("\n")));
            }
            let region = sentence_region(a, anchor);
            let bold: Vec<Span> = parts.iter().map(|p| p.article).collect();
            md.push_str(&format!("\n\n> {}", excerpt(a, region, &bold)));
            if occurrences > 1 {
                md.push_str(&format!(
                    "\n\nOccurs {occurrences} times in the article; anchored to the first."
                ));
            }
            md
        }
        QuoteSearch::NotFound {
            failed_part,
            closest,
        } => {
            let parts = split_elisions(quote);
            let mut md = if failed_part > 0 {
                let part = parts.get(failed_part).map_or("", |p| p.slice(quote));
                format!(
                    "**quote** · part {} not found after the part before it in the same paragraph: {}",
                    failed_part + 1,
                    code(&clip(part, 60))
                )
            } else {
                "**quote** · not found in the article".to_string()
            };
            if let Some((near, distance)) = closest {
                let region = sentence_region(a, near);
                md.push_str(&format!(
                    "\n\nClosest text ({}, {distance} characters differ):\n\n> {}",
                    place(a, near.start),
                    excerpt(a, region, &[near])
                ));
            }
            md
        }
    }
}

/// A word of article text with its span: letters, digits, inner `-` and `'`.
pub(crate) fn words_in(text: &str, span: Span) -> Vec<Span> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let part =
            c.is_alphanumeric() || ((c == '-' || c == '\'' || c == '\u{2019}') && start.is_some());
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(word_span(s, span.start, st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(word_span(s, span.start, st, s.len()));
    }
    out
}

fn word_span(s: &str, base: usize, start: usize, end: usize) -> Span {
    let w = s[start..end].trim_end_matches(['-', '\'', '\u{2019}']);
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
    Span::new(base + start, base + start + w.len().max(1))
}

/// The sentences a cue may stand in: those of the anchor, and the one before and after.
pub(crate) fn cue_window(article: &Article, anchor: Span) -> std::ops::Range<usize> {
    let range = article.sentences_in(anchor);
    range.start.saturating_sub(1)..(range.end + 1).min(article.sentences().len())
}

fn cue_card(
    article: Option<&Article>,
    model: &Annotation,
    claim: &Claim,
    cue_text: &str,
) -> String {
    let mut md = format!("**cue** {}", code(cue_text));
    let Some(a) = article else {
        md.push_str("\n\n*The article is not available.*");
        return md;
    };
    let Some(anchor) = quote_anchor(a, model, claim) else {
        md.push_str("\n\nThe claim's quote is not in the article, so the cue cannot be placed.");
        return md;
    };
    let wanted: Vec<(String, String)> = cue::content_words(cue_text)
        .iter()
        .map(|w| (w.to_string(), cue::stem(w, &[])))
        .collect();
    if wanted.is_empty() {
        md.push_str("\n\nOnly function words: nothing to look for.");
        return md;
    }
    let window = cue_window(a, anchor);
    let own = a.sentences_in(anchor);
    // The sentence of the window with the most cue words; the quote's own sentence first.
    let mut best: Option<(usize, Vec<Span>, usize)> = None;
    let mut found_stems: Vec<String> = Vec::new();
    for i in window.clone() {
        let sentence = a.sentences()[i].span();
        let hits: Vec<Span> = words_in(&a.text, sentence)
            .into_iter()
            .filter(|w| {
                let stem = cue::stem(w.slice(&a.text), &[]);
                wanted.iter().any(|(_, s)| *s == stem)
            })
            .collect();
        let distinct = {
            let mut stems: Vec<String> = hits
                .iter()
                .map(|w| cue::stem(w.slice(&a.text), &[]))
                .collect();
            stems.sort();
            stems.dedup();
            for s in &stems {
                if !found_stems.contains(s) {
                    found_stems.push(s.clone());
                }
            }
            stems.len()
        };
        let rank = usize::from(!own.contains(&i));
        let better = match &best {
            None => distinct > 0,
            Some((d, _, r)) => distinct > *d || (distinct == *d && rank < *r),
        };
        if better {
            best = Some((distinct, hits, rank));
        }
    }
    let missing: Vec<String> = wanted
        .iter()
        .filter(|(_, s)| !found_stems.contains(s))
        .map(|(w, _)| code(w))
        .collect();
    match best {
        Some((_, mut hits, _)) => {
            // "told Sputnik" as one bold run when the words stand together.
            hits.dedup_by(|next, prev| {
                let between = &a.text[prev.end..next.start.max(prev.end)];
                let join = between.chars().all(char::is_whitespace);
                if join {
                    prev.end = next.end;
                }
                join
            });
            let sentence = sentence_region(a, hits[0]);
            md.push_str(&format!(" · {}", place(a, hits[0].start)));
            md.push_str(&format!("\n\n> {}", excerpt(a, sentence, &hits)));
            if !missing.is_empty() {
                md.push_str(&format!("\n\nNot near the quote: {}", missing.join(", ")));
            }
        }
        None => {
            md.push_str(&format!("\n\nNot near the quote: {}", missing.join(", ")));
            let first = a.sentences()[window.start].span().start;
            let last = a.sentences()[window.end - 1].span().end;
            let verbs: Vec<String> = words_in(&a.text, Span::new(first, last))
                .iter()
                .map(|w| w.slice(&a.text))
                .filter(|w| w.len() > 1 && cue::is_reporting_verb(w, &[]))
                .map(code)
                .fold(Vec::new(), |mut acc, v| {
                    if !acc.contains(&v) {
                        acc.push(v);
                    }
                    acc
                });
            if !verbs.is_empty() {
                md.push_str(&format!(
                    "\n\nReporting words around the quote: {}",
                    verbs.join(", ")
                ));
            }
        }
    }
    md
}

fn stance_card(value: &str) -> String {
    match docs::stance(value) {
        Some(meaning) => format!("**stance** {}: {meaning}.", code(value)),
        None if value.is_empty() => "**stance**: empty".into(),
        None => format!(
            "**stance** {}: not one of the default stances ({}); a `claimls.toml` may add it under `[checks] stances`.",
            code(value),
            crate::config::DEFAULT_STANCES.join(", ")
        ),
    }
}

fn article_card(article: Option<&Article>, path: &str) -> String {
    let Some(a) = article else {
        return format!(
            "**article** {}\n\n*The article is not available.*",
            code(path)
        );
    };
    let mut md = format!("**article** {}", code(path));
    if let Some((date, _)) = &a.date {
        md.push_str(&format!(" · dated {date}"));
    }
    md.push_str(&format!(
        " · {} paragraphs, {} sentences",
        a.paragraphs.len(),
        a.sentences().len()
    ));
    if let Some(h) = a.headline {
        md.push_str(&format!(
            "\n\n> {}",
            escape(&clip(&collapse(h.slice(&a.text)), 300))
        ));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{article, at, parsed};

    #[test]
    fn ascii_names_fold_as_the_allocating_key_does() {
        for s in [
            "Syrian National",
            "  syrian \t\n NATIONAL ",
            "Syrian\u{b}National",
            "SyrianNational",
            "CNN",
            "cnn ",
            "a  b",
            "",
            " ",
            "X",
            "Ça  Va",
        ] {
            assert_eq!(name_key(s), collapse(s).to_lowercase(), "{s:?}");
        }
    }

    #[test]
    fn the_claims_of_an_actor_follow_edits() {
        let mut p = Parsed::new(
            "actor Kim Ode\n  aka: the mayor\n\nclaim one\n  source: Kim  ODE\n\nclaim two\n  source: the Mayor\n  via: Kim Ode, kim ode\n\nclaim three\n  source: Lee\n  via: The mayor\n",
        );
        let card = |p: &Parsed| actor_card(p, None, "Kim Ode");
        let first = card(&p);
        assert!(
            first.contains("`one`, `two` as source; `two`, `three` as intermediary"),
            "{first}"
        );
        // The index made by that hover is not used for the next version.
        let at = p.text.find("source: Lee").unwrap() + "source: ".len();
        assert!(p.edit(Span::new(at, at + 3), "the mayor"));
        let after = card(&p);
        assert!(
            after.contains("`one`, `two`, `three` as source; `two`, `three` as intermediary"),
            "{after}"
        );
        assert_eq!(after, card(&Parsed::new(p.text.clone())));
    }

    fn show(needle: &str, k: usize) -> Hover {
        let p = parsed();
        let a = article();
        let offset = at(&p, needle, k);
        hover(&p, Some(&a), offset).unwrap_or_else(|| panic!("no hover at {needle:?}+{k}"))
    }

    #[test]
    fn actor_card_on_a_source() {
        let h = show(
            "  source: Syrian national\n  via: CNN\n  cue: said\n  quote: he did not",
            12,
        );
        assert!(
            h.markdown
                .starts_with("The article credits: Syrian national (said, paragraph 4) via CNN"),
            "{}",
            h.markdown
        );
        assert!(
            h.markdown
                .contains("### Syrian national\n\n*anonymous* — former rebel"),
            "{}",
            h.markdown
        );
        assert!(
            h.markdown
                .contains("**Also called:** The man, Syrian man, former rebel"),
            "{}",
            h.markdown
        );
        assert!(h.markdown.contains("**Mentioned"), "{}", h.markdown);
        assert!(
            h.markdown.contains("`sna-contracts`, `funding-unknown`"),
            "{}",
            h.markdown
        );
        let p = parsed();
        assert_eq!(h.span.slice(&p.text), "Syrian national");
    }

    #[test]
    fn via_item_and_publisher() {
        let h = show("  via: CNN", 7);
        assert!(h.markdown.starts_with("### CNN"));
        assert!(h.markdown.contains("as intermediary"), "{}", h.markdown);
        let h = show("publisher: UrduPoint News, Sputnik", 12);
        assert!(
            h.markdown.contains("*Publisher of this article*"),
            "{}",
            h.markdown
        );
    }

    #[test]
    fn quote_card_shows_the_sentence_in_bold() {
        let h = show("  quote: Moscow was concerned", 12);
        assert!(
            h.markdown
                .starts_with("**quote** · exact match · line 17, paragraph 8"),
            "{}",
            h.markdown
        );
        assert!(
            h.markdown.contains("that **Moscow was concerned over"),
            "{}",
            h.markdown
        );
        assert!(h.markdown.contains("conflict zone**."), "{}", h.markdown);
    }

    #[test]
    fn near_miss_shows_the_word_difference() {
        let text = parsed().text.replace(
            "Moscow was concerned over reports",
            "Moscow was concerned about reports",
        );
        let p = Parsed::new(text);
        let a = article();
        let h = hover(&p, Some(&a), at(&p, "Moscow was concerned about", 3)).unwrap();
        assert!(h.markdown.contains("near miss"), "{}", h.markdown);
        assert!(h.markdown.contains("`about` → `over`"), "{}", h.markdown);
    }

    #[test]
    fn an_elided_quote_lists_every_part() {
        let text = parsed().text.replace(
            "Moscow was concerned over reports",
            "Moscow was concerned ... reports",
        );
        let p = Parsed::new(text);
        let a = article();
        let h = hover(&p, Some(&a), at(&p, "Moscow was concerned ...", 3)).unwrap();
        assert!(h.markdown.contains("2 parts"), "{}", h.markdown);
        assert!(
            h.markdown.contains("1. `Moscow was concerned` (line"),
            "{}",
            h.markdown
        );
        assert!(h.markdown.contains("\n2. `reports"), "{}", h.markdown);
    }

    #[test]
    fn claim_header_shows_the_chain() {
        let h = show("claim sna-contracts", 8);
        assert!(
            h.markdown
                .contains("Syrian national → CNN → UrduPoint News, Sputnik (this article)"),
            "{}",
            h.markdown
        );
        assert!(h.markdown.contains("cue *said*"));
        assert!(h
            .markdown
            .contains("stance **asserts**: the source states the content as fact"));
        assert!(h.markdown.contains("supports `recruitment`"));
    }

    #[test]
    fn cue_stance_kind_and_key() {
        let h = show("  cue: said in a statement", 8);
        assert!(
            h.markdown.contains("**said** in a **statement**"),
            "{}",
            h.markdown
        );
        let h = show("  stance: concerns", 11);
        assert_eq!(
            h.markdown,
            "**stance** `concerns`: the source expresses worry or concern."
        );
        let h = show("  kind: outlet", 9);
        assert!(h.markdown.contains("a news organization"));
        let h = show("  source: CNN", 3);
        assert!(h.markdown.starts_with("**source** (claim field)"));
    }

    #[test]
    fn cue_not_near_the_quote_lists_reporting_words() {
        let text = parsed().text.replace(
            "  cue: denied\n  quote: the reports",
            "  cue: rejected\n  quote: the reports",
        );
        let p = Parsed::new(text);
        let a = article();
        let h = hover(&p, Some(&a), at(&p, "cue: rejected", 6)).unwrap();
        assert!(
            h.markdown.contains("Not near the quote: `rejected`"),
            "{}",
            h.markdown
        );
        assert!(h.markdown.contains("`denied`"), "{}", h.markdown);
    }

    #[test]
    fn without_article_and_on_nothing() {
        let p = parsed();
        let h = hover(&p, None, at(&p, "  source: CNN", 11)).unwrap();
        assert!(h.markdown.contains("*The article is not available.*"));
        assert!(hover(&p, None, 5).is_none(), "comment");
        assert!(hover(&Parsed::new(""), None, 0).is_none());
    }

    #[test]
    fn claim_header_and_source_say_who_the_article_credits() {
        use crate::article::attribution::{Attribution, Confidence, ContentKind};
        let text = super::super::fixture::ARTICLE;
        let find = |needle: &str| {
            let at = text.find(needle).unwrap();
            Span::new(at, at + needle.len())
        };
        let said = find("The Syrian man said");
        let att = Attribution::from(crate::article::attribution::Parts {
            content: vec![find("he did not know who was funding the operation")],
            kind: ContentKind::Indirect,
            cue: Some(Span::new(said.end - 4, said.end)),
            source: Some(Span::new(said.start, said.end - 5)),
            resolved: None,
            addressee: None,
            chain: vec![find("CNN")],
            confidence: Confidence::High,
        });
        let p = parsed();
        let a = article().with_attributions(vec![att]);
        let expected = "The article credits: Syrian national (said, paragraph 4) via CNN, published by UrduPoint News / Sputnik";
        let head = hover(&p, Some(&a), at(&p, "claim funding-unknown", 3)).unwrap();
        assert!(head.markdown.contains(expected), "{}", head.markdown);
        let source = at(&p, "claim funding-unknown\n  source: Syrian national", 35);
        let h = hover(&p, Some(&a), source).unwrap();
        assert!(h.markdown.starts_with(expected), "{}", h.markdown);
        // A claim whose quote no attribution covers gets no such line.
        let other = hover(&p, Some(&a), at(&p, "claim only-way", 3)).unwrap();
        assert!(
            !other.markdown.contains("The article credits"),
            "{}",
            other.markdown
        );
    }

    #[test]
    fn a_quote_the_article_holds_twice_is_shown_where_the_check_anchors_it() {
        let text = "date 2026-01-05 Council approves tram line\n\n\
            Mayor Ana Ruiz said the decision was overdue.\n\n\
            Opposition leader Tom Vale said the decision would bankrupt the city.\n";
        let a = Article::new(text);
        let p = Parsed::new(
            "article: tram.txt\n\nclaim vale\n  source: Tom Vale\n  cue: said\n  quote: the decision\n",
        );
        let head = hover(&p, Some(&a), at(&p, "claim vale", 3)).unwrap();
        assert!(
            head.markdown
                .contains("The article credits: Tom Vale (said, paragraph 2)"),
            "{}",
            head.markdown
        );
        let quote = hover(&p, Some(&a), at(&p, "quote: the decision", 10)).unwrap();
        assert!(quote.markdown.contains("line 5"), "{}", quote.markdown);
    }

    #[test]
    fn the_credit_line_reads_the_statement_with_the_claims_cue_as_c024_does() {
        // The quote lies in the tweet's content and in the act nested in it.
        let text = "date 2021-03-04 X\n\nTrump tweeted that Machado was \"disgusting\" and implored Americans to \"check out\" the tape.\n";
        let a = Article::new(text);
        let line = |cue: &str| {
            let p = Parsed::new(format!(
                "claim c\n  source: Trump\n  cue: {cue}\n  quote: to \"check out\" the tape\n"
            ));
            let h = hover(&p, Some(&a), at(&p, "claim c", 3)).unwrap();
            h.markdown
        };
        assert!(
            line("implored").contains("(implored, paragraph 1)"),
            "{}",
            line("implored")
        );
        assert!(
            line("tweeted").contains("(tweeted, paragraph 1)"),
            "{}",
            line("tweeted")
        );
    }
}
