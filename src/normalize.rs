//! Arabic normalization in one pass, with a map from normalized offsets back to the original.
//!
//! A [`Normalizer`] is built once from a [`NormalizerConfig`] (every rule is a switch) and then
//! applied to any number of texts. [`Normalizer::normalize`] returns a [`Normalized`]: the
//! normalized text, borrowed when nothing changed, and an [`OffsetMap`] that takes any byte
//! offset of the normalized text back to a byte offset of the original, on a char boundary.
//!
//! Two profiles are provided: [`NormalizerConfig::default`] (everything on: the profile the
//! gazetteer uses to match names) and [`NormalizerConfig::lucene`] (exactly Apache Lucene's
//! `ArabicNormalizer`).
//!
//! # Example
//!
//! ```
//! use dalil::Normalizer;
//!
//! let n = Normalizer::default();
//! // "in Deir ez-Zor" with a kasra, a shadda and tatweel, followed by a right-to-left mark.
//! let text = "في دير الزّور\u{200F} بـدمشق";
//! let norm = n.normalize(text);
//! assert_eq!(norm.as_str(), "في دير الزور بدمشق");
//! // Map the normalized span of "الزور" back to the original bytes.
//! let start = norm.as_str().find("الزور").unwrap();
//! let span = norm.original_range(start..start + "الزور".len());
//! assert_eq!(&text[span], "الزّور");
//! ```

use std::borrow::Cow;
use std::ops::Range;

use crate::simd::{block_at, Folder};

/// What to do with the dagger (superscript) alef U+0670.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DaggerAlef {
    /// Leave it in the text (Lucene's behaviour).
    Keep,
    /// Delete it, like the other harakat (`هٰذا` → `هذا`).
    #[default]
    Remove,
    /// Write it as a full alef (`هٰذا` → `هاذا`).
    Alef,
}

/// Every rule of the normalizer, as a switch. Start from [`NormalizerConfig::default`] (all on,
/// the profile for matching names) or [`NormalizerConfig::lucene`] and change fields.
///
/// ```
/// use dalil::{Normalizer, NormalizerConfig};
///
/// let mut config = NormalizerConfig::default();
/// config.fold_teh_marbuta = false; // keep ة distinct from ه
/// let n = Normalizer::new(config);
/// assert_eq!(n.normalize_str("الرَّقَّة"), "الرقة");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NormalizerConfig {
    /// Delete the eight harakat U+064B–U+0652 (tanween, fatha, damma, kasra, shadda, sukun).
    pub strip_harakat: bool,
    /// Delete the other Arabic marks: U+0656–U+065F, the Quranic marks U+0610–U+061A and
    /// U+06D6–U+06ED.
    pub strip_other_marks: bool,
    /// Combining madda and hamza U+0653–U+0655: compose them with the letter before
    /// (`ا` + U+0654 → `أ`, then the alef rule applies), or delete them where nothing composes.
    pub combine_hamza_marks: bool,
    /// The dagger alef U+0670.
    pub dagger_alef: DaggerAlef,
    /// Delete tatweel U+0640.
    pub strip_tatweel: bool,
    /// `آ أ إ` → `ا`.
    pub fold_alef_hamza: bool,
    /// Alef wasla `ٱ` and the rarer alefs U+0672, U+0673, U+0675 → `ا`.
    pub fold_alef_wasla: bool,
    /// `ى` → `ي`.
    pub fold_alef_maksura: bool,
    /// `ة` → `ه`.
    pub fold_teh_marbuta: bool,
    /// `ؤ` → `و`.
    pub fold_waw_hamza: bool,
    /// `ئ` → `ي`.
    pub fold_yeh_hamza: bool,
    /// Persian and Urdu letters that stand for Arabic ones: `ک ڪ` → `ك`, `ی ې ے ۓ` → `ي`,
    /// `ہ ە ۀ ۂ` → `ه`, `ۃ` → `ة`.
    pub fold_persian: bool,
    /// Persian letters for sounds Arabic lacks, as Arabic writers substitute them:
    /// `گ` → `ك`, `پ` → `ب`, `چ` → `ج`, `ژ` → `ز`, `ڤ` → `ف`.
    pub fold_persian_consonants: bool,
    /// Arabic presentation forms U+FB50–U+FDFF and U+FE70–U+FEFF → base letters
    /// (compatibility decomposition for these blocks only; `ﻻ` → `لا`).
    pub presentation_forms: bool,
    /// Arabic-Indic `٠–٩` and Extended Arabic-Indic `۰–۹` digits → `0–9`.
    pub fold_digits: bool,
    /// Arabic punctuation → ASCII: `،` → `,`, `؛` → `;`, `؟` → `?`, `٪` → `%`, `٫` → `.`, `٬` → `,`.
    pub fold_punctuation: bool,
    /// Quotation marks `“ ” « » ‹ ›` → `"`.
    pub fold_quotes: bool,
    /// Delete invisible format characters: ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings,
    /// overrides and isolates, the BOM and the soft hyphen.
    pub strip_format: bool,
    /// Every Unicode space (category Zs, e.g. U+00A0, U+2009, U+202F) and the zero-width
    /// space U+200B → U+0020. Tabs and line breaks are kept.
    pub fold_spaces: bool,
}

impl Default for NormalizerConfig {
    /// Every rule on: the profile the gazetteer uses to build its keys and scan text.
    fn default() -> Self {
        NormalizerConfig {
            strip_harakat: true,
            strip_other_marks: true,
            combine_hamza_marks: true,
            dagger_alef: DaggerAlef::Remove,
            strip_tatweel: true,
            fold_alef_hamza: true,
            fold_alef_wasla: true,
            fold_alef_maksura: true,
            fold_teh_marbuta: true,
            fold_waw_hamza: true,
            fold_yeh_hamza: true,
            fold_persian: true,
            fold_persian_consonants: true,
            presentation_forms: true,
            fold_digits: true,
            fold_punctuation: true,
            fold_quotes: true,
            strip_format: true,
            fold_spaces: true,
        }
    }
}

impl NormalizerConfig {
    /// Exactly Apache Lucene's `ArabicNormalizer`: `آ أ إ` → `ا`, `ى` → `ي`, `ة` → `ه`,
    /// tatweel and the eight harakat U+064B–U+0652 deleted, nothing else touched.
    ///
    /// ```
    /// use dalil::{Normalizer, NormalizerConfig};
    /// let lucene = Normalizer::new(NormalizerConfig::lucene());
    /// assert_eq!(lucene.normalize_str("فاطمة"), "فاطمه");
    /// assert_eq!(lucene.normalize_str("ٱلحمد"), "ٱلحمد"); // alef wasla is left alone
    /// ```
    pub fn lucene() -> Self {
        NormalizerConfig {
            strip_harakat: true,
            strip_other_marks: false,
            combine_hamza_marks: false,
            dagger_alef: DaggerAlef::Keep,
            strip_tatweel: true,
            fold_alef_hamza: true,
            fold_alef_wasla: false,
            fold_alef_maksura: true,
            fold_teh_marbuta: true,
            fold_waw_hamza: false,
            fold_yeh_hamza: false,
            fold_persian: false,
            fold_persian_consonants: false,
            presentation_forms: false,
            fold_digits: false,
            fold_punctuation: false,
            fold_quotes: false,
            strip_format: false,
            fold_spaces: false,
        }
    }

    /// Every rule off: the identity.
    ///
    /// ```
    /// use dalil::{Normalizer, NormalizerConfig};
    /// let n = Normalizer::new(NormalizerConfig::none());
    /// assert_eq!(n.normalize_str("أَحمد"), "أَحمد");
    /// ```
    pub fn none() -> Self {
        let mut c = NormalizerConfig::lucene();
        c.strip_harakat = false;
        c.strip_tatweel = false;
        c.fold_alef_hamza = false;
        c.fold_alef_maksura = false;
        c.fold_teh_marbuta = false;
        c
    }
}

/// What the normalizer does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    Keep,
    /// Deleted; `attached` marks combining marks and tatweel, which belong to the letter
    /// before them when a span is mapped back.
    Delete,
    /// Replaced by another character (of the same or another UTF-8 length).
    Char(char),
    /// A combining madda/hamza: composed with the previous output letter.
    HamzaMark,
    /// A presentation form: compatibility-decomposed.
    Decompose,
}

