//! A short, plain-language explanation of each claim, in the text's language,
//! that a fourteen-year-old can follow and that names what a reader should ask.
//!
//! Both languages say the same things in the same order: each has one table of
//! phrases ([`Phrases`]), and [`explain`] assembles the sentence from it. A `{}`
//! in a phrase is filled with the claim's words, in order.

use crate::report::{Checks, Kind, Language, Reason};

/// What the explanation needs to know about one claim.
pub struct Facts<'a> {
    pub kind: Kind,
    pub language: Language,
    /// The source's words, or the cue when there is no source ("reportedly").
    pub source_text: &'a str,
    pub cue_text: &'a str,
    pub has_source: bool,
    /// How the group was first described, when this mention points back to it.
    pub first_mention: Option<&'a str>,
    /// Claims resting on the same group.
    pub group_mentions: usize,
    pub checks: Option<&'a Checks>,
    pub continues: bool,
}

/// Every phrase an explanation is made of, in one language.
struct Phrases {
    continues: &'static str,
    /// An anonymous claim without checks.
    anonymous_bare: &'static str,
    /// The count, the group (or nothing), the source's words.
    anonymous: &'static str,
    /// How many claims rest on the group.
    group: &'static str,
    one_person: &'static str,
    /// A stated number of people.
    people: &'static str,
    plural_unknown: &'static str,
    number_unknown: &'static str,
    /// How the group was first described.
    points_back: &'static str,
    vantage_given: &'static str,
    vantage_missing: &'static str,
    reason_given: &'static str,
    reason_boilerplate: &'static str,
    reason_missing: &'static str,
    opinion: &'static str,
    ask_anonymous: &'static str,
    /// A vague source's words.
    vague_source: &'static str,
    /// A vague cue with no source ("it is believed").
    vague_cue: &'static str,
    unverified: &'static str,
    report: &'static str,
    organisation: &'static str,
    /// The source's words and how it was first named.
    named_earlier: &'static str,
    named: &'static str,
}

const EN: Phrases = Phrases {
    continues: "Part of a quote that continues from the sentence next to it. ",
    anonymous_bare: "Anonymous source.",
    anonymous: "Anonymous source ({}{}): “{}” is not named.",
    group: ", one group mentioned {} times",
    one_person: "one person",
    people: "{} people",
    plural_unknown: "2 or more, number not given",
    number_unknown: "number not given",
    points_back: " It points back to “{}”.",
    vantage_given: " The article says how they would know (“{}”).",
    vantage_missing: " The article does not say how they would know.",
    reason_given: " It says why they were not named (“{}”).",
    reason_boilerplate: " The only reason given for hiding their name is a stock phrase (“{}”).",
    reason_missing: " It does not say why they were granted anonymity.",
    opinion: " They judge a person rather than report a fact: most newsrooms do not let anonymous sources attack people.",
    ask_anonymous: " Ask: who are they, how would they know, and does anyone on the record confirm it?",
    vague_source: "Vague source: “{}” is an unspecified group, not someone you can check. Ask: who exactly says this, and how many of them?",
    vague_cue: "Nobody is named: “{}” hides who holds this view. Ask: who says so, and on what evidence?",
    unverified: "Unconfirmed: the article itself signals (“{}”) that this has not been checked. Ask: who reported it, and has anyone confirmed it?",
    report: "Rests on other reporting (“{}”), not on this article's own sources. Ask: what did that report rely on?",
    organisation: "On the record: an institution (“{}”) speaks for itself.",
    named_earlier: "On the record: “{}” is {}, named earlier in the article.",
    named: "On the record: a named person (“{}”).",
};

const ES: Phrases = Phrases {
    continues: "Parte de una cita que sigue de la frase de al lado. ",
    anonymous_bare: "Fuente anónima.",
    anonymous: "Fuente anónima ({}{}): «{}» no tiene nombre.",
    group: ", un mismo grupo citado {} veces",
    one_person: "una persona",
    people: "{} personas",
    plural_unknown: "2 o más, sin número",
    number_unknown: "número no indicado",
    points_back: " Remite a «{}».",
    vantage_given: " El artículo dice cómo lo sabrían («{}»).",
    vantage_missing: " El artículo no dice cómo lo sabrían.",
    reason_given: " Explica por qué no se las nombra («{}»).",
    reason_boilerplate: " La única razón para ocultar su nombre es una fórmula («{}»).",
    reason_missing: " No explica por qué se les concedió el anonimato.",
    opinion: " Juzgan a una persona en lugar de informar de un hecho: la mayoría de las redacciones no permite que una fuente anónima ataque a nadie.",
    ask_anonymous: " Pregúntate: ¿quiénes son, cómo lo sabrían y alguien con nombre lo confirma?",
    vague_source: "Fuente imprecisa: «{}» es un grupo sin especificar, no alguien a quien se pueda comprobar. Pregúntate: ¿quién exactamente lo dice y cuántos son?",
    vague_cue: "No se nombra a nadie: «{}» oculta quién lo piensa. Pregúntate: ¿quién lo dice y con qué pruebas?",
    unverified: "Sin confirmar: el propio artículo indica («{}») que no se ha comprobado. Pregúntate: ¿quién lo informó y alguien lo ha confirmado?",
    report: "Se apoya en otra información periodística («{}»), no en fuentes propias. Pregúntate: ¿en qué se basaba esa información?",
    organisation: "Con nombre: una institución («{}») habla por sí misma.",
    named_earlier: "Con nombre: «{}» es {}, citado antes en el artículo.",
    named: "Con nombre: una persona identificada («{}»).",
};

