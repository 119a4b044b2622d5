//! Sentences and paragraphs of news text, and where quotations open and close.
//!
//! One pass over the text. A newline always ends a sentence and a paragraph (the
//! extension and the CLI give one paragraph a line). Within a line, a sentence ends
//! at `.`, `!`, `?` or an ellipsis (plus any closing quotes or brackets) followed by
//! white space and something that can open a sentence — unless the word before the
//! period is an abbreviation ("Sen.", "U.S. officials") or an initial ("J. Smith").

use crate::lexicon::Lexicons;
use crate::report::ByteSpan;

/// The longest sentence, in bytes, before it is cut at a space (real sentences are far shorter).
pub const MAX_SENTENCE: usize = 3000;

/// One sentence, with what the attribution rules need to know about its quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: ByteSpan,
    /// Index of the paragraph (line) the sentence is in.
    pub paragraph: usize,
    /// A quotation is open where the sentence starts (it began in an earlier sentence,
    /// or in the paragraph before, when that paragraph ended with the quote still open).
    pub starts_in_quote: bool,
    /// A quotation is still open where the sentence ends.
    pub ends_in_quote: bool,
    /// The sentence's first visible character opens a quotation.
    pub opens_with_quote: bool,
}

/// Sentence spans of `text` in bytes, in order; empty sentences are left out.
pub fn sentences(text: &str) -> Vec<ByteSpan> {
    segment(text).into_iter().map(|s| s.span).collect()
}

pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '«' | '»' | '„')
}

/// Whether the quote mark `c` at byte `at` of `s` leaves a quotation open, given whether one was open.
/// A mark with a letter right after it and space (or nothing) before opens; one with a letter or
/// punctuation before it and space, punctuation or nothing after closes; otherwise its shape decides,
/// and a straight quote toggles.
pub(crate) fn quote_opens(s: &str, at: usize, c: char, open: bool) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at + c.len_utf8()..].chars().next();
    let space_before = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | ':'));
    let space_after = after.is_none_or(|a| a.is_whitespace());
    let word_after = after.is_some_and(|a| crate::wordset::is_alphanumeric(a) || matches!(a, '¿' | '¡' | '‘' | '\'' | '.' | '…'));
    if space_before && word_after {
        return true;
    }
    if !space_before && (space_after || after.is_some_and(|a| a.is_ascii_punctuation() && a != '\'')) {
        return false;
    }
    match c {
        '“' | '«' | '„' => true,
        '”' | '»' => false,
        _ => !open,
    }
}

pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '»' | '"' | '’' | '\'' | ')' | ']')
}

fn can_open_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '“' | '"' | '«' | '‘' | '\'' | '(' | '[' | '¿' | '¡' | '—' | '–' | '-')
        || (!crate::wordset::is_alphabetic(c) && !c.is_ascii_punctuation() && !c.is_whitespace() && c as u32 > 0x2E7F)
}

/// Segments `text` into sentences with their paragraph and quote state.
pub fn segment(text: &str) -> Vec<Sentence> {
    let lex = Lexicons::shared();
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut line_start = 0usize;
    // Quote state carried from the previous paragraph: open at its end and the next
    // paragraph opens with a quote mark (the convention for a quote over several paragraphs).
    let mut previous_paragraph_ended_open = false;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let body_end = line_start + line.trim_end_matches(['\n', '\r']).len();
        let body = &text[line_start..body_end];
        if !body.trim().is_empty() {
            let first_visible = body.trim_start().chars().next().unwrap_or(' ');
            let carried = previous_paragraph_ended_open && (is_opening_quote(first_visible) || first_visible == '"');
            let ended_open = split_line(text, line_start, body_end, paragraph, carried, lex, &mut out);
            previous_paragraph_ended_open = ended_open;
            paragraph += 1;
        }
        line_start = line_end;
    }
    out
}

/// The character at byte `at` (a char boundary) of `s`.
#[inline]
fn char_at(s: &str, at: usize) -> char {
    let b = s.as_bytes()[at];
    if b < 0x80 {
        b as char
    } else {
        s[at..].chars().next().unwrap_or(' ')
    }
}

