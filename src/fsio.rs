//! Reading and replacing user files safely: the one place claimls opens a file it may
//! rewrite, and the one rule for which article files it may read at all.
//!
//! - [`read_regular`] opens a path without blocking (a FIFO never hangs it), refuses
//!   anything but a regular file (devices, sockets, FIFOs, directories) and system paths
//!   (`/dev`, `/proc`, `/sys`), and never reads more than the limit plus one byte.
//! - [`replace`] writes new contents over a file read with [`read_regular`]: a temporary file
//!   created exclusively with a random name in the target's directory, the original's
//!   permissions and owner applied, data synced, then renamed over the target. A symbolic
//!   link is written through to the file it names; a read-only file is refused; a file that
//!   changed on disk since it was read (size, modification time or content) is left alone.
//!   Renaming gives the file a new inode: other hard links to the old one keep the old
//!   contents ([`Replaced::split_links`] says how many).
//! - [`write_file`] writes a file a command creates (`init`, `draft -o`, exports): the
//!   data goes to an exclusive temporary file that is then linked into place only if
//!   nothing is there (never over a file or link that appeared meanwhile); with `force`, an
//!   existing file is replaced through [`replace`], or left alone when it already holds the
//!   new contents. [`link_new`] does the same as a hard link to an input file that holds
//!   exactly the data (the article beside a brat export).
//! - [`confine`] resolves a path (symbolic links, `..`) and accepts it only under one of the
//!   given roots; the CLI and the language server both decide with it.

use std::fs::{File, Metadata, OpenOptions};
use std::hash::Hasher;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

/// Directories whose files are never read, whatever the configuration says.
pub const SYSTEM_DIRS: &[&str] = &["/dev", "/proc", "/sys"];

/// What a file looked like when it was read: [`replace`] writes only over the same file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The file itself, symbolic links resolved.
    pub real: PathBuf,
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    Missing(PathBuf),
    /// A directory, FIFO, socket or device: only regular files are read or written.
    NotAFile(PathBuf),
    /// Under `/dev`, `/proc` or `/sys`.
    SystemPath(PathBuf),
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    ReadOnly(PathBuf),
    /// Changed on disk since it was read: nothing was written.
    Changed(PathBuf),
    /// The replacement could not get the original's owner: nothing was written.
    Owner {
        path: PathBuf,
        message: String,
    },
    Io {
        path: PathBuf,
        message: String,
    },
    /// [`write_file`] without `force` found a file (or link) there: nothing was written.
    Exists(PathBuf),
}

