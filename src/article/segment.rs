//! Header, paragraph and sentence boundaries of an article.

use super::Sentence;
use crate::text::{lines, Span};

/// `(date, headline, header_line)` from the first line: `date YYYY-MM-DD <headline>`, or a
/// headline alone when a blank line follows it.
pub(super) fn header(text: &str) -> (Option<(String, Span)>, Option<Span>, Option<Span>) {
    let mut it = lines(text);
    let Some((first, first_full)) = it.next() else {
        return (None, None, None);
    };
    let line = first.slice(text);
    let lead = line.len()
        - line
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .len();
    let trimmed = line[lead..].trim_end();
    if trimmed.is_empty() {
        return (None, None, None);
    }
    let base = first.start + lead;
    if let Some(rest) = trimmed.strip_prefix("date") {
        let after = rest.trim_start();
        let date = after.get(..10).filter(|d| is_iso_date(d));
        if let (Some(date), true) = (date, rest.starts_with(char::is_whitespace)) {
            let date_start = base + 4 + (rest.len() - after.len());
            let headline_text = after[10..].trim();
            let headline = (!headline_text.is_empty()).then(|| {
                let hs = base + trimmed.find(headline_text).unwrap_or(trimmed.len());
                Span::new(hs, hs + headline_text.len())
            });
            return (
                Some((date.to_string(), Span::new(date_start, date_start + 10))),
                headline,
                Some(first_full),
            );
        }
    }
    let next_blank = it
        .next()
        .is_none_or(|(l, _)| l.slice(text).trim().is_empty());
    if next_blank {
        let h = Span::new(base, base + trimmed.len());
        return (None, Some(h), Some(first_full));
    }
    (None, None, None)
}

fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Lines longer than this on average are whole paragraphs, not a hard-wrapped text.
const WRAP_WIDTH: usize = 100;

/// Runs of non-blank lines from `from` on, trimmed. A body with no blank line at all but
/// long lines is one paragraph per line, as many article dumps are written.
pub(super) fn paragraphs(text: &str, from: usize) -> Vec<Span> {
    let body: Vec<Span> = lines(text)
        .map(|(l, _)| l)
        .filter(|l| l.start >= from)
        .collect();
    let non_blank: Vec<Span> = body
        .iter()
        .copied()
        .filter(|l| !l.slice(text).trim().is_empty())
        .collect();
    let first = body.iter().position(|l| !l.slice(text).trim().is_empty());
    let last = body.iter().rposition(|l| !l.slice(text).trim().is_empty());
    let inner_blank = match (first, last) {
        (Some(a), Some(b)) => body[a..=b].iter().any(|l| l.slice(text).trim().is_empty()),
        _ => false,
    };
    if !inner_blank && non_blank.len() > 1 {
        let average = non_blank.iter().map(|l| l.len()).sum::<usize>() / non_blank.len();
        if average > WRAP_WIDTH {
            return non_blank.iter().map(|l| trim_span(text, *l)).collect();
        }
    }
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for (line, _) in lines(text).filter(|(l, _)| l.start >= from) {
        let s = line.slice(text);
        if s.trim().is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
            continue;
        }
        let lead = s.len() - s.trim_start().len();
        let span = Span::new(line.start + lead, line.start + s.trim_end().len());
        current = Some(match current {
            Some(p) => Span::new(p.start, span.end),
            None => span,
        });
    }
    out.extend(current);
    // Kept with the article: without the room left by growing.
    crate::text::sized_exactly(out)
}

fn trim_span(text: &str, line: Span) -> Span {
    let s = line.slice(text);
    let lead = s.len() - s.trim_start().len();
    Span::new(line.start + lead, line.start + s.trim_end().len())
}

/// Words before a period that do not end a sentence (compared lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "maj", "rep", "sen", "gov", "pres", "rev", "hon", "no", "nos", "vs", "etc", "inc", "ltd", "co",
    "corp", "dept", "est", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mt", "ft", "fig", "al", "vol",
];

const CLOSERS: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', ')', ']', '\u{bb}'];

