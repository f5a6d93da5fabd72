//! An EC key written out: its public and private JWK (RFC 7518 §6.2), DER SubjectPublicKeyInfo
//! and PKCS#8 (RFC 5480, RFC 5915), and its RFC 7638 thumbprint.

use super::{Curve, EcKey, Signing};
use crate::b64;
use crate::der;
use crate::jwk;

impl EcKey {
    fn coordinates(&self) -> (String, String) {
        let point = self.point();
        let len = self.curve().field_len();
        let x = point.get(1..=len).unwrap_or_default();
        let y = point.get(len + 1..).unwrap_or_default();
        (b64::encode(x), b64::encode(y))
    }

    fn members(&self) -> Vec<(&'static str, String)> {
        let (x, y) = self.coordinates();
        let crv = self.curve().crv().to_owned();
        vec![("kty", "EC".to_owned()), ("crv", crv), ("x", x), ("y", y), ("alg", self.curve().alg().to_owned())]
    }

    /// The private JWK as JSON text (RFC 7518 §6.2.2); `None` for a public key.
    #[must_use]
    pub fn private_jwk(&self, kid: Option<&str>) -> Option<String> {
        let d = per_curve!(Signing, self.private.as_ref()?, k => b64::encode(&k.to_bytes()));
        let mut members = self.members();
        members.push(("d", d));
        Some(jwk::to_json(&members, kid))
    }

    /// The public JWK as JSON text (RFC 7518 §6.2.1), with `alg` and optional `kid`.
    #[must_use]
    pub fn public_jwk(&self, kid: Option<&str>) -> String {
        jwk::to_json(&self.members(), kid)
    }

    /// `id-ecPublicKey` with this curve's OID (RFC 5480 §2.1.1).
    fn algorithm_identifier(&self) -> Vec<u8> {
        let curve_oid: &[u8] = match self.curve() {
            Curve::P256 => &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
            Curve::P384 => &[0x2b, 0x81, 0x04, 0x00, 0x22],
            Curve::P521 => &[0x2b, 0x81, 0x04, 0x00, 0x23],
            Curve::Secp256k1 => &[0x2b, 0x81, 0x04, 0x00, 0x0a],
        };
        der::sequence(&[&der::tlv(der::tag::OID, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]), &der::tlv(der::tag::OID, curve_oid)])
    }

    /// The public key as DER SubjectPublicKeyInfo.
    #[must_use]
    pub fn spki_der(&self) -> Option<Vec<u8>> {
        Some(der::spki(&self.algorithm_identifier(), &self.point()))
    }

    /// The private key as DER PKCS#8 holding a SEC1 ECPrivateKey (RFC 5915); `None` for a public key.
    #[must_use]
    pub fn pkcs8_der(&self) -> Option<Vec<u8>> {
        let d = per_curve!(Signing, self.private.as_ref()?, k => k.to_bytes().to_vec());
        let public = der::tlv(0xa1, &der::bit_string(&self.point()));
        let ec_private_key = der::sequence(&[&der::unsigned_integer(&[1]), &der::octet_string(&d), &public]);
        Some(der::pkcs8(&self.algorithm_identifier(), &ec_private_key))
    }

    /// The RFC 7638 thumbprint: over `crv`, `kty`, `x`, `y`.
    #[must_use]
    pub fn thumbprint(&self) -> String {
        let (x, y) = self.coordinates();
        jwk::thumbprint(&[("crv", self.curve().crv().to_owned()), ("kty", "EC".to_owned()), ("x", x), ("y", y)])
    }
}