fn phrases(language: Language) -> &'static Phrases {
    match language {
        Language::En => &EN,
        Language::Es => &ES,
    }
}

/// Appends `phrase` with each `{}` replaced by the next of `words`.
fn fill(out: &mut String, phrase: &str, words: &[&str]) {
    // `phrase.split("{}")`, the first piece, then each word with the piece after it (a one-byte
    // search for `{`: this runs for every claim).
    let (first, mut rest) = split_blank(phrase);
    out.push_str(first);
    let blanks = words.len();
    let mut words = words.iter();
    while let Some(tail) = rest {
        let Some(word) = words.next() else { break };
        out.push_str(word);
        if words.len() == 0 {
            // The last word's blank: what follows holds no other (one blank a word, as checked
            // below), so it is copied without being searched.
            out.push_str(tail);
            break;
        }
        let (piece, next) = split_blank(tail);
        out.push_str(piece);
        rest = next;
    }
    debug_assert_eq!(phrase.matches("{}").count(), blanks, "{phrase}");
}

/// `s` up to its first `{}`, and what follows that blank (`None` when there is none).
fn split_blank(s: &str) -> (&str, Option<&str>) {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(|&b| b == b'{') {
        let at = from + i;
        if bytes.get(at + 1) == Some(&b'}') {
            return (&s[..at], Some(&s[at + 2..]));
        }
        from = at + 1;
    }
    (s, None)
}

fn count_phrase(checks: &Checks, p: &Phrases) -> String {
    match (checks.count.number, checks.count.plural) {
        (Some(1), _) => p.one_person.into(),
        (Some(n), _) => p.people.replacen("{}", &n.to_string(), 1),
        (None, true) => p.plural_unknown.into(),
        (None, false) => p.number_unknown.into(),
    }
}

pub fn explain(f: &Facts) -> String {
    let mut out = String::new();
    explain_into(&mut out, f);
    out
}

/// [`explain`], written into `out` (cleared first): with one buffer for every claim, the
/// explanation is built without growing a string piece by piece, and copied out once.
pub fn explain_into(out: &mut String, f: &Facts) {
    let p = phrases(f.language);
    out.clear();
    if f.continues {
        out.push_str(p.continues);
    }
    match f.kind {
        Kind::Anonymous => {
            let Some(checks) = f.checks else {
                out.push_str(p.anonymous_bare);
                return;
            };
            let mut group = String::new();
            if f.group_mentions > 1 {
                fill(&mut group, p.group, &[&f.group_mentions.to_string()]);
            }
            fill(
                out,
                p.anonymous,
                &[&count_phrase(checks, p), &group, f.source_text],
            );
            if let Some(first) = f.first_mention {
                fill(out, p.points_back, &[first]);
            }
            match &checks.vantage_text {
                Some(v) => fill(out, p.vantage_given, &[&v.text]),
                None => out.push_str(p.vantage_missing),
            }
            match (checks.reason, &checks.reason_text) {
                (Reason::Given, Some(r)) => fill(out, p.reason_given, &[&r.text]),
                (Reason::Boilerplate, Some(r)) => fill(out, p.reason_boilerplate, &[&r.text]),
                _ => out.push_str(p.reason_missing),
            }
            if checks.opinion {
                out.push_str(p.opinion);
            }
            out.push_str(p.ask_anonymous);
        }
        Kind::Vague if f.has_source => fill(out, p.vague_source, &[f.source_text]),
        Kind::Vague => fill(out, p.vague_cue, &[f.cue_text]),
        Kind::Unverified => fill(out, p.unverified, &[f.cue_text]),
        Kind::Report => fill(out, p.report, &[f.source_text]),
        Kind::Organisation => fill(out, p.organisation, &[f.source_text]),
        Kind::Named => match f.first_mention {
            Some(first) if f.has_source => fill(out, p.named_earlier, &[f.source_text, first]),
            _ => fill(
                out,
                p.named,
                &[if f.has_source {
                    f.source_text
                } else {
                    f.cue_text
                }],
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase, with its name, so the languages can be compared.
    fn all(p: &Phrases) -> [(&'static str, &'static str); 23] {
        [
            ("continues", p.continues),
            ("anonymous_bare", p.anonymous_bare),
            ("anonymous", p.anonymous),
            ("group", p.group),
            ("one_person", p.one_person),
            ("people", p.people),
            ("plural_unknown", p.plural_unknown),
            ("number_unknown", p.number_unknown),
            ("points_back", p.points_back),
            ("vantage_given", p.vantage_given),
            ("vantage_missing", p.vantage_missing),
            ("reason_given", p.reason_given),
            ("reason_boilerplate", p.reason_boilerplate),
            ("reason_missing", p.reason_missing),
            ("opinion", p.opinion),
            ("ask_anonymous", p.ask_anonymous),
            ("vague_source", p.vague_source),
            ("vague_cue", p.vague_cue),
            ("unverified", p.unverified),
            ("report", p.report),
            ("organisation", p.organisation),
            ("named_earlier", p.named_earlier),
            ("named", p.named),
        ]
    }

    #[test]
    fn languages_fill_the_same_blanks() {
        for ((name, en), (_, es)) in all(&EN).into_iter().zip(all(&ES)) {
            assert_eq!(
                en.matches("{}").count(),
                es.matches("{}").count(),
                "{name}: {en:?} / {es:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_blanks_in_order() {
        let mut out = String::from("> ");
        fill(&mut out, "“{}” is {}.", &["Ann {}", "here"]);
        assert_eq!(out, "> “Ann {}” is here.");
    }
}
