//! The reporting-verb lexicon: verbs and phrases that introduce reported speech, with
//! their inflections. Stored as data (`reporting_verbs.txt`), not code.

/// The base form (lemma) of `word` when it is an inflection of a reporting verb
/// (`said` → `say`, `acknowledged` → `acknowledge`); `None` for any other word,
/// nouns included (`reports` as a noun is decided by context, not here).
pub fn reporting_lemma(word: &str) -> Option<&'static str> {
    let _ = word;
    None
}
