//! The tokenizer of the scan: it reads the caller's original text and normalizes each token
//! as it goes, so tagging needs no normalized copy of the text and no offset map (the token's
//! span is already in original bytes).
//!
//! Every character gets a [`Cell`]: what the normalizer writes for it, and the class of what it
//! writes (letter, digit, other), or that the normalizer deletes it (it is then transparent
//! inside a token), or that its result depends on its neighbours (a combining hamza, a
//! presentation form). The last kind is left to the whole-text normalizer: the tagger switches
//! to normalizing the rest of the text at the first such character (see `matcher.rs`).
//!
//! Tokens are maximal runs of letters, or of digits, of the normalized text; run over text that
//! is already normalized, with the identity table, this is the tokenizer of the keys.

use std::ops::Range;
use std::sync::LazyLock;

use crate::hash::mix;
use crate::normalize::{arabic_index, CharRule, Normalizer, NormalizerConfig};
use crate::simd::Folder;

pub(crate) const LETTER: u8 = 0;
pub(crate) const DIGIT: u8 = 1;
pub(crate) const OTHER: u8 = 2;
/// Deleted by the normalizer: transparent inside a token, a separator outside.
pub(crate) const SKIP: u8 = 3;
/// Depends on its neighbours: only the whole-text normalizer handles it.
pub(crate) const CONTEXT: u8 = 4;

/// What the normalizer makes of one character, packed in one word so the table loads it
/// in one go: bytes 0–3 the normalized character's UTF-8 bytes, byte 4 their number, byte 5
/// the class, byte 6 whether it is a deleted mark that a span's end extends over (harakat,
/// tatweel …).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cell(u64);

impl Cell {
    fn new(out: [u8; 4], len: u8, class: u8, attached: bool) -> Cell {
        Cell(
            u64::from(u32::from_le_bytes(out))
                | u64::from(len) << 32
                | u64::from(class) << 40
                | u64::from(attached) << 48,
        )
    }

    /// The normalized bytes (the first [`Cell::len`] of them).
    #[inline(always)]
    pub(crate) fn out(self) -> [u8; 4] {
        (self.0 as u32).to_le_bytes()
    }

    #[inline(always)]
    pub(crate) fn len(self) -> usize {
        (self.0 >> 32) as u8 as usize
    }

    #[inline(always)]
    pub(crate) fn class(self) -> u8 {
        (self.0 >> 40) as u8
    }

    #[inline(always)]
    pub(crate) fn attached(self) -> bool {
        (self.0 >> 48) & 1 != 0
    }
}

/// The class of a character of normalized text: what the tokenizer splits on.
fn class_of(c: char) -> u8 {
    if c.is_ascii() {
        return if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphanumeric() {
            LETTER
        } else {
            OTHER
        };
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return if crate::token::arabic_block_is_word(c as u32) {
            LETTER
        } else {
            OTHER
        };
    }
    if crate::token::is_word_char(c) {
        if c.is_numeric() {
            DIGIT
        } else {
            LETTER
        }
    } else {
        OTHER
    }
}

fn cell_for(n: &Normalizer, c: char) -> Cell {
    let emit = |r: char| {
        let mut out = [0u8; 4];
        let len = r.encode_utf8(&mut out).len() as u8;
        Cell::new(out, len, class_of(r), false)
    };
    match n.char_rule(c) {
        CharRule::Keep => emit(c),
        CharRule::Char(r) => emit(r),
        CharRule::Delete => Cell::new([0; 4], 0, SKIP, n.extends_span(c)),
        CharRule::Context => Cell::new([0; 4], 0, CONTEXT, n.extends_span(c)),
    }
}

/// A normalizer compiled for the tokenizer: cells for ASCII and U+0600–U+06FF, and the
/// normalizer itself for the rest.
#[derive(Clone, Debug)]
pub(crate) struct ScanTable {
    ascii: [Cell; 128],
    /// Indexed by `((lead & 3) << 6) | (cont & 0x3F)` for lead bytes D8–DB.
    arabic: [Cell; 256],
    /// The same, for the four-at-a-time loop: the normalized two bytes of a letter that
    /// stays a two-byte letter with [`QUAD_LETTER`], 0 for a deleted mark, or
    /// [`QUAD_SLOW`].
    quad: [u32; 256],
    /// The sixteen-byte kernel, when it agrees with the table on the letters it handles.
    folder: Option<Folder>,
    /// What [`ScanTable::skip_words`] may read, when the table allows it at all.
    skipper: Option<Skipper>,
    normalizer: Normalizer,
}

/// The table of the identity normalizer, for text that is already normalized (keys).
pub(crate) static IDENTITY: LazyLock<ScanTable> =
    LazyLock::new(|| ScanTable::new(&Normalizer::new(NormalizerConfig::none())));

/// A token: its span, and its class (letters or digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The tokenizer met a character whose normalization depends on its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NeedsContext;

