//! Speed of `analyze`: one ~1,200-word news article (`article/article_1200_words`), ~10 MB of
//! mixed English and Spanish (`mixed/mixed_10mb`, MB/s), and 1 MB of the same mix
//! (`mixed/mixed_1mb`): the 10 MB time over the 1 MB time shows whether time grows linearly.
//! A summary of the three figures is printed at the end.
//!
//! Every input is generated here from sentence templates, with names, places and
//! numbers varied so that repetition does not make the text uniform.
//! Run with `make bench` (`cargo bench --bench analyze`).

use criterion::{criterion_group, Criterion, SamplingMode, Throughput};
use sourcelight::{analyze, Options};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The allocator the command-line tool uses (see Cargo.toml); `--features system-alloc` measures
/// the platform's malloc instead.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const NAMES: [&str; 8] = [
    "Maria Lopez",
    "John Carter",
    "Aiko Tanaka",
    "Peter Novak",
    "Grace Okafor",
    "Luis Herrera",
    "Hannah Weiss",
    "Omar Haddad",
];
const PLACES: [&str; 8] = ["Lisbon", "Ohio", "the northern port", "Bogotá", "Nairobi", "the capital", "Osaka", "Manchester"];
const OUTLETS: [&str; 4] = ["The Wall Street Journal", "Reuters", "the BBC", "The New York Times"];
const ORGS: [&str; 4] = ["The company", "The Pentagon", "The ministry", "The White House"];

/// English sentences: every kind of attribution, and plain sentences in between.
/// `{n}` a name, `{p}` a place, `{o}` an outlet, `{g}` an organisation, `{d}` a number.
const EN: [&str; 30] = [
    "The plant in {p} will close by the end of the year, sources familiar with the matter said.",
    "Critics say the closure was rushed and that {d} workers were never consulted.",
    "The manager reportedly resigned after a heated meeting on Tuesday.",
    "{g} declined to comment.",
    "“We are heartbroken and we will fight this,” said {n}, who has worked at the site for {d} years.",
    "The minister said the government would review the decision within {d} days.",
    "The factory opened in 1987 and once employed more than {d} people.",
    "Production fell by {d} percent last year as demand for its parts collapsed.",
    "Two people briefed on the plans said the buyer had walked away, speaking on condition of anonymity because the talks are private.",
    "According to {o}, the board met in secret on {d} occasions before announcing the cuts.",
    "It is believed that the company had been losing money for several years.",
    "The union was warned in March, {o} reported.",
    "{n} said the decision was “a betrayal of everyone who built this town.”",
    "Shares in the parent group rose {d} percent in early trading.",
    "A senior official, who was not authorized to speak publicly, said the government had offered a subsidy.",
    "The mayor of {p} called an emergency meeting for Thursday evening.",
    "Analysts said the move had been expected for months.",
    "“There was no other option,” a spokesperson for the company said in a statement.",
    "The allegedly forged accounts are now being examined by auditors.",
    "Residents gathered outside the gates on Monday, holding signs and singing.",
    "Some economists argue that the region depends too heavily on a single employer.",
    "{n}, the union’s leader, told reporters the workers would strike on {d} May.",
    "As {o} previously reported, the group had sought a buyer since last autumn.",
    "The weather in {p} was cold and wet, and the roads were closed for hours.",
    "Officials familiar with the negotiations described the offer as insulting.",
    "The mine, according to a person close to the owners, could reopen within {d} months.",
    "Many people believe the town will never recover.",
    "The ministry confirmed that it had received a letter from the board.",
    "Schools in the district will stay open, the council said on Friday.",
    "The river that runs through {p} flooded twice in the past {d} years.",
];

/// Spanish sentences: the same mix.
const ES: [&str; 16] = [
    "El Gobierno prepara un recorte de impuestos, según fuentes conocedoras de la negociación.",
    "Los críticos dicen que la reforma llega tarde y que beneficia a {d} grandes empresas.",
    "El ministro habría dimitido tras una reunión tensa el martes.",
    "La empresa declinó hacer comentarios.",
    "«No vamos a rendirnos», dijo {n}, que trabaja en la planta desde hace {d} años.",
    "La fábrica de {p} abrió en 1992 y llegó a emplear a más de {d} personas.",
    "Según {o}, el consejo se reunió en secreto en {d} ocasiones.",
    "El ministro dijo que el Gobierno revisará la decisión en {d} días.",
    "Supuestamente, las cuentas fueron manipuladas durante años.",
    "Los vecinos se concentraron frente a la puerta el lunes por la mañana.",
    "Dos personas que pidieron el anonimato aseguraron que el comprador se había retirado.",
    "La producción cayó un {d} por ciento el año pasado.",
    "Se cree que la compañía perdía dinero desde hacía tiempo.",
    "{n} afirmó que la decisión era «una traición a todo el pueblo».",
    "El alcalde de {p} convocó una reunión de urgencia para el jueves.",
    "El río que cruza la ciudad se desbordó dos veces en los últimos {d} años.",
];

