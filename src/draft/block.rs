//! Drafting one claim block from one attribution of the article, for an annotation that
//! exists already: what the editor's "Add a claim for this statement" inserts and what
//! C050's fix appends. (`claimls draft` writes a whole file; see the parent module.)
//!
//! The block names the speaker as the annotation declares them (or as the article writes
//! them), the chain without the header's publishers, the cue and the content copied from
//! the article, and a stance guessed from the cue's verb.

use crate::article::attribution::lexicon::reporting_lemma;
use crate::article::attribution::Attribution;
use crate::article::Article;
use crate::check::credit;
use crate::model::{fold_name, Actor, Annotation, UNNAMED};
use crate::text::collapse_whitespace;
use crate::text::Span;
use std::borrow::Borrow;
use std::collections::HashSet;
use std::hash::{BuildHasher, Hash};

/// Where a value is wrapped onto a continuation line.
const WIDTH: usize = 88;

/// One `claim` block (ending with a newline) for `attribution`, with an id no claim of
/// `model` has.
pub fn draft_claim_block(
    article: &Article,
    attribution: &Attribution,
    model: &Annotation,
) -> String {
    draft_among(article, attribution, model, &claim_ids(model)).0
}

/// The ids of the file's claims, for [`draft_among`].
pub fn claim_ids(model: &Annotation) -> HashSet<String> {
    model.claims.iter().map(|c| c.id.to_string()).collect()
}

/// The ids of the file's claims as borrowed from it, for [`draft_among`] when no id is
/// added: no copy of each (a check drafting C050's blocks makes this set for a file of
/// tens of thousands of claims).
pub fn claim_id_refs(model: &Annotation) -> rustc_hash::FxHashSet<&str> {
    model.claims.iter().map(|c| c.id.as_str()).collect()
}

/// A set of ids: owned or borrowed strings, any hasher.
pub trait IdSet {
    fn has(&self, id: &str) -> bool;
}

impl<S: Borrow<str> + Eq + Hash, H: BuildHasher> IdSet for HashSet<S, H> {
    fn has(&self, id: &str) -> bool {
        self.contains(id)
    }
}

/// Like [`draft_claim_block`], adding the new id to `taken` (for drafting several blocks
/// into one file).
pub fn draft_with_ids(
    article: &Article,
    att: &Attribution,
    model: &Annotation,
    taken: &mut HashSet<String>,
) -> String {
    let (block, id) = draft_among(article, att, model, taken);
    taken.insert(id);
    block
}

/// A drafted claim block whose id is none of `taken`, with that id. Checks draft one block
/// per unannotated statement on every run: they build `taken` once, not per block.
pub fn draft_among(
    article: &Article,
    att: &Attribution,
    model: &Annotation,
    taken: &impl IdSet,
) -> (String, String) {
    draft_from(article, att, model, taken, |span| {
        credit::actor_at(model, article, span)
    })
}

/// [`draft_among`] with the actors' mentions indexed once, for drafting a block per
/// statement of a large article.
pub fn draft_among_in(
    article: &Article,
    att: &Attribution,
    model: &Annotation,
    taken: &impl IdSet,
    actors: &credit::ActorSpans,
) -> (String, String) {
    draft_from(article, att, model, taken, |span| {
        actors.actor_at(model, span)
    })
}

