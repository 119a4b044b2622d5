//! `sourcelight report`: many saved articles in, one comparison out.
//!
//! Reads `.html`/`.txt` files, folders (recursively) and `.jsonl` batches, analyses
//! every article, and writes one self-contained HTML report (`report_html.rs`, with
//! its inline CSS and script under `report/`), or the same table as CSV or JSON.
//! Files are read and analysed on worker threads; results are put back in input
//! order, so the output and the messages on stderr are the same on every run.

#[path = "report_html.rs"]
mod html;

use crate::input::{self, InputKind, LoadError};
use clap::{Args, ValueEnum};
use serde::Serialize;
use sourcelight::{Kind, LanguageChoice, Options, Reason};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

const AFTER_HELP: &str = "\
Input:
  Each PATH is a file, a folder (read recursively: .html .htm .xhtml .shtml .txt .text
  .md and .jsonl/.ndjson files; hidden files and other files are left out) or - for
  standard input. Files are read as `sourcelight scan` reads them (HTML pages have
  their article extracted; legacy charsets, UTF-16 and invalid UTF-8 handled; binary
  files skipped). A .jsonl file holds one article a line:
    {\"id\": ..., \"text\": \"...\" | \"html\": \"...\", \"outlet\"?, \"url\"?, \"date\"?, \"title\"?}

Columns:
  title     og:title, <title> or <h1> of a page; the first line of a text
  outlet    the line's \"outlet\", else the page's og:site_name, else the host of its
            canonical URL (or of the line's \"url\")
  date      the line's \"date\", else the page's article:published_time (or a like
            meta tag), else the first <time datetime>
  then attributions, anonymous, vague, unverified, report, organisation, named,
  anonymous share, distinct anonymous groups, and how many anonymous claims give a
  reason for anonymity, only a boilerplate one, or none.

Formats:
  html  one self-contained page (no network: inline CSS, SVG charts and a small
        script): a sortable, filterable table of articles, per-outlet totals, anonymous
        share per outlet, kinds per article, and each article's flagged sentences with
        their explanations. Article text is always escaped.
  csv   the article table, one header row; cells starting with = + - @ tab or CR get
        a leading apostrophe so spreadsheets don't run them.
  json  {\"articles\": [...], \"outlets\": [...]} with the same fields.
  CSV and JSON are machine data: their column names and values stay in English
  whatever --lang says.

Language:
  --lang sets the language of the HTML page's own text (headings, column names,
  charts, notes); auto writes it in Spanish when most articles were read as Spanish,
  else in English. Each article is still read in the language detected for it (or
  the one --text-lang sets), and its explanations stay in that language.

Exit status:
  0  every input was read
  1  an input was skipped (unreadable, binary, too large, or a bad .jsonl line)
  2  bad arguments, an output FILE that is also an input, or the report could not be written";

#[derive(Args)]
#[command(after_long_help = AFTER_HELP)]
pub struct ReportArgs {
    /// Files and folders to read (.html, .txt, .jsonl; folders recursively); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,

    /// Where to write the report; standard output when not given.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// html (a self-contained page), csv or json (the article table as data).
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Html)]
    pub format: Format,

    /// Language of the HTML report (en, es): auto is Spanish when most articles are
    /// Spanish, else English. CSV and JSON column names always stay English.
    #[arg(long, value_enum, default_value_t = Lang::Auto)]
    pub lang: Lang,

    /// Language the articles are read in: detected per article (auto), or set for all.
    #[arg(long, value_enum, value_name = "LANG", default_value_t = Lang::Auto)]
    pub text_lang: Lang,

    /// Largest input file accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 256)]
    pub max_size: u64,

    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Html,
    Csv,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Auto,
    En,
    Es,
}

/// Writes a line to standard error, ignoring a closed stderr.
fn say(msg: impl std::fmt::Display) {
    let _ = writeln!(io::stderr(), "sourcelight: {msg}");
}

/// One flagged claim, as the report lists it under its sentence.
#[derive(Debug, Clone)]
pub struct Flag {
    pub kind: Kind,
    pub explanation: String,
    /// For anonymous claims: is a reason for anonymity given?
    pub reason: Option<Reason>,
}

/// A sentence holding at least one flagged claim.
#[derive(Debug, Clone)]
pub struct FlaggedSentence {
    pub text: String,
    pub flags: Vec<Flag>,
}

