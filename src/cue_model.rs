//! A learned cue detector for English: a logistic model over hashed features of a word and its
//! neighbours, which scores how likely a word is part of an attribution's cue.
//!
//! The rules (`attribution.rs`) read cues from the lexicons: they are precise, but real reporting
//! attributes through far more words than any list holds ("seemed", "is expected to", "hoping",
//! "asked", "has the support of"). The model is trained on human-annotated news (PolNeAR, with
//! `sourcelight train`, see `eval::train`) and only looks at sentences where the rules found
//! nothing; `attribution::learned` turns its best word into an attribution when a source stands
//! before it.
//!
//! Features are hashed into a table of `2^bits` weights (no word is stored): the word, its
//! neighbours, pairs, prefix and suffixes, the shapes around it (capitalised, pronoun, quote mark),
//! the nearest subject-like word before it and whether it is inside a quotation. Only words in
//! the model's candidate set (words that were ever part of a cue in training, also hashed) are
//! scored, which keeps the cost to a fraction of a sentence's words.
//!
//! The file format (`src/model/cues-en.bin`, little-endian):
//! `b"SLCM"`, version `u8` (1), `bits u8`, `candidate_bits u8`, `0u8`, `scale f32`, `bias f32`,
//! `threshold f32` (a logit), the candidate bitset (`2^candidate_bits / 8` bytes), then the
//! weights as a sparse list: `count u32`, then `count` entries of (gap to the previous index as
//! LEB128, `i8` weight). A weight is `i8 × scale`.

use crate::report::ByteSpan;
use crate::tokens::Token;
use std::sync::OnceLock;

/// The compiled-in English model.
const ENGLISH: &[u8] = include_bytes!("model/cues-en.bin");

/// How many features a token has (the templates in `token_features`).
pub const FEATURES: usize = 38;

/// A cue model: hashed weights and the set of words it scores.
#[derive(Debug, Clone, PartialEq)]
pub struct CueModel {
    pub bits: u8,
    pub candidate_bits: u8,
    /// Weight of one `i8` step.
    pub scale: f32,
    pub bias: f32,
    /// A word whose score (logit) reaches this is a cue.
    pub threshold: f32,
    /// One bit a hashed word: words the model scores.
    pub candidates: Vec<u64>,
    /// `2^bits` quantised weights.
    pub weights: Vec<i8>,
}