/// For `n` characters of two bytes in an 8-byte word, the bits of their lead bytes
/// (`0xFC` each).
const LEAD_MASKS: [u64; 5] = [
    0,
    0x0000_0000_0000_00FC,
    0x0000_0000_00FC_00FC,
    0x0000_00FC_00FC_00FC,
    0x00FC_00FC_00FC_00FC,
];

/// In [`ScanTable::quad`]: neither a letter written as two bytes nor a deleted mark.
const QUAD_SLOW: u32 = 1 << 16;
/// In [`ScanTable::quad`]: a letter (its two normalized bytes are the low half).
const QUAD_LETTER: u32 = 1 << 17;

/// Room for a token's normalized bytes; longer tokens spill to the heap.
const INLINE: usize = 128;

/// The normalized bytes of a token. The inline array has 8 bytes of slack so that the hash
/// can read whole 8-byte words past the end.
#[derive(Clone, Debug)]
pub(crate) struct TokBuf {
    arr: [u8; INLINE + 8],
    len: usize,
    spill: Vec<u8>,
    spilled: bool,
}

impl Default for TokBuf {
    fn default() -> Self {
        TokBuf {
            arr: [0; INLINE + 8],
            len: 0,
            spill: Vec::new(),
            spilled: false,
        }
    }
}

impl TokBuf {
    /// Appends bytes past the inline array (a token longer than any name, in practice).
    #[cold]
    fn put_slow(&mut self, bytes: &[u8]) {
        if !self.spilled {
            self.spill.clear();
            self.spill.extend_from_slice(&self.arr[..self.len]);
            self.spilled = true;
        }
        self.spill.extend_from_slice(bytes);
        self.len += bytes.len();
    }

    /// The normalized bytes.
    #[inline(always)]
    pub(crate) fn bytes(&self) -> &[u8] {
        if self.spilled {
            &self.spill
        } else {
            &self.arr[..self.len]
        }
    }

    /// [`word_hash`] of `bytes()[from..]`.
    #[inline(always)]
    pub(crate) fn hash_from(&self, from: usize) -> u64 {
        if self.spilled {
            return word_hash(&self.spill[from..]);
        }
        // Whole 8-byte words (the array has slack past the end); the last one masked to the
        // bytes of the token.
        let mut h = 0u64;
        let mut i = from;
        while i < self.len {
            let mut word = [0u8; 8];
            word.copy_from_slice(&self.arr[i..i + 8]);
            let mut w = u64::from_le_bytes(word);
            let rest = self.len - i;
            if rest < 8 {
                w &= u64::MAX >> (64 - 8 * rest);
            }
            h = mix(h, w);
            i += 8;
        }
        h
    }
}

/// The hash of a word's bytes (the crate's word hash, from a zero state).
pub(crate) fn word_hash(bytes: &[u8]) -> u64 {
    crate::hash::hash_bytes(0, bytes)
}

/// What a gap between two tokens is, after normalization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Gap {
    /// Only spaces, tabs, quotes and brackets: the words of one name may be this far apart.
    pub(crate) name: bool,
    /// Only those and `,` `-` `/`: two names of a list may be this far apart.
    pub(crate) list: bool,
    /// It has one of `,` `-` `/`.
    pub(crate) sep: bool,
}

