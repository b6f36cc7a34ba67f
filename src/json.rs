//! Strict JSON reading with byte spans, so that every problem in an
//! annotation or vocabulary file can point at the exact value. Readers collect
//! diagnostics and keep going: one run reports every problem in a file.

use std::cell::RefCell;
use std::ops::Range;

use jsonc_parser::ast::{Array, Object, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::diag::{Diagnostic, nearest};
use crate::text::SourceText;

/// A value with the byte span it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// One JSON file being read: its name and text, and the problems found so far.
pub struct JsonFile<'t> {
    pub name: String,
    source: SourceText<'t>,
    diagnostics: RefCell<Vec<Diagnostic>>,
}

impl<'t> JsonFile<'t> {
    pub fn new(name: &str, text: &'t str) -> JsonFile<'t> {
        JsonFile {
            name: name.to_string(),
            source: SourceText::new(text),
            diagnostics: RefCell::new(Vec::new()),
        }
    }

    pub fn text(&self) -> &'t str {
        self.source.text
    }

    /// The file's text with its line index, to anchor diagnostics.
    pub fn source(&self) -> &SourceText<'t> {
        &self.source
    }

    /// Parses strict JSON (no comments, no trailing commas). A syntax error is
    /// recorded and `None` returned: nothing more can be read from the file.
    pub fn parse(&self) -> Option<Value<'t>> {
        let strict = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        if self.source.text.starts_with('\u{FEFF}') {
            self.push(
                Diagnostic::error(
                    &self.name,
                    "the file starts with a byte-order mark (U+FEFF), which JSON does not allow",
                )
                .at(&self.source, 0..3)
                .with_help("save the file as UTF-8 without BOM"),
            );
            return None;
        }
        if let Some(at) = raw_control_in_string(self.source.text) {
            self.error(
                at..at + 1,
                "a raw control character inside a string: write it escaped (\\n, \\t, \\u0000…)",
            );
            return None;
        }
        match jsonc_parser::parse_to_ast(self.source.text, &CollectOptions::default(), &strict) {
            Ok(result) => {
                if result.value.is_none() {
                    self.error(0..0, "the file holds no JSON value");
                }
                result.value
            }
            Err(error) => {
                let range = error.range();
                let message = format!("JSON syntax error: {}", error.kind());
                self.error(range.start..range.end.max(range.start + 1), message);
                None
            }
        }
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) {
        self.push(Diagnostic::error(&self.name, message).at(&self.source, span));
    }

    pub fn push(&self, diagnostic: Diagnostic) {
        self.diagnostics.borrow_mut().push(diagnostic);
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics.into_inner()
    }

    /// Reads `value` as an object whose only fields are `allowed`; unknown and
    /// repeated fields are reported.
    pub fn object<'v>(&'v self, value: &'v Value<'t>, what: &str, allowed: &[&str]) -> Option<Fields<'v, 't>> {
        let Some(object) = value.as_object() else {
            self.error(span(value), format!("{what} must be an object, found {}", kind(value)));
            return None;
        };
        let mut seen: Vec<&str> = Vec::new();
        for property in &object.properties {
            let name = property.name.as_str();
            let name_span = property.name.range();
            if seen.contains(&name) {
                self.error(
                    name_span.start..name_span.end,
                    format!("field `{name}` is repeated in {what}"),
                );
            }
            seen.push(name);
            if !allowed.contains(&name) {
                let mut diagnostic = Diagnostic::error(&self.name, format!("unknown field `{name}` in {what}"))
                    .at(&self.source, name_span.start..name_span.end);
                if let Some(close) = nearest(name, allowed.iter().copied()) {
                    diagnostic = diagnostic.with_help(format!("did you mean `{close}`?"));
                } else {
                    diagnostic = diagnostic.with_help(format!("expected one of: {}", allowed.join(", ")));
                }
                self.push(diagnostic);
            }
        }
        Some(Fields {
            file: self,
            object,
            what: what.to_string(),
        })
    }
}

/// The first byte below U+0020 inside a string literal, which strict JSON
/// forbids (the parser used accepts it). One pass over the bytes, tracking
/// strings and their escapes.
fn raw_control_in_string(text: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        match byte {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            0x00..=0x1F if in_string => return Some(at),
            _ => {}
        }
    }
    None
}

/// The fields of one object, read by name.
pub struct Fields<'v, 't> {
    file: &'v JsonFile<'t>,
    object: &'v Object<'t>,
    what: String,
}

impl<'v, 't> Fields<'v, 't> {
    pub fn file(&self) -> &'v JsonFile<'t> {
        self.file
    }

    pub fn span(&self) -> Range<usize> {
        self.object.range.start..self.object.range.start + 1
    }

