//! The lowercase text of one token, kept inline: the analysis reads every word of every
//! paragraph, and a heap string per token was a large share of its cost.

use std::fmt;
use std::ops::Deref;

/// Bytes a word may have and still be stored without a heap allocation.
const INLINE: usize = 14;

/// A word in lowercase, with `’` written `'` (what `to_lowercase` and that replacement
/// give). Words of up to 14 bytes (nearly all) live inline; longer ones on the heap, behind
/// a thin pointer so that a `Low` is 16 bytes (a token is kept per word of the article).
#[derive(Clone)]
pub(crate) enum Low {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(Box<Box<str>>),
}

const _: () = assert!(std::mem::size_of::<Low>() == 16);

impl Default for Low {
    fn default() -> Low {
        Low::Inline {
            len: 0,
            buf: [0; INLINE],
        }
    }
}

impl Low {
    /// `word.to_lowercase().replace('\u{2019}', "'")`, without allocating for short ASCII words.
    pub(crate) fn lower(word: &str) -> Low {
        if word.len() <= INLINE && word.is_ascii() {
            let mut buf = [0u8; INLINE];
            for (d, s) in buf.iter_mut().zip(word.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            return Low::Inline {
                len: word.len() as u8,
                buf,
            };
        }
        Low::from_str(&word.to_lowercase().replace('\u{2019}', "'"))
    }

    /// [`Low::lower`] of an ASCII word: the bytes of a short one lowercased all at once.
    pub(crate) fn lower_ascii(word: &str) -> Low {
        debug_assert!(word.is_ascii());
        if word.len() > INLINE {
            return Low::lower(word);
        }
        let mut wide = [0u8; 16];
        wide[..word.len()].copy_from_slice(word.as_bytes());
        let v = u128::from_le_bytes(wide);
        // Every byte is below 0x80, so adding 0x3f (0x80 - b'A') or 0x25 (0x80 - b'[')
        // carries into no other byte: the high bit of a byte then says whether it is at
        // least `A`, or past `Z`. A capital gets 0x20 added (its lowercase letter).
        const EACH: u128 = u128::from_le_bytes([1; 16]);
        let capital = (v + 0x3f * EACH) & !(v + 0x25 * EACH) & (0x80 * EACH);
        let wide = (v | (capital >> 2)).to_le_bytes();
        let mut buf = [0u8; INLINE];
        buf.copy_from_slice(&wide[..INLINE]);
        Low::Inline {
            len: word.len() as u8,
            buf,
        }
    }

    fn from_str(s: &str) -> Low {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Low::Inline {
                len: s.len() as u8,
                buf,
            }
        } else {
            Low::Heap(Box::new(s.into()))
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // SAFETY: `buf[..len]` is always a copy of a whole `&str` (see `lower` and
            // `from_str`, the only constructors besides the empty default), so it is UTF-8.
            Low::Inline { len, buf } => unsafe {
                std::str::from_utf8_unchecked(&buf[..*len as usize])
            },
            Low::Heap(s) => s,
        }
    }
}

impl Deref for Low {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Low {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Low {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Low {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::Low;

    #[test]
    fn same_text_as_lowercasing_a_string() {
        for w in [
            "",
            "said",
            "Said",
            "NATO",
            "O\u{2019}Brien",
            "\u{c9}LYS\u{c9}E",
            "\u{39f}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{3a5}\u{3a3}",
            "counterrevolutionaries",
            "Counterrevolutionaries-in-chief",
            "\u{130}stanbul",
        ] {
            let want = w.to_lowercase().replace('\u{2019}', "'");
            assert_eq!(Low::lower(w).as_str(), want, "{w}");
        }
        for w in [
            "",
            "a",
            "Said",
            "NATO",
            "@[`{Az09_-",
            "ABCDEFGHIJKLMN",
            "OPQRSTUVWXYZab",
            "ABCDEFGHIJKLMNO",
        ] {
            assert_eq!(Low::lower_ascii(w).as_str(), w.to_lowercase(), "{w}");
        }
        assert_eq!(Low::default().as_str(), "");
        assert!(matches!(
            Low::lower("Counterrevolutionaries-in-chief"),
            Low::Heap(_)
        ));
        assert!(matches!(Low::lower("Said"), Low::Inline { .. }));
    }
}