/// One article: one row of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The file the article came from (`<stdin>` for `-`).
    pub file: String,
    /// For a .jsonl file: the line the article is on (from 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For a .jsonl line: its `id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// The language the text was read in.
    pub language: &'static str,
    #[serde(flatten)]
    pub counts: Counts,
    #[serde(skip)]
    pub sentences: Vec<FlaggedSentence>,
}

/// What an article row and an outlet's totals both count (serialised flat, in this order).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// All attributed claims (the Report's `summary.claims`).
    pub attributions: u32,
    pub anonymous: u32,
    pub vague: u32,
    pub unverified: u32,
    pub report: u32,
    pub organisation: u32,
    pub named: u32,
    /// Claims whose kind is a flag.
    pub flagged: u32,
    /// Anonymous claims as a share of all claims (0 when there are none).
    pub anonymous_share: f64,
    /// Distinct groups of anonymous sources (for an outlet: summed over its articles).
    pub anonymous_groups: u32,
    /// Anonymous claims that give a real reason for anonymity.
    pub reasons_given: u32,
    /// Anonymous claims whose only reason is boilerplate ("not authorized to speak").
    pub reasons_boilerplate: u32,
    /// Anonymous claims with no reason at all.
    pub reasons_missing: u32,
}

impl Counts {
    pub fn kind(&self, k: Kind) -> u32 {
        match k {
            Kind::Anonymous => self.anonymous,
            Kind::Vague => self.vague,
            Kind::Unverified => self.unverified,
            Kind::Report => self.report,
            Kind::Organisation => self.organisation,
            Kind::Named => self.named,
        }
    }

    /// The sum of several counts; its anonymous share is that of the summed claims.
    pub fn total<'a>(all: impl IntoIterator<Item = &'a Counts>) -> Counts {
        let mut t = Counts::default();
        for c in all {
            t.attributions += c.attributions;
            t.anonymous += c.anonymous;
            t.vague += c.vague;
            t.unverified += c.unverified;
            t.report += c.report;
            t.organisation += c.organisation;
            t.named += c.named;
            t.flagged += c.flagged;
            t.anonymous_groups += c.anonymous_groups;
            t.reasons_given += c.reasons_given;
            t.reasons_boilerplate += c.reasons_boilerplate;
            t.reasons_missing += c.reasons_missing;
        }
        t.anonymous_share = if t.attributions == 0 {
            0.0
        } else {
            f64::from(t.anonymous) / f64::from(t.attributions)
        };
        t
    }

    /// The CSV cells, in `CSV_HEADER` order.
    fn csv_cells(&self) -> [String; 13] {
        [
            self.attributions.to_string(),
            self.anonymous.to_string(),
            self.vague.to_string(),
            self.unverified.to_string(),
            self.report.to_string(),
            self.organisation.to_string(),
            self.named.to_string(),
            self.flagged.to_string(),
            format!("{:.4}", self.anonymous_share),
            self.anonymous_groups.to_string(),
            self.reasons_given.to_string(),
            self.reasons_boilerplate.to_string(),
            self.reasons_missing.to_string(),
        ]
    }
}

/// Totals for one outlet.
#[derive(Debug, Clone, Serialize)]
pub struct Outlet {
    /// The outlet's name; `null` for articles whose outlet is not known.
    pub outlet: Option<String>,
    pub articles: u32,
    #[serde(flatten)]
    pub counts: Counts,
}

/// Per-outlet totals, the outlets with most articles first (then by name; unknown last).
pub fn outlets(rows: &[Row]) -> Vec<Outlet> {
    let mut map: BTreeMap<Option<&str>, Vec<&Counts>> = BTreeMap::new();
    for r in rows {
        map.entry(r.outlet.as_deref()).or_default().push(&r.counts);
    }
    let mut out: Vec<Outlet> = map
        .into_iter()
        .map(|(outlet, counts)| Outlet {
            outlet: outlet.map(String::from),
            articles: counts.len() as u32,
            counts: Counts::total(counts),
        })
        .collect();
    out.sort_by(|a, b| {
        a.outlet
            .is_none()
            .cmp(&b.outlet.is_none())
            .then(b.articles.cmp(&a.articles))
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    out
}

/// What a .jsonl line (or nothing, for a file) says about its article.
#[derive(Default)]
struct Given {
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

/// Where an article came from.
struct Origin {
    file: String,
    line: Option<usize>,
    id: Option<serde_json::Value>,
}

/// Collapses whitespace; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// At most `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
    }
}

/// The host of a URL, lowercased, without `www.`, userinfo or port.
pub fn url_host(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = match url.find("://") {
        Some(i)
            if url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            &url[i + 3..]
        }
        _ => url.strip_prefix("//")?,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && !host.contains(char::is_whitespace)).then_some(host)
}

