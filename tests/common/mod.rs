//! Helpers shared by the CLI tests: run the built binary, parse its JSON, make scratch
//! directories with an article and an annotation.

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const SEED_ARTICLE: &str = "000_a935861ad7be96ce.txt";

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `claimls ARGS` in `dir` without colour-forcing variables from the environment.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimls"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NO_COLOR")
        .output()
        .expect("the claimls binary runs")
}

/// Runs `claimls ARGS` in the repository root.
pub fn run(args: &[&str]) -> Output {
    run_in(root(), args)
}

pub fn code(out: &Output) -> i32 {
    out.status
        .code()
        .unwrap_or_else(|| panic!("claimls was killed by a signal: {}", stderr(out)))
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts that claimls ended normally (0 or 1: findings or none), never a crash or an
/// I/O error, and returns the exit code.
pub fn assert_checked(out: &Output) -> i32 {
    let c = code(out);
    assert!(
        c == 0 || c == 1,
        "expected exit code 0 or 1, got {c}\nstdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
    assert!(!stderr(out).contains("panicked"), "{}", stderr(out));
    c
}

/// `claimls check --format json ARGS` in `dir`: the exit code and the parsed findings.
/// Like [`json_in_all`], without the C050 (unannotated statement) findings: the small
/// annotations of the seed article in these tests leave most of its statements
/// unannotated, and C050 has tests of its own.
pub fn json_in(dir: &Path, args: &[&str]) -> (i32, Vec<Value>) {
    let (c, mut items) = json_in_all(dir, args);
    items.retain(|d| d["code"] != "C050");
    (c, items)
}

/// `claimls check --format json` in `dir`: the exit code and every finding.
pub fn json_in_all(dir: &Path, args: &[&str]) -> (i32, Vec<Value>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    let c = code(&out);
    let parsed: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            stdout(&out),
            stderr(&out)
        )
    });
    let Value::Array(items) = parsed else {
        panic!("expected a JSON array, got {parsed}")
    };
    (c, items)
}

pub fn json(args: &[&str]) -> (i32, Vec<Value>) {
    json_in(root(), args)
}

/// [`json`] with the C050 findings.
pub fn json_all(args: &[&str]) -> (i32, Vec<Value>) {
    json_in_all(root(), args)
}

/// The codes of the findings, in output order.
pub fn codes(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// The first finding with `code`, or a panic listing what was found.
pub fn find<'a>(items: &'a [Value], code: &str) -> &'a Value {
    items
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {:#}", Value::Array(items.to_vec())))
}

/// `(line, column, end_line, end_column)` of a finding or related location.
pub fn position(v: &Value) -> (u64, u64, u64, u64) {
    let n = |k: &str| v[k].as_u64().unwrap_or_else(|| panic!("no {k} in {v}"));
    (n("line"), n("column"), n("end_line"), n("end_column"))
}

/// A scratch directory holding the seed article.
pub fn scratch_with_seed_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples").join(SEED_ARTICLE),
        dir.path().join(SEED_ARTICLE),
    )
    .unwrap();
    dir
}

pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, contents).unwrap();
    path
}

/// The broken fixture's annotation text.
pub fn broken_claims() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/broken/broken.claims")).unwrap()
}
