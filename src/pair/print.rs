//! Output of `tanaqud compare`: one pair's outcome, or a batch's, a line a
//! pair, then, when the batch has gold stances, the confusion matrix, each
//! class's precision, recall and F1 and their mean.

use std::fmt::Write;

use serde_json::{Value, json};

use super::{Cue, Outcome, Route, Row, Score, Stance};
use crate::model::{Named, named};

named! {
    pub enum PairFormat {
        Text = "text",
        Json = "json",
    }
}

/// One pair given on the command line.
pub fn render_one(outcome: &Outcome, format: PairFormat) -> String {
    match format {
        PairFormat::Text => format!(
            "{}\t{}/{}\t{}\n",
            outcome.stance, outcome.route, outcome.cue, outcome.reason
        ),
        PairFormat::Json => format!("{}\n", record(outcome, None)),
    }
}

fn record(outcome: &Outcome, row: Option<&Row>) -> Value {
    let mut value = json!({
        "stance": outcome.stance.name(),
        "route": outcome.route.name(),
        "cue": outcome.cue.name(),
        "reason": outcome.reason,
    });
    if let Some(row) = row {
        value["line"] = json!(row.line);
        if let Some(gold) = row.gold {
            value["gold"] = json!(gold.name());
        }
    }
    value
}

/// A batch: its rows with their outcomes, in file order.
pub fn render_batch(pairs: &[(Row, Outcome)], format: PairFormat) -> String {
    let gold: Vec<(Stance, Stance)> = pairs
        .iter()
        .filter_map(|(row, outcome)| row.gold.map(|g| (g, outcome.stance)))
        .collect();
    let score = (!gold.is_empty()).then(|| Score::new(gold));
    let mut decided = Vec::new();
    for route in Route::ALL {
        for cue in Cue::ALL {
            let n = pairs.iter().filter(|(_, o)| o.route == *route && o.cue == *cue).count();
            if n > 0 {
                decided.push((format!("{route}/{cue}"), n));
            }
        }
    }
    match format {
        PairFormat::Json => {
            let mut value = json!({
                "pairs": pairs.iter().map(|(row, outcome)| record(outcome, Some(row))).collect::<Vec<_>>(),
                "decided_by": decided.iter().map(|(k, n)| json!({"by": k, "pairs": n})).collect::<Vec<_>>(),
            });
            if let Some(score) = &score {
                value["score"] = json!({
                    "confusion": Stance::ALL.iter().map(|&g| json!({
                        "gold": g.name(),
                        "predicted": Stance::ALL.iter().map(|&p| (p.name().to_string(), json!(score.confusion[g as usize][p as usize]))).collect::<serde_json::Map<_, _>>(),
                    })).collect::<Vec<_>>(),
                    "classes": Stance::ALL.iter().map(|&s| {
                        let c = score.class(s);
                        json!({"stance": s.name(), "precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.support})
                    }).collect::<Vec<_>>(),
                    "macro_f1": score.macro_f1(),
                });
            }
            format!("{value:#}\n")
        }
        PairFormat::Text => {
            let mut out = String::new();
            for (row, outcome) in pairs {
                let gold = row.gold.map_or("-", Stance::name);
                let _ = writeln!(
                    out,
                    "{}\t{}\t{gold}\t{}/{}\t{}",
                    row.line, outcome.stance, outcome.route, outcome.cue, outcome.reason
                );
            }
            let _ = writeln!(out, "\n{} pairs, decided by:", pairs.len());
            for (by, n) in &decided {
                let _ = writeln!(out, "  {by:<32} {n}");
            }
            if let Some(score) = &score {
                out.push_str(&render_score(score));
            }
            out
        }
    }
}

fn render_score(score: &Score) -> String {
    let mut out = String::from("\ngold \\ predicted");
    for stance in Stance::ALL {
        let _ = write!(out, "\t{stance}");
    }
    out.push('\n');
    for &gold in Stance::ALL {
        let _ = write!(out, "{gold:<16}");
        for &predicted in Stance::ALL {
            let _ = write!(out, "\t{}", score.confusion[gold as usize][predicted as usize]);
        }
        out.push('\n');
    }
    out.push_str("\nclass\tprecision\trecall\tF1\tsupport\n");
    for &stance in Stance::ALL {
        let c = score.class(stance);
        let _ = writeln!(
            out,
            "{stance}\t{:.3}\t{:.3}\t{:.3}\t{}",
            c.precision, c.recall, c.f1, c.support
        );
    }
    let _ = writeln!(out, "macro-F1\t{:.3}", score.macro_f1());
    out
}
