//! A Levenshtein automaton over characters (not bytes) for fuzzy lookups in the fst.
//!
//! fst's own Levenshtein automaton miscounts on multi-byte text (fst issue 160); this one
//! assembles UTF-8 sequences before stepping its dynamic-programming row, so one Arabic
//! letter is one edit.

use fst::Automaton;

use crate::normalize::utf8_len;

/// Matches keys within `max` character edits of `query`.
pub(crate) struct Levenshtein {
    query: Vec<char>,
    max: u32,
}

/// The automaton's state: the DP row for the characters read so far, and the bytes of a
/// character being assembled. `None` once no match is possible.
#[derive(Clone, Debug)]
pub(crate) struct State {
    row: Vec<u32>,
    pending: [u8; 4],
    pending_len: u8,
}

impl Levenshtein {
    pub(crate) fn new(query: &str, max: u32) -> Levenshtein {
        Levenshtein {
            query: query.chars().collect(),
            max,
        }
    }

    fn step(&self, row: &[u32], c: char) -> Vec<u32> {
        let mut next = Vec::with_capacity(row.len());
        next.push(row[0] + 1);
        for (i, &q) in self.query.iter().enumerate() {
            let cost = u32::from(q != c);
            let v = (row[i] + cost).min(row[i + 1] + 1).min(next[i] + 1);
            next.push(v);
        }
        next
    }
}

impl Automaton for Levenshtein {
    type State = Option<State>;

    fn start(&self) -> Option<State> {
        Some(State {
            row: (0..=self.query.len() as u32).collect(),
            pending: [0; 4],
            pending_len: 0,
        })
    }

    fn is_match(&self, state: &Option<State>) -> bool {
        state
            .as_ref()
            .is_some_and(|s| s.pending_len == 0 && s.row[self.query.len()] <= self.max)
    }

    fn can_match(&self, state: &Option<State>) -> bool {
        state
            .as_ref()
            .is_some_and(|s| s.row.iter().min().is_some_and(|&m| m <= self.max))
    }

    fn accept(&self, state: &Option<State>, byte: u8) -> Option<State> {
        let s = state.as_ref()?;
        let mut pending = s.pending;
        let mut len = s.pending_len as usize;
        if len >= 4 {
            return None;
        }
        pending[len] = byte;
        len += 1;
        if len < utf8_len(pending[0]) {
            return Some(State {
                row: s.row.clone(),
                pending,
                pending_len: len as u8,
            });
        }
        let c = std::str::from_utf8(&pending[..len])
            .ok()
            .and_then(|t| t.chars().next())
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let row = self.step(&s.row, c);
        if row.iter().min().is_some_and(|&m| m <= self.max) {
            Some(State {
                row,
                pending: [0; 4],
                pending_len: 0,
            })
        } else {
            None
        }
    }
}

/// The character edit distance between two strings.
pub(crate) fn distance(a: &str, b: &str) -> u32 {
    let aut = Levenshtein::new(a, u32::MAX - 1);
    let mut row: Vec<u32> = (0..=aut.query.len() as u32).collect();
    for c in b.chars() {
        row = aut.step(&row, c);
    }
    row[aut.query.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_characters() {
        assert_eq!(distance("دير الزور", "ديرالزور"), 1);
        assert_eq!(distance("دير الزور", "دير الزوز"), 1);
        assert_eq!(distance("حلب", "حلب"), 0);
        assert_eq!(distance("", "حلب"), 3);
    }
}
