//! An asymmetric key written out, dispatched to its family file: public and private JWK, PEM
//! SPKI and PKCS#8, and its RFC 7638 thumbprint.

use super::Asymmetric;

impl Asymmetric {
    /// The RFC 7638 thumbprint.
    #[must_use]
    pub fn thumbprint(&self) -> String {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => k.thumbprint(),
            #[cfg(feature = "eddsa")]
            Self::Ed(ref k) => k.thumbprint(),
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.thumbprint(),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => k.thumbprint(),
        }
    }

    /// The public JWK as JSON text.
    #[must_use]
    pub fn public_jwk(&self, kid: Option<&str>) -> String {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => k.public_jwk(kid),
            #[cfg(feature = "eddsa")]
            Self::Ed(ref k) => k.public_jwk(kid),
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.public_jwk(kid),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => k.public_jwk(kid),
        }
    }

    /// The public key as a PEM `PUBLIC KEY` block (SPKI).
    #[must_use]
    pub fn public_pem(&self) -> Option<String> {
        let der: Option<Vec<u8>> = match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => k.spki_der(),
            #[cfg(feature = "eddsa")]
            Self::Ed(ref k) => k.spki_der(),
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.spki_der(),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => k.spki_der(),
        };
        let der = der?;
        pem_rfc7468::encode_string("PUBLIC KEY", pem_rfc7468::LineEnding::LF, &der).ok()
    }

    /// The private key as a PEM `PRIVATE KEY` block (PKCS#8); `None` for a public key.
    #[must_use]
    pub fn private_pem(&self) -> Option<String> {
        let der: Option<Vec<u8>> = match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => k.pkcs8_der(),
            #[cfg(feature = "eddsa")]
            Self::Ed(ref k) => k.pkcs8_der(),
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.pkcs8_der(),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => k.pkcs8_der(),
        };
        let der = der?;
        pem_rfc7468::encode_string("PRIVATE KEY", pem_rfc7468::LineEnding::LF, &der).ok()
    }

    /// The private JWK as JSON text; `None` for a public key.
    #[must_use]
    pub fn private_jwk(&self, kid: Option<&str>) -> Option<String> {
        match *self {
            #[cfg(feature = "ecdsa")]
            Self::Ec(ref k) => k.private_jwk(kid),
            #[cfg(feature = "eddsa")]
            Self::Ed(ref k) => k.private_jwk(kid),
            #[cfg(feature = "rsa")]
            Self::Rsa(ref k) => k.private_jwk(kid),
            #[cfg(feature = "mldsa")]
            Self::MlDsa(ref k) => k.private_jwk(kid),
        }
    }
}
