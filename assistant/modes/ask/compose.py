"""The offline composer: answers built from the knowledge base and rules when no LLM is configured."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.schema import Hit
from assistant.text.language import Lang, doc_stem, pick
from assistant.text.quotes import is_balanced
from assistant.text.sentences import split_sentences

_MARKUP = re.compile(r"^\s*(?:[-*+>]|\d+[.)])\s+|\*\*|__|`")
MAX_SENTENCES = 5
MAX_CANDIDATES = 40

SUGGESTIONS = {
    "de": [
        "Wie bereite ich als Mentorin eine Sitzung vor?",
        "Wie gebe ich meiner Führungskraft Feedback mit dem SBI-Modell?",
        "Welche offenen Fragen passen zum GROW-Modell?",
        "Wie reflektiere ich nach einer Sitzung mit dem Gibbs-Zyklus?",
    ],
    "en": [
        "How do I prepare a session as a junior mentor?",
        "How do I give feedback upwards with the SBI model?",
        "Which open questions fit the GROW model?",
        "How do I reflect after a session with the Gibbs cycle?",
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
    """The honest answer when retrieval found nothing relevant: say so and suggest what to ask."""
    tips = "\n".join(f"- {q}" for q in SUGGESTIONS[lang])
    return pick(
        lang,
        f"Dazu habe ich im Programmmaterial nichts Passendes gefunden, und ich möchte nichts erfinden. "
        f"Fragen Sie zum Beispiel:\n{tips}",
        f"I found nothing about this in the programme material, and I won't make something up. "
        f"You could ask, for example:\n{tips}",
    )


def clean_sentence(text: str) -> str:
    """Drop list markers and emphasis so a sentence reads on its own.

    >>> clean_sentence("- **Situation:** when and where")
    'Situation: when and where'
    """
    return " ".join(_MARKUP.sub("", text).split())


def _reads_alone(sentence: str) -> bool:
    """A cut-out quotation fragment has a quotation mark left unpaired, or ends in a colon.

    >>> _reads_alone('Sagen Sie: „Danke.“'), _reads_alone('Das ist eine 3.“ Weiter so.'), _reads_alone("Examples:")
    (True, False, False)
    """
    return is_balanced(sentence) and not sentence.endswith(":")


def candidate_sentences(hits: Sequence[Hit], lang: Lang) -> list[tuple[int, int, str]]:
    """(hit number, position, sentence) for every usable sentence of the hits.

    A passage whose translation twin is also among the hits, in the reader's language, is skipped.
    """
    own = {doc_stem(h.doc_id) for h in hits if h.lang == lang}
    found: list[tuple[int, int, str]] = []
    for n, hit in enumerate(hits, start=1):
        if hit.lang != lang and doc_stem(hit.doc_id) in own:
            continue
        position = 0
        for line in hit.text.splitlines():
            for sentence in split_sentences(line):
                sentence = clean_sentence(sentence)
                if len(sentence) >= 25 and not sentence.startswith("#") and _reads_alone(sentence):
                    found.append((n, position, sentence))
                    position += 1
    return found[:MAX_CANDIDATES]


def compose_answer(
    query_vector: Sequence[float], lang: Lang, hits: Sequence[Hit], embeddings: Embeddings
) -> str:
    """Pick the sentences of the retrieved passages closest to the question, each with its citation."""
    candidates = candidate_sentences(hits, lang)
    if not candidates:
        return nothing_found(lang)
    query = np.asarray(query_vector)
    vectors = np.asarray(embeddings.embed_documents([s for _, _, s in candidates]))
    scores = vectors @ query
    # a small bonus for earlier-ranked passages: retrieval already judged them more relevant
    scores = scores - 0.005 * np.asarray([n for n, _, _ in candidates])
    chosen: list[tuple[int, int, str]] = []
    per_hit: dict[int, int] = {}
    for index in np.argsort(-scores):
        n, position, sentence = candidates[int(index)]
        if per_hit.get(n, 0) >= 2:
            continue
        chosen.append((n, position, sentence))
        per_hit[n] = per_hit.get(n, 0) + 1
        if len(chosen) == MAX_SENTENCES:
            break
    chosen.sort(key=lambda item: (item[0], item[1]))
    lead = pick(lang, "Aus dem Programmmaterial:", "From the programme material:")
    lines = [lead, ""]
    for n, _, sentence in chosen:
        foreign = hits[n - 1].lang != lang
        label = pick(lang, " (Quelle auf Englisch)", " (source in German)") if foreign else ""
        lines.append(f"- {sentence} [{n}]{label}")
    return "\n".join(lines)