impl CueModel {
    /// The English model compiled into the crate; `None` only if its bytes are malformed (a test
    /// checks they are not).
    pub fn english() -> Option<&'static CueModel> {
        static MODEL: OnceLock<Option<CueModel>> = OnceLock::new();
        MODEL.get_or_init(|| CueModel::from_bytes(ENGLISH).ok()).as_ref()
    }

    /// Reads the file format described in the module documentation.
    pub fn from_bytes(bytes: &[u8]) -> Result<CueModel, &'static str> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"SLCM" {
            return Err("not a cue model (no SLCM header)");
        }
        if r.u8()? != 1 {
            return Err("unknown cue model version");
        }
        let bits = r.u8()?;
        let candidate_bits = r.u8()?;
        r.u8()?;
        if !(8..=24).contains(&bits) || !(6..=24).contains(&candidate_bits) {
            return Err("cue model table size out of range");
        }
        let scale = r.f32()?;
        let bias = r.f32()?;
        let threshold = r.f32()?;
        let words = (1usize << candidate_bits) / 64;
        let mut candidates = Vec::with_capacity(words);
        for _ in 0..words {
            candidates.push(u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| "short candidate set")?));
        }
        let mut weights = vec![0i8; 1 << bits];
        let count = u32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "short weight count")?);
        let mut index = 0usize;
        for k in 0..count {
            let gap = r.leb128()?;
            index = if k == 0 { gap } else { index.checked_add(gap).ok_or("weight index overflow")? };
            let w = r.u8()? as i8;
            *weights.get_mut(index).ok_or("weight index out of range")? = w;
        }
        if r.at != bytes.len() {
            return Err("trailing bytes after the weights");
        }
        Ok(CueModel { bits, candidate_bits, scale, bias, threshold, candidates, weights })
    }

    /// The file format described in the module documentation.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"SLCM");
        out.extend_from_slice(&[1, self.bits, self.candidate_bits, 0]);
        for f in [self.scale, self.bias, self.threshold] {
            out.extend_from_slice(&f.to_le_bytes());
        }
        for w in &self.candidates {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let nonzero: Vec<(usize, i8)> = self.weights.iter().enumerate().filter(|(_, &w)| w != 0).map(|(i, &w)| (i, w)).collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        let mut previous = 0;
        for (k, &(i, w)) in nonzero.iter().enumerate() {
            let mut gap = if k == 0 { i } else { i - previous };
            previous = i;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            out.push(w as u8);
        }
        out
    }

    /// Does the model score this word (by its hash)?
    #[inline]
    pub fn is_candidate(&self, word_hash: u64) -> bool {
        let bit = bucket(word_hash, self.candidate_bits);
        self.candidates[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The score (logit) of token `i`.
    pub fn score(&self, tokens: &TokenFeatures, i: usize) -> f32 {
        let mut sum: i32 = 0;
        for f in tokens.features(i) {
            sum += i32::from(self.weights[bucket(f, self.bits)]);
        }
        self.bias + self.scale * sum as f32
    }

    /// The candidate token with the highest score in the sentence, if it reaches the threshold;
    /// tokens for which `skip` is true are not scored.
    pub fn best_cue(&self, tokens: &TokenFeatures, mut skip: impl FnMut(usize) -> bool) -> Option<(usize, f32)> {
        let mut best: Option<(usize, f32)> = None;
        for i in 0..tokens.len() {
            // A word inside a quotation is part of what is quoted, not a new attribution.
            let t = &tokens.info[i];
            if !t.word || t.in_quote || !self.is_candidate(t.lower) || skip(i) {
                continue;
            }
            let s = self.score(tokens, i);
            if s >= self.threshold && best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("cue model is truncated")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, &'static str> {
        Ok(self.take(1)?[0])
    }
    fn f32(&mut self) -> Result<f32, &'static str> {
        let v = f32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "cue model is truncated")?);
        if v.is_finite() {
            Ok(v)
        } else {
            Err("cue model holds a number that is not finite")
        }
    }
    fn leb128(&mut self) -> Result<usize, &'static str> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            value |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("cue model index too long")
    }
}

/// The top `bits` bits of a hash: an index into a table of `2^bits`.
#[inline]
pub fn bucket(hash: u64, bits: u8) -> usize {
    (hash >> (64 - u32::from(bits))) as usize
}

/// Mixes `x` into the hash `h` (a multiply-xorshift step; the same on every platform).
#[inline]
fn mix(h: u64, x: u64) -> u64 {
    let h = (h ^ x).wrapping_add(0x9E37_79B9_7F4A_7C15).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 31)
}

/// The hash of a lower-case word, as `TokenInfo::lower` holds it.
pub fn word_hash(lower: &str) -> u64 {
    hash_chars(lower.chars())
}

pub(crate) const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;

/// One step of FNV-1a over a character (or a byte: `lang`'s word votes hash bytes with it).
#[inline]
pub(crate) const fn fnv(h: u64, c: u32) -> u64 {
    (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01B3)
}

/// Hashes a sequence of characters.
#[inline]
fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(FNV_OFFSET, |h, c| fnv(h, u32::from(c)))
}

/// "he", "She", "THEY"…: one of `PRONOUNS`, in any case.
fn is_pronoun(word: &str) -> bool {
    word.len() <= 4 && PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// What the features read of one token, worked out once a sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    pub span: ByteSpan,
    pub word: bool,
    /// Hash of the lower-cased token.
    pub lower: u64,
    pub shape: u64,
    prefix4: u64,
    suffix3: u64,
    suffix2: u64,
    quote_mark: bool,
    pub in_quote: bool,
    /// The word ends in "ing".
    pub ends_ing: bool,
    /// The word ends in "'s" or "’s".
    pub possessive: bool,
}

