//! The whole text at once: each attribution's kind, the groups of mentions that are one
//! source ("sources familiar with the matter" … "the sources said" … "one of the sources"),
//! pronouns and roles that point back ("he said", "the secretary said"), and quoted
//! sentences that continue an earlier attribution.

use crate::attribution::{trimmed, RawAttribution};
use crate::case::to_lowercase;
use crate::classify::{read, same_head, Known, SourcePhrase};
use crate::lexicon::{CheckKind, CueKind, Found, LanguageLexicon};
use crate::report::{ByteSpan, Kind};
use crate::segment::Sentence;
use rustc_hash::FxHashMap;

/// An attribution with its kind and group decided.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub sentence: usize,
    pub cue: ByteSpan,
    pub cue_kind: CueKind,
    pub source: Option<ByteSpan>,
    pub claim: ByteSpan,
    pub kind: Kind,
    pub group: Option<usize>,
    /// Index (in the resolved list) of the attribution this quoted sentence continues.
    pub continues: Option<usize>,
    /// The source's words, read; for continuations and implicit subjects, the earlier mention's.
    pub phrase: Option<SourcePhrase>,
}

/// One distinct source.
#[derive(Debug, Clone)]
pub struct GroupState {
    pub kind: Kind,
    pub label: String,
    pub head: String,
    pub surname: Option<String>,
    pub plural: bool,
    pub singular_person: bool,
    pub last_sentence: usize,
    /// Lower-case words of every mention: "the secretary" finds "Secretary of Defense Pete Hegseth".
    pub words: Vec<String>,
    /// `words` joined by spaces, kept beside them: a later mention's key is looked for in it (one
    /// substring search a group, not a join).
    pub joined: String,
}

impl GroupState {
    fn add_word(&mut self, word: String) {
        if !self.words.is_empty() {
            self.joined.push(' ');
        }
        self.joined.push_str(&word);
        self.words.push(word);
    }
}

/// How many of the most recently mentioned groups a back-reference looks through: enough for any
/// article, and it keeps the whole pass linear in the text's length.
const RECENT_GROUPS: usize = 48;

struct State<'a> {
    text: &'a str,
    known: Known,
    /// Group ids, most recently mentioned first (at most `RECENT_GROUPS`).
    recently: std::collections::VecDeque<usize>,
    /// Named groups by surname, for "Lopez said" long after "Maria Lopez".
    by_surname: FxHashMap<String, usize>,
    groups: Vec<GroupState>,
    out: Vec<Resolved>,
    /// The cue phrases of each sentence that holds an attribution, as `attribution::find_in_sentence`
    /// found them (empty for the others): searched once a sentence.
    sentence_cues: &'a [(usize, Vec<Found<CueKind>>)],
    /// The standards phrases of each sentence, searched the first time one is asked about
    /// (`sentence_phrases`) and kept for the caller's standards checks.
    sentence_checks: &'a mut FxHashMap<usize, Vec<Found<CheckKind>>>,
}

impl State<'_> {
    /// The cue and standards phrases of sentence `index` (`text`), each in order, searched once a sentence.
    fn sentence_phrases(&mut self, index: usize, text: &str, lex: &LanguageLexicon) -> (&[Found<CueKind>], &[Found<CheckKind>]) {
        let checks = self.sentence_checks.entry(index).or_insert_with(|| lex.checks(text));
        let at = self.sentence_cues.partition_point(|&(s, _)| s < index);
        let cues = self.sentence_cues.get(at).filter(|&&(s, _)| s == index).map_or(&[][..], |(_, cues)| cues.as_slice());
        (cues, checks)
    }

    fn touch(&mut self, group: usize) {
        if let Some(at) = self.recently.iter().position(|&g| g == group) {
            self.recently.remove(at);
        }
        self.recently.push_front(group);
        self.recently.truncate(RECENT_GROUPS);
    }

    fn new_group(&mut self, kind: Kind, span: ByteSpan, phrase: &SourcePhrase, sentence: usize) -> usize {
        // "La alcaldesa, Carmen Villalobos", "Chief Executive Mira Chandran": a role with a full name at its end.
        if kind == Kind::Named && phrase.surname().is_none() {
            if let Some(surname) = trailing_full_name_surname(&self.text[span.start..span.end]) {
                self.by_surname.insert(surname.to_string(), self.groups.len());
            }
        }
        if let Some(surname) = phrase.surname() {
            if !self.known.people.contains(surname) {
                self.known.people.insert(surname.to_string());
            }
            if kind == Kind::Named {
                self.by_surname.insert(surname.to_string(), self.groups.len());
            }
        }
        self.touch(self.groups.len());
        self.groups.push(GroupState {
            kind,
            label: self.text[span.start..span.end].to_string(),
            head: phrase.head.clone(),
            surname: phrase.surname().map(str::to_string),
            plural: phrase.plural,
            singular_person: matches!(kind, Kind::Named) || (kind == Kind::Anonymous && !phrase.plural),
            last_sentence: sentence,
            words: phrase.words.clone(),
            joined: phrase.words.join(" "),
        });
        self.groups.len() - 1
    }

    fn join(&mut self, group: usize, phrase: &SourcePhrase, sentence: usize) -> usize {
        self.touch(group);
        let g = &mut self.groups[group];
        g.last_sentence = sentence;
        g.plural |= phrase.plural;
        for w in &phrase.words {
            if !g.words.contains(w) {
                g.add_word(w.clone());
            }
        }
        group
    }

    /// The most recently mentioned group that satisfies `pred`, among the last `RECENT_GROUPS`.
    fn recent(&self, pred: impl Fn(&GroupState) -> bool) -> Option<usize> {
        self.recently.iter().copied().find(|&g| pred(&self.groups[g]))
    }
}

