//! Completion: field names, actor names ranked by nearness to the quote, stances, kinds,
//! claim ids, cue words, the rest of a quote's sentence, and check codes in suppressions.

use super::docs;
use super::hover::{chain, cue_window, words_in};
use super::locate::{block_before_line, field_on_line, owner_of_block, FieldAt, Owner};
use super::markdown::{clip, collapse, escape, excerpt, place, sentence_region};
use super::names::{nearest_names, nearest_names_by_name, quote_anchor, quote_parts, Near};
use super::{Completion, CompletionKind};
use crate::article::attribution::lexicon::ly_adverb;
use crate::article::{normalize_str, split_elisions, Article, Candidate, NamesByPosition};
use crate::check::{cue, shared_mentions, Parsed};
use crate::config::Config;
use crate::diagnostic::Code;
use crate::model::{Actor, ACTOR_FIELDS, ACTOR_KINDS, CLAIM_FIELDS, HEADER_FIELDS, UNNAMED};
use crate::syntax::{BlockKind, Line, LineKind};
use crate::text::Span;
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::sync::Arc;

/// At most this many proposals are returned; the best ranked are kept.
pub const MAX_COMPLETIONS: usize = 200;

/// Fields that may be given more than once in a block.
const REPEATABLE: &[&str] = &["quote", "aka", "disputes", "supports", "responds-to"];

/// Whether completion may compute the article's names or takes them only when ready.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleNames {
    /// Compute them now if they are not yet (the CLI, tests, measurements).
    Compute,
    /// Use them only if already computed: the server's answer within its time budget,
    /// while another thread computes them for the next request.
    IfReady,
}

/// Proposals for the cursor at byte `offset` of the annotation.
pub fn completion(
    parsed: &Parsed,
    article: Option<&Article>,
    offset: usize,
    config: &Config,
) -> Vec<Completion> {
    completion_with(parsed, article, offset, config, ArticleNames::Compute)
}

/// [`completion`], saying whether the article's names may be computed now.
pub fn completion_with(
    parsed: &Parsed,
    article: Option<&Article>,
    offset: usize,
    config: &Config,
    names: ArticleNames,
) -> Vec<Completion> {
    let text = &parsed.text;
    let tree = &parsed.tree;
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let Some(line_index) = tree.line_at(offset) else {
        return Vec::new();
    };
    let line = &tree.lines[line_index];
    if offset >= line.full().end && line.full().end > line.content().end {
        // After the final line break: an empty last line, which the tree does not hold.
        let empty = Line::new(LineKind::Blank, Span::empty(offset), Span::empty(offset), 0);
        let mut items = field_names(parsed, &empty, tree.lines.len(), offset);
        items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
        return items;
    }
    let offset = offset.clamp(line.content().start, line.content().end);
    let mut items = match line.kind() {
        LineKind::Comment => suppression_codes(text, line.content(), offset),
        LineKind::BlockHeader => {
            let key = line.key().unwrap_or(Span::empty(line.content().start));
            if offset > key.end && key.slice(text) == "actor" {
                let replace = single_value(text, key.end, line.content().end, offset);
                let own = tree
                    .blocks
                    .iter()
                    .position(|b| b.line() == line_index)
                    .map(|b| owner_of_block(tree, b));
                actor_names(
                    parsed,
                    (article, names),
                    NameUse::ActorHead(own),
                    replace,
                    offset,
                )
            } else if offset > key.end {
                Vec::new()
            } else {
                field_names(parsed, line, line_index, offset)
            }
        }
        LineKind::Field if line.key().is_some_and(|k| offset > k.end) => {
            match field_on_line(parsed, line_index) {
                Some(field) => value_items(
                    parsed,
                    (article, names),
                    config,
                    &field,
                    field.node.key().end + 1,
                    line.content().end,
                    offset,
                ),
                None => Vec::new(),
            }
        }
        LineKind::Continuation => match field_on_line(parsed, line_index) {
            Some(field) => value_items(
                parsed,
                (article, names),
                config,
                &field,
                line.content().start + line.indent() as usize,
                line.content().end,
                offset,
            ),
            None => Vec::new(),
        },
        _ => field_names(parsed, line, line_index, offset),
    };
    items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
    items.truncate(MAX_COMPLETIONS);
    items
}

/// The span a single-valued field's completion replaces: the value on this line.
fn single_value(text: &str, from: usize, line_end: usize, offset: usize) -> Span {
    let start = skip_space(text, from, offset);
    let end = start + text[start..line_end].trim_end().len();
    Span::new(start, end.max(offset))
}

/// The span of the comma-separated item around `offset` on this line.
fn list_item(text: &str, from: usize, line_end: usize, offset: usize) -> Span {
    let before = &text[from..offset];
    let item_start = before.rfind(',').map_or(from, |i| from + i + 1);
    let start = skip_space(text, item_start, offset);
    let after = &text[offset..line_end];
    let end = offset + after.find(',').unwrap_or(after.len());
    let end = start + text[start..end].trim_end().len();
    Span::new(start, end.max(offset))
}

fn skip_space(text: &str, from: usize, limit: usize) -> usize {
    let s = &text[from..limit];
    from + (s.len() - s.trim_start().len())
}

/// A space before the inserted text when it would otherwise touch `:` or `,`.
fn spaced(text: &str, replace: Span, insert: &str) -> String {
    match text[..replace.start].chars().next_back() {
        Some(':' | ',') => format!(" {insert}"),
        _ => insert.to_string(),
    }
}

fn value_items(
    parsed: &Parsed,
    (article, names): (Option<&Article>, ArticleNames),
    config: &Config,
    field: &FieldAt<'_>,
    from: usize,
    line_end: usize,
    offset: usize,
) -> Vec<Completion> {
    let text = &parsed.text;
    let list = || list_item(text, from, line_end, offset);
    let single = || single_value(text, from, line_end, offset);
    match (field.owner, field.name) {
        (Owner::Claim(i), "source") => actor_names(
            parsed,
            (article, names),
            NameUse::Source(i),
            single(),
            offset,
        ),
        (Owner::Claim(i), "via") => actor_names(
            parsed,
            (article, names),
            NameUse::Via(i, list()),
            list(),
            offset,
        ),
        (Owner::Actor(i), "aka") => {
            actor_names(parsed, (article, names), NameUse::Aka(i), list(), offset)
        }
        (Owner::Header, "publisher") => actor_names(
            parsed,
            (article, names),
            NameUse::Publisher(list()),
            list(),
            offset,
        ),
        (Owner::Claim(_), "stance") => {
            let replace = single();
            config
                .stances
                .iter()
                .enumerate()
                .map(|(k, s)| Completion {
                    label: s.clone(),
                    kind: CompletionKind::Value,
                    detail: Some("stance".into()),
                    documentation: docs::stance(s)
                        .map(|m| format!("The source {}.", m.trim_start_matches("the source "))),
                    sort_text: format!("{k:04}"),
                    filter_text: s.clone(),
                    insert_text: spaced(text, replace, s),
                    replace,
                })
                .collect()
        }
        (Owner::Actor(_), "kind") => {
            let replace = single();
            ACTOR_KINDS
                .iter()
                .enumerate()
                .map(|(k, s)| Completion {
                    label: s.to_string(),
                    kind: CompletionKind::Value,
                    detail: Some("actor kind".into()),
                    documentation: docs::kind(s).map(str::to_string),
                    sort_text: format!("{k:04}"),
                    filter_text: s.to_string(),
                    insert_text: spaced(text, replace, s),
                    replace,
                })
                .collect()
        }
        (Owner::Claim(i), "disputes" | "supports" | "responds-to") => {
            claim_ids(parsed, i, field, list())
        }
        (Owner::Claim(i), "cue") => match article {
            Some(a) => cue_words(parsed, a, i, config, single()),
            None => Vec::new(),
        },
        (Owner::Claim(_), "quote") => match article {
            Some(a) => quote_rest(parsed, a, field, from, offset),
            None => Vec::new(),
        },
        (Owner::Header, "date") => {
            let replace = single();
            article
                .and_then(|a| a.date.as_ref())
                .map(|(date, _)| Completion {
                    label: date.clone(),
                    kind: CompletionKind::Value,
                    detail: Some("the article's date line".into()),
                    documentation: None,
                    sort_text: "0".into(),
                    filter_text: date.clone(),
                    insert_text: spaced(text, replace, date),
                    replace,
                })
                .into_iter()
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Field names valid on this line, and block keywords at column 0.
fn field_names(parsed: &Parsed, line: &Line, line_index: usize, offset: usize) -> Vec<Completion> {
    let text = &parsed.text;
    let tree = &parsed.tree;
    let start = line.content().start + line.indent() as usize;
    if offset < start {
        return Vec::new();
    }
    let typed = &text[start..offset];
    if !typed
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Vec::new();
    }
    let rest = &text[offset..line.content().end];
    let word_end = offset
        + rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
    // Replace the key and its colon when there is one: `sour|ce:` becomes `source: `.
    let after_word = &text[word_end..line.content().end];
    let replace_end = match after_word.strip_prefix(':') {
        Some(value) => word_end + 1 + (value.len() - value.trim_start().len()),
        None => word_end,
    };
    let replace = Span::new(start, replace_end);
    // (label, insert text, detail, documentation, rank)
    let mut found: Vec<(&str, String, String, Option<&str>, usize)> = Vec::new();
    let present =
        |names: &[&str], field: &str| !REPEATABLE.contains(&field) && names.contains(&field);
    let block_fields =
        |b: usize, indent: &str, found: &mut Vec<(&str, String, String, Option<&str>, usize)>| {
            let node = &tree.blocks[b];
            let names: Vec<&str> = tree
                .fields(node)
                .filter(|f| f.line() != line_index)
                .map(|f| f.key().slice(text))
                .collect();
            let (context, fields) = match node.kind {
                BlockKind::Actor => ("actor", ACTOR_FIELDS),
                BlockKind::Claim => ("claim", CLAIM_FIELDS),
            };
            for (k, f) in fields.iter().enumerate() {
                if present(&names, f) {
                    continue;
                }
                let required = context == "claim" && matches!(*f, "source" | "quote");
                let detail = if required {
                    format!("{context} field (required)")
                } else {
                    format!("{context} field")
                };
                let rank = if required { k } else { 100 + k };
                found.push((
                    f,
                    format!("{indent}{f}: "),
                    detail,
                    docs::field(context, f),
                    rank,
                ));
            }
        };
    let block = block_before_line(tree, line_index);
    if line.indent() > 0 {
        if let Some(b) = block {
            block_fields(b, "", &mut found);
        }
    } else {
        match block {
            None => {
                let names: Vec<&str> = tree
                    .header
                    .iter()
                    .filter(|f| f.line() != line_index)
                    .map(|f| f.key().slice(text))
                    .collect();
                for (k, f) in HEADER_FIELDS.iter().enumerate() {
                    if !present(&names, f) {
                        found.push((
                            f,
                            format!("{f}: "),
                            "header field".into(),
                            docs::field("header", f),
                            k,
                        ));
                    }
                }
            }
            Some(b) => block_fields(b, "  ", &mut found),
        }
        found.push((
            "claim",
            "claim ".into(),
            "block: an attributed statement".into(),
            Some("`claim ID`, then its fields indented."),
            500,
        ));
        found.push((
            "actor",
            "actor ".into(),
            "block: a source or intermediary".into(),
            Some("`actor Canonical Name`, then its fields indented."),
            501,
        ));
    }
    let items = found
        .into_iter()
        .map(|(label, insert, detail, doc, rank)| Completion {
            label: label.to_string(),
            kind: if insert.ends_with(": ") {
                CompletionKind::Field
            } else {
                CompletionKind::Keyword
            },
            detail: Some(detail),
            documentation: doc.map(str::to_string),
            sort_text: format!("{rank:04}"),
            filter_text: label.to_string(),
            insert_text: insert,
            replace,
        })
        .collect();
    // The editor filters by what is typed (fuzzily, so `soruce` still finds `source`).
    items
}

/// How an actor name is used at the cursor: it decides what is offered and how it is
/// ranked.
enum NameUse {
    /// `source:` of the claim with this index.
    Source(usize),
    /// `via:` of the claim with this index; the span of the item being typed.
    Via(usize, Span),
    /// `aka:` of the actor with this index.
    Aka(usize),
    /// `publisher:`; the span of the item being typed.
    Publisher(Span),
    /// The name after `actor` (the block being edited, if parsed as one).
    ActorHead(Option<Owner>),
}

struct NameProposal<'a> {
    label: Cow<'a, str>,
    /// `label` normalized, for de-duplication.
    key: Cow<'a, str>,
    kind: CompletionKind,
    detail: Detail<'a>,
    documentation: Documentation<'a>,
    /// Borrowed from the article's candidate list, or shared with the article's cache
    /// of declared actors' mentions: there are thousands, some of them long.
    mentions: Mentions<'a>,
    /// 0 declared canonical name, 1 alias, 2 article name, 3 `unnamed`.
    group: u8,
    /// The credited speaker as the article writes it next to the cue (`The party's
    /// nominee`): after declared actors, before the article's other names.
    written: bool,
}

/// A proposal's mentions, in article order, never copied from the article's lists.
enum Mentions<'a> {
    Borrowed(&'a [Span]),
    Shared(Arc<[Span]>),
    Owned(Vec<Span>),
}

impl std::ops::Deref for Mentions<'_> {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        match self {
            Mentions::Borrowed(m) => m,
            Mentions::Shared(m) => m,
            Mentions::Owned(m) => m,
        }
    }
}