const TATWEEL: char = '\u{0640}';

/// Whether `c` is an invisible format mark that `strip_format` deletes: ZWNJ, ZWJ, LRM,
/// RLM, ALM, the bidi embeddings and isolates, BOM and soft hyphen.
pub(crate) const fn is_format_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200C}'..='\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Applies the rules of `config` to one character (one step, no chaining).
fn rule(c: char, cfg: &NormalizerConfig) -> Act {
    use Act::*;
    let on = |b: bool, a: Act| if b { a } else { Keep };
    match c {
        '\u{064B}'..='\u{0652}' => on(cfg.strip_harakat, Delete),
        '\u{0653}'..='\u{0655}' => on(cfg.combine_hamza_marks, HamzaMark),
        '\u{0656}'..='\u{065F}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => {
            on(cfg.strip_other_marks, Delete)
        }
        '\u{0670}' => match cfg.dagger_alef {
            DaggerAlef::Keep => Keep,
            DaggerAlef::Remove => Delete,
            DaggerAlef::Alef => Char('ا'),
        },
        TATWEEL => on(cfg.strip_tatweel, Delete),
        'آ' | 'أ' | 'إ' => on(cfg.fold_alef_hamza, Char('ا')),
        'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => on(cfg.fold_alef_wasla, Char('ا')),
        'ى' => on(cfg.fold_alef_maksura, Char('ي')),
        'ة' => on(cfg.fold_teh_marbuta, Char('ه')),
        'ؤ' => on(cfg.fold_waw_hamza, Char('و')),
        'ئ' => on(cfg.fold_yeh_hamza, Char('ي')),
        'ک' | 'ڪ' => on(cfg.fold_persian, Char('ك')),
        'ی' | 'ې' | 'ے' => on(cfg.fold_persian, Char('ي')),
        // Yeh barree and heh goal with hamza: a Persian fold and a hamza fold at once.
        'ۓ' => on(
            cfg.fold_persian,
            Char(if cfg.fold_yeh_hamza { 'ي' } else { 'ئ' }),
        ),
        'ہ' | 'ە' => on(cfg.fold_persian, Char('ه')),
        'ۀ' | 'ۂ' => on(cfg.fold_persian, Char('ه')),
        'ۃ' => on(cfg.fold_persian, Char('ة')),
        'گ' => on(cfg.fold_persian_consonants, Char('ك')),
        'پ' => on(cfg.fold_persian_consonants, Char('ب')),
        'چ' => on(cfg.fold_persian_consonants, Char('ج')),
        'ژ' => on(cfg.fold_persian_consonants, Char('ز')),
        'ڤ' => on(cfg.fold_persian_consonants, Char('ف')),
        '\u{0660}'..='\u{0669}' if cfg.fold_digits => {
            Char(char::from(b'0' + (c as u32 - 0x0660) as u8))
        }
        '\u{06F0}'..='\u{06F9}' if cfg.fold_digits => {
            Char(char::from(b'0' + (c as u32 - 0x06F0) as u8))
        }
        '،' | '٬' => on(cfg.fold_punctuation, Char(',')),
        '؛' => on(cfg.fold_punctuation, Char(';')),
        '؟' => on(cfg.fold_punctuation, Char('?')),
        '٪' => on(cfg.fold_punctuation, Char('%')),
        '٫' => on(cfg.fold_punctuation, Char('.')),
        '“' | '”' | '«' | '»' | '‹' | '›' => on(cfg.fold_quotes, Char('"')),
        c if is_format_mark(c) => on(cfg.strip_format, Delete),
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200B}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => on(cfg.fold_spaces, Char(' ')),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => on(cfg.presentation_forms, Decompose),
        _ => Keep,
    }
}

/// Applies the rules until a fixed point, so that the normalizer is idempotent
/// (`ۃ` → `ة` → `ه`).
fn resolve(c: char, cfg: &NormalizerConfig) -> Act {
    let mut act = rule(c, cfg);
    for _ in 0..4 {
        match act {
            Act::Char(r) => match rule(r, cfg) {
                Act::Keep => return act,
                next => act = next,
            },
            _ => return act,
        }
    }
    act
}

/// A normalizer: a [`NormalizerConfig`] compiled into lookup tables. Cheap to clone, `Send`
/// and `Sync`; build it once and reuse it.
///
/// ```
/// use dalil::Normalizer;
/// let n = Normalizer::default();
/// assert_eq!(n.normalize_str("إدلب وحماة ١٧"), "ادلب وحماه 17");
/// // Clean text is returned borrowed, without allocating.
/// assert!(matches!(n.normalize_str("حلب"), std::borrow::Cow::Borrowed(_)));
/// ```
#[derive(Clone, Debug)]
pub struct Normalizer {
    config: NormalizerConfig,
    /// Actions for U+0600–U+06FF, indexed by `((lead & 3) << 6) | (cont & 0x3F)`.
    arabic: Box<[Act; 256]>,
    /// Whether that action is `Keep`: the fast path of the scan.
    arabic_keep: Box<[bool; 256]>,
    /// The actions on every two-byte character (U+0080–U+07FF) as output byte pairs for
    /// the main loop (see `pair_entry`), indexed by [`two_byte_index`].
    pairs: Box<[u32; 2048]>,
    /// Lead bytes outside U+0600–U+06FF that start a character some rule may change
    /// (U+00A0…, U+1680, U+2000…, U+3000, U+FB50…).
    special_lead: Box<[bool; 256]>,
    /// Whether any rule touches a character outside U+0600–U+06FF and ASCII.
    other_rules: bool,
    /// The sixteen-bytes-at-a-time kernel, when it can follow this configuration.
    folder: Option<Folder>,
    /// Whether the rules keep every ASCII character (so the kernel may vouch for them).
    ascii_kept: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new(NormalizerConfig::default())
    }
}

