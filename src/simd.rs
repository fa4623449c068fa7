//! Sixteen bytes at a time: the common case of Arabic text, letters that the rules keep or
//! replace by another letter of the same length, read and folded with SSE2.
//!
//! [`Folder::fold16`] reads 16 bytes that start on a character boundary and returns them
//! folded, with the number of leading bytes it vouches for: whole ASCII characters (when
//! asked) and whole two-byte letters of U+0621–U+063A and U+0641–U+064A. Of those letters it
//! can fold five groups the normalizer's profiles fold (آ أ إ → ا, ؤ → و, ئ → ي, ة → ه,
//! ى → ي); a group is on when the caller's table folds it so, off when the table keeps it.
//! When the caller's rules delete tatweel and the harakat U+064B–U+0652, it also marks those
//! for deletion ([`Fold16::del`]), and on x86-64 machines with SSSE3 [`pack16`] closes the
//! gaps they leave with one byte shuffle.
//! [`Folder::new`] checks every letter of those ranges against the caller's table by running
//! the kernel on it, and returns `None` when the two disagree anywhere (a configuration the
//! kernel cannot follow), so the callers' tables stay the only definition of the rules.
//!
//! Everything else (other marks, digits, punctuation, other scripts, a lead byte in the last
//! position) ends the run of vouched bytes, and the callers handle it a character at a time.

/// The folds the kernel can apply, each a lead byte and continuation byte in, two bytes out.
const GROUPS: [(&[[u8; 2]], [u8; 2]); 5] = [
    // آ أ إ → ا
    (&[[0xD8, 0xA2], [0xD8, 0xA3], [0xD8, 0xA5]], [0xD8, 0xA7]),
    // ؤ → و
    (&[[0xD8, 0xA4]], [0xD9, 0x88]),
    // ئ → ي
    (&[[0xD8, 0xA6]], [0xD9, 0x8A]),
    // ة → ه
    (&[[0xD8, 0xA9]], [0xD9, 0x87]),
    // ى → ي
    (&[[0xD9, 0x89]], [0xD9, 0x8A]),
];

/// The marks the kernel can delete: tatweel U+0640 and the harakat U+064B–U+0652, as the
/// continuation bytes after D9.
pub(crate) const MARKS: [u8; 9] = [0x80, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x91, 0x92];

/// The continuation bytes of the letters U+0621–U+063A after D8, and of U+0641–U+064A
/// after D9 (first and last).
const LETTERS_D8: (u8, u8) = (0xA1, 0xBA);
const LETTERS_D9: (u8, u8) = (0x81, 0x8A);

/// The continuation bytes after D8 of the Arabic comma, semicolon and question mark.
pub(crate) const PUNCT_D8: [u8; 3] = [0x8C, 0x9B, 0x9F];

/// The letters the kernel handles, U+0621–U+063A and U+0641–U+064A, as their two bytes.
pub(crate) fn letters() -> impl Iterator<Item = [u8; 2]> {
    (LETTERS_D8.0..=LETTERS_D8.1)
        .map(|c| [0xD8, c])
        .chain((LETTERS_D9.0..=LETTERS_D9.1).map(|c| [0xD9, c]))
}

/// The folding kernel, set up for one table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Folder {
    /// Which of [`GROUPS`] are folded (the others are kept).
    on: [bool; 5],
    /// Whether [`MARKS`] are deleted (reported in [`Fold16::del`]); when off they end the
    /// vouched bytes like any other mark.
    marks: bool,
    /// Whether this machine has SSSE3, for [`pack16`].
    ssse3: bool,
}

