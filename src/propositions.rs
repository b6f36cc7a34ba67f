//! Propositions stage: claims are grouped into propositions — one actor (the
//! subject after `counts_as`), one predicate family, one scope — and each
//! proposition, or a whole and one of its parts, gets verdicts: disputed,
//! conflict, tension, agreement, update, or not comparable. The rules are in
//! `claims/README.md` ("How claims are compared").
//!
//! The cost follows the claims, not their pairs: a proposition's claims are
//! split by stance, and only the strongest claims of each side (at most
//! [`CANDIDATES`]) are paired to find the evidence, of which at most
//! [`EVIDENCE`] pairs, one per pair of sources, are kept per verdict.

use std::collections::{HashMap, HashSet};

use chrono::Datelike;

use crate::count::CountWords;
use crate::model::{
    Amount, Attribution, Claim, ConflictType, Corpus, Count, Extent, Modality, Polarity, Proposition, Rule, TimeBasis,
    Verdict, VerdictKind,
};
use crate::vocab::{Direction, EntityId, FamilyId, PredicateId, ScopeRelation};

/// Claims of one side of a verdict that are paired to find its evidence, the
/// most confident first.
pub const CANDIDATES: usize = 128;

/// Pairs of claims kept as the evidence of one verdict.
pub const EVIDENCE: usize = 5;

/// One claim as the comparison reads it.
#[derive(Clone, Copy, Debug)]
struct Position {
    claim: u32,
    source: u32,
    /// The article's origin: reprints of one story share it.
    origin: u32,
    direction: Direction,
    modality: Modality,
    extent: Extent,
    predicate: PredicateId,
    /// Said by the actor itself (the Kremlin for Russia).
    own_word: bool,
    /// The speaker: the outlet (None) or an entity.
    speaker: Option<EntityId>,
    /// The actor the speaker counts as (the Kremlin and Ushakov: Russia).
    speaker_actor: Option<EntityId>,
    /// The speaker is of the unnamed-voice kind (unnamed officials, reports,
    /// a source, imagery): it may be the outlet's own reporting retold.
    unnamed: bool,
    /// The named speaker whose claim of the same article, with the same
    /// stance, an outlet's own claim restates: the headline over Ushakov's
    /// words is Ushakov's report, not a second origin.
    relays: Option<(EntityId, EntityId)>,
    /// Inclusive day numbers; an open end is the publication day.
    days: Option<(i32, i32)>,
    /// A state claimed since a start (`منذ عام 2015`), open-ended.
    since: bool,
    /// An affirmed claim of another's deed dated only by when it is told:
    /// against a denial it reaches [`DENIED_DAYS`] back.
    tells_the_past: bool,
    /// A negated claim: a denial, which an earlier or later report may answer.
    negated: bool,
    confidence: f64,
    /// The folded quote's hash: the same words quoted twice are one origin.
    quote: u64,
    count: Option<CountSide>,
    /// It stands in its article's first line (a headline): of two pairs as
    /// strong, the one quoting the body is kept.
    headline: bool,
    /// The publication day of its article.
    published: Option<i32>,
    /// Its evidence in the article (bytes).
    span: (u32, u32),
}

/// A claim's count as the comparison reads it.
#[derive(Clone, Copy, Debug)]
struct CountSide {
    amount: Amount,
    /// What its predicate counts (the hash of its `counted` classes): a
    /// count of the wounded is never set against a death toll.
    counts: u64,
    /// The hash of its noun's class; 0 for none or a generic one (`شخصا`).
    class: u64,
    /// A toll: it only rises as time goes.
    rises: bool,
}

impl CountSide {
    fn compares(&self, other: &CountSide) -> bool {
        self.counts == other.counts && (self.class == other.class || self.class == 0 || other.class == 0)
    }
}

/// How far back, in days, an undated denial reaches: the reports it answers
/// are of the weeks before it.
const DENIED_DAYS: i32 = 30;

/// The longest time, in days, a count is dated to for a conflict: a week. A
/// count of a month or a year (`في ديسمبر`) may total several events.
pub const EVENT_DAYS: i32 = 7;

/// The most days between two tolls of one place for the later to be the
/// first's event told again (`210 قتلى` on Saturday, `أقل من 100` on Sunday);
/// further apart, they are tolls of other events.
const TOLL_TOLD_AGAIN_DAYS: i32 = 2;

/// How many days before its article a toll dated only by the article may
/// have been announced.
const ANNOUNCED_BEFORE_DAYS: i32 = 1;

/// What two counts of one event that no number satisfies both say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Numeric {
    /// At the same time, or a toll that fell: they cannot both hold.
    Conflict,
    /// A later toll above an earlier one.
    Rising,
    /// Counts of different periods.
    OtherPeriods,
}

impl Position {
    fn committed(&self) -> bool {
        self.modality.asserts()
    }

    fn overlaps(&self, other: &Position) -> Option<bool> {
        let ((a_start, a_end), (b_start, b_end)) = (self.days?, other.days?);
        Some(a_start <= b_end && b_start <= a_end)
    }

    /// [`Position::overlaps`] for opposite stances: a state claimed since a
    /// start is not the same proposition as an event of a later period, which
    /// updates it rather than contradicting it.
    fn meets(&self, other: &Position) -> Option<bool> {
        let ((a_start, _), (b_start, _)) = (self.days?, other.days?);
        let later_event =
            (self.since && !other.since && b_start > a_start) || (other.since && !self.since && a_start > b_start);
        let ((a_from, a_end), (b_from, b_end)) = (self.days_against(other)?, other.days_against(self)?);
        Some(!later_event && a_from <= b_end && b_from <= a_end)
    }

    /// Its days against `other`: an affirmed report of the past reaches
    /// [`DENIED_DAYS`] back against a denial (the event the denial answered),
    /// not against another affirmed stance (a state told on its own day).
    fn days_against(&self, other: &Position) -> Option<(i32, i32)> {
        let (start, end) = self.days?;
        Some(if self.tells_the_past && other.negated {
            (start.min(end - DENIED_DAYS), end)
        } else {
            (start, end)
        })
    }

    /// Whether the two say anything to each other as sources: two sources,
    /// or one source in one voice in two passages. An article that reports
    /// a view it argues against does not contradict itself, nor does one
    /// passage: two readings of it are extraction's, not the article's.
    fn apart(&self, other: &Position) -> bool {
        let one_passage = self.span.0 < other.span.1 && other.span.0 < self.span.1;
        self.source != other.source || (self.speaker == other.speaker && !one_passage)
    }

    /// Whether the two are two voices of one article in two passages: a
    /// dispute between them is the article's telling of both sides (the
    /// report and the actor's own denial), never its contradicting itself.
    fn two_voices_of_one_article(&self, other: &Position) -> bool {
        let one_passage = self.span.0 < other.span.1 && other.span.0 < self.span.1;
        self.source == other.source && self.speaker != other.speaker && !one_passage
    }

    /// The voice a claim is heard in, and the actor it counts as: its
    /// speaker, or the named speaker an outlet's claim relays.
    fn voice(&self) -> (Option<EntityId>, Option<EntityId>) {
        match self.relays {
            Some((speaker, actor)) => (Some(speaker), Some(actor)),
            None => (self.speaker, self.speaker_actor),
        }
    }

    /// A named speaker, or the outlet relaying one; not the outlet alone, not
    /// an unnamed voice.
    fn first_hand(&self) -> bool {
        self.voice().0.is_some() && !self.unnamed
    }

    /// Whether the two are independent origins of one stance: not the same
    /// words, not one speaker (the Kremlin quoted by two outlets is one
    /// origin), and not one story — unless one article gives two voices, one
    /// of them named (an unnamed source beside the outlet may be its own
    /// reporting retold).
    fn independent(&self, other: &Position) -> bool {
        let ((voice, actor), (other_voice, other_actor)) = (self.voice(), other.voice());
        let same_speaker = actor.is_some() && actor == other_actor;
        let two_voices =
            self.source == other.source && voice != other_voice && (self.first_hand() || other.first_hand());
        self.quote != other.quote && !same_speaker && (self.origin != other.origin || two_voices)
    }
}

/// How two propositions that the comparison puts side by side relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// A proposition's claims among themselves.
    Same,
    /// A whole (the first) and one of its parts, through the vocabulary's containment.
    WholeAndPart,
    /// Two of a block's largest propositions on scopes neither of which contains the other.
    OtherScopes,
}

/// A pair of propositions (indices into the sorted propositions) that the
/// comparison judged: the blocked self-join's candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compared {
    pub propositions: [u32; 2],
    pub relation: Relation,
}

/// Groups the claims into propositions and gives the verdicts. `origins` is
/// each source's origin (see [`crate::origins`]). Propositions are sorted by
/// actor, family and scope; verdicts by kind, then by weight.
pub fn compare(corpus: &Corpus, origins: &[u32]) -> (Vec<Proposition>, Vec<Verdict>) {
    let (propositions, verdicts, _) = compare_planned(corpus, origins);
    (propositions, verdicts)
}

