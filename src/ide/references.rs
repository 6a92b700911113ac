//! Find references, document highlight and rename, for actors and claim ids.
//!
//! An actor is used by its declaration (`actor NAME`), its `aka:` aliases, and every
//! `source:`, `via:` and `publisher:` value naming it by its canonical name or an alias
//! (compared as the checks compare them: case-insensitive, whitespace runs equal). A claim
//! id is used by its claim head and every `disputes:`, `supports:` and `responds-to:`
//! naming it.

use super::locate::{place_at, Owner, Place};
use crate::article::Article;
use crate::check::{mentions_of, Parsed};
use crate::model::{fold_name, Annotation, RelationKind};
use crate::text::Span;

/// What a reference is, for highlight kinds and for `includeDeclaration`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UseKind {
    /// `actor NAME` or `claim ID`.
    Declaration,
    /// An `aka:` alias of the actor.
    Alias,
    /// A `source:`, `via:`, `publisher:` value, or a relation naming a claim.
    Use,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub span: Span,
    pub kind: UseKind,
}

/// The actor or claim the cursor is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// Index into the model's actors.
    Actor(usize),
    /// A claim id (declared or not: a relation may name an id no claim has).
    ClaimId(String),
}

/// The subject at `offset` and the span of the name or id under the cursor.
pub fn subject_at(parsed: &Parsed, offset: usize) -> Option<(Subject, Span)> {
    let model = &parsed.model;
    match place_at(parsed, offset) {
        Place::ActorHead(i) => {
            let actor = model.actors.get(i)?;
            actor
                .name_span
                .touches(offset)
                .then_some((Subject::Actor(i), actor.name_span))
        }
        Place::ClaimHead(i) => {
            let claim = model.claims.get(i)?;
            claim
                .id_span()
                .touches(offset)
                .then(|| (Subject::ClaimId(claim.id.to_string()), claim.id_span()))
        }
        Place::Value(field) => match (field.owner, field.name) {
            (Owner::Claim(_), "source") => {
                let v = &field.value;
                let i = model.actor_index(&v.text)?;
                Some((Subject::Actor(i), v.span()))
            }
            (Owner::Claim(_), "via") | (Owner::Header, "publisher") | (Owner::Actor(_), "aka") => {
                let item = field.item_at(offset)?;
                let i = match field.owner {
                    Owner::Actor(i) => i,
                    _ => model.actor_index(&item.text)?,
                };
                Some((Subject::Actor(i), item.span))
            }
            (Owner::Claim(_), name) if RelationKind::from_field(name).is_some() => {
                let item = field.item_at(offset)?;
                Some((Subject::ClaimId(item.text.clone()), item.span))
            }
            _ => None,
        },
        Place::Key(_) | Place::Nothing => None,
    }
}

/// Every use of `subject` in the file, in file order.
pub fn uses(model: &Annotation, subject: &Subject) -> Vec<Reference> {
    let mut out = Vec::new();
    match subject {
        Subject::Actor(i) => {
            let Some(actor) = model.actors.get(*i) else {
                return out;
            };
            out.push(Reference {
                span: actor.name_span,
                kind: UseKind::Declaration,
            });
            for alias in &actor.aliases {
                out.push(Reference {
                    span: alias.span,
                    kind: UseKind::Alias,
                });
            }
            let names: Vec<String> = actor.names().map(fold_name).collect();
            let named = |text: &str| {
                let folded = fold_name(text);
                names.contains(&folded) && model.actor_index(text) == Some(*i)
            };
            for item in model.header.publishers() {
                if named(&item.text) {
                    out.push(Reference {
                        span: item.span,
                        kind: UseKind::Use,
                    });
                }
            }
            for claim in &model.claims {
                if let Some(source) = &claim.source {
                    if !source.value.is_empty() && named(&source.value.text) {
                        out.push(Reference {
                            span: source.value.span(),
                            kind: UseKind::Use,
                        });
                    }
                }
                for item in claim.via_items() {
                    if named(&item.text) {
                        out.push(Reference {
                            span: item.span,
                            kind: UseKind::Use,
                        });
                    }
                }
            }
        }
        Subject::ClaimId(id) => {
            for claim in &model.claims {
                if claim.id == id.as_str() {
                    out.push(Reference {
                        span: claim.id_span(),
                        kind: UseKind::Declaration,
                    });
                }
                for r in &claim.relations {
                    if &r.target.text == id {
                        out.push(Reference {
                            span: r.target.span,
                            kind: UseKind::Use,
                        });
                    }
                }
            }
        }
    }
    out.sort_by_key(|r| (r.span.start, r.span.end));
    out.dedup();
    out
}

