//! Finding attributions inside one sentence: a cue, the words that name its source,
//! and the words it attributes. Which kind of source it is comes later (`classify.rs`),
//! once the whole text's earlier sources are known.

use crate::case::to_lowercase;
use crate::lexicon::{CueKind, Found, LanguageLexicon};
use crate::report::{ByteSpan, Language};
use crate::segment::Sentence;
use crate::tokens::{is_capitalised, is_dash, tokenize};
use crate::wordset::{WordBits, WordSet};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// An attribution found in one sentence, before its source is judged.
#[derive(Debug, Clone)]
pub struct RawAttribution {
    pub sentence: usize,
    pub cue: ByteSpan,
    pub cue_kind: CueKind,
    /// The source's words; `None` for hedges, impersonal cues and a verb with no subject of its own
    /// ("…, but described it as …", "Añadió que …"), which `implicit` tells apart.
    pub source: Option<ByteSpan>,
    /// The verb has no subject of its own: its source is the one before it.
    pub implicit: bool,
    pub claim: ByteSpan,
    /// The cue was found by the learned model (`learned.rs`), not in the lexicons.
    pub learned: bool,
}

mod learned;
pub use learned::{find_learned, model_view};

static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "such", "any", "no", "el", "la",
    "los", "las", "un", "una", "su", "sus", "este", "esta", "estos", "estas", "ese", "esa",
]);
/// Passive auxiliaries, per language: Spanish "son" would otherwise make "The son said" passive.
static PASSIVE_EN: WordSet = WordSet::new(&["be", "been", "being", "is", "are", "was", "were", "am", "get", "got"]);
static PASSIVE_ES: WordSet = WordSet::new(&["ser", "sido", "fue", "fueron", "es", "son", "siendo"]);

fn is_passive_aux(word: &str, language: Language) -> bool {
    match language {
        Language::Es => PASSIVE_ES.contains(&word),
        _ => PASSIVE_EN.contains(&word),
    }
}
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "that", "which", "who", "whom", "and", "but", "as", "while", "because", "when", "if", "after", "before", "since", "although",
    "though", "so", "where", "whether", "than", "or", "what", "how", "why", "until", "unless", "nor", "yet", "once", "que", "y", "e",
    "pero", "como", "mientras", "porque", "cuando", "si", "aunque", "o", "donde", "quien", "quienes", "cual", "sino", "pues",
    "según",
]);
static RELATIVE: WordSet = WordSet::new(&["who", "which", "quien", "quienes"]);

/// A relative pronoun that opens a clause describing a source ("who leads the union", "which wants").
pub(crate) fn is_relative_pronoun(word: &str) -> bool {
    RELATIVE.contains(&word)
}
/// Verbs that also take a plain object ("claimed the seat", "apuntó algo"): a possessive, a number or
/// a direction after them is that object, not a claim.
static STRICT_OBJECT: WordSet = WordSet::new(&[
    "claimed", "claims", "claim", "confirmed", "confirms", "noted", "apuntó", "apunta", "señaló", "señala", "indicó", "destacó",
]);
/// Words that open an aside between a source and its cue ("X, in an interview, said").
static INTERJECTIONS: WordSet = WordSet::new(&[
    "in", "at", "on", "during", "speaking", "asked", "when", "after", "like", "for", "however", "meanwhile", "too", "though",
    "en", "durante", "tras", "preguntado", "preguntada", "por", "sin", "además",
]);
static PREPOSITIONS: WordSet = WordSet::new(&["for", "of", "in", "with", "without", "amid", "despite", "from", "into", "about", "de", "por", "sin", "con"]);
static PASSIVE_ADVERBS: WordSet = WordSet::new(&["not", "previously", "widely", "already", "first", "also", "never", "since"]);
/// Cue forms that are also nouns: they attribute only when a clause follows ("claims that", "reports the").
static NOUN_LIKE: WordSet = WordSet::new(&[
    "claims", "claim", "reports", "report", "fears", "fear", "hopes", "hope", "doubts", "doubt", "worries", "worry", "estimates",
    "notes", "note", "states", "shows", "show", "feels", "thought", "posted", "announced", "forecast", "warns", "promised",
    "found", "plans", "attacks",
]);
/// What follows a reporting verb when a clause does: "that", a determiner, a pronoun, a quote.
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "that", "the", "he", "she", "it", "they", "we", "i", "his", "her", "their", "its", "this", "these", "there", "some",
    "many", "no", "to", "“", "\"", ":", ",", "que", "el", "la", "los", "las",
]);
/// Reporting verbs that can never be read as nouns, so they report even in a title-case headline.
static HEADLINE_VERBS: WordSet = WordSet::new(&[
    "says", "said", "say", "tells", "told", "warns", "warned", "admits", "admitted", "denies", "denied", "insists", "vows", "urges",
    "dice", "dijo", "afirma", "asegura", "advierte", "niega",
]);
/// Verbs that take an infinitive cue and keep its subject: "appeared to acknowledge", "declined to say".
static RAISING: WordSet = WordSet::new(&[
    "appeared", "appears", "seemed", "seems", "declined", "refused", "wanted", "wants", "went", "going", "used", "continued",
    "continues", "expected", "likely", "sought", "tried", "began", "started", "proceeded", "moved", "rushed", "ought",
]);
/// Words that end a source named after its cue ("said Lopez on Monday", "dijo García en rueda de prensa").
static AFTER_SOURCE_STOP: WordSet = WordSet::new(&[
    "that", "who", "which", "because", "while", "when", "adding", "noting", "as", "in", "on", "at", "during", "last", "this",
    "earlier", "yesterday", "today", "tonight", "after", "before", "to", "que", "quien", "en", "durante", "tras", "ayer", "hoy",
    "anoche", "a", "ante", "mediante", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "pasado", "próximo",
]);
/// Time words that may open a subject without being part of it ("On Monday the company said").
static LEADING_NOT_SOURCE: WordSet = WordSet::new(&[
    "on", "in", "at", "during", "after", "before", "earlier", "later", "last", "this", "yesterday", "today", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year", "night", "morning", "afternoon", "evening",
    "then", "now", "meanwhile", "however", "separately", "also", "still", "even", "instead", "ayer", "hoy", "el", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "además", "luego", "después", "asimismo", "por", "su", "parte",
]);
/// Past participles among the cue forms are passive after "be": "has been reported" attributes nothing.
fn looks_participle(word: &str) -> bool {
    !word.ends_with("ing")
}

/// "Dr", "Corp", "Inc": a word whose following period does not end the phrase.
fn is_abbreviation_word(word: &str) -> bool {
    let lexicons = crate::lexicon::Lexicons::shared();
    // Short ASCII words (all abbreviations are) are lower-cased on the stack.
    let mut buf = [0u8; 16];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|w| lexicons.abbreviation(w).is_some());
    }
    lexicons.abbreviation(&to_lowercase(word)).is_some()
}

/// A token of the sentence being read, with what the rules ask of it most often: its lower-case
/// form, worked out once, and which of the word lists tested at every cue it is in (`is`).
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    span: ByteSpan,
    /// A word (letters, digits, inner `.` `'` `’` `-` `&`); otherwise one punctuation character.
    word: bool,
    /// The text is read as Spanish: the `flag_map` that `is` looks in.
    es: bool,
    /// The token lower-cased; the text itself when it has no upper-case letter (see `lower`).
    lower: &'a str,
}

/// In `CLAUSE_WORDS`.
const F_CLAUSE: u32 = 1;
/// In `AFTER_SOURCE_STOP`.
const F_AFTER_STOP: u32 = 1 << 1;
/// In `LEADING_NOT_SOURCE`.
const F_LEADING: u32 = 1 << 2;
/// Nothing but ASCII digits.
const F_DIGITS: u32 = 1 << 3;
/// In `DETERMINERS`.
const F_DETERMINER: u32 = 1 << 4;
/// In `PREPOSITIONS`.
const F_PREPOSITION: u32 = 1 << 5;
/// In `STRICT_OBJECT`.
const F_STRICT_OBJECT: u32 = 1 << 6;
/// In `NOUN_LIKE`.
const F_NOUN_LIKE: u32 = 1 << 7;
/// In `CLAUSE_OPENERS`.
const F_CLAUSE_OPENER: u32 = 1 << 8;
/// A passive auxiliary of the text's language (`is_passive_aux`).
const F_PASSIVE: u32 = 1 << 9;
/// In `PASSIVE_ADVERBS`.
const F_PASSIVE_ADVERB: u32 = 1 << 10;
/// In the language's `skip_before_cue` lexicon.
const F_SKIP_BEFORE_CUE: u32 = 1 << 11;
/// "who", "quien", "quienes" (`WHO`).
const F_WHO: u32 = 1 << 12;
static WHO: WordSet = WordSet::new(&["who", "quien", "quienes"]);
/// In the language's `cue_words` (the first words of its cue phrases): words the learned model leaves to the rules.
const F_CUE_WORD: u32 = 1 << 13;
/// In `learned::FUNCTION_WORDS`: never a learned cue.
const F_FUNCTION: u32 = 1 << 14;
/// In the language's `finite_speech` lexicon: ends a subject read leftwards.
const F_FINITE_SPEECH: u32 = 1 << 15;

impl Token<'_> {
    /// Is the token in one of the lists behind `flags` (`F_*` bits)? Looked up when asked: the
    /// rules ask about a few tokens around each cue, not about every token of the sentence.
    #[inline]
    fn is(&self, flags: u32) -> bool {
        // `sentence_tokens` built the map before it made any token.
        let mut bits = FLAGS[usize::from(self.es)].get().map_or(0, |map| map.get(self.lower));
        if flags & F_DIGITS != 0 && self.lower.bytes().all(|b| b.is_ascii_digit()) {
            bits |= F_DIGITS;
        }
        bits & flags != 0
    }
}

/// `flag_map`'s maps: English, Spanish.
static FLAGS: [OnceLock<WordBits>; 2] = [OnceLock::new(), OnceLock::new()];

