//! The scan: tokens of the normalized text, proclitic-aware lookups of their first word in a
//! hash index, longest match first, and the context rules for names that are also words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::{Ambiguity, Gazetteer, KeyRec, Kind, Match};
use crate::normalize::Normalized;

/// A small, fast multiplicative hasher for short strings (the idea of rustc's FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(SEED);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(SEED);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(SEED);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(SEED);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

/// A key as the scan sees it: the words after its first one.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    rest: Box<[Box<str>]>,
    key: u32,
}

/// The scan index: first word of every key → the keys starting with it, longest first.
/// `after_lam` holds the keys whose first word starts with the article, under the word
/// without it, for the contraction لل (ل + ال).
#[derive(Clone, Debug, Default)]
pub(crate) struct ScanIndex {
    first: WordMap<Vec<Candidate>>,
    after_lam: WordMap<Vec<Candidate>>,
}

impl ScanIndex {
    pub(crate) fn new(keys: &[KeyRec]) -> ScanIndex {
        let mut idx = ScanIndex::default();
        for (k, rec) in keys.iter().enumerate() {
            let mut words = rec.key.split(' ');
            let Some(first) = words.next() else { continue };
            let cand = Candidate {
                rest: words.map(Box::from).collect(),
                key: k as u32,
            };
            if let Some(bare) = first.strip_prefix("ال") {
                if !bare.is_empty() {
                    idx.after_lam
                        .entry(Box::from(bare))
                        .or_default()
                        .push(cand.clone());
                }
            }
            idx.first.entry(Box::from(first)).or_default().push(cand);
        }
        for list in idx.first.values_mut().chain(idx.after_lam.values_mut()) {
            list.sort_by_key(|c| std::cmp::Reverse(c.rest.len()));
        }
        idx
    }
}

/// Whether an ASCII byte is part of a word.
const fn ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Word-ness of U+0600–U+06FF, indexed like the normalizer's table.
static ARABIC_WORD: [bool; 256] = {
    let mut t = [true; 256];
    let mut k = 0;
    while k < 256 {
        let cp = 0x0600 + k as u32;
        let punct = (cp >= 0x0600 && cp <= 0x060F)
            || (cp >= 0x061B && cp <= 0x061F)
            || (cp >= 0x066A && cp <= 0x066D)
            || cp == 0x06D4
            || cp == 0x06DD
            || cp == 0x06DE
            || cp == 0x06E9;
        t[k] = !punct;
        k += 1;
    }
    t
};

/// Classes of characters in a normalized text, for the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Digit,
    Letter,
    Other,
}

#[inline]
fn class_at(s: &str, i: usize) -> (Class, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        let c = if b.is_ascii_digit() {
            Class::Digit
        } else if ascii_word(b) {
            Class::Letter
        } else {
            Class::Other
        };
        return (c, 1);
    }
    if b & 0xFC == 0xD8 {
        let k = (((b & 3) as usize) << 6) | (s.as_bytes()[i + 1] & 0x3F) as usize;
        let c = if ARABIC_WORD[k] {
            Class::Letter
        } else {
            Class::Other
        };
        return (c, 2);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    let class = if crate::token::is_word_char(c) {
        if c.is_numeric() {
            Class::Digit
        } else {
            Class::Letter
        }
    } else {
        Class::Other
    };
    (class, c.len_utf8())
}

/// The next token at or after `pos`: a run of letters, or a run of digits (a word such as
/// `ال55` is two tokens, so `الـ55` and `الـ 55` read alike).
#[inline]
pub(crate) fn next_token(s: &str, mut pos: usize) -> Option<Range<usize>> {
    let n = s.len();
    let bytes = s.as_bytes();
    // Skip separators.
    let class = loop {
        if pos >= n {
            return None;
        }
        // Fast skip of ASCII separators.
        let b = bytes[pos];
        if b < 0x80 && !ascii_word(b) {
            pos += 1;
            continue;
        }
        let (c, len) = class_at(s, pos);
        if c != Class::Other {
            break c;
        }
        pos += len;
    };
    let start = pos;
    while pos < n {
        let b = bytes[pos];
        if class == Class::Letter && b & 0xFC == 0xD8 {
            let k = (((b & 3) as usize) << 6) | (bytes[pos + 1] & 0x3F) as usize;
            if ARABIC_WORD[k] {
                pos += 2;
                continue;
            }
            break;
        }
        let (c, len) = class_at(s, pos);
        if c != class {
            break;
        }
        pos += len;
    }
    Some(start..pos)
}

