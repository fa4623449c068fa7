//! The scan: tokens of the text, normalized as they are read (`scan.rs`), proclitic-aware
//! lookups of their first word in a hash index, longest match first, and the context rules
//! for names that are also words.
//!
//! Offsets stay in the caller's text: the tokenizer reports original spans, so no offset map
//! is built. Only when the text has a character whose normalization depends on its
//! neighbours (a combining hamza or madda, a presentation form) does the scan normalize the
//! rest of the text with [`Normalizer::normalize`](crate::Normalizer::normalize) and map its
//! spans back; the results are the same either way (a property test checks it).

use std::sync::OnceLock;

use super::scan::{
    letter_code, tail_key, word_hash, Chunk, Gap, NeedsContext, ScanTable, Stop, Tok, TokBuf, TAIL,
};
use super::{Ambiguity, Gazetteer, KeyRec, Kind, Match};
use crate::normalize::Normalized;

pub(crate) use super::scan::tokens;

/// A node of the token trie: the key that ends here, if any, and whether longer keys go on.
#[derive(Clone, Copy, Debug, Default)]
struct Node {
    key: Option<u32>,
    has_children: bool,
}

/// An open-addressing hash table from (tag, word bytes) to a node. The scan index has two:
/// one for first words (tag 0 for the words as they are, tag 1 for first words that start
/// with the article, without it, for the contraction لل = ل + ال), and one for the words
/// that follow node `n` (tag `n`).
#[derive(Clone, Debug, Default)]
struct WordTable {
    slots: Vec<Slot>,
    shift: u32,
    /// The number of words stored.
    len: usize,
    /// Every stored word: its length (4 bytes, little-endian), then its bytes.
    arena: Vec<u8>,
}

/// 16 bytes, so that a probe touches one cache line.
#[derive(Clone, Copy, Debug)]
struct Slot {
    /// The low half of the tagged hash (the high bits chose the slot).
    hash: u32,
    tag: u32,
    /// `u32::MAX` for an empty slot.
    node: u32,
    /// Where the word is in the arena.
    at: u32,
}

const EMPTY: Slot = Slot {
    hash: 0,
    tag: 0,
    node: u32::MAX,
    at: 0,
};

