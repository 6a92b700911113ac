//! Findings, with stable codes, in core terms: byte spans, no editor or terminal types.

use crate::text::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" | "deny" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "information" => Some(Severity::Info),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }

    /// True when `self` is at least as serious as `level`.
    pub fn reaches(self, level: Severity) -> bool {
        self <= level
    }
}

macro_rules! codes {
    ($( $variant:ident = $code:literal, $name:literal, $sev:ident, $summary:literal; )*) => {
        /// Every check claimls has. Codes and names are stable: users write them in
        /// `claimls.toml` and in `# claimls: ignore` comments.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant, )* }

        impl Code {
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }

            pub fn name(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// One sentence on what the check finds, for rule listings (SARIF, docs).
            pub fn summary(self) -> &'static str {
                match self { $( Code::$variant => $summary, )* }
            }
        }
    };
}

codes! {
    Syntax = "C001", "syntax", Error, "A line is malformed: an unknown block keyword, a missing `:`, a bad claim id.";
    UnknownField = "C002", "unknown-field", Error, "A field name that this block does not have.";
    MissingField = "C003", "missing-field", Error, "A claim needs `source` and `quote`; an actor needs a name.";
    DuplicateField = "C004", "duplicate-field", Error, "A single-valued field is given twice in one block.";
    QuoteNotFound = "C010", "quote-not-found", Error, "Nothing close to the quote is in the article.";
    QuoteNearMiss = "C011", "quote-near-miss", Error, "The quote differs from the closest article text by a typo or a changed word.";
    QuoteNormalized = "C012", "quote-normalized", Warning, "The quote matches only after normalizing case, punctuation or whitespace.";
    QuoteAmbiguous = "C013", "quote-ambiguous", Info, "The quote occurs more than once in the article.";
    SourceNotInArticle = "C020", "source-not-in-article", Error, "Neither the source nor any of its aliases is mentioned in the article.";
    SourceNotNearQuote = "C021", "source-not-near-quote", Warning, "The source is not mentioned in the quote's paragraph nor the paragraphs just before it.";
    CueNotNearQuote = "C022", "cue-not-near-quote", Warning, "The cue words are not in the quote's sentences nor the sentence before or after.";
    ViaNotInArticle = "C023", "via-not-in-article", Error, "An intermediary in `via` is never mentioned in the article.";
    SourceMismatch = "C024", "source-mismatch", Error, "The article attributes the quote to someone else than the `source`.";
    ViaMismatch = "C025", "via-mismatch", Warning, "An intermediary in `via` is not in the chain through which the article says the quote came, or the order differs.";
    DateMismatch = "C030", "date-mismatch", Error, "The `date` field differs from the article's date line.";
    ArticleUnreadable = "C031", "article-unreadable", Error, "The article is missing, not UTF-8 text, binary, or too large.";
    DuplicateClaimId = "C040", "duplicate-claim-id", Error, "Two claims have the same id.";
    UnknownClaimRef = "C041", "unknown-claim-ref", Error, "A relation (`disputes`, `supports`, `responds-to`) names no claim of this file.";
    UnknownStance = "C042", "unknown-stance", Error, "The stance is not one of the allowed values.";
    UnusedActor = "C043", "unused-actor", Hint, "A declared actor is the source or intermediary of no claim.";
    DuplicateQuote = "C044", "duplicate-quote", Warning, "Two claims anchor to the same article span.";
    UnknownActorKind = "C045", "unknown-actor-kind", Error, "An actor's `kind` is not one of the allowed values.";
    AliasNotInArticle = "C046", "alias-not-in-article", Warning, "An `aka:` alias the article never uses, or a `source` one typo away from a declared name.";
    UnannotatedAttribution = "C050", "unannotated-attribution", Info, "A statement the article attributes to someone that no claim's quote covers.";
}

impl Code {
    /// Looks a code up by its code (`C021`, any case) or its name (`source-not-near-quote`).
    pub fn parse(s: &str) -> Option<Code> {
        let s = s.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s) || c.name() == s)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a related location is: in the annotation file itself or in its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    File,
    Article,
}

/// The text of a finding (its message, a related location's note, a fix's title): shared,
/// so that the findings a re-check makes again on every keystroke (C050's, thousands on a
/// big article) copy a pointer and not the text, and freeing them frees no text.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(std::sync::Arc<str>);

str_newtype!(Text);

impl Default for Text {
    fn default() -> Self {
        Text::from("")
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(s.into())
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Text(s.as_str().into())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(s.into())
    }
}

impl From<std::sync::Arc<str>> for Text {
    fn from(s: std::sync::Arc<str>) -> Self {
        Text(s)
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.0.to_string()
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub target: Target,
    pub span: Span,
    pub message: Text,
}

/// A text edit in the annotation file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    /// Shared: C050's drafted claims (thousands on a big article, most of a kilobyte
    /// each) are made once and handed to every re-check without copying.
    pub replacement: std::sync::Arc<str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: Text,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Text,
    /// Byte span in the `.claims` file.
    pub span: Span,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(code: Code, span: Span, message: impl Into<Text>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            message: message.into(),
            span,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn with_related(mut self, target: Target, span: Span, message: impl Into<Text>) -> Self {
        self.related.push(Related {
            target,
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_fix(
        mut self,
        title: impl Into<Text>,
        span: Span,
        replacement: impl Into<std::sync::Arc<str>>,
    ) -> Self {
        self.fix = Some(Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        });
        self
    }

    /// Unused declarations are shown faded in editors.
    pub fn is_unnecessary(&self) -> bool {
        self.code == Code::UnusedActor
    }

    pub(crate) fn shifted(mut self, by: isize) -> Self {
        self.shift(by);
        self
    }

    /// Moves every span in the annotation file by `by` bytes (article spans stay).
    pub(crate) fn shift(&mut self, by: isize) {
        self.span = self.span.shift(by);
        for r in &mut self.related {
            if r.target == Target::File {
                r.span = r.span.shift(by);
            }
        }
        if let Some(fix) = &mut self.fix {
            for e in &mut fix.edits {
                e.span = e.span.shift(by);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A shared text reads, compares, prints and serializes as the string it holds.
    #[test]
    fn text_behaves_as_its_string() {
        let owned = String::from("no claim records the \"statement\"");
        let t = Text::from(owned.clone());
        assert_eq!(t, owned.as_str());
        assert_eq!(owned, t);
        assert_eq!(format!("{t}"), owned);
        assert_eq!(format!("{t:?}"), format!("{owned:?}"));
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            serde_json::to_string(&owned).unwrap()
        );
        let copy = t.clone();
        assert!(
            std::ptr::eq(copy.as_str(), t.as_str()),
            "a copy shares the text"
        );
        assert_eq!(Text::default(), "");
    }

    #[test]
    fn codes_are_unique_and_parse_both_ways() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {c}");
            assert!(seen.insert(c.name()), "duplicate name {}", c.name());
            assert_eq!(Code::parse(c.as_str()), Some(*c));
            assert_eq!(Code::parse(c.name()), Some(*c));
            assert_eq!(Code::parse(&c.as_str().to_lowercase()), Some(*c));
        }
        assert_eq!(Code::parse("C999"), None);
    }

    #[test]
    fn severity_order() {
        assert!(Severity::Error.reaches(Severity::Warning));
        assert!(!Severity::Info.reaches(Severity::Warning));
        assert_eq!(Severity::parse("WARN"), Some(Severity::Warning));
    }
}
