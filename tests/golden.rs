//! The golden test: every label in tests/corpus against the analyser, enforced
//! through the accuracy floors in tests/eval_floors.toml.
//!
//! - The corpus must parse (malformed markup fails here, naming file and line).
//! - Every figure (per-kind precision and recall, sentences, continuations,
//!   decoys, groups, checks) must stay at or above its floor, and violations
//!   (a named or organisation source reported as anonymous or vague) at or below
//!   their ceiling. On failure the test prints every mismatch.
//! - Raise the floors after an improvement: `make eval-update-floors`.
//!
//! The parser and the scoring rules are unit-tested on small inline examples in
//! src/eval/ (they run whatever the corpus holds); here one inline article also
//! goes through the real analyser, to check the plumbing end to end.

use sourcelight::eval::{corpus, floors::Floors, render, score, sentences};
use std::path::Path;

const CORPUS: &str = "tests/corpus";
const FLOORS: &str = "tests/eval_floors.toml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load() -> Vec<corpus::Article> {
    match corpus::load_dir(&root().join(CORPUS)) {
        Ok(a) => a,
        Err(errors) => {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("the corpus has malformed article files (see tests/corpus/FORMAT.md):\n{}", list.join("\n"));
        }
    }
}

#[test]
fn corpus_parses_and_labels_name_their_words() {
    for a in load() {
        let units: Vec<u16> = a.text.encode_utf16().collect();
        for l in &a.labels {
            assert_eq!(&a.text[l.bytes.start..l.bytes.end], l.words, "{}:{}", a.path, l.line);
            let words = String::from_utf16(&units[l.start as usize..l.end as usize]).unwrap();
            assert_eq!(words, l.words, "{}:{}: UTF-16 span", a.path, l.line);
        }
        assert!(a.lang.is_some(), "{}: no `# lang:` header", a.path);
    }
}

#[test]
fn golden_labels_hold_the_floors() {
    let articles = load();
    let e = score::evaluate(&articles);
    let table = render::corpus_table(&e, CORPUS);
    println!("{table}");
    let text = std::fs::read_to_string(root().join(FLOORS))
        .unwrap_or_else(|err| panic!("cannot read {FLOORS}: {err} (create it with `make eval-update-floors`)"));
    let floors = Floors::parse(&text).unwrap_or_else(|err| panic!("{FLOORS}: {err}"));
    let failures = floors.check(&e.total.figures(), e.total.violations);
    if !failures.is_empty() {
        eprintln!("{table}\nEvery mismatch:\n{}", render::mismatches_text(&e));
        panic!(
            "accuracy dropped below the floors in {FLOORS}:\n  {}\n(every mismatch is printed above; `make eval` shows the same)",
            failures.join("\n  ")
        );
    }
}

#[test]
fn inline_article_goes_through_the_analyser() {
    let src = "# style: wire\n# lang: en\nTest headline\n\n\u{201c}We will win,\u{201d} {{named#ruiz:Ruiz}} said. \u{201c}{{+}}We always do.\u{201d} {{anonymous#a count=plural:People familiar with the talks}} said a deal was close. {{-}}Sources of funding were unclear. Caf\u{e9} \u{1f600} owners, {{unverified:reportedly}}, left.\n";
    let a = corpus::parse_article("inline.txt", src).unwrap();
    let report = sourcelight::analyze(&a.text, &sourcelight::Options::default());
    for c in &report.claims {
        assert!(c.sentence.end as usize <= a.text.encode_utf16().count());
    }
    let r = score::score_article(&a, &report, &sentences::sentences(&a.text));
    let t = &r.scores;
    assert_eq!(t.all.labels, 3);
    assert_eq!(t.continuations.labels, 1);
    assert_eq!(t.decoys.total, 1);
    assert_eq!(t.sentences.tp + t.sentences.fn_, 4, "gold-attributed sentences");
    // Every miss is reported with its sentence.
    assert_eq!(r.mismatches.iter().filter(|m| m.what == "missed" || m.what == "wrong-kind").count() as u32, t.all.labels - t.all.found);
}
