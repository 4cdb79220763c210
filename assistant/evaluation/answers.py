"""`tandem eval answers`: grounded answers a person would read, on hand-labelled questions.

Each case (`evals/datasets/answers/cases.jsonl`) names the documents of `knowledge/` that answer the question
(`relevant`, by stem: both languages) and short phrases a correct answer contains (`expect_facts`, in the
question's language; `a|b` accepts either). The metrics, each a rate over the cases of a split:

- `whole_sentences`: every answer sentence starts a sentence and ends one: it ends in . ! ? or … (not after
  an abbreviation such as "bzw." or "e.g."), starts with a capital, a digit or a quotation mark, and where it
  is found in the cited document, it starts there at a line start or after the end of a sentence. A list
  shown under its introduction is whole too: the introduction ends in a colon, each indented item is a
  whole item (a whole line) of the document;
- `no_repeats`: no sentence twice (nor one that is contained in another), no source twice;
- `reader_language_first`: every source is in the question's language (all shipped material exists in both),
  and no document appears as a translation twin pair;
- `on_topic_sentences`: the share of answer sentences whose cited document is labelled relevant;
- `facts_found`: the share of expected facts found in the answer text (never in the question).

These checks are the eval's own, written from the labels; they do not reuse the composer's rules.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.suite import SplitReport, Suite, require_index
from assistant.schema import Answer, Source
from assistant.text.language import Lang, doc_stem

if TYPE_CHECKING:
    from assistant.container import Services

DEFAULT_DATASET = DATASETS / "answers" / "cases.jsonl"

# Common German and English abbreviations that end in a period but never end a sentence (the eval's own list).
_ABBREVIATIONS = frozenset(
    "bzw z b u a e g i e ca vgl evtl ggf inkl bspw sog zzgl dr prof nr vs mr mrs ms st abs s d h o".split()
)
_CITATION = re.compile(r"\s*\[\d+\]")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_HEADER = re.compile(r"^\s*\*\*?\S.*\[\d+\]")  # "*Section* [2]" or "**Section** [2]" over a group
_MARKUP = re.compile(r"\*\*|__|`")
_END = re.compile(r"[.!?…][\"'“”’»«)\]]*$")
_WORD = re.compile(r"\w+")


class AnswerCase(BaseModel):
    """One question, the documents that answer it and the facts a correct answer contains."""

    model_config = ConfigDict(extra="forbid")
    id: str
    split: Split
    lang: Lang
    question: str
    relevant: list[str] = Field(min_length=1)
    expect_facts: list[str] = Field(default_factory=list)
    note: str = ""


class Unit(BaseModel):
    """A sentence (or, in a written answer, a paragraph) of an answer and the sources it cites; `item` for a
    list item indented under an introduction, `opens_list` for that introduction."""

    text: str
    cites: list[int]
    item: bool = False
    opens_list: bool = False


def load_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[AnswerCase]:
    """Read the JSONL dataset (optionally one split); a bad line is reported with its number."""
    return load_jsonl(path, AnswerCase, split)


def normalise(text: str) -> str:
    """Lower case, markup gone, dashes unified, white space collapsed: how facts and sentences are compared.

    >>> normalise("**12–15  Stunden**")
    '12-15 stunden'
    """
    text = _MARKUP.sub("", text).replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    return " ".join(text.lower().split())


def answer_units(text: str) -> list[Unit]:
    """The cited sentences of an answer: bullet lines (citing their own [n] or their group header's) and
    cited paragraphs; the lead line and headers are not sentences.

    >>> units = answer_units("From the material:\\n\\n*SBI* [2]\\n- Describe it.\\n- Ask first. [3]\\n- Two:\\n  - one")
    >>> [(u.text, u.cites, u.item, u.opens_list) for u in units]  # doctest: +NORMALIZE_WHITESPACE
    [('Describe it.', [2], False, False), ('Ask first.', [3], False, False), ('Two:', [2], False, True),
     ('one', [2], True, False)]
    """
    units: list[Unit] = []
    group: list[int] = []
    for line in text.splitlines():
        cites = [int(n) for n in re.findall(r"\[(\d+)\]", line)]
        if not line.strip():
            continue
        if _HEADER.match(line) and not _BULLET.match(line):
            group = cites
            continue
        body = _CITATION.sub("", _BULLET.sub("", line)).strip()
        item = bool(_BULLET.match(line)) and line[:1].isspace()
        if item and units and not units[-1].item:
            units[-1].opens_list = True
        if _BULLET.match(line) or cites:
            units.append(Unit(text=_MARKUP.sub("", body), cites=cites or group, item=item))
    return units


def _last_word(text: str) -> str:
    words = re.findall(r"[\w.]+", text)
    return words[-1].rstrip(".").lower() if words else ""


def ends_sentence(text: str) -> bool:
    """Ends in sentence-final punctuation, and not in an abbreviation's period.

    >>> [ends_sentence(t) for t in ("Gut so.", "Behaviour bzw.", "Zum Beispiel z. B.", "Wie?“", "Liste:")]
    [True, False, False, True, False]
    """
    text = text.strip()
    if not _END.search(text):
        return False
    return not (text.rstrip("\"'“”’»«)]").endswith(".") and _last_word(text) in _ABBREVIATIONS)


def starts_sentence(text: str) -> bool:
    """Opens with a capital letter or a digit, after any quotation marks or brackets.

    >>> [starts_sentence(t) for t in ("„Danke.“", "und dann.", "3 Schritte.", "Verhalten (was).")]
    [True, False, True, True]
    """
    letter = re.search(r"\w", text)
    return letter is not None and (letter.group().isupper() or letter.group().isdigit())


def _document_lines(chunks_text: Iterable[str]) -> str:
    lines = []
    for text in chunks_text:
        for line in text.splitlines():
            lines.append(" ".join(_MARKUP.sub("", _BULLET.sub("", line)).split()))
    return "\n".join(lines)


def starts_in_source(unit: str, document: str) -> bool | None:
    """Where the sentence occurs in its document, does it start at a line start or after a sentence end?
    None when it does not occur there (a written answer), so only the text itself can be judged.

    >>> doc = "Intro line.\\nBehaviour bzw. Verhalten zählt. Danach mehr."
    >>> starts_in_source("Verhalten zählt.", doc), starts_in_source("Danach mehr.", doc)
    (False, True)
    """
    needle = " ".join(unit.split())
    found = False
    for match in re.finditer(re.escape(needle), document):
        found = True
        before = document[: match.start()].rstrip(" ")
        if not before or before.endswith("\n"):
            return True
        if _END.search(before) and ends_sentence(before.rsplit("\n", 1)[-1]):
            return True
    return False if found else None


def whole(unit: Unit, document: str) -> bool:
    """The unit starts and ends a sentence (judged in its document where it is found there); a list item is
    a whole line of its document, a list's introduction may end in a colon."""
    if unit.item and unit.text in document:
        return f"\n{unit.text}\n" in f"\n{document}\n"
    ends = ends_sentence(unit.text) or (unit.opens_list and unit.text.endswith(":"))
    if not (starts_sentence(unit.text) and ends):
        return False
    return starts_in_source(unit.text, document) is not False


def _tokens(text: str) -> set[str]:
    return set(_WORD.findall(normalise(text)))


def repeats(units: list[Unit], sources: list[Source]) -> list[str]:
    """Sentences given twice (or one contained in another, 80 % of its words), and sources listed twice.

    >>> repeats([Unit(text="Ask for permission first.", cites=[1]),
    ...          Unit(text="Ask for permission first, always.", cites=[2])], [])
    ['Ask for permission first.']
    """
    found = []
    for i, a in enumerate(units):
        for b in units[i + 1 :]:
            small, large = sorted((_tokens(a.text), _tokens(b.text)), key=len)
            if small and len(small & large) / len(small) >= 0.8:
                found.append(a.text)
    keys = [(s.doc_id, s.section, s.snippet[:80]) for s in sources]
    found += [f"source {k[0]} › {k[1]}" for i, k in enumerate(keys) if k in keys[:i]]
    return found


def language_ok(sources: list[Source], lang: Lang) -> bool:
    """Every source in the reader's language, and no translation twin pair among them."""
    if any(s.lang != lang for s in sources):
        return False
    langs_by_stem: dict[str, set[str]] = {}
    for source in sources:
        langs_by_stem.setdefault(doc_stem(source.doc_id), set()).add(source.lang)
    return all(len(langs) == 1 for langs in langs_by_stem.values())


def fact_found(fact: str, text: str) -> bool:
    """Any of the fact's `|`-separated variants occurs in the (normalised) text.

    >>> fact_found("12 bis 15 Stunden|12-15 Stunden", "etwa 12–15 Stunden"), fact_found("SBI", "GROW")
    (True, False)
    """
    body = normalise(text)
    return any(normalise(variant) in body for variant in fact.split("|") if variant.strip())


class Scored(BaseModel):
    """One case's figures and what went wrong."""

    id: str
    whole_sentences: float
    no_repeats: float
    reader_language_first: float
    on_topic_sentences: float
    facts_found: float
    problems: list[str] = Field(default_factory=list)


def score_case(case: AnswerCase, answer: Answer, documents: Callable[[str], str]) -> Scored:
    """Score one answer; `documents(doc_id)` gives a cited document's text (for where a sentence starts)."""
    units = answer_units(answer.answer) if answer.grounded else []
    by_n = {s.n: s for s in answer.sources}
    problems: list[str] = []
    if not units:
        problems.append("no answer sentences" + ("" if answer.grounded else " (not grounded)"))
    broken = [
        u.text
        for u in units
        if not whole(u, "\n".join(documents(by_n[n].doc_id) for n in u.cites if n in by_n))
    ]
    problems += [f"not a whole sentence: {text!r}" for text in broken]
    repeated = repeats(units, answer.sources)
    problems += [f"repeated: {text!r}" for text in repeated]
    lang_ok = bool(answer.sources) and language_ok(answer.sources, case.lang)
    if answer.sources and not lang_ok:
        problems.append("sources: " + ", ".join(f"{s.doc_id}" for s in answer.sources))
    relevant = set(case.relevant)
    on_topic = [any(doc_stem(by_n[n].doc_id) in relevant for n in u.cites if n in by_n) for u in units]
    problems += [f"off topic: {u.text!r}" for u, ok in zip(units, on_topic, strict=True) if not ok]
    facts = [fact_found(f, answer.answer) for f in case.expect_facts] if units else []
    problems += [f"missing fact {f!r}" for f, ok in zip(case.expect_facts, facts, strict=False) if not ok]
    return Scored(
        id=case.id,
        whole_sentences=float(bool(units) and not broken),
        no_repeats=float(bool(units) and not repeated),
        reader_language_first=float(lang_ok),
        on_topic_sentences=sum(on_topic) / len(on_topic) if on_topic else 0.0,
        facts_found=(sum(facts) / len(facts) if facts else 0.0) if case.expect_facts else float(bool(units)),
        problems=problems,
    )


METRICS = ("whole_sentences", "no_repeats", "reader_language_first", "on_topic_sentences", "facts_found")


def summarise(rows: list[Scored]) -> dict[str, float]:
    """The mean of every metric over the cases."""
    return {name: round(sum(getattr(r, name) for r in rows) / len(rows), 4) for name in METRICS}


def _run(path: Path, split: Split, services: Services | None, options: argparse.Namespace) -> SplitReport:
    services = require_index(services)
    retriever = services.retriever
    cache: dict[str, str] = {}

    def documents(doc_id: str) -> str:
        if doc_id not in cache:
            cache[doc_id] = _document_lines(c.text for c in retriever.chunks_of(doc_id))
        return cache[doc_id]

    rows = []
    grounded = []
    backends = set()
    for case in load_cases(path, split):
        answer = services.ask.answer(case.question)
        backends.add(answer.backend)
        row = score_case(case, answer, documents)
        rows.append(row)
        if answer.grounded:
            grounded.append(row)
    return SplitReport(
        n=len(rows),
        metrics=summarise(rows),
        failures=[f"{r.id}: {'; '.join(r.problems)}" for r in rows if r.problems],
        details={
            # an unanswered question scores 0 everywhere; these separate the composer from the relevance rule
            "answered": round(len(grounded) / len(rows), 4),
            "when_answered": summarise(grounded) if grounded else {},
            "backend": sorted(backends),
        },
    )


SUITE = Suite(
    name="answers",
    description="answers a person would read: whole sentences, no repeats, the reader's language, on topic, facts",
    dataset=DEFAULT_DATASET,
    run=_run,
    # the test split's figures as measured, less a small margin. An unanswered question scores 0 on every
    # metric: since the relevance rule contrasts with the background model it refuses 6 of the 26 test
    # questions (colloquial, far from the material's wording), and the figures fell with it
    thresholds={
        "whole_sentences": 0.75,
        "no_repeats": 0.75,
        "reader_language_first": 0.67,
        "on_topic_sentences": 0.70,
        "facts_found": 0.50,
    },
)
