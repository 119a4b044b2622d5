//! Reader for the team's labelled corpus (`tests/corpus/FORMAT.md`).
//!
//! An article file is a few `# key: value` header lines, then the article text
//! with inline labels:
//!
//! - `{{KIND:words}}` and `{{KIND#GROUP key=value …:words}}`: a label on `words`;
//! - `{{+}}`: this sentence continues a quotation attributed earlier;
//! - `{{-}}`: this sentence is a decoy (cue-like words, no attribution).
//!
//! [`parse_article`] strips the header and the markup and returns the plain text
//! the analyser reads, with every label's span both in bytes and in UTF-16 code
//! units of that plain text. Malformed markup is an error naming file, line and column.

use crate::offsets::Utf16Index;
use crate::report::{ByteSpan, Kind, Reason};
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// The count a label asks for (`count=2`, `count=one`, `count=plural`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountLabel {
    Number(u32),
    One,
    Plural,
}

impl fmt::Display for CountLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CountLabel::Number(n) => write!(f, "{n}"),
            CountLabel::One => f.write_str("one"),
            CountLabel::Plural => f.write_str("plural"),
        }
    }
}

/// The standards checks a label states (anonymous labels only); `None` = not stated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LabelChecks {
    pub reason: Option<Reason>,
    pub vantage: Option<bool>,
    pub count: Option<CountLabel>,
    pub opinion: Option<bool>,
}

impl LabelChecks {
    pub fn is_empty(&self) -> bool {
        self.reason.is_none()
            && self.vantage.is_none()
            && self.count.is_none()
            && self.opinion.is_none()
    }
}

/// One `{{KIND#GROUP …:words}}` label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub kind: Kind,
    /// The group name after `#`, if any.
    pub group: Option<String>,
    pub checks: LabelChecks,
    /// The labelled words (as they stay in the plain text).
    pub words: String,
    /// The words in bytes of the plain text (surrounding whitespace trimmed).
    #[serde(skip)]
    pub bytes: ByteSpan,
    /// The words in UTF-16 code units of the plain text.
    pub start: u32,
    pub end: u32,
    /// 1-based line of the label in the article file.
    pub line: usize,
}

/// Where a `{{+}}` or `{{-}}` marker stood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    /// Byte offset in the plain text.
    #[serde(skip)]
    pub byte: usize,
    /// UTF-16 offset in the plain text.
    pub at: u32,
    /// 1-based line in the article file.
    pub line: usize,
}

/// One parsed article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// The file it came from (as given to the reader).
    pub path: String,
    pub style: Option<String>,
    pub lang: Option<String>,
    pub note: Option<String>,
    /// The text the analyser reads: header removed, markup stripped.
    #[serde(skip)]
    pub text: String,
    /// 1-based file line on which the plain text starts.
    #[serde(skip)]
    pub first_line: usize,
    pub labels: Vec<Label>,
    /// `{{+}}` markers: sentences continuing an earlier quotation.
    pub continuations: Vec<Marker>,
    /// `{{-}}` markers: decoy sentences.
    pub decoys: Vec<Marker>,
}

impl Article {
    /// Short name for tables: the file name without folders.
    pub fn name(&self) -> String {
        let p = Path::new(&self.path);
        let lang = p
            .parent()
            .and_then(|d| d.file_name())
            .map(|d| d.to_string_lossy().into_owned());
        let file = p
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.clone());
        match lang {
            Some(l) if l == "en" || l == "es" => format!("{l}/{file}"),
            _ => file,
        }
    }
}

/// Malformed input: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    pub path: String,
    /// 1-based line (0 when the error is about the whole file).
    pub line: usize,
    /// 1-based column in characters (0 when not known).
    pub column: usize,
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}: {}", self.path, self.message),
            (l, 0) => write!(f, "{}:{}: {}", self.path, l, self.message),
            (l, c) => write!(f, "{}:{}:{}: {}", self.path, l, c, self.message),
        }
    }
}

impl std::error::Error for CorpusError {}

const HEADER_KEYS: [&str; 3] = ["style", "lang", "note"];