/// The words of the lists behind the `F_*` bits, with their bits, for a language.
fn flag_map(lex: &LanguageLexicon) -> &'static WordBits {
    FLAGS[usize::from(lex.language == Language::Es)].get_or_init(|| {
        let passive = if lex.language == Language::Es { &PASSIVE_ES } else { &PASSIVE_EN };
        let mut map = WordBits::default();
        for (list, flag) in [
            (&CLAUSE_WORDS, F_CLAUSE),
            (&AFTER_SOURCE_STOP, F_AFTER_STOP),
            (&LEADING_NOT_SOURCE, F_LEADING),
            (&DETERMINERS, F_DETERMINER),
            (&PREPOSITIONS, F_PREPOSITION),
            (&STRICT_OBJECT, F_STRICT_OBJECT),
            (&NOUN_LIKE, F_NOUN_LIKE),
            (&CLAUSE_OPENERS, F_CLAUSE_OPENER),
            (passive, F_PASSIVE),
            (&PASSIVE_ADVERBS, F_PASSIVE_ADVERB),
            (&WHO, F_WHO),
            (&learned::FUNCTION_WORDS, F_FUNCTION),
        ] {
            for &w in list.words() {
                map.insert(w, flag);
            }
        }
        for &w in &lex.skip_before_cue {
            map.insert(w, F_SKIP_BEFORE_CUE);
        }
        for &w in &lex.cue_words {
            map.insert(w, F_CUE_WORD);
        }
        for &w in &lex.finite_speech {
            map.insert(w, F_FINITE_SPEECH);
        }
        map
    })
}

/// The sentence's tokens with their lower-case forms, which point into `arena`.
/// `arena` is filled here and must outlive the tokens.
fn sentence_tokens<'a>(text: &'a str, span: ByteSpan, lex: &LanguageLexicon, arena: &'a mut String) -> Vec<Token<'a>> {
    // The arena starts with the whole sentence, its ASCII letters lower-cased: that is every ASCII
    // token's lower-case form, and every other token's with no upper-case letter (as `to_lowercase`
    // would leave it, but for title-case letters, which stay as written). The rest (non-ASCII words
    // with an upper-case letter) are lower-cased after it, in order.
    let piece = &text[span.start..span.end];
    arena.clear();
    arena.push_str(piece);
    arena.make_ascii_lowercase();
    // Built now, for `Token::is`.
    flag_map(lex);
    let es = lex.language == Language::Es;
    #[inline(always)]
    fn token(t: crate::tokens::Token, es: bool, lower: &str) -> Token<'_> {
        Token { span: t.span, word: t.word, es, lower }
    }
    if piece.is_ascii() || !piece.chars().any(|c| !c.is_ascii() && crate::case::lowercase_may_change(c)) {
        // Every token's lower-case form is in the arena already (no other character changes when
        // lower-cased): one pass.
        let arena: &'a str = arena;
        let mut out = Vec::with_capacity(piece.len() / 4 + 1);
        crate::tokens::for_each_token(text, span, |t| out.push(token(t, es, &arena[t.span.start - span.start..t.span.end - span.start])));
        return out;
    }
    let raw = tokenize(text, span);
    let mut lowered: Vec<(usize, usize)> = Vec::new();
    for t in &raw {
        let word = &text[t.span.start..t.span.end];
        if !word.is_ascii() && word.chars().any(char::is_uppercase) {
            let start = arena.len();
            arena.push_str(&to_lowercase(word));
            lowered.push((start, arena.len()));
        }
    }
    let arena: &'a str = arena;
    let mut lowered = lowered.into_iter();
    raw.iter()
        .map(|&t| {
            let word = &text[t.span.start..t.span.end];
            let lower = match !word.is_ascii() && word.chars().any(char::is_uppercase) {
                true => {
                    let (s, e) = lowered.next().unwrap_or_default();
                    &arena[s..e]
                }
                false => &arena[t.span.start - span.start..t.span.end - span.start],
            };
            token(t, es, lower)
        })
        .collect()
}

/// The token's text.
fn text_of<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.span.start..t.span.end]
}

/// Lower-case word of a token (worked out once, in `sentence_tokens`): the text itself when it has
/// no upper-case letter, else the text lower-cased.
fn lower<'a>(_text: &str, t: &Token<'a>) -> Lower<'a> {
    Lower(std::borrow::Cow::Borrowed(t.lower))
}

/// A lower-cased word, borrowed or owned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Lower<'a>(std::borrow::Cow<'a, str>);

impl Lower<'_> {
    fn as_str(&self) -> &str {
        &self.0
    }

    fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

fn is_punct(text: &str, t: &Token, set: &[char]) -> bool {
    !t.word && text_of(text, t).chars().next().is_some_and(|c| set.contains(&c))
}

/// Whether each token of a sentence lies inside a quotation (the mark itself counts as outside).
fn quote_depths(text: &str, tokens: &[Token], starts_in_quote: bool) -> Vec<bool> {
    let mut open = starts_in_quote;
    let mut inside = Vec::with_capacity(tokens.len());
    for t in tokens {
        let c = if t.word { ' ' } else { text_of(text, t).chars().next().unwrap_or(' ') };
        if crate::segment::is_quote_mark(c) {
            inside.push(false);
            open = crate::segment::quote_opens(text, t.span.start, c, open);
            continue;
        }
        inside.push(open);
    }
    inside
}

/// Finds the attributions in one sentence.
/// Returns the lexicon's cue phrases in the sentence (offsets within it), which the learned model leaves alone.
pub fn find_in_sentence(text: &str, index: usize, sentence: &Sentence, lex: &LanguageLexicon, out: &mut Vec<RawAttribution>) -> Vec<Found<CueKind>> {
    let span = sentence.span;
    let piece = &text[span.start..span.end];
    let found = lex.cues(piece);
    if found.iter().all(|f| f.kind == CueKind::NotCue) {
        return found;
    }
    // Sized for the sentence, which `sentence_tokens` copies in first (one allocation, no growth).
    let mut arena = String::with_capacity(span.len());
    let tokens = sentence_tokens(text, span, lex, &mut arena);
    let in_quote = quote_depths(text, &tokens, sentence.starts_in_quote);
    let first_new = out.len();
    // Whether each attribution pushed for this sentence rests on a stance verb.
    let mut stances: Vec<bool> = Vec::new();
    // For each attribution kept from this sentence, the first token of its claim (for `clause_break`).
    let mut claim_lo: Vec<usize> = Vec::new();
    // `tokens.partition_point` for the cue's start and end, kept as cursors.
    let (mut to_first, mut to_last) = (0, 0);
    for &f in &found {
        if f.kind == CueKind::NotCue {
            continue;
        }
        let cue = ByteSpan::new(span.start + f.start, span.start + f.end);
        // Token range of the cue. Tokens and cues are both in order: two cursors that only move
        // forward keep a sentence full of cues linear.
        while to_first < tokens.len() && tokens[to_first].span.start < cue.start {
            to_first += 1;
        }
        while to_last < tokens.len() && tokens[to_last].span.end <= cue.end {
            to_last += 1;
        }
        let first = to_first;
        if first >= tokens.len() {
            continue;
        }
        let last = to_last.saturating_sub(1).max(first);
        if last < first {
            continue;
        }
        // A cue inside a quotation is part of what is quoted, not a new attribution.
        if in_quote[first] && !matches!(f.kind, CueKind::Hedge) {
            continue;
        }
        // Already inside an earlier attribution's source ("…, a person who said…" is rare; skip overlaps).
        if out[first_new..].iter().any(|a| a.source.is_some_and(|s| s.overlaps(cue)) || a.cue.overlaps(cue)) {
            continue;
        }
        let attribution = match f.kind {
            CueKind::Hedge | CueKind::Impersonal => Some(RawAttribution {
                sentence: index,
                cue,
                cue_kind: f.kind,
                source: None,
                implicit: false,
                claim: claim_after_or_sentence(text, &tokens, last, span),
                learned: false,
            }),
            CueKind::According => according(text, &tokens, first, last, span, lex).map(|(source, claim)| RawAttribution {
                sentence: index,
                cue,
                cue_kind: f.kind,
                source: Some(source),
                implicit: false,
                claim,
                learned: false,
            }),
            CueKind::Speech | CueKind::NoComment => speech(text, &tokens, first, last, span, f.kind, lex, out.len() > first_new).map(|(source, implicit, claim)| {
                RawAttribution { sentence: index, cue, cue_kind: f.kind, source, implicit, claim, learned: false }
            }),
            CueKind::NotCue => None,
        };
        if let Some(a) = attribution {
            // A cue inside what an earlier attribution in this sentence reports is nested in its claim
            // ("Trent told analysts that the airline now expects …"): the claim is the outer one's.
            let start = a.source.map_or(a.cue.start, |s| s.start.min(a.cue.start));
            // A source that holds an earlier cue ("he said the US attacked") is no source, unless that cue
            // only describes the source in a relative clause ("Huffman, a member who wants Grayson out,
            // said"): then the earlier attribution was the misreading, and goes.
            let swallowed = |o: &RawAttribution| a.source.is_some_and(|src| src.overlaps(o.cue));
            if out[first_new..].iter().any(swallowed) && out[first_new..].iter().filter(|o| swallowed(o)).all(|o| after_relative(text, &tokens, o.cue.start)) {
                let mut k = first_new;
                while k < out.len() {
                    if swallowed(&out[k]) {
                        out.remove(k);
                        stances.remove(k - first_new);
                        claim_lo.remove(k - first_new);
                    } else {
                        k += 1;
                    }
                }
            }
            let swallows_cue = out[first_new..].iter().any(swallowed);
            // A closing attribution after a comma or a quote (", the sources said.") is never nested.
            // (The last token ending by `start`, found by binary search: tokens are in order.)
            let closing = a.claim.end <= start && {
                let before = tokens[..tokens.partition_point(|t| t.span.end <= start)].last();
                before.is_some_and(|t| !t.word && (matches!(text_of(text, t), "," | "”" | "\"" | "»") || is_dash(text_of(text, t))))
            };
            let nested = swallows_cue
                || a.cue_kind != CueKind::Hedge
                && !closing
                && {
                    let hi = tokens.partition_point(|t| t.span.end <= start);
                    out[first_new..].iter().zip(&stances).zip(&claim_lo).any(|((o, &stance), &lo)| {
                        // A stance ("supports the plan, which critics say …") holds no reported speech.
                        o.cue_kind != CueKind::Hedge && !stance && o.claim.start >= o.cue.end && o.claim.start <= start && start < o.claim.end
                            && !clause_break_between(text, &tokens, lo, hi.max(lo))
                    })
                };
            if !nested {
                stances.push(f.kind == CueKind::Speech && lex.stance_verbs.contains(lower(text, &tokens[first]).as_str()));
                claim_lo.push(tokens.partition_point(|t| t.span.start < a.claim.start));
                out.push(a);
            }
        }
    }
    trim_claims(text, &mut out[first_new..], span);
    found
}

