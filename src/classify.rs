//! What a source's words say about it: its head noun, how many it speaks for, whether it
//! names a person, an institution or an outlet. `discourse.rs` turns this into a kind,
//! with what earlier sentences said.

use crate::case::to_lowercase;
use crate::lexicon::{LanguageLexicon, Lexicons};
use crate::report::ByteSpan;
use crate::tokens::{for_each_token, is_capitalised, strip_possessive, text_of};
use crate::wordset::{lower_into, WordBits, WordSet};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;
use crate::report::Language;

/// The source's words, read.
#[derive(Debug, Clone, Default)]
pub struct SourcePhrase {
    /// Lower-case words, possessives stripped.
    pub words: Vec<String>,
    /// The head noun (lower case): "sources familiar with the matter" → "sources".
    pub head: String,
    /// A determiner that points back: "the sources", "those officials", "one of the sources".
    pub definite: bool,
    /// "one of the sources", "una de las fuentes".
    pub one_of: bool,
    /// A number of people stated: "two people" → 2, "a source" → 1.
    pub number: Option<u32>,
    pub plural: bool,
    /// Words after the head that tell more ("familiar with the matter"); empty for a bare noun.
    pub has_modifier: bool,
    /// A quantifier: "some experts", "many people".
    pub quantified: bool,
    /// A single pronoun ("he", "they", "ella").
    pub pronoun: Option<String>,
    /// The outlet named, when the phrase holds one ("The New York Times").
    pub outlet: Option<String>,
    /// A person's name in the phrase ("Susie Wiles", "Trump"), as written.
    pub person: Option<String>,
    /// The phrase names an institution ("the CIA", "the company", "Venezuela").
    pub institution: bool,
    /// A role word ("secretary", "minister") in the phrase.
    pub role: Option<String>,
    /// Capitalised words that are not names (affiliations): "White House officials".
    pub affiliation: bool,
}

const NUMBERS: &[(&str, u32)] = &[
    ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
    ("nine", 9), ("ten", 10), ("dozen", 12), ("un", 1), ("una", 1), ("uno", 1), ("dos", 2), ("tres", 3), ("cuatro", 4),
    ("cinco", 5), ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9), ("diez", 10), ("both", 2), ("ambos", 2), ("ambas", 2),
];
static DEFINITE: WordSet = WordSet::new(&["the", "these", "those", "that", "this", "el", "la", "los", "las", "dichas", "dichos", "esas", "esos", "estas", "estos"]);
/// Words that end the head and start its modifiers: "sources familiar with", "officials at", "fuentes del".
static POSTMODIFIERS: WordSet = WordSet::new(&[
    "familiar", "with", "who", "whom", "that", "which", "of", "from", "at", "in", "on", "for", "close", "briefed", "involved",
    "knowledgeable", "directly", "inside", "within", "near", "to", "de", "del", "que", "con", "cercanas", "cercanos", "cercana",
    "cercano", "conocedoras", "conocedores", "conocedor", "conocedora", "al", "en", "próximas", "próximos", "consultadas",
    "consultados", "próxima", "próximo", "familiarizadas", "familiarizados", "involucradas", "involucrados", "para",
]);
/// Words that modify the noun before them only with a preposition after them: "sources privy to the
/// talks", "people aware of the plans" (not "Spanish speaking voters", "well connected donors").
static POSTMODIFIERS_WITH_PREPOSITION: WordSet = WordSet::new(&["privy", "aware", "acquainted", "connected", "speaking", "present"]);
static TITLES: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "adm", "prof", "rev", "president", "secretary",
    "senator", "governor", "mayor", "minister", "chancellor", "judge", "justice", "coach", "sr", "sra", "don", "doña", "ministra",
    "ministro", "presidente", "presidenta", "alcalde", "alcaldesa", "spokesman", "spokeswoman", "spokesperson", "portavoz",
    "congressman", "congresswoman", "representative", "ceo", "director", "directora", "chief", "commissioner", "ambassador",
    "sheriff", "inspector", "detective", "sergeant", "officer", "agent", "analyst", "economist", "professor", "doctor", "doctora",
]);

fn is_acronym(word: &str) -> bool {
    // Two to six letters, all upper case (counted without collecting them).
    let mut letters = 0;
    for c in word.chars().filter(|&c| crate::wordset::is_alphabetic(c)) {
        letters += 1;
        if letters > 6 || !c.is_uppercase() {
            // Past six letters it is no acronym; a lower-case letter rules it out whatever the count.
            return false;
        }
    }
    letters >= 2
}

