//! Triage: a fact-checker's decisions on verdicts, kept beside the corpus in
//! `tanaqud.triage.json` (`tanaqud triage accept|dismiss ID --reason …`). A
//! verdict's id is derived from its content — kind, rule, propositions, and
//! the sources and quotes of its evidence — so that a verdict whose evidence
//! changes comes back untriaged. Triaged verdicts are reported apart and do
//! not count for `--fail-on`.

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
        let Some(fields) = file.object(value, "a triage entry", &["id", "decision", "reason"]) else {
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
        if let (Some(id), Some(decision), Some(reason)) = (id, decision, reason) {
            entries.push(Entry {
                id: id.value,
                decision,
                reason: reason.value,
            });
        }
    }
    entries
}

/// A warning for each entry whose verdict is gone (its evidence changed, or
/// the claims did), with the nearest id the report has: that verdict, if it
/// is the same, comes back untriaged until it is triaged again.
pub fn stale(file_name: &str, entries: &[Entry], ids: &[String]) -> Vec<Diagnostic> {
    entries
        .iter()
        .filter(|e| !ids.contains(&e.id))
        .map(|e| {
            let diagnostic = Diagnostic::warning(file_name, format!("no verdict has the triaged id `{}`", e.id));
            match nearest(&e.id, ids.iter().map(String::as_str)) {
                Some(close) => diagnostic.with_help(format!("did you mean `{close}`? (its evidence may have changed)")),
                None => diagnostic,
            }
        })
        .collect()
}

/// The triage file with `entry` set (replacing one of the same id), sorted by id.
pub fn with_entry(mut entries: Vec<Entry>, entry: Entry) -> String {
    entries.retain(|e| e.id != entry.id);
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
            r#"{"triage": [{"id": "v-2", "decision": "dismissed", "reason": "a reprint"},
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
            },
        );
        let again = read(&JsonFile::new("t.json", &written));
        assert_eq!(again.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["v-0", "v-2"]);
        let stale = stale("t.json", &again, &["v-0".to_string(), "v-21".to_string()]);
        assert_eq!(stale.len(), 1);
        assert_eq!(
            stale[0].help.as_deref(),
            Some("did you mean `v-21`? (its evidence may have changed)")
        );
    }
}
