//! The HTML report: one self-contained file (inline CSS and SVG, no script,
//! no outside asset) to look at rather than read. The propositions in
//! dispute first and a matrix of sources against propositions; then a section
//! per proposition with a timeline (sources on
//! rows, each claim a mark over the days it holds, coloured by stance), its
//! claims and its verdicts; the appendix holds the sources and the pairs not
//! compared. Arabic sits in `<bdi dir="rtl">`, so it keeps its direction.

use std::fmt::Write;

use chrono::NaiveDate;

use super::view::{Sections, source_of, stances, summary_line, verdict_name};
use super::{ClaimRow, Report, Stance, VerdictRow};
use crate::model::VerdictKind;

/// Claims a proposition's table and timeline show (the JSON has every one).
const SHOWN: usize = 24;

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}\
th{background:#f3f3f3}.disputed,.conflict{color:#a40000;font-weight:600}.tension{color:#a05a00;font-weight:600}\
.agreement{color:#1d6b2f}.update{color:#2a4d8f}.quote{font-size:1.05em}svg{display:block;margin:.5rem 0}\
section{border-top:2px solid #ddd;margin-top:1.5rem}.muted{color:#666}";

pub fn render(report: &Report) -> String {
    let sections = Sections::of(report);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>tanaqud report</title><style>{STYLE}</style></head><body>\n<h1>tanaqud report</h1>\n<p>{}</p>\n",
        summary_line(&report.summary, ("<b>", "</b>"))
    );
    write_summary(&mut out, report, &sections);
    write_matrix(&mut out, report, &sections);
    for (n, &p) in sections.order.iter().enumerate() {
        write_proposition(&mut out, report, &sections, n + 1, p);
    }
    write_appendix(&mut out, report);
    out.push_str("</body></html>\n");
    out
}

/// Text for HTML, escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // The isolates of the plain-text printers: HTML isolates with <bdi>.
            '\u{2068}' | '\u{2069}' => {}
            _ => out.push(c),
        }
    }
    out
}

fn arabic(text: &str) -> String {
    format!("<bdi dir=\"rtl\" lang=\"ar\" class=\"quote\">{}</bdi>", esc(text))
}

fn kind_class(kind: VerdictKind) -> &'static str {
    match kind {
        VerdictKind::Disputed => "disputed",
        VerdictKind::Conflict => "conflict",
        VerdictKind::Tension => "tension",
        VerdictKind::Agreement => "agreement",
        VerdictKind::Update => "update",
        VerdictKind::NotComparable => "muted",
    }
}

fn write_summary(out: &mut String, report: &Report, sections: &Sections) {
    let rows: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| {
            matches!(
                v.kind,
                VerdictKind::Disputed | VerdictKind::Conflict | VerdictKind::Tension
            )
        })
        .collect();
    let _ = writeln!(out, "<h2>In dispute ({})</h2>", rows.len());
    if rows.is_empty() {
        out.push_str("<p>Nothing in dispute.</p>\n");
        return;
    }
    out.push_str(
        "<table><tr><th>#</th><th>proposition</th><th>verdict</th><th>stances by source</th><th>origins</th></tr>\n",
    );
    for (i, verdict) in rows.iter().enumerate() {
        let [whole, part] = verdict.proposition_indices;
        let mut about = esc(&report.propositions[whole].statement);
        if part != whole {
            let label = report.propositions[part]
                .statement
                .rsplit(" — ")
                .next()
                .unwrap_or_default();
            let _ = write!(about, " / {}", esc(label));
        }
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><a href=\"#p{}\">{about}</a> {}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            sections.number(whole),
            arabic(&verdict.arabic),
            kind_class(verdict.kind),
            esc(&verdict_name(verdict)),
            esc(&stances(report, verdict)),
            verdict.origins
        );
    }
    out.push_str("</table>\n");
}