/// "WCRN-TV", "KQED": a North American broadcaster's call sign.
fn is_call_sign(word: &str) -> bool {
    let letters = word.split('-').next().unwrap_or("");
    (letters.len() == 3 || letters.len() == 4)
        && letters.starts_with(['K', 'W'])
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && (word.len() == letters.len() || matches!(&word[letters.len()..], "-TV" | "-FM" | "-AM"))
}

pub fn singular(word: &str) -> &str {
    word.strip_suffix("es").filter(|w| w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("or") || w.ends_with("ad") || w.ends_with("al") || w.ends_with("ón") || w.ends_with("es"))
        .or_else(|| word.strip_suffix('s'))
        .unwrap_or(word)
}

/// Two head nouns name the same sort of source: "source" ~ "sources", "person" ~ "people".
pub fn same_head(a: &str, b: &str) -> bool {
    fn norm(w: &str) -> &str {
        match w {
            "people" => "person",
            "personas" | "persona" => "persona",
            other => singular(other),
        }
    }
    norm(a) == norm(b)
}

fn is_plural_noun(word: &str) -> bool {
    word == "people" || word == "gente" || (word.ends_with('s') && !word.ends_with("ss") && word.len() > 3)
}

/// Reads the words of a source. `sentence_start` tells whether the phrase opens its sentence
/// (then its first word's capital letter says nothing).
/// Names the text has already taught: surnames of people quoted, and names of companies and
/// institutions it introduced ("Halvorsen Foods Inc." makes a later "Halvorsen" an institution).
#[derive(Debug, Default)]
pub struct Known {
    pub people: FxHashSet<String>,
    pub organisations: FxHashSet<String>,
    /// Capitalised words the text uses as a surname: after another capitalised word or a title
    /// ("Adrienne Hale", "Mr. Pell"). A lone capitalised source never used so is an institution.
    pub surnames: FxHashSet<String>,
    /// Capitalised words the text uses as a given name, before another capitalised word ("Gemma Hart").
    pub given_names: FxHashSet<String>,
}

/// Suffixes that make the capitalised words before them an institution's name.
static ORG_SUFFIXES: WordSet = WordSet::new(&[
    "inc", "corp", "co", "ltd", "llc", "plc", "group", "holdings", "foods", "airways", "airlines", "logistics", "systems",
    "technologies", "motors", "energy", "capital", "partners", "labs", "pharmaceuticals", "media", "industries", "networks",
    "solutions", "software", "insurance", "financial", "securities", "investments", "ventures", "brands", "entertainment",
    "studios", "bank", "fund", "trust", "fc", "united", "club", "university", "institute", "association", "foundation", "hospital",
    "council", "party", "ministry", "agency", "commission", "authority", "police", "court", "bureau", "committee", "union",
    "league", "federation", "company", "corporation", "sa", "s.a", "sl", "grupo", "banco", "fundación", "universidad", "partido",
    "realty", "residential", "management", "properties", "construction", "consulting", "services", "department", "electric",
    "utilities", "chemical", "chemicals", "home", "stores", "markets",
]);

impl Known {
    /// One pass over the text: every run of capitalised words ending in an institution suffix.
    pub fn scan(text: &str) -> Known {
        Known::scan_words(text, true)
    }