/// Where a time phrase that ends right before token `j` starts ("last week", "at the time", "less
/// than two weeks ago", "in the past" after "have"), or `j` when there is none; a word must stay before it for a subject.
fn before_time_phrase(text: &str, tokens: &[Token], j: usize) -> usize {
    let words = |from: usize| from >= 1 && tokens[from..j].iter().all(|t| t.word);
    let w = |k: usize| lower(text, &tokens[k]);
    if j >= 4 && words(j - 3) && (w(j - 3).as_str(), w(j - 2).as_str(), w(j - 1).as_str()) == ("at", "the", "time") {
        return j - 3;
    }
    // "allies have in the past said" (not "officials who worked in the past said").
    let auxiliary_before = j >= 5 && tokens[j - 4].word && matches!(w(j - 4).as_str(), "have" | "has" | "had");
    if j >= 4 && words(j - 3) && auxiliary_before && (w(j - 3).as_str(), w(j - 2).as_str(), w(j - 1).as_str()) == ("in", "the", "past") {
        return j - 3;
    }
    if j >= 3 && words(j - 2) && matches!(w(j - 2).as_str(), "last" | "this" | "earlier" | "later") && TIME_NOUNS.contains(&w(j - 1).as_str()) {
        return j - 2;
    }
    if j >= 4 && words(j - 3) && w(j - 1) == "ago" && TIME_NOUNS.contains(&crate::classify::singular(&w(j - 2))) {
        let count = w(j - 3);
        let counted = count.bytes().all(|b| b.is_ascii_digit()) || COUNT_WORDS.contains(&count.as_str());
        if !counted {
            return j;
        }
        let mut k = j - 3;
        if k >= 2 && words(k - 1) && w(k - 1) == "a" {
            k -= 1;
        } else if k >= 3 && words(k - 2) && w(k - 1) == "than" && matches!(w(k - 2).as_str(), "less" | "more") {
            k -= 2;
        }
        return k;
    }
    j
}

/// The time nouns of `before_time_phrase`, singular.
static TIME_NOUNS: WordSet = WordSet::new(&[
    "week", "month", "year", "weekend", "night", "day", "spring", "summer", "fall", "autumn", "winter", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
]);
static COUNT_WORDS: WordSet = WordSet::new(&["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several", "many"]);

/// Does the word before the token starting at `at` open a relative clause ("who wants", "which holds")?
fn after_relative(text: &str, tokens: &[Token], at: usize) -> bool {
    let k = tokens.partition_point(|t| t.span.start < at);
    k > 0 && tokens[k - 1].word && is_relative_pronoun(&lower(text, &tokens[k - 1]))
}

/// Is there a break between two clauses in the tokens `lo..hi` ("…, but", "; while")?
fn clause_break_between(text: &str, tokens: &[Token], lo: usize, hi: usize) -> bool {
    // Forty tokens apart, two attributions are not one nested in the other: no need to look.
    if hi - lo > 40 {
        return true;
    }
    let inside = &tokens[lo..hi];
    inside.iter().enumerate().any(|(i, t)| {
        let w = lower(text, t);
        matches!(w.as_str(), ";" | "but" | "while" | "whereas" | "although" | "though" | "pero" | "mientras" | "aunque") || is_dash(&w)
            || (w == "," && inside.get(i + 1).is_some_and(|n| matches!(lower(text, n).as_str(), "and" | "y" | "but" | "pero")))
    })
}

/// The claim of a hedge or impersonal cue: what follows it ("it is believed that X"),
/// or the whole sentence when little follows ("X, reportedly").
fn claim_after_or_sentence(text: &str, tokens: &[Token], last: usize, sentence: ByteSpan) -> ByteSpan {
    let mut k = last + 1;
    while k < tokens.len() && (!tokens[k].word || matches!(lower(text, &tokens[k]).as_str(), "that" | "que")) {
        k += 1;
    }
    let words_after = tokens[k.min(tokens.len())..].iter().filter(|t| t.word).take(4).count();
    if words_after >= 4 {
        trimmed(text, ByteSpan::new(tokens[k].span.start, sentence.end))
    } else {
        trimmed(text, sentence)
    }
}

/// "According to X, Y" / "Y, according to X": the source follows the cue up to a comma.
fn according(
    text: &str,
    tokens: &[Token],
    _first: usize,
    last: usize,
    sentence: ByteSpan,
    lex: &LanguageLexicon,
) -> Option<(ByteSpan, ByteSpan)> {
    let (source, next) = noun_phrase_after(text, tokens, last + 1, lex, true)?;
    // "according to plan", "according to the rules set by the board" follow a plan or rules; they name no source.
    let rule_like = |w: &str| matches!(w, "plan" | "plans" | "schedule" | "script" | "tradition" | "custom" | "form" | "rules" | "regulations" | "guidelines" | "procedure" | "protocol" | "instructions");
    if tokens[last + 1..(last + 3).min(tokens.len())].iter().any(|t| rule_like(&lower(text, t))) {
        return None;
    }
    // "según avanzaba el partido" (as the match went on) names no source; English "according to"
    // always introduces one ("according to multiple people", "according to early returns").
    if lex.language != Language::En && !opens_like_source(text, tokens, last + 1, lex) {
        return None;
    }
    // "citing higher fuel prices" gives a reason, not a source: "citing" needs a source noun or a name.
    if matches!(lower(text, &tokens[_first]).as_str(), "citing" | "citando") {
        let names_a_source = tokens.iter().filter(|t| source.contains(t.span) && t.word).any(|t| {
            let w = lower(text, t);
            lex.anonymous_nouns.contains(w.as_str()) || lex.report_nouns.contains(w.as_str()) || lex.outlets.contains(w.as_str())
                || lex.org_words.contains(w.as_str()) || lex.vague_nouns.contains(w.as_str())
                || (is_capitalised(text_of(text, t)) && t.span.start > source.start)
        });
        if !names_a_source || lex.org_words.contains(lower(text, &tokens[last + 1]).as_str()) {
            return None;
        }
    }
    let before = ByteSpan::new(sentence.start, tokens[_first].span.start);
    let after_start = tokens.get(next).map(|t| t.span.start).unwrap_or(sentence.end);
    let after = ByteSpan::new(after_start, sentence.end);
    // "Y, according to X" (whatever follows X: ", who requested anonymity …") reports what comes before;
    // "According to X, Y" what comes after.
    let closing = word_count(text, before) >= 3 && text[before.start..before.end].trim_end().ends_with([',', '—', '–']);
    let claim = if closing || word_count(text, after) < 3 { before } else { after };
    Some((source, trimmed(text, if claim.is_empty() { sentence } else { claim })))
}

/// Words in a span, counted up to 4: the rules only ask "at least 1, 2, 3 or 4?", and stopping early
/// keeps a sentence full of cues from being recounted for each of them. (A rule that asks for more
/// must raise `WORDS_COUNTED`.)
fn word_count(text: &str, span: ByteSpan) -> usize {
    crate::wordset::count_words(&text[span.start..span.end], WORDS_COUNTED)
}

const WORDS_COUNTED: usize = 4;

/// A noun phrase starting at token `k`: up to a comma, a clause word or the sentence end.
/// Returns its span and the index of the first token after it.
fn noun_phrase_after(text: &str, tokens: &[Token], mut k: usize, lex: &LanguageLexicon, allow_of: bool) -> Option<(ByteSpan, usize)> {
    // Skip a recipient in Spanish inversions: "dijo a EFE el ministro", "dijo a este diario".
    // "según publicó ayer El Mundo": a time word before the source is not part of it.
    while k < tokens.len() && tokens[k].word && matches!(lower(text, &tokens[k]).as_str(), "ayer" | "hoy" | "anoche" | "yesterday" | "today" | "recently" | "recientemente" | "también" | "also") {
        k += 1;
    }
    // "según publicó este martes el diario Marca": a day before the source is not part of it.
    if k + 1 < tokens.len()
        && matches!(lower(text, &tokens[k]).as_str(), "este" | "el" | "esta" | "this" | "on" | "last")
        && matches!(
            lower(text, &tokens[k + 1]).as_str(),
            "lunes" | "martes" | "miércoles" | "jueves" | "viernes" | "sábado" | "domingo" | "monday" | "tuesday" | "wednesday"
                | "thursday" | "friday" | "saturday" | "sunday" | "week" | "semana" | "mes" | "año"
        )
    {
        k += 2;
    }
    let start = k;
    let mut end = k;
    let mut words = 0;
    while k < tokens.len() && words < 14 {
        let t = &tokens[k];
        if !t.word {
            // "said former Sen. Evan Bayh": a period after an abbreviation stays inside the phrase.
            let c = text_of(text, t);
            if c == "." && k > start && k + 1 < tokens.len() && is_abbreviation_word(text_of(text, &tokens[k - 1])) && tokens[k + 1].word {
                k += 1;
                end = k;
                continue;
            }
            break;
        }
        let w = lower(text, t);
        if words > 0 && t.is(F_AFTER_STOP | F_CLAUSE) {
            // "officials at the Pentagon" / "fuentes del ministerio": keep "at/of" phrases when allowed.
            if !(allow_of && matches!(w.as_str(), "at" | "in" | "a" | "en") && next_is_noun_phrase(text, tokens, k + 1)) {
                break;
            }
        }
        if words == 0 && t.is(F_CLAUSE) {
            return None;
        }
        words += 1;
        k += 1;
        end = k;
    }
    let _ = lex;
    if end == start {
        return None;
    }
    Some((ByteSpan::new(tokens[start].span.start, tokens[end - 1].span.end), end))
}

