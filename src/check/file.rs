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
        Some(f) if !f.value.is_empty() => f.value.span(),
        _ => parsed.tree.lines.first().map_or(Span::empty(0), |l| {
            Span::new(l.content().start.max(parsed.tree.bom), l.content().end)
        }),
    };
    Diagnostic::new(Code::ArticleUnreadable, span, err.message())
}

pub(super) fn date(parsed: &Parsed, article: &Article) -> Option<Diagnostic> {
    let field = parsed.model.header.date.as_ref()?;
    let value = field.value.text.trim();
    let span = field.value.span();
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

/// Claims whose id an earlier claim already uses, as `(claim, first claim with that
/// id)` indices; also returns where each id is first used, which the relation check looks
/// ids up in.
pub(super) fn claim_ids(parsed: &Parsed) -> (Vec<(usize, usize)>, FxHashMap<&str, Span>) {
    let claims = &parsed.model.claims;
    let mut first: FxHashMap<&str, Span> = FxHashMap::default();
    first.reserve(claims.len());
    let mut out = Vec::new();
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| !c.id.is_empty()) {
        match first.get(c.id.as_str()) {
            Some(prev) => {
                // Claims are in file order: the first user is found by its position.
                let j = claims.partition_point(|o| o.id_span().start < prev.start);
                out.push((i, j));
            }
            None => {
                first.insert(&c.id, c.id_span());
            }
        }
    }
    (out, first)
}

/// C040 for claim `i`, whose id claim `prev` used first.
fn repeated_id(claims: &[Claim], i: usize, prev: usize) -> Option<Diagnostic> {
    let (c, p) = (claims.get(i)?, claims.get(prev)?);
    Some(
        Diagnostic::new(
            Code::DuplicateClaimId,
            c.id_span(),
            format!(
                "claim id `{}` is already used: ids must be unique in the file",
                c.id
            ),
        )
        .with_related(Target::File, p.id_span(), "first used here"),
    )
}

/// A relation finding by claim and relation index, with no span: rebuilt where the claim
/// now stands (see [`RefFindings`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum RelationFinding {
    /// The relation names its own claim.
    ItSelf(usize, usize),
    /// The relation names no claim; the id to suggest, if any.
    Unknown(usize, usize, Option<String>),
}

/// What the id and relation checks (C040, C041) found in the last run, kept with the
/// digest of the ids and relations they read ([`crate::model::Annotation`]'s
/// `refs_digest`): an edit that changes neither (most keystrokes) reuses them and makes
/// no pass over the file's ids.
#[derive(Debug, Default)]
pub(super) struct RefFindings {
    digest: Option<u64>,
    repeated: Vec<(usize, usize)>,
    relations: Vec<RelationFinding>,
}

/// C040 and C041 for `parsed`, reusing `memo` when the ids and relations are those of its
/// run (and remembering this run's unless `keep` is false).
pub(super) fn ids_and_relations(
    parsed: &Parsed,
    suggestions: &mut IdSuggestions,
    memo: &mut RefFindings,
    keep: bool,
) -> Vec<Diagnostic> {
    let digest = parsed.model.refs_digest;
    if memo.digest != Some(digest) || !keep {
        let (repeated, known) = claim_ids(parsed);
        let relations = relations(parsed, &known, suggestions);
        *memo = RefFindings {
            digest: keep.then_some(digest),
            repeated,
            relations,
        };
    } else {
        suggestions.last_scanned = 0;
        suggestions.last_batched = 0;
    }
    let claims = &parsed.model.claims;
    let mut out: Vec<Diagnostic> = memo
        .repeated
        .iter()
        .filter_map(|&(i, prev)| repeated_id(claims, i, prev))
        .collect();
    out.extend(
        memo.relations
            .iter()
            .filter_map(|f| relation_diagnostic(claims, f)),
    );
    out
}

