//! What fields, stances and actor kinds mean: the words hover and completion show, after
//! `docs/format.md`.

/// `(context, field, documentation)`; context is `header`, `actor` or `claim`.
const FIELDS: &[(&str, &str, &str)] = &[
    ("header", "article", "The article file, relative to this file's folder. Default: this file's name with `.txt`."),
    ("header", "date", "The publication date, `YYYY-MM-DD`. Must equal the article's date line (C030)."),
    (
        "header",
        "publisher",
        "The outlets that published the article, comma-separated. Named once here instead of in every claim's `via:`; they count as mentions for C023.",
    ),
    (
        "actor",
        "aka",
        "Other names under which the actor appears in the article, comma-separated: metonymy (`Moscow`, `Baku`) and descriptions (`The man`). Lines add up.",
    ),
    ("actor", "kind", "One of `person`, `outlet`, `government`, `organization`, `group`, `anonymous`. A `person` (or an actor without `kind:` whose name reads as a person's) is also mentioned by their surname."),
    ("actor", "role", "Free text: the actor's function as the article describes it."),
    ("actor", "note", "Free text for the reader."),
    (
        "claim",
        "source",
        "**Required.** Who made the statement: a declared actor (name or alias), another name the article uses, or `unnamed`. Must be mentioned in the article (C020), near the quote (C021), and be who the article credits with it (C024).",
    ),
    (
        "claim",
        "via",
        "The intermediaries through which the statement reached the article, nearest the source first, comma-separated. Do not repeat the publishers. Each must be mentioned (C023) and in the quote's chain (C025).",
    ),
    (
        "claim",
        "cue",
        "The reporting words as they stand in the article (`said`, `told Sputnik`, `denied`). Must be the attribution's cue, or stand in the quote's sentences or the one before or after in its paragraph (C022).",
    ),
    (
        "claim",
        "quote",
        "**Required, repeatable.** The content, copied verbatim from the article; `...`, `…` or `[...]` marks omitted words within one paragraph. Several `quote:` fields record discontinuous content.",
    ),
    ("claim", "stance", "What the source does with the content: `asserts`, `denies`, `accuses`, `concerns`, `condemns`, `questions`, `predicts`, `promises`."),
    ("claim", "disputes", "Ids of claims this one contradicts or denies, comma-separated."),
    ("claim", "supports", "Ids of claims this one corroborates or agrees with, comma-separated."),
    ("claim", "responds-to", "Ids of claims this one reacts to, whatever its direction, comma-separated."),
    ("claim", "note", "Free text for the reader, such as how an ambiguous attribution was decided."),
];

/// The documentation of field `name` in `context` (`header`, `actor`, `claim`).
pub(crate) fn field(context: &str, name: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .find(|(c, n, _)| *c == context && *n == name)
        .map(|(_, _, d)| *d)
}

const STANCES: &[(&str, &str)] = &[
    ("asserts", "the source states the content as fact"),
    (
        "denies",
        "the source rejects a statement, accusation or report as untrue",
    ),
    (
        "accuses",
        "the source attributes wrongdoing or blame to someone",
    ),
    ("concerns", "the source expresses worry or concern"),
    (
        "condemns",
        "the source expresses condemnation or moral disapproval",
    ),
    (
        "questions",
        "the source casts doubt on, or asks about, the content",
    ),
    ("predicts", "the source says something will or may happen"),
    ("promises", "the source commits itself to a future action"),
];

/// What a stance of the default vocabulary means.
pub(crate) fn stance(value: &str) -> Option<&'static str> {
    STANCES.iter().find(|(s, _)| *s == value).map(|(_, d)| *d)
}

const KINDS: &[(&str, &str)] = &[
    (
        "person",
        "one person; the surname alone also counts as a mention",
    ),
    ("outlet", "a news organization"),
    (
        "government",
        "a state, a ministry, an official body speaking for it",
    ),
    (
        "organization",
        "a party, company, NGO or armed group with a formal identity",
    ),
    ("group", "several people or bodies speaking together"),
    ("anonymous", "an unnamed source"),
];

/// What an actor kind means.
pub(crate) fn kind(value: &str) -> Option<&'static str> {
    KINDS.iter().find(|(k, _)| *k == value).map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ACTOR_FIELDS, ACTOR_KINDS, CLAIM_FIELDS, HEADER_FIELDS};

    #[test]
    fn every_field_stance_and_kind_is_documented() {
        for (context, names) in [
            ("header", HEADER_FIELDS),
            ("actor", ACTOR_FIELDS),
            ("claim", CLAIM_FIELDS),
        ] {
            for n in names {
                assert!(field(context, n).is_some(), "{context} {n}");
            }
        }
        for s in crate::config::DEFAULT_STANCES {
            assert!(stance(s).is_some(), "{s}");
        }
        for k in ACTOR_KINDS {
            assert!(kind(k).is_some(), "{k}");
        }
    }
}
