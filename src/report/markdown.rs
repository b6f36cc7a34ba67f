//! The Markdown report, for fact-checkers: the propositions in dispute first,
//! ranked, each row linking to its section; then a section per proposition
//! with a verdict (its claims by source, at most a screenful, its verdicts
//! with both sides quoted); then agreements; the appendix holds the sources,
//! updates as timelines, the pairs not compared and the claims set aside. Arabic quotes
//! sit in bidi isolates, so plain viewers keep their direction.

use std::fmt::Write;

use super::explain::isolate;
use super::view::{Sections, source_of, stances, summary_line, verdict_name};
use super::{ClaimRow, DateSource, OutletSource, Report, SourceRow, TitleSource, VerdictRow};
use crate::model::{Extent, VerdictKind};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# tanaqud report\n");
    let _ = writeln!(out, "{}\n", summary_line(&report.summary, ("**", "**")));
    let sections = Sections::of(report);
    write_summary_table(&mut out, report, &sections);
    write_propositions(&mut out, report, &sections);
    write_agreements(&mut out, report);
    let _ = writeln!(out, "## Appendix\n");
    write_sources(&mut out, report);
    write_updates(&mut out, report);
    write_not_comparable(&mut out, report);
    write_set_aside(&mut out, report);
    write_triaged(&mut out, report);
    out
}

fn pressing(kind: VerdictKind) -> bool {
    matches!(
        kind,
        VerdictKind::Disputed | VerdictKind::Conflict | VerdictKind::Tension
    )
}

fn write_summary_table(out: &mut String, report: &Report, sections: &Sections) {
    let rows: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| pressing(v.kind) && v.triage.is_none())
        .collect();
    let _ = writeln!(out, "## In dispute ({})\n", rows.len());
    if rows.is_empty() {
        out.push_str("Nothing in dispute.\n\n");
        return;
    }
    out.push_str("| # | proposition | verdict | stances by source | origins |\n| --- | --- | --- | --- | --- |\n");
    for (i, verdict) in rows.iter().enumerate() {
        let [whole, part] = verdict.proposition_indices;
        let proposition = &report.propositions[whole];
        let mut about = proposition.statement.clone();
        if part != whole {
            // A part's statement ends with its label.
            let label = report.propositions[part]
                .statement
                .rsplit(" — ")
                .next()
                .unwrap_or_default();
            let _ = write!(about, " / {label}");
        }
        let number = sections.number(whole);
        if !verdict.arabic.is_empty() {
            let _ = write!(about, " ({})", isolate(&verdict.arabic));
        }
        let _ = writeln!(
            out,
            "| {} | [{}](#p{number}) | {} | {} | {} |",
            i + 1,
            cell(&about),
            verdict_name(verdict),
            cell(&stances(report, verdict)),
            verdict.origins
        );
    }
    out.push('\n');
}

fn write_sources(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "### Sources\n\n| source | outlet | published | claims | origin | title |\n| --- | --- | --- | --- | --- | --- |"
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
        let origin = if source.origin == source.id {
            "own".to_string()
        } else {
            format!("reprints `{}`", source.origin)
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {origin} | {} |",
            source.id,
            cell(&source.outlet),
            published,
            source.claims,
            cell(&isolate(&source.title))
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
                sentences.push(format!(
                    "Publication date from the header line «{}».",
                    cell(&isolate(line))
                ));
            } else if p.basis == DateSource::FileName {
                sentences.push("Publication date from the file name.".to_string());
            }
            sentences.extend(p.note.clone());
        }
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

