//! The findings and errors that carry a `Code`: a `Diagnostic` in a report (results are data),
//! an `Error` for a caller mistake.

use super::Code;
use core::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Makes verification fail.
    Error,
    /// Worth knowing; never makes verification fail.
    Warning,
    /// Neutral information about how the input was read.
    Info,
}

impl Severity {
    /// The name used in reports.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// One finding about a token, a key or a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// One sentence for a person.
    pub message: String,
    /// What to try next, when there is something to try.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error-level diagnostic.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self { code, severity: Severity::Error, message: message.into(), hint: None }
    }

    /// A warning-level diagnostic.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self { code, severity: Severity::Warning, message: message.into(), hint: None }
    }

    /// An info-level diagnostic.
    pub fn info(code: Code, message: impl Into<String>) -> Self {
        Self { code, severity: Severity::Info, message: message.into(), hint: None }
    }

    /// The same diagnostic with a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same finding at another severity.
    #[must_use]
    pub fn at(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

/// A caller mistake (unusable key, algorithm or option): the error of `sign`, `generate_key`
/// and `import_key`. Bad tokens are never reported this way; they are data in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Stable code.
    pub code: Code,
    /// One sentence for a person.
    pub message: String,
    /// What to try next.
    pub hint: Option<String>,
}

impl Error {
    /// A new error.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), hint: None }
    }

    /// The same error with a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Self { code: d.code, message: d.message, hint: d.hint }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Error {}
