//! C010-C013: is each quote in the article, and how exactly.

use super::place::Placed;
use super::{Anchor, ClaimResult, Context};
use crate::article::{MatchLevel, QuoteSearch};
use crate::diagnostic::{Code, Diagnostic, Target};
use crate::model::{Claim, Field};
use crate::text::{clip, collapse_whitespace as collapse, Span};

pub(super) fn check(ctx: &Context<'_>, claim: &Claim, result: &mut ClaimResult) {
    for (index, quote) in claim
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.value.is_empty())
    {
        check_quote(ctx, claim, index, quote, result);
    }
}

fn check_quote(
    ctx: &Context<'_>,
    claim: &Claim,
    index: usize,
    quote: &Field,
    result: &mut ClaimResult,
) {
    let article = ctx.article;
    let value = &quote.value;
    // A quote the article holds in several places is anchored where the claim fits.
    let (search, place) = super::place::place_quote(
        article,
        ctx.model,
        &ctx.config.cue_verbs,
        claim,
        &value.text,
    );
    match &search {
        QuoteSearch::NotFound {
            failed_part,
            closest,
        } => {
            let parts = crate::article::split_elisions(&value.text);
            let part = parts
                .get(*failed_part)
                .copied()
                .unwrap_or(Span::new(0, value.text.len()));
            let span = value.file_span(part.start, part.end);
            let mut message = if *failed_part > 0 {
                format!(
                    "quote part `{}` is not in the article after the part before it in the same paragraph: elided parts must appear in order within one paragraph",
                    clip(part.slice(&value.text), 60)
                )
            } else {
                "quote is not in the article, nor anything close to it: copy the words verbatim from the article".to_string()
            };
            let mut d = Diagnostic::new(Code::QuoteNotFound, span, String::new());
            if let Some((near, distance)) = closest {
                let near_text = collapse(near.slice(&article.text));
                message = format!(
                    "{message}; the closest article text (line {}, {distance} characters differ) is `{}`",
                    article.line_number(near.start),
                    clip(&near_text, 80)
                );
                d = d.with_related(Target::Article, *near, "closest text in the article");
            }
            d.message = message.into();
            result.diagnostics.push(d);
        }
        QuoteSearch::Found { parts, occurrences } => {
            for part in parts {
                // Most parts match exactly and need none of what a finding says: the
                // article's text, its line and the fix are worked out only for a finding.
                if part.level == MatchLevel::Exact {
                    continue;
                }
                let span = value.file_span(part.quote.start, part.quote.end);
                let article_text = part.article.slice(&article.text);
                let replacement = collapse(article_text);
                let fix_text = rewrap(&replacement, span.slice(ctx.text));
                let line = article.line_number(part.article.start);
                match part.level {
                    MatchLevel::Exact => {}
                    MatchLevel::Normalized => {
                        let what =
                            normalized_difference(part.quote.slice(&value.text), article_text);
                        result.diagnostics.push(
                            Diagnostic::new(
                                Code::QuoteNormalized,
                                span,
                                format!("quote matches the article (line {line}) only after normalizing {what}: write it as the article does"),
                            )
                            .with_related(Target::Article, part.article, "the article's text")
                            .with_fix("Use the article's exact text", span, fix_text),
                        );
                    }
                    MatchLevel::NearMiss { distance } => {
                        let changes = word_diff(part.quote.slice(&value.text), &replacement);
                        result.diagnostics.push(
                            Diagnostic::new(
                                Code::QuoteNearMiss,
                                span,
                                format!(
                                    "quote differs from the article (line {line}, {distance} character{} off): {}; the article has `{}`",
                                    if distance == 1 { "" } else { "s" },
                                    describe_changes(&changes),
                                    clip(&replacement, 100)
                                ),
                            )
                            .with_related(Target::Article, part.article, "closest text in the article")
                            .with_fix("Replace with the article's text", span, fix_text),
                        );
                    }
                }
            }
            if *occurrences > 1 {
                let anchor = search.article_span().expect("found");
                result.diagnostics.push(
                    Diagnostic::new(
                        Code::QuoteAmbiguous,
                        value.span(),
                        match place {
                            Placed::Body(0) => format!(
                                "quote occurs {occurrences} times in the article; it is anchored to the first (line {}): quote more words to make it unique",
                                article.line_number(anchor.start)
                            ),
                            Placed::Body(i) => format!(
                                "quote occurs {occurrences} times in the article; it is anchored to occurrence {} (line {}), where the claim's source and cue fit best: quote more words to make it unique",
                                i + 1,
                                article.line_number(anchor.start)
                            ),
                            Placed::Headline => format!(
                                "quote occurs {occurrences} times in the article and in its headline; it is anchored to the headline (line {}), where the claim's source and cue fit best: quote more words to make it unique",
                                article.line_number(anchor.start)
                            ),
                        },
                    )
                    .with_related(Target::Article, anchor, "anchored here"),
                );
            }
            if let Some(anchor) = search.article_span() {
                let exact = !matches!(search.level(), Some(MatchLevel::NearMiss { .. }));
                result.anchors.push(Anchor::new(anchor, exact, index));
            }
        }
    }
    // Kept for export and report, which render where each part is.
    if ctx.keep_quotes {
        result.quotes.push((index, search));
    }
}