/// The tokens of a normalized text.
pub(crate) fn tokens(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let t = next_token(s, pos)?;
        pos = t.end;
        Some(t)
    })
}

/// Characters allowed between the words of one name: spaces, quotes, brackets (tatweel,
/// bidi marks and ZWNJ are gone after normalization).
#[inline]
fn name_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'"' | b'\'' | b'(' | b')' | b'[' | b']'))
        || gap.is_empty()
}

/// Characters allowed between two places of a list.
fn list_gap(gap: &str) -> bool {
    gap.bytes().all(|b| {
        matches!(
            b,
            b' ' | b'\t' | b'"' | b'\'' | b'(' | b')' | b',' | b'-' | b'/'
        )
    })
}

/// Words after which a strongly ambiguous name is a place (normalized).
const PLACE_WORDS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "ريف",
    "محافظه",
    "منطقه",
    "ناحيه",
    "حي",
    "باديه",
    "مخيم",
    "مطار",
    "قاعده",
    "معبر",
    "سجن",
    "حقل",
    "سد",
    "جبل",
    "نهر",
    "سهل",
    "مدينتي",
    "بلدتي",
    "قريتي",
    "منطقتي",
    "محافظتي",
    "مدن",
    "بلدات",
    "قري",
    "مناطق",
    "مزرعه",
    "بحيره",
    "وادي",
    "تل",
];

/// Locative prepositions and directions, after which a weakly ambiguous name is a place.
const LOCATIVES: &[&str] = &[
    "في",
    "من",
    "الي",
    "قرب",
    "محيط",
    "اطراف",
    "شرق",
    "شرقي",
    "غرب",
    "غربي",
    "شمال",
    "شمالي",
    "جنوب",
    "جنوبي",
    "نحو",
    "باتجاه",
    "اتجاه",
    "داخل",
    "حول",
    "مشارف",
    "ضواحي",
    "بالقرب",
    "القرب",
    "جنوبي",
    "وسط",
    "عند",
    "ريفي",
];

/// How the first word of a match was read: the proclitics stripped from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Clitics {
    /// Bytes of proclitics before the name in the token.
    len: usize,
    conj: bool,
    prep: Option<char>,
}

#[derive(Clone, Copy, Debug)]
struct Found {
    key: u32,
    clitics: Clitics,
    /// Normalized start and end of the name (without proclitics).
    start: usize,
    end: usize,
    /// Start of the last token of the match.
    last_token_start: usize,
}

/// A token seen before the current one.
#[derive(Clone, Copy, Debug, Default)]
struct Prev {
    start: usize,
    end: usize,
}

/// The lazy iterator over the matches in a text. Made by [`Gazetteer::tag`].
#[derive(Debug)]
pub struct Matches<'g, 't> {
    g: &'g Gazetteer,
    norm: Normalized<'t>,
    pos: usize,
    prev: [Option<Prev>; 2],
    /// Normalized end and entity of the last match, for the list rule.
    last: Option<(usize, u32)>,
}

impl<'g, 't> Matches<'g, 't> {
    pub(crate) fn new(g: &'g Gazetteer, text: &'t str) -> Matches<'g, 't> {
        Matches {
            g,
            norm: g.inner.normalizer.normalize(text),
            pos: 0,
            prev: [None, None],
            last: None,
        }
    }

