use super::*;
use proptest::prelude::*;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

const MAX: u64 = 1 << 20;

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn replaces_keeping_mode_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.claims");
    write(&path, "old\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (bytes, stamp) = read_regular(&path, MAX).unwrap();
    assert_eq!(bytes, b"old\n");
    replace(&path, &stamp, b"new\n", MAX).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600, "a private file stays private");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["a.claims"]);
}

#[test]
fn write_file_creates_whole_files_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claimls.toml");
    write_file(&path, b"one\n", false, MAX).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\n");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode & 0o600, 0o600, "readable and writable by its owner");
    assert_eq!(
        write_file(&path, b"two\n", false, MAX),
        Err(FileError::Exists(path.clone()))
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\n");
    write_file(&path, b"two\n", true, MAX).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
    // The unsynced variant for regenerable output keeps the same rules.
    let out = dir.path().join("out.json");
    write_new(&out, b"{}", false, MAX).unwrap();
    assert_eq!(
        write_new(&out, b"[]", false, MAX),
        Err(FileError::Exists(out.clone()))
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"{}");
    std::fs::remove_file(&out).unwrap();
    // A dangling link is a name in use: never written through without --force.
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), &link).unwrap();
    assert_eq!(
        write_file(&link, b"x", false, MAX),
        Err(FileError::Exists(link.clone()))
    );
    assert!(!dir.path().join("elsewhere").exists());
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["claimls.toml", "link.toml"],
        "no temporary file left"
    );
}

#[test]
fn forced_write_of_the_same_bytes_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.json");
    write_new(&path, b"{}", false, MAX).unwrap();
    let before = std::fs::metadata(&path).unwrap();
    // Same bytes: the same inode stays (no temporary file, rename or sync).
    write_new(&path, b"{}", true, MAX).unwrap();
    write_file(&path, b"{}", true, MAX).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().ino(), before.ino());
    // Other bytes: replaced (a new inode, through `replace`).
    write_new(&path, b"[]", true, MAX).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"[]");
    assert_ne!(std::fs::metadata(&path).unwrap().ino(), before.ino());
}

#[test]
fn link_new_links_an_identical_original_and_copies_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    write(&article, "Some words.\n");
    let original = std::fs::metadata(&article).unwrap();

    // The same bytes: a hard link, no new inode.
    let linked = dir.path().join("out/a.txt");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    link_new(&article, &linked, b"Some words.\n", false, MAX).unwrap();
    let meta = std::fs::metadata(&linked).unwrap();
    assert_eq!(meta.ino(), original.ino());
    assert_eq!(std::fs::metadata(&article).unwrap().nlink(), 2);

    // Other bytes than the original's (say the article was decoded): a new file.
    let copied = dir.path().join("out/b.txt");
    link_new(&article, &copied, b"Other words.\n", false, MAX).unwrap();
    assert_ne!(std::fs::metadata(&copied).unwrap().ino(), original.ino());
    assert_eq!(std::fs::read(&copied).unwrap(), b"Other words.\n");

    // No original to link to: a new file all the same.
    let orphan = dir.path().join("out/c.txt");
    link_new(&dir.path().join("gone.txt"), &orphan, b"x", false, MAX).unwrap();
    assert_eq!(std::fs::read(&orphan).unwrap(), b"x");

    // An existing name: refused without force, and with force, left alone when it holds
    // the bytes already, else replaced (never written through into the article).
    assert_eq!(
        link_new(&article, &linked, b"Some words.\n", false, MAX),
        Err(FileError::Exists(linked.clone()))
    );
    link_new(&article, &linked, b"Some words.\n", true, MAX).unwrap();
    assert_eq!(std::fs::metadata(&linked).unwrap().ino(), original.ino());
    link_new(&article, &linked, b"Changed.\n", true, MAX).unwrap();
    assert_eq!(std::fs::read(&linked).unwrap(), b"Changed.\n");
    assert_eq!(std::fs::read(&article).unwrap(), b"Some words.\n");
    assert_eq!(std::fs::metadata(&article).unwrap().nlink(), 1);
    let mut names: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"], "no temporary file left");
}

