//! `sourcelight eval`: measure the analyser against labelled data.
use clap::Args;

#[derive(Args)]
pub struct EvalArgs {
    /// A folder of brat annotations (PolNeAR layout: text/ and attributions/).
    #[arg(long)]
    pub brat: Option<std::path::PathBuf>,
}

pub fn run(_args: EvalArgs) -> i32 {
    eprintln!("sourcelight eval: not built yet");
    2
}
