//! Settings: the editor's (initializationOptions, `workspace/didChangeConfiguration`) merged
//! over the `claimls.toml` that applies to each document.

use crate::config::{self, Config, ConfigError};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const DEFAULT_DEBOUNCE_MS: u64 = 150;
/// Diagnostics published per file at most; one more says how many were left out.
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 1000;
/// Annotations longer than this get one diagnostic instead of a parse and a check (the
/// `check` command refuses `.claims` files over 64 MiB the same way).
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 16 << 20;
/// How long a completion request waits for the article's names (computed once per article
/// version, in the background) before it answers without them and marks the list
/// incomplete, so that typing never stalls on a book-length article.
pub const DEFAULT_COMPLETION_BUDGET_MS: u64 = 250;

/// What the editor sets: `{ "claimls": { "rules": {"C021": "off"}, "debounceMs": 150 } }`,
/// or the same object without the `claimls` wrapper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Rule overrides, applied over `claimls.toml`.
    pub rules: Vec<(String, String)>,
    /// Delay between an edit and its check; 0 checks at once.
    pub debounce_ms: u64,
    /// Lets the `claimls/debugPanic` request panic, to test that panics are contained.
    pub allow_debug_panic: bool,
    /// `maxDiagnostics`: diagnostics published per file at most.
    pub max_diagnostics: usize,
    /// `maxDocumentBytes`: larger annotations are not parsed nor checked.
    pub max_document_bytes: u64,
    /// `completionBudgetMs`: how long completion waits for the article's names.
    pub completion_budget_ms: u64,
    /// `pullDiagnostics` (read at initialization): serve diagnostics by pull only, to a
    /// client that declares pull support. Off by default: a client that pulls and also
    /// receives pushes (Neovim, VS Code) would show every finding twice.
    pub pull_diagnostics: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: Vec::new(),
            debounce_ms: DEFAULT_DEBOUNCE_MS,
            allow_debug_panic: false,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            completion_budget_ms: DEFAULT_COMPLETION_BUDGET_MS,
            pull_diagnostics: false,
        }
    }
}

impl Settings {
    /// Reads `value` over `self`: keys that are absent keep their value. Returns the
    /// problems found (unknown types), which the server reports; valid keys still apply.
    pub fn update(&mut self, value: &Value) -> Vec<String> {
        let mut problems = Vec::new();
        let obj = match value.get("claimls") {
            Some(inner) => inner,
            None => value,
        };
        let Some(obj) = obj.as_object() else {
            if !value.is_null() {
                problems.push("settings: expected an object".to_string());
            }
            return problems;
        };
        if let Some(rules) = obj.get("rules") {
            match rules.as_object() {
                Some(map) => {
                    let mut out = Vec::new();
                    for (k, v) in map {
                        match v.as_str() {
                            Some(s) => out.push((k.clone(), s.to_string())),
                            None => problems.push(format!("settings: rules.{k}: expected a string such as \"off\" or \"warning\"")),
                        }
                    }
                    self.rules = out;
                }
                None if rules.is_null() => self.rules.clear(),
                None => problems
                    .push("settings: rules: expected an object of rule = severity".to_string()),
            }
        }
        if let Some(ms) = obj.get("debounceMs") {
            match ms.as_u64() {
                Some(ms) => self.debounce_ms = ms.min(10_000),
                None => problems
                    .push("settings: debounceMs: expected a number of milliseconds".to_string()),
            }
        }
        if let Some(n) = obj.get("maxDiagnostics") {
            match n.as_u64() {
                Some(n) => self.max_diagnostics = n.max(1) as usize,
                None => problems
                    .push("settings: maxDiagnostics: expected a positive number".to_string()),
            }
        }
        if let Some(n) = obj.get("maxDocumentBytes") {
            match n.as_u64() {
                Some(n) => self.max_document_bytes = n,
                None => problems
                    .push("settings: maxDocumentBytes: expected a number of bytes".to_string()),
            }
        }
        if let Some(ms) = obj.get("completionBudgetMs") {
            match ms.as_u64() {
                // More than ten seconds would let one request stall the editor.
                Some(ms) => self.completion_budget_ms = ms.min(10_000),
                None => problems.push(
                    "settings: completionBudgetMs: expected a number of milliseconds".to_string(),
                ),
            }
        }
        if let Some(flag) = obj.get("pullDiagnostics") {
            match flag.as_bool() {
                Some(b) => self.pull_diagnostics = b,
                None => {
                    problems.push("settings: pullDiagnostics: expected true or false".to_string())
                }
            }
        }
        if let Some(flag) = obj
            .get("debug")
            .and_then(|d| d.get("allowPanic"))
            .and_then(Value::as_bool)
        {
            self.allow_debug_panic = flag;
        }
        problems
    }
}

