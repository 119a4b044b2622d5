//! `sourcelight train` and `sourcelight eval --brat --folds`: the learned cue model is trained,
//! written, checked for staleness and cross-validated, on a small brat folder of invented articles.

use sourcelight::cue_model::CueModel;
use std::path::{Path, PathBuf};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sourcelight")).args(args).output().expect("run sourcelight");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Six invented articles in which the cue words "hopes" and "wondered" (listed in no lexicon) are annotated.
fn brat_folder(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("sourcelight-cue-model-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let people = ["Ann Vale", "Ruth Okoro", "Carl Mendes", "Dana Pryce", "Eli Strand", "Fay Lorne"];
    for (k, person) in people.iter().enumerate() {
        let text = format!(
            "{person} hopes the bridge will open in May. The river froze in January. {person} wondered whether the vote would hold. The ferry ran late on Tuesday.\n"
        );
        let mut ann = String::new();
        let mut t = 1;
        for cue in ["hopes", "wondered"] {
            let start = text.find(cue).unwrap();
            // Offsets count code points; these texts are ASCII.
            ann.push_str(&format!("T{t}\tCue {start} {}\t{cue}\nT{}\tAttribution {start} {}\t{cue}\nE{t}\tAttribution:T{} Cue:T{t}\n", start + cue.len(), t + 1, start + cue.len(), t + 1));
            t += 2;
        }
        std::fs::write(d.join(format!("doc{k}.txt")), &text).unwrap();
        std::fs::write(d.join(format!("doc{k}.ann")), ann).unwrap();
    }
    d
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn train_writes_a_model_that_check_confirms_and_catches_when_stale() {
    let d = brat_folder("train");
    let model = d.join("model.bin");
    let (code, out, err) = run(&["train", "--brat", path(&d), "--out", path(&model)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("6 articles"), "{out}");
    let bytes = std::fs::read(&model).unwrap();
    let m = CueModel::from_bytes(&bytes).expect("a model");
    let text = "Gil Moss hopes the tunnel opens in June.";
    let (tokens, features) = sourcelight::cue_model::sentence_features(text, sourcelight::ByteSpan::new(0, text.len()), false);
    let (best, _) = m.best_cue(&features, |_| false).expect("the model learned a cue word");
    assert_eq!(&text[tokens[best].span.start..tokens[best].span.end], "hopes");

    let (code, out, _) = run(&["train", "--brat", path(&d), "--out", path(&model), "--check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("up to date"), "{out}");

    let mut changed = bytes.clone();
    *changed.last_mut().unwrap() ^= 1;
    std::fs::write(&model, &changed).unwrap();
    let (code, _, err) = run(&["train", "--brat", path(&d), "--out", path(&model), "--check"]);
    assert_eq!(code, 1);
    assert!(err.contains("stale"), "{err}");
    assert_eq!(std::fs::read(&model).unwrap(), changed, "--check writes nothing");

    let (code, _, err) = run(&["train", "--brat", path(&d), "--out", path(&model), "--threshold", "1.5"]);
    assert_eq!(code, 2);
    assert!(err.contains("between 0 and 1"), "{err}");
    let (code, _, err) = run(&["train", "--brat", "/nonexistent/polnear"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such folder"), "{err}");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn eval_cross_validates_and_measures_the_rules_alone() {
    let d = brat_folder("folds");
    let (code, out, err) = run(&["eval", "--brat", path(&d), "--folds", "3", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["articles"], 6);
    // 12 annotated sentences, 12 plain ones.
    let cue = &v["cue"];
    let gold = cue["tp"].as_u64().unwrap() + cue["fn"].as_u64().unwrap();
    assert_eq!(gold, 12);
    // Each fold's model learned "hopes" and "wondered" from the other articles.
    assert!(cue["tp"].as_u64().unwrap() >= 8, "{cue}");

    let (code, out, err) = run(&["eval", "--brat", path(&d), "--rules-only", "--json"]);
    assert_eq!(code, 0, "{err}");
    let rules: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(rules["cue"]["tp"].as_u64().unwrap() < cue["tp"].as_u64().unwrap(), "the rules know neither word");

    let (code, out, err) = run(&["eval", "--brat", path(&d), "--folds", "3", "--thresholds", "0.2,0.9"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().filter(|l| l.trim_start().starts_with("p >=")).count(), 2, "{out}");

    let (code, _, err) = run(&["eval", "--brat", path(&d), "--folds", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("at least 2 folds"), "{err}");
    std::fs::remove_dir_all(&d).unwrap();
}
