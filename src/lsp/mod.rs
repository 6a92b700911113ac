//! The language server front end: every LSP type lives here only.
//!
//! [`server`] implements the protocol on top of the core and [`crate::ide`];
//! [`documents`] keeps the open files, [`articles`] the article indexes and which
//! annotation depends on which article, [`settings`] the editor's settings and
//! `claimls.toml`, [`diagnostics`] turns findings into LSP diagnostics and quick fixes,
//! [`convert`] is the one place where byte offsets become positions, and [`transport`]
//! answers malformed messages before they reach tower-lsp-server.

pub mod articles;
pub mod convert;
pub mod diagnostics;
pub mod documents;
pub mod server;
pub mod settings;
pub mod transport;
pub mod workspace;

use std::process::ExitCode;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

/// Serves the protocol on `input`/`output` until `exit` (or the end of the input).
/// Returns whether `shutdown` came first, as the protocol asks for the exit code.
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Send + 'static,
{
    let (frames, outgoing) = tokio::sync::mpsc::channel(64);
    let direct = frames.downgrade();
    let (service, socket) =
        LspService::build(move |client| server::Backend::with_output(client, Some(direct)))
            .custom_method("claimls/documentState", server::Backend::document_state)
            .custom_method("claimls/debugPanic", server::Backend::debug_panic)
            .finish();
    let state = service.inner().state.clone();
    let texts = state.opened_texts.clone();
    let (to_server, server_input) = tokio::io::duplex(1 << 16);
    let (server_output, from_server) = tokio::io::duplex(1 << 16);
    let handshake = std::sync::Arc::new(transport::Handshake::default());
    let writer = tokio::spawn(transport::write_output(output, outgoing));
    let forward = {
        let (frames, handshake) = (frames.clone(), handshake.clone());
        tokio::spawn(
            async move { transport::forward_output(from_server, frames, &handshake).await },
        )
    };
    let filter = tokio::spawn(async move {
        transport::filter_input(input, to_server, frames, &handshake, &texts).await
    });
    Server::new(server_input, server_output, socket)
        .serve(service)
        .await;
    // After `exit` the client's input may stay open: stop reading it, then let the
    // server's last frames (the `shutdown` response) reach the output.
    filter.abort();
    let _ = filter.await;
    let _ = forward.await;
    let _ = writer.await;
    state
        .shutdown_requested
        .load(std::sync::atomic::Ordering::SeqCst)
}

/// Asks for a pipe buffer of a megabyte when stdout is a pipe (what editors give a
/// server). A publication on a big file is most of a megabyte of JSON: through the
/// default 64 KB buffer it was written in a dozen rounds, each waking the editor's reader
/// and waiting for it. Nothing changes when stdout is not a pipe or the system refuses.
fn widen_stdout_pipe() {
    #[cfg(target_os = "linux")]
    {
        const WANT: libc::c_int = 1 << 20;
        // SAFETY: fcntl on a descriptor this process owns, with integer arguments only; a
        // descriptor that is not a pipe makes it fail with EBADF or EINVAL, which is ignored.
        unsafe {
            let current = libc::fcntl(libc::STDOUT_FILENO, libc::F_GETPIPE_SZ);
            if current > 0 && current < WANT {
                libc::fcntl(libc::STDOUT_FILENO, libc::F_SETPIPE_SZ, WANT);
            }
        }
    }
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
    widen_stdout_pipe();
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Pending debounce timers and the blocked stdin reader must not delay the exit.
    runtime.shutdown_background();
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
