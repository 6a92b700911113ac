//! The language server front end: every LSP type lives here only.
//!
//! [`server`] implements the protocol on top of the core and [`crate::ide`];
//! [`documents`] keeps the open files, [`articles`] the article indexes and which
//! annotation depends on which article, [`settings`] the editor's settings and
//! `claimls.toml`, [`diagnostics`] turns findings into LSP diagnostics and quick fixes, and
//! [`convert`] is the one place where byte offsets become positions.

pub mod articles;
pub mod convert;
pub mod diagnostics;
pub mod documents;
pub mod server;
pub mod settings;

use std::process::ExitCode;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

/// Serves the protocol on `input`/`output` until `exit` (or the end of the input).
/// Returns whether `shutdown` came first, as the protocol asks for the exit code.
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let (service, socket) = LspService::build(server::Backend::new)
        .custom_method("claimls/documentState", server::Backend::document_state)
        .custom_method("claimls/debugPanic", server::Backend::debug_panic)
        .finish();
    let state = service.inner().state.clone();
    Server::new(input, output, socket).serve(service).await;
    state
        .shutdown_requested
        .load(std::sync::atomic::Ordering::SeqCst)
}

/// `claimls lsp`: serves stdin/stdout. Exits 0 after `shutdown` then `exit`, 1 when the
/// client exits or goes away without `shutdown`.
pub fn run_stdio() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("claimls: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Pending debounce timers and the blocked stdin reader must not delay the exit.
    runtime.shutdown_background();
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
