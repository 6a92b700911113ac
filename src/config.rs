//! `claimls.toml`: rule severities and check settings. Shared by the CLI and the server.

use crate::diagnostic::{Code, Severity};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "claimls.toml";
pub const DEFAULT_STANCES: &[&str] = &[
    "asserts",
    "denies",
    "accuses",
    "concerns",
    "condemns",
    "questions",
    "predicts",
    "promises",
];

/// Effective settings for one check run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Per-rule severity; `None` switches the rule off. Rules not listed keep their default.
    pub rules: HashMap<Code, Option<Severity>>,
    /// C021 window: the quote's paragraph and this many before it.
    pub proximity_paragraphs: usize,
    /// Extra reporting verbs; each entry lists the forms of one verb.
    pub cue_verbs: Vec<Vec<String>>,
    pub stances: Vec<String>,
    pub max_article_bytes: u64,
    /// Folders besides the repository root whose articles may be read (`[articles]
    /// allowed_roots`), relative to the configuration file's folder once loaded from disk.
    pub allowed_roots: Vec<PathBuf>,
}

/// `claimls.toml` files larger than this are refused unread.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

impl Default for Config {
    fn default() -> Self {
        Config {
            rules: HashMap::new(),
            proximity_paragraphs: 1,
            cue_verbs: Vec::new(),
            stances: DEFAULT_STANCES.iter().map(|s| s.to_string()).collect(),
            max_article_bytes: crate::article::Limits::default().max_bytes,
            allowed_roots: Vec::new(),
        }
    }
}

/// The file as written; every key optional, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub rules: HashMap<String, String>,
    #[serde(default)]
    pub checks: ChecksSection,
    #[serde(default)]
    pub articles: ArticlesSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticlesSection {
    /// Extra folders articles may be read from, relative to the configuration file.
    pub allowed_roots: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecksSection {
    pub proximity_paragraphs: Option<usize>,
    pub cue_verbs: Option<Vec<String>>,
    pub stances: Option<Vec<String>>,
    pub max_article_bytes: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Option<PathBuf>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl Config {
    /// Parses the text of a `claimls.toml`.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count());
            ConfigError {
                path: None,
                message: match line {
                    Some(line) => format!("line {line}: {}", e.message()),
                    None => e.message().to_string(),
                },
            }
        })?;
        Config::default().with_file(file)
    }

    /// Applies rule overrides given as `code or name -> severity or "off"`, as editors send them.
    pub fn with_rules<'a>(
        mut self,
        rules: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let mut by_name = Vec::new();
        for (key, value) in rules {
            let code = Code::parse(key).ok_or_else(|| ConfigError {
                path: None,
                message: format!("[rules]: unknown rule `{key}`; expected a code like C021 or a name like source-not-near-quote"),
            })?;
            let severity = match value.to_ascii_lowercase().as_str() {
                "off" | "none" | "allow" => None,
                v => Some(Severity::parse(v).ok_or_else(|| ConfigError {
                    path: None,
                    message: format!("[rules]: `{key} = \"{value}\"`: expected \"off\", \"error\", \"warning\", \"info\" or \"hint\""),
                })?),
            };
            // An entry by code wins over one by name, whatever the order.
            if key.eq_ignore_ascii_case(code.as_str()) {
                self.rules.insert(code, severity);
            } else {
                by_name.push((code, severity));
            }
        }
        for (code, severity) in by_name {
            self.rules.entry(code).or_insert(severity);
        }
        Ok(self)
    }

    fn with_file(self, file: ConfigFile) -> Result<Config, ConfigError> {
        let mut config =
            self.with_rules(file.rules.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        let c = file.checks;
        if let Some(p) = c.proximity_paragraphs {
            config.proximity_paragraphs = p;
        }
        if let Some(verbs) = c.cue_verbs {
            config.cue_verbs = verbs
                .iter()
                .map(|v| {
                    v.split('|')
                        .map(|f| f.trim().to_lowercase())
                        .filter(|f| !f.is_empty())
                        .collect()
                })
                .filter(|forms: &Vec<String>| !forms.is_empty())
                .collect();
        }
        if let Some(stances) = c.stances {
            if stances.is_empty() {
                return Err(ConfigError {
                    path: None,
                    message: "[checks] stances: expected at least one stance".into(),
                });
            }
            config.stances = stances;
        }
        if let Some(max) = c.max_article_bytes {
            config.max_article_bytes = max;
        }
        if let Some(roots) = file.articles.allowed_roots {
            config.allowed_roots = roots.into_iter().map(PathBuf::from).collect();
        }
        Ok(config)
    }

    /// The severity a finding of `code` gets, or `None` when the rule is off.
    pub fn severity(&self, code: Code) -> Option<Severity> {
        match self.rules.get(&code) {
            Some(s) => *s,
            None => Some(code.default_severity()),
        }
    }

    pub fn limits(&self) -> crate::article::Limits {
        crate::article::Limits {
            max_bytes: self.max_article_bytes,
        }
    }
}

