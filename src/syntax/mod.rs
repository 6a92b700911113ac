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

use crate::text::{shift_index, Span};

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

/// One line of the file. A big file has hundreds of thousands, so a line keeps its spans
/// as 32-bit offsets, its kind, indent and line break in one number, its content's start
/// as the few bytes after the line's start and its key as an end only (a key starts
/// where the indent ends): 24 bytes a line rather than 88. Read them through the
/// accessors, which give ordinary [`Span`]s. The tree therefore holds files below 4 GiB:
/// the CLI reads no annotation over 64 MiB, the server takes no message over 256 MiB.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The kind in the low [`KIND_BITS`] bits, then the content's start after the line's
    /// start ([`SKIP_BITS`]: 0, or a byte order mark's 3), then the line break's length
    /// ([`BREAK_BITS`]: 0, 1 or 2), then the indent.
    packed: u32,
    /// Start of the line (of [`Line::full`]).
    start: u32,
    /// End of the content; it starts at the line's start plus the skip, and the line ends
    /// the line break's length after it.
    content_end: u32,
    /// End of the key, `u32::MAX` for none; the key starts at the content's start plus
    /// the indent (see [`Line::set_key`]).
    key_end: u32,
    value: Packed,
}

// The tree holds one per line of the file.
const _: () = assert!(std::mem::size_of::<Line>() == 24);

const KIND_BITS: u32 = 3;
const SKIP_BITS: u32 = 2;
const BREAK_BITS: u32 = 2;
const SKIP_SHIFT: u32 = KIND_BITS;
const BREAK_SHIFT: u32 = SKIP_SHIFT + SKIP_BITS;
const INDENT_SHIFT: u32 = BREAK_SHIFT + BREAK_BITS;
/// Indents saturate here (32 MiB of leading whitespace on one line).
const MAX_INDENT: u32 = u32::MAX >> INDENT_SHIFT;
const KINDS: [LineKind; 6] = [
    LineKind::Blank,
    LineKind::Comment,
    LineKind::BlockHeader,
    LineKind::Field,
    LineKind::Continuation,
    LineKind::Error,
];

/// A span as two `u32`s; `start == u32::MAX` stands for no span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Packed {
    start: u32,
    end: u32,
}

impl Packed {
    const NONE: Packed = Packed {
        start: u32::MAX,
        end: u32::MAX,
    };

    fn new(span: Span) -> Packed {
        Packed {
            start: narrow(span.start),
            end: narrow(span.end),
        }
    }

    fn from_opt(span: Option<Span>) -> Packed {
        span.map_or(Packed::NONE, Packed::new)
    }

    fn get(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    fn get_opt(self) -> Option<Span> {
        (self.start != u32::MAX).then(|| self.get())
    }

    fn shift(&mut self, by: isize) {
        // What `Span::shift` and `narrow` give for every offset of a file below 4 GiB, in
        // wrapping 32-bit arithmetic (an absent span is moved by zero): an edit moves
        // hundreds of thousands of lines, and this leaves the loop without conversions or
        // branches.
        let by = (by as u32) & u32::from(self.start != u32::MAX).wrapping_neg();
        self.start = self.start.wrapping_add(by);
        self.end = self.end.wrapping_add(by);
    }
}

/// A file offset as a `u32`: saturates (and a debug build stops) on files of 4 GiB or
/// more, which no reader passes to the parser.
fn narrow(offset: usize) -> u32 {
    debug_assert!(offset < u32::MAX as usize, "annotation of 4 GiB or more");
    u32::try_from(offset)
        .unwrap_or(u32::MAX - 1)
        .min(u32::MAX - 1)
}

impl Line {
    /// A line of kind `kind` without key or value. The content starts at most 3 bytes
    /// after the line (a byte order mark) and the line ends at most 2 bytes after the
    /// content (its line break).
    pub fn new(kind: LineKind, content: Span, full: Span, indent: u32) -> Line {
        let mut line = Line {
            packed: 0,
            start: narrow(full.start),
            content_end: 0,
            key_end: u32::MAX,
            value: Packed::NONE,
        };
        line.set_content(content);
        let brk = full.end.saturating_sub(content.end);
        debug_assert!(brk < 1 << BREAK_BITS, "a line break of {brk} bytes");
        let brk = (brk as u32).min((1 << BREAK_BITS) - 1);
        line.packed |= brk << BREAK_SHIFT;
        line.set_kind(kind);
        line.set_indent(indent);
        line
    }

    pub fn kind(&self) -> LineKind {
        KINDS[(self.packed & ((1 << KIND_BITS) - 1)) as usize]
    }

    pub fn set_kind(&mut self, kind: LineKind) {
        let k = KINDS.iter().position(|&x| x == kind).unwrap_or(0) as u32;
        self.packed = (self.packed & !((1 << KIND_BITS) - 1)) | k;
    }

