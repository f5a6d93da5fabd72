//! A table of malformed inputs, each mapped to the diagnostic code `decode` must give — and
//! `verify` must refuse without panicking or trapping.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use jwt_lens::b64::encode;
use jwt_lens::{decode, parse_verify_options, verify_with_key_text, Code, Severity, TokenKind};

const SECRET: &str = "a-string-secret-at-least-256-bits-long";

fn seg(text: &str) -> String {
    encode(text.as_bytes())
}

fn token(header: &str, payload: &str, signature: &str) -> String {
    format!("{}.{}.{signature}", seg(header), seg(payload))
}

fn table() -> Vec<(&'static str, String, Code)> {
    let h = r#"{"alg":"HS256"}"#;
    let p = r#"{"sub":"1"}"#;
    let sig = "c2ln";
    vec![
        ("empty input", String::new(), Code::Malformed),
        ("only whitespace", " \n\t ".into(), Code::Malformed),
        ("one segment", seg(h), Code::Malformed),
        ("two segments", format!("{}.{}", seg(h), seg(p)), Code::Malformed),
        ("four segments", format!("{}.{}.{sig}.x", seg(h), seg(p)), Code::Malformed),
        ("padding in header", format!("{}=.{}.{sig}", seg(h), seg(p)), Code::InvalidBase64),
        ("standard alphabet", format!("{}.{}.ab+/", seg(h), seg(p)), Code::InvalidBase64),
        ("space inside", format!("{}.{} x.{sig}", seg(h), seg(p)), Code::InvalidBase64),
        ("line break inside", format!("{}.{}\n.{sig}", seg(h), seg(p)), Code::InvalidBase64),
        ("non-zero trailing bits", format!("{}.{}.YR", seg(h), seg(p)), Code::InvalidBase64),
        ("impossible length", format!("{}.{}.abcde", seg(h), seg(p)), Code::InvalidBase64),
        ("quoted token", format!("\"{}\"", token(h, p, sig)), Code::TrailingCharacters),
        ("junk after the token", format!("{},", token(h, p, sig)), Code::TrailingCharacters),
        ("header not UTF-8", format!("{}.{}.{sig}", encode(&[0xff, 0xfe]), seg(p)), Code::InvalidUtf8),
        ("header not JSON", token("{alg:HS256}", p, sig), Code::InvalidJson),
        ("header trailing comma", token(r#"{"alg":"HS256",}"#, p, sig), Code::InvalidJson),
        ("header is an array", token(r#"["HS256"]"#, p, sig), Code::HeaderNotObject),
        ("header is a string", token(r#""HS256""#, p, sig), Code::HeaderNotObject),
        ("header without alg", token(r#"{"typ":"JWT"}"#, p, sig), Code::Malformed),
        ("alg not a string", token(r#"{"alg":256}"#, p, sig), Code::Malformed),
        (
            "header nested too deep",
            token(&format!(r#"{{"alg":"HS256","x":{}{}}}"#, "[".repeat(100), "]".repeat(100)), p, sig),
            Code::InvalidJson,
        ),
        ("header over 16 KiB", token(&format!(r#"{{"alg":"HS256","x":"{}"}}"#, "a".repeat(17_000)), p, sig), Code::TooLarge),
        ("input over 1 MiB", "a".repeat((1 << 20) + 1), Code::TooLarge),
        ("alg none with a signature", token(r#"{"alg":"none"}"#, p, sig), Code::Malformed),
    ]
}

dual_test! {
    fn each_malformed_input_gets_its_code_and_is_refused() {
        let options = parse_verify_options("", 0.0).unwrap();
        for (name, input, code) in table() {
            let decoded = decode(&input);
            assert_eq!(decoded.kind, TokenKind::Invalid, "{name}");
            let errors: Vec<Code> = decoded.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| d.code).collect();
            assert!(errors.contains(&code), "{name}: expected {code}, got {errors:?}");
            let report = verify_with_key_text(&input, SECRET, &options);
            assert!(!report.valid && !report.signature_valid, "{name}");
            assert!(report.errors.iter().any(|e| e.code == code), "{name}: verify gave {:?}", report.errors);
        }
    }
}

dual_test! {
    fn broken_tokens_still_yield_what_decodes() {
        let input = format!("{}.{}", seg(r#"{"alg":"HS256","kid":"k1"}"#), seg(r#"{"sub":"1"}"#));
        let decoded = decode(&input);
        assert_eq!(decoded.kind, TokenKind::Invalid);
        assert!(decoded.header.as_ref().and_then(|h| h.get("kid")).is_some());
        assert_eq!(decoded.payload_json.as_deref(), Some(r#"{"sub":"1"}"#));

        let bad_sig = format!("{}.{}.a=", seg(r#"{"alg":"HS256"}"#), seg(r#"{"sub":"2"}"#));
        let decoded = decode(&bad_sig);
        assert_eq!(decoded.payload_json.as_deref(), Some(r#"{"sub":"2"}"#));
        assert_eq!(decoded.segments.len(), 3);
    }
}

dual_test! {
    fn a_binary_payload_is_a_jws_but_not_a_jwt() {
        let input = format!("{}.{}.c2ln", seg(r#"{"alg":"HS256"}"#), encode(&[0xc3, 0x28, 0xff]));
        let decoded = decode(&input);
        assert_eq!(decoded.kind, TokenKind::Jws);
        let utf8 = decoded.diagnostics.iter().find(|d| d.code == Code::InvalidUtf8).unwrap();
        assert_eq!(utf8.severity, Severity::Warning);
        assert!(decoded.payload_json.is_none());
        let claims = verify_with_key_text(&input, SECRET, &parse_verify_options(r#"{"issuer":"x"}"#, 0.0).unwrap());
        assert!(claims.errors.iter().any(|e| e.code == Code::InvalidJson), "claims asked of a binary payload: {:?}", claims.errors);
    }
}

dual_test! {
    fn a_five_segment_token_is_a_jwe_with_its_header_decoded() {
        let jwe = format!("{}.a2V5.aXY.Y2lwaGVy.dGFn", seg(r#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#));
        let decoded = decode(&jwe);
        assert_eq!(decoded.kind, TokenKind::Jwe);
        assert_eq!(decoded.header.as_ref().and_then(|h| h.get("enc")).and_then(|v| v.as_str()), Some("A256GCM"));
        let parts: Vec<&str> = decoded.segments.iter().map(|s| s.part).collect();
        assert_eq!(parts, ["header", "encrypted_key", "iv", "ciphertext", "tag"]);
        assert!(decoded.payload.is_none());
        let report = verify_with_key_text(&jwe, SECRET, &parse_verify_options("", 0.0).unwrap());
        assert!(!report.valid && report.errors.iter().any(|e| e.code == Code::Malformed), "a JWE report says why");
    }
}

dual_test! {
    fn segments_are_utf16_offsets_into_the_original_input() {
        let t = token(r#"{"alg":"HS256"}"#, r#"{"a":1}"#, "c2ln");
        let input = format!("Authorization: Bearer {t}\n");
        let decoded = decode(&input);
        assert!(decoded.diagnostics.iter().any(|d| d.code == Code::BearerPrefix && d.severity == Severity::Info));
        let first = decoded.segments.first().unwrap();
        assert_eq!(first.start, "Authorization: Bearer ".len());
        // A non-ASCII prefix: offsets count UTF-16 code units, not bytes.
        let input = format!("\u{a0}\u{1F600} {t}");
        let decoded = decode(&format!("Bearer {t}"));
        assert_eq!(decoded.segments.last().unwrap().end, "Bearer ".len() + t.len());
        let odd = decode(&input);
        assert_eq!(odd.kind, TokenKind::Invalid, "a stray emoji before the token is not silently dropped");
        // NBSP is trimmed as whitespace (1 unit); the emoji is 2 UTF-16 units but 4 bytes.
        assert_eq!(odd.segments.first().unwrap().start, 1);
        assert_eq!(odd.segments.last().unwrap().end, 1 + 2 + 1 + t.len());
    }
}
