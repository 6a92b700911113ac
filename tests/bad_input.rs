//! The bad-input catalogue: every kind of broken, odd or hostile input gets a diagnostic and
//! an exit code of 0 or 1, never a crash. Small inputs are committed under
//! `tests/bad-input/`; byte-exact and big ones are made in a scratch directory.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

type Position = (u64, u64, u64, u64);

/// The seed annotation (clean against the seed article).
fn example() -> String {
    std::fs::read_to_string(root().join("examples/000_a935861ad7be96ce.claims")).unwrap()
}

/// Checks `name` in `dir` as JSON, asserting a normal exit; returns the exit code and findings.
fn check(dir: &Path, name: &str) -> (i32, Vec<Value>) {
    let out = run_in(dir, &["check", "--format", "json", name]);
    let code = assert_checked(&out);
    let items: Vec<Value> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&out), stderr(&out)));
    // The other formats survive the same input.
    for format in ["human", "sarif", "github"] {
        let other = run_in(
            dir,
            &["check", "--format", format, "--color", "never", name],
        );
        assert_eq!(common::code(&other), code, "{format}: {}", stderr(&other));
    }
    // Bad input in small annotations of the seed article: its unannotated statements
    // (C050, an info) are not what these tests look at.
    let items = items.into_iter().filter(|d| d["code"] != "C050").collect();
    (code, items)
}

fn messages(items: &[Value]) -> String {
    items
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn half_typed_lines() {
    let dir = root().join("tests/bad-input");
    let (code, items) = check(&dir, "half-typed.claims");
    assert_eq!(code, 1);
    let found: Vec<(String, u64)> = items
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    for expected in [
        ("C001", 3),  // `date: 2020-10-0`
        ("C001", 4),  // `publ`
        ("C003", 6),  // `actor` without a name
        ("C045", 9),  // `kind: gov`
        ("C001", 11), // `claim` without an id
        ("C041", 17), // `disputes: moscow-`
        ("C001", 20), // `sou`
        ("C001", 23), // `cla`
        ("C040", 24), // the id again
        ("C001", 27), // `st`
    ] {
        assert!(
            found.contains(&(expected.0.to_string(), expected.1)),
            "{expected:?} missing in\n{}",
            messages(&items)
        );
    }
    let cla = items.iter().find(|d| d["line"] == 23).unwrap();
    assert!(cla["message"]
        .as_str()
        .unwrap()
        .contains("did you mean `claim`"));
}

#[test]
fn crlf_line_endings() {
    let dir = scratch_with_seed_article();
    write(dir.path(), "clean.claims", example().replace('\n', "\r\n"));
    let (code, items) = check(dir.path(), "clean.claims");
    assert_eq!(code, 0, "{}", messages(&items));
    assert!(!items
        .iter()
        .any(|d| d["severity"] == "error" || d["severity"] == "warning"));

    // Same positions as with LF.
    let broken = broken_claims();
    write(dir.path(), "lf.claims", &broken);
    write(dir.path(), "crlf.claims", broken.replace('\n', "\r\n"));
    let (_, lf) = check(dir.path(), "lf.claims");
    let (_, crlf) = check(dir.path(), "crlf.claims");
    assert_eq!(codes(&lf), codes(&crlf));
    for (a, b) in lf.iter().zip(&crlf) {
        assert_eq!(position(a), position(b), "{a} vs {b}");
    }

    // A CRLF article.
    let article = std::fs::read_to_string(dir.path().join(SEED_ARTICLE)).unwrap();
    write(
        dir.path(),
        "crlf-article.txt",
        article.replace('\n', "\r\n"),
    );
    write(
        dir.path(),
        "crlf-article.claims",
        example().replace(
            &format!("article: {SEED_ARTICLE}"),
            "article: crlf-article.txt",
        ),
    );
    let (code, items) = check(dir.path(), "crlf-article.claims");
    assert_eq!(code, 0, "{}", messages(&items));
}

#[test]
fn byte_order_mark() {
    let dir = scratch_with_seed_article();
    write(dir.path(), "clean.claims", format!("\u{feff}{}", example()));
    let (code, items) = check(dir.path(), "clean.claims");
    assert_eq!(code, 0, "{}", messages(&items));

    // A finding on line 1: the mark is not a column.
    write(
        dir.path(),
        "bom.claims",
        format!("\u{feff}date: 2020-10-01\narticle: {SEED_ARTICLE}\n"),
    );
    let (code, items) = check(dir.path(), "bom.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C030"]);
    assert_eq!(position(&items[0]), (1, 7, 1, 17));
    assert_eq!(
        position(&items[0]["related"][0]),
        (1, 7, 1, 17),
        "the article's date"
    );

    // An article with a mark: its date is still found, its columns still count from 1.
    let article = std::fs::read_to_string(dir.path().join(SEED_ARTICLE)).unwrap();
    write(dir.path(), "bom-article.txt", format!("\u{feff}{article}"));
    write(
        dir.path(),
        "bom-article.claims",
        "date: 2020-10-03\narticle: bom-article.txt\n",
    );
    let (_, items) = check(dir.path(), "bom-article.claims");
    assert_eq!(codes(&items), ["C030"]);
    assert_eq!(position(&items[0]["related"][0]), (1, 7, 1, 17));
}