/// The hash of a word under a tag.
#[inline(always)]
fn tagged(h: u64, tag: u32) -> u64 {
    if tag == 0 {
        h
    } else {
        (h ^ u64::from(tag)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

impl WordTable {
    fn with_capacity(entries: usize) -> WordTable {
        // A load factor of at most 2/3.
        let size = (entries * 3 / 2 + 1).next_power_of_two().max(16);
        WordTable {
            slots: vec![EMPTY; size],
            shift: 64 - size.trailing_zeros(),
            len: 0,
            arena: Vec::new(),
        }
    }

    fn place(&mut self, hash: u64, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        while self.slots[i].node != u32::MAX {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
    }

    /// Doubles the table.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        self.shift = 64 - size.trailing_zeros();
        for s in old.into_iter().filter(|s| s.node != u32::MAX) {
            let hash = tagged(word_hash(self.word_at(s.at)), s.tag);
            self.place(hash, s);
        }
    }

    #[inline(always)]
    fn word_at(&self, at: u32) -> &[u8] {
        let at = at as usize;
        let len = u32::from_le_bytes([
            self.arena[at],
            self.arena[at + 1],
            self.arena[at + 2],
            self.arena[at + 3],
        ]) as usize;
        &self.arena[at + 4..at + 4 + len]
    }

    #[inline(always)]
    fn get(&self, hash: u64, tag: u32, word: &[u8]) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s.node == u32::MAX {
                return None;
            }
            if s.hash == hash as u32 && s.tag == tag && self.word_at(s.at) == word {
                return Some(s.node);
            }
            i = (i + 1) & mask;
        }
    }

    /// The node stored for (tag, word), or `new` stored and returned.
    fn get_or_insert(&mut self, tag: u32, word: &[u8], new: impl FnOnce() -> u32) -> u32 {
        let hash = tagged(word_hash(word), tag);
        if let Some(n) = self.get(hash, tag, word) {
            return n;
        }
        if (self.len + 1) * 3 > self.slots.len() * 2 {
            self.grow();
        }
        let node = new();
        let slot = Slot {
            hash: hash as u32,
            tag,
            node,
            at: self.arena.len() as u32,
        };
        self.place(hash, slot);
        self.len += 1;
        self.arena
            .extend_from_slice(&(word.len() as u32).to_le_bytes());
        self.arena.extend_from_slice(word);
        node
    }
}

/// The scan index: a trie over the words of the keys, in one [`WordTable`], with a bloom
/// filter in front: a bit for the hash of every first word (and every first word without
/// its article), so most words of a text, which start no key, are rejected by one bit test.
#[derive(Debug)]
pub(crate) struct ScanIndex {
    nodes: Vec<Node>,
    /// First words (tags 0 and 1).
    first: WordTable,
    /// The words after a node (tag: the node).
    next: WordTable,
    bloom: Box<[u64; BLOOM_WORDS]>,
    /// The word skipper's filter: two bits for the [`tail_key`] of every word that may
    /// start a key (a first word behind any chain of proclitics).
    tails: Box<[u64; TAIL_WORDS]>,
    /// The tokenizer's table, made from the gazetteer's normalizer on the first scan.
    cells: OnceLock<ScanTable>,
    /// For each entity, the kind of the names it can vouch for in a list (see
    /// `Matches::list_partner`); made on the first scan.
    partners: OnceLock<Vec<Option<Kind>>>,
    /// Each entity's parent ([`NO_PARENT`] for none), made on the first scan.
    parents: OnceLock<Vec<u32>>,
}

/// An entity without a parent in [`ScanIndex::parents`] (and an empty slot of
/// `Matches::recent`).
const NO_PARENT: u32 = u32::MAX;

/// How many of the last matches the choice among homonyms looks at, and how far back (in
/// bytes of the original text: about a news article).
const RECENT: usize = 16;
const RECENT_BYTES: usize = 4_000;

/// How many ancestors of an entity the choice among homonyms looks at (parent chains are
/// village → subdistrict → district → governorate → country; a cycle in user data stops
/// here).
const CHAIN: usize = 8;

/// The filter has 2^10 words of 64 bits (8 KB, so that it stays in the L1 cache).
const BLOOM_WORD_BITS: u32 = 10;
const BLOOM_WORDS: usize = 1 << BLOOM_WORD_BITS;

/// The tail filter has 2^11 words of 64 bits (16 KB): with two bits for each of the 8,000
/// keys of the built-in gazetteer's first words, it lets through about 2% of the other words.
const TAIL_WORD_BITS: u32 = 11;
const TAIL_WORDS: usize = 1 << TAIL_WORD_BITS;

/// The chains of proclitics [`for_each_reading`] strips before a first word as it is
/// (tag 0), and before a first word without its article (tag 1, after لل).
const CHAINS: [&[&str]; 2] = [
    &[
        "", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل",
    ],
    &["لل", "ولل", "فلل"],
];

/// The tail filter's word and bits for a [`tail_key`]: two bits in one word.
#[inline(always)]
fn tail_bits(key: u64) -> (usize, u64) {
    let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let word = (h >> (64 - TAIL_WORD_BITS)) as usize;
    (word, 1 << (h >> 40 & 63) | 1 << (h >> 46 & 63))
}

/// Sets the tail filter's bits for `word` (normalized) behind each chain of proclitics of
/// `tag`. A word with a character outside U+0600–U+06FF or not of two bytes gets none: the
/// skipper leaves words with such characters to the tokenizer.
fn add_tails(tails: &mut [u64; TAIL_WORDS], word: &[u8], tag: usize) {
    let two_byte = |p: &[u8]| matches!(p, [0xD8..=0xDB, _]);
    if !word.len().is_multiple_of(2) || !word.chunks(2).all(two_byte) {
        return;
    }
    // The codes of the word's last letters, from the last; a chain's letters go before.
    let mut word_last = [0u16; TAIL];
    let mut n = 0;
    for (code, p) in word_last.iter_mut().zip(word.rchunks(2)) {
        *code = letter_code(p[0], p[1]);
        n += 1;
    }
    // A chain changes the key only of a word shorter than that.
    let chains = if n == TAIL {
        &CHAINS[tag][..1]
    } else {
        CHAINS[tag]
    };
    for chain in chains {
        let mut last_first = word_last;
        for (code, p) in last_first[n..].iter_mut().zip(chain.as_bytes().rchunks(2)) {
            *code = letter_code(p[0], p[1]);
        }
        let (w, bits) = tail_bits(tail_key(last_first));
        tails[w] |= bits;
    }
}

impl ScanIndex {
    pub(crate) fn new(keys: &[KeyRec]) -> ScanIndex {
        let mut first_table = WordTable::with_capacity(keys.len());
        let mut next_table = WordTable::with_capacity(keys.len() / 2);
        let mut nodes: Vec<Node> = Vec::new();
        let mut bloom = Box::new([0u64; BLOOM_WORDS]);
        let mut tails = Box::new([0u64; TAIL_WORDS]);
        let mut set_bloom = |h: u64| {
            let (word, mask) = ScanIndex::bloom_bits(h);
            bloom[word] |= mask;
        };
        for (k, rec) in keys.iter().enumerate() {
            let mut words = rec.key.split(' ');
            let Some(first) = words.next() else { continue };
            let first = first.as_bytes();
            let before = nodes.len();
            let mut node = first_table.get_or_insert(0, first, || before as u32);
            if node as usize == before {
                nodes.push(Node::default());
                set_bloom(word_hash(first));
                add_tails(&mut tails, first, 0);
                if let Some(bare) = first.strip_prefix("ال".as_bytes()) {
                    if !bare.is_empty() {
                        first_table.get_or_insert(1, bare, || node);
                        set_bloom(tagged(word_hash(bare), 1));
                        add_tails(&mut tails, bare, 1);
                    }
                }
            }
            for w in words {
                let before = nodes.len();
                nodes[node as usize].has_children = true;
                let next = next_table.get_or_insert(node, w.as_bytes(), || before as u32);
                if next as usize == before {
                    nodes.push(Node::default());
                }
                node = next;
            }
            nodes[node as usize].key = Some(k as u32);
        }
        ScanIndex {
            nodes,
            first: first_table,
            next: next_table,
            bloom,
            tails,
            cells: OnceLock::new(),
            partners: OnceLock::new(),
            parents: OnceLock::new(),
        }
    }

    /// The bloom filter's word and bits for tagged hash `h`: two bits in one word.
    #[inline(always)]
    fn bloom_bits(h: u64) -> (usize, u64) {
        let word = (h >> (64 - BLOOM_WORD_BITS)) as usize;
        let mask = 1u64 << ((h >> 20) & 63) | 1u64 << ((h >> 26) & 63);
        (word, mask)
    }

    /// Whether a word with tagged hash `h` may be a first word (no false negatives).
    #[inline(always)]
    fn may_be_first(&self, h: u64) -> bool {
        let (word, mask) = Self::bloom_bits(h);
        self.bloom[word] & mask == mask
    }

    /// Whether a word with this [`tail_key`] may start a name (no false negatives).
    #[inline(always)]
    fn may_end_first(&self, key: u64) -> bool {
        let (w, bits) = tail_bits(key);
        self.tails[w] & bits == bits
    }

    /// Whether the token in `buf` may start a name: the filter lets one of its readings
    /// through (no false negatives).
    #[inline(always)]
    fn may_start_name(&self, buf: &TokBuf) -> bool {
        for_each_reading(buf.bytes(), |from, tag, _| {
            self.may_be_first(tagged(buf.hash_from(from), tag))
        })
    }

    /// The node of the first word `buf.bytes()[from..]` under `tag`, if it is one.
    #[inline(always)]
    fn lookup_first(&self, buf: &TokBuf, from: usize, tag: u32) -> Option<u32> {
        let h = tagged(buf.hash_from(from), tag);
        if !self.may_be_first(h) {
            return None;
        }
        self.first.get(h, tag, &buf.bytes()[from..])
    }
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

/// What a context word says about the name after it: one bit of a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// A place word ([`PLACE_WORDS`]).
    Place = 1,
    /// A locative ([`LOCATIVES`]).
    Locative = 2,
    /// A word for the members, positions or foes of an armed group ([`UNIT_WORDS`]).
    Unit = 4,
}

impl Ctx {
    /// Whether the set `kinds` has this kind.
    fn is_in(self, kinds: u8) -> bool {
        kinds & self as u8 != 0
    }
}

/// The context words and what each says.
static CONTEXT_WORDS: std::sync::LazyLock<
    std::collections::HashMap<&'static str, Ctx, crate::hash::BuildWordHasher>,
> = std::sync::LazyLock::new(|| {
    let mut m = std::collections::HashMap::default();
    for w in UNIT_WORDS {
        m.insert(*w, Ctx::Unit);
    }
    for w in LOCATIVES {
        m.insert(*w, Ctx::Locative);
    }
    // A word in both lists counts as a place word (it serves strong names too).
    for w in PLACE_WORDS {
        m.insert(*w, Ctx::Place);
    }
    m
});

/// Words after which a weakly ambiguous name of an armed group is that group (normalized):
/// its members, leaders, cells and positions, and the prepositions of fighting with or
/// against it (عناصر النصرة، مقاتلو العصائب، معارك مع الدفاع الوطني).
const UNIT_WORDS: &[&str] = &[
    "عناصر",
    "عنصر",
    "مقاتلو",
    "مقاتلي",
    "مسلحو",
    "مسلحي",
    "خلايا",
    "خليه",
    "قاده",
    "قايد",
    "قيادي",
    "قياديا",
    "امير",
    "مواقع",
    "معاقل",
    "نقاط",
    "صفوف",
    "مع",
    "ضد",
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

/// Whether `word` is only a chain of proclitics (و ف ب ك ل, e.g. the لـ of لـ«داعش»): one
/// of them, or و/ف then ب/ك/ل.
fn is_clitic_chain(word: &str) -> bool {
    let b = word.as_bytes();
    let letter = |i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    match b.len() {
        2 => matches!(letter(0), WAW | FA | BA | KAF | LAM),
        4 => matches!(letter(0), WAW | FA) && matches!(letter(2), BA | KAF | LAM),
        _ => false,
    }
}

/// How the first word of a match was read: the proclitics stripped from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Clitics {
    /// Normalized bytes of proclitics before the name in the token.
    len: u8,
    conj: bool,
    /// The preposition: 0 for none, else `b'b'` (ب), `b'k'` (ك) or `b'l'` (ل).
    prep: u8,
}

/// A token with its span in the scanned text and in the original.
#[derive(Clone, Copy, Debug)]
struct Span {
    src: Tok,
    orig: Tok,
}

#[derive(Clone, Copy, Debug)]
struct Found {
    key: u32,
    clitics: Clitics,
    /// The first and the last token of the match.
    first: Span,
    last: Span,
}

/// Whether a word (as in the original text) ends in a letter with tanween ً ٌ ٍ, before or
/// after a final alef (درعاً, درعًا) and other marks.
fn ends_in_tanween(word: &str) -> bool {
    let mut alef = false;
    for c in word.chars().rev() {
        match c {
            '\u{064B}'..='\u{064D}' => return true,
            '\u{064E}'..='\u{0652}' | '\u{0640}' => {}
            'ا' if !alef => alef = true,
            _ => return false,
        }
    }
    false
}

/// The rest of a text normalized as a whole, from original byte `cut` on.
#[derive(Debug)]
struct Mapped<'t> {
    cut: usize,
    norm: Normalized<'t>,
    hint: usize,
}