/// A claim's actor and scope. A symmetric predicate's two sides are put in
/// the order of their ids, so that `ماسك التقى المندوب` and `المندوب التقى
/// ماسك` are one proposition.
/// A toll (the count of a predicate that tells one) is the event's, whoever is said
/// to have caused it: its actor is the unnamed agent, so that every toll of
/// one place is one proposition.
fn sides(
    vocabulary: &crate::vocab::Vocabulary,
    unnamed_agent: Option<EntityId>,
    claim: &Claim,
) -> (EntityId, EntityId) {
    let toll = claim.count.is_some() && vocabulary.predicate_info(claim.predicate).tells_a_toll();
    if let Some(unnamed) = unnamed_agent.filter(|_| toll) {
        return (unnamed, claim.object);
    }
    let actor = vocabulary.actor(claim.subject);
    if !vocabulary.predicate_info(claim.predicate).symmetric {
        return (actor, claim.object);
    }
    let other = vocabulary.actor(claim.object);
    if vocabulary.entity_info(other).id < vocabulary.entity_info(actor).id {
        (other, actor)
    } else {
        (actor, other)
    }
}

/// [`compare`], with the pairs of propositions it compared, in the order it
/// compared them.
pub fn compare_planned(corpus: &Corpus, origins: &[u32]) -> (Vec<Proposition>, Vec<Verdict>, Vec<Compared>) {
    let vocabulary = &corpus.vocabulary;
    let mut index: HashMap<(EntityId, FamilyId, EntityId), usize> = HashMap::new();
    let mut propositions: Vec<Proposition> = Vec::new();
    let mut positions: Vec<Vec<Position>> = Vec::new();
    let unnamed_agent = vocabulary.unnamed_agent();
    for (i, claim) in corpus.claims.iter().enumerate() {
        let (actor, object) = sides(vocabulary, unnamed_agent, claim);
        let family = vocabulary.predicate_info(claim.predicate).family;
        let key = (actor, family, object);
        let at = *index.entry(key).or_insert_with(|| {
            propositions.push(Proposition {
                actor,
                family,
                object,
                claims: Vec::new(),
            });
            positions.push(Vec::new());
            propositions.len() - 1
        });
        propositions[at].claims.push(i as u32);
        positions[at].push(position(corpus, origins, i, claim, actor));
    }
    // Sorted by key, the index renumbered to match.
    let mut order: Vec<usize> = (0..propositions.len()).collect();
    order.sort_by_key(|&p| {
        let q = &propositions[p];
        let v = vocabulary;
        (
            v.entity_info(q.actor).id.as_str(),
            &v.families[q.family.0 as usize],
            v.entity_info(q.object).id.as_str(),
        )
    });
    let propositions: Vec<Proposition> = order.iter().map(|&p| propositions[p].clone()).collect();
    let positions: Vec<Vec<Position>> = order.iter().map(|&p| positions[p].clone()).collect();
    let mut positions = positions;
    positions.iter_mut().for_each(|side| find_relays(side));
    let mut verdicts = Vec::new();
    let mut compared = Vec::new();
    for (p, side) in positions.iter().enumerate() {
        same_proposition(p, side, &mut verdicts);
        compared.push(Compared {
            propositions: [p as u32; 2],
            relation: Relation::Same,
        });
    }
    let mut start = 0;
    while start < propositions.len() {
        let key = |q: &Proposition| (q.actor, q.family);
        let end = start + propositions[start..].partition_point(|q| key(q) == key(&propositions[start]));
        across_scopes(
            corpus,
            &propositions,
            &positions,
            start..end,
            &mut verdicts,
            &mut compared,
        );
        start = end;
    }
    rank(corpus, origins, &mut verdicts);
    let verdicts = one_per_whole(corpus, verdicts);
    (propositions, verdicts, compared)
}

/// Propositions of one block (same actor and family) whose scopes other than
/// a whole and its part are compared: the ones with the most claims. A
/// corpus's vocabulary may hold thousands of places; the pairs stay bounded.
pub const SCOPES_COMPARED: usize = 16;

/// Verdicts across the scopes of one block: each proposition against those
/// on its containers (found through the vocabulary's containment, so the cost
/// follows the propositions, not their pairs), and the largest against each
/// other on scopes that overlap or are disjoint.
fn across_scopes(
    corpus: &Corpus,
    propositions: &[Proposition],
    positions: &[Vec<Position>],
    block: std::ops::Range<usize>,
    out: &mut Vec<Verdict>,
    compared: &mut Vec<Compared>,
) {
    let vocabulary = &corpus.vocabulary;
    let by_object: HashMap<EntityId, usize> = block.clone().map(|p| (propositions[p].object, p)).collect();
    let mut judge = |props: [usize; 2], relation: Relation, judge: fn(&mut Verdicts)| {
        compared.push(Compared {
            propositions: props.map(|p| p as u32),
            relation,
        });
        judge(&mut Verdicts {
            props,
            sides: props.map(|i| positions[i].as_slice()),
            out,
        })
    };
    for part in block.clone() {
        for container in vocabulary.ancestors(propositions[part].object) {
            if let Some(&whole) = by_object.get(container).filter(|&&w| w != part) {
                judge([whole, part], Relation::WholeAndPart, whole_and_part);
            }
        }
    }
    let mut largest: Vec<usize> = block.collect();
    largest.sort_by_key(|&p| (std::cmp::Reverse(propositions[p].claims.len()), p));
    largest.truncate(SCOPES_COMPARED);
    largest.sort_unstable();
    for (i, &p) in largest.iter().enumerate() {
        for &q in &largest[i + 1..] {
            match vocabulary.scope_relation(propositions[p].object, propositions[q].object) {
                ScopeRelation::Overlaps => judge([p, q], Relation::OtherScopes, overlapping_scopes),
                ScopeRelation::Disjoint => judge([p, q], Relation::OtherScopes, disjoint_scopes),
                _ => {}
            }
        }
    }
}

/// Ranks verdicts: by kind, then by the independent origins of their
/// evidence, then by confidence, then by their propositions.
fn rank(corpus: &Corpus, origins: &[u32], verdicts: &mut [Verdict]) {
    verdicts.sort_by_cached_key(|v| {
        let mut distinct: Vec<u32> = v
            .evidence
            .iter()
            .flat_map(|pair| pair.map(|c| origin_of(corpus, origins, c)))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        // Confidence is in [0, 1]: its bits order as the number does.
        (
            v.kind,
            std::cmp::Reverse(distinct.len()),
            std::cmp::Reverse(v.confidence.to_bits()),
            v.propositions,
            v.rule,
        )
    });
}

/// A withdrawal from a whole against two sources' keeping of its parts (the
/// bases, Hmeimim) is one dispute between those sources, not one per part; so
/// with a kept whole against several parts left, and with agreements between
/// a whole and its parts. A later verdict across scopes with the same whole,
/// the same kind (a dispute and a conflict count as one) and rule, whose every
/// pair of sources an earlier one has already, is left out.
fn one_per_whole(corpus: &Corpus, verdicts: Vec<Verdict>) -> Vec<Verdict> {
    let mut seen: HashSet<(VerdictKind, Rule, u32, (usize, usize))> = HashSet::new();
    let source_pair = |pair: &[u32; 2]| {
        let [a, b] = pair.map(|c| corpus.claims[c as usize].source);
        (a.min(b), a.max(b))
    };
    verdicts
        .into_iter()
        .filter(|v| {
            if v.propositions[0] == v.propositions[1] || v.kind == VerdictKind::NotComparable {
                return true;
            }
            let kind = match v.kind {
                VerdictKind::Disputed => VerdictKind::Conflict,
                kind => kind,
            };
            let keys: Vec<_> = v
                .evidence
                .iter()
                .map(|p| (kind, v.rule, v.propositions[0], source_pair(p)))
                .collect();
            let new = keys.iter().any(|k| !seen.contains(k));
            seen.extend(keys);
            new
        })
        .collect()
}

/// Marks the outlet's own committed claims that restate, with the same
/// stance at an overlapping time, a named speaker's claim of the same article
/// on the same proposition (the first such claim in claim order).
fn find_relays(side: &mut [Position]) {
    let mut named: HashMap<(u32, Direction), Vec<usize>> = HashMap::new();
    for (i, x) in side.iter().enumerate() {
        if x.committed() && !x.unnamed && x.speaker.is_some() {
            named.entry((x.source, x.direction)).or_default().push(i);
        }
    }
    let relays: Vec<(usize, (EntityId, EntityId))> = side
        .iter()
        .enumerate()
        .filter(|(_, x)| x.committed() && x.speaker.is_none())
        .filter_map(|(i, x)| {
            let speakers = named.get(&(x.source, x.direction))?;
            let said = speakers
                .iter()
                .map(|&s| &side[s])
                .find(|s| s.overlaps(x) != Some(false))?;
            Some((i, (said.speaker?, said.speaker_actor?)))
        })
        .collect();
    for (i, relayed) in relays {
        side[i].relays = Some(relayed);
    }
}

fn origin_of(corpus: &Corpus, origins: &[u32], claim: u32) -> u32 {
    origins[corpus.claims[claim as usize].source]
}

