//! Editor features over the core types: hover, completion, go to definition and the
//! document outline.
//!
//! Everything here is plain data in, data out, with byte offsets into the annotation
//! ([`Parsed::text`](crate::check::Parsed)) or into the article
//! ([`Article::text`](crate::article::Article)). No protocol type appears here: the
//! language server ([`crate::lsp`]) converts offsets to positions and these values to its
//! own types, so the same functions can serve another front end or a benchmark.

mod completion;
mod docs;
mod hover;
mod locate;
mod markdown;
mod names;
mod navigate;

#[cfg(test)]
mod fixture;

pub use completion::{completion, MAX_COMPLETIONS};
pub use hover::hover;
pub use navigate::{definition, symbols};

use crate::text::Span;

/// What hovering shows: Markdown, and the span of the annotation it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub markdown: String,
    pub span: Span,
}

/// What a completion item stands for; the editor shows it as an icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    /// A declared actor (canonical name or alias).
    Actor,
    /// A name the article mentions that is not declared.
    Name,
    /// A field name (`source:`).
    Field,
    /// A block keyword (`claim`, `actor`).
    Keyword,
    /// A value from a fixed vocabulary (stance, kind, date, check code).
    Value,
    /// The id of a claim in this file.
    ClaimId,
    /// Reporting words from the article.
    Cue,
    /// Article text that continues a quote.
    Text,
}

/// One completion proposal. `insert_text` replaces `replace` (a byte span on the cursor's
/// line that contains the cursor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    /// Orders the list: compared as strings, smallest first.
    pub sort_text: String,
    pub filter_text: String,
    pub insert_text: String,
    pub replace: Span,
}

/// Where a definition is: a span of the article or of the annotation itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Article(Span),
    File(Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    /// A header field (`article`, `date`, `publisher`).
    Header,
    Actor,
    Alias,
    Claim,
    /// A field of a claim or actor.
    Field,
    Quote,
    Relation,
}

/// An entry of the document outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole construct (a block, a field with its continuation lines).
    pub span: Span,
    /// What to select when the symbol is picked (a name, an id); inside `span`.
    pub selection: Span,
    pub children: Vec<Symbol>,
}