// Shapes: the classes of token the features tell apart.
const SHAPE_PRONOUN: u64 = 1;
const SHAPE_CAPITALISED: u64 = 2;
const SHAPE_UPPER: u64 = 3;
const SHAPE_DIGIT: u64 = 4;
const SHAPE_LOWER: u64 = 5;
const SHAPE_QUOTE: u64 = 6;
const SHAPE_START: u64 = 7;
const SHAPE_END: u64 = 8;
/// Other punctuation: this plus the character.
const SHAPE_PUNCT: u64 = 16;

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "who", "you"];

/// The sentence's tokens as the model reads them.
#[derive(Debug, Clone, Default)]
pub struct TokenFeatures {
    pub info: Vec<TokenInfo>,
    /// A quote mark anywhere in the sentence.
    has_quote: bool,
    /// The hash of "that".
    that: u64,
}

impl TokenFeatures {
    /// Reads the tokens of the sentence `sentence` of `text` (see `tokens::tokenize`);
    /// `starts_in_quote` tells whether a quotation is open where the sentence starts. Words are
    /// read lower-cased.
    pub fn new(text: &str, sentence: ByteSpan, starts_in_quote: bool) -> TokenFeatures {
        let tokens = crate::tokens::tokenize(text, sentence);
        let mut info: Vec<TokenInfo> = Vec::with_capacity(tokens.len());
        let mut open = starts_in_quote;
        let mut buffer = String::new();
        for &Token { span, word } in &tokens {
            let s = &text[span.start..span.end];
            let first = s.chars().next().unwrap_or(' ');
            let mut i = TokenInfo { span, word, ..TokenInfo::default() };
            // The word's hash, and its prefix's (FNV runs left to right: the hash after four
            // characters), in one pass; ASCII by bytes (the same hashes as by chars).
            if s.is_ascii() {
                let b = s.as_bytes();
                let mut h = FNV_OFFSET;
                for (k, &c) in b.iter().enumerate() {
                    h = fnv(h, u32::from(c.to_ascii_lowercase()));
                    if k == 3 {
                        i.prefix4 = h;
                    }
                }
                i.lower = h;
                if b.len() < 4 {
                    i.prefix4 = h;
                }
                let tail = |n: usize| b[b.len().saturating_sub(n)..].iter().fold(FNV_OFFSET, |h, &c| fnv(h, u32::from(c.to_ascii_lowercase())));
                i.suffix3 = tail(3);
                i.suffix2 = tail(2);
            } else {
                // Lower-cased (a character may become several), then hashed in one pass that keeps
                // the prefix's hash and the last three characters for the suffixes'.
                buffer.clear();
                for c in s.chars() {
                    if c.is_ascii() {
                        buffer.push(c.to_ascii_lowercase());
                    } else {
                        crate::case::push_lowercase(c, &mut buffer);
                    }
                }
                let (mut h, mut n, mut last) = (FNV_OFFSET, 0, ['\0'; 3]);
                for c in buffer.chars() {
                    h = fnv(h, u32::from(c));
                    n += 1;
                    if n == 4 {
                        i.prefix4 = h;
                    }
                    last = [last[1], last[2], c];
                }
                i.lower = h;
                if n < 4 {
                    i.prefix4 = h;
                }
                i.suffix3 = hash_chars(last[3 - n.min(3)..].iter().copied());
                i.suffix2 = hash_chars(last[3 - n.min(2)..].iter().copied());
            }
            if word {
                let b = s.as_bytes();
                i.ends_ing = b.len() > 3 && b[b.len() - 3..].eq_ignore_ascii_case(b"ing");
                i.possessive = s.ends_with("'s") || s.ends_with("’s") || s.ends_with("'S") || s.ends_with("’S");
                i.shape = if is_pronoun(s) {
                    SHAPE_PRONOUN
                } else if first.is_uppercase() {
                    if s.chars().nth(1).is_some() && s.chars().any(char::is_lowercase) { SHAPE_CAPITALISED } else { SHAPE_UPPER }
                } else if first.is_ascii_digit() {
                    SHAPE_DIGIT
                } else {
                    SHAPE_LOWER
                };
                i.in_quote = open;
            } else {
                // Punctuation has no prefix or suffix features.
                (i.prefix4, i.suffix3, i.suffix2) = (0, 0, 0);
                if crate::segment::is_quote_mark(first) {
                    i.shape = SHAPE_QUOTE;
                    i.quote_mark = true;
                    open = crate::segment::quote_opens(text, span.start, first, open);
                } else {
                    i.shape = SHAPE_PUNCT + u64::from(u32::from(first));
                    i.in_quote = open;
                }
            }
            info.push(i);
        }
        let has_quote = info.iter().any(|t| t.quote_mark);
        TokenFeatures { info, has_quote, that: hash_chars("that".chars()) }
    }

