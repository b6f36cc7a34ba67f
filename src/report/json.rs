//! The JSON report: the public contract documented in README.md
//! (`schema_version` 1).

use super::Report;

pub fn render(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).expect("the report model serialises");
    text.push('\n');
    text
}
