//! The four output formats of `sourcelight scan`: text, JSON, Markdown and CSV.
//!
//! Every function here writes into a `String` or `Vec<u8>`; the caller writes
//! that to standard output and deals with a closed pipe in one place.

use serde::Serialize;
use sourcelight::html::Article;
use sourcelight::{Claim, Kind, Reason, Report};
use std::fmt::Write as _;

/// What is known about the page an HTML input came from.
#[derive(Serialize, Clone, Debug, Default)]
pub struct Page {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

impl From<&Article> for Page {
    fn from(a: &Article) -> Self {
        Page {
            title: a.title.clone(),
            site_name: a.site_name.clone(),
            url: a.url.clone(),
            language: a.language.clone(),
        }
    }
}

/// One analysed input.
pub struct Scanned {
    /// The name as given on the command line (`<stdin>` for `-`).
    pub name: String,
    /// The text that was analysed (for HTML, the extracted article).
    pub text: String,
    pub page: Option<Page>,
    pub report: Report,
}

/// JSON for one file: the Report's fields with `file`, `input` and (for HTML) `page` added.
#[derive(Serialize)]
pub struct FileJson<'a> {
    pub file: &'a str,
    pub input: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<&'a Page>,
    #[serde(flatten)]
    pub report: &'a Report,
}

impl<'a> FileJson<'a> {
    pub fn new(s: &'a Scanned) -> Self {
        FileJson {
            file: &s.name,
            input: if s.page.is_some() { "html" } else { "text" },
            page: s.page.as_ref(),
            report: &s.report,
        }
    }
}

/// JSON for one `--jsonl` record: the Report's fields with the record's `id` (and `page`) added.
#[derive(Serialize)]
pub struct LineJson<'a> {
    pub id: &'a serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<&'a Page>,
    #[serde(flatten)]
    pub report: &'a Report,
}

/// Converts sorted-or-not UTF-16 offsets of `text` to byte offsets in one pass.
/// An offset inside a surrogate pair or past the end is clamped to a character boundary.
pub fn utf16_to_bytes(text: &str, offsets: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![text.len(); offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut unit: u32 = 0;
    for i in order {
        let want = offsets[i];
        while let Some(&(_, c)) = chars.peek() {
            let next = unit + c.len_utf16() as u32;
            if next > want {
                break;
            }
            unit = next;
            chars.next();
        }
        out[i] = chars.peek().map_or(text.len(), |&(b, _)| b);
    }
    out
}

/// Characters that must not reach a terminal or a review document raw:
/// control characters other than newline and tab (an ESC could drive the terminal).
fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Windows line ends become plain ones; a lone CR (which could overwrite
            // what the terminal shows) becomes a line break.
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            '\n' | '\t' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn ansi(kind: Kind) -> &'static str {
    match kind {
        Kind::Anonymous => "31",
        Kind::Vague => "33",
        Kind::Unverified => "35",
        Kind::Report => "36",
        Kind::Organisation => "34",
        Kind::Named => "32",
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

fn reason_str(r: Reason) -> &'static str {
    match r {
        Reason::None => "none",
        Reason::Boilerplate => "boilerplate",
        Reason::Given => "given",
    }
}

fn count_str(c: &sourcelight::Count) -> String {
    match c.number {
        Some(n) => n.to_string(),
        None if c.plural => "2+".to_string(),
        None => "1".to_string(),
    }
}

fn selected<'r>(report: &'r Report, kinds: &[Kind]) -> impl Iterator<Item = &'r Claim> {
    let kinds = kinds.to_vec();
    report
        .claims
        .iter()
        .filter(move |c| kinds.contains(&c.kind))
}

fn summary_lines(report: &Report) -> Vec<String> {
    let s = &report.summary;
    let by = |k: Kind| s.by_kind.get(k.as_str()).copied().unwrap_or(0);
    let mut lines = vec![format!(
        "{} claims, {} flagged: {}",
        s.claims,
        s.flagged,
        Kind::ALL
            .iter()
            .map(|&k| format!("{} {}", k.as_str(), by(k)))
            .collect::<Vec<_>>()
            .join(", ")
    )];
    if by(Kind::Anonymous) > 0 {
        let m = &s.checks_missed;
        lines.push(format!(
            "anonymous: {} of all claims, {} distinct group(s) of sources; no reason given {}, boilerplate reason only {}, no vantage {}, opinion {}",
            pct(s.anonymous_share),
            s.anonymous_groups,
            m.reason,
            m.boilerplate_reason,
            m.vantage,
            m.opinion
        ));
    }
    lines
}

