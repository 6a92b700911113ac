//! The annotation model: header, actors and claims with their values and spans, built
//! from the syntax tree. Structural problems (unknown, missing and repeated fields) are
//! reported here; everything that needs the article is in `check`.

use crate::diagnostic::{Code, Diagnostic, Target};
use crate::suggest::closest;
use crate::syntax::{BlockKind, BlockNode, FieldNode, Reparsed, SyntaxTree};
use crate::text::{narrow, shift_index, sorted_range, Span};

pub const HEADER_FIELDS: &[&str] = &["article", "date", "publisher"];
pub const ACTOR_FIELDS: &[&str] = &["aka", "kind", "role", "note"];
pub const CLAIM_FIELDS: &[&str] = &[
    "source",
    "via",
    "cue",
    "quote",
    "stance",
    "disputes",
    "supports",
    "responds-to",
    "note",
];
pub const ACTOR_KINDS: &[&str] = &[
    "person",
    "outlet",
    "government",
    "organization",
    "group",
    "anonymous",
];
/// The source value for a claim with no identifiable source.
pub const UNNAMED: &str = "unnamed";

/// A span kept as two `u32`s: the model holds every field of the file (a big file has
/// hundreds of thousands), and a field's spans and line in 32 bits make it 80 bytes rather
/// than 104. Read through the accessors as ordinary [`Span`]s. An annotation is below
/// 4 GiB: the CLI reads none over 64 MiB, the server takes no message over 256 MiB.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Packed {
    start: u32,
    end: u32,
}

impl Packed {
    fn new(span: Span) -> Packed {
        Packed {
            start: narrow(span.start),
            end: narrow(span.end),
        }
    }

    fn get(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// Prints as the [`Span`] it stands for.
impl std::fmt::Debug for Packed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.get(), f)
    }
}

/// A value's text: a string of its exact length, 16 bytes rather than a `String`'s 24 (the
/// model keeps every value of the file). Reads as a `&str`.
#[derive(Clone, PartialEq, Eq, Default, Hash)]
pub struct Text(Box<str>);

str_newtype!(Text);

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(s.into())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(s.into_boxed_str())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0.into()
    }
}

/// A field value: its pieces (first line and continuation lines) joined by one space.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Value {
    pub text: Text,
    /// `(file span, offset of the piece in text)` for mapping text offsets back to the file,
    /// the file spans relative to `start`: moving the value after an edit above it
    /// then moves `start` alone (a big file has hundreds of thousands of values). Empty
    /// when the value is one piece (from `start`, as long as a non-empty `text`), as
    /// nearly every value is: no allocation per value for it.
    /// Boxed twice: a thin pointer, 8 bytes of every value rather than 16.
    pieces: Option<Box<ValuePieces>>,
    /// Where [`Value::span`] starts, in 32 bits as every span of a field (see [`Packed`]);
    /// it ends where the one piece's text ends, or the last piece (an empty value is an
    /// empty span).
    start: u32,
    /// Line index of the field's `key:` line ([`Field::line`]), kept here beside `start`
    /// in room the value's alignment would leave unused: a [`Field`] is 40 bytes.
    line: u32,
}

const _: () = assert!(std::mem::size_of::<Value>() == 32);

/// Prints as the text, span and pieces it stands for.
impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Value")
            .field("text", &self.text)
            .field("span", &self.span())
            .field("pieces", &self.pieces())
            .finish()
    }
}

/// `(file span relative to the value's, offset in its text)` of each piece.
type ValuePieces = Box<[(Span, usize)]>;

impl Value {
    pub fn from_pieces(source: &str, spans: &[Span]) -> Value {
        let count = spans.iter().filter(|s| !s.is_empty()).count();
        // Sized exactly: the model keeps every value of the file.
        let len: usize = spans.iter().map(|s| s.len()).sum::<usize>() + count.saturating_sub(1);
        let mut text = String::with_capacity(len);
        let mut pieces = Vec::with_capacity(count);
        for span in spans.iter().filter(|s| !s.is_empty()) {
            if !text.is_empty() {
                text.push(' ');
            }
            pieces.push((*span, text.len()));
            text.push_str(span.slice(source));
        }
        let span = match (pieces.first(), pieces.last()) {
            (Some((first, _)), Some((last, _))) => Span::new(first.start, last.end),
            // No piece with text: an empty span where the first piece is.
            _ => Span::empty(spans.first().map_or(0, |s| s.start)),
        };
        if count == 1 {
            // The one piece is `span`: implied (see `pieces`).
            pieces = Vec::new();
        }
        for (piece, _) in &mut pieces {
            *piece = piece.shift(-(span.start as isize));
        }
        let value = Value {
            // Made at its exact length: no copy.
            text: text.into(),
            start: narrow(span.start),
            pieces: (!pieces.is_empty()).then(|| Box::new(pieces.into_boxed_slice())),
            line: 0,
        };
        debug_assert_eq!(value.span(), span, "a value's end from its text or pieces");
        value
    }

    /// The pieces when there are several (see `pieces`), relative to `span.start`.
    fn pieces(&self) -> &[(Span, usize)] {
        self.pieces.as_deref().map_or(&[], |p| p)
    }

