//! `sourcelight train`: learn the English cue model from brat-annotated news (PolNeAR) and write
//! it where the crate compiles it in (`src/model/cues-en.bin`).
//!
//! Exit status: 0 written (or, with `--check`, up to date), 1 with `--check`: stale, 2 unreadable
//! input or an unwritable output.
use clap::Args;
use sourcelight::eval::brat;
use sourcelight::eval::train::{train, TrainOptions};
use std::path::PathBuf;

#[derive(Args)]
pub struct TrainArgs {
    /// A folder of brat annotations (PolNeAR layout: text/ and attributions/).
    #[arg(long)]
    pub brat: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "src/model/cues-en.bin")]
    pub out: PathBuf,
    /// The cue probability at which a word counts as a cue.
    #[arg(long)]
    pub threshold: Option<f32>,
    /// Write nothing: exit 1 when the model at --out is not what training gives today (the
    /// tokenizer, segmenter, lexicons or training changed since it was written).
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: TrainArgs) -> i32 {
    let docs = match brat::load_dir(&args.brat) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("sourcelight train: {e}");
            return 2;
        }
    };
    let mut options = TrainOptions::default();
    if let Some(t) = args.threshold {
        if !(t > 0.0 && t < 1.0) {
            eprintln!("sourcelight train: --threshold must lie between 0 and 1");
            return 2;
        }
        options.threshold = t;
    }
    let refs: Vec<&brat::Doc> = docs.iter().collect();
    let model = train(&refs, &options);
    let bytes = model.to_bytes();
    if args.check {
        return match std::fs::read(&args.out) {
            Ok(current) if current == bytes => {
                println!("{}: up to date ({} bytes)", args.out.display(), bytes.len());
                0
            }
            Ok(_) => {
                eprintln!("sourcelight train: {} is stale: training on {} gives another model; run `make train-model` and commit it", args.out.display(), args.brat.display());
                1
            }
            Err(e) => {
                eprintln!("sourcelight train: cannot read {}: {e}", args.out.display());
                2
            }
        };
    }
    if let Err(e) = std::fs::write(&args.out, &bytes) {
        eprintln!("sourcelight train: cannot write {}: {e}", args.out.display());
        return 2;
    }
    let nonzero = model.weights.iter().filter(|&&w| w != 0).count();
    let candidates: u32 = model.candidates.iter().map(|w| w.count_ones()).sum();
    println!(
        "{}: {} bytes; {} articles, {nonzero} non-zero weights of {}, {candidates} candidate word hashes, threshold p >= {}",
        args.out.display(),
        bytes.len(),
        docs.len(),
        model.weights.len(),
        options.threshold
    );
    0
}
