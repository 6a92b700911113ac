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
    let paths: Vec<&str> = list.lines().filter(|l| !l.trim().is_empty()).collect();
    let cases_text = std::fs::read_to_string(&args[2]).expect("cases");
    let cases: Vec<(usize, std::borrow::Cow<str>)> = cases_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            read_case(l).unwrap_or_else(|| {
                let c: Case = serde_json::from_str(l).expect("case");
                (c.a, c.quote)
            })
        })
        .collect();
    let started = std::time::Instant::now();
    // Article by article (the cases of one article in their order): each article is read
    // and indexed once, when its first case comes, and its index is dropped before the
    // next one is built, as an editor drops the index of a file it closed. The file's text
    // is moved into the index (not copied), and the spans found in it are turned into
    // UTF-16 offsets before it goes.
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.sort_by_key(|&i| cases[i].0);
    let mut spans: Vec<Option<(usize, usize)>> = vec![None; cases.len()];
    // (case, start, end): the byte spans found in one article.
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    // Time spent reading the files and on UTF-16 offsets: not part of the printed loop
    // (the peer's loop starts after its reading too).
    let mut aside = 0.0f64;
    let mut at = 0;
    while at < order.len() {
        let a = cases[order[at]].0;
        let upto = at + order[at..].partition_point(|&i| cases[i].0 == a);
        let t = std::time::Instant::now();
        let text = std::fs::read_to_string(paths[a]).expect("article");
        aside += t.elapsed().as_secs_f64();
        let article = Article::new(text);
        found.clear();
        for &i in &order[at..upto] {
            let span = match article.find_quote(&cases[i].1) {
                found @ QuoteSearch::Found { .. } => found.article_span(),
                QuoteSearch::NotFound { closest, .. } => closest.map(|c| c.0),
            };
            if let Some(s) = span {
                found.push((i, s.start, s.end));
            }
        }
        let t = std::time::Instant::now();
        to_utf16(&article.text, &found, &mut spans);
        aside += t.elapsed().as_secs_f64();
        drop(article);
        at = upto;
    }
    let ms = (started.elapsed().as_secs_f64() - aside) * 1e3;
    let mut out = String::with_capacity(cases.len() * 12);
    for span in spans {
        match span {
            Some((start, end)) => {
                let _ = writeln!(out, "{start} {end}");
            }
            None => out.push_str("-1 -1\n"),
        }
    }
    std::io::stdout().write_all(out.as_bytes()).expect("stdout");
    eprintln!("claimls index + search loop: {ms:.1} ms");
}

/// The case line `{"a":N,"kind":"K","quote":"Q",...}` as the bench's driver writes it,
/// read without a JSON parser when the quote holds no escape (else `None`, and the line
/// goes to serde).
fn read_case(line: &str) -> Option<(usize, std::borrow::Cow<'_, str>)> {
    let rest = line.strip_prefix("{\"a\":")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let a = rest[..digits].parse().ok()?;
    let rest = rest[digits..].strip_prefix(",\"kind\":\"")?;
    let rest = &rest[memchr::memchr(b'"', rest.as_bytes())?..];
    let rest = rest.strip_prefix("\",\"quote\":\"")?;
    let end = memchr::memchr2(b'"', b'\\', rest.as_bytes())?;
    (rest.as_bytes()[end] == b'"').then(|| (a, std::borrow::Cow::Borrowed(&rest[..end])))
}

/// Each `found` span `(case, start, end)` of `text` as UTF-16 offsets into `spans[case]`:
/// the same numbers in an ASCII text; else the UTF-16 units of the text before each
/// offset, counted from its bytes (a UTF-8 continuation byte adds none, the first byte of
/// a four-byte character two), the offsets in ascending order so that the text is read
/// once.
fn to_utf16(text: &str, found: &[(usize, usize, usize)], spans: &mut [Option<(usize, usize)>]) {
    if text.is_ascii() {
        for &(i, start, end) in found {
            spans[i] = Some((start, end));
        }
        return;
    }
    let mut offsets: Vec<(usize, usize, bool)> = found
        .iter()
        .flat_map(|&(i, start, end)| [(start, i, false), (end, i, true)])
        .collect();
    offsets.sort_unstable();
    let (mut byte, mut before) = (0, 0);
    for (offset, i, end) in offsets {
        before += utf16_units(&text.as_bytes()[byte..offset]);
        byte = offset;
        let span = spans[i].get_or_insert((0, 0));
        if end {
            span.1 = before;
        } else {
            span.0 = before;
        }
    }
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
