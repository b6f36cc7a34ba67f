//! Writes the story the `story` bench reads in memory — N bare articles
//! recombined from the sample corpus's sentences, dated over one month — as
//! a corpus directory, for the binary and other engines to read
//! (`scripts/duckdb/check.sh`, the README's figures).
//!
//! `cargo run --release --example story_corpus -- DIR N`; DIR must not exist.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(n)) = (
        args.first().map(PathBuf::from),
        args.get(1).and_then(|n| n.replace('_', "").parse::<usize>().ok()),
    ) else {
        eprintln!("usage: story_corpus DIR N (N articles into the new directory DIR)");
        return ExitCode::from(2);
    };
    if let Err(error) = std::fs::create_dir(&dir) {
        eprintln!("cannot create {}: {error}", dir.display());
        return ExitCode::from(2);
    }
    let files = support::story(n, &support::sentences());
    for source in &files.sources {
        let article = source.article.as_ref().expect("a story's sources are articles");
        if let Err(error) = std::fs::write(dir.join(&article.name), &article.text) {
            eprintln!("cannot write {}: {error}", article.name);
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
