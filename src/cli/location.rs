//! Paths and positions as the outputs print them: 1-based lines, 1-based columns counted in
//! characters (a leading byte order mark is not a character of line 1), and paths without
//! `./` segments.

use crate::text::{Encoding, LineIndex, Span};
use std::path::{Component, Path, PathBuf};

const BOM: char = '\u{feff}';

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Start and end of a span; the end column is that of the character after the span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    pub start: Pos,
    pub end: Pos,
}

/// A text with its line index, for converting byte offsets.
#[derive(Clone, Copy)]
pub(crate) struct Source<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
}

impl Source<'_> {
    pub fn pos(&self, offset: usize) -> Pos {
        let lc = self.lines.position(self.text, offset, Encoding::Chars);
        let mut column = lc.col as usize;
        if lc.line == 0 && column > 0 && self.text.starts_with(BOM) {
            column -= 1;
        }
        Pos {
            line: lc.line as usize + 1,
            column: column + 1,
        }
    }

    pub fn region(&self, span: Span) -> Region {
        let end = span.end.max(span.start);
        Region {
            start: self.pos(span.start),
            end: self.pos(end),
        }
    }
}

/// `path` without `.` segments and with `dir/..` pairs folded, as written otherwise
/// (relative paths stay relative). An empty result is `.`.
pub(crate) fn clean(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

/// The path as the outputs print it, with forward slashes on every platform.
pub(crate) fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}

/// A URI reference for SARIF: relative to the current directory when the file is inside it,
/// else an absolute `file:` URI; percent-encoded.
pub(crate) fn uri(path: &Path, cwd: Option<&Path>) -> String {
    let relative = if path.is_absolute() {
        cwd.and_then(|c| path.strip_prefix(c).ok())
            .map(Path::to_path_buf)
    } else {
        Some(path.to_path_buf())
    };
    match relative {
        Some(rel) => encode(&display(&rel)),
        None => {
            let abs = display(path);
            let abs = if abs.starts_with('/') {
                abs
            } else {
                format!("/{abs}")
            };
            format!("file://{}", encode(&abs))
        }
    }
}

/// Percent-encodes everything but unreserved characters and `/` (RFC 3986).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_skip_the_bom() {
        let text = "\u{feff}ab\nМосква x";
        let lines = LineIndex::new(text);
        let src = Source {
            text,
            lines: &lines,
        };
        assert_eq!(src.pos(3), Pos { line: 1, column: 1 });
        assert_eq!(src.pos(4), Pos { line: 1, column: 2 });
        let x = text.find('x').unwrap();
        assert_eq!(src.pos(x), Pos { line: 2, column: 8 });
        assert_eq!(src.pos(text.len() + 10), Pos { line: 2, column: 9 });
    }

    #[test]
    fn clean_and_uri() {
        assert_eq!(
            clean(Path::new("./a/./b/../c.claims")),
            PathBuf::from("a/c.claims")
        );
        assert_eq!(clean(Path::new("../x")), PathBuf::from("../x"));
        assert_eq!(clean(Path::new(".")), PathBuf::from("."));
        assert_eq!(uri(Path::new("a b/ü.claims"), None), "a%20b/%C3%BC.claims");
        assert_eq!(
            uri(Path::new("/w/x/y.claims"), Some(Path::new("/w"))),
            "x/y.claims"
        );
        assert_eq!(
            uri(Path::new("/o/y.claims"), Some(Path::new("/w"))),
            "file:///o/y.claims"
        );
    }
}
