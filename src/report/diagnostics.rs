//! Diagnostics as text: `file:line:col`, the line, a marker under the span,
//! and the suggestion. Columns count bytes; the marker is placed by chars,
//! which is as close as a terminal gets for Arabic.

use std::fmt::Write;

use crate::diag::{Diagnostic, Severity};

pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by_key(|d| d.sort_key());
    let mut out = String::new();
    for diagnostic in &sorted {
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{severity}: {}", diagnostic.message);
        match &diagnostic.location {
            Some(location) => {
                let number = location.line.to_string();
                let gutter = " ".repeat(number.len());
                let _ = writeln!(
                    out,
                    "{gutter}--> {}:{}:{}",
                    diagnostic.file, location.line, location.column
                );
                let _ = writeln!(out, "{gutter} |");
                let _ = writeln!(out, "{number} | {}", location.line_text);
                let before = location.line_text[..location.underline.start].chars().count();
                let marked = location.line_text[location.underline.clone()].chars().count().max(1);
                let _ = writeln!(out, "{gutter} | {}{}", " ".repeat(before), "^".repeat(marked));
                if let Some(help) = &diagnostic.help {
                    let _ = writeln!(out, "{gutter} = help: {help}");
                }
            }
            None => {
                let _ = writeln!(out, "  --> {}", diagnostic.file);
                if let Some(help) = &diagnostic.help {
                    let _ = writeln!(out, "   = help: {help}");
                }
            }
        }
        out.push('\n');
    }
    let errors = sorted.iter().filter(|d| d.is_error()).count();
    let warnings = sorted.len() - errors;
    let mut files: Vec<&str> = sorted.iter().map(|d| d.file.as_str()).collect();
    files.dedup();
    let _ = writeln!(
        out,
        "{errors} error(s), {warnings} warning(s) in {} file(s)",
        files.len()
    );
    out
}
