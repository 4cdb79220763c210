"""The reflect mode for seniors: Gibbs reflection prompts after a session, GROW questions for the mentor,
and closed questions opened up (LLM with checks and one repair round, or the offline composer)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from langchain_core.language_models import BaseChatModel

from assistant import prompts
from assistant.catalog import GIBBS_STAGES, GROW_PHASES, QuestionBank, ReflectionPrompts
from assistant.errors import InputError, require_text
from assistant.modes.generation import Method, Outcome, generate
from assistant.modes.material import Material, format_docs, to_sources
from assistant.modes.reflect.checks import check_reflection, normalise_labels
from assistant.modes.reflect.compose import compose_reflection
from assistant.modes.reflect.models import ReflectionContent, ReflectionSet, ReflectKind
from assistant.modes.reflect.open import is_w_question, split_questions
from assistant.modes.reflect.topics import bank_questions, find_topics
from assistant.schema import Hit
from assistant.text.language import Lang, detect_language, pick
from assistant.text.topics import detect_topic

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
_GERMAN_HINTS = re.compile(
    r"\b(?:ki|datenschutz\w*|rückmeldung\w*|lern\w*|sitzung\w*|heute|gestern|besprechung\w*|zusammenarbeit\w*|"
    r"soziale\w*|medien|arbeiten|sicher|hybride\w*|werkzeug\w*|ziel\w*|fragen?|gespräch\w*|mentorin|toll|posten)\b",
    re.IGNORECASE,
)
_ENGLISH_HINTS = re.compile(
    r"\b(?:session\w*|today|yesterday|meetings?|learn\w*|goals?|questions?|privacy|data|work\w*|tools?|"
    r"showed|tried|great|posting)\b",
    re.IGNORECASE,
)


def validate_context(context: str, kind: str, max_chars: int) -> str:
    """The stripped text; an unknown kind, empty or over-long text raises InputError naming the field."""
    if kind not in KINDS:
        raise InputError(f"Unknown kind '{kind}': use one of {', '.join(KINDS)}.", "kind")
    if not re.search(r"\w", context or ""):
        context = ""
    return require_text(context, "text", max_chars, _EXAMPLES[kind])


def guess_language(context: str) -> Lang:
    """The user's language; when the words are too few to tell ('Datenschutz', 'LinkedIn'), typical words decide.

    >>> guess_language("Datenschutz"), guess_language("LinkedIn"), guess_language("war gut heute")
    ('de', 'en', 'de')
    """
    german = detect_language(context, default="de")
    if german == detect_language(context, default="en"):
        return german
    return "de" if len(_GERMAN_HINTS.findall(context)) > len(_ENGLISH_HINTS.findall(context)) else "en"


def hints(
    context: str, kind: ReflectKind, lang: Lang, questions: QuestionBank, reflection: ReflectionPrompts
) -> str:
    """What the rules found in the text, and bank questions to adapt: for the prompt's `hints`."""
    if kind == "open-up":
        found = split_questions(context, lang)
        if not found:
            return pick(lang, "- (keine Frage im Text gefunden)", "- (no question found in the text)")
        kinds = pick(lang, "offen|geschlossen", "open|closed").split("|")
        return "\n".join(f"- {q} ({kinds[0] if is_w_question(q, lang) else kinds[1]})" for q in found)
    if kind == "questions":
        topic = detect_topic(context)
        lines = [pick(lang, f"Erkanntes Thema: {topic}", f"Recognised topic: {topic}")]
        for phase in GROW_PHASES:
            lines += [f"- [{phase}] {q}" for q in bank_questions(questions, topic, phase, lang)]
        return "\n".join(lines)
    named = ", ".join(t.nom for t in find_topics(context, lang)) or "-"
    lines = [pick(lang, f"Genannte Themen und Werkzeuge: {named}", f"Topics and tools named: {named}")]
    for stage in GIBBS_STAGES:
        lines += [f"- [{stage}] {q}" for q in reflection.get(stage, lang)[:2]]
    return "\n".join(lines)


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
        self, context: str, kind: ReflectKind = "after-session", lang: Lang | None = None
    ) -> tuple[ReflectionSet, Outcome]:
        """Reflection prompts, questions for the mentor, or open alternatives; the Outcome says how they came about."""
        context = validate_context(context, kind, self.max_chars)
        language: Lang = lang or guess_language(context)
        hits = self.retrieve(context, kind, language)
        messages = []
        if self.llm is not None:
            spec = prompts.load("reflect", self.prompts_dir)
            material = format_docs(hits) or pick(language, "(kein Material gefunden)", "(no material found)")
            messages = spec.render(
                language,
                kind=kind,
                context=context,
                material=material,
                hints=hints(context, kind, language, self.questions, self.reflection),
            )
        content, outcome = generate(
            self.llm,
            ReflectionContent,
            messages,
            check=lambda obj: check_reflection(normalise_labels(obj), language, kind, context),
            compose=lambda: compose_reflection(context, kind, language, self.questions, self.reflection),
            lang=language,
            method=self.method,
        )
        content = normalise_labels(content)
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
