//! Newsroom standards checks on anonymous sources: a reason for anonymity, the source's
//! vantage, how many they are, and whether they attack a person rather than report a fact.

use crate::case::to_lowercase;
use crate::classify::SourcePhrase;

use crate::lexicon::{CheckKind, Found, LanguageLexicon, Lexicons};
use crate::report::{ByteSpan, Count, Language, Reason};

/// What one group's mentions say, taken together: a reason or vantage given at any mention
/// holds for all of them ("the sources said" keeps the "familiar with the matter" of the first).
#[derive(Debug, Clone, Default)]
pub struct GroupChecks {
    pub reason: Option<(Reason, ByteSpan)>,
    pub vantage: Option<ByteSpan>,
}

impl GroupChecks {
    /// Adds what a sentence that mentions the group says.
    pub fn add_sentence(&mut self, text: &str, sentence: ByteSpan, lex: &LanguageLexicon) {
        let found = lex.checks(&text[sentence.start..sentence.end]);
        self.add_found(text, sentence, &found);
    }

    /// [`GroupChecks::add_sentence`] with the sentence's standards phrases already found
    /// (`LanguageLexicon::checks` of its text).
    pub fn add_found(&mut self, text: &str, sentence: ByteSpan, found: &[Found<CheckKind>]) {
        let piece = &text[sentence.start..sentence.end];
        for &f in found {
            let span = ByteSpan::new(sentence.start + f.start, sentence.start + f.end);
            match f.kind {
                CheckKind::Reason => {
                    if !matches!(self.reason, Some((Reason::Given, _))) {
                        self.reason = Some((Reason::Given, span));
                    }
                }
                CheckKind::Boilerplate => {
                    // "asking not to be identified because the talks are private" gives a reason after all.
                    let reason = if reason_follows(&piece[f.end..]) { Reason::Given } else { Reason::Boilerplate };
                    let better = match self.reason {
                        None => true,
                        Some((Reason::Boilerplate, _)) => reason == Reason::Given,
                        Some(_) => false,
                    };
                    if better {
                        let end = if reason == Reason::Given { sentence.start + clause_end(piece, f.end) } else { span.end };
                        self.reason = Some((reason, ByteSpan::new(span.start, end)));
                    }
                }
                CheckKind::Vantage => {
                    if self.vantage.is_none() {
                        self.vantage = Some(span);
                    }
                }
                CheckKind::Opinion => {}
            }
        }
    }

    pub fn reason_kind(&self) -> Reason {
        self.reason.map_or(Reason::None, |(r, _)| r)
    }
}

/// Does a real reason follow an anonymity phrase? "… because the talks are private" yes;
/// "… because they were not authorized to speak" no.
fn reason_follows(after: &str) -> bool {
    let window = to_lowercase(&after.chars().take(90).collect::<String>());
    let Some(at) = ["because", "since", "as they", "as he", "as she", "as the", "given", "to discuss", "to describe", "porque", "ya que", "dado que", "para hablar"]
        .iter()
        .filter_map(|w| window.find(w))
        .min()
    else {
        return false;
    };
    let rest = &window[at..];
    !["not authorized", "not authorised", "not permitted", "not allowed", "no estar autorizad", "no está autorizad"].iter().any(|b| rest.contains(b))
}

/// Where the clause that starts at byte `from` of `piece` ends: the next comma or the end.
fn clause_end(piece: &str, from: usize) -> usize {
    piece[from..].find([',', ';', '.']).map_or(piece.len(), |i| from + i)
}

/// How many one mention speaks for.
pub fn count(phrase: Option<&SourcePhrase>) -> Count {
    match phrase {
        Some(p) => Count { number: p.number, plural: p.plural },
        None => Count { number: None, plural: false },
    }
}

