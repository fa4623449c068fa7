//! dalil (دليل, "guide"): Arabic normalization with offset maps, light stemmers, and a
//! gazetteer tagger that finds places and armed actors in Arabic news with exact byte offsets
//! into the text you gave it.
//!
//! # Overview
//!
//! * [`Normalizer`] folds the spellings of Arabic (harakat, tatweel, hamza and alef forms, ى/ي,
//!   ة/ه, Persian letters, presentation forms, digits, punctuation, invisible marks) in one
//!   pass, with every rule a switch in [`NormalizerConfig`], and returns a [`Normalized`] text
//!   whose [`OffsetMap`] takes any normalized offset back to the original.
//! * [`stem`] has Light10 (exactly as Apache Lucene implements it), the current Snowball
//!   Arabic stemmer, protected words, and clitic segmentation with offsets.
//! * [`Gazetteer`] finds names of places and armed actors: proclitics, quotes, dropped
//!   spaces and spelling variants do not hide them, and names that are also common words
//!   (الباب "the door", السلمية "peaceful") match only in context.
//!   [`Gazetteer::builtin`] knows Syria's places and the armed actors of its war.
//!
//! # Example: tagging
//!
//! ```
//! use dalil::Gazetteer;
//!
//! let text = "استهدف التحالف الدولي مواقع لـ«داعش» قرب البوكمال والميادين بريف ديرالزور";
//! let found: Vec<(&str, &str)> = Gazetteer::builtin()
//!     .tag(text)
//!     .map(|m| (&text[m.span()], m.entity().id()))
//!     .collect();
//! assert_eq!(found, [
//!     ("التحالف الدولي", "us-led-coalition"),
//!     ("داعش", "isis"),
//!     ("البوكمال", "abu-kamal"),
//!     ("الميادين", "al-mayadin"),
//!     ("ديرالزور", "deir-ez-zor"),
//! ]);
//! ```
//!
//! # Example: normalizing with offsets
//!
//! ```
//! use dalil::Normalizer;
//!
//! let text = "إلى حَمـــاة";
//! let norm = Normalizer::default().normalize(text);
//! assert_eq!(norm.as_str(), "الي حماه");
//! assert_eq!(&text[norm.original_range(7..15)], "حَمـــاة");
//! ```
//!
//! # Example: stemming
//!
//! ```
//! use dalil::stem::{light10, snowball, Algorithm, Stemmer};
//!
//! assert_eq!(light10("بالحسن"), "حسن");
//! assert_eq!(snowball("وقالت"), "قال");
//! let s = Stemmer::new(Algorithm::Light10).with_protected(["حماه"]);
//! assert_eq!(s.stem("وحماه"), "حماه");
//! ```
//!
//! # Example: your own gazetteer data
//!
//! ```
//! use dalil::GazetteerBuilder;
//!
//! let tsv = "id\tnames_ar\tsource\naleppo\tالشهباء\tmy notes\n";
//! let g = GazetteerBuilder::new().with_builtin().add_tsv("aliases.tsv", tsv.as_bytes())?.build()?;
//! assert_eq!(g.tag("عادت الحياة إلى الشهباء").next().unwrap().entity().id(), "aleppo");
//! # Ok::<(), dalil::Error>(())
//! ```
//!
//! # Crate features
//!
//! * `serde`: `Serialize`/`Deserialize` for [`Entity`], [`Kind`] and [`Ambiguity`], and
//!   `Serialize` for [`Match`].
//!
//! # Resource usage
//!
//! See [`gazetteer`](crate::gazetteer#resource-usage) for the gazetteer's build time and
//! memory; the normalizer allocates only when the text changes, and its offset map holds one
//! entry per place where the lengths stop lining up.

// Audited exceptions: `normalize::into_string`, the calls of the SSE2 kernels in
// `simd::Folder::fold16_after` and `simd::classify64`, and the SSSE3 copies of the
// normalizer's main loop and of the tokenizer (the calls of `Normalizer::run_ssse3` and
// `ScanTable::next_token_ssse3` after runtime detection, and of `simd::pack16` inside them;
// other targets declare a safe byte loop with the same `unsafe` signature): see "Why
// unsafe" in benches/README.md.
#![deny(unsafe_code)]
#![deny(missing_docs)]

mod error;
pub mod gazetteer;
mod hash;
pub mod normalize;
mod simd;
pub mod stem;
pub mod token;

pub use error::{decode_utf8, Error, ErrorKind};
pub use gazetteer::{
    Ambiguity, Entity, Gazetteer, GazetteerBuilder, Kind, Match, Matches, Suggestion,
};
pub use normalize::{DaggerAlef, Normalized, Normalizer, NormalizerConfig, OffsetMap};

/// The README's code, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
