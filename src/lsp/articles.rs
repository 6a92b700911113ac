//! The article store: one index per article file, reused until the article changes on
//! disk or in an open buffer, and the record of which annotations depend on which article.
//!
//! Only files inside the workspace folders are read (or inside the annotation's own folder
//! when it lies in none of them); anything else is refused as outside the workspace.

use crate::article::{self, Article, ArticleError, Limits};
use crate::check::Parsed;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use tower_lsp_server::ls_types::Uri;

/// What the cached index was built from; a different stamp means the article changed.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Stamp {
    Disk {
        modified: Option<SystemTime>,
        len: u64,
    },
    Buffer {
        version: i32,
    },
}

#[derive(Debug)]
struct Entry {
    stamp: Stamp,
    limit: u64,
    article: Arc<Article>,
}

#[derive(Debug, Default)]
pub struct ArticleStore {
    entries: HashMap<PathBuf, Entry>,
    dependants: HashMap<PathBuf, HashSet<Uri>>,
    /// How many indexes were built: lets tests see that an article is reused.
    pub builds: u64,
}

pub use crate::fsio::normalize;

/// Where the article of the annotation at `claims_path` is, if it may be read: under the
/// workspace folder holding the annotation (or the annotation's own folder when it lies in
/// none) or one of `extra_roots` (`[articles] allowed_roots`), decided by
/// [`crate::fsio::confine`], the rule `claimls check` uses too.
pub fn locate(
    claims_path: Option<&Path>,
    parsed: &Parsed,
    roots: &[PathBuf],
    extra_roots: &[PathBuf],
) -> Result<PathBuf, ArticleError> {
    let Some(claims_path) = claims_path else {
        let named = parsed
            .model
            .header
            .article
            .as_ref()
            .map(|f| f.value.text.trim().to_string())
            .filter(|s| !s.is_empty());
        return Err(ArticleError::Missing(PathBuf::from(
            named.unwrap_or_else(|| "(the article of an unsaved file)".into()),
        )));
    };
    let written = parsed.article_path(claims_path);
    let inside_workspace = roots.iter().any(|r| claims_path.starts_with(r));
    let mut allowed: Vec<PathBuf> = if inside_workspace {
        roots.to_vec()
    } else {
        claims_path
            .parent()
            .map(Path::to_path_buf)
            .into_iter()
            .collect()
    };
    allowed.extend(extra_roots.iter().cloned());
    crate::fsio::confine(&written, &allowed).map_err(|why| match why {
        crate::fsio::Refused::System => ArticleError::System(written),
        crate::fsio::Refused::OutsideRoots => ArticleError::OutsideWorkspace(written),
    })
}

