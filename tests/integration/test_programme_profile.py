"""The programme profile is the single source of the programme's numbers.

The agenda bank and every document under knowledge/ must agree with knowledge/programme-profile.yaml. When a
programme changes its profile, these tests list every place that now disagrees, as `file:line: message`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.catalog import (
    PROFILE_FILE,
    ProgrammeProfile,
    agenda_mismatches,
    load_agenda_templates,
    load_programme_profile,
)
from tests.conftest import ROOT
from tests.support.profile_audit import Disagreement, audit_file, audit_knowledge
from tests.support.profile_claims import check_sentence

KNOWLEDGE = ROOT / "knowledge"
AGENDAS = KNOWLEDGE / "banks" / "agendas.yaml"
PROFILE = load_programme_profile(KNOWLEDGE / PROFILE_FILE)


def _report(found: list[Disagreement]) -> str:
    lines = "\n".join(f"  {d}" for d in found)
    return (
        f"{len(found)} place(s) contradict knowledge/{PROFILE_FILE}; change them to the profile's numbers "
        f"(or change the profile if the document is right):\n{lines}"
    )


def _template_lines() -> list[int]:
    """The line on which each template of agendas.yaml starts."""
    root = yaml.compose(AGENDAS.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert isinstance(root, yaml.MappingNode)
    templates = next(value for key, value in root.value if key.value == "templates")
    return [node.start_mark.line + 1 for node in templates.value]


def test_agenda_bank_follows_the_profile() -> None:
    lines = _template_lines()
    found = [
        Disagreement("knowledge/banks/agendas.yaml", lines[index] if index is not None else 1, message)
        for index, message in agenda_mismatches(PROFILE, load_agenda_templates(AGENDAS))
    ]
    assert not found, _report(found)


def test_documents_agree_with_the_profile() -> None:
    found = audit_knowledge(KNOWLEDGE, PROFILE, ROOT)
    assert not found, _report(found)


# --- the audit itself: general German and English patterns ------------------------------------------------

CONTRADICTIONS = [
    ("Cancel at least 24 hours ahead and propose a new date.", "24 hours"),
    ("Absagen spätestens einen Tag vorher, außer im Notfall.", "einen Tag vorher"),
    ("Absagen bitte mindestens 24 Stunden vorher.", "24 Stunden"),
    ("The programme runs eight sessions over eight months.", "eight sessions over eight months"),
    ("Das Programm umfasst zehn Sitzungen über etwa sechs Monate.", "zehn Sitzungen über etwa sechs Monate"),
    ("Agree what the senior will demonstrate in session 8.", "session 8"),
    ("Tandems that complete all six sessions count as completed.", "all six sessions"),
    (
        "Als abgeschlossen gilt ein Tandem mit mindestens vier von sechs Sitzungen.",
        "mindestens vier von sechs",
    ),
    ("A realistic rhythm is two sessions of 60 minutes a month.", "two sessions of 60 minutes a month"),
    ("Die Tandems treffen sich alle zwei Wochen.", "alle zwei Wochen"),
    ("Session 2 follows two to three weeks later.", "two to three weeks later"),
    ("Offer a shorter session: 30 instead of 60 minutes.", "30 instead of 60 minutes"),
    ("A 75-minute session works for bigger topics.", "75-minute session"),
    ("Eine Sitzung dauert 30 bis 60 Minuten.", "30 bis 60 Minuten"),
    ("Aim for at least two thirds of the session with hands-on practice.", "two thirds of the session"),
    ("Das praktische Üben sollte etwa 60 Prozent der Sitzung ausmachen.", "60 Prozent"),
    ("A junior mentor invests about 30 to 40 hours in total.", "30 to 40 hours"),
    ("Plan about 20 minutes of preparation per session.", "20 minutes of preparation per session"),
    ("Reserve the last 5 minutes of each session for reflection.", "5 minutes"),
    ("Zur Halbzeit nimmt sich das Tandem etwa 30 Minuten für die Überprüfung.", "30 Minuten"),
]


@pytest.mark.parametrize(("sentence", "quote"), CONTRADICTIONS, ids=[q for _, q in CONTRADICTIONS])
def test_audit_finds_a_contradicting_sentence(sentence: str, quote: str) -> None:
    messages = check_sentence(sentence, "", PROFILE)
    assert any(quote in m for m in messages), messages


AGREEING = [
    "The programme runs six sessions over about six months, roughly one per month, three to five weeks apart.",
    "Das Programm umfasst sechs Sitzungen über etwa sechs Monate, also ungefähr eine pro Monat.",
    "Each session lasts 45 to 90 minutes; 60 minutes is the usual default.",
    "Cancel at least 48 hours ahead and propose a new date within two weeks.",
    "Absagen mindestens 48 Stunden vorher, zusammen mit einem neuen Terminvorschlag.",
    "Tandems with at least five of the six sessions, the closing session among them, count as completed.",
    "Hands-on practice should take the largest share, roughly 40 to 45 percent of the session.",
    "A junior mentor invests roughly 18 to 25 hours, about three to four hours a month.",
    "Budget 30-60 minutes of preparation per session.",
    "At the halfway point, usually in session 3 or 4, the tandem spends 10 to 15 minutes reviewing it.",
    "Send a short follow-up note within 24 hours.",
    "One post a week or every two weeks is realistic.",
]


@pytest.mark.parametrize("sentence", AGREEING)
def test_audit_accepts_sentences_that_agree(sentence: str) -> None:
    assert check_sentence(sentence, "", PROFILE) == []


def test_audit_checks_agendas_and_names_file_and_line(tmp_path: Path) -> None:
    doc = tmp_path / "demo.en.md"
    doc.write_text(
        "---\nid: demo.en\n---\n\n# Demo\n\n## 60-minute session agenda\n\n"
        "| Minutes | Block |\n|---|---|\n| 0-5 (5) | Check-in |\n| 5-20 (15) | Focus topic |\n"
        "| 20-45 (25) | Practice |\n| 45-55 (10) | Reflection |\n| 55-60 (5) | Next steps |\n\n"
        "## Suggested plan\n\n**Session 1 (60 minutes):** 10 min goals; 10 min concepts; 25 min exercise; "
        "10 min debrief.\n",
        encoding="utf-8",
    )
    found = [str(d) for d in audit_file(doc, PROFILE, tmp_path)]
    assert found[0].startswith("demo.en.md:9: agenda table splits the regular 60-minute session 5 + 15 + 25")
    assert "5 + 5 + 10 + 25 + 10 + 5" in found[0]
    assert found[1] == "demo.en.md:19: session plan adds up to 55 minutes, not the 60 it names"


def test_a_changed_profile_lists_every_document_that_now_disagrees() -> None:
    changed: ProgrammeProfile = PROFILE.model_copy(
        update={"cancellation": PROFILE.cancellation.model_copy(update={"notice_hours": 24})}
    )
    new = set(audit_knowledge(KNOWLEDGE, changed, ROOT)) - set(audit_knowledge(KNOWLEDGE, PROFILE, ROOT))
    files = {d.path for d in new}
    assert "knowledge/programme/learning-agreement.en.md" in files
    assert "knowledge/programme/learning-agreement.de.md" in files
    assert all("the profile says 24 hours (cancellation.notice_hours)" in d.message for d in new)
