//! Scoring a Report against the corpus labels (FORMAT.md, "What the golden test checks").
//!
//! Definitions (all spans compared in UTF-16 code units of the plain text):
//!
//! - **Sentence units** are the sentences of the plain text as the segmenter cuts
//!   them ([`super::sentences::sentences`]). A label belongs to the unit holding
//!   its first character; a `{{+}}`/`{{-}}` marker to the unit starting at or after it;
//!   a claim to the unit its `sentence` span overlaps most.
//! - A claim **matches** a label when it has the label's kind, does not continue an
//!   earlier quote (`continues` is none), its `sentence` overlaps the label's unit,
//!   and its `source` span or its `cue` span overlaps the label's words.
//! - Per kind: a label is **found** when some claim matches it (recall = found /
//!   labels); a claim is **matched** when some label of its kind matches it
//!   (precision = matched / claims). `flags` pools the four flag kinds, `all` every kind.
//! - **Continuations**: claims whose `continues` is set are scored only against
//!   `{{+}}` sentences: a `{{+}}` is found when a continuing claim falls in its
//!   unit; a continuing claim is matched when its unit holds a `{{+}}`.
//! - **Sentences**: a unit is gold-attributed when it holds a label or a `{{+}}`,
//!   predicted-attributed when any claim falls in it; precision, recall and F1
//!   over units.
//! - **Decoys**: `{{-}}` units in which no claim falls ("clean"); as a floor figure
//!   it is undefined while the analyser reports nothing at all.
//! - **Groups**: over found labels that carry a group name, every pair with the
//!   same name should share the matched claim's `group` (`merged`), and every pair
//!   of the same kind with different names should not (`apart`); a claim with no
//!   group is a group of its own.
//! - **Checks**: for found anonymous labels, each stated check (reason, vantage,
//!   count, opinion) against the matched claim's `checks`.
//! - **Violations**: a `named` or `organisation` label whose words a claim of kind
//!   `anonymous` or `vague` covers (source or cue overlapping, same unit). Must be 0.

use super::corpus::{Article, CountLabel, Label};
use crate::offsets::Utf16Index;
use crate::report::{ByteSpan, Checks, Claim, Count, Kind, Reason, Report, Span};
use serde::Serialize;
use std::collections::BTreeMap;

/// Labels against claims for one kind (or a pool of kinds).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Gold labels.
    pub labels: u32,
    /// Gold labels some claim matches.
    pub found: u32,
    /// Claims reported.
    pub claims: u32,
    /// Claims that match some label.
    pub matched: u32,
}

impl Tally {
    /// matched / claims; `None` when nothing was reported.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.matched, self.claims)
    }
    /// found / labels; `None` when there is nothing to find.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.found, self.labels)
    }
    pub fn f1(&self) -> Option<f64> {
        f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: &Tally) {
        self.labels += o.labels;
        self.found += o.found;
        self.claims += o.claims;
        self.matched += o.matched;
    }
}

/// True/false positives and negatives of a yes/no decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Binary {
    pub tp: u32,
    pub fp: u32,
    #[serde(rename = "fn")]
    pub fn_: u32,
    /// Units where both say no.
    pub tn: u32,
}

impl Binary {
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> Option<f64> {
        f1(self.precision(), self.recall())
    }
    pub fn add(&mut self, o: &Binary) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
    }
}

/// How many comparisons agreed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Agreement {
    pub agree: u32,
    pub total: u32,
}

impl Agreement {
    pub fn rate(&self) -> Option<f64> {
        ratio(self.agree, self.total)
    }
    fn add(&mut self, o: &Agreement) {
        self.agree += o.agree;
        self.total += o.total;
    }
    fn record(&mut self, ok: bool) {
        self.total += 1;
        if ok {
            self.agree += 1;
        }
    }
}

/// Agreement on each standards check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChecksAgreement {
    pub reason: Agreement,
    pub vantage: Agreement,
    pub count: Agreement,
    pub opinion: Agreement,
}

impl ChecksAgreement {
    pub fn all(&self) -> Agreement {
        let mut a = Agreement::default();
        for x in [&self.reason, &self.vantage, &self.count, &self.opinion] {
            a.add(x);
        }
        a
    }
    fn add(&mut self, o: &ChecksAgreement) {
        self.reason.add(&o.reason);
        self.vantage.add(&o.vantage);
        self.count.add(&o.count);
        self.opinion.add(&o.opinion);
    }
}

