//! `sourcelight eval`: measure the analyser against labelled data.
//!
//! - `sourcelight eval [--corpus DIR]`: the team's labelled corpus (tests/corpus/FORMAT.md):
//!   precision, recall and F1 per kind, sentence-level figures, groups and checks
//!   agreement, violations. `--floors FILE` fails (exit 1) when a figure drops below
//!   its floor; `--update-floors` raises the floors in FILE to today's figures.
//! - `sourcelight eval --brat DIR`: real news with brat annotations (PolNeAR):
//!   sentence-level precision and recall of attribution detection, and with
//!   `--sample N` a seeded sample of missed and spurious sentences.
//!
//! Exit status: 0 fine, 1 a figure is below its floor, 2 unreadable or malformed input.
use clap::Args;
use sourcelight::eval::train::TrainOptions;
use sourcelight::eval::{brat, corpus, floors::Floors, render, score};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct EvalArgs {
    /// A folder of brat annotations (PolNeAR layout: text/ and attributions/).
    #[arg(long, conflicts_with = "corpus")]
    pub brat: Option<PathBuf>,
    /// The team's labelled corpus (default: tests/corpus).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// List every mismatch with its file, line and sentence.
    #[arg(long)]
    pub mismatches: bool,
    /// One line of figures per article.
    #[arg(long)]
    pub articles: bool,
    /// A table of labels by the kind the analyser gave them.
    #[arg(long)]
    pub confusion: bool,
    /// Print the results as JSON (for machines) instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Check the corpus figures against this floors file; exit 1 when one drops below.
    #[arg(long, value_name = "FILE")]
    pub floors: Option<PathBuf>,
    /// Raise the floors in --floors FILE to today's figures (never lowers one).
    #[arg(long, requires = "floors")]
    pub update_floors: bool,
    /// With --brat: show N sampled missed and N sampled spurious sentences.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub sample: usize,
    /// With --brat: list the N most frequent cues of missed and of spurious sentences.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub top: usize,
    /// Seed for --sample (the same seed draws the same sentences).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// With --brat: cross-validate the learned cue model over K folds of the articles (each fold read
    /// by a model trained on the others only), instead of using the compiled-in model, which was
    /// trained on PolNeAR and so has seen its articles.
    #[arg(long, value_name = "K", requires = "brat", conflicts_with = "rules_only")]
    pub folds: Option<usize>,
    /// With --folds: the cue probabilities to try (comma-separated); one line of figures each.
    #[arg(long, value_name = "P,P,…", requires = "folds", value_delimiter = ',')]
    pub thresholds: Vec<f32>,
    /// With --folds: where the annotated sentences the analyser misses are lost (rules then dropped,
    /// model then dropped, model without a subject, model nothing), and the ceiling of the rules and
    /// the model if every sentence they read were shown.
    /// With --thresholds: one funnel a threshold. Prints the funnel alone (no sample).
    #[arg(long, requires = "folds", conflicts_with_all = ["json", "top"])]
    pub funnel: bool,
    /// With --brat: the rules alone, without the learned cue model.
    #[arg(long, requires = "brat")]
    pub rules_only: bool,
}

pub fn run(args: EvalArgs) -> i32 {
    match &args.brat {
        Some(dir) => run_brat(&args, dir),
        None => run_corpus(&args),
    }
}

