//! `sourcelight`: batch review of saved articles from the command line.
//!
//! Subcommands live one per file beside this one: `scan.rs`, `eval.rs`
//! (`input.rs` reads files for `scan`, `render.rs` writes its formats).

mod eval;
mod input;
mod render;
mod scan;

use clap::{Parser, Subcommand};

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
}

fn main() {
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
    };
    std::process::exit(code);
}