    /// Every reading of `tok` (whole, or after proclitics) that starts a key, and the
    /// longest key it starts; calls `f` with each.
    fn candidates(&self, tok: Range<usize>, mut f: impl FnMut(Found)) {
        let t = self.norm.as_str();
        let word = &t[tok.clone()];
        let idx = &self.g.inner.scan;
        let mut try_form = |map: &super::matcher::WordMapRef<'_>, form: &str, clitics: Clitics| {
            if let Some(list) = map.get(form) {
                for cand in list {
                    if let Some((end, last_start)) = match_rest(t, tok.end, &cand.rest) {
                        f(Found {
                            key: cand.key,
                            clitics,
                            start: tok.start + clitics.len,
                            end,
                            last_token_start: last_start.unwrap_or(tok.start),
                        });
                    }
                }
            }
        };
        let first = WordMapRef(&idx.first);
        let after_lam = WordMapRef(&idx.after_lam);
        try_form(&first, word, Clitics::default());
        if word.len() < 6 || !word.starts_with(['و', 'ف', 'ب', 'ك', 'ل']) {
            return;
        }
        for (conj, r1) in [(false, Some(word)), (true, strip_any(word, &["و", "ف"]))] {
            let Some(r1) = r1 else { continue };
            let base = word.len() - r1.len();
            if conj && letters_at_least(r1, 2) {
                try_form(
                    &first,
                    r1,
                    Clitics {
                        len: base,
                        conj: true,
                        prep: None,
                    },
                );
            }
            for p in ['ب', 'ك', 'ل'] {
                let Some(r2) = r1.strip_prefix(p) else {
                    continue;
                };
                let len = word.len() - r2.len();
                let clitics = Clitics {
                    len,
                    conj,
                    prep: Some(p),
                };
                if letters_at_least(r2, 2) {
                    try_form(&first, r2, clitics);
                }
                if p == 'ل' {
                    if let Some(r3) = r2.strip_prefix('ل') {
                        if letters_at_least(r3, 2) {
                            // لل + rest: the name is ال + rest; its span starts at the
                            // article's ل.
                            try_form(&after_lam, r3, clitics);
                        }
                    }
                }
            }
        }
    }
}

/// A borrowed word map, so that `get` works on `&str`.
pub(crate) struct WordMapRef<'a>(&'a WordMap<Vec<Candidate>>);

impl WordMapRef<'_> {
    #[inline]
    fn get(&self, k: &str) -> Option<&Vec<Candidate>> {
        self.0.get(k)
    }
}

#[inline]
fn strip_any<'a>(word: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| word.strip_prefix(p))
}

#[inline]
fn letters_at_least(s: &str, n: usize) -> bool {
    s.chars().take(n).count() >= n
}

/// Matches the remaining words of a key after the first token (which ends at `pos`).
/// Returns the end of the match and the start of its last token.
#[inline]
fn match_rest(t: &str, mut pos: usize, rest: &[Box<str>]) -> Option<(usize, Option<usize>)> {
    let mut last = None;
    for w in rest {
        let tok = next_token(t, pos)?;
        if t[tok.clone()] != **w
            || !name_gap(&t[pos..tok.start])
            || t[pos..tok.start].contains('\n')
        {
            return None;
        }
        last = Some(tok.start);
        pos = tok.end;
    }
    Some((pos, last))
}

/// Whether `word` is only a chain of proclitics (و ف ب ك ل, e.g. the لـ of لـ«داعش»).
fn is_clitic_chain(word: &str) -> bool {
    matches!(
        word,
        "و" | "ف" | "ب" | "ك" | "ل" | "وب" | "ول" | "وك" | "فب" | "فل" | "فك"
    )
}

/// The word without its proclitics, for comparing with context words.
fn context_forms(word: &str) -> impl Iterator<Item = &str> {
    let mut forms = vec![word];
    crate::stem::for_each_proclitic_split(word, |r| forms.push(r));
    forms.into_iter()
}

impl<'g, 't> Matches<'g, 't> {
    /// The previous token that can carry context, skipping a lone proclitic token;
    /// with whether the gap between it and `at` is a name gap.
    fn context_word(&self, at: usize) -> Option<&str> {
        let t = self.norm.as_str();
        let mut at = at;
        for p in self.prev.iter().flatten() {
            let gap = &t[p.end..at];
            if !name_gap(gap) || gap.contains('\n') {
                return None;
            }
            let w = &t[p.start..p.end];
            if is_clitic_chain(w) {
                at = p.start;
                continue;
            }
            return Some(w);
        }
        None
    }

    fn after_word_in(&self, at: usize, set: &[&str]) -> bool {
        match self.context_word(at) {
            Some(w) => context_forms(w).any(|f| set.contains(&f)),
            None => false,
        }
    }

    /// Whether the match is in a list with a place before or after it.
    fn in_list(&self, f: &Found, kind: Kind) -> bool {
        let t = self.norm.as_str();
        let tok_start = f.start - f.clitics.len;
        if let Some((end, e)) = self.last {
            if self.list_partner(e, kind) && end <= tok_start {
                let gap = &t[end..tok_start];
                if list_gap(gap) && (f.clitics.conj || gap.contains([',', '-', '/'])) {
                    return true;
                }
            }
        }
        // Look ahead: the next token starts an unambiguous name of the same kind.
        if let Some(next) = next_token(t, f.end) {
            let gap = &t[f.end..next.start];
            if !list_gap(gap) {
                return false;
            }
            let mut ok = false;
            let sep = gap.contains([',', '-', '/']);
            self.candidates(next, |n| {
                let rec = &self.g.inner.keys[n.key as usize];
                if !rec.stop
                    && rec.ambiguity == Ambiguity::None
                    && (sep || n.clitics.conj)
                    && rec
                        .names
                        .first()
                        .is_some_and(|&(e, _)| self.list_partner(e, kind))
                {
                    ok = true;
                }
            });
            return ok;
        }
        false
    }