/// ASCII bytes that neither end a sentence nor mark a quotation (all but `.` `!` `?` `"`).
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = !matches!(b as u8, b'.' | b'!' | b'?' | b'"');
        b += 1;
    }
    t
};

/// The first byte at or after `at` (up to `stop`) that is not `PLAIN`. Sixteen bytes are tested at
/// a time with no early exit, which the compiler turns into vector instructions; in the block that
/// holds such a byte, `first_special` finds it (and the last few bytes are read one at a time).
#[inline]
fn skip_plain(bytes: &[u8], mut at: usize, stop: usize) -> usize {
    while at + 16 <= stop {
        let block = &bytes[at..at + 16];
        let special = block.iter().fold(false, |found, &b| found | (b >= 0x80) | (b == b'.') | (b == b'!') | (b == b'?') | (b == b'"'));
        if special {
            // Which byte: eight at a time (SWAR), not one by one.
            return match first_special(&block[..8]) {
                8 => at + 8 + first_special(&block[8..]),
                k => at + k,
            };
        }
        at += 16;
    }
    while at < stop && PLAIN[bytes[at] as usize] {
        at += 1;
    }
    at
}

/// The index of the first byte of `eight` that is not `PLAIN`, or 8.
#[inline]
fn first_special(eight: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
    // The high bit of each byte that equals `b`: exact for the first such byte (a borrow only
    // spoils the bytes after it), which is the one wanted.
    let equal = |b: u8| {
        let v = x ^ (ONES * u64::from(b));
        v.wrapping_sub(ONES) & !v
    };
    let special = (x | equal(b'.') | equal(b'!') | equal(b'?') | equal(b'"')) & HIGH_BITS;
    (special.trailing_zeros() / 8) as usize
}

/// Splits one line into sentences; returns whether a quote is still open at the line's end.
/// One pass over the line's bytes: ASCII bytes other than `.` `!` `?` `"` only matter as white space
/// past `MAX_SENTENCE`, so only the rest are decoded.
fn split_line(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    carried_quote: bool,
    lex: &Lexicons,
    out: &mut Vec<Sentence>,
) -> bool {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let n = bytes.len();
    // Quote state: open or closed. Real text mixes “curly”, "straight" and stray marks, so each
    // mark's direction comes from what is around it (see `quote_opens`), not from the mark alone.
    let mut open = false;
    let mut sentence_start = 0usize;
    // The first sentence of a paragraph that carries a quote over from the paragraph before starts inside it.
    let mut starts_in_quote = carried_quote;
    let mut scratch = Scratch::default();
    let mut at = 0usize;
    while at < n {
        let b = bytes[at];
        if b < 0x80 && !matches!(b, b'.' | b'!' | b'?' | b'"') {
            if at - sentence_start > MAX_SENTENCE && (b as char).is_whitespace() {
                push(out, start, sentence_start, at, line, paragraph, starts_in_quote, open);
                sentence_start = at;
                starts_in_quote = open;
            }
            at += 1;
            // Short of `MAX_SENTENCE`, such bytes need nothing at all: skip them in a tight loop.
            let stop = n.min(sentence_start + MAX_SENTENCE + 1);
            at = skip_plain(bytes, at, stop);
            continue;
        }
        let c = char_at(line, at);
        if is_quote_mark(c) {
            open = quote_opens(line, at, c, open);
        }
        // A run-on "sentence" (no stop for thousands of characters) is cut at the next space, so
        // that no later step ever works on an unbounded sentence.
        if at - sentence_start > MAX_SENTENCE && c.is_whitespace() {
            push(out, start, sentence_start, at, line, paragraph, starts_in_quote, open);
            sentence_start = at;
            starts_in_quote = open;
        }
        let terminal = matches!(c, '.' | '!' | '?' | '…');
        if terminal {
            // Extend over a run of terminal marks and closers: `?!`, `...`, `.”`, `.)`.
            let mut j = at + c.len_utf8();
            while j < n {
                let cj = char_at(line, j);
                if !(matches!(cj, '.' | '!' | '?' | '…') || is_closer(cj)) {
                    break;
                }
                if is_quote_mark(cj) {
                    open = quote_opens(line, j, cj, open);
                }
                j += cj.len_utf8();
            }
            // Must be followed by white space, then something that can open a sentence.
            let mut k = j;
            let mut next = None;
            while k < n {
                let ck = char_at(line, k);
                if !ck.is_whitespace() {
                    next = Some(ck);
                    break;
                }
                k += ck.len_utf8();
            }
            let followed_by_space = k > j;
            // Spanish dialogue: "—¿Quién paga? —se preguntó Ferrer—." goes on after the dash in lower case.
            let dash_then_lower = matches!(next, Some('—' | '–'))
                && line[k + 3..].chars().find(|c| !c.is_whitespace()).is_some_and(char::is_lowercase);
            let boundary = followed_by_space
                && next.is_some_and(can_open_sentence)
                && !dash_then_lower
                && !(c == '.' && j == at + 1 && is_abbreviation(line, at, &line[k..], lex, &mut scratch));
            if boundary {
                push(out, start, sentence_start, j, line, paragraph, starts_in_quote, open);
                sentence_start = k;
                starts_in_quote = open;
                at = k;
                continue;
            }
            at = j;
            continue;
        }
        at += c.len_utf8();
    }
    let ended_open = open;
    push(out, start, sentence_start, line.len(), line, paragraph, starts_in_quote, ended_open);
    ended_open
}