/// `claimls.toml` files by the folder they apply to, read once until one changes.
#[derive(Debug, Default)]
pub struct ConfigCache {
    by_dir: HashMap<PathBuf, Result<Config, ConfigError>>,
}

impl ConfigCache {
    pub fn clear(&mut self) {
        self.by_dir.clear();
    }

    /// The configuration for a document in `dir`, with `settings` applied over it, and a
    /// message to show when `claimls.toml` or the editor's rules are invalid (the defaults,
    /// or the file alone, are used then).
    pub fn config_for(
        &mut self,
        dir: Option<&Path>,
        settings: &Settings,
    ) -> (Config, Option<String>) {
        let file = match dir {
            Some(dir) => self
                .by_dir
                .entry(dir.to_path_buf())
                .or_insert_with(|| config::load_for(dir).map(|(c, _)| c))
                .clone(),
            None => Ok(Config::default()),
        };
        let (base, mut problem) = match file {
            Ok(c) => (c, None),
            Err(e) => (
                Config::default(),
                Some(format!("{e}; using the default settings")),
            ),
        };
        if settings.rules.is_empty() {
            return (base, problem);
        }
        match base
            .clone()
            .with_rules(settings.rules.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        {
            Ok(c) => (c, problem),
            Err(e) => {
                problem.get_or_insert(format!(
                    "editor settings: {}; editor rules ignored",
                    e.message
                ));
                (base, problem)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use serde_json::json;

    #[test]
    fn reads_wrapped_and_bare_settings() {
        let mut s = Settings::default();
        assert!(s
            .update(&json!({"claimls": {"rules": {"C021": "off"}, "debounceMs": 0}}))
            .is_empty());
        assert_eq!(s.rules, [("C021".to_string(), "off".to_string())]);
        assert_eq!(s.debounce_ms, 0);
        assert!(s.update(&json!({"debounceMs": 20})).is_empty());
        assert_eq!(s.debounce_ms, 20);
        assert_eq!(s.rules.len(), 1, "absent keys keep their value");
        assert_eq!(
            s.update(&json!({"debounceMs": "x", "rules": {"C010": 3}}))
                .len(),
            2
        );
        assert!(s.update(&Value::Null).is_empty());
        assert!(s
            .update(&json!({"maxDiagnostics": 5, "maxDocumentBytes": 100}))
            .is_empty());
        assert_eq!((s.max_diagnostics, s.max_document_bytes), (5, 100));
        assert_eq!(s.completion_budget_ms, DEFAULT_COMPLETION_BUDGET_MS);
        assert!(s.update(&json!({"completionBudgetMs": 0})).is_empty());
        assert_eq!(s.completion_budget_ms, 0);
        assert!(s.update(&json!({"completionBudgetMs": 1e12})).len() == 1);
        assert!(s.update(&json!({"completionBudgetMs": 99_999})).is_empty());
        assert_eq!(
            s.completion_budget_ms, 10_000,
            "capped so one request never stalls"
        );
    }

    #[test]
    fn editor_rules_apply_over_claimls_toml() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(config::FILE_NAME),
            "[rules]\nC013 = \"warning\"\nC021 = \"error\"\n",
        )
        .unwrap();
        let mut cache = ConfigCache::default();
        let settings = Settings {
            rules: vec![("C021".into(), "off".into())],
            ..Settings::default()
        };
        let (c, problem) = cache.config_for(Some(dir.path()), &settings);
        assert!(problem.is_none());
        assert_eq!(c.severity(Code::SourceNotNearQuote), None);
        assert_eq!(
            c.severity(Code::QuoteAmbiguous),
            Some(crate::diagnostic::Severity::Warning)
        );
        std::fs::write(
            dir.path().join(config::FILE_NAME),
            "[rules]\nC999 = \"off\"\n",
        )
        .unwrap();
        let (_, problem) = cache.config_for(Some(dir.path()), &Settings::default());
        assert!(problem.is_none(), "cached until cleared");
        cache.clear();
        let (c, problem) = cache.config_for(Some(dir.path()), &Settings::default());
        assert!(problem.unwrap().contains("unknown rule"));
        assert_eq!(c, Config::default());
    }
}
