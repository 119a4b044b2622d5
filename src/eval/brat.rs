//! Real news: brat standoff annotations (PolNeAR) and sentence-level scoring.
//!
//! # Reading
//! Two layouts are read:
//! - PolNeAR: `DIR/text/NAME.txt` and `DIR/attributions/NAME_ANNOTATOR.ann`. Some
//!   articles were annotated by several people; **the annotation file whose name
//!   sorts first is used** (one annotator per article, chosen deterministically; a
//!   union would count every doubly-annotated attribution's borders twice).
//! - plain brat: `DIR/**/NAME.ann` beside `NAME.txt`.
//!
//! `T` lines are `ID<TAB>TYPE START END[;START END…]<TAB>TEXT` with offsets in code
//! points (a TEXT running over a line break continues on the next line, which is
//! skipped). `E` lines tie an attribution together:
//! `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`. An attribution is an `E`
//! line whose anchor is `Attribution` or `Attribution-no-source`; its `Cue`,
//! `Content`/`Content2` and `Source` parts are kept. `Discard`/`Discuss` spans, `#`
//! notes and other lines are ignored.
//!
//! # Scoring (sentence level)
//! Sentence units come from [`super::sentences::sentences`] (the core's segmenter),
//! and a gold span counts for a unit only where their overlap holds a letter or digit.
//! - **cue** (the headline figure): a unit is gold-attributed when a gold Cue
//!   overlaps it; predicted-attributed when a reported claim's `cue` starts in it.
//! - **content**: gold-attributed when a gold Cue or Content overlaps it (the
//!   sentence is part of an attribution at all); predicted when a claim's `cue`
//!   starts in it or its `sentence` falls in it (quotes continued over sentences).

use super::score::{Agreement, Binary, Tally};
use super::train::{logit, train, TrainOptions};
use crate::cue_model::CueModel;
use crate::offsets::Utf16Index;
use crate::report::{ByteSpan, Report};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One annotated attribution, spans in bytes of the article text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Attribution {
    #[serde(skip)]
    pub cue: Vec<ByteSpan>,
    #[serde(skip)]
    pub content: Vec<ByteSpan>,
    #[serde(skip)]
    pub source: Vec<ByteSpan>,
}

/// One article with its annotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Article name (text file stem).
    pub name: String,
    /// The annotation file used.
    pub ann: PathBuf,
    pub text: String,
    pub attributions: Vec<Attribution>,
    /// `T` spans whose TEXT differs from the article text at their offsets.
    pub text_mismatches: u32,
}

