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
        // Arabic letters and digits (the common case, decided without Unicode tables).
        '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => true,
        '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06FF}' => true,
        // Arabic punctuation and signs that are not part of words.
        '\u{0600}'..='\u{060F}'
        | '\u{061B}'..='\u{061F}'
        | '\u{066A}'..='\u{066D}'
        | '\u{06D4}' => false,
        '\u{06DD}' | '\u{06DE}' | '\u{06E9}' => false,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => true,
        '\u{0640}' | '\u{200C}' | '\u{200D}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
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
