//! The cue lexicons: plain data files under `src/lexicons/`, one phrase a line,
//! `#` comments (dropped by `build.rs` before they are compiled in), parsed once into matchers
//! and word sets.

use aho_corasick::MatchKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::report::Language;

/// What a cue phrase does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A reporting verb: the source is beside it ("X said", "said X").
    Speech,
    /// A preposition: the source follows it ("according to X").
    According,
    /// A non-response: the sentence itself is what is attributed ("declined to comment").
    NoComment,
    /// A hedge: `unverified`, no source ("reportedly").
    Hedge,
    /// An impersonal cue: `vague`, no source ("it is believed").
    Impersonal,
    /// A phrase that holds a cue word but attributes nothing ("that said").
    NotCue,
}

/// What a standards phrase tells about an anonymous source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CheckKind {
    Reason,
    Boilerplate,
    Vantage,
    Opinion,
}

/// Parses a lexicon file: one phrase a line, `#` starts a comment line, blank lines skipped.
pub fn phrases(source: &'static str) -> impl Iterator<Item = &'static str> {
    source.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Each language's files, by name, for the lexicon tests.
pub const FILES: &[(&str, &str, &str)] = &[
    ("en", "speech_verbs", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/speech_verbs.txt"))),
    ("en", "stance_verbs", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/stance_verbs.txt"))),
    ("en", "speech_only", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/speech_only.txt"))),
    ("en", "weak_cues", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/weak_cues.txt"))),
    ("en", "according", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/according.txt"))),
    ("en", "no_comment", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/no_comment.txt"))),
    ("en", "hedges", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/hedges.txt"))),
    ("en", "impersonal", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/impersonal.txt"))),
    ("en", "not_cues", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/not_cues.txt"))),
    ("en", "anonymous_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/anonymous_nouns.txt"))),
    ("en", "vague_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/vague_nouns.txt"))),
    ("en", "quantifiers", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/quantifiers.txt"))),
    ("en", "quantity_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/quantity_nouns.txt"))),
    ("en", "org_words", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/org_words.txt"))),
    ("en", "outlets", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/outlets.txt"))),
    ("en", "report_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/report_nouns.txt"))),
    ("en", "role_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/role_nouns.txt"))),
    ("en", "pronouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/pronouns.txt"))),
    ("en", "skip_before_cue", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/skip_before_cue.txt"))),
    ("en", "finite_speech", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/finite_speech.txt"))),
    ("en", "told_recipients", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/told_recipients.txt"))),
    ("en", "reasons", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/reasons.txt"))),
    ("en", "reason_boilerplate", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/reason_boilerplate.txt"))),
    ("en", "vantage", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/vantage.txt"))),
    ("en", "opinion", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/opinion.txt"))),
    ("en", "opinion_person_only", include_str!(concat!(env!("OUT_DIR"), "/lexicons/en/opinion_person_only.txt"))),
    ("es", "speech_verbs", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/speech_verbs.txt"))),
    ("es", "stance_verbs", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/stance_verbs.txt"))),
    ("es", "speech_only", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/speech_only.txt"))),
    ("es", "according", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/according.txt"))),
    ("es", "no_comment", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/no_comment.txt"))),
    ("es", "hedges", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/hedges.txt"))),
    ("es", "impersonal", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/impersonal.txt"))),
    ("es", "not_cues", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/not_cues.txt"))),
    ("es", "anonymous_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/anonymous_nouns.txt"))),
    ("es", "vague_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/vague_nouns.txt"))),
    ("es", "quantifiers", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/quantifiers.txt"))),
    ("es", "quantity_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/quantity_nouns.txt"))),
    ("es", "org_words", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/org_words.txt"))),
    ("es", "outlets", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/outlets.txt"))),
    ("es", "report_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/report_nouns.txt"))),
    ("es", "role_nouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/role_nouns.txt"))),
    ("es", "pronouns", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/pronouns.txt"))),
    ("es", "skip_before_cue", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/skip_before_cue.txt"))),
    ("es", "finite_speech", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/finite_speech.txt"))),
    ("es", "told_recipients", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/told_recipients.txt"))),
    ("es", "reasons", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/reasons.txt"))),
    ("es", "reason_boilerplate", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/reason_boilerplate.txt"))),
    ("es", "vantage", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/vantage.txt"))),
    ("es", "opinion", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/opinion.txt"))),
    ("es", "opinion_person_only", include_str!(concat!(env!("OUT_DIR"), "/lexicons/es/opinion_person_only.txt"))),
    ("all", "abbreviations", include_str!(concat!(env!("OUT_DIR"), "/lexicons/abbreviations.txt"))),
    ("all", "sentence_openers", include_str!(concat!(env!("OUT_DIR"), "/lexicons/sentence_openers.txt"))),
    ("all", "first_names", include_str!(concat!(env!("OUT_DIR"), "/lexicons/first_names.txt"))),
    ("all", "places", include_str!(concat!(env!("OUT_DIR"), "/lexicons/places.txt"))),
    ("all", "outlet_words", include_str!(concat!(env!("OUT_DIR"), "/lexicons/outlet_words.txt"))),
    ("all", "programme_words", include_str!(concat!(env!("OUT_DIR"), "/lexicons/programme_words.txt"))),
];

fn file(lang: &str, name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(l, n, _)| *l == lang && *n == name)
        .map(|(_, _, s)| *s)
        .unwrap_or("")
}

fn set(lang: &str, name: &str) -> HashSet<&'static str> {
    phrases(file(lang, name)).collect()
}

include!(concat!(env!("OUT_DIR"), "/capitals.rs"));

/// A lexicon phrase with its first letter upper-cased, as `char::to_uppercase` does it (`None` when empty).
/// Only for lexicon phrases: a non-ASCII first letter is looked up in build.rs's `CAPITALS`, which
/// holds those of every phrase, so that std's case tables stay out of the wasm.
pub fn capitalise(phrase: &str) -> Option<String> {
    let first = phrase.chars().next()?;
    let rest = &phrase[first.len_utf8()..];
    if first.is_ascii() {
        return Some(format!("{}{rest}", first.to_ascii_uppercase()));
    }
    let upper = CAPITALS.iter().find(|&&(c, _)| c == first).map(|&(_, u)| u);
    debug_assert!(upper.is_some(), "{phrase:?} is not a lexicon phrase");
    Some(upper.map_or_else(|| phrase.to_string(), |u| format!("{u}{rest}")))
}

/// First letter upper-cased: the automata are ASCII-case-insensitive only, so
/// phrases that begin with a non-ASCII letter ("él", "según") get a capitalised twin.
fn capitalised(phrase: &str) -> Option<String> {
    if phrase.starts_with(|c: char| c.is_ascii()) {
        return None;
    }
    capitalise(phrase)
}

// One concrete automaton type, not `AhoCorasick`: that wrapper holds a `dyn` automaton, which
// links every kind's search and build code (and their Debug impls) into the wasm whatever is used.
// Natively, a full DFA, flattened into our own table (`dfa.rs`): faster over every sentence, worth
// its few milliseconds to build. In the browser the worker may start often and memory is dearer, so
// wasm keeps the compact contiguous NFA (what `AhoCorasick` chose there for lexicons of over 100
// phrases). Both find the same matches.
#[cfg(not(target_arch = "wasm32"))]
mod dfa;
#[cfg(not(target_arch = "wasm32"))]
use aho_corasick::dfa::Builder as MatcherBuilder;
#[cfg(not(target_arch = "wasm32"))]
type Matcher = dfa::FlatDfa;
#[cfg(target_arch = "wasm32")]
use aho_corasick::nfa::contiguous::{Builder as MatcherBuilder, NFA as Matcher};

fn automaton<K: Copy>(groups: &[(K, &'static str)]) -> (Matcher, Vec<K>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut kinds = Vec::new();
    for &(kind, source) in groups {
        for phrase in phrases(source) {
            patterns.push(phrase.to_string());
            kinds.push(kind);
            if let Some(cap) = capitalised(phrase) {
                patterns.push(cap);
                kinds.push(kind);
            }
        }
    }
    let matcher = MatcherBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .unwrap_or_else(|_| panic!("lexicon phrases build an automaton"));
    #[cfg(not(target_arch = "wasm32"))]
    let matcher = dfa::FlatDfa::new(&matcher);
    (matcher, kinds)
}

/// Every leftmost-longest match of `matcher` in `text`, in order.
#[cfg(not(target_arch = "wasm32"))]
fn find_iter<'a>(matcher: &'a Matcher, text: &'a str) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    matcher.find_iter(text)
}

/// Every leftmost-longest match of `matcher` in `text`, in order.
#[cfg(target_arch = "wasm32")]
fn find_iter<'a>(matcher: &'a Matcher, text: &'a str) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    use aho_corasick::automaton::Automaton;
    // Only anchored searches on an unanchored-only automaton can fail.
    matcher.try_find_iter(aho_corasick::Input::new(text)).unwrap_or_else(|_| unreachable!("an unanchored search cannot fail"))
}

/// One language's lexicon.
pub struct LanguageLexicon {
    pub language: Language,
    cue_matcher: Matcher,
    cue_kinds: Vec<CueKind>,
    check_matcher: Matcher,
    check_kinds: Vec<CheckKind>,
    pub anonymous_nouns: HashSet<&'static str>,
    pub vague_nouns: HashSet<&'static str>,
    pub quantifiers: HashSet<&'static str>,
    /// Nouns of quantity before "of" ("a number of", "dozens of"): the people after are the head.
    pub quantity_nouns: HashSet<&'static str>,
    pub org_words: HashSet<&'static str>,
    pub outlets: HashSet<&'static str>,
    pub report_nouns: HashSet<&'static str>,
    pub role_nouns: HashSet<&'static str>,
    pub pronouns: HashSet<&'static str>,
    pub skip_before_cue: HashSet<&'static str>,
    /// Finite verbs of speech that end a subject read leftwards ("said", "dijo").
    pub finite_speech: HashSet<&'static str>,
    pub told_recipients: HashSet<&'static str>,
    /// Opinion words that also describe things ("weak", "tóxico"): opinions only about a person.
    pub opinion_person_only: HashSet<&'static str>,
    /// Stances, wishes and plans ("supports", "plans"): cues only for a named person or an institution.
    pub stance_verbs: HashSet<&'static str>,
    /// Cue verbs of nothing but speech or writing ("said", "wrote"; not "argued", "claimed").
    pub speech_only: HashSet<&'static str>,
    /// Cues of an act more than a statement ("posted", "showed", "found"): nothing with a source of no known sort.
    pub weak_cues: HashSet<&'static str>,
    /// The first word of every cue phrase, auxiliaries and other function words aside ("said", "declined",
    /// "according"): the rules decide what these words do, and the learned cue model leaves them alone.
    pub cue_words: HashSet<&'static str>,
}

/// First words of cue phrases that are not cues themselves ("it is believed", "did not respond").
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "it", "there", "as", "that", "is", "are", "was", "were", "be", "been", "has", "have", "had", "did", "do", "does",
    "could", "would", "may", "might", "will", "can", "not", "no", "el", "la", "los", "las", "se", "lo", "no", "ha", "han", "según",
];

/// A phrase found in the text, with what it does.
#[derive(Debug, Clone, Copy)]
pub struct Found<K> {
    pub start: usize,
    pub end: usize,
    pub kind: K,
}

fn is_word_char(c: char) -> bool {
    crate::wordset::is_alphanumeric(c) || c == '-' || c == '_'
}

/// Is `start..end` of `text` a whole-word match?
pub fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

impl LanguageLexicon {
    fn build(language: Language) -> Self {
        let l = language.as_str();
        let (cue_matcher, cue_kinds) = automaton(&[
            (CueKind::NotCue, file(l, "not_cues")),
            (CueKind::Hedge, file(l, "hedges")),
            (CueKind::Impersonal, file(l, "impersonal")),
            (CueKind::NoComment, file(l, "no_comment")),
            (CueKind::According, file(l, "according")),
            (CueKind::Speech, file(l, "speech_verbs")),
            (CueKind::Speech, file(l, "stance_verbs")),
        ]);
        let (check_matcher, check_kinds) = automaton(&[
            (CheckKind::Reason, file(l, "reasons")),
            (CheckKind::Boilerplate, file(l, "reason_boilerplate")),
            (CheckKind::Vantage, file(l, "vantage")),
            (CheckKind::Opinion, file(l, "opinion")),
            (CheckKind::Opinion, file(l, "opinion_person_only")),
        ]);
        let cue_words = ["speech_verbs", "stance_verbs", "according", "no_comment", "hedges", "impersonal", "not_cues"]
            .iter()
            .flat_map(|name| phrases(file(l, name)))
            .filter_map(|phrase| phrase.split_whitespace().next())
            .filter(|w| !FUNCTION_WORDS.contains(w))
            .collect();
        // Outlets: every language knows the English list too (CNN is cited in Spanish news).
        let mut outlets = set("en", "outlets");
        outlets.extend(set(l, "outlets"));
        LanguageLexicon {
            language,
            cue_matcher,
            cue_kinds,
            check_matcher,
            check_kinds,
            anonymous_nouns: set(l, "anonymous_nouns"),
            vague_nouns: set(l, "vague_nouns"),
            quantifiers: set(l, "quantifiers"),
            quantity_nouns: set(l, "quantity_nouns"),
            org_words: set(l, "org_words"),
            outlets,
            report_nouns: set(l, "report_nouns"),
            role_nouns: set(l, "role_nouns"),
            pronouns: set(l, "pronouns"),
            skip_before_cue: set(l, "skip_before_cue"),
            finite_speech: set(l, "finite_speech"),
            told_recipients: set(l, "told_recipients"),
            stance_verbs: set(l, "stance_verbs"),
            speech_only: set(l, "speech_only"),
            weak_cues: set(l, "weak_cues"),
            opinion_person_only: set(l, "opinion_person_only"),
            cue_words,
        }
    }

    /// Every whole-word cue phrase in `text[span]`, leftmost-longest, in order.
    /// `NotCue` matches are returned too, so the caller can see what they cancel.
    pub fn cues(&self, text: &str) -> Vec<Found<CueKind>> {
        find_iter(&self.cue_matcher, text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .map(|m| Found { start: m.start(), end: m.end(), kind: self.cue_kinds[m.pattern().as_usize()] })
            .collect()
    }

    /// Every whole-word standards phrase in `text`.
    pub fn checks(&self, text: &str) -> Vec<Found<CheckKind>> {
        find_iter(&self.check_matcher, text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .map(|m| Found { start: m.start(), end: m.end(), kind: self.check_kinds[m.pattern().as_usize()] })
            .collect()
    }
}

/// All lexicons, built once; each language's on first use (an English page never pays for the
/// Spanish automata, which take about as long to build as the English ones).
pub struct Lexicons {
    en: OnceLock<LanguageLexicon>,
    es: OnceLock<LanguageLexicon>,
    /// Abbreviation (lower case, no final period) → whether it may also end a sentence.
    abbreviations: HashMap<&'static str, bool>,
    /// The byte length of the longest abbreviation.
    longest_abbreviation: usize,
    sentence_openers: HashSet<&'static str>,
    pub first_names: HashSet<&'static str>,
    pub places: HashSet<&'static str>,
    pub outlet_words: HashSet<&'static str>,
    pub programme_words: HashSet<&'static str>,
}

impl Lexicons {
    pub fn shared() -> &'static Lexicons {
        static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
        LEXICONS.get_or_init(|| {
            let abbreviations: HashMap<&'static str, bool> = phrases(file("all", "abbreviations"))
                .map(|l| match l.strip_suffix("|end") {
                    Some(a) => (a, true),
                    None => (l, false),
                })
                .collect();
            Lexicons {
                en: OnceLock::new(),
                es: OnceLock::new(),
                longest_abbreviation: abbreviations.keys().map(|a| a.len()).max().unwrap_or(0),
                abbreviations,
                sentence_openers: set("all", "sentence_openers"),
                first_names: set("all", "first_names"),
                places: set("all", "places"),
                outlet_words: set("all", "outlet_words"),
                programme_words: set("all", "programme_words"),
            }
        })
    }

    /// No word of more characters than this is an abbreviation (lower-casing never makes fewer
    /// characters, and no character is less than a byte).
    pub fn longest_abbreviation(&self) -> usize {
        self.longest_abbreviation
    }

    pub fn language(&self, language: Language) -> &LanguageLexicon {
        match language {
            Language::En => self.en.get_or_init(|| LanguageLexicon::build(Language::En)),
            Language::Es => self.es.get_or_init(|| LanguageLexicon::build(Language::Es)),
        }
    }

    /// `Some(may_end_sentence)` when `word` (lower case, no final period) is an abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<bool> {
        self.abbreviations.get(word).copied()
    }

    pub fn is_sentence_opener(&self, word: &str) -> bool {
        self.sentence_openers.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_with_no_duplicates_and_lower_case_phrases() {
        for (lang, name, source) in FILES {
            let mut seen = HashSet::default();
            let mut count = 0;
            for phrase in phrases(source) {
                count += 1;
                assert!(seen.insert(phrase), "{lang}/{name}: duplicate phrase {phrase:?}");
                assert_eq!(phrase, phrase.trim(), "{lang}/{name}: stray space in {phrase:?}");
                assert_eq!(phrase.to_lowercase(), phrase, "{lang}/{name}: {phrase:?} is not lower case");
            }
            assert!(count > 0, "{lang}/{name} is empty");
        }
    }

    #[test]
    fn cue_phrases_are_unique_across_cue_files() {
        for lang in ["en", "es"] {
            let mut seen: HashMap<&str, &str> = HashMap::default();
            for name in ["speech_verbs", "according", "no_comment", "hedges", "impersonal", "not_cues"] {
                for phrase in phrases(file(lang, name)) {
                    if let Some(other) = seen.insert(phrase, name) {
                        panic!("{lang}: {phrase:?} is in both {other} and {name}");
                    }
                }
            }
        }
    }

    /// A phrase that can never match: its automaton never reports it on its own text,
    /// because a longer phrase of another kind always hides it or it is not a whole word.
    #[test]
    fn every_cue_and_check_phrase_can_match_on_its_own() {
        let lex = Lexicons::shared();
        for lexicon in [lex.language(Language::En), lex.language(Language::Es)] {
            let l = lexicon.language.as_str();
            for name in ["speech_verbs", "according", "no_comment", "hedges", "impersonal", "not_cues"] {
                for phrase in phrases(file(l, name)) {
                    let found = lexicon.cues(phrase);
                    assert!(
                        found.iter().any(|f| f.start == 0 && f.end == phrase.len()),
                        "{l}/{name}: {phrase:?} never matches as itself (found {found:?})"
                    );
                }
            }
            for name in ["reasons", "reason_boilerplate", "vantage", "opinion"] {
                for phrase in phrases(file(l, name)) {
                    let found = lexicon.checks(phrase);
                    assert!(found.iter().any(|f| f.start == 0 && f.end == phrase.len()), "{l}/{name}: {phrase:?} never matches as itself");
                }
            }
        }
    }

    /// The verb classes name cue words: a word that is no cue would never be asked about.
    #[test]
    fn every_verb_class_word_is_a_cue() {
        let lex = Lexicons::shared();
        for lexicon in [lex.language(Language::En), lex.language(Language::Es)] {
            let l = lexicon.language.as_str();
            for name in ["speech_only", "weak_cues", "finite_speech"] {
                for word in phrases(file(l, name)) {
                    let found = lexicon.cues(word);
                    assert!(
                        found.iter().any(|f| f.start == 0 && f.end == word.len() && f.kind == CueKind::Speech),
                        "{l}/{name}: {word:?} is no cue phrase (found {found:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn capitalise_upper_cases_the_first_letter_of_every_phrase_as_std_does() {
        for (lang, name, source) in FILES {
            for phrase in phrases(source) {
                let mut chars = phrase.chars();
                let std: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
                assert_eq!(capitalise(phrase).as_deref(), Some(std.as_str()), "{lang}/{name}: {phrase:?}");
            }
        }
        assert_eq!(capitalise("él").as_deref(), Some("Él"));
        assert_eq!(capitalise(""), None);
    }

    #[test]
    fn matches_are_whole_words_and_case_insensitive() {
        let lex = Lexicons::shared();
        let text = "Unsaid things. According to aides, aides SAID. Según fuentes.";
        let found: Vec<&str> = lex.language(Language::En).cues(text).iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(found, vec!["According to", "SAID"]);
        let found: Vec<&str> = lex.language(Language::Es).cues(text).iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(found, vec!["Según"]);
    }

    #[test]
    fn longest_phrase_wins() {
        let lex = Lexicons::shared();
        let text = "The CIA declined to comment.";
        let found = lex.language(Language::En).cues(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, CueKind::NoComment);
        assert_eq!(&text[found[0].start..found[0].end], "declined to comment");
    }
}
