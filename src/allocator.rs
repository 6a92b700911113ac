//! The allocator of claimls' processes (the binary, and the benchmark drivers that must
//! measure the process a user runs): mimalloc, with two options set before the first
//! allocation. [`process_allocator!`](crate::process_allocator) installs both in a binary.
//!
//! Checking allocates many small, short-lived values (field values, tokens, messages);
//! mimalloc serves them with far less overhead than the system allocator.

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
/// were freed (and the kernel zeroes each one whole on first touch, which a short process
/// such as the anchoring benchmark pays for). Measured with `lsp_latency.py --scale`,
/// whose warm checks open a second copy of a 9 MB annotation beside the first and close it
/// again: the server's peak resident set was 30 to 45 MB lower, with latencies and the
/// whole run's CPU time within the (large) noise of the shared machine measured on.
///
/// Both are defaults: a `MIMALLOC_PURGE_DELAY` or `MIMALLOC_ARENA_EAGER_COMMIT` set in
/// the environment wins. They must be in place before the first allocation, which
/// reserves the first arena (committed or not): on Linux the binary's
/// [`process_allocator!`](crate::process_allocator) runs this as a constructor, before the
/// runtime allocates anything; elsewhere `main` must call it first thing.
pub extern "C" fn set_allocator_options() {
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

/// Makes mimalloc the global allocator of the binary that invokes it (at its top level)
/// and, on Linux, sets [`set_allocator_options`] while the process loads, before `main`.
/// Elsewhere `main` calls `claimls::allocator::set_allocator_options()` first thing.
#[macro_export]
macro_rules! process_allocator {
    () => {
        #[global_allocator]
        static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

        #[cfg(target_os = "linux")]
        #[used]
        #[link_section = ".init_array"]
        static ALLOCATOR_OPTIONS: extern "C" fn() = $crate::allocator::set_allocator_options;
    };
}