/// Does a noun phrase (not a time or an event) follow? "at the Pentagon" yes, "at a news conference" no.
fn next_is_noun_phrase(text: &str, tokens: &[Token], k: usize) -> bool {
    let words: Vec<String> = tokens[k.min(tokens.len())..].iter().take(3).filter(|t| t.word).map(|t| lower(text, t).into_owned()).collect();
    const EVENTS: &[&str] = &[
        "statement", "interview", "news", "press", "conference", "briefing", "meeting", "post", "tweet", "email", "letter", "speech",
        "hearing", "call", "video", "podcast", "rally", "comunicado", "entrevista", "rueda", "declaraciones", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year", "time", "day", "morning", "evening", "night",
        "afternoon", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    ];
    !words.iter().any(|w| EVENTS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit()))
}

/// A reporting verb or a non-response: find its source to the left (or, inverted, to the right) and its claim.
#[allow(clippy::type_complexity)]
fn speech(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    sentence: ByteSpan,
    kind: CueKind,
    lex: &LanguageLexicon,
    earlier_in_sentence: bool,
) -> Option<(Option<ByteSpan>, bool, ByteSpan)> {
    let cue_word = lower(text, &tokens[first]);
    let prev = first.checked_sub(1).map(|p| lower(text, &tokens[p]));
    let next = tokens.get(last + 1).map(|t| lower(text, t));
    if kind == CueKind::Speech {
        // "claimed 54% of the vote", "confirmed his standing": a possessive or a number after the verb is its object.
        if tokens[first].is(F_STRICT_OBJECT)
            && (next.as_deref().is_some_and(|n| matches!(n, "his" | "her" | "their" | "its" | "our" | "my" | "su" | "sus" | "algo" | "con" | "al" | "a" | "hacia"))
                || tokens.get(last + 1).is_some_and(|t| text_of(text, t).starts_with(|c: char| c.is_ascii_digit())))
        {
            return None;
        }
        // "told him a story", "told jokes": "told" needs someone told and something said.
        if matches!(cue_word.as_str(), "told" | "tells" | "tell") && next.as_deref().is_some_and(|n| matches!(n, "jokes" | "stories" | "lies" | "tales")) {
            return None;
        }
        // Not reporting: "pledged delegates", "refugees admitted to the country", "responded by building",
        // "a firm called Cambridge Analytica" (a name, after a common noun).
        let after = next.as_deref().unwrap_or("");
        let not_reporting = match cue_word.as_str() {
            "pledged" => after == "delegates",
            // ("admitted to lying", "responded by saying" still report.)
            "admitted" => (after == "to" || after == "into") && !tokens.get(last + 2).is_some_and(|t| lower(text, t).ends_with("ing")),
            "responded" => after == "by" && !tokens[(last + 2).min(tokens.len())..(last + 4).min(tokens.len())].iter().any(|t| {
                matches!(lower(text, t).as_str(), "saying" | "calling" | "telling" | "arguing" | "noting" | "accusing" | "insisting" | "tweeting" | "writing" | "explaining" | "asking")
            }),
            "called" => first >= 2 && matches!(lower(text, &tokens[first - 2]).as_str(), "a" | "an") && tokens[first - 1].word,
            _ => false,
        };
        if not_reporting {
            return None;
        }
        // "the said property", "a report": a determiner before a verb form makes it a noun or adjective.
        if first > 0 && tokens[first - 1].is(F_DETERMINER | F_PREPOSITION) {
            return None;
        }
        // A capitalised cue inside a sentence is a headline's title case ("Revives Old Fears"); only
        // verbs that are never nouns report there ("Trump Says He Will Win", "Mayor Tells Council …").
        let opens = first == 0 || tokens[..first].iter().all(|t| !t.word);
        if !opens && is_capitalised(text_of(text, &tokens[first])) && !HEADLINE_VERBS.contains(&cue_word.as_str()) {
            return None;
        }
        // "claims rose", "the team reports directly": forms that are also nouns need a clause after them.
        if tokens[first].is(F_NOUN_LIKE) {
            // "in a subsequent note to staff": a preposition and a determiner before one more word make it a noun too
            // ("the documents show" keeps its subject).
            if first >= 3
                && PREPOSITIONS.contains(&lower(text, &tokens[first - 3]).as_str())
                && DETERMINERS.contains(&lower(text, &tokens[first - 2]).as_str())
                && tokens[first - 1].word
            {
                return None;
            }
            // "who helped found the group": after "help", "found" is to set up.
            if cue_word == "found" && prev.as_deref().is_some_and(|p| matches!(p, "helped" | "help" | "helps" | "helping" | "co")) {
                return None;
            }
            // "after Monday’s show", "the agency’s report": after a possessive the form is a noun.
            if prev.as_deref().is_some_and(|p| p.ends_with("’s") || p.ends_with("'s") || p.ends_with("s’")) {
                return None;
            }
            let clause_after = tokens.get(last + 1).is_some_and(|n| n.is(F_CLAUSE_OPENER))
                || tokens.get(last + 1).is_some_and(|t| is_capitalised(text_of(text, t)))
                || tokens[last + 1..(last + 6).min(tokens.len())].iter().any(|t| matches!(lower(text, t).as_str(), "that" | "que"));
            // "posted the schedule", "posted to social media": "posted" reports only what follows "that" or ":".
            let clause_after = clause_after
                && (cue_word != "posted"
                    || tokens[last + 1..(last + 7).min(tokens.len())].iter().any(|t| matches!(lower(text, t).as_str(), "that" | ":" | "que")));
            // "…, the documents show." / "…, the teams announced.": a closing attribution after a comma.
            let closing = matches!(next.as_deref(), None | Some("." | "!" | "?"))
                && tokens[..first].iter().rev().take(6).any(|t| text_of(text, t) == ",");
            if !(clause_after || closing) {
                return None;
            }
        }
    }
    // "has not been reported", "was told": a passive reporting verb attributes nothing here —
    // unless its source follows: "was first reported by The Wall Street Journal".
    if kind == CueKind::Speech && first == last && looks_participle(&cue_word) {
        if first > 0 {
            let p = &tokens[first - 1];
            // (Adverbs between: "has not been previously reported", "are so vehemently opposed to".)
            let adverb = p.is(F_PASSIVE_ADVERB | F_SKIP_BEFORE_CUE) || matches!(p.lower, "so" | "very" | "too" | "more" | "most" | "less" | "least");
            let passive = p.is(F_PASSIVE) || (adverb && passive_before(text, tokens, first, lex.language));
            if passive {
                if matches!(next.as_deref(), Some("by" | "por")) {
                    let (source, _) = noun_phrase_after(text, tokens, last + 2, lex, true)?;
                    let subject_end = (0..first).rev().find(|&i| is_passive_aux(&lower(text, &tokens[i]), lex.language)).unwrap_or(first);
                    let claim = trimmed(text, ByteSpan::new(sentence.start, tokens[subject_end].span.start));
                    return Some((Some(source), false, if claim.is_empty() { trimmed(text, sentence) } else { claim }));
                }
                return None;
            }
        }
    }
    // Walk left over adverbs and auxiliaries: "officials have repeatedly said".
    let mut j = first;
    while j > 0 {
        let t = &tokens[j - 1];
        if t.word && t.is(F_SKIP_BEFORE_CUE) {
            j -= 1;
        } else {
            break;
        }
    }
    // An infinitive: "Trump appeared to acknowledge", "declined to say"; "to describe" alone is no attribution.
    if j > 0 && matches!(lower(text, &tokens[j - 1]).as_str(), "to") {
        let raising = j >= 2 && RAISING.contains(&lower(text, &tokens[j - 2]).as_str());
        if !raising {
            return None;
        }
        j -= 2;
        while j > 0 && tokens[j - 1].word && tokens[j - 1].is(F_SKIP_BEFORE_CUE) {
            j -= 1;
        }
    }
    // "Trump last week said", "Trump at the time said", "the department two weeks ago said", and
    // the auxiliaries and adverbs before it: "allies have in the past said".
    let before_time = before_time_phrase(text, tokens, j);
    if before_time < j {
        j = before_time;
        while j > 0 && tokens[j - 1].word && tokens[j - 1].is(F_SKIP_BEFORE_CUE) {
            j -= 1;
        }
    }
    let left = subject_before(text, tokens, j, lex);
    let after_cue = last + 1;
    match left {
        Left::Phrase(source) => {
            // "told" needs someone told: "told CNN", "told reporters that"; "told her children a story" is not reporting.
            let mut claim_start = after_cue;
            if matches!(cue_word.as_str(), "told" | "tells" | "tell" | "telling") {
                match recipient(text, tokens, after_cue, lex) {
                    Some(next) => claim_start = next,
                    None if tokens[after_cue..].iter().filter(|t| t.word).take(4).count() <= 3 => {}
                    None => {
                        // "told investors in September that …", or a claim before: "“We will win,” he told a crowd in Ohio."
                        let limit = (after_cue + 6).min(tokens.len());
                        match (after_cue..limit).find(|&i| matches!(lower(text, &tokens[i]).as_str(), "that" | "que")) {
                            Some(that) => claim_start = that + 1,
                            None => {
                                let before = ByteSpan::new(sentence.start, source.start);
                                let ends_with_quote_or_comma = text[before.start..before.end].trim_end().ends_with(['”', '"', ',', '»', '\'']);
                                if !(word_count(text, before) >= 3 && ends_with_quote_or_comma) {
                                    return None;
                                }
                                claim_start = tokens.len();
                            }
                        }
                    }
                }
            }
            let claim = claim_around(text, tokens, claim_start, sentence, source.start, kind);
            Some((Some(source), false, claim))
        }
        Left::Relative(source) => {
            let claim = claim_around(text, tokens, after_cue, sentence, tokens[first].span.start, kind);
            Some((Some(source), false, claim))
        }
        Left::Coordinated if !earlier_in_sentence => {
            // "Giles attempted to re-engage the campaign and said …": the sentence's subject, when it is a name.
            let subject = leading_name(text, tokens, first, lex)?;
            let claim = claim_around(text, tokens, after_cue, sentence, tokens[first].span.start, kind);
            Some((Some(subject), false, claim))
        }
        Left::Coordinated => {
            // "…, but described it as …": the same subject as the attribution before it in this sentence.
            let claim = claim_around(text, tokens, after_cue, sentence, tokens[first].span.start, kind);
            Some((None, true, claim))
        }
        Left::Open if cue_word.ends_with("ing") && j > 0 && is_punct(text, &tokens[j - 1], &[',']) => {
            // "Trump defended the plan, saying it would work": the sentence's subject says it.
            let claim = claim_around(text, tokens, after_cue, sentence, tokens[first].span.start, kind);
            match leading_name(text, tokens, j - 1, lex) {
                Some(subject) => Some((Some(subject), false, claim)),
                None => Some((None, true, claim)),
            }
        }
        // A title-case cue reports only with its subject before it ("Trump Says …"), never
        // inverted: "the cookbook Say It With Pasta".
        Left::Open if first > 0 && is_capitalised(text_of(text, &tokens[first])) && tokens[..first].iter().any(|t| t.word) => None,
        // Right after another verb of speech ("said said"): no subject, and no inverted one either.
        Left::Open if j > 0 && tokens[j - 1].word && tokens[j - 1].is(F_FINITE_SPEECH) => None,
        Left::Open => {
            // Inverted: "“…,” said Lopez", "—…—, dijo el ministro"; or no subject: "Añadió que…".
            let next_word = tokens.get(after_cue).map(|t| lower(text, t));
            if next_word.as_deref().is_some_and(|w| matches!(w, "that" | "que" | ":")) || after_cue >= tokens.len() {
                let claim = claim_around(text, tokens, after_cue, sentence, tokens[first].span.start, kind);
                return Some((None, true, claim));
            }
            // "…, told CNN the building shook": after "told" comes who was told, never who told; and after
            // a stance comes what is stood for ("so vehemently opposed to electing Trump").
            if matches!(cue_word.as_str(), "told" | "tells" | "tell") || lex.stance_verbs.contains(cue_word.as_str()) {
                return None;
            }
            let mut k = after_cue;
            // Spanish: "dijo a EFE el ministro", "dijo a este diario el portavoz".
            if lex.language == Language::Es && next_word.as_deref() == Some("a") {
                if let Some(next) = recipient(text, tokens, k + 1, lex) {
                    k = next;
                }
            }
            let (source, next) = noun_phrase_after(text, tokens, k, lex, true)?;
            // "«…», ha añadido el técnico.": after a quote, a short definite phrase that ends the
            // sentence is who spoke, whatever its noun.
            let quote_before = tokens[..first].iter().rev().find(|t| !(t.word && lex.skip_before_cue.contains(lower(text, t).as_str())))
                .is_some_and(|t| is_punct(text, t, &[','])) && tokens[..first].iter().rev().nth(1).is_some_and(|t| !t.word && crate::segment::is_quote_mark(text_of(text, t).chars().next().unwrap_or(' ')));
            let ends_sentence = tokens[next..].iter().all(|t| !t.word);
            let short_definite = next - k <= 4 && tokens.get(k).is_some_and(|t| DETERMINERS.contains(&lower(text, t).as_str()));
            if !plausible_inverted_source(text, tokens, k, next, lex) && !(quote_before && ends_sentence && short_definite) {
                return None;
            }
            let before = ByteSpan::new(sentence.start, tokens[first].span.start);
            let claim = if word_count(text, before) >= 2 {
                before
            } else {
                let after = tokens.get(next).map(|t| t.span.start).unwrap_or(sentence.end);
                ByteSpan::new(after, sentence.end)
            };
            Some((Some(source), false, trimmed(text, claim)))
        }
    }
}