impl Folder {
    /// A kernel that agrees with `table` (the two bytes a letter of U+0600–U+06FF becomes,
    /// when it becomes one two-byte letter; `None` otherwise) on every letter it vouches
    /// for, or `None` if no setting of the groups does. With `deletes` (whether the rules
    /// delete a character of U+0600–U+06FF) true for every one of [`MARKS`], the kernel
    /// deletes them too; pass `|_| false` to leave marks to the caller.
    pub(crate) fn new(
        table: impl Fn([u8; 2]) -> Option<[u8; 2]>,
        deletes: impl Fn([u8; 2]) -> bool,
    ) -> Option<Folder> {
        if !cfg!(all(target_arch = "x86_64", target_feature = "sse2")) {
            return None;
        }
        let mut on = [false; 5];
        for (flag, (from, to)) in on.iter_mut().zip(GROUPS) {
            *flag = table(from[0]) == Some(to);
        }
        let marks = MARKS.iter().all(|&c| deletes([0xD9, c]));
        #[cfg(target_arch = "x86_64")]
        let ssse3 = std::arch::is_x86_feature_detected!("ssse3");
        #[cfg(not(target_arch = "x86_64"))]
        let ssse3 = false;
        let folder = Folder { on, marks, ssse3 };
        for pair in letters() {
            let mut block = [b' '; 16];
            block[..2].copy_from_slice(&pair);
            let r = folder.fold16_after::<true>(&block, 0, true);
            if r.good != 0xFFFF || r.del != 0 || Some([r.bytes[0], r.bytes[1]]) != table(pair) {
                return None;
            }
        }
        for c in 0x80..=0xBF {
            // Each continuation byte after D9 and after D8: only the marks are deleted.
            let mut block = [b' '; 16];
            block[..2].copy_from_slice(&[0xD9, c]);
            let mark = marks && MARKS.contains(&c);
            let r = folder.fold16_after::<true>(&block, 0, true);
            if r.del != if mark { 0b11 } else { 0 } {
                return None;
            }
            block[0] = 0xD8;
            if folder.fold16_after::<true>(&block, 0, true).del != 0 {
                return None;
            }
        }
        Some(folder)
    }

    /// Folds `block` (its first byte on a character boundary): the folded bytes, and how
    /// many leading bytes of them are whole characters the kernel vouches for (ASCII ones
    /// only with `ascii`). Past that count the bytes are unspecified.
    #[inline]
    pub(crate) fn fold16(&self, block: &[u8; 16], ascii: bool) -> ([u8; 16], usize) {
        let r = self.fold16_after::<false>(block, 0, ascii);
        (r.bytes, (!r.good).trailing_zeros() as usize)
    }

