//! Cue words: function words, reporting verbs and inflections (say/said/says).

use crate::text::Lowercased;

/// Words of a cue that need not appear in the article.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "in", "on", "at", "of", "to", "for", "with", "by", "as", "that", "from",
    "and", "or",
];

/// Built-in reporting verbs (base forms), offered by completion and named in C022.
pub const REPORTING_VERBS: &[&str] = &[
    "say", "tell", "add", "state", "report", "cite", "claim", "allege", "deny", "reject",
    "dismiss", "argue", "insist", "assert", "warn", "announce", "confirm", "accuse", "condemn",
    "urge", "note", "explain", "comment", "stress", "write", "speak", "think", "believe", "ask",
    "question", "predict", "promise", "express", "issue",
];

/// Irregular forms: every word of a group is the same verb.
const IRREGULAR: &[&[&str]] = &[
    &["say", "said", "says", "saying"],
    &["tell", "told", "tells", "telling"],
    &["speak", "spoke", "spoken", "speaks", "speaking"],
    &["write", "wrote", "written", "writes", "writing"],
    &["think", "thought", "thinks", "thinking"],
    &["give", "gave", "given"],
    &["take", "took", "taken"],
    &["make", "made"],
    &["hold", "held"],
    &["bring", "brought"],
    &["seek", "sought"],
    &["teach", "taught"],
    &["show", "shown", "showed"],
    &["know", "knew", "known"],
    &["go", "went", "gone"],
    &["see", "saw", "seen"],
    &["put", "puts"],
    &["read", "reads"],
];

/// Whether every built-in form of the verb with stem `stem` starts with the stem's first
/// letter (say/said, tell/told; not go/went), so that only words starting with that
/// letter need stemming to find it.
pub fn forms_share_initial(stem: &str) -> bool {
    let first = stem.chars().next();
    IRREGULAR
        .iter()
        .filter(|g| g[0] == stem)
        .all(|g| g.iter().all(|f| f.chars().next() == first))
}

/// A canonical form for comparing inflections: irregular forms map to their group's
/// first word, regular endings are removed.
pub fn stem(word: &str, extra: &[Vec<String>]) -> String {
    let w = word.lowercased();
    for group in IRREGULAR {
        if group.contains(&w.as_str()) {
            return group[0].to_string();
        }
    }
    for group in extra {
        if group.contains(&w) && group.len() > 1 {
            return group[0].clone();
        }
    }
    regular_stem(&w)
}

fn regular_stem(w: &str) -> String {
    let n = w.chars().count();
    let strip = |suffix: &str| {
        w.strip_suffix(suffix)
            .filter(|rest| rest.chars().count() >= 2)
    };
    let base = if let Some(r) = strip("ies").or_else(|| strip("ied")) {
        format!("{r}y")
    } else if let Some(r) = strip("ing") {
        r.to_string()
    } else if let Some(r) = strip("ed") {
        r.to_string()
    } else if let Some(r) = strip("es").filter(|r| r.ends_with(['s', 'x', 'z', 'h', 'o'])) {
        r.to_string()
    } else if let Some(r) = strip("s").filter(|_| n > 3 && !w.ends_with("ss")) {
        r.to_string()
    } else {
        w.to_string()
    };
    // "argued" -> "argu", "argue" -> "argu"; "stated" -> "stat", "state" -> "stat".
    let base = base
        .strip_suffix('e')
        .filter(|r| r.chars().count() >= 2)
        .map(str::to_string)
        .unwrap_or(base);
    // "admitted" -> "admitt" -> "admit".
    let chars: Vec<char> = base.chars().collect();
    if chars.len() >= 4
        && chars[chars.len() - 1] == chars[chars.len() - 2]
        && !"aeiouls".contains(chars[chars.len() - 1])
    {
        return chars[..chars.len() - 1].iter().collect();
    }
    base
}

/// Whether `c` is part of a cue word: letters, digits, `-` and apostrophes.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'
}

/// Endings split off by an apostrophe (`’ll`, `'s`, `n't`).
const CONTRACTION_TAILS: &[&str] = &["s", "ll", "re", "ve", "d", "m", "t"];