fn run_brat(args: &EvalArgs, dir: &Path) -> i32 {
    if args.floors.is_some() {
        eprintln!("sourcelight eval: --floors applies to the team's corpus, not to --brat");
        return 2;
    }
    let started = std::time::Instant::now();
    if let Some(folds) = args.folds {
        if args.funnel {
            return run_funnel(dir, folds, &args.thresholds);
        }
        if !args.thresholds.is_empty() {
            return run_threshold_sweep(dir, folds, &args.thresholds);
        }
    }
    let result = match args.folds {
        Some(folds) => {
            let options = TrainOptions::default();
            brat::evaluate_dir_cross_validated(dir, folds, &options, &[options.threshold]).map(|mut v| v.remove(0))
        }
        None if args.rules_only => brat::evaluate_dir_rules_only(dir),
        None => brat::evaluate_dir(dir),
    };
    let r = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sourcelight eval: {e}");
            return 2;
        }
    };
    let mut o = String::new();
    let missed = brat::sample(&r.missed, args.sample, args.seed);
    let spurious = brat::sample(&r.spurious, args.sample, args.seed.wrapping_add(1));
    let wrong_sources = brat::sample(&r.wrong_sources, args.sample, args.seed.wrapping_add(2));
    if args.json {
        let f = |b: &score::Binary| serde_json::json!({"precision": b.precision(), "recall": b.recall(), "f1": b.f1(), "tp": b.tp, "fp": b.fp, "fn": b.fn_, "tn": b.tn});
        let v = serde_json::json!({
            "dir": dir.display().to_string(),
            "articles": r.articles, "attributions": r.attributions, "sentences": r.sentences, "claims": r.claims,
            "cue": f(&r.cue), "content": f(&r.content),
            "cues": {"precision": r.cues.precision(), "recall": r.cues.recall(), "f1": r.cues.f1(), "gold": r.cues.labels, "found": r.cues.found, "claims": r.cues.claims, "matched": r.cues.matched},
            "sources": {"agreement": r.sources.rate(), "agree": r.sources.agree, "total": r.sources.total},
            "text_mismatches": r.text_mismatches,
            "doubly_annotated": {"articles": r.doubly_annotated, "second_annotator": f(&r.second_annotator), "analyser": f(&r.analyser_on_doubles)},
            "missed_total": r.missed.len(), "spurious_total": r.spurious.len(),
            "by_publisher": r.by_publisher.iter().map(|(p, b)| (p.clone(), f(b))).collect::<serde_json::Map<_, _>>(),
            "sample": {"seed": args.seed, "missed": missed, "spurious": spurious, "wrong_sources": wrong_sources},
            "top_missed_cues": brat::top(&r.missed_cues, args.top),
            "top_spurious_cues": brat::top(&r.spurious_cues, args.top),
        });
        let _ = writeln!(
            o,
            "{}",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        );
    } else {
        let what = match (args.folds, args.rules_only) {
            (Some(k), _) => format!("{} (learned cue model cross-validated over {k} folds: no article read by a model trained on it)", dir.display()),
            (None, true) => format!("{} (the rules alone, no learned cue model)", dir.display()),
            // The compiled-in model was trained on PolNeAR: on PolNeAR these figures flatter it.
            (None, false) => format!("{} (compiled-in cue model, trained on these articles: use --folds for a fair figure)", dir.display()),
        };
        let _ = write!(o, "{}", render::real_table(&r, &what));
        if args.top > 0 {
            let _ = write!(
                o,
                "{}",
                render::top_text(
                    "most frequent gold cues in missed sentences",
                    &brat::top(&r.missed_cues, args.top)
                )
            );
            let _ = write!(
                o,
                "{}",
                render::top_text(
                    "most frequent reported cues in spurious sentences",
                    &brat::top(&r.spurious_cues, args.top)
                )
            );
        }
        if args.sample > 0 {
            let _ = write!(
                o,
                "{}",
                render::cases_text(
                    "missed sentences (gold cue, no claim's cue)",
                    &missed,
                    r.missed.len()
                )
            );
            let _ = write!(
                o,
                "{}",
                render::cases_text(
                    "spurious sentences (a claim's cue, no gold cue)",
                    &spurious,
                    r.spurious.len()
                )
            );
            let _ = write!(
                o,
                "{}",
                render::cases_text(
                    "claims on a gold cue whose source misses the gold Source",
                    &wrong_sources,
                    r.wrong_sources.len()
                )
            );
        }
        let _ = writeln!(
            o,
            "\n({:.1} s; one annotator per article: the annotation file whose name sorts first)",
            started.elapsed().as_secs_f64()
        );
    }
    emit(&o);
    0
}

/// One line of cue-sentence figures per threshold, cross-validated.
fn run_threshold_sweep(dir: &Path, folds: usize, thresholds: &[f32]) -> i32 {
    let results = match brat::evaluate_dir_cross_validated(dir, folds, &TrainOptions::default(), thresholds) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sourcelight eval: {e}");
            return 2;
        }
    };
    let mut o = format!("cue sentences, {folds}-fold cross-validated learned cue model, by threshold:\n");
    for (p, r) in thresholds.iter().zip(&results) {
        let _ = writeln!(o, "  p >= {p:.3}   P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})", r.cue.precision().unwrap_or(0.0), r.cue.recall().unwrap_or(0.0), r.cue.f1().unwrap_or(0.0), r.cue.tp, r.cue.fp, r.cue.fn_);
    }
    emit(&o);
    0
}

