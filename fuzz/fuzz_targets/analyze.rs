//! Arbitrary bytes, read lossily as UTF-8, through `analyze` in every language:
//! no panic, valid spans, claims in order, valid ids, deterministic (see `src/lib.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sourcelight_fuzz::check_analyze(data);
});
