//! Triage: a fact-checker's decisions on verdicts, kept beside the corpus in
//! `tanaqud.triage.json` (`tanaqud triage accept|dismiss ID --reason …`). A
//! verdict's id is derived from its content — kind, rule, propositions, and
//! the sources and quotes of its evidence — so that a verdict whose evidence
//! changes comes back untriaged. Triaged verdicts are reported apart and do
//! not count for `--fail-on`. Each entry also says what its verdict is about
//! (kind, rule, propositions): an id whose verdict is still about that is
//! stale (its evidence changed: a warning, the verdict untriaged), any other
//! unknown id is an error.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;
use serde::Serialize;

use crate::diag::{Diagnostic, nearest};
use crate::json::JsonFile;
use crate::model::{Corpus, Named, Proposition, Verdict};
use crate::names::named;

/// The file's name in a corpus directory.
pub const FILE_NAME: &str = "tanaqud.triage.json";

named! {
    pub enum Decision {
        /// Looked at and kept: the finding is real.
        Accepted = "accepted",
        /// Looked at and set aside: not a real finding.
        Dismissed = "dismissed",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    pub id: String,
    pub decision: Decision,
    pub reason: String,
    /// What the verdict was about when it was triaged ([`verdict_about`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

#[derive(Serialize)]
struct Document<'a> {
    triage: &'a [Entry],
}

/// A verdict's stable id: `v-` and twelve hex digits of a hash of its content.
pub fn verdict_id(corpus: &Corpus, propositions: &[Proposition], verdict: &Verdict) -> String {
    let mut hasher = FxHasher::default();
    verdict.kind.name().hash(&mut hasher);
    verdict.rule.name().hash(&mut hasher);
    let v = &corpus.vocabulary;
    for p in verdict.propositions {
        let proposition = &propositions[p as usize];
        v.entity_info(proposition.actor).id.hash(&mut hasher);
        v.families[proposition.family.0 as usize].hash(&mut hasher);
        v.entity_info(proposition.object).id.hash(&mut hasher);
    }
    for pair in &verdict.evidence {
        for &c in pair {
            let claim = &corpus.claims[c as usize];
            corpus.sources[claim.source].id.hash(&mut hasher);
            claim.quote.hash(&mut hasher);
        }
    }
    format!("v-{:012x}", hasher.finish() & 0xffff_ffff_ffff)
}

/// What a verdict is about, whatever its evidence: its kind, rule and
/// propositions (`disputed opposite-stance russia/presence/syria russia/presence/syria`).
pub fn verdict_about(corpus: &Corpus, propositions: &[Proposition], verdict: &Verdict) -> String {
    let v = &corpus.vocabulary;
    let [a, b] = verdict.propositions.map(|p| {
        let proposition = &propositions[p as usize];
        format!(
            "{}/{}/{}",
            v.entity_info(proposition.actor).id,
            v.families[proposition.family.0 as usize],
            v.entity_info(proposition.object).id
        )
    });
    format!("{} {} {a} {b}", verdict.kind.name(), verdict.rule.name())
}

/// Reads a triage file; its problems go to `file`'s diagnostics.
pub fn read(file: &JsonFile) -> Vec<Entry> {
    let mut entries = Vec::new();
    let Some(root) = file.parse() else {
        return entries;
    };
    let Some(top) = file.object(&root, "the triage file", &["$comment", "triage"]) else {
        return entries;
    };
    for value in top.array("triage").map(|a| a.elements.as_slice()).unwrap_or_default() {
        let Some(fields) = file.object(value, "a triage entry", &["id", "decision", "reason", "about"]) else {
            continue;
        };
        let id = fields.required_string("id");
        let decision = fields.required_string("decision").and_then(|d| {
            let found = Decision::from_name(&d.value);
            if found.is_none() {
                let names: Vec<&str> = Decision::names().collect();
                file.error(
                    d.span,
                    format!("`{}` is no decision: one of {}", d.value, names.join(", ")),
                );
            }
            found
        });
        let reason = fields.required_string("reason");
        let about = fields.string("about").map(|a| a.value);
        if let (Some(id), Some(decision), Some(reason)) = (id, decision, reason) {
            entries.push(Entry {
                id: id.value,
                decision,
                reason: reason.value,
                about,
            });
        }
    }
    entries
}

/// A diagnostic for each entry whose id no verdict has, with the nearest id
/// the report has. A warning when a verdict is still about what the entry
/// says (its evidence changed, so it comes back untriaged until triaged
/// again); an error otherwise: an id that was never right, or a verdict gone.
/// `verdicts` are the report's ids and what each is about.
pub fn check(file_name: &str, entries: &[Entry], verdicts: &[(String, String)]) -> Vec<Diagnostic> {
    entries
        .iter()
        .filter(|e| !verdicts.iter().any(|(id, _)| id == &e.id))
        .map(|e| {
            let same_about: Vec<&str> = verdicts
                .iter()
                .filter(|(_, about)| Some(about) == e.about.as_ref())
                .map(|(id, _)| id.as_str())
                .collect();
            let message = format!("no verdict has the triaged id `{}`", e.id);
            if same_about.is_empty() {
                let diagnostic = Diagnostic::error(file_name, message);
                match nearest(&e.id, verdicts.iter().map(|(id, _)| id.as_str())) {
                    Some(close) => diagnostic.with_help(format!("did you mean `{close}`?")),
                    None => diagnostic,
                }
            } else {
                let close = nearest(&e.id, same_about.iter().copied()).unwrap_or(same_about[0]);
                Diagnostic::warning(file_name, message).with_help(format!(
                    "did you mean `{close}`? (its evidence changed: it is untriaged)"
                ))
            }
        })
        .collect()
}

/// The triage file with `entry` set, sorted by id. It replaces an entry of
/// the same id, and a stale one (an id not in `ids`) about the same verdict.
pub fn with_entry(mut entries: Vec<Entry>, entry: Entry, ids: &[&str]) -> String {
    let stale_about_it = |e: &Entry| e.about == entry.about && !ids.contains(&e.id.as_str());
    entries.retain(|e| e.id != entry.id && !stale_about_it(e));
    entries.push(entry);
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let mut text = serde_json::to_string_pretty(&Document { triage: &entries }).expect("triage serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_read_with_their_problems_and_written_sorted() {
        let file = JsonFile::new(
            "tanaqud.triage.json",
            r#"{"triage": [{"id": "v-2", "decision": "dismissed", "reason": "a reprint", "about": "conflict r a b"},
                           {"id": "v-1", "decision": "dismised", "reason": "x"}]}"#,
        );
        let entries = read(&file);
        assert_eq!(entries.len(), 1);
        let messages: Vec<String> = file.into_diagnostics().into_iter().map(|d| d.message).collect();
        assert_eq!(messages, ["`dismised` is no decision: one of accepted, dismissed"]);
        let written = with_entry(
            entries,
            Entry {
                id: "v-0".into(),
                decision: Decision::Accepted,
                reason: "checked".into(),
                about: Some("disputed r a a".into()),
            },
            &["v-0"],
        );
        let again = read(&JsonFile::new("t.json", &written));
        assert_eq!(again.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["v-0", "v-2"]);
        assert_eq!(again[1].about.as_deref(), Some("conflict r a b"));
        // v-2's verdict is still there with other evidence: stale, a warning, the new id named.
        let verdicts = |about: &str| {
            vec![
                ("v-0".to_string(), "disputed r a a".to_string()),
                ("v-21".to_string(), about.to_string()),
            ]
        };
        let stale = check("t.json", &again, &verdicts("conflict r a b"));
        assert_eq!(stale.len(), 1);
        assert!(!stale[0].is_error());
        assert_eq!(
            stale[0].help.as_deref(),
            Some("did you mean `v-21`? (its evidence changed: it is untriaged)")
        );
        // No verdict is about what v-2 was: an unknown id, an error with the nearest id.
        let unknown = check("t.json", &again, &verdicts("tension r a c"));
        assert!(unknown[0].is_error());
        assert_eq!(unknown[0].help.as_deref(), Some("did you mean `v-21`?"));
        // Triaging the verdict again replaces the stale entry about it.
        let replaced = with_entry(
            again,
            Entry {
                id: "v-21".into(),
                decision: Decision::Dismissed,
                reason: "a reprint".into(),
                about: Some("conflict r a b".into()),
            },
            &["v-0", "v-21"],
        );
        let ids: Vec<String> = read(&JsonFile::new("t.json", &replaced))
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, ["v-0", "v-21"]);
    }
}
