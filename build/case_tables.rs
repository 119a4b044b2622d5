//! Writes `case_tables.rs` for `src/case.rs`: lower case as std's `char::to_lowercase` and
//! `str::to_lowercase` give it, read off std itself at build time (same toolchain, same Unicode
//! version as the target's std), in tables a fifth the size of std's.

use std::fmt::Write as _;

pub fn write(path: &std::path::Path) {
    let mut code = String::from("// Written by build.rs (build/case_tables.rs) from std's own case mapping.\n\n");
    lower_runs(&mut code);
    sigma_context(&mut code);
    std::fs::write(path, code).expect("write case_tables.rs to OUT_DIR");
}

fn chars() -> impl Iterator<Item = char> {
    (0..=char::MAX as u32).filter_map(char::from_u32)
}

/// Every character whose lower case is another single character, as runs of `len` characters
/// `step` (1 or 2) apart that all map by the same `delta`; and the few that map to several.
fn lower_runs(code: &mut String) {
    // (start, len, step, delta)
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    let mut multi = Vec::new();
    // ASCII is lower-cased without the tables.
    for c in chars().filter(|c| !c.is_ascii()) {
        let lower: String = c.to_lowercase().collect();
        let mut it = lower.chars();
        let (first, rest) = (it.next().expect("a lower case"), it.as_str());
        if !rest.is_empty() {
            multi.push((c, lower));
            continue;
        }
        if first == c {
            continue;
        }
        let (c, delta) = (c as u32, first as i64 - c as i64);
        match runs.last_mut() {
            Some(r) if r.3 == delta && c == r.0 + r.1 * r.2 && r.1 < 128 => r.1 += 1,
            Some(r) if r.3 == delta && r.1 == 1 && c == r.0 + 2 => (r.1, r.2) = (2, 2),
            _ => runs.push((c, 1, 1, delta)),
        }
    }
    code.push_str(
        "/// Runs of characters that lower-case to one other character, sorted: bits 0-20 the first\n\
         /// character, 21-27 the run's length less one, 28 set when the run steps by 2; then the delta.\n\
         const LOWER_RUNS: &[(u32, i32)] = &[\n",
    );
    for (start, len, step, delta) in runs {
        writeln!(code, "    ({:#x}, {delta}),", start | (len - 1) << 21 | (step - 1) << 28).unwrap();
    }
    code.push_str("];\n\n/// Characters whose lower case is several characters.\nconst LOWER_MULTI: &[(char, &str)] = &[\n");
    for (c, lower) in multi {
        writeln!(code, "    ({c:?}, {lower:?}),").unwrap();
    }
    code.push_str("];\n\n");
}

/// What `str::to_lowercase` reads around a capital sigma to choose ς (word-final) or σ: which
/// characters it skips as case-ignorable, and which it counts as cased. std keeps both properties
/// private, so they are read off its output: "{c}Σ" ends in ς when `c` is cased and not
/// case-ignorable, "A{c}Σ" when `c` is either.
fn sigma_context(code: &mut String) {
    let ends_final = |s: String| s.to_lowercase().ends_with('ς');
    let mut ignorable: Vec<(u32, u32)> = Vec::new();
    let mut titlecase: Vec<(u32, u32)> = Vec::new();
    for c in chars() {
        let cased = ends_final(format!("{c}Σ"));
        let cased_or_ignorable = ends_final(format!("A{c}Σ"));
        let add = |ranges: &mut Vec<(u32, u32)>| match ranges.last_mut() {
            Some(r) if r.1 + 1 == c as u32 => r.1 = c as u32,
            _ => ranges.push((c as u32, c as u32)),
        };
        if cased_or_ignorable && !cased {
            add(&mut ignorable);
        } else if cased != (c.is_lowercase() || c.is_uppercase()) {
            // Cased is Lowercase, Uppercase or a title-case letter (ǅ): src/case.rs asks std for
            // the first two, which are public, and lists the rest.
            assert!(cased, "{c:?} is lower or upper case but not cased");
            add(&mut titlecase);
        }
    }
    code.push_str("/// Cased characters that are neither lower nor upper case (title case), as ranges.\nconst TITLECASE: &[(char, char)] = &[\n");
    for (a, b) in titlecase {
        writeln!(code, "    ({:?}, {:?}),", char::from_u32(a).unwrap(), char::from_u32(b).unwrap()).unwrap();
    }
    // Gap, length, gap, length… of the case-ignorable ranges, each a little-endian base-128 varint
    // (a quarter the size of a table of pairs): decoded once, by the first capital sigma.
    code.push_str("];\n\n/// Case-ignorable ranges: the gap before each and its length, as base-128 varints.\nconst CASE_IGNORABLE: &[u8] = &[");
    let mut at = 0;
    for (i, (a, b)) in ignorable.into_iter().enumerate() {
        if i % 8 == 0 {
            code.push_str("\n   ");
        }
        for mut n in [a - at, b + 1 - a] {
            while n >= 0x80 {
                write!(code, " {:#x},", n & 0x7f | 0x80).unwrap();
                n >>= 7;
            }
            write!(code, " {n:#x},").unwrap();
        }
        at = b + 1;
    }
    code.push_str("\n];\n");
}