/// A title for a plain text: its first non-empty line (a Markdown heading's `#`s dropped).
fn text_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    clean(line.trim_start_matches('#')).map(|t| shorten(&t, 200))
}

/// Analyses one article and reduces its Report to a row.
fn build_row(origin: Origin, raw: &str, is_html: bool, given: Given, options: &Options) -> (Row, Option<String>) {
    let mut warning = None;
    let (text, title, outlet, url, date) = if is_html {
        let article = sourcelight::html::extract(raw);
        if article.text.is_empty() && !raw.trim().is_empty() {
            warning = Some("no article text found in this HTML page".to_string());
        }
        let date = given.date.or_else(|| html::published_date(raw));
        let url = given.url.or(article.url);
        // Some pages give a URL as their site name: its host is the outlet.
        let site_name = article
            .site_name
            .map(|s| match s.contains("://").then(|| url_host(&s)).flatten() {
                Some(host) => host,
                None => s,
            });
        let outlet = given
            .outlet
            .or(site_name)
            .or_else(|| url.as_deref().and_then(url_host));
        let title = given.title.or(article.title).map(|t| shorten(&t, 300));
        (article.text, title, outlet, url, date)
    } else {
        if raw.trim().is_empty() {
            warning = Some("empty".to_string());
        }
        let outlet = given
            .outlet
            .or_else(|| given.url.as_deref().and_then(url_host));
        let title = given.title.or_else(|| text_title(raw));
        (raw.to_string(), title, outlet, given.url, given.date)
    };
    let report = sourcelight::analyze(&text, options);
    let s = &report.summary;
    let by = |k: Kind| s.by_kind.get(k.as_str()).copied().unwrap_or(0);
    let reasons_given = report
        .claims
        .iter()
        .filter(|c| {
            c.kind == Kind::Anonymous
                && c.checks.as_ref().is_some_and(|ch| ch.reason == Reason::Given)
        })
        .count() as u32;
    let mut sentences: Vec<FlaggedSentence> = Vec::new();
    let mut last_start = None;
    for c in report.claims.iter().filter(|c| c.flag) {
        let flag = Flag {
            kind: c.kind,
            explanation: c.explanation.clone(),
            reason: c.checks.as_ref().map(|ch| ch.reason),
        };
        if last_start == Some(c.sentence.start) {
            if let Some(last) = sentences.last_mut() {
                last.flags.push(flag);
                continue;
            }
        }
        last_start = Some(c.sentence.start);
        sentences.push(FlaggedSentence {
            text: c.sentence.text.trim().to_string(),
            flags: vec![flag],
        });
    }
    let row = Row {
        file: origin.file,
        line: origin.line,
        id: origin.id,
        title,
        outlet,
        date,
        url,
        language: report.language.as_str(),
        counts: Counts {
            attributions: s.claims,
            anonymous: by(Kind::Anonymous),
            vague: by(Kind::Vague),
            unverified: by(Kind::Unverified),
            report: by(Kind::Report),
            organisation: by(Kind::Organisation),
            named: by(Kind::Named),
            flagged: s.flagged,
            anonymous_share: s.anonymous_share,
            anonymous_groups: s.anonymous_groups,
            reasons_given,
            reasons_boilerplate: s.checks_missed.boilerplate_reason,
            reasons_missing: s.checks_missed.reason,
        },
        sentences,
    };
    (row, warning)
}

/// One input to read.
#[derive(Debug, Clone)]
enum Job {
    /// An article file (or `-`).
    Article(String),
    /// A .jsonl file of articles.
    Jsonl(String),
}

const ARTICLE_EXT: [&str; 7] = ["html", "htm", "xhtml", "shtml", "txt", "text", "md"];
const JSONL_EXT: [&str; 2] = ["jsonl", "ndjson"];

fn ext_of(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}

/// What the command line names, in order: folders walked recursively, entries sorted by name.
struct Gathered {
    jobs: Vec<Job>,
    /// Paths that could not be read at all.
    problems: usize,
    /// Files in folders that are not articles (other extensions).
    ignored: usize,
    /// An input that is the output file and not a report written earlier: never overwritten.
    clash: Option<String>,
}

