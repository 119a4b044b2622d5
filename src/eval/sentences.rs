//! Sentence units for scoring: the gold side must be cut the way the core cuts.
//!
//! TEMPORARY: until the core exposes `pub fn sentences(text) -> Vec<ByteSpan>`
//! (src/segment.rs), this is a small splitter of its own: a paragraph break
//! always ends a sentence; `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets after it) ends one when whitespace and a capital letter, digit or
//! opening quote follow, unless the word before the full stop is a known
//! abbreviation or a single capital (an initial). Switch to the core's
//! segmenter as soon as it lands, so gold and predicted sentences agree.

use crate::report::ByteSpan;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "maj", "adm", "cmdr",
    "st", "jr", "sr", "sra", "srta", "dra", "inc", "co", "corp", "ltd", "no", "nos", "vs", "etc", "u.s", "u.k", "u.n",
    "a.m", "p.m", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ft", "mt", "univ", "dept",
    "ee.uu", "uu", "d.c", "e.g", "i.e", "approx", "est", "fig", "pres", "vol", "núm", "art",
];

/// Sentences of `text` as byte spans, trimmed of surrounding whitespace, in order.
pub fn sentences(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0usize;
    while i < chars.len() {
        let (at, ch) = chars[i];
        if ch == '\n' {
            push_trimmed(text, start, at, &mut out);
            start = at + 1;
            i += 1;
            continue;
        }
        if matches!(ch, '.' | '!' | '?' | '…') {
            // Take the whole run of terminal punctuation and closers.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | ')' | ']') {
                j += 1;
            }
            let end = if j < chars.len() { chars[j].0 } else { text.len() };
            // Whitespace (not a newline: that is handled above) then a sentence opener.
            let mut k = j;
            let mut saw_space = false;
            while k < chars.len() && chars[k].1.is_whitespace() && chars[k].1 != '\n' {
                saw_space = true;
                k += 1;
            }
            let opener = k < chars.len() && {
                let c = chars[k].1;
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '¿' | '¡' | '(' | '—' | '-')
            };
            let at_end = k >= chars.len() || chars[k].1 == '\n';
            if (saw_space && opener && !(ch == '.' && is_abbreviation(text, at))) || at_end {
                push_trimmed(text, start, end, &mut out);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < bytes.len() {
        push_trimmed(text, start, text.len(), &mut out);
    }
    out
}

/// Is the word ending at the full stop at byte `dot` an abbreviation or an initial?
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before.rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '«')).map(|p| p + before[p..].chars().next().unwrap().len_utf8()).unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<ByteSpan>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(ByteSpan::new(start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_sentences_and_paragraphs() {
        assert_eq!(cut("One. Two! Three?\nFour"), vec!["One.", "Two!", "Three?", "Four"]);
        assert_eq!(cut("Headline\n\nBody here."), vec!["Headline", "Body here."]);
    }

    #[test]
    fn keeps_abbreviations_initials_and_quotes() {
        assert_eq!(cut("Dr. Ann Lee of the U.S. Army said so. Next."), vec!["Dr. Ann Lee of the U.S. Army said so.", "Next."]);
        assert_eq!(cut("John F. Kennedy spoke. Then 3.5 percent."), vec!["John F. Kennedy spoke.", "Then 3.5 percent."]);
        assert_eq!(cut("“We will win.” Ruiz said. “We always do.”"), vec!["“We will win.”", "Ruiz said.", "“We always do.”"]);
        assert_eq!(cut("«Ganamos». ¿Y ahora? Dijo."), vec!["«Ganamos».", "¿Y ahora?", "Dijo."]);
        assert_eq!(cut("He said no. and left."), vec!["He said no. and left."]);
    }
}
