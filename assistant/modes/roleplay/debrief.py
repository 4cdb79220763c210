"""The debrief: every rubric criterion scored 0-4 from the evidence the scenario names for it (behaviour kinds
and cue words), with a one-sentence reason, quotes checked verbatim against the turn they name, the guideline
passage it rests on, and anchors for every level; the overall score, two strengths, two things to try.

Scoring: a criterion's signal in a trainee turn is one piece of evidence, and so is each of its cue words (once
per conversation); at most four count; each sentence of counter-evidence takes one away; clamped to 0-4.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from assistant.catalog.practice import KINDS, Evidence, Kind
from assistant.catalog.practice import Debrief as DebriefWords
from assistant.catalog.scenarios import RubricCriterion, Scenario
from assistant.modes.roleplay.behaviours import Behaviour
from assistant.modes.roleplay.models import Citation, CriterionResult, Debrief, Quote, Turn
from assistant.text.sentences import sentence_spans

MAX_QUOTES = 3
Cite = Callable[[RubricCriterion, Scenario], Citation | None]
"""The guideline passage for a criterion (the retriever through the container), or None."""

# Raising behaviours a strength can name, and the order ties are broken in.
_STRENGTHS: tuple[Kind, ...] = (
    "open_question",
    "listening",
    "summary",
    "empathy",
    "check_back",
    "plain_language",
    "situation",
    "i_statement",
    "impact",
)
_LOWERING: tuple[Kind, ...] = ("judgement", "jargon", "closed_question", "lecture", "interruption")
_MISSING_TIPS: tuple[Kind, ...] = ("open_question", "listening", "empathy", "summary", "check_back")


def verified(quotes: list[Quote], transcript: list[Turn]) -> list[Quote]:
    """The quotes that occur verbatim in the trainee turn they name; every other quote is dropped."""
    turns = {t.number: t for t in transcript}
    return [
        q
        for q in quotes
        if q.text.strip()
        and q.turn in turns
        and turns[q.turn].speaker == "trainee"
        and q.text in turns[q.turn].text
    ]


def quote_problems(quotes: list[Quote], transcript: list[Turn]) -> list[str]:
    """Why quotes are rejected: each one that is not verbatim in the trainee turn it names."""
    kept = verified(quotes, transcript)
    return [f"turn {q.turn}: {q.text!r} does not occur in that trainee turn" for q in quotes if q not in kept]


def _cue_pattern(cues: list[str]) -> re.Pattern[str] | None:
    if not cues:
        return None
    alternatives = (r"\s+".join(map(re.escape, cue.split())) for cue in cues)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


def _evidence(
    evidence: Evidence, transcript: list[Turn], found: dict[int, list[Behaviour]]
) -> tuple[int, list[Quote], list[Quote], list[Kind]]:
    """How many pieces of evidence count for a criterion (a signal in a turn, a cue word once), the quotes
    for and against it, and the kinds seen against it."""
    cues = _cue_pattern(evidence.cues)
    pieces: set[tuple[int, str]] = set()
    pro: list[Quote] = []
    con: list[Quote] = []
    seen_against: list[Kind] = []
    for turn in transcript:
        if turn.speaker != "trainee":
            continue
        for b in found.get(turn.number, []):
            if b.kind in evidence.signals:
                pieces.add((turn.number, b.kind))
                _add(pro, Quote(turn=turn.number, text=b.quote))
            if b.kind in evidence.against:
                _add(con, Quote(turn=turn.number, text=b.quote, stance="against"))
                seen_against.append(b.kind)
        if cues is not None:
            for start, end in sentence_spans(turn.text):
                sentence = turn.text[start:end]
                matched = {m.group().lower() for m in cues.finditer(sentence)}
                if matched:
                    pieces |= {(0, cue) for cue in matched}
                    _add(pro, Quote(turn=turn.number, text=sentence))
    return len(pieces), pro, con, seen_against


def _add(quotes: list[Quote], quote: Quote) -> None:
    if not any(q.turn == quote.turn and q.text == quote.text for q in quotes):
        quotes.append(quote)


def score_criterion(
    criterion: RubricCriterion,
    scenario: Scenario,
    words: DebriefWords,
    transcript: list[Turn],
    found: dict[int, list[Behaviour]],
    cite: Cite | None = None,
) -> CriterionResult:
    """One criterion: score, reason, verified quotes, citation and anchors."""
    evidence = scenario.practice.evidence[criterion.id]
    count, pro, con, seen_against = _evidence(evidence, transcript, found)
    score = max(0, min(4, min(4, count) - len(con)))
    signals = _signals(evidence, words, scenario.lang)
    parts = []
    if pro:
        parts.append(words.reason_for.format(count=count, turns=_turns(pro), signals=signals))
    else:
        parts.append(words.reason_none.format(signals=signals))
    if con:
        against = ", ".join(dict.fromkeys(words.labels[k] for k in seen_against if k in KINDS))
        parts.append(words.reason_against.format(count=len(con), turns=_turns(con), signals=against))
    reason = "; ".join(parts)
    quotes = verified(pro[:MAX_QUOTES] + con[:MAX_QUOTES], transcript)
    anchors = {0: criterion.anchor_0, 4: criterion.anchor_4}
    anchors |= {n: words.partial_anchor.format(level=n, count=n, signals=signals) for n in (1, 2, 3)}
    return CriterionResult(
        id=criterion.id,
        name=criterion.name,
        weight=criterion.weight,
        score=score,
        reason=reason[0].upper() + reason[1:] + ".",
        quotes=quotes,
        citation=cite(criterion, scenario) if cite else None,
        anchors=dict(sorted(anchors.items())),
    )


def _signals(evidence: Evidence, words: DebriefWords, lang: str) -> str:
    names = [words.labels[k] for k in evidence.signals]
    if evidence.cues:
        names.append(
            ("„" + "“, „".join(evidence.cues) + "“")
            if lang == "de"
            else '"' + '", "'.join(evidence.cues) + '"'
        )
    joiner = " oder " if lang == "de" else " or "
    return joiner.join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def _turns(quotes: list[Quote]) -> str:
    return ", ".join(str(n) for n in dict.fromkeys(q.turn for q in quotes))


def debrief(
    scenario: Scenario,
    words: DebriefWords,
    transcript: list[Turn],
    found: dict[int, list[Behaviour]],
    cite: Cite | None = None,
) -> Debrief:
    """The whole debrief for a finished transcript."""
    criteria = [score_criterion(c, scenario, words, transcript, found, cite) for c in scenario.rubric]
    total = sum(c.weight for c in criteria)
    overall = round(sum(c.score * c.weight for c in criteria) / total, 1) if total else 0.0
    counts = Counter(b.kind for behaviours in found.values() for b in behaviours)
    strengths = [words.strengths[k] for k in sorted(_STRENGTHS, key=lambda k: -counts[k]) if counts[k]][:2]
    best = sorted((c for c in criteria if c.score > 0), key=lambda c: -c.score)
    strengths += [f"{c.name}: {c.reason}" for c in best[: 2 - len(strengths)]]
    tips = [words.tips[k] for k in sorted(_LOWERING, key=lambda k: -counts[k]) if counts[k]]
    tips += [words.tips[k] for k in _MISSING_TIPS if not counts[k]]
    weakest = sorted(criteria, key=lambda c: c.score)
    tips += [f"{c.name}: {c.anchors[4]}" for c in weakest if c.score < 4]
    tips += [words.tips[k] for k in sorted(_MISSING_TIPS, key=lambda k: counts[k])]  # the least practised
    tips = list(dict.fromkeys(tips))
    return Debrief(criteria=criteria, overall=overall, strengths=strengths, next_time=tips[:2])


__all__ = ["KINDS", "Cite", "debrief", "quote_problems", "score_criterion", "verified"]
