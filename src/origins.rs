//! Origins: articles that are reprints of one story (a wire report run by
//! several outlets, a copy with another headline) share an origin, so that an
//! agreement counts independent origins, not reprints.
//!
//! Each article is a set of shingles (runs of [`SHINGLE_WORDS`] folded words);
//! a MinHash signature of [`SIGNATURE`] values estimates how much two sets
//! share. Articles whose signatures agree on a band of [`BAND`] values are
//! candidates, and a candidate estimated at [`SAME_ORIGIN`] or more joins the
//! band's first article: linear in the articles, deterministic.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::model::Source;
use crate::text::words_in;

pub const SHINGLE_WORDS: usize = 5;
pub const SIGNATURE: usize = 32;
pub const BAND: usize = 2;
/// The share of shingles two reprints have at least (estimated).
pub const SAME_ORIGIN: f64 = 0.5;

/// Each source's origin: the index of the first source of its group.
pub fn origins(sources: &[Source]) -> Vec<u32> {
    let signatures: Vec<Option<[u64; SIGNATURE]>> = sources.iter().map(|s| signature(&s.article)).collect();
    let mut parent: Vec<u32> = (0..sources.len() as u32).collect();
    let mut buckets: HashMap<(usize, u64), u32> = HashMap::new();
    for (i, signature) in signatures.iter().enumerate() {
        let Some(signature) = signature else { continue };
        for (band, values) in signature.chunks(BAND).enumerate() {
            let mut hasher = FxHasher::default();
            values.hash(&mut hasher);
            let first = *buckets.entry((band, hasher.finish())).or_insert(i as u32);
            if first != i as u32
                && let Some(other) = &signatures[first as usize]
                && similarity(signature, other) >= SAME_ORIGIN
            {
                union(&mut parent, first, i as u32);
            }
        }
    }
    (0..sources.len() as u32).map(|i| find(&mut parent, i)).collect()
}

/// The MinHash signature of an article's shingles; None when it has too few
/// words to have one.
fn signature(article: &str) -> Option<[u64; SIGNATURE]> {
    let words = words_in(article, 0..article.len());
    if words.len() < SHINGLE_WORDS {
        return None;
    }
    let mut signature = [u64::MAX; SIGNATURE];
    for start in 0..=words.len() - SHINGLE_WORDS {
        let mut hasher = FxHasher::default();
        (start..start + SHINGLE_WORDS).for_each(|w| words.key(w).hash(&mut hasher));
        let shingle = hasher.finish();
        for (i, min) in signature.iter_mut().enumerate() {
            *min = (*min).min(mix(shingle ^ SEEDS[i]));
        }
    }
    Some(signature)
}

/// The share of signature values two articles have in common.
fn similarity(a: &[u64; SIGNATURE], b: &[u64; SIGNATURE]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE as f64
}

/// One hash function per signature value: the shingle's hash with a seed of
/// its own, mixed (splitmix64's finaliser).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const SEEDS: [u64; SIGNATURE] = {
    let mut seeds = [0u64; SIGNATURE];
    let mut i = 0;
    while i < SIGNATURE {
        // The golden-ratio increments of splitmix64: distinct, well spread.
        seeds[i] = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        i += 1;
    }
    seeds
};

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        parent[x as usize] = parent[parent[x as usize] as usize];
        x = parent[x as usize];
    }
    x
}

/// Joins two groups under the smaller root, so that an origin is its first source.
fn union(parent: &mut [u32], a: u32, b: u32) {
    let (a, b) = (find(parent, a), find(parent, b));
    let (root, child) = (a.min(b), a.max(b));
    parent[child as usize] = root;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Basis;

    fn source(article: &str) -> Source {
        Source {
            id: String::new(),
            outlet: String::new(),
            outlet_ar: None,
            title: String::new(),
            published: None,
            language: "ar".into(),
            original_file: None,
            article: article.to_string(),
            annotated: false,
            outlet_basis: Basis::Fallback,
            title_basis: Basis::Fallback,
            rejections: Vec::new(),
        }
    }

    const STORY: &str = "قالت مصادر روسية إن القوات الروسية بدأت سحب معداتها من قاعدة حميميم الجوية \
        على الساحل السوري، وإن طائرات شحن عسكرية أقلعت من القاعدة متجهة إلى ليبيا خلال الأيام الماضية، \
        فيما أكد الكرملين أن المحادثات مع السلطات السورية الجديدة بشأن مستقبل القواعد ما زالت مستمرة.";

    #[test]
    fn a_reprint_with_another_headline_shares_the_origin_of_its_story() {
        let reprint = format!("عنوان آخر للخبر نفسه\n{STORY}");
        let other = "أعلنت وزارة الخارجية التركية أن وزير الخارجية سيزور العاصمة الأردنية الأسبوع المقبل \
            لبحث ملفات المنطقة مع نظيره، في جولة تشمل عدة دول عربية وتستمر ثلاثة أيام.";
        let sources = [source(STORY), source(other), source(&reprint), source("قصير جدا")];
        assert_eq!(origins(&sources), [0, 1, 0, 3]);
    }
}