    /// `new`, for a sentence the English model may read: `None` when the sentence is clearly
    /// Spanish (`lang::reads_as_spanish`): a Spanish quotation or paragraph in an English article
    /// is no English the model was trained on, and its features are never built.
    pub fn english(text: &str, span: ByteSpan, starts_in_quote: bool) -> Option<TokenFeatures> {
        if crate::lang::reads_as_spanish(&text[span.start..span.end]) {
            return None;
        }
        Some(TokenFeatures::new(text, span, starts_in_quote))
    }

    fn at(&self, i: usize, d: isize) -> Option<&TokenInfo> {
        let j = i as isize + d;
        (j >= 0).then(|| self.info.get(j as usize)).flatten()
    }

    fn shape_at(&self, i: usize, d: isize) -> u64 {
        self.at(i, d).map_or(if d < 0 { SHAPE_START } else { SHAPE_END }, |t| t.shape)
    }

    fn suffix2_at(&self, i: usize, d: isize) -> u64 {
        self.at(i, d).map_or(0, |t| t.suffix2)
    }

    fn prefix4_at(&self, i: usize, d: isize) -> u64 {
        self.at(i, d).map_or(0, |t| t.prefix4)
    }

    pub fn len(&self) -> usize {
        self.info.len()
    }

    pub fn is_empty(&self) -> bool {
        self.info.is_empty()
    }

