//! The linter conventions of `claimls check` (`--fix`, `--diff`, standard input,
//! `--statistics`, `--allow-empty`, the JUnit and GitLab formats) and the `rules`,
//! `explain` and `init` commands, on the built binary.

mod common;

use common::*;
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const EXAMPLE: &str = "000_a935861ad7be96ce.claims";

/// A scratch copy of the bundled example with mistakes `--fix` repairs: a typo in a
/// quote, a misspelt stance, a misspelt field name; and one it must leave alone: a source
/// the article never names (changing who said it is not a safe fix).
fn broken_example(dir: &Path) -> String {
    let text = std::fs::read_to_string(root().join("examples").join(EXAMPLE)).unwrap();
    assert!(text.contains("concerned over reports") && text.contains("stance: denies"));
    let broken = text
        .replacen("concerned over reports", "concerned ovr reports", 1)
        .replacen("stance: denies", "stance: denise", 1)
        .replacen("  cue: told Sputnik", "  cuee: told Sputnik", 1);
    write(dir, EXAMPLE, &broken);
    broken
}

fn claims_of(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with("claim "))
        .map(str::to_string)
        .collect()
}

fn stdin_run(dir: &Path, args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimls"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn fix_repairs_safe_findings_in_place_and_keeps_every_claim() {
    let dir = scratch_with_seed_article();
    let broken = broken_example(dir.path());
    let (status, before) = json_in(dir.path(), &["."]);
    assert_eq!(status, 1);
    let before_codes: Vec<&str> = before.iter().map(|d| d["code"].as_str().unwrap()).collect();
    for c in ["C011", "C042", "C002"] {
        assert!(before_codes.contains(&c), "{before_codes:?}");
    }

    let out = run_in(dir.path(), &["check", "--fix", "."]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("fixed 3 findings in"),
        "{}",
        stderr(&out)
    );
    let fixed = std::fs::read_to_string(dir.path().join(EXAMPLE)).unwrap();
    let original = std::fs::read_to_string(root().join("examples").join(EXAMPLE)).unwrap();
    assert_eq!(
        fixed, original,
        "the three mistakes undone, nothing else changed"
    );
    assert_eq!(claims_of(&fixed), claims_of(&broken));
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn fix_leaves_unsafe_fixes_unless_asked() {
    let dir = scratch_with_seed_article();
    let text = std::fs::read_to_string(root().join("examples").join(EXAMPLE)).unwrap();
    // `disputes:` naming an id one letter off: a did-you-mean that points a relation at
    // another claim, so it is not applied by --fix.
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("claim "))
        .collect();
    let target = ids[0];
    let typo = format!("{}x", target);
    let planted = text.replacen(
        &format!("claim {}\n", ids[1]),
        &format!("claim {}\n  disputes: {typo}\n", ids[1]),
        1,
    );
    write(dir.path(), EXAMPLE, &planted);
    let out = run_in(dir.path(), &["check", "--fix", "--format", "json", "."]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let after = std::fs::read_to_string(dir.path().join(EXAMPLE)).unwrap();
    assert_eq!(after, planted, "the unsafe fix is not applied");
    let items: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(items.iter().any(|d| d["code"] == "C041"));

    let out = run_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "."]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let after = std::fs::read_to_string(dir.path().join(EXAMPLE)).unwrap();
    assert!(
        after.contains(&format!("  disputes: {target}\n")),
        "{after}"
    );
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = scratch_with_seed_article();
    let broken = broken_example(dir.path());
    let out = run_in(dir.path(), &["check", "--diff", "."]);
    assert_eq!(code(&out), 1, "changes to make: exit 1");
    let diff = stdout(&out);
    assert!(
        diff.contains("-  stance: denise\n+  stance: denies\n"),
        "{diff}"
    );
    assert!(
        diff.contains("-  cuee: told Sputnik\n+  cue: told Sputnik\n"),
        "{diff}"
    );
    assert!(
        stderr(&out).contains("would fix 3 findings"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(EXAMPLE)).unwrap(),
        broken
    );
    let clean = run(&["check", "--diff", "examples/000_a935861ad7be96ce.claims"]);
    assert_eq!(code(&clean), 0, "{}", stderr(&clean));
    assert!(stdout(&clean).is_empty());
}

#[test]
fn fix_never_writes_a_file_that_was_not_valid_utf8() {
    let dir = scratch_with_seed_article();
    let broken = broken_example(dir.path());
    let mut bytes = broken.into_bytes();
    bytes.extend_from_slice(b"# caf\xe9\n");
    write(dir.path(), EXAMPLE, &bytes);
    let out = run_in(dir.path(), &["check", "--fix", "."]);
    assert_eq!(code(&out), 1);
    assert_eq!(std::fs::read(dir.path().join(EXAMPLE)).unwrap(), bytes);
}