fn gather(paths: &[String], output: Option<&Path>) -> Gathered {
    let output = output.and_then(|o| std::fs::canonicalize(o).ok());
    // An earlier report at the output path is left out of the input; anything else there is an input.
    let output_is_report = output.as_ref().is_some_and(|o| {
        let mut head = Vec::new();
        std::fs::File::open(o)
            .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 2048), &mut head))
            .is_ok()
            && is_own_report(&String::from_utf8_lossy(&head))
    });
    let is_output = |p: &Path| {
        output
            .as_ref()
            .is_some_and(|o| std::fs::canonicalize(p).is_ok_and(|c| &c == o))
    };
    let mut g = Gathered {
        jobs: Vec::new(),
        problems: 0,
        ignored: 0,
        clash: None,
    };
    let file_job = |p: &Path| {
        let s = p.to_string_lossy().into_owned();
        if ext_of(p).is_some_and(|e| JSONL_EXT.contains(&e.as_str())) {
            Job::Jsonl(s)
        } else {
            Job::Article(s)
        }
    };
    for path in paths {
        if path == "-" {
            g.jobs.push(Job::Article(path.clone()));
            continue;
        }
        let p = Path::new(path);
        match std::fs::metadata(p) {
            Err(e) => {
                say(format_args!("cannot read {path}: {e}; skipped"));
                g.problems += 1;
            }
            Ok(m) if m.is_dir() => {
                // Iterative walk; symbolic links to folders are not followed (no cycles).
                let mut stack = vec![p.to_path_buf()];
                while let Some(dir) = stack.pop() {
                    let entries = match std::fs::read_dir(&dir) {
                        Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
                        Err(e) => Err(e),
                    };
                    let mut entries = match entries {
                        Ok(es) => es,
                        Err(e) => {
                            say(format_args!("cannot read folder {}: {e}; skipped", dir.display()));
                            g.problems += 1;
                            continue;
                        }
                    };
                    entries.sort_by_key(|e| e.file_name());
                    let mut subdirs = Vec::new();
                    for e in entries {
                        if e.file_name().to_string_lossy().starts_with('.') {
                            continue;
                        }
                        let ep = e.path();
                        let ft = match e.file_type() {
                            Ok(ft) => ft,
                            Err(_) => continue,
                        };
                        if ft.is_dir() {
                            subdirs.push(ep);
                            continue;
                        }
                        let is_file = ft.is_file()
                            || ft.is_symlink() && std::fs::metadata(&ep).is_ok_and(|m| m.is_file());
                        if !is_file {
                            continue;
                        }
                        let known = ext_of(&ep).is_some_and(|x| {
                            ARTICLE_EXT.contains(&x.as_str()) || JSONL_EXT.contains(&x.as_str())
                        });
                        if !known {
                            g.ignored += 1;
                            continue;
                        }
                        if is_output(&ep) {
                            if !output_is_report {
                                g.clash = Some(ep.to_string_lossy().into_owned());
                            }
                            continue;
                        }
                        g.jobs.push(file_job(&ep));
                    }
                    // Pushed in reverse so that folders are read in name order.
                    stack.extend(subdirs.into_iter().rev());
                }
            }
            Ok(_) => {
                if is_output(p) {
                    if output_is_report {
                        say(format_args!("skipping {path}: it is the report being written"));
                    } else {
                        g.clash = Some(path.clone());
                    }
                    continue;
                }
                g.jobs.push(file_job(p));
            }
        }
    }
    g
}

/// What reading one job gives: rows and messages, in order; `skipped` counts bad inputs.
#[derive(Default)]
struct Done {
    rows: Vec<Row>,
    messages: Vec<String>,
    skipped: usize,
}

/// Does this page look like a report written by this command (so it is not read back in)?
fn is_own_report(text: &str) -> bool {
    let head = &text[..text.len().min(2048)];
    let head = &head[..(0..=head.len()).rev().find(|&i| head.is_char_boundary(i)).unwrap_or(0)];
    head.contains(html::GENERATOR)
}

