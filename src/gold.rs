//! Judged verdicts: a fact-checker's file of the verdicts a corpus should get
//! and those it must not, and the precision and recall of a report against it
//! (`tanaqud score DIR --verdicts GOLD`).
//!
//! A report's verdict matches a judged one when the kind is the same, the
//! subject and family are, the scopes are the same set (one, or the whole and
//! the part), and the judged pair of sources is the pair of one piece of its
//! evidence (the same source twice: a pair within that source). A story
//! judged before it had a vocabulary names its subject in words of its own:
//! such a verdict matches by its quotes instead — one piece of evidence joins
//! the two sources with claims whose sentences hold the judged quotes (with
//! no quotes, the pair of sources alone).
//! Precision counts every verdict the report gives but "not comparable":
//! one no judged verdict matches counts as wrong, so a gold that leaves out
//! a right verdict lowers it — read the unmatched ones (`--verbose`).

use serde::Serialize;

use crate::json::{Fields, JsonFile};
use crate::model::{Corpus, Named, Proposition, Verdict, VerdictKind};

/// One judged verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Judged {
    pub kind: VerdictKind,
    pub subject: String,
    pub family: String,
    /// One scope, or the whole and the part, sorted.
    pub objects: Vec<String>,
    pub sources: Vec<String>,
    /// A fragment of each source's claim, in the order of `sources`.
    pub quotes: Vec<String>,
    /// The story's core dispute, whose recall is told apart.
    pub core: bool,
    pub why: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Gold {
    pub expected: Vec<Judged>,
    /// Right when given, not missed when absent: verdicts a fact-checker
    /// accepts but would not ask for (background agreements, a second pair of
    /// scopes for a tension already expected).
    pub acceptable: Vec<Judged>,
    pub must_not: Vec<Judged>,
}

const TOP_FIELDS: [&str; 8] = [
    "$comment",
    "corpus",
    "story",
    "kind",
    "core",
    "expected",
    "acceptable",
    "must_not",
];
const FIELDS: [&str; 8] = [
    "kind", "subject", "family", "objects", "sources", "quotes", "core", "why",
];

/// Reads a gold file; problems go to `file`'s diagnostics, the entries that
/// could be read are kept.
pub fn read(file: &JsonFile) -> Gold {
    let mut gold = Gold::default();
    let Some(root) = file.parse() else {
        return gold;
    };
    let Some(top) = file.object(&root, "the judged verdicts", &TOP_FIELDS) else {
        return gold;
    };
    for (name, list) in [
        ("expected", &mut gold.expected),
        ("acceptable", &mut gold.acceptable),
        ("must_not", &mut gold.must_not),
    ] {
        for value in top.array(name).map(|a| a.elements.as_slice()).unwrap_or_default() {
            if let Some(fields) = file.object(value, "a judged verdict", &FIELDS) {
                list.extend(judged(file, &fields));
            }
        }
    }
    gold
}

fn judged(file: &JsonFile, fields: &Fields) -> Option<Judged> {
    // Every field is read before any is found missing: all problems are told.
    let kind = fields.required_string("kind").and_then(|kind| {
        let found = VerdictKind::from_name(&kind.value);
        if found.is_none() {
            let names: Vec<&str> = VerdictKind::names().collect();
            file.error(
                kind.span,
                format!("`{}` is no verdict kind: one of {}", kind.value, names.join(", ")),
            );
        }
        found
    });
    let subject = fields.required_string("subject");
    let family = fields.required_string("family");
    let mut objects: Vec<String> = fields.strings("objects").into_iter().map(|o| o.value).collect();
    objects.sort();
    let sources: Vec<String> = fields.strings("sources").into_iter().map(|s| s.value).collect();
    let well_formed = matches!(objects.len(), 1 | 2) && sources.len() == 2;
    if !well_formed {
        file.error(
            fields.span(),
            "a judged verdict has one or two `objects` (a scope, or a whole and its part) and two `sources` (the same twice within one)",
        );
    }
    Some(Judged {
        kind: kind?,
        subject: subject?.value,
        family: family?.value,
        objects,
        sources,
        quotes: fields.strings("quotes").into_iter().map(|q| q.value).collect(),
        core: fields.boolean("core").is_some_and(|c| c.value),
        why: fields.string("why").map(|w| w.value).unwrap_or_default(),
    })
    .filter(|_| well_formed)
}

