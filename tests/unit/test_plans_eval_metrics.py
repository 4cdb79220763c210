"""The plans eval's measures fail on the plan the issue describes, and never read the echoed input."""

from assistant.evaluation.plans import (
    PlanCase,
    covered_blocks,
    effect_count,
    exercise_problems,
    number_problems,
    pasted,
    readable,
)
from assistant.modes.prepare.models import AgendaItem, Exercise, SessionPlan

CASE = PlanCase(
    id="x",
    split="dev",
    lang="de",
    topic="Zoom für Kundentermine",
    minutes=45,
    session=1,
    of=6,
    senior="telefoniert lieber, skeptisch gegenüber Videocalls",
    blocks=["getting_to_know", "expectations", "learning_agreement", "exercise", "next_steps"],
    exercise_about=["Zoom", "Kamera"],
    context_effect=["Bedenken", "Skep"],
    must_not=["öffnet „Zoom für Kundentermine“"],
)


def issue_plan() -> SessionPlan:
    """The plan of the issue: a 10-minute exercise outside an agenda of 45 minutes, the topic pasted."""
    titles = ["Ankommen und Kennenlernen", "Erwartungen", "Erste Themen", "Lernvereinbarung", "Abschluss"]
    return SessionPlan(
        title="Sitzung 1 von 6: Zoom für Kundentermine",
        goals=["Ein erstes Ziel zum Thema „Zoom für Kundentermine“ wählen"],
        agenda=[
            AgendaItem(title=t, minutes=m, activity="Reden.", guiding_questions=["Was denken Sie?"])
            for t, m in zip(titles, [10, 10, 10, 10, 5], strict=True)
        ],
        exercise=Exercise(
            title="Praxisübung: Zoom für Kundentermine (20 Minuten)",
            minutes=10,
            steps=[
                "Die Führungskraft öffnet „Zoom für Kundentermine“ auf dem eigenen Gerät. (10 Minuten)",
                "Gemeinsam drei Merksätze notieren. (10 Minuten)",
            ],
        ),
        materials=[
            "Skepsis gegenüber Videocalls bedenken: telefoniert lieber, skeptisch gegenüber Videocalls"
        ],
        language="de",
        backend="offline",
        topic=CASE.topic,
        minutes=45,
        senior=CASE.senior,
    )


def test_the_issue_plan_fails_every_measure() -> None:
    plan = issue_plan()
    assert "exercise" not in covered_blocks(plan, CASE)
    problems = " ".join(exercise_problems(plan, CASE))
    assert "practice block" in problems and "steps take 20 minutes" in problems
    assert "steps name none" in problems  # the pasted topic does not count as naming the tool
    assert any("title says 20 minutes" in p for p in number_problems(plan, CASE))
    assert pasted(plan, CASE) == ["öffnet „Zoom für Kundentermine“"]


def test_echoes_of_the_input_are_not_read() -> None:
    text = readable(issue_plan(), CASE)
    assert "Zoom für Kundentermine" not in text and "telefoniert lieber" not in text
    assert "Sitzung 1 von 6" not in text  # the header
    # 'Skepsis' and 'bedenken' were written by the plan, not copied: they count
    assert effect_count(issue_plan(), CASE) == 2
