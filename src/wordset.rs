//! Fixed word lists looked up by hash, not by scanning: `static LIST: WordSet = WordSet::new(&[…])`
//! reads like the `&[&str]` it replaces (`LIST.contains(&word)`), but a lookup costs one hash of
//! the word whatever the list's length. The set is built on first use.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet { words, set: OnceLock::new() }
    }

    fn set(&self) -> &FxHashSet<&'static str> {
        self.set.get_or_init(|| {
            debug_assert!(self.words.iter().all(|w| w.len() <= MAX_LEN), "a listed word is longer than {MAX_LEN} bytes");
            self.words.iter().copied().collect()
        })
    }

    /// Is `word` in the list? Takes `&str`, `&&str` or `&String` alike.
    #[inline]
    pub fn contains<W: AsRef<str> + ?Sized>(&self, word: &W) -> bool {
        let word = word.as_ref();
        // No listed word is longer than this: most words of a text are ruled out by length alone.
        word.len() <= MAX_LEN && self.set().contains(word)
    }

    /// The words, in the order they were listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Which of several word lists hold a word, as bits, looked up by one hash: a word of up to seven
/// bytes (most words a list is asked about) by its bytes and length packed into an integer, whose
/// hash is one multiplication and whose comparison is one instruction; a longer word by its text.
#[derive(Debug, Default)]
pub struct WordBits {
    /// Open addressing over packed keys (0 marks an empty slot: no packed key is 0), linear
    /// probing, at most half full: a lookup is a multiplication and a compare or two (a general
    /// hash map's probe cost several times that, once for every token of a sentence).
    slots: Vec<(u64, u32)>,
    short_count: usize,
    long: FxHashMap<&'static str, u32>,
    /// The longest word in `long`: a longer word is in no list, ruled out before hashing.
    long_max: usize,
}

impl WordBits {
    /// Adds `bits` to `word`'s.
    pub fn insert(&mut self, word: &'static str, bits: u32) {
        match packed(word) {
            Some(key) => {
                if (self.short_count + 1) * 2 > self.slots.len() {
                    self.grow();
                }
                let at = self.slot(key);
                if self.slots[at].0 == 0 {
                    self.slots[at].0 = key;
                    self.short_count += 1;
                }
                self.slots[at].1 |= bits;
            }
            None => {
                *self.long.entry(word).or_default() |= bits;
                self.long_max = self.long_max.max(word.len());
            }
        }
    }

    /// Twice the slots (at least 64), every key placed again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
        for (key, bits) in old.into_iter().filter(|&(key, _)| key != 0) {
            let at = self.slot(key);
            self.slots[at] = (key, bits);
        }
    }

    /// The slot that holds `key`, or the empty one where it would go (`slots` is not empty).
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        // The top bits of a multiplicative hash, folded into the table's size.
        let mut at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        loop {
            let k = self.slots[at].0;
            if k == key || k == 0 {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The bits of `word` (0 when no list holds it).
    #[inline(always)]
    pub fn get(&self, word: &str) -> u32 {
        match packed(word) {
            Some(key) if !self.slots.is_empty() => self.slots[self.slot(key)].1,
            Some(_) => 0,
            None if word.len() > self.long_max => 0,
            None => self.long.get(word).copied().unwrap_or(0),
        }
    }

    /// Every word with its bits, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (String, u32)> + '_ {
        let short = self.slots.iter().filter(|&&(key, _)| key != 0).map(|&(key, bits)| (unpacked(key), bits));
        short.chain(self.long.iter().map(|(&w, &bits)| (w.to_string(), bits)))
    }
}

