//! The lexicons' native matcher: aho-corasick's DFA copied into one flat table that a short loop
//! walks, a byte at a time. The crate's own search loop costs about twice the instructions a byte
//! (it re-reads its input and tests more at every byte), and every sentence is searched.
//!
//! The matches are the DFA's own: leftmost-longest, non-overlapping, in order (a test compares
//! them with aho-corasick's over a text of every lexicon phrase).

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, Match};
use rustc_hash::{FxHashMap, FxHashSet};

pub struct FlatDfa {
    /// `trans[state + class]`: the next state. States are premultiplied by the class count; the
    /// dead state is 0, the match states follow it and end at `specials`.
    trans: Vec<u32>,
    /// Each byte's class: bytes that every state treats alike share one.
    classes: [u8; 256],
    /// States are multiples of this: the number of classes.
    stride: u32,
    start: u32,
    specials: u32,
    /// Per match state (by index), the pattern it reports.
    patterns: Vec<u32>,
    /// Each pattern's length in bytes.
    lengths: Vec<u32>,
}

impl FlatDfa {
    pub fn new(dfa: &aho_corasick::dfa::DFA) -> FlatDfa {
        let start = dfa
            .start_state(Anchored::No)
            .unwrap_or_else(|_| unreachable!("the DFA is built for unanchored search"));
        assert!(!dfa.is_match(start), "no lexicon phrase is empty");
        // Every reachable state, breadth first.
        let mut found = vec![start];
        let mut seen = FxHashSet::default();
        seen.insert(start);
        let mut k = 0;
        while k < found.len() {
            for byte in 0..=255u8 {
                let next = dfa.next_state(Anchored::No, found[k], byte);
                if seen.insert(next) {
                    found.push(next);
                }
            }
            k += 1;
        }
        // The dead state first (present or not), then the match states, then the rest.
        let dead = found.iter().copied().find(|&s| dfa.is_dead(s));
        let mut order: Vec<_> = Vec::with_capacity(found.len() + 1);
        order.push(dead);
        order.extend(found.iter().copied().filter(|&s| dfa.is_match(s)).map(Some));
        let specials = order.len();
        order.extend(
            found
                .iter()
                .copied()
                .filter(|&s| !dfa.is_match(s) && !dfa.is_dead(s))
                .map(Some),
        );
        let index: FxHashMap<_, u32> = order
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (s, i as u32)))
            .collect();
        // Byte classes: bytes whose column of next states is the same.
        let mut classes = [0u8; 256];
        let mut columns: FxHashMap<Vec<u32>, u8> = FxHashMap::default();
        let mut representatives = Vec::new();
        for byte in 0..=255u8 {
            let column: Vec<u32> = order
                .iter()
                .map(|s| s.map_or(0, |s| index[&dfa.next_state(Anchored::No, s, byte)]))
                .collect();
            let next = columns.len() as u8;
            classes[byte as usize] = *columns.entry(column).or_insert_with(|| {
                representatives.push(byte);
                next
            });
        }
        let stride = representatives.len() as u32;
        let mut trans = Vec::with_capacity(order.len() * representatives.len());
        for s in &order {
            for &byte in &representatives {
                // The dead state stays dead.
                let next = s.map_or(0, |s| index[&dfa.next_state(Anchored::No, s, byte)]);
                trans.push(next * stride);
            }
        }
        let patterns = order[..specials]
            .iter()
            .map(|s| {
                s.filter(|&s| dfa.is_match(s))
                    .map_or(0, |s| dfa.match_pattern(s, 0).as_u32())
            })
            .collect();
        let lengths = (0..dfa.patterns_len())
            .map(|p| dfa.pattern_len(aho_corasick::PatternID::must(p)) as u32)
            .collect();
        FlatDfa {
            trans,
            classes,
            stride,
            start: index[&start] * stride,
            specials: specials as u32 * stride,
            patterns,
            lengths,
        }
    }

    /// The leftmost-longest match that starts at or after `from`.
    fn find_at(&self, hay: &[u8], from: usize) -> Option<Match> {
        let mut state = self.start;
        let mut at = from;
        // The last match state seen, and where its match ends.
        let mut matched = None;
        'search: loop {
            // Until a dead or match state: a loop with nothing else to keep.
            loop {
                let Some(&b) = hay.get(at) else {
                    break 'search;
                };
                state = self.trans[(state + u32::from(self.classes[b as usize])) as usize];
                at += 1;
                if state < self.specials {
                    break;
                }
            }
            if state == 0 {
                break;
            }
            matched = Some((state, at));
        }
        let (state, end) = matched?;
        let pattern = self.patterns[(state / self.stride) as usize] as usize;
        Some(Match::must(
            pattern,
            end - self.lengths[pattern] as usize..end,
        ))
    }

    /// Every leftmost-longest match in `text`, in order.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Match> + 'a {
        let hay = text.as_bytes();
        let mut from = 0;
        std::iter::from_fn(move || {
            let m = self.find_at(hay, from)?;
            from = m.end();
            Some(m)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{Input, MatchKind};

    /// The same matches as aho-corasick's own search, over text dense with overlapping phrases.
    #[test]
    fn finds_what_the_dfa_finds() {
        let mut patterns: Vec<String> = Vec::new();
        for (_, _, source) in crate::lexicon::FILES {
            for phrase in crate::lexicon::phrases(source) {
                patterns.push(phrase.to_string());
                patterns.extend(crate::lexicon::capitalise(phrase));
            }
        }
        patterns.sort();
        patterns.dedup();
        let dfa = aho_corasick::dfa::Builder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("builds");
        let flat = FlatDfa::new(&dfa);
        // Every phrase, then every phrase run into the next or cut short, in several cases.
        let mut text = String::new();
        for (i, p) in patterns.iter().enumerate() {
            let sep = [" ", "", ", ", "x", "\n", "é "][i % 6];
            text.push_str(p);
            text.push_str(sep);
            text.push_str(&p.to_uppercase());
            text.push_str(&p[..p.floor_char_boundary(p.len() / 2)]);
            text.push(' ');
        }
        let theirs: Vec<Match> = dfa
            .try_find_iter(Input::new(&text))
            .expect("unanchored")
            .collect();
        let ours: Vec<Match> = flat.find_iter(&text).collect();
        assert!(theirs.len() > patterns.len());
        assert_eq!(ours, theirs);
    }
}
