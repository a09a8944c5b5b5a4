//! A fast hasher for the identifier → slot map.
//!
//! Identifiers are UUIDs whose bits are already well mixed (v7: 74 random bits), so the
//! default SipHash buys nothing but time on a million lookups. This is the Fx multiply-rotate
//! mix over 8-byte words. It is not DoS-resistant; the map holds identifiers of the caller's
//! own records.

use std::hash::{BuildHasher, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct IdHashBuilder;

impl BuildHasher for IdHashBuilder {
    type Hasher = IdHasher;
    fn build_hasher(&self) -> IdHasher {
        IdHasher(0)
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct IdHasher(u64);

impl IdHasher {
    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            for (d, s) in w.iter_mut().zip(rest) {
                *d = *s;
            }
            self.mix(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    /// The splitmix64 finalizer: the map takes its bucket from the low bits, and sequential
    /// identifiers differ only in high bits before it.
    #[inline]
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    use super::IdHashBuilder;
    use crate::OrgUnitId;

    #[test]
    fn sequential_ids_spread_over_low_bits() {
        // 4096 sequential identifiers must fill most of 4096 buckets chosen by the low bits.
        let buckets: HashSet<u64> = (0..4096u128)
            .map(|n| IdHashBuilder.hash_one(OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))) & 4095)
            .collect();
        assert!(buckets.len() > 2400, "only {} buckets used", buckets.len());
    }
}
