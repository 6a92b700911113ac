//! `--format json`: one JSON array of findings; the fields are documented in
//! docs/json-output.md.

use super::related_location;
use crate::cli::location::display;
use crate::cli::run::Checked;
use serde::Serialize;

#[derive(Serialize, Debug)]
pub(crate) struct Finding {
    file: String,
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    related: Vec<RelatedLocation>,
    fix: Option<Fix>,
}

#[derive(Serialize, Debug)]
struct RelatedLocation {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: String,
}

#[derive(Serialize, Debug)]
struct Fix {
    title: String,
    edits: Vec<Edit>,
}

#[derive(Serialize, Debug)]
struct Edit {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: String,
}

pub(crate) fn render(c: &Checked<'_>) -> Vec<Finding> {
    let file = display(c.path);
    c.diagnostics
        .iter()
        .map(|d| {
            let region = c.source.region(d.span);
            Finding {
                file: file.clone(),
                code: d.code.as_str(),
                name: d.code.name(),
                severity: d.severity.as_str(),
                message: d.message.to_string(),
                line: region.start.line,
                column: region.start.column,
                end_line: region.end.line,
                end_column: region.end.column,
                related: d
                    .related
                    .iter()
                    .filter_map(|r| {
                        let (file, reg) = related_location(c, r)?;
                        Some(RelatedLocation {
                            file,
                            line: reg.start.line,
                            column: reg.start.column,
                            end_line: reg.end.line,
                            end_column: reg.end.column,
                            message: r.message.to_string(),
                        })
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|f| Fix {
                    title: f.title.to_string(),
                    edits: f
                        .edits
                        .iter()
                        .map(|e| {
                            let reg = c.source.region(e.span);
                            Edit {
                                line: reg.start.line,
                                column: reg.start.column,
                                end_line: reg.end.line,
                                end_column: reg.end.column,
                                replacement: e.replacement.to_string(),
                            }
                        })
                        .collect(),
                }),
            }
        })
        .collect()
}
