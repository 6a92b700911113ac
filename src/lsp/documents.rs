//! Open documents: the editor's text, its version, and what is derived from it
//! (parsed annotation, line index), plus the per-document check cache.

use super::convert::Lines;
use crate::check::{ClaimCache, Parsed};
use crate::diagnostic::Diagnostic;
use crate::text::{Encoding, LineIndex, Span};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A `.claims` annotation: parsed, checked, served.
    Claims,
    /// Any other text (an article open in the editor, a `claimls.toml`).
    Text,
}

/// One version of a document, shared with the handlers and checks that need it. The
/// parse and the line index are made on first use: versions that a newer one replaces
/// before anybody looks at them (fast typing) cost only their text.
#[derive(Debug)]
pub struct Snapshot {
    pub version: i32,
    kind: Kind,
    /// Empty when the parse was carried over from the previous version: the text is then
    /// the parse's own (a big file is not copied on every keystroke). Read it through
    /// [`Snapshot::text`].
    own_text: String,
    index: OnceLock<LineIndex>,
    parsed: OnceLock<Parsed>,
    /// The parse was carried over from the previous version by incremental edits.
    pub carried: bool,
    /// An annotation longer than the `maxDocumentBytes` setting: never parsed nor checked.
    pub too_large: bool,
}

impl Snapshot {
    fn new(kind: Kind, version: i32, text: String, max_bytes: u64) -> Snapshot {
        Snapshot {
            version,
            kind,
            too_large: kind == Kind::Claims && text.len() as u64 > max_bytes,
            own_text: text,
            index: OnceLock::new(),
            parsed: OnceLock::new(),
            carried: false,
        }
    }

    /// A version parsed at once (an annotation that is not too large), the parse taking
    /// the text: a lazy parse would copy it and keep both copies for as long as the
    /// version lives (twice a big file's size).
    fn parsed_now(kind: Kind, version: i32, text: String, max_bytes: u64) -> Snapshot {
        let mut s = Snapshot::new(kind, version, text, max_bytes);
        if kind == Kind::Claims && !s.too_large {
            let text = std::mem::take(&mut s.own_text);
            let _ = s.parsed.set(Parsed::new(text));
        }
        s
    }

    fn with_parse(kind: Kind, version: i32, parsed: Parsed) -> Snapshot {
        let mut s = Snapshot::new(kind, version, String::new(), u64::MAX);
        let _ = s.parsed.set(parsed);
        s.carried = true;
        s
    }

    pub fn text(&self) -> &str {
        match self.parsed.get() {
            Some(p) => &p.text,
            None => &self.own_text,
        }
    }

    /// The parsed annotation; `None` for other documents and annotations that are too large.
    pub fn parsed(&self) -> Option<&Parsed> {
        (self.kind == Kind::Claims && !self.too_large).then(|| {
            self.parsed
                .get_or_init(|| Parsed::new(self.own_text.as_str()))
        })
    }

    pub fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| match self.parsed.get() {
            Some(p) => index_of_parse(p),
            None => LineIndex::new(&self.own_text),
        })
    }

    pub fn lines(&self, enc: Encoding) -> Lines<'_> {
        Lines {
            text: self.text(),
            index: self.index(),
            enc,
        }
    }
}

/// Findings published for a version, kept for code actions.
#[derive(Debug)]
pub struct Published {
    pub version: i32,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug)]