#[test]
fn standard_input_is_checked_as_the_named_file() {
    let dir = scratch_with_seed_article();
    let broken = broken_example(dir.path());
    std::fs::remove_file(dir.path().join(EXAMPLE)).unwrap();
    let out = stdin_run(
        dir.path(),
        &[
            "check",
            "-",
            "--stdin-filename",
            EXAMPLE,
            "--format",
            "json",
        ],
        broken.as_bytes(),
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let items: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(items
        .iter()
        .any(|d| d["code"] == "C011" && d["file"] == EXAMPLE));
    assert!(
        !items.iter().any(|d| d["code"] == "C031"),
        "the article is found beside the named file: {items:#?}"
    );
    // With --fix, the fixed text is the output.
    let out = stdin_run(
        dir.path(),
        &["check", "-", "--stdin-filename", EXAMPLE, "--fix"],
        broken.as_bytes(),
    );
    let original = std::fs::read_to_string(root().join("examples").join(EXAMPLE)).unwrap();
    assert_eq!(stdout(&out), original);
    assert!(!dir.path().join(EXAMPLE).exists(), "nothing written");
    // `-` with other paths is a usage error.
    let out = stdin_run(dir.path(), &["check", "-", "."], b"");
    assert_eq!(code(&out), 2);
}

#[test]
fn paths_without_claims_files_fail_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["check", "."]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no `.claims` file in `.`"),
        "{}",
        stderr(&out)
    );
    let out = run_in(dir.path(), &["check", ".", "--allow-empty"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn statistics_count_findings_per_code() {
    let out = run(&["check", "tests/fixtures/broken", "--statistics", "--quiet"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let (_, items) = json_all(&["tests/fixtures/broken"]);
    let c011 = items.iter().filter(|d| d["code"] == "C011").count();
    assert!(c011 > 0);
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == [c011.to_string().as_str(), "C011", "quote-near-miss"]),
        "{text}"
    );
    let total: usize = text
        .lines()
        .map(|l| {
            l.split_whitespace()
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, items.len());
    // Machine formats keep stdout parseable: the table goes to stderr.
    let out = run(&[
        "check",
        "tests/fixtures/broken",
        "--statistics",
        "--format",
        "json",
    ]);
    assert!(serde_json::from_str::<Value>(&stdout(&out)).is_ok());
    assert!(stderr(&out).contains("C011  quote-near-miss"));
}

#[test]
fn junit_output_is_valid_against_its_schema() {
    let out = run(&[
        "check",
        "tests/fixtures/broken",
        "examples/000_a935861ad7be96ce.claims",
        "--output-format",
        "junit",
    ]);
    assert_eq!(code(&out), 1);
    let xml = stdout(&out);
    let (_, items) = json_all(&["tests/fixtures/broken"]);
    assert_eq!(xml.matches("<failure ").count(), items.len());
    assert!(
        xml.contains("<testcase classname=\"claimls\" name=\"examples/"),
        "a clean file passes"
    );
    insta::assert_snapshot!(
        "junit_broken_head",
        xml.lines().take(6).collect::<Vec<_>>().join("\n")
    );
    if which("xmllint").is_none() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "CI must validate the JUnit output"
        );
        eprintln!("SKIP: xmllint not installed; the JUnit output was not validated");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "report.xml", &xml);
    let check = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(root().join("tests/schemas/junit.xsd"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn gitlab_output_is_valid_against_its_schema() {
    let out = run(&["check", "tests/fixtures/broken", "--format", "gitlab"]);
    assert_eq!(code(&out), 1);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schemas/gitlab-codequality.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let issues = report.as_array().unwrap();
    let (_, items) = json_all(&["tests/fixtures/broken"]);
    assert_eq!(issues.len(), items.len());
    let mut prints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    prints.sort();
    prints.dedup();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
    // Stable from run to run.
    let again = run(&["check", "tests/fixtures/broken", "--format", "gitlab"]);
    assert_eq!(stdout(&again), stdout(&out));
    insta::assert_snapshot!("gitlab_broken", stdout(&out));
}

fn which(tool: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(tool))
            .find(|p| p.is_file())
    })
}

#[test]
fn explain_prints_the_rule_from_the_format_docs() {
    let out = run(&["explain", "C011"]);
    assert_eq!(code(&out), 0);
    insta::assert_snapshot!("explain_c011", stdout(&out));
    let by_name = run(&["explain", "quote-near-miss"]);
    assert_eq!(stdout(&by_name), stdout(&out));
    let docs = std::fs::read_to_string(root().join("docs/format.md")).unwrap();
    for rule in ["C001", "C024", "C050"] {
        let out = run(&["explain", rule]);
        assert_eq!(code(&out), 0);
        let first = stdout(&out).lines().nth(4).unwrap().to_string();
        assert!(
            docs.contains(&first),
            "{rule}: `{first}` is from docs/format.md"
        );
    }
    let out = run(&["explain", "C0111"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean C011"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn rules_lists_every_code() {
    let out = run(&["rules"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    let out = run(&["rules", "--json"]);
    let rules: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(rules.len() >= 24);
    for r in &rules {
        let rule = r["code"].as_str().unwrap();
        assert!(text.contains(&format!("{rule}  {}", r["name"].as_str().unwrap())));
        let explained = run(&["explain", rule]);
        assert_eq!(code(&explained), 0, "{rule}");
    }
}

#[test]
fn init_writes_the_defaults_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("claimls.toml")).unwrap();
    assert!(text.contains("# C021 = \"warning\""));
    assert!(text.contains("proximity_paragraphs = 1"));
    // A check with it behaves as without it.
    std::fs::copy(
        root().join("examples").join(SEED_ARTICLE),
        dir.path().join(SEED_ARTICLE),
    )
    .unwrap();
    std::fs::copy(
        root().join("examples").join(EXAMPLE),
        dir.path().join(EXAMPLE),
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "."]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Never over an existing file without --force.
    std::fs::write(dir.path().join("claimls.toml"), "[rules]\nC013 = \"off\"\n").unwrap();
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claimls.toml")).unwrap(),
        "[rules]\nC013 = \"off\"\n"
    );
    let out = run_in(dir.path(), &["init", "--force"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claimls.toml")).unwrap(),
        text
    );
}

#[test]
fn completions_and_man_page_cover_the_commands() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert_eq!(code(&out), 0, "{shell}");
        let script = stdout(&out);
        for word in ["check", "explain", "fix", "stdin-filename", "allow-empty"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    if which("bash").is_some() {
        let dir = tempfile::tempdir().unwrap();
        let file = write(
            dir.path(),
            "claimls.bash",
            stdout(&run(&["completions", "bash"])),
        );
        let syntax = Command::new("bash").arg("-n").arg(&file).output().unwrap();
        assert!(
            syntax.status.success(),
            "{}",
            String::from_utf8_lossy(&syntax.stderr)
        );
    }
    let out = run(&["man"]);
    assert_eq!(code(&out), 0);
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH claimls 1"),
        "{page}"
    );
    assert!(page.contains("Exit codes"));
}

#[test]
fn pre_commit_hooks_run_as_declared() {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let entries: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("entry: "))
        .collect();
    assert_eq!(entries, ["claimls check", "claimls check --fix"]);
    assert_eq!(hooks.matches("files: \\.claims$").count(), 2);
    // pre-commit appends the staged file names to the entry.
    let dir = scratch_with_seed_article();
    broken_example(dir.path());
    for entry in entries {
        let mut args: Vec<&str> = entry.split_whitespace().skip(1).collect();
        args.push(EXAMPLE);
        let out = run_in(dir.path(), &args);
        let expected = if entry.ends_with("--fix") { 0 } else { 1 };
        assert_eq!(code(&out), expected, "{entry}: {}", stderr(&out));
    }
}

#[test]
fn the_github_action_script_checks_the_given_paths() {
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    // The script of the last step, as the runner would execute it.
    let script: String = action
        .split("      run: |\n")
        .nth(1)
        .unwrap()
        .lines()
        .map(|l| l.strip_prefix("        ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(script.contains("check --format github"), "{script}");
    let temp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(temp.path().join("claimls/bin")).unwrap();
    std::os::unix::fs::symlink(
        env!("CARGO_BIN_EXE_claimls"),
        temp.path().join("claimls/bin/claimls"),
    )
    .unwrap();
    let dir = scratch_with_seed_article();
    broken_example(dir.path());
    let run_action = |paths: &str, args: &str| {
        Command::new("bash")
            .args(["-e", "-c", &script])
            .current_dir(dir.path())
            .env("RUNNER_TEMP", temp.path())
            .env("CLAIMLS_PATHS", paths)
            .env("CLAIMLS_DENY", "error")
            .env("CLAIMLS_ARGS", args)
            .output()
            .unwrap()
    };
    let out = run_action(".", "");
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains("::error file=000_a935861ad7be96ce.claims"),
        "{}",
        stdout(&out)
    );
    // A path with a shell metacharacter is a path, never a command.
    let out = run_action("$(touch pwned)", "--allow-empty");
    assert_eq!(code(&out), 2);
    assert!(!dir.path().join("pwned").exists());
}

/// mimalloc's options are set before the first allocation (the arena it reserves then is
/// committed as used, not all at once), and a variable in the environment still wins.
#[cfg(target_os = "linux")]
#[test]
fn allocator_options_are_in_place_before_the_first_allocation() {
    let options = |env: &[(&str, &str)]| {
        let out = Command::new(env!("CARGO_BIN_EXE_claimls"))
            .arg("--version")
            .env("MIMALLOC_VERBOSE", "1")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let has = |log: &str, option: &str, value: &str| {
        log.lines().any(|l| {
            l.trim_end() == format!("option '{option}': {value}")
                || l.trim_end() == format!("option '{option}': {value} ")
        })
    };
    let default = options(&[]);
    assert!(has(&default, "arena_eager_commit", "0"), "{default}");
    assert!(has(&default, "purge_delay", "100"), "{default}");
    let set = options(&[
        ("MIMALLOC_ARENA_EAGER_COMMIT", "1"),
        ("MIMALLOC_PURGE_DELAY", "7"),
    ]);
    assert!(has(&set, "arena_eager_commit", "1"), "{set}");
    assert!(has(&set, "purge_delay", "7"), "{set}");
}
