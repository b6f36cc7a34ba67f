//! Source stage: finds and reads the files of a corpus directory. This is the
//! only stage that touches the file system for input; everything after it
//! works on the strings read here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
    /// None: the bundled vocabulary is used.
    pub vocabulary: Option<InputFile>,
    /// The extraction lexicon; None: the bundled one is used.
    pub lexicon: Option<InputFile>,
    /// Sorted by source id.
    pub sources: Vec<SourceFiles>,
}

/// Reads a corpus directory: `vocabulary.json`, `lexicon.json`, `<id>.txt` and `<id>.json`.
/// Other files (README.md…) are ignored. Unreadable files become diagnostics.
pub fn read_dir(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> CorpusFiles {
    let shown = |name: &str| display_name(dir, name);
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                &dir.display().to_string(),
                format!("cannot read the corpus directory: {error}"),
            ));
            return CorpusFiles::default();
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
        let file = match read_file(&dir.join(&name), shown(&name)) {
            Ok(file) => file,
            Err(diagnostic) => {
                diagnostics.push(*diagnostic);
                continue;
            }
        };
        if name == crate::data::VOCABULARY.name {
            corpus.vocabulary = Some(file);
            continue;
        }
        if name == crate::data::LEXICON.name {
            corpus.lexicon = Some(file);
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
    corpus.sources = sources.into_values().collect();
    corpus
}

/// Reads one UTF-8 text file; `shown` is its name in messages.
fn read_file(path: &Path, shown: String) -> Result<InputFile, Box<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|error| Diagnostic::error(&shown, format!("cannot read: {error}")))?;
    String::from_utf8(bytes)
        .map(|text| InputFile {
            name: shown.clone(),
            text,
        })
        .map_err(|error| {
            let offset = error.utf8_error().valid_up_to();
            Box::new(Diagnostic::error(
                &shown,
                format!("not UTF-8 text: invalid byte at offset {offset}"),
            ))
        })
}

/// Reads articles named one by one (`tanaqud extract`), each a source
/// without annotation whose id is its file stem, with an optional vocabulary
/// and lexicon.
pub fn read_articles(
    paths: &[PathBuf],
    vocabulary: Option<&Path>,
    lexicon: Option<&Path>,
    diagnostics: &mut Vec<Diagnostic>,
) -> CorpusFiles {
    let mut read = |path: &Path| match read_file(path, path.to_string_lossy().replace('\\', "/")) {
        Ok(file) => Some(file),
        Err(diagnostic) => {
            diagnostics.push(*diagnostic);
            None
        }
    };
    let mut corpus = CorpusFiles {
        vocabulary: vocabulary.and_then(&mut read),
        lexicon: lexicon.and_then(&mut read),
        sources: Vec::new(),
    };
    let mut sources: BTreeMap<String, SourceFiles> = BTreeMap::new();
    let mut read_errors = Vec::new();
    for path in paths {
        let Some(article) = read(path) else { continue };
        let stem = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        if let Some(first) = sources.get(&stem).and_then(|s| s.article.as_ref()) {
            let message = format!("has the same name as {}: one id per article", first.name);
            read_errors.push(Diagnostic::error(&article.name, message));
            continue;
        }
        sources.insert(
            stem.clone(),
            SourceFiles {
                id: stem,
                article: Some(article),
                annotation: None,
            },
        );
    }
    corpus.sources = sources.into_values().collect();
    diagnostics.extend(read_errors);
    corpus
}

/// The name a user recognises: the directory as they gave it, then the file.
fn display_name(dir: &Path, name: &str) -> String {
    dir.join(name).to_string_lossy().replace('\\', "/")
}