/// A word of one to seven bytes as one integer: its bytes, and its length in the top byte (so no
/// two words share one).
#[inline(always)]
fn packed(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    let n = b.len();
    // Two loads that overlap (the first and the last four, two or one bytes), no copy a byte:
    // the bytes they share are the same, so or-ing them is the bytes in place.
    let bytes = match n {
        4..=7 => {
            let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        2..=3 => {
            let lo = u16::from_le_bytes([b[0], b[1]]);
            let hi = u16::from_le_bytes([b[n - 2], b[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 2))
        }
        1 => u64::from(b[0]),
        _ => return None,
    };
    Some(bytes | (n as u64) << 56)
}

/// The word `packed` made `key` of.
fn unpacked(key: u64) -> String {
    let len = (key >> 56) as usize;
    let bytes: Vec<u8> = (0..len).map(|i| (key >> (8 * i)) as u8).collect();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Longer than any word a list holds (checked by a test).
const MAX_LEN: usize = 24;

/// Lower-cases `word` into `buf` without allocating when `buf` has room: ASCII directly, other
/// text character by character. Only for membership tests against lists of plain words: unlike
/// `str::to_lowercase`, a final Greek capital sigma becomes σ, never ς (no listed word holds either).
pub fn lower_into<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            crate::case::push_lowercase(c, buf);
        }
    }
    buf.as_str()
}

/// `text.split_whitespace()`, a byte at a time: only a few lead bytes can start a non-ASCII
/// white-space character, and only those are decoded.
pub fn split_whitespace(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip white space.
        loop {
            if i >= bytes.len() {
                return None;
            }
            match space_len(text, i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        i = word_end(text, i + 1);
        Some(&text[start..i])
    })
}

/// The end of the word (white-space-separated) that goes on at byte `from`: the next white space
/// at or after `from`, or the text's end. `from` need not be a char boundary.
#[inline]
pub fn word_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        // Bytes that can start no white space go by eight at a time, then in a tight loop.
        i = skip_plain_ascii(bytes, i);
        while i < bytes.len() && !MAY_BE_SPACE[bytes[i] as usize] {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] < 0x80 || space_len(text, i) > 0 {
            return i;
        }
        i += 1;
    }
}

/// The first byte at or after `at` that is below 0x21 or above 0x7F (the only ones that may be or
/// start white space), or where fewer than eight bytes are left: eight bytes tested at once (SWAR).
#[inline(always)]
fn skip_plain_ascii(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    while let Some(block) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(block.try_into().unwrap_or_default());
        // A byte below 0x21 keeps its high bit clear when 0x5F is added; a byte of 0x80 or more has
        // it set already (its carry can only spoil the bytes after it, never the first one found).
        let found = (!x.wrapping_add(ONES * 0x5F) | x) & HIGH_BITS;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at
}

/// Bytes that are, or may start, a white-space character: ASCII white space and the lead bytes
/// of U+0085, U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2) and U+3000 (E3).
const MAY_BE_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t[b'\r' as usize] = true;
    t[b' ' as usize] = true;
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// `c.is_alphanumeric()`, without the Unicode tables for ASCII, for the accented letters of
/// Latin-1 and Latin Extended-A (U+00C0–U+017F: every one a letter but × and ÷; Spanish and
/// names are full of them), and for General Punctuation (U+2000–U+206F: curly quotes, dashes,
/// ellipses, which news text is full of and which hold no letter or digit).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        known_letter(c).unwrap_or_else(|| c.is_alphanumeric())
    }
}

/// `c.is_alphabetic()`, with the same fast answers as `is_alphanumeric` (no digit is in those runs).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        known_letter(c).unwrap_or_else(|| c.is_alphabetic())
    }
}

/// Whether a non-ASCII `c` is a letter, when it lies in a run answered without std's tables.
#[inline]
fn known_letter(c: char) -> Option<bool> {
    if ('\u{C0}'..='\u{17F}').contains(&c) {
        Some(c != '×' && c != '÷')
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        Some(false)
    } else if LETTER_BLOCKS.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) {
        Some(true)
    } else if NO_LETTER_BLOCKS.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) {
        Some(false)
    } else {
        None
    }
}

