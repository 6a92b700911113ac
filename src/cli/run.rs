//! Checking many files in parallel: each `.claims` file is read, parsed, checked against its
//! article and rendered on a worker thread. Articles and configurations are loaded once and
//! shared (an article used by several annotations is read and indexed once).

use super::location::{clean, Source};
use super::output::{self, Rendered};
use super::OutputOptions;
use crate::article::{self, Article, ArticleError};
use crate::check::{self, ArticleRef, ClaimCache, Coverage, Parsed, QuoteMatches};
use crate::config::{self, Config, ConfigError};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::text::{LineIndex, Span};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, Weak};

/// `.claims` files larger than this are refused unread.
pub(crate) const MAX_CLAIMS_BYTES: u64 = 64 << 20;

/// One checked file, already rendered in the output format (or whatever the visitor of
/// [`check_files_with`] made of it).
pub(crate) struct FileReport<T = Rendered> {
    pub claims: usize,
    /// `(annotated, total)` attributions of the article, when it was read.
    pub coverage: Option<(usize, usize)>,
    /// The severity of every finding, for the summary and the exit code.
    pub severities: Vec<Severity>,
    /// The code of every finding, for `--statistics`.
    pub codes: Vec<Code>,
    pub rendered: T,
    /// `--fix`/`--diff`: the fixes applied (or that would be), and what became of them.
    pub fixed: Option<Fixed>,
}

/// What `--fix` or `--diff` did to one file.
pub(crate) struct Fixed {
    pub path: PathBuf,
    pub applied: Vec<check::fix::Applied>,
    /// `--diff`: the unified diff (empty when nothing would change).
    pub diff: String,
    /// Standard input with `--fix`: the fixed text, printed instead of findings.
    pub text: Option<String>,
    /// Why the fixed text was not written, when it was not.
    pub not_written: Option<String>,
}

/// `--fix` and `--diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FixMode {
    Off,
    Apply,
    Diff,
}

/// How files are read and fixed, besides how findings are shown.
pub(crate) struct RunOptions {
    pub fix: FixMode,
    pub unsafe_fixes: bool,
    /// `check -`: the annotation's bytes, read from standard input, checked as the one
    /// file given (`--stdin-filename`, which places its article and configuration).
    pub stdin: Option<Vec<u8>>,
    /// Keep where the check found each quote ([`Checked::quotes`]), for a visitor that
    /// renders them (the report).
    pub keep_quotes: bool,
}

pub(crate) struct Report<T = Rendered> {
    pub files: Vec<FileReport<T>>,
    /// Usage and I/O errors (unreadable files, invalid configuration): exit code 2.
    pub problems: Vec<String>,
}

/// A checked file as the renderers see it.
pub(crate) struct Checked<'a> {
    pub path: &'a Path,
    pub source: Source<'a>,
    pub article_path: &'a Path,
    pub article: Option<&'a Article>,
    pub diagnostics: &'a [Diagnostic],
    pub parsed: &'a Parsed,
    /// The article's attributions and which no claim records, when it was read.
    pub coverage: Option<&'a Coverage>,
    /// Where the check found each quote, when [`RunOptions::keep_quotes`] asked for it.
    pub quotes: Option<&'a QuoteMatches>,
}

type Shared<T, E> = Arc<OnceLock<Result<Arc<T>, E>>>;

/// Loaded once per key, however many threads ask at the same time.
struct Cache<K, T, E> {
    map: Mutex<HashMap<K, Shared<T, E>>>,
}

impl<K: std::hash::Hash + Eq, T, E: Clone> Cache<K, T, E> {
    fn new() -> Self {
        Cache {
            map: Mutex::new(HashMap::new()),
        }
    }

    fn get(&self, key: K, load: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        let cell = {
            let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
            map.entry(key).or_default().clone()
        };
        cell.get_or_init(|| load().map(Arc::new)).clone()
    }
}

/// Articles shared by annotations being checked at the same time. Only weak references
/// are kept, so an article's index is freed as soon as its last annotation is done:
/// holding every index until the end made the process page in fresh memory for each one,
/// which cost more than indexing.
struct LiveArticles {
    map: Mutex<HashMap<(PathBuf, u64), Weak<Article>>>,
}

