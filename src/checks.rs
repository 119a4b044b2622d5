//! Newsroom standards checks on anonymous sources: a reason for anonymity, the source's
//! vantage, how many they are, and whether they attack a person rather than report a fact.

use crate::classify::SourcePhrase;
use crate::lexicon::{CheckKind, LanguageLexicon};
use crate::report::{ByteSpan, Count, Reason};

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
        let piece = &text[sentence.start..sentence.end];
        for f in lex.checks(piece) {
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
    let window: String = after.chars().take(90).collect::<String>().to_lowercase();
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

/// Does the claim characterise or attack a person ("described the coach as erratic")?
pub fn opinion(text: &str, claim: ByteSpan, lex: &LanguageLexicon) -> bool {
    lex.checks(&text[claim.start..claim.end]).iter().any(|f| f.kind == CheckKind::Opinion)
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
}
