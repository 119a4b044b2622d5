//! `sourcelight`: batch review of saved articles from the command line.
fn main() {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).ok();
    let report = sourcelight::analyze(&text, &sourcelight::Options::default());
    println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
}