/// Sentences of each paragraph. A sentence ends at `.`, `!`, `?` or `…` (after any closing
/// quotes or brackets) followed by white space and a capital letter, a digit or an opening
/// quote, unless the period ends an abbreviation (Mr., U.S., a single initial).
pub(super) fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(paragraphs.len() * 3);
    for (pi, para) in paragraphs.iter().enumerate() {
        let p = para.slice(text);
        let mut start = 0;
        // Only sentence-ending punctuation is looked at; the text between is skipped.
        let bytes = p.as_bytes();
        // The marks in order: what `match_indices(['.', '!', '?', '…'])` gives, without
        // decoding every character. The ASCII marks by `memchr3`, the rare `…` by a
        // search of its three bytes, merged.
        let ellipsis = "\u{2026}".as_bytes();
        let mut ellipses = memchr::memmem::find_iter(bytes, ellipsis).peekable();
        let mut ascii = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
        let marks = std::iter::from_fn(|| {
            let (at, len) = match (ascii.peek(), ellipses.peek()) {
                (Some(&a), Some(&e)) if e < a => (ellipses.next()?, ellipsis.len()),
                (Some(_), _) => (ascii.next()?, 1),
                (None, Some(_)) => (ellipses.next()?, ellipsis.len()),
                (None, None) => return None,
            };
            Some((at, &p[at..at + len]))
        });
        for (at, mark) in marks {
            if at < start {
                continue;
            }
            let after = &p[at + mark.len()..];
            let closed = after.trim_start_matches(CLOSERS);
            let end = p.len() - closed.len();
            let next = closed.trim_start();
            let spaced = next.len() < closed.len();
            let followed_by_start = spaced
                && next.chars().next().is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '\u{ab}')
                });
            if followed_by_start
                && !(mark == "." && is_abbreviation(&p[..at]) && !ends_anyway(&p[..at], next))
            {
                push(&mut out, *para, start, end, pi);
                start = p.len() - next.len();
            }
        }
        push(&mut out, *para, start, p.len(), pi);
    }
    // Kept with the article: without the room guessed for three sentences a paragraph
    // (or grown past it).
    crate::text::sized_exactly(out)
}

fn push(out: &mut Vec<Sentence>, para: Span, start: usize, end: usize, paragraph: usize) {
    if end > start {
        out.push(Sentence::new(
            Span::new(para.start + start, para.start + end),
            paragraph,
        ));
    }
}

/// Abbreviations that end a sentence as often as any word (`… shortly after 2 a.m.`,
/// `… and Sons Inc.`), unlike titles (`Mr.`, `Sen.`) and months (`Jan. 5`): such a period
/// ends the sentence when the next word is one that opens sentences (`The`, `He`, `But`).
fn ends_anyway(before: &str, next: &str) -> bool {
    let word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()
        .unwrap_or("")
        .to_lowercase();
    // `No.` abbreviates a number only before one (`No. 10`); `Forde said no. "We …`
    // ends a sentence.
    if matches!(word.as_str(), "no" | "nos") {
        return !next.starts_with(|c: char| c.is_ascii_digit() || c == '#');
    }
    let final_ok = matches!(
        word.as_str(),
        "etc" | "inc" | "ltd" | "co" | "corp" | "jr" | "sr"
    ) || (word.contains('.')
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    let opener = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    final_ok && SENTENCE_OPENERS.contains(&opener)
}

/// Words that open sentences and seldom follow an abbreviation inside one.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "Then",
    "Earlier",
    "Later",
    "Meanwhile",
    "However",
];