impl ScanTable {
    pub(crate) fn new(n: &Normalizer) -> ScanTable {
        let mut ascii = [Cell::default(); 128];
        for (b, cell) in ascii.iter_mut().enumerate() {
            *cell = cell_for(n, char::from(b as u8));
        }
        let mut arabic = [Cell::default(); 256];
        for (k, cell) in arabic.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + k as u32).unwrap_or('\u{0600}');
            *cell = cell_for(n, c);
        }
        let mut quad = [QUAD_SLOW; 256];
        for (q, cell) in quad.iter_mut().zip(arabic.iter()) {
            if cell.class() == LETTER && cell.len() == 2 {
                let o = cell.out();
                *q = u32::from(u16::from_le_bytes([o[0], o[1]])) | QUAD_LETTER;
            } else if cell.class() == SKIP {
                *q = 0;
            }
        }
        // The kernel vouches only for letters that stay two-byte letters.
        let folder = Folder::new(
            |pair| {
                let cell = arabic[arabic_index(pair[0], pair[1])];
                let o = cell.out();
                (cell.class() == LETTER && cell.len() == 2).then_some([o[0], o[1]])
            },
            |pair| {
                let cell = arabic[arabic_index(pair[0], pair[1])];
                cell.class() == SKIP && cell.len() == 0
            },
        );
        let skipper = Skipper::new(&ascii, &arabic);
        ScanTable {
            ascii,
            arabic,
            quad,
            folder,
            skipper,
            normalizer: n.clone(),
        }
    }

    /// Skips the words from `pos` (a token boundary) that the tokenizer need not read: runs
    /// of letters of U+0621–U+063A and U+0641–U+064A (and of the marks the normalizer
    /// deletes, after the first letter) between ASCII separators (and ، ؛ ؟), whose
    /// [`tail_key`] `wanted` refuses. The last two words skipped go to the front of `prev`
    /// (the last first). Returns where the scan goes on (a token boundary), why it stopped
    /// there, and how many words it skipped. A wanted word is read into `buf`
    /// ([`Stop::Read`]).
    ///
    /// Sixty-four bytes are classified at a time, and the last chunk is kept in `chunk` for
    /// the next call (the caller's tokenizer reads one word, most often, before it calls
    /// again); `chunk` must be `None` or what this function left there for the same `s`.
    /// The last 64 bytes of the text are left to the tokenizer.
    #[inline]
    pub(crate) fn skip_words(
        &self,
        s: &str,
        pos: usize,
        chunk: &mut Option<Chunk>,
        wanted: impl Fn(u64) -> bool,
        prev: &mut [Option<Tok>; 2],
        buf: &mut TokBuf,
    ) -> (usize, Stop, usize) {
        let Some(sk) = &self.skipper else {
            return (pos, Stop::Other, 0);
        };
        let bytes = s.as_bytes();
        let (mut c, mut at) = match *chunk {
            Some(c) if c.base <= pos && pos < c.base + 64 => (c, (pos - c.base) as u32),
            _ => match sk.classify(bytes, pos) {
                Some(c) => (c, 0),
                None => return (pos, Stop::End, 0),
            },
        };
        // The last two words skipped, and how many.
        let mut last = [Tok { start: 0, end: 0 }; 2];
        let mut count = 0;
        let (stop, pos) = loop {
            let word = !c.sep;
            let rest = word.checked_shr(at).unwrap_or(0);
            if rest == 0 {
                // Separators to the end of the chunk.
                match sk.classify(bytes, c.base + 64) {
                    Some(next) => (c, at) = (next, 0),
                    None => break (Stop::End, c.base + 64),
                }
                continue;
            }
            let a = at + rest.trailing_zeros();
            let after = c.sep >> a;
            let start = c.base + a as usize;
            if after == 0 {
                // The word goes on past the chunk: read it in the next one, or leave a word
                // as long as a chunk to the tokenizer.
                if a == 0 {
                    break (Stop::Other, start);
                }
                match sk.classify(bytes, start) {
                    Some(next) => (c, at) = (next, 0),
                    None => break (Stop::End, start),
                }
                continue;
            }
            let b = a + after.trailing_zeros();
            let span = (u64::MAX >> (64 - (b - a))) << a;
            if c.body & span != span || c.leads >> a & 1 == 0 {
                break (Stop::Other, start);
            }
            let end = c.base + b as usize;
            let plain = c.letters & span == span;
            // The codes of the last letters, from the last.
            let mut last_first = [0u16; TAIL];
            if plain && end >= 2 * TAIL {
                // Letters only: the last ones are in the last bytes (those of a shorter
                // word are left out).
                let mut tail = [0u8; 2 * TAIL];
                tail.copy_from_slice(&bytes[end - 2 * TAIL..end]);
                let letters = (b - a) as usize / 2;
                for (j, code) in last_first.iter_mut().enumerate() {
                    let at = 2 * (TAIL - 1 - j);
                    let k = arabic_index(tail[at], tail[at + 1]);
                    *code = sk.codes[k] & 0u16.wrapping_sub(u16::from(j < letters));
                }
            } else {
                // With marks: the letters' lead bytes, from the last.
                let mut leads = c.leads & span;
                for code in &mut last_first {
                    let hi = 63 - leads.leading_zeros().min(63);
                    let p = c.base + hi as usize;
                    let k = arabic_index(bytes[p], bytes[p + 1]);
                    *code = sk.codes[k] & 0u16.wrapping_sub(u16::from(leads != 0));
                    leads &= !(1u64 << hi);
                }
            }
            let tok = Tok { start, end };
            if wanted(tail_key(last_first)) {
                // Its letters, normalized (at most 32, which fit), without its marks.
                let mut w = 0;
                let mut put = |lead: u8, cont: u8| {
                    let code = sk.codes[arabic_index(lead, cont)] - 1;
                    buf.arr[w] = 0xD8 | (code >> 6) as u8;
                    buf.arr[w + 1] = 0x80 | (code & 0x3F) as u8;
                    w += 2;
                };
                if plain {
                    for pair in bytes[start..end].chunks_exact(2) {
                        put(pair[0], pair[1]);
                    }
                } else {
                    let mut leads = c.leads & span;
                    while leads != 0 {
                        let p = c.base + leads.trailing_zeros() as usize;
                        put(bytes[p], bytes[p + 1]);
                        leads &= leads - 1;
                    }
                }
                buf.len = w;
                buf.spilled = false;
                break (Stop::Read(tok), start);
            }
            last = [tok, last[0]];
            count += 1;
            at = b;
        };
        *chunk = Some(c);
        match count {
            0 => {}
            1 => *prev = [Some(last[0]), prev[0]],
            _ => *prev = [Some(last[0]), Some(last[1])],
        }
        (pos, stop, count)
    }

    /// The normalizer the table was built from.
    #[cfg(test)]
    pub(crate) fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// The cell of the character at `i` (a char boundary below `s.len()`) and its length.
    #[inline(always)]
    pub(crate) fn cell_at(&self, s: &str, i: usize) -> (Cell, usize) {
        let bytes = s.as_bytes();
        let b = bytes[i];
        if b < 0x80 {
            return (self.ascii[b as usize], 1);
        }
        if b & 0xFC == 0xD8 {
            // A lead byte of U+0600–U+06FF is always followed by its continuation byte.
            let k = arabic_index(b, bytes[i + 1]);
            return (self.arabic[k], 2);
        }
        self.cell_slow(s, i)
    }

    #[inline(never)]
    fn cell_slow(&self, s: &str, i: usize) -> (Cell, usize) {
        let c = s[i..].chars().next().unwrap_or(' ');
        (cell_for(&self.normalizer, c), c.len_utf8())
    }

    /// The next token at or after `pos` (a char boundary) of `s`, its normalized bytes in
    /// `buf`. With `context_ok`, characters whose normalization depends on their neighbours
    /// count as deleted (for text that is already normalized); otherwise they stop the scan.
    #[inline]
    pub(crate) fn next_token(
        &self,
        s: &str,
        pos: usize,
        buf: &mut TokBuf,
        context_ok: bool,
    ) -> Result<Option<Tok>, NeedsContext> {
        #[cfg(target_arch = "x86_64")]
        if self.folder.is_some_and(|f| f.has_ssse3()) {
            // SAFETY: `has_ssse3` says the machine has SSSE3.
            #[allow(unsafe_code)]
            return unsafe { self.next_token_ssse3(s, pos, buf, context_ok) };
        }
        self.next_token_in::<false>(s, pos, buf, context_ok)
    }

    /// [`ScanTable::next_token`] compiled for SSSE3: the kernel reads through the marks the
    /// normalizer deletes and packs the letters around them.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    fn next_token_ssse3(
        &self,
        s: &str,
        pos: usize,
        buf: &mut TokBuf,
        context_ok: bool,
    ) -> Result<Option<Tok>, NeedsContext> {
        self.next_token_in::<true>(s, pos, buf, context_ok)
    }

    /// [`ScanTable::next_token`]; with `PACK` (only in [`ScanTable::next_token_ssse3`]) the
    /// kernel also takes blocks with deleted marks.
    #[inline(always)]
    fn next_token_in<const PACK: bool>(
        &self,
        s: &str,
        mut pos: usize,
        buf: &mut TokBuf,
        context_ok: bool,
    ) -> Result<Option<Tok>, NeedsContext> {
        let bytes = s.as_bytes();
        let n = bytes.len();
        // Separators.
        let class = loop {
            if pos >= n {
                return Ok(None);
            }
            let (cell, len) = self.cell_at(s, pos);
            match cell.class() {
                OTHER | SKIP => pos += len,
                CONTEXT if context_ok => pos += len,
                CONTEXT => return Err(NeedsContext),
                class => break class,
            }
        };
        let start = pos;
        let mut last = pos;
        // The normalized length so far; the bytes go to `buf.arr` while they fit.
        let mut w = 0usize;
        buf.spilled = false;
        loop {
            // The hot loop: letters of U+0600–U+06FF and deleted marks, four at a time (one
            // 8-byte word in, one out), while they fit; then one character at a time.
            if class == LETTER {
                // Sixteen bytes at a time while the kernel vouches for them (letters it
                // keeps or folds, and with `PACK` the marks it deletes).
                if let Some(f) = self.folder {
                    while pos + 16 <= n && w <= INLINE - 16 {
                        let mut block = [0u8; 16];
                        block.copy_from_slice(&bytes[pos..pos + 16]);
                        let r = f.fold16_after::<PACK>(&block, 0, false);
                        let k = (!(r.good | r.del)).trailing_zeros().min(16);
                        let before = (1u32 << k) - 1;
                        buf.arr[w..w + 16].copy_from_slice(&r.bytes);
                        let mut gone = 0;
                        if PACK && r.del & before != 0 {
                            // Marks inside: the letters around them, packed.
                            // SAFETY: `PACK` is true only in `next_token_ssse3`, which is
                            // called only on a machine with SSSE3.
                            #[allow(unsafe_code)]
                            {
                                gone = unsafe {
                                    crate::simd::pack16(
                                        crate::simd::block_at(&mut buf.arr, w),
                                        &r.bytes,
                                        r.del & before,
                                    )
                                };
                            }
                        }
                        w += k as usize - gone;
                        // The span ends after the last letter (the marks after it are
                        // added at the end).
                        let letters = r.good & before;
                        if letters != 0 {
                            last = pos + (32 - letters.leading_zeros()) as usize;
                        }
                        pos += k as usize;
                        if k < 16 {
                            break;
                        }
                    }
                    // Most words end at an ASCII space or punctuation: no need for the
                    // loop below to look.
                    if pos < n && bytes[pos] < 0x80 {
                        let c = self.ascii[bytes[pos] as usize].class();
                        if c == OTHER || c == DIGIT {
                            break;
                        }
                    }
                }
                // Eight bytes at a time: the Arabic letters before the first ASCII byte.
                while pos + 8 <= n && w <= INLINE - 8 {
                    let mut word = [0u8; 8];
                    word.copy_from_slice(&bytes[pos..pos + 8]);
                    let x = u64::from_le_bytes(word);
                    let ascii = !x & 0x8080_8080_8080_8080;
                    // Bytes before the first ASCII byte; an odd count means a character
                    // that is not two bytes long, left to the path below.
                    let run = (ascii.trailing_zeros() / 8) as usize;
                    let chars = run / 2;
                    let lead_mask = LEAD_MASKS[chars];
                    if run & 1 != 0
                        || chars == 0
                        || x & lead_mask != 0x00D8_00D8_00D8_00D8 & lead_mask
                    {
                        break;
                    }
                    let quad = &self.quad;
                    let k = |i: u32| arabic_index((x >> (16 * i)) as u8, (x >> (16 * i + 8)) as u8);
                    // The cells of the characters in the run (zero past it).
                    let valid = |i: usize| 0u32.wrapping_sub((i < chars) as u32);
                    let e = [
                        quad[k(0)] & valid(0),
                        quad[k(1)] & valid(1),
                        quad[k(2)] & valid(2),
                        quad[k(3)] & valid(3),
                    ];
                    if (e[0] | e[1] | e[2] | e[3]) & QUAD_SLOW != 0 {
                        break;
                    }
                    // Letters write their two bytes, deleted marks nothing.
                    let l = e.map(|e| e >> 17 & 1);
                    let out = u64::from(e[0] & 0xFFFF)
                        | u64::from(e[1] & 0xFFFF) << (16 * l[0])
                        | u64::from(e[2] & 0xFFFF) << (16 * (l[0] + l[1]))
                        | u64::from(e[3] & 0xFFFF) << (16 * (l[0] + l[1] + l[2]));
                    buf.arr[w..w + 8].copy_from_slice(&out.to_le_bytes());
                    w += 2 * (l[0] + l[1] + l[2] + l[3]) as usize;
                    let letters = l[0] | l[1] << 1 | l[2] << 2 | l[3] << 3;
                    if letters != 0 {
                        last = pos + 2 * (32 - letters.leading_zeros() as usize);
                    }
                    pos += 2 * chars;
                    if chars < 4 {
                        // An ASCII byte follows.
                        break;
                    }
                }
            }
            if pos >= n {
                break;
            }
            let (cell, len) = self.cell_at(s, pos);
            let c = cell.class();
            if c == class {
                if w <= INLINE - 4 {
                    buf.arr[w..w + 4].copy_from_slice(&cell.out());
                    w += cell.len();
                } else {
                    buf.len = w;
                    buf.put_slow(&cell.out()[..cell.len()]);
                    w = buf.len;
                }
                pos += len;
                last = pos;
            } else if c == SKIP || (c == CONTEXT && context_ok) {
                pos += len;
            } else if c == CONTEXT {
                return Err(NeedsContext);
            } else {
                break;
            }
        }
        buf.len = w;
        // The span ends after the last letter and the deleted marks attached to it (only
        // deleted characters can be attached, and the scan stopped at `pos`).
        let mut end = last;
        while end < pos {
            let (cell, len) = self.cell_at(s, end);
            if !cell.attached() {
                break;
            }
            end += len;
        }
        Ok(Some(Tok { start, end }))
    }

    /// The offset in `s` where the normalized bytes of the token starting at `start` reach
    /// `norm_len` bytes, past the characters deleted there: where a name starts after
    /// proclitics of `norm_len` normalized bytes.
    pub(crate) fn offset_after(&self, s: &str, start: usize, norm_len: usize) -> usize {
        let mut i = start;
        let mut produced = 0;
        while i < s.len() {
            let (cell, len) = self.cell_at(s, i);
            if produced >= norm_len && cell.len() > 0 {
                break;
            }
            produced += cell.len();
            i += len;
        }
        i
    }

    /// What the gap `g` (text between two tokens) is once normalized.
    pub(crate) fn gap(&self, g: &str) -> Gap {
        let mut gap = Gap {
            name: true,
            list: true,
            sep: false,
        };
        let check = |gap: &mut Gap, b: u8| {
            gap.name &= matches!(b, b' ' | b'\t' | b'"' | b'\'' | b'(' | b')' | b'[' | b']');
            gap.list &= matches!(
                b,
                b' ' | b'\t' | b'"' | b'\'' | b'(' | b')' | b',' | b'-' | b'/'
            );
            gap.sep |= matches!(b, b',' | b'-' | b'/');
        };
        let mut i = 0;
        // Stops at the first character that belongs in neither kind of gap.
        while i < g.len() && (gap.name || gap.list) {
            let (cell, len) = self.cell_at(g, i);
            match cell.class() {
                SKIP => {}
                CONTEXT => {
                    let c = &g[i..i + len];
                    for b in self.normalizer.normalize_str(c).bytes() {
                        check(&mut gap, b);
                    }
                }
                _ => {
                    for &b in &cell.out()[..cell.len()] {
                        check(&mut gap, b);
                    }
                }
            }
            i += len;
        }
        gap
    }
}