/// Fills a template; `i` picks the name, place, outlet, organisation and number.
fn fill(template: &str, i: usize) -> String {
    let d = (i * 37 + 11) % 997 + 2;
    template
        .replace("{n}", NAMES[i % NAMES.len()])
        .replace("{p}", PLACES[(i / 3) % PLACES.len()])
        .replace("{o}", OUTLETS[(i / 5) % OUTLETS.len()])
        .replace("{g}", ORGS[(i / 2) % ORGS.len()])
        .replace("{d}", &d.to_string())
}

/// Sentences from `templates` starting at variant `seed`, in paragraphs of four,
/// until the text has at least `words` words.
fn article(templates: &[&str], words: usize, seed: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut i = 0;
    while count < words {
        // A stride coprime with the template count visits every sentence in a varied order.
        let t = templates[(seed + i * 7) % templates.len()];
        let sentence = fill(t, seed + i);
        count += sentence.split_whitespace().count();
        out.push_str(&sentence);
        out.push_str(if i % 4 == 3 { "\n\n" } else { " " });
        i += 1;
    }
    out
}

fn english_article() -> String {
    article(&EN, 1_200, 0)
}

/// Alternating English and Spanish articles, each with other names and numbers,
/// until the text reaches `bytes` bytes.
fn mixed(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 16_384);
    let mut seed = 0;
    while out.len() < bytes {
        let piece = if seed % 2 == 0 { article(&EN, 1_200, seed) } else { article(&ES, 800, seed) };
        out.push_str(&piece);
        out.push_str("\n\n");
        seed += 1;
    }
    out
}

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs each benchmark once
/// without it, in a debug build, so there the big inputs shrink to keep the test suite fast.
fn megabyte() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        1024 * 1024
    } else {
        16 * 1024
    }
}

fn bench_article(c: &mut Criterion) {
    let text = english_article();
    let options = Options::default();
    let report = analyze(&text, &options);
    assert!(report.claims.len() > 50, "the article should have many claims, got {}", report.claims.len());
    let mut group = c.benchmark_group("article");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("article_1200_words", |b| b.iter(|| analyze(black_box(&text), &options)));
    group.finish();
}

/// 1 MB and 10 MB of the same mix, the first a prefix of the second: `mixed_10mb` gives
/// the throughput, and its time over `mixed_1mb`'s should be about 10 (linearity).
/// Flat sampling runs each sample the same number of times, so 10 samples can be 10 runs.
fn bench_mixed(c: &mut Criterion) {
    let options = Options::default();
    let ten = mixed(10 * megabyte());
    // Cut at a paragraph break, so the 1 MB text is the start of the 10 MB one.
    let cut = ten[..megabyte()].rfind("\n\n").unwrap_or(0) + 2;
    let one = &ten[..cut];
    let mut group = c.benchmark_group("mixed");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    for (id, text) in [("mixed_1mb", one), ("mixed_10mb", ten.as_str())] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(id, text, |b, t| b.iter(|| analyze(black_box(t), &options)));
    }
    group.finish();
}

/// Where criterion keeps its results (the order criterion itself uses, less `cargo metadata`).
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        PathBuf::from(home)
    } else if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        PathBuf::from(target).join("criterion")
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("criterion")
    }
}

/// Mean time of one benchmark's latest run, in nanoseconds, from criterion's estimates.json.
fn mean_ns(group: &str, id: &str) -> Option<f64> {
    let path = criterion_dir().join(group).join(id).join("new").join("estimates.json");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// After a `cargo bench` run: the three figures the project tracks, in one place.
fn summary() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let ten = mixed(10 * megabyte());
    let one_len = ten[..megabyte()].rfind("\n\n").unwrap_or(0) + 2;
    println!("summary (means of this run):");
    if let Some(ns) = mean_ns("article", "article_1200_words") {
        let article = english_article();
        let claims = analyze(&article, &Options::default()).claims.len();
        let words = article.split_whitespace().count();
        println!("  1,200-word article: {:.3} ms ({words} words, {} bytes, {claims} claims)", ns / 1e6, article.len());
    }
    if let Some(ns) = mean_ns("mixed", "mixed_10mb") {
        println!("  10 MB mixed:        {:.1} MB/s ({:.2} s for {} bytes)", ten.len() as f64 / (ns / 1e9) / 1e6, ns / 1e9, ten.len());
        if let Some(ns1) = mean_ns("mixed", "mixed_1mb") {
            println!(
                "  linearity:          10 MB / 1 MB time = {:.2} (text {:.2}× longer; target <= 11)",
                ns / ns1,
                ten.len() as f64 / one_len as f64
            );
        }
    }
}

criterion_group!(benches, bench_article, bench_mixed);

fn main() {
    // As the command-line tool does (see `sourcelight::allocator`).
    sourcelight::allocator::keep_freed_memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary();
}