/// `hay.contains(needle)` for the few words of a group: each place that starts with the needle's
/// first byte is compared (std's two-way searcher costs more to set up than such a search).
fn contains_short(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    needle.len() <= hay.len() && (0..=hay.len() - needle.len()).any(|i| hay[i] == first && &hay[i..i + needle.len()] == needle)
}

/// The surname of a full name ending a phrase: "El entrenador del Montalbán, Julio Esparza" → "Esparza";
/// none when the phrase does not end in two capitalised words.
fn trailing_full_name_surname(label: &str) -> Option<&str> {
    let mut words = label.split_whitespace().rev();
    let last = words.next()?.trim_end_matches(|c: char| !c.is_alphanumeric());
    let before = words.next()?.trim_matches(|c: char| !c.is_alphanumeric());
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase);
    (capital(last) && capital(before)).then_some(last)
}

/// A cue the learned model found (`attribution::learned`) reads beliefs, plans and acts far more than
/// speech: it is attributed only to a named person, to "he" or "she" (a person named or quoted before), or
/// to an institution — never to a crowd, a report or another outlet, so that the flags are the rules' alone.
fn learned_source_on_record(phrase: &SourcePhrase, lex: &LanguageLexicon) -> bool {
    let institution = phrase.institution
        && phrase.outlet.is_none()
        && !lex.vague_nouns.contains(phrase.head.as_str())
        && !lex.report_nouns.contains(phrase.head.as_str())
        && !lex.anonymous_nouns.contains(phrase.head.as_str());
    phrase.person.is_some() || institution || matches!(phrase.pronoun.as_deref(), Some("he" | "she"))
}

/// Decides kinds and groups for every raw attribution, in document order. `sentence_cues` holds,
/// for each sentence with an attribution (in order, by index), its cue phrases (`LanguageLexicon::cues`
/// of its text); `sentence_checks` gets the standards phrases of the sentences searched for them, by index.
pub fn resolve(
    text: &str,
    sentences: &[Sentence],
    raws: Vec<RawAttribution>,
    lex: &LanguageLexicon,
    sentence_cues: &[(usize, Vec<Found<CueKind>>)],
    sentence_checks: &mut FxHashMap<usize, Vec<Found<CheckKind>>>,
) -> (Vec<Resolved>, Vec<GroupState>) {
    let mut state = State {
        text,
        known: Known::scan(text),
        recently: std::collections::VecDeque::with_capacity(RECENT_GROUPS + 1),
        by_surname: FxHashMap::default(),
        groups: Vec::new(),
        out: Vec::with_capacity(raws.len()),
        sentence_cues,
        sentence_checks,
    };
    for raw in raws {
        if let Some(r) = decide(&mut state, sentences, raw, lex) {
            state.out.push(r);
        }
    }
    merge_same_source_in_sentence(&mut state.out, text);
    add_continuations(text, sentences, &mut state.out);
    (state.out, state.groups)
}

