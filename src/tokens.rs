//! Words and punctuation of one sentence, as byte spans of the text.

use crate::report::ByteSpan;
use crate::wordset::{ALNUM, CLASS, HIGH, JOIN, SPACE};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: ByteSpan,
    /// A word (letters, digits, inner `.` `'` `’` `-` `&`); otherwise one punctuation character.
    pub word: bool,
}

fn joins(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '&')
}

/// The char at byte `i` (a char boundary) of `s`, and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

#[inline]
fn alphanumeric(c: char) -> bool {
    crate::wordset::is_alphanumeric(c)
}

/// Tokens of `text[span]`, with spans in `text`'s offsets.
pub fn tokenize(text: &str, span: ByteSpan) -> Vec<Token> {
    // About one token every five bytes of news text.
    let mut out = Vec::with_capacity(span.len() / 4 + 1);
    for_each_token(text, span, |t| out.push(t));
    out
}

/// Calls `f` with each token of `text[span]` in order (what `tokenize` collects), for a caller
/// that makes something else of each.
#[inline]
pub fn for_each_token(text: &str, span: ByteSpan, mut f: impl FnMut(Token)) {
    let piece = &text[span.start..span.end];
    let bytes = piece.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII by its byte's class, anything else decoded.
        let b = bytes[i];
        let (c, len, alnum) = match CLASS[b as usize] {
            SPACE => {
                i += 1;
                continue;
            }
            HIGH => {
                let (c, len) = char_at(piece, i);
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                (c, len, alphanumeric(c))
            }
            class => (b as char, 1, class == ALNUM),
        };
        if alnum {
            let end = word_end(piece, i + len, i);
            f(Token { span: ByteSpan::new(span.start + i, span.start + end), word: true });
            i = end;
        } else if c == '-' && bytes.get(i + 1) == Some(&b'-') {
            // "--", the typewriter dash, is one token, read as a dash (see `is_dash`).
            f(Token { span: ByteSpan::new(span.start + i, span.start + i + 2), word: false });
            i += 2;
        } else {
            f(Token { span: ByteSpan::new(span.start + i, span.start + i + len), word: false });
            i += len;
        }
    }
}

/// The end of the word that starts at `start` in `piece` and goes on at least to `end`.
#[inline(always)]
fn word_end(piece: &str, mut end: usize, start: usize) -> usize {
    let bytes = piece.as_bytes();
    loop {
        // Letters and digits of ASCII go by eight at a time.
        end = ascii_alnum_end(bytes, end);
        let Some(&b) = bytes.get(end) else {
            break;
        };
        let (d, dlen) = match CLASS[b as usize] {
            JOIN => (b as char, 1),
            HIGH => {
                let (d, dlen) = char_at(piece, end);
                if alphanumeric(d) {
                    end += dlen;
                    continue;
                }
                if !joins(d) {
                    break;
                }
                (d, dlen)
            }
            _ => break,
        };
        // A joining character: join only when a letter or digit follows: "U.S.", "don't",
        // "al-Qaeda", "AT&T"; a trailing period stays with the word only for dotted abbreviations ("U.S.").
        let after = end + dlen;
        if after < bytes.len() && alphanumeric(char_at(piece, after).0) {
            end = after;
        } else {
            if d == '.' && piece[start..end].contains('.') {
                end += 1;
            }
            break;
        }
    }
    end
}

/// The end of the run of ASCII letters and digits at `at`: eight bytes at a time, each block tested
/// at once (SWAR), then byte by byte for the last few.
#[inline(always)]
fn ascii_alnum_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // For bytes below 0x80 (no carry leaves a byte): the high bit of each byte in `lo..=hi`.
    let within = |x: u64, lo: u64, hi: u64| x.wrapping_add(ONES * (0x80 - lo)) & !x.wrapping_add(ONES * (0x7F - hi));
    while let Some(block) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(block.try_into().unwrap_or_default());
        // Digits, or letters once `| 0x20` has lower-cased them; a byte of 0x80 or more is neither
        // (its carry can only spoil the bytes after it, never the first one that fails).
        let alnum = (within(x, 0x30, 0x39) | within(x | (ONES * 0x20), 0x61, 0x7A)) & !x & HIGH_BITS;
        let other = !alnum & HIGH_BITS;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && CLASS[bytes[at] as usize] == ALNUM {
        at += 1;
    }
    at
}

/// Whether a punctuation token is a dash: em, en, or the typewriter's "--".
pub fn is_dash(token_text: &str) -> bool {
    matches!(token_text, "—" | "–" | "--")
}

/// The token's text.
pub fn text_of<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.span.start..t.span.end]
}

/// A word without a possessive ending: "Trump’s" → "Trump".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word)
}

/// Does the word start with an upper-case letter?
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, ByteSpan::new(0, text.len())).iter().map(|t| text_of(text, t)).collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(words("“We won,” Trump’s aide said."), vec!["“", "We", "won", ",", "”", "Trump’s", "aide", "said", "."]);
    }

    #[test]
    fn abbreviations_and_compounds() {
        assert_eq!(words("U.S. officials, counter-narcotics, AT&T, 2.5%"), vec!["U.S.", "officials", ",", "counter-narcotics", ",", "AT&T", ",", "2.5", "%"]);
        assert_eq!(words("the end."), vec!["the", "end", "."]);
    }

    #[test]
    fn typewriter_dash_is_one_dash_token() {
        let text = "The judge -- who ruled -- said so; a one-sided -x";
        assert_eq!(words(text), vec!["The", "judge", "--", "who", "ruled", "--", "said", "so", ";", "a", "one-sided", "-", "x"]);
    }

    #[test]
    fn non_latin_scripts() {
        assert_eq!(words("Él dijo «sí» 東京"), vec!["Él", "dijo", "«", "sí", "»", "東京"]);
    }

    #[test]
    fn ascii_alnum_end_stops_at_the_first_other_byte() {
        // Every byte value at every place of a block, and runs that cross blocks.
        for len in 0..20 {
            for other in 0..=255u8 {
                let mut bytes = vec![b'a'; len];
                bytes.extend([other, b'Z', b'9']);
                bytes.extend(vec![b'q'; 9]);
                let expected = bytes.iter().position(|&b| CLASS[b as usize] != ALNUM).unwrap_or(bytes.len());
                assert_eq!(ascii_alnum_end(&bytes, 0), expected, "{len} {other:#x}");
            }
        }
        assert_eq!(ascii_alnum_end(b"Az09az", 0), 6);
    }

    #[test]
    fn possessives() {
        assert_eq!(strip_possessive("Trump’s"), "Trump");
        assert_eq!(strip_possessive("CNN"), "CNN");
    }
}
