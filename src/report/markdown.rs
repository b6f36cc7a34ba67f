//! The Markdown report, for fact-checkers: summary, then conflicts, tensions,
//! agreements, the pairs considered and not flagged, and every claim.

use std::fmt::Write;

use super::{ClaimRow, DateSource, FindingRow, OutletSource, Report, SourceRow, TitleSource};
use crate::model::{Extent, Kind, Named, Rule};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let s = &report.summary;
    let _ = writeln!(out, "# tanaqud report\n");
    let _ = writeln!(
        out,
        "{} sources, {} claims: **{} conflicts**, **{} tensions**, **{} agreements**; {} pairs considered and not flagged.\n",
        s.sources, s.claims, s.conflicts, s.tensions, s.agreements, s.not_flagged
    );
    write_sources(&mut out, report);
    let sections = [
        (Kind::Conflict, "Conflicts", "Claims that cannot both be true."),
        (
            Kind::Tension,
            "Tensions",
            "Not a contradiction, but a fact-checker should look.",
        ),
        (Kind::Agreement, "Agreements", "Different sources saying the same."),
    ];
    for (kind, title, blurb) in sections {
        let rows: Vec<&FindingRow> = report.findings.iter().filter(|f| f.kind == kind).collect();
        let _ = writeln!(out, "## {title} ({})\n\n{blurb}\n", rows.len());
        for row in rows {
            write_finding(&mut out, report, row);
        }
    }
    write_not_flagged(&mut out, report);
    write_claims(&mut out, report);
    out
}

fn write_sources(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "## Sources\n\n| source | outlet | published | claims | title |\n| --- | --- | --- | --- | --- |"
    );
    for source in &report.sources {
        let published = match &source.published {
            Some(p) => {
                let mut published = p.date.clone();
                if let Some(time) = &p.time {
                    let _ = write!(published, " {time}");
                }
                published.push_str(match (p.basis, p.inferred) {
                    (DateSource::Header, _) => " (header)",
                    (DateSource::FileName, _) => " (file name)",
                    (_, true) => " (inferred)",
                    _ => "",
                });
                published
            }
            None => "not found".to_string(),
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            source.id,
            cell(&source.outlet),
            published,
            source.claims,
            cell(&source.title)
        );
    }
    let notes: Vec<_> = report
        .sources
        .iter()
        .filter_map(|s| source_note(s).map(|n| (&s.id, n)))
        .collect();
    if !notes.is_empty() {
        out.push('\n');
        for (id, note) in notes {
            let _ = writeln!(out, "- `{id}`: {note}");
        }
    }
    out.push('\n');
}

