//! A file's text as the user gave it, and its line index: byte offsets turn
//! into lines and columns without altering the text.

use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// The whole line the problem starts on, without its line break.
    pub line_text: String,
    /// The span to underline, in bytes within `line_text`.
    pub underline: Range<usize>,
}

/// Byte offsets of line starts, for turning spans into line/column.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line and byte column of `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset);
        (line, offset - self.starts[line - 1] + 1)
    }

    pub fn locate(&self, text: &str, span: Range<usize>) -> Location {
        let start = span.start.min(text.len());
        let (line, column) = self.line_column(start);
        let line_start = self.starts[line - 1];
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let line_text = text[line_start..line_end].trim_end_matches('\r').to_string();
        let underline_end = span.end.clamp(start, line_start + line_text.len());
        Location {
            line,
            column,
            line_text,
            underline: start - line_start..underline_end - line_start,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "قال مسؤول إن روسيا لم تنسحب من قواعدها في سوريا.\nوأضاف أن المفاوضات مستمرة.";

    #[test]
    fn line_column_in_bytes() {
        let index = LineIndex::new(ARTICLE);
        let second_line = ARTICLE.find('\n').unwrap() + 1;
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(second_line), (2, 1));
        assert_eq!(index.line_column(second_line + "وأضاف".len()), (2, 11));
    }
}
