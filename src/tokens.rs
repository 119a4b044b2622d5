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

/// Tokens of `text[span]`, with spans in `text`'s offsets.
pub fn tokenize(text: &str, span: ByteSpan) -> Vec<Token> {
    let piece = &text[span.start..span.end];
    // About one token every five bytes of news text.
    let mut out = Vec::with_capacity(piece.len() / 4 + 1);
    let mut i = 0;
    while i < piece.len() {
        let (c, len) = char_at(piece, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if alphanumeric(c) {
            let mut end = i + len;
            while end < piece.len() {
                let (d, dlen) = char_at(piece, end);
                if alphanumeric(d) {
                    end += dlen;
                } else if joins(d) {
                    // Join only when a letter or digit follows: "U.S.", "don't", "al-Qaeda", "AT&T";
                    // a trailing period stays with the word only for dotted abbreviations ("U.S.").
                    let after = end + dlen;
                    if after < piece.len() && alphanumeric(char_at(piece, after).0) {
                        end = after;
                    } else {
                        if d == '.' && piece[i..end].contains('.') {
                            end += 1;
                        }
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token { span: ByteSpan::new(span.start + i, span.start + end), word: true });
            i = end;
        } else if c == '-' && piece.as_bytes().get(i + 1) == Some(&b'-') {
            // "--", the typewriter dash, is one token, read as a dash (see `is_dash`).
            out.push(Token { span: ByteSpan::new(span.start + i, span.start + i + 2), word: false });
            i += 2;
        } else {
            out.push(Token { span: ByteSpan::new(span.start + i, span.start + i + len), word: false });
            i += len;
        }
    }
    out
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
