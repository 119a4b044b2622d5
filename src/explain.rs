//! A short, plain-language explanation of each claim, in the text's language,
//! that a fourteen-year-old can follow and that names what a reader should ask.

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

fn count_phrase(checks: &Checks, language: Language) -> String {
    match (language, checks.count.number, checks.count.plural) {
        (Language::En, Some(1), _) => "one person".into(),
        (Language::En, Some(n), _) => format!("{n} people"),
        (Language::En, None, true) => "2 or more, number not given".into(),
        (Language::En, None, false) => "number not given".into(),
        (Language::Es, Some(1), _) => "una persona".into(),
        (Language::Es, Some(n), _) => format!("{n} personas"),
        (Language::Es, None, true) => "2 o más, sin número".into(),
        (Language::Es, None, false) => "número no indicado".into(),
    }
}

pub fn explain(f: &Facts) -> String {
    match f.language {
        Language::En => english(f),
        Language::Es => spanish(f),
    }
}

fn english(f: &Facts) -> String {
    let mut out = String::new();
    if f.continues {
        out.push_str("Part of a quote that continues from the sentence next to it. ");
    }
    match f.kind {
        Kind::Anonymous => {
            let Some(checks) = f.checks else { return out + "Anonymous source." };
            let group = if f.group_mentions > 1 { format!(", one group mentioned {} times", f.group_mentions) } else { String::new() };
            out.push_str(&format!("Anonymous source ({}{group}): “{}” is not named.", count_phrase(checks, Language::En), f.source_text));
            if let Some(first) = f.first_mention {
                out.push_str(&format!(" It points back to “{first}”."));
            }
            match &checks.vantage_text {
                Some(v) => out.push_str(&format!(" The article says how they would know (“{}”).", v.text)),
                None => out.push_str(" The article does not say how they would know."),
            }
            match (checks.reason, &checks.reason_text) {
                (Reason::Given, Some(r)) => out.push_str(&format!(" It says why they were not named (“{}”).", r.text)),
                (Reason::Boilerplate, Some(r)) => {
                    out.push_str(&format!(" The only reason given for hiding their name is a stock phrase (“{}”).", r.text))
                }
                _ => out.push_str(" It does not say why they were granted anonymity."),
            }
            if checks.opinion {
                out.push_str(" They judge a person rather than report a fact: most newsrooms do not let anonymous sources attack people.");
            }
            out.push_str(" Ask: who are they, how would they know, and does anyone on the record confirm it?");
        }
        Kind::Vague if f.has_source => out.push_str(&format!(
            "Vague source: “{}” is an unspecified group, not someone you can check. Ask: who exactly says this, and how many of them?",
            f.source_text
        )),
        Kind::Vague => out.push_str(&format!(
            "Nobody is named: “{}” hides who holds this view. Ask: who says so, and on what evidence?",
            f.cue_text
        )),
        Kind::Unverified => out.push_str(&format!(
            "Unconfirmed: the article itself signals (“{}”) that this has not been checked. Ask: who reported it, and has anyone confirmed it?",
            f.cue_text
        )),
        Kind::Report => out.push_str(&format!(
            "Rests on other reporting (“{}”), not on this article's own sources. Ask: what did that report rely on?",
            f.source_text
        )),
        Kind::Organisation => out.push_str(&format!("On the record: an institution (“{}”) speaks for itself.", f.source_text)),
        Kind::Named => match f.first_mention {
            Some(first) if f.has_source => out.push_str(&format!(
                "On the record: “{}” is {first}, named earlier in the article.",
                f.source_text
            )),
            _ => out.push_str(&format!("On the record: a named person (“{}”).", if f.has_source { f.source_text } else { f.cue_text })),
        },
    }
    out
}

fn spanish(f: &Facts) -> String {
    let mut out = String::new();
    if f.continues {
        out.push_str("Parte de una cita que sigue de la frase de al lado. ");
    }
    match f.kind {
        Kind::Anonymous => {
            let Some(checks) = f.checks else { return out + "Fuente anónima." };
            let group = if f.group_mentions > 1 { format!(", un mismo grupo citado {} veces", f.group_mentions) } else { String::new() };
            out.push_str(&format!("Fuente anónima ({}{group}): «{}» no tiene nombre.", count_phrase(checks, Language::Es), f.source_text));
            if let Some(first) = f.first_mention {
                out.push_str(&format!(" Remite a «{first}»."));
            }
            match &checks.vantage_text {
                Some(v) => out.push_str(&format!(" El artículo dice cómo lo sabrían («{}»).", v.text)),
                None => out.push_str(" El artículo no dice cómo lo sabrían."),
            }
            match (checks.reason, &checks.reason_text) {
                (Reason::Given, Some(r)) => out.push_str(&format!(" Explica por qué no se las nombra («{}»).", r.text)),
                (Reason::Boilerplate, Some(r)) => out.push_str(&format!(" La única razón para ocultar su nombre es una fórmula («{}»).", r.text)),
                _ => out.push_str(" No explica por qué se les concedió el anonimato."),
            }
            if checks.opinion {
                out.push_str(" Juzgan a una persona en lugar de informar de un hecho: la mayoría de las redacciones no permite que una fuente anónima ataque a nadie.");
            }
            out.push_str(" Pregúntate: ¿quiénes son, cómo lo sabrían y alguien con nombre lo confirma?");
        }
        Kind::Vague if f.has_source => out.push_str(&format!(
            "Fuente imprecisa: «{}» es un grupo sin especificar, no alguien a quien se pueda comprobar. Pregúntate: ¿quién exactamente lo dice y cuántos son?",
            f.source_text
        )),
        Kind::Vague => out.push_str(&format!(
            "No se nombra a nadie: «{}» oculta quién lo piensa. Pregúntate: ¿quién lo dice y con qué pruebas?",
            f.cue_text
        )),
        Kind::Unverified => out.push_str(&format!(
            "Sin confirmar: el propio artículo indica («{}») que no se ha comprobado. Pregúntate: ¿quién lo informó y alguien lo ha confirmado?",
            f.cue_text
        )),
        Kind::Report => out.push_str(&format!(
            "Se apoya en otra información periodística («{}»), no en fuentes propias. Pregúntate: ¿en qué se basaba esa información?",
            f.source_text
        )),
        Kind::Organisation => out.push_str(&format!("Con nombre: una institución («{}») habla por sí misma.", f.source_text)),
        Kind::Named => match f.first_mention {
            Some(first) if f.has_source => out.push_str(&format!("Con nombre: «{}» es {first}, citado antes en el artículo.", f.source_text)),
            _ => out.push_str(&format!("Con nombre: una persona identificada («{}»).", if f.has_source { f.source_text } else { f.cue_text })),
        },
    }
    out
}
