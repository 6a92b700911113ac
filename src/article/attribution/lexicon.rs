//! The reporting-verb lexicon: verbs and phrases that introduce reported speech, with
//! their inflections. Stored as data (`reporting_verbs.txt`: an inflection table, one
//! verb a line, and the phrases built on those verbs), not code.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

const DATA: &str = include_str!("reporting_verbs.txt");

/// One verb of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verb {
    pub lemma: &'static str,
    /// The stance a claim with this cue is drafted with (`asserts`, `denies`, …).
    pub stance: &'static str,
    /// The verb reports only inside a phrase (`point` in `point out`), never alone.
    pub phrase_only: bool,
}

/// A multi-word reporting phrase (`point out`, `make clear`, `according to`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The head verb's lemma, or `None` for a fixed phrase (`according to`).
    pub head: Option<&'static str>,
    /// The words after the head (all the words of a fixed phrase).
    pub rest: Vec<&'static str>,
    pub stance: &'static str,
    /// The phrase in base form (`point out`, `according to`).
    pub lemma: String,
}

struct Lexicon {
    /// Every inflected form (lowercase) of every verb -> the verb.
    forms: FxHashMap<&'static str, Verb>,
    phrases: Vec<Phrase>,
    /// Indices into `phrases` (ascending) by what a phrase can start with: the head verb's
    /// lemma, or for a fixed phrase its first word in ASCII lowercase. `phrase_at` runs
    /// for every word of every article and reads only these few.
    by_head: FxHashMap<&'static str, Vec<usize>>,
    by_first: FxHashMap<String, Vec<usize>>,
    /// Fixed phrases with no words (none in the data; kept so no phrase is ever skipped).
    always: Vec<usize>,
    /// Which (length, first byte, last byte) shapes a key of `forms` or `by_first` has (see
    /// [`Shapes`]): most words of an article are neither, and are turned away without hashing.
    form_shapes: Shapes,
    first_shapes: Shapes,
}

/// A set of word shapes, two bitmaps of ASCII words in lowercase: bit `(len, first byte,
/// last byte)` in one and `(len, second byte, second-to-last byte)` in the other, each
/// byte folded to its low five bits. A word with either bit absent is not in the set the
/// shapes were taken from; one with both present may or may not be. Only ASCII words are
/// tested (lowercasing any other word may change its bytes and length).
struct Shapes([u64; 512], [u64; 512]);

impl Shapes {
    fn new() -> Shapes {
        Shapes([0; 512], [0; 512])
    }

    /// The bits of an ASCII word (any case), or `None` for an empty or non-ASCII word.
    fn bits(word: &str) -> Option<(usize, usize)> {
        let b = word.as_bytes();
        if b.is_empty() || !b.is_ascii() {
            return None;
        }
        let n = b.len();
        let fold = |x: u8| (x.to_ascii_lowercase() & 31) as usize;
        let key = |x: u8, y: u8| ((n & 31) << 10) | (fold(x) << 5) | fold(y);
        Some((
            key(b[0], b[n - 1]),
            key(b[1.min(n - 1)], b[n.saturating_sub(2)]),
        ))
    }

    fn insert(&mut self, word: &str) {
        // A key that is not ASCII is never ruled out: `might_hold` answers yes for every
        // non-ASCII word, and an ASCII word never lowercases to a non-ASCII key.
        if let Some((k, j)) = Self::bits(word) {
            self.0[k >> 6] |= 1 << (k & 63);
            self.1[j >> 6] |= 1 << (j & 63);
        }
    }

    /// False only when `word` (compared in lowercase) is certainly not in the set.
    fn might_hold(&self, word: &str) -> bool {
        match Self::bits(word) {
            Some(k) => self.holds_bits(k),
            None => true,
        }
    }