fn run_job(job: &Job, options: &Options, max_bytes: u64) -> Done {
    let mut done = Done::default();
    let (file, is_jsonl) = match job {
        Job::Article(f) => (f.as_str(), false),
        Job::Jsonl(f) => (f.as_str(), true),
    };
    let name = input::display_name(file).to_string();
    let kind = if is_jsonl { InputKind::Text } else { InputKind::Auto };
    let loaded = match input::load(file, kind, max_bytes) {
        Ok(l) => l,
        Err(LoadError::Unreadable(why)) => {
            done.messages.push(format!("cannot read {name}: {why}; skipped"));
            done.skipped += 1;
            return done;
        }
        Err(LoadError::Binary) => {
            done.messages
                .push(format!("skipping {name}: binary file (not text or HTML)"));
            done.skipped += 1;
            return done;
        }
    };
    if loaded.lossy {
        done.messages.push(format!(
            "warning: {name} is not valid UTF-8; invalid bytes were replaced with U+FFFD"
        ));
    }
    if !is_jsonl {
        if loaded.is_html && is_own_report(&loaded.text) {
            done.messages
                .push(format!("skipping {name}: it is a report written by sourcelight report"));
            return done;
        }
        let origin = Origin {
            file: name.clone(),
            line: None,
            id: None,
        };
        let (row, warning) = build_row(origin, &loaded.text, loaded.is_html, Given::default(), options);
        if let Some(w) = warning {
            done.messages.push(format!("warning: {name}: {w}"));
        }
        done.rows.push(row);
        return done;
    }
    for (i, line) in loaded.text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match parse_record(line) {
            Ok(rec) => {
                let origin = Origin {
                    file: name.clone(),
                    line: Some(line_no),
                    id: Some(rec.id),
                };
                let (row, warning) = build_row(origin, &rec.body, rec.is_html, rec.given, options);
                if let Some(w) = warning {
                    done.messages
                        .push(format!("warning: {name} line {line_no}: {w}"));
                }
                done.rows.push(row);
            }
            Err(why) => {
                done.messages
                    .push(format!("{name} line {line_no}: {why}; skipped"));
                done.skipped += 1;
            }
        }
    }
    done
}

struct Record {
    id: serde_json::Value,
    body: String,
    is_html: bool,
    given: Given,
}

/// Checks one .jsonl record: an object with `id`, exactly one of `text` and `html`
/// (strings), and optional `outlet`, `url`, `date`, `title` (strings or null).
fn parse_record(line: &str) -> Result<Record, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not valid JSON ({e})"))?;
    let serde_json::Value::Object(mut map) = value else {
        return Err("expected a JSON object like {\"id\": 1, \"text\": \"...\"}".into());
    };
    let id = map.remove("id").ok_or("missing \"id\"")?;
    let (body, is_html) = match (map.remove("text"), map.remove("html")) {
        (Some(serde_json::Value::String(t)), None) => (t, false),
        (None, Some(serde_json::Value::String(h))) => (h, true),
        (Some(_), Some(_)) => return Err("has both \"text\" and \"html\"; give one".into()),
        (None, None) => return Err("missing \"text\" (or \"html\")".into()),
        _ => return Err("\"text\"/\"html\" must be a string".into()),
    };
    let mut field = |key: &str| -> Result<Option<String>, String> {
        match map.remove(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(clean(&s)),
            Some(_) => Err(format!("\"{key}\" must be a string")),
        }
    };
    let given = Given {
        outlet: field("outlet")?,
        url: field("url")?,
        date: field("date")?,
        title: field("title")?,
    };
    Ok(Record {
        id,
        body,
        is_html,
        given,
    })
}

/// Reads every job on `workers` threads; calls `each` with each job's result in job order.
fn run_jobs(
    jobs: &[Job],
    workers: usize,
    options: &Options,
    max_bytes: u64,
    mut each: impl FnMut(Done),
) {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Done)>();
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, jobs.len().max(1)) {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    run_job(job, options, max_bytes)
                }))
                .unwrap_or_else(|_| Done {
                    messages: vec![format!(
                        "internal error while reading {}; skipped",
                        match job {
                            Job::Article(f) | Job::Jsonl(f) => input::display_name(f),
                        }
                    )],
                    skipped: 1,
                    ..Done::default()
                });
                if tx.send((i, done)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Results arrive in any order; hand them on in job order.
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut want = 0;
        for (i, done) in rx {
            pending.insert(i, done);
            while let Some(d) = pending.remove(&want) {
                each(d);
                want += 1;
            }
        }
    });
}