    /// `scan`; with `jump` false every word is looked at in turn (what the jump must agree with).
    fn scan_words(text: &str, jump: bool) -> Known {
        let mut known = Known::default();
        let mut run: Vec<&str> = Vec::new();
        // Lower-case words for the suffix tests, written into one buffer (no allocation a word).
        let mut buf = String::new();
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // With no run open, the words before the next capital ASCII letter or byte above ASCII
            // can only leave it empty: go straight to the word that holds that byte, which starts
            // after the last ASCII white space before it (no other white space lies between).
            if jump && run.is_empty() {
                let next = next_capital_or_high(bytes, at);
                if next >= bytes.len() {
                    break;
                }
                let from = at;
                at = next;
                while at > from && !matches!(bytes[at - 1], b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                    at -= 1;
                }
            }
            // Only capitalised words matter: a word that starts with a lower-case ASCII letter just ends
            // any run, and is skipped to its end at once (the bulk of the text).
            if bytes[at].is_ascii_lowercase() {
                run.clear();
                at = crate::wordset::word_end(text, at + 1);
                continue;
            }
            // White space between words.
            let space = crate::wordset::space_len(text, at);
            if space > 0 {
                at += space;
                continue;
            }
            let start = at;
            at = crate::wordset::word_end(text, at + 1);
            let raw = &text[start..at];
            let word = raw.trim_matches(|c: char| !crate::wordset::is_alphanumeric(c));
            if word.is_empty() {
                run.clear();
                continue;
            }
            if !is_capitalised(word) {
                run.clear();
                continue;
            }
            if !run.is_empty() && ORG_SUFFIXES.contains(lower_into(word, &mut buf)) {
                for w in &run {
                    let w = to_lowercase(w);
                    if !known.organisations.contains(&w) {
                        known.organisations.insert(w);
                    }
                }
                known.organisations.insert(to_lowercase(&run.join(" ")));
                run.clear();
                continue;
            }
            if word.len() > 1 && run.len() < 4 {
                if let Some(prev) = run.last() {
                    let prev_lower = lower_into(prev, &mut buf);
                    if !ORG_SUFFIXES.contains(prev_lower) && !matches!(prev_lower, "the" | "el" | "la" | "los" | "las" | "a" | "an") {
                        let surname = strip_possessive(word);
                        if !known.surnames.contains(surname) {
                            known.surnames.insert(surname.to_string());
                        }
                        if run.len() == 1 && !known.given_names.contains(*prev) {
                            known.given_names.insert(prev.to_string());
                        }
                    }
                }
                run.push(word);
            } else {
                run.clear();
            }
            // A comma or stop ends a run of words.
            if raw.ends_with([',', '.', ';', ':']) {
                run.clear();
            }
        }
        known
    }
}

/// The first byte at or after `at` that is an ASCII capital letter or not ASCII (`bytes.len()` when
/// there is none): eight bytes tested at once (SWAR), then byte by byte for the last few.
fn next_capital_or_high(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    while let Some(block) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(block.try_into().unwrap_or_default());
        // 'A'..='Z' in the low seven bits of each byte (no carry leaves a byte), or the high bit set.
        let low = x & !HIGH_BITS;
        let capital = low.wrapping_add(ONES * (0x80 - 0x41)) & !low.wrapping_add(ONES * (0x7F - 0x5A));
        let found = (capital | x) & HIGH_BITS;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && !bytes[at].is_ascii_uppercase() && bytes[at] < 0x80 {
        at += 1;
    }
    at
}

/// The first words of the outlets, institutions and places of more than one word (for `read`),
/// and their second words.
fn phrase_starts(lex: &LanguageLexicon) -> &'static (FxHashSet<&'static str>, FxHashSet<&'static str>) {
    static STARTS: [OnceLock<(FxHashSet<&'static str>, FxHashSet<&'static str>)>; 2] = [OnceLock::new(), OnceLock::new()];
    STARTS[usize::from(lex.language == Language::Es)].get_or_init(|| {
        let lexicon = Lexicons::shared().language(lex.language);
        let places = &Lexicons::shared().places;
        let (mut starts, mut seconds) = (FxHashSet::default(), FxHashSet::default());
        for (first, rest) in lexicon.outlets.iter().chain(&lexicon.org_words).chain(places).filter_map(|phrase| phrase.split_once(' ')) {
            starts.insert(first);
            seconds.insert(rest.split(' ').next().unwrap_or(rest));
        }
        (starts, seconds)
    })
}

// Which of the word lists `read` asks about a single lower-case word holds it, as bits: one hash
// lookup a word instead of one a list (a source's every word is tested against a dozen lists).
const W_OUTLET: u32 = 1;
const W_ORG: u32 = 1 << 1;
const W_PLACE: u32 = 1 << 2;
const W_ROLE: u32 = 1 << 3;
const W_ANONYMOUS: u32 = 1 << 4;
const W_VAGUE: u32 = 1 << 5;
const W_REPORT: u32 = 1 << 6;
const W_QUANTIFIER: u32 = 1 << 7;
const W_TITLE: u32 = 1 << 8;
const W_DEFINITE: u32 = 1 << 9;
const W_PHRASE_START: u32 = 1 << 10;
const W_OUTLET_WORD: u32 = 1 << 11;
const W_PRONOUN: u32 = 1 << 12;
const W_POSTMODIFIER: u32 = 1 << 13;
const W_FIRST_NAME: u32 = 1 << 14;
/// In `NUMBERS`.
const W_NUMBER: u32 = 1 << 15;
/// The second word of a listed phrase (`phrase_starts`).
const W_PHRASE_SECOND: u32 = 1 << 16;
/// A word of a programme's or a column's name (`programme_words.txt`).
const W_PROGRAMME: u32 = 1 << 17;

