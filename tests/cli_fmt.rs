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

// The hostile-input catalogue of `claimls fmt` (issue 10, items 1–3).

/// Runs `claimls ARGS` in `dir`, killing it after 20 s (a hang is a failure, not a stuck
/// test run); returns the exit code and stderr.
fn claimls_bounded(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimls"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run claimls");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            return (status.code().unwrap_or(-1), err);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("claimls {args:?} still running after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

const MESSY: &str = "claim a\n     source: X\n  quote: y\n";
const TIDY: &str = "claim a\n  source: X\n  quote: y\n";

#[test]
fn fmt_never_follows_a_planted_fmt_tmp_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("bashrc");
    std::fs::write(&victim, "precious\n").unwrap();
    std::fs::write(dir.path().join("notes.claims"), MESSY).unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join("notes.claims.fmt-tmp")).unwrap();
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "notes.claims"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    let meta = std::fs::symlink_metadata(dir.path().join("notes.claims")).unwrap();
    assert!(meta.is_file(), "still a regular file, not a link");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.claims")).unwrap(),
        TIDY
    );
    assert!(
        std::fs::symlink_metadata(dir.path().join("notes.claims.fmt-tmp"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn fmt_never_consumes_a_stray_fmt_tmp_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.claims"), MESSY).unwrap();
    std::fs::write(dir.path().join("notes.claims.fmt-tmp"), "mine\n").unwrap();
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "notes.claims"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.claims.fmt-tmp")).unwrap(),
        "mine\n"
    );
}

#[test]
fn fmt_refuses_a_fifo_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.claims");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "pipe.claims"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn fmt_refuses_a_link_to_the_zero_device() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.claims")).unwrap();
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "zero.claims"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("system file"), "{err}");
}

#[test]
fn fmt_refuses_a_file_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = std::fs::File::create(dir.path().join("big.claims")).unwrap();
    big.set_len(65 << 20).unwrap(); // sparse: costs no disk
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "big.claims"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("too large"), "{err}");
}

#[test]
fn fmt_keeps_a_private_file_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.claims");
    std::fs::write(&path, MESSY).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "a.claims"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), TIDY);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600);
}

#[test]
fn fmt_refuses_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.claims");
    std::fs::write(&path, MESSY).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "a.claims"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), MESSY);
}

#[test]
fn fmt_writes_through_a_symlinked_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("store")).unwrap();
    let real = dir.path().join("store/a.claims");
    std::fs::write(&real, MESSY).unwrap();
    std::os::unix::fs::symlink(&real, dir.path().join("a.claims")).unwrap();
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "a.claims"]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::symlink_metadata(dir.path().join("a.claims"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), TIDY);
}

#[test]
fn fmt_warns_that_hard_links_are_split() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.claims");
    std::fs::write(&path, MESSY).unwrap();
    std::fs::hard_link(&path, dir.path().join("copy.txt")).unwrap();
    let (code, err) = claimls_bounded(dir.path(), &["fmt", "a.claims"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 other hard link"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("copy.txt")).unwrap(),
        MESSY
    );
}
