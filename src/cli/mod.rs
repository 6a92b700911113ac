//! The command line front end: terminal and output-format types live here only.
//!
//! `claimls check` finds `.claims` files ([`discover`]), checks them in parallel with shared
//! article and configuration caches ([`run`]), renders each file's findings in the chosen
//! format ([`output`]) and maps the result to an exit code: 0 when no finding reaches the
//! deny level, 1 when one does, 2 for usage and I/O errors.

mod discover;
mod draft;
mod export;
mod fmt;
mod import;
mod location;
mod output;
mod report;
mod rules;
mod run;

pub use draft::{run_draft, DraftArgs};
pub use export::{run_export, ExportArgs};
pub use fmt::{run_fmt, FmtArgs};
pub use import::{run_import, ImportArgs};
pub use report::{run_report, ReportArgs};
pub use rules::{run_explain, run_init, run_rules, ExplainArgs, InitArgs, RulesArgs};

use crate::diagnostic::Severity;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Output formats of `claimls check`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-style snippets with the article excerpt, and a summary on stderr.
    Human,
    /// One JSON array of findings (see docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// JUnit XML test report (GitLab test reports, Jenkins, Azure Pipelines).
    Junit,
    /// GitLab Code Quality report (merge request widget).
    Gitlab,
}

/// The lowest severity that makes the run fail.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DenyLevel {
    Error,
    Warning,
    Info,
    Hint,
}

impl DenyLevel {
    fn severity(self) -> Severity {
        match self {
            DenyLevel::Error => Severity::Error,
            DenyLevel::Warning => Severity::Warning,
            DenyLevel::Info => Severity::Info,
            DenyLevel::Hint => Severity::Hint,
        }
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or directories (searched recursively for `.claims` files).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, alias = "output-format", value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit with code 1 when a finding of this severity or a more serious one is reported.
    #[arg(long, value_enum, default_value_t = DenyLevel::Error, value_name = "LEVEL")]
    pub deny: DenyLevel,

    /// Human format: print only the summary line, not the findings.
    #[arg(long, short)]
    pub quiet: bool,

    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Never use colour (same as `--color never`).
    #[arg(long)]
    pub no_color: bool,

    /// Print how many findings each code has (after the findings, on stderr for
    /// machine-readable formats).
    #[arg(long)]
    pub statistics: bool,

    /// Apply every safe fix in place (quote typos and quotation marks, misspelt field
    /// names, stances and kinds, dates), then report what is left. Each file is replaced
    /// atomically, and only if it did not change meanwhile.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// Print the changes `--fix` would make, as a unified diff, without writing; exit 1
    /// when there are any.
    #[arg(long)]
    pub diff: bool,

    /// With `--fix` or `--diff`, also apply fixes that change what a claim says (a
    /// source the article credits to someone else, a relation to another claim id, a
    /// drafted claim for an unannotated statement).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// With `-` as the path: the file name standard input stands for, which places its
    /// article and `claimls.toml` (default: `stdin.claims` in the current folder).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// Succeed when the paths hold no `.claims` file (by default that is a usage error,
    /// exit code 2, so that a CI job with a wrong path cannot pass silently).
    #[arg(long)]
    pub allow_empty: bool,
}

/// What the renderers need to know besides the findings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OutputOptions {
    pub format: Format,
    pub color: bool,
    pub quiet: bool,
}

