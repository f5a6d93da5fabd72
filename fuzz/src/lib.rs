//! What the fuzz targets share: the fixed keys of every family, and the oracles every target
//! applies to what the engine returns (beyond "it did not panic").

use jwt_lens::key::Keyring;
use jwt_lens::options::GenerateOptions;
use jwt_lens::random::RandomSource;
use jwt_lens::{generate_key, import_key, SecretEncoding, VerifyOptions, VerifyReport};

/// xorshift64*: the fixed keys must be the same on every run, so a crash found once
/// reproduces from its input alone. Never used outside the fuzz crate.
pub struct SeededRandom(pub u64);

impl RandomSource for SeededRandom {
    fn fill(&mut self, dst: &mut [u8]) -> bool {
        for byte in dst {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            *byte = (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8;
        }
        true
    }
}

/// One fixed key: the algorithms it signs, its private half and its public half.
pub struct FixedKey {
    /// The JWS algorithms the key is for.
    pub algs: &'static [&'static str],
    /// The key as the signer holds it.
    pub private: Keyring,
    /// The key as a verifier holds it (for HMAC, the same secret).
    pub public: Keyring,
}

/// One key per family and curve: HMAC (a 64-byte secret for HS256/384/512), RSA 2048 (RS*, PS*),
/// P-256, P-384, P-521, secp256k1, Ed25519, ML-DSA-44/65/87.
const FAMILIES: [(&str, &[&str]); 10] = [
    ("HS512", &["HS256", "HS384", "HS512"]),
    ("RS256", &["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]),
    ("ES256", &["ES256"]),
    ("ES384", &["ES384"]),
    ("ES512", &["ES512"]),
    ("ES256K", &["ES256K"]),
    ("Ed25519", &["Ed25519", "EdDSA"]),
    ("ML-DSA-44", &["ML-DSA-44"]),
    ("ML-DSA-65", &["ML-DSA-65"]),
    ("ML-DSA-87", &["ML-DSA-87"]),
];

/// The fixed keys, made on first use from a fixed seed with the engine's own `generate_key`
/// (deterministic: the same keys on every run and machine for the same engine version).
/// Asymmetric keys are imported from PEM, which pins no algorithm, so Ed25519 serves both
/// `Ed25519` and `EdDSA` and the RSA key every RS* and PS* algorithm.
/// Made once per thread (keys cache HMAC state and are not `Sync`; libFuzzer runs one thread).
pub fn fixed_keys() -> &'static [FixedKey] {
    thread_local! {
        static KEYS: &'static [FixedKey] = Box::leak(make_fixed_keys().into_boxed_slice());
    }
    KEYS.with(|keys| *keys)
}

fn make_fixed_keys() -> Vec<FixedKey> {
    {
        let mut random = SeededRandom(0x6a77_742d_6c65_6e73); // "jwt-lens"
        FAMILIES
            .iter()
            .map(|(alg, algs)| {
                let generated = generate_key(alg, &GenerateOptions::default(), &mut random)
                    .unwrap_or_else(|e| panic!("generating the fixed {alg} key: {e:?}"));
                let (private, public) = match &generated.secret {
                    Some(secret) => (import(secret, SecretEncoding::Base64Url), import(secret, SecretEncoding::Base64Url)),
                    None => {
                        let private = generated.private_pem.as_deref().unwrap_or(&generated.private_jwk);
                        let public = generated.public_pem.as_deref().or(generated.public_jwk.as_deref()).unwrap_or_default();
                        (import(private, SecretEncoding::Utf8), import(public, SecretEncoding::Utf8))
                    }
                };
                FixedKey { algs, private, public }
            })
            .collect()
    }
}

fn import(text: &str, encoding: SecretEncoding) -> Keyring {
    import_key(text, encoding).unwrap_or_else(|d| panic!("importing a fixed key: {d:?}"))
}

/// Every JSON text the engine hands to the JS binding must be JSON (the binding parses it).
pub fn assert_json(what: &str, text: &str) {
    if let Err(e) = jwt_lens::json::parse(text, 256) {
        panic!("{what} is not JSON ({} at {}): {text}", e.message, e.offset);
    }
}

/// What must hold of every verify report: `valid` only with a verified signature, no error
/// and every check passed; and its JS form is JSON.
pub fn assert_report(report: &VerifyReport) {
    if report.valid {
        assert!(report.signature_valid, "valid without a verified signature");
        assert!(report.errors.is_empty(), "valid with errors: {:?}", report.errors);
        assert!(report.checks.iter().all(|c| c.ok), "valid with a failed check: {:?}", report.checks);
    }
    assert_json("verify_json", &jwt_lens::report::verify_json(report));
}

/// Verify options drawn from one byte: a pinned algorithm list, claim expectations, a clock.
pub fn options_from(byte: u8, algs: &[&str]) -> VerifyOptions {
    let mut options = VerifyOptions { now: 1_700_000_000.0, ..VerifyOptions::default() };
    if byte & 1 != 0 {
        options.algorithms = Some(algs.iter().map(|a| (*a).to_owned()).collect());
    }
    if byte & 2 != 0 {
        options.issuer = Some(vec!["https://issuer.example".to_owned()]);
        options.audience = Some(vec!["aud-1".to_owned(), "aud-2".to_owned()]);
        options.subject = Some("subject".to_owned());
        options.typ = Some("JWT".to_owned());
    }
    if byte & 4 != 0 {
        options.required_claims = vec!["exp".to_owned(), "iat".to_owned()];
        options.max_token_age = Some(3600.0);
        options.leeway = 30.0;
    }
    if byte & 8 != 0 {
        options.supports_b64 = true;
    }
    if byte & 16 != 0 {
        options.now = 0.0;
    }
    options
}
