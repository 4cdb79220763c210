"""The prepare mode: validation, checks, the offline composer, exports."""

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.catalog import load_catalog
from assistant.errors import InputError
from assistant.modes.prepare.checks import check_plan
from assistant.modes.prepare.models import AgendaItem, PlanContent, PlanRequest
from assistant.modes.prepare.service import PrepareService
from assistant.render.export import plan_to_ics, plan_to_markdown
from assistant.settings import PROJECT_ROOT
from assistant.store import SessionRecord, TandemProfile
from tests.support.fakes import stub_material

CATALOG = load_catalog(PROJECT_ROOT / "knowledge")


def service(llm: Any = None) -> PrepareService:
    return PrepareService(
        stub_material(), llm, PROJECT_ROOT / "prompts", CATALOG.agendas, CATALOG.profile, max_chars=2000
    )


CASES = [
    ("ChatGPT für E-Mails", 60, 1, 6, "de"),
    ("LinkedIn-Profil", 45, 2, 6, "de"),
    ("Teams channels", 55, 3, 6, "en"),
    ("Phishing erkennen", 90, 4, 6, "de"),
    ("Feedbackkultur", 75, 6, 6, "de"),
    ("hybrid meetings", 30, 2, 4, "en"),
    ("Generational perspectives", 120, 5, 8, "en"),
    ("Datenschutz", 10, 3, 6, "de"),
    ("Copilot", 240, 1, 1, "en"),
]


@pytest.mark.parametrize(("topic", "minutes", "session", "of", "lang"), CASES)
def test_offline_plans_pass_every_check(topic: str, minutes: int, session: int, of: int, lang: Any) -> None:
    plan, outcome = service().plan(topic, minutes, session, of, lang=lang)
    request = PlanRequest(topic, minutes, session, of)
    assert check_plan(plan, request, lang) == []
    assert outcome.backend == "offline" and plan.backend == "offline" and plan.language == lang
    assert sum(item.minutes for item in plan.agenda) == minutes
    assert f"{session}" in plan.title and topic in plan.title


def test_every_regular_session_practises_and_a_first_one_only_on_a_digital_topic() -> None:
    # changed with issue 8: a regular session on any topic has its hands-on block, so it has an exercise
    # (a real situation played through when the topic is not digital); before, only digital topics had one
    assert service().plan("ChatGPT", 60, 2, 6, lang="de")[0].exercise is not None
    assert service().plan("Feedbackkultur", 60, 2, 6, lang="de")[0].exercise is not None
    assert service().plan("ChatGPT", 60, 1, 6, lang="de")[0].exercise is not None
    assert service().plan("Feedbackkultur", 60, 1, 6, lang="de")[0].exercise is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", 60, 1, 6), "topic is empty"),
        (("KI", 5, 1, 6), "between 10 and 240"),
        (("KI", 241, 1, 6), "240"),
        (("KI", 60, 7, 6), "must not exceed"),
        (("KI", 60, 0, 6), "1 or more"),
    ],
)
def test_bad_input_names_the_problem(args: tuple[str, int, int, int], message: str) -> None:
    with pytest.raises(InputError, match=message):
        service().plan(*args)


def _plan(items: list[AgendaItem]) -> PlanContent:
    return PlanContent(
        title="Sitzung 2 von 6: KI", goals=["Die Führungskraft probiert KI selbst aus"], agenda=items
    )


def test_checks_name_each_broken_rule() -> None:
    items = [
        AgendaItem(
            title="Praxis",
            minutes=30,
            activity="Wir probieren das Werkzeug gemeinsam aus.",
            guiding_questions=["Hast du das verstanden?"],
        ),
        AgendaItem(title="Abschluss", minutes=20, activity="Wir halten die nächsten Schritte fest."),
    ]
    errors = check_plan(_plan(items), PlanRequest("ChatGPT", 60, 2, 6), "de")
    joined = " ".join(errors)
    assert "add up to 50" in joined and "check-in" in joined and "not an open question" in joined
    assert "hands-on exercise" in joined


def test_first_session_rules() -> None:
    items = [
        AgendaItem(
            title="Input",
            minutes=30,
            activity="Kurzer Vortrag über das Werkzeug und seine Grenzen.",
            guiding_questions=["Was wissen Sie schon?"],
        ),
        AgendaItem(title="Fragen", minutes=30, activity="Offene Fragen klären und Beispiele besprechen."),
    ]
    errors = check_plan(_plan(items), PlanRequest("Feedback", 60, 1, 6), "de")
    assert sum("first session must include" in e for e in errors) == 3


def test_plan_builds_on_the_tandem_history() -> None:
    profile = TandemProfile(name="T1", senior="Bereichsleiterin Einkauf", sessions_planned=5, lang="de")
    profile.sessions = [
        SessionRecord(number=n, held_on="2026-10-01", topic=t, summary=s)
        for n, t, s in [(1, "Kennenlernen", "Ziele vereinbart"), (2, "ChatGPT", "erste Prompts geschrieben")]
    ]
    plan, _ = service().plan("Prompts", 60, profile=profile)
    assert "erste Prompts geschrieben" in plan.agenda[0].activity
    assert (plan.session_number, plan.total_sessions, plan.senior) == (3, 5, "Bereichsleiterin Einkauf")
    assert plan.language == "de"
    explicit, _ = service().plan("Prompts", 45, session=5, senior="CFO", lang="en", profile=profile)
    assert (explicit.session_number, explicit.total_sessions, explicit.senior) == (5, 5, "CFO")


def test_markdown_and_ics_exports(tmp_path: Path) -> None:
    from icalendar import Calendar

    plan, _ = service().plan("LinkedIn", 45, 2, 6, lang="en")
    md = plan_to_markdown(plan)
    assert md.startswith("# Session 2 of 6: LinkedIn") and "## Agenda (45 min)" in md
    calendar = Calendar.from_ical(plan_to_ics(plan, datetime(2026, 12, 3, 10, 0)))
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["summary"]) == plan.title
    assert (event.decoded("dtend") - event.decoded("dtstart")).total_seconds() == 45 * 60
    assert "Check-in on the last session" in str(event["description"])


def test_what_the_request_leaves_open_comes_from_the_programme_profile() -> None:
    plan, _ = service().plan("Copilot", lang="en")
    assert plan.minutes == CATALOG.profile.session_minutes.standard
    assert (plan.session_number, plan.total_sessions) == (1, CATALOG.profile.sessions)
    closing, _ = service().plan("Copilot", 45, lang="en", last=True)
    assert closing.session_number == closing.total_sessions == CATALOG.profile.sessions