pub fn run_check(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    let options = OutputOptions {
        format: args.format,
        color: args.format == Format::Human && use_color(&args),
        quiet: args.quiet,
    };

    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let from_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if from_stdin && args.paths.len() > 1 {
        let _ = writeln!(
            std::io::stderr(),
            "error: `-` (standard input) must be the only path"
        );
        return ExitCode::from(2);
    }
    let mut run_options = run::RunOptions {
        fix: match (args.fix, args.diff) {
            (true, _) => run::FixMode::Apply,
            (_, true) => run::FixMode::Diff,
            _ => run::FixMode::Off,
        },
        unsafe_fixes: args.unsafe_fixes,
        stdin: None,
        keep_quotes: false,
    };
    let discovered = if from_stdin {
        let mut bytes = Vec::new();
        let limit = run::MAX_CLAIMS_BYTES;
        use std::io::Read as _;
        if let Err(e) = std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
        {
            let _ = writeln!(std::io::stderr(), "error: cannot read standard input: {e}");
            return ExitCode::from(2);
        }
        if bytes.len() as u64 > limit {
            let _ = writeln!(
                std::io::stderr(),
                "error: standard input is larger than {} MiB: not checked",
                limit >> 20
            );
            return ExitCode::from(2);
        }
        run_options.stdin = Some(bytes);
        Ok(vec![args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("stdin.claims"))])
    } else {
        discover::claims_files(&args.paths, &mut problems, &mut warnings)
    };
    let files = match discovered {
        Ok(files) => files,
        Err(message) => {
            let _ = writeln!(
                std::io::stderr(),
                "error: {}",
                output::escape_controls(&message)
            );
            return ExitCode::from(2);
        }
    };

    if files.is_empty() && problems.is_empty() && !args.allow_empty {
        let named = args
            .paths
            .iter()
            .map(|p| format!("`{}`", p.display()))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            std::io::stderr(),
            "error: no `.claims` file in {}: expected at least one (pass --allow-empty when none is fine)",
            output::escape_controls(&named)
        );
        return ExitCode::from(2);
    }

    let named = if from_stdin {
        files.clone()
    } else {
        args.paths.clone()
    };
    let checked: Vec<PathBuf> = discover::named_folders(&named);
    let report = run::check_files(&files, &checked, options, &run_options);
    problems.extend(report.problems.iter().cloned());

    let deny = args.deny.severity();
    let failed = report
        .files
        .iter()
        .flat_map(|f| f.severities.iter())
        .any(|s| s.reaches(deny));

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let fixes: Vec<&run::Fixed> = report
        .files
        .iter()
        .filter_map(|f| f.fixed.as_ref())
        .collect();
    let mut diffs = false;
    // A closed pipe (`| head`) is not an error worth a message; the exit code still tells.
    let _ = match run_options.fix {
        run::FixMode::Diff => {
            for f in &fixes {
                diffs |= !f.diff.is_empty();
                let _ = out.write_all(f.diff.as_bytes());
            }
            out.flush()
        }
        // `check - --fix`: the fixed text is the output, as a formatter's would be.
        run::FixMode::Apply if from_stdin => {
            let text = match fixes.first().and_then(|f| f.text.as_deref()) {
                Some(t) => t.as_bytes(),
                None => run_options.stdin.as_deref().unwrap_or_default(),
            };
            out.write_all(text).and_then(|_| out.flush())
        }
        _ => output::write(&mut out, &report, options).and_then(|_| out.flush()),
    };
    drop(out);

    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for f in &fixes {
        let _ = match (&f.not_written, run_options.fix) {
            (Some(why), _) => {
                problems.push(format!("fixes not written: {why}"));
                Ok(())
            }
            (None, _) if f.applied.is_empty() => Ok(()),
            (None, mode) => writeln!(
                err,
                "{} {} in {}: {}",
                if mode == run::FixMode::Diff {
                    "would fix"
                } else {
                    "fixed"
                },
                match f.applied.len() {
                    1 => "1 finding".to_string(),
                    n => format!("{n} findings"),
                },
                output::escape_controls(&location::display(&f.path)),
                f.applied
                    .iter()
                    .map(|a| format!("{} line {}", a.code.as_str(), a.line))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
    }
    for w in &warnings {
        let _ = writeln!(err, "warning: {}", output::escape_controls(w));
    }
    for p in &problems {
        let _ = writeln!(err, "error: {}", output::escape_controls(p));
    }
    if args.statistics {
        // Human output gets them on stdout after the findings; machine-readable formats
        // keep stdout parseable.
        let table = statistics(&report);
        if options.format == Format::Human {
            let _ = std::io::stdout().lock().write_all(table.as_bytes());
        } else {
            let _ = err.write_all(table.as_bytes());
        }
    }
    if matches!(options.format, Format::Human | Format::Github) {
        let _ = writeln!(err, "{}", summary(&report, started.elapsed().as_secs_f64()));
    }

    // Exiting frees everything at once; dropping the rendered files one by one is slower.
    std::mem::forget(report);
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if failed || diffs {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn use_color(args: &CheckArgs) -> bool {
    if args.no_color {
        return false;
    }
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
            if env_set("NO_COLOR") {
                return false;
            }
            if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                return true;
            }
            std::io::stdout().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// `--statistics`: findings per code, most frequent first.
fn statistics(report: &run::Report) -> String {
    use std::fmt::Write as _;
    let mut counts: std::collections::BTreeMap<crate::diagnostic::Code, usize> = Default::default();
    for code in report.files.iter().flat_map(|f| f.codes.iter()) {
        *counts.entry(*code).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows.first().map_or(1, |r| r.1.to_string().len());
    let mut out = String::new();
    for (code, n) in &rows {
        let _ = writeln!(out, "{n:>width$}  {}  {}", code.as_str(), code.name());
    }
    if rows.is_empty() {
        out.push_str("no findings\n");
    }
    out
}

/// `checked 3 files, 41 claims: 2 errors, 1 warning; coverage: 15 of 17 attributions
/// annotated (0.12s)` (coverage when the articles have attributions).
fn summary(report: &run::Report, seconds: f64) -> String {
    let files = report.files.len();
    let claims: usize = report.files.iter().map(|f| f.claims).sum();
    let count = |sev: Severity| {
        report
            .files
            .iter()
            .flat_map(|f| f.severities.iter())
            .filter(|s| **s == sev)
            .count()
    };
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "checked {}, {}: {}, {}",
        plural(files, "file", "files"),
        plural(claims, "claim", "claims"),
        plural(count(Severity::Error), "error", "errors"),
        plural(count(Severity::Warning), "warning", "warnings"),
    );
    let (annotated, total) = report
        .files
        .iter()
        .filter_map(|f| f.coverage)
        .fold((0, 0), |(a, t), (fa, ft)| (a + fa, t + ft));
    if total > 0 {
        line.push_str(&format!(
            "; coverage: {annotated} of {} annotated",
            plural(total, "attribution", "attributions")
        ));
    }
    line.push_str(&format!(" ({seconds:.2}s)"));
    line
}