    /// Piece `(file span, offset in text)`, the span in file offsets.
    fn piece(&self, &(span, at): &(Span, usize)) -> (Span, usize) {
        (span.shift(self.start as isize), at)
    }

    /// From the first piece's start to the last piece's end.
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        let len = match self.pieces().last() {
            Some((last, _)) => last.end,
            None => self.text.len(),
        };
        Span::new(start, start + len)
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// File offset of byte `offset` of [`Value::text`]. A joining space maps to the end of
    /// the piece before it.
    pub fn file_offset(&self, offset: usize) -> usize {
        let pieces = self.pieces();
        if pieces.is_empty() {
            // One piece (`span`, at 0), or none (an empty value).
            return self.span().start + offset.min(self.text.len());
        }
        let i = pieces.partition_point(|(_, at)| *at <= offset);
        if i == 0 {
            return self.span().start;
        }
        let (span, at) = self.piece(&pieces[i - 1]);
        span.start + (offset - at).min(span.len())
    }

    /// File span of `text[range]`.
    pub fn file_span(&self, start: usize, end: usize) -> Span {
        let s = self.file_offset(start);
        let mut e = self.file_offset(end);
        if end > start && e <= s {
            e = s;
        }
        Span::new(s, e.max(s))
    }

    /// Offset in [`Value::text`] of file offset `offset`, if it falls inside a piece.
    pub fn text_offset(&self, offset: usize) -> Option<usize> {
        if self.pieces.is_none() {
            return (!self.text.is_empty() && self.span().touches(offset))
                .then(|| offset - self.span().start);
        }
        self.pieces()
            .iter()
            .map(|p| self.piece(p))
            .find(|(span, _)| span.touches(offset))
            .map(|(span, at)| at + (offset - span.start))
    }

    /// Comma-separated items, trimmed, with their file spans; empty items are skipped.
    pub fn items(&self) -> Vec<Item> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in self.text.split(',') {
            let lead = part.len() - part.trim_start().len();
            let trimmed = part.trim();
            if !trimmed.is_empty() {
                let s = start + lead;
                out.push(Item {
                    text: trimmed.to_string(),
                    span: self.file_span(s, s + trimmed.len()),
                });
            }
            start += part.len() + 1;
        }
        out
    }
}

/// One item of a comma-separated list value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub span: Span,
}

/// A field's name: a number into the table of known names ([`FIELD_NAMES`]), one byte
/// (a big file has hundreds of thousands of fields). The model keeps fields of known
/// names only: a field of another name is reported (read its name from the file at its
/// [`Field::key_span`]) and dropped, and reads as an empty name here. Reads as a `&str`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FieldName(u8);

/// Every field name that [`FieldName`] stands for.
pub const FIELD_NAMES: &[&str] = &[
    "article",
    "date",
    "publisher",
    "aka",
    "kind",
    "role",
    "note",
    "source",
    "via",
    "cue",
    "quote",
    "stance",
    "disputes",
    "supports",
    "responds-to",
];

impl FieldName {
    /// What a name outside [`FIELD_NAMES`] becomes.
    const OTHER: FieldName = FieldName(u8::MAX);

    pub fn new(name: &str) -> FieldName {
        match FIELD_NAMES.iter().position(|n| *n == name) {
            Some(i) => FieldName(i as u8),
            None => FieldName::OTHER,
        }
    }

    /// The name; empty for a name outside [`FIELD_NAMES`].
    pub fn as_str(&self) -> &'static str {
        FIELD_NAMES.get(usize::from(self.0)).copied().unwrap_or("")
    }
}

impl std::ops::Deref for FieldName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for FieldName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for FieldName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

const _: () = assert!(std::mem::size_of::<FieldName>() == 1);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: FieldName,
    /// Where [`Field::key_span`] starts: the key is the name (the model keeps fields of
    /// known names only), so it ends the name's length after it.
    key_start: u32,
    /// The value, which also holds [`Field::line`].
    pub value: Value,
}

// The model holds every field of the file: 80 bytes with the name as a tagged string, the
// span kept apart from the key's and the value's and the value's text a `String`; 48 with
// the key's and the value's ends and the line kept apart.
const _: () = assert!(std::mem::size_of::<Field>() == 40);

impl Field {
    /// The field name. (Empty for a name outside [`FIELD_NAMES`]: those are reported
    /// from the syntax tree's key and never kept.)
    pub fn key_span(&self) -> Span {
        let start = self.key_start as usize;
        Span::new(start, start + self.name.len())
    }

    /// Key to the end of the value: the parser's field span (the end of its last piece,
    /// at least one byte past the key for the `:`).
    pub fn span(&self) -> Span {
        let key = self.key_span();
        Span::new(key.start, self.value.span().end.max(key.end + 1))
    }

    /// Line index of the `key:` line.
    pub fn line(&self) -> usize {
        self.value.line as usize
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub article: Option<Field>,
    pub date: Option<Field>,
    pub publisher: Option<Field>,
}

impl Header {
    pub fn publishers(&self) -> Vec<Item> {
        self.publisher
            .as_ref()
            .map(|f| f.value.items())
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub name_span: Span,
    /// The block, from `actor` to its last field.
    pub span: Span,
    pub line: usize,
    pub aliases: Vec<Item>,
    pub kind: Option<Field>,
    pub role: Option<Field>,
    pub note: Option<Field>,
}

impl Actor {
    /// The canonical name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(|a| a.text.as_str()))
    }

