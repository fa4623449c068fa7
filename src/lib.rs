#![forbid(unsafe_code)]
#![deny(missing_docs)]
//! dalil
mod error;
pub mod normalize;
pub use error::{decode_utf8, Error, ErrorKind};
pub use normalize::{DaggerAlef, Normalized, Normalizer, NormalizerConfig, OffsetMap};
pub mod stem;
pub mod token;
