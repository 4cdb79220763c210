"""The offline composer: answers built from the knowledge base and rules when no LLM is configured.

An offline answer shows the passage that best answers the question (its paragraphs, lists and tables, the
least relevant left out until it fits PRIMARY_CHARS), then at most SECONDARY sentences of other passages
that are nearly as close to the question. Everything shown is whole (whole sentences, a list with its
introduction, a table), each sentence once, grouped by the passage it comes from. A sentence of another
passage must share a content word with the question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.modes.ask.passages import (
    is_repeat,
    list_intro,
    passage_units,
    shares_content,
    unit_sentences,
    whole_item,
)
from assistant.rag.keyword import query_terms
from assistant.schema import Hit
from assistant.text.language import Lang, doc_stem, pick

PRIMARY_CHARS = 1200  # of the best passage: a section as a person reads it at a glance
EVIDENCE_WEIGHT = 0.2  # the question's own words in a passage, beside its similarity in meaning
SECONDARY = 2  # sentences from other passages
SECTION_MARGIN = 0.05  # another passage this far (cosine) behind the best one answers something else
SCORE_MARGIN = 0.05  # a sentence of another passage this far behind the best passage's best one adds nothing
MAX_CANDIDATES = 80
RANK_STEP = 0.005  # a small bonus for earlier-ranked passages: retrieval already judged them more relevant

HELP_TOPICS = {
    "de": [
        "eine Sitzung vorbereiten (Ablauf, Übung, offene Fragen)",
        "Feedback nach oben formulieren (SBI, Ich-Botschaft)",
        "Reflexionsfragen nach einer Sitzung",
        "die Regeln des Programms: Vertraulichkeit, Zeitaufwand, Absagen",
    ],
    "en": [
        "preparing a session (agenda, exercise, open questions)",
        "putting feedback upwards into words (SBI, I-message)",
        "reflection questions after a session",
        "the programme's rules: confidentiality, time commitment, cancellations",
    ],
}


def offline_note(lang: Lang) -> str:
    """Says where the answer came from and how to get a written one."""
    return pick(
        lang,
        "Offline-Modus: Kein Sprachmodell verbunden, daher die passendsten Stellen aus dem Programmmaterial. "
        "Für ausformulierte Antworten TANDEM_LLM_BASE_URL und TANDEM_LLM_MODEL setzen (z. B. Ollama oder OpenAI).",
        "Offline mode: no language model is connected, so these are the most relevant passages of the "
        "programme material. For written answers, set TANDEM_LLM_BASE_URL and TANDEM_LLM_MODEL (e.g. Ollama, OpenAI).",
    )


def nothing_found(lang: Lang) -> str:
    """The friendly answer when nothing in the material answers the question: say so, and what Tandem does.

    >>> print(nothing_found("en").splitlines()[0])
    That is not covered in the programme material, so I would rather not guess.
    """
    topics = "\n".join(f"- {topic}" for topic in HELP_TOPICS[lang])
    return pick(
        lang,
        f"Dazu steht nichts im Programmmaterial, deshalb möchte ich lieber nicht raten.\n"
        f"Bei Ihrem Tandem helfe ich gern, zum Beispiel bei:\n{topics}",
        f"That is not covered in the programme material, so I would rather not guess.\n"
        f"I can help with your tandem, for example with:\n{topics}",
    )


@dataclass(frozen=True)
class Candidate:
    """Something of the n-th hit that may be shown: a sentence, a list's introduction or item, or a table."""

    n: int
    block: int
    unit: int
    position: int
    text: str
    kind: str = "sentence"  # "sentence", "intro", "item" or "table"


def best_passage(hits: Sequence[Hit]) -> int:
    """The number (1-based) of the passage closest to the question, in meaning and (a little) in words: the
    section that answers it."""
    if not hits:
        return 0
    return max(range(len(hits)), key=lambda i: hits[i].similarity + EVIDENCE_WEIGHT * hits[i].evidence) + 1


def _best_candidates(n: int, hit: Hit) -> list[Candidate]:
    """All of the best passage: sentences, lists with their introductions, tables."""
    found: list[Candidate] = []
    units = passage_units(hit.text)
    listed = {u.block for u in units if u.kind == "item"}
    introduced = {u.block for u in units if u.block in listed and list_intro(u)}
    for index, unit in enumerate(units):
        if unit.kind == "table":
            found.append(Candidate(n, unit.block, index, 0, unit.text, "table"))
        elif unit.kind == "item" and unit.block in introduced:
            if item := whole_item(unit):
                found.append(Candidate(n, unit.block, index, 0, item, "item"))
        else:
            sentences = unit_sentences(unit)
            found += [Candidate(n, unit.block, index, p, s) for p, s in enumerate(sentences)]
            if unit.block in introduced and (intro := list_intro(unit)):
                found.append(Candidate(n, unit.block, index, len(sentences), intro, "intro"))
    return found


