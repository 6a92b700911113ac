//! Go to definition and the document outline.

use super::hover::{cue_window, words_in};
use super::locate::{head_span, owner_of_block, place_at, Owner, Place};
use super::markdown::{clip, collapse};
use super::names::quote_anchor;
use super::{Symbol, SymbolKind, Target};
use crate::article::{Article, QuoteSearch};
use crate::check::place::place_quote;
use crate::check::{cue, mentions_of, Parsed};
use crate::model::{Annotation, RelationKind};
use crate::text::Span;

/// Where the thing at byte `offset` is defined or evidenced: a quote's span in the article,
/// an actor's declaration (or first mention), a claim's head.
pub fn definition(parsed: &Parsed, article: Option<&Article>, offset: usize) -> Option<Target> {
    let model = &parsed.model;
    match place_at(parsed, offset) {
        Place::ActorHead(i) => {
            let actor = model.actors.get(i)?;
            let first = mentions_of(model, article?, &actor.name)
                .into_iter()
                .next()?;
            Some(Target::Article(first))
        }
        Place::ClaimHead(i) => Some(Target::Article(quote_anchor(
            article?,
            model,
            model.claims.get(i)?,
        )?)),
        Place::Key(_) | Place::Nothing => None,
        Place::Value(field) => match (field.owner, field.name) {
            (Owner::Claim(i), "quote") => {
                let a = article?;
                let text = &field.value.text;
                let at = field.value.text_offset(offset).unwrap_or(0);
                match place_quote(a, model, &[], model.claims.get(i)?, text).0 {
                    QuoteSearch::Found { parts, .. } => {
                        let part = parts
                            .iter()
                            .find(|p| p.quote.touches(at))
                            .unwrap_or(&parts[0]);
                        Some(Target::Article(part.article))
                    }
                    QuoteSearch::NotFound { closest, .. } => {
                        closest.map(|(span, _)| Target::Article(span))
                    }
                }
            }
            (Owner::Claim(_), "source") => name_target(model, article, field.value.text.as_str()),
            (Owner::Claim(_), "via") | (Owner::Header, "publisher") => {
                name_target(model, article, &field.item_at(offset)?.text)
            }
            (Owner::Actor(_), "aka") => {
                let item = field.item_at(offset)?;
                article?
                    .mentions(&item.text, false)
                    .first()
                    .map(|m| Target::Article(*m))
            }
            (Owner::Claim(_), name) if RelationKind::from_field(name).is_some() => {
                let item = field.item_at(offset)?;
                model.claim(&item.text).map(|c| Target::File(c.id_span()))
            }
            (Owner::Claim(i), "cue") => {
                let a = article?;
                let anchor = quote_anchor(a, model, model.claims.get(i)?)?;
                // The cue word under the cursor, else the first.
                let cue_text = field.value.text.as_str();
                let at = field.value.text_offset(offset).unwrap_or(0);
                let words = cue::content_words(cue_text);
                let word = words
                    .iter()
                    .find(|w| {
                        let start = w.as_ptr() as usize - cue_text.as_ptr() as usize;
                        (start..=start + w.len()).contains(&at)
                    })
                    .or(words.first())?;
                let stem = cue::stem(word, &[]);
                let window = cue_window(a, anchor);
                let (first, last) = (
                    a.sentences().get(window.start)?,
                    a.sentences().get(window.end.checked_sub(1)?)?,
                );
                words_in(&a.text, Span::new(first.span().start, last.span().end))
                    .into_iter()
                    .filter(|w| cue::stem(w.slice(&a.text), &[]) == stem)
                    .min_by_key(|w| {
                        if w.end <= anchor.start {
                            anchor.start - w.end
                        } else {
                            w.start.saturating_sub(anchor.end)
                        }
                    })
                    .map(Target::Article)
            }
            (Owner::Header, "article") => article.map(|_| Target::Article(Span::empty(0))),
            (Owner::Header, "date") => article?
                .date
                .as_ref()
                .map(|(_, span)| Target::Article(*span)),
            _ => None,
        },
    }
}

/// Every place the thing at byte `offset` is defined or evidenced: each part's span for a
/// quote with elided parts (in order), else what [`definition`] gives.
pub fn definitions(parsed: &Parsed, article: Option<&Article>, offset: usize) -> Vec<Target> {
    if let (Place::Value(field), Some(a)) = (place_at(parsed, offset), article) {
        let claim = match field.owner {
            Owner::Claim(i) => parsed.model.claims.get(i),
            _ => None,
        };
        if let ("quote", Some(claim)) = (field.name, claim) {
            if let QuoteSearch::Found { parts, .. } =
                place_quote(a, &parsed.model, &[], claim, &field.value.text).0
            {
                if parts.len() > 1 {
                    return parts.iter().map(|p| Target::Article(p.article)).collect();
                }
            }
        }
    }
    definition(parsed, article, offset).into_iter().collect()
}

