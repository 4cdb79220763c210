"""The LLM proposes, rules verify: structured output, one repair round, then the offline composer.

A turn sends at most two requests to the model, whatever the structured-output method: a first try and
one more (a repair with the check errors, or, in `auto` mode, the same request in JSON mode when the
endpoint rejected function calling). A timeout or an unreachable endpoint ends the turn at once. Only
transport and validation errors fall back to offline mode; anything else is a programming error and is
raised, never reported to the user as "the language model failed".

The model may answer in a schema of its own (only the wording) that `build` merges into the frame code
owns (blocks, minutes, labels); the checks then run on the merged result. A wording that does not fit
the frame (a wrong count) is a validation error and gets the repair round like an unparsable answer.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, overload

import httpx
import openai
from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from pydantic import BaseModel, ValidationError

from assistant.text.language import Lang, pick

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
W = TypeVar("W", bound=BaseModel)
Method = Literal["auto", "json_schema", "function_calling", "json_mode"]
Check = Callable[[Any], list[str]]
MAX_REQUESTS = 2

# What the model or its endpoint can do wrong; everything else is a bug in Tandem and is raised.
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    openai.APIError,
    httpx.HTTPError,
    ConnectionError,
    TimeoutError,
)
VALIDATION_ERRORS: tuple[type[BaseException], ...] = (
    ValidationError,
    OutputParserException,
    json.JSONDecodeError,
)
MODEL_ERRORS = TRANSPORT_ERRORS + VALIDATION_ERRORS


@dataclass
class Outcome:
    """How a mode's object came about; the evals count first-try and after-repair passes from it."""

    backend: Literal["openai", "offline"]
    first_try_ok: bool | None = None
    repaired: bool = False
    errors: list[str] = field(default_factory=list)
    note: str = ""
    requests: int = 0


class _Budget:
    """Counts the requests of one turn and remembers which method the endpoint accepts."""

    def __init__(self, method: Method) -> None:
        self.method: Method = "function_calling" if method == "auto" else method
        self.can_switch = method == "auto"
        self.used = 0

    @property
    def left(self) -> int:
        return MAX_REQUESTS - self.used


def _method_rejected(exc: BaseException) -> bool:
    """The endpoint answered, but not to this structured-output method (llama.cpp rejects some)."""
    return isinstance(exc, openai.APIStatusError) and exc.status_code in {400, 404, 422, 500, 501}


def _request(llm: BaseChatModel, schema: type[T], messages: Sequence[BaseMessage], budget: _Budget) -> T:
    """One structured request with the current method; counts against the turn's budget."""
    prompt = list(messages)
    if budget.method == "json_mode":
        prompt.append(
            HumanMessage(f"Reply with one JSON object matching this schema: {schema.model_json_schema()}")
        )
    budget.used += 1
    result = llm.with_structured_output(schema, method=budget.method).invoke(prompt)
    return result if isinstance(result, schema) else schema.model_validate(result)


def _first_answer(llm: BaseChatModel, schema: type[T], messages: Sequence[BaseMessage], budget: _Budget) -> T:
    """The first try; in `auto` mode a rejected function call is asked again in JSON mode (the 2nd request)."""
    try:
        return _request(llm, schema, messages, budget)
    except TRANSPORT_ERRORS as exc:
        if not (budget.can_switch and _method_rejected(exc) and budget.left):
            raise
        log.info("the endpoint rejected %s (%s); asking in JSON mode", budget.method, exc)
        budget.method, budget.can_switch = "json_mode", False
        return _request(llm, schema, messages, budget)


@overload
def generate(
    llm: BaseChatModel | None,
    schema: type[T],
    messages: Sequence[BaseMessage],
    check: Check,
    compose: Callable[[], T],
    lang: Lang,
    method: Method = "auto",
) -> tuple[T, Outcome]: ...


@overload
def generate(
    llm: BaseChatModel | None,
    schema: type[W],
    messages: Sequence[BaseMessage],
    check: Check,
    compose: Callable[[], T],
    lang: Lang,
    method: Method = "auto",
    *,
    build: Callable[[W], T],
) -> tuple[T, Outcome]: ...