/// Every figure for one article or for the whole corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Per kind, keyed by the kind's name.
    pub kinds: BTreeMap<String, Tally>,
    /// The four flag kinds pooled.
    pub flags: Tally,
    /// Every kind pooled.
    pub all: Tally,
    pub sentences: Binary,
    pub continuations: Tally,
    /// `{{-}}` decoy sentences without any claim (agree) out of all decoys (total).
    pub decoys: Agreement,
    /// Same-name label pairs reported in one group.
    pub groups_merged: Agreement,
    /// Different-name label pairs (same kind) reported in different groups.
    pub groups_apart: Agreement,
    pub checks: ChecksAgreement,
    /// `named`/`organisation` labels reported as `anonymous`/`vague`.
    pub violations: u32,
    /// Labels by their kind, then by the kind the analyser gave them (`none` when not found).
    pub confusion: BTreeMap<String, BTreeMap<String, u32>>,
}

impl Scores {
    fn new() -> Scores {
        let mut s = Scores::default();
        for k in Kind::ALL {
            s.kinds.insert(k.as_str().to_string(), Tally::default());
        }
        s
    }

    pub fn kind(&self, kind: Kind) -> Tally {
        self.kinds.get(kind.as_str()).copied().unwrap_or_default()
    }

    pub fn groups(&self) -> Agreement {
        let mut a = self.groups_merged;
        a.add(&self.groups_apart);
        a
    }

    pub fn add(&mut self, o: &Scores) {
        for (k, t) in &o.kinds {
            self.kinds.entry(k.clone()).or_default().add(t);
        }
        self.flags.add(&o.flags);
        self.all.add(&o.all);
        self.sentences.add(&o.sentences);
        self.continuations.add(&o.continuations);
        self.decoys.add(&o.decoys);
        self.groups_merged.add(&o.groups_merged);
        self.groups_apart.add(&o.groups_apart);
        self.checks.add(&o.checks);
        self.violations += o.violations;
        for (k, row) in &o.confusion {
            let mine = self.confusion.entry(k.clone()).or_default();
            for (g, n) in row {
                *mine.entry(g.clone()).or_default() += n;
            }
        }
    }

    /// The figures that floors guard, by name (`None` = undefined, e.g. nothing reported).
    pub fn figures(&self) -> Vec<(String, Option<f64>)> {
        let mut f = Vec::new();
        for k in Kind::ALL {
            let t = self.kind(k);
            f.push((format!("{}.precision", k.as_str()), t.precision()));
            f.push((format!("{}.recall", k.as_str()), t.recall()));
        }
        f.push(("flags.precision".into(), self.flags.precision()));
        f.push(("flags.recall".into(), self.flags.recall()));
        f.push(("sentences.precision".into(), self.sentences.precision()));
        f.push(("sentences.recall".into(), self.sentences.recall()));
        f.push((
            "continuations.precision".into(),
            self.continuations.precision(),
        ));
        f.push(("continuations.recall".into(), self.continuations.recall()));
        // Vacuous while the analyser reports nothing at all: an empty report keeps every decoy clean.
        let reported = self.all.claims + self.continuations.claims > 0;
        f.push((
            "decoys.clean".into(),
            if reported { self.decoys.rate() } else { None },
        ));
        f.push(("groups.agreement".into(), self.groups().rate()));
        f.push(("checks.agreement".into(), self.checks.all().rate()));
        f
    }
}

/// One disagreement between the labels and the report, for a person to read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mismatch {
    pub article: String,
    /// 1-based line in the article file.
    pub line: usize,
    /// UTF-16 offset of the sentence in the plain text (for ordering).
    pub at: u32,
    /// `missed`, `spurious`, `wrong-kind`, `violation`, `continuation-missed`,
    /// `continuation-spurious`, `decoy`, `group`, `check`, `language`.
    pub what: &'static str,
    pub kind: Option<Kind>,
    pub detail: String,
    /// The sentence it happened in.
    pub sentence: String,
}

/// Scores and mismatches of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleResult {
    pub article: String,
    pub scores: Scores,
    pub mismatches: Vec<Mismatch>,
}

/// Scores of the whole corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub total: Scores,
    pub articles: Vec<ArticleResult>,
}

impl Evaluation {
    pub fn mismatches(&self) -> impl Iterator<Item = &Mismatch> {
        self.articles.iter().flat_map(|a| a.mismatches.iter())
    }
}