#[test]
fn never_touches_a_stray_fmt_tmp_file_or_link() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.claims");
    let victim = dir.path().join("bashrc");
    write(&path, "old\n");
    write(&victim, "precious\n");
    std::os::unix::fs::symlink(&victim, dir.path().join("notes.claims.fmt-tmp")).unwrap();
    write(&dir.path().join(".notes.claims.claimls-tmp"), "stray\n");
    let (_, stamp) = read_regular(&path, MAX).unwrap();
    replace(&path, &stamp, b"new\n", MAX).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".notes.claims.claimls-tmp")).unwrap(),
        "stray\n"
    );
    assert!(std::fs::symlink_metadata(&path).unwrap().is_file());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
}

#[test]
fn writes_through_a_symlink_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.claims");
    let link = dir.path().join("link.claims");
    write(&real, "old\n");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (_, stamp) = read_regular(&link, MAX).unwrap();
    replace(&link, &stamp, b"new\n", MAX).unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "new\n");
}

#[test]
fn refuses_read_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.claims");
    write(&path, "old\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (_, stamp) = read_regular(&path, MAX).unwrap();
    assert_eq!(
        replace(&path, &stamp, b"new\n", MAX),
        Err(FileError::ReadOnly(path.clone()))
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
}

#[test]
fn writes_nothing_over_a_file_changed_since_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.claims");
    write(&path, "one\n");
    let (_, stamp) = read_regular(&path, MAX).unwrap();
    // Same size, so only the content (and maybe the time) tells.
    write(&path, "two\n");
    assert_eq!(
        replace(&path, &stamp, b"new\n", MAX),
        Err(FileError::Changed(path.clone()))
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
    let (_, stamp) = read_regular(&path, MAX).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(b"appended\n")
        .unwrap();
    assert_eq!(
        replace(&path, &stamp, b"new\n", MAX),
        Err(FileError::Changed(path.clone()))
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\nappended\n");
}

#[test]
fn reports_split_hard_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.claims");
    let other = dir.path().join("b.claims");
    write(&path, "old\n");
    std::fs::hard_link(&path, &other).unwrap();
    let (_, stamp) = read_regular(&path, MAX).unwrap();
    let done = replace(&path, &stamp, b"new\n", MAX).unwrap();
    assert_eq!(done.split_links, 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "old\n");
    assert_eq!(std::fs::metadata(&other).unwrap().nlink(), 1);
}

#[test]
fn refuses_fifos_devices_system_files_and_large_files() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.claims");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    assert_eq!(
        read_regular(&fifo, MAX).map(|_| ()),
        Err(FileError::NotAFile(fifo.clone()))
    );
    let zero = dir.path().join("zero.claims");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    assert_eq!(
        read_regular(&zero, MAX).map(|_| ()),
        Err(FileError::SystemPath(zero.clone()))
    );
    let status = Path::new("/proc/self/status");
    assert_eq!(
        read_regular(status, MAX).map(|_| ()),
        Err(FileError::SystemPath(status.to_path_buf()))
    );
    assert!(matches!(
        read_regular(dir.path(), MAX),
        Err(FileError::NotAFile(_))
    ));
    let big = dir.path().join("big.claims");
    write(&big, "0123456789");
    assert!(matches!(
        read_regular(&big, 5),
        Err(FileError::TooLarge { bytes: 10, .. })
    ));
}

#[test]
fn confine_resolves_links_and_dot_dot() {
    let dir = tempfile::tempdir().unwrap();
    let root = normalize(dir.path()).join("repo");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    write(&root.join("a.txt"), "x");
    write(&dir.path().join("secret.env"), "x");
    std::os::unix::fs::symlink(dir.path().join("secret.env"), root.join("link.txt")).unwrap();
    let roots = std::slice::from_ref(&root);
    assert_eq!(
        confine(&root.join("sub/../a.txt"), roots),
        Ok(root.join("a.txt"))
    );
    assert_eq!(
        confine(&root.join("sub/../../secret.env"), roots),
        Err(Refused::OutsideRoots)
    );
    assert_eq!(
        confine(&root.join("link.txt"), roots),
        Err(Refused::OutsideRoots),
        "a link out of the root is followed"
    );
    assert_eq!(
        confine(Path::new("/proc/self/status"), &[PathBuf::from("/")]),
        Err(Refused::System)
    );
    assert_eq!(
        confine(&root.join("a.txt"), &[]),
        Err(Refused::OutsideRoots)
    );
}