/// A declared actor's name, else the name's first mention in the article.
fn name_target(model: &Annotation, article: Option<&Article>, name: &str) -> Option<Target> {
    if name.is_empty() {
        return None;
    }
    if let Some(actor) = model.actor(name) {
        return Some(Target::File(actor.name_span));
    }
    article?
        .mentions(name, false)
        .first()
        .map(|m| Target::Article(*m))
}

/// The outline: header fields, then every actor (with its aliases) and claim (with its
/// fields) in file order.
pub fn symbols(parsed: &Parsed) -> Vec<Symbol> {
    let text = &parsed.text;
    let tree = &parsed.tree;
    let model = &parsed.model;
    let field_symbol = |node: &crate::syntax::FieldNode, kind: SymbolKind| {
        let value: Vec<&str> = node
            .pieces
            .iter()
            .map(|p| p.slice(text))
            .filter(|p| !p.is_empty())
            .collect();
        let value = collapse(&value.join(" "));
        Symbol {
            name: node.key().slice(text).to_string(),
            detail: (!value.is_empty()).then(|| clip(&value, 60)),
            kind,
            span: node.span(),
            selection: node.key(),
            children: Vec::new(),
        }
    };
    let mut out: Vec<Symbol> = tree
        .header
        .iter()
        .map(|n| field_symbol(n, SymbolKind::Header))
        .collect();
    for (b, block) in tree.blocks.iter().enumerate() {
        let head = head_span(block);
        let span = block.span().cover(head);
        match owner_of_block(tree, b) {
            Owner::Actor(i) => {
                let Some(actor) = model.actors.get(i) else {
                    continue;
                };
                let named = !actor.name.is_empty();
                out.push(Symbol {
                    name: if named {
                        actor.name.clone()
                    } else {
                        "(actor without a name)".into()
                    },
                    detail: actor
                        .kind_str()
                        .filter(|k| !k.is_empty())
                        .map(str::to_string),
                    kind: SymbolKind::Actor,
                    span,
                    selection: if named { actor.name_span } else { head },
                    children: actor
                        .aliases
                        .iter()
                        .map(|a| Symbol {
                            name: a.text.clone(),
                            detail: Some("alias".into()),
                            kind: SymbolKind::Alias,
                            span: a.span,
                            selection: a.span,
                            children: Vec::new(),
                        })
                        .collect(),
                });
            }
            Owner::Claim(i) => {
                let Some(claim) = model.claims.get(i) else {
                    continue;
                };
                let named = !claim.id.is_empty();
                let mut detail = claim.source_name().map(str::to_string).unwrap_or_default();
                let via: Vec<String> = claim.via_items().into_iter().map(|v| v.text).collect();
                if !via.is_empty() {
                    detail.push_str(&format!(" via {}", via.join(", ")));
                }
                out.push(Symbol {
                    name: if named {
                        claim.id.to_string()
                    } else {
                        "(claim without an id)".into()
                    },
                    detail: (!detail.is_empty()).then_some(detail),
                    kind: SymbolKind::Claim,
                    span,
                    selection: if named { claim.id_span() } else { head },
                    children: tree
                        .fields(block)
                        .map(|n| {
                            let kind = match n.key().slice(text) {
                                "quote" => SymbolKind::Quote,
                                k if RelationKind::from_field(k).is_some() => SymbolKind::Relation,
                                _ => SymbolKind::Field,
                            };
                            field_symbol(&n, kind)
                        })
                        .collect(),
                });
            }
            Owner::Header => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{article, at, parsed};

    #[test]
    fn quote_jumps_to_its_article_span() {
        let p = parsed();
        let a = article();
        let Some(Target::Article(span)) =
            definition(&p, Some(&a), at(&p, "quote: These accusations", 10))
        else {
            panic!("no target")
        };
        assert_eq!(span.slice(&a.text), "These accusations");
        assert_eq!(a.line_number(span.start), 23);
    }

    #[test]
    fn a_quote_with_elided_parts_gives_every_part() {
        let p = Parsed::new(
            "article: x.txt\n\nclaim c\n  source: S\n  quote: Moscow was concerned ... the transfer of militants\n",
        );
        let a = Article::new(
            "Headline\n\nOn Wednesday, Moscow was concerned over reports about the transfer of militants.\n",
        );
        let offset = p.text.find("the transfer").unwrap();
        let targets = definitions(&p, Some(&a), offset);
        let spans: Vec<&str> = targets
            .iter()
            .map(|t| match t {
                Target::Article(s) => s.slice(&a.text),
                Target::File(_) => panic!("{t:?}"),
            })
            .collect();
        assert_eq!(spans, ["Moscow was concerned", "the transfer of militants"]);
        // Anything else: what `definition` gives.
        let q = at(&parsed(), "quote: These accusations", 10);
        assert_eq!(definitions(&parsed(), Some(&article()), q).len(), 1);
    }

    #[test]
    fn actor_reference_to_declaration_or_first_mention() {
        let p = parsed();
        let a = article();
        let Some(Target::File(span)) =
            definition(&p, Some(&a), at(&p, "  source: Leyla Abdullayeva", 12))
        else {
            panic!("no target")
        };
        assert_eq!(span.slice(&p.text), "Leyla Abdullayeva");
        assert_eq!(p.text[..span.start].lines().last(), Some("actor "));
        // An undeclared publisher: its first mention in the article.
        let Some(Target::Article(span)) =
            definition(&p, Some(&a), at(&p, "publisher: UrduPoint", 12))
        else {
            panic!("no target")
        };
        assert_eq!(span.slice(&a.text), "UrduPoint News");
        // The actor head: its first mention, under any of its names.
        let Some(Target::Article(span)) = definition(&p, Some(&a), at(&p, "actor Azerbaijan", 8))
        else {
            panic!("no target")
        };
        assert_eq!(span.slice(&a.text), "Azerbaijan");
    }

    #[test]
    fn relation_jumps_to_the_claim_and_cue_to_its_word() {
        let p = parsed();
        let a = article();
        let Some(Target::File(span)) =
            definition(&p, Some(&a), at(&p, "  disputes: armenia-accusation", 14))
        else {
            panic!("no target")
        };
        assert_eq!(span.slice(&p.text), "armenia-accusation");
        assert!(p.text[..span.start].ends_with("claim "));
        let Some(Target::Article(span)) =
            definition(&p, Some(&a), at(&p, "  cue: told Sputnik", 7))
        else {
            panic!("no target")
        };
        assert_eq!(span.slice(&a.text), "told");
        let Some(Target::Article(span)) =
            definition(&p, Some(&a), at(&p, "  cue: told Sputnik", 13))
        else {
            panic!("no target")
        };
        assert_eq!(span.slice(&a.text), "Sputnik");
        assert_eq!(
            a.text[..span.start]
                .rsplit('.')
                .next()
                .unwrap()
                .trim_start()
                .split(' ')
                .next(),
            Some("Earlier")
        );
        assert!(definition(&p, None, at(&p, "  cue: told Sputnik", 7)).is_none());
    }

    #[test]
    fn outline_of_actors_and_claims() {
        let p = parsed();
        let s = symbols(&p);
        assert_eq!(s.iter().filter(|x| x.kind == SymbolKind::Header).count(), 3);
        assert_eq!(s.iter().filter(|x| x.kind == SymbolKind::Actor).count(), 13);
        let claims: Vec<&Symbol> = s.iter().filter(|x| x.kind == SymbolKind::Claim).collect();
        assert_eq!(claims.len(), 18);
        let c = claims.iter().find(|c| c.name == "sna-contracts").unwrap();
        assert_eq!(c.detail.as_deref(), Some("Syrian national via CNN"));
        assert_eq!(c.selection.slice(&p.text), "sna-contracts");
        let kinds: Vec<SymbolKind> = c.children.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                SymbolKind::Field,
                SymbolKind::Field,
                SymbolKind::Field,
                SymbolKind::Quote,
                SymbolKind::Field,
                SymbolKind::Relation
            ]
        );
        for sym in &s {
            assert!(sym.span.contains_span(sym.selection), "{}", sym.name);
            for child in &sym.children {
                assert!(
                    sym.span.contains_span(child.span),
                    "{} > {}",
                    sym.name,
                    child.name
                );
            }
        }
        assert!(symbols(&Parsed::new("claim\nactor\n  aka: x\n"))
            .iter()
            .all(|x| x.span.contains_span(x.selection)));
    }
}
