//! `claimls export [PATH...] --format json|w3c|brat|csv [-o DIR]`: the checked annotations
//! with every quote, source and cue resolved to article offsets, in formats other tools
//! read. The work is in [`crate::interop`]; this file finds, reads and writes.

use super::location::clean;
use super::{discover, run, DenyLevel};
use crate::article;
use crate::check::{self, ArticleRef, ClaimCache, Parsed};
use crate::config;
use crate::interop::{self, Resolved};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Everything resolved: header, actors, claims with article spans, findings.
    Json,
    /// W3C Web Annotation Data Model (JSON-LD), one annotation per claim.
    W3c,
    /// brat standoff `.ann` + `.txt` (PARC / PolNeAR scheme); needs `-o DIR`.
    Brat,
    /// One row per claim (RFC 4180).
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// Files or directories (searched recursively for `.claims` files).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// Write one file per annotation into this directory instead of standard output.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,

    /// Overwrite files that exist in DIR.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// brat: write the `.txt` as a hard link to the article (when both are on one file
    /// system and the article is unchanged) instead of a copy: half the files created, but
    /// the two names are then one file, so an article edited in place later changes the
    /// export's text under its offsets. Off by default: an export is a snapshot.
    #[arg(long)]
    pub link_text: bool,

    /// Exit with code 1 when a finding of this severity or a more serious one exists.
    #[arg(long, value_enum, default_value_t = DenyLevel::Error, value_name = "LEVEL")]
    pub deny: DenyLevel,
}

/// What exporting one annotation gave.
#[derive(Default)]
struct Outcome {
    /// A finding reaches the deny level.
    failed: bool,
    /// The rendered annotation, for standard output.
    piece: String,
    problems: Vec<String>,
    warnings: Vec<String>,
}

/// Largest file written or replaced.
const MAX_WRITE: u64 = 256 << 20;

/// Files rendered at a time for standard output.
const STDOUT_CHUNK: usize = 128;

/// The document on standard output, written a piece at a time. A write error (a closed
/// pipe) stops the writing, as it stopped the single write before.
struct Stream<W: Write> {
    out: W,
    format: Framing,
    ok: bool,
}

enum Framing {
    Json(interop::json::DocumentWriter),
    W3c(interop::w3c::PageWriter),
    Csv,
}

impl<W: Write> Stream<W> {
    fn start(format: ExportFormat, mut out: W) -> Self {
        let (framing, started) = match format {
            ExportFormat::Json => (
                Framing::Json(interop::json::DocumentWriter::default()),
                Ok(()),
            ),
            ExportFormat::W3c => match interop::w3c::PageWriter::start(&mut out) {
                Ok(p) => (Framing::W3c(p), Ok(())),
                Err(e) => (Framing::Csv, Err(e)),
            },
            ExportFormat::Csv => (
                Framing::Csv,
                out.write_all(interop::csv::header().as_bytes()),
            ),
            ExportFormat::Brat => unreachable!("brat needs -o"),
        };
        Stream {
            out,
            format: framing,
            ok: started.is_ok(),
        }
    }

    fn piece(&mut self, piece: &str) {
        if !self.ok {
            return;
        }
        let out = &mut self.out;
        self.ok = match &mut self.format {
            Framing::Json(d) => d.item(piece, out),
            Framing::W3c(p) => p.piece(piece, out),
            Framing::Csv => out.write_all(piece.as_bytes()),
        }
        .is_ok();
    }

    fn finish(mut self) {
        if !self.ok {
            return;
        }
        let out = &mut self.out;
        let _ = match self.format {
            Framing::Json(d) => d.finish(out),
            Framing::W3c(p) => p.finish(out),
            Framing::Csv => Ok(()),
        }
        .and_then(|()| out.flush());
    }
}