/// Parses one article file's contents. `path` is used in error messages only.
pub fn parse_article(path: &str, source: &str) -> Result<Article, CorpusError> {
    let err = |line: usize, column: usize, message: String| CorpusError {
        path: path.to_string(),
        line,
        column,
        message,
    };
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines: Vec<&str> = source.split_inclusive('\n').collect();

    let mut article = Article {
        path: path.to_string(),
        style: None,
        lang: None,
        note: None,
        text: String::new(),
        first_line: 1,
        labels: Vec::new(),
        continuations: Vec::new(),
        decoys: Vec::new(),
    };

    // Header: `# key: value` lines at the top.
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end_matches(['\n', '\r']);
        let Some(field) = line.strip_prefix("# ") else {
            break;
        };
        let Some((key, value)) = field.split_once(':') else {
            return Err(err(
                i + 1,
                1,
                format!("header line must be `# key: value`, found {line:?}"),
            ));
        };
        let key = key.trim();
        let value = value.trim().to_string();
        match key {
            "style" => article.style = Some(value),
            "lang" => {
                if value != "en" && value != "es" {
                    return Err(err(
                        i + 1,
                        1,
                        format!("`# lang:` must be `en` or `es`, found {value:?}"),
                    ));
                }
                article.lang = Some(value)
            }
            "note" => {
                article.note = Some(match article.note.take() {
                    Some(prev) => format!("{prev} {value}"),
                    None => value,
                })
            }
            _ => {
                return Err(err(
                    i + 1,
                    3,
                    format!(
                        "unknown header field `{key}` (known: {})",
                        HEADER_KEYS.join(", ")
                    ),
                ))
            }
        }
        i += 1;
    }
    // Blank lines between the header and the headline are not part of the text.
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    article.first_line = i + 1;

    let mut text = String::with_capacity(source.len());
    for (n, line) in lines.iter().enumerate().skip(i) {
        parse_line(line, n + 1, &mut text, &mut article)
            .map_err(|(col, msg)| err(n + 1, col, msg))?;
    }
    if text.trim().is_empty() {
        return Err(err(
            0,
            0,
            "the article has no text after its header".to_string(),
        ));
    }

    // UTF-16 positions, with one index over the finished text.
    let index = Utf16Index::new(&text);
    for label in &mut article.labels {
        label.start = index.to_utf16(label.bytes.start);
        label.end = index.to_utf16(label.bytes.end);
    }
    for m in article
        .continuations
        .iter_mut()
        .chain(article.decoys.iter_mut())
    {
        m.at = index.to_utf16(m.byte);
    }
    article.text = text;
    Ok(article)
}

/// Parses one line of article text, appending its plain text to `out`.
/// Errors are (1-based column in characters, message).
fn parse_line(
    line: &str,
    line_no: usize,
    out: &mut String,
    article: &mut Article,
) -> Result<(), (usize, String)> {
    let col = |byte: usize| line[..byte].chars().count() + 1;
    let mut rest = 0usize; // bytes of `line` consumed
    loop {
        let open = line[rest..].find("{{").map(|p| p + rest);
        let close_stray = line[rest..].find("}}").map(|p| p + rest);
        match (open, close_stray) {
            (None, None) => {
                out.push_str(&line[rest..]);
                return Ok(());
            }
            (None, Some(c)) => return Err((col(c), "`}}` without a matching `{{`".to_string())),
            (Some(o), Some(c)) if c < o => {
                return Err((col(c), "`}}` without a matching `{{`".to_string()))
            }
            (Some(o), _) => {
                out.push_str(&line[rest..o]);
                let body_start = o + 2;
                let Some(close) = line[body_start..].find("}}").map(|p| p + body_start) else {
                    return Err((col(o), "`{{` is not closed by `}}` on the same line (a label cannot span paragraphs)".to_string()));
                };
                let body = &line[body_start..close];
                if let Some(p) = body.find("{{") {
                    return Err((col(body_start + p), "labels cannot be nested".to_string()));
                }
                parse_markup(body, line_no, col(o), out, article)?;
                rest = close + 2;
            }
        }
    }
}

