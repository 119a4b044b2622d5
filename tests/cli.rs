//! The `sourcelight` command-line tool, run as a separate process.
//!
//! The core's rules grow over time, so these tests check the tool's own
//! contracts (formats, exit codes, input handling, offsets) on whatever claims
//! the core finds, and never depend on a particular claim being found.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sourcelight"));
    c.env_remove("NO_COLOR");
    c
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sourcelight-cli-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run sourcelight")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sourcelight");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_no_panic(o: &Output) {
    let e = stderr(o);
    assert!(
        !e.contains("panicked") && !e.contains("RUST_BACKTRACE"),
        "panic: {e}"
    );
}

/// Articles written for these tests: many cue-like phrases so that, as the core
/// grows, the formats get exercised with real claims.
const ARTICLE_EN: &str = "The city will close the old bridge next month, according to two officials familiar with the plan, who spoke on condition of anonymity because the decision is not yet public.\n\n\
Critics say the closure will hurt small shops near the river. The repairs will reportedly cost more than $40 million.\n\n\
\"We have no choice,\" Mayor Dana Ruiz said on Tuesday. The transport department declined to comment. \
As the Daily Ledger first reported, engineers found cracks in two piers last year. =SUM(A1:A9), one official said.";

const ARTICLE_ES: &str = "El Gobierno cerrará el puente viejo el próximo mes, según dos funcionarios que pidieron no ser identificados.\n\n\
Algunos expertos advierten de que el cierre perjudicará a los comercios. La obra costaría presuntamente más de 40 millones, dijo la alcaldesa Ana Gil.";

/// Text with emoji, accents and CJK before and inside the claims.
const ARTICLE_WIDE: &str = "Café owners 😀 in Zürich said the new tax 🚀 was unfair, according to people familiar with the talks.\n\n\
東京 officials said the plan 😀😀 would change. Critics say naïve rules hurt résumé writers 👍🏽, sources said.";

