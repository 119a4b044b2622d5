//! The wasm boundary: the only file that knows about JavaScript.
//!
//! `analyze(text, options)` returns a plain JS object (no class handles to `.free()`),
//! the same shape as the Report's JSON. Spans count UTF-16 code units, as JS strings do.

use wasm_bindgen::prelude::*;

/// Analyse `text`; `options` is `undefined` or an object like `{ language: "auto" | "en" | "es" }`.
/// Throws a JS `Error` with a clear message when the options are malformed.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::Options = if options.is_undefined() || options.is_null() {
        crate::Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let report = crate::analyze(text, &options);
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    serde::Serialize::serialize(&report, &serializer).map_err(|e| JsError::new(&format!("cannot return report: {e}")))
}

/// The core's version, for the popup's "about" line and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
