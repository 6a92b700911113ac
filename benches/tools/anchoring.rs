//! The claimls side of benches/anchoring.sh: anchors every case's quote in its article
//! and prints one `start end` line per case (UTF-16 offsets of the article, `-1 -1` when
//! nothing is found), the span go to definition jumps to (all parts covered).
//!
//!   cargo run --release --example anchoring -- ARTICLES_LIST CASES.jsonl > SPANS

use claimls::article::{Article, QuoteSearch};
use std::fmt::Write as _;
use std::io::Write;

// The allocator of the claimls binary, with its options (see claimls::allocator): the
// process measured is the one a user runs.
claimls::process_allocator!();

/// The fields of a case line this side reads (the others are ignored); the quote borrowed
/// from the line unless it holds an escape.
#[derive(serde::Deserialize)]
struct Case<'a> {
    a: usize,
    #[serde(borrow)]
    quote: std::borrow::Cow<'a, str>,
}

fn main() {
    #[cfg(not(target_os = "linux"))]
    claimls::allocator::set_allocator_options();
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: anchoring ARTICLES_LIST CASES.jsonl");
        std::process::exit(2);
    }
    let list = std::fs::read_to_string(&args[1]).expect("articles list");
    let texts: Vec<String> = list
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|p| std::fs::read_to_string(p).expect("article"))
        .collect();
    let cases_text = std::fs::read_to_string(&args[2]).expect("cases");
    let cases: Vec<(usize, std::borrow::Cow<str>)> = cases_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Case = serde_json::from_str(l).expect("case");
            (c.a, c.quote)
        })
        .collect();
    let started = std::time::Instant::now();
    // Article by article (the cases of one article in their order): each article is
    // indexed once, and its index is dropped before the next one is built, as an editor
    // drops the index of a file it closed.
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.sort_by_key(|&i| cases[i].0);
    let mut spans = vec![None; cases.len()];
    let mut current: Option<(usize, Article)> = None;
    for i in order {
        let (a, quote) = &cases[i];
        if current.as_ref().is_none_or(|(held, _)| held != a) {
            drop(current.take());
            current = Some((*a, Article::new(texts[*a].as_str())));
        }
        let article = &current.as_ref().expect("just set").1;
        spans[i] = match article.find_quote(quote) {
            found @ QuoteSearch::Found { .. } => found.article_span(),
            QuoteSearch::NotFound { closest, .. } => closest.map(|c| c.0),
        };
    }
    let ms = started.elapsed().as_secs_f64() * 1e3;
    // Byte offset -> UTF-16 offset: the same number in an ASCII article; else the UTF-16
    // units of the text before it, counted from its bytes (a UTF-8 continuation byte adds
    // none, the first byte of a four-byte character two), the offsets of each article in
    // ascending order so that its text is read once. No table per article: a few spans
    // need no table of every byte.
    let ascii: Vec<bool> = texts.iter().map(|t| t.is_ascii()).collect();
    let mut wanted: Vec<(usize, usize, usize)> = Vec::with_capacity(2 * cases.len());
    for (i, ((a, _), span)) in cases.iter().zip(&spans).enumerate() {
        if let Some(s) = span {
            if !ascii[*a] {
                wanted.push((*a, s.start, 2 * i));
                wanted.push((*a, s.end, 2 * i + 1));
            }
        }
    }
    wanted.sort_unstable();
    let mut units16: Vec<usize> = vec![0; 2 * cases.len()];
    let mut at = (usize::MAX, 0, 0); // (article, byte offset, UTF-16 units before it)
    for &(a, offset, slot) in &wanted {
        if at.0 != a {
            at = (a, 0, 0);
        }
        at.2 += utf16_units(&texts[a].as_bytes()[at.1..offset]);
        at.1 = offset;
        units16[slot] = at.2;
    }
    let mut out = String::with_capacity(cases.len() * 12);
    for (i, ((a, _), span)) in cases.iter().zip(spans).enumerate() {
        match span {
            Some(_) if !ascii[*a] => {
                let _ = writeln!(out, "{} {}", units16[2 * i], units16[2 * i + 1]);
            }
            Some(s) => {
                let _ = writeln!(out, "{} {}", s.start, s.end);
            }
            None => out.push_str("-1 -1\n"),
        }
    }
    std::io::stdout().write_all(out.as_bytes()).expect("stdout");
    eprintln!("claimls index + search loop: {ms:.1} ms");
}

/// The UTF-16 units of the UTF-8 text `bytes`, counted 127 bytes at a time in a byte (at
/// most two units a byte: no overflow), which the compiler turns into vector operations.
fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .chunks(127)
        .map(|chunk| {
            let units = chunk.iter().fold(0u8, |n, &b| {
                n + u8::from(b & 0xc0 != 0x80) + u8::from(b >= 0xf0)
            });
            usize::from(units)
        })
        .sum()
}