/// The capitalised name that opens a sentence ("But Trump defended…" → "Trump"), before token `limit`;
/// with the role after it ("The Florida senator sought…"), and after an opening phrase
/// ("Before the convention, Cleveland Police Chief Calvin Williams lobbied…").
fn leading_name(text: &str, tokens: &[Token], limit: usize, lex: &LanguageLexicon) -> Option<ByteSpan> {
    let mut k = 0;
    while k < limit && (!tokens[k].word || matches!(lower(text, &tokens[k]).as_str(), "but" | "and" | "so" | "yet" | "meanwhile" | "still" | "then")) {
        k += 1;
    }
    if k < limit && OPENING_PHRASE.contains(&lower(text, &tokens[k]).as_str()) {
        if let Some(comma) = (k + 1..limit.min(k + 10)).find(|&c| is_punct(text, &tokens[c], &[','])) {
            k = comma + 1;
        }
    }
    let the = k;
    if matches!(tokens.get(k).map(|t| lower(text, t)).as_deref(), Some("the")) {
        k += 1;
    }
    let start = k;
    // "On Friday, he joined …, saying": a subject pronoun after the opening phrase.
    if k > 0 && k < limit && tokens[k].word && matches!(lower(text, &tokens[k]).as_str(), "he" | "she" | "they" | "él" | "ella") {
        return Some(tokens[k].span);
    }
    while k < limit && k - start < 6 && tokens[k].word && is_capitalised(text_of(text, &tokens[k])) {
        k += 1;
    }
    // "There is no indication…", "It was…": a capitalised function word is no subject.
    let first = tokens.get(start).map(|t| lower(text, t)).unwrap_or_default();
    // ("To report an outage, call…": nor is an infinitive or a preposition.)
    if matches!(
        first.as_str(),
        "there" | "it" | "this" | "that" | "these" | "those" | "what" | "when" | "while" | "if" | "in" | "on" | "at" | "after" | "before" | "a" | "an"
            | "to" | "for" | "with" | "from" | "by" | "as" | "of" | "hay" | "es" | "esto" | "eso" | "en" | "para" | "por" | "con" | "de" | "como"
    ) {
        return None;
    }
    if k == start {
        return None;
    }
    // "The Florida senator": the role the name qualifies is the subject's head, article and all.
    let roles = tokens[k..limit].iter().take(2).take_while(|t| t.word && lex.role_nouns.contains(lower(text, t).as_str())).count();
    if roles > 0 {
        return Some(ByteSpan::new(tokens[the].span.start, tokens[k + roles - 1].span.end));
    }
    Some(ByteSpan::new(tokens[start].span.start, tokens[k - 1].span.end))
}

/// Words that open a phrase before a sentence's subject, up to a comma ("Before the vote, …").
static OPENING_PHRASE: WordSet = WordSet::new(&[
    "before", "after", "during", "in", "on", "at", "since", "following", "despite", "earlier", "later", "antes", "después", "durante", "tras",
]);

/// "has not been previously reported": a passive auxiliary a few words before the cue.
fn passive_before(text: &str, tokens: &[Token], first: usize, language: Language) -> bool {
    tokens[first.saturating_sub(3)..first].iter().any(|t| is_passive_aux(&lower(text, t), language))
}

/// After an inversion, is this a source and not the claim? "said Lopez" yes; "said the strike worked" no.
fn plausible_inverted_source(text: &str, tokens: &[Token], start: usize, end: usize, lex: &LanguageLexicon) -> bool {
    let words: Vec<String> = tokens[start..end].iter().filter(|t| t.word).map(|t| lower(text, t).into_owned()).collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    // Ends the sentence or a clause right after: "said Lopez." / "said the sources, who…" / "dijo García en…"
    let ends_clause = match tokens.get(end) {
        None => true,
        Some(t) if !t.word => true,
        Some(t) => t.is(F_AFTER_STOP | F_CLAUSE),
    };
    // "dijo otro", "said another": one of a group named before.
    if words.len() == 1 && matches!(words[0].as_str(), "otro" | "otra" | "uno" | "una" | "another" | "one") {
        return ends_clause;
    }
    let capital_inside = tokens[start + 1..end].iter().any(|t| t.word && is_capitalised(text_of(text, t)));
    if !opens_like_source(text, tokens, start, lex) && !capital_inside {
        return false;
    }
    let has_person_or_known_head = tokens[start..end].iter().any(|t| {
        let w = lower(text, t);
        // "said the 46-year-old": an age names a person.
        w.ends_with("-year-old") ||
        lex.report_nouns.contains(w.as_str()) || lex.outlets.contains(w.as_str()) ||
        is_capitalised(text_of(text, t))
            || lex.anonymous_nouns.contains(w.as_str())
            || lex.vague_nouns.contains(w.as_str())
            || lex.org_words.contains(w.as_str())
            || lex.role_nouns.contains(w.as_str())
            || lex.pronouns.contains(w.as_str())
    });
    ends_clause && has_person_or_known_head
}

/// A source opens with a determiner, a number, a name or a source noun — not "online by a hotel employee".
fn opens_like_source(text: &str, tokens: &[Token], start: usize, lex: &LanguageLexicon) -> bool {
    let Some(first) = tokens.get(start) else { return false };
    let w = lower(text, first);
    DETERMINERS.contains(&w.as_str())
        || is_capitalised(text_of(text, first))
        || w.chars().all(|c| c.is_ascii_digit())
        || matches!(w.as_str(), "one" | "two" | "three" | "four" | "five" | "several" | "some" | "many" | "other" | "uno" | "dos" | "tres" | "varios" | "algunos" | "otros" | "new" | "recent" | "unconfirmed" | "internal" | "official" | "court" | "public" | "media" | "local" | "state")
        || lex.anonymous_nouns.contains(w.as_str())
        || lex.vague_nouns.contains(w.as_str())
        || lex.role_nouns.contains(w.as_str())
        || lex.org_words.contains(w.as_str())
        || lex.report_nouns.contains(w.as_str())
        || lex.pronouns.contains(w.as_str())
}