    /// [`Shapes::might_hold`] for an ASCII word whose [`Shapes::bits`] are `(k, j)`.
    fn holds_bits(&self, (k, j): (usize, usize)) -> bool {
        self.0[k >> 6] & (1 << (k & 63)) != 0 && self.1[j >> 6] & (1 << (j & 63)) != 0
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(DATA));

fn parse(data: &'static str) -> Lexicon {
    let mut forms = FxHashMap::default();
    let mut phrases = Vec::new();
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if first == "+" {
            let stance = fields.next().unwrap_or("asserts");
            let head = fields.next().unwrap_or("=");
            let rest: Vec<&'static str> = fields.collect();
            let (head, lemma) = if head == "=" {
                (None, rest.join(" "))
            } else {
                (Some(head), format!("{head} {}", rest.join(" ")))
            };
            phrases.push(Phrase {
                head,
                rest,
                stance: stance_name(stance),
                lemma,
            });
            continue;
        }
        let Some(lemma) = fields.next() else { continue };
        let verb = Verb {
            lemma,
            stance: stance_name(first),
            phrase_only: first == "-",
        };
        forms.insert(lemma, verb);
        for form in fields.flat_map(|f| f.split('/')) {
            forms.entry(form).or_insert(verb);
        }
    }
    let mut by_head: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
    let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut always = Vec::new();
    for (k, p) in phrases.iter().enumerate() {
        match (p.head, p.rest.first()) {
            (Some(h), _) => by_head.entry(h).or_default().push(k),
            (None, Some(w)) => by_first.entry(w.to_ascii_lowercase()).or_default().push(k),
            (None, None) => always.push(k),
        }
    }
    let mut form_shapes = Shapes::new();
    for form in forms.keys() {
        form_shapes.insert(form);
    }
    let mut first_shapes = Shapes::new();
    for first in by_first.keys() {
        first_shapes.insert(first);
    }
    Lexicon {
        forms,
        phrases,
        by_head,
        by_first,
        always,
        form_shapes,
        first_shapes,
    }
}