    /// Whether entity `e` can vouch for a neighbour of kind `kind` in a list: same kind,
    /// and for places a local one (a town, a village, a base …), not a country, governorate
    /// or region, whose commas and conjunctions join clauses as often as lists.
    fn list_partner(&self, e: u32, kind: Kind) -> bool {
        let e = &self.g.inner.entities[e as usize];
        e.kind == kind
            && (kind == Kind::Unit
                || !matches!(
                    e.entity_type.as_str(),
                    "country" | "governorate" | "region" | "desert" | "river" | "lake"
                ))
    }

    fn context_ok(&self, f: &Found, level: Ambiguity, kind: Kind) -> bool {
        let tok_start = f.start - f.clitics.len;
        match level {
            Ambiguity::None => true,
            Ambiguity::Weak => {
                f.clitics.prep == Some('ب')
                    || self.after_word_in(tok_start, PLACE_WORDS)
                    || self.after_word_in(tok_start, LOCATIVES)
                    || self.in_list(f, kind)
            }
            Ambiguity::Strong => {
                self.after_word_in(tok_start, PLACE_WORDS) || self.in_list(f, kind)
            }
        }
    }

    fn push_prev(&mut self, start: usize, end: usize) {
        self.prev[1] = self.prev[0];
        self.prev[0] = Some(Prev { start, end });
    }
}

impl<'g, 't> Iterator for Matches<'g, 't> {
    type Item = Match<'g>;

    fn next(&mut self) -> Option<Match<'g>> {
        loop {
            let tok = next_token(self.norm.as_str(), self.pos)?;
            let mut found: [Option<Found>; 8] = [None; 8];
            let mut n = 0;
            self.candidates(tok.clone(), |f| {
                if n < 8 {
                    found[n] = Some(f);
                    n += 1;
                }
            });
            if n == 0 {
                self.pos = tok.end;
                self.push_prev(tok.start, tok.end);
                continue;
            }
            let found = &mut found[..n];
            // Longest first; on a tie, the reading with fewer proclitics.
            found.sort_by_key(|f| {
                let f = f.unwrap_or(Found {
                    key: 0,
                    clitics: Clitics::default(),
                    start: 0,
                    end: 0,
                    last_token_start: 0,
                });
                (std::cmp::Reverse(f.end), f.clitics.len)
            });
            let inner = &self.g.inner;
            let mut chosen = None;
            for f in found.iter().flatten() {
                let rec = &inner.keys[f.key as usize];
                if rec.stop {
                    chosen = Some((*f, true));
                    break;
                }
                let Some(&(e, _)) = rec.names.first() else {
                    continue;
                };
                let kind = inner.entities[e as usize].kind;
                if self.context_ok(f, rec.ambiguity, kind) {
                    chosen = Some((*f, false));
                    break;
                }
            }
            match chosen {
                None => {
                    self.pos = tok.end;
                    self.push_prev(tok.start, tok.end);
                }
                Some((f, true)) => {
                    self.pos = f.end;
                    self.push_prev(f.last_token_start, f.end);
                    self.last = None;
                }
                Some((f, false)) => {
                    self.pos = f.end;
                    self.push_prev(f.last_token_start, f.end);
                    let rec = &self.g.inner.keys[f.key as usize];
                    let (e, name) = rec.names[0];
                    self.last = Some((f.end, e));
                    let span = self.norm.original_range(f.start..f.end);
                    let tok_start = f.start - f.clitics.len;
                    let full_start = self.norm.map().to_original_start(tok_start);
                    return Some(Match {
                        start: span.start,
                        end: span.end,
                        proclitic_start: full_start,
                        gazetteer: self.g,
                        key: f.key,
                        entity: e,
                        name,
                    });
                }
            }
        }
    }
}

impl std::iter::FusedIterator for Matches<'_, '_> {}