    /// The hashed features of token `i` (see the module documentation).
    pub fn features(&self, i: usize) -> [u64; FEATURES] {
        let n = self.info.len() as isize;
        let at = |d: isize| -> (u64, u64) {
            let j = i as isize + d;
            if j < 0 {
                (1, SHAPE_START)
            } else if j >= n {
                (2, SHAPE_END)
            } else {
                let t = &self.info[j as usize];
                (t.lower, t.shape)
            }
        };
        let (w0, s0) = at(0);
        let (wm1, sm1) = at(-1);
        let (wp1, sp1) = at(1);
        let (wm2, sm2) = at(-2);
        let (wp2, _) = at(2);
        let (wm3, _) = at(-3);
        let (wp3, _) = at(3);
        let t = &self.info[i];
        // The nearest subject-like word (pronoun or capitalised) up to four tokens before: which, and how far.
        let subject = (1..=4)
            .filter(|&d| d <= i)
            .find(|&d| matches!(self.info[i - d].shape, SHAPE_PRONOUN | SHAPE_CAPITALISED | SHAPE_UPPER))
            .map_or(0, |d| self.info[i - d].shape * 8 + d as u64);
        let quote_near = self.info[i.saturating_sub(3)..i].iter().any(|t| t.quote_mark);
        let position = i.min(10) as u64;
        // A quote mark within the next three tokens; "that" within the next three; tokens to the sentence's end.
        let ahead = &self.info[(i + 1).min(self.info.len())..(i + 4).min(self.info.len())];
        let quote_after = ahead.iter().any(|t| t.quote_mark);
        let that_after = ahead.iter().any(|t| t.lower == self.that);
        let tail = (self.info.len() - i).min(6) as u64;
        let f = |template: u64, values: &[u64]| values.iter().fold(mix(0x5EED, template), |h, &v| mix(h, v));
        [
            f(1, &[w0]),
            f(2, &[wm1]),
            f(3, &[wp1]),
            f(4, &[wm2]),
            f(5, &[wp2]),
            f(6, &[wm3]),
            f(7, &[wp3]),
            f(8, &[wm1, w0]),
            f(9, &[w0, wp1]),
            f(10, &[wm1, w0, wp1]),
            f(11, &[t.suffix3]),
            f(12, &[t.suffix2]),
            f(13, &[t.prefix4]),
            f(14, &[t.prefix4, t.suffix2]),
            f(15, &[s0]),
            f(16, &[sm1]),
            f(17, &[sm2, sm1]),
            f(18, &[sm1, w0]),
            f(19, &[sp1]),
            f(20, &[w0, sp1]),
            f(21, &[subject]),
            f(22, &[subject, w0]),
            f(23, &[u64::from(self.has_quote)]),
            f(24, &[u64::from(quote_near)]),
            f(25, &[u64::from(quote_near), w0]),
            f(26, &[u64::from(t.in_quote)]),
            f(27, &[u64::from(t.in_quote), w0]),
            f(28, &[position]),
            f(29, &[t.prefix4, subject / 8]),
            f(30, &[wm2, wm1, w0]),
            f(31, &[w0, wp2]),
            f(32, &[u64::from(quote_after)]),
            f(33, &[u64::from(that_after), w0]),
            f(34, &[tail]),
            f(35, &[self.suffix2_at(i, -1)]),
            f(36, &[self.prefix4_at(i, -1), w0]),
            f(37, &[sp1, self.shape_at(i, 2)]),
            f(38, &[u64::from(quote_after), w0]),
        ]
    }
}

