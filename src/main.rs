//! The `claimls` binary: `claimls check` (CI lint mode) and `claimls lsp` (language server).

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "claimls",
    version,
    about = "Checks claim annotation files against their source articles",
    after_help = "Exit codes of `check`: 0 no finding at or above --deny (default: error); 1 findings at or above it (or, with --diff, changes to make); 2 usage or I/O error (a path that does not exist, no .claims file without --allow-empty, an invalid claimls.toml, a file that could not be read or written)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check `.claims` files (CI lint mode).
    Check(claimls::cli::CheckArgs),
    /// Rewrite `.claims` files in the canonical layout (keeps every claim and comment).
    Fmt(claimls::cli::FmtArgs),
    /// Write a first-draft `.claims` for an article (stdout, or `-o FILE`).
    Draft(claimls::cli::DraftArgs),
    /// Write an HTML report per annotation (article with highlighted quotes, findings,
    /// attribution graph) into `-o DIR`.
    Report(claimls::cli::ReportArgs),
    /// Export annotations resolved against their articles (json, w3c, brat, csv).
    Export(claimls::cli::ExportArgs),
    /// Import brat or W3C annotations as `.claims` + `.txt` pairs.
    Import(claimls::cli::ImportArgs),
    /// Run the language server over stdio.
    Lsp,
    /// List every check: code, name, default severity, what it finds.
    Rules(claimls::cli::RulesArgs),
    /// Describe one check (`claimls explain C011`), with an example and the fix.
    Explain(claimls::cli::ExplainArgs),
    /// Write a commented `claimls.toml` with every option at its default.
    Init(claimls::cli::InitArgs),
    /// Print a shell completion script (`claimls completions bash > …`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man directory.
    Man,
}

fn main() -> ExitCode {
    // On Linux this ran before `main` (see `claimls::process_allocator!`).
    #[cfg(not(target_os = "linux"))]
    claimls::allocator::set_allocator_options();
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => claimls::cli::run_check(args),
        Command::Fmt(args) => claimls::cli::run_fmt(args),
        Command::Draft(args) => claimls::cli::run_draft(args),
        Command::Report(args) => claimls::cli::run_report(args),
        Command::Export(args) => claimls::cli::run_export(args),
        Command::Import(args) => claimls::cli::run_import(args),
        Command::Lsp => claimls::lsp::run_stdio(),
        Command::Rules(args) => claimls::cli::run_rules(args),
        Command::Explain(args) => claimls::cli::run_explain(args),
        Command::Init(args) => claimls::cli::run_init(args),
        Command::Completions { shell } => {
            // Into memory first: the generator panics on a closed pipe (`| head`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "claimls", &mut script);
            let _ = std::io::Write::write_all(&mut std::io::stdout(), &script);
            ExitCode::SUCCESS
        }
        Command::Man => {
            let page = clap_mangen::Man::new(Cli::command());
            match page.render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

// mimalloc, its options set before the first allocation (see claimls::allocator).
claimls::process_allocator!();