    pub fn kind_str(&self) -> Option<&str> {
        self.kind.as_ref().map(|k| k.value.text.as_str())
    }

    pub fn is_person(&self) -> bool {
        self.kind_str() == Some("person")
    }

    /// Case-insensitive, with runs of whitespace equal to one space.
    pub fn is_named(&self, name: &str) -> bool {
        let wanted = fold_name(name);
        self.names()
            .any(|n| n.eq_ignore_ascii_case(name) || fold_name(n) == wanted)
    }
}

/// A name as compared: lowercase, whitespace runs as one space.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // The same as lowercasing char by char, without a push per char.
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationKind {
    Disputes,
    Supports,
    RespondsTo,
}

impl RelationKind {
    pub fn field(self) -> &'static str {
        match self {
            RelationKind::Disputes => "disputes",
            RelationKind::Supports => "supports",
            RelationKind::RespondsTo => "responds-to",
        }
    }

    pub fn from_field(name: &str) -> Option<Self> {
        match name {
            "disputes" => Some(RelationKind::Disputes),
            "supports" => Some(RelationKind::Supports),
            "responds-to" => Some(RelationKind::RespondsTo),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub kind: RelationKind,
    pub target: Item,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// A string of its exact length (16 bytes rather than a `String`'s 24).
    pub id: Text,
    /// [`Claim::id_span`]; the spans and lines in 32 bits as a field's (see [`Packed`]).
    id_span: Packed,
    /// [`Claim::span`].
    span: Packed,
    /// [`Claim::line`].
    line: u32,
    /// [`Claim::end_line`].
    end_line: u32,
    pub source: Option<Field>,
    /// Boxed, as `note`: most claims have neither, and a field in place is 80 bytes of
    /// every claim (a big file has tens of thousands).
    pub via: Option<Box<Field>>,
    pub cue: Option<Field>,
    /// Boxed slices of their exact length, as `id` (16 bytes each rather than 24).
    pub quotes: Box<[Field]>,
    pub stance: Option<Field>,
    pub relations: Box<[Relation]>,
    pub note: Option<Box<Field>>,
    /// Hash of the claim's text (from `claim` to its last field): with the context, the
    /// key of its cached check results. Made once per parse of the claim, not per check.
    pub(crate) fingerprint: u64,
}

// The model holds one per claim of the file (456 bytes with `usize` spans and lines, 360
// with 80-byte fields, 264 with the id a `String` and the lists `Vec`s, 240 with 48-byte
// fields).
const _: () = assert!(std::mem::size_of::<Claim>() == 216);

impl Claim {
    /// The id after `claim`.
    pub fn id_span(&self) -> Span {
        self.id_span.get()
    }

    /// The block, from `claim` to its last field.
    pub fn span(&self) -> Span {
        self.span.get()
    }

    /// Line index of the `claim` line.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// Line after the block (exclusive end, trailing blank and comment lines included).
    pub fn end_line(&self) -> usize {
        self.end_line as usize
    }

    pub fn source_name(&self) -> Option<&str> {
        self.source
            .as_ref()
            .map(|s| s.value.text.as_str())
            .filter(|s| !s.is_empty())
    }

    pub fn via_items(&self) -> Vec<Item> {
        self.via
            .as_ref()
            .map(|v| v.value.items())
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotation {
    pub header: Header,
    pub actors: Vec<Actor>,
    pub claims: Vec<Claim>,
    /// Folded name or alias -> index of the first actor declaring it; every claim looks
    /// its source and intermediaries up here, so this must not be a scan.
    actor_names: rustc_hash::FxHashMap<String, usize>,
    /// A digest of every claim's id and relations with the claim's index (see
    /// [`refs_digest`]), kept up to date by incremental edits: while it is the same, the
    /// checks across claim ids and relations (C040, C041) see the same input and their
    /// earlier findings can be reused.
    pub(crate) refs_digest: u64,
}

/// The part of a claim the id and relation checks read, with its index in the file,
/// mixed into one well-spread number (the digest is a wrapping sum of these).
fn claim_refs(claim: &Claim, index: usize) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    index.hash(&mut h);
    claim.id.hash(&mut h);
    for r in &claim.relations {
        r.kind.hash(&mut h);
        r.target.text.hash(&mut h);
    }
    // A full avalanche (splitmix64's finalizer): a sum of raw FxHash values could let two
    // claims swapping ids cancel out.
    let mut z = h.finish();
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The digest of `claims`' ids and relations, in order.
fn refs_digest(claims: &[Claim]) -> u64 {
    claims
        .iter()
        .enumerate()
        .fold(0u64, |acc, (i, c)| acc.wrapping_add(claim_refs(c, i)))
}

impl Annotation {
    /// The declared actor with this canonical name or alias (case-insensitive, whitespace
    /// runs equal).
    pub fn actor(&self, name: &str) -> Option<&Actor> {
        self.actor_index(name).map(|i| &self.actors[i])
    }

    /// Index in [`Annotation::actors`] of the actor [`Annotation::actor`] finds.
    pub fn actor_index(&self, name: &str) -> Option<usize> {
        self.actor_names.get(&fold_name(name)).copied()
    }

    fn index_actors(&mut self) {
        self.actor_names.clear();
        for (i, a) in self.actors.iter().enumerate() {
            for n in a.names() {
                self.actor_names.entry(fold_name(n)).or_insert(i);
            }
        }
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}

/// Builds the model; returns it with the structural diagnostics (C001-C004, C045).
pub fn build(text: &str, tree: &SyntaxTree) -> (Annotation, Vec<Diagnostic>) {
    let (model, local, global) = build_parts(text, tree);
    (model, merge_structural(&local, &global))
}

/// The model with its structural findings in two parts: the local ones belong to one
/// line, header field or block and are sorted by position, so an incremental update can
/// splice them; the file-wide ones (an empty file, a name declared twice) are cheap and
/// found again after every edit.
pub(crate) fn build_parts(
    text: &str,
    tree: &SyntaxTree,
) -> (Annotation, Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut local: Vec<Diagnostic> = syntax_errors(&tree.errors);
    let mut model = Annotation::default();
    // Sized once: a claim is several hundred bytes, and growing by doubling would leave a
    // quarter of a big file's vector unused (and copy it on the way).
    let claims = tree.blocks.iter().filter(|b| b.kind == BlockKind::Claim);
    model.claims.reserve_exact(claims.count());
    let first_block = tree.blocks.first().map(|b| b.line());
    for node in &tree.header {
        header_field(text, node, first_block, &mut model.header, &mut local);
    }
    for block in &tree.blocks {
        model.add_block(text, tree, block, &mut local);
    }
    sort_local(&mut local);
    model.index_actors();
    model.refs_digest = refs_digest(&model.claims);
    let global = global_diagnostics(text, tree, &model);
    (model, local, global)
}

/// Structural findings as reported: local and file-wide, in a stable order.
pub(crate) fn merge_structural(local: &[Diagnostic], global: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut all: Vec<Diagnostic> = local.iter().chain(global).cloned().collect();
    sort_local(&mut all);
    all
}

fn sort_local(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.span.start, a.code, a.span.end, &a.message).cmp(&(
            b.span.start,
            b.code,
            b.span.end,
            &b.message,
        ))
    });
}

fn syntax_errors(errors: &[crate::syntax::SyntaxError]) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| Diagnostic::new(Code::Syntax, e.span, e.message.clone()))
        .collect()
}