/// The lazy iterator over the matches in a text. Made by [`Gazetteer::tag`].
pub struct Matches<'g, 't> {
    g: &'g Gazetteer,
    cells: &'g ScanTable,
    partners: &'g [Option<Kind>],
    parents: &'g [u32],
    /// The last matched entities and the original offsets where they end, the latest at
    /// `recent_at - 1` (a ring): a name several entities share takes the one nearest to
    /// them.
    recent: [(u32, usize); RECENT],
    recent_at: usize,
    text: &'t str,
    /// Set once the scan met a character that needs the whole-text normalizer.
    mapped: Option<Mapped<'t>>,
    /// Where the scan goes on, in the scanned text (the original, or `mapped`'s).
    pos: usize,
    /// The last two tokens, in original offsets.
    prev: [Option<Tok>; 2],
    /// Original end and entity of the last match, for the list rule.
    last: Option<(usize, u32)>,
    /// End of the last match's span (after a closing quote it took in).
    emitted: usize,
    /// The readings found at the current token (kept to reuse its allocation).
    found: Vec<Found>,
    /// Scratch for the readings of a neighbour (the list rule).
    spare: Vec<Found>,
    buf: Box<TokBuf>,
    look: Box<TokBuf>,
    /// The last token read ahead into `look`, and where its read started.
    ahead: Option<(usize, Span)>,
    /// Tokens to read before the word skipper is tried again, and how many it was the
    /// last time it could not skip one word (text it cannot read, such as diacritized
    /// words, backs it off).
    skip_wait: u32,
    skip_backoff: u32,
    /// The skipper's last chunk.
    chunk: Option<Chunk>,
}

/// Calls `f` with every reading of a normalized word: where the name would start, the
/// table tag (1 for a first word read after لل without its article), and the proclitics
/// stripped. The word itself first, then after و/ف, ب/ك/ل and لل; each reading keeps at
/// least two letters. Stops at the first call that returns true, and says whether one did.
#[inline(always)]
fn for_each_reading(b: &[u8], mut f: impl FnMut(usize, u32, Clitics) -> bool) -> bool {
    if f(0, 0, Clitics::default()) {
        return true;
    }
    let n = b.len();
    if n < 6 || !matches!(u16::from_le_bytes([b[0], b[1]]), WAW | FA | BA | KAF | LAM) {
        return false;
    }
    let at = |i: usize| -> u16 {
        match b.get(i..i + 2) {
            Some(s) => u16::from_le_bytes([s[0], s[1]]),
            None => 0,
        }
    };
    let conj = matches!(at(0), WAW | FA);
    for (has_conj, base) in [(false, 0), (true, 2)] {
        if has_conj && !conj {
            continue;
        }
        if has_conj && n >= base + 4 {
            let clitics = Clitics {
                len: base as u8,
                conj: true,
                prep: 0,
            };
            if f(base, 0, clitics) {
                return true;
            }
        }
        let prep = match at(base) {
            BA => b'b',
            KAF => b'k',
            LAM => b'l',
            _ => continue,
        };
        let clitics = Clitics {
            len: base as u8 + 2,
            conj: has_conj,
            prep,
        };
        if n >= base + 6 && f(base + 2, 0, clitics) {
            return true;
        }
        // لل + rest: the name is ال + rest; its span starts at the article's ل.
        if prep == b'l' && at(base + 2) == LAM && n >= base + 8 && f(base + 4, 1, clitics) {
            return true;
        }
    }
    false
}

