//! Training the learned cue model (`crate::cue_model`) on brat-annotated news (PolNeAR).
//!
//! Every word token is labelled: part of an annotated Cue or not. The candidate words are those
//! that were part of a Cue at least `min_cue_count` times and in at least `min_cue_rate` of their
//! uses; only they are trained on and scored. The weights are learned by logistic regression with
//! FTRL-Proximal (McMahan et al., 2013), whose L1 term leaves most of the hashed table at zero, so
//! the model stays small; they are then quantised to `i8`. Everything is deterministic: the same
//! articles and options give the same bytes.

use super::brat::Doc;
use crate::cue_model::{bucket, CueModel, TokenFeatures, FEATURES};
use crate::report::ByteSpan;
use rustc_hash::FxHashMap;

/// How to train.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    pub bits: u8,
    pub candidate_bits: u8,
    pub epochs: u32,
    pub alpha: f32,
    pub beta: f32,
    pub l1: f32,
    pub l2: f32,
    pub min_cue_count: u32,
    pub min_cue_rate: f32,
    /// The probability at which a word is a cue (stored as a logit).
    pub threshold: f32,
    /// Train on the sentences in which the rules find nothing only (those the model is asked about).
    pub unread_only: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 16,
            candidate_bits: 14,
            epochs: 4,
            alpha: 0.1,
            beta: 1.0,
            l1: 20.0,
            l2: 1.0,
            min_cue_count: 2,
            min_cue_rate: 0.02,
            threshold: 0.5,
            unread_only: false,
        }
    }
}

/// One sentence's tokens with their labels, and which of them the model is asked about.
struct Sentence {
    features: TokenFeatures,
    labels: Vec<bool>,
    eligible: Vec<bool>,
}

/// The sentences of an article as the analyser reads them (quote marks normalised, its own
/// segmenter), and, when `unread_only`, only those in which the rules find no attribution — the
/// sentences the model will be asked about.
fn labelled_sentences(doc: &Doc, unread_only: bool) -> Vec<Sentence> {
    let text = crate::normalize::quotes(&doc.text);
    let lex = crate::lexicon::Lexicons::shared().language(crate::report::Language::En);
    let cues: Vec<ByteSpan> = doc.attributions.iter().flat_map(|a| a.cue.iter().copied()).collect();
    let mut out = Vec::new();
    for (i, s) in crate::segment::segment(&text).iter().enumerate() {
        if unread_only {
            let mut found = Vec::new();
            let _ = crate::attribution::find_in_sentence(&text, i, s, lex, &mut found);
            if !found.is_empty() {
                continue;
            }
        }
        let (spans, features, eligible) = crate::attribution::model_view(&text, s, lex);
        let labels = spans.iter().map(|t| cues.iter().any(|c| c.start < t.end && t.start < c.end)).collect();
        out.push(Sentence { features, labels, eligible });
    }
    out
}

/// Trains a model on `docs`.
pub fn train(docs: &[&Doc], options: &TrainOptions) -> CueModel {
    let sentences: Vec<Sentence> = docs.iter().flat_map(|d| labelled_sentences(d, options.unread_only)).collect();

    // Candidate words: often enough part of a cue.
    let mut counts: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    for s in &sentences {
        for (t, &label) in s.features.info.iter().zip(&s.labels) {
            if t.word {
                let c = counts.entry(t.lower).or_default();
                c.0 += 1;
                c.1 += u32::from(label);
            }
        }
    }
    let mut candidates = vec![0u64; (1usize << options.candidate_bits) / 64];
    for (&word, &(total, cue)) in &counts {
        if cue >= options.min_cue_count && cue as f32 >= options.min_cue_rate * total as f32 {
            let bit = bucket(word, options.candidate_bits);
            candidates[bit / 64] |= 1 << (bit % 64);
        }
    }
    let mut model = CueModel {
        bits: options.bits,
        candidate_bits: options.candidate_bits,
        scale: 1.0,
        bias: 0.0,
        threshold: logit(options.threshold),
        candidates,
        weights: vec![0; 1 << options.bits],
    };

    // Examples: the candidate tokens' hashed features.
    let mut examples: Vec<([u32; FEATURES], bool)> = Vec::new();
    for s in &sentences {
        for (i, t) in s.features.info.iter().enumerate() {
            if s.eligible[i] && !t.in_quote && model.is_candidate(t.lower) {
                let f = s.features.features(i).map(|h| bucket(h, options.bits) as u32);
                examples.push((f, s.labels[i]));
            }
        }
    }

    let (weights, bias) = ftrl(&examples, options);
    // Quantise: the largest weight is ±127 steps.
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    model.scale = scale;
    model.bias = bias;
    model.weights = weights.iter().map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8).collect();
    model
}