/// Sources against the propositions with a section: each cell the stances
/// the source takes on it.
fn write_matrix(out: &mut String, report: &Report, sections: &Sections) {
    if sections.order.is_empty() {
        return;
    }
    out.push_str("<h2>Sources and propositions</h2><table><tr><th>source</th>");
    for (n, &p) in sections.order.iter().enumerate() {
        let _ = write!(
            out,
            "<th><a href=\"#p{}\" title=\"{}\">{}</a></th>",
            n + 1,
            esc(&report.propositions[p].statement),
            n + 1
        );
    }
    out.push_str("</tr>\n");
    // Each source's stances, per proposition with a section: one pass over the positions.
    let mut cells: Vec<Vec<Vec<Stance>>> = vec![vec![Vec::new(); sections.order.len()]; report.sources.len()];
    let source_index: std::collections::HashMap<&str, usize> = report
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for (column, &p) in sections.order.iter().enumerate() {
        for position in &report.propositions[p].positions {
            if let Some(&row) = source_index.get(position.source.as_str()) {
                cells[row][column].push(position.stance);
            }
        }
    }
    for (row, source) in report.sources.iter().enumerate() {
        if cells[row].iter().all(Vec::is_empty) {
            continue;
        }
        let _ = write!(out, "<tr><td><code>{}</code></td>", esc(&source.id));
        for stances in &cells[row] {
            let words: Vec<&str> = stances.iter().map(|s| crate::model::Named::name(*s)).collect();
            let _ = write!(out, "<td>{}</td>", words.join(", "));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn write_proposition(out: &mut String, report: &Report, sections: &Sections, number: usize, p: usize) {
    let proposition = &report.propositions[p];
    let _ = writeln!(
        out,
        "<section id=\"p{number}\"><h2>{number}. {}</h2><p class=\"muted\"><code>{}</code></p>",
        esc(&proposition.statement),
        esc(&proposition.id)
    );
    let claims: Vec<&ClaimRow> = proposition
        .positions
        .iter()
        .flat_map(|pos| pos.claim_indices.iter().map(|&c| &report.claims[c]))
        .take(SHOWN)
        .collect();
    write_timeline(out, report, &claims);
    out.push_str("<table><tr><th>source</th><th>stance</th><th>said by</th><th>time</th><th>quote</th><th>line</th><th>found</th></tr>\n");
    for claim in &claims {
        let time = claim.time.as_ref().map_or("unknown", |t| t.display.as_str());
        let found = claim
            .extraction
            .as_ref()
            .map_or("annotated".to_string(), |x| format!("extracted, {:.2}", x.confidence));
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{} ({})</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{found}</td></tr>",
            esc(&claim.source),
            claim.stance,
            claim.modality,
            esc(&claim.speaker),
            esc(time),
            arabic(&claim.quote),
            claim.line
        );
    }
    out.push_str("</table>\n");
    let more = proposition
        .positions
        .iter()
        .map(|pos| pos.claims.len())
        .sum::<usize>()
        .saturating_sub(claims.len());
    if more > 0 {
        let _ = writeln!(
            out,
            "<p class=\"muted\">… and {more} more claims (the JSON report lists every one).</p>"
        );
    }
    out.push_str("<ul>\n");
    for verdict in report
        .verdicts
        .iter()
        .filter(|v| v.kind != VerdictKind::NotComparable && v.proposition_indices.contains(&p))
    {
        let across = verdict
            .proposition_indices
            .into_iter()
            .find(|&q| q != p)
            .map_or(String::new(), |q| {
                format!(
                    " — with <a href=\"#p{}\">{}</a>",
                    sections.number(q),
                    esc(&report.propositions[q].statement)
                )
            });
        let _ = writeln!(
            out,
            "<li><span class=\"{}\">{}</span>{across} · {} source(s), {} independent origin(s) · confidence {:.2}<br>{}</li>",
            kind_class(verdict.kind),
            esc(&verdict_name(verdict)),
            verdict.sources.len(),
            verdict.origins,
            verdict.confidence,
            esc(&verdict.explanation)
        );
    }
    out.push_str("</ul></section>\n");
}

/// Sources on rows, days across; each claim a bar over the days it holds
/// (a claim without a time is left out), coloured by its stance.
fn write_timeline(out: &mut String, report: &Report, claims: &[&ClaimRow]) {
    let day = |d: &Option<String>| d.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let spans: Vec<(&ClaimRow, NaiveDate, NaiveDate)> = claims
        .iter()
        .filter_map(|c| {
            let time = c.time.as_ref()?;
            let start = day(&time.start).or(day(&time.end))?;
            Some((*c, start, day(&time.end).unwrap_or(start)))
        })
        .collect();
    let (Some(first), Some(last)) = (spans.iter().map(|s| s.1).min(), spans.iter().map(|s| s.2).max()) else {
        return;
    };
    let mut rows: Vec<&str> = spans.iter().map(|s| s.0.source.as_str()).collect();
    rows.sort_unstable();
    rows.dedup();
    let (width, label, row_height) = (720.0, 200.0, 22.0);
    let days = (last - first).num_days().max(1) as f64;
    let x = |d: NaiveDate| label + (d - first).num_days() as f64 / days * (width - label - 10.0);
    let height = rows.len() as f64 * row_height + 24.0;
    let _ = writeln!(
        out,
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"timeline\">"
    );
    for (i, row) in rows.iter().enumerate() {
        let y = i as f64 * row_height + 4.0;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{:.0}\" font-size=\"12\">{}</text>",
            y + 14.0,
            esc(row)
        );
    }
    for (claim, start, end) in &spans {
        let i = rows.iter().position(|r| *r == claim.source).unwrap_or(0);
        let y = i as f64 * row_height + 6.0;
        let colour = match claim.stance {
            Stance::Affirmed => "#1d6b2f",
            Stance::Negated => "#a40000",
            _ => "#999",
        };
        let (x0, x1) = (x(*start), x(*end));
        let published = source_of(report, claim)
            .and_then(|s| s.published.as_ref())
            .map_or("", |p| p.date.as_str());
        let _ = writeln!(
            out,
            "<rect x=\"{x0:.1}\" y=\"{y:.0}\" width=\"{:.1}\" height=\"12\" fill=\"{colour}\" opacity=\"0.7\"><title>{} · {} · published {}</title></rect>",
            (x1 - x0).max(3.0),
            esc(&claim.id),
            claim.stance,
            esc(published)
        );
    }
    let axis = height - 6.0;
    let _ = writeln!(
        out,
        "<text x=\"{label}\" y=\"{axis:.0}\" font-size=\"11\">{first}</text><text x=\"{:.0}\" y=\"{axis:.0}\" font-size=\"11\" text-anchor=\"end\">{last}</text></svg>",
        width - 10.0
    );
}

fn write_appendix(out: &mut String, report: &Report) {
    out.push_str("<h2>Appendix</h2><h3>Sources</h3><table><tr><th>source</th><th>outlet</th><th>published</th><th>claims</th><th>title</th></tr>\n");
    for source in &report.sources {
        let published = source.published.as_ref().map_or("not found", |p| p.date.as_str());
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&source.id),
            esc(&source.outlet),
            esc(published),
            source.claims,
            arabic(&source.title)
        );
    }
    out.push_str("</table>\n");
    let apart: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| v.kind == VerdictKind::NotComparable)
        .collect();
    let _ = writeln!(out, "<h3>Not comparable ({})</h3><ul>", apart.len());
    for verdict in apart {
        for [a, b] in &verdict.evidence {
            let _ = writeln!(
                out,
                "<li><code>{}</code> · <code>{}</code>: {}</li>",
                esc(a),
                esc(b),
                esc(crate::model::Named::name(verdict.rule))
            );
        }
    }
    out.push_str("</ul>\n");
}
