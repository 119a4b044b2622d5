//! Attributions through cues the lexicons do not list, found by the learned cue model
//! (`crate::cue_model`): "Trump seemed to …", "Ms. Ortiz wondered whether …".
//!
//! Only sentences in which the rules found nothing are read, and only those that read as English
//! (`TokenFeatures::english`): a Spanish quotation or paragraph in an English article is left to
//! the rules. The model's best word is the cue; its source is the subject before it, found the
//! way the rules find a reporting verb's subject. A cue with no subject of its own is left out:
//! the claim would rest on nobody the reader can see. Whether the source may hold such a claim at
//! all (a person or an institution, never a crowd) is decided with the other stances in
//! `discourse.rs`.

use super::*;
use crate::cue_model::{CueModel, TokenFeatures};

/// Words that are never a cue of their own (PolNeAR marks "in an interview", "to" and "of" as parts of cues).
pub(super) static FUNCTION_WORDS: WordSet = WordSet::new(&["to", "that", "this", "it", "and", "or", "but", "if", "not", "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "has", "have", "had", "being", "so", "than", "then", "also", "just", "only", "very"]);

/// The `F_*` bits of the words behind them, by the model's word hash (`TokenInfo::lower`): the
/// eligibility test reads a token's bits without lower-casing it again.
fn flags_by_hash(lex: &LanguageLexicon) -> &'static FxHashMap<u64, u32> {
    static BY_HASH: [OnceLock<FxHashMap<u64, u32>>; 2] = [OnceLock::new(), OnceLock::new()];
    BY_HASH[usize::from(lex.language == Language::Es)].get_or_init(|| flag_map(lex).iter().map(|(w, f)| (crate::cue_model::word_hash(&w), f)).collect())
}

/// May the model score token `i` as a cue?
fn eligible(i: usize, span: ByteSpan, lexicon_cues: &[Found<CueKind>], features: &TokenFeatures, lex: &LanguageLexicon) -> bool {
    let t = &features.info[i];
    if !t.word {
        return false;
    }
    let by_hash = flags_by_hash(lex);
    let flags = |k: usize| by_hash.get(&features.info[k].lower).copied().unwrap_or(0);
    // The bits of the word and of the token before it, looked up once each.
    let here = flags(i);
    let is = |f: u32| here & f != 0;
    let before = i.checked_sub(1).map(|b| (b, flags(b)));
    let at = t.span;
    // Words the lexicons know are the rules' to judge: they have looked at them already, and know
    // their look-alikes ("claimed 54% of the vote", "declined a contract extension", "according to plan").
    let known = is(F_CUE_WORD) || lexicon_cues.iter().any(|f| span.start + f.start < at.end && at.start < span.start + f.end);
    // A cue is a verb, an adjective or a noun of its own: never a function word ("was", "in", "to"),
    // never after a determiner, preposition or possessive ("a statement", "his party's statement").
    let function_word = is(F_DETERMINER | F_PREPOSITION | F_PASSIVE | F_CLAUSE | F_SKIP_BEFORE_CUE | F_FUNCTION);
    let noun = before.is_some_and(|(b, bits)| bits & (F_DETERMINER | F_PREPOSITION) != 0 || features.info[b].possessive);
    // "Posters announcing a rally": a participle right after a noun describes it ("Trump, hoping …"
    // and "he will be hoping" keep theirs).
    let describes = t.ends_ing && before.is_some_and(|(b, bits)| features.info[b].word && bits & (F_PASSIVE | F_SKIP_BEFORE_CUE) == 0);
    // "Users are being asked to reset …", "was asked about the rumours": a passive cue attributes
    // nothing unless its source follows ("was praised by …", which the rules read).
    let passive = before.is_some_and(|(_, bits)| bits & F_PASSIVE != 0) && !t.ends_ing;
    !(known || function_word || noun || describes || passive)
}

/// A sentence as the model reads it: its tokens' spans, their features, and which of them it may
/// score (for training the model on the words it will be asked about).
pub fn model_view(text: &str, sentence: &Sentence, lex: &LanguageLexicon) -> (Vec<ByteSpan>, TokenFeatures, Vec<bool>) {
    let features = TokenFeatures::new(text, sentence.span, sentence.starts_in_quote);
    let cues = lex.cues(&text[sentence.span.start..sentence.span.end]);
    let eligible = (0..features.len()).map(|i| eligible(i, sentence.span, &cues, &features, lex)).collect();
    (features.info.iter().map(|t| t.span).collect(), features, eligible)
}

/// Adds at most one attribution for sentence `index`, when the model finds a cue with a subject.
/// `lexicon_cues` are the lexicon's cue phrases in the sentence (offsets within it; see `find_in_sentence`).
pub fn find_learned(text: &str, index: usize, sentence: &Sentence, lex: &LanguageLexicon, model: &CueModel, lexicon_cues: &[Found<CueKind>], out: &mut Vec<RawAttribution>) {
    let span = sentence.span;
    let Some(features) = TokenFeatures::english(text, span, sentence.starts_in_quote) else {
        return;
    };
    let Some((first, _)) = model.best_cue(&features, |i| !eligible(i, span, lexicon_cues, &features, lex)) else {
        return;
    };
    // A cue: now the sentence is read as the rules read it (the same tokens), to find its subject.
    let mut arena = String::new();
    let tokens = sentence_tokens(text, span, lex, &mut arena);
    // The cue runs on over the next words the model also scores as cue words ("is expected to").
    let mut last = first;
    while last + 1 < tokens.len() && tokens[last + 1].word && model.is_candidate(features.info[last + 1].lower) && model.score(&features, last + 1) >= model.threshold {
        last += 1;
    }
    // Walk left over adverbs and auxiliaries: "Clinton has long hoped".
    let mut j = first;
    while j > 0 && tokens[j - 1].word && tokens[j - 1].is(F_SKIP_BEFORE_CUE | F_PASSIVE) {
        j -= 1;
    }
    let source = match subject_before(text, &tokens, j, lex) {
        Left::Phrase(source) | Left::Relative(source) => Some(source),
        // "Clinton toured the plant and promised …", "Trump spoke for an hour, insisting …": the sentence's subject.
        Left::Coordinated => leading_name(text, &tokens, first, lex),
        Left::Open if j > 0 && is_punct(text, &tokens[j - 1], &[',']) => leading_name(text, &tokens, j - 1, lex),
        Left::Open => None,
    };
    let Some(source) = source else {
        return;
    };
    // "His party's last statement": a possessive is no subject.
    let source_text = &text[source.start..source.end];
    if source_text.ends_with("'s") || source_text.ends_with("’s") || source_text.ends_with('\'') || source_text.ends_with('’') {
        return;
    }
    // A subject that is itself mostly a clause ("What the campaign wants most") is no source.
    if crate::wordset::count_words(&text[source.start..source.end], 13) > 12 {
        return;
    }
    let cue = ByteSpan::new(tokens[first].span.start, tokens[last].span.end);
    let claim = claim_around(text, &tokens, last + 1, span, source.start, CueKind::Speech);
    out.push(RawAttribution { sentence: index, cue, cue_kind: CueKind::Speech, source: Some(source), implicit: false, claim, learned: true });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    fn learned(text: &str) -> Vec<(String, String)> {
        let lex = Lexicons::shared().language(Language::En);
        let model = CueModel::english().expect("model");
        let mut out = Vec::new();
        for (i, s) in crate::segment::segment(text).iter().enumerate() {
            let cues = lex.cues(&text[s.span.start..s.span.end]);
            find_learned(text, i, s, lex, model, &cues, &mut out);
        }
        out.iter().map(|a| (text[a.cue.start..a.cue.end].to_string(), a.source.map(|s| text[s.start..s.end].to_string()).unwrap_or_default())).collect()
    }

    #[test]
    fn a_belief_of_a_named_person() {
        // "wondered" and "seemed" are in no lexicon: the model reads them.
        let found = learned("Ms. Ortiz wondered whether the budget would pass. Senator Cole seemed unconvinced.");
        assert_eq!(found, vec![("wondered".to_string(), "Ms. Ortiz".to_string()), ("seemed".to_string(), "Senator Cole".to_string())]);
    }

    #[test]
    fn a_learned_cue_is_on_the_record_only() {
        let claims = |text: &str| {
            crate::analyze(text, &crate::Options::default()).claims.iter().map(|c| (c.kind, c.cue.text.clone())).collect::<Vec<_>>()
        };
        assert_eq!(claims("Senator Cole seemed unconvinced by the plan."), vec![(crate::Kind::Named, "seemed".to_string())]);
        // A crowd or an outlet holds no learned claim: the flags are the rules' alone.
        assert!(claims("Many voters seemed unconvinced by the plan.").is_empty());
        assert!(claims("The New York Times seemed unconvinced by the plan.").is_empty());
        // Spanish text is the rules' alone (the model was trained on English).
        assert!(claims("El senador Cole parecía poco convencido del plan.").is_empty());
    }

    #[test]
    fn nothing_in_a_plain_sentence_or_inside_a_quotation() {
        assert!(learned("The ferry left the harbour at noon and reached the island by two.").is_empty());
        assert!(learned("“I hope we will win,” ").is_empty());
        // A word the lexicons know is the rules' to judge, even where they find no attribution.
        assert!(learned("Mercer declined a contract extension last summer.").is_empty());
    }
}