/// Parses the inside of one `{{…}}` (without braces) at file column `column`.
fn parse_markup(
    body: &str,
    line_no: usize,
    column: usize,
    out: &mut String,
    article: &mut Article,
) -> Result<(), (usize, String)> {
    match body {
        "+" => {
            article.continuations.push(Marker {
                byte: out.len(),
                at: 0,
                line: line_no,
            });
            return Ok(());
        }
        "-" => {
            article.decoys.push(Marker {
                byte: out.len(),
                at: 0,
                line: line_no,
            });
            return Ok(());
        }
        _ => {}
    }
    let Some((head, words)) = body.split_once(':') else {
        return Err((column, format!("label `{{{{{body}}}}}` has no `:` before its words (expected `{{{{KIND:words}}}}`, `{{{{+}}}}` or `{{{{-}}}}`)")));
    };
    let mut parts = head.split_whitespace();
    let kind_group = parts.next().unwrap_or("");
    let (kind_name, group) = match kind_group.split_once('#') {
        Some((k, g)) => {
            if g.is_empty() {
                return Err((column, "empty group name after `#`".to_string()));
            }
            (k, Some(g.to_string()))
        }
        None => (kind_group, None),
    };
    let kind = Kind::parse(kind_name).ok_or_else(|| {
        let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        (
            column,
            format!("unknown kind `{kind_name}` (known: {})", known.join(", ")),
        )
    })?;

    let mut checks = LabelChecks::default();
    for kv in parts {
        let Some((key, value)) = kv.split_once('=') else {
            return Err((column, format!("`{kv}` is not `key=value`")));
        };
        let bad = |allowed: &str| (column, format!("`{key}={value}`: {key} must be {allowed}"));
        let dup = |set: bool| {
            if set {
                Err((column, format!("`{key}` given twice")))
            } else {
                Ok(())
            }
        };
        match key {
            "reason" => {
                dup(checks.reason.is_some())?;
                checks.reason = Some(match value {
                    "none" => Reason::None,
                    "boilerplate" => Reason::Boilerplate,
                    "given" => Reason::Given,
                    _ => return Err(bad("none, boilerplate or given")),
                })
            }
            "vantage" => {
                dup(checks.vantage.is_some())?;
                checks.vantage = Some(yes_no(value).ok_or_else(|| bad("yes or no"))?)
            }
            "opinion" => {
                dup(checks.opinion.is_some())?;
                checks.opinion = Some(yes_no(value).ok_or_else(|| bad("yes or no"))?)
            }
            "count" => {
                dup(checks.count.is_some())?;
                checks.count = Some(match value {
                    "one" => CountLabel::One,
                    "plural" => CountLabel::Plural,
                    n => match n.parse::<u32>() {
                        Ok(n) if n > 0 => CountLabel::Number(n),
                        _ => return Err(bad("a number above 0, one or plural")),
                    },
                })
            }
            _ => {
                return Err((
                    column,
                    format!("unknown check `{key}` (known: reason, vantage, count, opinion)"),
                ))
            }
        }
    }
    if !checks.is_empty() && kind != Kind::Anonymous {
        return Err((
            column,
            format!(
                "checks (reason, vantage, count, opinion) are for anonymous labels only, not `{}`",
                kind.as_str()
            ),
        ));
    }
    if words.trim().is_empty() {
        return Err((column, "label has no words after `:`".to_string()));
    }
    if words.contains("}") || words.contains("{") {
        return Err((column, "label words contain a brace".to_string()));
    }
    let lead = words.len() - words.trim_start().len();
    let start = out.len() + lead;
    out.push_str(words);
    let end = start + words.trim().len();
    article.labels.push(Label {
        kind,
        group,
        checks,
        words: words.trim().to_string(),
        bytes: ByteSpan::new(start, end),
        start: 0,
        end: 0,
        line: line_no,
    });
    Ok(())
}