fn decide(state: &mut State, sentences: &[Sentence], raw: RawAttribution, lex: &LanguageLexicon) -> Option<Resolved> {
    let base = |kind: Kind, group: Option<usize>, phrase: Option<SourcePhrase>| Resolved {
        sentence: raw.sentence,
        cue: raw.cue,
        cue_kind: raw.cue_kind,
        source: raw.source,
        claim: raw.claim,
        kind,
        group,
        continues: None,
        phrase,
    };
    match raw.cue_kind {
        CueKind::Hedge => return Some(base(Kind::Unverified, None, None)),
        CueKind::Impersonal => return Some(base(Kind::Vague, None, None)),
        _ => {}
    }
    let Some(span) = raw.source else {
        // No subject of its own: the latest source, if it is recent enough to be the same.
        let previous = state.out.iter().rev().find(|r| r.kind != Kind::Unverified && raw.sentence.saturating_sub(r.sentence) <= 3)?;
        let (kind, group, phrase) = (previous.kind, previous.group, previous.phrase.clone());
        if let Some(g) = group {
            state.groups[g].last_sentence = raw.sentence;
            state.touch(g);
        }
        return Some(base(kind, group, phrase));
    };
    let sentence = &sentences[raw.sentence];
    let opens_sentence = state.text[sentence.span.start..span.start].chars().all(|c| !crate::wordset::is_alphanumeric(c));
    let phrase = read(state.text, span, opens_sentence, lex, &state.known);
    // Lower case; most cues are already (then borrowed, not copied).
    let cue_text = &state.text[raw.cue.start..raw.cue.end];
    let cue_word: std::borrow::Cow<str> =
        if cue_text.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) { to_lowercase(cue_text).into() } else { cue_text.into() };
    let s = raw.sentence;

    // "the documents show", "polls showed": evidence speaks only as a record, a poll or an institution's
    // data; "the results showed", "the president showed a photo" attribute nothing.
    if matches!(cue_word.as_ref(), "show" | "shows" | "showed" | "muestra" | "muestran" | "mostró" | "mostraron")
        && !(phrase.words.iter().any(|w| RECORDS.contains(&w.as_str()) || EVIDENCE.contains(&w.as_str())) || phrase.outlet.is_some() || lex.report_nouns.contains(phrase.head.as_str()))
    {
        return None;
    }

    // "Sanders supports a $15 wage", "the company plans to cut jobs": a stance is attributed to a named
    // person or an institution only; a crowd's or an unnamed person's wishes rest on no one.
    if (raw.learned && !learned_source_on_record(&phrase, lex)) || lex.stance_verbs.contains(cue_word.as_ref())
        && !(phrase.person.is_some()
            || (phrase.institution && !lex.vague_nouns.contains(phrase.head.as_str()))
            || matches!(phrase.pronoun.as_deref(), Some("he" | "she" | "él" | "ella"))
            || (opens_sentence && phrase.words.len() <= 3 && state.text[span.start..span.end].split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))))
    {
        return None;
    }

    // "One said", "Another added", "One of them said": one member of the latest group of several.
    let word = |k: usize| phrase.words.get(k).map_or("", String::as_str);
    let member = match phrase.words.len() {
        1 => matches!(word(0), "one" | "another" | "uno" | "una" | "otro" | "otra"),
        3 => matches!((word(0), word(1), word(2)), ("one" | "two", "of", "them") | ("uno", "de", "ellos") | ("una", "de", "ellas")),
        _ => false,
    };
    if member {
        let g = state.recent(|g| g.plural && s.saturating_sub(g.last_sentence) <= 4 && g.kind != Kind::Named)?;
        let kind = state.groups[g].kind;
        let mut one = phrase.clone();
        one.number = Some(if word(0) == "two" || word(0) == "dos" { 2 } else { 1 });
        one.plural = one.number > Some(1);
        one.one_of = true;
        state.join(g, &phrase, s);
        return Some(base(kind, Some(g), Some(one)));
    }

    // Pronouns point back.
    if let Some(pronoun) = phrase.pronoun.as_deref() {
        let (kind, group) = match pronoun {
            "it" | "we" => match state.recent(|g| g.kind == Kind::Organisation) {
                Some(g) => (Kind::Organisation, state.join(g, &phrase, s)),
                None => (Kind::Organisation, state.new_group(Kind::Organisation, span, &phrase, s)),
            },
            "they" | "them" | "ellos" | "ellas" => {
                match state.recent(|g| g.plural && s.saturating_sub(g.last_sentence) <= 4 && g.kind != Kind::Named) {
                    Some(g) => (state.groups[g].kind, state.join(g, &phrase, s)),
                    None => (Kind::Vague, state.new_group(Kind::Vague, span, &phrase, s)),
                }
            }
            // "he", "she": a named person mentioned in the last few sentences first, else any one person.
            // "he", "she": the latest single person — a named one within six sentences, an unnamed one within two.
            _ => match state.recent(|g| {
                let ago = s.saturating_sub(g.last_sentence);
                g.singular_person && (if g.kind == Kind::Named { ago <= 6 } else { ago <= 2 })
            }) {
                Some(g) => (state.groups[g].kind, state.join(g, &phrase, s)),
                None => (Kind::Named, state.new_group(Kind::Named, span, &phrase, s)),
            },
        };
        return Some(base(kind, Some(group), Some(phrase)));
    }

    // "One of the engineers", "another of the sources": one member of an earlier group with that head.
    if phrase.one_of {
        let head = phrase.head.clone();
        if let Some(g) = state.recent(|g| g.kind != Kind::Named && g.kind != Kind::Organisation && same_head(&g.head, &head)) {
            let kind = state.groups[g].kind;
            let group = state.join(g, &phrase, s);
            return Some(base(kind, Some(group), Some(phrase)));
        }
    }
    // "three engineers who worked on the headset": counted people with a way to know are sources, not a crowd.
    let counted_insiders = phrase.number.is_some() && phrase.plural && phrase.has_modifier && phrase.person.is_none() && !phrase.institution;
    // "28 percent of voters said", "one in five say", "nearly half of voters": poll respondents, an unspecified crowd.
    // ("The Senate Majority Project" is an institution, not a share.)
    if (poll_share(&phrase.words) && !phrase.institution) || state.text[span.start..span.end].contains('%') {
        let group = state.new_group(Kind::Vague, span, &phrase, s);
        return Some(base(Kind::Vague, Some(group), Some(phrase)));
    }
    // "A former waiter who asked us not to print his name said": the text grants anonymity to an unnamed person.
    // The grant must be this source's: from the source (or its cue) up to the next cue of the sentence.
    let granted_anonymity = phrase.person.is_none() && !phrase.institution && phrase.outlet.is_none() && {
        let sentence_text = &state.text[sentence.span.start..sentence.span.end];
        let from = span.start.min(raw.cue.start).saturating_sub(sentence.span.start);
        let after = span.end.max(raw.cue.end).saturating_sub(sentence.span.start);
        // Both lists are in order of their starts: the first cue at or after `after`, and the checks from `from` to it.
        let (cues, checks) = state.sentence_phrases(raw.sentence, sentence_text, lex);
        let to = cues.get(cues.partition_point(|f| f.start < after)).map_or(sentence_text.len(), |f| f.start);
        checks[checks.partition_point(|f| f.start < from)..]
            .iter()
            .take_while(|f| f.start < to)
            .any(|f| matches!(f.kind, CheckKind::Reason | CheckKind::Boilerplate))
    };
    let head_anonymous = lex.anonymous_nouns.contains(phrase.head.as_str()) || counted_insiders || granted_anonymity;
    let head_vague = lex.vague_nouns.contains(phrase.head.as_str());
    // "Salvatierra said" after "El consejero delegado, Ricardo Salvatierra": a bare surname named before.
    let bare_surname = state.text[span.start..span.end]
        .split_whitespace()
        .last()
        .map(|w| crate::tokens::strip_possessive(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && phrase.words.len() <= 2 && phrase.pronoun.is_none())
        .and_then(|w| state.by_surname.get(w).copied());
    let (kind, group) = if let Some(g) = bare_surname.filter(|_| phrase.person.is_none()) {
        (Kind::Named, state.join(g, &phrase, s))
    } else if phrase.person.is_some() {
        // A person named: join an earlier mention of the same surname.
        let surname = phrase.surname().map(str::to_string);
        match surname.as_ref().and_then(|s| state.by_surname.get(s).copied()) {
            Some(g) => (Kind::Named, state.join(g, &phrase, s)),
            None => (Kind::Named, state.new_group(Kind::Named, span, &phrase, s)),
        }
    } else if (phrase.outlet.is_some() && !institution_record(&phrase)) || (lex.report_nouns.contains(phrase.head.as_str()) && !institution_report(&phrase, &state.text[span.start..span.end])) {
        // An outlet's reporting. "Tax filings reviewed by CNN" are filings, an institution's record;
        // "the council's inspection report" is the council's.
        let key = to_lowercase(phrase.outlet.as_deref().unwrap_or(&phrase.head));
        match state.recent(|g| g.kind == Kind::Report && contains_short(&g.joined, &key)) {
            Some(g) => (Kind::Report, state.join(g, &phrase, s)),
            None => (Kind::Report, state.new_group(Kind::Report, span, &phrase, s)),
        }
    } else if head_anonymous && !(matches!(phrase.head.as_str(), "people" | "personas" | "gente") && phrase.quantified && phrase.number.is_none() && !phrase.has_modifier) {
        // Anonymous: a mention that points back ("the sources", "one of the sources", bare "sources")
        // joins the latest group with the same head noun.
        // "the manager said" after naming the manager: a role that points back to a named person.
        if let Some(role) = phrase.role.clone().filter(|_| phrase.definite && !phrase.plural) {
            if let Some(g) = state.recent(|g| g.kind == Kind::Named && g.words.iter().any(|w| w == &role)) {
                let group = state.join(g, &phrase, s);
                return Some(base(Kind::Named, Some(group), Some(phrase)));
            }
        }
        // "the manager said" with no unnamed manager before: a definite role is a person the reader knows.
        if phrase.definite && !phrase.plural && !phrase.one_of && phrase.role.is_some()
            && state.recent(|g| g.kind == Kind::Anonymous && same_head(&g.head, &phrase.head)).is_none()
        {
            let group = state.new_group(Kind::Named, span, &phrase, s);
            return Some(base(Kind::Named, Some(group), Some(phrase)));
        }
        // "One diplomat said" after "diplomats involved in those contacts": one of them.
        let one_of_them = phrase.number == Some(1) && phrase.words.len() == 2 && matches!(phrase.words[0].as_str(), "one" | "uno" | "una");
        let points_back = phrase.definite || phrase.one_of || one_of_them || (!phrase.has_modifier && phrase.number.is_none() && !phrase.quantified && !phrase.affiliation);
        let head = phrase.head.clone();
        let same_head_group = state.recent(|g| g.kind == Kind::Anonymous && same_head(&g.head, &head)).filter(|_| points_back);
        // "The insider added" right after "A source who works on the programme said": the one unnamed
        // person just quoted, under another noun.
        let same_person = || {
            (phrase.definite && !phrase.plural && !phrase.has_modifier)
                .then(|| state.recent(|g| g.kind == Kind::Anonymous && !g.plural && s.saturating_sub(g.last_sentence) <= 2))
                .flatten()
        };
        match same_head_group.or_else(same_person) {
            Some(g) => (Kind::Anonymous, state.join(g, &phrase, s)),
            None => (Kind::Anonymous, state.new_group(Kind::Anonymous, span, &phrase, s)),
        }
    } else if phrase.institution && !head_vague {
        let key = phrase.words.iter().filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "el" | "la" | "los" | "las")).cloned().collect::<Vec<_>>().join(" ");
        // "Lumenfold Inc." after "photo app Lumenfold": the same distinctive name, whatever else is around it.
        let names: Vec<&String> = phrase.words.iter().filter(|w| is_distinctive_name(w, state.text, span, lex)).collect();
        // "the company" / "la empresa" after "Lumenfold Inc.": the latest company named.
        let generic_company = phrase.definite && phrase.words.len() == 2 && matches!(phrase.head.as_str(), "company" | "firm" | "empresa" | "compañía" | "firma");
        let same = |g: &GroupState| {
            contains_short(&g.joined, &key)
                || names.iter().any(|n| g.words.contains(n))
                || (generic_company && s.saturating_sub(g.last_sentence) <= 6 && g.words.iter().any(|w| matches!(w.as_str(), "inc" | "inc." | "corp" | "corp." | "co" | "co." | "ltd" | "llc" | "plc" | "s.a." | "sa" | "sl" | "company" | "firm" | "empresa" | "compañía")))
        };
        match state.recent(|g| g.kind == Kind::Organisation && same(g)) {
            Some(g) => (Kind::Organisation, state.join(g, &phrase, s)),
            None => (Kind::Organisation, state.new_group(Kind::Organisation, span, &phrase, s)),
        }
    } else if head_vague || phrase.quantified {
        if phrase.institution && phrase.words.iter().any(|w| matches!(w.as_str(), "at" | "from" | "with" | "en")) {
            // "analysts at Goldman Sachs": a crowd from a named institution speaks for it
            // ("critics of the front office" are still a crowd).
            (Kind::Organisation, state.new_group(Kind::Organisation, span, &phrase, s))
        } else {
            let head = phrase.head.clone();
            match state.recent(|g| g.kind == Kind::Vague && g.head == head) {
                Some(g) => (Kind::Vague, state.join(g, &phrase, s)),
                None => (Kind::Vague, state.new_group(Kind::Vague, span, &phrase, s)),
            }
        }
    } else if let Some(role) = plural_role(&phrase, lex).filter(|_| lex.speech_only.contains(cue_word.as_ref())) {
        // "the lawyers said": the named lawyers of the last few sentences, else people unnamed
        // but in a position to know, like "officials said".
        let named = state.recent(|g| g.kind == Kind::Named && s.saturating_sub(g.last_sentence) <= 6 && g.words.iter().any(|w| w == role || *w == phrase.head));
        match named.or_else(|| state.recent(|g| g.kind == Kind::Anonymous && same_head(&g.head, &phrase.head))) {
            Some(g) => (state.groups[g].kind, state.join(g, &phrase, s)),
            None => (Kind::Anonymous, state.new_group(Kind::Anonymous, span, &phrase, s)),
        }
    } else if let Some(role) = phrase.role.clone().filter(|_| phrase.definite) {
        // "the secretary said" after "Secretary of Defense Pete Hegseth".
        match state.recent(|g| g.kind == Kind::Named && g.words.iter().any(|w| w == &role)) {
            Some(g) => (Kind::Named, state.join(g, &phrase, s)),
            None => {
                let g = state.new_group(Kind::Named, span, &phrase, s);
                // Named earlier in the text, though not as a source: label the group with that name.
                if let Some(title) = earlier_title(state.text, span.start, &role) {
                    for word in title.split_whitespace() {
                        state.groups[g].add_word(to_lowercase(word));
                    }
                    state.groups[g].label = title;
                }
                (Kind::Named, g)
            }
        }
    } else if phrase.affiliation && phrase.plural {
        (Kind::Vague, state.new_group(Kind::Vague, span, &phrase, s))
    } else if phrase.plural && phrase.words.iter().position(|w| *w == phrase.head).is_some_and(|at| at <= 2) && !phrase.definite && people_noun(&phrase.head) {
        // "donors said", "some voters say", "Industry watchers note", "female donors in both parties
        // described": an unspecified crowd.
        (Kind::Vague, state.new_group(Kind::Vague, span, &phrase, s))
    } else if (phrase.definite || possessive(&phrase)) && !phrase.plural && !lex.weak_cues.contains(cue_word.as_ref()) && phrase.words.len() <= 6 {
        // "the host said", "his lawyer said": one identifiable person.
        (Kind::Named, state.new_group(Kind::Named, span, &phrase, s))
    } else if phrase.role.is_some() || state.text[span.start..span.end].chars().any(char::is_uppercase) && !opens_sentence {
        // "a toxicologist", "his lawyer", or a capitalised name we could not place: an identified person.
        (Kind::Named, state.new_group(Kind::Named, span, &phrase, s))
    } else if opens_sentence && state.text[span.start..span.end].split_whitespace().skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        (Kind::Named, state.new_group(Kind::Named, span, &phrase, s))
    } else if opens_sentence && phrase.words.len() == 1 && state.text[span.start..span.end].chars().next().is_some_and(char::is_uppercase) && !lex.pronouns.contains(phrase.head.as_str()) {
        // A single capitalised word opening the sentence ("Pell told investors"): a surname.
        (Kind::Named, state.new_group(Kind::Named, span, &phrase, s))
    } else if opens_sentence && lex.speech_only.contains(cue_word.as_ref()) && named_before_appositive(&state.text[span.start..span.end], lex) {
        // "Hemsley, the co-author of a book on viral news, said": a capitalised name, then who they are
        // (with a verb that only reports speech: "Brun, 26, claimed the jersey" is a race won).
        (Kind::Named, state.new_group(Kind::Named, span, &phrase, s))
    } else {
        // "The episode recalls", "the airline expects": not a source we can name a kind for.
        return None;
    };
    Some(base(kind, Some(group), Some(phrase)))
}

