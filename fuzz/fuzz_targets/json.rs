//! The project's JSON reader (src/json/) on arbitrary text. Beyond not panicking: what it
//! accepts, the compact writer writes back as JSON that reads to the same value with the same
//! duplicates, and writing is then a fixed point; `serde_json` (a second, independent reader)
//! must accept it too.
#![no_main]

use jwt_lens::json::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let depth = 32;
    let Ok(parsed) = parse(text, depth) else { return };
    let compact = parsed.value.to_compact();
    let again = parse(&compact, depth).unwrap_or_else(|e| panic!("compact form rejected ({}): {compact}", e.message));
    assert_eq!(again.value, parsed.value, "compact form reads differently: {compact}");
    assert_eq!(again.duplicates, parsed.duplicates);
    assert_eq!(again.value.to_compact(), compact, "writing is not a fixed point");
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        // serde_json's own recursion limit (128) is looser than ours, so a refusal is a disagreement.
        panic!("accepted text that serde_json rejects ({e}): {text:?}");
    }
});
