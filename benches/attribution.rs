//! The attribution analysis of one article: `cargo bench --bench attribution`.
//!
//! The article is the bundled example (`examples/000_a935861ad7be96ce.txt`, 4 KB) with
//! paragraphs written for this benchmark appended until it holds about 10 KB: direct,
//! split and multi-paragraph quotes, indirect speech, `according to`, trailing and citing
//! attributions. It prints the median of many runs of `attribution::analyze` and, for
//! scale, of building the article index (`Article::new`) on the same text, with their
//! ratio: the ratio is the figure to compare between machines.
//!
//! `cargo test --benches` runs it once, small, and checks that it finds attributions.

use claimls::article::{attribution, Article};
use std::hint::black_box;
use std::time::{Duration, Instant};

const EXTRA: &[&str] = &[
    "\"We have repaired both cranes,\" the harbour master, Luis Ramos, said on Monday. \"The ships can come back next week.\"",
    "According to the shipping union, 300 workers were sent home, and the union warned that more jobs were at risk.",
    "The Transport Ministry denied the union's figures. The ministry said in a statement that only 120 workers were affected.",
    "Maria Lopez, a dock worker, told Radio Nord that she had not been paid for a month. She said: \"We were told nothing.",
    "\"Nobody called us, and nobody came to the docks to explain what had happened.\"",
    "The repairs cost 2 million euros, the Harbour Times reported citing a ministry engineer who asked not to be named.",
    "Ramos added that the port would hire again in the summer, but he declined to say how many people would return.",
    "The mayor, who visited the docks on Tuesday, said the city would pay for the lost wages, and that the council had agreed.",
];

fn article_text() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text =
        std::fs::read_to_string(root.join("examples/000_a935861ad7be96ce.txt")).expect("example");
    let mut k = 0;
    while text.len() < 10_000 {
        text.push_str("\n\n");
        text.push_str(EXTRA[k % EXTRA.len()]);
        k += 1;
    }
    text.push('\n');
    text
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let test_mode =
        std::env::args().any(|a| a == "--test") || !std::env::args().any(|a| a == "--bench");
    let text = article_text();
    let runs = if test_mode { 3 } else { 501 };
    let mut analyze = Vec::with_capacity(runs);
    let mut index = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let article = Article::new(text.as_str());
        index.push(t.elapsed());
        let t = Instant::now();
        let attributions = attribution::analyze(black_box(&article));
        analyze.push(t.elapsed());
        found = attributions.items.len();
    }
    assert!(found >= 20, "found only {found} attributions");
    let (a, i) = (median(analyze), median(index));
    println!(
        "attribution/analyze, {} byte article, {found} attributions: median {:.3} ms over {runs} runs",
        text.len(),
        a.as_secs_f64() * 1e3
    );
    println!(
        "article index (Article::new) on the same text: median {:.3} ms; analysis / index = {:.2}",
        i.as_secs_f64() * 1e3,
        a.as_secs_f64() / i.as_secs_f64().max(1e-9)
    );
    // The same text 100 times over (1 MB): the analysis must stay linear.
    let big = text.repeat(if test_mode { 3 } else { 100 });
    let article = Article::new(big.as_str());
    let runs = if test_mode { 1 } else { 7 };
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        found = attribution::analyze(black_box(&article)).items.len();
        times.push(t.elapsed());
    }
    let b = median(times);
    println!(
        "attribution/analyze, {} byte article, {found} attributions: median {:.1} ms over {runs} runs; per KB {:.3} ms (10 KB case: {:.3} ms)",
        big.len(),
        b.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3 / (big.len() as f64 / 1024.0),
        a.as_secs_f64() * 1e3 / (text.len() as f64 / 1024.0)
    );
}