impl LiveArticles {
    fn get(
        &self,
        key: (PathBuf, u64),
        load: impl FnOnce() -> Result<Article, ArticleError>,
    ) -> Result<Arc<Article>, ArticleError> {
        if let Some(live) = self.lock().get(&key).and_then(Weak::upgrade) {
            return Ok(live);
        }
        // Loaded outside the lock; two threads racing for one article both index it, which
        // is rare and harmless.
        let article = Arc::new(load()?);
        let mut map = self.lock();
        map.retain(|_, w| w.strong_count() > 0);
        map.insert(key, Arc::downgrade(&article));
        Ok(article)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(PathBuf, u64), Weak<Article>>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }
}

struct Caches<'a> {
    articles: LiveArticles,
    configs: Cache<PathBuf, Config, ConfigError>,
    /// [`folder_roots`] by folder: resolving a path costs a system call per component,
    /// and looking for the repository root two per ancestor, for every annotation.
    folders: Cache<PathBuf, (PathBuf, Option<PathBuf>), std::convert::Infallible>,
    /// Folders resolved by [`crate::fsio::normalize`], for [`crate::fsio::resolve_in`].
    dirs: Cache<PathBuf, PathBuf, std::convert::Infallible>,
    run: &'a RunOptions,
}

impl Caches<'_> {
    fn resolved_dir(&self, dir: &Path) -> Arc<PathBuf> {
        match self
            .dirs
            .get(dir.to_path_buf(), || Ok(crate::fsio::normalize(dir)))
        {
            Ok(d) => d,
            Err(never) => match never {},
        }
    }
}

/// Checks `files`; `checked` are the folders named on the command line (a file's folder
/// for a file), resolved: articles under them may be read (see [`confine`]).
pub(crate) fn check_files(
    files: &[PathBuf],
    checked: &[PathBuf],
    options: OutputOptions,
    run: &RunOptions,
) -> Report {
    let renderer = output::Renderer::new(options);
    check_files_with(files, checked, run, |c| renderer.render(c))
}

/// [`check_files`] with each checked file handed to `visit` on its worker thread (the
/// report and export commands make pages and records of them there).
pub(crate) fn check_files_with<T: Send>(
    files: &[PathBuf],
    checked: &[PathBuf],
    run: &RunOptions,
    visit: impl Fn(&Checked<'_>) -> T + Sync,
) -> Report<T> {
    let caches = Caches {
        articles: LiveArticles {
            map: Mutex::new(HashMap::new()),
        },
        configs: Cache::new(),
        folders: Cache::new(),
        dirs: Cache::new(),
        run,
    };
    let results: Vec<Result<FileReport<T>, String>> = files
        .par_iter()
        .map(|path| {
            // A bug in a check must not take the other files down: report it and go on.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check_file(path, checked, &caches, &visit)
            }))
            .unwrap_or_else(|panic| {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(format!(
                    "internal error while checking `{}` (a claimls bug, please report it): {why}",
                    path.display()
                ))
            })
        })
        .collect();
    // The process ends soon: freeing every article index one by one is wasted time.
    std::mem::forget(caches);
    let mut report = Report {
        files: Vec::with_capacity(results.len()),
        problems: Vec::new(),
    };
    for r in results {
        match r {
            Ok(f) => report.files.push(f),
            Err(problem) => {
                // A bad configuration is shared by many files: say it once.
                if !report.problems.contains(&problem) {
                    report.problems.push(problem);
                }
            }
        }
    }
    report
}

