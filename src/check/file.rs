//! Checks across the whole file: article header, ids, relations, unused actors,
//! duplicate anchors; and the stance check, which runs per claim but is kept here with
//! the other vocabulary checks.

use super::{Anchor, Parsed};
use crate::article::{Article, ArticleError};
use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Target};
use crate::model::Claim;
use crate::suggest::closest;
use crate::text::Span;
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::{Hash, Hasher};

pub(super) fn article_unreadable(parsed: &Parsed, err: &ArticleError) -> Diagnostic {
    // On the `article:` value when there is one, else on line 1 so it is never missed.
    let span = match &parsed.model.header.article {
        Some(f) if !f.value.is_empty() => f.value.span,
        _ => parsed.tree.lines.first().map_or(Span::empty(0), |l| {
            Span::new(l.content.start.max(parsed.tree.bom), l.content.end)
        }),
    };
    Diagnostic::new(Code::ArticleUnreadable, span, err.message())
}

pub(super) fn date(parsed: &Parsed, article: &Article) -> Option<Diagnostic> {
    let field = parsed.model.header.date.as_ref()?;
    let value = field.value.text.trim();
    let span = field.value.span;
    match &article.date {
        None => Some(Diagnostic::new(
            Code::DateMismatch,
            span,
            format!("`date: {value}` but the article has no date line: expected a first line `date YYYY-MM-DD <headline>`, or remove `date:`"),
        )),
        Some((date, _)) if date == value => None,
        Some((date, date_span)) => Some(
            Diagnostic::new(
                Code::DateMismatch,
                span,
                format!("`date: {value}` differs from the article's date line `{date}`: expected `{date}`"),
            )
            .with_related(Target::Article, *date_span, "the article's date")
            .with_fix(format!("Change to `{date}`"), span, date.clone()),
        ),
    }
}

/// C040 for repeated claim ids; also returns where each id is first used, which the
/// relation check looks ids up in.
pub(super) fn claim_ids(parsed: &Parsed) -> (Vec<Diagnostic>, FxHashMap<&str, Span>) {
    let claims = &parsed.model.claims;
    let mut first: FxHashMap<&str, Span> = FxHashMap::default();
    first.reserve(claims.len());
    let mut out = Vec::new();
    for c in claims.iter().filter(|c| !c.id.is_empty()) {
        match first.get(c.id.as_str()) {
            Some(prev) => out.push(
                Diagnostic::new(
                    Code::DuplicateClaimId,
                    c.id_span,
                    format!(
                        "claim id `{}` is already used: ids must be unique in the file",
                        c.id
                    ),
                )
                .with_related(Target::File, *prev, "first used here"),
            ),
            None => {
                first.insert(&c.id, c.id_span);
            }
        }
    }
    (out, first)
}

/// Did-you-mean ids for unknown references, kept between runs and kept up to date as
/// ids come and go: for each unknown reference, every id of the file close enough to be
/// suggested. Finding them for many new references at once goes through an index of
/// deletions ([`near_ids_batch`]), so that a file with thousands of unknown references
/// costs time linear in its ids, not ids × references; an edit that adds or removes a few
/// ids compares only those with the remembered references.
#[derive(Debug, Default)]
pub(super) struct IdSuggestions {
    /// Hash of the claims' ids at the last run: equal means nothing below moved.
    ids_hash: u64,
    /// The distinct ids at the last run.
    ids: FxHashSet<String>,
    /// Unknown reference -> the ids within two edits of it ([`near`]), with the distance.
    near: FxHashMap<String, Vec<(String, usize)>>,
    /// How many references were compared with ids one by one in the last run, and how
    /// many through the deletion index (for tests: the work must not be ids × references).
    pub(super) last_scanned: usize,
    pub(super) last_batched: usize,
}

/// At most this many new references are compared with every id one by one; more go
/// through the deletion index.
const SCAN_LIMIT: usize = 16;

