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

/// Is `piece` (a sentence) clearly Spanish? At least three words of `SPANISH` and more of them
/// than of `ENGLISH` (the words `detect` counts), a capitalised one counting only as the
/// sentence's first word: "El Paso Mayor Oscar Leeser wondered" and "Escobar de El Paso" are
/// English with a Spanish place in them. One pass over the bytes, with no allocation: the learned
/// cue model asks it of every sentence it might read (a sentence it wrongly calls Spanish loses
/// the model's reading; one it wrongly calls English only costs the time to read it).
pub fn reads_as_spanish(piece: &str) -> bool {
    let bytes = piece.as_bytes();
    let (mut english, mut spanish) = (0u32, 0u32);
    let (mut i, mut first_word) = (0, true);
    while i < bytes.len() {
        // A word: a run of letters (as `detect` splits), its bytes lower-cased and hashed.
        let (start, mut hash) = (i, FNV_OFFSET);
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphabetic() {
                hash = fnv(hash, u32::from(b.to_ascii_lowercase()));
                i += 1;
            } else if b >= 0x80 {
                let c = piece[i..].chars().next().unwrap_or(' ');
                if !crate::wordset::is_alphabetic(c) {
                    break;
                }
                // The lists' words are Latin: only Latin-1's capitals need lowering, and without
                // std's case tables, which would cost the wasm 8 KB (see `case.rs`).
                let lower = crate::case::lower_latin1(c).unwrap_or(c);
                let mut utf8 = [0; 4];
                for &b in lower.encode_utf8(&mut utf8).as_bytes() {
                    hash = fnv(hash, u32::from(b));
                }
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if i == start {
            // Not a letter: step over it (a whole character).
            i += piece[i..].chars().next().map_or(1, char::len_utf8);
        } else {
            // Capitalised ("El", "Él").
            let capitalised = piece[start..].starts_with(crate::case::lowercase_may_change);
            if i - start <= 6 && (first_word || !capitalised) {
                match VOTES.get(hash) {
                    Some(Language::En) => english += 1,
                    Some(Language::Es) => spanish += 1,
                    None => {}
                }
            }
            first_word = false;
        }
    }
    spanish >= 3 && spanish > english
}

/// FNV-1a over a lower-case word's bytes (`cue_model`'s step, a byte at a time).
const fn word_hash(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let (mut h, mut i) = (FNV_OFFSET, 0);
    while i < bytes.len() {
        h = fnv(h, bytes[i] as u32);
        i += 1;
    }
    h
}

/// The words of `ENGLISH` and `SPANISH` by their hash, built at compile time.
struct VotesByHash {
    /// Open addressing on the hash's low bits; 0 is an empty slot.
    slots: [(u64, Language); VOTE_SLOTS],
}

use crate::cue_model::{fnv, FNV_OFFSET};

const VOTE_SLOTS: usize = 128;
// The table must keep empty slots, or a miss would probe forever (and its build would not end).
const _: () = assert!(ENGLISH.len() + SPANISH.len() < VOTE_SLOTS / 2);

impl VotesByHash {
    const fn new() -> VotesByHash {
        let mut slots = [(0u64, Language::En); VOTE_SLOTS];
        // A word in both lists would vote for both in `detect`; there is none (a test checks).
        let lists = [(ENGLISH, Language::En), (SPANISH, Language::Es)];
        let mut l = 0;
        while l < lists.len() {
            let (words, language) = lists[l];
            let mut w = 0;
            while w < words.len() {
                let hash = word_hash(words[w]);
                let mut k = hash as usize % VOTE_SLOTS;
                while slots[k].0 != 0 {
                    k = (k + 1) % VOTE_SLOTS;
                }
                slots[k] = (hash, language);
                w += 1;
            }
            l += 1;
        }
        VotesByHash { slots }
    }

    /// The language whose commonest words include the word with this hash.
    #[inline]
    fn get(&self, hash: u64) -> Option<Language> {
        let mut k = hash as usize % VOTE_SLOTS;
        loop {
            let (h, language) = self.slots[k];
            if h == hash {
                return Some(language);
            }
            if h == 0 {
                return None;
            }
            k = (k + 1) % VOTE_SLOTS;
        }
    }
}

static VOTES: VotesByHash = VotesByHash::new();

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

    #[test]
    fn votes_by_hash_hold_each_list_word_once() {
        assert!(ENGLISH.iter().all(|w| !SPANISH.contains(w)));
        assert!(ENGLISH.len() + SPANISH.len() < VOTE_SLOTS / 2, "the table stays sparse");
        for (words, language) in [(ENGLISH, Language::En), (SPANISH, Language::Es)] {
            for word in words {
                assert_eq!(VOTES.get(word_hash(word)), Some(language), "{word}");
            }
        }
        for word in ["minister", "ministra", "dice", "says", ""] {
            assert_eq!(VOTES.get(word_hash(word)), None, "{word}");
        }
    }

    #[test]
    fn a_sentence_reads_as_spanish_when_clearly_spanish() {
        for sentence in [
            "La ministra dijo el lunes que las negociaciones habían fracasado.",
            "«No vamos a rendirnos», dijo López, que trabaja en la planta.",
            "Él dijo que la empresa y el sindicato firmaron.",
            "Según—la—empresa, el plan sigue y es firme 😀.",
        ] {
            assert!(reads_as_spanish(sentence), "{sentence}");
        }
        for sentence in [
            "The minister said on Monday that the talks had failed.",
            "Mayor Bill de Blasio said the La Guardia plan was dead.",
            // Spanish places and names in English sentences.
            "El Paso Mayor Oscar Leeser wondered whether voters cared.",
            "Los Angeles Mayor Karen Bass seemed unconvinced.",
            "Rep. Veronica Escobar de El Paso wondered whether it would pass.",
            "Ms. Ortiz wondered whether La Paz would agree to the plan.",
            // Too short to tell: left to the model, which finds nothing in it.
            "La empresa declinó comentar.",
            "東京 😀 123",
            "",
        ] {
            assert!(!reads_as_spanish(sentence), "{sentence}");
        }
    }
}
