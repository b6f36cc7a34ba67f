//! Source stage: finds and reads the files of a corpus directory. This is the
//! only stage that touches the file system for input; everything after it
//! works on the strings read here.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostic;

/// One file's name as shown to the user, and its text.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub name: String,
    pub text: String,
}

/// The files of one source: its article and its annotation, either may be missing.
#[derive(Clone, Debug, Default)]
pub struct SourceFiles {
    pub id: String,
    pub article: Option<InputFile>,
    pub annotation: Option<InputFile>,
}

#[derive(Clone, Debug, Default)]
pub struct CorpusFiles {
    pub vocabulary: Option<InputFile>,
    /// Sorted by source id.
    pub sources: Vec<SourceFiles>,
}

/// Reads a corpus directory: `vocabulary.json`, `<id>.txt` and `<id>.json`.
/// Other files (README.md…) are ignored. Unreadable files become diagnostics.
pub fn read_dir(dir: &Path) -> (CorpusFiles, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let shown = |name: &str| display_name(dir, name);
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                &dir.display().to_string(),
                format!("cannot read the corpus directory: {error}"),
            ));
            return (CorpusFiles::default(), diagnostics);
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut corpus = CorpusFiles::default();
    let mut sources: BTreeMap<String, SourceFiles> = BTreeMap::new();
    for name in names {
        let (stem, extension) = match name.rsplit_once('.') {
            Some((stem, extension)) if !stem.is_empty() => (stem.to_string(), extension),
            _ => continue,
        };
        if !matches!(extension, "txt" | "json") {
            continue;
        }
        let file = match std::fs::read(dir.join(&name)) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => InputFile {
                    name: shown(&name),
                    text,
                },
                Err(error) => {
                    let offset = error.utf8_error().valid_up_to();
                    diagnostics.push(Diagnostic::error(
                        &shown(&name),
                        format!("not UTF-8 text: invalid byte at offset {offset}"),
                    ));
                    continue;
                }
            },
            Err(error) => {
                diagnostics.push(Diagnostic::error(&shown(&name), format!("cannot read: {error}")));
                continue;
            }
        };
        if name == crate::vocab::FILE_NAME {
            corpus.vocabulary = Some(file);
            continue;
        }
        let source = sources.entry(stem.clone()).or_insert_with(|| SourceFiles {
            id: stem,
            ..SourceFiles::default()
        });
        if extension == "txt" {
            source.article = Some(file);
        } else {
            source.annotation = Some(file);
        }
    }
    if corpus.vocabulary.is_none() {
        diagnostics.push(Diagnostic::error(
            &shown(crate::vocab::FILE_NAME),
            "the corpus has no vocabulary file",
        ));
    }
    corpus.sources = sources.into_values().collect();
    (corpus, diagnostics)
}

/// The name a user recognises: the directory as they gave it, then the file.
fn display_name(dir: &Path, name: &str) -> String {
    dir.join(name).to_string_lossy().replace('\\', "/")
}