fn progress_bar(len: u64) -> indicatif::ProgressBar {
    // Drawn only when stderr is a terminal: nothing at all when piped or redirected.
    let pb = indicatif::ProgressBar::with_draw_target(Some(len), indicatif::ProgressDrawTarget::stderr());
    pb.set_message("0");
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{wide_bar} {pos}/{len} files, {msg} articles, {eta} left",
    ) {
        pb.set_style(style);
    }
    pb
}

fn seconds(d: std::time::Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

pub fn run(args: ReportArgs) -> i32 {
    let started = Instant::now();
    if let Some(out) = &args.output {
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(parent) = parent {
            if !parent.is_dir() {
                say(format_args!(
                    "cannot write {}: folder {} does not exist",
                    out.display(),
                    parent.display()
                ));
                return 2;
            }
        }
        if out.is_dir() {
            say(format_args!("cannot write {}: is a folder", out.display()));
            return 2;
        }
    }
    let language = match args.text_lang {
        Lang::Auto => LanguageChoice::Auto,
        Lang::En => LanguageChoice::En,
        Lang::Es => LanguageChoice::Es,
    };
    #[allow(clippy::needless_update)]
    let options = Options {
        language,
        ..Options::default()
    };
    let max_bytes = args.max_size.saturating_mul(1024 * 1024);

    let gathered = gather(&args.paths, args.output.as_deref());
    if let Some(input) = &gathered.clash {
        say(format_args!(
            "{input} is both an input and the output: choose another file for -o"
        ));
        return 2;
    }
    let mut skipped = gathered.problems;
    let jobs = gathered.jobs;
    let workers = args.jobs.map(usize::from).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });

    let pb = progress_bar(jobs.len() as u64);
    let mut rows: Vec<Row> = Vec::new();
    run_jobs(&jobs, workers, &options, max_bytes, |done| {
        if !done.messages.is_empty() {
            pb.suspend(|| {
                for m in &done.messages {
                    say(m);
                }
            });
        }
        skipped += done.skipped;
        rows.extend(done.rows);
        pb.set_message(rows.len().to_string());
        pb.inc(1);
    });
    pb.finish_and_clear();

    let outlets = outlets(&rows);
    let bytes = match args.format {
        Format::Html => html::page(&rows, &outlets, interface_language(args.lang, &rows)).into_bytes(),
        Format::Json => {
            let doc = JsonDoc {
                version: 1,
                articles: &rows,
                outlets: &outlets,
            };
            match serde_json::to_vec_pretty(&doc) {
                Ok(mut v) => {
                    v.push(b'\n');
                    v
                }
                Err(e) => {
                    say(format_args!("cannot write JSON: {e}"));
                    return 2;
                }
            }
        }
        Format::Csv => match csv_table(&rows) {
            Ok(v) => v,
            Err(e) => {
                say(format_args!("cannot write CSV: {e}"));
                return 2;
            }
        },
    };
    let written = match &args.output {
        Some(path) => write_file(path, &bytes).map(|_| format!("; wrote {}", path.display())),
        None => {
            let mut out = io::stdout().lock();
            match out.write_all(&bytes).and_then(|_| out.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(String::new()),
                r => r.map(|_| String::new()),
            }
        }
    };
    let written = match written {
        Ok(w) => w,
        Err(e) => {
            say(format_args!("cannot write the report: {e}"));
            return 2;
        }
    };
    let files = jobs.len();
    let mut summary = format!(
        "read {} article{} from {} file{} in {}",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        files,
        if files == 1 { "" } else { "s" },
        seconds(started.elapsed()),
    );
    if skipped > 0 {
        summary.push_str(&format!("; skipped {skipped} (see above)"));
    }
    if gathered.ignored > 0 {
        summary.push_str(&format!(
            "; left out {} file{} of other types",
            gathered.ignored,
            if gathered.ignored == 1 { "" } else { "s" }
        ));
    }
    summary.push_str(&written);
    say(summary);
    if rows.is_empty() && skipped == 0 {
        say("warning: no articles found");
    }
    if skipped > 0 || rows.is_empty() {
        1
    } else {
        0
    }
}

/// The report's language: the one asked for, else Spanish when more than half of the
/// articles were read as Spanish, else English.
fn interface_language(lang: Lang, rows: &[Row]) -> html::Ui {
    match lang {
        Lang::En => html::Ui::En,
        Lang::Es => html::Ui::Es,
        Lang::Auto => {
            let es = rows.iter().filter(|r| r.language == "es").count();
            if es * 2 > rows.len() {
                html::Ui::Es
            } else {
                html::Ui::En
            }
        }
    }
}

