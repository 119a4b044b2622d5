//! Measuring the analyser (native only): the team's labelled corpus, brat
//! annotations of real news, scoring and accuracy floors.
//!
//! Nothing here runs in the browser; `sourcelight eval` and `tests/golden.rs` use it.

pub mod brat;
pub mod corpus;
pub mod funnel;
pub mod floors;
pub mod render;
pub mod score;
pub mod sentences;
pub mod train;
