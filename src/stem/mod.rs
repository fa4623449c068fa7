//! Light stemmers and clitic segmentation.
//!
//! * [`light10`]: Light10 exactly as Apache Lucene's `ArabicStemmer` implements it.
//! * [`snowball()`]: the current Snowball Arabic stemmer.
//! * [`Stemmer`]: either algorithm with a set of protected words (names such as عفرين,
//!   حماة, درعا, كوباني) that are returned unstemmed, like Lucene's keyword marker.
//! * [`Stemmer::segment`]: splits a word into proclitics, stem and enclitic, each with byte
//!   offsets into the word as given.
//!
//! The stemmers expect normalized words (see [`crate::Normalizer`]); Lucene runs its
//! normalizer before its stemmer, and so should you for Lucene parity.
//!
//! ```
//! use dalil::stem::{light10, snowball, Algorithm, Stemmer};
//!
//! assert_eq!(light10("والمكتبات"), "مكتب");
//! assert_eq!(snowball("والمكتبات"), "والمكتبا"); // Snowball never strips و before ا
//! assert_eq!(light10("عفرين"), "عفر"); // every light stemmer mangles names…
//! let stemmer = Stemmer::new(Algorithm::Light10).with_protected(["عفرين"]);
//! assert_eq!(stemmer.stem("وعفرين"), "عفرين"); // …unless they are protected
//! ```

use std::borrow::Cow;
use std::collections::HashSet;

use crate::hash::BuildWordHasher;
use std::ops::Range;

use crate::normalize::Normalizer;

mod snowball;

/// The stemming algorithms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Algorithm {
    /// Light10 as implemented by Apache Lucene's `ArabicStemmer` ([`light10`]).
    #[default]
    Light10,
    /// The current Snowball Arabic stemmer ([`snowball()`]).
    Snowball,
}

/// Light10's prefixes in Lucene's order, as UTF-8 bytes, with their length in letters.
const LIGHT10_PREFIXES: [(&[u8], usize); 7] = [
    ("ال".as_bytes(), 2),
    ("وال".as_bytes(), 3),
    ("بال".as_bytes(), 3),
    ("كال".as_bytes(), 3),
    ("فال".as_bytes(), 3),
    ("لل".as_bytes(), 2),
    ("و".as_bytes(), 1),
];
/// Light10's suffixes in Lucene's order, as UTF-8 bytes, with their length in letters.
const LIGHT10_SUFFIXES: [(&[u8], usize); 10] = [
    ("ها".as_bytes(), 2),
    ("ان".as_bytes(), 2),
    ("ات".as_bytes(), 2),
    ("ون".as_bytes(), 2),
    ("ين".as_bytes(), 2),
    ("يه".as_bytes(), 2),
    ("ية".as_bytes(), 2),
    ("ه".as_bytes(), 1),
    ("ة".as_bytes(), 1),
    ("ي".as_bytes(), 1),
];

/// Length in UTF-16 code units, as Lucene counts it.
#[inline]
fn utf16_len(s: &str) -> usize {
    // Characters, plus one for each four-byte one (a surrogate pair in UTF-16). Counted in
    // `u32`: with `usize` lanes the vectorized loop is slower on words of a few bytes.
    // At most one unit a byte, so a `u32` holds the count of any word under 4 GiB.
    let unit = |b: u8| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0);
    if s.len() > u32::MAX as usize {
        return s.bytes().map(|b| unit(b) as usize).sum();
    }
    let mut n = 0u32;
    for b in s.bytes() {
        n += unit(b);
    }
    n as usize
}

/// Light10 exactly as Apache Lucene's `ArabicStemmer`: at most one prefix of
/// `ال وال بال كال فال لل و` (the first in that order whose length rule passes), then one pass
/// over the suffixes `ها ان ات ون ين يه ية ه ة ي`, each removed when at least two units remain.
/// Lengths are counted in UTF-16 units, as Lucene does. The stem is always a slice of the word.
///
/// ```
/// use dalil::stem::light10;
/// assert_eq!(light10("الحسن"), "حسن");
/// assert_eq!(light10("ساهدهات"), "ساهد"); // ات then ه
/// assert_eq!(light10("والد"), "الد");     // وال needs five letters, so و goes instead
/// assert_eq!(light10("الو"), "الو");      // too short
/// ```
pub fn light10(word: &str) -> Cow<'_, str> {
    let bytes = word.as_bytes();
    let (mut start, mut end) = (0, bytes.len());
    let mut len = utf16_len(word);
    if len < 3 {
        return Cow::Borrowed(word);
    }
    for (p, plen) in LIGHT10_PREFIXES {
        let need = if plen == 1 { 4 } else { plen + 2 };
        if len >= need && bytes.starts_with(p) {
            start = p.len();
            len -= plen;
            break;
        }
    }
    for (suffix, slen) in LIGHT10_SUFFIXES {
        if len >= slen + 2 && bytes[start..end].ends_with(suffix) {
            end -= suffix.len();
            len -= slen;
        }
    }
    // The bounds fall between whole two-byte Arabic letters, so they are char boundaries.
    Cow::Borrowed(&word[start..end])
}