/// A proposal's documentation, written out only for the proposals that are returned.
enum Documentation<'a> {
    None,
    Text(&'static str),
    /// A declared actor's role and aliases.
    Actor(&'a Actor),
}

impl Documentation<'_> {
    fn text(&self) -> Option<String> {
        match self {
            Documentation::None => None,
            Documentation::Text(t) => Some(t.to_string()),
            Documentation::Actor(actor) => {
                let mut doc = Vec::new();
                if let Some(role) = actor.role.as_ref().filter(|r| !r.value.is_empty()) {
                    doc.push(escape(&collapse(&role.value.text)));
                }
                if !actor.aliases.is_empty() {
                    doc.push(format!(
                        "Also called: {}",
                        actor
                            .aliases
                            .iter()
                            .map(|a| escape(&a.text))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                (!doc.is_empty()).then(|| doc.join("\n\n"))
            }
        }
    }
}

/// A proposal's detail line, written out only for the proposals that are returned.
enum Detail<'a> {
    Declared { kind: &'a str },
    Alias { of: &'a str },
    Article { kind: &'a str },
    Unnamed,
}

impl NameProposal<'_> {
    fn detail(&self) -> String {
        let count = match self.mentions.len() {
            0 => "not in the article".to_string(),
            1 => "1 mention".to_string(),
            n => format!("{n} mentions"),
        };
        match self.detail {
            Detail::Declared { kind } => format!("{kind} · {count}"),
            Detail::Alias { of } => format!("alias of {of} · {count}"),
            Detail::Article { kind } => format!("{kind} · {count} in the article"),
            Detail::Unnamed => "no source is named in the article".into(),
        }
    }
}

fn actor_names(
    parsed: &Parsed,
    (article, names): (Option<&Article>, ArticleNames),
    usage: NameUse,
    replace: Span,
    offset: usize,
) -> Vec<Completion> {
    let model = &parsed.model;
    // What is typed of the name so far. An article can name far more people than one
    // answer holds; the answer is then marked incomplete, the editor asks again as the
    // user types, and only names that match what is typed are ranked. (With fewer names,
    // all are sent and the editor filters.)
    let typed = parsed
        .text
        .get(replace.start..offset.clamp(replace.start, replace.end))
        .unwrap_or("")
        .trim();
    let text = &parsed.text;
    let mut excluded: Vec<String> = Vec::new();
    let mut offer_declared = true;
    let mut anchor: Option<Span> = None;
    // For `source:`, who the article credits with the quote: that name first; the
    // addressee and names inside the quoted words after the others.
    let mut credited: Option<Credited> = None;
    // The quoted parts of the claim's quote: what lies between them may name the speaker.
    let mut parts: Vec<Span> = Vec::new();
    // The subject of the claim's own cue in the quote's sentence: who the annotator's cue
    // has speak.
    // With it, where the claim's cue stands.
    let mut cued: Option<Span> = None;
    let mut cue_at: Option<Span> = None;
    match &usage {
        NameUse::Source(i) => {
            parts = article
                .zip(model.claims.get(*i))
                .and_then(|(a, c)| quote_parts(a, model, c))
                .unwrap_or_default();
            anchor = parts.first().zip(parts.last()).map(|(a, b)| a.cover(*b));
            (cued, cue_at) = article
                .zip(model.claims.get(*i))
                .zip(anchor)
                .and_then(|((a, c), quote)| {
                    let cue = c.cue.as_ref()?.value.text.as_str();
                    subject_before_cue(a, quote, cue)
                })
                .unzip();
            credited = article
                .filter(|_| !parts.is_empty())
                .map(|a| Credited::new(a, &parts));
        }
        NameUse::Via(i, current) => {
            if let Some(claim) = model.claims.get(*i) {
                anchor = article.and_then(|a| quote_anchor(a, model, claim));
                if let Some(source) = claim.source_name() {
                    match model.actor(source) {
                        Some(actor) => excluded.extend(actor.names().map(str::to_string)),
                        None => excluded.push(source.to_string()),
                    }
                }
                excluded.extend(
                    claim
                        .via_items()
                        .into_iter()
                        .filter(|v| v.span != *current)
                        .map(|v| v.text),
                );
            }
        }
        NameUse::Aka(i) => {
            offer_declared = false;
            excluded.extend(
                model
                    .actors
                    .iter()
                    .flat_map(|a| a.names().map(str::to_string)),
            );
            if let (Some(a), Some(actor)) = (article, model.actors.get(*i)) {
                anchor = a.mentions(&actor.name, actor.is_person()).first().copied();
            }
        }
        NameUse::Publisher(current) => {
            excluded.extend(
                model
                    .header
                    .publishers()
                    .into_iter()
                    .filter(|p| p.span != *current)
                    .map(|p| p.text),
            );
        }
        NameUse::ActorHead(own) => {
            offer_declared = false;
            for (k, actor) in model.actors.iter().enumerate() {
                if *own != Some(Owner::Actor(k)) {
                    excluded.extend(actor.names().map(str::to_string));
                }
            }
        }
    }
    let mut proposals: Vec<NameProposal> = Vec::new();
    if offer_declared {
        for actor in model.actors.iter().filter(|a| !a.name.is_empty()) {
            let mentions = article.map_or(Mentions::Owned(Vec::new()), |a| {
                Mentions::Shared(shared_mentions(model, a, &actor.name))
            });
            let kind = actor
                .kind_str()
                .filter(|k| !k.is_empty())
                .unwrap_or("actor");
            proposals.push(NameProposal {
                label: Cow::Borrowed(&actor.name),
                key: Cow::Owned(normalize_str(&actor.name)),
                kind: CompletionKind::Actor,
                detail: Detail::Declared { kind },
                documentation: Documentation::Actor(actor),
                mentions,
                group: 0,
                written: false,
            });
            for alias in &actor.aliases {
                let mentions = article
                    .map(|a| a.mentions(&alias.text, false))
                    .unwrap_or_default();
                proposals.push(NameProposal {
                    label: Cow::Borrowed(&alias.text),
                    key: Cow::Owned(normalize_str(&alias.text)),
                    kind: CompletionKind::Actor,
                    detail: Detail::Alias { of: &actor.name },
                    documentation: Documentation::None,
                    mentions: Mentions::Owned(mentions),
                    group: 1,
                    written: false,
                });
            }
        }
    }
    let declared_names: HashSet<String> = model
        .actors
        .iter()
        .flat_map(|a| {
            a.names()
                .map(|n| without_article(&normalize_str(n)).to_string())
        })
        .collect();
    // The credited speaker as written (a descriptor such as "the party's nominee", or a
    // name): ranked right after declared actors.
    if let (Some(c), Some(a)) = (&credited, article) {
        for &src in &c.written {
            let name = crate::draft::actor_name(&a.text, src);
            let name = name
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            let key = normalize_str(&name);
            // The analysis may stop a name short (`Prime Minister Ann May` read as `Prime
            // Minister Ann`, `May` taken for the month): the article's whole name then
            // stands in its place, and the cut one is not offered.
            let cut_short = match names {
                ArticleNames::Compute => Some(a.candidates()),
                ArticleNames::IfReady => a.candidates_if_ready(),
            }
            .is_some_and(|cands| {
                match a.names_by_position().filter(|_| !rank_every_name()) {
                    Some(index) => index
                        .starting_at(src.start)
                        .any(|m| extends_past(&a.text, m.span, src)),
                    None => cands
                        .iter()
                        .any(|cand| extends(&a.text, &cand.mentions, src)),
                }
            });
            if !name.is_empty() && !cut_short && !declared_names.contains(without_article(&key)) {
                proposals.push(NameProposal {
                    label: Cow::Owned(name),
                    key: Cow::Owned(key),
                    kind: CompletionKind::Name,
                    detail: Detail::Article { kind: "speaker" },
                    documentation: Documentation::None,
                    mentions: Mentions::Owned(vec![src]),
                    group: 2,
                    written: true,
                });
            }
        }
    }
    let excluded: HashSet<String> = excluded.iter().map(|e| normalize_str(e)).collect();
    // In a transcript, the speaker's label opening the quote's paragraph (`DOLE: …`) names
    // who speaks there, unless the attribution credits someone named after it; a quotation
    // signed after its closing mark (`"…" — Ann Dole`) is its signer's.
    let label = match (article, anchor, &usage) {
        (Some(a), Some(anchor), NameUse::Source(_)) => speaker_label(a, anchor)
            .filter(|l| {
                !credited.as_ref().is_some_and(|c| {
                    c.speaker.iter().any(|s| {
                        s.start >= l.end && a.paragraph_of(s.start) == a.paragraph_of(anchor.start)
                    })
                })
            })
            .or_else(|| signature(a, anchor)),
        _ => None,
    };
    let near = match (article, anchor) {
        (Some(a), Some(_)) if !parts.is_empty() => Some(Near::of_parts(a, &parts)),
        (Some(a), Some(anchor)) => Some(Near::new(a, anchor)),
        _ => None,
    };
    // The article's names. Around a quote, with the list of their mentions by position,
    // only the names with a mention near it are ranked one by one below (`close`); of the
    // others, which rank by their distance alone, only the nearest are read, once the
    // others are ranked (`Far`).
    let mut far: Option<Far> = None;
    // Proposals `cands_at..cands_at + close_seqs.len()` are article names, in this order.
    let cands_at = proposals.len();
    let mut close_seqs: Vec<usize> = Vec::new();
    if let Some(a) = article {
        let candidates = match names {
            ArticleNames::Compute => a.candidates(),
            ArticleNames::IfReady => a.candidates_if_ready().unwrap_or_default(),
        };
        let by_position = near
            .as_ref()
            .filter(|_| !candidates.is_empty() && !rank_every_name())
            .zip(a.names_by_position());
        if let Some((n, index)) = by_position {
            let region = [credited.as_ref().map(|c| c.reach), label, cued]
                .into_iter()
                .flatten()
                .fold(n.region(), Span::cover);
            let mut close: Vec<usize> = index.touching(region).map(|m| m.candidate).collect();
            close.sort_unstable();
            close.dedup();
            // The names not offered for being declared: "the Russian Foreign Ministry" is
            // the declared "Russian Foreign Ministry".
            let mut declared: Vec<usize> = Vec::new();
            if offer_declared {
                let mut key = String::new();
                for name in &declared_names {
                    for article in ["", "the ", "a ", "an "] {
                        key.clear();
                        key.push_str(article);
                        key.push_str(name);
                        declared.extend(
                            index
                                .candidate_of_key(candidates, &key)
                                .filter(|&c| without_article(&candidates[c].key) == name),
                        );
                    }
                }
                declared.sort_unstable();
                declared.dedup();
            }
            let f = Far {
                index,
                candidates,
                anchor: n.anchor(),
                first: cands_at,
                close,
                declared,
            };
            for &c in &f.close {
                if let Some(seq) = f.seq(c) {
                    close_seqs.push(seq);
                    proposals.push(article_name(&candidates[c]));
                }
            }
            far = Some(f);
        } else {
            for cand in candidates {
                // "the Russian Foreign Ministry" is the declared "Russian Foreign Ministry".
                let declared = declared_names.contains(without_article(&cand.key));
                if declared && offer_declared {
                    continue;
                }
                close_seqs.push(cands_at + close_seqs.len());
                proposals.push(article_name(cand));
            }
        }
    }
    // The proposal at each index's place in the whole list of proposals (with every
    // article name).
    let after_names = cands_at + close_seqs.len();
    let names_offered = far.as_ref().map_or(close_seqs.len(), Far::offered);
    let seq_of = |i: usize| {
        if i < cands_at {
            i
        } else if i < after_names {
            close_seqs[i - cands_at]
        } else {
            i - after_names + cands_at + names_offered
        }
    };
    // The speaker the article credits, as the article names them, when no name offered
    // so far stands there (a descriptor such as "The party's nominee", a name no list has).
    if let (Some(c), Some(a)) = (&credited, article) {
        if let Some(name) = c.name.as_ref().filter(|_| {
            !proposals
                .iter()
                .any(|p| p.group < 3 && c.speaks(&p.mentions))
        }) {
            proposals.push(NameProposal {
                key: Cow::Owned(normalize_str(name)),
                label: Cow::Owned(name.clone()),
                kind: CompletionKind::Name,
                detail: Detail::Article { kind: "speaker" },
                documentation: Documentation::None,
                mentions: Mentions::Owned(c.speaker.clone()),
                group: 2,
                written: false,
            });
            let _ = a;
        }
    }
    // The subject of the quote's sentence when it is a short description ("The agency
    // isn't offering …", "The judge agreed …"): no list of names holds it.
    // A subject read off the article's words, offered as written, unless it is a
    // declared actor's name ("the Russian Foreign Ministry" is the declared "Russian
    // Foreign Ministry", already offered).
    let subject = |a: &Article, span: Span| {
        let label = span.slice(&a.text).to_string();
        let key = normalize_str(&label);
        if declared_names.contains(without_article(&key)) {
            return None;
        }
        Some(NameProposal {
            key: Cow::Owned(key),
            label: Cow::Owned(label),
            kind: CompletionKind::Name,
            detail: Detail::Article { kind: "subject" },
            documentation: Documentation::None,
            mentions: Mentions::Owned(vec![span]),
            group: 2,
            written: false,
        })
    };
    if let (Some(a), Some(first)) = (article, parts.first()) {
        if let Some(span) = described_subject(a, *first) {
            proposals.extend(subject(a, span));
        }
    }
    if let (Some(a), Some(span)) = (article, cued) {
        // A subject with a relative or participle clause (`One of the nurses who saw the
        // crash`): also the description before it, ranked after the whole.
        if let Some(len) = head_before_clause(span.slice(&a.text)) {
            proposals.extend(subject(a, Span::new(span.start, span.start + len)));
        }
        proposals.extend(subject(a, span));
    }
    if let NameUse::Source(_) = usage {
        proposals.push(NameProposal {
            label: Cow::Borrowed(UNNAMED),
            key: Cow::Borrowed(UNNAMED),
            kind: CompletionKind::Value,
            detail: Detail::Unnamed,
            documentation: Documentation::Text("Exempt from C020 and C021."),
            mentions: Mentions::Owned(Vec::new()),
            group: 3,
            written: false,
        });
    }
    let mut seen: HashSet<&str> =
        HashSet::with_capacity_and_hasher(proposals.len(), Default::default());
    // Rank every proposal by a number first; strings are made for the returned ones only.
    let mut ranked: Vec<((u8, u8, usize, usize), usize)> = Vec::with_capacity(proposals.len());
    for (at, p) in proposals.iter().enumerate() {
        let key: &str = &p.key;
        if key.is_empty() || excluded.contains(key) || !seen.insert(key) {
            continue;
        }
        // A name of the article not ranked one by one comes before what follows them.
        if at >= after_names && far.as_ref().is_some_and(|f| f.offers(key)) {
            continue;
        }
        let seq = seq_of(at);
        let (tier, distance) = match (article, anchor) {
            (Some(_), Some(_)) if p.group < 3 => {
                near.as_ref().map_or((3, usize::MAX), |n| n.of(&p.mentions))
            }
            _ if p.group == 3 => (9, 0),
            // No quote to measure from: declared actors first, then the article's names in
            // the order they appear.
            _ => (
                p.group.min(2),
                p.mentions.first().map_or(usize::MAX / 2, |m| m.start),
            ),
        };
        // The credited speaker first (tier 0); the addressee and names only inside the
        // quoted words after every other name (tiers 5-8); `unnamed` last.
        let labelled = label.is_some_and(|l| p.mentions.iter().any(|m| overlaps(*m, l)));
        let (tier, distance) = if labelled { (0, 0) } else { (tier, distance) };
        // A name standing at the head of the subject of the claim's own cue, when the
        // analysis credits no one with the quote, credits it through another cue than the
        // claim's (the annotator's verb has another subject), or credits a speaker the
        // subject holds and goes on past (`The Harbor Board` of "The Harbor Board
        // chairwoman is confirming …").
        let unattributed = credited.as_ref().is_none_or(|c| {
            c.speaker.is_empty()
                || cue_at.is_some_and(|k| c.cue.is_none_or(|own| !overlaps(own, k)))
                || cued.is_some_and(|s| {
                    c.source
                        .is_some_and(|own| s.contains_span(own) && s.end > own.end + 1)
                })
        });
        let cued_here = unattributed
            && cued.is_some_and(|s| {
                let from = p.mentions.partition_point(|m| m.end <= s.start);
                p.mentions[from..]
                    .iter()
                    .take_while(|m| m.start < s.end)
                    .any(|m| m.end + 4 >= s.end)
            });
        let tier = match &credited {
            _ if tier == 9 => 9,
            _ if labelled || cued_here => 0,
            // A name standing at the head (the end) of the speaker's phrase before one
            // that only modifies it: `Josh Earnest` before `White House` for "White
            // House press secretary Josh Earnest".
            // A subject with its own reporting verb in the quote's sentence before a
            // speaker credited in an earlier one.
            Some(c)
                if c.distant
                    && !c.speaks(&p.mentions)
                    && article.is_some_and(|a| c.subject_of_verb(a, &p.mentions)) =>
            {
                0
            }
            // The speaker as written stands for the whole phrase, in each of its forms.
            Some(c) if c.speaks(&p.mentions) => {
                u8::from(c.distant || !(p.written || c.heads(&p.mentions)))
            }
            // The subject of a reporting verb near the quote: without an attribution, the
            // likely speaker; in a statement nested in another's words, its own speaker.
            Some(c) if article.is_some_and(|a| c.subject_of_verb(a, &p.mentions)) => 0,
            Some(c) if c.demoted(&p.mentions) => 5 + tier.min(3),
            _ => 1 + tier.min(3),
        };
        // Declared actors before the article's other names at the same nearness; the
        // subject of the claim's own cue before the speaker as written.
        let group = match p.group {
            _ if cued_here && tier == 0 => 0,
            _ if p.written => 1,
            1 => 0,
            g => g,
        };
        // The forms of the speaker as written keep their order.
        let distance = if p.written { 0 } else { distance };
        ranked.push(((tier, group, distance.min(9_999_999_999), seq), at));
    }
    // The article's names not ranked above, all in tier 3 (a mention elsewhere in the
    // article) of group 2 (the article's names), by distance.
    let far_count = far
        .as_ref()
        .map(|f| f.left_out(proposals[..cands_at].iter().map(|p| &*p.key), &excluded));
    // More names than one answer holds: keep those that match what is typed.
    let filter = ranked.len() + far_count.as_ref().map_or(0, |(n, _)| *n) > MAX_COMPLETIONS;
    if filter {
        ranked.retain(|&(_, at)| fuzzy_match(&proposals[at].label, typed));
    }
    if let (Some(f), Some((_, left_out))) = (&far, far_count) {
        // Only so many can be among the best: after the proposals ranked before them.
        let before = ranked
            .iter()
            .filter(|((tier, group, _, _), _)| (*tier, *group) < (3, 2))
            .count();
        let want = MAX_COMPLETIONS.saturating_sub(before);
        let take = |c: usize| {
            left_out.binary_search(&c).is_err()
                && (!filter || fuzzy_match(&f.candidates[c].name, typed))
        };
        // Filtered by what is typed, few names are taken: reading outward would read every
        // mention of the article before settling `want` of them.
        let nearest = if filter {
            nearest_names_by_name(f.candidates, f.anchor, want, take)
        } else {
            nearest_names(f.index, f.candidates.len(), f.anchor, want, take)
        };
        for (distance, c) in nearest {
            let seq = f.seq(c).expect("a name not declared");
            ranked.push(((3, 2, distance.min(9_999_999_999), seq), proposals.len()));
            proposals.push(article_name(&f.candidates[c]));
        }
    }
    if ranked.len() > MAX_COMPLETIONS {
        ranked.select_nth_unstable(MAX_COMPLETIONS);
        ranked.truncate(MAX_COMPLETIONS);
    }
    ranked
        .into_iter()
        .map(|((tier, group, distance, seq), at)| {
            let p = &proposals[at];
            Completion {
                insert_text: spaced(text, replace, &p.label),
                filter_text: p.label.to_string(),
                label: p.label.to_string(),
                kind: p.kind,
                detail: Some(p.detail()),
                documentation: p.documentation.text(),
                sort_text: format!("{tier}{group}{distance:010}{seq:05}"),
                replace,
            }
        })
        .collect()
}

/// An article name as a proposal.
fn article_name(cand: &Candidate) -> NameProposal<'_> {
    NameProposal {
        label: Cow::Borrowed(&cand.name),
        key: Cow::Borrowed(&cand.key),
        kind: CompletionKind::Name,
        detail: Detail::Article {
            kind: cand.kind.as_str(),
        },
        documentation: Documentation::None,
        mentions: Mentions::Borrowed(&cand.mentions),
        group: 2,
        written: false,
    }
}

/// The article's names around a quote, read by position: the ones with a mention near
/// the quote (`close`) are ranked one by one as the other proposals; every other one ranks
/// in tier 3, group 2, by its distance to the quote ([`nearest_names`]), and only the
/// nearest of them are read. In the whole list of proposals the article's names not
/// `declared` would stand from `first` on, in the article's order.
struct Far<'a> {
    index: &'a NamesByPosition,
    candidates: &'a [Candidate],
    anchor: Span,
    first: usize,
    /// Names with a mention near the quote, ascending.
    close: Vec<usize>,
    /// Names not offered, being declared actors' names, ascending.
    declared: Vec<usize>,
}

impl Far<'_> {
    /// The place of name `c` in the whole list of proposals, unless it is not offered.
    fn seq(&self, c: usize) -> Option<usize> {
        match self.declared.binary_search(&c) {
            Ok(_) => None,
            Err(before) => Some(self.first + c - before),
        }
    }

    /// How many article names the whole list of proposals holds.
    fn offered(&self) -> usize {
        self.candidates.len() - self.declared.len()
    }

    /// Whether an article name in the whole list has this key.
    fn offers(&self, key: &str) -> bool {
        self.index
            .candidate_of_key(self.candidates, key)
            .is_some_and(|c| self.seq(c).is_some())
    }

    /// How many names rank by distance alone, and the others (ascending): the close ones,
    /// the declared ones, and those whose key is `excluded` or a key of the proposals
    /// before the article's names (`earlier`: that proposal is the one ranked).
    fn left_out<'k>(
        &self,
        earlier: impl Iterator<Item = &'k str>,
        excluded: &'k HashSet<String>,
    ) -> (usize, Vec<usize>) {
        let mut out: Vec<usize> = self.close.iter().chain(&self.declared).copied().collect();
        out.extend(
            earlier
                .chain(excluded.iter().map(String::as_str))
                .filter_map(|k| self.index.candidate_of_key(self.candidates, k)),
        );
        out.sort_unstable();
        out.dedup();
        (self.candidates.len() - out.len(), out)
    }
}

