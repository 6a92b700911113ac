//! Output formats. Each checked file is rendered on the worker thread that checked it (so
//! the texts and articles need not be kept); [`write`] then prints the files in order.

mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod sarif;

use super::location::{display, Region, Source};
use super::run::{Checked, Report};
use super::{Format, OutputOptions};
use crate::diagnostic::{Related, Target};
use std::io::{self, Write};
use std::path::PathBuf;

/// `s` safe to print on a terminal and in a CI log: control characters (C0 but for the
/// space, DEL, C1), line and paragraph separators and bidirectional overrides are written
/// as `\u{..}` escapes, so a file cannot move the cursor, recolour, retitle or reorder the
/// reader's terminal (terminal injection), with or without `--no-color`. Borrowed when
/// there is nothing to escape.
pub(crate) fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One file's findings in the output format.
pub(crate) enum Rendered {
    Text(String),
    Json(Vec<json::Finding>),
    Sarif(Vec<sarif::SarifResult>),
    Gitlab(Vec<gitlab::Issue>),
}

pub(crate) struct Renderer {
    options: OutputOptions,
    cwd: Option<PathBuf>,
}

impl Renderer {
    pub fn new(options: OutputOptions) -> Renderer {
        Renderer {
            options,
            cwd: std::env::current_dir().ok(),
        }
    }

    pub fn render(&self, c: &Checked<'_>) -> Rendered {
        match self.options.format {
            Format::Human if self.options.quiet => Rendered::Text(String::new()),
            Format::Human => Rendered::Text(human::render(c, self.options.color)),
            Format::Json => Rendered::Json(json::render(c)),
            Format::Sarif => Rendered::Sarif(sarif::render(c, self.cwd.as_deref())),
            Format::Github => Rendered::Text(github::render(c)),
            Format::Junit => Rendered::Text(junit::render(c)),
            Format::Gitlab => Rendered::Gitlab(gitlab::render(c)),
        }
    }
}

/// Prints every file's findings, in the order of `report.files`.
pub(crate) fn write(
    out: &mut impl Write,
    report: &Report,
    options: OutputOptions,
) -> io::Result<()> {
    match options.format {
        Format::Human | Format::Github => {
            for f in &report.files {
                if let Rendered::Text(t) = &f.rendered {
                    out.write_all(t.as_bytes())?;
                }
            }
            Ok(())
        }
        Format::Json => {
            let all: Vec<&json::Finding> = report
                .files
                .iter()
                .flat_map(|f| match &f.rendered {
                    Rendered::Json(v) => v.as_slice(),
                    _ => &[],
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            out.write_all(b"\n")
        }
        Format::Junit => {
            let suites: Vec<&str> = report
                .files
                .iter()
                .filter_map(|f| match &f.rendered {
                    Rendered::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            let failures: usize = report.files.iter().map(|f| f.severities.len()).sum();
            let tests: usize = report.files.iter().map(|f| f.severities.len().max(1)).sum();
            out.write_all(junit::document(&suites, tests, failures).as_bytes())
        }
        Format::Gitlab => {
            let all: Vec<&gitlab::Issue> = report
                .files
                .iter()
                .flat_map(|f| match &f.rendered {
                    Rendered::Gitlab(v) => v.as_slice(),
                    _ => &[],
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            out.write_all(b"\n")
        }
        Format::Sarif => {
            let results = report
                .files
                .iter()
                .flat_map(|f| match &f.rendered {
                    Rendered::Sarif(v) => v.as_slice(),
                    _ => &[],
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &sarif::log(results))?;
            out.write_all(b"\n")
        }
    }
}

/// Where a related span is: its file's path (as printed) and its region, or `None` when it
/// points into an article that could not be loaded.
pub(crate) fn related_location(c: &Checked<'_>, r: &Related) -> Option<(String, Region)> {
    match r.target {
        Target::File => Some((display(c.path), c.source.region(r.span))),
        Target::Article => {
            let a = c.article?;
            let src = Source {
                text: &a.text,
                lines: a.lines(),
            };
            Some((display(c.article_path), src.region(r.span)))
        }
    }
}
