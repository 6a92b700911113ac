//! Names of actors: where the article mentions them, and how near a quote.

use crate::article::{Article, NamesByPosition};
use crate::model::{Annotation, Claim};
use crate::text::Span;

/// The article span a claim's first (non-empty) quote is anchored to: where the check
/// anchors it ([`crate::check::place`]; a hover or go to definition has no configuration,
/// so only the built-in reporting verbs weigh the cue).
pub(crate) fn quote_anchor(article: &Article, model: &Annotation, claim: &Claim) -> Option<Span> {
    crate::check::place::quote_anchor(article, model, &[], claim)
}

/// Where each part (between elisions) of a claim's first (non-empty) quote stands in the
/// article, in order, placed as [`quote_anchor`] places it. What lies between two parts
/// (`"…," said Ann Dole, "…"`) is not quoted: it may hold the speaker.
pub(crate) fn quote_parts(
    article: &Article,
    model: &Annotation,
    claim: &Claim,
) -> Option<Vec<Span>> {
    crate::check::place::quote_parts(article, model, &[], claim)
}

/// How near the nearest of `mentions` is to `anchor`: `(tier, distance in bytes)`, where
/// tier 0 is a mention in the anchor's sentence(s), 1 in its paragraph, 2 elsewhere and
/// 3 no mention at all. Smaller is nearer.
#[cfg(test)]
pub(crate) fn nearness(article: &Article, anchor: Span, mentions: &[Span]) -> (u8, usize) {
    Near::new(article, anchor).of(mentions)
}

/// The anchor's sentences and paragraph, worked out once for ranking many names.
pub(crate) struct Near<'a> {
    text: &'a str,
    anchor: Span,
    /// The quoted parts within `anchor`: a mention inside one is what was said.
    parts: Vec<Span>,
    /// From the first to the last sentence the anchor overlaps (empty in the headline).
    sentences: Option<Span>,
    paragraph: Option<Span>,
}