/// The current Snowball Arabic stemmer (the algorithm of `snowballstem/snowball`, which
/// no longer deletes punctuation), reproducing Snowball's results exactly.
///
/// ```
/// use dalil::stem::snowball;
/// assert_eq!(snowball("الرقة"), "الرق");
/// assert_eq!(snowball("كتائب"), "كتايب");
/// assert_eq!(snowball("الحسكة،"), "حسكة،"); // glued punctuation is left alone
/// ```
pub fn snowball(word: &str) -> Cow<'_, str> {
    snowball::stem(word)
}

/// A stemmer: an [`Algorithm`] and a set of protected words that are never stemmed.
///
/// Protected words are compared as given, so give them in the same normalization as the
/// words you stem. A word that is a protected word behind proclitics (و ف, ب ك ل, ال, لل) is
/// returned as that protected word.
///
/// ```
/// use dalil::stem::{Algorithm, Stemmer};
/// let s = Stemmer::new(Algorithm::Snowball).with_protected(["كوباني", "درعا"]);
/// assert_eq!(s.stem("كوباني"), "كوباني");
/// assert_eq!(s.stem("بدرعا"), "درعا");
/// assert_eq!(s.stem("المدارس"), "مدارس");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Stemmer {
    algorithm: Algorithm,
    protected: HashSet<String, BuildWordHasher>,
}

impl Stemmer {
    /// A stemmer for `algorithm` with no protected words.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// assert_eq!(Stemmer::new(Algorithm::Light10).stem("الكتاب"), "كتاب");
    /// ```
    pub fn new(algorithm: Algorithm) -> Stemmer {
        Stemmer {
            algorithm,
            protected: HashSet::default(),
        }
    }

    /// Adds protected words.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// let s = Stemmer::new(Algorithm::Light10).with_protected(["حماه"]);
    /// assert_eq!(s.stem("حماه"), "حماه");
    /// ```
    pub fn with_protected<I, S>(mut self, words: I) -> Stemmer
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.protected.extend(words.into_iter().map(Into::into));
        self
    }

    /// Adds one protected word.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// let mut s = Stemmer::new(Algorithm::Light10);
    /// s.protect("عفرين");
    /// assert!(s.is_protected("عفرين"));
    /// ```
    pub fn protect(&mut self, word: impl Into<String>) {
        self.protected.insert(word.into());
    }

    /// Whether `word` is protected.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// assert!(!Stemmer::new(Algorithm::Light10).is_protected("حلب"));
    /// ```
    pub fn is_protected(&self, word: &str) -> bool {
        self.protected.contains(word)
    }

    /// The algorithm.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// assert_eq!(Stemmer::new(Algorithm::Snowball).algorithm(), Algorithm::Snowball);
    /// ```
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// Stems one word, leaving protected words (and protected words behind proclitics) whole.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// let s = Stemmer::new(Algorithm::Light10).with_protected(["حماه"]);
    /// assert_eq!(s.stem("وحماه"), "حماه");
    /// assert_eq!(s.stem("والقوات"), "قو");
    /// ```
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if !self.protected.is_empty() {
            if let Some(p) = self.protected_behind_proclitics(word) {
                return p;
            }
        }
        match self.algorithm {
            Algorithm::Light10 => light10(word),
            Algorithm::Snowball => snowball(word),
        }
    }

    fn protected_behind_proclitics<'a>(&self, word: &'a str) -> Option<Cow<'a, str>> {
        if self.protected.contains(word) {
            return Some(Cow::Borrowed(word));
        }
        if !word.starts_with(['و', 'ف', 'ب', 'ك', 'ل']) {
            return None;
        }
        let mut found = None;
        for_each_proclitic_split(word, |rest| {
            if found.is_none() && self.protected.contains(rest) {
                found = Some(Cow::Borrowed(rest));
            }
        });
        if found.is_none() {
            // لل + rest: ل and the article, whose alef is not written.
            let after = word
                .strip_prefix('و')
                .or_else(|| word.strip_prefix('ف'))
                .unwrap_or(word);
            if let Some(rest) = after.strip_prefix("لل") {
                let with_article = format!("ال{rest}");
                if self.protected.contains(&with_article) {
                    found = Some(Cow::Owned(with_article));
                }
            }
        }
        found
    }

    /// Splits `word` into proclitics, stem and enclitic, with byte ranges into `word` as
    /// given (diacritics and tatweel included). The word is normalized first with the
    /// default [`Normalizer`]; the rules are light and lexicon-free:
    ///
    /// * a conjunction `و` or `ف`, then a preposition `ب ك ل`, then the article `ال`
    ///   (`لل` is read as `ل` + `ال` whose alef is not written), or, on a word with neither
    ///   preposition nor article, the future `س` before `ي ت ن ا`;
    /// * one pronoun enclitic `ه ها هم هما هن ك كم كن ني نا ي`, not after the article;
    /// * every strip leaves at least three letters (two after `ال`), and a protected word
    ///   stops the splitting.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, CliticKind, Stemmer};
    /// let s = Stemmer::new(Algorithm::Light10);
    /// let word = "وللتحالف";
    /// let seg = s.segment(word);
    /// let parts: Vec<(CliticKind, &str)> =
    ///     seg.proclitics().iter().map(|c| (c.kind(), &word[c.range()])).collect();
    /// assert_eq!(parts, [(CliticKind::Conjunction, "و"), (CliticKind::Preposition, "ل"), (CliticKind::Article, "ل")]);
    /// assert_eq!(&word[seg.stem()], "تحالف");
    ///
    /// // A kasra (U+0650) stays with the letter it is written on.
    /// let word = "مدينت\u{0650}هم";
    /// let seg = s.segment(word);
    /// assert_eq!(&word[seg.stem()], "مدينت\u{0650}");
    /// assert_eq!(&word[seg.enclitic().unwrap().range()], "هم");
    /// ```
    pub fn segment(&self, word: &str) -> Segmentation {
        segment_with(word, &self.protected)
    }
}

