//! The formatter: one canonical layout, never a lost character.
//!
//! Header fields and block heads at column 0, block fields indented by two spaces,
//! continuation lines by four (two for a header field's), one space after each `:`, one
//! blank line between blocks, no trailing whitespace, one final line break. Comments keep
//! their text. Lines the parser could not make sense of keep their text, because
//! guessing at a half-typed line could change what it means. The file's line-break style
//! and byte order mark are kept.

use crate::syntax::{parse, LineKind};

const FIELD_INDENT: &str = "  ";
const CONTINUATION_INDENT: &str = "    ";

/// The formatted text of a `.claims` file.
pub fn format(text: &str) -> String {
    let tree = parse(text);
    let brk = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    out.push_str(&text[..tree.bom]);
    let mut pending_blank = false;
    let mut in_block = false;
    let mut wrote_any = false;
    for line in &tree.lines {
        let content = line.content().slice(text);
        // Only spaces and tabs indent; a U+FEFF inside the file is text (the file's own
        // byte order mark is not part of the first line's content).
        let rest = content.trim_start_matches([' ', '\t']);
        let formatted: String = match line.kind() {
            LineKind::Blank => {
                pending_blank = wrote_any;
                continue;
            }
            LineKind::Comment => {
                // Inside a block a comment sits with the fields; outside, at column 0.
                let indent = if in_block && line.indent() > 0 {
                    FIELD_INDENT
                } else {
                    ""
                };
                format!("{indent}{}", rest.trim_end())
            }
            LineKind::BlockHeader => {
                in_block = true;
                // Blocks are separated by one blank line.
                pending_blank = wrote_any;
                let key = line.key().map_or("", |k| k.slice(text));
                let name = line.value().map_or("", |v| v.slice(text));
                if name.is_empty() {
                    key.to_string()
                } else {
                    format!("{key} {name}")
                }
            }
            LineKind::Field => {
                let key = line.key().map_or("", |k| k.slice(text));
                let value = line.value().map_or("", |v| v.slice(text));
                let indent = if line.indent() == 0 {
                    in_block = false;
                    ""
                } else {
                    FIELD_INDENT
                };
                if value.is_empty() {
                    format!("{indent}{key}:")
                } else {
                    format!("{indent}{key}: {value}")
                }
            }
            // A continuation whose text starts with `#` once a vertical tab or another
            // unusual space before it is dropped would read as a comment when re-indented:
            // its text is kept as written, with that unusual space, and only its spaces
            // and tabs are re-indented, deeper than the field (kept as it was, it could
            // end up no deeper than its re-indented field and parse differently next time).
            LineKind::Continuation
                if line.value().is_some_and(|v| v.slice(text).starts_with('#')) =>
            {
                let indent = if in_block {
                    CONTINUATION_INDENT
                } else {
                    FIELD_INDENT
                };
                format!("{indent}{}", rest.trim_end_matches([' ', '\t']))
            }
            LineKind::Continuation => {
                let value = line.value().map_or("", |v| v.slice(text));
                let indent = if in_block {
                    CONTINUATION_INDENT
                } else {
                    FIELD_INDENT
                };
                format!("{indent}{value}")
            }
            // Kept as written, at the field indentation so it cannot turn into a
            // continuation of the field above once that field is re-indented.
            // Only spaces and tabs are trimmed: a line the parser refused because of a
            // trailing form feed could otherwise turn into a block header next time.
            LineKind::Error if line.indent() > 0 => {
                format!("{FIELD_INDENT}{}", rest.trim_end_matches([' ', '\t']))
            }
            LineKind::Error => content.trim_end_matches([' ', '\t']).to_string(),
        };
        // A U+FEFF opening the first line written would read as a byte order mark next
        // time (and the line then parse differently): a blank line keeps it text.
        if pending_blank
            || (!wrote_any && out.len() == tree.bom && formatted.starts_with('\u{feff}'))
        {
            out.push_str(brk);
        }
        pending_blank = false;
        out.push_str(&formatted);
        out.push_str(brk);
        wrote_any = true;
    }
    out
}

