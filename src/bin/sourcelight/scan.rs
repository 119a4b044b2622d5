//! `sourcelight scan`: read articles and print their reports.
use crate::input::{self, InputKind, LoadError};
use crate::render::{self, FileJson, LineJson, Page, Scanned};
use clap::{Args, ValueEnum};
use sourcelight::{Kind, LanguageChoice, Options};
use std::io::{self, BufRead, IsTerminal, Write};

const AFTER_HELP: &str = "\
Input:
  Each FILE is read as HTML when its name ends in .html, .htm or .xhtml, as plain text
  when it ends in .txt, .text or .md, and otherwise by looking at its first bytes
  (force either with --input). From HTML, the article is extracted first (navigation,
  headers, footers, asides, comments, scripts and share/related blocks are left out).
  HTML pages that declare a legacy charset (windows-1252, ISO-8859-1, Shift_JIS...) are
  decoded with it; otherwise invalid UTF-8 is replaced with U+FFFD (with a warning).
  UTF-16 with a byte-order mark is decoded; binary files are skipped.

Formats:
  text   the article with each marked claim's sentence shown as [kind #id: ...],
         coloured on a terminal (see --color), then a summary and the explanations
  json   the Report with `file`, `input` (text|html) and, for HTML, `page` (title,
         site_name, url, language) added: ONE object for one FILE, an ARRAY of such
         objects for two or more FILEs. Always the full Report (--kinds is not applied).
         Spans count UTF-16 code units of the analysed text (for HTML, the article text).
  md     a Markdown review document: summary table, then every marked claim with its
         cue, source, checks and explanation
  csv    one row per marked claim, one header row: file, kind, source, cue, claim,
         sentence, group, reason, vantage, count, opinion, explanation. Cells starting
         with = + - @ tab or CR get a leading apostrophe so spreadsheets don't run them.

--jsonl:
  Reads standard input line by line, each line {\"id\": ..., \"text\": \"...\"} or
  {\"id\": ..., \"html\": \"...\"}, and writes one line per record: the Report's JSON with
  the same `id` (and `page` for HTML) added. Blank lines are ignored. A bad line is
  reported on stderr with its line number and skipped; the others are still processed.

Exit status:
  0  every input was read and reported
  1  an input was skipped (binary file) or a --jsonl line was bad
  2  bad arguments, an unreadable or too large input, or output could not be written
  A closed standard output (e.g. `| head`) ends the run quietly with status 0.";

#[derive(Args)]
#[command(after_long_help = AFTER_HELP)]
pub struct ScanArgs {
    /// Files to read (.txt or saved .html pages); `-` reads standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub files: Vec<String>,

    /// Output format (see --help for each).
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Language of the text: detected per text (auto), or set.
    #[arg(long, value_enum, default_value_t = Lang::Auto)]
    pub lang: Lang,

    /// Kinds to mark and list, comma-separated: anonymous, vague, unverified, report,
    /// organisation, named, or `flags` (the first four, the default) or `all`.
    #[arg(long, value_delimiter = ',', value_parser = parse_kinds, value_name = "KINDS")]
    pub kinds: Vec<KindSet>,

    /// Read FILEs as text or HTML instead of deciding from their name and content.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    pub input: InputKind,

    /// Colour in the text format: on a terminal only (auto; NO_COLOR turns it off), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Read JSON Lines records from standard input and write one report line per record.
    #[arg(long)]
    pub jsonl: bool,

    /// Largest input accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 256)]
    pub max_size: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Md,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Auto,
    En,
    Es,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// One item of `--kinds`: a kind, or `flags`/`all`.
#[derive(Clone, Debug)]
pub struct KindSet(Vec<Kind>);

fn parse_kinds(s: &str) -> Result<KindSet, String> {
    parse_kind_names(s).map(KindSet)
}

fn parse_kind_names(s: &str) -> Result<Vec<Kind>, String> {
    match s.trim() {
        "all" => Ok(Kind::ALL.to_vec()),
        "flags" => Ok(Kind::ALL.into_iter().filter(|k| k.is_flag()).collect()),
        "organization" => Ok(vec![Kind::Organisation]),
        other => Kind::parse(other).map(|k| vec![k]).ok_or_else(|| {
            format!(
                "unknown kind `{other}`; use {} or flags or all",
                Kind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }),
    }
}

/// Writes a line to standard error, ignoring a closed stderr (never panics).
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr(), "sourcelight: {}", format_args!($($arg)*));
    }};
}

