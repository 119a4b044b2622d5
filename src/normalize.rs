//! Same-length rewrites of house styles the rules would otherwise misread.
//!
//! Some newsrooms (and text exported from them) write quotation marks as two
//! apostrophes, `''like this''`, or open them TeX-style with two backticks,
//! ``` ``like this'' ```. The rules read quotation marks one character at a time, so
//! each such pair becomes one two-byte guillemet that says its direction: `«` opens,
//! `»` closes. A pair and its guillemet are both two bytes, so byte offsets into the
//! rewritten text are offsets into the original, on the same character boundaries
//! (a span can never start between the pair's two apostrophes): spans are cut from
//! the original.

use std::borrow::Cow;

/// `text` with `''` and ``` `` ``` pairs rewritten as `«` and `»` (same length), or
/// `text` itself when it has none.
pub fn quotes(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Written on the first pair found.
    let mut out: Option<Vec<u8>> = None;
    // The next byte a pair may start at (a pair's second mark starts none).
    let mut i = 0;
    // 64 possible pair starts at a time: a block without a pair is passed over after one test.
    let mut block = 0;
    while block + 1 < bytes.len() {
        let end = (block + 65).min(bytes.len());
        if has_pair(&bytes[block..end]) {
            i = i.max(block);
            while i + 1 < end {
                let pair = &bytes[i..i + 2];
                if pair == b"''" || pair == b"``" {
                    let before = i.checked_sub(1).map(|p| bytes[p]);
                    let after = bytes.get(i + 2).copied();
                    // Opens when a word follows and none precedes ("''We", " ''Over"); TeX backticks always open.
                    let word_before = before.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'.' | b',' | b'!' | b'?'));
                    let word_after = after.is_some_and(|a| a.is_ascii_alphanumeric() || a >= 0x80);
                    let opens = pair == b"``" || (word_after && !word_before);
                    let out = out.get_or_insert_with(|| bytes.to_vec());
                    out[i..i + 2].copy_from_slice(if opens { "«".as_bytes() } else { "»".as_bytes() });
                    i += 2;
                } else {
                    i += 1;
                }
            }
        }
        block += 64;
    }
    match out {
        None => Cow::Borrowed(text),
        // Two ASCII bytes were replaced by one two-byte character, so the UTF-8 is as valid as the input's.
        Some(out) => Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string())),
    }
}

/// Does `bytes` hold `''` or ``` `` ```? With no early exit, the compiler turns the test into
/// vector instructions.
fn has_pair(bytes: &[u8]) -> bool {
    let Some(last) = bytes.len().checked_sub(1) else {
        return false;
    };
    bytes[..last].iter().zip(&bytes[1..]).fold(false, |found, (&x, &y)| found | ((x == b'\'' || x == b'`') & (x == y)))
}

#[cfg(test)]
mod tests {
    use super::quotes;

    #[test]
    fn doubled_apostrophes_become_quote_marks_of_the_same_length() {
        let text = "''We will win,'' he said. She called it ''a disaster.''";
        let out = quotes(text);
        assert_eq!(out, "«We will win,» he said. She called it «a disaster.»");
        assert_eq!(out.len(), text.len());
    }

    #[test]
    fn tex_quotes_open_with_backticks() {
        assert_eq!(quotes("``Yes,'' she said."), "«Yes,» she said.");
    }

    #[test]
    fn text_without_pairs_is_borrowed_unchanged() {
        let text = "It's Trump's plan, “not mine,” he said — 日本 ✓";
        assert!(matches!(quotes(text), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn multibyte_neighbours_keep_their_boundaries() {
        let text = "''Él dijo'' ✓ ''日本''";
        let out = quotes(text);
        assert_eq!(out.len(), text.len());
        // Spans found in the rewrite lie on its boundaries, and each is a boundary of the original.
        for (i, _) in out.char_indices() {
            assert!(text.is_char_boundary(i));
        }
    }

    #[test]
    fn pairs_are_found_across_blocks() {
        for at in [0, 1, 62, 63, 64, 65, 127, 200] {
            for pair in ["''", "``"] {
                let mut text = "x".repeat(at);
                text.push_str(pair);
                text.push_str(&"y".repeat(70));
                assert!(matches!(quotes(&text), std::borrow::Cow::Owned(_)), "{pair} at {at}");
                assert_eq!(quotes(&text).find(['«', '»']), Some(at), "{pair} at {at}");
            }
            let text = format!("{}'`'x`'y{}", "x".repeat(at), "'y".repeat(40));
            assert!(matches!(quotes(&text), std::borrow::Cow::Borrowed(_)), "none at {at}");
        }
    }

    #[test]
    fn a_lone_apostrophe_is_left_alone() {
        assert_eq!(quotes("the candidates' plans"), "the candidates' plans");
    }
}
