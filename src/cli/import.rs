//! `claimls import brat DIR [-o DIR]` and `claimls import w3c FILE.jsonld ARTICLE.txt
//! [-o DIR]`: other annotation formats to `.claims` + `.txt` pairs that `claimls check`
//! reads. The conversion is in [`crate::interop`]; this file finds, reads and writes, and
//! prints what could not be carried over.

use crate::interop::import_brat::{self, Imported};
use crate::interop::import_w3c;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub format: ImportFormat,
}

#[derive(clap::Subcommand, Debug)]
pub enum ImportFormat {
    /// brat standoff: every `.ann` under DIR with its `.txt` (same name, or the name
    /// before a final `_suffix`, as in PolNeAR).
    Brat {
        dir: PathBuf,
        /// Write `.claims` and a copy of each `.txt` here (default: beside each `.txt`).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
    },
    /// W3C Web Annotations (JSON-LD) on one article.
    W3c {
        file: PathBuf,
        article: PathBuf,
        /// Write the `.claims` and a copy of the article here (default: beside the article).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
    },
}

const MAX_READ: u64 = 64 << 20;
const MAX_WRITE: u64 = 256 << 20;

fn read_text(path: &Path, root: &Path) -> Result<String, String> {
    let confined = crate::fsio::confine(path, &[root.to_path_buf()]).map_err(|_| {
        format!(
            "`{}` is outside `{}`: not read",
            path.display(),
            root.display()
        )
    })?;
    let (bytes, _) = crate::fsio::read_regular(&confined, MAX_READ).map_err(|e| e.message())?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("`{}` is not UTF-8 text", path.display()))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

#[derive(Default)]
struct Totals {
    files: usize,
    claims: usize,
    actors: usize,
    lost: BTreeMap<String, usize>,
    changed: BTreeMap<String, usize>,
    problems: Vec<String>,
}

impl Totals {
    fn add(&mut self, r: &Imported) {
        self.files += 1;
        self.claims += r.claims;
        self.actors += r.actors;
        for (k, v) in &r.lost {
            *self.lost.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &r.changed {
            *self.changed.entry(k.clone()).or_default() += v;
        }
    }

    fn finish(self) -> ExitCode {
        eprintln!(
            "imported {} file(s): {} claims, {} actors declared",
            self.files, self.claims, self.actors
        );
        if !self.lost.is_empty() {
            eprintln!("not carried over:");
            for (why, n) in &self.lost {
                eprintln!("  {n:>6}  {why}");
            }
        }
        if !self.changed.is_empty() {
            eprintln!("carried over with a change:");
            for (why, n) in &self.changed {
                eprintln!("  {n:>6}  {why}");
            }
        }
        for p in &self.problems {
            eprintln!("error: {p}");
        }
        if self.problems.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        }
    }
}

/// Writes the `.claims` (and, when it goes elsewhere, a copy of the article).
#[allow(clippy::too_many_arguments)]
fn write_pair(
    out_dir: &Path,
    stem: &str,
    article_name: &str,
    article_dir: &Path,
    article: &str,
    claims: &str,
    force: bool,
) -> Result<(), String> {
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("cannot create `{}`: {e}", out_dir.display()))?;
    let write = |name: String, data: &str| {
        crate::fsio::write_new(&out_dir.join(name), data.as_bytes(), force, MAX_WRITE)
            .map_err(|e| e.message())
    };
    write(format!("{stem}.claims"), claims)?;
    if crate::fsio::normalize(out_dir) != crate::fsio::normalize(article_dir) {
        // Several annotations of one article (one per annotator) share one copy.
        let copy = out_dir.join(article_name);
        let same = crate::fsio::read_regular(&copy, MAX_READ)
            .is_ok_and(|(bytes, _)| bytes == article.as_bytes());
        if !same {
            write(article_name.to_string(), article)?;
        }
    }
    Ok(())
}

pub fn run_import(args: ImportArgs) -> ExitCode {
    match args.format {
        ImportFormat::Brat { dir, output, force } => brat(&dir, output.as_deref(), force),
        ImportFormat::W3c {
            file,
            article,
            output,
            force,
        } => w3c(&file, &article, output.as_deref(), force),
    }
}

fn brat(dir: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    if !dir.is_dir() {
        eprintln!(
            "error: `{}` is not a directory: expected a folder of brat `.txt` + `.ann` files",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let mut texts: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut anns: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let p = entry.path();
        if !entry.file_type().is_file() {
            continue;
        }
        match p.extension().and_then(|e| e.to_str()) {
            Some("txt") => {
                if let Some(s) = p.file_stem() {
                    texts.insert(s.to_string_lossy().into_owned(), p.to_path_buf());
                }
            }
            Some("ann") => anns.push(p.to_path_buf()),
            _ => {}
        }
    }
    let mut totals = Totals::default();
    if anns.is_empty() {
        totals
            .problems
            .push(format!("no `.ann` files under `{}`", dir.display()));
    }
    for ann_path in &anns {
        let stem = ann_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let txt = texts
            .get(&stem)
            .or_else(|| stem.rsplit_once('_').and_then(|(base, _)| texts.get(base)));
        let Some(txt) = txt else {
            *totals
                .lost
                .entry("`.ann` file without its `.txt` (skipped)".into())
                .or_default() += 1;
            continue;
        };
        let (article, ann) = match (read_text(txt, dir), read_text(ann_path, dir)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                totals.problems.push(e);
                continue;
            }
        };
        let article_name = txt
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let imported = import_brat::import(&article_name, &article, &ann);
        let article_dir = txt.parent().unwrap_or(Path::new("."));
        let out_dir = output.unwrap_or(article_dir);
        // Named after the `.ann`: an article annotated by several people gets one
        // `.claims` per annotation.
        match write_pair(
            out_dir,
            &stem,
            &article_name,
            article_dir,
            &article,
            &imported.claims_text,
            force,
        ) {
            Ok(()) => totals.add(&imported),
            Err(e) => totals.problems.push(e),
        }
    }
    totals.finish()
}

fn w3c(file: &Path, article_path: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let mut totals = Totals::default();
    // Each file may be read from its own folder, as `check` allows for a named file.
    let root = |p: &Path| super::discover::named_folders(&[p.to_path_buf()]).remove(0);
    let read = read_text(file, &root(file))
        .and_then(|j| read_text(article_path, &root(article_path)).map(|a| (j, a)));
    let (jsonld, article) = match read {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let name = article_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = article_path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match import_w3c::import(&name, &article, &jsonld) {
        Ok(imported) => {
            let article_dir = article_path.parent().unwrap_or(Path::new("."));
            let out_dir = output.unwrap_or(article_dir);
            match write_pair(
                out_dir,
                &stem,
                &name,
                article_dir,
                &article,
                &imported.claims_text,
                force,
            ) {
                Ok(()) => totals.add(&imported),
                Err(e) => totals.problems.push(e),
            }
        }
        Err(e) => totals.problems.push(format!("`{}`: {e}", file.display())),
    }
    totals.finish()
}