#[test]
fn tabs() {
    let dir = scratch_with_seed_article();
    write(
        dir.path(),
        "tabs.claims",
        example()
            .replace("\n  ", "\n\t")
            .replace("\n    ", "\n\t\t"),
    );
    let (code, items) = check(dir.path(), "tabs.claims");
    assert_eq!(code, 0, "{}", messages(&items));

    // A tab counts as one column.
    write(
        dir.path(),
        "tab-col.claims",
        format!("article: {SEED_ARTICLE}\n\nclaim x\n\tsource:\tPentagon\n\tquote:\tMacron subsequently said\n"),
    );
    let (code, items) = check(dir.path(), "tab-col.claims");
    assert_eq!(code, 1);
    let d = find(&items, "C020");
    assert_eq!(position(d), (4, 10, 4, 18));
}

#[test]
fn invalid_utf8_in_the_annotation() {
    let dir = scratch_with_seed_article();
    let mut bytes = broken_claims().into_bytes();
    // A bad byte in the comment on line 2, and a truncated sequence at the very end.
    let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 3;
    bytes.insert(at, 0xff);
    bytes.extend_from_slice(b"# end \xe2\x82");
    write(dir.path(), "latin1.claims", bytes);
    let (code, items) = check(dir.path(), "latin1.claims");
    assert_eq!(code, 1);
    let d = &items[0];
    assert_eq!(d["code"], "C001");
    let msg = d["message"].as_str().unwrap();
    assert!(
        msg.contains("not valid UTF-8") && msg.contains("re-save it as UTF-8"),
        "{msg}"
    );
    assert!(
        msg.contains("line 2") && msg.contains("1 more place"),
        "{msg}"
    );
    assert_eq!(position(d), (2, 3, 2, 4));
    // The rest is still checked.
    for code in ["C030", "C011", "C010", "C040"] {
        assert!(codes(&items).contains(&code.to_string()), "{code}");
    }
}

#[test]
fn invalid_utf8_in_the_article() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        b"date 2020-10-02 Headline\n\nGood text.\n\nCaf\xe9 au lait.\n",
    );
    write(
        dir.path(),
        "a.claims",
        "claim x\n  source: unnamed\n  quote: Good text\n",
    );
    let (code, items) = check(dir.path(), "a.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C031"]);
    let msg = items[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("not valid UTF-8 (line 5, byte offset 41)"),
        "{msg}"
    );
}

#[test]
fn empty_annotation() {
    let dir = scratch_with_seed_article();
    write(dir.path(), "000_a935861ad7be96ce.claims", "");
    let (code, items) = check(dir.path(), "000_a935861ad7be96ce.claims");
    assert_eq!(
        code,
        1,
        "an empty annotation is reported: {}",
        messages(&items)
    );
    assert_eq!(codes(&items), ["C003"]);
    assert!(items[0]["message"]
        .as_str()
        .unwrap()
        .contains("empty annotation"));
    assert_eq!(position(&items[0]), (1, 1, 1, 1));
    // Without its article, an empty file still gets C031 at 1:1.
    write(dir.path(), "lonely.claims", "");
    let (code, items) = check(dir.path(), "lonely.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C003", "C031"]);
    assert_eq!(position(&items[1]), (1, 1, 1, 1));
    // Only blank lines and comments.
    write(dir.path(), "blank.claims", "\n\n   \n# nothing yet\n\t\n");
    let (code, items) = check(dir.path(), "blank.claims");
    assert_eq!(
        (code, codes(&items)),
        (1, vec!["C031".to_string()]),
        "comments are not empty"
    );
}

