//! "Did you mean" suggestions.

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if word.is_empty() {
        return None;
    }
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3) && *d < c.len().max(lower.len()))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_typos_not_strangers() {
        assert_eq!(closest("souce", &["source", "quote"]), Some("source"));
        assert_eq!(closest("Qoute", &["source", "quote"]), Some("quote"));
        assert_eq!(closest("xyzzy", &["source", "quote"]), None);
        assert_eq!(closest("", &["a"]), None);
    }
}
