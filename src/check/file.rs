//! Checks across the whole file: article header, ids, relations, unused actors, stances,
//! duplicate anchors.

use super::{Anchor, Parsed};
use crate::article::{Article, ArticleError};
use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Target};
use crate::model::fold_name;
use crate::suggest::closest;
use crate::text::Span;
use std::collections::{HashMap, HashSet};

pub(super) fn article_unreadable(parsed: &Parsed, err: &ArticleError) -> Diagnostic {
    // On the `article:` value when there is one, else on line 1 so it is never missed.
    let span = match &parsed.model.header.article {
        Some(f) if !f.value.is_empty() => f.value.span,
        _ => parsed.tree.lines.first().map_or(Span::empty(0), |l| {
            Span::new(l.content.start.max(parsed.tree.bom), l.content.end)
        }),
    };
    Diagnostic::new(Code::ArticleUnreadable, span, err.message())
}

pub(super) fn date(parsed: &Parsed, article: &Article) -> Option<Diagnostic> {
    let field = parsed.model.header.date.as_ref()?;
    let value = field.value.text.trim();
    let span = field.value.span;
    match &article.date {
        None => Some(Diagnostic::new(
            Code::DateMismatch,
            span,
            format!("`date: {value}` but the article has no date line: expected a first line `date YYYY-MM-DD <headline>`, or remove `date:`"),
        )),
        Some((date, _)) if date == value => None,
        Some((date, date_span)) => Some(
            Diagnostic::new(
                Code::DateMismatch,
                span,
                format!("`date: {value}` differs from the article's date line `{date}`: expected `{date}`"),
            )
            .with_related(Target::Article, *date_span, "the article's date")
            .with_fix(format!("Change to `{date}`"), span, date.clone()),
        ),
    }
}

pub(super) fn claim_ids(parsed: &Parsed) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, Span> = HashMap::new();
    let mut out = Vec::new();
    for c in parsed.model.claims.iter().filter(|c| !c.id.is_empty()) {
        match first.get(c.id.as_str()) {
            Some(prev) => out.push(
                Diagnostic::new(
                    Code::DuplicateClaimId,
                    c.id_span,
                    format!(
                        "claim id `{}` is already used: ids must be unique in the file",
                        c.id
                    ),
                )
                .with_related(Target::File, *prev, "first used here"),
            ),
            None => {
                first.insert(&c.id, c.id_span);
            }
        }
    }
    out
}

pub(super) fn relations(parsed: &Parsed) -> Vec<Diagnostic> {
    let ids: Vec<&str> = parsed.model.claims.iter().map(|c| c.id.as_str()).collect();
    let known: HashSet<&str> = ids.iter().copied().collect();
    let mut out = Vec::new();
    for claim in &parsed.model.claims {
        for rel in &claim.relations {
            let target = rel.target.text.as_str();
            if target == claim.id {
                out.push(Diagnostic::new(
                    Code::UnknownClaimRef,
                    rel.target.span,
                    format!("`{}: {target}` points at the claim itself: expected the id of another claim", rel.kind.field()),
                ));
                continue;
            }
            if known.contains(target) {
                continue;
            }
            let others: Vec<&str> = ids.iter().copied().filter(|i| *i != claim.id).collect();
            let mut d = Diagnostic::new(
                Code::UnknownClaimRef,
                rel.target.span,
                format!(
                    "`{}: {target}` names no claim in this file: expected the id of a claim",
                    rel.kind.field()
                ),
            );
            if let Some(s) = closest_id(target, &others) {
                d.message = format!(
                    "`{}: {target}` names no claim in this file: did you mean `{s}`?",
                    rel.kind.field()
                );
                d = d.with_fix(format!("Change to `{s}`"), rel.target.span, s);
            }
            out.push(d);
        }
    }
    out
}

/// The id a mistyped reference most likely meant: at most two edits away. Files have
/// thousands of ids and this runs on every keystroke, so cheap tests (length, the set of
/// characters used) rule out nearly all of them before an edit distance is computed.
fn closest_id<'a>(target: &str, ids: &[&'a str]) -> Option<&'a str> {
    fn char_set(s: &str) -> u64 {
        s.bytes().fold(0, |m, b| m | 1u64 << (b % 64))
    }
    let mask = char_set(target);
    ids.iter()
        .filter(|id| {
            id.len().abs_diff(target.len()) <= 2 && (char_set(id) ^ mask).count_ones() <= 4
        })
        .map(|id| (strsim::damerau_levenshtein(target, id), *id))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id)
}

pub(super) fn stances(parsed: &Parsed, config: &Config) -> Vec<Diagnostic> {
    let allowed: Vec<&str> = config.stances.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for field in parsed.model.claims.iter().filter_map(|c| c.stance.as_ref()) {
        let value = field.value.text.as_str();
        if value.is_empty() || allowed.contains(&value) {
            continue;
        }
        let mut d = Diagnostic::new(
            Code::UnknownStance,
            field.value.span,
            format!(
                "unknown stance `{value}`; expected one of {}",
                allowed.join(", ")
            ),
        );
        if let Some(s) = closest(value, &allowed) {
            d.message = format!(
                "unknown stance `{value}`: did you mean `{s}`? Expected one of {}",
                allowed.join(", ")
            );
            d = d.with_fix(format!("Change to `{s}`"), field.value.span, s);
        }
        out.push(d);
    }
    out
}

pub(super) fn unused_actors(parsed: &Parsed) -> Vec<Diagnostic> {
    let model = &parsed.model;
    // Every name a claim uses, folded once: the check is then linear, not actors × claims.
    let used: HashSet<String> = model
        .claims
        .iter()
        .flat_map(|c| {
            c.source_name()
                .map(str::to_string)
                .into_iter()
                .chain(c.via_items().into_iter().map(|v| v.text))
        })
        .map(|n| fold_name(&n))
        .collect();
    let mut out = Vec::new();
    for actor in model.actors.iter().filter(|a| !a.name.is_empty()) {
        if !actor.names().any(|n| used.contains(&fold_name(n))) {
            out.push(Diagnostic::new(
                Code::UnusedActor,
                actor.name_span,
                format!("actor `{}` is the source or intermediary of no claim: use it in a `source:` or `via:`, or remove it", actor.name),
            ));
        }
    }
    out
}

pub(super) fn duplicate_quotes(parsed: &Parsed, anchors: &[(usize, Anchor)]) -> Vec<Diagnostic> {
    let mut first: HashMap<Span, usize> = HashMap::new();
    let mut out = Vec::new();
    // A near miss already has its own error; pointing at the same text is expected then.
    for &(claim_index, anchor) in anchors.iter().filter(|(_, a)| a.exact) {
        let (anchor, quote) = (anchor.span, anchor.quote);
        match first.get(&anchor) {
            Some(&prev) if prev != claim_index => {
                let claim = &parsed.model.claims[claim_index];
                let other = &parsed.model.claims[prev];
                let span = claim
                    .quotes
                    .get(quote)
                    .map_or(claim.id_span, |q| q.value.span);
                out.push(
                    Diagnostic::new(
                        Code::DuplicateQuote,
                        span,
                        format!(
                            "claim `{}` quotes the same article text as claim `{}`: each statement should be annotated once",
                            claim.id, other.id
                        ),
                    )
                    .with_related(Target::File, other.id_span, format!("claim `{}`", other.id))
                    .with_related(Target::Article, anchor, "the shared article text"),
                );
            }
            Some(_) => {}
            None => {
                first.insert(anchor, claim_index);
            }
        }
    }
    out
}