/// Parses a `.ann` file against its article text.
pub fn parse_ann(ann: &str, text: &str) -> Result<(Vec<Attribution>, u32), String> {
    // Code point index -> byte offset (one entry past the end).
    let mut cp: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    cp.push(text.len());
    let mut spans: HashMap<&str, (&str, Vec<ByteSpan>)> = HashMap::new();
    let mut mismatches = 0u32;
    let mut events: Vec<(usize, &str)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let line_no = n + 1;
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or("");
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) && id.len() > 1 {
            let mid = cols
                .next()
                .ok_or_else(|| format!("line {line_no}: `T` line without type and offsets"))?;
            let body = cols.next().unwrap_or("");
            let (ty, offsets) = mid
                .split_once(' ')
                .ok_or_else(|| format!("line {line_no}: `T` line without offsets"))?;
            let mut frags = Vec::new();
            for frag in offsets.split(';') {
                let (a, b) = frag
                    .trim()
                    .split_once(' ')
                    .ok_or_else(|| format!("line {line_no}: bad fragment {frag:?}"))?;
                let a: usize = a
                    .parse()
                    .map_err(|_| format!("line {line_no}: bad offset {a:?}"))?;
                let b: usize = b
                    .parse()
                    .map_err(|_| format!("line {line_no}: bad offset {b:?}"))?;
                if a > b || b >= cp.len() {
                    return Err(format!(
                        "line {line_no}: span {a}-{b} outside the text ({} code points)",
                        cp.len() - 1
                    ));
                }
                frags.push(ByteSpan::new(cp[a], cp[b]));
            }
            // brat writes the fragments' texts joined by a space.
            let joined: Vec<&str> = frags.iter().map(|f| &text[f.start..f.end]).collect();
            let first_line_of_text = joined.join(" ");
            let expected = first_line_of_text.split('\n').next().unwrap_or("");
            if body != expected && body.trim() != expected.trim() {
                mismatches += 1;
            }
            spans.insert(id, (ty, frags));
        } else if id.starts_with('E') && id.len() > 1 && id[1..].chars().all(|c| c.is_ascii_digit())
        {
            events.push((line_no, cols.next().unwrap_or("")));
        }
        // Anything else (`#` notes, `A`/`R`/`M` lines, continuation lines of a multi-line TEXT) is ignored.
    }
    let mut out = Vec::new();
    for (line_no, args) in events {
        let mut parts = args.split_whitespace();
        let anchor = parts.next().unwrap_or("");
        let (anchor_role, _) = anchor
            .split_once(':')
            .ok_or_else(|| format!("line {line_no}: bad event anchor {anchor:?}"))?;
        if anchor_role != "Attribution" && anchor_role != "Attribution-no-source" {
            continue;
        }
        let mut a = Attribution::default();
        for part in parts {
            let Some((role, tid)) = part.split_once(':') else {
                continue;
            };
            let Some((_, frags)) = spans.get(tid) else {
                return Err(format!(
                    "line {line_no}: {role} refers to unknown span {tid}"
                ));
            };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            match role {
                "Cue" => a.cue.extend(frags),
                "Content" => a.content.extend(frags),
                "Source" => a.source.extend(frags),
                _ => {}
            }
        }
        out.push(a);
    }
    Ok((out, mismatches))
}

/// `NAME_ANNOTATOR.ann` → `NAME`.
fn article_of(ann: &Path) -> String {
    let stem = ann
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    stem.rsplit_once('_')
        .map(|(a, _)| a.to_string())
        .unwrap_or(stem)
}

/// The files in `dir` whose extension is `ext`, sorted by name.
fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    Ok(v)
}

/// Articles a second person annotated too (PolNeAR layout only): `(text, first, second)`,
/// where `first` is the annotation [`find_pairs`] uses and `second` the next by name.
pub fn find_doubly_annotated(dir: &Path) -> Result<Vec<(PathBuf, PathBuf, PathBuf)>, String> {
    let (text_dir, ann_dir) = (dir.join("text"), dir.join("attributions"));
    if !text_dir.is_dir() || !ann_dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut by_article: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for ann in sorted_files(&ann_dir, "ann")? {
        by_article.entry(article_of(&ann)).or_default().push(ann);
    }
    Ok(by_article
        .into_iter()
        .filter_map(|(name, anns)| {
            let txt = text_dir.join(format!("{name}.txt"));
            (anns.len() >= 2 && txt.is_file()).then(|| (txt, anns[0].clone(), anns[1].clone()))
        })
        .collect())
}