#[cfg(test)]
thread_local! {
    // Tests rank every article name one by one, to compare with [`Far`]'s reading.
    static RANK_EVERY_NAME: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn rank_every_name() -> bool {
    #[cfg(test)]
    return RANK_EVERY_NAME.with(std::cell::Cell::get);
    #[cfg(not(test))]
    false
}

/// What the article's attribution of a quote says about the names a `source:` may take.
struct Credited {
    /// The speaker as written and the mention it resolves to.
    speaker: Vec<Span>,
    /// The speaker as written, and the cue of the attribution.
    source: Option<Span>,
    cue: Option<Span>,
    /// The article's name for the speaker (as `claimls draft` writes it).
    name: Option<String>,
    /// The source as written next to the cue, when it is no pronoun, in the forms a
    /// `source:` may take, best first (see [`written_forms`]).
    written: Vec<Span>,
    addressee: Option<Span>,
    /// The reported words (or the quote's parts when no attribution covers it).
    content: Vec<Span>,
    /// Where the claim's quote stands, part by part: a name inside is what was said.
    parts: Vec<Span>,
    /// The paragraph (or headline) of the quote.
    block: Option<Span>,
    /// The credited speaker is named outside the quote's sentences.
    distant: bool,
    /// The quote's sentences when no attribution covers it, or when the quote is a
    /// statement nested in the reported words of a larger one, to look for a subject.
    sentences: Option<Span>,
    /// Covers every span above that a mention is compared with: a mention outside it
    /// meets none of the tests below.
    reach: Span,
}

impl Credited {
    /// `parts`: where the claim's quote stands in the article, part by part (not empty).
    fn new(article: &Article, parts: &[Span]) -> Credited {
        let anchor = parts[0].cover(parts[parts.len() - 1]);
        // A source that cannot be who spoke (`In an interview`, `Plans of`, `told me`) is a
        // misreading of the sentence: its content and addressee are not trusted either.
        let region = {
            let range = article.sentences_in(anchor);
            let first = article.sentences().get(range.start).map(|s| s.span());
            let last = article
                .sentences()
                .get(range.end.saturating_sub(1))
                .map(|s| s.span());
            first.zip(last).map(|(a, b)| a.cover(b).cover(anchor))
        };
        // The credited speaker stands outside the quote's own sentences (reported words
        // running over several sentences): a subject there with its own reporting verb
        // ("Russia insisted …") is that sentence's speaker.
        let distant = region.map(|r| {
            move |a: &crate::article::attribution::Attribution| {
                a.speaker().is_some_and(|s| !r.contains_span(s))
                    && a.source().is_some_and(|s| !r.contains_span(s))
            }
        });
        let att = covering_parts(article, parts).filter(|a| {
            [a.source(), a.resolved()]
                .into_iter()
                .flatten()
                .all(|s| credible_source(s.slice(&article.text)))
        });
        let mut credited = Credited {
            reach: anchor,
            speaker: att
                .map(|a| a.source().into_iter().chain(a.resolved()).collect())
                .unwrap_or_default(),
            source: att.and_then(|a| a.source()),
            cue: att.and_then(|a| a.cue()),
            name: att.and_then(|a| crate::check::credit::speaker_text(article, a)),
            written: att
                .map(|a| written_forms(&article.text, a))
                .unwrap_or_default(),
            addressee: att.and_then(|a| a.addressee()),
            content: att.map_or_else(|| parts.to_vec(), |a| a.content.to_vec()),
            parts: parts.to_vec(),
            block: article.text_block(anchor.start),
            sentences: match att {
                // The quote is most of the reported words: their speaker is the one.
                Some(a) if !nested(&a.content, parts) && !distant.is_some_and(|d| d(a)) => None,
                _ => region,
            },
            distant: att.is_some_and(|a| distant.is_some_and(|d| d(a))),
        };
        credited.reach = credited
            .speaker
            .iter()
            .chain(&credited.parts)
            .chain(credited.addressee.iter())
            .chain(credited.block.iter())
            .chain(credited.sentences.iter())
            .fold(anchor, |r, s| r.cover(*s));
        credited
    }

    /// The mentions of a name that can meet [`Credited::reach`], found by binary search:
    /// an article's list of a name's mentions is in article order, starts and ends alike
    /// (none inside another), and a long one is walked for every proposal otherwise.
    fn within_reach<'m>(&self, mentions: &'m [Span]) -> &'m [Span] {
        if mentions.len() <= 8 {
            return mentions;
        }
        debug_assert!(mentions
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end));
        let from = mentions.partition_point(|m| m.end <= self.reach.start);
        let to = mentions.partition_point(|m| m.start < self.reach.end);
        &mentions[from..to.max(from)]
    }

    fn speaks(&self, mentions: &[Span]) -> bool {
        self.within_reach(mentions)
            .iter()
            .any(|m| self.speaker.iter().any(|s| overlaps(*m, *s)))
    }

    /// Whether one of `mentions` ends where a speaker mention ends (give or take a
    /// possessive or a closing mark): the phrase's head, not a modifier inside it.
    fn heads(&self, mentions: &[Span]) -> bool {
        self.within_reach(mentions).iter().any(|m| {
            self.speaker
                .iter()
                .any(|s| overlaps(*m, *s) && m.end + 4 >= s.end)
        })
    }

    /// Without an attribution: a mention in the quote's sentence(s), outside the quoted
    /// words, that stands as the subject of a reporting verb ("Trump tells …", "Trump has
    /// also said …") or right after one ("…, said Trump").
    fn subject_of_verb(&self, article: &Article, mentions: &[Span]) -> bool {
        let Some(region) = self.sentences else {
            return false;
        };
        let text = &article.text;
        self.within_reach(mentions).iter().any(|m| {
            if !region.contains_span(*m) || self.parts.iter().any(|c| overlaps(*m, *c)) {
                return false;
            }
            // "Ann Dole said", "Ann Dole has also said": the verb right after the name,
            // past auxiliaries and adverbs (not "Ann Dole went on to say", an object's
            // "asked Ann Dole to check").
            let after = text[m.end..region.end]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(4)
                .find(|w| !VERB_LEAD.contains(w) && !w.ends_with("ly"))
                .is_some_and(reporting);
            // ", said Ann Dole": the verb right before, itself after a comma or a quote.
            let head = text[region.start..m.start].trim_end();
            let verb_at = head
                .char_indices()
                .rfind(|(_, c)| !c.is_alphanumeric())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let before = reporting(&head[verb_at..])
                && head[..verb_at]
                    .trim_end()
                    .ends_with([',', '"', '\'', '\u{201d}', '\u{2019}']);
            after || before || self.subject_past_apposition(text, region, *m)
        })
    }

    /// A mention opening its clause (the sentence, or the words after a quoted part) and
    /// followed, past an apposition or a relative clause between commas or dashes, by a
    /// reporting verb: "Ann Dole, 59, a nurse from Salem who saw the rally, said …".
    fn subject_past_apposition(&self, text: &str, region: Span, m: Span) -> bool {
        /// An apposition longer than this (bytes) is another clause.
        const REACH: usize = 300;
        let clause_start = self
            .content
            .iter()
            .filter(|c| c.end <= m.start)
            .map(|c| c.end)
            .max()
            .unwrap_or(region.start)
            .max(region.start);
        let lead = text[clause_start..m.start]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !(lead.is_empty() || lead == "the") {
            return false;
        }
        // Up to the next quoted part or the end of the sentence, within reach.
        let mut end = self
            .content
            .iter()
            .filter(|c| c.start >= m.end)
            .map(|c| c.start)
            .min()
            .unwrap_or(region.end)
            .min(region.end);
        end = end.min(m.end + REACH);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let rest = &text[m.end..end];
        if !rest.starts_with([',', ' ', '('])
            || !rest.trim_start().starts_with([',', '-', '\u{2014}', '('])
        {
            return false;
        }
        // Each delimiter closes a piece of the apposition; the verb follows one of them.
        rest.match_indices([',', '\u{2014}', ')'])
            .map(|(i, d)| i + d.len())
            .chain(rest.match_indices("--").map(|(i, _)| i + 2))
            .any(|i| {
                rest[i..]
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .take(2)
                    .any(|w| crate::article::attribution::lexicon::reporting_lemma(w).is_some())
            })
    }

    /// Named as the addressee, or near the quote only inside the reported words.
    fn demoted(&self, mentions: &[Span]) -> bool {
        let mentions = self.within_reach(mentions);
        if self
            .addressee
            .is_some_and(|a| mentions.iter().any(|m| overlaps(*m, a)))
        {
            return true;
        }
        let inside = |m: &Span| self.parts.iter().any(|c| overlaps(*m, *c));
        let near = |m: &Span| self.block.is_some_and(|b| b.contains_span(*m));
        mentions.iter().any(inside) && !mentions.iter().any(|m| near(m) && !inside(m))
    }
}

/// The speaker's label opening the paragraph of `anchor` in a transcript: a name in
/// capitals right before a colon (`DOLE: We will …`, `"SEN. ANN DOLE: …`), the quote
/// after it. Looks at the paragraph's first few bytes only.
fn speaker_label(article: &Article, anchor: Span) -> Option<Span> {
    /// A label is no longer than this (bytes).
    const LONGEST: usize = 40;
    if article.in_header(anchor.start) {
        return None;
    }
    let paragraph = article.paragraphs[article.paragraph_of(anchor.start)?];
    let text = &article.text[paragraph.start..paragraph.end.min(anchor.start)];
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || "\"'\u{201c}\u{2018}".contains(c))
            .len();
    let rest = &text[lead..];
    let colon = rest.find(':').filter(|&i| i > 0 && i <= LONGEST)?;
    let name = &rest[..colon];
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let fits = name.chars().all(|c| {
        c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '\u{2019}'
    });
    (fits && letters >= 2 && !name.ends_with(' '))
        .then(|| Span::new(paragraph.start + lead, paragraph.start + lead + colon))
}

/// The name signing the quotation that holds `anchor`: after the last closing quotation
/// mark on the quote's line, a dash and a short capitalized name ending the line (`"We
/// will rebuild the pier." — Ann Dole`), as testimonials and collected reactions are
/// written. Looks no further than a long line past the quote.
fn signature(article: &Article, anchor: Span) -> Option<Span> {
    /// How far past the quote the signature may stand (bytes).
    const REACH: usize = 3000;
    /// A signature is no longer than this (bytes).
    const LONGEST: usize = 60;
    let text = &article.text;
    let mut limit = (anchor.end + REACH).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let after = text.get(anchor.end..limit)?;
    let line_end = anchor.end + after.find('\n').unwrap_or(after.len());
    // The quote may hold the closing mark itself.
    let line = text.get(anchor.start..line_end)?;
    let (close, mark) = line
        .char_indices()
        .rfind(|(_, c)| matches!(c, '\u{201d}' | '"'))?;
    let close = close + mark.len_utf8();
    let rest = &line[close..];
    let dashed = rest.trim_start();
    let name = ["\u{2015}", "\u{2014}", "\u{2013}", "--", "-"]
        .iter()
        .find_map(|d| dashed.strip_prefix(d))?;
    let trimmed = name.trim_start();
    let lead = trimmed.len();
    let name = trimmed.trim_end_matches(|c: char| c.is_whitespace() || c == '.' || c == ',');
    if name.is_empty()
        || name.len() > LONGEST
        || !name.starts_with(char::is_uppercase)
        || name.contains(['"', '\u{201c}', '\u{201d}'])
    {
        return None;
    }
    let start = anchor.start + close + (rest.len() - lead);
    Some(Span::new(start, start + name.len()))
}

/// Whether a source as written can stand as a `source:`: a name (`Attorney General Ann
/// Dole`, `Department of Energy`) or a short description opening with a determiner
/// (`The party's nominee`, `the city`, `Several engineers`) or a group named by its kind
/// (`Local nurses`, `Harbor Board officials`); not a pronoun, and no words of a clause caught
/// with it (`Dole took`, `Dole on Monday`).
fn looks_like_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    if crate::check::credit::is_pronoun(text) || words.len() > 8 {
        return false;
    }
    let lower = first.to_lowercase();
    if matches!(
        lower.as_str(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "several"
            | "many"
            | "most"
            | "some"
            | "other"
            | "both"
            | "few"
            | "two"
            | "three"
            | "four"
            | "five"
            | "dozens"
            | "hundreds"
            | "thousands"
    ) && words.len() > 1
    {
        // A description: no verb-looking word after its head.
        return !words[1..].iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            crate::article::attribution::lexicon::reporting_lemma(w).is_some()
                || (w.ends_with("ed") && !w.starts_with(char::is_uppercase))
        });
    }
    // A group named by its kind after capitalized modifiers (`Clinton aides`, `Local
    // nurses`, `Federal and state officials`): lowercase words that are plural nouns,
    // the last one among them; no verb (`Dole says`, `Dole has`).
    let last = words[words.len() - 1];
    if words.len() > 1 && words.len() <= 4 && first.starts_with(char::is_uppercase) && plural(last)
    {
        return words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || plural(w)
                || matches!(*w, "and" | "state" | "local")
        });
    }
    first.starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
                || matches!(
                    *w,
                    "of" | "for" | "the" | "and" | "de" | "von" | "van" | "al" | "bin"
                )
        })
}

/// Words opening a description rather than a name (`Her aide`, `Former chairman`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "several", "many", "some",
    "most", "other", "both", "few", "former",
];

/// Whether a phrase read as the speaker is a description of who spoke (`Small groups of
/// residents`, `the mayor's office`, `Former board chairman`, `Video of the crash`): up to
/// eight words, a letter opening the first, no verb among them (a reporting verb, an
/// auxiliary, a lowercase word ending in `-ed` or `-ing`), no day or month (`Dole on
/// Monday`), no preposition, determiner, conjunction or quantifier ending it, no
/// preposition opening it, and not a name and one lowercase word that is no plural (`Dole
/// took`).
fn looks_like_a_description(text: &str) -> bool {
    description(text, false)
}

/// [`looks_like_a_description`], where `before_verb` says that the phrase stands right
/// before its verb (the cue follows it): a name and a lowercase word is then a name and
/// a noun (`House panel votes`, `Harbor board warns`), unless the word is an adverb.
fn description(text: &str, before_verb: bool) -> bool {
    const ENDINGS: &[&str] = &[
        "of", "a", "an", "the", "and", "or", "for", "to", "with", "in", "on", "at", "by", "from",
        "as", "that", "who", "which", "many", "several", "few", "more", "most", "much", "all",
        "each", "only",
    ];
    const OPENING: &[&str] = &[
        "away", "from", "in", "on", "at", "to", "into", "over", "under", "about", "after",
        "before", "when", "where", "while", "during", "only",
    ];
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let noun_after_name = before_verb && !last.ends_with("ly");
    words.len() <= 8
        && first.starts_with(char::is_alphabetic)
        && !crate::check::credit::is_pronoun(text)
        && credible_source(text)
        && !ENDINGS.contains(&last.to_lowercase().as_str())
        && !OPENING.contains(&first.to_lowercase().as_str())
        && !(words.len() == 1 && DETERMINERS.contains(&first.to_lowercase().as_str()))
        && (noun_after_name || !name_and_verb(text, &words))
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            !w.starts_with(char::is_uppercase)
                || !(crate::article::attribution::WEEKDAYS.contains(&lower.as_str())
                    || crate::article::attribution::MONTHS.contains(&lower.as_str()))
        })
        && words.iter().all(|w| {
            !w.starts_with(char::is_lowercase)
                || !(reporting(w)
                    || AUXILIARIES.contains(w)
                    || VERB_LEAD.contains(w)
                    || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))))
        })
}

