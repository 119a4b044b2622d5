//! Plain-text tables for `sourcelight eval` and the golden test.

use super::brat::{Case, RealScores};
use super::score::{Agreement, Binary, Evaluation, Tally};
use crate::report::Kind;
use std::fmt::Write;

/// A ratio as `0.923`, or `—` when undefined.
pub fn fig(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.3}"))
        .unwrap_or_else(|| "—".to_string())
}

fn agreement(a: &Agreement) -> String {
    format!("{} ({}/{})", fig(a.rate()), a.agree, a.total)
}

fn binary(b: &Binary) -> String {
    format!(
        "P {}  R {}  F1 {}   (tp {}, fp {}, fn {}, tn {})",
        fig(b.precision()),
        fig(b.recall()),
        fig(b.f1()),
        b.tp,
        b.fp,
        b.fn_,
        b.tn
    )
}

fn tally_row(out: &mut String, name: &str, t: &Tally) {
    let _ = writeln!(
        out,
        "{name:<14} {:>7} {:>6} {:>7} {:>8}   {:>9} {:>7} {:>6}",
        t.labels,
        t.found,
        t.claims,
        t.matched,
        fig(t.precision()),
        fig(t.recall()),
        fig(t.f1())
    );
}

/// The corpus summary: per kind, pools, sentences, continuations, decoys, groups, checks, violations.
pub fn corpus_table(e: &Evaluation, corpus: &str) -> String {
    let t = &e.total;
    let mut out = String::new();
    let mismatches = e.mismatches().count();
    let _ = writeln!(
        out,
        "Sourcelight on {corpus}: {} articles, {} labels, {} claims reported, {} mismatches\n",
        e.articles.len(),
        t.all.labels,
        t.all.claims + t.continuations.claims,
        mismatches
    );
    let _ = writeln!(
        out,
        "{:<14} {:>7} {:>6} {:>7} {:>8}   {:>9} {:>7} {:>6}",
        "kind", "labels", "found", "claims", "matched", "precision", "recall", "F1"
    );
    for k in Kind::ALL {
        tally_row(&mut out, k.as_str(), &t.kind(k));
    }
    let _ = writeln!(out, "{}", "-".repeat(80));
    tally_row(&mut out, "flags (4)", &t.flags);
    tally_row(&mut out, "all kinds", &t.all);
    tally_row(&mut out, "continuations", &t.continuations);
    let _ = writeln!(out);
    let _ = writeln!(out, "sentences attributed or not: {}", binary(&t.sentences));
    let _ = writeln!(out, "decoy sentences left clean:  {}", agreement(&t.decoys));
    let _ = writeln!(
        out,
        "groups: same source together {}, different sources apart {}, all {}",
        agreement(&t.groups_merged),
        agreement(&t.groups_apart),
        agreement(&t.groups())
    );
    let c = &t.checks;
    let _ = writeln!(
        out,
        "checks: reason {}, vantage {}, count {}, opinion {}, all {}",
        agreement(&c.reason),
        agreement(&c.vantage),
        agreement(&c.count),
        agreement(&c.opinion),
        agreement(&c.all())
    );
    let _ = writeln!(
        out,
        "violations (named/organisation reported as anonymous/vague): {}",
        t.violations
    );
    out
}

