//! Arabic-aware word spans.
//!
//! A word is a maximal run of letters, digits and the marks that live inside words
//! (harakat, Quranic marks, dagger alef, tatweel, zero-width joiners). The invisible
//! direction and format marks that the normalizer deletes (LRM, RLM, ALM, bidi embeddings
//! and isolates, BOM, soft hyphen) do not split a word either, but a word neither starts
//! nor ends with one. Everything else, spaces, punctuation, quotes, brackets, separates
//! words. Offsets are byte offsets into the text given.
//!
//! ```
//! // A fatha (U+064E) and a zero-width non-joiner (U+200C) stay inside their words.
//! let text = "قصفت «قسد» مواقع\u{064E} في دير\u{200C}الزور، أمس.";
//! let words: Vec<&str> = dalil::token::words(text).map(|r| &text[r]).collect();
//! assert_eq!(words, ["قصفت", "قسد", "مواقع\u{064E}", "في", "دير\u{200C}الزور", "أمس"]);
//! ```

use std::ops::Range;

/// Whether `c` belongs inside a word: a letter, a digit, or a mark or joiner that sits
/// between letters.
///
/// ```
/// use dalil::token::is_word_char;
/// assert!(is_word_char('ح') && is_word_char('\u{064E}') && is_word_char('٣') && is_word_char('x'));
/// assert!(!is_word_char('،') && !is_word_char('«') && !is_word_char(' '));
/// ```
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        '\u{0600}'..='\u{06FF}' => arabic_block_is_word(c as u32),
        '\u{200C}' | '\u{200D}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

/// Whether a code point of the Arabic block U+0600–U+06FF belongs inside words: letters,
/// digits, harakat, Quranic marks and tatweel do; the block's punctuation and signs
/// (، ؛ ؟ ٪ ٫ ٬ ۔, the number signs U+0600–U+0605, ۝ ۞ ۩) do not. A `const fn`, so the
/// scanner's lookup table is built from the same rule.
pub(crate) const fn arabic_block_is_word(cp: u32) -> bool {
    !matches!(cp, 0x0600..=0x060F | 0x061B..=0x061F | 0x066A..=0x066D | 0x06D4 | 0x06DD | 0x06DE | 0x06E9)
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{08D3}'..='\u{08FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// An iterator over the byte ranges of the words of a text. Made by [`words`].
#[derive(Clone, Debug)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// The byte ranges of the words of `text`, in order.
///
/// ```
/// let spans: Vec<_> = dalil::token::words("بحمص، وحلب").collect();
/// assert_eq!(spans, [0..8, 11..19]);
///
/// // A right-to-left mark (U+200F, three bytes) inside a word stays in it, and one at its
/// // edge is left out.
/// let text = "دير\u{200F}الزور\u{200F} حمص";
/// let words: Vec<&str> = dalil::token::words(text).map(|r| &text[r]).collect();
/// assert_eq!(words, ["دير\u{200F}الزور", "حمص"]);
/// ```
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let base = self.pos;
        let rest = &self.text[base..];
        // The word so far: from its first word character to the end of its last one.
        let mut word: Option<(usize, usize)> = None;
        for (i, c) in rest.char_indices() {
            if is_word_char(c) {
                let start = word.map_or(i, |(s, _)| s);
                word = Some((start, i + c.len_utf8()));
            } else if !crate::normalize::is_format_mark(c) {
                // (Format marks other than the joiners, which are word characters, neither
                // split a word nor start or end one.)
                if let Some((s, e)) = word {
                    self.pos = base + e;
                    return Some(base + s..base + e);
                }
            }
        }
        let (s, e) = word?;
        self.pos = self.text.len();
        Some(base + s..base + e)
    }
}

impl std::iter::FusedIterator for Words<'_> {}
