//! Pair mode on the ANS stance dev split (`tests/data/eval/ans_stance_dev.csv`,
//! Apache-2.0; see the README beside it): the confusion matrix and each class's
//! F1 are printed, and today's macro-F1 is kept as a floor.

use std::path::Path;

use tanaqud::corpus::InputFile;
use tanaqud::model::Named;
use tanaqud::pair::{Comparer, Score, Stance, read_pairs};

/// Today's figures on dev, rounded down: a change that loses more fails.
const MACRO_F1_FLOOR: f64 = 0.70;
const CONFLICT_F1_FLOOR: f64 = 0.68;

#[test]
fn ans_dev_macro_f1_holds_its_floor() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/ans_stance_dev.csv");
    let file = InputFile {
        name: "ans_stance_dev.csv".to_string(),
        text: std::fs::read_to_string(&path).unwrap(),
    };
    let (rows, diagnostics) = read_pairs(&file);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(rows.len(), 755);
    let outcomes = Comparer::bundled().compare_all(&rows, 2);
    let score = Score::new(rows.iter().zip(&outcomes).map(|(row, o)| (row.gold.unwrap(), o.stance)));
    for &gold in Stance::ALL {
        let class = score.class(gold);
        println!(
            "{:<10} {:?}  P {:.3} R {:.3} F1 {:.3}",
            gold.name(),
            score.confusion[gold as usize],
            class.precision,
            class.recall,
            class.f1
        );
    }
    println!("macro-F1 {:.3}", score.macro_f1());
    assert!(score.macro_f1() >= MACRO_F1_FLOOR, "macro-F1 {:.3}", score.macro_f1());
    assert!(score.class(Stance::Conflict).f1 >= CONFLICT_F1_FLOOR);
    // Each class is predicted: a comparer that always says one thing fails above.
    assert!(Stance::ALL.iter().all(|&s| score.class(s).f1 > 0.5));
}