#[test]
fn empty_article() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "\u{feff}\n  \n");
    write(
        dir.path(),
        "a.claims",
        "claim x\n  source: unnamed\n  quote: y\n",
    );
    let (code, items) = check(dir.path(), "a.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C031"]);
    assert!(items[0]["message"].as_str().unwrap().contains("is empty"));
}

#[test]
fn binary_article() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    write(
        dir.path(),
        "a.claims",
        "article: a.txt\nclaim x\n  source: unnamed\n  quote: y\n",
    );
    let (code, items) = check(dir.path(), "a.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C031"]);
    assert_eq!(position(&items[0]), (1, 10, 1, 15));
    assert!(items[0]["message"].as_str().unwrap().contains("binary"));
}

#[test]
fn article_is_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(
        dir.path(),
        "a.claims",
        "article: sub\nclaim x\n  source: unnamed\n  quote: y\n",
    );
    let (code, items) = check(dir.path(), "a.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C031"]);
    assert!(items[0]["message"].as_str().unwrap().contains("not a file"));
}

#[test]
fn article_of_20_mb_is_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "The minister said the talks would resume on Monday. ".repeat(40) + "\n\n";
    let mut text = String::from("date 2020-10-02 A very long article\n\n");
    while text.len() < 20 << 20 {
        text.push_str(&paragraph);
    }
    write(dir.path(), "big.txt", &text);
    write(
        dir.path(),
        "big.claims",
        "article: big.txt\n\nclaim x\n  source: The minister\n  quote: the talks would resume on Monday\n",
    );
    let (code, items) = check(dir.path(), "big.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C031"]);
    let msg = items[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("too large") && msg.contains("the limit is 16.0 MiB"),
        "{msg}"
    );
    assert_eq!(position(&items[0]), (1, 10, 1, 17));

    // The limit comes from claimls.toml (a small one here: indexing 20 MB is slow in a
    // debug build).
    write(
        dir.path(),
        "small.txt",
        "date 2020-10-02 Headline\n\nThe minister said the talks would resume on Monday.\n",
    );
    write(
        dir.path(),
        "small.claims",
        "article: small.txt\n\nclaim x\n  source: The minister\n  quote: the talks would resume on Monday\n",
    );
    assert_eq!(check(dir.path(), "small.claims"), (0, vec![]));
    write(
        dir.path(),
        "claimls.toml",
        "[checks]\nmax_article_bytes = 50\n",
    );
    let (code, items) = check(dir.path(), "small.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C031"]);
    assert!(items[0]["message"].as_str().unwrap().contains("too large"));
}

#[test]
fn annotation_over_64_mib_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.claims");
    // Sparse: takes no disk space and no time to write.
    std::fs::File::create(&path)
        .unwrap()
        .set_len((64 << 20) + 1)
        .unwrap();
    let (code, items) = check(dir.path(), "huge.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C001"]);
    let msg = items[0]["message"].as_str().unwrap();
    assert!(msg.contains("too large") && msg.contains("64 MiB"), "{msg}");
}

#[test]
fn nul_bytes_and_terminal_escapes_in_the_annotation() {
    let dir = scratch_with_seed_article();
    write(
        dir.path(),
        "esc.claims",
        format!("article: {SEED_ARTICLE}\n\nclaim x\n  source: unnamed\n  quote: Moscow \u{1b}[31mwas\0 concerned\u{7}\n"),
    );
    let (code, _) = check(dir.path(), "esc.claims");
    assert_eq!(code, 1);
    let out = run_in(dir.path(), &["check", "--color", "never", "esc.claims"]);
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\0') && !text.contains('\u{7}'),
        "{text:?}"
    );
}

#[test]
fn lone_carriage_returns_and_odd_line_ends() {
    let dir = scratch_with_seed_article();
    write(dir.path(), "cr.claims", example().replace('\n', "\r"));
    let (code, items) = check(dir.path(), "cr.claims");
    assert_eq!(
        (code, items.len()),
        (0, 0),
        "old Mac line ends are line ends: {}",
        messages(&items)
    );
    // LF, CRLF and CR in one file: the same findings on the same lines.
    let broken = broken_claims();
    write(dir.path(), "lf.claims", &broken);
    let lines: Vec<&str> = broken.lines().collect();
    let mixed: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // A lone CR before an empty line would read as CRLF: one break, not two.
            let next_empty = lines.get(i + 1).is_none_or(|n| n.is_empty());
            let end = match i % 3 {
                0 => "\n",
                1 => "\r\n",
                _ if next_empty => "\n",
                _ => "\r",
            };
            format!("{l}{end}")
        })
        .collect();
    write(dir.path(), "mixed.claims", mixed);
    let (_, lf) = check(dir.path(), "lf.claims");
    let (_, mixed) = check(dir.path(), "mixed.claims");
    assert_eq!(codes(&lf), codes(&mixed));
    let lines = |items: &[Value]| items.iter().map(position).collect::<Vec<_>>();
    assert_eq!(lines(&lf), lines(&mixed));
    write(
        dir.path(),
        "no-final-newline.claims",
        format!("article: {SEED_ARTICLE}\nclaim x\n  source: Macron\n  quote: Macron"),
    );
    let (code, items) = check(dir.path(), "no-final-newline.claims");
    assert_eq!(code, 0, "{}", messages(&items));
}

