"""Grounded answers: retrieve, ask the LLM (streaming) or the offline composer, check the citations."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant import prompts
from assistant.errors import MAX_CHARS_SETTING, TandemError, require_text
from assistant.modes.ask.compose import best_passage, compose_answer, nothing_found, offline_note
from assistant.modes.checks import check_citations
from assistant.modes.generation import MODEL_ERRORS, llm_failure_note
from assistant.modes.material import Material, format_docs, to_sources
from assistant.rag.retrieve import Filters
from assistant.schema import Answer, Hit
from assistant.text.language import Lang, detect_language

log = logging.getLogger(__name__)


@dataclass
class StreamEvent:
    """A piece of streamed text, or (last) the complete, checked answer."""

    delta: str = ""
    answer: Answer | None = None
    restart: bool = False  # the text streamed so far is void (the model failed mid-answer): start again


class EmptyAnswerError(ValueError):
    """The model answered with no text: treated like an unreadable answer."""


ANSWER_ERRORS: tuple[type[BaseException], ...] = (*MODEL_ERRORS, EmptyAnswerError)


@dataclass
class AskService:
    """The `ask` mode: one question in, one grounded Answer out."""

    material: Material
    embeddings: Embeddings
    llm: BaseChatModel | None
    prompts_dir: Path
    max_question_chars: int

    def answer(
        self,
        question: str,
        lang: Lang | None = None,
        filters: Filters | None = None,
        vector: Sequence[float] | None = None,
        turns: Sequence[BaseMessage] = (),
    ) -> Answer:
        """The complete answer (the stream, consumed)."""
        final: Answer | None = None
        for event in self.stream(question, lang, filters, vector, turns):
            if event.answer is not None:
                final = event.answer
        assert final is not None  # stream() always ends with an answer
        return final

    def stream(
        self,
        question: str,
        lang: Lang | None = None,
        filters: Filters | None = None,
        vector: Sequence[float] | None = None,
        turns: Sequence[BaseMessage] = (),
    ) -> Iterator[StreamEvent]:
        """Text as it is written, then the checked Answer; the question is embedded once (or `vector` used).

        `turns` are the conversation's earlier turns for the model (`conversation.history`); a follow-up
        arrives here already condensed to a standalone question (`conversation.condense`).
        """
        question = require_text(
            question,
            "question",
            self.max_question_chars,
            "How do I give feedback upwards?",
            MAX_CHARS_SETTING,
        )
        if self.material.retriever.is_empty():
            raise TandemError(
                "The index is empty: run `tandem ingest` (or `make run`) to index the knowledge base."
            )
        language: Lang = lang or detect_language(question)
        if vector is None:
            vector = self.embeddings.embed_query(question)
        hits = self.material.for_reader(question, language, filters, vector)
        if not hits:
            yield from self._nothing_found(language)
            return
        if self.llm is not None:
            streamed = False
            try:
                for event in self._stream_llm(question, language, hits, turns):
                    streamed = streamed or bool(event.delta)
                    yield event
                return
            except ANSWER_ERRORS as exc:
                log.warning("LLM request failed, answering offline: %s", exc)
                note = llm_failure_note(exc, language)
                yield from self._stream_offline(question, vector, language, hits, note, restart=streamed)
                return
        yield from self._stream_offline(question, vector, language, hits, offline_note(language))

    def _nothing_found(self, lang: Lang, restart: bool = False) -> Iterator[StreamEvent]:
        """Not in the material: say so, with what Tandem can help with; no sources, not grounded."""
        text = nothing_found(lang)
        yield StreamEvent(delta=text, restart=restart)
        yield StreamEvent(
            answer=Answer(
                answer=text,
                sources=[],
                language=lang,
                backend="openai" if self.llm else "offline",
                grounded=False,
            )
        )

    def _stream_offline(
        self,
        question: str,
        vector: Sequence[float],
        lang: Lang,
        hits: list[Hit],
        note: str,
        restart: bool = False,
    ) -> Iterator[StreamEvent]:
        best = (
            best_passage(hits) - 1
        )  # the section that answers the question is shown whole (as far as it fits)
        hits = [self.material.whole_section(hit) if i == best else hit for i, hit in enumerate(hits)]
        text, cited = compose_answer(question, vector, lang, hits, self.embeddings)
        if not cited:  # passages were retrieved, but not one whole sentence of them answers the question
            yield from self._nothing_found(lang, restart)
            return
        checked = check_citations(text, len(cited))
        yield StreamEvent(delta=checked.text, restart=restart)
        yield StreamEvent(
            answer=Answer(
                answer=checked.text,
                sources=to_sources(cited),
                language=lang,
                backend="offline",
                note=note,
                citation_errors=len(checked.invalid),
            )
        )

    def _stream_llm(
        self, question: str, lang: Lang, hits: list[Hit], turns: Sequence[BaseMessage] = ()
    ) -> Iterator[StreamEvent]:
        assert self.llm is not None
        spec = prompts.load("ask", self.prompts_dir)
        messages = prompts.with_turns(spec.render(lang, question=question, context=format_docs(hits)), turns)
        parts: list[str] = []
        for chunk in self.llm.stream(messages):
            delta = chunk.content if isinstance(chunk.content, str) else ""
            if delta:
                parts.append(delta)
                yield StreamEvent(delta=delta)
        checked = check_citations("".join(parts).strip(), len(hits))
        if not checked.text.strip():
            raise EmptyAnswerError("the language model returned an empty answer")
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
