//! Every mention of every name of [`Article::candidates`](super::Article::candidates), in
//! article order: completion reads the names around a quote here, instead of asking each
//! of the article's thousands of names where its mention nearest the quote is.

use super::mentions::Candidate;
use crate::text::Span;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// The mentions of the article's names by position, and the names by key. Built once per
/// article version, on first use ([`Article::names_by_position`](super::Article)).
#[derive(Debug)]
pub(crate) struct NamesByPosition {
    /// One entry a mention: `start << 32 | candidate << 8 | length`, ascending (so by
    /// start). Eight bytes a mention.
    entries: Vec<u64>,
    /// The longest mention (bytes): a mention starting before an offset by more than this
    /// ends before it.
    longest: usize,
    /// The candidates by the hash of their key.
    keys: HashTable<u32>,
}

/// A mention: where, and whose (an index into the candidates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Placed {
    pub(crate) span: Span,
    pub(crate) candidate: usize,
}

const CANDIDATE_BITS: u32 = 24;
const LENGTH_BITS: u32 = 8;

impl NamesByPosition {
    /// `None` when an entry would not fit its bits (an article of about 4 GiB, more than
    /// 16 million names, a mention over 255 bytes), or a key is empty or held by two
    /// names: the caller then asks each name, as before this index.
    pub(crate) fn new(candidates: &[Candidate]) -> Option<NamesByPosition> {
        if candidates.len() >= 1 << CANDIDATE_BITS {
            return None;
        }
        let count = candidates.iter().map(|c| c.mentions.len()).sum();
        let mut entries = Vec::with_capacity(count);
        let mut longest = 0;
        for (i, c) in candidates.iter().enumerate() {
            for m in &c.mentions {
                let len = m.end.checked_sub(m.start)?;
                let start = u32::try_from(m.start).ok()?;
                // Distances from a mention stay below the marks a reader may keep beside them.
                if len >= 1 << LENGTH_BITS || m.end >= (u32::MAX - 3) as usize {
                    return None;
                }
                longest = longest.max(len);
                entries.push(u64::from(start) << 32 | (i as u64) << LENGTH_BITS | len as u64);
            }
        }
        entries.sort_unstable();
        let mut keys = HashTable::with_capacity(candidates.len());
        for (i, c) in candidates.iter().enumerate() {
            if c.key.is_empty() {
                return None;
            }
            let hash = key_hash(&c.key);
            let same = |&j: &u32| candidates[j as usize].key == c.key;
            if keys.find(hash, same).is_some() {
                return None;
            }
            keys.insert_unique(hash, i as u32, |&j| key_hash(&candidates[j as usize].key));
        }
        let index = NamesByPosition {
            entries,
            longest,
            keys,
        };
        Some(index)
    }

    /// How many mentions.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The longest mention, in bytes.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// Mention `i` in article order.
    pub(crate) fn get(&self, i: usize) -> Placed {
        let e = self.entries[i];
        let start = (e >> 32) as usize;
        Placed {
            span: Span::new(start, start + (e & ((1 << LENGTH_BITS) - 1)) as usize),
            candidate: ((e >> LENGTH_BITS) & ((1 << CANDIDATE_BITS) - 1)) as usize,
        }
    }

    /// The number of mentions starting before `offset`: the first one starting at or after
    /// it, if any, is mention `first_at(offset)`.
    pub(crate) fn first_at(&self, offset: usize) -> usize {
        let Ok(offset) = u32::try_from(offset) else {
            return self.entries.len();
        };
        self.entries
            .partition_point(|&e| ((e >> 32) as u32) < offset)
    }

    /// The mentions that overlap or touch `region` (`start <= region.end` and `end >=
    /// region.start`), in article order.
    pub(crate) fn touching(&self, region: Span) -> impl Iterator<Item = Placed> + '_ {
        let from = self.first_at(region.start.saturating_sub(self.longest));
        let to = self.first_at(region.end.saturating_add(1));
        (from..to.max(from))
            .map(|i| self.get(i))
            .filter(move |p| p.span.end >= region.start)
    }

    /// The mentions starting at `offset`, in article order.
    pub(crate) fn starting_at(&self, offset: usize) -> impl Iterator<Item = Placed> + '_ {
        let from = self.first_at(offset);
        let to = self.first_at(offset.saturating_add(1));
        (from..to.max(from)).map(|i| self.get(i))
    }

    /// The candidate whose key is `key` (`candidates` are the ones the index was built of).
    pub(crate) fn candidate_of_key(&self, candidates: &[Candidate], key: &str) -> Option<usize> {
        self.keys
            .find(key_hash(key), |&i| {
                candidates.get(i as usize).is_some_and(|c| c.key == key)
            })
            .map(|&i| i as usize)
    }
}

fn key_hash(key: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::CandidateKind;

    fn cand(key: &str, mentions: &[(usize, usize)]) -> Candidate {
        Candidate {
            name: key.to_string(),
            key: key.to_string(),
            kind: CandidateKind::Name,
            mentions: mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        }
    }

    #[test]
    fn mentions_in_article_order_with_their_names() {
        let cands = [
            cand("ann dole", &[(10, 18), (50, 58)]),
            cand("lars", &[(0, 4), (30, 34), (50, 54)]),
        ];
        let ix = NamesByPosition::new(&cands).unwrap();
        assert_eq!(ix.len(), 5);
        assert_eq!(ix.longest(), 8);
        let all: Vec<(usize, usize, usize)> = (0..ix.len())
            .map(|i| ix.get(i))
            .map(|p| (p.span.start, p.span.end, p.candidate))
            .collect();
        assert_eq!(
            all,
            [
                (0, 4, 1),
                (10, 18, 0),
                (30, 34, 1),
                (50, 58, 0),
                (50, 54, 1)
            ]
        );
        assert_eq!(ix.first_at(0), 0);
        assert_eq!(ix.first_at(11), 2);
        assert_eq!(ix.first_at(51), 5);
        let touching: Vec<usize> = ix
            .touching(Span::new(18, 30))
            .map(|p| p.span.start)
            .collect();
        assert_eq!(touching, [10, 30]);
        let at: Vec<usize> = ix.starting_at(50).map(|p| p.candidate).collect();
        assert_eq!(at, [0, 1]);
        assert_eq!(ix.starting_at(49).count(), 0);
        assert_eq!(ix.candidate_of_key(&cands, "lars"), Some(1));
        assert_eq!(ix.candidate_of_key(&cands, "ann dole"), Some(0));
        assert_eq!(ix.candidate_of_key(&cands, "dole"), None);
    }

    #[test]
    fn no_index_for_what_does_not_fit() {
        assert!(NamesByPosition::new(&[cand("a", &[(0, 300)])]).is_none());
        assert!(NamesByPosition::new(&[cand("", &[(0, 3)])]).is_none());
        assert!(NamesByPosition::new(&[cand("a", &[(0, 1)]), cand("a", &[(4, 5)])]).is_none());
        assert!(NamesByPosition::new(&[]).is_some_and(|ix| ix.len() == 0));
    }
}
