//! `claimls draft ARTICLE.txt [-o FILE] [--force]`: a first-draft `.claims` for an article.

use crate::article::{load, Limits};
use crate::draft::{draft, DraftOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct DraftArgs {
    /// The article (`NAME.txt`).
    pub article: PathBuf,

    /// Write the draft to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite FILE when it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub fn run_draft(args: DraftArgs) -> ExitCode {
    let article = match load(&args.article, Limits::default()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {}", e.message());
            return ExitCode::from(2);
        }
    };
    // `article:` names the article relative to where the draft goes: beside it, its file
    // name; elsewhere, the path as given.
    let beside = args.output.as_ref().is_none_or(|o| {
        let dir = |p: &std::path::Path| p.parent().map(|d| d.to_path_buf()).unwrap_or_default();
        dir(o) == dir(&args.article)
    });
    let name = if beside {
        args.article
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
    } else {
        Some(args.article.to_string_lossy().into_owned())
    };
    let text = draft(&article, &DraftOptions { article_name: name });
    let Some(path) = args.output else {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.write_all(b"\n");
        return ExitCode::SUCCESS;
    };
    let mut body = text;
    body.push('\n');
    // A new file appears whole or not at all; an existing one is replaced only with
    // --force, through the safe writer.
    let written = crate::fsio::write_file(&path, body.as_bytes(), args.force, 64 << 20)
        .map(|_| ())
        .map_err(|e| e.message());
    match written {
        Ok(()) => {
            let claims = body.lines().filter(|l| l.starts_with("claim ")).count();
            eprintln!("drafted {claims} claims into {}", path.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: cannot write the draft: {message}");
            ExitCode::from(2)
        }
    }
}
