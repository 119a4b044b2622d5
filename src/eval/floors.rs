//! Accuracy floors: figures that must not drop (`tests/eval_floors.toml`).
//!
//! The file is a flat list of `name = number` lines (valid TOML, read here by
//! hand so the crate needs no TOML parser), with `#` comments:
//!
//! ```toml
//! anonymous.precision = 0.9500
//! sentences.recall = 0.8000
//! violations.max = 0
//! ```
//!
//! Each name is a figure from [`super::score::Scores::figures`]; the figure must
//! be at least its floor. A figure that is undefined (nothing reported, nothing
//! to find) passes. `violations.max` is a ceiling: violations must not exceed it.
//! `slack = 0.02` lets every figure dip that far below its floor (not violations).
//! [`Floors::raised`] only ever raises a floor (and lowers the ceiling), so that
//! `make eval-update-floors` can lock in an improvement but never hide a loss.

use std::collections::BTreeMap;

/// Name of the ceiling on violations.
pub const VIOLATIONS: &str = "violations.max";
/// Name of the allowed dip below a floor.
pub const SLACK: &str = "slack";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Floors {
    pub floors: BTreeMap<String, f64>,
    /// Most violations allowed; `None` = not guarded.
    pub max_violations: Option<u32>,
    /// How far a figure may dip below its floor before it fails (`slack = 0.02`; 0 by
    /// default). Useful while the corpus grows: a new article moves every figure a little.
    pub slack: f64,
}

/// Floors are recorded rounded down to this many decimals, so that a figure equal
/// to its floor never fails on floating-point noise.
const DECIMALS: i32 = 4;

fn round_down(x: f64) -> f64 {
    let m = 10f64.powi(DECIMALS);
    (x * m + 1e-9).floor() / m
}