/// Runs the analyser on every article (language detected, as in the product) and scores it.
pub fn evaluate(articles: &[Article]) -> Evaluation {
    let mut total = Scores::new();
    let mut results = Vec::with_capacity(articles.len());
    for article in articles {
        let report = crate::analyze(&article.text, &crate::Options::default());
        let units = super::sentences::sentences(&article.text);
        let r = score_article(article, &report, &units);
        total.add(&r.scores);
        results.push(r);
    }
    Evaluation {
        total,
        articles: results,
    }
}

fn ratio(a: u32, b: u32) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn f1(p: Option<f64>, r: Option<f64>) -> Option<f64> {
    match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        (None, Some(_)) => Some(0.0), // nothing reported, something to find
        _ => None,
    }
}

fn overlaps(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn sp(s: &Span) -> (u32, u32) {
    (s.start, s.end)
}

/// Sentence units in UTF-16, with their byte spans, and lookups into them.
struct Units<'a> {
    text: &'a str,
    bytes: Vec<ByteSpan>,
    utf16: Vec<(u32, u32)>,
    line_starts: Vec<usize>,
    first_line: usize,
}

impl<'a> Units<'a> {
    fn new(text: &'a str, bytes: &[ByteSpan], first_line: usize) -> Self {
        let index = Utf16Index::new(text);
        let utf16 = bytes
            .iter()
            .map(|b| (index.to_utf16(b.start), index.to_utf16(b.end)))
            .collect();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Units {
            text,
            bytes: bytes.to_vec(),
            utf16,
            line_starts,
            first_line,
        }
    }

    /// The unit holding UTF-16 position `pos`, or the first one after it.
    fn at(&self, pos: u32) -> Option<usize> {
        let i = self.utf16.partition_point(|u| u.1 <= pos);
        (i < self.utf16.len()).then_some(i)
    }

    /// The unit a span overlaps most (the first on ties); `None` when it overlaps none.
    fn best(&self, span: (u32, u32)) -> Option<usize> {
        let mut i = self.utf16.partition_point(|u| u.1 <= span.0);
        let mut best: Option<(usize, u32)> = None;
        while i < self.utf16.len() && self.utf16[i].0 < span.1.max(span.0 + 1) {
            let u = self.utf16[i];
            let ov = span.1.min(u.1).saturating_sub(span.0.max(u.0));
            if best.is_none_or(|(_, b)| ov > b) {
                best = Some((i, ov));
            }
            i += 1;
        }
        best.map(|(i, _)| i)
    }

    fn text(&self, unit: Option<usize>) -> String {
        unit.map(|u| self.text[self.bytes[u].start..self.bytes[u].end].to_string())
            .unwrap_or_default()
    }

    fn span(&self, unit: Option<usize>) -> (u32, u32) {
        unit.map(|u| self.utf16[u]).unwrap_or((0, 0))
    }

    /// 1-based file line of a unit.
    fn line(&self, unit: Option<usize>) -> usize {
        let byte = unit.map(|u| self.bytes[u].start).unwrap_or(0);
        self.first_line + self.line_starts.partition_point(|&s| s <= byte) - 1
    }
}

fn claim_anchor_overlaps(c: &Claim, words: (u32, u32)) -> bool {
    c.source.as_ref().is_some_and(|s| overlaps(sp(s), words)) || overlaps(sp(&c.cue), words)
}

fn describe(c: &Claim) -> String {
    match &c.source {
        Some(s) => format!(
            "{} claim, source «{}», cue «{}»",
            c.kind.as_str(),
            s.text,
            c.cue.text
        ),
        None => format!("{} claim, cue «{}»", c.kind.as_str(), c.cue.text),
    }
}

fn count_matches(label: CountLabel, got: &Count) -> bool {
    match label {
        CountLabel::Number(n) => got.number == Some(n),
        CountLabel::One => got.number == Some(1) || (got.number.is_none() && !got.plural),
        CountLabel::Plural => got.plural,
    }
}

fn show_count(c: &Count) -> String {
    match (c.number, c.plural) {
        (Some(n), _) => n.to_string(),
        (None, true) => "plural".into(),
        (None, false) => "one".into(),
    }
}

fn show_reason(r: Reason) -> &'static str {
    match r {
        Reason::None => "none",
        Reason::Boilerplate => "boilerplate",
        Reason::Given => "given",
    }
}