/// A word as cue words are compared: apostrophes around it dropped, a contraction or
/// possessive ending cut off (`minister's` → `minister`, `he’ll` → `he`); `None` for a
/// lone ending (`’ll`, `'s`), which is no word of its own.
pub fn cue_word(word: &str) -> Option<&str> {
    let apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    let trimmed = word.trim_matches(apostrophe);
    if trimmed.is_empty() {
        return None;
    }
    if word.starts_with(apostrophe) && CONTRACTION_TAILS.contains(&trimmed.lowercased().as_str()) {
        return None;
    }
    if let Some(i) = trimmed.find(apostrophe) {
        let tail = trimmed[i..].trim_start_matches(apostrophe).lowercased();
        if CONTRACTION_TAILS.contains(&tail.as_str()) {
            let head = &trimmed[..i];
            // `n't`: the `n` belongs to the ending (`don't` → `do`).
            let head = if tail == "t" {
                head.strip_suffix(['n', 'N']).unwrap_or(head)
            } else {
                head
            };
            return (!head.is_empty()).then_some(head);
        }
    }
    Some(trimmed)
}

/// The words of `text` as cue words are compared (see [`cue_word`]).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter_map(cue_word)
}

/// The cue's words that must be found near the quote.
pub fn content_words(cue: &str) -> Vec<&str> {
    words(cue)
        .filter(|w| !FUNCTION_WORDS.contains(&w.lowercased().as_str()))
        .collect()
}

/// Whether `word` is a reporting verb in any form: in the lexicon (verbs only, not the
/// nouns `statement`, `report`) or among the configured `cue_verbs`.
pub fn is_reporting_verb(word: &str, extra: &[Vec<String>]) -> bool {
    let lower = word.lowercased();
    if crate::article::attribution::lexicon::reporting_lemma(&lower).is_some() {
        return true;
    }
    if extra.is_empty() {
        return false;
    }
    let s = stem(word, extra);
    extra.iter().any(|g| g.iter().any(|f| stem(f, extra) == s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        stem(a, &[]) == stem(b, &[])
    }

    #[test]
    fn inflections_meet() {
        for (a, b) in [
            ("say", "said"),
            ("says", "said"),
            ("tell", "told"),
            ("deny", "denied"),
            ("denies", "denied"),
            ("argue", "argued"),
            ("state", "stated"),
            ("report", "reported"),
            ("add", "added"),
            ("admit", "admitted"),
            ("issue", "issued"),
            ("condemn", "condemned"),
            ("statement", "statement"),
            ("Sputnik", "sputnik"),
            ("citing", "cite"),
        ] {
            assert!(
                same(a, b),
                "{a} ~ {b}: {} vs {}",
                stem(a, &[]),
                stem(b, &[])
            );
        }
        assert!(!same("said", "sad"));
        assert!(same("went", "go"));
        assert!(forms_share_initial("say") && !forms_share_initial("go"));
        assert!(!same("statement", "state"));
    }

    #[test]
    fn extra_verbs_and_content_words() {
        let extra = vec![vec!["slay".to_string(), "slew".to_string()]];
        assert_eq!(stem("slew", &extra), "slay");
        assert!(is_reporting_verb("slew", &extra));
        assert!(is_reporting_verb("told", &[]));
        assert_eq!(content_words("said in a statement"), ["said", "statement"]);
        assert_eq!(content_words("told Sputnik"), ["told", "Sputnik"]);
    }

    #[test]
    fn contractions_are_no_cue_words() {
        assert_eq!(content_words("’ll say"), ["say"]);
        assert_eq!(content_words("he’ll warn"), ["he", "warn"]);
        assert_eq!(
            content_words("minister's statement"),
            ["minister", "statement"]
        );
        assert_eq!(content_words("didn't deny"), ["did", "deny"]);
        assert_eq!(words("it 's").collect::<Vec<_>>(), ["it"]);
    }

    #[test]
    fn reporting_verbs_come_from_the_lexicon_not_nouns() {
        for verb in [
            "said",
            "acknowledged",
            "pledges",
            "admitted",
            "branded",
            "told",
        ] {
            assert!(is_reporting_verb(verb, &[]), "{verb}");
        }
        for noun in ["statement", "statements", "interview", "Moscow"] {
            assert!(!is_reporting_verb(noun, &[]), "{noun}");
        }
    }
}
