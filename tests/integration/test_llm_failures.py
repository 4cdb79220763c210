"""A failing endpoint costs a turn at most two requests and about two timeouts; the user gets offline results.

Three endpoints that fail as real ones do: one that never answers in time, one that answers HTTP 500, one
that returns malformed JSON. Each mode must come back offline, with a note saying why, after at most two
requests and within two timeouts plus the local work of the turn (TANDEM_LLM_TIMEOUT=3: about 7 s
on an idle laptop).
"""

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.container import Services
from tests.conftest import services_with_llm
from tests.support.openai_server import FakeOpenAI, Reply

pytestmark = pytest.mark.integration
TIMEOUT = 3.0

FAILURES = {
    "never answers": Reply(hang=30.0),  # a client that ignored the timeout would wait 30 s per request
    "HTTP 500": Reply(status=500, error="internal error"),
    "malformed JSON": Reply(raw='{"choices": [{"message": {"content": "half'),
}


def run_ask(s: Services) -> Any:
    return s.ask.answer("Wie schreibe ich einen guten Prompt für ChatGPT?")


def run_prepare(s: Services) -> Any:
    return s.prepare.plan("ChatGPT für E-Mails", 45, 2, 6, lang="de")[0]


def run_feedback(s: Services) -> Any:
    return s.feedback.coach("You never listen in our sessions.")[0]


def run_reflect(s: Services) -> Any:
    return s.reflect.reflect("Heute haben wir Teams-Kanäle angelegt. Ich war unsicher.", "after-session")[0]


def offline_seconds(run: Callable[[Services], Any], services: Services) -> float:
    start = time.monotonic()
    run(services)
    return time.monotonic() - start


MODES: dict[str, Callable[[Services], Any]] = {
    "ask": run_ask,
    "prepare": run_prepare,
    "feedback": run_feedback,
    "reflect": run_reflect,
}


@pytest.mark.parametrize("failure", list(FAILURES), ids=lambda f: f.replace(" ", "-"))
@pytest.mark.parametrize("mode", list(MODES))
def test_failing_endpoint_gives_an_offline_result_within_budget(
    tmp_path: Path, bilingual_services: Services, failure: str, mode: str
) -> None:
    local = offline_seconds(MODES[mode], bilingual_services)  # also warms the caches
    with FakeOpenAI(default=FAILURES[failure]) as server:
        services = services_with_llm(tmp_path, server.base_url, bilingual_services, llm_timeout=TIMEOUT)
        start = time.monotonic()
        result = MODES[mode](services)
        elapsed = time.monotonic() - start
        assert result.backend == "offline" and result.note, result
        assert ("Sprachmodell" in result.note) or ("language model" in result.note)
        assert len(server.requests) <= 2, f"{len(server.requests)} requests"
    # two timeouts plus the turn's own work, measured offline before and after (slack for a loaded machine)
    local = max(local, offline_seconds(MODES[mode], bilingual_services))
    assert elapsed <= 2 * TIMEOUT + 3 * local + 2.0, f"{elapsed:.1f} s with {local:.1f} s of local work"
