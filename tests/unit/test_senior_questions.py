"""The senior-to-junior question bank: shipped data, schema, loader and its place in the catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.catalog import (
    SENIOR_THEMES,
    CatalogError,
    Lang,
    SeniorQuestionBank,
    load_catalog,
    load_senior_questions,
)
from assistant.text.questions import is_open_question

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
BANK = KNOWLEDGE / "banks" / "senior_questions.yaml"
LANGS: tuple[Lang, ...] = ("de", "en")


@pytest.fixture(scope="module")
def bank() -> SeniorQuestionBank:
    return load_senior_questions(BANK)


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "senior_questions.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _valid() -> dict[str, Any]:
    return {
        "questions": [
            {
                "theme": "tools",
                "lang": "en",
                "questions": [
                    "Which tool do you open first in the morning?",
                    "How do you keep track of your tasks?",
                    "What do you do when a tool fails?",
                ],
            },
            {
                "theme": "tools",
                "lang": "de",
                "questions": [
                    "Welches Werkzeug öffnen Sie morgens als Erstes?",
                    "Wie behalten Sie Ihre Aufgaben im Blick?",
                    "Was tun Sie, wenn ein Werkzeug ausfällt?",
                ],
            },
        ]
    }


# --- shipped data ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", SENIOR_THEMES)
def test_every_theme_has_at_least_five_open_questions_per_language(
    bank: SeniorQuestionBank, theme: Any, lang: Lang
) -> None:
    questions = bank.get(theme, lang)
    assert len(questions) >= 5, f"{theme}/{lang}"
    closed = [q for q in questions if not is_open_question(q, lang)]
    assert not closed, closed


def test_languages_are_twins(bank: SeniorQuestionBank) -> None:
    assert bank.themes() == list(SENIOR_THEMES)
    de, en = bank.for_lang("de"), bank.for_lang("en")
    assert list(de) == list(en)
    assert {theme: len(qs) for theme, qs in de.items()} == {theme: len(qs) for theme, qs in en.items()}


def test_no_question_is_repeated_within_a_language(bank: SeniorQuestionBank) -> None:
    for lang in LANGS:
        every = [q.casefold() for qs in bank.for_lang(lang).values() for q in qs]
        assert len(every) == len(set(every)), lang


def test_german_questions_address_the_mentor_formally(bank: SeniorQuestionBank) -> None:
    for question in (q for qs in bank.for_lang("de").values() for q in qs):
        words = {w.strip("?,.").lower() for w in question.split()}
        assert not words & {"du", "dir", "dich", "dein", "deine", "hast", "kannst", "bist"}, question


def test_catalog_carries_the_senior_bank() -> None:
    catalog = load_catalog(KNOWLEDGE)
    assert catalog.senior_questions.get("try-next", "en")
    assert catalog.senior_questions.themes() == list(SENIOR_THEMES)


# --- schema and loader ------------------------------------------------------------------------------------


def test_valid_bank_loads_and_lookups_work(tmp_path: Path) -> None:
    bank = load_senior_questions(_write(tmp_path, _valid()))
    assert bank.themes() == ["tools"]
    assert bank.get("tools", "de")[0].startswith("Welches")
    assert bank.get("working-world", "en") == []
    assert list(bank.for_lang("en")) == ["tools"]


def test_closed_question_is_rejected_with_its_text(tmp_path: Path) -> None:
    data = _valid()
    data["questions"][1]["questions"][0] = "Nutzen Sie KI-Werkzeuge?"
    with pytest.raises(CatalogError) as info:
        load_senior_questions(_write(tmp_path, data))
    assert "Nutzen Sie KI-Werkzeuge?" in str(info.value) and "open questions" in str(info.value)


def test_missing_language_twin_is_rejected(tmp_path: Path) -> None:
    data = _valid()
    del data["questions"][1]
    with pytest.raises(CatalogError, match="tools/de"):
        load_senior_questions(_write(tmp_path, data))


def test_duplicate_theme_and_language_is_rejected(tmp_path: Path) -> None:
    data = _valid()
    data["questions"].append(dict(data["questions"][0]))
    with pytest.raises(CatalogError, match="tools/en"):
        load_senior_questions(_write(tmp_path, data))


def test_duplicate_question_within_a_set_is_rejected(tmp_path: Path) -> None:
    data = _valid()
    data["questions"][0]["questions"].append("how do you keep track of your tasks?")
    with pytest.raises(CatalogError, match="unique"):
        load_senior_questions(_write(tmp_path, data))


@pytest.mark.parametrize(
    ("field", "value"),
    [("theme", "small-talk"), ("lang", "fr"), ("questions", ["What is new?", "How are you?"])],
)
def test_invalid_values_are_rejected(tmp_path: Path, field: str, value: Any) -> None:
    data = _valid()
    data["questions"][0][field] = value
    with pytest.raises(CatalogError):
        load_senior_questions(_write(tmp_path, data))


def test_unknown_field_and_non_mapping_are_rejected(tmp_path: Path) -> None:
    data = _valid()
    data["questions"][0]["topic"] = "tools"
    with pytest.raises(CatalogError, match="topic"):
        load_senior_questions(_write(tmp_path, data))
    with pytest.raises(CatalogError, match="top level"):
        load_senior_questions(_write(tmp_path, ["not", "a", "mapping"]))
