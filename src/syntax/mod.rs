//! The `.claims` syntax tree: lossless and error-recovering.
//!
//! The format is line oriented, so the tree is too: every line of the file, including its
//! line break, belongs to exactly one [`Line`], and lines are grouped into header fields and
//! blocks. Concatenating the `full` spans of all lines gives back the file byte for byte,
//! which is what formatting and precise edits rely on. A malformed line becomes a
//! [`LineKind::Error`] with a [`SyntaxError`], and parsing goes on with the next line.

mod parser;
mod reparse;

pub use parser::parse;
pub use reparse::{Region, Reparsed};

use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Comment,
    /// `actor NAME` or `claim ID` at column 0.
    BlockHeader,
    /// `key: value`, at column 0 (header) or indented (inside a block).
    Field,
    /// A line indented deeper than the field before it: more of that field's value.
    Continuation,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// The line without its line break.
    pub content: Span,
    /// The line with its line break: these tile the whole file.
    pub full: Span,
    /// Width of the leading whitespace in bytes (spaces and tabs). A `u32` beside `kind`
    /// keeps a line at 88 bytes rather than 96 (a big file has hundreds of thousands).
    pub indent: u32,
    /// Field name or block keyword.
    pub key: Option<Span>,
    /// Trimmed value, block name, continuation text or comment text.
    pub value: Option<Span>,
}

// The tree holds one per line of the file.
const _: () = assert!(std::mem::size_of::<Line>() == 88);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Actor,
    Claim,
}

impl BlockKind {
    pub fn keyword(self) -> &'static str {
        match self {
            BlockKind::Actor => "actor",
            BlockKind::Claim => "claim",
        }
    }
}

/// A field with its continuation lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldNode {
    /// Index of the `key: value` line in [`SyntaxTree::lines`].
    pub line: usize,
    pub key: Span,
    /// The value's pieces: the first line's value (may be empty) and each continuation.
    pub pieces: Vec<Span>,
    /// From the field's first byte to the end of its last continuation's content.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockNode {
    pub kind: BlockKind,
    /// Index of the header line.
    pub line: usize,
    /// Span of the name or id after the keyword (empty when missing).
    pub name: Span,
    pub fields: Vec<FieldNode>,
    /// From the keyword to the end of the last field or continuation line's content.
    pub span: Span,
    /// Lines `line..end_line` belong to the block (trailing blanks and comments excluded).
    pub end_line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyntaxTree {
    pub lines: Vec<Line>,
    /// Column-0 `key: value` fields outside blocks.
    pub header: Vec<FieldNode>,
    pub blocks: Vec<BlockNode>,
    pub errors: Vec<SyntaxError>,
    /// Length of a leading UTF-8 byte order mark (0 or 3), which belongs to the first line.
    pub bom: usize,
}

impl SyntaxTree {
    /// Index of the line holding byte `offset`.
    pub fn line_at(&self, offset: usize) -> Option<usize> {
        let i = self.lines.partition_point(|l| l.full.end <= offset);
        if i < self.lines.len() {
            Some(i)
        } else {
            self.lines.len().checked_sub(1)
        }
    }

    /// The block whose lines hold byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<&BlockNode> {
        let line = self.line_at(offset)?;
        self.blocks
            .iter()
            .find(|b| b.line <= line && line < b.end_line)
    }
}
