//! Sentences for the report: a claim and a proposition in words, who says
//! it, and why a verdict was given, from the claims' own words and
//! qualifiers. Labels come from the vocabulary.

use crate::model::{
    Attribution, Claim, ConflictType, Corpus, Extent, Modality, Polarity, Proposition, Rule, Verdict, VerdictKind,
};
use crate::vocab::Direction;

/// "Russia — withdraw forces from — Syria", with "not" for a negated claim.
pub fn statement(corpus: &Corpus, claim: &Claim) -> String {
    let v = &corpus.vocabulary;
    let negation = if claim.polarity == Polarity::Negated {
        "not "
    } else {
        ""
    };
    format!(
        "{} — {negation}{} — {}",
        v.entity_info(claim.subject).label,
        v.predicate_info(claim.predicate).label,
        v.entity_info(claim.object).label
    )
}

/// The proposition in its family's "for" direction: "Russia — keep forces or
/// bases in — Syria" (the first such predicate of the vocabulary names it).
pub fn proposition_statement(corpus: &Corpus, proposition: &Proposition) -> String {
    let v = &corpus.vocabulary;
    let in_family = |direction: Direction| {
        v.predicates
            .iter()
            .find(|p| p.family == proposition.family && p.direction == direction)
    };
    let predicate = match (in_family(Direction::For), in_family(Direction::Against)) {
        (Some(p), _) => p.label.clone(),
        (None, Some(p)) => format!("not {}", p.label),
        (None, None) => v.families[proposition.family.0 as usize].clone(),
    };
    format!(
        "{} — {predicate} — {}",
        v.entity_info(proposition.actor).label,
        v.entity_info(proposition.object).label
    )
}

/// The claim's subject and predicate in Arabic: the subject's first alias,
/// and the words that triggered an extracted claim (else its predicate's
/// first alias): «روسيا · انسحاب».
pub fn arabic_heading(corpus: &Corpus, claim: &Claim) -> String {
    let v = &corpus.vocabulary;
    let subject = v.entity_info(claim.subject).aliases.first().cloned();
    let article = &corpus.sources[claim.source].article;
    let predicate = claim
        .extraction
        .as_ref()
        .and_then(|x| article.get(x.trigger.clone()))
        .map(str::to_string)
        .or_else(|| v.predicate_info(claim.predicate).aliases.first().cloned());
    [subject, predicate]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn speaker(corpus: &Corpus, claim: &Claim) -> String {
    match claim.attribution {
        Attribution::Outlet => corpus.sources[claim.source].outlet.clone(),
        Attribution::Entity(id) => corpus.vocabulary.entity_info(id).label.clone(),
    }
}

/// Arabic kept in its direction inside English text (first-strong isolate).
pub fn isolate(arabic: &str) -> String {
    format!("\u{2068}{}\u{2069}", arabic.replace(['\n', '\r'], " "))
}

/// One side of a verdict: who says what, in its own words, with its qualifiers.
fn side(corpus: &Corpus, claim: &Claim) -> String {
    let source = &corpus.sources[claim.source];
    let speaker = match claim.attribution {
        Attribution::Outlet => source.outlet.clone(),
        Attribution::Entity(_) => format!("{} (in {})", speaker(corpus, claim), source.outlet),
    };
    let verb = match claim.modality {
        Modality::Asserted => "says",
        Modality::Reported => "reports",
        Modality::Hedged => "suggests",
        Modality::Expected => "expects",
        Modality::Undecided => "leaves open",
        Modality::Question => "asks",
    };
    let extent = match claim.extent {
        Extent::Partial => ", in part",
        Extent::Full => ", in full",
        Extent::Unspecified => "",
    };
    let time = claim.time.map_or_else(|| "time unknown".to_string(), |t| t.to_string());
    format!(
        "{speaker} {verb} «{}» ({}{extent}; {time})",
        isolate(&claim.quote),
        statement(corpus, claim)
    )
}

/// The verdict in words: both sides of its strongest pair, then why.
pub fn verdict(corpus: &Corpus, verdict: &Verdict, origins: usize) -> String {
    let [a, b] = verdict.evidence[0].map(|c| &corpus.claims[c as usize]);
    format!(
        "{}; {}. {}",
        capitalised(&side(corpus, a)),
        side(corpus, b),
        capitalised(&reason(corpus, verdict, [a, b], origins))
    )
}

/// `text` with its first letter in upper case ("the Kremlin" opening a sentence).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A claim's count as the article writes it, then in words: «أقل من 100» (fewer than 100).
fn count(corpus: &Corpus, claim: &Claim) -> String {
    let Some(count) = &claim.count else {
        return "no count".to_string();
    };
    let article = &corpus.sources[claim.source].article;
    match count.span.clone().and_then(|span| article.get(span)) {
        Some(written) => format!("«{}» ({})", isolate(written), count.amount),
        None => count.amount.to_string(),
    }
}

/// The two claims, the one of the earlier article first.
fn by_publication<'c>(corpus: &Corpus, a: &'c Claim, b: &'c Claim) -> (&'c Claim, &'c Claim) {
    let day = |claim: &Claim| corpus.sources[claim.source].published.as_ref().and_then(|p| p.date.end);
    if day(b) < day(a) { (b, a) } else { (a, b) }
}

