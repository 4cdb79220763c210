"""The LLM proposes, rules verify: structured output, one repair round, then the offline composer."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from pydantic import BaseModel

from assistant.text.language import Lang, pick

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
Method = Literal["auto", "json_schema", "function_calling", "json_mode"]
Check = Callable[[Any], list[str]]


@dataclass
class Outcome:
    """How a mode's object came about; the evals count first-try and after-repair passes from it."""

    backend: Literal["openai", "offline"]
    first_try_ok: bool | None = None
    repaired: bool = False
    errors: list[str] = field(default_factory=list)
    note: str = ""


def _ask(llm: BaseChatModel, schema: type[T], messages: Sequence[BaseMessage], method: Method) -> T:
    """One structured call; `auto` tries function calling (widest support), then JSON mode."""
    methods = ["function_calling", "json_mode"] if method == "auto" else [method]
    last: Exception | None = None
    for candidate in methods:
        try:
            prompt = list(messages)
            if candidate == "json_mode":
                prompt.append(
                    HumanMessage(
                        f"Reply with one JSON object matching this schema: {schema.model_json_schema()}"
                    )
                )
            result = llm.with_structured_output(schema, method=candidate).invoke(prompt)
            if isinstance(result, schema):
                return result
            return schema.model_validate(result)
        except Exception as exc:
            last = exc
            log.info("structured output with %s failed: %s", candidate, exc)
    assert last is not None
    raise last


def generate(
    llm: BaseChatModel | None,
    schema: type[T],
    messages: Sequence[BaseMessage],
    check: Check,
    compose: Callable[[], T],
    lang: Lang,
    method: Method = "auto",
) -> tuple[T, Outcome]:
    """Ask the LLM for `schema`, check it, repair once with the errors, else compose offline."""
    if llm is None:
        return compose(), Outcome(backend="offline", note=offline_mode_note(lang))
    try:
        first = _ask(llm, schema, messages, method)
        errors = check(first)
        if not errors:
            return first, Outcome(backend="openai", first_try_ok=True)
        log.info("first answer failed %d check(s): %s", len(errors), errors)
        repair = [*messages, AIMessage(first.model_dump_json()), HumanMessage(repair_request(errors, lang))]
        second = _ask(llm, schema, repair, method)
        second_errors = check(second)
        if not second_errors:
            return second, Outcome(backend="openai", first_try_ok=False, repaired=True, errors=errors)
        note = pick(
            lang,
            "Der Entwurf des Sprachmodells hat die Prüfregeln auch nach einer Korrekturrunde nicht erfüllt "
            f"({'; '.join(second_errors[:3])}); dieses Ergebnis stammt aus dem Offline-Modus.",
            "The language model's draft failed the checks even after one repair round "
            f"({'; '.join(second_errors[:3])}); this result comes from offline mode.",
        )
        return compose(), Outcome(backend="offline", first_try_ok=False, errors=second_errors, note=note)
    except Exception as exc:
        log.warning("LLM request failed, composing offline: %s", exc)
        return compose(), Outcome(backend="offline", first_try_ok=False, note=llm_failure_note(exc, lang))


def llm_failure_note(exc: Exception, lang: Lang) -> str:
    """Why a result came from offline mode although an LLM is configured."""
    return pick(
        lang,
        f"Das Sprachmodell ist ausgefallen ({exc.__class__.__name__}); Ergebnis im Offline-Modus.",
        f"The language model failed ({exc.__class__.__name__}); this result comes from offline mode.",
    )


def repair_request(errors: list[str], lang: Lang) -> str:
    """The message of the repair round: the validation errors, and what to return."""
    listed = "\n".join(f"- {e}" for e in errors)
    return pick(
        lang,
        f"Dein Ergebnis verletzt diese Regeln:\n{listed}\nKorrigiere genau diese Punkte und gib das vollständige "
        "Objekt erneut zurück.",
        f"Your result breaks these rules:\n{listed}\nFix exactly these points and return the complete object again.",
    )


def offline_mode_note(lang: Lang) -> str:
    return pick(
        lang,
        "Offline-Modus: aus dem Programmmaterial und festen Regeln zusammengestellt, ohne Sprachmodell.",
        "Offline mode: composed from the programme material and fixed rules, without a language model.",
    )