pub struct Document {
    pub uri: Uri,
    /// The file behind the document, normalized; `None` for unsaved buffers.
    pub path: Option<PathBuf>,
    pub kind: Kind,
    pub snapshot: Arc<Snapshot>,
    /// Per-claim results of earlier checks of this document.
    pub cache: Arc<Mutex<ClaimCache>>,
    /// The JSON of the findings last pushed, for the next push.
    pub wire: Arc<Mutex<super::diagnostics::WireCache>>,
    /// Bumped by every change and every request to re-check: a check result is published
    /// only while its generation is still the document's.
    pub generation: u64,
    pub published: Option<Published>,
    /// For an article: the unannotated statements last published on it (C050 in the
    /// article's own buffer), with the article version they are for.
    pub article_side: Option<(i32, Vec<tower_lsp_server::ls_types::Diagnostic>)>,
    /// For an annotation: the article buffer its statements were last published on.
    pub article_uri: Option<Uri>,
    /// Annotations longer than this are not parsed (the `maxDocumentBytes` setting).
    pub max_bytes: u64,
}

impl Document {
    pub fn new(
        uri: Uri,
        path: Option<PathBuf>,
        kind: Kind,
        version: i32,
        text: String,
        max_bytes: u64,
    ) -> Document {
        Document {
            uri,
            path,
            kind,
            // Opened to be checked: parsed now, which the check would do first anyway.
            snapshot: Arc::new(Snapshot::parsed_now(kind, version, text, max_bytes)),
            cache: Arc::new(Mutex::new(ClaimCache::new())),
            wire: Arc::default(),
            generation: 0,
            published: None,
            article_side: None,
            article_uri: None,
            max_bytes,
        }
    }

    pub fn version(&self) -> i32 {
        self.snapshot.version
    }

    /// Applies `changes` in order (ranges in `enc`; a change without a range replaces the
    /// whole text) and makes `version` current.
    ///
    /// The parse of the current version is carried over and updated edit by edit
    /// ([`Parsed::edit`] re-parses only the claims an edit touches) when nothing else holds
    /// it. Otherwise (a check of it is running, no one has looked at it yet, or a change
    /// replaces the whole text) the new version is parsed in full on first use.
    ///
    /// The text is kept once: in the parse, or as the snapshot's own text. Positions are
    /// found through the line index, which follows every edit; a version that a running
    /// check still holds is copied (the one copy an edit then costs).
    pub fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        enc: Encoding,
    ) {
        // The parse, the line index and the text of the current version: taken over when
        // nothing else holds them, else copied (the parse is then made again on first use).
        let (mut parsed, index, mut plain) = if let Some(s) = Arc::get_mut(&mut self.snapshot) {
            let parsed = s.parsed.take();
            let own = std::mem::take(&mut s.own_text);
            // A lazily made parse copied the text: keep the parse's.
            let own = if parsed.is_some() { String::new() } else { own };
            (parsed, s.index.take(), own)
        } else {
            let s = &*self.snapshot;
            (None, s.index.get().cloned(), s.text().to_owned())
        };
        let mut index = index.unwrap_or_else(|| match &parsed {
            Some(p) => index_of_parse(p),
            None => LineIndex::new(&plain),
        });
        for change in changes {
            let Some(range) = change.range else {
                parsed = None;
                plain = change.text;
                index = LineIndex::new(&plain);
                continue;
            };
            let text = parsed.as_ref().map_or(plain.as_str(), |p| p.text.as_str());
            let a = index.offset(text, line_col(range.start), enc);
            let b = index.offset(text, line_col(range.end), enc);
            let removed = Span::new(a.min(b), a.max(b));
            // Counted before the edit replaces them, for the line index.
            let removed_non_ascii = removed
                .slice(text)
                .bytes()
                .filter(|b| !b.is_ascii())
                .count();
            let edited = parsed
                .as_mut()
                .is_some_and(|p| p.edit(removed, &change.text));
            if !edited {
                if let Some(p) = parsed.take() {
                    plain = p.text;
                }
                plain.replace_range(removed.start..removed.end, &change.text);
            }
            let text = parsed.as_ref().map_or(plain.as_str(), |p| p.text.as_str());
            index.patch(text, removed, &change.text, removed_non_ascii);
        }
        if let Some(p) = parsed.take_if(|p| p.text.len() as u64 > self.max_bytes) {
            plain = p.text;
        }
        let snapshot = match parsed {
            // The parse followed the edits one by one.
            Some(p) => Snapshot::with_parse(self.kind, version, p),
            None => Snapshot::new(self.kind, version, plain, self.max_bytes),
        };
        debug_assert!(index == LineIndex::new(snapshot.text()));
        let _ = snapshot.index.set(index);
        self.snapshot = Arc::new(snapshot);
        self.generation += 1;
    }
}

