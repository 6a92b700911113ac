//! The `claimls` binary: `claimls check` (CI lint mode) and `claimls lsp` (language server).

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "claimls",
    version,
    about = "Checks claim annotation files against their source articles"
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
    /// Export annotations resolved against their articles (json, w3c, brat, csv).
    Export(claimls::cli::ExportArgs),
    /// Import brat or W3C annotations as `.claims` + `.txt` pairs.
    Import(claimls::cli::ImportArgs),
    /// Run the language server over stdio.
    Lsp,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => claimls::cli::run_check(args),
        Command::Fmt(args) => claimls::cli::run_fmt(args),
        Command::Draft(args) => claimls::cli::run_draft(args),
        Command::Export(args) => claimls::cli::run_export(args),
        Command::Import(args) => claimls::cli::run_import(args),
        Command::Lsp => claimls::lsp::run_stdio(),
    }
}

// Checking allocates many small, short-lived values (field values, tokens, messages);
// mimalloc serves them with far less overhead than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
