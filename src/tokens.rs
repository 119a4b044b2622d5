//! Words and punctuation of one sentence, as byte spans of the text.

use crate::report::ByteSpan;

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

// What a byte is to the tokenizer: ASCII by this table, and `HIGH` for the bytes of other
// characters, which are decoded and tested one by one (one table lookup a byte, no range test).
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
/// `joins`: '.', '\'', '-', '&'.
const JOIN: u8 = 2;
const PUNCT: u8 = 3;
const HIGH: u8 = 4;

/// The class of each byte: for ASCII, `char::is_whitespace`, `is_alphanumeric`, `joins` or neither.
const CLASS: [u8; 256] = {
    let mut t = [HIGH; 256];
    let mut b = 0;
    while b < 128 {
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
    while end < bytes.len() {
        // Letters and digits of ASCII go by in a tight loop.
        let (d, dlen) = match CLASS[bytes[end] as usize] {
            ALNUM => {
                end += 1;
                continue;
            }
            JOIN => (bytes[end] as char, 1),
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
    fn possessives() {
        assert_eq!(strip_possessive("Trump’s"), "Trump");
        assert_eq!(strip_possessive("CNN"), "CNN");
    }
}
