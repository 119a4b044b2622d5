//! Arbitrary bytes, read lossily as UTF-8: `Utf16Index` against the naive UTF-16
//! count at every byte offset, and `span()` rounding (see `src/lib.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sourcelight_fuzz::check_offsets(data);
});
