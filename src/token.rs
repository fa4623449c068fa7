//! Arabic-aware word spans.
//!
//! A word is a maximal run of letters, digits and the marks that live inside words
//! (harakat, Quranic marks, dagger alef, tatweel, zero-width joiners). Everything else,
//! spaces, punctuation, quotes, brackets, separates words. Offsets are byte offsets into the
//! text given.
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
/// ```
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = &self.text[self.pos..];
        let mut start = None;
        for (i, c) in rest.char_indices() {
            let w = is_word_char(c);
            match (start, w) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    self.pos += i;
                    return Some(self.pos - i + s..self.pos);
                }
                _ => {}
            }
        }
        let s = start?;
        let base = self.pos;
        self.pos = self.text.len();
        Some(base + s..self.text.len())
    }
}

impl std::iter::FusedIterator for Words<'_> {}