#[test]
fn resolve_in_gives_what_normalize_gives_and_read_resolved_reads_alike() {
    let dir = tempfile::tempdir().unwrap();
    let base = normalize(dir.path());
    let folder = dir.path().join("folder");
    std::fs::create_dir_all(folder.join("sub")).unwrap();
    write(&folder.join("a.claims"), "text");
    write(&dir.path().join("elsewhere.txt"), "away");
    std::os::unix::fs::symlink(dir.path().join("elsewhere.txt"), folder.join("link.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.txt")).unwrap();
    let resolved_folder = normalize(&folder);
    for name in [
        "a.claims",
        "link.txt",
        "zero.txt",
        "missing.txt",
        "sub",
        "sub/..",
        ".",
    ] {
        let path = folder.join(name);
        let parent = normalize(path.parent().unwrap());
        assert_eq!(resolve_in(&parent, &path), normalize(&path), "{name}");
    }
    // A link is followed: its target, not the folder joined with its name.
    assert_eq!(
        resolve_in(&resolved_folder, &folder.join("link.txt")),
        base.join("elsewhere.txt")
    );
    // The same bytes, stamp and refusals as `read_regular`.
    for name in ["a.claims", "link.txt", "zero.txt", "missing.txt", "sub"] {
        let path = folder.join(name);
        let real = resolve_in(&resolved_folder, &path);
        assert_eq!(
            read_resolved(&path, &real, MAX),
            read_regular(&path, MAX),
            "{name}"
        );
        assert_eq!(
            read_resolved_bytes(&path, &real, MAX),
            read_regular(&path, MAX).map(|(bytes, _)| bytes),
            "{name}"
        );
    }
    // Resolved roots are not resolved again: the same answers as `confine`.
    let roots = [resolved_folder.clone()];
    for name in ["a.claims", "link.txt", "zero.txt", "sub/.."] {
        let path = folder.join(name);
        assert_eq!(
            confine_resolved(resolve_in(&resolved_folder, &path), &roots),
            confine(&path, std::slice::from_ref(&folder)),
            "{name}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever the old and new contents and mode, the file ends with the new contents and
    /// the old mode, and the directory holds nothing else.
    #[test]
    fn replace_keeps_mode_and_writes_exactly(
        old in proptest::collection::vec(any::<u8>(), 0..300),
        new in proptest::collection::vec(any::<u8>(), 0..300),
        mode in prop_oneof![Just(0o600u32), Just(0o640), Just(0o644), Just(0o664), Just(0o700)],
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.claims");
        std::fs::write(&path, &old).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        let (bytes, stamp) = read_regular(&path, MAX).unwrap();
        prop_assert_eq!(&bytes, &old);
        replace(&path, &stamp, &new, MAX).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), new);
        prop_assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777, mode);
        prop_assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A path built from names, `.` and `..` is accepted exactly when its lexical resolution
    /// stays under the root.
    #[test]
    fn confine_matches_lexical_resolution(
        parts in proptest::collection::vec(prop_oneof![Just(".."), Just("."), Just("a"), Just("b")], 0..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let base = normalize(dir.path());
        let root = base.join("r");
        std::fs::create_dir_all(root.join("a/b/a/b")).unwrap();
        let mut path = root.clone();
        let mut depth: i64 = 0;
        let mut escaped = false;
        for p in &parts {
            path.push(p);
            match *p {
                ".." => depth -= 1,
                "." => {}
                _ => depth += 1,
            }
            escaped |= depth < 0;
        }
        path.push("f.txt");
        let got = confine(&path, std::slice::from_ref(&root));
        // A directory that does not exist stops resolution: `..` then stays lexical.
        let inside = !escaped;
        prop_assert_eq!(got.is_ok(), inside, "{:?} -> {:?}", path, got);
    }
}
