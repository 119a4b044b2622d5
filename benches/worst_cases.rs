//! Worst-case inputs against ordinary news text of the same size (10 MB each):
//! each should take at most 2x the time of the ordinary text.
//!
//! The inputs come from `fuzz/src/worst_inputs.rs` (shared with `tests/worst_cases.rs`):
//! no sentence end, one cue word repeated, "a\n" paragraphs, quote marks, nested quotes,
//! U+FFFD from lone surrogates, NUL and control characters, right-to-left text, mixed scripts.
//! After Criterion's own report, a table gives each case's median time and its ratio to
//! the ordinary text. A case that is already over 20x the ordinary text at 1 MB (so that
//! 10 MB could take hours) is reported as such and not timed at 10 MB.
//!
//! Run with `cargo bench --bench worst_cases` (WORST_MB=N for another size than 10 MB).

use criterion::{criterion_group, Criterion, SamplingMode, Throughput};
use sourcelight::{analyze, Options};
use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The allocator the command-line tool uses (see Cargo.toml); `--features system-alloc` measures
/// the platform's malloc instead.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../fuzz/src/worst_inputs.rs"]
mod worst;

/// Per case: bytes, and the time of every iteration Criterion ran.
static TIMES: Mutex<Vec<(String, usize, Vec<Duration>)>> = Mutex::new(Vec::new());
/// Cases skipped at full size, with why.
static SKIPPED: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

fn benching() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs each benchmark once
/// without it, in a debug build, so there the inputs shrink to 16 KB.
fn size() -> usize {
    if !benching() {
        return 16 * 1024;
    }
    let mb: usize = std::env::var("WORST_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    mb << 20
}

fn time_once(text: &str) -> Duration {
    let t = Instant::now();
    black_box(analyze(black_box(text), &Options::default()));
    t.elapsed()
}

fn bench_worst_cases(c: &mut Criterion) {
    let bytes = size();
    let mut cases: Vec<(&str, fn(usize) -> String)> = vec![("ordinary", worst::ordinary)];
    cases.extend(worst::CASES);

    // A probe at a tenth of the size: a case far slower than ordinary text there is
    // super-linear or very slow, and is not run at full size.
    let probe = bytes / 10;
    let base = time_once(&worst::ordinary(probe));
    let mut group = c.benchmark_group("worst_cases");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(10));
    for (name, make) in cases {
        if benching() && name != "ordinary" {
            let took = time_once(&make(probe));
            if took > base * 20 {
                let why =
                    format!("{took:.2?} at {} KB, {:.0}x ordinary text ({base:.2?})", probe >> 10, took.as_secs_f64() / base.as_secs_f64());
                eprintln!("worst_cases/{name}: SKIPPED at full size: {why}");
                SKIPPED.lock().unwrap().push((name.to_string(), why));
                continue;
            }
        }
        let text = make(bytes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                let mut times = Vec::new();
                for _ in 0..iters {
                    let took = time_once(&text);
                    times.push(took);
                    total += took;
                }
                let mut all = TIMES.lock().unwrap();
                match all.iter_mut().find(|(n, _, _)| n == name) {
                    Some((_, _, t)) => t.extend(times),
                    None => all.push((name.to_string(), text.len(), times)),
                }
                total
            })
        });
    }
    group.finish();
    if benching() {
        print_ratios();
    }
}

fn median(times: &[Duration]) -> Duration {
    let mut t = times.to_vec();
    t.sort();
    t[t.len() / 2]
}

/// Median time per case and its ratio to the ordinary text; over 2x is marked.
fn print_ratios() {
    let all = TIMES.lock().unwrap();
    let Some(base) = all.iter().find(|(n, _, _)| n == "ordinary").map(|(_, _, t)| median(t)) else { return };
    println!("\nworst cases against ordinary news text (median of each case's iterations, release build)");
    println!("{:<18} {:>10} {:>10} {:>9} {:>7}", "case", "MB", "median", "MB/s", "ratio");
    for (name, bytes, times) in all.iter() {
        let m = median(times);
        let ratio = m.as_secs_f64() / base.as_secs_f64();
        let mb = *bytes as f64 / (1 << 20) as f64;
        let verdict = if ratio <= 2.0 { "" } else { "  OVER 2x" };
        println!("{name:<18} {mb:>10.1} {:>9.3}s {:>9.1} {ratio:>6.2}x{verdict}", m.as_secs_f64(), mb / m.as_secs_f64());
    }
    for (name, why) in SKIPPED.lock().unwrap().iter() {
        println!("{name:<18} not timed at full size: {why}  OVER 2x");
    }
}

criterion_group!(benches, bench_worst_cases);

fn main() {
    // As the command-line tool does (see `sourcelight::allocator`).
    sourcelight::allocator::keep_freed_memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
