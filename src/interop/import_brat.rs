//! `claimls import brat`: brat standoff attribution annotations (PARC 3.0, PolNeAR and
//! the layout `claimls export --format brat` writes) to `.claims` text.
//!
//! Every `Attribution*` event becomes a claim: its `Content*` text-bounds become `quote:`
//! fields, one per fragment, copied from the article (a fragment over a line break is
//! written over continuation lines); its `Source` becomes `source:` as written (a pronoun
//! stays a pronoun; a named source also gets an `actor` block); its `Cue` becomes `cue:`;
//! an event without a source gets `source: unnamed`. `AnnotatorNotes` on the event or its
//! text-bounds become `note:`, except the notes the exporter writes (`claim ID; …`), which
//! give back the id, source, via, stance and relations. What cannot be carried over is
//! counted per reason in [`Imported::lost`].

use super::brat::{self, Ann, Event, NOTE_PREFIX, UNRESOLVED_PREFIX};
use crate::model::{fold_name, is_calendar_date, UNNAMED};
use std::collections::{BTreeMap, HashSet};

/// The result of importing one `.ann` file.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The `.claims` text.
    pub claims_text: String,
    pub claims: usize,
    pub actors: usize,
    /// What could not be carried over: reason -> how many.
    pub lost: BTreeMap<String, usize>,
    /// What was carried over with a change: reason -> how many.
    pub changed: BTreeMap<String, usize>,
}

impl Imported {
    pub(crate) fn lose(&mut self, why: impl Into<String>) {
        *self.lost.entry(why.into()).or_default() += 1;
    }
    pub(crate) fn change(&mut self, why: impl Into<String>) {
        *self.changed.entry(why.into()).or_default() += 1;
    }
}

/// Words that make a source a pronoun: kept as written, no actor declared.
const PRONOUNS: &[&str] = &[
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "one", "who",
    "which", "that", "this", "these", "those", "someone", "somebody", "everyone",
];

/// Capitalized words that do not make a name by themselves.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "another",
    "some",
    "many",
    "most",
    "several",
    "other",
    "others",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "both",
    "all",
    "few",
    "two",
    "three",
    "one",
    "no",
    "any",
    "each",
    "every",
    "such",
    "sources",
    "source",
    "officials",
    "official",
    "experts",
    "critics",
    "analysts",
    "reports",
    "report",
    "people",
    "according",
];

/// Whether `source` is a pronoun ("he", "They").
pub fn is_pronoun(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    words.len() == 1 && PRONOUNS.contains(&words[0].to_lowercase().as_str())
}

/// Whether `source` names someone: a capitalized word that is not a determiner or a
/// common word ("The New York Post", "Clinton's aides"; not "a source", "He").
pub fn is_named(source: &str) -> bool {
    !is_pronoun(source)
        && source.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars().next().is_some_and(char::is_uppercase)
                && !NOT_NAMES.contains(&w.to_lowercase().as_str())
        })
}