#[test]
fn help_documents_formats_and_exit_codes() {
    let o = run(&["scan", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    let h = stdout(&o);
    for word in [
        "--format",
        "--jsonl",
        "--kinds",
        "--lang",
        "json",
        "csv",
        "Exit status",
        "ARRAY",
    ] {
        assert!(h.contains(word), "help lacks {word}: {h}");
    }
}

#[test]
fn text_format_piped_is_plain_with_summary() {
    let dir = scratch("text");
    let f = write(&dir, "a.txt", ARTICLE_EN);
    let o = run(&["scan", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'), "no ANSI codes when piped");
    assert!(out.contains("--- summary ---"));
    assert!(out.contains("claims,"));
    // The article is all there, marks only add text around it.
    let stripped = strip_marks(&out);
    for para in ARTICLE_EN.split("\n\n") {
        assert!(
            stripped.contains(para),
            "paragraph missing from output: {para}\n---\n{out}"
        );
    }
}

/// Removes `[kind #n, …: ` … `]` marks from text output (for comparison with the input).
fn strip_marks(out: &str) -> String {
    let mut s = out.to_string();
    let kinds = [
        "anonymous",
        "vague",
        "unverified",
        "report",
        "organisation",
        "named",
    ];
    while let Some(start) = kinds
        .iter()
        .filter_map(|k| s.find(&format!("[{k} #")))
        .min()
    {
        let Some(colon) = s[start..].find(": ").map(|i| start + i) else {
            break;
        };
        s.replace_range(start..colon + 2, "");
        // The closing bracket of this mark is the first "]" not matched by an "[" in between.
        let mut depth = 0;
        let mut close = None;
        for (i, c) in s[start..].char_indices() {
            match c {
                '[' => depth += 1,
                ']' if depth == 0 => {
                    close = Some(start + i);
                    break;
                }
                ']' => depth -= 1,
                _ => {}
            }
        }
        let Some(close) = close else { break };
        s.remove(close);
    }
    s
}

#[test]
fn text_format_colour_on_request() {
    let dir = scratch("color");
    let f = write(&dir, "a.txt", ARTICLE_EN);
    let o = run(&["scan", "--color", "always", "--kinds", "all", &f]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("\u{1b}[1m--- summary ---"), "{out}");
    let json = run(&["scan", "--format", "json", &f]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    if !v["claims"].as_array().unwrap().is_empty() {
        assert!(
            out.contains("\u{1b}[1;3"),
            "a claim is marked in colour: {out}"
        );
    }
}

#[test]
fn text_format_marks_every_selected_claim() {
    let dir = scratch("marks");
    let f = write(&dir, "a.txt", ARTICLE_EN);
    let json = run(&["scan", "--format", "json", &f]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let out = stdout(&run(&["scan", "--kinds", "all", &f]));
    for c in v["claims"].as_array().unwrap() {
        let tag = format!("{} #{}", c["kind"].as_str().unwrap(), c["id"]);
        assert!(out.contains(&tag), "claim {tag} not marked:\n{out}");
    }
    // Only the named kinds are marked.
    let named_only = stdout(&run(&["scan", "--kinds", "named", &f]));
    for k in ["anonymous #", "vague #", "unverified #", "report #"] {
        assert!(
            !named_only.contains(&format!("[{k}")),
            "{k} marked with --kinds named"
        );
    }
}

#[test]
fn json_single_file_is_an_object_with_file_name() {
    let dir = scratch("json1");
    let f = write(&dir, "a.txt", ARTICLE_EN);
    let o = run(&["scan", "--format", "json", &f]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["file"], f.as_str());
    assert_eq!(v["input"], "text");
    assert!(v["claims"].is_array() && v["summary"].is_object() && v["version"].is_number());
    assert_eq!(v["length"], ARTICLE_EN.encode_utf16().count());
}

#[test]
fn json_several_files_is_an_array() {
    let dir = scratch("json2");
    let a = write(&dir, "a.txt", ARTICLE_EN);
    let b = write(&dir, "b.txt", ARTICLE_ES);
    let o = run(&["scan", "-f", "json", &a, &b]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["file"], a.as_str());
    assert_eq!(arr[1]["file"], b.as_str());
}

#[test]
fn lang_option_sets_language() {
    let dir = scratch("lang");
    let f = write(&dir, "es.txt", ARTICLE_ES);
    for (lang, want) in [("es", "es"), ("en", "en")] {
        let o = run(&["scan", "-f", "json", "--lang", lang, &f]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["language"], want);
    }
    let o = run(&["scan", "--lang", "fr", &f]);
    assert_eq!(o.status.code(), Some(2));
}

/// Every span's text equals the UTF-16 slice of the input it names.
fn check_spans(text: &str, report: &serde_json::Value) {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(report["length"].as_u64().unwrap() as usize, units.len());
    let check = |span: &serde_json::Value| {
        if span.is_null() {
            return;
        }
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e && e <= units.len(), "span out of range: {span}");
        let slice = String::from_utf16(&units[s..e]).expect("span on character boundaries");
        assert_eq!(
            span["text"].as_str().unwrap(),
            slice,
            "span text differs from the input slice"
        );
    };
    for c in report["claims"].as_array().unwrap() {
        for key in ["sentence", "cue", "source", "claim"] {
            check(&c[key]);
        }
        if let Some(ch) = c["checks"].as_object() {
            check(&ch["reason_text"]);
            check(&ch["vantage_text"]);
        }
    }
}

#[test]
fn json_offsets_with_emoji_accents_cjk() {
    let dir = scratch("wide");
    let f = write(&dir, "wide.txt", ARTICLE_WIDE);
    let o = run(&["scan", "-f", "json", &f]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    check_spans(ARTICLE_WIDE, &v);
    // Same through --jsonl.
    let line = serde_json::json!({"id": "w", "text": ARTICLE_WIDE}).to_string();
    let o = run_stdin(&["scan", "--jsonl"], line.as_bytes());
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    check_spans(ARTICLE_WIDE, &v);
    // And the text format prints the wide text intact.
    let out = strip_marks(&stdout(&run(&["scan", "--kinds", "all", &f])));
    assert!(
        out.contains("東京 officials said the plan 😀😀 would change."),
        "{out}"
    );
}

#[test]
fn markdown_format_is_a_review_document() {
    let dir = scratch("md");
    let f = write(&dir, "a.txt", ARTICLE_EN);
    let o = run(&["scan", "-f", "md", "--kinds", "all", &f]);
    assert_eq!(o.status.code(), Some(0));
    let md = stdout(&o);
    assert!(md.starts_with("# Sourcing review: "), "{md}");
    assert!(
        md.contains("## Summary") && md.contains("| Kind | Claims |") && md.contains("## Claims")
    );
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["scan", "-f", "json", &f]).stdout).unwrap();
    let n = v["claims"].as_array().unwrap().len();
    assert_eq!(md.matches("- **Explanation:**").count(), n);
    // Markup in page text is escaped: a title with Markdown and HTML in it.
    let page = "<html><head><title>*Big* [news](http://x) <script>alert(1)</script> #1 | _site_</title></head>\
                <body><article><p>Officials said the vote was delayed, according to people familiar with it.</p></article></body></html>";
    let h = write(&dir, "p.html", page);
    let md = stdout(&run(&["scan", "-f", "md", &h]));
    let first = md.lines().next().unwrap();
    assert!(first.contains(r"\*Big\* \[news\](http://x)"), "{first}");
    assert!(
        !first.contains("<script>") && first.contains(r"\<script\>"),
        "{first}"
    );
    assert!(first.contains(r"\#1 \| \_site\_"), "{first}");
}

#[test]
fn csv_format_header_rows_and_neutralised_cells() {
    let dir = scratch("csv");
    let f = write(&dir, "=evil.txt", ARTICLE_EN);
    let o = run(&["scan", "-f", "csv", "--kinds", "all", &f]);
    assert_eq!(o.status.code(), Some(0));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
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
            "explanation"
        ]
    );
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["scan", "-f", "json", &f]).stdout).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("valid CSV row")).collect();
    assert_eq!(rows.len(), v["claims"].as_array().unwrap().len());
    for row in &rows {
        assert_eq!(row.len(), 12);
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "dangerous cell {cell:?}"
            );
        }
    }
    // Two files: one header.
    let g = write(&dir, "b.txt", ARTICLE_EN);
    let out = stdout(&run(&["scan", "-f", "csv", &f, &g]));
    assert_eq!(out.matches("file,kind,source").count(), 1);
}

