//! Diagnostics as text: the message, `file:line:col` (columns in characters,
//! as editors count them), the excerpt of the line with the span marked, and
//! the suggestion. annotate-snippets draws the excerpt (display widths, control
//! characters, long lines); the `-->` line is written here, because the
//! excerpt of a long line is a window whose own first column is not the line's.

use std::fmt::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diag::{Diagnostic, Severity};

/// [`render`], or nothing when there are no diagnostics.
pub fn render_if_any(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        String::new()
    } else {
        render(diagnostics)
    }
}

pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by_key(|d| d.sort_key());
    // Excerpts are already bounded (`text::Location`): no second cut at the terminal width.
    let renderer = Renderer::plain().term_width(usize::MAX / 4);
    let mut out = String::new();
    for diagnostic in &sorted {
        render_one(&renderer, diagnostic, &mut out);
        out.push_str("\n\n");
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

fn render_one(renderer: &Renderer, diagnostic: &Diagnostic, out: &mut String) {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(diagnostic.message.as_str());
    let help = diagnostic.help.as_deref().map(|help| Level::HELP.message(help));
    let Some(location) = &diagnostic.location else {
        let _ = writeln!(out, "{}", renderer.render(&[Group::with_title(title)]));
        let _ = write!(out, "  --> {}", diagnostic.file);
        if let Some(help) = &diagnostic.help {
            let _ = write!(out, "\n   = help: {help}");
        }
        return;
    };
    let snippet = Snippet::source(location.excerpt.as_str())
        .line_start(location.line)
        .annotation(AnnotationKind::Primary.span(location.underline.clone()));
    let group = Group::with_title(title).element(snippet).elements(help);
    let drawn = renderer.render(&[group]);
    let (heading, excerpt) = drawn.split_once('\n').unwrap_or((&drawn, ""));
    let gutter = " ".repeat(location.line.to_string().len());
    let _ = write!(
        out,
        "{heading}\n{gutter}--> {}:{}:{}\n{excerpt}",
        diagnostic.file, location.line, location.column
    );
}