/// The credited speaker as written, in the forms a `source:` may take, best first:
/// - a subject the analysis cut short by taking its noun for the reporting verb, whole
///   (`Harbour pilots have warned`, read as `Harbour` + `pilots`);
/// - a description followed by a participle or a relative clause, whole when it is a
///   description, then cut before the clause (`The average of polls taken this month`,
///   then `The average of polls`; `A county audit released in May`, whose month is no
///   part of a description, gives `A county audit` only);
/// - a name or a short description as it stands, then, for a person's name followed by
///   the outlet or body they speak for, the name alone (`Ann Dole for the Harbor Times`,
///   then `Ann Dole`).
fn written_forms(text: &str, att: &crate::article::attribution::Attribution) -> Vec<Span> {
    let Some(source) = att.source() else {
        return Vec::new();
    };
    if let Some(whole) = noun_taken_for_cue(text, att) {
        return vec![whole];
    }
    let src = source;
    let written = src.slice(text);
    let mut forms = Vec::new();
    if let Some(len) = head_before_clause(written) {
        if looks_like_a_description(written) || long_description(written) {
            forms.push(src);
        }
        forms.push(Span::new(src.start, src.start + len));
        return forms;
    }
    let before_cue = att.cue().is_some_and(|c| {
        c.start >= src.end
            && text
                .get(src.end..c.start)
                .is_some_and(|g| g.trim().is_empty())
    });
    if looks_like_a_name(written) || description(written, before_cue) {
        forms.push(src);
        if let Some(len) = name_before_affiliation(written) {
            forms.push(Span::new(src.start, src.start + len));
        }
    }
    forms
}

/// The source and its cue as one subject, when the cue is a plural noun the analysis
/// took for the reporting verb: right after the source, a lowercase word ending in `s`,
/// itself followed at once by a verb that agrees with a plural subject (`have`, `are`,
/// `were`, a reporting verb without `-s`) or by `who` (`Transit union leaders who ...`).
/// A singular verb after it (`what Dole claims is true`) leaves the reading alone.
fn noun_taken_for_cue(text: &str, att: &crate::article::attribution::Attribution) -> Option<Span> {
    const PLURAL_VERBS: &[&str] = &[
        "have", "had", "are", "were", "who", "would", "will", "could", "can", "also", "now",
        "still", "say", "said",
    ];
    let (source, cue) = (att.source()?, att.cue()?);
    if text.get(source.end..cue.start)? != " " {
        return None;
    }
    let word = cue.slice(text);
    if word.len() < 4
        || !word.ends_with('s')
        || word.ends_with("ss")
        || !word.chars().all(|c| c.is_lowercase() || c == '-')
    {
        return None;
    }
    let rest = text.get(cue.end..)?.strip_prefix(' ')?;
    let next = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .filter(|w| !w.is_empty())?;
    let verb = PLURAL_VERBS.contains(&next)
        || (reporting(next) && !next.ends_with('s') && !next.ends_with("ing"))
        || (next.len() > 4 && next.ends_with("ed") && next.starts_with(char::is_lowercase));
    // The cue word itself reads as a verb to the description test: the source is tested.
    let whole = source.cover(cue);
    let subject = source.slice(text);
    (verb
        && (looks_like_a_name(subject) || description(subject, true))
        && credible_source(whole.slice(text)))
    .then_some(whole)
}

/// The length of the description opening `written` before a participle or a relative
/// clause that describes it (`A county audit released in May`, `Dockers marching past the
/// hall`, `One of the nurses who saw the crash`), when that opening is a description.
fn head_before_clause(written: &str) -> Option<usize> {
    let mut at = 0;
    let mut first = true;
    for word in written.split(' ') {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let clause = !first
            && bare.starts_with(char::is_lowercase)
            && (matches!(bare, "who" | "which" | "whose")
                || (bare.len() > 4 && (bare.ends_with("ed") || bare.ends_with("ing"))));
        if clause {
            let head = written[..at].trim_end().trim_end_matches(',');
            // Not a pronoun's contraction (`he's heralded`).
            let pronoun = crate::check::credit::is_pronoun(
                head.split(['\'', '\u{2019}']).next().unwrap_or(head),
            );
            return (!pronoun && (looks_like_a_description(head) || looks_like_a_name(head)))
                .then_some(head.len());
        }
        first = false;
        at += word.len() + 1;
    }
    None
}

/// A description too long for [`looks_like_a_description`], or with a participle, that
/// the analysis read as the speaker: a determiner or quantifier opening it, up to sixteen
/// words, no reporting verb, form of `be`, `have` or `do`, modal, day or month among them,
/// no loose end (`The average of polls taken this month`, `Many people involved in the
/// talks`).
fn long_description(written: &str) -> bool {
    const FINITE: &[&str] = &[
        "is", "was", "were", "are", "be", "been", "has", "have", "had", "do", "does", "did",
        "will", "would", "could", "should", "can", "may", "might", "must",
    ];
    let words: Vec<&str> = written
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    words.len() <= 16
        && (DETERMINERS.contains(&first.to_lowercase().as_str())
            || first.starts_with(char::is_lowercase))
        && !words
            .last()
            .is_some_and(|w| w.ends_with("ing") || w.ends_with("ed"))
        && credible_source(written)
        && words.iter().skip(1).all(|w| {
            let lower = w.to_lowercase();
            !(crate::article::attribution::WEEKDAYS.contains(&lower.as_str())
                || crate::article::attribution::MONTHS.contains(&lower.as_str())
                || (w.starts_with(char::is_lowercase) && (reporting(w) || FINITE.contains(w))))
        })
}

/// The length of a person's name opening `written` before `for` and the outlet or body
/// they speak or write for (`Ann Dole for the Harbor Times`): two or more capitalized
/// words that read as a person's name (not `National Center` of `National Center for
/// Ports`).
fn name_before_affiliation(written: &str) -> Option<usize> {
    let at = written.find(" for ")?;
    let name = &written[..at];
    let words: Vec<&str> = name.split_whitespace().collect();
    (words.len() >= 2
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && crate::draft::kind_of(name) == "person")
        .then_some(at)
}

/// Two words, a name and a lowercase word that is no plural (`Dole took`): a subject and
/// its verb, unless the name is possessive (`Dole's office`) or a determiner (`Her aide`).
fn name_and_verb(text: &str, words: &[&str]) -> bool {
    let [first, last] = words else {
        return false;
    };
    let possessive = text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with('\''));
    first.starts_with(char::is_uppercase)
        && !DETERMINERS.contains(&first.to_lowercase().as_str())
        && !possessive
        && last.starts_with(char::is_lowercase)
        && !plural(last)
}

/// The subject of the claim's own `cue` in the sentence of `quote` ("Small groups of
/// residents kept up calls for …" with cue `kept up calls for`), and where the cue
/// stands: the words of the cue's clause before it, when they name or describe someone.
/// The cue is looked for before the quote, then after it (`"…," as a county memo put
/// it`). The clause starts after the last punctuation or the last word opening a clause
/// within it (`after Ann Dole unveiled`, `that's what the campaign hopes`), without an
/// opening adverb (`typically`); a cue right after an aside between commas or dashes
/// takes the words before the aside (`Ann Dole, a nurse from Salem, has been running`,
/// `The council — which meets monthly — approved`).
fn subject_before_cue(article: &Article, quote: Span, cue: &str) -> Option<(Span, Span)> {
    const OPENERS: &[&str] = &[
        "with", "while", "as", "but", "and", "after", "when", "because", "though", "although",
        "if", "so", "yet", "that", "since", "before", "once", "what", "until", "unless", "whereas",
    ];
    /// Words that open a clause inside another one; not `that` or `and`, which also
    /// stand inside a subject (`The groups that sued`, `The mayor and the council`).
    const INNER_OPENERS: &[&str] = &[
        "while", "as", "after", "when", "because", "though", "although", "if", "since", "before",
        "once", "what", "until", "unless", "whereas",
    ];
    const DELIMITERS: &[char] = &[
        ',', ';', ':', '\u{2014}', '"', '\u{201c}', '\u{201d}', '(', ')',
    ];
    let cue = cue.trim();
    if cue.is_empty() {
        return None;
    }
    // A headline is no sentence of the body: its line stands for one.
    let (sentence, last) = if article.in_header(quote.start) {
        let block = article.text_block(quote.start)?;
        (block, block)
    } else {
        let range = article.sentences_in(quote);
        let sentences = article.sentences();
        let first = sentences.get(range.start)?.span();
        let last = range
            .end
            .checked_sub(1)
            .and_then(|e| sentences.get(e))
            .map_or(first, |s| s.span());
        (first, last)
    };
    let text = &article.text;
    let bounded = |hay: &str, at: usize| {
        !hay[..at].ends_with(char::is_alphanumeric)
            && !hay[at + cue.len()..].starts_with(char::is_alphanumeric)
    };
    let head = text.get(sentence.start..quote.start)?;
    let (from, at) = match head.rfind(cue).filter(|&at| bounded(head, at)) {
        Some(at) => (sentence.start, at),
        None => {
            let tail = text.get(quote.end.min(last.end)..last.end)?;
            let at = tail
                .match_indices(cue)
                .map(|(i, _)| i)
                .find(|&i| bounded(tail, i))?;
            (quote.end.min(last.end), at)
        }
    };
    let cue_span = Span::new(from + at, from + at + cue.len());
    let region = &text[from..from + at];
    let before = region.trim_end();
    let cut = |upto: &str| {
        upto.rfind(DELIMITERS)
            .map(|i| i + upto[i..].chars().next().map_or(1, char::len_utf8))
    };
    let mut clause_start = cut(before).unwrap_or(0);
    // The cue right after an aside: the clause before the aside.
    if before[clause_start..].trim().is_empty() && clause_start > 0 {
        let closing = clause_start - before[..clause_start].chars().next_back()?.len_utf8();
        let aside_start = cut(&before[..closing])?;
        let aside = before[aside_start..closing].trim();
        let opener = aside
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let apposition = matches!(
            opener.as_str(),
            "a" | "an"
                | "the"
                | "who"
                | "whose"
                | "which"
                | "its"
                | "his"
                | "her"
                | "their"
                | "one"
                | "now"
                | "however"
                | "meanwhile"
                | "too"
                | "also"
                | "though"
                | "instead"
        ) || (aside.split_whitespace().count() == 1 && adverb_ly(aside));
        if !apposition || aside_start == 0 {
            return None;
        }
        let inner_end = aside_start - before[..aside_start].chars().next_back()?.len_utf8();
        clause_start = cut(&before[..inner_end]).unwrap_or(0);
        return cued_clause(
            from,
            &before[..inner_end],
            clause_start,
            OPENERS,
            INNER_OPENERS,
        )
        .map(|s| (s, cue_span));
    }
    cued_clause(from, before, clause_start, OPENERS, INNER_OPENERS).map(|s| (s, cue_span))
}

/// The subject read off `before[clause_start..]` (`before` starting at `from`):
/// the words after the last word opening a clause inside it when they describe someone,
/// else the clause without its opening conjunctions and adverbs.
fn cued_clause(
    from: usize,
    before: &str,
    clause_start: usize,
    openers: &[&str],
    inner: &[&str],
) -> Option<Span> {
    let clause = &before[clause_start..];
    let mut offset = clause_start + (clause.len() - clause.trim_start().len());
    let mut clause = clause.trim_start();
    while let Some((word, rest)) = clause.split_once(' ') {
        let lower = word.to_lowercase();
        // An opening adverb (`typically`) or participle (`citing`, `contradicting`).
        let adverb = adverb_ly(word)
            || (word.len() > 5 && word.ends_with("ing") && word.starts_with(char::is_lowercase));
        if !openers.contains(&lower.as_str()) && !adverb {
            break;
        }
        offset += word.len() + 1;
        clause = rest.trim_start();
        offset += rest.len() - clause.len();
    }
    let clause = without_trailing_time(clause.trim_end_matches(|c: char| !c.is_alphanumeric()));
    // After the last word opening an inner clause (`… spoke after Ann Dole`).
    let inner_cut = clause
        .match_indices(' ')
        .map(|(i, _)| i + 1)
        .rfind(|&i| {
            let word = clause[i..].split(' ').next().unwrap_or("");
            inner.contains(&word)
        })
        .and_then(|i| {
            let word_end = i + clause[i..].find(' ')? + 1;
            let rest = clause[word_end..].trim_start();
            let at = clause.len() - rest.len();
            cued_subject(rest).then_some((at, rest))
        });
    let (at, clause) = inner_cut.unwrap_or((0, clause));
    let lone_opener = !clause.contains(' ')
        && (openers.contains(&clause) || matches!(clause, "which" | "who" | "whom" | "it"));
    if clause.is_empty() || lone_opener || (inner_cut.is_none() && !cued_subject(clause)) {
        return None;
    }
    let start = from + offset + at;
    Some(Span::new(start, start + clause.len()))
}

/// A lowercase adverb in `-ly` (`typically`, `jointly`), not a noun so spelled (`family`,
/// `rally`, `supply`).
fn adverb_ly(word: &str) -> bool {
    word.len() > 4 && word.starts_with(char::is_lowercase) && ly_adverb(word)
}

/// `clause` without a phrase of time and the adverbs ending it (`the council this month`,
/// `The audit not only`, `Harbor Trust just last week` give `the council`, `The audit`,
/// `Harbor Trust`).
fn without_trailing_time(clause: &str) -> &str {
    const TRAILING: &[&str] = &[
        "not", "only", "just", "also", "still", "now", "then", "already",
    ];
    let mut end = clause.len();
    let spans: Vec<(usize, &str)> = clause
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    // Not the time of a participle (`A county report released last year`).
    if let Some(k) = spans.windows(2).position(|w| {
        matches!(w[0].1, "this" | "last" | "next" | "earlier")
            && crate::article::TIME_NOUNS.contains(&w[1].1)
    }) {
        let participle = spans[..k].iter().any(|(_, w)| {
            w.starts_with(char::is_lowercase)
                && w.len() > 4
                && (w.ends_with("ed") || w.ends_with("en"))
        });
        if !participle {
            end = spans[k].0;
        }
    }
    let mut cut = clause[..end].trim_end();
    while let Some((rest, last)) = cut.rsplit_once(' ') {
        let adverb = TRAILING.contains(&last) || adverb_ly(last);
        if !adverb {
            break;
        }
        cut = rest.trim_end();
    }
    cut
}

/// Whether the words right before the claim's cue describe who acts: a description or a
/// name ([`description`] before its verb, or [`long_description`]), two of them joined by
/// `and` (`The Harbor Times and the city's council`), or a lone quantifier standing for
/// people (`Some`, `Many`). A reporting word inside, followed by a word that opens no
/// object, is a noun there (`The state auditor`, `A county report released in May`): the
/// cue is the verb.
fn cued_subject(clause: &str) -> bool {
    const OBJECT_OPENERS: &[&str] = &[
        "the", "a", "an", "that", "this", "his", "her", "their", "its", "it", "he", "she", "they",
        "we", "i", "to", "him", "them", "me", "us",
    ];
    if matches!(
        clause.to_lowercase().as_str(),
        "some" | "many" | "others" | "most" | "several" | "few" | "both" | "all"
    ) {
        return true;
    }
    let words: Vec<&str> = clause.split(' ').collect();
    let masked: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            let noun = bare.starts_with(char::is_lowercase)
                && reporting(bare)
                && !bare.ends_with("ed")
                && !bare.ends_with("ing")
                && !matches!(bare, "said" | "told" | "says" | "tells")
                && words
                    .get(i + 1)
                    .is_none_or(|next| !OBJECT_OPENERS.contains(&next.to_lowercase().as_str()));
            if noun {
                "item"
            } else {
                w
            }
        })
        .collect();
    let masked = masked.join(" ");
    let loose = |part: &str| {
        part.split(' ').next_back().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "of" | "a"
                    | "an"
                    | "the"
                    | "and"
                    | "or"
                    | "for"
                    | "to"
                    | "with"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "from"
                    | "as"
                    | "her"
                    | "his"
                    | "their"
                    | "its"
            )
        })
    };
    // A long description opens with a determiner or a quantifier (`The average of polls
    // taken …`), not with a noun that may be another clause's subject.
    let long = |part: &str| {
        part.split(' ')
            .next()
            .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
            && long_description(part)
    };
    !loose(&masked)
        && (description(&masked, true)
            || long(&masked)
            || masked.split_once(" and ").is_some_and(|(a, b)| {
                let one = |p: &str| !loose(p) && (description(p, false) || looks_like_a_name(p));
                one(a) && one(b)
            }))
}

