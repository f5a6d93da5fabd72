//! One error vocabulary for the whole engine: stable codes, severities and diagnostics.
//!
//! The codes are part of the public API (shared with the JS package and documented in the
//! README), so a variant is never renamed; new findings get new variants.

use core::fmt;

mod diagnostic;
pub use diagnostic::{Diagnostic, Error, Severity};

/// A stable, snake_case diagnostic code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    /// The input is not a compact token of a known shape.
    Malformed,
    /// A segment is not canonical unpadded base64url.
    InvalidBase64,
    /// A decoded segment is not UTF-8.
    InvalidUtf8,
    /// A segment that must be JSON is not.
    InvalidJson,
    /// The protected header is JSON but not an object.
    HeaderNotObject,
    /// A JSON object names the same member twice.
    DuplicateMember,
    /// The algorithm is unknown or not supported by this build.
    UnsupportedAlg,
    /// The token is unsecured (`alg: none`).
    AlgNone,
    /// The algorithm is not among those the caller allowed.
    AlgNotAllowed,
    /// The key cannot be used with the algorithm.
    KeyAlgMismatch,
    /// The key cannot be parsed or used at all.
    InvalidKey,
    /// The key is too weak for the algorithm.
    WeakKey,
    /// No key in a key set fits the token.
    KeyNotFound,
    /// The signature does not verify.
    SignatureInvalid,
    /// An ECDSA signature is DER-encoded instead of raw `r || s`.
    SignatureDerEncoded,
    /// The header lists a critical extension that is not understood, or `crit` is malformed.
    CritUnsupported,
    /// The `b64` header parameter is misused.
    B64Invalid,
    /// `exp` has passed.
    Expired,
    /// `nbf` is still in the future.
    NotYetValid,
    /// `iat` is in the future.
    IatInFuture,
    /// The token is older than the caller's maximum age.
    TokenTooOld,
    /// A claim has the wrong JSON type.
    ClaimType,
    /// A required claim is absent.
    MissingClaim,
    /// `iss` differs from the expected issuer.
    IssuerMismatch,
    /// `aud` does not contain the expected audience.
    AudienceMismatch,
    /// `sub` differs from the expected subject.
    SubjectMismatch,
    /// `typ` differs from the expected type.
    TypMismatch,
    /// The token carries a key (`jwk`, `x5c`, `jku`, `x5u`) that was not used.
    EmbeddedKeyIgnored,
    /// The secret verifies only in another encoding.
    SecretEncodingHint,
    /// The input carried a `Bearer` prefix, an `Authorization:` line or surrounding whitespace.
    BearerPrefix,
    /// The input exceeds a size limit.
    TooLarge,
    // Issue 4, the lint and "probably meant" findings (one block, so parallel merges stay easy).
    /// The claims set has no `exp`: the token never expires.
    MissingExp,
    /// The token lives longer than 24 hours.
    LongLifetime,
    /// The `kid` looks like a path, SQL, a URL or shell syntax.
    SuspiciousKid,
    /// An integer beyond 2^53, which JavaScript numbers cannot hold exactly.
    BigNumber,
    /// The payload carries an e-mail address or a phone number.
    PersonalData,
    /// The HMAC signature verifies with a well-known demo secret, or the caller's secret is one.
    KnownSecret,
    /// Quotes, junk after the signature, or line breaks inside the token.
    TrailingCharacters,
    /// A PEM key lost its `-----BEGIN …-----` / `-----END …-----` lines.
    PemArmourMissing,
    /// A caller option is not valid.
    InvalidOption,
    /// The engine failed internally (a bug).
    Internal,
    // Issue 4, token kinds (one block, so parallel merges stay easy).
    /// A JWE was explained but not decrypted (decryption is out of scope).
    JweNotDecrypted,
    /// An SD-JWT disclosure's digest is in no `_sd` array of the token.
    SdDigestMismatch,
    /// The token is too large for the `known_secret` trial, which was skipped.
    KnownSecretNotTried,
}