fn draft_from<'m>(
    article: &Article,
    att: &Attribution,
    model: &'m Annotation,
    taken: &impl IdSet,
    actor_at: impl Fn(Span) -> Option<&'m Actor>,
) -> (String, String) {
    let source = [att.resolved(), att.source()]
        .into_iter()
        .flatten()
        .find_map(&actor_at)
        .map(|a| a.name.clone())
        .or_else(|| credit::speaker_text(article, att))
        .unwrap_or_else(|| UNNAMED.to_string());
    let publishers: Vec<String> = model
        .header
        .publishers()
        .iter()
        .map(|p| fold_name(&p.text))
        .collect();
    let mut via: Vec<String> = Vec::new();
    for span in att.chain() {
        let name = actor_at(*span)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| clean(span.slice(&article.text)));
        if !name.is_empty()
            && !publishers.contains(&fold_name(&name))
            && !via.iter().any(|v| fold_name(v) == fold_name(&name))
            && fold_name(&name) != fold_name(&source)
        {
            via.push(name);
        }
    }
    // The cue with the addressee right after it, as the article writes it (`told Sputnik`).
    let cue = att.cue().map(|c| {
        let span = match att.addressee() {
            Some(a) if a.start >= c.end && a.start - c.end <= 2 => {
                if article.text[c.end..a.start].trim().is_empty() {
                    c.cover(a)
                } else {
                    c
                }
            }
            _ => c,
        };
        clean(span.slice(&article.text))
    });
    let quotes: Vec<String> = att
        .content
        .iter()
        .map(|c| clean(c.slice(&article.text)))
        .filter(|q| !q.is_empty())
        .collect();
    let id = unique_id(&source, quotes.first().map_or("", String::as_str), taken);

    let mut out = format!("claim {id}\n");
    field(&mut out, "source", &source);
    if !via.is_empty() {
        field(&mut out, "via", &via.join(", "));
    }
    if let Some(cue) = cue.filter(|c| !c.is_empty()) {
        field(&mut out, "cue", &cue);
    }
    for q in &quotes {
        field(&mut out, "quote", q);
    }
    field(&mut out, "stance", stance_guess(cue_lemma(article, att)));
    (out, id)
}

/// The text of a span as one line: whitespace runs as one space, no `#` at a line start.
fn clean(s: &str) -> String {
    collapse_whitespace(s).trim().to_string()
}

/// `  name: value`, wrapped at word boundaries onto lines indented four spaces.
fn field(out: &mut String, name: &str, value: &str) {
    let mut line = format!("  {name}:");
    let mut first = true;
    for word in value.split(' ').filter(|w| !w.is_empty()) {
        // A continuation line starting with `#` would read as a comment: keep such a word
        // on the current line.
        let fits = line.chars().count() + 1 + word.chars().count() <= WIDTH;
        if !first && !fits && !word.starts_with('#') {
            out.push_str(&line);
            out.push('\n');
            line = format!("    {word}");
        } else {
            line.push(' ');
            line.push_str(word);
        }
        first = false;
    }
    out.push_str(&line);
    out.push('\n');
}

/// The lemma of the cue's first reporting verb.
fn cue_lemma(article: &Article, att: &Attribution) -> Option<&'static str> {
    let cue = att.cue()?.slice(&article.text);
    cue.split(|c: char| !c.is_alphanumeric())
        .find_map(|w| reporting_lemma(&w.to_lowercase()))
}

/// The stance a cue verb suggests (the lexicon's); `asserts` when it says nothing more.
pub fn stance_guess(lemma: Option<&str>) -> &'static str {
    lemma.map_or("asserts", crate::article::attribution::lexicon::stance_of)
}

