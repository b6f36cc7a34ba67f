//! The extraction score (`tanaqud score`): precision and recall per source
//! and overall, as a text table or JSON, optionally with the misses.

use std::fmt::Write;

use crate::model::named;

use serde_json::json;

use super::{claim_row, line_indices};
use crate::model::Corpus;
use crate::score::{Score, Tally};

named! {
    pub enum ScoreFormat {
        Text = "text",
        Json = "json",
    }
}

fn ratio(value: Option<f64>) -> String {
    value.map_or("-".to_string(), |v| format!("{v:.2}"))
}

pub fn render(annotated: &Corpus, extracted: &Corpus, score: &Score, format: ScoreFormat, verbose: bool) -> String {
    let (annotated_lines, extracted_lines) = (line_indices(annotated), line_indices(extracted));
    match format {
        ScoreFormat::Text => text(annotated, extracted, score, verbose),
        ScoreFormat::Json => {
            let row = |name: &str, t: &Tally| {
                json!({
                    "source": name,
                    "annotated": t.annotated,
                    "extracted": t.extracted,
                    "correct": t.correct,
                    "found": t.found,
                    "precision": t.precision(),
                    "recall": t.recall(),
                })
            };
            let mut value = json!({
                "sources": score.sources.iter().map(|(i, t)| row(&annotated.sources[*i].id, t)).collect::<Vec<_>>(),
                "overall": row("overall", &score.total),
            });
            if verbose {
                value["missed"] = json!(
                    score
                        .missed
                        .iter()
                        .map(|&i| claim_row(annotated, &annotated.claims[i], &annotated_lines))
                        .collect::<Vec<_>>()
                );
                value["unmatched"] = json!(
                    score
                        .wrong
                        .iter()
                        .map(|&i| claim_row(extracted, &extracted.claims[i], &extracted_lines))
                        .collect::<Vec<_>>()
                );
            }
            let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
            text.push('\n');
            text
        }
    }
}

fn text(annotated: &Corpus, extracted: &Corpus, score: &Score, verbose: bool) -> String {
    let (annotated_lines, extracted_lines) = (line_indices(annotated), line_indices(extracted));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<32} {:>9} {:>9} {:>7} {:>5} {:>9} {:>6}",
        "source", "annotated", "extracted", "correct", "found", "precision", "recall"
    );
    let mut line = |name: &str, t: &Tally| {
        let _ = writeln!(
            out,
            "{name:<32} {:>9} {:>9} {:>7} {:>5} {:>9} {:>6}",
            t.annotated,
            t.extracted,
            t.correct,
            t.found,
            ratio(t.precision()),
            ratio(t.recall())
        );
    };
    for (i, tally) in &score.sources {
        line(&annotated.sources[*i].id, tally);
    }
    line("overall", &score.total);
    if verbose {
        let _ = writeln!(out, "\nmissed (annotated, not found):");
        for &i in &score.missed {
            let row = claim_row(annotated, &annotated.claims[i], &annotated_lines);
            let _ = writeln!(
                out,
                "  {} · {} · {}\n    > {}",
                row.id, row.statement, row.modality, row.quote
            );
        }
        let _ = writeln!(out, "\nunmatched (extracted, no annotated match):");
        for &i in &score.wrong {
            let row = claim_row(extracted, &extracted.claims[i], &extracted_lines);
            let _ = writeln!(
                out,
                "  {} · {} · {}\n    > {}",
                row.id, row.statement, row.modality, row.quote
            );
        }
    }
    out
}
