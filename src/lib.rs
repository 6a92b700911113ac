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

/// The ways a newtype over a string (`struct Text(Box<str>)`, `struct Text(Arc<str>)`)
/// reads as a `&str`: `as_str`, `Deref`, `AsRef`, `Borrow`, `Display`, `Debug` (as the
/// string's), comparisons with `str` and `&str`. One definition for the model's value texts
/// and the findings' shared texts, which differ only in how they hold the string.
macro_rules! str_newtype {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(&*self.0, f)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                *self.0 == *other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                *self.0 == **other
            }
        }
    };
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