impl<'a> Near<'a> {
    pub(crate) fn new(article: &'a Article, anchor: Span) -> Near<'a> {
        Near::of_parts(article, &[anchor])
    }

    /// Nearness to a quote in several parts (`parts` in article order, not empty): a
    /// mention between two parts is as near as can be.
    pub(crate) fn of_parts(article: &'a Article, parts: &[Span]) -> Near<'a> {
        let anchor = match (parts.first(), parts.last()) {
            (Some(a), Some(b)) => a.cover(*b),
            _ => Span::default(),
        };
        let in_body = !article.in_header(anchor.start);
        let range = article.sentences_in(anchor);
        let sentences = match (
            article.sentences().get(range.start),
            range
                .end
                .checked_sub(1)
                .and_then(|e| article.sentences().get(e)),
        ) {
            (Some(a), Some(b)) if in_body => Some(a.span().cover(b.span())),
            _ => None,
        };
        let paragraph = article
            .paragraph_of(anchor.start)
            .filter(|_| in_body)
            .map(|p| article.paragraphs[p]);
        Near {
            text: &article.text,
            anchor,
            parts: parts.to_vec(),
            sentences,
            paragraph,
        }
    }

    /// Where the quote stands, from its first part to its last.
    pub(crate) fn anchor(&self) -> Span {
        self.anchor
    }

    /// Where a mention is looked at for more than its distance: the anchor's sentences and
    /// paragraph, and [`NEAR_TEXT`] either side. A name no mention of which meets this
    /// region (starts at or before its end and ends at or after its start) is, by
    /// [`Near::of`], `(2, distance)` from its nearest mention before or after the anchor.
    pub(crate) fn region(&self) -> Span {
        let around = Span::new(
            self.anchor.start.saturating_sub(NEAR_TEXT),
            self.anchor.end.saturating_add(NEAR_TEXT),
        );
        self.sentences
            .iter()
            .chain(&self.paragraph)
            .fold(around, |r, s| r.cover(*s))
    }

    pub(crate) fn of(&self, mentions: &[Span]) -> (u8, usize) {
        let anchor = self.anchor;
        // Mentions are in article order, and on each side of the anchor the closest one is
        // also in the best tier (sentence, then paragraph): two candidates suffice, found by
        // binary search, however often a name occurs. A name inside the quoted words is
        // what was said, not who said it, and is skipped; so is a place in a dateline or
        // a word of a section heading, written in capitals at the start of a line.
        let before = mentions.partition_point(|m| m.end <= anchor.start);
        let after = mentions.partition_point(|m| m.start < anchor.end);
        let nearest = [
            before.checked_sub(1),
            (after < mentions.len()).then_some(after),
        ];
        let quoted = |m: &Span| self.parts.iter().any(|p| p.contains_span(*m));
        // Between the parts of an elided quote (`"…," said Ann Dole, "…"`).
        let between = mentions[before.min(after)..after]
            .iter()
            .copied()
            .filter(|m| anchor.contains_span(*m));
        nearest
            .into_iter()
            .flatten()
            .map(|i| mentions[i])
            .chain(between)
            .filter(|m| {
                // Only near the quote, whose text is at hand: reading the article at every
                // name's far mention would cost a cache miss each on a large article.
                if quoted(m) {
                    return false;
                }
                let near = m.end + NEAR_TEXT > anchor.start && m.start < anchor.end + NEAR_TEXT;
                let place_or_label = near
                    && match capitals_line(self.text, *m) {
                        Some(Capitals::Dateline) => true,
                        // A heading holding the quote is the quote's own sentence.
                        Some(Capitals::Heading) => {
                            !self.paragraph.is_some_and(|p| p.contains_span(*m))
                        }
                        None => false,
                    };
                !place_or_label
            })
            .map(|m| {
                let tier = if self.sentences.is_some_and(|s| s.contains_span(m)) {
                    0
                } else if self.paragraph.is_some_and(|p| p.contains_span(m)) {
                    1
                } else {
                    2
                };
                let distance = if m.end <= anchor.start {
                    anchor.start - m.end
                } else {
                    m.start.saturating_sub(anchor.end)
                };
                (tier, distance)
            })
            .min()
            .unwrap_or((3, usize::MAX))
    }
}

/// The article's names (indices into its candidates) that `take` accepts, with their
/// distance to `anchor`, nearest first (then by index): the first `want` of them, read
/// outward from the anchor in `index`. A name's distance is its mention's nearest to the
/// anchor, before it (from the mention's end) or after it (to the mention's start), as
/// [`Near::of`] measures it for a name no mention of which meets [`Near::region`]; `take`
/// must accept no name with a mention that meets the anchor. `take` is asked once per
/// name read, and only the mentions up to the distance that settles the first `want`
/// names are read: on a long article, a few hundred around the anchor.
pub(crate) fn nearest_names(
    index: &NamesByPosition,
    candidates: usize,
    anchor: Span,
    want: usize,
    mut take: impl FnMut(usize) -> bool,
) -> Vec<(usize, usize)> {
    const UNSEEN: u32 = u32::MAX;
    const LEFT_OUT: u32 = u32::MAX - 1;
    if want == 0 {
        return Vec::new();
    }
    // The nearest distance read so far of each name, or a mark.
    let mut best = vec![UNSEEN; candidates];
    let mut taken: Vec<usize> = Vec::new();
    let mut visit = |best: &mut [u32], taken: &mut Vec<usize>, c: usize, distance: usize| {
        let distance = u32::try_from(distance).map_or(LEFT_OUT - 1, |d| d.min(LEFT_OUT - 1));
        match best[c] {
            LEFT_OUT => {}
            UNSEEN if take(c) => {
                best[c] = distance;
                taken.push(c);
            }
            UNSEEN => best[c] = LEFT_OUT,
            seen => best[c] = seen.min(distance),
        }
    };
    let (start, end) = (anchor.start, anchor.end);
    // Mentions `left..right` (of those starting before the anchor's start, and at or
    // after its end) are read.
    let mut left = index.first_at(start);
    let mut right = index.first_at(end);
    let mut radius: usize = 1024;
    loop {
        // Every mention at most `radius` from the anchor is read: then every name whose
        // distance is at most `radius` has it.
        while right < index.len() {
            let m = index.get(right);
            if m.span.start - end > radius {
                break;
            }
            right += 1;
            visit(&mut best, &mut taken, m.candidate, m.span.start - end);
        }
        // A mention starting before the anchor ends at most `longest` bytes later.
        while left > 0 {
            let m = index.get(left - 1);
            if start - m.span.start > radius.saturating_add(index.longest()) {
                break;
            }
            left -= 1;
            if m.span.end <= start {
                visit(&mut best, &mut taken, m.candidate, start - m.span.end);
            }
        }
        let all_read = left == 0 && right == index.len();
        let settled = |c: &usize| all_read || best[*c] as usize <= radius;
        if all_read || taken.iter().filter(|c| settled(c)).count() >= want {
            let mut nearest: Vec<(usize, usize)> = taken
                .iter()
                .filter(|c| settled(c))
                .map(|&c| (best[c] as usize, c))
                .collect();
            nearest.sort_unstable();
            nearest.truncate(want);
            return nearest;
        }
        radius = radius.saturating_mul(2);
    }
}

/// [`nearest_names`], name by name: the same answer, for a `take` that accepts few
/// names (those matching what the user has typed). Reading outward settles `want` names
/// only once that many are accepted, so with few accepted it reads every mention of a
/// long article; here `take` is asked first and only the accepted names' mentions are
/// read. A mention counts as `nearest_names` reads it: starting at or after the anchor's
/// end, or ending at or before its start; a name with no such mention is not returned.
pub(crate) fn nearest_names_by_name(
    candidates: &[crate::article::Candidate],
    anchor: Span,
    want: usize,
    mut take: impl FnMut(usize) -> bool,
) -> Vec<(usize, usize)> {
    if want == 0 {
        return Vec::new();
    }
    // The cap `nearest_names` keeps distances under (its marks sit above it).
    let cap = (u32::MAX - 2) as usize;
    let mut nearest: Vec<(usize, usize)> = Vec::new();
    for (c, cand) in candidates.iter().enumerate() {
        if !take(c) {
            continue;
        }
        let distance = cand
            .mentions
            .iter()
            .filter_map(|m| {
                if m.start >= anchor.end {
                    Some(m.start - anchor.end)
                } else if m.start < anchor.start && m.end <= anchor.start {
                    Some(anchor.start - m.end)
                } else {
                    None
                }
            })
            .min();
        if let Some(d) = distance {
            nearest.push((d.min(cap), c));
        }
    }
    nearest.sort_unstable();
    nearest.truncate(want);
    nearest
}

/// How far from the quote (bytes) a mention is looked at for a dateline or a heading.
const NEAR_TEXT: usize = 4096;

/// Whether `m`, written in capitals, stands in a dateline (`SALEM, Ore. — The council
/// …`, `ARLINGTON (Reuters) -- …`) or a section heading (`SUMMARY.`, a line in capitals):
/// at the start of a line, after nothing but capitals, and followed on its line by a
/// dash past words in capitals or abbreviations, or by nothing but capitals. A place or
/// a label, never who spoke. Looks at most a short line's length either side.
pub(crate) fn capitals_line(text: &str, m: Span) -> Option<Capitals> {
    /// A dateline or a heading is no longer than this (bytes) either side of the name.
    const REACH: usize = 60;
    let name = text.get(m.start..m.end)?;
    // Most names are written in mixed case, and most names in capitals stand inside a
    // sentence: both return within a few bytes.
    if name.chars().any(char::is_lowercase) || !name.chars().any(char::is_uppercase) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut line_start = m.start;
    loop {
        if line_start == 0 || bytes[line_start - 1] == b'\n' {
            break;
        }
        let b = bytes[line_start - 1];
        if b.is_ascii_lowercase() || b == b':' || b == b'.' || m.start - line_start >= REACH {
            return None;
        }
        line_start -= 1;
    }
    let before = text.get(line_start..m.start)?;
    if before.chars().any(char::is_lowercase) {
        return None;
    }
    let mut end = (m.end + REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let rest = &text[m.end..end];
    let line = rest.find('\n').map_or(rest, |i| &rest[..i]);
    if line.len() < rest.len() && !line.chars().any(char::is_lowercase) {
        return Some(Capitals::Heading);
    }
    let dash = [" \u{2014}", " \u{2015}", " \u{2013}", " --", " - "]
        .iter()
        .filter_map(|d| line.find(d))
        .min()?;
    // Between the name and the dash: a state, a date, an agency ("N.Y., Sept. 26
    // (AP)"): a dateline. Words in capitals: a heading run into its paragraph ("ANN DOLE
    // SPEAKS UP — …"). Anything else is a sentence ("said Monday —").
    let lead = &line[..dash];
    if lead.contains([':', '"', '\u{201c}']) {
        return None;
    }
    let mut outside = String::with_capacity(lead.len());
    let mut depth = 0usize;
    for c in lead.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = outside
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let at_line_start = !before.chars().any(char::is_alphanumeric);
    if at_line_start
        && words
            .iter()
            .all(|w| w.ends_with('.') || w.chars().all(|c| c.is_ascii_digit()))
    {
        Some(Capitals::Dateline)
    } else if words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
        Some(Capitals::Heading)
    } else {
        None
    }
}

/// What a name written in capitals at the start of a line stands in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Capitals {
    Dateline,
    Heading,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{article, parsed};

    #[test]
    fn datelines_and_headings_in_capitals_are_told_apart_from_names() {
        let text = "SUMMARY.\n\nSALEM, Ore., Jan. 4 (AP) \u{2014} The pier will close.\n\n\
                    TOLLS GO UP \u{2014} The fare rises.\n\nDOLE: It will.\n\n\
                    LARS VIK said on Monday \u{2014} so it goes.\n";
        let at = |name: &str| {
            let start = text.find(name).unwrap();
            capitals_line(text, Span::new(start, start + name.len()))
        };
        assert_eq!(at("SUMMARY"), Some(Capitals::Heading));
        assert_eq!(at("SALEM"), Some(Capitals::Dateline));
        assert_eq!(at("TOLLS"), Some(Capitals::Heading));
        assert_eq!(at("DOLE"), None);
        assert_eq!(at("LARS VIK"), None);
        assert_eq!(at("The pier"), None);
    }

    #[test]
    fn same_sentence_beats_paragraph_beats_elsewhere() {
        let a = article();
        let p = parsed();
        let claim = p.model.claim("funding-unknown").unwrap();
        let anchor = quote_anchor(&a, &p.model, claim).unwrap();
        assert_eq!(
            anchor.slice(&a.text),
            "he did not know who was funding the operation"
        );
        let syrian_man = a.find_phrase("Syrian man");
        assert_eq!(nearness(&a, anchor, &syrian_man).0, 0);
        let cnn = a.find_phrase("CNN");
        assert_eq!(nearness(&a, anchor, &cnn).0, 2);
        assert_eq!(nearness(&a, anchor, &[]), (3, usize::MAX));
    }

    #[test]
    fn nearest_names_read_outward_and_keep_ties_in_order() {
        use crate::article::{Candidate, CandidateKind, NamesByPosition};
        let cand = |key: &str, mentions: &[(usize, usize)]| Candidate {
            name: key.to_string(),
            key: key.to_string(),
            kind: CandidateKind::Name,
            mentions: mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        };
        // The quote stands at 10,000..10,100.
        let cands = [
            cand("a", &[(100, 110), (9_000, 9_010)]),       // 990 before
            cand("b", &[(10_600, 10_610)]),                 // 500 after
            cand("c", &[(9_400, 9_500), (30_000, 30_005)]), // 500 before
            cand("d", &[(10_100, 10_105)]),                 // 0 after
            cand("e", &[(50_000, 50_010)]),                 // 39,900 after
            cand("f", &[(9_990, 10_000)]),                  // 0 before
        ];
        let index = NamesByPosition::new(&cands).unwrap();
        let anchor = Span::new(10_000, 10_100);
        let all = nearest_names(&index, cands.len(), anchor, 10, |_| true);
        assert_eq!(
            all,
            [(0, 3), (0, 5), (500, 1), (500, 2), (990, 0), (39_900, 4)]
        );
        let three = nearest_names(&index, cands.len(), anchor, 3, |_| true);
        assert_eq!(three, all[..3]);
        let asked = std::cell::RefCell::new(Vec::new());
        let some = nearest_names(&index, cands.len(), anchor, 2, |c| {
            asked.borrow_mut().push(c);
            c % 2 == 0
        });
        assert_eq!(some, [(500, 2), (990, 0)]);
        let mut asked = asked.into_inner();
        asked.sort_unstable();
        assert_eq!(
            asked,
            [0, 1, 2, 3, 5],
            "each name read asked once, the far one never"
        );
        assert!(nearest_names(&index, cands.len(), anchor, 0, |_| true).is_empty());
    }

    #[test]
    fn reading_name_by_name_gives_what_reading_outward_gives() {
        use crate::article::{Candidate, CandidateKind, NamesByPosition};
        let mut next = crate::ide::fixture::xorshift(0x2545_f491_4f6c_dd1d);
        for round in 0..300 {
            let names = 1 + next(40);
            let cands: Vec<Candidate> = (0..names)
                .map(|i| {
                    let mut mentions: Vec<Span> = (0..next(6))
                        .map(|_| {
                            let start = next(5_000);
                            Span::new(start, start + 1 + next(30))
                        })
                        .collect();
                    mentions.sort_by_key(|m| m.start);
                    Candidate {
                        name: format!("n{i}"),
                        key: format!("n{i}"),
                        kind: CandidateKind::Name,
                        mentions,
                    }
                })
                .collect();
            let index = NamesByPosition::new(&cands).unwrap();
            let start = next(5_000);
            let anchor = Span::new(start, start + next(200));
            // Names with a mention meeting the anchor are never accepted (the contract of
            // `nearest_names`); of the others, a random subset.
            let meets = |c: usize| {
                cands[c]
                    .mentions
                    .iter()
                    .any(|m| m.start < anchor.end && m.end > anchor.start)
            };
            let accepted: Vec<bool> = (0..names).map(|c| !meets(c) && next(3) > 0).collect();
            for want in [0, 1, 2, 5, 50] {
                let outward = nearest_names(&index, names, anchor, want, |c| accepted[c]);
                let by_name = nearest_names_by_name(&cands, anchor, want, |c| accepted[c]);
                assert_eq!(outward, by_name, "round {round}, want {want}, {anchor:?}");
            }
        }
    }
}
