//! Command line: parses arguments, runs the stages, hands results to `report`.

pub fn run() -> i32 {
    0
}
