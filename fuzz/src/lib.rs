//! The properties the fuzz targets check, as plain functions: the targets in `src/bin`
//! feed them AFL's inputs, and `cargo test` here runs them over the seed corpora.

use claimls::article::Article;
use claimls::check::{check, ArticleRef, ClaimCache, Parsed};
use claimls::config::Config;
use claimls::text::Span;
use std::sync::Arc;

/// Splits an input at its first NUL byte: the annotation before, the article after.
pub fn split(data: &[u8]) -> (String, String) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (
            String::from_utf8_lossy(&data[..i]).into_owned(),
            String::from_utf8_lossy(&data[i + 1..]).into_owned(),
        ),
        None => (String::from_utf8_lossy(data).into_owned(), String::new()),
    }
}

/// Parser and checker: any annotation against any article, and every span the findings
/// carry lies on character boundaries of the text it points into.
pub fn parse_and_check(data: &[u8]) {
    let (claims, article) = split(data);
    let parsed = Parsed::new(claims.as_str());
    let tiled: usize = parsed.tree.lines.iter().map(|l| l.full().len()).sum();
    assert_eq!(tiled, claims.len(), "the tree holds every byte");
    let article = Arc::new(Article::new(article.as_str()));
    let _ = article.candidates();
    let found = check(
        &parsed,
        ArticleRef::Loaded(&article),
        &Config::default(),
        &mut ClaimCache::new(),
    );
    for d in &found {
        assert!(d.span.end <= claims.len() && claims.is_char_boundary(d.span.start));
        assert!(claims.is_char_boundary(d.span.end));
        for r in &d.related {
            let target = match r.target {
                claimls::diagnostic::Target::Article => article.text.as_str(),
                claimls::diagnostic::Target::File => claims.as_str(),
            };
            assert!(r.span.start <= r.span.end && r.span.end <= target.len());
            assert!(target.is_char_boundary(r.span.start) && target.is_char_boundary(r.span.end));
        }
    }
}

fn non_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Formatter: never panics, keeps every character that is not white space, and
/// formatting twice changes nothing more.
pub fn format(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let once = claimls::format::format(text);
    assert_eq!(
        non_space(&once),
        non_space(text),
        "every non-space character kept"
    );
    assert_eq!(claimls::format::format(&once), once, "idempotent");
}

/// LSP transport: raw bytes are cut into frames and every frame is answered or passed on,
/// without a panic, and the reader ends.
pub fn transport(data: &[u8]) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let mut input = tokio::io::BufReader::new(data);
        let mut frames = 0;
        while let Ok(Some(frame)) = claimls::lsp::transport::read_frame(&mut input, 1 << 20).await {
            frames += 1;
            assert!(frames <= data.len() + 1, "every frame consumes input");
            if let claimls::lsp::transport::Frame::Body(body) = frame {
                let _ = claimls::lsp::transport::check(&body);
            }
        }
    });
}

/// Incremental path: an edit script applied with `Parsed::edit` and checked with a warm
/// claim cache gives exactly a fresh parse and check of the same text.
///
/// Input: the starting text, a NUL, then edits of 4 bytes each (position, length, then
/// what to insert: an index into a table of fragments, and a repeat count).
pub fn incremental(data: &[u8]) {
    const PIECES: &[&str] = &[
        "claim ",
        "actor ",
        "  ",
        "source: ",
        "quote: ",
        "cue: ",
        "via: ",
        "x",
        "Y",
        "\n",
        "\r\n",
        "\r",
        "# c",
        ":",
        "é",
        "\t",
        "date: 2020-01-01\n",
        "article: a.txt\n",
        "...",
        "“",
        "😀",
        "disputes: ",
        "aka: ",
        "stance: denies",
    ];
    const ARTICLE: &str = "date 2020-01-01 Headline here\n\nThe minister said the talks failed, \
        according to Reuters. “We will go on,” Anna Berg told reporters.\n";
    let (start, script) = match data.iter().position(|&b| b == 0) {
        Some(i) => (
            String::from_utf8_lossy(&data[..i]).into_owned(),
            &data[i + 1..],
        ),
        None => return,
    };
    let article = Arc::new(Article::new(ARTICLE));
    let config = Config::default();
    let mut live = Parsed::new(start.as_str());
    let mut cache = ClaimCache::new();
    for edit in script.chunks_exact(4).take(64) {
        let len = live.text.len();
        let mut a = edit[0] as usize * (len + 1) / 256;
        while !live.text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (a + edit[1] as usize % 24).min(len);
        while !live.text.is_char_boundary(b) {
            b -= 1;
        }
        let b = b.max(a);
        let inserted = PIECES[edit[2] as usize % PIECES.len()].repeat(edit[3] as usize % 3);
        let mut expected = live.text.clone();
        expected.replace_range(a..b, &inserted);
        if !live.edit(Span::new(a, b), &inserted) {
            live = Parsed::new(expected.as_str());
        }
        let fresh = Parsed::new(expected.as_str());
        assert_eq!(live.text, fresh.text);
        assert_eq!(live.tree, fresh.tree);
        assert_eq!(live.model, fresh.model);
        assert_eq!(live.structural, fresh.structural);
        let warm = check(&live, ArticleRef::Loaded(&article), &config, &mut cache);
        let cold = check(
            &fresh,
            ArticleRef::Loaded(&article),
            &config,
            &mut ClaimCache::new(),
        );
        assert_eq!(warm, cold);
    }
}

#[cfg(test)]
mod tests {
    /// Replays AFL findings without AFL: `FUZZ_REPLAY=format:out/format/default/crashes
    /// cargo test --lib replay -- --nocapture` runs every file of the folder through the
    /// target's property and lists the ones that fail.
    #[test]
    fn replay() {
        let Ok(spec) = std::env::var("FUZZ_REPLAY") else {
            return;
        };
        let (name, dir) = spec.split_once(':').expect("TARGET:DIR");
        let property: fn(&[u8]) = match name {
            "check" => super::parse_and_check,
            "format" => super::format,
            "transport" => super::transport,
            "incremental" => super::incremental,
            other => panic!("no target {other}"),
        };
        let mut failed = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if !path.is_file() {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            if std::panic::catch_unwind(|| property(&data)).is_err() {
                failed.push(path);
            }
        }
        assert!(failed.is_empty(), "{} failing: {failed:#?}", failed.len());
    }

    /// Every seed of every target passes its property (what `run.sh` fuzzes from).
    #[test]
    fn the_seed_corpora_pass() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let targets: [(&str, fn(&[u8])); 4] = [
            ("check", super::parse_and_check),
            ("format", super::format),
            ("transport", super::transport),
            ("incremental", super::incremental),
        ];
        for (name, property) in targets {
            let mut seeds = 0;
            for entry in std::fs::read_dir(root.join(name)).unwrap() {
                property(&std::fs::read(entry.unwrap().path()).unwrap());
                seeds += 1;
            }
            assert!(seeds > 0, "{name} has seeds");
        }
    }
}