fn position(corpus: &Corpus, origins: &[u32], index: usize, claim: &Claim, actor: EntityId) -> Position {
    let vocabulary = &corpus.vocabulary;
    let predicate = vocabulary.predicate_info(claim.predicate);
    let direction = match claim.polarity {
        Polarity::Affirmed => predicate.direction,
        Polarity::Negated => predicate.direction.flipped(),
    };
    let speaker = match claim.attribution {
        Attribution::Outlet => None,
        Attribution::Entity(id) => Some(id),
    };
    let published = corpus.sources[claim.source].published.as_ref();
    let published_end = published.and_then(|p| p.date.end).map(|d| d.num_days_from_ce());
    let published_start = published.and_then(|p| p.date.start).map(|d| d.num_days_from_ce());
    // An open interval from a past start (`منذ عام 2015`) holds until the
    // article says it does: its publication.
    let since = claim.time.is_some_and(|t| t.start.is_some() && t.end.is_none());
    // «نفت طهران لقاء ماسك» with no time of its own denies the meeting the
    // reports told, days before: the weeks up to its publication. So does a
    // denial dated by its sentence only with the day it is said («نفت …
    // اليوم السبت»): that is the denial's day, not the meeting's.
    let dated_as_said = matches!(claim.time_basis, Some(TimeBasis::Sentence | TimeBasis::Paragraph))
        && claim.time.is_some_and(|t| {
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.num_days_from_ce());
            published_start.is_some()
                && t.end.is_some()
                && day(t.start) >= published_start
                && day(t.end) <= published_end
        });
    let timed_as_told = claim.time_basis == Some(TimeBasis::Publication) || dated_as_said;
    let denies_the_reported = claim.polarity == Polarity::Negated && timed_as_told;
    // An accusation or a report of someone else's deed told the day after
    // its denial (`حمّلت إسرائيل حزب الله مسؤولية الهجوم`) tells the event
    // the denial answered: against the denial it reaches as far back.
    // Either side of a symmetric predicate speaks for itself.
    let own_word = speaker.is_some_and(|s| {
        let s = vocabulary.actor(s);
        s == actor || (predicate.symmetric && s == vocabulary.actor(claim.object))
    });
    let tells_the_past = claim.polarity == Polarity::Affirmed && timed_as_told && !own_word;
    let days = claim.time.and_then(|t| {
        let start = t.start.map(|d| d.num_days_from_ce());
        let end = t.end.map(|d| d.num_days_from_ce()).or(published_end);
        match (start, end) {
            (Some(_), Some(end)) if denies_the_reported => Some((end - DENIED_DAYS, end)),
            (Some(start), Some(end)) => Some((start, end)),
            (None, Some(end)) => Some((end, end)),
            _ => None,
        }
    });
    let article = &corpus.sources[claim.source].article;
    let body = article.trim_start();
    let first_line = article.len() - body.len() + body.find('\n').unwrap_or(body.len());
    Position {
        headline: claim.span.start < first_line,
        span: (claim.span.start as u32, claim.span.end as u32),
        claim: index as u32,
        source: claim.source as u32,
        origin: origins[claim.source],
        direction,
        modality: claim.modality,
        extent: claim.extent,
        predicate: claim.predicate,
        own_word,
        speaker,
        speaker_actor: speaker.map(|s| vocabulary.actor(s)),
        unnamed: speaker.is_some_and(|s| vocabulary.entity_info(s).kind == crate::vocab::UNNAMED_VOICE_KIND),
        relays: None,
        days,
        since,
        tells_the_past,
        negated: claim.polarity == Polarity::Negated,
        confidence: claim.extraction.as_ref().map_or(1.0, |x| x.confidence),
        quote: quote_hash(&claim.quote),
        count: claim.count.as_ref().map(|count| count_side(predicate, count)),
        published: corpus.sources[claim.source]
            .published
            .as_ref()
            .and_then(|p| p.date.end)
            .map(|d| d.num_days_from_ce()),
    }
}

fn count_side(predicate: &crate::vocab::Predicate, count: &Count) -> CountSide {
    let words = CountWords::bundled();
    let hash = |value: &dyn Fn(&mut rustc_hash::FxHasher)| {
        use std::hash::Hasher;
        let mut hasher = rustc_hash::FxHasher::default();
        value(&mut hasher);
        hasher.finish()
    };
    let counts = hash(&|h| {
        use std::hash::Hash;
        predicate
            .counted
            .as_ref()
            .unwrap_or(&vec![predicate.id.clone()])
            .hash(h)
    });
    let specific = count.counted.as_deref().filter(|c| !words.is_generic(c));
    let class = specific.map_or(0, |c| {
        hash(&|h| {
            use std::hash::Hash;
            c.hash(h)
        })
    });
    // A count of no specific class is a toll when every specific class its predicate counts is one.
    let rises = match specific {
        Some(c) => words.rises(c),
        None => predicate.counted.as_deref().is_some_and(|c| words.counts_a_toll(c)),
    };
    CountSide {
        amount: count.amount,
        counts,
        class,
        rises,
    }
}

/// Two claims' counts when they are of one thing and no number satisfies
/// both, and what that says: at overlapping times, each dated to at most
/// [`EVENT_DAYS`], a conflict — unless a toll told in a later article is
/// higher, which is a rising toll (lower, it fell: a conflict); tolls each
/// of its own article's day, at most [`TOLL_TOLD_AGAIN_DAYS`] apart, are
/// read so too; at other times apart, counts of other periods. None when they intersect, count
/// different things, or a time is unknown or too long.
fn numeric(a: &Position, b: &Position) -> Option<Numeric> {
    let (x, y) = (a.count?, b.count?);
    if !x.compares(&y) || x.amount.intersects(&y.amount) {
        return None;
    }
    // A count over a longer time may total several events: no conflict.
    let dated = |p: &Position| p.days.is_some_and(|(start, end)| end - start < EVENT_DAYS);
    // Two tolls of articles of other days, each dated to its own article's
    // day, are one event's toll told again when the days are this close: it
    // rose or it fell. A toll dated only by its article may also be the one
    // announced the day before: against a toll dated to that day, it is the
    // same event's (`3252 قتيلا` on Saturday evening, `11300` told Sunday).
    let told_again = x.rises && y.rises && {
        let ((a_start, a_end), (b_start, b_end)) = (a.days?, b.days?);
        let as_of_article = |start: i32, end: i32, published: Option<i32>| start == end && Some(end) == published;
        let (a_as_of, b_as_of) = (
            as_of_article(a_start, a_end, a.published),
            as_of_article(b_start, b_end, b.published),
        );
        let days_apart = a_start.max(b_start) - a_end.min(b_end);
        (a.published != b.published && a_as_of && b_as_of && (a_start - b_start).abs() <= TOLL_TOLD_AGAIN_DAYS)
            || ((a_as_of || b_as_of) && days_apart <= ANNOUNCED_BEFORE_DAYS)
    };
    if !a.overlaps(b)? && !told_again {
        return Some(Numeric::OtherPeriods);
    }
    if !dated(a) || !dated(b) {
        return None;
    }
    // A toll told again later, by publication: it may have risen since.
    let a_later = match (a.published, b.published) {
        (Some(p), Some(q)) if p != q && x.rises && y.rises => p > q,
        _ => return Some(Numeric::Conflict),
    };
    let (earlier, later) = if a_later { (y, x) } else { (x, y) };
    Some(if earlier.amount.below(&later.amount) {
        Numeric::Rising
    } else {
        Numeric::Conflict
    })
}

/// Counts of one event, in one stance, that no number satisfies both: from
/// two sources, or two voices of one article (an article that tells a toll
/// rising tells no conflict).
fn disjoint_counts(side: &[Position], v: &mut Verdicts) {
    for direction in [Direction::For, Direction::Against] {
        let group = strongest(side, |x| x.committed() && x.direction == direction && x.count.is_some());
        let two_voices = |a: &Position, b: &Position| a.source != b.source || a.speaker != b.speaker;
        let reading = |wanted: Numeric| {
            move |a: &Position, b: &Position| a.claim < b.claim && two_voices(a, b) && numeric(a, b) == Some(wanted)
        };
        v.add(
            VerdictKind::Conflict,
            Rule::DisjointCounts,
            Some(ConflictType::Numeric),
            pairs(&group, &group, reading(Numeric::Conflict)),
        );
        v.add(
            VerdictKind::Update,
            Rule::RisingCount,
            None,
            pairs(&group, &group, reading(Numeric::Rising)),
        );
        v.add(
            VerdictKind::Update,
            Rule::DifferentPeriods,
            None,
            pairs(&group, &group, reading(Numeric::OtherPeriods)),
        );
    }
}

/// The quote's words by their folded keys: the same words quoted with other
/// spelling, diacritics or punctuation hash alike.
fn quote_hash(quote: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    let words = crate::text::words_in(quote, 0..quote.len());
    (0..words.len()).for_each(|w| words.key(w).hash(&mut hasher));
    hasher.finish()
}