/// The references at `offset`: uses in the file (the declaration only with
/// `include_declaration`) and, for an actor, its mentions in the article.
pub fn references(
    parsed: &Parsed,
    article: Option<&Article>,
    offset: usize,
    include_declaration: bool,
) -> Option<(Vec<Reference>, Vec<Span>)> {
    let (subject, _) = subject_at(parsed, offset)?;
    let mut file = uses(&parsed.model, &subject);
    if !include_declaration {
        file.retain(|r| r.kind != UseKind::Declaration);
    }
    let in_article = match (&subject, article) {
        (Subject::Actor(i), Some(a)) => {
            mentions_of(&parsed.model, a, &parsed.model.actors[*i].name)
        }
        _ => Vec::new(),
    };
    Some((file, in_article))
}

/// Why a rename cannot be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenameError {
    /// Nothing renamable at the cursor.
    NotRenamable,
    /// The new name is not a valid name or id; says what is expected.
    Invalid(String),
    /// Another actor or claim already has the name.
    Clash(String),
}

impl RenameError {
    pub fn message(&self) -> String {
        match self {
            RenameError::NotRenamable => {
                "nothing to rename here: put the cursor on an actor's name or a claim id".into()
            }
            RenameError::Invalid(why) | RenameError::Clash(why) => why.clone(),
        }
    }
}

/// The span `prepareRename` offers at `offset`: the name or id under the cursor. A
/// claim id only a relation names (no claim has it) is not renamable.
pub fn prepare_rename(parsed: &Parsed, offset: usize) -> Result<Span, RenameError> {
    let (subject, span) = subject_at(parsed, offset).ok_or(RenameError::NotRenamable)?;
    match &subject {
        Subject::ClaimId(id) if parsed.model.claim(id).is_none() => Err(RenameError::NotRenamable),
        _ => Ok(span),
    }
}

