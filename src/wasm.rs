//! The wasm boundary: with `wasm/to_js.rs` (the Report as a JS object), the only code that knows about JavaScript.
//!
//! `analyze(text, options)` returns a plain JS object (no class handles to `.free()`),
//! the same shape as the Report's JSON. Spans count UTF-16 code units, as JS strings do.

use wasm_bindgen::prelude::*;

mod to_js;

// Declared here rather than taken from js-sys, which would leave closure shims in the wasm (Cargo.toml).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> bool;
    /// `Reflect.get`: caught, as a getter on the options may throw.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
}

/// Analyse `text`; `options` is `undefined` or an object like `{ language: "auto" | "en" | "es" }`.
/// Throws a JS `Error` with a clear message when the options are malformed.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = read_options(&options)?;
    Ok(to_js::report(&crate::analyze(text, &options)))
}

/// `undefined`, `null` or `{ language?: "auto" | "en" | "es" }` (other keys are ignored).
/// Read by hand: serde's messages would bring float formatting into the wasm for one object.
fn read_options(options: &JsValue) -> Result<crate::Options, JsError> {
    const EXPECTED: &str = r#"bad options: expected undefined, null or { language: "auto" | "en" | "es" }"#;
    if options.is_undefined() || options.is_null() {
        return Ok(crate::Options::default());
    }
    if !options.is_object() || is_array(options) {
        return Err(JsError::new(EXPECTED));
    }
    let language = reflect_get(options, &JsValue::from_str("language")).map_err(|_| JsError::new(EXPECTED))?;
    let language = if language.is_undefined() || language.is_null() {
        crate::LanguageChoice::Auto
    } else {
        match language.as_string().as_deref() {
            Some("auto") => crate::LanguageChoice::Auto,
            Some("en") => crate::LanguageChoice::En,
            Some("es") => crate::LanguageChoice::Es,
            _ => return Err(JsError::new(EXPECTED)),
        }
    };
    Ok(crate::Options { language })
}

/// The core's version, for the popup's "about" line and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