/// Does the claim characterise or attack a person rather than report a fact?
///
/// Three ways, all read in the claim (the cue just before it only says which frame it is in):
/// - an evaluative word of `opinion.txt` ("incompetent", "out of his depth", "un inepto"); the
///   words of its last section also describe things ("weak demand", "a toxic spill") and count
///   only when the claim points at a person;
/// - a characterising frame: "describe(d) Pryce as …", "dismissed the coach as …", "he was described
///   as …", "describió al alcalde como …", "lo calificó de …", whatever the words after it;
/// - a jab at a person's self-regard: "thinks he is the star of the show", "se cree el jefe".
pub fn opinion(text: &str, claim: ByteSpan, lex: &LanguageLexicon) -> bool {
    // Curly apostrophes read as straight ones ("can’t be trusted"); only a yes/no comes back,
    // so the rewrite need not keep offsets.
    let plain = text[claim.start..claim.end].replace('\u{2019}', "'");
    // The claim's words are split and lower-cased only when a rule needs them: most claims hold
    // no evaluative word, no "as"/"como"/"de" a frame needs, and no pronoun a jab needs.
    let words = std::cell::OnceCell::new();
    let words = || words.get_or_init(|| Words::new(lead_in(text, claim.start), &plain));
    let person_only = &lex.opinion_person_only;
    let by_word = lex.checks(&plain).into_iter().filter(|f| f.kind == CheckKind::Opinion).any(|f| {
        let phrase = to_lowercase(&plain[f.start..f.end]);
        !person_only.contains(phrase.as_str()) || words().points_at_person(f.start, f.end, lex)
    });
    // A jab needs a pronoun and one of the verbs that open its patterns (`SELF_REGARD_*`): both are
    // looked for before the claim is split into words (a claim full of "he said" has the one, not the other).
    let (frame_words, jab_words, jab_verbs): (&[&str], &[&str], &[&str]) = match lex.language {
        Language::En => (&["as"], &["he", "she", "himself", "herself"], &["thinks", "believes", "acts", "behaves", "fancies", "sees", "considers"]),
        Language::Es => (&["como", "de"], &["se"], &["cree", "ve", "siente"]),
    };
    if by_word {
        return true;
    }
    // One pass over the claim's words for all three lists.
    let (mut frame, mut jab, mut jab_verb) = (false, false, false);
    for w in plain.split(|c: char| !crate::wordset::is_alphanumeric(c)).filter(|w| !w.is_empty() && w.len() <= 9) {
        let is = |wanted: &[&str]| wanted.iter().any(|x| w.eq_ignore_ascii_case(x));
        frame |= is(frame_words);
        jab |= is(jab_words);
        jab_verb |= is(jab_verbs);
    }
    (frame && characterising_frame(words(), lex)) || (jab && jab_verb && self_regard(&plain, lex))
}


/// The words just before the claim in its sentence (the cue, and a clitic before it: "lo
/// describió"), at most three: they decide a frame, never an evaluation.
fn lead_in(text: &str, start: usize) -> &str {
    let before = &text[..start];
    let (mut words, mut in_word, mut cut) = (0, false, 0);
    for (i, c) in before.char_indices().rev() {
        if start - i > 160 {
            cut = i + c.len_utf8();
            break;
        }
        if matches!(c, '.' | '!' | '?' | ';' | '\n' | '"' | '\u{201D}' | '\u{BB}') {
            cut = i + c.len_utf8();
            break;
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                in_word = false;
                if words == 3 {
                    cut = i;
                    break;
                }
            }
        } else {
            in_word = true;
        }
    }
    &before[cut..]
}

/// One word of the lead-in and claim, lower-cased.
#[derive(Debug)]
struct Word {
    lower: String,
    /// Written with a capital, not at the start of the claim or of a sentence in it.
    capital: bool,
    /// Part of the lead-in (the cue), not of the claim.
    lead: bool,
    /// Byte offsets in the claim (lead-in words: 0..0).
    start: usize,
    end: usize,
    /// A comma, quote, dash or stop comes right after it.
    break_after: bool,
}

struct Words(Vec<Word>);

fn word_char(c: char) -> bool {
    crate::wordset::is_alphanumeric(c) || matches!(c, '\'' | '-')
}