fn global_diagnostics(text: &str, tree: &SyntaxTree, model: &Annotation) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        diags.push(Diagnostic::new(
            Code::MissingField,
            Span::empty(tree.bom),
            "empty annotation: expected header fields (`article:`, `date:`, `publisher:`) and `claim ID` blocks",
        ));
    }
    duplicate_actors(model, &mut diags);
    diags
}

/// One column-0 field outside blocks: into the header, or a finding.
fn header_field(
    text: &str,
    node: &FieldNode,
    first_block: Option<usize>,
    header: &mut Header,
    diags: &mut Vec<Diagnostic>,
) {
    let field = to_field(text, node);
    if first_block.is_some_and(|b| node.line() > b) && HEADER_FIELDS.contains(&field.name.as_str())
    {
        diags.push(Diagnostic::new(
            Code::Syntax,
            field.key_span(),
            format!("header field `{}` after the first block: header fields come before the first `actor` or `claim`", field.name),
        ));
        return;
    }
    if field.name == "date" && !field.value.is_empty() && !is_calendar_date(&field.value.text) {
        diags.push(Diagnostic::new(
            Code::Syntax,
            field.value.span(),
            format!(
                "`{}` is not a date: expected `YYYY-MM-DD`, e.g. `2020-10-02`",
                field.value.text
            ),
        ));
    }
    let slot = match node.key().slice(text) {
        "article" => &mut header.article,
        "date" => &mut header.date,
        "publisher" => &mut header.publisher,
        other => {
            diags.push(unknown_field(
                other,
                node.key(),
                "header",
                HEADER_FIELDS,
                misplaced_hint(other),
            ));
            return;
        }
    };
    set_once(slot, field, diags);
}

impl Annotation {
    fn add_block(
        &mut self,
        text: &str,
        tree: &SyntaxTree,
        block: &BlockNode,
        diags: &mut Vec<Diagnostic>,
    ) {
        match block.kind {
            BlockKind::Actor => self.actors.push(build_actor(text, tree, block, diags)),
            BlockKind::Claim => self.claims.push(build_claim(text, tree, block, diags)),
        }
    }