pub fn run_export(args: ExportArgs) -> ExitCode {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let files = match discover::claims_files(&args.paths, &mut problems, &mut warnings) {
        Ok(f) => f,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    if args.format == ExportFormat::Brat && args.output.is_none() {
        eprintln!("error: brat export writes a `.ann` and a `.txt` per annotation: give `-o DIR`");
        return ExitCode::from(2);
    }
    let checked: Vec<PathBuf> = discover::named_folders(&args.paths);
    let deny = args.deny.severity();
    if let Some(dir) = &args.output {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: cannot create `{}`: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    // Each annotation is resolved, then rendered (standard output) or written (`-o`) on a
    // worker thread; only the rendered text is kept, so memory stays that of the output.
    let one = |path: &PathBuf| -> Result<Outcome, String> {
        let (r, failed, article_path) = resolve_file(path, &checked, deny)?;
        let mut outcome = Outcome {
            failed,
            ..Outcome::default()
        };
        match &args.output {
            Some(dir) => write_one(
                &r,
                dir,
                &Writing {
                    format: args.format,
                    force: args.force,
                    article: args.link_text.then_some(article_path.as_path()),
                },
                &mut outcome.problems,
                &mut outcome.warnings,
            ),
            None => {
                outcome.piece = match args.format {
                    ExportFormat::Json => interop::json::render_item(&r),
                    ExportFormat::W3c => interop::w3c::render_items(&r),
                    ExportFormat::Csv => interop::csv::rows(&r),
                    ExportFormat::Brat => String::new(),
                }
            }
        }
        Ok(outcome)
    };
    // Standard output gets the pieces a chunk of files at a time, in order, and each chunk's
    // pieces are freed before the next is made: holding the whole output until the end
    // made the process fault in tens of megabytes of fresh pages.
    let mut stream = match args.output {
        Some(_) => None,
        None => Some(Stream::start(
            args.format,
            std::io::BufWriter::new(std::io::stdout().lock()),
        )),
    };
    let chunk = if stream.is_some() {
        STDOUT_CHUNK
    } else {
        files.len().max(1)
    };
    let mut failed = false;
    for paths in files.chunks(chunk) {
        let results: Vec<Result<Outcome, String>> = paths.par_iter().map(one).collect();
        for r in results {
            match r {
                Ok(o) => {
                    failed |= o.failed;
                    if let Some(s) = &mut stream {
                        s.piece(&o.piece);
                    }
                    problems.extend(o.problems);
                    warnings.extend(o.warnings);
                }
                Err(p) => problems.push(p),
            }
        }
    }
    if let Some(s) = stream {
        s.finish();
    }
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    for p in &problems {
        eprintln!("error: {p}");
    }
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "annotation".into())
}

/// How [`write_one`] writes.
struct Writing<'a> {
    format: ExportFormat,
    force: bool,
    /// The article file, when brat's `.txt` may be a hard link to it.
    article: Option<&'a Path>,
}

fn write_one(
    r: &Resolved,
    dir: &Path,
    how: &Writing<'_>,
    problems: &mut Vec<String>,
    warnings: &mut Vec<String>,
) {
    let force = how.force;
    let mut write = |name: String, data: &str, original: Option<&Path>| {
        let path = dir.join(name);
        let written = match original {
            Some(o) => crate::fsio::link_new(o, &path, data.as_bytes(), force, MAX_WRITE),
            None => crate::fsio::write_new(&path, data.as_bytes(), force, MAX_WRITE),
        };
        if let Err(e) = written {
            problems.push(e.message());
        }
    };
    let one = std::slice::from_ref(r);
    match how.format {
        ExportFormat::Json => write(
            format!("{}.json", stem(&r.file)),
            &interop::json::render(one),
            None,
        ),
        ExportFormat::W3c => write(
            format!("{}.jsonld", stem(&r.file)),
            &interop::w3c::render(one),
            None,
        ),
        ExportFormat::Csv => write(
            format!("{}.csv", stem(&r.file)),
            &interop::csv::render(one),
            None,
        ),
        ExportFormat::Brat => {
            let Some(text) = &r.article_text else {
                problems.push(format!(
                    "`{}`: its article could not be read ({}): brat needs the article text",
                    r.file,
                    r.article_error.as_deref().unwrap_or("unknown reason")
                ));
                return;
            };
            let (ann, skipped) = interop::brat::render(r);
            // Named after the annotation: brat pairs `NAME.ann` with `NAME.txt`, and
            // two annotations of one article (two annotators) must not collide.
            let name = stem(&r.file);
            // The article's own file when it holds exactly this text (a hard link: one
            // inode fewer per annotation, which is most of a brat export's time).
            write(format!("{name}.txt"), text, how.article);
            write(format!("{name}.ann"), &ann, None);
            if !skipped.is_empty() {
                warnings.push(format!(
                    "`{}`: {} claim(s) have nothing in the article to anchor to and are not in the .ann: {} (the json export keeps them)",
                    r.file,
                    skipped.len(),
                    skipped.join(", ")
                ));
            }
        }
    }
}