/// Why the verdict was given, in one sentence.
fn reason(corpus: &Corpus, verdict: &Verdict, [a, b]: [&Claim; 2], origins: usize) -> String {
    let label = |claim: &Claim| corpus.vocabulary.entity_info(claim.object).label.as_str();
    let time = |claim: &Claim| {
        claim
            .time
            .map_or_else(|| "an unknown time".to_string(), |t| t.to_string())
    };
    let predicate = |claim: &Claim| corpus.vocabulary.predicate_info(claim.predicate).label.as_str();
    let own = |claim: &Claim| match claim.attribution {
        Attribution::Entity(id) => corpus.vocabulary.actor(id) == corpus.vocabulary.actor(claim.subject),
        Attribution::Outlet => false,
    };
    let (speaking, reported) = if own(a) { (a, b) } else { (b, a) };
    match (verdict.kind, verdict.rule, verdict.conflict) {
        (VerdictKind::Disputed, _, _) => format!(
            "{} speaks for itself and says otherwise than {}: the claim is disputed by the actor it is about.",
            speaker(corpus, speaking),
            corpus.sources[reported.source].outlet
        ),
        (_, Rule::OppositeStance, Some(ConflictType::Negation)) => {
            "The same claim, affirmed and denied, at overlapping times.".to_string()
        }
        (_, Rule::OppositeStance, Some(ConflictType::Modal)) => "Opposite forecasts for the same time.".to_string(),
        (_, Rule::OppositeStance, _) => format!(
            "Opposed predicates («{}» against «{}») at overlapping times.",
            predicate(a),
            predicate(b)
        ),
        (VerdictKind::Tension, Rule::WholeVsPart, _) => format!(
            "{} is part of {}, and another voice of the same article keeps it: a partial move told as a whole, worth a look.",
            label(b),
            label(a)
        ),
        (_, Rule::WholeVsPart, _) => format!(
            "{} is part of {}: leaving the whole leaves every part, so both cannot hold at once.",
            label(b),
            label(a)
        ),
        (_, Rule::PartialAgainst, _) => {
            "The move against it is partial, which leaves room for the rest being kept: worth checking, no contradiction.".to_string()
        }
        (_, Rule::TimeUnknown, _) => format!(
            "Opposite stances, but one side holds at {}: they may be of different periods.",
            if a.time.is_none() { time(a) } else { time(b) }
        ),
        (_, Rule::DisjointCounts, _) => format!(
            "No number satisfies both counts: {} against {}.",
            count(corpus, a),
            count(corpus, b)
        ),
        (_, Rule::RisingCount, _) => {
            let (earlier, later) = by_publication(corpus, a, b);
            format!(
                "A later count raises an earlier one: {} after {}: a rising toll, an update, not a contradiction.",
                count(corpus, later),
                count(corpus, earlier)
            )
        }
        (_, Rule::DifferentPeriods, _) if a.count.is_some() && b.count.is_some() && a.polarity == b.polarity => {
            format!(
                "{} against {}, counts of different periods ({} and {}): an update, not a contradiction.",
                count(corpus, a),
                count(corpus, b),
                time(a),
                time(b)
            )
        }
        (_, Rule::DifferentPeriods, _) if verdict.kind == VerdictKind::Update => format!(
            "{} and {} are different periods: the stance changed, an update, not a contradiction.",
            time(a),
            time(b)
        ),
        (_, Rule::DifferentPeriods, _) => format!("{} and {} are different periods.", time(a), time(b)),
        (_, Rule::UndecidedVsAsserted, _) => {
            "One side says the matter is still open; the other is committed.".to_string()
        }
        (_, Rule::WeakerVsAsserted, _) => {
            let weaker = if a.modality.asserts() { b } else { a };
            format!("Opposite stances, but one side is {} and does not commit.", weaker.modality)
        }
        (_, Rule::SameStance, _) => format!("Both say so, from {origins} independent origins."),
        (_, Rule::PartAgainstWhole, _) => format!(
            "{} is part of {}: moving against a part while the whole is kept is no contradiction, but worth checking.",
            label(b),
            label(a)
        ),
        (_, Rule::PartialExtent, _) => format!(
            "The move against {} is partial, which leaves room for {} being kept.",
            label(a),
            label(b)
        ),
        (_, Rule::DisjointScopes, _) => format!("{} and {} do not overlap: different scopes.", label(a), label(b)),
        (_, Rule::OverlappingScopes, _) => format!(
            "{} and {} share a part and neither contains the other: worth a look.",
            label(a),
            label(b)
        ),
    }
}
