#![forbid(unsafe_code)]
#![deny(missing_docs)]
//! dalil
mod error;
pub mod gazetteer;
pub mod normalize;
pub mod stem;
pub mod token;
pub use error::{decode_utf8, Error, ErrorKind};
pub use gazetteer::{Ambiguity, Entity, Gazetteer, GazetteerBuilder, Kind, Match, Matches, Suggestion};
pub use normalize::{DaggerAlef, Normalized, Normalizer, NormalizerConfig, OffsetMap};