    /// Brings the model up to date after `reparsed` changed `tree` (already updated):
    /// the claims and actors of the re-parsed lines are built again, those after them are
    /// moved, and so are the local findings. Returns the file-wide findings.
    pub(crate) fn update(
        &mut self,
        text: &str,
        tree: &SyntaxTree,
        reparsed: &Reparsed,
        local: &mut Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let (bytes, lines) = (reparsed.byte_delta(), reparsed.line_delta());
        let (first, old_end) = (reparsed.first_line, reparsed.old_end_line);

        let mut fresh = Annotation::default();
        let mut found = Vec::new();
        let blocks = sorted_range(&tree.blocks, |b| b.line(), first, reparsed.new_end_line);
        for block in &tree.blocks[blocks] {
            fresh.add_block(text, tree, block, &mut found);
        }
        // Column-0 fields among the re-parsed lines: from the file's start, the header is
        // made again; after a block they are findings only.
        if first == 0 {
            self.header = Header::default();
        }
        let first_block = tree.blocks.first().map(|b| b.line());
        let header = sorted_range(&tree.header, |f| f.line(), first, reparsed.new_end_line);
        for node in &tree.header[header] {
            header_field(text, node, first_block, &mut self.header, &mut found);
        }
        let new = reparsed.new_bytes;
        let errors = sorted_range(&tree.errors, |e| e.span.start, new.start, new.end);
        found.extend(syntax_errors(&tree.errors[errors]));
        sort_local(&mut found);

        let claims = sorted_range(&self.claims, |c| c.line(), first, old_end);
        for claim in &mut self.claims[claims.end..] {
            claim.shift(bytes, lines);
        }
        let same_count = claims.len() == fresh.claims.len();
        if same_count {
            // The claims after keep their indices: only the replaced ones change the sum.
            for (k, (old, new)) in self.claims[claims.clone()]
                .iter()
                .zip(&fresh.claims)
                .enumerate()
            {
                let i = claims.start + k;
                self.refs_digest = self
                    .refs_digest
                    .wrapping_sub(claim_refs(old, i))
                    .wrapping_add(claim_refs(new, i));
            }
        }
        self.claims.splice(claims, fresh.claims);
        if !same_count {
            self.refs_digest = refs_digest(&self.claims);
        }

        let actors = sorted_range(&self.actors, |a| a.line, first, old_end);
        for actor in &mut self.actors[actors.end..] {
            actor.shift(bytes, lines);
        }
        let actors_changed = !actors.is_empty() || !fresh.actors.is_empty();
        self.actors.splice(actors, fresh.actors);
        if actors_changed {
            self.index_actors();
        }

        let old = reparsed.old_bytes;
        let replaced = sorted_range(local, |d| d.span.start, old.start, old.end);
        for d in &mut local[replaced.end..] {
            d.shift(bytes);
        }
        local.splice(replaced, found);
        global_diagnostics(text, tree, self)
    }
}

fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    text.hash(&mut h);
    h.finish()
}

impl Value {
    fn shift(&mut self, bytes: isize) {
        // The pieces and the end are relative to the start.
        self.start = narrow(shift_index(self.start as usize, bytes));
    }
}

impl Item {
    fn shift(&mut self, bytes: isize) {
        self.span = self.span.shift(bytes);
    }
}

impl Field {
    fn shift(&mut self, bytes: isize, lines: isize) {
        self.key_start = narrow(shift_index(self.key_start as usize, bytes));
        self.value.shift(bytes);
        self.value.line = narrow(shift_index(self.line(), lines));
    }
}

fn shift_fields<'a>(fields: impl Iterator<Item = &'a mut Field>, bytes: isize, lines: isize) {
    for f in fields {
        f.shift(bytes, lines);
    }
}

impl Claim {
    fn shift(&mut self, bytes: isize, lines: isize) {
        self.id_span = Packed::new(self.id_span().shift(bytes));
        self.span = Packed::new(self.span().shift(bytes));
        self.line = narrow(shift_index(self.line(), lines));
        self.end_line = narrow(shift_index(self.end_line(), lines));
        let single = [&mut self.source, &mut self.cue, &mut self.stance];
        let boxed = [&mut self.via, &mut self.note];
        shift_fields(
            single
                .into_iter()
                .flatten()
                .chain(boxed.into_iter().flatten().map(|f| &mut **f))
                .chain(self.quotes.iter_mut()),
            bytes,
            lines,
        );
        for r in &mut self.relations {
            r.target.shift(bytes);
        }
    }
}

impl Actor {
    fn shift(&mut self, bytes: isize, lines: isize) {
        self.name_span = self.name_span.shift(bytes);
        self.span = self.span.shift(bytes);
        self.line = shift_index(self.line, lines);
        for a in &mut self.aliases {
            a.shift(bytes);
        }
        shift_fields(
            [&mut self.kind, &mut self.role, &mut self.note]
                .into_iter()
                .flatten(),
            bytes,
            lines,
        );
    }
}