/// Calls `f` with every remainder of `word` after a proclitic chain (و ف, then ب ك ل, then
/// ال, with لل read as ل + ال), longest chain last. Each remainder keeps at least two letters.
pub(crate) fn for_each_proclitic_split<'a>(word: &'a str, mut f: impl FnMut(&'a str)) {
    // Byte-level: the clitics are two-byte letters, so no string comparison is needed.
    let letters = |s: &str| s.chars().count();
    let strip = |s: &'a str, letter: &str| -> Option<&'a str> {
        let (l, b) = (letter.as_bytes(), s.as_bytes());
        (b.len() >= 2 && b[0] == l[0] && b[1] == l[1]).then(|| &s[2..])
    };
    for c in ["", "و", "ف"] {
        let r1 = if c.is_empty() {
            word
        } else {
            match strip(word, c) {
                Some(r) => r,
                None => continue,
            }
        };
        for p in ["", "ب", "ك", "ل"] {
            let r2 = if p.is_empty() {
                r1
            } else {
                match strip(r1, p) {
                    Some(r) => r,
                    None => continue,
                }
            };
            if (!c.is_empty() || !p.is_empty()) && letters(r2) >= 2 {
                f(r2);
            }
            if let Some(r3) = strip(r2, "ا").and_then(|r| strip(r, "ل")) {
                if letters(r3) >= 2 {
                    f(r3);
                }
            } else if p == "ل" {
                // لل: ل + the article, whose alef is not written.
                if let Some(r3) = strip(r2, "ل") {
                    if letters(r3) >= 2 {
                        f(r3);
                    }
                }
            }
        }
    }
}

/// The kinds of clitic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CliticKind {
    /// The conjunctions `و` "and" and `ف` "so".
    Conjunction,
    /// The prepositions `ب` "in, with", `ك` "like", `ل` "for, to".
    Preposition,
    /// The article `ال` (written `ل` after the preposition `ل`).
    Article,
    /// The future particle `س`.
    Future,
    /// A pronoun enclitic (`ه ها هم هما هن ك كم كن ني نا ي`).
    Pronoun,
}

/// One clitic of a segmented word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clitic {
    kind: CliticKind,
    range: Range<usize>,
}

impl Clitic {
    /// The kind of clitic.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, CliticKind, Stemmer};
    /// let seg = Stemmer::new(Algorithm::Light10).segment("بحمص");
    /// assert_eq!(seg.proclitics()[0].kind(), CliticKind::Preposition);
    /// ```
    pub fn kind(&self) -> CliticKind {
        self.kind
    }

    /// Its byte range in the word.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// let seg = Stemmer::new(Algorithm::Light10).segment("بحمص");
    /// assert_eq!(seg.proclitics()[0].range(), 0..2);
    /// ```
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }
}

/// A word split into proclitics, stem and enclitic. Made by [`Stemmer::segment`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segmentation {
    proclitics: Vec<Clitic>,
    stem: Range<usize>,
    enclitic: Option<Clitic>,
}