/// The description opening the sentence of `quote` before it ("The agency", "A
/// spokeswoman"): a determiner and one lowercase word, then a lowercase word that is no
/// preposition or relative (a verb), the quote starting after it.
fn described_subject(article: &Article, quote: Span) -> Option<Span> {
    let range = article.sentences_in(quote);
    let sentence = article.sentences().get(range.start)?.span();
    let text = &article.text;
    let head = text.get(sentence.start..quote.start)?;
    let lead = head.len() - head.trim_start().len();
    let mut words = head.trim_start().split(' ');
    let det = words.next()?;
    let quantifier = matches!(
        det,
        "The" | "A" | "An" | "Several" | "Many" | "Most" | "Some" | "Other" | "Both" | "Two"
    );
    // Or a group after a capitalized modifier: "Local nurses", "Clinton aides".
    let group = !quantifier
        && det.len() > 1
        && det.starts_with(char::is_uppercase)
        && det.chars().all(char::is_alphabetic);
    if !quantifier && !group {
        return None;
    }
    let noun = words.next()?;
    let next = words.next()?;
    let lower = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
    const NOT_VERBS: &[&str] = &[
        "of", "in", "on", "at", "for", "with", "from", "to", "by", "and", "or", "who", "that",
        "which", "whose", "as",
    ];
    if !lower(noun)
        || (group && !plural(noun))
        || noun.len() < 3
        || noun.ends_with("ed")
        || noun.ends_with("ly")
        || crate::article::attribution::lexicon::reporting_lemma(noun).is_some()
        || !next.starts_with(char::is_lowercase)
        || NOT_VERBS.contains(&next.trim_end_matches(','))
        || next.ends_with(',')
    {
        return None;
    }
    let end = sentence.start + lead + det.len() + 1 + noun.len();
    (end < quote.start).then(|| Span::new(sentence.start + lead, end))
}

/// A lowercase plural noun that is no verb (`officials`, not `says`, `has`).
fn plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && crate::article::attribution::lexicon::reporting_lemma(w).is_none()
        && !matches!(
            w,
            "does" | "goes" | "wants" | "thinks" | "gets" | "makes" | "tells"
        )
}

/// Words that stand between a subject and its verb ("has also said").
const VERB_LEAD: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "is",
    "were",
    "are",
    "also",
    "then",
    "later",
    "earlier",
    "again",
    "now",
    "still",
    "once",
    "never",
    "previously",
    "would",
    "will",
    "could",
    "did",
    "does",
    "often",
    "long",
    "first",
    "not",
];

fn reporting(word: &str) -> bool {
    !word.is_empty() && crate::article::attribution::lexicon::reporting_lemma(word).is_some()
}

/// Whether the quote's `parts` are a small piece (under half) of the reported words
/// `content`: a statement nested in a larger one ("She said the mayor had told staff the
/// plan was dead"), whose own speaker is named inside the larger one's words.
fn nested(content: &[Span], parts: &[Span]) -> bool {
    let reported: usize = content.iter().map(|c| c.len()).sum();
    let quoted: usize = parts.iter().map(|p| p.len()).sum();
    quoted * 2 < reported
}

/// Whether the source the analysis read can be the one who spoke: a name, a description
/// or a pronoun; not a phrase of time, place or manner read in the subject's place (`In
/// an interview`, `Tuesday`, `However`, `Following a`), an object pronoun (`told me`),
/// a title without its name (`the Rev`) or a phrase cut before its noun (`Plans of`).
fn credible_source(text: &str) -> bool {
    const OBJECTS: &[&str] = &["me", "us", "him", "myself"];
    const ENDINGS: &[&str] = &[
        "of", "a", "an", "the", "and", "or", "for", "into", "to", "with", "in", "on", "at", "by",
        "from", "about", "as", "than", "other",
    ];
    const OPENERS: &[&str] = &[
        "of",
        "however",
        "meanwhile",
        "instead",
        "indeed",
        "even",
        "still",
        "thus",
        "yet",
        "now",
        "according",
        "following",
        "including",
        "amid",
        "despite",
        "through",
    ];
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if crate::check::credit::is_pronoun(text) {
        return true;
    }
    let bare_title = words.len() <= 2
        && crate::article::is_title_abbreviation(last)
        && words.iter().all(|w| w == last || w == "the");
    crate::check::credit::plausible_speaker(text)
        && !OBJECTS.contains(&first.as_str())
        && !OPENERS.contains(&first.as_str())
        && !ENDINGS.contains(&last.as_str())
        && !bare_title
        && !first.chars().all(|c| c.is_ascii_digit())
        && !crate::article::attribution::WEEKDAYS.contains(&first.as_str())
        && !crate::article::attribution::MONTHS.contains(&first.as_str())
        && !(words.len() == 1 && first.ends_with("ing") && first.len() > 5)
        && !(words.len() == 1
            && text.trim().starts_with(char::is_lowercase)
            && AUXILIARIES.contains(&first.as_str()))
}

/// Lone lowercase words the analysis can read in the subject's place (`been`, `all`)
/// that cannot name who spoke.
const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "all", "would", "will", "could", "should", "can", "may", "might",
    "must", "does", "did", "do", "has", "have", "had", "is", "was", "were", "are", "to", "both",
    "each", "not",
];

/// The attribution whose content holds most of the quote's `parts`, provided it holds at
/// least half of them (a statement that merely touches the quote is another one). The
/// words between two parts are not counted: they are the cue and the speaker of an
/// elided quote (`"…," said Ann Dole, "…"`).
fn covering_parts<'a>(
    article: &'a Article,
    parts: &[Span],
) -> Option<&'a crate::article::attribution::Attribution> {
    let anchor = parts.first()?.cover(*parts.last()?);
    let shared = |a: &crate::article::attribution::Attribution| -> usize {
        a.content
            .iter()
            .flat_map(|c| parts.iter().map(move |p| (c, p)))
            .map(|(c, p)| c.end.min(p.end).saturating_sub(c.start.max(p.start)))
            .sum()
    };
    let quoted: usize = parts.iter().map(|p| p.len()).sum();
    article
        .attributions()
        .overlapping(anchor)
        .map(|a| (shared(a), a))
        .max_by_key(|(n, a)| (*n, std::cmp::Reverse(a.content_span().start)))
        .filter(|(n, _)| *n > 0 && n * 2 >= quoted.max(1))
        .map(|(n, best)| {
            // Two readings of the same words, one subject holding the other's (`Ann Dole's
            // staff said` read as `Ann Dole's` and as `Ann Dole's staff`; `The county
            // audit office found` as `The county` + `audit` and as the whole): the longer
            // subject with a cue of its own is the sentence's.
            let Some(inner) = best.source() else {
                return best;
            };
            article
                .attributions()
                .overlapping(anchor)
                .filter(|a| {
                    a.cue().is_some()
                        && shared(a) == n
                        && a.source().is_some_and(|s| {
                            let t = s.slice(&article.text);
                            s != inner
                                && s.contains_span(inner)
                                && !adverb_after(&article.text, inner, s)
                                && (looks_like_a_name(t)
                                    || looks_like_a_description(t)
                                    || long_description(t))
                        })
                })
                .max_by_key(|a| a.source().map_or(0, |s| s.len()))
                .unwrap_or(best)
        })
}

/// Whether the word after `inner` in `outer` is an adverb (`Ann Dole generally`), not a
/// noun the inner name owns (`Ann Dole's family`).
fn adverb_after(text: &str, inner: Span, outer: Span) -> bool {
    let owner = inner.slice(text);
    let possessive = owner.ends_with("'s") || owner.ends_with("\u{2019}s") || owner.ends_with('\'');
    let next = text
        .get(inner.end..outer.end)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or("");
    !possessive && next.len() > 4 && next.ends_with("ly")
}

/// Whether one of `mentions` (in article order) starts where `src` does and goes on past
/// its end by one capitalized word: the same name, written out whole.
fn extends(text: &str, mentions: &[Span], src: Span) -> bool {
    let i = mentions.partition_point(|m| m.start < src.start);
    mentions[i..]
        .iter()
        .take_while(|m| m.start == src.start)
        .any(|m| extends_past(text, *m, src))
}

/// Whether mention `m`, starting where `src` does, goes on past its end by one
/// capitalized word.
fn extends_past(text: &str, m: Span, src: Span) -> bool {
    m.start == src.start
        && m.end > src.end
        && text.get(src.end..m.end).is_some_and(|more| {
            let word = more.trim_start();
            word.len() < more.len()
                && word.starts_with(char::is_uppercase)
                && !word.contains(char::is_whitespace)
        })
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether the characters of `typed` appear in `label` in order, ignoring case: the
/// loose kind of match editors filter completions with, so the server never drops a name
/// the editor would show.
fn fuzzy_match(label: &str, typed: &str) -> bool {
    let mut wanted = typed.chars().flat_map(char::to_lowercase).peekable();
    for c in label.chars().flat_map(char::to_lowercase) {
        match wanted.peek() {
            None => return true,
            Some(&w) if w == c => {
                wanted.next();
            }
            Some(_) => {}
        }
    }
    wanted.peek().is_none()
}

fn without_article(name: &str) -> &str {
    ["the ", "a ", "an "]
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .unwrap_or(name)
}

fn claim_ids(
    parsed: &Parsed,
    current: usize,
    field: &FieldAt<'_>,
    replace: Span,
) -> Vec<Completion> {
    let model = &parsed.model;
    let listed: Vec<String> = field
        .value
        .items()
        .into_iter()
        .filter(|i| i.span != replace)
        .map(|i| i.text)
        .collect();
    let own = model.claims.get(current).map(|c| c.id.as_str());
    model
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            !c.id.is_empty() && Some(c.id.as_str()) != own && !listed.iter().any(|l| *l == *c.id)
        })
        .map(|(k, c)| {
            let quote = c
                .quotes
                .first()
                .map(|q| clip(&q.value.text, 160))
                .unwrap_or_default();
            let mut doc = chain(model, c);
            if !quote.is_empty() {
                doc.push_str(&format!("\n\n> {}", escape(&quote)));
            }
            Completion {
                label: c.id.to_string(),
                kind: CompletionKind::ClaimId,
                detail: c.source_name().map(str::to_string),
                documentation: Some(doc),
                sort_text: format!("{k:05}"),
                filter_text: c.id.to_string(),
                insert_text: spaced(&parsed.text, replace, &c.id),
                replace,
            }
        })
        .collect()
}

/// Words that end a cue phrase when walking from the verb to the quote.
const CUE_TRAILERS: &[&str] = &["that", "which", "who", "how", "whether", "if"];

fn cue_words(
    parsed: &Parsed,
    article: &Article,
    claim: usize,
    config: &Config,
    replace: Span,
) -> Vec<Completion> {
    let Some(claim) = parsed.model.claims.get(claim) else {
        return Vec::new();
    };
    let Some(anchor) = quote_anchor(article, &parsed.model, claim) else {
        return Vec::new();
    };
    let text = &article.text;
    let extra = &config.cue_verbs;
    let window = cue_window(article, anchor);
    let own = article.sentences_in(anchor);
    // (label, rank, sentence)
    let mut found: Vec<(String, (u8, usize, u8), Span)> = Vec::new();
    for i in window {
        let sentence = article.sentences()[i].span();
        let words = words_in(text, sentence);
        for (k, w) in words.iter().enumerate() {
            if anchor.contains_span(*w) {
                continue;
            }
            let word = w.slice(text);
            let distance = if w.end <= anchor.start {
                anchor.start - w.end
            } else {
                w.start.saturating_sub(anchor.end)
            };
            if word.chars().count() > 1 && cue::is_reporting_verb(word, extra) {
                // "said in a statement that <quote>": the words up to the quote.
                if w.end <= anchor.start && own.contains(&i) {
                    let mut tail: Vec<Span> = words[k + 1..]
                        .iter()
                        .copied()
                        .take_while(|x| x.end <= anchor.start)
                        .collect();
                    let gap = &text[w.end..tail.last().map_or(w.end, |x| x.end)];
                    while tail.last().is_some_and(|x| {
                        let lw = x.slice(text).to_lowercase();
                        CUE_TRAILERS.contains(&lw.as_str())
                            || cue::FUNCTION_WORDS.contains(&lw.as_str())
                    }) {
                        tail.pop();
                    }
                    if !tail.is_empty()
                        && tail.len() <= 4
                        && !gap.contains([',', ';', ':', '"', '\u{201c}', '('])
                    {
                        let phrase = collapse(&text[w.start..tail[tail.len() - 1].end]);
                        found.push((phrase, (0, distance, 0), sentence));
                    }
                }
                found.push((word.to_string(), (0, distance, 1), sentence));
            } else if own.contains(&i)
                && word.chars().count() > 2
                && !cue::FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
            {
                found.push((word.to_string(), (1, distance, 0), sentence));
            }
        }
    }
    found.sort_by_key(|f| f.1);
    let mut seen: HashSet<String> = HashSet::default();
    let mut out = Vec::new();
    for (label, (tier, distance, sub), sentence) in found {
        if !seen.insert(label.to_lowercase()) {
            continue;
        }
        let spans: Vec<Span> = words_in(text, sentence)
            .into_iter()
            .filter(|w| {
                label
                    .split_whitespace()
                    .any(|l| l.eq_ignore_ascii_case(w.slice(text)))
            })
            .collect();
        out.push(Completion {
            detail: Some(if tier == 0 {
                "reporting words near the quote".into()
            } else {
                "word of the quote's sentence".into()
            }),
            documentation: Some(format!("> {}", excerpt(article, sentence, &spans))),
            sort_text: format!("{tier}{:08}{sub}{:04}", distance.min(99_999_999), out.len()),
            filter_text: label.clone(),
            insert_text: spaced(&parsed.text, replace, &label),
            label,
            kind: CompletionKind::Cue,
            replace,
        });
    }
    out
}

/// After `quote:` and a few words: the rest of each article sentence that starts so.
fn quote_rest(
    parsed: &Parsed,
    article: &Article,
    field: &FieldAt<'_>,
    line_from: usize,
    offset: usize,
) -> Vec<Completion> {
    let text = &parsed.text;
    // The value typed so far, across continuation lines, up to the cursor.
    let piece = field
        .node
        .pieces
        .iter()
        .find(|p| p.start >= line_from && p.start <= offset)
        .copied();
    let (typed, trailing_space) = match piece {
        Some(p) if offset > p.end => (
            field
                .value
                .text_offset(p.end)
                .map(|t| &field.value.text[..t]),
            true,
        ),
        Some(_) => (
            field
                .value
                .text_offset(offset)
                .map(|t| &field.value.text[..t]),
            false,
        ),
        None => (None, false),
    };
    let Some(typed) = typed.filter(|t| !t.trim().is_empty()) else {
        return Vec::new();
    };
    // After an elision only the last part is being typed.
    let last_part = split_elisions(typed)
        .last()
        .map_or(typed, |p| &typed[p.start..]);
    let needle = normalize_str(last_part);
    if needle.chars().count() < 3 {
        return Vec::new();
    }
    let last_chunk_norm = needle.rfind(' ').map_or(0, |i| i + 1);
    let line_typed = &text[line_from..offset];
    let chunk_len = if trailing_space {
        0
    } else {
        line_typed.len()
            - line_typed
                .trim_end_matches(|c: char| !c.is_whitespace())
                .len()
    };
    let replace = Span::new(offset - chunk_len, offset);
    let norm = &article.norm;
    let bytes = norm.text.as_bytes();
    let mut out: Vec<Completion> = Vec::new();
    let mut hits = article.normalized_hits(&needle, 0..norm.text.len());
    // A headline repeats the lede: prefer the body.
    hits.sort_by_key(|&(s, _)| article.in_header(norm.original(s)));
    for (s, e) in hits.into_iter().take(20) {
        if s > 0 && (bytes[s - 1] as char).is_alphanumeric() {
            continue;
        }
        let matched = norm.original_span(s, e);
        let end = if article.in_header(matched.start) {
            article.headline.map_or(matched.end, |h| h.end)
        } else {
            match article.sentence_of(matched.start) {
                Some(i) => article.sentences()[i].span().end,
                None => continue,
            }
        };
        let from = if trailing_space {
            let rest = &article.text[matched.end..end.max(matched.end)];
            matched.end + (rest.len() - rest.trim_start().len())
        } else {
            norm.original(s + last_chunk_norm)
        };
        if end <= from || end <= matched.end {
            continue;
        }
        let full = collapse(&article.text[from..end]);
        let full = match full.strip_suffix('.') {
            Some(cut) if !cut.ends_with('.') => cut.to_string(),
            _ => full,
        };
        let mut options = vec![full.clone()];
        // Also up to the next clause break after what is typed.
        let typed_len = matched.end.saturating_sub(from);
        if let Some(k) = full.get(typed_len..).and_then(|r| r.find([',', ';', ':'])) {
            let clause = full[..typed_len + k].trim_end().to_string();
            if clause.len() > typed_len && clause != full {
                options.push(clause);
            }
        }
        let region = sentence_region(article, matched);
        for option in options {
            if out.iter().any(|c| c.insert_text == option) {
                continue;
            }
            let bold = Span::new(from, from + option.len().min(end - from));
            out.push(Completion {
                label: clip(&option, 80),
                kind: CompletionKind::Text,
                detail: Some(format!("article {}", place(article, matched.start))),
                documentation: Some(format!("> {}", excerpt(article, region, &[bold]))),
                sort_text: format!("{:04}", out.len()),
                filter_text: option.clone(),
                insert_text: option,
                replace,
            });
        }
        if out.len() >= 6 {
            break;
        }
    }
    out
}