/// Plain text: the article with each selected claim's sentence marked
/// `[kind #id: …]`, coloured when `color`, then a summary.
pub fn text(s: &Scanned, kinds: &[Kind], color: bool, header: bool) -> String {
    let mut out = String::new();
    if header {
        let _ = writeln!(out, "== {} ==", sanitize(&s.name));
        if let Some(page) = &s.page {
            let meta: Vec<String> = [
                page.title.as_deref(),
                page.site_name.as_deref(),
                page.url.as_deref(),
            ]
            .into_iter()
            .flatten()
            .map(sanitize)
            .collect();
            if !meta.is_empty() {
                let _ = writeln!(out, "{}", meta.join(" · "));
            }
        }
        out.push('\n');
    }
    // Marks: one per distinct sentence, overlapping sentences merged.
    let claims: Vec<&Claim> = selected(&s.report, kinds).collect();
    let mut marks: Vec<(u32, u32, Vec<&Claim>)> = Vec::new();
    let mut sorted = claims.clone();
    sorted.sort_by_key(|c| (c.sentence.start, c.sentence.end, c.id));
    for c in sorted {
        let (a, b) = (c.sentence.start, c.sentence.end.max(c.sentence.start));
        match marks.last_mut() {
            Some(last) if a < last.1 || (a == last.0 && b == last.1) => {
                last.1 = last.1.max(b);
                last.2.push(c);
            }
            _ => marks.push((a, b, vec![c])),
        }
    }
    let offsets: Vec<u32> = marks.iter().flat_map(|m| [m.0, m.1]).collect();
    let bytes = utf16_to_bytes(&s.text, &offsets);
    let mut pos = 0usize;
    for (i, (_, _, cs)) in marks.iter().enumerate() {
        let (a, b) = (bytes[2 * i].max(pos), bytes[2 * i + 1].max(pos));
        let b = b.max(a);
        out.push_str(&sanitize(&s.text[pos..a]));
        let tag = cs
            .iter()
            .map(|c| format!("{} #{}", c.kind.as_str(), c.id))
            .collect::<Vec<_>>()
            .join(", ");
        let body = sanitize(&s.text[a..b]);
        if color {
            let code = ansi(cs[0].kind);
            let _ = write!(
                out,
                "\x1b[1;{code}m[{tag}:\x1b[0m \x1b[4;{code}m{body}\x1b[0m\x1b[1;{code}m]\x1b[0m"
            );
        } else {
            let _ = write!(out, "[{tag}: {body}]");
        }
        pos = b;
    }
    out.push_str(&sanitize(&s.text[pos..]));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    let rule = if color {
        "\x1b[1m--- summary ---\x1b[0m"
    } else {
        "--- summary ---"
    };
    let _ = writeln!(out, "{rule}");
    for line in summary_lines(&s.report) {
        let _ = writeln!(out, "{line}");
    }
    if !claims.is_empty() {
        let _ = writeln!(out, "marked claims:");
        for c in &claims {
            let _ = writeln!(
                out,
                "  [{} #{}] {}",
                c.kind.as_str(),
                c.id,
                sanitize(&c.explanation)
            );
        }
    }
    out
}