/// Cyrillic, Armenian and Arabic names and quotes; an emoji and U+2028 in the article.
/// Columns count characters, so every position below is exact.
#[test]
fn non_latin_names_emoji_and_line_separator() {
    let dir = root().join("tests/bad-input");
    let (code, items) = check(&dir, "unicode.claims");
    assert_eq!(code, 1);
    let article = "unicode.txt";
    let summary: Vec<(&str, Position)> = items
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), position(d)))
        .collect();
    assert_eq!(
        summary,
        [
            ("C011", (16, 10, 16, 26)), // Мы готова помочь
            ("C020", (19, 11, 19, 23)), // Сергей Шойгу
            ("C044", (20, 10, 20, 32)),
            ("C023", (39, 16, 39, 23)), // Reuters, after `Лавров, `
            ("C011", (41, 10, 41, 44)), // Mondey
            ("C011", (46, 10, 46, 22)), // ممكنة
        ],
        "{}",
        messages(&items)
    );
    let related = |i: usize| {
        let r = &items[i]["related"][0];
        assert_eq!(r["file"], article);
        position(r)
    };
    // After 75 characters of Cyrillic text, an emoji and `«`.
    assert_eq!(related(0), (3, 76, 3, 92));
    // After `The spokesman said`, U+2028 (not a line break), ` that `, an emoji and a space.
    assert_eq!(related(4), (9, 28, 9, 62));
    // Arabic, right to left in display but counted in logical order.
    assert_eq!(related(5), (7, 43, 7, 54));
    assert_eq!(
        items[0]["fix"]["edits"][0]["replacement"], "Мы готовы помочь",
        "the fix carries the article's text"
    );
    // Armenian and Arabic claims with their cues are clean.
    for line in [23, 28] {
        assert!(
            !items.iter().any(|d| d["line"] == line),
            "line {line}: {}",
            messages(&items)
        );
    }

    // The human output shows the same positions.
    let out = run_in(&dir, &["check", "--color", "never", "unicode.claims"]);
    let text = stdout(&out);
    assert!(text.contains("::: unicode.txt:3:76"), "{text}");
    assert!(text.contains("::: unicode.txt:9:28"), "{text}");
    assert!(
        !text.contains('\u{2028}'),
        "U+2028 is shown as a visible mark"
    );
}

// Secrets must not leak through `claimls check` (issue 10, item 4): articles are confined to
// the repository root and `[articles] allowed_roots`, system files are never read.

/// A repository (`repo/.git`) beside a folder of secrets, with an annotation that quotes the
/// secret file as its article. Returns the scratch directory.
fn repo_beside_secrets(article: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("repo/.git")).unwrap();
    write(
        dir.path(),
        "secret/creds.env",
        "date 2020-01-01 Credentials\n\nAWS_TOKEN=hunter2secret said the runner.\n",
    );
    write(
        dir.path(),
        "repo/a.claims",
        format!("article: {article}\n\nclaim leak\n  source: runner\n  cue: said\n  quote: AWS_TOKEN=hunter2secrex\n"),
    );
    dir
}

fn assert_no_secret(dir: &Path, name: &str) {
    for format in ["human", "json", "sarif", "github"] {
        let out = run_in(
            dir,
            &["check", "--format", format, "--color", "never", name],
        );
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(
            !all.contains("hunter2"),
            "{format} leaks the secret:\n{all}"
        );
    }
}

#[test]
fn article_outside_the_repository_is_refused_unread() {
    let dir = repo_beside_secrets("../secret/creds.env");
    let repo = dir.path().join("repo");
    let (code, items) = check(&repo, "a.claims");
    assert_eq!(code, 1);
    assert_eq!(codes(&items), ["C031"], "{}", messages(&items));
    let msg = items[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("outside the repository root") && msg.contains("allowed_roots"),
        "{msg}"
    );
    assert_no_secret(&repo, "a.claims");
}

