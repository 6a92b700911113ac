//! Semantic tokens, folding ranges and selection ranges of an annotation.
//!
//! Tokens never span a line break (each piece of a multi-line value is its own token), so
//! clients without multi-line token support show them too. A quote's tokens carry its
//! match level, taken from the check's findings (C010/C011/C012 on it), so a theme can
//! colour a near miss apart from an exact quote without searching the article again.

use super::locate::{owner_of_block, Owner};
use crate::check::Parsed;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::RelationKind;
use crate::syntax::{BlockKind, LineKind};
use crate::text::Span;

/// Token types, in the order of the legend the server declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenType {
    /// `actor`, `claim`.
    Keyword,
    /// A field name.
    Property,
    /// An actor's name: declared (head, alias, or a use that names a declared actor) or
    /// not (a `source:`/`via:` naming no actor: modifier `undeclared`).
    Class,
    /// A claim id: a claim head or a relation's target.
    Event,
    /// A stance value.
    EnumMember,
    /// A quote.
    String,
    /// An elision marker inside a quote (`...`, `…`, `[…]`).
    Operator,
    /// A comment line.
    Comment,
    /// The date.
    Number,
}

impl TokenType {
    pub const ALL: [TokenType; 9] = [
        TokenType::Keyword,
        TokenType::Property,
        TokenType::Class,
        TokenType::Event,
        TokenType::EnumMember,
        TokenType::String,
        TokenType::Operator,
        TokenType::Comment,
        TokenType::Number,
    ];

    /// The LSP name of the type.
    pub fn name(self) -> &'static str {
        match self {
            TokenType::Keyword => "keyword",
            TokenType::Property => "property",
            TokenType::Class => "class",
            TokenType::Event => "event",
            TokenType::EnumMember => "enumMember",
            TokenType::String => "string",
            TokenType::Operator => "operator",
            TokenType::Comment => "comment",
            TokenType::Number => "number",
        }
    }
}

/// Token modifiers, as bits (bit `i` is `MODIFIERS[i]`).
pub mod modifier {
    pub const DECLARATION: u32 = 1;
    /// An actor name that no actor declares.
    pub const UNDECLARED: u32 = 1 << 1;
    /// A quote found in the article character for character.
    pub const EXACT: u32 = 1 << 2;
    /// A quote found only after normalizing (C012).
    pub const NORMALIZED: u32 = 1 << 3;
    /// A quote that differs from the article (C011).
    pub const NEAR_MISS: u32 = 1 << 4;
    /// A quote not found in the article (C010).
    pub const NOT_FOUND: u32 = 1 << 5;
}

/// Modifier names, in bit order.
pub const MODIFIERS: [&str; 6] = [
    "declaration",
    "undeclared",
    "exact",
    "normalized",
    "nearMiss",
    "notFound",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenType,
    pub modifiers: u32,
}

/// The tokens of the file in order. `findings` are the file's diagnostics (for quotes'
/// match levels); `article_loaded` says whether a quote without a finding is exact.
pub fn semantic_tokens(
    parsed: &Parsed,
    findings: &[Diagnostic],
    article_loaded: bool,
) -> Vec<Token> {
    let text = &parsed.text;
    let tree = &parsed.tree;
    let model = &parsed.model;
    let mut out = Vec::new();
    let mut push = |span: Span, kind: TokenType, modifiers: u32| {
        if !span.is_empty() {
            out.push(Token {
                span,
                kind,
                modifiers,
            });
        }
    };
    // Quote match levels from the findings, by the quote field's start.
    let mut quote_level: Vec<(Span, u32)> = findings
        .iter()
        .filter_map(|d| {
            let level = match d.code {
                Code::QuoteNotFound => modifier::NOT_FOUND,
                Code::QuoteNearMiss => modifier::NEAR_MISS,
                Code::QuoteNormalized => modifier::NORMALIZED,
                _ => return None,
            };
            Some((d.span, level))
        })
        .collect();
    quote_level.sort_by_key(|(s, _)| s.start);
    let actor_use = |name: &str| {
        if model.actor_index(name).is_some() {
            0
        } else {
            modifier::UNDECLARED
        }
    };

    for line in &tree.lines {
        if line.kind() == LineKind::Comment {
            push(
                Span::new(
                    line.content().start + line.indent() as usize,
                    line.content().end,
                ),
                TokenType::Comment,
                0,
            );
        }
    }
    for field in &tree.header {
        push(field.key(), TokenType::Property, 0);
        let name = field.key().slice(text);
        for &piece in &field.pieces {
            match name {
                "date" => push(piece, TokenType::Number, 0),
                "publisher" => {
                    for item in items(text, piece) {
                        push(item, TokenType::Class, actor_use(item.slice(text)));
                    }
                }
                _ => {}
            }
        }
    }
    for (b, block) in tree.blocks.iter().enumerate() {
        let head = tree.lines[block.line()].content();
        let keyword = Span::new(head.start, head.start + block.kind.keyword().len());
        push(keyword, TokenType::Keyword, 0);
        match block.kind {
            BlockKind::Actor => push(block.name(), TokenType::Class, modifier::DECLARATION),
            BlockKind::Claim => push(block.name(), TokenType::Event, modifier::DECLARATION),
        }
        let owner = owner_of_block(tree, b);
        for field in tree.fields(block) {
            push(field.key(), TokenType::Property, 0);
            let name = field.key().slice(text);
            for &piece in &field.pieces {
                match (owner, name) {
                    (Owner::Actor(_), "aka") => {
                        for item in items(text, piece) {
                            push(item, TokenType::Class, modifier::DECLARATION);
                        }
                    }
                    (Owner::Claim(_), "source") => {
                        push(piece, TokenType::Class, actor_use(piece.slice(text)))
                    }
                    (Owner::Claim(_), "via") => {
                        for item in items(text, piece) {
                            push(item, TokenType::Class, actor_use(item.slice(text)));
                        }
                    }
                    (Owner::Claim(_), "stance") => push(piece, TokenType::EnumMember, 0),
                    (Owner::Claim(_), n) if RelationKind::from_field(n).is_some() => {
                        for item in items(text, piece) {
                            push(item, TokenType::Event, 0);
                        }
                    }
                    (Owner::Claim(_), "quote") => {
                        // Sorted by start: the first finding starting in the field.
                        let from =
                            quote_level.partition_point(|(s, _)| s.start < field.span().start);
                        let level = quote_level[from..]
                            .iter()
                            .take_while(|(s, _)| s.start <= field.span().end)
                            .find(|(s, _)| field.span().contains_span(*s))
                            .map(|(_, l)| *l)
                            .unwrap_or(if article_loaded { modifier::EXACT } else { 0 });
                        quote_pieces(text, piece, level, &mut push);
                    }
                    _ => {}
                }
            }
        }
    }
    out.sort_by_key(|t| (t.span.start, t.span.end));
    out.dedup_by(|b, a| b.span.start < a.span.end);
    out
}

