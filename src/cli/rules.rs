//! `claimls rules` (every check, one line each) and `claimls explain CODE` (one check's
//! long description and example, from docs/format.md), and `claimls init`.

use crate::diagnostic::Code;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    /// Print JSON (code, name, default severity, summary) instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// A code (`C011`, any case) or a rule name (`quote-near-miss`).
    pub rule: String,
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The folder to write `claimls.toml` into.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Replace an existing `claimls.toml`.
    #[arg(long)]
    pub force: bool,
}

pub fn run_rules(args: RulesArgs) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let result = if args.json {
        let rules: Vec<serde_json::Value> = Code::ALL
            .iter()
            .map(|c| {
                serde_json::json!({
                    "code": c.as_str(),
                    "name": c.name(),
                    "default_severity": c.default_severity().as_str(),
                    "summary": c.summary(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rules)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        rules_table(&mut out)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn rules_table(out: &mut impl Write) -> std::io::Result<()> {
    let width = Code::ALL.iter().map(|c| c.name().len()).max().unwrap_or(0);
    for c in Code::ALL {
        writeln!(
            out,
            "{}  {:width$}  {:7}  {}",
            c.as_str(),
            c.name(),
            c.default_severity().as_str(),
            c.summary()
        )?;
    }
    writeln!(
        out,
        "\n`claimls explain CODE` describes one with an example; severities change in claimls.toml [rules]."
    )
}

pub fn run_explain(args: ExplainArgs) -> ExitCode {
    match crate::rules::lookup(&args.rule) {
        Ok(code) => {
            let text = explain_text(code);
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(near) => {
            let hint = match near.as_slice() {
                [] => "`claimls rules` lists them".to_string(),
                codes => format!(
                    "did you mean {}?",
                    codes
                        .iter()
                        .map(|c| format!("{} ({})", c.as_str(), c.name()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            eprintln!(
                "error: no rule `{}`: expected a code like C011 or a name like quote-near-miss; {hint}",
                super::output::escape_controls(&args.rule)
            );
            ExitCode::from(2)
        }
    }
}

/// What `claimls explain` prints for `code`.
pub(crate) fn explain_text(code: Code) -> String {
    let body = crate::rules::explanation(code).unwrap_or(code.summary());
    format!(
        "{} {} (default severity: {})\n\n{}\n\n{}\n\nChange its severity in claimls.toml, under `[rules]`: `{} = \"off\"` (or error, warning, info, hint);\nsilence one place with a comment line `# claimls: ignore {}` before it.\n",
        code.as_str(),
        code.name(),
        code.default_severity().as_str(),
        code.summary(),
        body,
        code.as_str(),
        code.as_str(),
    )
}

pub fn run_init(args: InitArgs) -> ExitCode {
    let path = args.dir.join(crate::config::FILE_NAME);
    let text = crate::config::default_file_text();
    match crate::fsio::write_file(
        &path,
        text.as_bytes(),
        args.force,
        crate::config::MAX_CONFIG_BYTES,
    ) {
        Ok(_) => {
            eprintln!(
                "wrote {} (every option at its default)",
                super::output::escape_controls(&path.display().to_string())
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "error: cannot write the configuration: {}",
                super::output::escape_controls(&e.message())
            );
            ExitCode::from(2)
        }
    }
}