/// The C041 diagnostic of `finding`, where its claim now stands.
fn relation_diagnostic(claims: &[Claim], finding: &RelationFinding) -> Option<Diagnostic> {
    let (ci, ri) = match finding {
        RelationFinding::ItSelf(c, r) | RelationFinding::Unknown(c, r, _) => (*c, *r),
    };
    let rel = claims.get(ci)?.relations.get(ri)?;
    let target = rel.target.text.as_str();
    let suggestion = match finding {
        RelationFinding::ItSelf(..) => {
            return Some(Diagnostic::new(
                Code::UnknownClaimRef,
                rel.target.span,
                format!(
                    "`{}: {target}` points at the claim itself: expected the id of another claim",
                    rel.kind.field()
                ),
            ))
        }
        RelationFinding::Unknown(_, _, s) => s.as_deref(),
    };
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
        )
        .into();
        d = d.with_fix(format!("Change to `{s}`"), rel.target.span, s);
    }
    Some(d)
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
    /// The distinct ids at the last run, by their [`id_hash`]: a hash set of 64-bit
    /// numbers rather than of owned strings (kept for every open document, a big file
    /// has tens of thousands of ids).
    ids: FxHashSet<u64>,
    /// Unknown reference -> the ids within two edits of it ([`near`]), with the distance.
    near: FxHashMap<String, NearIds>,
    /// How many references were compared with ids one by one in the last run, and how
    /// many through the deletion index (for tests: the work must not be ids × references).
    pub(super) last_scanned: usize,
    pub(super) last_batched: usize,
}

/// At most this many new references are compared with every id ([`near_ids_scan`]: a
/// few nanoseconds per pair, most turned away by length and bytes used); more go
/// through the deletion index, whose cost (a couple of hundred keys per id) does not
/// grow with the references.
const SCAN_LIMIT: usize = 256;

/// At most this many near ids are kept per reference (the best by distance, then by
/// first use in the file): in a file of ids like `claim-000123` a reference can be two
/// edits from hundreds of them.
const KEEP: usize = 8;

/// The ids near one unknown reference.
#[derive(Debug, Default)]
struct NearIds {
    ids: Vec<(String, usize)>,
    /// False when ids were left out (beyond [`KEEP`]): then the list is found again
    /// whenever the file's ids change, instead of being updated.
    complete: bool,
}

impl NearIds {
    fn new(mut ids: Vec<(String, usize)>, known: &FxHashMap<&str, Span>) -> Self {
        let complete = ids.len() <= KEEP;
        if !complete {
            keep_best(&mut ids, known, KEEP);
        }
        NearIds { ids, complete }
    }
}

fn keep_best(ids: &mut Vec<(String, usize)>, known: &FxHashMap<&str, Span>, n: usize) {
    ids.sort_by_key(|(id, d)| (*d, known.get(id.as_str()).map_or(usize::MAX, |s| s.start)));
    ids.truncate(n);
}

pub(super) fn relations(
    parsed: &Parsed,
    known: &FxHashMap<&str, Span>,
    memo: &mut IdSuggestions,
) -> Vec<RelationFinding> {
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
            if target != claim.id.as_str()
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
        // The distinct ids in file order (each where it is first used): read in the
        // order they lie in memory, not in the hash map's order.
        let ids: Vec<&str> = claims
            .iter()
            .filter(|c| known.get(c.id.as_str()) == Some(&c.id_span()))
            .map(|c| c.id.as_str())
            .collect();
        let found = near_ids_scan(&fresh, &ids, known);
        for (target, near) in fresh.into_iter().zip(found) {
            memo.near
                .insert(target.to_string(), NearIds::new(near, known));
        }
    } else {
        memo.last_batched = fresh.len();
        let found = near_ids_batch(&fresh, known);
        for (target, near) in fresh.into_iter().zip(found) {
            memo.near
                .insert(target.to_string(), NearIds::new(near, known));
        }
    }
    let mut out = Vec::new();
    let mut live = 0;
    for (ci, claim) in claims.iter().enumerate() {
        for (ri, rel) in claim.relations.iter().enumerate() {
            let target = rel.target.text.as_str();
            if target == claim.id.as_str() {
                out.push(RelationFinding::ItSelf(ci, ri));
                continue;
            }
            if known.contains_key(target) {
                continue;
            }
            live += 1;
            // The closest id, then the one used first in the file.
            let suggestion = memo.near.get(target).and_then(|near| {
                near.ids
                    .iter()
                    .filter(|(id, _)| *id != claim.id.as_str())
                    .filter_map(|(id, d)| known.get(id.as_str()).map(|span| (id, (*d, span.start))))
                    .min_by_key(|(_, rank)| *rank)
                    .map(|(id, _)| id.clone())
            });
            out.push(RelationFinding::Unknown(ci, ri, suggestion));
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
        // The ids of `known` (the claims' non-empty ids), read in file order: in a big
        // file the hash map's order is a read at a random place per id.
        debug_assert!(claims
            .iter()
            .all(|c| c.id.is_empty() || known.contains_key(c.id.as_str())));
        let mut now: FxHashSet<u64> = FxHashSet::default();
        now.reserve(known.len());
        let mut added: Vec<&str> = Vec::new();
        for c in claims.iter().filter(|c| !c.id.is_empty()) {
            let h = id_hash(&c.id);
            if now.insert(h) && !self.ids.contains(&h) {
                added.push(c.id.as_str());
            }
        }
        let removed = self.ids.iter().any(|h| !now.contains(h));
        if added.len().saturating_mul(self.near.len()) > 1 << 16 {
            // A new file or a big paste: find everything again, in one batch.
            self.near.clear();
        } else {
            // Lists that left ids out are found again; the others are updated.
            self.near.retain(|_, near| near.complete);
            for (target, list) in &mut self.near {
                if removed {
                    list.ids.retain(|(id, _)| known.contains_key(id.as_str()));
                }
                list.ids.extend(
                    added
                        .iter()
                        .filter_map(|id| near(target, id).map(|d| (id.to_string(), d))),
                );
                if list.ids.len() > KEEP {
                    keep_best(&mut list.ids, known, KEEP);
                    list.complete = false;
                }
            }
        }
        self.ids = now;
    }
}