impl std::fmt::Debug for Matches<'_, '_> {
    /// Where the scan is (a byte offset into the text, or into its normalized rest once
    /// the scan has switched to it).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matches")
            .field("gazetteer", self.g)
            .field("text_len", &self.text.len())
            .field("pos", &self.pos)
            .field("normalized_from", &self.mapped.as_ref().map(|m| m.cut))
            .finish_non_exhaustive()
    }
}

// Proclitic letters: و ف ب ك ل, compared as their two UTF-8 bytes.
const WAW: u16 = u16::from_le_bytes([0xD9, 0x88]);
const FA: u16 = u16::from_le_bytes([0xD9, 0x81]);
const BA: u16 = u16::from_le_bytes([0xD8, 0xA8]);
const KAF: u16 = u16::from_le_bytes([0xD9, 0x83]);
const LAM: u16 = u16::from_le_bytes([0xD9, 0x84]);

impl<'g, 't> Matches<'g, 't> {
    pub(crate) fn new(g: &'g Gazetteer, text: &'t str) -> Matches<'g, 't> {
        let cells = g
            .inner
            .scan
            .cells
            .get_or_init(|| ScanTable::new(&g.inner.normalizer));
        // An entity vouches for a neighbour of its own kind in a list; for places only a
        // local one (a town, a village, a base …), not a country, governorate or region,
        // whose commas and conjunctions join clauses as often as lists.
        let partners = g.inner.scan.partners.get_or_init(|| {
            g.inner
                .entities
                .iter()
                .map(|e| {
                    let wide = matches!(
                        e.entity_type.as_str(),
                        "country" | "governorate" | "region" | "desert" | "river" | "lake"
                    );
                    (e.kind == Kind::Unit || !wide).then_some(e.kind)
                })
                .collect()
        });
        let parents = g.inner.scan.parents.get_or_init(|| {
            let inner = &g.inner;
            inner
                .entities
                .iter()
                .map(|e| {
                    e.parent()
                        .and_then(|p| inner.by_id.get(p).copied())
                        .unwrap_or(NO_PARENT)
                })
                .collect()
        });
        Matches {
            g,
            cells,
            partners,
            parents,
            recent: [(NO_PARENT, 0); RECENT],
            recent_at: 0,
            text,
            mapped: None,
            pos: 0,
            prev: [None, None],
            last: None,
            emitted: 0,
            found: Vec::with_capacity(8),
            spare: Vec::with_capacity(8),
            buf: Box::default(),
            look: Box::default(),
            ahead: None,
            skip_wait: 0,
            skip_backoff: 0,
            chunk: None,
        }
    }

    /// The same scan with the whole text normalized first (the reference for the tests).
    #[cfg(test)]
    pub(crate) fn new_mapped(g: &'g Gazetteer, text: &'t str) -> Matches<'g, 't> {
        let mut m = Matches::new(g, text);
        m.switch_to_mapped();
        m
    }

    /// From the current position on, scan the normalized text.
    fn switch_to_mapped(&mut self) {
        debug_assert!(self.mapped.is_none());
        let cut = self.pos;
        self.mapped = Some(Mapped {
            cut,
            norm: self.g.inner.normalizer.normalize(&self.text[cut..]),
            hint: 0,
        });
        self.pos = 0;
        self.ahead = None;
    }

    /// The next token at or after `pos` of the scanned text, into `buf` or `look`.
    #[inline(always)]
    fn token(&mut self, pos: usize, look: bool) -> Result<Option<Span>, NeedsContext> {
        if look {
            let t = self.read_token(pos, true)?;
            self.ahead = t.map(|t| (pos, t));
            return Ok(t);
        }
        // The token a lookahead read already (the word after a first word that did not
        // complete a name, most often) is taken over, not read again.
        if let Some((at, t)) = self.ahead.take() {
            if at == pos {
                std::mem::swap(&mut self.buf, &mut self.look);
                return Ok(Some(t));
            }
        }
        self.read_token(pos, false)
    }

    #[inline(always)]
    fn read_token(&mut self, pos: usize, look: bool) -> Result<Option<Span>, NeedsContext> {
        let buf = if look { &mut self.look } else { &mut self.buf };
        match &mut self.mapped {
            None => {
                let t = self.cells.next_token(self.text, pos, buf, false)?;
                Ok(t.map(|t| Span { src: t, orig: t }))
            }
            Some(m) => {
                let Some(t) = self.cells.next_token(m.norm.as_str(), pos, buf, true)? else {
                    return Ok(None);
                };
                let r = m.norm.original_range_from(t.start..t.end, &mut m.hint);
                Ok(Some(Span {
                    src: t,
                    orig: Tok {
                        start: m.cut + r.start,
                        end: m.cut + r.end,
                    },
                }))
            }
        }
    }

    /// The original offset where a name starts after `clitics` normalized bytes of the
    /// token `tok`.
    fn name_start(&mut self, tok: Span, clitics: usize) -> usize {
        match &mut self.mapped {
            None => self.cells.offset_after(self.text, tok.src.start, clitics),
            Some(m) => {
                let at = tok.src.start + clitics;
                m.cut + m.norm.original_range_from(at..at, &mut m.hint).start
            }
        }
    }

    /// Every reading of the token in `buf` (whole, or after proclitics) that starts a key,
    /// and each key it starts (walking the trie over the next tokens); pushes them to
    /// `found`.
    #[inline]
    fn candidates(&mut self, tok: Span, look: bool) -> Result<(), NeedsContext> {
        let g = self.g;
        let idx = &g.inner.scan;
        let buf = if look { &self.look } else { &self.buf };
        let b = buf.bytes();
        let mut hits = [(0u32, Clitics::default()); 5];
        let mut nhits = 0;
        for_each_reading(b, |from, tag, clitics| {
            if let Some(node) = idx.lookup_first(buf, from, tag) {
                hits[nhits] = (node, clitics);
                nhits += 1;
            }
            false
        });
        for &(node, clitics) in &hits[..nhits] {
            self.walk(node, clitics, tok)?;
        }
        Ok(())
    }