/// Reads, checks and resolves one annotation: the result, whether a finding reaches
/// `deny`, and the article's path.
fn resolve_file(
    path: &Path,
    checked: &[PathBuf],
    deny: crate::diagnostic::Severity,
) -> Result<(Resolved, bool, PathBuf), String> {
    let (text, mut extra, _) = run::read_claims(path)?;
    let Some(text) = text else {
        return Err(format!("`{}` is too large to read", path.display()));
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let abs = std::path::absolute(&dir).unwrap_or_else(|_| dir.clone());
    let (config, _) =
        config::load_for(&abs).map_err(|e| format!("invalid configuration: {}", e.message))?;
    let parsed = Parsed::new(text);
    let article_path = clean(&parsed.article_path(path));
    let loaded = run::confine(path, &article_path, checked, &config)
        .and_then(|_| article::load(&article_path, config.limits()))
        .map(std::sync::Arc::new);
    // The check keeps where it found each quote: resolving reuses that, not a second search.
    let mut cache = ClaimCache::keeping_quotes();
    let mut diagnostics = match &loaded {
        Ok(a) => check::check(&parsed, ArticleRef::Loaded(a), &config, &mut cache),
        Err(e) => check::check(&parsed, ArticleRef::Failed(e), &config, &mut cache),
    };
    diagnostics.append(&mut extra);
    diagnostics.sort_by_key(|d| (d.span.start, d.code, d.span.end));
    let failed = diagnostics.iter().any(|d| d.severity.reaches(deny));
    let article_file = article_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let resolved = interop::resolve(
        &clean(path).display().to_string(),
        &article_file,
        &parsed,
        loaded.as_ref().map(|a| &**a).map_err(|e| e.message()),
        &diagnostics,
        cache.last_quotes.as_ref(),
    );
    Ok((resolved, failed, article_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streamed(format: ExportFormat, pieces: &[&str]) -> String {
        let mut buf = Vec::new();
        let mut s = Stream::start(format, &mut buf);
        for p in pieces {
            s.piece(p);
        }
        s.finish();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn streaming_writes_the_documents_assembled_whole() {
        let cases: [&[&str]; 4] = [
            &[],
            &["{\"a\":1}"],
            &["{\"a\":1}", "", "{\"b\":2}"],
            &["", ""],
        ];
        for pieces in cases {
            let owned: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
            assert_eq!(
                streamed(ExportFormat::Json, pieces),
                interop::json::assemble(&owned)
            );
            assert_eq!(
                streamed(ExportFormat::W3c, pieces),
                interop::w3c::assemble(&owned)
            );
            assert_eq!(
                streamed(ExportFormat::Csv, pieces),
                interop::csv::header() + &pieces.concat()
            );
        }
    }

    /// Takes `room` bytes, then fails like a closed pipe.
    struct Closing {
        room: usize,
        got: Vec<u8>,
    }

    impl Write for Closing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn streaming_stops_at_the_first_write_error() {
        let mut out = Closing {
            room: 50,
            got: Vec::new(),
        };
        let mut s = Stream::start(ExportFormat::Json, &mut out);
        s.piece(&"x".repeat(80));
        assert!(!s.ok);
        s.piece("y");
        s.finish();
        assert_eq!(out.got.len(), 50);
        assert!(!out.got.contains(&b'y'));
    }
}
