//! A small, fast hasher for the short strings of Arabic words.

use std::hash::Hasher;

/// A small, fast multiplicative hasher for short strings (the idea of rustc's FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

pub(crate) const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// One step of the hash: folds the 8-byte word `w` into `h`.
#[inline(always)]
pub(crate) fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(SEED)
}

/// Folds `bytes` into `h` eight at a time, the last word zero-padded. The gazetteer's
/// scanner computes the same value from a padded buffer (`TokBuf::hash_from`).
#[inline]
pub(crate) fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Assembled by hand: a copy into a buffer would call memcpy for a few bytes.
        let mut w = 0u64;
        for (i, &b) in rest.iter().enumerate() {
            w |= u64::from(b) << (8 * i);
        }
        h = mix(h, w);
    }
    h
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = mix(self.0, u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = mix(self.0, i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashSet`/`HashMap` hasher builder using [`WordHasher`].
pub(crate) type BuildWordHasher = std::hash::BuildHasherDefault<WordHasher>;