impl FileError {
    /// One line: what is wrong and what is expected.
    pub fn message(&self) -> String {
        match self {
            FileError::Missing(p) => format!("`{}` not found", p.display()),
            FileError::NotAFile(p) => format!(
                "`{}` is not a regular file (a directory, FIFO, socket or device): only regular files are read or written",
                p.display()
            ),
            FileError::SystemPath(p) => format!(
                "`{}` is a system file (under /dev, /proc or /sys): claimls never reads those",
                p.display()
            ),
            FileError::TooLarge { path, bytes, limit } => format!(
                "`{}` is too large ({bytes} bytes; the limit is {limit} bytes)",
                path.display()
            ),
            FileError::ReadOnly(p) => format!(
                "`{}` is read-only: not written (make it writable to format it)",
                p.display()
            ),
            FileError::Changed(p) => format!(
                "`{}` changed on disk while claimls was working on it: nothing written; run the command again",
                p.display()
            ),
            FileError::Owner { path, message } => format!(
                "`{}`: the rewritten file could not keep the original's owner and group ({message}): nothing written",
                path.display()
            ),
            FileError::Io { path, message } => format!("`{}`: {message}", path.display()),
            FileError::Exists(p) => format!(
                "`{}` exists: nothing written (pass --force to replace it)",
                p.display()
            ),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

fn io_error(path: &Path, e: std::io::Error) -> FileError {
    match e.kind() {
        std::io::ErrorKind::NotFound => FileError::Missing(path.to_path_buf()),
        _ => FileError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
    }
}

/// Whether `path` (already resolved) lies under `/dev`, `/proc` or `/sys`.
pub fn is_system_path(path: &Path) -> bool {
    SYSTEM_DIRS.iter().any(|d| path.starts_with(d))
}

/// Opens `path` for reading without blocking on a FIFO, and checks what it opened.
fn open_regular(path: &Path, max_bytes: u64) -> Result<(File, Metadata, PathBuf), FileError> {
    let real = std::fs::canonicalize(path).map_err(|e| io_error(path, e))?;
    open_resolved(path, real, max_bytes)
}

/// [`open_regular`] of `real`, `path` already resolved (what `canonicalize` gives).
fn open_resolved(
    path: &Path,
    real: PathBuf,
    max_bytes: u64,
) -> Result<(File, Metadata, PathBuf), FileError> {
    if is_system_path(&real) {
        return Err(FileError::SystemPath(path.to_path_buf()));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO opened for reading waits for a writer; non-blocking, it opens at once
        // and the metadata check below refuses it.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(&real).map_err(|e| io_error(path, e))?;
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    if !meta.is_file() {
        return Err(FileError::NotAFile(path.to_path_buf()));
    }
    if meta.len() > max_bytes {
        return Err(FileError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
            limit: max_bytes,
        });
    }
    Ok((file, meta, real))
}

fn read_limited(
    path: &Path,
    file: File,
    meta: &Metadata,
    max_bytes: u64,
) -> Result<Vec<u8>, FileError> {
    let mut bytes = Vec::with_capacity(meta.len().min(max_bytes) as usize);
    // `take` guards against a file that grows between the size check and the read.
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(FileError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// Reads the regular file at `path` (at most `max_bytes`), with the stamp [`replace`] needs.
pub fn read_regular(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, Stamp), FileError> {
    let real = std::fs::canonicalize(path).map_err(|e| io_error(path, e))?;
    read_resolved(path, &real, max_bytes)
}

/// [`read_regular`] of `path` whose resolved form `real` is already known (from
/// [`resolve_in`] or [`confine`]): the same checks and the same stamp, without resolving
/// the path again (a system call per component). `path` names the file in errors.
pub fn read_resolved(
    path: &Path,
    real: &Path,
    max_bytes: u64,
) -> Result<(Vec<u8>, Stamp), FileError> {
    let (file, meta, real) = open_resolved(path, real.to_path_buf(), max_bytes)?;
    let bytes = read_limited(path, file, &meta, max_bytes)?;
    let stamp = Stamp {
        real,
        len: bytes.len() as u64,
        modified: meta.modified().ok(),
        hash: hash(&bytes),
    };
    Ok((bytes, stamp))
}

/// [`read_resolved`] without the stamp, for a file that is only read (an article): the
/// same checks, without hashing the bytes.
pub fn read_resolved_bytes(path: &Path, real: &Path, max_bytes: u64) -> Result<Vec<u8>, FileError> {
    let (file, meta, _) = open_resolved(path, real.to_path_buf(), max_bytes)?;
    read_limited(path, file, &meta, max_bytes)
}

/// What [`replace`] did besides writing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replaced {
    /// Other hard links of the old file: they keep the old contents.
    pub split_links: u64,
}

/// Replaces the file read as `stamp` with `data`, or writes nothing (see the module docs).
/// `path` is the name the user gave, for messages.
pub fn replace(
    path: &Path,
    stamp: &Stamp,
    data: &[u8],
    max_bytes: u64,
) -> Result<Replaced, FileError> {
    let real = &stamp.real;
    let unchanged = |expect_open: bool| -> Result<Metadata, FileError> {
        let (file, meta, now_real) = open_regular(real, max_bytes).map_err(|e| match e {
            FileError::TooLarge { .. } => FileError::Changed(path.to_path_buf()),
            FileError::Missing(_) if expect_open => FileError::Changed(path.to_path_buf()),
            other => other,
        })?;
        let same = now_real == *real
            && meta.len() == stamp.len
            && meta.modified().ok() == stamp.modified
            && read_limited(real, file, &meta, max_bytes).map(|b| hash(&b)) == Ok(stamp.hash);
        if same {
            Ok(meta)
        } else {
            Err(FileError::Changed(path.to_path_buf()))
        }
    };
    let meta = unchanged(true)?;
    if meta.permissions().readonly() {
        return Err(FileError::ReadOnly(path.to_path_buf()));
    }
    // Write permission on the file itself (a rename only needs the directory's).
    if let Err(e) = OpenOptions::new().write(true).open(real) {
        return Err(match e.kind() {
            std::io::ErrorKind::PermissionDenied => FileError::ReadOnly(path.to_path_buf()),
            _ => io_error(path, e),
        });
    }
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let io = |e: std::io::Error| io_error(path, e);
    // O_EXCL with a random name: an existing file or symbolic link is never opened.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".claimls-tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    keep_owner(tmp.as_file(), &meta).map_err(|e| FileError::Owner {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    tmp.as_file()
        .set_permissions(meta.permissions())
        .map_err(io)?;
    tmp.write_all(data).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    // Last look before the rename: another writer may have appended meanwhile.
    unchanged(true)?;
    tmp.persist(real).map_err(|e| io(e.error))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(Replaced {
        split_links: links(&meta).saturating_sub(1),
    })
}

/// Writes `data` to `path`, which must not exist unless `force` (then [`replace`] writes
/// over it, with its checks; a file that already holds `data` is left as it is). A new file appears whole or not at all, with the usual
/// permissions (0666 less the umask), synced: for files a person wrote or will edit
/// (`init`, `draft -o`).
pub fn write_file(
    path: &Path,
    data: &[u8],
    force: bool,
    max_bytes: u64,
) -> Result<Replaced, FileError> {
    create(path, data, force, max_bytes, true)
}

/// [`write_file`] without syncing a new file: for output that can be made again
/// (exports, imports, reports), where a sync per file made writing thousands of them ten
/// times slower. A crash can lose a new file, never damage an existing one (replacing one
/// still syncs, through [`replace`]).
pub fn write_new(path: &Path, data: &[u8], force: bool, max_bytes: u64) -> Result<(), FileError> {
    create(path, data, force, max_bytes, false).map(|_| ())
}

/// Puts `data` at the new name `path` as [`write_new`] does, but as a hard link to the
/// regular file `original` when that file holds exactly `data` (checked by reading it;
/// once linked, the new name must be that same file, its size and modification time
/// unchanged since the read): no new inode, no copy. For output that repeats an
/// input unchanged (the article beside a brat export). Falls back to writing a new file
/// when a link cannot be made (another file system, no permission, a file system without
/// hard links) or `original` differs from `data`. Both names are then one file: an edit
/// made in place through either shows in both (an editor that saves by renaming, as
/// [`replace`] does, splits them). With `force`, an existing `path` is handled as by
/// [`write_new`] (left alone when it already holds `data`).
pub fn link_new(
    original: &Path,
    path: &Path,
    data: &[u8],
    force: bool,
    max_bytes: u64,
) -> Result<(), FileError> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => return create(path, data, force, max_bytes, false).map(|_| ()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error(path, e)),
    }
    if is_system_path(path) {
        return Err(FileError::SystemPath(path.to_path_buf()));
    }
    if let Ok((file, meta, real)) = open_regular(original, max_bytes) {
        let same = read_limited(original, file, &meta, max_bytes).is_ok_and(|b| b == data);
        if same {
            match std::fs::hard_link(&real, path) {
                Ok(()) => {
                    if linked_unchanged(path, &meta) {
                        return Ok(());
                    }
                    // `original` changed between the read and the link: the link is not
                    // what was asked for; write the data instead.
                    let _ = std::fs::remove_file(path);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    // A file appeared meanwhile: decided as for any existing file.
                    return create(path, data, force, max_bytes, false).map(|_| ());
                }
                Err(_) => {}
            }
        }
    }
    create(path, data, force, max_bytes, false).map(|_| ())
}

/// Whether the name just linked at `path` is the file read as `read` (same file system and
/// inode) and that file is unchanged since (size and modification time, as [`replace`]
/// checks before writing).
#[cfg(unix)]
fn linked_unchanged(path: &Path, read: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).is_ok_and(|now| {
        now.dev() == read.dev()
            && now.ino() == read.ino()
            && now.len() == read.len()
            && now.modified().ok() == read.modified().ok()
    })
}

#[cfg(not(unix))]
fn linked_unchanged(_: &Path, _: &Metadata) -> bool {
    false
}

fn create(
    path: &Path,
    data: &[u8],
    force: bool,
    max_bytes: u64,
    sync: bool,
) -> Result<Replaced, FileError> {
    let io = |e: std::io::Error| io_error(path, e);
    match std::fs::symlink_metadata(path) {
        Ok(_) if force => {
            let (old, stamp) = read_regular(path, max_bytes)?;
            if old == data {
                // Already what it would become: rewriting it would only cost a new inode
                // and a sync (and break its hard links) for the same bytes.
                return Ok(Replaced::default());
            }
            return replace(path, &stamp, data, max_bytes);
        }
        Ok(_) => return Err(FileError::Exists(path.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    if is_system_path(path) {
        return Err(FileError::SystemPath(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".claimls-tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(data).map_err(io)?;
    if sync {
        tmp.as_file().sync_all().map_err(io)?;
    }
    // Linked into place only if the name is still free: a file or link created meanwhile
    // is never replaced.
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            FileError::Exists(path.to_path_buf())
        } else {
            io(e.error)
        }
    })?;
    if sync {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(Replaced::default())
}

#[cfg(unix)]
fn links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &Metadata) -> u64 {
    1
}

/// Gives `file` the owner and group of the original; a no-op when they already match.
#[cfg(unix)]
fn keep_owner(file: &File, original: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let now = file.metadata()?;
    if now.uid() == original.uid() && now.gid() == original.gid() {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()))
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) -> std::io::Result<()> {
    Ok(())
}

/// `path` with `.` and `..` resolved and symbolic links followed as far as the path
/// exists, so that two spellings of one file compare equal.
pub fn normalize(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path);
    let path = absolute.as_deref().unwrap_or(path);
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    if let (Some(parent), Some(name)) = (path.parent(), path.file_name()) {
        if let Ok(p) = std::fs::canonicalize(parent) {
            return p.join(name);
        }
    }
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// [`normalize`] of `path` when its folder, `resolved_dir`, is already normalized: the
/// folder joined with the file name when that name is not a symbolic link (one `lstat`
/// instead of a system call per component); anything else (a link, `..`, a missing file)
/// is normalized in full, so the result is always what [`normalize`] gives.
pub fn resolve_in(resolved_dir: &Path, path: &Path) -> PathBuf {
    if let Some(Component::Normal(name)) = path.components().next_back() {
        let joined = resolved_dir.join(name);
        if std::fs::symlink_metadata(&joined).is_ok_and(|m| !m.file_type().is_symlink()) {
            return joined;
        }
    }
    normalize(path)
}

/// Why [`confine`] refused a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Resolved, it lies under none of the roots.
    OutsideRoots,
    /// Resolved, it lies under `/dev`, `/proc` or `/sys`.
    System,
}

/// The one confinement rule: `path` resolved (symbolic links, `.` and `..`) must lie under
/// one of `roots` (resolved the same way) and outside the system directories. Returns the
/// resolved path.
pub fn confine(path: &Path, roots: &[PathBuf]) -> Result<PathBuf, Refused> {
    let roots: Vec<PathBuf> = roots.iter().map(|r| normalize(r)).collect();
    confine_resolved(normalize(path), &roots)
}

/// [`confine`] of a path and roots all already resolved by [`normalize`] (or
/// [`resolve_in`]): the same rule without resolving anything again.
pub fn confine_resolved(resolved: PathBuf, roots: &[PathBuf]) -> Result<PathBuf, Refused> {
    if is_system_path(&resolved) {
        return Err(Refused::System);
    }
    if roots.iter().any(|r| resolved.starts_with(r)) {
        Ok(resolved)
    } else {
        Err(Refused::OutsideRoots)
    }
}

/// The repository root of files in `dir`: the nearest ancestor (symbolic links resolved)
/// holding `.git` or `claimls.toml`, if there is one.
pub fn repository_root(dir: &Path) -> Option<PathBuf> {
    let dir = normalize(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    });
    dir.ancestors()
        .find(|d| d.join(".git").exists() || d.join(crate::config::FILE_NAME).exists())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests;
