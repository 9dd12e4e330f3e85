//! winnow's compiled core: a batch of pages in, paragraphs with their context and the
//! feature matrices the models read out. The engine is plain Rust (tested by `cargo test`);
//! `python` (feature `python`) is the thin PyO3 layer that exposes it as `winnow._core`.

pub mod forest;
pub mod glued;
pub mod html;
pub mod ngrams;
pub mod paragraph;
mod pyre;
pub mod pyunicode;
mod pyurl;
pub mod repetition;
pub mod sequence;
pub mod shape;
pub mod sparse;
pub mod stats;
pub mod structure;
pub mod table;
pub mod text;
pub mod vocabulary;

#[cfg(feature = "python")]
mod python;

pub use paragraph::{Limits, Paragraph, Refusal};
