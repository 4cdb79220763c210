"""Question, reflection, agenda and feedback-phrase banks: schemas, loaders and the open-question check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from assistant.catalog.scenarios import (
    Lang,
    NonEmptyStr,
    Slug,
    _duplicates,
    parse_file,
    read_yaml,
)
from assistant.text.questions import is_open_question

GrowPhase = Literal["goal", "reality", "options", "will"]
GibbsStage = Literal["description", "feelings", "evaluation", "analysis", "conclusion", "action_plan"]
SessionKind = Literal["first", "regular", "closing"]
PhraseKind = Literal["label", "generalisation", "you_statement", "mind_reading", "sarcasm", "insult"]

GROW_PHASES: tuple[GrowPhase, ...] = get_args(GrowPhase)
GIBBS_STAGES: tuple[GibbsStage, ...] = get_args(GibbsStage)
SESSION_KINDS: tuple[SessionKind, ...] = get_args(SessionKind)
PHRASE_KINDS: tuple[PhraseKind, ...] = get_args(PhraseKind)


def _require_open(items: list[str], lang: object, what: str) -> None:
    """Raise ValueError listing the items that are not open questions in `lang`."""
    if lang not in ("de", "en"):
        return  # the lang field itself failed validation and is reported there
    bad = [item for item in items if not is_open_question(item, str(lang))]
    if bad:
        listed = "; ".join(repr(item) for item in bad)
        raise ValueError(
            f"{what} must be open questions: ending in '?' and opening with a question word, not with a verb "
            f"(e.g. 'Is', 'Hast', 'Can'); rephrase with what/how/which or wie/was/welche: {listed}"
        )


class QuestionSet(BaseModel):
    """Open questions for one topic, GROW phase and language."""

    model_config = ConfigDict(extra="forbid")

    topic: Slug
    phase: GrowPhase
    lang: Lang
    questions: list[NonEmptyStr] = Field(min_length=1)

    @field_validator("questions")
    @classmethod
    def _open(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """Every question must be open."""
        _require_open(value, info.data.get("lang"), "questions")
        return value


class QuestionBank(BaseModel):
    """Open questions for mentors and seniors, by topic, GROW phase and language (questions.yaml)."""

    model_config = ConfigDict(extra="forbid")

    questions: list[QuestionSet] = Field(min_length=1)

    @field_validator("questions")
    @classmethod
    def _unique(cls, value: list[QuestionSet]) -> list[QuestionSet]:
        """Each topic/phase/lang combination appears once."""
        dups = _duplicates(f"{s.topic}/{s.phase}/{s.lang}" for s in value)
        if dups:
            raise ValueError(f"topic/phase/lang must be unique; merge the entries for {', '.join(dups)}")
        return value

    def get(self, topic: str, phase: GrowPhase, lang: Lang) -> list[str]:
        """Return the questions for a topic, phase and language ([] if there are none)."""
        for entry in self.questions:
            if (entry.topic, entry.phase, entry.lang) == (topic, phase, lang):
                return list(entry.questions)
        return []

    def topics(self) -> list[str]:
        """Return the topics in file order, without duplicates."""
        return list(dict.fromkeys(entry.topic for entry in self.questions))


class ReflectionSet(BaseModel):
    """Reflection prompts for one Gibbs stage and language."""

    model_config = ConfigDict(extra="forbid")

    stage: GibbsStage
    lang: Lang
    prompts: list[NonEmptyStr] = Field(min_length=1)

    @field_validator("prompts")
    @classmethod
    def _open(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """Every prompt must be an open question."""
        _require_open(value, info.data.get("lang"), "prompts")
        return value


class ReflectionPrompts(BaseModel):
    """Reflection prompts by Gibbs stage and language (reflection.yaml)."""

    model_config = ConfigDict(extra="forbid")

    stages: list[ReflectionSet] = Field(min_length=1)

    @field_validator("stages")
    @classmethod
    def _unique(cls, value: list[ReflectionSet]) -> list[ReflectionSet]:
        """Each stage/lang combination appears once."""
        dups = _duplicates(f"{s.stage}/{s.lang}" for s in value)
        if dups:
            raise ValueError(f"stage/lang must be unique; merge the entries for {', '.join(dups)}")
        return value

    def get(self, stage: GibbsStage, lang: Lang) -> list[str]:
        """Return the prompts for a Gibbs stage and language ([] if there are none)."""
        for entry in self.stages:
            if (entry.stage, entry.lang) == (stage, lang):
                return list(entry.prompts)
        return []


class AgendaItem(BaseModel):
    """One block of a session agenda."""

    model_config = ConfigDict(extra="forbid")

    title: NonEmptyStr
    minutes: int = Field(gt=0)
    activity: NonEmptyStr
    guiding_questions: list[NonEmptyStr] = Field(default_factory=list)


class AgendaTemplate(BaseModel):
    """An agenda for one session kind, duration and language; item minutes add up to the duration."""

    model_config = ConfigDict(extra="forbid")

    session: SessionKind
    minutes: Literal[45, 60, 90]
    lang: Lang
    items: list[AgendaItem] = Field(min_length=2)

    @model_validator(mode="after")
    def _consistent(self) -> AgendaTemplate:
        """Item minutes sum to the duration and guiding questions are open."""
        total = sum(item.minutes for item in self.items)
        if total != self.minutes:
            raise ValueError(
                f"item minutes add up to {total}, not {self.minutes}; adjust the items' minutes "
                f"({' + '.join(str(i.minutes) for i in self.items)})"
            )
        for index, item in enumerate(self.items):
            _require_open(item.guiding_questions, self.lang, f"items[{index}].guiding_questions")
        return self


class AgendaTemplates(BaseModel):
    """Agenda templates by session kind, duration and language (agendas.yaml)."""

    model_config = ConfigDict(extra="forbid")

    templates: list[AgendaTemplate] = Field(min_length=1)

    @field_validator("templates")
    @classmethod
    def _unique(cls, value: list[AgendaTemplate]) -> list[AgendaTemplate]:
        """Each session/minutes/lang combination appears once."""
        dups = _duplicates(f"{t.session}/{t.minutes}/{t.lang}" for t in value)
        if dups:
            raise ValueError(f"session/minutes/lang must be unique; remove the duplicates {', '.join(dups)}")
        return value

    def get(self, session: SessionKind, minutes: int, lang: Lang) -> AgendaTemplate | None:
        """Return the template with exactly this session kind, duration and language, if any."""
        for template in self.templates:
            if (template.session, template.minutes, template.lang) == (session, minutes, lang):
                return template
        return None

    def closest(self, session: SessionKind, minutes: int, lang: Lang) -> AgendaTemplate | None:
        """Return the template of this kind and language whose duration is nearest to `minutes`."""
        candidates = [t for t in self.templates if t.session == session and t.lang == lang]
        return min(candidates, key=lambda t: (abs(t.minutes - minutes), t.minutes), default=None)


class FeedbackPhrase(BaseModel):
    """A pattern of judgemental wording, why it hurts, and neutral alternatives."""

    model_config = ConfigDict(extra="forbid")

    id: Slug
    lang: Lang
    kind: PhraseKind
    pattern: NonEmptyStr
    examples: list[NonEmptyStr] = Field(min_length=1)
    why: NonEmptyStr
    alternatives: list[NonEmptyStr] = Field(min_length=1)
    _regex: re.Pattern[str] | None = PrivateAttr(default=None)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        """The pattern compiles and uses word boundaries."""
        try:
            re.compile(value, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(
                f"pattern does not compile ({exc}); fix the regular expression "
                "(in YAML, single-quote it so backslashes stay literal)"
            ) from None
        if r"\b" not in value:
            raise ValueError(r"pattern must use \b word boundaries so that it only matches whole words")
        return value

    @model_validator(mode="after")
    def _examples_match(self) -> FeedbackPhrase:
        """Every example is matched, on whole words."""
        for example in self.examples:
            matches = list(self.regex.finditer(example))
            if not matches or any(not m.group() for m in matches):
                raise ValueError(f"examples: pattern does not match {example!r}; fix pattern or example")
            if not all(_whole_words(example, m.start(), m.end()) for m in matches):
                raise ValueError(f"examples: pattern matches only part of a word in {example!r}; add \\b")
        return self

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled, case-insensitive pattern."""
        if self._regex is None:
            self._regex = re.compile(self.pattern, re.IGNORECASE)
        return self._regex


