//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. One run; the tool lists
//! every rule; positions are 1-based with columns in Unicode code points.

use super::related_location;
use crate::cli::location::{self, Region as Span1};
use crate::cli::run::Checked;
use crate::diagnostic::{Code, Severity, Target};
use serde::Serialize;
use std::path::Path;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
pub(crate) struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<&'a SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize, Debug)]
pub(crate) struct Message {
    text: String,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Debug, Clone)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

impl From<Span1> for Region {
    fn from(r: Span1) -> Region {
        Region {
            start_line: r.start.line,
            start_column: r.start.column,
            end_line: r.end.line,
            end_column: r.end.column,
        }
    }
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Message,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Message,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn rule_index(code: Code) -> usize {
    Code::ALL.iter().position(|c| *c == code).unwrap_or(0)
}

fn rules() -> Vec<Rule> {
    Code::ALL
        .iter()
        .map(|&code| {
            let (id, name) = (code.as_str(), code.name());
            let severity = code.default_severity().as_str();
            let how = format!(
                "Default severity: {severity}. Change it or turn the rule off in claimls.toml ([rules] {id} = \"off\"), or silence one finding with the comment `# claimls: ignore {id}` on the line above the field or block."
            );
            Rule {
                id,
                name,
                short_description: Message {
                    text: code.summary().to_string(),
                },
                full_description: Message {
                    text: format!("{id} {name}: {}", code.summary()),
                },
                help: Help {
                    text: format!("{} {how} The checks are specified in docs/format.md (section {id} {name}).", code.summary()),
                    markdown: format!(
                        "**{id} {name}** ({severity})\n\n{}\n\n{how}\n\nSee `docs/format.md`, section *{id} {name}*.",
                        code.summary()
                    ),
                },
                default_configuration: Configuration {
                    level: level(code.default_severity()),
                },
            }
        })
        .collect()
}

pub(crate) fn log(results: Vec<&SarifResult>) -> Log<'_> {
    let version = env!("CARGO_PKG_VERSION");
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "claimls",
                    version,
                    semantic_version: version,
                    rules: rules(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

pub(crate) fn render(c: &Checked<'_>, cwd: Option<&Path>) -> Vec<SarifResult> {
    let file = ArtifactLocation {
        uri: location::uri(c.path, cwd),
    };
    let article_uri = location::uri(c.article_path, cwd);
    c.diagnostics
        .iter()
        .map(|d| SarifResult {
            rule_id: d.code.as_str(),
            rule_index: rule_index(d.code),
            level: level(d.severity),
            message: Message {
                text: d.message.to_string(),
            },
            locations: vec![Location {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: file.clone(),
                    region: c.source.region(d.span).into(),
                },
                message: None,
            }],
            related_locations: d
                .related
                .iter()
                .filter_map(|r| related_location(c, r).map(|loc| (r, loc)))
                .enumerate()
                .map(|(i, (r, (_, region)))| Location {
                    id: Some(i + 1),
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: match r.target {
                                Target::File => file.uri.clone(),
                                Target::Article => article_uri.clone(),
                            },
                        },
                        region: region.into(),
                    },
                    message: Some(Message {
                        text: r.message.to_string(),
                    }),
                })
                .collect(),
            fixes: d
                .fix
                .iter()
                .filter(|f| !f.edits.is_empty())
                .map(|f| Fix {
                    description: Message {
                        text: f.title.to_string(),
                    },
                    artifact_changes: vec![ArtifactChange {
                        artifact_location: file.clone(),
                        replacements: f
                            .edits
                            .iter()
                            .map(|e| Replacement {
                                deleted_region: c.source.region(e.span).into(),
                                inserted_content: Message {
                                    text: e.replacement.to_string(),
                                },
                            })
                            .collect(),
                    }],
                })
                .collect(),
        })
        .collect()
}
