"""The flags of a remark: the phrase bank's patterns and the sentence-shape rules, kept only where they judge
the other person (not the speaker, not quoted or reported words, no "always" inside praise)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalog import FeedbackPhrases
from assistant.catalog.banks import FeedbackPhrase
from assistant.modes.feedback.judgements import (
    Hit,
    degrees,
    mind_reading,
    predicates,
    quantifiers,
    sarcasm,
)
from assistant.modes.feedback.models import FlaggedSpan
from assistant.modes.feedback.whom import NEGATION, Whom, norm, tokens
from assistant.text.language import Lang

# Kinds of bank wording that are no judgement inside praise: "You always make time for us, thank you."
_SOFT_KINDS = frozenset({"generalisation", "you_statement"})
_FALLBACK_WHY = {
    "de": "Die Formulierung bewertet, statt zu beschreiben.",
    "en": "The wording judges instead of describing.",
}
_FALLBACK_ALTERNATIVE = {
    "de": "Beschreiben Sie, was Sie gesehen oder gehört haben.",
    "en": "Describe what you saw or heard.",
}


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    soft: bool
    rule: str
    phrase: FeedbackPhrase | None = None


class Lexicon:
    """The bank's praise and negative words for one language, as the rules ask for them."""

    def __init__(self, phrases: FeedbackPhrases, lang: Lang) -> None:
        self.phrases, self.lang = phrases, lang
        words = phrases.words
        self.praise_regex = words.praise.regex(lang) if words else None
        self._negative = words.negative.regex(lang) if words else None

    def negatives(self, text: str) -> list[tuple[int, int]]:
        """Negative evaluations in the text ('terrible', 'nervig')."""
        return [(m.start(), m.end()) for m in self._negative.finditer(text)] if self._negative else []

    def is_praise(self, text: str, pos: int) -> bool:
        """True if a praise word starts at `pos`, is not negated, and does not intensify a negative word
        ("super unprofessional")."""
        if self.praise_regex is None:
            return False
        m = self.praise_regex.match(text, pos)
        if m is None or (pos and (text[pos - 1].isalnum() or text[pos - 1] in "'’")):
            return False
        before = [norm(t.group()) for t in tokens(text, max(0, pos - 30), pos)][-2:]
        if set(before) & NEGATION or any(b.endswith("n't") for b in before):
            return False
        nxt = next(iter(tokens(text, m.end())), None)
        adjacent = nxt is not None and text[m.end() : nxt.start()].strip() == ""
        return not (
            adjacent
            and nxt is not None
            and (
                any(s == nxt.start() for s, _ in self.negatives(text))
                or self.phrases.scan(text[nxt.start() : nxt.end()], self.lang)
            )
        )


def find_flags(remark: str, lang: Lang, phrases: FeedbackPhrases) -> list[FlaggedSpan]:
    """Judgemental wording in the remark that judges the other person, with exact spans, why and alternatives.

    >>> from assistant.catalog import load_catalog
    >>> from assistant.settings import PROJECT_ROOT
    >>> bank = load_catalog(PROJECT_ROOT / "knowledge").phrases
    >>> [f.text for f in find_flags("I felt stupid asking that. You always cut me off.", "en", bank)]
    ['always']
    >>> [f.text for f in find_flags("Your slides are a mess and everyone was bored.", "en", bank)]
    ['a mess', 'everyone']
    """
    lexicon = Lexicon(phrases, lang)
    bank = phrases.scan(remark, lang)
    candidates = [
        _Candidate(h.start, h.end, h.phrase.kind, h.phrase.kind in _SOFT_KINDS, "bank", h.phrase)
        for h in bank
    ]
    candidates += [_Candidate(s, e, "label", False, "negative-word") for s, e in lexicon.negatives(remark)]
    hard = [(c.start, c.end) for c in candidates if not c.soft]
    whom = Whom(remark, lang, lexicon.is_praise, hard)
    rules: list[Hit] = [
        *sarcasm(whom, lexicon.is_praise, [(c.start, c.end) for c in candidates]),
        *predicates(whom, lexicon.is_praise),
        *degrees(whom),
        *quantifiers(whom),
        *mind_reading(whom),
    ]
    whom.hard_negatives += [(h.start, h.end) for h in rules if not h.soft]
    candidates += [_Candidate(h.start, h.end, h.kind, h.soft, h.rule) for h in rules]
    kept = [c for c in candidates if _judges_the_other(c, whom)]
    return [_flag(c, remark, lang, phrases) for c in _merge(kept)]


def _judges_the_other(c: _Candidate, whom: Whom) -> bool:
    if whom.quoted(c.start, c.end) or whom.reported(c.start):
        return False
    if c.soft and whom.praise(c.start):
        return False
    # "nobody"/"keiner" are the subject themselves: "I feel like nobody listens" still generalises.
    return c.rule == "quantifier" or whom.subject(c.start) != "speaker"


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """Every bank phrase stays a flag of its own (they may overlap: "Sie sind immer so" and "immer"); a rule's
    hit that overlaps a bank phrase adds nothing; overlapping rule hits become one flag over their union."""
    bank = [c for c in candidates if c.phrase is not None]
    kept = list(bank)
    for c in sorted((c for c in candidates if c.phrase is None), key=lambda c: (c.start, -c.end)):
        inner = [k for k in bank if c.start <= k.start and k.end <= c.end]
        if len(inner) == 1 and not any(
            k.start < c.end and c.start < k.end for k in bank if k is not inner[0]
        ):
            inner[0].start, inner[0].end = c.start, c.end  # "total unprofessionell": the intensifier too
            continue
        if any(k.start < c.end and c.start < k.end for k in bank):
            continue
        last = kept[-1] if kept and kept[-1].phrase is None else None
        if last is not None and c.start < last.end:
            last.end = max(last.end, c.end)
            continue
        kept.append(_Candidate(c.start, c.end, c.kind, c.soft, c.rule))
    return sorted(kept, key=lambda c: (c.start, c.end))


def _flag(c: _Candidate, remark: str, lang: Lang, phrases: FeedbackPhrases) -> FlaggedSpan:
    if c.phrase is not None:
        why, alternatives = c.phrase.why, list(c.phrase.alternatives)
    else:
        advice = phrases.advice.get(c.kind, {}).get(lang)  # type: ignore[call-overload]
        why = advice.why if advice else _FALLBACK_WHY[lang]
        alternatives = list(advice.alternatives) if advice else [_FALLBACK_ALTERNATIVE[lang]]
    return FlaggedSpan(
        text=remark[c.start : c.end],
        start=c.start,
        end=c.end,
        kind=c.kind,
        why=why,
        alternatives=alternatives,
    )


def without_placeholders(text: str) -> str:
    """The text without its placeholders in square brackets (instructions to the user, not wording)."""
    return re.sub(r"\[[^\]]*\]", " ", text)


def judgemental(text: str, lang: Lang, phrases: FeedbackPhrases) -> list[FlaggedSpan]:
    """The judgements in a rewrite, its placeholders left out."""
    return find_flags(without_placeholders(text), lang, phrases)
