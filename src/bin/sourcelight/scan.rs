//! `sourcelight scan`: read articles and print their reports.
use clap::Args;

#[derive(Args)]
pub struct ScanArgs {
    /// Files to read; `-` reads standard input.
    #[arg(default_value = "-")]
    pub files: Vec<String>,
}

pub fn run(args: ScanArgs) -> i32 {
    let mut status = 0;
    for file in &args.files {
        let text = if file == "-" {
            let mut text = String::new();
            match std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
                Ok(_) => text,
                Err(e) => {
                    eprintln!("sourcelight: cannot read standard input: {e}");
                    status = 2;
                    continue;
                }
            }
        } else {
            match std::fs::read(file) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    eprintln!("sourcelight: cannot read {file}: {e}");
                    status = 2;
                    continue;
                }
            }
        };
        let report = sourcelight::analyze(&text, &sourcelight::Options::default());
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("sourcelight: cannot write report: {e}");
                status = 2;
            }
        }
    }
    status
}
