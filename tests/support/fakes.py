"""Scripted stand-ins for unit tests: a retriever with fixed hits, a model with scripted structured answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.modes.material import Material
from assistant.schema import Chunk, Hit


@dataclass
class StubRetriever:
    """Returns the given hits for every query and records the queries."""

    hits: list[Hit] = field(default_factory=list)
    queries: list[tuple[str, int, Any]] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.hits

    def search(self, query: str, k: int = 5, filters: Any = None, vector: Any = None) -> list[Hit]:
        self.queries.append((query, k, filters))
        return self.hits[:k]

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return []


def stub_material(hits: list[Hit] | None = None) -> Material:
    """The modes' material over a stub retriever, with the default top-k and relevance floor."""
    return Material(StubRetriever(hits or []), top_k=5, min_relevance=0.17)  # type: ignore[arg-type]


class ScriptedStructured:
    """Stands in for `llm.with_structured_output(...)`: returns the scripted answers in order."""

    def __init__(self, owner: FakeLLM) -> None:
        self.owner = owner

    def invoke(self, messages: list[Any]) -> Any:
        self.owner.calls.append(messages)
        answer = self.owner.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


@dataclass
class FakeLLM:
    """A chat model whose structured answers (or exceptions) are scripted; records every call's messages."""

    answers: list[Any]
    calls: list[list[Any]] = field(default_factory=list)

    methods: list[str] = field(default_factory=list)

    def with_structured_output(self, schema: Any, method: str = "function_calling") -> ScriptedStructured:
        self.methods.append(method)
        return ScriptedStructured(self)