/// Scores one stated check of a found anonymous label (nothing when `want` is `None`):
/// `agreement` counts it, and when the claim's value (`got`; `None` when the claim has
/// no checks) disagrees, returns the line that says so ("reason labelled none, reported given").
fn check<W: Copy + std::fmt::Display, G: Copy>(
    agreement: &mut Agreement,
    name: &str,
    want: Option<W>,
    got: Option<G>,
    agrees: impl Fn(W, G) -> bool,
    show: impl Fn(G) -> String,
) -> Option<String> {
    let want = want?;
    let ok = got.is_some_and(|g| agrees(want, g));
    agreement.record(ok);
    let reported = || got.map(show).unwrap_or_else(|| "nothing".into());
    (!ok).then(|| format!("{name} labelled {want}, reported {}", reported()))
}

/// Scores one article's report. `sentences` are the article's sentence units in bytes.
pub fn score_article(article: &Article, report: &Report, sentences: &[ByteSpan]) -> ArticleResult {
    let name = article.name();
    let units = Units::new(&article.text, sentences, article.first_line);
    let mut s = Scores::new();
    let mut mm: Vec<Mismatch> = Vec::new();
    let mut push = |unit: Option<usize>, what: &'static str, kind: Option<Kind>, detail: String| {
        let (line, at, sentence) = match unit {
            Some(_) => (units.line(unit), units.span(unit).0, units.text(unit)),
            None => (article.first_line, 0, String::new()),
        };
        mm.push(Mismatch {
            article: name.clone(),
            line,
            at,
            what,
            kind,
            detail,
            sentence,
        })
    };

    if let Some(lang) = &article.lang {
        if report.language.as_str() != lang {
            push(
                None,
                "language",
                None,
                format!(
                    "article is `{lang}`, read as `{}`",
                    report.language.as_str()
                ),
            );
        }
    }

    let label_unit: Vec<Option<usize>> = article.labels.iter().map(|l| units.at(l.start)).collect();
    let claim_unit: Vec<Option<usize>> = report
        .claims
        .iter()
        .map(|c| units.best(sp(&c.sentence)))
        .collect();
    // The claim is in the label's unit and its source or cue overlaps the label's words.
    let covers = |l: &Label, lu: Option<usize>, c: &Claim| {
        overlaps(sp(&c.sentence), units.span(lu)) && claim_anchor_overlaps(c, (l.start, l.end))
    };
    let matches = |l: &Label, lu: Option<usize>, c: &Claim| {
        c.kind == l.kind && c.continues.is_none() && covers(l, lu, c)
    };
    // The claims that fall in a unit (none when the unit is `None`).
    let claims_in = |unit: Option<usize>| {
        report
            .claims
            .iter()
            .zip(&claim_unit)
            .filter(move |(_, cu)| unit.is_some() && **cu == unit)
            .map(|(c, _)| c)
    };

    // Labels: found or not, and which claim found them.
    let mut label_claim: Vec<Option<usize>> = vec![None; article.labels.len()];
    for (li, l) in article.labels.iter().enumerate() {
        let lu = label_unit[li];
        s.kinds.get_mut(l.kind.as_str()).expect("every kind").labels += 1;
        label_claim[li] = report.claims.iter().position(|c| matches(l, lu, c));
        // Claims in the same unit covering the label's words with another kind.
        let others: Vec<&Claim> = report
            .claims
            .iter()
            .filter(|c| c.kind != l.kind && c.continues.is_none() && covers(l, lu, c))
            .collect();
        if matches!(l.kind, Kind::Named | Kind::Organisation)
            && others
                .iter()
                .any(|c| matches!(c.kind, Kind::Anonymous | Kind::Vague))
        {
            s.violations += 1;
            let c = others
                .iter()
                .find(|c| matches!(c.kind, Kind::Anonymous | Kind::Vague))
                .unwrap();
            push(
                lu,
                "violation",
                Some(l.kind),
                format!(
                    "{} «{}» reported as {}",
                    l.kind.as_str(),
                    l.words,
                    describe(c)
                ),
            );
        }
        let given = if label_claim[li].is_some() {
            l.kind.as_str()
        } else {
            others.first().map(|c| c.kind.as_str()).unwrap_or("none")
        };
        *s.confusion
            .entry(l.kind.as_str().to_string())
            .or_default()
            .entry(given.to_string())
            .or_default() += 1;
        let t = s.kinds.get_mut(l.kind.as_str()).expect("every kind");
        if label_claim[li].is_some() {
            t.found += 1;
        } else if let Some(c) = others.first() {
            push(
                lu,
                "wrong-kind",
                Some(l.kind),
                format!(
                    "labelled {} «{}», reported as {}",
                    l.kind.as_str(),
                    l.words,
                    describe(c)
                ),
            );
        } else {
            let here: Vec<String> = claims_in(lu).map(describe).collect();
            let detail = if here.is_empty() {
                format!(
                    "{} «{}» not found (no claim in this sentence)",
                    l.kind.as_str(),
                    l.words
                )
            } else {
                format!(
                    "{} «{}» not found (this sentence has: {})",
                    l.kind.as_str(),
                    l.words,
                    here.join("; ")
                )
            };
            push(lu, "missed", Some(l.kind), detail);
        }
    }

    // Claims: matched or not.
    let cont_units: Vec<Option<usize>> = article
        .continuations
        .iter()
        .map(|m| units.at(m.at))
        .collect();
    for (ci, c) in report.claims.iter().enumerate() {
        let cu = claim_unit[ci];
        if c.continues.is_some() {
            s.continuations.claims += 1;
            if cu.is_some() && cont_units.contains(&cu) {
                s.continuations.matched += 1;
            } else {
                push(
                    cu,
                    "continuation-spurious",
                    Some(c.kind),
                    format!(
                        "{} continues claim {} but the sentence has no {{{{+}}}}",
                        describe(c),
                        c.continues.unwrap_or(0)
                    ),
                );
            }
            continue;
        }
        let t = s.kinds.get_mut(c.kind.as_str()).expect("every kind");
        t.claims += 1;
        let matched = article
            .labels
            .iter()
            .zip(&label_unit)
            .any(|(l, lu)| matches(l, *lu, c));
        if matched {
            t.matched += 1;
        } else {
            let covers_other = article
                .labels
                .iter()
                .zip(&label_unit)
                .any(|(l, lu)| l.kind != c.kind && covers(l, *lu, c));
            if !covers_other {
                let labelled_here = label_unit.iter().any(|u| *u == cu && cu.is_some());
                let why = if labelled_here {
                    "no label of its kind covers its source or cue"
                } else {
                    "sentence has no label"
                };
                push(
                    cu,
                    "spurious",
                    Some(c.kind),
                    format!("{} ({why})", describe(c)),
                );
            }
        }
    }

    // Continuations found.
    for mu in &cont_units {
        s.continuations.labels += 1;
        let found = claims_in(*mu).any(|c| c.continues.is_some());
        if found {
            s.continuations.found += 1;
        } else {
            push(
                *mu,
                "continuation-missed",
                None,
                "{{+}} sentence has no claim continuing an earlier quote".to_string(),
            );
        }
    }

    // Sentences.
    let n = units.utf16.len();
    let mut gold = vec![false; n];
    let mut pred = vec![false; n];
    for u in label_unit.iter().chain(&cont_units).flatten() {
        gold[*u] = true;
    }
    for u in claim_unit.iter().flatten() {
        pred[*u] = true;
    }
    for i in 0..n {
        match (gold[i], pred[i]) {
            (true, true) => s.sentences.tp += 1,
            (false, true) => s.sentences.fp += 1,
            (true, false) => s.sentences.fn_ += 1,
            (false, false) => s.sentences.tn += 1,
        }
    }

    // Decoys.
    for m in &article.decoys {
        let du = units.at(m.at);
        let hits: Vec<String> = claims_in(du).map(describe).collect();
        s.decoys.record(hits.is_empty());
        if !hits.is_empty() {
            push(
                du,
                "decoy",
                None,
                format!("decoy sentence reported: {}", hits.join("; ")),
            );
        }
    }

    // Groups: pairs of found labels with group names.
    let grouped: Vec<(usize, &Label, Option<u32>)> = article
        .labels
        .iter()
        .enumerate()
        .filter(|(i, l)| l.group.is_some() && label_claim[*i].is_some())
        .map(|(i, l)| (i, l, report.claims[label_claim[i].unwrap()].group))
        .collect();
    for (a, (_, la, ga)) in grouped.iter().enumerate() {
        for (_, lb, gb) in grouped.iter().skip(a + 1) {
            let same_name = la.group == lb.group;
            let same_group = ga.is_some() && ga == gb;
            let show = |g: &Option<u32>| {
                g.map(|g| format!("group {g}"))
                    .unwrap_or_else(|| "no group".into())
            };
            if same_name {
                s.groups_merged.record(same_group);
                if !same_group {
                    push(
                        units.at(lb.start),
                        "group",
                        Some(lb.kind),
                        format!(
                            "«{}» (line {}) and «{}» are one source #{} but reported as {} and {}",
                            la.words,
                            la.line,
                            lb.words,
                            la.group.as_deref().unwrap_or(""),
                            show(ga),
                            show(gb)
                        ),
                    );
                }
            } else if la.kind == lb.kind {
                s.groups_apart.record(!same_group);
                if same_group {
                    push(units.at(lb.start), "group", Some(lb.kind), format!("«{}» (#{}, line {}) and «{}» (#{}) are different sources but both reported in {}", la.words, la.group.as_deref().unwrap_or(""), la.line, lb.words, lb.group.as_deref().unwrap_or(""), show(ga)));
                }
            }
        }
    }

    // Checks.
    for (li, l) in article.labels.iter().enumerate() {
        let Some(ci) = label_claim[li] else { continue };
        if l.kind != Kind::Anonymous || l.checks.is_empty() {
            continue;
        }
        let got = report.claims[ci].checks.as_ref();
        let stated = &l.checks;
        let c = &mut s.checks;
        let yes_no = |agreement: &mut Agreement, name: &str, want, field: fn(&Checks) -> bool| {
            check(
                agreement,
                name,
                want,
                got.map(field),
                |w, g| w == g,
                |g| g.to_string(),
            )
        };
        let wrong: Vec<String> = [
            check(
                &mut c.reason,
                "reason",
                stated.reason.map(show_reason),
                got.map(|g| show_reason(g.reason)),
                |w, g| w == g,
                str::to_string,
            ),
            yes_no(&mut c.vantage, "vantage", stated.vantage, |g| g.vantage),
            check(
                &mut c.count,
                "count",
                stated.count,
                got.map(|g| &g.count),
                count_matches,
                show_count,
            ),
            yes_no(&mut c.opinion, "opinion", stated.opinion, |g| g.opinion),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !wrong.is_empty() {
            push(
                label_unit[li],
                "check",
                Some(l.kind),
                format!("«{}»: {}", l.words, wrong.join("; ")),
            );
        }
    }

    // Pools.
    for k in Kind::ALL {
        let t = s.kind(k);
        s.all.add(&t);
        if k.is_flag() {
            s.flags.add(&t);
        }
    }
    mm.sort_by_key(|m| (m.line, m.at));
    ArticleResult {
        article: name,
        scores: s,
        mismatches: mm,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::corpus::parse_article;
    use crate::eval::sentences::sentences;
    use crate::report::{Language, Summary};

    /// A claim over the first occurrence of `source` (or `cue`) in `text`.
    struct Mk<'a> {
        text: &'a str,
        claims: Vec<Claim>,
    }

    impl<'a> Mk<'a> {
        fn span(&self, needle: &str) -> Span {
            let b = self
                .text
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in text"));
            let idx = Utf16Index::new(self.text);
            idx.span(ByteSpan::new(b, b + needle.len()))
        }
        fn sentence_of(&self, needle: &str) -> Span {
            let b = self.text.find(needle).unwrap();
            let s = sentences(self.text)
                .into_iter()
                .find(|s| s.start <= b && b < s.end)
                .unwrap();
            Utf16Index::new(self.text).span(s)
        }
        fn claim(
            mut self,
            kind: Kind,
            source: Option<&str>,
            cue: &str,
            group: Option<u32>,
        ) -> Self {
            let id = self.claims.len() as u32;
            let cue_span = self.span(cue);
            let sentence = self.sentence_of(cue);
            self.claims.push(Claim {
                id,
                kind,
                flag: kind.is_flag(),
                sentence: sentence.clone(),
                cue: cue_span,
                source: source.map(|s| self.span(s)),
                claim: sentence,
                group,
                continues: None,
                checks: None,
                explanation: String::new(),
            });
            self
        }
        fn checks(
            mut self,
            reason: Reason,
            vantage: bool,
            number: Option<u32>,
            plural: bool,
        ) -> Self {
            let c = self.claims.last_mut().unwrap();
            c.checks = Some(Checks {
                reason,
                reason_text: None,
                vantage,
                vantage_text: None,
                count: Count { number, plural },
                opinion: false,
            });
            self
        }
        fn continuing(mut self, sentence_needle: &str, of: u32) -> Self {
            let id = self.claims.len() as u32;
            let prev = self.claims[of as usize].clone();
            let sentence = self.sentence_of(sentence_needle);
            self.claims.push(Claim {
                id,
                sentence: sentence.clone(),
                claim: sentence,
                continues: Some(of),
                ..prev
            });
            self
        }
        fn report(self) -> Report {
            Report {
                version: 1,
                language: Language::En,
                length: self.text.encode_utf16().count() as u32,
                claims: self.claims,
                groups: vec![],
                summary: Summary::default(),
            }
        }
    }

    fn run(source: &str, build: impl FnOnce(Mk) -> Mk) -> ArticleResult {
        let a = parse_article("en/t.txt", source).unwrap();
        let report = build(Mk {
            text: &a.text,
            claims: vec![],
        })
        .report();
        score_article(&a, &report, &sentences(&a.text))
    }

    const ART: &str = "# lang: en\nHeadline\n{{anonymous#a count=plural vantage=yes reason=none:Sources familiar with the talks}} said a deal was near. {{-}}The sources of funding are unclear. “We will sign,” {{named#lee:Ann Lee}} said. “{{+}}It is done.” {{organisation:Acme}} declined to comment. {{anonymous#a count=plural:The sources}} added that it could slip.\n";

    #[test]
    fn perfect_report_scores_one() {
        let r = run(ART, |m| {
            m.claim(
                Kind::Anonymous,
                Some("Sources familiar"),
                "said a deal",
                Some(0),
            )
            .checks(Reason::None, true, None, true)
            .claim(Kind::Named, Some("Ann Lee"), "said.", Some(1))
            .continuing("It is done", 1)
            .claim(
                Kind::Organisation,
                Some("Acme"),
                "declined to comment",
                Some(2),
            )
            .claim(Kind::Anonymous, Some("The sources added"), "added", Some(0))
            .checks(Reason::None, true, None, true)
        });
        let s = &r.scores;
        assert!(r.mismatches.is_empty(), "{:#?}", r.mismatches);
        assert_eq!(
            s.kind(Kind::Anonymous),
            Tally {
                labels: 2,
                found: 2,
                claims: 2,
                matched: 2
            }
        );
        assert_eq!(s.all.precision(), Some(1.0));
        assert_eq!(s.all.recall(), Some(1.0));
        assert_eq!(
            s.continuations,
            Tally {
                labels: 1,
                found: 1,
                claims: 1,
                matched: 1
            }
        );
        assert_eq!(
            s.sentences,
            Binary {
                tp: 5,
                fp: 0,
                fn_: 0,
                tn: 2
            }
        );
        assert_eq!(s.decoys, Agreement { agree: 1, total: 1 });
        assert_eq!(s.groups_merged, Agreement { agree: 1, total: 1 });
        assert_eq!(s.checks.all(), Agreement { agree: 4, total: 4 });
        assert_eq!(s.violations, 0);
    }

    #[test]
    fn empty_report_misses_everything() {
        let r = run(ART, |m| m);
        let s = &r.scores;
        assert_eq!(
            s.all,
            Tally {
                labels: 4,
                found: 0,
                claims: 0,
                matched: 0
            }
        );
        assert_eq!(s.all.precision(), None);
        assert_eq!(s.all.recall(), Some(0.0));
        assert_eq!(s.all.f1(), Some(0.0));
        assert_eq!(s.sentences.fn_, 5);
        assert_eq!(s.decoys, Agreement { agree: 1, total: 1 });
        let whats: Vec<&str> = r.mismatches.iter().map(|m| m.what).collect();
        assert_eq!(
            whats,
            vec![
                "missed",
                "missed",
                "continuation-missed",
                "missed",
                "missed"
            ]
        );
        assert!(
            r.mismatches[0].sentence.starts_with("Sources familiar"),
            "{:?}",
            r.mismatches[0]
        );
        assert_eq!(r.mismatches[0].line, 3);
    }

    #[test]
    fn wrong_kinds_spurious_claims_decoys_and_violations() {
        let r = run(ART, |m| {
            m.claim(Kind::Vague, Some("Sources familiar"), "said a deal", None)
                .claim(Kind::Anonymous, Some("Ann Lee"), "said.", None)
                .claim(
                    Kind::Anonymous,
                    Some("sources of funding"),
                    "sources of funding",
                    None,
                )
                .claim(
                    Kind::Organisation,
                    Some("Acme"),
                    "declined to comment",
                    None,
                )
        });
        let s = &r.scores;
        assert_eq!(
            s.kind(Kind::Anonymous),
            Tally {
                labels: 2,
                found: 0,
                claims: 2,
                matched: 0
            }
        );
        assert_eq!(
            s.kind(Kind::Vague),
            Tally {
                labels: 0,
                found: 0,
                claims: 1,
                matched: 0
            }
        );
        assert_eq!(
            s.kind(Kind::Named),
            Tally {
                labels: 1,
                found: 0,
                claims: 0,
                matched: 0
            }
        );
        assert_eq!(
            s.kind(Kind::Organisation),
            Tally {
                labels: 1,
                found: 1,
                claims: 1,
                matched: 1
            }
        );
        assert_eq!(s.violations, 1);
        assert_eq!(s.confusion["named"]["anonymous"], 1);
        assert_eq!(s.confusion["anonymous"]["vague"], 1);
        assert_eq!(s.confusion["anonymous"]["none"], 1);
        assert_eq!(s.confusion["organisation"]["organisation"], 1);
        assert_eq!(s.decoys, Agreement { agree: 0, total: 1 });
        assert_eq!(
            s.sentences,
            Binary {
                tp: 3,
                fp: 1,
                fn_: 2,
                tn: 1
            }
        );
        let whats: Vec<&str> = r.mismatches.iter().map(|m| m.what).collect();
        for w in [
            "wrong-kind",
            "violation",
            "spurious",
            "decoy",
            "continuation-missed",
            "missed",
        ] {
            assert!(whats.contains(&w), "{w} not in {whats:?}");
        }
        // A wrong kind is one mismatch, not also a spurious claim.
        assert_eq!(whats.iter().filter(|w| **w == "spurious").count(), 1);
    }

    #[test]
    fn groups_and_checks_disagreements() {
        let r = run(ART, |m| {
            m.claim(
                Kind::Anonymous,
                Some("Sources familiar"),
                "said a deal",
                Some(0),
            )
            .checks(Reason::Given, false, Some(2), true)
            .claim(Kind::Anonymous, Some("The sources added"), "added", Some(5))
            .checks(Reason::None, true, None, true)
        });
        let s = &r.scores;
        assert_eq!(s.groups_merged, Agreement { agree: 0, total: 1 });
        assert_eq!(s.checks.reason, Agreement { agree: 0, total: 1 });
        assert_eq!(s.checks.vantage, Agreement { agree: 0, total: 1 });
        assert_eq!(s.checks.count, Agreement { agree: 2, total: 2 });
        assert!(r.mismatches.iter().any(|m| m.what == "group"));
        let check = r.mismatches.iter().find(|m| m.what == "check").unwrap();
        assert!(
            check
                .detail
                .contains("reason labelled none, reported given"),
            "{}",
            check.detail
        );
    }

    #[test]
    fn counts_match_by_label_form() {
        let c = |number, plural| Count { number, plural };
        assert!(count_matches(CountLabel::Number(2), &c(Some(2), true)));
        assert!(!count_matches(CountLabel::Number(2), &c(None, true)));
        assert!(count_matches(CountLabel::One, &c(Some(1), false)));
        assert!(count_matches(CountLabel::One, &c(None, false)));
        assert!(count_matches(CountLabel::Plural, &c(Some(3), true)));
        assert!(!count_matches(CountLabel::Plural, &c(None, false)));
    }

    #[test]
    fn stated_checks() {
        let mut a = Agreement::default();
        let same = |w: bool, g: bool| w == g;
        let show = |g: bool| g.to_string();
        assert_eq!(check(&mut a, "vantage", None, Some(true), same, show), None);
        assert_eq!(
            check(&mut a, "vantage", Some(true), Some(true), same, show),
            None
        );
        assert_eq!(
            check(&mut a, "vantage", Some(true), Some(false), same, show).as_deref(),
            Some("vantage labelled true, reported false")
        );
        assert_eq!(
            check(&mut a, "opinion", Some(false), None, same, show).as_deref(),
            Some("opinion labelled false, reported nothing")
        );
        assert_eq!(a, Agreement { agree: 1, total: 3 });
    }

    #[test]
    fn totals_add_up() {
        let a = run(ART, |m| {
            m.claim(
                Kind::Organisation,
                Some("Acme"),
                "declined to comment",
                None,
            )
        });
        let mut t = Scores::new();
        t.add(&a.scores);
        t.add(&a.scores);
        assert_eq!(
            t.kind(Kind::Organisation),
            Tally {
                labels: 2,
                found: 2,
                claims: 2,
                matched: 2
            }
        );
        assert_eq!(
            t.figures()
                .iter()
                .find(|(n, _)| n == "organisation.precision")
                .unwrap()
                .1,
            Some(1.0)
        );
    }
}