pub(super) fn relations(
    parsed: &Parsed,
    known: &FxHashMap<&str, Span>,
    memo: &mut IdSuggestions,
) -> Vec<Diagnostic> {
    let claims = &parsed.model.claims;
    memo.last_scanned = 0;
    memo.last_batched = 0;
    if claims.iter().all(|c| c.relations.is_empty()) {
        return Vec::new();
    }
    memo.update_ids(claims, known);
    // References naming no claim that have no entry yet.
    let mut fresh: Vec<&str> = Vec::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for claim in claims {
        for rel in &claim.relations {
            let target = rel.target.text.as_str();
            if target != claim.id
                && !known.contains_key(target)
                && !memo.near.contains_key(target)
                && seen.insert(target)
            {
                fresh.push(target);
            }
        }
    }
    if fresh.len() <= SCAN_LIMIT {
        memo.last_scanned = fresh.len();
        for target in fresh {
            let near = known
                .keys()
                .filter_map(|id| near(target, id).map(|d| (id.to_string(), d)))
                .collect();
            memo.near.insert(target.to_string(), near);
        }
    } else {
        memo.last_batched = fresh.len();
        let found = near_ids_batch(&fresh, known.keys().copied());
        for (target, near) in fresh.into_iter().zip(found) {
            memo.near.insert(target.to_string(), near);
        }
    }
    let mut out = Vec::new();
    let mut live = 0;
    for claim in claims {
        for rel in &claim.relations {
            let target = rel.target.text.as_str();
            if target == claim.id {
                out.push(Diagnostic::new(
                    Code::UnknownClaimRef,
                    rel.target.span,
                    format!("`{}: {target}` points at the claim itself: expected the id of another claim", rel.kind.field()),
                ));
                continue;
            }
            if known.contains_key(target) {
                continue;
            }
            live += 1;
            // The closest id, then the one used first in the file.
            let suggestion = memo.near.get(target).and_then(|near| {
                near.iter()
                    .filter(|(id, _)| *id != claim.id)
                    .filter_map(|(id, d)| known.get(id.as_str()).map(|span| (id, (*d, span.start))))
                    .min_by_key(|(_, rank)| *rank)
                    .map(|(id, _)| id.as_str())
            });
            let mut d = Diagnostic::new(
                Code::UnknownClaimRef,
                rel.target.span,
                format!(
                    "`{}: {target}` names no claim in this file: expected the id of a claim",
                    rel.kind.field()
                ),
            );
            if let Some(s) = suggestion {
                d.message = format!(
                    "`{}: {target}` names no claim in this file: did you mean `{s}`?",
                    rel.kind.field()
                );
                d = d.with_fix(format!("Change to `{s}`"), rel.target.span, s);
            }
            out.push(d);
        }
    }
    // Forget references no longer made (typing one leaves an entry per keystroke).
    if memo.near.len() > 2 * live + 64 {
        let wanted: FxHashSet<&str> = claims
            .iter()
            .flat_map(|c| c.relations.iter().map(|r| r.target.text.as_str()))
            .collect();
        memo.near.retain(|t, _| wanted.contains(t.as_str()));
    }
    out
}

impl IdSuggestions {
    /// Brings the remembered near ids up to date with the file's ids: ids gone are
    /// dropped from every list, new ids are compared with every remembered reference.
    fn update_ids(&mut self, claims: &[Claim], known: &FxHashMap<&str, Span>) {
        let mut h = rustc_hash::FxHasher::default();
        for c in claims {
            c.id.hash(&mut h);
        }
        let ids_hash = h.finish();
        if ids_hash == self.ids_hash && !self.ids.is_empty() {
            return;
        }
        self.ids_hash = ids_hash;
        let removed: Vec<String> = self
            .ids
            .iter()
            .filter(|id| !known.contains_key(id.as_str()))
            .cloned()
            .collect();
        let added: Vec<&str> = known
            .keys()
            .copied()
            .filter(|id| !self.ids.contains(*id))
            .collect();
        if added.len().saturating_mul(self.near.len()) > 1 << 16 {
            // A new file or a big paste: find everything again, in one batch.
            self.near.clear();
        } else {
            for near in self.near.values_mut() {
                if !removed.is_empty() {
                    near.retain(|(id, _)| known.contains_key(id.as_str()));
                }
            }
            for (target, list) in &mut self.near {
                list.extend(
                    added
                        .iter()
                        .filter_map(|id| near(target, id).map(|d| (id.to_string(), d))),
                );
            }
        }
        for id in removed {
            self.ids.remove(&id);
        }
        self.ids.extend(added.into_iter().map(str::to_string));
    }
}

