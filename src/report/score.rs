//! The extraction score (`tanaqud score`): precision and recall per source
//! and overall, as a text table or JSON, optionally with the misses.

use std::fmt::Write;

use crate::model::named;

use serde_json::json;

use super::{Report, article_indices, claim_row};
use crate::gold::{Gold, VerdictScore};
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
    let (annotated_lines, extracted_lines) = (article_indices(annotated), article_indices(extracted));
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
    let (annotated_lines, extracted_lines) = (article_indices(annotated), article_indices(extracted));
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

/// The verdict score (`tanaqud score DIR --verdicts GOLD`): precision and
/// recall, then, with `verbose`, what was given and not judged, missed, or
/// forbidden.
pub fn render_verdicts(
    report: &Report,
    gold: &Gold,
    score: &VerdictScore,
    format: ScoreFormat,
    verbose: bool,
) -> String {
    if format == ScoreFormat::Json {
        let value = json!({
            "given": score.given,
            "right": score.right,
            "acceptable": score.acceptable,
            "expected": score.expected,
            "found": score.found,
            "precision": score.precision(),
            "recall": score.recall(),
            "forbidden": score.forbidden.iter().map(|&(v, j)| json!({
                "verdict": verdict_line(report, v),
                "must_not": gold.must_not[j],
            })).collect::<Vec<_>>(),
            "unmatched": score.unmatched.iter().map(|&v| verdict_line(report, v)).collect::<Vec<_>>(),
            "missed": score.missed.iter().map(|&j| &gold.expected[j]).collect::<Vec<_>>(),
        });
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        return text;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "verdicts given {:>4}  right {:>4}  precision {}  ({} of them acceptable, not expected)\nverdicts judged {:>3}  found {:>4}  recall    {}\nmust-not given {:>4}",
        score.given,
        score.right,
        ratio(score.precision()),
        score.acceptable,
        score.expected,
        score.found,
        ratio(score.recall()),
        score.forbidden.len()
    );
    if verbose {
        let _ = writeln!(out, "\nforbidden (given, and judged must-not):");
        for &(v, j) in &score.forbidden {
            let _ = writeln!(
                out,
                "  {}\n    must not: {}",
                verdict_line(report, v),
                gold.must_not[j].why
            );
        }
        let _ = writeln!(out, "\nunmatched (given, not judged):");
        for &v in &score.unmatched {
            let _ = writeln!(out, "  {}", verdict_line(report, v));
        }
        let _ = writeln!(out, "\nmissed (judged, not given):");
        for &j in &score.missed {
            let g = &gold.expected[j];
            let _ = writeln!(
                out,
                "  {} {}/{}/{} · {} · {}",
                g.kind,
                g.subject,
                g.family,
                g.objects.join("+"),
                g.sources.join(" ↔ "),
                g.why
            );
        }
    }
    out
}

/// "conflict russia/military-presence/syria ↔ …/hmeimim · qasioun ↔ times".
fn verdict_line(report: &Report, verdict: usize) -> String {
    let v = &report.verdicts[verdict];
    let about = if v.propositions[0] == v.propositions[1] {
        v.propositions[0].clone()
    } else {
        format!("{} ↔ {}", v.propositions[0], v.propositions[1])
    };
    format!("{} ({}) {about} · {}", v.kind, v.rule, v.sources.join(" ↔ "))
}