/// Lays `replacement` out over as many lines as `original` (a quote continued over several
/// lines), breaking between words at about the same places and keeping the continuation
/// indentation and line-break style, so a fix does not turn a wrapped quote into one
/// long line.
fn rewrap(replacement: &str, original: &str) -> String {
    let lines: Vec<&str> = original.lines().collect();
    if lines.len() < 2 {
        return replacement.to_string();
    }
    let indent: String = lines[1]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let brk = if original.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let widths: Vec<usize> = lines.iter().map(|l| l.trim().chars().count()).collect();
    let total: usize = widths.iter().sum::<usize>().max(1);
    let scale = replacement.chars().count() as f64 / total as f64;
    let mut out = String::with_capacity(replacement.len() + lines.len() * (indent.len() + 2));
    let mut words = replacement.split(' ').peekable();
    for (i, width) in widths.iter().enumerate() {
        let last = i + 1 == widths.len();
        let budget = (*width as f64 * scale).round() as usize;
        let mut used = 0;
        if i > 0 {
            if words.peek().is_none() {
                break;
            }
            out.push_str(brk);
            out.push_str(&indent);
        }
        while let Some(w) = words.peek() {
            let len = w.chars().count();
            if used > 0 && !last && used + 1 + len > budget {
                break;
            }
            if used > 0 {
                out.push(' ');
                used += 1;
            }
            out.push_str(w);
            used += len;
            words.next();
        }
    }
    out
}

/// Names what normalizing had to forgive, for the C012 message.
fn normalized_difference(quote: &str, article: &str) -> &'static str {
    let q = collapse(quote);
    let a = collapse(article);
    if q.to_lowercase() == a.to_lowercase() {
        "letter case"
    } else if q
        .chars()
        .filter(|c| c.is_alphanumeric())
        .eq(a.chars().filter(|c| c.is_alphanumeric()))
    {
        "quotes, apostrophes, dashes or ellipses"
    } else {
        "case and punctuation"
    }
}

/// One difference between two texts, in words: `(quote words, article words)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub quote: String,
    pub article: String,
}

/// Word-level differences between `quote` and `article` (longest common subsequence).
pub fn word_diff(quote: &str, article: &str) -> Vec<Change> {
    let a: Vec<&str> = quote.split_whitespace().collect();
    let b: Vec<&str> = article.split_whitespace().collect();
    // Quotes are short; cap the table so a pathological input stays cheap.
    if a.len() * b.len() > 250_000 {
        return vec![Change {
            quote: clip(quote, 40),
            article: clip(article, 40),
        }];
    }
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    let mut cur = (Vec::new(), Vec::new());
    let flush = |cur: &mut (Vec<&str>, Vec<&str>), out: &mut Vec<Change>| {
        if !cur.0.is_empty() || !cur.1.is_empty() {
            out.push(Change {
                quote: cur.0.join(" "),
                article: cur.1.join(" "),
            });
            cur.0.clear();
            cur.1.clear();
        }
    };
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            flush(&mut cur, &mut out);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            cur.1.push(b[j]);
            j += 1;
        } else {
            cur.0.push(a[i]);
            i += 1;
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Control characters (a terminal escape, NUL) written as escapes, so a message never
/// carries them raw.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn describe_changes(changes: &[Change]) -> String {
    let mut parts: Vec<String> = changes
        .iter()
        .take(3)
        .map(|c| {
            let (quote, article) = (visible(&c.quote), visible(&c.article));
            match (quote.is_empty(), article.is_empty()) {
                (true, _) => format!("missing `{article}`"),
                (_, true) => format!("extra `{quote}`"),
                _ => format!("`{quote}` should be `{article}`"),
            }
        })
        .collect();
    if changes.len() > 3 {
        parts.push(format!("and {} more", changes.len() - 3));
    }
    if parts.is_empty() {
        "punctuation differs".into()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_finds_typos_and_dropped_words() {
        let d = word_diff(
            "Moscow was concernd over about the transfer",
            "Moscow was concerned over reports about the transfer",
        );
        assert_eq!(
            d,
            [
                Change {
                    quote: "concernd".into(),
                    article: "concerned".into()
                },
                Change {
                    quote: "".into(),
                    article: "reports".into()
                }
            ]
        );
        assert_eq!(
            describe_changes(&d),
            "`concernd` should be `concerned`, missing `reports`"
        );
        assert!(word_diff("same words", "same  words").is_empty());
    }

    #[test]
    fn rewrap_keeps_the_line_layout() {
        let original = "Moscow was concernd over reports about\r\n    the transfer of militants";
        let fixed = rewrap(
            "Moscow was concerned over reports about the transfer of militants",
            original,
        );
        assert_eq!(
            fixed,
            "Moscow was concerned over reports about\r\n    the transfer of militants"
        );
        assert_eq!(rewrap("one line", "one lime"), "one line");
        // More lines than words: no empty continuation lines.
        assert_eq!(rewrap("a b", "x\n  y\n  z\n  w"), "a\n  b");
    }

    #[test]
    fn names_the_normalization() {
        assert_eq!(normalized_difference("Moscow", "moscow"), "letter case");
        assert_eq!(
            normalized_difference("\"x\"", "\u{201c}x\u{201d}"),
            "quotes, apostrophes, dashes or ellipses"
        );
    }
}