/// The line index of a parsed version, read off the tree, which has every line already.
fn index_of_parse(p: &Parsed) -> LineIndex {
    LineIndex::from_lines(
        &p.text,
        p.tree.lines.iter().map(|l| (l.content(), l.full())),
    )
}

fn line_col(p: tower_lsp_server::ls_types::Position) -> crate::text::LineCol {
    crate::text::LineCol {
        line: p.line,
        col: p.character,
    }
}

/// The open documents, by URI.
#[derive(Debug, Default)]
pub struct Documents {
    docs: HashMap<Uri, Document>,
}

impl Documents {
    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.docs.get(uri)
    }

    /// Every open document.
    pub fn iter(&self) -> impl Iterator<Item = &Document> {
        self.docs.values()
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.docs.get_mut(uri)
    }

    pub fn insert(&mut self, doc: Document) {
        self.docs.insert(doc.uri.clone(), doc);
    }

    pub fn remove(&mut self, uri: &Uri) -> Option<Document> {
        self.docs.remove(uri)
    }

    /// The open document holding the file at `path`.
    pub fn by_path(&self, path: &std::path::Path) -> Option<&Document> {
        self.docs.values().find(|d| d.path.as_deref() == Some(path))
    }

    /// URIs of the open annotations.
    pub fn annotations(&self) -> Vec<Uri> {
        self.docs
            .values()
            .filter(|d| d.kind == Kind::Claims)
            .map(|d| d.uri.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_edits_in_utf16_over_wide_characters() {
        let uri: Uri = "file:///x.claims".parse().unwrap();
        let mut d = Document::new(
            uri,
            None,
            Kind::Claims,
            1,
            "claim a\n  note: Москва 😀 Երևան\n".into(),
            u64::MAX,
        );
        // Replace the emoji (two UTF-16 units after "  note: Москва ").
        d.apply(vec![change(1, 15, 1, 17, "🙂🙂")], 2, Encoding::Utf16);
        assert_eq!(d.snapshot.text(), "claim a\n  note: Москва 🙂🙂 Երևան\n");
        // Then insert after the Armenian word, and a line past the end is clamped.
        d.apply(
            vec![change(1, 25, 1, 25, "!"), change(9, 0, 9, 0, "tail")],
            3,
            Encoding::Utf16,
        );
        assert_eq!(
            d.snapshot.text(),
            "claim a\n  note: Москва 🙂🙂 Երևան!\ntail"
        );
        assert_eq!(d.version(), 3);
        d.apply(
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            }],
            4,
            Encoding::Utf16,
        );
        assert_eq!(d.snapshot.text(), "new");
        assert_eq!(d.generation, 3);
    }

    #[test]
    fn the_parse_is_carried_over_and_equals_a_fresh_one() {
        let uri: Uri = "file:///x.claims".parse().unwrap();
        let text = "date: 2020-01-01\n\nactor Москва\n  kind: government\n\nclaim a\n  source: Москва\n  quote: one 😀 two\nclaim b\n  source: Երևան\n  quote: three\n";
        let mut d = Document::new(uri, None, Kind::Claims, 1, text.into(), u64::MAX);
        assert!(d.snapshot.parsed().is_some());
        let mut seed = 99u64;
        let mut next = move |n: u32| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % u64::from(n)) as u32
        };
        let inserts = [
            "x",
            "\n",
            "claim c\n  quote: q\n",
            "😀",
            "Ж",
            "",
            "  ",
            "\r\n",
        ];
        let (mut carried, mut held_versions) = (0, 0);
        for version in 2..300 {
            let lines = d.snapshot.text().lines().count() as u32 + 1;
            let (l, c) = (next(lines), next(30));
            let edit = change(
                l,
                c,
                l,
                c + next(3),
                inserts[next(inserts.len() as u32) as usize],
            );
            // Hold the old version now and then, as a running check would.
            let held = (version % 7 == 0).then(|| d.snapshot.clone());
            held_versions += usize::from(held.is_some());
            d.apply(vec![edit], version, Encoding::Utf16);
            drop(held);
            if d.snapshot.carried {
                assert!(d.snapshot.parsed.get().is_some());
                carried += 1;
            }
            let fresh = Parsed::new(d.snapshot.text());
            assert_eq!(d.snapshot.lines(Encoding::Utf16).text, fresh.text);
            assert_eq!(*d.snapshot.index(), LineIndex::new(&fresh.text));
            let live = d.snapshot.parsed().unwrap();
            assert_eq!(live.text, fresh.text);
            assert_eq!(live.tree, fresh.tree, "version {version}");
            assert_eq!(live.model, fresh.model, "version {version}");
            assert_eq!(live.structural, fresh.structural, "version {version}");
        }
        // Every version keeps its parse, but those whose predecessor a check still held.
        assert_eq!(carried, 298 - held_versions);
    }

    #[test]
    fn a_text_document_follows_edits_whether_or_not_a_version_is_held() {
        let uri: Uri = "file:///x.txt".parse().unwrap();
        let mut d = Document::new(uri, None, Kind::Text, 1, "one\ntwo\r\nthree".into(), 0);
        assert!(d.snapshot.parsed().is_none());
        // Nobody holds version 1: its text is taken over and edited in place.
        d.apply(vec![change(1, 1, 1, 2, "W")], 2, Encoding::Utf16);
        assert_eq!(d.snapshot.text(), "one\ntWo\r\nthree");
        // Version 2 is held (a running check): version 3 is a copy, and 2 stays as it was.
        let held = d.snapshot.clone();
        d.apply(
            vec![change(0, 3, 1, 0, " and "), change(2, 5, 2, 5, "\n")],
            3,
            Encoding::Utf16,
        );
        assert_eq!(held.text(), "one\ntWo\r\nthree");
        assert_eq!(d.snapshot.text(), "one and tWo\r\nthree\n");
        assert_eq!(*d.snapshot.index(), LineIndex::new(d.snapshot.text()));
        assert_eq!(
            d.snapshot.index().offset(
                d.snapshot.text(),
                crate::text::LineCol { line: 2, col: 0 },
                Encoding::Utf16
            ),
            d.snapshot.text().len()
        );
    }

    #[test]
    fn crlf_and_lone_cr_line_breaks() {
        let uri: Uri = "file:///x.claims".parse().unwrap();
        let mut d = Document::new(
            uri,
            None,
            Kind::Claims,
            1,
            "claim a\r\n  note: x\ry\u{2028}z\r\n".into(),
            u64::MAX,
        );
        // Line 2 starts after the lone CR; U+2028 is not a line break.
        d.apply(
            vec![change(2, 0, 2, 1, "Y"), change(2, 2, 2, 3, "Z")],
            2,
            Encoding::Utf16,
        );
        assert_eq!(d.snapshot.text(), "claim a\r\n  note: x\rY\u{2028}Z\r\n");
        // A position inside CRLF, or past the end of a line, is the end of that line.
        d.apply(vec![change(0, 99, 0, 99, "!")], 3, Encoding::Utf16);
        assert_eq!(d.snapshot.text(), "claim a!\r\n  note: x\rY\u{2028}Z\r\n");
        assert_eq!(d.snapshot.parsed().unwrap().model.claims[0].id, "a!");
        assert_eq!(d.generation, 2);
    }
}