/// How a report stands against the judged verdicts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct VerdictScore {
    /// The report's verdicts that are scored (all but "not comparable").
    pub given: usize,
    /// Those a judged verdict matches.
    pub right: usize,
    pub expected: usize,
    /// Judged verdicts the report gives.
    pub found: usize,
    /// Of the expected, those marked core, and those of them found.
    pub core_expected: usize,
    pub core_found: usize,
    /// Of the right ones, those only acceptable.
    pub acceptable: usize,
    /// Indices of the report's verdicts matching a must-not, with the must-not's index.
    pub forbidden: Vec<(usize, usize)>,
    /// Indices of the report's scored verdicts no judged verdict matches.
    pub unmatched: Vec<usize>,
    /// Indices of the judged verdicts the report does not give.
    pub missed: Vec<usize>,
}

impl VerdictScore {
    pub fn precision(&self) -> Option<f64> {
        (self.given > 0).then(|| self.right as f64 / self.given as f64)
    }

    pub fn recall(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.found as f64 / self.expected as f64)
    }

    pub fn core_recall(&self) -> Option<f64> {
        (self.core_expected > 0).then(|| self.core_found as f64 / self.core_expected as f64)
    }
}

/// Scores a corpus's propositions and verdicts (in their ranked order)
/// against `gold`; indices in the result are indices of `verdicts`.
pub fn score(corpus: &Corpus, propositions: &[Proposition], verdicts: &[Verdict], gold: &Gold) -> VerdictScore {
    let judge = Judge { corpus, propositions };
    let scored: Vec<usize> = (0..verdicts.len())
        .filter(|&v| verdicts[v].kind != VerdictKind::NotComparable)
        .collect();
    let mut result = VerdictScore {
        given: scored.len(),
        expected: gold.expected.len(),
        ..VerdictScore::default()
    };
    for &v in &scored {
        let judged_right = |j: &Judged| judge.matches(&verdicts[v], j);
        if gold.expected.iter().any(judged_right) {
            result.right += 1;
        } else if gold.acceptable.iter().any(judged_right) {
            result.right += 1;
            result.acceptable += 1;
        } else {
            result.unmatched.push(v);
        }
    }
    for (j, judged) in gold.expected.iter().enumerate() {
        result.core_expected += usize::from(judged.core);
        if verdicts.iter().any(|v| judge.matches(v, judged)) {
            result.found += 1;
            result.core_found += usize::from(judged.core);
        } else {
            result.missed.push(j);
        }
    }
    for (v, verdict) in verdicts.iter().enumerate() {
        for (j, judged) in gold.must_not.iter().enumerate() {
            if judge.matches(verdict, judged) {
                result.forbidden.push((v, j));
            }
        }
    }
    result
}

/// What a verdict is matched against a judged one with.
struct Judge<'a> {
    corpus: &'a Corpus,
    propositions: &'a [Proposition],
}

impl Judge<'_> {
    /// Whether `verdict` is the `judged` one.
    fn matches(&self, verdict: &Verdict, judged: &Judged) -> bool {
        if verdict.kind != judged.kind {
            return false;
        }
        let v = &self.corpus.vocabulary;
        // A judged subject or object no vocabulary lists (`elon-musk`, an
        // open name the tool keys by its words) is found by its quotes.
        if v.entity(&judged.subject).is_none() || judged.objects.iter().any(|o| v.entity(o).is_none()) {
            return self.matches_by_quotes(verdict, judged);
        }
        let [first, second] = verdict.propositions.map(|p| &self.propositions[p as usize]);
        let mut objects = vec![
            v.entity_info(first.object).id.as_str(),
            v.entity_info(second.object).id.as_str(),
        ];
        objects.sort_unstable();
        objects.dedup();
        let same_topic = v.entity_info(first.actor).id == judged.subject
            && v.families[first.family.0 as usize] == judged.family
            && objects == judged.objects.iter().map(String::as_str).collect::<Vec<_>>();
        if !same_topic {
            return false;
        }
        // The judged pair of sources is one pair of the evidence (the same
        // source twice: a pair within it).
        let mut wanted: Vec<&str> = judged.sources.iter().map(String::as_str).collect();
        wanted.sort_unstable();
        verdict.evidence.iter().any(|pair| {
            let mut sources = pair.map(|c| self.corpus.sources[self.corpus.claims[c as usize].source].id.as_str());
            sources.sort_unstable();
            sources.as_slice() == wanted.as_slice()
        })
    }
}