    /// Walks the trie from `node` over the tokens after `first`; every key on the way is a
    /// candidate.
    fn walk(&mut self, node: u32, clitics: Clitics, first: Span) -> Result<(), NeedsContext> {
        let g = self.g;
        let idx = &g.inner.scan;
        let mut id = node;
        let mut last = first;
        loop {
            let node = idx.nodes[id as usize];
            if let Some(key) = node.key {
                self.found.push(Found {
                    key,
                    clitics,
                    first,
                    last,
                });
            }
            if !node.has_children {
                return Ok(());
            }
            let Some(next) = self.token(last.src.end, true)? else {
                return Ok(());
            };
            if !self.gap_between(last.orig.end, next.orig.start).name {
                return Ok(());
            }
            let h = tagged(self.look.hash_from(0), id);
            match idx.next.get(h, id, self.look.bytes()) {
                Some(n) => id = n,
                None => return Ok(()),
            }
            last = next;
        }
    }
}

/// Words after which a strongly ambiguous name is a place, and locatives: see below.
impl<'g, 't> Matches<'g, 't> {
    /// The gap between two tokens, from original offset `end` to `start`. Tokens that come
    /// from one original character (a ligature such as ﷻ, which normalizes to two words)
    /// have no gap that a name or a list may cross.
    fn gap_between(&self, end: usize, start: usize) -> Gap {
        match self.text.get(end..start) {
            Some(g) => self.cells.gap(g),
            None => Gap {
                name: false,
                list: false,
                sep: false,
            },
        }
    }