fn check_file<T>(
    path: &Path,
    checked: &[PathBuf],
    caches: &Caches<'_>,
    visit: &impl Fn(&Checked<'_>) -> T,
) -> Result<FileReport<T>, String> {
    let run = caches.run;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (text, mut extra, stamp) = match &run.stdin {
        Some(bytes) => {
            let (text, extra) = decode_claims(bytes.clone());
            (Some(text), extra, None)
        }
        None => {
            // The folder is resolved once (for all its files); the file itself by name.
            let real = crate::fsio::resolve_in(&caches.resolved_dir(&dir), path);
            read_claims_resolved(path, Some(&real))?
        }
    };
    // Text that did not decode cleanly (or was not read) is never written back: the
    // fixed file would lose the bytes that were replaced by U+FFFD.
    let fixable = text.is_some() && extra.is_empty();
    let config = caches
        .configs
        .get(dir.clone(), || {
            let abs = std::path::absolute(&dir).unwrap_or_else(|_| dir.clone());
            config::load_for(&abs).map(|(c, _)| c)
        })
        .map_err(|e| match &e.path {
            Some(p) => format!(
                "invalid configuration `{}`: {}",
                relative(p).display(),
                e.message
            ),
            None => format!("invalid configuration: {}", e.message),
        })?;

    let too_large = text.is_none();
    let mut parsed = Parsed::new(text.unwrap_or_default());
    let article_path = clean(&parsed.article_path(path));
    let mut article = None;
    let mut coverage = None;
    let mut quotes = None;
    let mut fixed = None;
    let mut diagnostics = if too_large {
        Vec::new()
    } else {
        let limits = config.limits();
        let folder = match caches.folders.get(dir.clone(), || Ok(folder_roots(&dir))) {
            Ok(f) => f,
            Err(never) => match never {},
        };
        let article_dir = match article_path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let resolved = crate::fsio::resolve_in(&caches.resolved_dir(article_dir), &article_path);
        let loaded =
            confine_resolved(&folder, &article_path, resolved, checked, &config).and_then(|key| {
                caches.articles.get((key.clone(), limits.max_bytes), || {
                    article::load_resolved(&article_path, &key, limits)
                })
            });
        let diags = match &loaded {
            Ok(a) if run.fix != FixMode::Off && fixable => {
                let outcome = check::fix::fix_all(
                    &parsed.text,
                    ArticleRef::Loaded(a),
                    &config,
                    run.unsafe_fixes,
                );
                let (diags, fixed_text) = (outcome.remaining, outcome.text);
                fixed = Some(apply_fixes(
                    path,
                    &parsed.text,
                    &fixed_text,
                    outcome.applied,
                    stamp.as_ref(),
                    run,
                ));
                if run.fix == FixMode::Apply
                    && fixed.as_ref().is_some_and(|f| f.not_written.is_none())
                {
                    parsed = Parsed::new(fixed_text);
                }
                let mut cache = ClaimCache::disabled();
                let again = check::check(&parsed, ArticleRef::Loaded(a), &config, &mut cache);
                coverage = cache.last_coverage;
                // The findings shown are those of the text as it now is on disk.
                if run.fix == FixMode::Apply
                    && fixed.as_ref().is_some_and(|f| f.not_written.is_none())
                {
                    debug_assert_eq!(again, diags);
                }
                again
            }
            Ok(a) => {
                let mut cache = if run.keep_quotes {
                    ClaimCache::keeping_quotes()
                } else {
                    ClaimCache::disabled()
                };
                let diags = check::check(&parsed, ArticleRef::Loaded(a), &config, &mut cache);
                coverage = cache.last_coverage;
                quotes = cache.last_quotes;
                diags
            }
            Err(e) => check::check(
                &parsed,
                ArticleRef::Failed(e),
                &config,
                &mut ClaimCache::disabled(),
            ),
        };
        article = loaded.ok();
        diags
    };
    if !extra.is_empty() {
        extra.retain_mut(|d| match config.severity(d.code) {
            Some(s) => {
                d.severity = s;
                true
            }
            None => false,
        });
        diagnostics.append(&mut extra);
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.code, a.span.end).cmp(&(b.span.start, b.code, b.span.end))
        });
    }

    // The tree has every line already: no second scan of the text for line breaks.
    let lines = LineIndex::from_lines(
        &parsed.text,
        parsed.tree.lines.iter().map(|l| (l.content(), l.full())),
    );
    debug_assert!(lines == LineIndex::new(&parsed.text));
    let checked = Checked {
        path,
        source: Source {
            text: &parsed.text,
            lines: &lines,
        },
        article_path: &article_path,
        article: article.as_deref(),
        diagnostics: &diagnostics,
        parsed: &parsed,
        coverage: coverage.as_ref(),
        quotes: quotes.as_ref(),
    };
    Ok(FileReport {
        claims: parsed.model.claims.len(),
        coverage: coverage.as_ref().map(|c| (c.annotated(), c.total)),
        severities: diagnostics.iter().map(|d| d.severity).collect(),
        codes: diagnostics.iter().map(|d| d.code).collect(),
        rendered: visit(&checked),
        fixed,
    })
}

