"""The reflect mode for seniors: Gibbs reflection prompts after a session, GROW questions for the mentor,
and closed questions opened up (LLM with checks and one repair round, or the offline composer)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant import prompts
from assistant.catalog import QuestionBank, ReflectionPrompts
from assistant.errors import MAX_CHARS_SETTING, InputError, require_text
from assistant.modes.generation import Method, Outcome, generate
from assistant.modes.material import Material, format_docs, to_sources
from assistant.modes.reflect.checks import check_reflection
from assistant.modes.reflect.compose import compose_reflection
from assistant.modes.reflect.frame import reflection_frame
from assistant.modes.reflect.models import ReflectionSet, ReflectKind
from assistant.schema import Hit
from assistant.text.language import Lang, detect_language, pick

KINDS: tuple[ReflectKind, ...] = get_args(ReflectKind)
_QUERY: dict[ReflectKind, tuple[str, str]] = {
    "after-session": (
        "Nach der Session reflektieren mit dem Gibbs-Zyklus: Beschreibung, Gefühle, Bewertung, Analyse, "
        "Schlussfolgerung, Aktionsplan",
        "Reflecting after the session with Gibbs' reflective cycle: description, feelings, evaluation, analysis, "
        "conclusion, action plan",
    ),
    "questions": (
        "Offene Fragen und das GROW-Modell: Ziel, Realität, Optionen, Wille",
        "Open questions and the GROW model: goal, reality, options, will",
    ),
    "open-up": (
        "Geschlossene Fragen in offene Fragen umformulieren, W-Fragen, GROW-Modell",
        "Turning closed questions into open ones with what and how, GROW model",
    ),
}
_EXAMPLES: dict[ReflectKind, str] = {
    "after-session": "Heute haben wir ChatGPT für E-Mails ausprobiert. Ich war skeptisch.",
    "questions": "LinkedIn für Führungskräfte",
    "open-up": "Ist das sicher? Kann ich das für E-Mails nutzen?",
}


def validate_context(context: str, kind: str, max_chars: int) -> str:
    """The stripped text; an unknown kind, empty or over-long text raises InputError naming the field."""
    if kind not in KINDS:
        raise InputError(f"Unknown kind '{kind}': use one of {', '.join(KINDS)}.", "kind")
    if not re.search(r"\w", context or ""):
        context = ""
    return require_text(context, "text", max_chars, _EXAMPLES[kind], MAX_CHARS_SETTING)


@dataclass
class ReflectService:
    """The `reflect` mode: a context in, a ReflectionSet of labelled open questions out."""

    material: Material
    llm: BaseChatModel | None
    prompts_dir: Path
    questions: QuestionBank
    reflection: ReflectionPrompts
    max_chars: int
    method: Method = "auto"

    def retrieve(self, context: str, kind: ReflectKind, lang: Lang) -> list[Hit]:
        """Programme material on the method (Gibbs, open questions and GROW), searched with the context."""
        return self.material.for_reader(f"{pick(lang, *_QUERY[kind])}. {context[:300]}", lang)

    def reflect(
        self,
        context: str,
        kind: ReflectKind = "after-session",
        lang: Lang | None = None,
        *,
        turns: Sequence[BaseMessage] = (),
    ) -> tuple[ReflectionSet, Outcome]:
        """Reflection prompts, questions for the mentor, or open alternatives; the Outcome says how they came
        about. `turns` are the conversation's earlier turns for the model (`conversation.history`)."""
        context = validate_context(context, kind, self.max_chars)
        language: Lang = lang or detect_language(context)
        hits = self.retrieve(context, kind, language)
        frame = reflection_frame(context, kind, language, self.questions, self.reflection)
        messages = []
        if self.llm is not None:
            spec = prompts.load("reflect", self.prompts_dir)
            material = format_docs(hits) or pick(language, "(kein Material gefunden)", "(no material found)")
            messages = spec.render(
                language, kind=kind, context=context, material=material, slots=frame.describe()
            )
            messages = prompts.with_turns(messages, turns)
        content, outcome = generate(
            self.llm,
            frame.schema(),
            messages,
            check=lambda obj: check_reflection(obj, language, kind, context),
            compose=lambda: compose_reflection(context, kind, language, self.questions, self.reflection),
            lang=language,
            method=self.method,
            build=frame.merge,
        )
        result = ReflectionSet(
            intro=content.intro,
            items=content.items,
            language=language,
            backend=outcome.backend,
            sources=to_sources(hits),
            note=outcome.note,
            kind=kind,
            context=context,
        )
        return result, outcome
