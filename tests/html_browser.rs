//! The HTML report in a real browser: headless Chromium (Debian's package;
//! `.ci/run` installs it) loads the seed report, and the DOM it builds is
//! checked — the model case is there, quotes are set right to left, each
//! timeline's marks are the JSON report's claims at the places their dates
//! give — and it draws the page at a desktop's and a phone's width.
//!
//! Without Chromium this test fails, saying how to install it: a browser test
//! that passes without a browser would prove nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the binary from the crate root (the common helpers bring snapshots this test has none of).
fn tanaqud(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tanaqud"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// `TANAQUD_CHROMIUM` when set, else `chromium` on the PATH.
fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("TANAQUD_CHROMIUM") {
        return PathBuf::from(path);
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromium"))
            .find(|candidate| candidate.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "the browser test needs headless Chromium and found none: install it \
             (`apt-get install chromium` on Debian; .ci/run does) or set TANAQUD_CHROMIUM to its path"
        )
    })
}

/// Runs Chromium headless on `page` with `args`, a fresh profile each time,
/// and returns its standard output; fails after two minutes.
fn headless(page: &Path, args: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(page)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Chromium starts");
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut out, &mut text).map(|_| text)
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "Chromium failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("Chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap().expect("Chromium's output is UTF-8")
}

/// The start tags named `name` in `dom`, each as its attributes. Chromium
/// writes every attribute as `name="value"`, with `"` escaped.
fn tags<'d>(dom: &'d str, name: &str) -> Vec<BTreeMap<&'d str, &'d str>> {
    let open = format!("<{name} ");
    dom.match_indices(&open)
        .map(|(at, _)| {
            let rest = &dom[at + open.len()..];
            let end = rest.find('>').unwrap_or(rest.len());
            let mut attributes = BTreeMap::new();
            let mut text = &rest[..end];
            while let Some(eq) = text.find("=\"") {
                let key = text[..eq].trim();
                let value_end = text[eq + 2..].find('"').unwrap_or(text.len() - eq - 2);
                attributes.insert(key, &text[eq + 2..eq + 2 + value_end]);
                text = &text[(eq + 3 + value_end).min(text.len())..];
            }
            attributes
        })
        .collect()
}

/// The part of `dom` from the `svg` start tag at `at` to its end.
fn svg_at(dom: &str, at: usize) -> &str {
    let end = dom[at..].find("</svg>").map_or(dom.len(), |e| at + e);
    &dom[at..end]
}