/// An id as [`IdSuggestions::ids`] keeps it: SipHash with fixed keys, 64 bits (two of a
/// file's ids sharing one is about as likely as a random 64-bit collision, and would only
/// leave a did-you-mean list without the newer of them).
fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// The distance of `id` from the reference `target` when it may be suggested: at most two
/// edits (Damerau-Levenshtein over characters), cheap tests first (length in bytes, the
/// set of bytes used mod 64, which two edits change in at most four places).
fn near(target: &str, id: &str) -> Option<usize> {
    if id.len().abs_diff(target.len()) > 2 || (byte_set(id) ^ byte_set(target)).count_ones() > 4 {
        return None;
    }
    // The optimal-string-alignment distance, without allocating, settles nearly every
    // pair: it is never below the (unrestricted) Damerau-Levenshtein distance, equals it
    // up to 2, and is at most one more when that is 2 or less.
    match osa_distance(target, id) {
        Some(d) if d <= 2 => Some(d),
        Some(d) if d > 3 => None,
        _ => Some(strsim::damerau_levenshtein(target, id)).filter(|d| *d <= 2),
    }
}

/// The optimal-string-alignment distance of two short strings (by characters), or `None`
/// when one is longer than 32 characters.
fn osa_distance(a: &str, b: &str) -> Option<usize> {
    const MAX: usize = 32;
    let mut ac = ['\0'; MAX];
    let mut bc = ['\0'; MAX];
    let (mut n, mut m) = (0, 0);
    for c in a.chars() {
        *ac.get_mut(n)? = c;
        n += 1;
    }
    for c in b.chars() {
        *bc.get_mut(m)? = c;
        m += 1;
    }
    // Three rows of the table: i - 2, i - 1, i.
    let mut rows = [[0usize; MAX + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        for j in 1..=m {
            let cost = usize::from(ac[i - 1] != bc[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && ac[i - 1] == bc[j - 2] && ac[i - 2] == bc[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
        }
    }
    Some(rows[n % 3][m])
}

fn byte_set(s: &str) -> u64 {
    s.bytes().fold(0, |m, b| m | 1u64 << (b % 64))
}

/// For each of `targets`, the ids within two edits ([`near`]), found by comparing every
/// id with the targets of about its length (in bytes, which two edits change by at most
/// two). Before [`near`]'s table, two cheap tests that never turn away a near id: the
/// bytes used (mod 64), which two edits change in at most four places, and, for ASCII
/// strings, the Levenshtein distance computed a row of the table at a time in the bits
/// of one word ([`levenshtein_bits`]): two edits with transpositions are at most four
/// without.
fn near_ids_scan(
    targets: &[&str],
    ids: &[&str],
    known: &FxHashMap<&str, Span>,
) -> Vec<Vec<(String, usize)>> {
    struct Target<'a> {
        text: &'a str,
        set: u64,
        /// Bit `i` of `peq[b]`: byte `i` of the target is `b`. ASCII targets of at most
        /// 64 bytes only.
        peq: Option<Box<[u64; 128]>>,
        /// [`byte_counts`], for ASCII targets.
        counts: Option<[u8; 32]>,
    }
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&t| targets[t].len());
    let prepared: Vec<Target> = order
        .iter()
        .map(|&t| {
            let text = targets[t];
            let peq = (text.is_ascii() && (1..=64).contains(&text.len())).then(|| {
                let mut peq = Box::new([0u64; 128]);
                for (i, b) in text.bytes().enumerate() {
                    peq[usize::from(b)] |= 1 << i;
                }
                peq
            });
            Target {
                text,
                set: byte_set(text),
                peq,
                counts: text.is_ascii().then(|| byte_counts(text)),
            }
        })
        .collect();
    let mut out: Vec<Vec<(String, usize)>> = vec![Vec::new(); targets.len()];
    for &id in ids {
        let (len, set, ascii) = (id.len(), byte_set(id), id.is_ascii());
        let lo = prepared.partition_point(|t| t.text.len() + 2 < len);
        let hi = prepared.partition_point(|t| t.text.len() <= len + 2);
        if lo == hi {
            continue;
        }
        let counts = ascii.then(|| byte_counts(id));
        for (k, target) in prepared[lo..hi].iter().enumerate() {
            if (target.set ^ set).count_ones() > 4 {
                continue;
            }
            if let (Some(a), Some(b)) = (&target.counts, &counts) {
                if counts_apart(a, b) > 4 {
                    continue;
                }
            }
            if let (Some(peq), true) = (&target.peq, ascii) {
                if levenshtein_bits(peq, target.text.len(), id.as_bytes()) > 4 {
                    continue;
                }
            }
            if let Some(d) = near(target.text, id) {
                let list = &mut out[order[lo + k]];
                list.push((id.to_string(), d));
                if list.len() >= 4 * KEEP {
                    // Bounded memory, as in [`near_ids_batch`].
                    keep_best(list, known, KEEP + 1);
                }
            }
        }
    }
    out
}

/// How many times each byte value (mod 32) occurs in the ASCII `s`, at most 255. Between
/// two ASCII strings an insertion or a deletion changes one count by one, a substitution
/// two counts by one each and a transposition none, so strings within two edits have
/// counts at most four apart in sum ([`counts_apart`]); folding values together and
/// capping the counts only bring counts closer. For ids made of the same few letters or
/// digits the bytes used say little; how often each is used says more.
fn byte_counts(s: &str) -> [u8; 32] {
    let mut counts = [0u8; 32];
    for b in s.bytes() {
        let c = &mut counts[usize::from(b % 32)];
        *c = c.saturating_add(1);
    }
    counts
}

/// The sum of the differences between two [`byte_counts`].
fn counts_apart(a: &[u8; 32], b: &[u8; 32]) -> u32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| u32::from(x.abs_diff(*y)))
        .sum()
}