/// Why a run stopped writing.
enum Stop {
    /// Standard output was closed by the reader: end quietly.
    Closed,
    /// Another write error: report and exit 2.
    Failed(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Stop::Closed
        } else {
            Stop::Failed(e)
        }
    }
}

struct Settings {
    options: Options,
    kinds: Vec<Kind>,
    color: bool,
}

pub fn run(args: ScanArgs) -> i32 {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if args.jsonl {
        run_jsonl(&args, &mut out)
    } else {
        run_files(&args, &mut out)
    };
    let result = result.and_then(|code| out.flush().map(|_| code).map_err(Stop::from));
    match result {
        Ok(code) => code,
        Err(Stop::Closed) => 0,
        Err(Stop::Failed(e)) => {
            say!("cannot write output: {e}");
            2
        }
    }
}

fn settings(args: &ScanArgs) -> Settings {
    let language = match args.lang {
        Lang::Auto => LanguageChoice::Auto,
        Lang::En => LanguageChoice::En,
        Lang::Es => LanguageChoice::Es,
    };
    let mut kinds: Vec<Kind> = args
        .kinds
        .iter()
        .flat_map(|k| k.0.iter().copied())
        .collect();
    if kinds.is_empty() {
        kinds = Kind::ALL.into_iter().filter(|k| k.is_flag()).collect();
    }
    kinds.sort();
    kinds.dedup();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };
    // `..Default` keeps this compiling when the core adds options.
    #[allow(clippy::needless_update)]
    let options = Options {
        language,
        ..Options::default()
    };
    Settings {
        options,
        kinds,
        color,
    }
}

/// Analyses text or an HTML page.
fn analyze(name: String, text: String, is_html: bool, options: &Options) -> Scanned {
    if is_html {
        let article = sourcelight::html::extract(&text);
        if article.text.is_empty() && !text.trim().is_empty() {
            say!("warning: {name}: no article text found in this HTML page");
        }
        let page = Page::from(&article);
        let report = sourcelight::analyze(&article.text, options);
        Scanned {
            name,
            text: article.text,
            page: Some(page),
            report,
        }
    } else {
        let report = sourcelight::analyze(&text, options);
        Scanned {
            name,
            text,
            page: None,
            report,
        }
    }
}

