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
            panic!(
                "the corpus has malformed article files (see tests/corpus/FORMAT.md):\n{}",
                list.join("\n")
            );
        }
    }
}

#[test]
fn corpus_parses_and_labels_name_their_words() {
    for a in load() {
        let units: Vec<u16> = a.text.encode_utf16().collect();
        for l in &a.labels {
            assert_eq!(
                &a.text[l.bytes.start..l.bytes.end],
                l.words,
                "{}:{}",
                a.path,
                l.line
            );
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
    let text = std::fs::read_to_string(root().join(FLOORS)).unwrap_or_else(|err| {
        panic!("cannot read {FLOORS}: {err} (create it with `make eval-update-floors`)")
    });
    let floors = Floors::parse(&text).unwrap_or_else(|err| panic!("{FLOORS}: {err}"));
    let failures = floors.check(&e.total.figures(), e.total.violations);
    if !failures.is_empty() {
        eprintln!(
            "{table}\n{}\nEvery mismatch:\n{}",
            render::confusion_table(&e),
            render::mismatches_text(&e)
        );
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
    assert_eq!(
        t.sentences.tp + t.sentences.fn_,
        4,
        "gold-attributed sentences"
    );
    // Every miss is reported with its sentence.
    assert_eq!(
        r.mismatches
            .iter()
            .filter(|m| m.what == "missed" || m.what == "wrong-kind")
            .count() as u32,
        t.all.labels - t.all.found
    );
}

// ---- the `sourcelight eval` command ------------------------------------------------

fn eval_cmd(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sourcelight"))
        .arg("eval")
        .args(args)
        .current_dir(root())
        .output()
        .expect("run sourcelight");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("sourcelight-golden-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("en")).unwrap();
    d
}

#[test]
fn eval_cli_tables_json_and_floors() {
    let d = temp_dir("cli");
    std::fs::write(d.join("en/a.txt"), "# style: wire\n# lang: en\nHead\n\n{{named:Ann Lee}} said the plan works. {{-}}The sources of funding are unclear.\n").unwrap();
    let corpus = d.to_str().unwrap();
    let (code, out, _) = eval_cmd(&["--corpus", corpus, "--mismatches", "--articles"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("named")
            && out.contains("sentences attributed or not")
            && out.contains("en/a.txt"),
        "{out}"
    );
    let (code, out, _) = eval_cmd(&["--corpus", corpus, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["total"]["kinds"]["named"]["labels"], 1);
    assert!(v["figures"].get("named.recall").is_some());
    // A floor no analyser can reach today fails with status 1 and says which.
    let floors = d.join("floors.toml");
    std::fs::write(&floors, "named.recall = 1.0\nnamed.precision = 1.0\n").unwrap();
    let (code, out, _) = eval_cmd(&["--corpus", corpus, "--floors", floors.to_str().unwrap()]);
    let report = sourcelight::analyze(
        "Ann Lee said the plan works. The sources of funding are unclear.",
        &Default::default(),
    );
    if report
        .claims
        .iter()
        .any(|c| c.kind == sourcelight::Kind::Named)
    {
        assert_eq!(code, 0, "{out}");
    } else {
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains("named.recall = 0.0000 is below its floor 1.0000"),
            "{out}"
        );
    }
    // Updating only raises, and writes a file that passes.
    std::fs::write(&floors, "").unwrap();
    let (code, _, _) = eval_cmd(&[
        "--corpus",
        corpus,
        "--floors",
        floors.to_str().unwrap(),
        "--update-floors",
    ]);
    assert_eq!(code, 0);
    let (code, out, _) = eval_cmd(&["--corpus", corpus, "--floors", floors.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("all figures hold"), "{out}");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn eval_cli_errors_name_the_place() {
    let d = temp_dir("bad");
    std::fs::write(
        d.join("en/b.txt"),
        "# lang: en\nHead\nThe {{anonymus:sources}} said.\n",
    )
    .unwrap();
    let (code, _, err) = eval_cmd(&["--corpus", d.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("b.txt:3:5: unknown kind `anonymus`"), "{err}");
    let (code, _, err) = eval_cmd(&["--corpus", "/nonexistent/corpus"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such folder"), "{err}");
    let (code, _, err) = eval_cmd(&["--brat", "/nonexistent/polnear"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such folder"), "{err}");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn eval_cli_reads_brat() {
    let d = temp_dir("brat");
    let text = "Ann Lee said the plan works. Rain fell.";
    std::fs::write(d.join("doc.txt"), text).unwrap();
    std::fs::write(d.join("doc.ann"), "T1\tSource 0 7\tAnn Lee\nT2\tCue 8 12\tsaid\nT3\tContent 13 27\tthe plan works\nT4\tAttribution 8 12\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n").unwrap();
    let (code, out, err) = eval_cmd(&["--brat", d.to_str().unwrap(), "--json", "--sample", "5"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["articles"], 1);
    assert_eq!(v["attributions"], 1);
    assert_eq!(v["sentences"], 2);
    assert_eq!(
        v["cue"]["tp"].as_u64().unwrap() + v["cue"]["fn"].as_u64().unwrap(),
        1
    );
    std::fs::remove_dir_all(&d).unwrap();
}