impl Normalizer {
    /// Compiles `config` into a normalizer.
    ///
    /// ```
    /// use dalil::{Normalizer, NormalizerConfig};
    /// let n = Normalizer::new(NormalizerConfig::lucene());
    /// assert_eq!(n.config(), &NormalizerConfig::lucene());
    /// ```
    pub fn new(config: NormalizerConfig) -> Normalizer {
        let mut arabic = Box::new([Act::Keep; 256]);
        for (k, slot) in arabic.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + k as u32).unwrap_or('\u{0600}');
            *slot = resolve(c, &config);
        }
        let mut arabic_keep = Box::new([false; 256]);
        for (k, keep) in arabic_keep.iter_mut().enumerate() {
            *keep = arabic[k] == Act::Keep;
        }
        let mut pairs = Box::new([0u32; 2048]);
        for (k, slot) in pairs.iter_mut().enumerate().skip(0x80) {
            let c = char::from_u32(k as u32).unwrap_or('\u{80}');
            *slot = pair_entry(c, resolve(c, &config));
        }
        let other_rules = config.fold_quotes
            || config.strip_format
            || config.fold_spaces
            || config.presentation_forms;
        let mut special_lead = Box::new([false; 256]);
        if other_rules {
            for b in [0xC2, 0xE1, 0xE2, 0xE3, 0xEF] {
                special_lead[b] = true;
            }
        }
        // The entry of a character that the fast loop writes as 0 or 2 bytes, if it is one.
        let entry = |pair: [u8; 2]| {
            let e = pairs[two_byte_index(pair[0], pair[1])];
            (e & (PAIR_SLOW | PAIR_NARROW) == 0).then_some(e)
        };
        let folder = Folder::new(
            |pair| {
                let e = entry(pair).filter(|e| e >> PAIR_LEN_SHIFT == 2)?;
                Some((e as u16).to_le_bytes())
            },
            |pair| entry(pair).is_some_and(|e| e >> PAIR_LEN_SHIFT == 0),
        );
        let ascii_kept = (0..0x80u8).all(|b| resolve(char::from(b), &config) == Act::Keep);
        Normalizer {
            config,
            arabic,
            arabic_keep,
            pairs,
            special_lead,
            other_rules,
            folder,
            ascii_kept,
        }
    }

    /// The configuration this normalizer was built from.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// assert!(Normalizer::default().config().strip_harakat);
    /// ```
    pub fn config(&self) -> &NormalizerConfig {
        &self.config
    }

    /// Normalizes `text` and keeps the map back to it.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// let text = "«قسد»";
    /// let norm = Normalizer::default().normalize(text);
    /// assert_eq!(norm.as_str(), "\"قسد\"");
    /// assert_eq!(&text[norm.original_range(1..7)], "قسد");
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        match self.first_change(text) {
            None => Normalized {
                original: text,
                text: Cow::Borrowed(text),
                map: OffsetMap::identity(text.len()),
                deleted_marks: DeletedMarks::default(),
            },
            Some(at) => {
                let (out, segs) = self.run_best(Output::<true>::new(text, at), text, at);
                let norm_len = out.len();
                Normalized {
                    original: text,
                    text: Cow::Owned(out),
                    map: OffsetMap {
                        segs,
                        norm_len,
                        orig_len: text.len(),
                    },
                    deleted_marks: DeletedMarks::of(&self.config),
                }
            }
        }
    }

    /// Normalizes `text` without keeping an offset map. Borrowed when nothing changes.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// assert_eq!(Normalizer::default().normalize_str("ﺍﻟﻌﺮﺑﻴﺔ"), "العربيه");
    /// ```
    pub fn normalize_str<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self.first_change(text) {
            None => Cow::Borrowed(text),
            Some(at) => {
                let (out, _) = self.run_best(Output::<false>::new(text, at), text, at);
                Cow::Owned(out)
            }
        }
    }

    /// Skips from `i` (a char boundary) over characters the rules keep, returning the
    /// offset of the next character to act on (or the end): the scan that finds the first
    /// change, so that unchanged text is returned borrowed. An ASCII byte or an Arabic
    /// letter that no rule touches costs a compare or a table load.
    #[inline(always)]
    fn skip_kept(&self, bytes: &[u8], mut i: usize) -> usize {
        let n = bytes.len();
        let keep = &*self.arabic_keep;
        let special = &*self.special_lead;
        loop {
            if let Some(f) = self.folder {
                // Sixteen bytes at a time: what the kernel vouches for and leaves as it is.
                while i + 16 <= n {
                    let mut block = [0u8; 16];
                    block.copy_from_slice(&bytes[i..i + 16]);
                    let (folded, k) = f.fold16(&block, self.ascii_kept);
                    let changed = u128::from_le_bytes(folded) ^ u128::from_le_bytes(block);
                    let same = (changed.trailing_zeros() / 8) as usize;
                    if same < k {
                        // A fold: it changes the letter's lead byte or its continuation.
                        let cont = usize::from(block[same] & 0xC0 == 0x80);
                        return i + same - cont;
                    }
                    if k == 0 {
                        break;
                    }
                    i += k;
                }
            }
            // One character the kernel does not vouch for (or the last bytes).
            if i >= n {
                return n;
            }
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
            } else if b & 0xFC == 0xD8 {
                // A lead byte of U+0600–U+06FF is always followed by a continuation byte.
                let k = arabic_index(b, bytes[i + 1]);
                if !keep[k] {
                    return i;
                }
                i += 2;
            } else if special[b as usize] {
                return i;
            } else {
                i += utf8_len(b);
            }
        }
    }

    /// The action for the character at `i`, and its length.
    #[inline]
    fn act_at(&self, bytes: &[u8], i: usize) -> (Act, usize) {
        let b = bytes[i];
        if b & 0xFC == 0xD8 {
            let k = arabic_index(b, bytes[i + 1]);
            return (self.arabic[k], 2);
        }
        let len = utf8_len(b);
        if !self.other_rules || !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) {
            return (Act::Keep, len);
        }
        let c = decode(bytes, i, len);
        (resolve(c, &self.config), len)
    }

    /// The byte offset of the first character the rules change, if any.
    fn first_change(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = 0;
        loop {
            i = self.skip_kept(bytes, i);
            if i >= bytes.len() {
                return None;
            }
            let (act, len) = self.act_at(bytes, i);
            if act != Act::Keep {
                return Some(i);
            }
            i += len;
        }
    }

    /// The main loop, from the first change at `start` (everything before it is already in
    /// `out`). First the sixteen-byte kernel ([`Folder`]) takes blocks of letters and ASCII
    /// it can fold without changing a length, and (with `PACK`) of the marks it deletes:
    /// the block is packed without them by one SSSE3 shuffle and, with the map, logs one
    /// block region holding the mask of the bytes it deleted ([`block_entry`]), without a
    /// branch. (Logging a copy region for each run of marks instead cost diacritized text
    /// half its speed.) Where the kernel stops, the character-at-a-time loop takes over for
    /// a window that doubles while blocks keep stopping early (text the kernel cannot read).
    /// There, two-byte characters (U+0080–U+07FF) that are kept, deleted, replaced by
    /// another two-byte character or by one ASCII byte go through [`Normalizer::pairs`]: the
    /// output pair is stored unconditionally and the output advances by 0 or 2, so a
    /// deletion costs no branch (a character written as one ASCII byte takes a branch of its
    /// own). ASCII is copied a byte at a time; everything else goes through
    /// [`Normalizer::slow_char`].
    ///
    /// With the map, the character loop logs every run of deleted pairs, also without a branch:
    /// each pair stores the output offset and the input offset after it in a log slot, and
    /// the log grows by one only at the first deletion of a run (later ones overwrite the
    /// run's slot, a kept pair writes the spare slot past the end). After the batch the log
    /// becomes map entries: one copy region ([`Output::reopen`]) per run, and for a letter
    /// written as one byte an atomic region and the copy region after it.
    #[inline(always)]
    fn run<const MAP: bool, const PACK: bool>(
        &self,
        mut out: Output<MAP>,
        text: &str,
        start: usize,
    ) -> (String, Vec<Seg>) {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let pairs = &*self.pairs;
        let folder = self.folder;
        let ascii = self.ascii_kept;
        // How many bytes the character-at-a-time loop reads before the kernel is tried
        // again: at least one character, doubled for every block in a row that stops early
        // (diacritized text), halved for every whole block.
        let mut window = 0;
        // Room for the log, a narrow letter's second entry past it, and a spare slot.
        let mut log = [Seg {
            norm: 0,
            orig: 0,
            orig_end: COPY,
        }; DELETION_LOG + 2];
        let mut i = start;
        loop {
            let mut logged = 0;
            // Whether the last pair was deleted (its run has the slot `logged - 1`).
            let mut in_run = 0;
            // The batch works on locals (the buffer and output offset in registers).
            let buf = &mut out.buf[..];
            let mut o = out.o;
            'batch: while i < n {
                if let Some(f) = folder {
                    // Sixteen bytes at a time while the kernel vouches for them: kept or
                    // same-length characters, and marks it deletes. A lead byte that ends a
                    // block is written at once and checked with the next block (`carry`).
                    let mut carry = 0u8;
                    while i + 16 <= n && !(MAP && logged >= DELETION_LOG) {
                        let mut block = [0u8; 16];
                        block.copy_from_slice(&bytes[i..i + 16]);
                        let r = f.fold16_after::<PACK>(&block, carry, ascii);
                        let last = block[15];
                        let pending = u32::from(last & 0xFE == 0xD8) << 15;
                        let good = r.good | pending;
                        // The buffer has room for the input left and more (`Output`); with
                        // a carry, `o > 0` and `buf[o - 1]` is its lead byte.
                        buf[o..o + 16].copy_from_slice(&r.bytes);
                        buf[o.saturating_sub(1)] |= r.lead_fix;
                        if good == 0xFFFF {
                            // The common case of undiacritized text: no marks.
                            o += 16;
                            i += 16;
                            in_run = 0;
                            window /= 2;
                            carry = if pending != 0 { last } else { 0 };
                            continue;
                        }
                        // Without SSSE3 the marks are left to the character loop (packing
                        // with shifts measured slower than that loop).
                        let marks = if PACK { r.del } else { 0 };
                        let ok = good | marks;
                        // The bytes before the first character the kernel does not handle.
                        let k = (!ok).trailing_zeros().min(16);
                        let del = marks & ((1 << k) - 1);
                        let mut removed = 0;
                        if del != 0 {
                            // Whether the carried lead byte is a deleted mark's.
                            let back = usize::from(carry != 0 && del & 1 != 0);
                            o -= back;
                            if PACK {
                                // SAFETY: `PACK` is true only in `run_ssse3`, which is called
                                // only on a machine with SSSE3.
                                #[allow(unsafe_code)]
                                let gone =
                                    unsafe { crate::simd::pack16(block_at(buf, o), &r.bytes, del) };
                                removed = gone as u32;
                            }
                            if MAP {
                                // One map entry for the block: which of its bytes are gone.
                                // (A carried lead byte of a deleted mark, before the block,
                                // has no output byte to map.)
                                log[logged] = Seg {
                                    norm: o,
                                    orig: i,
                                    orig_end: block_entry(del, k as usize),
                                };
                                logged += 1;
                            }
                        }
                        if ok == 0xFFFF {
                            o += 16 - removed as usize;
                            i += 16;
                            // (A deletion after a block starts a run of its own.)
                            in_run = 0;
                            window /= 2;
                            carry = if pending != 0 { last } else { 0 };
                            continue;
                        }
                        o += (k - removed) as usize;
                        i += k as usize;
                        if k > 0 {
                            in_run = 0;
                            carry = 0;
                        }
                        window = (window * 2).clamp(2, 256);
                        break;
                    }
                    if carry != 0 {
                        // The letter begun at the end of the last block is not one the
                        // kernel handles (or the text ends within a block of it): take
                        // back its lead byte.
                        o -= 1;
                        i -= 1;
                    }
                    if MAP && logged >= DELETION_LOG {
                        break 'batch;
                    }
                }
                // A character at a time, up to the next try of the kernel.
                let stop = if folder.is_some() {
                    n.min(i + window.max(1))
                } else {
                    n
                };
                while i < stop {
                    let b = bytes[i];
                    if b < 0x80 {
                        buf[o] = b;
                        o += 1;
                        i += 1;
                        in_run = 0;
                        continue;
                    }
                    if b & 0xE0 != 0xC0 {
                        break 'batch;
                    }
                    // A lead byte is always followed by its continuation byte.
                    let e = pairs[two_byte_index(b, bytes[i + 1])];
                    if e & (PAIR_SLOW | PAIR_NARROW) != 0 {
                        if e & PAIR_SLOW != 0 {
                            break 'batch;
                        }
                        // A letter written as one ASCII byte (، → ,).
                        buf[o] = e as u8;
                        o += 1;
                        i += 2;
                        if MAP {
                            // An atomic region for it (replacing a copy region opened at
                            // the same offset), then a copy region after it, which a
                            // deletion right after replaces as it would a run's.
                            let slot = logged - in_run;
                            log[slot] = Seg {
                                norm: o - 1,
                                orig: i - 2,
                                orig_end: i,
                            };
                            log[slot + 1] = Seg {
                                norm: o,
                                orig: i,
                                orig_end: COPY,
                            };
                            logged = slot + 2;
                            in_run = 1;
                            if logged >= DELETION_LOG {
                                break 'batch;
                            }
                        }
                        continue;
                    }
                    buf[o..o + 2].copy_from_slice(&(e as u16).to_le_bytes());
                    let len = (e >> PAIR_LEN_SHIFT) as usize;
                    o += len;
                    i += 2;
                    if MAP {
                        let deleted = usize::from(len == 0);
                        let slot = logged - (in_run & deleted);
                        log[slot] = Seg {
                            norm: o,
                            orig: i,
                            orig_end: COPY,
                        };
                        logged = slot + deleted;
                        in_run = deleted;
                        if logged == DELETION_LOG {
                            break 'batch;
                        }
                    }
                }
            }
            out.o = o;
            if MAP && logged > 0 {
                // The first run may continue one from the previous batch (same offset).
                let first = log[0];
                out.push_seg(first.norm, first.orig, first.orig_end);
                out.segs.extend_from_slice(&log[1..logged]);
                if logged >= DELETION_LOG {
                    continue;
                }
            }
            if i >= n {
                break;
            }
            i += self.slow_char(&mut out, bytes, i);
        }
        out.finish()
    }

    /// [`Normalizer::run`], in a copy compiled for SSSE3 when the machine has it (the
    /// kernel then packs the bytes around deleted marks with one shuffle).
    fn run_best<const MAP: bool>(
        &self,
        out: Output<MAP>,
        text: &str,
        start: usize,
    ) -> (String, Vec<Seg>) {
        #[cfg(target_arch = "x86_64")]
        if self.folder.is_some_and(|f| f.has_ssse3()) {
            // SAFETY: `has_ssse3` says the machine has SSSE3.
            #[allow(unsafe_code)]
            return unsafe { self.run_ssse3(out, text, start) };
        }
        self.run::<MAP, false>(out, text, start)
    }

    /// [`Normalizer::run`] with `PACK`, compiled for SSSE3 so that [`crate::simd::pack16`]
    /// is inlined into it (called from code compiled without SSSE3 it is not, and that
    /// call alone slowed the loop down).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    fn run_ssse3<const MAP: bool>(
        &self,
        out: Output<MAP>,
        text: &str,
        start: usize,
    ) -> (String, Vec<Seg>) {
        self.run::<MAP, true>(out, text, start)
    }

    /// One character outside the fast path at `i`: returns its length.
    #[inline(never)]
    fn slow_char<const MAP: bool>(&self, out: &mut Output<MAP>, bytes: &[u8], i: usize) -> usize {
        let (act, len) = self.act_at(bytes, i);
        let rest = bytes.len() - i - len;
        match act {
            Act::Keep => {
                out.write(&bytes[i..i + len]);
            }
            Act::Delete => out.reopen(i + len),
            Act::Char(r) => {
                out.reserve(r.len_utf8(), rest);
                if r.len_utf8() == len {
                    out.write_char(r);
                } else {
                    out.open_atomic(i, len);
                    out.write_char(r);
                    out.reopen(i + len);
                }
            }
            Act::HamzaMark => {
                let mark = decode(bytes, i, len);
                out.hamza_mark(i, len, mark, &self.config);
            }
            Act::Decompose => {
                let c = decode(bytes, i, len);
                out.decompose(i, len, c, self, rest);
            }
        }
        len
    }
}