#[test]
fn jsonl_good_and_bad_lines() {
    let html = "<html><body><nav>Menu Home</nav><article><p>Officials said the port reopened, according to people briefed on it.</p></article></body></html>";
    let input = [
        serde_json::json!({"id": 1, "text": ARTICLE_EN}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": "two", "html": html}).to_string(),
        String::new(),
        serde_json::json!({"text": "no id here"}).to_string(),
        serde_json::json!({"id": 3, "text": 5}).to_string(),
        serde_json::json!({"id": 4, "text": "a", "html": "b"}).to_string(),
        "[1,2]".to_string(),
        serde_json::json!({"id": {"k": [1]}, "text": ARTICLE_ES}).to_string(),
    ]
    .join("\n");
    let o = run_stdin(&["scan", "--jsonl"], input.as_bytes());
    assert_eq!(
        o.status.code(),
        Some(1),
        "bad lines make the status non-zero"
    );
    assert_no_panic(&o);
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON per line"))
        .collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["id"], "two");
    assert_eq!(lines[2]["id"], serde_json::json!({"k": [1]}));
    assert!(lines[0]["claims"].is_array() && lines[0]["summary"].is_object());
    assert_eq!(
        lines[1]["length"],
        "Officials said the port reopened, according to people briefed on it."
            .encode_utf16()
            .count()
    );
    let err = stderr(&o);
    for n in [2, 5, 6, 7, 8] {
        assert!(
            err.contains(&format!("line {n}:")),
            "no message for line {n}: {err}"
        );
    }
    assert!(
        !err.contains("line 4:"),
        "blank line is not an error: {err}"
    );
}

