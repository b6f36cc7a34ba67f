//! Throughput of the Arabic time normaliser: `normalize` over a mixed list of
//! expressions, and `find_all` over running news text (the bundled articles,
//! repeated). Prints the median of several runs. `cargo bench --bench time`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use tanaqud::time::{Prefer, find_all, normalize, parse_anchor};

const RUNS: usize = 9;

const EXPRESSIONS: &[&str] = &[
    "الاثنين 23 كانون الأول 2024",
    "23 ديسمبر - 2024",
    "14.12.2017",
    "في 28 يناير",
    "الأسبوع الماضي",
    "يوم الجمعة الماضي",
    "هذا الشهر",
    "في الخامس عشر من أكتوبر",
    "الاثنين, 23 ديسمبر - 2024",
    "الاثنين 23 كانون الأول 2024 - 20:01",
    "الاربعاء 13/12/2017",
    "كانون الأول/ ديسمبر الحالي",
    "اليوم الإثنين",
    "ديسمبر2024",
    "أمس",
    "غدا",
    "الشهر الماضي",
    "العام الماضي",
    "قبل ثلاثة أيام",
    "منذ أسبوعين",
    "الخميس المقبل",
    "١٤ ديسمبر ٢٠٢٤",
    "15 رمضان 1445 هـ",
    "14-09-1432 هـ, 09:40 صباحاً",
    "منذ عام 2015",
    "يومي 21 و22 كانون الأول",
    "خلال اليومين الماضيين",
    "أواخر الشهر الجاري",
    "الساعة الثالثة مساءً",
    "6 يناير، 2015، الساعة 05:16 مساءً",
    "بين عامي 2015 و2020",
    "كلام لا تاريخ فيه",
];

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let anchor = parse_anchor("2024-12-23T20:01").expect("anchor");

    // normalize: expressions per second.
    let rounds = 20_000;
    let rates: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let mut found = 0usize;
            for _ in 0..rounds {
                for e in EXPRESSIONS {
                    found += normalize(black_box(e), anchor, Prefer::Past).is_some() as usize;
                }
            }
            black_box(found);
            (rounds * EXPRESSIONS.len()) as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    println!("normalize: {:.0} expressions/s (median of {RUNS})", median(rates));

    // find_all: megabytes of running text per second.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let mut articles = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("claims/")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for p in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        articles.push_str(&std::fs::read_to_string(p).expect("article"));
        articles.push('\n');
    }
    let text = articles.repeat((8 << 20) / articles.len().max(1) + 1);
    let mut matches = 0;
    let rates: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            matches = find_all(black_box(&text), anchor, Prefer::Past).len();
            text.len() as f64 / 1e6 / start.elapsed().as_secs_f64()
        })
        .collect();
    println!(
        "find_all: {:.1} MB/s over {:.1} MB, {matches} expressions (median of {RUNS})",
        median(rates),
        text.len() as f64 / 1e6
    );
}
