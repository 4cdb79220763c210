"""The programme profile model: the shipped values, and readable errors when the numbers do not fit."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.catalog import (
    PROFILE_FILE,
    AgendaTemplates,
    CatalogError,
    agenda_mismatches,
    load_agenda_templates,
    load_programme_profile,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "knowledge" / PROFILE_FILE
DATA: dict[str, Any] = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / PROFILE_FILE
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _error(tmp_path: Path, change: Any) -> str:
    data = copy.deepcopy(DATA)
    change(data)
    with pytest.raises(CatalogError) as err:
        load_programme_profile(_write(tmp_path, data))
    message = str(err.value)
    assert PROFILE_FILE in message
    return message


def _split(data: dict[str, Any], session: str, minutes: int) -> dict[str, Any]:
    return next(s for s in data["agendas"] if (s["session"], s["minutes"]) == (session, minutes))


def test_shipped_profile_values() -> None:
    profile = load_programme_profile(SHIPPED)
    assert (profile.sessions, profile.duration_months) == (6, 6)
    assert (profile.session_minutes.standard, profile.session_minutes.allowed) == (60, [45, 60, 90])
    assert profile.cancellation.notice_hours == 48
    assert profile.completion.min_sessions == 5 and profile.completion.closing_session_required
    assert profile.cadence.sessions_per_month == 1
    regular = profile.split("regular", 60)
    assert regular is not None and [b.id for b in regular.blocks][3] == "hands_on"
    for split in profile.agendas:
        assert sum(b.minutes for b in split.blocks) == split.minutes
        percent = profile.hands_on_percent(split)
        if split.session == "regular":
            assert percent is not None and 40 <= percent <= 45


def test_split_that_does_not_add_up_names_kind_and_length(tmp_path: Path) -> None:
    message = _error(tmp_path, lambda d: _split(d, "regular", 60)["blocks"][0].update(minutes=10))
    assert "agendas[4](regular/60)" in message
    assert "regular session of 60 minutes" in message
    assert "add up to 65, not 60" in message
    assert "10 + 5 + 10 + 25 + 10 + 5" in message


def test_unknown_field_lists_the_allowed_ones(tmp_path: Path) -> None:
    message = _error(tmp_path, lambda d: d["cancellation"].update(notice_days=2))
    assert "cancellation.notice_days: unknown field" in message
    assert "notice_hours, reschedule_within_days" in message


def test_hands_on_share_and_reflection_minimum_are_checked(tmp_path: Path) -> None:
    def shorten_reflection(d: dict[str, Any]) -> None:
        blocks = _split(d, "regular", 45)["blocks"]
        blocks[2]["minutes"], blocks[3]["minutes"] = 25, 5  # hands_on 25 of 45, reflection 5

    message = _error(tmp_path, shorten_reflection)
    assert "regular/45: the 'hands_on' block takes 25 of 45 minutes (56 %)" in message
    assert "regular/45: 'reflection' has 5 minutes, less than the 10" in message


def test_every_kind_needs_a_split_for_every_allowed_length(tmp_path: Path) -> None:
    message = _error(tmp_path, lambda d: d["agendas"].remove(_split(d, "closing", 90)))
    assert "no split for closing/90" in message
    message = _error(tmp_path, lambda d: d["session_minutes"].update(standard=50))
    assert "standard length 50 is not among the allowed lengths" in message


def test_rules_must_fit_together(tmp_path: Path) -> None:
    message = _error(tmp_path, lambda d: d["completion"].update(min_sessions=7))
    assert "min_sessions (7) is more than the programme's 6 sessions" in message
    message = _error(tmp_path, lambda d: d["cadence"].update(sessions_per_month=2))
    assert "sessions_per_month 2 does not match 3-5 weeks between sessions" in message
    message = _error(tmp_path, lambda d: d["time_commitment"]["junior"]["hours_per_month"].update(max=5))
    assert "junior: hours_per_month 3-5 does not match hours_total 18-25 over 6 months" in message
    message = _error(tmp_path, lambda d: d["midway_review"].update(sessions=[6]))
    assert "must lie between session 1 and session 6" in message


def test_missing_profile_is_a_readable_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"programme-profile\.yaml: cannot read file"):
        load_programme_profile(tmp_path / PROFILE_FILE)


def test_agenda_mismatches_name_template_and_profile_split() -> None:
    profile = load_programme_profile(SHIPPED)
    bank = load_agenda_templates(ROOT / "knowledge" / "banks" / "agendas.yaml")
    assert agenda_mismatches(profile, bank) == []
    data = bank.model_dump()
    template = next(
        t for t in data["templates"] if (t["session"], t["minutes"], t["lang"]) == ("regular", 60, "de")
    )
    template["items"][0]["minutes"], template["items"][4]["minutes"] = 10, 5
    data["templates"] = [
        t for t in data["templates"] if (t["session"], t["minutes"], t["lang"]) != ("first", 45, "en")
    ]
    found = agenda_mismatches(profile, AgendaTemplates.model_validate(data))
    messages = [message for _, message in found]
    assert any(
        m.startswith("regular/60/de: items take 10 + 5 + 10 + 25 + 5 + 5 minutes")
        and "5 + 5 + 10 + 25 + 10 + 5" in m
        for m in messages
    )
    assert "first/45/en: no template for this profile split; add one" in messages