/// A PNG's width and height, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn the_seed_report_opens_in_chromium_with_its_timelines_and_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let written = tanaqud(&[
        "report",
        "claims",
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
    ]);
    assert_eq!(
        written.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&tanaqud(&["report", "claims", "--format", "json"]))).unwrap();
    let dom = headless(&page, &["--dump-dom"]);

    // The browser's DOM, not the file: Chromium puts rows in a tbody the file leaves out.
    assert!(dom.contains("<tbody>") && !std::fs::read_to_string(&page).unwrap().contains("<tbody>"));
    let html = &tags(&dom, "html")[0];
    assert_eq!((html["lang"], html["dir"]), ("en", "ltr"));

    // The model case: Qasioun's withdrawal against the Kremlin's «لم تنسحب», disputed, first.
    let first_row = &dom[dom.find("<h2>In dispute").unwrap()..dom.find("</table>").unwrap()];
    assert!(first_row.contains("disputed (scope)"), "{first_row}");
    assert!(
        first_row.contains("Qasioun News Agency 2024-12-23: negated"),
        "{first_row}"
    );
    assert!(first_row.contains("affirmed (the Kremlin)"), "{first_row}");
    assert!(dom.contains("لم تنسحب من قواعدها في سوريا"));
    assert!(dom.contains("يثير انسحاب روسيا من سوريا"));

    // Every quote is Arabic set right to left; each opens onto its sentence, the quote marked.
    let quotes = tags(&dom, "bdi");
    assert!(quotes.len() > 40, "{} quotes", quotes.len());
    for quote in &quotes {
        assert_eq!(
            (quote.get("dir"), quote.get("lang")),
            (Some(&"rtl"), Some(&"ar")),
            "{quote:?}"
        );
    }
    let contexts: Vec<&str> = dom.split("<details class=\"context\">").skip(1).collect();
    assert!(!contexts.is_empty());
    for context in &contexts {
        let body = &context[..context.find("</details>").unwrap()];
        assert!(
            body.contains("<p dir=\"rtl\" lang=\"ar\">") && body.contains("<mark>"),
            "{body}"
        );
    }

    // The matrix: a row per source with stances, a column per proposition with a section.
    let matrix = &dom[dom.find("<h2>Sources and propositions</h2>").unwrap()..];
    let matrix = &matrix[..matrix.find("</table>").unwrap()];
    for source in ["qasioun-2024-12-23", "times-of-egypt-2024-12", "alkhaleej-2017-12-13"] {
        assert!(
            matrix.contains(&format!("<code>{source}</code>")),
            "{source} in the matrix"
        );
    }

    // Each timeline's marks are its claims with a time, where their dates put them.
    let claims: BTreeMap<&str, &serde_json::Value> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c))
        .collect();
    // The propositions with a section, in the order of their first verdict, as the HTML has them.
    let mut sections: Vec<&str> = Vec::new();
    for verdict in json["verdicts"].as_array().unwrap() {
        if verdict["kind"] != "not_comparable" {
            for p in verdict["propositions"].as_array().unwrap() {
                if !sections.contains(&p.as_str().unwrap()) {
                    sections.push(p.as_str().unwrap());
                }
            }
        }
    }
    let claims_of = |p: &str| -> Vec<&str> {
        let proposition = json["propositions"].as_array().unwrap().iter().find(|q| q["id"] == p);
        let proposition = proposition.unwrap_or_else(|| panic!("a timeline for {p}, which the JSON lacks"));
        proposition["positions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|pos| pos["claims"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()))
            .collect()
    };
    // A proposition's timeline shows its first 24 claims, the story's the sections' first 120:
    // each one with a time, from its start (or end) to its end (or start).
    let marks_of = |ids: &[&str]| -> BTreeSet<(String, String, String)> {
        ids.iter()
            .filter_map(|id| {
                let time = &claims[id]["time"];
                let (start, end) = (time["start"].as_str(), time["end"].as_str());
                let start = start.or(end)?;
                Some((id.to_string(), start.to_string(), end.unwrap_or(start).to_string()))
            })
            .collect()
    };
    let mut expected: BTreeMap<String, BTreeSet<(String, String, String)>> = BTreeMap::new();
    for p in &sections {
        let ids: Vec<&str> = claims_of(p).into_iter().take(24).collect();
        let marks = marks_of(&ids);
        if !marks.is_empty() {
            expected.insert(p.to_string(), marks);
        }
    }
    let story: Vec<&str> = sections.iter().flat_map(|p| claims_of(p)).take(120).collect();
    expected.insert("story".to_string(), marks_of(&story));
    let mut drawn: BTreeMap<String, BTreeSet<(String, String, String)>> = BTreeMap::new();
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    for (at, _) in dom.match_indices("<svg ") {
        let svg = svg_at(&dom, at);
        let head = &tags(svg, "svg")[0];
        if head.get("class") != Some(&"timeline") {
            continue;
        }
        let of = head["data-of"];
        let (first, last) = (day(head["data-first"]), day(head["data-last"]));
        let marks: Vec<_> = tags(svg, "rect")
            .into_iter()
            .filter(|m| m.get("class") == Some(&"mark"))
            .collect();
        // Where a mark starts: its start date's place between the axis's ends.
        let (label, right) = (170.0, 890.0);
        let span = (last - first).num_days().max(1) as f64;
        for mark in &marks {
            let expected = label + (day(mark["data-start"]) - first).num_days() as f64 / span * (right - label);
            let x: f64 = mark["x"].parse().unwrap();
            assert!(
                (x - expected).abs() < 0.11,
                "{of}: {mark:?} at {x}, expected {expected}"
            );
            assert_eq!(
                mark["data-stance"],
                claims[mark["data-claim"]]["stance"].as_str().unwrap()
            );
        }
        // Publication dates are marked.
        assert!(
            tags(svg, "path").iter().any(|p| p.get("class") == Some(&"published")),
            "{of}"
        );
        let set = marks
            .iter()
            .map(|m| {
                (
                    m["data-claim"].to_string(),
                    m["data-start"].to_string(),
                    m["data-end"].to_string(),
                )
            })
            .collect();
        assert!(drawn.insert(of.to_string(), set).is_none(), "two timelines for {of}");
    }
    assert_eq!(drawn, expected);
    // The dispute is drawn between its claims, and an update unlike it.
    let links = tags(&dom, "line");
    let class_of = |kind: &str| links.iter().filter(|l| l.get("class") == Some(&kind)).count();
    assert!(class_of("link disputed") > 0 && class_of("link update") > 0);
    let style = |kind: &str| {
        links
            .iter()
            .find(|l| l.get("class") == Some(&kind))
            .map(|l| (l.get("stroke").copied(), l.get("stroke-dasharray").copied()))
    };
    assert_ne!(style("link disputed"), style("link update"));

    // It draws, at a desktop's width and at a phone's.
    for (width, name) in [(1280, "desktop.png"), (390, "phone.png")] {
        let shot = dir.path().join(name);
        headless(
            &page,
            &[
                &format!("--window-size={width},1600"),
                &format!("--screenshot={}", shot.display()),
            ],
        );
        let bytes = std::fs::read(&shot).expect("a screenshot");
        assert_eq!(png_size(&bytes), (width, 1600));
        // A blank page compresses to a few kilobytes; this one has tables and text.
        assert!(bytes.len() > 40_000, "{name}: {} bytes", bytes.len());
    }
}