/// Runs of letters only, in the scripts news text in other languages is written in: std's table
/// search for a CJK or Devanagari character took about 600 instructions, and a text in those
/// scripts ran at half the speed of English (`cargo bench --bench worst_cases`, mixed_scripts).
/// The test below checks every character against std.
const LETTER_BLOCKS: [(char, char); 13] = [
    ('\u{4E00}', '\u{9FFF}'), // CJK Unified Ideographs
    ('\u{AC00}', '\u{D7A3}'), // Hangul syllables
    ('\u{3041}', '\u{3096}'), // Hiragana
    ('\u{30A1}', '\u{30FA}'), // Katakana
    ('\u{0410}', '\u{044F}'), // Cyrillic А–я
    ('\u{0391}', '\u{03A1}'), // Greek capitals…
    ('\u{03A3}', '\u{03C9}'), // …and small letters
    ('\u{05D0}', '\u{05EA}'), // Hebrew
    ('\u{0620}', '\u{064A}'), // Arabic
    ('\u{0905}', '\u{0939}'), // Devanagari letters…
    ('\u{093E}', '\u{094C}'), // …and vowel signs (not the nukta, U+093C)
    ('\u{0E01}', '\u{0E3A}'), // Thai letters and vowel signs
    ('\u{0E40}', '\u{0E46}'), // Thai
];

/// Runs with no letter or digit that news text holds (as slow for std to look up as the letters
/// above, and answered false).
const NO_LETTER_BLOCKS: [(char, char); 9] = [
    ('\u{1F300}', '\u{1FAFF}'), // emoji and their skin tones
    ('\u{1F1E6}', '\u{1F1FF}'), // flags
    ('\u{FE00}', '\u{FE0F}'),   // variation selectors
    ('\u{0300}', '\u{0344}'),   // combining accents (U+0345 is a letter)…
    ('\u{0346}', '\u{0362}'),   // … (U+0363–U+036F are letters)
    ('\u{094D}', '\u{094D}'),   // Devanagari virama
    ('\u{0E48}', '\u{0E4C}'),   // Thai tone marks
    ('\u{3000}', '\u{3004}'),   // CJK punctuation…
    ('\u{3008}', '\u{3020}'),   // …
];

/// `s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).take(limit).count()`:
/// the white-space-separated words that hold a letter or digit, counted up to `limit`, in one
/// pass over the bytes (ASCII by table, other characters decoded).
pub fn count_words(s: &str, limit: usize) -> usize {
    if limit == 0 {
        return 0;
    }
    let bytes = s.as_bytes();
    let mut count = 0;
    let mut i = 0;
    loop {
        // White space.
        while i < bytes.len() {
            match CLASS[bytes[i] as usize] {
                SPACE => i += 1,
                HIGH => match space_len(s, i) {
                    0 => break,
                    n => i += n,
                },
                _ => break,
            }
        }
        if i >= bytes.len() {
            return count;
        }
        // A word: up to the next white space, noting whether it holds a letter or digit.
        let mut alphanumeric = false;
        while i < bytes.len() {
            match CLASS[bytes[i] as usize] {
                ALNUM => {
                    alphanumeric = true;
                    i += 1;
                }
                JOIN | PUNCT => i += 1,
                SPACE => break,
                _ => {
                    let c = s[i..].chars().next().unwrap_or(' ');
                    if c.is_whitespace() {
                        break;
                    }
                    alphanumeric |= is_alphanumeric(c);
                    i += c.len_utf8();
                }
            }
        }
        if alphanumeric {
            count += 1;
            if count >= limit {
                return count;
            }
        }
    }
}

// What a byte is to the tokenizer (`tokens.rs`) and to `count_words`: ASCII by this table, and
// `HIGH` for the bytes of other characters, which are decoded and tested one by one (one table
// lookup a byte, no range test).
pub(crate) const SPACE: u8 = 0;
pub(crate) const ALNUM: u8 = 1;
/// `tokens::joins`: '.', '\'', '-', '&'.
pub(crate) const JOIN: u8 = 2;
pub(crate) const PUNCT: u8 = 3;
pub(crate) const HIGH: u8 = 4;