/// Why [`ScanTable::skip_words`] stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    /// At a word whose key the caller wants, read into the caller's buffer.
    Read(Tok),
    /// At a word it cannot read (other characters, or a chunk-long word).
    Other,
    /// Less than a chunk from the end of the text.
    End,
}

/// The code of a normalized letter of U+0600–U+06FF in a [`tail_key`]: its
/// [`arabic_index`] plus one (0 is no letter).
pub(crate) fn letter_code(lead: u8, cont: u8) -> u16 {
    arabic_index(lead, cont) as u16 + 1
}

/// The number of letters in a [`tail_key`].
pub(crate) const TAIL: usize = 6;

/// The key [`ScanTable::skip_words`] gives a word: the codes of its last [`TAIL`]
/// normalized letters, the last in the low 9 bits; 0 for letters a shorter word lacks.
/// Every reading of a word (it without proclitics) ends with the word, so the key of a word
/// that starts a name is the key of the name's first word behind some chain of proclitics.
pub(crate) fn tail_key(last_first: [u16; TAIL]) -> u64 {
    last_first
        .iter()
        .enumerate()
        .fold(0, |k, (j, &c)| k | u64::from(c) << (9 * j))
}

/// Sixty-four bytes of text classified for [`ScanTable::skip_words`]: one bit per byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Chunk {
    /// Where the chunk starts in the text.
    base: usize,
    /// Bytes between words.
    sep: u64,
    /// Bytes a word may have: letters, and the marks the normalizer deletes.
    body: u64,
    /// Both bytes of each letter.
    letters: u64,
    /// The first byte of each letter.
    leads: u64,
}