/// `YYYY-MM-DD` naming a real day.
pub fn is_calendar_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// A name (canonical or alias) declared by two actors makes `source:` ambiguous.
fn duplicate_actors(model: &Annotation, diags: &mut Vec<Diagnostic>) {
    let mut seen: std::collections::HashMap<String, (usize, Span)> =
        std::collections::HashMap::new();
    for (i, actor) in model.actors.iter().enumerate() {
        let names = std::iter::once((actor.name.as_str(), actor.name_span))
            .chain(actor.aliases.iter().map(|a| (a.text.as_str(), a.span)));
        for (name, span) in names.filter(|(n, _)| !n.is_empty()) {
            let key = fold_name(name);
            match seen.get(&key) {
                Some(&(owner, first)) if owner != i => diags.push(
                    Diagnostic::new(
                        Code::Syntax,
                        span,
                        format!("`{name}` already names actor `{}`: each name or alias belongs to one actor", model.actors[owner].name),
                    )
                    .with_related(Target::File, first, "declared here"),
                ),
                Some(_) => {}
                None => {
                    seen.insert(key, (i, span));
                }
            }
        }
    }
}

fn misplaced_hint(name: &str) -> Option<&'static str> {
    if CLAIM_FIELDS.contains(&name) {
        Some("claim fields are indented under a `claim ID` line")
    } else if ACTOR_FIELDS.contains(&name) {
        Some("actor fields are indented under an `actor NAME` line")
    } else {
        None
    }
}

/// The model's field for `node`. Its key span is right for a known name only: report a
/// field of another name at `node.key()`.
fn to_field(text: &str, node: &FieldNode) -> Field {
    let mut value = Value::from_pieces(text, &node.pieces);
    value.line = narrow(node.line());
    let field = Field {
        name: FieldName::new(node.key().slice(text)),
        key_start: narrow(node.key().start),
        value,
    };
    debug_assert!(
        field.name == FieldName::OTHER
            || (field.span() == node.span() && field.key_span() == node.key()),
        "a field's spans from its key's start, name and value"
    );
    field
}

fn set_once<T: std::borrow::Borrow<Field> + From<Field>>(
    slot: &mut Option<T>,
    field: Field,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(first) = slot.as_ref().map(|f| f.borrow()) {
        diags.push(
            Diagnostic::new(
                Code::DuplicateField,
                field.key_span(),
                format!(
                    "`{}` is given twice: keep one (write lists comma-separated)",
                    field.name
                ),
            )
            .with_related(Target::File, first.key_span(), "first given here"),
        );
    } else {
        *slot = Some(T::from(field));
    }
}

/// C002 for a field named `name` whose key is at `key`.
fn unknown_field(
    name: &str,
    key: Span,
    context: &str,
    valid: &[&str],
    hint: Option<&str>,
) -> Diagnostic {
    let mut message = format!("unknown {context} field `{name}`");
    let suggestion = closest(name, valid);
    if let Some(s) = suggestion {
        message.push_str(&format!(": did you mean `{s}`?"));
    } else if let Some(h) = hint {
        message.push_str(&format!(": {h}"));
    } else {
        message.push_str(&format!("; expected one of {}", valid.join(", ")));
    }
    let d = Diagnostic::new(Code::UnknownField, key, message);
    match suggestion {
        Some(s) => d.with_fix(format!("Rename to `{s}`"), key, s),
        None => d,
    }
}

fn build_actor(
    text: &str,
    tree: &SyntaxTree,
    block: &BlockNode,
    diags: &mut Vec<Diagnostic>,
) -> Actor {
    let mut actor = Actor {
        name: block.name().slice(text).to_string(),
        name_span: block.name(),
        span: block.span(),
        line: block.line(),
        aliases: Vec::new(),
        kind: None,
        role: None,
        note: None,
    };
    if actor.name.is_empty() {
        let keyword = Span::new(block.span().start, block.span().start + "actor".len());
        diags.push(Diagnostic::new(
            Code::MissingField,
            keyword,
            "actor needs a name: `actor Canonical Name` (e.g. `actor Russian Foreign Ministry`)",
        ));
    }
    let mut aka_seen: Option<Span> = None;
    for node in tree.fields(block) {
        let field = to_field(text, &node);
        match node.key().slice(text) {
            "aka" => {
                // Several `aka:` lines add up: long alias lists are easier to read that way.
                aka_seen.get_or_insert(field.key_span());
                actor.aliases.extend(field.value.items());
            }
            "kind" => {
                let value = field.value.text.to_string();
                if !value.is_empty() && !ACTOR_KINDS.contains(&value.as_str()) {
                    let mut d = Diagnostic::new(
                        Code::UnknownActorKind,
                        field.value.span(),
                        format!(
                            "unknown actor kind `{value}`; expected one of {}",
                            ACTOR_KINDS.join(", ")
                        ),
                    );
                    if let Some(s) = closest(&value, ACTOR_KINDS) {
                        d.message = format!(
                            "unknown actor kind `{value}`: did you mean `{s}`? Expected one of {}",
                            ACTOR_KINDS.join(", ")
                        )
                        .into();
                        d = d.with_fix(format!("Change to `{s}`"), field.value.span(), s);
                    }
                    diags.push(d);
                }
                set_once(&mut actor.kind, field, diags);
            }
            "role" => set_once(&mut actor.role, field, diags),
            // Notes may repeat; the first is the one shown in hovers.
            "note" => {
                actor.note.get_or_insert(field);
            }
            other => diags.push(unknown_field(
                other,
                node.key(),
                "actor",
                ACTOR_FIELDS,
                None,
            )),
        }
    }
    actor
}

