//! `--format csv`: one row per claim, RFC 4180 (comma-separated, CRLF line ends, fields
//! with a comma, quote or line break in double quotes, quotes doubled).

use super::{one_line, Resolved};

pub const COLUMNS: &[&str] = &[
    "file",
    "id",
    "source",
    "via",
    "cue",
    "quote",
    "stance",
    "article_start_char",
    "article_end_char",
    "article_start_byte",
    "article_end_byte",
    "match_level",
    "findings",
];

/// One field, quoted when it must be.
pub fn field(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The header row and one row per claim of every annotation. A claim whose quote was not
/// found has empty offsets and `not-found` as its match level.
pub fn render(annotations: &[Resolved]) -> String {
    let mut out = header();
    for a in annotations {
        out.push_str(&rows(a));
    }
    out
}

/// The header row.
pub fn header() -> String {
    let mut out = String::new();
    row(
        &mut out,
        &COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
    );
    out
}

/// The rows of one annotation (no header), for rendering annotations in parallel.
pub fn rows(a: &Resolved) -> String {
    let mut out = String::new();
    {
        for c in &a.claims {
            let first = c.parts().next();
            let last = c.parts().last();
            let num = |v: Option<usize>| v.map(|n| n.to_string()).unwrap_or_default();
            row(
                &mut out,
                &[
                    a.file.clone(),
                    c.id.clone(),
                    c.source
                        .as_ref()
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                    c.via_text(),
                    c.cue.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
                    one_line(&c.quote_text()),
                    c.stance.clone().unwrap_or_default(),
                    num(first.map(|p| p.article.chars[0])),
                    num(last.map(|p| p.article.chars[1])),
                    num(first.map(|p| p.article.bytes[0])),
                    num(last.map(|p| p.article.bytes[1])),
                    c.level.as_str().to_string(),
                    c.findings.len().to_string(),
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