/// Writes the fixed text (`--fix`) or makes the diff (`--diff`).
fn apply_fixes(
    path: &Path,
    before: &str,
    after: &str,
    applied: Vec<check::fix::Applied>,
    stamp: Option<&(crate::fsio::Stamp, bool)>,
    run: &RunOptions,
) -> Fixed {
    let mut fixed = Fixed {
        path: path.to_path_buf(),
        applied,
        diff: String::new(),
        text: None,
        not_written: None,
    };
    if before == after {
        return fixed;
    }
    match run.fix {
        FixMode::Off => {}
        FixMode::Diff => {
            let name = super::location::display(path);
            fixed.diff = similar::TextDiff::from_lines(before, after)
                .unified_diff()
                .context_radius(2)
                .header(&name, &name)
                .to_string();
        }
        FixMode::Apply => match stamp {
            // Standard input: the fixed text goes to standard output.
            None => fixed.text = Some(after.to_string()),
            Some((stamp, bom)) => {
                // The byte order mark that reading dropped goes back.
                let bom = *bom;
                let mut bytes = Vec::with_capacity(after.len() + 3);
                if bom {
                    bytes.extend_from_slice("\u{feff}".as_bytes());
                }
                bytes.extend_from_slice(after.as_bytes());
                if let Err(e) = crate::fsio::replace(path, stamp, &bytes, MAX_CLAIMS_BYTES) {
                    fixed.not_written = Some(e.message());
                }
            }
        },
    }
    fixed
}

/// The article path resolved, when the article may be read: under the repository root of
/// the annotation (the nearest folder holding `.git` or `claimls.toml`), under the folder
/// named on the command line that holds the annotation, or under a folder of `[articles]
/// allowed_roots`; decided by [`crate::fsio::confine`], the rule the language server uses
/// too. Nothing outside is opened, so nothing of it can be echoed.
pub(crate) fn confine(
    claims: &Path,
    article: &Path,
    checked: &[PathBuf],
    config: &Config,
) -> Result<PathBuf, ArticleError> {
    let dir = match claims.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let resolved = crate::fsio::normalize(article);
    confine_resolved(&folder_roots(dir), article, resolved, checked, config)
}

/// The resolved folder of an annotation and its repository root, what [`confine`] needs
/// of the folder (the same for every annotation in it: `check` asks once per folder).
pub(crate) fn folder_roots(dir: &Path) -> (PathBuf, Option<PathBuf>) {
    let claims_dir = crate::fsio::normalize(dir);
    let repository = crate::fsio::repository_root(&claims_dir);
    (claims_dir, repository)
}

/// [`confine`] with the annotation's folder already resolved by [`folder_roots`] and the
/// article's path by [`crate::fsio::normalize`] (or [`crate::fsio::resolve_in`]). `checked`,
/// the folder and its repository root are resolved already.
fn confine_resolved(
    folder: &(PathBuf, Option<PathBuf>),
    article: &Path,
    resolved: PathBuf,
    checked: &[PathBuf],
    config: &Config,
) -> Result<PathBuf, ArticleError> {
    let (claims_dir, repository) = folder;
    let claims_dir = claims_dir.clone();
    let mut roots: Vec<PathBuf> = checked
        .iter()
        .filter(|c| claims_dir.starts_with(c))
        .cloned()
        .collect();
    roots.extend(repository.clone());
    if roots.is_empty() {
        roots.push(claims_dir);
    }
    // The deepest root names the rule in the message.
    let shown = roots.iter().max_by_key(|r| r.components().count()).cloned();
    // Resolved when the configuration was read from disk; resolved here too in case it
    // was not (normalizing a resolved path gives it back).
    roots.extend(
        config
            .allowed_roots
            .iter()
            .map(|r| crate::fsio::normalize(r)),
    );
    crate::fsio::confine_resolved(resolved, &roots).map_err(|why| match why {
        crate::fsio::Refused::System => ArticleError::System(article.to_path_buf()),
        crate::fsio::Refused::OutsideRoots => ArticleError::OutsideRoot {
            path: article.to_path_buf(),
            root: match shown.map(|r| relative(&r)) {
                Some(r) if !r.as_os_str().is_empty() => r,
                _ => PathBuf::from("."),
            },
        },
    })
}

/// Reads a `.claims` file as text. Invalid UTF-8 is read as U+FFFD and reported (C001); a
/// file over [`MAX_CLAIMS_BYTES`] is not read at all and reported (C001); a leading byte
/// order mark is dropped, so columns on line 1 count from the first real character.
/// The text is `None` when the file was too large to read.
/// With the text, the file's stamp and whether it began with a byte order mark (for
/// `--fix`, which writes it back).
pub(crate) type Read = (
    Option<String>,
    Vec<Diagnostic>,
    Option<(crate::fsio::Stamp, bool)>,
);

pub(crate) fn read_claims(path: &Path) -> Result<Read, String> {
    read_claims_resolved(path, None)
}