/// What the word skipper may read, from the tokenizer's tables.
#[derive(Clone, Debug)]
struct Skipper {
    /// The [`letter_code`] of the normalized letter of each letter of U+0621–U+063A and
    /// U+0641–U+064A, by [`arabic_index`].
    codes: Box<[u16; 256]>,
    /// All ones when the normalizer deletes tatweel and the harakat U+064B–U+0652 and a
    /// span extends over them, so that they may be inside a word.
    marks: u64,
}

impl Skipper {
    /// The 64 bytes of `bytes` from `base` (a char boundary), if there are that many.
    #[inline(always)]
    fn classify(&self, bytes: &[u8], base: usize) -> Option<Chunk> {
        let block: &[u8; 64] = bytes.get(base..base + 64)?.try_into().ok()?;
        let c = crate::simd::classify64(block);
        Some(Chunk {
            base,
            sep: c.sep | c.punct,
            body: c.letters | (c.marks & self.marks),
            letters: c.letters,
            leads: c.leads,
        })
    }

    /// The skipper for these tables: `None` when the letters do not all stay two-byte
    /// letters of U+0600–U+06FF, or an ASCII byte other than a letter or digit, or one of
    /// ، ؛ ؟, is not a separator.
    fn new(ascii: &[Cell; 128], arabic: &[Cell; 256]) -> Option<Skipper> {
        let separators_split = ascii
            .iter()
            .enumerate()
            .all(|(b, cell)| (b as u8).is_ascii_alphanumeric() || cell.class() == OTHER);
        if !separators_split {
            return None;
        }
        let mut codes = Box::new([0u16; 256]);
        for [lead, cont] in crate::simd::letters() {
            let cell = arabic[arabic_index(lead, cont)];
            let o = cell.out();
            if cell.class() != LETTER || cell.len() != 2 || !(0xD8..=0xDB).contains(&o[0]) {
                return None;
            }
            codes[arabic_index(lead, cont)] = letter_code(o[0], o[1]);
        }
        let cell = |lead, cont| arabic[arabic_index(lead, cont)];
        let marks = crate::simd::MARKS.iter().all(|&c| {
            let m = cell(0xD9, c);
            m.class() == SKIP && m.len() == 0 && m.attached()
        });
        let punct_splits = crate::simd::PUNCT_D8
            .iter()
            .all(|&c| cell(0xD8, c).class() == OTHER);
        punct_splits.then_some(Skipper {
            codes,
            marks: if marks { u64::MAX } else { 0 },
        })
    }
}

