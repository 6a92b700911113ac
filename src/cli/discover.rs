//! Which files `claimls check` looks at: the given files, and every `*.claims` file under
//! the given directories, in a stable order.

use super::location::clean;
use std::path::{Path, PathBuf};

pub(crate) const EXTENSION: &str = "claims";

/// Directories never searched: version control and build output, dependencies.
fn skipped_dir(name: &str) -> bool {
    name.starts_with('.') || name == "target" || name == "node_modules"
}

fn is_claims(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == EXTENSION)
}

/// The `.claims` files named by `paths`, sorted and without duplicates.
///
/// A path that does not exist is fatal (`Err`); a directory that cannot be read is recorded
/// in `problems` (the run then exits with 2), a file given by name that is not a `.claims`
/// file in `warnings` (so that `claimls check dir/*` works), and both are skipped.
pub(crate) fn claims_files(
    paths: &[PathBuf],
    problems: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Result<Vec<PathBuf>, String> {
    let mut missing = Vec::new();
    for p in paths {
        if std::fs::symlink_metadata(p).is_err() {
            missing.push(format!("`{}`", p.display()));
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "{} {} not exist: expected a `.claims` file or a directory",
            missing.join(", "),
            if missing.len() == 1 { "does" } else { "do" }
        ));
    }

    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, problems);
        } else if is_claims(p) {
            files.push(clean(p));
        } else {
            warnings.push(format!("skipping `{}`: not a `.claims` file", p.display()));
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// The folders the command line names, resolved: each directory itself, a file's
/// folder. Articles under them may be read (see `fsio::confine`).
pub(crate) fn named_folders(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .map(|p| {
            let dir = match p.parent() {
                _ if p.is_dir() => p.as_path(),
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            crate::fsio::normalize(dir)
        })
        .collect()
}

fn walk(root: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !e.file_type().is_dir()
                || !skipped_dir(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        match entry {
            Ok(e) => {
                let path = e.path();
                // Symbolic links to files count; links to directories are not followed.
                let file = e.file_type().is_file() || (e.path_is_symlink() && path.is_file());
                if file && is_claims(path) {
                    files.push(clean(path));
                }
            }
            Err(err) => {
                let at = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let why = err
                    .io_error()
                    .map_or_else(|| err.to_string(), |e| e.to_string());
                problems.push(format!("cannot read `{at}`: {why}"));
            }
        }
    }
}
