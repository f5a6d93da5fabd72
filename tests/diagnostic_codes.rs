//! One table, one or more rows per diagnostic code (issue 4): the input that triggers it, the
//! code, its severity and a piece of the message or hint a person reads. A second test checks
//! that every code in `Code::ALL` has a row, or is listed with the test file that covers it.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use jwt_lens::alg::Hash;
use jwt_lens::b64::encode;
use jwt_lens::hmac::HmacKey;
use jwt_lens::{
    decode, decode_at, import_key, parse_verify_options, sign_with_key_text, verify_with_key_text, Code, SecretEncoding, Severity,
};

const NOW: f64 = 1_700_000_000.0;
const SECRET: &str = "a-string-secret-at-least-256-bits-long!!-and-more";

/// How a row's input reaches the engine.
enum Via {
    /// `decode(input)`: its diagnostics.
    Decode,
    /// `decode_at(input, NOW)`: its diagnostics, with those that need the time.
    DecodeAt,
    /// `verify(input, key, options)`: its errors and warnings.
    Verify(String, &'static str),
    /// `import_key(input)`: its error or its notes.
    Import,
    /// `parse_verify_options(input)`: its error.
    Options,
}

struct Row {
    what: &'static str,
    input: String,
    via: Via,
    code: Code,
    severity: Severity,
    /// A piece of the message or the hint.
    says: &'static str,
}

fn row(what: &'static str, input: impl Into<String>, via: Via, code: Code, severity: Severity, says: &'static str) -> Row {
    Row { what, input: input.into(), via, code, severity, says }
}

fn seg(text: &str) -> String {
    encode(text.as_bytes())
}

/// A token MACed directly with any secret (sign refuses weak ones).
fn hs256(header: &str, payload: &str, secret: &[u8]) -> String {
    let input = format!("{}.{}", seg(header), seg(payload));
    let tag = HmacKey::new(secret).unwrap().tag(Hash::Sha256, input.as_bytes()).unwrap();
    format!("{input}.{}", encode(&tag))
}

fn signed(payload: &str) -> String {
    sign_with_key_text(r#"{"alg":"HS256"}"#, payload, SECRET, SecretEncoding::Utf8).unwrap()
}

fn verify(key: &str, options: &'static str) -> Via {
    Via::Verify(key.to_owned(), options)
}

/// What the engine said about the row's input: (code, severity, message and hint).
fn findings(row: &Row) -> Vec<(Code, Severity, String)> {
    let flat = |d: &jwt_lens::Diagnostic| (d.code, d.severity, format!("{} {}", d.message, d.hint.as_deref().unwrap_or_default()));
    match &row.via {
        Via::Decode => decode(&row.input).diagnostics.iter().map(flat).collect(),
        Via::DecodeAt => decode_at(&row.input, NOW).diagnostics.iter().map(flat).collect(),
        Via::Verify(key, options) => {
            let report = verify_with_key_text(&row.input, key, &parse_verify_options(options, NOW).unwrap());
            report.errors.iter().chain(&report.warnings).map(flat).collect()
        }
        Via::Import => match import_key(&row.input, SecretEncoding::Utf8) {
            Ok(ring) => ring.notes.iter().map(flat).collect(),
            Err(d) => vec![flat(&d)],
        },
        Via::Options => parse_verify_options(&row.input, NOW)
            .err()
            .map(|e| (e.code, Severity::Error, format!("{} {}", e.message, e.hint.unwrap_or_default())))
            .into_iter()
            .collect(),
    }
}

fn table() -> Vec<Row> {
    use Code::*;
    use Severity::{Error as E, Info as I, Warning as W};
    let h = r#"{"alg":"HS256"}"#;
    let p = r#"{"sub":"ann","exp":1700003600}"#;
    let good = signed(p);
    let (good_input, _) = good.rsplit_once('.').unwrap();
    let jwks = format!(r#"{{"keys":[{{"kty":"oct","kid":"one","k":"{0}"}},{{"kty":"oct","kid":"two","k":"{0}"}}]}}"#, seg(SECRET));
    let claims = |payload: &str| signed(payload);
    // A signing input just over the 64 KiB up to which decode tries the demo secrets.
    let big_payload = format!(r#"{{"exp":1700003600,"pad":"{}"}}"#, "x".repeat(50_000));
    let mut rows = vec![
        row("two segments", format!("{}.{}", seg(h), seg(p)), Via::Decode, Malformed, E, "has 2 segments"),
        row("padding", format!("{}=.{}.c2ln", seg(h), seg(p)), Via::Decode, InvalidBase64, E, "Remove the trailing '='"),
        row("standard alphabet", format!("{good_input}.ab+/"), Via::Decode, InvalidBase64, E, "'-' and '_' instead of '+' and '/'"),
        row("header not UTF-8", format!("{}.{}.c2ln", encode(&[0xff, 0xfe]), seg(p)), Via::Decode, InvalidUtf8, E, "not UTF-8"),
        row("header not JSON", format!("{}.{}.c2ln", seg("{alg:HS256}"), seg(p)), Via::Decode, InvalidJson, E, "not JSON"),
        row("header an array", format!("{}.{}.c2ln", seg("[1]"), seg(p)), Via::Decode, HeaderNotObject, E, "must be a JSON object"),
        row(
            "duplicate alg",
            hs256(r#"{"alg":"HS256","alg":"HS256"}"#, p, SECRET.as_bytes()),
            Via::Decode,
            DuplicateMember,
            W,
            "more than once",
        ),
        row(
            "duplicate in verify",
            hs256(h, r#"{"sub":"a","sub":"b"}"#, SECRET.as_bytes()),
            verify(SECRET, ""),
            DuplicateMember,
            E,
            "\"sub\"",
        ),
        row("unknown alg", format!("{}.{}.c2ln", seg(r#"{"alg":"HS999"}"#), seg(p)), Via::Decode, UnsupportedAlg, W, "not a registered"),
        row("alg none", format!("{}.{}.", seg(r#"{"alg":"none"}"#), seg(p)), Via::Decode, AlgNone, W, "never accepts"),
        row("alg none in verify", format!("{}.{}.", seg(r#"{"alg":"none"}"#), seg(p)), verify(SECRET, ""), AlgNone, E, "never accepted"),
        row("alg outside algorithms", good.clone(), verify(SECRET, r#"{"algorithms":["HS512"]}"#), AlgNotAllowed, E, "HS512"),
        row(
            "an enc-only JWK",
            good.clone(),
            verify(&format!(r#"{{"kty":"oct","use":"enc","k":"{}"}}"#, seg(SECRET)), ""),
            KeyAlgMismatch,
            E,
            "\"use\"",
        ),
        row("hex secret that is not hex", good.clone(), verify("xyz", r#"{"secretEncoding":"hex"}"#), InvalidKey, E, "not valid hex"),
        row("short secret", hs256(h, p, b"short"), verify("short", ""), WeakKey, W, "needs at least 32"),
        row("kid not in the set", signed_with_kid("three"), verify(&jwks, ""), KeyNotFound, E, r#"["one", "two"]"#),
        row("wrong secret", good.clone(), verify("another-secret-of-a-decent-length!!", ""), SignatureInvalid, E, "does not verify"),
        row("unknown crit", hs256(r#"{"alg":"HS256","crit":["x"],"x":1}"#, p, SECRET.as_bytes()), Via::Decode, CritUnsupported, W, "\"x\""),
        row(
            "unknown crit in verify",
            hs256(r#"{"alg":"HS256","crit":["x"],"x":1}"#, p, SECRET.as_bytes()),
            verify(SECRET, ""),
            CritUnsupported,
            E,
            "\"x\"",
        ),
        row("expired", claims(r#"{"exp":1699999000}"#), verify(SECRET, ""), Expired, E, "Expired 17 min ago"),
        row("not yet valid", claims(r#"{"exp":1700003600,"nbf":1700000600}"#), verify(SECRET, ""), NotYetValid, E, "another 10 min"),
        row(
            "iat ahead",
            claims(r#"{"exp":1700003600,"iat":1700000600}"#),
            verify(SECRET, r#"{"maxTokenAge":60}"#),
            IatInFuture,
            E,
            "in the future",
        ),
        row(
            "too old",
            claims(r#"{"exp":1700003600,"iat":1699990000}"#),
            verify(SECRET, r#"{"maxTokenAge":60}"#),
            TokenTooOld,
            E,
            "maximum age is 60 s",
        ),
        row("exp as text", claims(r#"{"exp":"1700003600"}"#), verify(SECRET, ""), ClaimType, E, "must be a NumericDate"),
        row(
            "aud a number",
            claims(r#"{"exp":1700003600,"aud":7}"#),
            verify(SECRET, r#"{"audience":"api"}"#),
            ClaimType,
            E,
            "string or an array",
        ),
        row("required jti", good.clone(), verify(SECRET, r#"{"requiredClaims":["jti"]}"#), MissingClaim, E, "\"jti\""),
        row("expected aud, none", good.clone(), verify(SECRET, r#"{"audience":"api"}"#), MissingClaim, E, "no \"aud\""),
        row(
            "other issuer",
            claims(r#"{"exp":1700003600,"iss":"a"}"#),
            verify(SECRET, r#"{"issuer":"b"}"#),
            IssuerMismatch,
            E,
            "expected [\"b\"]",
        ),
        row(
            "aud array",
            claims(r#"{"exp":1700003600,"aud":["x","y"]}"#),
            verify(SECRET, r#"{"audience":"api"}"#),
            AudienceMismatch,
            E,
            "none of",
        ),
        row("other subject", good.clone(), verify(SECRET, r#"{"subject":"bob"}"#), SubjectMismatch, E, "\"ann\""),
        row(
            "other typ",
            hs256(r#"{"alg":"HS256","typ":"JWT"}"#, p, SECRET.as_bytes()),
            verify(SECRET, r#"{"typ":"at+jwt"}"#),
            TypMismatch,
            E,
            "at+jwt",
        ),
        row(
            "jku",
            hs256(r#"{"alg":"HS256","jku":"https://x.example/k"}"#, p, SECRET.as_bytes()),
            Via::Decode,
            EmbeddedKeyIgnored,
            W,
            "never fetches",
        ),
        row("secret typed as text, meant base64url", signed_b64url(), verify(&seg(SECRET), ""), SecretEncodingHint, E, "read as base64url"),
        row("Bearer prefix", format!("Bearer {good}"), Via::Decode, BearerPrefix, I, "`Bearer`"),
        row("over 1 MiB", "a".repeat((1 << 20) + 1), Via::Decode, TooLarge, E, "limit"),
        row("no exp", signed(r#"{"sub":"ann"}"#), Via::Decode, MissingExp, W, "never expires"),
        row("a week", claims(r#"{"iat":1700000000,"exp":1700604800}"#), Via::Decode, LongLifetime, W, "7 days"),
        row("a month, no iat", claims(r#"{"exp":1702592000}"#), verify(SECRET, ""), LongLifetime, W, "from now"),
        row("a month, no iat, decoded now", claims(r#"{"exp":1702592000}"#), Via::DecodeAt, LongLifetime, W, "30 days (from now"),
        row("kid traversal", signed_with_kid("../../../../dev/null"), Via::Decode, SuspiciousKid, W, "path traversal"),
        row("kid SQL", signed_with_kid("x' UNION SELECT 'k"), Via::Decode, SuspiciousKid, W, "SQL"),
        row("big id", signed(r#"{"exp":1700003600,"id":12345678901234567890}"#), Via::Decode, BigNumber, W, "12345678901234567890"),
        row("e-mail", signed(r#"{"exp":1700003600,"email":"ann@example.com"}"#), Via::Decode, PersonalData, I, "\"email\""),
        row("phone", signed(r#"{"exp":1700003600,"phone_number":"+1 555 010 9999"}"#), Via::Decode, PersonalData, I, "phone number"),
        row("jwt.io demo secret", hs256(h, p, b"your-256-bit-secret"), Via::Decode, KnownSecret, W, "\"your-256-bit-secret\""),
        row("caller's demo secret", good.clone(), verify("changeme", ""), KnownSecret, W, "\"changeme\""),
        row("demo secret, token too large to try", hs256(h, &big_payload, b"secret"), Via::Decode, KnownSecretNotTried, I, "not tried"),
        row(
            "demo secret, too large to try, wrong key",
            hs256(h, &big_payload, b"secret"),
            verify(SECRET, ""),
            KnownSecretNotTried,
            I,
            "64 KiB",
        ),
        row(
            "demo secret, too large to try, its key",
            hs256(h, &big_payload, b"secret"),
            verify("secret", ""),
            KnownSecret,
            W,
            "\"secret\"",
        ),
        row("quoted", format!("\"{good}\""), Via::Decode, TrailingCharacters, E, "`\"` before and `\"` after"),
        row("comma after", format!("{good},"), Via::Decode, TrailingCharacters, E, "`,` after"),
        row("line break inside", format!("{}\n{}", &good[..40], &good[40..]), Via::Decode, TrailingCharacters, E, "character 41"),
        row("text after", format!("{good} is my token"), Via::Decode, TrailingCharacters, E, "follows the token"),
        row(
            "PEM without END",
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
            Via::Import,
            PemArmourMissing,
            E,
            "-----END",
        ),
        row(
            "PEM without BEGIN",
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
            Via::Import,
            PemArmourMissing,
            E,
            "-----BEGIN",
        ),
        row("unknown option", r#"{"algorithm":["HS256"]}"#, Via::Options, InvalidOption, E, "unknown option \"algorithm\""),
    ];
    rows.extend(asymmetric_rows());
    rows
}

fn signed_with_kid(kid: &str) -> String {
    let header = format!(r#"{{"alg":"HS256","kid":{}}}"#, serde_json::Value::String(kid.into()));
    sign_with_key_text(&header, r#"{"exp":1700003600}"#, SECRET, SecretEncoding::Utf8).unwrap()
}

/// Signed with the bytes of `SECRET`, given to `sign` as base64url.
fn signed_b64url() -> String {
    sign_with_key_text(r#"{"alg":"HS256"}"#, r#"{"exp":1700003600}"#, &seg(SECRET), SecretEncoding::Base64Url).unwrap()
}

#[cfg(feature = "ecdsa")]
fn asymmetric_rows() -> Vec<Row> {
    use jwt_lens::options::GenerateOptions;
    let key = |alg: &str, seed: u64| jwt_lens::generate_key(alg, &GenerateOptions::default(), &mut common::SeededRandom(seed)).unwrap();
    let (p256, p384) = (key("ES256", 7), key("ES384", 8));
    let private = p256.private_pem.clone().unwrap();
    let token = sign_with_key_text(r#"{"alg":"ES256"}"#, r#"{"exp":1700003600}"#, &private, SecretEncoding::Utf8).unwrap();
    let (input, raw) = token.rsplit_once('.').unwrap();
    let der = format!("{input}.{}", encode(&der_signature(&jwt_lens::b64::decode(raw).unwrap())));
    let public = p256.public_pem.clone().unwrap();
    let body: String = public.lines().filter(|l| !l.starts_with("-----")).collect::<Vec<_>>().join("\n");
    let wrapped_body = format!("{}\n{}", &body.replace('\n', "")[..64], &body.replace('\n', "")[64..]);
    vec![
        row(
            "ES256 token, P-384 key",
            token.clone(),
            verify(&p384.public_pem.unwrap(), ""),
            Code::KeyAlgMismatch,
            Severity::Error,
            "the key given is an EC key on P-384",
        ),
        row(
            "HS256 token, EC key",
            signed(r#"{"exp":1700003600}"#),
            verify(&public, ""),
            Code::KeyAlgMismatch,
            Severity::Error,
            "needs an HMAC secret",
        ),
        row("DER signature", der, verify(&public, ""), Code::SignatureDerEncoded, Severity::Error, "raw r || s"),
        row("bare PEM body", wrapped_body, Via::Import, Code::PemArmourMissing, Severity::Info, "read as base64 DER"),
    ]
}

#[cfg(not(feature = "ecdsa"))]
fn asymmetric_rows() -> Vec<Row> {
    Vec::new()
}

/// Raw `r || s` to the ASN.1 DER form OpenSSL and Java emit.
#[cfg(feature = "ecdsa")]
fn der_signature(raw: &[u8]) -> Vec<u8> {
    let integer = |half: &[u8]| {
        let trimmed: Vec<u8> = half.iter().copied().skip_while(|b| *b == 0).collect();
        let mut body = if trimmed.first().is_some_and(|b| b & 0x80 != 0) { vec![0] } else { vec![] };
        body.extend(trimmed);
        let mut out = vec![0x02, body.len() as u8];
        out.extend(body);
        out
    };
    let (r, s) = raw.split_at(raw.len() / 2);
    let mut content = integer(r);
    content.extend(integer(s));
    let mut out = vec![0x30, content.len() as u8];
    out.extend(content);
    out
}

/// Codes whose rows live elsewhere, with where.
const COVERED_ELSEWHERE: &[(&str, &str)] = &[
    ("b64_invalid", "tests/token_kinds.rs (RFC 7797 b64:false behind supportsB64)"),
    ("jwe_not_decrypted", "tests/token_kinds.rs (compact JWE)"),
    ("sd_digest_mismatch", "tests/token_kinds.rs (SD-JWT disclosures)"),
    ("internal", "the no-panic test: only a bug in jwt-lens can produce it"),
];

/// Codes that only the full engine can trigger (the HMAC-only build has no ECDSA).
const FULL_ENGINE_ONLY: &[&str] = &["signature_der_encoded"];

dual_test! {
    fn every_row_yields_its_code_severity_and_explanation() {
        let mut wrong = Vec::new();
        for row in table() {
            let found = findings(&row);
            let hit = found.iter().any(|(code, severity, text)| *code == row.code && *severity == row.severity && text.contains(row.says));
            if !hit {
                wrong.push(format!("{} → expected {} ({}) saying {:?}; got {found:?}", row.what, row.code, row.severity.as_str(), row.says));
            }
        }
        assert!(wrong.is_empty(), "{} rows differ:\n{}", wrong.len(), wrong.join("\n"));
    }
}

dual_test! {
    fn every_code_has_a_row_or_is_covered_elsewhere() {
        let rows = table();
        let missing: Vec<&str> = Code::ALL
            .iter()
            .map(|c| c.as_str())
            .filter(|name| !rows.iter().any(|r| r.code.as_str() == *name))
            .filter(|name| !COVERED_ELSEWHERE.iter().any(|(n, _)| n == name))
            .filter(|name| cfg!(feature = "ecdsa") || !FULL_ENGINE_ONLY.contains(name))
            .collect();
        assert!(missing.is_empty(), "codes without a row: {missing:?}");
    }
}

dual_test! {
    fn jwt_io_base64url_secret_taken_as_text_is_explained() {
        let Some(fixtures) = common::vector("jwtio-debugger-e2e/jwt.json") else { return };
        let options = parse_verify_options("", NOW).unwrap();
        for alg in ["HS256", "HS384", "HS512"] {
            let fixture = &fixtures["byAlgorithm"][alg]["withBase64urlSecret"];
            let (token, secret) = (fixture["jwt"].as_str().unwrap(), fixture["secret"].as_str().unwrap());
            let report = verify_with_key_text(token, secret, &options);
            assert!(!report.valid, "{alg}: the hint never makes a token valid");
            let hint = report.errors.iter().find(|d| d.code == Code::SecretEncodingHint);
            assert!(hint.is_some_and(|d| d.message.contains("base64url") && d.hint.as_deref().is_some_and(|h| h.contains("secretEncoding: \"base64url\""))), "{alg}: {:?}", report.errors);
            let right = parse_verify_options(r#"{"secretEncoding":"base64url"}"#, NOW).unwrap();
            assert!(verify_with_key_text(token, secret, &right).signature_valid, "{alg} verifies as base64url");
        }
    }
}