/// The class of each byte: for ASCII, `char::is_whitespace`, `is_alphanumeric`, joining mark or
/// other punctuation.
pub(crate) const CLASS: [u8; 256] = {
    let mut t = [HIGH; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'.' | b'\'' | b'-' | b'&') {
            JOIN
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// The length of the white-space character at byte `i` (a char boundary), or 0 when it is none.
#[inline]
pub fn space_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    match b {
        0..=0x7F => usize::from(is_ascii_space(b)),
        // U+0085, U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2), U+3000 (E3).
        0xC2 | 0xE1 | 0xE2 | 0xE3 => match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static LIST: WordSet = WordSet::new(&["that", "según", "a"]);

    #[test]
    fn skip_plain_ascii_stops_at_the_first_byte_that_may_start_white_space() {
        for len in 0..20 {
            for other in 0..=255u8 {
                let mut bytes = vec![b'a'; len];
                bytes.extend([other, 0xC2, b' ']);
                bytes.extend(vec![b'q'; 9]);
                let at = skip_plain_ascii(&bytes, 0);
                let first = bytes.iter().position(|&b| !(0x21..0x80).contains(&b)).unwrap_or(bytes.len());
                // Never past a byte that may start white space; short of one only within the last eight.
                assert!(at <= first && (at == first || bytes.len() - at < 8), "{len} {other:#x}: {at} {first}");
            }
        }
    }

    #[test]
    fn word_bits_tell_words_apart_by_bytes_and_length() {
        let mut bits = WordBits::default();
        for (i, w) in ["a", "ab", "abcdefg", "abcdefgh", "según", "a\0"].into_iter().enumerate() {
            bits.insert(w, 1 << i);
        }
        bits.insert("ab", 1 << 8);
        assert_eq!(bits.get("a"), 1);
        assert_eq!(bits.get("ab"), 2 | 1 << 8);
        assert_eq!(bits.get("abcdefg"), 4);
        assert_eq!(bits.get("abcdefgh"), 8);
        assert_eq!(bits.get("según"), 16);
        assert_eq!(bits.get("a\0"), 32);
        assert_eq!(bits.get("abc"), 0);
        assert_eq!(bits.get(""), 0);
        let mut all: Vec<(String, u32)> = bits.iter().collect();
        all.sort();
        assert_eq!(all[0], ("a".to_string(), 1));
        assert_eq!(all.len(), 6);
    }

    #[test]
    fn looks_up_like_a_slice() {
        let w = String::from("that");
        assert!(LIST.contains(&w));
        assert!(LIST.contains(&w.as_str()));
        assert!(LIST.contains("según"));
        assert!(!LIST.contains("than"));
        assert!(!LIST.contains(""));
        assert!(!LIST.contains(&"x".repeat(100)));
    }

    #[test]
    fn split_whitespace_matches_std() {
        let mut all_spaces = String::new();
        for c in (0..0x3100u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()) {
            all_spaces.push('x');
            all_spaces.push(c);
        }
        for text in ["", " ", "a", " a  b\tc\n", "x\u{a0}y\u{2003}z\u{3000}é\u{85}東京 😀 «sí»", all_spaces.as_str(), "\u{2028}\u{202f}end "] {
            assert_eq!(split_whitespace(text).collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn count_words_matches_std() {
        for text in ["", "  ", "a b c", " — “ said, x9 ”  ", "東京 😀 sí\u{a0}no\u{3000}ya", "a b c d e f g h i j k"] {
            for limit in [0, 1, 3, 8] {
                let expected = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).take(limit).count();
                assert_eq!(count_words(text, limit), expected, "{text:?} {limit}");
            }
        }
    }

    #[test]
    fn is_alphabetic_matches_std() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn is_alphanumeric_matches_std() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn lower_into_matches_to_lowercase_for_plain_words() {
        let mut buf = String::new();
        for w in ["Según", "THAT", "Él", "İstanbul", "ǅemal", "straße"] {
            assert_eq!(lower_into(w, &mut buf), w.to_lowercase());
        }
    }
}
