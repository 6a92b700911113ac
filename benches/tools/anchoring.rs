//! The claimls side of benches/anchoring.sh: anchors every case's quote in its article
//! and prints one `start end` line per case (UTF-16 offsets of the article, `-1 -1` when
//! nothing is found), the span go to definition jumps to (all parts covered).
//!
//!   cargo run --release --example anchoring -- ARTICLES_LIST CASES.jsonl > SPANS

use claimls::article::{Article, QuoteSearch};
use std::io::Write;

// The allocator of the claimls binary (see src/main.rs): the process measured is the one a
// user runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The fields of a case line this side reads (the others are ignored).
#[derive(serde::Deserialize)]
struct Case {
    a: usize,
    quote: String,
}

fn main() {
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
    let cases: Vec<(usize, String)> = std::fs::read_to_string(&args[2])
        .expect("cases")
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
    // Byte offset -> UTF-16 offset, one table per article (none for an ASCII article,
    // whose offsets are the same in both).
    let tables: Vec<Vec<u32>> = texts
        .iter()
        .map(|t| {
            if t.is_ascii() {
                return Vec::new();
            }
            let mut table = vec![0u32; t.len() + 1];
            let mut units = 0u32;
            for (i, c) in t.char_indices() {
                table[i] = units;
                units += c.len_utf16() as u32;
            }
            table[t.len()] = units;
            table
        })
        .collect();
    let mut out = String::with_capacity(cases.len() * 12);
    for ((a, _), span) in cases.iter().zip(spans) {
        match span {
            Some(s) => {
                let t = &tables[*a];
                let utf16 = |i: usize| t.get(i).map_or(i as u32, |&u| u);
                out.push_str(&format!("{} {}\n", utf16(s.start), utf16(s.end)));
            }
            None => out.push_str("-1 -1\n"),
        }
    }
    std::io::stdout().write_all(out.as_bytes()).expect("stdout");
    eprintln!("claimls index + search loop: {ms:.1} ms");
}
