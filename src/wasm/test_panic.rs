//! Test-only panic trigger (Cargo feature `test-panic`, never in the shipped package).
//!
//! The engine must not panic on any input, so a real panic cannot be provoked on purpose. This
//! makes `decode` and `importKey` panic on one exact text, so the tests can prove that the JS
//! layer turns the resulting trap into `JwtLensError { code: "internal" }` and restarts the
//! instance. Built by scripts/lib/test-panic-build.mjs with the release profile, whose
//! `panic = "abort"` makes the panic a `RuntimeError: unreachable` trap, as it would be in the
//! shipped engine.

/// The text that triggers the panic (also in tests/js/panic.test.mjs and tests/e2e/panic.test.mjs).
pub const TRIGGER: &str = "jwt-lens:test-panic";

/// Panics when `text` is the trigger.
#[allow(clippy::panic)] // the one deliberate panic, behind a test-only feature
pub fn panic_on_trigger(text: &str) {
    if text == TRIGGER {
        panic!("jwt-lens test-panic trigger");
    }
}
