//! The properties the fuzz targets check, shared with `tests/worst_cases.rs`
//! (which includes this file with `#[path]`). Every check panics with a message
//! naming what broke, so libFuzzer records the input as a crash.
//!
//! - `check_analyze`: bytes read lossily as UTF-8 → `analyze`; no panic; every span
//!   lies within `report.length`, has `start <= end`, and its `text` is the UTF-16
//!   slice it names (so it never splits a surrogate pair); claims in document order;
//!   ids, `group` and `continues` index valid entries; the same input gives the same report.
//! - `check_offsets`: `Utf16Index::to_utf16(b)` equals the naive UTF-16 count of
//!   `text[..b]` at every char boundary, rounds an offset inside a character down to
//!   its start, clamps past the end; `span()` rounds both ends down and names that slice.

#![allow(dead_code)]

use sourcelight::offsets::{floor_char_boundary, Utf16Index};
use sourcelight::report::ByteSpan;
use sourcelight::{analyze, Language, LanguageChoice, Options, Report, Span};

/// Panics unless `span` is the UTF-16 slice `units[start..end]` and within `length`.
pub fn check_span(units: &[u16], length: u32, span: &Span, what: &str) {
    assert!(span.start <= span.end, "{what}: start {} > end {}", span.start, span.end);
    assert!(span.end <= length, "{what}: end {} beyond length {length}", span.end);
    let slice = &units[span.start as usize..span.end as usize];
    let Ok(slice) = String::from_utf16(slice) else {
        panic!("{what}: {}..{} splits a surrogate pair", span.start, span.end);
    };
    assert_eq!(slice, span.text, "{what}: text differs from the input at {}..{}", span.start, span.end);
}

/// Panics unless every span, id and index of `report` is valid for `text`.
pub fn check_report(text: &str, report: &Report) {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(report.length as usize, units.len(), "report.length is not the UTF-16 length");
    let n = report.claims.len();
    let mut last_start = 0;
    for (i, c) in report.claims.iter().enumerate() {
        assert_eq!(c.id as usize, i, "claim ids are their indices");
        check_span(&units, report.length, &c.sentence, "sentence");
        check_span(&units, report.length, &c.cue, "cue");
        check_span(&units, report.length, &c.claim, "claim");
        if let Some(source) = &c.source {
            check_span(&units, report.length, source, "source");
        }
        if let Some(checks) = &c.checks {
            if let Some(r) = &checks.reason_text {
                check_span(&units, report.length, r, "reason_text");
            }
            if let Some(v) = &checks.vantage_text {
                check_span(&units, report.length, v, "vantage_text");
            }
        }
        assert!(
            c.sentence.start >= last_start,
            "claim {i} (sentence at {}) comes before the claim before it (sentence at {last_start})",
            c.sentence.start
        );
        last_start = c.sentence.start;
        assert_eq!(c.flag, c.kind.is_flag(), "claim {i}: flag disagrees with kind");
        if let Some(g) = c.group {
            assert!((g as usize) < report.groups.len(), "claim {i}: group {g} out of range");
            assert!(report.groups[g as usize].mentions.contains(&c.id), "claim {i} missing from its group {g}");
        }
        if let Some(k) = c.continues {
            assert!((k as usize) < n, "claim {i}: continues {k} out of range");
            assert!(k != c.id, "claim {i} continues itself");
        }
    }
    for (j, g) in report.groups.iter().enumerate() {
        assert_eq!(g.id as usize, j, "group ids are their indices");
        for &m in &g.mentions {
            assert!((m as usize) < n, "group {j}: mention {m} out of range");
            assert_eq!(report.claims[m as usize].group, Some(g.id), "group {j} lists claim {m} of another group");
        }
    }
    assert_eq!(report.summary.claims as usize, n, "summary.claims is not the number of claims");
}

/// `analyze` in every language on `text`: valid reports, the same report twice.
pub fn check_text(text: &str) {
    let auto = analyze(text, &Options::default());
    check_report(text, &auto);
    let again = analyze(text, &Options::default());
    assert!(auto == again, "the same input gave another report");
    // The language detection did not pick: read the text in that one too.
    let other = match auto.language {
        Language::En => LanguageChoice::Es,
        Language::Es => LanguageChoice::En,
    };
    let report = analyze(text, &Options { language: other });
    check_report(text, &report);
}

/// The `analyze` fuzz target's body.
pub fn check_analyze(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_text(&text);
}

/// The `offsets` fuzz target's body.
pub fn check_offsets(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let index = Utf16Index::new(text);
    let total = text.encode_utf16().count();
    assert_eq!(index.len_utf16() as usize, total, "len_utf16");

    // expected[b] = UTF-16 units of text[..floor_char_boundary(b)], walked once.
    let mut expected = vec![0u32; text.len() + 1];
    let mut units = 0u32;
    for (i, ch) in text.char_indices() {
        for slot in &mut expected[i..i + ch.len_utf8()] {
            *slot = units;
        }
        units += ch.len_utf16() as u32;
    }
    expected[text.len()] = units;

    for (b, &want) in expected.iter().enumerate() {
        let got = index.to_utf16(b);
        if text.is_char_boundary(b) {
            // The naive definition, checked directly at a sample of boundaries.
            if b % 61 == 0 || b == text.len() {
                assert_eq!(want as usize, text[..b].encode_utf16().count());
            }
            assert_eq!(got, want, "to_utf16({b}) at a char boundary");
        } else {
            assert_eq!(got, want, "to_utf16({b}) inside a character does not round down");
        }
    }
    for past in [text.len() + 1, text.len() + 64, usize::MAX] {
        assert_eq!(index.to_utf16(past), units, "to_utf16({past}) past the end is not clamped");
    }

    // span(): both ends rounded down to a char boundary, an end before the start clamped to it.
    let len = text.len();
    let check = |start: usize, end: usize| {
        let span = index.span(ByteSpan { start, end });
        let s = floor_char_boundary(text, start);
        let e = floor_char_boundary(text, end).max(s);
        assert_eq!(span.text, &text[s..e], "span({start}, {end}).text");
        assert_eq!(span.start, expected[s], "span({start}, {end}).start");
        assert_eq!(span.end, expected[e], "span({start}, {end}).end");
    };
    for start in 0..=len {
        for width in [0usize, 1, 2, 3, 5, 64, 65, 200] {
            check(start, (start + width).min(len));
        }
    }
    // Ends taken from the input's own bytes, and an end before the start.
    for w in data.chunks(2) {
        let a = w[0] as usize * len / 255;
        let b = w.get(1).map_or(len, |&x| x as usize * len / 255);
        check(a, b);
        check(b, a);
    }
}
