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
mod run;

pub use draft::{run_draft, DraftArgs};
pub use export::{run_export, ExportArgs};
pub use fmt::{run_fmt, FmtArgs};
pub use import::{run_import, ImportArgs};

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
    #[arg(long, value_enum, default_value_t = Format::Human)]
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
    let files = match discover::claims_files(&args.paths, &mut problems, &mut warnings) {
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

    let checked: Vec<PathBuf> = args
        .paths
        .iter()
        .map(|p| {
            let dir = match p.parent() {
                _ if p.is_dir() => p.as_path(),
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => std::path::Path::new("."),
            };
            crate::fsio::normalize(dir)
        })
        .collect();
    let report = run::check_files(&files, &checked, options);
    problems.extend(report.problems.iter().cloned());

    let deny = args.deny.severity();
    let failed = report
        .files
        .iter()
        .flat_map(|f| f.severities.iter())
        .any(|s| s.reaches(deny));

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    // A closed pipe (`| head`) is not an error worth a message; the exit code still tells.
    let _ = output::write(&mut out, &report, options).and_then(|_| out.flush());
    drop(out);

    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for w in &warnings {
        let _ = writeln!(err, "warning: {}", output::escape_controls(w));
    }
    for p in &problems {
        let _ = writeln!(err, "error: {}", output::escape_controls(p));
    }
    if matches!(options.format, Format::Human | Format::Github) {
        let _ = writeln!(err, "{}", summary(&report, started.elapsed().as_secs_f64()));
    }

    // Exiting frees everything at once; dropping the rendered files one by one is slower.
    std::mem::forget(report);
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if failed {
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