    pub fn get(&self, name: &str) -> Option<&'v Value<'t>> {
        self.object
            .properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| &p.value)
    }

    fn missing(&self, name: &str) {
        self.file
            .error(self.span(), format!("{} has no `{name}` field", self.what));
    }

    pub fn string(&self, name: &str) -> Option<Spanned<String>> {
        let value = self.get(name)?;
        match value {
            Value::StringLit(s) => Some(Spanned {
                value: s.value.to_string(),
                span: s.range.start..s.range.end,
            }),
            other => {
                self.file
                    .error(span(other), format!("`{name}` must be a string, found {}", kind(other)));
                None
            }
        }
    }

    pub fn required_string(&self, name: &str) -> Option<Spanned<String>> {
        if self.get(name).is_none() {
            self.missing(name);
        }
        self.string(name)
    }

    pub fn boolean(&self, name: &str) -> Option<Spanned<bool>> {
        match self.get(name)? {
            Value::BooleanLit(b) => Some(Spanned {
                value: b.value,
                span: b.range.start..b.range.end,
            }),
            other => {
                self.file.error(
                    span(other),
                    format!("`{name}` must be true or false, found {}", kind(other)),
                );
                None
            }
        }
    }

    pub fn integer(&self, name: &str) -> Option<Spanned<u64>> {
        let value = self.get(name)?;
        let parsed = match value {
            Value::NumberLit(n) => n.value.parse::<u64>().ok(),
            _ => None,
        };
        match parsed {
            Some(number) => Some(Spanned {
                value: number,
                span: span(value),
            }),
            None => {
                self.file.error(
                    span(value),
                    format!("`{name}` must be a whole number, found {}", kind(value)),
                );
                None
            }
        }
    }

    pub fn array(&self, name: &str) -> Option<&'v Array<'t>> {
        match self.get(name)? {
            Value::Array(array) => Some(array),
            other => {
                self.file
                    .error(span(other), format!("`{name}` must be an array, found {}", kind(other)));
                None
            }
        }
    }

    pub fn required_array(&self, name: &str) -> Option<&'v Array<'t>> {
        if self.get(name).is_none() {
            self.missing(name);
        }
        self.array(name)
    }

    /// An array of strings; non-strings are reported and skipped.
    pub fn strings(&self, name: &str) -> Vec<Spanned<String>> {
        let Some(array) = self.array(name) else {
            return Vec::new();
        };
        array
            .elements
            .iter()
            .filter_map(|element| match element {
                Value::StringLit(s) => Some(Spanned {
                    value: s.value.to_string(),
                    span: s.range.start..s.range.end,
                }),
                other => {
                    self.file.error(
                        span(other),
                        format!("`{name}` must hold strings, found {}", kind(other)),
                    );
                    None
                }
            })
            .collect()
    }
}

pub fn span(value: &Value) -> Range<usize> {
    let range = value.range();
    range.start..range.end
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::StringLit(_) => "a string",
        Value::NumberLit(_) => "a number",
        Value::BooleanLit(_) => "a boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::NullKeyword(_) => "null",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_and_raw_control_characters_are_refused_with_a_hint() {
        let file = JsonFile::new("a.json", "\u{FEFF}{}");
        assert!(file.parse().is_none());
        let diagnostics = file.into_diagnostics();
        assert_eq!(
            diagnostics[0].help.as_deref(),
            Some("save the file as UTF-8 without BOM")
        );
        for (text, column) in [("{\"a\": \"x\ty\"}", 9), ("{\"a\": \"\\\"\n\"}", 10)] {
            let file = JsonFile::new("a.json", text);
            assert!(file.parse().is_none(), "{text:?}");
            let location = file.into_diagnostics().remove(0).location.unwrap();
            assert_eq!(location.column, column, "{text:?}");
        }
        let fine = JsonFile::new("a.json", "{\"a\": \"x\\ty\\\\\"}\n");
        assert!(fine.parse().is_some() && fine.into_diagnostics().is_empty());
    }

    #[test]
    fn syntax_error_points_at_its_line_and_byte_column() {
        let file = JsonFile::new("x.json", "{\n  \"a\": \"روسيا\",\n}");
        assert!(file.parse().is_none());
        let diagnostics = file.into_diagnostics();
        assert_eq!(diagnostics.len(), 1);
        let location = diagnostics[0].location.as_ref().unwrap();
        assert_eq!(location.line, 2);
        assert!(diagnostics[0].message.contains("syntax"), "{}", diagnostics[0].message);
    }

    #[test]
    fn reports_every_field_problem_in_one_pass() {
        let file = JsonFile::new(
            "x.json",
            r#"{"id": 3, "quote": "q", "subjcet": "russia", "quote": "again"}"#,
        );
        let value = file.parse().unwrap();
        let fields = file.object(&value, "claim", &["id", "quote", "subject"]).unwrap();
        assert_eq!(fields.string("id"), None);
        assert!(fields.required_string("subject").is_none());
        let messages: Vec<String> = file
            .into_diagnostics()
            .into_iter()
            .map(|d| format!("{} {}", d.message, d.help.unwrap_or_default()))
            .collect();
        assert_eq!(messages.len(), 4, "{messages:#?}");
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`subjcet`") && m.contains("did you mean `subject`"))
        );
        assert!(messages.iter().any(|m| m.contains("`quote` is repeated")));
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`id` must be a string, found a number"))
        );
        assert!(messages.iter().any(|m| m.contains("has no `subject`")));
    }
}