fn build_claim(
    text: &str,
    tree: &SyntaxTree,
    block: &BlockNode,
    diags: &mut Vec<Diagnostic>,
) -> Claim {
    let id = block.name().slice(text);
    let mut claim = Claim {
        id: Text::from(id),
        id_span: Packed::new(block.name()),
        span: Packed::new(block.span()),
        line: narrow(block.line()),
        end_line: narrow(block.end_line()),
        fingerprint: fingerprint(block.span().slice(text)),
        source: None,
        via: None,
        cue: None,
        quotes: Box::default(),
        stance: None,
        relations: Box::default(),
        note: None,
    };
    // Most claims have one quote: sized to them, not to the four a first push makes room for.
    let mut quotes = Vec::with_capacity(
        tree.fields(block)
            .filter(|f| f.key().slice(text) == "quote")
            .count(),
    );
    let mut relations = Vec::new();
    for node in tree.fields(block) {
        let field = to_field(text, &node);
        match node.key().slice(text) {
            "source" => set_once(&mut claim.source, field, diags),
            "via" => set_once(&mut claim.via, field, diags),
            "cue" => set_once(&mut claim.cue, field, diags),
            "stance" => set_once(&mut claim.stance, field, diags),
            "note" => {
                if claim.note.is_none() {
                    claim.note = Some(Box::new(field));
                }
            }
            "quote" => quotes.push(field),
            name => match RelationKind::from_field(name) {
                Some(kind) => relations.extend(
                    field
                        .value
                        .items()
                        .into_iter()
                        .map(|target| Relation { kind, target }),
                ),
                None => diags.push(unknown_field(name, node.key(), "claim", CLAIM_FIELDS, None)),
            },
        }
    }
    // Made at their length (the quotes were sized): no copy of the quotes.
    claim.quotes = quotes.into_boxed_slice();
    claim.relations = relations.into_boxed_slice();
    let header = Span::new(
        block.span().start,
        block.name().end.max(block.span().start + "claim".len()),
    );
    let missing_source = claim.source.as_ref().is_none_or(|s| s.value.is_empty());
    let missing_quote = claim.quotes.iter().all(|q| q.value.is_empty());
    let mut missing = Vec::new();
    if missing_source {
        missing.push("`source:` (who made the claim; `unnamed` if nobody is named)");
    }
    if missing_quote {
        missing.push("`quote:` (the claim's words as they stand in the article)");
    }
    if !missing.is_empty() {
        let who = if claim.id.is_empty() {
            "claim".to_string()
        } else {
            format!("claim `{}`", claim.id)
        };
        diags.push(Diagnostic::new(
            Code::MissingField,
            header,
            format!("{who} has no {}", missing.join(" and no ")),
        ));
    }
    claim
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn model(text: &str) -> (Annotation, Vec<Diagnostic>) {
        build(text, &parse(text))
    }

    #[test]
    fn fold_name_lowercases_every_word_and_joins_whitespace_runs() {
        assert_eq!(
            fold_name("  Mr   PESTON\tof\nThe Post "),
            "mr peston of the post"
        );
        // Words with letters beyond ASCII are lowercased letter by letter as well.
        assert_eq!(
            fold_name("\u{c9}MILE Zola \u{39f}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{391}\u{3a3}"),
            "\u{e9}mile zola \u{3bf}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3b1}\u{3c3}"
        );
    }

    #[test]
    fn values_join_continuations_and_map_back() {
        let text = "claim a\n  source: X\n  quote: one two\n     three four\n";
        let (m, diags) = model(text);
        assert!(diags.is_empty(), "{diags:?}");
        let q = &m.claims[0].quotes[0].value;
        assert_eq!(q.text, "one two three four");
        let three = q.text.find("three").unwrap();
        assert_eq!(q.file_offset(three), text.find("three").unwrap());
        let span = q.file_span(three, three + 5);
        assert_eq!(span.slice(text), "three");
        assert_eq!(
            q.text_offset(text.find("four").unwrap()),
            Some(q.text.find("four").unwrap())
        );
    }

    #[test]
    fn packed_fields_read_back_their_spans_and_lines_and_move_with_edits() {
        // One-piece, empty, several pieces, a first piece empty, CRLF, tabs, a note.
        let text = "publisher: P\r\nactor A\n  kind: person\nclaim c\n  source:\tA\n  cue:\n  quote:\n    one\n  quote: two\r\n   three\n  note: n\n  stance: asserts  \n";
        let tree = parse(text);
        let (m, _) = model(text);
        let mut nodes: Vec<FieldNode> = tree.header.clone();
        for b in &tree.blocks {
            nodes.extend(tree.fields(b));
        }
        let claim = &m.claims[0];
        let mut fields: Vec<&Field> = vec![m.header.publisher.as_ref().unwrap()];
        fields.extend(m.actors[0].kind.as_ref());
        fields.extend(claim.source.as_ref());
        fields.extend(claim.cue.as_ref());
        fields.extend(claim.quotes.iter());
        fields.extend(claim.note.as_deref());
        fields.extend(claim.stance.as_ref());
        assert_eq!(fields.len(), nodes.len());
        let spans = |f: &Field| (f.key_span(), f.span(), f.value.span(), f.line());
        for (f, node) in fields.iter().zip(&nodes) {
            assert_eq!(f.key_span(), node.key());
            assert_eq!(f.span(), node.span());
            assert_eq!(f.line(), node.line());
            let fresh = Value::from_pieces(text, &node.pieces);
            assert_eq!(f.value.span(), fresh.span());
            assert_eq!(f.value.text, fresh.text);
        }
        let texts: Vec<&str> = fields.iter().map(|f| f.value.text.as_str()).collect();
        assert_eq!(
            texts,
            ["P", "person", "A", "", "one", "two three", "n", "asserts"]
        );
        let cue = claim.cue.as_ref().unwrap();
        assert_eq!(
            cue.value.span(),
            Span::empty(text.find("cue:").unwrap() + 4)
        );
        let one = &claim.quotes[0].value;
        assert_eq!(one.span().slice(text), "one");
        assert_eq!(claim.quotes[1].value.span().slice(text), "two\r\n   three");
        // Edits above move every span and line; the pieces stay relative.
        for (bytes, lines) in [(17isize, 3isize), (1 << 20, 0), (-5, -1)] {
            let mut moved = claim.clone();
            moved.shift(100, 10);
            moved.shift(bytes, lines);
            let all = |c: &Claim| {
                let mut v = vec![
                    spans(c.source.as_ref().unwrap()),
                    spans(c.cue.as_ref().unwrap()),
                ];
                v.extend(c.quotes.iter().map(spans));
                v.push(spans(c.note.as_deref().unwrap()));
                v.push(spans(c.stance.as_ref().unwrap()));
                v
            };
            let by = 100 + bytes;
            let at = |s: Span| s.shift(by);
            let want: Vec<_> = all(claim)
                .into_iter()
                .map(|(k, f, v, l)| (at(k), at(f), at(v), (l as isize + 10 + lines) as usize))
                .collect();
            assert_eq!(all(&moved), want);
            let q = &moved.quotes[1].value;
            let three = q.text.find("three").unwrap();
            assert_eq!(
                q.file_span(three, three + 5),
                at(Span::new(
                    text.find("three").unwrap(),
                    text.find("three").unwrap() + 5
                ))
            );
        }
    }

    #[test]
    fn list_items_with_spans() {
        let text = "publisher: UrduPoint News ,Sputnik,, \n";
        let (m, _) = model(text);
        let items = m.header.publishers();
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.text.as_str(), i.span.slice(text)))
            .collect();
        assert_eq!(
            got,
            [("UrduPoint News", "UrduPoint News"), ("Sputnik", "Sputnik")]
        );
    }

    #[test]
    fn unknown_missing_and_duplicate_fields() {
        let text = "dates: x\nclaim a\n  souce: X\n  stance: asserts\n  stance: denies\nactor\n  kind: alien\nquote: y\n";
        let (_, diags) = model(text);
        let codes: Vec<_> = diags.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes,
            ["C002", "C003", "C002", "C004", "C003", "C045", "C002"],
            "in file order: {diags:#?}"
        );
        assert!(diags[0].message.contains("did you mean `date`"));
        assert!(diags[6].message.contains("indented under a `claim ID`"));
        assert_eq!(
            &*diags[2].fix.as_ref().unwrap().edits[0].replacement,
            "source"
        );
        assert!(
            diags[1].message.contains("no `source:`") && diags[1].message.contains("no `quote:`")
        );
    }

    #[test]
    fn dates_late_headers_and_duplicate_actor_names() {
        assert!(
            is_calendar_date("2020-02-29")
                && !is_calendar_date("2021-02-29")
                && !is_calendar_date("2020-13-01")
                && !is_calendar_date("20-10-02")
        );
        let (_, diags) =
            model("date: 2020-02-30\nclaim a\n  source: X\n  quote: y\narticle: late.txt\n");
        let messages: Vec<_> = diags
            .iter()
            .map(|d| (d.code.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].1.contains("not a date"));
        assert!(messages[1].1.contains("after the first block"));
        let (_, diags) = model("actor A\n  aka: Moscow\nactor B\n  aka: moscow\nactor a\n");
        assert_eq!(
            diags.iter().filter(|d| d.code == Code::Syntax).count(),
            2,
            "{diags:?}"
        );
    }

    #[test]
    fn relations_and_actor_names() {
        let text = "actor Russian Foreign Ministry\n  aka: Moscow, Russia\n  aka: the Kremlin\n  kind: government\nclaim a\n  source: moscow\n  quote: q\n  disputes: b, c\n  responds-to: d\n";
        let (m, diags) = model(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(m.actors[0].aliases.len(), 3);
        assert!(m.actor("MOSCOW").is_some());
        assert!(
            m.actor("russian  foreign\tministry").is_some(),
            "whitespace runs compare as one space"
        );
        let rel: Vec<_> = m.claims[0]
            .relations
            .iter()
            .map(|r| (r.kind, r.target.text.as_str()))
            .collect();
        assert_eq!(
            rel,
            [
                (RelationKind::Disputes, "b"),
                (RelationKind::Disputes, "c"),
                (RelationKind::RespondsTo, "d")
            ]
        );
    }
}