impl Floors {
    /// Parses the floors file. Errors name the line.
    pub fn parse(text: &str) -> Result<Floors, String> {
        let mut f = Floors::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(format!(
                    "line {}: expected `name = number`, found {line:?}",
                    n + 1
                ));
            };
            let key = key.trim().trim_matches('"').to_string();
            let value = value.trim();
            if key == SLACK {
                f.slack = value
                    .parse()
                    .ok()
                    .filter(|v: &f64| (0.0..=0.2).contains(v))
                    .ok_or_else(|| {
                        format!(
                            "line {}: {SLACK} must be a number from 0 to 0.2, found {value:?}",
                            n + 1
                        )
                    })?;
                continue;
            }
            if key == VIOLATIONS {
                f.max_violations = Some(value.parse().map_err(|_| {
                    format!(
                        "line {}: {VIOLATIONS} must be a whole number, found {value:?}",
                        n + 1
                    )
                })?);
                continue;
            }
            let v: f64 = value.parse().map_err(|_| {
                format!("line {}: `{key}` must be a number, found {value:?}", n + 1)
            })?;
            if !(0.0..=1.0).contains(&v) {
                return Err(format!(
                    "line {}: `{key}` = {v} is not between 0 and 1",
                    n + 1
                ));
            }
            if f.floors.insert(key.clone(), v).is_some() {
                return Err(format!("line {}: `{key}` given twice", n + 1));
            }
        }
        Ok(f)
    }

    /// Every figure below its floor, and every floor naming no known figure, as readable lines.
    pub fn check(&self, figures: &[(String, Option<f64>)], violations: u32) -> Vec<String> {
        let mut out = Vec::new();
        for (name, floor) in &self.floors {
            match figures.iter().find(|(n, _)| n == name) {
                None => out.push(format!(
                    "{name}: no such figure (floors file has a typo or a stale name)"
                )),
                Some((_, Some(v))) if *v + 1e-9 + self.slack < *floor => {
                    let slack = if self.slack > 0.0 {
                        format!(" (less the slack {:.4})", self.slack)
                    } else {
                        String::new()
                    };
                    out.push(format!(
                        "{name} = {v:.4} is below its floor {floor:.4}{slack}"
                    ))
                }
                Some(_) => {}
            }
        }
        if let Some(max) = self.max_violations {
            if violations > max {
                out.push(format!("violations = {violations}: a named or organisation source was reported as anonymous or vague (at most {max} allowed)"));
            }
        }
        out
    }

    /// These floors raised to the current figures where those are higher (never lowered),
    /// the violations ceiling lowered to the current count where that is lower; and
    /// a line for every change. `violations` is `None` while the analyser reports
    /// nothing at all (zero violations then means nothing): no ceiling is set from it.
    pub fn raised(
        &self,
        figures: &[(String, Option<f64>)],
        violations: Option<u32>,
    ) -> (Floors, Vec<String>) {
        let mut next = self.clone();
        let mut changes = Vec::new();
        for (name, value) in figures {
            let old = self.floors.get(name).copied();
            let candidate = value.map(round_down).unwrap_or(0.0);
            match old {
                None => {
                    next.floors.insert(name.clone(), candidate);
                    changes.push(format!("{name}: new floor {candidate:.4}"));
                }
                Some(o) if candidate > o => {
                    next.floors.insert(name.clone(), candidate);
                    changes.push(format!("{name}: {o:.4} -> {candidate:.4}"));
                }
                Some(_) => {}
            }
        }
        match (self.max_violations, violations) {
            (_, None) => {}
            (None, Some(v)) => {
                next.max_violations = Some(v);
                changes.push(format!("{VIOLATIONS}: new ceiling {v}"));
            }
            (Some(m), Some(v)) if v < m => {
                next.max_violations = Some(v);
                changes.push(format!("{VIOLATIONS}: {m} -> {v}"));
            }
            (Some(_), Some(_)) => {}
        }
        (next, changes)
    }

    /// The file's text, figures in the order given (then any others), with a header.
    pub fn render(&self, order: &[(String, Option<f64>)]) -> String {
        let mut s = String::from(
            "# Accuracy floors for the team's corpus (tests/corpus): `make eval` and tests/golden.rs fail\n\
             # when a figure drops below its floor. Raise them after an improvement with\n\
             # `make eval-update-floors` (it only ever raises a floor); lower one by hand only\n\
             # with a reason in the commit message. Figures: see README.md, \"Accuracy\".\n\n",
        );
        if self.slack > 0.0 {
            s.push_str(&format!(
                "# A figure fails when it is more than this below its floor.\n{SLACK} = {}\n\n",
                self.slack
            ));
        }
        let mut written = std::collections::BTreeSet::new();
        for (name, _) in order {
            if let Some(v) = self.floors.get(name) {
                s.push_str(&format!("{name} = {v:.4}\n"));
                written.insert(name.clone());
            }
        }
        for (name, v) in &self.floors {
            if !written.contains(name) {
                s.push_str(&format!("{name} = {v:.4}\n"));
            }
        }
        if let Some(m) = self.max_violations {
            s.push_str(&format!("\n# A named or organisation source reported as anonymous or vague: at most this many.\n{VIOLATIONS} = {m}\n"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(v: &[(&str, Option<f64>)]) -> Vec<(String, Option<f64>)> {
        v.iter().map(|(n, x)| (n.to_string(), *x)).collect()
    }

    #[test]
    fn parse_check_and_render_round_trip() {
        let f = Floors::parse("# c\nanonymous.precision = 0.95 # inline\n\nsentences.recall=0.5\nviolations.max = 0\n").unwrap();
        assert_eq!(f.floors["anonymous.precision"], 0.95);
        assert_eq!(f.max_violations, Some(0));
        let figures = figs(&[
            ("anonymous.precision", Some(0.9)),
            ("sentences.recall", None),
        ]);
        let fails = f.check(&figures, 1);
        assert_eq!(fails.len(), 2, "{fails:?}");
        assert!(fails[0].contains("anonymous.precision = 0.9000 is below its floor 0.9500"));
        assert!(fails[1].contains("violations = 1"));
        assert!(f
            .check(
                &figs(&[
                    ("anonymous.precision", Some(0.95)),
                    ("sentences.recall", Some(0.5))
                ]),
                0
            )
            .is_empty());
        let again = Floors::parse(&f.render(&figures)).unwrap();
        assert_eq!(again, f);
    }

    #[test]
    fn slack_allows_a_small_dip_and_survives_rendering() {
        let f = Floors::parse("slack = 0.02\na = 0.80\n").unwrap();
        assert!(f.check(&figs(&[("a", Some(0.785))]), 0).is_empty());
        let fails = f.check(&figs(&[("a", Some(0.77))]), 0);
        assert!(fails[0].contains("less the slack 0.0200"), "{fails:?}");
        assert_eq!(Floors::parse(&f.render(&figs(&[("a", None)]))).unwrap(), f);
        assert!(Floors::parse("slack = 0.5").is_err());
    }

    #[test]
    fn unknown_names_and_bad_lines_are_errors() {
        let f = Floors::parse("anonymus.precision = 0.5\n").unwrap();
        assert!(
            f.check(&figs(&[("anonymous.precision", Some(1.0))]), 0)[0].contains("no such figure")
        );
        assert!(Floors::parse("x 0.5").unwrap_err().contains("line 1"));
        assert!(Floors::parse("x = high")
            .unwrap_err()
            .contains("must be a number"));
        assert!(Floors::parse("x = 1.5")
            .unwrap_err()
            .contains("between 0 and 1"));
        assert!(Floors::parse("violations.max = -1").is_err());
    }

    #[test]
    fn raising_never_lowers() {
        let f = Floors::parse("a = 0.8\nb = 0.5\nviolations.max = 2\n").unwrap();
        let (g, changes) = f.raised(
            &figs(&[("a", Some(0.7)), ("b", Some(0.66666)), ("c", None)]),
            Some(3),
        );
        assert_eq!(g.floors["a"], 0.8);
        assert_eq!(g.floors["b"], 0.6666);
        assert_eq!(g.floors["c"], 0.0);
        assert_eq!(g.max_violations, Some(2));
        assert_eq!(changes.len(), 2, "{changes:?}");
        let (h, _) = g.raised(&figs(&[("a", Some(1.0))]), Some(0));
        // Nothing reported: no ceiling is set from a vacuous zero.
        assert_eq!(Floors::default().raised(&[], None).0.max_violations, None);
        assert_eq!(h.floors["a"], 1.0);
        assert_eq!(h.max_violations, Some(0));
        // A figure exactly at a rounded floor passes.
        assert!(h
            .check(
                &figs(&[("a", Some(1.0)), ("b", Some(0.66666)), ("c", None)]),
                0
            )
            .is_empty());
    }
}
