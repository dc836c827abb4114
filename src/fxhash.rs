//! FxHash, the multiply-rotate hasher of the Rust compiler: much faster than
//! the default SipHash on the short keys (words) these tables hold.

/// A fast hasher (FxHash) for tables looked up once per word of a text: the
/// transition words, and the per-thread caches of pure functions of a word
/// (syllable counts). Not resistant to chosen collisions: the caches are
/// bounded, and a table's keys come from the rule files.
#[derive(Debug, Clone, Copy, Default)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// A `HashSet` with the fast hasher, for sets whose entries come from the
/// rule and lexicon files (looked up with the words of a text).
pub type FxHashSet<T> = std::collections::HashSet<T, FxBuild>;

/// A `HashMap` with the fast hasher, for tables keyed by small integers
/// (sentence numbers, string addresses) or by entries of the rule files.
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
