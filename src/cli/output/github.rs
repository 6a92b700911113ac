//! `--format github`: GitHub Actions workflow commands, one line per finding, which the
//! runner turns into annotations on the pull request.
//!
//! `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=C010 quote-not-found::message`

use crate::cli::location::display;
use crate::cli::run::Checked;
use crate::diagnostic::Severity;
use std::fmt::Write;

pub(crate) fn render(c: &Checked<'_>) -> String {
    let file = escape_property(&display(c.path));
    let mut out = String::new();
    for d in c.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        let r = c.source.region(d.span);
        let title = escape_property(&format!("{} {}", d.code.as_str(), d.code.name()));
        let _ = writeln!(
            out,
            "::{command} file={file},line={},col={},endLine={},endColumn={},title={title}::{}",
            r.start.line,
            r.start.column,
            r.end.line,
            r.end.column,
            escape_data(&d.message)
        );
    }
    out
}

/// The message of a workflow command: `%`, CR and LF are percent-encoded, other control
/// characters escaped as `\u{..}` (a log viewer is a terminal too).
pub(crate) fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push_str(&super::escape_controls(ch.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// A property value of a workflow command: as data, plus `:` and `,`.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(
            escape_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(
            escape_data("x\u{1b}]0;pwned\u{7}\0"),
            "x\\u{1b}]0;pwned\\u{7}\\u{0}"
        );
    }
}
