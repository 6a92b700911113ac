//! Line-by-line parser. Each line is classified on its own (indentation, first character,
//! `key:` shape), so an error on one line never derails the lines after it.

use super::{BlockKind, BlockNode, FieldNode, Line, LineKind, Pieces, SyntaxError, SyntaxTree};
use crate::text::{lines, sized_exactly, Span};

const BOM: &str = "\u{feff}";

pub fn parse(text: &str) -> SyntaxTree {
    parse_region(text, Span::new(0, text.len()), 0)
}

/// Parses the lines of `text[region]` as if they came at line `first_line` of the file,
/// with spans in `text`. `region` must start at a line start, and the parser's state
/// there must be fresh: the file's start, or a block header line (which closes all that
/// came before it). The incremental re-parse relies on this.
pub(super) fn parse_region(text: &str, region: Span, first_line: usize) -> SyntaxTree {
    let mut p = Parser {
        text,
        tree: SyntaxTree {
            bom: if text.starts_with(BOM) { BOM.len() } else { 0 },
            ..SyntaxTree::default()
        },
        block: None,
        field: None,
        first_line,
    };
    // One line per line break (and the last), room made once: no copies while growing.
    let breaks = region.slice(text).bytes().filter(|&b| b == b'\n').count();
    p.tree.lines.reserve_exact(breaks + 1);
    for (content, full) in lines(region.slice(text)) {
        p.line(
            content.shift(region.start as isize),
            full.shift(region.start as isize),
        );
    }
    p.close_block();
    // Grown by doubling, the blocks would keep room for up to twice their number: 80
    // bytes each, for the document's lifetime (a big file has tens of thousands).
    p.tree.blocks = sized_exactly(std::mem::take(&mut p.tree.blocks));
    p.tree
}

struct OpenField {
    /// A header field's node, grown by its continuation lines. `None` for a block's
    /// field: those are read from the tree's lines (`SyntaxTree::fields`), so the parser
    /// builds nothing for them.
    node: Option<FieldNode>,
    indent: usize,
}

struct Parser<'a> {
    text: &'a str,
    tree: SyntaxTree,
    block: Option<BlockNode>,
    field: Option<OpenField>,
    /// File index of the first line parsed (non-zero in a re-parsed region).
    first_line: usize,
}