impl ArticleStore {
    /// The index of the article at `path`: from `buffer` (`(version, text)`) when the
    /// article is open in the editor, else from disk. Built outside the lock, so a large
    /// article does not hold up other requests.
    pub fn get(
        store: &Mutex<ArticleStore>,
        path: &Path,
        limits: Limits,
        buffer: Option<(i32, &str)>,
    ) -> Result<Arc<Article>, ArticleError> {
        let stamp = match buffer {
            Some((version, _)) => Some(Stamp::Buffer { version }),
            None => std::fs::metadata(path)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| Stamp::Disk {
                    modified: m.modified().ok(),
                    len: m.len(),
                }),
        };
        if let Some(stamp) = &stamp {
            let guard = store.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(entry) = guard
                .entries
                .get(path)
                .filter(|e| e.stamp == *stamp && e.limit == limits.max_bytes)
            {
                return Ok(entry.article.clone());
            }
        }
        let built = match buffer {
            Some((_, text)) => {
                crate::article::validate(path, text, limits).map(|()| Article::new(text))
            }
            None => article::load(path, limits),
        };
        let mut guard = store.lock().unwrap_or_else(|e| e.into_inner());
        match (built, stamp) {
            (Ok(a), Some(stamp)) => {
                let a = Arc::new(a);
                guard.builds += 1;
                guard.entries.insert(
                    path.to_path_buf(),
                    Entry {
                        stamp,
                        limit: limits.max_bytes,
                        article: a.clone(),
                    },
                );
                Ok(a)
            }
            (Ok(a), None) => Ok(Arc::new(a)),
            (Err(e), _) => {
                guard.entries.remove(path);
                Err(e)
            }
        }
    }

    /// Drops the index of `path`: the next check rebuilds it.
    pub fn invalidate(&mut self, path: &Path) {
        self.entries.remove(path);
    }

    /// Records that the annotation `uri` now depends on the article at `path`.
    pub fn depend(&mut self, uri: &Uri, path: Option<&Path>) {
        self.drop_dependency(uri, path);
        if let Some(path) = path {
            self.dependants
                .entry(path.to_path_buf())
                .or_default()
                .insert(uri.clone());
        }
    }

    /// Forgets the annotation `uri` (closed); an article nobody depends on is dropped.
    pub fn forget(&mut self, uri: &Uri) {
        self.drop_dependency(uri, None);
    }

    /// Removes `uri` from the dependants of every article but `keep`.
    fn drop_dependency(&mut self, uri: &Uri, keep: Option<&Path>) {
        let mut unused = Vec::new();
        for (path, uris) in &mut self.dependants {
            if Some(path.as_path()) != keep && uris.remove(uri) && uris.is_empty() {
                unused.push(path.clone());
            }
        }
        for path in unused {
            self.dependants.remove(&path);
            self.entries.remove(&path);
        }
    }

    /// The annotations that depend on the article at `path`.
    pub fn dependants(&self, path: &Path) -> Vec<Uri> {
        self.dependants
            .get(path)
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }

    pub fn is_article(&self, path: &Path) -> bool {
        self.dependants.contains_key(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_until_the_file_or_buffer_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = normalize(&dir.path().join("a.txt"));
        std::fs::write(&path, "Head\n\nBody one.").unwrap();
        let store = Mutex::new(ArticleStore::default());
        let a = ArticleStore::get(&store, &path, Limits::default(), None).unwrap();
        let b = ArticleStore::get(&store, &path, Limits::default(), None).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        std::fs::write(&path, "Head\n\nBody one, longer.").unwrap();
        let c = ArticleStore::get(&store, &path, Limits::default(), None).unwrap();
        assert!(!Arc::ptr_eq(&a, &c));
        let d = ArticleStore::get(
            &store,
            &path,
            Limits::default(),
            Some((1, "Head\n\nBuffer.")),
        )
        .unwrap();
        assert_eq!(d.text, "Head\n\nBuffer.");
        let e = ArticleStore::get(&store, &path, Limits::default(), Some((1, "ignored"))).unwrap();
        assert!(Arc::ptr_eq(&d, &e), "same buffer version");
        assert_eq!(store.lock().unwrap().builds, 3);
        assert!(matches!(
            ArticleStore::get(
                &store,
                &path,
                Limits { max_bytes: 3 },
                Some((2, "too long"))
            ),
            Err(ArticleError::TooLarge { .. })
        ));
        assert!(matches!(
            ArticleStore::get(&store, &dir.path().join("no.txt"), Limits::default(), None),
            Err(ArticleError::Missing(_))
        ));
    }

    #[test]
    fn refuses_articles_outside_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let root = normalize(dir.path());
        let ws = root.join("ws");
        std::fs::create_dir_all(ws.join("sub")).unwrap();
        let claims = ws.join("sub/x.claims");
        let p = |t: &str| Parsed::new(t);
        assert_eq!(
            locate(Some(&claims), &p(""), std::slice::from_ref(&ws), &[]).unwrap(),
            ws.join("sub/x.txt")
        );
        assert_eq!(
            locate(
                Some(&claims),
                &p("article: ../y.txt\n"),
                std::slice::from_ref(&ws),
                &[]
            )
            .unwrap(),
            ws.join("y.txt")
        );
        assert!(matches!(
            locate(
                Some(&claims),
                &p("article: ../../z.txt\n"),
                std::slice::from_ref(&ws),
                &[]
            ),
            Err(ArticleError::OutsideWorkspace(_))
        ));
        assert!(matches!(
            locate(
                Some(&claims),
                &p("article: /elsewhere/article.txt\n"),
                std::slice::from_ref(&ws),
                &[]
            ),
            Err(ArticleError::OutsideWorkspace(_))
        ));
        // No workspace: the annotation's own folder.
        assert!(locate(Some(&claims), &p(""), &[], &[]).is_ok());
        assert!(matches!(
            locate(Some(&claims), &p("article: ../y.txt\n"), &[], &[]),
            Err(ArticleError::OutsideWorkspace(_))
        ));
        assert!(matches!(
            locate(None, &p(""), &[], &[]),
            Err(ArticleError::Missing(_))
        ));
        // The configured extra roots, and never a system file.
        std::fs::create_dir_all(root.join("shared")).unwrap();
        assert_eq!(
            locate(
                Some(&claims),
                &p("article: ../../shared/z.txt\n"),
                std::slice::from_ref(&ws),
                &[root.join("shared")]
            )
            .unwrap(),
            root.join("shared/z.txt")
        );
        assert!(matches!(
            locate(
                Some(&claims),
                &p("article: /proc/self/status\n"),
                &[PathBuf::from("/")],
                &[]
            ),
            Err(ArticleError::System(_))
        ));
        // A link inside the workspace to a file outside it is refused.
        std::fs::write(root.join("secret.env"), "TOKEN=x").unwrap();
        std::os::unix::fs::symlink(root.join("secret.env"), ws.join("sub/link.txt")).unwrap();
        assert!(matches!(
            locate(
                Some(&claims),
                &p("article: link.txt\n"),
                std::slice::from_ref(&ws),
                &[]
            ),
            Err(ArticleError::OutsideWorkspace(_))
        ));
    }

    #[test]
    fn tracks_dependants() {
        let mut s = ArticleStore::default();
        let u: Uri = "file:///a.claims".parse().unwrap();
        let p = PathBuf::from("/a.txt");
        s.depend(&u, Some(&p));
        s.entries.insert(
            p.clone(),
            Entry {
                stamp: Stamp::Buffer { version: 1 },
                limit: 1,
                article: Arc::new(Article::new("x")),
            },
        );
        s.depend(&u, Some(&p));
        assert!(
            s.entries.contains_key(&p),
            "depending again keeps the index"
        );
        assert_eq!(s.dependants(&p), std::slice::from_ref(&u));
        s.depend(&u, Some(Path::new("/b.txt")));
        assert!(s.dependants(&p).is_empty());
        s.forget(&u);
        assert!(!s.is_article(Path::new("/b.txt")));
    }
}
