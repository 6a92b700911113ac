//! Editor features over the core types: hover, completion, go to definition and the
//! document outline.
//!
//! Everything here is plain data in, data out, with byte offsets into the annotation
//! ([`Parsed::text`](crate::check::Parsed)) or into the article
//! ([`Article::text`](crate::article::Article)). No protocol type appears here: the
//! language server ([`crate::lsp`]) converts offsets to positions and these values to its
//! own types, so the same functions can serve another front end or a benchmark.

mod actions;
mod completion;
mod docs;
mod hover;
mod lenses;
mod locate;
mod markdown;
mod names;
mod navigate;
mod references;
mod tokens;

#[cfg(test)]
mod fixture;

pub use actions::{actor_actions, Action};
pub use completion::{completion, completion_with, ArticleNames, MAX_COMPLETIONS};
pub use hover::hover;
pub(crate) use hover::ClaimsByName;
pub use lenses::{code_lenses, inlay_hints, InlayHint, Lens};
pub use navigate::{definition, definitions, symbols};
pub use references::{
    prepare_rename, references, rename, subject_at, uses, Reference, RenameError, Subject, UseKind,
};
pub use tokens::{
    folding_ranges, modifier, selection_ranges, semantic_tokens, Fold, Token, TokenType, MODIFIERS,
};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Parsed;
    use crate::config::Config;
    use fixture::{article, parsed};

    /// Every feature at `offset`, for the no-panic sweeps.
    fn everything(p: &Parsed, a: Option<&crate::article::Article>, offset: usize) {
        let config = Config::default();
        if let Some(h) = hover(p, a, offset) {
            assert!(h.span.end <= p.text.len());
        }
        let cursor = offset.min(p.text.len()).max(p.tree.bom);
        // Editors cannot place the cursor between CR and LF.
        let in_crlf = p.text.get(cursor.saturating_sub(1)..cursor + 1) == Some("\r\n");
        for c in completion(p, a, offset, &config) {
            assert!(
                in_crlf || (c.replace.start <= cursor && cursor <= c.replace.end),
                "{c:?} at {offset}"
            );
            assert!(
                p.text.is_char_boundary(c.replace.start) && p.text.is_char_boundary(c.replace.end)
            );
        }
        match definition(p, a, offset) {
            Some(Target::File(s)) => assert!(s.end <= p.text.len()),
            Some(Target::Article(s)) => assert!(s.end <= a.map_or(0, |a| a.text.len())),
            None => {}
        }
    }

    #[test]
    fn no_panic_anywhere_in_the_example() {
        let p = parsed();
        let a = article();
        let boundaries: Vec<usize> = p
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([p.text.len()])
            .collect();
        for &offset in boundaries.iter().step_by(5) {
            everything(&p, Some(&a), offset);
        }
        assert!(!symbols(&p).is_empty());
    }

    #[test]
    fn no_panic_on_odd_text() {
        let a = article();
        for text in [
            "",
            "\u{feff}",
            "claim\r\n  source:\r\n  quote: Москва 😀\r\n",
            "actor \n  aka: ,, ,\n  kind:\nclaim x\n  via: ,\n  quote: ... … ...\n  quote:\n    Moscow was\n  cue:\n  stance:\n",
            "\tclaim a\n\t\tsource:\tX\n  # claimls: ignore\nsource: y\n    continued\n",
            "article: ../../elsewhere.txt\ndate: 2020-13-40\npublisher: ,\nclaim a\n  disputes: a, a\n  quote: Մոսկվա 🙂 \"x\n",
            "claim a\n  quote: Moscow was concerned over reports about the transfer of militants of illegal armed groups to the Nagorno-Karabakh conflict zone and more words that the article does not have at all\n",
        ] {
            let p = Parsed::new(text);
            for offset in text.char_indices().map(|(i, _)| i).chain([text.len(), text.len() + 10]) {
                everything(&p, Some(&a), offset);
                everything(&p, None, offset);
            }
            let _ = symbols(&p);
        }
    }
}