/// The person or outlet told: returns the index of the token after it (and after a following "that").
fn recipient(text: &str, tokens: &[Token], k: usize, lex: &LanguageLexicon) -> Option<usize> {
    let t = tokens.get(k)?;
    if !t.word {
        return None;
    }
    // Known recipients, possibly several words ("the committee", "este diario").
    for len in (1..=3).rev() {
        if k + len > tokens.len() {
            continue;
        }
        let phrase: Vec<String> = tokens[k..k + len].iter().map(|t| lower(text, t).into_owned()).collect();
        let phrase = phrase.join(" ");
        if lex.told_recipients.contains(phrase.as_str()) || lex.outlets.contains(phrase.as_str()) {
            // "told her that…" is reporting; "told her children a story" is not: a pronoun must end the object.
            if len == 1 && lex.pronouns.contains(phrase.as_str()) {
                let next_token = tokens.get(k + 1);
                let next = next_token.map(|t| lower(text, t));
                let capital = next_token.is_some_and(|t| is_capitalised(text_of(text, t)));
                let possessive = matches!(phrase.as_str(), "her" | "his" | "their" | "its");
                let opens_clause = next.as_deref().is_none_or(|n| {
                    matches!(n, "that" | "que" | "," | ":" | "." | "“" | "\"" | "«") || (!possessive && CLAUSE_OPENERS.contains(&n))
                });
                if !(opens_clause || capital) {
                    return None;
                }
            }
            return Some(skip_that(text, tokens, k + len));
        }
    }
    // A proper name: "told CNN", "told Vanity Fair", "told The Associated Press".
    let mut n = k;
    if matches!(lower(text, t).as_str(), "the" | "el" | "la" | "a" | "an") {
        n += 1;
    }
    let mut m = n;
    while m < tokens.len() && tokens[m].word && is_capitalised(text_of(text, &tokens[m])) {
        m += 1;
    }
    if m > n {
        return Some(skip_that(text, tokens, m));
    }
    // "told radio host Hugh Hewitt on Wednesday that …": a few words ending in a role, perhaps the
    // name after it, and then "that" or a colon — "told his son a story" is no report.
    let Some(role_end) = (n..(n + 4).min(tokens.len())).take_while(|&r| tokens[r].word && !is_capitalised(text_of(text, &tokens[r]))).filter(|&r| lex.role_nouns.contains(lower(text, &tokens[r]).as_str())).last() else {
        return None;
    };
    let mut e = role_end + 1;
    while e < tokens.len() && tokens[e].word && is_capitalised(text_of(text, &tokens[e])) {
        e += 1;
    }
    let after = skip_that(text, tokens, e);
    (after > e && matches!(lower(text, &tokens[after - 1]).as_str(), "that" | "que" | ":")).then_some(after)
}

fn skip_that(text: &str, tokens: &[Token], mut k: usize) -> usize {
    // "told CNN in an interview that …": skip a short event phrase, then "that".
    if k < tokens.len() && matches!(lower(text, &tokens[k]).as_str(), "in" | "on" | "at" | "en") {
        let limit = (k + 6).min(tokens.len());
        if let Some(that) = (k..limit).find(|&i| matches!(lower(text, &tokens[i]).as_str(), "that" | "que")) {
            k = that;
        }
    }
    if k < tokens.len() && matches!(lower(text, &tokens[k]).as_str(), "that" | "que" | ":") {
        k += 1;
    }
    k
}

enum Left {
    /// A subject right before the cue.
    Phrase(ByteSpan),
    /// "X, who …, said" / "a senior official who said": the subject before a relative pronoun.
    Relative(ByteSpan),
    /// "… and said", "…, but described": coordinated with an earlier verb.
    Coordinated,
    /// Nothing to the left: sentence start, a quote, a comma or a colon.
    Open,
}

/// The subject of a verb at token `j`: a subject pronoun right before it is the whole subject ("…so
/// fired up about the deal he said"), unless an auxiliary opening a question stands before that
/// ("Can he maintain …?"); else the noun phrase before it.
fn subject_before(text: &str, tokens: &[Token], j: usize, lex: &LanguageLexicon) -> Left {
    // An auxiliary right before the pronoun inverts it: a question ("Why did he say…?", "Can he
    // keep…?") or a negative or conditional ("Not once did he say", "Had he said that"). A form of
    // "be" does so only opening the sentence ("The problem was they said no" is an attribution).
    let question = j >= 2 && tokens[j - 2].word && {
        let aux = tokens[j - 2].lower;
        matches!(aux, "can" | "could" | "will" | "would" | "should" | "shall" | "does" | "did" | "do" | "has" | "have" | "had" | "may" | "might" | "must")
            || (matches!(aux, "is" | "was" | "are" | "were") && tokens[..j - 2].iter().all(|t| !t.word))
    };
    if j > 0 && tokens[j - 1].word && matches!(tokens[j - 1].lower, "he" | "she" | "they" | "we" | "i") && !question {
        return Left::Phrase(tokens[j - 1].span);
    }
    noun_phrase_before(text, tokens, j, lex)
}

/// The subject ending right before token `j`.
fn noun_phrase_before(text: &str, tokens: &[Token], j: usize, lex: &LanguageLexicon) -> Left {
    let mut i = j;
    let mut words = 0;
    while i > 0 && words < 12 {
        let t = &tokens[i - 1];
        if !t.word {
            // "Dr. Leon Ferris", "Northgale Airways Corp. said", "the union’s leader": keep going.
            let c = text_of(text, t);
            let abbreviation_dot = c == "." && i >= 2 && tokens[i - 2].word && is_abbreviation_word(text_of(text, &tokens[i - 2]));
            let inner = matches!(c, "’" | "'" | "&") && i >= 2 && tokens[i - 2].word;
            // "42% say": a share of a poll.
            let percent = c == "%" && i >= 2 && text_of(text, &tokens[i - 2]).bytes().all(|b| b.is_ascii_digit() || b == b'.');
            if abbreviation_dot || inner || percent {
                i -= 1;
                continue;
            }
            // "insiders in the next two states — Nevada and South Carolina — said": step over a dashed aside.
            if is_dash(c) && words > 0 {
                break;
            }
            if is_dash(c) {
                // An aside of up to 24 tokens: "The justice — who has sparred with the nominee for days — said".
                if let Some(open) = (i.saturating_sub(24)..i - 1).rev().find(|&k| is_dash(text_of(text, &tokens[k]))) {
                    if open > 0 && tokens[open - 1].word {
                        i = open;
                        continue;
                    }
                }
            }
            // "Rep. Hank Johnson (D-Ga.) said": step over a short parenthesis.
            if c == ")" {
                if let Some(open) = (i.saturating_sub(8)..i - 1).rev().find(|&k| text_of(text, &tokens[k]) == "(") {
                    if open > 0 && tokens[open - 1].word {
                        i = open;
                        continue;
                    }
                }
            }
            break;
        }
        // A finite verb of speech ends the phrase: "…, who said he intended" — the source of
        // "intended" is "he", not "said he".
        if t.is(F_CLAUSE | F_FINITE_SPEECH) {
            break;
        }
        words += 1;
        i -= 1;
    }
    // Drop leading time words: "On Monday the company said" → "the company".
    // Spanish "el"/"su"/"por" go only before a time word or "parte": "el lunes el ministro", "por su parte la
    // empresa" — "El consejero delegado" keeps its article.
    // ("42% say" keeps its number.)
    let time_word_at = |k: usize| k < j && tokens[k].is(F_LEADING | F_DIGITS) && !tokens.get(k + 1).is_some_and(|t| text_of(text, t) == "%");
    while i < j && tokens[i].word && time_word_at(i) && i + 1 < j {
        let por_su_parte = i + 3 < j && lower(text, &tokens[i]) == "por" && lower(text, &tokens[i + 1]) == "su" && lower(text, &tokens[i + 2]) == "parte";
        if por_su_parte {
            i += 3;
            continue;
        }
        if matches!(lower(text, &tokens[i]).as_str(), "el" | "su" | "por") && !(time_word_at(i + 1) && !matches!(lower(text, &tokens[i + 1]).as_str(), "el" | "su" | "por")) {
            break;
        }
        i += 1;
    }
    if i < j {
        // "three diplomats who have seen the document said": the source is the noun before "who"
        // with its clause ("cuatro funcionarios que participaron … aseguraron").
        if i > 0 && tokens[i - 1].word {
            let stop = lower(text, &tokens[i - 1]);
            let relative = matches!(stop.as_str(), "who" | "quien" | "quienes")
                || (stop == "que" && i >= 2 && tokens[i - 2].word && !lex.cues(text_of(text, &tokens[i - 2])).iter().any(|f| f.kind == CueKind::Speech));
            if relative {
                if let Left::Phrase(head) = noun_phrase_before(text, tokens, i - 1, lex) {
                    return Left::Phrase(ByteSpan::new(head.start, tokens[j - 1].span.end));
                }
            }
            // "a former employee who worked there until last year": a "who" further back in the same clause.
            let mut r = i - 1;
            while r > 0 && i - r < 16 && tokens[r - 1].word {
                r -= 1;
                if tokens[r].is(F_WHO) {
                    if let Left::Phrase(head) = noun_phrase_before(text, tokens, r, lex) {
                        return Left::Phrase(ByteSpan::new(head.start, tokens[j - 1].span.end));
                    }
                    break;
                }
            }
        }
        return Left::Phrase(ByteSpan::new(tokens[i].span.start, tokens[j - 1].span.end));
    }
    // Nothing before the cue: what stopped us?
    if i == 0 {
        return Left::Open;
    }
    let stop = &tokens[i - 1];
    let w = lower(text, stop);
    if stop.word && RELATIVE.contains(&w.as_str()) {
        // "…, a senior official who said" / "Lopez, who leads the union, said" (handled below for commas).
        let mut k = i - 1;
        if k > 0 && is_punct(text, &tokens[k - 1], &[',']) {
            k -= 1;
        }
        return match noun_phrase_before(text, tokens, k, lex) {
            Left::Phrase(s) if matches!(w.as_str(), "who" | "quien" | "quienes") => Left::Relative(trailing_name_after_clause(text, tokens, s)),
            Left::Phrase(s) => Left::Relative(s),
            _ => Left::Open,
        };
    }
    if stop.word && matches!(w.as_str(), "and" | "but" | "y" | "pero" | "e") {
        return Left::Coordinated;
    }
    if is_punct(text, stop, &[',']) {
        // Apposition: "Maria Lopez, a spokeswoman for the company, said" / "Lopez, who leads the union, said".
        if let Some(source) = apposition(text, tokens, i - 1, lex, false) {
            return Left::Phrase(source);
        }
    }
    // "Maria Lopez, host of “Morning Edition,” said": the appositive's comma inside a closing quote.
    if is_punct(text, stop, &['”', '"', '»']) && i >= 2 && is_punct(text, &tokens[i - 2], &[',']) {
        // Only when the quotation opened inside the appositive, after a word ("host of “Morning"): in
        // "“We won, at last,” said Ruiz" or "Whatever the cost, “we won,” says Ruiz" the quote is the claim.
        let opened_inside = |source: &ByteSpan| {
            let inner = &text[source.start..stop.span.start];
            inner.rfind(['“', '«', '"']).is_some_and(|at| inner[..at].trim_end().chars().next_back().is_some_and(crate::wordset::is_alphanumeric))
        };
        if let Some(source) = apposition(text, tokens, i - 2, lex, true).filter(opened_inside) {
            // The source runs to the closing quote, so that its quotation is whole.
            return Left::Phrase(ByteSpan::new(source.start, stop.span.end));
        }
    }
    Left::Open
}

