//! Copies the cue lexicons (`src/lexicons/**/*.txt`) into `OUT_DIR` without their comment and
//! blank lines, for `src/lexicon.rs` to compile in: the comments document the data for people and
//! would otherwise ship in every wasm download.
//!
//! Also writes `capitals.rs`: the upper case of every non-ASCII letter that starts a lexicon phrase,
//! so that the core capitalises lexicon words without `char::to_uppercase`, whose Unicode table
//! would cost the wasm about 6 KB gzipped; and `case_tables.rs` (build/case_tables.rs), the
//! lower-case tables of `src/case.rs`.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

#[path = "build/case_tables.rs"]
mod case_tables;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=build/case_tables.rs");
    case_tables::write(&Path::new(&out).join("case_tables.rs"));
    let root = Path::new("src/lexicons");
    println!("cargo:rerun-if-changed=src/lexicons");
    let mut firsts = BTreeSet::new();
    copy_dir(root, &Path::new(&out).join("lexicons"), &mut firsts);
    let capitals: String = firsts
        .iter()
        .map(|&c| format!("    ({c:?}, {:?}),\n", c.to_uppercase().collect::<String>()))
        .collect();
    let code = format!("/// Non-ASCII first letters of lexicon phrases and their upper case (written by build.rs).\nconst CAPITALS: &[(char, &str)] = &[\n{capitals}];\n");
    fs::write(Path::new(&out).join("capitals.rs"), code).expect("write capitals.rs to OUT_DIR");
}

fn copy_dir(from: &Path, to: &Path, firsts: &mut BTreeSet<char>) {
    fs::create_dir_all(to).expect("create the lexicon folder in OUT_DIR");
    let mut entries: Vec<_> = fs::read_dir(from).expect("read src/lexicons").filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            copy_dir(&path, &to.join(entry.file_name()), firsts);
        } else if path.extension().is_some_and(|x| x == "txt") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("lexicon files are UTF-8");
            let data: String = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .flat_map(|l| [l, "\n"])
                .collect();
            firsts.extend(data.lines().filter_map(|l| l.chars().next()).filter(|c| !c.is_ascii()));
            fs::write(to.join(entry.file_name()), data).expect("write the lexicon to OUT_DIR");
        }
    }
}