    /// The normalized form of an original span.
    fn normalized(&self, t: Tok) -> std::borrow::Cow<'t, str> {
        self.g
            .inner
            .normalizer
            .normalize_str(&self.text[t.start..t.end])
    }

    /// The previous token that can carry context (skipping a lone proclitic token), when
    /// the gap between it and original offset `at` is a name gap.
    fn context_word(&self, at: usize) -> Option<std::borrow::Cow<'t, str>> {
        let mut at = at;
        for p in self.prev.iter().flatten() {
            if p.end > at || !self.cells.gap(&self.text[p.end..at]).name {
                return None;
            }
            let w = self.normalized(*p);
            if is_clitic_chain(&w) {
                at = p.start;
                continue;
            }
            return Some(w);
        }
        None
    }

    /// The kinds of context word (a set of [`Ctx`] bits) that the word before original
    /// offset `at` is, as it is or without its proclitics.
    #[inline(never)]
    fn context_before(&self, at: usize) -> u8 {
        let Some(w) = self.context_word(at) else {
            return 0;
        };
        let kind = |f: &str| CONTEXT_WORDS.get(f).map_or(0, |&c| c as u8);
        let mut kinds = kind(&w);
        crate::stem::for_each_proclitic_split(&w, |r| kinds |= kind(r));
        kinds
    }

    /// Whether the match is in a list with a place before or after it.
    fn in_list(&mut self, f: &Found, kind: Kind) -> Result<bool, NeedsContext> {
        let tok_start = f.first.orig.start;
        if let Some((end, e)) = self.last {
            if self.list_partner(e, kind) && end <= tok_start {
                let gap = self.cells.gap(&self.text[end..tok_start]);
                if gap.list && (f.clitics.conj || gap.sep) {
                    return Ok(true);
                }
            }
        }
        // Look ahead: the next token starts an unambiguous name of the same kind.
        let Some(next) = self.token(f.last.src.end, true)? else {
            return Ok(false);
        };
        let gap = self.gap_between(f.last.orig.end, next.orig.start);
        if !gap.list {
            return Ok(false);
        }
        let saved = std::mem::replace(&mut self.found, std::mem::take(&mut self.spare));
        self.found.clear();
        let result = self.candidates(next, true);
        let inner = &self.g.inner;
        let ok = self.found.iter().any(|n| {
            let rec = &inner.keys[n.key as usize];
            !rec.stop
                && rec.ambiguity == Ambiguity::None
                && (gap.sep || n.clitics.conj)
                && rec
                    .names
                    .first()
                    .is_some_and(|&(e, _)| self.list_partner(e, kind))
        });
        self.spare = std::mem::replace(&mut self.found, saved);
        result?;
        Ok(ok)
    }

    /// Which of the key's names the candidate is: of those whose ambiguity level its
    /// context satisfies, the one that shares the deepest ancestor (or is itself one) with
    /// an entity matched in the last [`RECENT_BYTES`] (a village of a governorate the text
    /// has just named, a city of a country it named), else the most prominent (the first).
    /// The names of most keys are one entity's, at one level.
    fn name_in_context(&mut self, f: &Found, rec: &KeyRec) -> Result<Option<usize>, NeedsContext> {
        let inner = &self.g.inner;
        // A word with tanween is an indefinite noun, never a place's name (درعاً "a shield",
        // حماةٍ "guardians"). Tanween is a mark: only a text with marks can show it.
        let indefinite = || ends_in_tanween(&self.text[f.last.orig.start..f.last.orig.end]);
        if let [(e, _)] = rec.names[..] {
            // One name (at the key's level): no choice to make, and the hot path.
            let kind = inner.entities[e as usize].kind;
            let indefinite_place = kind == Kind::Place && indefinite();
            return Ok(
                (!indefinite_place && self.context_ok(f, rec.ambiguity, kind)?).then_some(0),
            );
        }
        let levels =
            (rec.levels_at != super::ONE_LEVEL).then(|| &inner.levels[rec.levels_at as usize..]);
        let mut best: Option<(Option<usize>, usize)> = None;
        for (i, &(e, _)) in rec.names.iter().enumerate() {
            let kind = inner.entities[e as usize].kind;
            let level = levels.map_or(rec.ambiguity, |l| l[i]);
            if (kind == Kind::Place && indefinite()) || !self.context_ok(f, level, kind)? {
                continue;
            }
            if self.recent_at == 0 {
                return Ok(Some(i));
            }
            let depth = self.anchor_depth(e, f.first.orig.start);
            if best.is_none_or(|(d, _)| depth > d) {
                best = Some((depth, i));
            }
        }
        Ok(best.map(|(_, i)| i))
    }

    /// `e` and its ancestors, the nearest first, and how many.
    fn chain(&self, e: u32) -> ([u32; CHAIN], usize) {
        let mut chain = [NO_PARENT; CHAIN];
        let mut len = 0;
        let mut x = e;
        while x != NO_PARENT && len < CHAIN {
            chain[len] = x;
            len += 1;
            x = self.parents.get(x as usize).copied().unwrap_or(NO_PARENT);
        }
        (chain, len)
    }

    /// The depth (from the top of its chain, 0) of the nearest of `e` and its ancestors
    /// that is also one of a recent match's before original offset `at`, if any.
    fn anchor_depth(&self, e: u32, at: usize) -> Option<usize> {
        let (chain, len) = self.chain(e);
        let mut best = None;
        for &(r, end) in &self.recent {
            if r == NO_PARENT || end + RECENT_BYTES < at {
                continue;
            }
            let (theirs, their_len) = self.chain(r);
            if let Some(j) = (0..len).find(|&j| theirs[..their_len].contains(&chain[j])) {
                best = best.max(Some(len - 1 - j));
            }
        }
        best
    }

    /// Notes a match of entity `e` ending at original offset `end` (see
    /// [`Matches::name_in_context`]).
    fn record(&mut self, e: u32, end: usize) {
        self.recent[self.recent_at % RECENT] = (e, end);
        self.recent_at += 1;
    }

    /// Whether entity `e` can vouch for a neighbour of kind `kind` in a list: same kind,
    /// and for places a local one (a town, a village, a base …), not a country, governorate
    /// or region, whose commas and conjunctions join clauses as often as lists.
    fn list_partner(&self, e: u32, kind: Kind) -> bool {
        self.partners[e as usize] == Some(kind)
    }

    fn context_ok(
        &mut self,
        f: &Found,
        level: Ambiguity,
        kind: Kind,
    ) -> Result<bool, NeedsContext> {
        let tok_start = f.first.orig.start;
        Ok(match level {
            Ambiguity::None => true,
            Ambiguity::Weak if f.clitics.prep == b'b' => true,
            Ambiguity::Weak => {
                let kinds = self.context_before(tok_start);
                Ctx::Place.is_in(kinds)
                    || (kind == Kind::Unit && Ctx::Unit.is_in(kinds))
                    || (Ctx::Locative.is_in(kinds) && !self.adjective_follows(f)?)
                    || self.in_list(f, kind)?
            }
            Ambiguity::Strong => {
                Ctx::Place.is_in(self.context_before(tok_start)) || self.in_list(f, kind)?
            }
        })
    }

    /// Whether a definite feminine adjective (ال…ية) follows the match: after a mere
    /// locative, the name is then a noun with its adjective (في الميادين الرياضية "in the
    /// sports fields"), not a place.
    fn adjective_follows(&mut self, f: &Found) -> Result<bool, NeedsContext> {
        let Some(next) = self.token(f.last.src.end, true)? else {
            return Ok(false);
        };
        if !self.gap_between(f.last.orig.end, next.orig.start).name {
            return Ok(false);
        }
        let w = self.look.bytes();
        Ok(w.len() >= 10 && w.starts_with("ال".as_bytes()) && w.ends_with("يه".as_bytes()))
    }

    fn push_prev(&mut self, t: Tok) {
        self.prev[1] = self.prev[0];
        self.prev[0] = Some(t);
    }

    /// Moves the scan past the words that cannot start a name, as far as the word skipper
    /// can read the text (see [`ScanTable::skip_words`]).
    #[inline(always)]
    fn skip_words(&mut self) {
        if self.skip_wait > 0 {
            self.skip_wait -= 1;
            return;
        }
        // The skipper reads the original text only, and a token read ahead is read once.
        if self.mapped.is_some() || self.ahead.is_some_and(|(at, _)| at == self.pos) {
            return;
        }
        let idx = &self.g.inner.scan;
        let (pos, stop, count) = self.cells.skip_words(
            self.text,
            self.pos,
            &mut self.chunk,
            |key| idx.may_end_first(key),
            &mut self.prev,
            &mut self.look,
        );
        self.pos = pos;
        match stop {
            // The word is read: the tokenizer takes it over as if read ahead.
            Stop::Read(t) => {
                self.ahead = Some((pos, Span { src: t, orig: t }));
                self.skip_backoff = 0;
            }
            _ if count > 0 => self.skip_backoff = 0,
            Stop::Other => {
                self.skip_backoff = (self.skip_backoff * 2).clamp(1, 64);
                self.skip_wait = self.skip_backoff;
            }
            Stop::End => {}
        }
    }

    /// One step of the scan: the next match, `Ok(None)` at the end of the text.
    fn step(&mut self) -> Result<Option<Match<'g>>, NeedsContext> {
        loop {
            self.skip_words();
            let Some(tok) = self.token(self.pos, false)? else {
                return Ok(None);
            };
            // Most words start no name: the filter rejects all their readings.
            if !self.g.inner.scan.may_start_name(&self.buf) {
                self.pos = tok.src.end;
                self.push_prev(tok.orig);
                continue;
            }
            self.found.clear();
            self.candidates(tok, false)?;
            if self.found.is_empty() {
                self.pos = tok.src.end;
                self.push_prev(tok.orig);
                continue;
            }
            // Longest first; on a tie, the reading with fewer proclitics.
            self.found
                .sort_by_key(|f| (std::cmp::Reverse(f.last.src.end), f.clitics.len));
            let found = std::mem::take(&mut self.found);
            let inner = &self.g.inner;
            let mut chosen = Ok(None);
            for f in found.iter() {
                let rec = &inner.keys[f.key as usize];
                if rec.stop {
                    chosen = Ok(Some((*f, None)));
                    break;
                }
                match self.name_in_context(f, rec) {
                    Ok(Some(i)) => {
                        chosen = Ok(Some((*f, Some(i))));
                        break;
                    }
                    Ok(None) => {}
                    Err(e) => {
                        chosen = Err(e);
                        break;
                    }
                }
            }
            self.found = found;
            match chosen? {
                None => {
                    self.pos = tok.src.end;
                    self.push_prev(tok.orig);
                }
                Some((f, None)) => {
                    self.pos = f.last.src.end;
                    self.push_prev(Tok {
                        start: f.last.orig.start,
                        end: f.last.orig.end,
                    });
                    self.last = None;
                }
                Some((f, Some(i))) => {
                    self.pos = f.last.src.end;
                    self.push_prev(f.last.orig);
                    let rec = &self.g.inner.keys[f.key as usize];
                    let (e, name) = rec.names[i];
                    self.last = Some((f.last.orig.end, e));
                    self.record(e, f.last.orig.end);
                    let mut start = self.name_start(f.first, f.clitics.len as usize);
                    let mut end = f.last.orig.end;
                    // Quote marks lie between tokens: in the span, only between its first
                    // and last.
                    let inner = self
                        .text
                        .as_bytes()
                        .get(f.first.orig.end..f.last.orig.start);
                    if inner.is_some_and(|g| g.iter().any(|&b| may_be_mark(b))) {
                        (start, end) = balance_marks(self.text, start, end, self.emitted);
                    }
                    self.emitted = end;
                    return Ok(Some(Match {
                        start,
                        end,
                        proclitic_start: f.first.orig.start.min(start),
                        gazetteer: self.g,
                        key: f.key,
                        entity: e,
                        name,
                    }));
                }
            }
        }
    }
}