/// The `W_*` bits of every word the lists behind them hold, for a language.
fn word_bits(lex: &LanguageLexicon) -> &'static WordBits {
    static BITS: [OnceLock<WordBits>; 2] = [OnceLock::new(), OnceLock::new()];
    BITS[usize::from(lex.language == Language::Es)].get_or_init(|| {
        let shared = Lexicons::shared();
        let lexicon = shared.language(lex.language);
        let mut map = WordBits::default();
        let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u32| {
            for w in words {
                map.insert(w, bit);
            }
        };
        add(&mut lexicon.outlets.iter().copied(), W_OUTLET);
        add(&mut lexicon.org_words.iter().copied(), W_ORG);
        add(&mut shared.places.iter().copied(), W_PLACE);
        add(&mut lexicon.role_nouns.iter().copied(), W_ROLE);
        add(&mut lexicon.anonymous_nouns.iter().copied(), W_ANONYMOUS);
        add(&mut lexicon.vague_nouns.iter().copied(), W_VAGUE);
        add(&mut lexicon.report_nouns.iter().copied(), W_REPORT);
        add(&mut lexicon.quantifiers.iter().copied(), W_QUANTIFIER);
        add(&mut TITLES.words().iter().copied(), W_TITLE);
        add(&mut DEFINITE.words().iter().copied(), W_DEFINITE);
        add(&mut phrase_starts(lexicon).0.iter().copied(), W_PHRASE_START);
        add(&mut phrase_starts(lexicon).1.iter().copied(), W_PHRASE_SECOND);
        add(&mut shared.outlet_words.iter().copied(), W_OUTLET_WORD);
        add(&mut shared.programme_words.iter().copied(), W_PROGRAMME);
        add(&mut lexicon.pronouns.iter().copied(), W_PRONOUN);
        add(&mut POSTMODIFIERS.words().iter().copied(), W_POSTMODIFIER);
        add(&mut shared.first_names.iter().copied(), W_FIRST_NAME);
        add(&mut NUMBERS.iter().map(|&(w, _)| w), W_NUMBER);
        map
    })
}

