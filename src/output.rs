//! Writing files, safely: a file is written whole or not at all (a temporary
//! file beside it, renamed into place when complete), an input of the run is
//! never overwritten, and drafts are never written over an existing file or
//! through a link. The command line calls these; no other stage writes.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{0} is an input of this run; not overwritten")]
    IsInput(PathBuf),
    #[error("{0} is inside the corpus and would be read as part of it on the next run; write it elsewhere")]
    InsideCorpus(PathBuf),
    #[error("{} exist(s); nothing written, nothing overwritten", list(.0))]
    Exists(Vec<PathBuf>),
    #[error("two drafts would be named {0}; nothing written (give the articles different names)")]
    SameName(String),
    #[error("cannot write {0}: {1}")]
    Io(PathBuf, std::io::Error),
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes `text` to `path`, replacing it whole once it is complete. Refuses a
/// path that is one of `inputs` (resolved through links) or that `corpus_dir`
/// would read as an article or annotation.
pub fn replace_file(path: &Path, text: &str, inputs: &[PathBuf], corpus_dir: Option<&Path>) -> Result<(), OutputError> {
    if let Ok(resolved) = std::fs::canonicalize(path)
        && inputs.contains(&resolved)
    {
        return Err(OutputError::IsInput(path.to_path_buf()));
    }
    let read_as_corpus = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("json"));
    if read_as_corpus
        && let Some(dir) = corpus_dir
        && same_dir(parent(path), dir)
    {
        return Err(OutputError::InsideCorpus(path.to_path_buf()));
    }
    let temporary = temporary_beside(path, text)?;
    // Rename replaces a link at `path` itself, never the file it points to.
    temporary
        .persist(path)
        .map(drop)
        .map_err(|e| OutputError::Io(path.to_path_buf(), e.error))
}

/// Writes every `(name, text)` as a new file of `dir`, or none of them: every
/// target is checked first (an existing file or link, even a dangling one, is
/// never written over or through), all are written to temporary files, and
/// only then moved into place; a failure on the way removes what was moved.
pub fn write_new_files(dir: &Path, files: &[(String, String)]) -> Result<(), OutputError> {
    let targets: Vec<PathBuf> = files.iter().map(|(name, _)| dir.join(name)).collect();
    // Two articles of one name from two folders would be one draft.
    let mut names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    names.sort_unstable();
    if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(OutputError::SameName(pair[0].to_string()));
    }
    let taken: Vec<PathBuf> = targets
        .iter()
        .filter(|target| std::fs::symlink_metadata(target).is_ok())
        .cloned()
        .collect();
    if !taken.is_empty() {
        return Err(OutputError::Exists(taken));
    }
    let mut temporaries = Vec::with_capacity(files.len());
    for (target, (_, text)) in targets.iter().zip(files) {
        temporaries.push(temporary_beside(target, text)?);
    }
    let mut placed: Vec<&PathBuf> = Vec::new();
    for (temporary, target) in temporaries.into_iter().zip(&targets) {
        // No clobbering: a file that appeared since the check stays as it is.
        if let Err(error) = temporary.persist_noclobber(target) {
            for done in placed {
                let _ = std::fs::remove_file(done);
            }
            return Err(OutputError::Io(target.clone(), error.error));
        }
        placed.push(target);
    }
    Ok(())
}

/// `text` in a new temporary file in `path`'s directory, flushed to disk.
fn temporary_beside(path: &Path, text: &str) -> Result<tempfile::NamedTempFile, OutputError> {
    let io = |e| OutputError::Io(path.to_path_buf(), e);
    let mut temporary = tempfile::Builder::new()
        .prefix(".tanaqud-")
        .tempfile_in(parent(path))
        .map_err(io)?;
    temporary.write_all(text.as_bytes()).map_err(io)?;
    // A temporary file is private; what it becomes keeps the permissions of
    // the file it replaces, or those a new file usually has.
    let permissions = std::fs::metadata(path).map(|m| m.permissions()).unwrap_or_else(|_| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o644)
    });
    temporary.as_file().set_permissions(permissions).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    Ok(temporary)
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_an_input_never() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        replace_file(&path, "one", &[], None).unwrap();
        replace_file(&path, "two", &[], None).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        let input = std::fs::canonicalize(&path).unwrap();
        assert!(matches!(
            replace_file(&path, "three", &[input], None),
            Err(OutputError::IsInput(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let inside = dir.path().join("report.json");
        assert!(matches!(
            replace_file(&inside, "{}", &[], Some(dir.path())),
            Err(OutputError::InsideCorpus(_))
        ));
        assert!(!inside.exists());
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn drafts_are_all_written_or_none_and_never_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        std::os::unix::fs::symlink(&outside, dir.path().join("b.json")).unwrap();
        let drafts = [
            ("a.json".to_string(), "A".to_string()),
            ("b.json".to_string(), "B".to_string()),
        ];
        match write_new_files(dir.path(), &drafts) {
            Err(OutputError::Exists(taken)) => assert_eq!(taken, [dir.path().join("b.json")]),
            other => panic!("{other:?}"),
        }
        assert!(!dir.path().join("a.json").exists() && !outside.exists());
        std::fs::remove_file(dir.path().join("b.json")).unwrap();
        let twice = [drafts[0].clone(), drafts[0].clone()];
        assert!(matches!(write_new_files(dir.path(), &twice), Err(OutputError::SameName(name)) if name == "a.json"));
        write_new_files(dir.path(), &drafts).unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("b.json")).unwrap(), "B");
    }
}
