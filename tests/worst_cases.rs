//! Worst-case inputs (1 MB each, less where noted; debug build): `analyze` does not panic and
//! every span, id and index in the report is valid (the fuzz targets' checks, from
//! `fuzz/src/lib.rs`). The inputs come from `fuzz/src/worst_inputs.rs`, the same
//! generators `benches/worst_cases.rs` times at 10 MB against ordinary news text.

#[path = "../fuzz/src/lib.rs"]
mod props;
#[path = "../fuzz/src/worst_inputs.rs"]
mod worst;

use sourcelight::{analyze, LanguageChoice, Options, Report};

const MB: usize = 1 << 20;

/// A line with no sentence end and a cue every few words is slow: the core cuts run-on
/// sentences at 3,000 bytes, but inside each piece every cue still looks over the whole
/// piece, so "said said said …" takes about 40x the time of ordinary news text (4 s per MB
/// in a release build, at 08b370a..ef24582). Such inputs are tested at this size, and at
/// 1 MB against ordinary text by `one_megabyte_sentences_full_of_cues` (ignored until then).
const LONG_SENTENCE: usize = 16 * 1024;

fn run(text: &str) -> Report {
    let report = analyze(text, &Options::default());
    props::check_report(text, &report);
    report
}

#[test]
fn no_sentence_end() {
    let text = worst::no_sentence_end(MB / 4);
    assert!(!text.contains(['.', '\n']));
    let report = run(&text);
    assert!(report.summary.sentences >= 1);
}

#[test]
fn one_cue_word_repeated() {
    let text = worst::repeated_cue(LONG_SENTENCE);
    run(&text);
    // In Spanish too, and the Spanish cue repeated.
    let es = "dijo ".repeat(LONG_SENTENCE / 5);
    let report = analyze(&es, &Options { language: LanguageChoice::Es });
    props::check_report(&es, &report);
}

#[test]
fn a_hundred_thousand_tiny_paragraphs() {
    let text = "a\n".repeat(100_000);
    let report = run(&text);
    assert_eq!(report.summary.sentences, 100_000, "each line is a sentence");
    let text = worst::tiny_paragraphs(MB);
    run(&text);
    // Empty paragraphs, and CRLF ones.
    run(&"\n".repeat(MB));
    run(&"a\r\n".repeat(MB / 3));
}

#[test]
fn a_million_quote_marks() {
    run(&"\"".repeat(MB));
    run(&"“".repeat(MB / 3));
    run(&"”".repeat(MB / 3));
    run(&worst::quote_marks(MB));
    // Quote marks between cue words.
    run(&"said “ ” « » \" ".repeat(LONG_SENTENCE / 20));
}

#[test]
fn deeply_nested_quotes() {
    // 64 KB: depth 1,500 (each level is a claim; the debug build is slow on claims).
    let text = worst::nested_quotes(MB / 16);
    let report = run(&text);
    assert!(report.claims.len() > 1000, "each level is an attributed sentence, got {} claims", report.claims.len());
    // Open quotes that never close, and closes that were never opened.
    run(&"He said: “".repeat(LONG_SENTENCE / 12));
    run(&"He said.” ".repeat(MB / 16 / 11));
    run(&"” he said. ".repeat(LONG_SENTENCE / 12));
}

#[test]
fn lone_surrogates_from_the_dom() {
    let text = worst::lone_surrogates(MB);
    assert!(text.contains('\u{FFFD}'));
    run(&text);
    // Nothing but replacement characters, and the replacement character inside cue words.
    run(&"\u{FFFD}".repeat(MB / 3));
    // (A lower-case word after the period: one long sentence.)
    run(&"sa\u{FFFD}d \u{FFFD}said\u{FFFD} sources\u{FFFD} said. ".repeat(LONG_SENTENCE / 40));
    run(&"Sa\u{FFFD}d \u{FFFD}said\u{FFFD} sources\u{FFFD} said. ".repeat(MB / 40));
}