/// One line per article.
pub fn articles_table(e: &Evaluation) -> String {
    let mut out = String::new();
    let width = e
        .articles
        .iter()
        .map(|a| a.article.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    let _ = writeln!(
        out,
        "{:<width$} {:>6} {:>5} {:>6} {:>7} {:>6} {:>6} {:>7} {:>7} {:>5}",
        "article", "labels", "found", "claims", "matched", "P", "R", "sent P", "sent R", "mism"
    );
    for a in &e.articles {
        let s = &a.scores;
        let _ = writeln!(
            out,
            "{:<width$} {:>6} {:>5} {:>6} {:>7} {:>6} {:>6} {:>7} {:>7} {:>5}",
            a.article,
            s.all.labels,
            s.all.found,
            s.all.claims,
            s.all.matched,
            fig(s.all.precision()),
            fig(s.all.recall()),
            fig(s.sentences.precision()),
            fig(s.sentences.recall()),
            a.mismatches.len()
        );
    }
    out
}

/// Every mismatch with its place and sentence, grouped by article.
pub fn mismatches_text(e: &Evaluation) -> String {
    let mut out = String::new();
    for a in &e.articles {
        for m in &a.mismatches {
            let _ = writeln!(out, "{}:{}: {}: {}", a.article, m.line, m.what, m.detail);
            if !m.sentence.is_empty() {
                let _ = writeln!(out, "    | {}", m.sentence);
            }
        }
    }
    out
}

/// The real-news summary.
pub fn real_table(r: &RealScores, dir: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Sourcelight on {dir}: {} articles, {} annotated attributions, {} sentences, {} claims reported\n",
        r.articles, r.attributions, r.sentences, r.claims
    );
    let _ = writeln!(out, "sentence-level attribution detection");
    let _ = writeln!(
        out,
        "  cue     (gold: a Cue in it; found: a claim's cue in it):          {}",
        binary(&r.cue)
    );
    let _ = writeln!(
        out,
        "  content (gold: a Cue or Content in it; found: a claim's cue or sentence): {}",
        binary(&r.content)
    );
    let _ = writeln!(
        out,
        "\nattribution level\n  cues:    P {}  R {}  F1 {}   (gold cues found {}/{}; claims on a gold cue {}/{})",
        fig(r.cues.precision()),
        fig(r.cues.recall()),
        fig(r.cues.f1()),
        r.cues.found,
        r.cues.labels,
        r.cues.matched,
        r.cues.claims
    );
    let _ = writeln!(
        out,
        "  sources: {} of claims on a gold cue with a gold Source have a source overlapping it",
        agreement(&r.sources)
    );
    if r.by_publisher.len() > 1 {
        let _ = writeln!(out, "\n  cue figures by publisher:");
        for (p, b) in &r.by_publisher {
            let _ = writeln!(out, "    {p:<14} {}", binary(b));
        }
    }
    if r.doubly_annotated > 0 {
        let _ = writeln!(
            out,
            "\n  how far people agree ({} articles two people annotated; cue sentences):\n    second annotator against the first  {}\n    the analyser against the first      {}",
            r.doubly_annotated,
            binary(&r.second_annotator),
            binary(&r.analyser_on_doubles)
        );
    }
    if r.text_mismatches > 0 {
        let _ = writeln!(
            out,
            "\nnote: {} annotated spans did not match the article text at their offsets",
            r.text_mismatches
        );
    }
    out
}

/// A titled list of sample sentences.
pub fn cases_text(title: &str, cases: &[Case], of: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{title} ({} of {of}):", cases.len());
    for c in cases {
        let what = if c.gold_cues.is_empty() {
            c.claims.join("; ")
        } else {
            format!("gold cue: {}", c.gold_cues.join(" | "))
        };
        let _ = writeln!(
            out,
            "- [{}] {what}\n    | {}",
            c.article,
            c.sentence.replace('\n', " ")
        );
    }
    out
}

/// A titled frequency list (`count  text`).
pub fn top_text(title: &str, top: &[(String, u32)]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{title}:");
    for (text, n) in top {
        let _ = writeln!(out, "  {n:>6}  {text}");
    }
    out
}

/// Labels (rows) by the kind the analyser gave them (columns).
pub fn confusion_table(e: &Evaluation) -> String {
    let mut out = String::new();
    let cols: Vec<&str> = Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .chain(["none"])
        .collect();
    let _ = write!(out, "{:<14}", "labelled \\ got");
    for c in &cols {
        let _ = write!(out, " {:>12}", c);
    }
    let _ = writeln!(out);
    for k in Kind::ALL {
        let _ = write!(out, "{:<14}", k.as_str());
        let row = e.total.confusion.get(k.as_str());
        for c in &cols {
            let n = row.and_then(|r| r.get(*c)).copied().unwrap_or(0);
            let _ = write!(out, " {:>12}", n);
        }
        let _ = writeln!(out);
    }
    out
}