impl Parser<'_> {
    fn line(&mut self, mut content: Span, full: Span) {
        if content.start == 0 && self.tree.bom > 0 {
            content.start = self.tree.bom.min(content.end);
        }
        let bytes = self.text.as_bytes();
        let indent = bytes[content.start..content.end]
            .iter()
            .take_while(|b| **b == b' ' || **b == b'\t')
            .count();
        let rest = Span::new(content.start + indent, content.end);
        let rest_text = rest.slice(self.text);
        let index = self.next_line();
        // Saturates only on a line of over 4 GiB of leading whitespace.
        let indent_u32 = u32::try_from(indent).unwrap_or(u32::MAX);
        let mut line = Line::new(LineKind::Blank, content, full, indent_u32);

        if rest_text.trim().is_empty() {
            self.close_field();
        } else if rest_text.starts_with('#') {
            self.close_field();
            line.set_kind(LineKind::Comment);
            line.set_value(Some(trim(self.text, Span::new(rest.start + 1, rest.end))));
        } else if indent > 0 && self.field.as_ref().is_some_and(|f| indent > f.indent) {
            line.set_kind(LineKind::Continuation);
            let piece = trim(self.text, rest);
            line.set_value(Some(piece));
            let field = self.field.as_mut().expect("checked above");
            if let Some(node) = field.node.as_mut() {
                node.pieces.push(piece);
                node.span.end = super::narrow(piece.end);
            }
        } else if indent == 0 {
            self.column_zero(&mut line, rest, index);
        } else {
            self.indented(&mut line, rest, index);
        }
        if line.kind() != LineKind::Blank && line.kind() != LineKind::Comment && indent > 0 {
            if let Some(block) = self.block.as_mut() {
                block.set_span_end(block.span().end.max(content.end));
            }
        }
        self.tree.lines.push(line);
    }

    fn column_zero(&mut self, line: &mut Line, rest: Span, index: usize) {
        self.close_field();
        let text = rest.slice(self.text);
        let keyword = text.split([' ', '\t']).next().unwrap_or("");
        let kind = match keyword {
            "actor" => Some(BlockKind::Actor),
            "claim" => Some(BlockKind::Claim),
            _ => None,
        };
        if let Some(kind) = kind {
            self.close_block();
            let key = Span::new(rest.start, rest.start + keyword.len());
            let name = trim(self.text, Span::new(key.end, rest.end));
            line.set_kind(LineKind::BlockHeader);
            line.set_key(Some(key));
            line.set_value(Some(name));
            if kind == BlockKind::Claim {
                self.check_claim_id(key, name);
            }
            self.block = Some(BlockNode::new(
                kind,
                index,
                name,
                Span::new(rest.start, rest.end),
                index + 1,
            ));
            return;
        }
        if let Some((key, value)) = split_field(self.text, rest) {
            self.close_block();
            line.set_kind(LineKind::Field);
            line.set_key(Some(key));
            line.set_value(Some(value));
            self.open_field(index, key, value, 0, false);
            return;
        }
        line.set_kind(LineKind::Error);
        let message = match crate::suggest::closest(keyword, &["actor", "claim"]) {
            Some(s) => format!("unknown block keyword `{keyword}`: did you mean `{s}`? Expected `actor NAME`, `claim ID` or a header field `name: value`"),
            None if text.contains(':') => format!("expected a header field `name: value` (field names are letters, digits, `-` and `_`), found `{}`", clip(text)),
            None => format!("expected `actor NAME`, `claim ID` or a header field `name: value` at column 0, found `{}`", clip(text)),
        };
        self.error(rest, message);
    }

    fn indented(&mut self, line: &mut Line, rest: Span, index: usize) {
        self.close_field();
        if let Some((key, value)) = split_field(self.text, rest) {
            line.set_kind(LineKind::Field);
            line.set_key(Some(key));
            line.set_value(Some(value));
            if self.block.is_none() {
                line.set_kind(LineKind::Error);
                self.error(
                    rest,
                    "indented field outside any block: start a block with `actor NAME` or `claim ID` at column 0, or move the field to column 0".into(),
                );
                return;
            }
            self.open_field(index, key, value, line.indent() as usize, true);
            return;
        }
        line.set_kind(LineKind::Error);
        let text = rest.slice(self.text);
        let word_end = text.find(|c: char| !is_key_char(c)).unwrap_or(text.len());
        let message = if word_end > 0 && word_end == text.len() {
            format!(
                "expected `field: value`, found `{}` with no `:` after it",
                clip(text)
            )
        } else if word_end > 0 {
            format!("expected `:` after the field name `{}`", &text[..word_end])
        } else {
            format!("expected `field: value`, found `{}`", clip(text))
        };
        self.error(rest, message);
    }

    fn open_field(&mut self, index: usize, key: Span, value: Span, indent: usize, in_block: bool) {
        self.field = Some(OpenField {
            node: (!in_block).then(|| {
                FieldNode::new(
                    index,
                    key,
                    Pieces::One(value),
                    Span::new(key.start, value.end.max(key.end + 1)),
                )
            }),
            indent,
        });
    }

    fn close_field(&mut self) {
        if let Some(node) = self.field.take().and_then(|f| f.node) {
            self.tree.header.push(node);
        }
    }

    fn close_block(&mut self) {
        self.close_field();
        if let Some(mut block) = self.block.take() {
            block.set_end_line(self.next_line().max(block.line() + 1));
            self.tree.blocks.push(block);
        }
    }

    /// File index of the line about to be added.
    fn next_line(&self) -> usize {
        self.first_line + self.tree.lines.len()
    }

    fn check_claim_id(&mut self, key: Span, name: Span) {
        let id = name.slice(self.text);
        if id.is_empty() {
            self.error(
                key,
                "claim needs an id: `claim some-id` (lowercase letters, digits and `-`)".into(),
            );
        } else if !is_claim_id(id) {
            let fixed = suggest_id(id);
            self.error(
                name,
                format!("invalid claim id `{}`: use lowercase letters, digits and `-`, starting with a letter or digit (e.g. `{fixed}`)", clip(id)),
            );
        }
    }

    fn error(&mut self, span: Span, message: String) {
        self.tree.errors.push(SyntaxError { span, message });
    }
}

pub(crate) fn is_claim_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A valid id close to `id`: lowercased, other characters replaced by `-`.
pub(crate) fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "claim-1".into()
    } else {
        out
    }
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// `key: value` with `key` = `[A-Za-z][A-Za-z0-9_-]*` right before the first `:`.
fn split_field(text: &str, rest: Span) -> Option<(Span, Span)> {
    let s = rest.slice(text);
    let colon = s.find(':')?;
    let key = &s[..colon];
    if key.is_empty()
        || !key.starts_with(|c: char| c.is_ascii_alphabetic())
        || !key.chars().all(is_key_char)
    {
        return None;
    }
    let key_span = Span::new(rest.start, rest.start + colon);
    let value = trim(text, Span::new(rest.start + colon + 1, rest.end));
    Some((key_span, value))
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    if start > end {
        Span::empty(span.end)
    } else {
        Span::new(start, end)
    }
}

