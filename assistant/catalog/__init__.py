"""Structured programme data: role-play scenarios, question/reflection banks, agendas and feedback phrases."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.catalog.banks import (
    GIBBS_STAGES,
    GROW_PHASES,
    PHRASE_KINDS,
    SESSION_KINDS,
    AgendaItem,
    AgendaTemplate,
    AgendaTemplates,
    FeedbackPhrase,
    FeedbackPhrases,
    GibbsStage,
    GrowPhase,
    PhraseHit,
    PhraseKind,
    QuestionBank,
    QuestionSet,
    ReflectionPrompts,
    ReflectionSet,
    SessionKind,
    load_agenda_templates,
    load_feedback_phrases,
    load_question_bank,
    load_reflection_prompts,
)
from assistant.catalog.practice import RoleplayBank
from assistant.catalog.profile import (
    PROFILE_FILE,
    ProgrammeProfile,
    agenda_mismatches,
    load_programme_profile,
)
from assistant.catalog.scenarios import (
    CatalogError,
    HiddenConcern,
    Lang,
    Persona,
    RubricCriterion,
    Scenario,
    load_scenarios,
    pair_problems,
    parse_file,
    read_yaml,
    scenario_pairs,
)
from assistant.catalog.senior_questions import (
    SENIOR_THEMES,
    SeniorQuestionBank,
    SeniorQuestionSet,
    SeniorTheme,
    load_senior_questions,
)

__all__ = [
    "GIBBS_STAGES",
    "GROW_PHASES",
    "PHRASE_KINDS",
    "PROFILE_FILE",
    "SENIOR_THEMES",
    "SESSION_KINDS",
    "AgendaItem",
    "AgendaTemplate",
    "AgendaTemplates",
    "Catalog",
    "CatalogError",
    "FeedbackPhrase",
    "FeedbackPhrases",
    "GibbsStage",
    "GrowPhase",
    "HiddenConcern",
    "Lang",
    "Persona",
    "PhraseHit",
    "PhraseKind",
    "ProgrammeProfile",
    "QuestionBank",
    "QuestionSet",
    "ReflectionPrompts",
    "ReflectionSet",
    "RoleplayBank",
    "RubricCriterion",
    "Scenario",
    "SeniorQuestionBank",
    "SeniorQuestionSet",
    "SeniorTheme",
    "SessionKind",
    "agenda_mismatches",
    "load_agenda_templates",
    "load_catalog",
    "load_feedback_phrases",
    "load_programme_profile",
    "load_question_bank",
    "load_reflection_prompts",
    "load_roleplay_bank",
    "load_scenarios",
    "load_senior_questions",
    "pair_problems",
    "scenario_pairs",
]


@dataclass(frozen=True)
class Catalog:
    """All structured programme data: scenarios, the banks (including the senior question bank) and the profile."""

    scenarios: list[Scenario]
    questions: QuestionBank
    reflection: ReflectionPrompts
    agendas: AgendaTemplates
    phrases: FeedbackPhrases
    profile: ProgrammeProfile
    senior_questions: SeniorQuestionBank
    roleplay: RoleplayBank

    def scenario(self, scenario_id: str, lang: Lang | None = None) -> Scenario:
        """Return the scenario with this id in `lang` (without `lang`: the first, German before English).

        Raises KeyError if there is none.
        """
        for scenario in self.scenarios:
            if scenario.id == scenario_id and lang in (None, scenario.lang):
                return scenario
        raise KeyError(scenario_id if lang is None else f"{scenario_id}.{lang}")

    def scenarios_for(self, lang: Lang) -> list[Scenario]:
        """Return the scenarios in one language."""
        return [s for s in self.scenarios if s.lang == lang]


def load_catalog(knowledge_dir: Path) -> Catalog:
    """Load `knowledge_dir/scenarios/<id>.<lang>.yaml`, the banks in `knowledge_dir/banks/` and the profile."""
    banks = knowledge_dir / "banks"
    scenarios = load_scenarios(knowledge_dir / "scenarios")
    if not scenarios:
        raise CatalogError(f"{knowledge_dir / 'scenarios'}: no scenario files (*.yaml); add at least one")
    return Catalog(
        scenarios=scenarios,
        questions=load_question_bank(banks / "questions.yaml"),
        reflection=load_reflection_prompts(banks / "reflection.yaml"),
        agendas=load_agenda_templates(banks / "agendas.yaml"),
        phrases=load_feedback_phrases(banks / "feedback_phrases.yaml"),
        senior_questions=load_senior_questions(banks / "senior_questions.yaml"),
        profile=load_programme_profile(knowledge_dir / PROFILE_FILE),
        roleplay=load_roleplay_bank(banks / "roleplay.yaml"),
    )


def load_roleplay_bank(path: Path) -> RoleplayBank:
    """Load knowledge/banks/roleplay.yaml: the persona's shared reactions and the debrief's wording."""
    return parse_file(RoleplayBank, read_yaml(path), path)
