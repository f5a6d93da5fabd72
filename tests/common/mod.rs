//! Shared by the integration tests, natively and compiled to wasm (run in Node by
//! wasm-bindgen-test): where the vectors are, and how to read them on either side.
#![allow(dead_code)]

use serde_json::Value;

/// Marks a test for both the native harness and wasm-bindgen-test.
#[macro_export]
macro_rules! dual_test {
    ($(#[$meta:meta])* fn $name:ident() $body:block) => {
        $(#[$meta])*
        #[cfg_attr(not(target_arch = "wasm32"), test)]
        #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
        fn $name() $body
    };
}

#[cfg(target_arch = "wasm32")]
mod host {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(inline_js = "
        export function read_text(path) {
            try { return process.getBuiltinModule('node:fs').readFileSync(path, 'utf8'); } catch { return undefined; }
        }
        export function env_var(name) { return process.env[name]; }
        export function say(line) { process.stdout.write(line + '\\n'); }
    ")]
    extern "C" {
        pub fn read_text(path: &str) -> Option<String>;
        pub fn env_var(name: &str) -> Option<String>;
        pub fn say(line: &str);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    pub fn read_text(path: &str) -> Option<String> {
        std::fs::read_to_string(path).ok()
    }
    pub fn env_var(name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
    pub fn say(line: &str) {
        println!("{line}");
    }
}

/// `$JWT_LENS_VECTORS`, else `../shared/vectors` beside the crate.
pub fn vectors_dir() -> String {
    host::env_var("JWT_LENS_VECTORS").unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/vectors").to_string())
}

/// A vector file parsed as JSON, or `None` after printing one line saying why it is skipped.
pub fn vector(relative: &str) -> Option<Value> {
    let path = format!("{}/{relative}", vectors_dir());
    match host::read_text(&path) {
        Some(text) => Some(serde_json::from_str(&text).expect("vector files are JSON")),
        // scripts/test sets JWT_LENS_REQUIRE_VECTORS where the vectors exist, so CI cannot skip silently.
        None if host::env_var("JWT_LENS_REQUIRE_VECTORS").is_some() => panic!("{path} is absent but required"),
        None => {
            host::say(&format!("skipped: {path} is absent (set JWT_LENS_VECTORS to the shared vectors folder)"));
            None
        }
    }
}

/// Lowercase hex to bytes.
pub fn hex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
}

/// A deterministic stand-in for the platform's random source (xorshift64*): tests must be
/// repeatable; the engine never sees this outside tests.
pub struct SeededRandom(pub u64);

impl jwt_lens::random::RandomSource for SeededRandom {
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

/// Fills with 0, 1, 2, …: lets a test predict the exact secret.
pub struct CountingRandom(pub u8);

impl jwt_lens::random::RandomSource for CountingRandom {
    fn fill(&mut self, dst: &mut [u8]) -> bool {
        for byte in dst {
            *byte = self.0;
            self.0 = self.0.wrapping_add(1);
        }
        true
    }
}
