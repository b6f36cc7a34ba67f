//! The count a claim states: for a predicate that counts (vocabulary
//! `counted`), the count nearest its trigger in its clause whose noun fits
//! it (`قتل 210 أشخاص`، `ارتفاع عدد الشهداء إلى 274 شهيدا`); failing one, in
//! a clause up to [`CLAUSES_AWAY`] away with no other predicate between (`إن
//! 210 أشخاص، على الأقل، قتلوا`). A wounded
//! count is no death toll, and a count of two events told together (`مقتل
//! وإصابة 300 شخص`) is neither's.

use super::Extractor;
use super::context::{Context, Trigger, is_predicate};
use super::index::Sense;
use crate::count::{Count, CountWords, Reading};
use crate::text::starts_with_and;
use crate::vocab::PredicateId;

/// How many clauses away from its trigger a count may be, with no predicate between.
const CLAUSES_AWAY: usize = 2;

impl Extractor<'_> {
    pub(super) fn count(&self, cx: &Context, trigger: &Trigger) -> Option<Count> {
        let classes = self.vocabulary.predicate_info(trigger.predicate).counted.as_ref()?;
        if self.told_with_another_count(cx, trigger) {
            return None;
        }
        let at = cx.words.bytes(trigger.mention.words.clone());
        let other_triggers: Vec<std::ops::Range<usize>> = cx
            .mentions
            .iter()
            .filter(|m| matches!(m.sense, Sense::Predicate(p) if p != trigger.predicate && self.counts(p)))
            .map(|m| cx.words.bytes(m.words.clone()))
            .collect();
        let fits = |reading: &Reading| {
            let class_fits = match &reading.count.counted {
                Some(class) if !classes.is_empty() => classes.contains(class),
                _ => true,
            };
            // Past another counting trigger the count is that one's (`قتل 3 وجرح 10`).
            let (from, to) = if reading.number.start >= at.end {
                (at.end, reading.number.start)
            } else {
                (reading.number.end, at.start)
            };
            class_fits && !other_triggers.iter().any(|t| t.start >= from && t.end <= to)
        };
        let clause_of = |reading: &Reading| {
            let word = cx.words.words.partition_point(|w| w.span.end <= reading.number.start);
            cx.clause_of.get(word).copied().unwrap_or(trigger.clause)
        };
        // Another clause is near when no predicate is told in it or between.
        let near = |clause: usize| {
            let (low, high) = (clause.min(trigger.clause), clause.max(trigger.clause));
            clause == trigger.clause
                || (high - low <= CLAUSES_AWAY
                    && !cx.mentions.iter().any(|m| {
                        let c = cx.clause_of[m.words.start];
                        is_predicate(m.sense) && c != trigger.clause && (low..=high).contains(&c)
                    }))
        };
        // The nearest, in its clause first; after the trigger when two are as near.
        let distance = |reading: &Reading| {
            let clauses = clause_of(reading).abs_diff(trigger.clause);
            if reading.number.start >= at.end {
                (clauses, reading.number.start - at.end, 0)
            } else {
                (clauses, at.start.saturating_sub(reading.number.end), 1)
            }
        };
        let sentence = cx.words.bytes(0..cx.words.len());
        CountWords::bundled()
            .read_counts(cx.text, sentence)
            .into_iter()
            .filter(|r| !(r.number.start < at.end && r.number.end > at.start) && near(clause_of(r)) && fits(r))
            .min_by_key(distance)
            .map(|r| r.count)
    }

    pub(super) fn counts(&self, predicate: PredicateId) -> bool {
        self.vocabulary.predicate_info(predicate).counted.is_some()
    }

    /// The trigger and another predicate that counts joined by `و` (`مقتل
    /// وإصابة`): the count after them is of both together.
    fn told_with_another_count(&self, cx: &Context, trigger: &Trigger) -> bool {
        let words = &trigger.mention.words;
        cx.mentions.iter().any(|m| {
            let Sense::Predicate(p) = m.sense else {
                return false;
            };
            let joined = (m.words.start == words.end && starts_with_and(cx.words.key(m.words.start)))
                || (m.words.end == words.start && starts_with_and(cx.words.key(words.start)));
            p != trigger.predicate && joined && self.counts(p)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;

    fn casualties() -> Grammar {
        Grammar::new(
            r#"
              {"id": "israeli-army", "kind": "armed-force", "aliases": ["الجيش الإسرائيلي"]},
              {"id": "nuseirat", "kind": "place", "aliases": ["النصيرات"]},
              {"id": "maduro", "kind": "person", "aliases": ["مادورو"]},
              {"id": "health-ministry", "kind": "organisation", "aliases": ["وزارة الصحة"]},
              {"id": "no-one-named", "kind": "unnamed-agent", "aliases": []},
              {"id": "election", "kind": "event", "aliases": ["الانتخابات"]}
            "#,
            r#"
              {"id": "kill", "family": "casualties", "aliases": ["قتل", "مقتل", "استشهد", "حصيلة الشهداء"], "counted": ["dead", "people"],
                 "object_kinds": ["place"], "object_markers": ["في"]},
              {"id": "wound", "family": "casualties", "aliases": ["أصاب", "إصابة", "جرح"], "counted": ["wounded", "people"],
                 "object_kinds": ["place"], "object_markers": ["في"]},
              {"id": "win", "family": "election", "aliases": ["فاز"], "counted": ["votes"],
                 "object_kinds": ["event"], "object_markers": ["في", "ب"]},
              {"id": "attack", "family": "attack", "aliases": ["هاجم"], "object_kinds": ["place"]}
            "#,
            r#""prepositions": ["في", "من", "على"], "scope_prepositions": ["في"],
                "attribution": {"verbs": ["أعلن", "أعلنت", "قال"]}"#,
        )
    }

    #[test]
    fn a_counting_predicate_takes_the_nearest_count_of_its_clause() {
        let grammar = casualties();
        assert_eq!(
            grammar.counts("قتل الجيش الإسرائيلي 210 أشخاص في النصيرات."),
            ["kill nuseirat 210 people"]
        );
        assert_eq!(
            grammar.counts("أعلن الجيش الإسرائيلي مقتل أكثر من 80 شخص في النصيرات."),
            ["kill nuseirat more than 80 people"]
        );
        assert_eq!(
            grammar.counts("قتل الجيش الإسرائيلي في النصيرات ما لا يقل عن 200 فلسطيني."),
            ["kill nuseirat at least 200 people"]
        );
        assert_eq!(
            grammar.counts("قال الجيش الإسرائيلي إن لديه علما بمقتل أقل من 100 في النصيرات."),
            ["kill nuseirat fewer than 100 -"]
        );
        // A measure is no toll: `أربعة عقود` counts decades.
        assert_eq!(
            grammar.counts("قتل الجيش الإسرائيلي مدنيين في النصيرات بعد أربعة عقود من الحرب."),
            ["kill nuseirat no-count"]
        );
        // A predicate that counts nothing takes no count.
        assert_eq!(
            grammar.counts("هاجم الجيش الإسرائيلي النصيرات بـ 40 غارة."),
            ["attack nuseirat no-count"]
        );
    }

    #[test]
    fn a_toll_told_without_its_cause_is_the_unnamed_agents() {
        let grammar = casualties();
        let subjects = |text: &str| -> Vec<String> {
            grammar
                .claims(text)
                .iter()
                .map(|c| c.split(' ').next().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            subjects("وارتفعت حصيلة الشهداء في النصيرات إلى 274 شهيدا."),
            ["no-one-named"]
        );
        // The counted are the dead, not who killed them.
        assert_eq!(subjects("واستشهد 30 فلسطينيا في النصيرات."), ["no-one-named"]);
        // Nor is the voice telling the toll its cause.
        assert_eq!(
            subjects("وأعلنت وزارة الصحة مقتل 20 شخصا في النصيرات."),
            ["no-one-named"]
        );
        // A cause that is named stays.
        assert_eq!(
            subjects("قتل الجيش الإسرائيلي 50 فلسطينيا في النصيرات."),
            ["israeli-army"]
        );
        // A vote count is no toll: without a candidate it is no claim.
        assert!(
            grammar
                .claims("وبلغت نسبة المشاركة في الانتخابات 59% من الأصوات.")
                .is_empty()
        );
        // Without a count, a killing with no one named is no claim.
        assert!(grammar.claims("وقتل مدنيون في النصيرات.").is_empty());
    }

    #[test]
    fn a_toll_counts_the_place_its_construct_ends_with_and_may_name_its_voice_after() {
        let grammar = Grammar::new(
            r#"
              {"id": "tanta", "kind": "place", "aliases": ["طنطا"]},
              {"id": "egypt", "kind": "state", "aliases": ["مصر"]},
              {"id": "un", "kind": "organisation", "aliases": ["الأمم المتحدة"]},
              {"id": "no-one-named", "kind": "unnamed-agent", "aliases": []}
            "#,
            r#"{"id": "kill", "aliases": ["حصيلة ضحايا"], "counted": ["dead", "people"], "object_kinds": ["place", "state"]}"#,
            r#""prepositions": ["في", "إلى"], "scope_prepositions": ["في"],
                "attribution": {"verbs": ["أعلنت"], "prepositions": ["وفق ما"]}"#,
        );
        // `سيول مدينة طنطا`: the floods of Tanta, not the north of Egypt.
        assert_eq!(
            grammar.claims("ارتفعت حصيلة ضحايا سيول مدينة طنطا في شمال مصر إلى 300 قتيل."),
            ["no-one-named kill tanta affirmed asserted outlet unspecified"]
        );
        // A voice named after the toll, with no other predicate between, is its speaker.
        assert_eq!(
            grammar.claims("ارتفعت حصيلة ضحايا سيول طنطا إلى 300 قتيل، وفق ما أعلنت الأمم المتحدة، السبت، في تحديث."),
            ["no-one-named kill tanta affirmed asserted un unspecified"]
        );
    }

    #[test]
    fn a_toll_naming_no_place_is_the_last_tolls_place() {
        let grammar = casualties();
        let text = |between: &str| {
            format!("وارتفعت حصيلة الشهداء في النصيرات إلى 274 شهيدا. {between}وأعلنت وزارة الصحة مقتل 300 شخص.")
        };
        assert_eq!(
            grammar.counts(&text("")),
            ["kill nuseirat 274 dead", "kill nuseirat 300 people"]
        );
        // Only a toll told in the last few sentences, and only a toll's.
        let far = text("الطقس حار. الطقس بارد. الطقس معتدل. ");
        assert_eq!(grammar.counts(&far), ["kill nuseirat 274 dead"]);
        let no_toll = "هاجم الجيش الإسرائيلي النصيرات. وأعلنت وزارة الصحة مقتل 300 شخص.";
        assert_eq!(grammar.counts(no_toll), ["attack nuseirat no-count"]);
        // A toll of one incident is no total: the next may be another's.
        let incident = "قتل الجيش الإسرائيلي 50 فلسطينيا في النصيرات. وأعلنت وزارة الصحة مقتل 300 شخص.";
        assert_eq!(grammar.counts(incident), ["kill nuseirat 50 people"]);
        // Nor without a count of its own.
        let uncounted = "وارتفعت حصيلة الشهداء في النصيرات إلى 274 شهيدا. وأعلنت وزارة الصحة مقتل مدنيين.";
        assert_eq!(grammar.counts(uncounted), ["kill nuseirat 274 dead"]);
    }

    #[test]
    fn the_dead_and_the_wounded_are_counted_apart() {
        let grammar = casualties();
        assert_eq!(
            grammar.counts("قتل الجيش الإسرائيلي 274 شهيدا في النصيرات وجرح 698 آخرين في النصيرات."),
            ["kill nuseirat 274 dead", "wound nuseirat 698 -"]
        );
        // Told together, the dead and the wounded share the place named after both.
        assert_eq!(
            grammar.counts("قتل 8 أشخاص وجرح 16 آخرين في النصيرات."),
            ["kill nuseirat 8 people", "wound nuseirat 16 -"]
        );
        // A count of the wounded is no death toll.
        assert_eq!(
            grammar.counts("قتل الجيش الإسرائيلي في النصيرات العشرات وخلف 700 جريح."),
            ["kill nuseirat no-count"]
        );
        // Killed and wounded told together: the count is of both, neither's alone.
        let together = grammar.counts("أعلن الجيش الإسرائيلي مقتل وإصابة 300 شخص في النصيرات.");
        assert!(!together.is_empty());
        assert!(together.iter().all(|c| c.ends_with("no-count")), "{together:?}");
        assert_eq!(
            grammar.counts("قتل الجيش الإسرائيلي في النصيرات 500 قتيل وجريح."),
            ["kill nuseirat no-count"]
        );
    }

    #[test]
    fn a_vote_share_is_a_count_of_a_share() {
        let grammar = casualties();
        assert_eq!(
            grammar.counts("فاز مادورو في الانتخابات بنسبة 51.2% من الأصوات."),
            ["win election 51.2% votes"]
        );
        assert_eq!(
            grammar.counts("فاز مادورو في الانتخابات بعد فرز 80 في المائة من الأصوات."),
            ["win election 80% votes"]
        );
        // A date is no count.
        assert_eq!(
            grammar.counts("فاز مادورو في الانتخابات في 28 يوليو."),
            ["win election no-count"]
        );
    }

    #[test]
    fn the_claim_quotes_its_count() {
        let grammar = casualties();
        let text = "وقال إن 210 أشخاص، على الأقل، قتلهم الجيش الإسرائيلي في النصيرات.";
        let claims = grammar.extractor().extract(text, None);
        let count = claims[0].count.as_ref().expect("a count");
        assert_eq!(&text[count.span.clone().unwrap()], "210 أشخاص، على الأقل");
        assert!(claims[0].span.start <= count.span.clone().unwrap().start);
        // Past a clause that tells another event, a count is not this one's.
        assert_eq!(
            grammar.counts("جرح 40 شخصا، ثم قتل الجيش الإسرائيلي مدنيين في النصيرات."),
            ["kill nuseirat no-count"]
        );
    }
}