/// The singular role of a plural source of people, nobody named and no one's ("the lawyers",
/// "prosecutors"; not "his lawyers", "Smith's attorneys").
fn plural_role<'l>(phrase: &SourcePhrase, lex: &'l LanguageLexicon) -> Option<&'l str> {
    if !phrase.plural || phrase.person.is_some() || phrase.institution || phrase.outlet.is_some() || possessive(phrase) || !phrase.head.ends_with('s') {
        return None;
    }
    lex.role_nouns.get(crate::classify::singular(&phrase.head)).copied()
}

/// A source that opens with one to three capitalised words and a comma ("Hemsley, the co-author…"),
/// not an article or a pronoun ("The union, which…", "They, too,").
fn named_before_appositive(source: &str, lex: &LanguageLexicon) -> bool {
    let Some((name, _)) = source.split_once(',') else { return false };
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(1..=3).contains(&words.len()) || !words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        return false;
    }
    let first = to_lowercase(words[0]);
    !matches!(first.as_str(), "the" | "a" | "an" | "this" | "these" | "those" | "el" | "la" | "los" | "las" | "un" | "una" | "este" | "esta")
        && !lex.pronouns.contains(first.as_str())
}

/// A word of an institution's name that picks it out: capitalised in the text and not a generic
/// institution word ("Lumenfold" in "Lumenfold Inc.", not "Inc." or "Council").
fn is_distinctive_name(word: &str, text: &str, span: ByteSpan, lex: &LanguageLexicon) -> bool {
    word.len() >= 3
        && !lex.org_words.contains(word)
        && !matches!(word, "the" | "el" | "la" | "los" | "las" | "del" | "de" | "of" | "and" | "inc." | "corp." | "co.")
        && text[span.start..span.end]
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .any(|w| w.chars().next().is_some_and(char::is_uppercase) && to_lowercase(w) == word)
}

