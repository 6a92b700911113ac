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
    // On Linux this ran before `main` (see `ALLOCATOR_OPTIONS`).
    #[cfg(not(target_os = "linux"))]
    set_allocator_options();
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

// Checking allocates many small, short-lived values (field values, tokens, messages);
// mimalloc serves them with far less overhead than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's option API (part of the library the allocator links; declared here rather
// than through the wrapper's optional `extended` feature). `mi_option_t` is a C enum.
extern "C" {
    fn mi_version() -> std::ffi::c_int;
    fn mi_option_set_default(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_arena_eager_commit` and `mi_option_purge_delay` in `mi_option_t` of
/// mimalloc 2.x and 3.x alike (3.x is what the wrapper builds by default). The options are
/// set only when the linked library says it is one of those: `mi_version()` is
/// major × 10,000 + minor × 100 + patch.
const MI_OPTION_ARENA_EAGER_COMMIT: std::ffi::c_int = 4;
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Milliseconds mimalloc keeps freed pages before giving them back (see below).
const PURGE_DELAY_MS: std::ffi::c_long = 100;

/// Freed pages go back to the system after 100 ms instead of mimalloc 3.x's 1 s: the
/// first analysis of a large article frees tens of megabytes of per-token data that later
/// allocations did not reuse, so the peak held both. Not 0 or 10 ms: a language server's
/// edits allocate and free large temporary vectors, and giving their pages back that soon
/// made edits fault them in again (measurably slower edits in `lsp_latency.py`).
///
/// Arenas are committed as they are used rather than all at once (mimalloc's default on
/// Linux): an eagerly committed arena is advised for transparent huge pages, and the
/// 2 MiB pages it was backed with stayed resident, whole, after the allocations on them
/// were freed. Measured with `lsp_latency.py --scale`, whose warm checks open a second
/// copy of a 9 MB annotation beside the first and close it again: the server's peak
/// resident set was 30 to 45 MB lower, with latencies and the whole run's CPU time
/// within the (large) noise of the shared machine measured on.
///
/// Both are defaults: a `MIMALLOC_PURGE_DELAY` or `MIMALLOC_ARENA_EAGER_COMMIT` set in
/// the environment wins. They must be in place before the first allocation, which
/// reserves the first arena (committed or not): on Linux this runs as a constructor,
/// before the runtime allocates anything; elsewhere first thing in `main`.
extern "C" fn set_allocator_options() {
    // SAFETY: the functions take and return plain integers, allocate nothing, and may be
    // called at any time, before mimalloc's own initialization too (whose reading of the
    // environment then overrides these defaults only where a variable is set).
    unsafe {
        if (20000..40000).contains(&mi_version()) {
            mi_option_set_default(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
            mi_option_set_default(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        }
    }
}

/// Runs [`set_allocator_options`] while the process loads, before `main`.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static ALLOCATOR_OPTIONS: extern "C" fn() = set_allocator_options;