/// A claim id from the source's last word and the content's first words, made unique by a
/// number: `peston-prime-minister`, `peston-prime-minister-2`.
fn unique_id(source: &str, content: &str, taken: &impl IdSet) -> String {
    let slug = |s: &str, n: usize, skip_small: bool| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(super::id_word)
            .filter(|w| !(w.is_empty() || skip_small && w.len() < 4))
            .take(n)
            .collect()
    };
    let mut parts: Vec<String> = slug(source, 8, false).into_iter().rev().take(1).collect();
    parts.extend(slug(content, 2, true));
    if parts.is_empty() {
        parts.push("claim".to_string());
    }
    let base = parts.join("-");
    let mut id = base.clone();
    let mut n = 2;
    while taken.has(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::attribution::{Confidence, ContentKind};
    use crate::check::Parsed;
    use crate::text::Span;

    const ARTICLE: &str = "date 2020-10-02 Headline\n\nMr Peston told Sky News that the prime minister would resign. He said: \"We are #1 now.\"\n";

    fn span(needle: &str) -> Span {
        let at = ARTICLE.find(needle).expect(needle);
        Span::new(at, at + needle.len())
    }

    fn attribution() -> Attribution {
        Attribution::from(crate::article::attribution::Parts {
            content: vec![span("the prime minister would resign")],
            kind: ContentKind::Indirect,
            cue: Some(span("told")),
            source: Some(span("Mr Peston")),
            resolved: None,
            addressee: Some(span("Sky News")),
            chain: vec![],
            confidence: Confidence::High,
        })
    }

    #[test]
    fn drafts_a_block_that_parses_and_names_the_declared_actor() {
        let article = Article::new(ARTICLE);
        let parsed = Parsed::new(
            "article: a.txt\n\nactor Robert Peston\n  aka: Mr Peston\n  kind: person\n\nclaim peston-prime-minister\n  source: Robert Peston\n  quote: x\n",
        );
        let block = draft_claim_block(&article, &attribution(), &parsed.model);
        assert_eq!(
            block,
            "claim peston-prime-minister-2\n  source: Robert Peston\n  cue: told Sky News\n  quote: the prime minister would resign\n  stance: asserts\n"
        );
        let again = Parsed::new(format!("{}\n{block}", parsed.text));
        assert!(again.structural.is_empty(), "{:?}", again.structural);
        assert_eq!(again.model.claims.len(), 2);
    }

    #[test]
    fn drafting_among_borrowed_ids_takes_the_same_id_as_among_owned_ones() {
        let article = Article::new(ARTICLE);
        let parsed = Parsed::new(
            "article: a.txt\n\nclaim peston-prime-minister\n  source: Mr Peston\n  quote: x\n\nclaim peston-prime-minister-2\n  source: Mr Peston\n  quote: y\n",
        );
        let model = &parsed.model;
        let owned = claim_ids(model);
        let borrowed = claim_id_refs(model);
        assert_eq!(borrowed.len(), owned.len());
        assert!(owned.iter().all(|id| borrowed.has(id)));
        let (block, id) = draft_among(&article, &attribution(), model, &owned);
        assert_eq!(id, "peston-prime-minister-3");
        assert_eq!(
            draft_among(&article, &attribution(), model, &borrowed),
            (block, id)
        );
    }

    #[test]
    fn undeclared_speaker_keeps_the_article_words_and_chain_skips_publishers() {
        let article = Article::new(ARTICLE);
        let parsed = Parsed::new("article: a.txt\npublisher: Sky News\n");
        let mut att = attribution();
        att.content = vec![span("We are #1 now.")].into();
        att.set_chain(vec![span("Sky News")]);
        let block = draft_claim_block(&article, &att, &parsed.model);
        assert!(block.starts_with("claim peston\n"), "{block}");
        assert!(block.contains("  source: Mr Peston\n"), "{block}");
        assert!(!block.contains("via:"), "{block}");
        let parsed2 = Parsed::new("article: a.txt\n");
        let block2 = draft_claim_block(&article, &att, &parsed2.model);
        assert!(block2.contains("  via: Sky News\n"), "{block2}");
    }

    #[test]
    fn long_values_wrap_without_starting_a_line_with_a_hash() {
        let mut out = String::new();
        let long = format!("{} #tag end", "word ".repeat(17).trim());
        field(&mut out, "quote", &long);
        assert!(out.lines().count() >= 2, "{out}");
        assert!(
            out.lines().all(|l| !l.trim_start().starts_with('#')),
            "{out}"
        );
        assert_eq!(
            crate::text::collapse_whitespace(&out.replace("  quote:", "")).trim(),
            long
        );
    }

    #[test]
    fn stance_from_cue() {
        assert_eq!(stance_guess(Some("deny")), "denies");
        assert_eq!(stance_guess(Some("accuse")), "accuses");
        assert_eq!(stance_guess(Some("say")), "asserts");
        assert_eq!(stance_guess(None), "asserts");
    }
}