/// The `claimls.toml` that `claimls init` writes: every option at its default, each
/// explained, rule severities commented out at their defaults so that uncommenting one
/// line changes one rule.
pub fn default_file_text() -> String {
    use std::fmt::Write as _;
    let d = Config::default();
    let mut out = String::from(
        "# claimls.toml: settings for `claimls check` and the language server.\n\
         # It applies to the .claims files in this folder and below it (the nearest one wins).\n\
         # Every option is written at its default; see docs/format.md and `claimls explain CODE`.\n\n\
         [rules]\n\
         # Severity per rule: \"error\", \"warning\", \"info\", \"hint\" or \"off\".\n\
         # Keys are codes (C021) or names (source-not-near-quote). Uncomment a line to change it.\n",
    );
    let width = Code::ALL
        .iter()
        .map(|c| c.as_str().len())
        .max()
        .unwrap_or(4);
    for &code in Code::ALL {
        let _ = writeln!(
            out,
            "# {:width$} = {:9} # {}: {}",
            code.as_str(),
            format!("\"{}\"", code.default_severity().as_str()),
            code.name(),
            code.summary()
        );
    }
    let quoted = |items: &[String]| {
        items
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = write!(
        out,
        "\n[checks]\n\
         # C021 window: the quote's paragraph and this many paragraphs before it.\n\
         proximity_paragraphs = {}\n\
         # Reporting verbs besides the built-in list; \"swear|swore|sworn\" lists an irregular verb's forms.\n\
         cue_verbs = []\n\
         # The allowed `stance:` values (C042).\n\
         stances = [{}]\n\
         # Articles larger than this many bytes are not read (C031).\n\
         max_article_bytes = {}\n\
         \n[articles]\n\
         # Folders besides the repository root whose files may be read as articles,\n\
         # relative to this file's folder.\n\
         allowed_roots = []\n",
        d.proximity_paragraphs,
        quoted(&d.stances),
        d.max_article_bytes,
    );
    out
}

/// The nearest `claimls.toml` in `dir` or its ancestors.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads the configuration that applies to files in `dir`; defaults when there is none.
pub fn load_for(dir: &Path) -> Result<(Config, Option<PathBuf>), ConfigError> {
    let Some(path) = find(dir) else {
        return Ok((Config::default(), None));
    };
    let error = |message: String| ConfigError {
        path: Some(path.clone()),
        message,
    };
    let (bytes, _) = crate::fsio::read_regular(&path, MAX_CONFIG_BYTES).map_err(|e| match e {
        crate::fsio::FileError::TooLarge { bytes, limit, .. } => error(format!(
            "the file is too large ({bytes} bytes; the limit is {limit} bytes): a configuration is a few lines"
        )),
        other => error(other.message()),
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| error("not valid UTF-8: re-save it as UTF-8".into()))?;
    match Config::from_toml(&text) {
        Ok(mut c) => {
            // Extra roots are relative to the folder of the file that names them.
            let base = path.parent().unwrap_or(Path::new("."));
            for r in &mut c.allowed_roots {
                *r = crate::fsio::normalize(&base.join(&*r));
            }
            Ok((c, Some(path)))
        }
        Err(mut e) => {
            e.path = Some(path);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_init_file_is_the_defaults_and_names_every_rule() {
        let text = default_file_text();
        assert_eq!(Config::from_toml(&text).unwrap(), Config::default());
        for &code in Code::ALL {
            let line = format!(
                "# {} = \"{}\"",
                code.as_str(),
                code.default_severity().as_str()
            );
            let found = text
                .lines()
                .find(|l| l.starts_with(&format!("# {} ", code.as_str())));
            let found = found.unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!(
                found
                    .split_whitespace()
                    .take(4)
                    .collect::<Vec<_>>()
                    .join(" "),
                line
            );
            // Uncommented, each line is a valid setting.
            let one = format!("[rules]\n{}\n", found.trim_start_matches("# "));
            assert_eq!(
                Config::from_toml(&one).unwrap().severity(code),
                Some(code.default_severity())
            );
        }
    }

    #[test]
    fn parses_rules_by_code_and_name() {
        let c = Config::from_toml(
            "[rules]\nsource-not-near-quote = \"info\"\nC021 = \"off\"\nC013 = \"warning\"\n[checks]\nproximity_paragraphs = 2\ncue_verbs = [\"slam\", \"bring|brought\"]\n",
        )
        .unwrap();
        assert_eq!(
            c.severity(Code::SourceNotNearQuote),
            None,
            "code wins over name"
        );
        assert_eq!(c.severity(Code::QuoteAmbiguous), Some(Severity::Warning));
        assert_eq!(c.severity(Code::QuoteNotFound), Some(Severity::Error));
        assert_eq!(c.proximity_paragraphs, 2);
        assert_eq!(c.cue_verbs[1], ["bring", "brought"]);
    }

    #[test]
    fn refuses_unknown_keys_rules_and_severities() {
        assert!(Config::from_toml("[checks]\nproximity = 1\n")
            .unwrap_err()
            .message
            .contains("unknown field"));
        assert!(Config::from_toml("[rules]\nC999 = \"off\"\n")
            .unwrap_err()
            .message
            .contains("unknown rule"));
        assert!(Config::from_toml("[rules]\nC010 = \"loud\"\n")
            .unwrap_err()
            .message
            .contains("expected"));
        assert!(Config::from_toml("not toml").is_err());
    }

    #[test]
    fn allowed_roots_are_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let base = crate::fsio::normalize(dir.path());
        std::fs::create_dir_all(base.join("repo/sub")).unwrap();
        std::fs::write(
            base.join("repo/claimls.toml"),
            "[articles]\nallowed_roots = [\"../shared\", \"/abs\"]\n",
        )
        .unwrap();
        let (c, _) = load_for(&base.join("repo/sub")).unwrap();
        assert_eq!(
            c.allowed_roots,
            [base.join("shared"), PathBuf::from("/abs")]
        );
    }

    #[test]
    fn refuses_an_oversized_configuration_unread() {
        let dir = tempfile::tempdir().unwrap();
        let f = std::fs::File::create(dir.path().join(FILE_NAME)).unwrap();
        f.set_len(MAX_CONFIG_BYTES + 1).unwrap();
        let e = load_for(dir.path()).unwrap_err();
        assert!(e.message.contains("too large"), "{}", e.message);
    }
}