/// Codes after `# claimls: ignore`.
fn suppression_codes(text: &str, content: Span, offset: usize) -> Vec<Completion> {
    let before = &text[content.start..offset];
    let Some(hash) = before.find('#') else {
        return Vec::new();
    };
    let after = before[hash + 1..].trim_start();
    let Some(rest) = after.strip_prefix("claimls:") else {
        return Vec::new();
    };
    let Some(list) = rest.trim_start().strip_prefix("ignore") else {
        return Vec::new();
    };
    if !list.is_empty() && !list.starts_with([' ', '\t']) {
        return Vec::new();
    }
    let list_start = offset - list.len();
    let replace = list_item(text, list_start, content.end, offset);
    Code::ALL
        .iter()
        .enumerate()
        .map(|(k, c)| Completion {
            label: c.as_str().to_string(),
            kind: CompletionKind::Value,
            detail: Some(c.name().to_string()),
            documentation: Some(c.summary().to_string()),
            sort_text: format!("{k:04}"),
            filter_text: format!("{} {}", c.as_str(), c.name()),
            insert_text: if replace.start == list_start && !list.starts_with([' ', '\t']) {
                format!(" {}", c.as_str())
            } else {
                c.as_str().to_string()
            },
            replace,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_speaker_tests_see_the_same_mentions_within_reach_as_in_the_whole_list() {
        // A name mentioned far more often than the window's threshold, before, inside and
        // after the quote's paragraph.
        let mut text = String::new();
        for i in 0..12 {
            text.push_str(&format!(
                "Orla Vennick opened depot {i} on the east quay. Vennick thanked the crews.\n\n"
            ));
        }
        text.push_str("Orla Vennick said the night ferries would sail again before the thaw.\n\n");
        for i in 0..12 {
            text.push_str(&format!(
                "Later, Vennick inspected lock {i} with the pilots.\n\n"
            ));
        }
        let article = Article::new(text.clone());
        let parts = [span_in(
            &text,
            "the night ferries would sail again before the thaw",
        )];
        let credited = Credited::new(&article, &parts);
        let mentions = article.mentions("Orla Vennick", true);
        assert!(mentions.len() > 20, "{}", mentions.len());
        assert!(credited.within_reach(&mentions).len() < mentions.len());
        // A list of at most eight is walked whole: in pieces of eight, the whole list.
        let whole = |test: &dyn Fn(&[Span]) -> bool| mentions.chunks(8).any(test);
        assert_eq!(credited.speaks(&mentions), whole(&|m| credited.speaks(m)));
        assert_eq!(credited.heads(&mentions), whole(&|m| credited.heads(m)));
        assert_eq!(
            credited.subject_of_verb(&article, &mentions),
            whole(&|m| credited.subject_of_verb(&article, m))
        );
        assert!(credited.speaks(&mentions) || credited.subject_of_verb(&article, &mentions));
    }

    /// Where `needle` first occurs in `text`.
    fn span_in(text: &str, needle: &str) -> Span {
        let at = text.find(needle).unwrap();
        Span::new(at, at + needle.len())
    }

    /// Reported words as the analysis credits them, firmly: `source` said `content`.
    fn indirect(
        content: Span,
        cue: Span,
        source: Span,
    ) -> crate::article::attribution::Attribution {
        use crate::article::attribution::{Attribution, Confidence, ContentKind};
        Attribution::from(crate::article::attribution::Parts {
            content: vec![content],
            kind: ContentKind::Indirect,
            cue: Some(cue),
            source: Some(source),
            resolved: None,
            addressee: None,
            chain: vec![],
            confidence: Confidence::High,
        })
    }
    use super::*;
    use crate::ide::fixture::{article, at, parsed, ARTICLE};

    fn labels(items: &[Completion]) -> Vec<&str> {
        items.iter().map(|c| c.label.as_str()).collect()
    }

    /// The labels completion offers after the first `source: ` of `claims`, best first.
    /// The ranked `source:` labels for a one-claim file quoting `quote`, against `text`
    /// with the one attribution `att`.
    fn ranked_with(
        text: impl Into<String>,
        att: crate::article::attribution::Attribution,
        quote: &str,
    ) -> Vec<String> {
        let article = Article::new(text).with_attributions(vec![att]);
        ranked_sources(
            &article,
            &format!("claim c\n  source: \n  quote: {quote}\n"),
        )
    }

    fn ranked_sources(article: &Article, claims: &str) -> Vec<String> {
        let p = Parsed::new(claims);
        let mut items = completion(
            &p,
            Some(article),
            claims.find("source: ").unwrap() + 8,
            &Config::default(),
        );
        items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
        items.into_iter().map(|c| c.label).collect()
    }

    /// The annotation with `line` inserted after the line holding `after`, and the offset at
    /// the end of the inserted line (or at `|` in it, which is removed).
    fn edited(after: &str, line: &str) -> (Parsed, usize) {
        let base = parsed().text;
        let at_line = base.find(after).unwrap();
        let insert_at = at_line + base[at_line..].find('\n').unwrap() + 1;
        let cursor_in_line = line.find('|').unwrap_or(line.len());
        let line = line.replace('|', "");
        let text = format!("{}{}\n{}", &base[..insert_at], line, &base[insert_at..]);
        (Parsed::new(text), insert_at + cursor_in_line)
    }

    fn complete(after: &str, line: &str) -> (Parsed, Vec<Completion>) {
        let (p, offset) = edited(after, line);
        let a = article();
        let items = completion(&p, Some(&a), offset, &Config::default());
        (p, items)
    }

    #[test]
    fn source_names_nearest_to_the_quote_first() {
        // In `funding-unknown` the quote's sentence names "The Syrian man".
        let text = parsed().text.replace(
            "  source: Syrian national\n  via: CNN\n  cue: said\n  quote: he did not",
            "  source: \n  via: CNN\n  cue: said\n  quote: he did not",
        );
        let p = Parsed::new(text);
        let offset = at(
            &p,
            "  source: \n  via: CNN\n  cue: said\n  quote: he did not",
            10,
        );
        let a = article();
        let items = completion(&p, Some(&a), offset, &Config::default());
        assert_eq!(items[0].label, "Syrian national", "{:?}", labels(&items));
        assert_eq!(items[1].label, "Syrian man", "{:?}", labels(&items));
        assert_eq!(items[0].kind, CompletionKind::Actor);
        assert_eq!(items[0].replace, Span::empty(offset));
        assert!(
            items[0]
                .detail
                .as_deref()
                .unwrap()
                .starts_with("anonymous · "),
            "{:?}",
            items[0].detail
        );
        assert!(labels(&items).contains(&"unnamed"));
        assert_eq!(items.last().unwrap().label, "unnamed");
        // Article names that no actor declares are offered too.
        assert!(
            labels(&items).contains(&"Bashar Assad"),
            "{:?}",
            labels(&items)
        );
    }

    /// An article naming 400 people, one per paragraph, each with a sentence of their own.
    fn crowded_article() -> (Article, Vec<String>) {
        let first = [
            "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Gohar", "Hamid",
        ];
        let last = ["Zorvak", "Quell", "Mbeki", "Ostrom", "Lindqvist"];
        let mut names = Vec::new();
        let mut text = String::from("date 2020-10-02 Many voices\n\n");
        for i in 0..400 {
            let name = format!(
                "{} {}{}",
                first[i % 8],
                last[i % 5],
                "abcdefghij".chars().nth(i / 40).unwrap()
            );
            text.push_str(&format!("{name} said that port number {i} was closed.\n\n"));
            names.push(name);
        }
        (Article::new(text), names)
    }

    #[test]
    fn crowded_articles_keep_the_nearest_names_and_filter_by_what_is_typed() {
        let (article, names) = crowded_article();
        let claim = |typed: &str| {
            let text = format!("claim c\n  source: {typed}\n  quote: port number 350 was closed\n");
            let offset = text.find("\n  quote").unwrap();
            let p = Parsed::new(text);
            completion(&p, Some(&article), offset, &Config::default())
        };
        let items = claim("");
        assert_eq!(items.len(), MAX_COMPLETIONS);
        assert_eq!(items[0].label, names[350], "the quote's own sentence first");
        let sorted = items.windows(2).all(|w| w[0].sort_text <= w[1].sort_text);
        assert!(sorted, "ranked by nearness");
        assert!(
            !labels(&items).contains(&names[0].as_str()),
            "the farthest names wait for typing"
        );
        // Typing narrows the answer to names that match, however far they are.
        let far = &names[0];
        let typed: String = far
            .split(' ')
            .map(|w| &w[..2])
            .collect::<Vec<_>>()
            .join(" ");
        let items = claim(&typed);
        assert!(
            labels(&items).contains(&far.as_str()),
            "{typed:?}: {:?}",
            labels(&items)
        );
        assert!(items.iter().all(|c| fuzzy_match(&c.label, &typed)));
        assert!(items.len() < MAX_COMPLETIONS);
    }

    #[test]
    fn fuzzy_matching_is_an_ordered_subsequence_ignoring_case() {
        assert!(fuzzy_match("Sputnik", "spk"));
        assert!(fuzzy_match("Ереван", "ер"));
        assert!(fuzzy_match("anything", ""));
        assert!(!fuzzy_match("Sputnik", "kps"));
        assert!(!fuzzy_match("CNN", "CNNs"));
    }

    #[test]
    fn via_replaces_only_the_current_item_and_skips_used_names() {
        let (p, items) = complete(
            "  quote: he did not know who was funding",
            "  via: CNN, Sp|",
        );
        let sputnik = items
            .iter()
            .find(|c| c.label == "Sputnik")
            .expect("Sputnik offered");
        assert_eq!(sputnik.replace.slice(&p.text), "Sp");
        assert_eq!(sputnik.insert_text, "Sputnik");
        assert!(!labels(&items).contains(&"CNN"), "already listed");
        assert!(!labels(&items).contains(&"Syrian national"), "the source");
    }

    #[test]
    fn aka_offers_undeclared_article_names() {
        let (_, items) = complete("  role: spokesman for Turkey's ruling", "  aka: |");
        let l = labels(&items);
        assert!(l.contains(&"Justice and Development Party"), "{l:?}");
        assert!(
            !l.contains(&"Omer Celik") && !l.contains(&"Baku"),
            "declared names are not aliases: {l:?}"
        );
        assert_eq!(items[0].insert_text.trim_start(), items[0].label);
    }

    #[test]
    fn field_names_valid_here() {
        let (p, items) = complete(
            "  stance: asserts\n  supports: third-batch\n\nclaim names-registered",
            "  |",
        );
        let _ = p;
        let l = labels(&items);
        assert!(
            l.contains(&"quote") && l.contains(&"note") && l.contains(&"disputes"),
            "{l:?}"
        );
        assert!(
            !l.contains(&"source") && !l.contains(&"stance") && !l.contains(&"cue"),
            "already present: {l:?}"
        );
        assert!(!l.contains(&"aka"), "actor field: {l:?}");
        assert_eq!(
            items
                .iter()
                .find(|c| c.label == "quote")
                .unwrap()
                .insert_text,
            "quote: "
        );
        let (p, items) = complete("actor Omer Celik", "  ki|");
        assert_eq!(labels(&items), ["aka", "note"], "kind and role are given");
        assert_eq!(items[0].replace.slice(&p.text), "ki");
    }

    #[test]
    fn header_fields_and_keywords_before_the_first_block() {
        let text = "article: a.txt\n\n";
        let p = Parsed::new(text);
        let items = completion(&p, None, text.len(), &Config::default());
        assert_eq!(labels(&items), ["date", "publisher", "claim", "actor"]);
    }

    #[test]
    fn stances_with_meanings() {
        let (_, items) = complete("  cue: said in a statement", "  stance: |");
        assert_eq!(labels(&items)[..3], ["asserts", "denies", "accuses"]);
        assert_eq!(
            items[0].documentation.as_deref(),
            Some("The source states the content as fact.")
        );
    }

    #[test]
    fn claim_ids_after_relations() {
        let (p, items) = complete("claim baku-denial", "  supports: rec|");
        let l = labels(&items);
        assert!(
            l.contains(&"recruitment") && !l.contains(&"baku-denial"),
            "{l:?}"
        );
        let r = items.iter().find(|c| c.label == "recruitment").unwrap();
        assert_eq!(r.replace.slice(&p.text), "rec");
        assert_eq!(r.detail.as_deref(), Some("CNN"));
    }

    #[test]
    fn cue_words_from_the_quote_sentence() {
        let text = parsed()
            .text
            .replace("  cue: said in a statement\n", "  cue: \n");
        let p = Parsed::new(text);
        let offset = at(&p, "  cue: \n  quote: Moscow", 7);
        let items = completion(&p, Some(&article()), offset, &Config::default());
        assert_eq!(
            labels(&items)[..2],
            ["said in a statement", "said"],
            "{:?}",
            labels(&items)
        );
        assert!(labels(&items).contains(&"Wednesday"));
    }

    #[test]
    fn quote_continues_the_article_sentence() {
        let (p, items) = complete("claim baku-denial", "  quote: Moscow was conc|");
        let first = &items[0];
        assert_eq!(first.replace.slice(&p.text), "conc");
        assert_eq!(
            first.insert_text,
            "concerned over reports about the transfer of militants of illegal armed groups to the Nagorno-Karabakh conflict zone"
        );
        let (_, items) = complete("claim baku-denial", "  quote: the names of combatants ");
        assert_eq!(
            items[0].insert_text,
            "who want to go to the region \"are now being registered and collected.\""
        );
        assert!(items[0].replace.is_empty());
        let (_, items) = complete("claim baku-denial", "  quote: Earlier in the day");
        assert!(
            items[0].insert_text.starts_with("day, sources from"),
            "{:?}",
            labels(&items)
        );
        assert!(
            items.iter().all(|c| c.insert_text != "day"),
            "nothing to add: {:?}",
            labels(&items)
        );
    }

    #[test]
    fn suppression_codes_in_comments() {
        let (p, items) = complete("claim only-way", "  # claimls: ignore C02|");
        assert!(labels(&items).contains(&"C021"));
        assert_eq!(items[0].replace.slice(&p.text), "C02");
    }

    #[test]
    fn article_date_and_nothing_without_context() {
        let text = "date: \n";
        let p = Parsed::new(text);
        let a = Article::new(ARTICLE);
        let items = completion(&p, Some(&a), 6, &Config::default());
        assert_eq!(labels(&items), ["2020-10-02"]);
        assert!(completion(
            &Parsed::new("claim x\n  note: y"),
            Some(&a),
            16,
            &Config::default()
        )
        .is_empty());
        assert!(completion(&Parsed::new(""), None, 99, &Config::default())
            .iter()
            .all(|c| c.kind != CompletionKind::Actor));
    }

    #[test]
    fn source_offers_the_credited_description_as_written_after_declared_actors() {
        use crate::article::attribution::{Attribution, Confidence, ContentKind};
        let text = "date 2021-01-01 Tolls\n\nAnna Berg won the council vote in May. The party's nominee said the bridge toll would end.\n";
        let find = |needle: &str| span_in(text, needle);
        let att = Attribution::from(crate::article::attribution::Parts {
            content: vec![find("the bridge toll would end")],
            kind: ContentKind::Indirect,
            cue: Some(find("said")),
            source: Some(find("The party's nominee")),
            resolved: Some(find("Anna Berg")),
            addressee: None,
            chain: vec![],
            confidence: Confidence::Medium,
        });
        let article = Article::new(text).with_attributions(vec![att.clone()]);
        let ranked = |claims: &str| ranked_sources(&article, claims);
        let l = ranked("claim c\n  source: \n  quote: the bridge toll would end\n");
        assert_eq!(l[0], "party's nominee", "{l:?}");
        assert!(l.iter().any(|x| x == "Anna Berg"), "{l:?}");
        // A declared actor the article names there comes first.
        let l = ranked(
            "actor Anna Berg\n  kind: person\n\nclaim c\n  source: \n  quote: the bridge toll would end\n",
        );
        assert_eq!(l[0], "Anna Berg", "{l:?}");
        assert_eq!(l[1], "party's nominee", "{l:?}");
        // Words of a clause caught with the source are no name to offer.
        assert!(looks_like_a_name("The party's nominee"));
        assert!(looks_like_a_name("Attorney General Ann Dole"));
        assert!(!looks_like_a_name("Dole took"));
        assert!(!looks_like_a_name("Ann Dole on Monday"));
        assert!(!looks_like_a_name("he"));
    }

    #[test]
    fn source_ranks_the_head_of_the_credited_phrase_before_its_modifiers() {
        use crate::article::attribution::{Attribution, Confidence, ContentKind};
        let text = "date 2021-01-01 Harbour\n\nHarbour Authority spokesman Lars Vik spoke first. He said the Harbour Authority docks \"will be busy by May\".\n";
        let find = |needle: &str| span_in(text, needle);
        let att = Attribution::from(crate::article::attribution::Parts {
            content: vec![find("will be busy by May")],
            kind: ContentKind::Direct,
            cue: Some(find("said")),
            source: Some(find("He said").start).map(|h| Span::new(h, h + 2)),
            resolved: Some(find("Harbour Authority spokesman Lars Vik")),
            addressee: None,
            chain: vec![],
            confidence: Confidence::Medium,
        });
        let l = ranked_with(text, att, "will be busy by May");
        let pos = |name: &str| {
            l.iter()
                .position(|x| *x == name)
                .unwrap_or_else(|| panic!("{name} in {l:?}"))
        };
        assert!(pos("Lars Vik") < pos("Harbour Authority"), "{l:?}");
    }

    #[test]
    fn source_ranks_the_credited_speaker_first_and_the_addressee_and_quoted_names_last() {
        use crate::article::attribution::{Attribution, Confidence, ContentKind};
        let text = "date 2021-01-01 Talks\n\nThe talks collapsed on Friday in London. He told Sky News that the deal \"was dead for Boris Johnson\", Robert Peston said later.\n\nNote the figures, could it happen? COULD it? Repeat: nobody could. According to Mr Peston the prime minister told colleagues he would resign.\n";
        let find = |needle: &str| span_in(text, needle);
        let he = find("He told").start;
        let att = Attribution::from(crate::article::attribution::Parts {
            content: vec![find("was dead for Boris Johnson")],
            kind: ContentKind::Direct,
            cue: Some(find("told")),
            source: Some(Span::new(he, he + 2)),
            resolved: Some(find("Robert Peston")),
            addressee: Some(find("Sky News")),
            chain: vec![],
            confidence: Confidence::Medium,
        });
        let article = Article::new(text).with_attributions(vec![att]);
        let claims = "claim c\n  source: \n  quote: was dead for Boris Johnson\n";
        let l = ranked_sources(&article, claims);
        assert_eq!(l[0], "Robert Peston", "{l:?}");
        let pos = |name: &str| {
            l.iter()
                .position(|x| *x == name)
                .unwrap_or_else(|| panic!("{name} in {l:?}"))
        };
        assert!(pos("Sky News") > pos("London"), "{l:?}");
        assert!(pos("Boris Johnson") > pos("London"), "{l:?}");
        assert_eq!(l.last().map(String::as_str), Some("unnamed"));
        for junk in [
            "Note",
            "COULD",
            "Repeat",
            "According to Mr Peston the prime minister",
        ] {
            assert!(!l.iter().any(|x| x == junk), "{junk} in {l:?}");
        }
        assert!(l.iter().any(|x| x == "the prime minister"), "{l:?}");
        // Without an attribution, the nearest name still comes first.
        let plain = Article::new(text).with_attributions(vec![]);
        let l = ranked_sources(&plain, claims);
        assert_ne!(l[0], "Sky News", "{l:?}");
    }

    #[test]
    fn source_finds_the_speaker_between_the_parts_of_an_elided_quote() {
        let text = "date 2021-01-01 Bridge\n\nThe Harbour Authority met on Friday in Salem. \"The bridge is safe,\" said Ann Dole, a spokeswoman for the Harbour Authority. \"We checked it twice.\"\n";
        // No attribution read: the words between the parts are not quoted words.
        let article = Article::new(text).with_attributions(vec![]);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: The bridge is safe … We checked it twice\n",
        );
        assert_eq!(l[0], "Ann Dole", "{l:?}");
    }

    #[test]
    fn source_distrusts_a_credited_phrase_that_cannot_speak() {
        let text = "date 2021-01-01 Tolls\n\nLars Vik chairs the council in Salem. In an interview, Ann Dole said the bridge toll would end.\n";
        let find = |needle: &str| span_in(text, needle);
        // A misreading: the time phrase taken for the speaker.
        let att = indirect(
            find("the bridge toll would end"),
            find("said"),
            find("In an interview"),
        );
        let l = ranked_with(text, att, "the bridge toll would end");
        assert_eq!(l[0], "Ann Dole", "{l:?}");
        assert!(!l.iter().any(|x| x.contains("interview")), "{l:?}");
        for junk in [
            "In an interview",
            "Plans of",
            "me",
            "the Rev",
            "Tuesday",
            "However",
        ] {
            assert!(!credible_source(junk), "{junk}");
        }
        for speaker in [
            "Ann Dole",
            "officials",
            "The party's nominee",
            "he",
            "Sen. Ann Dole",
        ] {
            assert!(credible_source(speaker), "{speaker}");
        }
    }

    #[test]
    fn source_skips_a_dateline_place_for_the_name_after_the_quote() {
        let text = "date 2021-01-01 Tolls\n\nSALEM, Ore. \u{2014} The bridge toll will end next spring, in a memo from treasurer Ann Dole.\n";
        let article = Article::new(text).with_attributions(vec![]);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: The bridge toll will end next spring\n",
        );
        assert_eq!(l[0], "Ann Dole", "{l:?}");
    }

    #[test]
    fn source_in_a_transcript_takes_the_speaker_label_of_the_paragraph() {
        let text = "date 2021-01-01 Hearing\n\n\"VIK: Who pays for the pier, Ms. Dole? The council?\n\n\"DOLE: The harbour fund will pay for it, Mr. Vik, not the council.\n";
        let article = Article::new(text);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: The harbour fund will pay for it\n",
        );
        // The label and "Ms. Dole" are one name, offered once.
        assert!(l[0].eq_ignore_ascii_case("Dole"), "{l:?}");
    }

    #[test]
    fn source_of_a_signed_quotation_is_its_signer() {
        let text = "date 2021-01-01 Readers on the toll\n\n\u{201c}Lars Vik never cared about the ferry. He sold the pier.\u{201d} \u{2015} Ann Dole\n\u{201c}The toll hurts every family on the island, and the council knows it.\u{201d} \u{2015} Eva Berg\n";
        let article = Article::new(text).with_attributions(vec![]);
        for quote in [
            "The toll hurts every family on the island",
            "The toll hurts every family on the island, and the council knows it.\u{201d}",
        ] {
            let l = ranked_sources(
                &article,
                &format!("claim c\n  source: \n  quote: {quote}\n"),
            );
            assert_eq!(l[0], "Eva Berg", "{l:?}");
        }
    }

    #[test]
    fn source_finds_a_subject_past_its_apposition() {
        let text = "date 2021-01-01 Tolls\n\nLars Vik chairs the council. Ann Dole, 59, a nurse from Salem who watched the vote, said the bridge toll would end.\n";
        let article = Article::new(text).with_attributions(vec![]);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: the bridge toll would end\n",
        );
        assert_eq!(l[0], "Ann Dole", "{l:?}");
        let pos = |name: &str| l.iter().position(|x| *x == name).unwrap_or(usize::MAX);
        assert!(pos("Salem") > pos("Ann Dole"), "{l:?}");
    }

    #[test]
    fn a_lone_auxiliary_or_quantifier_is_no_credible_source() {
        for word in ["been", "all", "would"] {
            assert!(!credible_source(word), "{word}");
        }
        assert!(credible_source("experts"));
        assert!(credible_source("All Souls Parish"));
    }

    #[test]
    fn groups_and_quantified_descriptions_stand_as_written_sources() {
        for group in [
            "Several engineers",
            "Many residents",
            "Harbor Board officials",
            "Local nurses",
            "Federal and state officials",
        ] {
            assert!(looks_like_a_name(group), "{group}");
        }
        for clause in ["Dole says", "Dole has", "Dole thinks", "Vik reports"] {
            assert!(!looks_like_a_name(clause), "{clause}");
        }
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. Local nurses said the clinic would close before winter.\n";
        let article = Article::new(text);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: the clinic would close before winter\n",
        );
        assert_eq!(l[0], "Local nurses", "{l:?}");
    }

    #[test]
    fn source_offers_a_described_subject_of_the_quote_sentence() {
        let offered = |sentence: &str, quote: &str| {
            let text = format!("date 2021-01-01 Tolls\n\nThe ferry stopped in March. {sentence}\n");
            let article = Article::new(text).with_attributions(vec![]);
            ranked_sources(
                &article,
                &format!("claim c\n  source: \n  quote: {quote}\n"),
            )
        };
        let l = offered(
            "The agency keeps the clinic open until winter.",
            "the clinic open until winter",
        );
        assert!(l.iter().any(|x| x == "The agency"), "{l:?}");
        let l = offered(
            "Harbor pilots want the clinic open until winter.",
            "the clinic open until winter",
        );
        assert!(l.iter().any(|x| x == "Harbor pilots"), "{l:?}");
        // No description stands before a preposition, nor a modifier without its group.
        let l = offered(
            "The city of Salem keeps the clinic open until winter.",
            "the clinic open until winter",
        );
        assert!(!l.iter().any(|x| x == "The city"), "{l:?}");
        let l = offered(
            "Harbor pilot Lars Vik keeps the clinic open until winter.",
            "the clinic open until winter",
        );
        assert!(!l.iter().any(|x| x.starts_with("Harbor pilot")), "{l:?}");
    }

    #[test]
    fn source_of_a_nested_statement_offers_the_reporter_then_its_own_speaker() {
        let text = "date 2021-01-01 Tolls\n\nThe vote was held in Salem. Ann Dole said on Monday that Mayor Lars Vik had told staff the bridge toll would end next spring.\n";
        let find = |needle: &str| span_in(text, needle);
        // The larger statement: Ann Dole reports what the mayor told staff.
        let att = indirect(
            find("Mayor Lars Vik had told staff the bridge toll would end next spring"),
            find("said"),
            find("Ann Dole"),
        );
        let l = ranked_with(text, att, "the bridge toll would end");
        // The speaker the article credits first, then the one named inside the reported
        // words as saying the quoted part (not demoted as a name inside the quote).
        assert_eq!(l[0], "Ann Dole", "{l:?}");
        assert!(l[1].ends_with("Lars Vik"), "{l:?}");
    }

    #[test]
    fn source_offers_the_whole_name_when_the_credited_one_is_cut_short() {
        use crate::article::attribution::{Attribution, Confidence, ContentKind};
        let text = "date 2021-01-01 Tolls\n\nThe vote was held in Salem. Ann Dole said the bridge toll would end.\n";
        let find = |needle: &str| span_in(text, needle);
        let att = Attribution::from(crate::article::attribution::Parts {
            content: vec![find("the bridge toll would end")],
            kind: ContentKind::Indirect,
            cue: Some(find("said")),
            // The analysis stopped the name a word short.
            source: Some(find("Ann Dole").start).map(|s| Span::new(s, s + 3)),
            resolved: None,
            addressee: None,
            chain: vec![],
            confidence: Confidence::High,
        });
        let l = ranked_with(text, att, "the bridge toll would end");
        assert_eq!(l[0], "Ann Dole", "{l:?}");
        assert!(!l.iter().any(|x| x == "Ann"), "{l:?}");
    }

    #[test]
    fn source_prefers_the_quote_sentences_own_subject_to_a_speaker_credited_before_it() {
        let text = "date 2021-01-01 Tolls\n\nAnn Dole called the toll a tax. Lars Vik insisted that the toll must end soon and the bridge must close by spring.\n";
        let find = |needle: &str| span_in(text, needle);
        // Reported words read as running on into the next sentence, which has its own
        // subject and reporting verb.
        let att = indirect(find("the toll a tax. Lars Vik insisted that the toll must end soon and the bridge must close by spring"), find("called"), find("Ann Dole"));
        let l = ranked_with(
            text,
            att,
            "the toll must end soon and the bridge must close by spring",
        );
        assert_eq!(l[0], "Lars Vik", "{l:?}");
        assert_eq!(l[1], "Ann Dole", "{l:?}");
    }

    #[test]
    fn source_takes_the_subject_of_a_reporting_verb_not_its_object() {
        let text = "date 2021-01-01 Tolls\n\nThe council asked Salem to say whether the bridge toll would end, the mayor's aide Ann Dole said on Friday.\n";
        let article = Article::new(text).with_attributions(vec![]);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: whether the bridge toll would end\n",
        );
        // Salem, asked to say, is the object: the speaker and her description first.
        assert!(l[0].ends_with("Ann Dole"), "{l:?}");
        let pos = |name: &str| l.iter().position(|x| *x == name).unwrap_or(usize::MAX);
        assert!(pos("Ann Dole") < pos("Salem"), "{l:?}");
    }

    #[test]
    fn source_takes_the_subject_of_the_claims_own_cue() {
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. Small crowds of dockers kept up calls for a full inquiry into the toll rise, marching past the town hall.\n";
        let article = Article::new(text.to_string()).with_attributions(vec![]);
        let claims = "claim c\n  source: \n  cue: kept up calls for\n  quote: a full inquiry into the toll rise\n";
        let l = ranked_sources(&article, claims);
        assert_eq!(l[0], "Small crowds of dockers", "{l:?}");
        // Without a cue there is no such subject; an opening conjunction is no part of it.
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: a full inquiry into the toll rise\n",
        );
        assert!(!l.iter().any(|x| x == "Small crowds of dockers"), "{l:?}");
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. With harbor pilots uneasy about the new toll, the board met again.\n";
        let article = Article::new(text.to_string()).with_attributions(vec![]);
        let claims = "claim c\n  source: \n  cue: uneasy about\n  quote: the new toll\n";
        let l = ranked_sources(&article, claims);
        assert_eq!(l[0], "harbor pilots", "{l:?}");
        // A subject that is a declared actor's name is that actor: offered once, declared.
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. The Harbour Board kept up calls for a full inquiry into the toll rise.\n";
        let article = Article::new(text.to_string()).with_attributions(vec![]);
        let claims = "actor Harbour Board\n  kind: organization\n\nclaim c\n  source: \n  cue: kept up calls for\n  quote: a full inquiry into the toll rise\n";
        let l = ranked_sources(&article, claims);
        assert!(l.iter().any(|x| x == "Harbour Board"), "{l:?}");
        assert!(!l.iter().any(|x| x == "The Harbour Board"), "{l:?}");
    }

    #[test]
    fn descriptions_of_who_spoke_have_no_verb_and_no_loose_end() {
        assert!(looks_like_a_description(
            "Councillor Ann Dole\u{2019}s driver"
        ));
        assert!(looks_like_a_description("Small crowds of dockers"));
        assert!(looks_like_a_description("Footage of the crash"));
        assert!(!looks_like_a_description("Dole has"));
        assert!(!looks_like_a_description("dockers marching"));
        assert!(!looks_like_a_description("Plans of"));
        assert!(!looks_like_a_description("Dole took"));
        assert!(!looks_like_a_description("Dole on Monday"));
        assert!(!looks_like_a_description("One of the many"));
        assert!(!looks_like_a_description("The study not only"));
        assert!(looks_like_a_description("Dole\u{2019}s office"));
        assert!(!looks_like_a_description("When"));
        assert!(!looks_like_a_description("his"));
    }

    #[test]
    fn source_offers_a_credited_description_before_the_name_inside_it() {
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. Councillor Ann Dole\u{2019}s driver said the bridge would stay shut until May.\n";
        let article = Article::new(text.to_string());
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: the bridge would stay shut until May\n",
        );
        assert_eq!(l[0], "Councillor Ann Dole\u{2019}s driver", "{l:?}");
        let pos = |name: &str| {
            l.iter()
                .position(|x| x.ends_with(name))
                .unwrap_or(usize::MAX)
        };
        assert!(pos("Ann Dole") < 5, "{l:?}");
    }

    /// An attribution of `content` in `text` to `source`, cued by `cue`.
    fn said_by(
        text: &str,
        source: &str,
        cue: &str,
        content: &str,
    ) -> crate::article::attribution::Attribution {
        use crate::article::attribution::{Attribution, Confidence, ContentKind};
        Attribution::from(crate::article::attribution::Parts {
            content: vec![span_in(text, content)],
            kind: ContentKind::Indirect,
            cue: Some(span_in(text, cue)),
            source: Some(span_in(text, source)),
            resolved: None,
            addressee: None,
            chain: vec![],
            confidence: Confidence::High,
        })
    }

    #[test]
    fn source_takes_back_a_subjects_noun_read_as_the_cue() {
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. Harbor safety advocates have warned that the old pier is unsafe.\n";
        let att = said_by(text, "Harbor safety", "advocates", "the old pier is unsafe");
        let l = ranked_with(text.to_string(), att, "the old pier is unsafe");
        assert_eq!(l[0], "Harbor safety advocates", "{l:?}");
        // A singular verb after it: the cue is the verb (`Dole claims is`), left alone.
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. What Ann Dole claims is that the old pier is unsafe.\n";
        let att = said_by(text, "Ann Dole", "claims", "that the old pier is unsafe");
        assert_eq!(noun_taken_for_cue(text, &att), None);
    }

    #[test]
    fn source_offers_a_credited_description_whole_and_cut_before_its_clause() {
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. Many dockers involved in the talks assumed the toll would stay.\n";
        let att = said_by(
            text,
            "Many dockers involved in the talks",
            "assumed",
            "the toll would stay",
        );
        let l = ranked_with(text.to_string(), att, "the toll would stay");
        assert_eq!(l[0], "Many dockers involved in the talks", "{l:?}");
        assert_eq!(l[1], "Many dockers", "{l:?}");
        // A month is no part of a description: the head alone.
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped. A county audit released in March found that the toll was too high.\n";
        let att = said_by(
            text,
            "A county audit released in March",
            "found",
            "that the toll was too high",
        );
        let l = ranked_with(text.to_string(), att, "the toll was too high");
        assert_eq!(l[0], "county audit", "{l:?}");
        assert!(!l.iter().any(|x| x.contains("released")), "{l:?}");
    }

    #[test]
    fn source_offers_a_writers_name_without_the_outlet_they_write_for() {
        let text = "date 2021-01-01 Tolls\n\n\"The toll is a mistake,\" wrote Lena Hart for the Valley Ledger.\n";
        let att = said_by(
            text,
            "Lena Hart for the Valley Ledger",
            "wrote",
            "The toll is a mistake,",
        );
        let l = ranked_with(text.to_string(), att, "The toll is a mistake");
        assert_eq!(l[0], "Lena Hart for the Valley Ledger", "{l:?}");
        assert_eq!(l[1], "Lena Hart", "{l:?}");
        // A body named with `for` is not cut.
        assert_eq!(name_before_affiliation("National Center for Ports"), None);
    }

    #[test]
    fn source_prefers_the_longer_reading_of_the_same_subject() {
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. Ann Dole's family called on the council to reopen the pier.\n";
        let long = said_by(
            text,
            "Ann Dole's family",
            "called on",
            "the council to reopen the pier",
        );
        let short = said_by(
            text,
            "Ann Dole's",
            "called on",
            "the council to reopen the pier",
        );
        let article = Article::new(text.to_string()).with_attributions(vec![long, short]);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  quote: the council to reopen the pier\n",
        );
        assert_eq!(l[0], "Ann Dole's family", "{l:?}");
    }

    #[test]
    fn source_reads_a_name_and_a_noun_right_before_the_cue_as_one_subject() {
        let text = "date 2021-01-01 Tolls\n\nThe ferry to Harbor stopped in March. Harbor board votes to close the old pier.\n";
        let att = said_by(text, "Harbor board", "votes", "to close the old pier");
        let l = ranked_with(text.to_string(), att, "to close the old pier");
        assert_eq!(l[0], "Harbor board", "{l:?}");
        assert!(!looks_like_a_description("Harbor board"));
        assert!(!description("Dole repeatedly", true));
    }

    #[test]
    fn source_takes_the_subject_of_a_headlines_cue() {
        let text = "Two Surveys Show Closing Pool Is Unpopular.\n\nThe pool has been open since the war.\n";
        let article = Article::new(text.to_string()).with_attributions(vec![]);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  cue: Show\n  quote: Closing Pool Is Unpopular\n",
        );
        assert_eq!(l[0], "Two Surveys", "{l:?}");
    }

    #[test]
    fn source_offers_a_cued_subject_also_without_its_relative_clause() {
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. One of the pilots who built the dock called the old pier unsafe.\n";
        let article = Article::new(text.to_string()).with_attributions(vec![]);
        let l = ranked_sources(
            &article,
            "claim c\n  source: \n  cue: called\n  quote: the old pier unsafe\n",
        );
        assert_eq!(l[0], "One of the pilots who built the dock", "{l:?}");
        assert_eq!(l[1], "One of the pilots", "{l:?}");
    }

    /// The sources offered for a claim with `cue` and `quote` in a one-paragraph article
    /// `body` that the analysis credits to no one.
    fn cued_sources(body: &str, cue: &str, quote: &str) -> Vec<String> {
        let text = format!("date 2021-01-01 Tolls\n\nThe ferry stopped in March. {body}\n");
        let article = Article::new(text).with_attributions(vec![]);
        let claims = format!("claim c\n  source: \n  cue: {cue}\n  quote: {quote}\n");
        ranked_sources(&article, &claims)
    }

    #[test]
    fn source_takes_the_subject_of_a_cue_after_a_word_opening_an_inner_clause() {
        let l = cued_sources(
            "The harbor clerk spoke to the crews on Monday after Ann Dole unveiled a new toll plan.",
            "unveiled",
            "a new toll plan",
        );
        assert_eq!(l[0], "Ann Dole", "{l:?}");
        let l = cued_sources(
            "At least that is what the pilots union now hopes for.",
            "now hopes",
            "what",
        );
        assert_eq!(l[0], "the pilots union", "{l:?}");
        // An opening adverb is no part of the subject.
        let l = cued_sources(
            "Though usually Harbor rules allow crews to swap shifts, the board said no.",
            "allow",
            "crews to swap shifts",
        );
        assert_eq!(l[0], "Harbor rules", "{l:?}");
    }

    #[test]
    fn source_takes_the_subject_before_an_aside_right_before_the_cue() {
        let l = cued_sources(
            "Lena Brook, a nurse whose ward closed in May, has been collecting names for the petition.",
            "has been collecting",
            "names for the petition",
        );
        assert_eq!(l[0], "Lena Brook", "{l:?}");
        let l = cued_sources(
            "The Salem ferry tally, which counts riders every hour, showed a drop of a third.",
            "showed",
            "a drop of a third",
        );
        assert_eq!(l[0], "The Salem ferry tally", "{l:?}");
        let l = cued_sources(
            "Its website, however, has no word on the fares.",
            "has",
            "no word on the fares",
        );
        assert_eq!(l[0], "Its website", "{l:?}");
    }

    #[test]
    fn source_takes_the_subject_of_a_cue_after_the_quote() {
        let l = cued_sources(
            "The only test for the permit is a \"clean record at sea,\" as a county memo put it.",
            "put it",
            "clean record at sea",
        );
        assert_eq!(l[0], "a county memo", "{l:?}");
    }

    #[test]
    fn cued_subjects_hold_nouns_spelled_as_reporting_verbs_and_lose_times_and_adverbs() {
        let l = cued_sources(
            "The Oregon state treasurer is confirming that the toll fund is empty.",
            "is confirming",
            "that the toll fund is empty",
        );
        assert_eq!(l[0], "The Oregon state treasurer", "{l:?}");
        let l = cued_sources(
            "A county audit report released last year found gaps in the books.",
            "found",
            "gaps in the books",
        );
        assert!(
            l.iter()
                .any(|x| x == "A county audit report released last year"),
            "{l:?}"
        );
        let l = cued_sources(
            "The dock council this month approved a rise in fees.",
            "approved",
            "a rise in fees",
        );
        assert_eq!(l[0], "The dock council", "{l:?}");
        let l = cued_sources(
            "The pilots family not only backed the strike.",
            "backed",
            "the strike",
        );
        assert_eq!(l[0], "The pilots family", "{l:?}");
    }

    #[test]
    fn cued_subjects_may_be_two_joined_by_and_or_a_lone_quantifier() {
        let l = cued_sources(
            "The Harbor Times and the Salem ferry union filed a motion to open the files.",
            "filed a motion",
            "to open the files",
        );
        assert_eq!(l[0], "The Harbor Times and the Salem ferry union", "{l:?}");
        let l = cued_sources(
            "Some believe the fee rise is meant to close the ferry.",
            "believe",
            "the fee rise is meant to close the ferry",
        );
        assert_eq!(l[0], "Some", "{l:?}");
        // A lone joining or relative word is no subject.
        let l = cued_sources(
            "The toll is fair, but argued the clerks at length.",
            "argued",
            "the clerks",
        );
        assert!(!l.iter().any(|x| x == "but"), "{l:?}");
    }

    #[test]
    fn source_prefers_the_subject_of_the_claims_own_cue_to_a_speaker_of_another_cue() {
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. Harbor clerk Lena Brook spoke to crews on Friday after Ann Dole unveiled a plan to raise tolls.\n";
        let att = said_by(text, "Lena Brook", "spoke", "a plan to raise tolls");
        let article = Article::new(text.to_string()).with_attributions(vec![att]);
        let claims = "claim c\n  source: \n  cue: unveiled\n  quote: a plan to raise tolls\n";
        let l = ranked_sources(&article, claims);
        assert_eq!(l[0], "Ann Dole", "{l:?}");
        // The analysis cut the subject short: the whole subject of the cue first.
        let text = "date 2021-01-01 Tolls\n\nThe ferry stopped in March. The Salem port treasurer is confirming that the fund is empty.\n";
        let att = said_by(text, "The Salem", "is confirming", "that the fund is empty");
        let article = Article::new(text.to_string()).with_attributions(vec![att]);
        let claims = "claim c\n  source: \n  cue: is confirming\n  quote: that the fund is empty\n";
        let l = ranked_sources(&article, claims);
        assert_eq!(l[0], "The Salem port treasurer", "{l:?}");
    }

    #[test]
    fn source_places_a_repeated_quote_in_the_sentence_of_the_claims_cue() {
        let text = "date 2021-01-01 Tolls\n\nAnn Dole praised the new ferry at the opening.\n\nLater, Lena Brook mocked the new ferry in a speech.\n";
        let article = Article::new(text.to_string()).with_attributions(vec![]);
        let claims = "claim c\n  source: \n  cue: mocked\n  quote: the new ferry\n";
        let l = ranked_sources(&article, claims);
        assert_eq!(l[0], "Lena Brook", "{l:?}");
    }

    /// A long generated article (about 150 KB, over 300 names) and an annotation of it:
    /// names mentioned many times before and after each quote, names inside the quoted
    /// words, datelines in capitals, declared actors with aliases and a declared name the
    /// article writes with `the`, and names at equal distances either side of a quote, far
    /// from it. Deterministic.
    fn generated_pair() -> (Article, String) {
        let mut next = crate::ide::fixture::xorshift(0x2545_f491_4f6c_dd1d);
        let first = [
            "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Gohar", "Hamid", "Ines",
            "Jonas", "Kemal", "Lena", "Mara", "Nils", "Oskar", "Petra", "Rosa",
        ];
        let last = [
            "Zorvak",
            "Quell",
            "Mbeki",
            "Ostrom",
            "Lindqvist",
            "Varga",
            "Dunmore",
            "Keller",
            "Abara",
            "Trent",
            "Sollis",
            "Marek",
            "Hovland",
            "Prieto",
            "Castell",
            "Ruano",
            "Weir",
            "Yilmaz",
            "Brandt",
        ];
        let names: Vec<String> = (0..first.len() * last.len())
            .map(|i| format!("{} {}", first[i % first.len()], last[i / first.len()]))
            .collect();
        let words = [
            "ferry", "toll", "harbor", "budget", "vote", "plan", "pier", "fund",
        ];
        let mut text = String::from("date 2021-03-04 Generated\n\n");
        let mut quotes: Vec<String> = Vec::new();
        let paragraph = |text: &mut String,
                         quotes: &mut Vec<String>,
                         k: usize,
                         next: &mut dyn FnMut(usize) -> usize| {
            let (a, b) = (&names[next(names.len())], &names[next(names.len())]);
            let (w, v) = (words[next(words.len())], words[next(words.len())]);
            match next(6) {
                0 => text.push_str(&format!("{a} said the {w} would close by {k}.\n\n")),
                1 => {
                    let quote = format!("the {w} {k} belongs to {b} and the {v}");
                    text.push_str(&format!("\"{}, {}\" said {a}.\n\n", quote, "friends"));
                    quotes.push(quote);
                }
                2 => {
                    let quote = format!("the {v} was late on day {k}");
                    text.push_str(&format!(
                        "{a} told {b} that {quote}. The Harbor Board agreed.\n\n"
                    ));
                    quotes.push(quote);
                }
                3 => text.push_str(&format!(
                    "SALEM, Ore. \u{2014} {a} opened the {w} number {k}.\n\n"
                )),
                4 => text.push_str(&format!(
                    "According to {a}, the {w} cost {k} more than the {v}.\n\n"
                )),
                _ => {
                    let quote = format!("we will fix the {w} {k} soon");
                    text.push_str(&format!(
                        "{a} and {b} met. \"{quote},\" {b} said, and {a} left.\n\n"
                    ));
                    quotes.push(quote);
                }
            }
        };
        for k in 0..900 {
            paragraph(&mut text, &mut quotes, k, &mut next);
        }
        // Names at equal distances before and after a quote, far from it.
        let letter = |k: usize| char::from(b'a' + k as u8);
        let mut ends = Vec::new();
        for k in 0..6 {
            text.push_str(&format!("Ilse Vanter{} waited.\n\n", letter(k)));
            ends.push(text.len() - " waited.\n\n".len());
        }
        for _ in 0..100 {
            text.push_str("the crews kept working through the night and the day.\n\n");
        }
        let tied = "the tolls will rise in the spring for every ferry";
        text.push_str(&format!("The clerk wrote: \"{tied}\".\n\n"));
        let anchor = text.find(tied).unwrap();
        let quote_end = anchor + tied.len();
        for (k, end) in ends.iter().enumerate().rev() {
            // Lowercase filler, then the name as far after the quote as its pair before it.
            let start = quote_end + (anchor - end);
            if text.len() < start {
                let filler: String = (0..start - text.len() - 2)
                    .map(|i| if i % 9 == 8 { ' ' } else { 'x' })
                    .collect();
                text.push_str(&filler);
                text.push_str("\n\n");
            }
            assert_eq!(text.len(), start);
            text.push_str(&format!("Ilse Wanter{} waited.\n\n", letter(k)));
        }
        for k in 900..1800 {
            paragraph(&mut text, &mut quotes, k, &mut next);
        }
        let mut claims = String::from("article: generated.txt\n\n");
        for (i, name) in names.iter().enumerate().step_by(9) {
            claims.push_str(&format!("actor {name}\n  kind: person\n"));
            if i % 2 == 0 {
                claims.push_str(&format!("  aka: {}\n", name.split(' ').nth(1).unwrap()));
            }
            claims.push('\n');
        }
        claims.push_str("actor Harbor Board\n  kind: organization\n\n");
        quotes.push(tied.to_string());
        for (i, quote) in quotes.iter().enumerate().step_by(quotes.len() / 40) {
            claims.push_str(&format!(
                "claim c{i}\n  source: \n  cue: said\n  quote: {quote}\n"
            ));
            if i % 3 == 0 {
                claims.push_str(&format!("  via: {}, \n", names[i % names.len()]));
            }
            claims.push('\n');
        }
        claims.push_str(&format!("claim last\n  source: \n  quote: {tied}\n"));
        (Article::new(text), claims)
    }

    #[test]
    fn reading_the_names_by_position_ranks_as_ranking_every_name() {
        let (article, claims) = generated_pair();
        assert!(
            article.candidates().len() > 300,
            "{}",
            article.candidates().len()
        );
        let parsed = Parsed::new(claims.clone());
        let config = Config::default();
        let every_name = |offset: usize| {
            RANK_EVERY_NAME.with(|r| r.set(true));
            let items = completion(&parsed, Some(&article), offset, &config);
            RANK_EVERY_NAME.with(|r| r.set(false));
            items
        };
        let mut offsets = Vec::new();
        for (at, _) in claims.match_indices("source: ") {
            offsets.push(at + 8);
        }
        for (at, _) in claims.match_indices("via: ") {
            let end = at + claims[at..].find('\n').unwrap();
            offsets.extend([at + 5, at + 7, end]);
        }
        for (at, _) in claims.match_indices("aka: ") {
            offsets.extend([at + 5, at + 6]);
        }
        let (mut far, mut ties) = (0, 0);
        for offset in offsets {
            let items = completion(&parsed, Some(&article), offset, &config);
            assert_eq!(items, every_name(offset), "at {offset}");
            let by_distance: Vec<&str> = items
                .iter()
                .filter(|c| c.sort_text.starts_with("32"))
                .map(|c| &c.sort_text[2..12])
                .collect();
            far += by_distance.len();
            ties += by_distance.windows(2).filter(|w| w[0] == w[1]).count();
        }
        assert!(far > 10_000, "names ranked by distance alone: {far}");
        assert!(ties > 50, "ties: {ties}");
        // With something typed, the answer holds names from anywhere in the article.
        let last = claims.rfind("source: ").unwrap() + 8;
        let claims = format!("{}Ilse\n{}", &claims[..last], &claims[last + 1..]);
        let parsed = Parsed::new(claims);
        let items = completion(&parsed, Some(&article), last + 4, &config);
        RANK_EVERY_NAME.with(|r| r.set(true));
        let every = completion(&parsed, Some(&article), last + 4, &config);
        RANK_EVERY_NAME.with(|r| r.set(false));
        assert_eq!(items, every);
        let tied: Vec<&str> = labels(&items)
            .into_iter()
            .filter(|l| l.starts_with("Ilse"))
            .collect();
        assert_eq!(
            tied,
            [
                "Ilse Vanterf",
                "Ilse Wanterf",
                "Ilse Vantere",
                "Ilse Wantere",
                "Ilse Vanterd",
                "Ilse Wanterd",
                "Ilse Vanterc",
                "Ilse Wanterc",
                "Ilse Vanterb",
                "Ilse Wanterb",
                "Ilse Vantera",
                "Ilse Wantera"
            ]
        );
    }

    #[test]
    fn names_read_by_position_keep_their_place_among_all_proposals() {
        let article =
            Article::new("date 2021-01-01 T\n\nAnn Dole, Lars Vik, Eva Berg and Tom Ek met.\n");
        let candidates = article.candidates();
        let keys: Vec<&str> = candidates.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["ann dole", "lars vik", "eva berg", "tom ek"]);
        let far = Far {
            index: article.names_by_position().unwrap(),
            candidates,
            anchor: Span::new(0, 1),
            first: 5,
            close: vec![2],
            declared: vec![1],
        };
        let seqs: Vec<Option<usize>> = (0..4).map(|c| far.seq(c)).collect();
        assert_eq!(seqs, [Some(5), None, Some(6), Some(7)]);
        assert_eq!(far.offered(), 3);
        assert!(far.offers("eva berg") && far.offers("ann dole"));
        assert!(
            !far.offers("lars vik"),
            "declared: not offered as the article's"
        );
        assert!(!far.offers("anna"));
        let excluded: HashSet<String> = ["ann dole".to_string()].into_iter().collect();
        assert_eq!(
            far.left_out(["tom ek", "nobody"].into_iter(), &excluded),
            (0, vec![0, 1, 2, 3])
        );
        assert_eq!(
            far.left_out(std::iter::empty(), &HashSet::default()),
            (2, vec![1, 2])
        );
    }
}
