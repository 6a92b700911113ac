//! Code actions on a `source:` or `via:` value that names no declared actor: declare it
//! as an actor (its kind guessed from the name), or add the spelling used as an alias of
//! the declared actor it is closest to.

use super::locate::{place_at, Owner, Place};
use crate::check::Parsed;
use crate::model::UNNAMED;
use crate::text::Span;

/// An edit of the annotation offered as a code action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub edits: Vec<(Span, String)>,
}

/// The actions for the value under `offset`.
pub fn actor_actions(parsed: &Parsed, offset: usize) -> Vec<Action> {
    let model = &parsed.model;
    let text = &parsed.text;
    let name = match place_at(parsed, offset) {
        Place::Value(field) => match (field.owner, field.name) {
            (Owner::Claim(_), "source") => field.value.text.trim().to_string(),
            (Owner::Claim(_), "via") => match field.item_at(offset) {
                Some(item) => item.text,
                None => return Vec::new(),
            },
            _ => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    if name.is_empty() || name.eq_ignore_ascii_case(UNNAMED) || model.actor_index(&name).is_some() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let kind = crate::draft::kind_of(&name);
    let block = format!("actor {name}\n  kind: {kind}");
    let edit = match model.actors.last() {
        Some(last) => (Span::empty(last.span.end), format!("\n\n{block}")),
        None => {
            let first = model.claims.first().map_or(text.len(), |c| c.span().start);
            (Span::empty(first), format!("{block}\n\n"))
        }
    };
    out.push(Action {
        title: format!("Declare `{name}` as an actor (kind: {kind})"),
        edits: vec![edit],
    });
    // The declared actor whose name or alias is nearest the spelling used.
    let names: Vec<(&str, usize)> = model
        .actors
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.names().map(move |n| (n, i)))
        .collect();
    let candidates: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
    let folded: Vec<String> = candidates.iter().map(|n| n.to_lowercase()).collect();
    let folded_refs: Vec<&str> = folded.iter().map(String::as_str).collect();
    if let Some(best) = crate::suggest::closest(&name, &folded_refs) {
        let k = folded_refs.iter().position(|n| *n == best).unwrap_or(0);
        let actor = &model.actors[names[k].1];
        let head_end = actor.name_span.end;
        out.push(Action {
            title: format!("Add `{name}` as an alias of `{}`", actor.name),
            edits: vec![(Span::empty(head_end), format!("\n  aka: {name}"))],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::CLAIMS;

    fn apply(text: &str, edits: &[(Span, String)]) -> String {
        let mut out = text.to_string();
        for (span, new) in edits.iter().rev() {
            out.replace_range(span.start..span.end, new);
        }
        out
    }

    #[test]
    fn declares_an_undeclared_source_with_a_guessed_kind() {
        let text = CLAIMS.replacen("  source: Omer Celik", "  source: Recep Tayyip Erdogan", 1);
        let p = Parsed::new(text.as_str());
        let offset = text.find("Recep Tayyip").unwrap() + 3;
        let actions = actor_actions(&p, offset);
        assert_eq!(
            actions[0].title,
            "Declare `Recep Tayyip Erdogan` as an actor (kind: person)"
        );
        let declared = apply(&text, &actions[0].edits);
        let model = Parsed::new(declared.as_str()).model;
        assert!(model.actor("Recep Tayyip Erdogan").is_some());
        assert_eq!(model.claims.len(), p.model.claims.len());
        assert_eq!(actions.len(), 1, "no declared actor is spelt like it");
    }

    #[test]
    fn adds_a_near_spelling_as_an_alias() {
        let text = CLAIMS.replacen("  source: Omer Celik", "  source: Omar Celik", 1);
        let p = Parsed::new(text.as_str());
        let offset = text.find("Omar Celik").unwrap();
        let actions = actor_actions(&p, offset);
        let alias = actions.iter().find(|a| a.title.starts_with("Add")).unwrap();
        assert_eq!(alias.title, "Add `Omar Celik` as an alias of `Omer Celik`");
        let fixed = apply(&text, &alias.edits);
        let model = Parsed::new(fixed.as_str()).model;
        assert_eq!(model.actor("Omar Celik").unwrap().name, "Omer Celik");
        // Nothing on a declared source.
        assert!(actor_actions(
            &Parsed::new(CLAIMS),
            CLAIMS.find("  source: Omer Celik").unwrap() + 12
        )
        .is_empty());
    }
}