/// Finds the article/annotation pairs under `dir` (see the module doc for the layouts).
pub fn find_pairs(dir: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>, String> {
    if !dir.is_dir() {
        return Err(format!("{}: no such folder", dir.display()));
    }
    let (text_dir, ann_dir) = (dir.join("text"), dir.join("attributions"));
    let mut pairs = Vec::new();
    if text_dir.is_dir() && ann_dir.is_dir() {
        let mut by_article: HashMap<String, PathBuf> = HashMap::new();
        for ann in sorted_files(&ann_dir, "ann")? {
            // Sorted listing: the first file seen for an article is the one whose name sorts first.
            by_article.entry(article_of(&ann)).or_insert(ann);
        }
        for txt in sorted_files(&text_dir, "txt")? {
            let name = txt
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if let Some(ann) = by_article.get(&name) {
                pairs.push((name, txt, ann.clone()));
            }
        }
    } else {
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for p in std::fs::read_dir(&d)
                .map_err(|e| format!("{}: {e}", d.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
            {
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "ann") {
                    let txt = p.with_extension("txt");
                    if txt.is_file() {
                        let name = p
                            .file_stem()
                            .unwrap_or_default()
                            .to_string_lossy()
                            .into_owned();
                        pairs.push((name, txt, p));
                    }
                }
            }
        }
        pairs.sort();
    }
    if pairs.is_empty() {
        return Err(format!(
            "{}: no brat annotations found (expected text/NAME.txt with attributions/NAME_ANNOTATOR.ann, or NAME.ann beside NAME.txt)",
            dir.display()
        ));
    }
    Ok(pairs)
}

/// Reads every article under `dir`. A file that cannot be read or parsed is an error naming it.
pub fn load_dir(dir: &Path) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    for (name, txt, ann) in find_pairs(dir)? {
        let text = std::fs::read(&txt).map_err(|e| format!("{}: {e}", txt.display()))?;
        let text = String::from_utf8_lossy(&text).into_owned();
        let ann_text = std::fs::read(&ann).map_err(|e| format!("{}: {e}", ann.display()))?;
        let ann_text = String::from_utf8_lossy(&ann_text);
        let (attributions, text_mismatches) =
            parse_ann(&ann_text, &text).map_err(|e| format!("{}: {e}", ann.display()))?;
        docs.push(Doc {
            name,
            ann,
            text,
            attributions,
            text_mismatches,
        });
    }
    Ok(docs)
}

/// One sentence that gold and analyser disagree on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    pub article: String,
    pub sentence: String,
    /// Gold cues in the sentence (for missed sentences).
    pub gold_cues: Vec<String>,
    /// What the analyser reported there (for spurious sentences): kind, cue, source.
    pub claims: Vec<String>,
}

/// Sentence-level results over many articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RealScores {
    pub articles: u32,
    pub attributions: u32,
    pub sentences: u32,
    pub claims: u32,
    /// Gold: overlaps a Cue. Predicted: holds a claim's cue.
    pub cue: Binary,
    /// Gold: overlaps a Cue or Content. Predicted: holds a claim's cue or sentence.
    pub content: Binary,
    /// Attribution level: gold attributions whose Cue a claim's cue overlaps (found of
    /// labels), and claims whose cue overlaps a gold Cue (matched of claims).
    pub cues: Tally,
    /// Of the claims matched to a gold attribution that has a Source, those whose
    /// `source` overlaps that Source (a claim with no source disagrees).
    pub sources: Agreement,
    /// `T` spans whose text did not match the article at their offsets.
    pub text_mismatches: u32,
    /// How far people agree: on the articles two people annotated, the second
    /// annotator's cue sentences scored against the first's (the gold used above).
    pub second_annotator: Binary,
    /// The analyser's cue figures on those same doubly-annotated articles.
    pub analyser_on_doubles: Binary,
    /// How many articles two people annotated.
    pub doubly_annotated: u32,
    /// The cue figures per publisher (the article name up to its first `_`).
    pub by_publisher: BTreeMap<String, Binary>,
    /// How often each gold cue (lowercased) lies in a missed sentence.
    #[serde(skip)]
    pub missed_cues: HashMap<String, u32>,
    /// How often each reported cue (lowercased) lies in a spurious sentence.
    #[serde(skip)]
    pub spurious_cues: HashMap<String, u32>,
    /// Claims matched to a gold attribution whose source disagrees with the gold Source.
    #[serde(skip)]
    pub wrong_sources: Vec<Case>,
    #[serde(skip)]
    pub missed: Vec<Case>,
    #[serde(skip)]
    pub spurious: Vec<Case>,
}

fn has_word(text: &str, a: ByteSpan, b: ByteSpan) -> bool {
    let (s, e) = (a.start.max(b.start), a.end.min(b.end));
    s < e && text[s..e].chars().any(|c| c.is_alphanumeric())
}

