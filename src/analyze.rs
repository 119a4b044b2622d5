//! The pipeline behind `analyze`: segment, find, resolve, check, explain, convert to UTF-16.

use std::collections::BTreeMap;

use crate::attribution::{find_in_sentence, find_learned};
use crate::cue_model::CueModel;
use crate::checks::{count, opinion, GroupChecks};
use crate::discourse::resolve;
use crate::explain::{explain_into, Facts};
use crate::lexicon::Lexicons;
use crate::offsets::Utf16Index;
use crate::report::*;
use crate::segment::segment;
use crate::{LanguageChoice, Options};

pub fn run(original: &str, options: &Options, cue_model: Option<&CueModel>) -> Report {
    // Spans are cut from the original text through `index`; the rules read a same-length
    // rewrite of it in which house-style quote marks are plain ones.
    let index = Utf16Index::new(original);
    let normalized = crate::normalize::quotes(original);
    let text: &str = &normalized;
    let language = match options.language {
        LanguageChoice::En => Language::En,
        LanguageChoice::Es => Language::Es,
        LanguageChoice::Auto => crate::lang::detect(original),
    };
    let lex = Lexicons::shared().language(language);
    let sentences = segment(text);
    let mut raws = Vec::new();
    // The cue phrases of each sentence that gets an attribution, in order, for `resolve` (kept for
    // those sentences only: a text of a million one-word paragraphs has a million sentences).
    let mut sentence_cues = Vec::new();
    // The learned cue model reads English (it was trained on English news).
    let cue_model = cue_model.filter(|_| language == Language::En);
    for (i, s) in sentences.iter().enumerate() {
        let before = raws.len();
        let lexicon_cues = find_in_sentence(text, i, s, lex, &mut raws);
        if let (Some(model), true) = (cue_model, raws.len() == before) {
            find_learned(text, i, s, lex, model, &lexicon_cues, &mut raws);
        }
        if raws.len() > before {
            sentence_cues.push((i, lexicon_cues));
        }
    }
    // The standards phrases of each sentence, searched once whether resolve or the checks below ask first.
    let mut sentence_checks = rustc_hash::FxHashMap::default();
    let (resolved, groups) = resolve(text, &sentences, raws, lex, &sentence_cues, &mut sentence_checks);
    drop(sentence_cues);

    // Standards checks per anonymous group, over every sentence that names it.
    let mut group_checks: Vec<GroupChecks> = vec![GroupChecks::default(); groups.len()];
    let mut group_mentions: Vec<Vec<u32>> = vec![Vec::new(); groups.len()];
    for (i, r) in resolved.iter().enumerate() {
        if let Some(g) = r.group {
            group_mentions[g].push(i as u32);
            if r.kind == Kind::Anonymous && r.continues.is_none() {
                let span = sentences[r.sentence].span;
                let found = sentence_checks.entry(r.sentence).or_insert_with(|| lex.checks(&text[span.start..span.end]));
                group_checks[g].add_found(text, span, found);
            }
        }
    }

    let mut claims = Vec::with_capacity(resolved.len());
    // Each claim's explanation is written here, then copied out at its length.
    let mut explanation = String::new();
    for (i, r) in resolved.iter().enumerate() {
        let source = r.source.map(|s| index.span(s));
        let checks = (r.kind == Kind::Anonymous).then(|| {
            let g = r.group.map(|g| &group_checks[g]);
            Checks {
                reason: g.map_or(Reason::None, GroupChecks::reason_kind),
                reason_text: g.and_then(|g| g.reason).map(|(_, s)| index.span(s)),
                vantage: g.is_some_and(|g| g.vantage.is_some()),
                vantage_text: g.and_then(|g| g.vantage).map(|s| index.span(s)),
                count: count(r.phrase.as_ref()),
                opinion: opinion(text, r.claim, lex),
            }
        });
        let cue = index.span(r.cue);
        let first_mention = r
            .group
            .map(|g| groups[g].label.as_str())
            .filter(|label| source.as_ref().is_some_and(|s| s.text != *label));
        explain_into(&mut explanation, &Facts {
            kind: r.kind,
            language,
            source_text: source.as_ref().map_or(cue.text.as_str(), |s| s.text.as_str()),
            cue_text: &cue.text,
            has_source: source.is_some(),
            first_mention,
            group_mentions: r.group.map_or(1, |g| group_mentions[g].len()),
            checks: checks.as_ref(),
            continues: r.continues.is_some(),
        });
        claims.push(Claim {
            id: i as u32,
            kind: r.kind,
            flag: r.kind.is_flag(),
            sentence: index.span(sentences[r.sentence].span),
            cue,
            source,
            claim: index.span(r.claim),
            group: r.group.map(|g| g as u32),
            continues: r.continues.map(|c| c as u32),
            checks,
            explanation: explanation.as_str().to_owned(),
        });
    }

    let report_groups: Vec<Group> = groups
        .iter()
        .enumerate()
        .map(|(g, state)| Group {
            id: g as u32,
            kind: state.kind,
            label: state.label.clone(),
            mentions: group_mentions[g].clone(),
            count: (state.kind == Kind::Anonymous).then(|| {
                // "One of the sources" counts one of the group, not the group.
                let counts: Vec<&Count> = group_mentions[g]
                    .iter()
                    .filter(|&&c| !resolved[c as usize].phrase.as_ref().is_some_and(|p| p.one_of))
                    .filter_map(|&c| claims[c as usize].checks.as_ref().map(|k| &k.count))
                    .collect();
                Count {
                    number: counts.iter().filter_map(|c| c.number).max(),
                    plural: counts.iter().any(|c| c.plural || c.number.is_some_and(|n| n > 1)),
                }
            }),
        })
        .collect();

    let summary = summarize(&claims, &report_groups, sentences.len());
    Report { version: REPORT_VERSION, language, length: index.len_utf16(), claims, groups: report_groups, summary }
}

fn summarize(claims: &[Claim], groups: &[Group], sentences: usize) -> Summary {
    // Inserted one by one: collecting into a BTreeMap sorts first, which linked a stable sort into the wasm.
    let mut by_kind: BTreeMap<String, u32> = BTreeMap::new();
    for k in Kind::ALL {
        by_kind.insert(k.as_str().to_string(), 0);
    }
    let mut missed = ChecksMissed::default();
    for c in claims {
        // Every kind is in the map already: counted without a key string a claim.
        match by_kind.get_mut(c.kind.as_str()) {
            Some(n) => *n += 1,
            None => {
                by_kind.insert(c.kind.as_str().to_string(), 1);
            }
        }
        if let Some(k) = &c.checks {
            match k.reason {
                Reason::None => missed.reason += 1,
                Reason::Boilerplate => missed.boilerplate_reason += 1,
                Reason::Given => {}
            }
            missed.vantage += u32::from(!k.vantage);
            missed.opinion += u32::from(k.opinion);
        }
    }
    let anonymous = by_kind.get("anonymous").copied().unwrap_or(0);
    Summary {
        claims: claims.len() as u32,
        flagged: claims.iter().filter(|c| c.flag).count() as u32,
        anonymous_groups: groups.iter().filter(|g| g.kind == Kind::Anonymous && !g.mentions.is_empty()).count() as u32,
        anonymous_share: if claims.is_empty() { 0.0 } else { f64::from(anonymous) / claims.len() as f64 },
        by_kind,
        checks_missed: missed,
        sentences: sentences as u32,
    }
}
