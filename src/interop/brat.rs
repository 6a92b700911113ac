//! brat standoff (`.ann` beside the article's `.txt`), in the PARC / PolNeAR attribution
//! scheme: text-bounds labelled `Source`, `Cue` and `Content` (discontinuous content as
//! `start end;start end`), and one `Attribution` event per claim whose trigger is the cue
//! (`Attribution-no-source` for a claim with `source: unnamed`). Offsets count code
//! points, as brat does. What the scheme has no place for (the claim id, stance,
//! intermediaries, relations, notes, a quote the article does not hold) goes into an
//! `AnnotatorNotes` line on the event, which `claimls import brat` reads back.
//!
//! Also the `.ann` reader the importer uses.

use super::{one_line, Resolved, ResolvedClaim};
use crate::model::UNNAMED;

/// The start of the notes this exporter writes on each event.
pub const NOTE_PREFIX: &str = "claim ";
/// The note marking a quote the article does not hold.
pub const UNRESOLVED_PREFIX: &str = "unresolved quote: ";

struct Writer {
    out: String,
    t: usize,
    e: usize,
    n: usize,
}

impl Writer {
    fn text_bound(&mut self, label: &str, fragments: &[[usize; 2]], text: &str) -> String {
        self.t += 1;
        let offsets: Vec<String> = fragments.iter().map(|[s, e]| format!("{s} {e}")).collect();
        self.out.push_str(&format!(
            "T{}\t{label} {}\t{}\n",
            self.t,
            offsets.join(";"),
            brat_text(text)
        ));
        format!("T{}", self.t)
    }

    fn note(&mut self, target: &str, text: &str) {
        self.n += 1;
        self.out.push_str(&format!(
            "#{}\tAnnotatorNotes {target}\t{}\n",
            self.n,
            one_line(text)
        ));
    }
}

/// Text as brat shows it on one line: tabs and line breaks become spaces.
fn brat_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The note carrying what the PARC scheme has no place for.
pub fn claim_note(c: &ResolvedClaim) -> String {
    let mut note = format!("{NOTE_PREFIX}{}", c.id);
    if let Some(s) = &c.source {
        note.push_str(&format!("; source: {}", s.name));
    }
    if !c.via.is_empty() {
        note.push_str(&format!("; via: {}", c.via_text()));
    }
    if let Some(cue) = &c.cue {
        note.push_str(&format!("; cue: {}", cue.name));
    }
    if let Some(s) = &c.stance {
        note.push_str(&format!("; stance: {s}"));
    }
    for r in &c.relations {
        note.push_str(&format!("; {}: {}", r.kind, r.target));
    }
    if let Some(n) = &c.note {
        note.push_str(&format!("; note: {}", one_line(n)));
    }
    note
}

/// Writes one claim; `false` when nothing of it (cue, quote, source) is in the article.
fn claim(w: &mut Writer, c: &ResolvedClaim) -> bool {
    let unnamed = c
        .source
        .as_ref()
        .is_none_or(|s| s.name.eq_ignore_ascii_case(UNNAMED));
    let source = c
        .source
        .as_ref()
        .and_then(|s| s.article.as_ref())
        .filter(|_| !unnamed)
        .map(|a| w.text_bound("Source", &[a.chars], &a.text));
    let cue_span = c.cue.as_ref().and_then(|s| s.article.as_ref());
    let cue = cue_span.map(|a| w.text_bound("Cue", &[a.chars], &a.text));
    let fragments: Vec<[usize; 2]> = c.parts().map(|p| p.article.chars).collect();
    let texts: Vec<&str> = c.parts().map(|p| p.article.text.as_str()).collect();
    let content =
        (!fragments.is_empty()).then(|| w.text_bound("Content", &fragments, &texts.join(" ")));
    let kind = if unnamed {
        "Attribution-no-source"
    } else {
        "Attribution"
    };
    // The event's trigger is the cue, as in PARC and PolNeAR; without a cue in the
    // article, the start of the content.
    let trigger_at = cue_span
        .map(|a| (a.chars, a.text.clone()))
        .or_else(|| {
            c.parts()
                .next()
                .map(|p| (p.article.chars, p.article.text.clone()))
        })
        .or_else(|| {
            c.source
                .as_ref()
                .and_then(|s| s.article.as_ref())
                .map(|a| (a.chars, a.text.clone()))
        });
    let Some((at, text)) = trigger_at else {
        // Nothing of the claim is in the article: brat has nowhere to put it.
        return false;
    };
    let trigger = w.text_bound(kind, &[at], &text);
    w.e += 1;
    let mut args = format!("E{}\t{kind}:{trigger}", w.e);
    if let Some(t) = &content {
        args.push_str(&format!(" Content:{t}"));
    }
    if let Some(t) = &cue {
        args.push_str(&format!(" Cue:{t}"));
    }
    if let Some(t) = &source {
        args.push_str(&format!(" Source:{t}"));
    }
    w.out.push_str(&args);
    w.out.push('\n');
    let event = format!("E{}", w.e);
    w.note(&event, &claim_note(c));
    for q in c.quotes.iter().filter(|q| !q.resolved) {
        w.note(&event, &format!("{UNRESOLVED_PREFIX}{}", q.text));
    }
    true
}