/// Adds unit-by-unit gold/predicted agreement into `b`.
fn tally(gold: &[bool], predicted: &[bool], b: &mut Binary) {
    for (g, p) in gold.iter().zip(predicted) {
        match (g, p) {
            (true, true) => b.tp += 1,
            (false, true) => b.fp += 1,
            (true, false) => b.fn_ += 1,
            (false, false) => b.tn += 1,
        }
    }
}

/// Which sentence units an annotation marks: overlapped by a Cue (`cue`), by a Cue or
/// Content (`any`), and the Cue texts in each.
pub(crate) struct GoldUnits {
    pub(crate) cue: Vec<bool>,
    any: Vec<bool>,
    cue_texts: Vec<Vec<String>>,
}

pub(crate) fn gold_units(text: &str, attributions: &[Attribution], units: &[ByteSpan]) -> GoldUnits {
    let n = units.len();
    let mut g = GoldUnits {
        cue: vec![false; n],
        any: vec![false; n],
        cue_texts: vec![Vec::new(); n],
    };
    // Binary search to the first unit a fragment can overlap.
    let overlapped = |frag: ByteSpan| {
        let first = units.partition_point(|u| u.end <= frag.start);
        (first..n)
            .take_while(move |&i| units[i].start < frag.end)
            .filter(move |&i| has_word(text, units[i], frag))
    };
    for a in attributions {
        for f in &a.cue {
            for i in overlapped(*f) {
                g.cue[i] = true;
                g.any[i] = true;
                g.cue_texts[i].push(text[f.start..f.end].to_string());
            }
        }
        for f in &a.content {
            for i in overlapped(*f) {
                g.any[i] = true;
            }
        }
    }
    g
}