fn write_propositions(out: &mut String, report: &Report, sections: &Sections) {
    let _ = writeln!(out, "## Propositions\n");
    for (n, &p) in sections.order.iter().enumerate() {
        let proposition = &report.propositions[p];
        let _ = writeln!(
            out,
            "### <a id=\"p{}\"></a>{}. {}\n\n`{}`\n",
            n + 1,
            n + 1,
            proposition.statement,
            proposition.id
        );
        out.push_str("| source | published | stance | said by | time | quote | line | found |\n");
        out.push_str("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        let about_it = |v: &&VerdictRow| v.kind != VerdictKind::NotComparable && v.proposition_indices.contains(&p);
        write_claim_rows(out, report, p, about_it);
        out.push('\n');
        for verdict in report.verdicts.iter().filter(about_it) {
            write_verdict(out, report, verdict, p, sections);
        }
        out.push('\n');
    }
}

/// Claims a proposition's table lists: a story told by thousands of articles
/// keeps its section readable; the JSON has every claim.
const TABLE_ROWS: usize = 24;

/// A proposition's claims, those its verdicts rest on first, at most
/// [`TABLE_ROWS`], and how many more there are.
fn write_claim_rows(out: &mut String, report: &Report, p: usize, about_it: impl Fn(&&VerdictRow) -> bool) {
    let proposition = &report.propositions[p];
    let mut shown: Vec<usize> = Vec::new();
    let evidence = report
        .verdicts
        .iter()
        .filter(about_it)
        .flat_map(|v| v.evidence_indices.iter().flatten());
    let mine: Vec<usize> = proposition
        .positions
        .iter()
        .flat_map(|pos| pos.claim_indices.iter().copied())
        .collect();
    // Each claim of the proposition by its place in the positions.
    let place: std::collections::HashMap<usize, usize> = mine.iter().enumerate().map(|(i, &c)| (c, i)).collect();
    let mut taken = vec![false; mine.len()];
    for claim in evidence.chain(mine.iter()) {
        if shown.len() == TABLE_ROWS {
            break;
        }
        if let Some(&i) = place.get(claim).filter(|&&i| !taken[i]) {
            taken[i] = true;
            shown.push(*claim);
        }
    }
    // In the order of the positions: by source, then stance.
    shown.sort_by_key(|c| place[c]);
    for &claim in &shown {
        write_claim_row(out, report, &report.claims[claim]);
    }
    if mine.len() > shown.len() {
        let sources = proposition
            .positions
            .iter()
            .map(|pos| &pos.source)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let _ = writeln!(
            out,
            "\n… and {} more claims ({} sources in all take a stance on it; the JSON report lists every one).",
            mine.len() - shown.len(),
            sources
        );
    }
}

fn write_claim_row(out: &mut String, report: &Report, claim: &ClaimRow) {
    let source = source_of(report, claim);
    let published = source
        .and_then(|s| s.published.as_ref())
        .map_or("no date", |p| p.date.as_str());
    let time = claim.time.as_ref().map_or("unknown", |t| t.display.as_str());
    let extent = match claim.extent {
        Extent::Unspecified => String::new(),
        extent => format!(", {extent}"),
    };
    let found = claim
        .extraction
        .as_ref()
        .map_or("annotated".to_string(), |x| format!("extracted, {:.2}", x.confidence));
    let _ = writeln!(
        out,
        "| `{}` | {published} | {}{extent} ({}) | {} | {} | {} | {} | {found} |",
        claim.source,
        claim.stance,
        claim.modality,
        cell(&claim.speaker),
        cell(time),
        cell(&format!("«{}»", isolate(&claim.quote))),
        claim.line
    );
}

fn write_verdict(out: &mut String, report: &Report, verdict: &VerdictRow, here: usize, sections: &Sections) {
    let other = verdict.proposition_indices.into_iter().find(|&p| p != here);
    let across = other.map_or(String::new(), |p| {
        format!(
            " — with [{}](#p{})",
            report.propositions[p].statement,
            sections.number(p)
        )
    });
    let _ = writeln!(
        out,
        "- **{}**{across} · {} source(s), {} independent origin(s) · confidence {:.2}\n  {}",
        verdict_name(verdict),
        verdict.sources.len(),
        verdict.origins,
        verdict.confidence,
        verdict.explanation
    );
    for [a, b] in &verdict.evidence {
        let _ = writeln!(out, "  - `{a}` ↔ `{b}`");
    }
}

fn write_agreements(out: &mut String, report: &Report) {
    let rows: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| v.kind == VerdictKind::Agreement)
        .collect();
    let _ = writeln!(out, "## Agreements ({})\n", rows.len());
    if rows.is_empty() {
        out.push_str("None from independent origins.\n\n");
        return;
    }
    out.push_str("| proposition | stance | sources | origins |\n| --- | --- | --- | --- |\n");
    for verdict in rows {
        let proposition = &report.propositions[verdict.proposition_indices[0]];
        let stance = report.claims[verdict.evidence_indices[0][0]].stance;
        let _ = writeln!(
            out,
            "| {} | {stance} | {} | {} |",
            cell(&proposition.statement),
            verdict
                .sources
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", "),
            verdict.origins
        );
    }
    out.push('\n');
}

