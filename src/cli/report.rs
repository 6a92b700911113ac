//! `claimls report [PATH...] -o DIR`: checks the annotations as `claimls check` does and
//! writes one static HTML page per annotation into DIR (see [`crate::report`]), plus
//! `index.html` when a directory or several files were given. The paths written are
//! printed on stdout, one per line (editors open the first).

use super::discover;
use super::location::clean;
use super::output::escape_controls;
use super::run;
use crate::report::{self, IndexEntry, Page};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Files or directories (searched recursively for `.claims` files).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// The folder the pages are written to (created when missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

/// Pages larger than this are not rewritten in place (nothing claimls writes is this big).
const MAX_PAGE_BYTES: u64 = 1 << 30;

pub fn run_report(args: ReportArgs) -> ExitCode {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let files = match discover::claims_files(&args.paths, &mut problems, &mut warnings) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("error: {}", escape_controls(&message));
            return ExitCode::from(2);
        }
    };
    let checked: Vec<PathBuf> = discover::named_folders(&args.paths);
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        eprintln!(
            "error: cannot create `{}`: {e}",
            escape_controls(&args.output.display().to_string())
        );
        return ExitCode::from(2);
    }
    let targets = page_names(&args.paths, &files);
    let by_file: std::collections::HashMap<&Path, &PathBuf> = files
        .iter()
        .map(PathBuf::as_path)
        .zip(targets.iter())
        .collect();
    let write_errors = Mutex::new(Vec::new());
    let plain = run::RunOptions {
        fix: run::FixMode::Off,
        unsafe_fixes: false,
        stdin: None,
        // The pages draw each quote where the check found it (no second search).
        keep_quotes: true,
    };
    let result = run::check_files_with(&files, &checked, &plain, |c| {
        let rel = by_file.get(c.path).map_or_else(
            || PathBuf::from(c.path.file_name().unwrap_or_default()).with_extension("html"),
            |p| (*p).clone(),
        );
        let name = shown(c.path);
        let article_name = shown(c.article_path);
        let (html, summary) = report::page(&Page {
            name: &name,
            article_name: &article_name,
            parsed: c.parsed,
            article: c.article,
            diagnostics: c.diagnostics,
            coverage: c.coverage,
            quotes: c.quotes,
        });
        let target = args.output.join(&rel);
        if let Err(e) = write_file(&target, html.as_bytes()) {
            write_errors
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(e);
        }
        let entry = IndexEntry {
            href: report::href(
                &rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            ),
            name,
            summary,
        };
        (target, entry)
    });
    problems.extend(result.problems.iter().cloned());
    problems.extend(write_errors.into_inner().unwrap_or_else(|e| e.into_inner()));

    let mut written: Vec<PathBuf> = result.files.iter().map(|f| f.rendered.0.clone()).collect();
    let several = files.len() > 1 || args.paths.iter().any(|p| p.is_dir());
    if several {
        let entries: Vec<IndexEntry> = result.files.into_iter().map(|f| f.rendered.1).collect();
        let title = match args.paths.as_slice() {
            [one] => shown(one),
            _ => "claimls report".to_string(),
        };
        let index = args.output.join("index.html");
        match write_file(&index, report::index(&title, &entries).as_bytes()) {
            Ok(()) => written.insert(0, index),
            Err(e) => problems.push(e),
        }
    }

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for w in &written {
        let _ = writeln!(out, "{}", escape_controls(&w.display().to_string()));
    }
    drop(out);
    for w in &warnings {
        eprintln!("warning: {}", escape_controls(w));
    }
    for p in &problems {
        eprintln!("error: {}", escape_controls(p));
    }
    eprintln!(
        "wrote {} page{} to {}",
        written.len(),
        if written.len() == 1 { "" } else { "s" },
        escape_controls(&args.output.display().to_string())
    );
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// A path as shown on the page: relative to the current directory when inside it.
fn shown(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    rel.display().to_string()
}

/// Where each file's page goes, relative to the output folder: its path below the
/// directory argument it was found under, else its file name; `.claims` becomes `.html`.
/// Two files that would land on one name get `-2`, `-3`, ... (and `index.html` is kept
/// for the index).
fn page_names(paths: &[PathBuf], files: &[PathBuf]) -> Vec<PathBuf> {
    let dirs: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| clean(p))
        .collect();
    let mut taken: HashSet<PathBuf> = HashSet::new();
    taken.insert(PathBuf::from("index.html"));
    files
        .iter()
        .map(|f| {
            let rel = dirs
                .iter()
                .find_map(|d| f.strip_prefix(d).ok())
                .filter(|r| !r.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(f.file_name().unwrap_or_default()));
            let base = rel.with_extension("html");
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.clone()) {
                let stem = base
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                name = base.with_file_name(format!("{stem}-{n}.html"));
                n += 1;
            }
            name
        })
        .collect()
}

/// Writes a page through the safe writer: a new page is linked into place only if its name
/// is free; an existing page is replaced (temporary file, rename), or left untouched when it
/// already holds the same bytes. A symbolic link where a page goes is refused, never
/// followed: in a shared folder it could point at any file of the user.
fn write_file(path: &Path, data: &[u8]) -> Result<(), String> {
    let shown = || escape_controls(&path.display().to_string()).into_owned();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create `{}`: {e}", shown()))?;
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(format!(
            "cannot write `{}`: it is a symbolic link, which a report never follows; remove it",
            shown()
        ));
    }
    // Through the one safe writer: a new page appears whole or not at all, and a page that
    // already holds these bytes is left alone (re-reporting an unchanged corpus writes and
    // syncs nothing).
    crate::fsio::write_new(path, data, true, MAX_PAGE_BYTES)
        .map_err(|e| format!("cannot write {}", e.message()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_follow_the_tree_and_never_collide() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        let files = vec![
            clean(&root.join("a/one.claims")),
            clean(&root.join("two.claims")),
            clean(&root.join("index.claims")),
        ];
        let names = page_names(&[root.to_path_buf()], &files);
        assert_eq!(
            names,
            vec![
                PathBuf::from("a/one.html"),
                PathBuf::from("two.html"),
                PathBuf::from("index-2.html"),
            ]
        );
        // Files named directly: their file names; the same name twice gets a suffix.
        let names = page_names(
            &[],
            &[
                PathBuf::from("x/same.claims"),
                PathBuf::from("y/same.claims"),
            ],
        );
        assert_eq!(
            names,
            vec![PathBuf::from("same.html"), PathBuf::from("same-2.html")]
        );
    }

    #[test]
    fn write_file_replaces_and_refuses_nothing_silently() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/page.html");
        write_file(&path, b"one").unwrap();
        write_file(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        // The same page again: the file is left as it is (same inode, nothing written).
        use std::os::unix::fs::MetadataExt;
        let ino = std::fs::metadata(&path).unwrap().ino();
        write_file(&path, b"two").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().ino(), ino);
        write_file(&path, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
    }
}
