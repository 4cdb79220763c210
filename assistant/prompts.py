"""Prompts are validated data: prompts/*.yaml -> PromptSpec -> a ChatPromptTemplate per language."""

from __future__ import annotations

import string
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from langchain_core.prompts import ChatPromptTemplate
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from assistant.errors import ConfigError
from assistant.text.language import Lang


class PromptVariant(BaseModel):
    """The messages of one language."""

    model_config = ConfigDict(extra="forbid")
    system: str
    user: str


class PromptSpec(BaseModel):
    """One prompt file: a name, a version, declared variables, and a German and an English variant."""

    model_config = ConfigDict(extra="forbid")
    name: str
    version: str
    description: str = ""
    variables: list[str]
    languages: dict[Lang, PromptVariant]

    @model_validator(mode="after")
    def _placeholders_match(self) -> PromptSpec:
        if set(self.languages) != {"de", "en"}:
            raise ValueError("a prompt needs both a 'de' and an 'en' variant")
        declared = set(self.variables)
        for lang, variant in self.languages.items():
            used = _placeholders(variant.system) | _placeholders(variant.user)
            if used != declared:
                raise ValueError(
                    f"{lang}: placeholders {sorted(used)} differ from declared variables {sorted(declared)}"
                )
        return self

    def template(self, lang: Lang) -> ChatPromptTemplate:
        variant = self.languages[lang]
        return ChatPromptTemplate.from_messages([("system", variant.system), ("human", variant.user)])

    def render(self, lang: Lang, **values: Any) -> list[Any]:
        """The messages, with every declared variable filled; a missing one raises."""
        missing = set(self.variables) - set(values)
        if missing:
            raise ConfigError(f"prompt '{self.name}' needs the variables {sorted(missing)}")
        return self.template(lang).format_messages(**{k: values[k] for k in self.variables})


def with_turns(messages: Sequence[Any], turns: Sequence[Any]) -> list[Any]:
    """A rendered prompt with a conversation's earlier turns between the system message and the request
    (the chat-history slot of LangChain's history-aware chains); no turns leave it as it is.

    >>> from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
    >>> [m.type for m in with_turns([SystemMessage("s"), HumanMessage("q")], [HumanMessage("a"), AIMessage("b")])]
    ['system', 'human', 'ai', 'human']
    """
    if not turns:
        return list(messages)
    head = 1 if messages and getattr(messages[0], "type", "") == "system" else 0
    return [*messages[:head], *turns, *messages[head:]]


def _placeholders(text: str) -> set[str]:
    """Names in {braces}; doubled braces are literal.

    >>> sorted(_placeholders("Hi {name}, {{not}} {topic}"))
    ['name', 'topic']
    """
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@lru_cache(maxsize=64)
def load(name: str, directory: Path) -> PromptSpec:
    """Load and validate prompts/<name>.yaml; errors name the file and what is wrong."""
    path = directory / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(
            f"prompt file {path} cannot be read ({exc.strerror}); check TANDEM_PROMPTS_DIR"
        ) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"prompt file {path} is not valid YAML: {exc}") from exc
    try:
        spec = PromptSpec.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"prompt file {path} is invalid: {problems}") from exc
    if spec.name != name:
        raise ConfigError(f"prompt file {path} declares name '{spec.name}'; it must be '{name}'")
    return spec