fn write_updates(out: &mut String, report: &Report) {
    let rows: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| v.kind == VerdictKind::Update)
        .collect();
    let _ = writeln!(
        out,
        "### Updates ({})\n\nThe same proposition at different periods, with different stances: true then, other now.\n",
        rows.len()
    );
    for verdict in rows {
        let proposition = &report.propositions[verdict.proposition_indices[0]];
        let _ = writeln!(out, "- {}", proposition.statement);
        let mut points: Vec<&ClaimRow> = verdict
            .evidence_indices
            .iter()
            .flatten()
            .map(|&c| &report.claims[c])
            .collect();
        points.sort_by(|a, b| {
            let start = |c: &ClaimRow| c.time.as_ref().and_then(|t| t.start.clone()).unwrap_or_default();
            start(a).cmp(&start(b)).then(a.id.cmp(&b.id))
        });
        points.dedup_by(|a, b| a.id == b.id);
        for claim in points {
            let time = claim.time.as_ref().map_or("unknown", |t| t.display.as_str());
            let _ = writeln!(
                out,
                "  - {time}: {} — `{}` «{}»",
                claim.stance,
                claim.id,
                isolate(&claim.quote)
            );
        }
    }
    out.push('\n');
}

fn write_not_comparable(out: &mut String, report: &Report) {
    let rows: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| v.kind == VerdictKind::NotComparable)
        .collect();
    let _ = writeln!(
        out,
        "### Not comparable ({})\n\nNear pairs that are not compared, and why.\n",
        rows.len()
    );
    if rows.is_empty() {
        return;
    }
    out.push_str("| A | B | why not |\n| --- | --- | --- |\n");
    for verdict in rows {
        for [a, b] in &verdict.evidence {
            let reason = verdict.explanation.rsplit(". ").next().unwrap_or_default();
            let _ = writeln!(out, "| `{a}` | `{b}` | {} |", cell(reason));
        }
    }
    out.push('\n');
}

fn write_set_aside(out: &mut String, report: &Report) {
    if report.set_aside.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "### Extracted claims set aside ({})\n\nLeft out of the comparison: an annotated claim covers the same words, or the annotation rejects them.\n",
        report.set_aside.len()
    );
    for row in &report.set_aside {
        let why = match (&row.by, &row.note) {
            (Some(by), _) => format!("superseded by `{by}`"),
            (None, Some(note)) => format!("rejected: {note}"),
            (None, None) => row.reason.to_string(),
        };
        let claim = &row.claim;
        let _ = writeln!(
            out,
            "- `{}` · {} · **{why}**\n  > {}",
            claim.id,
            claim.statement,
            isolate(&claim.quote)
        );
    }
    out.push('\n');
}

/// Verdicts a fact-checker accepted or dismissed (`tanaqud.triage.json`).
fn write_triaged(out: &mut String, report: &Report) {
    let rows: Vec<&VerdictRow> = report.verdicts.iter().filter(|v| v.triage.is_some()).collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "### Triaged ({})\n\n| verdict | id | decision | reason |\n| --- | --- | --- | --- |",
        rows.len()
    );
    for verdict in rows {
        let Some(entry) = &verdict.triage else { continue };
        let _ = writeln!(
            out,
            "| {} on `{}` | `{}` | {} | {} |",
            verdict_name(verdict),
            verdict.propositions[0],
            verdict.id,
            entry.decision,
            cell(&entry.reason)
        );
    }
    out.push('\n');
}

/// Keeps a value inside its table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}
