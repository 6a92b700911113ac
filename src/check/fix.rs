//! Fix-all: apply every safe fix of a file at once (`claimls check --fix`, and the
//! editor's "Fix all"). Fixes are applied in rounds (a fixed field name can reveal a
//! stance to fix), never two overlapping edits in one round, and the text is checked
//! again after each round, so what is left is exactly what a fresh check reports.

use super::{check, ArticleRef, ClaimCache, Parsed};
use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic};

/// Rounds at most: each round removes findings, so real files settle in one or two.
const MAX_ROUNDS: usize = 8;

/// Whether a fix may be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Safety {
    /// Restores what the article or the format says: the article's exact characters for a
    /// quote copied with a typo or other quotation marks, a misspelt field name, stance or
    /// kind, the article's date.
    Safe,
    /// Changes what the annotation claims (who said it, which claim it answers) or adds
    /// text: applied only with `--unsafe-fixes`.
    Unsafe,
}

/// How safe `d`'s fix is, or `None` without a fix. `text` is the annotation.
pub fn safety(d: &Diagnostic, text: &str) -> Option<Safety> {
    let fix = d.fix.as_ref()?;
    let safe = match d.code {
        Code::UnknownField
        | Code::QuoteNormalized
        | Code::DateMismatch
        | Code::UnknownStance
        | Code::UnknownActorKind => true,
        // A near miss is a copying slip only while the quote stays mostly the same: a
        // replacement that rewrites much of it may be another sentence of the article.
        Code::QuoteNearMiss => fix.edits.iter().all(|e| {
            text.get(e.span.start..e.span.end)
                .is_some_and(|old| small_change(old, &e.replacement))
        }),
        _ => false,
    };
    Some(if safe { Safety::Safe } else { Safety::Unsafe })
}

/// A copying slip: a few characters (at most two, or a tenth of the quote) or at most a
/// fifth of the words changed, with at least one word kept.
fn small_change(old: &str, new: &str) -> bool {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    if a.is_empty() || b.is_empty() || a.len() > 4000 || b.len() > 4000 {
        return false;
    }
    let (old_chars, new_chars) = (a.join(" "), b.join(" "));
    let length = old_chars.chars().count().max(new_chars.chars().count());
    if length <= 2000 && strsim::levenshtein(&old_chars, &new_chars) <= (length / 10).max(2) {
        return true;
    }
    let distance = word_distance(&a, &b);
    distance * 5 <= a.len().max(b.len()) && distance < a.len().max(b.len())
}

/// Edit distance in words (insertions, deletions, substitutions), two rows of memory.
fn word_distance(a: &[&str], b: &[&str]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(x != y);
            row[j + 1] = sub.min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// One applied fix, for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub code: Code,
    pub title: String,
    /// Line (1-based) of the fixed finding in the text before its round.
    pub line: usize,
}

/// The outcome of [`fix_all`].
#[derive(Debug)]
pub struct FixOutcome {
    /// The fixed annotation (the input when nothing applied).
    pub text: String,
    pub applied: Vec<Applied>,
    /// The findings of the fixed text, as a fresh check gives them.
    pub remaining: Vec<Diagnostic>,
}