def generate(
    llm: BaseChatModel | None,
    schema: type[Any],
    messages: Sequence[BaseMessage],
    check: Check,
    compose: Callable[[], Any],
    lang: Lang,
    method: Method = "auto",
    *,
    build: Callable[[Any], Any] | None = None,
) -> tuple[Any, Outcome]:
    """Ask the LLM for `schema`, merge it with `build`, check it, repair once with the errors, else compose
    offline. Without `build` the model's object is the result."""
    if llm is None:
        return compose(), Outcome(backend="offline", note=offline_mode_note(lang))
    merge: Callable[[Any], Any] = build or (lambda answer: answer)
    budget = _Budget(method)
    try:
        answer = _first_answer(llm, schema, messages, budget)
        first = merge(answer)
    except VALIDATION_ERRORS as exc:
        return _repair_unparsable(llm, schema, messages, check, compose, lang, budget, exc, merge)
    except TRANSPORT_ERRORS as exc:
        return _offline_after_failure(compose, lang, exc, budget)
    errors = check(first)
    if not errors:
        return first, Outcome(backend="openai", first_try_ok=True, requests=budget.used)
    log.info("first answer failed %d check(s): %s", len(errors), errors)
    if not budget.left:
        return _offline_after_checks(compose, lang, errors, budget)
    repair = [*messages, AIMessage(answer.model_dump_json()), HumanMessage(repair_request(errors, lang))]
    try:
        second = merge(_request(llm, schema, repair, budget))
    except MODEL_ERRORS as exc:
        return _offline_after_failure(compose, lang, exc, budget, errors)
    second_errors = check(second)
    if not second_errors:
        return second, Outcome(
            backend="openai", first_try_ok=False, repaired=True, errors=errors, requests=budget.used
        )
    return _offline_after_checks(compose, lang, second_errors, budget)


def _repair_unparsable(
    llm: BaseChatModel,
    schema: type[W],
    messages: Sequence[BaseMessage],
    check: Check,
    compose: Callable[[], T],
    lang: Lang,
    budget: _Budget,
    exc: BaseException,
    merge: Callable[[W], T],
) -> tuple[T, Outcome]:
    """The first answer was not a valid object, or did not fit the frame: one more request with the error,
    else offline."""
    errors = [f"the answer was not a valid object: {_first_lines(exc)}"]
    log.info("first answer was not valid: %s", errors[0])
    if not budget.left:
        return _offline_after_failure(compose, lang, exc, budget, errors)
    try:
        second = merge(_request(llm, schema, [*messages, HumanMessage(repair_request(errors, lang))], budget))
    except MODEL_ERRORS as again:
        return _offline_after_failure(compose, lang, again, budget, errors)
    second_errors = check(second)
    if not second_errors:
        return second, Outcome(
            backend="openai", first_try_ok=False, repaired=True, errors=errors, requests=budget.used
        )
    return _offline_after_checks(compose, lang, second_errors, budget)


def _first_lines(exc: BaseException) -> str:
    """A validation error's message without pydantic's URL lines, at most 600 characters."""
    lines = [
        line.strip() for line in str(exc).splitlines() if line.strip() and "errors.pydantic.dev" not in line
    ]
    return " ".join(lines)[:600]


def _offline_after_checks(
    compose: Callable[[], T], lang: Lang, errors: list[str], budget: _Budget
) -> tuple[T, Outcome]:
    note = pick(
        lang,
        "Der Entwurf des Sprachmodells hat die Prüfregeln auch nach einer Korrekturrunde nicht erfüllt "
        f"({'; '.join(errors[:3])}); dieses Ergebnis stammt aus dem Offline-Modus.",
        "The language model's draft failed the checks even after one repair round "
        f"({'; '.join(errors[:3])}); this result comes from offline mode.",
    )
    outcome = Outcome(backend="offline", first_try_ok=False, errors=errors, note=note, requests=budget.used)
    return compose(), outcome


def _offline_after_failure(
    compose: Callable[[], T],
    lang: Lang,
    exc: BaseException,
    budget: _Budget,
    errors: list[str] | None = None,
) -> tuple[T, Outcome]:
    log.warning("LLM request failed after %d request(s), composing offline: %s", budget.used, exc)
    outcome = Outcome(
        backend="offline",
        first_try_ok=False,
        errors=errors or [],
        note=llm_failure_note(exc, lang),
        requests=budget.used,
    )
    return compose(), outcome


def llm_failure_note(exc: BaseException, lang: Lang) -> str:
    """Why a result came from offline mode although an LLM is configured."""
    reason = _reason(exc, lang)
    return pick(
        lang,
        f"Das Sprachmodell ist ausgefallen ({reason}); Ergebnis im Offline-Modus.",
        f"The language model failed ({reason}); this result comes from offline mode.",
    )


def _reason(exc: BaseException, lang: Lang) -> str:
    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException | TimeoutError):
        return pick(
            lang, "keine Antwort innerhalb von TANDEM_LLM_TIMEOUT", "no answer within TANDEM_LLM_TIMEOUT"
        )
    if isinstance(exc, openai.APIConnectionError | httpx.TransportError | ConnectionError):
        return pick(lang, "Endpunkt nicht erreichbar", "endpoint unreachable")
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, VALIDATION_ERRORS):
        return pick(lang, "unlesbare Antwort", "unreadable answer")
    return exc.__class__.__name__


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