/// The `.ann` text for one annotation (the `.txt` beside it is the article, unchanged),
/// with the ids of the claims that had nothing in the article to anchor to (brat cannot
/// hold those; the caller reports them).
pub fn render(a: &Resolved) -> (String, Vec<String>) {
    let mut w = Writer {
        out: String::new(),
        t: 0,
        e: 0,
        n: 0,
    };
    let mut skipped = Vec::new();
    for c in &a.claims {
        if !claim(&mut w, c) {
            skipped.push(c.id.clone());
        }
    }
    (w.out, skipped)
}

/// A text-bound annotation (`T` line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBound {
    pub id: String,
    pub label: String,
    /// `[start, end)` fragments in code points, as written.
    pub fragments: Vec<[usize; 2]>,
    pub text: String,
    /// One-based line in the `.ann` file.
    pub line: usize,
}

/// An event (`E` line): type with trigger, then `Role:Id` arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub label: String,
    pub trigger: String,
    pub args: Vec<(String, String)>,
    pub line: usize,
}

/// An `AnnotatorNotes` line (`#` id, target id, text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub target: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ann {
    pub text_bounds: Vec<TextBound>,
    pub events: Vec<Event>,
    pub notes: Vec<Note>,
    /// Lines of other kinds (relations, attributes, normalizations, equivalences) by
    /// their kind letter: `(line, kind)`.
    pub other: Vec<(usize, char)>,
    /// Lines that could not be read: `(line, why)`.
    pub malformed: Vec<(usize, String)>,
}

impl Ann {
    pub fn text_bound(&self, id: &str) -> Option<&TextBound> {
        self.text_bounds.iter().find(|t| t.id == id)
    }
}

fn parse_fragments(s: &str) -> Option<Vec<[usize; 2]>> {
    s.split(';')
        .map(|f| {
            let mut it = f.split_whitespace();
            let start = it.next()?.parse().ok()?;
            let end = it.next()?.parse().ok()?;
            (it.next().is_none() && start <= end).then_some([start, end])
        })
        .collect()
}

/// Reads a `.ann` file. Never fails: what it cannot read is listed in `malformed`.
pub fn parse(text: &str) -> Ann {
    let mut ann = Ann::default();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        let mut cols = raw.splitn(3, '\t');
        let id = cols.next().unwrap_or("");
        let mid = cols.next();
        let rest = cols.next();
        let Some(kind) = id.chars().next() else {
            ann.malformed.push((line, "a line without an id".into()));
            continue;
        };
        match kind {
            'T' => {
                let parsed = mid.and_then(|m| {
                    let (label, offsets) = m.split_once(' ')?;
                    Some((label.to_string(), parse_fragments(offsets)?))
                });
                match parsed {
                    Some((label, fragments)) => ann.text_bounds.push(TextBound {
                        id: id.to_string(),
                        label,
                        fragments,
                        text: rest.unwrap_or("").to_string(),
                        line,
                    }),
                    None => ann
                        .malformed
                        .push((line, format!("text-bound `{id}` has no readable offsets"))),
                }
            }
            'E' => {
                let mut parts = mid.unwrap_or("").split_whitespace();
                let head = parts.next().and_then(|h| h.split_once(':'));
                match head {
                    Some((label, trigger)) => ann.events.push(Event {
                        id: id.to_string(),
                        label: label.to_string(),
                        trigger: trigger.to_string(),
                        args: parts
                            .filter_map(|a| a.split_once(':'))
                            .map(|(r, t)| (r.to_string(), t.to_string()))
                            .collect(),
                        line,
                    }),
                    None => ann
                        .malformed
                        .push((line, format!("event `{id}` has no `Type:Trigger`"))),
                }
            }
            '#' => {
                let target = mid
                    .and_then(|m| m.split_whitespace().nth(1))
                    .unwrap_or("")
                    .to_string();
                ann.notes.push(Note {
                    target,
                    text: rest.unwrap_or("").to_string(),
                });
            }
            other => ann.other.push((line, other)),
        }
    }
    ann
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_discontinuous_events_notes_and_bad_lines() {
        let ann = parse(
            "T1\tSource 0 5\tAlice\nT2\tContent 10 20;25 30\tx y\nE1\tAttribution:T3 Content:T2 Source:T1\n#1\tAnnotatorNotes E1\tchecked\nR1\tCoref Arg1:T1 Arg2:T2\nT9\tCue x y\tbad\n",
        );
        assert_eq!(ann.text_bounds.len(), 2);
        assert_eq!(ann.text_bounds[1].fragments, vec![[10, 20], [25, 30]]);
        assert_eq!(ann.events[0].trigger, "T3");
        assert_eq!(ann.events[0].args[1], ("Source".into(), "T1".into()));
        assert_eq!(ann.notes[0].target, "E1");
        assert_eq!(ann.other, vec![(5, 'R')]);
        assert_eq!(ann.malformed.len(), 1);
    }
}
