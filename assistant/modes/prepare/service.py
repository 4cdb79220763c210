"""Prepare a session (juniors): a timed agenda, goals, open questions and a hands-on exercise."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from assistant import prompts
from assistant.catalog import AgendaTemplates
from assistant.modes.generation import Method, Outcome, generate
from assistant.modes.material import format_docs, to_sources
from assistant.modes.prepare.checks import check_plan
from assistant.modes.prepare.compose import compose_plan
from assistant.modes.prepare.models import PlanContent, PlanRequest, SessionPlan, validate_request
from assistant.rag.retrieve import Filters, Retriever
from assistant.schema import Hit
from assistant.text.language import Lang, detect_language, pick


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
