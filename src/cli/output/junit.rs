//! `--format junit`: JUnit XML, the test-report format CI systems show (GitLab's test
//! reports, Jenkins, Azure). Each checked file is a test suite; each finding a failing
//! test case named by its code and place; a file without findings one passing case.
//! Validated against `tests/schemas/junit.xsd` in the CLI tests.

use crate::cli::location::display;
use crate::cli::run::Checked;
use std::fmt::Write;

/// One file's `<testsuite>` element.
pub(crate) fn render(c: &Checked<'_>) -> String {
    let file = display(c.path);
    let mut out = String::new();
    let failures = c.diagnostics.len();
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        attr(&file),
        failures.max(1)
    );
    if c.diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "    <testcase classname=\"claimls\" name=\"{}\" file=\"{}\"/>",
            attr(&format!("{file}: no findings")),
            attr(&file)
        );
    }
    for d in c.diagnostics {
        let r = c.source.region(d.span);
        let name = format!(
            "{}:{}:{} {} {}",
            file,
            r.start.line,
            r.start.column,
            d.code.as_str(),
            d.code.name()
        );
        let _ = writeln!(
            out,
            "    <testcase classname=\"claimls.{}\" name=\"{}\" file=\"{}\" line=\"{}\">",
            d.code.as_str(),
            attr(&name),
            attr(&file),
            r.start.line
        );
        let _ = writeln!(
            out,
            "      <failure type=\"{}\" message=\"{}\">{} {} {} at {}:{}:{}: {}</failure>",
            d.severity.as_str(),
            attr(&d.message),
            d.severity.as_str(),
            d.code.as_str(),
            d.code.name(),
            text(&file),
            r.start.line,
            r.start.column,
            text(&d.message)
        );
        let _ = writeln!(out, "    </testcase>");
    }
    let _ = writeln!(out, "  </testsuite>");
    out
}

/// The document around the files' suites.
pub(crate) fn document(suites: &[&str], tests: usize, failures: usize) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"claimls check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for s in suites {
        out.push_str(s);
    }
    out.push_str("</testsuites>\n");
    out
}

/// Text content: `&`, `<`, `>` escaped, and characters XML 1.0 cannot hold (most C0
/// controls, U+FFFE/U+FFFF) written as `\u{..}`.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' || c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// An attribute value: as text, plus quotes, and line breaks kept as character references.
fn attr(s: &str) -> String {
    text(s)
        .replace('"', "&quot;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(text("a < b & c > d"), "a &lt; b &amp; c &gt; d");
        assert_eq!(attr("say \"x\"\nnext"), "say &quot;x&quot;&#10;next");
        assert_eq!(text("bell\u{7}"), "bell\\u{7}");
    }
}