def candidate_sentences(question: str, hits: Sequence[Hit], lang: Lang) -> list[Candidate]:
    """What may be shown, once each: all of the best passage, and the sentences of the other passages that
    share a content word with the question. A passage whose translation twin is among the hits in the
    reader's language is skipped."""
    own = {doc_stem(h.doc_id) for h in hits if h.lang == lang}
    terms = {term for group in query_terms(question) for term in group}
    best = best_passage(hits)
    found: list[Candidate] = []
    for n in sorted(range(1, len(hits) + 1), key=lambda n: n != best):
        hit = hits[n - 1]
        if hit.lang != lang and doc_stem(hit.doc_id) in own:
            continue
        if n == best:
            options = _best_candidates(n, hit)
        else:
            options = [
                Candidate(n, -1, index, p, sentence)
                for index, unit in enumerate(passage_units(hit.text))
                for p, sentence in enumerate(unit_sentences(unit))
                if shares_content(sentence, hit.lang, terms)
            ]
        for option in options:
            if option.kind == "table" or not is_repeat(
                option.text, [c.text for c in found if c.kind != "table"]
            ):
                found.append(option)
    return found[:MAX_CANDIDATES]


def _fit(chosen: list[int], candidates: Sequence[Candidate], scores: np.ndarray) -> list[int]:
    """Drop the least relevant blocks of the best passage (a list goes with its introduction), then its least
    relevant parts (never a list's introduction), until it fits PRIMARY_CHARS."""

    def size(indices: list[int]) -> int:
        return sum(len(candidates[i].text) for i in indices)

    blocks = {candidates[i].block for i in chosen}
    while size(chosen) > PRIMARY_CHARS and len(blocks) > 1:
        weakest = min(blocks, key=lambda b: max(scores[i] for i in chosen if candidates[i].block == b))
        blocks.discard(weakest)
        chosen = [i for i in chosen if candidates[i].block != weakest]
    parts = [i for i in chosen if candidates[i].kind != "intro"]
    while size(chosen) > PRIMARY_CHARS and len(parts) > 1:
        weakest_part = min(parts, key=lambda i: scores[i])
        parts.remove(weakest_part)
        chosen.remove(weakest_part)
    return chosen


def choose(candidates: Sequence[Candidate], scores: np.ndarray, hits: Sequence[Hit]) -> list[Candidate]:
    """The best passage (fitted to PRIMARY_CHARS), then at most SECONDARY sentences of other passages that
    are nearly as close to the question as the best passage."""
    best = best_passage(hits)
    chosen = _fit([i for i, c in enumerate(candidates) if c.n == best], candidates, scores)
    shown = [float(scores[i]) for i in chosen if candidates[i].kind != "table"]
    top = max(shown, default=float(scores.max()) if len(scores) else 0.0)
    floor = hits[best - 1].similarity - SECTION_MARGIN if best else 0.0
    others = [
        int(i)
        for i in np.argsort(-scores, kind="stable")
        if candidates[i].n != best
        and hits[candidates[i].n - 1].similarity >= floor
        and scores[i] >= top - SCORE_MARGIN
    ]
    return [candidates[i] for i in chosen + others[:SECONDARY]]


def _lines(group: list[Candidate]) -> list[str]:
    """One passage's part of the answer, in document order: consecutive sentences of a paragraph make one
    bullet, a list's items are indented under its introduction, a table stays a table."""
    lines: list[str] = []
    previous: Candidate | None = None
    for c in sorted(group, key=lambda c: (c.unit, c.kind == "intro", c.position)):
        if c.kind == "table":
            lines += ["", c.text, ""]
        elif c.kind == "item":
            lines.append(f"  - {c.text}")
        elif (
            previous
            and previous.kind == "sentence"
            and (previous.unit, previous.position + 1)
            == (
                c.unit,
                c.position,
            )
        ):
            lines[-1] += f" {c.text}"
        else:
            lines.append(f"- {c.text}")
        previous = c
    return lines


def render(chosen: Sequence[Candidate], hits: Sequence[Hit], lang: Lang) -> tuple[str, list[Hit]]:
    """Group by passage, the best first, numbered 1..m as cited; the passages cited, in that order."""
    order = list(dict.fromkeys(c.n for c in chosen))
    lines = [pick(lang, "Aus dem Programmmaterial:", "From the programme material:")]
    used: list[Hit] = []
    for number, n in enumerate(order, start=1):
        hit = hits[n - 1]
        used.append(hit)
        foreign = pick(lang, " (Quelle auf Englisch)", " (source in German)") if hit.lang != lang else ""
        lines += ["", f"**{hit.section or hit.title}** [{number}]{foreign}"]
        lines += _lines([c for c in chosen if c.n == n])
    text = "\n".join(line for i, line in enumerate(lines) if line or lines[i - 1])  # no double blank lines
    return text.strip(), used


def compose_answer(
    question: str,
    query_vector: Sequence[float],
    lang: Lang,
    hits: Sequence[Hit],
    embeddings: Embeddings,
) -> tuple[str, list[Hit]]:
    """The offline answer and the passages it cites, numbered as cited; no passages when nothing fits."""
    candidates = candidate_sentences(question, hits, lang)
    if not candidates:
        return nothing_found(lang), []
    vectors = np.asarray(embeddings.embed_documents([c.text for c in candidates]))
    scores = vectors @ np.asarray(query_vector) - RANK_STEP * np.asarray([c.n for c in candidates])
    return render(choose(candidates, scores, hits), hits, lang)