/// A record that an outlet only handled: "tax filings reviewed by CNN", "documents obtained by
/// The Post" — a record noun before the outlet's part of the phrase.
fn institution_record(phrase: &SourcePhrase) -> bool {
    phrase.words.iter().take_while(|w| !matches!(w.as_str(), "by" | "from" | "to" | "por" | "a")).any(|w| RECORDS.contains(&w.as_str()))
}

/// Records an institution keeps or publishes (not an outlet's reporting).
const RECORDS: &[&str] = &[
    "documents", "document", "records", "filings", "filing", "data", "figures", "memo", "letter", "lawsuit", "complaint", "ruling",
    "indictment", "transcript", "transcripts", "emails", "email", "documentos", "registros", "datos", "cifras", "expediente", "sentencia",
];

/// Counts and studies that can "show" something ("polls show", "the survey showed"); records can too
/// (`RECORDS`, tested beside this list).
const EVIDENCE: &[&str] = &[
    "poll", "polls", "polling", "survey", "surveys", "study", "studies", "results", "returns", "tally", "estimates", "analysis",
    "census", "statistics", "numbers", "research", "encuesta", "encuestas", "estudio", "sondeo", "resultados",
];

/// "Westbury Council’s inspection report": a report an institution wrote, named by its possessive.
fn institution_report(phrase: &SourcePhrase, source_text: &str) -> bool {
    phrase.institution && phrase.outlet.is_none() && (source_text.contains("’s ") || source_text.contains("'s "))
}

