//! Properties of `analyze` on arbitrary text: it never panics, every span names the
//! UTF-16 slice of the input it says it does, claims come in document order, group and
//! `continues` ids point where they should, and the same input gives the same report.
//!
//! Inputs come from four generators: any string at all; words drawn from a vocabulary of
//! attribution cues, quote marks, newlines, emoji, CJK, accents and control characters;
//! whole news-like sentences with those mixed in; and any characters from the awkward
//! corners of Unicode (NUL, controls, U+FFFD, combining marks, supplementary planes).

use proptest::prelude::*;
use proptest::test_runner::Config;
use sourcelight::{analyze, LanguageChoice, Options, Report, Span};

/// Words and marks that trip the parser's rules: cues, sources, quotes, odd characters.
const VOCAB: &[&str] = &[
    "said", "says", "told", "according to", "sources", "source", "familiar with the matter",
    "officials", "a person", "who spoke on condition of anonymity", "because", "reportedly",
    "allegedly", "Critics say", "it is believed", "declined to comment", "the minister said",
    "The company", "as CNN reported", "The Wall Street Journal reported", "Trump", "Maria Lopez",
    "the secretary", "two people", "briefed on", "not authorized to speak publicly", "dijo",
    "según", "fuentes", "afirmó", "supuestamente", "habría", "El Gobierno", "la ministra",
    "“", "”", "\"", "«", "»", "‘", "’", "'", ",", ".", "?", "!", ":", ";", "—", "(", ")", "…",
    "\n", "\n\n", "\r\n", "\t", " ", "  ", "Mr.", "U.S.", "Dr.", "3.5", "1,200", "😀", "🚀",
    "👩‍👩‍👧", "🇪🇸", "東京", "消息人士说", "。", "Café", "Núñez", "e\u{301}", "\u{0}", "\u{1}",
    "\u{7}", "\u{1b}", "\u{7f}", "\u{85}", "\u{a0}", "\u{200b}", "\u{200d}", "\u{2028}",
    "\u{2029}", "\u{feff}", "\u{fffd}", "\u{10ffff}", "ﬁ", "İ", "ß",
];

/// Sentences with attributions, to which the generators add noise.
const SENTENCES: &[&str] = &[
    "The plant will close, sources familiar with the matter said.",
    "Critics say the closure was rushed.",
    "The manager reportedly resigned.",
    "The company declined to comment.",
    "“We are heartbroken,” said Maria Lopez, the union’s leader.",
    "“It was a mistake.",
    "We will fix it,” she added.",
    "The minister said the review would take weeks.",
    "According to two officials, the deal is off.",
    "The union was warned in March, The Wall Street Journal reported.",
    "El Gobierno prepara un recorte, según fuentes conocedoras de la negociación.",
    "«No vamos a rendirnos», dijo Ana Núñez.",
    "Los críticos dicen que la reforma llega tarde.",
    "It rained all day in Lisbon.",
];

fn vocab_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..80).prop_map(|words| {
        let mut out = String::new();
        for (i, w) in words.iter().enumerate() {
            // Sometimes glue words together, sometimes separate them.
            if i % 3 != 2 {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    })
}

fn sentence_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(SENTENCES).prop_map(str::to_string),
        2 => prop::sample::select(VOCAB).prop_map(str::to_string),
        1 => "[a-zA-Z ,.;:!?'\"“”«»\n]{0,20}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.join(" "))
}

fn awkward_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::char::range('\u{0}', '\u{1f}'),
        prop::char::range('\u{7f}', '\u{9f}'),
        Just('\u{fffd}'),
        prop::char::range('\u{300}', '\u{36f}'),
        prop::char::range('\u{2000}', '\u{206f}'),
        prop::char::range('\u{4e00}', '\u{4e40}'),
        prop::char::range('\u{1f300}', '\u{1f64f}'),
        prop::char::range('\u{10000}', '\u{10ffff}'),
        prop::char::range('a', 'z'),
        Just(' '),
        Just('.'),
        Just('"'),
    ]
}