    /// [`Folder::fold16`] for a block that may start with the continuation byte of a lead
    /// byte `carry` (D8 or D9) that ended the previous block, or 0 if it starts on a
    /// character boundary. Marks to delete are looked for only with `DEL` (else
    /// [`Fold16::del`] is 0): the compiler does not drop that work where it is unused.
    #[inline]
    pub(crate) fn fold16_after<const DEL: bool>(
        &self,
        block: &[u8; 16],
        carry: u8,
        ascii: bool,
    ) -> Fold16 {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        {
            // SAFETY: SSE2 is enabled at compile time (the `cfg` above), so the target
            // feature the function needs is present on every machine this code runs on.
            #[allow(unsafe_code)]
            unsafe {
                sse2::fold16::<DEL>(self, block, carry, ascii)
            }
        }
        #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
        {
            let _ = (block, carry, ascii);
            Fold16 {
                bytes: [0; 16],
                good: 0,
                del: 0,
                lead_fix: 0,
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
impl Folder {
    /// Whether this machine has SSSE3 (so [`pack16`] may be called).
    #[inline]
    pub(crate) fn has_ssse3(&self) -> bool {
        self.ssse3
    }
}

#[cfg(target_arch = "x86_64")]
pub(crate) use ssse3::pack16;

/// The 16 bytes of `buf` from `at`, as an array for [`pack16`] (the slice has that
/// length, so the conversion cannot fail and compiles to nothing).
#[inline(always)]
pub(crate) fn block_at(buf: &mut [u8], at: usize) -> &mut [u8; 16] {
    let block: &mut [u8] = &mut buf[at..at + 16];
    block
        .try_into()
        .unwrap_or_else(|_| unreachable!("a slice of 16 bytes"))
}

/// What `pack16` does on x86-64, a byte at a time, for other targets. They have no kernel
/// (`Folder::new` returns `None`), so nothing calls it; it keeps the callers free of `cfg`.
/// Declared `unsafe` only to have the same signature as the SSSE3 version.
///
/// # Safety
///
/// None needed.
#[cfg(not(target_arch = "x86_64"))]
#[allow(unsafe_code)]
pub(crate) unsafe fn pack16(out: &mut [u8; 16], x: &[u8; 16], del: u32) -> usize {
    let mut k = 0;
    for (j, &b) in x.iter().enumerate() {
        if del >> j & 1 == 0 {
            out[k] = b;
            k += 1;
        }
    }
    16 - k
}

#[cfg(target_arch = "x86_64")]
mod ssse3 {
    use std::arch::x86_64::*;

    /// For each mask of eight bytes: the indices of its set bits in order, then 0x80 (a zero
    /// byte from `pshufb`).
    const PACK: [[u8; 8]; 256] = {
        let mut t = [[0x80u8; 8]; 256];
        let mut m = 0;
        while m < 256 {
            let mut k = 0;
            let mut j = 0;
            while j < 8 {
                if m >> j & 1 != 0 {
                    t[m][k] = j as u8;
                    k += 1;
                }
                j += 1;
            }
            m += 1;
        }
        t
    };

    /// The number of set bits of each byte value.
    const COUNT: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut m = 0;
        while m < 256 {
            t[m] = (m as u32).count_ones() as u8;
            m += 1;
        }
        t
    };

    /// Writes `x` without the bytes whose bits are set in `del` (bits 0–15) to the front of
    /// `out` (16 bytes of room; the bytes past the kept ones are unspecified), and returns
    /// how many bytes it left out. One `pshufb` packs each half; two stores join them.
    #[inline]
    #[target_feature(enable = "ssse3")]
    pub(crate) fn pack16(out: &mut [u8; 16], x: &[u8; 16], del: u32) -> usize {
        let keep = !del & 0xFFFF;
        let lo = (keep & 0xFF) as usize;
        let hi = (keep >> 8) as usize;
        let idx = u64::from_le_bytes(PACK[lo]);
        // The high half's indices are 8 more (0x80 + 8 still has the zeroing bit).
        let idx_hi = u64::from_le_bytes(PACK[hi]) + 0x0808_0808_0808_0808;
        let mut a = [0u8; 8];
        let mut b = [0u8; 8];
        a.copy_from_slice(&x[..8]);
        b.copy_from_slice(&x[8..]);
        let v = _mm_set_epi64x(i64::from_le_bytes(b), i64::from_le_bytes(a));
        let i = _mm_set_epi64x(idx_hi as i64, idx as i64);
        let p = _mm_shuffle_epi8(v, i);
        let low = _mm_cvtsi128_si64(p) as u64;
        let high = _mm_cvtsi128_si64(_mm_unpackhi_epi64(p, p)) as u64;
        // (At most 8: `min` lets the compiler see the store fits.)
        let c0 = (COUNT[lo] as usize).min(8);
        out[..8].copy_from_slice(&low.to_le_bytes());
        out[c0..c0 + 8].copy_from_slice(&high.to_le_bytes());
        16 - c0 - COUNT[hi] as usize
    }
}

/// The classes of 64 bytes that the tagger's word skipper needs, one bit per byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Classes64 {
    /// ASCII bytes other than letters and digits (spaces, punctuation, controls).
    pub(crate) sep: u64,
    /// The lead byte of each letter of U+0621–U+063A and U+0641–U+064A whose two bytes are
    /// in the block.
    pub(crate) leads: u64,
    /// Both bytes of those letters.
    pub(crate) letters: u64,
    /// Both bytes of each tatweel and haraka U+064B–U+0652 (the kernel's `MARKS`).
    pub(crate) marks: u64,
    /// Both bytes of each Arabic comma, semicolon and question mark (، ؛ ؟).
    pub(crate) punct: u64,
}

/// Classifies 64 bytes that start on a character boundary: SSE2 on x86-64, a byte at a
/// time elsewhere (the same result).
#[inline]
pub(crate) fn classify64(block: &[u8; 64]) -> Classes64 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    let masks = {
        // SAFETY: SSE2 is enabled at compile time (the `cfg` above), so the target
        // feature the function needs is present on every machine this code runs on.
        #[allow(unsafe_code)]
        unsafe {
            sse2::classes64(block)
        }
    };
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    let masks = classes64_bytewise(block);
    classes_from(masks)
}

/// [`Classes64`] from the masks of bytes: separators, D8, D9, the continuation bytes that
/// make a letter after D8 (A1–BA) and after D9 (81–8A), a mark after D9 (80, 8B–92), and
/// punctuation after D8 (8C, 9B, 9F).
#[inline(always)]
fn classes_from([sep, d8, d9, c8, c9, m9, p8]: [u64; 7]) -> Classes64 {
    let leads = (d8 & c8 >> 1) | (d9 & c9 >> 1);
    let marks = d9 & m9 >> 1;
    let punct = d8 & p8 >> 1;
    Classes64 {
        sep,
        leads,
        letters: leads | leads << 1,
        marks: marks | marks << 1,
        punct: punct | punct << 1,
    }
}

/// The masks of [`classes_from`], a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn classes64_bytewise(block: &[u8; 64]) -> [u64; 7] {
    let mut m = [0u64; 7];
    for (j, &b) in block.iter().enumerate() {
        let bits = [
            b.is_ascii() && !b.is_ascii_alphanumeric(),
            b == 0xD8,
            b == 0xD9,
            (LETTERS_D8.0..=LETTERS_D8.1).contains(&b),
            (LETTERS_D9.0..=LETTERS_D9.1).contains(&b),
            MARKS.contains(&b),
            PUNCT_D8.contains(&b),
        ];
        for (mask, bit) in m.iter_mut().zip(bits) {
            *mask |= u64::from(bit) << j;
        }
    }
    m
}