fn stance_name(field: &'static str) -> &'static str {
    if field == "-" {
        "asserts"
    } else {
        field
    }
}

/// Nouns and names spelled like an adverb in `-ly` (`family`, `rally`, `Italy`): the
/// analysis reads `-ly` words as adverbs (`Reed quickly said`), which must not make
/// `The family said` a sentence without a subject.
const LY_NOUNS: &[&str] = &[
    "family",
    "rally",
    "tally",
    "ally",
    "assembly",
    "supply",
    "monopoly",
    "anomaly",
    "homily",
    "bully",
    "belly",
    "folly",
    "jelly",
    "reply",
    "july",
    "italy",
    "butterfly",
    "lily",
    "fly",
];

/// Whether the lowercase `word` reads as an adverb in `-ly` (`only`, `quickly`), not a
/// noun so spelled ([`LY_NOUNS`]).
pub fn ly_adverb(word: &str) -> bool {
    word.ends_with("ly") && !LY_NOUNS.contains(&word)
}

/// Words that mark a news outlet's name (`CNN`, `The Post`, `Fox News`): the analysis
/// treats such names as intermediaries, and drafts declare them with `kind: outlet`.
pub const OUTLET_WORDS: &[&str] = &[
    "cnn",
    "bbc",
    "sputnik",
    "reuters",
    "tass",
    "ap",
    "afp",
    "bloomberg",
    "interfax",
    "xinhua",
    "ria",
    "anadolu",
    "politico",
    "axios",
    "nbc",
    "abc",
    "cbs",
    "fox",
    "msnbc",
    "npr",
    "breitbart",
    "post",
    "times",
    "news",
    "journal",
    "press",
    "tv",
    "radio",
    "herald",
    "tribune",
    "gazette",
    "daily",
    "telegraph",
    "guardian",
    "hill",
    "newsweek",
    "magazine",
    "channel",
    "agency",
    "television",
    "network",
    "urdupoint",
    // Sports desks and more agencies and papers (`told Sky Sports`, `told Kyodo`).
    "sports",
    "espn",
    "chronicle",
    "observer",
    "inquirer",
    "examiner",
    "jazeera",
    "dpa",
    "efe",
    "ansa",
    "kyodo",
    "yonhap",
    "nhk",
    "cbc",
    "wsj",
    // Magazines and sites named by one word after `The` (`as The New Yorker put it`).
    "yorker",
    "atlantic",
    "vox",
    "buzzfeed",
    "huffpost",
];

/// The table entry of `word` in any inflection, whether it reports alone or only in a
/// phrase. Case-insensitive.
pub fn verb(word: &str) -> Option<Verb> {
    let lex = &*LEXICON;
    if !lex.form_shapes.might_hold(word) {
        return None;
    }
    if word.bytes().all(|b| !b.is_ascii_uppercase()) {
        return lex.forms.get(word).copied();
    }
    lex.forms.get(word.to_lowercase().as_str()).copied()
}

/// [`flags`]: the word is a form of a verb of the table ([`verb`] finds it).
pub(crate) const FORM: u8 = 1;
/// [`flags`]: the word reports alone ([`reporting_lemma`] finds it).
pub(crate) const REPORTS: u8 = 2;
/// [`flags`]: a fixed phrase (`according to`) can start with the word.
pub(crate) const STARTS_FIXED: u8 = 4;

/// What the table says of `word` ([`FORM`], [`REPORTS`], [`STARTS_FIXED`]), looked up
/// once: the analysis keeps it with each token instead of asking for every rule.
pub(crate) fn flags(word: &str) -> u8 {
    let lex = &*LEXICON;
    // The word's shape bits, worked out once for both bitmaps (`verb` and the fixed
    // phrases' first words); `None` (not ASCII) rules nothing out.
    let bits = Shapes::bits(word);
    let form = match bits {
        Some(k) => lex.form_shapes.holds_bits(k),
        None => true,
    };
    let verb = if !form {
        None
    } else if word.bytes().all(|b| !b.is_ascii_uppercase()) {
        lex.forms.get(word).copied()
    } else {
        lex.forms.get(word.to_lowercase().as_str()).copied()
    };
    let mut f = match verb {
        Some(v) if v.phrase_only => FORM,
        Some(_) => FORM | REPORTS,
        None => 0,
    };
    let first = match bits {
        Some(k) => lex.first_shapes.holds_bits(k),
        None => true,
    };
    if first {
        let starts = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            lex.by_first
                .contains_key(word.to_ascii_lowercase().as_str())
        } else {
            lex.by_first.contains_key(word)
        };
        if starts {
            f |= STARTS_FIXED;
        }
    }
    f
}

/// [`flags`] of a word with no ASCII capital (a token's lowercase text), `ascii` saying
/// whether it is all ASCII: the same answer without looking for capitals.
pub(crate) fn flags_of_lowercase(word: &str, ascii: bool) -> u8 {
    debug_assert!(!word.bytes().any(|b| b.is_ascii_uppercase()));
    debug_assert_eq!(ascii, word.is_ascii());
    let lex = &*LEXICON;
    let bits = if ascii { Shapes::bits(word) } else { None };
    let form = bits.is_none_or(|k| lex.form_shapes.holds_bits(k));
    let mut f = match form.then(|| lex.forms.get(word)).flatten() {
        Some(v) if v.phrase_only => FORM,
        Some(_) => FORM | REPORTS,
        None => 0,
    };
    if bits.is_none_or(|k| lex.first_shapes.holds_bits(k)) && lex.by_first.contains_key(word) {
        f |= STARTS_FIXED;
    }
    f
}

/// Whether [`phrase_at`] can find a phrase at a word whose [`flags`] are `flags`: never
/// when the word is no verb form and starts no fixed phrase (unless the table had a fixed
/// phrase of no words, which it has not).
pub(crate) fn may_start_phrase(flags: u8) -> bool {
    flags & (FORM | STARTS_FIXED) != 0 || !LEXICON.always.is_empty()
}