/// The edits that rename what is at `offset` to `new_name`: `(span, replacement)`.
///
/// An actor: its declaration and every use by its canonical name; uses by an alias, and
/// the aliases, are left alone unless the cursor is on that alias (then that alias and
/// its uses are renamed). A claim id: its claim head and every relation naming it.
pub fn rename(
    parsed: &Parsed,
    offset: usize,
    new_name: &str,
) -> Result<Vec<(Span, String)>, RenameError> {
    let model = &parsed.model;
    let (subject, at) = subject_at(parsed, offset).ok_or(RenameError::NotRenamable)?;
    let new_name = new_name.trim();
    match subject {
        Subject::Actor(i) => {
            if new_name.is_empty() || new_name.contains([',', '\n', '\r', '#']) {
                return Err(RenameError::Invalid(format!(
                    "`{new_name}` cannot be an actor name: expected a name without commas, `#` or line breaks"
                )));
            }
            let actor = &model.actors[i];
            // Which of the actor's names is being renamed: the one under the cursor.
            let old = if actor.name_span == at {
                actor.name.clone()
            } else {
                at.slice(&parsed.text).to_string()
            };
            let old_folded = fold_name(&old);
            let renaming_alias = actor
                .aliases
                .iter()
                .any(|a| fold_name(&a.text) == old_folded)
                && fold_name(&actor.name) != old_folded;
            if let Some(other) = model.actor_index(new_name) {
                if other != i || fold_name(new_name) != old_folded {
                    return Err(RenameError::Clash(format!(
                        "`{new_name}` is already a name of actor `{}`: pick another name, or merge the two actors by hand",
                        model.actors[other].name
                    )));
                }
            }
            let mut edits = Vec::new();
            for r in uses(model, &Subject::Actor(i)) {
                let text = r.span.slice(&parsed.text);
                let this_name = fold_name(text) == old_folded;
                let wanted = match r.kind {
                    UseKind::Declaration => !renaming_alias,
                    UseKind::Alias | UseKind::Use => this_name,
                };
                if wanted {
                    edits.push((r.span, new_name.to_string()));
                }
            }
            Ok(edits)
        }
        Subject::ClaimId(id) => {
            if model.claim(&id).is_none() {
                return Err(RenameError::NotRenamable);
            }
            let valid = !new_name.is_empty()
                && new_name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
            if !valid {
                return Err(RenameError::Invalid(format!(
                    "`{new_name}` cannot be a claim id: expected letters, digits, `-`, `_` or `.`"
                )));
            }
            if new_name != id && model.claim(new_name).is_some() {
                return Err(RenameError::Clash(format!(
                    "claim id `{new_name}` is taken: pick an id no claim has"
                )));
            }
            Ok(uses(model, &Subject::ClaimId(id))
                .into_iter()
                .map(|r| (r.span, new_name.to_string()))
                .collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{article, at, parsed};

    fn texts(p: &Parsed, refs: &[Reference]) -> Vec<String> {
        refs.iter()
            .map(|r| r.span.slice(&p.text).to_string())
            .collect()
    }

    #[test]
    fn references_of_an_actor_cover_declaration_aliases_and_uses() {
        let p = parsed();
        let a = article();
        let offset = at(&p, "actor Russian Foreign Ministry", 8);
        let (refs, in_article) = references(&p, Some(&a), offset, true).unwrap();
        assert_eq!(
            texts(&p, &refs),
            [
                "Russian Foreign Ministry",
                "Moscow",
                "Russia",
                "Russian Foreign Ministry"
            ]
        );
        assert!(!in_article.is_empty());
        let (without, _) = references(&p, Some(&a), offset, false).unwrap();
        assert_eq!(without.len(), refs.len() - 1);
        // From a use: the same set.
        let from_use = at(&p, "  source: Russian Foreign Ministry", 12);
        assert_eq!(references(&p, None, from_use, true).unwrap().0, refs);
    }

    #[test]
    fn references_of_a_claim_id_are_its_head_and_relations() {
        let p = parsed();
        let offset = at(&p, "claim armenia-accusation", 8);
        let (refs, _) = references(&p, None, offset, true).unwrap();
        assert_eq!(texts(&p, &refs).len(), 3, "head, disputes, supports");
        assert!(refs
            .iter()
            .all(|r| r.span.slice(&p.text) == "armenia-accusation"));
        assert_eq!(refs[0].kind, UseKind::Declaration);
    }

    #[test]
    fn rename_an_actor_everywhere_its_name_is_used() {
        let p = parsed();
        let offset = at(&p, "actor Syrian national", 8);
        let edits = rename(&p, offset, "Syrian fighter").unwrap();
        let mut text = p.text.clone();
        for (span, new) in edits.iter().rev() {
            text.replace_range(span.start..span.end, new);
        }
        assert!(!text.contains("Syrian national\n"), "{text}");
        assert!(text.contains("actor Syrian fighter\n"));
        assert!(text.contains("  source: Syrian fighter\n"));
        assert!(
            text.contains("aka: The man, Syrian man, former rebel"),
            "aliases stay"
        );
        let before = Parsed::new(p.text.as_str()).model.claims.len();
        assert_eq!(Parsed::new(text.as_str()).model.claims.len(), before);
    }

    #[test]
    fn rename_refuses_clashes_and_bad_names() {
        let p = parsed();
        let offset = at(&p, "actor Syrian national", 8);
        assert!(matches!(
            rename(&p, offset, "CNN"),
            Err(RenameError::Clash(_))
        ));
        assert!(matches!(
            rename(&p, offset, "a, b"),
            Err(RenameError::Invalid(_))
        ));
        let id = at(&p, "claim armenia-accusation", 8);
        assert!(matches!(
            rename(&p, id, "baku-denial"),
            Err(RenameError::Clash(_))
        ));
        assert!(matches!(
            rename(&p, id, "two words"),
            Err(RenameError::Invalid(_))
        ));
        let edits = rename(&p, id, "yerevan-accusation").unwrap();
        assert_eq!(edits.len(), 3);
        assert!(matches!(
            prepare_rename(&p, at(&p, "  cue: said", 3)),
            Err(RenameError::NotRenamable)
        ));
        assert_eq!(
            prepare_rename(&p, id).unwrap().slice(&p.text),
            "armenia-accusation"
        );
    }
}
