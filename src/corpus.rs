//! Source stage: finds and reads the files of a corpus directory. This is the
//! only stage that touches the file system for input; everything after it
//! works on the strings read here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::text::SourceText;

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
    /// The article exists but could not be read (already reported).
    pub article_unreadable: bool,
}

#[derive(Clone, Debug, Default)]
pub struct CorpusFiles {
    /// None: the bundled vocabulary is used.
    pub vocabulary: Option<InputFile>,
    /// The extraction lexicon; None: the bundled one is used.
    pub lexicon: Option<InputFile>,
    /// The time words; None: the bundled ones.
    pub time_words: Option<InputFile>,
    /// The outlet cues of bare articles' headers; None: the bundled ones.
    pub outlets: Option<InputFile>,
    /// A fact-checker's decisions on verdicts (`tanaqud.triage.json`).
    pub triage: Option<InputFile>,
    /// Sorted by source id.
    pub sources: Vec<SourceFiles>,
    /// Every file read, resolved through links: what an output must never replace.
    pub inputs: Vec<PathBuf>,
}

/// The largest file tanaqud reads (512 MiB): a larger one is refused with an
/// error rather than risk running out of memory on it and what is built from it.
pub const MAX_FILE_BYTES: u64 = 512 << 20;

/// How a corpus file is used, told by its name.
enum Role {
    Vocabulary,
    Lexicon,
    TimeWords,
    Outlets,
    Triage,
    Article(String),
    Annotation(String),
}

/// The role of a file named `name`, or why it is not read (None: documentation,
/// which is not read and needs no word).
fn role(name: &str) -> Result<Option<Role>, &'static str> {
    if name == crate::data::VOCABULARY.name {
        return Ok(Some(Role::Vocabulary));
    }
    if name == crate::data::LEXICON.name {
        return Ok(Some(Role::Lexicon));
    }
    if name == crate::data::TIME_WORDS.name {
        return Ok(Some(Role::TimeWords));
    }
    if name == crate::data::OUTLETS.name {
        return Ok(Some(Role::Outlets));
    }
    if name == crate::triage::FILE_NAME {
        return Ok(Some(Role::Triage));
    }
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return Err("not read: a corpus file ends in .txt (an article) or .json (its annotation)");
    };
    let stem = stem.to_string();
    match extension.to_ascii_lowercase().as_str() {
        _ if stem.is_empty() => Err("not read: the file has no name before its extension"),
        "txt" => Ok(Some(Role::Article(stem))),
        "json" => Ok(Some(Role::Annotation(stem))),
        "md" => Ok(None),
        _ => Err("not read: a corpus file ends in .txt (an article) or .json (its annotation)"),
    }
}

/// Reads a corpus directory: `vocabulary.json`, `lexicon.json`,
/// `time_words.json`, `outlets.json`, `<id>.txt` and `<id>.json` (the
/// extension in any case), following links. Markdown files
/// are its documentation and are not read; every other file that is skipped is
/// named in a warning. Unreadable files become errors.
pub fn read_dir(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> CorpusFiles {
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
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => match entry.file_name().into_string() {
                Ok(name) => names.push(name),
                Err(raw) => diagnostics.push(Diagnostic::warning(
                    &display_name(dir, &raw.to_string_lossy()),
                    "not read: the file name is not UTF-8",
                )),
            },
            Err(error) => diagnostics.push(Diagnostic::error(
                &dir.display().to_string(),
                format!("cannot list the corpus directory: {error}"),
            )),
        }
    }
    names.sort();
    let mut corpus = CorpusFiles::default();
    let mut sources: BTreeMap<String, SourceFiles> = BTreeMap::new();
    for name in names {
        let path = dir.join(&name);
        let shown = display_name(dir, &name);
        // Links are followed: the OS refuses a loop (ELOOP), which is reported.
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => {}
            Err(error) => {
                diagnostics.push(Diagnostic::warning(&shown, format!("not read: {error}")));
                continue;
            }
        }
        let role = match role(&name) {
            Ok(Some(role)) => role,
            Ok(None) => continue,
            Err(why) => {
                diagnostics.push(Diagnostic::warning(&shown, why));
                continue;
            }
        };
        let file = match read_file(&path, shown) {
            Ok(file) => file,
            Err(diagnostic) => {
                diagnostics.push(*diagnostic);
                if let Role::Article(stem) = role {
                    source_entry(&mut sources, stem).article_unreadable = true;
                }
                continue;
            }
        };
        corpus.inputs.extend(std::fs::canonicalize(&path));
        match role {
            Role::Vocabulary => corpus.vocabulary = Some(file),
            Role::Lexicon => corpus.lexicon = Some(file),
            Role::TimeWords => corpus.time_words = Some(file),
            Role::Outlets => corpus.outlets = Some(file),
            Role::Triage => corpus.triage = Some(file),
            Role::Article(stem) => source_entry(&mut sources, stem).article = Some(file),
            Role::Annotation(stem) => source_entry(&mut sources, stem).annotation = Some(file),
        }
    }
    corpus.sources = sources.into_values().collect();
    corpus
}

fn source_entry(sources: &mut BTreeMap<String, SourceFiles>, stem: String) -> &mut SourceFiles {
    sources.entry(stem.clone()).or_insert_with(|| SourceFiles {
        id: stem,
        ..SourceFiles::default()
    })
}

/// Reads one UTF-8 text file; `shown` is its name in messages.
fn read_file(path: &Path, shown: String) -> Result<InputFile, Box<Diagnostic>> {
    let error = |message: String| Box::new(Diagnostic::error(&shown, message));
    let size = std::fs::metadata(path)
        .map_err(|e| error(format!("cannot read: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(error(format!(
            "the file is {} MiB, over tanaqud's limit of {} MiB for one file",
            size >> 20,
            MAX_FILE_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| error(format!("cannot read: {e}")))?;
    String::from_utf8(bytes)
        .map(|text| InputFile {
            name: shown.clone(),
            text,
        })
        .map_err(|invalid| {
            let at = invalid.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(invalid.as_bytes());
            // The valid prefix is the same in the lossy copy, so `at` is a place in it.
            Box::new(
                Diagnostic::error(&shown, "not UTF-8 text: an invalid byte here; save the file as UTF-8")
                    .at(&SourceText::new(&lossy), at..at + 1),
            )
        })
}

/// Reads files named one by one (a file of judged verdicts), each an error when unreadable.
pub fn read_files(paths: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> Vec<InputFile> {
    paths
        .iter()
        .filter_map(
            |path| match read_file(path, path.to_string_lossy().replace('\\', "/")) {
                Ok(file) => Some(file),
                Err(diagnostic) => {
                    diagnostics.push(*diagnostic);
                    None
                }
            },
        )
        .collect()
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
    let mut inputs = Vec::new();
    let mut read = |path: &Path| match read_file(path, path.to_string_lossy().replace('\\', "/")) {
        Ok(file) => {
            inputs.extend(std::fs::canonicalize(path));
            Some(file)
        }
        Err(diagnostic) => {
            diagnostics.push(*diagnostic);
            None
        }
    };
    let vocabulary = vocabulary.and_then(&mut read);
    let lexicon = lexicon.and_then(&mut read);
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
                ..SourceFiles::default()
            },
        );
    }
    diagnostics.extend(read_errors);
    CorpusFiles {
        vocabulary,
        lexicon,
        sources: sources.into_values().collect(),
        inputs,
        ..CorpusFiles::default()
    }
}

/// The name a user recognises: the directory as they gave it, then the file.
fn display_name(dir: &Path, name: &str) -> String {
    dir.join(name).to_string_lossy().replace('\\', "/")
}
