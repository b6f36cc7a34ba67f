//! Five other stories told by real articles (`tests/fixtures/stories/`), with
//! the verdicts a fact-checker judged in `tests/fixtures/gold/stories/`: the
//! ground for open-domain extraction. Every judged quote is in its article;
//! the reports run; and today's gap is asserted as it is.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const STORIES: [&str; 8] = [
    "belarus-2020-election",
    "derna-flood-toll",
    "houthi-destiny-claim",
    "majdal-shams-rocket",
    "musk-iravani-meeting",
    "nuseirat-death-toll",
    "qatar-hamas-office-denial",
    "venezuela-2024-election",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn judged_quotes_are_in_their_articles() {
    for story in STORIES {
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join(format!("tests/fixtures/gold/stories/{story}.json"))).unwrap(),
        )
        .unwrap();
        let expected = gold["expected"].as_array().unwrap();
        assert!(
            expected.iter().any(|v| v["core"] == true),
            "{story}: no core dispute marked"
        );
        for entry in expected {
            let sources = entry["sources"].as_array().unwrap();
            let quotes = entry["quotes"].as_array().unwrap();
            assert_eq!(sources.len(), 2, "{story}: {entry}");
            for (source, quote) in sources.iter().zip(quotes) {
                let path = root().join(format!(
                    "tests/fixtures/stories/{story}/{}.txt",
                    source.as_str().unwrap()
                ));
                let article = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(article.contains(quote.as_str().unwrap()), "{story}/{source}: {quote}");
            }
        }
    }
}

#[test]
fn every_story_reports_and_its_articles_yield_claims() {
    let mut articles = 0;
    let mut with_claims = 0;
    for story in STORIES {
        let output = Command::new(env!("CARGO_BIN_EXE_tanaqud"))
            .args(["report", &format!("tests/fixtures/stories/{story}"), "--format", "json"])
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{story}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        let sources = report["sources"].as_array().unwrap();
        assert!(sources.len() >= 4, "{story}");
        let claims = report["claims"].as_array().unwrap();
        assert!(!claims.is_empty(), "{story}: no claim");
        articles += sources.len();
        with_claims += sources
            .iter()
            .filter(|s| claims.iter().any(|c| c["source"] == s["id"]))
            .count();
    }
    // FIXME: the target (open-domain extraction) is a claim in every article
    // and each core dispute found; with the general news vocabulary and open
    // names, the gazetteer and counts, 34 of the 39 articles yield claims today
    // (a toll told with no cause named is now a claim; two Belarus articles
    // tell shares of the vote and no win).
    assert_eq!(articles, 39);
    assert!(with_claims >= 34, "{with_claims} of {articles} articles yield claims");
}

