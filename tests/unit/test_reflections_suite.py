"""The reflections eval itself: the dataset's shape and the suite's own rules (they must not read the echoed
input, and they judge open questions and stages independently of the product's checks)."""

from __future__ import annotations

from collections import Counter

import pytest

from assistant.evaluation.reflections import (
    ClosedQuestion,
    ReflectionCase,
    judge_open,
    load_cases,
    mentions,
    score_case,
    summarise,
)
from assistant.modes.reflect.models import ReflectionItem, ReflectionSet


def _result(items: list[tuple[str, str]], context: str, intro: str = "Fragen zur Sitzung.") -> ReflectionSet:
    return ReflectionSet(
        intro=intro,
        items=[ReflectionItem(label=label, question=question) for label, question in items],
        language="de",
        backend="offline",
        sources=[],
        note="",
        kind="after-session",
        context=context,
    )


def test_the_dataset_has_enough_cases_and_a_held_out_test_split() -> None:
    cases = load_cases()
    assert len(cases) >= 60
    splits = Counter(case.split for case in cases)
    assert splits["test"] / len(cases) >= 0.40
    for split in ("dev", "test"):
        kinds = {(c.kind, c.lang) for c in cases if c.split == split}
        assert kinds == {
            (k, lang) for k in ("after-session", "questions", "open-up") for lang in ("de", "en")
        }
    assert all(case.stages for case in cases if case.kind != "open-up")
    assert all(case.closed for case in cases if case.kind == "open-up")


def test_facts_are_found_only_in_what_was_generated_never_in_the_echoed_context() -> None:
    case = ReflectionCase(
        id="x",
        split="dev",
        lang="de",
        kind="after-session",
        text="Heute Excel-Makros, ich war nervös.",
        stages=["feelings"],
        facts=[["Makro"], ["nervös"]],
    )
    echoing = _result([("feelings", "Wie ging es Ihnen heute?")] * 3, context=case.text)
    assert score_case(case, echoing).facts == (0, 2)
    taking_up = _result([("feelings", "Was hat Sie bei den Makros nervös gemacht?")] * 3, context=case.text)
    assert score_case(case, taking_up).facts == (2, 2)


def test_a_stage_is_covered_only_by_a_labelled_question_that_asks_about_it() -> None:
    case = ReflectionCase(
        id="x", split="dev", lang="de", kind="after-session", text="t", stages=["feelings", "action_plan"]
    )
    result = _result(
        [
            ("feelings", "Was haben Sie heute ausprobiert?"),  # labelled feelings, asks for a description
            ("action_plan", "Was möchten Sie bis zur nächsten Sitzung ausprobieren?"),
            ("analysis", "Wie haben Sie sich dabei gefühlt?"),  # asks about feelings, labelled analysis
        ],
        context="t",
    )
    assert score_case(case, result).stages == (1, 2)


def test_open_up_coverage_needs_an_open_question_about_every_labelled_aspect() -> None:
    case = ReflectionCase(
        id="x",
        split="dev",
        lang="de",
        kind="open-up",
        text="Ist Teams sicher?",
        closed=[ClosedQuestion(question="Ist Teams sicher?", about=[["Teams"], ["sicher", "Risik"]])],
        avoid=["überhaupt"],
    )
    closed_only = _result(
        [("open", "Ist Teams sicher?"), ("open", "Nutzt du Teams?"), ("open", "Was ist neu?")], ""
    )
    score = score_case(case, closed_only)
    assert score.closed == (0, 1) and score.open == (1, 3)
    opened = _result(
        [
            ("open", "Welche Risiken siehst du bei Teams?"),
            ("open", "Was brauchst du überhaupt?"),
            ("open", "Wie?"),
        ],
        "",
    )
    score = score_case(case, opened)
    assert score.closed == (1, 1) and not score.judgement_free  # "überhaupt" is a built-in answer


def test_judgemental_wording_is_found() -> None:
    case = ReflectionCase(id="x", split="dev", lang="de", kind="after-session", text="t", stages=["analysis"])
    blaming = _result([("analysis", "Warum haben Sie nicht besser zugehört?")] * 3, context="t")
    assert not score_case(case, blaming).judgement_free
    assert summarise([score_case(case, blaming)])["no_judgement"] == 0.0


@pytest.mark.parametrize(
    ("question", "lang", "is_open"),
    [
        ("Habe ich genug geübt?", "de", False),
        ("Inwiefern hilft das?", "de", True),
        ("Seit wann nutzen Sie das?", "de", True),
        ("Das klappt?", "de", False),
        ("When did you feel most at ease, and when least?", "en", True),
        ("Thinking back, which moment stood out?", "en", True),
        ("Any ideas?", "en", False),
        ("What went well", "en", False),
    ],
)
def test_the_suites_own_open_question_rule(question: str, lang: str, is_open: bool) -> None:
    assert judge_open(question, lang) is is_open  # type: ignore[arg-type]


def test_facts_match_at_a_word_start_and_acronyms_in_capitals() -> None:
    assert mentions("die Outlook-Regeln", ["Regel"]) and not mentions("Kanalregeln", ["Regel"])
    assert mentions("Was sagt die IT?", ["IT"]) and not mentions("Was hat es gebracht?", ["IT"])
