//! Sign → verify round trips for every family with arbitrary header members and payloads.
//! When `sign` accepts a header and payload, the token decodes to exactly that text and its
//! signature verifies with the public half of the key; and after any one character of it is
//! changed, it no longer verifies (nor is it valid).
#![no_main]

use arbitrary::Arbitrary;
use jwt_lens::sign::sign_with;
use jwt_lens::{decode, verify};
use jwt_lens_fuzz::{assert_report, fixed_keys, options_from, SeededRandom};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Case {
    key: u8,
    alg: u8,
    options: u8,
    /// Extra header members spliced after `"alg"` (often not JSON, on purpose), or else a `kid`.
    header_members: String,
    raw_header: bool,
    /// The payload as is (often not a JSON object, on purpose), or else the `data` of a claims set.
    payload: String,
    raw_payload: bool,
    exp: u32,
    nbf: u32,
    iat: u32,
    tamper_at: u16,
    tamper_with: u8,
}

fn json_string(text: &str) -> String {
    let mut out = String::new();
    jwt_lens::json::write_string(&mut out, text);
    out
}

const REPLACEMENTS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";

fuzz_target!(|case: Case| {
    let keys = fixed_keys();
    let key = &keys[usize::from(case.key) % keys.len()];
    let alg = key.algs[usize::from(case.alg) % key.algs.len()];
    let header = match (case.raw_header, case.header_members.is_empty()) {
        (_, true) => format!(r#"{{"alg":"{alg}"}}"#),
        (true, false) => format!(r#"{{"alg":"{alg}",{}}}"#, case.header_members),
        (false, false) => format!(r#"{{"alg":"{alg}","kid":{}}}"#, json_string(&case.header_members)),
    };
    let payload = if case.raw_payload {
        case.payload.clone()
    } else {
        let (exp, nbf, iat, data) = (case.exp, case.nbf, case.iat, json_string(&case.payload));
        format!(r#"{{"iss":"https://issuer.example","aud":["aud-1"],"sub":"subject","exp":{exp},"nbf":{nbf},"iat":{iat},"data":{data}}}"#)
    };
    let mut random = SeededRandom(u64::from(case.tamper_at) << 8 | 1);
    let Ok(token) = sign_with(&header, &payload, &key.private, &mut random) else { return };

    let decoded = decode(&token);
    assert_eq!(decoded.header_json.as_deref(), Some(header.as_str()), "header not signed verbatim");
    assert_eq!(decoded.payload_json.as_deref(), Some(payload.as_str()), "payload not signed verbatim");
    let options = options_from(case.options, &[alg]);
    let report = verify(&token, Ok(&key.public), &options);
    assert_report(&report);
    assert!(report.signature_valid, "{alg} token made by sign does not verify: {token}\n{:?}", report.errors);

    let mut bytes = token.into_bytes();
    let at = usize::from(case.tamper_at) % bytes.len();
    let mut replacement = REPLACEMENTS[usize::from(case.tamper_with) % REPLACEMENTS.len()];
    if replacement == bytes[at] {
        replacement = if replacement == b'A' { b'B' } else { b'A' };
    }
    bytes[at] = replacement;
    let tampered = String::from_utf8(bytes).unwrap_or_default();
    let report = verify(&tampered, Ok(&key.public), &options);
    assert_report(&report);
    assert!(!report.valid && !report.signature_valid, "{alg} token still verifies after changing character {at}: {tampered}");
});