/// [`read_claims`], with the file's resolved path when it is already known.
fn read_claims_resolved(path: &Path, real: Option<&Path>) -> Result<Read, String> {
    // Regular files only, never under /dev, /proc or /sys (a `.claims` link to a process's
    // environment would print it in C001 messages), read without blocking, bounded.
    let read = match real {
        Some(real) => crate::fsio::read_resolved(path, real, MAX_CLAIMS_BYTES),
        None => crate::fsio::read_regular(path, MAX_CLAIMS_BYTES),
    };
    let (bytes, stamp) = match read {
        Ok(read) => read,
        Err(crate::fsio::FileError::TooLarge { bytes, .. }) => {
            return Ok((None, vec![too_large(bytes)], None))
        }
        Err(e) => return Err(format!("cannot read {}", e.message())),
    };
    let bom = bytes.starts_with(b"\xef\xbb\xbf");
    let (text, extra) = decode_claims(bytes);
    Ok((Some(text), extra, Some((stamp, bom))))
}

/// An annotation's bytes as text: invalid UTF-8 becomes U+FFFD and a C001, a byte order
/// mark is dropped.
fn decode_claims(bytes: Vec<u8>) -> (String, Vec<Diagnostic>) {
    let (mut text, bad) = match String::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..valid]).count();
            let count = count_invalid(&bytes);
            (
                String::from_utf8_lossy(&bytes).into_owned(),
                Some((valid, line, count)),
            )
        }
    };
    let bom = if text.starts_with('\u{feff}') {
        text.drain(..3);
        3
    } else {
        0
    };
    let mut extra = Vec::new();
    if let Some((valid, line, count)) = bad {
        // The text before the first bad byte decodes unchanged, so U+FFFD stands there.
        let at = valid.saturating_sub(bom);
        let span = Span::new(at, (at + '\u{fffd}'.len_utf8()).min(text.len()));
        let more = match count {
            1 => String::new(),
            n => format!(" and {} more place{}", n - 1, if n == 2 { "" } else { "s" }),
        };
        extra.push(Diagnostic::new(
            Code::Syntax,
            span,
            format!(
                "file is not valid UTF-8 (line {line}, byte {valid}{more}): the bad bytes are read as U+FFFD; re-save it as UTF-8"
            ),
        ));
    }
    (text, extra)
}

/// `path` relative to the current directory when it lies inside it.
fn relative(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

fn too_large(bytes: u64) -> Diagnostic {
    Diagnostic::new(
        Code::Syntax,
        Span::empty(0),
        format!(
            "file is too large ({:.1} MiB; the limit is {} MiB): a `.claims` file this big is not read; split it into one file per article",
            bytes as f64 / 1048576.0,
            MAX_CLAIMS_BYTES >> 20
        ),
    )
}

/// How many invalid sequences `bytes` holds (each becomes one U+FFFD).
fn count_invalid(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn cache_loads_each_key_once_across_threads() {
        let cache: Cache<u32, String, String> = Cache::new();
        let loads = AtomicUsize::new(0);
        let got: Vec<Arc<String>> = (0..64u32)
            .into_par_iter()
            .map(|i| {
                cache
                    .get(i % 2, || {
                        loads.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(2));
                        Ok(format!("value {}", i % 2))
                    })
                    .unwrap()
            })
            .collect();
        assert_eq!(loads.load(Ordering::SeqCst), 2);
        assert!(Arc::ptr_eq(&got[0], &got[2]) && Arc::ptr_eq(&got[1], &got[63]));
        assert!(cache.get(7, || Err("bad".to_string())).is_err());
        assert!(
            cache.get(7, || Ok("late".to_string())).is_err(),
            "errors are cached too"
        );
    }

    #[test]
    fn counts_invalid_sequences() {
        assert_eq!(count_invalid(b"fine"), 0);
        assert_eq!(count_invalid(b"a\xffb\xfe"), 2);
        assert_eq!(count_invalid(b"truncated \xe2\x82"), 1);
    }

    #[test]
    fn reads_bom_and_bad_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.claims");
        std::fs::write(&path, b"\xef\xbb\xbfdate: x\n# caf\xe9\n").unwrap();
        let (text, extra, _) = read_claims(&path).unwrap();
        let text = text.unwrap();
        assert_eq!(text, "date: x\n# caf\u{fffd}\n");
        assert_eq!(extra.len(), 1);
        assert_eq!(extra[0].span.slice(&text), "\u{fffd}");
        assert!(
            extra[0].message.contains("line 2, byte 16"),
            "{}",
            extra[0].message
        );
    }
}