/// A share of a crowd: "28 percent of voters", "one in five", "4 in 10 Republicans", "nearly half",
/// "a third of donors", "la mitad de los encuestados".
fn poll_share(words: &[String]) -> bool {
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()
        || matches!(w, "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "uno" | "dos" | "tres" | "cuatro" | "cinco" | "diez");
    words.iter().any(|w| matches!(w.as_str(), "percent" | "cent" | "ciento" | "half" | "third" | "thirds" | "quarter" | "majority" | "plurality" | "mitad" | "tercio" | "mayoría"))
        || words.windows(3).any(|w| number(&w[0]) && matches!(w[1].as_str(), "in" | "de") && number(&w[2]))
        // "nine out of 10", "nueve de cada diez"
        || words.windows(4).any(|w| number(&w[0]) && matches!((w[1].as_str(), w[2].as_str()), ("out", "of") | ("de", "cada")) && number(&w[3]))
}

/// Plural nouns that name people by what they do: "donors", "forecasters", "Republicans", "residents".
fn people_noun(head: &str) -> bool {
    ["ers", "ors", "ists", "ians", "ans", "ents", "ees", "ives", "ants", "eurs", "ates", "people", "folks", "res", "ros", "ras", "os", "as"]
        .iter()
        .any(|end| head.ends_with(end))
        && !matches!(head, "numbers" | "figures" | "orders" | "papers" | "letters" | "matters" | "factors" | "sectors" | "errors" | "events" | "documents" | "cases" | "areas" | "ideas" | "datos" | "casos")
}

fn possessive(phrase: &SourcePhrase) -> bool {
    phrase.words.first().is_some_and(|w| matches!(w.as_str(), "his" | "her" | "their" | "its" | "su" | "sus"))
}

/// The latest "Secretary of Defense Pete Hegseth" before byte `before`: the role, capitalised,
/// followed within a few words by a capitalised name. Looks back 4,000 bytes at most.
fn earlier_title(text: &str, before: usize, role: &str) -> Option<String> {
    let mut from = before.saturating_sub(4000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..before];
    let capital_role = crate::lexicon::capitalise(role)?;
    let at = window.rmatch_indices(&capital_role).map(|(i, _)| i).next()?;
    let words: Vec<&str> = window[at..].split_whitespace().take(7).collect();
    // Keep the title and the capitalised name after it: "Secretary of Defense Pete Hegseth".
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let clean = w.trim_end_matches([',', '.', ';', ':']);
        let capital = clean.chars().next().is_some_and(char::is_uppercase);
        if i > 0 && !capital && !matches!(clean, "of" | "for" | "de" | "del") {
            break;
        }
        out.push(clean.trim_end_matches("’s").trim_end_matches("'s"));
        if clean.len() != w.len() {
            break;
        }
    }
    (out.len() >= 3).then(|| out.join(" "))
}