/// How many map entries the fast path logs before it moves them to the map (a block of the
/// kernel logs at most one, so the log is checked before each block).
const DELETION_LOG: usize = 64;

/// [`Normalizer::pairs`]: bits 0–15 hold the output bytes (little-endian), bits 16–17 the
/// output length (0, 1 or 2), `PAIR_NARROW` marks a character written as one ASCII byte,
/// and `PAIR_SLOW` marks characters the fast path leaves to [`Normalizer::act_at`].
const PAIR_LEN_SHIFT: u32 = 16;
const PAIR_NARROW: u32 = 1 << 30;

const PAIR_SLOW: u32 = 1 << 31;

/// The fast-path entry for a two-byte character `c` under `act`.
fn pair_entry(c: char, act: Act) -> u32 {
    let pair = |r: char| {
        let mut tmp = [0u8; 4];
        let b = r.encode_utf8(&mut tmp).as_bytes();
        u32::from(b[0]) | u32::from(b[1]) << 8 | 2 << PAIR_LEN_SHIFT
    };
    match act {
        Act::Keep => pair(c),
        // Any two bytes: they are stored past the end of the output and overwritten.
        Act::Delete => 0,
        Act::Char(r) if r.len_utf8() == 2 => pair(r),
        Act::Char(r) if r.is_ascii() => r as u32 | 1 << PAIR_LEN_SHIFT | PAIR_NARROW,
        _ => PAIR_SLOW,
    }
}

