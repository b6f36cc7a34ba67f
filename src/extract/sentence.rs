//! The sentence driver: a sentence's words, phrases and names, then each
//! trigger in it in turn; a claim is kept unless the sentence or an earlier
//! one has made it already.

use std::ops::Range;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::context::{Context, Group, Trigger, entity_groups, is_predicate};
use super::denials::ReportDenial;
use super::index::{Mention, Sense};
use super::{Extracted, Extractor, Scratch};
use crate::count::CountWords;
use crate::model::Modality;
use crate::text::{clauses, fold, without_article, without_conjunction, words_into};
use crate::vocab::{EntityId, PredicateId};

/// What a text's sentences have found so far.
#[derive(Default)]
pub struct Found {
    pub claims: Vec<Extracted>,
    /// The subject of the last claim, for sentences whose subject is only a verb ending.
    pub discourse: Option<EntityId>,
    /// How many of `claims` come from the header: the lines before the first
    /// sentence ended by a full stop.
    pub header_end: usize,
    /// The surnames of the text's role holders named in apposition, with
    /// the role's owner (`المتحدث باسم الخارجية الإيرانية، إسماعيل بقائي،`:
    /// `بقائي` speaks for Iran).
    pub holders: FxHashMap<String, EntityId>,
    /// The sentences denying the reports on a topic they name without an event.
    pub denials: Vec<ReportDenial>,
    /// Where each sentence read so far begins (bytes): how far back a claim was told.
    pub sentence_starts: Vec<usize>,
}

impl Found {
    /// The sentence (its place among those read) holding byte `at`.
    pub fn sentence_of(&self, at: usize) -> usize {
        self.sentence_starts
            .partition_point(|&start| start <= at)
            .saturating_sub(1)
    }
}

/// Subjects of earlier claims, for a predicate whose own clause names none.
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    /// The last claim's in this sentence.
    pub in_sentence: Option<EntityId>,
    /// The last sentence's.
    pub sentence: Option<EntityId>,
    /// Where the groups this sentence's claims took as objects begin (a word
    /// index, the same whether open names are read or not): none is a later subject
    /// (`عرج على القاهرة وأنقرة حيث اجتمع`: the visitor met, not Ankara).
    pub objects: &'a [usize],
    /// [`Found::holders`].
    pub holders: &'a FxHashMap<String, EntityId>,
    /// The place of the last toll of the trigger's family, told in the
    /// last few sentences: a toll naming none is counted there.
    pub toll_place: Option<EntityId>,
}

/// What the triggers of the sentence have claimed so far.
struct InSentence {
    /// Where the sentence's claims start in [`Found::claims`].
    first: usize,
    /// Where the groups they took as objects begin (word indices).
    objects: Vec<usize>,
}

/// How a trigger names its event, which may be named again as known: in a
/// relative clause (`القوات التي انسحبت`) or as a definite noun (`الانسحاب الروسي`).
#[derive(Clone, Copy)]
struct Naming {
    in_relative_clause: bool,
    definite: bool,
}

/// A trigger's claims as one set of names reads them, each with the words
/// its object takes (none for an earlier toll's place).
struct TriggerReading {
    claims: Vec<(Extracted, Option<Range<usize>>)>,
    subject: EntityId,
    /// The subject is a name of the sentence other than its speaker, not an earlier claim's.
    subject_in_sentence: bool,
    /// That name is an adjective of relation (`الأمريكي`).
    subject_by_adjective: bool,
    /// An open name is the subject or an object of one of the claims.
    uses_open: bool,
    /// The first claim's: how directly its rules found its parts.
    confidence: f64,
    /// Words between the trigger and the first claim's object.
    object_distance: usize,
    naming: Naming,
}