/// Scores one article's report against its annotation; adds into `acc`.
pub fn score_doc(doc: &Doc, report: &Report, units: &[ByteSpan], acc: &mut RealScores) {
    let text = &doc.text;
    let index = Utf16Index::new(text);
    let u16s: Vec<(u32, u32)> = units
        .iter()
        .map(|u| (index.to_utf16(u.start), index.to_utf16(u.end)))
        .collect();
    let n = units.len();
    let GoldUnits {
        cue: gold_cue,
        any: gold_any,
        cue_texts,
    } = gold_units(text, &doc.attributions, units);
    // Predicted.
    let unit_at = |pos: u32| {
        let i = u16s.partition_point(|u| u.1 <= pos);
        (i < n).then_some(i)
    };
    let mut pred_cue = vec![false; n];
    let mut pred_any = vec![false; n];
    let mut claim_texts: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut claim_cues: Vec<Vec<String>> = vec![Vec::new(); n];
    for c in &report.claims {
        if let Some(u) = unit_at(c.cue.start) {
            pred_cue[u] = true;
            pred_any[u] = true;
            claim_cues[u].push(c.cue.text.to_lowercase());
            let src = c
                .source
                .as_ref()
                .map(|s| format!(", source «{}»", s.text))
                .unwrap_or_default();
            claim_texts[u].push(format!("{} cue «{}»{}", c.kind.as_str(), c.cue.text, src));
        }
        // The sentence the claim lies in (different from the cue's for continued quotes).
        let mid = c.sentence.start + (c.sentence.end.saturating_sub(c.sentence.start)) / 2;
        if let Some(u) = unit_at(mid) {
            pred_any[u] = true;
        }
    }
    tally(&gold_cue, &pred_cue, &mut acc.cue);
    let publisher = doc.name.split('_').next().unwrap_or("").to_string();
    tally(
        &gold_cue,
        &pred_cue,
        acc.by_publisher.entry(publisher).or_default(),
    );
    tally(&gold_any, &pred_any, &mut acc.content);
    for i in 0..n {
        let sentence = || text[units[i].start..units[i].end].to_string();
        if gold_cue[i] && !pred_cue[i] {
            for c in &cue_texts[i] {
                *acc.missed_cues
                    .entry(
                        c.to_lowercase()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" "),
                    )
                    .or_default() += 1;
            }
            acc.missed.push(Case {
                article: doc.name.clone(),
                sentence: sentence(),
                gold_cues: cue_texts[i].clone(),
                claims: vec![],
            });
        } else if !gold_cue[i] && pred_cue[i] {
            for c in &claim_cues[i] {
                *acc.spurious_cues.entry(c.clone()).or_default() += 1;
            }
            acc.spurious.push(Case {
                article: doc.name.clone(),
                sentence: sentence(),
                gold_cues: vec![],
                claims: claim_texts[i].clone(),
            });
        }
    }
    // Attribution level, in UTF-16 units (the Report's).
    let u16span = |b: &ByteSpan| (index.to_utf16(b.start), index.to_utf16(b.end));
    let ov = |a: (u32, u32), b: (u32, u32)| a.0 < b.1 && b.0 < a.1;
    type Spans16 = Vec<(u32, u32)>;
    let gold: Vec<(Spans16, Spans16, &Attribution)> = doc
        .attributions
        .iter()
        .map(|a| {
            (
                a.cue.iter().map(u16span).collect(),
                a.source.iter().map(u16span).collect(),
                a,
            )
        })
        .collect();
    let claim_cue = |c: &crate::report::Claim| (c.cue.start, c.cue.end);
    let firsts: Vec<&crate::report::Claim> = report
        .claims
        .iter()
        .filter(|c| c.continues.is_none())
        .collect();
    for (cues, _, _) in &gold {
        acc.cues.labels += 1;
        if firsts
            .iter()
            .any(|c| cues.iter().any(|g| ov(*g, claim_cue(c))))
        {
            acc.cues.found += 1;
        }
    }
    for c in &firsts {
        acc.cues.claims += 1;
        let Some((_, sources, att)) = gold
            .iter()
            .find(|(cues, _, _)| cues.iter().any(|g| ov(*g, claim_cue(c))))
        else {
            continue;
        };
        acc.cues.matched += 1;
        if sources.is_empty() {
            continue;
        }
        let ok = c
            .source
            .as_ref()
            .is_some_and(|s| sources.iter().any(|g| ov(*g, (s.start, s.end))));
        acc.sources.total += 1;
        if ok {
            acc.sources.agree += 1;
        } else {
            let gold_text: Vec<&str> = att.source.iter().map(|b| &text[b.start..b.end]).collect();
            let got = c
                .source
                .as_ref()
                .map(|s| format!("«{}»", s.text))
                .unwrap_or_else(|| "no source".into());
            let sentence = unit_at(c.cue.start)
                .map(|u| text[units[u].start..units[u].end].to_string())
                .unwrap_or_default();
            acc.wrong_sources.push(Case {
                article: doc.name.clone(),
                sentence,
                gold_cues: vec![],
                claims: vec![format!(
                    "{} cue «{}»: source {got}, gold source «{}»",
                    c.kind.as_str(),
                    c.cue.text,
                    gold_text.join(" … ")
                )],
            });
        }
    }
    acc.articles += 1;
    acc.attributions += doc.attributions.len() as u32;
    acc.sentences += n as u32;
    acc.claims += report.claims.len() as u32;
    acc.text_mismatches += doc.text_mismatches;
}

/// Reads and scores every article under `dir` with the analyser as it is built.
pub fn evaluate_dir(dir: &Path) -> Result<RealScores, String> {
    let docs = load_dir(dir)?;
    evaluate_docs(dir, &docs, |_, doc| crate::analyze(&doc.text, &crate::Options::default()))
}

/// Scores every article under `dir` with the rules alone (no learned cue model).
pub fn evaluate_dir_rules_only(dir: &Path) -> Result<RealScores, String> {
    let docs = load_dir(dir)?;
    evaluate_docs(dir, &docs, |_, doc| crate::analyze_with_cue_model(&doc.text, &crate::Options::default(), None))
}