impl Words {
    fn new(lead: &str, claim: &str) -> Words {
        // The claim starts a sentence only when nothing of its sentence comes before it.
        let mut sentence_start = true;
        let mut out = Vec::new();
        Self::push(&mut out, lead, true, &mut sentence_start);
        Self::push(&mut out, claim, false, &mut sentence_start);
        Words(out)
    }

    fn push(out: &mut Vec<Word>, piece: &str, lead: bool, sentence_start: &mut bool) {
        let mut word: Option<usize> = None;
        for (i, c) in piece.char_indices().chain(std::iter::once((piece.len(), ' '))) {
            if word_char(c) {
                word.get_or_insert(i);
                continue;
            }
            if let Some(s) = word.take() {
                let w = piece[s..i].trim_matches(['\'', '-']);
                if !w.is_empty() {
                    let first_upper = w.chars().next().is_some_and(char::is_uppercase);
                    out.push(Word {
                        lower: to_lowercase(w),
                        capital: first_upper && !*sentence_start,
                        lead,
                        start: if lead { 0 } else { s },
                        end: if lead { 0 } else { i },
                        break_after: false,
                    });
                    *sentence_start = false;
                }
            }
            if !c.is_whitespace() {
                // "Ms." and "Gov." neither end a clause nor start a sentence.
                let abbreviation = c == '.' && out.last().is_some_and(|w| Lexicons::shared().abbreviation(&w.lower).is_some());
                if let Some(last) = out.last_mut().filter(|_| !abbreviation) {
                    last.break_after = true;
                }
                if matches!(c, '.' | '!' | '?' | '"' | '\u{201C}' | '\u{AB}' | ':') && !abbreviation {
                    *sentence_start = true;
                }
            }
        }
    }

    /// Does the claim name or point at a person near the phrase at `start..end` of the claim:
    /// in the words before it (up to eight, same clause or not), or as the noun right after it
    /// ("a toxic boss")?
    fn points_at_person(&self, start: usize, end: usize, lex: &LanguageLexicon) -> bool {
        // Lead-in words come first, then the claim's in order: binary searches keep this
        // logarithmic however many evaluative words a long claim holds.
        let ws = &self.0;
        let first = ws.partition_point(|w| w.lead || w.start < start);
        let next = ws.partition_point(|w| w.lead || w.end <= end);
        let before = ws[..first].iter().rev().take_while(|w| !w.lead).take(8);
        before.chain(ws.get(next)).any(|w| is_person_word(w, lex))
    }
}

const PERSON_WORDS_EN: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me", "my", "you", "your", "man", "woman", "guy",
    "boss", "someone", "somebody", "person", "colleague", "colleagues", "deputy", "aide", "aides", "player", "players",
    "striker", "executive", "official", "host", "presenter", "husband", "wife", "boyfriend", "girlfriend",
];
const PERSON_WORDS_ES: &[&str] = &[
    "él", "ella", "ellos", "ellas", "hombre", "mujer", "chico", "chica", "tipo", "alguien", "persona", "jefe", "jefa",
    "compañero", "compañera", "compañeros", "presentador", "presentadora", "marido", "esposa", "novio", "novia",
];

/// A word that names or points at a person: a personal pronoun, a role ("the manager",
/// "el alcalde"), a person noun, or a capitalised name that is not an organisation or place.
fn is_person_word(w: &Word, lex: &LanguageLexicon) -> bool {
    let list = match lex.language {
        Language::En => PERSON_WORDS_EN,
        Language::Es => PERSON_WORDS_ES,
    };
    if list.contains(&w.lower.as_str()) || lex.role_nouns.contains(w.lower.as_str()) {
        return true;
    }
    let name = w.lower.strip_suffix("'s").unwrap_or(&w.lower);
    w.capital
        && !FUNCTION_WORDS.contains(&name)
        && !lex.org_words.contains(name)
        && !lex.outlets.contains(name)
        && !Lexicons::shared().places.contains(name)
        && !MONTHS_AND_DAYS.contains(&name)
}

