"""The request budget of a turn, and which errors fall back to offline mode."""

import httpx
import openai
import pytest
from pydantic import BaseModel, ValidationError

from assistant.modes.generation import MAX_REQUESTS, generate
from tests.support.fakes import FakeLLM


class Thing(BaseModel):
    text: str


def offline() -> Thing:
    return Thing(text="offline")


def no_errors(thing: Thing) -> list[str]:
    return []


def status_error(code: int) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    return openai.APIStatusError("failed", response=httpx.Response(code, request=request), body=None)


def invalid() -> ValidationError:
    try:
        Thing.model_validate({})
    except ValidationError as exc:
        return exc
    raise AssertionError("unreachable")


def test_first_answer_passes_in_one_request() -> None:
    llm = FakeLLM([Thing(text="model")])
    thing, outcome = generate(llm, Thing, [], no_errors, offline, "en")  # type: ignore[arg-type]
    assert thing.text == "model" and outcome.first_try_ok and outcome.requests == 1


def test_check_errors_get_one_repair_then_offline() -> None:
    llm = FakeLLM([Thing(text="a"), Thing(text="b"), Thing(text="c")])
    thing, outcome = generate(llm, Thing, [], lambda t: ["too short"], offline, "en")  # type: ignore[arg-type]
    assert thing.text == "offline" and outcome.requests == MAX_REQUESTS == len(llm.calls)
    assert "repair round" in outcome.note


def test_auto_switches_to_json_mode_once_when_function_calling_is_rejected() -> None:
    llm = FakeLLM([status_error(400), Thing(text="json")])
    thing, outcome = generate(llm, Thing, [], no_errors, offline, "en", method="auto")  # type: ignore[arg-type]
    assert thing.text == "json" and llm.methods == ["function_calling", "json_mode"]
    assert outcome.requests == 2


def test_rejected_method_and_failed_checks_stop_at_two_requests() -> None:
    llm = FakeLLM([status_error(500), Thing(text="json"), Thing(text="never asked")])
    thing, outcome = generate(llm, Thing, [], lambda t: ["wrong"], offline, "en")  # type: ignore[arg-type]
    assert thing.text == "offline" and len(llm.calls) == 2 and outcome.requests == 2


def test_timeout_ends_the_turn_after_one_request() -> None:
    timeout = openai.APITimeoutError(request=httpx.Request("POST", "http://127.0.0.1/v1"))
    llm = FakeLLM([timeout, Thing(text="never asked")])
    thing, outcome = generate(llm, Thing, [], no_errors, offline, "de")  # type: ignore[arg-type]
    assert thing.text == "offline" and len(llm.calls) == 1
    assert "TANDEM_LLM_TIMEOUT" in outcome.note


def test_unreadable_answer_gets_one_more_request() -> None:
    llm = FakeLLM([invalid(), Thing(text="fixed")])
    thing, outcome = generate(llm, Thing, [], no_errors, offline, "en")  # type: ignore[arg-type]
    assert thing.text == "fixed" and outcome.repaired and outcome.requests == 2
    assert "not a valid object" in llm.calls[1][-1].content


def test_programming_errors_are_raised_not_reported_as_model_failures() -> None:
    def broken_check(thing: Thing) -> list[str]:
        raise TypeError("a bug in a check")

    with pytest.raises(TypeError, match="a bug in a check"):
        generate(FakeLLM([Thing(text="x")]), Thing, [], broken_check, offline, "en")  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        generate(FakeLLM([KeyError("bug")]), Thing, [], no_errors, offline, "en")  # type: ignore[arg-type]