fn awkward_text() -> impl Strategy<Value = String> {
    prop::collection::vec(awkward_char(), 0..120).prop_map(|cs| cs.into_iter().collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<String>(),
        3 => vocab_text(),
        3 => sentence_text(),
        1 => awkward_text(),
    ]
}

fn options() -> impl Strategy<Value = Options> {
    prop::sample::select(vec![LanguageChoice::Auto, LanguageChoice::En, LanguageChoice::Es])
        .prop_map(|language| Options { language })
}

/// Checks one span against the input; `what` names it in the failure message.
fn check_span(units: &[u16], length: u32, span: &Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what}: start {} > end {}", span.start, span.end);
    prop_assert!(span.end <= length, "{what}: end {} beyond length {length}", span.end);
    let slice = String::from_utf16(&units[span.start as usize..span.end as usize]);
    prop_assert!(slice.is_ok(), "{what}: {}..{} splits a surrogate pair", span.start, span.end);
    prop_assert_eq!(slice.unwrap(), span.text.as_str(), "{} text differs from the input", what);
    Ok(())
}

fn check_report(text: &str, report: &Report) -> Result<(), TestCaseError> {
    let units: Vec<u16> = text.encode_utf16().collect();
    prop_assert_eq!(report.length as usize, units.len());
    let n = report.claims.len();
    let mut last_start = 0;
    for (i, c) in report.claims.iter().enumerate() {
        prop_assert_eq!(c.id as usize, i, "claim ids are their indices");
        check_span(&units, report.length, &c.sentence, "sentence")?;
        check_span(&units, report.length, &c.cue, "cue")?;
        check_span(&units, report.length, &c.claim, "claim")?;
        if let Some(source) = &c.source {
            check_span(&units, report.length, source, "source")?;
        }
        if let Some(checks) = &c.checks {
            if let Some(r) = &checks.reason_text {
                check_span(&units, report.length, r, "reason_text")?;
            }
            if let Some(v) = &checks.vantage_text {
                check_span(&units, report.length, v, "vantage_text")?;
            }
        }
        prop_assert!(c.sentence.start >= last_start, "claim {i} starts before the claim before it");
        last_start = c.sentence.start;
        prop_assert_eq!(c.flag, c.kind.is_flag());
        if let Some(g) = c.group {
            prop_assert!((g as usize) < report.groups.len(), "claim {i}: group {g} out of range");
            prop_assert!(report.groups[g as usize].mentions.contains(&c.id), "claim {i} missing from group {g}");
        }
        if let Some(k) = c.continues {
            prop_assert!((k as usize) < n, "claim {i}: continues {k} out of range");
            prop_assert!(k != c.id, "claim {i} continues itself");
        }
    }
    for (j, g) in report.groups.iter().enumerate() {
        prop_assert_eq!(g.id as usize, j, "group ids are their indices");
        for &m in &g.mentions {
            prop_assert!((m as usize) < n, "group {j}: mention {m} out of range");
            prop_assert_eq!(report.claims[m as usize].group, Some(g.id), "group {} lists a claim of another group", j);
        }
    }
    prop_assert_eq!(report.summary.claims as usize, n);
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    #[test]
    fn spans_order_ids_and_determinism(text in any_text(), options in options()) {
        let report = analyze(&text, &options);
        check_report(&text, &report)?;
        let again = analyze(&text, &options);
        prop_assert_eq!(&report, &again, "the same input gave another report");
    }

    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let report = analyze(&text, &Options::default());
        check_report(&text, &report)?;
    }

    #[test]
    fn prefixes_of_real_text_are_fine(text in sentence_text(), cut in 0usize..400) {
        // A text cut mid-sentence, mid-quote or mid-word, at a char boundary.
        let mut end = cut.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let prefix = &text[..end];
        let report = analyze(prefix, &Options::default());
        check_report(prefix, &report)?;
    }
}