/// The Levenshtein distance between a pattern of `m` bytes (1 to 64), given by the
/// positions of each byte value in it (`peq`), and the ASCII `text`: the table's
/// columns as bit vectors of vertical differences, one text byte per step (Myers 1999,
/// in Hyyrö's form for the distance between whole strings).
fn levenshtein_bits(peq: &[u64; 128], m: usize, text: &[u8]) -> usize {
    debug_assert!((1..=64).contains(&m));
    let last = 1u64 << (m - 1);
    // Vertical differences of the first column (0, 1, 2, ... m): all +1.
    let mut vp: u64 = if m == 64 { !0 } else { (1u64 << m) - 1 };
    let mut vn: u64 = 0;
    let mut score = m;
    for &b in text {
        let eq = peq[usize::from(b & 0x7f)];
        let xv = eq | vn;
        let xh = ((eq & vp).wrapping_add(vp) ^ vp) | eq;
        let mut ph = vn | !(xh | vp);
        let mut mh = vp & xh;
        if ph & last != 0 {
            score += 1;
        } else if mh & last != 0 {
            score -= 1;
        }
        // The first row grows by one per text byte: a +1 enters at the bottom.
        ph = (ph << 1) | 1;
        mh <<= 1;
        vp = mh | !(xv | ph);
        vn = ph & xv;
    }
    score
}