/// The listed names' reading, unless an open name reads the trigger more
/// directly: a subject in the sentence rather than an earlier one's
/// (`التقى إيلون ماسك مع مندوب إيران`), or with the same subject and
/// confidence an object nearer the trigger (`تغلق مكتب حماس في الدوحة`: the
/// office, not the city). An open name never displaces a listed subject of
/// the sentence but an adjective of relation, which may describe the open
/// name (`الملياردير الأمريكي إيلون ماسك`, `أن ماسك اجتمع` after `منافذ
/// إعلامية أمريكية`: Musk met), and the speaker is no subject found in it
/// (`قال المتحدث باسمه بيسكوف إنه لا قرار`: the decision is not Peskov's).
/// With the same subject either way, the nearer object wins (`حصيلة ضحايا
/// فيضانات مدينة درنة في شرق ليبيا`: Derna's toll, not Libya's).
fn better_reading(listed: Option<TriggerReading>, open: Option<TriggerReading>) -> Option<TriggerReading> {
    let open = open.filter(|o| o.uses_open);
    let Some(listed) = listed else {
        return open;
    };
    let Some(open) = open else {
        return Some(listed);
    };
    let by_adjective = listed.subject_in_sentence && listed.subject_by_adjective;
    // The same subject either way (a toll's unnamed cause, too): the open
    // reading may still read the object more directly.
    let may_replace = if listed.subject_in_sentence && !by_adjective {
        open.subject == listed.subject
    } else {
        open.subject_in_sentence || open.subject == listed.subject
    };
    // As direct: a name for subject beats an adjective's.
    let nearer = open.object_distance < listed.object_distance || (by_adjective && !open.subject_by_adjective);
    let more_direct = open.confidence > listed.confidence || (open.confidence == listed.confidence && nearer);
    Some(if may_replace && more_direct { open } else { listed })
}