/// What [`Folder::fold16_after`] makes of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fold16 {
    /// The folded bytes (those the kernel does not vouch for are unspecified).
    pub(crate) bytes: [u8; 16],
    /// Bit j: the kernel vouches for byte j: an ASCII byte (if asked), or either byte of a
    /// letter it handles (for a continuation byte at 0, with the `carry` lead byte). A lead
    /// byte in the last position is not vouched for.
    pub(crate) good: u32,
    /// Bit j: byte j is part of a mark the kernel deletes (both bytes of it, or for the
    /// continuation byte at 0 the one after the `carry` lead byte). These bits are not in
    /// `good`.
    pub(crate) del: u32,
    /// 1 if the `carry` lead byte becomes D9 (its letter folds to one in U+0640–U+067F),
    /// else 0: to be or-ed into the byte written for it.
    pub(crate) lead_fix: u8,
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use super::{Folder, LETTERS_D8, LETTERS_D9, PUNCT_D8};
    use std::arch::x86_64::*;

    /// Bytes equal to `b`.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn eq(v: __m128i, b: u8) -> __m128i {
        _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8))
    }

    /// Bytes in `lo..=hi` (unsigned).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn within(v: __m128i, lo: u8, hi: u8) -> __m128i {
        let d = _mm_sub_epi8(v, _mm_set1_epi8(lo as i8));
        _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((hi - lo) as i8)), d)
    }

    /// The masks of [`super::classes_from`].
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn classes64(block: &[u8; 64]) -> [u64; 7] {
        let mut m = [0u64; 7];
        for (i, part) in block.chunks_exact(16).enumerate() {
            let mut lo = [0u8; 8];
            let mut hi = [0u8; 8];
            lo.copy_from_slice(&part[..8]);
            hi.copy_from_slice(&part[8..]);
            let v = _mm_set_epi64x(i64::from_le_bytes(hi), i64::from_le_bytes(lo));
            let alnum = _mm_or_si128(
                within(v, b'0', b'9'),
                within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z'),
            );
            let ascii = !_mm_movemask_epi8(v) & 0xFFFF;
            let sep = ascii & !_mm_movemask_epi8(alnum);
            let masks = [
                sep,
                _mm_movemask_epi8(eq(v, 0xD8)),
                _mm_movemask_epi8(eq(v, 0xD9)),
                _mm_movemask_epi8(within(v, LETTERS_D8.0, LETTERS_D8.1)),
                _mm_movemask_epi8(within(v, LETTERS_D9.0, LETTERS_D9.1)),
                _mm_movemask_epi8(_mm_or_si128(within(v, 0x8B, 0x92), eq(v, 0x80))),
                _mm_movemask_epi8(_mm_or_si128(
                    eq(v, PUNCT_D8[0]),
                    _mm_or_si128(eq(v, PUNCT_D8[1]), eq(v, PUNCT_D8[2])),
                )),
            ];
            for (mask, bits) in m.iter_mut().zip(masks) {
                *mask |= u64::from(bits as u16) << (16 * i);
            }
        }
        m
    }

    /// [`Folder::fold16_after`]: one load, compares and masks, and one movemask for the
    /// vouched bytes.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn fold16<const DEL: bool>(
        f: &Folder,
        block: &[u8; 16],
        carry: u8,
        ascii: bool,
    ) -> super::Fold16 {
        let mut lo = [0u8; 8];
        let mut hi = [0u8; 8];
        lo.copy_from_slice(&block[..8]);
        hi.copy_from_slice(&block[8..]);
        let v = _mm_set_epi64x(i64::from_le_bytes(hi), i64::from_le_bytes(lo));
        // Byte j: whether byte j - 1 is the lead byte D8 or D9 (so byte j is its
        // continuation byte); for byte 0, whether `carry` is.
        let carry_d8 = _mm_cvtsi32_si128(-i32::from(carry == 0xD8) & 0xFF);
        let carry_d9 = _mm_cvtsi32_si128(-i32::from(carry == 0xD9) & 0xFF);
        let after_d8 = _mm_or_si128(_mm_slli_si128::<1>(eq(v, 0xD8)), carry_d8);
        let after_d9 = _mm_or_si128(_mm_slli_si128::<1>(eq(v, 0xD9)), carry_d9);
        // Continuation bytes of the letters the kernel handles, and their lead bytes (the
        // byte before; a lead byte in the last position has no continuation here).
        let cont = _mm_or_si128(
            _mm_and_si128(after_d8, within(v, LETTERS_D8.0, LETTERS_D8.1)),
            _mm_and_si128(after_d9, within(v, LETTERS_D9.0, LETTERS_D9.1)),
        );
        let lead = _mm_srli_si128::<1>(cont);
        let mut good = _mm_movemask_epi8(_mm_or_si128(cont, lead)) as u32;
        if ascii {
            good |= !(_mm_movemask_epi8(v) as u32) & 0xFFFF;
        }

        // The folds: each marks continuation bytes; those of ؤ ئ ة also move the lead
        // byte from D8 to D9.
        // A group that is off compares with 0, which never follows a lead byte.
        let c = |group: usize, byte: u8| if f.on[group] { byte } else { 0 };
        let alef = _mm_and_si128(
            after_d8,
            _mm_or_si128(
                _mm_or_si128(eq(v, c(0, 0xA2)), eq(v, c(0, 0xA3))),
                eq(v, c(0, 0xA5)),
            ),
        );
        let waw = _mm_and_si128(after_d8, eq(v, c(1, 0xA4)));
        let yeh = _mm_and_si128(after_d8, eq(v, c(2, 0xA6)));
        let teh = _mm_and_si128(after_d8, eq(v, c(3, 0xA9)));
        let ya = _mm_and_si128(after_d9, eq(v, c(4, 0x89)));
        let to_ya = _mm_or_si128(yeh, ya);
        let any = _mm_or_si128(_mm_or_si128(alef, waw), _mm_or_si128(to_ya, teh));
        let new = _mm_or_si128(
            _mm_or_si128(
                _mm_and_si128(alef, _mm_set1_epi8(0xA7u8 as i8)),
                _mm_and_si128(waw, _mm_set1_epi8(0x88u8 as i8)),
            ),
            _mm_or_si128(
                _mm_and_si128(to_ya, _mm_set1_epi8(0x8Au8 as i8)),
                _mm_and_si128(teh, _mm_set1_epi8(0x87u8 as i8)),
            ),
        );
        let folded = _mm_or_si128(_mm_andnot_si128(any, v), new);
        // D8 → D9 is setting the lowest bit.
        let to_d9 = _mm_or_si128(_mm_or_si128(waw, yeh), teh);
        let relead = _mm_srli_si128::<1>(to_d9);
        let out = _mm_or_si128(folded, _mm_and_si128(relead, _mm_set1_epi8(1)));
        let lead_fix = (_mm_movemask_epi8(to_d9) & 1) as u8;

        let low = _mm_cvtsi128_si64(out) as u64;
        let high = _mm_cvtsi128_si64(_mm_unpackhi_epi64(out, out)) as u64;
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&low.to_le_bytes());
        bytes[8..].copy_from_slice(&high.to_le_bytes());
        // Marks to delete: a continuation byte of [`super::MARKS`] after D9 (one compare
        // for the harakat, one for tatweel), and its lead byte (if in the block).
        let del = if DEL && f.marks {
            let mark = _mm_and_si128(after_d9, _mm_or_si128(within(v, 0x8B, 0x92), eq(v, 0x80)));
            _mm_movemask_epi8(_mm_or_si128(mark, _mm_srli_si128::<1>(mark))) as u32
        } else {
            0
        };
        super::Fold16 {
            bytes,
            good,
            del,
            lead_fix,
        }
    }
}

