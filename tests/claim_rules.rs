//! Claim validation as issue 4 asks (RFC 7519 §4.1, RFC 8725 §3.11): every check reported with
//! its outcome, time claims numbers only, exact `iss`/`sub`/`aud`, explicit typing.
// Test code may unwrap and index: the no-panic rule guards the engine in src/, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use jwt_lens::{parse_verify_options, sign_with_key_text, verify_with_key_text, Code, SecretEncoding, VerifyReport};

const SECRET: &str = "a-string-secret-at-least-256-bits-long!!-and-more";
const NOW: f64 = 1_700_000_000.0;

fn check_with(header: &str, payload: &str, options: &str) -> VerifyReport {
    let token = sign_with_key_text(header, payload, SECRET, SecretEncoding::Utf8).unwrap();
    verify_with_key_text(&token, SECRET, &parse_verify_options(options, NOW).unwrap())
}

fn check(payload: &str, options: &str) -> VerifyReport {
    check_with(r#"{"alg":"HS256"}"#, payload, options)
}

/// The outcome of the check named `name` (the first one), as its code or `None` when it passed.
fn outcome(report: &VerifyReport, name: &str) -> Option<Option<Code>> {
    report.checks.iter().find(|c| c.name == name).map(|c| c.code)
}

dual_test! {
    fn every_check_is_reported_not_only_the_first_failure() {
        let report = check_with(
            r#"{"alg":"HS256","typ":"JWT"}"#,
            r#"{"exp":1600000000,"nbf":1800000000,"iss":"a","sub":"b","aud":"c"}"#,
            r#"{"issuer":"x","subject":"y","audience":"z","typ":"at+jwt","requiredClaims":["jti","sub"]}"#,
        );
        assert!(report.signature_valid && !report.valid);
        for (name, code) in [
            ("exp", Code::Expired),
            ("nbf", Code::NotYetValid),
            ("iss", Code::IssuerMismatch),
            ("sub", Code::SubjectMismatch),
            ("aud", Code::AudienceMismatch),
            ("typ", Code::TypMismatch),
        ] {
            assert_eq!(outcome(&report, name), Some(Some(code)), "{name}");
            assert!(report.errors.iter().any(|e| e.code == code), "{name} also in errors");
        }
        let required: Vec<(bool, &str)> = report.checks.iter().filter(|c| c.name == "claims").map(|c| (c.ok, c.message.as_str())).collect();
        assert_eq!(required.len(), 2, "one outcome per required claim: {required:?}");
        assert!(required.iter().any(|(ok, m)| !ok && m.contains("\"jti\"")) && required.iter().any(|(ok, m)| *ok && m.contains("\"sub\"")));
        assert!(report.checks.iter().filter(|c| c.name == "signature").all(|c| c.ok));
    }
}

dual_test! {
    fn time_claims_are_numbers_fractions_allowed() {
        assert!(check(r#"{"exp":1700000000.5}"#, "").valid, "a fraction just after now is in the future");
        assert_eq!(outcome(&check(r#"{"exp":1699999999.5}"#, ""), "exp"), Some(Some(Code::Expired)));
        assert!(check(r#"{"exp":1.8e9,"nbf":1.6e9,"iat":1.69e9}"#, "").valid, "exponent notation is a number");
        for value in [r#""1800000000""#, "null", "true", "[1800000000]", "{}"] {
            for claim in ["exp", "nbf", "iat"] {
                let report = check(&format!(r#"{{"{claim}":{value}}}"#), "");
                assert_eq!(outcome(&report, claim), Some(Some(Code::ClaimType)), "{claim}: {value} is a wrong type, never \"absent\"");
            }
        }
        assert_eq!(outcome(&check(r#"{"exp":1e999}"#, ""), "exp"), Some(Some(Code::ClaimType)), "not finite");
    }
}

dual_test! {
    fn leeway_and_max_age() {
        assert!(check(r#"{"exp":1699999990}"#, r#"{"leeway":30}"#).valid);
        assert_eq!(outcome(&check(r#"{"exp":1699999970}"#, r#"{"leeway":30}"#), "exp"), Some(Some(Code::Expired)));
        assert!(check(r#"{"iat":1700000600}"#, "").valid, "a future iat alone is not checked without maxTokenAge");
        assert_eq!(outcome(&check(r#"{"iat":1700000600}"#, r#"{"maxTokenAge":3600}"#), "iat"), Some(Some(Code::IatInFuture)));
        assert_eq!(outcome(&check(r#"{"iat":1699990000}"#, r#"{"maxTokenAge":3600}"#), "iat"), Some(Some(Code::TokenTooOld)));
        assert_eq!(outcome(&check("{}", r#"{"maxTokenAge":3600}"#), "iat"), Some(Some(Code::MissingClaim)));
        assert!(check(r#"{"iat":1699999000}"#, r#"{"maxTokenAge":3600}"#).valid);
    }
}

dual_test! {
    fn iss_and_sub_match_exactly_and_only_strings() {
        assert!(check(r#"{"iss":"https://a.example","sub":"u1"}"#, r#"{"issuer":"https://a.example","subject":"u1"}"#).valid);
        assert!(check(r#"{"iss":"b"}"#, r#"{"issuer":["a","b"]}"#).valid, "one of several issuers");
        for (payload, options, name, code) in [
            (r#"{"iss":"https://a.example/"}"#, r#"{"issuer":"https://a.example"}"#, "iss", Code::IssuerMismatch),
            (r#"{"iss":"A"}"#, r#"{"issuer":"a"}"#, "iss", Code::IssuerMismatch),
            (r#"{"iss":["a"]}"#, r#"{"issuer":"a"}"#, "iss", Code::ClaimType),
            (r#"{}"#, r#"{"issuer":"a"}"#, "iss", Code::MissingClaim),
            (r#"{"sub":1}"#, r#"{"subject":"1"}"#, "sub", Code::ClaimType),
            (r#"{"sub":"u10"}"#, r#"{"subject":"u1"}"#, "sub", Code::SubjectMismatch),
        ] {
            assert_eq!(outcome(&check(payload, options), name), Some(Some(code)), "{payload} {options}");
        }
    }
}

dual_test! {
    fn aud_is_a_string_or_an_array_with_exact_membership() {
        assert!(check(r#"{"aud":"api"}"#, r#"{"audience":"api"}"#).valid);
        assert!(check(r#"{"aud":["web","api"]}"#, r#"{"audience":"api"}"#).valid);
        assert!(check(r#"{"aud":"api"}"#, r#"{"audience":["other","api"]}"#).valid);
        assert!(check(r#"{"aud":"anything"}"#, "").valid, "aud is not checked unless an audience is expected");
        for (payload, code) in [
            (r#"{"aud":"api2"}"#, Code::AudienceMismatch),
            (r#"{"aud":"API"}"#, Code::AudienceMismatch),
            (r#"{"aud":["ap","pi"]}"#, Code::AudienceMismatch),
            (r#"{"aud":[]}"#, Code::AudienceMismatch),
            (r#"{"aud":["api",1]}"#, Code::ClaimType),
            (r#"{"aud":null}"#, Code::ClaimType),
            (r#"{}"#, Code::MissingClaim),
        ] {
            assert_eq!(outcome(&check(payload, r#"{"audience":"api"}"#), "aud"), Some(Some(code)), "{payload}");
        }
    }
}

dual_test! {
    fn typ_is_compared_as_a_media_type() {
        for (typ, expected, ok) in [
            ("at+jwt", "at+jwt", true),
            ("AT+JWT", "at+jwt", true),
            ("application/at+jwt", "at+jwt", true),
            ("dpop+jwt", "application/dpop+JWT", true),
            ("JWT", "at+jwt", false),
            ("jwt", "at+jwt", false),
        ] {
            let report = check_with(&format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#), "{}", &format!(r#"{{"typ":"{expected}"}}"#));
            assert_eq!(report.valid, ok, "{typ} vs {expected}");
        }
        assert_eq!(outcome(&check("{}", r#"{"typ":"at+jwt"}"#), "typ"), Some(Some(Code::TypMismatch)), "explicit typing requires typ");
    }
}
