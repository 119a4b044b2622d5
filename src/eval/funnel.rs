//! Where the annotated sentences the analyser misses are lost (`sourcelight eval --brat DIR
//! --folds K --funnel`), and how far the learned cue model could reach if every sentence it scores
//! as attributed were a claim.
//!
//! A sentence holding an annotated cue and no claim's cue is missed at one of four stages:
//! - **rules, then dropped**: the rules read a cue and a source, and resolution dropped it (a crowd
//!   with a stance verb, "the results showed", a subject no kind fits);
//! - **model, then dropped**: the rules found nothing, the model found a cue and a subject, and
//!   resolution dropped it (a learned cue stands on the record only: no crowd, report or outlet);
//! - **model, no usable subject**: the model found a cue but no subject before it, or one it cannot
//!   use (a possessive, a clause of more than twelve words);
//! - **model, nothing**: no word of the sentence reached the model's threshold.
//!
//! The **ceiling** counts a sentence as attributed when the rules read any attribution in it or any
//! word scores over the model's threshold, whatever the product then does with it: the most this
//! model and these rules could give if every such sentence were shown.

use super::brat::{cross_validated_models, gold_units, load_dir, Doc};
use super::score::Binary;
use super::train::{logit, TrainOptions};
use crate::cue_model::CueModel;
use crate::lexicon::Lexicons;
use crate::offsets::Utf16Index;
use crate::report::Language;
use std::path::Path;

/// The stages of the module documentation, and the ceiling.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Funnel {
    /// Sentences the analyser attributes, against the annotation.
    pub analyser: Binary,
    pub rules_dropped: u32,
    pub model_dropped: u32,
    pub model_no_subject: u32,
    pub model_nothing: u32,
    pub ceiling: Binary,
}

impl Funnel {
    fn add(&mut self, gold: bool, claimed: bool, stage: Stage, ceiling: bool) {
        let count = |b: &mut Binary, predicted: bool| match (gold, predicted) {
            (true, true) => b.tp += 1,
            (false, true) => b.fp += 1,
            (true, false) => b.fn_ += 1,
            (false, false) => b.tn += 1,
        };
        count(&mut self.analyser, claimed);
        count(&mut self.ceiling, ceiling);
        if gold && !claimed {
            match stage {
                Stage::Rules => self.rules_dropped += 1,
                Stage::ModelDropped => self.model_dropped += 1,
                Stage::ModelNoSubject => self.model_no_subject += 1,
                Stage::ModelNothing => self.model_nothing += 1,
            }
        }
    }
}

/// How far a sentence got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Rules,
    ModelDropped,
    ModelNoSubject,
    ModelNothing,
}

/// The funnel over `docs`, each read with `model_for(index)`.
pub fn funnel_docs<'m>(docs: &[Doc], model_for: impl Fn(usize) -> &'m CueModel) -> Funnel {
    let lex = Lexicons::shared().language(Language::En);
    let mut funnel = Funnel::default();
    for (d, doc) in docs.iter().enumerate() {
        let model = model_for(d);
        let text = crate::normalize::quotes(&doc.text);
        let report = crate::analyze_with_cue_model(&doc.text, &crate::Options::default(), Some(model));
        let index = Utf16Index::new(&doc.text);
        // Scored on the units `eval --brat` scores on (the original text's sentences); each read
        // through the analyser's sentence (of the text with its quote marks normalised) that holds
        // its start — the same sentence but where `''` quotes moved a boundary.
        let units = super::sentences::sentences(&doc.text);
        let sentences = crate::segment::segment(&text);
        let gold = gold_units(&doc.text, &doc.attributions, &units).cue;
        for (u, unit) in units.iter().enumerate() {
            let i = sentences.partition_point(|s| s.span.end <= unit.start).min(sentences.len().saturating_sub(1));
            let Some(s) = sentences.get(i) else { continue };
            let (start, end) = (index.to_utf16(unit.start), index.to_utf16(unit.end));
            let claimed = report.claims.iter().any(|c| c.cue.start >= start && c.cue.start < end);
            let mut raws = Vec::new();
            let lexicon_cues = crate::attribution::find_in_sentence(&text, i, s, lex, &mut raws);
            let (_, features, eligible) = crate::attribution::model_view(&text, s, lex);
            // A sentence that reads as Spanish is never given to the model (`TokenFeatures::english`).
            let spanish = crate::lang::reads_as_spanish(&text[s.span.start..s.span.end]);
            let any_word = !spanish && model.best_cue(&features, |_| false).is_some();
            let stage = if !raws.is_empty() {
                Stage::Rules
            } else {
                crate::attribution::find_learned(&text, i, s, lex, model, &lexicon_cues, &mut raws);
                if !raws.is_empty() {
                    Stage::ModelDropped
                } else if !spanish && model.best_cue(&features, |k| !eligible[k]).is_some() {
                    Stage::ModelNoSubject
                } else {
                    Stage::ModelNothing
                }
            };
            let ceiling = claimed || !raws.is_empty() || any_word;
            funnel.add(gold[u], claimed, stage, ceiling);
        }
    }
    funnel
}

/// The funnel with the learned cue model cross-validated over `folds` folds (as `--folds`), one for
/// each threshold (probabilities) from the same trained models.
pub fn funnel_cross_validated(dir: &Path, folds: usize, options: &TrainOptions, thresholds: &[f32]) -> Result<Vec<Funnel>, String> {
    if folds < 2 {
        return Err("cross-validation needs at least 2 folds".into());
    }
    let docs = load_dir(dir)?;
    let models = cross_validated_models(&docs, folds, options);
    Ok(thresholds
        .iter()
        .map(|&p| {
            let models: Vec<CueModel> = models.iter().map(|m| CueModel { threshold: logit(p), ..m.clone() }).collect();
            funnel_docs(&docs, |i| &models[i % folds])
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::brat::Attribution;
    use crate::report::ByteSpan;

    #[test]
    fn every_missed_sentence_has_one_stage_and_the_ceiling_holds_the_analyser() {
        // Invented text: a reported statement, a crowd's stance (the rules read it, resolution drops
        // it), a plan, and a plain sentence.
        let text = "Mayor Ruiz said the bridge will close. Many voters supported the plan. The council plans to vote. The river froze.";
        let cue = |w: &str| {
            let s = text.find(w).expect("in the text");
            Attribution { cue: vec![ByteSpan::new(s, s + w.len())], content: vec![], source: vec![] }
        };
        let doc = Doc { name: "d".into(), ann: Default::default(), text: text.into(), attributions: vec![cue("said"), cue("supported"), cue("plans")], text_mismatches: 0 };
        let model = CueModel::english().expect("the compiled-in model");
        let f = funnel_docs(std::slice::from_ref(&doc), |_| model);
        assert_eq!(f.analyser.tp + f.analyser.fn_, 3, "{f:?}");
        assert_eq!(f.analyser.fp + f.analyser.tn, 1, "{f:?}");
        assert_eq!(f.rules_dropped + f.model_dropped + f.model_no_subject + f.model_nothing, f.analyser.fn_, "{f:?}");
        // "Many voters supported": read by the rules, then dropped (a crowd's stance rests on no one).
        assert_eq!(f.rules_dropped, 1, "{f:?}");
        assert!(f.ceiling.tp >= f.analyser.tp && f.ceiling.fp >= f.analyser.fp, "{f:?}");
    }
}
