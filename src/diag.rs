//! Diagnostics: every problem found while loading, with its place in the file
//! (line, column in characters, and the byte span) and an excerpt of its line,
//! so it can be shown without the file at hand.

use std::ops::Range;

use crate::text::{Location, SourceText};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (relative to the corpus directory's parent).
    pub file: String,
    pub location: Option<Location>,
    pub message: String,
    /// A suggestion: the nearest valid name, the closest passage…
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            location: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Anchors the diagnostic at a byte span of the file's text, through the
    /// file's line index (built once, however many diagnostics it has).
    pub fn at(mut self, source: &SourceText, span: Range<usize>) -> Diagnostic {
        self.location = Some(source.locate(span));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Orders diagnostics by file, then position, so output is stable.
    pub fn sort_key(&self) -> (String, usize, usize, Severity, String) {
        let (line, column) = self.location.as_ref().map_or((0, 0), |l| (l.line, l.column));
        (self.file.clone(), line, column, self.severity, self.message.clone())
    }
}

/// The nearest candidate to `wanted`, if it is close enough to be a likely typo.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(wanted, candidate), candidate))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_and_ignores_strangers() {
        let names = ["russia", "russian-forces", "syria", "hmeimim"];
        assert_eq!(nearest("rusia", names), Some("russia"));
        assert_eq!(nearest("hmeymim", names), Some("hmeimim"));
        assert_eq!(nearest("libya-coast-guard", names), None);
    }

    #[test]
    fn location_counts_characters_and_keeps_bytes() {
        let text = "{\n  \"subject\": \"روسيا\", \"x\": 1\n}";
        let start = text.find("\"x\"").unwrap();
        let diagnostic = Diagnostic::error("a.json", "unknown field").at(&SourceText::new(text), start..start + 3);
        let location = diagnostic.location.unwrap();
        assert_eq!(location.line, 2);
        // 2 spaces, "subject": (10), a space, a quote, 5 Arabic letters, a quote, a comma, a space
        assert_eq!(location.column, 23);
        assert_eq!(location.span, start..start + 3);
        assert_eq!(&location.excerpt[location.underline.clone()], "\"x\"");
    }
}
