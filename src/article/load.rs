//! Reading an article from disk with limits: a bad article is an error value, never a panic.

use super::Article;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Articles larger than this are refused (the index costs about 8 bytes per byte).
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 16 << 20,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleError {
    Missing(PathBuf),
    NotAFile(PathBuf),
    OutsideWorkspace(PathBuf),
    /// Outside the repository root and the configured extra roots (`claimls check`).
    OutsideRoot {
        path: PathBuf,
        root: PathBuf,
    },
    /// Under `/dev`, `/proc` or `/sys`: never read.
    System(PathBuf),
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    Binary(PathBuf),
    NotUtf8 {
        path: PathBuf,
        line: usize,
        byte: usize,
    },
    Empty(PathBuf),
    Io {
        path: PathBuf,
        message: String,
    },
}

impl ArticleError {
    /// One line: what is wrong and what is expected.
    pub fn message(&self) -> String {
        match self {
            ArticleError::Missing(p) => format!(
                "article `{}` not found: put the article beside this file or point `article:` at it",
                p.display()
            ),
            ArticleError::NotAFile(p) => format!("article `{}` is not a file: `article:` must name a text file", p.display()),
            ArticleError::OutsideWorkspace(p) => format!(
                "article `{}` is outside the workspace: claimls only reads articles inside the open folders",
                p.display()
            ),
            ArticleError::OutsideRoot { path, root } => format!(
                "article `{}` is outside the repository root `{}`: claimls reads only articles under the repository root (the nearest folder holding .git or claimls.toml) or a folder listed in `[articles] allowed_roots` of claimls.toml",
                path.display(),
                root.display()
            ),
            ArticleError::System(p) => format!(
                "article `{}` is a system file (under /dev, /proc or /sys): claimls never reads those; `article:` must name a text file",
                p.display()
            ),
            ArticleError::TooLarge { path, bytes, limit } => format!(
                "article `{}` is too large ({}; the limit is {}): split it or raise `max_article_bytes` in claimls.toml",
                path.display(),
                human_size(*bytes),
                human_size(*limit)
            ),
            ArticleError::Binary(p) => format!("article `{}` is a binary file, not text: expected UTF-8 plain text", p.display()),
            ArticleError::NotUtf8 { path, line, byte } => format!(
                "article `{}` is not valid UTF-8 (line {line}, byte offset {byte}): re-save it as UTF-8",
                path.display()
            ),
            ArticleError::Empty(p) => format!("article `{}` is empty: expected the article's text", p.display()),
            ArticleError::Io { path, message } => format!("article `{}` cannot be read: {message}", path.display()),
        }
    }
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / 1048576.0),
        b if b >= 1 << 10 => format!("{:.1} KiB", b as f64 / 1024.0),
        b => format!("{b} bytes"),
    }
}

/// Reads and indexes the article at `path`.
pub fn load(path: &Path, limits: Limits) -> Result<Article, ArticleError> {
    let text = read_text(path, limits)?;
    Ok(Article::new(text))
}

/// [`load`] of an article whose resolved path `real` is known (the path `confine` accepted):
/// read through [`crate::fsio::read_resolved`]; `path` names it in errors.
pub fn load_resolved(path: &Path, real: &Path, limits: Limits) -> Result<Article, ArticleError> {
    let read = crate::fsio::read_resolved_bytes(path, real, limits.max_bytes);
    Ok(Article::new(text_of(path, read)?))
}

/// Reads `path` as UTF-8 text within `limits`: regular files only (a FIFO never blocks the
/// read), nothing under `/dev`, `/proc` or `/sys`.
pub fn read_text(path: &Path, limits: Limits) -> Result<String, ArticleError> {
    let read = crate::fsio::read_regular(path, limits.max_bytes).map(|(bytes, _)| bytes);
    text_of(path, read)
}

/// The text of a read, or the error that names `path`.
fn text_of(
    path: &Path,
    read: Result<Vec<u8>, crate::fsio::FileError>,
) -> Result<String, ArticleError> {
    use crate::fsio::FileError;
    let p = || path.to_path_buf();
    let bytes = read.map_err(|e| match e {
        FileError::Missing(_) => ArticleError::Missing(p()),
        FileError::NotAFile(_) => ArticleError::NotAFile(p()),
        FileError::SystemPath(_) => ArticleError::System(p()),
        FileError::TooLarge { bytes, limit, .. } => ArticleError::TooLarge {
            path: p(),
            bytes,
            limit,
        },
        other => ArticleError::Io {
            path: p(),
            message: match other {
                FileError::Io { message, .. } => message,
                other => other.message(),
            },
        },
    })?;
    decode(path, bytes)
}

/// Checks that `bytes` are text: UTF-8, no NUL bytes, not empty.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, ArticleError> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err(ArticleError::Binary(path.to_path_buf()));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..byte]).count();
        ArticleError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            byte,
        }
    })?;
    validate(
        path,
        &text,
        Limits {
            max_bytes: u64::MAX,
        },
    )?;
    Ok(text)
}

/// The checks every article text passes, read from disk or taken from an editor buffer:
/// within the size limit, no NUL bytes (a binary file), not empty.
pub fn validate(path: &Path, text: &str, limits: Limits) -> Result<(), ArticleError> {
    if text.len() as u64 > limits.max_bytes {
        return Err(ArticleError::TooLarge {
            path: path.to_path_buf(),
            bytes: text.len() as u64,
            limit: limits.max_bytes,
        });
    }
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(ArticleError::Binary(path.to_path_buf()));
    }
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ArticleError::Empty(path.to_path_buf()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_binary_bad_utf8_and_empty() {
        let p = Path::new("a.txt");
        assert_eq!(
            decode(p, b"ab\0cd".to_vec()),
            Err(ArticleError::Binary(p.into()))
        );
        assert_eq!(
            decode(p, b"ok\nok\n\xff".to_vec()),
            Err(ArticleError::NotUtf8 {
                path: p.into(),
                line: 3,
                byte: 6
            })
        );
        assert_eq!(
            decode(p, "\u{feff} \n".as_bytes().to_vec()),
            Err(ArticleError::Empty(p.into()))
        );
        assert_eq!(decode(p, b"fine".to_vec()).unwrap(), "fine");
    }

    #[test]
    fn load_reports_missing_directory_and_size() {
        let dir = std::env::temp_dir().join(format!("claimls-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(matches!(
            load(&dir.join("nope.txt"), Limits::default()),
            Err(ArticleError::Missing(_))
        ));
        assert!(matches!(
            load(&dir, Limits::default()),
            Err(ArticleError::NotAFile(_))
        ));
        let big = dir.join("big.txt");
        std::fs::write(&big, "x".repeat(100)).unwrap();
        let err = load(&big, Limits { max_bytes: 10 }).unwrap_err();
        assert!(
            err.message()
                .contains("too large (100 bytes; the limit is 10 bytes)"),
            "{}",
            err.message()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
