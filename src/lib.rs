//! claimls: checks hand-written claim annotation files (`.claims`) against their source
//! article.
//!
//! The core is plain data in, data out, with byte spans everywhere:
//! [`syntax`] (lossless tree) → [`model`] (header, actors, claims) → [`article`] (index of
//! the source text) → [`check`] (diagnostics with stable codes) and [`ide`] (hover,
//! completion, navigation). The command line ([`cli`]) and the language server ([`lsp`])
//! are thin adapters that own every terminal and protocol type; positions are converted
//! from byte offsets only there, through [`text::LineIndex`].

/// Word lists as sets, built on first use: `word_set! { SET = LIST; }` makes a static
/// `SET` holding the words of the `&[&str]` `LIST`. The analyses ask most words of every
/// article whether they are in several lists; one hash look-up is cheaper than comparing
/// with dozens of entries. `SET.contains(word)` answers as `LIST.contains(&word)`.
macro_rules! word_set {
    ($($set:ident = $list:ident;)*) => {$(
        static $set: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
            std::sync::LazyLock::new(|| $list.iter().copied().collect());
    )*};
}

pub mod allocator;
pub mod article;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod draft;
pub mod format;
pub mod fsio;
pub mod ide;
pub mod interop;
pub mod lsp;
pub mod model;
pub mod report;
pub mod rules;
pub mod suggest;
pub mod syntax;
pub mod text;
