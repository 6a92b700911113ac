//! The long description of every check, read from `docs/format.md` (compiled in), so that
//! `claimls explain`, `claimls rules` and the documentation can never disagree.

use crate::diagnostic::Code;

const FORMAT_MD: &str = include_str!("../docs/format.md");

/// The section of docs/format.md headed `### C011 quote-near-miss`, without its heading:
/// what the check finds, an example that produces it, and the fix.
pub fn explanation(code: Code) -> Option<&'static str> {
    let heading = format!("### {} {}", code.as_str(), code.name());
    let start = FORMAT_MD
        .match_indices(&heading)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || FORMAT_MD.as_bytes()[i - 1] == b'\n')?;
    let body = &FORMAT_MD[start + heading.len()..];
    let body = body.strip_prefix('\n').unwrap_or(body);
    let end = next_heading(body).unwrap_or(body.len());
    Some(body[..end].trim())
}

/// The byte offset of the next `#`-heading line of `md` outside fenced code blocks.
fn next_heading(md: &str) -> Option<usize> {
    let mut fenced = false;
    let mut offset = 0;
    for line in md.split_inclusive('\n') {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// A code looked up by code or name, or the closest ones for a "did you mean".
pub fn lookup(query: &str) -> Result<Code, Vec<Code>> {
    if let Some(code) = Code::parse(query) {
        return Ok(code);
    }
    let q = query.trim().to_ascii_lowercase();
    let mut near: Vec<(usize, Code)> = Code::ALL
        .iter()
        .map(|&c| {
            let by_code = strsim::levenshtein(&q, &c.as_str().to_ascii_lowercase());
            let by_name = strsim::levenshtein(&q, c.name());
            (by_code.min(by_name), c)
        })
        .filter(|&(d, c)| d <= 2.max(c.name().len() / 4))
        .collect();
    near.sort();
    Err(near.into_iter().take(3).map(|(_, c)| c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_section_with_an_example() {
        for &code in Code::ALL {
            let text = explanation(code).unwrap_or_else(|| panic!("{code} has no section"));
            assert!(text.len() > 80, "{code}: {text}");
            assert!(
                !text.contains("\n### "),
                "{code}: runs into the next section"
            );
            assert!(text.contains("```"), "{code} has no example");
        }
    }

    #[test]
    fn sections_stop_at_the_next_heading_not_inside_examples() {
        let c011 = explanation(Code::QuoteNearMiss).unwrap();
        assert!(c011.starts_with("The quote (or a part of an elided quote) differs"));
        assert!(!c011.contains("quote-normalized"));
    }

    #[test]
    fn lookup_by_code_name_or_near_miss() {
        assert_eq!(lookup("c011"), Ok(Code::QuoteNearMiss));
        assert_eq!(lookup("quote-near-miss"), Ok(Code::QuoteNearMiss));
        assert_eq!(lookup("quote-near-mis"), Err(vec![Code::QuoteNearMiss]));
        assert!(lookup("C999").is_err());
        assert_eq!(lookup("nothing like it at all"), Err(vec![]));
    }
}
