//! Which language a text is in: English or Spanish, by their commonest words.

use crate::report::Language;

const ENGLISH: &[&str] = &["the", "and", "of", "to", "said", "is", "was", "that", "with", "for", "it", "on", "by", "he", "she", "they"];
const SPANISH: &[&str] = &["el", "la", "los", "las", "de", "que", "y", "en", "dijo", "del", "por", "con", "una", "es", "se", "según"];

/// Detects the language from the first 20,000 bytes (enough for any article's first paragraphs).
pub fn detect(text: &str) -> Language {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut en, mut es) = (0u32, 0u32);
    // Lower-cased into one buffer (the lists hold plain Latin words: see `lower_into`).
    let mut buf = String::new();
    for word in text[..end].split(|c: char| !crate::wordset::is_alphabetic(c)).filter(|w| !w.is_empty() && w.len() <= 6) {
        let lower = crate::wordset::lower_into(word, &mut buf);
        if ENGLISH.contains(&lower) {
            en += 1;
        }
        if SPANISH.contains(&lower) {
            es += 1;
        }
    }
    if es > en {
        Language::Es
    } else {
        Language::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_spanish() {
        assert_eq!(detect("The minister said on Monday that the talks had failed."), Language::En);
        assert_eq!(detect("La ministra dijo el lunes que las negociaciones habían fracasado."), Language::Es);
    }

    #[test]
    fn empty_or_foreign_text_defaults_to_english() {
        assert_eq!(detect(""), Language::En);
        assert_eq!(detect("東京 😀 123"), Language::En);
    }
}