def _whole_words(text: str, start: int, end: int) -> bool:
    """True if text[start:end] neither starts nor ends inside a word."""
    inside_left = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    inside_right = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not inside_left and not inside_right


@dataclass(frozen=True)
class PhraseHit:
    """One judgemental phrase found in a text."""

    phrase: FeedbackPhrase
    start: int
    end: int
    text: str


class WordList(BaseModel):
    """Words per language: whole words, case-insensitive; German ones also with their endings; * = any ending."""

    model_config = ConfigDict(extra="forbid")

    de: list[NonEmptyStr] = Field(min_length=1)
    en: list[NonEmptyStr] = Field(min_length=1)
    _regex: dict[str, re.Pattern[str]] = PrivateAttr(default_factory=dict)

    def regex(self, lang: Lang) -> re.Pattern[str]:
        """One pattern for all words of a language (longest first, so "well done" wins over "well")."""
        if lang not in self._regex:
            ending = r"(?:e|en|er|es|em|n|s)?" if lang == "de" else ""
            words = sorted(getattr(self, lang), key=len, reverse=True)
            parts = [
                r"\s+".join(map(re.escape, w.rstrip("*").split())) + (r"\w*" if w.endswith("*") else ending)
                for w in words
            ]
            self._regex[lang] = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
        return self._regex[lang]


