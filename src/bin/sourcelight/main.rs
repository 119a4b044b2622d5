//! `sourcelight`: batch review of saved articles from the command line.
//!
//! Subcommands live one per file beside this one: `scan.rs`, `eval.rs`
//! (`input.rs` reads files for `scan`, `render.rs` writes its formats).

mod eval;
mod input;
mod render;
mod report;
mod scan;
mod train;

use clap::{Parser, Subcommand};

/// mimalloc, not the platform's malloc: a Report is many small strings, and with glibc's malloc
/// freeing them cost more the bigger the heap grew, so a 10 MB text took more than 11 times as
/// long as a 1 MB one (`make bench`; README, Speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "sourcelight", version, about = "Finds the claims in news articles that rest on anonymous or unverified sources.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles (.txt, saved .html, or - for stdin) and report their attributions.
    Scan(scan::ScanArgs),
    /// Measure the analyser against labelled data (the team's corpus or brat annotations).
    Eval(eval::EvalArgs),
    /// Compare sourcing across many saved articles: one self-contained HTML report (or CSV/JSON).
    Report(report::ReportArgs),
    /// Learn the English cue model from brat-annotated news (PolNeAR) into src/model/cues-en.bin.
    Train(train::TrainArgs),
}

/// A reader that closes the pipe early (`sourcelight … | head`) is not an error:
/// any write that still panics on it (a `println!` somewhere) ends the run quietly.
/// Any other panic is reported in one line as an internal error (exit status 101).
fn quiet_broken_pipe() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.contains("Broken pipe") || msg.contains("os error 32") {
            std::process::exit(0);
        }
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "sourcelight: internal error (please report it): {info}");
    }));
}

fn main() {
    quiet_broken_pipe();
    sourcelight::allocator::keep_freed_memory();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout with exit 0, and usage errors with exit 2.
            let _ = e.print();
            std::process::exit(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Command::Scan(args) => scan::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Report(args) => report::run(args),
        Command::Train(args) => train::run(args),
    };
    std::process::exit(code);
}