fn run_files(args: &ScanArgs, out: &mut impl Write) -> Result<i32, Stop> {
    let s = settings(args);
    let mut status = 0;
    let several = args.files.len() > 1;
    if args.files.iter().any(|f| f == "-") && io::stdin().is_terminal() {
        say!("reading the article from standard input (end with Ctrl-D)");
    }
    let mut json_items = 0usize;
    if args.format == Format::Json && several {
        out.write_all(b"[\n")?;
    }
    let mut csv_header_done = false;
    let mut first_text = true;
    for file in &args.files {
        let name = input::display_name(file).to_string();
        let loaded = match input::load(file, args.input, args.max_size.saturating_mul(1024 * 1024))
        {
            Ok(l) => l,
            Err(LoadError::Unreadable(why)) => {
                say!("cannot read {name}: {why}");
                status = 2;
                continue;
            }
            Err(LoadError::Binary) => {
                say!("skipping {name}: binary file (not text or HTML)");
                status = status.max(1);
                continue;
            }
        };
        if loaded.lossy {
            say!("warning: {name} is not valid UTF-8; invalid bytes were replaced with U+FFFD");
        }
        if loaded.text.trim().is_empty() {
            say!("warning: {name} is empty");
        }
        let scanned = analyze(name, loaded.text, loaded.is_html, &s.options);
        match args.format {
            Format::Json => {
                let json = serde_json::to_string_pretty(&FileJson::new(&scanned))
                    .map_err(io::Error::other)?;
                if several {
                    if json_items > 0 {
                        out.write_all(b",\n")?;
                    }
                    out.write_all(json.as_bytes())?;
                } else {
                    out.write_all(json.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                json_items += 1;
            }
            Format::Text => {
                if !first_text {
                    out.write_all(b"\n")?;
                }
                first_text = false;
                let header = several || scanned.page.is_some();
                out.write_all(render::text(&scanned, &s.kinds, s.color, header).as_bytes())?;
            }
            Format::Md => {
                if !first_text {
                    out.write_all(b"\n---\n\n")?;
                }
                first_text = false;
                out.write_all(render::markdown(&scanned, &s.kinds).as_bytes())?;
            }
            Format::Csv => {
                let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
                let mut write = || -> csv::Result<()> {
                    if !csv_header_done {
                        w.write_record(render::CSV_HEADER)?;
                    }
                    render::csv_rows(&scanned, &s.kinds, &mut w)
                };
                write().map_err(io::Error::other)?;
                csv_header_done = true;
                let bytes = w
                    .into_inner()
                    .map_err(|e| io::Error::other(e.to_string()))?;
                out.write_all(&bytes)?;
            }
        }
        out.flush()?;
    }
    if args.format == Format::Json && several {
        out.write_all(b"\n]\n")?;
    }
    if args.format == Format::Csv && !csv_header_done {
        // Even with no readable input, a CSV consumer gets its header.
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(render::CSV_HEADER)
            .map_err(io::Error::other)?;
        out.write_all(
            &w.into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?,
        )?;
    }
    Ok(status)
}

fn run_jsonl(args: &ScanArgs, out: &mut impl Write) -> Result<i32, Stop> {
    if args.files.iter().any(|f| f != "-") {
        say!("--jsonl reads standard input only; do not name files with it");
        return Ok(2);
    }
    let s = settings(args);
    let max = args.max_size.saturating_mul(1024 * 1024);
    let stdin = io::stdin();
    let mut reader = stdin.lock();
    let mut status = 0;
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = match io::Read::take(&mut reader, max.saturating_add(1)).read_until(b'\n', &mut buf)
        {
            Ok(n) => n,
            Err(e) => {
                say!("cannot read standard input: {e}");
                return Ok(2);
            }
        };
        if n == 0 {
            break;
        }
        line_no += 1;
        if buf.len() as u64 > max && !buf.ends_with(b"\n") {
            say!(
                "line {line_no}: longer than the size limit of {} MiB; skipped",
                args.max_size
            );
            // Skip the rest of this line.
            loop {
                buf.clear();
                match io::Read::take(&mut reader, 1 << 20).read_until(b'\n', &mut buf) {
                    Ok(0) => break,
                    Ok(_) if buf.ends_with(b"\n") => break,
                    Ok(_) => continue,
                    Err(_) => break,
                }
            }
            status = status.max(1);
            continue;
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(l) => std::borrow::Cow::Borrowed(l),
            Err(_) => {
                say!("warning: line {line_no} is not valid UTF-8; invalid bytes were replaced with U+FFFD");
                String::from_utf8_lossy(&buf)
            }
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match parse_record(line) {
            Ok((id, text, is_html)) => {
                let scanned = analyze(format!("line {line_no}"), text, is_html, &s.options);
                let json = serde_json::to_string(&LineJson {
                    id: &id,
                    page: scanned.page.as_ref(),
                    report: &scanned.report,
                })
                .map_err(io::Error::other)?;
                out.write_all(json.as_bytes())?;
                out.write_all(b"\n")?;
                out.flush()?;
            }
            Err(why) => {
                say!("line {line_no}: {why}; skipped");
                status = status.max(1);
            }
        }
    }
    Ok(status)
}

/// Checks one `--jsonl` record: an object with `id` and exactly one of `text` and `html` (strings).
fn parse_record(line: &str) -> Result<(serde_json::Value, String, bool), String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not valid JSON ({e})"))?;
    let serde_json::Value::Object(mut map) = value else {
        return Err("expected a JSON object like {\"id\": 1, \"text\": \"...\"}".into());
    };
    let id = map.remove("id").ok_or("missing \"id\"")?;
    let text = map.remove("text");
    let html = map.remove("html");
    match (text, html) {
        (Some(serde_json::Value::String(t)), None) => Ok((id, t, false)),
        (None, Some(serde_json::Value::String(h))) => Ok((id, h, true)),
        (Some(_), Some(_)) => Err("has both \"text\" and \"html\"; give one".into()),
        (None, None) => Err("missing \"text\" (or \"html\")".into()),
        _ => Err("\"text\"/\"html\" must be a string".into()),
    }
}
