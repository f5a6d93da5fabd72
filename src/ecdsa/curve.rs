//! The curves JOSE registers for ECDSA and what each fixes: `crv` name, `alg`, field size.

/// The curves JOSE registers for ECDSA.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// NIST P-256 (ES256)
    P256,
    /// NIST P-384 (ES384)
    P384,
    /// NIST P-521 (ES512)
    P521,
    /// secp256k1 (ES256K)
    Secp256k1,
}

impl Curve {
    /// Every curve, in table order.
    pub const ALL: [Self; 4] = [Self::P256, Self::P384, Self::P521, Self::Secp256k1];

    /// The JWK `crv` name.
    #[must_use]
    pub const fn crv(self) -> &'static str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
            Self::P521 => "P-521",
            Self::Secp256k1 => "secp256k1",
        }
    }

    /// The one JWS algorithm of this curve.
    #[must_use]
    pub const fn alg(self) -> &'static str {
        match self {
            Self::P256 => "ES256",
            Self::P384 => "ES384",
            Self::P521 => "ES512",
            Self::Secp256k1 => "ES256K",
        }
    }

    /// Bytes per coordinate and per signature half.
    #[must_use]
    pub const fn field_len(self) -> usize {
        match self {
            Self::P256 | Self::Secp256k1 => 32,
            Self::P384 => 48,
            Self::P521 => 66,
        }
    }

    pub(super) fn from_crv(crv: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.crv() == crv)
    }
}