/// The articles of fold `k` of `folds`: every `folds`-th article in name order, so each fold holds
/// every publisher and period.
pub fn in_fold(article: usize, k: usize, folds: usize) -> bool {
    article % folds == k
}

/// Cross-validation: the articles are cut into `folds` folds; each fold is read with a cue model
/// trained on the other folds only, so no article is scored by a model that saw it. One result
/// per threshold (probabilities), from the same trained models.
pub fn evaluate_dir_cross_validated(dir: &Path, folds: usize, options: &TrainOptions, thresholds: &[f32]) -> Result<Vec<RealScores>, String> {
    if folds < 2 {
        return Err("cross-validation needs at least 2 folds".into());
    }
    let docs = load_dir(dir)?;
    let models = cross_validated_models(&docs, folds, options);
    thresholds
        .iter()
        .map(|&p| {
            let models: Vec<CueModel> = models.iter().map(|m| CueModel { threshold: logit(p), ..m.clone() }).collect();
            evaluate_docs(dir, &docs, |i, doc| {
                crate::analyze_with_cue_model(&doc.text, &crate::Options::default(), Some(&models[i % folds]))
            })
        })
        .collect()
}

/// One cue model a fold: model `k` is trained on every article outside fold `k` (`in_fold`).
pub(crate) fn cross_validated_models(docs: &[Doc], folds: usize, options: &TrainOptions) -> Vec<CueModel> {
    (0..folds)
        .map(|k| {
            let training: Vec<&Doc> = docs.iter().enumerate().filter(|(i, _)| !in_fold(*i, k, folds)).map(|(_, d)| d).collect();
            train(&training, options)
        })
        .collect()
}

/// Scores `docs` (read from `dir`), each analysed by `analyse(index, doc)`.
fn evaluate_docs(dir: &Path, docs: &[Doc], analyse: impl Fn(usize, &Doc) -> Report) -> Result<RealScores, String> {
    let mut acc = RealScores::default();
    let mut by_ann: HashMap<&Path, (&Doc, Report, Vec<ByteSpan>)> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let report = analyse(i, doc);
        let units = super::sentences::sentences(&doc.text);
        score_doc(doc, &report, &units, &mut acc);
        by_ann.insert(doc.ann.as_path(), (doc, report, units));
    }
    for (_, first, second) in find_doubly_annotated(dir)? {
        let Some((doc, report, units)) = by_ann.get(first.as_path()) else {
            continue;
        };
        let second_text = std::fs::read(&second).map_err(|e| format!("{}: {e}", second.display()))?;
        let (second_attributions, _) = parse_ann(&String::from_utf8_lossy(&second_text), &doc.text)
            .map_err(|e| format!("{}: {e}", second.display()))?;
        let gold = gold_units(&doc.text, &doc.attributions, units).cue;
        let other = gold_units(&doc.text, &second_attributions, units).cue;
        tally(&gold, &other, &mut acc.second_annotator);
        let mut own = RealScores::default();
        score_doc(doc, report, units, &mut own);
        acc.analyser_on_doubles.add(&own.cue);
        acc.doubly_annotated += 1;
    }
    Ok(acc)
}

