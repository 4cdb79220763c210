"""AskService with scripted fakes: streaming, citation checks, fallbacks, input limits."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding
from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.errors import InputError, TandemError
from assistant.modes.ask.service import AskService
from assistant.schema import Hit
from assistant.settings import PROJECT_ROOT
from tests.support.fakes import stub_material

HITS = [
    Hit(
        id=str(i),
        source=f"d{i}.md",
        title=f"Doc {i}",
        section="S",
        lang="en",
        score=1.0 / i,
        text=f"Passage number {i} explains how feedback upwards works in a tandem.",
        similarity=0.9,
    )
    for i in (1, 2, 3)
]


def service(llm: Any = None, hits: list[Hit] = HITS) -> AskService:
    return AskService(
        material=stub_material(hits),
        embeddings=DeterministicFakeEmbedding(size=16),  # type: ignore[arg-type]
        llm=llm,
        prompts_dir=PROJECT_ROOT / "prompts",
        max_question_chars=100,
    )


def fake_llm(text: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(content=text)]))


def test_llm_answer_streams_and_keeps_only_valid_citations() -> None:
    events = list(service(fake_llm("Use SBI [1]. Ask first [2][7].")).stream("How do I give feedback?"))
    deltas = [e.delta for e in events if e.delta]
    assert len(deltas) > 1  # streamed in pieces
    answer = events[-1].answer
    assert answer is not None
    assert answer.answer == "Use SBI [1]. Ask first [2]."
    assert answer.citation_errors == 1 and answer.backend == "openai"
    assert [s.n for s in answer.sources] == [1, 2]


def test_offline_answer_cites_retrieved_sources() -> None:
    answer = service().answer("How do I give feedback upwards?")
    assert answer.backend == "offline" and answer.note.startswith("Offline mode")
    # the three passages say the same sentence: it is given once, and only the cited source is listed
    assert "[1]" in answer.answer and answer.citation_errors == 0
    assert answer.answer.count("explains how feedback upwards works") == 1
    assert [s.n for s in answer.sources] == [1] and answer.sources[0].id == "1"


class BrokenModel(GenericFakeChatModel):
    def _stream(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        raise ConnectionError("endpoint down")


def test_llm_failure_falls_back_to_offline_with_a_note() -> None:
    answer = service(BrokenModel(messages=iter([]))).answer("Wie gebe ich Feedback nach oben?")
    assert answer.backend == "offline" and "nicht erreichbar" in answer.note
    assert answer.language == "de"


def test_nothing_relevant_says_so_and_does_not_call_the_llm() -> None:
    weak = [h.model_copy(update={"similarity": 0.05}) for h in HITS]
    llm = BrokenModel(messages=iter([]))
    answer = service(llm, hits=weak).answer("What is the capital of Peru?")
    assert not answer.grounded and answer.sources == []
    assert "not covered in the programme material" in answer.answer
    assert "preparing a session" in answer.answer and "feedback upwards" in answer.answer


@pytest.mark.parametrize("question", ["", "   ", "x" * 101])
def test_bad_questions_raise_input_errors(question: str) -> None:
    with pytest.raises(InputError):
        service().answer(question)


def test_language_override(tmp_path: Path) -> None:
    answer = service().answer("How do I give feedback upwards?", lang="de")
    assert answer.language == "de" and answer.answer.startswith("Aus dem Programmmaterial")


def test_empty_index_tells_the_user_to_ingest() -> None:
    with pytest.raises(TandemError, match="tandem ingest"):
        service(hits=[]).answer("How do I give feedback?")