    /// Width of the leading whitespace in bytes (spaces and tabs).
    pub fn indent(&self) -> u32 {
        self.packed >> INDENT_SHIFT
    }

    fn set_indent(&mut self, indent: u32) {
        let low = self.packed & ((1 << INDENT_SHIFT) - 1);
        self.packed = low | (indent.min(MAX_INDENT) << INDENT_SHIFT);
    }

    fn content_start(&self) -> u32 {
        let skip = (self.packed >> SKIP_SHIFT) & ((1 << SKIP_BITS) - 1);
        self.start + skip
    }

    /// The line without its line break.
    pub fn content(&self) -> Span {
        let start = self.content_start();
        Span::new(start as usize, (self.content_end.max(start)) as usize)
    }

    /// The line with its line break: these tile the whole file.
    pub fn full(&self) -> Span {
        let brk = (self.packed >> BREAK_SHIFT) & ((1 << BREAK_BITS) - 1);
        Span::new(
            self.start as usize,
            self.content_end.wrapping_add(brk) as usize,
        )
    }

    /// Field name or block keyword.
    pub fn key(&self) -> Option<Span> {
        (self.key_end != u32::MAX).then(|| {
            let start = self.content_start().saturating_add(self.indent());
            Span::new(start.min(self.key_end) as usize, self.key_end as usize)
        })
    }

    /// Trimmed value, block name, continuation text or comment text.
    pub fn value(&self) -> Option<Span> {
        self.value.get_opt()
    }

    /// The content starts at most 3 bytes after the line's start (see [`Line::new`]).
    fn set_content(&mut self, content: Span) {
        let skip = content.start.saturating_sub(self.start as usize);
        debug_assert!(skip < 1 << SKIP_BITS, "content starts {skip} bytes in");
        let skip = (skip as u32).min((1 << SKIP_BITS) - 1);
        let mask = ((1 << SKIP_BITS) - 1) << SKIP_SHIFT;
        self.packed = (self.packed & !mask) | (skip << SKIP_SHIFT);
        self.content_end = narrow(content.end);
    }

    /// A key starts where the line's indent ends (a field's name, a block's keyword):
    /// only its end is kept. (An indent of 32 MiB or more saturates, and the key then
    /// reads from where the saturated indent ends.)
    pub fn set_key(&mut self, key: Option<Span>) {
        debug_assert!(
            key.is_none_or(|k| k.start as u64
                == u64::from(self.content_start()) + u64::from(self.indent())
                || self.indent() == MAX_INDENT),
            "a key starts where the indent ends"
        );
        self.key_end = key.map_or(u32::MAX, |k| narrow(k.end));
    }

    pub fn set_value(&mut self, value: Option<Span>) {
        self.value = Packed::from_opt(value);
    }

    /// Moves the line's spans by `by` bytes (an edit above it).
    pub(crate) fn shift(&mut self, by: isize) {
        // Wrapping 32-bit arithmetic, as `Packed::shift`: an absent key is moved by zero.
        let moved = by as u32;
        self.start = self.start.wrapping_add(moved);
        self.content_end = narrow(shift_index(self.content_end as usize, by));
        self.key_end = self
            .key_end
            .wrapping_add(moved & u32::from(self.key_end != u32::MAX).wrapping_neg());
        self.value.shift(by);
    }
}

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

/// A field with its continuation lines. A big file has hundreds of thousands, so the
/// line and the spans other than the pieces are kept as 32-bit numbers (48 bytes a field
/// rather than 64), read through the accessors as for [`Line`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldNode {
    line: u32,
    key: Packed,
    /// The value's pieces: the first line's value (may be empty) and each continuation.
    pub pieces: Pieces,
    span: Packed,
}

const _: () = assert!(std::mem::size_of::<FieldNode>() == 48);

impl FieldNode {
    pub fn new(line: usize, key: Span, pieces: Pieces, span: Span) -> FieldNode {
        FieldNode {
            line: narrow(line),
            key: Packed::new(key),
            pieces,
            span: Packed::new(span),
        }
    }

    /// Index of the `key: value` line in [`SyntaxTree::lines`].
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// The field name.
    pub fn key(&self) -> Span {
        self.key.get()
    }

    /// From the field's first byte to the end of its last continuation's content.
    pub fn span(&self) -> Span {
        self.span.get()
    }
}

/// A field's value pieces, read as a slice: the one piece of nearly every field is kept
/// in place (no allocation for each of a big file's hundreds of thousands of fields).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pieces {
    One(Span),
    Many(Box<[Span]>),
}

impl Pieces {
    /// Adds a continuation's piece.
    pub fn push(&mut self, piece: Span) {
        let mut all = std::mem::replace(self, Pieces::Many(Box::default())).to_vec();
        all.push(piece);
        *self = Pieces::Many(all.into_boxed_slice());
    }
}

impl std::ops::Deref for Pieces {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        match self {
            Pieces::One(one) => std::slice::from_ref(one),
            Pieces::Many(many) => many,
        }
    }
}

