//! The scan: tokens of the normalized text, proclitic-aware lookups of their first word in a
//! hash index, longest match first, and the context rules for names that are also words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::{Ambiguity, Gazetteer, KeyRec, Kind, Match};
use crate::normalize::Normalized;

pub(crate) use crate::hash::WordHasher;

type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

/// A node of the token trie: the key that ends here, if any, and the next words.
#[derive(Clone, Debug, Default)]
pub(crate) struct Node {
    key: Option<u32>,
    children: WordMap<u32>,
}

/// The scan index: a trie over the words of the keys. `first` maps the first word of every
/// key to its node; `after_lam` maps the first words that start with the article, without
/// it, to the same nodes, for the contraction لل (ل + ال).
///
/// `bloom` is a filter in front of the maps: a bit for the hash of every first word (and
/// every first word without its article), so most words of a text, which start no key, are
/// rejected by a bit test without probing a map.
#[derive(Clone, Debug)]
pub(crate) struct ScanIndex {
    /// The trie's nodes; `first` and `after_lam` point into it.
    nodes: Vec<Node>,
    first: WordMap<u32>,
    after_lam: WordMap<u32>,
    bloom: Box<[u64; BLOOM_WORDS]>,
}

const BLOOM_BITS: u32 = 18;
const BLOOM_WORDS: usize = (1 << BLOOM_BITS) / 64;

/// The filter's hash of a word: eight bytes at a time, as [`WordHasher`].
#[inline(always)]
fn bloom_hash(bytes: &[u8]) -> usize {
    let mut h = WordHasher::default();
    h.write(bytes);
    (h.finish() >> (64 - BLOOM_BITS)) as usize
}

impl Default for ScanIndex {
    fn default() -> Self {
        ScanIndex {
            nodes: Vec::new(),
            first: WordMap::default(),
            after_lam: WordMap::default(),
            bloom: Box::new([0; BLOOM_WORDS]),
        }
    }
}

impl ScanIndex {
    pub(crate) fn new(keys: &[KeyRec]) -> ScanIndex {
        let mut idx = ScanIndex::default();
        for (k, rec) in keys.iter().enumerate() {
            let mut words = rec.key.split(' ');
            let Some(first) = words.next() else { continue };
            let mut node = match idx.first.get(first) {
                Some(&n) => n,
                None => {
                    let n = idx.nodes.len() as u32;
                    idx.nodes.push(Node::default());
                    idx.first.insert(Box::from(first), n);
                    if let Some(bare) = first.strip_prefix("ال") {
                        if !bare.is_empty() {
                            idx.after_lam.insert(Box::from(bare), n);
                        }
                    }
                    n
                }
            };
            for w in words {
                node = match idx.nodes[node as usize].children.get(w) {
                    Some(&n) => n,
                    None => {
                        let n = idx.nodes.len() as u32;
                        idx.nodes.push(Node::default());
                        idx.nodes[node as usize].children.insert(Box::from(w), n);
                        n
                    }
                };
            }
            idx.nodes[node as usize].key = Some(k as u32);
        }
        let forms: Vec<Box<str>> = idx
            .first
            .keys()
            .chain(idx.after_lam.keys())
            .cloned()
            .collect();
        for form in forms {
            let h = bloom_hash(form.as_bytes());
            idx.bloom[h >> 6] |= 1 << (h & 63);
        }
        idx
    }

