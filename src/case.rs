//! Lower case exactly as std's `str::to_lowercase` and `char::to_lowercase` give it, from tables
//! that build.rs reads off std itself (build/case_tables.rs): std's own case tables and code cost
//! the wasm about 10 KB gzipped, these about a fifth of that. The core lower-cases through here,
//! never through std; the tests compare every character, and sigma in every context, with std.

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));

/// `s.to_lowercase()`.
pub fn to_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            // The one contextual mapping: ς at the end of a word, σ elsewhere (as std decides it).
            let word_final = ignorable_then_cased(s[..i].chars().rev()) && !ignorable_then_cased(s[i + 'Σ'.len_utf8()..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else {
            push_lowercase(c, &mut out);
        }
    }
    out
}

/// Appends `c.to_lowercase()` to `out`.
pub fn push_lowercase(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let code = c as u32;
    // Latin-1 ("é", "Ñ", "«") and General Punctuation ("’", "—"), most of the non-ASCII text
    // news holds, without the tables; General Punctuation holds no letter.
    if let Some(lower) = lower_latin1(c) {
        out.push(lower);
        return;
    }
    if (0x2000..=0x206F).contains(&code) {
        out.push(c);
        return;
    }
    let run = LOWER_RUNS.partition_point(|&(key, _)| key & 0x1F_FFFF <= code);
    if let Some(&(key, delta)) = run.checked_sub(1).map(|r| &LOWER_RUNS[r]) {
        let (start, len, step) = (key & 0x1F_FFFF, (key >> 21 & 0x7F) + 1, (key >> 28) + 1);
        let offset = code - start;
        if offset.is_multiple_of(step) && offset / step < len {
            out.push(char::from_u32(code.wrapping_add_signed(delta)).unwrap_or(c));
            return;
        }
    }
    match LOWER_MULTI.iter().find(|&&(m, _)| m == c) {
        Some(&(_, lower)) => out.push_str(lower),
        None => out.push(c),
    }
}

/// `c.to_lowercase()` for a character of Latin-1 (below U+0100), without the tables: À–Þ (but ×)
/// are 32 code points above their lower case, the rest stay as they are. `None` above Latin-1.
#[inline]
pub fn lower_latin1(c: char) -> Option<char> {
    let code = c as u32;
    (code < 0x100).then(|| if (0xC0..=0xDE).contains(&code) && code != 0xD7 { char::from_u32(code + 0x20).unwrap_or(c) } else { c })
}

/// Whether lower-casing may change `c`: an upper-case or title-case letter (or symbol). False for
/// every character that `to_lowercase` leaves as it is and that is lower case or not a letter, such
/// as "á" or "’" (a test checks every character).
#[inline]
pub fn lowercase_may_change(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    // Without the Unicode tables for what news text is full of: General Punctuation (curly quotes,
    // dashes) holds no letter, and Latin-1's capitals are À–Þ but ×.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    if ('\u{C0}'..='\u{FF}').contains(&c) {
        return c <= '\u{DE}' && c != '×';
    }
    c.is_uppercase() || (crate::wordset::is_alphabetic(c) && !c.is_lowercase())
}

/// Whether the first character of `chars` that is not case-ignorable is cased.
fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !is_case_ignorable(c)).is_some_and(|c| c.is_lowercase() || c.is_uppercase() || TITLECASE.iter().any(|&(a, b)| a <= c && c <= b))
}

fn is_case_ignorable(c: char) -> bool {
    static RANGES: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    let ranges = RANGES.get_or_init(|| {
        // Decoded on the first capital sigma: gap, length, gap, length… as base-128 varints.
        let mut bytes = CASE_IGNORABLE.iter();
        let mut next = || {
            let (mut n, mut shift) = (0u32, 0);
            for &b in bytes.by_ref() {
                n |= u32::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    return Some(n);
                }
            }
            None
        };
        let (mut ranges, mut at) = (Vec::new(), 0);
        while let (Some(gap), Some(len)) = (next(), next()) {
            ranges.push((at + gap, at + gap + len));
            at += gap + len;
        }
        ranges
    });
    let c = c as u32;
    let i = ranges.partition_point(|&(start, _)| start <= c);
    i > 0 && c < ranges[i - 1].1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars() -> impl Iterator<Item = char> {
        (0..=char::MAX as u32).filter_map(char::from_u32)
    }

    #[test]
    fn every_character_that_lower_casing_changes_may_change() {
        for c in chars() {
            let mut lower = String::new();
            push_lowercase(c, &mut lower);
            if lower != c.to_string() {
                assert!(lowercase_may_change(c), "{c:?} (U+{:04X}) becomes {lower:?}", c as u32);
            }
        }
        assert!(!lowercase_may_change('á') && !lowercase_may_change('’') && lowercase_may_change('É') && lowercase_may_change('ǅ'));
    }

    #[test]
    fn every_character_lower_cases_as_std() {
        let mut mine = String::new();
        for c in chars() {
            mine.clear();
            push_lowercase(c, &mut mine);
            assert_eq!(mine, c.to_lowercase().collect::<String>(), "{c:?} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn sigma_lower_cases_as_std_beside_every_character() {
        for c in chars() {
            for s in [format!("{c}Σ"), format!("A{c}Σ"), format!("AΣ{c}"), format!("AΣ{c}a"), format!("{c}")] {
                assert_eq!(to_lowercase(&s), s.to_lowercase(), "{s:?} (U+{:04X})", c as u32);
            }
        }
    }

    #[test]
    fn strings_lower_case_as_std() {
        for s in ["", "Hello", "ÁRBOL Ñandú", "ΟΔΟΣ", "ΣΑΣ ΣΑΣ.", "Σ", "AΣ", "AΣ'", "A'Σ", "A\u{301}Σ b", "ǅΣ", "İstanbul", "ẞ Ω K Å", "東京 🙂Σ", "Ꭰꭰ"] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, failure_persistence: None, ..Default::default() })]
        #[test]
        fn random_strings_lower_case_as_std(s in "[aAΣσςΑ'’.\u{301}\u{2019}\u{345}ǅİ \u{10400}\u{e0001}-\u{e007f}ß0-9]{0,12}") {
            proptest::prop_assert_eq!(to_lowercase(&s), s.to_lowercase());
        }
    }
}
