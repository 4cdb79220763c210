"""Senior-to-junior question bank: open questions a senior mentee asks the junior mentor (senior_questions.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from assistant.catalog.banks import _require_open
from assistant.catalog.scenarios import Lang, NonEmptyStr, _duplicates, parse_file, read_yaml

__all__ = [
    "SENIOR_THEMES",
    "SeniorQuestionBank",
    "SeniorQuestionSet",
    "SeniorTheme",
    "load_senior_questions",
]

SeniorTheme = Literal["working-world", "tools", "try-next", "asking-for-feedback", "feedback-for-junior"]
SENIOR_THEMES: tuple[SeniorTheme, ...] = get_args(SeniorTheme)
_LANGS: tuple[Lang, ...] = ("de", "en")


class SeniorQuestionSet(BaseModel):
    """Open questions for one theme and language."""

    model_config = ConfigDict(extra="forbid")

    theme: SeniorTheme
    lang: Lang
    questions: list[NonEmptyStr] = Field(min_length=3)

    @field_validator("questions")
    @classmethod
    def _open_and_unique(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """Every question is open, and none appears twice in the set."""
        _require_open(value, info.data.get("lang"), "questions")
        dups = _duplicates(q.casefold() for q in value)
        if dups:
            raise ValueError(
                f"questions must be unique within a set; remove the duplicate(s) {'; '.join(dups)}"
            )
        return value


class SeniorQuestionBank(BaseModel):
    """Questions a senior mentee can ask the junior mentor, by theme and language; every theme in both languages."""

    model_config = ConfigDict(extra="forbid")

    questions: list[SeniorQuestionSet] = Field(min_length=1)

    @field_validator("questions")
    @classmethod
    def _unique_and_bilingual(cls, value: list[SeniorQuestionSet]) -> list[SeniorQuestionSet]:
        """Each theme/lang combination appears once, and every theme used appears in German and English."""
        dups = _duplicates(f"{s.theme}/{s.lang}" for s in value)
        if dups:
            raise ValueError(f"theme/lang must be unique; merge the entries for {', '.join(dups)}")
        present = {(s.theme, s.lang) for s in value}
        missing = [
            f"{theme}/{lang}"
            for theme in dict.fromkeys(s.theme for s in value)
            for lang in _LANGS
            if (theme, lang) not in present
        ]
        if missing:
            raise ValueError(
                f"every theme needs a German and an English set; add the entries for {', '.join(missing)}"
            )
        return value

    def get(self, theme: SeniorTheme, lang: Lang) -> list[str]:
        """Return the questions for a theme and language ([] if there are none)."""
        for entry in self.questions:
            if (entry.theme, entry.lang) == (theme, lang):
                return list(entry.questions)
        return []

    def themes(self) -> list[SeniorTheme]:
        """Return the themes in file order, without duplicates."""
        return list(dict.fromkeys(entry.theme for entry in self.questions))

    def for_lang(self, lang: Lang) -> dict[SeniorTheme, list[str]]:
        """Return all questions of one language, by theme in file order."""
        return {entry.theme: list(entry.questions) for entry in self.questions if entry.lang == lang}


def load_senior_questions(path: Path) -> SeniorQuestionBank:
    """Load and validate senior_questions.yaml."""
    return parse_file(SeniorQuestionBank, read_yaml(path), path)