/// Offending text quoted in a message, kept short.
fn clip(s: &str) -> String {
    crate::text::clip(s, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# header\narticle: a.txt\npublisher: A,\n  B\n\nactor Russian Foreign Ministry\n  aka: Moscow\n\nclaim c-1\n  source: Moscow\n  quote: one two\n    three\n  # a comment\n  stance: asserts\n";

    #[test]
    fn lossless_every_byte_in_one_line() {
        for text in [
            SAMPLE,
            "",
            "x",
            "\u{feff}claim a\r\n  quote: x\r\n",
            "a\rb\n\n",
            "  \t\n#\n",
        ] {
            let tree = parse(text);
            let mut pos = 0;
            for line in &tree.lines {
                assert_eq!(line.full().start, pos);
                pos = line.full().end;
            }
            assert_eq!(pos, text.len(), "{text:?}");
        }
    }

    #[test]
    fn builds_header_blocks_and_continuations() {
        let tree = parse(SAMPLE);
        assert!(tree.errors.is_empty(), "{:?}", tree.errors);
        assert_eq!(tree.header.len(), 2);
        let publisher = &tree.header[1];
        let pieces: Vec<_> = publisher.pieces.iter().map(|p| p.slice(SAMPLE)).collect();
        assert_eq!(pieces, ["A,", "B"]);
        assert_eq!(tree.blocks.len(), 2);
        let claim = &tree.blocks[1];
        assert_eq!(claim.kind, BlockKind::Claim);
        assert_eq!(claim.name().slice(SAMPLE), "c-1");
        let fields: Vec<FieldNode> = tree.fields(claim).collect();
        assert_eq!(fields.len(), 3);
        let quote = &fields[1];
        assert_eq!(
            quote
                .pieces
                .iter()
                .map(|p| p.slice(SAMPLE))
                .collect::<Vec<_>>(),
            ["one two", "three"]
        );
        assert_eq!(
            tree.block_at(SAMPLE.find("stance").unwrap())
                .unwrap()
                .line(),
            claim.line()
        );
    }

    #[test]
    fn recovers_from_half_typed_lines() {
        let text = "claim a\n  sour\n  quote: x\nclam b\nclaim Bad_Id\n  quote: y\n";
        let tree = parse(text);
        let messages: Vec<_> = tree.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("no `:`"));
        assert!(messages[1].contains("did you mean `claim`"));
        assert!(messages[2].contains("`bad-id`"));
        assert_eq!(tree.blocks.len(), 2);
        assert_eq!(
            tree.fields(&tree.blocks[0]).count(),
            1,
            "the quote after the broken line still parses"
        );
        assert_eq!(tree.fields(&tree.blocks[1]).count(), 1);
    }

    #[test]
    fn crlf_bom_and_tabs() {
        let text = "\u{feff}claim a\r\n\tquote: x y\r\n\t\tz\r\n";
        let tree = parse(text);
        assert!(tree.errors.is_empty(), "{:?}", tree.errors);
        let quote = &tree.fields(&tree.blocks[0]).next().unwrap();
        assert_eq!(
            quote
                .pieces
                .iter()
                .map(|p| p.slice(text))
                .collect::<Vec<_>>(),
            ["x y", "z"]
        );
    }

    #[test]
    fn claim_without_id_and_field_outside_block() {
        let tree = parse("claim\n");
        assert!(tree.errors[0].message.contains("needs an id"));
        let tree = parse("\n  quote: x\n");
        assert!(tree.errors[0].message.contains("outside any block"));
    }

    #[test]
    fn compact_lines_and_pieces_read_back_as_spans() {
        // An empty key or value at offset 0 is a span, not "no span".
        let mut line = Line::new(LineKind::Field, Span::new(0, 4), Span::new(0, 5), 0);
        assert_eq!((line.key(), line.value()), (None, None));
        line.set_key(Some(Span::empty(0)));
        line.set_value(Some(Span::new(3, 4)));
        assert_eq!(line.key(), Some(Span::empty(0)));
        assert_eq!(line.value(), Some(Span::new(3, 4)));
        line.shift(10);
        assert_eq!(
            (line.content(), line.full()),
            (Span::new(10, 14), Span::new(10, 15))
        );
        assert_eq!(line.key(), Some(Span::empty(10)));
        line.set_value(None);
        line.shift(-10);
        assert_eq!((line.value(), line.indent()), (None, 0));
        assert_eq!(line.kind(), LineKind::Field);
        assert_eq!(line.key(), Some(Span::empty(0)));

        // Kind, indent and the content's start after a byte order mark share one number.
        let text = "\u{feff}claim c\n  quote: one\n";
        let tree = parse(text);
        let first = &tree.lines[0];
        assert_eq!((first.kind(), first.indent()), (LineKind::BlockHeader, 0));
        assert_eq!(
            (first.content(), first.full()),
            (Span::new(3, 10), Span::new(0, 11))
        );
        let second = &tree.lines[1];
        assert_eq!((second.kind(), second.indent()), (LineKind::Field, 2));
        assert_eq!(second.content(), Span::new(11, 23));
        let mut line = Line::new(LineKind::Error, Span::new(3, 5), Span::new(0, 6), 7);
        line.set_kind(LineKind::Continuation);
        line.shift(4);
        assert_eq!((line.kind(), line.indent()), (LineKind::Continuation, 7));
        assert_eq!(
            (line.content(), line.full()),
            (Span::new(7, 9), Span::new(4, 10))
        );

        let text = "claim c\n  quote: one\n    two\n    three\n  cue: said\n";
        let tree = parse(text);
        let fields: Vec<FieldNode> = tree.fields(&tree.blocks[0]).collect();
        let texts = |f: &FieldNode| f.pieces.iter().map(|p| p.slice(text)).collect::<Vec<_>>();
        assert_eq!(texts(&fields[0]), ["one", "two", "three"]);
        assert_eq!(texts(&fields[1]), ["said"]);
        assert!(matches!(fields[1].pieces, Pieces::One(_)));
    }

    #[test]
    fn a_lines_key_and_line_break_are_derived_and_move_with_it() {
        // Every line break (none, LF, CRLF, a lone CR), a byte order mark, indents, keys,
        // blocks, continuations and lines without a key: the packed line gives back what
        // the parser found, before and after edits that move it.
        let text = "\u{feff}publisher: P\r\nclaim c-1\r  quote: one\n\t\t two\n\n# note\n  \tcue:said\n  bad\nactor A\n  kind:";
        let tree = parse(text);
        let spans = |l: &Line| {
            (
                l.kind(),
                l.indent(),
                l.content(),
                l.full(),
                l.key(),
                l.value(),
            )
        };
        let before: Vec<_> = tree.lines.iter().map(spans).collect();
        let mut pos = 0;
        for (line, (content, full)) in tree.lines.iter().zip(crate::text::lines(text)) {
            assert_eq!(line.full(), full);
            assert_eq!(line.content().end, content.end);
            assert_eq!(line.full().start, pos);
            pos = line.full().end;
            if let Some(key) = line.key() {
                let name = key.slice(text);
                assert!(
                    ["publisher", "claim", "quote", "cue", "actor", "kind"].contains(&name),
                    "{name:?}"
                );
                assert_eq!(key.start, line.content().start + line.indent() as usize);
            }
        }
        assert_eq!(pos, text.len());
        let keyed: Vec<&str> = tree
            .lines
            .iter()
            .filter_map(|l| l.key().map(|k| k.slice(text)))
            .collect();
        assert_eq!(
            keyed,
            ["publisher", "claim", "quote", "cue", "actor", "kind"]
        );
        let kinds: Vec<LineKind> = tree.lines.iter().map(Line::kind).collect();
        assert!(kinds.contains(&LineKind::Continuation) && kinds.contains(&LineKind::Error));
        for by in [7isize, 1 << 20, -3] {
            let mut moved = tree.lines.clone();
            for line in &mut moved {
                line.shift(10);
                line.shift(by);
            }
            for (line, was) in moved.iter().zip(&before) {
                let at = |s: Span| s.shift(10 + by);
                assert_eq!(
                    spans(line),
                    (
                        was.0,
                        was.1,
                        at(was.2),
                        at(was.3),
                        was.4.map(at),
                        was.5.map(at)
                    ),
                    "moved by {by}"
                );
            }
        }
        // A line without a key keeps none when moved; an empty key is a key.
        let mut line = Line::new(LineKind::Blank, Span::new(5, 5), Span::new(5, 7), 0);
        line.shift(100);
        assert_eq!((line.key(), line.full()), (None, Span::new(105, 107)));
        let mut line = Line::new(LineKind::Field, Span::new(5, 9), Span::new(5, 9), 3);
        line.set_key(Some(Span::empty(8)));
        line.shift(-5);
        assert_eq!(
            (line.key(), line.full()),
            (Some(Span::empty(3)), Span::new(0, 4))
        );
    }

    #[test]
    fn a_blocks_fields_are_read_from_its_lines() {
        let text = "claim a\n  source: S\n\n  quote: one\n    two\n# c\n  cue: said\nbad line\n\tstance: asserts\nclaim b\n  quote:\n    x\nlate: 1\n  y\n";
        let tree = parse(text);
        let shown = |b: usize| {
            tree.fields(&tree.blocks[b])
                .map(|f| {
                    let pieces: Vec<&str> = f.pieces.iter().map(|p| p.slice(text)).collect();
                    (f.line(), f.key().slice(text), pieces, f.span().slice(text))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            shown(0),
            [
                (1, "source", vec!["S"], "source: S"),
                (3, "quote", vec!["one", "two"], "quote: one\n    two"),
                (6, "cue", vec!["said"], "cue: said"),
                // A column-0 error line does not end the block.
                (8, "stance", vec!["asserts"], "stance: asserts"),
            ]
        );
        assert_eq!(shown(1), [(10, "quote", vec!["", "x"], "quote:\n    x")]);
        // A column-0 field ends the block: it and its continuation are the header's.
        assert_eq!(tree.header.len(), 1);
        assert_eq!(tree.header[0].pieces.len(), 2);
    }

    #[test]
    fn a_packed_block_gives_back_its_lines_and_spans() {
        let top = u32::MAX as usize - 1;
        for (line, name, span, end_line) in [
            (0, Span::empty(6), Span::new(0, 6), 1),
            (7, Span::new(12, 20), Span::new(6, 90), 12),
            (
                top - 2,
                Span::new(top - 3, top),
                Span::new(top - 9, top),
                top,
            ),
        ] {
            for kind in [BlockKind::Actor, BlockKind::Claim] {
                let b = BlockNode::new(kind, line, name, span, end_line);
                assert_eq!(
                    (b.kind, b.line(), b.name(), b.span(), b.end_line()),
                    (kind, line, name, span, end_line)
                );
                let mut c = b.clone();
                let other = if end_line > line + 1 {
                    end_line - 1
                } else {
                    end_line + 1
                };
                c.set_end_line(other);
                assert_eq!(c.end_line(), other);
                assert_eq!((c.line(), c.name(), c.span()), (line, name, span));
                assert_ne!(c, b);
            }
        }
    }

    #[test]
    fn blocks_of_non_ascii_crlf_text_after_a_byte_order_mark() {
        let text = "\u{feff}article: ä.txt\r\n\r\nactor Zoë Ångström\r\n  aka: Zoë\r\n\r\nclaim ünï-1\r\n  source: Zoë Ångström\r\n  quote: “öffnet”\r\n    im Juni\r\n# note\r\nclaim c-2\r\n  cue: sagte";
        let tree = parse(text);
        let got: Vec<_> = tree
            .blocks
            .iter()
            .map(|b| {
                (
                    b.kind,
                    b.line(),
                    b.name().slice(text),
                    b.span().slice(text),
                    b.end_line(),
                )
            })
            .collect();
        // A block's lines run to the next block's header.
        assert_eq!(
            got,
            [
                (
                    BlockKind::Actor,
                    2,
                    "Zoë Ångström",
                    "actor Zoë Ångström\r\n  aka: Zoë",
                    5
                ),
                (
                    BlockKind::Claim,
                    5,
                    "ünï-1",
                    "claim ünï-1\r\n  source: Zoë Ångström\r\n  quote: “öffnet”\r\n    im Juni",
                    10
                ),
                (BlockKind::Claim, 10, "c-2", "claim c-2\r\n  cue: sagte", 12),
            ]
        );
        // The same after an edit above the blocks moves them (incremental parse).
        let mut moved = tree.clone();
        let edit = Span::empty(text.find("article").unwrap());
        let inserted = "date: 2021-01-01\r\n";
        let mut new = text.to_string();
        new.insert_str(edit.start, inserted);
        let region = moved.reparse_region(edit).unwrap();
        moved.reparse(&new, region, edit, inserted.len());
        assert_eq!(moved.blocks, parse(&new).blocks);
        assert_eq!(moved.blocks[1].name().slice(&new), "ünï-1");
        assert_eq!(moved.blocks[1].line(), 6);
    }
}