/// "The loss was steep for Mr. Sanders, who said": a relative clause describes the name right before
/// it; when the phrase before is a clause (it holds a form of "be") ending in a preposition or a form
/// of "be" and a capitalised name, that name alone. (Only for "who": "…records in July, which showed"
/// is not July. And not for a noun phrase: "A spokesman for Gov. Andrew Cuomo, who said" may be the
/// spokesman.)
fn trailing_name_after_clause(text: &str, tokens: &[Token], phrase: ByteSpan) -> ByteSpan {
    let end = tokens.partition_point(|t| t.span.end <= phrase.end);
    let start = tokens.partition_point(|t| t.span.start < phrase.start);
    let mut k = end;
    while k > start {
        let t = &tokens[k - 1];
        let capitalised = t.word && text_of(text, t).chars().next().is_some_and(char::is_uppercase);
        let dot = text_of(text, t) == "." && k >= 2 && is_abbreviation_word(text_of(text, &tokens[k - 2]));
        if !(capitalised || dot) {
            break;
        }
        k -= 1;
    }
    let named = k < end && tokens[k].word;
    // Not after "of", "from", "in" or "at", which tie a place or a body to the person before:
    // "Sen. Bernie Sanders of Vermont, who opposed" is Sanders.
    let affiliation = |t: &Token| matches!(t.lower, "of" | "from" | "in" | "at" | "de" | "del" | "en");
    let clause = (start..k.saturating_sub(1)).any(|m| tokens[m].word && tokens[m].is(F_PASSIVE));
    if named && clause && k > start + 1 && tokens[k - 1].word && tokens[k - 1].is(F_PREPOSITION | F_PASSIVE) && !affiliation(&tokens[k - 1]) {
        return ByteSpan::new(tokens[k].span.start, phrase.end);
    }
    phrase
}

/// With a comma at `comma` right before the cue, look for "NAME, APPOSITIVE," and return NAME..APPOSITIVE
/// ("Maria Lopez, a spokeswoman, said"; "The health secretary, Helen Marsh, said").
/// `quoted` lets the appositive hold a quotation ("host of “Morning Edition,”").
fn apposition(text: &str, tokens: &[Token], comma: usize, lex: &LanguageLexicon, quoted: bool) -> Option<ByteSpan> {
    // The appositive: back to the previous comma, with no quote, stop or dash in between.
    let mut k = comma;
    while k > 0 && comma - k <= 25 {
        let t = &tokens[k - 1];
        let quote_mark = quoted && matches!(text_of(text, t), "“" | "”" | "\"" | "«" | "»");
        if !t.word && !quote_mark && !matches!(text_of(text, t), "’" | "'" | "." | "%" | "&" | "$" | "(" | ")" | "-") {
            break;
        }
        k -= 1;
    }
    if k == 0 || k == comma || !is_punct(text, &tokens[k - 1], &[',']) {
        return None;
    }
    let mut first_word = lower(text, &tokens[k]);
    // ", and who spoke on condition …," / ", y que pidió el anonimato …,": a second relative clause.
    if matches!(first_word.as_str(), "and" | "y") && tokens.get(k + 1).is_some_and(|t| matches!(lower(text, t).as_str(), "who" | "que" | "quien")) {
        first_word = Lower(std::borrow::Cow::Borrowed("who"));
    }
    let mut name = match noun_phrase_before(text, tokens, k - 1, lex) {
        Left::Phrase(s) | Left::Relative(s) => s,
        _ => return None,
    };
    // "Sanders, meanwhile, who leads the race, said": the name is before the aside word.
    let aside_at = tokens.partition_point(|t| t.span.start < name.start);
    let relative_clause = matches!(first_word.as_str(), "who" | "whose" | "which" | "quien" | "que");
    if relative_clause && aside_at >= 2 && aside_at + 1 == k - 1 && INTERJECTIONS.contains(&lower(text, &tokens[aside_at]).as_str()) && is_punct(text, &tokens[aside_at - 1], &[',']) {
        name = match noun_phrase_before(text, tokens, aside_at - 1, lex) {
            Left::Phrase(s) => s,
            _ => return None,
        };
    }
    // "Felix Okoro, 58, who rode out the storm, told…": an age between commas belongs to the name before it.
    if text[name.start..name.end].chars().all(|c| c.is_ascii_digit()) {
        let age_start = tokens.iter().position(|t| t.span.start == name.start)?;
        if age_start >= 2 && is_punct(text, &tokens[age_start - 1], &[',']) {
            if let Left::Phrase(person) = noun_phrase_before(text, tokens, age_start - 1, lex) {
                return Some(person);
            }
        }
        return None;
    }
    // "On Friday, he joined other Republicans …, saying": a clause with its own subject is no appositive.
    if matches!(first_word.as_str(), "he" | "she" | "they" | "we" | "i" | "it" | "él" | "ella" | "ellos" | "ellas") {
        return None;
    }
    // "Mr. Trump, in a brief interview on Saturday, said": an aside, not part of the source.
    if INTERJECTIONS.contains(&first_word.as_str()) {
        return Some(name);
    }
    let all_names = tokens[k..comma].iter().all(|t| !t.word || is_capitalised(text_of(text, t)));
    let name_before = tokens.iter().filter(|t| name.contains(t.span) && t.word).skip(1).any(|t| is_capitalised(text_of(text, t)))
        || tokens.iter().filter(|t| name.contains(t.span) && t.word).count() == 1;
    let appositive_like = matches!(first_word.as_str(), "a" | "an" | "the" | "who" | "whose" | "which" | "un" | "una" | "el" | "la" | "quien" | "que" | "cual")
        || lex.role_nouns.contains(first_word.as_str())
        || lex.org_words.contains(first_word.as_str())
        || all_names
        || name_before;
    if !appositive_like {
        return None;
    }
    // The head before the appositive must look like a name or a known source noun.
    let name_tokens: Vec<&Token> = tokens.iter().filter(|t| name.contains(t.span)).collect();
    let named = name_tokens.iter().any(|t| is_capitalised(text_of(text, t)))
        || name_tokens.iter().any(|t| {
            let w = lower(text, t);
            lex.anonymous_nouns.contains(w.as_str()) || lex.org_words.contains(w.as_str())
        });
    if !named {
        return None;
    }
    // "Lopez, who leads the union, said", "The union, which has been negotiating for months, said":
    // the source is the name; a descriptive appositive stays with it.
    if matches!(first_word.as_str(), "who" | "whose" | "which" | "quien" | "que" | "cual") {
        return Some(name);
    }
    Some(ByteSpan::new(name.start, tokens[comma - 1].span.end))
}

/// The claim: after the cue when enough follows ("X said the port was hit"), else before the source
/// ("“…,” Trump said Monday."). Non-responses attribute the whole sentence.
fn claim_around(text: &str, tokens: &[Token], after: usize, sentence: ByteSpan, source_start: usize, kind: CueKind) -> ByteSpan {
    if kind == CueKind::NoComment {
        return trimmed(text, sentence);
    }
    let mut k = after;
    while k < tokens.len() && (!tokens[k].word || matches!(lower(text, &tokens[k]).as_str(), "that" | "que")) {
        if is_punct(text, &tokens[k], &['“', '"', '«']) {
            break;
        }
        k += 1;
    }
    // "…, sources told CNN, marking the first …": a comma right after the cue ends the attribution;
    // what it reports came before it.
    let comma_after = tokens.get(after).is_some_and(|t| is_punct(text, t, &[',']));
    let after_span = ByteSpan::new(tokens.get(k).map(|t| t.span.start).unwrap_or(sentence.end), sentence.end);
    let before_span = ByteSpan::new(sentence.start, source_start);
    // "“…,” the secretary said at the forum": a circumstance after the cue, the claim before it.
    let circumstance = tokens.get(k).is_some_and(|t| {
        matches!(lower(text, t).as_str(), "at" | "in" | "on" | "during" | "after" | "before" | "while" | "last" | "earlier" | "en" | "durante" | "tras" | "ante")
    });
    if (comma_after || circumstance) && word_count(text, before_span) >= 3 {
        return trimmed(text, before_span);
    }
    let after_words = word_count(text, after_span);
    // Counted only when asked (for a sentence full of cues, this is most of the work).
    let before_words = || word_count(text, before_span);
    let claim = if after_words >= 4 || (after_words >= 2 && before_words() < 2) {
        after_span
    } else if before_words() >= 1 {
        before_span
    } else {
        sentence
    };
    trimmed(text, claim)
}

/// Words that join clauses: a claim does not end on one ("…on land, as CNN has reported").
const TRAILING_JOINERS: &[&str] = &["as", "but", "and", "while", "so", "y", "pero", "como", "mientras", "aunque", "although", "though"];

