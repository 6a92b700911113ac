//! `claimls report` through the built binary: pages, index, paths printed, exit codes.

use std::path::Path;
use std::process::Command;

fn claimls(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimls"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run claimls");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn example_into(dir: &Path, name: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let claims =
        std::fs::read_to_string(root.join("examples/000_a935861ad7be96ce.claims")).unwrap();
    std::fs::write(
        dir.join(format!("{name}.claims")),
        claims.replace(
            "article: 000_a935861ad7be96ce.txt",
            &format!("article: {name}.txt"),
        ),
    )
    .unwrap();
    std::fs::copy(
        root.join("examples/000_a935861ad7be96ce.txt"),
        dir.join(format!("{name}.txt")),
    )
    .unwrap();
}

#[test]
fn report_of_a_directory_writes_a_page_per_annotation_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    example_into(&corpus, "first");
    example_into(&corpus.join("sub"), "second");
    // One with a broken quote: still reported, exit code still 0.
    std::fs::write(
        corpus.join("broken.claims"),
        "article: first.txt\n\nclaim x\n  source: nobody\n  quote: words the article never printed at all\n",
    )
    .unwrap();
    let (code, out, err) = claimls(dir.path(), &["report", "corpus", "-o", "site"]);
    assert_eq!(code, 0, "{err}");
    let written: Vec<&str> = out.lines().collect();
    assert_eq!(
        written,
        vec![
            "site/index.html",
            "site/broken.html",
            "site/first.html",
            "site/sub/second.html"
        ],
        "{err}"
    );
    assert!(err.contains("wrote 4 pages to site"), "{err}");
    let index = std::fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    for href in ["broken.html", "first.html", "sub/second.html"] {
        assert!(index.contains(&format!("href=\"{href}\"")), "{index}");
    }
    let page = std::fs::read_to_string(dir.path().join("site/sub/second.html")).unwrap();
    assert!(page.contains("class=\"hl "), "no highlight");
    assert!(page.contains("<svg class=\"graph\""));
    let broken = std::fs::read_to_string(dir.path().join("site/broken.html")).unwrap();
    assert!(broken.contains("C010"), "the finding is on the page");
    assert!(broken.contains("not in the article"));

    // Running again replaces the pages.
    let (code, _, err) = claimls(dir.path(), &["report", "corpus", "-o", "site"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn report_of_one_file_writes_one_page_without_index() {
    let dir = tempfile::tempdir().unwrap();
    example_into(dir.path(), "one");
    let (code, out, err) = claimls(dir.path(), &["report", "one.claims", "-o", "out"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "out/one.html");
    assert!(!dir.path().join("out/index.html").exists());
}

#[test]
fn report_needs_an_output_folder_and_existing_paths() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = claimls(dir.path(), &["report", "."]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--output"), "{err}");
    let (code, _, err) = claimls(dir.path(), &["report", "missing.claims", "-o", "out"]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
}

#[cfg(unix)]
#[test]
fn report_never_writes_through_a_planted_symlink() {
    let dir = tempfile::tempdir().unwrap();
    example_into(dir.path(), "one");
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join("out/one.html")).unwrap();
    let (code, _, err) = claimls(dir.path(), &["report", "one.claims", "-o", "out"]);
    assert!(
        std::fs::read_to_string(&victim).unwrap() == "keep me",
        "the link was followed"
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
}