/// For each of `targets`, the ids within two edits ([`near`]), found in one pass over
/// the ids: two strings within two edits share a string made by deleting at most two
/// characters from each (SymSpell), so the deletions of every target are indexed and
/// each id's deletions looked up. Time: ids × deletions per id, plus the pairs verified.
fn near_ids_batch(targets: &[&str], known: &FxHashMap<&str, Span>) -> Vec<Vec<(String, usize)>> {
    // Every deletion of every target as `(32-bit key << 32) | target`, sorted, with a
    // bucket directory: 8 bytes per deletion (a hash map of them took five times that).
    // Keys may collide; every candidate is verified.
    let mut keys: Vec<u64> = Vec::new();
    let mut buf = Vec::new();
    let mut scratch = DeletionScratch::default();
    for (t, target) in targets.iter().enumerate() {
        deletion_keys(target, &mut scratch, &mut buf);
        keys.extend(buf.iter().map(|&k| (k >> 32) << 32 | t as u64));
    }
    keys.sort_unstable();
    keys.dedup();
    let bits = (usize::BITS - keys.len().leading_zeros())
        .saturating_sub(1)
        .clamp(1, 24);
    let mut dir: Vec<u32> = Vec::with_capacity((1 << bits) + 1);
    let mut i = 0;
    for b in 0..1u64 << bits {
        while i < keys.len() && keys[i] >> (64 - bits) < b {
            i += 1;
        }
        dir.push(i as u32);
    }
    dir.push(keys.len() as u32);
    // A bit per value of the key's top `bits + 6` bits, set for the keys present: nearly
    // every deletion of an id is in no target's list, and one load of this table (about
    // one bit in 64 set) turns most of them away before the directory and the bucket.
    let fbits = (bits + 6).min(27);
    let mut filter = vec![0u64; 1 << (fbits - 6)];
    for &k in &keys {
        let f = (k >> (64 - fbits)) as usize;
        filter[f >> 6] |= 1 << (f & 63);
    }
    let mut out: Vec<Vec<(String, usize)>> = vec![Vec::new(); targets.len()];
    let mut hits: Vec<u32> = Vec::new();
    for &id in known.keys() {
        deletion_keys(id, &mut scratch, &mut buf);
        hits.clear();
        for &k in &buf {
            let f = (k >> (64 - fbits)) as usize;
            if filter[f >> 6] & (1 << (f & 63)) == 0 {
                continue;
            }
            let b = (k >> (64 - bits)) as usize;
            let run = &keys[dir[b] as usize..dir[b + 1] as usize];
            hits.extend(
                run.iter()
                    .filter(|&&e| e >> 32 == k >> 32)
                    .map(|&e| e as u32),
            );
        }
        hits.sort_unstable();
        hits.dedup();
        for &t in &hits {
            if let Some(d) = near(targets[t as usize], id) {
                let list = &mut out[t as usize];
                list.push((id.to_string(), d));
                if list.len() >= 4 * KEEP {
                    // Bounded memory: only the best [`KEEP`] are kept in the end (one
                    // more here, so that the list is known to be incomplete).
                    keep_best(list, known, KEEP + 1);
                }
            }
        }
    }
    out
}