/// Whether the word right before a period (the end of `before`) is an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word: &str = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // "U.S", "U.N", "e.g": dotted initials.
    if word.contains('.') {
        return word.split('.').all(|w| w.chars().count() <= 2);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let paras = paragraphs(text, 0);
        sentences(text, &paras)
            .into_iter()
            .map(|s| s.span().slice(text))
            .collect()
    }

    #[test]
    fn an_abbreviation_that_may_end_a_sentence_ends_one_before_an_opener() {
        assert_eq!(
            split("Blasts were heard after 2 a.m. Those reports could not be checked."),
            [
                "Blasts were heard after 2 a.m.",
                "Those reports could not be checked."
            ]
        );
        assert_eq!(
            split("The suit names Dole and Sons Inc. The firm denies it."),
            ["The suit names Dole and Sons Inc.", "The firm denies it."]
        );
        assert_eq!(
            split("Asked about taxes, Forde said no. \"We will close loopholes,\" he said."),
            [
                "Asked about taxes, Forde said no.",
                "\"We will close loopholes,\" he said."
            ]
        );
        // Titles, months and names go on.
        for text in [
            "Blasts were heard at 2 a.m. Tuesday near the base.",
            "The talks ended with Sen. Ann Dole absent.",
            "He met Mr. The Rock, as the wrestler is known.",
            "Talks resume in the U.S. Capitol on Jan. 5.",
            "The shop at No. 10 Harbor Street closed.",
        ] {
            assert_eq!(split(text), [text]);
        }
    }

    #[test]
    fn abbreviations_and_numbers_do_not_end_sentences() {
        assert_eq!(
            split("Dr. No met Gen. Smith in the U.S. Army base. He paid $1,500.50 to J. Doe. \"Why?\" he asked. \"Fine.\" She left."),
            ["Dr. No met Gen. Smith in the U.S. Army base.", "He paid $1,500.50 to J. Doe.", "\"Why?\" he asked.", "\"Fine.\"", "She left."]
        );
    }

    #[test]
    fn ellipses_and_marks_in_order() {
        assert_eq!(
            split("Wait\u{2026} Then go! Really? Yes\u{2026}\u{2026} \u{201c}Fine\u{2026}\u{201d} Done. Over"),
            [
                "Wait\u{2026}",
                "Then go!",
                "Really?",
                "Yes\u{2026}\u{2026}",
                "\u{201c}Fine\u{2026}\u{201d}",
                "Done.",
                "Over"
            ]
        );
    }

    #[test]
    fn sentence_ends_inside_quotes() {
        assert_eq!(
            split("It is \u{201c}collected.\u{201d} Then more."),
            ["It is \u{201c}collected.\u{201d}", "Then more."]
        );
    }

    #[test]
    fn one_paragraph_per_long_line_when_no_blank_line_separates_them() {
        let long = "word ".repeat(30);
        let text = format!("{long}one.\n{long}two.\n{long}three.\n");
        assert_eq!(paragraphs(&text, 0).len(), 3);
        // A hard-wrapped paragraph (short lines) stays one paragraph.
        assert_eq!(paragraphs("short line one\nshort line two\n", 0).len(), 1);
        // Blank lines, when there are any, decide.
        assert_eq!(
            paragraphs(&format!("{long}a\n{long}b\n\n{long}c\n"), 0).len(),
            2
        );
    }

    #[test]
    fn header_with_leading_space_and_crlf() {
        let text = " date 2020-10-02 Big news\r\n\r\nBody.";
        let (date, headline, line) = header(text);
        assert_eq!(date.unwrap().1.slice(text), "2020-10-02");
        assert_eq!(headline.unwrap().slice(text), "Big news");
        assert_eq!(line.unwrap().end, text.find("\r\n\r\n").unwrap() + 2);
        assert_eq!(paragraphs(text, line.unwrap().end).len(), 1);
    }

    #[test]
    fn paragraphs_and_sentences_fill_their_lists_exactly() {
        let example = include_str!("../../examples/000_a935861ad7be96ce.txt");
        let many = "One said so. Two did not.\n\n".repeat(100);
        let few = "A long paragraph. And another sentence. And a third. And a fourth one.";
        for text in ["", "x", example, many.as_str(), few] {
            let paras = paragraphs(text, 0);
            assert_eq!(paras.capacity(), paras.len());
            let all = sentences(text, &paras);
            assert_eq!(all.capacity(), all.len());
        }
        let paras = paragraphs(&many, 0);
        assert_eq!(paras.len(), 100);
        assert_eq!(sentences(&many, &paras).len(), 200);
        assert_eq!(split(few).len(), 4, "more sentences than three a paragraph");
    }

    #[test]
    fn a_packed_sentence_gives_back_its_span_and_paragraph() {
        let top = u32::MAX as usize;
        for (span, paragraph) in [
            (Span::new(0, 1), 0),
            (Span::new(17, 4_000), 12),
            (Span::new(top - 5, top), top),
        ] {
            let s = Sentence::new(span, paragraph);
            assert_eq!((s.span(), s.paragraph()), (span, paragraph));
        }
    }

    #[test]
    fn sentences_of_non_ascii_crlf_paragraphs_after_a_byte_order_mark() {
        let text = "\u{feff}Zoë sagte: „Die Brücke öffnet.“ Dann ging sie.\r\n\r\nÅngström antwortete… Nein!\r\n";
        let paras = paragraphs(text, 0);
        let got: Vec<_> = sentences(text, &paras)
            .iter()
            .map(|s| (s.paragraph(), s.span().slice(text)))
            .collect();
        let want: Vec<_> = split(text)
            .into_iter()
            .zip(sentences(text, &paras).iter().map(|s| s.paragraph()))
            .map(|(t, p)| (p, t))
            .collect();
        assert_eq!(got, want);
        assert_eq!(got.last().map(|(p, _)| *p), Some(1), "{got:?}");
        assert!(
            got.iter().any(|(_, t)| t.starts_with("Ångström")),
            "{got:?}"
        );
    }
}