impl Code {
    /// Every code, in declaration order (tests check that each one can be triggered).
    pub const ALL: &'static [Self] = &[
        Self::Malformed,
        Self::InvalidBase64,
        Self::InvalidUtf8,
        Self::InvalidJson,
        Self::HeaderNotObject,
        Self::DuplicateMember,
        Self::UnsupportedAlg,
        Self::AlgNone,
        Self::AlgNotAllowed,
        Self::KeyAlgMismatch,
        Self::InvalidKey,
        Self::WeakKey,
        Self::KeyNotFound,
        Self::SignatureInvalid,
        Self::SignatureDerEncoded,
        Self::CritUnsupported,
        Self::B64Invalid,
        Self::Expired,
        Self::NotYetValid,
        Self::IatInFuture,
        Self::TokenTooOld,
        Self::ClaimType,
        Self::MissingClaim,
        Self::IssuerMismatch,
        Self::AudienceMismatch,
        Self::SubjectMismatch,
        Self::TypMismatch,
        Self::EmbeddedKeyIgnored,
        Self::SecretEncodingHint,
        Self::BearerPrefix,
        Self::TooLarge,
        Self::MissingExp,
        Self::LongLifetime,
        Self::SuspiciousKid,
        Self::BigNumber,
        Self::PersonalData,
        Self::KnownSecret,
        Self::TrailingCharacters,
        Self::PemArmourMissing,
        Self::JweNotDecrypted,
        Self::SdDigestMismatch,
        Self::KnownSecretNotTried,
        Self::InvalidOption,
        Self::Internal,
    ];

    /// The stable snake_case name used in reports and by the JS API.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Malformed => "malformed",
            Self::InvalidBase64 => "invalid_base64",
            Self::InvalidUtf8 => "invalid_utf8",
            Self::InvalidJson => "invalid_json",
            Self::HeaderNotObject => "header_not_object",
            Self::DuplicateMember => "duplicate_member",
            Self::UnsupportedAlg => "unsupported_alg",
            Self::AlgNone => "alg_none",
            Self::AlgNotAllowed => "alg_not_allowed",
            Self::KeyAlgMismatch => "key_alg_mismatch",
            Self::InvalidKey => "invalid_key",
            Self::WeakKey => "weak_key",
            Self::KeyNotFound => "key_not_found",
            Self::SignatureInvalid => "signature_invalid",
            Self::SignatureDerEncoded => "signature_der_encoded",
            Self::CritUnsupported => "crit_unsupported",
            Self::B64Invalid => "b64_invalid",
            Self::Expired => "expired",
            Self::NotYetValid => "not_yet_valid",
            Self::IatInFuture => "iat_in_future",
            Self::TokenTooOld => "token_too_old",
            Self::ClaimType => "claim_type",
            Self::MissingClaim => "missing_claim",
            Self::IssuerMismatch => "issuer_mismatch",
            Self::AudienceMismatch => "audience_mismatch",
            Self::SubjectMismatch => "subject_mismatch",
            Self::TypMismatch => "typ_mismatch",
            Self::EmbeddedKeyIgnored => "embedded_key_ignored",
            Self::SecretEncodingHint => "secret_encoding_hint",
            Self::BearerPrefix => "bearer_prefix",
            Self::TooLarge => "too_large",
            Self::MissingExp => "missing_exp",
            Self::LongLifetime => "long_lifetime",
            Self::SuspiciousKid => "suspicious_kid",
            Self::BigNumber => "big_number",
            Self::PersonalData => "personal_data",
            Self::KnownSecret => "known_secret",
            Self::TrailingCharacters => "trailing_characters",
            Self::PemArmourMissing => "pem_armour_missing",
            Self::InvalidOption => "invalid_option",
            Self::Internal => "internal",
            Self::JweNotDecrypted => "jwe_not_decrypted",
            Self::SdDigestMismatch => "sd_digest_mismatch",
            Self::KnownSecretNotTried => "known_secret_not_tried",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ALL` is written by hand, so this counts the arms of `as_str` (which the compiler keeps
    /// exhaustive) to catch a variant added to the enum but not to `ALL`.
    #[test]
    fn all_lists_every_code_once() {
        let source = include_str!("mod.rs");
        let body = source.split("pub const fn as_str(self)").nth(1).and_then(|rest| rest.split("impl fmt::Display").next());
        let arms = body.map_or(0, |b| b.lines().filter(|l| l.trim_start().starts_with("Self::") && l.contains("=> \"")).count());
        assert_eq!(Code::ALL.len(), arms);
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len(), "a code is listed twice");
    }
}