/// Capitalised after a cue ("said The …") or in a title, and still no name.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "our", "their", "its", "this", "that", "these", "those", "it", "we", "they", "there", "but",
    "and", "or", "if", "when", "in", "on", "at", "for", "of", "to", "el", "la", "los", "las", "un", "una", "su", "sus",
    "nuestro", "nuestra", "este", "esta", "ese", "esa", "pero", "y", "si", "cuando", "en", "de", "con",
];

const MONTHS_AND_DAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
];

/// Verbs by which the speaker casts someone as something: "describe X as", "calificar a X de".
/// Not "see X as" or "considerar": those more often report what someone else thinks
/// ("he viewed Sanders as a threat") than characterise.
const FRAME_VERBS_EN: &[&str] = &[
    "describe", "describes", "described", "describing", "characterise", "characterises", "characterised",
    "characterize", "characterizes", "characterized", "portray", "portrays", "portrayed", "paint", "paints",
    "painted", "depict", "depicts", "depicted", "dismiss", "dismisses", "dismissed", "brand", "brands", "branded",
    "label", "labels", "labelled", "labeled", "deride", "derides", "derided", "mock", "mocks", "mocked", "ridicule",
    "ridicules", "ridiculed",
];
const FRAME_VERBS_ES: &[&str] = &[
    "describe", "describen", "describió", "describieron", "describía", "describían", "descrito", "define",
    "definen", "definió", "definieron", "definía", "definido", "califica", "califican", "calificó", "calificaron",
    "calificaba", "calificado", "tacha", "tachan", "tachó", "tacharon", "tachaba", "tachado", "retrata", "retratan",
    "retrató", "retrataron", "pinta", "pintan", "pintó", "pintaron", "tilda", "tildan", "tildó", "tildaron",
    "ridiculiza", "ridiculizó",
];
/// Nouns that make "as a … who" / "como un … que" a person whatever the object was.
const COMPLEMENT_PEOPLE_EN: &[&str] = &[
    "man", "woman", "person", "someone", "somebody", "guy", "figure", "leader", "boss", "manager", "politician",
    "character", "kid", "type",
];
const COMPLEMENT_PEOPLE_ES: &[&str] = &["hombre", "mujer", "persona", "alguien", "chico", "chica", "tipo", "personaje", "líder", "jefe", "jefa"];

/// "described Pryce as …", "sees his deputy as …", "he was described as …", "describió a Salcedo
/// como …", "lo calificó de …": a characterisation of a person, whatever its words.
fn characterising_frame(words: &Words, lex: &LanguageLexicon) -> bool {
    let ws = &words.0;
    let (frames, as_words, clitics, people): (&[&str], &[&str], &[&str], &[&str]) = match lex.language {
        Language::En => (FRAME_VERBS_EN, &["as"], &[], COMPLEMENT_PEOPLE_EN),
        Language::Es => (FRAME_VERBS_ES, &["como", "de"], &["lo", "la", "le", "los", "las", "les", "me", "te"], COMPLEMENT_PEOPLE_ES),
    };
    for (i, w) in ws.iter().enumerate() {
        if !frames.contains(&w.lower.as_str()) || w.break_after {
            continue;
        }
        // The object runs up to "as"/"como"/"de", within six words and one clause.
        let mut j = i + 1;
        while j < ws.len() && j <= i + 7 && !as_words.contains(&ws[j].lower.as_str()) {
            if ws[j].break_after && !ws[j].lower.ends_with("'s") {
                break;
            }
            j += 1;
        }
        if j >= ws.len() || !as_words.contains(&ws[j].lower.as_str()) || ws[j].lead {
            continue;
        }
        let object = &ws[i + 1..j];
        let complement_person = ws.get(j + 1..(j + 5).min(ws.len())).is_some_and(|c| {
            matches!(c.first().map(|w| w.lower.as_str()), Some("a" | "an" | "un" | "una" | "someone" | "alguien"))
                && c.iter().any(|w| people.contains(&w.lower.as_str()))
        });
        let person = match lex.language {
            Language::En if object.is_empty() => passive_person(&ws[..i], lex),
            Language::En => {
                object.iter().any(|o| is_person_word(o, lex))
                    && !object.iter().any(|o| matches!(o.lower.as_str(), "it" | "this" | "that" | "himself" | "herself" | "themselves" | "myself" | "ourselves"))
            }
            // Spanish marks a person object with "a": "describió a Salcedo como", "al alcalde".
            Language::Es if !object.is_empty() => {
                matches!(object[0].lower.as_str(), "a" | "al")
                    && object.len() > 1
                    && !object[1..].iter().any(|o| lex.org_words.contains(o.lower.as_str()) || Lexicons::shared().places.contains(o.lower.as_str()))
            }
            // "lo describió como …": the clitic stands for someone, or something ("la propuesta"):
            // a person only when the complement says so.
            Language::Es => i > 0 && clitics.contains(&ws[i - 1].lower.as_str()) && complement_person,
        };
        // Someone describing themselves ("described himself as a conservative") judges nobody else.
        let reflexive = object.iter().any(|o| matches!(o.lower.as_str(), "himself" | "herself" | "themselves" | "myself" | "ourselves" | "sí" | "mismo" | "misma"));
        if !reflexive && (person || (complement_person && !object.is_empty())) {
            return true;
        }
    }
    false
}