    /// Whether `form` may be a first word (no false negatives).
    #[inline(always)]
    fn may_be_first(&self, form: &str) -> bool {
        let h = bloom_hash(form.as_bytes());
        self.bloom[h >> 6] & (1u64 << (h & 63)) != 0
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
        t[k] = crate::token::arabic_block_is_word(0x0600 + k as u32);
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

/// The class of an ASCII byte.
#[inline(always)]
fn ascii_class(b: u8) -> Class {
    if b.is_ascii_digit() {
        Class::Digit
    } else if ascii_word(b) {
        Class::Letter
    } else {
        Class::Other
    }
}

#[inline(always)]
fn class_at(s: &str, i: usize) -> (Class, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (ascii_class(b), 1);
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
        if b < 0x80 {
            // ASCII: a letter continues a letter token, a digit a digit token.
            if ascii_class(b) != class {
                break;
            }
            pos += 1;
            continue;
        }
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
    /// The readings found at the current token (kept to reuse its allocation).
    found: Vec<Found>,
    /// Where the last offset lookup stopped in the offset map.
    map_hint: usize,
}

impl<'g, 't> Matches<'g, 't> {
    pub(crate) fn new(g: &'g Gazetteer, text: &'t str) -> Matches<'g, 't> {
        Matches {
            g,
            norm: g.inner.normalizer.normalize(text),
            pos: 0,
            prev: [None, None],
            last: None,
            found: Vec::with_capacity(8),
            map_hint: 0,
        }
    }

    /// Every reading of `tok` (whole, or after proclitics) that starts a key, and the
    /// longest key it starts; calls `f` with each.
    fn candidates(&self, tok: Range<usize>, mut f: impl FnMut(Found)) {
        let t = self.norm.as_str();
        let word = &t[tok.clone()];
        let idx = &self.g.inner.scan;
        let mut try_form = |map: &WordMapRef<'_>, form: &str, clitics: Clitics| {
            if !idx.may_be_first(form) {
                return;
            }
            if let Some(&node) = map.get(form) {
                // Walk the trie word by word; every key on the way is a candidate.
                let mut node = &idx.nodes[node as usize];
                let mut end = tok.end;
                let mut last_start = tok.start;
                loop {
                    if let Some(key) = node.key {
                        f(Found {
                            key,
                            clitics,
                            start: tok.start + clitics.len,
                            end,
                            last_token_start: last_start,
                        });
                    }
                    if node.children.is_empty() {
                        break;
                    }
                    let Some(next) = next_token(t, end) else {
                        break;
                    };
                    let gap = &t[end..next.start];
                    if !name_gap(gap) || gap.contains('\n') {
                        break;
                    }
                    match node.children.get(&t[next.clone()]) {
                        Some(&n) => node = &idx.nodes[n as usize],
                        None => break,
                    }
                    last_start = next.start;
                    end = next.end;
                }
            }
        };
        let first = WordMapRef(&idx.first);
        let after_lam = WordMapRef(&idx.after_lam);
        try_form(&first, word, Clitics::default());
        let b = word.as_bytes();
        // Proclitic letters: و ف ب ك ل, compared as their two UTF-8 bytes.
        const WAW: [u8; 2] = [0xD9, 0x88];
        const FA: [u8; 2] = [0xD9, 0x81];
        const BA: [u8; 2] = [0xD8, 0xA8];
        const KAF: [u8; 2] = [0xD9, 0x83];
        const LAM: [u8; 2] = [0xD9, 0x84];
        let at = |i: usize| -> [u8; 2] {
            match b.get(i..i + 2) {
                Some(s) => [s[0], s[1]],
                None => [0, 0],
            }
        };
        // Readings keep at least two letters after the proclitics.
        if b.len() < 6 {
            return;
        }
        let c0 = at(0);
        let conj = c0 == WAW || c0 == FA;
        for (has_conj, base) in [(false, 0), (true, 2)] {
            if has_conj && !conj {
                continue;
            }
            if has_conj && b.len() >= base + 4 {
                try_form(
                    &first,
                    &word[base..],
                    Clitics {
                        len: base,
                        conj: true,
                        prep: None,
                    },
                );
            }
            let p = at(base);
            let prep = if p == BA {
                'ب'
            } else if p == KAF {
                'ك'
            } else if p == LAM {
                'ل'
            } else {
                continue;
            };
            let clitics = Clitics {
                len: base + 2,
                conj: has_conj,
                prep: Some(prep),
            };
            if b.len() >= base + 6 {
                try_form(&first, &word[base + 2..], clitics);
            }
            // لل + rest: the name is ال + rest; its span starts at the article's ل.
            if prep == 'ل' && at(base + 2) == LAM && b.len() >= base + 8 {
                try_form(&after_lam, &word[base + 4..], clitics);
            }
        }
    }
}

/// A borrowed word map, so that `get` works on `&str`.
pub(crate) struct WordMapRef<'a>(&'a WordMap<u32>);

impl WordMapRef<'_> {
    #[inline]
    fn get(&self, k: &str) -> Option<&u32> {
        self.0.get(k)
    }
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
            let mut found = std::mem::take(&mut self.found);
            found.clear();
            self.candidates(tok.clone(), |f| found.push(f));
            if found.is_empty() {
                self.found = found;
                self.pos = tok.end;
                self.push_prev(tok.start, tok.end);
                continue;
            }
            // Longest first; on a tie, the reading with fewer proclitics.
            found.sort_by_key(|f| (std::cmp::Reverse(f.end), f.clitics.len));
            let inner = &self.g.inner;
            let mut chosen = None;
            for f in found.iter() {
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
            self.found = found;
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
                    let tok_start = f.start - f.clitics.len;
                    let mut hint = self.map_hint;
                    let full_start = self
                        .norm
                        .original_range_from(tok_start..tok_start, &mut hint)
                        .start;
                    let span = self.norm.original_range_from(f.start..f.end, &mut hint);
                    self.map_hint = hint;
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