/// The most confident claims of `side` satisfying `keep`, at most [`CANDIDATES`].
fn strongest(side: &[Position], keep: impl Fn(&Position) -> bool) -> Vec<&Position> {
    let mut kept: Vec<&Position> = side.iter().filter(|p| keep(p)).collect();
    kept.sort_by(|a, b| b.confidence.total_cmp(&a.confidence).then(a.claim.cmp(&b.claim)));
    kept.truncate(CANDIDATES);
    kept
}

/// The pairs of `left` × `right` that `accept` takes, one per pair of
/// sources, at most [`EVIDENCE`]: the strongest first, then those that show
/// more of the sources.
fn pairs(left: &[&Position], right: &[&Position], accept: impl Fn(&Position, &Position) -> bool) -> Vec<Pair> {
    let mut found: Vec<Pair> = Vec::new();
    for a in left {
        for b in right {
            if a.claim != b.claim && accept(a, b) {
                found.push(Pair {
                    claims: [a.claim, b.claim],
                    sources: sources_of(a, b),
                    strength: a.confidence * b.confidence,
                    headlines: u8::from(a.headline) + u8::from(b.headline),
                    confidence: a.confidence.min(b.confidence),
                    same_predicate: a.predicate == b.predicate,
                });
            }
        }
    }
    found.sort_by(|x, y| {
        y.strength
            .total_cmp(&x.strength)
            .then(x.headlines.cmp(&y.headlines))
            .then(x.claims.cmp(&y.claims))
    });
    let mut strongest_per_sources: Vec<Pair> = Vec::new();
    let mut seen = HashSet::new();
    for pair in found {
        if seen.insert(pair.sources) {
            strongest_per_sources.push(pair);
        }
    }
    // The strongest pair; then an article that tells both sides itself (a
    // report and its denial); then pairs that bring in a source not shown
    // yet; then the strongest of the rest. Each pass stops at EVIDENCE.
    let mut order: Vec<usize> = Vec::with_capacity(EVIDENCE);
    let mut taken = vec![false; strongest_per_sources.len()];
    let mut shown: HashSet<u32> = HashSet::new();
    let passes: [Pass; 3] = [
        |pair, _| pair.sources.0 == pair.sources.1,
        |pair, shown| !shown.contains(&pair.sources.0) || !shown.contains(&pair.sources.1),
        |_, _| true,
    ];
    if let Some(first) = strongest_per_sources.first() {
        taken[0] = true;
        order.push(0);
        shown.extend([first.sources.0, first.sources.1]);
    }
    for wanted in passes {
        for (i, pair) in strongest_per_sources.iter().enumerate() {
            if order.len() == EVIDENCE {
                break;
            }
            if !taken[i] && wanted(pair, &shown) {
                taken[i] = true;
                order.push(i);
                shown.extend([pair.sources.0, pair.sources.1]);
            }
        }
    }
    order.into_iter().map(|i| strongest_per_sources[i]).collect()
}

/// Which pairs one pass of [`pairs`] takes, given the sources shown so far.
type Pass = fn(&Pair, &HashSet<u32>) -> bool;

/// One pair of claims behind a verdict, with what the verdict needs of them.
#[derive(Clone, Copy, Debug)]
struct Pair {
    /// The first on the verdict's first proposition.
    claims: [u32; 2],
    /// Their sources, the lower first.
    sources: (u32, u32),
    /// The product of their confidences: the strongest pairs come first.
    strength: f64,
    /// How many of the two are headlines: the body's words come first.
    headlines: u8,
    /// The lower of their confidences.
    confidence: f64,
    same_predicate: bool,
}

