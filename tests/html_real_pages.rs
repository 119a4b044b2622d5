//! Article extraction measured on real saved news pages.
//!
//! Reads the folder named by `SOURCELIGHT_REAL_PAGES` (default `../shared/real-pages`
//! beside the crate): one folder per page with `source.html` (the page as saved) and
//! `expected.html` (the article a careful extractor finds). Skips, with a message,
//! when the folder is missing. Prints every figure; run with `--nocapture` to see them:
//!
//!     cargo test --release --test html_real_pages -- --nocapture
//!
//! Claim figures (the targets of the issue):
//! - (a) claims reported from `source.html` whose sentence lies in the article text
//!   of `expected.html`: at least 95%;
//! - (b) claims found in `expected.html`'s text alone that are also found, with the
//!   same sentence, from `source.html`: at least 90%.
//!
//! Text figures (independent of the core, so extraction can be tuned on its own):
//! share of the expected article's sentences recovered, and word precision and
//! recall (multisets of lower-cased words).

use sourcelight::html::{extract, page_text};
use sourcelight::{analyze, Options};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

fn pages_dir() -> PathBuf {
    match std::env::var_os("SOURCELIGHT_REAL_PAGES") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/real-pages"),
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Naive sentence split for the text figures: ends at . ! ? (plus closing quotes) before a space.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut start = 0;
        let mut i = 0;
        while i < chars.len() {
            if matches!(chars[i], '.' | '!' | '?') {
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j], '"' | '”' | '’' | '\'' | ')') {
                    j += 1;
                }
                if j == chars.len() || chars[j] == ' ' {
                    out.push(
                        chars[start..j]
                            .iter()
                            .collect::<String>()
                            .trim()
                            .to_string(),
                    );
                    start = j;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        if start < chars.len() {
            out.push(chars[start..].iter().collect::<String>().trim().to_string());
        }
    }
    out.retain(|s| s.chars().count() >= 40);
    out
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter()
        .map(|(w, &n)| n.min(b.get(w).copied().unwrap_or(0)))
        .sum()
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

#[derive(Default)]
struct Totals {
    sent_found: usize,
    sent_total: usize,
    word_common: usize,
    word_extracted: usize,
    word_expected: usize,
    claims_in_article: usize,
    claims_from_source: usize,
    claims_kept: usize,
    claims_from_expected: usize,
}

#[test]
fn real_pages() {
    let dir = pages_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "SKIPPED html_real_pages: no folder at {} (set SOURCELIGHT_REAL_PAGES)",
            dir.display()
        );
        return;
    };
    let mut folders: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    folders.sort();
    if folders.is_empty() {
        println!(
            "SKIPPED html_real_pages: no page folders in {}",
            dir.display()
        );
        return;
    }
    let only = std::env::var("SOURCELIGHT_PAGE").ok();
    let options = Options::default();
    let mut t = Totals::default();
    println!(
        "{:<18} {:>6} {:>6} {:>6} {:>7} {:>7}  missed sentence / extra text (first)",
        "page", "sent_r", "word_p", "word_r", "a", "b"
    );
    for folder in &folders {
        let name = folder
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if only.as_ref().is_some_and(|o| o != &name) {
            continue;
        }
        let source = String::from_utf8_lossy(
            &std::fs::read(folder.join("source.html")).expect("source.html"),
        )
        .into_owned();
        let expected_html = String::from_utf8_lossy(
            &std::fs::read(folder.join("expected.html")).expect("expected.html"),
        )
        .into_owned();
        let got = extract(&source).text;
        let want = page_text(&expected_html);
        let got_n = norm(&got);
        let want_n = norm(&want);

        // Text figures.
        let want_sents = sentences(&want);
        let missed: Vec<&String> = want_sents
            .iter()
            .filter(|s| !got_n.contains(&norm(s)))
            .collect();
        let (wg, ww) = (words(&got), words(&want));
        let common = overlap(&wg, &ww);
        let n_got: usize = wg.values().sum();
        let n_want: usize = ww.values().sum();
        let extra: Vec<String> = sentences(&got)
            .into_iter()
            .filter(|s| !want_n.contains(&norm(s)))
            .collect();

        // Claim figures.
        let from_source = analyze(&got, &options);
        let in_article = from_source
            .claims
            .iter()
            .filter(|c| want_n.contains(&norm(&c.sentence.text)))
            .count();
        let from_expected = analyze(&want, &options);
        let source_sentences: HashSet<String> = from_source
            .claims
            .iter()
            .map(|c| norm(&c.sentence.text))
            .collect();
        let kept = from_expected
            .claims
            .iter()
            .filter(|c| source_sentences.contains(&norm(&c.sentence.text)))
            .count();

        t.sent_found += want_sents.len() - missed.len();
        t.sent_total += want_sents.len();
        t.word_common += common;
        t.word_extracted += n_got;
        t.word_expected += n_want;
        t.claims_in_article += in_article;
        t.claims_from_source += from_source.claims.len();
        t.claims_kept += kept;
        t.claims_from_expected += from_expected.claims.len();

        if only.is_some() {
            for m in &missed {
                println!("MISSED: {m}");
            }
            for x in &extra {
                println!("EXTRA: {x}");
            }
            for c in from_source
                .claims
                .iter()
                .filter(|c| !want_n.contains(&norm(&c.sentence.text)))
            {
                println!("CLAIM OUTSIDE ARTICLE: {}", c.sentence.text);
            }
            for c in from_expected
                .claims
                .iter()
                .filter(|c| !source_sentences.contains(&norm(&c.sentence.text)))
            {
                println!("CLAIM LOST: {}", c.sentence.text);
            }
        }
        let note = missed
            .first()
            .map(|s| format!("missed: {}", s.chars().take(70).collect::<String>()))
            .or_else(|| {
                extra
                    .first()
                    .map(|s| format!("extra: {}", s.chars().take(70).collect::<String>()))
            })
            .unwrap_or_default();
        println!(
            "{:<18} {:>6.3} {:>6.3} {:>6.3} {:>3}/{:<3} {:>3}/{:<3}  {}",
            name,
            ratio(want_sents.len() - missed.len(), want_sents.len()),
            ratio(common, n_got),
            ratio(common, n_want),
            in_article,
            from_source.claims.len(),
            kept,
            from_expected.claims.len(),
            note
        );
    }
    let sent_recall = ratio(t.sent_found, t.sent_total);
    let word_precision = ratio(t.word_common, t.word_extracted);
    let word_recall = ratio(t.word_common, t.word_expected);
    let a = ratio(t.claims_in_article, t.claims_from_source);
    let b = ratio(t.claims_kept, t.claims_from_expected);
    println!(
        "ALL: sentences recovered {:.3} ({}/{}), word precision {:.3}, word recall {:.3}",
        sent_recall, t.sent_found, t.sent_total, word_precision, word_recall
    );
    println!(
        "ALL: (a) claims from source.html in the article {:.3} ({}/{}); (b) article claims also found from source.html {:.3} ({}/{})",
        a, t.claims_in_article, t.claims_from_source, b, t.claims_kept, t.claims_from_expected
    );
    if only.is_some() {
        return;
    }
    // Text floors: extraction alone (measured values are in the README's CLI section).
    assert!(
        sent_recall >= 0.95,
        "sentence recall {sent_recall:.3} < 0.95"
    );
    assert!(
        word_precision >= 0.93,
        "word precision {word_precision:.3} < 0.93"
    );
    // Claim targets, once the core finds enough claims for a share to mean something.
    if t.claims_from_source >= 20 {
        assert!(a >= 0.95, "(a) {a:.3} < 0.95");
    } else {
        println!(
            "(a) not asserted: only {} claims from source pages",
            t.claims_from_source
        );
    }
    if t.claims_from_expected >= 20 {
        assert!(b >= 0.90, "(b) {b:.3} < 0.90");
    } else {
        println!(
            "(b) not asserted: only {} claims from expected pages",
            t.claims_from_expected
        );
    }
}

/// Real pages cut off anywhere (a partly saved page) still give text, never a panic.
#[test]
fn truncated_pages_do_not_panic() {
    let dir = pages_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "SKIPPED truncated_pages_do_not_panic: no folder at {}",
            dir.display()
        );
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let Ok(bytes) = std::fs::read(entry.path().join("source.html")) else {
            continue;
        };
        let page = String::from_utf8_lossy(&bytes);
        for part in [3, 2] {
            let mut cut = page.len() * (part - 1) / part;
            while !page.is_char_boundary(cut) {
                cut -= 1;
            }
            let article = extract(&page[..cut]);
            let _ = analyze(&article.text, &Options::default());
        }
    }
}
