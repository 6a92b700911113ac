//! Small Markdown helpers: escaping, code spans, and article excerpts with bold spans.

use crate::article::Article;
use crate::text::Span;

/// Escapes the characters that would start emphasis, code, links or HTML.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `s` as an inline code span, whatever backticks it holds.
pub(crate) fn code(s: &str) -> String {
    if !s.contains('`') {
        return format!("`{s}`");
    }
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    format!("{fence} {s} {fence}")
}

/// At most `max` characters of `s`, with an ellipsis when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

pub(crate) use crate::text::collapse_whitespace as collapse;

/// Longest excerpt shown, in bytes of article text.
const MAX_EXCERPT: usize = 700;
/// Context kept on each side of the highlight when an excerpt is cut.
const CONTEXT: usize = 240;

/// The article text of `region` on one line, escaped, with each of `bold` (article spans,
/// sorted, not overlapping) in bold. A long region is cut around the first bold span.
pub(crate) fn excerpt(article: &Article, region: Span, bold: &[Span]) -> String {
    let text = &article.text;
    let mut region = Span::new(region.start.min(text.len()), region.end.min(text.len()));
    let mut cut_before = false;
    let mut cut_after = false;
    if region.len() > MAX_EXCERPT {
        let focus = bold.first().copied().unwrap_or(Span::empty(region.start));
        let start = focus.start.saturating_sub(CONTEXT).max(region.start);
        let end = (focus.end + CONTEXT)
            .max(start + MAX_EXCERPT.min(region.len()))
            .min(region.end);
        let start = word_start(text, start, region.start);
        let end = word_end(text, end, region.end);
        cut_before = start > region.start;
        cut_after = end < region.end;
        region = Span::new(start, end);
    }
    let mut out = String::new();
    if cut_before {
        out.push_str("… ");
    }
    let slice = region.slice(text);
    let mut in_space = false;
    let mut open = false;
    for (i, c) in slice.char_indices() {
        let at = region.start + i;
        let starts = bold.iter().any(|b| b.start == at && !b.is_empty());
        let ends = bold.iter().any(|b| b.end == at && !b.is_empty());
        if ends && open {
            out.push_str("**");
            open = false;
        }
        if c.is_whitespace() {
            in_space = true;
            continue;
        }
        if in_space {
            out.push(' ');
            in_space = false;
        }
        if starts && !open {
            out.push_str("**");
            open = true;
        }
        let mut buf = [0u8; 4];
        out.push_str(&escape(c.encode_utf8(&mut buf)));
    }
    if open {
        out.push_str("**");
    }
    if cut_after {
        out.push_str(" …");
    }
    out.trim().to_string()
}

fn word_start(text: &str, mut at: usize, floor: usize) -> usize {
    while at > floor && !text.is_char_boundary(at) {
        at -= 1;
    }
    match text[floor..at].rfind(char::is_whitespace) {
        Some(i) if at - (floor + i) < 40 => floor + i + 1,
        _ => at,
    }
}

fn word_end(text: &str, mut at: usize, ceiling: usize) -> usize {
    while at < ceiling && !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..ceiling].find(char::is_whitespace) {
        Some(i) if i < 40 => at + i,
        _ => at,
    }
}

/// The sentences around `span` (those it overlaps), as one region; the span itself when
/// it lies outside every sentence (the headline).
pub(crate) fn sentence_region(article: &Article, span: Span) -> Span {
    if article.in_header(span.start) {
        return article.header_line.map_or(span, |h| {
            let line = h.slice(&article.text);
            let end = h.start + line.trim_end().len();
            Span::new(
                article
                    .headline
                    .map_or(h.start, |x| x.start)
                    .min(span.start),
                end.max(span.end),
            )
        });
    }
    let range = article.sentences_in(span);
    match (
        article.sentences().get(range.start),
        article.sentences().get(range.end.saturating_sub(1)),
    ) {
        (Some(a), Some(b)) if range.start < range.end => {
            Span::new(a.span().start.min(span.start), b.span().end.max(span.end))
        }
        _ => span,
    }
}

/// "line 9, paragraph 8" or "line 1, the headline".
pub(crate) fn place(article: &Article, offset: usize) -> String {
    let line = article.line_number(offset);
    if article.in_header(offset) {
        return format!("line {line}, the headline");
    }
    match article.paragraph_of(offset) {
        Some(p) => format!("line {line}, paragraph {}", p + 1),
        None => format!("line {line}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_code_spans() {
        assert_eq!(escape("a*b_c [x] <y>"), "a\\*b\\_c \\[x\\] \\<y\\>");
        assert_eq!(code("x"), "`x`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(clip("one two three", 7), "one two…");
    }

    #[test]
    fn excerpt_bolds_and_collapses() {
        let a = Article::new("Head\n\nFirst one.\nThe *man* said   so. Next.");
        let s = a.text.find("*man*").unwrap();
        let region = sentence_region(&a, Span::new(s, s + 5));
        assert_eq!(region.slice(&a.text), "The *man* said   so.");
        assert_eq!(
            excerpt(&a, region, &[Span::new(s, s + 5)]),
            "The **\\*man\\*** said so."
        );
        assert_eq!(place(&a, s), "line 4, paragraph 1");
    }

    #[test]
    fn long_regions_are_cut_around_the_highlight() {
        let body = format!("{} needle {}", "word ".repeat(300), "more ".repeat(300));
        let a = Article::new(format!("Head\n\n{body}"));
        let s = a.text.find("needle").unwrap();
        let e = excerpt(&a, a.paragraphs[0], &[Span::new(s, s + 6)]);
        assert!(e.starts_with("… ") && e.ends_with(" …"), "{e}");
        assert!(e.contains("**needle**"));
        assert!(e.len() < 800);
    }
}
