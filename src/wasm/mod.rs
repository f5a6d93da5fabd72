//! The only module that knows JavaScript. Each export takes and returns strings: reports are
//! JSON text that the package's JS layer parses once (measured several times faster than
//! building objects across the boundary). A result starting with `E` is a caller error
//! (`E{"code":…,"message":…}`) that the JS layer throws as `JwtLensError`; nothing here
//! throws, so the hot path never crosses the boundary with an exception.

use crate::error::Error;
use crate::export::{export_key, parse_export_options};
use crate::key::Keyring;
use crate::options::{parse_generate_options, parse_secret_encoding_option, parse_verify_options};
use crate::random::RandomSource;
use crate::sign::sign_with;
use crate::{decode, generate, import_key, report, verify};
use wasm_bindgen::prelude::*;

#[cfg(feature = "test-panic")]
mod test_panic;
#[cfg(not(feature = "test-panic"))]
mod test_panic {
    /// The shipped engine has no trigger.
    #[inline(always)]
    pub fn panic_on_trigger(_text: &str) {}
}

fn caller_error(e: &Error) -> String {
    format!("E{}", report::error_json(e))
}

/// The platform's secure generator (`crypto.getRandomValues`), through getrandom.
struct PlatformRandom;

impl RandomSource for PlatformRandom {
    fn fill(&mut self, dst: &mut [u8]) -> bool {
        getrandom::fill(dst).is_ok()
    }
}

/// `decode(token)` as `Decoded` JSON text, `headerJson` and `payloadJson` as offsets into it
/// where they appear verbatim (`report::Texts::Offsets`; js/api.js slices them out).
#[wasm_bindgen(js_name = decodeJson)]
#[must_use]
pub fn decode_json(input: &str) -> String {
    test_panic::panic_on_trigger(input);
    report::decoded_json_with(&decode(input), report::Texts::Offsets)
}

/// `verify(token, keyText, options)` as `VerifyReport` JSON text; `now` is the caller's clock.
#[wasm_bindgen(js_name = verifyJson)]
#[must_use]
pub fn verify_json(token: &str, key: &str, options: &str, now: f64) -> String {
    match parse_verify_options(options, now) {
        Ok(options) => {
            let ring = import_key(key, options.secret_encoding);
            report::verify_json(&verify(token, ring.as_ref(), &options))
        }
        Err(e) => caller_error(&e),
    }
}

/// A key parsed once and reused: the fast path for repeated verifies.
#[wasm_bindgen]
pub struct KeyHandle {
    ring: Keyring,
}

#[wasm_bindgen]
impl KeyHandle {
    /// The `KeyInfo` JSON text describing the key (nothing secret).
    #[must_use]
    pub fn info(&self) -> String {
        report::key_info_json(&self.ring)
    }
}

/// `importKey(text, options)`: the handle, or a caller error thrown as a string.
#[wasm_bindgen(js_name = importKeyHandle)]
pub fn import_key_handle(key: &str, options: &str) -> Result<KeyHandle, String> {
    test_panic::panic_on_trigger(key);
    let encoding = parse_secret_encoding_option(options).map_err(|e| caller_error(&e))?;
    import_key(key, encoding).map(|ring| KeyHandle { ring }).map_err(|d| caller_error(&Error::from(d)))
}

/// `verify(token, handle, options)` as `VerifyReport` JSON text.
#[wasm_bindgen(js_name = verifyWithHandle)]
#[must_use]
pub fn verify_with_handle(token: &str, key: &KeyHandle, options: &str, now: f64) -> String {
    match parse_verify_options(options, now) {
        Ok(options) => report::verify_json(&verify(token, Ok(&key.ring), &options)),
        Err(e) => caller_error(&e),
    }
}

/// `sign(header, payload, keyText, options)`: the token, or `E` + error JSON.
#[wasm_bindgen(js_name = signJson)]
#[must_use]
pub fn sign_json(header: &str, payload: &str, key: &str, options: &str) -> String {
    let signed = parse_secret_encoding_option(options)
        .and_then(|encoding| import_key(key, encoding).map_err(Error::from))
        .and_then(|ring| sign_with(header, payload, &ring, &mut PlatformRandom));
    signed.unwrap_or_else(|e| caller_error(&e))
}

/// `sign(header, payload, handle)`: the token, or `E` + error JSON.
#[wasm_bindgen(js_name = signWithHandle)]
#[must_use]
pub fn sign_with_handle(header: &str, payload: &str, key: &KeyHandle) -> String {
    sign_with(header, payload, &key.ring, &mut PlatformRandom).unwrap_or_else(|e| caller_error(&e))
}

/// `generateKey(alg, options)` as `GeneratedKey` JSON text, or `E` + error JSON.
#[wasm_bindgen(js_name = generateKeyJson)]
#[must_use]
pub fn generate_key_json(alg: &str, options: &str) -> String {
    let generated = parse_generate_options(options).and_then(|options| generate::generate_key(alg, &options, &mut PlatformRandom));
    generated.map_or_else(|e| caller_error(&e), |key| report::generated_json(&key))
}

/// `exportKey(keyText, options)`: the key as JWK, JWK Set or PEM text, or `E` + error JSON.
#[wasm_bindgen(js_name = exportKeyText)]
#[must_use]
pub fn export_key_text(key: &str, options: &str) -> String {
    let exported = parse_export_options(options)
        .and_then(|export| import_key(key, export.secret_encoding).map_err(Error::from).and_then(|ring| export_key(&ring, &export)));
    exported.unwrap_or_else(|e| caller_error(&e))
}