/// The distance of `id` from the reference `target` when it may be suggested: at most two
/// edits (Damerau-Levenshtein over characters), cheap tests first (length in bytes, the
/// set of bytes used mod 64, which two edits change in at most four places).
fn near(target: &str, id: &str) -> Option<usize> {
    if id.len().abs_diff(target.len()) > 2 || (byte_set(id) ^ byte_set(target)).count_ones() > 4 {
        return None;
    }
    Some(strsim::damerau_levenshtein(target, id)).filter(|d| *d <= 2)
}

fn byte_set(s: &str) -> u64 {
    s.bytes().fold(0, |m, b| m | 1u64 << (b % 64))
}

/// For each of `targets`, the ids within two edits ([`near`]), found in one pass over
/// the ids: two strings within two edits share a string made by deleting at most two
/// characters from each (SymSpell), so the deletions of every target are indexed and
/// each id's deletions looked up. Time: ids × deletions per id, plus the pairs verified.
fn near_ids_batch<'a>(
    targets: &[&str],
    ids: impl Iterator<Item = &'a str>,
) -> Vec<Vec<(String, usize)>> {
    let mut keys: Vec<(u64, u32)> = Vec::new();
    let mut buf = Vec::new();
    for (t, target) in targets.iter().enumerate() {
        deletion_keys(target, &mut buf);
        keys.extend(buf.iter().map(|&k| (k, t as u32)));
    }
    keys.sort_unstable();
    keys.dedup();
    let mut index: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    let mut i = 0;
    while i < keys.len() {
        let j = i + keys[i..].partition_point(|k| k.0 == keys[i].0);
        index.insert(keys[i].0, (i as u32, j as u32));
        i = j;
    }
    let mut out: Vec<Vec<(String, usize)>> = vec![Vec::new(); targets.len()];
    let mut hits: Vec<u32> = Vec::new();
    for id in ids {
        deletion_keys(id, &mut buf);
        hits.clear();
        for k in &buf {
            if let Some(&(a, b)) = index.get(k) {
                hits.extend(keys[a as usize..b as usize].iter().map(|e| e.1));
            }
        }
        hits.sort_unstable();
        hits.dedup();
        for &t in &hits {
            if let Some(d) = near(targets[t as usize], id) {
                out[t as usize].push((id.to_string(), d));
            }
        }
    }
    out
}