class FeedbackWords(BaseModel):
    """Praise words (praise is no judgement) and negative evaluations (judgements wherever they stand)."""

    model_config = ConfigDict(extra="forbid")

    praise: WordList
    negative: WordList


class KindAdvice(BaseModel):
    """Why a kind of judgemental wording hurts, with neutral alternatives, for judgements found by rules."""

    model_config = ConfigDict(extra="forbid")

    why: NonEmptyStr
    alternatives: list[NonEmptyStr] = Field(min_length=1)


class FeedbackPhrases(BaseModel):
    """Judgemental wording patterns with neutral alternatives, and the words the feedback rules use
    (feedback_phrases.yaml)."""

    model_config = ConfigDict(extra="forbid")

    phrases: list[FeedbackPhrase] = Field(min_length=1)
    words: FeedbackWords | None = None
    advice: dict[PhraseKind, dict[Lang, KindAdvice]] = Field(default_factory=dict)

    @field_validator("phrases")
    @classmethod
    def _unique(cls, value: list[FeedbackPhrase]) -> list[FeedbackPhrase]:
        """Phrase ids are unique."""
        dups = _duplicates(p.id for p in value)
        if dups:
            raise ValueError(f"phrase ids must be unique; rename the duplicate(s) {', '.join(dups)}")
        return value

    def for_lang(self, lang: Lang) -> list[FeedbackPhrase]:
        """Return the phrases of one language."""
        return [p for p in self.phrases if p.lang == lang]

    def scan(self, text: str, lang: Lang | None = None) -> list[PhraseHit]:
        """Find judgemental wording in `text` (all languages if `lang` is None), ordered by position."""
        plain = text.replace("’", "'")  # same length, so match offsets stay valid for `text`
        hits = [
            PhraseHit(phrase, m.start(), m.end(), text[m.start() : m.end()])
            for phrase in self.phrases
            if lang is None or phrase.lang == lang
            for m in phrase.regex.finditer(plain)
            if m.group()
        ]
        return sorted(hits, key=lambda h: (h.start, h.end, h.phrase.id))


def load_question_bank(path: Path) -> QuestionBank:
    """Load and validate questions.yaml."""
    return parse_file(QuestionBank, read_yaml(path), path)


def load_reflection_prompts(path: Path) -> ReflectionPrompts:
    """Load and validate reflection.yaml."""
    return parse_file(ReflectionPrompts, read_yaml(path), path)


def load_agenda_templates(path: Path) -> AgendaTemplates:
    """Load and validate agendas.yaml."""
    return parse_file(AgendaTemplates, read_yaml(path), path)


def load_feedback_phrases(path: Path) -> FeedbackPhrases:
    """Load and validate feedback_phrases.yaml."""
    return parse_file(FeedbackPhrases, read_yaml(path), path)