/// The output buffer as a `String`.
///
/// Safe Rust would validate the whole buffer again (`String::from_utf8`, about 1 GB/s on
/// Arabic), which costs as much as the normalization itself; see "Why unsafe" in
/// `benches/README.md`.
#[allow(unsafe_code)]
fn into_string(buf: Vec<u8>) -> String {
    debug_assert!(std::str::from_utf8(&buf).is_ok());
    // SAFETY: `Output` writes below its length `o` only whole UTF-8 sequences, and `o` only
    // ever moves by whole sequences: ASCII bytes and whole characters (from a char boundary,
    // `utf8_len` of the lead byte) copied from the `&str` input, which is valid UTF-8;
    // characters encoded by `char::encode_utf8`; and pairs from `Normalizer::pairs`, whose
    // entries of length 2 are the `encode_utf8` bytes of a
    // two-byte `char` and entries of length 1 an ASCII byte (`pair_entry`), always in place
    // of a two-byte character. Bytes stored past `o` (the pair of a deleted
    // character, the second byte of a one-byte entry, the zeros of the spare capacity) are
    // overwritten or cut off by `truncate(o)` before this call.
    // The sixteen-byte kernel (`simd::Folder`) stores 16 bytes at `o`, but `o` moves only
    // over the bytes it vouches for: ASCII bytes copied, and two-byte letters written as a
    // lead byte D8 or D9 and a continuation byte (`Folder::new` checks each against
    // `pairs`). A lead byte that ends a block is completed by the next block's
    // continuation byte, or taken back (`o -= 1`) before anything else is written. Marks
    // the kernel deletes are whole two-byte characters (a lead byte D9 and a continuation
    // byte; a carried lead byte is taken back with `o -= 1` when its continuation byte is
    // a mark's): packing the block without them (`simd::pack16`) leaves whole characters
    // in order, and `o` moves over the kept bytes of the whole characters only.
    // `compose_last` moves `o` back to the start of the last character, which it found by
    // `str::from_utf8`, and writes one `char` of the same length there.
    unsafe { String::from_utf8_unchecked(buf) }
}

/// What the rules do to one character taken alone: for scanners that normalize as they go
/// (the gazetteer's tokenizer). Kept in step with [`Normalizer::normalize`] by the tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CharRule {
    Keep,
    Delete,
    Char(char),
    /// The result depends on the neighbours or is more than one character (a combining
    /// hamza or madda, a presentation form): only the whole-text normalizer handles it.
    Context,
}

impl Normalizer {
    /// The rule for `c` alone (rules applied to a fixed point, as in the text).
    pub(crate) fn char_rule(&self, c: char) -> CharRule {
        match resolve(c, &self.config) {
            Act::Keep => CharRule::Keep,
            Act::Delete => CharRule::Delete,
            Act::Char(r) => CharRule::Char(r),
            Act::HamzaMark | Act::Decompose => CharRule::Context,
        }
    }

    /// Whether `c` is a mark this normalizer deletes that belongs to the letter before it:
    /// a mapped span's end extends over such marks (see [`Normalized::original_range`]).
    pub(crate) fn extends_span(&self, c: char) -> bool {
        DeletedMarks::of(&self.config).deletes(c)
    }
}

/// The index of a two-byte character (U+0080–U+07FF) in [`Normalizer::pairs`], from its
/// lead byte (C2–DF) and continuation byte: its code point.
#[inline(always)]
fn two_byte_index(lead: u8, cont: u8) -> usize {
    (usize::from(lead & 0x1F) << 6) | usize::from(cont & 0x3F)
}

/// The index of a character of U+0600–U+06FF in the 256-entry tables of the normalizer and
/// the gazetteer's tokenizer, from its lead byte (D8–DB) and continuation byte.
#[inline(always)]
pub(crate) fn arabic_index(lead: u8, cont: u8) -> usize {
    (((lead & 3) as usize) << 6) | (cont & 0x3F) as usize
}

#[inline]
pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[inline]
fn decode(bytes: &[u8], i: usize, len: usize) -> char {
    let b = bytes[i] as u32;
    let cp = match len {
        1 => b,
        2 => ((b & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F),
        3 => {
            ((b & 0x0F) << 12) | ((bytes[i + 1] as u32 & 0x3F) << 6) | (bytes[i + 2] as u32 & 0x3F)
        }
        _ => {
            ((b & 0x07) << 18)
                | ((bytes[i + 1] as u32 & 0x3F) << 12)
                | ((bytes[i + 2] as u32 & 0x3F) << 6)
                | (bytes[i + 3] as u32 & 0x3F)
        }
    };
    char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// One region of the offset map: output bytes from `norm` on come from original bytes from
/// `orig` on, until the next region. Three kinds, told apart by `orig_end`:
/// - a copy region (`COPY`) maps byte for byte;
/// - an atomic region (an offset) is the output of one original character `orig..orig_end`;
/// - a block region ([`block_entry`]) covers the original bytes `orig..orig + len`, of which
///   the bytes whose bits are set in a mask were deleted and the others copied in order,
///   and maps byte for byte after them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seg {
    norm: usize,
    orig: usize,
    orig_end: usize,
}

const COPY: usize = usize::MAX;

/// The bit that marks a block region's `orig_end` (never set in an offset: no allocation
/// exceeds `isize::MAX` bytes).
const BLOCK: usize = 1 << (usize::BITS - 1);

/// The `orig_end` of a block region of `len` (at most 16) original bytes, of which those in
/// `deleted` (bit `k` for the byte `orig + k`) were deleted.
#[inline(always)]
fn block_entry(deleted: u32, len: usize) -> usize {
    BLOCK | (len << 16) | deleted as usize
}

impl Seg {
    /// The block region's mask of deleted bytes, its length and how many bytes it kept.
    #[inline]
    fn block(&self) -> (u32, usize, usize) {
        let deleted = (self.orig_end & 0xFFFF) as u32;
        let len = (self.orig_end >> 16) & 0x1F;
        (deleted, len, len - deleted.count_ones() as usize)
    }

    /// The original offset of output byte `norm` (at or after `self.norm`).
    #[inline]
    fn start(&self, norm: usize) -> usize {
        let k = norm - self.norm;
        if self.orig_end == COPY {
            self.orig + k
        } else if self.orig_end & BLOCK == 0 {
            self.orig
        } else {
            let (deleted, len, kept) = self.block();
            if k < kept {
                self.orig + nth_zero(deleted, k)
            } else {
                self.orig + len + (k - kept)
            }
        }
    }

    /// The original offset after output byte `norm - 1` (`norm` after `self.norm`).
    #[inline]
    fn end(&self, norm: usize) -> usize {
        if self.orig_end != COPY && self.orig_end & BLOCK == 0 {
            // Atomic: the whole original character.
            self.orig_end
        } else {
            // Copied bytes map one to one.
            self.start(norm - 1) + 1
        }
    }
}

/// The position of the `n`-th (from 0) clear bit of `bits`.
#[inline]
fn nth_zero(bits: u32, n: usize) -> usize {
    let mut z = !bits;
    for _ in 0..n {
        z &= z - 1;
    }
    z.trailing_zeros() as usize
}

/// The normalizer's output under construction: a byte buffer written a character at a time,
/// and (with `MAP`) the offset map. With `MAP = false` no map is kept.
///
/// The buffer always holds at least `o + (bytes of input left) + SLACK` bytes, so the fast
/// path can store a whole byte pair at `o` and then advance `o` by 0 (a deletion), 1 or 2
/// without a capacity check; `buf[..o]` is the output so far, and only whole characters
/// (copied from the input or encoded from a `char`) are ever written below `o`.
struct Output<const MAP: bool> {
    buf: Vec<u8>,
    /// The length of the output so far.
    o: usize,
    segs: Vec<Seg>,
}

/// Spare bytes kept at the end of the output buffer.
const SLACK: usize = 8;

impl<const MAP: bool> Output<MAP> {
    /// An output holding the unchanged `src[..first_change]`.
    fn new(src: &str, first_change: usize) -> Self {
        let mut buf = Vec::with_capacity(src.len() + SLACK);
        buf.extend_from_slice(&src.as_bytes()[..first_change]);
        buf.resize(src.len() + SLACK, 0);
        Output {
            buf,
            o: first_change,
            segs: Vec::new(),
        }
    }

    /// Makes room for `extra` more output bytes than input bytes left after `rest`.
    #[inline]
    fn reserve(&mut self, extra: usize, rest: usize) {
        let need = self.o + extra + rest + SLACK;
        if need > self.buf.len() {
            self.buf.resize(need.max(self.buf.len() * 5 / 4), 0);
        }
    }

    /// Writes `bytes` (whole characters) at the end of the output.
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.buf[self.o..self.o + bytes.len()].copy_from_slice(bytes);
        self.o += bytes.len();
    }

    #[inline]
    fn write_char(&mut self, c: char) {
        let mut tmp = [0u8; 4];
        self.write(c.encode_utf8(&mut tmp).as_bytes());
    }

    /// Adds a map entry at output offset `norm` (the current one or, from the deletion log
    /// of [`Normalizer::run`], an earlier one past every entry). An entry already there (a
    /// copy region opened by [`Output::reopen`] that no byte has entered yet) is replaced:
    /// the map's norms stay strictly increasing.
    #[inline]
    fn push_seg(&mut self, norm: usize, orig: usize, orig_end: usize) {
        let seg = Seg {
            norm,
            orig,
            orig_end,
        };
        match self.segs.last_mut() {
            Some(last) if last.norm == norm => *last = seg,
            _ => self.segs.push(seg),
        }
    }

    /// The offset relation changed (a deletion or an atomic region): output from here on
    /// copies original bytes from `orig` on, until the next entry.
    #[inline]
    fn reopen(&mut self, orig: usize) {
        if MAP {
            self.push_seg(self.o, orig, COPY);
        }
    }

    /// An atomic region: the output about to be written comes from the original character
    /// `at..at + len`.
    #[inline]
    fn open_atomic(&mut self, at: usize, len: usize) {
        if MAP {
            self.push_seg(self.o, at, at + len);
        }
    }

    /// A combining madda or hamza at `at`: compose it with the last output letter when
    /// Unicode has such a letter, apply the rules to the result, and drop the mark.
    fn hamza_mark(&mut self, at: usize, len: usize, mark: char, cfg: &NormalizerConfig) {
        self.compose_last(0, mark, cfg);
        self.reopen(at + len);
    }

    /// A presentation form: its compatibility composition, each character through the rules.
    fn decompose(&mut self, at: usize, len: usize, c: char, n: &Normalizer, rest: usize) {
        use unicode_normalization::UnicodeNormalization;
        let before = self.o;
        self.open_atomic(at, len);
        for d in std::iter::once(c).nfkc() {
            self.reserve(4, rest);
            match resolve(d, &n.config) {
                Act::Keep => self.write_char(d),
                Act::Char(r) => self.write_char(r),
                Act::Delete | Act::Decompose => {}
                Act::HamzaMark => self.compose_last(before, d, &n.config),
            }
        }
        // When nothing came out, this replaces the empty atomic region: a deletion.
        self.reopen(at + len);
    }

    /// Composes `mark` with the last output character (written at or after `from`) when
    /// Unicode has such a letter, applies the rules to the result, and puts it in place of
    /// that character when the lengths agree (so no offset moves).
    fn compose_last(&mut self, from: usize, mark: char, cfg: &NormalizerConfig) {
        let mut start = self.o;
        while start > from && start + 4 > self.o {
            start -= 1;
            if self.buf[start] & 0xC0 != 0x80 {
                break;
            }
        }
        let Some(prev) = std::str::from_utf8(&self.buf[start..self.o])
            .ok()
            .and_then(|s| s.chars().next_back())
        else {
            return;
        };
        if let Some(composed) = unicode_normalization::char::compose(prev, mark) {
            let folded = match resolve(composed, cfg) {
                Act::Char(r) => r,
                _ => composed,
            };
            if folded.len_utf8() == prev.len_utf8() {
                self.o = start;
                self.write_char(folded);
            }
        }
    }

    /// The output text and its map entries.
    fn finish(mut self) -> (String, Vec<Seg>) {
        if MAP && self.segs.last().is_some_and(|s| s.norm == self.o) {
            // A copy region opened after the last output byte (the text ends in deletions)
            // holds no bytes.
            self.segs.pop();
        }
        self.buf.truncate(self.o);
        (into_string(self.buf), self.segs)
    }
}