/// "he was described as", "Devlin is seen as", "the coach has been branded as": a person
/// as the subject of a passive frame, within four words before it.
fn passive_person(before: &[Word], lex: &LanguageLexicon) -> bool {
    let n = before.len();
    let aux = before.iter().rev().take(3).any(|w| matches!(w.lower.as_str(), "is" | "was" | "are" | "were" | "been" | "being" | "be"));
    aux && before[n.saturating_sub(5)..].iter().any(|w| !w.lead && is_person_word(w, lex) && !matches!(w.lower.as_str(), "his" | "her" | "my" | "your"))
}

/// "thinks he is the star of the show", "acts like she is above the rules", "se cree el dueño":
/// a jab at someone's self-regard.
fn self_regard(claim: &str, lex: &LanguageLexicon) -> bool {
    let words = plain_words(claim);
    let patterns: &[&[Slot]] = match lex.language {
        Language::En => SELF_REGARD_EN,
        Language::Es => SELF_REGARD_ES,
    };
    (0..words.len()).any(|i| patterns.iter().any(|p| matches_at(&words, i, p)))
}

/// One place in a word pattern: any of the phrases (words separated by spaces), or none when optional.
struct Slot(&'static [&'static str], bool);
const fn one_of(phrases: &'static [&'static str]) -> Slot {
    Slot(phrases, false)
}
const fn maybe(phrases: &'static [&'static str]) -> Slot {
    Slot(phrases, true)
}

const SELF_REGARD_EN: &[&[Slot]] = &[
    &[
        one_of(&["thinks", "believes", "acts as if", "acts like", "behaves as if", "behaves like"]),
        one_of(&["he", "she"]),
        maybe(&["is", "was"]),
        one_of(&[
            "the star", "the boss", "the smartest", "the only one", "above", "better than", "bigger than", "smarter than", "cleverer than",
            "untouchable", "invincible", "irreplaceable", "god's gift", "more important",
        ]),
    ],
    &[one_of(&["fancies", "sees"]), one_of(&["himself", "herself"]), one_of(&["as"])],
    &[one_of(&["considers"]), one_of(&["himself", "herself"]), one_of(&["above", "better", "superior", "the", "a", "an"])],
];
const SELF_REGARD_ES: &[&[Slot]] = &[
    &[
        one_of(&["se cree"]),
        one_of(&[
            "el estrella", "la estrella", "el jefe", "la jefa", "el dueño", "la dueña", "el rey", "la reina", "el protagonista", "la protagonista",
            "el ombligo", "el centro", "el mejor", "la mejor", "el más listo", "la más lista", "superior", "intocable", "imprescindible",
            "por encima", "mejor que",
        ]),
    ],
    &[one_of(&["se ve", "se siente"]), one_of(&["por encima", "superior", "intocable"])],
];

