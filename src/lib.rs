//! Sourcelight's core: finds every attribution in a news text and judges its source.
//!
//! `analyze(text, &Options) -> Report` is pure, deterministic and linear in the
//! text's length. Spans in the Report count UTF-16 code units (see [`report::Span`]).

mod analyze;
pub mod attribution;
pub mod case;
pub mod checks;
pub mod classify;
pub mod cue_model;
pub mod discourse;
pub mod explain;
pub mod lang;
pub mod lexicon;
pub mod normalize;
pub mod offsets;
pub mod report;
pub mod segment;
pub mod tokens;
pub mod wordset;
#[cfg(not(target_arch = "wasm32"))] pub mod allocator;
#[cfg(not(target_arch = "wasm32"))] pub mod eval;
#[cfg(not(target_arch = "wasm32"))] pub mod html;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use report::*;
pub use segment::sentences;

use serde::{Deserialize, Serialize};

/// Which language to read the text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    /// Detect from the text.
    #[default]
    Auto,
    En,
    Es,
}

/// Options for [`analyze`]. Every field has a default, so `{}` is valid JSON for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub language: LanguageChoice,
}

/// Reads `text` and returns every attribution found in it.
pub fn analyze(text: &str, options: &Options) -> Report {
    analyze::run(text, options, cue_model::CueModel::english())
}

/// [`analyze`] with another learned cue model than the compiled-in one, or none: for measuring
/// a model on articles it was not trained on (`sourcelight eval --brat --folds`).
#[doc(hidden)]
pub fn analyze_with_cue_model(text: &str, options: &Options, model: Option<&cue_model::CueModel>) -> Report {
    analyze::run(text, options, model)
}