/// Maps byte offsets of a normalized text back to byte offsets of its original.
///
/// Stored sparsely: one entry per place where the two texts stop lining up byte for byte
/// (a deletion, or a character replaced by one of another length; in diacritized text, one
/// per sixteen bytes that lost marks), so clean text costs nothing and lookups are a binary
/// search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OffsetMap {
    segs: Vec<Seg>,
    norm_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    fn identity(len: usize) -> OffsetMap {
        OffsetMap {
            segs: Vec::new(),
            norm_len: len,
            orig_len: len,
        }
    }

    /// Whether normalized and original offsets are equal everywhere.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// let n = Normalizer::default();
    /// assert!(n.normalize("فاطمة").map().is_identity()); // ة → ه keeps every offset
    /// assert!(!n.normalize("فاطِمة").map().is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        self.segs.is_empty() && self.norm_len == self.orig_len
    }

    /// The original offset where the normalized character starting at `norm` comes from.
    /// `norm` must be a char boundary of the normalized text (or its length, which maps to
    /// the original's length).
    ///
    /// ```
    /// use dalil::Normalizer;
    /// let norm = Normalizer::default().normalize("بـحمص");
    /// assert_eq!(norm.as_str(), "بحمص");
    /// assert_eq!(norm.map().to_original_start(2), 4); // after ب and the tatweel
    /// ```
    pub fn to_original_start(&self, norm: usize) -> usize {
        self.start_at(norm, &mut 0)
    }

    /// The original offset where the normalized character ending at `norm` ends in the
    /// original. `norm` must be a char boundary of the normalized text.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// let norm = Normalizer::default().normalize("٢٠ كم");
    /// assert_eq!(norm.as_str(), "20 كم");
    /// assert_eq!(norm.map().to_original_end(2), 4); // the two Arabic-Indic digits
    /// ```
    pub fn to_original_end(&self, norm: usize) -> usize {
        if norm == 0 {
            return 0;
        }
        let idx = self.segs.partition_point(|s| (s.norm) < norm);
        if idx == 0 {
            return norm;
        }
        self.segs[idx - 1].end(norm)
    }

    /// The index of the last entry at or before `norm` (`strict`: before), or `None` when
    /// `norm` lies before every entry. Searches forward from `hint` (a previous answer, or
    /// 0) by galloping, so a left-to-right series of lookups touches the map sequentially
    /// instead of binary-searching the whole of it each time.
    fn seek(&self, norm: usize, strict: bool, hint: &mut usize) -> Option<usize> {
        let before = |s: &Seg| {
            if strict {
                s.norm < norm
            } else {
                s.norm <= norm
            }
        };
        let segs = &self.segs;
        let mut lo = (*hint).min(segs.len());
        if lo > 0 && !before(&segs[lo - 1]) {
            lo = 0;
        }
        // Gallop to an upper bound, then binary-search the window.
        let mut step = 1;
        let mut hi = lo;
        while hi < segs.len() && before(&segs[hi]) {
            lo = hi + 1;
            hi += step;
            step *= 2;
        }
        let hi = hi.min(segs.len());
        let idx = lo + segs[lo..hi].partition_point(before);
        *hint = idx;
        idx.checked_sub(1)
    }

    fn start_at(&self, norm: usize, hint: &mut usize) -> usize {
        if norm >= self.norm_len {
            return self.orig_len;
        }
        match self.seek(norm, false, hint) {
            None => norm,
            Some(i) => self.segs[i].start(norm),
        }
    }

    fn end_at(&self, norm: usize, hint: &mut usize) -> usize {
        if norm == 0 {
            return 0;
        }
        match self.seek(norm, true, hint) {
            None => norm,
            Some(i) => self.segs[i].end(norm),
        }
    }

    /// The number of map entries (a measure of how much the text changed).
    ///
    /// ```
    /// use dalil::Normalizer;
    /// assert_eq!(Normalizer::default().normalize("حمص").map().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.segs.len()
    }

    /// Whether the map has no entries (offsets line up byte for byte).
    ///
    /// ```
    /// use dalil::Normalizer;
    /// assert!(Normalizer::default().normalize("حمص").map().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.segs.is_empty()
    }
}

