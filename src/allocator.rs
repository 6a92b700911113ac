//! The allocator of claimls' processes (the binary, and the benchmark drivers that must
//! measure the process a user runs): mimalloc, with two options set before the first
//! allocation. [`process_allocator!`](crate::process_allocator) installs both in a binary.
//!
//! Checking allocates many small, short-lived values (field values, tokens, messages);
//! mimalloc serves them with far less overhead than the system allocator.

// The library is linked into every artifact of this crate (its tests too), not only the
// binaries that make it the global allocator: the server sets options at run time.
extern crate mimalloc as _;

// mimalloc's option API (part of the library the allocator links; declared here rather
// than through the wrapper's optional `extended` feature). `mi_option_t` is a C enum.
extern "C" {
    fn mi_version() -> std::ffi::c_int;
    fn mi_malloc(size: usize) -> *mut std::ffi::c_void;
    fn mi_zalloc(size: usize) -> *mut std::ffi::c_void;
    fn mi_realloc(p: *mut std::ffi::c_void, size: usize) -> *mut std::ffi::c_void;
    fn mi_option_set_default(option: std::ffi::c_int, value: std::ffi::c_long);
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
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
/// allocations did not reuse, so the peak held both. Not 0 here: a batch check frees and
/// reuses memory at a high rate, and every page given back at once is faulted in again.
/// The language server sets 0 only while it opens and first checks a large document
/// ([`low_peak`]).
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

/// How many [`LowPeak`] windows are open: freed pages go back at once while any is.
static LOW_PEAK_WINDOWS: std::sync::Mutex<usize> = std::sync::Mutex::new(0);

/// While it lives, mimalloc gives freed pages back at once (a purge delay of 0) instead of
/// after [`PURGE_DELAY_MS`]; see [`low_peak`].
#[must_use = "the window closes when this is dropped"]
pub struct LowPeak {
    open: bool,
}

/// Opens a window in which freed pages go back at once, for the work that sets a language
/// server's peak: opening and first checking a large document beside the ones it holds
/// (a second big file naming the same article, a copy). With pages kept 100 ms after they
/// are freed, that work's transients (the message, the parse's scratch, the check's
/// per-claim lists) sat beside what it kept: 15 to 30 MB more resident at the peak of
/// `lsp_latency.py --corpus BIG`. Not for edits: their temporary vectors are freed and
/// allocated again at every keystroke, and faulting their pages in again each time made
/// edits at BIG 15 to 40% slower (benches/README.md). Nothing happens when
/// `MIMALLOC_PURGE_DELAY` is set in the environment, which then decides.
pub fn low_peak() -> LowPeak {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return LowPeak { open: false };
    }
    let mut windows = LOW_PEAK_WINDOWS.lock().unwrap_or_else(|e| e.into_inner());
    if *windows == 0 {
        set_purge_delay(0);
    }
    *windows += 1;
    LowPeak { open: true }
}

impl Drop for LowPeak {
    fn drop(&mut self) {
        if !self.open {
            return;
        }
        let mut windows = LOW_PEAK_WINDOWS.lock().unwrap_or_else(|e| e.into_inner());
        *windows = windows.saturating_sub(1);
        if *windows == 0 {
            set_purge_delay(PURGE_DELAY_MS);
        }
    }
}

fn set_purge_delay(ms: std::ffi::c_long) {
    // SAFETY: as in `set_allocator_options`; mimalloc reads the delay each time it
    // schedules a purge, so a change after its initialization applies from then on.
    unsafe {
        if (20000..40000).contains(&mi_version()) {
            mi_option_set(MI_OPTION_PURGE_DELAY, ms);
        }
    }
}

/// Whether a [`LowPeak`] window is open (for tests).
pub fn low_peak_open() -> bool {
    *LOW_PEAK_WINDOWS.lock().unwrap_or_else(|e| e.into_inner()) > 0
}

/// mimalloc as Rust's global allocator, through its plain entry points (`mi_malloc`,
/// `mi_zalloc`, `mi_realloc`) for alignments of at most 8 bytes, which every block of
/// mimalloc has (its size classes are multiples of 8 bytes, in pages that start aligned).
/// The `mimalloc` crate's allocator asks for every block through the aligned entry
/// points, which for a block of more than 1 KiB whose size is not a power of two take a
/// generic path and over-allocate it by the alignment less one (a vector of 2,000 bytes
/// of `u64`s took a block of 2,007 or more). Larger alignments go to that allocator.
pub struct Allocator;

/// The alignment every mimalloc block has.
const PLAIN_ALIGN: usize = 8;

// SAFETY: the blocks come from mimalloc, aligned as the layout asks (at most 8 bytes
// through the plain entry points, whose blocks are all 8-byte aligned; else through the
// aligned ones), and every block goes back to `mi_free` (which takes either kind).
unsafe impl std::alloc::GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi_malloc(layout.size()).cast()
        } else {
            std::alloc::GlobalAlloc::alloc(&mimalloc::MiMalloc, layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi_zalloc(layout.size()).cast()
        } else {
            std::alloc::GlobalAlloc::alloc_zeroed(&mimalloc::MiMalloc, layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        std::alloc::GlobalAlloc::dealloc(&mimalloc::MiMalloc, ptr, layout)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi_realloc(ptr.cast(), size).cast()
        } else {
            std::alloc::GlobalAlloc::realloc(&mimalloc::MiMalloc, ptr, layout, size)
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
        static GLOBAL: $crate::allocator::Allocator = $crate::allocator::Allocator;

        #[cfg(target_os = "linux")]
        #[used]
        #[link_section = ".init_array"]
        static ALLOCATOR_OPTIONS: extern "C" fn() = $crate::allocator::set_allocator_options;
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_as_asked_and_keep_their_bytes() {
        use std::alloc::{GlobalAlloc, Layout};
        let sizes = [1usize, 3, 8, 24, 1000, 1500, 2008, 4100, 70_000, 1 << 21];
        for align in [1usize, 2, 4, 8, 16, 32, 4096] {
            for &size in &sizes {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a layout of non-zero size; each block is freed with its layout.
                unsafe {
                    let p = Allocator.alloc_zeroed(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    assert!(std::slice::from_raw_parts(p, size).iter().all(|&b| b == 0));
                    std::ptr::write_bytes(p, 7, size);
                    let q = Allocator.realloc(p, layout, 2 * size + 5);
                    assert_eq!(q as usize % align, 0, "realloc {size} align {align}");
                    assert!(std::slice::from_raw_parts(q, size).iter().all(|&b| b == 7));
                    Allocator.dealloc(q, Layout::from_size_align(2 * size + 5, align).unwrap());
                    let r = Allocator.alloc(layout);
                    assert_eq!(r as usize % align, 0);
                    Allocator.dealloc(r, layout);
                }
            }
        }
    }

    #[test]
    fn low_peak_windows_nest_and_close() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return; // the environment decides; no window opens
        }
        let outer = low_peak();
        assert!(low_peak_open());
        {
            let _inner = low_peak();
            assert!(low_peak_open());
        }
        // The inner window's end does not close the outer one.
        assert!(low_peak_open());
        drop(outer);
        assert!(!low_peak_open());
    }
}
