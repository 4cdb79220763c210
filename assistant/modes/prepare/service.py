"""Prepare a session (juniors): a timed agenda, goals, open questions and a hands-on exercise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant import prompts
from assistant.catalog import AgendaTemplates, ProgrammeProfile
from assistant.errors import InputError
from assistant.modes.generation import Method, Outcome, generate
from assistant.modes.material import Material, format_docs, to_sources
from assistant.modes.prepare.checks import check_plan
from assistant.modes.prepare.compose import fill_frame
from assistant.modes.prepare.frame import plan_frame
from assistant.modes.prepare.models import (
    MAX_TOPIC_CHARS,
    PlanContent,
    PlanRequest,
    SessionPlan,
    validate_request,
)
from assistant.store import TandemProfile
from assistant.text.language import Lang, detect_language, pick


@dataclass
class PrepareService:
    """The `prepare` mode: a topic and the tandem's situation in, a checked SessionPlan out."""

    material: Material
    llm: BaseChatModel | None
    prompts_dir: Path
    agendas: AgendaTemplates
    programme: ProgrammeProfile
    max_chars: int
    method: Method = "auto"

    def plan(
        self,
        topic: str,
        minutes: int | None = None,
        session: int | None = None,
        of: int | None = None,
        senior: str = "",
        lang: Lang | None = None,
        profile: TandemProfile | None = None,
        last: bool = False,
        *,
        focus: str = "",
        turns: Sequence[BaseMessage] = (),
    ) -> tuple[SessionPlan, Outcome]:
        """A checked session plan, from the LLM or the offline composer.

        What the request leaves open comes from the tandem `profile` if there is one (the next session's
        number, the planned number of sessions, the senior, the language, what earlier sessions covered),
        else from the programme profile (standard length, number of sessions). `last` plans the closing one.
        `focus` is what the hands-on exercise practises when the junior asked for it; `turns` are the earlier
        turns of the conversation for the model (`conversation.history`).
        """
        if profile is not None:
            session = profile.next_session if session is None and not last else session
            of = profile.sessions_planned if of is None else of
            senior = senior or profile.senior
            lang = lang or profile.lang
        minutes = self.programme.session_minutes.standard if minutes is None else minutes
        of = max(self.programme.sessions, session or 1) if of is None else of
        session = of if last and session is None else (1 if session is None else session)
        validate_request(topic, minutes, session, of, senior, self.max_chars)
        focus = " ".join(focus.split())
        if len(focus) > MAX_TOPIC_CHARS:
            raise InputError(
                f"What the exercise practises has {len(focus)} characters; the limit is {MAX_TOPIC_CHARS}. "
                "Name it in a few words, e.g. 'prompts'.",
                "focus",
            )
        language: Lang = lang or detect_language(f"{topic} {senior}", default="de")
        history = profile.history(language) if profile is not None else ""
        request = PlanRequest(topic.strip(), minutes, session, of, senior.strip(), history, focus)
        hits = self.material.for_reader(self._query(request, language), language)
        frame = plan_frame(request, language, self.agendas)
        # a topic the lexicon does not know may still have a topic card: look for it by the topic alone
        cards = (
            self.material.for_reader(request.focus or request.topic, language)
            if frame.practice is not None and frame.practised.term is None
            else []
        )
        spec = prompts.load("prepare", self.prompts_dir)
        messages = spec.render(
            language,
            topic=request.topic,
            minutes=str(minutes),
            session=str(session),
            of=str(of),
            kind=request.kind,
            senior=request.senior or "-",
            history=history or "-",
            frame=frame.describe(),
            material=format_docs(hits),
        )
        messages = prompts.with_turns(messages, turns)
        content, outcome = generate(
            self.llm,
            frame.schema(),
            messages,
            lambda p: check_plan(p, request, language),
            lambda: fill_frame(frame, self.material.retriever, cards),
            language,
            self.method,
            build=frame.merge,
        )
        plan = SessionPlan(
            **content.model_dump(include=set(PlanContent.model_fields)),
            language=language,
            backend=outcome.backend,
            sources=to_sources(hits),
            note=outcome.note,
            topic=request.topic,
            minutes=minutes,
            session_number=session,
            total_sessions=of,
            senior=request.senior,
            focus=request.focus,
        )
        return plan, outcome

    @staticmethod
    def _query(request: PlanRequest, lang: Lang) -> str:
        about = f"{request.topic} ({request.focus})" if request.focus else request.topic
        return pick(
            lang,
            f"{about}: Sitzung vorbereiten, Praxisübung, Ablauf",
            f"{about}: preparing a session, hands-on exercise, agenda",
        )