/// A normalized text with the map back to its original.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    map: OffsetMap,
    deleted_marks: DeletedMarks,
}

/// Which attached marks (harakat, Quranic marks, dagger alef, tatweel, combining hamza) the
/// normalizer deleted: a mapped span's end extends over those.
#[derive(Clone, Copy, Debug, Default)]
struct DeletedMarks {
    harakat: bool,
    other: bool,
    dagger: bool,
    tatweel: bool,
    hamza: bool,
}

impl DeletedMarks {
    fn of(cfg: &NormalizerConfig) -> DeletedMarks {
        DeletedMarks {
            harakat: cfg.strip_harakat,
            other: cfg.strip_other_marks,
            dagger: cfg.dagger_alef == DaggerAlef::Remove,
            tatweel: cfg.strip_tatweel,
            hamza: cfg.combine_hamza_marks,
        }
    }

    fn deletes(&self, c: char) -> bool {
        match c {
            '\u{064B}'..='\u{0652}' => self.harakat,
            '\u{0653}'..='\u{0655}' => self.hamza,
            '\u{0656}'..='\u{065F}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => {
                self.other
            }
            '\u{0670}' => self.dagger,
            TATWEEL => self.tatweel,
            _ => false,
        }
    }
}

impl<'a> Normalized<'a> {
    /// The normalized text.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// assert_eq!(Normalizer::default().normalize("أَ").as_str(), "ا");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original text.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// assert_eq!(Normalizer::default().normalize("أَ").original(), "أَ");
    /// ```
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The offset map.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// assert!(Normalizer::default().normalize("abc").map().is_identity());
    /// ```
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// Whether the normalized text is borrowed from the original (nothing changed).
    ///
    /// ```
    /// use dalil::Normalizer;
    /// assert!(Normalizer::default().normalize("حلب").is_borrowed());
    /// ```
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Takes the normalized text.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// let s: std::borrow::Cow<str> = Normalizer::default().normalize("حَلَب").into_text();
    /// assert_eq!(s, "حلب");
    /// ```
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The original byte range a range of the normalized text comes from. Both ends are on
    /// char boundaries of the original; combining marks and tatweel that the normalizer
    /// deleted right after the span are included, so a highlighted span never separates a
    /// letter from its harakat.
    ///
    /// ```
    /// use dalil::Normalizer;
    /// let text = "حمصُ";
    /// let norm = Normalizer::default().normalize(text);
    /// assert_eq!(norm.as_str(), "حمص");
    /// assert_eq!(norm.original_range(0..6), 0..8);
    /// ```
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        self.original_range_from(range, &mut 0)
    }

    /// [`Normalized::original_range`] for a left-to-right series of ranges: `hint` carries
    /// the position in the map from one call to the next (start it at 0).
    pub(crate) fn original_range_from(
        &self,
        range: Range<usize>,
        hint: &mut usize,
    ) -> Range<usize> {
        let start = self.map.start_at(range.start, hint);
        if range.end <= range.start {
            return start..start;
        }
        let mut end = self.map.end_at(range.end, hint).max(start);
        {
            for c in self.original[end..].chars() {
                if !self.deleted_marks.deletes(c) {
                    break;
                }
                end += c.len_utf8();
            }
        }
        start..end
    }
}

#[cfg(test)]
mod tests {
    //! The one-pass normalizer against a character-by-character reference: the same text
    //! and the same map entries, for every profile.

    use super::*;
    use proptest::prelude::*;

    /// The normalizer written the simple way, one character at a time: a kept character
    /// (or one replaced by a character of the same length) opens a copy region when the
    /// offsets stopped lining up before it; a deletion or a combining hamza stops them
    /// lining up; a replacement of another length or a presentation form is an atomic
    /// region (removed again when nothing comes out).
    fn reference(n: &Normalizer, text: &str) -> (String, Vec<Seg>) {
        use unicode_normalization::UnicodeNormalization;
        let cfg = &n.config;
        let mut out = String::new();
        let mut segs = Vec::new();
        let mut reopen = false;
        let compose_last = |out: &mut String, from: usize, mark: char| {
            let Some(prev) = out[from..].chars().next_back() else {
                return;
            };
            if let Some(composed) = unicode_normalization::char::compose(prev, mark) {
                let folded = match resolve(composed, cfg) {
                    Act::Char(r) => r,
                    _ => composed,
                };
                if folded.len_utf8() == prev.len_utf8() {
                    out.pop();
                    out.push(folded);
                }
            }
        };
        for (i, c) in text.char_indices() {
            let len = c.len_utf8();
            let copy = |out: &mut String, segs: &mut Vec<Seg>, reopen: &mut bool, r: char| {
                if *reopen {
                    segs.push(Seg {
                        norm: out.len(),
                        orig: i,
                        orig_end: COPY,
                    });
                    *reopen = false;
                }
                out.push(r);
            };
            match resolve(c, cfg) {
                Act::Keep => copy(&mut out, &mut segs, &mut reopen, c),
                Act::Char(r) if r.len_utf8() == len => copy(&mut out, &mut segs, &mut reopen, r),
                Act::Char(r) => {
                    segs.push(Seg {
                        norm: out.len(),
                        orig: i,
                        orig_end: i + len,
                    });
                    out.push(r);
                    reopen = true;
                }
                Act::Delete => reopen = true,
                Act::HamzaMark => {
                    compose_last(&mut out, 0, c);
                    reopen = true;
                }
                Act::Decompose => {
                    let before = out.len();
                    segs.push(Seg {
                        norm: before,
                        orig: i,
                        orig_end: i + len,
                    });
                    for d in std::iter::once(c).nfkc() {
                        match resolve(d, cfg) {
                            Act::Keep => out.push(d),
                            Act::Char(r) => out.push(r),
                            Act::Delete | Act::Decompose => {}
                            Act::HamzaMark => compose_last(&mut out, before, d),
                        }
                    }
                    if out.len() == before {
                        segs.pop();
                    }
                    reopen = true;
                }
            }
        }
        (out, segs)
    }

    /// Takes the lowest run of set bits off `d` (bytes of a block, of which `removed` below
    /// that run are already deleted): returns the run's position once those are gone, its end
    /// in the block and its length, and adds the length to `removed`. With `d == 0` this
    /// changes nothing and returns a length of 0. No branches.
    fn next_run(d: &mut u32, removed: &mut u32) -> (u32, u32, u32) {
        let s = d.trailing_zeros().min(16);
        let len = (!(*d >> s)).trailing_zeros();
        let p = s - *removed;
        *removed += len;
        *d &= d.wrapping_add(1 << s);
        (p, s + len, len)
    }

    /// The map's entries with every block region written as the copy regions after its runs
    /// of deleted bytes, and every entry replacing one at the same output offset (which holds
    /// no bytes): the entries the reference makes.
    fn expanded(map: &OffsetMap) -> Vec<Seg> {
        let mut segs: Vec<Seg> = Vec::new();
        let push = |segs: &mut Vec<Seg>, seg: Seg| match segs.last_mut() {
            Some(last) if last.norm == seg.norm => *last = seg,
            _ => segs.push(seg),
        };
        for s in &map.segs {
            if s.orig_end == COPY || s.orig_end & BLOCK == 0 {
                push(&mut segs, *s);
                continue;
            }
            let (mut d, _, _) = s.block();
            // Bytes kept at the start of the block: a copy region unless the region before
            // already maps them so.
            let continues = match segs.last() {
                None => s.norm == s.orig,
                Some(l) => l.orig_end == COPY && l.orig + (s.norm - l.norm) == s.orig,
            };
            if d & 1 == 0 && !continues {
                push(
                    &mut segs,
                    Seg {
                        norm: s.norm,
                        orig: s.orig,
                        orig_end: COPY,
                    },
                );
            }
            let mut removed = 0;
            while d != 0 {
                let (p, end, _) = next_run(&mut d, &mut removed);
                push(
                    &mut segs,
                    Seg {
                        norm: s.norm + p as usize,
                        orig: s.orig + end as usize,
                        orig_end: COPY,
                    },
                );
            }
        }
        if segs.last().is_some_and(|s| s.norm == map.norm_len) {
            segs.pop();
        }
        segs
    }

