//! Inputs the fuzz targets (fuzz/) found, each kept as a test with the fix it needed.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use jwt_lens::{decode, Code};

fn offsets(input: &str) -> Vec<(usize, usize)> {
    decode(input).segments.iter().map(|s| (s.start, s.end)).collect()
}

dual_test! {
    /// `decode` counted each segment's UTF-16 offset from the start of the input again, so
    /// non-ASCII input with many dots took quadratic time: 150 kB of "é." ran for minutes, a
    /// 1 MiB paste would freeze the page. Offsets are now counted in one pass; this input took
    /// hours before the fix.
    fn many_dotted_non_ascii_input_decodes_in_one_pass() {
        let input = "é.".repeat(200_000);
        let token = decode(&input);
        assert_eq!(token.segments.len(), 200_001);
        for (i, segment) in token.segments.iter().enumerate().step_by(9973) {
            assert_eq!((segment.start, segment.end), (2 * i, 2 * i + 1), "segment {i}");
        }
        let last = token.segments.last().unwrap();
        assert_eq!((last.part, last.start, last.end), ("extra", 400_000, 400_000));
        assert!(token.diagnostics.iter().any(|d| d.code == Code::Malformed));
    }
}

dual_test! {
    /// The one-pass offsets still count UTF-16 units (what JS indexes), after any prefix.
    fn segment_offsets_count_utf16_units_after_the_prefix() {
        assert_eq!(offsets("😀.b.c"), [(0, 2), (3, 4), (5, 6)]);
        assert_eq!(offsets("  é.aé.b"), [(2, 3), (4, 6), (7, 8)]);
        assert_eq!(offsets("Bearer é.b.c"), [(7, 8), (9, 10), (11, 12)]);
        assert_eq!(offsets("ab.c.d"), [(0, 2), (3, 4), (5, 6)]);
    }
}