/// Applies every fix of `text`'s findings that is safe (or every fix, with
/// `include_unsafe`), round after round, and checks the result.
pub fn fix_all(
    text: &str,
    article: ArticleRef<'_>,
    config: &Config,
    include_unsafe: bool,
) -> FixOutcome {
    let mut parsed = Parsed::new(text);
    let mut diagnostics = check(&parsed, article, config, &mut ClaimCache::disabled());
    let mut applied = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let mut chosen: Vec<(&Diagnostic, &crate::diagnostic::Edit)> = Vec::new();
        for d in &diagnostics {
            let wanted = match safety(d, &parsed.text) {
                Some(Safety::Safe) => true,
                Some(Safety::Unsafe) => include_unsafe,
                None => false,
            };
            if wanted {
                if let Some(fix) = &d.fix {
                    chosen.extend(fix.edits.iter().map(|e| (d, e)));
                }
            }
        }
        // Non-overlapping edits only (two fixes of one span are never both right);
        // insertions at the same point are kept apart by their order.
        chosen.sort_by_key(|(_, e)| (e.span.start, e.span.end));
        let mut kept: Vec<(&Diagnostic, &crate::diagnostic::Edit)> = Vec::new();
        let mut end = 0;
        for (d, e) in chosen {
            let valid = e.span.end <= parsed.text.len()
                && parsed.text.is_char_boundary(e.span.start)
                && parsed.text.is_char_boundary(e.span.end);
            if valid && e.span.start >= end {
                end = e.span.end;
                kept.push((d, e));
            }
        }
        if kept.is_empty() {
            break;
        }
        let lines = crate::text::LineIndex::new(&parsed.text);
        // A file written with CRLF keeps CRLF in the lines a fix adds.
        let crlf = parsed.text.contains("\r\n");
        let mut next = parsed.text.clone();
        for (d, e) in kept.iter().rev() {
            let replacement = if crlf && e.replacement.contains('\n') {
                e.replacement.replace("\r\n", "\n").replace('\n', "\r\n")
            } else {
                e.replacement.to_string()
            };
            next.replace_range(e.span.start..e.span.end, &replacement);
            applied.push(Applied {
                code: d.code,
                title: d
                    .fix
                    .as_ref()
                    .map_or_else(String::new, |f| f.title.to_string()),
                line: lines.line_of(d.span.start) + 1,
            });
        }
        parsed = Parsed::new(next);
        diagnostics = check(&parsed, article, config, &mut ClaimCache::disabled());
    }
    applied.sort_by_key(|a| a.line);
    FixOutcome {
        text: parsed.text,
        applied,
        remaining: diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use proptest::prelude::*;
    use std::sync::Arc;

    const CLAIMS: &str = include_str!("../../examples/000_a935861ad7be96ce.claims");
    const ARTICLE: &str = include_str!("../../examples/000_a935861ad7be96ce.txt");

    /// Plants one copying mistake of kind `kind` at the `at`-th place it fits.
    fn plant(text: &str, kind: u8, at: usize) -> String {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let fits = |l: &str| match kind {
            // A letter changed in a long word of a quote.
            0 => {
                l.starts_with("  quote: ")
                    && l.split_whitespace()
                        .skip(1)
                        .any(|w| w.len() >= 6 && w.chars().all(char::is_alphabetic))
            }
            1 => l.starts_with("  stance: "),
            2 => l.starts_with("  cue: "),
            3 => l.starts_with("date: "),
            _ => l.starts_with("  quote: ") && l.contains('\''),
        };
        let places: Vec<usize> = (0..lines.len()).filter(|&i| fits(lines[i])).collect();
        if places.is_empty() {
            return text.to_string();
        }
        let i = places[at % places.len()];
        let line = lines[i];
        let changed = match kind {
            0 => {
                let word = line
                    .split_whitespace()
                    .skip(1)
                    .find(|w| w.len() >= 6 && w.chars().all(char::is_alphabetic))
                    .unwrap();
                let mut typo: Vec<char> = word.chars().collect();
                let k = typo.len() / 2;
                typo[k] = if typo[k] == 'x' { 'z' } else { 'x' };
                line.replacen(word, &typo.into_iter().collect::<String>(), 1)
            }
            1 => line.replacen("e", "", 1),
            2 => line.replacen("cue:", "cuee:", 1),
            3 => "date: 2020-10-03\n".to_string(),
            _ => line.replacen('\'', "\u{2019}", 1),
        };
        let mut out: String = lines[..i].concat();
        out.push_str(&changed);
        out.push_str(&lines[i + 1..].concat());
        out
    }

    fn quotes(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        let parsed = Parsed::new(text);
        parsed
            .model
            .claims
            .iter()
            .map(|c| {
                (
                    c.id.to_string(),
                    c.source_name().map(str::to_string),
                    c.quotes
                        .iter()
                        .map(|q| {
                            q.value
                                .text
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .collect(),
                )
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Over randomly broken copies of the example: fixing leaves no safely fixable
        /// finding, keeps every claim, its id and source, and gives back the article's
        /// words for every quote.
        #[test]
        fn fixing_broken_copies_restores_them_and_keeps_every_claim(
            mistakes in proptest::collection::vec((0u8..5, 0usize..64), 1..5)
        ) {
            let article = Arc::new(Article::new(ARTICLE));
            let config = Config::default();
            let mut broken = CLAIMS.to_string();
            for (kind, at) in &mistakes {
                broken = plant(&broken, *kind, *at);
            }
            let outcome = fix_all(&broken, ArticleRef::Loaded(&article), &config, false);
            for d in &outcome.remaining {
                prop_assert_ne!(safety(d, &outcome.text), Some(Safety::Safe), "{:?}", d);
            }
            prop_assert_eq!(quotes(&outcome.text), quotes(CLAIMS));
            let fresh = check(&Parsed::new(outcome.text.as_str()), ArticleRef::Loaded(&article), &config, &mut ClaimCache::disabled());
            prop_assert_eq!(&fresh, &outcome.remaining);
        }
    }

    #[test]
    fn word_distance_counts_word_edits() {
        assert_eq!(word_distance(&["a", "b", "c"], &["a", "x", "c"]), 1);
        assert_eq!(word_distance(&["a", "b", "c"], &["a", "c"]), 1);
        assert_eq!(word_distance(&[], &["a"]), 1);
    }

    #[test]
    fn a_near_miss_is_safe_only_while_small() {
        let old = "Moscow was concerned about reports about the transfer of militants";
        assert!(small_change(
            old,
            &old.replace("concerned about", "concerned over")
        ));
        assert!(!small_change(
            old,
            "The ministry said nothing about this at all"
        ));
        assert!(!small_change("one", "two"));
        assert!(small_change(
            "the recxnt escalation",
            "the recent escalation"
        ));
        assert!(!small_change("the recent escalation", "the recent talks"));
    }
}