    fn check(n: &Normalizer, text: &str) -> Result<(), TestCaseError> {
        let (want, want_segs) = reference(n, text);
        let norm = n.normalize(text);
        prop_assert_eq!(norm.as_str(), want.as_str(), "{:?} {:?}", text, n.config());
        prop_assert_eq!(
            &expanded(norm.map()),
            &want_segs,
            "{:?} {:?}",
            text,
            n.config()
        );
        // The block regions answer as the reference's entries do, at every boundary.
        let want_map = OffsetMap {
            segs: want_segs.clone(),
            norm_len: want.len(),
            orig_len: text.len(),
        };
        let (mut hint, mut want_hint) = (0, 0);
        for at in (0..=want.len()).filter(|&at| want.is_char_boundary(at)) {
            let map = norm.map();
            prop_assert_eq!(map.to_original_start(at), want_map.to_original_start(at));
            prop_assert_eq!(map.to_original_end(at), want_map.to_original_end(at));
            prop_assert_eq!(
                map.start_at(at, &mut hint),
                want_map.start_at(at, &mut want_hint)
            );
            prop_assert_eq!(
                map.end_at(at, &mut hint),
                want_map.end_at(at, &mut want_hint)
            );
        }
        prop_assert_eq!(norm.map().norm_len, want.len());
        prop_assert_eq!(norm.map().orig_len, text.len());
        prop_assert_eq!(norm.is_borrowed(), want_segs.is_empty() && want == text);
        prop_assert_eq!(n.normalize_str(text), want.as_str());
        // The copy of the main loop without SSSE3, which `normalize` does not take on a
        // machine that has it.
        if let Some(at) = n.first_change(text) {
            let (out, segs) = n.run::<true, false>(Output::new(text, at), text, at);
            prop_assert_eq!(out.as_str(), want.as_str());
            prop_assert_eq!(&segs, &want_segs);
            let (out, _) = n.run::<false, false>(Output::new(text, at), text, at);
            prop_assert_eq!(out, want);
        }
        Ok(())
    }

    /// A configuration from a bit mask: every rule on or off.
    fn config_from(bits: u32) -> NormalizerConfig {
        let on = |k: u32| bits & (1 << k) != 0;
        NormalizerConfig {
            strip_harakat: on(0),
            strip_other_marks: on(1),
            combine_hamza_marks: on(2),
            dagger_alef: match (bits >> 19) % 3 {
                0 => DaggerAlef::Keep,
                1 => DaggerAlef::Remove,
                _ => DaggerAlef::Alef,
            },
            strip_tatweel: on(3),
            fold_alef_hamza: on(4),
            fold_alef_wasla: on(5),
            fold_alef_maksura: on(6),
            fold_teh_marbuta: on(7),
            fold_waw_hamza: on(8),
            fold_yeh_hamza: on(9),
            fold_persian: on(10),
            fold_persian_consonants: on(11),
            presentation_forms: on(12),
            fold_digits: on(13),
            fold_punctuation: on(14),
            fold_quotes: on(15),
            strip_format: on(16),
            fold_spaces: on(17),
        }
    }

    fn profiles() -> Vec<Normalizer> {
        let c = NormalizerConfig {
            fold_alef_hamza: false,
            fold_yeh_hamza: false,
            ..NormalizerConfig::default()
        };
        vec![
            Normalizer::default(),
            Normalizer::new(NormalizerConfig::lucene()),
            Normalizer::new(NormalizerConfig::none()),
            Normalizer::new(c),
        ]
    }

    /// Pieces that exercise the fast path's edges: runs of marks (longer than the deletion
    /// log), ASCII runs of every length around a word, every branch of the rules.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "ا",
            "أ",
            "إ",
            "آ",
            "ٱ",
            "ى",
            "ي",
            "ة",
            "ه",
            "ؤ",
            "ئ",
            "ء",
            "ل",
            "ب",
            "حمص",
            // Runs longer than a block of the sixteen-byte kernel, of odd and even lengths.
            "والمحافظات",
            "محافظة دير الزور",
            "أإآؤئةى",
            "abcdefghijklmno",
            "\u{064B}",
            "\u{064E}",
            "\u{0651}",
            "\u{0652}",
            "\u{0653}",
            "\u{0654}",
            "\u{0655}",
            "\u{0656}",
            "\u{0670}",
            "\u{0640}",
            "\u{06D6}",
            "\u{0615}",
            "\u{0610}",
            "\u{064E}\u{0651}\u{064F}\u{0640}",
            "\u{200C}",
            "\u{200F}",
            "\u{FEFF}",
            "\u{00AD}",
            "\u{00A0}",
            "\u{2009}",
            "\u{3000}",
            "ی",
            "ک",
            "ۓ",
            "ۃ",
            "گ",
            "ﻻ",
            "ﻷ",
            "ﷲ",
            "ﹰ",
            "ﺍﻟﻌﺮﺑﻴﺔ",
            "ﺂ",
            "٠",
            "٩",
            "۱",
            "٫",
            "،",
            "؟",
            "«",
            "»",
            "“",
            " ",
            "\n",
            "x",
            "1234567",
            "abcdefgh",
            "abcdefghijklmnop",
            "Ж",
            "🙂",
            "\u{0600}",
            "\u{06FF}",
        ]);
        let piece = prop_oneof![
            6 => pieces.prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            1 => (prop::sample::select(vec!["\u{064E}", "\u{0651}", "\u{0640}", "بَ", "\u{0654}"]), 1..300usize)
                .prop_map(|(s, k)| s.repeat(k)),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn fast_path_matches_reference(s in text()) {
            for n in profiles() {
                check(&n, &s)?;
            }
        }

        #[test]
        fn every_configuration_matches_reference(s in text(), bits in any::<u32>()) {
            check(&Normalizer::new(config_from(bits)), &s)?;
        }

        #[test]
        fn any_string_matches_reference(s in any::<String>()) {
            check(&Normalizer::default(), &s)?;
        }
    }

    #[test]
    fn edge_cases_match_reference() {
        let marks = "\u{064E}".repeat(DELETION_LOG * 3 + 1);
        let letters_and_marks = "بَ".repeat(DELETION_LOG * 2 + 5);
        let cases = [
            "",
            "\u{064E}",
            "\u{064E}ب",
            "ب\u{064E}",
            "\u{064E}\u{0651}",
            "أ",
            "x\u{0640}",
            "\u{0640}x",
            "٢٠",
            "٢\u{064E}٠",
            "\u{064E}٢",
            "ﻻ\u{064E}",
            "\u{064E}ﻻ",
            "ﹰ",
            "ﹰﹰ",
            "\u{064E}ﹰب",
            "ا\u{0654}",
            "\u{0654}",
            "\u{064E}\u{0654}",
            "ﻷ\u{0654}",
            "abcdefg\u{064E}hijklmnopq",
            "abcdefgهة1234567",
            "1234567\u{0640}\u{0640}\u{0640}abcdefgh",
            "حمص\u{200F}",
            "\u{200F}",
            "«»",
            &marks,
            &letters_and_marks,
            &format!("{marks}x{marks}"),
            &format!("{letters_and_marks}«{marks}"),
        ];
        for n in profiles() {
            for s in cases {
                check(&n, s).unwrap();
            }
        }
    }

    /// Marks at every offset of the kernel's sixteen-byte blocks (a mark's lead byte ending
    /// a block, runs across blocks, blocks of marks only), and text longer than one map
    /// log of them.
    #[test]
    fn marks_at_every_block_offset() {
        let word = "بِسْمِ ٱللَّهِ الرَّحْمَٰنِ الرَّحِيمِ، «حَمَاةُ» وَإِدْلِبُ ـــ ";
        let long = word.repeat(40);
        for n in profiles() {
            for pad in 0..40 {
                let text = format!("{}{word}{}", "x".repeat(pad), "\u{064E}".repeat(pad));
                check(&n, &text).unwrap();
                check(&n, &format!("{}{}", "ب".repeat(pad), &long[..])).unwrap();
            }
        }
    }
}