/// The base form (lemma) of `word` when it is an inflection of a reporting verb
/// (`said` → `say`, `acknowledged` → `acknowledge`); `None` for any other word,
/// nouns included (`reports` as a noun is decided by context, not here).
pub fn reporting_lemma(word: &str) -> Option<&'static str> {
    verb(word).filter(|v| !v.phrase_only).map(|v| v.lemma)
}

/// The stance a reporting verb or phrase lemma maps to (`deny` → `denies`); `asserts`
/// for anything else.
pub fn stance_of(lemma: &str) -> &'static str {
    if let Some(v) = verb(lemma) {
        return v.stance;
    }
    LEXICON
        .phrases
        .iter()
        .find(|p| p.lemma == lemma)
        .map_or("asserts", |p| p.stance)
}

/// The reporting phrase starting at `words[0]` (any inflection of its head, words
/// compared case-insensitively), with the number of words it spans. The longest wins.
pub fn phrase_at(words: &[&str]) -> Option<(&'static Phrase, usize)> {
    let first = *words.first()?;
    let lex = &*LEXICON;
    let head = verb(first).map(|v| v.lemma);
    // The phrases that can match here, in table order (ties go to the earlier one).
    let none: &[usize] = &[];
    let by_head = head
        .and_then(|h| lex.by_head.get(h))
        .map_or(none, Vec::as_slice);
    let by_first = if !lex.first_shapes.might_hold(first) {
        None
    } else if first.bytes().any(|b| b.is_ascii_uppercase()) {
        lex.by_first.get(first.to_ascii_lowercase().as_str())
    } else {
        lex.by_first.get(first)
    }
    .map_or(none, Vec::as_slice);
    if by_head.is_empty() && by_first.is_empty() && lex.always.is_empty() {
        return None;
    }
    let merged: Vec<usize>;
    let ks: &[usize] = if lex.always.is_empty() && by_first.is_empty() {
        by_head
    } else if lex.always.is_empty() && by_head.is_empty() {
        by_first
    } else {
        let mut all: Vec<usize> = by_head
            .iter()
            .chain(by_first)
            .chain(&lex.always)
            .copied()
            .collect();
        all.sort_unstable();
        merged = all;
        &merged
    };
    let mut best: Option<(&'static Phrase, usize)> = None;
    for p in ks.iter().map(|&k| &lex.phrases[k]) {
        let (skip, n) = match p.head {
            Some(h) if Some(h) == head => (1, p.rest.len() + 1),
            None => (0, p.rest.len()),
            _ => continue,
        };
        if words.len() < n {
            continue;
        }
        let ok = p
            .rest
            .iter()
            .zip(&words[skip..n])
            .all(|(a, b)| a.eq_ignore_ascii_case(b));
        if ok && best.is_none_or(|(_, m)| n > m) {
            best = Some((p, n));
        }
    }
    best
}

/// How many verbs the table holds (for tests and documentation).
pub fn verb_count() -> usize {
    let mut lemmas: Vec<&str> = LEXICON.forms.values().map(|v| v.lemma).collect();
    lemmas.sort_unstable();
    lemmas.dedup();
    lemmas.len()
}

/// Given names that name a woman or a man nearly always (`given_names.txt`).
const GIVEN_NAMES: &str = include_str!("given_names.txt");

static GIVEN: LazyLock<FxHashMap<&'static str, bool>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for line in GIVEN_NAMES.lines() {
        let mut words = line.split_whitespace();
        let female = match words.next() {
            Some("f") => true,
            Some("m") => false,
            _ => continue,
        };
        for name in words {
            map.insert(name, female);
        }
    }
    map
});

