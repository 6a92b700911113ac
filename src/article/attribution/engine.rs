//! The rule-based attribution finder behind [`super::analyze`].
//!
//! Each paragraph (and the headline) is cut into word and punctuation tokens and its
//! quotation marks are paired. Sentences (merged where a quotation runs over a sentence
//! end) are then read for reporting cues from the lexicon, and each cue is tried against
//! a few constructions, in this order: a trailing attribution (`…, X said.`,
//! `"…," said X`), a passive (`… were denied by X`), `according to X`, and a forward one
//! (`X said (that) …`). Quotes left without a cue continue the previous speaker.

use super::lexicon;
use super::lexicon::ly_adverb;
use super::word::Low;
use super::{Attribution, Confidence, ContentKind};
use crate::article::Article;
use crate::text::{Lowercased, Span};

#[derive(Clone, Debug)]
pub(super) struct Tok {
    /// Byte offsets in the article as `u32` (an article is read whole, far below 4 GB):
    /// the analysis keeps one token per word of the whole article, so their size counts.
    s: u32,
    e: u32,
    /// Lowercase text of a word; empty for punctuation.
    pub low: Low,
    /// The punctuation character, or '\0' for a word.
    pub p: char,
    pub cap: bool,
    /// What the lexicon says of the word ([`lexicon::flags`]), looked up once.
    pub lex: u8,
    /// A word of two or more letters written all in capitals (worked out as the word is
    /// read, while its bytes are at hand).
    upper: bool,
}

// A paragraph's tokens are held for the whole analysis: keep them at 32 bytes.
const _: () = assert!(std::mem::size_of::<Tok>() == 32);

impl Tok {
    /// Start of the token in the article.
    fn s(&self) -> usize {
        self.s as usize
    }
    /// End of the token in the article.
    fn e(&self) -> usize {
        self.e as usize
    }
    fn word(&self) -> bool {
        self.p == '\0'
    }
    /// [`lexicon::reporting_lemma`] of the word is some.
    fn reports(&self) -> bool {
        self.lex & lexicon::REPORTS != 0
    }
    fn is(&self, w: &str) -> bool {
        self.low == w
    }
}

#[derive(Clone, Copy, Debug)]
struct Quote {
    /// Token index of the opening mark.
    open: usize,
    /// Token index of the closing mark, `None` when the paragraph ends first.
    close: Option<usize>,
    inner: Span,
}

struct Block {
    span: Span,
    toks: Vec<Tok>,
    quotes: Vec<Quote>,
    /// Unit boundaries as token ranges: sentences merged across quotations.
    units: Vec<(usize, usize)>,
    /// Per token: a word of two or more letters written all in capitals.
    upper: Vec<bool>,
    headline: bool,
}

const DETS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "such", "any", "no", "some", "every", "each", "another", "new", "recent", "latest",
    "earlier", "previous", "similar", "same", "false", "baseless", "repeated",
];
const AUX: &[&str] = &[
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    // `can't` and `won't` split (`negation_at`).
    "ca",
    "wo",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "shall",
    "also",
    "not",
    "never",
    "later",
    "then",
    "now",
    "still",
    "once",
    "already",
    "again",
    "too",
    "just",
    "even",
    "first",
    "n't",
    // A pronoun's contracted auxiliary, a word of its own (`contraction_at`).
    "'s",
    "'ll",
    "'d",
    "'ve",
    "'re",
    "'m",
    "previously",
    "subsequently",
    "recently",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "further",
    "often",
    "has also",
    "always",
    "frequently",
    "initially",
    "ultimately",
    "finally",
    "flatly",
    "strongly",
    "openly",
    "quickly",
    "immediately",
    "separately",
];
/// Forms of `be`, with the contracted ones after a pronoun (`he's claiming`, `they're
/// saying`; a `'s` before a participle reads as `is` too: `it's said`).
const BE: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "'s", "'re", "'m",
];
const STOPS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "where", "because", "but", "if",
    "as", "after", "before", "since", "although", "though", "so", "than", "or", "nor", "yet",
    "whether", "how", "why", "what", "whatever", "unless", "until", "and",
];
const PREPS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "of", "for", "from", "with", "to", "by",
    "about", "over", "under", "into", "through", "since", "until", "among", "amid", "despite",
    "without", "within", "across", "against", "toward", "towards", "via", "upon", "like", "unlike",
    "beyond", "besides", "per",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
/// Pronouns that stand for things said or done (`those of Reed`, `that of the mayor`).
const THING_PRONOUNS: &[&str] = &["those", "that", "these", "one", "ones"];
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "leader",
    "adviser",
    "advisor",
    "lawyer",
    "attorney",
    "candidate",
    "nominee",
    "governor",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "secretary",
    "ambassador",
    "diplomat",
    "general",
    "commander",
    "analyst",
    "expert",
    "professor",
    "source",
    "sources",
    "national",
    "rebel",
    "fighter",
    "witness",
    "resident",
    "businessman",
    "billionaire",
    "mogul",
    "democrat",
    "republican",
    "speaker",
    "aide",
    "manager",
    "strategist",
    "chief",
    "head",
    "host",
    "author",
    "businesswoman",
    "doctor",
    "physician",
    "actor",
    "actress",
    "judge",
    "prosecutor",
    "officer",
    "former",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "veteran",
    "voter",
    "voters",
    "pollster",
    "economist",
    "historian",
    "critic",
    "critics",
    "supporter",
    "supporters",
    "executive",
    "founder",
    "ceo",
    "member",
    "members",
    "people",
    "person",
    "investigator",
    "lawmaker",
    "legislator",
    "scholar",
    "researcher",
    "scientist",
    "regulator",
    "activist",
    "advocate",
    "parent",
    "student",
    "reader",
    "worker",
    "employee",
    "observer",
    "commentator",
    "protester",
    "politician",
    "negotiator",
    "citizen",
    "opponent",
    "donor",
    "insider",
    "delegate",
    "teacher",
    "farmer",
    "owner",
    "operative",
    "staffer",
    "consultant",
    "organizer",
    "editor",
    "reporter",
    "journalist",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "commissioner",
    "sheriff",
    "coach",
    "auditor",
    "widow",
    "widower",
    "grandmother",
    "grandfather",
    "aunt",
    "uncle",
    "niece",
    "nephew",
];

/// The source a report cites right after its verb, at `j`: `citing X` / `quoting X`, or
/// `, citing X` when X names a speaker ([`names_a_speaker`]; a reason is cited for the
/// report's own claim: `…, citing concerns about his health`). The index of `citing` and
/// the cited noun phrase.
fn cited_source(b: &Block, j: usize, hi: usize) -> Option<(usize, (usize, usize))> {
    let t = &b.toks;
    let citing = |k: usize| k < hi && matches!(t[k].low.as_str(), "citing" | "quoting");
    let (c, after_comma) = if citing(j) {
        (j, false)
    } else if j < hi && t[j].p == ',' && citing(j + 1) {
        (j + 1, true)
    } else {
        return None;
    };
    let mut r = np_right(b, c + 1, hi)?;
    // `citing flight records and two officials`: all of them are cited.
    if r.1 + 1 < hi && matches!(t[r.1].low.as_str(), "and" | "or") {
        if let Some(more) = np_right(b, r.1 + 1, hi) {
            r.1 = more.1;
        }
    }
    // `citing a source in the Kremlin`: the place or body is part of who is cited.
    // Not a time (`citing officials on Tuesday`).
    if r.1 < hi
        && matches!(
            t[r.1].low.as_str(),
            "in" | "at" | "of" | "from" | "inside" | "within"
        )
    {
        if let Some(more) = np_right(b, r.1 + 1, hi) {
            let timed = (more.0..more.1).any(|k| time_word(&t[k].low) || day_word(&t[k].low));
            if !timed {
                r.1 = more.1;
            }
        }
    }
    (!after_comma || names_a_speaker(b, r)).then_some((c, r))
}

/// [`cited_source`] at `j`, taken: the cited one becomes the source, the reporter the
/// first link of the chain, and the cue ends at `citing`. Where the clause goes on.
fn take_cited(
    b: &Block,
    j: usize,
    hi: usize,
    source: &mut Option<(usize, usize)>,
    chain: &mut Vec<Span>,
    cue_end: &mut usize,
) -> usize {
    let Some((c, r)) = cited_source(b, j, hi) else {
        return j;
    };
    *cue_end = b.toks[c].e();
    chain.extend(source.map(|s| span_of(b, s)));
    *source = Some(r);
    after_cited(b, r, hi)
}

/// Where the reporting clause goes on after the cited source `r`: past a relative clause
/// that describes it (`citing a Syrian national who fled the town`).
fn after_cited(b: &Block, r: (usize, usize), hi: usize) -> usize {
    let t = &b.toks;
    let j = r.1;
    if j < hi && matches!(t[j].low.as_str(), "who" | "which" | "that") {
        (j..hi).rev().find(|&k| t[k].word()).map_or(hi, |k| k + 1)
    } else {
        j
    }
}

/// Nouns of the things a report can cite as its source (`citing documents`), beside
/// people ([`person_noun`]) and names.
const CITED_THINGS: &[&str] = &[
    "source",
    "sources",
    "document",
    "documents",
    "data",
    "report",
    "reports",
    "statement",
    "statements",
    "survey",
    "poll",
    "study",
    "records",
    "figures",
    "letter",
    "memo",
];

/// Whether the noun phrase `r` names whom or what a statement comes from: a name (a
/// capitalized word), a noun of people or a source document. Not a reason (`concerns
/// about his health`, `the need for calm`).
fn names_a_speaker(b: &Block, r: (usize, usize)) -> bool {
    let t = &b.toks;
    // The head is the last word before a preposition (`data from the central bank`).
    let end = (r.0 + 1..r.1)
        .find(|&k| PREPS_SET.contains(t[k].low.as_str()))
        .unwrap_or(r.1);
    let Some(head) = (r.0..end).rev().find(|&k| t[k].word()) else {
        return false;
    };
    (r.0..r.1).any(|k| t[k].cap)
        || person_noun(&t[head].low)
        || CITED_THINGS.contains(&t[head].low.as_str())
}

/// Heads of the names of government bodies that `the agency` may stand for.
const GOVERNMENT_BODIES: &[&str] = &[
    "office",
    "administration",
    "bureau",
    "department",
    "service",
    "commission",
    "authority",
    "board",
    "ministry",
    "directorate",
    "inspectorate",
    "agency",
    "institute",
    "survey",
];

/// A person noun of [`PERSON_NOUNS`] or its plural in `-s` (`lawmakers`, `experts`).
fn person_noun(w: &str) -> bool {
    PERSON_NOUNS_SET.contains(w)
        || w.strip_suffix('s')
            .is_some_and(|x| PERSON_NOUNS_SET.contains(x))
}
const ORG_NOUNS: &[&str] = &[
    "ministry",
    "government",
    "party",
    "committee",
    "agency",
    "office",
    "department",
    "company",
    "campaign",
    "report",
    "statement",
    "newspaper",
    "paper",
    "outlet",
    "network",
    "broadcaster",
    "administration",
    "council",
    "commission",
    "court",
    "group",
    "organization",
    "organisation",
    "service",
    "foundation",
    "institute",
    "university",
    "poll",
    "survey",
    "study",
    "website",
    "site",
    "magazine",
    "channel",
    "station",
    "union",
    "army",
    "military",
    "police",
    "embassy",
    "bank",
    "firm",
    "team",
    "board",
    "white",
    "kremlin",
    "pentagon",
    "state",
    "side",
    "club",
    "league",
    "federation",
    "association",
    "coalition",
    "alliance",
    "charity",
    "society",
    "college",
    "school",
    "hospital",
    "authority",
    "authorities",
    "regulator",
    "bureau",
    "cabinet",
    "parliament",
    "senate",
    "congress",
    "legislature",
    "assembly",
    "panel",
    "tribunal",
    "caucus",
    "airline",
    "corporation",
    "institution",
    "center",
    "centre",
    "forum",
    "fund",
];
/// Verbs whose object is always the addressee (`told reporters …`); the other verbs of
/// [`TELL`] take one only before `that` (`warned voters that …`).
const TELL_ALWAYS: &[&str] = &[
    "tell", "inform", "notify", "brief", "remind", "assure", "reassure",
];
/// Verbs of saying that a trailing speaker may follow (`"…," said the minister`,
/// `…, added Ann Dole`). Others take an object there (`…, blamed the loss on …`).
const INVERTING: &[&str] = &[
    "say",
    "add",
    "write",
    "ask",
    "explain",
    "note",
    "reply",
    "respond",
    "insist",
    "conclude",
    "declare",
    "report",
    "warn",
    "recall",
    "continue",
    "announce",
    "argue",
    "observe",
    "remark",
    "comment",
    "shout",
    "whisper",
    "claim",
    "concede",
    "acknowledge",
    "admit",
    "counter",
    "quip",
    "joke",
    "exclaim",
    "muse",
    "tweet",
    "post",
    "state",
    "recount",
    "confirm",
    "predict",
    "suggest",
    "caution",
    "complain",
    "boast",
    "scream",
    "yell",
    "cry",
    "answer",
    "retort",
    "reason",
    "agree",
    "read",
    "begin",
    "go",
    "chime",
    "interject",
    "intone",
    "stress",
    "emphasize",
    "emphasise",
    "point",
    "maintain",
    "contend",
    "assert",
    "allege",
    "testify",
    "plead",
    "demand",
    "urge",
    "promise",
    "vow",
    "pledge",
    "concur",
    "wonder",
    "sigh",
    "laugh",
];

const TELL: &[&str] = &[
    "tell", "inform", "assure", "remind", "notify", "brief", "reassure", "warn", "advise", "urge",
    "promise", "ask", "thank",
];
const COGNITIVE: &[&str] = &[
    "think",
    "believe",
    "feel",
    "hope",
    "wish",
    "consider",
    "expect",
    "fear",
    "suspect",
    "doubt",
    "wonder",
    "guess",
    "reckon",
    "assume",
    "presume",
    "hold",
    "anticipate",
    "recognize",
    "recognise",
    "worry",
    "forecast",
    "foresee",
    "know",
];
/// Words before a gerund that reports for the clause's subject (`began by saying …`,
/// `After saying …`, `each touting … and saying …`).
const GERUND_INTRO: &[&str] = &[
    "by", "from", "after", "before", "while", "when", "and", "without", "despite",
];
/// Verbs whose content may be an infinitive (`wants to junk …`, `plans to release …`).
const TO_VERBS: &[&str] = &[
    "agree",
    "urge",
    "refuse",
    "decline",
    "ask",
    "warn",
    "tell",
    "call on",
    "want",
    "plan",
    "seek",
    "intend",
    "encourage",
    "hope",
    "expect",
];
/// Verbs whose content may follow a preposition (`complained about his mic`, `spoke of
/// her discussions`, `pleads for his life`).
const PREP_OBJECT: &[&str] = &[
    "complain",
    "speak",
    "comment",
    "plead",
    "warn",
    "ask",
    "question",
    "argue",
    "testify",
    "joke",
    "worry",
    "rail",
    "boast",
    "brag",
    "lament",
    "protest",
    "inquire",
    "enquire",
    "speculate",
    "disagree",
    "agree",
    "muse",
    "fume",
    "vent",
    "call",
    "hit out",
    "lash out",
    "weigh in",
    "speak out",
    "caution",
    "remark",
    "fret",
];
/// Verbs whose content may be a bare noun phrase object (`denied the reports`).
const NP_OBJECT: &[&str] = &[
    "deny",
    "reject",
    "dismiss",
    "condemn",
    "denounce",
    "decry",
    "deplore",
    "criticize",
    "criticise",
    "refute",
    "dispute",
    "confirm",
    "announce",
    "acknowledge",
    "admit",
    "welcome",
    "praise",
    "question",
    "challenge",
    "accuse",
    "blame",
    "predict",
    "promise",
    "pledge",
    "vow",
    "demand",
    "call for",
    "talk about",
    "express",
    "voice concern",
    "disclose",
    "reveal",
    "slam",
    "blast",
    "rebut",
    "contradict",
    "repudiate",
    "rule out",
    "brand",
    "label",
    "threaten",
    "propose",
    "recommend",
    "urge",
    "cite",
    "lament",
    "regret",
    "hail",
    "laud",
    "commend",
    "call",
    "attack",
    "support",
    "oppose",
    "endorse",
    "discuss",
    "identify",
    "liken",
    "compare",
    "link",
    "encourage",
    "outline",
    "address",
    "reference",
    "mention",
    "describe",
    "want",
    "plan",
    "show",
];
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "tweet",
    "interview",
    "speech",
    "post",
    "letter",
    "email",
    "release",
    "video",
    "message",
    "op-ed",
    "memo",
    "blog",
    "column",
    "editorial",
    "press",
    "briefing",
    "conference",
    // `on a conference call`, `in a phone call with …`
    "call",
    "news",
    "note",
    "filing",
    // Court papers: `prosecutors alleged in an indictment unsealed on Monday`.
    "indictment",
    "complaint",
    "lawsuit",
    "affidavit",
    "report",
    "radio",
    "television",
    "podcast",
];
/// The days of the week, shared with the article's name finder (`article::mentions`).
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Words of time besides the weekdays that stand where a subject or an object could.
const DAYS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "recently",
    "last",
    "this",
];

pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

// The longer lists, asked about most words: sets (see `word_set!`).
word_set! {
    DETS_SET = DETS;
    AUX_SET = AUX;
    STOPS_SET = STOPS;
    PREPS_SET = PREPS;
    PERSON_NOUNS_SET = PERSON_NOUNS;
    ORG_NOUNS_SET = ORG_NOUNS;
    COGNITIVE_SET = COGNITIVE;
    PREP_OBJECT_SET = PREP_OBJECT;
    NP_OBJECT_SET = NP_OBJECT;
    STATEMENT_NOUNS_SET = STATEMENT_NOUNS;
    NOMINAL_CUES_SET = NOMINAL_CUES;
    IRREGULAR_PAST_SET = IRREGULAR_PAST;
}

/// The nouns of stance read with a preposition: [`STANCE_OBJECT_NOUNS`] and
/// [`TAKES_INFINITIVE`].
static STANCE_OBJECT_NOUNS_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        STANCE_OBJECT_NOUNS
            .iter()
            .chain(TAKES_INFINITIVE)
            .copied()
            .collect()
    });

fn day_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || DAYS.contains(&w)
}

/// A word that opens a phrase of time: a day word (`Tuesday`, `yesterday`, `last`) or a
/// month.
fn time_word(w: &str) -> bool {
    day_word(w) || MONTHS.contains(&w)
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}'
            | '\u{201d}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{201e}'
            | '\u{2018}'
            | '\u{2019}'
            | '\''
    )
}

/// Tokens of `span`: words (letters and digits, with inner apostrophes, hyphens, periods and
/// commas between alphanumerics) and single punctuation characters.
pub(super) fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let mut out = Vec::with_capacity(span.slice(text).len() / 5);
    tokenize_into(text, span, &mut out);
    out
}

/// [`tokenize`], appending to `out`.
fn tokenize_into(text: &str, span: Span, out: &mut Vec<Tok>) {
    let s = span.slice(text);
    let bytes = s.as_bytes();
    // The character at byte `p` (decoded only when it is not ASCII), `None` at the end.
    let char_at = |p: usize| -> Option<char> {
        match bytes.get(p) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => s[p..].chars().next(),
        }
    };
    // Offsets as `u32`, as the normalized view's map keeps them.
    let off = |x: usize| -> u32 {
        debug_assert!(u32::try_from(x).is_ok(), "article offset {x} beyond u32");
        x as u32
    };
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let at = i;
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            // `j`: the byte after the word so far; `prev`: its last character; `ascii`:
            // whether the word so far is all ASCII (most words: lowercased in place).
            let (mut j, mut prev) = (i + c.len_utf8(), c);
            let mut ascii = c.is_ascii();
            loop {
                // A run of ASCII letters and digits, byte by byte (most of a word).
                let run = j;
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                if j > run {
                    prev = bytes[j - 1] as char;
                }
                let Some(d) = char_at(j) else { break };
                // A combining mark belongs to the letter before it (`José` written
                // decomposed, as some systems save it).
                if d.is_alphanumeric() || combining_mark(d) {
                    // Not ASCII: the run above took every ASCII letter and digit.
                    ascii = false;
                    j += d.len_utf8();
                    prev = d;
                    continue;
                }
                if !(matches!(d, '\'' | '\u{2019}' | '-' | '.' | ',' | '\u{2010}' | '&')
                    || mojibake_inside_word(d))
                {
                    break;
                }
                let after = j + d.len_utf8();
                match char_at(after) {
                    Some(n)
                        if n.is_alphanumeric()
                            && (d != ',' || (prev.is_ascii_digit() && n.is_ascii_digit())) =>
                    {
                        ascii &= d.is_ascii() && n.is_ascii();
                        j = after + n.len_utf8();
                        prev = n;
                    }
                    _ => break,
                }
            }
            // `He’s claiming`, `they’ll say`: a pronoun and its contracted auxiliary are
            // two words, so the clause reads as `He is claiming`, `they will say`.
            if let Some(cut) = contraction_at(&s[at..j]) {
                push_word(out, s, span.start, at, at + cut, c, ascii);
                // The auxiliary opens with its apostrophe: never a capital.
                push_word(out, s, span.start, at + cut, j, '\'', ascii);
            } else if let Some(cut) = negation_at(&s[at..j]) {
                // `doesn’t say`, `isn't saying`: the auxiliary and `n't` (read as `not`)
                // are two words, so the verb group reads as `does not say`.
                push_word(out, s, span.start, at, at + cut, c, ascii);
                push_word(out, s, span.start, at + cut, j, 'n', ascii);
            } else {
                push_word(out, s, span.start, at, j, c, ascii);
            }
            i = j;
        } else if c == '\'' && char_at(i + 1) == Some('\'') {
            // Two apostrophes stand for a double quotation mark in some archives.
            out.push(Tok {
                s: off(span.start + at),
                e: off(span.start + at + 2),
                low: Low::default(),
                p: '"',
                cap: false,
                lex: 0,
                upper: false,
            });
            i += 2;
        } else {
            out.push(Tok {
                s: off(span.start + at),
                e: off(span.start + at + c.len_utf8()),
                low: Low::default(),
                // A horizontal bar (`―`, common in some outlets) sets off a phrase as an
                // em dash does: read as one, so every rule on dashes holds for it.
                p: if c == '\u{2015}' { '\u{2014}' } else { c },
                cap: false,
                lex: 0,
                upper: false,
            });
            i += c.len_utf8();
        }
    }
}

/// A combining diacritical mark (the blocks of accents that follow their letter).
fn combining_mark(d: char) -> bool {
    matches!(d, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// A Latin-1 sign that text decoded with the wrong encoding leaves inside a word (`Fran§ois`
/// for `François`, `FranÃ§ois` twice over): between letters, part of the word, so a name
/// stays one phrase. Not the quotation marks, inverted marks or no-break space of that
/// block, which separate words.
fn mojibake_inside_word(d: char) -> bool {
    ('\u{80}'..='\u{bf}').contains(&d)
        && !matches!(d, '\u{a0}' | '\u{a1}' | '\u{ab}' | '\u{bb}' | '\u{bf}')
}

/// Pushes the word at bytes `at..j` of `s` (which starts at article offset `base`), whose
/// first character is `c`; `ascii`: whether the word is all ASCII.
fn push_word(out: &mut Vec<Tok>, s: &str, base: usize, at: usize, j: usize, c: char, ascii: bool) {
    let w = &s[at..j];
    let (low, lex, upper) = if ascii {
        let b = w.as_bytes();
        let upper = !b.iter().any(u8::is_ascii_lowercase)
            && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
        let low = Low::lower_ascii(w);
        let lex = lexicon::flags_of_lowercase(&low, true);
        (low, lex, upper)
    } else {
        // Lowercase first: most words have a lowercase letter, found at once.
        let upper = !w.chars().any(|c| c.is_lowercase())
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let low = Low::lower(w);
        let lex = lexicon::flags_of_lowercase(&low, low.is_ascii());
        (low, lex, upper)
    };
    debug_assert_eq!(lex, lexicon::flags(&low), "{w}");
    // Offsets as `u32`, as the normalized view's map keeps them.
    let off = |x: usize| -> u32 {
        debug_assert!(u32::try_from(x).is_ok(), "article offset {x} beyond u32");
        x as u32
    };
    out.push(Tok {
        s: off(base + at),
        e: off(base + j),
        lex,
        low,
        p: '\0',
        cap: c.is_uppercase(),
        upper,
    });
}

/// Personal pronouns that take a contracted auxiliary (`he’s`, `they’ll`, `I’d`).
const CONTRACTING_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you", "who"];

/// The contracted auxiliaries of [`CONTRACTING_PRONOUNS`], as lowercased (`’` read as `'`).
const CONTRACTED_AUX: &[&str] = &["'s", "'ll", "'d", "'ve", "'re", "'m"];

/// Where the word `w` splits into a personal pronoun and a contracted auxiliary (the
/// byte offset of the apostrophe), when it is one: `He’s` at 2, `they'll` at 4.
fn contraction_at(w: &str) -> Option<usize> {
    let cut = w.find(['\'', '\u{2019}'])?;
    let (pronoun, rest) = w.split_at(cut);
    let aux = &rest[rest.chars().next()?.len_utf8()..];
    let known = |list: &[&str], x: &str| list.iter().any(|k| k.eq_ignore_ascii_case(x));
    let aux_known = CONTRACTED_AUX
        .iter()
        .any(|k| k[1..].eq_ignore_ascii_case(aux));
    (known(CONTRACTING_PRONOUNS, pronoun) && aux_known).then_some(cut)
}

/// Auxiliaries that take a contracted `n't`, as they stand before it (`can't` is `ca` +
/// `n't`, `won't` is `wo` + `n't`, as treebanks split them).
const NEGATED_AUX: &[&str] = &[
    "do", "does", "did", "is", "was", "are", "were", "has", "have", "had", "would", "could",
    "should", "ca", "wo", "must", "need", "might", "ai", "sha",
];

/// Where the word `w` splits into an auxiliary and a contracted `n't` (the byte offset of
/// the `n`), when it is one: `doesn’t` at 4, `Can't` at 2.
pub(super) fn negation_at(w: &str) -> Option<usize> {
    let stem = w
        .strip_suffix("n't")
        .or_else(|| w.strip_suffix("n\u{2019}t"))
        .or_else(|| w.strip_suffix("N'T"))
        .or_else(|| w.strip_suffix("N\u{2019}T"))?;
    NEGATED_AUX
        .iter()
        .any(|a| a.eq_ignore_ascii_case(stem))
        .then_some(stem.len())
}

/// A cue that names the channel of its own words (`tweeted`, `wrote`, `said in a
/// statement`, `said on Facebook`): they did not reach the article through an outlet
/// that carried the same speaker's earlier words.
fn own_channel(cue: &str) -> bool {
    let first = cue
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    first.is_some_and(|w| {
        matches!(
            lexicon::reporting_lemma(&w.to_lowercase()),
            Some("tweet" | "post" | "write" | "blog" | "email" | "text")
        )
    }) || mentions_channel(cue)
}

/// Whether `text` names a statement or a platform (`in a speech`, `on Facebook`).
fn mentions_channel(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .any(|w| STATEMENT_NOUNS_SET.contains(w.as_str()) || PLATFORMS.contains(&w.as_str()))
}

/// Where the words of inclusion start that stand right before `s` (`including`,
/// `notably`, `such as`, `among them`): what follows is an example of a group.
fn example_opener(b: &Block, s: usize) -> Option<usize> {
    let t = &b.toks;
    let k = s.checked_sub(1)?;
    let one = ["including", "notably", "especially", "particularly", "like"];
    if one.iter().any(|w| t[k].is(w)) {
        return Some(k);
    }
    let two = k > 0
        && ((t[k - 1].is("such") && t[k].is("as")) || (t[k - 1].is("among") && t[k].is("them")));
    two.then(|| k - 1)
}

/// Pairs the quotation marks of one block's tokens.
fn quotes(toks: &[Tok]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut double: Option<usize> = None;
    let mut single: Option<usize> = None;
    let mut nested = 0usize;
    let adjacent_word = |i: usize, after: bool| -> bool {
        let j = if after { i + 1 } else { i.wrapping_sub(1) };
        toks.get(j).is_some_and(|t| {
            (t.word() || !is_quote_char(t.p))
                && (if after {
                    t.s() == toks[i].e()
                } else {
                    t.e() == toks[i].s()
                })
        })
    };
    let push = |out: &mut Vec<Quote>, open: usize, close: Option<usize>| {
        let start = toks[open].e();
        let end = close.map_or(toks.last().map_or(start, |t| t.e()), |c| toks[c].s());
        if end > start {
            out.push(Quote {
                open,
                close,
                inner: Span::new(start, end),
            });
        }
    };
    for (i, t) in toks.iter().enumerate() {
        match t.p {
            '\u{201c}' | '\u{ab}' | '\u{201e}' if double.is_none() => {
                double = Some(i);
                single = None;
            }
            // A double quotation inside a double quotation (`“I live in what he calls
            // “hell” and …”`): its closing mark does not close the outer one, when two
            // closing marks follow (else the outer one was left open by a slip).
            '\u{201c}'
                if toks[i + 1..]
                    .iter()
                    .filter(|x| x.p == '\u{201d}')
                    .nth(nested + 1)
                    .is_some() =>
            {
                nested += 1
            }
            '\u{201d}' | '\u{bb}' if nested > 0 => nested -= 1,
            // A paragraph opened with a closing mark by a slip of the keyboard
            // (`”We will …” ― Ann Berg`): an opening mark when another closes it later.
            '\u{201d}'
                if i == 0
                    && double.is_none()
                    && toks[1..].iter().any(|x| matches!(x.p, '\u{201d}' | '"')) =>
            {
                double = Some(i);
                single = None;
            }
            '\u{201d}' | '\u{bb}' => {
                if let Some(o) = double.take() {
                    push(&mut out, o, Some(i));
                }
            }
            '"' => match double.take() {
                Some(o) => push(&mut out, o, Some(i)),
                None => {
                    double = Some(i);
                    single = None;
                }
            },
            '\u{2018}' if double.is_none() && single.is_none() && adjacent_word(i, true) => {
                single = Some(i)
            }
            '\'' if double.is_none()
                && single.is_none()
                && adjacent_word(i, true)
                && !adjacent_word(i, false) =>
            {
                single = Some(i)
            }
            // A closing mark may touch the punctuation after it (`'reckless'.`), not a
            // word: that is an apostrophe inside one.
            '\u{2019}' | '\''
                if double.is_none()
                    && !toks.get(i + 1).is_some_and(|n| n.word() && n.s() == t.e()) =>
            {
                if let Some(o) = single.take() {
                    push(&mut out, o, Some(i));
                }
            }
            _ => {}
        }
    }
    if let Some(o) = double {
        push(&mut out, o, None);
    }
    out
}

/// The analysis of one block. `scratch` is where its tokens are read (empty before and
/// after): the block keeps them in a vector of their exact length (a block's tokens are
/// kept for the whole analysis, and a guessed capacity, grown by doubling, left about a
/// fifth of the room unused on a long article).
fn build_block(a: &Article, span: Span, headline: bool, scratch: &mut Vec<Tok>) -> Block {
    tokenize_into(&a.text, span, scratch);
    // Moved out, not `mem::take`n: the scratch list keeps its (grown) room for the next
    // block, this one gets a list of its length.
    let mut toks: Vec<Tok> = Vec::with_capacity(scratch.len());
    toks.append(scratch);
    let quotes = quotes(&toks);
    // Sentence ends as token indices.
    let mut bounds: Vec<usize> = Vec::new();
    if !headline {
        let r = a.sentences_in(span);
        for s in &a.sentences()[r] {
            if s.span().start > span.start && s.span().start < span.end {
                bounds.push(toks.partition_point(|t| t.s() < s.span().start));
            }
        }
    }
    // Merge sentences a quotation runs over, and a short reporting clause into the
    // quotation right before it (`"Why?" Graham asked.`).
    let ends: Vec<usize> = bounds.iter().skip(1).copied().chain([toks.len()]).collect();
    let mut keep = Vec::with_capacity(bounds.len());
    for (k, &b) in bounds.iter().enumerate() {
        let crossed = quotes
            .iter()
            .any(|q| q.open < b && q.close.is_none_or(|c| c >= b));
        let after_quote = quotes.iter().any(|q| q.close.is_some_and(|c| c + 1 == b));
        let next_end = ends[k];
        // A quotation closed after a period is a whole sentence: a clause after it that
        // goes on past its cue (`"… coastal towns." Harbor Times said the mine was …`) is
        // a new statement; `"…?" Graham asked.` and `"We will." he said.` are not.
        let closed_on_period = b >= 2 && toks[b - 2].p == '.';
        // The clause's first verb of saying decides (`She declined to say how many …`
        // after `"…quarter."` is a sentence of its own, whose `say` comes second).
        let short_cue = after_quote
            && next_end - b <= 24
            && (b..(b + 7).min(next_end))
                .find(|&m| toks[m].word() && !toks[m].cap && toks[m].reports())
                .is_some_and(|m| {
                    // `It did not say whether …` after `"…matter."`: an auxiliary or a
                    // negation before the verb makes a clause of its own, not a tag.
                    let tag = !toks[b..m].iter().any(|x| {
                        AUX_SET.contains(x.low.as_str())
                            || matches!(x.low.as_str(), "not" | "n't" | "never")
                    });
                    // `Russia insisted that …` after `"…neighborhood."`: a verb with a
                    // clause of its own is a new statement, never a quotation's tag.
                    let own_clause = toks.get(m + 1).is_some_and(|x| x.is("that"));
                    tag && !own_clause
                        && (!closed_on_period
                            || toks[m + 1..next_end].iter().filter(|x| x.word()).count() <= 6)
                });
        if !crossed && !short_cue {
            keep.push(b);
        }
    }
    let bounds = keep;
    let mut units = Vec::new();
    let mut start = 0;
    for b in bounds {
        if b > start {
            units.push((start, b));
            start = b;
        }
    }
    if start < toks.len() {
        units.push((start, toks.len()));
    }
    let upper = toks.iter().map(|t| t.upper).collect();
    Block {
        span,
        toks,
        quotes,
        units,
        upper,
        headline,
    }
}

/// A hyphen used as a dash, an en dash or an em dash (the horizontal bar is tokenized
/// as an em dash).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2014}' | '\u{2013}')
}

/// Whether the dash at `k` closes a pair opened after `lo` (`The film ― which … ―
/// explains …`): it ends an aside, as a comma would, rather than starting one.
fn closes_dash_pair(b: &Block, lo: usize, k: usize) -> bool {
    (lo..k).filter(|&m| is_dash(b.toks[m].p)).count() % 2 == 1
}

fn in_quote(b: &Block, i: usize) -> bool {
    b.quotes
        .iter()
        .any(|q| q.open < i && q.close.is_none_or(|c| i < c))
}

/// A found attribution before resolution.
#[derive(Clone, Debug)]
struct Found {
    content: Vec<Span>,
    kind: ContentKind,
    cue: Option<Span>,
    source: Option<Span>,
    addressee: Option<Span>,
    chain: Vec<Span>,
    /// Weak evidence: the source is carried on from the previous speaker (a quote without
    /// its own cue), or the cue is a verb outside the lexicon ([`clause_verb`]).
    carried: bool,
    /// The source is the main clause's subject (`…, saying …`).
    participle: bool,
    /// The subject's act with a verb outside the lexicon ([`clause_verb`]): a quotation
    /// inside its content is still attributed on its own.
    act: bool,
    /// The speaker is given by a label rather than a cue: a transcript turn's `SMITH:`,
    /// a quotation signed after a dash. As plain as a cue; no weak evidence.
    labelled: bool,
    block: usize,
}

impl Found {
    /// A statement with no addressee, no chain and none of the weak-evidence marks; the
    /// rules that find more say so with struct update syntax.
    fn new(
        content: Vec<Span>,
        kind: ContentKind,
        cue: Option<Span>,
        source: Option<Span>,
        block: usize,
    ) -> Self {
        Found {
            content,
            kind,
            cue,
            source,
            addressee: None,
            chain: Vec::new(),
            carried: false,
            participle: false,
            act: false,
            labelled: false,
            block,
        }
    }

    /// A direct quotation `content` credited to `source` with no cue word of its own (a
    /// signature, a sentence's subject).
    fn uncued_quote(content: Span, source: Span, block: usize) -> Self {
        Found::new(
            vec![content],
            ContentKind::Direct,
            None,
            Some(source),
            block,
        )
    }
}

/// Words that a noun phrase subject does not hold.
/// `first` in `the former first lady`, `its second chief`: an ordinal after a determiner
/// (or `former`) belongs to the noun phrase, not the adverb of `Dole first said`.
fn ordinal_in_phrase(t: &[Tok], k: usize, lo: usize) -> bool {
    matches!(t[k].low.as_str(), "first" | "second" | "third")
        && k > lo
        && t[k - 1].word()
        && (DETS_SET.contains(t[k - 1].low.as_str()) || t[k - 1].is("former"))
        && t.get(k + 1).is_some_and(|n| n.word() && !n.reports())
}

fn np_stop(t: &Tok) -> bool {
    !t.word()
        || NP_STOP_WORDS.contains(t.low.as_str())
        || t.reports() && !t.cap && !is_noun_use_word(&t.low)
}

/// The words of [`STOPS`], [`BE`] and [`AUX`] in one hashed set: [`np_stop`] asks about
/// every word next to a noun phrase, and scanning the three lists was most of its cost.
static NP_STOP_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOPS.iter().chain(BE).chain(AUX).copied().collect());

/// Words that are reporting verbs in form but nouns here often (`the report`).
fn is_noun_use_word(w: &str) -> bool {
    matches!(
        w,
        "report"
            | "statement"
            | "source"
            | "sources"
            | "state"
            // `Twenty-seven states led by West Virginia are challenging …`
            | "states"
            | "comment"
            | "answer"
            | "question"
            | "charge"
            | "charges"
            | "doubt"
            | "fear"
            | "promise"
            | "pledge"
            | "vow"
            // `a federal appeals court`, `the appeals process`
            | "appeals"
    )
}

/// The noun phrase ending right before token `end` (exclusive), within `[lo, end)`.
fn np_left(b: &Block, lo: usize, end: usize) -> Option<(usize, usize)> {
    let t = &b.toks;
    let mut i = end;
    let mut words = 0;
    while i > lo {
        let k = i - 1;
        let tk = &t[k];
        if tk.word() {
            // A finite verb before the words: they are its object and the cue word a noun
            // (`drew direct links`), so no subject here, unless the verb is in a relative
            // clause of the subject (`one of the doctors who sent the letter called …`) or
            // makes the noun a statement (`Sanders made the following comment`).
            // (`rejected opposition demands that …`: a past verb of saying too.)
            if !tk.cap
                && (IRREGULAR_PAST_SET.contains(tk.low.as_str())
                    || (tk.reports()
                        && tk.low.ends_with("ed")
                        && k + 1 < end
                        // Not a participle modifying the noun (`after leaked documents`).
                        && k > lo
                        && t[k - 1].word()
                        && !PREPS_SET.contains(t[k - 1].low.as_str())
                        && !DETS_SET.contains(t[k - 1].low.as_str())
                        && !ly_adverb(&t[k - 1].low)))
                && !adjective_past(&tk.low)
                && t.get(end).is_some_and(Tok::reports)
            {
                if k > lo && matches!(t[k - 1].low.as_str(), "who" | "that" | "which") {
                    return np_left(b, lo, k - 1).map(|(s, _)| (s, end));
                }
                if matches!(tk.low.as_str(), "made" | "gave") {
                    return np_left(b, lo, k);
                }
                return None;
            }
            // `Privacy advocates say`: a verb's form, but the noun before the verb;
            // `the company's plans`: after a possessive.
            let noun_here = tk.reports()
                && !tk.cap
                && (lexicon::reporting_lemma(&tk.low)
                    .is_some_and(|l| plural_noun_before_verb(t, k, l))
                    || (k > lo
                        && t[k - 1].word()
                        && t[k - 1].low.ends_with("'s")
                        && t[k - 1].low.len() > 2
                        && !matches!(
                            t[k - 1].low.as_str(),
                            "let's"
                                | "it's"
                                | "that's"
                                | "he's"
                                | "she's"
                                | "there's"
                                | "what's"
                                | "who's"
                                | "here's"
                                | "where's"
                        )));
            // `the third time AROS said`, `the day Ann Dole told …`: a noun of time or
            // manner heads a clause whose subject is the name after it.
            if words > 0
                && !tk.cap
                && matches!(
                    tk.low.as_str(),
                    "time" | "times" | "day" | "moment" | "way" | "reason" | "week" | "year"
                )
                && t.get(k + 1).is_some_and(|n| n.cap)
            {
                break;
            }
            if np_stop(tk) && !noun_here && !ordinal_in_phrase(t, k, lo) {
                // "and" between capitalized words or nouns stays inside a name, and so
                // does `neither … nor` (`Neither Reed nor Dole responded`).
                if (tk.is("and") || tk.is("nor"))
                    && words > 0
                    && k > lo
                    && t[k - 1].word()
                    && !np_stop(&t[k - 1])
                {
                    i = k;
                    continue;
                }
                break;
            }
            words += 1;
            i = k;
        } else if k > lo
            && t[k - 1].word()
            && t[k - 1].e() == tk.s()
            && (matches!(tk.p, '\'' | '\u{2019}') || (tk.p == '.' && is_abbrev(&t[k - 1].low)))
        {
            i = k;
        } else if tk.p == '&' && k > lo && t[k - 1].word() {
            // `Procter & Gamble`, `Pike & Co.`, `research & development`: an ampersand
            // between words joins them in one phrase.
            i = k;
        } else {
            break;
        }
        if words >= 14 {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    // `The men who built it said`, `the men who Fred hired said`: the words after `who`
    // are a relative clause (a past verb and its object, or its subject and the verb) of
    // the subject before it, which is the phrase, whole.
    if i > lo + 1
        && matches!(t[i - 1].low.as_str(), "who" | "which")
        && t[i].word()
        && (IRREGULAR_PAST_SET.contains(t[i].low.as_str()) || t[i].low.ends_with("ed"))
    {
        if let Some((s, _)) = np_left(b, lo, i - 1) {
            return Some((s, end));
        }
    }
    // A leading prepositional phrase is not the subject: start at the last determiner or
    // at the last capitalized run after it.
    let mut s = i;
    // `On Wednesday he said`, `Speaking in Ohio he said`: a subject pronoun after
    // opening words without their comma is the subject (`Tom and I` is one, `the plan
    // failed and he` is not: a verb before `and` ends a clause).
    let verb_at = |k: usize| {
        let w = t[k].low.as_str();
        !t[k].cap && (w.ends_with("ed") || IRREGULAR_PAST_SET.contains(w))
    };
    if let Some(p) = (s + 1..end).find(|&k| {
        subject_pronoun(&t[k])
            && (!matches!(t[k - 1].low.as_str(), "and" | "or") || (k >= 2 && verb_at(k - 2)))
    }) {
        s = p;
    }
    // `… oversight of the regional centers The S.E.C. said`: a capitalized `The` after a
    // word that is no preposition opens a sentence whose period went missing.
    if let Some(k) = (s + 1..end)
        .rev()
        .find(|&k| t[k].cap && t[k].is("the") && !PREPS_SET.contains(t[k - 1].low.as_str()))
    {
        s = k;
    }
    // `the savings target it pledged to reach`: `it` right before the cue, after a noun
    // phrase opened by a determiner, is the subject of a relative clause whose `that` is
    // left out. (Not after a verb: `the people who saw it said`.)
    if end - s >= 3 && t[end - 1].low == "it" && object_of_relative_before(t, s, end - 1) {
        s = end - 1;
    }
    if PREPS_SET.contains(t[s].low.as_str()) {
        let det = (s + 1..end)
            .rev()
            .find(|&k| matches!(t[k].low.as_str(), "the" | "a" | "an"));
        // `On Wednesday he said`, `On May 3 Reed said`: an opening phrase of time
        // without its comma; the subject is the pronoun, or the name, after it.
        let after_time = (s + 1..end)
            .rev()
            .find(|&k| time_word(&t[k].low) || t[k].low.bytes().all(|c| c.is_ascii_digit()))
            .filter(|&k| k + 1 < end && t[k + 1].cap && t[k + 1].word());
        s = match det {
            None if after_time.is_some() => after_time.map_or(s, |k| k + 1),
            Some(d) => d,
            None => {
                let last_lower = (s..end).rev().find(|&k| t[k].word() && !t[k].cap);
                match last_lower {
                    Some(l) if l + 1 < end => l + 1,
                    // `In Ohio Reed said`, `In Ohio Tom Reed said`: a place and a name
                    // without the comma between; the name is its last word, or starts at
                    // a given name.
                    None if end - s >= 3 && (s + 1..end).all(|k| t[k].word() && t[k].cap) => (s + 2
                        ..end)
                        .find(|&k| given_name(&t[k].low))
                        .unwrap_or(end - 1),
                    _ => return None,
                }
            }
        };
    }
    while s < end && !t[s].word() {
        s += 1;
    }
    // `On May 3 Reed said`: the day of a date (`May` stops the scan as a modal).
    if s > lo
        && s + 1 < end
        && t[s].low.bytes().all(|c| c.is_ascii_digit())
        && MONTHS.contains(&t[s - 1].low.as_str())
        && t[s + 1].cap
    {
        s += 1;
    }
    // `Meanwhile Dole continues …`, `But Dole said …`: a connective opening the sentence
    // without its comma is not part of the name.
    if s == lo
        && s + 1 < end
        && t[s].cap
        && t[s + 1].word()
        && (CLAUSE_OPENERS.contains(&t[s].low.as_str()) || CONNECTIVES.contains(&t[s].low.as_str()))
    {
        s += 1;
    }
    if s >= end {
        return None;
    }
    // A prepositional phrase trailing into the cue ("sources close to") stays: it is part
    // of the phrase. A subject made only of function words is none, but for `Some` and
    // `Each` standing alone (`Some say …`), which name people as `Many` and `Others` do.
    let quantifier = end - s == 1 && matches!(t[s].low.as_str(), "some" | "each");
    if !quantifier
        && (s..end).all(|k| {
            !t[k].word()
                || DETS_SET.contains(t[k].low.as_str())
                || PREPS_SET.contains(t[k].low.as_str())
        })
    {
        return None;
    }
    // Not a subject: a gerund phrase (`defending his …`), an object pronoun, a phrase of
    // time (`In 1986`).
    let first = t[s].low.as_str();
    let gerund = ing_form(first);
    // A participle opening the phrase before a determiner (`Following a … meeting`,
    // `Bemoaning the …`), capitalized or not: no subject.
    let participle_phrase = gerund
        && t.get(s + 1)
            .is_some_and(|n| s + 1 < end && DETS_SET.contains(n.low.as_str()));
    // A participle modifying a person noun is an adjective (`restructuring experts`,
    // `striking workers`): the phrase is the subject.
    let modifier = gerund
        && end - s >= 2
        && (s + 1..end).all(|k| t[k].word() && !t[k].cap && !np_stop(&t[k]))
        && !DETS_SET.contains(t[s + 1].low.as_str())
        && !PREPS_SET.contains(t[s + 1].low.as_str())
        && person_noun(&t[end - 1].low);
    if (!t[s].cap && gerund && !modifier)
        || participle_phrase
        || matches!(first, "me" | "us" | "him" | "them" | "whom")
        || (PREPS_SET.contains(first)
            && s + 1 < end
            && t[s + 1].low.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some((s, end))
}

/// Whether a word, lowercased, is a given name (`tom` for `Tom`).
fn given_name(low: &str) -> bool {
    let mut chars = low.chars();
    chars.next().is_some_and(|c| {
        let written: String = c.to_uppercase().chain(chars).collect();
        lexicon::given_name_gender(&written).is_some()
    })
}

/// Whether the words of `[lo, p)` end with a noun phrase opened by a determiner (`the
/// savings target`, `a promise`): one to three lowercase words after it, none a verb's
/// past (`the man who saw`) nor a function word.
fn object_of_relative_before(t: &[Tok], lo: usize, p: usize) -> bool {
    let det = |w: &Tok| {
        matches!(
            w.low.as_str(),
            "the" | "a" | "an" | "its" | "their" | "this" | "every" | "each"
        )
    };
    for k in (lo..p).rev().take(4) {
        let w = &t[k];
        if w.word() && det(w) {
            return true;
        }
        if !w.word()
            || w.cap
            || np_stop(w)
            || w.low.ends_with("ed")
            || PREPS_SET.contains(w.low.as_str())
        {
            return false;
        }
    }
    false
}

/// A lowercase word in `-ing` long enough to be a gerund or participle (`following`,
/// `bemoaning`; not `king`, `sing`).
fn ing_form(w: &str) -> bool {
    w.ends_with("ing") && w.len() > 5
}

/// Irregular past forms that are also adjectives or nouns inside a noun phrase (`the
/// spent fuel`, `the left`).
fn adjective_past(w: &str) -> bool {
    matches!(
        w,
        "left"
            | "set"
            | "cut"
            | "hit"
            | "let"
            | "put"
            | "lost"
            | "spent"
            | "built"
            | "broke"
            | "held"
            | "paid"
            | "won"
            | "rose"
            | "saw"
    )
}

fn is_abbrev(w: &str) -> bool {
    w.chars().count() == 1
        || matches!(
            w,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "sen"
                | "rep"
                | "gov"
                | "gen"
                | "lt"
                | "col"
                | "st"
                | "jr"
                | "sr"
                | "prof"
                | "u.s"
                | "u.n"
                | "u.k"
                | "d.c"
                | "inc"
                | "co"
                | "corp"
        )
        || (w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2))
        || crate::article::mentions::is_state_abbreviation(w)
}

/// The noun phrase starting at `start`: up to punctuation (but not a name's inner
/// periods), a clause word, a verb of the lexicon or a relative pronoun.
fn np_right(b: &Block, start: usize, hi: usize) -> Option<(usize, usize)> {
    np_right_with(b, start, hi, false)
}

/// [`np_right`]; with `nouns`, reporting words inside the phrase are read as nouns (after
/// `according to` a noun phrase must follow: `according to show insiders`, `according to
/// survey data`).
fn np_right_with(b: &Block, start: usize, hi: usize, nouns: bool) -> Option<(usize, usize)> {
    let t = &b.toks;
    let stop = |tk: &Tok| {
        if nouns {
            !tk.word() || NP_STOP_WORDS.contains(tk.low.as_str())
        } else {
            np_stop(tk)
        }
    };
    let mut i = start;
    let mut words = 0;
    while i < hi {
        let tk = &t[i];
        if tk.word() {
            // `people familiar with the matter`, `sources close to the talks`: the
            // preposition completes the adjective, the phrase goes on.
            let completes = words > 0
                && ((tk.is("with") && t[i - 1].is("familiar"))
                    || (tk.is("to") && t[i - 1].is("close")));
            if (stop(tk) && !ordinal_in_phrase(t, i, start) && !completes)
                || (words > 0
                    && PREPS_SET.contains(tk.low.as_str())
                    && !completes
                    && !matches!(tk.low.as_str(), "of" | "for" | "from" | "at"))
            {
                if tk.is("and") && words > 0 && t.get(i + 1).is_some_and(|n| n.cap) {
                    i += 1;
                    continue;
                }
                break;
            }
            // A past-tense verb after the head noun ends the phrase (`The union greeted`).
            if words > 0
                && !tk.cap
                && tk.low.ends_with("ed")
                && t[i - 1].word()
                && !DETS_SET.contains(t[i - 1].low.as_str())
                && !ly_adverb(&t[i - 1].low)
            {
                break;
            }
            if words > 0 && day_word(tk.low.as_str()) {
                break;
            }
            // A subject pronoun opens a clause (`told reporters he felt …`, `the plan
            // she backed`): no word of the phrase.
            // (`my siblings and I` is one phrase.)
            if words > 0
                && (subject_pronoun(tk) || tk.low == "it")
                && !matches!(t[i - 1].low.as_str(), "and" | "or")
            {
                // `On September 27 they published …`: an opening phrase of time or place
                // without its comma; the pronoun is the subject.
                if PREPS_SET.contains(t[start].low.as_str()) {
                    return Some((i, i + 1));
                }
                break;
            }
            // An article after a noun opens the next phrase (`told reporters the team
            // "…"`), except after a preposition or a predeterminer (`all the`, `half a`).
            if words > 0
                && matches!(tk.low.as_str(), "the" | "a" | "an")
                && !PREPS_SET.contains(t[i - 1].low.as_str())
                && !matches!(
                    t[i - 1].low.as_str(),
                    "all" | "both" | "half" | "such" | "quite" | "what" | "rather" | "and" | "or"
                )
            {
                break;
            }
            words += 1;
        } else {
            let joined = i > start && t[i - 1].e() == tk.s();
            let abbrev =
                joined && tk.p == '.' && is_abbrev(&t[i - 1].low) && i + 1 < hi && t[i + 1].cap;
            // `9/11 widow Ann Vale`: a number written with a slash is one word.
            let digits = |k: usize| t[k].word() && t[k].low.bytes().all(|c| c.is_ascii_digit());
            let numbered = joined
                && tk.p == '/'
                && digits(i - 1)
                && i + 1 < hi
                && tk.e() == t[i + 1].s()
                && digits(i + 1);
            if numbered {
                i += 2;
                continue;
            }
            if !(joined && (abbrev || matches!(tk.p, '\'' | '\u{2019}'))) {
                break;
            }
        }
        i += 1;
        if words > 10 {
            break;
        }
    }
    // Trailing prepositions and determiners are not part of it.
    while i > start
        && (PREPS_SET.contains(t[i - 1].low.as_str())
            || DETS_SET.contains(t[i - 1].low.as_str())
            || !t[i - 1].word())
    {
        i -= 1;
    }
    (words > 0 && i > start).then_some((start, i))
}

/// `he`, `she`, `they`, `we`, `I`: a pronoun that can only be a subject (not `it`, which
/// is an object too).
fn subject_pronoun(t: &Tok) -> bool {
    t.word() && matches!(t.low.as_str(), "he" | "she" | "they" | "we" | "i")
}

/// `On May 3 they …`: a subject pronoun after a short opening phrase (a preposition and
/// words, no comma) from `lo`; its index.
fn pronoun_after_opening(b: &Block, lo: usize, hi: usize) -> Option<usize> {
    let t = &b.toks;
    if lo >= hi || !PREPS_SET.contains(t[lo].low.as_str()) {
        return None;
    }
    (lo + 1..hi.min(lo + 7))
        .take_while(|&k| t[k].word())
        .find(|&k| subject_pronoun(&t[k]))
}

/// The subject opening the clause at `lo` (`A group of nurses sent a letter …`): the noun
/// phrase up to its verb, for a participle that reports for it (`…, calling for …`).
fn clause_subject(b: &Block, lo: usize, hi: usize) -> Option<(usize, usize)> {
    let t = &b.toks;
    if lo < hi && subject_pronoun(&t[lo]) {
        return Some((lo, lo + 1));
    }
    if let Some(k) = pronoun_after_opening(b, lo, hi) {
        return Some((k, k + 1));
    }
    let (s, e) = np_right(b, lo, hi)?;
    let verb = (s + 1..e).find(|&k| {
        let w = t[k].low.as_str();
        !t[k].cap
            && t[k - 1].word()
            && !DETS_SET.contains(t[k - 1].low.as_str())
            && ((IRREGULAR_PAST_SET.contains(w)
                && !matches!(w, "left" | "set" | "cut" | "hit" | "let" | "put"))
                || (BE.contains(&w) && w != "be")
                || matches!(w, "has" | "have" | "had" | "will" | "would"))
    });
    match verb {
        Some(k) => Some((s, k)),
        None => Some((s, e)),
    }
}

fn span_of(b: &Block, r: (usize, usize)) -> Span {
    Span::new(b.toks[r.0].s(), b.toks[r.1 - 1].e())
}

/// Skips adverbs and auxiliaries leftwards from `i` (exclusive).
fn skip_aux_left(b: &Block, lo: usize, mut i: usize) -> usize {
    while i > lo {
        let t = &b.toks[i - 1];
        // `has long said`: `long` as an adverb, after a perfect's `have`.
        let long_after_have = t.is("long")
            && i >= lo + 2
            && matches!(
                b.toks[i - 2].low.as_str(),
                "has" | "have" | "had" | "'ve" | "'d"
            );
        // `remained committed to`, `stays convinced that`: a copula like `is`, before a
        // participle.
        let copula = matches!(
            t.low.as_str(),
            "remain" | "remains" | "remained" | "stay" | "stays" | "stayed"
        ) && b
            .toks
            .get(i)
            .is_some_and(|n| n.word() && n.low.ends_with("ed"));
        let floated = floated_quantifier(&b.toks, lo, i - 1);
        // `Reed earlier said`, `had earlier warned`: an adverb of time.
        let earlier = t.is("earlier");
        if t.word()
            && (AUX_SET.contains(t.low.as_str())
                || earlier
                || (ly_adverb(&t.low) && t.low.len() > 4 && !t.cap)
                || long_after_have
                || copula
                || floated)
        {
            i -= 1;
        } else {
            break;
        }
    }
    i
}

/// `Dole and Reed both said`, `They all said`, `The men each said`: the quantifier at `k`
/// floated after its subject (not `All said`, where it is the subject).
fn floated_quantifier(t: &[Tok], lo: usize, k: usize) -> bool {
    matches!(t[k].low.as_str(), "both" | "all" | "each")
        && k > lo
        && t[k - 1].word()
        && !PREPS_SET.contains(t[k - 1].low.as_str())
}

/// Where the subject of the cue at `ci` ends: before auxiliaries, adverbs and a
/// parenthesis (`Rep. Ann Dole (D-Ore.) said`).
fn subject_end(b: &Block, lo: usize, ci: usize) -> usize {
    let t = &b.toks;
    let mut k = skip_aux_left(b, lo, ci);
    // "continues to insist", "went on to explain": the verb that leads to the cue.
    if k == ci {
        if let Some(v) = catenative_start(b, lo, ci) {
            k = skip_aux_left(b, lo, v);
        }
    }
    // A phrase of time between the subject and its verb: `who in 2009 said`, `Berg on
    // Monday said`, `the council last week warned`.
    // (`Ann Dole, the mayor, on Sunday rejected …`: after the apposition's comma too.)
    if k >= lo + 3 && t[k - 1].word() && t[k - 2].word() && (t[k - 3].word() || t[k - 3].p == ',') {
        let when = t[k - 1].low.as_str();
        let time_word = day_word(when)
            || MONTHS.contains(&when)
            || matches!(when, "week" | "month" | "year")
            || (when.len() == 4 && when.bytes().all(|c| c.is_ascii_digit()));
        let lead = t[k - 2].low.as_str();
        if time_word && matches!(lead, "in" | "on" | "last" | "this" | "earlier" | "during") {
            k = skip_aux_left(b, lo, k - 2);
        }
    }
    // Where the words were said, between the subject and its verb: `Stumpf in a
    // televised interview said`, `Berg in a statement on Friday said`.
    if k >= lo + 4 && t[k - 1].word() {
        if let Some(p) = (k.saturating_sub(7).max(lo + 1)..k - 2).rev().find(|&p| {
            matches!(t[p].low.as_str(), "in" | "during")
                && matches!(
                    t[p + 1].low.as_str(),
                    "a" | "an" | "the" | "his" | "her" | "their" | "its"
                )
                && (p + 2..k).all(|m| {
                    t[m].word() && !t[m].reports() || STATEMENT_NOUNS.contains(&t[m].low.as_str())
                })
                && (p + 2..k).any(|m| STATEMENT_NOUNS.contains(&t[m].low.as_str()))
                && t[p - 1].word()
        }) {
            k = skip_aux_left(b, lo, p);
        }
    }
    if k > lo && t[k - 1].p == ')' {
        if let Some(open) = (lo..k - 1).rev().find(|&m| t[m].p == '(') {
            k = skip_aux_left(b, lo, open);
        }
    }
    // An apposition between the subject and its verb: `Ann Dole, a spokeswoman for the
    // council, said`, `Tom Reed, 82, said`. The subject ends at the apposition's comma.
    if let Some(mut m) = apposition_before(b, lo, k) {
        // Appositions in a row after a name: `Ann Dole, 59, of Salem, Ore., who watched
        // the parade, said` (the earlier ones short, right after a capitalized word, an
        // age or a parenthesis), not the clauses of a sentence (`…, but for some, the
        // losses …, said X`).
        for _ in 0..3 {
            match apposition_before(b, lo, m + 1) {
                Some(before)
                    if before < m
                        // (Longer when a relative clause follows it: `Michael Mulgrew,
                        // president of the United Federation of Teachers, which
                        // represents …, said`.)
                        // Up to ten tokens (`Scott Pruitt, the Republican attorney
                        // general of Oklahoma, one of the states …, said`).
                        && (m - before <= 10
                            || (m - before <= 12
                                && t
                                    .get(m + 1)
                                    .is_some_and(|x| matches!(x.low.as_str(), "which" | "who"))))
                        && before > lo
                        && (t[before - 1].cap
                            || t[before - 1].p == ')'
                            || (t[before - 1].word()
                                && t[before - 1].low.bytes().all(|c| c.is_ascii_digit()))) =>
                {
                    m = before
                }
                _ => break,
            }
        }
        k = m;
        // `Rep. Ann Dole (D-Ore.), a member of the panel, said`: the parenthesis again.
        if k > lo && t[k - 1].p == ')' {
            if let Some(open) = (lo..k - 1).rev().find(|&m| t[m].p == '(') {
                k = open;
            }
        }
    }
    k
}

/// `, a spokeswoman for the council,` ending at `k` (the verb's position): the opening
/// comma's index, when the words between the two commas open like an apposition (a
/// determiner, a possessive, a lowercase word or an age) and a word stands before it.
fn apposition_before(b: &Block, lo: usize, k: usize) -> Option<usize> {
    let t = &b.toks;
    if k < lo + 4 || t[k - 1].p != ',' {
        return None;
    }
    let m = (lo..k - 1)
        .rev()
        .take(32)
        .take_while(|&m| {
            t[m].word()
                || t[m].p == ','
                || matches!(t[m].p, '\'' | '\u{2019}' | '-' | '(' | ')')
                || (t[m].p == '.'
                    && m > lo
                    && (is_abbrev(&t[m - 1].low) || party_tag(&t[m - 1].low)))
        })
        .find(|&m| t[m].p == ',')?;
    let first = t.get(m + 1).filter(|x| x.word())?;
    let opens = matches!(
        first.low.as_str(),
        "a" | "an" | "the" | "who" | "whose" | "his" | "her" | "their" | "its" | "one"
    ) || !first.cap
        || first.low.bytes().all(|c| c.is_ascii_digit())
        || party_tag(&first.low)
        // `Ann Dole, of Salem, Ore., who …`: the state after a town.
        || (t.get(m + 2).is_some_and(|d| d.p == '.')
            && crate::article::mentions::is_state_abbreviation(&first.low));
    // `…, and the meeting soured from there, said X`: a clause joined by a conjunction
    // is the reported sentence's own, no apposition.
    let clause = STOPS_SET.contains(first.low.as_str())
        && !matches!(first.low.as_str(), "who" | "whose" | "whom" | "which");
    let opens = opens && !clause;
    // The name before may end in a parenthesis of its own (`Rep. Ann Dole (D-Ore.), a
    // member of the panel, said`) or an abbreviation's period (`of Salem, Ore., who`).
    let named = m > lo
        && (t[m - 1].word()
            || t[m - 1].p == ')'
            || (t[m - 1].p == '.' && m > lo + 1 && is_abbrev(&t[m - 2].low)));
    // Past 16 words, only a role after a name (`Leo Marsh, director of the … Center and
    // a professor at …, said`): no verb in it, which a clause of the sentence has.
    let short = k - 1 - m <= 16;
    let role = || {
        t[m - 1].word()
            && t[m - 1].cap
            && (m + 1..k - 1)
                .all(|x| !t[x].word() || !(t[x].reports() || AUX_SET.contains(t[x].low.as_str())))
    };
    (opens && named && m + 1 < k - 1 && (short || role())).then_some(m)
}

/// A personal name ending at `e`: two to five capitalized words (an initial's or a title's
/// period between them), no determiner among them. Its first token's index.
fn name_ending_at(b: &Block, lo: usize, e: usize) -> Option<usize> {
    let t = &b.toks;
    let mut s = e;
    let mut words = 0;
    while s > lo {
        let x = &t[s - 1];
        if x.word() && x.cap && !DETS_SET.contains(x.low.as_str()) {
            words += 1;
        } else if !(x.p == '.' && s >= lo + 2 && t[s - 2].cap && is_abbrev(&t[s - 2].low)) {
            break;
        }
        s -= 1;
        if words > 5 {
            return None;
        }
    }
    (words >= 2 && t[s].word()).then_some(s)
}

/// Whether the words `r..e` describe a person or body by role (`the council's lawyer`,
/// `a spokesman for the port`, `their barrister`): they open with a determiner, a
/// possessive or a lowercase word, run to at most a dozen words, and hold no auxiliary
/// or relative pronoun (which a clause of the sentence would).
fn describes_role(b: &Block, r: usize, e: usize) -> bool {
    let t = &b.toks;
    let first = &t[r];
    let possessive = |m: usize| t[m].low.ends_with("'s") || t[m].low.ends_with("\u{2019}s");
    let opens = matches!(
        first.low.as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
    ) || !first.cap
        || (r..e).any(possessive);
    let words = (r..e).filter(|&m| t[m].word()).count();
    opens
        && (1..=12).contains(&words)
        && (r..e).all(|m| t[m].word() || matches!(t[m].p, '\'' | '\u{2019}' | '-'))
        && (r..e).all(|m| {
            !AUX_SET.contains(t[m].low.as_str())
                && !matches!(t[m].low.as_str(), "who" | "which" | "that" | "whose")
        })
}

/// `, 34-year-old nurse Ann Dole,` between the commas at `o` and `c`: a role written
/// right before a name (not `a spokesman for the Justice Party`, whose name follows a
/// preposition's article). The name's first token.
fn role_before_name(b: &Block, o: usize, c: usize) -> Option<usize> {
    let t = &b.toks;
    let s = name_ending_at(b, o + 1, c)?;
    (s > o + 1
        && t[s - 1].word()
        && !t[s - 1].cap
        && !DETS_SET.contains(t[s - 1].low.as_str())
        && !PREPS_SET.contains(t[s - 1].low.as_str())
        // `Critics, including Ann Dole,`: an example, no role.
        && example_opener(b, s).is_none()
        && describes_role(b, o + 1, s))
    .then_some(s)
}

/// `…," the council's lawyer, Ann Dole, said`: a description by role, then a name in
/// apposition, ending at `k` (the verb's position, after the name's comma). The
/// description's first token and the name's range: the name is the speaker.
fn role_then_name(b: &Block, lo: usize, k: usize) -> Option<(usize, (usize, usize))> {
    let t = &b.toks;
    if k < lo + 5 || t[k - 1].p != ',' {
        return None;
    }
    let s = name_ending_at(b, lo, k - 1)?;
    if s < lo + 2 || t[s - 1].p != ',' {
        return None;
    }
    let o = s - 1;
    let r = (lo..o)
        .rev()
        .take_while(|&m| t[m].word() || matches!(t[m].p, '\'' | '\u{2019}' | '-'))
        .last()?;
    (r > lo && describes_role(b, r, o)).then_some((r, (s, k - 1)))
}

/// `said the council's lawyer, Ann Dole.`: after an inverted speaker `r` that describes
/// a role, the name in apposition that closes the sentence.
fn described_name_after(b: &Block, r: (usize, usize), hi: usize) -> Option<(usize, usize)> {
    let t = &b.toks;
    let j = r.1;
    if j + 2 >= hi || t[j].p != ',' || !describes_role(b, r.0, r.1) {
        return None;
    }
    let e = (j + 1..hi)
        .find(|&m| !(t[m].word() || (t[m].p == '.' && m + 1 < hi && is_abbrev(&t[m - 1].low))))
        .unwrap_or(hi);
    let closes = e == hi || (t[e].p == '.' && e + 1 == hi);
    let s = name_ending_at(b, j + 1, e)?;
    (closes && s == j + 1).then_some((s, e))
}

/// `Reuters, citing two officials, reported …`: the cited phrase between the subject's
/// end `e` and the verb at `v` (`, citing` or `, quoting`, a noun phrase of at most a
/// dozen words, a comma right before the verb or its auxiliaries).
/// The noun phrase before a participle whose phrase runs up to `k`, where a subject
/// ends before its verb: `A memo written by the director last spring`, `Officials
/// briefed on the talks`, `A report released Tuesday by the agency`. The participle
/// comes right after a noun and is followed by a preposition or a time (`questioned the
/// driver` is a verb and its object), with no punctuation, relative word or pronoun on
/// the way to `k`.
fn participle_phrase_before(b: &Block, lo: usize, k: usize) -> Option<(usize, usize)> {
    let t = &b.toks;
    let p = (lo + 1..k)
        .rev()
        .take(10)
        .take_while(|&m| {
            let x = t[m].low.as_str();
            t[m].word()
                && !PRONOUNS.contains(&x)
                && !matches!(x, "that" | "which" | "who" | "and" | "but" | "or")
        })
        // Right before the verb, its phrase of time trimmed off (`A study published on
        // Monday concluded`), unless it reports itself (`Reed denied on Tuesday reports
        // that …`: a verb with its object).
        .filter(|&m| m + 1 < k || !t[m].reports())
        .find(|&m| participle_with_adjunct(t, m))?;
    let noun = &t[p - 1];
    let x = noun.low.as_str();
    if !noun.word()
        || PRONOUNS.contains(&x)
        || AUX_SET.contains(x)
        || BE.contains(&x)
        || DETS_SET.contains(x)
        || PREPS_SET.contains(x)
        || ly_adverb(x)
        || (noun.reports() && !noun.cap && !is_noun_use_word(x))
    {
        return None;
    }
    // People are described by the phrase (`people involved in the talks`), which stays;
    // a document or a poll is named before it.
    let people = person_noun(x);
    np_left(b, lo, p)
        .filter(|&(s0, e0)| {
            e0 == p && (t[s0].cap || DETS_SET.contains(t[s0].low.as_str()) || e0 - s0 == 1)
        })
        .map(|(s0, e0)| if people { (s0, k) } else { (s0, e0) })
}

/// A past participle at `m` followed by a phrase of its own, not by an object or an
/// infinitive: `released Tuesday`, `written by …`, `leaked to reporters` (not
/// `threatened to make …`, `cited the figure`).
fn participle_with_adjunct(t: &[Tok], m: usize) -> bool {
    let w = t[m].low.as_str();
    let Some(next) = t.get(m + 1).filter(|x| x.word()) else {
        return false;
    };
    let n = next.low.as_str();
    let to_whom = n == "to"
        && t.get(m + 2).is_some_and(|x| {
            x.word()
                && (x.cap
                    || DETS_SET.contains(x.low.as_str())
                    || AUDIENCES.contains(&x.low.as_str()))
        });
    !t[m].cap
        && (w.ends_with("ed")
            || matches!(
                w,
                "written" | "sent" | "signed" | "seen" | "shown" | "given"
            ))
        && !adjective_past(w)
        && (to_whom
            || matches!(n, "by" | "in" | "on" | "at" | "from" | "last" | "this")
            || time_word(n))
}

fn cited_between(b: &Block, e: usize, v: usize) -> Option<(usize, usize)> {
    let t = &b.toks;
    if e + 3 >= v || t[e].p != ',' || !matches!(t[e + 1].low.as_str(), "citing" | "quoting") {
        return None;
    }
    let close = (e + 2..v).find(|&k| !t[k].word())?;
    let verb_next = (close + 1..v).all(|k| AUX_SET.contains(t[k].low.as_str()));
    let r = np_right(b, e + 2, close)?;
    (t[close].p == ',' && verb_next && r.0 == e + 2 && close - r.0 <= 12).then_some((r.0, close))
}

/// A party and state after a lawmaker's name, as US news writes it: `R-Ky`, `D-Ore`,
/// `I-Vt` (lowercased, without the period).
fn party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && matches!(b[0], b'r' | b'd' | b'i')
        && b[1] == b'-'
        && b[2..].iter().all(|c| c.is_ascii_lowercase())
}

/// `…, with one organiser, Mairi Campbell, describing the plans as …`: at the comma `k`,
/// an absolute phrase whose noun phrase is the subject of a reporting participle. Returns
/// the subject's tokens (the name of an apposition when there is one) and the
/// participle's index.
fn with_absolute(b: &Block, k: usize, hi: usize) -> Option<((usize, usize), usize)> {
    let t = &b.toks;
    if t[k].p != ',' || !t.get(k + 1).is_some_and(|x| x.is("with")) {
        return None;
    }
    let from = k + 2;
    let m = (from + 1..hi.min(from + 12)).find(|&m| !t[m].word() || t[m].low.ends_with("ing"))?;
    // The noun phrase, then an optional apposition set off by commas.
    let (first_end, name) = if t[m].p == ',' {
        let close = (m + 1..hi.min(m + 6)).find(|&n| t[n].p == ',')?;
        let name = (m + 1, close);
        if !(name.0..name.1).all(|n| t[n].word() && t[n].cap) {
            return None;
        }
        (close + 1, Some(name))
    } else {
        (m, None)
    };
    let p = t.get(first_end)?;
    if !(p.word() && !p.cap && p.low.ends_with("ing") && p.reports()) {
        return None;
    }
    let np = name.unwrap_or((from, m));
    (np.1 > np.0).then_some((np, first_end))
}

/// The absolute phrase ([`with_absolute`]) whose participle is at `p`, when one opens in
/// the 16 tokens before it, from `lo` on: its comma and its subject's tokens.
fn absolute_before(b: &Block, lo: usize, p: usize, hi: usize) -> Option<(usize, (usize, usize))> {
    (lo..p)
        .rev()
        .take(16)
        .find_map(|k| {
            with_absolute(b, k, hi)
                .filter(|(_, q)| *q == p)
                .map(|(np, _)| (k, np))
        })
        .or_else(|| coordinated_absolute(b, lo, p, hi))
}

/// `footage of Tom Vane saying …`, `The video shows her telling …`, `quoted Ann Dole
/// saying …`: a reporting participle right after a name (or `him`, `her`, `them`) that a
/// recording shows or a report quotes. The name, not the sentence's subject, is who
/// speaks; returns its tokens.
fn depicted_speaker(b: &Block, lo: usize, p: usize) -> Option<(usize, usize)> {
    let t = &b.toks;
    if p <= lo || !(t[p].word() && !t[p].cap && t[p].low.ends_with("ing") && t[p].reports()) {
        return None;
    }
    let mut s = p;
    if matches!(t[p - 1].low.as_str(), "him" | "her" | "them") && t[p - 1].word() {
        s = p - 1;
    } else {
        // A capitalized run, with the periods of titles and initials (`Mr. Obama`).
        while s > lo
            && ((t[s - 1].word() && t[s - 1].cap)
                || (t[s - 1].p == '.' && s >= lo + 2 && t[s - 2].word() && t[s - 2].cap))
        {
            s -= 1;
        }
        if s == p || p - s > 6 || !t[s].word() {
            return None;
        }
    }
    let before = s.checked_sub(1).filter(|&k| k >= lo && t[k].word())?;
    let depicts = match t[before].low.as_str() {
        // `footage of`, `a video clip of`, `the recording of`.
        "of" => {
            before > lo
                && matches!(
                    t[before - 1].low.as_str(),
                    "footage"
                        | "video"
                        | "videos"
                        | "clip"
                        | "clips"
                        | "recording"
                        | "recordings"
                        | "tape"
                        | "tapes"
                        | "audio"
                        | "image"
                        | "images"
                        | "film"
                )
        }
        w => matches!(
            w,
            "shows"
                | "showed"
                | "show"
                | "shown"
                | "showing"
                | "quotes"
                | "quoted"
                | "quoting"
                | "heard"
                | "hear"
                | "hears"
                | "captured"
                | "captures"
                | "caught"
                | "recorded"
                | "filmed"
                | "depicts"
                | "depicted"
                | "features"
                | "featured"
        ),
    };
    depicts.then_some((s, p))
}

/// `…, with Dana Whitfield accusing her rival of … and Marcus Forde calling her plan …`:
/// a second absolute phrase joined by `and`, its subject a name, after a first one in
/// the sentence. Returns the `and` and the name's tokens.
fn coordinated_absolute(
    b: &Block,
    lo: usize,
    p: usize,
    hi: usize,
) -> Option<(usize, (usize, usize))> {
    let t = &b.toks;
    let and = (lo..p).rev().take(6).find(|&k| t[k].is("and"))?;
    let named = and + 1 < p && (and + 1..p).all(|m| t[m].word() && t[m].cap);
    let participle = reporting_participle(&t[p]);
    if !(named && participle) {
        return None;
    }
    let opened = (lo..and)
        .rev()
        .take(40)
        .any(|k| with_absolute(b, k, hi).is_some_and(|(_, q)| q < and));
    opened.then_some((and, (and + 1, p)))
}

/// Whether the verb at `i` follows `to` after a verb that leads to it (`continues to
/// insist`, `went on to explain`, `has yet to explain`, `was quick to point out`).
fn catenative_before(b: &Block, lo: usize, i: usize) -> bool {
    catenative_start(b, lo, i).is_some()
}

/// The index of the leading verb of [`catenative_before`].
fn catenative_start(b: &Block, lo: usize, i: usize) -> Option<usize> {
    let t = &b.toks;
    if let Some(k) = aspectual_before(t, lo, i) {
        return Some(k);
    }
    if object_control(b, lo, i).is_some() {
        // The object before `to` is the subject: it ends where `to` stands.
        return Some(i - 1);
    }
    if i < lo + 2 || !t[i - 1].is("to") || !t[i - 2].word() {
        return None;
    }
    // `tried on Tuesday to make the case`: a phrase of time between the verb and `to`.
    let mut lead = i - 2;
    if time_word(&t[lead].low) {
        if lead == lo {
            return None;
        }
        lead -= 1;
        if lead > lo && matches!(t[lead].low.as_str(), "on" | "in" | "last" | "this") {
            lead -= 1;
        }
        if !t[lead].word() {
            return None;
        }
    }
    let w = t[lead].low.as_str();
    if matches!(
        w,
        "continue"
            | "continues"
            | "continued"
            | "continuing"
            | "appear"
            | "appears"
            | "appeared"
            | "seem"
            | "seems"
            | "seemed"
            | "try"
            | "tries"
            | "tried"
            | "trying"
            | "begin"
            | "begins"
            | "began"
            | "begun"
            | "beginning"
            | "start"
            | "starts"
            | "started"
            | "starting"
            | "need"
            | "needs"
            | "needed"
            | "yet"
            | "quick"
            | "proceeded"
            | "proceeds"
    ) {
        return Some(lead);
    }
    // `was careful to note`, `is keen to stress`, `was forced to admit`: after `be`,
    // words that say the act was done, as `the first to say` does. (`is expected to`, `is
    // likely to` foretell it, and `was willing to` may not have been taken up; so may
    // `would be happy to`.)
    let be_at = |k: usize| k > lo && BE.contains(&t[k - 1].low.as_str()) && !t[k - 1].is("be");
    // Only for a verb of saying: `was happy to see the dam reopen` tells a feeling.
    let perceives = lexicon::reporting_lemma(&t[i].low).is_some_and(|l| {
        COGNITIVE_SET.contains(l) || matches!(l, "see" | "hear" | "learn" | "find")
    });
    if matches!(
        w,
        "careful" | "eager" | "keen" | "happy" | "glad" | "forced" | "compelled"
    ) && be_at(lead)
        && !perceives
    {
        return Some(lead);
    }
    if w == "first" {
        return Some(if lead > lo && t[lead - 1].is("the") {
            lead - 1
        } else {
            lead
        });
    }
    // "went on to explain"
    if w == "on"
        && lead > lo
        && matches!(
            t[lead - 1].low.as_str(),
            "go" | "goes" | "went" | "going" | "gone"
        )
    {
        return Some(lead - 1);
    }
    medium_purpose_start(t, lo, i)
}

/// `kept saying that …`, `began insisting …`, `went on saying …`: a verb of going on or
/// starting before the gerund at `i`, the verb whose subject speaks. (Not `stopped
/// saying` or `avoided saying`: what they lead to is not said.)
fn aspectual_before(t: &[Tok], lo: usize, i: usize) -> Option<usize> {
    if i <= lo + 1 || !t[i].low.ends_with("ing") || !t[i - 1].word() {
        return None;
    }
    let k = if t[i - 1].is("on") { i - 2 } else { i - 1 };
    let w = t[k].low.as_str();
    let aspectual = matches!(
        w,
        "keep"
            | "keeps"
            | "kept"
            | "continue"
            | "continues"
            | "continued"
            | "begin"
            | "begins"
            | "began"
            | "begun"
            | "start"
            | "starts"
            | "started"
    ) || (k < i - 1
        && matches!(w, "go" | "goes" | "went" | "gone" | "carried" | "carries"));
    (t[k].word() && !t[k].cap && aspectual).then_some(k)
}

/// Verbs whose past tense says their object did what follows (`forced Stumpf to admit`:
/// he admitted). Requests (`pressed him to explain`) and a verb not in the past (`can
/// persuade them to agree`, `forcing them to answer`) say nothing of what was done.
const OBJECT_CONTROL: &[&str] = &[
    "forced",
    "compelled",
    "led",
    "prompted",
    "got",
    "persuaded",
    "convinced",
];

/// `forced Stumpf to admit that …`, `pressed the mayor, who …, to explain …`: the verb
/// before the infinitive's object, whose object then speaks. Returns the verb's index.
fn object_control(b: &Block, lo: usize, i: usize) -> Option<usize> {
    let t = &b.toks;
    if i < lo + 3 || !t[i - 1].is("to") {
        return None;
    }
    // A relative clause set off by commas after the object (`Stumpf, who was …, to`).
    let mut end = i - 1;
    if t[end - 1].p == ',' {
        let open = (lo..end - 1)
            .rev()
            .take(30)
            .find(|&m| t[m].p == ',')
            .filter(|&m| {
                t.get(m + 1)
                    .is_some_and(|x| matches!(x.low.as_str(), "who" | "which"))
            })?;
        end = open;
    }
    // The object: a few words with no clause of their own, right after the verb.
    let control =
        |k: usize| t[k].word() && !t[k].cap && OBJECT_CONTROL.contains(&t[k].low.as_str());
    let v = (lo..end).rev().take(7).find(|&k| {
        !t[k].word() || matches!(t[k].low.as_str(), "that" | "who" | "which") || control(k)
    })?;
    (v + 1 < end && control(v)).then_some(v)
}

/// Verbs that bring a speaker to a medium (`took to Twitter`, `went on television`,
/// `used a speech`, `held a news conference`).
const MEDIUM_VERBS: &[&str] = &[
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "go",
    "goes",
    "went",
    "gone",
    "going",
    "use",
    "uses",
    "used",
    "using",
    "appear",
    "appears",
    "appeared",
    "appearing",
    "hold",
    "holds",
    "held",
    "holding",
    "call",
    "calls",
    "called",
    "calling",
    "post",
    "posts",
    "posted",
    "posting",
    "release",
    "releases",
    "released",
    "releasing",
    "issue",
    "issues",
    "issued",
    "issuing",
];

/// Lowercase occasions and places of a statement (`a speech`, `the Senate floor`).
const MEDIUM_NOUNS: &[&str] = &[
    "speech",
    "speeches",
    "interview",
    "interviews",
    "statement",
    "conference",
    "briefing",
    "rally",
    "address",
    "post",
    "tweet",
    "tweets",
    "video",
    "stage",
    "floor",
    "podium",
    "airwaves",
    "microphone",
    "op-ed",
    "letter",
    "blog",
    "column",
    "appearance",
    "remarks",
    "pulpit",
    "show",
    "program",
    "programme",
    "broadcast",
    "ad",
    "advertisement",
];

/// `took to Twitter overnight to accuse`, `went on television to blame`, `used a speech
/// to deny`: an infinitive of purpose after a verb that brings its subject to a medium
/// reports what the subject said there. Returns the index of that verb. (`used the money
/// to claim a deduction`, `went home to say goodbye`: no medium, no statement.)
fn medium_purpose_start(t: &[Tok], lo: usize, i: usize) -> Option<usize> {
    let mut medium = false;
    for k in (lo..i - 1).rev().take(7) {
        if !t[k].word() {
            return None;
        }
        let w = t[k].low.as_str();
        if MEDIUM_VERBS.contains(&w) {
            return medium.then_some(k);
        }
        medium |= if t[k].cap {
            PLATFORMS.contains(&w)
        } else {
            BROADCAST_MEDIA.contains(&w) || MEDIUM_NOUNS.contains(&w)
        };
    }
    None
}

/// Networks and platforms a statement is made on (`said on Telegram`, `told Fox`),
/// capitalized.
const PLATFORMS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "youtube",
    "tiktok",
    "linkedin",
    "threads",
    "weibo",
    "vk",
    "vkontakte",
    "whatsapp",
    "bluesky",
    "mastodon",
    "reddit",
    "substack",
    "x",
    "truth",
    "fox",
    "cnn",
    "msnbc",
    "nbc",
    "abc",
    "cbs",
    "pbs",
    "npr",
    "bbc",
    "sky",
];

/// Words that name a printed outlet (`The New York Times`, `the Daily Ledger`).
const PRINT_WORDS: &[&str] = &[
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "newspaper",
    "paper",
    "magazine",
    "daily",
    "chronicle",
    "inquirer",
    "examiner",
    "globe",
    "telegraph",
    "guardian",
    "observer",
    "independent",
    "economist",
];

/// Words that name a broadcaster (`RT`, `Sky News`, `the BBC`, `Radio North`).
const BROADCAST_WORDS: &[&str] = &[
    "network",
    "tv",
    "television",
    "radio",
    "broadcasting",
    "broadcaster",
    "channel",
    "cnn",
    "msnbc",
    "fox",
    "nbc",
    "abc",
    "cbs",
    "bbc",
    "rt",
    "npr",
    "pbs",
    "sky",
    "cnbc",
];

/// Lowercase media a statement is made on (`said on television`, `on social media`).
const BROADCAST_MEDIA: &[&str] = &[
    "television",
    "tv",
    "radio",
    "air",
    "social",
    "state",
    "camera",
];

/// Skips adverbs and adjuncts right after a cue (`on Wednesday`, `in a statement`,
/// `, in an interview with Sputnik,`). Returns (new index, cue extension end, addressee).
fn skip_adjuncts(b: &Block, mut i: usize, hi: usize, cue_end: &mut usize) -> (usize, Option<Span>) {
    let t = &b.toks;
    let mut addressee = None;
    for _ in 0..4 {
        if i >= hi {
            break;
        }
        let w = t[i].low.as_str();
        // "after the vote she would …": a short phrase before the clause's subject.
        if matches!(
            w,
            "after"
                | "before"
                | "during"
                | "following"
                | "since"
                | "when"
                | "at"
                | "in"
                | "on"
                | "under"
                | "amid"
        ) {
            if let Some(k) = (i + 1..hi.min(i + 7))
                .find(|&k| matches!(t[k].low.as_str(), "he" | "she" | "they" | "it" | "we" | "i"))
            {
                // (Not past a question word, which opens the words: `said on Monday how
                // angry he was`.)
                if (i + 1..k).all(|m| t[m].word() || t[m].p == ',')
                    && !(i + 1..k).any(|m| {
                        matches!(
                            t[m].low.as_str(),
                            "that" | "how" | "why" | "what" | "whether" | "where" | "who"
                        )
                    })
                {
                    i = k;
                    break;
                }
            }
            // "told reporters after the meeting that …": a short phrase of time before
            // `that` (the phrases of `in` and `on` are read below).
            if matches!(w, "after" | "before" | "following" | "since") {
                if let Some(k) = (i + 1..hi.min(i + 9)).find(|&k| t[k].is("that")) {
                    if (i + 1..k).all(|m| t[m].word() && !t[m].reports()) {
                        i = k;
                        break;
                    }
                }
            }
        }
        // "said to reporters", "explained to the crowd on Monday": the addressee, right
        // after a verb that takes one with `to`.
        let said_to = i > 0
            && t[i - 1].word()
            && lexicon::reporting_lemma(&t[i - 1].low).is_some_and(|l| SAID_TO.contains(&l));
        if w == "to" && said_to && addressee.is_none() && addressed_to(b, i + 1) {
            if let Some(r) = np_right(b, i + 1, hi) {
                addressee = Some(span_of(b, r));
                i = r.1;
                continue;
            }
        }
        // `said on condition of anonymity`, `on the condition of anonymity`: how the
        // speaker spoke, no part of the words.
        if w == "on" {
            let n = i + 1 + usize::from(t.get(i + 1).is_some_and(|x| x.is("the")));
            if n + 2 < hi && t[n].is("condition") && t[n + 1].is("of") && t[n + 2].is("anonymity") {
                i = n + 3;
                continue;
            }
        }
        // "alleged without evidence that …": the writer's aside, no part of the content.
        if w == "without" {
            let n = i + 1 + usize::from(t.get(i + 1).is_some_and(|x| x.is("any")));
            if n < hi && matches!(t[n].low.as_str(), "evidence" | "proof") {
                i = n + 1;
                continue;
            }
        }
        // "said with some regret that …", "wrote without hesitation that …": a short
        // phrase of manner (no `the`: `agreed with the view that …` takes an object)
        // before the `that` of the content.
        if matches!(w, "with" | "without") {
            if let Some(k) = (i + 2..hi.min(i + 5)).find(|&k| t[k].is("that")) {
                if (i + 1..k).all(|m| t[m].word() && !t[m].cap && !t[m].reports())
                    && !(i + 1..k).any(|m| {
                        matches!(t[m].low.as_str(), "the" | "this" | "his" | "her" | "their" | "its")
                    })
                    && !relative_that(t, k)
                    // `spoke with a woman that …`, `with aides that …`: company, not manner.
                    && !person_noun(&t[k - 1].low)
                    && !t[k - 1].low.ends_with('s')
                {
                    i = k;
                    break;
                }
            }
        }
        // "in a statement", "in an interview (with X)"
        if matches!(w, "of" | "on") && i + 1 < hi && day_word(t[i + 1].low.as_str()) {
            i += 2;
            continue;
        }
        // `under oath`, `under questioning`, `amid boos`: the setting of the words.
        if matches!(
            w,
            "in" | "on" | "during" | "at" | "via" | "through" | "under" | "amid"
        ) {
            let mut j = i + 1;
            while j < hi && t[j].word() && DETS_SET.contains(t[j].low.as_str()) {
                j += 1;
            }
            while j < hi
                && t[j].word()
                && !t[j].cap
                && j + 1 < hi
                && t[j + 1].word()
                && STATEMENT_NOUNS_SET.contains(t[j + 1].low.as_str())
            {
                j += 1;
            }
            // "in a June report", "in a Fox News interview", "in a 2015 memo": up to
            // three modifiers (a month, a name, a year) before the noun, after a
            // determiner.
            if j > i + 1 && j < hi && !STATEMENT_NOUNS_SET.contains(t[j].low.as_str()) {
                if let Some(k) = (j + 1..hi.min(j + 4))
                    .find(|&k| t[k].word() && STATEMENT_NOUNS_SET.contains(t[k].low.as_str()))
                {
                    if (j..k).all(|m| {
                        t[m].word()
                            && (t[m].cap || t[m].low.chars().all(|c| c.is_ascii_digit()))
                            && !t[m].reports()
                    }) {
                        j = k;
                    }
                }
            }
            if j < hi && STATEMENT_NOUNS_SET.contains(t[j].low.as_str()) {
                if i == t.len() || t[i].s() >= *cue_end {
                    *cue_end = t[j].e();
                }
                i = j + 1;
                // "in a report released on Monday": a participle and its phrase of time
                // or place describe the statement, up to a comma or the end.
                if i < hi
                    && matches!(
                        t[i].low.as_str(),
                        "released"
                            | "published"
                            | "issued"
                            | "posted"
                            | "filed"
                            | "carried"
                            | "aired"
                            | "unsealed"
                            | "submitted"
                    )
                {
                    let end = (i + 1..hi).find(|&k| !t[k].word()).unwrap_or(hi);
                    // Up to `that` when it opens the content: `said in a statement
                    // posted on its website that …`.
                    let that = (i + 1..end.min(i + 8)).find(|&m| t[m].is("that"));
                    match that {
                        None if end - i <= 6 => i = end,
                        Some(m) => i = m,
                        None => {}
                    }
                }
                // `in an op-ed for the Daily Ledger`: the outlet that carried it.
                let for_outlet = i + 1 < hi
                    && t[i].is("for")
                    && (t[i + 1].cap
                        || (t[i + 1].is("the") && t.get(i + 2).is_some_and(|x| x.cap)));
                // `said in an interview for the first time that …`: a phrase of `for`
                // before `that` is no part of the words.
                if i < hi && t[i].is("for") && !for_outlet {
                    if let Some(k) = (i + 1..hi.min(i + 7)).find(|&k| t[k].is("that")) {
                        if (i + 1..k).all(|m| t[m].word()) {
                            i = k;
                        }
                    }
                }
                if i < hi && (matches!(t[i].low.as_str(), "with" | "to" | "on") || for_outlet) {
                    if let Some(r) = np_right(b, i + 1, hi) {
                        addressee = Some(span_of(b, r));
                        i = r.1;
                    }
                }
                continue;
            }
            // "on Wednesday", "on Twitter", "at a rally on Monday": a short phrase
            // followed by "that".
            // Not a relative `that` (`spoke in a hall on a hill that overlooks the bay`).
            // (A comma only before `that`, a place's next part or a reporting
            // participle: `noted in 2009, banks that …` ends the phrase at its comma,
            // where the words begin; a phrase set off by commas is read below.)
            if let Some(k) = (i + 1..hi.min(i + 15)).find(|&k| t[k].is("that")) {
                let comma_ok =
                    |m: usize| m + 1 == k || t[m + 1].cap || reporting_participle(&t[m + 1]);
                if (i + 1..k).all(|m| t[m].word() || (t[m].p == ',' && comma_ok(m)))
                    && !relative_that(t, k)
                {
                    i = k;
                    break;
                }
            }
            // `in 2009`, `in March`: when.
            let year = |x: &str| {
                x.len() == 4
                    && (x.starts_with("19") || x.starts_with("20"))
                    && x.chars().all(|c| c.is_ascii_digit())
            };
            let in_time = w == "in"
                && j == i + 1
                && j < hi
                && (year(&t[j].low) || MONTHS.contains(&t[j].low.as_str()));
            if j < hi && day_word(t[j].low.as_str())
                || in_time
                || (j < hi && t[j].cap && PLATFORMS.contains(&t[j].low.as_str()))
                || (j < hi && !t[j].cap && BROADCAST_MEDIA.contains(&t[j].low.as_str()))
            {
                // `on Truth Social`, `on social media`, `on state television`.
                let two_words = j + 1 < hi
                    && matches!(t[j].low.as_str(), "truth" | "social" | "state")
                    && matches!(
                        t[j + 1].low.as_str(),
                        "social" | "media" | "television" | "tv"
                    );
                i = j + 1 + usize::from(two_words);
                continue;
            }
            break;
        }
        // ", in an interview with Sputnik," / ", according to X," / ", as did the
        // union itself," (another speaker of the same words)
        if t[i].p == ',' {
            if let Some(k) = (i + 1..hi.min(i + 12)).find(|&k| t[k].p == ',') {
                let first = t[i + 1].low.as_str();
                let as_did = first == "as"
                    && t.get(i + 2).is_some_and(|x| {
                        matches!(
                            x.low.as_str(),
                            "did" | "does" | "do" | "has" | "have" | "had"
                        )
                    });
                if as_did {
                    i = k + 1;
                    continue;
                }
                // `cautioned, however, that …`: a connective between commas.
                if CONNECTIVES.contains(&first) && k == i + 2 {
                    i = k + 1;
                    continue;
                }
                if PREPS_SET.contains(first) || ly_adverb(first) || day_word(first) {
                    let mut inner_end = *cue_end;
                    let (_, addr) = skip_adjuncts(b, i + 1, k, &mut inner_end);
                    if addr.is_some() {
                        addressee = addr;
                    }
                    i = k + 1;
                    continue;
                }
            }
            break;
        }
        // `said in a statement late on Wednesday that …`: `late` or `early` before a
        // phrase of time.
        if matches!(w, "late" | "early")
            && t.get(i + 1)
                .is_some_and(|n| matches!(n.low.as_str(), "on" | "in") || day_word(n.low.as_str()))
        {
            i += 1;
            continue;
        }
        if day_word(w) && !t[i].cap
            || matches!(
                w,
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "yesterday"
                    | "today"
                    | "tonight"
            )
        {
            i += 1;
            if i < hi
                && matches!(
                    t[i].low.as_str(),
                    "morning" | "afternoon" | "evening" | "night" | "week" | "month" | "year"
                )
            {
                i += 1;
            }
            continue;
        }
        // `said repeatedly that`, `said only that`, `said again that`, `explained
        // clearly why`: an adverb before the clause.
        let opens_clause = |k: usize| {
            k < hi
                && (matches!(t[k].low.as_str(), "that" | "why" | "how" | "whether")
                    || t[k].p == ',')
        };
        let adverb = |x: &str| {
            ly_adverb(x) && x.len() > 4
                || matches!(
                    x,
                    "only" | "again" | "also" | "once" | "later" | "earlier" | "afterward"
                )
        };
        if adverb(w) && !t[i].cap && opens_clause(i + 1) {
            i += 1;
            continue;
        }
        // `said much later that`, `explained more clearly why`, `denied very strongly
        // the reports`: a degree word and an adverb say how, whatever follows (a lone
        // adverb may belong to the words: `said only the rich would gain`).
        if matches!(
            w,
            "much" | "more" | "very" | "so" | "quite" | "even" | "once" | "soon"
        ) && i + 1 < hi
            && t[i + 1].word()
            && adverb(&t[i + 1].low)
        {
            i += 2;
            continue;
        }
        break;
    }
    (i, addressee)
}

/// The end of a unit's content: the unit end without final punctuation, unless that
/// punctuation sits inside a quotation the content opened.
fn trim_end(b: &Block, start: usize, end: usize) -> usize {
    let t = &b.toks;
    let mut e = end;
    loop {
        if e <= start {
            return e;
        }
        let last = &t[e - 1];
        if last.word() {
            return e;
        }
        if is_quote_char(last.p) {
            // A closing mark whose opening is inside the content stays, with what precedes.
            let opened_inside = b
                .quotes
                .iter()
                .any(|q| q.close == Some(e - 1) && q.open >= start);
            if opened_inside {
                return e;
            }
        }
        if matches!(last.p, ')' | ']') {
            return e;
        }
        e -= 1;
    }
}

fn trim_start(b: &Block, mut s: usize, end: usize) -> usize {
    let t = &b.toks;
    while s < end && !t[s].word() {
        // An opening mark whose quotation ends inside the content stays.
        if is_quote_char(t[s].p)
            && b.quotes
                .iter()
                .any(|q| q.open == s && q.close.is_some_and(|c| c < end))
        {
            // Keep it only when the quotation is not the whole content.
            let q = b.quotes.iter().find(|q| q.open == s).copied();
            if let Some(q) = q {
                if q.close.is_some_and(|c| trim_end(b, s, end) > c + 1) {
                    return s;
                }
            }
        }
        s += 1;
    }
    s
}

fn content_span(b: &Block, s: usize, e: usize) -> Option<Span> {
    let e2 = trim_end(b, s, e);
    let s2 = trim_start(b, s, e2);
    let e3 = trim_end(b, s2, e2);
    if e3 <= s2 {
        return None;
    }
    let e3 = trim_end(b, s2, medium_tail(b, s2, e3));
    // A content that is exactly one quotation: the words inside the marks.
    if let Some(q) = b.quotes.iter().find(|q| q.open + 1 == s2 || q.open == s2) {
        if q.close.is_some_and(|c| c + 1 >= e3 && c <= e3)
            || (q.close.is_none() && e3 == b.toks.len())
        {
            return trim_inner(b, q.inner);
        }
    }
    Some(Span::new(b.toks[s2].s(), b.toks[e3 - 1].e()))
}

/// Nouns of a medium of saying that end a content as where it was said (`… in a
/// statement`, `… in his remarks`).
const TAIL_MEDIUM: &[&str] = &[
    "statement",
    "statements",
    "interview",
    "interviews",
    "remarks",
    "speech",
    "briefing",
    "conference",
    "call",
    "address",
    "appearance",
    "testimony",
    "tweet",
    "tweets",
    "post",
    "letter",
    "email",
    "e-mail",
    "memo",
    "op-ed",
    "video",
    "message",
    "release",
    "filing",
];

/// The end of a content without a phrase that says where it was said, left at its end
/// (`called for more money in a statement on Thursday`, `denied the reports in an
/// interview with CNN`): that phrase belongs with the cue. (Not `on Twitter`, which
/// also qualifies a noun: `her presence on Twitter`.) Returns `e`
/// when there is none. Not after a participle (`spelled out in a letter`, `posted in a
/// video` are what was said), and at least one word of content stays.
fn medium_tail(b: &Block, s: usize, e: usize) -> usize {
    let t = &b.toks;
    let lowest = e.saturating_sub(12).max(s + 1);
    let Some((p, _)) = (lowest..e)
        .rev()
        .filter(|&p| matches!(t[p].low.as_str(), "in" | "during" | "on" | "at"))
        .find_map(|p| medium_phrase(t, p, e).map(|end| (p, end)))
        .filter(|&(_, end)| tail_of_medium(t, end, e))
    else {
        return e;
    };
    // `because Republicans had asked for it in a letter`, `it was mentioned by Dole in an
    // interview`: the phrase says where a verb of saying inside the content was.
    let inner_saying = (s + 1..p).any(|k| {
        t[k].reports()
            && !t[k].cap
            && (t[k].low.ends_with("ed") || AUX_SET.contains(t[k - 1].low.as_str()))
    });
    if inner_saying {
        return e;
    }
    // After a closing quotation mark, the quotation is the content (`called it "a
    // disaster" in a statement`).
    if is_quote_char(t[p - 1].p) {
        return p;
    }
    // `spelled out in a letter`: past a particle, the participle.
    let v = if p >= s + 2 && matches!(t[p - 1].low.as_str(), "out" | "up" | "down" | "forth") {
        p - 2
    } else {
        p - 1
    };
    let before = t[v].low.as_str();
    // `spelled out in a letter`, `posted in a video`: what was put there is the content;
    // `he would speak in an interview`, `made the remark in an interview`: so is what was
    // said there.
    let own = !t[v].word()
        || before.ends_with("ed")
        || before.ends_with("en")
        || AUX_SET.contains(before)
        || t[v].reports();
    if own {
        e
    } else {
        p
    }
}

/// The end of a medium phrase opening at the preposition `p` (`in a brief statement`,
/// `on a conference call`, `at a news conference`), within `e`.
fn medium_phrase(t: &[Tok], p: usize, e: usize) -> Option<usize> {
    let next = t.get(p + 1).filter(|_| p + 1 < e)?;
    // After `a` or a possessive only: `the` points back to a medium the article spoke of,
    // which the content may be about (`errors in the report`, `noted the rule in the
    // interview`).
    if !matches!(
        next.low.as_str(),
        "a" | "an" | "his" | "her" | "their" | "its"
    ) {
        return None;
    }
    // Up to two words before the noun (`a brief written statement`, `a news conference`).
    (p + 2..e.min(p + 5)).find_map(|k| {
        let w = t[k].low.as_str();
        let medium = TAIL_MEDIUM.contains(&w);
        // `at` only for a gathering for the press (`at a news conference`).
        let at_ok = !t[p].is("at") || matches!(w, "conference" | "briefing");
        (medium && at_ok && t[p + 2..k].iter().all(|x| x.word() && !x.reports())).then_some(k + 1)
    })
}

/// Whether the words from `k` to `e` may follow a medium phrase at the content's end:
/// whom it was given to or with (`to reporters`, `with CNN`) and when (`on Thursday`,
/// `last week`), nothing with a verb of its own.
fn tail_of_medium(t: &[Tok], k: usize, e: usize) -> bool {
    // Past `to`/`with`, the words of whom it was given to (`to the city council`).
    let given_to = |at: usize| t[k..at].iter().any(|x| x.is("to") || x.is("with"));
    t[k..e].iter().enumerate().all(|(n, x)| {
        x.word()
            && (x.cap
                || (given_to(k + n)
                    && !x.reports()
                    && !AUX_SET.contains(x.low.as_str())
                    && !matches!(x.low.as_str(), "that" | "who" | "which" | "and" | "but")
                    && !x.low.ends_with("ed")
                    && !x.low.ends_with("ing"))
                || time_word(&x.low)
                || matches!(
                    x.low.as_str(),
                    "on" | "last"
                        | "this"
                        | "to"
                        | "with"
                        | "the"
                        | "a"
                        | "week"
                        | "month"
                        | "year"
                        | "night"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "reporters"
                        | "supporters"
                        | "lawmakers"
                        | "donors"
                        | "members"
                        | "magazine"
                        | "newspaper"
                ))
    })
}

/// A quotation's words without the punctuation that closes the sentence inside it.
/// The parts of a quotation left open at a paragraph's end in the paragraphs from
/// `from` on, with their paragraph: each opens with a quotation mark, and the first one
/// that closes its quotation ends it.
fn continued_quote(blocks: &[Block], from: usize) -> impl Iterator<Item = (usize, Span)> + '_ {
    let mut open = true;
    blocks[from.min(blocks.len())..]
        .iter()
        .enumerate()
        .map_while(move |(i, nb)| {
            // A new transcript turn (`"SMITH: …`) is the next speaker, not more of this
            // quotation, although it opens with a quotation mark too.
            let q = nb
                .quotes
                .first()
                .filter(|q| open && q.open == 0 && turn_label(nb).is_none())?;
            open = q.close.is_none();
            Some((from + i, trim_inner(nb, q.inner)))
        })
        .filter_map(|(k, s)| s.map(|s| (k, s)))
}

fn trim_inner(b: &Block, inner: Span) -> Option<Span> {
    let t = &b.toks;
    let s = t.partition_point(|x| x.s() < inner.start);
    let e = t.partition_point(|x| x.e() <= inner.end);
    let mut e2 = e;
    while e2 > s
        && !t[e2 - 1].word()
        && matches!(
            t[e2 - 1].p,
            ',' | '.' | ';' | ':' | '-' | '\u{2014}' | '\u{2013}'
        )
    {
        e2 -= 1;
    }
    let mut s2 = s;
    while s2 < e2 && !t[s2].word() && matches!(t[s2].p, '.' | '\u{2026}' | ',' | '-') {
        s2 += 1;
    }
    (e2 > s2).then(|| Span::new(t[s2].s(), t[e2 - 1].e()))
}

/// A dateline at the start of a paragraph: `WASHINGTON (Agency - date)` or `CITY —`.
fn skip_dateline(b: &Block, s: usize, e: usize) -> usize {
    let t = &b.toks;
    let mut i = s;
    while i < e && t[i].word() && t[i].cap && t.get(i).is_some_and(|w| w.low.chars().count() > 1) {
        i += 1;
        if i < e && t[i].p == ',' {
            i += 1;
        }
    }
    if i == s || i >= e {
        return s;
    }
    // All the leading words must be written in capitals (a place name in a dateline).
    let all_caps = (s..i)
        .filter(|&k| t[k].word())
        .all(|k| t[k].low.chars().all(|c| !c.is_alphabetic()) || b.upper[k]);
    if !all_caps {
        return s;
    }
    if t[i].p == '(' {
        if let Some(c) = (i..e).find(|&k| t[k].p == ')') {
            let mut j = c + 1;
            while j < e && (is_dash(t[j].p) || t[j].p == ':') {
                j += 1;
            }
            return j;
        }
    }
    if is_dash(t[i].p) {
        return i + 1;
    }
    s
}

/// Whether a clause with its own subject starts at `k` after a verb of thinking (`believes
/// her plan will work`, `hopes Berg can win`): a possessive or a capitalized word, then a
/// finite auxiliary within the next few words, before any punctuation.
fn thought_clause_follows(b: &Block, k: usize) -> bool {
    let t = &b.toks;
    let Some(first) = t.get(k).filter(|x| x.word()) else {
        return false;
    };
    let opens = matches!(
        first.low.as_str(),
        "his" | "her" | "their" | "its" | "our" | "my" | "your" | "some" | "most" | "many"
    ) || (first.cap && !in_quote(b, k))
        || (matches!(
            first.low.as_str(),
            "those" | "these" | "such" | "all" | "both" | "no"
        ) && !in_quote(b, k));
    opens
        && t[k + 1..t.len().min(k + 7)]
            .iter()
            .take_while(|x| x.word())
            .any(|x| {
                matches!(
                    x.low.as_str(),
                    "will"
                        | "would"
                        | "can"
                        | "could"
                        | "should"
                        | "must"
                        | "might"
                        | "may"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "have"
                )
            })
}

/// Finds a cue starting at token `i`: a reporting phrase or verb, as (lemma, last token).
fn cue_at(b: &Block, i: usize, hi: usize) -> Option<(&'static str, usize)> {
    let t = &b.toks;
    if posted_on_platform(b, i, hi) {
        return Some(("post", i));
    }
    // Most words are no verb and start no phrase: known from the token alone.
    if !lexicon::may_start_phrase(t[i].lex) && !t[i].reports() {
        return None;
    }
    // Up to four words, on the stack: this runs for every word outside quotations.
    let mut buf = [""; 4];
    let mut n = 0;
    for x in t[i..hi.min(i + 4)].iter().take_while(|x| x.word()) {
        buf[n] = x.low.as_str();
        n += 1;
    }
    let words = &buf[..n];
    if words.is_empty() {
        return None;
    }
    if let Some((p, n)) = lexicon::phrase_at(words) {
        if p.head.is_none() && p.lemma != "according to" {
            // "in the words of": handled like according to.
        }
        return Some((p.lemma.as_str(), i + n - 1));
    }
    // `ruled` alone: a phrase head in the lexicon (`ruled that`, `ruled out`), and a
    // report when it closes a clause ([`not_a_cue`] tells).
    if words[0] == "ruled" {
        return Some(("rule", i));
    }
    let lemma = lexicon::reporting_lemma(words[0])?;
    Some((lemma, i))
}

/// `posted on Facebook that …`, `posts on her Instagram account: "…"`: `post` reports
/// only when a social platform and then `that`, a colon or a quotation follow (not
/// `posted a loss`, `the video was posted on YouTube`).
fn posted_on_platform(b: &Block, i: usize, hi: usize) -> bool {
    let t = &b.toks;
    if !matches!(t[i].low.as_str(), "post" | "posts" | "posted")
        || !t[i + 1..hi].first().is_some_and(|x| x.is("on"))
    {
        return false;
    }
    let mut k = i + 2;
    while k < hi
        && t[k].word()
        && (DETS_SET.contains(t[k].low.as_str()) || t[k].low.ends_with("'s"))
    {
        k += 1;
    }
    if !(k < hi && t[k].cap && PLATFORMS.contains(&t[k].low.as_str())) {
        return false;
    }
    k += 1;
    if k < hi && matches!(t[k].low.as_str(), "account" | "page" | "feed") {
        k += 1;
    }
    k < hi && (t[k].is("that") || t[k].p == ':' || is_quote_char(t[k].p))
}

/// Verbs of saying whose addressee follows `to` (`said to reporters`); `is said to be`
/// stays an infinitive ([`addressed_to`]).
const SAID_TO: &[&str] = &[
    "say",
    "explain",
    "complain",
    "write",
    "announce",
    "admit",
    "confess",
    "declare",
    "mention",
    "remark",
    "repeat",
    "describe",
    "boast",
    "brag",
    "whisper",
    "shout",
    "yell",
    "insist",
    "concede",
    "suggest",
    "point out",
    "acknowledge",
    "reveal",
    "confide",
    "report",
    "lie",
    "joke",
    "quip",
    "sing",
    "recite",
];

/// People addressed in a crowd, a body or a profession, without a determiner (`told to
/// reporters`).
const AUDIENCES: &[&str] = &[
    "reporters",
    "journalists",
    "supporters",
    "lawmakers",
    "voters",
    "donors",
    "students",
    "members",
    "congress",
    "parliament",
    "senators",
    "delegates",
    "workers",
    "officials",
    "investigators",
    "police",
    "prosecutors",
    "viewers",
    "listeners",
    "readers",
    "fans",
    "crowds",
    "audiences",
    "residents",
    "parents",
    "colleagues",
    "staff",
    "troops",
];

/// Whether the words from `k` (right after `to`) name whom something was said to: a
/// determiner or possessive, an object pronoun, a capitalized name or an audience; not a
/// verb (`said to be`, `said to have`).
fn addressed_to(b: &Block, k: usize) -> bool {
    let Some(x) = b.toks.get(k).filter(|x| x.word()) else {
        return false;
    };
    let w = x.low.as_str();
    // `spoke to this week`: a time, not a person.
    let timed = b.toks[k..]
        .iter()
        .take(3)
        .take_while(|x| x.word())
        .any(|x| day_word(&x.low) || matches!(x.low.as_str(), "week" | "month" | "year" | "day"));
    if timed {
        return false;
    }
    (DETS_SET.contains(w) && w != "no")
        || matches!(w, "him" | "her" | "them" | "me" | "us" | "you")
        || (x.cap && !in_quote(b, k))
        || AUDIENCES.contains(&w)
}

/// `the plan, which Dole proposed last year, was flawed`, `the plan that Dole proposed
/// was flawed`: the verb at `i` closes a relative clause whose object is the relative
/// pronoun, so it reports no words of its own; what follows belongs to the main clause.
/// A verb of saying or thinking right before the next verb still reports (`the tax,
/// which Dole said was unfair`).
fn object_relative(b: &Block, lo: usize, i: usize, lemma: &str) -> bool {
    let t = &b.toks;
    if relative_before_subject(b, lo, i).is_none() {
        return false;
    }
    // The verb's object is the pronoun: no object follows it (`warned the council that
    // Dole proposed cuts` is a clause of warning).
    let gap = t.get(i + 1).is_none_or(|x| {
        !x.word()
            || (PREPS_SET.contains(x.low.as_str()) && !x.is("to"))
            || AUX.contains(&x.low.as_str())
            || time_word(&x.low)
            || matches!(x.low.as_str(), "last" | "earlier")
    });
    // `a decision that Dole called "a sad day"`: a verb of naming takes the quotation as
    // its second object (the pronoun is the first), and reports it.
    let names_a_quote =
        matches!(lemma, "call" | "label" | "brand") && b.quotes.iter().any(|q| q.open == i + 1);
    gap && !names_a_quote && !reports_a_clause(b, i, lemma)
}

/// A verb of saying or thinking right before an auxiliary: what follows is the clause it
/// reports, whose subject is left out (`which Dole said was unfair`).
fn reports_a_clause(b: &Block, i: usize, lemma: &str) -> bool {
    (SPEECH.contains(&lemma) || COGNITIVE.contains(&lemma))
        && b.toks
            .get(i + 1)
            .is_some_and(|x| x.word() && AUX.contains(&x.low.as_str()))
}

/// The relative pronoun (`which`, `whom`, `that` after a noun) that opens the clause whose
/// verb is at `i`, with that clause's subject between: `which Dole has backed`, `the plan
/// that the council proposed`.
fn relative_before_subject(b: &Block, lo: usize, i: usize) -> Option<usize> {
    let t = &b.toks;
    // The relative clause's subject: a pronoun, a name, or a short phrase opened by a
    // determiner, with auxiliaries and adverbs before the verb (`which Dole has backed`).
    let mut k = i;
    while k > lo
        && t[k - 1].word()
        && (AUX.contains(&t[k - 1].low.as_str()) || ly_adverb(&t[k - 1].low))
    {
        k -= 1;
    }
    let end = k;
    if k > lo && t[k - 1].word() && subject_pronoun(&t[k - 1]) {
        k -= 1;
    } else {
        while k > lo && t[k - 1].word() && t[k - 1].cap {
            k -= 1;
        }
        if k == end {
            let det = (k.saturating_sub(3).max(lo)..k).rev().find(|&d| {
                matches!(
                    t[d].low.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its"
                )
            });
            match det {
                Some(d) if (d + 1..k).all(|m| t[m].word() && !np_stop(&t[m])) => k = d,
                // `which critics say`: a bare plural.
                _ if k >= lo + 2
                    && t[k - 1].word()
                    && !t[k - 1].cap
                    && t[k - 1].low.ends_with('s')
                    && matches!(t[k - 2].low.as_str(), "which" | "whom" | "that") =>
                {
                    k -= 1
                }
                _ => return None,
            }
        }
    }
    if k == end || k <= lo || !t[k - 1].word() {
        return None;
    }
    let rel = t[k - 1].low.as_str();
    // `that` after a noun its determiner opens (`the plan that`, a noun that is also a
    // verb of saying too), not after a verb (`said that`) or a name (`told the BBC that`).
    let noun_before_that = || {
        k >= lo + 3
            && matches!(
                t[k - 3].low.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
            && !t[k - 2].cap
    };
    // (`To which she said, "…"`: the pronoun is a preposition's object, not the verb's.)
    let relative = (matches!(rel, "which" | "whom")
        && !(k >= lo + 2 && PREPS_SET.contains(t[k - 2].low.as_str())))
        || (rel == "that" && noun_before_that());
    relative.then_some(k - 1)
}

/// Whether the verb-looking word at `i` is used as a noun or adjective or an infinitive.
/// `Everything Reed says is a lie`, `What she said was false`: the verb at `i` closes a
/// free relative (its subject a name or a pronoun) that is the subject of `is`/`was`; the
/// words said are not given.
fn free_relative(t: &[Tok], lo: usize, i: usize) -> bool {
    if !t
        .get(i + 1)
        .is_some_and(|x| matches!(x.low.as_str(), "is" | "was"))
    {
        return false;
    }
    let free = |k: usize| {
        matches!(
            t[k].low.as_str(),
            "everything" | "anything" | "something" | "nothing" | "whatever" | "what"
        )
    };
    let mut k = i;
    while k > lo && t[k - 1].word() && !free(k - 1) && (t[k - 1].cap || subject_pronoun(&t[k - 1]))
    {
        k -= 1;
    }
    k < i && k > lo && free(k - 1)
}

fn not_a_cue(b: &Block, lo: usize, i: usize, lemma: &str) -> bool {
    let t = &b.toks;
    let w = t[i].low.as_str();
    if object_relative(b, lo, i, lemma) {
        return true;
    }
    // `the plan, which Dole said would cost more`: the verb of a relative clause before
    // the clause it reports, not a noun before a modal or `is`.
    if reports_a_clause(b, i, lemma) && relative_before_subject(b, lo, i).is_some() {
        return false;
    }
    // `Hale, who has not been charged, has denied …`: a passive closing a relative clause
    // set off by commas reports nothing; what follows the comma is the main clause's.
    if i > lo
        && t.get(i + 1).is_some_and(|x| x.p == ',')
        && BE.contains(&t[i - 1].low.as_str())
        && (i.saturating_sub(6).max(lo + 1)..i)
            .any(|k| matches!(t[k].low.as_str(), "who" | "which") && t[k - 1].p == ',')
    {
        return true;
    }
    // `two engineering reports had found …`: an `-s` form right before a plural
    // auxiliary is a plural noun, the auxiliary's subject (a verb takes no `had` after it).
    if w.ends_with('s')
        && t.get(i + 1).is_some_and(|x| {
            x.word()
                && matches!(
                    x.low.as_str(),
                    "had" | "have" | "were" | "are" | "will" | "would" | "could" | "should"
                )
        })
    {
        return true;
    }
    if free_relative(t, lo, i) {
        return true;
    }
    // `It goes without saying that …`, `left without saying why`: nothing is said.
    if w == "saying" && i > lo && t[i - 1].is("without") {
        return true;
    }
    // `One reason that …`, `one claim in the report`: a bare form after `one` is a noun
    // (`one` would need `claims`, `says`).
    if i > lo && t[i - 1].is("one") && w == lemma {
        return true;
    }
    // `raised questions about …`, `said claims of fraud were false`: an `-s` form right
    // after a past tense is its object, a plural noun (two finite verbs do not stand side
    // by side); after `face`, `raise`, `field`, … any form is (`faced ridicule`).
    if i > lo && t[i - 1].word() && !t[i - 1].cap {
        let v = t[i - 1].low.as_str();
        let past = v.ends_with("ed") || IRREGULAR_PAST_SET.contains(v);
        if (past && w.ends_with('s')) || NOUN_OBJECT_VERBS.contains(&v) {
            return true;
        }
    }
    // `the agency's investigative report`, `its annual report`: a bare form right after
    // an adjective is that adjective's noun; a present-tense verb would need a plural
    // subject there. Not after a preposition's object (`close to the executive say`).
    if i > lo && w == lemma && t[i - 1].word() && !t[i - 1].cap {
        let x = t[i - 1].low.as_str();
        let adjective = ["ive", "ical", "ual", "ial"].iter().any(|e| x.ends_with(e));
        let object =
            (i.saturating_sub(3).max(lo)..i - 1).any(|k| PREPS_SET.contains(t[k].low.as_str()));
        if adjective && !object {
            return true;
        }
    }
    // `had called Daniel Alvarez to congratulate him`, `called her on Sunday`: a phone
    // call, not a statement (`called him a liar`, `called for calm` are).
    if lemma == "call" {
        let mut k = i + 1;
        let person = if t
            .get(k)
            .is_some_and(|x| matches!(x.low.as_str(), "him" | "her" | "them" | "me" | "us"))
        {
            k += 1;
            true
        } else {
            let start = k;
            while t.get(k).is_some_and(|x| x.word() && x.cap) {
                k += 1;
                // `Mr. Obama`: the period of a title.
                if t.get(k).is_some_and(|x| x.p == '.') && is_abbrev(&t[k - 1].low) {
                    k += 1;
                }
            }
            k > start
        };
        let after = t
            .get(k)
            .map_or("", |x| if x.word() { x.low.as_str() } else { "" });
        let ends = t.get(k).is_none_or(|x| matches!(x.p, '.' | ','));
        // `called Ann Dole to congratulate her`: a call to say something reports it.
        let to_say = after == "to"
            && t.get(k + 1).is_some_and(|x| {
                x.reports()
                    || matches!(
                        x.low.as_str(),
                        "express" | "congratulate" | "apologize" | "apologise" | "offer" | "thank"
                    )
            });
        if person
            && !to_say
            && (ends
                || matches!(
                    after,
                    "to" | "on" | "at" | "after" | "before" | "from" | "last" | "this" | "twice"
                ))
        {
            return true;
        }
    }
    // `helped them identify vandals`, `let him speak`: a bare infinitive after a
    // causative verb's object, whose subject is no speaker (`those close to him say` is).
    if i > lo + 1
        && matches!(t[i - 1].low.as_str(), "them" | "him" | "us" | "me")
        && matches!(
            t[i - 2].low.as_str(),
            "help" | "helps" | "helped" | "helping" | "let" | "lets" | "letting" | "make"
                | "makes" | "made" | "making" | "have" | "has" | "had" | "see" | "saw"
                | "watch" | "watched" | "hear" | "heard"
        )
        && w == lemma
        // `let them know this is not who we are` tells them.
        && !(lemma == "know" && t[i - 2].low.starts_with("let"))
    {
        return true;
    }
    // `A woman who answered the phone said …`: picking up a phone or a door says nothing.
    if lemma == "answer"
        && t.get(i + 1)
            .is_some_and(|x| DETS_SET.contains(x.low.as_str()))
        && t.get(i + 2).is_some_and(|x| {
            matches!(
                x.low.as_str(),
                "phone" | "phones" | "telephone" | "door" | "call" | "calls"
            )
        })
    {
        return true;
    }
    // `Most renters would see their bills go up`: after a modal, `see` is what befalls its
    // subject, no view of theirs (`would see the deal as a win` is read as a phrase); a
    // realization is `can see why it failed`.
    if lemma == "see" && i > lo {
        let mut m = i - 1;
        while m > lo && t[m].low.ends_with("ly") {
            m -= 1;
        }
        let modal = matches!(
            t[m].low.as_str(),
            "would" | "will" | "could" | "should" | "may" | "might" | "can"
        );
        let clause = t.get(i + 1).is_some_and(|x| {
            matches!(
                x.low.as_str(),
                "that" | "why" | "how" | "whether" | "what" | "if"
            )
        });
        if modal && !clause {
            return true;
        }
    }
    // `continue` after a modal or `to` goes on doing something (`the works can continue`,
    // `plans to continue`); it reports only as the speaker going on (`he continued`).
    if lemma == "continue"
        && i > lo
        && (t[i - 1].is("to") || AUX_SET.contains(t[i - 1].low.as_str()))
    {
        return true;
    }
    // `continued saying that …`, `continued working`: the gerund is what goes on (and
    // the cue when it is one of saying, [`aspectual_before`]).
    if lemma == "continue"
        && t.get(i + 1)
            .is_some_and(|n| n.word() && !n.cap && n.low.len() > 4 && n.low.ends_with("ing"))
    {
        return true;
    }
    // `appeal` reports as a plea (`appealed for calm`, `appealed to voters`); else it
    // takes a case to a higher court (`would appeal again`, `appealed the ruling`).
    if lemma == "appeal" && !t.get(i + 1).is_some_and(|n| n.is("for") || n.is("to")) {
        return true;
    }
    // `Reuters, citing two officials, reported that …`: the citing phrase sits between
    // the subject and its verb of saying, which reads the cited ones as its source.
    if matches!(lemma, "cite" | "quote") && w.ends_with("ing") && i > lo && t[i - 1].p == ',' {
        if let Some(c) = (i + 1..t.len()).take(16).find(|&k| !t[k].word()) {
            let mut v = c + 1;
            while t.get(v).is_some_and(|x| AUX_SET.contains(x.low.as_str())) {
                v += 1;
            }
            if t[c].p == ',' && t.get(v).is_some_and(|x| x.reports() && !x.cap) {
                return true;
            }
        }
    }
    // A court's or an official's decision reports as `ruled` closing a clause or before a
    // time (`…, a judge ruled on Thursday`); `rule that` is a phrase of its own. Else
    // `rule` is a noun (`British rule`, `the new rules`) or means to govern (`ruled the
    // country`, `the ruling party`).
    if lemma == "rule" {
        let time = |k: usize| t.get(k).is_some_and(|x| time_word(&x.low));
        let closes = t.get(i + 1).is_none_or(|n| !n.word());
        let timed =
            time(i + 1) || (t.get(i + 1).is_some_and(|n| n.is("on") || n.is("in")) && time(i + 2));
        return !(w == "ruled" && (closes || timed));
    }
    // `put it` reports only in `as X put it` closed by punctuation: elsewhere the words
    // after it are its object or its manner (`put it on hold`, `put it bluntly: …`), which
    // would be drafted as the quote's first words. `as` within the few words before, no
    // punctuation between.
    if lemma == "put it" {
        let as_before = (lo..i)
            .rev()
            .take(7)
            .take_while(|&k| t[k].word())
            .any(|k| t[k].low == "as")
            // `As Ann Dole, a tax lawyer at the center, recently put it, …`: `as`
            // opening the clause, the speaker's apposition between.
            || (lo..subject_end(b, lo, i))
                .rev()
                .take(7)
                .take_while(|&x| t[x].word() || t[x].p == '.')
                .any(|x| t[x].low == "as");
        // `as X put it in a long essay, …`: an adjunct may come before the punctuation.
        let adjunct_end = if t
            .get(i + 2)
            .is_some_and(|x| matches!(x.low.as_str(), "in" | "on" | "at" | "during"))
        {
            (i + 3..t.len()).find(|&k| !t[k].word())
        } else {
            None
        };
        let closed = t
            .get(adjunct_end.unwrap_or(i + 2))
            .is_none_or(|x| !x.word());
        return !(as_before && closed);
    }
    // An uninflected word right before a form of `be` or `have`: the head noun of their
    // subject (`Dole's harbor plan is …`, `the peace report has …`), no verb.
    if w == lemma
        && t.get(i + 1)
            .is_some_and(|n| matches!(n.low.as_str(), "is" | "was" | "has" | "had" | "does"))
    {
        return true;
    }
    if plural_noun_before_verb(t, i, lemma) || reduced_relative(t, lo, i) || in_comparison(t, lo, i)
    {
        return true;
    }
    // `threatened to resign`, `threatened that …`: a threat reports what follows; a
    // thing that threatens jobs reports nothing.
    if lemma == "threaten"
        && !t
            .get(i + 1)
            .is_some_and(|n| n.is("to") || n.is("that") || matches!(n.p, ':') || is_quote_char(n.p))
    {
        return true;
    }
    // A modal right after the word: it is the head noun of the modal's subject (`The tax
    // plan would make …`), no verb.
    if t.get(i + 1).is_some_and(|n| {
        matches!(
            n.low.as_str(),
            "would" | "will" | "could" | "should" | "may" | "might" | "must" | "can" | "cannot"
        )
    }) {
        return true;
    }
    // `The Times report that aired Monday …`: a noun of saying before a relative `that`.
    if w == lemma
        && NOMINAL_CUES_SET.contains(w)
        && t.get(i + 1).is_some_and(|n| n.is("that"))
        && relative_that(t, i + 1)
    {
        return true;
    }
    if (w == lemma && uninflected_after_singular_noun(t, lo, i))
        || (!lemma.contains(' ') && noun_after_degree_adverb(t, lo, i))
    {
        return true;
    }
    // A headline in title case writes its verb capitalized (`Graham Says Deal Is Near`):
    // an inflected reporting verb there is one.
    let title_verb = b.headline
        && w.ends_with('s')
        && w != lemma
        && !lemma.contains(' ')
        && match t[i + 1..].iter().filter(|x| x.word()).count() {
            // `Deal Is Near, Graham Says`: the verb closing the headline after a comma.
            0 => t[lo..i].iter().rev().take(8).any(|x| x.p == ','),
            n => n >= 3,
        };
    if t[i].cap && i > lo && t[i - 1].word() && !title_verb {
        return true; // inside a name: "United States"
    }
    if i > lo {
        let prev = t[i - 1].low.as_str();
        // (`Some said …`, `But some note that …`: the quantifier opening a clause is the
        // subject; `After some challenges, …` is a noun's determiner.)
        let lone_quantifier = matches!(prev, "some" | "each")
            && (i - 1 == lo
                || !t[i - 2].word()
                || matches!(t[i - 2].low.as_str(), "but" | "and" | "yet" | "so"));
        // (`Reed had earlier said`: `earlier` is an adverb before a past form, which no
        // noun is; `an earlier report that …` is a noun's adjective.)
        let adverb_earlier =
            prev == "earlier" && (w.ends_with("ed") || matches!(w, "said" | "told" | "wrote"));
        if DETS_SET.contains(prev)
            && prev != "that"
            && !floated_quantifier(t, lo, i - 1)
            && !lone_quantifier
            && !adverb_earlier
        {
            return true;
        }
        // A possessive (`Reed's claim`, `the residents' claim`), not a pronoun's `'s`
        // (`he's claiming`), nor the single mark closing a quotation (`'…,' said Reed`).
        let closes_quote = b.quotes.iter().any(|q| q.close == Some(i - 1));
        if (matches!(t[i - 1].p, '\u{2019}' | '\'') && !closes_quote)
            || (prev.ends_with("'s") && prev != "'s")
        {
            return true;
        }
        // After a number a word in `-s` is a plural noun (`18 states`, `the 9/11 attacks`).
        if w.ends_with('s') && !prev.is_empty() && prev.bytes().all(|c| c.is_ascii_digit()) {
            return true;
        }
        // `thrown into question`, `a host of other challenges`: after a preposition
        // (but `to`, `by`) or `other`, a word that is no `-ing` form is a noun.
        if t[i - 1].word()
            && !w.ends_with("ing")
            && lemma != "according to"
            && ((PREPS_SET.contains(prev) && !matches!(prev, "to" | "by")) || prev == "other")
        {
            return true;
        }
        if prev == "to" && lemma != "according to" && !catenative_before(b, lo, i) {
            // "to say", "wants to deny": an infinitive, not a report (except "has to").
            return true;
        }
        // A split infinitive: "the decision to not recommend charges".
        if matches!(prev, "not" | "never") && i > lo + 1 && t[i - 2].is("to") {
            return true;
        }
    }
    // `spoke for five minutes`, `speaking at a rally`, `spoke Friday`: what was spoken
    // of follows `about`, `of` or `on` (`spoke emotionally of …`, `spoke in favor of
    // …`); a place, a time or a length is no content.
    // `peace talks about the border`, `the talks about trade`: `talks` is mostly the noun;
    // the verb follows a name or a pronoun (`Dole talks about …`, `she talks about …`).
    if w == "talks"
        && !(i > lo
            && t[i - 1].word()
            && (t[i - 1].cap || matches!(t[i - 1].low.as_str(), "he" | "she" | "who")))
    {
        return true;
    }
    // `went on television`, `go on offense`, `going on in the country`: `go on` reports
    // only as the speaker going on (`he went on: "…"`, `she went on.`); in `went on to
    // explain` the cue is `explain`.
    if lemma == "go on"
        && t.get(i + 1).is_some_and(|x| x.is("on"))
        && t.get(i + 2).is_some_and(Tok::word)
    {
        return true;
    }
    if lemma == "speak" && t.get(i + 1).is_some_and(Tok::word) {
        // The topic may come after an adjunct (`spoke during his speech of …`), within
        // the clause; `about` before a number is `roughly`. `spoke on condition of
        // anonymity (because …)` says how, not what.
        let on_condition = t.get(i + 1).is_some_and(|x| x.is("on"))
            && t[i + 2..]
                .iter()
                .take(2)
                .any(|x| x.is("condition") || x.is("background"));
        if on_condition {
            return true;
        }
        let topic = t[i + 1..]
            .iter()
            .take(8)
            .take_while(|x| x.word())
            .enumerate()
            .any(|(n, x)| {
                let after = t.get(i + 2 + n);
                let number = after.is_some_and(|a| {
                    a.low.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(
                            a.low.as_str(),
                            "a" | "an" | "one" | "two" | "three" | "five" | "ten" | "half"
                        )
                });
                matches!(x.low.as_str(), "of" | "on")
                    || (x.is("about") && !number)
                    || (n == 0
                        && matches!(x.low.as_str(), "against" | "to" | "with" | "out" | "up"))
                    || (x.is("in")
                        && after.is_some_and(|a| {
                            matches!(a.low.as_str(), "favor" | "favour" | "support" | "defense")
                        }))
            });
        if !topic {
            return true;
        }
    }
    // `dismissed the governor`, `dismissed Ann Dole`: a person removed from office, no
    // claim rejected (`dismissed the report`, `dismissed Dole's remarks`, `dismissed
    // her as a liar` are).
    if lemma == "dismiss" {
        let mut k = i + 1;
        while t.get(k).is_some_and(|x| {
            x.word()
                && (DETS_SET.contains(x.low.as_str())
                    || matches!(
                        x.low.as_str(),
                        "his" | "her" | "its" | "their" | "regional" | "local" | "top" | "deputy"
                    ))
        }) {
            k += 1;
        }
        let person = t.get(k).is_some_and(|x| {
            x.word()
                && (person_noun(&x.low)
                    || (x.cap
                        && !t.get(k + 1).is_some_and(|n| {
                            n.low.ends_with("'s") || matches!(n.p, '\'' | '\u{2019}')
                        })
                        && !x.low.ends_with("'s")))
        });
        let as_after = t[i + 1..]
            .iter()
            .take_while(|x| x.word())
            .take(12)
            .any(|x| x.is("as"));
        if person && !as_after {
            return true;
        }
    }
    // `committed fraud`, `committed $2 million`: `commit` is a pledge only
    // before `to` or `that`.
    if lemma == "commit" && !t.get(i + 1).is_some_and(|n| n.is("to") || n.is("that")) {
        return true;
    }
    // `swing states`, `member states agree …`, `state police`: `state` and
    // `states` are nouns unless what was stated follows (`that`, a subject pronoun, a
    // colon, a comma or a quotation).
    if matches!(w, "state" | "states")
        && !t.get(i + 1).is_some_and(|n| {
            matches!(
                n.low.as_str(),
                "that" | "he" | "she" | "they" | "it" | "we" | "i"
            ) || matches!(n.p, ':' | ',')
                || is_quote_char(n.p)
        })
    {
        return true;
    }
    // "an official who asked not to be named": a request for anonymity reports nothing.
    if lemma == "ask"
        && t.get(i + 1).is_some_and(|x| x.is("not"))
        && t.get(i + 2).is_some_and(|x| x.is("to"))
        && t.get(i + 3).is_some_and(|x| x.is("be"))
    {
        return true;
    }
    // "reported, citing X, that …": the citing belongs to the report before it.
    if matches!(w, "citing" | "quoting") && i >= lo + 2 && t[i - 1].p == ',' && t[i - 2].reports() {
        return true;
    }
    let next = t.get(i + 1).map_or("", |n| n.low.as_str());
    let next_p = t.get(i + 1).map_or('\0', |n| n.p);
    if w.ends_with("ing") && lemma != "according to" {
        let after_comma = i > lo
            && (t[i - 1].p == ','
                || t[i - 1].p == '\u{2014}'
                || GERUND_INTRO.contains(&t[i - 1].low.as_str())
                // `…," adding that …`: the comma inside the closing mark.
                || (i >= lo + 2 && is_quote_char(t[i - 1].p) && t[i - 2].p == ','));
        // "is questioning", "is once again questioning": adverbs between.
        let mut k = i;
        while k > lo
            && t[k - 1].word()
            && !BE.contains(&t[k - 1].low.as_str())
            && (AUX.contains(&t[k - 1].low.as_str())
                || (ly_adverb(&t[k - 1].low) && t[k - 1].low.len() > 4))
            && !matches!(
                t[k - 1].low.as_str(),
                "has" | "have" | "had" | "will" | "would"
            )
        {
            k -= 1;
        }
        let progressive = k > lo && BE.contains(&t[k - 1].low.as_str());
        // "…, calling for …", "…, promising to …": the phrase or the infinitive is the
        // report's own.
        let own_next = lemma.split(' ').nth(1) == Some(next)
            || (next == "to"
                && (lexicon::stance_of(lemma) == "promises" || TO_VERBS.contains(&lemma)));
        // `…, with the mayor saying that …`: the subject of an absolute phrase.
        let absolute = || absolute_before(b, lo, i, t.len()).is_some();
        let depicted = || depicted_speaker(b, lo, i).is_some();
        let aspectual = || aspectual_before(t, lo, i).is_some();
        if !(after_comma || progressive || absolute() || depicted() || aspectual())
            || (!own_next && matches!(next, "on" | "about" | "to" | "for" | "with"))
        {
            return true;
        }
    }
    if next == "to"
        && lemma != "according to"
        && lemma.split(' ').nth(1) != Some("to")
        && !matches!(lemma, "respond" | "reply")
        && !matches!(lexicon::stance_of(lemma), "promises")
        && !matches!(
            lemma,
            "agree"
                | "urge"
                | "refuse"
                | "decline"
                | "ask"
                | "warn"
                | "tell"
                | "call on"
                | "want"
                | "plan"
                | "seek"
                | "intend"
                | "encourage"
                | "hope"
        )
        // "said to reporters", "explained to the crowd": whom the words were said to.
        && !(SAID_TO.contains(&lemma) && addressed_to(b, i + 2))
    {
        return true;
    }
    // "The man, who refused to give his name, said …", "combatants who want to go": a
    // relative clause describing someone, not a report.
    if next == "to" && i > lo && matches!(t[i - 1].low.as_str(), "who" | "which") {
        return true;
    }
    if next == "by" {
        // "backed by Turkey": a participle modifying a noun, not a passive report.
        return !(i > lo && BE.contains(&t[i - 1].low.as_str()));
    }
    // "did not know": a negated belief reports nothing.
    if COGNITIVE_SET.contains(lemma)
        && i > lo
        && matches!(t[i - 1].low.as_str(), "not" | "n't" | "never")
    {
        return true;
    }
    // "is expected", "was believed" without an agent: no source. ("is hoping that …" is
    // the subject's own thought.)
    if i > lo
        && BE.contains(&t[i - 1].low.as_str())
        && COGNITIVE_SET.contains(lemma)
        && !w.ends_with("ing")
    {
        return true;
    }
    if matches!(next_p, ')' | ']') {
        return true;
    }
    if COGNITIVE_SET.contains(lemma)
        && !(next == "that"
            || PRONOUNS.contains(&next)
            || matches!(next, "the" | "a" | "an" | "this" | "it")
            || (next == "to" && TO_VERBS.contains(&lemma))
            || thought_clause_follows(b, i + 1))
    {
        return true;
    }
    // `adding he would never vote …`: a subject pronoun opens the added clause.
    let clause_next = matches!(next, "he" | "she" | "they" | "we" | "i")
        || (next == "it"
            && t.get(i + 2)
                .is_some_and(|x| AUX_SET.contains(x.low.as_str())));
    // `"…," added the finance minister`: after a quotation, the speaker follows.
    let after_quote = i >= lo + 2
        && ((is_quote_char(t[i - 1].p) && t[i - 2].p == ',')
            || (t[i - 1].p == ',' && is_quote_char(t[i - 2].p)));
    let speaker_next = t.get(i + 1).is_some_and(|x| x.cap || x.is("the"));
    if matches!(lemma, "add")
        && !clause_next
        && !(after_quote && speaker_next)
        && !(next == "that"
            || next_p == ','
            || next_p == ':'
            || next_p == '.'
            || is_quote_char(next_p)
            || day_word(next)
            || ly_adverb(next))
    {
        return true;
    }
    false
}

/// Verbs whose object is often a reporting word used as a noun (`face questions`,
/// `faced ridicule`, `draws criticism`, `fielding questions`).
const NOUN_OBJECT_VERBS: &[&str] = &[
    "face",
    "faces",
    "faced",
    "facing",
    "raise",
    "raises",
    "raised",
    "raising",
    "field",
    "fields",
    "fielded",
    "fielding",
    "answer",
    "answers",
    "answered",
    "answering",
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "pose",
    "poses",
    "posed",
    "posing",
    "draw",
    "draws",
    "drew",
    "drawn",
    "drawing",
    "dodge",
    "dodges",
    "dodged",
    "dodging",
    "prompt",
    "prompts",
    "prompted",
    "prompting",
    "spark",
    "sparks",
    "sparked",
    "sparking",
    "ignore",
    "ignores",
    "ignored",
    "ignoring",
    "address",
    "addresses",
    "addressed",
    "addressing",
];

/// Plural nouns without an `-s`: a present-tense verb in its bare form may follow them
/// (`the police say`).
const BARE_PLURALS: &[&str] = &[
    "people", "men", "women", "children", "police", "staff", "media", "data", "public", "clergy",
    "faithful", "youth", "two", "three", "four", "five", "six", "both", "few", "many", "most",
    "others", "all", "several",
];

/// Whether the uninflected word at `i` stands after a determiner or a possessive and one
/// word that can only be singular (`the budget plan sends …`, `a strong signal that …`,
/// `the council's tax plan`): a singular subject takes no bare present-tense verb, so
/// the word is the noun phrase's head. After a plural (`the officials say`, `the two men
/// claim`, `the police say`) it is the verb. A function word between (`those who
/// say`, `the minister did not say`) leaves the question to the other rules.
/// `Privacy advocates say …`, `Police reports showed that …`: a word in `-s` right
/// before a verb of the plural or of the past is a plural noun, the head of that verb's
/// subject (a verb in `-s` is never followed by another finite verb). Only verbs that
/// are no nouns in their bare form count (`She says hope …`), and a past only before
/// `that`, a pronoun, a time or punctuation (`He says worried parents …`).
fn plural_noun_before_verb(t: &[Tok], i: usize, lemma: &str) -> bool {
    let w = t[i].low.as_str();
    if !w.ends_with('s') || w == lemma || lemma.contains(' ') {
        return false;
    }
    let mut k = i + 1;
    while t
        .get(k)
        .is_some_and(|x| matches!(x.low.as_str(), "also" | "still" | "now" | "often"))
    {
        k += 1;
    }
    let Some(v) = t.get(k).filter(|x| x.word() && !x.cap) else {
        return false;
    };
    const PLURAL: &[&str] = &[
        "say",
        "are",
        "were",
        "have",
        "argue",
        "contend",
        "insist",
        "believe",
        "warn",
        "predict",
        "allege",
        "suggest",
        "maintain",
        "caution",
        "complain",
        "agree",
        "expect",
        "think",
        "concede",
        "acknowledge",
        "stress",
        "urge",
        "show",
        "indicate",
    ];
    if PLURAL.contains(&v.low.as_str()) {
        return true;
    }
    // `News reports said the …`: no verb in `-s` takes `said` after it; a form in `-ed`
    // may be an adjective of its object (`The agency reports renewed fighting`).
    if matches!(v.low.as_str(), "said" | "told" | "wrote") {
        return true;
    }
    // `…, an analysis of campaign reports shows.`: a verb of saying in `-s` after it (two
    // finite verbs do not stand side by side) closing the clause.
    let closing = t.get(k + 1).is_none_or(|n| !n.word() || time_word(&n.low));
    if v.reports() && closing && v.low.ends_with('s') {
        return true;
    }
    let past = v.reports() && v.low.ends_with("ed");
    past && t.get(k + 1).is_none_or(|n| {
        !n.word()
            || time_word(&n.low)
            || matches!(
                n.low.as_str(),
                "that" | "on" | "in" | "last" | "this" | "it" | "they" | "he" | "she" | "we"
            )
    })
}

/// `more methane than scientists had estimated`, `faster than analysts expected`: the
/// verb of a comparison says nothing of its own. (`more than a dozen lawmakers said` and
/// `more than 300 residents said` are quantities, and report.)
fn in_comparison(t: &[Tok], lo: usize, i: usize) -> bool {
    let Some(k) = (lo..i)
        .rev()
        .take(5)
        .take_while(|&k| t[k].word())
        .find(|&k| t[k].is("than"))
    else {
        return false;
    };
    // `than the ones he refused to answer`: a relative clause of the compared noun.
    if (k + 2..i).any(|m| PRONOUNS.contains(&t[m].low.as_str())) {
        return false;
    }
    !t.get(k + 1).is_some_and(|n| {
        n.low.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                n.low.as_str(),
                "a" | "an"
                    | "half"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "ten"
                    | "one"
                    | "dozens"
                    | "hundreds"
                    | "thousands"
            )
    })
}

/// `A poll released Wednesday found …`, `a letter sent to members said …`: a participle
/// right after a noun, with the clause's own verb of saying a few words on, describes the
/// noun (the poll was released); it reports nothing of its own.
fn reduced_relative(t: &[Tok], lo: usize, i: usize) -> bool {
    if i == lo || !participle_with_adjunct(t, i) {
        return false;
    }
    let prev = &t[i - 1];
    // After a name, only a participle of what is done to documents (`the Quinnipiac
    // Poll released Tuesday found`), not a finite verb (`Dole announced Tuesday
    // expanded …`).
    let published = matches!(
        t[i].low.as_str(),
        "released"
            | "published"
            | "issued"
            | "posted"
            | "conducted"
            | "commissioned"
            | "obtained"
            | "leaked"
            | "filed"
            | "signed"
            | "sent"
            | "written"
            | "aired"
    );
    if !prev.word()
        || (prev.cap && i - 1 > lo && !published)
        || PRONOUNS.contains(&prev.low.as_str())
        || AUX_SET.contains(prev.low.as_str())
        || ly_adverb(&prev.low)
    {
        return false;
    }
    (i + 1..t.len().min(i + 9))
        // Adjuncts between (`Wednesday`, `by the institute`), no clause of their own
        // (`The statement noted they had said …`).
        .take_while(|&k| {
            let x = t[k].low.as_str();
            t[k].word()
                && !matches!(x, "that" | "which" | "who" | "and" | "but")
                && !PRONOUNS.contains(&x)
                && !AUX_SET.contains(x)
                && !BE.contains(&x)
        })
        .any(|k| {
            (t[k].reports() || lexicon::may_start_phrase(t[k].lex))
                && !t[k].cap
                && !t[k].low.ends_with("ing")
                && !t[k - 1].is("to")
                && !DETS_SET.contains(t[k - 1].low.as_str())
                && (t[k].low.ends_with("ed")
                    || matches!(
                        t[k].low.as_str(),
                        "said"
                            | "found"
                            | "told"
                            | "wrote"
                            | "says"
                            | "shows"
                            | "finds"
                            | "suggests"
                            | "concludes"
                            | "indicates"
                            | "warns"
                    ))
        })
}

fn uninflected_after_singular_noun(t: &[Tok], lo: usize, i: usize) -> bool {
    if i < lo + 2 || !t[i - 1].word() || !t[i - 2].word() || t[i].cap {
        return false;
    }
    // `the statement read: …`: a bare form that is also its past tense.
    if matches!(t[i].low.as_str(), "read" | "put" | "cut" | "set") {
        return false;
    }
    // `a New York Times report blaming …`: after `a`, a name modifies the noun that follows.
    if name_modifier(t, lo, i).is_some_and(|r| matches!(t[r.0 - 1].low.as_str(), "a" | "an")) {
        return true;
    }
    let (d, x) = (t[i - 2].low.as_str(), t[i - 1].low.as_str());
    // `to depend less on county support`: a preposition's object (but `voters in Ohio say`,
    // a name, and `to`/`by`, which take verbs and agents).
    let preposition = PREPS_SET.contains(d) && !matches!(d, "to" | "by") && !t[i - 1].cap;
    let determiner = (DETS_SET.contains(d) && !matches!(d, "that" | "no" | "some" | "any"))
        || (d.ends_with("'s") && d != "'s")
        || preposition;
    let function_word = AUX_SET.contains(x)
        || BE.contains(&x)
        || PRONOUNS.contains(&x)
        || PREPS_SET.contains(x)
        || DETS_SET.contains(x)
        || matches!(
            x,
            "who"
                | "which"
                | "whom"
                | "that"
                | "also"
                | "still"
                | "now"
                | "then"
                | "not"
                | "never"
                | "only"
                | "just"
                | "even"
                | "often"
                | "again"
                | "and"
                | "or"
        )
        || ly_adverb(x);
    // `residents around the county say`: the noun phrase is a preposition's object, the
    // subject is before it.
    if i >= lo + 3
        && (PREPS_SET.contains(t[i - 3].low.as_str())
            || matches!(
                t[i - 3].low.as_str(),
                "around"
                    | "near"
                    | "throughout"
                    | "between"
                    | "outside"
                    | "inside"
                    | "behind"
                    | "along"
                    | "beside"
                    | "above"
                    | "below"
            ))
        && plural_subject_before(t, lo, i - 3)
    {
        return false;
    }
    let plural =
        x.ends_with('s') || BARE_PLURALS.contains(&x) || x.bytes().any(|c| c.is_ascii_digit());
    determiner
        && !function_word
        && !plural
        && x.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
}

/// Whether a plural noun stands before the preposition at `p`, within a few words and
/// with no verb between (`residents in Dover and around the county …`): the subject the
/// prepositional phrases describe. After a verb (`are made worse by the …`) the phrase
/// belongs to that verb.
fn plural_subject_before(t: &[Tok], lo: usize, p: usize) -> bool {
    for k in (lo..p).rev().take(8) {
        let w = t[k].low.as_str();
        if !t[k].word()
            || AUX_SET.contains(w)
            || (w.ends_with("ed") && !t[k].cap)
            || lexicon::reporting_lemma(w).is_some()
        {
            return false;
        }
        let plural = (w.ends_with('s')
            && !w.ends_with("'s")
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
            || BARE_PLURALS.contains(&w);
        if plural {
            return true;
        }
    }
    false
}

/// Degree adverbs: the word after one is an adjective, and the word after that the noun
/// it qualifies (`a rather divisive issue`, `sometimes angry protests`).
const DEGREE_ADVERBS: &[&str] = &[
    "rather",
    "very",
    "quite",
    "so",
    "too",
    "more",
    "most",
    "less",
    "least",
    "increasingly",
    "sometimes",
    "often",
    "extremely",
    "highly",
    "deeply",
    "particularly",
    "especially",
    "fairly",
    "pretty",
    "largely",
    "mostly",
    "equally",
    "similarly",
];

/// Whether the word at `i` is the noun after a degree adverb and an adjective (`a rather
/// divisive issue`, `loud, sometimes angry protests`): the head of a noun
/// phrase, not a verb.
fn noun_after_degree_adverb(t: &[Tok], lo: usize, i: usize) -> bool {
    i >= lo + 2
        && t[i - 1].word()
        && t[i - 2].word()
        && !t[i - 1].cap
        && DEGREE_ADVERBS.contains(&t[i - 2].low.as_str())
        && !AUX_SET.contains(t[i - 1].low.as_str())
        && !PRONOUNS.contains(&t[i - 1].low.as_str())
        && !DETS_SET.contains(t[i - 1].low.as_str())
        && !ly_adverb(&t[i - 1].low)
        && !t[i - 1].low.ends_with("ed")
}

pub(super) fn run(a: &Article) -> Vec<Attribution> {
    run_keeping(a, false)
}

/// [`run`]; `keep_all` keeps every block's tokens to the end (for the test that freeing
/// them early changes nothing).
fn run_keeping(a: &Article, keep_all: bool) -> Vec<Attribution> {
    let spans = a.headline.map(|h| (h, true)).into_iter();
    let spans = spans.chain(a.paragraphs.iter().map(|p| (*p, false)));
    let mut blocks: Vec<Block> = Vec::with_capacity(a.paragraphs.len() + 1);
    let mut scratch = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    for (bi, (span, headline)) in spans.enumerate() {
        let mut b = build_block(a, span, headline, &mut scratch);
        let before = found.len();
        for &(lo, hi) in &b.units {
            find_in_unit(a, &b, bi, lo, hi, &mut found);
        }
        if b.headline && found.len() == before {
            headline_form(a, &b, bi, &mut found);
        }
        if b.headline && found.len() == before {
            headline_act(a, &b, bi, &mut found);
        }
        if !b.headline {
            transcript_turn(&b, bi, &mut found);
        }
        // Tokens (32 bytes a word: most of the analysis' memory on a long article) are
        // freed as soon as the block is read, unless `carry_quotes` reads them: a block
        // with a quotation, one that ends with a colon (`Berg added:`) and the one after.
        let after_colon = blocks.last().is_some_and(ends_with_colon);
        if !keep_all && !b.headline && b.quotes.is_empty() && !ends_with_colon(&b) && !after_colon {
            b.toks = Vec::new();
            b.upper = Vec::new();
        }
        blocks.push(b);
    }
    drop(scratch);
    // `According to Reuters, which cited two diplomats, …`: the relative clause's subject
    // is the name, not the `according to` before it.
    for f in &mut found {
        if let Some(s) = f.source {
            let text = s.slice(&a.text);
            let lead = "according to ";
            if text.len() > lead.len()
                && text.is_char_boundary(lead.len())
                && text[..lead.len()].eq_ignore_ascii_case(lead)
            {
                f.source = Some(Span::new(s.start + lead.len(), s.end));
            }
        }
    }
    found.retain(|f| f.source.is_none_or(|s| !verb_led(s.slice(&a.text))));
    for f in &mut found {
        if expletive_it(&a.text, f) {
            f.source = None;
        }
    }
    carry_quotes(&blocks, &mut found);
    end_before_next_speaker(&a.text, &mut found);
    end_before_own_verb(&a.text, &mut found);
    end_inside_container(&mut found);
    // A title or a name in quotation marks with no cue (`the film “Harbor Nights”`,
    // `“Evening Report”`, `“Sleepy Sam”`): words quoted as a name, not a statement.
    found.retain(|f| !(f.cue.is_none() && !f.labelled && quoted_title(&a.text, &f.content)));
    // What `resolve` reads of a block is its span and whether it is the headline: the
    // blocks' tokens (most of the analysis' memory on a long article: 32 bytes a word)
    // are freed before it allocates the attributions.
    let shapes: Vec<Shape> = blocks
        .iter()
        .map(|b| Shape {
            span: b.span,
            headline: b.headline,
        })
        .collect();
    drop(blocks);
    resolve(a, &shapes, found)
}

/// `It is widely believed that …`, `It was reported that …`: the `it` of a passive cue
/// holds the place of the clause and names no one (nor the body that spoke last). Only
/// words stand between the two, one of them a form of `be`; `It has said …` keeps its
/// `it`.
fn expletive_it(text: &str, f: &Found) -> bool {
    let (Some(src), Some(cue)) = (f.source, f.cue) else {
        return false;
    };
    let Some(content) = f.content.first() else {
        return false;
    };
    // A passive's participle (not `It's denouncing …`), then a clause with `that` (not
    // `it was labeled “Mostly True”`, where `it` is the statement).
    if !src.slice(text).eq_ignore_ascii_case("it")
        || src.end > cue.start
        || cue.slice(text).ends_with("ing")
        || cue.end > content.start
        || !text[cue.end..content.start]
            .trim_end()
            .to_lowercase()
            .ends_with(" that")
    {
        return false;
    }
    let between = &text[src.end..cue.start];
    let words: Vec<String> = between
        .split_whitespace()
        .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| w.trim_start_matches('\'').chars().all(char::is_alphabetic))
        && words.iter().any(|w| BE.contains(&w.as_str()))
}

/// Verbs of speech proper, for [`end_before_next_speaker`].
const SPEECH: &[&str] = &[
    "say",
    "tell",
    "add",
    "argue",
    "insist",
    "contend",
    "warn",
    "note",
    "counter",
    "claim",
    "acknowledge",
    "admit",
    "concede",
    "deny",
    "reply",
    "respond",
    "answer",
    "explain",
    "announce",
    "declare",
    "state",
    "report",
    "write",
    "complain",
    "allege",
    "maintain",
];

/// `City hall has said it will cap licenses, but critics say the measure comes too
/// late`: reported words end where a coordinated clause with a speaker of its own
/// begins (a comma, a conjunction, then that speaker and a verb of speech). Indirect
/// content only: a quotation's words are its marks'.
fn end_before_next_speaker(text: &str, found: &mut [Found]) {
    // Speakers whose cue is a verb of speech: a clause of wanting, knowing or finding
    // (`…, and you don't want to …`) goes on as part of the reported words.
    let speaks = |cue: Span| {
        let word = cue.slice(text).split_whitespace().next().unwrap_or("");
        lexicon::reporting_lemma(&word.to_lowercase()).is_some_and(|l| SPEECH.contains(&l))
    };
    // (source start, whether the cue is a participle: `… and Marcus Forde calling …`
    // needs no comma before its `and`).
    // Sorted, so each statement looks up the first speaker inside its words (a long
    // article has thousands of statements).
    let mut speakers: Vec<(usize, bool)> = found
        .iter()
        .filter_map(|g| Some((g.source?.start, g.cue?)))
        .filter(|&(s, c)| s < c.start && (speaks(c) || c.slice(text).ends_with("ing")))
        .map(|(s, c)| (s, c.slice(text).ends_with("ing")))
        .collect();
    speakers.sort_unstable();
    for f in found.iter_mut().filter(|f| f.kind == ContentKind::Indirect) {
        let Some(last) = f.content.last_mut() else {
            continue;
        };
        if let Some(end) = agreeing_clause(last.slice(text)) {
            last.end = last.start + end;
            continue;
        }
        let from = speakers.partition_point(|&(s, _)| s <= last.start);
        let Some(&(s, participle)) = speakers.get(from).filter(|(s, _)| *s < last.end) else {
            continue;
        };
        let before = text[last.start..s].trim_end();
        let Some(rest) = [
            "but", "and", "while", "although", "though", "whereas", "yet",
        ]
        .iter()
        .find_map(|c| before.strip_suffix(c)) else {
            // `… of the regional centers The S.E.C. said …`: a sentence whose period
            // went missing (see `np_left`) ends the words before it, at a word.
            let last_word = before.rsplit(' ').next().unwrap_or("");
            if text[s..].starts_with("The ") && last_word.chars().all(char::is_alphanumeric) {
                last.end = last.start + before.len();
            }
            continue;
        };
        let rest = rest.trim_end();
        let kept = rest
            .strip_suffix(',')
            .or_else(|| (participle && before.ends_with(" and")).then_some(rest));
        // Not an item of a list (`including: A, who …; B, who …; and C, who said …`).
        if let Some(kept) = kept.filter(|k| !k.contains([';', ':'])) {
            let kept = kept.trim_end();
            if kept.split_whitespace().count() >= 2 {
                last.end = last.start + kept.len();
            }
        }
    }
}

/// `Reed said prices rose, and Dole agrees.`: a closing clause of someone agreeing or
/// disagreeing (a verb with no words of its own, so no statement [`end_before_next_speaker`]
/// could stop at) is the writer's, not the first speaker's. The length of the words
/// before its comma, when `words` ends with one: `, and|but|while`, a subject of at most
/// five words, then the verb, last or before `with`.
pub(super) fn agreeing_clause(words: &str) -> Option<usize> {
    const AGREE: &[&str] = &[
        "agree",
        "agrees",
        "agreed",
        "disagree",
        "disagrees",
        "disagreed",
        "concur",
        "concurs",
        "concurred",
    ];
    for (comma, _) in words.match_indices(", ").filter(|(c, _)| *c > 0) {
        let rest = &words[comma + 2..];
        let mut w = rest.split_whitespace();
        if !matches!(w.next(), Some("and" | "but" | "while")) {
            continue;
        }
        let tail: Vec<&str> = w.collect();
        let Some(v) = tail.iter().position(|x| {
            AGREE.contains(&x.trim_end_matches(['.', ',', ';']).to_lowercase().as_str())
        }) else {
            continue;
        };
        let closes = tail.len() == v + 1 || tail[v + 1] == "with";
        let subject = &tail[..v];
        if closes
            && (1..=5).contains(&subject.len())
            && subject
                .iter()
                .all(|x| x.chars().all(|c| c.is_alphanumeric() || "'’.-".contains(c)))
        {
            return Some(comma);
        }
    }
    None
}

/// `Analysts at Berwick, who had expected a smaller cut, said …`: a statement in a
/// relative clause ends at the comma before its speaker's next verb of the lexicon (the
/// speaker's own later statement is read on its own), or before the verb of a speaker
/// named earlier (`The senator, whose office declined to comment, has called …`).
/// Indirect content only.
fn end_before_own_verb(text: &str, found: &mut [Found]) {
    // Not a participle of the same speaker (`…, encouraging …`): its clause may be the
    // statement's own.
    // By cue start: each statement reads only the cues inside its words.
    let mut cues: Vec<(usize, Span)> = found
        .iter()
        .filter(|g| !g.participle)
        .filter_map(|g| Some((g.cue?.start, g.source?)))
        .collect();
    cues.sort_unstable_by_key(|&(c, s)| (c, s.start, s.end));
    for f in found.iter_mut().filter(|f| f.kind == ContentKind::Indirect) {
        let (Some(src), Some(cue)) = (f.source, f.cue) else {
            continue;
        };
        let Some(last) = f.content.last_mut() else {
            continue;
        };
        let after = cue.end.max(last.start);
        let from = cues.partition_point(|&(c, _)| c <= after);
        let Some((next, same)) = cues[from..]
            .iter()
            .take_while(|&&(c, _)| c < last.end)
            .find(|&&(_, s)| s == src || s.end <= src.start)
            .map(|&(c, s)| (c, s == src))
        else {
            continue;
        };
        let mut before = text[last.start..next].trim_end();
        // `…, has called …`: the verb's auxiliaries are no part of the words.
        while let Some((head, w)) = before.rsplit_once(' ').filter(|_| !same) {
            if !AUX.contains(&w.to_lowercase().as_str()) {
                break;
            }
            before = head.trim_end();
        }
        // `, said …`; after an act outside the lexicon, also `… but signalled …` (the
        // same subject's second verb; after a verb of saying, `and told …` may be the
        // reported clause's own). An earlier speaker's verb ends the words at its comma
        // only.
        let act = f.act && same;
        let kept = before.strip_suffix(',').or_else(|| {
            [" but", " and"]
                .iter()
                .filter(|_| act)
                .find_map(|c| before.strip_suffix(c))
                .map(|k| k.trim_end().trim_end_matches(','))
        });
        if let Some(kept) = kept {
            let kept = kept.trim_end();
            if !kept.is_empty() {
                last.end = last.start + kept.len();
            }
        }
    }
}

/// `The European Union has pledged 200 million euros, a diplomat said, but …`: a
/// statement reported inside one part of another's words, split around that one's cue,
/// ends where its part ends (not across the cue into the next part). Indirect content
/// only.
fn end_inside_container(found: &mut [Found]) {
    // Each part followed by another of the same words: (statement, part, next part's start).
    // By part start: a cue's container is among the parts starting just before it.
    let mut parts: Vec<(usize, Span, usize)> = found
        .iter()
        .enumerate()
        .flat_map(|(k, g)| g.content.windows(2).map(move |w| (k, w[0], w[1].start)))
        .collect();
    parts.sort_unstable_by_key(|&(k, c, _)| (c.start, c.end, k));
    for (k, f) in found.iter_mut().enumerate() {
        if f.kind != ContentKind::Indirect {
            continue;
        }
        let Some(cue) = f.cue else {
            continue;
        };
        let Some(last) = f.content.last_mut() else {
            continue;
        };
        let upto = parts.partition_point(|(_, c, _)| c.start <= cue.start);
        let Some(end) = parts[..upto]
            .iter()
            .rev()
            .take(64)
            .filter(|(g, c, next)| {
                *g != k && c.start <= cue.start && cue.end <= c.end && *next < last.end
            })
            .map(|(_, c, _)| c.end)
            .filter(|&e| last.start < e && e < last.end)
            .min()
        else {
            continue;
        };
        last.end = end;
    }
}

/// Whether a direct quotation of at most four words writes every word capitalized (or
/// as a number), as titles and names are, and is not a phrase coined with `a`/`an`
/// before it (`to fear a “Harbor Pact”`).
fn quoted_title(text: &str, content: &[Span]) -> bool {
    let words = || {
        content
            .iter()
            .flat_map(|c| c.slice(text).split_whitespace())
    };
    let Some(first) = content.first() else {
        return false;
    };
    let before = text[..first.start].trim_end_matches(|c: char| !c.is_alphanumeric());
    let coined = before.ends_with(" a") || before.ends_with(" an");
    words().count() <= 4
        && words().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        && !coined
}

/// Whether a speaker's words open with a verb and its object (`features a Harbor
/// Times`, before a noun read as a cue: `… report`): a word that is neither a
/// determiner, a quantifier nor a preposition, lowercase, before an article.
fn verb_led(source: &str) -> bool {
    let mut words = source.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let lead = first.to_lowercase();
    first.starts_with(|c: char| c.is_ascii_lowercase())
        && matches!(second, "a" | "an" | "the")
        && !DETS_SET.contains(lead.as_str())
        && !PREPS_SET.contains(lead.as_str())
        && !matches!(
            lead.as_str(),
            "all" | "both" | "half" | "such" | "only" | "what" | "quite" | "rather" | "once"
        )
}

/// Whether the block's last token is a colon: the cue of the next paragraph's words
/// (see [`introduced_paragraphs`]).
fn ends_with_colon(b: &Block) -> bool {
    b.toks.last().is_some_and(|t| t.p == ':')
}

/// What [`resolve`] reads of a [`Block`].
struct Shape {
    span: Span,
    headline: bool,
}

fn push_found(out: &mut Vec<Found>, f: Found) {
    if f.content.is_empty() {
        return;
    }
    // The same content twice (two cues on one clause): keep the first. Both come from the
    // same paragraph, so only the latest entries are compared.
    if out
        .iter()
        .rev()
        .take_while(|g| g.block == f.block)
        .any(|g| g.content == f.content)
    {
        return;
    }
    out.push(f);
}

fn find_in_unit(a: &Article, b: &Block, bi: usize, lo0: usize, hi: usize, out: &mut Vec<Found>) {
    let t = &b.toks;
    let lo = skip_dateline(b, lo0, hi);
    let mut i = lo;
    let mut last_source: Option<Span> = None;
    let start_len = out.len();
    while i < hi {
        if !t[i].word() || in_quote(b, i) {
            i += 1;
            continue;
        }
        let Some((lemma, cue_last)) = cue_at(b, i, hi) else {
            i += 1;
            continue;
        };
        if not_a_cue(b, lo, i, lemma) {
            i += 1;
            continue;
        }
        let before = out.len();
        if lemma == "according to" || lemma == "in the words of" {
            according_to(b, bi, lo, hi, i, cue_last, out);
        } else {
            let done = trailing(b, bi, lo, hi, i, cue_last, lemma, out)
                || passive(b, bi, lo, hi, i, cue_last, out)
                || forward(a, b, bi, lo, hi, i, cue_last, lemma, last_source, out);
            let _ = done;
        }
        let ci = i;
        i = cue_last + 1;
        if out.len() > before {
            // `…an architect who said he was stiffed, saying, "…"`: the speaker of a
            // relative clause is not the main clause's subject, whom a participle later
            // in the sentence takes.
            let relative = (ci > lo && matches!(t[ci - 1].low.as_str(), "who" | "which"))
                || relative_before_subject(b, lo, ci).is_some();
            if let Some(s) = out.last().and_then(|f| f.source).filter(|_| !relative) {
                last_source = Some(s);
            }
            // `reported on Friday, citing two officials`: a cue read on past its verb is
            // not read again from its later words.
            if let Some(end) = out.last().and_then(|f| f.cue).map(|c| c.end) {
                while i < hi && t[i].s() < end {
                    i += 1;
                }
            }
        }
    }
    if !b.headline {
        in_ones_words(&a.text, b, bi, lo, hi, out);
        nominal(&a.text, b, bi, lo, hi, start_len, out);
    }
    if !b.headline {
        let others = out.len() - start_len;
        clause_verb(a, b, bi, lo, hi, others, out);
    }
    end_subordinate_clause(b, lo, hi, &mut out[start_len..]);
    end_relative_clause(b, lo, hi, &mut out[start_len..]);
    end_before_contrasting_report(b, lo, hi, &mut out[start_len..]);
    addressee_before_cue(b, lo, &mut out[start_len..]);
    source_after_its_noun(b, &mut out[start_len..]);
    negation_in_cue(b, lo, &mut out[start_len..]);
}

/// `did not say`, `has not ruled out`, `never claimed`, `did not immediately respond`: a
/// negated verb of saying keeps its negation and the auxiliary that carries it in the
/// cue, so that the words are never shown as said (PolNeAR's cues hold them too).
fn negation_in_cue(b: &Block, lo: usize, found: &mut [Found]) {
    let t = &b.toks;
    for f in found.iter_mut() {
        let Some(cue) = f.cue else { continue };
        let c = t.partition_point(|x| x.s() < cue.start);
        if t.get(c).is_none_or(|x| x.s() != cue.start) {
            continue;
        }
        let mut k = c;
        if k > lo && ly_adverb(&t[k - 1].low) && !t[k - 1].cap {
            k -= 1;
        }
        if !(k > lo && matches!(t[k - 1].low.as_str(), "not" | "n't" | "never")) {
            continue;
        }
        k -= 1;
        if k > lo && t[k - 1].word() && AUX_SET.contains(t[k - 1].low.as_str()) {
            k -= 1;
        }
        f.cue = Some(Span::new(t[k].s(), cue.end));
    }
}

/// `…, a charge the State Department rejected`: an article right after a noun opens the
/// relative clause's subject (its `that` left out); the speaker is that subject, not the
/// noun it describes.
fn source_after_its_noun(b: &Block, found: &mut [Found]) {
    let t = &b.toks;
    for f in found.iter_mut() {
        let Some(src) = f.source else { continue };
        let from = t.partition_point(|x| x.s() < src.start);
        let to = t.partition_point(|x| x.e() <= src.end);
        // Only a determiner and one noun before: `a charge the …`, `the man the police …`.
        let d = from + 2;
        let opens = from < t.len()
            && matches!(
                t[from].low.as_str(),
                "a" | "an" | "the" | "this" | "another"
            );
        if !opens || d >= to {
            continue;
        }
        // (`The man the police arrested said`: a clause inside the subject stays.)
        let subject_only = (d + 1..to).all(|m| !t[m].low.ends_with("ed"));
        if !(matches!(t[d].low.as_str(), "the" | "a" | "an") && subject_only) {
            continue;
        }
        f.source = Some(Span::new(t[d].s(), src.end));
    }
}

/// `In an interview with the BBC, Reed said …`, `Speaking to CNN, Reed said …`, `Reed, in
/// a letter to the council, wrote …`: the one spoken to is named before the cue, in a
/// phrase set off by commas that opens the sentence or follows the speaker. It is the
/// addressee as it would be after the cue (`said in an interview with the BBC`).
fn addressee_before_cue(b: &Block, lo: usize, found: &mut [Found]) {
    let t = &b.toks;
    for f in found.iter_mut().filter(|f| f.addressee.is_none()) {
        let (Some(src), Some(cue)) = (f.source, f.cue) else {
            continue;
        };
        // Tokens are in text order: the speaker's first token, the one after it, the cue's.
        let si = lo + t[lo..].partition_point(|x| x.s() < src.start);
        let se = si + t[si..].partition_point(|x| x.s() < src.end);
        let ci = se + t[se..].partition_point(|x| x.s() < cue.start);
        if ci >= t.len() {
            continue;
        }
        // The phrase: from the sentence's start to the comma before the speaker, or
        // between the commas after the speaker and before the cue.
        let phrase = if si > lo + 1 && t[si - 1].p == ',' {
            Some((lo, si - 1))
        } else if t[se].p == ',' && ci > se + 2 && t[ci - 1].p == ',' {
            Some((se + 1, ci - 1))
        } else {
            None
        };
        let Some((from, to)) = phrase else {
            continue;
        };
        let first = t[from].low.as_str();
        if matches!(first, "speaking" | "talking") && from + 2 < to {
            if matches!(t[from + 1].low.as_str(), "to" | "with") && addressed_to(b, from + 2) {
                f.addressee = np_right(b, from + 2, to).map(|r| span_of(b, r));
            }
        } else if matches!(first, "in" | "during") {
            let mut end = cue.end;
            f.addressee = skip_adjuncts(b, from, to, &mut end).1;
        }
    }
}

/// `Critics say the plan is dead, but Reed disagrees`: a statement ends at a comma and a
/// contrasting conjunction before another subject with a reporting verb of its own (no
/// statement is found for that one when nothing follows its verb). Indirect content only.
fn end_before_contrasting_report(b: &Block, lo: usize, hi: usize, found: &mut [Found]) {
    let t = &b.toks;
    for f in found.iter_mut().filter(|f| f.kind == ContentKind::Indirect) {
        let Some(last) = f.content.last_mut() else {
            continue;
        };
        // Within the unit: a long paragraph's earlier sentences are not read again.
        let Some(from) = (lo..hi).find(|&k| t[k].s() > last.start) else {
            continue;
        };
        let cut = (from..hi.saturating_sub(2))
            .take_while(|&k| t[k].s() < last.end)
            .find(|&k| {
                t[k].p == ','
                    && !in_quote(b, k)
                    && matches!(t[k + 1].low.as_str(), "but" | "yet" | "while" | "whereas")
                    && reporting_clause_at(b, k + 2, hi)
            });
        if let Some(k) = cut {
            last.end = t[k - 1].e().max(last.start);
        }
    }
}

/// Whether a clause whose verb reports starts at token `k` with a name or a noun phrase
/// (`Reed disagrees`, `the mayor says otherwise`). Not a pronoun: in `says she hopes to
/// win, but she knows …` the speaker may go on with her own words.
fn reporting_clause_at(b: &Block, k: usize, hi: usize) -> bool {
    let t = &b.toks;
    if t.get(k).is_some_and(subject_pronoun) {
        return false;
    }
    let Some(end) = clause_subject_end(b, k, hi) else {
        return false;
    };
    t.get(end).is_some_and(Tok::reports)
}

/// `Though she called the plan "outrageous", Dole backed it`: a statement made in a
/// clause that opens with a subordinating conjunction ends at the comma before the main
/// clause, not at the sentence's end. Indirect content only; a cue after a comma of the
/// sentence (`When asked, Dole said …`) is the main clause's own.
fn end_subordinate_clause(b: &Block, lo: usize, hi: usize, found: &mut [Found]) {
    let t = &b.toks;
    if lo >= hi || !t[lo].word() || !SUBORDINATORS.contains(&t[lo].low.as_str()) {
        return;
    }
    let comma = |k: usize| t[k].p == ',' && !in_quote(b, k);
    // `When X noted that … ― as was true … ― Trump boasted`: the dash closing an aside
    // ends the clause as its comma would.
    let closing_dash = |k: usize| is_dash(t[k].p) && closes_dash_pair(b, lo, k);
    cut_words_at(
        b,
        lo,
        hi,
        found,
        |ci| !(lo..ci).any(comma),
        |k| (comma(k) || closing_dash(k)) && main_clause_at(b, k + 1, hi),
    );
}

/// `The tax, which Dole said was unfair, was repealed`: a report made inside a relative
/// clause set off by a comma or a dash ends where the clause does, at the next comma or
/// dash; the main clause's verb follows.
fn end_relative_clause(b: &Block, lo: usize, hi: usize, found: &mut [Found]) {
    let t = &b.toks;
    let stop = |k: usize| (t[k].p == ',' || is_dash(t[k].p)) && !in_quote(b, k);
    cut_words_at(
        b,
        lo,
        hi,
        found,
        |ci| relative_before_subject(b, lo, ci).is_some_and(|r| r > lo && stop(r - 1)),
        stop,
    );
}

/// Ends the last part of the words of each indirect statement of `found` whose cue token
/// passes `applies` before the first token after the cue, inside those words, that
/// passes `cut_at`.
fn cut_words_at(
    b: &Block,
    lo: usize,
    hi: usize,
    found: &mut [Found],
    applies: impl Fn(usize) -> bool,
    cut_at: impl Fn(usize) -> bool,
) {
    let t = &b.toks;
    for f in found.iter_mut().filter(|f| f.kind == ContentKind::Indirect) {
        let (Some(cue), Some(last)) = (f.cue, f.content.last_mut()) else {
            continue;
        };
        let Some(ci) = (lo..hi).find(|&k| t[k].s() >= cue.start) else {
            continue;
        };
        if !applies(ci) {
            continue;
        }
        let cut = (ci + 1..hi)
            .take_while(|&k| t[k].s() < last.end)
            .find(|&k| t[k].s() > last.start && cut_at(k));
        if let Some(k) = cut {
            last.end = t[k - 1].e().max(last.start);
        }
    }
}

/// `in March,`, `on Friday,`, `late last week,`: after a short phrase of time or place
/// from token `j` (a preposition or a word of time first, at most five words), the mark
/// that ends it.
fn after_adjunct(b: &Block, j: usize, hi: usize) -> Option<usize> {
    let t = &b.toks;
    let first = t.get(j).filter(|x| j < hi && x.word())?;
    let opens = PREPS_SET.contains(first.low.as_str())
        || time_word(&first.low)
        || matches!(first.low.as_str(), "late" | "early");
    if !opens {
        return None;
    }
    (j + 1..hi.min(j + 6)).find(|&c| !t[c].word() && t[c].p != '.')
}

/// `citing two officials, that …`: the `citing` at `i` names the source of a `that`
/// clause after it, not a fact (`said in May, citing new jobs at the port.`).
fn cited_before_that(b: &Block, i: usize) -> bool {
    let t = &b.toks;
    (i + 2..t.len().min(i + 25))
        .take_while(|&k| t[k].word() || matches!(t[k].p, ',' | '\'' | '\u{2019}' | '-'))
        .any(|k| t[k].is("that") && t[k - 1].p == ',')
}

/// Whether a main clause starts at token `k`: a short subject (a name, a pronoun, a noun
/// phrase with its determiner; no `and`, which may join the items of a list) and then a
/// finite verb (`Dole backed`, `the council voted`, `she will`).
fn main_clause_at(b: &Block, k: usize, hi: usize) -> bool {
    let t = &b.toks;
    let Some(v) = clause_subject_end(b, k, hi).and_then(|e| t.get(e)) else {
        return false;
    };
    let w = v.low.as_str();
    v.word()
        && (AUX_SET.contains(w)
            || (w.len() > 4 && w.ends_with("ed"))
            || IRREGULAR_PAST_SET.contains(w)
            || v.reports())
}

/// The end of a short subject starting at token `k`: a subject pronoun, or a name or a
/// noun phrase with its determiner of at most six tokens, with no `and` or `or` (which
/// may join the items of a list).
fn clause_subject_end(b: &Block, k: usize, hi: usize) -> Option<usize> {
    let t = &b.toks;
    let x = t.get(k).filter(|x| x.word())?;
    let subject = if subject_pronoun(x) {
        Some((k, k + 1))
    } else if x.cap || DETS_SET.contains(x.low.as_str()) {
        // `Reed took …`: the phrase runs on over a past tense without `-ed`.
        np_right(b, k, hi)
            .map(|r| (r.0, past_verb_in(b, r).unwrap_or(r.1)))
            .filter(|r| r.0 == k && !(r.0..r.1).any(|m| t[m].is("and") || t[m].is("or")))
    } else {
        None
    };
    subject.map(|r| r.1)
}

/// Nouns of saying and thinking that take a `that` clause (`Reed's claim that …`).
const NOMINAL_CUES: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "statement",
    "argument",
    "insistence",
    "contention",
    "allegation",
    "allegations",
    "assurance",
    "assurances",
    "suggestion",
    "warning",
    "promise",
    "pledge",
    "belief",
    "view",
    "acknowledgment",
    "acknowledgement",
    "admission",
    "accusation",
    "accusations",
    "prediction",
    "declaration",
    "announcement",
    "complaint",
    "conclusion",
    "emphasis",
    "insinuation",
    "boast",
    "vow",
    "threat",
    "position",
    "finding",
    "message",
    "report",
];

/// Nouns of stance whose content follows a preposition after a possessor (`Reed's
/// disdain for the plan`, `his opposition to the toll`); those that take an infinitive
/// (`his determination to act alone`) are [`TAKES_INFINITIVE`].
const STANCE_OBJECT_NOUNS: &[&str] = &[
    "commitment",
    "claim",
    "claims",
    "ideas",
    "views",
    "view",
    "obsession",
    "disdain",
    "support",
    "opposition",
    "criticism",
    "criticisms",
    "attack",
    "attacks",
    "praise",
    "insistence",
    "fears",
    "hopes",
    "theory",
    "announcement",
    "rejection",
    "denial",
    "defense",
    "embrace",
    "endorsement",
    "recommendation",
    "skepticism",
    "contempt",
    "hostility",
    "admiration",
    "enthusiasm",
    "suggestion",
    "warning",
    "warnings",
    "stance",
    "position",
    "assessment",
    "dismissal",
    "condemnation",
    "doubts",
    "questions",
    "complaints",
    "complaint",
    "allegations",
    "accusations",
    "argument",
    "arguments",
    "rhetoric",
    "remarks",
    "comments",
    "statements",
    "message",
    "vision",
    "agenda",
    "approach",
    "strategy",
];

/// Nouns of stance whose `to` opens an infinitive (`efforts to block the bill`), unlike
/// those of [`STANCE_OBJECT_NOUNS`] (`opposition to the plan`); both are read as
/// [`STANCE_OBJECT_NOUNS_SET`].
const TAKES_INFINITIVE: &[&str] = &[
    "determination",
    "decision",
    "effort",
    "efforts",
    "eagerness",
    "refusal",
    "reluctance",
    "willingness",
    "unwillingness",
    "bid",
    "push",
    "call",
    "calls",
    "demand",
    "demands",
    "plan",
    "plans",
    "proposal",
    "proposals",
    "promise",
    "promises",
    "pledge",
    "vow",
    "threat",
    "threats",
    "desire",
    "intention",
    "request",
];

/// `Reed's claim that …`, `his repeated warning that …`: a noun of saying with a `that`
/// clause, after its possessor (a name's `'s` or `his`/`her`/`their`/`its`). Without a
/// possessor there is no source to name, and the sentence is left to the other rules.
/// The content runs from after `that` to the next comma or the unit's end.
fn nominal(
    text: &str,
    b: &Block,
    bi: usize,
    lo: usize,
    hi: usize,
    start_len: usize,
    out: &mut Vec<Found>,
) {
    let t = &b.toks;
    // A name's `'s`, not a pronoun's contracted `is` or `has` (`he's claiming that`).
    let possessive = |w: &str| w.ends_with("'s") && w != "'s";
    for i in lo + 1..hi.saturating_sub(3) {
        // `that` first: one comparison rules out most words.
        let with_prep = matches!(
            t[i + 1].low.as_str(),
            "to" | "of" | "for" | "about" | "on" | "with" | "against" | "over"
        ) && t[i].word()
            && STANCE_OBJECT_NOUNS_SET.contains(t[i].low.as_str());
        // `Reed's view is that …`: the noun, a form of `be`, then the clause.
        let copula = !with_prep
            && matches!(t[i + 1].low.as_str(), "is" | "was" | "remains")
            && t[i + 2].is("that");
        if !t[i + 1].is("that") && !with_prep && !copula {
            continue;
        }
        // `Obama's remarks on Saturday`: a day or a month is when, not what about.
        if with_prep && time_word(&t[i + 2].low) {
            continue;
        }
        if in_quote(b, i)
            || !t[i].word()
            || !(with_prep || NOMINAL_CUES_SET.contains(t[i].low.as_str()))
        {
            continue;
        }
        // Read already as a verb (`Saleh's team now plans to …`: the team plans).
        if out[start_len..]
            .iter()
            .any(|f| f.cue.is_some_and(|c| c.start == t[i].s()))
        {
            continue;
        }
        // Inside another attribution's content, that one holds it (unless its words are
        // this very phrase, below).
        let holder = out[start_len..].iter().find_map(|f| {
            f.content
                .iter()
                .find(|c| c.start <= t[i].s() && t[i].s() < c.end)
                .map(|c| c.start)
        });
        // `its efforts to a new drive`: these nouns take an infinitive after `to`, and a
        // determiner, a name or a number there opens a place or a goal, not the stance.
        if t[i + 1].is("to")
            && TAKES_INFINITIVE.contains(&t[i].low.as_str())
            && (DETS_SET.contains(t[i + 2].low.as_str())
                || t[i + 2].cap
                || t[i + 2].low.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let s = if copula { i + 3 } else { i + 2 };
        // "the claim that was made": a relative clause, not the claim's content.
        let after = t[s].low.as_str();
        if !with_prep
            && (AUX_SET.contains(after)
                || lexicon::reporting_lemma(after).is_some()
                || relative_that(t, i + 1))
        {
            continue;
        }
        let modifier = if with_prep || b.headline || t[i].cap {
            None
        } else {
            name_modifier(t, lo, i)
        };
        let source = if let Some(r) = modifier {
            span_of(b, r)
        } else {
            // The possessor, past at most two modifiers (`Reed's repeated claim`).
            let Some(p) = (i.saturating_sub(3).max(lo)..i).rev().find(|&k| {
                t[k].word()
                    && (possessive(&t[k].low)
                        || matches!(t[k].low.as_str(), "his" | "her" | "their" | "its"))
            }) else {
                continue;
            };
            if (p + 1..i).any(|k| !t[k].word() || t[k].cap) {
                continue;
            }
            if possessive(&t[p].low) {
                // The name without its `'s` (the word's lowercase form writes `’` as `'`).
                let cut = if text[..t[p].e()].ends_with("\u{2019}s") {
                    4
                } else {
                    2
                };
                // A name (its capitalized words) or a description (`the mayor's`).
                let mut r0 = p;
                while r0 > lo && t[r0 - 1].word() && t[r0 - 1].cap {
                    r0 -= 1;
                }
                if !t[p].cap {
                    match (p.saturating_sub(4).max(lo)..p)
                        .rev()
                        .find(|&k| DETS_SET.contains(t[k].low.as_str()))
                    {
                        Some(d) if (d + 1..p).all(|k| t[k].word() && !t[k].cap) => r0 = d,
                        _ => continue,
                    }
                }
                let r = (r0, p + 1);
                let end = t[p].e() - cut;
                if end <= t[r.0].s() {
                    continue;
                }
                Span::new(t[r.0].s(), end)
            } else {
                Span::new(t[p].s(), t[p].e())
            }
        };
        // `Dole rejected Reed's claim that …`: the words another verb takes are this
        // phrase, whole; the claim is Reed's statement too. (Not a stance noun's
        // `the city's decision to sell …`, which is a deed more often than words.)
        let phrase_start = modifier.map_or(source.start, |r| t[r.0 - 1].s());
        if holder.is_some_and(|h| with_prep || h != phrase_start) {
            continue;
        }
        // The content ends at a comma, kept with its closing mark when a quotation ends
        // there (`that the town would "learn nothing," the files …`).
        let e = (s..hi)
            .find_map(|k| {
                if t[k].p != ',' {
                    return None;
                }
                if !in_quote(b, k) {
                    return Some(k);
                }
                let closes = b.quotes.iter().any(|q| q.close == Some(k + 1));
                closes.then_some(k + 2)
            })
            .unwrap_or(hi);
        // `Reed's disdain for the plan was clear`: the preposition's object ends before
        // the sentence's verb, right after a noun (not `the sway he has`, `a view that
        // is`), with no clause opened before it (`while the department was …`).
        let cut = if with_prep {
            (s + 1..e)
                .take_while(|&k| !SUBORDINATORS.contains(&t[k].low.as_str()))
                .find(|&k| {
                    let (w, x) = (t[k].low.as_str(), t[k - 1].low.as_str());
                    t[k].word()
                        && !PRONOUNS.contains(&x)
                        && !matches!(x, "that" | "which" | "who")
                        && (BE.contains(&w)
                            || IRREGULAR_PAST_SET.contains(w)
                            || matches!(
                                w,
                                "has"
                                    | "have"
                                    | "had"
                                    | "will"
                                    | "would"
                                    | "could"
                                    | "can"
                                    | "may"
                                    | "might"
                                    | "came"
                                    | "comes"
                                    | "seems"
                                    | "remains"
                            ))
                })
        } else if !copula && source.start <= t[lo].s() {
            // `Reed's claim that the port was losing money was false`: a noun of saying
            // that opens the sentence is its subject, and its clause ends before the
            // sentence's own verb: a second verb after the clause's, with no comma or
            // conjunction between (`…, which was built in 1990, was …` goes on).
            let verb = |k: usize| {
                let w = t[k].low.as_str();
                t[k].word()
                    && !t[k].cap
                    && (AUX_SET.contains(w) || IRREGULAR_PAST_SET.contains(w) || w.ends_with("ed"))
            };
            let aux = |k: usize| AUX_SET.contains(t[k].low.as_str());
            (s..e).find(|&k| verb(k)).and_then(|first| {
                // The clause's verb group; an auxiliary after its main verb opens the
                // sentence's (`that voters were misled has been debunked`).
                let mut k = first + 1;
                while k < e && verb(k) && (aux(k - 1) || !aux(k)) {
                    k += 1;
                }
                (k..e)
                    .take_while(|&m| {
                        t[m].word()
                            && !matches!(
                                t[m].low.as_str(),
                                "which"
                                    | "who"
                                    | "whom"
                                    | "whose"
                                    | "what"
                                    | "where"
                                    | "that"
                                    | "and"
                                    | "or"
                                    | "but"
                                    | "if"
                                    | "when"
                            )
                    })
                    .find(|&m| verb(m))
            })
        } else {
            None
        };
        // One word is enough before the verb (`Trump's message of patriotism is …`).
        let least = match (with_prep, cut) {
            (true, Some(_)) => 1,
            (true, None) => 2,
            // `Reed's assertion that taxes would fall drew …`: a clause, whole.
            (false, Some(_)) => 3,
            (false, None) => 4,
        };
        let e = cut.unwrap_or(e);
        if (s..e).filter(|&k| t[k].word()).count() < least {
            continue;
        }
        let Some(c) = content_span(b, s, e) else {
            continue;
        };
        push_found(
            out,
            Found {
                // A noun is weaker evidence than a reporting verb.
                carried: true,
                ..Found::new(
                    vec![c],
                    ContentKind::Indirect,
                    Some(Span::new(t[i].s(), t[if copula { i + 1 } else { i }].e())),
                    Some(source),
                    bi,
                )
            },
        );
    }
}

/// `a New York Times report that …`, `the White House claim that …`: the name right
/// before a noun of saying, after a determiner, is whose words they are. A month or a
/// day there says when (`the March report`), not who.
fn name_modifier(t: &[Tok], lo: usize, i: usize) -> Option<(usize, usize)> {
    let det = |k: usize| matches!(t[k].low.as_str(), "a" | "an" | "the" | "this" | "another");
    let mut r0 = i;
    while r0 > lo && t[r0 - 1].word() && t[r0 - 1].cap && !det(r0 - 1) && !time_word(&t[r0 - 1].low)
    {
        r0 -= 1;
    }
    (r0 < i && r0 > lo && det(r0 - 1)).then_some((r0, i))
}

/// Whether the word at `w` also stands capitalized inside a sentence of the article
/// (after a lowercase word or a comma), looked for within 4 KB either side.
fn name_inside_a_sentence(a: &Article, w: Span) -> bool {
    let word = w.slice(&a.text);
    let from = crate::text::floor_char_boundary(&a.text, w.start.saturating_sub(4_000));
    let to = crate::text::floor_char_boundary(&a.text, (w.end + 4_000).min(a.text.len()));
    let hay = &a.text[from..to];
    match_starts(hay, word).any(|at| {
        let at = at + from;
        at != w.start
            && !a.text[at + word.len()..].starts_with(|c: char| c.is_alphanumeric())
            && a.text[..at]
                .trim_end_matches([' ', '\u{a0}'])
                .chars()
                .next_back()
                .is_some_and(|c| c.is_lowercase() || c == ',')
    })
}

/// Connectives that open a sentence before a comma (`Moreover, …`, `Instead, …`).
const CONNECTIVES: &[&str] = &[
    "moreover",
    "instead",
    "however",
    "worse",
    "indeed",
    "still",
    "meanwhile",
    "nonetheless",
    "nevertheless",
    "furthermore",
    "conversely",
    "similarly",
    "likewise",
    "ultimately",
    "finally",
    "first",
    "second",
    "third",
    "again",
    "now",
    "then",
    "yet",
    "so",
    "thus",
    "therefore",
    "hence",
    "later",
    "earlier",
    "today",
    "yesterday",
    "separately",
    "overall",
    "otherwise",
    "also",
    "besides",
    "lately",
    "recently",
    "initially",
    "eventually",
    "perhaps",
    "maybe",
];
/// Words opening a subordinate clause before the main one (`If schedules allow, …`).
const SUBORDINATORS: &[&str] = &[
    "if", "when", "while", "although", "though", "as", "because", "since", "once", "after",
    "before", "until", "unless", "whereas", "whenever",
];

/// Skips what opens a sentence before its subject: connectives and adverbs (`Moreover,`,
/// `Recently, however,`), a phrase of time (`Last week,`, `Earlier this month,`), a short
/// prepositional phrase (`On Friday,`, `In recent weeks,`) or a short subordinate clause
/// (`If schedules permit,`), each closed by a comma, up to three of them. `None` when the
/// sentence opens with a phrase that runs on without a comma: no subject to read.
fn skip_intro(a: &Article, b: &Block, mut s: usize, hi: usize) -> Option<usize> {
    let t = &b.toks;
    let comma_within = |from: usize, n: usize| -> Option<usize> {
        (from..hi.min(from + n))
            .find(|&k| !t[k].word())
            .filter(|&k| t[k].p == ',')
    };
    for _ in 0..3 {
        if s >= hi || !t[s].word() {
            break;
        }
        let w = t[s].low.as_str();
        if CLAUSE_OPENERS.contains(&w) && !(s + 1 < hi && t[s + 1].p == ',') {
            s += 1;
            continue;
        }
        if s + 1 < hi && t[s + 1].p == ',' {
            // One word and a comma: a connective or an adverb, not a name with its
            // apposition (`Kelly, a nurse, …`).
            let adverb = ly_adverb(w)
                && w.len() > 4
                && !name_inside_a_sentence(a, Span::new(t[s].s(), t[s].e()));
            if CONNECTIVES.contains(&w) || CLAUSE_OPENERS.contains(&w) || adverb {
                s += 2;
                continue;
            }
            break;
        }
        let time_lead = matches!(
            w,
            "last" | "this" | "earlier" | "late" | "early" | "later" | "next" | "one" | "that"
        ) || day_word(w)
            || MONTHS.contains(&w);
        if time_lead && t[s].cap {
            if let Some(k) = comma_within(s + 1, 5) {
                if (s + 1..k).all(|m| !t[m].reports()) {
                    s = k + 1;
                    continue;
                }
            }
            break;
        }
        if SUBORDINATORS.contains(&w) && !PREPS_SET.contains(w) || w == "as" {
            let k = (s + 1..hi.min(s + 16)).find(|&k| !t[k].word())?;
            if t[k].p != ',' || k < s + 3 {
                return None;
            }
            s = k + 1;
            continue;
        }
        // A participle phrase: "Chastened by the analyses, …", "Bemoaning the cost, …".
        if (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 5 && !t[s].reports() {
            if let Some(k) = (s + 1..hi.min(s + 12)).find(|&k| !t[k].word()) {
                if t[k].p == ',' && k > s + 1 {
                    s = k + 1;
                    continue;
                }
            }
        }
        // "Twenty-two years ago,"
        if let Some(k) = comma_within(s + 1, 5).filter(|&k| t[k - 1].is("ago")) {
            s = k + 1;
            continue;
        }
        if PREPS_SET.contains(w) || matches!(w, "ahead" | "following") {
            // A short phrase of time or place before the subject: "On Friday, …".
            let k = comma_within(s + 1, 7)?;
            s = k + 1;
            continue;
        }
        break;
    }
    Some(s)
}

/// A parenthesis between commas right after a subject ending at `se`, before its verb:
/// `, in particular,`, `, for instance,`, `, however,`, an apposition (`, a former
/// senator,`) or a relative clause (`, which most nations signed,`). Returns the index
/// after the closing comma.
fn parenthesis_after(b: &Block, se: usize, hi: usize) -> Option<usize> {
    let t = &b.toks;
    if se + 2 >= hi || t[se].p != ',' || !t[se + 1].word() {
        return None;
    }
    let close = (se + 1..hi.min(se + 14)).find(|&k| !t[k].word())?;
    if t[close].p != ',' || close + 1 >= hi || !t[close + 1].word() {
        return None;
    }
    let first = t[se + 1].low.as_str();
    let opens = PREPS_SET.contains(first)
        || matches!(
            first,
            "however"
                | "meanwhile"
                | "too"
                | "though"
                | "who"
                | "which"
                | "whose"
                | "a"
                | "an"
                | "the"
                | "also"
                | "once"
                | "now"
                | "then"
                | "still"
                | "second"
                | "like"
        )
        || (ly_adverb(first) && first.len() > 4 && close == se + 2);
    let next = t[close + 1].low.as_str();
    let verb_next = !t[close + 1].cap
        && !DETS_SET.contains(next)
        && !PREPS_SET.contains(next)
        && !STOPS_SET.contains(next)
        && !PRONOUNS.contains(&next);
    (opens && verb_next).then_some(close + 1)
}

/// Past-tense forms that do not end in `-ed`, for [`clause_verb`].
const IRREGULAR_PAST: &[&str] = &[
    "made",
    "took",
    "gave",
    "sent",
    "put",
    "held",
    "won",
    "left",
    "ran",
    "got",
    "brought",
    "met",
    "kept",
    "paid",
    "set",
    "led",
    "built",
    "lost",
    "spent",
    "sought",
    "struck",
    "drew",
    "saw",
    "wrote",
    "spoke",
    "thought",
    "knew",
    "hit",
    "cut",
    "let",
    "began",
    "became",
    "fought",
    "bought",
    "chose",
    "stood",
    "threw",
    "understood",
    "withdrew",
    "undertook",
    "overtook",
    "forgave",
    "took",
    "shook",
    "swore",
    "tore",
    "froze",
    "broke",
    "rode",
    "rose",
];

/// Words that open a sentence before its subject (`But`, `Meanwhile,`).
const CLAUSE_OPENERS: &[&str] = &[
    "but",
    "and",
    "yet",
    "meanwhile",
    "still",
    "now",
    "however",
    "instead",
    "later",
    "also",
    "so",
    "then",
    "today",
    "yesterday",
    "earlier",
    "separately",
];

/// A sentence whose subject names someone (a name, `he`/`she`/`they`, a plural noun of
/// people, or a descriptor such as `the campaign`) and whose main verb no construction
/// of the lexicon read (`Anna Berg defended the plan`, `The council is weighing a ban`),
/// or a stance with `be` (`is confident that …`): the subject's stance or act, as
/// PARC-style annotation counts it. `others` is the number of attributions already found
/// in the sentence (the last ones of `out`): the act is read before them only (`X is
/// defending …, saying …`), its content ending at the comma before the next one. The
/// content is the rest of the sentence; confidence is `Low` (the cue is not a reporting
/// verb).
fn clause_verb(
    a: &Article,
    b: &Block,
    bi: usize,
    lo: usize,
    hi: usize,
    others: usize,
    out: &mut Vec<Found>,
) {
    let t = &b.toks;
    let mut s = lo;
    while s < hi && !t[s].word() && !is_quote_char(t[s].p) {
        s += 1;
    }
    // What opens the sentence before its subject: `But`, `On Friday,`, `Recently,
    // however,`, `If schedules permit,`.
    match skip_intro(a, b, s, hi) {
        Some(k) => s = k,
        None => return,
    }
    if s >= hi || !t[s].word() || in_quote(b, s) {
        return;
    }
    let Some((ss, mut se)) = np_right(b, s, hi) else {
        return;
    };
    // `Donald Trump's comments came as …`: a possessive is no subject; the words after it
    // are its noun, not a verb.
    if t[se - 1].low.ends_with("'s") && t[se - 1].low != "'s" {
        return;
    }
    // A past tense without `-ed` after the head noun ends the subject (`The leaders
    // made …`).
    {
        if let Some(k) = (ss + 1..se).find(|&k| {
            t[k].word()
                && !t[k].cap
                && t[k - 1].word()
                && !DETS.contains(&t[k - 1].low.as_str())
                && IRREGULAR_PAST.contains(&t[k].low.as_str())
                && !matches!(
                    t[k].low.as_str(),
                    "left" | "set" | "cut" | "hit" | "let" | "put" | "met"
                )
        }) {
            se = k;
        }
    }
    // A present-tense verb right after a name ends the subject (`Ann Berg defends …`).
    {
        if let Some(k) = (ss + 1..se).find(|&k| {
            let w = t[k].low.as_str();
            t[k].word()
                && !t[k].cap
                && t[k - 1].cap
                && t[k - 1].word()
                && !DETS.contains(&t[k - 1].low.as_str())
                // `Mr. Reed's efforts pale`: after a possessive, the possessed noun.
                && !t[k - 1].low.ends_with("'s")
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && !w.ends_with("'s")
                && t.get(k + 1).is_some_and(|n| {
                    n.word()
                        && !AUX.contains(&n.low.as_str())
                        && !n.low.ends_with("ed")
                        && !PREPS.contains(&n.low.as_str())
                })
                // `Civil liberties groups welcomed …`: a plural noun before the head noun
                // of the subject, whose verb follows it.
                && !(t[k + 1].low.ends_with('s')
                    && t.get(k + 2).is_some_and(|v| {
                        v.word()
                            && !v.cap
                            && (v.reports()
                                || v.low.ends_with("ed")
                                || AUX.contains(&v.low.as_str()))
                    }))
        }) {
            se = k;
        }
    }
    let first = t[ss].low.as_str();
    let words: Vec<&Tok> = t[ss..se].iter().filter(|x| x.word()).collect();
    let head = words.last().map_or("", |w| w.low.as_str());
    // A parenthesis between the subject and its verb (`Reid, in particular, has …`).
    let vstart = parenthesis_after(b, se, hi).unwrap_or(se);
    // Another attribution of the sentence starting before the subject's verb holds the
    // sentence (`Anna Berg said …`): asked first, as this runs for every sentence.
    if others > 0
        && out[out.len() - others..].iter().any(|f| {
            f.content[0].start <= t[vstart.min(hi - 1)].s()
                || f.cue.is_some_and(|c| c.start <= t[vstart.min(hi - 1)].s())
        })
    {
        return;
    }
    // `Scholars`, `Lawmakers`: a plural noun of people.
    let plural_people = person_noun(first) && first.ends_with('s');
    let named = if words.len() == 1 {
        matches!(first, "he" | "she" | "they")
            || plural_people
            || (t[ss].cap
                && !DETS_SET.contains(first)
                && !PREPS_SET.contains(first)
                && !STOPS_SET.contains(first)
                && !PRONOUNS.contains(&first)
                && !matches!(
                    first,
                    "there" | "here" | "this" | "what" | "all" | "many" | "most"
                ))
    } else {
        // "The Daily Ledger", "Anna Berg", "the campaign", "the city council".
        let capitalized = words[1..].iter().any(|w| w.cap);
        let head_noun = person_noun(head)
            || ORG_NOUNS_SET.contains(head)
            || lexicon::OUTLET_WORDS.contains(&head);
        (capitalized || head_noun) && words.len() <= 6 && t[se - 1].word()
    };
    // The noun before `of`/`for` is the head: "the dissolution of the Union" names no one.
    let pre: Vec<&&Tok> = words
        .iter()
        .take_while(|w| !matches!(w.low.as_str(), "of" | "for" | "from" | "at"))
        .collect();
    let named = named
        && (words.len() == 1
            || pre.last().is_some_and(|w| {
                w.cap
                    || person_noun(&w.low)
                    || ORG_NOUNS_SET.contains(w.low.as_str())
                    || lexicon::OUTLET_WORDS.contains(&w.low.as_str())
            }))
        && !PREPS_SET.contains(first)
        && !first.starts_with(|c: char| c.is_ascii_digit());
    if !named
        || words.iter().any(|w| {
            (w.low.ends_with("ing") && !w.cap)
                || w.low.ends_with("n't")
                || w.low.ends_with("n\u{2019}t")
        })
    {
        return;
    }
    // A single capitalized word opening a sentence is a name when the article writes it
    // so inside a sentence too (`Protesters`, `Security` are not). It searches the text
    // around: asked last, when everything else holds.
    let name_ok = || {
        words.len() != 1
            || matches!(first, "he" | "she" | "they")
            || plural_people
            || name_inside_a_sentence(a, span_of(b, (ss, se)))
    };
    // The verb group: auxiliaries and adverbs, then the verb.
    let mut v = vstart;
    let mut aux = None;
    while v < hi
        && t[v].word()
        && (AUX_SET.contains(t[v].low.as_str())
            || (ly_adverb(&t[v].low) && t[v].low.len() > 4 && !t[v].cap)
            // "have long argued"
            || (t[v].is("long") && t.get(v + 1).is_some_and(|n| n.low.ends_with("ed"))))
    {
        if AUX_SET.contains(t[v].low.as_str()) && !matches!(t[v].low.as_str(), "not" | "n't") {
            aux = Some(v);
        }
        v += 1;
    }
    // `A poll released Wednesday found …`: the sentence's verb comes later.
    if v >= hi || !t[v].word() || t[v].cap || in_quote(b, v) || reduced_relative(t, lo, v) {
        return;
    }
    let w = t[v].low.as_str();
    // A stance written with `be` and an adjective or a noun of stance: `is confident
    // that …`, `has been critical of …`, `is a staunch opponent of …`.
    if aux.is_some_and(|k| BE.contains(&t[k].low.as_str())) && others == 0 {
        if let Some((cue_last, c)) = stance_phrase(b, v, hi) {
            if b.quotes.iter().any(|q| lo <= q.open && q.open < c) || !name_ok() {
                return;
            }
            if let Some(content) = content_span(b, c, hi) {
                push_found(
                    out,
                    Found {
                        carried: true,
                        act: true,
                        ..Found::new(
                            vec![content],
                            ContentKind::Indirect,
                            Some(Span::new(t[aux.unwrap_or(v)].s(), t[cue_last].e())),
                            Some(span_of(b, (ss, se))),
                            bi,
                        )
                    },
                );
            }
            return;
        }
    }
    if DETS_SET.contains(w)
        || PREPS_SET.contains(w)
        || STOPS_SET.contains(w)
        || PRONOUNS.contains(&w)
        || (lexicon::reporting_lemma(w).is_some() && others > 0)
        || w.chars().any(|c| !c.is_alphabetic() && c != '-')
    {
        return;
    }
    // The verb of another attribution found in this sentence: that one holds it.
    if out[out.len() - others..].iter().any(|f| {
        f.cue
            .is_some_and(|c| c.start <= t[v].s() && t[v].s() < c.end)
            // `took to Twitter to accuse …`: the verb leads to another one's cue.
            || f.cue.is_some_and(|c| {
                (v + 1..hi)
                    .find(|&k| t[k].s() == c.start)
                    .is_some_and(|k| {
                        catenative_start(b, lo, k) == Some(v) || object_control(b, lo, k) == Some(v)
                    })
            })
    }) {
        return;
    }
    let finite = match aux.map(|k| t[k].low.as_str()) {
        // "is weighing": a participle after `be`; a copula or a passive is no act of
        // the subject.
        Some(x) if BE.contains(&x) => w.ends_with("ing"),
        // `has three ways to …`: `have` is the verb itself unless a participle follows.
        Some("has" | "have" | "had" | "having") => participle_like(w),
        Some(_) => true,
        None => {
            (w.ends_with("ed") && w.len() > 3)
                || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3)
                || IRREGULAR_PAST_SET.contains(w)
        }
    };
    // `people don't make enough money`: a negated act takes no position (a negated
    // reporting verb still reports: `did not deny that …`).
    let negated = t[vstart..v]
        .iter()
        .any(|x| matches!(x.low.as_str(), "not" | "n't"));
    if !finite || (negated && lexicon::reporting_lemma(w).is_none()) {
        return;
    }
    // `spoke Friday in Dover`: speaking without a topic, as the cue rules read it, is
    // no act either; nor is a phone call (`called him after the vote`).
    if let Some(lemma @ ("speak" | "call")) = lexicon::reporting_lemma(w) {
        if not_a_cue(b, lo, v, lemma) {
            return;
        }
    }
    if free_relative(t, lo, v) {
        return;
    }
    let c = v + 1;
    // Acts that take no position: a purchase, a crime, an experience, `took questions`
    // (but `took issue with`); `made the remarks on Monday` names a statement made
    // elsewhere, it is not its content.
    let object = t.get(c).map_or("", |x| x.low.as_str());
    if NO_STANCE_ACTS.contains(&w)
        || (matches!(w, "took" | "take" | "takes")
            && !matches!(
                object,
                "issue" | "offense" | "offence" | "aim" | "exception"
            ))
        || (matches!(w, "made" | "make" | "makes")
            && t[c..hi.min(c + 3)]
                .iter()
                .any(|x| MADE_REMARKS.contains(&x.low.as_str()))
            // `made the following comment: "…"` gives them.
            && !t[c..hi].iter().any(|x| x.p == ':' || is_quote_char(x.p)))
    {
        return;
    }
    // Another attribution later in the sentence (`…, saying …`, `…, with many saying …`)
    // ends this content.
    let hi = out[out.len() - others..]
        .iter()
        .filter_map(|f| f.cue)
        .filter(|cue| cue.start > t[v].e())
        .map(|cue| t.partition_point(|x| x.s() < cue.start))
        .filter(|&k| k > c)
        .filter_map(|k| {
            if t[k - 1].p == ',' {
                return Some(k - 1);
            }
            absolute_before(b, c, k, hi).map(|(comma, _)| comma)
        })
        .min()
        .unwrap_or(hi);
    if others > 0
        && out[out.len() - others..].iter().any(|f| {
            let cs = f.content[0].start;
            cs <= t[v].s() || f.cue.is_some_and(|cue| cue.start <= t[v].s())
        })
    {
        return;
    }
    // A short object (`signed a treaty`) is an act, rarely a position.
    if (c..hi).filter(|&k| t[k].word()).count() < 3 {
        return;
    }
    // A quotation before the object is the subject's words, found by the rules for
    // quotes; one inside the object is part of the content (`admires X as a "strong
    // leader"`).
    if b.quotes.iter().any(|q| lo <= q.open && q.open <= c) {
        return;
    }
    // The verb's object, not a place, a time, a particle or an agent (`moved into …`,
    // `turned up`, `was struck by …`).
    let next = t[c].low.as_str();
    let progressive = aux.is_some_and(|k| BE.contains(&t[k].low.as_str()));
    if !t[c].word()
        || (PREPS_SET.contains(next) && !(progressive && next != "by"))
        || matches!(
            next,
            "up" | "off" | "out" | "away" | "down" | "back" | "even" | "too"
        )
        || (ly_adverb(next) && next.len() > 4)
    {
        return;
    }
    if !name_ok() {
        return;
    }
    let Some(content) = content_span(b, c, hi) else {
        return;
    };
    push_found(
        out,
        Found {
            carried: true,
            act: true,
            ..Found::new(
                vec![content],
                ContentKind::Indirect,
                Some(Span::new(t[v].s(), t[v].e())),
                Some(span_of(b, (ss, se))),
                bi,
            )
        },
    );
}

/// Verbs of [`clause_verb`] whose act takes no position on anything.
const NO_STANCE_ACTS: &[&str] = &[
    "bought",
    "buys",
    "sold",
    "sells",
    "committed",
    "commits",
    "experienced",
    "spent",
    "paid",
    "built",
    "hired",
    "fired",
    "lived",
    "worked",
    "moved",
    "traveled",
    "travelled",
    "visited",
];

/// What one `made` when the clause names a statement given elsewhere (`made the remarks
/// on Monday`, `made this statement at the hearing`).
const MADE_REMARKS: &[&str] = &[
    "comment",
    "comments",
    "remark",
    "remarks",
    "statement",
    "statements",
    "reference",
    "pledge",
    "promise",
    "criticism",
    "announcement",
    "claim",
    "claims",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "assertion",
];

/// Whether `w` has the shape of a past participle (`argued`, `given`, `shown`, `made`,
/// `done`): what follows `has` in a perfect tense.
fn participle_like(w: &str) -> bool {
    (w.len() > 3 && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn")))
        || IRREGULAR_PAST_SET.contains(w)
        || matches!(
            w,
            "done"
                | "gone"
                | "seen"
                | "become"
                | "come"
                | "run"
                | "begun"
                | "found"
                | "heard"
                | "told"
                | "said"
                | "sold"
                | "felt"
                | "meant"
                | "dealt"
                | "read"
                | "stuck"
                | "sworn"
                | "had"
                | "been"
                | "won"
                | "taught"
                | "caught"
                | "fed"
        )
}

/// Adjectives of stance after `be` (`is confident that …`, `was critical of …`).
const STANCE_ADJECTIVES: &[&str] = &[
    "confident",
    "sure",
    "certain",
    "convinced",
    "afraid",
    "worried",
    "concerned",
    "hopeful",
    "optimistic",
    "pessimistic",
    "skeptical",
    "sceptical",
    "critical",
    "frustrated",
    "adamant",
    "aware",
    "unsure",
    "uncertain",
    "opposed",
    "determined",
    "eager",
    "willing",
    "unwilling",
    "reluctant",
    "coy",
    "unhappy",
    "angry",
    "upset",
    "furious",
    "pleased",
    "disappointed",
    "wary",
    "supportive",
    "doubtful",
    "dismissive",
    "proud",
    "hesitant",
    "vocal",
    "insistent",
    "firm",
];
/// Nouns of stance after `be a` (`is a staunch opponent of …`).
const STANCE_NOUNS: &[&str] = &[
    "opponent",
    "supporter",
    "critic",
    "advocate",
    "proponent",
    "defender",
    "champion",
    "backer",
    "skeptic",
    "sceptic",
    "believer",
];

/// A stance phrase starting at `v` after `be`: an adjective of stance (`confident`,
/// `critical`) or `a`/`an`, up to three modifiers and a noun of stance (`a staunch
/// opponent`), then `that`, `of`, `about`, `over`, `with`, `to` or a clause. Returns the
/// phrase's last token (the cue's end) and where the content starts.
fn stance_phrase(b: &Block, v: usize, hi: usize) -> Option<(usize, usize)> {
    let t = &b.toks;
    let w = t[v].low.as_str();
    let (last, need_of) = if STANCE_ADJECTIVES.contains(&w) {
        (v, false)
    } else if matches!(w, "a" | "an") {
        let n = (v + 1..hi.min(v + 5))
            .take_while(|&k| t[k].word() || t[k].p == ',')
            .find(|&k| STANCE_NOUNS.contains(&t[k].low.as_str()))?;
        (n, true)
    } else {
        return None;
    };
    let mut c = last + 1;
    let next = t.get(c).filter(|x| x.word())?.low.as_str();
    match next {
        "of" | "about" | "over" | "with" | "that" | "to" => c += 1,
        _ if need_of => return None,
        // `is confident the plan will pass`: a clause without `that`.
        _ if thought_clause_follows(b, c) => {}
        _ => return None,
    }
    // The content: a few words at least, not a place or a time.
    ((c..hi).filter(|&k| t[k].word()).count() >= 2).then_some((c - 1, c))
}

/// `…, X said.`, `"…," X said`, `"…," said X, "…"`, `The plan, he said, is …`.
#[allow(clippy::too_many_arguments)]
fn trailing(
    b: &Block,
    bi: usize,
    lo: usize,
    hi: usize,
    ci: usize,
    cue_last: usize,
    lemma: &str,
    out: &mut Vec<Found>,
) -> bool {
    let t = &b.toks;
    // A dash that closes a pair (`When X noted … ― as was true … ― Trump boasted`) ends
    // an aside, not a statement before its speaker.
    let is_sep = |k: usize| {
        t[k].p == ','
            || (is_dash(t[k].p) && !closes_dash_pair(b, lo, k))
            || (is_quote_char(t[k].p) && b.quotes.iter().any(|q| q.close == Some(k)))
    };
    // Where the reporting clause starts and its source.
    let (clause_start, source, inverted) = {
        let k = subject_end(b, lo, ci);
        let left = np_left(b, lo, k);
        let described = role_then_name(b, lo, k).filter(|&(r, _)| is_sep(r - 1));
        match left {
            // "…," the council's lawyer, Ann Dole, said.
            _ if described.is_some() => {
                let (r, name) = described.expect("some");
                (r, Some(name), false)
            }
            Some((s, _)) if s > lo && is_sep(s - 1) => (s, Some((s, k)), false),
            // "…, as Ann Dole said." / "The pier, as she noted, is …": the comparative
            // `as` opens the reporting clause.
            Some((s, _)) if s > lo + 1 && t[s - 1].low == "as" && is_sep(s - 2) => {
                (s - 1, Some((s, k)), false)
            }
            // "…, calling for …": a participle reports for the clause's subject (forward).
            None if ci > lo
                && is_sep(ci - 1)
                && !t[ci].low.ends_with("ing")
                && INVERTING.contains(&lemma) =>
            {
                (ci, None, true)
            }
            _ => return false,
        }
    };
    let mut cue_end = t[cue_last].e();
    let mut j = cue_last + 1;
    let mut source = source;
    let mut addressee = None;
    if inverted {
        // "said X" / "says the report". `told` never inverts: the words after it are
        // whom the speaker told (`…, told reporters`), and the speaker is further left.
        if TELL.contains(&lemma) {
            return false;
        }
        if j < hi
            && PRONOUNS.contains(&t[j].low.as_str())
            && !matches!(t[j].low.as_str(), "he" | "she" | "they")
        {
            return false;
        }
        let Some(r) = np_right(b, j, hi) else {
            return false;
        };
        // "…, said Tuesday." / "…, said in an interview.": a phrase of time or a
        // prepositional phrase after the verb is no speaker.
        let head = t[r.0].low.as_str();
        if time_word(head) || PREPS_SET.contains(head) {
            return false;
        }
        // "said he would": a pronoun followed by more words is a forward construction.
        if PRONOUNS.contains(&t[r.0].low.as_str()) && r.1 < hi && t[r.1].word() {
            return false;
        }
        source = Some(r);
        j = r.1;
        // "…," said the council's lawyer, Ann Dole.: the name in apposition speaks.
        if let Some(name) = described_name_after(b, r, hi) {
            source = Some(name);
            j = name.1;
        }
    } else if TELL.contains(&lemma) && j < hi && t[j].word() {
        if let Some(r) = np_right(b, j, hi) {
            addressee = Some(span_of(b, r));
            j = r.1;
        }
    }
    // "…, CNN reported citing a Syrian national (who …).": the cited one is the source,
    // the reporter the first link.
    let mut chain = Vec::new();
    j = take_cited(b, j, hi, &mut source, &mut chain, &mut cue_end);
    // Apposition after the source: ", a spokesman for …," (only when the source or
    // the one told stands right before: after `Reed noted,` the sentence goes on).
    if j < hi
        && (inverted || addressee.is_some() || !chain.is_empty())
        && t[j].p == ','
        && j + 1 < hi
        && matches!(t[j + 1].low.as_str(), "a" | "an" | "the" | "who")
    {
        let mut k = j + 1;
        while k < hi && t[k].p != ',' && !(t[k].p == '.' && k + 1 == hi) && !is_quote_char(t[k].p) {
            k += 1;
        }
        j = k;
    }
    let (j2, addr) = skip_adjuncts(b, j, hi, &mut cue_end);
    if addr.is_some() {
        addressee = addr;
    }
    j = j2;
    // "…, the agency reported on Friday, citing a source in the Kremlin."
    if chain.is_empty() {
        j = take_cited(b, j, hi, &mut source, &mut chain, &mut cue_end);
    }
    // "…, said one source in the room." / "…, said an official who asked not to be
    // named.": a phrase that closes the sentence after the inverted speaker describes
    // the speaker.
    if inverted {
        j = speaker_tail_end(b, j, hi).unwrap_or(j);
    }
    // "These workers, Berg explained earlier in the hearing, were …": a short adverbial
    // phrase left after a verb of saying, up to the comma that closes the interrupting
    // reporting clause, belongs to it.
    if j < hi
        && t[j].word()
        && clause_start > lo
        && t[clause_start - 1].p == ','
        && !b.quotes.iter().any(|q| {
            q.close
                .is_some_and(|c| c < clause_start && c + 2 >= clause_start)
        })
        && matches!(
            lemma,
            "say"
                | "explain"
                | "add"
                | "note"
                | "argue"
                | "insist"
                | "write"
                | "tell"
                | "claim"
                | "warn"
                | "acknowledge"
                | "admit"
                | "concede"
                | "testify"
        )
        && (PREPS_SET.contains(t[j].low.as_str())
            || matches!(
                t[j].low.as_str(),
                "earlier" | "later" | "again" | "also" | "then" | "now" | "once"
            ))
    {
        if let Some(k) = (j + 1..hi.min(j + 9)).find(|&k| !t[k].word()) {
            if t[k].p == ',' && (j..k).all(|m| !t[m].is("that") && !t[m].reports()) {
                j = k;
            }
        }
    }
    // What may follow: the unit's end, a second part of a split quote, or the rest of a
    // sentence the reporting clause interrupts.
    let rest_words = (j..hi).any(|k| t[k].word());
    let sep_before = clause_start - 1;
    let mut content: Vec<Span> = Vec::new();
    let closing_quote = b
        .quotes
        .iter()
        .find(|q| {
            q.close
                .is_some_and(|c| c == sep_before || c + 1 == sep_before)
        })
        .copied();
    // A quotation opened after a preposition or determiner is a title or a name
    // (`On the broadcast of "Town Talk," Berg said her …`), not the reported words: the
    // sentence is read forward.
    let titled = closing_quote.is_some_and(|q| {
        q.open > lo
            && t[q.open - 1].word()
            && (PREPS_SET.contains(t[q.open - 1].low.as_str())
                || DETS_SET.contains(t[q.open - 1].low.as_str())
                // `CBS's "Morning Desk,"`: a quotation after a possessive is a title.
                || (t[q.open - 1].e() < t[q.open].s()
                    && (t[q.open - 1].low.ends_with("'s")
                        || t[q.open - 1].low.ends_with('\u{2019}')
                        || t[q.open - 1].low.ends_with("\u{2019}s"))))
    });
    if titled {
        return false;
    }
    // A quotation that closes the clause but opens inside it (`Not paying fees "makes me
    // clever," Reed said`): the reported words are the whole clause, quoted part and all.
    let mixed = closing_quote.is_some_and(|q| {
        let s = trim_start(b, skip_dateline(b, lo, q.open), q.open);
        s < q.open
            && t[s..q.open].iter().filter(|x| x.word()).count() >= 2
            && !t[s..q.open]
                .iter()
                .any(|x| is_quote_char(x.p) || x.p == ':')
            // A verb of saying there reports on its own (`The group said it would
            // "fight …," Reed said`); a noun that looks like one does not (`The plan
            // would "devastate the region," Reed said`), nor a plural opening the
            // sentence, which has no subject before it (`Details aside, …`).
            && !(s..q.open).any(|m| {
                t[m].word()
                    && !(m == s && t[m].low.ends_with('s'))
                    && lexicon::reporting_lemma(&t[m].low).is_some_and(|l| !not_a_cue(b, lo, m, l))
            })
    });
    let first = match closing_quote {
        Some(q) if mixed => content_span(b, lo, q.close.map_or(sep_before, |c| c + 1)),
        Some(q) => trim_inner(b, q.inner),
        _ => content_span(b, lo, sep_before),
    };
    let Some(first) = first else { return false };
    // The content before the reporting clause must be a clause, not one word, unless
    // the word is quoted whole, opening the sentence (`"Absolutely," Reed said`).
    let first_words = t
        .iter()
        .filter(|x| x.word() && x.s() >= first.start && x.e() <= first.end)
        .count();
    let quoted_word = first_words == 1
        && closing_quote
            .is_some_and(|q| trim_start(b, skip_dateline(b, lo, q.open), q.open) >= q.open);
    // A pronoun standing for a whole clause is a subject the rest of the sentence
    // completes (`That, Reed said, was a mistake`): kept when the rest is read below.
    let pronoun_subject = first_words == 1
        && closing_quote.is_none()
        && t[sep_before].p == ','
        && t.iter()
            .find(|x| x.word() && x.s() >= first.start)
            .is_some_and(|x| LONE_SUBJECTS.contains(&x.low.as_str()));
    if first_words < 2 && !quoted_word && !pronoun_subject {
        return false;
    }
    content.push(first);
    if rest_words {
        // "…," he said, but "…": the quotation goes on after the conjunction, also past
        // an adverb of time or addition (`and still "…"`, `but then "…"`).
        let mut open = j + 2;
        while open < hi.min(j + 5)
            && t[open].word()
            && (matches!(
                t[open].low.as_str(),
                "still" | "then" | "also" | "later" | "again" | "now" | "even"
            ) || ly_adverb(&t[open].low))
        {
            open += 1;
        }
        let joined = t[j].p == ','
            && closing_quote.is_some()
            && t.get(j + 1)
                .is_some_and(|x| matches!(x.low.as_str(), "but" | "and"))
            && open < hi
            && b.quotes.iter().any(|q| q.open == open);
        if joined {
            j = open - 1;
        }
        if t[j].p == ',' && j + 1 < hi && is_quote_char(t[j + 1].p) || joined {
            // "…," he said, "…"
            if let Some(q) = b.quotes.iter().find(|q| q.open == j + 1) {
                if let Some(s) = trim_inner(b, q.inner) {
                    content.push(s);
                }
            } else {
                return false;
            }
        } else if t[j].p == ','
            && closing_quote.is_none()
            && t[sep_before].p == ','
            && j + 1 < hi
            && !t[j + 1].cap
            && ing_form(&t[j + 1].low)
            && t[j + 1].reports()
        {
            // "The works can go on, a judge ruled, rejecting …": a reporting participle
            // after the reporting clause is another act of the speaker, not the content's
            // rest (which a gerund subject or `including` continues).
        } else if t[j].p == ',' && closing_quote.is_none() && t[sep_before].p == ',' {
            // "The plan, he said, is …"
            if let Some(s) = content_span(b, j + 1, hi) {
                content.push(s);
            }
        } else if t[j].p == ','
            && j + 1 < hi
            && matches!(
                t[j + 1].low.as_str(),
                "adding" | "saying" | "noting" | "explaining" | "arguing"
            )
        {
            // The participle is read on its own.
        } else if closing_quote.is_some() {
            // A quotation with its speaker: whatever follows is narration, up to a second
            // part of the quotation after a comma (`"…," Tester said, referring to …, "…"`).
            let next_open = (j..hi).find(|&k| {
                is_quote_char(t[k].p)
                    && k > j
                    && t[k - 1].p == ','
                    && b.quotes.iter().any(|q| q.open == k)
            });
            // A verb of its own between (`…, before asking her, “…”`) takes the second
            // quotation; a participle of another act (`referring to …`) does not.
            let cue_between = next_open.is_some_and(|k| {
                (j..k).any(|m| {
                    t[m].word()
                        && t[m].reports()
                        && (!t[m].low.ends_with("ing")
                            || matches!(
                                t[m].low.as_str(),
                                "asking" | "adding" | "saying" | "telling" | "noting"
                            ))
                })
            });
            if let (Some(k), false) = (next_open, cue_between) {
                if let Some(q) = b.quotes.iter().find(|q| q.open == k) {
                    if let Some(s) = trim_inner(b, q.inner) {
                        content.push(s);
                    }
                }
            }
        } else if !(t[j].p == '.'
            || t[j].p == ';'
            || (t[j].p == ','
                && matches!(
                    t.get(j + 1).map_or("", |x| x.low.as_str()),
                    "but" | "and" | "although" | "though" | "while" | "because" | "as"
                )))
        {
            return false;
        }
    }
    if pronoun_subject && content.len() < 2 {
        return false;
    }
    // `After all, as we said in 2009, banks …`: a connective before the reporting clause
    // is the writer's link to what came before, no part of the words.
    if content.len() == 2 && closing_quote.is_none() && opener_only(t, content[0]) {
        content.remove(0);
    }
    let kind = if closing_quote.is_some() && !mixed {
        ContentKind::Direct
    } else {
        ContentKind::Indirect
    };
    push_found(
        out,
        Found {
            content,
            kind,
            cue: Some(Span::new(t[ci].s(), cue_end)),
            source: source.map(|r| span_of(b, r)),
            addressee,
            chain,
            carried: false,
            participle: false,
            act: false,
            labelled: false,
            block: bi,
        },
    );
    true
}

/// Pronouns that can be the whole subject before an interrupting reporting clause
/// (`That, Reed said, was a mistake`; `Nothing, she said, has changed`).
const LONE_SUBJECTS: &[&str] = &[
    "that",
    "this",
    "these",
    "those",
    "it",
    "nothing",
    "everything",
    "something",
    "everyone",
    "nobody",
    "much",
    "little",
    "none",
    "many",
    "some",
    "most",
    "few",
    "others",
];

/// Whether the words of `span` are only a connective opening a sentence (`Still`, `After
/// all`, `Of course`, `In fact`).
fn opener_only(t: &[Tok], span: Span) -> bool {
    let words: Vec<&str> = t
        .iter()
        .filter(|x| x.word() && x.s() >= span.start && x.e() <= span.end)
        .map(|x| x.low.as_str())
        .collect();
    match words.as_slice() {
        [w] => CONNECTIVES.contains(w) || CLAUSE_OPENERS.contains(w),
        [a, b] => matches!(
            (*a, *b),
            ("after", "all")
                | ("of", "course")
                | ("in", "fact")
                | ("in", "short")
                | ("in", "addition")
                | ("above", "all")
                | ("for", "example")
                | ("for", "instance")
                | ("by", "contrast")
                | ("at", "least")
        ),
        _ => false,
    }
}

/// Where a phrase describing an inverted speaker ends, when the sentence ends with it: a
/// place or an affiliation (`in the room`, `at the ministry`, `with the campaign`) or a
/// relative clause (`who asked not to be named`) of at most a dozen words, running to the
/// unit's end or its final period. A phrase with a verb form of its own (`said the plan in
/// Ohio would fail`) or a second report is the reported clause, not a description.
fn speaker_tail_end(b: &Block, j: usize, hi: usize) -> Option<usize> {
    let t = &b.toks;
    let first = t.get(j).filter(|x| j < hi && x.word())?;
    let who = matches!(first.low.as_str(), "who" | "familiar");
    let place = matches!(
        first.low.as_str(),
        "in" | "at" | "from" | "of" | "on" | "with" | "for" | "inside" | "within"
    );
    if !(who || place) {
        return None;
    }
    let end = (j..hi).find(|&k| !t[k].word()).unwrap_or(hi);
    let closes = end == hi || (t[end].p == '.' && end + 1 == hi);
    let plain = (j + 1..end).all(|k| {
        let w = t[k].low.as_str();
        who || !(t[k].reports() || AUX_SET.contains(w) || STOPS_SET.contains(w))
    });
    (closes && end - j <= 12 && plain).then_some(end)
}

/// A lowercase reporting `-ing` form (`saying`, `arguing`), which opens a participle
/// phrase of its own after a comma.
fn reporting_participle(x: &Tok) -> bool {
    x.word() && !x.cap && x.low.ends_with("ing") && x.reports()
}

/// `as saying` (or another reporting `-ing` form) at `k`, after `quoted X`.
fn quoting_as_saying(b: &Block, k: usize, hi: usize) -> bool {
    let t = &b.toks;
    k + 1 < hi && t[k].is("as") && reporting_participle(&t[k + 1])
}

/// `These accusations were denied by Baku`.
fn passive(
    b: &Block,
    bi: usize,
    lo: usize,
    hi: usize,
    ci: usize,
    cue_last: usize,
    out: &mut Vec<Found>,
) -> bool {
    let t = &b.toks;
    if ci == lo
        || !BE.contains(&t[ci - 1].low.as_str())
        || !t.get(cue_last + 1).is_some_and(|x| x.is("by"))
    {
        return false;
    }
    let Some(mut src) = np_right(b, cue_last + 2, hi) else {
        return false;
    };
    // `Dole was quoted by Reuters as saying …`: Dole speaks, through Reuters (read with
    // the forward cue).
    if quoting_as_saying(b, src.1, hi) && lexicon::reporting_lemma(&t[ci].low) == Some("quote") {
        return false;
    }
    // "was criticized by the mayor for his remarks": the reason is not the agent's.
    if let Some(f) = (src.0 + 1..src.1).find(|&f| {
        t[f].is("for")
            && t.get(f + 1).is_some_and(|n| {
                matches!(
                    n.low.as_str(),
                    "his" | "her" | "its" | "their" | "our" | "my"
                ) || (n.low.ends_with("ing") && !n.cap)
            })
    }) {
        src.1 = f;
    }
    let aux = ci - 1;
    let start = (lo..aux)
        .rev()
        .find(|&k| t[k].p == ',' || t[k].is("that"))
        .map_or(lo, |k| k + 1);
    let Some(content) = content_span(b, start, aux) else {
        return false;
    };
    push_found(
        out,
        Found::new(
            vec![content],
            ContentKind::Indirect,
            Some(span_of(b, (ci, cue_last + 1))),
            Some(span_of(b, src)),
            bi,
        ),
    );
    true
}

/// `According to X, …` and `…, according to X.`
fn according_to(
    b: &Block,
    bi: usize,
    lo: usize,
    hi: usize,
    ci: usize,
    cue_last: usize,
    out: &mut Vec<Found>,
) {
    let t = &b.toks;
    let Some(src) = np_right_with(b, cue_last + 1, hi, true) else {
        return;
    };
    let mut src = src;
    // "according to a statement from X", "according to X's report"
    let mut chain = Vec::new();
    let mut j = src.1;
    // "according to CNN, citing X" is rare; "according to X, a spokesman for Y," skips
    // the apposition.
    if j < hi
        && t[j].p == ','
        && j + 1 < hi
        && matches!(t[j + 1].low.as_str(), "a" | "an" | "who" | "which")
    {
        // "according to X, a spokesman for Y, …": skip the apposition when it is closed.
        if let Some(k) = (j + 1..hi.min(j + 12)).find(|&k| t[k].p == ',') {
            j = k;
        }
    }
    // "according to figures published by the council, …": a participle phrase after the
    // source's noun belongs to it, up to the comma where the reported words begin.
    if j < hi && t[j].word() && !t[j].cap && participle_like(&t[j].low) {
        if let Some(k) = (j + 1..hi.min(j + 12)).find(|&k| t[k].p == ',') {
            if (j..k).all(|m| t[m].word() || matches!(t[m].p, '.' | '-' | '\'' | '\u{2019}')) {
                src = (src.0, k);
                j = k;
            }
        }
    }
    if j < hi && t[j].is("citing") {
        if let Some(r) = np_right(b, j + 1, hi) {
            chain.push(span_of(b, src));
            src = r;
            j = r.1;
        }
    }
    let mut content = Vec::new();
    let before_start = ci;
    if (lo..before_start).any(|k| t[k].word()) {
        let e = if before_start > lo && t[before_start - 1].p == ',' {
            before_start - 1
        } else {
            before_start
        };
        if let Some(s) = content_span(b, lo, e) {
            content.push(s);
        }
    }
    // `…, according to Ann Dole, who chairs the committee.`: a relative clause after the
    // source describes the source.
    if j < hi && (t[j].p == ',' || t[j].p == ':') {
        let describes_source = t[j].p == ','
            && t.get(j + 1)
                .is_some_and(|x| matches!(x.low.as_str(), "who" | "whose" | "which"));
        if let Some(s) = content_span(b, j + 1, hi).filter(|_| !describes_source) {
            content.push(s);
        }
    }
    let words: usize = content
        .iter()
        .map(|c| {
            t.iter()
                .filter(|x| x.word() && c.contains_span(Span::new(x.s(), x.e())))
                .count()
        })
        .sum();
    if words < 2 {
        return;
    }
    push_found(
        out,
        Found {
            content,
            kind: ContentKind::Indirect,
            cue: Some(span_of(b, (ci, cue_last + 1))),
            source: Some(span_of(b, src)),
            addressee: None,
            chain,
            carried: false,
            participle: false,
            act: false,
            labelled: false,
            block: bi,
        },
    );
}

/// `In Reed's words, "…"`, `In the minister's view, the plan is dead`, `The plan is dead,
/// in his words.`: a possessive in a phrase that opens or closes the sentence names who
/// says the rest, as `according to` would.
fn in_ones_words(text: &str, b: &Block, bi: usize, lo: usize, hi: usize, out: &mut Vec<Found>) {
    let t = &b.toks;
    for w in lo + 2..hi {
        if !(t[w].word() && matches!(t[w].low.as_str(), "words" | "view")) {
            continue;
        }
        let p = w - 1;
        // The possessive: `Reed's` as one word, or a pronoun (`his`, `their`).
        let strip = if matches!(t[p].low.as_str(), "his" | "her" | "their" | "its") {
            0
        } else if text[..t[p].e()].ends_with("'s") {
            2
        } else if text[..t[p].e()].ends_with("\u{2019}s") {
            4
        } else {
            continue;
        };
        // `in`, then the possessor's words: a name or a short description.
        let Some(at) = (p.saturating_sub(5).max(lo)..p)
            .rev()
            .find(|&k| t[k].is("in"))
        else {
            continue;
        };
        // (Not `In the wake of Reed's words`: no preposition inside.)
        if (at + 1..p).any(|k| !t[k].word() || PREPS_SET.contains(t[k].low.as_str()))
            || (strip == 0 && at + 1 != p)
        {
            continue;
        }
        let source = Span::new(t[at + 1].s(), t[p].e() - strip);
        let content = if at == lo && t.get(w + 1).is_some_and(|x| matches!(x.p, ',' | ':')) {
            content_span(b, w + 2, hi)
        } else if at > lo
            && t[at - 1].p == ','
            && t.get(w + 1).is_none_or(|x| matches!(x.p, '.' | '!' | '?'))
        {
            content_span(b, lo, at - 1)
        } else {
            None
        };
        let Some(content) = content else {
            continue;
        };
        push_found(
            out,
            Found::new(
                vec![content],
                ContentKind::Indirect,
                Some(span_of(b, (at, w + 1))),
                Some(source),
                bi,
            ),
        );
    }
}

/// `X said (that) …`, `X told Y …`, `X reported citing Y …`, `…, saying …`.
#[allow(clippy::too_many_arguments)]
fn forward(
    a: &Article,
    b: &Block,
    bi: usize,
    lo: usize,
    hi: usize,
    ci: usize,
    cue_last: usize,
    lemma: &str,
    last_source: Option<Span>,
    out: &mut Vec<Found>,
) -> bool {
    let t = &b.toks;
    // `…, going on to say that …`: the participle is the verb that leads to the cue.
    let lead = catenative_start(b, lo, ci).unwrap_or(ci);
    // `…, with one organiser, Mairi Campbell, describing …`: the absolute phrase's noun
    // is the participle's subject, not the main clause's.
    let absolute = absolute_before(b, lo, lead, hi)
        .map(|(_, np)| np)
        .or_else(|| depicted_speaker(b, lo, lead))
        .map(|np| span_of(b, np));
    let participle = absolute.is_some()
        || (t[lead].low.ends_with("ing")
            && lead > lo
            && (matches!(t[lead - 1].p, ',' | '\u{2014}')
                || GERUND_INTRO.contains(&t[lead - 1].low.as_str())
                || (lead >= lo + 2 && is_quote_char(t[lead - 1].p) && t[lead - 2].p == ',')));
    let mut source;
    let mut cited = None;
    if participle {
        // The main clause's subject, past what opens the sentence (`In 1986, the court
        // blocked …, citing …`).
        // (When that reads the whole clause as opening words, `On May 3 they published
        // the result, announcing …`, only a pronoun after a phrase without its comma.)
        let from = skip_intro(a, b, lo, ci).unwrap_or(lo);
        let subject = if from < lead {
            clause_subject(b, from, lead)
        } else {
            pronoun_after_opening(b, lo, lead).map(|k| (k, k + 1))
        };
        source = absolute
            .or(last_source)
            .or_else(|| subject.map(|r| span_of(b, r)));
    } else {
        // `forced Reed to admit …`: the subject is the object, after the verb.
        let control = object_control(b, lo, ci);
        let lo = control.map_or(lo, |v| v + 1);
        let k = if control.is_some() {
            ci - 1
        } else {
            subject_end(b, lo, ci)
        };
        // `A memo written by the harbor director last spring said …`, `Officials briefed
        // on the talks said …`: the noun phrase before the participle, not the phrase
        // that describes it.
        let mut left = participle_phrase_before(b, lo, k).or_else(|| np_left(b, lo, k));
        let mut inherited = None;
        if left.is_none() && k > lo {
            let prev = &t[k - 1];
            let dash = |m: usize| is_dash(t[m].p);
            if dash(k - 1) {
                // "Hale -- author of a book on budgets -- said": the name before the dashes.
                let mut e = k - 1;
                while e > lo && dash(e - 1) {
                    e -= 1;
                }
                if let Some(mut o) = (lo..e).rev().take(25).find(|&m| dash(m)) {
                    while o > lo && dash(o - 1) {
                        o -= 1;
                    }
                    // `The film ― which weaves … ― explains …`: a relative clause
                    // between dashes describes any noun phrase.
                    let relative = t[o..e]
                        .iter()
                        .find(|x| x.word())
                        .is_some_and(|x| matches!(x.low.as_str(), "who" | "which"));
                    left = np_left(b, lo, o).filter(|r| relative || (t[r.0].cap && t[r.1 - 1].cap));
                }
            } else if prev.p == ',' {
                // "X, a spokesman for Y, said" / "The man, who refused …, said" /
                // "The state's chairman, Phil Lovas, said"
                // (`Meanwhile, the minister, Ann Dole, said`: the opening connective and
                // its comma are no piece of the subject.)
                let lo = if k > lo + 3
                    && t[lo].word()
                    && t[lo + 1].p == ','
                    && (CONNECTIVES.contains(&t[lo].low.as_str())
                        || CLAUSE_OPENERS.contains(&t[lo].low.as_str()))
                {
                    lo + 2
                } else {
                    lo
                };
                let seg = np_left(b, lo, k - 1);
                let seg_start = seg.map_or(k - 1, |r| r.0);
                let open = (lo..k - 1).rev().find(|&m| t[m].p == ',');
                let before = open.and_then(|o| np_left(b, lo, subject_end(b, lo, o)));
                // The name before a chain of short comma-separated pieces.
                let mut first_comma = k - 1;
                for _ in 0..3 {
                    match (lo..first_comma).rev().take(9).find(|&m| t[m].p == ',') {
                        Some(m) => first_comma = m,
                        None => break,
                    }
                }
                let chained = (first_comma < k - 1)
                    .then(|| np_left(b, lo, first_comma))
                    .flatten()
                    .filter(|r| {
                        // A name (`Senator Ann Dole, Democrat of Oregon,`), not
                        // a description (`the party's candidate, Northland Gov. Jan Holm,`).
                        t[r.0].cap
                            && t[r.1 - 1].cap
                            && !DETS_SET.contains(t[r.0].low.as_str())
                            && r.1 - r.0 <= 5
                    });
                // "One commuter, 34-year-old nurse Ann Dole, said": a role written
                // before the name, inside the apposition (not `a spokesman for the
                // Justice Party`, whose name follows a preposition's article).
                let role_name = open.and_then(|o| role_before_name(b, o, k - 1));
                let seg_is_name = chained.is_none()
                    && seg.is_some_and(|r| t[r.0].cap && !DETS_SET.contains(t[r.0].low.as_str()))
                    && open.is_some_and(|o| o + 1 == seg_start);
                left = if let Some(s) = role_name {
                    Some((s, k - 1))
                } else if let Some(c) = chained {
                    Some(c)
                } else if seg_is_name {
                    seg
                } else if let Some(o) = open {
                    let first = t.get(o + 1).map_or("", |x| x.low.as_str());
                    let parenthetical = matches!(
                        first,
                        "a" | "an" | "the" | "who" | "which" | "whose" | "whom"
                    ) || t[o + 1].low.ends_with("ing")
                        || (o + 1 == seg_start && !t[seg_start].cap);
                    if parenthetical {
                        before
                    } else {
                        None
                    }
                } else {
                    None
                };
            } else if prev.is("whom") && k >= lo + 3 && t[k - 2].is("of") {
                // "…, many of whom say": the whole phrase.
                left = np_left(b, lo, k - 2).map(|r| (r.0, k));
            } else if matches!(prev.low.as_str(), "who" | "which") {
                // "an architect who said": the noun phrase before the relative pronoun.
                let mut e = k - 1;
                if e > lo && t[e - 1].p == ',' {
                    e -= 1;
                }
                // `the study -- which notes …`, `the study — which …`: a dash sets the
                // clause off as a comma does.
                while e > lo && is_dash(t[e - 1].p) {
                    e -= 1;
                }
                left = np_left(b, lo, e).or_else(|| {
                    // `Reed is visiting a builder who said`: the search for the phrase
                    // stops at `is`; the participle's object speaks.
                    (lo + 1..e)
                        .rev()
                        .take(6)
                        .find(|&d| {
                            let g = &t[d - 1];
                            g.word() && !g.cap && g.low.ends_with("ing")
                        })
                        .and_then(|d| np_left(b, d, e))
                        .or_else(|| {
                            // `criticized by environmental groups, who said`, `funded by
                            // industry, which said`: a bare noun after a preposition.
                            let p = (e.saturating_sub(4).max(lo + 1)..e - 1)
                                .rev()
                                .find(|&p| PREPS_SET.contains(t[p].low.as_str()))?;
                            (p + 1..e)
                                .all(|m| t[m].word() && !t[m].cap && !np_stop(&t[m]))
                                .then_some((p + 1, e))
                        })
                });
                // `Reed is meeting union leaders who say`: a participle after `be` is
                // the verb, not the phrase's first word.
                if let Some((s, e)) = left {
                    let progressive = s > lo
                        && s + 1 < e
                        && !t[s].cap
                        && t[s].low.ends_with("ing")
                        && (BE.contains(&t[s - 1].low.as_str())
                            || matches!(t[s - 1].low.as_str(), "not" | "n't"));
                    if progressive {
                        left = Some((s + 1, e));
                    }
                }
                // `echoed those of Reed, who said`: a pronoun standing for a thing,
                // then whose it is; they speak.
                if let Some((s, e)) = left {
                    let of = (s..e).find(|&m| t[m].is("of")).filter(|&o| {
                        o > 0
                            && THING_PRONOUNS.contains(&t[o - 1].low.as_str())
                            && (o + 1..e).any(|m| t[m].word())
                    });
                    if let Some(o) = of {
                        left = Some((o + 1, e));
                    }
                }
                // "The council hired a carpenter who said", "Reed met Ann Dole, who
                // told him", "drew criticism from Dole, who": the object of the verb or
                // preposition before speaks, from its determiner or name on (not `the
                // head of the union who`, nor `a spokesman for Reed, who`).
                if let Some((s, e)) = left {
                    if let Some(d) = (s + 1..e).rev().find(|&d| {
                        let g = &t[d - 1];
                        // A bare noun after a preposition opens one too (`met with
                        // environmental groups, who said`).
                        let bare_plural = PREPS_SET.contains(g.low.as_str())
                            && (d..e).all(|m| t[m].word() && !t[m].cap);
                        let opens = matches!(t[d].low.as_str(), "a" | "an" | "the")
                            || (t[d].cap && t[d].word())
                            || bare_plural;
                        let governs = !PREPS_SET.contains(g.low.as_str())
                            || (!g.is("of")
                                && d >= s + 2
                                && !t[d - 2].cap
                                && !person_noun(&t[d - 2].low));
                        opens
                            && g.word()
                            && !g.cap
                            && governs
                            && !DETS_SET.contains(g.low.as_str())
                            && !g.is("and")
                    }) {
                        left = Some((d, e));
                    }
                }
                // "Tom Reed is a lawyer who said": a person noun after `is` / `was` and a
                // relative clause without a comma describe the name before the
                // verb `be`; that name is the speaker (not `The decision is risky for
                // Cruz, who refused`).
                if let Some((s, e)) = left {
                    if s > lo + 1
                        && e == k - 1
                        && person_noun(&t[e - 1].low)
                        && t[s - 1].word()
                        && matches!(t[s - 1].low.as_str(), "is" | "was" | "remains" | "became")
                    {
                        if let Some(name) = np_left(b, lo, s - 1)
                            .filter(|r| t[r.0].cap && !DETS_SET.contains(t[r.0].low.as_str()))
                        {
                            left = Some(name);
                        }
                    }
                }
            } else if matches!(prev.low.as_str(), "and" | "but" | "or" | "then") && k - 1 > lo {
                // "X supported Democrats … and said": the clause's subject; the speaker
                // of a cue before it in the clause when there is one (`The U.N.'s
                // spokesman, Piotr Nowicki, said … and called on …`: the spokesman's
                // name, which its apposition rules found).
                let from = skip_intro(a, b, lo, k - 1).unwrap_or(lo);
                left = np_right(b, from, k - 1)
                    .filter(|r| t[r.0].cap || DETS_SET.contains(t[r.0].low.as_str()))
                    .map(|(s, e)| {
                        // `The central bank kept its rate … but signalled`: the subject
                        // ends at the first clause's verb (a past tense without `-ed`, or
                        // one in `-ed` after a name or a noun of a body or of people).
                        let verb = (s + 1..e).find(|&m| {
                            let w = t[m].low.as_str();
                            t[m].word()
                                && !t[m].cap
                                && (IRREGULAR_PAST_SET.contains(w)
                                    && !matches!(
                                        w,
                                        "left" | "set" | "cut" | "hit" | "let" | "put" | "met"
                                    )
                                    || w.ends_with("ed")
                                        && t[m - 1].word()
                                        && (t[m - 1].cap
                                            || person_noun(&t[m - 1].low)
                                            || ORG_NOUNS_SET.contains(t[m - 1].low.as_str())))
                        });
                        (s, verb.unwrap_or(e))
                    });
                // The clause's first cue: a later one may be reported inside its content
                // (`May said the country would declare … and suggested …`). But the last
                // one when a subordinate clause opens right before its speaker: the verb
                // joined to it is that speaker's (`Reed called it a disgrace after Dole
                // attacked the police and blamed the mayor`: Dole blamed).
                let before = t[k - 1].s();
                let in_clause = out.iter().rev().take_while(|f| f.block == bi).filter(|f| {
                    !f.participle
                        && !f.act
                        && !f.carried
                        && f.cue.is_some_and(|c| {
                            c.start >= t[from].s()
                                && c.end <= before
                                && !a.text[c.start..c.end].eq_ignore_ascii_case("according to")
                        })
                });
                let first = in_clause.clone().min_by_key(|f| f.cue.map(|c| c.start));
                let last = in_clause.max_by_key(|f| f.cue.map(|c| c.start));
                let subordinate_speaker = |f: &&Found| {
                    f.source.is_some_and(|s| {
                        let w = a.text[..s.start].trim_end();
                        let prev = w.rsplit(|c: char| !c.is_alphanumeric()).next();
                        prev.is_some_and(|p| SUBORDINATORS.contains(&p.to_lowercase().as_str()))
                    })
                };
                inherited = last
                    .filter(subordinate_speaker)
                    .or(first)
                    .and_then(|f| f.source)
                    // A name or a described speaker, not one inside the subject read
                    // here (`Scott's` of `Scott's family`); one holding it is the whole
                    // subject (`Reed's brief`, where the subject read stops at `Reed's`).
                    .filter(|s| {
                        let first = a.text[s.start..].split_whitespace().next().unwrap_or("");
                        (first.starts_with(char::is_uppercase)
                            || DETS_SET.contains(first.lowercased().as_str()))
                            && left.is_none_or(|r| {
                                let l = span_of(b, r);
                                l.end <= s.start
                                    || s.end <= l.start
                                    || (s.start <= l.start && l.end < s.end)
                            })
                    });
            }
        }
        // `Critics including Ann Dole said …`: an example of a group, without the commas
        // that set it off, is no more the speaker than with them; the group speaks.
        // (A group is a plural: `someone like Tom Reed` is Tom Reed.)
        let plural = |m: usize| t[m].word() && t[m].low.ends_with('s') && !t[m].low.ends_with("ss");
        if let Some((s, e)) = left.filter(|_| inherited.is_none()) {
            let example = (s + 1..e)
                .filter_map(|m| example_opener(b, m + 1))
                .find(|&o| o > s && plural(o - 1));
            if let Some(o) = example {
                left = Some((s, o));
            } else if let Some(o) = example_opener(b, s).filter(|&o| o > lo && plural(o - 1)) {
                // `Officials such as Tom Reed`: the phrase read back stopped at `as`.
                if let Some(group) = np_left(b, lo, o).filter(|r| r.1 == o) {
                    left = Some(group);
                }
            }
        }
        // "A 2019 study that appeared in the Lancet found …": the noun phrase before the
        // relative clause, not the clause's verb and object.
        // (`An officer who was there said`: the same, the clause's words read back.)
        if let Some((s, _)) = left {
            let relative = (lo + 1..s.min(t.len() - 1)).rev().take(4).find(|&w| {
                matches!(t[w].low.as_str(), "that" | "which" | "who")
                    && (t[w + 1].low.ends_with("ed") || AUX_SET.contains(t[w + 1].low.as_str()))
                    && (w + 1..s).all(|m| t[m].word())
            });
            if let Some(w) = relative {
                if let Some(r) = np_left(b, lo, w) {
                    left = Some(r);
                }
            }
        }
        // Apposition: "Omer Celik, a spokesman for …, has denied": the name, not the role
        // (a name, capitalized to its last word: not `Twenty-two years ago, a … article`).
        if let Some((s, _)) = left {
            if matches!(t[s].low.as_str(), "a" | "an") && s > lo && t[s - 1].p == ',' {
                if let Some(name) = np_left(b, lo, s - 1) {
                    if t[name.0].cap && t[name.1 - 1].cap {
                        left = Some(name);
                    }
                }
            }
        }
        // The same inside an apposition that `subject_end` stepped over.
        if let Some((_, e)) = left {
            let close = skip_aux_left(b, lo, ci);
            if e + 1 < close && t[e].p == ',' && t[close - 1].p == ',' {
                if let Some(s) = role_before_name(b, e, close - 1) {
                    left = Some((s, close - 1));
                }
            }
        }
        if let Some(s) = inherited {
            source = Some(s);
        } else {
            let Some(mut l) = left else { return false };
            // `…, Daniel Okafor, faced sharp questions`: a verb in `-ed` right after a
            // comma, then one word, opens no subject: the `-s` word after them is a
            // plural noun (not `…, elected officials say`).
            if l.1 == l.0 + 2
                && l.0 > 0
                && t[l.0 - 1].p == ','
                && !t[l.0].cap
                && t[l.0].low.ends_with("ed")
                && t[ci].low.ends_with('s')
            {
                return false;
            }
            // `…, a figure Whitfield called "fantasy"`: an apposition's noun that names no
            // one, then a name, is a relative clause's object and its subject; the name
            // speaks.
            if matches!(t[l.0].low.as_str(), "a" | "an") && l.0 > lo && t[l.0 - 1].p == ',' {
                if let Some(m) = (l.0 + 1..l.1).find(|&m| t[m].cap) {
                    let head = t[m - 1].low.as_str();
                    if (l.0 + 2..=l.0 + 3).contains(&m)
                        && (l.0 + 1..m).all(|x| {
                            t[x].word() && !t[x].cap && !PREPS_SET.contains(t[x].low.as_str())
                        })
                        && (m..l.1).all(|x| t[x].word() && t[x].cap)
                        && !person_noun(head)
                        && !ORG_NOUNS_SET.contains(head)
                        && !lexicon::OUTLET_WORDS.contains(&head)
                    {
                        l = (m, l.1);
                    }
                }
            }
            // A subject that is really the object of a preposition or a clause ("in which").
            source = Some(span_of(b, l));
            cited = cited_between(b, l.1, ci);
        }
    }
    let mut cue_end = t[cue_last].e();
    let mut j = cue_last + 1;
    let mut chain = Vec::new();
    if let (Some(r), Some(s)) = (cited, source) {
        chain.push(s);
        source = Some(span_of(b, r));
    }
    let mut addressee = None;
    // "reported citing X": the cited one is the source, the reporter the first link.
    // Also "reported, citing X, that …".
    if let Some(c) = after_adjunct(b, j, hi) {
        if t.get(c + 1)
            .is_some_and(|x| x.is("citing") || x.is("quoting"))
            && cited_before_that(b, c + 1)
        {
            j = c;
        }
    }
    if j + 1 < hi && t[j].p == ',' && matches!(t[j + 1].low.as_str(), "citing" | "quoting") {
        j += 1;
    }
    if j < hi && matches!(t[j].low.as_str(), "citing" | "quoting") {
        if let Some(r) = np_right(b, j + 1, hi) {
            cue_end = t[j].e();
            if let Some(s) = source {
                chain.push(s);
            }
            source = Some(span_of(b, r));
            j = r.1;
            // "a Syrian national who has signed up …": the relative clause is his.
            if j < hi && matches!(t[j].low.as_str(), "who" | "which") {
                j = hi;
            }
            // "reported, citing Ann Dole, the head of the union, that …": the cited
            // one's apposition, up to the comma before `that`, is no part of the content.
            if j + 1 < hi && t[j].p == ',' {
                if let Some(c) = (j + 1..hi.min(j + 20)).find(|&c| !t[c].word()) {
                    if t[c].p == ',' && t.get(c + 1).is_some_and(|x| x.is("that")) && c > j + 1 {
                        j = c + 1;
                    }
                }
            }
        }
    }
    // "The agency quoted a police official as saying …": the one quoted is the source and
    // the quoting one the first link; "Dole was quoted as saying …": the subject speaks.
    // "Dole was quoted by Reuters as saying …": the subject speaks through the agent.
    if lemma == "quote" && j < hi {
        let by = t[j].is("by");
        let quoted = if t[j].is("as") {
            None
        } else {
            np_right(b, j + usize::from(by), hi)
        };
        let k = quoted.map_or(j, |r| r.1);
        if quoting_as_saying(b, k, hi) {
            if let Some(r) = quoted {
                if by {
                    chain.push(span_of(b, r));
                } else {
                    chain.extend(source);
                    source = Some(span_of(b, r));
                }
            }
            cue_end = t[k + 1].e();
            j = k + 2;
        }
    }
    if TELL_ALWAYS.contains(&lemma) && j < hi && t[j].word() && !t[j].is("that") {
        // `told her the …`, `told her they …`: before a determiner or a pronoun, `her` is
        // the addressee, no determiner itself (as in `told her husband`).
        let object = t[j].is("her")
            && t.get(j + 1).is_some_and(|n| {
                j + 1 < hi
                    && (DETS_SET.contains(n.low.as_str()) || PRONOUNS.contains(&n.low.as_str()))
            });
        // The one told is a noun phrase: a word of saying in it is a noun (`told a
        // briefing that …`, `told a press conference`).
        if let Some(mut r) = if object {
            Some((j, j + 1))
        } else {
            np_right_with(b, j, hi, true)
        } {
            // `told reporters Moscow was …`: a name after a lowercase noun (not after an
            // article: `told the Foreign Affairs Committee`) opens the reported clause,
            // when a verb follows it (not `told co-host Ann Dole that …`).
            let verb_next = t.get(r.1).is_some_and(|x| {
                r.1 < hi
                    && x.word()
                    && !x.cap
                    && (AUX_SET.contains(x.low.as_str()) || x.low.ends_with("ed"))
            });
            if !t[r.0].cap && verb_next {
                if let Some(k) = (r.0 + 1..r.1).find(|&k| {
                    t[k].cap
                        && !t[k - 1].cap
                        && t[k - 1].word()
                        && !DETS_SET.contains(t[k - 1].low.as_str())
                        && !PREPS_SET.contains(t[k - 1].low.as_str())
                }) {
                    r.1 = k;
                }
            }
            addressee = Some(span_of(b, r));
            j = r.1;
        }
    }
    let (j2, addr) = skip_adjuncts(b, j, hi, &mut cue_end);
    if addr.is_some() {
        addressee = addr;
    }
    j = j2;
    if TELL.contains(&lemma) && addressee.is_none() && j < hi && t[j].word() && !t[j].is("that") {
        // An object pronoun is a phrase of its own (`her` is no determiner here).
        let object = matches!(
            t[j].low.as_str(),
            "him" | "her" | "them" | "me" | "us" | "you"
        );
        if let Some(r) = if object {
            Some((j, j + 1))
        } else {
            np_right(b, j, hi)
        } {
            // `asked him that …`, `asking her, “…”`, `warned them: “…”`.
            let quoted = r.1 + 1 < hi
                && matches!(t[r.1].p, ',' | ':')
                && r.1 - r.0 <= 4
                && b.quotes.iter().any(|q| q.open == r.1 + 1);
            if r.1 < hi && (t[r.1].is("that") || quoted) {
                addressee = Some(span_of(b, r));
                j = r.1;
            }
        }
    }
    // `Wilde denied that, saying …`, `He said that.`: `that` is the object, a pronoun for
    // words said before; nothing is reported here.
    // (`said that, among voters, …` and `said that, “…”` go on.)
    if j + 1 < hi
        && t[j].is("that")
        && (matches!(t[j + 1].p, '.' | ';' | '!' | '?')
            || (t[j + 1].p == ',' && t.get(j + 2).is_some_and(reporting_participle)))
    {
        return false;
    }
    // `Reed disagreed, saying …`: the participle after the comma reports on its own, and
    // the verb before it has no words of its own here.
    if j + 1 < hi && t[j].p == ',' && reporting_participle(&t[j + 1]) {
        return false;
    }
    while j < hi && (matches!(t[j].p, ':' | ',') || t[j].is("that")) {
        // `rejected that argument.`: `that` before one word and the sentence's end is its
        // determiner, no conjunction (`said that states, led by …, will` is one).
        if t[j].is("that")
            && j + 1 < hi
            && t[j + 1].word()
            && !t[j + 1].cap
            && t.get(j + 2)
                .is_none_or(|x| j + 2 >= hi || matches!(x.p, '.' | ';' | '!' | '?'))
        {
            break;
        }
        // `said that was not her view`: `that` before a verb is the clause's subject, a
        // pronoun for something said before (a conjunction needs a subject after it).
        if t[j].is("that")
            && t.get(j + 1).is_some_and(|x| {
                j + 1 < hi
                    && x.word()
                    && AUX_SET.contains(x.low.as_str())
                    && !matches!(x.low.as_str(), "be" | "been" | "being" | "first")
            })
        {
            break;
        }
        j += 1;
    }
    if j >= hi {
        return false;
    }
    // "says of Holm, “…”": a short phrase before the quotation.
    if !is_quote_char(t[j].p) && PREPS_SET.contains(t[j].low.as_str()) {
        if let Some(k) = (j + 1..hi.min(j + 9)).find(|&k| {
            is_quote_char(t[k].p) && t[k - 1].p == ',' && b.quotes.iter().any(|q| q.open == k)
        }) {
            j = k;
        }
    }
    // "agreed with Berg that …": the clause is the content.
    if t[j].is("with") && matches!(lemma, "agree" | "disagree") {
        if let Some(k) = (j + 1..hi.min(j + 9))
            .take_while(|&k| t[k].word())
            .find(|&k| t[k].is("that"))
        {
            j = k + 1;
        }
    }
    // `a move Bennett described as "painful but necessary"`, `what he dismissed as
    // "fake news"`: a verb of characterizing, its object before it, and the quotation
    // after `as` is what was said.
    if t[j].is("as")
        && matches!(
            lemma,
            "describe"
                | "characterize"
                | "characterise"
                | "dismiss"
                | "brand"
                | "label"
                | "hail"
                | "denounce"
                | "condemn"
                | "criticize"
                | "criticise"
                | "praise"
                | "welcome"
                | "portray"
                | "refer to"
        )
        && j + 1 < hi
        && is_quote_char(t[j + 1].p)
        && b.quotes.iter().any(|q| q.open == j + 1)
    {
        j += 1;
    }
    let starts_quote = is_quote_char(t[j].p);
    let saw_that = t[ci + 1..j].iter().any(|x| x.is("that") || x.p == ':');
    if !starts_quote && !saw_that {
        let w = t[j].low.as_str();
        let next_is_number = t
            .get(j + 1)
            .is_some_and(|n| n.low.starts_with(|c: char| c.is_ascii_digit()));
        let prep_ok = (w == "to"
            && (lexicon::stance_of(lemma) == "promises" || TO_VERBS.contains(&lemma)))
            || (matches!(w, "about" | "of" | "for" | "on" | "against" | "over")
                && PREP_OBJECT_SET.contains(lemma))
            || (w == "about" && next_is_number)
            // `agreed with Berg that …`, `responded to the charge`, `responded by
            // attacking …`.
            || ((w == "with" && matches!(lemma, "agree" | "disagree"))
                    || (matches!(w, "to" | "with") && matches!(lemma, "respond" | "reply"))
                    || (w == "by"
                        && matches!(lemma, "respond" | "reply")
                        && t.get(j + 1).is_some_and(|x| x.low.ends_with("ing"))));
        // "said too much is made of …", "says more must be done": a clause's subject.
        let subject_of_clause = matches!(w, "too" | "much" | "more" | "nothing" | "something")
            && t[j + 1..hi.min(j + 4)].iter().any(|x| {
                matches!(
                    x.low.as_str(),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "will"
                        | "would"
                        | "must"
                        | "should"
                        | "can"
                        | "could"
                        | "has"
                        | "had"
                        | "have"
                )
            });
        // `called for more money`, `demanded much more time`: after a verb whose content
        // may be a noun phrase, `more` heads one (`said more`, `explained more about it`
        // say how much was said, not what).
        let quantity_object = matches!(w, "more" | "much")
            && NP_OBJECT_SET.contains(lemma)
            && t.get(j + 1)
                .is_some_and(|x| x.word() && !PREPS_SET.contains(x.low.as_str()));
        // `spoke for an hour`: how long, not what about.
        let duration = w == "for"
            && t.get(j + 2).is_some_and(|x| {
                matches!(
                    x.low.as_str(),
                    "minute" | "minutes" | "hour" | "hours" | "day" | "days" | "week" | "weeks"
                )
            });
        // (`sought asylum`, `is seeking damages`: seeking a thing is no report; only
        // `sought to …` says what one wants.)
        if (PREPS_SET.contains(w) && !prep_ok)
            || duration
            || (lemma == "seek" && w != "to")
            || (!subject_of_clause
                && !quantity_object
                && matches!(w, "too" | "nothing" | "something" | "much" | "more"))
            || matches!(
                w,
                "and" | "but" | "or" | "so" | "as" | "when" | "while" | "because" | "otherwise"
            )
        {
            return false;
        }
        let has_clause =
            t[ci + 1..j].iter().any(|x| x.is("that")) || t[ci + 1..j].iter().any(|x| x.p == ':');
        if !has_clause && !NP_OBJECT_SET.contains(lemma) && lemma != "say" && lemma != "tell" {
            // A clause without "that" needs a verb-looking word soon: accept any content of
            // three words or more, or an infinitive (`declined to comment`).
            let least = if w == "to" && prep_ok { 2 } else { 3 };
            if (j..hi).filter(|&k| t[k].word()).count() < least {
                return false;
            }
        }
    }
    // The content runs to the unit's end, or to the end of the quotation it starts with.
    // A later clause with a reporting verb of its own (`…, but he said …`) stays inside:
    // it is a nested attribution, found on its own too (measured on PolNeAR's dev split,
    // stopping there lost recall, precision and source agreement).
    let mut end = hi;
    if starts_quote {
        if let Some(q) = b.quotes.iter().find(|q| q.open == j) {
            if let Some(c) = q.close {
                // Only the quotation when it ends the unit or is followed by a new clause.
                let after: Vec<&Tok> = t[c + 1..hi].iter().filter(|x| x.word()).collect();
                // (`said, "That makes me smart," as Cole looked on`: the comma inside the
                // marks ends the quotation's sentence too.)
                let comma_inside = c > j + 1
                    && t[c - 1].p == ','
                    && !(t.get(c + 1).is_some_and(|x| x.is("and"))
                        && t.get(c + 2).is_some_and(|x| x.is("that")));
                if after.is_empty() || t.get(c + 1).is_some_and(|x| x.p == ',') || comma_inside {
                    end = c + 1;
                }
            }
        }
    }
    // `Dole said the pier was old, adding that …`, `…, with one organiser saying …`,
    // `…, according to a notice`: a participle that reports for the same subject, an
    // absolute phrase's participle or `according to` starts a statement of its own (found
    // on its own), not more of this one.
    if !starts_quote {
        // `…, treating it as a joke and, when asked, asserting …`: a participle after a
        // subordinate clause goes on with the clause before it; one after a trailing
        // report (`…, the agency reported, citing …`) is that report's, whose own rule
        // ends the words.
        let after_subordinate = |k: usize| {
            let from = (j..k).rev().find(|&m| t[m].p == ',').map_or(j, |m| m + 1);
            t.get(from)
                .is_some_and(|x| SUBORDINATORS.contains(&x.low.as_str()))
                || (from > j && t[from..k].iter().any(|x| x.word() && x.reports()))
        };
        let own_statement = |k: usize| {
            let Some(x) = t.get(k + 1) else {
                return false;
            };
            let then = |w: &str| t.get(k + 2).is_some_and(|n| n.is(w));
            matches!(
                x.low.as_str(),
                "adding" | "saying" | "noting" | "explaining" | "arguing" | "insisting"
            ) || (reporting_participle(x) && !x.is("assuming") && !after_subordinate(k))
                || (x.is("going") && then("on"))
                || (x.is("according") && then("to"))
                || with_absolute(b, k, hi).is_some()
                // `…, a claim officials have disputed`: the writer's comment on it.
                || (matches!(x.low.as_str(), "a" | "an")
                    && t.get(k + 2).is_some_and(|n| {
                        matches!(
                            n.low.as_str(),
                            "claim"
                                | "assertion"
                                | "allegation"
                                | "accusation"
                                | "charge"
                                | "statement"
                                | "remark"
                                | "comment"
                                | "view"
                                | "call"
                                | "demand"
                                | "move"
                                | "warning"
                                | "threat"
                        )
                    }))
        };
        // (After a dash too: `… — a call the union rejected`.)
        if let Some(k) = (j + 1..end).find(|&k| {
            matches!(t[k].p, ',' | '\u{2014}' | '\u{2013}') && !in_quote(b, k) && own_statement(k)
        }) {
            end = k;
        }
        // `said the bill was flawed; Dole said she would not`: a clause after a semicolon
        // that opens with a speaker and a verb of saying is another statement.
        if let Some(k) = (j + 1..end).find(|&k| {
            // (Its first reporting word, within a few words.)
            t[k].p == ';'
                && !in_quote(b, k)
                && (k + 2..end.min(k + 8))
                    .find(|&m| t[m].word() && t[m].reports())
                    .and_then(|v| cue_at(b, v, end))
                    .is_some_and(|(l, _)| {
                        matches!(l, "say" | "tell" | "add" | "counter" | "reply" | "respond")
                    })
        }) {
            end = k;
        }
    }
    // `Rosa Dell, who proposed the lanes, said …`: a cue inside a relative clause set off
    // by commas reports up to the clause's closing comma, where the main clause goes on
    // in lowercase (not at `the museum's director, Lonnie Bunch`).
    // (`Reed, who has denied any wrongdoing, is …`: auxiliaries between.)
    let mut w = ci;
    while w > lo && t[w - 1].word() && AUX_SET.contains(t[w - 1].low.as_str()) {
        w -= 1;
    }
    if !starts_quote
        && w >= lo + 2
        && t[w - 2].p == ','
        && matches!(t[w - 1].low.as_str(), "who" | "which")
    {
        if let Some(k) = (j..end).find(|&k| {
            t[k].p == ',' && !in_quote(b, k) && t.get(k + 1).is_some_and(|x| x.word() && !x.cap)
        }) {
            end = k;
        }
    }
    // `The study -- which notes that … -- should be read`: set off by dashes, up to the
    // closing dash.
    if !starts_quote
        && w >= lo + 2
        && is_dash(t[w - 2].p)
        && matches!(t[w - 1].low.as_str(), "who" | "which")
    {
        if let Some(k) = (j..end).find(|&k| is_dash(t[k].p) && !in_quote(b, k)) {
            end = k;
        }
    }
    // `If the agency has questions about the returns, voters should know …`: a cue in a
    // clause of condition reports up to the clause's comma, where the main clause
    // begins.
    if !starts_quote {
        if let Some(src) = source {
            let first = t.partition_point(|x| x.s() < src.start);
            if first > lo && matches!(t[first - 1].low.as_str(), "if" | "unless") {
                if let Some(k) = (j..end).find(|&k| {
                    t[k].p == ',' && !in_quote(b, k) && t.get(k + 1).is_some_and(Tok::word)
                }) {
                    end = k;
                }
            }
        }
    }
    // `recalled its envoy after a clash, the ministry said.`: a trailing attribution of
    // the whole sentence (found on its own) is no part of this content.
    if !starts_quote && end == hi {
        // (Up to 20 tokens back: the report may cite its own source after it.)
        if let Some(k) = (j + 2..end)
            .rev()
            .take(20)
            .find(|&k| t[k].p == ',' && !in_quote(b, k) && trailing_report(b, lo, k + 1, end))
        {
            end = k;
        }
    }
    // `said the plan was late, but added that …`, `accused the firm of lying and said
    // it would sue`: a reporting verb joined to the cue with no subject of its own is the
    // speaker's next statement (found on its own), not more of this one. (PolNeAR's dev
    // gold: 4 of 2,322 contents run on past one.)
    if !starts_quote {
        if let Some(k) = (j + 1..end).find(|&k| {
            matches!(t[k].low.as_str(), "and" | "but")
                && !in_quote(b, k)
                && coordinated_report(b, lo, ci, j, k + 1, end)
        }) {
            let left = (j..k).filter(|&m| t[m].word()).count();
            if left >= 2 || (left == 1 && NP_OBJECT_SET.contains(lemma)) {
                end = k;
            }
        }
    }
    // `Dole, despite admitting that she had doubts, voted …`, `Before saying that …,
    // Dole …`: a participle phrase opened by a preposition, set off by a comma or opening
    // the sentence, ends at its comma, where the main clause goes on. (`She started by
    // emphasizing fairness, and a need …` runs on: the phrase is her predicate's.) So
    // does the question opening a sentence (`Asked whether he would support the cuts, he
    // said …`), where the answer begins.
    let opening_participle = ci > lo
        && t[ci].low.ends_with("ing")
        && GERUND_INTRO.contains(&t[ci - 1].low.as_str())
        && t[ci - 1].low != "and"
        && (ci - 1 == lo || t[ci - 2].p == ',');
    let opening_question = t[lo].is("asked") && !(lo..ci).any(|m| t[m].p == ',');
    if !starts_quote && (opening_participle || opening_question) {
        if let Some(k) = (j..end).find(|&k| t[k].p == ',' && !in_quote(b, k)) {
            end = k;
        }
    }
    // `weighed in about whether …, even as footage circulated …`: a clause of `even as`
    // after a comma sets the writer's events beside the words, no part of them.
    if !starts_quote {
        if let Some(k) = (j + 1..end.saturating_sub(2))
            .find(|&k| t[k].p == ',' && !in_quote(b, k) && t[k + 1].is("even") && t[k + 2].is("as"))
        {
            end = k;
        }
    }
    // A right double mark that closes nothing opened in the content: the cue stood inside
    // a quotation whose opening mark was not read as one; the content ends there.
    if !starts_quote {
        if let Some(k) = (j..end).find(|&k| {
            t[k].p == '\u{201d}' && !b.quotes.iter().any(|q| q.close == Some(k) && q.open >= j)
        }) {
            end = k;
        }
    }
    if !starts_quote
        && !NP_OBJECT_SET.contains(lemma)
        && (j..end).filter(|&k| t[k].word()).count() < 2
    {
        return false;
    }
    let parts = split_coordinated(&a.text, b, j, end);
    let mut content = Vec::new();
    for (s, e) in &parts {
        if let Some(c) = content_span(b, *s, *e) {
            content.push(vec![c]);
        }
    }
    if content.is_empty() {
        return false;
    }
    let kind = if starts_quote
        && end <= hi
        && content.len() == 1
        && b.quotes
            .iter()
            .any(|q| q.open == j && q.close.is_none_or(|c| c + 1 >= end))
    {
        ContentKind::Direct
    } else {
        ContentKind::Indirect
    };
    for c in content {
        push_found(
            out,
            Found {
                content: c,
                kind,
                cue: Some(Span::new(t[ci].s(), cue_end)),
                source,
                addressee,
                chain: chain.clone(),
                carried: false,
                participle,
                act: false,
                labelled: false,
                block: bi,
            },
        );
    }
    true
}

/// Where a report is published or a statement made (`on its website`, `in a statement`).
const MEDIA: &[&str] = &[
    "website",
    "site",
    "statement",
    "report",
    "broadcast",
    "blog",
    "newsletter",
    "bulletin",
    "account",
    "page",
    "feed",
    "channel",
    "post",
    "interview",
    "editorial",
    "podcast",
];

/// Whether the `that` at `k` opens a relative clause, being its subject: a verb and its
/// object follow it at once (`a hill that overlooks the bay`), where the `that` of a
/// reported clause is followed by that clause's subject (`that talks would resume`, with
/// a plural noun; `that Ted Cruz would lose`, with a name).
fn relative_that(t: &[Tok], k: usize) -> bool {
    let Some(n) = t.get(k + 1).filter(|x| x.word() && !x.cap) else {
        return false;
    };
    let w = n.low.as_str();
    (w.ends_with('s') || w.ends_with("ed"))
        && t.get(k + 2)
            .is_some_and(|x| x.word() && (x.cap || DETS_SET.contains(x.low.as_str())))
}

/// Whether the words `from..hi` (after a comma, to the unit's end) are a short trailing
/// attribution: a speaker and a finite verb of saying (`the ministry said`, `officials
/// told Reuters`) or the verb first (`said the ministry`), perhaps with a time.
fn trailing_report(b: &Block, lo: usize, from: usize, hi: usize) -> bool {
    let t = &b.toks;
    // `…, the agency reported on Friday, citing a source in the Kremlin`: the report
    // names its own source after it.
    let hi = (from..hi)
        .find(|&m| {
            t[m].p == ','
                && t.get(m + 1)
                    .is_some_and(|x| x.is("citing") || x.is("quoting"))
        })
        .unwrap_or(hi);
    let words: Vec<usize> = (from..hi).filter(|&m| t[m].word()).collect();
    if words.len() < 2 || words.len() > 11 || (from..hi).any(|m| !t[m].word() && t[m].p != '.') {
        return false;
    }
    // Not a relative clause (`, which first reported the story`) nor `, as police
    // said` (read as a clause of its own).
    if matches!(
        t[words[0]].low.as_str(),
        "which" | "who" | "whom" | "whose" | "that" | "as" | "where" | "when" | "while"
    ) {
        return false;
    }
    words.iter().enumerate().any(|(n, &v)| {
        let w = t[v].low.as_str();
        let finite = w.ends_with("ed") || matches!(w, "said" | "told" | "says" | "tells");
        let Some((lemma, _)) = cue_at(b, v, hi).filter(|_| finite && !t[v].cap) else {
            return false;
        };
        // After a speaker, the verb ends the unit but for a time, an addressee or where
        // it was said (`on its website`, `in a statement`).
        let rest = &words[n + 1..];
        let medium = rest.len() >= 2
            && matches!(t[rest[0]].low.as_str(), "on" | "in")
            && rest[1..].iter().enumerate().all(|(q, &m)| {
                let w = t[m].low.as_str();
                (q == 0 && matches!(w, "its" | "a" | "the" | "their" | "his" | "her"))
                    || MEDIA.contains(&w)
                    || time_word(w)
                    || w == "on"
            })
            && rest[1..]
                .iter()
                .any(|&m| MEDIA.contains(&t[m].low.as_str()));
        let rest_ok = n == 0
            || medium
            || rest.iter().all(|&m| {
                time_word(&t[m].low)
                    || matches!(
                        t[m].low.as_str(),
                        "on" | "morning" | "afternoon" | "evening" | "night" | "last" | "week"
                    )
                    || (lemma == "tell" && (t[m].cap || t[m].is("the")))
            });
        matches!(
            lemma,
            "say" | "tell" | "report" | "add" | "announce" | "confirm" | "state"
        ) && !not_a_cue(b, lo, v, lemma)
            && rest_ok
            && words[..n]
                .iter()
                .all(|&m| !t[m].reports() || is_noun_use_word(&t[m].low))
    })
}

/// Verbs of stance, demand or attack that, after `and`, are the speaker's next statement
/// when nothing in the words before could own them (see [`coordinated_report`]).
const COORDINATED_STANCES: &[&str] = &[
    "claim",
    "announce",
    "assert",
    "maintain",
    "contend",
    "declare",
    "emphasize",
    "reiterate",
    "warn",
    "urge",
    "call for",
    "call on",
    "criticize",
    "accuse",
    "blame",
    "encourage",
    "question",
    "complain",
    "reject",
    "dismiss",
    "praise",
    "attack",
    "demand",
];

/// Whether the words from `v` (right after `and` or `but`) are a finite verb of saying
/// with no subject of its own, so the cue's (at `cue`; its words start at `from`):
/// `added`, `also said`, `then told`, `says`.
fn coordinated_report(
    b: &Block,
    lo: usize,
    cue: usize,
    from: usize,
    mut v: usize,
    hi: usize,
) -> bool {
    let t = &b.toks;
    let and = v - 1;
    while v < hi && matches!(t[v].low.as_str(), "also" | "then" | "later" | "again") {
        v += 1;
    }
    if v >= hi || !t[v].word() || t[v].cap {
        return false;
    }
    let Some((lemma, _)) = cue_at(b, v, hi) else {
        return false;
    };
    // A verb of stance or demand (`… and called for new tariffs`, `… and warned that …`)
    // is as often the reported clause's own: it is the speaker's only in the cue's tense
    // (`said … a plan that helps workers and demands …` is the clause's) and with no
    // subordinate clause before it that could own it (`after she attacked the police and
    // blamed …`).
    if COORDINATED_STANCES.contains(&lemma) {
        let present = |w: &str| w.ends_with('s') && !w.ends_with("ss");
        let subordinate =
            (from..and).any(|m| t[m].word() && SUBORDINATORS.contains(&t[m].low.as_str()));
        return present(&t[v].low) == present(&t[cue].low)
            && !subordinate
            && !not_a_cue(b, lo, v, lemma)
            // A finite form: not `would … and warn` nor `warning`.
            && Some(t[v].low.as_str()) != lemma.split(' ').next()
            && !t[v].low.ends_with("ing");
    }
    // Verbs that report a clause, found on their own after `and`; not `refused to …`,
    // `called for …`, `warned X to …` unless as above, whose phrases are as often the
    // reported clause's own (`say he posed a threat and refused to drop the gun`).
    if !matches!(
        lemma,
        "say"
            | "add"
            | "tell"
            | "note"
            | "stress"
            | "explain"
            | "insist"
            | "argue"
            | "acknowledge"
            | "admit"
            | "concede"
            | "predict"
            | "suggest"
            | "vow"
            | "pledge"
            | "promise"
            | "deny"
    ) || not_a_cue(b, lo, v, lemma)
    {
        return false;
    }
    // A finite form (`said`, `adds`), not `would … and say` nor `saying`.
    let w = t[v].low.as_str();
    if w == lemma || w.ends_with("ing") || t[v - 1].is("to") {
        return false;
    }
    // `located her and told her to leave`: an order, as often the reported clause's.
    let object = t
        .get(v + 1)
        .is_some_and(|x| matches!(x.low.as_str(), "him" | "her" | "them" | "me" | "us" | "you"));
    !(object && t.get(v + 2).is_some_and(|x| x.is("to")))
}

/// A subject pronoun at `p` whose next word, before `e`, is a verb of saying (`he urged`).
fn pronoun_reports_at(t: &[Tok], p: usize, e: usize) -> bool {
    subject_pronoun(&t[p]) && p + 1 < e && t[p + 1].reports() && !t[p + 1].cap
}

/// Splits indirect content at `and that` and at `, and` before a new clause.
fn split_coordinated(text: &str, b: &Block, s: usize, e: usize) -> Vec<(usize, usize)> {
    let t = &b.toks;
    let mut parts = Vec::new();
    let mut start = s;
    let mut k = s + 1;
    while k + 1 < e {
        if in_quote(b, k) {
            k += 1;
            continue;
        }
        // "and that he …" starts a second clause; "and that location is …" does not.
        let and_that = t[k].is("and")
            && t[k + 1].is("that")
            && !t.get(k + 3).is_some_and(|x| {
                matches!(
                    x.low.as_str(),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                )
            });
        let comma_and = t[k].p == ',' && t[k + 1].is("and") && k + 2 < e && {
            let n = &t[k + 2];
            matches!(
                n.low.as_str(),
                "he" | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "this"
                    | "these"
                    | "those"
            ) || (k + 4 < e
                && (k + 3..(k + 6).min(e)).any(|m| {
                    matches!(
                        t[m].low.as_str(),
                        "was"
                            | "were"
                            | "is"
                            | "are"
                            | "has"
                            | "had"
                            | "have"
                            | "will"
                            | "would"
                            | "can"
                            | "could"
                    )
                }))
        };
        // `… failed and he urged …`: without the comma too, a pronoun's own verb of
        // saying after `and` opens the writer's clause.
        if t[k].is("and") && pronoun_reports_at(t, k + 1, e) {
            parts.push((start, k));
            start = e;
            break;
        }
        if and_that {
            parts.push((start, k));
            start = k + 2;
            k += 2;
            continue;
        }
        if comma_and {
            parts.push((start, k));
            // `…, and the mayor agreed with him`, `…, and he predicted more cuts`: the
            // writer's clause, no second part (the pronoun's own verb of saying reports).
            let from = t[start].s();
            if pronoun_reports_at(t, k + 2, e)
                || agreeing_clause(&text[from..t[e - 1].e()]) == Some(t[k].s() - from)
            {
                start = e;
                break;
            }
            start = k + 2;
            k += 2;
            continue;
        }
        k += 1;
    }
    parts.push((start, e));
    parts.retain(|(a, z)| z > a && (*a..*z).any(|m| t[m].word()));
    parts
}

/// `Erdogan: Turkey will …` in the headline: a short name before a colon, when the body
/// names it too.
fn headline_form(a: &Article, b: &Block, bi: usize, out: &mut Vec<Found>) {
    let t = &b.toks;
    let Some(colon) = t.iter().position(|x| x.p == ':') else {
        return;
    };
    if colon == 0
        || colon > 4
        || !(0..colon).all(|k| t[k].word() && (t[k].cap || CONNECTOR.contains(&t[k].low.as_str())))
    {
        return;
    }
    let name = span_of(b, (0, colon));
    let body_start = a.paragraphs.first().map_or(a.text.len(), |p| p.start);
    let name_text = name.slice(&a.text);
    let last = t[colon - 1].low.as_str();
    // Every word of the name stands in the body (`Pence` for `PENCE:`, `poll` for
    // `Poll:`, `black lawmakers` for `Black Lawmakers:`): a title of a few words whose
    // last word the body merely uses (`Stealth Over Health:`, `health`) is no speaker.
    let body_words: rustc_hash::FxHashSet<String> = a.text[body_start..]
        .lowercased()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let named_in_body = a.text[body_start..].contains(name_text)
        || (body_words.contains(last)
            && (0..colon)
                .filter(|&k| !CONNECTOR.contains(&t[k].low.as_str()))
                .all(|k| body_words.contains(t[k].low.as_str())));
    if !named_in_body {
        return;
    }
    let Some(content) = content_span(b, colon + 1, t.len()) else {
        return;
    };
    out.push(Found::new(
        vec![content],
        ContentKind::Headline,
        None,
        Some(name),
        bi,
    ));
}

/// A headline that is a subject's act (`Senate Panel Rejects Port Plan`, `Farmers urge
/// delay on water rules`): a short subject the body names too, then its verb, a present
/// form in `-s` (or a plural subject's bare verb); the rest is the content. `Low`
/// confidence, like [`clause_verb`].
fn headline_act(a: &Article, b: &Block, bi: usize, out: &mut Vec<Found>) {
    let t = &b.toks;
    let n = t.len().min(8);
    let verb_like = |k: usize| {
        let w = t[k].low.as_str();
        t[k].word()
            && w.len() > 2
            && w.chars().all(|c| c.is_alphabetic())
            && !DETS.contains(&w)
            && !PREPS.contains(&w)
            && !STOPS.contains(&w)
            && !CONNECTOR.contains(&w)
            && !BE.contains(&w)
            && !matches!(w, "has" | "have" | "had" | "will" | "would" | "not" | "new")
    };
    // The subject: one to four words opening the headline, written so in the body too
    // (`Farmers Union` rather than `Farmers` before a verb `Union`); the verb right after
    // (adverbs such as `still`, `again` between).
    let body_start = a.paragraphs.first().map_or(a.text.len(), |p| p.start);
    let body = a.text[body_start..].lowercased();
    let subject_word = |m: usize| {
        let x = t[m].low.as_str();
        t[m].word()
            && !STOPS.contains(&x)
            && (!PREPS.contains(&x) || x == "of")
            && (m == 0 || !DETS.contains(&x))
            && x.chars().all(|c| c.is_alphabetic() || c == '.')
    };
    // In a headline written in sentence case (`Harbor Foods profit falls`), a capital
    // inside it starts a name, not a verb.
    let sentence_case = t[1..n]
        .iter()
        .any(|x| x.word() && !x.cap && x.low.len() > 3 && !STOPS.contains(&x.low.as_str()));
    let Some((v, se)) = (1..n)
        .filter_map(|k| {
            if !verb_like(k) || (sentence_case && t[k].cap) {
                return None;
            }
            let w = t[k].low.as_str();
            let prev = t[k - 1].low.as_str();
            // `Senate hopefuls`, `GOP strategists`, `Democratic politicians`: plurals of
            // nouns of people (`insists`, `exists`, `lists` are verbs).
            let people = w.ends_with("fuls")
                || w.ends_with("ians")
                || (w.ends_with("ists")
                    && !w.ends_with("sists")
                    && !w.ends_with("xists")
                    && !matches!(w, "lists" | "enlists" | "twists"));
            let third = w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && w.len() > 3
                && !people;
            // `Lawmakers Urge …`: a plural noun before a bare verb (not before a noun that
            // a verb in `-s` follows: `Harbor Foods profit falls`).
            let plural_subject = prev.len() > 3
                && prev.ends_with('s')
                && !prev.ends_with("ss")
                && !w.ends_with('s')
                && !t.get(k + 1).is_some_and(|x| {
                    x.word()
                        && !x.cap
                        && x.low.len() > 3
                        && x.low.ends_with('s')
                        && !x.low.ends_with("ss")
                        && !x.low.ends_with("us")
                });
            if !(third || plural_subject) {
                return None;
            }
            let mut se = k;
            while se > 1 && AUX.contains(&t[se - 1].low.as_str()) {
                se -= 1;
            }
            if se > 4 || !(0..se).all(subject_word) {
                return None;
            }
            let phrase = span_of(b, (0, se)).slice(&a.text).lowercased();
            let in_body = body.match_indices(phrase.as_str()).any(|(at, _)| {
                !body[..at].ends_with(|c: char| c.is_alphanumeric())
                    && !body[at + phrase.len()..].starts_with(|c: char| c.is_alphanumeric())
            });
            in_body.then_some((k, se))
        })
        .last()
    else {
        return;
    };
    if v + 2 >= t.len() || PREPS.contains(&t[0].low.as_str()) {
        return;
    }
    let mut c = v + 1;
    // A particle of the verb: `Sums Up`, `Goes After`.
    if c < t.len() && matches!(t[c].low.as_str(), "up" | "after" | "down" | "out" | "off") {
        c += 1;
    }
    if (c..t.len()).filter(|&k| t[k].word()).count() < 2 {
        return;
    }
    let Some(content) = content_span(b, c, t.len()) else {
        return;
    };
    out.push(Found {
        carried: true,
        act: true,
        ..Found::new(
            vec![content],
            ContentKind::Indirect,
            Some(Span::new(t[v].s(), t[c - 1].e())),
            Some(span_of(b, (0, se))),
            bi,
        )
    });
}

/// Labels in capitals before a colon that open a paragraph without naming a speaker
/// (`UPDATE: …`, `EDITOR'S NOTE: …`, `WATCH: …`).
const NOT_A_SPEAKER_LABEL: &[&str] = &[
    "update",
    "updated",
    "updates",
    "note",
    "editor",
    "editors",
    "correction",
    "corrections",
    "clarification",
    "breaking",
    "watch",
    "read",
    "related",
    "more",
    "also",
    "see",
    "video",
    "videos",
    "photo",
    "photos",
    "source",
    "sources",
    "exclusive",
    "analysis",
    "opinion",
    "disclaimer",
    "disclosure",
    "transcript",
    "earlier",
    "later",
    "previously",
    "warning",
    "listen",
    "advertisement",
    "live",
    "latest",
    "reporting",
    "contact",
    "email",
    "follow",
    "subscribe",
    "sign",
    "credit",
    "credits",
    "caption",
    "tags",
    "topics",
    "recommended",
];

/// The speaker label opening a transcript turn (`SMITH:`, `"SEN. ANN DOLE:`): the
/// tokens from the label's first word to its colon, when the paragraph opens with
/// one to four words in capitals (after an optional quotation mark) and a colon.
fn turn_label(b: &Block) -> Option<(usize, usize)> {
    let t = &b.toks;
    // Some transcripts open every turn with a quotation mark (`"SMITH: …`).
    let first = usize::from(t.first().is_some_and(|x| is_quote_char(x.p)));
    let colon = t.iter().take(5 + first).position(|x| x.p == ':')?;
    let named = colon > first
        && colon + 1 < t.len()
        && (first..colon).all(|k| {
            (t[k].word() && b.upper[k])
                // `SEN.`, `O'BRIEN`, `SMITH-JONES`: a title's period, an apostrophe or a
                // hyphen inside the name, never first.
                || (k > first && matches!(t[k].p, '.' | '\'' | '\u{2019}' | '-'))
        })
        && t[first..colon].iter().map(|x| x.low.len()).sum::<usize>() >= 2
        && !(first..colon).any(|k| NOT_A_SPEAKER_LABEL.contains(&t[k].low.as_str()));
    named.then_some((first, colon))
}

/// A transcript turn: a paragraph opening with a name in capitals and a colon (`SMITH:
/// Well, look, …`) is that speaker's words. The label names the speaker as plainly as a
/// cue would, so the turn is not weak evidence for want of a reporting verb.
fn transcript_turn(b: &Block, bi: usize, out: &mut Vec<Found>) {
    let t = &b.toks;
    let Some((first, colon)) = turn_label(b) else {
        return;
    };
    let Some(content) = content_span(b, colon + 1, t.len()) else {
        return;
    };
    // Already read when a content found opens the turn (its quotation); a statement
    // reported inside the turn (`And Trump's tweet was mocking the fact that …`) is
    // the speaker's words, and the turn still stands.
    let opening = t[(colon + 3).min(t.len() - 1)].s();
    if out.iter().any(|f| {
        f.content.iter().any(|c| {
            c.start < content.end
                && content.start < c.end
                && c.len() * 2 > content.len()
                && c.start <= opening
        })
    }) {
        return;
    }
    out.push(Found {
        labelled: true,
        ..Found::new(
            vec![content],
            ContentKind::Indirect,
            None,
            Some(span_of(b, (first, colon))),
            bi,
        )
    });
}

const CONNECTOR: &[&str] = &["of", "and", "the", "de", "al", "bin", "von", "van"];

/// `Reed's campaign manager, Lisa Chen, put it bluntly: "…"`: the name set off by commas
/// after a description (a lowercase last word) is the subject it describes.
fn named_in_apposition(b: &Block, r: (usize, usize), hi: usize) -> Option<(usize, usize)> {
    let t = &b.toks;
    if t[r.1 - 1].cap || r.1 + 1 >= hi || t[r.1].p != ',' {
        return None;
    }
    np_right(b, r.1 + 1, hi).filter(|n| {
        t[n.0].cap && t[n.1 - 1].cap && n.1 - n.0 <= 4 && t.get(n.1).is_some_and(|c| c.p == ',')
    })
}

/// The first word after the first of `r` that is an irregular past-tense verb (`Lind took
/// the mayor through …`), where the subject of a sentence ends; not a past form that is as
/// often a noun or an adjective (`the tax cut`, `a direct hit`, [`adjective_past`]) unless
/// a name comes before it and an object after (`Lisa Chen put it bluntly`).
fn past_verb_in(b: &Block, r: (usize, usize)) -> Option<usize> {
    let t = &b.toks;
    (r.0 + 1..r.1).find(|&k| {
        let tk = &t[k];
        let object_next = t.get(k + 1).is_some_and(|n| {
            n.word() && (DETS_SET.contains(n.low.as_str()) || matches!(n.low.as_str(), "it"))
        });
        tk.word()
            && !tk.cap
            && IRREGULAR_PAST_SET.contains(tk.low.as_str())
            && (!adjective_past(&tk.low) || (t[k - 1].cap && object_next))
            && tk.low != "thought"
    })
}

/// The block (headline or paragraph) holding `offset`; blocks are in text order.
fn block_of(blocks: &[Block], offset: usize) -> usize {
    blocks
        .partition_point(|b| b.span.start <= offset)
        .saturating_sub(1)
}

/// Quotations introduced outside their own sentence: a paragraph ending in `Trump said:`
/// before a paragraph that opens with a quotation, and a quotation signed after a dash
/// (`"…" ― Ana, 31, Lisbon`).
fn introduced_quotes(blocks: &[Block], found: &mut Vec<Found>) {
    // Content spans by block: a quotation is compared with its own paragraph's only.
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); blocks.len()];
    for f in found.iter().filter(|f| !f.act) {
        for c in &f.content {
            spans[block_of(blocks, c.start)].push(*c);
        }
    }
    let covered = |spans: &Vec<Vec<Span>>, span: Span| {
        spans[block_of(blocks, span.start)]
            .iter()
            .any(|c| c.start < span.end && span.start < c.end)
    };
    let mut synced = found.len();
    for (bi, b) in blocks.iter().enumerate() {
        for q in &b.quotes {
            let Some(inner) = trim_inner(b, q.inner) else {
                continue;
            };
            for f in found[synced..].iter().filter(|f| !f.act) {
                for c in &f.content {
                    spans[block_of(blocks, c.start)].push(*c);
                }
            }
            synced = found.len();
            if covered(&spans, inner) {
                continue;
            }
            // Signed after a dash.
            if let Some(c) = q.close {
                let t = &b.toks;
                if t.get(c + 1).is_some_and(|d| is_dash(d.p)) && t.get(c + 2).is_some_and(|n| n.cap)
                {
                    if let Some(r) = np_right(b, c + 2, t.len()) {
                        found.push(Found {
                            labelled: true,
                            ..Found::uncued_quote(inner, span_of(b, r), bi)
                        });
                        continue;
                    }
                }
            }
            // Inside a sentence with no cue for it (`X likened the rules to "a locked
            // door"`, `X Speaks 'Plainly To Farmers'`): the sentence's
            // subject said it.
            if q.open > 0 && q.close.is_some() {
                let unit = b
                    .units
                    .iter()
                    .find(|&&(lo, hi)| lo <= q.open && q.open < hi)
                    .copied();
                if let Some((lo, _)) = unit {
                    let lo = skip_dateline(b, lo, q.open);
                    // `Said Ellis: "…"`: the verb before its subject, the cue.
                    let t = &b.toks;
                    if t[lo].word()
                        && t[lo].cap
                        && t[lo].reports()
                        && t.get(lo + 1).is_some_and(|x| x.word() && x.cap)
                    {
                        if let Some(r) = np_right(b, lo + 1, q.open).filter(|r| r.1 < q.open) {
                            found.push(Found::new(
                                vec![inner],
                                ContentKind::Direct,
                                Some(span_of(b, (lo, lo + 1))),
                                Some(span_of(b, r)),
                                bi,
                            ));
                            continue;
                        }
                    }
                    let subject = if ing_form(&b.toks[lo].low) {
                        // A participle opening the sentence (`Bemoaning the "broken
                        // ferry plan," Holm accused …`): the subject after its phrase, a
                        // name right after the quotation.
                        let after = (q.close.unwrap_or(q.open) + 1..b.toks.len())
                            .find(|&k| b.toks[k].word());
                        after
                            .filter(|&k| {
                                (q.close.unwrap_or(q.open) + 1..k).all(|m| b.toks[m].p == ',')
                            })
                            .and_then(|k| np_right(b, k, b.toks.len()))
                            .filter(|r| b.toks[r.0].cap && b.toks[r.1 - 1].cap && r.1 - r.0 <= 4)
                    } else if (lo..q.open - 1).any(|k| t[k].p == ':') {
                        // `Veto Power Impedes Peace: Ending "the scourge of war" is …`:
                        // a label before a colon is no subject of the words after it
                        // (`Dole Hits Back: "…"` may be its speaker).
                        None
                    } else {
                        np_right(b, lo, q.open)
                            .map(|r| named_in_apposition(b, r, q.open).unwrap_or(r))
                            .map(|r| (r.0, past_verb_in(b, r).unwrap_or(r.1)))
                            .filter(|r| {
                                let w = &b.toks[r.0];
                                (w.cap || DETS_SET.contains(w.low.as_str()))
                                    && !PREPS_SET.contains(w.low.as_str())
                                    && r.1 - r.0 <= 6
                                    && r.1 < q.open
                                    // `All this has led …`: these words alone name
                                    // no one (`Some called it "…"` does).
                                    && !(r.1 - r.0 == 1
                                        && matches!(
                                            w.low.as_str(),
                                            "all" | "this" | "that" | "these" | "those"
                                                | "such" | "any" | "no"
                                        ))
                            })
                    };
                    if let Some(r) = subject {
                        found.push(Found {
                            carried: true,
                            ..Found::uncued_quote(inner, span_of(b, r), bi)
                        });
                        continue;
                    }
                }
            }
            // Introduced by the previous paragraph's closing colon.
            if q.open != 0 || bi == 0 {
                continue;
            }
            let pb = &blocks[bi - 1];
            let t = &pb.toks;
            if t.last().is_none_or(|x| x.p != ':') {
                continue;
            }
            let lo = pb.units.last().map_or(0, |u| u.0);
            let Some(ci) = (lo..t.len())
                .rev()
                .find(|&k| t[k].word() && !in_quote(pb, k) && t[k].reports())
            else {
                continue;
            };
            let Some(src) = np_left(pb, lo, subject_end(pb, lo, ci)) else {
                continue;
            };
            let mut content = vec![inner];
            let mut k = bi + 1;
            let mut open_end = q.close.is_none();
            while open_end && k < blocks.len() {
                let nb = &blocks[k];
                let Some(nq) = nb.quotes.first() else { break };
                if nq.open != 0 {
                    break;
                }
                if let Some(s) = trim_inner(nb, nq.inner) {
                    content.push(s);
                }
                open_end = nq.close.is_none();
                k += 1;
            }
            found.push(Found {
                content,
                kind: ContentKind::Direct,
                cue: Some(Span::new(t[ci].s(), t[ci].e())),
                source: Some(span_of(pb, src)),
                addressee: None,
                chain: Vec::new(),
                carried: false,
                participle: false,
                act: false,
                labelled: false,
                block: bi,
            });
        }
    }
}

/// A paragraph without quotation marks after one ending in `Berg added:`: the speaker's
/// words, set off as a block quotation (one paragraph: nothing marks where it ends).
fn introduced_paragraphs(blocks: &[Block], found: &mut Vec<Found>) {
    for bi in 1..blocks.len() {
        let (pb, b) = (&blocks[bi - 1], &blocks[bi]);
        let t = &pb.toks;
        if pb.headline || b.headline || t.last().is_none_or(|x| x.p != ':') {
            continue;
        }
        if b.toks.first().is_none_or(|x| !x.word()) || !b.quotes.is_empty() {
            continue;
        }
        let lo = pb.units.last().map_or(0, |u| u.0);
        // The cue closes the paragraph: `Berg added:`, `He said in a statement:`.
        let Some(ci) = (lo..t.len()).rev().take(8).find(|&k| {
            t[k].word() && !in_quote(pb, k) && lexicon::reporting_lemma(&t[k].low).is_some()
        }) else {
            continue;
        };
        let Some(src) = np_left(pb, lo, subject_end(pb, lo, ci)) else {
            continue;
        };
        let Some(content) = content_span(b, 0, b.toks.len()) else {
            continue;
        };
        if found.iter().any(|f| {
            f.content.iter().any(|c| {
                c.start < content.end && content.start < c.end && c.len() * 2 > content.len()
            })
        }) {
            continue;
        }
        found.push(Found::new(
            vec![content],
            ContentKind::Indirect,
            Some(Span::new(t[ci].s(), t[ci].e())),
            Some(span_of(pb, src)),
            bi,
        ));
    }
}

/// Quotations no cue claimed: a quote that is its paragraph's (or sentence's) main words
/// continues the previous speaker; an unclosed quotation continues into the next
/// paragraph when that one opens with a quotation mark.
fn carry_quotes(blocks: &[Block], found: &mut Vec<Found>) {
    introduced_quotes(blocks, found);
    introduced_paragraphs(blocks, found);
    // Multi-paragraph quotations first.
    for f in found.iter_mut() {
        let bi = f.block;
        let Some(last) = f.content.last().copied() else {
            continue;
        };
        let b = &blocks[bi];
        let open = b
            .quotes
            .iter()
            .find(|q| q.close.is_none() && q.inner.start <= last.start && last.end <= b.span.end);
        if open.is_none() || last.end + 4 < b.span.end {
            continue;
        }
        f.content
            .extend(continued_quote(blocks, bi + 1).map(|(_, s)| s));
    }
    // Content spans by block: a quotation is compared with its own paragraph's only.
    let mut covered: Vec<Vec<Span>> = vec![Vec::new(); blocks.len()];
    for f in found.iter() {
        for c in &f.content {
            covered[block_of(blocks, c.start)].push(*c);
        }
    }
    let mut extra = Vec::new();
    let mut extend: Vec<(usize, Span)> = Vec::new();
    let mut by_block: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
    for (i, f) in found.iter().enumerate() {
        by_block[f.block].push(i);
    }
    for (bi, b) in blocks.iter().enumerate() {
        if b.headline {
            continue;
        }
        for q in &b.quotes {
            let words = b.toks[q.open..q.close.unwrap_or(b.toks.len())]
                .iter()
                .filter(|t| t.word())
                .count();
            if covered[bi]
                .iter()
                .any(|c| c.start < q.inner.end && q.inner.start < c.end)
            {
                continue;
            }
            // The quotation must stand as a sentence of its own: it starts a unit.
            let starts_unit = b
                .units
                .iter()
                .any(|&(lo, _)| lo == q.open || (lo + 1 == q.open && !b.toks[lo].word()));
            if !starts_unit {
                continue;
            }
            let Some(inner) = trim_inner(b, q.inner) else {
                continue;
            };
            // The previous speaker: the last attribution in this or the two previous blocks.
            let prev = by_block[bi.saturating_sub(2)..=bi]
                .iter()
                .flatten()
                .map(|&k| (k, &found[k]))
                .filter(|(_, f)| {
                    f.block + 2 >= bi
                        && f.block <= bi
                        && f.content[0].start < inner.start
                        && f.source.is_some()
                })
                .max_by_key(|(_, f)| {
                    // A direct quotation of the same paragraph first: a split quotation
                    // continues it even when an indirect one came between.
                    (
                        f.block == bi && f.kind == ContentKind::Direct,
                        f.content[0].start,
                    )
                });
            let Some((pi, p)) = prev else { continue };
            // `"…," she said, clapping. "…"`: the second part of the same quotation.
            let unit_before = b.units.iter().rev().find(|&&(lo, _)| lo < q.open).copied();
            let continues = p.block == bi
                && p.kind == ContentKind::Direct
                && unit_before.is_some_and(|(lo, hi)| {
                    let first = b.toks.partition_point(|t| t.s() < p.content[0].start);
                    first >= lo && first < hi
                });
            if continues {
                covered[bi].push(inner);
                extend.push((pi, inner));
                // `"…," she said. "… ¶ "…"`: the second part left open goes on into the
                // next paragraphs, as a first part would.
                if q.close.is_none() {
                    for (k, s) in continued_quote(blocks, bi + 1) {
                        extend.push((pi, s));
                        covered[k].push(s);
                    }
                }
                continue;
            }
            if words < 5 {
                continue;
            }
            let mut content = vec![inner];
            // An unclosed quotation continues into the next paragraphs.
            if q.close.is_none() {
                for (k, s) in continued_quote(blocks, bi + 1) {
                    content.push(s);
                    covered[k].push(s);
                }
            }
            covered[bi].push(inner);
            extra.push(Found {
                content,
                kind: ContentKind::Direct,
                cue: None,
                source: p.source,
                addressee: None,
                chain: p.chain.clone(),
                carried: true,
                participle: false,
                act: false,
                labelled: false,
                block: bi,
            });
        }
    }
    for (idx, part) in extend {
        found[idx].content.push(part);
    }
    found.extend(extra);
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Person,
    Group,
    Unknown,
}

fn class_of(text: &str) -> Class {
    // `Professor Anna Lindqvist of the Karolinska Institute`, `the head of the IMF`, `A
    // spokesperson for the agency`: the phrase before the preposition is the head, and
    // one person there is the speaker, whatever body follows.
    if let Some(at) = [" of ", " for ", " at ", " with "]
        .iter()
        .filter_map(|p| text.find(p))
        .min()
    {
        let head = &text[..at];
        // Not people in the plural (`Officials at the ministry` may be `they`).
        let last = head.split_whitespace().last().unwrap_or("").lowercased();
        if !plural_of_people(&last) && class_of(head) == Class::Person {
            return Class::Person;
        }
    }
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.lowercased())
        .collect();
    let Some(head) = words.last() else {
        return Class::Unknown;
    };
    // `Council member Jim Novak`, `Labour Party leader Ann Dole`: a role in lowercase and
    // then a name, whatever body the role is in.
    let written: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let role_then_name = (0..written.len().saturating_sub(1)).any(|i| {
        written[i].starts_with(char::is_lowercase)
            && PERSON_NOUNS_SET.contains(words[i].as_str())
            && written[i + 1..]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase))
    });
    // `Police Chief Karen Whitby`, `Foreign Minister Ann Dole`: a title, then a name
    // (words that name no body: not `Chief Election Commission`).
    let title_then_name = (0..written.len().saturating_sub(1)).any(|i| {
        PERSON_NOUNS_SET.contains(words[i].as_str())
            && written[i + 1..]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase))
            && words[i + 1..].iter().all(|w| {
                !ORG_NOUNS_SET.contains(w.as_str())
                    && !PERSON_NOUNS_SET.contains(w.as_str())
                    && !lexicon::OUTLET_WORDS.contains(&w.as_str())
            })
    });
    if role_then_name || title_then_name {
        return Class::Person;
    }
    if words
        .iter()
        .any(|w| ORG_NOUNS_SET.contains(w.as_str()) || lexicon::OUTLET_WORDS.contains(&w.as_str()))
        && !PERSON_NOUNS_SET.contains(head.as_str())
    {
        return Class::Group;
    }
    if matches!(head.as_str(), "he" | "she" | "him" | "her")
        || PERSON_NOUNS_SET.contains(head.as_str())
    {
        return Class::Person;
    }
    if matches!(head.as_str(), "they" | "it" | "we") {
        return Class::Group;
    }
    let caps = text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if caps >= 2 && words.len() <= 4 && !text.chars().all(|c| !c.is_lowercase()) {
        return Class::Person;
    }
    if text
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
    {
        return Class::Group; // an acronym
    }
    Class::Unknown
}

/// A lowercased noun phrase up to a preposition of place (`two sources` of `two sources in
/// the prosecutor's office`): the words that say who it is, not where.
fn before_place(phrase: &str) -> &str {
    let mut at = 0;
    for w in phrase.split(' ') {
        if at > 0
            && matches!(
                w,
                "in" | "at" | "from" | "with" | "on" | "inside" | "within" | "near"
            )
        {
            return phrase[..at].trim_end();
        }
        at += w.len() + 1;
    }
    phrase
}

/// Whether a personal pronoun is feminine (`she`, `her`: `Some(true)`) or masculine
/// (`he`, `him`, `his`); `None` for any other word.
fn pronoun_gender(text: &str) -> Option<bool> {
    match text.lowercased().as_str() {
        "she" | "her" => Some(true),
        "he" | "him" | "his" => Some(false),
        _ => None,
    }
}

/// The gender a title gives a name (`Mr. Obama`, `Ms. Clinton`, `Mrs. May`): `Some(true)`
/// for a woman. Pronouns resolved earlier are no evidence: one wrong resolution would
/// then bar the right one.
fn titled_gender(name: &str) -> Option<bool> {
    let first = name
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::lowercased)?;
    match first.as_str() {
        "mr" | "mister" | "sir" => Some(false),
        "mrs" | "ms" | "miss" | "madam" | "dame" => Some(true),
        _ => None,
    }
}

/// Nouns of a person that tell a woman (`the spokeswoman`, `his wife`) or a man.
const WOMAN_NOUNS: &[&str] = &[
    "woman",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "councilwoman",
    "wife",
    "mother",
    "daughter",
    "sister",
    "grandmother",
    "widow",
    "actress",
    "queen",
    "princess",
    "lady",
    "girl",
    "niece",
    "aunt",
    "mom",
    "girlfriend",
];
const MAN_NOUNS: &[&str] = &[
    "man",
    "spokesman",
    "congressman",
    "businessman",
    "councilman",
    "husband",
    "father",
    "son",
    "brother",
    "grandfather",
    "widower",
    "king",
    "prince",
    "boy",
    "nephew",
    "uncle",
    "dad",
    "boyfriend",
];

/// A word as [`WOMAN_NOUNS`] and [`MAN_NOUNS`] list it: lowercase, without punctuation
/// at its edges or an `ex-` or `step` (`ex-wife`, `stepfather`).
fn kin_noun(word: &str) -> String {
    let low = word.lowercased();
    let low = low.trim_matches(|c: char| !c.is_alphanumeric());
    let low = low.strip_prefix("ex-").unwrap_or(low);
    low.strip_prefix("step").unwrap_or(low).to_string()
}

/// The gender a mention gives the person it names (`Some(true)` for a woman): from a
/// title (`Mr. Obama`), a noun of a person (`the spokeswoman`, `the wife of a man shot`),
/// or a given name before the surname (`Massachusetts Sen. Elizabeth Warren`, `Warren E.
/// Buffett`). Only the head counts: not what follows a comma or `of`; a possessive
/// (`Gary Johnson's doctor`, `the widow's lawyer`) is no given name nor noun of a person,
/// so what it owns is what tells. `None` when nothing tells.
fn mention_gender(mention: &str) -> Option<bool> {
    let head = mention.split(',').next().unwrap_or("");
    let mut words: Vec<&str> = head.split_whitespace().collect();
    if let Some(k) = words.iter().position(|w| {
        matches!(
            w.lowercased().as_str(),
            "of" | "for" | "at" | "from" | "with" | "who" | "whose" | "that" | "in" | "on"
        )
    }) {
        words.truncate(k);
    }
    if let Some(g) = words.first().and_then(|w| titled_gender(w)) {
        return Some(g);
    }
    for w in &words {
        let low = kin_noun(w);
        let low = low.as_str();
        if WOMAN_NOUNS.contains(&low) {
            return Some(true);
        }
        if MAN_NOUNS.contains(&low) {
            return Some(false);
        }
    }
    // The name at the end: a run of capitalized words; its given name is the last word
    // of the run before the surname that the list knows (`Charlotte Mayor Jennifer
    // Roberts`: Jennifer).
    let run = words
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    let run = &words[words.len() - run..];
    run.iter()
        .rev()
        .skip(1)
        .find_map(|w| lexicon::given_name_gender(w.trim_end_matches(['.', ','])))
}

/// The gender of the person a mention at `span` names: [`mention_gender`], or for a
/// surname alone (`Lynch`, `President Obama`, `Sen. Warren`) the gender of the fuller
/// mentions of it in the 20 KB before (`Loretta E. Lynch`, `Mr. Obama`) when they agree
/// (`Hillary Clinton` and `Bill Clinton` tell nothing of `Clinton`).
fn speaker_gender(a: &Article, span: Span) -> Option<bool> {
    let text = span.slice(&a.text);
    if let Some(g) = mention_gender(text) {
        return Some(g);
    }
    let head = text.split(',').next().unwrap_or("");
    let surname = head.split_whitespace().last()?;
    if !surname.starts_with(char::is_uppercase)
        || surname.ends_with("'s")
        || surname.ends_with('\u{2019}')
        || surname.ends_with("\u{2019}s")
    {
        return None;
    }
    let mut from = span.start.saturating_sub(20_000);
    while !a.text.is_char_boundary(from) {
        from -= 1;
    }
    let before = &a.text[from..span.end];
    let mut found = None;
    for at in match_starts(before, surname) {
        if before[at + surname.len()..].starts_with(char::is_alphanumeric)
            || before[..at].ends_with(char::is_alphanumeric)
        {
            continue;
        }
        let mut words = before[..at].split_whitespace().rev();
        let mut given = words.next();
        // `Loretta E. Lynch`: past a middle initial.
        if given.is_some_and(|w| w.len() == 2 && w.ends_with('.')) {
            given = words.next();
        }
        let Some(g) = given.and_then(|w| {
            titled_gender(w).or_else(|| lexicon::given_name_gender(w.trim_end_matches(',')))
        }) else {
            continue;
        };
        if found.is_some_and(|f| f != g) {
            return None;
        }
        found = Some(g);
    }
    found
}

/// A speaker that `he` or `she` cannot be, whatever the analysis took it for: a phrase
/// in lowercase (`all`), one opening with a preposition or a determiner and no name
/// (`On Wednesday`, `The choice`), or a capitalized noun of something (`Video of the
/// incident`).
fn no_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = words.first() else {
        return true;
    };
    let low = first.lowercased();
    let low = low.trim_matches(|c: char| !c.is_alphanumeric());
    if first.starts_with(char::is_lowercase) && !person_noun(low) && !DETS_SET.contains(low) {
        return true;
    }
    if PREPS_SET.contains(low) {
        return true;
    }
    let named = |ws: &[&str]| ws.iter().any(|w| w.starts_with(char::is_uppercase));
    if DETS_SET.contains(low) {
        let head: Vec<&str> = words[1..]
            .iter()
            .copied()
            .take_while(|w| !matches!(*w, "of" | "for" | "at" | "in"))
            .collect();
        return !named(&head)
            && !head.iter().any(|w| {
                let kin = kin_noun(w);
                person_noun(&kin)
                    || WOMAN_NOUNS.contains(&kin.as_str())
                    || MAN_NOUNS.contains(&kin.as_str())
            });
    }
    words.len() > 2
        && words[1] == "of"
        && DETS_SET.contains(words[2].lowercased().as_str())
        && !person_noun(low)
}

/// Whether the mention at `span` names a person of the other gender than the pronoun
/// `pronoun` (`she` is not `Warren E. Buffett`).
fn other_gender(a: &Article, pronoun: &str, span: Span) -> bool {
    pronoun_gender(pronoun).is_some_and(|f| speaker_gender(a, span).is_some_and(|g| g != f))
}

/// A description of people in the plural (`The researchers`, `Two officials`): its last
/// word a plural of a noun of people, in lowercase.
fn plural_person_noun(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    last.starts_with(char::is_lowercase) && plural_of_people(last)
}

/// A description whose head, its last word in lowercase, is a plural (`Twenty-seven
/// states`, `industry groups`, `the police`), not `the United States` or `the press`.
fn plural_description(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    last.starts_with(char::is_lowercase)
        && (BARE_PLURALS.contains(&last)
            || (last.len() > 3
                && last.ends_with('s')
                && !["ss", "us", "is", "'s", "\u{2019}s"]
                    .iter()
                    .any(|end| last.ends_with(end))))
}

/// A word in the plural of a noun of people (`officials`, not `official's`).
fn plural_of_people(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("'s") && person_noun(word)
}

fn is_pronoun(text: &str) -> bool {
    matches!(
        text.lowercased().as_str(),
        "he" | "she" | "they" | "it" | "we" | "him" | "them" | "his" | "her" | "their" | "its"
    )
}

/// `the minister`, `The Syrian man`, `the report`: a definite description, head lowercase.
fn is_descriptor(text: &str) -> bool {
    let mut ws = text.split_whitespace();
    let first = ws.next().unwrap_or("").lowercased();
    let last = text.split_whitespace().last().unwrap_or("");
    let words = text.split_whitespace().count();
    matches!(first.as_str(), "the" | "this" | "that")
        && last.starts_with(char::is_lowercase)
        && !text.contains(" of ")
        && (words <= 4 || (words <= 8 && one_holder_of_two_roles(text)))
}

/// Words before a role that tell one office from another of the same name (`prime`
/// minister, `foreign` minister, `deputy` mayor).
const ROLE_QUALIFIERS: &[&str] = &[
    "prime",
    "foreign",
    "finance",
    "interior",
    "defence",
    "defense",
    "justice",
    "health",
    "education",
    "deputy",
    "vice",
    "assistant",
    "attorney",
];

/// `The former first lady and U.S. senator`: two roles joined by `and` with no
/// determiner of their own after it, so one person holding both (`the mayor and the
/// governor` are two).
fn one_holder_of_two_roles(text: &str) -> bool {
    let mut parts = text.split(" and ");
    let (Some(_), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    second
        .split_whitespace()
        .next()
        .is_some_and(|w| !DETS_SET.contains(w.lowercased().as_str()))
}

/// Whether `text` lowercases to `lower`, without lowercasing ASCII text into a new string.
/// The last word of a mention, without a possessive's `'s` (`Dole` of `Sen. Ann Dole's`).
fn last_word(mention: &str) -> Option<&str> {
    let w = mention.split_whitespace().last()?;
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
    (!w.is_empty()).then_some(w)
}

fn same_lowercase(text: &str, lower: &str) -> bool {
    if text.is_ascii() {
        // An ASCII text lowercases to ASCII: equal only to an ASCII `lower`, itself all
        // lowercase when it is the lowercase of something.
        lower.is_ascii()
            && text.eq_ignore_ascii_case(lower)
            && !lower.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        text.lowercased() == lower
    }
}

fn resolve(a: &Article, blocks: &[Shape], mut found: Vec<Found>) -> Vec<Attribution> {
    found.sort_by_key(|f| (f.content[0].start, f.content[0].end));
    // Drop headline attributions the body repeats (the body's texts are needed only when
    // the headline has one).
    let body: Vec<String> = if found.iter().any(|f| blocks[f.block].headline) {
        found
            .iter()
            .filter(|f| !blocks[f.block].headline)
            .map(|f| {
                f.content
                    .iter()
                    .map(|c| c.slice(&a.text))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    } else {
        Vec::new()
    };
    found.retain(|f| {
        if !blocks[f.block].headline {
            return true;
        }
        let text: String = f
            .content
            .iter()
            .map(|c| c.slice(&a.text))
            .collect::<Vec<_>>()
            .join(" ");
        // One text holds the other (as `str::contains`, bytes of UTF-8 text): only the
        // shorter can be inside the longer, and a finder for the headline's text is built
        // once for all the body's texts.
        let finder = memchr::memmem::Finder::new(text.as_bytes());
        !body.iter().any(|b| {
            if b.len() >= text.len() {
                finder.find(b.as_bytes()).is_some()
            } else {
                memchr::memmem::find(text.as_bytes(), b.as_bytes()).is_some()
            }
        })
    });
    // Attributions reported inside another's content (`X said the leader had asked …`)
    // are not the article's speakers: pronouns and descriptors skip them.
    let mut by_block: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
    for (k, f) in found.iter().enumerate() {
        by_block.entry(f.block).or_default().push(k);
    }
    let nested: Vec<bool> = found
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let at = f.cue.map_or(f.content[0].start, |c| c.start);
            by_block[&f.block]
                .iter()
                .any(|&g| g != k && found[g].content.iter().any(|c| c.start <= at && at < c.end))
        })
        .collect();
    let mut out: Vec<Attribution> = Vec::with_capacity(found.len());
    for f in &found {
        let mut resolved = None;
        let mut chain = f.chain.clone();
        let mut confidence = Confidence::High;
        if let Some(src) = f.source {
            let text = src.slice(&a.text);
            let para = blocks[f.block].span;
            let sentence_start = a.sentence_of(src.start).map_or(para.start, |s| {
                a.sentences()[s].span().start.max(para.start)
            });
            // `Dole said the mayor had warned …`: a description inside someone's words is
            // not that speaker (who would say `she`); a pronoun may be.
            let descriptor = is_descriptor(text);
            let inside = |p: &Attribution| {
                p.content
                    .iter()
                    .any(|c| c.start <= src.start && src.end <= c.end)
            };
            // The containing speakers, as written and as resolved.
            let container_speakers: Vec<&str> = if descriptor {
                out.iter()
                    .rev()
                    .take_while(|p| p.content_span().start + 2000 > src.start)
                    .filter(|p| inside(p))
                    .flat_map(|p| [p.speaker(), p.source()])
                    .flatten()
                    .filter_map(|sp| last_word(sp.slice(&a.text)))
                    .collect()
            } else {
                Vec::new()
            };
            // (By the last word: `Dole` is `Sen. Ann Dole`.)
            let same_as_container = |p: &Attribution| {
                p.speaker()
                    .and_then(|sp| last_word(sp.slice(&a.text)))
                    .is_some_and(|w| container_speakers.contains(&w))
            };
            // `out` is sorted by content start, so walking back stops at the first
            // attribution too far before the source: linear on long articles.
            let earlier: Vec<&Attribution> = out
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, p)| p.content_span().start + 2000 > src.start)
                .filter(|(k, p)| !nested[*k] && p.content_span().start < f.content[0].start)
                .filter(|(_, p)| !(descriptor && same_as_container(p)))
                .map(|(_, p)| p)
                .collect();
            // `he` and `she` are one person: not `The researchers` who spoke last.
            let singular = matches!(
                text.lowercased().as_str(),
                "he" | "she" | "him" | "his" | "her"
            );
            // `it` is one thing: not `Twenty-seven states` who spoke last.
            let neuter_singular = matches!(text.lowercased().as_str(), "it" | "its");
            let pick_prev = |want: Class| -> Option<(Span, Vec<Span>)> {
                earlier.iter().find_map(|p| {
                    let sp = p.speaker()?;
                    let c = class_of(sp.slice(&a.text));
                    let plural_people = singular && plural_person_noun(sp.slice(&a.text));
                    // `she` is not `Mr. Obama`, nor `he` `Ms. Clinton` or `Hillary Clinton`.
                    ((c == want || c == Class::Unknown || want == Class::Unknown)
                        && !plural_people
                        && !(neuter_singular && plural_description(sp.slice(&a.text)))
                        && !(singular && c == Class::Unknown && no_person(sp.slice(&a.text)))
                        // An earlier pronoun left unresolved names no one.
                        && !(singular && is_pronoun(sp.slice(&a.text)))
                        && !other_gender(a, text, sp))
                    .then(|| (sp, p.chain().to_vec()))
                })
            };
            if is_pronoun(text) {
                let want = if matches!(
                    text.lowercased().as_str(),
                    "he" | "she" | "him" | "his" | "her"
                ) {
                    Class::Person
                } else {
                    Class::Group
                };
                // "…, in which they condemned": the sentence's opening noun phrase.
                let opening = sentence_subject(a, sentence_start, src.start);
                let r = match opening {
                    Some(s)
                        if src.start > sentence_start + 1
                            && class_of(s.slice(&a.text)) != Class::Person
                            || want == Class::Person
                                && opening.is_some_and(|s| {
                                    class_of(s.slice(&a.text)) == Class::Person
                                })
                                && !other_gender(a, text, s)
                                && !no_person(s.slice(&a.text)) =>
                    {
                        Some((s, Vec::new()))
                    }
                    _ => {
                        let prev = pick_prev(want);
                        // "The researchers followed 48,000 adults. They found …": people
                        // named in the subject of the sentence before, later than the
                        // latest speaker, are who `they` are.
                        let people = (want == Class::Group
                            && !neuter_singular
                            && src.start == sentence_start)
                            .then(|| people_opening_sentence_before(a, sentence_start, para))
                            .flatten()
                            .filter(|s| prev.as_ref().is_none_or(|(p, _)| p.end <= s.start));
                        // `Liu was not convinced. "…," she said`: the name the sentence
                        // before opens with, later than the latest speaker.
                        let named = (want == Class::Person)
                            .then(|| name_opening_sentence_before(a, sentence_start, para))
                            .flatten()
                            .filter(|s| {
                                prev.as_ref().is_none_or(|(p, _)| p.end <= s.start)
                                    && !other_gender(a, text, *s)
                            });
                        // `The city sent a letter. It says …`: the thing the sentence
                        // before opens with, later than the latest speaker.
                        let thing = (neuter_singular && src.start == sentence_start)
                            .then(|| thing_opening_sentence_before(a, sentence_start, para))
                            .flatten()
                            .filter(|s| prev.as_ref().is_none_or(|(p, _)| p.end <= s.start));
                        let people = people.or(named).or(thing);
                        people.map(|s| (s, Vec::new())).or(prev).or_else(|| {
                            last_name_before(a, sentence_start, want)
                                .filter(|s| !other_gender(a, text, *s))
                                .map(|s| (s, Vec::new()))
                        })
                    }
                };
                if let Some((r, c)) = r {
                    resolved = Some(r);
                    if chain.is_empty() {
                        chain = c;
                    }
                }
                confidence = Confidence::Medium;
            } else if is_descriptor(text) {
                let cls = class_of(text);
                let mut untied = false;
                let head = text.split_whitespace().last().unwrap_or("").lowercased();
                let r = if matches!(
                    head.as_str(),
                    "report"
                        | "statement"
                        | "newspaper"
                        | "paper"
                        | "outlet"
                        | "network"
                        | "broadcaster"
                        | "agency"
                ) {
                    // A report or a statement may be any body's; a newspaper or an agency
                    // is one only where the earlier mention names one (`the agency` is not
                    // `the company` before it, but is `the Tamsa news agency`).
                    let outlet_head = !matches!(head.as_str(), "report" | "statement");
                    // `the report says` after `In a report released in Rome, the World Food
                    // Programme said …`: whoever the article said spoke in one (in the
                    // sentence of their statement, before its words), before the latest
                    // body.
                    let issued_one = |p: &&Attribution| {
                        let Some(sp) = p.speaker() else {
                            return false;
                        };
                        let at = p.content_span().start.min(sp.start);
                        let Some(si) = a.sentence_of(at) else {
                            return false;
                        };
                        let from = a.sentences()[si].span().start;
                        a.text[from..p.content_span().start]
                            .lowercased()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == head)
                    };
                    let issuer = (!outlet_head)
                        .then(|| earlier.iter().find(|p| issued_one(p)))
                        .flatten()
                        .and_then(|p| {
                            Some((p.chain().first().copied().or(p.speaker())?, Vec::new()))
                        });
                    issuer.or_else(|| {
                        earlier.iter().find_map(|p| {
                            let sp = p.chain().first().copied().or(p.speaker())?;
                            let low = sp.slice(&a.text).lowercased();
                            let names_outlet = low.split(|c: char| !c.is_alphanumeric()).any(|w| {
                                w == head
                                || lexicon::OUTLET_WORDS.contains(&w)
                                // A government agency: `the Congressional Budget Office`.
                                || (head == "agency" && GOVERNMENT_BODIES.contains(&w))
                            });
                            // `the network` is no newspaper, `the paper` no network: `The
                            // network said …` after `The New York Times reported that the
                            // RT editor …` is not the Times.
                            let words = || low.split(|c: char| !c.is_alphanumeric());
                            let print = words().any(|w| PRINT_WORDS.contains(&w));
                            let broadcast = words().any(|w| BROADCAST_WORDS.contains(&w));
                            let other_medium = match head.as_str() {
                                "network" | "broadcaster" => print && !broadcast,
                                "newspaper" | "paper" => broadcast && !print,
                                _ => false,
                            };
                            let fits = if outlet_head {
                                names_outlet && !other_medium
                            } else {
                                class_of(sp.slice(&a.text)) == Class::Group
                                    || lexicon::OUTLET_WORDS.iter().any(|o| low.contains(o))
                            };
                            fits.then(|| (sp, Vec::new()))
                        })
                    })
                } else if text
                    .lowercased()
                    .split_whitespace()
                    .any(|w| matches!(w, "second" | "third" | "another" | "other"))
                {
                    None
                } else if let Some(t) = (cls == Class::Person)
                    .then(|| titled_name_before(a, src.start, &head))
                    .flatten()
                    .filter(|t| {
                        // `the prime minister` is not `Foreign Minister Anna Vik`: the
                        // word that tells the office stands before the title too.
                        let before = a.text[..t.start]
                            .trim_end()
                            .rsplit(char::is_whitespace)
                            .next()
                            .unwrap_or("")
                            .lowercased();
                        qualifiers_within(text, &[before.as_str()])
                    })
                {
                    // "the mayor" after "Mayor Ann Berg": the name the title stands before.
                    Some((t, Vec::new()))
                } else {
                    // A role (`the mayor`, not `the man`): the speaker the article gives
                    // that role in an apposition (`Ann Berg, the city's mayor, said`)
                    // before the latest one.
                    let role = cls == Class::Person && !generic_person_head(&head);
                    let apposed = |p: &&Attribution, want: bool| {
                        [p.speaker(), p.source()]
                            .into_iter()
                            .flatten()
                            .any(|m| apposition_role(a, m, &head) == Some(want))
                    };
                    let qualifiers_agree = |sp: Span| {
                        let whole = sp.slice(&a.text).lowercased();
                        let words: Vec<&str> = whole
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .collect();
                        qualifiers_within(text, &words)
                    };
                    let tied = role
                        .then(|| {
                            earlier.iter().find_map(|p| {
                                let sp = p.speaker()?;
                                let c = class_of(sp.slice(&a.text));
                                (matches!(c, Class::Person | Class::Unknown) && apposed(p, true))
                                    .then(|| (sp, p.chain().to_vec()))
                            })
                        })
                        .flatten();
                    tied.or_else(|| {
                        pick_prev(cls).filter(|(sp, _)| {
                            // The minister / the ministry: the head word appears in the earlier mention
                            // or the earlier mention is a person for a person descriptor.
                            let whole = sp.slice(&a.text).lowercased();
                            // A word of the earlier mention's head, before any preposition
                            // (`the prosecutor's office` is not `two sources in the
                            // prosecutor's office`), and not only as a possessor (`the
                            // campaign` is not `a document on the campaign's site`).
                            let sp_text = before_place(&whole);
                            let has = |w: &str| {
                                sp_text.match_indices(w).any(|(at, _)| {
                                    let after = &sp_text[at + w.len()..];
                                    !sp_text[..at].ends_with(char::is_alphanumeric)
                                        && !after.starts_with(char::is_alphanumeric)
                                        && !after.starts_with("'s")
                                        && !after.starts_with("\u{2019}s")
                                })
                            };
                            // (Not for two roles of one person: `U.S.` in `The former
                            // first lady and U.S. senator` tells the office, not the name.)
                            let adjectives_agree = one_holder_of_two_roles(text)
                                || text
                                    .split_whitespace()
                                    .skip(1)
                                    .filter(|w| w.starts_with(char::is_uppercase))
                                    .all(|w| has(&w.lowercased()))
                                    && qualifiers_agree(*sp);
                            // `the mayor` after `Tom Reed, a teacher, said`: the article
                            // gives the latest speaker another role, so it is not them,
                            // and who it is stays open.
                            let other_role = role
                                && earlier
                                    .iter()
                                    .find(|p| p.speaker() == Some(*sp))
                                    .is_some_and(|p| apposed(p, false));
                            untied |= other_role;
                            // A description of unknown kind (`the port authority`) is not
                            // the latest speaker whatever it is: its head must be in the
                            // earlier mention, as for a group.
                            // `The mayor's office` is not `Ann Dole's office`: whose it
                            // is stands in the earlier mention too.
                            let possessors_agree = text.split_whitespace().all(|w| {
                                let w = w.lowercased().replace('\u{2019}', "'");
                                w.strip_suffix("'s").is_none_or(|owner| {
                                    whole
                                        .split(|c: char| !c.is_alphanumeric())
                                        .any(|x| x == owner)
                                })
                            });
                            // `The officials` are not `The mayor` who spoke last: many
                            // people are not one.
                            let one_for_many = plural_person_noun(text)
                                && class_of(sp.slice(&a.text)) == Class::Person
                                && !plural_description(sp_text);
                            (cls == Class::Person || has(&head))
                                && adjectives_agree
                                && possessors_agree
                                && !other_role
                                && !one_for_many
                        })
                    })
                };
                if let Some((r, c)) = r {
                    resolved = Some(r);
                    if chain.is_empty() {
                        chain = c;
                    }
                    confidence = Confidence::Medium;
                } else {
                    if untied {
                        // Who the description stands for is not known: too weak to
                        // contradict a claim's source (C024).
                        confidence = Confidence::Low;
                    }
                    // The same kind of source as the previous one ("the second source"):
                    // same chain.
                    if chain.is_empty() {
                        let stem = head.trim_end_matches('s').to_string();
                        if let Some(p) = earlier.iter().find(|p| {
                            p.source().is_some_and(|s| {
                                before_place(&s.slice(&a.text).lowercased())
                                    .split_whitespace()
                                    .any(|w| w.trim_end_matches('s') == stem)
                            })
                        }) {
                            chain = p.chain().to_vec();
                        }
                    }
                }
            } else if !text.contains(' ')
                || text.starts_with("Mr")
                || text.starts_with("Ms")
                || text.starts_with("Mrs")
            {
                // A surname: the full name earlier in the article.
                let surname = text.split_whitespace().last().unwrap_or(text);
                if let Some(full) = full_name_before(a, src.start, surname) {
                    resolved = Some(full);
                }
            } else {
                // A source of the same words as an earlier one carries its chain,
                // unless this statement names its own channel.
                let stem = text.lowercased();
                // (Also a sentence that opens with one: `In a speech on Friday, Ann Dole
                // said …`; not words quoted before a trailing speaker.)
                let opening = a.text.get(sentence_start..src.start).unwrap_or("");
                let opens_with_channel = f.content.first().is_some_and(|c| c.start > src.start)
                    && mentions_channel(opening);
                if chain.is_empty()
                    && !opens_with_channel
                    && !f.cue.is_some_and(|c| own_channel(c.slice(&a.text)))
                {
                    if let Some(p) = earlier.iter().find(|p| {
                        p.source()
                            .is_some_and(|s| same_lowercase(s.slice(&a.text), &stem))
                    }) {
                        chain = p.chain().to_vec();
                    }
                }
            }
        } else {
            confidence = Confidence::Low;
        }
        if f.carried || f.participle || (f.cue.is_none() && !f.labelled) {
            confidence = confidence.min(if f.participle {
                Confidence::Medium
            } else {
                Confidence::Low
            });
        }
        if let Some(ad) = f.addressee {
            // An outlet told (`told Sputnik`, `told Ann Dole of the Daily Ledger`)
            // carries the words on; an audience does not, wherever it sits (`told
            // reporters at a news conference`, `told a press briefing`): the words before
            // a preposition other than `of` or `for`, not ending in a gathering.
            let t = ad.slice(&a.text).lowercased();
            let head: Vec<&str> = t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take_while(|w| !PREPS_SET.contains(w) || matches!(*w, "of" | "for"))
                .collect();
            let gathering = head.last().is_some_and(|w| {
                matches!(
                    *w,
                    "conference" | "briefing" | "meeting" | "event" | "rally" | "audience"
                )
            });
            if !gathering
                && head.iter().any(|w| lexicon::OUTLET_WORDS.contains(w))
                && !chain.contains(&ad)
            {
                chain.insert(0, ad);
            }
        }
        if resolved.is_some_and(|r| Some(r) == f.source) {
            resolved = None;
        }
        let addressee = f
            .addressee
            .filter(|ad| Some(*ad) != f.source && Some(*ad) != resolved);
        out.push(
            super::Parts {
                content: f.content.clone(),
                kind: f.kind,
                cue: f.cue,
                source: f.source,
                resolved,
                addressee,
                chain,
                confidence,
            }
            .into(),
        );
    }
    out
}

/// The noun phrase opening the sentence (`Presidents of Russia, France and the United
/// States - …`): capitalized words with connectors and commas between them.
/// `The researchers`, `Local officials`: a plural noun of people (at most three words,
/// after an optional `the`/`these`) opening the sentence before the one at `start`, in
/// paragraph `para`, and followed by its verb or a comma.
fn people_opening_sentence_before(a: &Article, start: usize, para: Span) -> Option<Span> {
    let (_, toks) = opening_of_sentence_before(a, start, para)?;
    let words = toks.iter().take_while(|t| t.word()).count();
    let skip = usize::from(
        toks.first()
            .is_some_and(|t| matches!(t.low.as_str(), "the" | "these")),
    );
    let head = (skip..words.min(skip + 3)).find(|&i| {
        let w = toks[i].low.as_str();
        w.ends_with('s') && person_noun(w)
    })?;
    let next = toks.get(head + 1)?;
    let verb_or_comma =
        next.p == ',' || (next.word() && !next.cap && !PREPS_SET.contains(next.low.as_str()));
    verb_or_comma.then(|| Span::new(toks[0].s(), toks[head].e()))
}

/// Past tenses of common verbs that do not end in `-ed`.
const IRREGULAR_PASTS: &[&str] = &[
    "sent", "made", "took", "gave", "found", "put", "set", "held", "went", "came", "began",
    "brought", "won", "lost", "met", "left", "kept", "ran", "saw", "became", "got", "paid",
    "sought", "bought", "built", "chose", "drew", "fell", "grew", "knew", "led", "rose", "spent",
    "stood", "struck", "threw", "wrote", "said", "told",
];

/// `The city sent a letter. It says …`: a description of one thing (`the`/`this`, up to
/// three words, its head a singular in lowercase and no noun of people: `The Phoenix city
/// council`) opening the
/// sentence before the one at `start`, in the same paragraph, as the subject of a verb:
/// what `it` most likely is.
fn thing_opening_sentence_before(a: &Article, start: usize, para: Span) -> Option<Span> {
    let (_, toks) = opening_of_sentence_before(a, start, para)?;
    if !toks
        .first()
        .is_some_and(|t| matches!(t.low.as_str(), "the" | "this"))
    {
        return None;
    }
    let words = toks.iter().take_while(|t| t.word()).count();
    // The head: the last word before a verb (a lowercase word that is no preposition).
    let head = (1..words.min(4)).find(|&i| {
        toks.get(i + 1).is_some_and(|n| {
            n.word()
                && !n.cap
                && !PREPS_SET.contains(n.low.as_str())
                && (n.low.ends_with("ed")
                    || n.low.ends_with('s')
                    || n.reports()
                    || AUX_SET.contains(n.low.as_str())
                    || IRREGULAR_PASTS.contains(&n.low.as_str()))
        })
    })?;
    let w = toks[head].low.as_str();
    let thing = !toks[head].cap && !person_noun(w) && !plural_description(w);
    thing.then(|| Span::new(toks[0].s(), toks[head].e()))
}

/// The sentence before the one at `start`, when it is in paragraph `para`, and the
/// tokens of its first 120 bytes.
fn opening_of_sentence_before(a: &Article, start: usize, para: Span) -> Option<(Span, Vec<Tok>)> {
    let k = a.sentence_of(start.checked_sub(1)?)?;
    let prev = a.sentences()[k].span();
    if prev.start < para.start || prev.end > start {
        return None;
    }
    let toks = tokenize(
        &a.text,
        Span::new(prev.start, prev.end.min(prev.start + 120)),
    );
    Some((prev, toks))
}

/// `Liu was not convinced. "…," she said`: a name (one to three capitalized words, after
/// an optional `Mr.`/`Ms.`) opening the sentence before the one at `start`, in the same
/// paragraph, as the subject of a verb: who `he` or `she` most likely is.
fn name_opening_sentence_before(a: &Article, start: usize, para: Span) -> Option<Span> {
    let (prev, toks) = opening_of_sentence_before(a, start, para)?;
    // `WASHINGTON (AP) — Ann Dole said …`, `TAX CLAIMS — For years, Dole …`: a dateline
    // or a label in capitals before a dash.
    let dash = toks.iter().take(8).position(|t| !t.word() && is_dash(t.p));
    let mut i = dash
        .filter(|&d| {
            toks[..d]
                .iter()
                .all(|t| matches!(t.p, '(' | ')' | ',' | '.') || (t.word() && t.upper))
        })
        .map_or(0, |d| d + 1);
    // `On Monday night, Clinton leaned in …`: the name after an opening phrase and its
    // comma.
    if toks
        .get(i)
        .is_some_and(|t| PREPS_SET.contains(t.low.as_str()))
    {
        i += toks[i..]
            .iter()
            .take(7)
            .position(|t| !t.word() && t.p == ',')
            .map_or(0, |c| c + 1);
    }
    // A title before the name says it is a person's (`Mrs. Clinton`), named in full
    // before or not.
    let titled = toks
        .get(i)
        .is_some_and(|t| matches!(t.low.as_str(), "mr" | "mrs" | "ms" | "dr"));
    if titled {
        i += 1 + usize::from(toks.get(i + 1).is_some_and(|t| t.p == '.'));
    }
    // `presidential nominee Hillary Clinton was …`: a role before the name says so too.
    let mut role_before = false;
    if !titled {
        let role = (i..toks.len().min(i + 4)).find(|&k| !toks[k].cap && person_noun(&toks[k].low));
        if let Some(r) = role {
            i = r + 1;
            role_before = true;
        }
    }
    let first = i;
    while i < toks.len() && i < first + 3 && toks[i].word() && toks[i].cap {
        i += 1;
    }
    if i == first
        || NOT_START.contains(&toks[first].low.as_str())
        || STOPS_SET.contains(toks[first].low.as_str())
        || DETS_SET.contains(toks[first].low.as_str())
        || PRONOUNS.contains(&toks[first].low.as_str())
        || CLAUSE_OPENERS.contains(&toks[first].low.as_str())
    {
        return None;
    }
    let name_end = i;
    // `Helen Marsh, a councillor, spoke next`: the verb after an apposition that gives
    // the name a role, which also shows it is a person's name.
    let mut role = false;
    if toks.get(i).is_some_and(|t| !t.word() && t.p == ',') {
        let close = (i + 2..toks.len().min(i + 12)).find(|&k| !toks[k].word() && toks[k].p == ',');
        if let Some(k) = close {
            role = toks[i + 1..k].iter().any(|t| person_noun(&t.low));
            i = k + 1;
        }
    }
    let next = toks.get(i)?;
    if !(next.word() && !next.cap && !PREPS_SET.contains(next.low.as_str())) {
        return None;
    }
    let i = name_end;
    let name = Span::new(toks[first].s(), toks[i - 1].e());
    // A name the article gave in full before (`Grace Liu` for `Liu`), not any capital
    // (`Relentlessly`, `Last`, `Obama's`).
    let last = toks[i - 1].low.as_str();
    if last.ends_with("'s") || last.ends_with("ly") {
        return None;
    }
    let surname = a.text[toks[i - 1].s()..toks[i - 1].e()].to_string();
    // Within the 20 KB before (a long article's pronouns would each read all of it).
    let mut from = prev.start.saturating_sub(20_000);
    while !a.text.is_char_boundary(from) {
        from -= 1;
    }
    let before = &a.text[from..prev.start];
    let named_before = || {
        match_starts(before, &surname).any(|at| {
            let head = before[..at].trim_end_matches(' ');
            head.len() < at
                && head
                    .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
                    .next()
                    .is_some_and(|w| w.starts_with(char::is_uppercase) && !w.ends_with('.'))
                && !before[at + surname.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
    };
    // `Ann Dole`: a given name names a person the first time too.
    let given = given_name(&toks[first].low);
    ((titled || role_before || role || given || named_before())
        && class_of(name.slice(&a.text)) != Class::Group)
        .then_some(name)
}

fn sentence_subject(a: &Article, start: usize, before: usize) -> Option<Span> {
    let toks = tokenize(&a.text, Span::new(start, before));
    // A conjunction or a subordinator opening the sentence is not part of the name (`But
    // Ann Dole`, `When Ann Dole met …`).
    let first = usize::from(toks.first().is_some_and(|t| {
        t.word()
            && matches!(
                t.low.as_str(),
                "but"
                    | "and"
                    | "or"
                    | "yet"
                    | "so"
                    | "when"
                    | "after"
                    | "before"
                    | "if"
                    | "while"
                    | "although"
                    | "though"
                    | "because"
                    | "since"
                    | "as"
                    | "once"
                    | "until"
                    | "whereas"
            )
    }));
    let toks = &toks[first..];
    let mut end = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.word() && (t.cap || (end > 0 && CONNECTOR.contains(&t.low.as_str()))) {
            if t.cap {
                end = i + 1;
            }
            i += 1;
        } else if t.p == ',' && end > 0 && toks.get(i + 1).is_some_and(|n| n.cap) {
            i += 1;
        } else if t.p == '.'
            && end > 0
            && end == i
            && is_abbrev(&toks[i - 1].low)
            && toks.get(i + 1).is_some_and(|n| n.cap && n.s() == t.e() + 1)
        {
            // "Mrs. Clinton", "Sen. Ann Dole": a title's period inside the name.
            i += 1;
        } else {
            break;
        }
    }
    // `Harbor Foods' chief executive, Linda Moreau, said she …`: a possessor opens the
    // subject, whose head comes after it.
    let possessor = end > 0
        && (toks[end - 1].low.ends_with("'s")
            || toks
                .get(end)
                .is_some_and(|x| matches!(x.p, '\'' | '\u{2019}') && x.s() == toks[end - 1].e()));
    (end > 0
        && !possessor
        && !PRONOUNS.contains(&toks[0].low.as_str())
        && !DETS_SET.contains(toks[0].low.as_str()))
    .then(|| Span::new(toks[0].s(), toks[end - 1].e()))
    .filter(|s| s.slice(&a.text).split_whitespace().count() >= 2)
}

/// Heads of person descriptions that name no role (`the man`, `the woman`): they refer
/// back to the latest person who spoke, with nothing else to tie them to.
fn generic_person_head(head: &str) -> bool {
    matches!(
        head,
        "man" | "woman" | "men" | "women" | "person" | "people" | "boy" | "girl" | "individual"
    )
}

/// What an apposition next to the person mentioned at `mention` says of the role `head`
/// (the head noun of a description such as `the mayor`): `Some(true)` when it gives that
/// role (`Ann Berg, the city's mayor, said`, `The city's mayor, Ann Berg, said`),
/// `Some(false)` when it gives another one (`Tom Reed, a teacher at the school, said`),
/// `None` when there is no apposition or it names no role.
fn apposition_role(a: &Article, mention: Span, head: &str) -> Option<bool> {
    const ENDS: [char; 7] = [',', '.', ';', '\n', '"', '\u{201c}', '\u{201d}'];
    let text = &a.text;
    // The phrases between commas right after the mention and right before it.
    let after = text.get(mention.end..)?.strip_prefix(", ").map(|rest| {
        let end = rest.find(ENDS).unwrap_or(rest.len());
        &rest[..end]
    });
    let before = text.get(..mention.start)?.strip_suffix(", ").map(|lead| {
        // After the mark found, which may be wider than a byte (`”`).
        let start = lead.rfind(ENDS).map_or(0, |k| {
            k + lead[k..].chars().next().map_or(1, char::len_utf8)
        });
        &lead[start..]
    });
    let plural = format!("{head}s");
    let mut other = false;
    for segment in [after, before].into_iter().flatten() {
        let words: Vec<String> = segment
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(|w| w.lowercased())
            .collect();
        // An apposition is a noun phrase (`a teacher at the school`, `who heads the
        // council`), not the clause that follows a name (`, said the plan …`).
        let noun_phrase = words.first().is_some_and(|w| {
            APPOSITION_OPENERS.contains(&w.as_str()) || PERSON_NOUNS_SET.contains(w.as_str())
        });
        if segment.len() > 120 || !noun_phrase {
            continue;
        }
        if words.iter().any(|w| *w == head || *w == plural) {
            return Some(true);
        }
        other |= words.iter().any(|w| PERSON_NOUNS_SET.contains(w.as_str()));
    }
    other.then_some(false)
}

/// First words of an apposition naming a role: determiners, possessives, `who`.
const APPOSITION_OPENERS: &[&str] = &[
    "a", "an", "the", "who", "his", "her", "their", "its", "our", "one", "former", "then", "now",
    "also", "longtime", "veteran", "senior", "chief", "deputy", "acting",
];

/// Words that make a title another office than its last word (`Vice President`, `Deputy
/// Mayor`, `Attorney General`).
const OTHER_OFFICE: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "lieutenant",
    "lt",
    "prime",
    "under",
    "attorney",
    "surgeon",
    "inspector",
    "solicitor",
    "adjutant",
    "sergeant",
    "postmaster",
    "comptroller",
    "associate",
];

/// The last name before `offset` written after `head` as a capitalized title (`the
/// mayor` → `Mayor Ann Berg`), within the 3,000 bytes before it: the title and the
/// capitalized words after it (with a lowercase particle between two of them, `de`).
/// `The prime minister` is not `Foreign Minister Anna Vik`: each word of `descriptor` that
/// tells one office from another (`prime`, `foreign`, `deputy`) must be among `earlier`,
/// the lowercased words of the mention it would resolve to.
fn qualifiers_within(descriptor: &str, earlier: &[&str]) -> bool {
    descriptor
        .split_whitespace()
        .map(|w| w.lowercased())
        .filter(|w| ROLE_QUALIFIERS.contains(&w.as_str()))
        .all(|w| earlier.contains(&w.as_str()))
}

fn titled_name_before(a: &Article, offset: usize, head: &str) -> Option<Span> {
    let text = &a.text;
    let mut from = offset.saturating_sub(3000);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let hay = &text[from..offset];
    let mut title = String::new();
    let mut chars = head.chars();
    let first = chars.next()?;
    title.extend(first.to_uppercase());
    title.push_str(chars.as_str());
    if title.len() < 4 {
        return None;
    }
    for (k, _) in hay.rmatch_indices(title.as_str()) {
        let before_ok = hay[..k]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let rest = &hay[k + title.len()..];
        // `Vice President Lee`: a title of another office (but `District Judge Park` and
        // `Foreign Minister Lee` hold the office named).
        let prev_word = hay[..k]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let other_office = hay[..k].ends_with(char::is_whitespace)
            && prev_word.starts_with(char::is_uppercase)
            && prev_word.ends_with(char::is_alphanumeric)
            && OTHER_OFFICE.contains(&prev_word.to_lowercase().as_str());
        if !before_ok || other_office || !rest.starts_with(' ') {
            continue;
        }
        let mut end = k + title.len();
        let mut words = 0;
        let mut pos = end;
        for w in rest.split(' ').skip(1).take(5) {
            let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            let cap = word.starts_with(char::is_uppercase);
            let particle = matches!(word, "de" | "van" | "von" | "da" | "del" | "al" | "bin");
            if word.is_empty() || !(cap || particle) {
                break;
            }
            pos += 1 + w.len();
            if cap {
                words += 1;
                end = pos - (w.len() - word.len());
            }
            // An initial (`Joseph R. Lee`) goes on; other punctuation ends the name.
            if word.len() != w.len() && !(word.len() == 1 && w == format!("{word}.")) {
                break;
            }
        }
        if words > 0 {
            return Some(Span::new(from + k, from + end));
        }
    }
    None
}

/// The last capitalized name of at least two words before `offset` in the same or previous
/// paragraph, of class `want`.
fn last_name_before(a: &Article, offset: usize, want: Class) -> Option<Span> {
    let p = a.paragraph_of(offset)?;
    let from = a.paragraphs[p.saturating_sub(1)].start;
    let toks = tokenize(&a.text, Span::new(from, offset));
    let mut best = None;
    let mut i = 0;
    while i < toks.len() {
        if toks[i].word() && toks[i].cap && !NOT_START.contains(&toks[i].low.as_str()) {
            let s = i;
            while i < toks.len() && toks[i].word() && toks[i].cap {
                i += 1;
            }
            // `Mrs. Clinton`: one word after a title is a name, the title with it.
            let dot = s >= 1 && toks[s - 1].p == '.';
            let title = s.checked_sub(1 + usize::from(dot)).filter(|&k| {
                toks[k].word() && matches!(toks[k].low.as_str(), "mr" | "mrs" | "ms" | "dr")
            });
            if i - s >= 2 || title.is_some() {
                let sp = Span::new(toks[title.unwrap_or(s)].s(), toks[i - 1].e());
                if class_of(sp.slice(&a.text)) == want {
                    best = Some(sp);
                }
            }
        } else {
            i += 1;
        }
    }
    best
}

const NOT_START: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "on", "in", "at", "but", "and", "mr", "mrs", "ms",
    "dr",
];

/// The longest earlier mention ending with `surname`: `Emmanuel Macron` for `Macron`.
/// Where `needle` starts in `hay`: what `hay.match_indices(needle)` gives (leftmost,
/// non-overlapping), searched with memchr's vectorized finder (an empty needle keeps the
/// standard search, which stops at character boundaries only).
fn match_starts<'h>(hay: &'h str, needle: &'h str) -> Box<dyn Iterator<Item = usize> + 'h> {
    if needle.is_empty() {
        return Box::new(hay.match_indices(needle).map(|(at, _)| at));
    }
    Box::new(memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()))
}

fn full_name_before(a: &Article, offset: usize, surname: &str) -> Option<Span> {
    // The full name is looked for in the 4 KB before the surname: long articles stay linear.
    let from = crate::text::floor_char_boundary(&a.text, offset.saturating_sub(4_000));
    let hay = &a.text[..offset];
    let mut best: Option<Span> = None;
    for at in match_starts(&hay[from..], surname) {
        let at = at + from;
        let end = at + surname.len();
        if hay[end..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // Walk back over capitalized words.
        let mut start = at;
        loop {
            let before = hay[..start].trim_end_matches(' ');
            if before.len() + 1 != start {
                break;
            }
            let word_start = before
                .rfind(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
                .map_or(0, |k| {
                    k + before[k..].chars().next().map_or(1, |c| c.len_utf8())
                });
            let w = &before[word_start..];
            // A capital that only opens the sentence (`But`, `In`, `Meanwhile`) names no one.
            let opener = || {
                let low = w.to_ascii_lowercase();
                [STOPS, PREPS, CLAUSE_OPENERS]
                    .iter()
                    .any(|list| list.contains(&low.as_str()))
            };
            if w.starts_with(char::is_uppercase)
                && !matches!(
                    w,
                    "The" | "A" | "An" | "President" | "Minister" | "Mr." | "Mr" | "Ms." | "Mrs."
                )
                && w.len() > 1
                && !opener()
            {
                start = word_start;
            } else {
                break;
            }
        }
        if start < at && best.is_none_or(|b| end - start > b.len()) {
            best = Some(Span::new(start, end));
        }
    }
    best.filter(|b| b.slice(&a.text).split_whitespace().count() <= 4 && a.is_text_span(*b))
}

#[cfg(test)]
mod lowercase_tests {
    use super::same_lowercase;
    use crate::text::Lowercased;

    #[test]
    fn same_lowercase_agrees_with_lowercasing() {
        let texts = [
            "the Minister",
            "THE MINISTER",
            "the minister",
            "the ministry",
            "",
            "Caf\u{e9} owner",
            "caf\u{e9} owner",
            "Istanbul",
        ];
        for t in texts {
            for u in texts {
                let lower = u.lowercased();
                assert_eq!(
                    same_lowercase(t, &lower),
                    t.lowercased() == lower,
                    "{t} / {u}"
                );
            }
            // Not the lowercase of anything: never equal to an ASCII text's lowercase.
            assert!(!same_lowercase(t, "The minister"), "{t}");
        }
    }
}

#[cfg(test)]
mod block_tests {
    use super::*;

    /// A token as plain values, to compare two token lists.
    fn plain(t: &Tok) -> (u32, u32, String, char, bool, u8, bool) {
        (t.s, t.e, t.low.to_string(), t.p, t.cap, t.lex, t.upper)
    }

    #[test]
    fn a_block_keeps_its_tokens_in_a_vector_of_their_length() {
        let text =
            "Headline: «Москва» — Երևան\r\n\r\n\"We will not pay,\" said Ms. Ayşe O'Connor, \
                    the minister, on Tuesday. بغداد 😀 …and he added: ‘No.’\r\n\r\n\
                    A third paragraph with a sufficiently-long-hyphenated-compound word.";
        let a = Article::new(text);
        let mut scratch = Vec::new();
        for (k, &p) in a.paragraphs.iter().enumerate() {
            let b = build_block(&a, p, false, &mut scratch);
            assert!(
                scratch.is_empty(),
                "paragraph {k}: the scratch list is left empty"
            );
            assert_eq!(b.toks.len(), b.toks.capacity(), "paragraph {k}");
            let alone: Vec<_> = tokenize(text, p).iter().map(plain).collect();
            let kept: Vec<_> = b.toks.iter().map(plain).collect();
            assert_eq!(kept, alone, "paragraph {k}");
            assert!(!kept.is_empty());
        }
    }

    #[test]
    fn an_inverted_or_outside_span_has_no_tokens() {
        let text = "He said so.";
        assert!(tokenize(text, Span::new(7, 3)).is_empty());
        assert!(tokenize(text, Span::new(40, 50)).is_empty());
    }

    #[test]
    fn freeing_each_block_s_tokens_once_read_changes_nothing() {
        // Blocks with and without quotations, a paragraph introduced by a colon, an
        // unclosed quotation over three paragraphs, a signed quotation, a carried one.
        let written = "Minister says taxes will rise\n\n\
                       The minister spoke on Monday. Taxes will rise, she said.\n\n\
                       Berg added:\n\n\
                       The budget will not pass without the north.\n\n\
                       \"It will not pass,\" Berg said. \"Not this year.\n\n\
                       \"Not next year either.\n\n\
                       \"Never,\" he said.\n\n\
                       Nothing was said about the tide.\n\n\
                       \"We will fight this to the very end of the line,\" the union said.\n\n\
                       \"The workers have had enough of this government and its lies.\"\n\n\
                       \"I came for the bread.\" ― Ana, 31, Lisbon";
        let texts = [
            written,
            include_str!("../../../examples/000_a935861ad7be96ce.txt"),
            include_str!("../../../tests/fixtures/scale/generated.txt"),
        ];
        for text in texts {
            let a = Article::new(text);
            let freed = run_keeping(&a, false);
            let kept = run_keeping(&a, true);
            assert!(freed.len() >= 5, "{}", freed.len());
            assert!(freed == kept, "{}", &text[..40]);
        }
    }

    #[test]
    fn the_analysis_is_the_same_after_the_blocks_are_freed() {
        // `run` hands `resolve` the blocks' spans and kinds only: the attributions of a
        // text with a headline (whose repeats in the body are dropped), pronouns and a
        // quotation over two paragraphs.
        let text = "Minister says taxes will rise\n\n\
                    \"Taxes will rise,\" the minister said on Monday. She added that \
                    \"nobody will be spared.\n\n\
                    \"Not one household,\" she said.\n\n\
                    Minister says taxes will rise, the minister told reporters.";
        let a = Article::new(text);
        let found = run(&a);
        assert!(!found.is_empty());
        for f in &found {
            assert!(!f.content.is_empty());
            assert!(f.content.iter().all(|c| c.end <= text.len()));
        }
        // Twice: nothing carried from one run to the next.
        let again = run(&a);
        assert_eq!(found.len(), again.len());
        for (x, y) in found.iter().zip(&again) {
            assert_eq!(
                (&x.content, x.cue(), x.source(), x.resolved()),
                (&y.content, y.cue(), y.source(), y.resolved())
            );
        }
    }
}

#[cfg(test)]
mod gender_tests {
    use super::*;

    #[test]
    fn a_magazine_named_by_one_word_after_the_is_a_group() {
        for name in ["The New Yorker", "The Atlantic"] {
            assert_eq!(class_of(name), Class::Group, "{name}");
        }
    }

    #[test]
    fn a_mention_tells_its_gender_by_title_noun_or_given_name() {
        for (mention, gender) in [
            ("Mr. Obama", Some(false)),
            ("Ms. Dole", Some(true)),
            // A given name before the surname, past a title, a place and an initial.
            ("Massachusetts Sen. Elizabeth Warren", Some(true)),
            ("Warren E. Buffett", Some(false)),
            ("Charlotte Police Chief Kerr Putney", None),
            // The head, not what the head is `of`, nor what follows a comma.
            ("The wife of a man fatally shot by police", Some(true)),
            ("Tom Reed, whose wife spoke first", Some(false)),
            ("Spokeswoman Jessica Ditto", Some(true)),
            ("His ex-wife", Some(true)),
            // What a possessive owns: Gary Johnson's doctor may be a woman.
            ("Gary Johnson's doctor", None),
            ("The widow's lawyer", None),
            ("The husband of the victim", Some(false)),
            ("The lawyer for the widow", None),
            // A surname alone, or a given name to both.
            ("Warren", None),
            ("Jordan Lee", None),
            ("The Tax Policy Center", None),
        ] {
            assert_eq!(mention_gender(mention), gender, "{mention}");
        }
    }
}