/// A probability as a logit.
pub fn logit(p: f32) -> f32 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

/// Logistic regression by FTRL-Proximal over `examples`; returns the weights and the bias.
fn ftrl(examples: &[([u32; FEATURES], bool)], o: &TrainOptions) -> (Vec<f32>, f32) {
    let size = 1usize << o.bits;
    let (mut z, mut n) = (vec![0f32; size], vec![0f32; size]);
    let (mut bias_z, mut bias_n) = (0f32, 0f32);
    let weight = |z: f32, n: f32, l1: f32| {
        if z.abs() <= l1 {
            0.0
        } else {
            -(z - z.signum() * l1) / ((o.beta + n.sqrt()) / o.alpha + o.l2)
        }
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..o.epochs {
        // A seeded Fisher–Yates shuffle: the same order every run.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let (features, label) = &examples[e];
            let b = weight(bias_z, bias_n, 0.0);
            let mut sum = b;
            for &f in features {
                sum += weight(z[f as usize], n[f as usize], o.l1);
            }
            let p = 1.0 / (1.0 + (-sum.clamp(-30.0, 30.0)).exp());
            let g = p - f32::from(u8::from(*label));
            let g2 = g * g;
            let update = |z: &mut f32, n: &mut f32, w: f32| {
                let sigma = ((*n + g2).sqrt() - n.sqrt()) / o.alpha;
                *z += g - sigma * w;
                *n += g2;
            };
            update(&mut bias_z, &mut bias_n, b);
            for &f in features {
                let f = f as usize;
                let w = weight(z[f], n[f], o.l1);
                update(&mut z[f], &mut n[f], w);
            }
        }
    }
    let weights = (0..size).map(|i| weight(z[i], n[i], o.l1)).collect();
    (weights, weight(bias_z, bias_n, 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::brat::Attribution;

    fn doc(name: &str, text: &str, cue_words: &[&str]) -> Doc {
        let attributions = cue_words
            .iter()
            .flat_map(|w| text.match_indices(w).map(|(s, _)| s).collect::<Vec<_>>())
            .map(|s| {
                let w = cue_words.iter().find(|w| text[s..].starts_with(**w)).expect("found above");
                Attribution { cue: vec![ByteSpan::new(s, s + w.len())], content: vec![], source: vec![] }
            })
            .collect();
        Doc { name: name.into(), ann: Default::default(), text: text.into(), attributions, text_mismatches: 0 }
    }

    #[test]
    fn learns_a_cue_word_and_is_deterministic() {
        let mut docs = Vec::new();
        for k in 0..40 {
            let text = format!(
                "Senator Vale{k} believes the plan will fail. The bridge{k} opened in May. Vale{k} hopes to win. The river{k} froze in January."
            );
            docs.push(doc(&format!("d{k}"), &text, &["believes", "hopes"]));
        }
        let refs: Vec<&Doc> = docs.iter().collect();
        let options = TrainOptions { bits: 12, candidate_bits: 10, ..TrainOptions::default() };
        let model = train(&refs, &options);
        assert_eq!(model, train(&refs, &options), "training is deterministic");
        let best = |text: &str| {
            let (tokens, f) = crate::cue_model::sentence_features(text, ByteSpan::new(0, text.len()), false);
            model.best_cue(&f, |_| false).map(|(i, _)| text[tokens[i].span.start..tokens[i].span.end].to_string())
        };
        assert_eq!(best("Governor Ruiz believes the tax is fair."), Some("believes".into()));
        assert_eq!(best("The tunnel opened in March."), None);
        // Quantised weights survive the file format.
        assert_eq!(CueModel::from_bytes(&model.to_bytes()).as_ref(), Ok(&model));
    }
}
