"""The feedback coach: flag judgemental wording by rules, then rewrite the remark as SBI, I-message and
feedforward (LLM with checks and one repair round, or the offline composer)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant import prompts
from assistant.catalog import FeedbackPhrases
from assistant.errors import MAX_CHARS_SETTING, InputError, require_text
from assistant.modes.feedback.checks import check_feedback
from assistant.modes.feedback.compose import compose_feedback
from assistant.modes.feedback.flags import find_flags
from assistant.modes.feedback.frame import feedback_frame
from assistant.modes.feedback.models import FeedbackDraft, FlaggedSpan
from assistant.modes.feedback.tone import remark_tone
from assistant.modes.generation import Method, Outcome, generate
from assistant.modes.material import Material, format_docs, to_sources
from assistant.schema import Hit
from assistant.text.language import Lang, detect_language, pick

_QUERY_TERMS: dict[Lang, str] = {
    "de": "Feedback geben SBI Ich-Botschaft Feedforward",
    "en": "giving feedback SBI I-message feedforward",
}


def validate_remark(remark: str, context: str, max_chars: int) -> tuple[str, str]:
    """The stripped remark and context; empty or over-long input raises InputError naming the field."""
    text = require_text(remark, "remark", max_chars, "You always interrupt me", MAX_CHARS_SETTING)
    where = (context or "").strip()
    if len(where) > max_chars:
        raise InputError(
            f"The context has {len(where)} characters; the limit is {max_chars}. Shorten it to the one or two "
            "sentences that matter.",
            "context",
        )
    return text, where


def format_flags(flags: list[FlaggedSpan], lang: Lang) -> str:
    """The flags as a bullet list for the prompt.

    >>> print(format_flags([FlaggedSpan(text="never", start=4, end=9, kind="generalisation", why="W.")], "en"))
    - "never" (generalisation, characters 4-9): W.
    """
    if not flags:
        return pick(lang, "- (keine wertenden Formulierungen gefunden)", "- (no judgemental wording found)")
    where = pick(lang, "Zeichen", "characters")
    return "\n".join(f'- "{f.text}" ({f.kind}, {where} {f.start}-{f.end}): {f.why}' for f in flags)


@dataclass
class FeedbackService:
    """The `feedback` mode: a remark in, a FeedbackDraft with flags and rewrites out."""

    material: Material
    llm: BaseChatModel | None
    prompts_dir: Path
    phrases: FeedbackPhrases
    max_chars: int
    method: Method = "auto"

    def retrieve(self, remark: str, lang: Lang) -> list[Hit]:
        """Programme material on giving feedback, searched with the remark plus the method names."""
        return self.material.for_reader(f"{remark} {_QUERY_TERMS[lang]}", lang)

    def coach(
        self,
        remark: str,
        context: str = "",
        lang: Lang | None = None,
        *,
        turns: Sequence[BaseMessage] = (),
    ) -> tuple[FeedbackDraft, Outcome]:
        """Flag the remark's judgemental wording and rewrite it; the Outcome says how the rewrite came about.
        `turns` are the conversation's earlier turns for the model (`conversation.history`)."""
        remark, context = validate_remark(remark, context, self.max_chars)
        language: Lang = lang or detect_language(f"{remark} {context}")
        flags = find_flags(remark, language, self.phrases)
        tone = remark_tone(remark, language, flags, self.phrases)
        frame = feedback_frame(flags, language, tone)
        hits = self.retrieve(remark, language)
        messages: list[BaseMessage] = []
        if self.llm is not None:
            spec = prompts.load("feedback", self.prompts_dir)
            messages = spec.render(
                language,
                remark=remark,
                context=context or pick(language, "(keine Angabe)", "(not given)"),
                flags=format_flags(flags, language),
                tips=frame.describe(),
                material=format_docs(hits)
                or pick(language, "(kein Material gefunden)", "(no material found)"),
            )
            messages = prompts.with_turns(messages, turns)

        def check(content: Any) -> list[str]:
            return check_feedback(content, remark, language, self.phrases)

        content, outcome = generate(
            self.llm,
            frame.schema(),
            messages,
            check,
            lambda: compose_feedback(remark, context, language, self.phrases, flags, tone),
            language,
            self.method,
            build=frame.merge,
        )
        draft = FeedbackDraft(
            **content.model_dump(),
            language=language,
            backend=outcome.backend,
            sources=to_sources(hits),
            note=outcome.note,
            remark=remark,
            context=context,
            flags=flags,
        )
        return draft, outcome