/// `--format json`: the article table and the outlet totals.
#[derive(Serialize)]
struct JsonDoc<'a> {
    version: u32,
    articles: &'a [Row],
    outlets: &'a [Outlet],
}

/// Writes next to the destination, then renames: a failed run never leaves half a report.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

pub const CSV_HEADER: [&str; 21] = [
    "file",
    "line",
    "id",
    "title",
    "outlet",
    "date",
    "url",
    "language",
    "attributions",
    "anonymous",
    "vague",
    "unverified",
    "report",
    "organisation",
    "named",
    "flagged",
    "anonymous_share",
    "anonymous_groups",
    "reasons_given",
    "reasons_boilerplate",
    "reasons_missing",
];

fn csv_table(rows: &[Row]) -> csv::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    for r in rows {
        let text = |s: &Option<String>| crate::render::csv_cell(s.as_deref().unwrap_or(""));
        let id = match &r.id {
            None => String::new(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        };
        let record = [
            crate::render::csv_cell(&r.file),
            r.line.map(|l| l.to_string()).unwrap_or_default(),
            crate::render::csv_cell(&id),
            text(&r.title),
            text(&r.outlet),
            text(&r.date),
            text(&r.url),
            r.language.to_string(),
        ]
        .into_iter()
        .chain(r.counts.csv_cells());
        w.write_record(record)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(url_host("https://www.Example.org/a/b?c").as_deref(), Some("example.org"));
        assert_eq!(url_host("http://user@news.example.com:8080/x").as_deref(), Some("news.example.com"));
        assert_eq!(url_host("//cdn.example.net/x").as_deref(), Some("cdn.example.net"));
        assert_eq!(url_host("/relative/path"), None);
        assert_eq!(url_host("not a url"), None);
    }

    #[test]
    fn outlet_from_page() {
        let opts = Options::default();
        let origin = || Origin { file: "f".into(), line: None, id: None };
        let page = r#"<html><head><meta property="og:site_name" content="http://www.tmz.com"></head><body><p>Officials said so.</p></body></html>"#;
        let (row, _) = build_row(origin(), page, true, Given::default(), &opts);
        assert_eq!(row.outlet.as_deref(), Some("tmz.com"));
        let page = r#"<html><head><link rel=canonical href="https://www.example.org/a"><title>T</title></head><body><p>Officials said so.</p></body></html>"#;
        let (row, _) = build_row(origin(), page, true, Given::default(), &opts);
        assert_eq!((row.outlet.as_deref(), row.title.as_deref()), (Some("example.org"), Some("T")));
        let given = Given { outlet: Some("Given".into()), ..Given::default() };
        let (row, _) = build_row(origin(), page, true, given, &opts);
        assert_eq!(row.outlet.as_deref(), Some("Given"));
    }

    #[test]
    fn shortening() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(shorten("ñññññ", 2), "ññ…");
    }

    #[test]
    fn records() {
        let r = parse_record(r#"{"id":1,"text":"Hi.","outlet":" The  Post ","date":null}"#).ok().unwrap();
        assert_eq!(r.given.outlet.as_deref(), Some("The Post"));
        assert!(r.given.date.is_none() && !r.is_html);
        assert!(parse_record(r#"{"id":1,"text":"a","html":"b"}"#).is_err());
        assert!(parse_record(r#"{"text":"a"}"#).is_err());
        assert!(parse_record(r#"{"id":1,"text":"a","outlet":3}"#).is_err());
        assert!(parse_record("[1]").is_err());
        assert!(parse_record("{").is_err());
    }

    #[test]
    fn outlet_totals() {
        let opts = Options::default();
        let mk = |outlet: Option<&str>, text: &str| {
            let given = Given {
                outlet: outlet.map(String::from),
                ..Given::default()
            };
            let origin = Origin { file: "f".into(), line: None, id: None };
            build_row(origin, text, false, given, &opts).0
        };
        let text = "Officials said the bridge would reopen. Sources familiar with the matter said it would not.";
        let rows = vec![mk(Some("B"), text), mk(None, text), mk(Some("A"), text), mk(Some("B"), "")];
        let o = outlets(&rows);
        assert_eq!(o.iter().map(|o| o.outlet.as_deref()).collect::<Vec<_>>(), [Some("B"), Some("A"), None]);
        assert_eq!(o[0].articles, 2);
        assert_eq!(o[0].counts.attributions, rows[0].counts.attributions);
    }
}
