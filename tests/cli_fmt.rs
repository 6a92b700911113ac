//! `claimls fmt` through the built binary: rewrites only layout, keeps every claim.

use std::path::Path;
use std::process::Command;

fn claimls(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimls"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run claimls");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn codes(dir: &Path) -> Vec<String> {
    let (_, json) = claimls(dir, &["check", "--format", "json", "."]);
    let items: serde_json::Value = serde_json::from_str(&json).expect("json");
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{} {}", i["code"], i["message"]))
        .collect()
}

#[test]
fn fmt_check_then_fmt_keeps_every_claim() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("examples/000_a935861ad7be96ce.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    let example =
        std::fs::read_to_string(root.join("examples/000_a935861ad7be96ce.claims")).unwrap();
    // Same content, messy layout: tabs, odd indentation, missing blank lines, extra spaces.
    let messy = example
        .replace("article: 000_a935861ad7be96ce.txt", "article:   a.txt   ")
        .replace("\n  source:", "\n     source:")
        .replace("\n  kind:", "\n\t\tkind:")
        .replace("\n\nclaim ", "\n\n\n\nclaim  ")
        .replace("\n    ", "\n        ");
    std::fs::write(dir.path().join("a.claims"), &messy).unwrap();
    let before = codes(dir.path());

    let (code, out) = claimls(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("would reformat"), "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.claims")).unwrap(),
        messy,
        "--check changes nothing"
    );

    let (code, _) = claimls(dir.path(), &["fmt", "."]);
    assert_eq!(code, 0);
    let formatted = std::fs::read_to_string(dir.path().join("a.claims")).unwrap();
    assert_eq!(
        formatted,
        example.replace("article: 000_a935861ad7be96ce.txt", "article: a.txt")
    );
    assert_eq!(
        codes(dir.path()),
        before,
        "the same findings after formatting"
    );
    assert_eq!(
        claimls(dir.path(), &["fmt", "--check", "."]).0,
        0,
        "formatted files pass --check"
    );
}

#[test]
fn fmt_refuses_invalid_utf8_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"claim a\n   source: X\xff\n  quote: y\n".to_vec();
    std::fs::write(dir.path().join("bad.claims"), &bytes).unwrap();
    let (code, _) = claimls(dir.path(), &["fmt", "bad.claims"]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read(dir.path().join("bad.claims")).unwrap(), bytes);
}
