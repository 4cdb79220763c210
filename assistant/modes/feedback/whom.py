"""Who a stretch of a feedback remark is about, so that only judgements of the other person are flagged.

A remark is cut into sentences (`text.sentences`), sentences into clauses (at commas, dashes, colons and
conjunctions) and into segments (at contrast words such as "but"/"aber", so praise and criticism in one
sentence are told apart). A position is
- about the speaker when the nearest subject before it in its clause is "I"/"ich"/"we"/"wir", an experiencer
  ("mir war es …", "made me feel …"), a clause-initial "my"/"mein…", or a dropped first person ("war echt …");
- quoted when it lies inside a quotation (`text.quotes`), reported when it follows a verb of saying in its
  clause ("you always say you're too busy"): both are the words of others;
- in praise when its segment has a praise word and no negative evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from assistant.text.language import Lang
from assistant.text.quotes import find_quotes
from assistant.text.sentences import sentence_spans

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CLAUSE_BREAK = re.compile(
    r"[,;:()–—]|\s-\s|\b(?:and|but|though|however|because|when|while|if|und|aber|sondern|weil|wenn|als|dass|obwohl)\b",
    re.IGNORECASE,
)
# "aber"/"though" inside a clause are particles ("war aber eine Katastrophe"): a contrast only after a comma.
_CONTRAST = re.compile(
    r"\b(?:but|sondern|only\s+thing)\b|(?<=[,;–—-] )(?:aber|however|though|allerdings)\b", re.IGNORECASE
)

SPEAKER = frozenset("i ich we wir i'm i've i'd i'll".split())
OTHERS = frozenset("you u youre you're you've you'd ya du sie ihr he she they er it es man".split())
_EXPERIENCER = frozenset("mir mich me uns us".split())
_EXPERIENCE_VERBS = frozenset(
    "ist war wäre wird wurde is was feel felt feeling fühle fühlte vorkam kam vor".split()
)
_OWN = frozenset("my mein meine meinen meinem meiner meines our unser unsere unseren unserem".split())
# A finite verb opening a clause with no subject: chat German and English drop the "ich"/"I" ("war echt …").
_DROPPED_I = frozenset("war bin hab habe hatte fand fühlte kam felt feel am".split())
SAYING = frozenset(
    "say says said saying tell tells told claim claims claimed sagen sagt sagte sagten gesagt meinen meint meinte "
    "meinten gemeint behaupten behauptet behauptete erzählt erzählte".split()
)
# "ehrlich gesagt", "kurz gesagt": a way of speaking, not reported speech.
_MANNER = frozenset("ehrlich offen kurz anders gelinde grob salopp ganz".split())
NEGATION = frozenset(
    "not no never n't nicht kein keine keinen nie niemals don't didn't doesn't won't isn't".split()
)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The words of `text[start:end]`, with their positions in `text`."""
    return list(TOKEN.finditer(text, start, len(text) if end is None else end))


def norm(word: str) -> str:
    return word.replace("’", "'").lower()


@dataclass
class Whom:
    """The remark cut into clauses and segments, with the rules above; `praise_word` says whether a token at
    a position is praise (the feedback bank's praise words), `hard_negative` whether a span is a negative
    evaluation that rules out praise."""

    text: str
    lang: Lang
    praise_word: Callable[[str, int], bool]
    hard_negatives: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.text, line_breaks=True) or [(0, len(self.text))]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return [(q.start, q.end) for q in find_quotes(self.text)]

    def sentence(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return (0, len(self.text))

    def _cut(self, pos: int, breaks: re.Pattern[str]) -> tuple[int, int]:
        start, end = self.sentence(pos)
        for m in breaks.finditer(self.text, start, end):
            if any(q0 < m.start() < q1 - 1 for q0, q1 in self.quotes):
                continue
            if m.end() <= pos:
                start = m.end()
            elif m.start() > pos:
                end = m.start()
                break
        return start, end

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around `pos`: cut at punctuation inside the sentence and at conjunctions."""
        return self._cut(pos, _CLAUSE_BREAK)

    def segment(self, pos: int) -> tuple[int, int]:
        """The part of the sentence around `pos` between contrast words ("but", "aber", "only thing")."""
        return self._cut(pos, _CONTRAST)

    def quoted(self, start: int, end: int) -> bool:
        """True if the span lies inside a quotation (the words of others)."""
        return any(q0 < start and end <= q1 for q0, q1 in self.quotes)

    def reported(self, pos: int) -> bool:
        """True if a verb of saying comes before `pos` in its clause (or ends the clause before it with a comma:
        "gesagt, meine Generation wolle …")."""
        start, _ = self.clause(pos)
        words = [norm(t.group()) for t in tokens(self.text, start, pos)]
        if any(w in SAYING and (i == 0 or words[i - 1] not in _MANNER) for i, w in enumerate(words)):
            return True
        before = self.text[self.sentence(pos)[0] : start].rstrip()
        if before.endswith(","):
            previous = tokens(self.text, self.sentence(pos)[0], start)
            return bool(previous) and norm(previous[-1].group()) in SAYING
        return False

    def subject(self, pos: int) -> str:
        """'speaker' or 'other': who the clause around `pos` is about, from the nearest subject before it."""
        start, end = self.clause(pos)
        words = [norm(t.group()) for t in tokens(self.text, start, end) if t.start() <= pos]
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            if word in SPEAKER:
                return "speaker"
            if word in _EXPERIENCER and _EXPERIENCE_VERBS & set(words[max(0, i - 1) : i + 3]):
                return "speaker"
            if word in OTHERS and not (word in ("es", "it") and set(words[max(0, i - 3) : i]) & _EXPERIENCER):
                return "other"
        first = next(iter(tokens(self.text, start, end)), None)
        if first is not None and (norm(first.group()) in _OWN or norm(first.group()) in _DROPPED_I):
            return "speaker"
        return "other"

    def praise(self, pos: int) -> bool:
        """True if the segment around `pos` has a praise word and no negative evaluation."""
        start, end = self.segment(pos)
        if any(start < e and s < end for s, e in self.hard_negatives):
            return False
        return any(self.praise_word(self.text, t.start()) for t in tokens(self.text, start, end))