/// Where the verdicts on one pair of propositions go.
struct Verdicts<'a, 'o> {
    props: [usize; 2],
    sides: [&'a [Position]; 2],
    out: &'o mut Vec<Verdict>,
}

impl Verdicts<'_, '_> {
    /// A verdict of this kind, when there is evidence for it.
    fn add(&mut self, kind: VerdictKind, rule: Rule, conflict: Option<ConflictType>, evidence: Vec<Pair>) {
        let Some(strongest) = evidence.first() else {
            return;
        };
        self.out.push(Verdict {
            kind,
            rule,
            conflict,
            propositions: self.props.map(|p| p as u32),
            confidence: strongest.confidence,
            evidence: evidence.iter().map(|pair| pair.claims).collect(),
        });
    }
}

/// Verdicts inside one proposition.
fn same_proposition(p: usize, side: &[Position], out: &mut Vec<Verdict>) {
    let mut v = Verdicts {
        props: [p, p],
        sides: [side, side],
        out,
    };
    opposite_stances(side, &mut v);
    weaker_stances(side, &mut v);
    disjoint_counts(side, &mut v);
    // The same stance from independent origins.
    for direction in [Direction::For, Direction::Against] {
        let group = strongest(side, |x| x.committed() && x.direction == direction);
        // A partial move does not corroborate one told without `partial`.
        let agreeing = pairs(&group, &group, |a, b| {
            let same_extent = (a.extent == Extent::Partial) == (b.extent == Extent::Partial);
            // Counts no number satisfies both agree on no toll, dated or not.
            let counts_agree = match (a.count, b.count) {
                (Some(x), Some(y)) => !x.compares(&y) || x.amount.intersects(&y.amount),
                _ => true,
            };
            a.claim < b.claim && same_extent && counts_agree && a.independent(b) && a.overlaps(b) == Some(true)
        });
        v.add(VerdictKind::Agreement, Rule::SameStance, None, agreeing);
    }
}

/// Committed stances against each other: disputed, conflict, a partial move,
/// a time unknown, or an update when they hold at different periods.
fn opposite_stances(side: &[Position], v: &mut Verdicts) {
    let with = |direction: Direction| strongest(side, move |x| x.committed() && x.direction == direction);
    let (kept, left) = (with(Direction::For), with(Direction::Against));
    let overlapping = |a: &Position, b: &Position| a.apart(b) && a.meets(b) == Some(true);
    let full_against = |b: &Position| b.extent != Extent::Partial;
    let disputed = pairs(&kept, &left, |a, b| {
        let met = overlapping(a, b) || (a.two_voices_of_one_article(b) && a.meets(b) == Some(true));
        met && full_against(b) && a.own_word != b.own_word
    });
    let conflicting = pairs(&kept, &left, |a, b| {
        overlapping(a, b) && full_against(b) && a.own_word == b.own_word
    });
    let conflict_type = |evidence: &[Pair]| {
        if evidence.iter().all(|pair| pair.same_predicate) {
            ConflictType::Negation
        } else {
            ConflictType::Antonymy
        }
    };
    let (disputed_type, conflict_kind) = (conflict_type(&disputed), conflict_type(&conflicting));
    v.add(
        VerdictKind::Disputed,
        Rule::OppositeStance,
        Some(disputed_type),
        disputed,
    );
    v.add(
        VerdictKind::Conflict,
        Rule::OppositeStance,
        Some(conflict_kind),
        conflicting,
    );
    let partial = pairs(&kept, &left, |a, b| overlapping(a, b) && !full_against(b));
    v.add(VerdictKind::Tension, Rule::PartialAgainst, None, partial);
    let unknown = pairs(&kept, &left, |a, b| a.apart(b) && a.meets(b).is_none());
    v.add(VerdictKind::Tension, Rule::TimeUnknown, None, unknown);
    let apart_in_time = pairs(&kept, &left, |a, b| a.meets(b) == Some(false));
    v.add(VerdictKind::Update, Rule::DifferentPeriods, None, apart_in_time);
}

/// Committed against undecided, hedged or expected; opposite forecasts.
fn weaker_stances(side: &[Position], v: &mut Verdicts) {
    let committed = strongest(side, Position::committed);
    let undecided = strongest(side, |x| x.modality == Modality::Undecided);
    let near = |a: &Position, b: &Position| a.apart(b) && a.meets(b) != Some(false);
    v.add(
        VerdictKind::Tension,
        Rule::UndecidedVsAsserted,
        None,
        pairs(&committed, &undecided, near),
    );
    let weaker = strongest(side, |x| matches!(x.modality, Modality::Hedged | Modality::Expected));
    let opposite_weaker = pairs(&committed, &weaker, |a, b| near(a, b) && a.direction != b.direction);
    v.add(VerdictKind::Tension, Rule::WeakerVsAsserted, None, opposite_weaker);
    let expected = strongest(side, |x| x.modality == Modality::Expected);
    let opposite_forecasts = pairs(&expected, &expected, |a, b| {
        near(a, b) && a.direction == Direction::For && b.direction == Direction::Against
    });
    v.add(
        VerdictKind::Conflict,
        Rule::OppositeStance,
        Some(ConflictType::Modal),
        opposite_forecasts,
    );
}

/// Verdicts between a whole (`[0]`) and one of its parts (`[1]`).
fn whole_and_part(v: &mut Verdicts) {
    let [whole, part] = v.sides;
    let committed = |direction: Direction| move |x: &Position| x.committed() && x.direction == direction;
    let (left_whole, kept_part) = (
        strongest(whole, committed(Direction::Against)),
        strongest(part, committed(Direction::For)),
    );
    let overlapping = |a: &Position, b: &Position| a.apart(b) && a.meets(b) == Some(true);
    // Leaving the whole leaves every part: keeping one contradicts it.
    let full = |a: &Position| a.extent != Extent::Partial;
    let disputed = pairs(&left_whole, &kept_part, |a, b| {
        overlapping(a, b) && full(a) && a.own_word != b.own_word
    });
    // One dispute between two sources: their other pairs are part of it.
    let disputing: HashSet<(u32, u32)> = disputed.iter().map(|pair| pair.sources).collect();
    let conflicting = pairs(&left_whole, &kept_part, |a, b| {
        overlapping(a, b) && full(a) && a.own_word == b.own_word && !disputing.contains(&sources_of(a, b))
    });
    v.add(
        VerdictKind::Disputed,
        Rule::WholeVsPart,
        Some(ConflictType::Scope),
        disputed,
    );
    v.add(
        VerdictKind::Conflict,
        Rule::WholeVsPart,
        Some(ConflictType::Scope),
        conflicting,
    );
    // One article, two voices: the whole it reports against the part another
    // voice in it keeps — a partial move told as a whole, worth a look.
    let two_voices = pairs(&left_whole, &kept_part, |a, b| {
        a.source == b.source && a.speaker != b.speaker && full(a) && a.meets(b) == Some(true)
    });
    v.add(VerdictKind::Tension, Rule::WholeVsPart, None, two_voices);
    let partial = pairs(&left_whole, &kept_part, |a, b| overlapping(a, b) && !full(a));
    v.add(VerdictKind::NotComparable, Rule::PartialExtent, None, partial);
    let other_periods = pairs(&left_whole, &kept_part, |a, b| a.meets(b) == Some(false));
    v.add(VerdictKind::NotComparable, Rule::DifferentPeriods, None, other_periods);
    // Keeping the whole says nothing certain of each part: worth a look.
    let (kept_whole, left_part) = (
        strongest(whole, committed(Direction::For)),
        strongest(part, committed(Direction::Against)),
    );
    let part_against = pairs(&kept_whole, &left_part, overlapping);
    v.add(VerdictKind::Tension, Rule::PartAgainstWhole, None, part_against);
    agreements_on_whole_and_part(v);
}

fn sources_of(a: &Position, b: &Position) -> (u32, u32) {
    (a.source.min(b.source), a.source.max(b.source))
}

/// A move against a whole and one against its part, from independent
/// origins: withdrawing from the bases agrees with withdrawing from Syria, and
/// two reports of a partial pull-back agree; a partial move on a part does not
/// corroborate a full one on the whole, nor does one article with itself.
/// (Keeping a part says little of the whole: no agreement is drawn from it.)
fn agreements_on_whole_and_part(v: &mut Verdicts) {
    let [whole, part] = v.sides;
    let against = |x: &Position| x.committed() && x.direction == Direction::Against;
    let (on_whole, on_part) = (strongest(whole, against), strongest(part, against));
    let agreeing = pairs(&on_whole, &on_part, |a, b| {
        let corroborates = a.extent == Extent::Partial || b.extent != Extent::Partial;
        // Two sources: one article's voices on a whole and a part are its own telling.
        corroborates && a.origin != b.origin && a.independent(b) && a.overlaps(b) == Some(true)
    });
    v.add(VerdictKind::Agreement, Rule::SameStance, None, agreeing);
}

/// Opposite committed stances on scopes that do not contain each other:
/// disjoint ones are not comparable (listed, so a reader sees why they are no
/// conflict), overlapping ones are worth a look.
fn other_scopes(v: &mut Verdicts, kind: VerdictKind, rule: Rule) {
    let [a, b] = v.sides;
    let (a, b) = (strongest(a, Position::committed), strongest(b, Position::committed));
    let opposite = pairs(&a, &b, |x, y| {
        x.apart(y) && x.direction != y.direction && x.overlaps(y) == Some(true)
    });
    v.add(kind, rule, None, opposite);
}

fn overlapping_scopes(v: &mut Verdicts) {
    other_scopes(v, VerdictKind::Tension, Rule::OverlappingScopes);
}

fn disjoint_scopes(v: &mut Verdicts) {
    other_scopes(v, VerdictKind::NotComparable, Rule::DisjointScopes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::tests::corpus_of;

    const VOCABULARY: &str = r#"{
  "entities": [
    {"id": "russia", "label": "Russia", "kind": "state", "aliases": ["روسيا"]},
    {"id": "kremlin", "label": "Kremlin", "kind": "organisation", "aliases": ["الكرملين"], "counts_as": "russia"},
    {"id": "adviser", "label": "A Kremlin adviser", "kind": "person", "aliases": ["المستشار"], "counts_as": "russia"},
    {"id": "analyst", "label": "An analyst", "kind": "person", "aliases": ["المحلل"]},
    {"id": "a-source", "label": "A source", "kind": "source", "aliases": ["مصدر"]},
    {"id": "syria", "label": "Syria", "kind": "place", "aliases": ["سوريا"]}
  ],
  "predicates": [
    {"id": "withdraw", "label": "withdraw from", "family": "presence", "direction": "against", "aliases": []},
    {"id": "keep", "label": "keep", "family": "presence", "direction": "for", "aliases": []}
  ]
}"#;

    /// The time and modality of most claims here: asserted, December 2024.
    const ASSERTED_NOW: &str = r#""time": "2024-12", "modality": "asserted""#;

    /// One claim on Syria: `predicate`, said by `by`, with `fields` (time,
    /// modality and any more).
    fn claim(id: &str, quote: &str, predicate: &str, by: &str, fields: &str) -> String {
        format!(
            r#"{{"id": "{id}", "quote": "{quote}", "subject": "russia", "predicate": "{predicate}", "object": "syria",
                "polarity": "affirmed", "attribution": "{by}", {fields}}}"#
        )
    }

    fn annotation(published: &str, claims: &[String]) -> String {
        format!(
            r#"{{"source": {{"outlet": "Daily", "title": "خبر", "published": {{"date": "{published}"}}, "language": "ar"}},
                "claims": [{}]}}"#,
            claims.join(", ")
        )
    }

    /// The kinds of the verdicts on the corpus of `(id, article, annotation)`.
    fn kinds(articles: &[(&str, &str, &str)]) -> Vec<VerdictKind> {
        verdicts_in(VOCABULARY, articles).iter().map(|v| v.kind).collect()
    }

    /// The verdicts on the corpus of `(id, article, annotation)` with `vocabulary`.
    fn verdicts_in(vocabulary: &str, articles: &[(&str, &str, &str)]) -> Vec<Verdict> {
        corpus_and_verdicts(vocabulary, articles).1
    }

    fn corpus_and_verdicts(vocabulary: &str, articles: &[(&str, &str, &str)]) -> (Corpus, Vec<Verdict>) {
        // Every article under its title, as the annotations give it.
        let titled: Vec<String> = articles.iter().map(|(_, text, _)| format!("خبر\n{text}")).collect();
        let articles: Vec<(&str, &str, &str)> = articles
            .iter()
            .zip(&titled)
            .map(|(&(id, _, annotation), text)| (id, text.as_str(), annotation))
            .collect();
        let corpus = corpus_of(Some(vocabulary), &articles);
        let origins = crate::origins::origins(&corpus.sources);
        let verdicts = compare(&corpus, &origins).1;
        (corpus, verdicts)
    }

    #[test]
    fn one_passage_read_both_ways_is_no_contradiction() {
        let article = "انسحبت روسيا من سوريا وأبقت قاعدتها. وفي الختام أبقت روسيا قواتها في سوريا.";
        let one_passage = annotation(
            "2024-12-10",
            &[
                claim(
                    "a",
                    "انسحبت روسيا من سوريا وأبقت قاعدتها",
                    "withdraw",
                    "outlet",
                    ASSERTED_NOW,
                ),
                claim(
                    "b",
                    "انسحبت روسيا من سوريا وأبقت قاعدتها",
                    "keep",
                    "outlet",
                    ASSERTED_NOW,
                ),
            ],
        );
        assert_eq!(kinds(&[("daily", article, &one_passage)]), vec![]);
        // Two passages of one voice: the article contradicts itself.
        let two_passages = annotation(
            "2024-12-10",
            &[
                claim("a", "انسحبت روسيا من سوريا", "withdraw", "outlet", ASSERTED_NOW),
                claim("b", "أبقت روسيا قواتها في سوريا", "keep", "outlet", ASSERTED_NOW),
            ],
        );
        assert_eq!(kinds(&[("daily", article, &two_passages)]), vec![VerdictKind::Conflict]);
    }

    /// An article reporting a withdrawal and, in another voice, keeping.
    const REPORT_AND_ANSWER: &str = "انسحبت روسيا من سوريا. وقال الكرملين إن روسيا أبقت قواتها في سوريا.";

    /// [`REPORT_AND_ANSWER`]'s two claims, the outlet's report and `by`'s answer, ids after `prefix`.
    fn report_and_answer(prefix: &str, by: &str) -> String {
        annotation(
            "2024-12-20",
            &[
                claim(
                    &format!("{prefix}report"),
                    "انسحبت روسيا من سوريا",
                    "withdraw",
                    "outlet",
                    ASSERTED_NOW,
                ),
                claim(
                    &format!("{prefix}answer"),
                    "إن روسيا أبقت قواتها في سوريا",
                    "keep",
                    by,
                    ASSERTED_NOW,
                ),
            ],
        )
    }

    #[test]
    fn an_article_telling_a_report_and_the_actors_denial_shows_a_dispute() {
        let article = REPORT_AND_ANSWER;
        // The report against Russia's own word: the dispute, in one article.
        assert_eq!(
            kinds(&[("daily", article, &report_and_answer("", "kremlin"))]),
            vec![VerdictKind::Disputed]
        );
        // Against an analyst's view it tells: the article argues, it does not contradict itself.
        assert_eq!(kinds(&[("daily", article, &report_and_answer("", "analyst"))]), vec![]);
    }

    #[test]
    fn a_verdicts_evidence_shows_an_article_telling_both_sides_and_more_sources() {
        let report = |id: &str| {
            annotation(
                "2024-12-20",
                &[claim(id, "انسحبت روسيا من سوريا", "withdraw", "outlet", ASSERTED_NOW)],
            )
        };
        let both = report_and_answer("z-", "kremlin");
        let reports: Vec<(String, String)> = (1..=6).map(|n| (format!("a{n}"), report(&format!("r{n}")))).collect();
        let mut articles: Vec<(&str, &str, &str)> = reports
            .iter()
            .map(|(id, annotation)| (id.as_str(), "انسحبت روسيا من سوريا.", annotation.as_str()))
            .collect();
        articles.push(("z", REPORT_AND_ANSWER, &both));
        let (corpus, verdicts) = corpus_and_verdicts(VOCABULARY, &articles);
        let disputed = verdicts.iter().find(|v| v.kind == VerdictKind::Disputed).unwrap();
        let source_of = |claim: u32| corpus.sources[corpus.claims[claim as usize].source].id.as_str();
        let shown: Vec<[&str; 2]> = disputed.evidence.iter().map(|pair| pair.map(source_of)).collect();
        // Seven reports answer the Kremlin as strongly: the article telling
        // both sides is among the five pairs shown, and each other pair
        // brings in a report of its own.
        assert_eq!(shown.len(), EVIDENCE);
        assert!(shown.contains(&["z", "z"]), "{shown:?}");
        let reporters: HashSet<&str> = shown.iter().map(|[_, report]| *report).collect();
        assert_eq!(reporters.len(), EVIDENCE, "{shown:?}");
    }

    #[test]
    fn either_order_of_a_symmetric_predicate_is_one_proposition() {
        let vocabulary = r#"{"entities": [
            {"id": "envoy", "label": "The envoy", "kind": "person", "aliases": ["المندوب"]},
            {"id": "musk", "label": "Musk", "kind": "person", "aliases": ["ماسك"]}
          ], "predicates": [
            {"id": "meet", "label": "meet", "family": "meeting", "direction": "for", "aliases": [], "symmetric": true}
          ]}"#;
        let one = |subject: &str, object: &str, polarity: &str, quote: &str| {
            format!(
                r#"{{"source": {{"outlet": "Daily", "title": "خبر", "published": {{"date": "2024-11-16"}}, "language": "ar"}},
                    "claims": [{{"id": "c", "quote": "{quote}", "subject": "{subject}", "predicate": "meet", "object": "{object}",
                    "polarity": "{polarity}", "attribution": "outlet", "time": "2024-11-11", "modality": "asserted"}}]}}"#
            )
        };
        let (met, denied) = ("التقى ماسك المندوب", "لم يلتق المندوب ماسك");
        let first = one("musk", "envoy", "affirmed", met);
        let second = one("envoy", "musk", "negated", denied);
        let corpus = corpus_of(
            Some(vocabulary),
            &[
                ("first", &format!("خبر\n{met}."), &first),
                ("second", &format!("خبر\n{denied}."), &second),
            ],
        );
        let (propositions, verdicts) = compare(&corpus, &crate::origins::origins(&corpus.sources));
        assert_eq!(propositions.len(), 1);
        let [actor, object] =
            [propositions[0].actor, propositions[0].object].map(|e| corpus.vocabulary.entity_info(e).id.clone());
        assert_eq!((actor.as_str(), object.as_str()), ("envoy", "musk"));
        assert_eq!(
            verdicts.iter().map(|v| v.kind).collect::<Vec<_>>(),
            vec![VerdictKind::Conflict]
        );
    }

    #[test]
    fn an_undated_denial_answers_the_reports_of_the_weeks_before_it() {
        let vocabulary = r#"{"entities": [
            {"id": "iran", "label": "Iran", "kind": "state", "aliases": ["إيران"]},
            {"id": "musk", "label": "Musk", "kind": "person", "aliases": ["ماسك"]}
          ], "predicates": [
            {"id": "meet", "label": "meet", "family": "meeting", "direction": "for", "aliases": [], "symmetric": true}
          ]}"#;
        let one = |published: &str, polarity: &str, quote: &str, time: &str| {
            format!(
                r#"{{"source": {{"outlet": "Daily", "title": "خبر", "published": {{"date": "{published}"}}, "language": "ar"}},
                    "claims": [{{"id": "c", "quote": "{quote}", "subject": "musk", "predicate": "meet", "object": "iran",
                    "polarity": "{polarity}", "attribution": "outlet", {time} "modality": "asserted"}}]}}"#
            )
        };
        let met = "التقى ماسك مندوب إيران";
        let kinds_of = |denied: &str, denied_on: &str, denial_time: &str| {
            let report = one("2024-11-15", "affirmed", met, r#""time": "2024-11-11","#);
            let denial = one(denied_on, "negated", denied, denial_time);
            verdicts_in(
                vocabulary,
                &[
                    ("report", &format!("{met}."), &report),
                    ("denial", &format!("{denied}."), &denial),
                ],
            )
            .iter()
            .map(|v| v.kind)
            .collect::<Vec<_>>()
        };
        let kinds = |denied_on: &str, denial_time: &str| kinds_of("نفت إيران لقاء ماسك", denied_on, denial_time);
        // Dated by its sentence with the day it is said, the time is the denial's.
        assert_eq!(
            kinds_of("نفت إيران اليوم لقاء ماسك", "2024-11-16", ""),
            vec![VerdictKind::Conflict]
        );
        // Five days later, with no time of its own: it denies the reported meeting.
        assert_eq!(kinds("2024-11-16", ""), vec![VerdictKind::Conflict]);
        // Dated to its own day, it speaks of another day: an update.
        assert_eq!(
            kinds("2024-11-16", r#""time": "2024-11-16","#),
            vec![VerdictKind::Update]
        );
        // Months later it is no answer to that report.
        assert_eq!(kinds("2025-03-01", ""), vec![VerdictKind::Update]);
    }

    #[test]
    fn an_undated_accusation_after_the_denial_tells_the_event_it_answered() {
        let vocabulary = r#"{"entities": [
            {"id": "israel", "label": "Israel", "kind": "state", "aliases": ["إسرائيل"]},
            {"id": "hezbollah", "label": "Hezbollah", "kind": "armed-group", "aliases": ["حزب الله"]},
            {"id": "town", "label": "the town", "kind": "place", "aliases": ["البلدة"]}
          ], "predicates": [
            {"id": "strike", "label": "strike", "family": "attack", "direction": "for", "aliases": []},
            {"id": "hold-fire", "label": "hold fire", "family": "attack", "direction": "against", "aliases": []}
          ]}"#;
        let claim_of = |published: &str, predicate: &str, polarity: &str, quote: &str, said_by: &str| {
            format!(
                r#"{{"source": {{"outlet": "Daily", "title": "خبر", "published": {{"date": "{published}"}}, "language": "ar"}},
                    "claims": [{{"id": "c", "quote": "{quote}", "subject": "hezbollah", "predicate": "{predicate}", "object": "town",
                    "polarity": "{polarity}", "attribution": "{said_by}", "modality": "asserted"}}]}}"#
            )
        };
        let one = |published: &str, polarity: &str, quote: &str, said_by: &str| {
            claim_of(published, "strike", polarity, quote, said_by)
        };
        let (denied, accused) = ("نفى حزب الله قصف البلدة", "اتهمت إسرائيل حزب الله بقصف البلدة");
        let kinds_against = |denial: String, accused_on: &str, said_by: &str| {
            let accusation = one(accused_on, "affirmed", accused, said_by);
            verdicts_in(
                vocabulary,
                &[
                    ("denial", &format!("{denied}."), &denial),
                    ("accusation", &format!("{accused}."), &accusation),
                ],
            )
            .iter()
            .map(|v| v.kind)
            .collect::<Vec<_>>()
        };
        let kinds = |accused_on: &str, said_by: &str| {
            kinds_against(one("2024-07-27", "negated", denied, "hezbollah"), accused_on, said_by)
        };
        // The day after the denial, the accusation answers the same strike.
        assert_eq!(kinds("2024-07-28", "israel"), vec![VerdictKind::Disputed]);
        // Months later, it is of another time.
        assert_eq!(kinds("2024-12-01", "israel"), vec![VerdictKind::Update]);
        // The actor's own word of its deed is of the day it is said.
        assert_eq!(kinds("2024-07-28", "hezbollah"), vec![VerdictKind::Update]);
        // Against an affirmed stance of its own day (a state told, no denial) it reaches no further back.
        let held_fire = claim_of("2024-07-27", "hold-fire", "affirmed", denied, "hezbollah");
        assert_eq!(
            kinds_against(held_fire, "2024-07-28", "israel"),
            vec![VerdictKind::Update]
        );
    }

    #[test]
    fn an_unnamed_voice_beside_the_outlet_is_no_second_origin() {
        let article = "انسحبت روسيا من سوريا. وقال مصدر إن روسيا انسحبت من سوريا كلها تقريبا.";
        let told_by = |first: &str, second: &str| {
            annotation(
                "2024-12-20",
                &[
                    claim("first", "انسحبت روسيا من سوريا.", "withdraw", first, ASSERTED_NOW),
                    claim(
                        "second",
                        "إن روسيا انسحبت من سوريا كلها",
                        "withdraw",
                        second,
                        ASSERTED_NOW,
                    ),
                ],
            )
        };
        assert_eq!(kinds(&[("daily", article, &told_by("outlet", "a-source"))]), vec![]);
        // The outlet restating a named speaker is that speaker: one voice.
        assert_eq!(kinds(&[("daily", article, &told_by("outlet", "analyst"))]), vec![]);
        assert_eq!(
            kinds(&[("daily", article, &told_by("analyst", "a-source"))]),
            vec![VerdictKind::Agreement]
        );
    }

    #[test]
    fn an_outlet_restating_its_named_speaker_is_that_speaker() {
        // The headline retells the adviser's words: with the Kremlin's own in
        // another outlet, all three are Russia's word, one origin.
        let first = "روسيا باقية في سوريا\nوقال المستشار إن روسيا باقية في سوريا بقواعدها.";
        let second = "أكد الكرملين أن روسيا ستبقى في سوريا وقواعدها هناك.";
        let first_claims = annotation(
            "2024-12-20",
            &[
                claim("headline", "روسيا باقية في سوريا", "keep", "outlet", ASSERTED_NOW),
                claim(
                    "adviser",
                    "إن روسيا باقية في سوريا بقواعدها",
                    "keep",
                    "adviser",
                    ASSERTED_NOW,
                ),
            ],
        );
        let second_claims = annotation(
            "2024-12-21",
            &[claim(
                "kremlin",
                "أن روسيا ستبقى في سوريا",
                "keep",
                "kremlin",
                ASSERTED_NOW,
            )],
        );
        assert_eq!(
            kinds(&[("first", first, &first_claims), ("second", second, &second_claims)]),
            vec![]
        );
    }

    #[test]
    fn a_partial_move_does_not_corroborate_one_told_without_partial() {
        let whole = "انسحبت روسيا من سوريا هذا الشهر.";
        let part = "سحبت روسيا بعض قواتها من سوريا.";
        let other_part = "بدأت روسيا سحب جزء من قواتها من سوريا.";
        let one =
            |quote: &str, fields: &str| annotation("2024-12-20", &[claim("c", quote, "withdraw", "outlet", fields)]);
        let partial = &format!(r#"{ASSERTED_NOW}, "extent": "partial""#);
        let unqualified = one("انسحبت روسيا من سوريا", ASSERTED_NOW);
        let some = one("سحبت روسيا بعض قواتها من سوريا", partial);
        let some_more = one("بدأت روسيا سحب جزء من قواتها من سوريا", partial);
        assert_eq!(kinds(&[("a", whole, &unqualified), ("b", part, &some)]), vec![]);
        assert_eq!(
            kinds(&[("b", part, &some), ("c", other_part, &some_more)]),
            vec![VerdictKind::Agreement]
        );
    }

    #[test]
    fn a_state_since_a_start_is_no_tension_with_a_later_forecast_or_doubt() {
        // Present since 2015 (told in 2024) against a 2017 forecast of leaving:
        // the forecast belongs to a later period than the start, an update at most.
        let since = "روسيا موجودة في سوريا منذ عام 2015.";
        let forecast = "ستنسحب روسيا من سوريا.";
        let since_claims = annotation(
            "2024-12-20",
            &[claim(
                "since",
                "روسيا موجودة في سوريا منذ عام 2015",
                "keep",
                "outlet",
                r#""time": "منذ عام 2015", "modality": "asserted""#,
            )],
        );
        let forecast_claims = annotation(
            "2017-12-13",
            &[claim(
                "forecast",
                "ستنسحب روسيا من سوريا",
                "withdraw",
                "outlet",
                r#""time": "2017-12", "modality": "expected""#,
            )],
        );
        assert_eq!(
            kinds(&[
                ("since", since, &since_claims),
                ("forecast", forecast, &forecast_claims)
            ]),
            vec![]
        );
        // So with a later period's undecided word; one of the start's own
        // period is a tension.
        let undecided = |published: &str, time: &str| {
            annotation(
                published,
                &[claim(
                    "open",
                    "لم تقرر روسيا بقاءها في سوريا",
                    "keep",
                    "outlet",
                    &format!(r#""time": "{time}", "modality": "undecided""#),
                )],
            )
        };
        let open = "لم تقرر روسيا بقاءها في سوريا.";
        let (in_2017, in_2015) = (undecided("2017-12-13", "2017-12"), undecided("2015-10-01", "2015"));
        assert_eq!(
            kinds(&[("since", since, &since_claims), ("open", open, &in_2017)]),
            vec![]
        );
        assert_eq!(
            kinds(&[("since", since, &since_claims), ("open", open, &in_2015)]),
            vec![VerdictKind::Tension]
        );
    }

    const CASUALTIES: &str = r#"{
  "entities": [
    {"id": "army", "label": "The army", "kind": "armed-force", "aliases": ["الجيش"]},
    {"id": "spokesman", "label": "The army spokesman", "kind": "person", "aliases": ["المتحدث"]},
    {"id": "ministry", "label": "The health ministry", "kind": "organisation", "aliases": ["الوزارة"]},
    {"id": "camp", "label": "The camp", "kind": "place", "aliases": ["المخيم"]},
    {"id": "vote", "label": "The vote", "kind": "event", "aliases": ["الانتخابات"]},
    {"id": "candidate", "label": "The candidate", "kind": "person", "aliases": ["المرشح"]},
    {"id": "no-one-named", "label": "whoever caused it", "kind": "unnamed-agent", "aliases": []}
  ],
  "predicates": [
    {"id": "kill", "label": "kill in", "family": "casualties", "direction": "for", "aliases": [], "counted": ["dead", "people"]},
    {"id": "wound", "label": "wound in", "family": "casualties", "direction": "for", "aliases": [], "counted": ["wounded", "people"]},
    {"id": "win", "label": "win", "family": "election", "direction": "for", "aliases": [], "counted": ["votes"]}
  ]
}"#;

    /// One article published on `published` whose claim `predicate` on
    /// `object`, said by `by` at `time`, states `count`; its text is `quote`.
    fn toll(published: &str, by: &str, predicate: &str, object: &str, time: &str, count: &str, quote: &str) -> String {
        let subject = if object == "vote" { "candidate" } else { "army" };
        format!(
            r#"{{"source": {{"outlet": "Daily", "title": "خبر", "published": {{"date": "{published}"}}, "language": "ar"}},
                "claims": [{{"id": "c", "quote": "{quote}", "subject": "{subject}", "predicate": "{predicate}",
                  "object": "{object}", "polarity": "affirmed", "attribution": "{by}", "time": "{time}",
                  "modality": "asserted", "count": {count}}}]}}"#
        )
    }

    /// The verdicts, as `kind rule`, between two articles of one claim each.
    fn between(first: (&str, &str), second: (&str, &str)) -> Vec<String> {
        verdicts_in(
            CASUALTIES,
            &[("first", first.0, first.1), ("second", second.0, second.1)],
        )
        .iter()
        .map(|v| format!("{} {}", v.kind, v.rule))
        .collect()
    }

    const KILLED: &str = "قتل الجيش مدنيين في المخيم.";
    const COUNTED: &str = "أحصت الوزارة قتلى الجيش في المخيم.";

    #[test]
    fn counts_no_number_satisfies_are_a_numeric_conflict() {
        let fewer = toll(
            "2024-06-08",
            "spokesman",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"fewer_than": 100}"#,
            KILLED,
        );
        let at_least = toll(
            "2024-06-08",
            "ministry",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"at_least": 210}"#,
            COUNTED,
        );
        assert_eq!(
            between((KILLED, &fewer), (COUNTED, &at_least)),
            ["conflict disjoint-counts"]
        );
        let verdict = &verdicts_in(CASUALTIES, &[("first", KILLED, &fewer), ("second", COUNTED, &at_least)])[0];
        assert_eq!(verdict.conflict, Some(ConflictType::Numeric));
    }

    #[test]
    fn a_toll_is_one_proposition_whoever_is_said_to_have_caused_it() {
        let by_the_army = toll(
            "2024-06-08",
            "spokesman",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"fewer_than": 100}"#,
            KILLED,
        );
        let told_alone = toll(
            "2024-06-08",
            "ministry",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"at_least": 210}"#,
            COUNTED,
        )
        .replace(r#""subject": "army""#, r#""subject": "no-one-named""#);
        assert_eq!(
            between((KILLED, &by_the_army), (COUNTED, &told_alone)),
            ["conflict disjoint-counts"]
        );
        // A vote count stays the candidate's: two candidates' shares are two propositions.
        let won = toll(
            "2024-07-29",
            "ministry",
            "win",
            "vote",
            "2024-07-28",
            r#"{"exact": 51}"#,
            KILLED,
        );
        let other = won.replace(r#""subject": "candidate""#, r#""subject": "army""#);
        assert!(between((KILLED, &won), (KILLED, &other)).is_empty());
    }

    #[test]
    fn counts_that_intersect_are_compatible() {
        for (one, other) in [
            (r#"{"more_than": 80}"#, r#"{"fewer_than": 100}"#),
            (r#"{"at_least": 210}"#, r#"{"more_than": 200}"#),
            (r#"{"at_least": 200}"#, r#"{"more_than": 500}"#),
            (r#"{"about": 80}"#, r#"{"exact": 85, "counted": "dead"}"#),
        ] {
            let first = toll("2024-06-08", "spokesman", "kill", "camp", "2024-06-08", one, KILLED);
            let second = toll("2024-06-08", "ministry", "kill", "camp", "2024-06-08", other, COUNTED);
            assert_eq!(
                between((KILLED, &first), (COUNTED, &second)),
                ["agreement same-stance"],
                "{one} {other}"
            );
        }
    }

    #[test]
    fn a_later_higher_toll_is_an_update_and_a_lower_one_a_conflict() {
        // 210 on Saturday, 274 on Sunday: of the same day's strike, the toll rose.
        let saturday = toll(
            "2024-06-08",
            "ministry",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"exact": 210}"#,
            COUNTED,
        );
        let sunday = toll(
            "2024-06-09",
            "ministry",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"exact": 274}"#,
            KILLED,
        );
        assert_eq!(
            between((COUNTED, &saturday), (KILLED, &sunday)),
            ["update rising-count"]
        );
        // A toll does not fall: fewer than 100 on Sunday after 210 on Saturday cannot hold.
        let fewer = toll(
            "2024-06-09",
            "spokesman",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"fewer_than": 100}"#,
            KILLED,
        );
        assert_eq!(
            between((COUNTED, &saturday), (KILLED, &fewer)),
            ["conflict disjoint-counts"]
        );
        // Each dated as of its article, a day apart: the same event's toll,
        // which fell (a conflict) or rose (an update).
        let as_of = |published: &str, by: &str, count: &str, class| {
            toll(published, by, "kill", "camp", published, count, class)
        };
        let first = as_of("2024-03-02", "ministry", r#"{"exact": 210}"#, COUNTED);
        let fell = as_of("2024-03-03", "spokesman", r#"{"fewer_than": 100}"#, KILLED);
        let rose = as_of("2024-03-03", "spokesman", r#"{"exact": 240}"#, KILLED);
        assert_eq!(
            between((COUNTED, &first), (KILLED, &fell)),
            ["conflict disjoint-counts"]
        );
        assert_eq!(between((COUNTED, &first), (KILLED, &rose)), ["update rising-count"]);
        // Not tolls dated to other days than their articles'.
        let older = toll(
            "2024-03-04",
            "ministry",
            "kill",
            "camp",
            "2024-03-02",
            r#"{"exact": 210}"#,
            COUNTED,
        );
        let newer = toll(
            "2024-03-04",
            "spokesman",
            "kill",
            "camp",
            "2024-03-04",
            r#"{"exact": 50}"#,
            KILLED,
        );
        assert_eq!(
            between((COUNTED, &older), (KILLED, &newer)),
            ["update different-periods"]
        );
        // A toll dated only by its article against one of the day before:
        // perhaps the same announcement's day, so two figures of one toll.
        let evening = toll(
            "2024-03-04",
            "ministry",
            "kill",
            "camp",
            "2024-03-03",
            r#"{"exact": 210}"#,
            COUNTED,
        );
        assert_eq!(
            between((COUNTED, &evening), (KILLED, &newer)),
            ["conflict disjoint-counts"]
        );
        // Tolls of other days are other events: an update, never a conflict.
        let june = toll(
            "2024-06-09",
            "spokesman",
            "kill",
            "camp",
            "2024-06-09",
            r#"{"fewer_than": 100}"#,
            KILLED,
        );
        let november = toll(
            "2024-11-20",
            "ministry",
            "kill",
            "camp",
            "2024-11-20",
            r#"{"exact": 274}"#,
            COUNTED,
        );
        assert_eq!(
            between((KILLED, &june), (COUNTED, &november)),
            ["update different-periods"]
        );
        // Nor counts dated to a month: they may total several events.
        let month = toll(
            "2024-06-30",
            "ministry",
            "kill",
            "camp",
            "2024-06",
            r#"{"exact": 274}"#,
            COUNTED,
        );
        assert!(
            between((KILLED, &june), (COUNTED, &month))
                .iter()
                .all(|v| !v.contains("counts"))
        );
        // Nor do two such counts, which no number satisfies both, agree.
        let same_month = toll(
            "2024-06-30",
            "spokesman",
            "kill",
            "camp",
            "2024-06",
            r#"{"exact": 56}"#,
            KILLED,
        );
        assert!(between((COUNTED, &month), (KILLED, &same_month)).is_empty());
        // Vote shares do not only rise: another period's share is an update either way.
        let early = toll(
            "2024-07-28",
            "outlet",
            "win",
            "vote",
            "2024-07-28",
            r#"{"exact": 51.2, "percent": true}"#,
            KILLED,
        );
        let late = toll(
            "2024-08-02",
            "ministry",
            "win",
            "vote",
            "2024-08-02",
            r#"{"exact": 44, "percent": true}"#,
            COUNTED,
        );
        assert_eq!(
            between((KILLED, &early), (COUNTED, &late)),
            ["update different-periods"]
        );
        let same_day = toll(
            "2024-07-28",
            "ministry",
            "win",
            "vote",
            "2024-07-28",
            r#"{"exact": 44, "percent": true}"#,
            COUNTED,
        );
        assert_eq!(
            between((KILLED, &early), (COUNTED, &same_day)),
            ["conflict disjoint-counts"]
        );
    }

    #[test]
    fn a_wounded_count_is_never_set_against_a_death_toll() {
        let killed = toll(
            "2024-06-08",
            "ministry",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"exact": 274, "counted": "dead"}"#,
            COUNTED,
        );
        let wounded = toll(
            "2024-06-08",
            "spokesman",
            "wound",
            "camp",
            "2024-06-08",
            r#"{"exact": 698, "counted": "wounded"}"#,
            KILLED,
        );
        assert!(
            !between((COUNTED, &killed), (KILLED, &wounded))
                .iter()
                .any(|v| v.contains("counts"))
        );
        // Nor a share a count.
        let share = toll(
            "2024-06-08",
            "spokesman",
            "kill",
            "camp",
            "2024-06-08",
            r#"{"exact": 40, "percent": true}"#,
            KILLED,
        );
        assert!(
            !between((COUNTED, &killed), (KILLED, &share))
                .iter()
                .any(|v| v.contains("counts"))
        );
    }

    #[test]
    fn one_voice_telling_a_toll_rising_is_no_conflict() {
        let article = "قتل الجيش 210 في المخيم. ثم ارتفع عدد من قتلهم الجيش في المخيم إلى 274.";
        let claims = |second_by: &str| {
            format!(
                r#"{{"source": {{"outlet": "Daily", "title": "خبر", "published": {{"date": "2024-06-09"}}, "language": "ar"}},
                    "claims": [
                      {{"id": "first", "quote": "قتل الجيش 210 في المخيم", "subject": "army", "predicate": "kill", "object": "camp",
                        "polarity": "affirmed", "attribution": "outlet", "time": "2024-06-08", "modality": "asserted", "count": {{"exact": 210}}}},
                      {{"id": "second", "quote": "من قتلهم الجيش في المخيم إلى 274", "subject": "army", "predicate": "kill", "object": "camp",
                        "polarity": "affirmed", "attribution": "{second_by}", "time": "2024-06-08", "modality": "asserted", "count": {{"exact": 274}}}}
                    ]}}"#
            )
        };
        let titled = format!("خبر\n{article}");
        let one_voice = verdicts_in(CASUALTIES, &[("daily", &titled, &claims("outlet"))]);
        assert!(one_voice.is_empty(), "{one_voice:?}");
        // Two voices of one article are two: the spokesman's count against the outlet's.
        let two_voices = verdicts_in(CASUALTIES, &[("daily", &titled, &claims("spokesman"))]);
        assert_eq!(
            two_voices.iter().map(|v| v.rule).collect::<Vec<_>>(),
            [Rule::DisjointCounts]
        );
    }
}