fn yes_no(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// Every `*.txt` file under `dir` (recursively), sorted by path.
pub fn article_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Reads and parses every article under `dir`. Returns every error found, not just the first.
pub fn load_dir(dir: &Path) -> Result<Vec<Article>, Vec<CorpusError>> {
    let files = article_files(dir).map_err(|e| {
        vec![CorpusError {
            path: dir.display().to_string(),
            line: 0,
            column: 0,
            message: format!("cannot read the corpus folder: {e}"),
        }]
    })?;
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        let shown = file.display().to_string();
        match std::fs::read(&file) {
            Err(e) => errors.push(CorpusError {
                path: shown,
                line: 0,
                column: 0,
                message: format!("cannot read: {e}"),
            }),
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(e) => errors.push(CorpusError {
                    path: shown,
                    line: 0,
                    column: 0,
                    message: format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()),
                }),
                Ok(source) => match parse_article(&shown, &source) {
                    Ok(a) => articles.push(a),
                    Err(e) => errors.push(e),
                },
            },
        }
    }
    if errors.is_empty() {
        Ok(articles)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Article {
        parse_article("t.txt", s).unwrap_or_else(|e| panic!("{e}"))
    }
    fn error(s: &str) -> CorpusError {
        parse_article("t.txt", s).expect_err("should fail")
    }

    #[test]
    fn header_and_plain_text() {
        let a = parse(
            "# style: wire\n# lang: en\n# note: a test\n\nHeadline\n\n{{named:Ann Lee}} said it.\n",
        );
        assert_eq!(a.style.as_deref(), Some("wire"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert_eq!(a.note.as_deref(), Some("a test"));
        assert_eq!(a.text, "Headline\n\nAnn Lee said it.\n");
        assert_eq!(a.first_line, 5);
        assert_eq!(a.labels.len(), 1);
        let l = &a.labels[0];
        assert_eq!(l.kind, Kind::Named);
        assert_eq!(&a.text[l.bytes.start..l.bytes.end], "Ann Lee");
        assert_eq!((l.start, l.end), (10, 17));
        assert_eq!(l.line, 7);
    }

    #[test]
    fn group_and_checks() {
        let a = parse("# lang: en\n{{anonymous#a reason=boilerplate vantage=yes count=2 opinion=no:two officials familiar with it}} said so.\n");
        let l = &a.labels[0];
        assert_eq!(l.group.as_deref(), Some("a"));
        assert_eq!(l.checks.reason, Some(Reason::Boilerplate));
        assert_eq!(l.checks.vantage, Some(true));
        assert_eq!(l.checks.count, Some(CountLabel::Number(2)));
        assert_eq!(l.checks.opinion, Some(false));
        assert_eq!(l.words, "two officials familiar with it");
        let b = parse("# lang: en\n{{anonymous#x count=plural:sources}} said, {{anonymous#y count=one:a source}} said.\n");
        assert_eq!(b.labels[0].checks.count, Some(CountLabel::Plural));
        assert_eq!(b.labels[1].checks.count, Some(CountLabel::One));
        assert_eq!(b.text, "sources said, a source said.\n");
    }

    #[test]
    fn markers_and_utf16_spans() {
        // The emoji is two UTF-16 units, "é" and "ñ" one each but two bytes.
        let a = parse("# lang: es\n«Ganamos 🎉», dijo {{named#ruiz:Ruiz}}. «{{+}}Siempre.» {{-}}Peña tenía fuentes de ingresos.\n");
        assert_eq!(
            a.text,
            "«Ganamos 🎉», dijo Ruiz. «Siempre.» Peña tenía fuentes de ingresos.\n"
        );
        let l = &a.labels[0];
        let units: Vec<u16> = a.text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&units[l.start as usize..l.end as usize]).unwrap(),
            "Ruiz"
        );
        assert_eq!(a.continuations.len(), 1);
        assert_eq!(
            &a.text[a.continuations[0].byte..a.continuations[0].byte + 8],
            "Siempre."
        );
        let c = a.continuations[0].at as usize;
        assert_eq!(String::from_utf16(&units[c..c + 8]).unwrap(), "Siempre.");
        assert_eq!(a.decoys.len(), 1);
        assert!(a.text[a.decoys[0].byte..].starts_with("Peña"));
    }

    #[test]
    fn several_labels_on_a_line_and_over_lines() {
        let a = parse("# lang: en\nT\n{{vague:Critics}} say it, {{unverified:reportedly}}.\nThe firm {{organisation:Acme}} said.\n");
        let kinds: Vec<_> = a
            .labels
            .iter()
            .map(|l| (l.kind, l.words.as_str(), l.line))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (Kind::Vague, "Critics", 3),
                (Kind::Unverified, "reportedly", 3),
                (Kind::Organisation, "Acme", 4)
            ]
        );
        for l in &a.labels {
            assert_eq!(&a.text[l.bytes.start..l.bytes.end], l.words);
        }
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = error("# lang: en\nHead\nThe {{anonymus:sources}} said.\n");
        assert_eq!((e.line, e.column), (3, 5));
        assert!(
            e.message.contains("unknown kind `anonymus`"),
            "{}",
            e.message
        );
        assert_eq!(e.to_string().split(": ").next().unwrap(), "t.txt:3:5");

        assert!(error("# lang: en\nThe {{named:Ann said.\n")
            .message
            .contains("not closed"));
        assert!(error("# lang: en\nThe named:Ann}} said.\n")
            .message
            .contains("without a matching"));
        assert!(error("# lang: en\n{{named Ann}} said.\n")
            .message
            .contains("no `:`"));
        assert!(error("# lang: en\n{{named:}} said.\n")
            .message
            .contains("no words"));
        assert!(error("# lang: en\n{{named count=2:Ann}} said.\n")
            .message
            .contains("anonymous labels only"));
        assert!(error("# lang: en\n{{anonymous count=zero:x}} said.\n")
            .message
            .contains("count must be"));
        assert!(error("# lang: en\n{{anonymous reason=maybe:x}} said.\n")
            .message
            .contains("reason must be"));
        assert!(error("# lang: en\n{{anonymous vantage=y:x}} said.\n")
            .message
            .contains("vantage must be"));
        assert!(error("# lang: en\n{{anonymous depth=2:x}} said.\n")
            .message
            .contains("unknown check"));
        assert!(error("# lang: en\n{{anonymous#:x}} said.\n")
            .message
            .contains("empty group"));
        assert!(error("# lang: en\n{{named:a {{named:b}}}} said.\n")
            .message
            .contains("nested"));
        assert!(error("# lang: fr\nT\n").message.contains("`en` or `es`"));
        assert!(error("# colour: red\nT\n")
            .message
            .contains("unknown header field"));
        assert!(error("# lang: en\n\n").message.contains("no text"));
        let e = error("# lang: en\nOne.\nTwo {{x:y}}.\n");
        assert_eq!((e.line, e.column), (3, 5));
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let e = error("# lang: es\nSegún {{fuente:x}} dijo.\n");
        assert_eq!((e.line, e.column), (2, 7));
    }
}
