"""One chat turn: route the message (once), run the chosen mode, stream what it produces, record it.

The CLI and the UI both call this module; neither routes nor runs a mode nor writes a turn on its own.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from langchain_core.messages import BaseMessage

from assistant.conversation.condense import condense
from assistant.conversation.edits import RESULT_EDITS, edited_parameters, reapply
from assistant.conversation.followup import Previous, classify
from assistant.conversation.history import prompt_turns, transcript
from assistant.conversation.parameters import feedback_remark, prepare_parameters, reflect_kind
from assistant.conversation.record import Thread, to_record
from assistant.conversation.router import Route
from assistant.conversation.tandem import linked_tandem, run_linked
from assistant.errors import MAX_CHARS_SETTING, require_text
from assistant.modes.generation import Outcome
from assistant.modes.models import Mode
from assistant.modes.results import Result
from assistant.store import TandemProfile
from assistant.store.conversations import require_user
from assistant.store.records import Conversation, StoredTurn, turn_ref
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

    With a `thread` that continues a conversation, its state decides first (`conversation.followup`): an edit
    runs the last mode again with the changed parameters, a follow-up question is condensed to a standalone
    one before retrieval, a new request is routed as ever. With a model, the prompts get the recent turns.
    With a `thread`, the finished turn is stored (in one transaction) before the last event is yielded;
    a conversation the user does not have is "not found" before anything runs.
    """
    message = require_text(
        message, "message", services.settings.max_question_chars, "Plan my first session", MAX_CHARS_SETTING
    )
    earlier = _conversation(services, thread)
    link = linked_tandem(
        services, thread, earlier.tandem if earlier is not None else None
    )  # unknown: stop here
    previous = Previous.of(earlier.state) if earlier is not None else None
    decision = classify(message, previous, mode)
    history = earlier.history if earlier is not None else []
    budget = services.settings.history_tokens if services.settings.llm_enabled else 0
    turn: ChatTurn
    if decision.kind == "edit" and previous is not None:
        route = Route(mode=previous.mode, confidence=1.0, reason=decision.reason)
        yield TurnEvent(route=route)
        parameters = edited_parameters(previous.mode, previous.parameters, previous.result, decision.changes)
        parameters["language"] = lang or parameters.get("language") or previous.language or "en"
        profile = link.profile if link is not None and parameters.get("tandem") else None
        turn = _run_mode(
            services, route, parameters, _turns(history, budget, parameters["language"]), profile
        )
    else:
        fallback: Lang = (previous.language if previous is not None else None) or "en"
        language: Lang = lang or detect_language(message, default=fallback)
        turns = _turns(history, budget, language)
        question, how = message, ""
        if decision.kind == "follow-up" and previous is not None:
            llm = services.llm if budget else None
            question, how = condense(
                message,
                previous.subject,
                language,
                llm,
                services.settings.prompts_dir,
                transcript(history, budget, language),
                services.settings.max_question_chars,
            )
        vector: Sequence[float] | None = None
        if mode in (None, "ask"):
            vector = services.embeddings.embed_query(question)
        route = (
            Route(mode="ask", confidence=1.0, reason=decision.reason)
            if decision.kind == "follow-up"
            else services.router.route(message, mode, vector)
        )
        yield TurnEvent(route=route)
        if route.mode == "ask":
            asked: dict[str, Any] = {"question": message, "language": language}
            if how:
                asked.update(standalone=question, condensed_by=how)
            turn = yield from _ask(services, route, question, asked, vector, turns)
        elif (linked := run_linked(services, route.mode, message, language, link)) is not None:
            turn = ChatTurn(route, *linked)  # log, and plans on a linked tandem
        else:
            turn = _run_mode(services, route, _parameters(route.mode, message, language), turns)
    turn.tandem = link.profile.name if link is not None else None
    if thread is not None:
        _record(services, thread, message, turn)
    yield TurnEvent(turn=turn)


def _ask(
    services: Services,
    route: Route,
    question: str,
    parameters: dict[str, Any],
    vector: Sequence[float] | None,
    turns: Sequence[BaseMessage],
) -> Generator[TurnEvent, None, ChatTurn]:
    """Stream the answer to a (standalone) question; returns the finished turn."""
    for event in services.ask.stream(question, parameters["language"], vector=vector, turns=turns):
        if event.answer is not None:
            return ChatTurn(route, event.answer, parameters=parameters)
        yield TurnEvent(delta=event.delta, restart=event.restart)
    raise AssertionError("the ask stream always ends with the answer")


def _conversation(services: Services, thread: Thread | None) -> Conversation | None:
    """The conversation a thread continues (checked to be the user's), or None."""
    if thread is None:
        return None
    require_user(thread.user)
    if thread.conversation is None:
        return None
    return services.conversations.get(thread.user, thread.conversation)


def _turns(history: Sequence[StoredTurn], budget: int, language: Lang) -> list[BaseMessage]:
    return prompt_turns(history, budget, language) if budget and history else []


def _record(services: Services, thread: Thread, message: str, turn: ChatTurn) -> None:
    record = to_record(message, turn.route.mode, turn.parameters, turn.result, services.settings.prompts_dir)
    stored = services.conversations.record(thread.user, thread.conversation, record, tandem=thread.tandem)
    turn.conversation, turn.number = stored.conversation, stored.number


def _parameters(mode: Mode, message: str, language: Lang) -> dict[str, Any]:
    """What a new request asks the mode, read from the message."""
    if mode == "prepare":
        return {**asdict(prepare_parameters(message)), "language": language}
    if mode == "feedback":
        return {"remark": feedback_remark(message), "language": language}
    return {"context": message, "kind": reflect_kind(message), "language": language}


def _run_mode(
    services: Services,
    route: Route,
    parameters: dict[str, Any],
    turns: Sequence[BaseMessage] = (),
    profile: TandemProfile | None = None,
) -> ChatTurn:
    """Run prepare, feedback or reflect with the parameters (read from a message, or edited); an edited plan
    of a linked tandem keeps building on its profile."""
    p, language = parameters, parameters["language"]
    if route.mode == "prepare":
        plan, outcome = services.prepare.plan(
            p["topic"],
            p.get("minutes"),
            p.get("session"),
            p.get("of"),
            p.get("senior", ""),
            lang=language,
            last=bool(p.get("last")),
            focus=p.get("focus", ""),
            turns=turns,
            profile=profile,
        )
        return ChatTurn(route, _reapplied(services, plan, p), outcome, p)
    if route.mode == "feedback":
        draft, outcome = services.feedback.coach(
            p["remark"], p.get("context", ""), lang=language, turns=turns
        )
        return ChatTurn(route, draft, outcome, p)
    result, outcome = services.reflect.reflect(p["context"], p["kind"], lang=language, turns=turns)
    return ChatTurn(route, _reapplied(services, result, p), outcome, p)


def _reapplied(services: Services, result: Result, parameters: dict[str, Any]) -> Result:
    """A re-run result with the result-level edits of the conversation made again (added questions, shorter)."""
    if not parameters.get(RESULT_EDITS):
        return result
    return reapply(result, parameters, services.catalog)


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