#[test]
fn a_symlink_inside_the_repository_to_a_file_outside_is_refused() {
    let dir = repo_beside_secrets("link.txt");
    let repo = dir.path().join("repo");
    std::os::unix::fs::symlink(dir.path().join("secret/creds.env"), repo.join("link.txt")).unwrap();
    let (_, items) = check(&repo, "a.claims");
    assert_eq!(codes(&items), ["C031"], "{}", messages(&items));
    assert_no_secret(&repo, "a.claims");
}

#[test]
fn allowed_roots_in_claimls_toml_admit_an_outside_folder() {
    let dir = repo_beside_secrets("../secret/creds.env");
    let repo = dir.path().join("repo");
    write(
        &repo,
        "claimls.toml",
        "[articles]\nallowed_roots = [\"../secret\"]\n",
    );
    let (_, items) = check(&repo, "a.claims");
    assert!(
        !codes(&items).contains(&"C031".to_string()),
        "{}",
        messages(&items)
    );
    assert!(
        codes(&items).iter().any(|c| c == "C010" || c == "C011"),
        "the article was read: {}",
        messages(&items)
    );
}

#[test]
fn system_files_are_never_read_even_when_allowed() {
    for article in [
        "/proc/self/status",
        "/etc/../proc/self/environ",
        "/dev/zero",
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "claimls.toml",
            "[articles]\nallowed_roots = [\"/\"]\n",
        );
        write(
            dir.path(),
            "a.claims",
            format!("article: {article}\n\nclaim x\n  source: Name\n  quote: Name: claimls\n"),
        );
        let (code, items) = check(dir.path(), "a.claims");
        assert_eq!(code, 1);
        assert_eq!(codes(&items), ["C031"], "{article}: {}", messages(&items));
        let msg = items[0]["message"].as_str().unwrap();
        assert!(msg.contains("system file"), "{msg}");
    }
}

#[test]
fn the_password_file_is_outside_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        dir.path(),
        "a.claims",
        "article: ../../../../../../../../etc/passwd\n\nclaim x\n  source: root\n  quote: root:x:0:0:rooq\n",
    );
    let (_, items) = check(dir.path(), "a.claims");
    assert_eq!(codes(&items), ["C031"], "{}", messages(&items));
    let out = run_in(dir.path(), &["check", "--color", "never", "a.claims"]);
    assert!(!stdout(&out).contains("/bin/"), "{}", stdout(&out));
}

/// Terminal injection (issue 10, item 5): control characters from the annotation, the article
/// and file names reach the messages (C011's "should be", C020's source name); human and
/// GitHub output show them escaped, with or without colour.
#[test]
fn control_characters_in_messages_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "date 2020-01-01 Headline\n\nThe minister said the plan is \u{1b}]0;pwned\u{7}good and \u{9b}2Jsafe for everyone here.\n",
    );
    write(
        dir.path(),
        "a\u{1b}[2J.claims",
        "article: a.txt\n\nclaim x\n  source: Evil\u{1b}[31mName\n  cue: said\n  quote: the plan is \u{1b}]0;pwned\u{7}goad and \u{9b}2Jsafe for everyone here\n",
    );
    for args in [
        &["check", "--no-color", "."][..],
        &["check", "--color", "always", "."],
        &["check", "--format", "github", "."],
    ] {
        let out = run_in(dir.path(), args);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        let raw: Vec<char> = all
            .chars()
            .filter(|c| matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'))
            .collect();
        if args.contains(&"always") {
            // Colour codes are the only escape sequences: every ESC starts `ESC [ digits m`.
            assert!(
                !all.contains("\u{1b}]") && !all.contains("\u{1b}[2J") && !all.contains('\u{7}'),
                "{all:?}"
            );
        } else {
            assert!(raw.is_empty(), "{args:?}: raw {raw:?} in {all:?}");
        }
        assert!(all.contains("\\u{1b}"), "{args:?}: {all:?}");
    }
}

#[test]
fn a_claims_link_to_a_process_file_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("env.claims")).unwrap();
    let out = run_in(dir.path(), &["check", "--format", "json", "env.claims"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("system file"), "{}", stderr(&out));
    assert!(!stdout(&out).contains("PATH="), "{}", stdout(&out));
}
