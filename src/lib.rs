//! claimls: checks hand-written claim annotation files (`.claims`) against their source
//! article.
//!
//! The core is plain data in, data out, with byte spans everywhere:
//! [`syntax`] (lossless tree) → [`model`] (header, actors, claims) → [`article`] (index of
//! the source text) → [`check`] (diagnostics with stable codes) and [`ide`] (hover,
//! completion, navigation). The command line ([`cli`]) and the language server ([`lsp`])
//! are thin adapters that own every terminal and protocol type; positions are converted
//! from byte offsets only there, through [`text::LineIndex`].

pub mod article;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod draft;
pub mod format;
pub mod fsio;
pub mod ide;
pub mod lsp;
pub mod model;
pub mod rules;
pub mod suggest;
pub mod syntax;
pub mod text;