impl<'a> IntoIterator for &'a Pieces {
    type Item = &'a Span;
    type IntoIter = std::slice::Iter<'a, Span>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::ops::DerefMut for Pieces {
    fn deref_mut(&mut self) -> &mut [Span] {
        match self {
            Pieces::One(one) => std::slice::from_mut(one),
            Pieces::Many(many) => many,
        }
    }
}

/// A block. Its fields are not stored: they are its `Field` lines with the continuation
/// lines after each, read through [`SyntaxTree::fields`] (a big file has hundreds of
/// thousands of fields, and the model keeps what the checks need of them).
///
/// Kept in 28 bytes (was 56): the line indices and the spans' offsets as `u32`s (see
/// [`narrow`]), read through [`BlockNode::line`] and the like. A big file has tens of
/// thousands of blocks, and every open document keeps its tree.
#[derive(Clone, PartialEq, Eq)]
pub struct BlockNode {
    pub kind: BlockKind,
    /// See [`BlockNode::line`].
    header_line: u32,
    /// See [`BlockNode::end_line`].
    last_line: u32,
    /// See [`BlockNode::name`].
    name_at: [u32; 2],
    /// See [`BlockNode::span`].
    span_at: [u32; 2],
}

const _: () = assert!(std::mem::size_of::<BlockNode>() == 28);

/// Prints as the line indices and spans it stands for.
impl std::fmt::Debug for BlockNode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockNode")
            .field("kind", &self.kind)
            .field("line", &self.line())
            .field("name", &self.name())
            .field("span", &self.span())
            .field("end_line", &self.end_line())
            .finish()
    }
}

impl BlockNode {
    pub fn new(kind: BlockKind, line: usize, name: Span, span: Span, end_line: usize) -> Self {
        BlockNode {
            kind,
            header_line: narrow(line),
            last_line: narrow(end_line),
            name_at: [narrow(name.start), narrow(name.end)],
            span_at: [narrow(span.start), narrow(span.end)],
        }
    }

    /// Index of the header line.
    pub fn line(&self) -> usize {
        self.header_line as usize
    }

    /// Lines `line..end_line` belong to the block (trailing blanks and comments excluded).
    pub fn end_line(&self) -> usize {
        self.last_line as usize
    }

    /// Span of the name or id after the keyword (empty when missing).
    pub fn name(&self) -> Span {
        Span::new(self.name_at[0] as usize, self.name_at[1] as usize)
    }

    /// From the keyword to the end of the last field or continuation line's content.
    pub fn span(&self) -> Span {
        Span::new(self.span_at[0] as usize, self.span_at[1] as usize)
    }

    fn set_end_line(&mut self, end_line: usize) {
        self.last_line = narrow(end_line);
    }

    fn set_span_end(&mut self, end: usize) {
        self.span_at[1] = narrow(end);
    }
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
        let i = self.lines.partition_point(|l| l.full().end <= offset);
        if i < self.lines.len() {
            Some(i)
        } else {
            self.lines.len().checked_sub(1)
        }
    }

    /// The fields of `block`, in order: each `Field` line among its lines, with the
    /// continuation lines right after it (a blank, comment or error line closes a field,
    /// so they are the only lines its value can have).
    pub fn fields(&self, block: &BlockNode) -> BlockFields<'_> {
        let end = block.end_line().min(self.lines.len());
        let first = (block.line() + 1).min(end);
        BlockFields {
            lines: &self.lines[first..end],
            first,
            at: 0,
        }
    }

    /// The block whose lines hold byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<&BlockNode> {
        let line = self.line_at(offset)?;
        self.blocks
            .iter()
            .find(|b| b.line() <= line && line < b.end_line())
    }
}

/// The fields of a block, made from its lines: see [`SyntaxTree::fields`].
#[derive(Clone, Debug)]
pub struct BlockFields<'a> {
    lines: &'a [Line],
    /// File index of `lines[0]`.
    first: usize,
    at: usize,
}

impl Iterator for BlockFields<'_> {
    type Item = FieldNode;

    fn next(&mut self) -> Option<FieldNode> {
        while let Some(line) = self.lines.get(self.at) {
            let index = self.at;
            self.at += 1;
            if line.kind() != LineKind::Field {
                continue;
            }
            // What the parser makes of a `key: value` line and its continuations.
            let key = line.key().unwrap_or_default();
            let value = line.value().unwrap_or_default();
            let mut pieces = Pieces::One(value);
            let mut end = value.end.max(key.end + 1);
            while let Some(next) = self
                .lines
                .get(self.at)
                .filter(|l| l.kind() == LineKind::Continuation)
            {
                let piece = next.value().unwrap_or_default();
                pieces.push(piece);
                end = piece.end;
                self.at += 1;
            }
            return Some(FieldNode::new(
                self.first + index,
                key,
                pieces,
                Span::new(key.start, end),
            ));
        }
        None
    }
}
