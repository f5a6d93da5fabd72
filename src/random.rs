//! Randomness is an input (house rule 7): the core asks a `RandomSource` the caller supplies
//! (the wasm binding backs it with the platform's secure generator; tests with a seeded one).

/// Something that fills buffers with cryptographically secure random bytes.
pub trait RandomSource {
    /// Fills `dst`; false when no randomness is available.
    fn fill(&mut self, dst: &mut [u8]) -> bool;
}

/// A source with no randomness: enough for every deterministic algorithm (HS*, ES*, EdDSA),
/// refused by those that need it.
pub struct NoRandomSource;

impl RandomSource for NoRandomSource {
    fn fill(&mut self, _dst: &mut [u8]) -> bool {
        false
    }
}

/// The source failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoRandomness;

impl core::fmt::Display for NoRandomness {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("no secure random source")
    }
}

impl core::error::Error for NoRandomness {}

/// Presents a `RandomSource` as the RNG the RustCrypto crates take.
#[cfg(feature = "rsa")]
pub struct RngAdapter<'a>(pub &'a mut dyn RandomSource);

#[cfg(feature = "rsa")]
impl rsa::rand_core::TryRng for RngAdapter<'_> {
    type Error = NoRandomness;

    fn try_next_u32(&mut self) -> Result<u32, NoRandomness> {
        let mut bytes = [0_u8; 4];
        self.try_fill_bytes(&mut bytes).map(|()| u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, NoRandomness> {
        let mut bytes = [0_u8; 8];
        self.try_fill_bytes(&mut bytes).map(|()| u64::from_le_bytes(bytes))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), NoRandomness> {
        if self.0.fill(dst) {
            Ok(())
        } else {
            Err(NoRandomness)
        }
    }
}

#[cfg(feature = "rsa")]
impl rsa::rand_core::TryCryptoRng for RngAdapter<'_> {}