#[test]
fn jsonl_all_good_exits_zero() {
    let o = run_stdin(
        &["scan", "--jsonl"],
        b"{\"id\":1,\"text\":\"Sources said so.\"}\n{\"id\":2,\"text\":\"\"}\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2);
}

#[test]
fn jsonl_invalid_utf8_line_is_read_lossily() {
    let mut input = b"{\"id\":1,\"text\":\"caf".to_vec();
    input.extend_from_slice(&[0xff, 0xfe]);
    input.extend_from_slice(b" said\"}\n");
    let o = run_stdin(&["scan", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("line 1") && stderr(&o).contains("UTF-8"));
    assert_eq!(stdout(&o).lines().count(), 1);
}

#[test]
fn jsonl_with_files_is_a_usage_error() {
    let o = run(&["scan", "--jsonl", "x.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn unreadable_file_exit_2_others_still_processed() {
    let dir = scratch("missing");
    let good = write(&dir, "good.txt", ARTICLE_EN);
    let missing = dir.join("nope.txt").to_string_lossy().into_owned();
    let o = run(&["scan", "-f", "json", &missing, &good]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.txt"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("still valid JSON");
    assert_eq!(v.as_array().unwrap().len(), 1);
    // A directory is unreadable too.
    let o = run(&["scan", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("directory"));
    assert_no_panic(&o);
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["scan", "--format", "xml"][..],
        &["scan", "--kinds", "anonymous,bogus"],
        &["scan", "--no-such-flag"],
        &["frobnicate"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&o).is_empty());
        assert_no_panic(&o);
    }
    let o = run(&["scan", "--kinds", "bogus"]);
    assert!(stderr(&o).contains("unknown kind"), "{}", stderr(&o));
}

#[test]
fn invalid_utf8_read_lossily_with_warning() {
    let dir = scratch("utf8");
    let mut bytes = b"Officials said the caf".to_vec();
    bytes.extend_from_slice(&[0xe9, 0x20]);
    bytes.extend_from_slice(b"was closed.\n");
    let f = write(&dir, "latin1.txt", bytes);
    let o = run(&["scan", &f]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("not valid UTF-8"), "{}", stderr(&o));
    assert!(stdout(&o).contains("caf\u{FFFD} was closed."));
}

#[test]
fn empty_file_gives_an_empty_report() {
    let dir = scratch("empty");
    let f = write(&dir, "empty.txt", "");
    let o = run(&["scan", "-f", "json", &f]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("empty"));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["claims"].as_array().unwrap().len(), 0);
    assert_eq!(v["length"], 0);
    for fmt in ["text", "md", "csv"] {
        let o = run(&["scan", "-f", fmt, &f]);
        assert_eq!(o.status.code(), Some(0), "{fmt}");
    }
}

#[test]
fn binary_file_skipped_with_message() {
    let dir = scratch("binary");
    let bin_file = write(
        &dir,
        "image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    let good = write(&dir, "good.txt", ARTICLE_EN);
    let o = run(&["scan", "-f", "json", &bin_file, &good]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_no_panic(&o);
}

#[test]
fn utf16_file_with_bom_is_decoded() {
    let dir = scratch("utf16");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Officials said 😀 the vote was delayed.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let f = write(&dir, "u16.txt", bytes);
    let o = run(&["scan", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("😀 the vote"));
}

#[test]
fn stdin_dash_is_read() {
    let o = run_stdin(&["scan", "-f", "json", "-"], ARTICLE_EN.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["file"], "<stdin>");
    assert_eq!(v["length"], ARTICLE_EN.encode_utf16().count());
    // HTML on stdin is sniffed.
    let o = run_stdin(
        &["scan", "-f", "json"],
        b"<!doctype html><html><body><article><p>Hello there.</p></article></body></html>",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["input"], "html");
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = scratch("pipe");
    let big = ARTICLE_EN.repeat(3000) + "\n";
    let f = write(&dir, "big.txt", big);
    for fmt in ["text", "json", "md", "csv"] {
        let mut child = bin()
            .args(["scan", "--kinds", "all", "-f", fmt, &f, &f])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        let _ = out.read(&mut first);
        drop(out); // like `| head -c 16`
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(err.is_empty(), "{fmt}: stderr not empty: {err}");
        assert_eq!(o.status.code(), Some(0), "{fmt}");
    }
}

#[test]
fn html_page_nav_and_footer_left_out() {
    let dir = scratch("html");
    let para = |s: &str| format!("<p>{s}</p>");
    let body = [
        "The regional council voted on Monday to close the ferry terminal for a year, according to two people familiar with the decision, who asked not to be named because the vote was private.",
        "Critics say the closure will cut off islanders from hospitals, and the council reportedly ignored a report that warned of delays, which officials later confirmed.",
        "\"This is a hard choice,\" said council leader Maria Okafor, adding that repairs had been postponed for too long and that the budget, already stretched, could not wait.",
        "The ferry operator declined to comment. As the Island Gazette reported last month, ridership has fallen by a third, and fares have risen twice, in spring and in autumn.",
    ]
    .map(para)
    .join("\n");
    let page = format!(
        r##"<!DOCTYPE html><html lang="en-GB"><head><title>Ferry terminal to close | Coast News</title>
        <meta property="og:site_name" content="Coast News"><link rel="canonical" href="https://news.example/ferry">
        <style>.x {{ color: red }}</style><script>window.tracker = "Subscribe now said nobody";</script></head>
        <body><header><div class="logo">Coast News</div><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World, officials said</a></li></ul></nav></header>
        <div class="newsletter-signup">Sign up for our newsletter, experts say</div>
        <main><article><h1>Ferry terminal to close</h1><div class="share-tools"><a href="#">Share on Facebook</a></div>
        {body}
        <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Sources say the mayor will resign</a></li></ul></div>
        </article></main>
        <aside class="sidebar">Most read: Rumours say the pier is haunted</aside>
        <div id="comments"><p>Reader comment: my neighbour said it is all a lie, critics say.</p></div>
        <footer><p>Copyright Coast News. Contact us, reportedly.</p></footer></body></html>"##
    );
    let f = write(&dir, "page.html", &page);
    let o = run(&["scan", "--kinds", "all", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let article = strip_marks(&out);
    assert!(
        article.contains("The regional council voted on Monday"),
        "{out}"
    );
    assert!(article.contains("ridership has fallen by a third"), "{out}");
    for noise in [
        "Home",
        "World, officials said",
        "newsletter",
        "Share on Facebook",
        "Sources say the mayor",
        "haunted",
        "Reader comment",
        "Copyright",
        "tracker",
        "color: red",
    ] {
        assert!(
            !out.contains(noise),
            "{noise:?} leaked into the article:\n{out}"
        );
    }
    // One paragraph per line.
    assert!(article.contains(
        "postponed for too long and that the budget, already stretched, could not wait.\n"
    ));
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["scan", "-f", "json", &f]).stdout).unwrap();
    assert_eq!(v["input"], "html");
    assert_eq!(v["page"]["title"], "Ferry terminal to close | Coast News");
    assert_eq!(v["page"]["site_name"], "Coast News");
    assert_eq!(v["page"]["url"], "https://news.example/ferry");
    assert_eq!(v["page"]["language"], "en-GB");
    // Every claim comes from the article, not from the furniture.
    for c in v["claims"].as_array().unwrap() {
        let s = c["sentence"]["text"].as_str().unwrap();
        assert!(
            page.contains(s.trim()),
            "claim sentence not from the article: {s}"
        );
    }
    // Forced text input shows the markup is then not parsed.
    let o = run(&["scan", "--input", "text", "-f", "json", &f]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["input"], "text");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = scratch("ctrl");
    let f = write(
        &dir,
        "esc.txt",
        "Officials said \u{1b}[31mred\u{1b}[0m and \u{7} bell.\n",
    );
    let out = stdout(&run(&["scan", &f]));
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}

#[test]
fn too_large_input_refused() {
    let dir = scratch("large");
    let f = write(&dir, "big.txt", "Officials said so. ".repeat(60_000)); // over 1 MiB
    let small = write(&dir, "small.txt", ARTICLE_EN);
    let o = run(&["scan", "--max-size", "1", "-f", "json", &f, &small]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("size limit"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        1,
        "the small file is still reported"
    );
    // The same through standard input.
    let o = run_stdin(&["scan", "--max-size", "1"], "x".repeat(2 << 20).as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert_no_panic(&o);
}

#[test]
fn windows_line_ends_print_cleanly() {
    let dir = scratch("crlf");
    let f = write(
        &dir,
        "crlf.txt",
        "Officials said the road is shut.\r\n\r\nThe mayor said it is open.\r\n",
    );
    let out = stdout(&run(&["scan", &f]));
    assert!(!out.contains('\r') && !out.contains('\u{FFFD}'), "{out:?}");
}

#[test]
fn legacy_charset_page_decoded_as_declared() {
    let dir = scratch("charset");
    let mut page = b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'></head><body><article><p>".to_vec();
    // Latin-1 bytes: \xfa is u with acute, \xf3 o with acute, \xe1 a with acute, \xf1 n with tilde.
    page.extend_from_slice(
        b"Seg\xfan fuentes cercanas a la negociaci\xf3n, el ministro dimitir\xe1 ma\xf1ana.",
    );
    page.extend_from_slice(b"</p></article></body></html>");
    let f = write(&dir, "latin1.html", page);
    let o = run(&["scan", &f]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let want = "Según fuentes cercanas a la negociación, el ministro dimitirá mañana.";
    assert!(strip_marks(&stdout(&o)).contains(want), "{}", stdout(&o));
    // Undeclared, the same bytes are read lossily with a warning.
    let mut plain = b"Seg\xfan fuentes cercanas, el ministro dimitir\xe1.".to_vec();
    plain.push(b'\n');
    let f = write(&dir, "latin1.txt", plain);
    let o = run(&["scan", &f]);
    assert!(stderr(&o).contains("not valid UTF-8"));
}