/// A quote mark or bracket: its pair (0 for the double quotes, which open or close by
/// their place) and whether it opens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Either,
    Open(u8),
    Close(u8),
}

fn mark(c: char) -> Option<Mark> {
    Some(match c {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => Mark::Either,
        '«' => Mark::Open(1),
        '»' => Mark::Close(1),
        '‹' => Mark::Open(2),
        '›' => Mark::Close(2),
        '(' => Mark::Open(3),
        ')' => Mark::Close(3),
        '[' => Mark::Open(4),
        ']' => Mark::Close(4),
        _ => return None,
    })
}

/// Whether a double quote after `c` closes a quotation (it follows a word).
fn closes_after(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || ('\u{0610}'..='\u{06FF}').contains(&c))
}

/// Whether `b` may be a byte of a quote mark or bracket that [`balance_marks`] pairs.
fn may_be_mark(b: u8) -> bool {
    matches!(b, b'"' | b'(' | b')' | b'[' | b']' | 0xC2 | 0xE2)
}

/// The span `start..end` of a name in `text`, grown to take in the other mark of a pair of
/// quotes or brackets when the span holds only one of them and the other is next to it
/// (تنظيم “الدولة” rather than تنظيم “الدولة); the start goes no lower than `floor`.
/// Unchanged when the marks in the span cross, or a side cannot be completed.
#[cold]
#[inline(never)]
fn balance_marks(text: &str, start: usize, end: usize, floor: usize) -> (usize, usize) {
    let Some(span) = text.get(start..end) else {
        return (start, end);
    };
    // Pairs are 0 (double quotes) to 4; at most eight open or unmatched marks are kept.
    let (mut open, mut nopen) = ([0u8; 8], 0);
    let (mut close, mut nclose) = ([0u8; 8], 0);
    for (i, c) in span.char_indices() {
        let Some(m) = mark(c) else { continue };
        let (pair, closing) = match m {
            Mark::Either => (0, closes_after(text[..start + i].chars().next_back())),
            Mark::Open(p) => (p, false),
            Mark::Close(p) => (p, true),
        };
        if !closing {
            if nopen == open.len() {
                return (start, end);
            }
            open[nopen] = pair;
            nopen += 1;
        } else if nopen > 0 {
            if open[nopen - 1] != pair {
                return (start, end);
            }
            nopen -= 1;
        } else {
            if nclose == close.len() {
                return (start, end);
            }
            close[nclose] = pair;
            nclose += 1;
        }
    }
    let fits = |c: Option<char>, pair: u8, opening: bool| match c.and_then(mark) {
        Some(Mark::Either) => pair == 0,
        Some(Mark::Open(p)) => opening && p == pair,
        Some(Mark::Close(p)) => !opening && p == pair,
        None => false,
    };
    // Unmatched closing marks, innermost first, take the opening marks before the span.
    let mut new_start = start;
    for &pair in &close[..nclose] {
        let c = text[..new_start].chars().next_back();
        if !fits(c, pair, true) {
            new_start = start;
            break;
        }
        new_start -= c.map_or(0, char::len_utf8);
    }
    if new_start < floor {
        new_start = start;
    }
    // Unclosed opening marks, innermost first, take the closing marks after the span.
    let mut new_end = end;
    for &pair in open[..nopen].iter().rev() {
        let c = text[new_end..].chars().next();
        if !fits(c, pair, false) {
            new_end = end;
            break;
        }
        new_end += c.map_or(0, char::len_utf8);
    }
    (new_start, new_end)
}

impl<'g, 't> Iterator for Matches<'g, 't> {
    type Item = Match<'g>;

    fn next(&mut self) -> Option<Match<'g>> {
        loop {
            match self.step() {
                Ok(m) => return m,
                // A character the tokenizer cannot normalize alone: normalize the rest of
                // the text from the token being read, and read it again.
                Err(NeedsContext) => self.switch_to_mapped(),
            }
        }
    }
}