/// Escapes text for Markdown: every character that could start markup is
/// backslash-escaped, newlines become spaces, and a leading list or heading
/// marker is neutralised.
pub fn md_escape(s: &str) -> String {
    let s = sanitize(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            // Parentheses and "!" only make links and images after "]", which is escaped.
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
            | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    // A line that starts with "-", "+", "=" or "1." would be a list item or a heading underline.
    let first_digits = out.chars().take_while(|c| c.is_ascii_digit()).count();
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if first_digits > 0 && out[first_digits..].starts_with(['.', ')']) {
        out.insert(first_digits, '\\');
    }
    out
}

/// Markdown: a review document with a summary table and every selected claim explained.
pub fn markdown(s: &Scanned, kinds: &[Kind]) -> String {
    let mut out = String::new();
    let title = s
        .page
        .as_ref()
        .and_then(|p| p.title.as_deref())
        .unwrap_or(&s.name);
    let _ = writeln!(out, "# Sourcing review: {}\n", md_escape(title));
    let _ = writeln!(out, "- **File:** {}", md_escape(&s.name));
    if let Some(page) = &s.page {
        if let Some(site) = &page.site_name {
            let _ = writeln!(out, "- **Site:** {}", md_escape(site));
        }
        if let Some(url) = &page.url {
            let _ = writeln!(out, "- **URL:** {}", md_escape(url));
        }
    }
    let _ = writeln!(out, "- **Language read:** {}\n", s.report.language.as_str());
    let sum = &s.report.summary;
    let _ = writeln!(out, "## Summary\n\n| Kind | Claims |\n|---|---:|");
    for k in Kind::ALL {
        let n = sum.by_kind.get(k.as_str()).copied().unwrap_or(0);
        let label = if k.is_flag() {
            format!("{} (flag)", k.as_str())
        } else {
            k.as_str().to_string()
        };
        let _ = writeln!(out, "| {label} | {n} |");
    }
    let _ = writeln!(out, "| **all** | **{}** |\n", sum.claims);
    let m = &sum.checks_missed;
    let _ = writeln!(
        out,
        "Anonymous claims are {} of all claims, from {} distinct group(s) of sources. Standards checks missed: no reason for anonymity {}, boilerplate reason only {}, no vantage {}, opinion {}.\n",
        pct(sum.anonymous_share),
        sum.anonymous_groups,
        m.reason,
        m.boilerplate_reason,
        m.vantage,
        m.opinion
    );
    let claims: Vec<&Claim> = selected(&s.report, kinds).collect();
    let shown = kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(out, "## Claims ({shown})\n");
    if claims.is_empty() {
        let _ = writeln!(out, "None found.\n");
    }
    for c in claims {
        let who = c
            .source
            .as_ref()
            .map(|s| s.text.as_str())
            .unwrap_or(c.cue.text.as_str());
        let _ = writeln!(
            out,
            "### {}. {}: {}\n",
            c.id,
            c.kind.as_str(),
            md_escape(who)
        );
        let _ = writeln!(out, "> {}\n", md_escape(&c.sentence.text));
        let _ = writeln!(out, "- **Cue:** {}", md_escape(&c.cue.text));
        if let Some(src) = &c.source {
            let _ = writeln!(out, "- **Source:** {}", md_escape(&src.text));
        }
        let _ = writeln!(out, "- **Claim:** {}", md_escape(&c.claim.text));
        if let Some(ch) = &c.checks {
            let _ = writeln!(
                out,
                "- **Checks:** reason {}; vantage {}; count {}; opinion {}",
                reason_str(ch.reason),
                if ch.vantage { "given" } else { "not given" },
                count_str(&ch.count),
                if ch.opinion { "yes" } else { "no" }
            );
        }
        let _ = writeln!(out, "- **Explanation:** {}\n", md_escape(&c.explanation));
    }
    out
}

pub const CSV_HEADER: [&str; 12] = [
    "file",
    "kind",
    "source",
    "cue",
    "claim",
    "sentence",
    "group",
    "reason",
    "vantage",
    "count",
    "opinion",
    "explanation",
];

/// A cell a spreadsheet could read as a formula gets a leading apostrophe.
pub fn csv_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// CSV rows (no header) for the selected claims of one input.
pub fn csv_rows(s: &Scanned, kinds: &[Kind], w: &mut csv::Writer<Vec<u8>>) -> csv::Result<()> {
    for c in selected(&s.report, kinds) {
        let checks = c.checks.as_ref();
        let row = [
            s.name.clone(),
            c.kind.as_str().to_string(),
            c.source
                .as_ref()
                .map(|x| x.text.clone())
                .unwrap_or_default(),
            c.cue.text.clone(),
            c.claim.text.clone(),
            c.sentence.text.clone(),
            c.group.map(|g| g.to_string()).unwrap_or_default(),
            checks
                .map(|k| reason_str(k.reason).to_string())
                .unwrap_or_default(),
            checks
                .map(|k| if k.vantage { "yes" } else { "no" }.to_string())
                .unwrap_or_default(),
            checks.map(|k| count_str(&k.count)).unwrap_or_default(),
            checks
                .map(|k| if k.opinion { "yes" } else { "no" }.to_string())
                .unwrap_or_default(),
            c.explanation.clone(),
        ];
        w.write_record(row.iter().map(|cell| csv_cell(cell)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    use sourcelight::{Checks, Count, Span, Summary};

    /// A span over `needle`'s first occurrence in `text`, in UTF-16 units.
    fn span(text: &str, needle: &str) -> Span {
        let b = text.find(needle).expect("needle in text");
        let start = text[..b].encode_utf16().count() as u32;
        Span {
            start,
            end: start + needle.encode_utf16().count() as u32,
            text: needle.to_string(),
        }
    }

    fn claim(
        id: u32,
        kind: Kind,
        text: &str,
        sentence: &str,
        cue: &str,
        source: Option<&str>,
    ) -> Claim {
        Claim {
            id,
            kind,
            flag: kind.is_flag(),
            sentence: span(text, sentence),
            cue: span(text, cue),
            source: source.map(|s| span(text, s)),
            claim: span(text, sentence),
            group: Some(id),
            continues: None,
            checks: (kind == Kind::Anonymous).then_some(Checks {
                reason: Reason::None,
                reason_text: None,
                vantage: true,
                vantage_text: None,
                count: Count {
                    number: Some(2),
                    plural: true,
                },
                opinion: false,
            }),
            explanation: format!("Explanation {id} with *stars* and <b>tags</b>."),
        }
    }

    /// A hand-made report, so the formats are tested with claims whatever the core finds today.
    fn sample() -> Scanned {
        let text = "Intro 😀 line.\n=SUM(A1) was approved, two officials said. Café 東京 owners said 👍🏽 prices rose.\nEnd.";
        let claims = vec![
            claim(
                0,
                Kind::Anonymous,
                text,
                "=SUM(A1) was approved, two officials said.",
                "said",
                Some("two officials"),
            ),
            claim(
                1,
                Kind::Named,
                text,
                "Café 東京 owners said 👍🏽 prices rose.",
                "said 👍🏽",
                Some("Café 東京 owners"),
            ),
        ];
        let mut by_kind = std::collections::BTreeMap::new();
        for k in Kind::ALL {
            by_kind.insert(
                k.as_str().to_string(),
                claims.iter().filter(|c| c.kind == k).count() as u32,
            );
        }
        let report = Report {
            version: sourcelight::REPORT_VERSION,
            language: sourcelight::Language::En,
            length: text.encode_utf16().count() as u32,
            claims,
            groups: Vec::new(),
            summary: Summary {
                claims: 2,
                flagged: 1,
                by_kind,
                anonymous_groups: 1,
                anonymous_share: 0.5,
                ..Summary::default()
            },
        };
        Scanned {
            name: "-lead.txt".into(),
            text: text.into(),
            page: None,
            report,
        }
    }

    #[test]
    fn text_marks_sentences_with_tags() {
        let s = sample();
        let plain = text(&s, &Kind::ALL, false, false);
        assert!(plain.starts_with("Intro 😀 line.\n[anonymous #0: =SUM(A1) was approved, two officials said.] [named #1: Café 東京 owners said 👍🏽 prices rose.]\nEnd.\n"), "{plain}");
        assert!(plain.contains("  [anonymous #0] Explanation 0"));
        let flags_only = text(&s, &[Kind::Anonymous], false, false);
        assert!(!flags_only.contains("[named #1"));
        let coloured = text(&s, &Kind::ALL, true, true);
        assert!(
            coloured.contains("\x1b[1;31m[anonymous #0:\x1b[0m \x1b[4;31m=SUM(A1)"),
            "{coloured}"
        );
        assert!(coloured.starts_with("== -lead.txt =="));
    }

    #[test]
    fn markdown_lists_claims_escaped() {
        let md = markdown(&sample(), &Kind::ALL);
        assert!(md.contains("### 0. anonymous: two officials"), "{md}");
        assert!(md.contains(r"> \=SUM(A1) was approved"), "{md}");
        assert!(md.contains("- **Checks:** reason none; vantage given; count 2; opinion no"));
        assert!(
            md.contains(r"Explanation 0 with \*stars\* and \<b\>tags\</b\>."),
            "{md}"
        );
        assert!(md.contains("| anonymous (flag) | 1 |"));
        assert!(md.contains("- **File:** \\-lead.txt"), "{md}");
    }

    #[test]
    fn csv_rows_neutralised_and_quoted() {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(CSV_HEADER).unwrap();
        csv_rows(&sample(), &Kind::ALL, &mut w).unwrap();
        let bytes = w.into_inner().unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "'-lead.txt");
        assert_eq!(&rows[0][1], "anonymous");
        assert_eq!(&rows[0][4], "'=SUM(A1) was approved, two officials said.");
        assert_eq!(&rows[0][7], "none");
        assert_eq!(&rows[0][9], "2");
        assert_eq!(&rows[1][2], "Café 東京 owners");
        assert_eq!(&rows[1][7], "");
    }

    #[test]
    fn sanitize_line_ends_and_controls() {
        assert_eq!(
            sanitize("a\r\nb\rc\u{1b}[31md\u{7}"),
            "a\nb\nc\u{FFFD}[31md\u{FFFD}"
        );
    }

    #[test]
    fn utf16_offsets() {
        let t = "a😀é中b";
        // a=0, 😀=1..3, é=3, 中=4, b=5, end=6
        assert_eq!(
            utf16_to_bytes(t, &[0, 1, 3, 4, 5, 6, 2, 99]),
            vec![0, 1, 5, 7, 10, 11, 1, 11]
        );
    }

    #[test]
    fn csv_neutralised() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_cell(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(csv_cell("plain"), "plain");
    }

    #[test]
    fn markdown_escaped() {
        assert_eq!(md_escape("a *b* [c](d) <e>"), r"a \*b\* \[c\](d) \<e\>");
        assert_eq!(md_escape("- item"), r"\- item");
        assert_eq!(md_escape("12. x"), r"12\. x");
        assert_eq!(md_escape("line\nbreak"), "line break");
    }
}