impl Judge<'_> {
    /// A verdict judged in words of its own: one piece of its evidence joins
    /// the judged sources, each claim's sentence holding that source's quote.
    fn matches_by_quotes(&self, verdict: &Verdict, judged: &Judged) -> bool {
        let holds = |claim: u32, source: &str, quote: Option<&String>| {
            let claim = &self.corpus.claims[claim as usize];
            let article = &self.corpus.sources[claim.source];
            article.id == source
                && quote.is_none_or(|quote| {
                    article.article.match_indices(quote.as_str()).any(|(start, q)| {
                        let span = start..start + q.len();
                        span.start < claim.span.end && claim.span.start < span.end
                    })
                })
        };
        let [a, b] = [0, 1].map(|i| (judged.sources[i].as_str(), judged.quotes.get(i)));
        verdict
            .evidence
            .iter()
            .any(|&[x, y]| (holds(x, a.0, a.1) && holds(y, b.0, b.1)) || (holds(x, b.0, b.1) && holds(y, a.0, a.1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_of_a_judged_verdict_is_told() {
        let file = JsonFile::new(
            "gold.json",
            r#"{"expected": [{"kind": "conflct", "family": "f", "objects": ["a"], "sources": ["x"]},
                              {"kind": "update", "subject": "s", "family": "f", "objects": ["a"], "sources": ["x", "x"]}]}"#,
        );
        let gold = read(&file);
        let messages: Vec<String> = file.into_diagnostics().into_iter().map(|d| d.message).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("`conflct` is no verdict kind"), "{messages:?}");
        assert_eq!(gold.expected.len(), 1);
        assert_eq!(gold.expected[0].kind, VerdictKind::Update);
    }

    #[test]
    fn a_story_judged_in_its_own_words_matches_by_its_quotes() {
        let vocabulary = r#"{"entities": [
            {"id": "qatar", "label": "Qatar", "kind": "state", "aliases": ["قطر"]},
            {"id": "office", "label": "The office", "kind": "facility", "aliases": ["المكتب"]}
          ], "predicates": [
            {"id": "close", "label": "close", "family": "open-close", "direction": "against", "aliases": []}
          ]}"#;
        let one = |polarity: &str, quote: &str| {
            format!(
                r#"{{"source": {{"outlet": "Daily", "title": "خبر", "published": {{"date": "2024-11-10"}}, "language": "ar"}},
                    "claims": [{{"id": "c", "quote": "{quote}", "subject": "qatar", "predicate": "close", "object": "office",
                    "polarity": "{polarity}", "attribution": "outlet", "time": "2024-11-09", "modality": "asserted"}}]}}"#
            )
        };
        let (closed, denied) = ("أغلقت قطر المكتب", "لم تغلق قطر المكتب");
        let (first, second) = (one("affirmed", closed), one("negated", denied));
        let (first_text, second_text) = (format!("خبر\n{closed} أمس."), format!("خبر\n{denied} أمس."));
        let corpus = crate::sources::tests::corpus_of(
            Some(vocabulary),
            &[("a", &first_text, &first), ("b", &second_text, &second)],
        );
        let (propositions, verdicts) = crate::propositions::compare(&corpus, &crate::origins::origins(&corpus.sources));
        let judged = |quotes: [&str; 2]| Judged {
            kind: VerdictKind::Conflict,
            subject: "qatar-in-the-story's-words".to_string(),
            family: "closing".to_string(),
            objects: vec!["hamas-office".to_string()],
            sources: vec!["a".to_string(), "b".to_string()],
            quotes: quotes.map(str::to_string).to_vec(),
            core: true,
            why: String::new(),
        };
        let gold = |quotes| Gold {
            expected: vec![judged(quotes)],
            ..Gold::default()
        };
        let right = score(&corpus, &propositions, &verdicts, &gold(["أغلقت قطر", "لم تغلق"]));
        assert_eq!((right.right, right.core_found, right.core_expected), (1, 1, 1));
        // A quote the verdict's claims do not hold is another verdict.
        let wrong = score(&corpus, &propositions, &verdicts, &gold(["أغلقت قطر", "أمس."]));
        assert_eq!((wrong.right, wrong.core_found), (0, 0));
    }
}