pub fn read(text: &str, span: ByteSpan, sentence_start: bool, lex: &LanguageLexicon, known: &Known) -> SourcePhrase {
    let shared = Lexicons::shared();
    // The words as the tokenizer finds them (no list of tokens first).
    let mut raw: Vec<&str> = Vec::with_capacity(8);
    // Which of `raw` were possessives ("CNN's", "Reuters’"), before the ending was cut off.
    let mut possessive: Vec<bool> = Vec::with_capacity(8);
    // A parenthesis that opens with a relative pronoun or a party tag is an aside: "Kasich (who has 25
    // delegates) said" is Kasich, "Rep. Hank Johnson (D-Ga.)" is Johnson. Any other keeps its words:
    // "A spokesperson (Maria Lopez) said" names her.
    let (mut depth, mut aside_from, mut just_opened) = (0u32, None::<u32>, false);
    for_each_token(text, span, |t| {
        let s = text_of(text, &t);
        if t.word {
            if just_opened {
                just_opened = false;
                let relative = ["who", "which", "whose", "quien", "que"].iter().any(|r| r.eq_ignore_ascii_case(s));
                let party_tag = s.len() >= 3 && matches!(&s[..2], "D-" | "R-" | "I-");
                if aside_from.is_none() && (relative || party_tag) {
                    aside_from = Some(depth);
                }
            }
            if aside_from.is_none() {
                let stripped = strip_possessive(s);
                raw.push(stripped);
                possessive.push(stripped.len() < s.len());
            }
        } else if (s == "'" || s == "’") && aside_from.is_none() && t.span.start > span.start && matches!(text.as_bytes()[t.span.start - 1], b's' | b'S') {
            // "Reuters’ Luciana Lopez": an apostrophe right after a word ending in s.
            if let Some(last) = possessive.last_mut() {
                *last = true;
            }
        } else if s == "(" {
            depth += 1;
            just_opened = true;
        } else if s == ")" {
            if aside_from == Some(depth) {
                aside_from = None;
            }
            depth = depth.saturating_sub(1);
        }
    });
    let mut p = SourcePhrase { words: raw.iter().map(|w| to_lowercase(w)).collect(), ..SourcePhrase::default() };
    // The phrase's words, read in place (the other fields are set beside them).
    let words = &p.words;
    if words.is_empty() {
        return p;
    }
    let by_word = word_bits(lex);
    let bits: Vec<u32> = words.iter().map(|w| by_word.get(w)).collect();
    let is = |k: usize, bit: u32| bits[k] & bit != 0;
    if words.len() == 1 && is(0, W_PRONOUN) {
        p.pronoun = Some(words[0].clone());
        p.head = words[0].clone();
        p.plural = matches!(words[0].as_str(), "they" | "them" | "ellos" | "ellas" | "we");
        return p;
    }
    // Multi-word names of outlets, places and institutions: mark the words they cover.
    let mut covered = vec![false; words.len()];
    // Each candidate phrase is written into one buffer (no allocation a phrase).
    let mut phrase = String::new();
    for len in (1..=4).rev() {
        for i in 0..words.len().saturating_sub(len - 1) {
            if covered[i..i + len].iter().any(|&c| c) {
                continue;
            }
            // A phrase of several words is in no list unless some listed phrase starts with its first
            // two words (the words hold no space: a listed phrase's words are its words).
            if len > 1 && !(is(i, W_PHRASE_START) && is(i + 1, W_PHRASE_SECOND)) {
                continue;
            }
            // One word is looked up by its bits; a phrase of several in the lists themselves.
            let (outlet, org, place) = if len == 1 {
                (is(i, W_OUTLET), is(i, W_ORG), is(i, W_PLACE))
            } else {
                phrase.clear();
                for (n, w) in words[i..i + len].iter().enumerate() {
                    if n > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(w);
                }
                let outlet = lex.outlets.contains(phrase.as_str());
                let org = !outlet && lex.org_words.contains(phrase.as_str());
                (outlet, org, !outlet && !org && shared.places.contains(phrase.as_str()))
            };
            let is_outlet = outlet && (len > 1 || words[i].len() > 2 || raw[i].chars().all(|c| !c.is_lowercase()));
            if is_outlet {
                // "the Times" or "Time" only count when capitalised as a name.
                if raw[i + len - 1].chars().next().is_some_and(char::is_uppercase) {
                    p.outlet = Some(raw[i..i + len].join(" "));
                    covered[i..i + len].iter_mut().for_each(|c| *c = true);
                }
            } else if (len > 1 && org) || place {
                if len > 1 || raw[i].chars().next().is_some_and(char::is_uppercase) || org {
                    p.institution = true;
                    covered[i..i + len].iter_mut().for_each(|c| *c = true);
                }
            }
        }
    }
    // A capitalised name holding an outlet word ("The Evening Globe", "El Heraldo del Sur") or a
    // broadcaster's call sign ("WCRN-TV") is an outlet.
    if p.outlet.is_none() {
        let mut k = 0;
        while k < words.len() {
            if !is_capitalised(raw[k]) || covered[k] {
                k += 1;
                continue;
            }
            let start = k;
            while k < words.len() && (is_capitalised(raw[k]) || matches!(words[k].as_str(), "del" | "de" | "la" | "of" | "the")) {
                k += 1;
            }
            let run = start..k;
            let outlet_like = run.clone().any(|i| is_capitalised(raw[i]) && is(i, W_OUTLET_WORD))
                || run.clone().any(|i| is_call_sign(raw[i]));
            if outlet_like {
                p.outlet = Some(raw[run.clone()].join(" "));
                covered[run].iter_mut().for_each(|c| *c = true);
                break;
            }
        }
    }
    // "one of the sources" / "una de las fuentes"
    let mut body_start = 0;
    if words.len() >= 3 && matches!(words[0].as_str(), "one" | "una" | "uno" | "two" | "dos" | "another" | "otra" | "otro") && matches!(words[1].as_str(), "of" | "de") {
        p.one_of = true;
        p.definite = true;
        p.number = NUMBERS.iter().find(|(w, _)| *w == words[0]).map(|&(_, n)| n);
        body_start = 2;
    }
    // Determiners and numbers.
    let mut i = body_start;
    while i < words.len() {
        let w = words[i].as_str();
        if is(i, W_DEFINITE) {
            p.definite = true;
        } else if let Some(&(_, n)) = NUMBERS.iter().find(|(x, _)| is(i, W_NUMBER) && *x == w) {
            if !p.one_of {
                p.number = Some(n);
            }
        } else if w.chars().all(|c| c.is_ascii_digit()) {
            if !p.one_of {
                p.number = w.parse().ok();
            }
        } else if is(i, W_QUANTIFIER) {
            p.quantified = true;
        } else {
            break;
        }
        i += 1;
    }
    // "a wide array of economists", "dozens of officials", "un grupo de expertos": a quantity of
    // people is a crowd of them, headed by the people (not after "the": "the host of the show").
    let quantity_at = |k: usize| {
        k + 2 < words.len() && lex.quantity_nouns.contains(words[k].as_str()) && matches!(words[k + 1].as_str(), "of" | "de")
            // (Capitalised only opening the phrase: "Dozens of officials", not "a Bunch of Grapes".)
            && (k == 0 || raw[k].starts_with(|c: char| c.is_lowercase()))
    };
    if !p.definite {
        // One adjective may come first: "a wide array of", "a growing number of".
        if let Some(k) = [i, i + 1].into_iter().find(|&k| quantity_at(k)) {
            p.quantified = true;
            i = k + 2;
        }
    }
    // The head: the last word before a postmodifier.
    let mut head_at = None;
    for k in i..words.len() {
        let with_preposition = || {
            POSTMODIFIERS_WITH_PREPOSITION.contains(words[k].as_str())
                && words.get(k + 1).is_some_and(|w| matches!(w.as_str(), "to" | "with" | "of" | "on" | "at" | "about" | "in"))
        };
        if k > i && (is(k, W_POSTMODIFIER) || with_preposition()) {
            p.has_modifier = true;
            break;
        }
        head_at = Some(k);
    }
    // A lone quantifier is its own head: "many say", "others", "some".
    let head_at = head_at.unwrap_or(words.len() - 1);
    p.head = words[head_at].clone();
    if head_at + 1 < words.len() && !p.has_modifier {
        p.has_modifier = true;
    }
    p.plural = if p.one_of {
        false
    } else {
        p.number.is_some_and(|n| n > 1) || (p.number.is_none() && is_plural_noun(&p.head))
    };
    // Roles.
    p.role = (0..words.len()).find(|&k| is(k, W_ROLE)).map(|k| words[k].clone());
    // Institutions: an organisation word, a place, an acronym.
    for (k, w) in words.iter().enumerate() {
        if covered[k] && p.outlet.is_none() {
            continue;
        }
        if is(k, W_ORG) || (is_acronym(raw[k]) && !covered[k]) || known.organisations.contains(w.as_str()) {
            p.institution = true;
        }
    }
    // People: capitalised words that are not institutions, outlets or known nouns.
    let name_word = |k: usize| -> bool {
        let r = raw[k];
        let w = words[k].as_str();
        if covered[k] || !is_capitalised(r) || is_acronym(r) || known.organisations.contains(w) {
            return false;
        }
        if k == 0 && sentence_start && is(k, W_ANONYMOUS | W_VAGUE | W_ORG | W_ROLE | W_DEFINITE | W_QUANTIFIER | W_NUMBER | W_REPORT | W_TITLE) {
            return false;
        }
        !(is(k, W_ORG | W_TITLE | W_ROLE | W_PLACE | W_DEFINITE | W_ANONYMOUS | W_VAGUE | W_REPORT) || matches!(w, "of" | "de" | "for" | "and" | "y"))
    };
    let all_names: Vec<usize> = (0..words.len()).filter(|&k| name_word(k)).collect();
    // Before a crowd noun, capitalised words are an affiliation ("Trump aides", "Pentagon officials"),
    // not a name; a name after it is one ("official John Smith").
    // In an apposition ("Dwayne Castle, Mercer's agent") the name stands apart from the head noun.
    let appositive = text[span.start..span.end].contains(',');
    let head_is_crowd = !appositive && is(head_at, W_ANONYMOUS | W_VAGUE);
    // After a crowd noun, only a name right after it is the person's ("official John Smith"), not one
    // inside its modifiers ("an adviser to the Stroud campaign").
    let names: Vec<usize> = if head_is_crowd {
        let mut run = Vec::new();
        let mut k = head_at + 1;
        while all_names.contains(&k) {
            run.push(k);
            k += 1;
        }
        run
    } else {
        all_names.clone()
    };
    if names.is_empty() && !all_names.is_empty() {
        p.affiliation = true;
    }
    // In an apposition, a part that is nothing but two to four capitalised words is a person's name:
    // "Dwayne Castle, Mercer's agent"; "El presidente ejecutivo de Andinet, Sebastián Arrieta".
    if appositive && !p.institution_only_words(&raw) {
        let piece = &text[span.start..span.end];
        for part in piece.split(',') {
            let part_words: Vec<&str> = part.split_whitespace().collect();
            if (2..=4).contains(&part_words.len())
                && part_words.iter().all(|w| is_capitalised(w) && !is_acronym(w))
                && !part_words.iter().any(|w| {
                    let l = to_lowercase(strip_possessive(w));
                    lex.org_words.contains(l.as_str()) || known.organisations.contains(&l) || TITLES.contains(&l.as_str())
                })
            {
                p.person = Some(part_words.join(" "));
                return p;
            }
        }
    }
    if !names.is_empty() {
        // A name right after the head or a title ("spokeswoman Maria Lopez", "Sen. Ortiz"), a known first name,
        // a surname named earlier, or a phrase that is nothing but capitalised words.
        let first_name = names.iter().any(|&k| is(k, W_FIRST_NAME) && names.contains(&(k + 1)));
        let after_title = names.iter().any(|&k| k > 0 && (TITLES.contains(&words[k - 1].trim_end_matches('.')) || is(k - 1, W_ROLE)));
        let known_person = names.iter().any(|&k| known.people.contains(raw[k]));
        let only_names = names.len() == words.len() - usize::from(is(0, W_DEFINITE));
        // A journalist of a listed outlet, whatever the given name: two or three capitalised words
        // right after the outlet's possessive, or opening the phrase before "of"/"from"/"at" it
        // ("CNN's Jake Tapper", "Jake Tapper of CNN"). A person, like "NBC's Dana Haskell", not the
        // outlet's reporting.
        let beside_outlet = p.outlet.is_some()
            && (2..=3).contains(&names.len())
            && names.windows(2).all(|w| w[1] == w[0] + 1)
            // A programme's name ("MSNBC's Morning Joe", "NBC Nightly News") is the outlet's reporting.
            && names.iter().all(|&k| !is(k, W_PROGRAMME | W_OUTLET_WORD))
            && {
                let (first, last) = (names[0], names[names.len() - 1]);
                // Right after the outlet's possessive, as the phrase's head ("an ABC News-Washington
                // Post poll" is a poll; "CBS Evening News" has no possessive).
                let after_possessive = last == head_at && first > 0 && covered[first - 1] && possessive[first - 1];
                // Opening the phrase, before of/from/at and the outlet itself ("a Senior Fellow at the
                // Atlantic Council" is no name, and a place or an institution after "of" is no outlet).
                let outlet_after = || {
                    let mut k = last + 2;
                    if words.get(k).is_some_and(|_| is(k, W_DEFINITE)) {
                        k += 1;
                    }
                    k < words.len() && covered[k] && p.outlet.as_deref().is_some_and(|o| o.starts_with(raw[k]))
                };
                let before_outlet = first == 0 && last + 2 < words.len() && matches!(words[last + 1].as_str(), "of" | "from" | "at" | "de") && outlet_after();
                after_possessive || before_outlet
            };
        // "Halvorsen said" where the text never writes "X Halvorsen": a company, not a person.
        let lone_unknown = names.len() == 1
            && words.len() == 1
            && !known.surnames.contains(raw[names[0]])
            && !known.given_names.contains(raw[names[0]])
            && !is(names[0], W_FIRST_NAME);
        if lone_unknown && !known_person && !known.surnames.is_empty() {
            p.institution = true;
            return p;
        }
        if first_name || beside_outlet || after_title || known_person || (only_names && !p.institution && !p.definite) || (head_is_crowd && names.iter().any(|&k| k == head_at + 1)) {
            // The name: the capitalised run that ends at the last name word.
            let last = *names.last().unwrap_or(&0);
            let mut first = last;
            while first > 0 && names.contains(&(first - 1)) {
                first -= 1;
            }
            // "Secretary of Defense Pete Hegseth": the name starts at a given name when there is one.
            if let Some(given) = (first..=last).find(|&k| is(k, W_FIRST_NAME)) {
                first = given;
            }
            p.person = Some(raw[first..=last].join(" "));
        } else if p.definite && names.len() == words.len() - 1 {
            // "The Treasury", "the Kremlin": a person is never "the" + a proper name.
            p.institution = true;
        } else {
            p.affiliation = true;
        }
    }
    p
}