/// The comma-separated items of one line's piece, trimmed.
fn items(text: &str, piece: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = piece.start;
    for part in piece.slice(text).split(',') {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += part.len() + 1;
    }
    out
}

/// A quote's piece as string tokens around its elision markers.
fn quote_pieces(text: &str, piece: Span, level: u32, push: &mut impl FnMut(Span, TokenType, u32)) {
    let s = piece.slice(text);
    let mut from = 0;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let marker = ["[…]", "[...]", "…", "..."]
            .iter()
            .find(|m| rest.starts_with(**m))
            .map(|m| m.len());
        match marker {
            Some(len) => {
                push(
                    Span::new(piece.start + from, piece.start + i),
                    TokenType::String,
                    level,
                );
                push(
                    Span::new(piece.start + i, piece.start + i + len),
                    TokenType::Operator,
                    0,
                );
                i += len;
                from = i;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    push(
        Span::new(piece.start + from, piece.end),
        TokenType::String,
        level,
    );
}

/// A foldable region: whole lines `start_line..=end_line` (zero-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    pub start_line: usize,
    pub end_line: usize,
    /// A run of comment lines rather than a block or a long value.
    pub comment: bool,
}

/// Blocks, values over several lines, and runs of two or more comment lines.
pub fn folding_ranges(parsed: &Parsed) -> Vec<Fold> {
    let tree = &parsed.tree;
    let mut out = Vec::new();
    // A region from line `first` to the line of `span`'s last byte, when that is later.
    let mut fold = |first: usize, span: Span| {
        let last = tree.line_at(span.end.saturating_sub(1)).unwrap_or(first);
        if last > first {
            out.push(Fold {
                start_line: first,
                end_line: last,
                comment: false,
            });
        }
    };
    for block in &tree.blocks {
        fold(block.line(), block.span());
        for field in tree.fields(block).filter(|f| f.pieces.len() > 1) {
            fold(field.line(), field.span());
        }
    }
    let mut i = 0;
    while i < tree.lines.len() {
        if tree.lines[i].kind() == LineKind::Comment {
            let start = i;
            while i + 1 < tree.lines.len() && tree.lines[i + 1].kind() == LineKind::Comment {
                i += 1;
            }
            if i > start {
                out.push(Fold {
                    start_line: start,
                    end_line: i,
                    comment: true,
                });
            }
        }
        i += 1;
    }
    out.sort_by_key(|f| (f.start_line, std::cmp::Reverse(f.end_line)));
    out
}

/// The selection ranges around `offset`, innermost first: the list item or value under
/// the cursor, its field, its block, the whole file.
pub fn selection_ranges(parsed: &Parsed, offset: usize) -> Vec<Span> {
    let text = &parsed.text;
    let tree = &parsed.tree;
    let mut out: Vec<Span> = Vec::new();
    let mut add = |s: Span| {
        if s.touches(offset)
            && out
                .last()
                .is_none_or(|l: &Span| s.contains_span(*l) && s != *l)
        {
            out.push(s);
        }
    };
    let fields = tree.header.iter().map(|f| (f.clone(), None)).chain(
        tree.blocks
            .iter()
            .flat_map(|b| tree.fields(b).map(move |f| (f, Some(b)))),
    );
    let mut block_span = None;
    for (field, block) in fields {
        if !field.span().touches(offset) {
            continue;
        }
        for &piece in &field.pieces {
            if piece.touches(offset) {
                if let Some(item) = items(text, piece).into_iter().find(|i| i.touches(offset)) {
                    add(item);
                }
                add(piece);
            }
        }
        if field.pieces.len() > 1 {
            let first = field.pieces.iter().find(|p| !p.is_empty()).copied();
            if let (Some(first), Some(last)) = (first, field.pieces.last()) {
                add(first.cover(*last));
            }
        }
        add(field.span());
        block_span = block.map(|b| b.span());
        break;
    }
    if block_span.is_none() {
        block_span = tree
            .blocks
            .iter()
            .find(|b| b.span().touches(offset))
            .map(|b| {
                if tree.lines[b.line()].content().touches(offset) {
                    add(b.name());
                }
                b.span()
            });
    }
    if let Some(b) = block_span {
        add(b);
    }
    add(Span::new(0, text.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{at, parsed};

    fn kinds(p: &Parsed, tokens: &[Token], needle: &str) -> Vec<(String, TokenType, u32)> {
        let line = at(p, needle, 0);
        let end = line + needle.len();
        tokens
            .iter()
            .filter(|t| t.span.start >= line && t.span.end <= end)
            .map(|t| (t.span.slice(&p.text).to_string(), t.kind, t.modifiers))
            .collect()
    }

    #[test]
    fn tokens_name_keywords_fields_actors_ids_and_quotes() {
        let p = parsed();
        let tokens = semantic_tokens(&p, &[], true);
        assert_eq!(
            kinds(&p, &tokens, "claim baku-denial\n  source: Azerbaijan"),
            [
                ("claim".into(), TokenType::Keyword, 0),
                (
                    "baku-denial".into(),
                    TokenType::Event,
                    modifier::DECLARATION
                ),
                ("source".into(), TokenType::Property, 0),
                ("Azerbaijan".into(), TokenType::Class, 0),
            ]
        );
        assert_eq!(
            kinds(&p, &tokens, "  disputes: armenia-accusation"),
            [
                ("disputes".into(), TokenType::Property, 0),
                ("armenia-accusation".into(), TokenType::Event, 0),
            ]
        );
        // A two-line quote: one token per line, never across the line break.
        let quote = kinds(&p, &tokens, "  quote: Moscow was concerned over reports about the transfer of militants of illegal\n    armed groups to the Nagorno-Karabakh conflict zone");
        assert_eq!(quote.len(), 3, "{quote:?}");
        assert!(quote[1..]
            .iter()
            .all(|(_, k, m)| *k == TokenType::String && *m == modifier::EXACT));
        // Tokens are ordered and never overlap.
        assert!(tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }

    #[test]
    fn undeclared_sources_elisions_and_match_levels_are_marked() {
        let text = "article: a.txt\n\nclaim x\n  source: Nobody Known\n  quote: first part ... second part\n";
        let p = Parsed::new(text);
        let near = Diagnostic::new(
            Code::QuoteNearMiss,
            Span::new(text.find("second").unwrap(), text.len() - 1),
            "x",
        );
        let tokens = semantic_tokens(&p, &[near], true);
        let pick = |s: &str| {
            tokens
                .iter()
                .find(|t| t.span.slice(text) == s)
                .copied()
                .unwrap()
        };
        assert_eq!(pick("Nobody Known").modifiers, modifier::UNDECLARED);
        assert_eq!(pick("...").kind, TokenType::Operator);
        assert_eq!(pick("first part ").modifiers, modifier::NEAR_MISS);
    }

    #[test]
    fn folds_blocks_long_values_and_comment_runs() {
        let p = parsed();
        let folds = folding_ranges(&p);
        assert!(folds.iter().any(|f| f.comment && f.start_line == 0));
        let claim_line = p.text[..at(&p, "claim moscow-concern", 0)]
            .matches('\n')
            .count();
        let block = folds.iter().find(|f| f.start_line == claim_line).unwrap();
        assert_eq!(block.end_line, claim_line + 5, "claim head to its stance");
        assert!(folds
            .iter()
            .any(|f| f.start_line == claim_line + 3 && f.end_line == claim_line + 4));
    }

    #[test]
    fn selection_grows_from_item_to_file() {
        let p = parsed();
        let offset = at(&p, "aka: The man, Syrian man", 16);
        let ranges: Vec<&str> = selection_ranges(&p, offset)
            .iter()
            .map(|s| s.slice(&p.text))
            .collect();
        assert_eq!(ranges[0], "Syrian man");
        assert_eq!(ranges[1], "The man, Syrian man, former rebel");
        assert!(ranges[2].starts_with("aka: "));
        assert!(ranges[3].starts_with("actor Syrian national"));
        assert_eq!(ranges.last().unwrap().len(), p.text.len());
    }
}
