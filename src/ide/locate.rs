//! What the cursor is on: a block head, a field's key, a field's value.

use crate::check::Parsed;
use crate::model::{Item, Value};
use crate::syntax::{BlockKind, BlockNode, FieldNode, LineKind, SyntaxTree};
use crate::text::Span;

/// Whose field a field is. Indices are into the model's `actors` and `claims`, which hold
/// one entry per block of that kind, in file order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    Header,
    Actor(usize),
    Claim(usize),
}

#[derive(Clone, Debug)]
pub(crate) struct FieldAt<'a> {
    /// Made from the tree's lines for a block's field (see `SyntaxTree::fields`).
    pub node: FieldNode,
    pub name: &'a str,
    pub owner: Owner,
    pub value: Value,
}

impl FieldAt<'_> {
    /// The comma-separated item under `offset` (a cursor right after an item counts).
    pub fn item_at(&self, offset: usize) -> Option<Item> {
        self.value
            .items()
            .into_iter()
            .find(|i| i.span.touches(offset))
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Place<'a> {
    ActorHead(usize),
    ClaimHead(usize),
    Key(FieldAt<'a>),
    Value(FieldAt<'a>),
    Nothing,
}

/// The model index of every block: `(kind, index among blocks of that kind)`.
pub(crate) fn owner_of_block(tree: &SyntaxTree, block: usize) -> Owner {
    let kind = tree.blocks[block].kind;
    let index = tree.blocks[..block]
        .iter()
        .filter(|b| b.kind == kind)
        .count();
    match kind {
        BlockKind::Actor => Owner::Actor(index),
        BlockKind::Claim => Owner::Claim(index),
    }
}

/// The block node of the `index`-th block of `kind`.
pub(crate) fn block_of(tree: &SyntaxTree, kind: BlockKind, index: usize) -> Option<&BlockNode> {
    tree.blocks.iter().filter(|b| b.kind == kind).nth(index)
}

/// The last block that starts at or before `line`: the block a new indented line there
/// would belong to.
pub(crate) fn block_before_line(tree: &SyntaxTree, line: usize) -> Option<usize> {
    // The blocks are in file order: a binary search (a big file has 50,000).
    tree.blocks
        .partition_point(|b| b.line() <= line)
        .checked_sub(1)
}

/// Line index of the last line of a field (its last continuation line).
pub(crate) fn last_line(tree: &SyntaxTree, node: &FieldNode) -> usize {
    match node.pieces.len() {
        0 | 1 => node.line(),
        _ => tree
            .line_at(node.pieces[node.pieces.len() - 1].start)
            .unwrap_or(node.line()),
    }
}

/// The field whose lines include `line`, with its owner.
pub(crate) fn field_on_line<'a>(parsed: &'a Parsed, line: usize) -> Option<FieldAt<'a>> {
    let tree = &parsed.tree;
    let make = |node: FieldNode, owner: Owner| FieldAt {
        name: node.key().slice(&parsed.text),
        owner,
        value: Value::from_pieces(&parsed.text, &node.pieces),
        node,
    };
    let covers = |node: &FieldNode| node.line() <= line && line <= last_line(tree, node);
    if let Some(node) = tree.header.iter().find(|n| covers(n)) {
        return Some(make(node.clone(), Owner::Header));
    }
    let b = block_before_line(tree, line)?;
    let node = tree.fields(&tree.blocks[b]).find(|n| covers(n))?;
    Some(make(node, owner_of_block(tree, b)))
}

/// What is at byte `offset` of the annotation.
pub(crate) fn place_at(parsed: &Parsed, offset: usize) -> Place<'_> {
    let tree = &parsed.tree;
    let Some(line_index) = tree.line_at(offset) else {
        return Place::Nothing;
    };
    let line = &tree.lines[line_index];
    if offset >= line.full().end && line.full().end > line.content().end {
        return Place::Nothing; // On the empty line after the final line break.
    }
    match line.kind() {
        LineKind::BlockHeader => match tree.blocks.iter().position(|b| b.line() == line_index) {
            Some(b) => match owner_of_block(tree, b) {
                Owner::Actor(i) => Place::ActorHead(i),
                Owner::Claim(i) => Place::ClaimHead(i),
                Owner::Header => Place::Nothing,
            },
            None => Place::Nothing,
        },
        LineKind::Field | LineKind::Continuation => match field_on_line(parsed, line_index) {
            Some(field) if line.kind() == LineKind::Field && offset <= field.node.key().end => {
                Place::Key(field)
            }
            Some(field) => Place::Value(field),
            None => Place::Nothing,
        },
        _ => Place::Nothing,
    }
}

/// The span of a block head to report a hover on: keyword to name.
pub(crate) fn head_span(block: &BlockNode) -> Span {
    let keyword_end = block.span().start + block.kind.keyword().len();
    Span::new(block.span().start, block.name().end.max(keyword_end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{at, parsed};

    #[test]
    fn finds_heads_keys_values_and_continuations() {
        let p = parsed();
        assert!(matches!(
            place_at(&p, at(&p, "claim moscow-concern", 8)),
            Place::ClaimHead(_)
        ));
        assert!(matches!(
            place_at(&p, at(&p, "actor CNN", 7)),
            Place::ActorHead(0)
        ));
        match place_at(&p, at(&p, "  source: Russian Foreign Ministry", 4)) {
            Place::Key(f) => assert_eq!(f.name, "source"),
            other => panic!("{other:?}"),
        }
        match place_at(
            &p,
            at(
                &p,
                "    armed groups to the Nagorno-Karabakh conflict zone",
                10,
            ),
        ) {
            Place::Value(f) => {
                assert_eq!(f.name, "quote");
                assert!(matches!(f.owner, Owner::Claim(_)));
                assert!(f.value.text.starts_with("Moscow was concerned"));
            }
            other => panic!("{other:?}"),
        }
        match place_at(&p, at(&p, "publisher: UrduPoint News, Sputnik", 30)) {
            Place::Value(f) => {
                assert_eq!(f.owner, Owner::Header);
                assert_eq!(
                    f.item_at(at(&p, "publisher: UrduPoint News, Sputnik", 30))
                        .unwrap()
                        .text,
                    "Sputnik"
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(place_at(&p, 0), Place::Nothing), "a comment");
        assert!(
            matches!(place_at(&p, p.text.len() - 1), Place::Value(_)),
            "the end of the last line"
        );
        assert!(
            matches!(place_at(&p, usize::MAX), Place::Nothing),
            "after the final line break"
        );
    }
}