/// The smallest single edit that turns `old` into `new`: the span of `old` between their
/// common prefix and suffix, and its replacement. `None` when they are equal. Editors keep
/// the cursor and folds outside the edit where they were.
pub fn minimal_edit(old: &str, new: &str) -> Option<(crate::text::Span, String)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Some((
        crate::text::Span::new(prefix, old.len() - suffix),
        new[prefix..new.len() - suffix].to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Parsed;

    const MESSY: &str = "# header comment   \narticle:a.txt\ndate:   2020-10-02\n\n\n\nactor  Russian Foreign Ministry\n\taka:Moscow,  Russia\n\tkind: government\nclaim  c-1\n   source: Moscow\n   quote: one two\n\t\t\t\tthree  four\n   # note to self\n\n\n   stance: asserts   \n\n\n";

    /// Everything a reader of the model sees: ids, names and every value.
    fn meaning(text: &str) -> Vec<String> {
        let p = Parsed::new(text);
        let mut out = Vec::new();
        for f in [
            &p.model.header.article,
            &p.model.header.date,
            &p.model.header.publisher,
        ]
        .into_iter()
        .flatten()
        {
            out.push(format!("{}={}", f.name, f.value.text));
        }
        for a in &p.model.actors {
            out.push(format!(
                "actor {} {:?} {:?}",
                a.name,
                a.aliases.iter().map(|x| &x.text).collect::<Vec<_>>(),
                a.kind_str()
            ));
        }
        for c in &p.model.claims {
            out.push(format!(
                "claim {} {:?} {:?}",
                c.id,
                c.source_name(),
                c.stance.as_ref().map(|s| &s.value.text)
            ));
            out.extend(c.quotes.iter().map(|q| q.value.text.to_string()));
            out.extend(c.relations.iter().map(|r| r.target.text.clone()));
        }
        out
    }

    fn non_space(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn minimal_edit_touches_only_the_difference() {
        assert_eq!(minimal_edit("abc", "abc"), None);
        let (span, text) =
            minimal_edit("claim a\n   source: X\n", "claim a\n  source: X\n").unwrap();
        assert_eq!((span.start, span.end, text.as_str()), (10, 11, ""));
        // Multi-byte characters are never split.
        let (old, new) = ("é😀x", "é😁x");
        let (span, text) = minimal_edit(old, new).unwrap();
        let mut applied = old.to_string();
        applied.replace_range(span.start..span.end, &text);
        assert_eq!(applied, new);
        assert_eq!(text, "😁");
    }

    #[test]
    fn canonical_layout() {
        assert_eq!(
            format(MESSY),
            "# header comment\narticle: a.txt\ndate: 2020-10-02\n\nactor Russian Foreign Ministry\n  aka: Moscow,  Russia\n  kind: government\n\nclaim c-1\n  source: Moscow\n  quote: one two\n    three  four\n  # note to self\n\n  stance: asserts\n"
        );
    }

    #[test]
    fn keeps_meaning_text_crlf_and_bom_and_is_idempotent() {
        let example = include_str!("../examples/000_a935861ad7be96ce.claims");
        let crlf = format!("\u{feff}{}", MESSY.replace('\n', "\r\n"));
        for text in [
            MESSY,
            example,
            crlf.as_str(),
            "",
            "\n\n",
            "claim x\n  sour\n  quote: q\n",
        ] {
            let once = format(text);
            assert_eq!(meaning(&once), meaning(text), "{text:?}");
            assert_eq!(
                non_space(&once),
                non_space(text),
                "no character lost: {text:?}"
            );
            assert_eq!(format(&once), once, "idempotent: {text:?}");
        }
        assert!(format(&crlf).starts_with('\u{feff}'));
        assert!(
            !format(&crlf).replace("\r\n", "").contains('\n'),
            "CRLF kept"
        );
    }

    #[test]
    fn random_edits_keep_meaning_and_text() {
        let example = include_str!("../examples/000_a935861ad7be96ce.claims");
        let pieces = [
            "\n",
            "\r\n",
            "  ",
            "\t",
            "#",
            ":",
            "claim ",
            "actor ",
            "  quote: x",
            "    more",
            "é",
            "😀",
            "\u{2028}",
        ];
        let mut seed: u64 = 3;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        for round in 0..300 {
            let mut text = example.to_string();
            for _ in 0..1 + next(5) {
                let mut at = next(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                if next(2) == 0 {
                    text.insert_str(at, pieces[next(pieces.len())]);
                } else {
                    let mut end = (at + next(30)).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(at..end, "");
                }
            }
            let once = format(&text);
            assert_eq!(meaning(&once), meaning(&text), "round {round}: {text:?}");
            assert_eq!(non_space(&once), non_space(&text), "round {round}");
            assert_eq!(format(&once), once, "round {round}: idempotent");
        }
    }

    /// Found by the `format` fuzz target: a U+FEFF after the indentation was dropped, one
    /// opening the first line became a byte order mark, and a line ending in a form feed
    /// turned into a block header once trimmed, a continuation `\x0b # x` became a comment
    /// once re-indented (not idempotent).
    #[test]
    fn keeps_a_byte_order_mark_inside_the_file() {
        for text in [
            "claim x\n   \u{feff}article: a\n",
            "claim x\n  \u{feff}# c\n",
            "claim x\n  : one\n   \u{feff}article: a.  two\n",
            "\u{feff}\u{feff}# c\n",
            " \n\u{feff}  ",
            "\n\u{feff}key:v\n",
            "claim \nclaim\x0c\n/ \u{feff}# c\n/ \u{feff}# c\n",
            "claiim \nclaim\x0b\n \u{feff}# c\n/ \u{feff}# c\n",
            "claim a\n  aka: Berg\n   \x0b # x\n",
        ] {
            let once = format(text);
            assert_eq!(non_space(&once), non_space(text), "{text:?} -> {once:?}");
            assert_eq!(format(&once), once, "{text:?}: idempotent");
        }
    }

    #[test]
    fn the_bundled_example_is_already_formatted() {
        let example = include_str!("../examples/000_a935861ad7be96ce.claims");
        assert_eq!(format(example), example);
    }
}
#[cfg(test)]
mod fuzz_found {
    /// Found by the format fuzz target: a continuation that starts with a vertical tab
    /// and `#`, indented less than its field will be, stayed as written and was no
    /// longer a continuation the next time.
    #[test]
    fn vertical_tab_comment_lines() {
        let text = "claim a\n Aeka: er\n    \u{b} #Bdxxg\n\t \u{b} # x\n";
        let once = super::format(text);
        let ns = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(ns(&once), ns(text), "{once:?}");
        assert_eq!(super::format(&once), once, "{once:?}");
    }
}
