//! The HTML report: one self-contained file (inline CSS and SVG, no script,
//! no outside asset) to look at rather than read. The propositions in
//! dispute first and a matrix of sources against propositions; then a section
//! per proposition with a timeline (sources on
//! rows, each claim a mark over the days it holds, coloured by stance), its
//! claims and its verdicts; the appendix holds the sources and the pairs not
//! compared. Arabic sits in `<bdi dir="rtl">`, so it keeps its direction.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::view::{Sections, stances, summary_line, verdict_name};
use super::{ClaimRow, Report, Stance, VerdictRow};
use crate::model::VerdictKind;

/// Claims a proposition's table and timeline show (the JSON has every one).
const SHOWN: usize = 24;

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}\
th{background:#f3f3f3}.disputed,.conflict{color:#a40000;font-weight:600}.tension{color:#a05a00;font-weight:600}\
.agreement{color:#1d6b2f}.update{color:#2a4d8f}.quote{font-size:1.05em}svg{display:block;margin:.5rem 0}\
section{border-top:2px solid #ddd;margin-top:1.5rem}.muted{color:#666}.scroll{overflow-x:auto;max-width:100%}\
details.context summary{cursor:pointer}details.context p{margin:.3rem 0;max-width:40rem}mark{background:#ffe58a}\
.legend span{margin-right:1rem;white-space:nowrap}svg.timeline{min-width:640px;max-width:100%;height:auto}\
@media (max-width:600px){body{margin:1rem auto;padding:0 .5rem;font-size:14px}td,th{padding:.2rem .3rem}h1{font-size:1.4rem}\
table.stack,.stack tbody,.stack tr,.stack td{display:block}.stack tr:first-child{display:none}\
.stack tr{border:1px solid #ccc;margin-bottom:.5rem}.stack td{border:none;padding:.1rem .4rem}}\
@media print{body{max-width:none;margin:0;font-size:11pt}a{color:inherit;text-decoration:none}.scroll{overflow:visible}\
section{break-before:auto}tr,svg{break-inside:avoid}}";

pub fn render(report: &Report) -> String {
    let sections = Sections::of(report);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>tanaqud report</title><style>{STYLE}</style></head><body>\n<h1>tanaqud report</h1>\n<p>{}</p>\n",
        summary_line(&report.summary, ("<b>", "</b>"))
    );
    write_summary(&mut out, report, &sections);
    write_matrix(&mut out, report, &sections);
    write_story_timeline(&mut out, report, &sections);
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
        "<div class=\"scroll\"><table class=\"stack\"><tr><th>#</th><th>proposition</th><th>verdict</th><th>stances by source</th><th>origins</th></tr>\n",
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
    out.push_str("</table></div>\n");
}

/// Sources against the propositions with a section: each cell the stances
/// the source takes on it.
fn write_matrix(out: &mut String, report: &Report, sections: &Sections) {
    if sections.order.is_empty() {
        return;
    }
    out.push_str("<h2>Sources and propositions</h2><div class=\"scroll\"><table><tr><th>source</th>");
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
    out.push_str("</table></div>\n");
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
    let verdicts: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| v.kind != VerdictKind::NotComparable && v.proposition_indices.contains(&p))
        .collect();
    write_timeline(out, report, &claims, &verdicts, &proposition.id);
    out.push_str("<div class=\"scroll\"><table class=\"stack\"><tr><th>source</th><th>stance</th><th>said by</th><th>time</th><th>quote</th><th>line</th><th>found</th></tr>\n");
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
            in_context(claim),
            claim.line
        );
    }
    out.push_str("</table></div>\n");
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
    for verdict in verdicts {
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

/// A quote that opens onto its sentence, the quote marked in it.
fn in_context(claim: &ClaimRow) -> String {
    let anchor = &claim.anchor;
    format!(
        "<details class=\"context\"><summary>{}</summary><p dir=\"rtl\" lang=\"ar\">{}<mark>{}</mark>{}</p></details>",
        arabic(&claim.quote),
        esc(&anchor.before),
        esc(&claim.quote),
        esc(&anchor.after)
    )
}

/// Claims the story's timeline shows, the sections' in order (the JSON has every one).
const STORY_SHOWN: usize = 120;

/// The whole story on one timeline: the claims of every proposition with a
/// section, and the verdicts between them.
fn write_story_timeline(out: &mut String, report: &Report, sections: &Sections) {
    let claims: Vec<&ClaimRow> = sections
        .order
        .iter()
        .flat_map(|&p| report.propositions[p].positions.iter())
        .flat_map(|pos| pos.claim_indices.iter().map(|&c| &report.claims[c]))
        .take(STORY_SHOWN)
        .collect();
    let verdicts: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| v.kind != VerdictKind::NotComparable)
        .collect();
    if claims.iter().any(|c| c.time.is_some()) {
        out.push_str("<h2>The story in time</h2>\n");
        write_timeline(out, report, &claims, &verdicts, "story");
    }
}

fn parse_day(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// A publication date's first day (`2024-12` → 2024-12-01).
fn published_day(date: &str) -> Option<NaiveDate> {
    parse_day(date)
        .or_else(|| parse_day(&format!("{date}-01")))
        .or_else(|| parse_day(&format!("{date}-01-01")))
}

/// Sources on rows, days across; each claim a bar over the days it holds
/// (a claim without a time is left out), coloured by its stance; each
/// source's publication a tick on its row; the verdicts between two claims
/// shown as lines between them — solid for a dispute or conflict, dotted for
/// a tension, dashed for an update (another period).
fn write_timeline(out: &mut String, report: &Report, claims: &[&ClaimRow], verdicts: &[&VerdictRow], of: &str) {
    let spans: Vec<(&ClaimRow, NaiveDate, NaiveDate)> = claims
        .iter()
        .filter_map(|c| {
            let time = c.time.as_ref()?;
            let day = |d: &Option<String>| d.as_deref().and_then(parse_day);
            let start = day(&time.start).or(day(&time.end))?;
            Some((*c, start, day(&time.end).unwrap_or(start)))
        })
        .collect();
    let mut rows: Vec<&str> = spans.iter().map(|s| s.0.source.as_str()).collect();
    rows.sort_unstable();
    rows.dedup();
    let published: Vec<(usize, NaiveDate)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| {
            let source = report.sources.iter().find(|s| s.id == *row)?;
            Some((i, published_day(&source.published.as_ref()?.date)?))
        })
        .collect();
    let firsts = spans.iter().map(|s| s.1).chain(published.iter().map(|p| p.1));
    let lasts = spans.iter().map(|s| s.2).chain(published.iter().map(|p| p.1));
    let (Some(first), Some(last)) = (firsts.min(), lasts.max()) else {
        return;
    };
    let (width, label, row_height, axis_height) = (900.0, 170.0, 22.0, 30.0);
    let days = (last - first).num_days().max(1) as f64;
    let x = |d: NaiveDate| label + (d - first).num_days() as f64 / days * (width - label - 10.0);
    let height = rows.len() as f64 * row_height + axis_height;
    let _ = writeln!(
        out,
        "<div class=\"scroll\"><svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"timeline\" class=\"timeline\" data-of=\"{}\" data-first=\"{first}\" data-last=\"{last}\">",
        esc(of)
    );
    // A line at each year's start, labelled (every few years on a long span).
    let years = (first.year()..=last.year()).collect::<Vec<_>>();
    let every = years.len().div_ceil(10).max(1);
    for year in years.iter().step_by(every) {
        let Some(day) = NaiveDate::from_ymd_opt(*year, 1, 1).filter(|d| *d >= first) else {
            continue;
        };
        let at = x(day);
        let _ = writeln!(
            out,
            "<line x1=\"{at:.1}\" y1=\"0\" x2=\"{at:.1}\" y2=\"{:.0}\" stroke=\"#ddd\"/><text x=\"{at:.1}\" y=\"{:.0}\" font-size=\"10\" fill=\"#666\">{year}</text>",
            height - axis_height,
            height - axis_height + 11.0
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let y = i as f64 * row_height + 4.0;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{:.0}\" font-size=\"11\">{}</text>",
            y + 14.0,
            esc(row)
        );
    }
    for &(i, day) in &published {
        let (at, y) = (x(day), i as f64 * row_height + 3.0);
        let _ = writeln!(
            out,
            "<path class=\"published\" data-source=\"{}\" data-date=\"{day}\" d=\"M{at:.1} {y:.0}l4 0l-4 6l-4 -6z\" fill=\"#222\"><title>{} published {day}</title></path>",
            esc(rows[i]),
            esc(rows[i])
        );
    }
    // Each claim's mark: where it is, for the lines between marks.
    let mut middle: Vec<(&str, f64, f64)> = Vec::new();
    for (claim, start, end) in &spans {
        let i = rows.iter().position(|r| *r == claim.source).unwrap_or(0);
        let y = i as f64 * row_height + 9.0;
        let colour = match claim.stance {
            Stance::Affirmed => "#1d6b2f",
            Stance::Negated => "#a40000",
            _ => "#999",
        };
        let (x0, x1) = (x(*start), x(*end));
        let _ = writeln!(
            out,
            "<rect class=\"mark\" data-claim=\"{}\" data-start=\"{start}\" data-end=\"{end}\" data-stance=\"{}\" x=\"{x0:.1}\" y=\"{y:.0}\" width=\"{:.1}\" height=\"10\" fill=\"{colour}\" opacity=\"0.75\"><title>{} · {} · {start} to {end}</title></rect>",
            esc(&claim.id),
            claim.stance,
            (x1 - x0).max(3.0),
            esc(&claim.id),
            claim.stance,
        );
        middle.push((claim.id.as_str(), x0 + (x1 - x0).max(3.0) / 2.0, y + 5.0));
    }
    let at = |id: &str| middle.iter().find(|m| m.0 == id).map(|m| (m.1, m.2));
    for verdict in verdicts {
        let style = match verdict.kind {
            VerdictKind::Disputed | VerdictKind::Conflict => "stroke=\"#a40000\" stroke-width=\"2\"",
            VerdictKind::Tension => "stroke=\"#a05a00\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"",
            VerdictKind::Update => "stroke=\"#2a4d8f\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"",
            VerdictKind::Agreement | VerdictKind::NotComparable => continue,
        };
        for [a, b] in &verdict.evidence {
            let (Some((xa, ya)), Some((xb, yb))) = (at(a), at(b)) else {
                continue;
            };
            let _ = writeln!(
                out,
                "<line class=\"link {}\" data-verdict=\"{}\" x1=\"{xa:.1}\" y1=\"{ya:.0}\" x2=\"{xb:.1}\" y2=\"{yb:.0}\" {style}><title>{}</title></line>",
                kind_class(verdict.kind),
                esc(&verdict.id),
                esc(&verdict_name(verdict))
            );
        }
    }
    let axis = height - 6.0;
    let _ = writeln!(
        out,
        "<text x=\"{label}\" y=\"{axis:.0}\" font-size=\"10\">{first}</text><text x=\"{:.0}\" y=\"{axis:.0}\" font-size=\"10\" text-anchor=\"end\">{last}</text></svg></div>",
        width - 10.0
    );
    out.push_str(LEGEND);
}

const LEGEND: &str = "<p class=\"legend muted\"><span><b style=\"color:#1d6b2f\">■</b> affirmed</span> <span><b style=\"color:#a40000\">■</b> negated</span> \
<span><b style=\"color:#999\">■</b> undecided, hedged, expected</span> <span>▼ published</span> \
<span><b style=\"color:#a40000\">━</b> dispute or conflict</span> <span><b style=\"color:#a05a00\">┅</b> tension</span> \
<span><b style=\"color:#2a4d8f\">╍</b> update (another period)</span></p>\n";

fn write_appendix(out: &mut String, report: &Report) {
    out.push_str("<h2>Appendix</h2><h3>Sources</h3><div class=\"scroll\"><table><tr><th>source</th><th>outlet</th><th>published</th><th>claims</th><th>title</th></tr>\n");
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
    out.push_str("</table></div>\n");
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