impl std::iter::FusedIterator for Matches<'_, '_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of text: names, context words, clitics, marks, and the characters that make the
    /// scan fall back to the whole-text normalizer.
    const PIECES: &[&str] = &[
        "دير الزور",
        "ديرالزور",
        "الباب",
        "مدينة",
        "في",
        "و",
        "ب",
        "ل",
        "لل",
        "ال",
        "حلب",
        "حماة",
        "الميادين",
        "البوكمال",
        "قوات سوريا الديمقراطية",
        "قسد",
        "داعش",
        "تنظيم",
        "الدولة",
        "الفرقة",
        "17",
        "١٧",
        "«",
        "»",
        "“",
        "”",
        "، ",
        ",",
        " - ",
        " ",
        " ",
        "\n",
        "\u{064E}",
        "\u{0651}",
        "\u{0640}",
        "\u{200F}",
        "\u{200C}",
        "\u{0654}",
        "\u{0653}",
        "ﻻ",
        "ﺣﻠﺐ",
        "\u{FDF2}",
        "أ",
        "إ",
        "ة",
        "ى",
        "ی",
        "ک",
        "x",
        "ab",
        "é",
        "(",
        ")",
        "[",
        ".",
        "السلمية",
        "مخيم",
        "الهول",
        "شرق",
        "غربي",
        "والحسكة",
        "للتحالف الدولي",
        "وَحلب",
        "بِـدير الزور",
        "لـ«داعش»",
        "فَلِلْحسكة",
        "حمصُ",
        "وَ",
        "بِ",
        "لِل",
    ];

    fn collect(m: Matches<'_, '_>) -> Vec<(usize, usize, usize, u32)> {
        m.map(|m| (m.start, m.end, m.proclitic_start, m.key))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn fused_scan_equals_whole_text_normalization(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
        ) {
            let text: String = parts.concat();
            let g = Gazetteer::builtin();
            let fast = collect(Matches::new(g, &text));
            let mapped = collect(Matches::new_mapped(g, &text));
            prop_assert_eq!(fast, mapped, "text {:?}", text);
        }
    }

    /// Words that start no name (most words of a text), and separators, for texts long
    /// enough for the word skipper.
    const FILLER: &[&str] = &[
        "قال",
        "المتحدث",
        "إنَّ",
        "الهجوم",
        "أسفر",
        "عن",
        "مقتلِ",
        "عشرة",
        "مدنيين",
        "وأضاف",
        "أمس",
        "كانت",
        "الاشتباكات",
        "عنيفةً",
        "بين",
        "الطرفين",
        "يوم",
        "ـ",
        "ه",
        " ",
        " ",
        " ",
        "، ",
        "؟ ",
        ". ",
        "\n",
    ];

    /// The pieces that the word skipper reads, and the rest (which stop it).
    fn long_text() -> impl Strategy<Value = String> {
        let pieces: Vec<&'static str> = PIECES
            .iter()
            .chain(FILLER)
            .chain(FILLER)
            .copied()
            // Left out: what makes the whole text go to the whole-text normalizer.
            .filter(|p| !p.contains(['\u{0654}', '\u{0653}', 'ﻻ', 'ﺣ', '\u{FDF2}']))
            .collect();
        proptest::collection::vec(proptest::sample::select(pieces), 20..160)
            .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// With the word skipper (texts of more than 64 bytes), the scan still finds what
        /// it finds over the whole text normalized (where the skipper never runs).
        #[test]
        fn skipping_words_changes_no_match(text in long_text()) {
            let g = Gazetteer::builtin();
            let fast = collect(Matches::new(g, &text));
            let mapped = collect(Matches::new_mapped(g, &text));
            prop_assert_eq!(fast, mapped, "text {:?}", text);
        }
    }

    /// Every word that the tokenizer's lookups find a first word in (a first word behind
    /// و ف, then ب ك ل or لل), the skipper stops at and reads.
    #[test]
    fn the_tail_filter_lets_every_first_word_through_behind_every_chain() {
        let g = Gazetteer::builtin();
        let cells = ScanTable::new(&g.inner.normalizer);
        let idx = &g.inner.scan;
        let mut checked = 0;
        for rec in g.inner.keys.iter() {
            let first = rec.key.split(' ').next().unwrap_or("");
            let bare = first.strip_prefix("ال").unwrap_or(first);
            for conj in ["", "و", "ف"] {
                for prep in ["", "ب", "ك", "ل", "لل"] {
                    for stem in [first, bare] {
                        let word = format!("{conj}{prep}{stem}");
                        let mut buf = TokBuf::default();
                        let Ok(Some(_)) = cells.next_token(&word, 0, &mut buf, false) else {
                            continue;
                        };
                        let found = for_each_reading(buf.bytes(), |from, tag, _| {
                            idx.lookup_first(&buf, from, tag).is_some()
                        });
                        if !found
                            || !word.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
                            || word.len() >= 64
                        {
                            continue;
                        }
                        // The word at the end of a text long enough for the skipper.
                        let text = format!("{}{word} {}", "كلمة ".repeat(20), "x".repeat(64));
                        let mut prev = [None, None];
                        let (at, stop, _) = cells.skip_words(
                            &text,
                            0,
                            &mut None,
                            |k| idx.may_end_first(k),
                            &mut prev,
                            &mut buf,
                        );
                        let span = Tok {
                            start: at,
                            end: at + word.len(),
                        };
                        assert_eq!((&text[at..span.end], stop), (&*word, Stop::Read(span)));
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn balancing_takes_in_the_adjacent_mark_of_a_pair() {
        // (text, span given, floor, span expected), spans as the text between the bars.
        let cases = [
            ("a |«b c|» d", 0, "a |«b c»| d"),
            ("a |b» c| d", 0, "a |b» c| d"),
            ("a «|b» c| d", 0, "a |«b» c| d"),
            ("a «|b» c| d", 4, "a «|b» c| d"),
            ("a \"|b\" c| d", 0, "a |\"b\" c| d"),
            ("a \"|b \"c|\" d", 0, "a \"|b \"c\"| d"),
            ("a |“b c|” d", 0, "a |“b c”| d"),
            ("a |(b [c|]) d", 0, "a |(b [c])| d"),
            ("a |(b [c|)] d", 0, "a |(b [c|)] d"),
            ("a |«b) c|» d", 0, "a |«b) c|» d"),
            ("a «|b ]c|» d", 0, "a «|b ]c|» d"),
            ("a |«b c| d", 0, "a |«b c| d"),
            ("a |b c| d", 0, "a |b c| d"),
        ];
        // Every mark starts with a byte that the scan for marks looks for.
        for c in [
            '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '(', ')', '[', ']',
        ] {
            assert!(mark(c).is_some(), "{c}");
            assert!(may_be_mark(c.to_string().as_bytes()[0]), "{c}");
        }
        for (given, floor, want) in cases {
            let bars = |s: &str| {
                let i = s.find('|').unwrap();
                let j = s[i + 1..].find('|').unwrap() + i;
                (s.replacen('|', "", 2), i, j)
            };
            let (text, start, end) = bars(given);
            let (_, ws, we) = bars(want);
            assert_eq!(balance_marks(&text, start, end, floor), (ws, we), "{given}");
        }
    }

    #[test]
    fn falls_back_in_the_middle_of_a_text() {
        let g = Gazetteer::builtin();
        // A presentation form late in the text: names before and after it are found.
        let text = "قصف على حلب ثم ﺣﻠﺐ ثم دير الزور";
        let ids: Vec<_> = g
            .tag(text)
            .map(|m| (m.entity().id(), &text[m.span()]))
            .collect();
        assert_eq!(
            ids,
            [
                ("aleppo", "حلب"),
                ("aleppo", "ﺣﻠﺐ"),
                ("deir-ez-zor", "دير الزور")
            ]
        );
    }
}