impl Segmentation {
    /// The proclitics, in order.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// assert_eq!(Stemmer::new(Algorithm::Light10).segment("وبالحسكة").proclitics().len(), 3);
    /// ```
    pub fn proclitics(&self) -> &[Clitic] {
        &self.proclitics
    }

    /// The byte range of the stem in the word.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// let w = "وبالحسكة";
    /// assert_eq!(&w[Stemmer::new(Algorithm::Light10).segment(w).stem()], "حسكة");
    /// ```
    pub fn stem(&self) -> Range<usize> {
        self.stem.clone()
    }

    /// The pronoun enclitic, if any.
    ///
    /// ```
    /// use dalil::stem::{Algorithm, Stemmer};
    /// let w = "مدرستها";
    /// let seg = Stemmer::new(Algorithm::Light10).segment(w);
    /// assert_eq!(&w[seg.enclitic().unwrap().range()], "ها");
    /// ```
    pub fn enclitic(&self) -> Option<&Clitic> {
        self.enclitic.as_ref()
    }
}

const ENCLITICS: [&str; 12] = [
    "هما", "كما", "هم", "هن", "كم", "كن", "ها", "ني", "نا", "ه", "ك", "ي",
];

fn segment_with(word: &str, protected: &HashSet<String, BuildWordHasher>) -> Segmentation {
    thread_local! {
        static NORMALIZER: Normalizer = Normalizer::default();
    }
    NORMALIZER.with(|n| {
        let norm = n.normalize(word);
        let t = norm.as_str();
        let letters = |s: &str| s.chars().count();
        let mut pos = 0; // in normalized bytes
        let mut proclitics: Vec<(CliticKind, Range<usize>)> = Vec::new();
        let is_protected = |s: &str| protected.contains(s);
        let stop = |rest: &str| is_protected(rest);
        let mut rest = t;
        let mut has_prep = false;
        let mut has_article = false;
        if !stop(rest) {
            if let Some(c) = ['و', 'ف'].into_iter().find(|&c| rest.starts_with(c)) {
                let r = &rest[2..];
                if letters(r) >= 3 {
                    proclitics.push((CliticKind::Conjunction, pos..pos + 2));
                    pos += 2;
                    rest = r;
                    let _ = c;
                }
            }
        }
        if !stop(rest) {
            if let Some(p) = ['ب', 'ك', 'ل'].into_iter().find(|&c| rest.starts_with(c)) {
                let r = &rest[2..];
                if p == 'ل' && r.starts_with('ل') && letters(&r[2..]) >= 2 && !stop(r) {
                    proclitics.push((CliticKind::Preposition, pos..pos + 2));
                    proclitics.push((CliticKind::Article, pos + 2..pos + 4));
                    pos += 4;
                    rest = &r[2..];
                    has_prep = true;
                    has_article = true;
                } else if letters(r) >= 3 {
                    proclitics.push((CliticKind::Preposition, pos..pos + 2));
                    pos += 2;
                    rest = r;
                    has_prep = true;
                }
            }
        }
        if !has_article && !stop(rest) {
            if let Some(r) = rest.strip_prefix("ال") {
                if letters(r) >= 2 {
                    proclitics.push((CliticKind::Article, pos..pos + 4));
                    pos += 4;
                    rest = r;
                    has_article = true;
                }
            }
        }
        if !has_prep && !has_article && !stop(rest) {
            if let Some(r) = rest.strip_prefix('س') {
                if matches!(r.chars().next(), Some('ي' | 'ت' | 'ن' | 'ا')) && letters(r) >= 4 {
                    proclitics.push((CliticKind::Future, pos..pos + 2));
                    pos += 2;
                    rest = r;
                }
            }
        }
        let mut stem_end = t.len();
        let mut enclitic = None;
        if !has_article && !stop(rest) {
            for e in ENCLITICS {
                if let Some(r) = rest.strip_suffix(e) {
                    if letters(r) >= 3 {
                        stem_end = t.len() - e.len();
                        enclitic = Some(stem_end..t.len());
                        break;
                    }
                }
            }
        }
        // Part boundaries in the normalized word, mapped back; deleted marks stay with the
        // part before them, so the parts tile the original word.
        let orig = |b: usize| {
            if b == 0 {
                0
            } else if b >= t.len() {
                word.len()
            } else {
                norm.map().to_original_start(b)
            }
        };
        Segmentation {
            proclitics: proclitics
                .iter()
                .map(|(kind, r)| Clitic {
                    kind: *kind,
                    range: orig(r.start)..orig(r.end),
                })
                .collect(),
            stem: orig(pos)..orig(stem_end),
            enclitic: enclitic.map(|e| Clitic {
                kind: CliticKind::Pronoun,
                range: orig(e.start)..orig(e.end),
            }),
        }
    })
}