/// Hashes of every string made by deleting zero, one or two characters of `s`
/// (deduplicated), into `out`. Polynomial hashes of the pieces, so no string is built.
fn deletion_keys(s: &str, out: &mut Vec<u64>) {
    const B: u64 = 0x100_0000_01b3;
    out.clear();
    let chars: Vec<u64> = s
        .chars()
        .map(|c| (c as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .collect();
    let n = chars.len();
    // prefix[k]: hash of chars[..k]; pow[k] = B^k.
    let mut prefix = vec![0u64; n + 1];
    let mut pow = vec![1u64; n + 1];
    for k in 0..n {
        prefix[k + 1] = prefix[k].wrapping_mul(B).wrapping_add(chars[k]);
        pow[k + 1] = pow[k].wrapping_mul(B);
    }
    let piece = |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a].wrapping_mul(pow[b - a]));
    let join = |h: u64, next: u64, len: usize| h.wrapping_mul(pow[len]).wrapping_add(next);
    let key = |h: u64, len: usize| h ^ (len as u64).wrapping_mul(0xff51_afd7_ed55_8ccd);
    out.push(key(prefix[n], n));
    for (i, &before) in prefix[..n].iter().enumerate() {
        let h = join(before, piece(i + 1, n), n - i - 1);
        out.push(key(h, n - 1));
        for j in i + 1..n {
            let h = join(before, piece(i + 1, j), j - i - 1);
            let h = join(h, piece(j + 1, n), n - j - 1);
            out.push(key(h, n - 2));
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// C042 for a claim's `stance:` outside the configured vocabulary. Per claim, so that its
/// result is cached with the claim's other findings (a file whose team uses stances not
/// configured yet has one per claim).
pub(super) fn stance(claim: &Claim, config: &Config) -> Option<Diagnostic> {
    let field = claim.stance.as_ref()?;
    let value = field.value.text.as_str();
    if value.is_empty() || config.stances.iter().any(|s| s == value) {
        return None;
    }
    let allowed: Vec<&str> = config.stances.iter().map(String::as_str).collect();
    let mut d = Diagnostic::new(
        Code::UnknownStance,
        field.value.span,
        format!(
            "unknown stance `{value}`; expected one of {}",
            allowed.join(", ")
        ),
    );
    if let Some(s) = closest(value, &allowed) {
        d.message = format!(
            "unknown stance `{value}`: did you mean `{s}`? Expected one of {}",
            allowed.join(", ")
        );
        d = d.with_fix(format!("Change to `{s}`"), field.value.span, s);
    }
    Some(d)
}

/// C043 for each named actor that no claim names (`used[i]` is whether actor `i` is
/// named as a source or intermediary).
pub(super) fn unused_actors(parsed: &Parsed, used: &[bool]) -> Vec<Diagnostic> {
    let model = &parsed.model;
    let mut out = Vec::new();
    for (i, actor) in model.actors.iter().enumerate() {
        if actor.name.is_empty() || used.get(i).copied().unwrap_or(false) {
            continue;
        }
        out.push(Diagnostic::new(
            Code::UnusedActor,
            actor.name_span,
            format!("actor `{}` is the source or intermediary of no claim: use it in a `source:` or `via:`, or remove it", actor.name),
        ));
    }
    out
}

pub(super) fn duplicate_quotes(parsed: &Parsed, anchors: &[(usize, Anchor)]) -> Vec<Diagnostic> {
    let mut first: FxHashMap<Span, usize> = FxHashMap::default();
    first.reserve(anchors.len());
    let mut out = Vec::new();
    // A near miss already has its own error; pointing at the same text is expected then.
    for &(claim_index, anchor) in anchors.iter().filter(|(_, a)| a.exact) {
        let (anchor, quote) = (anchor.span, anchor.quote);
        match first.get(&anchor) {
            Some(&prev) if prev != claim_index => {
                let claim = &parsed.model.claims[claim_index];
                let other = &parsed.model.claims[prev];
                let span = claim
                    .quotes
                    .get(quote)
                    .map_or(claim.id_span, |q| q.value.span);
                out.push(
                    Diagnostic::new(
                        Code::DuplicateQuote,
                        span,
                        format!(
                            "claim `{}` quotes the same article text as claim `{}`: each statement should be annotated once",
                            claim.id, other.id
                        ),
                    )
                    .with_related(Target::File, other.id_span, format!("claim `{}`", other.id))
                    .with_related(Target::Article, anchor, "the shared article text"),
                );
            }
            Some(_) => {}
            None => {
                first.insert(anchor, claim_index);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The suggestion as it was found before the index: every claim's id in file order,
    /// the first at the smallest distance.
    fn closest_by_scan<'a>(target: &str, ids: &[&'a str], own: &str) -> Option<&'a str> {
        ids.iter()
            .filter(|id| !id.is_empty() && **id != own)
            .filter_map(|id| near(target, id).map(|d| (d, *id)))
            .min_by_key(|(d, _)| *d)
            .map(|(_, id)| id)
    }

    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize
        }
        fn word(&mut self, alphabet: &[char], max: usize) -> String {
            let n = 1 + self.next() % max;
            (0..n)
                .map(|_| alphabet[self.next() % alphabet.len()])
                .collect()
        }
    }

    #[test]
    fn the_deletion_index_finds_exactly_the_near_ids() {
        let mut rng = Lcg(7);
        // A small alphabet (with multibyte characters) so that many pairs are near.
        let alphabet = ['a', 'b', 'c', 'é', '-', 'Ж'];
        for _ in 0..30 {
            let ids: Vec<String> = (0..60).map(|_| rng.word(&alphabet, 6)).collect();
            let targets: Vec<String> = (0..40).map(|_| rng.word(&alphabet, 6)).collect();
            let t: Vec<&str> = targets.iter().map(String::as_str).collect();
            let found = near_ids_batch(&t, ids.iter().map(String::as_str));
            for (target, got) in t.iter().zip(found) {
                let mut got: Vec<(String, usize)> = got;
                got.sort();
                got.dedup();
                let mut want: Vec<(String, usize)> = ids
                    .iter()
                    .filter_map(|id| near(target, id).map(|d| (id.clone(), d)))
                    .collect();
                want.sort();
                want.dedup();
                assert_eq!(got, want, "target {target:?}");
            }
        }
    }

    fn file(ids: &[String], refs: &[String]) -> String {
        let mut s = String::new();
        for (id, r) in ids.iter().zip(refs) {
            s.push_str(&format!(
                "claim {id}\n  source: unnamed\n  quote: x\n  disputes: {r}\n\n"
            ));
        }
        s
    }

    fn suggestions(parsed: &Parsed, memo: &mut IdSuggestions) -> Vec<(String, Option<String>)> {
        let (_, known) = claim_ids(parsed);
        relations(parsed, &known, memo)
            .into_iter()
            .filter(|d| !d.message.contains("points at the claim itself"))
            .map(|d| {
                let fix = d.fix.map(|f| f.edits[0].replacement.clone());
                (d.message, fix)
            })
            .collect()
    }

    fn by_scan(parsed: &Parsed) -> Vec<Option<String>> {
        let claims = &parsed.model.claims;
        let ids: Vec<&str> = claims.iter().map(|c| c.id.as_str()).collect();
        claims
            .iter()
            .flat_map(|c| c.relations.iter().map(move |r| (c, r)))
            .filter(|(c, r)| r.target.text != c.id && !ids.contains(&r.target.text.as_str()))
            .map(|(c, r)| closest_by_scan(&r.target.text, &ids, &c.id).map(str::to_string))
            .collect()
    }

    #[test]
    fn many_unknown_references_go_through_the_index_and_suggest_what_a_scan_does() {
        let mut rng = Lcg(11);
        let alphabet = ['c', 'l', 'a', 'i', 'm', '-', '0', '1'];
        let ids: Vec<String> = (0..400).map(|_| rng.word(&alphabet, 7)).collect();
        let refs: Vec<String> = (0..400).map(|_| rng.word(&alphabet, 7)).collect();
        let parsed = Parsed::new(file(&ids, &refs));
        let mut memo = IdSuggestions::default();
        let got = suggestions(&parsed, &mut memo);
        assert!(memo.last_batched > SCAN_LIMIT, "{}", memo.last_batched);
        assert_eq!(memo.last_scanned, 0);
        let want = by_scan(&parsed);
        assert_eq!(got.len(), want.len());
        assert!(
            want.iter().filter(|w| w.is_some()).count() > 50,
            "near ids exist"
        );
        for ((_, fix), want) in got.iter().zip(&want) {
            assert_eq!(fix, want);
        }
        // The same file again: nothing is looked up.
        suggestions(&parsed, &mut memo);
        assert_eq!((memo.last_scanned, memo.last_batched), (0, 0));
    }

    #[test]
    fn ids_added_and_removed_update_the_remembered_suggestions() {
        let mut rng = Lcg(5);
        let alphabet = ['a', 'b', 'c', '-', '1'];
        let mut ids: Vec<String> = (0..200).map(|_| rng.word(&alphabet, 5)).collect();
        let refs: Vec<String> = (0..200).map(|_| rng.word(&alphabet, 5)).collect();
        let mut memo = IdSuggestions::default();
        for round in 0..40 {
            let parsed = Parsed::new(file(&ids, &refs));
            let got = suggestions(&parsed, &mut memo);
            if round > 0 {
                // Only new references are looked up; the rest follows the ids.
                assert!(memo.last_batched == 0, "round {round}");
            }
            let want = by_scan(&parsed);
            let fixes: Vec<Option<String>> = got.into_iter().map(|(_, f)| f).collect();
            assert_eq!(fixes, want, "round {round}");
            // Rename one claim, to a new id or to one of the references.
            let k = rng.next() % ids.len();
            ids[k] = if rng.next() % 2 == 0 {
                refs[rng.next() % refs.len()].clone()
            } else {
                rng.word(&alphabet, 5)
            };
        }
    }
}
