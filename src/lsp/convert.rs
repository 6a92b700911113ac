//! The one place where byte offsets become LSP positions and back, in the negotiated
//! position encoding. Spans of a text snapshot go through [`LineIndex`], and so do the
//! ranges of edits (the open documents keep no rope). [`rope_offset`] counts columns
//! the same way over a rope; the tests hold the two to each other.

use crate::text::{Encoding, LineCol, LineIndex, Span};
use ropey::Rope;
use tower_lsp_server::ls_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

/// UTF-8 when the client offers it, else UTF-16 (the protocol's default).
pub fn negotiate(caps: &ClientCapabilities) -> Encoding {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

pub fn encoding_kind(enc: Encoding) -> PositionEncodingKind {
    match enc {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Chars => PositionEncodingKind::UTF32,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

/// A text with its line index: everything needed to convert spans of it.
#[derive(Clone, Copy)]
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub enc: Encoding,
}

impl Lines<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let p = self.index.position(self.text, offset, self.enc);
        Position::new(p.line, p.col)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(
            self.position(span.start),
            self.position(span.end.max(span.start)),
        )
    }

    /// Byte offset of `pos`, clamped to the text.
    pub fn offset(&self, pos: Position) -> usize {
        self.index.offset(
            self.text,
            LineCol {
                line: pos.line,
                col: pos.character,
            },
            self.enc,
        )
    }

    /// Byte span of `range`; a reversed range is put in order.
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
}

/// Byte offset of `pos` in `rope`, clamped like [`LineIndex::offset`]: a line past the end
/// gives the end of the text, a column past the end of its line the end of that line, a
/// column inside a character that character's start.
pub fn rope_offset(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let start_char = rope.line_to_char(line);
    let want = pos.character as usize;
    let mut counted = 0;
    let mut chars = 0;
    for c in rope.line(line).chars() {
        if c == '\n' || c == '\r' {
            break;
        }
        let width = match enc {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Chars => 1,
        };
        if counted + width > want {
            break;
        }
        counted += width;
        chars += 1;
    }
    rope.char_to_byte(start_char + chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rope_and_line_index_agree() {
        let text = "x Москва\r\nԵրևան 😀 y\rبغداد\u{2028}z\n";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            let lines = Lines {
                text,
                index: &index,
                enc,
            };
            for line in 0..5u32 {
                for col in 0..24u32 {
                    let pos = Position::new(line, col);
                    assert_eq!(
                        rope_offset(&rope, pos, enc),
                        lines.offset(pos),
                        "{enc:?} {line}:{col}"
                    );
                }
            }
            for (off, _) in text.char_indices() {
                let pos = lines.position(off);
                if !matches!(text.as_bytes()[off], b'\r' | b'\n') {
                    assert_eq!(lines.offset(pos), off, "{enc:?} round trip at {off}");
                }
            }
        }
    }

    #[test]
    fn negotiates_utf8_only_when_offered() {
        let mut caps = ClientCapabilities::default();
        assert_eq!(negotiate(&caps), Encoding::Utf16);
        caps.general = Some(tower_lsp_server::ls_types::GeneralClientCapabilities {
            position_encodings: Some(vec![
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8,
            ]),
            ..Default::default()
        });
        assert_eq!(negotiate(&caps), Encoding::Utf8);
    }
}
