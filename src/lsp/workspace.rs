//! `workspace/symbol`: the actors and claims of every `.claims` file under the workspace
//! folders, open documents as they are in the editor, other files as they are on disk.
//! Bounded: at most [`MAX_FILES`] files are read, each no larger than the document size
//! limit, and at most [`MAX_SYMBOLS`] symbols are returned.

use crate::check::Parsed;
use crate::ide::{self, SymbolKind};
use crate::text::Span;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const MAX_FILES: usize = 5_000;
pub const MAX_SYMBOLS: usize = 500;

/// One match: the file, the symbol's name, kind and spans in that file's text.
pub struct Found {
    pub path: PathBuf,
    pub name: String,
    pub kind: SymbolKind,
    pub selection: Span,
    /// The file's text, to turn the span into a position.
    pub text: std::sync::Arc<str>,
}

/// `query`'s characters appear in `name` in order, ignoring case (as editors filter).
pub fn matches(query: &str, name: &str) -> bool {
    let mut wanted = query
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .peekable();
    for c in name.chars().flat_map(char::to_lowercase) {
        if wanted.peek() == Some(&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// The `.claims` files under `roots`, sorted; hidden folders, `target` and
/// `node_modules` are skipped, symbolic links not followed.
pub fn claims_files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for root in roots {
        let walker = walkdir::WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                e.depth() == 0
                    || !e.file_type().is_dir()
                    || !(name.starts_with('.') || name == "target" || name == "node_modules")
            });
        for e in walker.flatten() {
            if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "claims") {
                out.push(e.into_path());
                if out.len() >= MAX_FILES {
                    return out;
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The symbols matching `query` in `files`; `open` gives the editor's text of open files.
pub fn symbols(
    query: &str,
    files: &[PathBuf],
    open: &HashMap<PathBuf, std::sync::Arc<str>>,
    max_bytes: u64,
) -> Vec<Found> {
    let mut out = Vec::new();
    for path in files {
        let text: std::sync::Arc<str> = match open.get(path) {
            Some(t) => t.clone(),
            None => match crate::fsio::read_regular(path, max_bytes) {
                Ok((bytes, _)) => match String::from_utf8(bytes) {
                    Ok(t) => t.into(),
                    Err(_) => continue,
                },
                Err(_) => continue,
            },
        };
        let parsed = Parsed::new(&*text);
        for s in ide::symbols(&parsed) {
            if matches!(s.kind, SymbolKind::Actor | SymbolKind::Claim) && matches(query, &s.name) {
                out.push(Found {
                    path: path.clone(),
                    name: s.name,
                    kind: s.kind,
                    selection: s.selection,
                    text: text.clone(),
                });
                if out.len() >= MAX_SYMBOLS {
                    return out;
                }
            }
        }
    }
    out
}

/// Whether `path` lies under one of `roots`.
pub fn under(path: &Path, roots: &[PathBuf]) -> bool {
    roots.iter().any(|r| path.starts_with(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matching_in_order_ignoring_case() {
        assert!(matches("sna", "Syrian National Army"));
        assert!(matches("", "anything"));
        assert!(matches("MOSCOW", "moscow-concern"));
        assert!(!matches("zz", "Syrian national"));
        assert!(matches("ömer", "Ömer Çelik"));
    }

    #[test]
    fn finds_actors_and_claims_across_files_skipping_hidden_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::write(root.join("a.claims"), "article: a.txt\n\nactor Ada Lovelace\n\nclaim engine-notes\n  source: Ada Lovelace\n  quote: x\n").unwrap();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(
            root.join("sub/b.claims"),
            "article: b.txt\n\nactor Charles Babbage\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/c.claims"), "actor Hidden One\n").unwrap();
        let files = claims_files(std::slice::from_ref(&root));
        assert_eq!(files.len(), 2);
        let names = |q: &str| -> Vec<String> {
            symbols(q, &files, &HashMap::new(), 1 << 20)
                .into_iter()
                .map(|f| f.name)
                .collect()
        };
        assert_eq!(names("ada"), ["Ada Lovelace"]);
        assert_eq!(names("engine"), ["engine-notes"]);
        assert_eq!(names("").len(), 3);
        // An open document's text wins over the file on disk.
        let open = HashMap::from([(
            root.join("sub/b.claims"),
            std::sync::Arc::from("actor Charles Dickens\n"),
        )]);
        let found: Vec<String> = symbols("charles", &files, &open, 1 << 20)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(found, ["Charles Dickens"]);
    }
}
