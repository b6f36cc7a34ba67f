//! Helpers shared by the end-to-end tests.

use std::process::{Command, Output};

/// Runs the binary from the crate root, so corpus paths are relative and stable.
pub fn tanaqud(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tanaqud"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Asserts `text` against `snapshots/<name>.snap` at the top of the crate.
pub fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    // Relative to this file: tests/common/ → the top-level snapshots/.
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, text));
}