/// Where missed sentences are lost, cross-validated (`sourcelight::eval::funnel`), one funnel a threshold.
fn run_funnel(dir: &Path, folds: usize, thresholds: &[f32]) -> i32 {
    let options = TrainOptions::default();
    let thresholds = if thresholds.is_empty() { vec![options.threshold] } else { thresholds.to_vec() };
    let funnels = match sourcelight::eval::funnel::funnel_cross_validated(dir, folds, &options, &thresholds) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("sourcelight eval: {e}");
            return 2;
        }
    };
    let line = |b: &score::Binary| format!("P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {}, tn {})", b.precision().unwrap_or(0.0), b.recall().unwrap_or(0.0), b.f1().unwrap_or(0.0), b.tp, b.fp, b.fn_, b.tn);
    let mut o = String::new();
    for (p, f) in thresholds.iter().zip(&funnels) {
        let _ = writeln!(o, "cue sentences, {folds}-fold cross-validated learned cue model, threshold p >= {p:.3}");
        let _ = writeln!(o, "  the analyser    {}", line(&f.analyser));
        let _ = writeln!(o, "  missed sentences ({}), where they are lost:", f.analyser.fn_);
        let _ = writeln!(o, "    the rules read a cue and a source; resolution dropped it   {:>5}", f.rules_dropped);
        let _ = writeln!(o, "    the model read a cue and a subject; resolution dropped it  {:>5}", f.model_dropped);
        let _ = writeln!(o, "    the model read a cue, no usable subject before it          {:>5}", f.model_no_subject);
        let _ = writeln!(o, "    no word reached the model's threshold                      {:>5}", f.model_nothing);
        let _ = writeln!(o, "  the ceiling: a sentence counts when any rule reads an attribution in it or any word");
        let _ = writeln!(o, "  scores over the threshold, whatever resolution then does");
        let _ = writeln!(o, "                  {}", line(&f.ceiling));
    }
    emit(&o);
    0
}

fn run_corpus(args: &EvalArgs) -> i32 {
    let dir = args
        .corpus
        .clone()
        .unwrap_or_else(|| PathBuf::from("tests/corpus"));
    if !dir.is_dir() {
        eprintln!(
            "sourcelight eval: {}: no such folder (give the corpus with --corpus DIR)",
            dir.display()
        );
        return 2;
    }
    let articles = match corpus::load_dir(&dir) {
        Ok(a) => a,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "sourcelight eval: {} malformed article file(s); see tests/corpus/FORMAT.md",
                errors.len()
            );
            return 2;
        }
    };
    let e = score::evaluate(&articles);
    let figures = e.total.figures();

    // Floors: read (a missing file is empty only when updating), check or raise.
    let mut failures = Vec::new();
    let mut changes = Vec::new();
    if let Some(path) = &args.floors {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(_) if args.update_floors => String::new(),
            Err(err) => {
                eprintln!("sourcelight eval: cannot read floors file {}: {err} (create it with `make eval-update-floors`)", path.display());
                return 2;
            }
        };
        let floors = match Floors::parse(&text) {
            Ok(f) => f,
            Err(err) => {
                eprintln!("sourcelight eval: {}: {err}", path.display());
                return 2;
            }
        };
        if args.update_floors {
            let reported = e.total.all.claims + e.total.continuations.claims > 0;
            let (next, c) = floors.raised(&figures, reported.then_some(e.total.violations));
            changes = c;
            if !changes.is_empty() {
                if let Err(err) = std::fs::write(path, next.render(&figures)) {
                    eprintln!("sourcelight eval: cannot write {}: {err}", path.display());
                    return 2;
                }
            }
        } else {
            failures = floors.check(&figures, e.total.violations);
        }
    }

    let mut o = String::new();
    if args.json {
        let figs: serde_json::Map<String, serde_json::Value> = figures
            .iter()
            .map(|(n, v)| (n.clone(), serde_json::json!(v)))
            .collect();
        let v = serde_json::json!({
            "corpus": dir.display().to_string(),
            "figures": figs,
            "total": e.total,
            "articles": e.articles,
            "floors": args.floors.as_ref().map(|p| serde_json::json!({"file": p.display().to_string(), "failures": failures, "raised": changes})),
        });
        let _ = writeln!(
            o,
            "{}",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        );
    } else {
        if articles.is_empty() {
            let _ = writeln!(o, "{}: no articles yet", dir.display());
        }
        let _ = write!(
            o,
            "{}",
            render::corpus_table(&e, &dir.display().to_string())
        );
        if args.confusion {
            let _ = writeln!(o);
            let _ = write!(o, "{}", render::confusion_table(&e));
        }
        if args.articles {
            let _ = writeln!(o);
            let _ = write!(o, "{}", render::articles_table(&e));
        }
        if args.mismatches {
            let _ = writeln!(o);
            let _ = write!(o, "{}", render::mismatches_text(&e));
        }
        if let Some(path) = &args.floors {
            let _ = writeln!(o);
            if args.update_floors {
                if changes.is_empty() {
                    let _ = writeln!(o, "floors in {}: nothing to raise", path.display());
                } else {
                    let _ = writeln!(o, "floors raised in {}:", path.display());
                    for c in &changes {
                        let _ = writeln!(o, "  {c}");
                    }
                }
            } else if failures.is_empty() {
                let _ = writeln!(o, "floors in {}: all figures hold", path.display());
            } else {
                let _ = writeln!(o, "BELOW THE FLOORS in {}:", path.display());
                for f in &failures {
                    let _ = writeln!(o, "  {f}");
                }
                let _ = writeln!(
                    o,
                    "(see every mismatch with `sourcelight eval --mismatches`)"
                );
            }
        }
    }
    emit(&o);
    if failures.is_empty() {
        0
    } else {
        1
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
}
