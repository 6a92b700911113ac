//! `--format human`: rustc-style snippets. Each finding shows the annotation line(s) with
//! the span underlined, then the article excerpt for related article spans (the nearest
//! match, the mention found), then the fix as a help line.

use super::escape_controls;
use crate::cli::location::display;
use crate::cli::run::Checked;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::text::{LineIndex, Span};
use annotate_snippets::{Level, Renderer, Snippet};
use std::borrow::Cow;
use std::fmt::Write;
use std::ops::Range;

/// Spans over more lines than this are shown by their first line only.
const MAX_LINES: usize = 8;
/// Article spans are underlined for at most this many characters, so that a long one (the
/// sentences around a quote) does not print a whole paragraph; the line is then cut to the
/// terminal width around the underline.
const MAX_ARTICLE_CHARS: usize = 100;

pub(crate) fn render(c: &Checked<'_>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let path = escape_controls(&display(c.path)).into_owned();
    let article_path = escape_controls(&display(c.article_path)).into_owned();
    let mut out = String::new();
    for d in c.diagnostics {
        let _ = writeln!(
            out,
            "{}\n",
            render_one(c, d, &renderer, &path, &article_path)
        );
    }
    out
}

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
        Severity::Hint => Level::Note,
    }
}

fn render_one(
    c: &Checked<'_>,
    d: &Diagnostic,
    renderer: &Renderer,
    path: &str,
    article_path: &str,
) -> String {
    let level = level(d.severity);
    let main = Excerpt::new(c.source.text, c.source.lines, d.span);
    let related: Vec<(Excerpt, &str, Cow<'_, str>)> = d
        .related
        .iter()
        .filter_map(|r| match r.target {
            Target::File => Some((
                Excerpt::new(c.source.text, c.source.lines, r.span),
                path,
                escape_controls(&r.message),
            )),
            Target::Article => {
                let a = c.article?;
                let span = clip(&a.text, r.span, MAX_ARTICLE_CHARS);
                Some((
                    Excerpt::new(&a.text, a.lines(), span),
                    article_path,
                    escape_controls(&r.message),
                ))
            }
        })
        .collect();
    let help = d.fix.as_ref().map(|f| match f.edits.as_slice() {
        // A whole block to insert (a drafted claim) is too long for a help line.
        [e] if e.replacement.trim_end().contains('\n') && e.span.is_empty() => f.title.to_string(),
        [e] if !e.replacement.is_empty() && !f.title.contains(&*e.replacement) => {
            // A wrapped replacement reads as one line in a help note.
            let shown: Vec<&str> = e.replacement.split_whitespace().collect();
            format!("{}: {}", f.title, shown.join(" "))
        }
        _ => f.title.to_string(),
    });
    let help = help.map(|h| escape_controls(&h).into_owned());
    let title = escape_controls(&d.message);

    let mut message = level.title(&title).id(d.code.as_str()).snippet(
        main.snippet(path)
            .annotation(level.span(main.range.clone())),
    );
    for (excerpt, origin, label) in &related {
        // Error and warning annotations print their label without a level prefix; the
        // warning one underlines with `-`, as rustc marks secondary spans.
        let mut note = Level::Warning.span(excerpt.range.clone());
        if !label.is_empty() {
            note = note.label(label.as_ref());
        }
        message = message.snippet(excerpt.snippet(origin).annotation(note));
    }
    if let Some(help) = &help {
        message = message.footer(Level::Help.title(help));
    }
    let rendered = renderer.render(message).to_string();
    rendered
}

/// `span` cut to its first `max` characters.
fn clip(text: &str, span: Span, max: usize) -> Span {
    let Some(slice) = text.get(span.start..span.end) else {
        return span;
    };
    match slice.char_indices().nth(max) {
        Some((i, _)) => Span::new(span.start, span.start + i),
        None => span,
    }
}

/// The lines of a text that a span touches, made safe to print (tabs and control characters
/// become spaces of the same byte length, so offsets map one to one), and the span mapped
/// into it.
struct Excerpt {
    text: String,
    first_line: usize,
    range: Range<usize>,
}

impl Excerpt {
    fn new(source: &str, lines: &LineIndex, span: Span) -> Excerpt {
        let len = source.len();
        // Offsets inside a character would make the renderer slice badly: move them back.
        let floor = |mut i: usize| {
            while !source.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = floor(span.start.min(len));
        let mut end = floor(span.end.clamp(start, len));
        let first = lines.line_of(start);
        let mut last = lines
            .line_of(if end > start { end - 1 } else { end })
            .max(first);
        if last - first >= MAX_LINES {
            last = first;
            end = end.min(lines.line_span(first).end);
        }
        let mut text = String::new();
        let mut range = 0..0;
        for line in first..=last {
            let mut s = lines.line_span(line);
            if line == 0 && source.starts_with('\u{feff}') {
                s.start = s.start.max(3).min(s.end);
            }
            if line > first {
                text.push('\n');
            }
            let base = text.len();
            let map = |offset: usize| base + offset.clamp(s.start, s.end) - s.start;
            if line == first {
                range.start = map(start);
            }
            if line == last {
                range.end = map(end).max(range.start);
            }
            push_printable(&mut text, s.slice(source));
        }
        Excerpt {
            text,
            first_line: first + 1,
            range,
        }
    }

    fn snippet<'a>(&'a self, origin: &'a str) -> Snippet<'a> {
        Snippet::source(&self.text)
            .line_start(self.first_line)
            .origin(origin)
    }
}

/// Copies `s`, replacing characters that would upset a terminal or the layout with
/// characters of the same UTF-8 length.
fn push_printable(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '\t' | '\0'..='\u{1f}' | '\u{7f}' => out.push(' '),
            '\u{80}'..='\u{9f}' => out.push('\u{b7}'),
            '\u{2028}' | '\u{2029}' => out.push('\u{2424}'),
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => out.push('\u{2002}'),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => out.push('\u{2002}'),
            _ => out.push(ch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_keeps_byte_lengths() {
        for s in [
            "a\tb",
            "x\u{1b}[31m",
            "\u{85}",
            "a\u{2028}b",
            "\u{feff}x",
            "\u{202e}evil",
            "\u{200d}",
        ] {
            let mut out = String::new();
            push_printable(&mut out, s);
            assert_eq!(out.len(), s.len(), "{s:?} -> {out:?}");
            assert_eq!(out.chars().count(), s.chars().count(), "{s:?} -> {out:?}");
            assert!(!out.chars().any(|c| c.is_control()), "{out:?}");
        }
    }

    #[test]
    fn clip_counts_characters() {
        let text = "aМоскваb";
        assert_eq!(clip(text, Span::new(0, text.len()), 3), Span::new(0, 5));
        assert_eq!(clip(text, Span::new(1, 5), 9), Span::new(1, 5));
        assert_eq!(
            clip(text, Span::new(2, 4), 1),
            Span::new(2, 4),
            "not on a boundary: unchanged"
        );
    }

    #[test]
    fn excerpts_never_panic_the_renderer() {
        let texts = [
            "",
            "\n",
            "a",
            "ab\r\ncd\r\n",
            "\u{feff}x y\n\tz\n",
            "Москва 😀\u{2028} x\n\n\ny",
            "\r\r\n\n",
        ];
        for text in texts {
            let lines = LineIndex::new(text);
            for start in 0..=text.len() + 2 {
                for end in start..=text.len() + 2 {
                    let e = Excerpt::new(text, &lines, Span::new(start, end));
                    assert!(
                        e.range.start <= e.range.end && e.range.end <= e.text.len(),
                        "{text:?} {start}..{end}"
                    );
                    let msg = Level::Error.title("t").snippet(
                        e.snippet("f")
                            .annotation(Level::Error.span(e.range.clone()).label("here")),
                    );
                    let _ = Renderer::plain().render(msg).to_string();
                }
            }
        }
    }
}
