"""One chat turn: route the message (once), run the chosen mode, stream what it produces, record it.

The CLI and the UI both call this module; neither routes nor runs a mode nor writes a turn on its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.conversation.parameters import feedback_remark, prepare_parameters, reflect_kind
from assistant.conversation.record import Thread, to_record
from assistant.conversation.router import Route
from assistant.conversation.tandem import TandemLink, linked_tandem, run_linked
from assistant.errors import MAX_CHARS_SETTING, require_text
from assistant.modes.generation import Outcome
from assistant.modes.models import Mode
from assistant.modes.results import Result
from assistant.store.conversations import require_user
from assistant.store.records import turn_ref
from assistant.text.language import Lang, detect_language

if TYPE_CHECKING:
    from assistant.container import Services


@dataclass
class ChatTurn:
    """What `tandem chat` and the UI show: the route, the result and how it came about, and where it is stored."""

    route: Route
    result: Result
    outcome: Outcome | None = None
    parameters: dict[str, Any] = field(default_factory=dict)  # what the mode was asked, read from the message
    conversation: str | None = None  # set when the turn was recorded
    number: int | None = None
    tandem: str | None = None  # the tandem profile the conversation is linked to

    @property
    def ref(self) -> str | None:
        """The stored turn as ID/N (what `tandem rate` takes), or None when it was not recorded."""
        return turn_ref(self.conversation, self.number) if self.conversation and self.number else None


@dataclass
class TurnEvent:
    """First the route, then streamed text (ask only), last the complete turn."""

    route: Route | None = None
    delta: str = ""
    restart: bool = False
    turn: ChatTurn | None = None


def stream_turn(
    services: Services,
    message: str,
    mode: Mode | None = None,
    lang: Lang | None = None,
    thread: Thread | None = None,
) -> Iterator[TurnEvent]:
    """Route and run; `mode` corrects a wrong guess. The message is embedded at most once.

    With a `thread`, the finished turn is stored (in one transaction) before the last event is yielded;
    a conversation the user does not have is "not found" before anything runs.
    """
    message = require_text(
        message, "message", services.settings.max_question_chars, "Plan my first session", MAX_CHARS_SETTING
    )
    if thread is not None:
        require_user(thread.user)
        if thread.conversation is not None:
            services.conversations.require(thread.user, thread.conversation)
    link = linked_tandem(services, thread)  # an unknown --tandem stops the turn here
    language: Lang = lang or detect_language(message)
    vector: Sequence[float] | None = None
    if mode in (None, "ask"):
        vector = services.embeddings.embed_query(message)
    route = services.router.route(message, mode, vector)
    yield TurnEvent(route=route)
    if route.mode == "ask":
        turn: ChatTurn | None = None
        for event in services.ask.stream(message, language, vector=vector):
            if event.answer is not None:
                turn = ChatTurn(route, event.answer, parameters={"question": message, "language": language})
            else:
                yield TurnEvent(delta=event.delta, restart=event.restart)
        assert turn is not None, "the ask stream always ends with the answer"
    else:
        turn = _run_mode(services, route, message, language, link)
    turn.tandem = link.profile.name if link is not None else None
    if thread is not None:
        _record(services, thread, message, turn)
    yield TurnEvent(turn=turn)


def _record(services: Services, thread: Thread, message: str, turn: ChatTurn) -> None:
    record = to_record(message, turn.route.mode, turn.parameters, turn.result, services.settings.prompts_dir)
    stored = services.conversations.record(thread.user, thread.conversation, record, tandem=thread.tandem)
    turn.conversation, turn.number = stored.conversation, stored.number


def _run_mode(
    services: Services, route: Route, message: str, language: Lang, link: TandemLink | None = None
) -> ChatTurn:
    linked = run_linked(services, route.mode, message, language, link)  # log, and plans on a linked tandem
    if linked is not None:
        return ChatTurn(route, *linked)
    if route.mode == "prepare":
        ask = prepare_parameters(message)
        plan, outcome = services.prepare.plan(
            ask.topic, ask.minutes, ask.session, ask.of, lang=language, last=ask.last
        )
        return ChatTurn(route, plan, outcome, {**asdict(ask), "language": language})
    if route.mode == "feedback":
        remark = feedback_remark(message)
        draft, outcome = services.feedback.coach(remark, lang=language)
        return ChatTurn(route, draft, outcome, {"remark": remark, "language": language})
    kind = reflect_kind(message)
    result, outcome = services.reflect.reflect(message, kind, lang=language)
    return ChatTurn(route, result, outcome, {"context": message, "kind": kind, "language": language})


def respond(
    services: Services,
    message: str,
    mode: Mode | None = None,
    lang: Lang | None = None,
    thread: Thread | None = None,
) -> ChatTurn:
    """The whole turn at once (the stream, consumed)."""
    for event in stream_turn(services, message, mode, lang, thread):
        if event.turn is not None:
            return event.turn
    raise AssertionError("stream_turn always ends with a turn")
