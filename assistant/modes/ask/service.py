"""Grounded answers: retrieve, ask the LLM (streaming) or the offline composer, check the citations."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel

from assistant import prompts
from assistant.errors import InputError, TandemError
from assistant.modes.ask.compose import compose_answer, nothing_found, offline_note
from assistant.modes.checks import check_citations
from assistant.modes.generation import llm_failure_note
from assistant.modes.material import format_docs, is_relevant, to_sources
from assistant.rag.retrieve import Filters, Retriever
from assistant.schema import Answer, Hit
from assistant.text.language import Lang, detect_language

log = logging.getLogger(__name__)


@dataclass
class StreamEvent:
    """A piece of streamed text, or (last) the complete, checked answer."""

    delta: str = ""
    answer: Answer | None = None


def validate_question(question: str, max_chars: int) -> str:
    """Reject empty and over-long questions with a message that says what to do."""
    text = (question or "").strip()
    if not text:
        raise InputError(
            'The question is empty: type a question, e.g. tandem ask "How do I give feedback upwards?"'
        )
    if len(text) > max_chars:
        raise InputError(
            f"The question has {len(text)} characters; the limit is {max_chars} (TANDEM_MAX_QUESTION_CHARS). "
            "Shorten it or split it into several questions."
        )
    return text


@dataclass
class AskService:
    """The `ask` mode: one question in, one grounded Answer out."""

    retriever: Retriever
    embeddings: Embeddings
    llm: BaseChatModel | None
    prompts_dir: Path
    top_k: int = 5
    min_relevance: float = 0.17
    max_question_chars: int = 2000
    llm_label: str = field(default="")

    def relevant_hits(self, question: str, filters: Filters | None = None) -> list[Hit]:
        """Retrieved passages that pass the relevance rules (best first); see `is_relevant`."""
        hits = self.retriever.search(question, self.top_k, filters)
        return [h for h in hits if is_relevant(h, self.min_relevance)]

    def answer(self, question: str, lang: Lang | None = None, filters: Filters | None = None) -> Answer:
        """The complete answer (the stream, consumed)."""
        final: Answer | None = None
        for event in self.stream(question, lang, filters):
            if event.answer is not None:
                final = event.answer
        assert final is not None  # stream() always ends with an answer
        return final

    def stream(
        self, question: str, lang: Lang | None = None, filters: Filters | None = None
    ) -> Iterator[StreamEvent]:
        """Text as it is written, then the checked Answer."""
        question = validate_question(question, self.max_question_chars)
        if self.retriever.is_empty():
            raise TandemError(
                "The index is empty: run `tandem ingest` (or `make run`) to index the knowledge base."
            )
        language: Lang = lang or detect_language(question)
        hits = self.relevant_hits(question, filters)
        if not hits:
            text = nothing_found(language)
            yield StreamEvent(delta=text)
            yield StreamEvent(
                answer=Answer(
                    answer=text,
                    sources=[],
                    language=language,
                    backend="openai" if self.llm else "offline",
                    grounded=False,
                )
            )
            return
        if self.llm is not None:
            try:
                yield from self._stream_llm(question, language, hits)
                return
            except Exception as exc:
                log.warning("LLM request failed, answering offline: %s", exc)
                note = llm_failure_note(exc, language)
                yield from self._stream_offline(question, language, hits, note)
                return
        yield from self._stream_offline(question, language, hits, offline_note(language))

    def _stream_offline(self, question: str, lang: Lang, hits: list[Hit], note: str) -> Iterator[StreamEvent]:
        text = compose_answer(question, lang, hits, self.embeddings)
        checked = check_citations(text, len(hits))
        yield StreamEvent(delta=checked.text)
        yield StreamEvent(
            answer=Answer(
                answer=checked.text,
                sources=to_sources(hits),
                language=lang,
                backend="offline",
                note=note,
                citation_errors=len(checked.invalid),
            )
        )

    def _stream_llm(self, question: str, lang: Lang, hits: list[Hit]) -> Iterator[StreamEvent]:
        assert self.llm is not None
        spec = prompts.load("ask", self.prompts_dir)
        messages = spec.render(lang, question=question, context=format_docs(hits))
        parts: list[str] = []
        for chunk in self.llm.stream(messages):
            delta = chunk.content if isinstance(chunk.content, str) else ""
            if delta:
                parts.append(delta)
                yield StreamEvent(delta=delta)
        checked = check_citations("".join(parts).strip(), len(hits))
        if not checked.text.strip():
            raise ValueError("the language model returned an empty answer")
        sources = to_sources(hits)
        if checked.cited:
            sources = [s for s in sources if s.n in checked.cited]
        yield StreamEvent(
            answer=Answer(
                answer=checked.text,
                sources=sources,
                language=lang,
                backend="openai",
                citation_errors=len(checked.invalid),
            )
        )
