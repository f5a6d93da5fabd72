//! `decode` on arbitrary input: bytes read as (lossy) UTF-8, since the JS API takes strings.
//! Beyond not panicking: the segments stay inside the input, a JWS re-encodes to exactly its
//! signing input (the base64url reader is canonical), and the JS report is JSON.
#![no_main]

use jwt_lens::decode::Limits;
use jwt_lens::{b64, decode, decode_with, report, TokenKind};
use jwt_lens_fuzz::assert_json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let token = decode(&text);

    let utf16_len = text.encode_utf16().count();
    let mut previous_end = 0;
    for segment in &token.segments {
        assert!(segment.start <= segment.end && segment.end <= utf16_len, "segment {segment:?} outside {utf16_len}");
        assert!(segment.start >= previous_end, "segments out of order: {:?}", token.segments);
        previous_end = segment.end;
    }
    if token.kind == TokenKind::Jws || token.kind == TokenKind::Unsecured {
        assert!(!token.has_errors(), "a {:?} with errors: {:?}", token.kind, token.diagnostics);
        let (Some(header_json), Some(input)) = (&token.header_json, &token.signing_input) else {
            panic!("a {:?} without header or signing input", token.kind);
        };
        assert!(token.header.is_some() && token.signature.is_some());
        let header_b64 = b64::encode(header_json.as_bytes());
        assert!(input.starts_with(&format!("{header_b64}.")), "header does not re-encode to the signing input");
        if let Some(payload_json) = &token.payload_json {
            assert_eq!(input, &format!("{header_b64}.{}", b64::encode(payload_json.as_bytes())));
        }
        let signature_b64 = token.signature_b64.as_deref().unwrap_or_default();
        assert_eq!(token.signature.as_deref().map(b64::encode).as_deref(), Some(signature_b64));
    }
    assert_json("decoded_json", &report::decoded_json(&token));

    // Tight limits take the early-exit paths; they must refuse, never panic.
    let tight = Limits { max_token_bytes: 96, max_header_bytes: 24, max_depth: 2 };
    let small = decode_with(&text, &tight);
    if text.len() > tight.max_token_bytes {
        assert_eq!(small.kind, TokenKind::Invalid);
    }
});