/// Hashes of every string made by deleting zero, one or two characters of `s`, into
/// `out` (with repeats: both callers deduplicate what they gather, so sorting each id's
/// couple of hundred keys, once most of the batch's time, is not needed). No string is
/// built: a string `r` hashes as `sum(v(r[m]) * B^m)` (mod 2^64), so deleting the
/// characters at `i < j` of `s` leaves the characters before `i` where they were and
/// moves those between `i` and `j` one place down, those after `j` two places
/// (multiplied by the inverse of `B`, which is odd): the hash is `A[i] + C[j]`, one
/// addition per key instead of a polynomial's multiplications. The length is mixed in
/// and the sum multiplied by an odd constant, so that the top bits the index reads
/// depend on every character.
fn deletion_keys(s: &str, scratch: &mut DeletionScratch, out: &mut Vec<u64>) {
    const B: u64 = 0x100_0000_01b3;
    const B_INV: u64 = inverse(B);
    const B_INV2: u64 = B_INV.wrapping_mul(B_INV);
    out.clear();
    let DeletionScratch { prefix, a, c } = scratch;
    // prefix[k]: the hash of the first k characters.
    prefix.clear();
    prefix.push(0);
    let mut weight = 1u64;
    for ch in s.chars() {
        let v = (ch as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        prefix.push(prefix[prefix.len() - 1].wrapping_add(v.wrapping_mul(weight)));
        weight = weight.wrapping_mul(B);
    }
    let n = prefix.len() - 1;
    let whole = prefix[n];
    let key = |h: u64, len: usize| {
        h.wrapping_add((len as u64).wrapping_mul(0xff51_afd7_ed55_8ccd))
            .wrapping_mul(0xc4ce_b9fe_1a85_ec53)
    };
    // a[i]: the characters before `i` in place, the one at `i` gone. c[j]: the one at
    // `j` gone, those after it two places down (the first deletion's shift included).
    a.clear();
    c.clear();
    for i in 0..n {
        a.push(prefix[i].wrapping_sub(prefix[i + 1].wrapping_mul(B_INV)));
        c.push(
            prefix[i]
                .wrapping_mul(B_INV)
                .wrapping_add(whole.wrapping_sub(prefix[i + 1]).wrapping_mul(B_INV2)),
        );
    }
    out.reserve(1 + n + n * n.saturating_sub(1) / 2);
    out.push(key(whole, n));
    for i in 0..n {
        // One deletion, at `i`: those after it one place down.
        let one = prefix[i].wrapping_add(whole.wrapping_sub(prefix[i + 1]).wrapping_mul(B_INV));
        out.push(key(one, n - 1));
        let ai = a[i];
        out.extend(c[i + 1..].iter().map(|&cj| key(ai.wrapping_add(cj), n - 2)));
    }
}

/// The inverse of an odd `b` modulo 2^64 (Newton's iteration: each step doubles the
/// bits that are right, from the three that `b * b == 1 (mod 8)` gives).
const fn inverse(b: u64) -> u64 {
    let mut x = b;
    let mut k = 0;
    while k < 5 {
        x = x.wrapping_mul(2u64.wrapping_sub(b.wrapping_mul(x)));
        k += 1;
    }
    x
}

/// The per-character tables of [`deletion_keys`], kept between calls.
#[derive(Default)]
struct DeletionScratch {
    prefix: Vec<u64>,
    a: Vec<u64>,
    c: Vec<u64>,
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
        field.value.span(),
        format!(
            "unknown stance `{value}`; expected one of {}",
            allowed.join(", ")
        ),
    );
    if let Some(s) = closest(value, &allowed) {
        d.message = format!(
            "unknown stance `{value}`: did you mean `{s}`? Expected one of {}",
            allowed.join(", ")
        )
        .into();
        d = d.with_fix(format!("Change to `{s}`"), field.value.span(), s);
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

/// Where two claims quote the same article text: `(claim, its quote, the claim that
/// quoted it first, the article span)`.
pub(super) type DuplicatePair = (usize, usize, usize, Span);

/// The [`DuplicatePair`]s among `anchors`. Depends on the anchors alone, so a re-check whose
/// anchors are the same as the last run's reuses it (see [`duplicate_quotes`]).
pub(super) fn duplicate_pairs(anchors: &[(u32, Anchor)]) -> Vec<DuplicatePair> {
    let mut first: FxHashMap<Span, usize> = FxHashMap::default();
    first.reserve(anchors.len());
    let mut out = Vec::new();
    // A near miss already has its own error; pointing at the same text is expected then.
    for &(claim_index, anchor) in anchors.iter().filter(|(_, a)| a.exact()) {
        let claim_index = claim_index as usize;
        match first.get(&anchor.span()) {
            Some(&prev) if prev != claim_index => {
                out.push((claim_index, anchor.quote(), prev, anchor.span()));
            }
            Some(_) => {}
            None => {
                first.insert(anchor.span(), claim_index);
            }
        }
    }
    out
}

/// C044 for each pair [`duplicate_pairs`] found.
pub(super) fn duplicate_quotes(parsed: &Parsed, pairs: &[DuplicatePair]) -> Vec<Diagnostic> {
    let claims = &parsed.model.claims;
    pairs
        .iter()
        .filter_map(|&(claim_index, quote, prev, anchor)| {
            let (claim, other) = (claims.get(claim_index)?, claims.get(prev)?);
            let span = claim.quotes.get(quote).map_or(claim.id_span(), |q| q.value.span());
            Some(
                Diagnostic::new(
                    Code::DuplicateQuote,
                    span,
                    format!(
                        "claim `{}` quotes the same article text as claim `{}`: each statement should be annotated once",
                        claim.id, other.id
                    ),
                )
                .with_related(Target::File, other.id_span(), format!("claim `{}`", other.id))
                .with_related(Target::Article, anchor, "the shared article text"),
            )
        })
        .collect()
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
    fn deletion_keys_are_the_keys_of_the_strings_left() {
        // Each string made by deleting zero, one or two characters has among `s`'s keys
        // the key it has itself (its first, with nothing deleted), whatever is deleted.
        let mut scratch = DeletionScratch::default();
        let (mut keys, mut own) = (Vec::new(), Vec::new());
        for s in [
            "",
            "a",
            "ab",
            "claim-0042",
            "aaa",
            "éЖ-b",
            "c041 c042 c043 x",
        ] {
            let chars: Vec<char> = s.chars().collect();
            let n = chars.len();
            deletion_keys(s, &mut scratch, &mut keys);
            assert_eq!(keys.len(), 1 + n + n * n.saturating_sub(1) / 2, "{s:?}");
            let mut left: Vec<String> = vec![s.to_string()];
            for i in 0..n {
                left.push(
                    chars
                        .iter()
                        .enumerate()
                        .filter(|&(k, _)| k != i)
                        .map(|(_, c)| c)
                        .collect(),
                );
                for j in i + 1..n {
                    left.push(
                        chars
                            .iter()
                            .enumerate()
                            .filter(|&(k, _)| k != i && k != j)
                            .map(|(_, c)| c)
                            .collect(),
                    );
                }
            }
            for r in left {
                deletion_keys(&r, &mut scratch, &mut own);
                assert!(keys.contains(&own[0]), "{r:?} from {s:?}");
            }
        }
        // Different strings of the same length have different keys here.
        let mut a = Vec::new();
        deletion_keys("claim-0042", &mut scratch, &mut a);
        deletion_keys("claim-0024", &mut scratch, &mut own);
        assert_ne!(a[0], own[0]);
    }

    #[test]
    fn the_deletion_index_and_the_scan_find_exactly_the_near_ids() {
        let mut rng = Lcg(7);
        // A small alphabet (with multibyte characters) so that many pairs are near.
        let alphabet = ['a', 'b', 'c', 'é', '-', 'Ж'];
        for _ in 0..30 {
            let ids: Vec<String> = (0..60).map(|_| rng.word(&alphabet, 6)).collect();
            let targets: Vec<String> = (0..40).map(|_| rng.word(&alphabet, 6)).collect();
            let t: Vec<&str> = targets.iter().map(String::as_str).collect();
            let known: FxHashMap<&str, Span> = ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.as_str(), Span::new(i, i + 1)))
                .collect();
            let batch = near_ids_batch(&t, &known);
            let ids: Vec<&str> = known.keys().copied().collect();
            let scan = near_ids_scan(&t, &ids, &known);
            for ((target, got), scanned) in t.iter().zip(batch).zip(scan) {
                let all: Vec<(String, usize)> = known
                    .keys()
                    .filter_map(|id| near(target, id).map(|d| (id.to_string(), d)))
                    .collect();
                let want = NearIds::new(all, &known);
                let sorted = |mut v: Vec<(String, usize)>| {
                    v.sort();
                    v
                };
                for got in [got, scanned] {
                    let got = NearIds::new(got, &known);
                    assert_eq!(
                        sorted(got.ids),
                        sorted(want.ids.clone()),
                        "target {target:?}"
                    );
                    assert_eq!(got.complete, want.complete);
                }
            }
        }
    }

    #[test]
    fn the_byte_counts_of_near_ascii_ids_are_at_most_four_apart() {
        let mut rng = Lcg(11);
        // Letters 32 apart share a count: the folding must not turn a near pair away.
        let alphabet = ['a', 'b', 'A', 'B', '1', 'q', '-'];
        let (mut near_pairs, mut turned_away) = (0, 0);
        for _ in 0..20_000 {
            let (a, b) = (rng.word(&alphabet, 7), rng.word(&alphabet, 7));
            let apart = counts_apart(&byte_counts(&a), &byte_counts(&b));
            if near(&a, &b).is_some() {
                near_pairs += 1;
                assert!(apart <= 4, "{a:?} {b:?} {apart}");
            } else if apart > 4 {
                turned_away += 1;
            }
        }
        // Both sides are exercised: near pairs, and far pairs the counts alone settle.
        assert!(
            near_pairs > 100 && turned_away > 1000,
            "{near_pairs} {turned_away}"
        );
    }

    #[test]
    fn the_bit_vector_levenshtein_is_the_levenshtein_distance() {
        let mut rng = Lcg(13);
        let alphabet = ['a', 'b', 'c', '-', '1'];
        let check = |a: &str, b: &str| {
            let mut peq = [0u64; 128];
            for (i, c) in a.bytes().enumerate() {
                peq[usize::from(c)] |= 1 << i;
            }
            let want = strsim::levenshtein(a, b);
            assert_eq!(
                levenshtein_bits(&peq, a.len(), b.as_bytes()),
                want,
                "{a:?} {b:?}"
            );
        };
        for _ in 0..20_000 {
            let (a, b) = (rng.word(&alphabet, 9), rng.word(&alphabet, 9));
            check(&a, &b);
        }
        // Patterns of 63 and 64 bytes: the top bit of the word is the table's last row.
        for n in [63, 64] {
            let a: String = (0..n).map(|_| rng.word(&alphabet, 1)).collect();
            let b: String = (0..n + 3).map(|_| rng.word(&alphabet, 1)).collect();
            check(&a, &b);
            check(&a, "");
            check(&a, &a);
        }
    }

    #[test]
    fn the_alignment_distance_settles_what_damerau_levenshtein_would() {
        let mut rng = Lcg(3);
        let alphabet = ['a', 'b', 'c', 'é'];
        for _ in 0..20_000 {
            let (a, b) = (rng.word(&alphabet, 7), rng.word(&alphabet, 7));
            let want = strsim::damerau_levenshtein(&a, &b);
            let got = near(&a, &b);
            let filtered =
                a.len().abs_diff(b.len()) > 2 || (byte_set(&a) ^ byte_set(&b)).count_ones() > 4;
            assert_eq!(got, (want <= 2 && !filtered).then_some(want), "{a:?} {b:?}");
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
            .iter()
            .filter_map(|f| relation_diagnostic(&parsed.model.claims, f))
            .filter(|d| !d.message.contains("points at the claim itself"))
            .map(|d| {
                let fix = d.fix.map(|f| f.edits[0].replacement.to_string());
                (d.message.to_string(), fix)
            })
            .collect()
    }

    fn by_scan(parsed: &Parsed) -> Vec<Option<String>> {
        let claims = &parsed.model.claims;
        let ids: Vec<&str> = claims.iter().map(|c| c.id.as_str()).collect();
        claims
            .iter()
            .flat_map(|c| c.relations.iter().map(move |r| (c, r)))
            .filter(|(c, r)| {
                r.target.text != c.id.as_str() && !ids.contains(&r.target.text.as_str())
            })
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
        // Sparse enough that every reference has few near ids (complete lists, which are
        // updated rather than found again).
        let alphabet = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', '-', '1'];
        let word = |rng: &mut Lcg| {
            format!(
                "{}{}{}",
                rng.word(&alphabet, 2),
                rng.word(&alphabet, 2),
                rng.word(&alphabet, 3)
            )
        };
        let mut ids: Vec<String> = (0..200).map(|_| word(&mut rng)).collect();
        let refs: Vec<String> = (0..200).map(|_| word(&mut rng)).collect();
        let mut memo = IdSuggestions::default();
        for round in 0..40 {
            let parsed = Parsed::new(file(&ids, &refs));
            let got = suggestions(&parsed, &mut memo);
            if round > 0 {
                // Only new references are looked up; the rest follows the ids.
                assert_eq!(memo.last_batched, 0, "round {round}");
            }
            let want = by_scan(&parsed);
            let fixes: Vec<Option<String>> = got.into_iter().map(|(_, f)| f).collect();
            assert_eq!(fixes, want, "round {round}");
            // The remembered ids are the file's, as hashes (repeated ids once).
            let hashes: FxHashSet<u64> = ids.iter().map(|id| id_hash(id)).collect();
            assert_eq!(memo.ids, hashes, "round {round}");
            // Rename one claim, to a new id or to one of the references.
            let k = rng.next() % ids.len();
            ids[k] = if rng.next() % 2 == 0 {
                refs[rng.next() % refs.len()].clone()
            } else {
                word(&mut rng)
            };
        }
    }
}