/// Buffers `is_abbreviation` lower-cases words into, reused along a line.
#[derive(Default)]
struct Scratch {
    word: String,
    next: String,
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Sentence>,
    base: usize,
    s: usize,
    e: usize,
    line: &str,
    paragraph: usize,
    starts_in_quote: bool,
    ends_in_quote: bool,
) {
    let piece = &line[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let first = trimmed.chars().next().unwrap_or(' ');
    let span = ByteSpan::new(base + s + lead, base + s + lead + trimmed.len());
    out.push(Sentence {
        span,
        paragraph,
        starts_in_quote,
        ends_in_quote,
        opens_with_quote: is_opening_quote(first) || first == '"',
    });
}

/// Is the period at byte `dot` (within `line`) the end of an abbreviation or an initial?
/// `next` is the line from the first character after the white space that follows.
fn is_abbreviation(line: &str, dot: usize, next: &str, lex: &Lexicons, scratch: &mut Scratch) -> bool {
    // The word before the period: letters and inner periods ("U.S", "a.m", "Sen").
    // Longer than every abbreviation (and than one initial), the word is neither: its end is not read.
    let longest = lex.longest_abbreviation().max(1);
    let before = &line[..dot];
    let mut word_start = dot;
    for (count, (i, c)) in before.char_indices().rev().take(32).enumerate() {
        if !(crate::wordset::is_alphanumeric(c) || c == '.') {
            break;
        }
        if count >= longest {
            return false;
        }
        word_start = i;
    }
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("J. Smith"), unless the next word opens a sentence.
    let mut chars = word.chars();
    let single_initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    // Lower case for the word lists (which hold plain Latin words: see `lower_into`).
    let lower = crate::wordset::lower_into(word, &mut scratch.word);
    let opener = |scratch_next: &mut String| {
        let start = next.find(crate::wordset::is_alphanumeric).unwrap_or(next.len());
        let rest = &next[start..];
        let end = rest.find(|c: char| !crate::wordset::is_alphanumeric(c)).unwrap_or(rest.len());
        lex.is_sentence_opener(crate::wordset::lower_into(&rest[..end], scratch_next))
    };
    match lex.abbreviation(lower) {
        Some(may_end) => !(may_end && opener(&mut scratch.next)),
        None => single_initial && !opener(&mut scratch.next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn skip_plain_stops_at_the_first_byte_that_is_not_plain() {
        for len in 0..40 {
            for other in 0..=255u8 {
                let mut bytes = vec![b'a'; len];
                bytes.extend([other, b'.', 0xC3, b'"']);
                bytes.extend(vec![b'q'; 17]);
                let expected = bytes.iter().position(|&b| !PLAIN[b as usize]).unwrap_or(bytes.len());
                assert_eq!(skip_plain(&bytes, 0, bytes.len()), expected, "{len} {other:#x}");
                assert_eq!(skip_plain(&bytes, 0, len.min(bytes.len())), expected.min(len), "{len} {other:#x}");
            }
        }
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(texts("The port was hit. Nobody died! Why? Because."), vec!["The port was hit.", "Nobody died!", "Why?", "Because."]);
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            texts("Sen. Ana Ortiz met Gen. J. R. Cole at 9 a.m. in the U.S. capital. Shares rose 2.5 percent to No. 2."),
            vec!["Sen. Ana Ortiz met Gen. J. R. Cole at 9 a.m. in the U.S. capital.", "Shares rose 2.5 percent to No. 2."]
        );
    }

    #[test]
    fn abbreviation_can_end_a_sentence_before_an_opener() {
        assert_eq!(texts("The plant is in the U.S. The company said so."), vec!["The plant is in the U.S.", "The company said so."]);
        assert_eq!(texts("It opened at 9 a.m. He arrived late."), vec!["It opened at 9 a.m.", "He arrived late."]);
    }

    #[test]
    fn quotes_close_with_the_sentence() {
        let t = "“We hit the boats,” Trump said. “It is gone.” The CIA declined to comment.";
        assert_eq!(texts(t), vec!["“We hit the boats,” Trump said.", "“It is gone.”", "The CIA declined to comment."]);
        let s = segment(t);
        assert!(s[1].opens_with_quote);
        assert!(!s[1].starts_in_quote && !s[1].ends_in_quote);
    }

    #[test]
    fn question_inside_quote_before_lowercase_does_not_split() {
        assert_eq!(texts("“Is it over?” she asked. Yes."), vec!["“Is it over?” she asked.", "Yes."]);
    }

    #[test]
    fn quote_over_several_sentences_is_tracked() {
        let t = "“We will win. We always do,” the coach said.";
        let s = segment(t);
        assert_eq!(s.len(), 2);
        assert!(!s[0].starts_in_quote && s[0].ends_in_quote);
        assert!(s[1].starts_in_quote && !s[1].ends_in_quote);
    }

    #[test]
    fn quote_over_paragraphs() {
        let t = "“The first part of the quote.\n“The second part,” she said.";
        let s = segment(t);
        assert_eq!(s.len(), 2);
        assert!(s[0].ends_in_quote);
        assert_eq!(s[1].paragraph, 1);
        assert!(s[1].opens_with_quote && s[1].starts_in_quote);
    }

    #[test]
    fn newlines_end_sentences_and_paragraphs() {
        let s = segment("Headline without a stop\n\nFirst paragraph. Second sentence.\nNext one");
        assert_eq!(s.iter().map(|s| s.paragraph).collect::<Vec<_>>(), vec![0, 1, 1, 2]);
    }

    #[test]
    fn spanish_openers_and_guillemets() {
        assert_eq!(
            texts("¿Qué pasó? Nadie lo sabe. «Fue un error», dijo la ministra. ¡Basta!"),
            vec!["¿Qué pasó?", "Nadie lo sabe.", "«Fue un error», dijo la ministra.", "¡Basta!"]
        );
        assert_eq!(texts("Lo dijo el Sr. García en EE.UU. ayer."), vec!["Lo dijo el Sr. García en EE.UU. ayer."]);
    }

    #[test]
    fn spanish_dialogue_dash_continues_the_sentence() {
        assert_eq!(texts("—¿Quién paga? —se preguntó Ferrer—. Nadie contestó."), vec!["—¿Quién paga? —se preguntó Ferrer—.", "Nadie contestó."]);
    }

    #[test]
    fn ellipsis_and_dash() {
        assert_eq!(texts("He paused… Then he spoke. It was — he said — over."), vec!["He paused…", "Then he spoke.", "It was — he said — over."]);
    }

    #[test]
    fn cjk_and_emoji_do_not_break_offsets() {
        let t = "東京で会議。 He said 😀 it went well. Fin.";
        for s in sentences(t) {
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        }
        assert_eq!(texts(t).last(), Some(&"Fin."));
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let t = "word ".repeat(5000);
        let s = sentences(&t);
        assert!(s.len() >= 8);
        assert!(s.iter().all(|s| s.end - s.start <= MAX_SENTENCE + 8));
        assert_eq!(s.first().unwrap().start, 0);
    }

    #[test]
    fn empty_and_blank() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n \t").is_empty());
    }
}