/// Trims white space, leading and trailing commas or dashes, and a trailing joining word
/// (keeps closing quotes and final stops).
pub fn trimmed(text: &str, span: ByteSpan) -> ByteSpan {
    let piece = &text[span.start..span.end];
    let lead = piece.len() - piece.trim_start_matches([',', ';', ':', '—', '–', ' ', '\t']).len();
    let start = span.start + lead;
    let mut end = span.start + piece.trim_end().len();
    if end < start {
        return ByteSpan::new(span.start, span.start);
    }
    loop {
        let tail = &text[start..end];
        let mut stripped = tail.trim_end_matches([',', ';', ':', '—', '–', ' ', '\t']);
        if let Some(last_space) = stripped.rfind(' ') {
            let last_word = &stripped[last_space + 1..];
            if TRAILING_JOINERS.iter().any(|j| last_word.eq_ignore_ascii_case(j)) {
                stripped = &stripped[..last_space];
            }
        }
        if stripped.len() == tail.len() {
            break;
        }
        end = start + stripped.len();
    }
    if end < start {
        return ByteSpan::new(span.start, span.start);
    }
    ByteSpan::new(start, end)
}

/// Several attributions in one sentence: each claim stops where the next attribution begins.
fn trim_claims(text: &str, found: &mut [RawAttribution], sentence: ByteSpan) {
    let starts: Vec<usize> = found.iter().map(|a| a.source.map_or(a.cue.start, |s| s.start.min(a.cue.start))).collect();
    for i in 0..found.len() {
        let own_start = starts[i];
        let a = &mut found[i];
        if a.cue_kind == CueKind::Hedge {
            continue;
        }
        for &other in &starts {
            if other > own_start && a.claim.start < other && a.claim.end > other && a.claim.start >= a.cue.end.min(own_start) {
                a.claim.end = other;
            }
        }
        a.claim = trimmed(text, a.claim);
        if a.claim.is_empty() {
            a.claim = trimmed(text, sentence);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;
    use crate::segment::segment;

    fn find(text: &str, language: Language) -> Vec<(String, String, String)> {
        let lex = Lexicons::shared().language(language);
        let mut out = Vec::new();
        for (i, s) in segment(text).iter().enumerate() {
            let _ = find_in_sentence(text, i, s, lex, &mut out);
        }
        out.iter()
            .map(|a| {
                (
                    text[a.cue.start..a.cue.end].to_string(),
                    a.source.map(|s| text[s.start..s.end].to_string()).unwrap_or_default(),
                    text[a.claim.start..a.claim.end].to_string(),
                )
            })
            .collect()
    }

    fn en(text: &str) -> Vec<(String, String, String)> {
        find(text, Language::En)
    }

    fn triple(cue: &str, source: &str, claim: &str) -> (String, String, String) {
        (cue.into(), source.into(), claim.into())
    }

    #[test]
    fn source_before_cue_with_claim_after() {
        assert_eq!(
            en("Sources familiar with the matter told CNN the dock was used by smugglers."),
            vec![triple("told", "Sources familiar with the matter", "the dock was used by smugglers.")]
        );
        assert_eq!(en("The minister said that the talks had failed."), vec![triple("said", "The minister", "the talks had failed.")]);
    }

    #[test]
    fn claim_before_source() {
        assert_eq!(
            en("The dock was empty at the time, the sources said."),
            vec![triple("said", "the sources", "The dock was empty at the time")]
        );
        assert_eq!(en("“We hit the boats,” Trump said Monday."), vec![triple("said", "Trump", "“We hit the boats,”")]);
    }

    #[test]
    fn inverted_source() {
        assert_eq!(en("“It is over,” said Maria Lopez, the union’s leader."), vec![triple("said", "Maria Lopez", "“It is over,”")]);
        assert_eq!(find("«Fue un error», dijo la ministra.", Language::Es), vec![triple("dijo", "la ministra", "«Fue un error»")]);
    }

    #[test]
    fn a_cue_in_a_relative_clause_describes_the_source() {
        // "wants" only says who Huffman is; "said" is the attribution, with the whole appositive as source.
        assert_eq!(
            en("Jared Huffman, a member of the caucus who wants Grayson removed, said he had heard that account."),
            vec![triple("said", "Jared Huffman, a member of the caucus who wants Grayson removed", "he had heard that account.")]
        );
        // A cue that opens the sentence still keeps its source from swallowing it.
        assert_eq!(en("He said the US attacked the port."), vec![triple("said", "He", "the US attacked the port.")]);
    }

    #[test]
    fn a_reflexive_between_source_and_cue_is_stepped_over() {
        assert_eq!(en("Cruz himself said the race was close."), vec![triple("said", "Cruz", "the race was close.")]);
    }

    #[test]
    fn told_a_role_and_a_name_then_that() {
        assert_eq!(
            en("Coulter told radio host Hugh Hewitt on Wednesday that her tweet was a joke."),
            vec![triple("told", "Coulter", "her tweet was a joke.")]
        );
        // Without "that" or a colon a told role is no report: a story told to a son.
        assert_eq!(en("Smith told his son a story about the war."), vec![]);
    }

    #[test]
    fn a_participle_after_a_comma_takes_the_sentence_subject() {
        assert_eq!(
            en("Before the vote, Police Chief Calvin Ward lobbied to ban rifles downtown, saying the risk was too high."),
            vec![triple("saying", "Police Chief Calvin Ward", "the risk was too high.")]
        );
        assert_eq!(
            en("The Florida senator tried to calm the crowd, saying the heckler would not be hurt."),
            vec![triple("saying", "The Florida senator", "the heckler would not be hurt.")]
        );
        // A clause with its own subject is no appositive of the opening phrase's noun.
        assert_eq!(
            en("On Friday, he joined other senators in criticising the deal, saying it had been rushed through the house."),
            vec![triple("saying", "he", "it had been rushed through the house.")]
        );
    }

    #[test]
    fn a_share_of_a_poll_keeps_its_number() {
        assert_eq!(en("On taxes, 42% say they are worse off."), vec![triple("say", "42%", "they are worse off.")]);
    }

    #[test]
    fn a_time_phrase_between_subject_and_verb_is_stepped_over() {
        assert_eq!(en("Trump last week said the deal was off."), vec![triple("said", "Trump", "the deal was off.")]);
        assert_eq!(en("The ministry at the time said the deal was off."), vec![triple("said", "The ministry", "the deal was off.")]);
        assert_eq!(
            en("The State Department less than two weeks ago said the deal was off."),
            vec![triple("said", "The State Department", "the deal was off.")]
        );
        assert_eq!(en("Last week said nothing."), vec![]);
    }

    #[test]
    fn an_aside_word_before_a_relative_clause_is_not_the_name() {
        assert_eq!(
            en("Sanders, meanwhile, who leads the race, said the deal was off."),
            vec![triple("said", "Sanders", "the deal was off.")]
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(en("No one was hurt, according to the sources."), vec![triple("according to", "the sources", "No one was hurt")]);
        assert_eq!(
            en("According to a person with knowledge of the plans, the deal is close."),
            vec![triple("According to", "a person with knowledge of the plans", "the deal is close.")]
        );
    }

    #[test]
    fn adverbs_between_source_and_cue() {
        assert_eq!(en("Trump earlier this year expanded its powers, CNN previously reported."), vec![triple("reported", "CNN", "Trump earlier this year expanded its powers")]);
        assert_eq!(en("They cannot strike on land, as CNN has reported."), vec![triple("reported", "CNN", "They cannot strike on land")]);
    }

    #[test]
    fn apposition_and_relative_clause() {
        assert_eq!(
            en("Maria Lopez, a spokeswoman for the company, said the plant would close."),
            vec![triple("said", "Maria Lopez, a spokeswoman for the company", "the plant would close.")]
        );
        assert_eq!(
            en("Tom Reyes, who leads the union, said the strike would go on."),
            vec![triple("said", "Tom Reyes", "the strike would go on.")]
        );
    }

    #[test]
    fn no_comment_takes_the_sentence() {
        assert_eq!(en("The CIA declined to comment."), vec![triple("declined to comment", "The CIA", "The CIA declined to comment.")]);
    }

    #[test]
    fn hedges_have_no_source() {
        assert_eq!(en("The minister reportedly resigned on Friday."), vec![triple("reportedly", "", "The minister reportedly resigned on Friday.")]);
    }

    #[test]
    fn look_alikes_are_not_cues() {
        assert!(en("The said property was sold.").is_empty());
        assert!(en("She told her children a story about the war.").is_empty());
        assert!(en("The details of the strike have not been previously reported.").is_empty());
        assert!(en("That said, the port reopened.").is_empty());
        assert!(en("Sources of funding remain unclear.").is_empty());
    }

    #[test]
    fn cue_inside_a_quote_is_not_a_new_attribution() {
        let found = en("“Officials said we would win,” Lopez said.");
        assert_eq!(found, vec![triple("said", "Lopez", "“Officials said we would win,”")]);
    }

    #[test]
    fn coordinated_verb_has_an_implicit_subject() {
        let found = en("One of the sources said the strike worked, but described it as symbolic.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, "One of the sources");
        assert_eq!(found[1].1, "");
    }

    #[test]
    fn two_attributions_in_one_sentence() {
        let found = en("Officials have pointed to drugs, but his chief of staff Susie Wiles told Vanity Fair that the aim was regime change.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], triple("pointed to", "Officials", "drugs"));
        assert_eq!(found[1], triple("told", "his chief of staff Susie Wiles", "the aim was regime change."));
    }

    #[test]
    fn spanish_forms() {
        let found = find("Según fuentes consultadas por este diario, el acuerdo está cerca.", Language::Es);
        assert_eq!(found, vec![triple("Según", "fuentes consultadas por este diario", "el acuerdo está cerca.")]);
        let found = find("La ministra Ana Ruiz afirmó que no habrá recortes.", Language::Es);
        assert_eq!(found, vec![triple("afirmó", "La ministra Ana Ruiz", "no habrá recortes.")]);
    }
}