#[test]
fn nul_and_control_characters() {
    let text = worst::control_chars(MB);
    run(&text);
    run(&"\0".repeat(MB));
    let every: String = (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32).collect();
    run(&every.repeat(MB / every.len()));
}

#[test]
fn right_to_left_text() {
    let text = worst::right_to_left(MB);
    run(&text);
    // Only bidi controls.
    run(&"\u{202E}\u{202B}\u{200F}\u{2067}\u{2069}\u{202C}".repeat(MB / 18));
}

#[test]
fn mixed_scripts() {
    let text = worst::mixed_scripts(MB);
    run(&text);
    // Every script in one word, and combining marks piled on one letter.
    run(&"aЖλ東ह\u{94d}ก\u{e31}😀".repeat(MB / 24));
    run(&format!("a{} said.", "\u{301}".repeat(MB / 2)));
}

#[test]
fn ordinary_text_has_claims() {
    // The baseline the benchmark compares with is real news-like text.
    let text = worst::ordinary(MB / 8);
    let report = run(&text);
    assert!(report.claims.len() > 500, "got {} claims", report.claims.len());
}

#[test]
fn fuzz_properties_on_the_worst_cases() {
    // The fuzz targets' full checks (every language, determinism, offsets) on a small
    // piece of each worst case.
    for (name, make) in worst::CASES {
        let text = make(4096);
        eprintln!("{name}: {} bytes", text.len());
        props::check_text(&text);
        props::check_offsets(text.as_bytes());
    }
}

/// The long-sentence cases at 1 MB, each within 2x the time of ordinary text of the same
/// size. Fails today on "said said …" (see `LONG_SENTENCE`); run it in a release build:
/// `cargo test --release --test worst_cases -- --ignored`.
#[test]
#[ignore = "slow in the core today: 1 MB of 'said said …' takes 40x ordinary text"]
fn one_megabyte_sentences_full_of_cues() {
    use std::time::Instant;
    let time = |text: &str| {
        let t = Instant::now();
        let report = analyze(text, &Options::default());
        let elapsed = t.elapsed();
        props::check_report(text, &report);
        elapsed
    };
    let ordinary = time(&worst::ordinary(MB));
    for (name, text) in [
        ("no_sentence_end", worst::no_sentence_end(MB)),
        ("repeated_cue", worst::repeated_cue(MB)),
        ("said and quote marks", "said “ ” « » \" ".repeat(MB / 20)),
        ("open quotes", "He said: “".repeat(MB / 12)),
    ] {
        let took = time(&text);
        assert!(took <= ordinary * 2, "{name}: {took:?} against {ordinary:?} for ordinary text of the same size");
    }
}

#[test]
fn the_checks_catch_a_broken_report() {
    // The fuzz targets' checks are not a fake pass: each kind of damage to a good report is caught.
    let text = "“It was a mistake,” sources familiar with the matter said. 😀 Critics say the plan failed, the sources said.";
    let good = analyze(text, &Options::default());
    props::check_report(text, &good);
    assert!(good.claims.len() >= 2 && good.claims.iter().any(|c| c.group.is_some()), "{good:#?}");
    let damage: [(&str, fn(&mut Report)); 8] = [
        ("length", |r| r.length += 1),
        ("span text", |r| r.claims[0].cue.text.push('x')),
        ("span beyond the text", |r| r.claims[1].claim.end = r.length + 1),
        ("start after end", |r| r.claims[0].sentence.start = r.claims[0].sentence.end + 1),
        ("claims out of order", |r| {
            r.claims.swap(0, 1);
            r.claims[0].id = 0;
            r.claims[1].id = 1;
        }),
        ("group out of range", |r| r.claims[0].group = Some(99)),
        ("continues itself", |r| r.claims[1].continues = Some(1)),
        ("summary", |r| r.summary.claims += 1),
    ];
    for (what, hurt) in damage {
        let mut bad = good.clone();
        hurt(&mut bad);
        let caught = std::panic::catch_unwind(|| props::check_report(text, &bad)).is_err();
        assert!(caught, "the checks missed: {what}");
    }
}