#[cfg(all(test, target_arch = "x86_64", target_feature = "sse2"))]
mod tests {
    use super::*;

    /// The table of the default profile's five folds, as the kernel reads it.
    fn folds(pair: [u8; 2]) -> Option<[u8; 2]> {
        let c = std::str::from_utf8(&pair).ok()?.chars().next()?;
        let r = match c {
            'آ' | 'أ' | 'إ' => 'ا',
            'ؤ' => 'و',
            'ئ' | 'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        };
        let mut out = [0u8; 4];
        r.encode_utf8(&mut out);
        Some([out[0], out[1]])
    }

    fn block(s: &str) -> [u8; 16] {
        let mut b = [b'.'; 16];
        b[..s.len()].copy_from_slice(s.as_bytes());
        b
    }

    #[test]
    fn folds_letters_and_stops_at_what_it_does_not_handle() {
        let f = Folder::new(folds, |_| false).expect("the default folds are the kernel's");
        assert_eq!(f.on, [true; 5]);
        // Seven letters and a space: the ASCII counts only when asked for.
        let (out, n) = f.fold16(&block("أحمد ة"), false);
        assert_eq!(n, 8);
        assert_eq!(&out[..8], "احمد".as_bytes());
        let (out, n) = f.fold16(&block("أحمد ىؤئ"), true);
        assert_eq!(n, 16);
        assert_eq!(&out[..15], "احمد يوي".as_bytes());
        // A fatha, a digit, a presentation form, and a lead byte cut off at the end.
        assert_eq!(f.fold16(&block("حَ"), false).1, 2);
        assert_eq!(f.fold16(&block("ح١"), true).1, 2);
        assert_eq!(f.fold16(&block("ﻻ"), true).1, 0);
        let mut b = block("حلب حلب  ");
        b[15] = 0xD8;
        let (_, n) = f.fold16(&b, true);
        assert_eq!(n, 15);
    }

    #[test]
    fn a_block_may_start_inside_a_letter() {
        let f = Folder::new(folds, |_| false).unwrap();
        // The continuation byte of ة (D8 A9) after its lead byte: ه is D9 87.
        let mut b = block(" ب");
        b[0] = 0xA9;
        let r = f.fold16_after::<true>(&b, 0xD8, true);
        assert_eq!((r.bytes[0], r.lead_fix, r.good & 0b1111), (0x87, 1, 0b1111));
        // The same byte after D9 is no letter the kernel handles (U+0669, a digit).
        let r = f.fold16_after::<true>(&b, 0xD9, true);
        assert_eq!((r.good & 1, r.lead_fix), (0, 0));
        // A lead byte in the last position is not vouched for.
        let mut b = block("حلب حلب  ");
        b[15] = 0xD9;
        assert_eq!(f.fold16_after::<true>(&b, 0, true).good, 0x7FFF);
    }

    #[test]
    fn groups_the_table_keeps_are_kept() {
        let keep_hamza = |p: [u8; 2]| match p {
            [0xD8, 0xA4] | [0xD8, 0xA6] => Some(p),
            _ => folds(p),
        };
        let f = Folder::new(keep_hamza, |_| false).unwrap();
        assert_eq!(f.on, [true, false, false, true, true]);
        let (out, n) = f.fold16(&block("ؤئة"), false);
        assert_eq!((&out[..6], n), ("ؤئه".as_bytes(), 6));
    }

    #[test]
    fn a_table_the_kernel_cannot_follow_turns_it_off() {
        // ب to ت: no group does that.
        let odd = |p: [u8; 2]| match p {
            [0xD8, 0xA8] => Some([0xD8, 0xAA]),
            _ => folds(p),
        };
        assert_eq!(Folder::new(odd, |_| false), None);
        // Deleting a letter is not a two-byte result either.
        assert_eq!(
            Folder::new(
                |p| (p != [0xD9, 0x81]).then(|| folds(p)).flatten(),
                |_| false
            ),
            None
        );
    }

    /// The default profile's deletions: tatweel and the harakat.
    fn deletes_marks(pair: [u8; 2]) -> bool {
        pair[0] == 0xD9 && (pair[1] == 0x80 || (0x8B..=0x9F).contains(&pair[1]))
    }

    #[test]
    fn marks_are_deleted_when_the_table_deletes_them() {
        let f = Folder::new(folds, deletes_marks).unwrap();
        assert!(f.marks);
        // حَـلَب: ح at 0, fatha (D9 8E) at 2, tatweel (D9 80) at 4, ل at 6, fatha at 8.
        let r = f.fold16_after::<true>(&block("حَـلَب"), 0, true);
        assert_eq!(r.del, 0b11_0011_1100);
        assert_eq!(r.good & 0b1111_1111_1111, 0b1100_1100_0011);
        // Shadda and sukun are marks; hamza above (D9 94) is not one the kernel deletes.
        assert_eq!(f.fold16_after::<true>(&block("ّْ"), 0, true).del, 0b1111);
        let r = f.fold16_after::<true>(&block("ٔ"), 0, true);
        assert_eq!((r.del, r.good & 0b11), (0, 0));
        // A mark whose lead byte ended the last block.
        let mut b = block(" ب");
        b[0] = 0x8E;
        let r = f.fold16_after::<true>(&b, 0xD9, true);
        assert_eq!((r.del & 1, r.good & 1), (1, 0));
        // The same byte after D8 is a letter (U+060E is not one either).
        assert_eq!(f.fold16_after::<true>(&b, 0xD8, true).del & 1, 0);
    }

    #[test]
    fn a_table_that_keeps_a_mark_leaves_every_mark_to_the_caller() {
        let keep_shadda = |p: [u8; 2]| p != [0xD9, 0x91] && deletes_marks(p);
        let f = Folder::new(folds, keep_shadda).unwrap();
        assert!(!f.marks);
        let r = f.fold16_after::<true>(&block("حَ"), 0, true);
        assert_eq!((r.del, r.good & 0b1111), (0, 0b11));
    }

    #[test]
    fn pack16_leaves_out_the_deleted_bytes_and_keeps_the_order() {
        assert!(
            std::arch::is_x86_feature_detected!("ssse3"),
            "the SSSE3 path is tested on machines that have it"
        );
        let x: [u8; 16] = std::array::from_fn(|j| 100 + j as u8);
        for del in [0u32, 0xFFFF, 0b0101_1111_1111_1010, 0xFF0F, 0x0FF0, 0x7FFE] {
            let mut out = [0u8; 16];
            // SAFETY: checked above.
            #[allow(unsafe_code)]
            let gone = unsafe { pack16(&mut out, &x, del) };
            let want: Vec<u8> = (0..16)
                .filter(|&j| del >> j & 1 == 0)
                .map(|j| x[j])
                .collect();
            assert_eq!(gone, 16 - want.len(), "{del:#b}");
            assert_eq!(out[..want.len()], want[..], "{del:#b}");
        }
    }

    /// Every byte value at every position, and runs of letters across the 16-byte parts.
    #[test]
    fn classify64_agrees_with_the_bytewise_version() {
        let text = "قوات سوريا، 17 abc «الحسكة» ـ\u{064E}ٹ\u{00A0}Zz@[`{/:وللمحافظات";
        let mut cases: Vec<[u8; 64]> = Vec::new();
        for shift in 0..text.len() {
            let mut b = [b' '; 64];
            for (j, &x) in text.as_bytes()[shift..].iter().take(64).enumerate() {
                b[j] = x;
            }
            cases.push(b);
        }
        for v in 0..=255u8 {
            for at in [0, 15, 16, 31, 63] {
                let mut b = [0xD8; 64];
                b[at] = v;
                cases.push(b);
                let mut b = [0xD9; 64];
                b[at] = v;
                cases.push(b);
            }
        }
        for b in &cases {
            assert_eq!(classify64(b), classes_from(classes64_bytewise(b)), "{b:?}");
        }
        // "حَلب، ": the letters at bytes 0–1 and 4–7, the fatha at 2–3, the comma at 8–9,
        // the space at 10.
        let mut b = [0u8; 64];
        b[..11].copy_from_slice("حَلب، ".as_bytes());
        let c = classify64(&b);
        assert_eq!(
            (c.leads, c.letters, c.marks, c.punct, c.sep & 0x7FF),
            (
                0b101_0001,
                0b1111_0011,
                0b1100,
                0b11_0000_0000,
                0b100_0000_0000
            )
        );
    }
}