impl Extractor<'_> {
    /// Reads one sentence of `text` into `found`. `published` decides what a
    /// name shared by entities of different eras means.
    pub(super) fn sentence(
        &self,
        text: &str,
        sentence: Range<usize>,
        published: Option<NaiveDate>,
        scratch: &mut Scratch,
        found: &mut Found,
    ) {
        found.sentence_starts.push(sentence.start);
        words_into(text, sentence.clone(), &mut scratch.words);
        let words = &scratch.words;
        let mentions = self.index.mentions(words, &mut scratch.cache);
        // A trigger is read twice when the sentence has open names: with the
        // vocabulary's names alone and with the open names too; the open
        // reading is kept only when it reads the trigger more directly.
        let has_open = mentions.iter().any(|m| self.is_open_name(m));
        let mut groups = if has_open {
            let listed: Vec<Mention> = mentions.iter().filter(|m| !self.is_open_name(m)).cloned().collect();
            entity_groups(&listed)
        } else {
            entity_groups(&mentions)
        };
        let mut with_open = if has_open { entity_groups(&mentions) } else { Vec::new() };
        if let Some(date) = published {
            self.read_as_of(&mut groups, date);
            self.read_as_of(&mut with_open, date);
        }
        self.note_role_holders(text, words, &mentions, &groups, &mut found.holders);
        let tells_reports = mentions.iter().any(|m| m.sense == Sense::ReportNoun);
        let tells_again = mentions.iter().any(|m| m.sense == Sense::Occurred);
        if tells_reports || tells_again || mentions.iter().any(|m| self.is_trigger(m)) {
            let clause_ranges = clauses(text, sentence.clone());
            let clause_of: Vec<usize> = words
                .words
                .iter()
                .map(|w| clause_ranges.iter().position(|c| c.end > w.span.start).unwrap_or(0))
                .collect();
            let cx = Context {
                text,
                words,
                mentions: &mentions,
                groups: &groups,
                clause_of: &clause_of,
                clauses: &clause_ranges,
                questioned_from: questioned_from(text, &sentence, &mentions),
            };
            let mut claimed = InSentence {
                first: found.claims.len(),
                objects: Vec::new(),
            };
            let cx_open = Context {
                groups: &with_open,
                ..cx
            };
            let (mut read, mut unread) = (Vec::new(), Vec::new());
            for (at, mention) in mentions.iter().enumerate() {
                let listed = self.read_trigger(&cx, at, found, &claimed);
                let open = if has_open {
                    self.read_trigger(&cx_open, at, found, &claimed)
                } else {
                    None
                };
                if let Some(reading) = better_reading(listed, open) {
                    read.push(mention.words.clone());
                    self.keep_reading(text, reading, found, &mut claimed);
                } else {
                    unread.push(at);
                }
            }
            // Events told again by anaphora, once the names have read what they can.
            for at in unread {
                if let Some(claim) = self.told_again(if has_open { &cx_open } else { &cx }, at, &read, found) {
                    keep(text, claim, found, &mut claimed.first);
                }
            }
            if tells_reports {
                self.note_report_denials(
                    if has_open { &cx_open } else { &cx },
                    &found.holders,
                    &mut found.denials,
                );
            }
            if let Some(last) = found.claims[claimed.first..].last() {
                found.discourse = Some(last.subject);
                return;
            }
        }
        if let Some(agent) = self.first_agent(&groups) {
            found.discourse = Some(agent);
        }
    }

    /// A name shared by entities of different eras (`الحكومة السورية`) means
    /// the one whose era holds `date`, when one does.
    fn read_as_of(&self, groups: &mut [Group], date: NaiveDate) {
        for group in groups.iter_mut().filter(|g| g.entities.len() > 1) {
            if group.entities.iter().any(|&e| self.vocabulary.in_era(e, date)) {
                group.entities.retain(|&e| self.vocabulary.in_era(e, date));
            }
        }
    }

    /// The sentence's first agent outside a prepositional prefix: the subject
    /// a later sentence's bare verb may share.
    fn first_agent(&self, groups: &[Group]) -> Option<EntityId> {
        groups
            .iter()
            .find(|g| !g.prefixed)
            .and_then(|g| self.pick(g, |r| r.agent, true))
    }

    fn is_open_name(&self, m: &Mention) -> bool {
        matches!(m.sense, Sense::Entity(e) if self.open[e.0 as usize])
    }

    fn is_trigger(&self, m: &Mention) -> bool {
        matches!(m.sense, Sense::Predicate(_))
            || (m.sense == Sense::Modality(Modality::Undecided) && self.undecided_about.is_some())
    }

    /// The predicate the mention at `at` claims: its own, or for an
    /// undecision with no predicate of its own after it in its clause, the
    /// lexicon's `undecided_about`.
    fn predicate_of(&self, cx: &Context, at: usize) -> Option<PredicateId> {
        let mention = &cx.mentions[at];
        match (mention.sense, self.undecided_about) {
            (Sense::Predicate(predicate), _) => Some(predicate),
            (Sense::Modality(Modality::Undecided), Some(about))
                if !cx.mentions[at..].iter().any(|m| {
                    is_predicate(m.sense) && cx.clause_of[m.words.start] == cx.clause_of[mention.words.start]
                }) =>
            {
                Some(about)
            }
            _ => None,
        }
    }

    /// The claims of the mention at `at`, when it is a trigger whose roles
    /// the sentence gives (the claims may still repeat earlier ones).
    fn read_trigger(&self, cx: &Context, at: usize, found: &Found, claimed: &InSentence) -> Option<TriggerReading> {
        let predicate = self.predicate_of(cx, at)?;
        let mention = &cx.mentions[at];
        let trigger = Trigger::of(cx, at, predicate);
        if self.makes_no_claim(cx, &trigger) {
            return None;
        }
        let previous = Previous {
            in_sentence: found.claims[claimed.first..].last().map(|c| c.subject),
            sentence: found.discourse,
            objects: &claimed.objects,
            holders: &found.holders,
            toll_place: self.toll_place(cx.text, found, predicate, cx.words.bytes(mention.words.clone()).start),
        };
        let found_claims = self.claims(cx, &trigger, previous);
        let names_open = |claim: &Extracted| self.open[claim.subject.0 as usize] || self.open[claim.object.0 as usize];
        let uses_open = found_claims.claims.iter().any(|(claim, _)| names_open(claim));
        let claims: Vec<(Extracted, Option<Range<usize>>)> = found_claims
            .claims
            .into_iter()
            .map(|(claim, group)| (claim, group.map(|g| cx.groups[g].words.clone())))
            .collect();
        let (first, object) = claims.first()?;
        let trigger_words = &mention.words;
        let object_distance = match object {
            Some(object) if object.start >= trigger_words.end => object.start - trigger_words.end,
            Some(object) => trigger_words.start.saturating_sub(object.end),
            None => usize::MAX,
        };
        Some(TriggerReading {
            subject: first.subject,
            subject_in_sentence: found_claims.subject_in_sentence,
            subject_by_adjective: found_claims.subject_by_adjective,
            uses_open,
            confidence: first.confidence,
            object_distance,
            naming: naming(cx, &trigger),
            claims,
        })
    }

    /// The place of the last toll of `predicate`'s family before byte `at`,
    /// told at most [`Reach::toll_told_before`](super::params::Reach)
    /// sentences back, when that toll totals its event (`حصيلة ضحايا`,
    /// `عدد القتلى`): a later figure is the same toll's by another count.
    /// After a toll of one incident (`قتل 5 في غارة`), a toll naming no
    /// place is as often another incident's.
    fn toll_place(&self, text: &str, found: &Found, predicate: PredicateId, at: usize) -> Option<EntityId> {
        let family = self.vocabulary.predicate_info(predicate).family;
        let now = found.sentence_of(at);
        let totals = |c: &Extracted| {
            text[c.trigger.clone()]
                .split_whitespace()
                .next()
                .is_some_and(|word| CountWords::bundled().is_tally(&fold(word)))
        };
        found
            .claims
            .iter()
            .rev()
            .take_while(|c| now.saturating_sub(found.sentence_of(c.span.start)) <= self.params.reach.toll_told_before)
            .find(|c| c.count.is_some() && self.vocabulary.predicate_info(c.predicate).family == family)
            .filter(|c| totals(c))
            .map(|c| c.object)
    }

    /// Adds a reading's claims to `found`, but not an event named again.
    fn keep_reading(&self, text: &str, reading: TriggerReading, found: &mut Found, claimed: &mut InSentence) {
        for (claim, object) in reading.claims {
            if self.named_again(found, claimed.first, &claim, reading.naming) {
                continue;
            }
            claimed.objects.extend(object.map(|words| words.start));
            keep(text, claim, found, &mut claimed.first);
        }
    }

    /// `الانسحاب الروسي من القامشلي`, `القوات التي انسحبت`: the event of an
    /// earlier sentence's claim named again as known, not claimed anew. A
    /// definite noun with a modality of its own (`يبدو أن الانسحاب … قد
    /// بدأ`) says something new. A headline is no discourse yet: the body
    /// tells its event anew.
    fn named_again(&self, found: &Found, first_in_sentence: usize, claim: &Extracted, naming: Naming) -> bool {
        let actor = |e| self.vocabulary.actor(e);
        found.claims[found.header_end..first_in_sentence].iter().any(|c| {
            (actor(c.subject), c.predicate, c.object, c.polarity)
                == (actor(claim.subject), claim.predicate, claim.object, claim.polarity)
                && (naming.in_relative_clause || (naming.definite && c.modality == claim.modality))
        })
    }
}

