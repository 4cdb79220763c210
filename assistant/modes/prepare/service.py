"""Prepare a session (juniors): a timed agenda, goals, open questions and a hands-on exercise."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from assistant import prompts
from assistant.catalog import AgendaTemplates, SessionKind
from assistant.coaching.ask import to_sources
from assistant.coaching.checks import check_language, check_open_questions
from assistant.coaching.context import format_docs
from assistant.coaching.models import PlanContent, SessionPlan
from assistant.coaching.prepare_compose import compose_plan
from assistant.coaching.structured import Method, Outcome, generate
from assistant.coaching.topics import is_digital
from assistant.errors import InputError
from assistant.lang import Lang, detect_language, pick
from assistant.rag.retrieve import Filters, Retriever
from assistant.schema import Hit

MIN_MINUTES, MAX_MINUTES = 10, 240
_FIRST = {
    "getting to know each other": r"kennenlern|vorstell|get(ting)? to know|introduc|ankommen",
    "expectations": r"erwartung|expectation|hoffnung|hopes",
    "the learning agreement": r"lernvereinbarung|learning agreement",
}
_CHECK_IN = r"check-in|rückblick|letzte[nr]? sitzung|last session|recap|review of|was ist seit"


@dataclass
class PlanRequest:
    """What the junior asked for, validated."""

    topic: str
    minutes: int
    session: int = 1
    of: int = 6
    senior: str = ""
    history: str = ""  # one line per earlier session, from the tandem profile

    @property
    def kind(self) -> SessionKind:
        if self.session == 1:
            return "first"
        return "closing" if self.session == self.of else "regular"

    @property
    def digital(self) -> bool:
        return is_digital(self.topic)


def validate_request(topic: str, minutes: int, session: int, of: int) -> None:
    """Bad input gets a message that names the problem and what to do."""
    if not topic.strip():
        raise InputError('The topic is empty: say what the session is about, e.g. --topic "ChatGPT basics".')
    if len(topic) > 300:
        raise InputError(
            f"The topic has {len(topic)} characters; keep it under 300 and put details in --senior."
        )
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InputError(f"--minutes must be between {MIN_MINUTES} and {MAX_MINUTES}, not {minutes}.")
    if of < 1 or session < 1:
        raise InputError("--session and --of must be 1 or more.")
    if session > of:
        raise InputError(f"Session {session} of {of} does not exist: --session must not exceed --of.")


def check_plan(plan: PlanContent, request: PlanRequest, lang: Lang) -> list[str]:
    """The deterministic rules a session plan must meet."""
    errors: list[str] = []
    total = sum(item.minutes for item in plan.agenda)
    if total != request.minutes:
        errors.append(
            f"agenda minutes add up to {total}, but the session has {request.minutes} minutes: "
            "adjust the blocks so they sum exactly"
        )
    text = " ".join(f"{i.title} {i.activity}" for i in plan.agenda).lower()
    if request.kind == "first":
        for what, pattern in _FIRST.items():
            if not re.search(pattern, text):
                errors.append(f"a first session must include {what}: add an agenda block for it")
    elif plan.agenda and not re.search(
        _CHECK_IN, f"{plan.agenda[0].title} {plan.agenda[0].activity}".lower()
    ):
        errors.append(
            "a later session must open with a check-in on the last session: make it the first block"
        )
    questions = [q for item in plan.agenda for q in item.guiding_questions]
    if not questions:
        errors.append("add open guiding questions to the agenda blocks")
    errors += check_open_questions(questions, lang, "guiding question")
    if request.digital and (plan.exercise is None or len(plan.exercise.steps) < 2):
        errors.append("a digital topic needs a hands-on exercise with at least two concrete steps")
    if plan.exercise is not None and plan.exercise.minutes > request.minutes:
        errors.append("the exercise is longer than the whole session")
    if any(not g.strip() for g in plan.goals):
        errors.append("goals must not be empty")
    readable = [plan.title, *plan.goals, *(f"{i.title}. {i.activity}" for i in plan.agenda)]
    errors += check_language(readable, lang, "the plan")
    return errors


@dataclass
class PrepareService:
    """The `prepare` mode."""

    retriever: Retriever
    llm: BaseChatModel | None
    prompts_dir: Path
    agendas: AgendaTemplates
    method: Method = "auto"
    top_k: int = 5

    def plan(
        self,
        topic: str,
        minutes: int,
        session: int = 1,
        of: int = 6,
        senior: str = "",
        lang: Lang | None = None,
        history: str = "",
    ) -> tuple[SessionPlan, Outcome]:
        """A checked session plan, from the LLM or the offline composer."""
        validate_request(topic, minutes, session, of)
        request = PlanRequest(topic.strip(), minutes, session, of, senior.strip(), history)
        language: Lang = lang or detect_language(f"{topic} {senior}", default="de")
        hits = self._material(request, language)
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
            digital="yes" if request.digital else "no",
            material=format_docs(hits),
        )
        content, outcome = generate(
            self.llm,
            PlanContent,
            messages,
            lambda p: check_plan(p, request, language),
            lambda: compose_plan(request, language, self.agendas, hits, self.retriever),
            language,
            self.method,
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
        )
        return plan, outcome

    def _material(self, request: PlanRequest, lang: Lang) -> list[Hit]:
        query = pick(
            lang,
            f"{request.topic}: Sitzung vorbereiten, Praxisübung, Ablauf",
            f"{request.topic}: preparing a session, hands-on exercise, agenda",
        )
        return self.retriever.search(query, self.top_k, Filters())