/// The tokens of a text that is already normalized (the words of keys).
pub(crate) fn tokens(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let table = &*IDENTITY;
    let mut buf = TokBuf::default();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let t = table.next_token(s, pos, &mut buf, true).ok()??;
        pos = t.end;
        Some(t.start..t.end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_hash_is_the_slice_hash() {
        let t = ScanTable::new(&Normalizer::default());
        let mut buf = TokBuf::default();
        for word in [
            "ب",
            "حلب",
            "والحسكة",
            "ديرالزور",
            "abcdefgh",
            "abcdefghi",
            "x",
        ] {
            let tok = t.next_token(word, 0, &mut buf, false).unwrap().unwrap();
            assert_eq!(tok.end, word.len());
            let norm = t.normalizer().normalize_str(word);
            assert_eq!(buf.bytes(), norm.as_bytes());
            for from in 0..norm.len() {
                assert_eq!(buf.hash_from(from), word_hash(&norm.as_bytes()[from..]));
            }
        }
    }

    #[test]
    fn long_tokens_spill() {
        let t = ScanTable::new(&Normalizer::default());
        let mut buf = TokBuf::default();
        let word = "أَ".repeat(200);
        let tok = t.next_token(&word, 0, &mut buf, false).unwrap().unwrap();
        assert_eq!(
            tok,
            Tok {
                start: 0,
                end: word.len()
            }
        );
        assert_eq!(buf.bytes(), "ا".repeat(200).as_bytes());
        assert_eq!(buf.hash_from(6), word_hash(&"ا".repeat(197).into_bytes()));
    }

    #[test]
    fn marks_are_inside_tokens_and_ends_include_them() {
        let t = ScanTable::new(&Normalizer::default());
        let mut buf = TokBuf::default();
        // Tatweel and a fatha inside, a damma after; the bidi mark after is not a mark.
        let text = "لـحَلبُ\u{200F} x";
        let tok = t.next_token(text, 0, &mut buf, false).unwrap().unwrap();
        assert_eq!(&text[tok.start..tok.end], "لـحَلبُ");
        assert_eq!(buf.bytes(), "لحلب".as_bytes());
        assert_eq!(t.offset_after(text, 0, 2), "لـ".len());
        // A combining hamza needs the whole-text normalizer.
        assert_eq!(
            t.next_token("ا\u{0654}", 0, &mut buf, false),
            Err(NeedsContext)
        );
    }

    /// Any string, or one made of the pieces the tokenizer treats specially.
    fn texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces: Vec<&'static str> = vec![
            "حلب",
            "الحسكة",
            // Longer than a block of the sixteen-byte kernel, with every letter it folds.
            "وللمحافظاتأإآؤئةى",
            "وَ",
            "ـ",
            "\u{064E}",
            "\u{0651}",
            "\u{200F}",
            "أ",
            "ة",
            "ى",
            "ک",
            "١٧",
            "17",
            "x",
            "é",
            " ",
            "«",
            "،",
            "\n",
            "ab",
            "\u{0670}",
            "\u{06D6}",
            "\u{00A0}",
            "\u{200C}",
            "٫",
            "؟",
        ];
        let built = proptest::collection::vec(proptest::sample::select(pieces), 0..30)
            .prop_map(|v: Vec<&'static str>| v.concat());
        prop_oneof![any::<String>(), built]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The tokenizer over the original text gives the tokens of the normalized text,
        /// with their spans mapped back (for texts it can read alone).
        #[test]
        fn tokens_of_the_original_are_tokens_of_the_normalized_text(s in texts()) {
            let n = Normalizer::default();
            let t = ScanTable::new(&n);
            let mut buf = TokBuf::default();
            let mut pos = 0;
            let mut fast = Vec::new();
            loop {
                match t.next_token(&s, pos, &mut buf, false) {
                    Ok(Some(tok)) => {
                        fast.push((tok.start, tok.end, buf.bytes().to_vec()));
                        pos = tok.end;
                    }
                    Ok(None) => break,
                    // Left to the whole-text path (the matcher's property covers it).
                    Err(NeedsContext) => return Ok(()),
                }
            }
            let norm = n.normalize(&s);
            let slow: Vec<_> = tokens(norm.as_str())
                .map(|r| {
                    let o = norm.original_range(r.clone());
                    (o.start, o.end, norm.as_str()[r].as_bytes().to_vec())
                })
                .collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn the_skipper_skips_plain_and_marked_words_and_stops_at_the_rest() {
        let t = ScanTable::new(&Normalizer::default());
        let mut buf = TokBuf::default();
        type Skipped<'a> = (usize, Stop, usize, [Option<&'a str>; 2]);
        fn skip<'a>(
            t: &ScanTable,
            text: &'a str,
            wanted: &dyn Fn(u64) -> bool,
            buf: &mut TokBuf,
        ) -> Skipped<'a> {
            let mut prev = [None, Some(Tok { start: 0, end: 0 })];
            let (at, stop, n) = t.skip_words(text, 0, &mut None, wanted, &mut prev, buf);
            let spans = prev.map(|p| p.map(|p| &text[p.start..p.end]));
            (at, stop, n, spans)
        }
        let pad = "x".repeat(64);
        let none = |_: u64| false;
        // Plain words, a haraka, tatweel, ، and ؟ are read; the Latin word stops the skipper.
        let text = format!("قال إنَّ حـلب، وحماة؟ (أمس) ok {pad}");
        let (at, stop, n, spans) = skip(&t, &text, &none, &mut buf);
        assert_eq!((&text[at..at + 2], stop, n), ("ok", Stop::Other, 5));
        assert_eq!(spans, [Some("أمس"), Some("وحماة")]);
        // A word that starts with a mark, or has a character other than a letter: stop.
        for text in [
            format!("قال \u{064E}حلب {pad}"),
            format!("قال حلب\u{200F} {pad}"),
        ] {
            let (at, stop, n, spans) = skip(&t, &text, &none, &mut buf);
            assert_eq!((at, stop, n), ("قال ".len(), Stop::Other, 1), "{text}");
            assert_eq!(spans, [Some("قال"), None]);
        }
        // Less than a chunk left.
        let (at, stop, n, _) = skip(&t, "قال حلب", &none, &mut buf);
        assert_eq!((at, stop, n), (0, Stop::End, 0));
        // A wanted word: read into the buffer, normalized, its marks left out.
        let all = |_: u64| true;
        let read = |text: &str, word: &str, norm: &str, buf: &mut TokBuf| {
            let (at, stop, n, _) = skip(&t, text, &all, buf);
            let tok = Tok {
                start: 0,
                end: word.len(),
            };
            assert_eq!((at, stop, n), (0, Stop::Read(tok), 0), "{word}");
            assert_eq!(buf.bytes(), norm.as_bytes(), "{word}");
        };
        read(&format!("أحمد {pad}"), "أحمد", "احمد", &mut buf);
        read(&format!("أحمدُ {pad}"), "أحمدُ", "احمد", &mut buf);
        read(&format!("وَـحَلَبُ {pad}"), "وَـحَلَبُ", "وحلب", &mut buf);
    }

    #[test]
    fn marks_the_normalizer_keeps_stop_the_skipper() {
        let config = NormalizerConfig {
            strip_harakat: false,
            ..NormalizerConfig::default()
        };
        let t = ScanTable::new(&Normalizer::new(config));
        let text = format!("قال حَلب {}", "x".repeat(64));
        let (at, stop, n) = t.skip_words(
            &text,
            0,
            &mut None,
            |_| false,
            &mut [None, None],
            &mut TokBuf::default(),
        );
        assert_eq!((at, stop, n), ("قال ".len(), Stop::Other, 1));
    }

    #[test]
    fn tail_keys_are_the_last_letters() {
        let t = ScanTable::new(&Normalizer::default());
        let idx = |w: &str| -> Vec<u16> {
            w.as_bytes()
                .chunks(2)
                .map(|p| letter_code(p[0], p[1]))
                .collect()
        };
        let key_of = |word: &str| {
            let text = format!("{word} {}", "x".repeat(64));
            let got = std::cell::Cell::new(0);
            let mut buf = TokBuf::default();
            t.skip_words(
                &text,
                0,
                &mut None,
                |k| {
                    got.set(k);
                    true
                },
                &mut [None, None],
                &mut buf,
            );
            got.get()
        };
        let expect = |norm: &str| {
            let mut last_first = [0u16; TAIL];
            for (k, c) in last_first.iter_mut().zip(idx(norm).into_iter().rev()) {
                *k = c;
            }
            tail_key(last_first)
        };
        // Folded letters, marks left out, at most TAIL letters.
        assert_eq!(key_of("أحمدُ"), expect("احمد"));
        assert_eq!(key_of("المحافظة"), expect("محافظه"));
        assert_eq!(key_of("والمحافظاتُ"), expect("حافظات"));
        assert_eq!(key_of("في"), expect("في"));
        assert_ne!(expect("في"), expect("يفي"));
    }

    #[test]
    fn gaps() {
        let t = ScanTable::new(&Normalizer::default());
        assert!(t.gap(" «").name);
        let g = t.gap("، ");
        assert!(!g.name && g.list && g.sep);
        assert!(!t.gap(". ").list);
        assert!(!t.gap("\n").name);
    }
}