/// A claim id: lowercase letters, digits and `-`, starting with a letter or digit.
pub fn valid_id(id: &str) -> bool {
    id.chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What an exporter note (`claim ID; source: …; stance: …`) says.
#[derive(Default)]
struct ExportNote {
    id: Option<String>,
    fields: Vec<(String, String)>,
}

fn read_export_note(text: &str) -> Option<ExportNote> {
    let rest = text.strip_prefix(NOTE_PREFIX)?;
    let mut out = ExportNote::default();
    let (id, mut tail) = match rest.split_once("; ") {
        Some((id, tail)) => (id, tail),
        None => (rest, ""),
    };
    if !valid_id(id.trim()) {
        return None;
    }
    out.id = Some(id.trim().to_string());
    while !tail.is_empty() {
        let (key, after) = tail.split_once(": ")?;
        // `note:` is last and may hold anything.
        let (value, next) = if key == "note" {
            (after, "")
        } else {
            after.split_once("; ").unwrap_or((after, ""))
        };
        out.fields.push((key.to_string(), value.to_string()));
        tail = next;
    }
    Some(out)
}

/// Byte offsets of every code point of `text`, and the end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes `key: value` with the value's lines as continuation lines.
fn field(out: &mut String, key: &str, value: &str) {
    let mut lines = value.lines().map(str::trim).filter(|l| !l.is_empty());
    out.push_str(&format!("  {key}: {}\n", lines.next().unwrap_or("")));
    for l in lines {
        out.push_str(&format!("    {l}\n"));
    }
}

/// A claim as the importers gather it.
pub(crate) struct Claim {
    pub id: String,
    pub source: String,
    /// How the article names the source, when the claim names it otherwise (an alias).
    pub source_mention: Option<String>,
    pub via: Option<String>,
    pub cue: Option<String>,
    pub quotes: Vec<String>,
    pub stance: Option<String>,
    pub relations: Vec<(String, String)>,
    pub notes: Vec<String>,
}

/// Imports one `.ann` file annotating `article` (named `article_name` in the header).
pub fn import(article_name: &str, article: &str, ann_text: &str) -> Imported {
    let ann = brat::parse(ann_text);
    let mut result = Imported::default();
    for (_, why) in &ann.malformed {
        let _ = why;
        result.lose("unreadable .ann line");
    }
    for (_, kind) in &ann.other {
        result.lose(match kind {
            'R' => "relation (R) line: the .claims format has no place for it",
            'A' | 'M' => "attribute (A) line: the .claims format has no place for it",
            'N' => "normalization (N) line: the .claims format has no place for it",
            '*' => "equivalence (*) line: the .claims format has no place for it",
            _ => "unreadable .ann line",
        });
    }
    let starts = char_starts(article);
    let chars = starts.len() - 1;
    let slice = |[s, e]: [usize; 2]| -> Option<&str> {
        (s <= e && e <= chars).then(|| &article[starts[s]..starts[e]])
    };

    let mut used: HashSet<&str> = HashSet::new();
    let mut claims: Vec<Claim> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    for event in &ann.events {
        if !event.label.starts_with("Attribution") {
            result.lose(format!(
                "event of type `{}` (not an attribution)",
                event.label
            ));
            continue;
        }
        used.insert(&event.trigger);
        if let Some(c) = event_claim(&ann, event, &slice, &mut used, &mut result) {
            let id = if ids.contains(&c.id) {
                event.id.to_lowercase()
            } else {
                c.id.clone()
            };
            ids.insert(id.clone());
            claims.push(Claim { id, ..c });
        }
    }
    for t in &ann.text_bounds {
        if !used.contains(t.id.as_str()) {
            result.lose(format!("`{}` text-bound in no attribution event", t.label));
        }
    }
    let targets: HashSet<&str> = ann
        .events
        .iter()
        .map(|e| e.id.as_str())
        .chain(used.iter().copied())
        .collect();
    for n in &ann.notes {
        if !targets.contains(n.target.as_str()) {
            result.lose("AnnotatorNotes on nothing imported");
        }
    }

    result.set_claims(
        "brat standoff by `claimls import brat`",
        article_name,
        article,
        &claims,
    );
    result
}

impl Imported {
    /// Writes `claims` as `.claims` text into the result, with the counts.
    pub(crate) fn set_claims(
        &mut self,
        from: &str,
        article_name: &str,
        article: &str,
        claims: &[Claim],
    ) {
        let (text, actors) = write_claims(from, article_name, article, claims);
        self.claims = claims.len();
        self.actors = actors;
        self.claims_text = text;
    }
}

/// The `.claims` text for `claims` (an `actor` block for every named source and
/// intermediary), with the number of actors declared.
pub(crate) fn write_claims(
    from: &str,
    article_name: &str,
    article: &str,
    claims: &[Claim],
) -> (String, usize) {
    // Actors for named sources, in order of first use.
    let mut actors: Vec<String> = Vec::new();
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    for c in claims {
        if let Some(m) = &c.source_mention {
            let list = aliases.entry(fold_name(&c.source)).or_default();
            if !list.iter().any(|a| fold_name(a) == fold_name(m)) && !m.contains(',') {
                list.push(m.clone());
            }
        }
        let names = std::iter::once(c.source.as_str())
            .chain(c.via.iter().flat_map(|v| v.split(',')).map(str::trim));
        for name in names {
            let declare = is_named(name) || aliases.contains_key(&fold_name(name));
            if declare && !name.eq_ignore_ascii_case(UNNAMED) && seen.insert(fold_name(name)) {
                actors.push(name.to_string());
            }
        }
    }

    let mut out = String::new();
    out.push_str(&format!(
        "# Imported from {from}.\n\narticle: {article_name}\n"
    ));
    if let Some(date) = article
        .lines()
        .next()
        .and_then(|l| l.trim_start().strip_prefix("date "))
        .and_then(|l| l.split_whitespace().next())
        .filter(|d| is_calendar_date(d))
    {
        out.push_str(&format!("date: {date}\n"));
    }
    for a in &actors {
        out.push_str(&format!("\nactor {a}\n"));
        if let Some(list) = aliases.get(&fold_name(a)).filter(|l| !l.is_empty()) {
            out.push_str(&format!("  aka: {}\n", list.join(", ")));
        }
    }
    for c in claims {
        out.push_str(&format!("\nclaim {}\n", c.id));
        field(&mut out, "source", &c.source);
        if let Some(v) = &c.via {
            field(&mut out, "via", v);
        }
        if let Some(cue) = &c.cue {
            field(&mut out, "cue", cue);
        }
        for q in &c.quotes {
            field(&mut out, "quote", q);
        }
        if let Some(s) = &c.stance {
            field(&mut out, "stance", s);
        }
        for (k, v) in &c.relations {
            field(&mut out, k, v);
        }
        if !c.notes.is_empty() {
            field(&mut out, "note", &collapse(&c.notes.join("; ")));
        }
    }
    (out, actors.len())
}

fn event_claim<'a>(
    ann: &'a Ann,
    event: &'a Event,
    slice: &dyn Fn([usize; 2]) -> Option<&'a str>,
    used: &mut HashSet<&'a str>,
    result: &mut Imported,
) -> Option<Claim> {
    let _ = slice;
    let mut quotes = Vec::new();
    let mut sources = Vec::new();
    let mut cues = Vec::new();
    for (role, id) in &event.args {
        let Some(t) = ann.text_bound(id) else {
            result.lose("event argument naming a missing text-bound");
            continue;
        };
        used.insert(&t.id);
        let joined: Vec<&str> = t.fragments.iter().filter_map(|f| slice(*f)).collect();
        if !t.text.is_empty() && collapse(&joined.join(" ")) != collapse(&t.text) {
            result.change("text-bound whose text differs from the article at its offsets (the article's text is used)");
        }
        let mut texts = Vec::new();
        for f in &t.fragments {
            match slice(*f) {
                Some(s) => texts.push(s),
                None => result.lose("text-bound offsets outside the article"),
            }
        }
        if role.starts_with("Content") {
            for s in texts {
                if s.trim().is_empty() {
                    result.lose("content fragment of only spaces");
                    continue;
                }
                if s.trim().len() != s.len() {
                    result.change("content fragment with spaces at its ends (trimmed)");
                }
                quotes.push(s.trim().to_string());
            }
        } else if role.starts_with("Source") {
            sources.push(collapse(&texts.join(" ")));
        } else if role.starts_with("Cue") {
            cues.push(collapse(&texts.join(" ")));
        } else {
            result.lose(format!("event argument of role `{role}`"));
        }
    }
    if quotes.is_empty() {
        result.lose("attribution without content (a claim needs a quote)");
        return None;
    }
    let mut claim = Claim {
        id: event.id.to_lowercase(),
        source: String::new(),
        source_mention: None,
        via: None,
        cue: (!cues.is_empty()).then(|| cues.join(" ")),
        quotes,
        stance: None,
        relations: Vec::new(),
        notes: Vec::new(),
    };
    let mut export_source = None;
    let own: Vec<&str> = std::iter::once(event.id.as_str())
        .chain(event.args.iter().map(|(_, id)| id.as_str()))
        .chain(std::iter::once(event.trigger.as_str()))
        .collect();
    for note in ann
        .notes
        .iter()
        .filter(|n| own.contains(&n.target.as_str()))
    {
        if let Some(x) = read_export_note(&note.text) {
            if let Some(id) = x.id {
                claim.id = id;
            }
            for (k, v) in x.fields {
                match k.as_str() {
                    "source" => export_source = Some(v),
                    "via" => claim.via = Some(v),
                    "cue" => claim.cue = Some(v),
                    "stance" => claim.stance = Some(v),
                    "note" => claim.notes.push(v),
                    "supports" | "disputes" | "responds-to" => claim.relations.push((k, v)),
                    _ => result.lose(format!("`{k}` in an exporter note")),
                }
            }
        } else if let Some(q) = note.text.strip_prefix(UNRESOLVED_PREFIX) {
            // A quote the exporter could not place: kept, so `check` reports it again.
            claim.quotes.push(q.to_string());
        } else if !note.text.trim().is_empty() {
            claim.notes.push(note.text.trim().to_string());
        }
    }
    if sources.len() > 1 {
        result.change("attribution with several sources (joined with `and`)");
    }
    claim.source = match export_source {
        Some(s) => {
            let mention = sources.join(" and ");
            if !mention.is_empty() && fold_name(&mention) != fold_name(&s) {
                claim.source_mention = Some(mention);
            }
            s
        }
        None if sources.is_empty() => {
            result.change("attribution without a source (written as `source: unnamed`)");
            UNNAMED.to_string()
        }
        None => {
            let s = sources.join(" and ");
            if is_pronoun(&s) {
                result.change("pronoun source (kept as written)");
            }
            s
        }
    };
    Some(claim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_pronouns_and_ids() {
        assert!(is_named("The New York Post") && is_named("Clinton\u{2019}s aides"));
        assert!(!is_named("a source") && !is_named("He") && !is_named("Sources"));
        assert!(is_pronoun("They") && !is_pronoun("They all"));
        assert!(
            valid_id("e12") && valid_id("moscow-concern") && !valid_id("E1") && !valid_id("-x")
        );
    }

    #[test]
    fn reads_the_exporter_note() {
        let n = read_export_note(
            "claim baku; source: Azerbaijan; via: A, B; stance: denies; note: x; y",
        )
        .unwrap();
        assert_eq!(n.id.as_deref(), Some("baku"));
        assert_eq!(
            n.fields,
            vec![
                ("source".into(), "Azerbaijan".into()),
                ("via".into(), "A, B".into()),
                ("stance".into(), "denies".into()),
                ("note".into(), "x; y".into())
            ]
        );
        assert!(read_export_note("claim Not An Id").is_none());
        assert!(read_export_note("checked by Ann").is_none());
    }
}
