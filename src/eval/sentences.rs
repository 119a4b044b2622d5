//! Sentence units for scoring: the gold side is cut exactly the way the core
//! cuts, with the core's own segmenter ([`crate::sentences`]), so a gold sentence
//! and the `sentence` span of a claim are the same units.

use crate::report::ByteSpan;

/// Sentences of `text` as byte spans, in order (the core's segmentation).
pub fn sentences(text: &str) -> Vec<ByteSpan> {
    crate::sentences(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn units_are_ordered_non_empty_and_inside_the_text() {
        let text = "Headline\n\nDr. Ann Lee of the U.S. Army said so. “We will win,” Ruiz said. “We always do.”\n«Ganamos», dijo. ¿Y ahora?";
        let units = sentences(text);
        assert!(units.len() >= 5, "{:?}", cut(text));
        let mut end = 0;
        for u in &units {
            assert!(u.start >= end && u.start < u.end && u.end <= text.len());
            assert!(!text[u.start..u.end].trim().is_empty());
            end = u.end;
        }
        assert_eq!(cut(text)[0], "Headline");
        assert!(
            cut(text).contains(&"Dr. Ann Lee of the U.S. Army said so."),
            "{:?}",
            cut(text)
        );
    }
}
