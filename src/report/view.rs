//! What the human-readable printers (Markdown, HTML) share: which
//! propositions get a section and in what order, and the words for a verdict
//! and its sides.

use super::{ClaimRow, Report, SourceRow, Summary, VerdictRow};
use crate::model::{Named, VerdictKind};

/// The propositions with a section, in the order their first verdict ranks,
/// and each one's section number (from 1): computed once per report.
pub struct Sections {
    pub order: Vec<usize>,
    number: Vec<Option<usize>>,
}

impl Sections {
    pub fn of(report: &Report) -> Sections {
        let mut number = vec![None; report.propositions.len()];
        let mut order = Vec::new();
        for verdict in report.verdicts.iter().filter(|v| v.kind != VerdictKind::NotComparable) {
            for p in verdict.proposition_indices {
                if number[p].is_none() {
                    order.push(p);
                    number[p] = Some(order.len());
                }
            }
        }
        Sections { order, number }
    }

    pub fn number(&self, proposition: usize) -> usize {
        self.number[proposition].unwrap_or(0)
    }
}

/// "disputed (scope)", "tension (undecided-vs-asserted)".
pub fn verdict_name(verdict: &VerdictRow) -> String {
    match verdict.conflict {
        Some(kind) => format!("{} ({kind})", verdict.kind.name().replace('_', " ")),
        None => format!("{} ({})", verdict.kind.name().replace('_', " "), verdict.rule),
    }
}

/// "Qasioun 2024-12-23: negated · Times of Egypt 2024-12: affirmed (Kremlin)".
pub fn stances(report: &Report, verdict: &VerdictRow) -> String {
    let mut parts: Vec<String> = Vec::new();
    for pair in &verdict.evidence_indices {
        for &c in pair {
            let claim = &report.claims[c];
            let source = source_of(report, claim);
            let date = source
                .and_then(|s| s.published.as_ref())
                .map_or("no date", |p| p.date.as_str());
            let outlet = source.map_or(claim.source.as_str(), |s| s.outlet.as_str());
            let said_by = if claim.attribution == "outlet" {
                String::new()
            } else {
                format!(" ({})", claim.speaker)
            };
            let part = format!("{outlet} {date}: {}{said_by}", claim.stance);
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
    }
    parts.join(" · ")
}

pub fn source_of<'r>(report: &'r Report, claim: &ClaimRow) -> Option<&'r SourceRow> {
    report.sources.get(claim.source_index)
}

/// The report's one-line count, the weightiest kinds wrapped in `strong`'s
/// open and close markup (`**`, `<b>`).
pub fn summary_line(s: &Summary, strong: (&str, &str)) -> String {
    let (open, close) = strong;
    format!(
        "{} sources ({} independent origins), {} claims on {} propositions: {open}{} disputed{close}, \
         {open}{} conflicts{close}, {open}{} tensions{close}, {} agreements, {} updates; {} near pairs not comparable.",
        s.sources,
        s.origins,
        s.claims,
        s.propositions,
        s.disputed,
        s.conflicts,
        s.tensions,
        s.agreements,
        s.updates,
        s.not_comparable
    )
}
