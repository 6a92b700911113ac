//! Checks across the whole file: article header, ids, relations, unused actors,
//! duplicate anchors; and the stance check, which runs per claim but is kept here with
//! the other vocabulary checks.

use super::{Anchor, Parsed};
use crate::article::{Article, ArticleError};
use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Target};
use crate::model::Claim;
use crate::suggest::closest;
use crate::text::Span;
use rustc_hash::FxHashMap;
use std::hash::{Hash, Hasher};

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

/// C040 for repeated claim ids; also returns where each id is first used, which the
/// relation check looks ids up in.
pub(super) fn claim_ids(parsed: &Parsed) -> (Vec<Diagnostic>, FxHashMap<&str, Span>) {
    let claims = &parsed.model.claims;
    let mut first: FxHashMap<&str, Span> = FxHashMap::default();
    first.reserve(claims.len());
    let mut out = Vec::new();
    for c in claims.iter().filter(|c| !c.id.is_empty()) {
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
    (out, first)
}

/// Did-you-mean ids found for unknown references, kept between runs: finding one
/// compares the reference with every id of the file, and the same unknown reference is
/// checked again on every keystroke elsewhere. Valid while the file's ids are the same.
#[derive(Debug, Default)]
pub(super) struct IdSuggestions {
    ids: u64,
    /// (reference, id of the claim making it) -> suggestion.
    found: FxHashMap<(String, String), Option<String>>,
}

pub(super) fn relations(
    parsed: &Parsed,
    known: &FxHashMap<&str, Span>,
    memo: &mut IdSuggestions,
) -> Vec<Diagnostic> {
    let claims = &parsed.model.claims;
    if claims.iter().all(|c| c.relations.is_empty()) {
        return Vec::new();
    }
    let mut ids_hash = rustc_hash::FxHasher::default();
    for c in claims {
        c.id.hash(&mut ids_hash);
    }
    let ids_hash = ids_hash.finish();
    // Typing a reference leaves one entry per keystroke: start afresh now and then.
    if memo.ids != ids_hash || memo.found.len() > 1024 {
        memo.ids = ids_hash;
        memo.found.clear();
    }
    // Made on the first unknown reference only: most files have none.
    let mut ids: Option<Vec<IdShape<'_>>> = None;
    let mut out = Vec::new();
    for claim in claims {
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
            if known.contains_key(target) {
                continue;
            }
            let suggestion = memo
                .found
                .entry((target.to_string(), claim.id.clone()))
                .or_insert_with(|| {
                    let ids = ids.get_or_insert_with(|| {
                        claims.iter().map(|c| IdShape::new(&c.id)).collect()
                    });
                    closest_id(target, ids, &claim.id).map(str::to_string)
                });
            let mut d = Diagnostic::new(
                Code::UnknownClaimRef,
                rel.target.span,
                format!(
                    "`{}: {target}` names no claim in this file: expected the id of a claim",
                    rel.kind.field()
                ),
            );
            if let Some(s) = suggestion.as_deref() {
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

/// A claim id with the set of bytes it uses, for ruling candidates out cheaply.
struct IdShape<'a> {
    id: &'a str,
    bytes: u64,
}

impl<'a> IdShape<'a> {
    fn new(id: &'a str) -> Self {
        IdShape {
            id,
            bytes: id.bytes().fold(0, |m, b| m | 1u64 << (b % 64)),
        }
    }
}

/// The id (other than `own`) a mistyped reference most likely meant: at most two edits
/// away. Files have thousands of ids and this runs on every keystroke, so cheap tests
/// (length, the set of bytes used) rule out nearly all of them before an edit distance is
/// computed.
fn closest_id<'a>(target: &str, ids: &[IdShape<'a>], own: &str) -> Option<&'a str> {
    let wanted = IdShape::new(target);
    ids.iter()
        .filter(|c| {
            c.id.len().abs_diff(target.len()) <= 2
                && (c.bytes ^ wanted.bytes).count_ones() <= 4
                && c.id != own
        })
        .map(|c| (strsim::damerau_levenshtein(target, c.id), c.id))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id)
}

/// C042 for a claim's `stance:` outside the configured vocabulary. Per claim, so that its
/// result is cached with the claim's other findings (a file whose team uses stances not
/// configured yet has one per claim).
pub(super) fn stance(claim: &Claim, config: &Config) -> Option<Diagnostic> {
    let field = claim.stance.as_ref()?;
    let value = field.value.text.as_str();
    if value.is_empty() || config.stances.iter().any(|s| s == value) {
        return None;
    }
    let allowed: Vec<&str> = config.stances.iter().map(String::as_str).collect();
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
    Some(d)
}

/// C043 for each named actor that no claim names (`used[i]` is whether actor `i` is
/// named as a source or intermediary).
pub(super) fn unused_actors(parsed: &Parsed, used: &[bool]) -> Vec<Diagnostic> {
    let model = &parsed.model;
    let mut out = Vec::new();
    for (i, actor) in model.actors.iter().enumerate() {
        if actor.name.is_empty() || used.get(i).copied().unwrap_or(false) {
            continue;
        }
        out.push(Diagnostic::new(
            Code::UnusedActor,
            actor.name_span,
            format!("actor `{}` is the source or intermediary of no claim: use it in a `source:` or `via:`, or remove it", actor.name),
        ));
    }
    out
}

pub(super) fn duplicate_quotes(parsed: &Parsed, anchors: &[(usize, Anchor)]) -> Vec<Diagnostic> {
    let mut first: FxHashMap<Span, usize> = FxHashMap::default();
    first.reserve(anchors.len());
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