impl SourcePhrase {
    /// Every capitalised word is an institution's (no room for a person's name).
    fn institution_only_words(&self, _raw: &[&str]) -> bool {
        self.outlet.is_some()
    }

    /// The surname of the person named, for later "Lopez said".
    pub fn surname(&self) -> Option<&str> {
        self.person.as_deref().and_then(|p| p.split_whitespace().last())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Language;

    fn read_en(s: &str) -> SourcePhrase {
        read(s, ByteSpan::new(0, s.len()), true, Lexicons::shared().language(Language::En), &Known::default())
    }

    #[test]
    fn anonymous_phrases() {
        let p = read_en("sources familiar with the matter");
        assert_eq!(p.head, "sources");
        assert!(p.plural && p.has_modifier && p.person.is_none());
        let p = read_en("two people briefed on the talks");
        assert_eq!((p.head.as_str(), p.number), ("people", Some(2)));
        let p = read_en("One of the sources");
        assert!(p.one_of && p.definite && !p.plural);
        assert_eq!((p.head.as_str(), p.number), ("sources", Some(1)));
        let p = read_en("a senior administration official");
        assert_eq!((p.head.as_str(), p.number, p.plural), ("official", Some(1), false));
        let p = read_en("White House officials");
        assert!(p.person.is_none() && p.institution);
    }

    #[test]
    fn people_and_institutions() {
        assert_eq!(read_en("Trump’s chief of staff Susie Wiles").person.as_deref(), Some("Susie Wiles"));
        assert_eq!(read_en("Secretary of Defense Pete Hegseth").person.as_deref(), Some("Pete Hegseth"));
        assert_eq!(read_en("Trump").person.as_deref(), Some("Trump"));
        assert!(read_en("The CIA").institution);
        assert!(read_en("The CIA").person.is_none());
        assert!(read_en("the company").institution);
        assert_eq!(read_en("CNN").outlet.as_deref(), Some("CNN"));
        assert_eq!(read_en("The New York Times").outlet.as_deref(), Some("The New York Times"));
        assert_eq!(read_en("the secretary").role.as_deref(), Some("secretary"));
        assert_eq!(read_en("he").pronoun.as_deref(), Some("he"));
    }

    #[test]
    fn known_institutions() {
        let known = Known::scan("Halvorsen Foods Inc. bought it. Later, Northgale Airways Corp. said so.");
        let lex = Lexicons::shared().language(Language::En);
        let p = read("Halvorsen", ByteSpan::new(0, 9), true, lex, &known);
        assert!(p.institution && p.person.is_none());
        assert!(read_en("The Treasury").institution);
        assert!(read_en("The Treasury").person.is_none());
    }

    #[test]
    fn next_capital_or_high_stops_at_the_first_such_byte() {
        for len in 0..20 {
            for other in 0..=255u8 {
                let mut bytes = vec![b'a'; len];
                bytes.extend([other, b'Z', 0xC3]);
                bytes.extend(vec![b'q'; 9]);
                let expected = bytes.iter().position(|&b| b.is_ascii_uppercase() || b >= 0x80).unwrap_or(bytes.len());
                assert_eq!(next_capital_or_high(&bytes, 0), expected, "{len} {other:#x}");
            }
        }
        assert_eq!(next_capital_or_high(b"abc def", 0), 7);
    }

    #[test]
    fn scan_jumps_to_capitals_and_finds_what_word_by_word_finds() {
        let texts = [
            "Halvorsen Foods Inc. bought it. Later, Northgale Airways Corp. said so.",
            "the firm eBay and Acme Widgets Group; then «Grupo Andino SA» and ÉLAN Energy Partners, mr. Pell and Mr. Pell.",
            "Adrienne Hale met Gemma Hart\u{a0}Jones in the U.S. City Council’s offices. x Y z Ñandú Banco Sur",
            "a b c D E F G H\tI\nJ Corp 3M Co. (Reuters) “Westbury Council” said",
            "",
            "Z",
        ];
        for text in texts {
            let (jump, each) = (Known::scan(text), Known::scan_words(text, false));
            let sorted = |set: &FxHashSet<String>| {
                let mut v: Vec<String> = set.iter().cloned().collect();
                v.sort();
                v
            };
            assert_eq!(sorted(&jump.organisations), sorted(&each.organisations), "{text}");
            assert_eq!(sorted(&jump.surnames), sorted(&each.surnames), "{text}");
            assert_eq!(sorted(&jump.given_names), sorted(&each.given_names), "{text}");
        }
    }

    #[test]
    fn outlets_by_their_names() {
        assert_eq!(read_en("The Evening Globe").outlet.as_deref(), Some("The Evening Globe"));
        assert_eq!(read_en("WCRN-TV").outlet.as_deref(), Some("WCRN-TV"));
        assert!(read_en("Maria Lopez").outlet.is_none());
    }

    #[test]
    fn heads() {
        assert!(same_head("source", "sources"));
        assert!(same_head("people", "person"));
        assert!(same_head("fuentes", "fuente"));
        assert!(!same_head("officials", "sources"));
    }
}