/// Two cues of one source in one sentence ("said …, but described it as …") are one claim.
fn merge_same_source_in_sentence(out: &mut Vec<Resolved>, text: &str) {
    let mut merged: Vec<Resolved> = Vec::with_capacity(out.len());
    for r in out.drain(..) {
        if let Some(prev) = merged.iter_mut().rev().take(8).take_while(|p| p.sentence == r.sentence).find(|p| p.group.is_some() && p.group == r.group) {
            // "The union, which wants higher pay, said …": the relative clause describes the source;
            // the main verb is the cue, and what follows it the claim.
            if after_relative_word(&text[..prev.cue.start]) && !after_relative_word(&text[..r.cue.start]) {
                prev.cue = r.cue;
                prev.cue_kind = r.cue_kind;
                prev.claim = r.claim;
            } else {
                prev.claim = trimmed(text, ByteSpan::new(prev.claim.start.min(r.claim.start), prev.claim.end.max(r.claim.end)));
            }
            continue;
        }
        merged.push(r);
    }
    *out = merged;
}

/// Does `before` end with a relative pronoun ("…, which", "…, who")?
fn after_relative_word(before: &str) -> bool {
    let last = before.trim_end().rsplit(|c: char| !crate::wordset::is_alphanumeric(c)).next().unwrap_or("");
    crate::attribution::is_relative_pronoun(last)
}