/// The `n` most frequent entries, most frequent first (ties alphabetical).
pub fn top(counts: &HashMap<String, u32>, n: usize) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = counts.iter().map(|(k, c)| (k.clone(), *c)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// `n` cases drawn without replacement by a seeded generator (the same seed, the same sample).
pub fn sample<T: Clone>(cases: &[T], n: usize, seed: u64) -> Vec<T> {
    let mut idx: Vec<usize> = (0..cases.len()).collect();
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        // splitmix64
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let take = n.min(idx.len());
    for i in 0..take {
        let j = i + (next() % (idx.len() - i) as u64) as usize;
        idx.swap(i, j);
    }
    idx[..take].iter().map(|&i| cases[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Claim, Kind, Language, Span, Summary};

    // Invented text, not from the data set. "é" is one code point, two bytes.
    const TEXT: &str = "Café owners said rents rose. The weather was mild.\nA spokesman added: “We are “fine” now. Really.” Nothing else.";

    fn cps(needle: &str) -> (usize, usize) {
        let b = TEXT.find(needle).unwrap();
        let s = TEXT[..b].chars().count();
        (s, s + needle.chars().count())
    }

    fn ann() -> String {
        let t = |id: &str, ty: &str, needle: &str| {
            let (a, b) = cps(needle);
            format!("{id}\t{ty} {a} {b}\t{needle}\n")
        };
        let (q1, q2) = (cps("“We are “fine” now."), cps("Really.”"));
        let mut s = String::new();
        s += &t("T1", "Source", "Café owners");
        s += &t("T2", "Cue", "said");
        s += &t("T3", "Content", "rents rose");
        s += &t("T4", "Attribution", "said");
        s += "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        s += &t("T5", "Source", "A spokesman");
        s += &t("T6", "Cue", "added");
        s += &format!(
            "T7\tContent {} {};{} {}\t“We are “fine” now. Really.”\n",
            q1.0, q1.1, q2.0, q2.1
        );
        s += &t("T8", "Attribution", "added");
        s += "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n";
        s += "#1\tAnnotatorNotes T7\ta note\n";
        s += &t("T9", "Discuss", "weather");
        s += "E3\tDiscuss:T9\n";
        s
    }

    fn claim(cue: &str, sentence: &str) -> Claim {
        let idx = Utf16Index::new(TEXT);
        let sp = |n: &str| -> Span {
            let b = TEXT.find(n).unwrap();
            idx.span(ByteSpan::new(b, b + n.len()))
        };
        Claim {
            id: 0,
            kind: Kind::Named,
            flag: false,
            sentence: sp(sentence),
            cue: sp(cue),
            source: None,
            claim: sp(sentence),
            group: None,
            continues: None,
            checks: None,
            explanation: String::new(),
        }
    }

    fn report(claims: Vec<Claim>) -> Report {
        Report {
            version: 1,
            language: Language::En,
            length: 0,
            claims,
            groups: vec![],
            summary: Summary::default(),
        }
    }

    #[test]
    fn parses_spans_in_code_points_and_discontinuous_content() {
        let (atts, mismatches) = parse_ann(&ann(), TEXT).unwrap();
        assert_eq!(mismatches, 0);
        assert_eq!(atts.len(), 2, "Discuss events are not attributions");
        let a = &atts[0];
        assert_eq!(&TEXT[a.source[0].start..a.source[0].end], "Café owners");
        assert_eq!(&TEXT[a.cue[0].start..a.cue[0].end], "said");
        assert_eq!(atts[1].content.len(), 2);
        assert_eq!(
            &TEXT[atts[1].content[1].start..atts[1].content[1].end],
            "Really.”"
        );
        // A wrong offset is counted, not fatal; one outside the text is an error.
        let bad = ann().replace("\tsaid\n", "\tsays\n");
        assert_eq!(parse_ann(&bad, TEXT).unwrap().1, 2);
        assert!(parse_ann("T1\tCue 0 9999\tx\n", TEXT)
            .unwrap_err()
            .contains("outside the text"));
        assert!(parse_ann("E1\tAttribution:T1 Cue:T2\n", TEXT)
            .unwrap_err()
            .contains("unknown span"));
    }

    #[test]
    fn cue_and_content_variants() {
        let (attributions, _) = parse_ann(&ann(), TEXT).unwrap();
        let doc = Doc {
            name: "d".into(),
            ann: PathBuf::new(),
            text: TEXT.into(),
            attributions,
            text_mismatches: 0,
        };
        let units = crate::eval::sentences::sentences(TEXT);
        // Units: "Café owners said rents rose." | "The weather was mild." | "A spokesman added: “We are “fine” now." | "Really.”" | "Nothing else."
        assert_eq!(
            units.len(),
            5,
            "{:?}",
            units
                .iter()
                .map(|u| &TEXT[u.start..u.end])
                .collect::<Vec<_>>()
        );
        let mut acc = RealScores::default();
        // Finds the first attribution, misses the second, and reports "Nothing else." wrongly.
        score_doc(
            &doc,
            &report(vec![
                claim("said", "Café owners said rents rose."),
                claim("Nothing", "Nothing else."),
            ]),
            &units,
            &mut acc,
        );
        assert_eq!(
            acc.cue,
            Binary {
                tp: 1,
                fp: 1,
                fn_: 1,
                tn: 2
            }
        );
        assert_eq!(
            acc.content,
            Binary {
                tp: 1,
                fp: 1,
                fn_: 2,
                tn: 1
            }
        );
        assert_eq!(acc.missed.len(), 1);
        assert_eq!(acc.missed[0].gold_cues, vec!["added".to_string()]);
        assert_eq!(acc.spurious[0].sentence, "Nothing else.");
        assert_eq!(top(&acc.missed_cues, 5), vec![("added".to_string(), 1)]);
        assert_eq!(top(&acc.spurious_cues, 5), vec![("nothing".to_string(), 1)]);
        assert_eq!(acc.by_publisher["d"], acc.cue);
        assert_eq!(
            acc.cues,
            Tally {
                labels: 2,
                found: 1,
                claims: 2,
                matched: 1
            }
        );
        // The first claim has no source while the gold one is "Café owners".
        assert_eq!(acc.sources, Agreement { agree: 0, total: 1 });
        assert!(
            acc.wrong_sources[0].claims[0].contains("gold source «Café owners»"),
            "{:?}",
            acc.wrong_sources
        );
        // A continued quote: the claim's sentence is the second quote sentence, its cue the earlier one.
        let mut acc = RealScores::default();
        let c = claim("said", "Café owners said rents rose.");
        let mut cont = claim("added", "Really.”");
        cont.continues = Some(0);
        score_doc(
            &doc,
            &report(vec![c, claim("added", "A spokesman added"), cont]),
            &units,
            &mut acc,
        );
        assert_eq!(
            acc.cue,
            Binary {
                tp: 2,
                fp: 0,
                fn_: 0,
                tn: 3
            }
        );
        assert_eq!(
            acc.cues,
            Tally {
                labels: 2,
                found: 2,
                claims: 2,
                matched: 2
            }
        );
        assert_eq!(
            acc.content,
            Binary {
                tp: 3,
                fp: 0,
                fn_: 0,
                tn: 2
            }
        );
    }

    #[test]
    fn sampling_is_seeded_and_without_replacement() {
        let v: Vec<u32> = (0..100).collect();
        let a = sample(&v, 10, 7);
        assert_eq!(a, sample(&v, 10, 7));
        assert_ne!(a, sample(&v, 10, 8));
        let mut d = a.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), 10);
        assert_eq!(sample(&v, 500, 1).len(), 100);
    }

    #[test]
    fn finds_polnear_layout_and_picks_one_annotator() {
        let dir =
            std::env::temp_dir().join(format!("sourcelight-brat-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("text")).unwrap();
        std::fs::create_dir_all(dir.join("attributions")).unwrap();
        std::fs::write(dir.join("text/a_b.txt"), TEXT).unwrap();
        std::fs::write(dir.join("attributions/a_b_zz99.ann"), "").unwrap();
        std::fs::write(dir.join("attributions/a_b_aa11.ann"), ann()).unwrap();
        let docs = load_dir(&dir).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].name, "a_b");
        assert!(docs[0].ann.ends_with("a_b_aa11.ann"));
        assert_eq!(docs[0].attributions.len(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(load_dir(&dir).unwrap_err().contains("no such folder"));
    }
}
