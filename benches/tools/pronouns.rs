//! How the attribution analysis resolves personal pronouns: for every attribution of the
//! given articles whose source is written `he`, `she`, `his`, `her` or `him`, one line
//! of tab-separated fields: the article's file name, the pronoun as written, the mention
//! it resolves to (`-` for none), the cue (`-` for none) and the first 60 characters of
//! the content.
//!
//!     cargo run --release --example pronouns -- ARTICLE.txt...
//!
//! No gold exists for these resolutions (PolNeAR marks the pronoun, not whom it stands
//! for): run it at two commits and read the lines that differ, joined on (file,
//! pronoun, cue, content).

use claimls::article::Article;
use claimls::text::Span;
use std::io::Write;

fn main() {
    let mut out = std::io::stdout().lock();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let name = path.rsplit('/').next().unwrap_or(&path);
        let article = Article::new(text.as_str());
        let whole = Span::new(0, text.len());
        for att in article.attributions().overlapping(whole) {
            let Some(source) = att.source() else { continue };
            let written = source.slice(&text);
            if !matches!(
                written.to_lowercase().as_str(),
                "he" | "she" | "his" | "her" | "him"
            ) {
                continue;
            }
            let or_dash = |s: Option<Span>| s.map_or("-", |s| s.slice(&text));
            let content: String = att.content_span().slice(&text).chars().take(60).collect();
            let line = writeln!(
                out,
                "{name}\t{written}\t{}\t{}\t{}",
                or_dash(att.resolved()),
                or_dash(att.cue()),
                content.replace(['\t', '\n'], " ")
            );
            // A closed pipe (`| head`) ends the listing.
            if line.is_err() {
                return;
            }
        }
    }
}