/// A `“` `”` `"` `«` or `»` in `text[span]`, looked for by bytes (no character decoded): `"`, and
/// the UTF-8 of `“` `”` (E2 80 9C, E2 80 9D) and `«` `»` (C2 AB, C2 BB).
fn has_quote(text: &str, span: ByteSpan) -> bool {
    let bytes = &text.as_bytes()[span.start..span.end];
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'"' => true,
        0xE2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9C | 0x9D)),
        0xC2 => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
        _ => false,
    })
}

/// Quoted sentences with no cue of their own continue the attribution next to them:
/// `“A,” Trump said. “B.”` (forward) and `“A. B,” she said.` (backward).
fn add_continuations(text: &str, sentences: &[Sentence], out: &mut Vec<Resolved>) {
    let mut by_sentence: Vec<Option<usize>> = vec![None; sentences.len()];
    for (i, r) in out.iter().enumerate() {
        if r.kind != Kind::Unverified && by_sentence[r.sentence].is_none() {
            by_sentence[r.sentence] = Some(i);
        }
    }
    let has_any: Vec<bool> = {
        let mut v = vec![false; sentences.len()];
        for r in out.iter() {
            v[r.sentence] = true;
        }
        v
    };
    let mut added: Vec<Resolved> = Vec::new();
    let mut continued_from: Vec<Option<usize>> = vec![None; sentences.len()];
    // Forward: a quoted sentence right after an attributed quote.
    for s in 1..sentences.len() {
        if has_any[s] {
            continue;
        }
        let here = &sentences[s];
        let prev = &sentences[s - 1];
        let parent = by_sentence[s - 1].or(continued_from[s - 1]);
        let Some(parent) = parent else { continue };
        let same_paragraph = here.paragraph == prev.paragraph;
        let quoted_here = here.starts_in_quote || here.opens_with_quote;
        let carried = !same_paragraph && here.starts_in_quote && here.paragraph == prev.paragraph + 1;
        let parent_quotes = has_quote(text, sentences[out[parent].sentence].span) || continued_from[s - 1].is_some();
        if quoted_here && parent_quotes && (same_paragraph || carried) {
            continued_from[s] = Some(parent);
        }
    }
    // Backward: sentences inside the quote that an attributed sentence closes.
    for s in (0..sentences.len()).rev() {
        let Some(parent) = by_sentence[s] else { continue };
        if !sentences[s].starts_in_quote {
            continue;
        }
        let mut k = s;
        while k > 0 && sentences[k].starts_in_quote {
            k -= 1;
            if has_any[k] || continued_from[k].is_some() || !sentences[k].ends_in_quote {
                break;
            }
            continued_from[k] = Some(parent);
        }
    }
    for (s, parent) in continued_from.iter().enumerate() {
        if let Some(&p) = parent.as_ref() {
            let parent = &out[p];
            added.push(Resolved {
                sentence: s,
                cue: parent.cue,
                cue_kind: parent.cue_kind,
                source: parent.source,
                claim: trimmed(text, sentences[s].span),
                kind: parent.kind,
                group: parent.group,
                continues: Some(p),
                phrase: parent.phrase.clone(),
            });
        }
    }
    if added.is_empty() {
        return;
    }
    // Keep document order; continuation parents are remapped to their new positions by the caller via `continues`.
    // The keys are sorted, not the attributions (each is large): the key ends with the unique
    // index, so no two are equal and an unstable sort gives the same order.
    let mut all: Vec<Option<Resolved>> = out.drain(..).chain(added).map(Some).collect();
    let mut order: Vec<(usize, usize, usize)> = all.iter().flatten().enumerate().map(|(i, r)| (r.sentence, r.claim.start, i)).collect();
    order.sort_unstable();
    let mut new_index = vec![0usize; all.len()];
    for (pos, &(_, _, old)) in order.iter().enumerate() {
        new_index[old] = pos;
    }
    *out = order
        .iter()
        .filter_map(|&(_, _, old)| all[old].take())
        .map(|mut r| {
            r.continues = r.continues.map(|p| new_index[p]);
            r
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_short_is_contains() {
        for hay in ["", "a", "the company", "lumenfold inc.", "año ñandú", "aaab"] {
            for needle in ["", "a", "company", "the company x", "ñ", "ú", "aab", "inc.", "lumenfold inc."] {
                assert_eq!(contains_short(hay, needle), hay.contains(needle), "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn has_quote_finds_the_quote_marks_and_nothing_like_them() {
        let chars_test = |s: &str| s.chars().any(|c| matches!(c, '“' | '”' | '"' | '«' | '»'));
        for s in ["“A", "B”", "say \"C", "«D", "E»", "it’s — © ‘x’ „y", "plain", "", "é ñ ¿"] {
            assert_eq!(has_quote(s, ByteSpan::new(0, s.len())), chars_test(s), "{s:?}");
        }
    }
}