/// Each story's report (extracted claims alone) against its judged gold,
/// matched by the judged quotes (`gold` module). Development looks at the
/// dev stories; the held-out ones only through these totals.
#[test]
fn story_verdicts_against_their_judged_gold() {
    const DEV: [&str; 5] = [
        "belarus-2020-election",
        "derna-flood-toll",
        "majdal-shams-rocket",
        "musk-iravani-meeting",
        "qatar-hamas-office-denial",
    ];
    let mut totals = [[0u64; 5]; 2];
    for story in STORIES {
        let output = Command::new(env!("CARGO_BIN_EXE_tanaqud"))
            .args([
                "score",
                &format!("tests/fixtures/stories/{story}"),
                "--verdicts",
                &format!("tests/fixtures/gold/stories/{story}.json"),
                "--extracted-only",
                "--format",
                "json",
            ])
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{story}");
        let score: Value = serde_json::from_slice(&output.stdout).unwrap();
        let row = &mut totals[usize::from(!DEV.contains(&story))];
        for (total, field) in row.iter_mut().zip(["given", "right", "core_expected", "core_found"]) {
            *total += score[field].as_u64().unwrap();
        }
        row[4] += score["forbidden"].as_array().unwrap().len() as u64;
    }
    // FIXME: the targets are verdict precision ≥ 0.75, recall of the core
    // disputes ≥ 0.9 and no must-not verdict. Today (given, right, core
    // judged, core found, must-not given) the dev stories have 4 of 6 core
    // disputes: Qatar's closing of the Hamas office (`وتغلق مكتب حماس`; a
    // feminine verb takes no masculine open name for subject) against its
    // denial of closing `مكتب الحركة` (the construct's short form) and
    // against its foreign ministry's «التقارير المتعلقة بمستقبل مكتب حماس …
    // غير دقيقة» (a denial of the reports on a topic denies the events told
    // about it), and Sputnik's «التقى إيلون ماسك … مع مندوب إيران» against the
    // Iranian spokesman's body denial (a role that speaks for its owner:
    // Iran's word; of two pairs as strong, the body's quote is kept over the
    // headline's). Events told again by anaphora (`الرجلين التقيا`, `المناقشة،
    // التي جرت`, `هذه قصة ملفقة`) are claims now, and the agreement of the
    // NYT's and AP's sources is found; an article telling the report and the
    // actor's own denial shows the dispute itself (Le Point diplomatique: the
    // US official's «المناقشة، التي جرت» against Baghaei's rejection), and
    // such a pair is among a verdict's five shown. Araghchi's «هذه قصة ملفقة» follows
    // Iran's own denial: a story called false after a denial says nothing
    // (which story is meant is not said), so it is no claim.
    // Still missing: Hamas's «لم تتلق أي طلب من قطر لغلق مكتبها» (no request
    // to close is read as no closing); and the two reports of the 9 Nov wire
    // stories agree as if independent (a must-not).
    // The Majdal Shams rocket (a responsibility denied): the Israeli foreign
    // ministry's holding Hezbollah responsible, told the day after its denial,
    // disputes that denial (an accusation of a past deed reaches back as a
    // denial does), and so does the army's «حزب الله يقف وراء إطلاق الصاروخ
    // على مجدل شمس» (firing a missile at a place is in the attack family).
    // Still missing: the interceptor account against «لم يطلق صواريخ اعتراضية».
    // The Derna flood toll (a disputed count): every toll is read as
    // Derna's now (a name after `مدينة` is a place; a toll counts the place
    // its construct ends with), and OCHA's 11,300 and the Red Crescent's
    // «تجاوزت 11 ألف» (more than) agree, which the gold does not count (one
    // origin). The eastern health minister's «تسجيل 3252 قتيلًا», whose
    // sentence names no place, counts the last toll's place, and conflicts
    // with OCHA's 11,300 told the next day (a toll dated only by its article
    // may be the one announced the day before). Still missing: the Red
    // Crescent's denial «أن تكون حصيلة الفيضانات … قد بلغت 11300 قتيل» (no
    // toll trigger: `حصيلة الفيضانات`).
    // Belarus 2020 (a disputed election): Lukashenko is named now (a holder's
    // name after a role and its owner), but his challenger's «الغالبية كانت
    // لنا» (the majority was ours) against the official result is no claim.
    assert_eq!(totals[0], [9, 5, 11, 7, 1], "dev stories");
    assert_eq!(totals[1], [4, 0, 11, 0, 1], "held-out stories");
}

/// The JSON lists the names no vocabulary lists, each merge with its reason:
/// the Musk story names him in full and by his surname alone.
#[test]
fn the_report_lists_open_names_with_their_merges() {
    let output = Command::new(env!("CARGO_BIN_EXE_tanaqud"))
        .args([
            "report",
            "tests/fixtures/stories/musk-iravani-meeting",
            "--extracted-only",
            "--format",
            "json",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let musk = report["open_entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["label"] == "إيلون ماسك")
        .expect("Musk is an open name");
    assert_eq!(musk["aliases"], serde_json::json!(["ايلون ماسك", "ماسك"]));
    assert_eq!(
        musk["merged"],
        serde_json::json!([{"alias": "ماسك", "reason": "surname"}])
    );
    let claims = report["claims"].as_array().unwrap();
    // A sentence naming him by the surname alone («يلتقي ماسك؟») is about him.
    let by_surname = |c: &&Value| {
        let quote = c["quote"].as_str().unwrap();
        quote.contains("ماسك") && !quote.contains("إيلون ماسك") && !quote.contains("ايلون ماسك")
    };
    assert!(
        claims
            .iter()
            .filter(by_surname)
            .any(|c| c["subject"] == musk["id"] || c["object"] == musk["id"])
    );
}