/// Lower-case words of `text`, apostrophes kept inside words, and "he's" read as "he is".
fn plain_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for w in text.split(|c: char| !(crate::wordset::is_alphanumeric(c) || c == '\'' || c == '’')) {
        let w = to_lowercase(w.trim_matches(|c| c == '\'' || c == '’')).replace('’', "'");
        match w.strip_suffix("'s").filter(|b| matches!(*b, "he" | "she")) {
            Some(base) => {
                words.push(base.to_string());
                words.push("is".to_string());
            }
            None if !w.is_empty() => words.push(w),
            None => {}
        }
    }
    words
}

/// Whether `pattern` matches `words` starting at word `i`.
fn matches_at(words: &[String], i: usize, pattern: &[Slot]) -> bool {
    let Some((slot, rest)) = pattern.split_first() else {
        return true;
    };
    let phrase_at = |phrase: &str| {
        // The first word rules out nearly every phrase at nearly every place: test it before counting.
        let first_word_is = |w: &str| phrase.starts_with(w) && (phrase.len() == w.len() || phrase.as_bytes()[w.len()] == b' ');
        if words.get(i).is_none_or(|w| !first_word_is(w)) {
            return None;
        }
        let n = phrase.split(' ').count();
        (i + n <= words.len() && phrase.split(' ').zip(&words[i..i + n]).all(|(p, w)| p == w)).then_some(n)
    };
    slot.0.iter().filter_map(|p| phrase_at(p)).any(|n| matches_at(words, i + n, rest)) || (slot.1 && matches_at(words, i, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;
    use crate::report::Language;

    fn checks(s: &str) -> GroupChecks {
        let mut g = GroupChecks::default();
        g.add_sentence(s, ByteSpan::new(0, s.len()), Lexicons::shared().language(Language::En));
        g
    }

    #[test]
    fn reasons_rank_given_over_boilerplate() {
        assert_eq!(checks("said an official who was not authorized to speak publicly.").reason_kind(), Reason::Boilerplate);
        assert_eq!(
            checks("said an official who spoke on condition of anonymity to discuss private deliberations.").reason_kind(),
            Reason::Given
        );
        assert_eq!(checks("sources said.").reason_kind(), Reason::None);
        assert_eq!(checks("the people said, asking not to be identified because the discussions are private.").reason_kind(), Reason::Given);
        assert_eq!(
            checks("an aide said, speaking on condition of anonymity because he was not authorized to comment.").reason_kind(),
            Reason::Boilerplate
        );
    }

    #[test]
    fn vantage_phrases() {
        assert!(checks("sources familiar with the matter told CNN").vantage.is_some());
        assert!(checks("two people briefed on the talks said").vantage.is_some());
        assert!(checks("officials said").vantage.is_none());
    }

    #[test]
    fn opinion_words() {
        let lex = Lexicons::shared().language(Language::En);
        let t = "An aide described the coach as erratic and out of his depth.";
        assert!(opinion(t, ByteSpan::new(0, t.len()), lex));
        let t = "The strike destroyed the dock.";
        assert!(!opinion(t, ByteSpan::new(0, t.len()), lex));
    }

    /// Is the claim that starts with `claim` (after the cue of `sentence`) and runs to the end an opinion?
    fn op(language: Language, sentence: &str, claim: &str) -> bool {
        let start = sentence.find(claim).expect("claim in sentence");
        opinion(sentence, ByteSpan::new(start, sentence.len()), Lexicons::shared().language(language))
    }

    #[test]
    fn english_characterisations_are_opinions() {
        let en = |s: &str, c: &str| op(Language::En, s, c);
        // A characterising frame, whatever the words after it.
        assert!(en("A former aide described the governor as \"a man who has never finished a project.\"", "the governor as"));
        assert!(en("Two colleagues portrayed Ms. Okafor as someone who takes credit for other people's work.", "Ms. Okafor as"));
        assert!(en("One adviser dismissed him as a tourist in the party.", "him as a tourist"));
        assert!(en("Staff said the chief had been branded as a lone wolf by his own deputies.", "the chief had been"));
        // Judgments of character and competence.
        assert!(en("Two staffers said the director is stubborn and obsessed with headlines.", "the director is"));
        assert!(en("One official said the minister has lost the confidence of her own cabinet.", "the minister has"));
        assert!(en("A person close to the squad said the coach was out of his league.", "the coach was"));
        assert!(en("A producer said the host was a nightmare to work with.", "the host was"));
        assert!(en("A producer said the host can’t be trusted with a live microphone.", "the host can"));
        // Words that also describe things count once a person is near.
        assert!(en("A colleague said the senator is weak and easily led.", "the senator is"));
        assert!(en("One insider said Marsh had become a liability for the club.", "Marsh had"));
        // Self-regard.
        assert!(en("The insider said Marsh thinks he is above the rules.", "Marsh thinks"));
        assert!(en("A crew member said the presenter thinks she’s better than everyone else.", "the presenter thinks"));
        // Praise characterises too.
        assert!(en("A teammate said the captain works harder than anyone at the club.", "the captain works"));
    }

    #[test]
    fn both_opinion_files_mark_their_person_only_section() {
        assert!(Lexicons::shared().language(Language::En).opinion_person_only.contains("weak"));
        assert!(Lexicons::shared().language(Language::Es).opinion_person_only.contains("tóxico"));
        assert!(!Lexicons::shared().language(Language::En).opinion_person_only.contains("incompetent"));
    }

    #[test]
    fn english_facts_are_not_opinions() {
        let en = |s: &str, c: &str| op(Language::En, s, c);
        assert!(!en("Officials said demand was weak in the third quarter.", "demand was"));
        assert!(!en("A source said the spill left toxic residue along the river.", "the spill left"));
        assert!(!en("A source said crews had tried in vain to reach the boat.", "crews had"));
        assert!(!en("The person said the launch was a disaster for the supplier's share price.", "the launch was"));
        assert!(!en("The person said the company described the results as disappointing.", "the company described"));
        assert!(!en("Sources said the minister described herself as a pragmatist.", "the minister described"));
        assert!(!en("Officials said the talks would resume on Monday, with 40 delegates expected.", "the talks would"));
        assert!(!en("The source said the mayor thinks he is going to win the vote.", "the mayor thinks"));
        assert!(!en("Two people said Lopez plans to step down in March after 11 years.", "Lopez plans"));
    }

    #[test]
    fn spanish_characterisations_are_opinions() {
        let es = |s: &str, c: &str| op(Language::Es, s, c);
        assert!(es("Una fuente del partido describió a la consejera como «alguien que no escucha a nadie».", "a la consejera como"));
        assert!(es("Un colaborador calificó al director de «veleta».", "al director de"));
        assert!(es("Una fuente lo describió como «un hombre sin palabra».", "como «un hombre"));
        assert!(es("Fuentes del vestuario aseguraron que el entrenador es un cabezota y que no está a la altura.", "que el entrenador"));
        assert!(es("Un colaborador dijo que la ministra se cree la dueña del ministerio.", "que la ministra"));
        assert!(es("Fuentes del equipo dijeron que el director es tóxico.", "que el director"));
        assert!(es("Un compañero aseguró que Ibarra trabaja más que nadie en la redacción.", "que Ibarra"));
    }

    #[test]
    fn spanish_facts_are_not_opinions() {
        let es = |s: &str, c: &str| op(Language::Es, s, c);
        assert!(!es("Fuentes del sector dijeron que el vertido es tóxico para los peces.", "que el vertido"));
        assert!(!es("Una fuente describió la propuesta como insuficiente.", "la propuesta como"));
        assert!(!es("Una fuente la describió como una propuesta sensata.", "como una propuesta"));
        assert!(!es("Fuentes del club describieron al Gobierno como lento en los pagos.", "al Gobierno como"));
        assert!(!es("Fuentes del ministerio explicaron que la reunión se celebrará el martes con 12 delegaciones.", "que la reunión"));
        assert!(!es("Fuentes policiales dijeron que se cree que el incendio empezó en la cocina.", "que se cree"));
        assert!(!es("Fuentes del club indicaron que es inútil negociar antes de enero.", "que es inútil"));
    }
}