/// The tokens of `span` in `text` with their features, for the model.
pub fn sentence_features(text: &str, span: ByteSpan, starts_in_quote: bool) -> (Vec<Token>, TokenFeatures) {
    let features = TokenFeatures::new(text, span, starts_in_quote);
    let tokens = features.info.iter().map(|t| Token { span: t.span, word: t.word }).collect();
    (tokens, features)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> CueModel {
        let mut m = CueModel { bits: 10, candidate_bits: 8, scale: 0.5, bias: -1.0, threshold: 0.0, candidates: vec![0; 4], weights: vec![0; 1024] };
        m.weights[3] = 7;
        m.weights[1000] = -128;
        m.weights[1023] = 127;
        m.candidates[2] = 0x8000_0000_0000_0001;
        m
    }

    #[test]
    fn the_file_format_round_trips() {
        let m = tiny();
        let bytes = m.to_bytes();
        assert_eq!(CueModel::from_bytes(&bytes), Ok(m));
    }

    #[test]
    fn malformed_model_bytes_are_errors_not_panics() {
        let bytes = tiny().to_bytes();
        for cut in 0..bytes.len() {
            assert!(CueModel::from_bytes(&bytes[..cut]).is_err(), "truncated at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(CueModel::from_bytes(&longer).is_err());
        let mut wrong = bytes.clone();
        wrong[0] = b'X';
        assert!(CueModel::from_bytes(&wrong).is_err());
        let mut huge = bytes;
        huge[5] = 60;
        assert!(CueModel::from_bytes(&huge).is_err());
    }

    #[test]
    fn the_english_model_loads() {
        let m = CueModel::english().expect("the compiled-in model parses");
        assert_eq!(m.weights.len(), 1 << m.bits);
        assert!(m.weights.iter().any(|&w| w != 0));
    }

    #[test]
    fn features_read_words_case_blind_and_quotes() {
        let text = "“We won,” Clinton SAID. Clinton said.";
        let second = text.find(" Clinton said").expect("present") + 1;
        let (_, a) = sentence_features(text, ByteSpan::new(0, second - 1), false);
        let (_, b) = sentence_features(text, ByteSpan::new(second, text.len()), false);
        // "SAID" and "said" hash alike.
        assert_eq!(a.info[6].lower, b.info[1].lower);
        assert!(a.info[1].in_quote && !a.info[6].in_quote);
        assert_eq!(a.info[5].shape, SHAPE_CAPITALISED);
        assert_eq!(a.info[6].shape, SHAPE_UPPER);
        // The same word in a different setting has different context features but the same word feature.
        assert_eq!(a.features(6)[0], b.features(1)[0]);
        assert_ne!(a.features(6)[1], b.features(1)[1] ^ 1);
        assert_ne!(a.features(6), b.features(1));
    }

    #[test]
    fn the_english_model_reads_no_spanish_sentence() {
        let text = "Ms. Ortiz wondered whether it would pass. «No lo sé», dijo la ministra, que llegó tarde.";
        let second = text.find('«').unwrap();
        let english = TokenFeatures::english(text, ByteSpan::new(0, second - 1), false).expect("an English sentence is read");
        // The same features as for any sentence, token spans included.
        let (tokens, all) = sentence_features(text, ByteSpan::new(0, second - 1), false);
        assert_eq!(english.info.iter().map(|t| (t.span, t.lower, t.shape, t.prefix4, t.suffix3)).collect::<Vec<_>>(), all.info.iter().map(|t| (t.span, t.lower, t.shape, t.prefix4, t.suffix3)).collect::<Vec<_>>());
        assert_eq!(tokens.len(), 9);
        assert!(TokenFeatures::english(text, ByteSpan::new(second, text.len()), false).is_none());
    }

    #[test]
    fn every_word_hashes_its_lower_case_characters() {
        // ASCII words (hashed by bytes) and others (lower-cased, then hashed by characters) alike.
        let text = "Él dijo ÁÉÍ según Ñandú İstanbul’s x’y ΣΑΣ Officials SAID it U.S. a be Fox's";
        let (tokens, f) = sentence_features(text, ByteSpan::new(0, text.len()), false);
        let mut seen = 0;
        for (t, info) in tokens.iter().zip(&f.info) {
            let word = &text[t.span.start..t.span.end];
            if !t.word {
                continue;
            }
            let mut lower = String::new();
            word.chars().for_each(|c| crate::case::push_lowercase(c, &mut lower));
            let lower: Vec<char> = lower.chars().collect();
            let (hash, n) = (|chars: &[char]| hash_chars(chars.iter().copied()), lower.len());
            assert_eq!(info.lower, hash(&lower), "{word}");
            assert_eq!(info.prefix4, hash(&lower[..n.min(4)]), "{word}");
            assert_eq!(info.suffix3, hash(&lower[n.saturating_sub(3)..]), "{word}");
            assert_eq!(info.suffix2, hash(&lower[n.saturating_sub(2)..]), "{word}");
            seen += 1;
        }
        assert_eq!(seen, 15);
    }

    #[test]
    fn the_english_model_finds_a_belief_cue_and_ignores_a_plain_sentence() {
        let m = CueModel::english().expect("model");
        let score = |text: &str| {
            let (tokens, f) = sentence_features(text, ByteSpan::new(0, text.len()), false);
            m.best_cue(&f, |_| false).map(|(i, _)| text[tokens[i].span.start..tokens[i].span.end].to_string())
        };
        assert_eq!(score("Clinton seemed unconvinced by the plan.").as_deref(), Some("seemed"));
        assert_eq!(score("The bridge was built in 1931 and repainted twice."), None);
    }
}