/// What a reader should know about a source's metadata: where it was found
/// when there is no annotation, a missing date, the annotator's note.
fn source_note(source: &SourceRow) -> Option<String> {
    let mut sentences = Vec::new();
    if let Some(detected) = &source.detected {
        let outlet = match detected.outlet {
            OutletSource::Header => "outlet from the header",
            OutletSource::Id => "outlet not found (the id stands in)",
        };
        let title = match detected.title {
            TitleSource::Header => "title from the header",
            TitleSource::FirstLine => "title not found (the first line stands in)",
        };
        sentences.push(format!("No annotation: {outlet}, {title}."));
    }
    match &source.published {
        None => sentences.push("Publication date: not found — claims from this source have no time.".to_string()),
        Some(p) => {
            if let Some(line) = &p.line {
                sentences.push(format!("Publication date from the header line «{}».", cell(line)));
            } else if p.basis == DateSource::FileName {
                sentences.push("Publication date from the file name.".to_string());
            }
            sentences.extend(p.note.clone());
        }
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

fn write_finding(out: &mut String, report: &Report, row: &FindingRow) {
    let [a, b] = row.claim_indices.map(|i| &report.claims[i]);
    let within = if row.within_source { " · within one source" } else { "" };
    let _ = writeln!(out, "### `{}` ↔ `{}`\n", a.id, b.id);
    let _ = writeln!(out, "Rule `{}`{within}. {}\n", row.rule, row.explanation);
    write_side(out, report, "A", a);
    write_side(out, report, "B", b);
    out.push('\n');
}

fn write_side(out: &mut String, report: &Report, letter: &str, claim: &ClaimRow) {
    let source = report.sources.iter().find(|s| s.id == claim.source);
    let (outlet, published) = source.map_or(("?", "published ?".to_string()), |s| {
        let published = match &s.published {
            Some(p) if p.inferred => format!("published {} (inferred)", p.date),
            Some(p) => format!("published {}", p.date),
            None => "publication date not found".to_string(),
        };
        (s.outlet.as_str(), published)
    });
    let time = claim.time.as_ref().map_or("no time", |t| t.display.as_str());
    let _ = writeln!(
        out,
        "- **{letter}** · {outlet}, {published} · said by {} · {} · holds {time}\n  - {}\n  - > {}",
        claim.speaker,
        claim.modality,
        claim.statement,
        claim.quote.replace('\n', " ")
    );
}

fn write_not_flagged(out: &mut String, report: &Report) {
    let rows: Vec<&FindingRow> = report.findings.iter().filter(|f| f.kind == Kind::NotFlagged).collect();
    let _ = writeln!(
        out,
        "## Considered, not flagged ({})\n\nPairs that would have been a conflict or tension, and why they are not.\n",
        rows.len()
    );
    let mut rules: Vec<Rule> = rows.iter().map(|r| r.rule).collect();
    rules.sort_unstable_by_key(|rule| rule.name());
    rules.dedup();
    for rule in rules {
        let _ = writeln!(
            out,
            "### `{rule}`\n\n| A | B | would have been | why not |\n| --- | --- | --- | --- |"
        );
        for row in rows.iter().filter(|r| r.rule == rule) {
            let [a, b] = row.claim_indices.map(|i| &report.claims[i]);
            let would_be = row
                .would_be
                .as_ref()
                .map_or(String::new(), |w| format!("{} (`{}`)", kind_name(w.kind), w.rule));
            let time = |c: &ClaimRow| c.time.as_ref().map_or("no time".to_string(), |t| t.display.clone());
            let _ = writeln!(
                out,
                "| `{}` ({}) | `{}` ({}) | {would_be} | {} |",
                a.id,
                time(a),
                b.id,
                time(b),
                cell(&row.reason)
            );
        }
        out.push('\n');
    }
}

fn write_claims(out: &mut String, report: &Report) {
    let _ = writeln!(out, "## Claims\n");
    for source in &report.sources {
        let _ = writeln!(out, "### `{}`\n", source.id);
        if source.claims == 0 {
            out.push_str("No claims.\n");
        }
        for claim in report.claims.iter().filter(|c| c.source == source.id) {
            let time = claim.time.as_ref().map_or("no time", |t| t.display.as_str());
            let extent = if claim.extent == Extent::Unspecified {
                String::new()
            } else {
                format!(" · {}", claim.extent)
            };
            write_claim_line(out, claim, &extent, time, "");
        }
        out.push('\n');
    }
    write_set_aside(out, report);
}

fn write_claim_line(out: &mut String, claim: &ClaimRow, extent: &str, time: &str, why: &str) {
    let found = claim.extraction.as_ref().map_or(String::new(), |x| {
        format!(" · extracted ({}, {:.2})", x.rule, x.confidence)
    });
    let _ = writeln!(
        out,
        "- `{}` · {} · {time} · {} by {}{extent}{found}{why}\n  > {}",
        claim.id.split_once(':').map_or(claim.id.as_str(), |(_, id)| id),
        claim.statement,
        claim.modality,
        claim.speaker,
        claim.quote.replace('\n', " ")
    );
}

fn write_set_aside(out: &mut String, report: &Report) {
    if report.set_aside.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Extracted claims set aside ({})\n\nLeft out of the comparison: an annotated claim covers the same words, or the annotation rejects them.\n",
        report.set_aside.len()
    );
    for row in &report.set_aside {
        let why = match (&row.by, &row.note) {
            (Some(by), _) => format!("superseded by `{by}`"),
            (None, Some(note)) => format!("rejected: {note}"),
            (None, None) => row.reason.to_string(),
        };
        let time = row.claim.time.as_ref().map_or("no time", |t| t.display.as_str());
        write_claim_line(out, &row.claim, "", time, &format!(" · **{why}**"));
    }
    out.push('\n');
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Conflict => "conflict",
        Kind::Tension => "tension",
        Kind::Agreement => "agreement",
        Kind::NotFlagged => "not flagged",
    }
}

/// Keeps a value inside its table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}
