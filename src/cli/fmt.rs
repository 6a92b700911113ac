//! `claimls fmt`: rewrite `.claims` files in the canonical layout (`--check` only reports).

use super::discover;
use super::output::escape_controls;
use crate::fsio;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct FmtArgs {
    /// Files or directories (searched recursively for `.claims` files).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Change nothing; list the files that would change and exit with 1 if there are any.
    #[arg(long)]
    pub check: bool,
}

pub fn run_fmt(args: FmtArgs) -> ExitCode {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let files = match discover::claims_files(&args.paths, &mut problems, &mut warnings) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("error: {}", escape_controls(&message));
            return ExitCode::from(2);
        }
    };
    let mut changed = 0;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &files {
        match format_file(path, args.check, &mut warnings) {
            Ok(true) => {
                changed += 1;
                let verb = if args.check {
                    "would reformat"
                } else {
                    "formatted"
                };
                let _ = writeln!(
                    out,
                    "{verb} {}",
                    escape_controls(&path.display().to_string())
                );
            }
            Ok(false) => {}
            Err(e) => problems.push(e),
        }
    }
    for w in &warnings {
        eprintln!("warning: {}", escape_controls(w));
    }
    for p in &problems {
        eprintln!("error: {}", escape_controls(p));
    }
    eprintln!(
        "{} {} of {} file{}",
        if args.check {
            "would reformat"
        } else {
            "reformatted"
        },
        changed,
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if args.check && changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Formats one file; `Ok(true)` when it changed (or would change). Read and written
/// through [`crate::fsio`]: regular files only, within the size limit of `check`, replaced
/// atomically with the original's mode and owner, never over a file changed meanwhile.
fn format_file(path: &Path, check_only: bool, warnings: &mut Vec<String>) -> Result<bool, String> {
    let limit = super::run::MAX_CLAIMS_BYTES;
    let (bytes, stamp) = fsio::read_regular(path, limit).map_err(|e| e.message())?;
    // Formatting text that is not UTF-8 would have to replace bytes: refuse instead.
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "`{}` is not valid UTF-8; not formatted (re-save it as UTF-8)",
            path.display()
        )
    })?;
    let formatted = crate::format::format(&text);
    if formatted == text {
        return Ok(false);
    }
    if !check_only {
        let done =
            fsio::replace(path, &stamp, formatted.as_bytes(), limit).map_err(|e| e.message())?;
        if done.split_links > 0 {
            warnings.push(format!(
                "`{}` had {} other hard link{}: they keep the old text (formatting writes a new file)",
                path.display(),
                done.split_links,
                if done.split_links == 1 { "" } else { "s" }
            ));
        }
    }
    Ok(true)
}
