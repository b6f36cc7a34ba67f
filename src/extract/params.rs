//! The tunable parameters of the rules: how far each rule looks from the
//! trigger, in words, and what a rule that finds a role less directly costs
//! the claim's confidence.

use super::roles::Rule;

#[derive(Clone, Debug)]
pub struct Params {
    pub reach: Reach,
    pub cost: Costs,
}

/// How far the rules look, in words from the trigger's edge.
#[derive(Clone, Debug)]
pub struct Reach {
    /// A negation word before the trigger in its clause (`لن تنسحب`); the
    /// lexicon's `negation.reach` when it gives one.
    pub negation: usize,
    /// The first word of a subject after the trigger (`أخلت القوات الروسية`).
    pub subject_after: usize,
    /// An `expected_after` word after the trigger (`لقاء آخر قريب`).
    pub expected_after: usize,
    /// A modality verb before a trigger with ل, which is then its complement,
    /// not a purpose (`تستعد روسيا لسحب`).
    pub modality_complement: usize,
    /// The preposition after a verb heading for another event (`يتجه الجيش نحو الانسحاب`).
    pub heading_for: usize,
    /// A request or purpose cue before the trigger (`دعا … إلى الانسحاب`).
    pub unasserted: usize,
    /// Extent words on either side of the trigger, in its clause.
    pub extent: usize,
    /// An object outside the trigger's clause (with no other predicate between).
    pub object_outside_clause: usize,
    /// Words of a speaker's title between an attribution verb and the name (`قال المتحدث باسمه بيسكوف`).
    pub speaker_title: usize,
    /// The first word of a false report's event or topic after its noun
    /// (`التقارير المتعلقة بمستقبل مكتب حماس`).
    pub report_topic: usize,
    /// Sentences back to the claim a pair, an event noun or a story stands for (`المناقشة التي جرت`).
    pub told_before: usize,
    /// Sentences back to the toll whose place a toll naming none takes
    /// (`حصيلة ضحايا فيضانات درنة`, then paragraphs later `تسجيل 3252 قتيلا`).
    pub toll_told_before: usize,
}

/// What each rule takes off a claim's confidence, which is 1 less the costs
/// of the rules that found its subject and its object.
#[derive(Clone, Debug)]
pub struct Costs {
    pub after_trigger: f64,
    pub described_noun: f64,
    pub before_trigger: f64,
    /// Before the trigger, once the name after it turned out to be its object
    /// (`الكرملين منح الأسد اللجوء`).
    pub before_trigger_on_second_reading: f64,
    pub earlier_clause: f64,
    pub previous_claim: f64,
    pub speaker: f64,
    pub previous_sentence: f64,
    pub unnamed_agent: f64,
    pub earlier_toll: f64,
    pub direct_object: f64,
    pub marked_object: f64,
    pub relative_antecedent: f64,
    pub object_after: f64,
    pub object_before: f64,
    /// An event negated because a sentence calls the reports on its object
    /// false without naming it: the event is inferred, not read.
    pub report_topic: f64,
    /// An event told again by anaphora takes its parties from an earlier claim.
    pub told_again: f64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            reach: Reach {
                negation: 3,
                subject_after: 2,
                expected_after: 2,
                modality_complement: 2,
                heading_for: 3,
                unasserted: 4,
                extent: 4,
                object_outside_clause: 12,
                speaker_title: 3,
                report_topic: 6,
                told_before: 1,
                toll_told_before: 3,
            },
            cost: Costs {
                after_trigger: 0.0,
                described_noun: 0.05,
                before_trigger: 0.05,
                before_trigger_on_second_reading: 0.1,
                earlier_clause: 0.15,
                previous_claim: 0.15,
                speaker: 0.2,
                previous_sentence: 0.3,
                unnamed_agent: 0.1,
                earlier_toll: 0.2,
                direct_object: 0.0,
                marked_object: 0.0,
                relative_antecedent: 0.1,
                object_after: 0.1,
                object_before: 0.15,
                report_topic: 0.3,
                told_again: 0.3,
            },
        }
    }
}

impl Costs {
    pub fn of(&self, rule: Rule) -> f64 {
        match rule {
            Rule::AfterTrigger => self.after_trigger,
            Rule::DescribedNoun => self.described_noun,
            Rule::BeforeTrigger => self.before_trigger,
            Rule::BeforeTriggerOnSecondReading => self.before_trigger_on_second_reading,
            Rule::EarlierClause => self.earlier_clause,
            Rule::PreviousClaim => self.previous_claim,
            Rule::Speaker => self.speaker,
            Rule::PreviousSentence => self.previous_sentence,
            Rule::UnnamedAgent => self.unnamed_agent,
            Rule::EarlierToll => self.earlier_toll,
            Rule::DirectObject => self.direct_object,
            Rule::MarkedObject => self.marked_object,
            Rule::RelativeAntecedent => self.relative_antecedent,
            Rule::ObjectAfter => self.object_after,
            Rule::ObjectBefore => self.object_before,
        }
    }
}
