"""One chat turn: route the message (once), run the chosen mode, stream what it produces.

The CLI and the UI both call this module; neither routes nor runs a mode on its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.conversation.parameters import feedback_remark, prepare_parameters, reflect_kind
from assistant.conversation.router import Route
from assistant.errors import MAX_CHARS_SETTING, require_text
from assistant.modes.generation import Outcome
from assistant.modes.models import Mode
from assistant.modes.results import Result
from assistant.text.language import Lang, detect_language

if TYPE_CHECKING:
    from assistant.container import Services


@dataclass
class ChatTurn:
    """What `tandem chat` and the UI show: the route, the result and how it came about."""

    route: Route
    result: Result
    outcome: Outcome | None = None


@dataclass
class TurnEvent:
    """First the route, then streamed text (ask only), last the complete turn."""

    route: Route | None = None
    delta: str = ""
    restart: bool = False
    turn: ChatTurn | None = None


def stream_turn(
    services: Services, message: str, mode: Mode | None = None, lang: Lang | None = None
) -> Iterator[TurnEvent]:
    """Route and run; `mode` corrects a wrong guess. The message is embedded at most once."""
    message = require_text(
        message, "message", services.settings.max_question_chars, "Plan my first session", MAX_CHARS_SETTING
    )
    language: Lang = lang or detect_language(message)
    vector: Sequence[float] | None = None
    if mode in (None, "ask"):
        vector = services.embeddings.embed_query(message)
    route = services.router.route(message, mode, vector)
    yield TurnEvent(route=route)
    if route.mode == "ask":
        for event in services.ask.stream(message, language, vector=vector):
            if event.answer is not None:
                yield TurnEvent(turn=ChatTurn(route, event.answer))
            else:
                yield TurnEvent(delta=event.delta, restart=event.restart)
        return
    yield TurnEvent(turn=_run_mode(services, route, message, language))


def _run_mode(services: Services, route: Route, message: str, language: Lang) -> ChatTurn:
    if route.mode == "prepare":
        ask = prepare_parameters(message)
        plan, outcome = services.prepare.plan(
            ask.topic, ask.minutes, ask.session, ask.of, lang=language, last=ask.last
        )
        return ChatTurn(route, plan, outcome)
    if route.mode == "feedback":
        draft, outcome = services.feedback.coach(feedback_remark(message), lang=language)
        return ChatTurn(route, draft, outcome)
    result, outcome = services.reflect.reflect(message, reflect_kind(message), lang=language)
    return ChatTurn(route, result, outcome)


def respond(services: Services, message: str, mode: Mode | None = None, lang: Lang | None = None) -> ChatTurn:
    """The whole turn at once (the stream, consumed)."""
    for event in stream_turn(services, message, mode, lang):
        if event.turn is not None:
            return event.turn
    raise AssertionError("stream_turn always ends with a turn")
