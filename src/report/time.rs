//! Output of `tanaqud time`: one line per input line, always, so the output
//! can be pasted beside the input or joined with it by line number.

use std::fmt::Write;

use crate::model::named;

use crate::time::{Resolution, record};

named! {
    pub enum TimeFormat {
        Text = "text",
        Json = "json",
    }
}

pub fn render(lines: &[(String, Option<Resolution>)], format: TimeFormat) -> String {
    let mut out = String::new();
    for (line, resolution) in lines {
        match format {
            TimeFormat::Json => {
                let _ = writeln!(out, "{}", record(line, resolution.as_ref()));
            }
            TimeFormat::Text => match resolution {
                Some(r) => {
                    let _ = writeln!(
                        out,
                        "{}\t{}\t{}\t«{}»",
                        r.interval,
                        r.interval.granularity.as_str(),
                        r.rule,
                        &line[r.span.clone()]
                    );
                }
                None => out.push_str("-\t-\t-\t-\n"),
            },
        }
    }
    out
}