/// Where the question of a sentence ending in `؟` begins, if it asks one:
/// `لماذا الانسحاب؟` takes the withdrawal as given; `انسحاب روسيا: تكتيك أم
/// تغيير؟` asks about what follows the colon, not the topic before it.
fn questioned_from(text: &str, sentence: &Range<usize>, mentions: &[Mention]) -> Option<usize> {
    let sentence_text = text[sentence.clone()].trim_end_matches(['»', '”', '"', ')', ' ', '.']);
    (sentence_text.ends_with(['؟', '?']) && !mentions.iter().any(|m| m.sense == Sense::PresupposingQuestion))
        .then(|| sentence.start + sentence_text.rfind(':').map_or(0, |colon| colon + 1))
}

fn naming(cx: &Context, trigger: &Trigger) -> Naming {
    let words = &trigger.mention.words;
    Naming {
        in_relative_clause: cx.mentions[..trigger.at]
            .iter()
            .any(|m| m.sense == Sense::RelativePronoun && m.words.end == words.start),
        // A participle describing the noun before it (`القوات المتواجدة في`) is said anew.
        definite: without_article(without_conjunction(cx.words.key(words.start))).is_some()
            && cx.described_noun(trigger.mention).is_none(),
    }
}

/// Adds `claim` unless it repeats one: within the sentence, one claim per
/// tuple; across sentences, a restatement in the same words (a headline
/// printed twice). A headline the body repeats in its words gives way to
/// the body's sentence, the better evidence.
fn keep(text: &str, claim: Extracted, found: &mut Found, first_in_sentence: &mut usize) {
    let repeated = found.claims.iter().enumerate().find(|(k, c)| {
        let same = (c.subject, c.predicate, c.object, c.polarity)
            == (claim.subject, claim.predicate, claim.object, claim.polarity);
        same && (*k >= *first_in_sentence || {
            let (earlier, this) = (&text[c.span.clone()], &text[claim.span.clone()]);
            c.modality == claim.modality && (earlier.contains(this) || this.contains(earlier))
        })
    });
    match repeated {
        None => found.claims.push(claim),
        Some((k, _)) if k < found.header_end && *first_in_sentence >= found.header_end => {
            found.claims.remove(k);
            found.header_end -= 1;
            *first_in_sentence -= 1;
            found.claims.push(claim);
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;
    use chrono::NaiveDate;

    #[test]
    fn undecided_without_a_predicate_of_its_own() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["الكرملين"]},
              {"id": "kremlin", "kind": "organisation", "aliases": ["الكرملين"], "counts_as": "russia"},
              {"id": "russian-bases-syria", "kind": "facility", "aliases": ["القواعد العسكرية"]}
            "#,
            r#"
              {"id": "keep-presence", "aliases": [],
                 "object_kinds": ["place", "facility"], "object_markers": ["في", "ب", "على"]}
            "#,
            r#"
              "modality": {"undecided": ["لم يتخذ"], "undecided_about": "keep-presence"},
              "attribution": {"verbs": ["قال"]},
              "prepositions": ["بشأن"],
              "scope_prepositions": ["بشأن"],
              "complementizers": ["أن", "أنه"]
            "#,
        );
        assert_eq!(
            grammar.claims("وقال الكرملين إنه لم يتخذ قرارا بشأن القواعد العسكرية بعد."),
            ["russia keep-presence russian-bases-syria affirmed undecided kremlin unspecified"]
        );
    }

    #[test]
    fn an_event_named_again_as_known_is_not_claimed_again() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "الروس"], "adjectives": ["الروسي"]},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "hmeimim", "kind": "facility", "aliases": ["حميميم"]},
              {"id": "qamishli", "kind": "place", "aliases": ["القامشلي", "مطار القامشلي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "انسحاب", "الانسحاب", "انسحبت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "deploy-to", "aliases": ["تتجه"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "الى", "نحو", "باتجاه", "صوب", "في"]}
            "#,
            r#"
              "modality": {"expected": ["من المتوقع"], "hedged": ["يبدو"]},
              "extent": {"partial": ["بدأ"]},
              "prepositions": ["من", "إلى"],
              "scope_prepositions": ["من"],
              "relative_pronouns": ["التي"],
              "complementizers": ["أن"]
            "#,
        );
        let text = "انسحبت روسيا من مطار القامشلي. وجاء الانسحاب الروسي من القامشلي بعد أيام. \
                    ومن المتوقع أن تتجه القوات الروسية التي انسحبت من القامشلي إلى حميميم. \
                    ويبدو أن الانسحاب الروسي من القامشلي بدأ قبل أسبوع.";
        assert_eq!(
            grammar.claims(text),
            [
                "russia withdraw qamishli affirmed asserted outlet unspecified",
                "russian-forces deploy-to hmeimim affirmed expected outlet unspecified",
                "russia withdraw qamishli affirmed hedged outlet partial"
            ]
        );
    }

    #[test]
    fn a_headline_printed_twice_gives_one_claim() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "tartus", "kind": "facility", "aliases": ["طرطوس"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "تنسحب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]}
            "#,
            r#"
              "negation": {"before": ["لن"]},
              "modality": {"question": ["هل"]},
              "attribution": {"verbs": ["قال", "قالت"]},
              "prepositions": ["من"],
              "scope_prepositions": ["من"],
              "complementizers": ["أن"]
            "#,
        );
        let text = "هل تنسحب روسيا من طرطوس؟\n\nهل تنسحب روسيا من طرطوس؟\n\nقالت مصادر إن روسيا لن تنسحب من طرطوس.";
        assert_eq!(
            grammar.claims(text),
            [
                "russia withdraw tartus affirmed question outlet unspecified",
                "russia withdraw tartus negated asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn why_questions_and_headline_topics_take_the_event_as_given() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "hmeimim", "kind": "facility", "aliases": ["قاعدة حميميم"]},
              {"id": "tartus", "kind": "facility", "aliases": ["طرطوس"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "انسحاب", "الانسحاب", "انسحبت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]}
            "#,
            r#"
              "modality": {"question": ["هل", "ماذا"], "presupposing_question": ["لماذا"]},
              "prepositions": ["من"],
              "scope_prepositions": ["من"]
            "#,
        );
        assert_eq!(
            grammar.claims("لماذا انسحبت روسيا من قاعدة حميميم؟"),
            ["russia withdraw hmeimim affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("هل انسحبت روسيا من قاعدة حميميم؟"),
            ["russia withdraw hmeimim affirmed question outlet unspecified"]
        );
        // The question is after the colon; the topic before it is not asked about.
        assert_eq!(
            grammar.claims("انسحاب روسيا من طرطوس: نهاية مرحلة أم بداية أخرى؟"),
            ["russia withdraw tartus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_name_two_eras_share_means_the_entity_of_the_publication_day() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": []},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "assad-government", "kind": "government", "aliases": ["الحكومة السورية"], "until": "2024-12-08"},
              {"id": "syrian-new-authorities", "kind": "government", "aliases": ["الحكومة السورية"], "from": "2024-12-08"},
              {"id": "qamishli", "kind": "place", "aliases": ["القامشلي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["مغادرة"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "ask-to-withdraw", "aliases": ["طلب … مغادرة"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من"]}
            "#,
            r#""prepositions": ["من"], "scope_prepositions": ["من"], "unasserted": ["طلب", "طلبت"]"#,
        );
        let (vocabulary, extractor) = (&grammar.vocabulary, grammar.extractor());
        let text = "وطلبت الحكومة السورية من القوات الروسية مغادرة القامشلي.";
        let subject = |year| {
            let found = extractor.extract(text, NaiveDate::from_ymd_opt(year, 6, 1));
            vocabulary.entity_info(found[0].subject).id.clone()
        };
        assert_eq!(subject(2019), "assad-government");
        assert_eq!(subject(2026), "syrian-new-authorities");
    }
}
