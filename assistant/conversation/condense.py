"""A follow-up question condensed to a standalone question before retrieval (the history-aware retriever
pattern): the programme material is searched with a question that says what it is about.

With a model, the condense prompt (prompts/condense.yaml) gets the recent conversation and the follow-up
and returns the standalone question. Without one, or when the model fails or answers with nothing usable,
rules do it: the word that refers back ("that", "das", "dazu") is replaced by what the last turn was about
(the content words of its question, or a plan's topic); when there is no such word, the subject is added.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Literal

from langchain_core.language_models import BaseChatModel

from assistant import prompts
from assistant.conversation.followup import ELABORATION, INFLECTED, PRONOMINAL_ADVERBS, reference
from assistant.modes.generation import MODEL_ERRORS
from assistant.rag.keyword import content_words
from assistant.text.language import Lang, pick

log = logging.getLogger(__name__)
How = Literal["rules", "model"]

_WORD = re.compile(r"[\wäöüßÄÖÜ'-]+")
_OPENER = re.compile(r"^\W*(?:and|und|also|but|aber|oder|or|so|dann|then)\b[\s,]*", re.IGNORECASE)
_LABEL = re.compile(r"^\W*(?:standalone question|eigenständige frage|question|frage)\s*:\s*", re.IGNORECASE)
_DETAIL_NOUNS = frozenset("example examples instance details detail beispiel beispiele".split())


def subject_phrase(question: str) -> str:
    """What a question is about: its words from the first to the last content word of its own.

    >>> subject_phrase("What is SBI feedback?"), subject_phrase("Was ist eine Ich-Botschaft?")
    ('SBI feedback', 'Ich-Botschaft')
    >>> subject_phrase("Give me an example of SBI feedback"), subject_phrase("video calls")
    ('SBI feedback', 'video calls')
    """
    words = [
        m
        for m in _WORD.finditer(question)
        if content_words(m.group())
        and m.group().lower() not in ELABORATION
        and m.group().lower() not in INFLECTED
    ]
    if not words:
        return question.strip(" ?.!")
    return question[words[0].start() : words[-1].end()]


def by_rules(message: str, subject: str, lang: Lang) -> str:
    """The follow-up with the reference replaced by the last turn's subject (or the subject added).

    >>> by_rules("give me an example of that", "What is SBI feedback?", "en")
    'Give me an example of SBI feedback'
    >>> by_rules("Und wie sage ich das meiner Führungskraft?", "Was ist eine Ich-Botschaft?", "de")
    'Wie sage ich Ich-Botschaft meiner Führungskraft?'
    >>> by_rules("Gibt es dazu ein Beispiel?", "Was ist SBI?", "de"), by_rules("Warum?", "What is SBI?", "en")
    ('Gibt es zu SBI ein Beispiel?', 'Warum? (SBI)')
    """
    about = subject_phrase(subject)
    text = _OPENER.sub("", message.strip()) or message.strip()
    found = reference(text)
    if found is not None:
        word = found.group().lower()
        replacement = f"{PRONOMINAL_ADVERBS[word]} {about}" if word in PRONOMINAL_ADVERBS else about
        text = text[: found.start()] + replacement + text[found.end() :]
    else:
        core, end = text.rstrip(" ?.!"), ("?" if text.rstrip().endswith("?") else "")
        detail = bool(core.split()) and core.split()[-1].lower() in _DETAIL_NOUNS  # "an example" -> of what
        text = f"{core} {pick(lang, 'zu', 'of')} {about}{end}" if detail else f"{core}{end} ({about})"
    return text[:1].upper() + text[1:]


def by_model(
    llm: BaseChatModel, prompts_dir: Path, message: str, history: str, lang: Lang, limit: int
) -> str | None:
    """The model's standalone question, or None when it failed or answered with nothing usable."""
    messages = prompts.load("condense", prompts_dir).render(lang, history=history or "-", question=message)
    try:
        reply = llm.invoke(messages)
    except MODEL_ERRORS as exc:
        log.warning("condensing the follow-up failed, using the rules: %s", exc)
        return None
    content = reply.content if isinstance(reply.content, str) else ""
    lines = [line.strip() for line in content.splitlines() if line.strip()]
    text = _LABEL.sub("", lines[0]).strip(" \"'„“”") if lines else ""
    return text if text and len(text) <= limit else None


def condense(
    message: str,
    subject: str,
    lang: Lang,
    llm: BaseChatModel | None = None,
    prompts_dir: Path | None = None,
    history: str = "",
    limit: int = 2000,
) -> tuple[str, How]:
    """The standalone question for a follow-up, and whether the model or the rules wrote it."""
    if llm is not None and prompts_dir is not None:
        written = by_model(llm, prompts_dir, message, history, lang, limit)
        if written:
            return written, "model"
    return by_rules(message, subject, lang)[:limit], "rules"