/// Whether a given name, as written (`Elizabeth`), names a woman (`Some(true)`) or a man
/// (`Some(false)`); `None` for a name given to both, or not a given name.
pub fn given_name_gender(word: &str) -> Option<bool> {
    GIVEN.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_have_one_gender_each() {
        assert_eq!(given_name_gender("Elizabeth"), Some(true));
        assert_eq!(given_name_gender("Warren"), Some(false));
        assert_eq!(given_name_gender("François"), Some(false));
        // Given to both, or a place before a title: no evidence.
        assert_eq!(given_name_gender("Jordan"), None);
        assert_eq!(given_name_gender("Virginia"), None);
        let mut seen = FxHashMap::default();
        for line in GIVEN_NAMES.lines().filter(|l| !l.starts_with('#')) {
            let mut words = line.split_whitespace();
            let g = words.next();
            assert!(matches!(g, Some("f" | "m")), "{line}");
            for name in words {
                assert!(name.starts_with(char::is_uppercase), "{name}");
                assert_eq!(*seen.entry(name).or_insert(g), g, "{name} in both lists");
            }
        }
    }

    #[test]
    fn inflections_map_to_their_lemma() {
        for (form, lemma) in [
            ("said", "say"),
            ("says", "say"),
            ("Saying", "say"),
            ("told", "tell"),
            ("acknowledged", "acknowledge"),
            ("pledges", "pledge"),
            ("admitted", "admit"),
            ("denied", "deny"),
            ("denies", "deny"),
            ("branded", "brand"),
            ("conceded", "concede"),
            ("vowed", "vow"),
            ("insisted", "insist"),
            ("accusing", "accuse"),
            ("wrote", "write"),
            ("written", "write"),
            ("swore", "swear"),
            ("sworn", "swear"),
            ("labelled", "label"),
            ("labeled", "label"),
            ("forecast", "forecast"),
            ("argued", "argue"),
            ("SAID", "say"),
        ] {
            assert_eq!(reporting_lemma(form), Some(lemma), "{form}");
        }
    }

    #[test]
    fn nouns_and_other_words_are_not_reporting_verbs() {
        for w in [
            "statement",
            "statements",
            "report",
            "reports2",
            "sad",
            "the",
            "",
            "saidd",
            "accusation",
        ] {
            // `report` is a verb lemma; the nouns built from verbs are not listed.
            if w == "report" {
                assert_eq!(reporting_lemma(w), Some("report"));
                continue;
            }
            assert_eq!(reporting_lemma(w), None, "{w}");
        }
        // Heads of phrases do not report alone.
        assert_eq!(reporting_lemma("pointed"), None);
        assert_eq!(verb("pointed").map(|v| v.lemma), Some("point"));
    }

    #[test]
    fn shapes_never_turn_away_a_listed_word() {
        let lex = &*LEXICON;
        for form in lex.forms.keys() {
            assert!(lex.form_shapes.might_hold(form), "{form}");
            assert!(lex.form_shapes.might_hold(&form.to_uppercase()), "{form}");
            assert!(verb(&form.to_uppercase()).is_some(), "{form}");
        }
        for first in lex.by_first.keys() {
            assert!(lex.first_shapes.might_hold(first), "{first}");
            assert!(
                lex.first_shapes.might_hold(&first.to_uppercase()),
                "{first}"
            );
        }
        let mut shapes = Shapes::new();
        shapes.insert("said");
        assert!(shapes.might_hold("said") && shapes.might_hold("Said"));
        // Another length, first or last letter: certainly not held; nor another second
        // or second-to-last letter.
        assert!(!shapes.might_hold("says") && !shapes.might_hold("the"));
        assert!(!shapes.might_hold("sand") && !shapes.might_hold("sold"));
        assert!(shapes.might_hold("SAID"));
        // A word that is not ASCII is never ruled out.
        assert!(shapes.might_hold("s\u{e9}id"));
    }

    #[test]
    fn flags_agree_with_the_look_ups() {
        let lex = &*LEXICON;
        let mut words: Vec<String> = lex.forms.keys().map(|w| w.to_string()).collect();
        words.extend(lex.by_first.keys().cloned());
        words.extend(
            [
                "the",
                "",
                "Said",
                "ACCORDING",
                "statement",
                "pointed",
                "ruled",
                "d\u{e9}clar\u{e9}",
                "\u{e9}",
            ]
            .map(String::from),
        );
        let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        words.extend(upper);
        for w in &words {
            let f = flags(w);
            if !w.bytes().any(|b| b.is_ascii_uppercase()) {
                assert_eq!(flags_of_lowercase(w, w.is_ascii()), f, "{w}");
            }
            assert_eq!(f & FORM != 0, verb(w).is_some(), "{w}");
            assert_eq!(f & REPORTS != 0, reporting_lemma(w).is_some(), "{w}");
            if !may_start_phrase(f) {
                assert!(
                    phrase_at(&[w.as_str(), "to", "out", "that"]).is_none(),
                    "{w}"
                );
            }
        }
        assert_eq!(flags("according") & STARTS_FIXED, STARTS_FIXED);
        assert_eq!(flags("said"), FORM | REPORTS);
        assert_eq!(flags("pointed"), FORM);
        assert_eq!(flags("the"), 0);
    }

    #[test]
    fn a_few_hundred_verbs() {
        assert!(verb_count() >= 200, "{}", verb_count());
    }

    #[test]
    fn phrases_with_inflected_heads() {
        let (p, n) = phrase_at(&["pointed", "out", "that"]).unwrap();
        assert_eq!((p.lemma.as_str(), n), ("point out", 2));
        let (p, n) = phrase_at(&["According", "to", "the"]).unwrap();
        assert_eq!((p.lemma.as_str(), n, p.head), ("according to", 2, None));
        let (p, _) = phrase_at(&["made", "clear"]).unwrap();
        assert_eq!(p.lemma, "make clear");
        assert!(phrase_at(&["made", "a"]).is_none());
        let (p, n) = phrase_at(&["made", "it", "clear", "she"]).unwrap();
        assert_eq!((p.lemma.as_str(), n), ("make it clear", 3));
        let (p, n) = phrase_at(&["ruled", "that", "the"]).unwrap();
        assert_eq!((p.lemma.as_str(), n), ("rule that", 2));
        // "rule" alone (the verb of governing) reports nothing.
        assert!(phrase_at(&["ruled", "the", "city"]).is_none());
        assert!(phrase_at(&["pointed"]).is_none());
        assert_eq!(stance_of("rule out"), "denies");
    }

    #[test]
    fn stances_come_from_the_table() {
        assert_eq!(stance_of("deny"), "denies");
        assert_eq!(stance_of("accuse"), "accuses");
        assert_eq!(stance_of("condemn"), "condemns");
        assert_eq!(stance_of("vow"), "promises");
        assert_eq!(stance_of("predict"), "predicts");
        assert_eq!(stance_of("warn"), "concerns");
        assert_eq!(stance_of("say"), "asserts");
        assert_eq!(stance_of("nothing"), "asserts");
    }

    #[test]
    fn every_line_of_the_table_is_well_formed() {
        for line in DATA.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split_whitespace().collect();
            if f[0] == "+" {
                assert!(f.len() >= 4, "{line}");
                if f[2] != "=" {
                    assert!(verb(f[2]).is_some(), "phrase head not in the table: {line}");
                }
                continue;
            }
            assert_eq!(f.len(), 6, "{line}");
            assert!(
                matches!(
                    f[0],
                    "asserts"
                        | "denies"
                        | "accuses"
                        | "concerns"
                        | "condemns"
                        | "questions"
                        | "predicts"
                        | "promises"
                        | "-"
                ),
                "{line}"
            );
        }
    }
}
